"use client";
import Link from "next/link";
import { useApi } from "@/components/use-api";
import { formatUsd, signClass } from "@/lib/format";

export function PortfolioList() {
  const { data, error, isPending } = useApi("portfolios");
  if (isPending) return <p className="muted">Loading portfolios…</p>;
  if (error) return <p role="alert" className="error">Could not load portfolios: {error.message}</p>;
  if (data.portfolios.length === 0) return <p className="muted">No portfolios yet.</p>;
  return (
    <div className="panel table-wrap">
      <table data-testid="portfolio-table">
        <thead>
          <tr>
            <th>Portfolio</th>
            <th>Manager</th>
            <th className="num">Positions</th>
            <th className="num">NAV</th>
            <th className="num">Day P&amp;L</th>
            <th className="num">Total P&amp;L</th>
            <th>As of</th>
          </tr>
        </thead>
        <tbody>
          {data.portfolios.map((p) => (
            <tr key={p.id}>
              <td><Link href={`/portfolios/${p.id}`}>{p.name}</Link></td>
              <td>{p.ownerName}</td>
              <td className="num">{p.positionCount}</td>
              <td className="num">{formatUsd(p.latest?.nav ?? p.startingEquity)}</td>
              <td className={`num ${signClass(p.latest?.pnlDay)}`}>{formatUsd(p.latest?.pnlDay)}</td>
              <td className={`num ${signClass(p.latest?.pnlCumulative)}`}>{formatUsd(p.latest?.pnlCumulative)}</td>
              <td>{p.latest?.date ?? <span className="muted">not computed yet</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
