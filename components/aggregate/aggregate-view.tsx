"use client";
// "All my portfolios": the caller's books (every book for an admin) taken as one book. NAV, P&L and
// exposures are the books' sums; every other figure is computed on the combined holdings or the
// combined return series by the server.
import type { ReactNode } from "react";
import { useAsOfQuery } from "@/components/date-travel/use-as-of-date";
import { MethodologyLink } from "@/components/methodology-link";
import { PerformanceFigures } from "@/components/performance/performance-panel";
import { DecompositionBody } from "@/components/risk/decomposition-panel";
import { VarRowsTable } from "@/components/risk/var-rows-table";
import { TableRegion } from "@/components/table-region";
import { useApi } from "@/components/use-api";
import type { AggregateResponse } from "@/lib/contracts/aggregate";
import { formatNum, formatPct, formatUsd, signClass } from "@/lib/format";
import type { MethodologySection } from "@/lib/methodology/sections";
import { reasonLabel, type ReasonCode } from "@/lib/reason-codes";

type Data = Extract<AggregateResponse, { available: true }>;

function Section({ title, testId, method, children }: { title: string; testId: string; method: MethodologySection; children: ReactNode }) {
  return (
    <section className="panel" data-testid={testId}>
      <h2>{title}</h2>
      {children}
      <MethodologyLink section={method} about={title} />
    </section>
  );
}

function NotAvailable({ r }: { r: { reason: ReasonCode; detail: string } }) {
  return (
    <p className="muted" data-testid="unavailable-reason">
      Not available: {reasonLabel(r.reason)} ({r.detail}).
    </p>
  );
}

function Figure({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}

function Overview({ d }: { d: Data }) {
  return (
    <Section title="Combined book" testId="aggregate-section" method="aggregate">
      <p className="muted">
        {d.books.length} books as of {d.asOfDate}: {d.books.map((b) => `${b.name} (${formatUsd(b.nav)})`).join(", ")}.
        {d.leftOut.length > 0 && ` Left out until the batch has computed them: ${d.leftOut.map((b) => b.name).join(", ")}.`}
      </p>
      <dl className="figures">
        <Figure label="NAV" value={formatUsd(d.nav)} testId="aggregate-nav" />
        <Figure label="Day P&L" value={<span className={signClass(d.pnlDay)}>{formatUsd(d.pnlDay)}</span>} />
        <Figure label="Long" value={formatUsd(d.longExposure)} />
        <Figure label="Short" value={formatUsd(d.shortExposure)} />
        <Figure label="Gross" value={formatUsd(d.grossExposure)} />
        <Figure label="Net" value={formatUsd(d.netExposure)} />
      </dl>
    </Section>
  );
}

function Factors({ d }: { d: Data }) {
  return (
    <Section title="Factor exposure" testId="aggregate-factors" method="factorExposure">
      <TableRegion label="Combined factor exposure">
        <table>
          <thead>
            <tr>
              <th>Factor</th>
              <th className="num">Beta</th>
              <th className="num">Dollars</th>
              <th className="num">Coverage</th>
            </tr>
          </thead>
          <tbody>
            {d.factors.map((f) => (
              <tr key={f.factor}>
                <td>{f.label}</td>
                <td className="num">{formatNum(f.beta)}</td>
                <td className={`num ${signClass(f.dollars)}`}>{formatUsd(f.dollars)}</td>
                <td className="num">
                  {formatPct(f.coverage, 0)}
                  {f.lowCoverage && <span className="badge"> low</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </Section>
  );
}

function Risk({ d }: { d: Data }) {
  const v = d.volatility;
  const c = d.concentration;
  const r = d.correlation;
  return (
    <Section title="Volatility, VaR and concentration" testId="aggregate-risk" method="volatility">
      {v.available ? (
        <dl className="figures">
          <Figure label="Realized vol 21d" value={formatPct(v.vol21)} testId="aggregate-vol21" />
          <Figure label="Realized vol 63d" value={formatPct(v.vol63)} />
          <Figure label="HAR forecast" value={formatPct(v.harForecast)} />
          <Figure label="EWMA forecast" value={formatPct(v.ewmaForecast)} />
        </dl>
      ) : (
        <NotAvailable r={v} />
      )}
      {d.var.length > 0 && (
        <VarRowsTable rows={d.var} label="Combined Value at Risk" testId="aggregate-var-table" />
      )}
      {c.available ? (
        <dl className="figures">
          <Figure label="HHI" value={formatNum(c.hhi, 0)} />
          <Figure label="Effective positions" value={formatNum(c.effectivePositions, 1)} />
          <Figure label="Top 3" value={formatPct(c.top3Share, 1)} />
          <Figure label="Top 10" value={formatPct(c.top10Share, 1)} />
          {r.available && <Figure label="Average |ρ|" value={formatNum(r.averageAbsCorrelation)} />}
          {r.available && <Figure label="Effective bets" value={formatNum(r.effectiveBets, 1)} />}
        </dl>
      ) : (
        <NotAvailable r={c} />
      )}
      {!r.available && <NotAvailable r={r} />}
    </Section>
  );
}

function Stress({ d }: { d: Data }) {
  return (
    <Section title="Stress tests" testId="aggregate-stress" method="stress">
      {d.stress.length === 0 && <p className="muted">Not available: not every book with public positions has stress results on {d.asOfDate}.</p>}
      <TableRegion label="Combined stress tests">
        <table>
          <thead>
            <tr>
              <th>Scenario</th>
              <th className="num">Direct P&amp;L</th>
              <th className="num">% NAV</th>
              <th className="num">Correlated P&amp;L</th>
              <th className="num">% NAV</th>
            </tr>
          </thead>
          <tbody>
            {d.stress.map((s) => (
              <tr key={s.key}>
                <td>{s.name}</td>
                <td className={`num ${signClass(s.directPnl)}`}>{formatUsd(s.directPnl)}</td>
                <td className="num">{formatPct(s.directPct)}</td>
                <td className={`num ${signClass(s.correlatedPnl)}`}>{formatUsd(s.correlatedPnl)}</td>
                <td className="num">{formatPct(s.correlatedPct)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </Section>
  );
}

export function AggregateView() {
  const { data, error, isPending } = useApi("aggregate", useAsOfQuery());
  if (isPending) return <p className="muted" aria-busy="true">Loading…</p>;
  if (error) return <p role="alert" className="error">Could not load the combined book: {error.message}.</p>;
  if (!data.available) return <NotAvailable r={data} />;
  const d = data;
  return (
    <>
      <Overview d={d} />
      <Factors d={d} />
      <Risk d={d} />
      <Stress d={d} />
      <Section title="Risk decomposition" testId="aggregate-decomposition" method="decomposition">
        {d.decomposition.available ? <DecompositionBody d={{ portfolioId: "all", asOfDate: d.asOfDate, ...d.decomposition }} /> : <NotAvailable r={d.decomposition} />}
      </Section>
      <Section title="Performance" testId="aggregate-performance" method="performance">
        {d.performance.available ? <PerformanceFigures data={{ portfolioId: "all", asOfDate: d.asOfDate, ...d.performance }} /> : <NotAvailable r={d.performance} />}
      </Section>
    </>
  );
}
