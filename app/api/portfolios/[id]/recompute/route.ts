// GET /api/portfolios/[id]/recompute — is the book being recomputed after an edit, from which date, how far.
// POST — the owner asks for a recompute from `from` (default: inception); once a minute per book.
import { NextResponse } from "next/server";
import { parseBody, withPortfolio, withPortfolioOwner } from "@/lib/api/handler";
import { recomputeRequestBody } from "@/lib/contracts/recompute";
import { recomputeStatus, requestRecompute } from "@/lib/dal/recompute";

export const GET = withPortfolio(async ({ portfolio }) => NextResponse.json(await recomputeStatus(portfolio)));

export const POST = withPortfolioOwner(async ({ req, portfolio }) => {
  const body = await parseBody(req, recomputeRequestBody, 1_000);
  const { recomputeFrom, message } = await requestRecompute(portfolio, body.from);
  return NextResponse.json({ recomputeFrom, message }, { status: 202 });
});
