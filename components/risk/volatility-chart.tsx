"use client";
// Realized 21-day volatility over time with the HAR and EWMA forecasts of the next 21 days.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AnalyticsSection } from "@/components/analytics-section";
import { useApi } from "@/components/use-api";
import { formatPct } from "@/lib/format";
import { useAsOfQuery } from "@/components/date-travel/use-as-of-date";

export function VolatilityChart({ portfolioId }: { portfolioId: string }) {
  const query = useApi("volatility", portfolioId, useAsOfQuery());
  return (
    <AnalyticsSection title="Volatility" testId="volatility-section" query={query}>
      {(d) => (
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
              <LineChart data={d.history} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="date" minTickGap={40} />
                <YAxis tickFormatter={(v: number) => formatPct(v, 0)} width={56} />
                <Tooltip formatter={(v) => formatPct(Number(v), 1)} />
                <Legend />
                <Line type="monotone" dataKey="vol21" name="Realized 21d" stroke="#1f5eff" dot={false} isAnimationActive={false} />
                <Line type="monotone" dataKey="forecastHar" name="HAR forecast" stroke="#b26a00" strokeDasharray="4 3" dot={false} isAnimationActive={false} />
                <Line type="monotone" dataKey="forecastEwma" name="EWMA forecast" stroke="#0f7b3f" strokeDasharray="2 2" dot={false} isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          </div>
        </>
      )}
    </AnalyticsSection>
  );
}
