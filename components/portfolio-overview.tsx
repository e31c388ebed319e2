"use client";
import { useQuery } from "@tanstack/react-query";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { PortfolioSummary, SnapshotPoint } from "@/lib/dal/portfolios";
import { fetchJson } from "@/lib/fetch-json";
import { formatPct, formatUsd, signClass } from "@/lib/format";

interface SnapshotsResponse {
  available: boolean;
  reason?: string;
  snapshots: SnapshotPoint[];
}

export function PortfolioOverview({ portfolio }: { portfolio: PortfolioSummary }) {
  const { data, error, isPending } = useQuery({
    queryKey: ["snapshots", portfolio.id],
    queryFn: () => fetchJson<SnapshotsResponse>(`/api/portfolios/${portfolio.id}/snapshots`),
  });
  const last = data?.snapshots.at(-1);
  return (
    <>
      <section className="grid" aria-label="Key figures">
        <Stat label="NAV" value={formatUsd(last?.nav ?? portfolio.startingEquity)} testId="stat-nav" />
        <Stat label="Day P&L" value={formatUsd(last?.pnlDay)} className={signClass(last?.pnlDay)} />
        <Stat label="Total P&L" value={formatUsd(last?.pnlCumulative)} className={signClass(last?.pnlCumulative)} />
        <Stat label="Day return" value={formatPct(last?.dailyReturn)} className={signClass(last?.dailyReturn)} />
        <Stat label="Gross exposure" value={formatUsd(last?.grossExposure)} />
        <Stat label="Net exposure" value={formatUsd(last?.netExposure)} />
      </section>
      <section className="panel" data-testid="nav-chart">
        <h2>NAV over time {last && <span className="muted">· as of {last.date}</span>}</h2>
        {isPending && <p className="muted">Loading history…</p>}
        {error && <p role="alert" className="error">Could not load the history: {error.message}</p>}
        {data && !data.available && <p className="muted">No completed snapshot yet ({data.reason}): the daily batch has not run for this portfolio.</p>}
        {data?.available && (
          <div style={{ width: "100%", height: 320 }}>
            <ResponsiveContainer>
              <LineChart data={data.snapshots} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="date" minTickGap={40} />
                <YAxis domain={["auto", "auto"]} tickFormatter={(v: number) => `${(v / 1e6).toFixed(2)}M`} width={64} />
                <Tooltip formatter={(v) => formatUsd(Number(v))} />
                <Line type="monotone" dataKey="nav" name="NAV" stroke="#1f5eff" dot={false} isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          </div>
        )}
        {data?.available && <p className="muted" data-testid="nav-points">{data.snapshots.length} daily snapshots</p>}
      </section>
    </>
  );
}

function Stat({ label, value, className = "", testId }: { label: string; value: string; className?: string; testId?: string }) {
  return (
    <div className="panel stat" data-testid={testId}>
      <div className="label">{label}</div>
      <div className={`value ${className}`}>{value}</div>
    </div>
  );
}
