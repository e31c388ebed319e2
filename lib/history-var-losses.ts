// The VaR and ES history as the losses they are: the history endpoint holds VaR and ES as positive
// sizes of a loss (docs/METHODOLOGY.md, "Value at Risk and Expected Shortfall"), while the pages show every loss
// negative (lib/format.ts formatLossUsd), so the chart plots each day's figure below zero. For display
// only: the endpoint and its CSV keep the stored sign.
import { VAR_SERIES, type VarHistoryResponse } from "@/lib/contracts/history";

type VarPoint = VarHistoryResponse["points"][number];

/** Each VaR and ES figure negated (a loss of $116,438 plotted at −116,438); a null stays a gap. */
export function varHistoryAsLosses(points: readonly VarPoint[]): VarPoint[] {
  return points.map((p) => {
    const out = { ...p };
    for (const k of VAR_SERIES) {
      const v = p[k];
      // 0 - v, not -v: no loss stays 0 rather than becoming -0.
      out[k] = v === null ? null : 0 - v;
    }
    return out;
  });
}
