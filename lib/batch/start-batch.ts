// Starting a batch from the app (admin buttons): with Inngest configured, the run row is created here
// (so a conflict answers at once) and an event hands the work to Inngest; otherwise the local executor
// runs it in the background of this process.
import { inngestConfigured } from "@/lib/config/env";
import { getPool } from "@/lib/db/pool";
import { providerFromEnv } from "@/lib/market-data/provider-from-env";
import { batchRequested, batchRerunRequested, inngest } from "@/inngest/client";
import { resolveRunAsOf, startLocalBatch } from "./local-executor";
import { createRun, finishRun } from "./runs";
import type { BatchRequest } from "./types";

export { BatchConflictError } from "./runs";

export async function startBatch(req: BatchRequest): Promise<{ runId: string; executor: "local" | "inngest" }> {
  if (!inngestConfigured()) {
    const run = await startLocalBatch(req);
    return { runId: run.id, executor: "local" };
  }
  const asOfDate = await resolveRunAsOf(req, providerFromEnv());
  const run = await createRun(getPool(), req, asOfDate, "inngest");
  const event = req.force ? batchRerunRequested : batchRequested;
  try {
    await inngest.send(
      event.create({
        runId: run.id,
        asOfDate,
        portfolioIds: req.portfolioIds ?? null,
        force: req.force ?? null,
        trigger: req.trigger,
        triggeredById: req.triggeredById ?? null,
      }),
    );
  } catch (e) {
    // The run never started: release its as-of date and keep the reason on the run.
    await finishRun(getPool(), run.id, { status: "FAILED", counts: {}, error: e instanceof Error ? e : new Error(String(e)) });
    throw e;
  }
  return { runId: run.id, executor: "inngest" };
}
