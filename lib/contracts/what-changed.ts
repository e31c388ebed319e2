// GET /api/portfolios/[id]/what-changed?from=&to=: each factor's dollar exposure change between two
// COMPLETE days split into positions, prices and betas, and each scenario's direct P&L change the same
// way (docs/METHODOLOGY.md, "What changed").
import { z } from "zod";
import { FACTOR_KEYS } from "@/lib/factors/registry";
import { isoDateSchema } from "@/lib/dates";
import { analytics } from "./analytics";

/** Both optional: `to` defaults to the latest complete day, `from` to the complete day before `to`. */
export const whatChangedQuery = z
  .object({ from: isoDateSchema.optional(), to: isoDateSchema.optional() })
  .strict()
  .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, { message: "must be before to", path: ["from"] });
export type WhatChangedQuery = z.infer<typeof whatChangedQuery>;

const contribution = z.object({ symbol: z.string(), value: z.number() });
const split = {
  change: z.number(),
  positions: z.number(),
  prices: z.number(),
  betas: z.number(),
  top: z.object({ positions: z.array(contribution), prices: z.array(contribution), betas: z.array(contribution) }),
};

export const whatChangedResponse = analytics({
  fromDate: isoDateSchema,
  factors: z.array(z.object({ factor: z.enum(FACTOR_KEYS), label: z.string(), dollarsFrom: z.number(), dollarsTo: z.number(), ...split })),
  scenarios: z.array(z.object({ key: z.string(), name: z.string(), directFrom: z.number(), directTo: z.number(), ...split })),
});
export type WhatChangedResponse = z.infer<typeof whatChangedResponse>;
