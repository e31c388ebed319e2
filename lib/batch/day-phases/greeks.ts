// OPTION_GREEKS: the Black–Scholes Greeks of the open options. Valuation already priced them (premium
// and delta value the position); this phase reports them and keeps a Greek that is not a finite number
// out of the stored rows and out of the stress gamma term.
import type { SnapshotReasons } from "@/lib/results/shapes";
import { nonFinite, ok, skip } from "./outcome";
import type { GreekRow, PhaseResult } from "./types";

export interface OptionGreeksInput {
  greeks: readonly GreekRow[];
}

export interface OptionGreeks {
  /** The rows to store, every figure finite. */
  greeks: GreekRow[];
  reasons: SnapshotReasons;
}

export function optionGreeksPhase({ greeks }: OptionGreeksInput): PhaseResult<OptionGreeks> {
  if (greeks.length === 0) return { outcome: skip("NO_OPTIONS", "no open option positions"), value: { greeks: [], reasons: {} } };
  const rows: GreekRow[] = [];
  const dropped: string[] = [];
  for (const g of greeks) {
    const bad = nonFinite({ gamma: g.gamma, theta: g.theta, vega: g.vega, volatility: g.volatility, years: g.years });
    if (bad.length) dropped.push(`position ${g.positionId}: ${bad.join(", ")}`);
    else rows.push(g);
  }
  const reasons: SnapshotReasons = dropped.length ? { greeks: { reason: "DEGENERATE_INPUT", detail: `Greeks that are not finite numbers: ${dropped.join("; ")}` } } : {};
  if (rows.length === 0) return { outcome: skip("DEGENERATE_INPUT", reasons.greeks!.detail), value: { greeks: rows, reasons } };
  return { outcome: ok({ options: rows.length, ...(dropped.length ? { dropped: dropped.length } : {}) }), value: { greeks: rows, reasons } };
}
