// GET /api/portfolios/[id]/sectors — gross and net exposure by GICS sector as of ?date.
import { NextResponse } from "next/server";
import { asOfQuery } from "@/lib/contracts/analytics";
import { parseQuery, withPortfolio } from "@/lib/api/handler";
import { getSectors } from "@/lib/dal/sectors";

export const GET = withPortfolio(async ({ req, portfolio }) => {
  const { date } = parseQuery(req, asOfQuery);
  return NextResponse.json(await getSectors(portfolio, date));
});
