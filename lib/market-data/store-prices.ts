// Prices in PostgreSQL, table `prices (symbol, date, close, source, updated_at)`, key (symbol, date).
// Bulk writes go through `pg` as one INSERT … SELECT FROM unnest(arrays) per chunk: three array
// parameters whatever the chunk size (no 65,535-parameter limit) and ~10x faster than Prisma's
// createMany. Dates cross the wire as 'YYYY-MM-DD' text both ways (to_char on read), so no time
// zone ever shifts a trading day.
import { isIsoDate } from "@/lib/dates";
import type { Queryable } from "@/lib/db/pool";
import type { PriceRow } from "./price-file";
import { assertDateRange } from "./provider";

export interface UpsertPricesResult {
  /** Distinct (symbol, date) rows sent. */
  rows: number;
  /** Rows inserted or whose close or source changed; a repeat of the same data changes none. */
  changed: number;
}

const UPSERT_SQL = `
  INSERT INTO prices (symbol, date, close, source)
  SELECT t.symbol, t.date, t.close, $4::text
  FROM unnest($1::text[], $2::date[], $3::float8[]) AS t(symbol, date, close)
  ON CONFLICT (symbol, date) DO UPDATE
    SET close = EXCLUDED.close, source = EXCLUDED.source, updated_at = now()
    WHERE prices.close IS DISTINCT FROM EXCLUDED.close OR prices.source IS DISTINCT FROM EXCLUDED.source`;

/**
 * Idempotent bulk upsert. Every row is validated before anything is written. Chunks are separate
 * statements (no transaction, so a pool works): a failure mid-way leaves whole chunks written, and
 * re-running the same call heals it.
 */
export async function upsertPrices(
  db: Queryable,
  rows: readonly PriceRow[],
  { source, chunkSize = 5_000 }: { source: string; chunkSize?: number },
): Promise<UpsertPricesResult> {
  if (!source) throw new Error("upsertPrices needs a source (the provider name)");
  // One statement may not touch a key twice (ON CONFLICT would fail), so the last row per key wins.
  const byKey = new Map<string, PriceRow>();
  for (const [i, row] of rows.entries()) {
    if (!row.symbol) throw new Error(`prices[${i}].symbol is empty`);
    if (!isIsoDate(row.date)) throw new Error(`prices[${i}].date "${row.date}" is not YYYY-MM-DD (${row.symbol})`);
    if (!Number.isFinite(row.close) || row.close <= 0) throw new Error(`prices[${i}].close ${row.close} is not a positive number (${row.symbol} ${row.date})`);
    byKey.set(`${row.symbol}|${row.date}`, row);
  }
  const unique = [...byKey.values()];
  let changed = 0;
  for (let start = 0; start < unique.length; start += chunkSize) {
    const chunk = unique.slice(start, start + chunkSize);
    const result = await db.query(UPSERT_SQL, [chunk.map((r) => r.symbol), chunk.map((r) => r.date), chunk.map((r) => r.close), source]);
    changed += result.rowCount ?? 0;
  }
  return { rows: unique.length, changed };
}

/** Stored prices of `symbols` from `from` to `to` inclusive, ordered by symbol then date. */
export async function loadPrices(db: Queryable, symbols: readonly string[], from: string, to: string): Promise<PriceRow[]> {
  assertDateRange(from, to);
  if (symbols.length === 0) return [];
  const { rows } = await db.query<PriceRow>(
    `SELECT symbol, to_char(date, 'YYYY-MM-DD') AS date, close
     FROM prices
     WHERE symbol = ANY($1::text[]) AND date BETWEEN $2::date AND $3::date
     ORDER BY symbol, date`,
    [[...symbols], from, to],
  );
  return rows;
}

/** The last stored price date of each symbol that has any; symbols without prices are absent. */
export async function lastPriceDates(db: Queryable, symbols: readonly string[]): Promise<Map<string, string>> {
  if (symbols.length === 0) return new Map();
  const { rows } = await db.query<{ symbol: string; date: string }>(
    `SELECT symbol, to_char(max(date), 'YYYY-MM-DD') AS date FROM prices WHERE symbol = ANY($1::text[]) GROUP BY symbol`,
    [[...symbols]],
  );
  return new Map(rows.map((r) => [r.symbol, r.date]));
}

/** The first and last stored price date of each symbol that has any; symbols without prices are absent. */
export async function priceDateRanges(db: Queryable, symbols: readonly string[]): Promise<Map<string, { first: string; last: string }>> {
  if (symbols.length === 0) return new Map();
  const { rows } = await db.query<{ symbol: string; first: string; last: string }>(
    `SELECT symbol, to_char(min(date), 'YYYY-MM-DD') AS first, to_char(max(date), 'YYYY-MM-DD') AS last FROM prices WHERE symbol = ANY($1::text[]) GROUP BY symbol`,
    [[...symbols]],
  );
  return new Map(rows.map((r) => [r.symbol, { first: r.first, last: r.last }]));
}

/**
 * Replaces every stored price of `symbol` with `rows` (its whole history on a new basis). Run it in a
 * transaction: a reader never sees the two bases mixed, and a failure leaves the old history whole.
 */
export async function replaceSymbolPrices(db: Queryable, symbol: string, rows: readonly PriceRow[], { source }: { source: string }): Promise<UpsertPricesResult & { deleted: number }> {
  const other = rows.find((r) => r.symbol !== symbol);
  if (other) throw new Error(`replaceSymbolPrices(${symbol}) got a row of ${other.symbol}`);
  const removed = await db.query(`DELETE FROM prices WHERE symbol = $1`, [symbol]);
  const written = await upsertPrices(db, rows, { source });
  return { ...written, deleted: removed.rowCount ?? 0 };
}
