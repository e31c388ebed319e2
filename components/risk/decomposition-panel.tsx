"use client";
// Risk decomposition: the forecast volatility of today's holdings, split into factor and specific risk,
// per stress proxy and per symbol (component share and marginal contribution).
import { AnalyticsSection } from "@/components/analytics-section";
import { useAsOfQuery } from "@/components/date-travel/use-as-of-date";
import { TableRegion } from "@/components/table-region";
import { useApi } from "@/components/use-api";
import type { DecompositionResponse } from "@/lib/contracts/decomposition";
import { formatNum, formatPct, formatUsd, signClass } from "@/lib/format";
import { reasonLabel } from "@/lib/reason-codes";

type Figures = Extract<DecompositionResponse, { available: true }>;

export function DecompositionBody({ d }: { d: Figures }) {
  return (
    <>
      <dl className="figures" data-testid="decomposition-summary">
        <div>
          <dt>Forecast volatility (annual)</dt>
          <dd data-testid="decomposition-vol">{formatUsd(d.volDollars)}</dd>
        </div>
        <div>
          <dt>Forecast volatility % NAV</dt>
          <dd data-testid="decomposition-vol-pct">{d.volPctNav === null ? "not available: NAV not positive" : formatPct(d.volPctNav)}</dd>
        </div>
        <div>
          <dt>Factor share of variance</dt>
          <dd data-testid="decomposition-factor-share">{formatPct(d.factorShare, 1)}</dd>
        </div>
        <div>
          <dt>Specific share of variance</dt>
          <dd data-testid="decomposition-specific-share">{formatPct(d.specificShare, 1)}</dd>
        </div>
      </dl>
      <TableRegion label="Variance by factor">
        <table data-testid="decomposition-factors">
          <caption className="sr-only">Variance by factor proxy</caption>
          <thead>
            <tr>
              <th>Factor (proxy)</th>
              <th className="num">Dollar exposure</th>
              <th className="num">Share of variance</th>
            </tr>
          </thead>
          <tbody>
            {d.factors.map((f) => (
              <tr key={f.proxy}>
                <td>{f.label}</td>
                <td className={`num ${signClass(f.dollars)}`}>{formatUsd(f.dollars)}</td>
                <td className="num">{formatPct(f.share, 1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <TableRegion label="Variance by symbol">
        <table data-testid="decomposition-symbols">
          <caption className="sr-only">Variance by symbol</caption>
          <thead>
            <tr>
              <th>Symbol</th>
              <th className="num">Exposure</th>
              <th className="num">Share of variance</th>
              <th className="num">Marginal vol per $</th>
              <th className="num">Specific vol (daily)</th>
            </tr>
          </thead>
          <tbody>
            {[...d.symbols]
              .sort((a, b) => Math.abs(b.componentShare) - Math.abs(a.componentShare))
              .map((s) => (
                <tr key={s.symbol}>
                  <td>{s.symbol}</td>
                  <td className={`num ${signClass(s.exposure)}`}>{formatUsd(s.exposure)}</td>
                  <td className="num">{formatPct(s.componentShare, 1)}</td>
                  <td className="num">{formatNum(s.marginal, 3)}</td>
                  <td className="num">{formatPct(s.specificVol)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </TableRegion>
      {d.excluded.length > 0 && (
        <p className="muted" data-testid="decomposition-excluded">
          Left out: {d.excluded.map((e) => `${e.symbol} (${formatUsd(e.exposure)}, ${reasonLabel(e.reason)})`).join("; ")}.
        </p>
      )}
      <p className="muted">
        Factor covariance over {d.covariance.n} returns, {d.covariance.startDate} to {d.covariance.endDate}.
      </p>
    </>
  );
}

export function DecompositionPanel({ portfolioId }: { portfolioId: string }) {
  const query = useApi("decomposition", portfolioId, useAsOfQuery());
  return (
    <AnalyticsSection title="Risk decomposition" testId="decomposition-section" query={query}>
      {(d) => <DecompositionBody d={d} />}
    </AnalyticsSection>
  );
}
