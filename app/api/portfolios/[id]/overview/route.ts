// GET /api/portfolios/[id]/overview — NAV, P&L, exposures, cash and counts of the snapshot as of ?date (default: the latest complete one).
import { asOfQuery } from "@/lib/contracts/analytics";
import { withSnapshotAnswer } from "@/lib/api/snapshot-cache";
import { getOverview } from "@/lib/dal/overview";

export const GET = withSnapshotAnswer(asOfQuery, (portfolio, { date }) => getOverview(portfolio, date));
