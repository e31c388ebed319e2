// The market data source behind the batch. A provider answers for every symbol it was
// asked about: prices, or an error for that symbol alone, so one bad ticker never sinks a batch.
import { isIsoDate } from "@/lib/dates";
import type { CoverageGap } from "./coverage";
import type { PriceRow } from "./price-file";

export type { CoverageGap, PriceRow };

export type SymbolErrorCode = "UNKNOWN_SYMBOL" | "VENDOR_ERROR" | "MALFORMED" | "TIMEOUT" | "RATE_LIMITED";

export interface SymbolError {
  symbol: string;
  code: SymbolErrorCode;
  message: string;
}

/**
 * A refusal of the whole account, not of one symbol: a key the vendor does not accept (401), or a
 * plan that does not cover what was asked (402). Asking again, or for the next symbol, cannot help.
 */
export interface AccountError {
  code: "INVALID_KEY" | "PLAN_RESTRICTED";
  /** The symbol whose request was refused first. */
  symbol: string;
  /** The vendor's answer, key redacted. */
  message: string;
  /** The vendor plan the client was configured for (FMP_PLAN), when the vendor has plans. */
  plan?: string;
}

export interface DailyClosesResult {
  /** Adjusted daily closes, dates YYYY-MM-DD within [from, to]. */
  prices: PriceRow[];
  /** At most one per symbol; a symbol with an error has no rows in `prices`. */
  errors: SymbolError[];
  /** Set when the vendor refused the account: the provider stopped asking at the first refusal, and
   * what it returns besides is incomplete. */
  accountError?: AccountError;
  /** Older chunks the vendor answered empty or short although it has closes around them. */
  coverageGaps?: CoverageGap[];
}

/** What a vendor knows of a symbol: enough to list it (table `symbols`). */
export interface SymbolProfile {
  symbol: string;
  name: string;
  exchange: string;
  assetType: "STOCK" | "ETF";
  /** Our sector (lib/market-data/vendor-sectors.ts); "" when the vendor gives none. */
  sector: string;
}

/** A lookup the vendor could not answer (outage, rate limit, bad key, a body not its format). */
export class VendorError extends Error {
  constructor(
    readonly code: SymbolErrorCode,
    message: string,
    /** A timeout, a 429 or a 5xx after the retries: asking again later may work. */
    readonly transient: boolean,
  ) {
    super(message);
    this.name = "VendorError";
  }
}

export interface MarketDataProvider {
  readonly name: string;
  /**
   * Daily closes for `symbols` from `from` to `to` (inclusive, YYYY-MM-DD). Rejects only on bad
   * arguments or when `signal` aborts; vendor failures become per-symbol `errors`.
   */
  fetchDailyCloses(symbols: string[], from: string, to: string, opts?: { signal?: AbortSignal }): Promise<DailyClosesResult>;
  /**
   * Only for static sources (the bundled file): the last date with data, which stands in for
   * "today" when choosing the as-of date. Live vendors leave it undefined.
   */
  dataEndDate?(): Promise<string>;
  /**
   * Only for vendors that list symbols beyond the bundled ones: the symbol's profile, or null when the
   * vendor does not know it. Throws VendorError when the vendor cannot answer (an account-wide error
   * such as a bad key is an error, never "unknown").
   */
  lookupSymbol?(symbol: string, opts?: { signal?: AbortSignal }): Promise<SymbolProfile | null>;
}

/** Throws on a malformed date range: a programming error, not a vendor failure. */
export function assertDateRange(from: string, to: string): void {
  if (!isIsoDate(from)) throw new Error(`from must be a YYYY-MM-DD date, got "${from}"`);
  if (!isIsoDate(to)) throw new Error(`to must be a YYYY-MM-DD date, got "${to}"`);
  if (from > to) throw new Error(`from (${from}) is after to (${to})`);
}
