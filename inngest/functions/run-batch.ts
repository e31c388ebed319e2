// The daily batch as durable steps (SPEC §5): each phase is a step.run with a stable id, so a retry
// resumes at the failed step and finished steps are not recomputed; one child run per portfolio.
// One batch per as-of date at a time (concurrency key), retries with Inngest's backoff.
import { ensureRun } from "@/lib/batch/runs";
import { getPool } from "@/lib/db/pool";
import { providerFromEnv } from "@/lib/market-data/provider-from-env";
import { phaseFinish, phaseMarketData, phaseMissingDates, phasePrerequisites, phasePricePanel, phaseSymbolAnalytics } from "@/lib/batch/run-phases";
import { finishRun } from "@/lib/batch/runs";
import type { PortfolioRefreshResult } from "@/lib/batch/types";
import { batchRequested, batchRerunRequested, inngest } from "../client";
import { refreshPortfolioFn } from "./refresh-portfolio";

export const runBatch = inngest.createFunction(
  {
    id: "run-batch",
    triggers: [batchRequested, batchRerunRequested],
    retries: 4,
    concurrency: [{ key: "event.data.asOfDate", limit: 1 }],
    onFailure: async ({ event, error }) => {
      const runId = event.data.event.data.runId;
      if (typeof runId === "string") await finishRun(getPool(), runId, { status: "FAILED", counts: {}, error });
    },
  },
  async ({ event, step }) => {
    const req = event.data;
    const pool = getPool();
    const run = await step.run("create-run", () => ensureRun(pool, req, req.asOfDate, req.runId));
    await step.run("prerequisites", () => phasePrerequisites(pool, run.id));
    const plan = await step.run("missing-dates", () => phaseMissingDates(pool, run.id, req, run.asOfDate));
    const results: PortfolioRefreshResult[] = [];
    const extra: Record<string, number> = {};
    if (plan.allDates.length > 0) {
      const md = await step.run("market-data", () => phaseMarketData(pool, run.id, providerFromEnv(), plan));
      extra.pricesWritten = md.changedRows;
      const analytics = await step.run("symbol-analytics", async () => {
        const panel = await phasePricePanel(pool, run.id, md.symbols, plan);
        return (await phaseSymbolAnalytics(pool, run.id, panel, plan)).value;
      });
      extra.betasStored = analytics.betasStored;
      const pending = plan.portfolios.filter((p) => p.dates.length > 0);
      results.push(
        ...(await Promise.all(
          pending.map((p) =>
            step.invoke(`refresh-${p.portfolioId}`, { function: refreshPortfolioFn, data: { runId: run.id, asOfDate: run.asOfDate, force: Boolean(req.force), plan: p } }),
          ),
        )),
      );
    }
    for (const p of plan.portfolios) {
      if (!results.some((r) => r.portfolioId === p.portfolioId)) {
        results.push({ portfolioId: p.portfolioId, status: "skipped", reason: "ALREADY_COMPLETE", datesCompleted: 0, datesFailed: 0, rowsWritten: 0 });
      }
    }
    return step.run("finish", () => phaseFinish(pool, run.id, results, extra));
  },
);
