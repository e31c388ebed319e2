// GET /api/portfolios/[id]/decomposition — factor and specific risk of the book's holdings, per proxy and per symbol, as of ?date (default: the latest complete snapshot).
import { NextResponse } from "next/server";
import { asOfQuery } from "@/lib/contracts/analytics";
import { parseQuery, withPortfolio } from "@/lib/api/handler";
import { getDecomposition } from "@/lib/dal/decomposition";

export const GET = withPortfolio(async ({ req, portfolio }) => {
  const { date } = parseQuery(req, asOfQuery);
  return NextResponse.json(await getDecomposition(portfolio, date));
});
