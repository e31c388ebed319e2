// GET /api/portfolios/[id]/decomposition — factor and specific risk of the book's holdings, per proxy and per symbol, as of ?date (default: the latest complete snapshot).
import { asOfQuery } from "@/lib/contracts/analytics";
import { withSnapshotAnswer } from "@/lib/api/snapshot-cache";
import { getDecomposition } from "@/lib/dal/decomposition";

export const GET = withSnapshotAnswer(asOfQuery, (portfolio, { date }) => getDecomposition(portfolio, date));
