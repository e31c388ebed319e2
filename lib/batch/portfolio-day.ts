// One portfolio on one date: the per-day phases in order (lib/batch/day-phases/, one module each),
// each timed and reporting succeeded or skipped with its reason; an exception is tagged with its phase
// and goes on up (never swallowed). Pure over the market context.
import { publicExposureBySymbol } from "@/lib/risk/position-exposure";
import type { PortfolioData } from "./load-portfolio";
import type { MarketContext } from "./market-context";
import { concentrationPhase } from "./day-phases/concentration";
import { correlationsPhase } from "./day-phases/correlations";
import { factorExposuresPhase } from "./day-phases/factor-exposures";
import { optionGreeksPhase } from "./day-phases/greeks";
import { integrityChecksPhase } from "./day-phases/integrity";
import { stressTestsPhase } from "./day-phases/stress";
import { DayPhaseError, type DayOutcome, type DayResult, type DayState, type PhaseResult, type PhaseTiming, type SnapshotFigures } from "./day-phases/types";
import { valuationPhase } from "./day-phases/valuation";
import { volatilityVarPhase } from "./day-phases/volatility-var";
import type { PortfolioDayPhase } from "./types";

export {
  DayPhaseError,
  type CorrelationRow,
  type DayOutcome,
  type DayResult,
  type DayState,
  type ExposureRow,
  type GreekRow,
  type PhaseTiming,
  type SnapshotFigures,
  type StressRow,
  type ValuationRow,
} from "./day-phases/types";

export function computePortfolioDay(portfolio: PortfolioData, market: MarketContext, state: DayState): DayOutcome {
  const { date } = state;
  const timings: PhaseTiming[] = [];
  const step = <T>(phase: Exclude<PortfolioDayPhase, "WRITE_RESULTS">, run: () => PhaseResult<T>): T => {
    const startedAt = new Date();
    const t0 = performance.now();
    try {
      const { outcome, value } = run();
      timings.push({ phase, outcome, startedAt, durationMs: performance.now() - t0 });
      return value;
    } catch (e) {
      throw new DayPhaseError(phase, date, e);
    }
  };

  const valuation = step("VALUATION", () => valuationPhase({ portfolio, market, state }));
  if (!valuation.complete) return { complete: false, reason: valuation.reason, detail: valuation.detail, timings };
  const { nav } = valuation;
  const values = [...valuation.values.values()];
  const publicExposures = publicExposureBySymbol(values);
  const positionById = new Map(portfolio.positions.map((p) => [p.id, p]));

  const greeks = step("OPTION_GREEKS", () => optionGreeksPhase({ greeks: valuation.greeks }));
  const factors = step("FACTOR_EXPOSURES", () => factorExposuresPhase({ date, values, betas: market.betas.onDate(date), nav: nav.nav }));
  const risk = step("VOLATILITY_VAR", () => volatilityVarPhase({ date, returns: market.returns, publicExposures, nav: nav.nav }));
  const correlations = step("CORRELATIONS", () => correlationsPhase({ date, panel: market.panel, publicExposures, nav: nav.nav }));
  const conc = step("CONCENTRATION", () => concentrationPhase({ values, sectors: market.sectors, nav: nav.nav }));
  const stress = step("STRESS_TESTS", () =>
    stressTestsPhase({ date, market, scenarios: market.scenariosFor(portfolio.ownerId), values, positionById, greeks: greeks.greeks, exposures: factors.rows, nav: nav.nav }),
  );

  const snapshot: SnapshotFigures = {
    nav,
    flowsToDate: [...portfolio.flows].reduce((sum, [d, amount]) => (d <= date ? sum + amount : sum), 0),
    privateValue: values.filter((x) => x.investmentClass === "PRIVATE").reduce((s, x) => s + x.marketValue, 0),
    numPositions: values.length,
    vol: risk.vol,
    var: risk.var,
    concentration: conc.concentration,
    sector: conc.sector,
    // Each phase reports the sections it owns: no two set the same key.
    reasons: { ...valuation.reasons, ...greeks.reasons, ...factors.reasons, ...risk.reasons, ...correlations.reasons, ...conc.reasons, ...stress.reasons },
    carriedSymbols: valuation.carriedSymbols,
    staleSymbols: valuation.staleSymbols,
  };
  const result: DayResult = {
    date,
    snapshot,
    valuations: valuation.rows,
    greeks: greeks.greeks,
    exposures: factors.rows,
    correlation: correlations.row,
    stress: stress.rows,
    values: valuation.values,
  };

  step("INTEGRITY_CHECKS", () =>
    integrityChecksPhase({ day: result, previousNav: state.previousNav ?? portfolio.startingEquity, capitalFlow: portfolio.flows.get(date) ?? 0, firstDay: state.previousNav === null }),
  );
  return { complete: true, result, timings };
}
