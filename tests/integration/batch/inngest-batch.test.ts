// The Inngest functions driven by @inngest/test against the real database: every phase as a step in
// order, one child run per portfolio (the real child function on the payload the parent sent), a
// failed step whose retry neither recomputes finished steps nor duplicates rows (retries are simulated
// as Inngest does them: finished steps memoized), a child that fails after its retries (the run ends
// PARTIAL, the other portfolio and the finish go on), and the onFailure handler.
import { createHash, randomUUID } from "node:crypto";
import { InngestTestEngine } from "@inngest/test";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { dailyBatchCron } from "@/inngest/functions/daily-batch-cron";
import { refreshPortfolioFn } from "@/inngest/functions/refresh-portfolio";
import { runBatch } from "@/inngest/functions/run-batch";
import { PORTFOLIO_DAY_PHASES } from "@/lib/batch/types";
import { getPool } from "@/lib/db/pool";
import { tradingDaysBetween } from "@/lib/market-data/trading-calendar";
import { SCENARIOS } from "@/lib/stress/scenarios";
import { useSeededDatabase } from "../helpers";
import { AS_OF, phaseRows } from "./batch-helpers";
import { executeBatch, functionFailedEvent, onFailureOf, stepRunIds } from "./inngest-harness";

const FROM = "2026-06-22";
const DATES = tradingDaysBetween(FROM, AS_OF);
const PORTFOLIOS = ["demo-fo-growth", "demo-fo-private"];
const sid = (id: string) => createHash("sha1").update(id).digest("hex");

type BatchEvent = {
  name: "riskline/batch.requested" | "riskline/batch.rerun-requested";
  data: { runId: string; asOfDate: string; portfolioIds: string[]; force?: { from: string; to: string }; trigger: "ADMIN" | "CLI" };
};
const rerunEvent = (runId: string): BatchEvent => ({
  name: "riskline/batch.rerun-requested",
  data: { runId, asOfDate: AS_OF, portfolioIds: PORTFOLIOS, force: { from: FROM, to: AS_OF }, trigger: "ADMIN" },
});

/** A trigger that makes every matching write to `table` fail, dropped after each test whatever happens. */
const faults: string[] = [];
async function injectFault(name: string, table: string, message: string, when = "true"): Promise<void> {
  const pool = getPool();
  faults.push(`DROP TRIGGER IF EXISTS ${name} ON ${table}`, `DROP FUNCTION IF EXISTS ${name}()`);
  await pool.query(`CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION '${message}'; END $$ LANGUAGE plpgsql`);
  await pool.query(`CREATE TRIGGER ${name} BEFORE INSERT OR UPDATE ON ${table} FOR EACH ROW WHEN (${when}) EXECUTE FUNCTION ${name}()`);
}
afterEach(async () => {
  for (const sql of faults.splice(0)) await getPool().query(sql);
});

beforeAll(async () => {
  await useSeededDatabase();
  // The force range needs its anchor day complete: run the normal batch for the two portfolios first.
  const { runLocalBatch } = await import("@/lib/batch/local-executor");
  await runLocalBatch({ trigger: "CLI", asOfDate: AS_OF, portfolioIds: PORTFOLIOS });
}, 600_000);

describe("Inngest: run-batch", () => {
  test("runs every phase as a step, in order, with one child run per portfolio", async () => {
    const runId = randomUUID();
    const { result, error, ctx, invoked } = await executeBatch(rerunEvent(runId), PORTFOLIOS);
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ status: "SUCCEEDED" });
    expect(stepRunIds(ctx)).toEqual(["create-run", "prerequisites", "missing-dates", "market-data", "symbol-analytics", "finish"]);
    expect(ctx.step.invoke).toHaveBeenCalledTimes(PORTFOLIOS.length);
    expect(ctx.step.invoke).toHaveBeenCalledWith(`refresh-${PORTFOLIOS[0]}`, expect.objectContaining({ function: refreshPortfolioFn }));
    // Each child got exactly the event its function declares: run, as-of date and its plan.
    for (const id of PORTFOLIOS) {
      expect(invoked.get(`refresh-${id}`)).toEqual({ runId, asOfDate: AS_OF, plan: { portfolioId: id, dates: DATES, anchorDate: expect.any(String) } });
    }
    const runPhases = (await phaseRows(runId, "portfolio_id IS NULL")).map((r) => r.phase);
    expect(runPhases).toEqual(["PREREQUISITES", "MISSING_DATES", "MARKET_DATA", "PRICE_PANEL", "SYMBOL_ANALYTICS", "FINISH"]);
    const skipped = await phaseRows(runId, "portfolio_id = 'demo-fo-private' AND phase = 'STRESS_TESTS'");
    expect(skipped.map((r) => r.reason_code)).toEqual(DATES.map(() => "NO_PUBLIC_POSITIONS"));
    const { rows } = await getPool().query<{ status: string; executor: string }>(`SELECT status, executor FROM batch_runs WHERE id = $1`, [runId]);
    expect(rows).toEqual([{ status: "SUCCEEDED", executor: "inngest" }]);
  });

  test("a failed step followed by a retry neither recomputes finished steps nor duplicates rows", async () => {
    const pool = getPool();
    const runId = randomUUID();
    await injectFault("fail_beta_insert", "symbol_factor_betas", "injected failure: symbol_factor_betas unavailable");
    const first = await executeBatch(rerunEvent(runId), PORTFOLIOS);
    await pool.query(`DROP TRIGGER fail_beta_insert ON symbol_factor_betas`);
    expect(first.result).toBeUndefined();
    expect(first.error).toMatchObject({ message: expect.stringContaining("injected failure") });
    const failed = await phaseRows(runId, "phase = 'SYMBOL_ANALYTICS'");
    expect(failed).toMatchObject([{ status: "FAILED", reason_code: "ERROR" }]);
    expect(failed[0]!.error_stack).toContain("injected failure");
    const finishedBefore = await phaseRows(runId, "phase IN ('PREREQUISITES', 'MISSING_DATES', 'MARKET_DATA')");

    // The retry: Inngest replays the memoized outputs of the finished steps and runs the rest.
    const memo = ["create-run", "prerequisites", "missing-dates", "market-data"];
    const outputs = await Promise.all(memo.map((id) => first.state[sid(id)]));
    const retry = await executeBatch(
      rerunEvent(runId),
      PORTFOLIOS,
      memo.map((id, i) => ({ id, handler: () => outputs[i] })),
    );
    expect(retry.error).toBeUndefined();
    expect(retry.result).toMatchObject({ status: "SUCCEEDED" });
    // Finished steps were not recomputed: their telemetry rows are untouched.
    expect(await phaseRows(runId, "phase IN ('PREREQUISITES', 'MISSING_DATES', 'MARKET_DATA')")).toEqual(finishedBefore);
    expect(await phaseRows(runId, "phase = 'SYMBOL_ANALYTICS'")).toMatchObject([{ status: "SUCCEEDED" }]);

    const counts = await pool.query<{ runs: string; dup_phases: string; snapshots: string; stress: string }>(
      `SELECT (SELECT count(*) FROM batch_runs WHERE id = $1)::text AS runs,
              (SELECT count(*) FROM (SELECT phase, scope_key FROM batch_phases WHERE run_id = $1 GROUP BY 1, 2 HAVING count(*) > 1) d)::text AS dup_phases,
              (SELECT count(*) FROM snapshots WHERE portfolio_id = ANY($2) AND date >= $3 AND status = 'COMPLETE')::text AS snapshots,
              (SELECT count(*) FROM stress_results WHERE portfolio_id = 'demo-fo-growth' AND date >= $3)::text AS stress`,
      [runId, PORTFOLIOS, FROM],
    );
    expect(counts.rows[0]).toEqual({
      runs: "1",
      dup_phases: "0",
      snapshots: String(PORTFOLIOS.length * DATES.length),
      stress: String(SCENARIOS.length * DATES.length),
    });
  });

  test("a child that fails after its retries makes the run PARTIAL: its failure is recorded, the other portfolio and the finish go on", async () => {
    const pool = getPool();
    const runId = randomUUID();
    const [ok, failing] = PORTFOLIOS as [string, string];
    const message = `injected failure: snapshots of ${failing} unavailable`;
    const snapshotsOf = async (id: string) =>
      (await pool.query(`SELECT date, status, run_id, nav FROM snapshots WHERE portfolio_id = $1 AND date >= $2 ORDER BY date`, [id, FROM])).rows;
    const failingBefore = await snapshotsOf(failing);
    // The failing child's refresh throws on claiming its snapshots, on every attempt: the child fails
    // after its retries and the parent's invoke rejects with its error.
    await injectFault("fail_snapshot_claim", "snapshots", message, `NEW.portfolio_id = '${failing}'`);
    const run = await executeBatch(rerunEvent(runId), PORTFOLIOS);
    await pool.query(`DROP TRIGGER fail_snapshot_claim ON snapshots`);

    expect(run.error).toBeUndefined();
    expect(run.childErrors.get(`refresh-${failing}`)).toMatchObject({ message });
    expect([...run.childErrors.keys()]).toEqual([`refresh-${failing}`]);
    expect(run.result).toEqual({
      status: "PARTIAL",
      portfolios: [
        { portfolioId: ok, status: "succeeded", datesCompleted: DATES.length, datesFailed: 0, rowsWritten: expect.any(Number) },
        { portfolioId: failing, status: "failed", reason: "ERROR", datesCompleted: 0, datesFailed: DATES.length, rowsWritten: 0 },
      ],
    });
    expect(run.ctx.step.invoke).toHaveBeenCalledTimes(PORTFOLIOS.length);
    expect(stepRunIds(run.ctx)).toEqual(["create-run", "prerequisites", "missing-dates", "market-data", "symbol-analytics", `failed-${failing}`, "finish"]);

    // The failed child: one FAILED row for the book, with the child's error and stack; nothing else.
    const failingRows = await phaseRows(runId, "portfolio_id = $2", [failing]);
    expect(failingRows).toMatchObject([{ phase: "VALUATION", date: null, status: "FAILED", reason_code: "ERROR", error_message: message }]);
    expect(failingRows[0]!.error_stack).toContain(message);
    expect(failingRows[0]!.error_stack).toMatch(/\n\s+at /);
    expect(await snapshotsOf(failing)).toEqual(failingBefore);

    // The other child: every day complete, by this run, with its telemetry.
    const okSnapshots = await snapshotsOf(ok);
    expect(okSnapshots.map((s) => [s.date, s.status, s.run_id])).toEqual(DATES.map((d) => [d, "COMPLETE", runId]));
    const okRows = await phaseRows(runId, "portfolio_id = $2", [ok]);
    expect(okRows.filter((r) => r.status === "FAILED" || r.status === "RUNNING")).toEqual([]);
    expect(okRows.filter((r) => r.phase === "WRITE_RESULTS").map((r) => [r.date, r.status])).toEqual(DATES.map((d) => [d, "SUCCEEDED"]));
    expect(new Set(okRows.map((r) => `${r.phase}|${r.date}`)).size).toBe(DATES.length * PORTFOLIO_DAY_PHASES.length);

    // The finish: written, with the counts; the run PARTIAL and finished.
    const [finish, ...moreFinish] = await phaseRows(runId, "phase = 'FINISH'");
    expect(moreFinish).toEqual([]);
    expect(finish).toMatchObject({
      status: "SUCCEEDED",
      counts: { portfolios: 2, portfoliosFailed: 1, portfoliosSkipped: 0, datesCompleted: DATES.length, datesFailed: DATES.length, invariantViolations: 0 },
      details: { status: "PARTIAL", portfolios: [{ id: ok, status: "succeeded", reason: null }, { id: failing, status: "failed", reason: "ERROR" }] },
    });
    const { rows } = await pool.query<{ status: string; finished_at: Date | null; active_key: string | null; counts: unknown; error_message: string | null }>(
      `SELECT status, finished_at, active_key, counts, error_message FROM batch_runs WHERE id = $1`,
      [runId],
    );
    expect(rows).toEqual([{ status: "PARTIAL", finished_at: expect.any(Date), active_key: null, counts: finish!.counts, error_message: null }]);
  });
});

describe("Inngest: run-batch onFailure", () => {
  test("a run that failed after its retries is marked FAILED with its error, freeing its as-of date", async () => {
    const pool = getPool();
    const runId = randomUUID();
    // A normal batch (it holds its as-of date) whose first phase fails on every attempt.
    const event: BatchEvent = { name: "riskline/batch.requested", data: { runId, asOfDate: AS_OF, portfolioIds: PORTFOLIOS, trigger: "CLI" } };
    await injectFault("fail_factor_definitions", "factor_definitions", "injected failure: factor_definitions unavailable");
    try {
      const failed = await new InngestTestEngine({ function: runBatch }).execute({ events: [event] });
      expect(failed.error).toMatchObject({ message: expect.stringContaining("injected failure: factor_definitions unavailable") });
      const before = await pool.query(`SELECT status, active_key FROM batch_runs WHERE id = $1`, [runId]);
      expect(before.rows).toEqual([{ status: "RUNNING", active_key: AS_OF }]);

      // Inngest then runs the function's onFailure handler on its "function failed" event.
      const onFailure = await new InngestTestEngine({ function: onFailureOf(runBatch) }).execute({
        events: [functionFailedEvent("riskline-run-batch", { ...event, id: randomUUID(), ts: Date.now() }, failed.error)],
      });
      expect(onFailure.error).toBeUndefined();
      expect(onFailure.ctx.step.run).not.toHaveBeenCalled(); // the failure handler ran, not the batch
      const { rows } = await pool.query<{ status: string; active_key: string | null; finished_at: Date | null; counts: unknown; error_message: string | null; error_stack: string | null }>(
        `SELECT status, active_key, finished_at, counts, error_message, error_stack FROM batch_runs WHERE id = $1`,
        [runId],
      );
      expect(rows).toEqual([
        {
          status: "FAILED",
          active_key: null,
          finished_at: expect.any(Date),
          counts: {},
          error_message: expect.stringContaining("injected failure: factor_definitions unavailable"),
          error_stack: expect.stringContaining("injected failure: factor_definitions unavailable"),
        },
      ]);
    } finally {
      // Never leave the as-of date held by this run.
      await pool.query(`UPDATE batch_runs SET status = 'FAILED', active_key = NULL, finished_at = now() WHERE id = $1 AND status = 'RUNNING'`, [runId]);
    }
  });
});

describe("Inngest: daily-batch-cron", () => {
  test("only sends the batch event for the last completed trading day", async () => {
    const { result, ctx } = await new InngestTestEngine({ function: dailyBatchCron }).execute({
      events: [{ name: "inngest/scheduled.timer", data: { cron: "TZ=America/New_York 30 18 * * 1-5" } }],
      // No Inngest server here: the send step is answered as Inngest would, its call is asserted below.
      steps: [{ id: "request-batch", handler: () => ({ ids: ["event-1"] }) }],
    });
    expect(result).toMatchObject({ asOfDate: AS_OF, runId: expect.any(String) });
    expect(ctx.step.sendEvent).toHaveBeenCalledWith("request-batch", expect.objectContaining({ name: "riskline/batch.requested", data: expect.objectContaining({ asOfDate: AS_OF, trigger: "CRON" }) }));
    expect(ctx.step.run).toHaveBeenCalledTimes(1);
  });
});
