// Bulk price storage against a real PostgreSQL (the migrated database from tests/setup/database.ts).
// The tests work in a throwaway schema holding a copy of the migrated `prices` table, so other test
// files' prices neither disturb the counts nor get deleted. The schema is put on the search_path of
// the pool's single connection (startup options are ignored by embedded PGlite, whose one session
// all connections share, so the setting is reset before the file ends).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { readPriceFile, type PriceRow } from "@/lib/market-data/price-file";
import { lastPriceDates, loadPrices, upsertPrices } from "@/lib/market-data/store-prices";

const SCHEMA = `md_store_${process.pid}`;
const TABLE_FROM_SPEC = `CREATE TABLE prices (
  symbol TEXT NOT NULL, date DATE NOT NULL, close DOUBLE PRECISION NOT NULL, source TEXT NOT NULL DEFAULT 'file',
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(), PRIMARY KEY (symbol, date))`;

let admin: pg.Client;
let pool: pg.Pool;
let bundled: PriceRow[];

async function count(): Promise<number> {
  const { rows } = await pool.query<{ n: string }>("SELECT count(*) AS n FROM prices");
  return Number(rows[0]!.n);
}

beforeAll(async () => {
  const url = inject("databaseUrl");
  admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${SCHEMA}`);
  const { rows } = await admin.query<{ exists: boolean }>("SELECT to_regclass('public.prices') IS NOT NULL AS exists");
  // Prefer the migration's own definition of the table; fall back to the spec's when it is absent.
  await admin.query(rows[0]!.exists ? `CREATE TABLE ${SCHEMA}.prices (LIKE public.prices INCLUDING ALL)` : TABLE_FROM_SPEC.replace("prices", `${SCHEMA}.prices`));
  pool = new pg.Pool({ connectionString: url, max: 1, idleTimeoutMillis: 0 });
  const client = await pool.connect();
  await client.query(`SET search_path TO ${SCHEMA}`);
  client.release();
  bundled = readPriceFile();
});

afterAll(async () => {
  await pool?.query("RESET search_path");
  await pool?.end();
  await admin?.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await admin?.end();
});

describe("store-prices", () => {
  it("loads all 223,904 bundled rows in bulk", async () => {
    expect(bundled).toHaveLength(223_904);
    const started = performance.now();
    const result = await upsertPrices(pool, bundled, { source: "file" });
    const ms = performance.now() - started;
    console.log(`[store-prices] upserted ${result.rows} rows in ${ms.toFixed(0)} ms (${Math.round(result.rows / (ms / 1000))} rows/s)`);
    expect(result).toEqual({ rows: 223_904, changed: 223_904 });
    expect(await count()).toBe(223_904);
  });

  it("answers by symbol and date range with exact closes and plain date strings", async () => {
    const rows = await loadPrices(pool, ["SPY", "AAPL", "NOPE"], "2026-07-06", "2026-07-10");
    const expected = bundled
      .filter((r) => (r.symbol === "SPY" || r.symbol === "AAPL") && r.date >= "2026-07-06" && r.date <= "2026-07-10")
      .sort((a, b) => a.symbol.localeCompare(b.symbol) || a.date.localeCompare(b.date));
    expect(rows).toHaveLength(10);
    expect(rows).toEqual(expected);
    expect(await loadPrices(pool, [], "2026-07-06", "2026-07-10")).toEqual([]);
  });

  it("keeps dates unshifted whatever the session time zone", async () => {
    const client = await pool.connect();
    try {
      await client.query("SET TIME ZONE 'Pacific/Kiritimati'"); // UTC+14
      const rows = await loadPrices(client, ["SPY"], "2019-01-02", "2019-01-02");
      expect(rows).toEqual([bundled.find((r) => r.symbol === "SPY" && r.date === "2019-01-02")]);
    } finally {
      await client.query("RESET TIME ZONE");
      client.release();
    }
  });

  it("reports each symbol's last stored date", async () => {
    const last = await lastPriceDates(pool, ["SPY", "ABNB", "NOPE"]);
    expect(last).toEqual(new Map([["SPY", "2026-07-13"], ["ABNB", "2026-07-13"]]));
  });

  it("re-upserting the same rows duplicates nothing and changes nothing", async () => {
    const started = performance.now();
    const result = await upsertPrices(pool, bundled, { source: "file" });
    console.log(`[store-prices] re-upsert of ${result.rows} rows in ${(performance.now() - started).toFixed(0)} ms`);
    expect(result).toEqual({ rows: 223_904, changed: 0 });
    expect(await count()).toBe(223_904);
  });

  it("updates a changed close and its source, once, and bumps updated_at", async () => {
    const before = await pool.query<{ updated_at: Date }>("SELECT updated_at FROM prices WHERE symbol = 'SPY' AND date = '2026-07-13'");
    const result = await upsertPrices(
      pool,
      [
        { symbol: "SPY", date: "2026-07-13", close: 1 },
        { symbol: "SPY", date: "2026-07-13", close: 123.45 }, // the same key twice in one call: the last wins
      ],
      { source: "fmp" },
    );
    expect(result).toEqual({ rows: 1, changed: 1 });
    const after = await pool.query<{ close: number; source: string; updated_at: Date }>("SELECT close, source, updated_at FROM prices WHERE symbol = 'SPY' AND date = '2026-07-13'");
    expect(after.rows[0]).toMatchObject({ close: 123.45, source: "fmp" });
    expect(after.rows[0]!.updated_at.getTime()).toBeGreaterThan(before.rows[0]!.updated_at.getTime());
    expect(await count()).toBe(223_904);
  });

  it("writes nothing when any row is invalid", async () => {
    const rows = [
      { symbol: "NEWSYM", date: "2026-07-13", close: 10 },
      { symbol: "NEWSYM", date: "2026-07-14", close: Number.NaN },
    ];
    await expect(upsertPrices(pool, rows, { source: "file" })).rejects.toThrow(/prices\[1\]\.close NaN is not a positive number \(NEWSYM 2026-07-14\)/);
    await expect(upsertPrices(pool, [{ symbol: "NEWSYM", date: "2026-7-14", close: 1 }], { source: "file" })).rejects.toThrow(/prices\[0\]\.date/);
    expect(await lastPriceDates(pool, ["NEWSYM"])).toEqual(new Map());
  });

  it("runs inside a caller's transaction on a pool client", async () => {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await upsertPrices(client, [{ symbol: "TXSYM", date: "2026-07-13", close: 5 }], { source: "file" });
      expect(await loadPrices(client, ["TXSYM"], "2026-07-13", "2026-07-13")).toHaveLength(1);
      await client.query("ROLLBACK");
    } finally {
      client.release();
    }
    expect(await loadPrices(pool, ["TXSYM"], "2026-07-13", "2026-07-13")).toEqual([]);
  });
});
