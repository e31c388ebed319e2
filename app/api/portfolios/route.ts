import { NextResponse } from "next/server";
import { parseBody, parseQuery, withUser } from "@/lib/api/handler";
import { portfolioCreateBody, portfolioListQuery } from "@/lib/contracts/portfolios";
import { currentAsOf } from "@/lib/dal/admin-as-of";
import { createPortfolio } from "@/lib/dal/create-portfolio";
import { listPortfolios } from "@/lib/dal/portfolios";

// GET /api/portfolios — the caller's active portfolios (all of them for an admin) with their latest NAV; ?archived=1 the archived ones.
export const GET = withUser(async ({ req, user }) => {
  const { archived } = parseQuery(req, portfolioListQuery);
  return NextResponse.json({ portfolios: await listPortfolios(user, { archived: archived === "1" }) });
});

// POST /api/portfolios — a new book owned by the caller; its inception is on or before the as-of date.
export const POST = withUser(async ({ req, user }) => {
  const body = await parseBody(req, portfolioCreateBody((await currentAsOf()).asOf), 16_000);
  return NextResponse.json({ portfolio: await createPortfolio(user, body) }, { status: 201 });
});
