import { NextResponse } from "next/server";
import { parseQuery, withAdmin } from "@/lib/api/handler";
import { currentAsOf } from "@/lib/dal/admin-as-of";
import { getFreshness } from "@/lib/dal/admin-freshness";
import { freshnessQuery } from "../schemas";

// GET /api/admin/freshness — last price date and status per needed symbol, and coverage of the last N trading days.
export const GET = withAdmin(async ({ req }) => {
  const { days, asOf } = parseQuery(req, freshnessQuery);
  const resolved = asOf ? { asOf, source: "query" } : await currentAsOf();
  return NextResponse.json(await getFreshness({ asOf: resolved.asOf, asOfSource: resolved.source, days }));
});
