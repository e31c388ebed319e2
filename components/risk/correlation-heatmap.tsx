"use client";
// Correlation heat map: one coloured cell per pair, blue for positive and red for negative, with the value.
import { AnalyticsSection } from "@/components/analytics-section";
import { useApi } from "@/components/use-api";
import { formatNum } from "@/lib/format";
import { useAsOfQuery } from "@/components/date-travel/use-as-of-date";

function cellColour(rho: number): string {
  const a = Math.min(1, Math.abs(rho));
  return rho >= 0 ? `rgba(31, 94, 255, ${a * 0.85})` : `rgba(180, 35, 24, ${a * 0.85})`;
}

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
          <div className="heatmap-wrap">
            <div className="heatmap" style={{ gridTemplateColumns: `auto repeat(${d.symbols.length}, minmax(2.6rem, 1fr))` }} data-testid="correlation-heatmap" role="table">
              <span />
              {d.symbols.map((s) => (
                <span key={s} className="hm-head" role="columnheader">{s}</span>
              ))}
              {d.rows.map((row, i) => (
                <div key={d.symbols[i]} className="hm-row" role="row">
                  <span className="hm-head" role="rowheader">{d.symbols[i]}</span>
                  {row.map((rho, j) => (
                    <span
                      key={j}
                      role="cell"
                      className="hm-cell"
                      data-testid={`correlation-cell-${i}-${j}`}
                      title={`${d.symbols[i]} / ${d.symbols[j]}: ${formatNum(rho, 3)}`}
                      style={{ background: cellColour(rho), color: Math.abs(rho) > 0.5 ? "#fff" : "inherit" }}
                    >
                      {formatNum(rho, 2)}
                    </span>
                  ))}
                </div>
              ))}
            </div>
          </div>
          {d.excluded.length > 0 && <p className="muted small-print">Left out: {d.excluded.map((e) => `${e.symbol} (${e.detail})`).join(", ")}.</p>}
        </>
      )}
    </AnalyticsSection>
  );
}
