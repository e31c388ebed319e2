// Who may call the admin API: every exported handler of app/api/admin/**/route.ts answers 401 to an
// anonymous caller and 403 to a manager; methods a route does not export answer 405 (as Next.js does
// for a missing export); actions refuse a request without, or with a foreign, Origin.
import { readdirSync } from "node:fs";
import path from "node:path";
import { autoImplementMethods } from "next/dist/server/route-modules/app-route/helpers/auto-implement-methods";
import type { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import * as freshness from "@/app/api/admin/freshness/route";
import * as runPhases from "@/app/api/admin/runs/[runId]/phases/route";
import * as run from "@/app/api/admin/runs/[runId]/route";
import * as runs from "@/app/api/admin/runs/route";
import * as user from "@/app/api/admin/users/[userId]/route";
import * as users from "@/app/api/admin/users/route";
import { getPool } from "@/lib/db/pool";
import { appRequest, routeParams, sessionCookie, useSeededDatabase } from "../helpers";

type RouteHandler = (req: NextRequest, ctx: ReturnType<typeof routeParams>) => Promise<Response>;
type RouteModule = Partial<Record<(typeof METHODS)[number], RouteHandler>>;

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every admin route module, with the methods it is meant to export. */
const ROUTES: { file: string; path: string; params: Record<string, string>; module: RouteModule; methods: string[] }[] = [
  { file: "runs/route.ts", path: "/api/admin/runs", params: {}, module: runs, methods: ["GET", "POST"] },
  { file: "runs/[runId]/route.ts", path: "/api/admin/runs/x", params: { runId: "x" }, module: run, methods: ["GET"] },
  { file: "runs/[runId]/phases/route.ts", path: "/api/admin/runs/x/phases", params: { runId: "x" }, module: runPhases, methods: ["GET"] },
  { file: "freshness/route.ts", path: "/api/admin/freshness", params: {}, module: freshness, methods: ["GET"] },
  { file: "users/route.ts", path: "/api/admin/users", params: {}, module: users, methods: ["GET", "POST"] },
  { file: "users/[userId]/route.ts", path: "/api/admin/users/x", params: { userId: "x" }, module: user, methods: ["PATCH"] },
];

const CALLS = ROUTES.flatMap((r) => r.methods.map((method) => ({ name: `${method} ${r.path}`, method, route: r })));

async function call(route: (typeof ROUTES)[number], method: string, init: { cookie?: string; headers?: Record<string, string> } = {}): Promise<Response> {
  const handler = autoImplementMethods(route.module as Parameters<typeof autoImplementMethods>[0])[method as (typeof METHODS)[number]];
  const req = appRequest(route.path, { method, ...init, ...(method === "GET" ? {} : { body: {} }) });
  // Next's handler type answers `unknown`; ours and its 405 fallback answer a Response.
  return (await handler(req, routeParams(route.params))) as Response;
}

let manager: string;
let admin: string;

beforeAll(async () => {
  await useSeededDatabase();
  manager = await sessionCookie("individual@riskline.dev");
  admin = await sessionCookie("admin@riskline.dev");
});

describe("admin API access", () => {
  it("covers every route file under app/api/admin with exactly the methods listed", () => {
    const dir = path.resolve(import.meta.dirname, "../../../app/api/admin");
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith("route.ts")).map((f) => f.split(path.sep).join("/"));
    expect(files.sort()).toEqual(ROUTES.map((r) => r.file).sort());
    for (const r of ROUTES) expect(METHODS.filter((m) => typeof r.module[m] === "function"), r.file).toEqual(r.methods);
  });

  it.each(CALLS)("$name answers 401 without a session", async ({ route, method }) => {
    const res = await call(route, method);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: "unauthorized" } });
  });

  it.each(CALLS)("$name answers 403 to a manager", async ({ route, method }) => {
    const res = await call(route, method, { cookie: manager });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: "forbidden" } });
  });

  const missing = ROUTES.flatMap((r) => METHODS.filter((m) => !r.methods.includes(m)).map((method) => ({ name: `${method} ${r.path}`, method, route: r })));
  it.each(missing)("$name answers 405", async ({ route, method }) => {
    expect((await call(route, method, { cookie: admin })).status).toBe(405);
  });

  it.each([
    ["without an Origin header", { origin: "" }],
    ["from a foreign Origin", { origin: "https://evil.example" }],
  ])("POST /api/admin/runs refuses a request %s and starts nothing", async (_, headers) => {
    const before = await getPool().query<{ n: number }>("SELECT count(*)::int AS n FROM batch_runs");
    const req = appRequest("/api/admin/runs", { method: "POST", cookie: admin, body: {}, headers });
    if (!headers.origin) req.headers.delete("origin");
    const res = await runs.POST(req, routeParams());
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: "forbidden", message: expect.stringMatching(/Cross-origin/) } });
    const after = await getPool().query<{ n: number }>("SELECT count(*)::int AS n FROM batch_runs");
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });
});
