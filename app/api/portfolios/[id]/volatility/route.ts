// GET /api/portfolios/[id]/volatility — realized and forecast volatility as of ?date, with the vol history for the chart.
import { asOfQuery } from "@/lib/contracts/analytics";
import { withSnapshotAnswer } from "@/lib/api/snapshot-cache";
import { getVolatility } from "@/lib/dal/volatility";

export const GET = withSnapshotAnswer(asOfQuery, (portfolio, { date }) => getVolatility(portfolio, date));
