// proxy.ts on a request: the security headers on the answer, and the same CSP handed on to Next in
// the request, whose nonce Next puts on its scripts. (e2e/security.spec.ts checks them on the real server.)
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "@/lib/http/security-headers";
import { proxy } from "@/proxy";

const saved = process.env.APP_URL;
afterEach(() => {
  if (saved === undefined) delete process.env.APP_URL;
  else process.env.APP_URL = saved;
});

const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

describe("proxy", () => {
  it.each(["/portfolios/demo-individual/positions", "/admin/batch", "/api/portfolios"])("%s: CSP with a nonce, no inline script, no framing, and the other headers", (path) => {
    process.env.APP_URL = "http://localhost:3000";
    const res = proxy(new NextRequest(new URL(path, "http://localhost:3000")));
    const csp = res.headers.get("content-security-policy");
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'(;|$)/);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(Object.fromEntries(res.headers)).toMatchObject({
      "x-frame-options": "DENY",
      "x-content-type-options": "nosniff",
      "referrer-policy": "same-origin",
      "permissions-policy": expect.stringContaining("camera=()"),
    });
    expect(res.headers.get("strict-transport-security")).toBeNull();
    // Next renders with the request's CSP: the same nonce.
    expect(res.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
  });

  it("a new nonce per request", () => {
    const csp = () => proxy(new NextRequest("http://localhost:3000/portfolios")).headers.get("content-security-policy");
    expect(nonceOf(csp())).not.toBe(nonceOf(csp()));
  });

  it("HSTS when APP_URL is https", () => {
    process.env.APP_URL = "https://risk.example.com";
    expect(proxy(new NextRequest("https://risk.example.com/portfolios")).headers.get("strict-transport-security")).toBe("max-age=31536000");
  });
});

describe("contentSecurityPolicy", () => {
  it("allows eval and reload sockets under `next dev` only", () => {
    expect(contentSecurityPolicy({ nonce: "n", dev: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ nonce: "n", dev: true })).toContain("connect-src 'self' ws: wss:");
    expect(contentSecurityPolicy({ nonce: "n", dev: false })).not.toMatch(/unsafe-eval|ws:/);
    expect(contentSecurityPolicy({ nonce: "n", dev: false })).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  });
});
