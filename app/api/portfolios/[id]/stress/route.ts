// GET /api/portfolios/[id]/stress — every stress scenario's direct and correlated P&L as of ?date.
import { asOfQuery } from "@/lib/contracts/analytics";
import { withSnapshotAnswer } from "@/lib/api/snapshot-cache";
import { listStressResults } from "@/lib/dal/stress-results";

export const GET = withSnapshotAnswer(asOfQuery, (portfolio, { date }) => listStressResults(portfolio, date));
