// GET /api/portfolios/[id]/factors — the 12 factor exposures as of ?date; ?positions=1 adds each position's betas.
import { NextResponse } from "next/server";
import { factorsQuery } from "@/lib/contracts/analytics";
import { parseQuery, withPortfolio } from "@/lib/api/handler";
import { getFactorExposures } from "@/lib/dal/factor-exposures";

export const GET = withPortfolio(async ({ req, portfolio }) => {
  const { date, positions } = parseQuery(req, factorsQuery);
  return NextResponse.json(await getFactorExposures(portfolio, { positions: positions === "1", ...(date === undefined ? {} : { date }) }));
});
