// The stress-scenario library (GET /api/scenarios) and custom scenarios (POST /api/scenarios), and the
// shape of a stored scenario's shocks (stress_scenarios.shocks): built-in ones come from the registry;
// custom ones are validated against the same shape.
import { z } from "zod";
import { isoDateSchema as isoDate } from "@/lib/dates";
import { SHOCKABLE_FACTORS, type ScenarioDefinition, type ShockableFactor } from "@/lib/stress/scenarios";
const shockReturn = z.number().gt(-1).lt(10);
type FixedFactor = Exclude<ShockableFactor, "IR">;
/** The factors a fixed scenario shocks by a return, from the registry (IR moves by `rateBp`). */
const fixedFactorShocks = Object.fromEntries(SHOCKABLE_FACTORS.filter((f) => f !== "IR").map((f) => [f, shockReturn])) as Record<FixedFactor, typeof shockReturn>;

const scenarioShocksSchema = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("fixed"),
      factors: z.object(fixedFactorShocks).partial().strict(),
      rateBp: z.number().min(-1000).max(1000).optional(),
    })
    .strict(),
  z.object({ kind: z.literal("replay"), from: isoDate, to: isoDate }).strict(),
]);

export const scenarioDefinitionSchema = z.object({
  // A manager's own scenario is stored under its key and an owner tag (lib/dal/scenarios.ts).
  key: z.string().regex(/^[A-Z0-9_]{2,80}$/),
  name: z.string().min(1).max(120),
  category: z.enum(["market", "rates", "style", "historical"]),
  description: z.string().max(500),
  shocks: scenarioShocksSchema,
}) satisfies z.ZodType<ScenarioDefinition>;

type ScenarioFields = Pick<ScenarioDefinition, "shocks">;
const shocksSomething = (s: ScenarioFields) => s.shocks.kind === "replay" || Object.keys(s.shocks.factors).length > 0 || s.shocks.rateBp !== undefined;
const replayForward = (s: ScenarioFields) => s.shocks.kind !== "replay" || s.shocks.from < s.shocks.to;

/** What a custom scenario says besides its key: it must shock something; a replay runs forward. */
const customFields = scenarioDefinitionSchema.omit({ key: true });
const customChecks = <S extends z.ZodType<ScenarioFields>>(schema: S) =>
  schema
    .refine(shocksSomething, { message: "a scenario must shock at least one factor or the rates", path: ["shocks"] })
    .refine(replayForward, { message: "from must be before to", path: ["shocks", "from"] });

/** A custom scenario: its key is prefixed, and it must shock something. */
export const customScenarioBody = customChecks(
  customFields.extend({ key: z.string().regex(/^CUSTOM_[A-Z0-9_]{1,57}$/, "must start with CUSTOM_ and use A–Z, 0–9 and _") }).strict(),
);
export type CustomScenarioBody = z.input<typeof customScenarioBody>;

/** An edit of a custom scenario: everything but its key. */
export const scenarioUpdateBody = customChecks(customFields.strict());
export type ScenarioUpdateBody = z.input<typeof scenarioUpdateBody>;

export const scenarioParams = z.object({ key: z.string().regex(/^[A-Z0-9_]{2,80}$/, "is not a scenario key") });

/** Who computes a scenario: every book (built-in, or shared by an admin) or one manager's books. */
export const SCENARIO_SCOPES = ["built-in", "shared", "private"] as const;

const scenarioSummarySchema = scenarioDefinitionSchema.extend({
  builtIn: z.boolean(),
  scope: z.enum(SCENARIO_SCOPES),
  /** The caller may edit and delete it: its manager, or an admin for a shared one. */
  editable: z.boolean(),
});
export type ScenarioSummary = z.infer<typeof scenarioSummarySchema>;

export const scenarioListResponse = z.object({ scenarios: z.array(scenarioSummarySchema) });
export type ScenarioListResponse = z.infer<typeof scenarioListResponse>;

export const scenarioCreatedResponse = z.object({ scenario: scenarioSummarySchema, message: z.string() });
export type ScenarioCreatedResponse = z.infer<typeof scenarioCreatedResponse>;

export const scenarioDeletedResponse = z.object({ deleted: z.string() });
