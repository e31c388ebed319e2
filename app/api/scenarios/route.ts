import { NextResponse } from "next/server";
import { parseBody, withUser } from "@/lib/api/handler";
import { customScenarioBody, type ScenarioCreatedResponse, type ScenarioListResponse } from "@/lib/contracts/scenarios";
import { createScenario, listScenarios } from "@/lib/dal/scenarios";

// GET /api/scenarios — the caller's stress-scenario library: built-in, shared and their own
export const GET = withUser(async ({ user }) => {
  const body: ScenarioListResponse = { scenarios: await listScenarios(user) };
  return NextResponse.json(body);
});

// POST /api/scenarios — a custom scenario: a manager's own (their books only), or an admin's shared with every book;
// the books that compute it are recomputed from inception
export const POST = withUser(async ({ req, user }) => {
  const def = await parseBody(req, customScenarioBody, 16_000);
  const scenario = await createScenario(user, def);
  const books = scenario.scope === "shared" ? "every book" : "your books";
  const body: ScenarioCreatedResponse = { scenario, message: `Added: ${books} are being recomputed with it from inception.` };
  return NextResponse.json(body, { status: 201 });
});
