import { NextResponse } from "next/server";
import { parseQuery, withAdmin } from "@/lib/api/handler";
import { freshnessQuery } from "@/lib/contracts/admin-freshness";
import { currentAsOf } from "@/lib/dal/admin-as-of";
import { getFreshness } from "@/lib/dal/admin-freshness";
import { isTradingDay } from "@/lib/market-data/trading-calendar";

const query = freshnessQuery(isTradingDay);

// GET /api/admin/freshness — last price date and status per needed symbol, and coverage of the last N trading days.
export const GET = withAdmin(async ({ req }) => {
  const { days, asOf } = parseQuery(req, query);
  const resolved = asOf ? { asOf, source: "query" } : await currentAsOf();
  return NextResponse.json(await getFreshness({ asOf: resolved.asOf, asOfSource: resolved.source, days }));
});
