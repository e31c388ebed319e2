// zod shape of a stored scenario's shocks (stress_scenarios.shocks): built-in ones come from the
// registry; custom ones are validated against the same shape.
import { z } from "zod";
import { isoDateSchema as isoDate } from "@/lib/dates";
import { SHOCKABLE_FACTORS, type ScenarioDefinition, type ShockableFactor } from "./scenarios";

const shockReturn = z.number().gt(-1).lt(10);
type FixedFactor = Exclude<ShockableFactor, "IR">;
/** The factors a fixed scenario shocks by a return, from the registry (IR moves by `rateBp`). */
const fixedFactorShocks = Object.fromEntries(SHOCKABLE_FACTORS.filter((f) => f !== "IR").map((f) => [f, shockReturn])) as Record<FixedFactor, typeof shockReturn>;

export const scenarioShocksSchema = z.discriminatedUnion("kind", [
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
  key: z.string().regex(/^[A-Z0-9_]{2,64}$/),
  name: z.string().min(1).max(120),
  category: z.enum(["market", "rates", "style", "historical"]),
  description: z.string().max(500),
  shocks: scenarioShocksSchema,
}) satisfies z.ZodType<ScenarioDefinition>;
