// GET /api/symbols: the listed symbols (ticker, name, stock or ETF) a public position or an option's
// underlying can be opened on.
import { z } from "zod";

export const symbolListResponse = z.object({
  symbols: z.array(z.object({ symbol: z.string(), name: z.string(), assetType: z.enum(["STOCK", "ETF"]) })),
});
export type SymbolListResponse = z.infer<typeof symbolListResponse>;
