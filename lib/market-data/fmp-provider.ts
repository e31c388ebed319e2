// Financial Modeling Prep (FMP) daily prices over HTTP.
//
// Endpoint: the "stable" API's dividend-adjusted end-of-day chart,
//   GET {base}/stable/historical-price-eod/dividend-adjusted?symbol=AAPL&from=YYYY-MM-DD&to=YYYY-MM-DD&apikey=…
// answering a JSON array, newest first, of { symbol, date, adjOpen, adjHigh, adjLow, adjClose, volume }.
// adjClose (splits and dividends) matches the bundled file's adjusted closes. It takes one symbol per
// request (the legacy /api/v3/historical-price-full/{symbols} batch form is closed to new FMP
// accounts), so requests are chunked by date range and run concurrently under a rate limit.
// An unknown symbol gets `[]` (or `{}`); errors come as { "Error Message": "…" } with a 4xx status.
//
// Failures stay per symbol: if any chunk of a symbol fails after retries, the symbol gets one error
// and none of its rows, because a partial series would pass for a closed market (see gaps.ts). A
// refusal of the account (401 bad key, 402 plan) is not per symbol: the first one stops every request
// (accountError), and the first request goes out alone so a bad key costs one request, not one per worker.
// A 429 without Retry-After (FMP sends none; its limits are per minute) pauses the shared limiter
// for `rateLimitPauseMs`, so every worker waits out the vendor's window, not only the one refused.
//
// lookupSymbol reads the company profile (fmp-profile.ts) through the same request path: rate limit,
// retries, timeouts and key redaction.
import { isIsoDate } from "@/lib/dates";
import { DEFAULT_FMP_PLAN, type FmpPlan } from "./fmp-plans";
import { FMP_PROFILE_ENDPOINT, parseFmpProfile } from "./fmp-profile";
import type { PriceRow } from "./price-file";
import { chunkCoverageGaps } from "./coverage";
import { assertDateRange, VendorError, type AccountError, type DailyClosesResult, type MarketDataProvider, type SymbolError, type SymbolErrorCode, type SymbolProfile } from "./provider";
import { RateLimiter, realSleep, type Sleep } from "./rate-limiter";

export const FMP_DEFAULT_BASE_URL = "https://financialmodelingprep.com";
const ENDPOINT = "/stable/historical-price-eod/dividend-adjusted";

export interface FmpProviderOptions {
  apiKey: string;
  /** Default https://financialmodelingprep.com; tests point it at a local fake. */
  baseUrl?: string;
  /** Per attempt, including reading the body. Default 15 s. */
  timeoutMs?: number;
  /** Retries after the first attempt on 429, 5xx, timeouts and network errors. Default 4. */
  maxRetries?: number;
  /** Backoff: a random delay in [0, min(maxDelayMs, baseDelayMs·2^attempt)] ("full jitter"). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A Retry-After longer than this gives up at once with RATE_LIMITED. Default 60 s. */
  maxRetryAfterMs?: number;
  /** How long a 429 without Retry-After holds every request back (the vendor's rate window). Default 60 s. */
  rateLimitPauseMs?: number;
  /** The key's plan (FMP_PLAN), named in the message when the vendor refuses the account. Default starter. */
  plan?: FmpPlan;
  /** Request rate across all concurrent requests. Default 5/s (FMP Starter: 300/min); lib/market-data/fmp-plans.ts has one per plan. */
  requestsPerSecond?: number;
  burst?: number;
  /** Requests in flight at once. Default 4. */
  concurrency?: number;
  /** Calendar days per request; longer ranges are split. Default 5 years. */
  maxDaysPerRequest?: number;
  /** How the backoff and the rate limit wait (timeouts use the global setTimeout). Tests pass one on fake timers. */
  sleep?: Sleep;
}

type Attempt =
  | { ok: true; body: unknown }
  | { ok: false; code: SymbolErrorCode; message: string; retryable: boolean; retryAfterMs?: number; account?: AccountError["code"] };

interface Chunk {
  symbol: string;
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** [from, to] cut into consecutive windows of at most `days` calendar days. */
export function dateChunks(from: string, to: string, days: number): { from: string; to: string }[] {
  const chunks: { from: string; to: string }[] = [];
  for (let start = from; start <= to; start = addDays(start, days)) {
    const end = addDays(start, days - 1);
    chunks.push({ from: start, to: end < to ? end : to });
  }
  return chunks;
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** An error body as words: FMP's "Error Message" when it sent JSON, else the text itself (it sometimes sends plain text). */
function answerText(text: string): string {
  try {
    return fmpErrorMessage(JSON.parse(text)) ?? text;
  } catch {
    return text;
  }
}

/** FMP's { "Error Message": "…" }, which it may send with a 200. */
function fmpErrorMessage(body: unknown): string | undefined {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return undefined;
  const message = (body as Record<string, unknown>)["Error Message"];
  return typeof message === "string" ? message : undefined;
}

/** A refusal of the account, by status or (FMP sends some with a 200) by its message; a used-up limit
 * ("Limit Reach . Please upgrade your plan …") is a rate limit, not a refusal. */
export function accountRefusal(status: number, message: string): AccountError["code"] | undefined {
  if (status === 401 || /invalid api key/i.test(message)) return "INVALID_KEY";
  if (/limit reach/i.test(message)) return undefined;
  if (status === 402 || /premium query parameter|not available under your current subscription|special endpoint/i.test(message)) return "PLAN_RESTRICTED";
  return undefined;
}

/** Rows of one response, or why the body is not FMP's format. */
function parseBody(body: unknown, chunk: Chunk): { rows: PriceRow[] } | { code: "VENDOR_ERROR" | "MALFORMED"; error: string; account?: AccountError["code"] } {
  const vendorMessage = fmpErrorMessage(body);
  if (vendorMessage !== undefined) return { code: "VENDOR_ERROR", error: `FMP error: ${vendorMessage}`, account: accountRefusal(200, vendorMessage) };
  if (body !== null && typeof body === "object" && !Array.isArray(body) && Object.keys(body).length === 0) return { rows: [] };
  const malformed = (error: string) => ({ code: "MALFORMED" as const, error: `FMP sent an unexpected body: ${error}` });
  if (!Array.isArray(body)) return malformed("expected a JSON array of daily prices");
  const rows: PriceRow[] = [];
  const seen = new Set<string>();
  for (const [i, item] of body.entries()) {
    if (item === null || typeof item !== "object") return malformed(`item ${i} is not an object`);
    const { symbol, date, adjClose } = item as Record<string, unknown>;
    if (symbol !== undefined && symbol !== chunk.symbol) return malformed(`item ${i} is for symbol ${String(symbol)}`);
    if (typeof date !== "string" || !isIsoDate(date)) return malformed(`item ${i} has date ${JSON.stringify(date)}, not YYYY-MM-DD`);
    if (typeof adjClose !== "number" || !Number.isFinite(adjClose) || adjClose <= 0) {
      return malformed(`item ${i} (${date}) has adjClose ${JSON.stringify(adjClose)}, not a positive number`);
    }
    if (seen.has(date)) return malformed(`date ${date} appears twice`);
    seen.add(date);
    // The vendor may round the range outward; keep exactly what was asked for.
    if (date >= chunk.from && date <= chunk.to) rows.push({ symbol: chunk.symbol, date, close: adjClose });
  }
  return { rows };
}

export class FmpMarketDataProvider implements MarketDataProvider {
  readonly name = "fmp";
  private readonly apiKey: string;
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly rateLimitPauseMs: number;
  private readonly plan: FmpPlan;
  private readonly concurrency: number;
  private readonly maxDaysPerRequest: number;
  private readonly limiter: RateLimiter;
  private readonly sleep: Sleep;

  constructor(options: FmpProviderOptions) {
    if (!options.apiKey) throw new Error("FmpMarketDataProvider needs an API key (FMP_API_KEY)");
    this.apiKey = options.apiKey;
    this.baseUrl = (options.baseUrl ?? FMP_DEFAULT_BASE_URL).replace(/\/+$/, "");
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.maxRetries = options.maxRetries ?? 4;
    this.baseDelayMs = options.baseDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
    this.rateLimitPauseMs = options.rateLimitPauseMs ?? 60_000;
    this.plan = options.plan ?? DEFAULT_FMP_PLAN;
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.maxDaysPerRequest = Math.max(1, options.maxDaysPerRequest ?? 1827);
    this.sleep = options.sleep ?? realSleep;
    const requestsPerSecond = options.requestsPerSecond ?? 5;
    const burst = options.burst ?? Math.max(1, Math.floor(requestsPerSecond));
    this.limiter = new RateLimiter(requestsPerSecond, burst, this.sleep);
    this.limits = { plan: this.plan, requestsPerSecond, burst, concurrency: this.concurrency, rateLimitPauseMs: this.rateLimitPauseMs };
  }

  /** The limits this client keeps to (from FMP_PLAN and its overrides, lib/market-data/provider-from-env.ts). */
  readonly limits: Readonly<{ plan: FmpPlan; requestsPerSecond: number; burst: number; concurrency: number; rateLimitPauseMs: number }>;

  async fetchDailyCloses(symbols: string[], from: string, to: string, opts: { signal?: AbortSignal } = {}): Promise<DailyClosesResult> {
    assertDateRange(from, to);
    const { signal } = opts;
    const unique = [...new Set(symbols)];
    const windows = dateChunks(from, to, this.maxDaysPerRequest);
    const queue: Chunk[] = unique.flatMap((symbol) => windows.map((w) => ({ symbol, ...w })));
    const rowsBySymbol = new Map<string, PriceRow[]>(unique.map((s) => [s, []]));
    const answers = new Map<string, { from: string; to: string; dates: string[] }[]>(unique.map((s) => [s, []]));
    const errorBySymbol = new Map<string, SymbolError>();
    let accountError: AccountError | undefined;

    const fetchOne = async (chunk: Chunk): Promise<void> => {
      if (errorBySymbol.has(chunk.symbol)) return; // its result is already an error: save the requests
      const result = await this.fetchChunk(chunk, signal);
      if ("rows" in result) {
        rowsBySymbol.get(chunk.symbol)!.push(...result.rows);
        answers.get(chunk.symbol)!.push({ from: chunk.from, to: chunk.to, dates: result.rows.map((r) => r.date) });
      } else if (result.error.account) accountError ??= { code: result.error.account, symbol: chunk.symbol, message: result.error.message, plan: this.plan };
      else errorBySymbol.set(chunk.symbol, { symbol: chunk.symbol, code: result.error.code, message: result.error.message });
    };
    const worker = async (): Promise<void> => {
      for (let chunk = queue.shift(); chunk && !accountError; chunk = queue.shift()) await fetchOne(chunk);
    };
    const first = queue.shift();
    if (first) await fetchOne(first);
    if (!accountError) await Promise.all(Array.from({ length: Math.min(this.concurrency, queue.length) }, worker));
    if (accountError) return { prices: [], errors: [], accountError };

    const prices: PriceRow[] = [];
    const errors: SymbolError[] = [];
    for (const symbol of unique) {
      const error = errorBySymbol.get(symbol);
      const rows = rowsBySymbol.get(symbol)!;
      if (error) errors.push(error);
      else if (rows.length === 0) {
        errors.push({ symbol, code: "UNKNOWN_SYMBOL", message: `FMP has no prices for ${symbol} from ${from} to ${to} (unknown symbol, not listed then, or not published yet)` });
      } else prices.push(...rows.sort((a, b) => (a.date < b.date ? -1 : 1)));
    }
    const coverageGaps = unique.filter((s) => !errorBySymbol.has(s)).flatMap((s) => chunkCoverageGaps(s, answers.get(s)!));
    return { prices, errors, coverageGaps };
  }

  async lookupSymbol(symbol: string, opts: { signal?: AbortSignal } = {}): Promise<SymbolProfile | null> {
    const outcome = await this.request(FMP_PROFILE_ENDPOINT, { symbol }, symbol, opts.signal);
    if (!outcome.ok) throw new VendorError(outcome.code, outcome.message, outcome.retryable);
    const vendorMessage = fmpErrorMessage(outcome.body);
    if (vendorMessage !== undefined) throw new VendorError("VENDOR_ERROR", `FMP error: ${this.redact(vendorMessage)} (${symbol})`, false);
    try {
      return parseFmpProfile(outcome.body, symbol);
    } catch (e) {
      throw new VendorError("MALFORMED", this.redact((e as Error).message), false);
    }
  }

  /** One chunk with retries; rejects only when the caller aborts. */
  private async fetchChunk(
    chunk: Chunk,
    signal: AbortSignal | undefined,
  ): Promise<{ rows: PriceRow[] } | { error: Omit<SymbolError, "symbol"> & { account?: AccountError["code"] } }> {
    const where = `${chunk.symbol} ${chunk.from}..${chunk.to}`;
    const outcome = await this.request(ENDPOINT, { symbol: chunk.symbol, from: chunk.from, to: chunk.to }, where, signal);
    if (!outcome.ok) return { error: { code: outcome.code, message: outcome.message, account: outcome.account } };
    const parsed = parseBody(outcome.body, chunk);
    if ("rows" in parsed) return parsed;
    return { error: { code: parsed.code, message: `${this.redact(parsed.error)} (${where})`, account: parsed.account } };
  }

  /**
   * One GET with the rate limit and retries; a failure's message ends with `where` and the number of
   * attempts, and `retryable` says whether it was still worth retrying when the retries ran out.
   * Rejects only when the caller aborts.
   */
  private async request(path: string, params: Record<string, string>, where: string, signal: AbortSignal | undefined): Promise<Attempt> {
    for (let attempt = 0; ; attempt++) {
      await this.limiter.take(signal);
      const outcome = await this.attempt(path, params, signal);
      if (outcome.ok) return outcome;
      const tries = `${attempt + 1} attempt${attempt === 0 ? "" : "s"}`;
      if (!outcome.retryable || attempt >= this.maxRetries) {
        return { ...outcome, message: `${outcome.message} (${where}, ${tries})` };
      }
      if (outcome.retryAfterMs !== undefined && outcome.retryAfterMs > this.maxRetryAfterMs) {
        return { ...outcome, message: `${outcome.message}; Retry-After ${outcome.retryAfterMs} ms exceeds the ${this.maxRetryAfterMs} ms limit (${where}, ${tries})` };
      }
      const backoff = Math.random() * Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** attempt);
      const pause = outcome.retryAfterMs ?? (outcome.code === "RATE_LIMITED" ? this.rateLimitPauseMs : undefined);
      if (pause !== undefined) this.limiter.pauseFor(pause);
      await this.sleep(Math.max(backoff, pause ?? 0), signal);
    }
  }

  /** One HTTP request; classifies every failure except the caller's abort, which it rethrows. */
  private async attempt(path: string, params: Record<string, string>, signal: AbortSignal | undefined): Promise<Attempt> {
    const url = new URL(this.baseUrl + path);
    url.search = new URLSearchParams({ ...params, apikey: this.apiKey }).toString();
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), this.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
    try {
      const res = await fetch(url, { signal: combined, headers: { accept: "application/json" } });
      const text = await res.text();
      if (res.status === 429) {
        return { ok: false, code: "RATE_LIMITED", message: "FMP answered 429 Too Many Requests", retryable: true, retryAfterMs: parseRetryAfter(res.headers.get("retry-after")) };
      }
      if (res.status >= 500) {
        return { ok: false, code: "VENDOR_ERROR", message: `FMP answered ${res.status}`, retryable: true, retryAfterMs: parseRetryAfter(res.headers.get("retry-after")) };
      }
      if (!res.ok) {
        const answer = this.redact(answerText(text).slice(0, 300));
        return { ok: false, code: "VENDOR_ERROR", message: `FMP answered ${res.status}: ${answer}`, retryable: false, account: accountRefusal(res.status, answer) };
      }
      try {
        return { ok: true, body: JSON.parse(text) as unknown };
      } catch {
        return { ok: false, code: "MALFORMED", message: `FMP sent invalid JSON: ${JSON.stringify(this.redact(text.slice(0, 80)))}`, retryable: false };
      }
    } catch (e) {
      if (signal?.aborted) throw signal.reason;
      if (timeout.signal.aborted) return { ok: false, code: "TIMEOUT", message: `FMP did not answer within ${this.timeoutMs} ms`, retryable: true };
      const cause = (e as Error).cause instanceof Error ? `: ${((e as Error).cause as Error).message}` : "";
      return { ok: false, code: "VENDOR_ERROR", message: `FMP request failed (${(e as Error).message}${cause})`, retryable: true };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Keeps the API key out of messages that end up in telemetry. */
  private redact(text: string): string {
    return text.split(this.apiKey).join("***");
  }
}
