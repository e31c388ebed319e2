// The analytics endpoints of a portfolio (GET /api/portfolios/[id]/<endpoint>): their query and the
// zod schema of each answer. Pure, so the route handlers, the DAL and the pages share one definition.
import { z } from "zod";
import { isoDateSchema } from "@/lib/dates";
import { FACTOR_KEYS, type FactorKind } from "@/lib/factors/registry";
import { REASON_CODES } from "@/lib/reason-codes";
import { correlationExcludedSchema, reasonCodeSchema, sectionReasonSchema, sectorExposureSchema } from "@/lib/results/shapes";
import { STRESS_PROXIES } from "@/lib/factors/registry";
import { SHOCKABLE_FACTORS } from "@/lib/stress/scenarios";

/** ?date=YYYY-MM-DD (default: the latest complete snapshot). */
export const asOfQuery = z.object({ date: isoDateSchema.optional() }).strict();
export type AsOfQuery = z.infer<typeof asOfQuery>;

/** The factors endpoint also takes ?positions=1 for each position's betas. */
export const factorsQuery = asOfQuery.extend({ positions: z.enum(["0", "1"]).optional() }).strict();
export type FactorsQuery = z.infer<typeof factorsQuery>;

/** "Not computed yet" is a 200 with the reason, never a zero. */
const unavailableSchema = z.object({
  portfolioId: z.string(),
  available: z.literal(false),
  /** The date asked for, or null when no snapshot is complete yet. */
  asOfDate: isoDateSchema.nullable(),
  reason: z.enum(REASON_CODES),
  detail: z.string(),
});
export type Unavailable = z.infer<typeof unavailableSchema>;

/** The envelope of every analytics answer: the figures as of one snapshot date, or Unavailable. */
export function analytics<S extends z.ZodRawShape>(figures: S) {
  return z.discriminatedUnion("available", [
    z.object({ portfolioId: z.string(), available: z.literal(true), asOfDate: isoDateSchema, ...figures }),
    unavailableSchema,
  ]);
}

/** Any analytics answer, and its available branch. */
export type AnalyticsResponse = { portfolioId: string; available: true; asOfDate: string } | Unavailable;
export type Available<R> = Extract<R, { available: true }>;

export function isAvailable<R extends AnalyticsResponse>(r: R): r is Available<R> {
  return r.available;
}

/** The reason of an unavailable answer, else null (narrowing a generic answer needs a plain type). */
export function unavailableOf(r: AnalyticsResponse): Unavailable | null {
  return r.available ? null : r;
}

const num = z.number().nullable();

const longStaleSymbol = z.object({ symbol: z.string(), lastPriceDate: isoDateSchema, tradingDays: z.number().int() });
export type LongStaleSymbol = z.infer<typeof longStaleSymbol>;

export const overviewResponse = analytics({
  nav: num,
  pnlDay: num,
  pnlCumulative: num,
  dailyReturn: num,
  realizedPnl: num,
  capitalFlow: num,
  longExposure: num,
  shortExposure: num,
  grossExposure: num,
  netExposure: num,
  cash: num,
  privateValue: num,
  numPositions: num,
  numLong: num,
  numShort: num,
  /** Symbols valued on a carried (last known) price, and symbols whose data has not arrived. */
  carriedSymbols: z.array(z.string()),
  staleSymbols: z.array(z.string()),
  /** Stale symbols without a price for STALE_FLAG_DAYS trading days or more: possibly delisted. */
  longStale: z.array(longStaleSymbol),
});
export type OverviewResponse = z.infer<typeof overviewResponse>;

const FACTOR_KINDS = ["market", "macro", "style", "spread"] as const satisfies readonly FactorKind[];

const factorExposureRowSchema = z.object({
  factor: z.enum(FACTOR_KEYS),
  displayName: z.string(),
  kind: z.enum(FACTOR_KINDS),
  /** null when the batch stored no exposure for this factor on the date. */
  beta: num,
  dollars: num,
  coverage: num,
  lowCoverage: z.boolean().nullable(),
  rSquared: num,
  /** Why the batch stored no exposure for this factor on the date, when it said (else null). */
  missing: sectionReasonSchema.nullable(),
});
export type FactorExposureRow = z.infer<typeof factorExposureRowSchema>;

const positionBetasSchema = z.object({
  positionId: z.string(),
  symbol: z.string(),
  riskSymbol: z.string(),
  investmentClass: z.string(),
  exposure: z.number(),
  weight: z.number(),
  /** null for a factor without a beta for the risk symbol (private holdings have none). */
  betas: z.record(z.enum(FACTOR_KEYS), num),
});
export type PositionBetas = z.infer<typeof positionBetasSchema>;

export const factorsResponse = analytics({
  factors: z.array(factorExposureRowSchema),
  /** Only with ?positions=1. */
  positions: z.array(positionBetasSchema).optional(),
});
export type FactorsResponse = z.infer<typeof factorsResponse>;

export const VOL_TRENDS = ["rising", "falling", "stable"] as const;
export type VolTrend = (typeof VOL_TRENDS)[number];

export const volatilityResponse = analytics({
  vol21: num,
  vol63: num,
  forecastHar: num,
  forecastEwma: num,
  /** Share of the last 252 values of the 21-day vol strictly below today's, in [0, 1]. */
  percentile: num,
  trend: z.enum(VOL_TRENDS).nullable(),
  history: z.array(z.object({ date: isoDateSchema, vol21: num, forecastHar: num, forecastEwma: num })),
});
export type VolatilityResponse = z.infer<typeof volatilityResponse>;

const varRowSchema = z.object({
  method: z.enum(["historical", "parametric"]),
  confidence: z.union([z.literal(0.95), z.literal(0.99)]),
  /** Positive numbers are losses. */
  var: num,
  varPct: num,
  es: num,
  esPct: num,
});
export type VarRow = z.infer<typeof varRowSchema>;

export const varResponse = analytics({ nav: num, rows: z.array(varRowSchema) });
export type VarResponse = z.infer<typeof varResponse>;

export const correlationsResponse = analytics({
  symbols: z.array(z.string()),
  /** rows[i][j] = ρ(symbols[i], symbols[j]) */
  rows: z.array(z.array(z.number())),
  weights: z.array(z.number()),
  /** The window of log returns. */
  from: z.string(),
  to: z.string(),
  n: z.number().int(),
  averageAbsCorrelation: num,
  effectiveBets: num,
  excluded: correlationExcludedSchema,
});
export type CorrelationsResponse = z.infer<typeof correlationsResponse>;

export const concentrationResponse = analytics({
  hhi: z.number(),
  effectivePositions: num,
  top3Share: num,
  top10Share: num,
  /** Largest first; weight = |exposure| / Σ |exposure| over risk symbols. */
  weights: z.array(z.object({ symbol: z.string(), exposure: z.number(), weight: z.number() })),
});
export type ConcentrationResponse = z.infer<typeof concentrationResponse>;

export const sectorsResponse = analytics({ nav: num, ...sectorExposureSchema.shape });
export type SectorsResponse = z.infer<typeof sectorsResponse>;

const stressRowSchema = z.object({
  scenarioKey: z.string(),
  name: z.string(),
  category: z.string(),
  description: z.string(),
  directPnl: z.number(),
  directPct: z.number(),
  correlatedPnl: z.number(),
  correlatedPct: z.number(),
  /** correlated − direct */
  difference: z.number(),
  newNav: z.number(),
  exceedsNav: z.boolean(),
});
export type StressRow = z.infer<typeof stressRowSchema>;

export const stressListResponse = analytics({ scenarios: z.array(stressRowSchema) });
export type StressListResponse = z.infer<typeof stressListResponse>;

/** GET /api/portfolios/[id]/stress/[scenarioKey] */
export const stressParams = z.object({ scenarioKey: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be a scenario key") });

/** The return applied to each of the 8 proxies (stored as stress_results.shocks and shock_given). */
export const shockVectorSchema = z.array(
  z.object({
    proxy: z.enum(STRESS_PROXIES),
    /** The return of the proxy in the scenario (0.1 = +10 %). */
    shock: z.number(),
    /** true when the scenario sets it, false when completed by the conditional expectation. */
    given: z.boolean(),
  }),
);

/** One entry per shockable factor, derived on read from the shocks and the stored exposures (lib/risk/stress.ts, stressBreakdown). */
export const factorContributionsSchema = z.array(
  z.object({
    factor: z.enum(SHOCKABLE_FACTORS as [string, ...string[]]),
    proxy: z.enum(STRESS_PROXIES),
    shock: z.number(),
    given: z.boolean(),
    /** Displayed dollar exposure × shock; null for a factor the scenario does not shock. */
    direct: z.number().nullable(),
    /** Σ_i exposure_i · β^stress_i,f · x_f */
    correlated: z.number(),
  }),
);

/** Correlated P&L per position, derived on read from the stored shock vector and stress betas. */
export const positionContributionsSchema = z.array(
  z.object({
    positionId: z.string(),
    symbol: z.string(),
    riskSymbol: z.string(),
    exposure: z.number(),
    /** exposure × Σ_f β^stress_f x_f */
    linear: z.number(),
    /** ½ Γ (ΔS)² for options, else 0 */
    gamma: z.number(),
    total: z.number(),
  }),
);
export type PositionContributionRow = z.infer<typeof positionContributionsSchema>[number];
export type FactorContributionRow = z.infer<typeof factorContributionsSchema>[number];

export const stressDetailResponse = analytics({
  scenario: stressRowSchema,
  shockVector: shockVectorSchema,
  factorContributions: factorContributionsSchema,
  /** Largest |total| first. */
  positionContributions: positionContributionsSchema,
});
export type StressDetailResponse = z.infer<typeof stressDetailResponse>;

/** GET /api/portfolios/[id]/snapshots?from&to: NAV and P&L history of completed snapshots. */
export const snapshotsQuery = z.object({ from: isoDateSchema.optional(), to: isoDateSchema.optional() }).strict();
export type SnapshotsQuery = z.infer<typeof snapshotsQuery>;

const snapshotPointSchema = z.object({
  date: isoDateSchema,
  nav: num,
  pnlDay: num,
  pnlCumulative: num,
  dailyReturn: num,
  grossExposure: num,
  netExposure: num,
});
export type SnapshotPoint = z.infer<typeof snapshotPointSchema>;

export const snapshotsResponse = z.object({
  portfolioId: z.string(),
  available: z.boolean(),
  reason: reasonCodeSchema.optional(),
  snapshots: z.array(snapshotPointSchema),
});
export type SnapshotsResponse = z.infer<typeof snapshotsResponse>;
