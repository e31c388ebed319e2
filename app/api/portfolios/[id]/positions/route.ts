import { NextResponse } from "next/server";
import { parseBody, parseQuery, withPortfolio, withPortfolioOwner } from "@/lib/api/handler";
import { positionCreateBody, positionsQuery } from "@/lib/contracts/positions";
import { createPosition } from "@/lib/dal/create-position";
import { listPositions } from "@/lib/dal/positions";
import { POSITION_SUBTYPES } from "@/lib/positions/position-rules";
import { INVESTMENT_CLASSES, POSITION_TYPES } from "@/lib/risk/position-exposure";

const createBody = positionCreateBody({ types: POSITION_TYPES, classes: INVESTMENT_CLASSES, subtypes: POSITION_SUBTYPES });

// GET /api/portfolios/[id]/positions — positions with their valuation and option Greeks as of ?date.
export const GET = withPortfolio(async ({ req, portfolio }) => {
  const { date } = parseQuery(req, positionsQuery);
  return NextResponse.json(await listPositions(portfolio, date));
});

// POST /api/portfolios/[id]/positions — add one position (the checks of a CSV row); results become stale from its entry.
export const POST = withPortfolioOwner(async ({ req, portfolio }) => {
  const body = await parseBody(req, createBody, 16_000);
  return NextResponse.json(await createPosition(portfolio, body), { status: 201 });
});
