// What the per-day phases exchange and the day's result as it is written. Kept apart from
// portfolio-day.ts (which sequences the phases and re-exports these) so no phase module imports it.
import type { IsoDate } from "@/lib/dates";
import type { FactorKey } from "@/lib/factors/registry";
import type { ReasonCode } from "@/lib/reason-codes";
import type { NavDay } from "@/lib/risk/nav";
import type { PositionValue } from "@/lib/risk/position-exposure";
import type { SnapshotReasons, StoredCorrelationExcluded, StoredSectorExposure } from "@/lib/results/shapes";
import type { StoredShock } from "@/lib/risk/stress";
import type { OptionQuoteDetail } from "@/lib/risk/option-inputs";
import type { PhaseOutcome, PortfolioDayPhase } from "../types";

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
  /** Row-major n × n, in the order of `symbols` (stored as it is, a float8[]). */
  matrix: Float64Array;
  weights: Float64Array;
  /** The window of log returns. */
  from: IsoDate;
  to: IsoDate;
  excluded: StoredCorrelationExcluded;
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
  /** The completed shocks in STRESS_PROXIES order; the breakdowns by factor and position are derived on read. */
  shockVector: StoredShock[];
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
  /** Prices not arrived yet (valued on their last close): the day is provisional. */
  staleSymbols: string[];
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

/** What every day phase returns: its telemetry outcome and the value the next phases read. */
export interface PhaseResult<T> {
  outcome: PhaseOutcome;
  value: T;
}
