// Shared setup for integration tests: the migrated database from the global setup, seeded with the
// registries, the bundled market data and the demo accounts and portfolios; signed-in requests.
import { NextRequest } from "next/server";
import { inject } from "vitest";
import { getAuth } from "@/lib/auth/auth";
import { getPool } from "@/lib/db/pool";
import { getPrisma } from "@/lib/db/prisma";
import { DEMO_PASSWORD } from "@/lib/seed/demo-portfolios";
import { prepareDatabase } from "@/lib/seed/prepare-database";

export const TEST_ORIGIN = "http://localhost:3000";

/** Points the app's singletons at the test database and seeds it (idempotent across test files). */
export async function useSeededDatabase(): Promise<void> {
  const url = inject("databaseUrl");
  process.env.DATABASE_URL = url;
  process.env.APP_URL = TEST_ORIGIN;
  process.env.BETTER_AUTH_SECRET ??= "integration-secret-integration-secret-0001";
  await prepareDatabase({ url, pool: getPool(), prisma: getPrisma(), demo: true });
}

/** A session cookie for a demo account, from a real sign-in through better-auth. */
export async function sessionCookie(email: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await getAuth().api.signInEmail({ body: { email, password }, asResponse: true });
  if (!res.ok) throw new Error(`sign-in of ${email} failed with ${res.status}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  if (!cookie) throw new Error(`sign-in of ${email} set no cookie`);
  return cookie;
}

/** A request as the browser would send it from the app's own pages. */
export function appRequest(path: string, init: { method?: string; cookie?: string; body?: unknown; headers?: Record<string, string> } = {}): NextRequest {
  const headers = new Headers({ origin: TEST_ORIGIN, host: new URL(TEST_ORIGIN).host, ...init.headers });
  if (init.cookie) headers.set("cookie", init.cookie);
  if (init.body !== undefined) headers.set("content-type", "application/json");
  return new NextRequest(new URL(path, TEST_ORIGIN), {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
  });
}

/** Route context as Next.js passes it to a handler of a dynamic segment. */
export const routeParams = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
