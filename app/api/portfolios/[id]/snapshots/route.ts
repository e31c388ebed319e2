// GET /api/portfolios/[id]/snapshots — NAV and P&L history of completed snapshots.
import { NextResponse } from "next/server";
import { parseQuery, withPortfolio } from "@/lib/api/handler";
import { snapshotsQuery, type SnapshotsResponse } from "@/lib/contracts/analytics";
import { getSnapshotHistory } from "@/lib/dal/portfolios";

export const GET = withPortfolio(async ({ req, portfolio }) => {
  const range = parseQuery(req, snapshotsQuery);
  const snapshots = await getSnapshotHistory(portfolio, range);
  const body: SnapshotsResponse = { portfolioId: portfolio.id, available: snapshots.length > 0, ...(snapshots.length ? {} : { reason: "NOT_COMPUTED" }), snapshots };
  return NextResponse.json(body);
});
