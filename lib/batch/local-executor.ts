// The local executor (SPEC §5): the same phase functions as the Inngest function, run in-process.
// The default when Inngest is not configured; used by `npm start`, `npm run batch` and the admin
// buttons. One panel load and one beta computation serve every portfolio of the run.
import type pg from "pg";
import { getPool } from "@/lib/db/pool";
import type { IsoDate } from "@/lib/dates";
import { resolveAsOfDate } from "@/lib/market-data/as-of";
import type { MarketDataProvider } from "@/lib/market-data/provider";
import { providerFromEnv } from "@/lib/market-data/provider-from-env";
import { logError } from "@/lib/telemetry/log";
import { createMarketContext } from "./market-context";
import { refreshPortfolio } from "./phases/portfolio-analytics";
import { batchConfig, phaseFinish, phaseMarketData, phaseMissingDates, phasePrerequisites, phasePricePanel, phaseSymbolAnalytics } from "./run-phases";
import { createRun, finishRun, type RunRow } from "./runs";
import { asError, writePhaseRows } from "./telemetry";
import type { BatchRequest, PortfolioRefreshResult, RunSummary } from "./types";

export interface LocalRunOptions {
  pool?: pg.Pool;
  provider?: MarketDataProvider;
  /** Progress per portfolio: dates done of total. */
  onProgress?: (event: { portfolioId: string; done: number; total: number }) => void;
  /** Called once the run row exists (before any phase runs). */
  onStart?: (run: RunRow) => void;
}

export async function resolveRunAsOf(req: BatchRequest, provider: MarketDataProvider): Promise<IsoDate> {
  if (req.asOfDate) return req.asOfDate;
  return resolveAsOfDate({ now: new Date(), asOfOverride: process.env.AS_OF, dataEndDate: await provider.dataEndDate?.() }).asOf;
}

/** Runs every phase of an existing run row; records every failure, returns the summary. */
export async function executeRun(pool: pg.Pool, run: RunRow, req: BatchRequest, provider: MarketDataProvider, options: LocalRunOptions = {}): Promise<RunSummary> {
  const started = performance.now();
  const results: PortfolioRefreshResult[] = [];
  try {
    await phasePrerequisites(pool, run.id);
    const plan = await phaseMissingDates(pool, run.id, req, run.asOfDate);
    const extra: Record<string, number> = {};
    if (plan.allDates.length > 0) {
      const md = await phaseMarketData(pool, run.id, provider, plan);
      extra.pricesWritten = md.changedRows;
      const panel = await phasePricePanel(pool, run.id, md.symbols, plan);
      const { value, store } = await phaseSymbolAnalytics(pool, run.id, panel, plan);
      extra.betasStored = value.betasStored;
      const market = await createMarketContext(pool, panel, store, batchConfig());
      for (const p of plan.portfolios) {
        try {
          results.push(
            await refreshPortfolio(pool, market, p, {
              runId: run.id,
              force: Boolean(req.force),
              onProgress: (portfolioId, done, total) => options.onProgress?.({ portfolioId, done, total }),
            }),
          );
        } catch (e) {
          const error = asError(e);
          await writePhaseRows(pool, run.id, [{ phase: "VALUATION", portfolioId: p.portfolioId, date: null, status: "FAILED", reasonCode: "ERROR", error, finishedAt: new Date() }]);
          results.push({ portfolioId: p.portfolioId, status: "failed", reason: "ERROR", datesCompleted: 0, datesFailed: p.dates.length, rowsWritten: 0 });
        }
      }
    } else {
      for (const p of plan.portfolios) results.push({ portfolioId: p.portfolioId, status: "skipped", reason: "ALREADY_COMPLETE", datesCompleted: 0, datesFailed: 0, rowsWritten: 0 });
    }
    const { status } = await phaseFinish(pool, run.id, results, extra);
    return { runId: run.id, asOfDate: run.asOfDate, status, durationMs: Math.round(performance.now() - started), portfolios: results };
  } catch (e) {
    // A run-level phase failed (its telemetry row holds the stack): the run is FAILED as a whole.
    const error = asError(e);
    await finishRun(pool, run.id, { status: "FAILED", counts: { portfolios: results.length }, error });
    return { runId: run.id, asOfDate: run.asOfDate, status: "FAILED", durationMs: Math.round(performance.now() - started), portfolios: results };
  }
}

/** Creates the run and executes it to the end. */
export async function runLocalBatch(req: BatchRequest, options: LocalRunOptions = {}): Promise<RunSummary> {
  const pool = options.pool ?? getPool();
  const provider = options.provider ?? providerFromEnv();
  const asOf = await resolveRunAsOf(req, provider);
  const run = await createRun(pool, req, asOf, "local");
  options.onStart?.(run);
  return executeRun(pool, run, req, provider, options);
}

/** Creates the run now (so conflicts surface to the caller) and executes it in the background. */
export async function startLocalBatch(req: BatchRequest, options: LocalRunOptions = {}): Promise<RunRow> {
  const pool = options.pool ?? getPool();
  const provider = options.provider ?? providerFromEnv();
  const run = await createRun(pool, req, await resolveRunAsOf(req, provider), "local");
  executeRun(pool, run, req, provider, options).catch((e: unknown) => logError("batch.background", e, { runId: run.id }));
  return run;
}
