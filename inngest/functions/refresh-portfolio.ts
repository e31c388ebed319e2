// One portfolio's analytics for its dates, as a child run of the batch. Never two at once for one
// portfolio (concurrency key), on top of the database lease every refresh takes.
import { getPool } from "@/lib/db/pool";
import { refreshPortfolio } from "@/lib/batch/phases/portfolio-analytics";
import { marketContextForPortfolio } from "@/lib/batch/run-phases";
import { inngest, portfolioRefreshInvoked } from "../client";

export const refreshPortfolioFn = inngest.createFunction(
  {
    id: "refresh-portfolio",
    triggers: [portfolioRefreshInvoked],
    retries: 3,
    concurrency: [{ key: "event.data.plan.portfolioId", limit: 1 }, { limit: 4 }],
  },
  async ({ event, step }) =>
    step.run("refresh", async () => {
      const { runId, asOfDate, plan } = event.data;
      const pool = getPool();
      const market = await marketContextForPortfolio(pool, plan.portfolioId, plan.dates, asOfDate);
      return refreshPortfolio(pool, market, plan, { runId });
    }),
);
