// Stress tests. A scenario becomes shocks of some of the eight stress proxies; the direct
// P&L multiplies the displayed factor dollar exposures by those shocks, the correlated P&L completes
// the shock vector by its conditional expectation under the factor covariance and runs every
// position through its stress betas, plus a gamma term for options. Nothing is clipped (docs/METHODOLOGY.md, lesson 12).
// Definition and reference test: docs/METHODOLOGY.md, "Stress tests and scenarios".
import { FACTORS, STRESS_PROXIES, type StressProxy } from "@/lib/factors/registry";
import { closeOnDate, type PricePanel } from "./panel";
import { DEFAULT_TLT_DURATION, SHOCK_PROXY, type ScenarioDefinition, type ShockableFactor } from "@/lib/stress/scenarios";
import type { FactorCovariance } from "./factor-covariance";
import { choleskySolve } from "./stats/cholesky";
import type { StressBetas } from "./stress-betas";

export interface ScenarioShocks {
  scenarioKey: string;
  /** Shock per shocked factor: a proxy return; for IR the TLT return −D × Δy (or TLT's replayed return). */
  factorShocks: Partial<Record<ShockableFactor, number>>;
  /** The same shocks by proxy symbol. */
  proxyShocks: Partial<Record<StressProxy, number>>;
  /** Yield change in basis points for rate scenarios. */
  rateBp?: number;
}

const FACTOR_OF_PROXY = Object.fromEntries(Object.entries(SHOCK_PROXY).map(([f, p]) => [p, f])) as Record<StressProxy, ShockableFactor>;

/** TLT return for a yield change: −D × Δy (Δy in bp / 10,000). */
export function tltReturnForRateShock(rateBp: number, duration = DEFAULT_TLT_DURATION): number {
  return -duration * (rateBp / 10_000);
}

function closeOn(panel: PricePanel, symbol: string, date: string): number {
  const close = closeOnDate(panel, symbol, date);
  if (close === undefined) throw new Error(`Replay scenario needs the close of ${symbol} on ${date}, which the price panel does not have`);
  return close;
}

/** The scenario's shocks; a replay reads P(to)/P(from) − 1 of every proxy from the panel. */
export function resolveScenario(scenario: ScenarioDefinition, options: { panel?: PricePanel; tltDuration?: number } = {}): ScenarioShocks {
  const { shocks } = scenario;
  const factorShocks: Partial<Record<ShockableFactor, number>> = {};
  let rateBp: number | undefined;
  if (shocks.kind === "replay") {
    const { panel } = options;
    if (!panel) throw new Error(`Scenario ${scenario.key} replays history and needs the price panel`);
    for (const proxy of STRESS_PROXIES) factorShocks[FACTOR_OF_PROXY[proxy]] = closeOn(panel, proxy, shocks.to) / closeOn(panel, proxy, shocks.from) - 1;
  } else {
    Object.assign(factorShocks, shocks.factors);
    if (shocks.rateBp !== undefined) {
      rateBp = shocks.rateBp;
      factorShocks.IR = tltReturnForRateShock(rateBp, options.tltDuration);
    }
  }
  const proxyShocks: Partial<Record<StressProxy, number>> = {};
  for (const [f, v] of Object.entries(factorShocks) as [ShockableFactor, number][]) proxyShocks[SHOCK_PROXY[f]] = v;
  return { scenarioKey: scenario.key, factorShocks, proxyShocks, ...(rateBp === undefined ? {} : { rateBp }) };
}

export interface ProxyShock {
  proxy: StressProxy;
  factor: ShockableFactor;
  shock: number;
  /** "scenario": set by the scenario; "conditional": E[x_u | x_s = s] from the covariance. */
  source: "scenario" | "conditional";
}

/** Completes the shocks: x_u = Σ_us Σ_ss⁻¹ s over the proxies the scenario leaves unset. */
export function completeShocks(proxyShocks: Partial<Record<StressProxy, number>>, cov: FactorCovariance): ProxyShock[] {
  const k = cov.proxies.length;
  const s = cov.proxies.flatMap((p, i) => (proxyShocks[p] === undefined ? [] : [i]));
  const u = cov.proxies.flatMap((p, i) => (proxyShocks[p] === undefined ? [i] : []));
  const values = new Float64Array(k);
  for (const i of s) values[i] = proxyShocks[cov.proxies[i]!]!;
  if (s.length > 0 && u.length > 0) {
    const sigmaSS = new Float64Array(s.length * s.length);
    s.forEach((a, r) => s.forEach((b, c) => (sigmaSS[r * s.length + c] = cov.covariance[a * k + b]!)));
    const z = choleskySolve(sigmaSS, Float64Array.from(s, (i) => values[i]!), s.length);
    for (const a of u) {
      let x = 0;
      s.forEach((b, c) => (x += cov.covariance[a * k + b]! * z[c]!));
      values[a] = x;
    }
  }
  return cov.proxies.map((proxy, i) => ({ proxy, factor: FACTOR_OF_PROXY[proxy], shock: values[i]!, source: proxyShocks[proxy] === undefined ? "conditional" : "scenario" }));
}

export interface StressPosition {
  key: string;
  /** Symbol whose stress betas apply (the underlying for an option). */
  symbol: string;
  /** Signed dollar exposure (delta-adjusted for options). */
  exposure: number;
  /** Γ × quantity × multiplier, for options. */
  gammaShares?: number;
  /** Underlying price, needed with gammaShares. */
  underlyingPrice?: number;
}

export interface StressInputs {
  nav: number;
  /** Displayed portfolio dollar exposures $_f (MARKET, IR, the style ridge factors). */
  dollarExposures: Partial<Record<ShockableFactor, number>>;
  positions: readonly StressPosition[];
  /** Stress betas by symbol, as of the calculation date. */
  stressBetas: ReadonlyMap<string, StressBetas>;
  /** Factor covariance as of the calculation date. */
  covariance: FactorCovariance;
}

export interface PnlSummary {
  pnl: number;
  /** P&L / NAV, unclipped. */
  pnlPctNav: number;
  newNav: number;
  /** The loss exceeds NAV (new NAV below zero): shown, never clipped. */
  exceedsNav: boolean;
}

export interface DirectContribution {
  factor: ShockableFactor;
  displayName: string;
  dollarExposure: number;
  shock: number;
  pnl: number;
}

export interface CorrelatedContribution extends ProxyShock {
  pnl: number;
}

export interface PositionContribution {
  key: string;
  symbol: string;
  exposure: number;
  /** Σ_f β_f x_f: the position's implied return under the completed shocks (0 without betas). */
  impliedReturn: number;
  linearPnl: number;
  gammaPnl: number;
  pnl: number;
  hasStressBetas: boolean;
}

export interface StressTestResult {
  scenarioKey: string;
  nav: number;
  shocks: readonly ProxyShock[];
  direct: PnlSummary & { contributions: DirectContribution[]; missingExposures: ShockableFactor[] };
  correlated: PnlSummary & { contributions: CorrelatedContribution[]; gammaPnl: number; positions: PositionContribution[]; positionsWithoutBetas: string[] };
  /** Correlated − direct. */
  difference: number;
}

export interface PositionContributions {
  positions: PositionContribution[];
  /** Linear P&L by proxy, in the order of the completed shocks. */
  proxyPnl: Float64Array;
  gammaPnl: number;
  positionsWithoutBetas: string[];
}

/**
 * Each position through its stress betas under the completed shocks, plus the gamma term of an
 * option. The batch sums these into the correlated P&L; the stress detail recomputes them on read
 * from the stored shock vector and stored stress betas, so both give the same figures.
 */
export function stressPositionContributions(
  completed: readonly Pick<ProxyShock, "proxy" | "shock">[],
  positions: readonly StressPosition[],
  stressBetas: ReadonlyMap<string, Pick<StressBetas, "betas">>,
): PositionContributions {
  const proxyPnl = new Float64Array(completed.length);
  const positionsWithoutBetas: string[] = [];
  let gammaPnl = 0;
  const byPosition = positions.map((p): PositionContribution => {
    const b = stressBetas.get(p.symbol);
    if (!b) positionsWithoutBetas.push(p.key);
    let impliedReturn = 0;
    completed.forEach((c, j) => {
      const term = (b?.betas[c.proxy] ?? 0) * c.shock;
      impliedReturn += term;
      proxyPnl[j]! += p.exposure * term;
    });
    const linearPnl = p.exposure * impliedReturn;
    let gamma = 0;
    if (p.gammaShares !== undefined) {
      if (p.underlyingPrice === undefined) throw new Error(`Stress position ${p.key} has gamma but no underlying price`);
      const dS = p.underlyingPrice * impliedReturn;
      gamma = 0.5 * p.gammaShares * dS * dS;
    }
    gammaPnl += gamma;
    return { key: p.key, symbol: p.symbol, exposure: p.exposure, impliedReturn, linearPnl, gammaPnl: gamma, pnl: linearPnl + gamma, hasStressBetas: b !== undefined };
  });
  return { positions: byPosition, proxyPnl, gammaPnl, positionsWithoutBetas };
}

/** A completed shock as stored: its value, and whether the scenario set it (else: conditional). */
export interface StoredShock {
  proxy: StressProxy;
  shock: number;
  given: boolean;
}

export interface FactorBreakdown {
  factor: ShockableFactor;
  proxy: StressProxy;
  shock: number;
  given: boolean;
  /** Displayed dollar exposure × shock, for a factor the scenario shocks (else null). */
  direct: number | null;
  /** Σ_i exposure_i · β^stress_i,proxy · shock */
  correlated: number;
}

/**
 * A stored scenario result broken down again: per factor (direct and correlated) and per position.
 * The batch stores only the totals and the completed shocks; these are the same sums it added up, from
 * the same stored exposures and stress betas.
 */
export function stressBreakdown(
  shocks: readonly StoredShock[],
  dollarExposures: Partial<Record<ShockableFactor, number>>,
  positions: readonly StressPosition[],
  stressBetas: ReadonlyMap<string, Pick<StressBetas, "betas">>,
): { factors: FactorBreakdown[]; positions: PositionContribution[] } {
  const byPosition = stressPositionContributions(shocks, positions, stressBetas);
  const factors = shocks.map((s, j): FactorBreakdown => {
    const factor = FACTOR_OF_PROXY[s.proxy];
    return { factor, proxy: s.proxy, shock: s.shock, given: s.given, direct: s.given ? (dollarExposures[factor] ?? 0) * s.shock : null, correlated: byPosition.proxyPnl[j]! };
  });
  return { factors, positions: byPosition.positions };
}

function summary(pnl: number, nav: number): PnlSummary {
  const newNav = nav + pnl;
  return { pnl, pnlPctNav: pnl / nav, newNav, exceedsNav: newNav < 0 };
}

/** `completed`: the scenario's completed shocks under this covariance, when the caller already has them
 * (they depend on the scenario and the date only, so one book's batch shares them with every other). */
export function runStressTest(shocks: ScenarioShocks, inputs: StressInputs, completed: readonly ProxyShock[] = completeShocks(shocks.proxyShocks, inputs.covariance)): StressTestResult {
  const { nav, dollarExposures, positions, stressBetas } = inputs;

  const missingExposures: ShockableFactor[] = [];
  const direct: DirectContribution[] = (Object.entries(shocks.factorShocks) as [ShockableFactor, number][]).map(([factor, shock]) => {
    const dollarExposure = dollarExposures[factor];
    if (dollarExposure === undefined) missingExposures.push(factor);
    const exposure = dollarExposure ?? 0;
    return { factor, displayName: FACTORS[factor].displayName, dollarExposure: exposure, shock, pnl: exposure * shock };
  });
  const directPnl = direct.reduce((a, c) => a + c.pnl, 0);

  const { positions: byPosition, proxyPnl, gammaPnl, positionsWithoutBetas } = stressPositionContributions(completed, positions, stressBetas);
  const contributions = completed.map((c, j) => ({ ...c, pnl: proxyPnl[j]! }));
  const correlatedPnl = contributions.reduce((a, c) => a + c.pnl, 0) + gammaPnl;

  return {
    scenarioKey: shocks.scenarioKey,
    nav,
    shocks: completed,
    direct: { ...summary(directPnl, nav), contributions: direct, missingExposures },
    correlated: { ...summary(correlatedPnl, nav), contributions, gammaPnl, positions: byPosition, positionsWithoutBetas },
    difference: correlatedPnl - directPnl,
  };
}
