"use client";
// One History chart: a line per series over the days of the range. A null point is a gap in its line
// (connectNulls off), never a fall to 0.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { niceTicksOf } from "@/lib/chart-ticks";

export interface LineSeries<P> {
  key: keyof P & string;
  name: string;
  colour: string;
  dash?: string;
}

/** What a chart draws besides its points: its lines, its accessible label and how its values read. */
export interface ChartSpec<P> {
  series: LineSeries<P>[];
  label: string;
  testId: string;
  format: (v: number) => string;
  tickFormat: (v: number) => string;
}

export function HistoryLineChart<P extends { date: string }>({ points, series, label, testId, format, tickFormat }: ChartSpec<P> & { points: P[] }) {
  const values = points.flatMap((p) => series.map((s) => p[s.key] as number | null));
  const ticks = niceTicksOf(values, { includeZero: true });
  return (
    <div className="chart-box" data-testid={testId} data-points={points.length} data-first={points[0]?.date ?? ""} data-last={points.at(-1)?.date ?? ""} data-label={label}>
      <ResponsiveContainer>
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} title={label} aria-label={label}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="date" minTickGap={56} />
          <YAxis ticks={ticks} domain={[ticks[0] ?? "auto", ticks.at(-1) ?? "auto"]} tickFormatter={tickFormat} width={64} />
          <Tooltip formatter={(v) => format(Number(v))} />
          <Legend />
          {series.map((s) => (
            <Line key={s.key} type="monotone" dataKey={s.key} name={s.name} stroke={s.colour} strokeDasharray={s.dash} dot={false} connectNulls={false} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
