import "server-only";
// A portfolio's positions with their valuation and option Greeks on one snapshot date. Positions are
// listed even before any valuation exists (a fresh import), with null figures and the reason.
import type { PositionListResponse, PositionRow } from "@/lib/contracts/positions";
import { fromDbDate, toDbDate } from "@/lib/dates";
import { getPrisma } from "@/lib/db/prisma";
import { riskSymbolOf } from "@/lib/positions/risk-symbol";
import { findAsOfSnapshot } from "./as-of-snapshot";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";

const optDate = (d: Date | null) => (d === null ? null : fromDbDate(d));

export async function listPositions(portfolio: PortfolioSummary, date?: string): Promise<PositionListResponse> {
  const at = await findAsOfSnapshot(portfolio, date);
  const asOf = at.found ? toDbDate(at.value.asOfDate) : null;
  const rows = await getPrisma().position.findMany({
    where: { portfolioId: portfolio.id },
    orderBy: [{ investmentClass: "asc" }, { symbol: "asc" }, { entryDate: "asc" }],
    include: {
      // Before the first complete snapshot nothing is valued yet.
      valuations: { where: asOf ? { date: asOf } : {}, take: asOf ? 1 : 0 },
      greeks: { where: asOf ? { date: asOf } : {}, take: asOf ? 1 : 0 },
      marks: { where: asOf ? { date: { lte: asOf } } : {}, orderBy: { date: "desc" }, take: 1 },
    },
  });
  const positions = rows.map((p): PositionRow => {
    const v = p.valuations[0];
    const g = p.greeks[0];
    const m = p.marks[0];
    return {
      id: p.id,
      symbol: p.symbol,
      name: p.name,
      riskSymbol: riskSymbolOf(p),
      quantity: p.quantity,
      entryPrice: p.entryPrice,
      entryDate: fromDbDate(p.entryDate),
      exitPrice: p.exitPrice,
      exitDate: optDate(p.exitDate),
      positionType: p.positionType,
      investmentClass: p.investmentClass,
      subtype: p.subtype,
      underlying: p.underlying,
      strike: p.strike,
      expiry: optDate(p.expiry),
      multiplier: p.multiplier,
      lastMark: m ? { date: fromDbDate(m.date), price: m.price } : null,
      valuation: v ? { price: v.price, marketValue: v.marketValue, exposure: v.exposure, weight: v.weight, pnlDay: v.pnlDay, pnlTotal: v.pnlTotal, carried: v.carried } : null,
      greeks: g
        ? { underlyingPrice: g.underlyingPrice, volatility: g.volatility, timeToExpiry: g.timeToExpiry, price: g.price, delta: g.delta, gamma: g.gamma, theta: g.theta, vega: g.vega }
        : null,
    };
  });
  if (!at.found) return { ...at.unavailable, positions };
  return { portfolioId: portfolio.id, asOfDate: at.value.asOfDate, available: true, positions };
}
