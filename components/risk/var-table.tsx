"use client";
// Historical and parametric 1-day VaR and expected shortfall at 95 % and 99 %.
import { AnalyticsSection } from "@/components/analytics-section";
import { useApi } from "@/components/use-api";
import { formatLossPct, formatLossUsd, formatPct, lossClass } from "@/lib/format";
import { TableRegion } from "@/components/table-region";
import { useAsOfQuery } from "@/components/date-travel/use-as-of-date";

export function VarTable({ portfolioId }: { portfolioId: string }) {
  const query = useApi("var", portfolioId, useAsOfQuery());
  return (
    <AnalyticsSection title="Value at Risk (1 day)" testId="var-section" query={query}>
      {(d) => (
        <>
          <TableRegion label="Value at Risk">
            <table data-testid="var-table">
              <thead>
                <tr>
                  <th>Method</th>
                  <th>Confidence</th>
                  <th className="num">VaR</th>
                  <th className="num">VaR % NAV</th>
                  <th className="num">ES</th>
                  <th className="num">ES % NAV</th>
                </tr>
              </thead>
              <tbody>
                {d.rows.map((r) => (
                  <tr key={`${r.method}-${r.confidence}`} data-testid={`var-row-${r.method}-${r.confidence * 100}`}>
                    <td>{r.method}</td>
                    <td>{formatPct(r.confidence, 0)}</td>
                    <td className={`num ${lossClass(r.var)}`} data-testid="var-dollars">{formatLossUsd(r.var)}</td>
                    <td className={`num ${lossClass(r.varPct)}`}>{formatLossPct(r.varPct)}</td>
                    <td className={`num ${lossClass(r.es)}`} data-testid="es-dollars">{formatLossUsd(r.es)}</td>
                    <td className={`num ${lossClass(r.esPct)}`}>{formatLossPct(r.esPct)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          <p className="muted small-print">Losses are shown negative, as in the stress tests: VaR is the 1-day loss exceeded with the given probability, ES the average loss beyond it.</p>
        </>
      )}
    </AnalyticsSection>
  );
}
