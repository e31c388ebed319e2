// Typed inputs and outputs of the batch phases: a renamed key fails the compiler, not the
// night batch (a result key once renamed on one side only made every book look empty).
import type { BatchPhaseName, BatchTrigger } from "@/lib/contracts/admin-runs";
import type { IsoDate } from "@/lib/dates";
import type { CoverageGap } from "@/lib/market-data/coverage";
import type { ReasonCode } from "@/lib/reason-codes";

// Named in the admin-runs contract, which the pages share; the batch uses them from here.
export { BATCH_PHASES, BATCH_TRIGGERS, type BatchPhaseName, type BatchTrigger } from "@/lib/contracts/admin-runs";

/** The per-portfolio, per-date phases, in order. */
export const PORTFOLIO_DAY_PHASES = [
  "VALUATION",
  "OPTION_GREEKS",
  "FACTOR_EXPOSURES",
  "VOLATILITY_VAR",
  "CORRELATIONS",
  "CONCENTRATION",
  "STRESS_TESTS",
  "INTEGRITY_CHECKS",
  "WRITE_RESULTS",
] as const satisfies readonly BatchPhaseName[];
export type PortfolioDayPhase = (typeof PORTFOLIO_DAY_PHASES)[number];

export interface BatchRequest {
  /** Defaults to the last completed trading day (lib/market-data/as-of.ts), or AS_OF. */
  asOfDate?: IsoDate;
  /** null or absent: every portfolio. */
  portfolioIds?: string[] | null;
  /** Recompute every date of the range, replacing results. */
  force?: { from: IsoDate; to: IsoDate } | null;
  trigger: BatchTrigger;
  triggeredById?: string | null;
}

export type PhaseCounts = Record<string, number>;

/** What a phase reports: a skip always carries its reason and is never a success. */
export type PhaseOutcome =
  | { status: "succeeded"; counts?: PhaseCounts; details?: Record<string, unknown> }
  | { status: "skipped"; reason: ReasonCode; counts?: PhaseCounts; details?: Record<string, unknown> };

export interface PortfolioPlan {
  portfolioId: string;
  /** Trading days to compute, ascending; empty when up to date. */
  dates: IsoDate[];
  /** Last complete snapshot before the first date to compute (the NAV chain's anchor), if any. */
  anchorDate: IsoDate | null;
}

export interface MissingDatesResult {
  asOfDate: IsoDate;
  portfolios: PortfolioPlan[];
  /** Union of the dates to compute, ascending. */
  allDates: IsoDate[];
}

export interface MarketDataResult {
  symbols: string[];
  fetchFrom: IsoDate | null;
  fetchTo: IsoDate;
  requestedSymbols: number;
  receivedRows: number;
  changedRows: number;
  failedSymbols: { symbol: string; code: string; message: string }[];
  staleSymbols: string[];
  missingSymbols: string[];
  /** Symbols whose history the vendor re-based (a dividend or split since the last run): stored anew. */
  rebased: RebasedSymbol[];
  /** Older chunks the vendor answered empty or short although it has closes around them. */
  coverageGaps: CoverageGap[];
}

/** One re-basing: how the vendor's closes moved, what was replaced, and which books must recompute from when. */
export interface RebasedSymbol {
  symbol: string;
  comparedDates: number;
  firstChangedDate: IsoDate;
  changedDates: number;
  minRatio: number;
  maxRatio: number;
  refetchedFrom: IsoDate;
  rowsDeleted: number;
  rowsWritten: number;
  books: { id: string; from: IsoDate }[];
}

export interface SymbolAnalyticsResult {
  symbols: number;
  dates: number;
  betasStored: number;
  /** (symbol, date) pairs without a beta, by reason. */
  missingByReason: Partial<Record<ReasonCode, number>>;
}

export interface PortfolioRefreshResult {
  portfolioId: string;
  status: "succeeded" | "skipped" | "failed" | "partial";
  reason?: ReasonCode;
  datesCompleted: number;
  datesFailed: number;
  rowsWritten: number;
  /** Invariants the book's stored chain broke after the refresh (each in words). */
  violations?: string[];
  /** Days stored provisional (a symbol's price had not arrived): the book's result is then partial. */
  provisionalDays?: number;
}

export interface RunSummary {
  runId: string;
  asOfDate: IsoDate;
  status: "SUCCEEDED" | "PARTIAL" | "FAILED";
  durationMs: number;
  portfolios: PortfolioRefreshResult[];
}
