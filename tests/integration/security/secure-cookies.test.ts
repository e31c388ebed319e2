// Served over https (APP_URL https://…), the session cookie is Secure, with the __Secure- prefix
// (issue 16, finding 4), and state changes are accepted from that https origin only.
import { beforeAll, describe, expect, it } from "vitest";
import * as auth from "@/app/api/auth/[...all]/route";
import * as portfolios from "@/app/api/portfolios/route";
import * as scenarios from "@/app/api/scenarios/route";
import { DEMO_PASSWORD } from "@/lib/seed/demo-portfolios";
import { appRequest, routeParams, useSeededDatabase } from "../helpers";

const HTTPS_APP = "https://risk.example.com";

beforeAll(async () => {
  await useSeededDatabase();
  process.env.APP_URL = HTTPS_APP; // before better-auth is first created in this file
});

async function signIn(): Promise<string[]> {
  const res = await auth.POST(
    new Request(new URL("/api/auth/sign-in/email", HTTPS_APP), {
      method: "POST",
      headers: { "content-type": "application/json", origin: HTTPS_APP, "x-forwarded-for": "198.51.100.1" },
      body: JSON.stringify({ email: "individual@riskline.dev", password: DEMO_PASSWORD }),
    }),
  );
  expect(res.status).toBe(200);
  return res.headers.getSetCookie();
}

describe("APP_URL https", () => {
  it("POST /api/auth/sign-in/email sets a Secure, HttpOnly, __Secure- session cookie", async () => {
    const session = (await signIn()).find((c) => c.includes("session_token="));
    expect(session).toMatch(/^__Secure-better-auth\.session_token=/);
    expect(session).toMatch(/;\s*Secure(;|$)/i);
    expect(session).toMatch(/;\s*HttpOnly(;|$)/i);
  });

  it("that cookie opens the API, and a state change from http:// on the same host is refused", async () => {
    const cookie = (await signIn()).map((c) => c.split(";")[0]).join("; ");
    const list = await portfolios.GET(appRequest("/api/portfolios", { cookie, headers: { origin: HTTPS_APP } }), routeParams());
    expect(list.status).toBe(200);
    const body = { key: "CUSTOM_HTTPS_1", name: "Https", category: "market", description: "", shocks: { kind: "fixed", factors: { MARKET: -0.01 } } };
    const plain = await scenarios.POST(appRequest("/api/scenarios", { method: "POST", cookie, body, headers: { origin: "http://risk.example.com" } }), routeParams());
    expect(plain.status).toBe(403);
    const secure = await scenarios.POST(appRequest("/api/scenarios", { method: "POST", cookie, body, headers: { origin: HTTPS_APP } }), routeParams());
    expect(secure.status).toBe(201);
  });
});
