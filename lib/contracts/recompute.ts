// A book's recompute state (after an edit, its results are recomputed from the earliest affected
// date) and the owner's request for a recompute.
import { z } from "zod";
import { isoDateSchema } from "@/lib/dates";

export const recomputeStatusResponse = z.discriminatedUnion("state", [
  /** Every stored day reflects the current inputs. */
  z.object({ state: z.literal("current") }),
  /** Marked, no run on it yet. */
  z.object({ state: z.literal("pending"), from: isoDateSchema }),
  /** A run is recomputing the book: `done` of `total` days written (total null while it plans). */
  z.object({ state: z.literal("running"), from: isoDateSchema.nullable(), done: z.number().int().nonnegative(), total: z.number().int().nonnegative().nullable(), runId: z.string() }),
]);
export type RecomputeStatus = z.infer<typeof recomputeStatusResponse>;

export const recomputeRequestBody = z.object({ from: isoDateSchema.optional() }).strict();
export type RecomputeRequestBody = z.infer<typeof recomputeRequestBody>;

/** How often an owner may ask for a recompute of one book. */
export const RECOMPUTE_REQUEST_INTERVAL_SECONDS = 60;

export const recomputeRequestedResponse = z.object({ recomputeFrom: isoDateSchema, message: z.string() });
