"use client";
// Regression diagnostics: for each position and factor, the stored regression of its risk symbol
// (α, β, its standard error, t, p, R², n) as of the page's date; one factor (?factor=) or one position
// (?symbol=) at a time, from a factor card's or a position's "Diagnostics" link.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { AnalyticsSection } from "@/components/analytics-section";
import { useAsOfDate } from "@/components/date-travel/use-as-of-date";
import { CsvLink } from "@/components/export/csv-link";
import { TableRegion } from "@/components/table-region";
import { useApi } from "@/components/use-api";
import type { DiagnosticRow } from "@/lib/contracts/history";
import { FACTOR_LIST, type FactorKey, isFactorKey } from "@/lib/factors/registry";
import { formatNum } from "@/lib/format";

export function DiagnosticsView({ portfolioId }: { portfolioId: string }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const date = useAsOfDate();
  const asked = params.get("factor");
  const factor: FactorKey | undefined = asked !== null && isFactorKey(asked) ? asked : undefined;
  const symbol = params.get("symbol") ?? undefined;
  const query = useApi("diagnostics", portfolioId, { ...(date === undefined ? {} : { date }), ...(factor === undefined ? {} : { factor }) });
  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined) next.delete(key);
    else next.set(key, value);
    router.replace(`${pathname}${next.size ? `?${next}` : ""}`);
  };
  return (
    <AnalyticsSection title="Regression diagnostics" testId="diagnostics-section" query={query}>
      {(d) => {
        const rows = symbol === undefined ? d.rows : d.rows.filter((r) => r.symbol === symbol);
        return (
          <>
            <div className="history-controls">
              <label className="inline-field">
                Factor{" "}
                <select value={factor ?? ""} onChange={(e) => setParam("factor", e.target.value || undefined)} data-testid="diagnostics-factor-select">
                  <option value="">All factors</option>
                  {FACTOR_LIST.map((f) => (
                    <option key={f.key} value={f.key}>{f.displayName}</option>
                  ))}
                </select>
              </label>
              {symbol !== undefined && (
                <span data-testid="diagnostics-symbol">
                  Position {symbol}{" "}
                  <button type="button" className="secondary small" onClick={() => setParam("symbol", undefined)}>
                    Show every position
                  </button>
                </span>
              )}
            </div>
            {rows.length === 0 ? (
              <p className="muted" data-testid="unavailable-reason">No position {symbol ? `named ${symbol} ` : ""}is valued on {d.asOfDate}.</p>
            ) : (
              <DiagnosticsTable rows={rows} oneFactor={factor !== undefined} />
            )}
            <CsvLink portfolioId={portfolioId} file="diagnostics" query={{ date: d.asOfDate, factor }} about="regression diagnostics" />
          </>
        );
      }}
    </AnalyticsSection>
  );
}

/** β and its significance first, so a phone shows them before the table scrolls; the factor column only when several are listed. */
function DiagnosticsTable({ rows, oneFactor }: { rows: DiagnosticRow[]; oneFactor: boolean }) {
  return (
    <TableRegion label="Regression diagnostics">
      <table className="dense" data-testid="diagnostics-table">
        <thead>
          <tr>
            <th>Position</th>
            {!oneFactor && <th>Factor</th>}
            <th className="num">β</th>
            <th className="num">SE</th>
            <th className="num">t</th>
            <th className="num">p</th>
            <th className="num">R²</th>
            <th className="num">n</th>
            <th className="num">α (daily)</th>
            <th className="num">raw β</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const g = r.regression;
            return (
              <tr key={`${r.positionId}-${r.factor}`} data-testid={`diagnostics-row-${r.symbol}-${r.factor}`}>
                <td title={r.riskSymbol === r.symbol ? undefined : `regressed on ${r.riskSymbol}`}>{r.symbol}</td>
                {!oneFactor && <td>{r.displayName}</td>}
                {g === null ? (
                  <td colSpan={8} className="muted" data-testid="diagnostics-missing">
                    Not available: {r.missing}.
                  </td>
                ) : (
                  <>
                    <td className="num" data-testid="diagnostics-beta">
                      {formatNum(g.beta, 3)}
                      {g.capped && <span className="badge partial"> capped</span>}
                    </td>
                    <td className="num">{formatNum(g.stdError, 4)}</td>
                    <td className="num">{g.exactFit ? "∞ (exact fit)" : formatNum(g.tStat, 2)}</td>
                    <td className="num">{formatPValue(g.pValue)}</td>
                    <td className="num" data-testid="diagnostics-r2">{formatNum(g.rSquared, 3)}</td>
                    <td className="num" data-testid="diagnostics-n">{g.n}</td>
                    <td className="num">{formatNum(g.alpha, 5)}</td>
                    <td className="num">{formatNum(g.rawBeta, 3)}</td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableRegion>
  );
}

/** A p-value below 0.0001 as "< 0.0001" (its stored value is in the CSV); a ridge fit has none. */
function formatPValue(p: number | null): string {
  if (p === null) return "—";
  return p < 0.0001 ? "< 0.0001" : formatNum(p, 4);
}
