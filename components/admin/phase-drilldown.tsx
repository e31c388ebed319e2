"use client";
// The rows behind one cell or line of the aggregate, fetched on demand, a page at a time.
import { useInfiniteQuery } from "@tanstack/react-query";
import { type BatchPhaseName, PHASE_LABELS } from "@/lib/contracts/admin-runs";
import { fetchEndpoint } from "@/lib/contracts/client";
import { PhaseRowsTable } from "./phase-rows-table";

export interface DrillFilter {
  portfolioId: string;
  phase?: BatchPhaseName;
  date?: string;
  status?: string;
}

export function PhaseDrilldown({ runId, filter, live, onClose }: { runId: string; filter: DrillFilter; live: boolean; onClose: () => void }) {
  const params = Object.fromEntries(Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
  const query = useInfiniteQuery({
    queryKey: ["admin-run-phases", runId, params],
    queryFn: ({ pageParam }) => fetchEndpoint("runPhases", runId, { ...params, limit: 100, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: live ? 2000 : false,
  });
  const rows = query.data?.pages.flatMap((p) => p.phases) ?? [];
  const title = [filter.phase ? PHASE_LABELS[filter.phase] : "all phases", filter.date ?? "all dates", filter.status?.toLowerCase()].filter(Boolean).join(" · ");
  return (
    <div className="drilldown" data-testid="phase-drilldown">
      <div className="row">
        <strong>{title}</strong>
        <span className="spacer" />
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </div>
      {query.isPending && <p className="muted">Loading phases…</p>}
      {query.error && <p role="alert" className="error">Could not load the phases: {query.error.message}</p>}
      {query.isSuccess && rows.length === 0 && <p className="muted">No rows match.</p>}
      {rows.length > 0 && <PhaseRowsTable rows={rows} />}
      {query.hasNextPage && (
        <button type="button" className="secondary" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {query.isFetchingNextPage ? "Loading…" : `Load more (${rows.length} shown)`}
        </button>
      )}
    </div>
  );
}
