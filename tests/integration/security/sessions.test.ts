// Sessions end (expiry, sign-out) and sign-in is rate-limited per IP through better-auth's own
// handler (POST /api/auth/sign-in/email): more than 10 attempts a minute from one IP answer 429.
import { beforeAll, describe, expect, it } from "vitest";
import * as adminRuns from "@/app/api/admin/runs/route";
import * as auth from "@/app/api/auth/[...all]/route";
import * as portfolios from "@/app/api/portfolios/route";
import { getPool } from "@/lib/db/pool";
import { DEMO_PASSWORD } from "@/lib/seed/demo-portfolios";
import { appRequest, routeParams, sessionCookie, TEST_ORIGIN, useSeededDatabase } from "../helpers";

const SIGN_IN_LIMIT = 10;

beforeAll(async () => {
  await useSeededDatabase();
});

/** The session token inside better-auth's signed cookie ("token.signature"). */
function sessionToken(cookie: string): string {
  const value = cookie.split("; ").find((c) => c.startsWith("better-auth.session_token="))?.split("=")[1];
  if (!value) throw new Error(`no session token in ${cookie}`);
  return decodeURIComponent(value).split(".")[0]!;
}

const listPortfolios = (cookie: string) => portfolios.GET(appRequest("/api/portfolios", { cookie }), routeParams());

/** A new documentation-range IP each call, so no test inherits another's counter. */
let lastIp = 0;
const freshIp = () => `198.51.100.${++lastIp}`;

function signIn(ip: string, password: string, email = "individual@riskline.dev"): Promise<Response> {
  return auth.POST(
    new Request(new URL("/api/auth/sign-in/email", TEST_ORIGIN), {
      method: "POST",
      headers: { "content-type": "application/json", origin: TEST_ORIGIN, "x-forwarded-for": ip },
      body: JSON.stringify({ email, password }),
    }),
  );
}

describe("sessions expire", () => {
  it("a session whose expires_at is in the past answers 401 on every handler, and get-session answers null", async () => {
    const cookie = await sessionCookie("admin@riskline.dev");
    expect((await listPortfolios(cookie)).status).toBe(200);
    const updated = await getPool().query(`UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE token = $1`, [sessionToken(cookie)]);
    expect(updated.rowCount).toBe(1);

    const res = await listPortfolios(cookie);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: "unauthorized" } });
    expect((await adminRuns.GET(appRequest("/api/admin/runs", { cookie }), routeParams())).status).toBe(401);
    const session = await auth.GET(new Request(new URL("/api/auth/get-session", TEST_ORIGIN), { headers: { cookie } }));
    expect(await session.json()).toBeNull();
  });

  it("a session lasts 8 hours from sign-in", async () => {
    const cookie = await sessionCookie("individual@riskline.dev");
    const { rows } = await getPool().query<{ hours: number }>(`SELECT extract(epoch FROM expires_at - created_at) / 3600 AS hours FROM sessions WHERE token = $1`, [sessionToken(cookie)]);
    expect(Number(rows[0]!.hours)).toBeCloseTo(8, 2);
  });

  it("after sign-out the cookie no longer opens anything", async () => {
    const cookie = await sessionCookie("individual@riskline.dev");
    expect((await listPortfolios(cookie)).status).toBe(200);
    const out = await auth.POST(new Request(new URL("/api/auth/sign-out", TEST_ORIGIN), { method: "POST", headers: { cookie, origin: TEST_ORIGIN } }));
    expect(out.status).toBe(200);
    expect((await getPool().query(`SELECT 1 FROM sessions WHERE token = $1`, [sessionToken(cookie)])).rowCount).toBe(0);
    expect((await listPortfolios(cookie)).status).toBe(401);
  });

  it("a forged or tampered cookie answers 401", async () => {
    const cookie = await sessionCookie("individual@riskline.dev");
    const token = sessionToken(cookie);
    expect((await listPortfolios(`better-auth.session_token=${token}.forged-signature`)).status).toBe(401);
    expect((await listPortfolios("better-auth.session_token=not-a-session")).status).toBe(401);
  });
});

describe("sign-in is rate-limited per IP", () => {
  it(`POST /api/auth/sign-in/email: ${SIGN_IN_LIMIT} attempts a minute are answered, the next one is 429`, async () => {
    const ip = freshIp();
    for (let i = 0; i < SIGN_IN_LIMIT; i++) {
      const res = await signIn(ip, "wrong-password-123");
      expect(res.status, `attempt ${i + 1}`).toBe(401);
    }
    const limited = await signIn(ip, "wrong-password-123");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("x-retry-after"))).toBeGreaterThan(0);
  });

  it("once limited, even the right password is refused from that IP, while another IP signs in", async () => {
    const ip = freshIp();
    for (let i = 0; i < SIGN_IN_LIMIT; i++) await signIn(ip, "wrong-password-123");
    const blocked = await signIn(ip, DEMO_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.getSetCookie().some((c) => c.startsWith("better-auth.session_token="))).toBe(false);

    const other = freshIp();
    const ok = await signIn(other, DEMO_PASSWORD);
    expect(ok.status).toBe(200);
    expect(ok.headers.getSetCookie().some((c) => c.startsWith("better-auth.session_token="))).toBe(true);
  });

  it("the counters live in the database, shared by every app instance", async () => {
    const ip = freshIp();
    await signIn(ip, "wrong-password-123");
    const { rows } = await getPool().query<{ count: number }>(`SELECT count FROM rate_limits WHERE key LIKE $1`, [`%${ip}%sign-in/email%`]);
    expect(rows).toEqual([{ count: 1 }]);
  });

  it("a wrong password answers 401 without saying whether the account exists", async () => {
    const ip = freshIp();
    const known = await signIn(ip, "wrong-password-123");
    const unknown = await signIn(ip, "wrong-password-123", "nobody@riskline.dev");
    expect(known.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await known.json()).toEqual(await unknown.json());
  });
});
