// One error class with a closed set of codes, and one mapper from any thrown value to a response.
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { logError } from "@/lib/telemetry/log";

export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unprocessable_entity: 422,
  rate_limited: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** Where a stored value lives: its table, its JSON column and the row's natural key. */
export interface StoredRow {
  table: string;
  column: string;
  key: Readonly<Record<string, string>>;
}

/**
 * A stored value (a JSON column the batch wrote) that fails its schema when read back: the server's
 * fault, never the caller's. A 500 with code `internal`, logged with the row's key by handleApiError.
 */
export class StoredDataError extends ApiError {
  constructor(
    readonly row: StoredRow,
    readonly issues: readonly string[],
  ) {
    super("internal", `Stored data failed its schema (${row.table}.${row.column}): it has been recorded.`);
    this.name = "StoredDataError";
  }

  /** What the log line carries besides the message and stack. */
  logContext(): Record<string, unknown> {
    return { table: this.row.table, column: this.row.column, key: this.row.key, issues: this.issues };
  }
}

export function fromZodError(error: ZodError, where: "body" | "query" | "params"): ApiError {
  const fields = error.issues.map((i) => ({ field: [where, ...i.path].join("."), message: i.message }));
  const summary = fields.map((f) => `${f.field}: ${f.message}`).join("; ");
  return new ApiError("unprocessable_entity", `Invalid ${where}: ${summary}`, { fields });
}

/** A 422 about one field of the body that only the server can check (it needs the book or the database). */
export function invalidBodyField(field: string, message: string): ApiError {
  return new ApiError("unprocessable_entity", `Invalid body: body.${field}: ${message}`, { fields: [{ field: `body.${field}`, message }] });
}

export function errorResponse(err: ApiError): NextResponse {
  return NextResponse.json(
    { error: { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) } },
    { status: err.status },
  );
}

/**
 * Request input is parsed by parseBody / parseQuery (or fromZodError for path parameters), which answer
 * 422 themselves; any other ZodError that reaches here is data the server produced or stored, so it
 * is a 500 and is logged like any unexpected error.
 */
export function handleApiError(err: unknown, context: { method: string; path: string }): NextResponse {
  if (err instanceof StoredDataError) {
    logError("api.stored_data_invalid", err, { ...context, ...err.logContext() });
    return errorResponse(err);
  }
  if (err instanceof ApiError) return errorResponse(err);
  logError(err instanceof ZodError ? "api.unexpected_zod_error" : "api.unhandled", err, context);
  return errorResponse(new ApiError("internal", "Internal error: it has been recorded with its stack."));
}
