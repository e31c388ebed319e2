// GET /api/portfolios/[id]/performance: the book's returns, drawdown, risk-adjusted figures and its
// statistics against its benchmark, as of ?date= (docs/METHODOLOGY.md, "Performance").
import { z } from "zod";
import { isoDateSchema } from "@/lib/dates";
import { analytics } from "./analytics";

export const PERFORMANCE_PERIODS = ["MTD", "QTD", "YTD", "1Y", "ITD"] as const;

/** A figure, or null with the reason in words. */
const figure = z.union([z.object({ value: z.number(), reason: z.null() }), z.object({ value: z.null(), reason: z.string() })]);
export type PerformanceFigure = z.infer<typeof figure>;

const window = z.object({ from: isoDateSchema, to: isoDateSchema, n: z.number().int() }).nullable();

export const performanceResponse = analytics({
  inceptionDate: isoDateSchema,
  benchmarkSymbol: z.string(),
  riskFreeRate: z.number(),
  periods: z.array(
    z.object({
      period: z.enum(PERFORMANCE_PERIODS),
      value: z.number().nullable(),
      from: isoDateSchema.nullable(),
      to: isoDateSchema.nullable(),
      returns: z.number().int(),
      expected: z.number().int(),
      partial: z.boolean(),
      reason: z.string().nullable(),
    }),
  ),
  drawdown: z
    .object({ value: z.number(), peakDate: isoDateSchema.nullable(), troughDate: isoDateSchema.nullable(), recoveryDate: isoDateSchema.nullable() })
    .nullable(),
  riskAdjusted: z.object({ window, annualisedReturn: figure, annualisedVol: figure, sharpe: figure, sortino: figure }),
  benchmark: z.object({ window, beta: figure, alpha: figure, rSquared: figure, trackingError: figure, informationRatio: figure }),
  cumulative: z.array(z.object({ date: isoDateSchema, portfolio: z.number(), benchmark: z.number() })),
});
export type PerformanceResponse = z.infer<typeof performanceResponse>;
