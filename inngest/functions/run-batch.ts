// The daily batch as durable steps: the batch's one phase sequence (lib/batch/run-sequence.ts) with
// each phase a step.run of stable id, so a retry resumes at the failed step and finished steps are
// not recomputed; one child run per portfolio. One batch per as-of date at a time (concurrency key),
// retries with Inngest's backoff. A child that still fails after its retries makes the run PARTIAL:
// the other portfolios and the finish go on.
import { recordPortfolioFailure } from "@/lib/batch/phases/portfolio-analytics";
import { runBatchSequence, type BatchDriver } from "@/lib/batch/run-sequence";
import { ensureRun, finishRun } from "@/lib/batch/runs";
import { getPool } from "@/lib/db/pool";
import { providerFromEnv } from "@/lib/market-data/provider-from-env";
import { batchRequested, batchRerunRequested, inngest } from "../client";
import { refreshPortfolioFn } from "./refresh-portfolio";

type Step = Parameters<Parameters<typeof inngest.createFunction>[1]>[0]["step"];

export function inngestDriver(step: Step): BatchDriver {
  const pool = getPool();
  return {
    inProcess: false,
    // Every step value of the sequence is plain JSON (dates as ISO strings), so Jsonify<T> is T.
    step: (id, fn) => step.run(id, fn) as never,
    refreshPortfolios: (plans, { run }) =>
      Promise.all(
        plans.map((plan) =>
          step
            .invoke(`refresh-${plan.portfolioId}`, { function: refreshPortfolioFn, data: { runId: run.id, asOfDate: run.asOfDate, plan } })
            .catch((e: unknown) => step.run(`failed-${plan.portfolioId}`, () => recordPortfolioFailure(pool, run.id, plan, e))),
        ),
      ),
  };
}

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
    return runBatchSequence(pool, run, req, providerFromEnv, inngestDriver(step));
  },
);
