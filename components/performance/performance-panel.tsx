"use client";
// The book's performance as of a date: period returns, maximum drawdown, risk-adjusted figures over the
// last year and the statistics against its benchmark, with both cumulative lines since inception.
import type { ReactNode } from "react";
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AnalyticsSection } from "@/components/analytics-section";
import { useApi } from "@/components/use-api";
import type { Available } from "@/lib/contracts/analytics";
import type { PerformanceFigure, PerformanceResponse } from "@/lib/contracts/performance";
import { formatNum, formatPct, signClass } from "@/lib/format";
import { useAsOfQuery } from "@/components/date-travel/use-as-of-date";

type Data = Available<PerformanceResponse>;

const PERIOD_LABEL = { MTD: "Month to date", QTD: "Quarter to date", YTD: "Year to date", "1Y": "1 year", ITD: "Since inception" } as const;

export function PerformancePanel({ portfolioId }: { portfolioId: string }) {
  const query = useApi("performance", portfolioId, useAsOfQuery());
  return (
    <AnalyticsSection title="Performance" testId="performance-section" query={query}>
      {(d) => <PerformanceFigures data={d} />}
    </AnalyticsSection>
  );
}

export function PerformanceFigures({ data: d }: { data: Data }) {
  const b = d.benchmarkSymbol;
  return (
    <>
      <div className="performance-grid">
        <table data-testid="period-returns">
          <caption className="sr-only">Period returns</caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col" className="num">Return</th>
            </tr>
          </thead>
          <tbody>
            {d.periods.map((p) => (
              <tr key={p.period} data-testid={`period-${p.period}`}>
                <th scope="row">
                  {PERIOD_LABEL[p.period]}
                  {p.partial && p.from && <div className="muted small-print">since {p.from} ({p.returns} of {p.expected} days)</div>}
                </th>
                <td className={`num ${signClass(p.value)}`}>{p.value === null ? <NotAvailable reason={p.reason ?? "no return"} /> : formatPct(p.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <dl className="perf-figures" data-testid="risk-adjusted">
          <Row label="Maximum drawdown" testId="max-drawdown">
            {d.drawdown === null ? (
              <NotAvailable reason="the book has no daily return yet" />
            ) : (
              <>
                <span className={signClass(d.drawdown.value)}>{formatPct(d.drawdown.value)}</span>
                {d.drawdown.peakDate && (
                  <div className="muted small-print">
                    peak {d.drawdown.peakDate}, trough {d.drawdown.troughDate}, {d.drawdown.recoveryDate ? `recovered ${d.drawdown.recoveryDate}` : "not recovered"}
                  </div>
                )}
              </>
            )}
          </Row>
          <Row label="Annualised return"><Fig f={d.riskAdjusted.annualisedReturn} pct signed /></Row>
          <Row label="Annualised volatility"><Fig f={d.riskAdjusted.annualisedVol} pct /></Row>
          <Row label="Sharpe ratio" testId="sharpe"><Fig f={d.riskAdjusted.sharpe} /></Row>
          <Row label="Sortino ratio" testId="sortino"><Fig f={d.riskAdjusted.sortino} /></Row>
        </dl>
        <dl className="perf-figures" data-testid="against-benchmark">
          <Row label={`Beta to ${b}`} testId="benchmark-beta"><Fig f={d.benchmark.beta} /></Row>
          <Row label="Alpha (annualised)"><Fig f={d.benchmark.alpha} pct signed /></Row>
          <Row label="R²"><Fig f={d.benchmark.rSquared} /></Row>
          <Row label="Tracking error"><Fig f={d.benchmark.trackingError} pct /></Row>
          <Row label="Information ratio"><Fig f={d.benchmark.informationRatio} /></Row>
        </dl>
      </div>
      <p className="muted small-print">
        {d.riskAdjusted.window ? `Risk-adjusted figures over ${d.riskAdjusted.window.n} daily returns, ${d.riskAdjusted.window.from} to ${d.riskAdjusted.window.to}` : "Risk-adjusted figures need 63 daily returns"}
        ; risk-free rate {formatPct(d.riskFreeRate, 1)} a year; benchmark {b} (change it in the portfolio&apos;s settings).
      </p>
      <h3>Cumulative return since inception</h3>
      <div className="chart-box" data-testid="cumulative-chart">
        <ResponsiveContainer>
          <LineChart data={d.cumulative} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="date" minTickGap={40} />
            <YAxis tickFormatter={(v: number) => `${(v * 100).toFixed(0)} %`} width={56} />
            <Tooltip formatter={(v) => formatPct(Number(v))} />
            <Legend />
            <ReferenceLine y={0} stroke="#999" />
            <Line type="monotone" dataKey="portfolio" name="This book" stroke="#1f5eff" dot={false} isAnimationActive={false} />
            <Line type="monotone" dataKey="benchmark" name={b} stroke="#b35c00" strokeDasharray="5 3" dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </>
  );
}

function Row({ label, testId, children }: { label: string; testId?: string; children: ReactNode }) {
  return (
    <div className="figure-row" data-testid={testId}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** A percentage or a ratio; `signed` colours gains and losses. */
function Fig({ f, pct = false, signed = false }: { f: PerformanceFigure; pct?: boolean; signed?: boolean }) {
  if (f.value === null) return <NotAvailable reason={f.reason} />;
  return <span className={signed ? signClass(f.value) : ""}>{pct ? formatPct(f.value) : formatNum(f.value, 2)}</span>;
}

function NotAvailable({ reason }: { reason: string }) {
  return <span className="muted not-available">not available — {reason}</span>;
}
