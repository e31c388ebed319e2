// The FMP provider against a local fake of FMP's stable dividend-adjusted endpoint.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dateChunks, FmpMarketDataProvider, parseRetryAfter, type FmpProviderOptions } from "@/lib/market-data/fmp-provider";

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

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
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
    const reply = handler(fake, attempt);
    if (reply === "hang") return; // never answers; the client must time out
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    setTimeout(() => {
      inFlight--;
      res.writeHead(reply.status ?? 200, { "content-type": "application/json", ...reply.headers });
      res.end(reply.body);
    }, responseDelayMs);
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

  it("retries a 429 after the Retry-After delay, then succeeds", async () => {
    handler = (req, attempt) => (attempt === 1 ? { status: 429, body: '{"Error Message":"Limit Reach"}', headers: { "retry-after": "1" } } : ok(req));
    const { prices, errors } = await provider().fetchDailyCloses(["AAA"], "2026-07-06", "2026-07-10");
    expect(errors).toEqual([]);
    expect(prices).toHaveLength(5);
    expect(requests).toHaveLength(2);
    expect(requests[1]!.at - requests[0]!.at).toBeGreaterThanOrEqual(950); // backoff alone would be ≤ 5 ms
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

  it("times out a request that never answers, retries, then reports TIMEOUT for that symbol only", async () => {
    handler = (req) => (req.symbol === "BBB" ? "hang" : ok(req));
    const started = performance.now();
    const { prices, errors } = await provider({ timeoutMs: 250, maxRetries: 1 }).fetchDailyCloses(["AAA", "BBB"], "2026-07-06", "2026-07-10");
    expect(symbolsOf(prices)).toEqual(["AAA"]);
    expect(errors).toEqual([{ symbol: "BBB", code: "TIMEOUT", message: "FMP did not answer within 250 ms (BBB 2026-07-06..2026-07-10, 2 attempts)" }]);
    expect(requests.filter((r) => r.symbol === "BBB")).toHaveLength(2);
    expect(performance.now() - started).toBeLessThan(5_000);
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

  it("does not retry a 401 and keeps the API key out of the message", async () => {
    handler = () => ({ status: 401, body: JSON.stringify({ "Error Message": `Invalid API KEY ${API_KEY}.` }) });
    const { errors } = await provider().fetchDailyCloses(["AAA"], "2026-07-06", "2026-07-10");
    expect(errors).toHaveLength(1);
    expect(errors[0]!.code).toBe("VENDOR_ERROR");
    expect(errors[0]!.message).toContain("FMP answered 401");
    expect(errors[0]!.message).not.toContain(API_KEY);
    expect(requests).toHaveLength(1);
  });

  it("reports RATE_LIMITED when 429 persists, and at once when Retry-After is beyond the limit", async () => {
    handler = () => ({ status: 429, body: "" });
    const persistent = await provider({ maxRetries: 2 }).fetchDailyCloses(["AAA"], "2026-07-06", "2026-07-10");
    expect(persistent.errors.map((e) => e.code)).toEqual(["RATE_LIMITED"]);
    expect(requests).toHaveLength(3);

    requests = [];
    handler = () => ({ status: 429, body: "", headers: { "retry-after": "3600" } });
    const tooLong = await provider({ maxRetryAfterMs: 2_000 }).fetchDailyCloses(["AAA"], "2026-07-06", "2026-07-10");
    expect(tooLong.errors[0]).toMatchObject({ code: "RATE_LIMITED", message: expect.stringContaining("Retry-After 3600000 ms exceeds") });
    expect(requests).toHaveLength(1);
  });

  it("honours the request rate and the concurrency limit", async () => {
    responseDelayMs = 30;
    const symbols = ["A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8"];
    const { prices, errors } = await provider({ requestsPerSecond: 20, burst: 1, concurrency: 3 }).fetchDailyCloses(symbols, "2026-07-06", "2026-07-10");
    expect(errors).toEqual([]);
    expect(symbolsOf(prices)).toEqual(symbols);
    const starts = requests.map((r) => r.at).sort((a, b) => a - b);
    // 20/s with a burst of 1: request k starts no sooner than k × 50 ms after the first.
    for (const [k, at] of starts.entries()) expect(at - starts[0]!).toBeGreaterThanOrEqual(k * 50 - 10);
    expect(maxInFlight).toBeLessThanOrEqual(3);
  });

  it("never has more requests in flight than the concurrency limit", async () => {
    responseDelayMs = 40;
    const symbols = Array.from({ length: 12 }, (_, i) => `S${i}`);
    await provider({ concurrency: 4 }).fetchDailyCloses(symbols, "2026-07-06", "2026-07-10");
    expect(maxInFlight).toBe(4);
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
