// Who may call what: a table of every route × method under app/api (discovered from the source, so a
// route or method without a row fails) × role (anonymous, the owning manager, another manager, admin)
// with the status each must answer, and every answer of the wrapped handlers kept out of shared caches.
// State changes also need a request from APP_URL's own origin. /api/auth/*, /api/inngest and
// /api/health authenticate by other means or not at all: their rows show that a session changes nothing.
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/pool";
import { API_DIR, discoverApiRoutes, type HttpMethod } from "../../unit/security/api-routes";
import { appRequest, routeParams, sessionCookie, TEST_ORIGIN, useSeededDatabase } from "../helpers";
import { AS_OF, waitForRun } from "./security-helpers";

type Role = "anonymous" | "owner" | "otherManager" | "admin";
type Expected = Record<Role, number>;
type RouteHandler = (req: NextRequest, ctx: ReturnType<typeof routeParams>) => Promise<Response>;

/** Fixtures the rows need, resolved once the database is seeded. */
interface Ids {
  portfolioId: string;
  portfolioName: string;
  positionId: string;
  quantity: number;
  runId: string;
  /** Made afresh for each call by a row's fixture: what a DELETE removes. */
  fresh?: { id: string; name?: string };
}

interface Row {
  path: (ids: Ids) => string;
  params: (ids: Ids) => Record<string, string>;
  /** A body that changes nothing when accepted (the point is who gets past the door). */
  body?: (ids: Ids) => unknown;
  /** For a DELETE: a row of its own to remove on each call (owned by the owner, in their book). */
  fixture?: () => Promise<Ids["fresh"]>;
  expected: Expected;
  /** Not behind the wrappers of lib/api/handler.ts (so not their Cache-Control), with why. */
  unwrapped?: string;
}

const PORTFOLIO = "demo-individual"; // owned by individual@, not by hedgefund@
const READ: Expected = { anonymous: 401, owner: 200, otherManager: 404, admin: 200 };
/** Changes to a book: its manager only; an admin reads but does not edit (403). */
const OWNER_WRITE: Expected = { anonymous: 401, owner: 200, otherManager: 404, admin: 403 };
const OWNER_CREATE: Expected = { ...OWNER_WRITE, owner: 201 };
const SIGNED_IN_CREATE: Expected = { anonymous: 401, owner: 201, otherManager: 201, admin: 201 };
const ADMIN_READ: Expected = { anonymous: 401, owner: 403, otherManager: 403, admin: 200 };

const every = (status: number): Expected => ({ anonymous: status, owner: status, otherManager: status, admin: status });

const portfolioRead = (suffix: string): Row => ({
  path: (ids) => `/api/portfolios/${ids.portfolioId}${suffix}`,
  params: (ids) => ({ id: ids.portfolioId }),
  expected: READ,
});

let customScenarios = 0;
let created = 0;

const freshRow = async (sql: string, params: unknown[]) => (await getPool().query<{ id: string; name?: string }>(sql, params)).rows[0]!;

/** A custom scenario of the owner (individual@), made afresh for a call that edits or deletes it. */
const ownScenario = () =>
  freshRow(
    `INSERT INTO stress_scenarios (key, name, category, description, shocks, built_in, created_by_id, owner_id, updated_at)
     VALUES ($1, 'Authz', 'market', '', '{"kind":"fixed","factors":{"MARKET":-0.01}}', false, 'user-individual', 'user-individual', now()) RETURNING key AS id`,
    [`CUSTOM_AUTHZ_OWN_${++customScenarios}`],
  );

/** Every route handler of app/api with its expected status per role. Keys: "METHOD /api/pattern". */
const TABLE: Record<string, Row> = {
  "GET /api/portfolios": { path: () => "/api/portfolios", params: () => ({}), expected: { anonymous: 401, owner: 200, otherManager: 200, admin: 200 } },
  "POST /api/portfolios": {
    path: () => "/api/portfolios",
    params: () => ({}),
    body: () => ({ name: `Authz book ${++created}`, startingEquity: 100_000, inceptionDate: AS_OF }),
    expected: SIGNED_IN_CREATE,
  },
  "GET /api/portfolios/[id]": portfolioRead(""),
  "PATCH /api/portfolios/[id]": {
    path: (ids) => `/api/portfolios/${ids.portfolioId}`,
    params: (ids) => ({ id: ids.portfolioId }),
    body: (ids) => ({ name: ids.portfolioName }), // the same name: accepted, nothing moves
    expected: OWNER_WRITE,
  },
  "DELETE /api/portfolios/[id]": {
    path: (ids) => `/api/portfolios/${ids.fresh!.id}`,
    params: (ids) => ({ id: ids.fresh!.id }),
    body: (ids) => ({ confirmName: ids.fresh!.name }),
    fixture: () =>
      freshRow(`INSERT INTO portfolios (id, name, owner_id, starting_equity, inception_date, updated_at) VALUES ($1, $1, 'user-individual', 1000, $2, now()) RETURNING id, name`, [
        `authz-doomed-${++created}`,
        AS_OF,
      ]),
    expected: OWNER_WRITE,
  },
  "GET /api/portfolios/[id]/capital-flows": portfolioRead("/capital-flows"),
  "POST /api/portfolios/[id]/capital-flows": {
    path: (ids) => `/api/portfolios/${ids.portfolioId}/capital-flows`,
    params: (ids) => ({ id: ids.portfolioId }),
    body: () => ({ date: AS_OF, amount: 1 }),
    expected: OWNER_CREATE,
  },
  "DELETE /api/portfolios/[id]/capital-flows/[flowId]": {
    path: (ids) => `/api/portfolios/${ids.portfolioId}/capital-flows/${ids.fresh!.id}`,
    params: (ids) => ({ id: ids.portfolioId, flowId: ids.fresh!.id }),
    fixture: () => freshRow(`INSERT INTO capital_flows (id, portfolio_id, date, amount) VALUES ($1, $2, $3, 1) RETURNING id`, [`authz-flow-${++created}`, PORTFOLIO, AS_OF]),
    expected: OWNER_WRITE,
  },
  "GET /api/portfolios/[id]/overview": portfolioRead("/overview"),
  "GET /api/portfolios/[id]/snapshots": portfolioRead("/snapshots"),
  "GET /api/portfolios/[id]/factors": portfolioRead("/factors"),
  "GET /api/portfolios/[id]/stress": portfolioRead("/stress"),
  "GET /api/portfolios/[id]/stress/[scenarioKey]": {
    path: (ids) => `/api/portfolios/${ids.portfolioId}/stress/COVID_2020`,
    params: (ids) => ({ id: ids.portfolioId, scenarioKey: "COVID_2020" }),
    expected: READ,
  },
  "GET /api/portfolios/[id]/volatility": portfolioRead("/volatility"),
  "GET /api/portfolios/[id]/var": portfolioRead("/var"),
  "GET /api/portfolios/[id]/correlations": portfolioRead("/correlations"),
  "GET /api/portfolios/[id]/concentration": portfolioRead("/concentration"),
  "GET /api/portfolios/[id]/sectors": portfolioRead("/sectors"),
  "GET /api/portfolios/[id]/performance": portfolioRead("/performance"),
  "GET /api/portfolios/[id]/decomposition": portfolioRead("/decomposition"),
  "GET /api/portfolios/[id]/what-changed": portfolioRead("/what-changed"),
  // Each caller's own books taken together (every book for an admin).
  "GET /api/aggregate": { path: () => "/api/aggregate", params: () => ({}), expected: { anonymous: 401, owner: 200, otherManager: 200, admin: 200 } },
  "GET /api/portfolios/[id]/history/factors": portfolioRead("/history/factors"),
  "GET /api/portfolios/[id]/history/volatility": portfolioRead("/history/volatility"),
  "GET /api/portfolios/[id]/history/var": portfolioRead("/history/var"),
  "GET /api/portfolios/[id]/history/stress": portfolioRead("/history/stress?scenario=MARKET_CRASH"),
  "GET /api/portfolios/[id]/diagnostics": portfolioRead("/diagnostics"),
  "GET /api/portfolios/[id]/export/[file]": {
    path: (ids) => `/api/portfolios/${ids.portfolioId}/export/positions.csv`,
    params: (ids) => ({ id: ids.portfolioId, file: "positions.csv" }),
    expected: READ,
  },
  "GET /api/portfolios/[id]/positions": portfolioRead("/positions"),
  "POST /api/portfolios/[id]/positions": {
    path: (ids) => `/api/portfolios/${ids.portfolioId}/positions`,
    params: (ids) => ({ id: ids.portfolioId }),
    // A lot of its own each time (the quantity differs), so a second accepted call is no duplicate.
    body: () => ({ symbol: "MSFT", quantity: ++created, entryPrice: 400, entryDate: AS_OF, positionType: "LONG", investmentClass: "PUBLIC" }),
    expected: OWNER_CREATE,
  },
  "DELETE /api/portfolios/[id]/positions/[positionId]": {
    path: (ids) => `/api/portfolios/${ids.portfolioId}/positions/${ids.fresh!.id}`,
    params: (ids) => ({ id: ids.portfolioId, positionId: ids.fresh!.id }),
    fixture: () =>
      freshRow(
        `INSERT INTO positions (id, portfolio_id, symbol, quantity, entry_price, entry_date, position_type, investment_class, subtype, updated_at)
         VALUES ($1, $2, 'KO', 1, 60, $3, 'LONG', 'PUBLIC', 'STOCK', now()) RETURNING id`,
        [`authz-position-${++created}`, PORTFOLIO, AS_OF],
      ),
    expected: OWNER_WRITE,
  },
  "PATCH /api/portfolios/[id]/positions/[positionId]": {
    path: (ids) => `/api/portfolios/${ids.portfolioId}/positions/${ids.positionId}`,
    params: (ids) => ({ id: ids.portfolioId, positionId: ids.positionId }),
    body: (ids) => ({ quantity: ids.quantity }), // the same quantity: accepted, nothing moves
    expected: OWNER_WRITE,
  },
  "POST /api/portfolios/[id]/positions/import": {
    path: (ids) => `/api/portfolios/${ids.portfolioId}/positions/import`,
    params: (ids) => ({ id: ids.portfolioId }),
    body: () => ({ csv: "symbol,quantity,entry_price,entry_date,type,class\nMSFT,1,400,2026-01-05,LONG,PUBLIC\n", mode: "preview" }),
    expected: OWNER_WRITE,
  },
  "GET /api/portfolios/[id]/recompute": portfolioRead("/recompute"),
  "POST /api/portfolios/[id]/recompute": {
    path: (ids) => `/api/portfolios/${ids.portfolioId}/recompute`,
    params: (ids) => ({ id: ids.portfolioId }),
    // The last day only; the owner's one request of the minute.
    body: () => ({ from: AS_OF }),
    expected: { ...OWNER_WRITE, owner: 202 },
  },
  "GET /api/symbols": { path: () => "/api/symbols", params: () => ({}), expected: { anonymous: 401, owner: 200, otherManager: 200, admin: 200 } },
  "GET /api/scenarios": { path: () => "/api/scenarios", params: () => ({}), expected: { anonymous: 401, owner: 200, otherManager: 200, admin: 200 } },
  "POST /api/scenarios": {
    path: () => "/api/scenarios",
    params: () => ({}),
    body: () => ({ key: `CUSTOM_AUTHZ_${++customScenarios}`, name: "Authz", category: "market", description: "", shocks: { kind: "fixed", factors: { MARKET: -0.01 } } }),
    expected: { anonymous: 401, owner: 201, otherManager: 201, admin: 201 },
  },
  "PATCH /api/scenarios/[key]": {
    path: (ids) => `/api/scenarios/${ids.fresh!.id}`,
    params: (ids) => ({ key: ids.fresh!.id }),
    body: () => ({ name: "Authz", category: "market", description: "", shocks: { kind: "fixed", factors: { MARKET: -0.01 } } }),
    fixture: () => ownScenario(),
    // The owner's own scenario: an admin sees it but does not edit it.
    expected: OWNER_WRITE,
  },
  "DELETE /api/scenarios/[key]": {
    path: (ids) => `/api/scenarios/${ids.fresh!.id}`,
    params: (ids) => ({ key: ids.fresh!.id }),
    fixture: () => ownScenario(),
    expected: OWNER_WRITE,
  },
  "GET /api/admin/users": { path: () => "/api/admin/users", params: () => ({}), expected: ADMIN_READ },
  "POST /api/admin/users": {
    path: () => "/api/admin/users",
    params: () => ({}),
    body: () => ({ name: "Authz user", email: `authz-${++created}@example.com`, role: "MANAGER", password: "authz-password-1" }),
    expected: { anonymous: 401, owner: 403, otherManager: 403, admin: 201 },
  },
  "PATCH /api/admin/users/[userId]": {
    path: () => "/api/admin/users/user-hnw",
    params: () => ({ userId: "user-hnw" }),
    body: () => ({ action: "enable" }), // an active user: accepted, nothing moves
    expected: ADMIN_READ,
  },
  "GET /api/admin/runs": { path: () => "/api/admin/runs", params: () => ({}), expected: ADMIN_READ },
  "POST /api/admin/runs": {
    path: () => "/api/admin/runs",
    params: () => ({}),
    // The cheapest real action: recompute the private-only portfolio's last day.
    body: () => ({ portfolioIds: ["demo-fo-private"], force: { from: AS_OF, to: AS_OF }, asOfDate: AS_OF }),
    expected: { anonymous: 401, owner: 403, otherManager: 403, admin: 202 },
  },
  "GET /api/admin/runs/[runId]": { path: (ids) => `/api/admin/runs/${ids.runId}`, params: (ids) => ({ runId: ids.runId }), expected: ADMIN_READ },
  "GET /api/admin/runs/[runId]/phases": { path: (ids) => `/api/admin/runs/${ids.runId}/phases`, params: (ids) => ({ runId: ids.runId }), expected: ADMIN_READ },
  "GET /api/admin/freshness": { path: () => "/api/admin/freshness", params: () => ({}), expected: ADMIN_READ },
  // Routes with their own authentication or none by design: the same answer whoever calls.
  "GET /api/health": { path: () => "/api/health", params: () => ({}), expected: every(200), unwrapped: "liveness for load balancers, no data" },
  "GET /api/auth/[...all]": { path: () => "/api/auth/ok", params: () => ({ all: "ok" }), expected: every(200), unwrapped: "better-auth's own endpoints" },
  "POST /api/auth/[...all]": {
    path: () => "/api/auth/sign-in/email",
    params: () => ({ all: "sign-in/email" }),
    body: () => ({ email: "nobody-authz@riskline.dev", password: "wrong-password-123" }),
    expected: every(401),
    unwrapped: "better-auth's own endpoints: a session does not sign anyone in",
  },
  "GET /api/inngest": { path: () => "/api/inngest", params: () => ({}), expected: every(500), unwrapped: "Inngest's introspection, refused without its signing key whatever the session" },
  "POST /api/inngest": {
    path: () => "/api/inngest?fnId=riskline-run-batch&stepId=step",
    params: () => ({}),
    body: () => ({}),
    expected: every(500),
    unwrapped: "Inngest's step execution, refused without its signing key whatever the session",
  },
  "PUT /api/inngest": { path: () => "/api/inngest", params: () => ({}), expected: every(500), unwrapped: "Inngest's registration, refused without its signing key whatever the session" },
};

const ROUTES = discoverApiRoutes();
const CALLS = ROUTES.flatMap((r) => r.handlers.map((h) => ({ key: `${h.method} ${r.pattern}`, route: r, method: h.method })));
const ROLES: Role[] = ["anonymous", "owner", "otherManager", "admin"];

const modules = new Map<string, Partial<Record<HttpMethod, RouteHandler>>>();
async function handlerOf(file: string, method: HttpMethod): Promise<RouteHandler> {
  if (!modules.has(file)) modules.set(file, (await import(/* @vite-ignore */ path.join(API_DIR, file))) as Partial<Record<HttpMethod, RouteHandler>>);
  const handler = modules.get(file)![method];
  if (!handler) throw new Error(`${file} does not export ${method}`);
  return handler;
}

let fixtureIds: Ids;
const cookies: Partial<Record<Role, string>> = {};

async function call(key: string, file: string, method: HttpMethod, init: { role: Role; origin?: string | null; forwardedHost?: string }): Promise<Response> {
  const row = TABLE[key]!;
  const ids: Ids = row.fixture ? { ...fixtureIds, fresh: await row.fixture() } : fixtureIds;
  const headers = new Headers({ host: new URL(TEST_ORIGIN).host });
  if (init.origin !== null) headers.set("origin", init.origin ?? TEST_ORIGIN);
  if (init.forwardedHost) headers.set("x-forwarded-host", init.forwardedHost);
  const cookie = cookies[init.role];
  if (cookie) headers.set("cookie", cookie);
  const body = row.body ? JSON.stringify(row.body(ids)) : undefined;
  if (body) headers.set("content-type", "application/json");
  const req = new NextRequest(new URL(row.path(ids), TEST_ORIGIN), { method, headers, ...(body ? { body } : {}) });
  return (await handlerOf(file, method))(req, routeParams(row.params(ids)));
}

// The custom scenarios the table adds would be computed by other files' batches: remove them.
afterAll(async () => {
  await getPool().query(`DELETE FROM stress_scenarios WHERE key LIKE 'CUSTOM_AUTHZ_%'`);
});

beforeAll(async () => {
  await useSeededDatabase();
  const { rows } = await getPool().query<{ id: string; quantity: number; name: string }>(
    `SELECT x.id, x.quantity, p.name FROM positions x JOIN portfolios p ON p.id = x.portfolio_id WHERE x.portfolio_id = $1 AND x.symbol = 'KO'`,
    [PORTFOLIO],
  );
  const { rows: runs } = await getPool().query<{ id: string }>(`SELECT id FROM batch_runs ORDER BY started_at DESC LIMIT 1`);
  let runId = runs[0]?.id;
  if (!runId) {
    // A fresh database has no run yet: start one through the API itself and let it finish.
    const admin = await sessionCookie("admin@riskline.dev");
    const res = await (await handlerOf("admin/runs/route.ts", "POST"))(appRequest("/api/admin/runs", { method: "POST", cookie: admin, body: TABLE["POST /api/admin/runs"]!.body!({} as Ids) }), routeParams());
    runId = ((await res.json()) as { runId: string }).runId;
    await waitForRun(runId);
  }
  fixtureIds = { portfolioId: PORTFOLIO, portfolioName: rows[0]!.name, positionId: rows[0]!.id, quantity: rows[0]!.quantity, runId };
  cookies.owner = await sessionCookie("individual@riskline.dev");
  cookies.otherManager = await sessionCookie("hedgefund@riskline.dev");
  cookies.admin = await sessionCookie("admin@riskline.dev");
});

describe("the authorization table", () => {
  it("has exactly one row per exported route handler under app/api", () => {
    expect(CALLS.map((c) => c.key).sort()).toEqual(Object.keys(TABLE).sort());
  });

  it.each(CALLS.flatMap((c) => ROLES.map((role) => ({ ...c, role, name: `${c.key} as ${role}` }))))("$name", async ({ key, route, method, role }) => {
    const res = await call(key, route.file, method, { role });
    const row = TABLE[key]!;
    const expected = row.expected[role];
    expect(res.status).toBe(expected);
    if (!row.unwrapped) {
      // A snapshot's answer may be kept by the browser and revalidated by its ETag; nothing else is stored.
      const snapshotAnswer = res.status === 200 && res.headers.get("etag") !== null;
      expect(res.headers.get("cache-control")).toBe(snapshotAnswer ? "private, no-cache" : "private, no-store");
    }
    const started = res.status === 202 ? ((await res.clone().json()) as { runId?: string }).runId : undefined;
    if (started) await waitForRun(started);
    if (expected >= 400 && expected < 500 && !row.unwrapped) {
      const code = { 401: "unauthorized", 403: "forbidden", 404: "not_found" }[expected];
      expect(await res.json()).toMatchObject({ error: { code } });
    }
  });
});

describe("state changes need a request from APP_URL's own origin", () => {
  const actions = CALLS.filter((c) => c.method !== "GET" && !TABLE[c.key]!.unwrapped);
  const app = new URL(TEST_ORIGIN);
  const FOREIGN: { origin: string | null; forwardedHost?: string; label: string }[] = [
    { origin: null, label: "no Origin" },
    { origin: "https://evil.example", label: "Origin https://evil.example" },
    { origin: `https://${app.host}`, label: `the app's host over another scheme (https://${app.host})` },
    { origin: "http://evil.example", forwardedHost: "evil.example", label: "Origin http://evil.example with X-Forwarded-Host evil.example" },
  ];

  it("there are actions to check, and every one is a POST, a PATCH or a DELETE", () => {
    expect(actions.map((a) => a.method).sort()).toEqual([
      ...Array<string>(4).fill("DELETE"),
      ...Array<string>(4).fill("PATCH"),
      ...Array<string>(8).fill("POST"),
    ]);
  });

  it.each(actions.flatMap((a) => FOREIGN.map((f) => ({ ...a, ...f, name: `${a.key} with ${f.label} answers 403` }))))(
    "$name",
    async ({ key, route, method, origin, forwardedHost }) => {
      const role: Role = key.includes("/admin/") ? "admin" : "owner";
      const runsBefore = await getPool().query(`SELECT id FROM batch_runs`);
      const res = await call(key, route.file, method, { role, origin, ...(forwardedHost ? { forwardedHost } : {}) });
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: { code: "forbidden", message: expect.stringContaining("Cross-origin") } });
      expect((await getPool().query(`SELECT id FROM batch_runs`)).rowCount).toBe(runsBefore.rowCount);
    },
  );

  it("a cross-origin PATCH that would change a position writes nothing", async () => {
    const headers = new Headers({ host: new URL(TEST_ORIGIN).host, origin: "https://evil.example", cookie: cookies.owner!, "content-type": "application/json" });
    const path = `/api/portfolios/${fixtureIds.portfolioId}/positions/${fixtureIds.positionId}`;
    const req = new NextRequest(new URL(path, TEST_ORIGIN), { method: "PATCH", headers, body: JSON.stringify({ quantity: fixtureIds.quantity + 1 }) });
    const res = await (await handlerOf("portfolios/[id]/positions/[positionId]/route.ts", "PATCH"))(req, routeParams({ id: fixtureIds.portfolioId, positionId: fixtureIds.positionId }));
    expect(res.status).toBe(403);
    const { rows } = await getPool().query<{ quantity: number }>(`SELECT quantity FROM positions WHERE id = $1`, [fixtureIds.positionId]);
    expect(rows[0]!.quantity).toBe(fixtureIds.quantity);
  });
});

describe("what each role sees", () => {
  const list = async (role: Role) => {
    const res = await call("GET /api/portfolios", "portfolios/route.ts", "GET", { role });
    return ((await res.json()) as { portfolios: { id: string }[] }).portfolios.map((p) => p.id).sort();
  };

  it("GET /api/portfolios lists a manager's own portfolios only, and every portfolio for an admin", async () => {
    // Other test files add portfolios of their own: compare with the owners in the database.
    const owned = async (ownerId?: string) =>
      (await getPool().query<{ id: string }>(`SELECT id FROM portfolios ${ownerId ? "WHERE owner_id = $1" : ""} ORDER BY id`, ownerId ? [ownerId] : [])).rows.map((r) => r.id).sort();
    expect(await list("owner")).toEqual(await owned("user-individual"));
    expect(await list("owner")).toContain("demo-individual");
    expect(await list("otherManager")).toEqual(await owned("user-hedgefund"));
    expect(await list("otherManager")).not.toContain("demo-individual");
    expect(await list("admin")).toEqual(await owned());
  });

  it("another manager gets the same 404 for an existing portfolio as for one that does not exist", async () => {
    const handler = await handlerOf("portfolios/[id]/route.ts", "GET");
    const ask = async (id: string) => {
      const res = await handler(appRequest(`/api/portfolios/${id}`, { cookie: cookies.otherManager! }), routeParams({ id }));
      return { status: res.status, body: (await res.json()) as { error: { code: string } } };
    };
    const existing = await ask("demo-individual");
    const missing = await ask("no-such-portfolio");
    expect(existing.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(existing.body.error.code).toBe(missing.body.error.code);
  });
});

describe("the documented exceptions", () => {
  it("GET /api/health answers anonymous callers without a session", async () => {
    const { GET } = await import("@/app/api/health/route");
    const res = await GET(new NextRequest(new URL("/api/health", TEST_ORIGIN)));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok" });
  });

  it("GET /api/auth/get-session tells an anonymous caller there is no session, and a signed-in one who they are", async () => {
    const { GET } = await import("@/app/api/auth/[...all]/route");
    const anon = await GET(new Request(new URL("/api/auth/get-session", TEST_ORIGIN)));
    expect(anon.status).toBe(200);
    expect(await anon.json()).toBeNull();
    const signedIn = await GET(new Request(new URL("/api/auth/get-session", TEST_ORIGIN), { headers: { cookie: cookies.owner! } }));
    expect(await signedIn.json()).toMatchObject({ user: { email: "individual@riskline.dev" } });
  });
});
