// Shared setup for integration tests: each file's own copy of the seeded database (tests/setup/
// database.ts); signed-in requests.
import { NextRequest } from "next/server";
import { inject } from "vitest";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { getAuth } from "@/lib/auth/auth";
import { DEMO_PASSWORD } from "@/lib/seed/demo-portfolios";

export const TEST_ORIGIN = "http://localhost:3000";

let fileDatabase: Promise<string> | undefined;

/**
 * Points the app's singletons at this test file's own database: a copy of the seeded template (demo
 * accounts and books, registries, bundled market data, the demo batch run to 2026-07-13), made once
 * per file, so what a file changes is seen by no other. Returns its URL.
 */
export function useSeededDatabase(): Promise<string> {
  fileDatabase ??= (async () => {
    const db = inject("database");
    let url = db.mode === "embedded" ? db.url : "";
    if (db.mode === "server") {
      const name = `${db.template}_f${process.pid}_${randomBytes(3).toString("hex")}`;
      const admin = new pg.Client({ connectionString: db.serverUrl });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${db.template}`);
      } finally {
        await admin.end();
      }
      const u = new URL(db.serverUrl);
      u.pathname = `/${name}`;
      url = u.toString();
    }
    process.env.DATABASE_URL = url;
    process.env.APP_URL = TEST_ORIGIN;
    process.env.BETTER_AUTH_SECRET ??= "integration-secret-integration-secret-0001";
    return url;
  })();
  return fileDatabase;
}

/** A session cookie for a demo account, from a real sign-in through better-auth. */
export async function sessionCookie(email: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await getAuth().api.signInEmail({ body: { email, password }, asResponse: true });
  if (!res.ok) throw new Error(`sign-in of ${email} failed with ${res.status}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  if (!cookie) throw new Error(`sign-in of ${email} set no cookie`);
  return cookie;
}

/** A request body as sent: a string or bytes as they are, anything else as JSON. */
function requestBody(body: unknown): BodyInit | undefined {
  if (body === undefined) return undefined;
  if (typeof body === "string") return body;
  if (body instanceof Uint8Array) return new Uint8Array(body); // a copy on a plain ArrayBuffer, as BodyInit takes
  return JSON.stringify(body);
}

/** A request as the browser would send it from the app's own pages. */
export function appRequest(path: string, init: { method?: string; cookie?: string; body?: unknown; headers?: Record<string, string> } = {}): NextRequest {
  const headers = new Headers({ origin: TEST_ORIGIN, host: new URL(TEST_ORIGIN).host, ...init.headers });
  if (init.cookie) headers.set("cookie", init.cookie);
  if (init.body !== undefined) headers.set("content-type", "application/json");
  return new NextRequest(new URL(path, TEST_ORIGIN), {
    method: init.method ?? "GET",
    headers,
    body: requestBody(init.body),
  });
}

/** Route context as Next.js passes it to a handler of a dynamic segment. */
export const routeParams = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });

type RouteHandler = (req: NextRequest, ctx: ReturnType<typeof routeParams>) => Promise<Response>;

/** Calls a route handler as the app's own page would, and reads its JSON answer. */
export async function callRoute(
  route: RouteHandler,
  path: string,
  init: { method?: string; cookie?: string; body?: unknown; params?: Record<string, string> } = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked field by field
): Promise<{ status: number; body: any }> {
  const res = await route(appRequest(path, { method: init.method ?? "GET", ...(init.cookie ? { cookie: init.cookie } : {}), ...(init.body === undefined ? {} : { body: init.body }) }), routeParams(init.params));
  return { status: res.status, body: await res.json() };
}
