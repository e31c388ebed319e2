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
// and none of its rows, because a partial series would pass for a closed market (see gaps.ts).
//
// lookupSymbol reads the company profile (fmp-profile.ts) through the same request path: rate limit,
// retries, timeouts and key redaction.
import { isIsoDate } from "@/lib/dates";
import { FMP_PROFILE_ENDPOINT, parseFmpProfile } from "./fmp-profile";
import type { PriceRow } from "./price-file";
import { assertDateRange, VendorError, type DailyClosesResult, type MarketDataProvider, type SymbolError, type SymbolErrorCode, type SymbolProfile } from "./provider";
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
  /** Request rate across all concurrent requests. Default 5/s (FMP Starter: 300/min). */
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
  | { ok: false; code: SymbolErrorCode; message: string; retryable: boolean; retryAfterMs?: number };

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

/** FMP's { "Error Message": "…" }, which it may send with a 200. */
function fmpErrorMessage(body: unknown): string | undefined {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return undefined;
  const message = (body as Record<string, unknown>)["Error Message"];
  return typeof message === "string" ? message : undefined;
}

/** Rows of one response, or why the body is not FMP's format. */
function parseBody(body: unknown, chunk: Chunk): { rows: PriceRow[] } | { code: "VENDOR_ERROR" | "MALFORMED"; error: string } {
  const vendorMessage = fmpErrorMessage(body);
  if (vendorMessage !== undefined) return { code: "VENDOR_ERROR", error: `FMP error: ${vendorMessage}` };
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
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.maxDaysPerRequest = Math.max(1, options.maxDaysPerRequest ?? 1827);
    this.sleep = options.sleep ?? realSleep;
    this.limiter = new RateLimiter(options.requestsPerSecond ?? 5, options.burst, this.sleep);
  }

  async fetchDailyCloses(symbols: string[], from: string, to: string, opts: { signal?: AbortSignal } = {}): Promise<DailyClosesResult> {
    assertDateRange(from, to);
    const { signal } = opts;
    const unique = [...new Set(symbols)];
    const windows = dateChunks(from, to, this.maxDaysPerRequest);
    const queue: Chunk[] = unique.flatMap((symbol) => windows.map((w) => ({ symbol, ...w })));
    const rowsBySymbol = new Map<string, PriceRow[]>(unique.map((s) => [s, []]));
    const errorBySymbol = new Map<string, SymbolError>();

    const worker = async (): Promise<void> => {
      for (let chunk = queue.shift(); chunk; chunk = queue.shift()) {
        if (errorBySymbol.has(chunk.symbol)) continue; // its result is already an error: save the requests
        const result = await this.fetchChunk(chunk, signal);
        if ("rows" in result) rowsBySymbol.get(chunk.symbol)!.push(...result.rows);
        else errorBySymbol.set(chunk.symbol, { symbol: chunk.symbol, ...result.error });
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, queue.length) }, worker));

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
    return { prices, errors };
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
  private async fetchChunk(chunk: Chunk, signal: AbortSignal | undefined): Promise<{ rows: PriceRow[] } | { error: Omit<SymbolError, "symbol"> }> {
    const where = `${chunk.symbol} ${chunk.from}..${chunk.to}`;
    const outcome = await this.request(ENDPOINT, { symbol: chunk.symbol, from: chunk.from, to: chunk.to }, where, signal);
    if (!outcome.ok) return { error: { code: outcome.code, message: outcome.message } };
    const parsed = parseBody(outcome.body, chunk);
    if ("rows" in parsed) return parsed;
    return { error: { code: parsed.code, message: `${this.redact(parsed.error)} (${where})` } };
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
      if (outcome.retryAfterMs !== undefined) this.limiter.pauseFor(outcome.retryAfterMs);
      await this.sleep(Math.max(backoff, outcome.retryAfterMs ?? 0), signal);
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
        return { ok: false, code: "VENDOR_ERROR", message: `FMP answered ${res.status}: ${this.redact(text.slice(0, 200))}`, retryable: false };
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
