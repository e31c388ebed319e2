// GET /api/portfolios/[id]/history/var?from=&to= — stored VaR and ES (historical and parametric, 95 and 99 %) on each complete day of the range.
import { NextResponse } from "next/server";
import { historyQuery } from "@/lib/contracts/history";
import { parseQuery, withPortfolio } from "@/lib/api/handler";
import { getVarHistory } from "@/lib/dal/history-var";

export const GET = withPortfolio(async ({ req, portfolio }) => NextResponse.json(await getVarHistory(portfolio, parseQuery(req, historyQuery))));
