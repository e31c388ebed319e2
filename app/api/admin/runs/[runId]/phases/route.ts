import { NextResponse } from "next/server";
import { fromZodError } from "@/lib/api/errors";
import { parseQuery, withAdmin } from "@/lib/api/handler";
import { listRunPhases } from "@/lib/dal/admin-run-phases";
import { getRunOrThrow } from "@/lib/dal/admin-runs";
import { phasesQuery, type PhasePageResponse, runIdParams } from "@/lib/contracts/admin-runs";

// GET /api/admin/runs/[runId]/phases — the run's phase rows, filtered by portfolio, phase, status or date, paginated.
export const GET = withAdmin(async ({ req, params }) => {
  const parsed = runIdParams.safeParse(params);
  if (!parsed.success) throw fromZodError(parsed.error, "params");
  const { runId } = parsed.data;
  const { portfolioId, phase, status, date, limit, cursor } = parseQuery(req, phasesQuery);
  await getRunOrThrow(runId);
  const page = await listRunPhases(runId, {
    limit,
    ...(portfolioId ? { portfolioId } : {}),
    ...(phase ? { phase } : {}),
    ...(status ? { status } : {}),
    ...(date ? { date } : {}),
    ...(cursor ? { cursor } : {}),
  });
  const body: PhasePageResponse = { runId, ...page };
  return NextResponse.json(body);
});
