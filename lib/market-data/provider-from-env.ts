// Chooses the market data provider from the environment:
//   MARKET_DATA_PROVIDER = file (default, bundled prices) | fmp (needs FMP_API_KEY; FMP_BASE_URL optional)
import { FileMarketDataProvider } from "./file-provider";
import { FmpMarketDataProvider } from "./fmp-provider";
import type { MarketDataProvider } from "./provider";

export const MARKET_DATA_PROVIDERS = ["file", "fmp"] as const;

type Env = Readonly<Record<string, string | undefined>>;

export function providerFromEnv(env: Env = process.env): MarketDataProvider {
  const name = env.MARKET_DATA_PROVIDER?.trim() || "file";
  switch (name) {
    case "file":
      return new FileMarketDataProvider();
    case "fmp": {
      const apiKey = env.FMP_API_KEY?.trim();
      if (!apiKey) {
        throw new Error("MARKET_DATA_PROVIDER=fmp needs FMP_API_KEY (your Financial Modeling Prep API key); it is unset or empty");
      }
      const baseUrl = env.FMP_BASE_URL?.trim() || undefined;
      if (baseUrl !== undefined && !URL.canParse(baseUrl)) throw new Error(`FMP_BASE_URL must be an absolute URL, got "${baseUrl}"`);
      return new FmpMarketDataProvider({ apiKey, baseUrl });
    }
    default:
      throw new Error(`MARKET_DATA_PROVIDER must be one of ${MARKET_DATA_PROVIDERS.join(", ")}, got "${name}"`);
  }
}
