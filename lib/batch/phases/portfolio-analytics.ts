// Phase 5 driver for one portfolio: holds the portfolio's lease, claims its snapshots, computes its
// dates in order (the NAV chain), writes them in chunks and records telemetry per phase × date. A
// failure stops this portfolio's chain at the failed date (recorded with its stack; later dates
// skipped with UPSTREAM_FAILED) and never touches other portfolios.
import type pg from "pg";
import type { IsoDate } from "@/lib/dates";
import type { ReasonCode } from "@/lib/reason-codes";
import type { PositionValue } from "@/lib/risk/position-exposure";
import { portfolioViolations } from "../run-invariants";
import { heartbeat } from "../runs";
import { loadNavAnchor, loadPortfolioData, type NavAnchor, type PortfolioData } from "../load-portfolio";
import type { MarketContext } from "../market-context";
import { acquirePortfolio, extendPortfolioLease, releasePortfolio } from "../portfolio-lock";
import { computePortfolioDay, DayPhaseError, type DayResult } from "../portfolio-day";
import { asError, outcomeRow, writePhaseRows, type PhaseRow } from "../telemetry";
import { PORTFOLIO_DAY_PHASES, type PortfolioPlan, type PortfolioRefreshResult } from "../types";
import { claimSnapshots, dayRowCount, writeDays } from "../write-portfolio-results";

export const DAYS_PER_CHUNK = 25;

export interface RefreshOptions {
  runId: string;
  /** Days computed and written together (tests use small chunks to cross chunk boundaries often). */
  daysPerChunk?: number;
  /** Called after each written chunk: dates done so far for this portfolio. */
  onProgress?: (portfolioId: string, done: number, total: number) => void;
}

function anchorValues(portfolio: PortfolioData, anchor: NavAnchor | null): Map<string, PositionValue> {
  // navDayInput reads only the previous market value of each position.
  const values = new Map<string, PositionValue>();
  const byId = new Map(portfolio.positions.map((p) => [p.id, p]));
  for (const [id, marketValue] of anchor?.marketValues ?? []) {
    const p = byId.get(id);
    if (p) values.set(id, { positionId: id, symbol: p.symbol, riskSymbol: p.option?.underlying ?? p.symbol, investmentClass: p.investmentClass, exposure: 0, marketValue });
  }
  return values;
}

const rowsFor = (portfolioId: string, dates: readonly IsoDate[], status: PhaseRow["status"], reasonCode: ReasonCode | null, details?: Record<string, unknown>): PhaseRow[] =>
  dates.flatMap((date) => PORTFOLIO_DAY_PHASES.map((phase): PhaseRow => ({ phase, portfolioId, date, status, reasonCode, details: details ?? null, startedAt: new Date(), finishedAt: status === "RUNNING" ? null : new Date() })));

/** The NAV chain's state between days: advanced by each computed day. */
interface Chain {
  previousDate: IsoDate | null;
  previousNav: number | null;
  previousValues: ReadonlyMap<string, PositionValue>;
}

type Stop = { date: IsoDate; rows: PhaseRow[] };

interface ComputedChunk {
  computed: DayResult[];
  phaseRows: PhaseRow[];
  datesFailed: number;
  stop: Stop | null;
}

const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A chunk computed ahead runs while other awaits happen: holding its outcome (not a bare promise)
 * keeps an unexpected exception from becoming an unhandled rejection; `take` rethrows it.
 */
type Ahead = Promise<{ chunk: ComputedChunk } | { error: unknown }>;
const ahead = (p: Promise<ComputedChunk>): Ahead => p.then((chunk) => ({ chunk }), (error: unknown) => ({ error }));
async function take(a: Ahead): Promise<ComputedChunk> {
  const r = await a;
  if ("error" in r) throw r.error;
  return r.chunk;
}

/** Computes a chunk's days in order; stops at the first day that cannot complete or fails. */
async function computeChunk(portfolio: PortfolioData, market: MarketContext, chain: Chain, chunk: readonly IsoDate[]): Promise<ComputedChunk> {
  const portfolioId = portfolio.id;
  const out: ComputedChunk = { computed: [], phaseRows: [], datesFailed: 0, stop: null };
  for (const date of chunk) {
    await yieldToIo();
    try {
      const day = computePortfolioDay(portfolio, market, { date, previousDate: chain.previousDate, previousNav: chain.previousNav, previousValues: chain.previousValues });
      out.phaseRows.push(...day.timings.map((t) => outcomeRow(t.phase, portfolioId, date, t.outcome, t.startedAt, t.durationMs)));
      if (!day.complete) {
        const rest = PORTFOLIO_DAY_PHASES.filter((p) => !day.timings.some((t) => t.phase === p));
        out.stop = { date, rows: rest.map((phase) => ({ phase, portfolioId, date, status: "SKIPPED", reasonCode: day.reason, details: { detail: day.detail }, finishedAt: new Date() })) };
        return out;
      }
      out.computed.push(day.result);
      chain.previousDate = date;
      chain.previousNav = day.result.snapshot.nav.nav;
      chain.previousValues = day.result.values;
    } catch (e) {
      const error = asError(e);
      const failedPhase = e instanceof DayPhaseError ? e.phase : "VALUATION";
      const done = new Set(out.phaseRows.filter((r) => r.date === date).map((r) => r.phase));
      out.stop = {
        date,
        rows: PORTFOLIO_DAY_PHASES.filter((p) => !done.has(p)).map((phase): PhaseRow =>
          phase === failedPhase
            ? { phase, portfolioId, date, status: "FAILED", reasonCode: "ERROR", error, finishedAt: new Date() }
            : { phase, portfolioId, date, status: "SKIPPED", reasonCode: "UPSTREAM_FAILED", details: { detail: `${failedPhase} failed` }, finishedAt: new Date() },
        ),
      };
      out.datesFailed = 1;
      return out;
    }
  }
  return out;
}

/**
 * Writes a chunk's results with the telemetry of its computed days (their phase rows and a WRITE_RESULTS
 * row each) in one transaction; a failure is returned (to be recorded), not thrown.
 */
async function writeChunk(
  pool: pg.Pool,
  portfolioId: string,
  runId: string,
  days: readonly DayResult[],
  dayRows: readonly PhaseRow[],
  previousDate: IsoDate | null,
): Promise<{ ok: true; rows: number } | { ok: false; error: Error }> {
  const telemetry = (ms: number): PhaseRow[] => [
    ...dayRows,
    ...days.map((d): PhaseRow => ({ phase: "WRITE_RESULTS", portfolioId, date: d.date, status: "SUCCEEDED", counts: { rowsWritten: dayRowCount(d) }, durationMs: ms / days.length, finishedAt: new Date() })),
  ];
  try {
    return { ok: true, rows: await writeDays(pool, portfolioId, runId, days, previousDate, telemetry) };
  } catch (e) {
    return { ok: false, error: asError(e) };
  }
}

/** Clears the book's recompute mark when this refresh honoured it: it recomputed from the mark on and
 * read the inputs at the version that is still current (an edit during the run keeps the mark). */
async function clearRecomputeMark(pool: pg.Pool, portfolioId: string, inputsVersion: number, firstDate: IsoDate): Promise<void> {
  await pool.query(`UPDATE portfolios SET recompute_from = NULL WHERE id = $1 AND inputs_version = $2 AND recompute_from >= $3::date`, [portfolioId, inputsVersion, firstDate]);
}

/** The book's stored chain checked before its lease is released; a violation is recorded and makes the
 * book's result partial, whatever its days reported. */
async function withInvariants(pool: pg.Pool, runId: string, plan: PortfolioPlan, result: PortfolioRefreshResult, complete: boolean): Promise<PortfolioRefreshResult> {
  const violations = await portfolioViolations(pool, plan, { complete });
  if (!violations.length) return result;
  const error = new Error(`Invariant violated for ${plan.portfolioId}: ${violations.join("; ")}`);
  await writePhaseRows(pool, runId, [
    { phase: "INTEGRITY_CHECKS", portfolioId: plan.portfolioId, date: null, status: "FAILED", reasonCode: "INVARIANT_VIOLATED", details: { violations }, error, finishedAt: new Date() },
  ]);
  return { ...result, status: result.status === "succeeded" ? "partial" : result.status, reason: "INVARIANT_VIOLATED", violations };
}

/** A refresh that threw (outside its per-day handling): recorded with its stack as the book's failure. */
export async function recordPortfolioFailure(pool: pg.Pool, runId: string, plan: PortfolioPlan, e: unknown): Promise<PortfolioRefreshResult> {
  const error = asError(e);
  await writePhaseRows(pool, runId, [{ phase: "VALUATION", portfolioId: plan.portfolioId, date: null, status: "FAILED", reasonCode: "ERROR", error, finishedAt: new Date() }]);
  return { portfolioId: plan.portfolioId, status: "failed", reason: "ERROR", datesCompleted: 0, datesFailed: plan.dates.length, rowsWritten: 0 };
}

export async function refreshPortfolio(pool: pg.Pool, market: MarketContext, plan: PortfolioPlan, opts: RefreshOptions): Promise<PortfolioRefreshResult> {
  const { portfolioId } = plan;
  const { runId } = opts;
  const daysPerChunk = opts.daysPerChunk ?? DAYS_PER_CHUNK;
  const result: PortfolioRefreshResult = { portfolioId, status: "succeeded", datesCompleted: 0, datesFailed: 0, rowsWritten: 0 };
  if (plan.dates.length === 0) throw new Error(`refreshPortfolio(${portfolioId}): the plan has no dates (an up-to-date book is not refreshed)`);
  if (!(await acquirePortfolio(pool, portfolioId, runId))) {
    await writePhaseRows(pool, runId, rowsFor(portfolioId, plan.dates, "SKIPPED", "LOCKED_BY_OTHER_RUN", { detail: "another run held this portfolio's lease for too long" }));
    return { ...result, status: "skipped", reason: "LOCKED_BY_OTHER_RUN" };
  }
  const dates = plan.dates;
  try {
    // Independent reads and writes go out together (separate pooled connections): a one-day refresh
    // is mostly round trips.
    const [portfolio, anchor] = await Promise.all([loadPortfolioData(pool, portfolioId), plan.anchorDate ? loadNavAnchor(pool, portfolioId, plan.anchorDate) : null]);
    if (plan.anchorDate && !anchor) throw new Error(`the NAV chain's anchor snapshot of ${plan.anchorDate} is not complete`);
    await claimSnapshots(pool, portfolioId, dates, runId);
    await writePhaseRows(pool, runId, rowsFor(portfolioId, dates, "RUNNING", null));

    const chain: Chain = { previousDate: plan.anchorDate, previousNav: anchor?.nav ?? null, previousValues: anchorValues(portfolio, anchor) };
    let next: Ahead | null = ahead(computeChunk(portfolio, market, chain, dates.slice(0, daysPerChunk)));
    for (let start = 0; next !== null; start += daysPerChunk) {
      const chunkAnchor = start === 0 ? plan.anchorDate : dates[start - 1]!;
      const current = await take(next);
      const { computed, datesFailed } = current;
      result.datesFailed += datesFailed;
      let stop: Stop | null = current.stop;
      const chunk = dates.slice(start, start + daysPerChunk);
      const computedDates = new Set(computed.map((d) => d.date));
      const dayRows = current.phaseRows.filter((r) => computedDates.has(r.date!));
      // Rows written after the chunk: the stopping day's, and every row of a chunk whose write failed.
      const phaseRows = current.phaseRows.filter((r) => !computedDates.has(r.date!));
      // One write in flight: the next chunk is computed while this one is written (its compute yields
      // between days so the write's statements go on). A failed write discards that next chunk.
      const write = writeChunk(pool, portfolioId, runId, computed, dayRows, chunkAnchor);
      next = stop === null && start + daysPerChunk < dates.length ? ahead(computeChunk(portfolio, market, chain, dates.slice(start + daysPerChunk, start + 2 * daysPerChunk))) : null;
      const written = await write;
      if (written.ok) {
        result.rowsWritten += written.rows;
        result.datesCompleted += computed.length;
        const provisional = computed.filter((d) => d.snapshot.staleSymbols.length > 0).length;
        if (provisional) result.provisionalDays = (result.provisionalDays ?? 0) + provisional;
      } else {
        const cause = written.error;
        const error = new Error(`writing ${portfolioId} results of ${computed[0]?.date}..${computed.at(-1)?.date} failed: ${cause.message}`, { cause });
        error.stack = `${error.stack}\nCaused by: ${cause.stack}`;
        phaseRows.push(...dayRows);
        for (const d of computed) phaseRows.push({ phase: "WRITE_RESULTS", portfolioId, date: d.date, status: "FAILED", reasonCode: "ERROR", error, finishedAt: new Date() });
        result.datesFailed += computed.length;
        stop = { date: computed[0]?.date ?? chunk[0]!, rows: [] };
        if (next) await take(next);
        next = null;
      }
      if (stop) {
        phaseRows.push(...stop.rows);
        const blocked = dates.filter((d) => d > stop!.date && !phaseRows.some((r) => r.date === d));
        phaseRows.push(...rowsFor(portfolioId, blocked, "SKIPPED", "UPSTREAM_FAILED", { detail: `the NAV chain stopped on ${stop.date}` }));
        await writePhaseRows(pool, runId, phaseRows);
        result.status = result.datesCompleted > 0 ? "partial" : result.datesFailed > 0 ? "failed" : "skipped";
        if (result.datesFailed === 0) result.reason = stop.rows[0]?.reasonCode ?? undefined;
        return await withInvariants(pool, runId, plan, result, false);
      }
      await Promise.all([writePhaseRows(pool, runId, phaseRows), extendPortfolioLease(pool, portfolioId, runId), heartbeat(pool, runId)]);
      opts.onProgress?.(portfolioId, Math.min(start + daysPerChunk, dates.length), dates.length);
    }
    const checked = await withInvariants(pool, runId, plan, result, true);
    if (checked.status !== "succeeded") return checked;
    await clearRecomputeMark(pool, portfolioId, portfolio.inputsVersion, dates[0]!);
    // Every day is stored, but provisional ones wait for prices: work left undone, never a success.
    return checked.provisionalDays ? { ...checked, status: "partial", reason: "STALE_PRICES" } : checked;
  } finally {
    await releasePortfolio(pool, portfolioId, runId);
  }
}
