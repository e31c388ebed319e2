// GET /api/portfolios/[id]/overview — NAV, P&L, exposures, cash and counts of the snapshot as of ?date (default: the latest complete one).
import { NextResponse } from "next/server";
import { asOfQuery } from "@/lib/contracts/analytics";
import { parseQuery, withPortfolio } from "@/lib/api/handler";
import { getOverview } from "@/lib/dal/overview";

export const GET = withPortfolio(async ({ req, portfolio }) => {
  const { date } = parseQuery(req, asOfQuery);
  return NextResponse.json(await getOverview(portfolio, date));
});
