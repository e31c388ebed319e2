// POST /api/admin/runs from the browser. Unlike fetchJson it keeps the 409's `details.runningRunId`,
// so the dialog can link to the run that holds the as-of date.
import type { StartRunBody, StartedRunResponse } from "@/lib/contracts/admin-runs";
import { parseResponse } from "@/lib/contracts/client";

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

export async function postRun(body: StartRunBody): Promise<StartedRunResponse> {
  const res = await fetch("/api/admin/runs", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const json: unknown = await res.json().catch(() => null);
  if (res.ok) return parseResponse("startRun", json);
  const error = (json as ErrorBody | null)?.error;
  const running = error?.details?.runningRunId;
  throw new StartRunError(error?.message ?? `Request failed with status ${res.status}`, typeof running === "string" ? running : null);
}
