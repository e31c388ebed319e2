import { NextResponse } from "next/server";
import { fromZodError } from "@/lib/api/errors";
import { withAdmin } from "@/lib/api/handler";
import { getRunDetail } from "@/lib/dal/admin-run-detail";
import { runIdParams } from "@/lib/contracts/admin-runs";

// GET /api/admin/runs/[runId] — the run with its run-level phases and per-portfolio phase aggregates.
export const GET = withAdmin(async ({ params }) => {
  const parsed = runIdParams.safeParse(params);
  if (!parsed.success) throw fromZodError(parsed.error, "params");
  return NextResponse.json(await getRunDetail(parsed.data.runId));
});
