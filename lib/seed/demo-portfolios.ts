// The five demo portfolios (README, "Demo accounts") and their accounts. Public holdings are given as target
// weights of the starting equity; quantities are derived from the bundled close on the inception
// date, so the books stay realistic if the data file is refreshed.

export const DEMO_INCEPTION = "2025-07-14";
export const DEMO_PASSWORD = "riskline-demo";

export interface DemoUser {
  id: string;
  email: string;
  name: string;
  role: "MANAGER" | "ADMIN";
}

export const DEMO_USERS: readonly DemoUser[] = [
  { id: "user-admin", email: "admin@riskline.dev", name: "Avery Admin", role: "ADMIN" },
  { id: "user-individual", email: "individual@riskline.dev", name: "Ivy Individual", role: "MANAGER" },
  { id: "user-hnw", email: "hnw@riskline.dev", name: "Henry Networth", role: "MANAGER" },
  { id: "user-hedgefund", email: "hedgefund@riskline.dev", name: "Harper Hedge", role: "MANAGER" },
  { id: "user-familyoffice", email: "familyoffice@riskline.dev", name: "Felix Office", role: "MANAGER" },
];

/** A public holding: weight of starting equity, negative for a short. */
export interface DemoPublic {
  kind: "public";
  symbol: string;
  weight: number;
}

/** An exchange-traded option: strike as a multiple of the inception close, rounded to $5. */
export interface DemoOption {
  kind: "option";
  underlying: string;
  right: "C" | "P";
  /** Contracts, negative when written. */
  contracts: number;
  moneyness: number;
  expiry: string;
}

export interface DemoPrivate {
  kind: "private";
  name: string;
  subtype: "PRIVATE_EQUITY" | "VENTURE_CAPITAL" | "REAL_ESTATE" | "PRIVATE_CREDIT" | "HEDGE_FUND";
  value: number;
  /** Later manual marks, as a multiple of the entry value. */
  marks: readonly { date: string; multiple: number }[];
}

export type DemoHolding = DemoPublic | DemoOption | DemoPrivate;

export interface DemoPortfolio {
  id: string;
  name: string;
  description: string;
  ownerId: string;
  startingEquity: number;
  holdings: readonly DemoHolding[];
}

const pub = (symbol: string, weight: number): DemoPublic => ({ kind: "public", symbol, weight });
const opt = (underlying: string, right: "C" | "P", contracts: number, moneyness: number, expiry: string): DemoOption => ({
  kind: "option",
  underlying,
  right,
  contracts,
  moneyness,
  expiry,
});
const priv = (name: string, subtype: DemoPrivate["subtype"], value: number, marks: DemoPrivate["marks"] = []): DemoPrivate => ({
  kind: "private",
  name,
  subtype,
  value,
  marks,
});

export const DEMO_PORTFOLIOS: readonly DemoPortfolio[] = [
  {
    id: "demo-individual",
    name: "Individual Investor",
    description: "A diversified long-only retirement account of stocks and ETFs.",
    ownerId: "user-individual",
    startingEquity: 485_000,
    holdings: [
      pub("AAPL", 0.07), pub("MSFT", 0.07), pub("GOOGL", 0.05), pub("AMZN", 0.05),
      pub("JNJ", 0.05), pub("PG", 0.05), pub("KO", 0.04), pub("JPM", 0.06),
      pub("V", 0.05), pub("HD", 0.04), pub("PEP", 0.04), pub("SPY", 0.15),
      pub("VTI", 0.1), pub("AGG", 0.08), pub("XLV", 0.05), pub("SCHD", 0.03),
    ],
  },
  {
    id: "demo-hnw",
    name: "High-Net-Worth Investor",
    description: "Public equities and bonds beside a book of private investments.",
    ownerId: "user-hnw",
    startingEquity: 2_850_000,
    holdings: [
      pub("AAPL", 0.04), pub("MSFT", 0.04), pub("NVDA", 0.035), pub("META", 0.03), pub("AMZN", 0.03),
      pub("BRK-B", 0.04), pub("JPM", 0.03), pub("UNH", 0.025), pub("LLY", 0.025), pub("COST", 0.025),
      pub("WMT", 0.02), pub("XOM", 0.02), pub("CVX", 0.015), pub("SPY", 0.06), pub("QQQ", 0.04),
      pub("TLT", 0.03), pub("GLD", 0.025), pub("LQD", 0.02), pub("VNQ", 0.015),
      priv("Summit Growth Partners IV", "PRIVATE_EQUITY", 240_000, [{ date: "2025-09-30", multiple: 1.04 }, { date: "2025-12-31", multiple: 1.07 }, { date: "2026-03-31", multiple: 1.05 }]),
      priv("Harbor Buyout Fund II", "PRIVATE_EQUITY", 180_000, [{ date: "2025-12-31", multiple: 1.03 }]),
      priv("Northstar Ventures III", "VENTURE_CAPITAL", 120_000, [{ date: "2025-12-31", multiple: 0.92 }]),
      priv("Lumen Robotics Series B", "VENTURE_CAPITAL", 75_000, [{ date: "2026-02-15", multiple: 1.6 }]),
      priv("Quantum Health Seed", "VENTURE_CAPITAL", 40_000),
      priv("Austin Multifamily LP", "REAL_ESTATE", 160_000, [{ date: "2025-12-31", multiple: 1.02 }]),
      priv("Denver Industrial REIT (private)", "REAL_ESTATE", 110_000, [{ date: "2026-03-31", multiple: 0.97 }]),
      priv("Coastal Credit Opportunities", "PRIVATE_CREDIT", 90_000, [{ date: "2025-12-31", multiple: 1.025 }]),
      priv("Meridian Direct Lending", "PRIVATE_CREDIT", 70_000),
      priv("Atlas Macro Fund", "HEDGE_FUND", 60_000, [{ date: "2025-10-31", multiple: 1.01 }, { date: "2026-01-31", multiple: 0.99 }]),
      priv("Vintage Timberland", "REAL_ESTATE", 35_000),
    ],
  },
  {
    id: "demo-hedgefund",
    name: "Long/Short Equity Fund",
    description:
      "A hedge-fund style long/short book with options: its stocks were bought at about 150 % gross and 50 % net of the starting equity; the options' delta exposure and the moves since then raise both (the figures below are today's).",
    ownerId: "user-hedgefund",
    startingEquity: 3_200_000,
    holdings: [
      pub("NVDA", 0.1), pub("MSFT", 0.09), pub("AVGO", 0.08), pub("META", 0.08), pub("AMZN", 0.08),
      pub("GOOGL", 0.08), pub("LLY", 0.07), pub("JPM", 0.07), pub("GS", 0.07), pub("CRWD", 0.07),
      pub("PANW", 0.07), pub("NOW", 0.06), pub("UBER", 0.06),
      pub("F", -0.06), pub("INTC", -0.06), pub("PTON", -0.04), pub("T", -0.06), pub("VZ", -0.06),
      pub("NKE", -0.06), pub("BA", -0.05), pub("ZM", -0.05), pub("IWM", -0.06),
      opt("AAPL", "C", 10, 1.05, "2026-09-18"),
      opt("TSLA", "P", 5, 0.85, "2026-09-18"),
      opt("SPY", "P", 6, 0.9, "2026-12-18"),
      opt("NVDA", "C", 15, 1.1, "2026-01-16"),
      opt("AMD", "C", 8, 1.1, "2026-12-18"),
      opt("QQQ", "P", 4, 0.92, "2026-06-18"),
      opt("MSFT", "C", -5, 1.12, "2026-09-18"),
      opt("META", "P", -3, 0.85, "2026-12-18"),
    ],
  },
  {
    id: "demo-fo-growth",
    name: "Family Office Growth",
    description: "A concentrated public growth book of a family office.",
    ownerId: "user-familyoffice",
    startingEquity: 1_250_000,
    holdings: [
      pub("NVDA", 0.12), pub("MSFT", 0.1), pub("AAPL", 0.09), pub("AMZN", 0.09), pub("META", 0.08),
      pub("GOOGL", 0.08), pub("TSLA", 0.06), pub("SHOP", 0.06), pub("NOW", 0.06), pub("CRM", 0.05),
      pub("ADBE", 0.05), pub("QQQ", 0.12),
    ],
  },
  {
    id: "demo-fo-private",
    name: "Family Office Private",
    description: "Private holdings only: valued from manual marks, no market analytics.",
    ownerId: "user-familyoffice",
    startingEquity: 950_000,
    holdings: [
      priv("Redwood Family Holdings", "PRIVATE_EQUITY", 300_000, [{ date: "2025-12-31", multiple: 1.06 }]),
      priv("Cedar Ventures I", "VENTURE_CAPITAL", 150_000, [{ date: "2026-03-31", multiple: 1.15 }]),
      priv("Lakeside Commercial Property", "REAL_ESTATE", 250_000, [{ date: "2025-12-31", multiple: 1.01 }]),
      priv("Granite Private Credit", "PRIVATE_CREDIT", 150_000),
      priv("Orchard Farmland", "REAL_ESTATE", 80_000),
    ],
  },
];
