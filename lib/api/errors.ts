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

export function fromZodError(error: ZodError, where: "body" | "query" | "params"): ApiError {
  const fields = error.issues.map((i) => ({ field: [where, ...i.path].join("."), message: i.message }));
  const summary = fields.map((f) => `${f.field}: ${f.message}`).join("; ");
  return new ApiError("unprocessable_entity", `Invalid ${where}: ${summary}`, { fields });
}

export function errorResponse(err: ApiError): NextResponse {
  return NextResponse.json(
    { error: { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) } },
    { status: err.status },
  );
}

export function handleApiError(err: unknown, context: { method: string; path: string }): NextResponse {
  if (err instanceof ApiError) return errorResponse(err);
  if (err instanceof ZodError) return errorResponse(fromZodError(err, "body"));
  logError("api.unhandled", err, context);
  return errorResponse(new ApiError("internal", "Internal error: it has been recorded with its stack."));
}
