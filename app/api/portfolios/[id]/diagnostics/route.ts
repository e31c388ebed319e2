// GET /api/portfolios/[id]/diagnostics?date=&factor= — each position's stored regression (α, β, SE, t, p, R², n) per factor, as of ?date.
import { NextResponse } from "next/server";
import { diagnosticsQuery } from "@/lib/contracts/history";
import { parseQuery, withPortfolio } from "@/lib/api/handler";
import { getDiagnostics } from "@/lib/dal/diagnostics";

export const GET = withPortfolio(async ({ req, portfolio }) => NextResponse.json(await getDiagnostics(portfolio, parseQuery(req, diagnosticsQuery))));
