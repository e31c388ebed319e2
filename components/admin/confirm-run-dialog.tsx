"use client";
// The confirmation before a batch starts: it says exactly what will be recomputed (portfolios,
// dates, number of trading days), then posts the request and opens the new run's page.
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";
import { nextTradingDay, tradingDaysBetween } from "@/lib/market-data/trading-calendar";
import { postRun, StartRunError } from "./post-run";

export interface RunDraft {
  /** "run": back-fill missing dates up to the as-of date; "force": recompute every date of the range. */
  kind: "run" | "force";
  /** null: every portfolio. */
  portfolioIds: string[] | null;
  from: string;
  to: string;
}

export type PortfolioChoice = Pick<PortfolioSummary, "id" | "name" | "latest" | "inceptionDate">;

function tradingDayCount(from: string, to: string): number | null {
  try {
    return tradingDaysBetween(from, to).length;
  } catch {
    return null; // not a date the calendar knows: the server names the field
  }
}

/** Trading days a normal run will back-fill for a portfolio: after its last complete snapshot up to the as-of date. */
function missingDays(p: PortfolioChoice, asOf: string): number | null {
  const first = p.latest ? nextTradingDay(p.latest.date) : p.inceptionDate;
  return first > asOf ? 0 : tradingDayCount(first, asOf);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function ConfirmRunDialog({ draft, portfolios, asOf, onClose }: { draft: RunDraft; portfolios: PortfolioChoice[]; asOf: string; onClose: () => void }) {
  const router = useRouter();
  const chosen = draft.portfolioIds === null ? portfolios : portfolios.filter((p) => draft.portfolioIds?.includes(p.id));
  const days = draft.kind === "force" ? tradingDayCount(draft.from, draft.to) : null;
  const start = useMutation({
    mutationFn: () => postRun({ portfolioIds: draft.portfolioIds, force: draft.kind === "force" ? { from: draft.from, to: draft.to } : null }),
    onSuccess: ({ runId }) => router.push(`/admin/batch/${runId}`),
  });
  const conflictRunId = start.error instanceof StartRunError ? start.error.runningRunId : null;
  const title = draft.kind === "force" ? "Force rerun" : "Run now";
  return (
    <div className="modal-backdrop">
      <div className="panel modal" role="dialog" aria-modal="true" aria-labelledby="confirm-run-title" data-testid="confirm-run">
        <h2 id="confirm-run-title">{title}?</h2>
        {draft.kind === "force" ? (
          <p data-testid="confirm-summary">
            Recomputes <strong>{draft.portfolioIds === null ? `all ${plural(chosen.length, "portfolio")}` : plural(chosen.length, "portfolio")}</strong> from{" "}
            <strong>{draft.from}</strong> to <strong>{draft.to}</strong>:{" "}
            <strong>{days === null ? "an invalid range" : plural(days, "trading day")}</strong>
            {days !== null && ` (${plural(days * chosen.length, "portfolio-day")})`}, replacing their stored results.
          </p>
        ) : (
          <p data-testid="confirm-summary">
            Runs the daily batch as of <strong>{asOf}</strong> for {draft.portfolioIds === null ? `all ${plural(chosen.length, "portfolio")}` : plural(chosen.length, "portfolio")}: each
            back-fills its missing trading days; complete dates are left as they are.
          </p>
        )}
        <ul className="compact-list">
          {chosen.map((p) => {
            const n = draft.kind === "run" ? missingDays(p, asOf) : null;
            return (
              <li key={p.id}>
                {p.name}
                {n !== null && <span className="muted"> · {n === 0 ? "up to date" : `${plural(n, "missing trading day")}`}</span>}
              </li>
            );
          })}
        </ul>
        {start.error && (
          <p role="alert" className="error">
            {start.error.message} {conflictRunId && <Link href={`/admin/batch/${conflictRunId}`}>Open the running run</Link>}
          </p>
        )}
        <div className="row">
          <button type="button" onClick={() => start.mutate()} disabled={start.isPending || start.isSuccess || days === 0}>
            {start.isPending || start.isSuccess ? "Starting…" : "Confirm"}
          </button>
          <button type="button" className="secondary" onClick={onClose} disabled={start.isPending}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
