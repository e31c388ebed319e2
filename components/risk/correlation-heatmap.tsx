"use client";
// Correlation heat map: one coloured cell per pair (blue positive, purple negative, deeper with |ρ|)
// with the value, as a table that scrolls inside its own focusable region with the symbols kept in view.
import { AnalyticsSection } from "@/components/analytics-section";
import { useApi } from "@/components/use-api";
import { formatNum } from "@/lib/format";
import { heatCellColours } from "@/lib/heat-colour";
import { useAsOfQuery } from "@/components/date-travel/use-as-of-date";

export function CorrelationHeatmap({ portfolioId }: { portfolioId: string }) {
  const query = useApi("correlations", portfolioId, useAsOfQuery());
  return (
    <AnalyticsSection title="Correlations" testId="correlation-section" query={query}>
      {(d) => (
        <>
          <p className="muted">
            Pearson correlation of daily log returns of the {d.n} largest holdings, {d.from} → {d.to}. Average |ρ| <span data-testid="correlation-average">{formatNum(d.averageAbsCorrelation, 2)}</span>, effective bets{" "}
            <span data-testid="correlation-effective-bets">{formatNum(d.effectiveBets, 1)}</span>.
          </p>
          <div className="scroll-region" tabIndex={0} role="region" aria-label="Correlation matrix (scrolls sideways)">
            <table className="heatmap sticky-first" data-testid="correlation-heatmap">
              <caption className="sr-only">Pairwise correlations of daily returns</caption>
              <thead>
                <tr>
                  <td />
                  {d.symbols.map((s) => (
                    <th key={s} scope="col">{s}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {d.rows.map((row, i) => (
                  <tr key={d.symbols[i]}>
                    <th scope="row">{d.symbols[i]}</th>
                    {row.map((rho, j) => (
                      <td
                        key={j}
                        className="hm-cell"
                        data-testid={`correlation-cell-${i}-${j}`}
                        title={`${d.symbols[i]} / ${d.symbols[j]}: ${formatNum(rho, 3)}`}
                        style={heatCellColours(rho)}
                      >
                        {formatNum(rho, 2)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {d.excluded.length > 0 && <p className="muted small-print">Left out: {d.excluded.map((e) => `${e.symbol} (${e.detail})`).join(", ")}.</p>}
        </>
      )}
    </AnalyticsSection>
  );
}
