import "server-only";
// Every route handler declares who may call it: withUser, withAdmin or withPortfolio. Each one
// authenticates through the data-access layer and maps every error to `{ error: { code, message } }`.
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { ApiError, fromZodError, handleApiError } from "@/lib/api/errors";
import { appUrl } from "@/lib/config/env";
import { requireAdmin, requireUser, type SessionUser } from "@/lib/dal/session";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";
import { getPortfolioOrThrow } from "@/lib/dal/portfolios";

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

const NUL_MESSAGE = "must not contain NUL (U+0000) characters";

/** Where in a parsed input a string (or key) holds U+0000, which PostgreSQL text cannot store or compare. */
function nulPath(value: unknown, path: string[]): string[] | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (Array.isArray(value)) return value.reduce<string[] | null>((found, v, i) => found ?? nulPath(v, [...path, String(i)]), null);
  if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes("\u0000")) return [...path, k.replaceAll("\u0000", "\\0")];
      const found = nulPath(v, [...path, k]);
      if (found) return found;
    }
  }
  return null;
}

/** Refuses NUL characters with a 422 naming the field, instead of a database error (500) further on. */
function rejectNul(value: unknown, where: "body" | "query" | "params"): void {
  const path = nulPath(value, [where]);
  if (!path) return;
  const field = path.join(".");
  throw new ApiError("unprocessable_entity", `Invalid ${where}: ${field}: ${NUL_MESSAGE}`, { fields: [{ field, message: NUL_MESSAGE }] });
}

/** What a signed-in caller gets is theirs alone: no shared cache (a proxy, a CDN) may keep it. A
 * handler may say more (a snapshot's answer is `private, no-cache` with an ETag, lib/api/snapshot-cache.ts). */
const PRIVATE_CACHE_CONTROL = "private, no-store";

function guarded(authorize: (req: NextRequest) => Promise<SessionUser>, fn: Handler<UserContext>): RouteHandler {
  return async (req, route) => {
    let res: Response;
    try {
      const user = await authorize(req);
      const params = await route.params;
      rejectNul(params, "params");
      res = await fn({ req, user, params });
    } catch (err) {
      res = handleApiError(err, { method: req.method, path: req.nextUrl.pathname });
    }
    if (!res.headers.has("cache-control") || res.status >= 400) res.headers.set("cache-control", PRIVATE_CACHE_CONTROL);
    return res;
  };
}

/** State changes come only from this app's own pages: the Origin must be APP_URL's (scheme, host and
 * port), on top of the session cookie. Host and X-Forwarded-Host are the client's to set, so they say nothing. */
export function assertSameOrigin(req: NextRequest): void {
  const origin = req.headers.get("origin");
  if (!origin) throw new ApiError("forbidden", "Cross-origin request refused: missing Origin header.");
  if (origin !== new URL(appUrl()).origin) throw new ApiError("forbidden", "Cross-origin request refused.");
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

/** Like withPortfolio, for changes to a book: only its manager. An admin reads every portfolio but
 * does not edit a manager's positions (403); another manager still gets 404. */
export function withPortfolioOwner(fn: Handler<PortfolioContext>): RouteHandler {
  return withPortfolio(async (ctx) => {
    if (ctx.portfolio.ownerId !== ctx.user.id) throw new ApiError("forbidden", "Only the portfolio's manager can change its positions.");
    return fn(ctx);
  });
}

export function parseQuery<S extends z.ZodType>(req: NextRequest, schema: S): z.infer<S> {
  const query = Object.fromEntries(req.nextUrl.searchParams);
  rejectNul(query, "query");
  const parsed = schema.safeParse(query);
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
  rejectNul(json, "body");
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw fromZodError(parsed.error, "body");
  return parsed.data;
}
