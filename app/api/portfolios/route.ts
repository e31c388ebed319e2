// GET /api/portfolios — the caller's portfolios (all of them for an admin) with their latest NAV.
import { NextResponse } from "next/server";
import { withUser } from "@/lib/api/handler";
import { listPortfolios } from "@/lib/dal/portfolios";

export const GET = withUser(async ({ user }) => NextResponse.json({ portfolios: await listPortfolios(user) }));
