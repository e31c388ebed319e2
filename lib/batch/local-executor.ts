// The local executor: the batch's phase sequence (run-sequence.ts) driven in-process.
// The default when Inngest is not configured; used by `npm start`, `npm run batch` and the admin
// buttons. One panel load and one beta computation serve every portfolio of the run.
import type pg from "pg";
import { batchConcurrency } from "@/lib/config/env";
import { getPool } from "@/lib/db/pool";
import type { IsoDate } from "@/lib/dates";
import { resolveAsOfDateFor } from "@/lib/market-data/as-of";
import type { MarketDataProvider } from "@/lib/market-data/provider";
import { providerFromEnv } from "@/lib/market-data/provider-from-env";
import { logError } from "@/lib/telemetry/log";
import { recordPortfolioFailure, refreshPortfolio } from "./phases/portfolio-analytics";
import { runBatchSequence, type BatchDriver } from "./run-sequence";
import { createRun, finishRun, type RunRow } from "./runs";
import { asError } from "./telemetry";
import type { BatchRequest, PortfolioRefreshResult, RunSummary } from "./types";

export interface LocalRunOptions {
  pool?: pg.Pool;
  provider?: MarketDataProvider;
  /** Progress per portfolio: dates done of total. */
  onProgress?: (event: { portfolioId: string; done: number; total: number }) => void;
  /** Days per write chunk of a portfolio's refresh (tests cross chunk boundaries with small ones). */
  daysPerChunk?: number;
  /** Books refreshed at once (default BATCH_CONCURRENCY). */
  concurrency?: number;
  /** Called once the run row exists (before any phase runs). */
  onStart?: (run: RunRow) => void;
}

export async function resolveRunAsOf(req: BatchRequest, provider: MarketDataProvider): Promise<IsoDate> {
  if (req.asOfDate) return req.asOfDate;
  return (await resolveAsOfDateFor(provider)).asOf;
}

/** The in-process driver: steps run as they are; up to BATCH_CONCURRENCY portfolios at once on the
 * shared market (each book's chain is independent and holds its own lease), results in plan order. */
function localDriver(pool: pg.Pool, options: LocalRunOptions): BatchDriver {
  return {
    inProcess: true,
    step: (_id, fn) => fn(),
    async refreshPortfolios(plans, { run, market }) {
      const results: PortfolioRefreshResult[] = new Array(plans.length);
      let next = 0;
      const worker = async () => {
        while (next < plans.length) {
          const i = next++;
          const p = plans[i]!;
          try {
            results[i] = await refreshPortfolio(pool, market!, p, {
              runId: run.id,
              daysPerChunk: options.daysPerChunk,
              onProgress: (portfolioId, done, total) => options.onProgress?.({ portfolioId, done, total }),
            });
          } catch (e) {
            results[i] = await recordPortfolioFailure(pool, run.id, p, e);
          }
        }
      };
      // Every worker ends before an error goes on up: none keeps writing behind a failed run.
      const settled = await Promise.allSettled(Array.from({ length: Math.min(options.concurrency ?? batchConcurrency(), plans.length) }, worker));
      const failed = settled.find((s) => s.status === "rejected");
      if (failed) throw failed.reason;
      return results;
    },
  };
}

/** Runs every phase of an existing run row; records every failure, returns the summary. */
export async function executeRun(pool: pg.Pool, run: RunRow, req: BatchRequest, provider: MarketDataProvider, options: LocalRunOptions = {}): Promise<RunSummary> {
  const started = performance.now();
  try {
    const { status, portfolios } = await runBatchSequence(pool, run, req, () => provider, localDriver(pool, options));
    return { runId: run.id, asOfDate: run.asOfDate, status, durationMs: Math.round(performance.now() - started), portfolios };
  } catch (e) {
    // A run-level phase failed (its telemetry row holds the stack): the run is FAILED as a whole.
    const error = asError(e);
    await finishRun(pool, run.id, { status: "FAILED", counts: {}, error });
    return { runId: run.id, asOfDate: run.asOfDate, status: "FAILED", durationMs: Math.round(performance.now() - started), portfolios: [] };
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
