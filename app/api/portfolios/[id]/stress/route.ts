// GET /api/portfolios/[id]/stress — every stress scenario's direct and correlated P&L as of ?date.
import { NextResponse } from "next/server";
import { asOfQuery } from "@/lib/contracts/analytics";
import { parseQuery, withPortfolio } from "@/lib/api/handler";
import { listStressResults } from "@/lib/dal/stress-results";

export const GET = withPortfolio(async ({ req, portfolio }) => {
  const { date } = parseQuery(req, asOfQuery);
  return NextResponse.json(await listStressResults(portfolio, date));
});
