import { NextResponse } from "next/server";
import { z } from "zod";
import { parseBody, withUser } from "@/lib/api/handler";
import { createScenario, listScenarios } from "@/lib/dal/scenarios";
import { scenarioDefinitionSchema } from "@/lib/stress/scenario-schema";

const customScenario = scenarioDefinitionSchema
  .extend({ key: z.string().regex(/^CUSTOM_[A-Z0-9_]{1,57}$/, "must start with CUSTOM_ and use A–Z, 0–9 and _") })
  .strict()
  .refine((s) => s.shocks.kind === "replay" || Object.keys(s.shocks.factors).length > 0 || s.shocks.rateBp !== undefined, {
    message: "a scenario must shock at least one factor or the rates",
    path: ["shocks"],
  })
  .refine((s) => s.shocks.kind !== "replay" || s.shocks.from < s.shocks.to, { message: "from must be before to", path: ["shocks", "from"] });

// GET /api/scenarios — the stress-scenario library (built-in and custom)
export const GET = withUser(async () => NextResponse.json({ scenarios: await listScenarios() }));

// POST /api/scenarios — add a custom scenario; the batch computes it from its next run (a forced rerun for past dates)
export const POST = withUser(async ({ req, user }) => {
  const def = await parseBody(req, customScenario, 16_000);
  const scenario = await createScenario(user, def);
  return NextResponse.json({ scenario, message: "Added: the next batch computes it; an admin's forced rerun computes it for past dates." }, { status: 201 });
});
