"use client";
// Where a run's time went: seconds per phase, stacked by portfolio, run-level phases on their own.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { BATCH_PHASES, PHASE_LABELS, type RunDetailResponse as RunDetail } from "@/lib/contracts/admin-runs";
import { formatDuration } from "./run-labels";

const COLORS = ["#1f5eff", "#2f9e5f", "#e0a030", "#8e44ad", "#d14030", "#16a0b5", "#7a8699"];
const RUN_LEVEL = "Run";

export function PhaseDurationChart({ detail }: { detail: RunDetail }) {
  const byPhase = new Map<string, Record<string, number>>();
  const add = (phase: string, series: string, ms: number) => {
    const row = byPhase.get(phase) ?? {};
    row[series] = (row[series] ?? 0) + ms / 1000;
    byPhase.set(phase, row);
  };
  for (const p of detail.runPhases) add(p.phase, RUN_LEVEL, p.durationMs ?? 0);
  for (const portfolio of detail.portfolios) for (const p of portfolio.phases) add(p.phase, portfolio.name, p.totalMs);
  const data = BATCH_PHASES.filter((p) => byPhase.has(p)).map((phase) => ({ phase: PHASE_LABELS[phase], ...byPhase.get(phase) }));
  const series = [...(detail.runPhases.length ? [RUN_LEVEL] : []), ...detail.portfolios.map((p) => p.name)];
  if (data.length === 0) return <p className="muted">No phase has reported yet.</p>;
  return (
    // Clipped like every chart box: after a resize the legend keeps its old width until Recharts measures again.
    <div style={{ width: "100%", height: 300, overflow: "hidden" }} data-testid="phase-duration-chart">
      <ResponsiveContainer>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 40, left: 8 }} title="Time per phase" aria-label="Seconds spent in each batch phase, stacked by portfolio">
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="phase" angle={-30} textAnchor="end" interval={0} fontSize={11} />
          <YAxis unit=" s" width={56} />
          <Tooltip formatter={(v) => formatDuration(Number(v) * 1000)} />
          <Legend verticalAlign="top" />
          {series.map((s, i) => (
            <Bar key={s} dataKey={s} stackId="time" fill={COLORS[i % COLORS.length]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
