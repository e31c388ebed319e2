// Data integrity after every batch (docs/ARCHITECTURE.md, "Batch integrity"): each portfolio-day records its INTEGRITY_CHECKS with
// the number of checks passed; every stored COMPLETE day satisfies the invariants (Σ|exposure| =
// gross, Σ exposure = net, factor dollars = beta × NAV, NAV = previous NAV + P&L + flows, stress new
// NAV = NAV + correlated P&L); and a day whose figures break one is never stored as COMPLETE.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { DayResult } from "@/lib/batch/portfolio-day";
import { runLocalBatch } from "@/lib/batch/local-executor";
import { getPool } from "@/lib/db/pool";
import { SCENARIOS } from "@/lib/stress/scenarios";
import { useSeededDatabase } from "../helpers";
import { AS_OF, bringUpToDate, lastDays, navsFrom, phasesOf, PORTFOLIO_IDS, snapshotStatuses } from "./reliability-helpers";

/** When set, the day's figures are corrupted just before the checks (as a calculation bug would). */
const corrupt = vi.hoisted(() => ({ portfolioGross: null as null | { date: string; factor: number } }));

vi.mock("@/lib/batch/integrity-checks", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/batch/integrity-checks")>();
  return {
    ...real,
    runIntegrityChecks: (day: DayResult, ...rest: [number, number, boolean]) => {
      if (corrupt.portfolioGross && day.date === corrupt.portfolioGross.date) day.snapshot.nav.grossExposure *= corrupt.portfolioGross.factor;
      return real.runIntegrityChecks(day, ...rest);
    },
  };
});

const DATES = lastDays(3);
const FROM = DATES[0]!;
const db = () => getPool();
const PRIVATE_ONLY = "demo-fo-private";

beforeAll(async () => {
  await useSeededDatabase();
  await bringUpToDate();
});

describe("integrity checks in the telemetry", () => {
  it("every portfolio-day of a run records INTEGRITY_CHECKS as SUCCEEDED with the number of checks passed", async () => {
    const run = await runLocalBatch({ trigger: "ADMIN", asOfDate: AS_OF, portfolioIds: PORTFOLIO_IDS, force: { from: FROM, to: AS_OF } });
    expect(run.status).toBe("SUCCEEDED");
    const rows = await phasesOf(run.runId, "phase = 'INTEGRITY_CHECKS'");
    expect(rows).toHaveLength(PORTFOLIO_IDS.length * DATES.length);
    for (const r of rows) {
      expect(r.status).toBe("SUCCEEDED");
      // gross, net, NAV roll-forward and cash; then one per factor exposure and one per stress scenario.
      const expected = r.portfolio_id === PRIVATE_ONLY ? 4 : 4 + 12 + SCENARIOS.length;
      expect(r.counts, `${r.portfolio_id} ${r.date}`).toEqual({ checks: expected });
    }
  });
});

// Over the demo portfolios: other test files store hand-made result rows for their own portfolios.
describe("every stored COMPLETE day of the demo portfolios satisfies the invariants", () => {
  const demo = (alias: string) => `${alias}.portfolio_id = ANY($1::text[])`;
  const tolerance = "1e-6 * greatest(1, abs(s.nav))";

  it("Σ|position exposure| = snapshot gross and Σ position exposure = snapshot net", async () => {
    const { rows } = await db().query<{ days: string; bad: string }>(
      `SELECT count(*)::text AS days,
              count(*) FILTER (WHERE abs(coalesce(v.gross, 0) - s.gross_exposure) > ${tolerance} OR abs(coalesce(v.net, 0) - s.net_exposure) > ${tolerance})::text AS bad
       FROM snapshots s
       LEFT JOIN (SELECT portfolio_id, date, sum(abs(exposure)) AS gross, sum(exposure) AS net FROM position_valuations GROUP BY portfolio_id, date) v USING (portfolio_id, date)
       WHERE s.status = 'COMPLETE' AND ${demo("s")}`,
      [PORTFOLIO_IDS],
    );
    expect(Number(rows[0]!.days)).toBeGreaterThanOrEqual(PORTFOLIO_IDS.length * 250);
    expect(rows[0]!.bad).toBe("0");
  });

  it("factor dollars = beta × NAV for every stored exposure, and 12 factors per public portfolio-day", async () => {
    const { rows } = await db().query<{ rows: string; bad: string; incomplete_days: string }>(
      `SELECT count(*)::text AS rows,
              count(*) FILTER (WHERE abs(e.dollars - e.beta * s.nav) > ${tolerance})::text AS bad,
              (SELECT count(*) FROM (SELECT 1 FROM portfolio_factor_exposures x JOIN snapshots y USING (portfolio_id, date)
                 WHERE y.status = 'COMPLETE' AND ${demo("y")} GROUP BY x.portfolio_id, x.date HAVING count(*) <> 12) q)::text AS incomplete_days
       FROM portfolio_factor_exposures e JOIN snapshots s USING (portfolio_id, date) WHERE s.status = 'COMPLETE' AND ${demo("s")}`,
      [PORTFOLIO_IDS],
    );
    expect(Number(rows[0]!.rows)).toBeGreaterThan(0);
    expect(rows[0]).toMatchObject({ bad: "0", incomplete_days: "0" });
  });

  it("NAV = previous NAV + day P&L + capital flows, day after day", async () => {
    const { rows } = await db().query<{ days: string; bad: string }>(
      `SELECT count(*)::text AS days,
              count(*) FILTER (WHERE abs(s.nav - (s.prev_nav + s.pnl_day + coalesce(s.capital_flow, 0))) > ${tolerance})::text AS bad
       FROM (SELECT *, lag(nav) OVER (PARTITION BY portfolio_id ORDER BY date) AS prev_nav FROM snapshots WHERE status = 'COMPLETE') s
       WHERE s.prev_nav IS NOT NULL AND ${demo("s")}`,
      [PORTFOLIO_IDS],
    );
    expect(Number(rows[0]!.days)).toBeGreaterThan(0);
    expect(rows[0]!.bad).toBe("0");
  });

  it("stress new NAV = NAV + correlated P&L, for every scenario of every public portfolio-day", async () => {
    const { rows } = await db().query<{ rows: string; bad: string }>(
      `SELECT count(*)::text AS rows, count(*) FILTER (WHERE abs(r.new_nav - (s.nav + r.correlated_pnl)) > ${tolerance})::text AS bad
       FROM stress_results r JOIN snapshots s USING (portfolio_id, date) WHERE s.status = 'COMPLETE' AND ${demo("s")}`,
      [PORTFOLIO_IDS],
    );
    expect(Number(rows[0]!.rows)).toBeGreaterThan(0);
    expect(rows[0]!.bad).toBe("0");
  });
});

describe("a day that breaks an invariant", () => {
  it("fails at INTEGRITY_CHECKS with the broken invariant named, is not stored as COMPLETE, and a rerun heals it", async () => {
    const portfolio = "demo-fo-growth";
    const bad = DATES.at(-1)!;
    const before = await navsFrom(FROM);
    const { rows: grossBefore } = await db().query<{ gross_exposure: number }>(`SELECT gross_exposure FROM snapshots WHERE portfolio_id = $1 AND date = $2`, [portfolio, bad]);

    corrupt.portfolioGross = { date: bad, factor: 1.01 };
    let run;
    try {
      run = await runLocalBatch({ trigger: "ADMIN", asOfDate: AS_OF, portfolioIds: [portfolio], force: { from: FROM, to: AS_OF } });
    } finally {
      corrupt.portfolioGross = null;
    }
    expect(run.status).toBe("PARTIAL");
    expect(run.portfolios[0]).toMatchObject({ status: "partial", datesCompleted: DATES.length - 1, datesFailed: 1 });
    const [failed] = await phasesOf(run.runId, "status = 'FAILED'");
    expect(failed).toMatchObject({ phase: "INTEGRITY_CHECKS", portfolio_id: portfolio, date: bad, reason_code: "ERROR" });
    expect(failed!.error_message).toMatch(/integrity checks failed: Σ\|position exposure\| .* ≠ snapshot gross/);
    expect(failed!.error_stack).toBeTruthy();
    const skipped = await phasesOf(run.runId, "portfolio_id = $2 AND date = $3 AND phase = 'WRITE_RESULTS'", [portfolio, bad]);
    expect(skipped).toEqual([expect.objectContaining({ status: "SKIPPED", reason_code: "UPSTREAM_FAILED" })]);

    expect(await snapshotStatuses(portfolio, FROM)).toEqual([...DATES.slice(0, -1).map(() => "COMPLETE"), "PENDING"]);
    const { rows: grossAfter } = await db().query<{ gross_exposure: number }>(`SELECT gross_exposure FROM snapshots WHERE portfolio_id = $1 AND date = $2`, [portfolio, bad]);
    expect(grossAfter).toEqual(grossBefore); // the corrupted figure never reached the table

    const heal = await runLocalBatch({ trigger: "CRON", asOfDate: AS_OF, portfolioIds: PORTFOLIO_IDS });
    expect(heal.portfolios.find((p) => p.portfolioId === portfolio)).toMatchObject({ status: "succeeded", datesCompleted: 1 });
    expect(await navsFrom(FROM)).toEqual(before);
  });
});
