// GET /api/portfolios/[id]/stress/[scenarioKey] — one scenario as of ?date: shock vector, per-factor and per-position contributions.
import { NextResponse } from "next/server";
import { asOfQuery, stressParams } from "@/lib/contracts/analytics";
import { fromZodError } from "@/lib/api/errors";
import { parseQuery, withPortfolio } from "@/lib/api/handler";
import { getStressResult } from "@/lib/dal/stress-results";

export const GET = withPortfolio(async ({ req, portfolio, params: raw }) => {
  const parsed = stressParams.safeParse(raw);
  if (!parsed.success) throw fromZodError(parsed.error, "params");
  const { date } = parseQuery(req, asOfQuery);
  return NextResponse.json(await getStressResult(portfolio, parsed.data.scenarioKey, date));
});
