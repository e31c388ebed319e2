// GET /api/portfolios/[id]/history/stress?scenario=KEY&from=&to= — one scenario's stored direct and correlated P&L on each complete day of the range.
import { NextResponse } from "next/server";
import { stressHistoryQuery } from "@/lib/contracts/history";
import { parseQuery, withPortfolio } from "@/lib/api/handler";
import { getStressHistory } from "@/lib/dal/history-stress";

export const GET = withPortfolio(async ({ req, portfolio }) => NextResponse.json(await getStressHistory(portfolio, parseQuery(req, stressHistoryQuery))));
