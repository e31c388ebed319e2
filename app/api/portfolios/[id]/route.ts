import { NextResponse } from "next/server";
import { parseBody, withPortfolio, withPortfolioOwner } from "@/lib/api/handler";
import { portfolioDeleteBody, portfolioPatchBody } from "@/lib/contracts/portfolios";
import { deletePortfolio } from "@/lib/dal/delete-portfolio";
import { updatePortfolio } from "@/lib/dal/update-portfolio";

// GET /api/portfolios/[id] — one portfolio with its latest snapshot summary.
export const GET = withPortfolio(async ({ portfolio }) => NextResponse.json({ portfolio }));

// PATCH /api/portfolios/[id] — rename, describe, change the starting equity, archive or restore.
export const PATCH = withPortfolioOwner(async ({ req, user, portfolio }) => {
  const patch = await parseBody(req, portfolioPatchBody, 16_000);
  return NextResponse.json(await updatePortfolio(user, portfolio, patch));
});

// DELETE /api/portfolios/[id] — delete the book and every row that depends on it; the body repeats its name.
export const DELETE = withPortfolioOwner(async ({ req, portfolio }) => {
  const { confirmName } = await parseBody(req, portfolioDeleteBody, 16_000);
  return NextResponse.json(await deletePortfolio(portfolio, confirmName));
});
