// How runs read on the admin pages: trigger with who, scope, duration.
import type { AdminRun } from "@/lib/contracts/admin-runs";
import { formatDateTime } from "@/lib/format";

export function formatDuration(ms: number | null | undefined): string {
  if (ms == null) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

export function triggerLabel(run: Pick<AdminRun, "trigger" | "triggeredBy">): string {
  switch (run.trigger) {
    case "CRON":
      return "Cron";
    case "ADMIN":
      return run.triggeredBy ? `Admin · ${run.triggeredBy.name}` : "Admin (account deleted)";
    case "CLI":
      return "CLI";
    case "SEED":
      return "Seed";
    case "RECOMPUTE":
      return run.triggeredBy ? `Recompute after an edit · ${run.triggeredBy.name}` : "Recompute after an edit";
  }
}

export function scopeLabel(run: Pick<AdminRun, "scope">): string {
  return run.scope.all ? "All portfolios" : run.scope.portfolios.map((p) => p.name).join(", ");
}

export function rangeLabel(run: Pick<AdminRun, "force">): string {
  if (!run.force) return "missing dates";
  return `force ${run.force.from ?? "?"} → ${run.force.to ?? "?"}`;
}

/** A finished run's recorded duration, or the time elapsed so far for one still running. */
export function runDurationMs(run: Pick<AdminRun, "durationMs" | "startedAt" | "status">, now: number): number | null {
  if (run.durationMs != null) return run.durationMs;
  return run.status === "RUNNING" ? now - Date.parse(run.startedAt) : null;
}

/** A run's start or end, in the one format of the admin pages (lib/format.ts). */
export const formatTime = (iso: string | null): string => formatDateTime(iso);

const words = (key: string) => key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
const countFormat = new Intl.NumberFormat("en-US");

/** A phase's or run's counts as words: "betas stored 150,600 · dates failed 0", never "betasStored 150600". */
export function countsLabel(counts: unknown): string {
  if (counts === null || typeof counts !== "object") return "—";
  const entries = Object.entries(counts).filter(([, v]) => typeof v === "number" || typeof v === "string");
  return entries.length ? entries.map(([k, v]) => `${words(k)} ${typeof v === "number" ? countFormat.format(v) : v}`).join(" · ") : "—";
}
