import { NextResponse } from "next/server";
import { parseBody, parseQuery, withAdmin } from "@/lib/api/handler";
import { listRuns } from "@/lib/dal/admin-runs";
import { startAdminRun } from "@/lib/dal/admin-start-run";
import { runsQuery, startRunBody } from "@/lib/contracts/admin-runs";
import { isTradingDay } from "@/lib/market-data/trading-calendar";

const startRunRequest = startRunBody(isTradingDay);

// GET /api/admin/runs — batch runs, newest first, filtered by status, paginated by cursor.
export const GET = withAdmin(async ({ req }) => {
  const { status, limit, cursor } = parseQuery(req, runsQuery);
  return NextResponse.json(await listRuns({ limit, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) }));
});

// POST /api/admin/runs — "Run now" or "Force rerun" (all portfolios or some, a date range); 202 once started.
export const POST = withAdmin(async ({ req, user }) => {
  const body = await parseBody(req, startRunRequest);
  const started = await startAdminRun(user, {
    portfolioIds: body.portfolioIds ? [...new Set(body.portfolioIds)] : null,
    force: body.force ?? null,
    ...(body.asOfDate ? { asOfDate: body.asOfDate } : {}),
  });
  return NextResponse.json(started, { status: 202 });
});
