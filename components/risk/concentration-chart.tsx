"use client";
// Concentration: HHI, effective positions, top-3/top-10 shares and the largest weights by risk symbol.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AnalyticsSection } from "@/components/analytics-section";
import { useApi } from "@/components/use-api";
import { niceTicksOf } from "@/lib/chart-ticks";
import { formatNum, formatPct, formatPctTick } from "@/lib/format";
import { useAsOfQuery } from "@/components/date-travel/use-as-of-date";

export function ConcentrationChart({ portfolioId }: { portfolioId: string }) {
  const query = useApi("concentration", portfolioId, useAsOfQuery());
  return (
    <AnalyticsSection title="Concentration" testId="concentration-section" query={query}>
      {(d) => {
        const top = d.weights.slice(0, 15);
        const ticks = niceTicksOf(top.map((w) => w.weight), { includeZero: true, count: 4 });
        return (
        <>
          <dl className="figures">
            <div><dt>HHI</dt><dd data-testid="concentration-hhi">{formatNum(d.hhi, 0)}</dd></div>
            <div><dt>Effective positions</dt><dd data-testid="concentration-effective">{formatNum(d.effectivePositions, 1)}</dd></div>
            <div><dt>Top 3</dt><dd data-testid="concentration-top3">{formatPct(d.top3Share, 1)}</dd></div>
            <div><dt>Top 10</dt><dd data-testid="concentration-top10">{formatPct(d.top10Share, 1)}</dd></div>
          </dl>
          <div className="chart-box" data-testid="concentration-chart">
            <ResponsiveContainer>
              <BarChart data={top} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }} title="Largest weights" aria-label="The 15 largest weights by risk symbol, as a share of gross exposure">
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis type="number" ticks={ticks} domain={[0, ticks.at(-1) ?? "auto"]} tickFormatter={formatPctTick} />
                <YAxis type="category" dataKey="symbol" width={64} tick={{ fontSize: 11 }} interval={0} />
                <Tooltip formatter={(v) => formatPct(Number(v), 2)} />
                <Bar dataKey="weight" name="Weight of gross" fill="var(--chart-1)" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </>
        );
      }}
    </AnalyticsSection>
  );
}
