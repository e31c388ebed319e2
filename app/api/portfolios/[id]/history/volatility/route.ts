// GET /api/portfolios/[id]/history/volatility?from=&to= — stored realized volatility and its forecasts on each complete day of the range.
import { NextResponse } from "next/server";
import { historyQuery } from "@/lib/contracts/history";
import { parseQuery, withPortfolio } from "@/lib/api/handler";
import { getVolatilityHistory } from "@/lib/dal/history-volatility";

export const GET = withPortfolio(async ({ req, portfolio }) => NextResponse.json(await getVolatilityHistory(portfolio, parseQuery(req, historyQuery))));
