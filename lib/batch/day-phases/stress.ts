// STRESS_TESTS: every scenario's direct P&L (displayed factor dollars × shocks) and correlated P&L
// (completed shocks through each position's stress betas, plus a gamma term for options). Per-position
// contributions are not stored: the stress detail derives them from the stored shock vector and
// symbol stress betas (lib/dal/stress-results.ts), with the same engine function.
import type { IsoDate } from "@/lib/dates";
import type { EnginePosition, PositionValue } from "@/lib/risk/position-exposure";
import { runStressTest, type StressPosition } from "@/lib/risk/stress";
import type { StressBetas } from "@/lib/risk/stress-betas";
import type { SectionReason, SnapshotReasons } from "@/lib/results/shapes";
import { SHOCKABLE_FACTORS, type ShockableFactor } from "@/lib/stress/scenarios";
import type { ScenarioShocks } from "@/lib/risk/stress";
import type { MarketContext } from "../market-context";
import { NO_PUBLIC_DETAIL, ok, skip } from "./outcome";
import type { ExposureRow, GreekRow, PhaseResult, StressRow } from "./types";

export interface StressTestsInput {
  date: IsoDate;
  market: Pick<MarketContext, "covarianceOn" | "stressBetasOn" | "completedShocksOn">;
  /** The scenarios this book computes (built-in, shared and its manager's own). */
  scenarios: readonly ScenarioShocks[];
  values: readonly PositionValue[];
  positionById: ReadonlyMap<string, EnginePosition>;
  /** The stored option Greeks: gamma adds the second-order term. */
  greeks: readonly GreekRow[];
  /** The stored factor exposures: their dollars give the direct P&L. */
  exposures: readonly ExposureRow[];
  nav: number;
}

export interface StressTests {
  rows: StressRow[];
  reasons: SnapshotReasons;
}

const none = (r: SectionReason): PhaseResult<StressTests> => ({ outcome: skip(r.reason, r.detail), value: { rows: [], reasons: { stress: r } } });

export function stressTestsPhase({ date, market, scenarios, values, positionById, greeks, exposures, nav }: StressTestsInput): PhaseResult<StressTests> {
  const publicValues = values.filter((pv) => pv.investmentClass !== "PRIVATE");
  if (publicValues.length === 0) return none({ reason: "NO_PUBLIC_POSITIONS", detail: NO_PUBLIC_DETAIL });
  // A stored result carries its P&L as a share of NAV, which needs a positive NAV.
  if (!(nav > 0)) return none({ reason: "NAV_NOT_POSITIVE", detail: `NAV is ${nav}: stress P&L as a share of NAV needs a positive NAV` });
  const covariance = market.covarianceOn(date);
  if (!covariance.ok) return none({ reason: covariance.reason, detail: `factor covariance: ${covariance.n} common proxy returns` });
  const dollarExposures: Partial<Record<ShockableFactor, number>> = {};
  for (const e of exposures) if ((SHOCKABLE_FACTORS as readonly string[]).includes(e.factor)) dollarExposures[e.factor as ShockableFactor] = e.dollars;
  const stressBetas = new Map<string, StressBetas>();
  for (const symbol of new Set(publicValues.map((pv) => pv.riskSymbol))) {
    const b = market.stressBetasOn(symbol, date);
    if (b.ok) stressBetas.set(symbol, b);
  }
  const greekById = new Map(greeks.map((g) => [g.positionId, g]));
  const positions: StressPosition[] = publicValues.map((pv) => {
    const g = greekById.get(pv.positionId);
    const position = positionById.get(pv.positionId)!;
    return g && position.option
      ? { key: pv.positionId, symbol: pv.riskSymbol, exposure: pv.exposure, gammaShares: g.gamma * position.quantity * position.option.multiplier, underlyingPrice: g.underlyingPrice }
      : { key: pv.positionId, symbol: pv.riskSymbol, exposure: pv.exposure };
  });
  const rows = scenarios.map((shocks): StressRow => {
    const r = runStressTest(shocks, { nav, dollarExposures, positions, stressBetas, covariance }, market.completedShocksOn(shocks, date));
    return {
      scenarioKey: r.scenarioKey,
      directPnl: r.direct.pnl,
      correlatedPnl: r.correlated.pnl,
      directPct: r.direct.pnlPctNav,
      correlatedPct: r.correlated.pnlPctNav,
      newNav: r.correlated.newNav,
      exceedsNav: r.direct.exceedsNav || r.correlated.exceedsNav,
      shockVector: r.shocks.map((s) => ({ proxy: s.proxy, shock: s.shock, given: s.source === "scenario" })),
    };
  });
  const degenerate = rows.filter((r) => !rowIsFinite(r)).map((r) => r.scenarioKey);
  if (degenerate.length) return none({ reason: "DEGENERATE_INPUT", detail: `P&L not a finite number in ${degenerate.join(", ")}: exposures too large to represent` });
  return { outcome: ok({ scenarios: rows.length, positionsWithoutStressBetas: positions.length - positions.filter((p) => stressBetas.has(p.symbol)).length }), value: { rows, reasons: {} } };
}

function rowIsFinite(r: StressRow): boolean {
  const figures = [
    r.directPnl,
    r.correlatedPnl,
    r.directPct,
    r.correlatedPct,
    r.newNav,
    ...r.shockVector.map((s) => s.shock),
  ];
  return figures.every((v) => v === null || Number.isFinite(v));
}
