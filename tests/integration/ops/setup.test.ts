// `npm run setup` (scripts/setup.ts) as an operator runs it against an empty managed PostgreSQL:
// migrations, registries, market data, and a first admin who can sign in, without the demo; a second
// run changes nothing; two runs at once serialize on the advisory locks and apply each migration once.
// Its own empty databases on the server (embedded mode: fresh PGlite instances served by this process).
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ADVISORY_LOCK_KEYS } from "@/lib/db/advisory-lock";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded";

const ADMIN_EMAIL = "ops-admin@example.com";
const PASSWORD = "ops-admin-password-1";
const SECRET = "ops-setup-secret-ops-setup-secret-0001";
const TSX = path.resolve("node_modules/.bin/tsx");
const MIGRATIONS = readdirSync(path.resolve("prisma/migrations"), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

interface Database {
  url: string;
  drop: () => Promise<void>;
}

async function emptyDatabase(suffix: string): Promise<Database> {
  const db = inject("database");
  if (db.mode === "server") {
    // Named after the template, so the global teardown drops it too if afterAll does not run.
    const name = `${db.template}_ops_${suffix}_${randomBytes(3).toString("hex")}`;
    const admin = new pg.Client({ connectionString: db.serverUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    const u = new URL(db.serverUrl);
    u.pathname = `/${name}`;
    return {
      url: u.toString(),
      drop: async () => {
        const c = new pg.Client({ connectionString: db.serverUrl });
        await c.connect();
        try {
          await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        } finally {
          await c.end();
        }
      },
    };
  }
  const embedded: EmbeddedPostgres = await startEmbeddedPostgres();
  return { url: embedded.url, drop: embedded.stop };
}

interface SetupRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `tsx scripts/setup.ts …` as a child process (asynchronous: an embedded database is served by this process). */
function runSetup(url: string, args: string[] = ["--admin-email", ADMIN_EMAIL], extraEnv: Record<string, string | undefined> = {}): Promise<SetupRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, SEED_DEMO: "0", ADMIN_PASSWORD: PASSWORD, BETTER_AUTH_SECRET: SECRET, ADMIN_EMAIL: undefined, DEBUG: "1" };
  for (const [k, v] of Object.entries(extraEnv)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return new Promise((resolve) => {
    const child = execFile(TSX, ["scripts/setup.ts", ...args], { env, timeout: 110_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
    });
    child.stdin?.end(); // not a terminal: no prompt
  });
}

async function query<R extends pg.QueryResultRow>(url: string, sql: string): Promise<R[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<R>(sql)).rows;
  } finally {
    await c.end();
  }
}

const expectOk = (run: SetupRun) => expect(run.code, `setup exited ${run.code}:\n${run.stdout}\n${run.stderr}`).toBe(0);

let first: Database;
let second: Database;
let third: Database;

beforeAll(async () => {
  first = await emptyDatabase("a");
  second = await emptyDatabase("b");
  third = await emptyDatabase("c");
});

afterAll(async () => {
  const { closePrisma } = await import("@/lib/db/prisma");
  const { closePool } = await import("@/lib/db/pool");
  await closePrisma();
  await closePool();
  await first?.drop();
  await second?.drop();
  await third?.drop();
});

describe("npm run setup against an empty database", () => {
  it("refuses to run without ADMIN_PASSWORD when stdin is not a terminal, naming the variable", async () => {
    const run = await runSetup(first.url, ["--admin-email", ADMIN_EMAIL], { ADMIN_PASSWORD: undefined });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("ADMIN_PASSWORD");
    const tables = await query<{ n: string }>(first.url, "SELECT count(*)::text AS n FROM information_schema.tables WHERE table_name = 'users'");
    expect(tables[0]?.n).toBe("0"); // it stopped before touching the database
  });

  it("migrates, loads the market data and creates the admin, without the demo", async () => {
    expectOk(await runSetup(first.url, ["--admin-email", ADMIN_EMAIL, "--admin-name", "Ops Admin"]));
    const users = await query<{ email: string; role: string; name: string; email_verified: boolean }>(first.url, "SELECT email, role::text, name, email_verified FROM users");
    expect(users).toEqual([{ email: ADMIN_EMAIL, role: "ADMIN", name: "Ops Admin", email_verified: true }]);
    const [counts] = await query<{ portfolios: string; prices: string; symbols: string; factors: string }>(
      first.url,
      "SELECT (SELECT count(*) FROM portfolios)::text AS portfolios, (SELECT count(*) FROM prices)::text AS prices, (SELECT count(*) FROM symbols)::text AS symbols, (SELECT count(*) FROM factor_definitions)::text AS factors",
    );
    expect(counts!.portfolios).toBe("0");
    expect(Number(counts!.prices)).toBeGreaterThan(200_000);
    expect(Number(counts!.symbols)).toBeGreaterThan(100);
    expect(Number(counts!.factors)).toBeGreaterThan(0);
  });

  it("lets the admin sign in through better-auth", async () => {
    process.env.DATABASE_URL = first.url;
    process.env.APP_URL = "http://localhost:3000";
    process.env.BETTER_AUTH_SECRET = SECRET;
    const { getAuth } = await import("@/lib/auth/auth");
    const res = await getAuth().api.signInEmail({ body: { email: ADMIN_EMAIL, password: PASSWORD }, asResponse: true });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { user: { email: string; role: string } };
    expect(body.user).toMatchObject({ email: ADMIN_EMAIL, role: "ADMIN" });
    const wrong = await getAuth().api.signInEmail({ body: { email: ADMIN_EMAIL, password: "not-the-password" }, asResponse: true });
    expect(wrong.status).toBe(401);
  });

  it("is idempotent: a second run creates nothing and keeps the password unless --reset-password", async () => {
    const again = await runSetup(first.url, ["--admin-email", ADMIN_EMAIL], { ADMIN_PASSWORD: "another-password-2" });
    expectOk(again);
    expect(again.stdout).toContain(`admin ${ADMIN_EMAIL}: unchanged`);
    const [counts] = await query<{ users: string; accounts: string; prices: string }>(
      first.url,
      "SELECT (SELECT count(*) FROM users)::text AS users, (SELECT count(*) FROM accounts)::text AS accounts, (SELECT count(*) FROM prices)::text AS prices",
    );
    expect(counts).toMatchObject({ users: "1", accounts: "1" });
    expect(Number(counts!.prices)).toBe(223_904);
    const { getAuth } = await import("@/lib/auth/auth");
    const signIn = (password: string) => getAuth().api.signInEmail({ body: { email: ADMIN_EMAIL, password }, asResponse: true });
    expect((await signIn(PASSWORD)).status).toBe(200);
    expect((await signIn("another-password-2")).status).toBe(401);

    const reset = await runSetup(first.url, ["--admin-email", ADMIN_EMAIL, "--reset-password"], { ADMIN_PASSWORD: "another-password-2" });
    expectOk(reset);
    expect(reset.stdout).toContain(`admin ${ADMIN_EMAIL}: password reset`);
    expect((await signIn("another-password-2")).status).toBe(200);
    expect((await signIn(PASSWORD)).status).toBe(401);
    const [after] = await query<{ users: string; accounts: string }>(first.url, "SELECT (SELECT count(*) FROM users)::text AS users, (SELECT count(*) FROM accounts)::text AS accounts");
    expect(after).toEqual({ users: "1", accounts: "1" });
  });

  it("lets that admin create a manager through the API, who then signs in: a real install needs no demo", async () => {
    const { getAuth } = await import("@/lib/auth/auth");
    const { POST: createUser } = await import("@/app/api/admin/users/route");
    const { appRequest, routeParams } = await import("../helpers");
    const signIn = (email: string, password: string) => getAuth().api.signInEmail({ body: { email, password }, asResponse: true });
    const admin = await signIn(ADMIN_EMAIL, "another-password-2");
    const cookie = admin.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const body = { name: "First Manager", email: "first-manager@example.com", role: "MANAGER", password: "manager-password-1" };
    const res = await createUser(appRequest("/api/admin/users", { method: "POST", cookie, body }), routeParams());
    expect(res.status).toBe(201);
    expect((await signIn("first-manager@example.com", "manager-password-1")).status).toBe(200);
    const users = await query<{ email: string; role: string }>(first.url, "SELECT email, role::text FROM users ORDER BY email");
    expect(users).toEqual([
      { email: "first-manager@example.com", role: "MANAGER" },
      { email: ADMIN_EMAIL, role: "ADMIN" },
    ]);
  });

  it("serializes two setups started at once: both succeed, each migration is applied once, one admin", async () => {
    const runs = await Promise.all([runSetup(second.url), runSetup(second.url)]);
    for (const r of runs) expectOk(r);
    const migrations = await query<{ migration_name: string; n: string; finished: string }>(
      second.url,
      "SELECT migration_name, count(*)::text AS n, count(finished_at)::text AS finished FROM _prisma_migrations GROUP BY migration_name ORDER BY migration_name",
    );
    expect(migrations.map((m) => m.migration_name)).toEqual(MIGRATIONS);
    for (const m of migrations) expect(m, m.migration_name).toMatchObject({ n: "1", finished: "1" });
    const users = await query<{ email: string; role: string }>(second.url, "SELECT email, role::text FROM users");
    expect(users).toEqual([{ email: ADMIN_EMAIL, role: "ADMIN" }]);
    const [prices] = await query<{ n: string }>(second.url, "SELECT count(*)::text AS n FROM prices");
    expect(Number(prices!.n)).toBe(223_904);
    const outcomes = runs.map((r) => /admin ops-admin@example\.com: (\w+)/.exec(r.stdout)?.[1]).sort();
    expect(outcomes).toEqual(["created", "unchanged"]);
  });

  it("waits for the migrations' advisory lock held by another session before migrating", async () => {
    if (inject("database").mode !== "server") return; // one PGlite session serves every connection: nothing to wait for
    const key = ADVISORY_LOCK_KEYS.migrations;
    const holder = new pg.Client({ connectionString: third.url });
    await holder.connect();
    try {
      await holder.query("SELECT pg_advisory_lock($1::bigint)", [key.toString()]);
      const running = runSetup(third.url);
      // The setup's own session queues on the same key (pg_locks: high and low 32 bits of the key).
      const classid = String(key >> 32n);
      const objid = String(key & 0xffffffffn);
      let waiting = false;
      for (let i = 0; i < 200 && !waiting; i++) {
        const { rows } = await holder.query<{ n: string }>(
          "SELECT count(*)::text AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid::text = $1 AND objid::text = $2 AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
          [classid, objid],
        );
        waiting = rows[0]?.n === "1";
        if (!waiting) await new Promise((r) => setTimeout(r, 100));
      }
      expect(waiting).toBe(true);
      const { rows } = await holder.query<{ t: string | null }>("SELECT to_regclass('_prisma_migrations')::text AS t");
      expect(rows[0]?.t).toBeNull(); // nothing migrated while the lock is held elsewhere
      await holder.query("SELECT pg_advisory_unlock($1::bigint)", [key.toString()]);
      expectOk(await running);
    } finally {
      await holder.end();
    }
    const migrations = await query<{ migration_name: string }>(third.url, "SELECT migration_name FROM _prisma_migrations ORDER BY migration_name");
    expect(migrations.map((m) => m.migration_name)).toEqual(MIGRATIONS);
  });
});
