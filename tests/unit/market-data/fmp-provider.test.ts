// The FMP provider against a local fake of FMP's stable dividend-adjusted endpoint: over HTTP for what
// FMP answers, and in-process on vitest's fake timers for how long things take (Retry-After, timeouts,
// the request rate and the concurrency limit), so no assertion depends on the machine's real clock.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { accountRefusal, dateChunks, FmpMarketDataProvider, parseRetryAfter, type FmpProviderOptions } from "@/lib/market-data/fmp-provider";
import { VendorError } from "@/lib/market-data/provider";

const API_KEY = "test-key-123";

interface FakeRequest {
  symbol: string;
  from: string;
  to: string;
  apikey: string | null;
  path: string;
  at: number;
}
type Reply = { status?: number; body: string; headers?: Record<string, string> } | "hang";
type Handler = (req: FakeRequest, attempt: number) => Reply;

/** FMP-shaped rows for every weekday in [from, to], newest first; adjClose differs from close. */
function fmpRows(symbol: string, from: string, to: string) {
  const rows = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    if (d.getUTCDay() === 0 || d.getUTCDay() === 6) continue;
    const date = d.toISOString().slice(0, 10);
    const adjClose = expectedClose(symbol, date);
    rows.push({ symbol, date, adjOpen: adjClose, adjHigh: adjClose + 1, adjLow: adjClose - 1, adjClose, close: adjClose * 2, volume: 1000 });
  }
  return rows.reverse();
}
function expectedClose(symbol: string, date: string): number {
  return 100 + symbol.charCodeAt(0) + Number(date.slice(8, 10)) / 100;
}
const ok = (req: FakeRequest): Reply => ({ body: JSON.stringify(fmpRows(req.symbol, req.from, req.to)) });

let server: Server;
let baseUrl: string;
let handler: Handler;
let requests: FakeRequest[];
let attempts: Map<string, number>;
let inFlight = 0;
let maxInFlight = 0;
let responseDelayMs = 0;

/** The fake's side of one request: recorded (with the time it arrived) and answered by `handler`. */
function receive(url: URL): Reply {
  const fake: FakeRequest = {
    symbol: url.searchParams.get("symbol") ?? "",
    from: url.searchParams.get("from") ?? "",
    to: url.searchParams.get("to") ?? "",
    apikey: url.searchParams.get("apikey"),
    path: url.pathname,
    at: performance.now(),
  };
  requests.push(fake);
  const key = `${fake.symbol}|${fake.from}`;
  const attempt = (attempts.get(key) ?? 0) + 1;
  attempts.set(key, attempt);
  return handler(fake, attempt);
}

/** A reply after `responseDelayMs`, counted as in flight meanwhile. */
async function delayed(reply: Exclude<Reply, "hang">): Promise<Exclude<Reply, "hang">> {
  inFlight++;
  maxInFlight = Math.max(maxInFlight, inFlight);
  await new Promise((resolve) => setTimeout(resolve, responseDelayMs));
  inFlight--;
  return reply;
}

/** The same fake without a socket, for `fetch` on fake timers: a hung request ends only when the client aborts it. */
async function fakeFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const reply = receive(new URL(input instanceof Request ? input.url : input));
  if (reply === "hang") {
    return new Promise((_, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal!.reason), { once: true }));
  }
  const { status, body, headers } = await delayed(reply);
  return new Response(body, { status: status ?? 200, headers: { "content-type": "application/json", ...headers } });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const reply = receive(new URL(req.url ?? "/", "http://fake"));
    if (reply === "hang") return; // never answers; the client must time out
    void delayed(reply).then(({ status, body, headers }) => {
      res.writeHead(status ?? 200, { "content-type": "application/json", ...headers });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  handler = ok;
  requests = [];
  attempts = new Map();
  inFlight = 0;
  maxInFlight = 0;
  responseDelayMs = 0;
});

/** Fast retries so failure tests take milliseconds. */
function provider(options: Partial<FmpProviderOptions> = {}) {
  return new FmpMarketDataProvider({ apiKey: API_KEY, baseUrl, baseDelayMs: 1, maxDelayMs: 5, requestsPerSecond: 1000, burst: 1000, maxRetries: 2, ...options });
}
const symbolsOf = (rows: { symbol: string }[]) => [...new Set(rows.map((r) => r.symbol))].sort();

describe("FmpMarketDataProvider", () => {
  it("fetches adjusted closes in date chunks per symbol and merges them in order", async () => {
    const { prices, errors } = await provider({ maxDaysPerRequest: 30, concurrency: 3 }).fetchDailyCloses(["AAA", "BBB", "CCC"], "2026-01-01", "2026-03-31");
    expect(errors).toEqual([]);
    expect(requests).toHaveLength(9);
    expect(requests.every((r) => r.path === "/stable/historical-price-eod/dividend-adjusted" && r.apikey === API_KEY)).toBe(true);
    expect(requests.filter((r) => r.symbol === "AAA").map((r) => [r.from, r.to]).sort()).toEqual([
      ["2026-01-01", "2026-01-30"],
      ["2026-01-31", "2026-03-01"],
      ["2026-03-02", "2026-03-31"],
    ]);
    const aaa = prices.filter((p) => p.symbol === "AAA");
    expect(aaa).toHaveLength(fmpRows("AAA", "2026-01-01", "2026-03-31").length);
    expect(aaa.map((p) => p.date)).toEqual([...aaa.map((p) => p.date)].sort());
    expect(aaa[0]).toEqual({ symbol: "AAA", date: "2026-01-01", close: expectedClose("AAA", "2026-01-01") }); // adjClose, not close
    expect(symbolsOf(prices)).toEqual(["AAA", "BBB", "CCC"]);
  });

  it("keeps only dates inside the requested range", async () => {
    handler = (req) => ({ body: JSON.stringify(fmpRows(req.symbol, "2026-07-01", "2026-07-31")) });
    const { prices } = await provider().fetchDailyCloses(["AAA"], "2026-07-06", "2026-07-07");
    expect(prices.map((p) => p.date)).toEqual(["2026-07-06", "2026-07-07"]);
  });

  it("retries a 500, then succeeds", async () => {
    handler = (req, attempt) => (attempt === 1 ? { status: 500, body: "Internal Server Error" } : ok(req));
    const { prices, errors } = await provider().fetchDailyCloses(["AAA", "BBB"], "2026-07-06", "2026-07-10");
    expect(errors).toEqual([]);
    expect(symbolsOf(prices)).toEqual(["AAA", "BBB"]);
    expect(requests).toHaveLength(4);
  });

  it("gives up on a symbol that keeps failing with 500 and still returns the others", async () => {
    handler = (req) => (req.symbol === "BBB" ? { status: 503, body: "down" } : ok(req));
    const { prices, errors } = await provider({ maxRetries: 3 }).fetchDailyCloses(["AAA", "BBB", "CCC"], "2026-07-06", "2026-07-10");
    expect(symbolsOf(prices)).toEqual(["AAA", "CCC"]);
    expect(errors).toEqual([{ symbol: "BBB", code: "VENDOR_ERROR", message: "FMP answered 503 (BBB 2026-07-06..2026-07-10, 4 attempts)" }]);
    expect(requests.filter((r) => r.symbol === "BBB")).toHaveLength(4);
  });

  it("drops every row of a symbol whose later chunk fails, so no false gap appears", async () => {
    handler = (req) => (req.symbol === "BBB" && req.from >= "2026-02-01" ? { status: 500, body: "" } : ok(req));
    const { prices, errors } = await provider({ maxDaysPerRequest: 31, concurrency: 1 }).fetchDailyCloses(["BBB", "AAA"], "2026-01-01", "2026-03-31");
    expect(symbolsOf(prices)).toEqual(["AAA"]);
    expect(errors.map((e) => [e.symbol, e.code])).toEqual([["BBB", "VENDOR_ERROR"]]);
    // After BBB's February chunk failed, its March chunk was not requested.
    expect(requests.filter((r) => r.symbol === "BBB" && r.from === "2026-03-04")).toHaveLength(0);
  });

  it("reports malformed JSON as MALFORMED without retrying", async () => {
    handler = (req) => (req.symbol === "BBB" ? { body: '[{"date":"2026-07-06","adjClose":1' } : ok(req));
    const { prices, errors } = await provider().fetchDailyCloses(["AAA", "BBB"], "2026-07-06", "2026-07-10");
    expect(symbolsOf(prices)).toEqual(["AAA"]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ symbol: "BBB", code: "MALFORMED", message: expect.stringContaining("FMP sent invalid JSON") });
    expect(requests.filter((r) => r.symbol === "BBB")).toHaveLength(1);
  });

  it("reports well-formed JSON in the wrong shape as MALFORMED, naming the item", async () => {
    handler = (req) => {
      if (req.symbol === "BBB") return { body: JSON.stringify([{ symbol: "BBB", date: "2026-07-06", adjClose: "12.5" }]) };
      if (req.symbol === "CCC") return { body: JSON.stringify({ historical: "nope" }) };
      if (req.symbol === "DDD") return { body: JSON.stringify([{ symbol: "DDD", date: "07/06/2026", adjClose: 1 }]) };
      return ok(req);
    };
    const { prices, errors } = await provider().fetchDailyCloses(["AAA", "BBB", "CCC", "DDD"], "2026-07-06", "2026-07-10");
    expect(symbolsOf(prices)).toEqual(["AAA"]);
    expect(errors.map((e) => [e.symbol, e.code])).toEqual([["BBB", "MALFORMED"], ["CCC", "MALFORMED"], ["DDD", "MALFORMED"]]);
    expect(errors[0]!.message).toContain('item 0 (2026-07-06) has adjClose "12.5"');
    expect(errors[2]!.message).toContain("not YYYY-MM-DD");
  });

  it("reports symbols FMP does not know (empty array or empty object) as UNKNOWN_SYMBOL", async () => {
    handler = (req) => (req.symbol === "XXX" ? { body: "[]" } : req.symbol === "YYY" ? { body: "{}" } : ok(req));
    const { prices, errors } = await provider().fetchDailyCloses(["XXX", "AAA", "YYY"], "2026-07-06", "2026-07-10");
    expect(symbolsOf(prices)).toEqual(["AAA"]);
    expect(errors.map((e) => [e.symbol, e.code])).toEqual([["XXX", "UNKNOWN_SYMBOL"], ["YYY", "UNKNOWN_SYMBOL"]]);
  });

  it("stops at the first 401: one request whatever the symbols, an account error without the API key", async () => {
    handler = () => ({ status: 401, body: JSON.stringify({ "Error Message": `Invalid API KEY ${API_KEY}.` }) });
    const { prices, errors, accountError } = await provider().fetchDailyCloses(["AAA", "BBB", "CCC", "DDD", "EEE"], "2026-07-06", "2026-07-10");
    expect({ prices, errors }).toEqual({ prices: [], errors: [] });
    expect(accountError).toMatchObject({ code: "INVALID_KEY", symbol: "AAA", message: expect.stringContaining("FMP answered 401: Invalid API KEY ***.") });
    expect(accountError!.message).not.toContain(API_KEY);
    expect(requests).toHaveLength(1);
  });

  it("stops at the first 402 (plan restriction, JSON or plain text) and names the plan", async () => {
    const premium = "Premium Query Parameter: This value set for 'symbol' is not available under your current subscription";
    for (const body of [premium, JSON.stringify({ "Error Message": premium })]) {
      requests = [];
      handler = (req) => (req.symbol === "VTV" ? { status: 402, body } : ok(req));
      const { accountError } = await provider({ concurrency: 1, plan: "basic" }).fetchDailyCloses(["AAA", "VTV", "XXX", "YYY"], "2026-07-06", "2026-07-10");
      expect(accountError).toEqual({ code: "PLAN_RESTRICTED", symbol: "VTV", plan: "basic", message: `FMP answered 402: ${premium} (VTV 2026-07-06..2026-07-10, 1 attempt)` });
      expect(requests.map((r) => r.symbol)).toEqual(["AAA", "VTV"]);
    }
  });

  it("takes an account refusal sent with a 200 for one too", async () => {
    handler = () => ({ status: 200, body: JSON.stringify({ "Error Message": "Invalid API KEY. Feel free to create a Free API Key" }) });
    const { accountError } = await provider().fetchDailyCloses(["AAA", "BBB"], "2026-07-06", "2026-07-10");
    expect(accountError).toMatchObject({ code: "INVALID_KEY", symbol: "AAA" });
    expect(requests).toHaveLength(1);
  });

  it("reports RATE_LIMITED when 429 persists, and at once when Retry-After is beyond the limit", async () => {
    handler = () => ({ status: 429, body: "" });
    const persistent = await provider({ maxRetries: 2, rateLimitPauseMs: 1 }).fetchDailyCloses(["AAA"], "2026-07-06", "2026-07-10");
    expect(persistent.errors.map((e) => e.code)).toEqual(["RATE_LIMITED"]);
    expect(requests).toHaveLength(3);

    requests = [];
    handler = () => ({ status: 429, body: "", headers: { "retry-after": "3600" } });
    const tooLong = await provider({ maxRetryAfterMs: 2_000 }).fetchDailyCloses(["AAA"], "2026-07-06", "2026-07-10");
    expect(tooLong.errors[0]).toMatchObject({ code: "RATE_LIMITED", message: expect.stringContaining("Retry-After 3600000 ms exceeds") });
    expect(requests).toHaveLength(1);
  });

  it("rejects when the caller aborts", async () => {
    handler = () => "hang";
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("batch cancelled")), 50);
    await expect(provider({ timeoutMs: 10_000 }).fetchDailyCloses(["AAA"], "2026-07-06", "2026-07-10", { signal: controller.signal })).rejects.toThrow(
      "batch cancelled",
    );
  });

  it("refuses a malformed date range before any request", async () => {
    await expect(provider().fetchDailyCloses(["AAA"], "2026-07-10", "2026-07-06")).rejects.toThrow(/is after to/);
    expect(requests).toHaveLength(0);
  });
});

describe("FmpMarketDataProvider.lookupSymbol", () => {
  const profile = { symbol: "RKLB", companyName: "Rocket Lab USA, Inc.", exchange: "NASDAQ", isEtf: false, sector: "Industrials" };

  it("reads the profile endpoint through the same request path (key, retries)", async () => {
    handler = (req, attempt) => (attempt === 1 ? { status: 503, body: "{}" } : { body: JSON.stringify([{ ...profile, symbol: req.symbol }]) });
    expect(await provider().lookupSymbol("RKLB")).toEqual({ symbol: "RKLB", name: "Rocket Lab USA, Inc.", exchange: "NASDAQ", assetType: "STOCK", sector: "Industrials" });
    expect(requests.map((r) => [r.path, r.symbol, r.apikey])).toEqual([
      ["/stable/profile", "RKLB", API_KEY],
      ["/stable/profile", "RKLB", API_KEY],
    ]);
  });

  it("answers null for a symbol FMP does not know", async () => {
    handler = () => ({ body: "[]" });
    expect(await provider().lookupSymbol("ZZZZ")).toBeNull();
  });

  it("throws on an account-wide error (401, 402) without retrying, never answering unknown, and keeps the key out", async () => {
    for (const status of [401, 402]) {
      requests = [];
      handler = () => ({ status, body: JSON.stringify({ "Error Message": `Restricted endpoint for key ${API_KEY}.` }) });
      const error = await provider().lookupSymbol("RKLB").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(VendorError);
      expect(error).toMatchObject({ code: "VENDOR_ERROR", transient: false, message: expect.stringContaining(`FMP answered ${status}`) });
      expect((error as Error).message).toContain("RKLB");
      expect((error as Error).message).not.toContain(API_KEY);
      expect(requests).toHaveLength(1);
    }
  });

  it("throws a transient error when 5xx persists after the retries, and a MALFORMED one for a body not FMP's format", async () => {
    handler = () => ({ status: 500, body: "{}" });
    await expect(provider().lookupSymbol("RKLB")).rejects.toMatchObject({ code: "VENDOR_ERROR", transient: true, message: expect.stringContaining("3 attempts") });
    handler = () => ({ body: JSON.stringify([{ ...profile, isEtf: "false" }]) });
    await expect(provider().lookupSymbol("RKLB")).rejects.toMatchObject({ code: "MALFORMED", transient: false, message: expect.stringContaining("isEtf") });
    handler = () => ({ status: 200, body: JSON.stringify({ "Error Message": "Limit Reach" }) });
    await expect(provider().lookupSymbol("RKLB")).rejects.toMatchObject({ code: "VENDOR_ERROR", message: "FMP error: Limit Reach (RKLB)" });
  });
});

/** A wait on the global setTimeout, which vitest's fake timers drive (node:timers/promises is not faked). */
function fakeClockSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const abort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", abort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", abort, { once: true });
  });
}

/** Moves the fake clock from timer to timer until `work` is done. */
async function settle<T>(work: Promise<T>): Promise<T> {
  let done = false;
  void work.then(
    () => (done = true),
    () => (done = true),
  );
  while (!done) await vi.advanceTimersToNextTimerAsync();
  return work;
}

describe("FmpMarketDataProvider on fake timers: how long it waits", () => {
  // The provider's waits (backoff, rate limit, Retry-After, request timeout) and the fake's response
  // delay all run on vitest's fake clock, and fetch is the in-process fake; times below are fake-clock
  // milliseconds, exact whatever the machine's load. No jitter: the backoff's random factor is 0.
  let t0: number;
  const timed = (options: Partial<FmpProviderOptions> = {}) => provider({ sleep: fakeClockSleep, ...options });
  const startedAt = (symbol?: string) => requests.filter((r) => symbol === undefined || r.symbol === symbol).map((r) => r.at - t0);

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
    vi.stubGlobal("fetch", fakeFetch);
    vi.spyOn(Math, "random").mockReturnValue(0);
    t0 = performance.now();
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it("retries a 429 after the Retry-After delay, then succeeds", async () => {
    handler = (req, attempt) => (attempt === 1 ? { status: 429, body: '{"Error Message":"Limit Reach"}', headers: { "retry-after": "1" } } : ok(req));
    const { prices, errors } = await settle(timed().fetchDailyCloses(["AAA"], "2026-07-06", "2026-07-10"));
    expect(errors).toEqual([]);
    expect(prices).toHaveLength(5);
    // Retry-After: 1 holds the retry back exactly 1 s (the backoff alone would be at most 1 ms).
    expect(startedAt()).toEqual([0, 1000]);
  });

  it("a 429 without Retry-After holds every worker back for the configured window, not only the refused one", async () => {
    responseDelayMs = 10;
    // The vendor refuses everything for its first 30 ms (FMP sends no Retry-After), then answers.
    handler = (req) => (req.at - t0 < 30 ? { status: 429, body: "Limit Reach . Please upgrade your plan" } : ok(req));
    const symbols = ["A1", "A2", "A3", "A4", "A5", "A6"];
    const { prices, errors } = await settle(timed({ concurrency: 3, maxRetries: 1, rateLimitPauseMs: 60_000 }).fetchDailyCloses(symbols, "2026-07-06", "2026-07-10"));
    expect(errors).toEqual([]);
    expect(symbolsOf(prices)).toEqual(symbols);
    // A1 alone (the first request) is refused at 0 and answered at 10: every request waits the 60 s window,
    // from then on; none goes out meanwhile (the old client retried after its 1 ms backoff and failed).
    expect(startedAt()).toEqual([0, 60_010, 60_020, 60_020, 60_020, 60_030, 60_030]);
  });

  it("times out a request that never answers, retries, then reports TIMEOUT for that symbol only", async () => {
    handler = (req) => (req.symbol === "BBB" ? "hang" : ok(req));
    const { prices, errors } = await settle(timed({ timeoutMs: 250, maxRetries: 1 }).fetchDailyCloses(["AAA", "BBB"], "2026-07-06", "2026-07-10"));
    expect(symbolsOf(prices)).toEqual(["AAA"]);
    expect(errors).toEqual([{ symbol: "BBB", code: "TIMEOUT", message: "FMP did not answer within 250 ms (BBB 2026-07-06..2026-07-10, 2 attempts)" }]);
    // Each attempt is given up at 250 ms: the retry starts then, and the call is over at 500 ms.
    expect(startedAt("BBB")).toEqual([0, 250]);
    expect(startedAt("AAA")).toEqual([0]);
    expect(performance.now() - t0).toBe(500);
  });

  it("honours the request rate and the concurrency limit", async () => {
    responseDelayMs = 120;
    const symbols = ["A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8"];
    const { prices, errors } = await settle(timed({ requestsPerSecond: 20, burst: 1, concurrency: 3 }).fetchDailyCloses(symbols, "2026-07-06", "2026-07-10"));
    expect(errors).toEqual([]);
    expect(symbolsOf(prices)).toEqual(symbols);
    // The first request goes alone (a refused key then costs one request); once it is answered at 120 ms,
    // 20/s with a burst of 1: request k starts 50 ms after the one before; each answer takes 120 ms, so
    // three are in flight at once (220 to 240 ms, …), never a fourth.
    expect(startedAt()).toEqual([0, ...symbols.slice(1).map((_, k) => 120 + k * 50)]);
    expect(maxInFlight).toBe(3);
  });

  it("never has more requests in flight than the concurrency limit", async () => {
    responseDelayMs = 40;
    const symbols = Array.from({ length: 12 }, (_, i) => `S${i}`);
    const { errors } = await settle(timed({ concurrency: 4 }).fetchDailyCloses(symbols, "2026-07-06", "2026-07-10"));
    expect(errors).toEqual([]);
    // The first alone, then four at a time, each wave started as the previous one is answered.
    expect(startedAt()).toEqual([0, 40, 40, 40, 40, 80, 80, 80, 80, 120, 120, 120]);
    expect(maxInFlight).toBe(4);
  });
});

describe("FMP helpers", () => {
  it("cuts a range into windows of at most N calendar days", () => {
    expect(dateChunks("2026-01-01", "2026-01-10", 4)).toEqual([
      { from: "2026-01-01", to: "2026-01-04" },
      { from: "2026-01-05", to: "2026-01-08" },
      { from: "2026-01-09", to: "2026-01-10" },
    ]);
    expect(dateChunks("2026-01-01", "2026-01-01", 30)).toEqual([{ from: "2026-01-01", to: "2026-01-01" }]);
  });

  it("parses Retry-After as seconds or an HTTP date", () => {
    expect(parseRetryAfter("2")).toBe(2000);
    expect(parseRetryAfter("Wed, 21 Oct 2026 07:28:05 GMT", Date.parse("2026-10-21T07:28:00Z"))).toBe(5000);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
  });
});

describe("accountRefusal", () => {
  it("tells a refused key or plan from a used-up limit, by status or by FMP's words", () => {
    expect(accountRefusal(401, "")).toBe("INVALID_KEY");
    expect(accountRefusal(200, "Invalid API KEY. Feel free to create a Free API Key")).toBe("INVALID_KEY");
    expect(accountRefusal(402, "anything")).toBe("PLAN_RESTRICTED");
    expect(accountRefusal(403, "Premium Query Parameter: This value set for 'symbol' is not available under your current subscription")).toBe("PLAN_RESTRICTED");
    expect(accountRefusal(200, "Limit Reach . Please upgrade your plan or visit our documentation")).toBeUndefined();
    expect(accountRefusal(403, "Legacy Endpoint")).toBeUndefined();
    expect(accountRefusal(500, "internal error")).toBeUndefined();
  });
});
