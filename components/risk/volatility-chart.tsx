"use client";
// Realized 21-day volatility over time with the HAR and EWMA forecasts of the next 21 days.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AnalyticsSection } from "@/components/analytics-section";
import { useApi } from "@/components/use-api";
import { niceTicksOf } from "@/lib/chart-ticks";
import { formatPct, formatPctTick } from "@/lib/format";
import { useAsOfQuery } from "@/components/date-travel/use-as-of-date";

export function VolatilityChart({ portfolioId }: { portfolioId: string }) {
  const query = useApi("volatility", portfolioId, useAsOfQuery());
  return (
    <AnalyticsSection title="Volatility" testId="volatility-section" query={query}>
      {(d) => {
        const ticks = niceTicksOf(d.history.flatMap((h) => [h.vol21, h.forecastHar, h.forecastEwma]), { includeZero: true });
        return (
        <>
          <dl className="figures">
            <div><dt>Realized 21d</dt><dd data-testid="vol-21">{formatPct(d.vol21, 1)}</dd></div>
            <div><dt>Realized 63d</dt><dd data-testid="vol-63">{formatPct(d.vol63, 1)}</dd></div>
            <div><dt>HAR forecast</dt><dd data-testid="vol-har">{formatPct(d.forecastHar, 1)}</dd></div>
            <div><dt>EWMA forecast</dt><dd data-testid="vol-ewma">{formatPct(d.forecastEwma, 1)}</dd></div>
            <div><dt>Percentile (1y)</dt><dd data-testid="vol-percentile">{formatPct(d.percentile, 0)}</dd></div>
            <div><dt>Trend</dt><dd data-testid="vol-trend">{d.trend ?? "—"}</dd></div>
          </dl>
          <div className="chart-box" data-testid="volatility-chart">
            <ResponsiveContainer>
              <LineChart data={d.history} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} title="Volatility" aria-label="Realized 21-day volatility with the HAR and EWMA forecasts over time (arrow keys step through the days)">
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="date" minTickGap={56} />
                <YAxis ticks={ticks} domain={[ticks[0] ?? 0, ticks.at(-1) ?? "auto"]} tickFormatter={formatPctTick} width={52} />
                <Tooltip formatter={(v) => formatPct(Number(v), 1)} />
                <Legend />
                <Line type="monotone" dataKey="vol21" name="Realized 21d" stroke="var(--chart-1)" dot={false} isAnimationActive={false} />
                <Line type="monotone" dataKey="forecastHar" name="HAR forecast" stroke="var(--chart-2)" strokeDasharray="4 3" dot={false} isAnimationActive={false} />
                <Line type="monotone" dataKey="forecastEwma" name="EWMA forecast" stroke="var(--chart-3)" strokeDasharray="2 2" dot={false} isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          </div>
        </>
        );
      }}
    </AnalyticsSection>
  );
}
