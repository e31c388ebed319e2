"use client";
import { Area, AreaChart, CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { SectionFailure } from "@/components/section-failure";
import { useApi } from "@/components/use-api";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";
import { niceTicksOf } from "@/lib/chart-ticks";
import { formatNum, formatPct, formatUsd, formatUsdTick, signClass } from "@/lib/format";
import { reasonLabel } from "@/lib/reason-codes";
import { useAsOfQuery } from "@/components/date-travel/use-as-of-date";

export function PortfolioOverview({ portfolio }: { portfolio: PortfolioSummary }) {
  const asOf = useAsOfQuery();
  const { data, error, isPending, isFetching, refetch } = useApi("snapshots", portfolio.id, asOf.date === undefined ? {} : { to: asOf.date });
  const overview = useApi("overview", portfolio.id, asOf);
  const o = overview.data?.available ? overview.data : null;
  const snapshots = data?.available ? data.snapshots : [];
  const navTicks = niceTicksOf(snapshots.map((s) => s.nav));
  const pnlTicks = niceTicksOf(snapshots.map((s) => s.pnlCumulative), { includeZero: true });
  const pnl = snapshots.flatMap((s) => (s.pnlCumulative == null ? [] : [s.pnlCumulative]));
  const [pnlMin, pnlMax] = [Math.min(...pnl), Math.max(...pnl)];
  return (
    <>
      <div className="muted" data-testid="overview-as-of">
        {overview.isPending && "Loading the latest snapshot…"}
        {overview.error && <SectionFailure what="the overview" error={overview.error} retrying={overview.isFetching} retry={() => void overview.refetch()} />}
        {overview.data && !overview.data.available && `Not computed yet: ${reasonLabel(overview.data.reason)} (${overview.data.detail}).`}
        {o && `Figures as of ${o.asOfDate}.`}
      </div>
      <section className="grid" aria-label="Key figures">
        <Stat label="NAV" value={formatUsd(o?.nav ?? portfolio.startingEquity)} testId="stat-nav" />
        <Stat label="Day P&L" value={formatUsd(o?.pnlDay)} className={signClass(o?.pnlDay)} testId="stat-pnl-day" />
        <Stat label="Total P&L" value={formatUsd(o?.pnlCumulative)} className={signClass(o?.pnlCumulative)} testId="stat-pnl-cumulative" />
        <Stat label="Day return" value={formatPct(o?.dailyReturn)} className={signClass(o?.dailyReturn)} />
        <Stat label="Long exposure" value={formatUsd(o?.longExposure)} testId="stat-long" />
        <Stat label="Short exposure" value={formatUsd(o?.shortExposure)} testId="stat-short" />
        <Stat label="Gross exposure" value={`${formatUsd(o?.grossExposure)}${o?.nav ? ` · ${formatNum((o.grossExposure ?? 0) / o.nav * 100, 0)} %` : ""}`} testId="stat-gross" />
        <Stat label="Net exposure" value={`${formatUsd(o?.netExposure)}${o?.nav ? ` · ${formatNum((o.netExposure ?? 0) / o.nav * 100, 0)} %` : ""}`} testId="stat-net" />
        <Stat label="Cash" value={formatUsd(o?.cash)} testId="stat-cash" />
        {/* Only valued positions count: an expired option or a closed position is listed on the Positions page but not here (its totals row says how many). */}
        <Stat label="Valued positions" value={o ? `${o.numPositions ?? "—"} (${o.numLong ?? 0} long, ${o.numShort ?? 0} short)` : "—"} testId="stat-counts" />
        {o?.privateValue ? <Stat label="Private holdings" value={formatUsd(o.privateValue)} /> : null}
      </section>
      {o && o.staleSymbols.length > 0 && (
        <p className="muted small-print" data-testid="stale-symbols">
          Provisional: prices not yet arrived for {o.staleSymbols.join(", ")}, valued on their last known close and left out of the
          analytics that need their return; this day is recomputed once they arrive.
        </p>
      )}
      {o?.longStale.map((s) => (
        <p key={s.symbol} role="alert" className="error small-print" data-testid="long-stale">
          No price for {s.symbol} for {s.tradingDays} trading days (last on {s.lastPriceDate}): it may have been delisted; check it and close the position if so.
        </p>
      ))}
      <section className="panel" data-testid="nav-chart" aria-busy={isPending}>
        <h2>NAV over time {data?.snapshots.at(-1) && <span className="muted">· as of {data.snapshots.at(-1)!.date}</span>}</h2>
        {isPending && <p className="muted">Loading history…</p>}
        {error && <SectionFailure what="the history" error={error} retrying={isFetching} retry={() => void refetch()} />}
        {data && !data.available && <p className="muted">No completed snapshot yet ({reasonLabel(data.reason)}): the daily batch has not run for this portfolio.</p>}
        {data?.available && (
          <div className="chart-box">
            <ResponsiveContainer>
              <LineChart data={data.snapshots} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} title="NAV over time" aria-label="NAV over time, daily (arrow keys step through the days)">
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="date" minTickGap={48} />
                <YAxis ticks={navTicks} domain={[navTicks[0] ?? "auto", navTicks.at(-1) ?? "auto"]} tickFormatter={formatUsdTick} width={64} />
                <Tooltip formatter={(v) => formatUsd(Number(v))} />
                <Line type="monotone" dataKey="nav" name="NAV" stroke="var(--chart-1)" dot={false} isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          </div>
        )}
        {data?.available && <p className="muted" data-testid="nav-points">{data.snapshots.length} daily snapshots</p>}
      </section>
      {data?.available && (
        <section className="panel" data-testid="pnl-chart">
          <h2>Cumulative P&amp;L <span className="muted">· as of {data.snapshots.at(-1)!.date}</span></h2>
          <div className="chart-box small">
            <ResponsiveContainer>
              <AreaChart data={data.snapshots} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} title="Cumulative P&L" aria-label="Cumulative P&L over time, green above zero and red below (arrow keys step through the days)">
                <defs>
                  {/* Gain colour above zero, loss colour below; a gradient spans its shape's box: the line's
                      runs over the data, the area's also down (or up) to zero. */}
                  <SplitGradient id="pnl-line" top={pnlMax} bottom={pnlMin} />
                  <SplitGradient id="pnl-fill" top={Math.max(pnlMax, 0)} bottom={Math.min(pnlMin, 0)} />
                </defs>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="date" minTickGap={48} />
                <YAxis ticks={pnlTicks} domain={[pnlTicks[0] ?? "auto", pnlTicks.at(-1) ?? "auto"]} tickFormatter={formatUsdTick} width={64} />
                <Tooltip formatter={(v) => formatUsd(Number(v))} />
                <ReferenceLine y={0} stroke="#999" />
                <Area type="monotone" dataKey="pnlCumulative" name="Cumulative P&L" stroke="url(#pnl-line)" fill="url(#pnl-fill)" fillOpacity={0.2} baseValue={0} isAnimationActive={false} />
              </AreaChart>
            </ResponsiveContainer>
          </div>
        </section>
      )}
    </>
  );
}

/** A vertical gradient of the gain colour down to zero and the loss colour below, over a box from `top` to `bottom`. */
function SplitGradient({ id, top, bottom }: { id: string; top: number; bottom: number }) {
  const zero = top === bottom ? (top >= 0 ? 1 : 0) : Math.min(1, Math.max(0, top / (top - bottom)));
  return (
    <linearGradient id={id} x1="0" y1="0" x2="0" y2="1">
      <stop offset={zero} stopColor="var(--gain)" />
      <stop offset={zero} stopColor="var(--loss)" />
    </linearGradient>
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
