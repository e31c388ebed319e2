// GET /api/portfolios/[id]/concentration — HHI, effective positions, top shares and weights by risk symbol as of ?date.
import { asOfQuery } from "@/lib/contracts/analytics";
import { withSnapshotAnswer } from "@/lib/api/snapshot-cache";
import { getConcentration } from "@/lib/dal/concentration";

export const GET = withSnapshotAnswer(asOfQuery, (portfolio, { date }) => getConcentration(portfolio, date));
