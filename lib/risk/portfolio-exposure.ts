// Portfolio factor exposure: β_p,f = Σ exposure_i·β_i,f / NAV and $_f = Σ exposure_i·β_i,f.
// A symbol without a beta contributes nothing; the coverage figure says how much exposure that leaves out.
// Definition and reference test: docs/METHODOLOGY.md, "Portfolio factor exposure and coverage".
import { FACTOR_KEYS, type FactorKey } from "@/lib/factors/registry";
import type { ReasonCode } from "@/lib/reason-codes";
import type { PositionValue } from "./position-exposure";

/** Below this share of non-private gross exposure with a beta, a factor exposure is flagged. */
export const MIN_FACTOR_COVERAGE = 0.8;

/**
 * Betas per symbol and factor for one date (the capped betas of symbol-betas.ts, or their stored rows);
 * a missing entry means "no beta" (e.g. too little history).
 */
export type BetaTable = ReadonlyMap<string, Partial<Record<FactorKey, number>>>;

export interface FactorExposure {
  factor: FactorKey;
  /** Portfolio beta β_p,f; null when NAV ≤ 0 (no meaningful ratio). */
  beta: number | null;
  /** Dollar exposure $_f. */
  dollars: number;
  /** Share of non-private gross exposure whose risk symbol has a beta for this factor, in [0, 1]. */
  coverage: number;
  lowCoverage: boolean;
  /** Risk symbols held without a beta for this factor, sorted. */
  missingSymbols: string[];
}

export type PortfolioFactorExposures =
  | { available: true; exposures: FactorExposure[] }
  | { available: false; reason: ReasonCode; detail: string };

export function portfolioFactorExposures(
  values: readonly PositionValue[],
  betas: BetaTable,
  nav: number,
  factors: readonly FactorKey[] = FACTOR_KEYS,
): PortfolioFactorExposures {
  const held = values.filter((v) => v.investmentClass !== "PRIVATE");
  const gross = held.reduce((s, v) => s + Math.abs(v.exposure), 0);
  if (held.length === 0 || gross === 0) {
    return { available: false, reason: "NO_PUBLIC_POSITIONS", detail: "no stock, ETF or option exposure to attribute to factors" };
  }
  const exposures = factors.map((factor): FactorExposure => {
    let dollars = 0;
    let covered = 0;
    const missing = new Set<string>();
    for (const v of held) {
      const beta = betas.get(v.riskSymbol)?.[factor];
      if (beta === undefined) {
        missing.add(v.riskSymbol);
        continue;
      }
      dollars += v.exposure * beta;
      covered += Math.abs(v.exposure);
    }
    const coverage = covered / gross;
    return {
      factor,
      beta: nav > 0 ? dollars / nav : null,
      dollars,
      coverage,
      lowCoverage: coverage < MIN_FACTOR_COVERAGE,
      missingSymbols: [...missing].sort(),
    };
  });
  return { available: true, exposures };
}
