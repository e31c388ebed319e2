// GET /api/portfolios and /api/portfolios/[id]: the portfolios a caller may read, with their latest NAV.
import { z } from "zod";
import { isoDateSchema } from "@/lib/dates";

const portfolioSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  ownerId: z.string(),
  ownerName: z.string(),
  currency: z.string(),
  startingEquity: z.number(),
  inceptionDate: isoDateSchema,
  positionCount: z.number().int(),
  latest: z.object({ date: isoDateSchema, nav: z.number().nullable(), pnlDay: z.number().nullable(), pnlCumulative: z.number().nullable() }).nullable(),
});
export type PortfolioSummary = z.infer<typeof portfolioSummarySchema>;

export const portfolioListResponse = z.object({ portfolios: z.array(portfolioSummarySchema) });

export const portfolioResponse = z.object({ portfolio: portfolioSummarySchema });
