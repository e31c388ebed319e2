"use client";
// Stress tests: every scenario's direct and correlated P&L in $ and % of NAV, sortable by any column;
// a row expands to its per-factor contributions (fetched from the one-scenario endpoint).
import { Fragment, useMemo, useState } from "react";
import { AnalyticsSection } from "@/components/analytics-section";
import { useApi } from "@/components/use-api";
import type { StressRow } from "@/lib/contracts/analytics";
import { formatPct, formatUsd, signClass } from "@/lib/format";
import { TableRegion } from "@/components/table-region";
import { useAsOfQuery } from "@/components/date-travel/use-as-of-date";
import { CsvLink } from "@/components/export/csv-link";

type Column = "name" | "directPnl" | "directPct" | "correlatedPnl" | "correlatedPct" | "difference" | "newNav";

const COLUMNS: { key: Column; label: string; format: (r: StressRow) => string; num: boolean }[] = [
  { key: "name", label: "Scenario", format: (r) => r.name, num: false },
  { key: "directPnl", label: "Direct P&L", format: (r) => formatUsd(r.directPnl), num: true },
  { key: "directPct", label: "Direct %", format: (r) => formatPct(r.directPct), num: true },
  { key: "correlatedPnl", label: "Correlated P&L", format: (r) => formatUsd(r.correlatedPnl), num: true },
  { key: "correlatedPct", label: "Correlated %", format: (r) => formatPct(r.correlatedPct), num: true },
  { key: "difference", label: "Difference", format: (r) => formatUsd(r.difference), num: true },
  { key: "newNav", label: "New NAV", format: (r) => formatUsd(r.newNav), num: true },
];

export function StressTable({ portfolioId }: { portfolioId: string }) {
  const query = useApi("stress", portfolioId, useAsOfQuery());
  return (
    <AnalyticsSection title="Stress tests" testId="stress-section" query={query}>
      {(d) => (
        <>
          <SortableStress portfolioId={portfolioId} rows={d.scenarios} />
          <CsvLink portfolioId={portfolioId} file="stress" query={{ date: d.asOfDate }} about="stress tests with their contributions" />
        </>
      )}
    </AnalyticsSection>
  );
}

function SortableStress({ portfolioId, rows }: { portfolioId: string; rows: StressRow[] }) {
  const [sort, setSort] = useState<{ column: Column; dir: "asc" | "desc" } | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const sorted = useMemo(() => {
    if (!sort) return rows;
    const k = sort.column;
    const sign = sort.dir === "asc" ? 1 : -1;
    return [...rows].sort((a, b) => sign * (k === "name" ? a.name.localeCompare(b.name) : (a[k] as number) - (b[k] as number)));
  }, [rows, sort]);
  const clickHeader = (column: Column) =>
    setSort((s) => (s?.column === column ? { column, dir: s.dir === "asc" ? "desc" : "asc" } : { column, dir: "asc" }));
  return (
    <TableRegion label="Stress scenarios">
      <table data-testid="stress-table">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.key} className={c.num ? "num" : ""} aria-sort={sort?.column === c.key ? (sort.dir === "asc" ? "ascending" : "descending") : "none"}>
                <button type="button" className="th-sort" data-testid={`stress-sort-${c.key}`} onClick={() => clickHeader(c.key)}>
                  {c.label} {sort?.column === c.key ? (sort.dir === "asc" ? "▲" : "▼") : ""}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <Fragment key={r.scenarioKey}>
              <tr data-testid={`stress-row-${r.scenarioKey}`} className={r.exceedsNav ? "exceeds" : ""}>
                {COLUMNS.map((c) => (
                  <td key={c.key} className={c.num ? `num ${signClass(c.key === "newNav" ? null : (r[c.key] as number))}` : ""} data-testid={`stress-${c.key}`}>
                    {c.key === "name" ? (
                      <button type="button" className="link-button" aria-expanded={open === r.scenarioKey} data-testid="stress-expand" onClick={() => setOpen(open === r.scenarioKey ? null : r.scenarioKey)}>
                        {open === r.scenarioKey ? "▾" : "▸"} {r.name}
                      </button>
                    ) : (
                      c.format(r)
                    )}
                    {c.key === "newNav" && r.exceedsNav && (
                      <span className="badge failed" data-testid="stress-exceeds-nav" title="The loss exceeds the NAV">
                        {" "}loss beyond NAV
                      </span>
                    )}
                  </td>
                ))}
              </tr>
              {open === r.scenarioKey && (
                <tr className="detail">
                  <td colSpan={COLUMNS.length}>
                    <ScenarioDetail portfolioId={portfolioId} scenarioKey={r.scenarioKey} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

function ScenarioDetail({ portfolioId, scenarioKey }: { portfolioId: string; scenarioKey: string }) {
  const query = useApi("stressDetail", portfolioId, scenarioKey, useAsOfQuery());
  return (
    <AnalyticsSection title="Per-factor contributions" testId={`stress-detail-${scenarioKey}`} query={query} className="inner">
      {(d) => (
        <div className="detail-grid">
          <table data-testid="stress-factor-contributions">
            <thead>
              <tr>
                <th>Factor</th>
                <th>Proxy</th>
                <th className="num">Shock</th>
                <th className="num">Direct</th>
                <th className="num">Correlated</th>
              </tr>
            </thead>
            <tbody>
              {d.factorContributions.map((f) => (
                <tr key={f.factor} data-testid={`stress-factor-${f.factor}`}>
                  <td>{f.factor}</td>
                  <td>{f.proxy}{f.given ? "" : " (implied)"}</td>
                  <td className={`num ${signClass(f.shock)}`}>{formatPct(f.shock)}</td>
                  <td className={`num ${signClass(f.direct)}`} data-testid="contribution-direct">{formatUsd(f.direct)}</td>
                  <td className={`num ${signClass(f.correlated)}`} data-testid="contribution-correlated">{formatUsd(f.correlated)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table data-testid="stress-position-contributions">
            <thead>
              <tr>
                <th>Largest position contributions</th>
                <th className="num">Exposure</th>
                <th className="num">Total</th>
              </tr>
            </thead>
            <tbody>
              {d.positionContributions.slice(0, 8).map((p) => (
                <tr key={p.positionId}>
                  <td>{p.symbol}</td>
                  <td className="num">{formatUsd(p.exposure)}</td>
                  <td className={`num ${signClass(p.total)}`}>{formatUsd(p.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">Direct {formatUsd(d.scenario.directPnl)}, correlated {formatUsd(d.scenario.correlatedPnl)} ({formatPct(d.scenario.correlatedPct)} of NAV).</p>
        </div>
      )}
    </AnalyticsSection>
  );
}
