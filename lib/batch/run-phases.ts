// The batch's run-level phases with their telemetry, shared by both executors: the local one runs
// them in-process, the Inngest function wraps each in a step.run with a stable id.
import type pg from "pg";
import type { IsoDate } from "@/lib/dates";
import type { MarketDataProvider } from "@/lib/market-data/provider";
import type { PricePanel } from "@/lib/risk/panel";
import { loadBetaStore, type BetaStore } from "./beta-store";
import { createMarketContext, type MarketContext } from "./market-context";
import { planMissingDates } from "./phases/missing-dates";
import { fetchMarketData, heldSymbols, neededSymbols } from "./phases/market-data";
import { upsertRegistries } from "./phases/prerequisites";
import { loadPricePanel } from "./phases/price-panel";
import { computeSymbolAnalytics } from "./phases/symbol-analytics";
import { finishRun } from "./runs";
import { runningPhaseRows } from "./run-invariants";
import { runPhase, writePhaseRows } from "./telemetry";
import type { BatchRequest, MarketDataResult, MissingDatesResult, PortfolioRefreshResult, SymbolAnalyticsResult } from "./types";

export function phasePrerequisites(pool: pg.Pool, runId: string): Promise<void> {
  return runPhase(pool, runId, "PREREQUISITES", async () => {
    const r = await upsertRegistries(pool);
    return { outcome: { status: "succeeded", counts: { factorsUpserted: r.factorsUpserted, scenariosUpserted: r.scenariosUpserted } }, value: undefined };
  });
}

export function phaseMissingDates(pool: pg.Pool, runId: string, req: BatchRequest, asOfDate: IsoDate): Promise<MissingDatesResult> {
  return runPhase(pool, runId, "MISSING_DATES", async () => {
    const plan = await planMissingDates(pool, { asOfDate, portfolioIds: req.portfolioIds, force: req.force });
    const counts = { portfolios: plan.portfolios.length, portfolioDates: plan.portfolios.reduce((n, p) => n + p.dates.length, 0), dates: plan.allDates.length };
    const details = { from: plan.allDates[0] ?? null, to: plan.allDates.at(-1) ?? null, byPortfolio: Object.fromEntries(plan.portfolios.map((p) => [p.portfolioId, p.dates.length])) };
    return { outcome: { status: "succeeded", counts, details }, value: plan };
  });
}

const pending = (plan: MissingDatesResult) => plan.portfolios.filter((p) => p.dates.length > 0).map((p) => p.portfolioId);

/** The last date any book of the plan computes: the as-of date, or later when a book re-chains stored
 * days past it. Market data and the panel reach this far. */
export const planEnd = (plan: MissingDatesResult): IsoDate => lastComputedDate(plan.asOfDate, plan.allDates);

const lastComputedDate = (asOfDate: IsoDate, dates: readonly IsoDate[]): IsoDate => {
  const last = dates.at(-1);
  return last !== undefined && last > asOfDate ? last : asOfDate;
};

export function phaseMarketData(pool: pg.Pool, runId: string, provider: MarketDataProvider, plan: MissingDatesResult): Promise<MarketDataResult> {
  return runPhase(pool, runId, "MARKET_DATA", async () => {
    const symbols = await neededSymbols(pool, pending(plan));
    return fetchMarketData(pool, provider, { symbols, firstDate: plan.allDates[0]!, asOfDate: planEnd(plan) });
  });
}

export function phasePricePanel(pool: pg.Pool, runId: string, symbols: readonly string[], plan: MissingDatesResult): Promise<PricePanel> {
  return runPhase(pool, runId, "PRICE_PANEL", async () => {
    const panel = await loadPricePanel(pool, symbols, plan.allDates[0]!, planEnd(plan));
    return { outcome: { status: "succeeded", counts: { symbols: panel.symbols.length, dates: panel.dates.length } }, value: panel };
  });
}

export async function phaseSymbolAnalytics(
  pool: pg.Pool,
  runId: string,
  panel: PricePanel,
  plan: MissingDatesResult,
): Promise<{ value: SymbolAnalyticsResult; store: BetaStore }> {
  let store: BetaStore | undefined;
  const value = await runPhase(pool, runId, "SYMBOL_ANALYTICS", async () => {
    const symbols = await heldSymbols(pool, pending(plan));
    const r = await computeSymbolAnalytics(pool, panel, { symbols, dates: plan.allDates, runId });
    store = r.store;
    return { outcome: r.outcome, value: r.value };
  });
  return { value, store: store! };
}

/** What one portfolio's refresh needs when it runs on its own (an Inngest child run). */
export async function marketContextForPortfolio(pool: pg.Pool, portfolioId: string, dates: readonly IsoDate[], asOfDate: IsoDate): Promise<MarketContext> {
  const symbols = await neededSymbols(pool, [portfolioId]);
  const panel = await loadPricePanel(pool, symbols, dates[0]!, lastComputedDate(asOfDate, dates));
  const betas = await loadBetaStore(pool, await heldSymbols(pool, [portfolioId]), dates);
  return createMarketContext(pool, panel, betas);
}

export function runStatus(results: readonly PortfolioRefreshResult[]): "SUCCEEDED" | "PARTIAL" | "FAILED" {
  const bad = results.filter((r) => r.status === "failed" || r.status === "partial" || (r.status === "skipped" && r.reason !== "ALREADY_COMPLETE"));
  if (bad.length === 0) return "SUCCEEDED";
  return bad.length === results.length && results.every((r) => r.datesCompleted === 0) ? "FAILED" : "PARTIAL";
}

export const upToDate = (portfolioId: string): PortfolioRefreshResult => ({ portfolioId, status: "skipped", reason: "ALREADY_COMPLETE", datesCompleted: 0, datesFailed: 0, rowsWritten: 0 });

/**
 * The run's end: telemetry of the books that were already up to date, the run-level invariant (no
 * telemetry row of the run left RUNNING), the status (a broken invariant, here or in a book, never
 * lets the run say SUCCEEDED; it names the violations on the run) and the summary.
 */
export async function phaseFinish(
  pool: pg.Pool,
  runId: string,
  results: readonly PortfolioRefreshResult[],
  extra: Record<string, number> = {},
): Promise<{ status: "SUCCEEDED" | "PARTIAL" | "FAILED"; durationMs: number }> {
  const skipped = results.filter((r) => r.status === "skipped" && r.reason === "ALREADY_COMPLETE");
  await writePhaseRows(
    pool,
    runId,
    skipped.map((r) => ({ phase: "VALUATION", portfolioId: r.portfolioId, date: null, status: "SKIPPED", reasonCode: "ALREADY_COMPLETE", details: { detail: "every trading day up to the as-of date is complete" }, finishedAt: new Date() })),
  );
  const running = await runningPhaseRows(pool, runId);
  const violations = [
    ...results.flatMap((r) => (r.violations ?? []).map((v) => `${r.portfolioId}: ${v}`)),
    ...(running ? [`${running} telemetry row(s) of the run left RUNNING`] : []),
  ];
  let status = runStatus(results);
  if (violations.length && status === "SUCCEEDED") status = "PARTIAL";
  const counts = {
    ...extra,
    portfolios: results.length,
    portfoliosFailed: results.filter((r) => r.status === "failed" || r.status === "partial").length,
    portfoliosSkipped: results.filter((r) => r.status === "skipped").length,
    datesCompleted: results.reduce((n, r) => n + r.datesCompleted, 0),
    datesFailed: results.reduce((n, r) => n + r.datesFailed, 0),
    rowsWritten: results.reduce((n, r) => n + r.rowsWritten, 0),
    invariantViolations: violations.length,
  };
  await runPhase(pool, runId, "FINISH", async () => ({
    outcome: { status: "succeeded", counts, details: { status, violations, portfolios: results.map((r) => ({ id: r.portfolioId, status: r.status, reason: r.reason ?? null })) } },
    value: undefined,
  }));
  const error = violations.length ? new Error(`Invariant violated (${violations.length}): ${violations.slice(0, 5).join("; ")}${violations.length > 5 ? "; …" : ""}`) : undefined;
  const durationMs = await finishRun(pool, runId, { status, counts, ...(error ? { error } : {}) });
  return { status, durationMs };
}
