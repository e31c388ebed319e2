import "server-only";
// Risk decomposition computed on read: the stored holdings of the day, and the stored closes of the held
// symbols and the eight proxies over the covariance window (docs/METHODOLOGY.md, "Risk decomposition").
// On read, not in the batch: it needs no new table or write, and one book costs one price query and a
// few small ridge fits.
import type { DecompositionResponse } from "@/lib/contracts/decomposition";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";
import type { IsoDate } from "@/lib/dates";
import { getPool } from "@/lib/db/pool";
import { FACTORS, STRESS_PROXIES, type StressProxy } from "@/lib/factors/registry";
import { buildPricePanel } from "@/lib/market-data/price-panel";
import { loadPrices } from "@/lib/market-data/store-prices";
import { CALENDAR_FIRST_DATE, tradingDaysBetween } from "@/lib/market-data/trading-calendar";
import { computeDecomposition } from "@/lib/risk/decomposition";
import { SHOCK_PROXY } from "@/lib/stress/scenarios";
import { findAsOfSnapshot } from "./as-of-snapshot";
import { loadStoredHoldings } from "./stored-holdings";

/** 252 returns need 253 closes: about 370 calendar days, with room for holidays. */
const PRICE_LOOKBACK_DAYS = 400;

// The market and rate proxies stand for a factor whose display name is a beta's ("Market Beta (90D)").
const SHORT_NAME: Partial<Record<string, string>> = { MARKET: "Market", IR: "Rates" };
const PROXY_LABEL = Object.fromEntries(
  Object.entries(SHOCK_PROXY).map(([f, p]) => [p, `${SHORT_NAME[f] ?? FACTORS[f as keyof typeof FACTORS].displayName} (${p})`]),
) as Record<StressProxy, string>;

type Figures = Omit<Extract<DecompositionResponse, { available: true }>, "portfolioId" | "available" | "asOfDate">;
export type DecompositionFiguresResult = { available: true; figures: Figures } | { available: false; reason: Extract<DecompositionResponse, { available: false }>["reason"]; detail: string };

/** The decomposition of a set of holdings (one book's, or several books' combined) on `date`. */
export async function decomposeHoldings(exposures: ReadonlyMap<string, number>, nav: number, date: IsoDate): Promise<DecompositionFiguresResult> {
  const from = new Date(Date.parse(date) - PRICE_LOOKBACK_DAYS * 86_400_000).toISOString().slice(0, 10);
  const start = from < CALENDAR_FIRST_DATE ? CALENDAR_FIRST_DATE : from;
  const rows = await loadPrices(getPool(), [...new Set([...STRESS_PROXIES, ...exposures.keys()])], start, date);
  const panel = buildPricePanel(rows, tradingDaysBetween(start, date));
  const d = computeDecomposition({ panel, date, exposures, nav });
  if (!d.available) return d;
  const { available: _, ...figures } = d;
  return { available: true, figures: { ...figures, factors: d.factors.map((f) => ({ ...f, label: PROXY_LABEL[f.proxy] })) } };
}

export async function getDecomposition(portfolio: PortfolioSummary, date?: string): Promise<DecompositionResponse> {
  const at = await findAsOfSnapshot(portfolio, date);
  if (!at.found) return at.unavailable;
  const asOfDate = at.value.asOfDate;
  const holdings = await loadStoredHoldings([portfolio.id], asOfDate);
  const exposures = new Map([...holdings].map(([s, h]) => [s, h.exposure]));
  const r = await decomposeHoldings(exposures, at.value.snapshot.nav ?? 0, asOfDate);
  if (!r.available) return { portfolioId: portfolio.id, available: false, asOfDate, reason: r.reason, detail: r.detail };
  return { portfolioId: portfolio.id, available: true, asOfDate, ...r.figures };
}
