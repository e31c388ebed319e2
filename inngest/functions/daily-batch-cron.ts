// Weekdays at 18:30 New York: ask for the batch of the last completed trading day. The cron only
// sends an event (cron runs cannot be replayed; the event-triggered run can).
import { randomUUID } from "node:crypto";
import { cron } from "inngest";
import { DAILY_BATCH_CRON } from "@/lib/batch/daily-schedule";
import { resolveRunAsOf } from "@/lib/batch/local-executor";
import { providerFromEnv } from "@/lib/market-data/provider-from-env";
import { batchRequested, inngest } from "../client";


export const dailyBatchCron = inngest.createFunction({ id: "daily-batch-cron", triggers: [cron(DAILY_BATCH_CRON)] }, async ({ step }) => {
  const request = await step.run("resolve-as-of", async () => ({
    asOfDate: await resolveRunAsOf({ trigger: "CRON" }, providerFromEnv()),
    runId: randomUUID(),
  }));
  await step.sendEvent("request-batch", batchRequested.create({ ...request, trigger: "CRON" }));
  return request;
});
