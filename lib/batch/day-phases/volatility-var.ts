// VOLATILITY_VAR: the daily dollar P&L of today's holdings over the price history gives VaR and expected
// shortfall (dollar losses: any NAV will do), and on a positive NAV the returns behind realized and
// forecast volatility. A figure that is not a finite number is left out with DEGENERATE_INPUT.
import type { IsoDate } from "@/lib/dates";
import type { ReturnCache } from "@/lib/risk/returns";
import { valueAtRisk, type VarEstimate } from "@/lib/risk/var";
import { portfolioPnlSeries, VOL_HISTORY_RETURNS, volatilityMetrics, type VolMetricKey } from "@/lib/risk/volatility";
import type { SectionReason, SnapshotReasons } from "@/lib/results/shapes";
import { allFinite, NO_PUBLIC_DETAIL, nonFinite, ok, skip } from "./outcome";
import type { PhaseResult, SnapshotFigures } from "./types";

export interface VolatilityVarInput {
  date: IsoDate;
  returns: ReturnCache;
  /** Net signed exposure per risk symbol, private holdings excluded (publicExposureBySymbol). */
  publicExposures: ReadonlyMap<string, number>;
  nav: number;
}

export interface VolatilityVar {
  vol: SnapshotFigures["vol"];
  var: SnapshotFigures["var"];
  reasons: SnapshotReasons;
}

const NO_VOL: SnapshotFigures["vol"] = { vol21: null, vol63: null, har: null, ewma: null, percentile: null, trend: null };
const NO_VAR: SnapshotFigures["var"] = { var95Hist: null, var99Hist: null, es95Hist: null, es99Hist: null, var95Param: null, var99Param: null, es95Param: null, es99Param: null };

const METRIC_NAMES: Record<VolMetricKey, string> = {
  realized21: "21-day volatility",
  realized63: "63-day volatility",
  harForecast: "HAR forecast",
  ewmaForecast: "EWMA forecast",
  percentile: "volatility percentile",
  trend: "volatility trend",
};

function varFigure(est: VarEstimate, confidence: 0.95 | 0.99, field: "var" | "es"): number | null {
  if (!est.available) return null;
  return est.levels.find((l) => l.confidence === confidence)?.[field] ?? null;
}

export function volatilityVarPhase({ date, returns, publicExposures, nav }: VolatilityVarInput): PhaseResult<VolatilityVar> {
  const neither = (r: SectionReason): PhaseResult<VolatilityVar> => ({ outcome: skip(r.reason, r.detail), value: { vol: NO_VOL, var: NO_VAR, reasons: { volatility: r, var: r } } });
  if (publicExposures.size === 0) return neither({ reason: "NO_PUBLIC_POSITIONS", detail: NO_PUBLIC_DETAIL });
  const series = portfolioPnlSeries(returns, publicExposures, date, VOL_HISTORY_RETURNS);
  if (!series.available) return neither({ reason: series.reason, detail: series.detail });
  const n = series.dollarPnl.length;
  if (!allFinite(series.dollarPnl)) return neither({ reason: "DEGENERATE_INPUT", detail: "the holdings' daily P&L is not a finite number: exposures too large to represent" });
  const reasons: SnapshotReasons = {};

  const va = valueAtRisk(series.dollarPnl, nav);
  const v: SnapshotFigures["var"] = {
    var95Hist: varFigure(va.historical, 0.95, "var"),
    var99Hist: varFigure(va.historical, 0.99, "var"),
    es95Hist: varFigure(va.historical, 0.95, "es"),
    es99Hist: varFigure(va.historical, 0.99, "es"),
    var95Param: varFigure(va.parametric, 0.95, "var"),
    var99Param: varFigure(va.parametric, 0.99, "var"),
    es95Param: varFigure(va.parametric, 0.95, "es"),
    es99Param: varFigure(va.parametric, 0.99, "es"),
  };
  const badVar = nonFinite(v) as (keyof SnapshotFigures["var"])[];
  if (badVar.length) {
    for (const k of badVar) v[k] = null;
    reasons.var = { reason: "DEGENERATE_INPUT", detail: `${badVar.join(", ")}: not a finite number, the daily P&L is too large to square` };
  } else if (!va.historical.available) reasons.var = { reason: va.historical.reason, detail: va.historical.detail };

  let vol = NO_VOL;
  if (!(nav > 0)) reasons.volatility = { reason: "NAV_NOT_POSITIVE", detail: `NAV is ${nav}: volatility is of returns on NAV, which needs a positive NAV` };
  else {
    const m = volatilityMetrics({ dates: series.dates, returns: series.dollarPnl.map((l) => l / nav) });
    vol = { vol21: m.realized21, vol63: m.realized63, har: m.harForecast, ewma: m.ewmaForecast, percentile: m.percentile, trend: m.trend };
    const degenerate = (Object.keys(m.missing) as VolMetricKey[]).filter((k) => m.missing[k] === "DEGENERATE_INPUT");
    if (degenerate.length) {
      const names = degenerate.map((k) => METRIC_NAMES[k]).join(", ");
      reasons.volatility = { reason: "DEGENERATE_INPUT", detail: `${names}: not a finite number or a degenerate regression (the ${n} portfolio returns are constant or too large)` };
    } else if (m.realized21 === null) reasons.volatility = { reason: "INSUFFICIENT_HISTORY", detail: `${n} portfolio returns` };
  }
  return { outcome: ok({ returns: n }, Object.keys(reasons).length ? { reasons } : undefined), value: { vol, var: v, reasons } };
}
