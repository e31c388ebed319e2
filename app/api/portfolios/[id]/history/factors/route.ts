// GET /api/portfolios/[id]/history/factors?from=&to= — each factor's stored beta and dollars on each complete day of the range.
import { NextResponse } from "next/server";
import { historyQuery } from "@/lib/contracts/history";
import { parseQuery, withPortfolio } from "@/lib/api/handler";
import { getFactorHistory } from "@/lib/dal/history-factors";

export const GET = withPortfolio(async ({ req, portfolio }) => NextResponse.json(await getFactorHistory(portfolio, parseQuery(req, historyQuery))));
