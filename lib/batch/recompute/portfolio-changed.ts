// The portfolio-changed event: sent after an edit of a book's inputs has committed (its mark is
// already stored, so a lost event only delays the recompute to the next sweep or batch). With Inngest
// configured the event goes there (a per-portfolio function); otherwise to this process's worker.
import { inngestConfigured } from "@/lib/config/env";
import { getPool } from "@/lib/db/pool";
import type { IsoDate } from "@/lib/dates";
import { logError } from "@/lib/telemetry/log";
import { inngest, portfolioChangedEvent } from "@/inngest/client";
import { runLocalBatch } from "../local-executor";
import { RecomputeWorker } from "./worker";

const globalForWorker = globalThis as unknown as { riskRecomputeWorker?: RecomputeWorker };

/** Starts this process's recompute worker (the app server without Inngest); idempotent. */
export function startLocalRecompute(): RecomputeWorker {
  globalForWorker.riskRecomputeWorker ??= new RecomputeWorker({
    db: getPool(),
    recompute: (portfolioId) => runLocalBatch({ trigger: "RECOMPUTE", portfolioIds: [portfolioId] }),
  }).start();
  return globalForWorker.riskRecomputeWorker;
}

/** Stops this process's worker after its runs end (tests; a process that shuts down). */
export async function stopLocalRecompute(): Promise<void> {
  const worker = globalForWorker.riskRecomputeWorker;
  globalForWorker.riskRecomputeWorker = undefined;
  await worker?.stop();
}

export async function portfolioChanged(portfolioId: string, from: IsoDate): Promise<void> {
  try {
    if (inngestConfigured()) await inngest.send(portfolioChangedEvent.create({ portfolioId, from }));
    else globalForWorker.riskRecomputeWorker?.notify(portfolioId);
  } catch (e) {
    logError("recompute.notify", e, { portfolioId, from });
  }
}
