"use client";
// Phase telemetry rows: status, reason, duration, counts; a row expands to its error with the stack
// and its recorded details.
import { Fragment, useState } from "react";
import { type AdminPhaseRow, PHASE_LABELS } from "@/lib/contracts/admin-runs";
import { reasonLabel } from "@/lib/reason-codes";
import { countsLabel, formatDuration } from "./run-labels";
import { StatusBadge } from "./status-badge";
import { TableRegion } from "@/components/table-region";


const hasMore = (r: AdminPhaseRow) => r.errorMessage !== null || r.errorStack !== null || (r.details !== null && r.details !== undefined);

export function PhaseRowsTable({ rows, showDate = true, testId }: { rows: AdminPhaseRow[]; showDate?: boolean; testId?: string }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const columns = showDate ? 7 : 6;
  return (
    <TableRegion label="Phase results">
      <table data-testid={testId} className="phase-rows">
        <thead>
          <tr>
            <th>Phase</th>
            {showDate && <th>Date</th>}
            <th>Status</th>
            <th>Reason</th>
            <th className="num">Duration</th>
            <th>Counts</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <Fragment key={r.id}>
              <tr data-phase={r.phase} data-status={r.status}>
                <td>{PHASE_LABELS[r.phase]}</td>
                {showDate && <td>{r.date ?? "—"}</td>}
                <td>
                  <StatusBadge status={r.status} />
                </td>
                <td title={r.reasonCode ?? undefined}>{r.reasonCode ? reasonLabel(r.reasonCode) : ""}</td>
                <td className="num">{formatDuration(r.durationMs)}</td>
                <td className="small counts">{countsLabel(r.counts)}</td>
                <td>
                  {hasMore(r) && (
                    <button type="button" className="link" aria-expanded={open.has(r.id)} onClick={() => toggle(r.id)}>
                      {r.errorMessage ? "Error" : "Details"}
                    </button>
                  )}
                </td>
              </tr>
              {open.has(r.id) && (
                <tr className="expanded">
                  <td colSpan={columns}>
                    {r.errorMessage && <p className="error">{r.errorMessage}</p>}
                    {r.errorStack && <pre className="stack">{r.errorStack}</pre>}
                    {r.details !== null && r.details !== undefined && <pre className="details">{JSON.stringify(r.details, null, 2)}</pre>}
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
