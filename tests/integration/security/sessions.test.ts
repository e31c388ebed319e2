// Sessions end (expiry, sign-out, a forged cookie) through better-auth's own handler; a signed-out
// cookie is refused at once even with its cached copy (lib/auth/session-versions.ts). The sign-in
// limits are in sign-in-limits.test.ts.
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as adminRuns from "@/app/api/admin/runs/route";
import * as auth from "@/app/api/auth/[...all]/route";
import * as portfolios from "@/app/api/portfolios/route";
import { getAuth } from "@/lib/auth/auth";
import { SESSION_COOKIE_CACHE_SECONDS } from "@/lib/auth/session-versions";
import { getPool } from "@/lib/db/pool";
import { appRequest, routeParams, sessionCookie, TEST_ORIGIN, useSeededDatabase } from "../helpers";

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

describe("sessions expire", () => {
  it("a session whose expires_at is in the past answers 401 on every handler, and get-session answers null, once its cookie cache lapses", async () => {
    const cookie = await sessionCookie("admin@riskline.dev");
    expect(cookie).toContain("better-auth.session_data=");
    expect((await listPortfolios(cookie)).status).toBe(200);
    const updated = await getPool().query(`UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE token = $1`, [sessionToken(cookie)]);
    expect(updated.rowCount).toBe(1);
    // Without the cached copy the database is read at once.
    const withoutCache = cookie.split("; ").filter((c) => !c.startsWith("better-auth.session_data=")).join("; ");
    expect((await listPortfolios(withoutCache)).status).toBe(401);

    // The signed cache is believed for SESSION_COOKIE_CACHE_SECONDS at most.
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + (SESSION_COOKIE_CACHE_SECONDS + 1) * 1000);
      const res = await listPortfolios(cookie);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: "unauthorized" } });
      expect((await adminRuns.GET(appRequest("/api/admin/runs", { cookie }), routeParams())).status).toBe(401);
      const session = await auth.GET(new Request(new URL("/api/auth/get-session", TEST_ORIGIN), { headers: { cookie } }));
      expect(await session.json()).toBeNull();
    } finally {
      vi.useRealTimers();
    }
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

  it("a request reads its session from the signed cookie cache, not the database, until the cache lapses", async () => {
    const cookie = await sessionCookie("individual@riskline.dev");
    // The row removed behind better-auth's back (no sign-out, no admin action): the cache still answers...
    await getPool().query(`DELETE FROM sessions WHERE token = $1`, [sessionToken(cookie)]);
    expect((await listPortfolios(cookie)).status).toBe(200);
    // ...for SESSION_COOKIE_CACHE_SECONDS at most.
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + (SESSION_COOKIE_CACHE_SECONDS + 1) * 1000);
      expect((await listPortfolios(cookie)).status).toBe(401);
    } finally {
      vi.useRealTimers();
    }
  });

  it("the same cookies are verified once a second, and a sign-out in that second is refused on the next request", async () => {
    const cookie = await sessionCookie("individual@riskline.dev");
    const verify = vi.spyOn(getAuth().api, "getSession");
    try {
      for (let i = 0; i < 3; i++) expect((await listPortfolios(cookie)).status).toBe(200);
      expect(verify).toHaveBeenCalledTimes(1);
      const out = await auth.POST(new Request(new URL("/api/auth/sign-out", TEST_ORIGIN), { method: "POST", headers: { cookie, origin: TEST_ORIGIN } }));
      expect(out.status).toBe(200);
      expect((await listPortfolios(cookie)).status).toBe(401);
    } finally {
      verify.mockRestore();
    }
  });

  it("a forged or tampered cookie answers 401", async () => {
    const cookie = await sessionCookie("individual@riskline.dev");
    const token = sessionToken(cookie);
    expect((await listPortfolios(`better-auth.session_token=${token}.forged-signature`)).status).toBe(401);
    expect((await listPortfolios("better-auth.session_token=not-a-session")).status).toBe(401);
  });
});
