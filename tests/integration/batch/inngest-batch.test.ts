// The Inngest functions driven by @inngest/test against the real database: every phase as a step in
// order, one child run per portfolio, and a failed step whose retry neither recomputes finished steps
// nor duplicates rows (retries are simulated as Inngest does them: finished steps memoized).
import { createHash, randomUUID } from "node:crypto";
import { InngestTestEngine } from "@inngest/test";
import { beforeAll, describe, expect, test } from "vitest";
import { dailyBatchCron } from "@/inngest/functions/daily-batch-cron";
import { refreshPortfolioFn } from "@/inngest/functions/refresh-portfolio";
import { runBatch } from "@/inngest/functions/run-batch";
import { planMissingDates } from "@/lib/batch/phases/missing-dates";
import { getPool } from "@/lib/db/pool";
import { tradingDaysBetween } from "@/lib/market-data/trading-calendar";
import { SCENARIOS } from "@/lib/stress/scenarios";
import { useSeededDatabase } from "../helpers";
import { AS_OF, phaseRows } from "./batch-helpers";

const FROM = "2026-06-22";
const DATES = tradingDaysBetween(FROM, AS_OF);
const PORTFOLIOS = ["demo-fo-growth", "demo-fo-private"];
const sid = (id: string) => createHash("sha1").update(id).digest("hex");

type BatchEvent = { name: "riskline/batch.rerun-requested"; data: { runId: string; asOfDate: string; portfolioIds: string[]; force: { from: string; to: string }; trigger: "ADMIN" } };
const rerunEvent = (runId: string): BatchEvent => ({
  name: "riskline/batch.rerun-requested",
  data: { runId, asOfDate: AS_OF, portfolioIds: PORTFOLIOS, force: { from: FROM, to: AS_OF }, trigger: "ADMIN" },
});

/** The child run as Inngest would invoke it: the real function, in its own test engine. */
async function invokeChild(runId: string, portfolioId: string) {
  const plan = await planMissingDates(getPool(), { asOfDate: AS_OF, portfolioIds: [portfolioId], force: { from: FROM, to: AS_OF } });
  const { result, error } = await new InngestTestEngine({ function: refreshPortfolioFn }).execute({
    events: [{ name: "inngest/function.invoked", data: { runId, asOfDate: AS_OF, force: true, plan: plan.portfolios[0]! } }],
  });
  if (error) throw error;
  return result;
}

const invokeMocks = (runId: string) => PORTFOLIOS.map((id) => ({ id: `refresh-${id}`, handler: () => invokeChild(runId, id) }));

beforeAll(async () => {
  await useSeededDatabase();
  // The force range needs its anchor day complete: run the normal batch for the two portfolios first.
  const { runLocalBatch } = await import("@/lib/batch/local-executor");
  await runLocalBatch({ trigger: "CLI", asOfDate: AS_OF, portfolioIds: PORTFOLIOS });
}, 600_000);

describe("Inngest: run-batch", () => {
  test("runs every phase as a step, in order, with one child run per portfolio", async () => {
    const runId = randomUUID();
    const { result, error, ctx } = await new InngestTestEngine({ function: runBatch }).execute({ events: [rerunEvent(runId)], steps: invokeMocks(runId) });
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ status: "SUCCEEDED" });
    const stepIds = (ctx.step.run as unknown as { mock: { calls: [string][] } }).mock.calls.map((c) => c[0]);
    expect(stepIds).toEqual(["create-run", "prerequisites", "missing-dates", "market-data", "symbol-analytics", "finish"]);
    expect(ctx.step.invoke).toHaveBeenCalledTimes(PORTFOLIOS.length);
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
    await pool.query(`
      CREATE OR REPLACE FUNCTION fail_beta_insert() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'injected failure: symbol_factor_betas unavailable'; END $$ LANGUAGE plpgsql`);
    await pool.query(`CREATE TRIGGER fail_beta_insert BEFORE INSERT ON symbol_factor_betas FOR EACH ROW EXECUTE FUNCTION fail_beta_insert()`);
    let first;
    try {
      first = await new InngestTestEngine({ function: runBatch }).execute({ events: [rerunEvent(runId)], steps: invokeMocks(runId) });
    } finally {
      await pool.query(`DROP TRIGGER fail_beta_insert ON symbol_factor_betas`);
    }
    expect(first.result).toBeUndefined();
    expect(first.error).toMatchObject({ message: expect.stringContaining("injected failure") });
    const failed = await phaseRows(runId, "phase = 'SYMBOL_ANALYTICS'");
    expect(failed).toMatchObject([{ status: "FAILED", reason_code: "ERROR" }]);
    expect(failed[0]!.error_stack).toContain("injected failure");
    const finishedBefore = await phaseRows(runId, "phase IN ('PREREQUISITES', 'MISSING_DATES', 'MARKET_DATA')");

    // The retry: Inngest replays the memoized outputs of the finished steps and runs the rest.
    const memo = ["create-run", "prerequisites", "missing-dates", "market-data"];
    const outputs = await Promise.all(memo.map((id) => first.state[sid(id)]));
    const retry = await new InngestTestEngine({ function: runBatch }).execute({
      events: [rerunEvent(runId)],
      steps: [...memo.map((id, i) => ({ id, handler: () => outputs[i] })), ...invokeMocks(runId)],
    });
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
