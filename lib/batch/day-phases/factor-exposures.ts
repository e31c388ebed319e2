// FACTOR_EXPOSURES: the portfolio's beta and dollar exposure to each factor from the symbol betas of the
// date. A factor is stored only when it means something: a beta is dollars / NAV (no positive NAV, no
// factor rows), and a factor no held symbol has a beta for is left out with its reason, never shown as 0.
import type { IsoDate } from "@/lib/dates";
import type { FactorKey } from "@/lib/factors/registry";
import { portfolioFactorExposures } from "@/lib/risk/portfolio-exposure";
import type { PositionValue } from "@/lib/risk/position-exposure";
import type { SectionReason, SnapshotReasons } from "@/lib/results/shapes";
import type { SymbolFactorStats } from "../beta-store";
import { nonFinite, ok, skip } from "./outcome";
import type { ExposureRow, PhaseResult } from "./types";

export interface FactorExposuresInput {
  date: IsoDate;
  values: readonly PositionValue[];
  /** Each held symbol's betas and R² on the date (BetaStore.onDate). */
  betas: ReadonlyMap<string, SymbolFactorStats>;
  nav: number;
}

export interface FactorExposures {
  rows: ExposureRow[];
  reasons: SnapshotReasons;
}

const section = (r: SectionReason): PhaseResult<FactorExposures> => ({ outcome: skip(r.reason, r.detail), value: { rows: [], reasons: { factors: r } } });

/** Gross-exposure-weighted R² of the symbol regressions behind one factor. */
function weightedRSquared(values: readonly PositionValue[], betas: FactorExposuresInput["betas"], factor: FactorKey): number | null {
  let weighted = 0;
  let gross = 0;
  for (const pv of values) {
    if (pv.investmentClass === "PRIVATE") continue;
    const r2 = betas.get(pv.riskSymbol)?.rSquared[factor];
    if (r2 === undefined) continue;
    weighted += Math.abs(pv.exposure) * r2;
    gross += Math.abs(pv.exposure);
  }
  return gross > 0 ? weighted / gross : null;
}

export function factorExposuresPhase({ date, values, betas, nav }: FactorExposuresInput): PhaseResult<FactorExposures> {
  const table = new Map([...betas].map(([s, v]) => [s, v.betas]));
  const res = portfolioFactorExposures(values, table, nav);
  if (!res.available) return section({ reason: res.reason, detail: res.detail });
  if (!(nav > 0)) return section({ reason: "NAV_NOT_POSITIVE", detail: `NAV is ${nav}: a factor beta is dollar exposure / NAV, which needs a positive NAV` });
  // Coverage is a share of the gross: over a gross that overflowed it would read 0.
  const gross = values.reduce((s, v) => (v.investmentClass === "PRIVATE" ? s : s + Math.abs(v.exposure)), 0);
  if (!Number.isFinite(gross)) return section({ reason: "DEGENERATE_INPUT", detail: `gross exposure ${gross}: exposures too large to represent` });

  const rows: ExposureRow[] = [];
  const omitted: Partial<Record<FactorKey, SectionReason>> = {};
  for (const e of res.exposures) {
    if (e.coverage === 0) {
      omitted[e.factor] = { reason: "NOT_COMPUTED", detail: `no held symbol has a beta for this factor on ${date} (none for ${e.missingSymbols.join(", ")})` };
      continue;
    }
    // e.beta is null only for a NAV ≤ 0, handled above.
    const row: ExposureRow = { factor: e.factor, beta: e.beta!, dollars: e.dollars, coverage: e.coverage, lowCoverage: e.lowCoverage, rSquared: weightedRSquared(values, betas, e.factor) };
    const bad = nonFinite({ beta: row.beta, dollars: row.dollars, coverage: row.coverage, "R²": row.rSquared });
    if (bad.length) {
      omitted[e.factor] = { reason: "DEGENERATE_INPUT", detail: `${bad.join(", ")} not a finite number: exposures too large to represent` };
      continue;
    }
    rows.push(row);
  }
  const left = Object.values(omitted);
  if (rows.length === 0) {
    const all: SectionReason = {
      reason: left.some((r) => r.reason === "DEGENERATE_INPUT") ? "DEGENERATE_INPUT" : "NOT_COMPUTED",
      detail: [...new Set(left.map((r) => r.detail))].join("; "),
    };
    return { outcome: skip(all.reason, all.detail), value: { rows, reasons: { factors: all, omittedFactors: omitted } } };
  }
  return {
    outcome: ok({ factorsStored: rows.length, lowCoverage: rows.filter((r) => r.lowCoverage).length, ...(left.length ? { factorsOmitted: left.length } : {}) }),
    value: { rows, reasons: left.length ? { omittedFactors: omitted } : {} },
  };
}
