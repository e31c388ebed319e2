// GET /api/aggregate?date=&ids=: several books taken as one (a manager's own, every book for an admin):
// NAV, P&L and exposures summed, every other figure computed on the combined holdings or the combined
// return series (docs/METHODOLOGY.md, "Aggregate book").
import { z } from "zod";
import { isoDateSchema } from "@/lib/dates";
import { FACTOR_KEYS } from "@/lib/factors/registry";
import { REASON_CODES } from "@/lib/reason-codes";
import { decompositionFigures } from "./decomposition";
import { performanceResponse } from "./performance";

/** ?ids=a,b (default: every active book the caller may read); ?date= a day every chosen book has complete. */
export const aggregateQuery = z
  .object({
    date: isoDateSchema.optional(),
    ids: z
      .string()
      .regex(/^[^,]+(,[^,]+)*$/, "must be portfolio ids separated by commas")
      .optional(),
  })
  .strict();
export type AggregateQuery = z.infer<typeof aggregateQuery>;

const reason = { reason: z.enum(REASON_CODES), detail: z.string() };
const num = z.number().nullable();
const { portfolioId: _p, available: _a, asOfDate: _d, ...performanceFigures } = performanceResponse.options[0].shape;

export const aggregateResponse = z.discriminatedUnion("available", [
  z.object({
    available: z.literal(true),
    asOfDate: isoDateSchema,
    books: z.array(z.object({ id: z.string(), name: z.string(), nav: z.number() })),
    /** Active books without results yet: not in the combined figures. */
    leftOut: z.array(z.object({ id: z.string(), name: z.string() })),
    nav: z.number(),
    pnlDay: z.number(),
    longExposure: z.number(),
    shortExposure: z.number(),
    grossExposure: z.number(),
    netExposure: z.number(),
    factors: z.array(z.object({ factor: z.enum(FACTOR_KEYS), label: z.string(), beta: num, dollars: z.number(), coverage: z.number(), lowCoverage: z.boolean() })),
    volatility: z.union([z.object({ available: z.literal(true), vol21: num, vol63: num, harForecast: num, ewmaForecast: num }), z.object({ available: z.literal(false), ...reason })]),
    var: z.array(z.object({ method: z.enum(["historical", "parametric"]), confidence: z.number(), var: z.number(), es: z.number(), varPct: z.number(), esPct: z.number() })),
    concentration: z.union([
      z.object({ available: z.literal(true), hhi: z.number(), effectivePositions: z.number(), top3Share: z.number(), top10Share: z.number() }),
      z.object({ available: z.literal(false), ...reason }),
    ]),
    correlation: z.union([
      z.object({ available: z.literal(true), symbols: z.array(z.string()), averageAbsCorrelation: num, effectiveBets: num }),
      z.object({ available: z.literal(false), ...reason }),
    ]),
    stress: z.array(z.object({ key: z.string(), name: z.string(), directPnl: z.number(), directPct: z.number(), correlatedPnl: z.number(), correlatedPct: z.number() })),
    decomposition: z.union([z.object({ available: z.literal(true), ...decompositionFigures }), z.object({ available: z.literal(false), ...reason })]),
    performance: z.union([z.object({ available: z.literal(true), ...performanceFigures }), z.object({ available: z.literal(false), ...reason })]),
  }),
  z.object({ available: z.literal(false), asOfDate: isoDateSchema.nullable(), ...reason }),
]);
export type AggregateResponse = z.infer<typeof aggregateResponse>;
