// CORRELATIONS: the correlation matrix of the significant holdings (chosen by their weight in NAV), its
// average |ρ| and the effective number of bets.
import type { IsoDate } from "@/lib/dates";
import type { PricePanel } from "@/lib/risk/panel";
import { correlationMatrix } from "@/lib/risk/correlation";
import type { SectionReason, SnapshotReasons } from "@/lib/results/shapes";
import { allFinite, NO_PUBLIC_DETAIL, nonFinite, ok, skip } from "./outcome";
import type { CorrelationRow, PhaseResult } from "./types";

export interface CorrelationsInput {
  date: IsoDate;
  panel: PricePanel;
  /** Net signed exposure per risk symbol, private holdings excluded (publicExposureBySymbol). */
  publicExposures: ReadonlyMap<string, number>;
  nav: number;
}

export interface Correlations {
  row: CorrelationRow | null;
  reasons: SnapshotReasons;
}

const none = (r: SectionReason): PhaseResult<Correlations> => ({ outcome: skip(r.reason, r.detail), value: { row: null, reasons: { correlations: r } } });

export function correlationsPhase({ date, panel, publicExposures, nav }: CorrelationsInput): PhaseResult<Correlations> {
  if (publicExposures.size === 0) return none({ reason: "NO_PUBLIC_POSITIONS", detail: NO_PUBLIC_DETAIL });
  const c = correlationMatrix(panel, publicExposures, nav, date);
  if (!c.available) return none({ reason: c.reason, detail: c.detail });
  const bad = nonFinite({ "average |ρ|": c.averageAbsCorrelation, "effective bets": c.effectiveBets });
  if (!allFinite(c.matrix)) bad.push("matrix");
  if (!allFinite(c.weights)) bad.push("weights");
  if (bad.length) return none({ reason: "DEGENERATE_INPUT", detail: `${bad.join(", ")}: not a finite number, exposures too large to represent` });
  const k = c.symbols.length;
  const row: CorrelationRow = {
    symbols: c.symbols,
    matrix: c.matrix,
    weights: c.weights,
    from: c.from,
    to: c.to,
    excluded: c.excluded,
    averageAbsCorrelation: c.averageAbsCorrelation,
    effectiveBets: c.effectiveBets,
    n: k,
  };
  return { outcome: ok({ symbols: k, excluded: c.excluded.length }), value: { row, reasons: {} } };
}
