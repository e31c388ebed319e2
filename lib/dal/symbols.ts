import "server-only";
// The listed symbols a position can be opened on (the add-position form's choices).
import type { SymbolListResponse } from "@/lib/contracts/symbols";
import { getPrisma } from "@/lib/db/prisma";

export async function listSymbols(): Promise<SymbolListResponse> {
  const rows = await getPrisma().symbol.findMany({ select: { symbol: true, name: true, assetType: true }, orderBy: { symbol: "asc" } });
  return { symbols: rows };
}
