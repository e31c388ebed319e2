// GET /api/portfolios/[id]/volatility — realized and forecast volatility as of ?date, with the vol history for the chart.
import { NextResponse } from "next/server";
import { asOfQuery } from "@/lib/contracts/analytics";
import { parseQuery, withPortfolio } from "@/lib/api/handler";
import { getVolatility } from "@/lib/dal/volatility";

export const GET = withPortfolio(async ({ req, portfolio }) => {
  const { date } = parseQuery(req, asOfQuery);
  return NextResponse.json(await getVolatility(portfolio, date));
});
