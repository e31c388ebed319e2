// A vendor's adjusted closes are re-based over the whole history after every later dividend or split
// (FMP's dividend-adjusted series: each earlier close is scaled by the new adjustment factor). Stored
// closes on the old basis mixed with new ones on the new basis would turn the event into a false
// return (a −75 % day for a 4:1 split; a dividend lost on its ex-date). So each fetch overlaps the
// last stored days and this module says whether the vendor still agrees with what is stored.
import type { PriceRow } from "./price-file";

/** Closes that differ by more than this (relative) are on another basis: repeat answers of the same
 * history are identical, and the smallest dividend re-bases by about 1e-4. */
export const BASIS_TOLERANCE = 1e-6;

export interface BasisChange {
  /** Dates on which both the store and the vendor have a close. */
  comparedDates: number;
  /** The earliest compared date whose close changed. */
  firstChangedDate: string;
  changedDates: number;
  /** Vendor close / stored close over the changed dates: one factor for a pure re-basing (0.25 for a 4:1 split). */
  minRatio: number;
  maxRatio: number;
}

/**
 * Compares the closes of one symbol the store holds with the ones the vendor sent for the same dates;
 * null when they agree (or share no date: nothing to compare).
 */
export function basisChange(stored: readonly PriceRow[], fetched: readonly PriceRow[], tolerance = BASIS_TOLERANCE): BasisChange | null {
  const vendor = new Map(fetched.map((r) => [r.date, r.close]));
  let compared = 0;
  let changed = 0;
  let first: string | null = null;
  let minRatio = Number.POSITIVE_INFINITY;
  let maxRatio = Number.NEGATIVE_INFINITY;
  for (const row of stored) {
    const close = vendor.get(row.date);
    if (close === undefined) continue;
    compared++;
    const ratio = close / row.close;
    if (Math.abs(ratio - 1) <= tolerance) continue;
    changed++;
    if (first === null || row.date < first) first = row.date;
    minRatio = Math.min(minRatio, ratio);
    maxRatio = Math.max(maxRatio, ratio);
  }
  return first === null ? null : { comparedDates: compared, firstChangedDate: first, changedDates: changed, minRatio, maxRatio };
}
