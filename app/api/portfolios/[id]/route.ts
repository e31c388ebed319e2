// GET /api/portfolios/[id] — one portfolio with its latest snapshot summary.
import { NextResponse } from "next/server";
import { withPortfolio } from "@/lib/api/handler";

export const GET = withPortfolio(async ({ portfolio }) => NextResponse.json({ portfolio }));
