// The range choices of the history charts and the first day of each, counted back from the range's end
// (the page's date): calendar months, a day past the month's end clamped to its last day (31 March − 1M
// = 28 or 29 February). Pure, shared by the History page and its CSV links.
export const HISTORY_RANGES = ["1M", "3M", "6M", "1Y", "ALL"] as const;
export type HistoryRange = (typeof HISTORY_RANGES)[number];

const MONTHS: Record<Exclude<HistoryRange, "ALL">, number> = { "1M": 1, "3M": 3, "6M": 6, "1Y": 12 };

/** The first day of `range` ending on `to` (YYYY-MM-DD), or undefined for ALL. */
export function rangeFrom(to: string, range: HistoryRange): string | undefined {
  if (range === "ALL") return undefined;
  const [y, m, d] = to.split("-").map(Number) as [number, number, number];
  const month = m - 1 - MONTHS[range];
  const lastDay = new Date(Date.UTC(y, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, month, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/** The points of a series from the range's first day on (a history answer is oldest first). */
export function pointsInRange<P extends { date: string }>(points: readonly P[], to: string | null, range: HistoryRange): P[] {
  const from = to === null ? undefined : rangeFrom(to, range);
  return from === undefined ? [...points] : points.filter((p) => p.date >= from);
}
