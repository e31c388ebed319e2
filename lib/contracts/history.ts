// The history endpoints of a portfolio (GET /api/portfolios/[id]/history/<figure>) and the regression
// diagnostics (GET /api/portfolios/[id]/diagnostics): their queries and answers. Each history answer
// has one point per COMPLETE snapshot in the range; a figure not stored that day is null (a gap, never
// 0), and a series null on every day carries why in words (docs/METHODOLOGY.md, "History").
import { z } from "zod";
import { isoDateSchema } from "@/lib/dates";
import { FACTOR_KEYS } from "@/lib/factors/registry";
import { analytics } from "./analytics";

/** ?from=&to= (each optional, inclusive): from the first / through the latest complete snapshot. */
const rangeFields = { from: isoDateSchema.optional(), to: isoDateSchema.optional() };
const fromNotAfterTo = (q: { from?: string; to?: string }) => q.from === undefined || q.to === undefined || q.from <= q.to;
const ORDER_MESSAGE = "must not be after to";

export const historyQuery = z.object(rangeFields).strict().refine(fromNotAfterTo, { path: ["from"], message: ORDER_MESSAGE });
export type HistoryQuery = z.infer<typeof historyQuery>;

/** The stress history also names its scenario (a key the caller's books compute). */
export const stressHistoryQuery = z
  .object({ ...rangeFields, scenario: z.string().regex(/^[A-Z0-9_]{2,80}$/, "is not a scenario key") })
  .strict()
  .refine(fromNotAfterTo, { path: ["from"], message: ORDER_MESSAGE });
export type StressHistoryQuery = z.infer<typeof stressHistoryQuery>;

const num = z.number().nullable();
/** Why a series has no value on any day of the range, in words; null when it has one. */
const seriesReason = z.string().nullable();

const historyEnvelope = {
  portfolioId: z.string(),
  /** The range asked for, resolved: null only when the book has no complete snapshot. */
  from: isoDateSchema.nullable(),
  to: isoDateSchema.nullable(),
};

const factorRecord = z.record(z.enum(FACTOR_KEYS), num);

export const factorHistoryResponse = z.object({
  ...historyEnvelope,
  factors: z.array(z.object({ factor: z.enum(FACTOR_KEYS), displayName: z.string(), unavailable: seriesReason })),
  points: z.array(z.object({ date: isoDateSchema, beta: factorRecord, dollars: factorRecord })),
});
export type FactorHistoryResponse = z.infer<typeof factorHistoryResponse>;

export const VOL_SERIES = ["vol21", "vol63", "forecastHar", "forecastEwma"] as const;
export type VolSeries = (typeof VOL_SERIES)[number];
export const volatilityHistoryResponse = z.object({
  ...historyEnvelope,
  unavailable: z.record(z.enum(VOL_SERIES), seriesReason),
  points: z.array(z.object({ date: isoDateSchema, vol21: num, vol63: num, forecastHar: num, forecastEwma: num })),
});
export type VolatilityHistoryResponse = z.infer<typeof volatilityHistoryResponse>;

export const VAR_SERIES = ["var95Hist", "var99Hist", "es95Hist", "es99Hist", "var95Param", "var99Param", "es95Param", "es99Param"] as const;
export type VarSeries = (typeof VAR_SERIES)[number];
export const varHistoryResponse = z.object({
  ...historyEnvelope,
  unavailable: z.record(z.enum(VAR_SERIES), seriesReason),
  points: z.array(z.object({ date: isoDateSchema, ...(Object.fromEntries(VAR_SERIES.map((k) => [k, num])) as Record<VarSeries, typeof num>) })),
});
export type VarHistoryResponse = z.infer<typeof varHistoryResponse>;

export const STRESS_SERIES = ["directPnl", "correlatedPnl"] as const;
export type StressSeries = (typeof STRESS_SERIES)[number];
export const stressHistoryResponse = z.object({
  ...historyEnvelope,
  scenario: z.object({ key: z.string(), name: z.string() }),
  unavailable: z.record(z.enum(STRESS_SERIES), seriesReason),
  points: z.array(z.object({ date: isoDateSchema, directPnl: num, correlatedPnl: num })),
});
export type StressHistoryResponse = z.infer<typeof stressHistoryResponse>;

/** ?date= (default: the latest complete snapshot) and ?factor= (default: every factor). */
export const diagnosticsQuery = z.object({ date: isoDateSchema.optional(), factor: z.enum(FACTOR_KEYS).optional() }).strict();
export type DiagnosticsQuery = z.infer<typeof diagnosticsQuery>;

/** One position × factor: the stored regression (symbol_factor_betas) of its risk symbol, as stored. */
const diagnosticRow = z.object({
  positionId: z.string(),
  symbol: z.string(),
  riskSymbol: z.string(),
  factor: z.enum(FACTOR_KEYS),
  displayName: z.string(),
  regression: z
    .object({
      alpha: num,
      beta: z.number(),
      rawBeta: z.number(),
      capped: z.boolean(),
      stdError: num,
      /** null also when the stored t is infinite (an exact fit: standard error 0), which JSON cannot carry. */
      tStat: num,
      pValue: num,
      rSquared: z.number(),
      n: z.number().int(),
      /** The fit is exact (standard error 0): its t-statistic is infinite. */
      exactFit: z.boolean(),
    })
    .nullable(),
  /** Why there is no regression for this position and factor, in words; null when there is one. */
  missing: z.string().nullable(),
});
export type DiagnosticRow = z.infer<typeof diagnosticRow>;

export const diagnosticsResponse = analytics({ factor: z.enum(FACTOR_KEYS).nullable(), rows: z.array(diagnosticRow) });
export type DiagnosticsResponse = z.infer<typeof diagnosticsResponse>;
