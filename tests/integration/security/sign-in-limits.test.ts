// Sign-in limits (issue 16, finding 1) through better-auth's own handler, with X-Forwarded-For as
// scripts/serve.ts hands it on (lib/http/forwarded-for.ts): the socket address, after the forwarded
// chain only when the socket is a trusted proxy. Before the fix the limiter keyed on whatever address
// the client wrote in X-Forwarded-For: a new one per request made 34 wrong passwords answer 401 and
// the 35th, the right one, sign in. Now the client's header changes nothing, and behind a trusted
// proxy, where each forwarded client has its own counter, the per-account lockout stops the guessing.
import { beforeAll, describe, expect, it } from "vitest";
import * as auth from "@/app/api/auth/[...all]/route";
import { FIRST_LOCK_SECONDS, FREE_FAILURES } from "@/lib/auth/sign-in-lockout";
import { env } from "@/lib/config/env";
import { getPool } from "@/lib/db/pool";
import { forwardedFor } from "@/lib/http/forwarded-for";
import { DEMO_PASSWORD } from "@/lib/seed/demo-portfolios";
import { TEST_ORIGIN, useSeededDatabase } from "../helpers";

/** The proxy this file's app trusts (before better-auth is first created). */
const PROXY = "203.0.113.10";
process.env.TRUSTED_PROXIES = PROXY;
const IP_LIMIT = 10;
const WRONG = "wrong-password-123";

beforeAll(async () => {
  await useSeededDatabase();
});

let lastAddress = 0;
/** A documentation-range address no other test of this file used. */
const newAddress = () => `198.51.100.${++lastAddress}`;

interface Attempt {
  /** The socket's address. */
  peer: string;
  /** The X-Forwarded-For the request arrives with, if any. */
  forwarded?: string;
  email: string;
  password: string;
}

async function signIn({ peer, forwarded, email, password }: Attempt) {
  const headers: Record<string, string> = { "content-type": "application/json", origin: TEST_ORIGIN };
  const xff = forwardedFor(forwarded, peer, env().TRUSTED_PROXIES);
  if (xff) headers["x-forwarded-for"] = xff;
  const res = await auth.POST(new Request(new URL("/api/auth/sign-in/email", TEST_ORIGIN), { method: "POST", headers, body: JSON.stringify({ email, password }) }));
  const signedIn = res.headers.getSetCookie().some((c) => c.startsWith("better-auth.session_token="));
  return { status: res.status, signedIn, retryAfter: Number(res.headers.get("x-retry-after")), body: (await res.json()) as { message?: string } | null };
}

const failures = async (email: string) =>
  (await getPool().query<{ failures: number }>(`SELECT failures FROM sign_in_failures WHERE email = $1`, [email])).rows[0]?.failures ?? 0;

/** The lock runs out (as if its time had passed); the failure count stays. */
const expireLock = (email: string) => getPool().query(`UPDATE sign_in_failures SET locked_until = now() - interval '1 second' WHERE email = $1`, [email]);

describe("a client's own X-Forwarded-For changes nothing", () => {
  it("the issue's sequence: 34 wrong passwords with a new forwarded address each, then the right one, from one socket: refused", async () => {
    const peer = newAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 34; i++) statuses.push((await signIn({ peer, forwarded: `10.9.${i}.1`, email: "individual@riskline.dev", password: WRONG })).status);
    expect(statuses.slice(0, FREE_FAILURES)).toEqual(Array(FREE_FAILURES).fill(401));
    expect(statuses.slice(FREE_FAILURES)).toEqual(Array(34 - FREE_FAILURES).fill(429));
    const right = await signIn({ peer, forwarded: "10.9.99.1", email: "individual@riskline.dev", password: DEMO_PASSWORD });
    expect(right).toMatchObject({ status: 429, signedIn: false });
  });

  it(`the address limit (${IP_LIMIT} a minute) counts the socket, whatever the header says, for any email`, async () => {
    const peer = newAddress();
    for (let i = 0; i < IP_LIMIT; i++) {
      const res = await signIn({ peer, forwarded: `10.8.${i}.1`, email: `nobody-${i}@riskline.dev`, password: WRONG });
      expect(res.status, `attempt ${i + 1}`).toBe(401);
    }
    const rotated = await signIn({ peer, forwarded: "10.8.200.1", email: "hedgefund@riskline.dev", password: DEMO_PASSWORD });
    expect(rotated).toMatchObject({ status: 429, signedIn: false });
    expect(rotated.retryAfter).toBeGreaterThan(0);
    expect((await signIn({ peer, email: "hedgefund@riskline.dev", password: DEMO_PASSWORD })).status).toBe(429);
    // Another socket is another client: it signs in.
    expect(await signIn({ peer: newAddress(), forwarded: "10.8.200.1", email: "hedgefund@riskline.dev", password: DEMO_PASSWORD })).toMatchObject({ status: 200, signedIn: true });
  });

  it("the counter lives in the database (shared by every instance) under the socket address, never the forwarded one", async () => {
    const peer = newAddress();
    await signIn({ peer, forwarded: "10.7.0.1", email: "nobody-x@riskline.dev", password: WRONG });
    const { rows } = await getPool().query<{ key: string; count: number }>(`SELECT key, count FROM rate_limits WHERE key LIKE '%sign-in/email%'`);
    expect(rows).toContainEqual({ key: `${peer}|/sign-in/email`, count: 1 });
    expect(rows.some((r) => r.key.startsWith("10.7.0.1"))).toBe(false);
  });

  it("a wrong password answers 401 without saying whether the account exists", async () => {
    const peer = newAddress();
    const known = await signIn({ peer, email: "admin@riskline.dev", password: WRONG });
    const unknown = await signIn({ peer, email: "nobody@riskline.dev", password: WRONG });
    expect(known.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(known.body).toEqual(unknown.body);
  });
});

describe("behind a trusted proxy (TRUSTED_PROXIES)", () => {
  it("each forwarded client has its own address counter", async () => {
    for (let i = 0; i < IP_LIMIT; i++) await signIn({ peer: PROXY, forwarded: "192.0.2.50", email: `someone-${i}@riskline.dev`, password: WRONG });
    expect((await signIn({ peer: PROXY, forwarded: "192.0.2.50", email: "familyoffice@riskline.dev", password: DEMO_PASSWORD })).status).toBe(429);
    expect(await signIn({ peer: PROXY, forwarded: "192.0.2.51", email: "familyoffice@riskline.dev", password: DEMO_PASSWORD })).toMatchObject({ status: 200, signedIn: true });
  });

  it(`after ${FREE_FAILURES} wrong passwords the account is locked, from every address, even for the right password`, async () => {
    const email = "hnw@riskline.dev";
    for (let i = 0; i < FREE_FAILURES; i++) expect((await signIn({ peer: PROXY, forwarded: `192.0.2.${100 + i}`, email, password: WRONG })).status).toBe(401);
    const locked = await signIn({ peer: PROXY, forwarded: "192.0.2.120", email, password: DEMO_PASSWORD });
    expect(locked).toMatchObject({ status: 429, signedIn: false, body: { message: expect.stringContaining("this account") } });
    expect(locked.retryAfter).toBeGreaterThan(0);
    expect(locked.retryAfter).toBeLessThanOrEqual(FIRST_LOCK_SECONDS);
    expect((await signIn({ peer: newAddress(), email, password: DEMO_PASSWORD })).status).toBe(429);
    // Refusals while locked do not count; other accounts are not affected.
    expect(await failures(email)).toBe(FREE_FAILURES);
    expect(await signIn({ peer: PROXY, forwarded: "192.0.2.121", email: "admin@riskline.dev", password: DEMO_PASSWORD })).toMatchObject({ status: 200, signedIn: true });
  });

  it("each further failure doubles the lock; the right password once it runs out signs in and clears the count", async () => {
    const email = "Individual.Lockout@riskline.dev";
    for (let i = 0; i < FREE_FAILURES; i++) await signIn({ peer: PROXY, forwarded: `192.0.2.${130 + i}`, email, password: WRONG });
    await expireLock(email.toLowerCase());
    expect((await signIn({ peer: PROXY, forwarded: "192.0.2.140", email, password: WRONG })).status).toBe(401);
    const doubled = await signIn({ peer: PROXY, forwarded: "192.0.2.141", email: email.toLowerCase(), password: WRONG });
    expect(doubled.status).toBe(429);
    expect(doubled.retryAfter).toBeGreaterThan(FIRST_LOCK_SECONDS);
    expect(doubled.retryAfter).toBeLessThanOrEqual(2 * FIRST_LOCK_SECONDS);
    expect(await failures(email.toLowerCase())).toBe(FREE_FAILURES + 1);
  });

  it("a lock looks the same for an email without an account, and a success resets the count", async () => {
    const known = "familyoffice@riskline.dev";
    const unknown = "nobody-locked@riskline.dev";
    const last: Record<string, Awaited<ReturnType<typeof signIn>>> = {};
    for (const email of [known, unknown]) {
      for (let i = 0; i < FREE_FAILURES; i++) await signIn({ peer: PROXY, forwarded: `192.0.2.${160 + i}`, email, password: WRONG });
      last[email] = await signIn({ peer: PROXY, forwarded: "192.0.2.170", email, password: WRONG });
    }
    expect(last[known]!.status).toBe(429);
    expect(last[known]!.body).toEqual(last[unknown]!.body);

    await expireLock(known);
    expect(await signIn({ peer: PROXY, forwarded: "192.0.2.171", email: known, password: DEMO_PASSWORD })).toMatchObject({ status: 200, signedIn: true });
    expect(await failures(known)).toBe(0);
    expect((await signIn({ peer: PROXY, forwarded: "192.0.2.172", email: known, password: WRONG })).status).toBe(401);
    expect(await failures(known)).toBe(1);
  });
});
