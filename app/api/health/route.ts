// GET /api/health — liveness and database reachability (open to load balancers, no session).
import { NextResponse } from "next/server";
import { withPublic } from "@/lib/api/public";
import { getPool } from "@/lib/db/pool";

export const dynamic = "force-dynamic";

export const GET = withPublic(async () => {
  const started = performance.now();
  await getPool().query("select 1");
  return NextResponse.json({ status: "ok", database: { latencyMs: Math.round(performance.now() - started) } });
});
