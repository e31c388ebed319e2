import { dailyBatchCron } from "./daily-batch-cron";
import { refreshPortfolioFn } from "./refresh-portfolio";
import { runBatch } from "./run-batch";

export const functions = [dailyBatchCron, runBatch, refreshPortfolioFn];
