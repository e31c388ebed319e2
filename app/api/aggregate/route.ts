// GET /api/aggregate — the caller's books (every book for an admin; ?ids= a subset) taken as one book, as of ?date (default: the latest day every book has complete).
import { NextResponse } from "next/server";
import { parseQuery, withUser } from "@/lib/api/handler";
import { aggregateQuery } from "@/lib/contracts/aggregate";
import { getAggregate } from "@/lib/dal/aggregate";

export const GET = withUser(async ({ req, user }) => {
  return NextResponse.json(await getAggregate(user, parseQuery(req, aggregateQuery)));
});
