// zod schemas of the admin API's queries and bodies.
import { z } from "zod";
import { isoDateSchema } from "@/lib/dates";
import { BATCH_PHASES } from "@/lib/batch/types";
import { isTradingDay } from "@/lib/market-data/trading-calendar";
import { PhaseStatus, RunStatus } from "@/lib/generated/prisma/enums";

const tradingDay = isoDateSchema.refine((d) => {
  try {
    return isTradingDay(d);
  } catch {
    return false; // outside the NYSE calendar the app knows
  }
}, "is not an NYSE trading day");

const limit = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);

export const runsQuery = z
  .object({ status: z.enum(RunStatus).optional(), limit: limit(100, 25), cursor: z.string().min(1).optional() })
  .strict();

export const phasesQuery = z
  .object({
    portfolioId: z.string().min(1).optional(),
    phase: z.enum(BATCH_PHASES).optional(),
    status: z.enum(PhaseStatus).optional(),
    date: isoDateSchema.optional(),
    limit: limit(500, 100),
    cursor: z.string().min(1).optional(),
  })
  .strict();

export const startRunBody = z
  .object({
    portfolioIds: z.array(z.string().min(1)).min(1, "list at least one portfolio, or send null for all").max(1000).nullable().optional(),
    force: z
      .object({ from: tradingDay, to: tradingDay })
      .strict()
      .refine((f) => f.from <= f.to, { message: "must be on or before force.to", path: ["from"] })
      .nullable()
      .optional(),
    asOfDate: tradingDay.optional(),
  })
  .strict();

export const freshnessQuery = z.object({ days: limit(250, 20), asOf: tradingDay.optional() }).strict();

export const runIdParams = z.object({ runId: z.string().min(1).max(100) });
