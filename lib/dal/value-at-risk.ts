import "server-only";
// Historical and parametric 1-day VaR and expected shortfall at 95 % and 99 %, in dollars and % of NAV.
import type { VarResponse, VarRow } from "@/lib/contracts/analytics";
import { findAsOfSnapshot, sectionUnavailable } from "./as-of-snapshot";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";

export async function getValueAtRisk(portfolio: PortfolioSummary, date?: string): Promise<VarResponse> {
  const at = await findAsOfSnapshot(portfolio, date);
  if (!at.found) return at.unavailable;
  const s = at.value.snapshot;
  if (s.var99Hist === null && s.var99Param === null) return sectionUnavailable(portfolio, at.value, "var", "value at risk");
  const pct = (v: number | null) => (v === null || s.nav === null || !(s.nav > 0) ? null : v / s.nav);
  const row = (method: VarRow["method"], confidence: VarRow["confidence"], v: number | null, es: number | null): VarRow => ({
    method,
    confidence,
    var: v,
    varPct: pct(v),
    es,
    esPct: pct(es),
  });
  return {
    portfolioId: portfolio.id,
    available: true,
    asOfDate: at.value.asOfDate,
    nav: s.nav,
    rows: [
      row("historical", 0.95, s.var95Hist, s.es95Hist),
      row("historical", 0.99, s.var99Hist, s.es99Hist),
      row("parametric", 0.95, s.var95Param, s.es95Param),
      row("parametric", 0.99, s.var99Param, s.es99Param),
    ],
  };
}
