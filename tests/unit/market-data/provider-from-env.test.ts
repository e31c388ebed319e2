import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadEnv, resetEnv } from "@/lib/config/env";
import { FileMarketDataProvider } from "@/lib/market-data/file-provider";
import { FMP_PLAN_LIMITS, FMP_PLANS } from "@/lib/market-data/fmp-plans";
import { FmpMarketDataProvider } from "@/lib/market-data/fmp-provider";
import { providerFromEnv } from "@/lib/market-data/provider-from-env";

/** The provider the configuration read from `vars` would choose. */
const providerFor = (vars: Record<string, string>) => providerFromEnv(loadEnv(vars));

describe("providerFromEnv", () => {
  it("defaults to the bundled file", () => {
    expect(providerFor({})).toBeInstanceOf(FileMarketDataProvider);
    expect(providerFor({ MARKET_DATA_PROVIDER: "" })).toBeInstanceOf(FileMarketDataProvider);
    expect(providerFor({ MARKET_DATA_PROVIDER: "file" }).name).toBe("file");
  });

  it("builds the FMP provider when a key is set", () => {
    const provider = providerFor({ MARKET_DATA_PROVIDER: "fmp", FMP_API_KEY: "k", FMP_BASE_URL: "http://127.0.0.1:9" });
    expect(provider).toBeInstanceOf(FmpMarketDataProvider);
    expect(provider.name).toBe("fmp");
    expect(provider.dataEndDate).toBeUndefined();
  });

  it("names the missing variable when fmp is chosen without a key", () => {
    expect(() => providerFor({ MARKET_DATA_PROVIDER: "fmp" })).toThrow(/FMP_API_KEY: MARKET_DATA_PROVIDER=fmp needs FMP_API_KEY/);
    expect(() => providerFor({ MARKET_DATA_PROVIDER: "fmp", FMP_API_KEY: " " })).toThrow(/FMP_API_KEY/);
    expect(() => providerFromEnv({ MARKET_DATA_PROVIDER: "fmp" })).toThrow(/MARKET_DATA_PROVIDER=fmp needs FMP_API_KEY/);
  });

  it("rejects an unknown provider and a bad base URL", () => {
    expect(() => providerFor({ MARKET_DATA_PROVIDER: "yahoo" })).toThrow(/MARKET_DATA_PROVIDER: must be one of file, fmp, got "yahoo"/);
    expect(() => providerFor({ MARKET_DATA_PROVIDER: "fmp", FMP_API_KEY: "k", FMP_BASE_URL: "localhost" })).toThrow(/FMP_BASE_URL: must be the vendor's base URL, an absolute http/);
  });
});

describe("FMP limits from the configuration", () => {
  const limitsFor = (vars: Record<string, string>) => (providerFor({ MARKET_DATA_PROVIDER: "fmp", FMP_API_KEY: "k", ...vars }) as FmpMarketDataProvider).limits;

  it("takes each plan's preset, Starter when FMP_PLAN is unset, and a 60 s pause after a bare 429", () => {
    expect(limitsFor({})).toEqual({ plan: "starter", requestsPerSecond: 5, burst: 5, concurrency: 4, rateLimitPauseMs: 60_000 });
    for (const plan of FMP_PLANS) {
      const preset = FMP_PLAN_LIMITS[plan];
      expect(limitsFor({ FMP_PLAN: plan })).toEqual({ plan, requestsPerSecond: preset.requestsPerMinute / 60, burst: preset.burst, concurrency: preset.concurrency, rateLimitPauseMs: 60_000 });
    }
    expect(limitsFor({ FMP_PLAN: "ultimate" })).toMatchObject({ requestsPerSecond: 50, burst: 25, concurrency: 8 });
    expect(limitsFor({ FMP_PLAN: "basic" })).toMatchObject({ requestsPerSecond: 1, burst: 1, concurrency: 1 });
  });

  it("lets each explicit variable override the plan's preset", () => {
    expect(limitsFor({ FMP_PLAN: "premium", FMP_REQUESTS_PER_MINUTE: "120", FMP_CONCURRENCY: "2" })).toEqual({
      plan: "premium",
      requestsPerSecond: 2,
      burst: 10,
      concurrency: 2,
      rateLimitPauseMs: 60_000,
    });
    expect(limitsFor({ FMP_BURST: "1", FMP_RATE_LIMIT_PAUSE_SECONDS: "90" })).toMatchObject({ burst: 1, rateLimitPauseMs: 90_000 });
  });

  it("names the variable of a bad limit", () => {
    expect(() => limitsFor({ FMP_PLAN: "gold" })).toThrow(/FMP_PLAN: must be one of basic, starter, premium, ultimate, got "gold"/);
    expect(() => limitsFor({ FMP_REQUESTS_PER_MINUTE: "0" })).toThrow(/FMP_REQUESTS_PER_MINUTE: must be the vendor requests allowed a minute, a whole number from 1/);
    expect(() => limitsFor({ FMP_CONCURRENCY: "4.5" })).toThrow(/FMP_CONCURRENCY: must be/);
    expect(() => limitsFor({ FMP_BURST: "-1" })).toThrow(/FMP_BURST: must be/);
    expect(() => limitsFor({ FMP_RATE_LIMIT_PAUSE_SECONDS: "0" })).toThrow(/FMP_RATE_LIMIT_PAUSE_SECONDS: must be seconds/);
  });
});

describe("PRICE_FILE", () => {
  afterEach(() => {
    delete process.env.PRICE_FILE;
    resetEnv();
  });

  it("points the file provider at another price file", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "riskline-prices-")), "prices.csv");
    writeFileSync(file, "date,symbol,close\n2026-07-09,KO,70.5\n2026-07-10,KO,71.25\n");
    process.env.PRICE_FILE = file;
    resetEnv();
    const { prices, errors } = await new FileMarketDataProvider().fetchDailyCloses(["KO", "MSFT"], "2026-07-01", "2026-07-13");
    expect(prices).toEqual([
      { date: "2026-07-09", symbol: "KO", close: 70.5 },
      { date: "2026-07-10", symbol: "KO", close: 71.25 },
    ]);
    expect(errors.map((e) => [e.symbol, e.code])).toEqual([["MSFT", "UNKNOWN_SYMBOL"]]);
  });

  it("is refused, named, when the file does not exist", () => {
    expect(() => loadEnv({ PRICE_FILE: "/nonexistent/prices.csv" })).toThrow(/PRICE_FILE: no such file/);
  });
});
