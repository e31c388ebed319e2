// GET /api/portfolios/[id]/stress/[scenarioKey] — one scenario as of ?date: shock vector, per-factor and per-position contributions.
import { NextResponse } from "next/server";
import { z } from "zod";
import { asOfQuery } from "@/lib/api/as-of-query";
import { fromZodError } from "@/lib/api/errors";
import { parseQuery, withPortfolio } from "@/lib/api/handler";
import { getStressResult } from "@/lib/dal/stress-results";

const params = z.object({ scenarioKey: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be a scenario key") });

export const GET = withPortfolio(async ({ req, portfolio, params: raw }) => {
  const parsed = params.safeParse(raw);
  if (!parsed.success) throw fromZodError(parsed.error, "params");
  const { date } = parseQuery(req, asOfQuery);
  return NextResponse.json(await getStressResult(portfolio, parsed.data.scenarioKey, date));
});
