// One line of the bench report: a measured value against its target (README, "Performance").
export interface BenchLine {
  name: string;
  value: number;
  unit: string;
  /** Upper bound from the README's performance targets (null: reported for information only). */
  target: number | null;
  /** How the value was obtained when not measured directly at full size (e.g. scaled linearly). */
  note?: string;
  /** Extra figures for the batch lines: rows written, rows/s, peak RSS. */
  extra?: Record<string, number | string>;
}

export const verdict = (l: BenchLine): string =>
  l.target === null ? "info" : l.value <= l.target ? "pass" : `gap ×${(l.value / l.target).toFixed(2)}`;

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
