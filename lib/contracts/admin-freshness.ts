// GET /api/admin/freshness?days&asOf: every symbol the batch needs with its last price date, and the
// coverage of the last N trading days.
import { z } from "zod";
import { isoDateSchema } from "@/lib/dates";

/** A date check the contract cannot make itself: the trading calendar is server data. */
export type TradingDayCheck = (date: string) => boolean;

/** An ISO date that is an NYSE trading day (a date outside the known calendar is refused). */
export function tradingDaySchema(isTradingDay: TradingDayCheck) {
  return isoDateSchema.refine((d) => {
    try {
      return isTradingDay(d);
    } catch {
      return false; // outside the NYSE calendar the app knows
    }
  }, "is not an NYSE trading day");
}

/** A page size: an integer from 1 to max, `fallback` when absent. */
export const pageLimit = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);

export const freshnessQuery = (isTradingDay: TradingDayCheck) => z.object({ days: pageLimit(250, 20), asOf: tradingDaySchema(isTradingDay).optional() }).strict();

export const freshnessResponse = z.object({
  asOf: isoDateSchema,
  asOfSource: z.string(),
  days: z.number().int(),
  symbols: z.array(
    z.object({
      symbol: z.string(),
      lastPriceDate: isoDateSchema.nullable(),
      status: z.enum(["fresh", "stale", "missing"]),
      name: z.string().nullable(),
      /** Trading days between the last price and the as-of date (0 when fresh, null when missing). */
      daysBehind: z.number().int().nullable(),
      /** Portfolios holding it directly or through options. */
      portfolios: z.number().int(),
      proxy: z.boolean(),
    }),
  ),
  counts: z.object({ fresh: z.number().int(), stale: z.number().int(), missing: z.number().int() }),
  coverage: z.array(
    z.object({
      date: isoDateSchema,
      requested: z.number().int(),
      received: z.number().int(),
      /** received / requested in percent (100 when nothing was requested). */
      pct: z.number(),
      missingSymbols: z.array(z.string()),
    }),
  ),
  requested: z.number().int(),
  received: z.number().int(),
  pct: z.number(),
});
export type FreshnessResponse = z.infer<typeof freshnessResponse>;
