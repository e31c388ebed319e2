// A local fake of FMP's dividend-adjusted end-of-day endpoint that serves the bundled closes, with a
// fault per symbol: hang (the client times out), 500, 429, an empty answer (symbol omitted), a body
// that is not FMP's format, or a transient 500 that heals on the retry. It also lists symbols beyond
// the bundled ones (VENDOR_LISTINGS): their company profile (/stable/profile) and closes.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { FmpMarketDataProvider } from "@/lib/market-data/fmp-provider";
import { readPriceFile } from "@/lib/market-data/price-file";

interface Listing {
  profile: { companyName: string; exchange: string; exchangeFullName: string; isEtf: boolean; sector: string };
  /** Its closes are this bundled symbol's, scaled, so its history covers the bundled dates. */
  closesOf: string;
  scale: number;
}

const VENDOR_LISTINGS: Readonly<Record<string, Listing>> = {
  SMCI: {
    profile: { companyName: "Super Micro Computer, Inc.", exchange: "NASDAQ", exchangeFullName: "NASDAQ Global Select", isEtf: false, sector: "Technology" },
    closesOf: "MSFT",
    scale: 0.25,
  },
  SOFI: {
    profile: { companyName: "SoFi Technologies, Inc.", exchange: "NASDAQ", exchangeFullName: "NASDAQ Global Select", isEtf: false, sector: "Financial Services" },
    closesOf: "JPM",
    scale: 0.1,
  },
  VXUS: {
    profile: { companyName: "Vanguard Total International Stock Index Fund ETF Shares", exchange: "NASDAQ", exchangeFullName: "NASDAQ Global Market", isEtf: true, sector: "Financial Services" },
    closesOf: "EFA",
    scale: 0.8,
  },
};

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
  for (const [symbol, listing] of Object.entries(VENDOR_LISTINGS)) {
    closes.set(symbol, new Map([...closes.get(listing.closesOf)!].map(([date, close]) => [date, Math.round(close * listing.scale * 100) / 100])));
  }
  const faults = new Map<string, Fault>();
  const requested = new Set<string>();
  const attempts = new Map<string, number>();

  /** A profile as FMP's stable endpoint answers it; `[]` for a symbol it does not list, 500 under an error500 fault. */
  const replyProfile = (symbol: string, reply: (status: number, body: string) => void) => {
    const listing = VENDOR_LISTINGS[symbol];
    if (faults.get(symbol) === "error500") return reply(500, JSON.stringify({ "Error Message": "internal error" }));
    if (!listing) return reply(200, "[]");
    return reply(200, JSON.stringify([{ symbol, price: 1, currency: "USD", ...listing.profile, isActivelyTrading: true, isFund: false }]));
  };

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
    if (url.searchParams.get("apikey") !== "fake-key") return reply(401, JSON.stringify({ "Error Message": "Invalid API KEY." }));
    if (url.pathname === "/stable/profile") return replyProfile(symbol, reply);
    if (url.pathname !== "/stable/historical-price-eod/dividend-adjusted") return reply(404, JSON.stringify({ "Error Message": "Not found." }));
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
