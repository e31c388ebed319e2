"use client";
// Gross and net exposure by GICS sector as % of NAV, with the unclassified remainder.
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AnalyticsSection } from "@/components/analytics-section";
import { useApi } from "@/components/use-api";
import { niceTicksOf } from "@/lib/chart-ticks";
import { formatPct, formatPctTick, formatUsd } from "@/lib/format";
import { useAsOfQuery } from "@/components/date-travel/use-as-of-date";

export function SectorChart({ portfolioId }: { portfolioId: string }) {
  const query = useApi("sectors", portfolioId, useAsOfQuery());
  return (
    <AnalyticsSection title="Sector exposure" testId="sector-section" query={query}>
      {(d) => {
        const u = d.unclassified;
        const ticks = niceTicksOf(d.buckets.flatMap((b) => [b.grossOfNav, b.netOfNav]), { includeZero: true, count: 4 });
        return (
          <>
            <div className="chart-box" data-testid="sector-chart">
              <ResponsiveContainer>
                <BarChart data={d.buckets} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }} title="Sector exposure" aria-label="Gross and net exposure by sector, as a share of NAV">
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis type="number" ticks={ticks} domain={[ticks[0] ?? "auto", ticks.at(-1) ?? "auto"]} tickFormatter={formatPctTick} />
                  <YAxis type="category" dataKey="sector" width={120} tick={{ fontSize: 11 }} interval={0} />
                  <Tooltip formatter={(v) => formatPct(Number(v), 1)} />
                  <Legend />
                  <ReferenceLine x={0} stroke="#999" />
                  <Bar dataKey="grossOfNav" name="Gross % NAV" fill="var(--chart-1)" isAnimationActive={false} />
                  <Bar dataKey="netOfNav" name="Net % NAV" fill="var(--chart-3)" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
            {(u.privateGross !== 0 || u.unknownGross !== 0) && (
              <p className="muted small-print" data-testid="sector-unclassified">
                Unclassified: private {formatUsd(u.privateGross)}, unknown {formatUsd(u.unknownGross)}
                {u.unknownSymbols.length > 0 && ` (${u.unknownSymbols.join(", ")})`}.
              </p>
            )}
          </>
        );
      }}
    </AnalyticsSection>
  );
}
