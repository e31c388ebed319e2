"use client";
// The batch runs list: newest first, filtered by status, "Load more" through the API's cursor;
// it refreshes itself while a run is in progress.
import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { RUN_STATUSES, type RunStatus } from "@/lib/contracts/admin-runs";
import { fetchEndpoint } from "@/lib/contracts/client";
import { countsLabel, formatDuration, formatTime, rangeLabel, runDurationMs, scopeLabel, triggerLabel } from "./run-labels";
import { StatusBadge } from "./status-badge";
import { TableRegion } from "@/components/table-region";



export function RunsTable() {
  const [status, setStatus] = useState<RunStatus | "">("");
  const query = useInfiniteQuery({
    queryKey: ["admin-runs", status],
    queryFn: ({ pageParam }) => fetchEndpoint("runs", { limit: 25, ...(status ? { status } : {}), ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.runs.some((r) => r.status === "RUNNING")) ? 2000 : false),
  });
  const runs = query.data?.pages.flatMap((p) => p.runs) ?? [];
  const now = query.dataUpdatedAt;
  return (
    <section className="panel" aria-label="Batch runs">
      <div className="row">
        <h2>Runs</h2>
        <span className="spacer" />
        <label className="field inline">
          <span>Status</span>
          <select value={status} onChange={(e) => setStatus(RUN_STATUSES.find((s) => s === e.target.value) ?? "")}>
            <option value="">All</option>
            {RUN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s.toLowerCase()}
              </option>
            ))}
          </select>
        </label>
      </div>
      {query.isPending && <p className="muted">Loading runs…</p>}
      {query.error && <p role="alert" className="error">Could not load the runs: {query.error.message}</p>}
      {query.isSuccess && runs.length === 0 && <p className="muted">No runs{status ? ` with status ${status.toLowerCase()}` : ""} yet.</p>}
      {runs.length > 0 && (
        <TableRegion label="Batch runs">
          <table data-testid="runs-table">
            <thead>
              <tr>
                <th>Started</th>
                <th>Trigger</th>
                <th>As of</th>
                <th>Scope</th>
                <th>Status</th>
                <th className="num">Duration</th>
                <th>Counts</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr key={run.id} data-run-id={run.id}>
                  <td className="when">
                    <Link href={`/admin/batch/${run.id}`}>{formatTime(run.startedAt)}</Link>
                  </td>
                  <td>{triggerLabel(run)}</td>
                  <td>{run.asOfDate}</td>
                  <td>
                    {scopeLabel(run)}
                    <div className="muted small">{rangeLabel(run)}</div>
                  </td>
                  <td>
                    <StatusBadge status={run.status} />
                  </td>
                  <td className="num">{formatDuration(runDurationMs(run, now))}</td>
                  <td className="small counts">{countsLabel(run.counts)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {query.hasNextPage && (
        <button type="button" className="secondary" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {query.isFetchingNextPage ? "Loading…" : "Load more"}
        </button>
      )}
    </section>
  );
}
