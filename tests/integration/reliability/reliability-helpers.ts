// Shared by the reliability tests: the as-of date, bringing every demo portfolio up to date, NAVs
// and snapshot states over a date range, what one run recorded, and the fake vendor's setup.
import { afterAll, beforeAll, expect } from "vitest";
import { runLocalBatch } from "@/lib/batch/local-executor";
import { getPool } from "@/lib/db/pool";
import { tradingDaysBetween } from "@/lib/market-data/trading-calendar";
import { readPriceFile } from "@/lib/market-data/price-file";
import { upsertPrices } from "@/lib/market-data/store-prices";
import { DEMO_INCEPTION, DEMO_PORTFOLIOS } from "@/lib/seed/demo-portfolios";
import { useSeededDatabase } from "../helpers";
import { startFakeFmp, type FakeFmp } from "./fake-fmp";

export const AS_OF = "2026-07-13";
export const DAYS = tradingDaysBetween(DEMO_INCEPTION, AS_OF);
/** The last `n` trading days up to the as-of date. */
export const lastDays = (n: number) => DAYS.slice(-n);
export const PORTFOLIO_IDS = DEMO_PORTFOLIOS.map((p) => p.id);

const db = () => getPool();

/** Every demo portfolio complete up to the as-of date (whatever other test files left behind). Runs are
 * scoped to the demo portfolios: other test files add portfolios of their own, in states of their own. */
export async function bringUpToDate(): Promise<void> {
  const run = await runLocalBatch({ trigger: "CLI", asOfDate: AS_OF, portfolioIds: PORTFOLIO_IDS });
  if (run.status !== "SUCCEEDED") throw new Error(`bringing the demo up to date ended ${run.status} (run ${run.runId})`);
}

/** portfolio → date → NAV. */
export type Navs = Record<string, Record<string, number>>;

/** portfolio → date → NAV of the COMPLETE snapshots from `from`. */
export async function navsFrom(from: string): Promise<Navs> {
  const { rows } = await db().query<{ portfolio_id: string; date: string; nav: number }>(
    `SELECT portfolio_id, date, nav FROM snapshots WHERE status = 'COMPLETE' AND date >= $1 AND portfolio_id = ANY($2::text[]) ORDER BY portfolio_id, date`,
    [from, PORTFOLIO_IDS],
  );
  const out: Navs = {};
  for (const r of rows) (out[r.portfolio_id] ??= {})[r.date] = r.nav;
  return out;
}

/**
 * Registers the file's setup for tests that fetch through the local fake of FMP: a seeded database with
 * every demo portfolio up to date, the clean NAVs from `from` on (what a healed run must give back), and
 * the fake vendor; afterwards the vendor stops and the bundled closes from `from` on are put back. The
 * fields are set once `beforeAll` has run.
 */
export function setUpFakeVendor(from: string): { readonly fmp: FakeFmp; readonly clean: Navs } {
  const vendor = {} as { fmp: FakeFmp; clean: Navs };
  beforeAll(async () => {
    await useSeededDatabase();
    await bringUpToDate();
    vendor.clean = await navsFrom(from);
    vendor.fmp = await startFakeFmp();
  });
  afterAll(async () => {
    await vendor.fmp?.close();
    await restoreBundledPrices(from);
  });
  return vendor;
}

export async function snapshotStatuses(portfolioId: string, from: string): Promise<string[]> {
  const { rows } = await db().query<{ status: string }>(`SELECT status FROM snapshots WHERE portfolio_id = $1 AND date >= $2 ORDER BY date`, [portfolioId, from]);
  return rows.map((r) => r.status);
}

/** Each day's stale symbols from `from` on (a provisional day lists the symbols whose price had not arrived). */
export async function staleSymbolsFrom(portfolioId: string, from: string): Promise<string[][]> {
  const { rows } = await db().query<{ stale_symbols: string[] }>(`SELECT stale_symbols FROM snapshots WHERE portfolio_id = $1 AND date >= $2 AND status = 'COMPLETE' ORDER BY date`, [
    portfolioId,
    from,
  ]);
  return rows.map((r) => r.stale_symbols);
}

export { phaseRows as phasesOf, type PhaseRowRead } from "../batch/batch-helpers";

/** Rows per (key) in the result tables: any count above 1 is a duplicate. */
export async function duplicateResultRows(): Promise<number> {
  const { rows } = await db().query<{ n: string }>(`
    SELECT (
      (SELECT count(*) FROM (SELECT 1 FROM snapshots GROUP BY portfolio_id, date HAVING count(*) > 1) a) +
      (SELECT count(*) FROM (SELECT 1 FROM position_valuations GROUP BY position_id, date HAVING count(*) > 1) b) +
      (SELECT count(*) FROM (SELECT 1 FROM portfolio_factor_exposures GROUP BY portfolio_id, date, factor HAVING count(*) > 1) c) +
      (SELECT count(*) FROM (SELECT 1 FROM stress_results GROUP BY portfolio_id, date, scenario_key HAVING count(*) > 1) d)
    )::text AS n`);
  return Number(rows[0]!.n);
}

/** Result rows of the demo portfolios on these dates per table, for comparing a run with a clean one. */
export async function resultCountsFrom(from: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ["snapshots", "position_valuations", "option_greeks", "portfolio_factor_exposures", "stress_results", "correlation_matrices"]) {
    const { rows } = await db().query<{ n: string }>(`SELECT count(*)::text AS n FROM ${t} WHERE date >= $1 AND portfolio_id = ANY($2::text[])`, [from, PORTFOLIO_IDS]);
    out[t] = Number(rows[0]!.n);
  }
  return out;
}

/** Puts the bundled closes of these dates back, as the file provider would have stored them. */
export async function restoreBundledPrices(from: string): Promise<void> {
  const rows = readPriceFile().filter((r) => r.date >= from);
  await db().query(`DELETE FROM prices WHERE date >= $1`, [from]);
  await upsertPrices(db(), rows, { source: "file" });
}

/**
 * The demo portfolios' stored figures from `from` on, by row key. Betas (and the exposures and stress P&L built on
 * them) of one day agree only to ~1e-13 relative between runs over different date ranges (floating-
 * point rounding; NAVs agree exactly), so compare with `expectSameFigures`.
 */
export async function resultFigures(from: string): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  const add = (rows: { key: string; v: (number | null)[] }[]) => rows.forEach((r) => out.set(r.key, r.v.map((x) => x ?? Number.NaN)));
  const q = async (sql: string) => (await db().query<{ key: string; v: (number | null)[] }>(sql, [from, PORTFOLIO_IDS])).rows;
  add(await q(`SELECT concat_ws('|', 'snapshot', portfolio_id, date, status) AS key, ARRAY[nav, pnl_day, gross_exposure, net_exposure, var_99_hist, vol_21, hhi] AS v FROM snapshots WHERE date >= $1 AND portfolio_id = ANY($2::text[])`));
  add(await q(`SELECT concat_ws('|', 'valuation', position_id, date) AS key, ARRAY[market_value, exposure, weight] AS v FROM position_valuations WHERE date >= $1 AND portfolio_id = ANY($2::text[])`));
  add(await q(`SELECT concat_ws('|', 'exposure', portfolio_id, date, factor) AS key, ARRAY[beta, dollars] AS v FROM portfolio_factor_exposures WHERE date >= $1 AND portfolio_id = ANY($2::text[])`));
  add(await q(`SELECT concat_ws('|', 'stress', portfolio_id, date, scenario_key) AS key, ARRAY[direct_pnl, correlated_pnl] AS v FROM stress_results WHERE date >= $1 AND portfolio_id = ANY($2::text[])`));
  return out;
}

/** Same rows, and every figure equal to 1e-9 relative (NaN for null on both sides). */
export function expectSameFigures(actual: Map<string, number[]>, expected: Map<string, number[]>): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  const off: string[] = [];
  for (const [key, want] of expected) {
    const got = actual.get(key)!;
    want.forEach((w, i) => {
      const g = got[i]!;
      const same = (Number.isNaN(w) && Number.isNaN(g)) || Math.abs(g - w) <= 1e-9 * Math.max(1, Math.abs(w));
      if (!same) off.push(`${key}[${i}]: ${g} ≠ ${w}`);
    });
  }
  expect(off.slice(0, 10)).toEqual([]);
}
