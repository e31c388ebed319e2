// POST /api/admin/runs from the browser. Unlike fetchJson it keeps the 409's `details.runningRunId`,
// so the dialog can link to the run that holds the as-of date.
import type { StartedRun } from "@/lib/dal/admin-start-run";

export class StartRunError extends Error {
  constructor(
    message: string,
    readonly runningRunId: string | null,
  ) {
    super(message);
  }
}

interface ErrorBody {
  error?: { message?: string; details?: { runningRunId?: unknown } };
}

export async function postRun(body: { portfolioIds: string[] | null; force: { from: string; to: string } | null }): Promise<StartedRun> {
  const res = await fetch("/api/admin/runs", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const json: unknown = await res.json().catch(() => null);
  if (res.ok) return json as StartedRun;
  const error = (json as ErrorBody | null)?.error;
  const running = error?.details?.runningRunId;
  throw new StartRunError(error?.message ?? `Request failed with status ${res.status}`, typeof running === "string" ? running : null);
}
