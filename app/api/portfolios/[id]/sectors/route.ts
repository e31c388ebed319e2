// GET /api/portfolios/[id]/sectors — gross and net exposure by GICS sector as of ?date.
import { asOfQuery } from "@/lib/contracts/analytics";
import { withSnapshotAnswer } from "@/lib/api/snapshot-cache";
import { getSectors } from "@/lib/dal/sectors";

export const GET = withSnapshotAnswer(asOfQuery, (portfolio, { date }) => getSectors(portfolio, date));
