"use client";
// The caller's books with their latest NAV; with `archived`, the archived ones under a disclosure
// (fetched when opened), each still readable and restorable from its Settings.
import Link from "next/link";
import { useState } from "react";
import { useApi } from "@/components/use-api";
import { formatUsd, signClass } from "@/lib/format";
import { TableRegion } from "@/components/table-region";

export function PortfolioList({ archived = false }: { archived?: boolean }) {
  const [open, setOpen] = useState(false);
  if (!archived) return <PortfolioTable archived={false} />;
  return (
    <details className="panel" onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="archived-portfolios">
      <summary>Archived portfolios</summary>
      {open && <PortfolioTable archived />}
    </details>
  );
}

function PortfolioTable({ archived }: { archived: boolean }) {
  const { data, error, isPending } = useApi("portfolios", archived ? { archived: "1" } : {});
  if (isPending) return <p className="muted">Loading portfolios…</p>;
  if (error) return <p role="alert" className="error">Could not load portfolios: {error.message}</p>;
  if (data.portfolios.length === 0) return <p className="muted">{archived ? "No archived portfolios." : "No portfolios yet: create one with New portfolio."}</p>;
  return (
    <TableRegion className={archived ? "" : "panel"} label={archived ? "Archived portfolios" : "Portfolios"}>
      <table data-testid={archived ? "archived-table" : "portfolio-table"}>
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
    </TableRegion>
  );
}
