// The closed list of reasons a result is missing or a batch phase was skipped or failed, mirrored by a database enum (docs/ARCHITECTURE.md).
export const REASON_CODES = [
  "NO_PUBLIC_POSITIONS",
  "NO_POSITIONS",
  "NO_OPTIONS",
  "INSUFFICIENT_HISTORY",
  "MISSING_PRICES",
  "STALE_PRICES",
  "UNKNOWN_SYMBOL",
  "VENDOR_ERROR",
  "ALREADY_COMPLETE",
  "NOT_A_TRADING_DAY",
  "BEFORE_INCEPTION",
  "UPSTREAM_FAILED",
  "LOW_COVERAGE",
  "NOT_COMPUTED",
  "LOCKED_BY_OTHER_RUN",
  "ERROR",
  "NAV_NOT_POSITIVE",
  "DEGENERATE_INPUT",
  "INVARIANT_VIOLATED",
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

/** What each reason means to a reader: the one map every page uses instead of the raw code. */
export const REASON_LABELS: Readonly<Record<ReasonCode, string>> = {
  NO_PUBLIC_POSITIONS: "the book holds only private positions, which have no market returns",
  NO_POSITIONS: "the book has no positions",
  NO_OPTIONS: "the book holds no options",
  INSUFFICIENT_HISTORY: "not enough price history yet",
  MISSING_PRICES: "prices are missing",
  STALE_PRICES: "prices are out of date",
  UNKNOWN_SYMBOL: "a symbol is not known to the market data",
  VENDOR_ERROR: "the market data vendor answered with an error",
  ALREADY_COMPLETE: "already computed",
  NOT_A_TRADING_DAY: "not a trading day",
  BEFORE_INCEPTION: "before the book's inception",
  UPSTREAM_FAILED: "an earlier step of the daily batch failed",
  LOW_COVERAGE: "too few positions have a usable history",
  NOT_COMPUTED: "not computed yet",
  LOCKED_BY_OTHER_RUN: "another batch run was computing it",
  ERROR: "the computation failed",
  NAV_NOT_POSITIVE: "the NAV is zero or negative",
  DEGENERATE_INPUT: "the inputs do not allow a meaningful figure",
  INVARIANT_VIOLATED: "a consistency check failed",
};

export const reasonLabel = (code: ReasonCode | undefined): string => (code ? REASON_LABELS[code] : "no reason recorded");
