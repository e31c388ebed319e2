// The Inngest client and the batch's events. Without INNGEST_EVENT_KEY / INNGEST_DEV nothing is sent:
// the local executor runs the batch instead (lib/batch/start-batch.ts).
import { eventType, Inngest, invoke } from "inngest";
import { z } from "zod";
import { BATCH_TRIGGERS } from "@/lib/batch/types";
import { isoDateSchema as isoDate } from "@/lib/dates";

export const inngest = new Inngest({ id: "riskline" });

const batchRequestSchema = z.object({
  runId: z.string().min(1),
  asOfDate: isoDate,
  portfolioIds: z.array(z.string()).nullable().optional(),
  force: z.object({ from: isoDate, to: isoDate }).nullable().optional(),
  trigger: z.enum(BATCH_TRIGGERS),
  triggeredById: z.string().nullable().optional(),
});
export type BatchRequestedData = z.infer<typeof batchRequestSchema>;

/** A batch for an as-of date (cron or "Run now"). */
export const batchRequested = eventType("riskline/batch.requested", { schema: batchRequestSchema });
/** An admin's forced rerun over a date range. */
export const batchRerunRequested = eventType("riskline/batch.rerun-requested", { schema: batchRequestSchema });

/** A book's inputs changed (positions, marks, flows): its results are recomputed from `from`. */
export const portfolioChangedEvent = eventType("riskline/portfolio.changed", { schema: z.object({ portfolioId: z.string().min(1), from: isoDate }) });

const planSchema = z.object({ portfolioId: z.string(), dates: z.array(isoDate), anchorDate: isoDate.nullable() });

/** The per-portfolio child run, invoked by the batch function. */
export const portfolioRefreshInvoked = invoke(
  z.object({ runId: z.string(), asOfDate: isoDate, plan: planSchema }),
);
