// GET /api/portfolios/[id]/correlations — correlation matrix of the largest positions as of ?date.
import { asOfQuery } from "@/lib/contracts/analytics";
import { withSnapshotAnswer } from "@/lib/api/snapshot-cache";
import { getCorrelations } from "@/lib/dal/correlations";

export const GET = withSnapshotAnswer(asOfQuery, (portfolio, { date }) => getCorrelations(portfolio, date));
