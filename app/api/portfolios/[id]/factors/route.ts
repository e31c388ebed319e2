// GET /api/portfolios/[id]/factors — the 12 factor exposures as of ?date; ?positions=1 adds each position's betas.
import { factorsQuery } from "@/lib/contracts/analytics";
import { withSnapshotAnswer } from "@/lib/api/snapshot-cache";
import { getFactorExposures } from "@/lib/dal/factor-exposures";

export const GET = withSnapshotAnswer(factorsQuery, (portfolio, { date, positions }) => getFactorExposures(portfolio, { positions: positions === "1", ...(date === undefined ? {} : { date }) }));
