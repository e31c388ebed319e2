import "server-only";
// Every route handler declares who may call it: withUser, withAdmin or withPortfolio. Each one
// authenticates through the data-access layer and maps every error to `{ error: { code, message } }`.
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { ApiError, fromZodError, handleApiError } from "@/lib/api/errors";
import { requireAdmin, requireUser, type SessionUser } from "@/lib/dal/session";
import { getPortfolioOrThrow, type PortfolioSummary } from "@/lib/dal/portfolios";

type RouteContext = { params: Promise<Record<string, string | string[]>> };

export interface UserContext {
  req: NextRequest;
  user: SessionUser;
  params: Record<string, string | string[]>;
}

export interface PortfolioContext extends UserContext {
  portfolio: PortfolioSummary;
}

type Handler<C> = (ctx: C) => Promise<Response>;
type RouteHandler = (req: NextRequest, route: RouteContext) => Promise<Response>;

const MAX_BODY_BYTES = 1_000_000;

function guarded(authorize: (req: NextRequest) => Promise<SessionUser>, fn: Handler<UserContext>): RouteHandler {
  return async (req, route) => {
    try {
      const user = await authorize(req);
      return await fn({ req, user, params: await route.params });
    } catch (err) {
      return handleApiError(err, { method: req.method, path: req.nextUrl.pathname });
    }
  };
}

/** State changes come only from this app's own pages (a same-origin check on top of the session cookie). */
export function assertSameOrigin(req: NextRequest): void {
  const origin = req.headers.get("origin");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (!origin || !host) throw new ApiError("forbidden", "Cross-origin request refused: missing Origin header.");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new ApiError("forbidden", "Cross-origin request refused: malformed Origin header.");
  }
  if (originHost !== host) throw new ApiError("forbidden", "Cross-origin request refused.");
}

export function withUser(fn: Handler<UserContext>): RouteHandler {
  return guarded(async (req) => {
    const user = await requireUser(req.headers);
    if (req.method !== "GET" && req.method !== "HEAD") assertSameOrigin(req);
    return user;
  }, fn);
}

export function withAdmin(fn: Handler<UserContext>): RouteHandler {
  return guarded(async (req) => {
    const user = await requireAdmin(req.headers);
    if (req.method !== "GET" && req.method !== "HEAD") assertSameOrigin(req);
    return user;
  }, fn);
}

/** Resolves `[id]` to a portfolio the caller may read: 404 for a portfolio that is not theirs. */
export function withPortfolio(fn: Handler<PortfolioContext>): RouteHandler {
  return withUser(async (ctx) => {
    const id = ctx.params.id;
    if (typeof id !== "string") throw new ApiError("bad_request", "Missing portfolio id in the path.");
    const portfolio = await getPortfolioOrThrow(ctx.user, id);
    return fn({ ...ctx, portfolio });
  });
}

export function parseQuery<S extends z.ZodType>(req: NextRequest, schema: S): z.infer<S> {
  const parsed = schema.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!parsed.success) throw fromZodError(parsed.error, "query");
  return parsed.data;
}

export async function parseBody<S extends z.ZodType>(req: NextRequest, schema: S, maxBytes = MAX_BODY_BYTES): Promise<z.infer<S>> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw new ApiError("payload_too_large", `Request body is larger than ${maxBytes} bytes.`);
  const text = await req.text();
  if (Buffer.byteLength(text) > maxBytes) throw new ApiError("payload_too_large", `Request body is larger than ${maxBytes} bytes.`);
  let json: unknown;
  try {
    json = text === "" ? {} : JSON.parse(text);
  } catch {
    throw new ApiError("bad_request", "Request body is not valid JSON.");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw fromZodError(parsed.error, "body");
  return parsed.data;
}
