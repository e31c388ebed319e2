import { dailyBatchCron } from "./daily-batch-cron";
import { recomputePortfolioFn } from "./recompute-portfolio";
import { refreshPortfolioFn } from "./refresh-portfolio";
import { runBatch } from "./run-batch";

export const functions = [dailyBatchCron, runBatch, refreshPortfolioFn, recomputePortfolioFn];
