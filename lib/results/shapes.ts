// The shapes of the JSON columns the batch writes and the pages read: one definition for both sides,
// parsed on read so a drift fails loudly instead of rendering nonsense.
import { z } from "zod";
import { FACTOR_KEYS } from "@/lib/factors/registry";
import { REASON_CODES } from "@/lib/reason-codes";

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

/** correlation_matrices.excluded: eligible holdings left out of the matrix, and why (the matrix itself is a float8[]). */
export const correlationExcludedSchema = z.array(z.object({ symbol: z.string(), reason: reasonCodeSchema, detail: z.string() }));
export type StoredCorrelationExcluded = z.infer<typeof correlationExcludedSchema>;
