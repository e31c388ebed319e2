import { NextResponse } from "next/server";
import { fromZodError } from "@/lib/api/errors";
import { withPortfolioOwner } from "@/lib/api/handler";
import { capitalFlowParams } from "@/lib/contracts/capital-flows";
import { deleteCapitalFlow } from "@/lib/dal/capital-flows";

// DELETE /api/portfolios/[id]/capital-flows/[flowId] — remove a mistaken flow; results become stale from its date.
export const DELETE = withPortfolioOwner(async ({ portfolio, params }) => {
  const parsed = capitalFlowParams.safeParse(params);
  if (!parsed.success) throw fromZodError(parsed.error, "params");
  return NextResponse.json(await deleteCapitalFlow(portfolio, parsed.data.flowId));
});
