// Chooses the market data provider from the configuration (lib/config/env.ts, which validates it):
//   MARKET_DATA_PROVIDER = file (default, bundled prices) | fmp (needs FMP_API_KEY; FMP_BASE_URL optional;
//   limits from FMP_PLAN's preset, each overridable: FMP_REQUESTS_PER_MINUTE, FMP_BURST, FMP_CONCURRENCY;
//   FMP_RATE_LIMIT_PAUSE_SECONDS after a 429 without Retry-After)
import { env, type Env } from "@/lib/config/env";
import { FileMarketDataProvider } from "./file-provider";
import { DEFAULT_FMP_PLAN, fmpLimits } from "./fmp-plans";
import { FmpMarketDataProvider, type FmpProviderOptions } from "./fmp-provider";
import type { MarketDataProvider } from "./provider";

type LimitConfig = Partial<Pick<Env, "FMP_PLAN" | "FMP_REQUESTS_PER_MINUTE" | "FMP_BURST" | "FMP_CONCURRENCY" | "FMP_RATE_LIMIT_PAUSE_SECONDS">>;
type ProviderConfig = Pick<Env, "MARKET_DATA_PROVIDER" | "FMP_API_KEY" | "FMP_BASE_URL"> & LimitConfig;

/** The FMP client's limits as configured: the plan's preset (Starter when unset), then each explicit override. */
export function fmpOptionsFromEnv(config: LimitConfig): Pick<FmpProviderOptions, "plan" | "requestsPerSecond" | "burst" | "concurrency" | "rateLimitPauseMs"> {
  const limits = fmpLimits(config.FMP_PLAN ?? DEFAULT_FMP_PLAN, { requestsPerMinute: config.FMP_REQUESTS_PER_MINUTE, burst: config.FMP_BURST, concurrency: config.FMP_CONCURRENCY });
  return { plan: config.FMP_PLAN ?? DEFAULT_FMP_PLAN, requestsPerSecond: limits.requestsPerMinute / 60, burst: limits.burst, concurrency: limits.concurrency, rateLimitPauseMs: (config.FMP_RATE_LIMIT_PAUSE_SECONDS ?? 60) * 1000 };
}

export function providerFromEnv(config: ProviderConfig = env()): MarketDataProvider {
  switch (config.MARKET_DATA_PROVIDER) {
    case "file":
      return new FileMarketDataProvider();
    case "fmp": {
      // The configuration refuses fmp without a key; a hand-built config is checked here too.
      if (!config.FMP_API_KEY) throw new Error("MARKET_DATA_PROVIDER=fmp needs FMP_API_KEY (your Financial Modeling Prep API key); it is unset or empty");
      return new FmpMarketDataProvider({ apiKey: config.FMP_API_KEY, baseUrl: config.FMP_BASE_URL, ...fmpOptionsFromEnv(config) });
    }
  }
}
