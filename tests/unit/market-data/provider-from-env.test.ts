import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadEnv, resetEnv } from "@/lib/config/env";
import { FileMarketDataProvider } from "@/lib/market-data/file-provider";
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
