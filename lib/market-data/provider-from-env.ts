// Chooses the market data provider from the configuration (lib/config/env.ts, which validates it):
//   MARKET_DATA_PROVIDER = file (default, bundled prices) | fmp (needs FMP_API_KEY; FMP_BASE_URL optional)
import { env, type Env } from "@/lib/config/env";
import { FileMarketDataProvider } from "./file-provider";
import { FmpMarketDataProvider } from "./fmp-provider";
import type { MarketDataProvider } from "./provider";

export function providerFromEnv(config: Pick<Env, "MARKET_DATA_PROVIDER" | "FMP_API_KEY" | "FMP_BASE_URL"> = env()): MarketDataProvider {
  switch (config.MARKET_DATA_PROVIDER) {
    case "file":
      return new FileMarketDataProvider();
    case "fmp": {
      // The configuration refuses fmp without a key; a hand-built config is checked here too.
      if (!config.FMP_API_KEY) throw new Error("MARKET_DATA_PROVIDER=fmp needs FMP_API_KEY (your Financial Modeling Prep API key); it is unset or empty");
      return new FmpMarketDataProvider({ apiKey: config.FMP_API_KEY, baseUrl: config.FMP_BASE_URL });
    }
  }
}
