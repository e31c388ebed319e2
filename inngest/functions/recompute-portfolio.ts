// A book's recompute after an edit (the portfolio-changed event): a one-book batch from its mark to
// the as-of date, the same phase sequence as the daily batch. One at a time per book (concurrency
// key); events that arrive meanwhile wait and then find the book up to date or marked again.
import { randomUUID } from "node:crypto";
import { resolveRunAsOf } from "@/lib/batch/local-executor";
import { runBatchSequence } from "@/lib/batch/run-sequence";
import { BatchConflictError, createRun, finishRun } from "@/lib/batch/runs";
import type { BatchRequest } from "@/lib/batch/types";
import { getPool } from "@/lib/db/pool";
import { providerFromEnv } from "@/lib/market-data/provider-from-env";
import { inngest, portfolioChangedEvent } from "../client";
import { inngestDriver } from "./run-batch";

export const recomputePortfolioFn = inngest.createFunction(
  {
    id: "recompute-portfolio",
    triggers: [portfolioChangedEvent],
    retries: 2,
    concurrency: [{ key: "event.data.portfolioId", limit: 1 }],
    // The run is named after the event, so a function that fails after its retries can end its run.
    onFailure: async ({ event, error }) => {
      const runId = event.data.event.id;
      if (runId) await finishRun(getPool(), runId, { status: "FAILED", counts: {}, error });
    },
  },
  async ({ event, step }) => {
    const pool = getPool();
    const req: BatchRequest = { trigger: "RECOMPUTE", portfolioIds: [event.data.portfolioId] };
    const run = await step.run("create-run", async () => {
      const id = event.id ?? randomUUID();
      const asOfDate = await resolveRunAsOf(req, providerFromEnv());
      try {
        return await createRun(pool, req, asOfDate, "inngest", id);
      } catch (e) {
        // Our own row when a retried step had created it; otherwise another run (e.g. the CLI's)
        // recomputes the book already.
        if (e instanceof BatchConflictError) return e.runningRunId === id ? { id, asOfDate } : null;
        throw e;
      }
    });
    if (!run) return { skipped: "a recompute of this portfolio is already running" };
    return runBatchSequence(pool, run, req, providerFromEnv, inngestDriver(step));
  },
);
