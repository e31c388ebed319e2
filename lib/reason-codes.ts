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
