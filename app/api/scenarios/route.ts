import { NextResponse } from "next/server";
import { parseBody, withUser } from "@/lib/api/handler";
import { customScenarioBody, type ScenarioCreatedResponse, type ScenarioListResponse } from "@/lib/contracts/scenarios";
import { createScenario, listScenarios } from "@/lib/dal/scenarios";

// GET /api/scenarios — the stress-scenario library (built-in and custom)
export const GET = withUser(async () => {
  const body: ScenarioListResponse = { scenarios: await listScenarios() };
  return NextResponse.json(body);
});

// POST /api/scenarios — add a custom scenario; the batch computes it from its next run (a forced rerun for past dates)
export const POST = withUser(async ({ req, user }) => {
  const def = await parseBody(req, customScenarioBody, 16_000);
  const scenario = await createScenario(user, def);
  const body: ScenarioCreatedResponse = { scenario, message: "Added: the next batch computes it; an admin's forced rerun computes it for past dates." };
  return NextResponse.json(body, { status: 201 });
});
