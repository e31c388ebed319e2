// PATCH /api/scenarios/[key] — edit a custom scenario (its manager; an admin for a shared one); its books recompute.
// DELETE — remove it and its stored results.
import { NextResponse } from "next/server";
import { fromZodError } from "@/lib/api/errors";
import { parseBody, withUser } from "@/lib/api/handler";
import { scenarioParams, scenarioUpdateBody } from "@/lib/contracts/scenarios";
import { deleteScenario, updateScenario } from "@/lib/dal/scenarios";

function keyOf(raw: Record<string, string | string[]>): string {
  const parsed = scenarioParams.safeParse(raw);
  if (!parsed.success) throw fromZodError(parsed.error, "params");
  return parsed.data.key;
}

export const PATCH = withUser(async ({ req, user, params }) => {
  const key = keyOf(params);
  const def = await parseBody(req, scenarioUpdateBody, 16_000);
  const scenario = await updateScenario(user, key, def);
  return NextResponse.json({ scenario, message: "Saved: the books that compute it are being recomputed from inception." });
});

export const DELETE = withUser(async ({ user, params }) => {
  const key = keyOf(params);
  await deleteScenario(user, key);
  return NextResponse.json({ deleted: key });
});
