// GET /api/portfolios/[id]/positions — positions with their valuation and option Greeks as of ?date.
import { NextResponse } from "next/server";
import { asOfQuery } from "@/lib/api/as-of-query";
import { parseQuery, withPortfolio } from "@/lib/api/handler";
import { listPositions } from "@/lib/dal/positions";

export const GET = withPortfolio(async ({ req, portfolio }) => {
  const { date } = parseQuery(req, asOfQuery);
  return NextResponse.json(await listPositions(portfolio, date));
});
