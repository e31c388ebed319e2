import { NextResponse } from "next/server";
import { fromZodError } from "@/lib/api/errors";
import { parseBody, withPortfolioOwner } from "@/lib/api/handler";
import { positionParams, positionPatchSchema } from "@/lib/contracts/positions";
import { deletePosition } from "@/lib/dal/delete-position";
import { updatePosition } from "@/lib/dal/update-position";

function positionIdOf(raw: Record<string, string | string[]>): string {
  const parsed = positionParams.safeParse(raw);
  if (!parsed.success) throw fromZodError(parsed.error, "params");
  return parsed.data.positionId;
}

// PATCH /api/portfolios/[id]/positions/[positionId] — edit quantity, entry, exit (a close) or private mark; results become stale until the next batch.
export const PATCH = withPortfolioOwner(async ({ req, portfolio, params }) => {
  const positionId = positionIdOf(params);
  const patch = await parseBody(req, positionPatchSchema, 16_000);
  return NextResponse.json(await updatePosition(portfolio, positionId, patch));
});

// DELETE /api/portfolios/[id]/positions/[positionId] — remove a mistaken position; results become stale from its entry.
export const DELETE = withPortfolioOwner(async ({ portfolio, params }) => NextResponse.json(await deletePosition(portfolio, positionIdOf(params))));
