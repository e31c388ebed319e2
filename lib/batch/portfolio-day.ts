// One portfolio on one date (SPEC §5 step 5): valuation and NAV, option Greeks, factor exposures,
// volatility and VaR, correlations, concentration and sector, stress tests, integrity checks. Pure
// over the market context; each phase is timed and reports succeeded or skipped with its reason, and
// an exception is tagged with its phase and goes on up (never swallowed).
import type { IsoDate } from "@/lib/dates";
import type { FactorKey } from "@/lib/factors/registry";
import { priceForValuation } from "@/lib/market-data/gaps";
import type { ReasonCode } from "@/lib/reason-codes";
import { concentration } from "@/lib/risk/concentration";
import { correlationMatrix } from "@/lib/risk/correlation";
import { navDayInput, rollForwardNav, type NavDay } from "@/lib/risk/nav";
import { portfolioFactorExposures, type BetaTable } from "@/lib/risk/portfolio-exposure";
import { isOpenOn, publicExposureBySymbol, valueOption, valuePrivate, valuePublic, type EnginePosition, type PositionValue } from "@/lib/risk/position-exposure";
import { sectorExposure } from "@/lib/risk/sector";
import { runStressTest, type StressPosition } from "@/lib/risk/stress";
import type { StressBetas } from "@/lib/risk/stress-betas";
import { valueAtRisk, type ValueAtRisk, type VarEstimate } from "@/lib/risk/var";
import { portfolioReturnSeries, VOL_HISTORY_RETURNS, volatilityMetrics } from "@/lib/risk/volatility";
import type { SnapshotReasons, StoredCorrelationMatrix, StoredFactorContributions, StoredPositionContributions, StoredSectorExposure, StoredShockVector } from "@/lib/results/shapes";
import { SHOCK_PROXY, SHOCKABLE_FACTORS, type ShockableFactor } from "@/lib/stress/scenarios";
import type { PortfolioData } from "./load-portfolio";
import type { MarketContext } from "./market-context";
import { quoteOption, realizedVol63, type OptionQuoteDetail } from "./option-valuation";
import { runIntegrityChecks } from "./integrity-checks";
import type { PhaseOutcome, PortfolioDayPhase } from "./types";

export interface DayState {
  date: IsoDate;
  previousDate: IsoDate | null;
  previousNav: number | null;
  /** Valuations at the previous close by position id (only marketValue is read). */
  previousValues: ReadonlyMap<string, PositionValue>;
}

export interface ValuationRow {
  positionId: string;
  price: number;
  marketValue: number;
  exposure: number;
  weight: number;
  pnlDay: number;
  pnlTotal: number;
  carried: boolean;
}

export interface GreekRow extends OptionQuoteDetail {
  positionId: string;
}

export interface ExposureRow {
  factor: FactorKey;
  beta: number;
  dollars: number;
  coverage: number;
  lowCoverage: boolean;
  rSquared: number | null;
}

export interface CorrelationRow {
  symbols: string[];
  matrix: StoredCorrelationMatrix;
  averageAbsCorrelation: number | null;
  effectiveBets: number;
  n: number;
}

export interface StressRow {
  scenarioKey: string;
  directPnl: number;
  correlatedPnl: number;
  directPct: number;
  correlatedPct: number;
  newNav: number;
  exceedsNav: boolean;
  shockVector: StoredShockVector;
  factorContributions: StoredFactorContributions;
  positionContributions: StoredPositionContributions;
}

export interface SnapshotFigures {
  nav: NavDay;
  /** Σ capital flows up to and including the date: cumulative P&L excludes them. */
  flowsToDate: number;
  privateValue: number;
  numPositions: number;
  vol: { vol21: number | null; vol63: number | null; har: number | null; ewma: number | null; percentile: number | null; trend: string | null };
  var: Record<"var95Hist" | "var99Hist" | "es95Hist" | "es99Hist" | "var95Param" | "var99Param" | "es95Param" | "es99Param", number | null>;
  concentration: { hhi: number; effectivePositions: number; top3Share: number; top10Share: number } | null;
  sector: StoredSectorExposure | null;
  reasons: SnapshotReasons;
  carriedSymbols: string[];
}

export interface DayResult {
  date: IsoDate;
  snapshot: SnapshotFigures;
  valuations: ValuationRow[];
  greeks: GreekRow[];
  exposures: ExposureRow[];
  correlation: CorrelationRow | null;
  stress: StressRow[];
  /** Valuations at this close, the next day's `previousValues`. */
  values: Map<string, PositionValue>;
}

export interface PhaseTiming {
  phase: PortfolioDayPhase;
  outcome: PhaseOutcome;
  startedAt: Date;
  durationMs: number;
}

export class DayPhaseError extends Error {
  constructor(
    readonly phase: PortfolioDayPhase,
    readonly date: IsoDate,
    cause: unknown,
  ) {
    const message = cause instanceof Error ? cause.message : String(cause);
    super(`${phase} on ${date}: ${message}`, { cause });
    this.name = "DayPhaseError";
    if (cause instanceof Error && cause.stack) this.stack = `${this.name}: ${this.message}\n${cause.stack}`;
  }
}

export type DayOutcome =
  | { complete: true; result: DayResult; timings: PhaseTiming[] }
  /** The day cannot be completed (e.g. a price has not arrived): the chain stops here. */
  | { complete: false; reason: ReasonCode; detail: string; timings: PhaseTiming[] };

const skip = (reason: ReasonCode, detail: string, counts?: Record<string, number>): PhaseOutcome => ({ status: "skipped", reason, details: { detail }, ...(counts ? { counts } : {}) });
const ok = (counts?: Record<string, number>, details?: Record<string, unknown>): PhaseOutcome => ({ status: "succeeded", ...(counts ? { counts } : {}), ...(details ? { details } : {}) });

function markOn(portfolio: PortfolioData, position: EnginePosition, date: IsoDate): number | null {
  const marks = portfolio.marks.get(position.id);
  let price: number | null = null;
  for (const m of marks ?? []) if (m.date <= date) price = m.price;
  return price;
}

interface Valuation {
  values: Map<string, PositionValue>;
  prices: Map<string, { price: number; carried: boolean }>;
  greeks: GreekRow[];
  carriedSymbols: Set<string>;
  problem: { reason: ReasonCode; detail: string } | null;
}

function valuePositions(portfolio: PortfolioData, market: MarketContext, date: IsoDate): Valuation {
  const { panel, returns, config } = market;
  const endIndex = panel.dateIndex.get(date);
  if (endIndex === undefined) throw new Error(`${date} is not on the price panel`);
  const values = new Map<string, PositionValue>();
  const prices = new Map<string, { price: number; carried: boolean }>();
  const greeks: GreekRow[] = [];
  const carriedSymbols = new Set<string>();
  const missing: string[] = [];
  const stale: string[] = [];
  const priceOf = (symbol: string) => {
    const p = priceForValuation(panel, symbol, date);
    if (p.price === null) (p.stale ? stale : missing).push(symbol);
    else if (p.carried) carriedSymbols.add(symbol);
    return p;
  };
  for (const position of portfolio.positions) {
    if (!isOpenOn(position, date)) continue;
    if (position.investmentClass === "PRIVATE") {
      const v = valuePrivate({ ...position, markPrice: markOn(portfolio, position, date) });
      values.set(position.id, v);
      prices.set(position.id, { price: v.marketValue / position.quantity, carried: false });
      continue;
    }
    if (position.option === null) {
      const p = priceOf(position.symbol);
      if (p.price === null) continue;
      values.set(position.id, valuePublic(position, p.price));
      prices.set(position.id, { price: p.price, carried: p.carried });
      continue;
    }
    const u = priceOf(position.option.underlying);
    if (u.price === null) continue;
    const vol = realizedVol63(returns, position.option.underlying, endIndex);
    if (vol === null) {
      missing.push(`${position.option.underlying} (63 returns for option volatility)`);
      continue;
    }
    const q = quoteOption(position.option, date, u.price, vol, config.riskFreeRate);
    values.set(position.id, valueOption(position, { underlyingPrice: u.price, delta: q.delta, premium: q.price }));
    prices.set(position.id, { price: q.price, carried: u.carried });
    greeks.push({ positionId: position.id, ...q });
  }
  const problem = stale.length
    ? { reason: "STALE_PRICES" as const, detail: `no price yet for ${[...new Set(stale)].join(", ")} on ${date}` }
    : missing.length
      ? { reason: "MISSING_PRICES" as const, detail: `no usable price for ${[...new Set(missing)].join(", ")} on ${date}` }
      : null;
  return { values, prices, greeks, carriedSymbols, problem };
}

function betaTableOn(market: MarketContext, date: IsoDate): { table: BetaTable; rSquared: ReadonlyMap<string, Partial<Record<FactorKey, number>>> } {
  const stats = market.betas.onDate(date);
  return {
    table: new Map([...stats].map(([s, v]) => [s, v.betas])),
    rSquared: new Map([...stats].map(([s, v]) => [s, v.rSquared])),
  };
}

function varFigure(est: VarEstimate, confidence: 0.95 | 0.99, field: "var" | "es"): number | null {
  if (!est.available) return null;
  return est.levels.find((l) => l.confidence === confidence)?.[field] ?? null;
}

export function computePortfolioDay(portfolio: PortfolioData, market: MarketContext, state: DayState): DayOutcome {
  const { date } = state;
  const timings: PhaseTiming[] = [];
  const step = <T>(phase: Exclude<PortfolioDayPhase, "WRITE_RESULTS">, fn: () => { outcome: PhaseOutcome; value: T }): T => {
    const startedAt = new Date();
    const t0 = performance.now();
    try {
      const { outcome, value } = fn();
      timings.push({ phase, outcome, startedAt, durationMs: performance.now() - t0 });
      return value;
    } catch (e) {
      throw new DayPhaseError(phase, date, e);
    }
  };
  const positionById = new Map(portfolio.positions.map((p) => [p.id, p]));
  const reasons: SnapshotReasons = {};
  const skipSection = (section: keyof SnapshotReasons, reason: ReasonCode, detail: string) => {
    reasons[section] = { reason, detail };
    return skip(reason, detail);
  };

  // VALUATION: prices, marks, Black–Scholes for options, then the NAV roll-forward.
  const valuation = step<{ v: Valuation; nav: NavDay | null }>("VALUATION", () => {
    const v = valuePositions(portfolio, market, date);
    if (v.problem) return { outcome: skip(v.problem.reason, v.problem.detail), value: { v, nav: null } };
    const nav = rollForwardNav(
      navDayInput(
        portfolio.positions,
        { date, previousDate: state.previousDate, previousNav: state.previousNav, startingEquity: portfolio.startingEquity, capitalFlow: portfolio.flows.get(date) ?? 0 },
        v.values,
        state.previousValues,
      ),
    );
    return { outcome: ok({ positions: v.values.size, carriedPrices: v.carriedSymbols.size }), value: { v, nav } };
  });
  if (valuation.nav === null) {
    const problem = valuation.v.problem!;
    return { complete: false, reason: problem.reason, detail: problem.detail, timings };
  }
  const { v, nav } = valuation;
  const values = [...v.values.values()];
  const navValue = nav.nav;
  const publicExposures = publicExposureBySymbol(values);
  const hasPublic = publicExposures.size > 0;
  const noPublic = "only private holdings: valued from their marks, no market analytics";

  const valuations: ValuationRow[] = values.map((pv) => {
    const position = positionById.get(pv.positionId)!;
    const previous = state.previousValues.get(pv.positionId);
    const multiplier = position.option?.multiplier ?? 1;
    const entryCost = position.quantity * position.entryPrice * multiplier;
    const base = state.previousNav === null ? pv.marketValue : (previous?.marketValue ?? entryCost);
    return {
      positionId: pv.positionId,
      price: v.prices.get(pv.positionId)!.price,
      marketValue: pv.marketValue,
      exposure: pv.exposure,
      weight: navValue !== 0 ? pv.exposure / navValue : 0,
      pnlDay: pv.marketValue - base,
      pnlTotal: pv.marketValue - entryCost,
      carried: v.prices.get(pv.positionId)!.carried,
    };
  });

  step("OPTION_GREEKS", () => ({
    outcome: v.greeks.length ? ok({ options: v.greeks.length }) : skip("NO_OPTIONS", "no open option positions"),
    value: null,
  }));

  const exposures = step("FACTOR_EXPOSURES", () => {
    const { table, rSquared } = betaTableOn(market, date);
    const res = portfolioFactorExposures(values, table, navValue);
    if (!res.available) return { outcome: skipSection("factors", res.reason, res.detail), value: [] as ExposureRow[] };
    const rows = res.exposures.flatMap((e): ExposureRow[] => {
      if (e.beta === null) return [];
      let weighted = 0;
      let gross = 0;
      for (const pv of values) {
        if (pv.investmentClass === "PRIVATE") continue;
        const r2 = rSquared.get(pv.riskSymbol)?.[e.factor];
        if (r2 === undefined) continue;
        weighted += Math.abs(pv.exposure) * r2;
        gross += Math.abs(pv.exposure);
      }
      return [{ factor: e.factor, beta: e.beta, dollars: e.dollars, coverage: e.coverage, lowCoverage: e.lowCoverage, rSquared: gross > 0 ? weighted / gross : null }];
    });
    return { outcome: ok({ factorsStored: rows.length, lowCoverage: rows.filter((r) => r.lowCoverage).length }), value: rows };
  });

  const risk = step<{ vol: SnapshotFigures["vol"]; var: ValueAtRisk | null }>("VOLATILITY_VAR", () => {
    const none: { vol: SnapshotFigures["vol"]; var: null } = { vol: { vol21: null, vol63: null, har: null, ewma: null, percentile: null, trend: null }, var: null };
    if (!hasPublic) {
      reasons.var = { reason: "NO_PUBLIC_POSITIONS", detail: noPublic };
      return { outcome: skipSection("volatility", "NO_PUBLIC_POSITIONS", noPublic), value: none };
    }
    const series = portfolioReturnSeries(market.returns, publicExposures, navValue, date, VOL_HISTORY_RETURNS);
    if (!series.available) {
      reasons.var = { reason: series.reason, detail: series.detail };
      return { outcome: skipSection("volatility", series.reason, series.detail), value: none };
    }
    const m = volatilityMetrics(series);
    const va = valueAtRisk(series.dollarPnl, navValue);
    if (m.realized21 === null) reasons.volatility = { reason: "INSUFFICIENT_HISTORY", detail: `${series.returns.length} portfolio returns` };
    if (!va.historical.available) reasons.var = { reason: va.historical.reason, detail: va.historical.detail };
    return {
      outcome: ok({ returns: series.returns.length }),
      value: { vol: { vol21: m.realized21, vol63: m.realized63, har: m.harForecast, ewma: m.ewmaForecast, percentile: m.percentile, trend: m.trend }, var: va },
    };
  });

  const correlation = step("CORRELATIONS", () => {
    if (!hasPublic) return { outcome: skipSection("correlations", "NO_PUBLIC_POSITIONS", noPublic), value: null };
    const c = correlationMatrix(market.panel, publicExposures, navValue, date);
    if (!c.available) return { outcome: skipSection("correlations", c.reason, c.detail), value: null };
    const k = c.symbols.length;
    const rows = Array.from({ length: k }, (_, i) => Array.from(c.matrix.subarray(i * k, (i + 1) * k)));
    const row: CorrelationRow = {
      symbols: c.symbols,
      matrix: { rows, weights: Array.from(c.weights), from: c.from, to: c.to, excluded: c.excluded },
      averageAbsCorrelation: c.averageAbsCorrelation,
      effectiveBets: c.effectiveBets,
      n: k,
    };
    return { outcome: ok({ symbols: k, excluded: c.excluded.length }), value: row };
  });

  const conc = step<{ c: SnapshotFigures["concentration"]; sector: SnapshotFigures["sector"] }>("CONCENTRATION", () => {
    const c = concentration(values);
    const s = sectorExposure(values, market.sectors, navValue);
    if (!s.available) reasons.sector = { reason: s.reason, detail: s.detail };
    const sector = s.available ? { buckets: s.buckets, unclassified: s.unclassified } : null;
    if (!c.available) return { outcome: skipSection("concentration", c.reason, c.detail), value: { c: null, sector } };
    return {
      outcome: ok({ symbols: c.weights.length, sectors: s.available ? s.buckets.length : 0 }),
      value: { c: { hhi: c.hhi, effectivePositions: c.effectivePositions, top3Share: c.top3Share, top10Share: c.top10Share }, sector },
    };
  });

  const stress = step("STRESS_TESTS", () => {
    if (!hasPublic) return { outcome: skipSection("stress", "NO_PUBLIC_POSITIONS", noPublic), value: [] as StressRow[] };
    const covariance = market.covarianceOn(date);
    if (!covariance.ok) return { outcome: skipSection("stress", covariance.reason, `factor covariance: ${covariance.n} common proxy returns`), value: [] };
    const dollarExposures: Partial<Record<ShockableFactor, number>> = {};
    for (const e of exposures) if ((SHOCKABLE_FACTORS as readonly string[]).includes(e.factor)) dollarExposures[e.factor as ShockableFactor] = e.dollars;
    const stressBetas = new Map<string, StressBetas>();
    for (const symbol of publicExposures.keys()) {
      const b = market.stressBetasOn(symbol, date);
      if (b.ok) stressBetas.set(symbol, b);
    }
    const greekById = new Map(v.greeks.map((g) => [g.positionId, g]));
    const positions: StressPosition[] = values
      .filter((pv) => pv.investmentClass !== "PRIVATE")
      .map((pv) => {
        const g = greekById.get(pv.positionId);
        const position = positionById.get(pv.positionId)!;
        return g && position.option
          ? { key: pv.positionId, symbol: pv.riskSymbol, exposure: pv.exposure, gammaShares: g.gamma * position.quantity * position.option.multiplier, underlyingPrice: g.underlyingPrice }
          : { key: pv.positionId, symbol: pv.riskSymbol, exposure: pv.exposure };
      });
    const rows = market.scenarios.map((shocks): StressRow => {
      const r = runStressTest(shocks, { nav: navValue, dollarExposures, positions, stressBetas, covariance });
      const directByFactor = new Map(r.direct.contributions.map((c) => [c.factor, c.pnl]));
      return {
        scenarioKey: r.scenarioKey,
        directPnl: r.direct.pnl,
        correlatedPnl: r.correlated.pnl,
        directPct: r.direct.pnlPctNav,
        correlatedPct: r.correlated.pnlPctNav,
        newNav: r.correlated.newNav,
        exceedsNav: r.direct.exceedsNav || r.correlated.exceedsNav,
        shockVector: r.shocks.map((s) => ({ proxy: s.proxy, shock: s.shock, given: s.source === "scenario" })),
        factorContributions: r.correlated.contributions.map((c) => ({
          factor: c.factor,
          proxy: SHOCK_PROXY[c.factor],
          shock: c.shock,
          given: c.source === "scenario",
          direct: directByFactor.get(c.factor) ?? null,
          correlated: c.pnl,
        })),
        positionContributions: r.correlated.positions.map((p) => ({
          positionId: p.key,
          symbol: positionById.get(p.key)!.symbol,
          riskSymbol: p.symbol,
          exposure: p.exposure,
          linear: p.linearPnl,
          gamma: p.gammaPnl,
          total: p.pnl,
        })),
      };
    });
    return { outcome: ok({ scenarios: rows.length, positionsWithoutStressBetas: positions.length - positions.filter((p) => stressBetas.has(p.symbol)).length }), value: rows };
  });

  const snapshot: SnapshotFigures = {
    nav,
    flowsToDate: [...portfolio.flows].reduce((sum, [d, amount]) => (d <= date ? sum + amount : sum), 0),
    privateValue: values.filter((x) => x.investmentClass === "PRIVATE").reduce((s, x) => s + x.marketValue, 0),
    numPositions: values.length,
    vol: risk.vol,
    var: {
      var95Hist: risk.var ? varFigure(risk.var.historical, 0.95, "var") : null,
      var99Hist: risk.var ? varFigure(risk.var.historical, 0.99, "var") : null,
      es95Hist: risk.var ? varFigure(risk.var.historical, 0.95, "es") : null,
      es99Hist: risk.var ? varFigure(risk.var.historical, 0.99, "es") : null,
      var95Param: risk.var ? varFigure(risk.var.parametric, 0.95, "var") : null,
      var99Param: risk.var ? varFigure(risk.var.parametric, 0.99, "var") : null,
      es95Param: risk.var ? varFigure(risk.var.parametric, 0.95, "es") : null,
      es99Param: risk.var ? varFigure(risk.var.parametric, 0.99, "es") : null,
    },
    concentration: conc.c,
    sector: conc.sector,
    reasons,
    carriedSymbols: [...v.carriedSymbols].sort(),
  };
  const result: DayResult = { date, snapshot, valuations, greeks: v.greeks, exposures, correlation, stress, values: v.values };

  step("INTEGRITY_CHECKS", () => {
    const checks = runIntegrityChecks(result, state.previousNav ?? portfolio.startingEquity, portfolio.flows.get(date) ?? 0, state.previousNav === null);
    if (checks.failed.length) throw new Error(`integrity checks failed: ${checks.failed.join("; ")}`);
    return { outcome: ok({ checks: checks.passed }), value: null };
  });
  return { complete: true, result, timings };
}
