import "server-only";
// What each CSV export holds: one entry per file, built from the same data-access reads as the pages
// (so a download equals what the page shows), then serialized by lib/export/csv.ts. Figures are
// written as stored (fractions as fractions, dollars unrounded); a missing figure is an empty cell.
import { z } from "zod";
import { diagnosticsQuery, historyQuery, stressHistoryQuery } from "@/lib/contracts/history";
import { asOfQuery } from "@/lib/contracts/analytics";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";
import { getDiagnostics } from "@/lib/dal/diagnostics";
import { getFactorExposures } from "@/lib/dal/factor-exposures";
import { getFactorHistory } from "@/lib/dal/history-factors";
import { getStressHistory } from "@/lib/dal/history-stress";
import { getVarHistory } from "@/lib/dal/history-var";
import { getVolatilityHistory } from "@/lib/dal/history-volatility";
import { listPositions } from "@/lib/dal/positions";
import { getStressResult, listStressResults } from "@/lib/dal/stress-results";
import { getValueAtRisk } from "@/lib/dal/value-at-risk";
import { FACTOR_LIST } from "@/lib/factors/registry";
import { VAR_SERIES } from "@/lib/contracts/history";
import type { CsvCell } from "./csv";

export interface CsvTable {
  /** The date (or range) the file is as of, for its name. */
  label: string;
  header: string[];
  rows: CsvCell[][];
}

interface ExportDef<S extends z.ZodType> {
  query: S;
  build: (portfolio: PortfolioSummary, q: z.infer<S>) => Promise<CsvTable>;
}

const def = <S extends z.ZodType>(query: S, build: ExportDef<S>["build"]): ExportDef<S> => ({ query, build });

/** A table whose answer is "not available": the header and one line saying why. */
const unavailableTable = (header: string[], label: string, reason: string): CsvTable => ({ label, header, rows: [[`not available: ${reason}`]] });

const rangeLabel = (from: string | null, to: string | null) => (from && to ? `${from}_${to}` : "empty");

export const EXPORTS = {
  positions: def(asOfQuery, async (p, q) => {
    const r = await listPositions(p, q.date);
    const header = ["symbol", "name", "position_type", "investment_class", "subtype", "underlying", "quantity", "entry_price", "entry_date", "exit_price", "exit_date", "price", "market_value", "exposure", "weight", "pnl_day", "pnl_total", "carried_price"];
    return {
      label: r.asOfDate ?? "latest",
      header,
      rows: r.positions.map((x) => [
        x.symbol, x.name, x.positionType, x.investmentClass, x.subtype, x.underlying, x.quantity, x.entryPrice, x.entryDate, x.exitPrice, x.exitDate,
        x.valuation?.price, x.valuation?.marketValue, x.valuation?.exposure, x.valuation?.weight, x.valuation?.pnlDay, x.valuation?.pnlTotal, x.valuation?.carried,
      ]),
    };
  }),
  factors: def(asOfQuery, async (p, q) => {
    const header = ["level", "symbol", "factor", "beta", "dollars", "coverage", "low_coverage", "r_squared", "alpha", "raw_beta", "capped", "std_error", "t_stat", "p_value", "n", "note"];
    const f = await getFactorExposures(p, { date: q.date, positions: false });
    if (!f.available) return unavailableTable(header, f.asOfDate ?? "latest", f.detail);
    const d = await getDiagnostics(p, { date: f.asOfDate });
    const portfolioRows: CsvCell[][] = f.factors.map((x) => ["portfolio", null, x.displayName, x.beta, x.dollars, x.coverage, x.lowCoverage, x.rSquared, null, null, null, null, null, null, null, x.missing?.detail ?? null]);
    const positionRows: CsvCell[][] = d.available
      ? d.rows.map((x) => {
          const g = x.regression;
          return ["position", x.symbol, x.displayName, g?.beta, null, null, null, g?.rSquared, g?.alpha, g?.rawBeta, g?.capped, g?.stdError, g?.tStat, g?.pValue, g?.n, x.missing ?? (g?.exactFit ? "exact fit: standard error 0, t infinite" : null)];
        })
      : [];
    return { label: f.asOfDate, header, rows: [...portfolioRows, ...positionRows] };
  }),
  diagnostics: def(diagnosticsQuery, async (p, q) => {
    const header = ["symbol", "risk_symbol", "factor", "alpha", "beta", "raw_beta", "capped", "std_error", "t_stat", "p_value", "r_squared", "n", "note"];
    const d = await getDiagnostics(p, q);
    if (!d.available) return unavailableTable(header, d.asOfDate ?? "latest", d.detail);
    return {
      label: d.asOfDate,
      header,
      rows: d.rows.map((x) => {
        const g = x.regression;
        return [x.symbol, x.riskSymbol, x.displayName, g?.alpha, g?.beta, g?.rawBeta, g?.capped, g?.stdError, g?.tStat, g?.pValue, g?.rSquared, g?.n, x.missing ?? (g?.exactFit ? "exact fit: standard error 0, t infinite" : null)];
      }),
    };
  }),
  stress: def(asOfQuery, async (p, q) => {
    const header = ["scenario_key", "scenario", "row", "item", "direct_pnl", "direct_pct", "correlated_pnl", "correlated_pct", "new_nav", "exceeds_nav", "shock", "exposure", "linear", "gamma"];
    const list = await listStressResults(p, q.date);
    if (!list.available) return unavailableTable(header, list.asOfDate ?? "latest", list.detail);
    const rows: CsvCell[][] = [];
    for (const s of list.scenarios) {
      rows.push([s.scenarioKey, s.name, "total", null, s.directPnl, s.directPct, s.correlatedPnl, s.correlatedPct, s.newNav, s.exceedsNav]);
      const detail = await getStressResult(p, s.scenarioKey, list.asOfDate);
      if (!detail.available) continue;
      for (const f of detail.factorContributions) rows.push([s.scenarioKey, s.name, "factor", f.factor, f.direct, null, f.correlated, null, null, null, f.shock]);
      for (const x of detail.positionContributions) rows.push([s.scenarioKey, s.name, "position", x.symbol, null, null, x.total, null, null, null, null, x.exposure, x.linear, x.gamma]);
    }
    return { label: list.asOfDate, header, rows };
  }),
  var: def(asOfQuery, async (p, q) => {
    const header = ["method", "confidence", "var", "var_pct_nav", "es", "es_pct_nav"];
    const v = await getValueAtRisk(p, q.date);
    if (!v.available) return unavailableTable(header, v.asOfDate ?? "latest", v.detail);
    return { label: v.asOfDate, header, rows: v.rows.map((r) => [r.method, r.confidence, r.var, r.varPct, r.es, r.esPct]) };
  }),
  "history-factors": def(historyQuery, async (p, q) => {
    const h = await getFactorHistory(p, q);
    const header = ["date", ...FACTOR_LIST.flatMap((f) => [`${f.key.toLowerCase()}_beta`, `${f.key.toLowerCase()}_dollars`])];
    return { label: rangeLabel(h.from, h.to), header, rows: h.points.map((x) => [x.date, ...FACTOR_LIST.flatMap((f) => [x.beta[f.key], x.dollars[f.key]])]) };
  }),
  "history-volatility": def(historyQuery, async (p, q) => {
    const h = await getVolatilityHistory(p, q);
    return { label: rangeLabel(h.from, h.to), header: ["date", "vol_21", "vol_63", "forecast_har", "forecast_ewma"], rows: h.points.map((x) => [x.date, x.vol21, x.vol63, x.forecastHar, x.forecastEwma]) };
  }),
  "history-var": def(historyQuery, async (p, q) => {
    const h = await getVarHistory(p, q);
    return { label: rangeLabel(h.from, h.to), header: ["date", ...VAR_SERIES], rows: h.points.map((x) => [x.date, ...VAR_SERIES.map((k) => x[k])]) };
  }),
  "history-stress": def(stressHistoryQuery, async (p, q) => {
    const h = await getStressHistory(p, q);
    return { label: `${h.scenario.key}_${rangeLabel(h.from, h.to)}`, header: ["date", "direct_pnl", "correlated_pnl"], rows: h.points.map((x) => [x.date, x.directPnl, x.correlatedPnl]) };
  }),
} satisfies Record<string, ExportDef<z.ZodType>>;

export type ExportName = keyof typeof EXPORTS;
export const EXPORT_NAMES = Object.keys(EXPORTS) as ExportName[];

export function isExportName(name: string): name is ExportName {
  return Object.hasOwn(EXPORTS, name);
}
