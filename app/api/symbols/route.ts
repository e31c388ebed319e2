// GET /api/symbols — the listed symbols, for the add-position form.
import { NextResponse } from "next/server";
import { withUser } from "@/lib/api/handler";
import { listSymbols } from "@/lib/dal/symbols";

export const GET = withUser(async () => NextResponse.json(await listSymbols()));
