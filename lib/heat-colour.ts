// Colours of a correlation heat-map cell: a solid background that deepens with |ρ| (blue positive,
// purple negative: a correlation is neither a gain nor a loss), and whichever of black or white text
// reads better on it, so every cell keeps a WCAG AA contrast of at least 4.5:1.

type Rgb = readonly [number, number, number];
const WHITE: Rgb = [255, 255, 255];
const POSITIVE: Rgb = [31, 94, 255];
const NEGATIVE: Rgb = [128, 58, 168];

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance. */
export function luminance([r, g, b]: Rgb): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const hex = (c: Rgb) => `#${c.map((v) => v.toString(16).padStart(2, "0")).join("")}`;

export function heatCellColours(rho: number): { background: string; color: string } {
  const a = Math.min(1, Math.abs(rho)) * 0.9;
  const end = rho >= 0 ? POSITIVE : NEGATIVE;
  const bg = WHITE.map((w, i) => Math.round(w + (end[i]! - w) * a)) as unknown as Rgb;
  const text: Rgb = contrastRatio(bg, [0, 0, 0]) >= contrastRatio(bg, WHITE) ? [0, 0, 0] : WHITE;
  return { background: hex(bg), color: hex(text) };
}
