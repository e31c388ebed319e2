// GET /api/portfolios/[id]/correlations — correlation matrix of the largest positions as of ?date.
import { NextResponse } from "next/server";
import { asOfQuery } from "@/lib/contracts/analytics";
import { parseQuery, withPortfolio } from "@/lib/api/handler";
import { getCorrelations } from "@/lib/dal/correlations";

export const GET = withPortfolio(async ({ req, portfolio }) => {
  const { date } = parseQuery(req, asOfQuery);
  return NextResponse.json(await getCorrelations(portfolio, date));
});
