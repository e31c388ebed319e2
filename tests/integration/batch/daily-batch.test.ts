// The daily batch through the local executor against a real PostgreSQL: the full demo back-fill, and
// the lessons of docs/METHODOLOGY.md ("Lessons kept as regression tests") about the batch as named tests.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runLocalBatch } from "@/lib/batch/local-executor";
import { BatchConflictError } from "@/lib/batch/runs";
import type { RunSummary } from "@/lib/batch/types";
import { FACTOR_KEYS, FACTORS } from "@/lib/factors/registry";
import { getPool } from "@/lib/db/pool";
import { tradingDaysBetween } from "@/lib/market-data/trading-calendar";
import { readPriceFile } from "@/lib/market-data/price-file";
import { upsertPrices } from "@/lib/market-data/store-prices";
import { DEMO_INCEPTION, DEMO_PORTFOLIOS } from "@/lib/seed/demo-portfolios";
import { SCENARIOS } from "@/lib/stress/scenarios";
import { useSeededDatabase } from "../helpers";
import { AS_OF, navs, phaseRows, rowCounts } from "./batch-helpers";

const DAYS = tradingDaysBetween(DEMO_INCEPTION, AS_OF);
const PUBLIC_PORTFOLIOS = ["demo-individual", "demo-hnw", "demo-hedgefund", "demo-fo-growth"];
const PRIVATE_ONLY = "demo-fo-private";
// Other test files add portfolios of their own to the shared database: every run here is scoped.
const DEMO_IDS = DEMO_PORTFOLIOS.map((p) => p.id);
const db = () => getPool();

let backfill: RunSummary;

beforeAll(async () => {
  await useSeededDatabase();
  // Forced over the whole history, so the result does not depend on what other test files computed.
  backfill = await runLocalBatch({ trigger: "CLI", asOfDate: AS_OF, portfolioIds: DEMO_IDS, force: { from: DEMO_INCEPTION, to: AS_OF } });
}, 600_000);

afterAll(async () => {
  await db().query(`DROP TRIGGER IF EXISTS fail_stress_insert ON stress_results`);
});

describe("the full demo back-fill (local executor)", () => {
  test("succeeds for every demo portfolio and date", () => {
    expect(backfill.status).toBe("SUCCEEDED");
    expect(backfill.portfolios).toHaveLength(DEMO_PORTFOLIOS.length);
    for (const p of backfill.portfolios) {
      expect(p).toMatchObject({ status: "succeeded", datesCompleted: DAYS.length, datesFailed: 0 });
    }
  });

  test("stores all 12 factor exposures for every public portfolio and date", async () => {
    const { rows } = await db().query<{ portfolio_id: string; dates: string; factors: string; rows: string }>(
      `SELECT portfolio_id, count(DISTINCT date)::text AS dates, count(DISTINCT factor)::text AS factors, count(*)::text AS rows
       FROM portfolio_factor_exposures GROUP BY portfolio_id ORDER BY portfolio_id`,
    );
    for (const id of PUBLIC_PORTFOLIOS) {
      expect(rows.find((r) => r.portfolio_id === id)).toEqual({ portfolio_id: id, dates: String(DAYS.length), factors: "12", rows: String(DAYS.length * 12) });
    }
  });

  test("factor dollars equal beta × NAV and the stored stress results cover every scenario", async () => {
    const { rows } = await db().query<{ bad: string; n: string }>(
      `SELECT count(*) FILTER (WHERE abs(e.dollars - e.beta * s.nav) > 1e-6 * greatest(1, abs(e.dollars)))::text AS bad, count(*)::text AS n
       FROM portfolio_factor_exposures e JOIN snapshots s USING (portfolio_id, date) WHERE portfolio_id = ANY($1)`,
      [DEMO_IDS],
    );
    expect(rows[0]).toEqual({ bad: "0", n: String(PUBLIC_PORTFOLIOS.length * DAYS.length * 12) });
    const stress = await db().query<{ n: string }>(`SELECT count(*)::text AS n FROM stress_results WHERE portfolio_id = 'demo-hedgefund' AND date = $1`, [AS_OF]);
    expect(Number(stress.rows[0]!.n)).toBe(SCENARIOS.length);
  });

  test("the first day's NAV is the starting equity and P&L zero; later NAVs roll forward", async () => {
    for (const p of DEMO_PORTFOLIOS) {
      const { rows } = await db().query<{ date: string; nav: number; pnl_day: number }>(
        `SELECT date, nav, pnl_day FROM snapshots WHERE portfolio_id = $1 AND status = 'COMPLETE' ORDER BY date`,
        [p.id],
      );
      expect(rows).toHaveLength(DAYS.length);
      expect(rows[0]).toMatchObject({ date: DEMO_INCEPTION, nav: p.startingEquity, pnl_day: 0 });
      for (let i = 1; i < rows.length; i++) expect(rows[i]!.nav).toBeCloseTo(rows[i - 1]!.nav + rows[i]!.pnl_day, 6);
    }
  });
});

describe("lessons about the batch", () => {
  test("lesson 1: a skip carries a reason and is never reported as a success", async () => {
    const { rows } = await db().query<{ bad_skips: string; reasoned_successes: string; skips: string }>(
      `SELECT count(*) FILTER (WHERE status = 'SKIPPED' AND reason_code IS NULL)::text AS bad_skips,
              count(*) FILTER (WHERE status = 'SUCCEEDED' AND reason_code IS NOT NULL)::text AS reasoned_successes,
              count(*) FILTER (WHERE status = 'SKIPPED')::text AS skips
       FROM batch_phases WHERE run_id = $1`,
      [backfill.runId],
    );
    expect(rows[0]).toMatchObject({ bad_skips: "0", reasoned_successes: "0" });
    expect(Number(rows[0]!.skips)).toBeGreaterThan(0);
  });

  test("lesson 6: the private-only portfolio is skipped with NO_PUBLIC_POSITIONS and still valued", async () => {
    const skipped = await phaseRows(backfill.runId, "portfolio_id = $2 AND phase IN ('FACTOR_EXPOSURES', 'VOLATILITY_VAR', 'CORRELATIONS', 'STRESS_TESTS')", [PRIVATE_ONLY]);
    expect(skipped).toHaveLength(4 * DAYS.length);
    expect(new Set(skipped.map((r) => `${r.status}:${r.reason_code}`))).toEqual(new Set(["SKIPPED:NO_PUBLIC_POSITIONS"]));
    const valuation = await phaseRows(backfill.runId, "portfolio_id = $2 AND phase = 'VALUATION'", [PRIVATE_ONLY]);
    expect(valuation.every((r) => r.status === "SUCCEEDED")).toBe(true);
    const nav = await navs(PRIVATE_ONLY);
    expect(nav.size).toBe(DAYS.length);
    const demo = DEMO_PORTFOLIOS.find((p) => p.id === PRIVATE_ONLY)!;
    // Valued from its marks: the NAV moves on the mark dates (e.g. 2025-12-31) and nowhere else.
    expect(nav.get(DEMO_INCEPTION)).toBe(demo.startingEquity);
    expect(nav.get(AS_OF)).not.toBe(demo.startingEquity);
    const { rows } = await db().query<{ reasons: Record<string, { reason: string }> }>(`SELECT reasons FROM snapshots WHERE portfolio_id = $1 AND date = $2`, [PRIVATE_ONLY, AS_OF]);
    expect(rows[0]!.reasons.factors?.reason).toBe("NO_PUBLIC_POSITIONS");
  });

  test("lesson 9: every date of the back-fill gets its own exposures", async () => {
    const { rows } = await db().query<{ n: string; distinct_betas: string }>(
      `SELECT count(*)::text AS n, count(DISTINCT beta)::text AS distinct_betas FROM portfolio_factor_exposures WHERE portfolio_id = 'demo-individual' AND factor = 'MARKET'`,
    );
    expect(rows[0]).toEqual({ n: String(DAYS.length), distinct_betas: String(DAYS.length) });
  });

  test("lesson 8: running the same days again leaves NAV and row counts unchanged", async () => {
    const beforeNav = await navs("demo-hedgefund");
    const beforeCounts = await rowCounts();
    const rerun = await runLocalBatch({ trigger: "CLI", asOfDate: AS_OF, portfolioIds: DEMO_IDS, force: { from: DAYS.at(-5)!, to: AS_OF } });
    expect(rerun.status).toBe("SUCCEEDED");
    const again = await runLocalBatch({ trigger: "CLI", asOfDate: AS_OF, portfolioIds: DEMO_IDS });
    expect(again.portfolios.every((p) => p.status === "skipped" && p.reason === "ALREADY_COMPLETE")).toBe(true);
    expect(await navs("demo-hedgefund")).toEqual(beforeNav);
    expect(await rowCounts()).toEqual(beforeCounts);
  });

  test("lesson 7: each portfolio keeps its own watermark and a missed day is back-filled", async () => {
    const growth = await navs("demo-fo-growth");
    const individual = await navs("demo-individual");
    // A missed cron day for one portfolio, three missed days at the end for another.
    const missed = DAYS[120]!;
    await db().query(`DELETE FROM snapshots WHERE portfolio_id = 'demo-fo-growth' AND date = $1`, [missed]);
    await db().query(`DELETE FROM snapshots WHERE portfolio_id = 'demo-individual' AND date >= $1`, [DAYS.at(-3)]);
    const run = await runLocalBatch({ trigger: "CRON", asOfDate: AS_OF, portfolioIds: DEMO_IDS });
    const byId = new Map(run.portfolios.map((p) => [p.portfolioId, p]));
    expect(byId.get("demo-fo-growth")).toMatchObject({ status: "succeeded", datesCompleted: DAYS.length - 120 });
    expect(byId.get("demo-individual")).toMatchObject({ status: "succeeded", datesCompleted: 3 });
    expect(byId.get("demo-hnw")).toMatchObject({ status: "skipped", reason: "ALREADY_COMPLETE" });
    expect(await navs("demo-fo-growth")).toEqual(growth);
    expect(await navs("demo-individual")).toEqual(individual);
  });

  test("lesson 5: the day's prices are fetched and stored before the price panel is loaded", async () => {
    const bundled = readPriceFile().filter((r) => r.date === AS_OF);
    await db().query(`DELETE FROM prices WHERE date = $1`, [AS_OF]);
    try {
      await db().query(`DELETE FROM snapshots WHERE date = $1 AND portfolio_id = ANY($2)`, [AS_OF, DEMO_IDS]);
      const run = await runLocalBatch({ trigger: "CRON", asOfDate: AS_OF, portfolioIds: DEMO_IDS });
      expect(run.status).toBe("SUCCEEDED");
      const rows = await phaseRows(run.runId, "portfolio_id IS NULL");
      const order = rows.map((r) => r.phase);
      expect(order.indexOf("MARKET_DATA")).toBeLessThan(order.indexOf("PRICE_PANEL"));
      const md = rows.find((r) => r.phase === "MARKET_DATA")!;
      expect(md.counts).toMatchObject({ rowsReceived: expect.any(Number) });
      expect(md.counts!.rowsWritten).toBeGreaterThan(0);
      const { rows: stored } = await db().query<{ n: string }>(`SELECT count(*)::text AS n FROM prices WHERE date = $1`, [AS_OF]);
      expect(Number(stored[0]!.n)).toBe(md.counts!.symbolsFetched);
      expect(md.counts!.symbolsFetched).toBeGreaterThan(40);
      const { rows: snaps } = await db().query<{ n: string }>(`SELECT count(*)::text AS n FROM snapshots WHERE date = $1 AND status = 'COMPLETE' AND portfolio_id = ANY($2)`, [AS_OF, DEMO_IDS]);
      expect(Number(snaps[0]!.n)).toBe(DEMO_PORTFOLIOS.length);
    } finally {
      // The bundled closes back as the file provider stores them, whatever the assertions found.
      await upsertPrices(db(), bundled, { source: "file" });
    }
  });

  test("lesson 4: the cron entry point upserts the registries like every other", async () => {
    await db().query(`UPDATE factor_definitions SET display_name = 'Interest Rate' WHERE key = 'IR'`);
    await db().query(`DELETE FROM factor_definitions WHERE key = 'QUALITY_SPREAD'`);
    const run = await runLocalBatch({ trigger: "CRON", asOfDate: AS_OF, portfolioIds: DEMO_IDS });
    expect((await phaseRows(run.runId, "phase = 'PREREQUISITES'"))[0]).toMatchObject({ status: "SUCCEEDED" });
    const { rows } = await db().query<{ key: string; display_name: string }>(`SELECT key::text, display_name FROM factor_definitions ORDER BY sort_order`);
    expect(rows).toEqual(FACTOR_KEYS.map((k) => ({ key: k, display_name: FACTORS[k].displayName })));
  });

  test("lesson 2: a database error in one portfolio is recorded with its stack; the others go on; a rerun heals it", async () => {
    const before = await navs("demo-fo-growth");
    const from = DAYS.at(-3)!;
    await db().query(`
      CREATE OR REPLACE FUNCTION fail_stress_insert() RETURNS trigger AS $$
      BEGIN
        IF NEW.portfolio_id = 'demo-fo-growth' THEN RAISE EXCEPTION 'injected failure: stress_results unavailable'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await db().query(`CREATE TRIGGER fail_stress_insert BEFORE INSERT ON stress_results FOR EACH ROW EXECUTE FUNCTION fail_stress_insert()`);
    const run = await runLocalBatch({ trigger: "ADMIN", asOfDate: AS_OF, portfolioIds: DEMO_IDS, force: { from, to: AS_OF } });
    await db().query(`DROP TRIGGER fail_stress_insert ON stress_results`);
    expect(run.status).toBe("PARTIAL");
    const failed = await phaseRows(run.runId, "status = 'FAILED'");
    expect(failed.length).toBe(3);
    for (const f of failed) {
      expect(f).toMatchObject({ phase: "WRITE_RESULTS", portfolio_id: "demo-fo-growth", reason_code: "ERROR" });
      expect(f.error_message).toContain("injected failure");
      expect(f.error_stack).toMatch(/portfolio-analytics/);
    }
    const others = run.portfolios.filter((p) => p.portfolioId !== "demo-fo-growth");
    expect(others.every((p) => p.status === "succeeded" && p.datesCompleted === 3)).toBe(true);
    // Nothing half-written stays marked complete.
    const { rows } = await db().query<{ status: string }>(`SELECT status FROM snapshots WHERE portfolio_id = 'demo-fo-growth' AND date >= $1`, [from]);
    expect(rows.map((r) => r.status)).toEqual(["PENDING", "PENDING", "PENDING"]);

    const heal = await runLocalBatch({ trigger: "CRON", asOfDate: AS_OF, portfolioIds: DEMO_IDS });
    expect(heal.portfolios.find((p) => p.portfolioId === "demo-fo-growth")).toMatchObject({ status: "succeeded", datesCompleted: 3 });
    expect(await navs("demo-fo-growth")).toEqual(before);
  });
});

describe("concurrency", () => {
  test("two forced reruns of the same portfolio and dates at once equal one clean run", async () => {
    const before = await navs("demo-hedgefund");
    const counts = await rowCounts();
    const force = { from: DAYS.at(-4)!, to: AS_OF };
    const [a, b] = await Promise.all([
      runLocalBatch({ trigger: "ADMIN", asOfDate: AS_OF, portfolioIds: ["demo-hedgefund"], force }),
      runLocalBatch({ trigger: "ADMIN", asOfDate: AS_OF, portfolioIds: ["demo-hedgefund"], force }),
    ]);
    expect([a.status, b.status]).toEqual(["SUCCEEDED", "SUCCEEDED"]);
    expect(await navs("demo-hedgefund")).toEqual(before);
    expect(await rowCounts()).toEqual(counts);
  });

  test("one normal batch per as-of date: a second start is refused while one runs, a forced rerun is not", async () => {
    await db().query(`INSERT INTO batch_runs (id, as_of_date, trigger, status, active_key, portfolio_ids) VALUES ('running-run', $1::date, 'CRON', 'RUNNING', $1::text, '{}')`, [AS_OF]);
    try {
      await expect(runLocalBatch({ trigger: "ADMIN", asOfDate: AS_OF })).rejects.toMatchObject({ name: "BatchConflictError", runningRunId: "running-run" });
      await expect(runLocalBatch({ trigger: "ADMIN", asOfDate: AS_OF })).rejects.toBeInstanceOf(BatchConflictError);
      const forced = await runLocalBatch({ trigger: "ADMIN", asOfDate: AS_OF, portfolioIds: [PRIVATE_ONLY], force: { from: AS_OF, to: AS_OF } });
      expect(forced.status).toBe("SUCCEEDED");
    } finally {
      await db().query(`DELETE FROM batch_runs WHERE id = 'running-run'`);
    }
  });
});
