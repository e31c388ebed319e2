// FMP's company profile, GET {base}/stable/profile?symbol=PLTR&apikey=…, answering a JSON array with
// one object per listing: { symbol, companyName, exchange ("NASDAQ"), exchangeFullName, isEtf, sector,
// … }. The legacy /api/v3 form names the short exchange exchangeShortName, which is read too. An
// unknown symbol gets `[]` (or `{}`).
import { z } from "zod";
import type { SymbolProfile } from "./provider";
import { sectorFromFmp } from "./vendor-sectors";

export const FMP_PROFILE_ENDPOINT = "/stable/profile";

const text = z.string().trim().min(1);

const profileSchema = z.object({
  symbol: text,
  companyName: text,
  exchange: text.nullish(),
  exchangeShortName: text.nullish(),
  isEtf: z.boolean(),
  sector: z.string().nullish(),
});

const bodySchema = z.union([z.array(z.unknown()), z.object({}).strict()]);

/** The profile of `symbol` in one answer; null when FMP does not know it. Throws on a body not FMP's format. */
export function parseFmpProfile(body: unknown, symbol: string): SymbolProfile | null {
  const shape = bodySchema.safeParse(body);
  if (!shape.success) throw new Error(`FMP sent an unexpected profile of ${symbol}: expected a JSON array`);
  if (!Array.isArray(shape.data) || shape.data.length === 0) return null;
  const items = shape.data.map((item, i) => {
    const parsed = profileSchema.safeParse(item);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    throw new Error(`FMP sent an unexpected profile of ${symbol}: item ${i} ${issue.path.join(".") || "itself"}: ${issue.message}`);
  });
  const profile = items.find((p) => p.symbol.toUpperCase() === symbol.toUpperCase());
  if (!profile) throw new Error(`FMP sent an unexpected profile of ${symbol}: it is for ${items.map((p) => p.symbol).join(", ")}`);
  const exchange = profile.exchangeShortName ?? profile.exchange;
  if (!exchange) throw new Error(`FMP sent an unexpected profile of ${symbol}: it names no exchange`);
  return {
    symbol,
    name: profile.companyName,
    exchange,
    assetType: profile.isEtf ? "ETF" : "STOCK",
    sector: sectorFromFmp(profile.sector, profile.isEtf),
  };
}
