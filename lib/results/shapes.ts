// The shapes of the JSON columns the batch writes and the pages read: one definition for both sides,
// parsed on read so a drift fails loudly instead of rendering nonsense.
import { z } from "zod";
import { FACTOR_KEYS, STRESS_PROXIES } from "@/lib/factors/registry";
import { REASON_CODES } from "@/lib/reason-codes";
import { SHOCKABLE_FACTORS } from "@/lib/stress/scenarios";

export const reasonCodeSchema = z.enum(REASON_CODES);

/** Why a group of snapshot figures is absent (snapshots.reasons). */
export const SNAPSHOT_SECTIONS = ["dailyReturn", "factors", "greeks", "volatility", "var", "correlations", "concentration", "sector", "stress"] as const;
export type SnapshotSection = (typeof SNAPSHOT_SECTIONS)[number];
export const sectionReasonSchema = z.object({ reason: reasonCodeSchema, detail: z.string() });
export type SectionReason = z.infer<typeof sectionReasonSchema>;
export const snapshotReasonsSchema = z.object({
  ...(Object.fromEntries(SNAPSHOT_SECTIONS.map((s) => [s, sectionReasonSchema.optional()])) as Record<SnapshotSection, z.ZodOptional<typeof sectionReasonSchema>>),
  /** Factors left out of the day's stored exposures (the others are stored), each with why. */
  omittedFactors: z.partialRecord(z.enum(FACTOR_KEYS), sectionReasonSchema).optional(),
});
export type SnapshotReasons = z.infer<typeof snapshotReasonsSchema>;

/** snapshots.sector_exposure */
export const sectorExposureSchema = z.object({
  buckets: z.array(
    z.object({
      sector: z.string(),
      gross: z.number(),
      net: z.number(),
      grossOfNav: z.number().nullable(),
      netOfNav: z.number().nullable(),
      positions: z.number().int(),
    }),
  ),
  unclassified: z.object({
    privateGross: z.number(),
    privateNet: z.number(),
    unknownGross: z.number(),
    unknownNet: z.number(),
    unknownSymbols: z.array(z.string()),
  }),
});
export type StoredSectorExposure = z.infer<typeof sectorExposureSchema>;

/** correlation_matrices.matrix: row-major rows in the order of correlation_matrices.symbols. */
export const correlationMatrixSchema = z.object({
  rows: z.array(z.array(z.number())),
  weights: z.array(z.number()),
  from: z.string(),
  to: z.string(),
  excluded: z.array(z.object({ symbol: z.string(), reason: reasonCodeSchema, detail: z.string() })),
});
export type StoredCorrelationMatrix = z.infer<typeof correlationMatrixSchema>;

/** stress_results.shock_vector: the return applied to each of the 8 proxies. */
export const shockVectorSchema = z.array(
  z.object({
    proxy: z.enum(STRESS_PROXIES),
    /** The return of the proxy in the scenario (0.1 = +10 %). */
    shock: z.number(),
    /** true when the scenario sets it, false when completed by the conditional expectation. */
    given: z.boolean(),
  }),
);
export type StoredShockVector = z.infer<typeof shockVectorSchema>;

/** stress_results.factor_contributions: one entry per shockable factor. */
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
export type StoredFactorContributions = z.infer<typeof factorContributionsSchema>;

/** stress_results.position_contributions: correlated P&L per position. */
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
export type StoredPositionContributions = z.infer<typeof positionContributionsSchema>;
