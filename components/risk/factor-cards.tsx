"use client";
// Factor exposure cards: beta and dollars, coverage with the low-coverage flag, R², and a bar chart
// of the betas; the market, rate and style factors first, the spread factors in their own row.
import { Bar, BarChart, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AnalyticsSection } from "@/components/analytics-section";
import { useApi } from "@/components/use-api";
import type { FactorExposureRow } from "@/lib/contracts/analytics";
import { niceTicksOf } from "@/lib/chart-ticks";
import { directionClass, formatNum, formatNumTick, formatPct, formatUsd } from "@/lib/format";
import Link from "next/link";
import { useAsOfDate, useAsOfQuery } from "@/components/date-travel/use-as-of-date";
import { diagnosticsHref } from "@/components/diagnostics/diagnostics-href";
import { CsvLink } from "@/components/export/csv-link";

export function FactorCards({ portfolioId }: { portfolioId: string }) {
  const query = useApi("factors", portfolioId, useAsOfQuery());
  return (
    <>
      <AnalyticsSection title="Factor exposures" testId="factor-section" query={query}>
        {(d) => (
          <>
            <FactorGroup portfolioId={portfolioId} factors={d.factors.filter((f) => f.kind !== "spread")} chartId="factor-beta-chart" label="Factor exposures" />
            <CsvLink portfolioId={portfolioId} file="factors" query={{ date: d.asOfDate }} about="factor exposures with each position's regression" />
          </>
        )}
      </AnalyticsSection>
      <AnalyticsSection title="Spread factors" testId="spread-section" query={query}>
        {(d) => <FactorGroup portfolioId={portfolioId} factors={d.factors.filter((f) => f.kind === "spread")} chartId="spread-beta-chart" label="Spread factors" />}
      </AnalyticsSection>
    </>
  );
}

function FactorGroup({ portfolioId, factors, chartId, label }: { portfolioId: string; factors: FactorExposureRow[]; chartId: string; label: string }) {
  const ticks = niceTicksOf(factors.map((f) => f.beta), { includeZero: true, count: 4 });
  return (
    <>
      <div className="chart-box small" data-testid={chartId} style={{ height: `${Math.max(120, factors.length * 26 + 40)}px` }}>
        <ResponsiveContainer>
          <BarChart data={factors} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }} title={label} aria-label={`${label}: beta of each factor`}>
            <XAxis type="number" ticks={ticks} domain={[ticks[0] ?? "auto", ticks.at(-1) ?? "auto"]} tickFormatter={formatNumTick} tick={{ fontSize: 11 }} />
            <YAxis type="category" dataKey="displayName" width={128} tick={{ fontSize: 11 }} interval={0} />
            <Tooltip formatter={(v) => formatNum(Number(v), 3)} />
            <ReferenceLine x={0} stroke="#999" />
            <Bar dataKey="beta" name="Beta" isAnimationActive={false}>
              {factors.map((f) => (
                <Cell key={f.factor} fill={(f.beta ?? 0) >= 0 ? "var(--neutral-pos)" : "var(--neutral-neg)"} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <div className="card-grid">
        {factors.map((f) => (
          <FactorCard key={f.factor} f={f} portfolioId={portfolioId} />
        ))}
      </div>
    </>
  );
}

function FactorCard({ f, portfolioId }: { f: FactorExposureRow; portfolioId: string }) {
  const date = useAsOfDate();
  return (
    <div className="factor-card" data-testid={`factor-card-${f.factor}`}>
      <div className="label">{f.displayName}</div>
      {f.beta === null ? (
        <p className="muted" data-testid="factor-missing">
          {f.missing?.detail ?? "No exposure stored for this date."}
        </p>
      ) : (
        <>
          <div className={`value ${directionClass(f.beta)}`} data-testid="factor-beta">{formatNum(f.beta, 3)}</div>
          <div className={directionClass(f.dollars)} data-testid="factor-dollars">{formatUsd(f.dollars)}</div>
          <div className="meter" aria-hidden>
            <span style={{ width: `${Math.min(100, (f.coverage ?? 0) * 100)}%` }} className={f.lowCoverage ? "low" : ""} />
          </div>
          <div className="small-print">
            <span data-testid="factor-coverage">coverage {formatPct(f.coverage, 0)}</span>
            {f.lowCoverage && <span className="badge partial" data-testid="factor-low-coverage"> low coverage</span>}
            <span data-testid="factor-r2"> · R² {formatNum(f.rSquared, 2)}</span>
          </div>
        </>
      )}
      <Link href={diagnosticsHref(portfolioId, date, { factor: f.factor })} className="small-print" data-testid="factor-diagnostics-link">
        Diagnostics<span className="sr-only"> of {f.displayName} for each position</span>
      </Link>
    </div>
  );
}
