// PATCH /api/portfolios/[id]/positions/[positionId] — edit quantity, entry, exit or private mark; results become stale until the next batch.
import { NextResponse } from "next/server";
import { z } from "zod";
import { fromZodError } from "@/lib/api/errors";
import { parseBody, withPortfolioOwner } from "@/lib/api/handler";
import { positionPatchSchema, updatePosition } from "@/lib/dal/update-position";

const params = z.object({ positionId: z.string().min(1).max(64) });

export const PATCH = withPortfolioOwner(async ({ req, portfolio, params: raw }) => {
  const parsed = params.safeParse(raw);
  if (!parsed.success) throw fromZodError(parsed.error, "params");
  const patch = await parseBody(req, positionPatchSchema, 16_000);
  return NextResponse.json(await updatePosition(portfolio, parsed.data.positionId, patch));
});
