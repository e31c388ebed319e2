"use client";
// Data freshness: coverage of the last N trading days (requested vs received) and, per symbol the
// batch needs, its last price date and status against the as-of date, stale and missing first.
import { useState } from "react";
import { useApi } from "@/components/use-api";
import { StatusBadge } from "./status-badge";
import { TableRegion } from "@/components/table-region";

const ORDER = { missing: 0, stale: 1, fresh: 2 } as const;
const DAY_CHOICES = [5, 20, 60, 120, 250];

export function FreshnessView() {
  const [days, setDays] = useState(20);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const query = useApi("freshness", { days });
  if (query.isPending) return <p className="muted">Loading market data freshness…</p>;
  if (query.error) return <p role="alert" className="error">Could not load the freshness report: {query.error.message}</p>;
  const data = query.data;
  const symbols = [...data.symbols]
    .filter((s) => !onlyProblems || s.status !== "fresh")
    .sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.symbol.localeCompare(b.symbol));
  return (
    <>
      <section className="grid" aria-label="Summary">
        <div className="panel stat">
          <div className="label">As of ({data.asOfSource})</div>
          <div className="value" data-testid="freshness-as-of">{data.asOf}</div>
        </div>
        <div className="panel stat">
          <div className="label">Fresh symbols</div>
          <div className="value pos">{data.counts.fresh}</div>
        </div>
        <div className="panel stat">
          <div className="label">Stale symbols</div>
          <div className={`value ${data.counts.stale ? "neg" : ""}`} data-testid="stale-count">{data.counts.stale}</div>
        </div>
        <div className="panel stat">
          <div className="label">Missing symbols</div>
          <div className={`value ${data.counts.missing ? "neg" : ""}`} data-testid="missing-count">{data.counts.missing}</div>
        </div>
        <div className="panel stat">
          <div className="label">Coverage, last {data.days} trading days</div>
          <div className="value">{data.pct.toFixed(1)} %</div>
        </div>
      </section>

      <section className="panel" aria-label="Coverage per date">
        <div className="row">
          <h2>Coverage per trading day</h2>
          <span className="spacer" />
          <label className="field inline">
            <span>Days</span>
            <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
              {DAY_CHOICES.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </label>
        </div>
        <TableRegion label="Coverage by date">
          <table data-testid="coverage-table">
            <thead>
              <tr>
                <th>Date</th>
                <th className="num">Requested</th>
                <th className="num">Received</th>
                <th className="num">Coverage</th>
                <th>Missing symbols</th>
              </tr>
            </thead>
            <tbody>
              {[...data.coverage].reverse().map((c) => (
                <tr key={c.date}>
                  <td>{c.date}</td>
                  <td className="num">{c.requested}</td>
                  <td className="num">{c.received}</td>
                  <td className={`num ${c.pct < 100 ? "neg" : ""}`}>{c.pct.toFixed(1)} %</td>
                  <td className="small">{c.missingSymbols.join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </section>

      <section className="panel" aria-label="Symbols">
        <div className="row">
          <h2>Symbols the batch needs ({data.symbols.length})</h2>
          <span className="spacer" />
          <label className="inline-check">
            <input type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} /> Stale and missing only
          </label>
        </div>
        <TableRegion label="Symbols">
          <table data-testid="symbols-table">
            <thead>
              <tr>
                <th>Symbol</th>
                <th>Name</th>
                <th>Last price</th>
                <th>Status</th>
                <th className="num">Trading days behind</th>
                <th className="num">Portfolios</th>
                <th>Factor proxy</th>
              </tr>
            </thead>
            <tbody>
              {symbols.map((s) => (
                <tr key={s.symbol} data-symbol={s.symbol}>
                  <td>{s.symbol}</td>
                  <td>{s.name ?? "—"}</td>
                  <td>{s.lastPriceDate ?? "—"}</td>
                  <td>
                    <StatusBadge status={s.status} />
                  </td>
                  <td className="num">{s.daysBehind ?? "—"}</td>
                  <td className="num">{s.portfolios || ""}</td>
                  <td>{s.proxy ? "yes" : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </section>
    </>
  );
}
