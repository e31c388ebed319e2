// User administration: an admin creates a manager who can then sign in; disabling ends the user's
// sessions at once and refuses sign-in until enabled; a password reset replaces the old one and
// ends its sessions; bad input names the field and creates nobody; only admins may do any of it.
import { beforeAll, describe, expect, it } from "vitest";
import type { NextRequest } from "next/server";
import { PATCH as patchUser } from "@/app/api/admin/users/[userId]/route";
import { GET as listUsers, POST as createUser } from "@/app/api/admin/users/route";
import { GET as listPortfolios } from "@/app/api/portfolios/route";
import { getAuth } from "@/lib/auth/auth";
import { getPool } from "@/lib/db/pool";
import { appRequest, routeParams, sessionCookie, useSeededDatabase } from "../helpers";

type Route = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

let admin: string;
let manager: string;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
async function send(route: Route, path: string, init: { method?: string; body?: unknown; cookie?: string }, params: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await route(appRequest(path, { cookie: admin, ...init }), routeParams(params));
  return { status: res.status, body: await res.json() };
}

const create = (body: unknown, cookie = admin) => send(createUser, "/api/admin/users", { method: "POST", body, cookie });
const change = (userId: string, body: unknown, cookie = admin) => send(patchUser, `/api/admin/users/${userId}`, { method: "PATCH", body, cookie }, { userId });
const signIn = (email: string, password: string) => getAuth().api.signInEmail({ body: { email, password }, asResponse: true });
const userCount = async () => (await getPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM users`)).rows[0]!.n;

async function cookieOf(email: string, password: string): Promise<string> {
  const res = await signIn(email, password);
  expect(res.status).toBe(200);
  return res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

/** Whether a session cookie still opens the API. */
async function sessionWorks(cookie: string): Promise<boolean> {
  const res = await listPortfolios(appRequest("/api/portfolios", { cookie }), routeParams());
  return res.status === 200;
}

beforeAll(async () => {
  await useSeededDatabase();
  [admin, manager] = await Promise.all([sessionCookie("admin@riskline.dev"), sessionCookie("individual@riskline.dev")]);
});

describe("POST /api/admin/users", () => {
  it("creates a manager who signs in and sees no portfolio but their own (none yet)", async () => {
    const { status, body } = await create({ name: "Nora New", email: "Nora@Example.com", role: "MANAGER", password: "correct-horse-1" });
    expect(status).toBe(201);
    expect(body.user).toMatchObject({ name: "Nora New", email: "nora@example.com", role: "MANAGER", disabled: false, portfolioCount: 0 });
    const cookie = await cookieOf("nora@example.com", "correct-horse-1");
    const res = await listPortfolios(appRequest("/api/portfolios", { cookie }), routeParams());
    expect(await res.json()).toEqual({ portfolios: [] });
    const listed = await send(listUsers, "/api/admin/users", {});
    expect(listed.body.users.map((u: { email: string }) => u.email)).toContain("nora@example.com");
  });

  it("refuses a second user with the same email (409 naming body.email)", async () => {
    const before = await userCount();
    const { status, body } = await create({ name: "Again", email: "individual@riskline.dev", role: "MANAGER", password: "correct-horse-2" });
    expect(status).toBe(409);
    expect(body.error.details.fields[0].field).toBe("body.email");
    expect(await userCount()).toBe(before);
  });

  it.each([
    [{ name: "", email: "a@b.co", role: "MANAGER", password: "correct-horse-3" }, "body.name"],
    [{ name: "X", email: "not-an-email", role: "MANAGER", password: "correct-horse-3" }, "body.email"],
    [{ name: "X", email: "a@b.co", role: "OWNER", password: "correct-horse-3" }, "body.role"],
    [{ name: "X", email: "a@b.co", role: "MANAGER", password: "short" }, "body.password"],
    [{ name: "X", email: "a@b.co", role: "MANAGER", password: "correct-horse-3", extra: 1 }, "body"],
  ])("names the bad field (%j → %s) and creates nobody", async (input, field) => {
    const before = await userCount();
    const { status, body } = await create(input);
    expect(status).toBe(422);
    expect(body.error.message).toContain(field);
    expect(await userCount()).toBe(before);
  });

  it("is for admins only (a manager gets 403, nobody signed in 401)", async () => {
    expect((await create({ name: "X", email: "x@b.co", role: "ADMIN", password: "correct-horse-4" }, manager)).status).toBe(403);
    expect((await create({ name: "X", email: "x@b.co", role: "ADMIN", password: "correct-horse-4" }, "")).status).toBe(401);
    expect((await send(listUsers, "/api/admin/users", { cookie: manager })).status).toBe(403);
  });
});

describe("PATCH /api/admin/users/[userId]", () => {
  async function newManager(email: string): Promise<{ id: string; cookie: string }> {
    const { body } = await create({ name: email, email, role: "MANAGER", password: "first-password-1" });
    return { id: body.user.id, cookie: await cookieOf(email, "first-password-1") };
  }

  it("disables a user: their open session ends at once and sign-in is refused until enabled", async () => {
    const user = await newManager("dora@example.com");
    expect(await sessionWorks(user.cookie)).toBe(true);
    const disabled = await change(user.id, { action: "disable" });
    expect(disabled).toMatchObject({ status: 200, body: { user: { disabled: true } } });
    expect(await sessionWorks(user.cookie)).toBe(false);
    expect((await signIn("dora@example.com", "first-password-1")).status).toBe(403);
    expect((await change(user.id, { action: "enable" })).body.user.disabled).toBe(false);
    expect(await sessionWorks(await cookieOf("dora@example.com", "first-password-1"))).toBe(true);
  });

  it("resets a password: the old one no longer signs in and its sessions end", async () => {
    const user = await newManager("rita@example.com");
    expect((await change(user.id, { action: "reset-password", password: "second-password-2" })).status).toBe(200);
    expect(await sessionWorks(user.cookie)).toBe(false);
    expect((await signIn("rita@example.com", "first-password-1")).status).toBe(401);
    expect(await sessionWorks(await cookieOf("rita@example.com", "second-password-2"))).toBe(true);
  });

  it("changes a role, effective on the user's next request", async () => {
    const user = await newManager("ada@example.com");
    expect((await send(listUsers, "/api/admin/users", { cookie: user.cookie })).status).toBe(403);
    expect((await change(user.id, { action: "set-role", role: "ADMIN" })).body.user.role).toBe("ADMIN");
    expect((await send(listUsers, "/api/admin/users", { cookie: user.cookie })).status).toBe(200);
  });

  it("refuses to disable or demote the admin themselves, and names the field of a bad change", async () => {
    const { rows } = await getPool().query<{ id: string }>(`SELECT id FROM users WHERE email = 'admin@riskline.dev'`);
    const self = rows[0]!.id;
    expect((await change(self, { action: "disable" })).status).toBe(422);
    expect((await change(self, { action: "set-role", role: "MANAGER" })).status).toBe(422);
    expect(await sessionWorks(admin)).toBe(true);
    const bad = await change(self, { action: "reset-password", password: "short" });
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toContain("body.password");
    expect((await change("no-such-user", { action: "enable" })).status).toBe(404);
  });

  it("is for admins only", async () => {
    const { rows } = await getPool().query<{ id: string }>(`SELECT id FROM users WHERE email = 'hedgefund@riskline.dev'`);
    expect((await change(rows[0]!.id, { action: "disable" }, manager)).status).toBe(403);
    expect(await sessionWorks(await sessionCookie("hedgefund@riskline.dev"))).toBe(true);
  });
});
