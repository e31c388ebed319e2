import { describe, expect, it } from "vitest";
import { FileMarketDataProvider } from "@/lib/market-data/file-provider";
import { FmpMarketDataProvider } from "@/lib/market-data/fmp-provider";
import { providerFromEnv } from "@/lib/market-data/provider-from-env";

describe("providerFromEnv", () => {
  it("defaults to the bundled file", () => {
    expect(providerFromEnv({})).toBeInstanceOf(FileMarketDataProvider);
    expect(providerFromEnv({ MARKET_DATA_PROVIDER: "" })).toBeInstanceOf(FileMarketDataProvider);
    expect(providerFromEnv({ MARKET_DATA_PROVIDER: "file" }).name).toBe("file");
  });

  it("builds the FMP provider when a key is set", () => {
    const provider = providerFromEnv({ MARKET_DATA_PROVIDER: "fmp", FMP_API_KEY: "k", FMP_BASE_URL: "http://127.0.0.1:9" });
    expect(provider).toBeInstanceOf(FmpMarketDataProvider);
    expect(provider.name).toBe("fmp");
    expect(provider.dataEndDate).toBeUndefined();
  });

  it("names the missing variable when fmp is chosen without a key", () => {
    expect(() => providerFromEnv({ MARKET_DATA_PROVIDER: "fmp" })).toThrow(/MARKET_DATA_PROVIDER=fmp needs FMP_API_KEY/);
    expect(() => providerFromEnv({ MARKET_DATA_PROVIDER: "fmp", FMP_API_KEY: " " })).toThrow(/FMP_API_KEY/);
  });

  it("rejects an unknown provider and a bad base URL", () => {
    expect(() => providerFromEnv({ MARKET_DATA_PROVIDER: "yahoo" })).toThrow(/MARKET_DATA_PROVIDER must be one of file, fmp, got "yahoo"/);
    expect(() => providerFromEnv({ MARKET_DATA_PROVIDER: "fmp", FMP_API_KEY: "k", FMP_BASE_URL: "localhost" })).toThrow(/FMP_BASE_URL must be an absolute URL/);
  });
});
