// GET /api/portfolios/[id]/snapshots — NAV and P&L history of completed snapshots.
import { NextResponse } from "next/server";
import { z } from "zod";
import { parseQuery, withPortfolio } from "@/lib/api/handler";
import { getSnapshotHistory } from "@/lib/dal/portfolios";
import { isoDateSchema } from "@/lib/dates";

const query = z.object({ from: isoDateSchema.optional(), to: isoDateSchema.optional() }).strict();

export const GET = withPortfolio(async ({ req, portfolio }) => {
  const range = parseQuery(req, query);
  const snapshots = await getSnapshotHistory(portfolio, range);
  return NextResponse.json({ portfolioId: portfolio.id, available: snapshots.length > 0, ...(snapshots.length ? {} : { reason: "NOT_COMPUTED" }), snapshots });
});
