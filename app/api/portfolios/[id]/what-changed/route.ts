// GET /api/portfolios/[id]/what-changed — factor dollar and direct stress P&L changes between ?from and ?to (default: the last two complete days), split into positions, prices and betas.
import { NextResponse } from "next/server";
import { whatChangedQuery } from "@/lib/contracts/what-changed";
import { parseQuery, withPortfolio } from "@/lib/api/handler";
import { getWhatChanged } from "@/lib/dal/what-changed";

export const GET = withPortfolio(async ({ req, portfolio }) => {
  const { from, to } = parseQuery(req, whatChangedQuery);
  return NextResponse.json(await getWhatChanged(portfolio, from, to));
});
