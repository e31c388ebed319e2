// The one-page risk report of a book on one date: key figures, factor exposures, the worst stress
// results, VaR/ES, volatility and the largest positions, laid out for A4 or Letter (print rules in
// app/globals.css, "Risk report"). Rendered on the server from the same reads as the pages.
import type { ReactNode } from "react";
import { TableRegion } from "@/components/table-region";
import type { Available, FactorsResponse, OverviewResponse, StressListResponse, Unavailable, VarResponse, VolatilityResponse } from "@/lib/contracts/analytics";
import type { PositionListResponse } from "@/lib/contracts/positions";
import { formatNum, formatPct, formatUsd, signClass } from "@/lib/format";
import { reasonLabel } from "@/lib/reason-codes";

export interface RiskReportData {
  name: string;
  asOfDate: string | null;
  overview: OverviewResponse;
  factors: FactorsResponse;
  stress: StressListResponse;
  valueAtRisk: VarResponse;
  volatility: VolatilityResponse;
  positions: PositionListResponse;
}

const TOP_STRESS = 6;
const TOP_POSITIONS = 10;

function Missing({ r }: { r: Unavailable }) {
  return <p className="muted" data-testid="unavailable-reason">Not available: {reasonLabel(r.reason)} ({r.detail}).</p>;
}

function Part<R extends { available: boolean }>({ title, testId, data, children }: { title: string; testId: string; data: R; children: (d: Extract<R, { available: true }>) => ReactNode }) {
  return (
    <section className="report-part" data-testid={testId}>
      <h2>{title}</h2>
      {data.available ? children(data as Extract<R, { available: true }>) : <Missing r={data as unknown as Unavailable} />}
    </section>
  );
}

export function RiskReport({ data }: { data: RiskReportData }) {
  const { overview, factors, stress, valueAtRisk, volatility, positions } = data;
  const worst = (d: Available<StressListResponse>) => [...d.scenarios].sort((a, b) => a.correlatedPnl - b.correlatedPnl).slice(0, TOP_STRESS);
  const top = positions.positions
    .filter((p) => p.valuation !== null)
    .sort((a, b) => Math.abs(b.valuation!.exposure) - Math.abs(a.valuation!.exposure))
    .slice(0, TOP_POSITIONS);
  return (
    <article className="risk-report" data-testid="risk-report">
      <header className="report-head">
        <h2 className="report-title">Risk report · {data.name}</h2>
        <p className="muted">as of {data.asOfDate ?? "— (no complete snapshot yet)"}</p>
      </header>
      <Part title="Key figures" testId="report-key-figures" data={overview}>
        {(o) => (
          <dl className="figures">
            <div><dt>NAV</dt><dd data-testid="report-nav">{formatUsd(o.nav)}</dd></div>
            <div><dt>Day P&amp;L</dt><dd className={signClass(o.pnlDay)}>{formatUsd(o.pnlDay)}</dd></div>
            <div><dt>Cumulative P&amp;L</dt><dd className={signClass(o.pnlCumulative)}>{formatUsd(o.pnlCumulative)}</dd></div>
            <div><dt>Gross exposure</dt><dd>{formatUsd(o.grossExposure)}</dd></div>
            <div><dt>Net exposure</dt><dd>{formatUsd(o.netExposure)}</dd></div>
            <div><dt>Positions</dt><dd>{o.numPositions ?? "—"}</dd></div>
          </dl>
        )}
      </Part>
      <div className="report-grid">
        <Part title="Value at Risk (1 day)" testId="report-var" data={valueAtRisk}>
          {(v) => (
            <TableRegion label="Value at Risk in the report"><table className="dense">
              <thead><tr><th>Method</th><th className="num">Conf.</th><th className="num">VaR</th><th className="num">ES</th></tr></thead>
              <tbody>
                {v.rows.map((r) => (
                  <tr key={`${r.method}-${r.confidence}`}>
                    <td>{r.method}</td><td className="num">{formatPct(r.confidence, 0)}</td><td className="num">{formatUsd(r.var)}</td><td className="num">{formatUsd(r.es)}</td>
                  </tr>
                ))}
              </tbody>
            </table></TableRegion>
          )}
        </Part>
        <Part title="Volatility" testId="report-volatility" data={volatility}>
          {(v) => (
            <dl className="figures">
              <div><dt>Realized 21d</dt><dd data-testid="report-vol21">{formatPct(v.vol21, 1)}</dd></div>
              <div><dt>Realized 63d</dt><dd>{formatPct(v.vol63, 1)}</dd></div>
              <div><dt>HAR forecast</dt><dd>{formatPct(v.forecastHar, 1)}</dd></div>
              <div><dt>EWMA forecast</dt><dd>{formatPct(v.forecastEwma, 1)}</dd></div>
              <div><dt>Percentile (1y)</dt><dd>{formatPct(v.percentile, 0)}</dd></div>
            </dl>
          )}
        </Part>
        <Part title="Factor exposures" testId="report-factors" data={factors}>
          {(f) => (
            <TableRegion label="Factor exposures in the report"><table className="dense">
              <thead><tr><th>Factor</th><th className="num">Beta</th><th className="num">Dollars</th></tr></thead>
              <tbody>
                {f.factors.map((x) => (
                  <tr key={x.factor}>
                    <td>{x.displayName}</td>
                    {x.beta === null ? <td colSpan={2} className="muted">not available</td> : <><td className="num">{formatNum(x.beta, 3)}</td><td className="num">{formatUsd(x.dollars)}</td></>}
                  </tr>
                ))}
              </tbody>
            </table></TableRegion>
          )}
        </Part>
        <div>
          <Part title={`Worst ${TOP_STRESS} stress results`} testId="report-stress" data={stress}>
            {(s) => (
              <TableRegion label="Worst stress results in the report"><table className="dense">
                <thead><tr><th>Scenario</th><th className="num">Correlated P&amp;L</th><th className="num">% NAV</th></tr></thead>
                <tbody>
                  {worst(s).map((r) => (
                    <tr key={r.scenarioKey}>
                      <td>{r.name}</td><td className={`num ${signClass(r.correlatedPnl)}`}>{formatUsd(r.correlatedPnl)}</td><td className="num">{formatPct(r.correlatedPct, 1)}</td>
                    </tr>
                  ))}
                </tbody>
              </table></TableRegion>
            )}
          </Part>
          <section className="report-part" data-testid="report-positions">
            <h2>Largest {TOP_POSITIONS} positions</h2>
            {top.length === 0 ? (
              <p className="muted" data-testid="unavailable-reason">Not available: {positions.detail ?? "no position is valued on this date"}.</p>
            ) : (
              <TableRegion label="Largest positions in the report"><table className="dense">
                <thead><tr><th>Position</th><th className="num">Exposure</th><th className="num">Weight</th></tr></thead>
                <tbody>
                  {top.map((p) => (
                    <tr key={p.id}>
                      <td>{p.symbol}</td><td className="num">{formatUsd(p.valuation!.exposure)}</td><td className="num">{formatPct(p.valuation!.weight, 1)}</td>
                    </tr>
                  ))}
                </tbody>
              </table></TableRegion>
            )}
          </section>
        </div>
      </div>
      <p className="muted small-print">Figures as stored by the daily batch; definitions at /methodology. Generated by Riskline.</p>
    </article>
  );
}
