// The open symbol universe (README, "Market data"): a ticker that the symbols table does not list is looked up with
// the configured vendor; one it knows is listed (table `symbols`) with its price history from the
// batch's look-back before the earliest date it is needed through the as-of date, so the batch values
// it like a bundled one. Every other symbol gets the reason it was refused, to be shown after its name.
import { lookbackStart } from "@/lib/batch/phases/market-data";
import { withTransaction } from "@/lib/db/pool";
import type { IsoDate } from "@/lib/dates";
import type pg from "pg";
import { VendorError, type MarketDataProvider, type SymbolProfile } from "./provider";
import { upsertPrices } from "./store-prices";

export const NEEDS_VENDOR =
  "is not a listed symbol; Riskline looks up other symbols with a market data vendor (set MARKET_DATA_PROVIDER=fmp and FMP_API_KEY)";

/**
 * Lists the symbols (symbol → earliest entry date) the vendor knows; answers why each other one stays
 * unlisted, a phrase that follows the symbol ("XYZ is unknown to …"). `asOfDate` is asked only when
 * there is something to fetch.
 */
export async function resolveSymbols(
  pool: pg.Pool,
  provider: MarketDataProvider,
  needed: ReadonlyMap<string, IsoDate>,
  asOfDate: () => Promise<IsoDate>,
): Promise<Map<string, string>> {
  const refused = new Map<string, string>();
  const lookup = provider.lookupSymbol?.bind(provider);
  if (!lookup) {
    for (const symbol of needed.keys()) refused.set(symbol, NEEDS_VENDOR);
    return refused;
  }
  const vendor = `the vendor (${provider.name})`;
  // The provider's own rate limit paces these requests.
  const looked = await Promise.all(
    [...needed.keys()].map(async (symbol): Promise<{ symbol: string; profile: SymbolProfile | null } | { symbol: string; error: string }> => {
      try {
        return { symbol, profile: await lookup(symbol) };
      } catch (e) {
        if (!(e instanceof VendorError)) throw e;
        return { symbol, error: `could not be looked up with ${vendor}: ${e.message}${e.transient ? "; try again later" : ""}` };
      }
    }),
  );
  const profiles: SymbolProfile[] = [];
  for (const l of looked) {
    if ("error" in l) refused.set(l.symbol, l.error);
    else if (l.profile === null) refused.set(l.symbol, `is unknown to ${vendor}`);
    else profiles.push(l.profile);
  }
  if (profiles.length === 0) return refused;

  const to = await asOfDate();
  // One request range for all: a longer history than one symbol needs is harmless.
  const firstDate = profiles.map((p) => needed.get(p.symbol)!).sort()[0]!;
  const start = lookbackStart(firstDate < to ? firstDate : to);
  const { prices, errors } = await provider.fetchDailyCloses(profiles.map((p) => p.symbol), start, to);
  for (const e of errors) refused.set(e.symbol, `has no price history from ${vendor} (${start} to ${to}): ${e.message}`);
  const listed = profiles.filter((p) => !refused.has(p.symbol));
  if (listed.length === 0) return refused;

  await withTransaction(async (client) => {
    // DO NOTHING: a symbol listed meanwhile (another import, the bundled data) keeps what it has.
    await client.query(
      `INSERT INTO symbols (symbol, name, asset_type, sector, exchange)
       SELECT * FROM unnest($1::text[], $2::text[], $3::"AssetType"[], $4::text[], $5::text[])
       ON CONFLICT (symbol) DO NOTHING`,
      [listed.map((p) => p.symbol), listed.map((p) => p.name), listed.map((p) => p.assetType), listed.map((p) => p.sector), listed.map((p) => p.exchange)],
    );
    await upsertPrices(client, prices, { source: provider.name });
  }, pool);
  return refused;
}
