// A local fake of FMP's dividend-adjusted end-of-day endpoint that serves the bundled closes, with a
// fault per symbol: hang (the client times out), 500, 429, an empty answer (symbol omitted), a body
// that is not FMP's format, a transient 500 that heals on the retry, or an older chunk answered empty
// or cut short. It also lists symbols beyond the bundled ones (VENDOR_LISTINGS): their company profile
// (/stable/profile) and closes.
//
// Answers are shaped like FMP's documented examples: an array newest first of { symbol, date, adjOpen,
// adjHigh, adjLow, adjClose, volume }; refusals { "Error Message": … } with 401 (bad key), 402 (a
// symbol the key's plan does not cover; FMP sends that one as plain text too) and 429 without
// Retry-After (a rate-limit storm, answered as plain text every other time). Corporate actions re-base
// the served history as FMP does: a dividend scales every earlier close, a split every close.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { PAID_PLAN_PROXIES } from "@/lib/market-data/fmp-plans";
import { FmpMarketDataProvider, type FmpProviderOptions } from "@/lib/market-data/fmp-provider";
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

/** emptyOlder / shortOlder: a chunk that ends more than a year before the newest close comes back
 * empty / with only its newest month. */
export type Fault = "timeout" | "error500" | "rateLimited" | "omitted" | "malformed" | "invalidJson" | "flaky500" | "emptyOlder" | "shortOlder";

/** A dividend of `amount` going ex on `date`, or a `ratio`-for-1 split effective on `date`. */
export type CorporateAction = { kind: "dividend"; date: string; amount: number } | { kind: "split"; date: string; ratio: number };

export interface FakeFmpRequest {
  /** performance.now() at arrival. */
  at: number;
  path: string;
  symbol: string;
  status: number;
}

export interface FakeFmp {
  baseUrl: string;
  faults: Map<string, Fault>;
  /** Symbols asked for since the last reset. */
  requested: Set<string>;
  /** Every request, in order of arrival (cleared with `log.length = 0`). */
  log: FakeFmpRequest[];
  /** Corporate actions per symbol, applied to the served history in date order (see history()). */
  actions: Map<string, CorporateAction[]>;
  /** The key's plan: on "basic" the paid-plan proxies answer 402. Default "starter". */
  plan: "basic" | "starter";
  /** The key the fake accepts ("fake-key"); any other gets 401. */
  apiKey: string;
  /** Every price request answers 429 without Retry-After for `ms` from the next one. */
  rateLimitStorm(ms: number): void;
  /** The adjusted closes the vendor serves now for `symbol`, by date. */
  history(symbol: string): Map<string, number>;
  /** A client of this fake, fast-failing (short timeout, one retry), options overridable. */
  provider(options?: Partial<FmpProviderOptions>): FmpMarketDataProvider;
  close(): Promise<void>;
}

/** `closes` re-based by `actions` as FMP's dividend-adjusted series is after them. */
export function applyCorporateActions(closes: ReadonlyMap<string, number>, actions: readonly CorporateAction[]): Map<string, number> {
  const out = new Map(closes);
  const dates = [...out.keys()].sort();
  for (const a of [...actions].sort((x, y) => (x.date < y.date ? -1 : 1))) {
    if (a.kind === "split") {
      for (const d of dates) out.set(d, out.get(d)! / a.ratio);
      continue;
    }
    const before = dates.filter((d) => d < a.date);
    const previous = out.get(before.at(-1)!)!;
    const factor = 1 - a.amount / previous;
    for (const d of before) out.set(d, out.get(d)! * factor);
  }
  return out;
}

const YEAR_MS = 365 * 86_400_000;
/** The last date of the bundled closes: "now" for the vendor's older chunks. */
const NEWEST_DATE = "2026-07-13";

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
  const log: FakeFmpRequest[] = [];
  const actions = new Map<string, CorporateAction[]>();
  let stormMs = 0;
  let stormEnds = Number.NEGATIVE_INFINITY;
  let stormReplies = 0;
  const none = new Map<string, number>();
  const history = (symbol: string) => {
    const own = actions.get(symbol);
    return own?.length ? applyCorporateActions(closes.get(symbol) ?? none, own) : (closes.get(symbol) ?? none);
  };

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
    const entry: FakeFmpRequest = { at: performance.now(), path: url.pathname, symbol, status: 0 };
    log.push(entry);
    const reply = (status: number, body: string, headers: Record<string, string> = {}) => {
      entry.status = status;
      const json = body.startsWith("{") || body.startsWith("[");
      res.writeHead(status, { "content-type": json ? "application/json" : "text/plain", ...headers });
      res.end(body);
    };
    if (url.searchParams.get("apikey") !== fake.apiKey) {
      return reply(401, JSON.stringify({ "Error Message": "Invalid API KEY. Feel free to create a Free API Key or visit https://site.financialmodelingprep.com/faqs?search=why-is-my-api-key-invalid for more information." }));
    }
    if (url.pathname === "/stable/profile") return replyProfile(symbol, reply);
    if (url.pathname !== "/stable/historical-price-eod/dividend-adjusted") return reply(404, JSON.stringify({ "Error Message": "Not found." }));
    if (stormMs > 0) [stormEnds, stormMs] = [entry.at + stormMs, 0];
    if (entry.at < stormEnds) {
      const text = "Limit Reach . Please upgrade your plan or visit our documentation for more details at https://site.financialmodelingprep.com/";
      return reply(429, stormReplies++ % 2 ? text : JSON.stringify({ "Error Message": text }));
    }
    if (fake.plan === "basic" && PAID_PLAN_PROXIES.includes(symbol)) {
      const text = "Premium Query Parameter: This value set for 'symbol' is not available under your current subscription please visit our subscription page to upgrade your plan at https://site.financialmodelingprep.com/developer/docs/pricing";
      return reply(402, symbol.length % 2 ? text : JSON.stringify({ "Error Message": text }));
    }
    const served = history(symbol);
    const olderChunk = Date.parse(NEWEST_DATE) - Date.parse(to) > YEAR_MS;
    let rows = [...served]
      .filter(([d]) => d >= from && d <= to)
      .sort(([a], [b]) => (a < b ? 1 : -1))
      .map(([date, adjClose]) => ({ symbol, date, adjOpen: adjClose, adjHigh: adjClose, adjLow: adjClose, adjClose, volume: 1_000 }));
    if (olderChunk && faults.get(symbol) === "emptyOlder") rows = [];
    if (olderChunk && faults.get(symbol) === "shortOlder") rows = rows.slice(0, 21);
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
  const fake: FakeFmp = {
    baseUrl,
    faults,
    requested,
    log,
    actions,
    plan: "starter",
    apiKey: "fake-key",
    rateLimitStorm: (ms) => {
      stormMs = ms;
    },
    history,
    provider: (options = {}) =>
      new FmpMarketDataProvider({
        apiKey: "fake-key",
        baseUrl,
        timeoutMs: 1_000,
        maxRetries: 1,
        baseDelayMs: 1,
        maxDelayMs: 5,
        requestsPerSecond: 10_000,
        burst: 10_000,
        concurrency: 8,
        ...options,
      }),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  return fake;
}
