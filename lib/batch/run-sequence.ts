// The batch's one phase sequence, run by two drivers: the local executor (in-process, one shared
// market context) and the Inngest function (each step durable, one child run per portfolio). A
// driver supplies only "run this step" and "refresh these portfolios", so the two cannot drift.
import type pg from "pg";
import type { MarketDataProvider } from "@/lib/market-data/provider";
import { createMarketContext, type MarketContext } from "./market-context";
import { neededSymbols } from "./phases/market-data";
import { phaseFinish, phaseMarketData, phaseMissingDates, phasePrerequisites, phasePricePanel, phaseSymbolAnalytics, upToDate } from "./run-phases";
import type { RunRow } from "./runs";
import type { BatchRequest, PortfolioPlan, PortfolioRefreshResult } from "./types";

export interface BatchDriver {
  /** Refreshes share this process's memory: the sequence builds one market context for all of them. */
  readonly inProcess: boolean;
  /** Runs one step; an Inngest step's value is memoized as JSON under `id`. */
  step<T>(id: string, fn: () => Promise<T>): Promise<T>;
  /** Refreshes each plan (all have dates); a portfolio that fails after its retries comes back as a
   * failed result, never as an exception that would stop the others or the finish. */
  refreshPortfolios(plans: PortfolioPlan[], context: { run: RunRow; market: MarketContext | null }): Promise<PortfolioRefreshResult[]>;
}

export async function runBatchSequence(
  pool: pg.Pool,
  run: RunRow,
  req: BatchRequest,
  provider: () => MarketDataProvider,
  driver: BatchDriver,
): Promise<{ status: "SUCCEEDED" | "PARTIAL" | "FAILED"; portfolios: PortfolioRefreshResult[] }> {
  await driver.step("prerequisites", () => phasePrerequisites(pool, run.id));
  let plan = await driver.step("missing-dates", () => phaseMissingDates(pool, run.id, req, run.asOfDate));
  let pending = plan.portfolios.filter((p) => p.dates.length > 0);
  const extra: Record<string, number> = {};
  const results: PortfolioRefreshResult[] = [];
  if (pending.length) {
    const md = await driver.step("market-data", () => phaseMarketData(pool, run.id, provider(), plan));
    extra.pricesWritten = md.changedRows;
    let symbols = md.symbols;
    if (md.rebased.length) {
      // A re-based history marked the books it feeds: this run recomputes those in its scope from the mark.
      plan = await driver.step("missing-dates-after-rebasing", () => phaseMissingDates(pool, run.id, req, run.asOfDate));
      pending = plan.portfolios.filter((p) => p.dates.length > 0);
      extra.symbolsRebased = md.rebased.length;
      symbols = await driver.step("symbols-after-rebasing", () => neededSymbols(pool, pending.map((p) => p.portfolioId)));
    }
    let market: MarketContext | null = null;
    const analytics = await driver.step("symbol-analytics", async () => {
      const panel = await phasePricePanel(pool, run.id, symbols, plan);
      const { value, store } = await phaseSymbolAnalytics(pool, run.id, panel, plan);
      if (driver.inProcess) market = await createMarketContext(pool, panel, store);
      return value;
    });
    extra.betasStored = analytics.betasStored;
    results.push(...(await driver.refreshPortfolios(pending, { run, market })));
  }
  const done = new Set(results.map((r) => r.portfolioId));
  for (const p of plan.portfolios) if (!done.has(p.portfolioId)) results.push(upToDate(p.portfolioId));
  const { status } = await driver.step("finish", () => phaseFinish(pool, run.id, results, extra));
  return { status, portfolios: results };
}
