// Small helpers the day phases share: their telemetry outcomes and the check that keeps NaN and
// Infinity out of stored figures.
import type { ReasonCode } from "@/lib/reason-codes";
import type { PhaseCounts, PhaseOutcome } from "../types";

export const ok = (counts?: PhaseCounts, details?: Record<string, unknown>): PhaseOutcome => ({ status: "succeeded", ...(counts ? { counts } : {}), ...(details ? { details } : {}) });

export const skip = (reason: ReasonCode, detail: string, counts?: PhaseCounts): PhaseOutcome => ({ status: "skipped", reason, details: { detail }, ...(counts ? { counts } : {}) });

/** The names of the figures that are numbers but not finite (null means absent, which is fine). */
export function nonFinite(figures: Record<string, number | null>): string[] {
  return Object.entries(figures).flatMap(([name, v]) => (v === null || Number.isFinite(v) ? [] : [name]));
}

/** True when every number in the arrays is finite. */
export function allFinite(...arrays: readonly ArrayLike<number>[]): boolean {
  for (const a of arrays) for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i]!)) return false;
  return true;
}

/** Why a book of private holdings only has no market analytics. */
export const NO_PUBLIC_DETAIL = "only private holdings: valued from their marks, no market analytics";
