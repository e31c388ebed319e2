"use client";
// What changed since the previous complete day (or a chosen one): each factor's dollar exposure and each
// scenario's direct P&L change, split into trades (positions), prices and re-estimated betas, with the
// symbols that moved each part most.
import { useState } from "react";
import { AnalyticsSection } from "@/components/analytics-section";
import { useAsOfDate } from "@/components/date-travel/use-as-of-date";
import { TableRegion } from "@/components/table-region";
import { useApi } from "@/components/use-api";
import type { WhatChangedResponse } from "@/lib/contracts/what-changed";
import { isIsoDate } from "@/lib/dates";
import { formatUsd, signClass } from "@/lib/format";

type Figures = Extract<WhatChangedResponse, { available: true }>;
type Row = { id: string; label: string; before: number; after: number; change: number; positions: number; prices: number; betas: number; top: Figures["factors"][number]["top"] };

const PARTS = [
  ["positions", "Positions"],
  ["prices", "Prices"],
  ["betas", "Betas"],
] as const;

function SplitTable({ rows, caption, testId, selected, onSelect }: { rows: Row[]; caption: string; testId: string; selected: string; onSelect: (id: string) => void }) {
  return (
    <TableRegion label={caption}>
      <table data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th>{caption}</th>
            <th className="num">Before</th>
            <th className="num">After</th>
            <th className="num">Change</th>
            {PARTS.map(([k, label]) => (
              <th key={k} className="num">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} aria-selected={r.id === selected}>
              <td>
                <button type="button" className="link-button" aria-pressed={r.id === selected} onClick={() => onSelect(r.id)}>
                  {r.label}
                </button>
              </td>
              <td className="num">{formatUsd(r.before)}</td>
              <td className="num">{formatUsd(r.after)}</td>
              <td className={`num ${signClass(r.change)}`}>{formatUsd(r.change)}</td>
              {PARTS.map(([k]) => (
                <td key={k} className={`num ${signClass(r[k])}`}>
                  {formatUsd(r[k])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

function Contributors({ row }: { row: Row }) {
  return (
    <div className="detail-grid" data-testid="what-changed-contributors">
      {PARTS.map(([k, label]) => (
        <div key={k}>
          <h3>
            {label}: {row.label}
          </h3>
          {row.top[k].length === 0 ? (
            <p className="muted">No change from {label.toLowerCase()}.</p>
          ) : (
            <ul className="compact-list">
              {row.top[k].map((c) => (
                <li key={c.symbol}>
                  {c.symbol} <span className={signClass(c.value)}>{formatUsd(c.value)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </div>
  );
}

function WhatChangedBody({ d }: { d: Figures }) {
  const factors: Row[] = d.factors.map((f) => ({ ...f, id: `f-${f.factor}`, before: f.dollarsFrom, after: f.dollarsTo }));
  const scenarios: Row[] = d.scenarios.map((s) => ({ ...s, id: `s-${s.key}`, label: s.name, before: s.directFrom, after: s.directTo }));
  const [selected, setSelected] = useState(factors[0]?.id ?? "");
  const row = [...factors, ...scenarios].find((r) => r.id === selected) ?? factors[0];
  return (
    <>
      <p className="muted" data-testid="what-changed-dates">
        From {d.fromDate} to {d.asOfDate}. Choose a row to see the symbols behind each part.
      </p>
      <SplitTable rows={factors} caption="Factor dollar exposure" testId="what-changed-factors" selected={selected} onSelect={setSelected} />
      <SplitTable rows={scenarios} caption="Direct stress P&L" testId="what-changed-scenarios" selected={selected} onSelect={setSelected} />
      {row && <Contributors row={row} />}
    </>
  );
}

export function WhatChangedPanel({ portfolioId }: { portfolioId: string }) {
  const to = useAsOfDate();
  const [from, setFrom] = useState("");
  const query = useApi("whatChanged", portfolioId, { ...(to === undefined ? {} : { to }), ...(isIsoDate(from) ? { from } : {}) });
  return (
    <AnalyticsSection title="What changed" testId="what-changed-section" query={query}>
      {(d) => (
        <>
          <div className="inline-form">
            <label className="field">
              Compare with{" "}
              <input type="date" value={from || d.fromDate} max={d.asOfDate} onChange={(e) => setFrom(e.target.value)} data-testid="what-changed-from" />
            </label>
          </div>
          <WhatChangedBody key={`${d.fromDate}-${d.asOfDate}`} d={d} />
        </>
      )}
    </AnalyticsSection>
  );
}
