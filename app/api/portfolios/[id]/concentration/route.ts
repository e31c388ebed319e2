// GET /api/portfolios/[id]/concentration — HHI, effective positions, top shares and weights by risk symbol as of ?date.
import { NextResponse } from "next/server";
import { asOfQuery } from "@/lib/contracts/analytics";
import { parseQuery, withPortfolio } from "@/lib/api/handler";
import { getConcentration } from "@/lib/dal/concentration";

export const GET = withPortfolio(async ({ req, portfolio }) => {
  const { date } = parseQuery(req, asOfQuery);
  return NextResponse.json(await getConcentration(portfolio, date));
});
