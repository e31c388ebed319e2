"use client";
// Concentration: HHI, effective positions, top-3/top-10 shares and the largest weights by risk symbol.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AnalyticsSection } from "@/components/analytics-section";
import { useApi } from "@/components/use-api";
import { formatNum, formatPct } from "@/lib/format";
import { useAsOfQuery } from "@/components/date-travel/use-as-of-date";

export function ConcentrationChart({ portfolioId }: { portfolioId: string }) {
  const query = useApi("concentration", portfolioId, useAsOfQuery());
  return (
    <AnalyticsSection title="Concentration" testId="concentration-section" query={query}>
      {(d) => (
        <>
          <dl className="figures">
            <div><dt>HHI</dt><dd data-testid="concentration-hhi">{formatNum(d.hhi, 0)}</dd></div>
            <div><dt>Effective positions</dt><dd data-testid="concentration-effective">{formatNum(d.effectivePositions, 1)}</dd></div>
            <div><dt>Top 3</dt><dd data-testid="concentration-top3">{formatPct(d.top3Share, 1)}</dd></div>
            <div><dt>Top 10</dt><dd data-testid="concentration-top10">{formatPct(d.top10Share, 1)}</dd></div>
          </dl>
          <div className="chart-box" data-testid="concentration-chart">
            <ResponsiveContainer>
              <BarChart data={d.weights.slice(0, 15)} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis type="number" tickFormatter={(v: number) => formatPct(v, 0)} />
                <YAxis type="category" dataKey="symbol" width={64} tick={{ fontSize: 11 }} interval={0} />
                <Tooltip formatter={(v) => formatPct(Number(v), 2)} />
                <Bar dataKey="weight" name="Weight of gross" fill="#1f5eff" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </>
      )}
    </AnalyticsSection>
  );
}
