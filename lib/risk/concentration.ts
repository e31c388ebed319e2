// Concentration: weights of |exposure| per symbol — lots merged, options on their underlying,
// private holdings included — over the gross; HHI, effective number of positions, top-3/top-10 shares.
// Definition and reference test: docs/METHODOLOGY.md, "Concentration".
import type { ReasonCode } from "@/lib/reason-codes";
import type { PositionValue } from "./position-exposure";

export interface SymbolWeight {
  symbol: string;
  /** Net signed exposure of the symbol's lots. */
  exposure: number;
  /** |exposure| / Σ |exposure|, in [0, 1]. */
  weight: number;
}

export type Concentration =
  | {
      available: true;
      /** Largest weight first. */
      weights: SymbolWeight[];
      /** Σ w² × 10,000, in (0, 10,000]. */
      hhi: number;
      /** 10,000 / HHI. */
      effectivePositions: number;
      top3Share: number;
      top10Share: number;
      /** Σ over symbols of |net exposure|: lots of one symbol offset each other before the absolute value. */
      gross: number;
    }
  | { available: false; reason: ReasonCode; detail: string };

export function concentration(values: readonly PositionValue[]): Concentration {
  const bySymbol = new Map<string, number>();
  for (const v of values) bySymbol.set(v.riskSymbol, (bySymbol.get(v.riskSymbol) ?? 0) + v.exposure);
  const gross = [...bySymbol.values()].reduce((s, e) => s + Math.abs(e), 0);
  if (gross === 0) return { available: false, reason: "NO_POSITIONS", detail: "no exposure to weigh" };
  const weights = [...bySymbol]
    .map(([symbol, exposure]) => ({ symbol, exposure, weight: Math.abs(exposure) / gross }))
    .sort((a, b) => b.weight - a.weight || (a.symbol < b.symbol ? -1 : 1));
  const hhi = weights.reduce((s, w) => s + w.weight * w.weight, 0) * 10_000;
  const topShare = (k: number) => weights.slice(0, k).reduce((s, w) => s + w.weight, 0);
  return { available: true, weights, hhi, effectivePositions: 10_000 / hhi, top3Share: topShare(3), top10Share: topShare(10), gross };
}
