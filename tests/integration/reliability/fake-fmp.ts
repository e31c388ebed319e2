// A local fake of FMP's dividend-adjusted end-of-day endpoint that serves the bundled closes, with a
// fault per symbol: hang (the client times out), 500, 429, an empty answer (symbol omitted), a body
// that is not FMP's format, or a transient 500 that heals on the retry.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { FmpMarketDataProvider } from "@/lib/market-data/fmp-provider";
import { readPriceFile } from "@/lib/market-data/price-file";

export type Fault = "timeout" | "error500" | "rateLimited" | "omitted" | "malformed" | "invalidJson" | "flaky500";

export interface FakeFmp {
  baseUrl: string;
  faults: Map<string, Fault>;
  /** Symbols asked for since the last reset. */
  requested: Set<string>;
  provider(): FmpMarketDataProvider;
  close(): Promise<void>;
}

export async function startFakeFmp(): Promise<FakeFmp> {
  const closes = new Map<string, Map<string, number>>();
  for (const r of readPriceFile()) {
    let bySymbol = closes.get(r.symbol);
    if (!bySymbol) closes.set(r.symbol, (bySymbol = new Map()));
    bySymbol.set(r.date, r.close);
  }
  const faults = new Map<string, Fault>();
  const requested = new Set<string>();
  const attempts = new Map<string, number>();

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const symbol = url.searchParams.get("symbol") ?? "";
    const from = url.searchParams.get("from") ?? "";
    const to = url.searchParams.get("to") ?? "";
    requested.add(symbol);
    const attempt = (attempts.get(symbol) ?? 0) + 1;
    attempts.set(symbol, attempt);
    const reply = (status: number, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(body);
    };
    if (url.pathname !== "/stable/historical-price-eod/dividend-adjusted" || url.searchParams.get("apikey") !== "fake-key") {
      return reply(401, JSON.stringify({ "Error Message": "Invalid API KEY." }));
    }
    const rows = [...(closes.get(symbol) ?? new Map<string, number>())]
      .filter(([d]) => d >= from && d <= to)
      .sort(([a], [b]) => (a < b ? 1 : -1))
      .map(([date, adjClose]) => ({ symbol, date, adjOpen: adjClose, adjHigh: adjClose, adjLow: adjClose, adjClose, volume: 1_000 }));
    switch (faults.get(symbol)) {
      case "timeout":
        return; // never answers
      case "error500":
        return reply(500, JSON.stringify({ "Error Message": "internal error" }));
      case "rateLimited":
        return reply(429, JSON.stringify({ "Error Message": "Limit Reach" }), { "retry-after": "0" });
      case "omitted":
        return reply(200, "[]");
      case "malformed":
        return reply(200, JSON.stringify(rows.map((r) => ({ ...r, adjClose: String(r.adjClose) }))));
      case "invalidJson":
        return reply(200, "<html>Service Unavailable</html>");
      case "flaky500":
        if (attempt === 1) return reply(503, "{}");
        return reply(200, JSON.stringify(rows));
      default:
        return reply(200, JSON.stringify(rows));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    faults,
    requested,
    provider: () =>
      new FmpMarketDataProvider({ apiKey: "fake-key", baseUrl, timeoutMs: 300, maxRetries: 1, baseDelayMs: 1, maxDelayMs: 5, requestsPerSecond: 10_000, burst: 10_000, concurrency: 8 }),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
