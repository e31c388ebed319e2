import "server-only";
// Batch runs as the admin pages see them: who started each one, over what scope and dates, how it
// ended. Reads only; every caller has passed requireAdmin (withAdmin or requirePageAdmin).
import { ApiError } from "@/lib/api/errors";
import type { AdminRun, RunPageResponse } from "@/lib/contracts/admin-runs";
import { fromDbDate } from "@/lib/dates";
import { getPrisma } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RunStatus } from "@/lib/generated/prisma/enums";
import { projectRelativeOrNull } from "@/lib/telemetry/project-relative";

const runInclude = { triggeredBy: { select: { id: true, name: true, email: true } } } satisfies Prisma.BatchRunInclude;
type RunWithUser = Prisma.BatchRunGetPayload<{ include: typeof runInclude }>;

/** Keeps the numeric entries of the run's counts JSON: its shape belongs to the batch, not to this page. */
function numericCounts(value: Prisma.JsonValue | null): Record<string, number> | null {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
  const entries = Object.entries(value).filter((e): e is [string, number] => typeof e[1] === "number");
  return Object.fromEntries(entries);
}

async function portfolioNames(ids: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await getPrisma().portfolio.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(rows.map((p) => [p.id, p.name]));
}

function toAdminRun(r: RunWithUser, names: ReadonlyMap<string, string>): AdminRun {
  return {
    id: r.id,
    asOfDate: fromDbDate(r.asOfDate),
    trigger: r.trigger,
    triggeredBy: r.triggeredBy,
    scope: { all: r.portfolioIds.length === 0, portfolios: r.portfolioIds.map((id) => ({ id, name: names.get(id) ?? id })) },
    force: r.forceRerun ? { from: r.fromDate && fromDbDate(r.fromDate), to: r.toDate && fromDbDate(r.toDate) } : null,
    status: r.status,
    executor: r.executor,
    counts: numericCounts(r.counts),
    errorMessage: projectRelativeOrNull(r.errorMessage),
    errorStack: projectRelativeOrNull(r.errorStack),
    startedAt: r.startedAt.toISOString(),
    heartbeatAt: r.heartbeatAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    durationMs: r.durationMs,
  };
}

/** Newest first; the cursor is the id of the last run of the previous page. */
export async function listRuns({ status, limit, cursor }: { status?: RunStatus; limit: number; cursor?: string }): Promise<RunPageResponse> {
  const prisma = getPrisma();
  if (cursor !== undefined && !(await prisma.batchRun.findUnique({ where: { id: cursor }, select: { id: true } }))) {
    throw new ApiError("unprocessable_entity", "Invalid query: query.cursor: no such run", { fields: [{ field: "query.cursor", message: "no such run" }] });
  }
  const rows = await prisma.batchRun.findMany({
    where: status === undefined ? {} : { status },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(cursor === undefined ? {} : { cursor: { id: cursor }, skip: 1 }),
    include: runInclude,
  });
  const page = rows.slice(0, limit);
  const names = await portfolioNames(page.flatMap((r) => r.portfolioIds));
  return { runs: page.map((r) => toAdminRun(r, names)), nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}

export async function getRunOrThrow(runId: string): Promise<AdminRun> {
  const row = await getPrisma().batchRun.findUnique({ where: { id: runId }, include: runInclude });
  if (!row) throw new ApiError("not_found", `Batch run ${runId} not found.`);
  return toAdminRun(row, await portfolioNames(row.portfolioIds));
}
