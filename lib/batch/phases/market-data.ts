// MARKET_DATA (docs/ARCHITECTURE.md, "The daily batch"): prices of every needed symbol for the whole range, fetched and stored BEFORE any
// panel is loaded, so no day is computed from a panel missing its own prices. Each symbol is fetched from a few stored days before
// its last stored price (the overlap; or from the start of the look-back) to the as-of date; per-symbol vendor errors are recorded,
// never fatal. The overlap shows whether the vendor re-based the symbol's adjusted history (a later dividend or split,
// lib/market-data/basis.ts): then its whole history is fetched again and replaced, and every book whose stored results used it
// is marked for recomputation from the first changed date, in the same transaction. A refusal of the account (bad key, plan)
// fails the phase once, saying what to fix. Coverage, freshness and each re-basing go to telemetry.
import type pg from "pg";
import { withTransaction, type Queryable } from "@/lib/db/pool";
import type { IsoDate } from "@/lib/dates";
import { FACTOR_PROXY_SYMBOLS, STRESS_PROXIES } from "@/lib/factors/registry";
import { basisChange } from "@/lib/market-data/basis";
import { accountErrorAdvice } from "@/lib/market-data/fmp-plans";
import { storedDatesNotSent } from "@/lib/market-data/coverage";
import type { CoverageGap, DailyClosesResult, MarketDataProvider, PriceRow } from "@/lib/market-data/provider";
import { loadPrices, priceDateRanges, replaceSymbolPrices, upsertPrices } from "@/lib/market-data/store-prices";
import { CALENDAR_FIRST_DATE, previousTradingDay, tradingDaysBetween } from "@/lib/market-data/trading-calendar";
import type { MarketDataResult, PhaseOutcome, RebasedSymbol } from "../types";

/** Trading days of price history kept before the first date to compute: the hungriest metric is the
 * HAR volatility forecast (22 + 252 + 21 returns); the rest need ≤ 252. */
export const LOOKBACK_TRADING_DAYS = 320;

/** Stored trading days each fetch asks for again, to compare with the vendor's current basis. A
 * re-basing scales every close before the event, so one day would do; five ride out a vendor's
 * missing day. They cost no extra request: they extend the request for the new days. */
export const OVERLAP_TRADING_DAYS = 5;

export function lookbackStart(firstDate: IsoDate): IsoDate {
  const days = tradingDaysBetween(CALENDAR_FIRST_DATE, firstDate);
  return days[Math.max(0, days.length - 1 - LOOKBACK_TRADING_DAYS)] ?? firstDate;
}

function overlapStart(last: IsoDate): IsoDate {
  let day = last;
  for (let i = 1; i < OVERLAP_TRADING_DAYS && day > CALENDAR_FIRST_DATE; i++) day = previousTradingDay(day);
  return day;
}

/** The vendor refused the account: the phase fails once with what to fix (lib/market-data/fmp-plans.ts). */
export class VendorAccountError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "VendorAccountError";
  }
}

/** Symbols held by the portfolios in scope (positions and option underlyings), without the proxies. */
export async function heldSymbols(db: Queryable, portfolioIds: readonly string[]): Promise<string[]> {
  const { rows } = await db.query<{ symbol: string }>(
    `SELECT DISTINCT CASE WHEN investment_class = 'OPTIONS' THEN underlying ELSE symbol END AS symbol
     FROM positions WHERE portfolio_id = ANY($1::text[]) AND investment_class <> 'PRIVATE' ORDER BY 1`,
    [[...portfolioIds]],
  );
  return rows.map((r) => r.symbol);
}

/** Symbols whose prices the portfolios in scope need: the held symbols and every proxy. */
export async function neededSymbols(db: Queryable, portfolioIds: readonly string[]): Promise<string[]> {
  return [...new Set([...(await heldSymbols(db, portfolioIds)), ...FACTOR_PROXY_SYMBOLS, ...STRESS_PROXIES])].sort();
}

const PROXIES: ReadonlySet<string> = new Set([...FACTOR_PROXY_SYMBOLS, ...STRESS_PROXIES]);

/**
 * Marks for recomputation, from `from` (never before a book's inception), every book whose results use
 * `symbol`: all books for a proxy (betas, factor and stress figures), else the books that hold it or an
 * option on it. Archived books keep their results. Same statement as an edit's mark (lib/dal/results-stale.ts).
 */
async function markBooksUsing(db: Queryable, symbol: string, from: IsoDate): Promise<{ id: string; from: IsoDate }[]> {
  const { rows } = await db.query<{ id: string; from: string }>(
    `UPDATE portfolios p SET inputs_version = inputs_version + 1,
       recompute_from = LEAST(COALESCE(recompute_from, GREATEST($2::date, inception_date)), GREATEST($2::date, inception_date))
     WHERE archived_at IS NULL AND ($3 OR EXISTS (
       SELECT 1 FROM positions x WHERE x.portfolio_id = p.id AND x.investment_class <> 'PRIVATE'
         AND (CASE WHEN x.investment_class = 'OPTIONS' THEN x.underlying ELSE x.symbol END) = $1))
     RETURNING id, to_char(GREATEST($2::date, inception_date), 'YYYY-MM-DD') AS "from"`,
    [symbol, from, PROXIES.has(symbol)],
  );
  return rows.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Groups symbols by the first date they need, so each group is one provider request. */
function groupByFrom(entries: Iterable<[string, IsoDate]>): Map<IsoDate, string[]> {
  const groups = new Map<IsoDate, string[]>();
  for (const [symbol, from] of entries) groups.set(from, [...(groups.get(from) ?? []), symbol]);
  return groups;
}

function bySymbol(rows: readonly PriceRow[]): Map<string, PriceRow[]> {
  const out = new Map<string, PriceRow[]>();
  for (const r of rows) {
    let list = out.get(r.symbol);
    if (!list) out.set(r.symbol, (list = []));
    list.push(r);
  }
  return out;
}

export async function fetchMarketData(
  pool: pg.Pool,
  provider: MarketDataProvider,
  { symbols, firstDate, asOfDate }: { symbols: string[]; firstDate: IsoDate; asOfDate: IsoDate },
): Promise<{ outcome: PhaseOutcome; value: MarketDataResult }> {
  const start = lookbackStart(firstDate);
  const before = await priceDateRanges(pool, symbols);
  const fetchFromBySymbol = new Map<string, IsoDate>();
  for (const s of symbols) {
    const last = before.get(s)?.last;
    if (last !== undefined && last >= asOfDate) continue;
    // A history that ends before the look-back is not compared: the days between are not needed.
    const from = last === undefined || last < start ? start : overlapStart(last);
    if (from <= asOfDate) fetchFromBySymbol.set(s, from);
  }
  const groups = groupByFrom(fetchFromBySymbol);
  let receivedRows = 0;
  let changedRows = 0;
  const failedSymbols: MarketDataResult["failedSymbols"] = [];
  const coverageGaps: CoverageGap[] = [];
  const fetch = async (group: string[], from: IsoDate): Promise<DailyClosesResult> => {
    const res = await provider.fetchDailyCloses(group, from, asOfDate);
    if (res.accountError) throw new VendorAccountError(accountErrorAdvice(res.accountError, symbols));
    coverageGaps.push(...(res.coverageGaps ?? []));
    receivedRows += res.prices.length;
    return res;
  };

  // New days with the overlap; a symbol whose overlap disagrees with the store is re-based below.
  const rebasing = new Set<string>();
  for (const [from, group] of groups) {
    const res = await fetch(group, from);
    failedSymbols.push(...res.errors);
    const fetched = bySymbol(res.prices);
    const stored = bySymbol(await loadPrices(pool, [...fetched.keys()], from, asOfDate));
    const keep: PriceRow[] = [];
    for (const [symbol, rows] of fetched) {
      const gap = storedDatesNotSent(symbol, (stored.get(symbol) ?? []).map((r) => r.date), rows.map((r) => r.date), { from, to: asOfDate });
      if (gap) coverageGaps.push(gap);
      if (basisChange(stored.get(symbol) ?? [], rows)) rebasing.add(symbol);
      else keep.push(...rows);
    }
    if (keep.length) changedRows += (await upsertPrices(pool, keep, { source: provider.name })).changed;
  }

  // The whole stored history of each re-based symbol, fetched again and swapped in one transaction
  // with the marks of the books it feeds, so a crash never leaves new prices without the recompute.
  const rebased: RebasedSymbol[] = [];
  const refetchFrom = new Map([...rebasing].map((s) => [s, before.get(s)!.first < start ? before.get(s)!.first : start] as [string, IsoDate]));
  for (const [from, group] of groupByFrom(refetchFrom)) {
    const res = await fetch(group, from);
    for (const e of res.errors) failedSymbols.push({ ...e, message: `FMP re-based ${e.symbol}'s history, but fetching it again failed: ${e.message}` });
    for (const [symbol, rows] of bySymbol(res.prices)) {
      const outcome = await withTransaction(async (tx) => {
        // The overlap saw only its last days: the whole stored history says where the change begins.
        const stored = await loadPrices(tx, [symbol], from, asOfDate);
        const gap = storedDatesNotSent(symbol, stored.map((r) => r.date), rows.map((r) => r.date), { from, to: asOfDate });
        if (gap) coverageGaps.push(gap);
        const change = basisChange(stored, rows);
        if (!change) return null; // the vendor went back to the stored basis meanwhile
        const written = await replaceSymbolPrices(tx, symbol, rows, { source: provider.name });
        return { change, written, books: await markBooksUsing(tx, symbol, change.firstChangedDate) };
      }, pool);
      if (!outcome) {
        changedRows += (await upsertPrices(pool, rows, { source: provider.name })).changed;
        continue;
      }
      const { change, written, books } = outcome;
      changedRows += written.changed;
      rebased.push({ symbol, ...change, refetchedFrom: from, rowsDeleted: written.deleted, rowsWritten: written.rows, books });
    }
  }

  const after = await priceDateRanges(pool, symbols);
  const missingSymbols = symbols.filter((s) => !after.has(s));
  const staleSymbols = symbols.filter((s) => after.has(s) && after.get(s)!.last < asOfDate);
  const fetchFrom = groups.size ? [...groups.keys()].sort()[0]! : null;
  const value: MarketDataResult = {
    symbols,
    fetchFrom,
    fetchTo: asOfDate,
    requestedSymbols: fetchFromBySymbol.size,
    receivedRows,
    changedRows,
    failedSymbols,
    staleSymbols,
    missingSymbols,
    rebased,
    coverageGaps,
  };
  const counts = {
    symbolsNeeded: symbols.length,
    symbolsFetched: value.requestedSymbols,
    rowsReceived: receivedRows,
    rowsWritten: changedRows,
    symbolsFailed: failedSymbols.length,
    symbolsStale: staleSymbols.length,
    symbolsMissing: missingSymbols.length,
    symbolsRebased: rebased.length,
    booksMarkedStale: new Set(rebased.flatMap((r) => r.books.map((b) => b.id))).size,
    coverageGaps: coverageGaps.length,
  };
  const details = { fetchFrom, fetchTo: asOfDate, failedSymbols, staleSymbols, missingSymbols, rebased, coverageGaps };
  // Stale or missing symbols do not stop the batch: the dates they leave without a price are not
  // completed (each portfolio-day records MISSING_PRICES / STALE_PRICES) and a later run fills them.
  return { outcome: { status: "succeeded", counts, details }, value };
}
