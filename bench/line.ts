// One line of the bench report: a measured value against its target (README, "Performance"). The
// targets are multiples of yardsticks measured in the same run (T_copy, /api/health), so a busy
// machine moves a line and its yardstick together.
export interface BenchTarget {
  bound: number;
  /** "at-most": the value must not exceed the bound (times); "at-least": not fall below it (throughput). */
  kind: "at-most" | "at-least";
}

export interface BenchLine {
  name: string;
  value: number;
  unit: string;
  /** The README's performance target (null: reported for information only). */
  target: BenchTarget | null;
  /** How the value was obtained when not measured directly at full size (e.g. scaled linearly). */
  note?: string;
  /** Absolute figures behind the value: seconds, rows written, rows/s, peak RSS, req/s. */
  extra?: Record<string, number | string>;
}

export const atMost = (bound: number): BenchTarget => ({ bound, kind: "at-most" });
export const atLeast = (bound: number): BenchTarget => ({ bound, kind: "at-least" });

/** "pass", or how far the line is from its target: a factor for a ceiling (×2.00 is twice too slow),
 * a difference for a floor (a score or a share "short by 7"). */
export function verdict(l: BenchLine): string {
  if (l.target === null) return "info";
  const { bound, kind } = l.target;
  if (kind === "at-most") return l.value <= bound ? "pass" : `gap ×${(l.value / bound).toFixed(2)}`;
  return l.value >= bound ? "pass" : `short by ${round(bound - l.value, 3)}`;
}

export const targetText = (l: BenchLine): string => (l.target === null ? "—" : `${l.target.kind === "at-most" ? "≤" : "≥"} ${l.target.bound} ${l.unit}`);

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
