// GET /api/portfolios/[id]/positions — positions with their valuation and option Greeks as of ?date.
import { NextResponse } from "next/server";
import { positionsQuery } from "@/lib/contracts/positions";
import { parseQuery, withPortfolio } from "@/lib/api/handler";
import { listPositions } from "@/lib/dal/positions";

export const GET = withPortfolio(async ({ req, portfolio }) => {
  const { date } = parseQuery(req, positionsQuery);
  return NextResponse.json(await listPositions(portfolio, date));
});
