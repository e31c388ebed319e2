// One line of the bench report: a measured value against its target (README, "Performance").
export interface BenchLine {
  name: string;
  value: number;
  unit: string;
  /** Upper bound from the README's performance targets (null: reported for information only); a lower bound with `atLeast`. */
  target: number | null;
  /** The target is a floor (a Lighthouse score), not a ceiling. */
  atLeast?: boolean;
  /** How the value was obtained when not measured directly at full size (e.g. scaled linearly). */
  note?: string;
  /** Extra figures for the batch lines: rows written, rows/s, peak RSS. */
  extra?: Record<string, number | string>;
}

export const verdict = (l: BenchLine): string => {
  if (l.target === null) return "info";
  if (l.atLeast) return l.value >= l.target ? "pass" : `short by ${round(l.target - l.value, 3)}`;
  return l.value <= l.target ? "pass" : `gap ×${(l.value / l.target).toFixed(2)}`;
};

/** "≤ 50 ms", "≥ 90 score", "—". */
export const targetText = (l: BenchLine): string => (l.target === null ? "—" : `${l.atLeast ? "≥" : "≤"} ${l.target} ${l.unit}`.trimEnd());

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
