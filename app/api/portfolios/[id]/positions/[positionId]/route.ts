// PATCH /api/portfolios/[id]/positions/[positionId] — edit quantity, entry, exit or private mark; results become stale until the next batch.
import { NextResponse } from "next/server";
import { fromZodError } from "@/lib/api/errors";
import { parseBody, withPortfolioOwner } from "@/lib/api/handler";
import { positionParams, positionPatchSchema } from "@/lib/contracts/positions";
import { updatePosition } from "@/lib/dal/update-position";

export const PATCH = withPortfolioOwner(async ({ req, portfolio, params: raw }) => {
  const parsed = positionParams.safeParse(raw);
  if (!parsed.success) throw fromZodError(parsed.error, "params");
  const patch = await parseBody(req, positionPatchSchema, 16_000);
  return NextResponse.json(await updatePosition(portfolio, parsed.data.positionId, patch));
});
