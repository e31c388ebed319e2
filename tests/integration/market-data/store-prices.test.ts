// Bulk price storage against a real PostgreSQL: the `prices` table the committed migrations created
// (tests/setup/database.ts), nothing else. Whatever prices other test files stored are set aside for
// the duration of this file and put back exactly as they were, so they neither disturb the counts
// here nor get lost.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPriceFile, type PriceRow } from "@/lib/market-data/price-file";
import { lastPriceDates, loadPrices, upsertPrices } from "@/lib/market-data/store-prices";
import { useSeededDatabase } from "../helpers";

const SAVED = `md_store_saved_${process.pid}`;

let pool: pg.Pool;
let saved = false;
let bundled: PriceRow[];

async function count(): Promise<number> {
  const { rows } = await pool.query<{ n: string }>("SELECT count(*) AS n FROM prices");
  return Number(rows[0]!.n);
}

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: await useSeededDatabase() });
  const { rows } = await pool.query<{ migrated: boolean }>("SELECT to_regclass('public.prices') IS NOT NULL AS migrated");
  expect(rows[0]!.migrated, "the migrations create the prices table").toBe(true);
  await pool.query(`CREATE TABLE ${SAVED} AS SELECT * FROM public.prices`);
  saved = true;
  await pool.query("TRUNCATE public.prices");
  bundled = readPriceFile();
});

afterAll(async () => {
  if (saved) {
    await pool.query("TRUNCATE public.prices");
    await pool.query(`INSERT INTO public.prices SELECT * FROM ${SAVED}`);
    await pool.query(`DROP TABLE ${SAVED}`);
  }
  await pool?.end();
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
