import "server-only";
// "Run now" and "Force rerun" from the admin pages: checks what the body's schema cannot (portfolios
// exist, dates not after the as-of date), then hands the request to the batch. A normal run while
// another one holds the same as-of date is a 409 naming the running run.
import { ApiError } from "@/lib/api/errors";
import type { StartedRunResponse } from "@/lib/contracts/admin-runs";
import { BatchConflictError, startBatch } from "@/lib/batch/start-batch";
import { getPrisma } from "@/lib/db/prisma";
import type { IsoDate } from "@/lib/dates";
import type { SessionUser } from "./session";
import { currentAsOf } from "./admin-as-of";

export interface StartRunInput {
  portfolioIds?: string[] | null;
  force?: { from: IsoDate; to: IsoDate } | null;
  asOfDate?: IsoDate;
}

type FieldError = { field: string; message: string };

function unprocessable(fields: FieldError[]): ApiError {
  return new ApiError("unprocessable_entity", `Invalid body: ${fields.map((f) => `${f.field}: ${f.message}`).join("; ")}`, { fields });
}

async function checkRequest(input: StartRunInput): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const ids = input.portfolioIds ?? [];
  if (ids.length > 0) {
    const found = await getPrisma().portfolio.findMany({ where: { id: { in: ids } }, select: { id: true, archivedAt: true } });
    const known = new Map(found.map((p) => [p.id, p.archivedAt !== null]));
    ids.forEach((id, i) => {
      if (!known.has(id)) errors.push({ field: `body.portfolioIds.${i}`, message: `no portfolio with id "${id}"` });
      else if (known.get(id)) errors.push({ field: `body.portfolioIds.${i}`, message: `portfolio "${id}" is archived: batch runs leave it alone` });
    });
  }
  const latest = (await currentAsOf()).asOf;
  if (input.asOfDate !== undefined && input.asOfDate > latest) {
    errors.push({ field: "body.asOfDate", message: `is after the last completed trading day ${latest}` });
  }
  const asOf = input.asOfDate ?? latest;
  if (input.force && input.force.to > asOf) errors.push({ field: "body.force.to", message: `is after the as-of date ${asOf}` });
  return errors;
}

export async function startAdminRun(user: SessionUser, input: StartRunInput): Promise<StartedRunResponse> {
  const errors = await checkRequest(input);
  if (errors.length > 0) throw unprocessable(errors);
  try {
    return await startBatch({
      ...(input.asOfDate === undefined ? {} : { asOfDate: input.asOfDate }),
      portfolioIds: input.portfolioIds ?? null,
      force: input.force ?? null,
      trigger: "ADMIN",
      triggeredById: user.id,
    });
  } catch (e) {
    if (e instanceof BatchConflictError) {
      throw new ApiError("conflict", e.message, { runningRunId: e.runningRunId });
    }
    throw e;
  }
}
