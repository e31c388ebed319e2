// GET /api/portfolios/[id]/performance — period returns, drawdown, risk-adjusted figures and the statistics against the book's benchmark, as of ?date (default: the latest complete snapshot).
import { NextResponse } from "next/server";
import { asOfQuery } from "@/lib/contracts/analytics";
import { parseQuery, withPortfolio } from "@/lib/api/handler";
import { getPerformance } from "@/lib/dal/performance";

export const GET = withPortfolio(async ({ req, portfolio }) => {
  const { date } = parseQuery(req, asOfQuery);
  return NextResponse.json(await getPerformance(portfolio, date));
});
