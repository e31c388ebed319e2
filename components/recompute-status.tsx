"use client";
// The book's recompute after an edit, on every portfolio page: "Recomputing from D — n of m days",
// polled while it lasts; when it ends, every section reloads. The owner may ask for a full recompute.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { sendEndpoint } from "@/lib/contracts/client";
import type { RecomputeStatus as Status } from "@/lib/contracts/recompute";
import { apiQuery } from "./use-api";

const POLL_MS = 2_000;

function describe(s: Exclude<Status, { state: "current" }>): string {
  if (s.state === "pending") return `Results from ${s.from} on are waiting to be recomputed after a change.`;
  const from = s.from ? ` from ${s.from}` : "";
  return s.total === null ? `Recomputing results${from}: planning…` : `Recomputing results${from}: ${s.done} of ${s.total} days done.`;
}

export function RecomputeStatus({ portfolioId, canRequest }: { portfolioId: string; canRequest: boolean }) {
  const client = useQueryClient();
  const router = useRouter();
  const status = useQuery({ ...apiQuery("recomputeStatus", portfolioId), refetchInterval: (q) => (q.state.data?.state === "current" ? false : POLL_MS) });
  const request = useMutation({
    mutationFn: () => sendEndpoint("requestRecompute", {}, portfolioId),
    onSuccess: () => client.invalidateQueries({ queryKey: ["recomputeStatus", portfolioId] }),
  });
  const state = status.data?.state;
  const previous = useRef(state);
  useEffect(() => {
    // A recompute just ended: every section shows results of the current inputs again.
    if (previous.current && previous.current !== "current" && state === "current") {
      void client.invalidateQueries();
      router.refresh();
    }
    previous.current = state;
  }, [state, client, router]);

  const busy = status.data && status.data.state !== "current" ? status.data : null;
  return (
    <div className="recompute row wrap small">
      <p role="status" aria-live="polite" className={busy ? "badge running" : "muted"}>
        {busy ? describe(busy) : status.isError ? "The recompute state could not be read." : status.data ? "Results are up to date with the positions and flows." : ""}
      </p>
      {canRequest && !busy && (
        <button type="button" className="secondary" onClick={() => request.mutate()} disabled={request.isPending || !status.data}>
          Recompute all results
        </button>
      )}
      {request.isError && (
        <p role="alert" className="error">
          {request.error.message}
        </p>
      )}
    </div>
  );
}
