// GET /api/portfolios/[id]/var — historical and parametric 1-day VaR and ES at 95/99 % as of ?date.
import { asOfQuery } from "@/lib/contracts/analytics";
import { withSnapshotAnswer } from "@/lib/api/snapshot-cache";
import { getValueAtRisk } from "@/lib/dal/value-at-risk";

export const GET = withSnapshotAnswer(asOfQuery, (portfolio, { date }) => getValueAtRisk(portfolio, date));
