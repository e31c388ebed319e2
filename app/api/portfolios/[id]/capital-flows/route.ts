import { NextResponse } from "next/server";
import { parseBody, withPortfolio, withPortfolioOwner } from "@/lib/api/handler";
import { capitalFlowBody } from "@/lib/contracts/capital-flows";
import { listCapitalFlows, recordCapitalFlow } from "@/lib/dal/capital-flows";
import { isTradingDay } from "@/lib/market-data/trading-calendar";

const flowBody = capitalFlowBody(isTradingDay);

// GET /api/portfolios/[id]/capital-flows — the book's deposits and withdrawals, oldest first.
export const GET = withPortfolio(async ({ portfolio }) => NextResponse.json({ portfolioId: portfolio.id, flows: await listCapitalFlows(portfolio) }));

// POST /api/portfolios/[id]/capital-flows — a deposit (> 0) or withdrawal (< 0) on a trading day; NAV moves from that day, P&L does not.
export const POST = withPortfolioOwner(async ({ req, portfolio }) => {
  const body = await parseBody(req, flowBody, 16_000);
  return NextResponse.json(await recordCapitalFlow(portfolio, body), { status: 201 });
});
