// GET /api/portfolios/[id]/var — historical and parametric 1-day VaR and ES at 95/99 % as of ?date.
import { NextResponse } from "next/server";
import { asOfQuery } from "@/lib/contracts/analytics";
import { parseQuery, withPortfolio } from "@/lib/api/handler";
import { getValueAtRisk } from "@/lib/dal/value-at-risk";

export const GET = withPortfolio(async ({ req, portfolio }) => {
  const { date } = parseQuery(req, asOfQuery);
  return NextResponse.json(await getValueAtRisk(portfolio, date));
});
