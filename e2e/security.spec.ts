// Access in a real browser: a manager gets 404 for another manager's portfolio pages and for the
// admin pages, an anonymous visitor is sent to sign in, the session cookie is out of scripts' reach,
// and a state change from another origin is refused.
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./fixtures";
import { storageStatePath } from "./accounts";

const OTHER_PORTFOLIO_PAGES = ["/portfolios/demo-hedgefund", "/portfolios/demo-hedgefund/risk", "/portfolios/demo-hedgefund/positions"];
const ADMIN_PAGES = ["/admin/batch", "/admin/data", "/admin/users"];

test.describe("a manager", () => {
  test.use({ storageState: storageStatePath("individual") });

  for (const path of OTHER_PORTFOLIO_PAGES) {
    test(`gets 404 for another manager's ${path}, with nothing of it on the page`, async ({ page }) => {
      const res = await page.goto(path);
      expect(res?.status()).toBe(404);
      await expect(page.getByText("Long/Short Equity Fund")).toHaveCount(0);
    });
  }

  for (const path of ADMIN_PAGES) {
    test(`gets 404 for the admin page ${path}`, async ({ page }) => {
      const res = await page.goto(path);
      expect(res?.status()).toBe(404);
    });
  }

  test("gets 404 for an admin run page and 403 from the admin API", async ({ page }) => {
    expect((await page.goto("/admin/batch/any-run"))?.status()).toBe(404);
    const api = await page.request.get("/api/admin/runs");
    expect(api.status()).toBe(403);
    expect(await api.json()).toMatchObject({ error: { code: "forbidden" } });
  });

  test("holds a session cookie that scripts cannot read", async ({ page, context }) => {
    await page.goto("/portfolios");
    const cookie = (await context.cookies()).find((c) => c.name.endsWith("session_token"));
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    expect(await page.evaluate(() => document.cookie)).not.toContain("session_token");
  });
});

test.describe("an admin", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("sees the admin pages", async ({ page }) => {
    for (const path of ADMIN_PAGES) expect((await page.goto(path))?.status()).toBe(200);
  });

  test("cannot be made to start a run from another origin", async ({ page }) => {
    await page.goto("/admin/batch");
    const before = (await (await page.request.get("/api/admin/runs?limit=100")).json()) as { runs: unknown[] };
    const res = await page.request.post("/api/admin/runs", { data: {}, headers: { origin: "https://evil.example" } });
    expect(res.status()).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: "forbidden" } });
    const after = (await (await page.request.get("/api/admin/runs?limit=100")).json()) as { runs: unknown[] };
    expect(after.runs.length).toBe(before.runs.length);
  });
});

test.describe("an anonymous visitor", () => {
  for (const path of ["/portfolios/demo-individual", "/portfolios/demo-individual/risk", "/admin/batch"]) {
    test(`is sent to sign in from ${path}`, async ({ page }) => {
      await page.goto(path);
      // …and brought back to it once signed in.
      await expect(page).toHaveURL((url) => url.pathname === "/sign-in" && url.searchParams.get("next") === path);
    });
  }

  test("gets 401 from the API", async ({ request }) => {
    const res = await request.get("/api/portfolios");
    expect(res.status()).toBe(401);
  });
});

/** The directives of a Content-Security-Policy header, by name. */
function directives(csp: string | undefined): Map<string, string[]> {
  return new Map((csp ?? "").split(";").map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));
}

function expectSecurityHeaders(headers: Record<string, string>) {
  const csp = directives(headers["content-security-policy"]);
  const scripts = csp.get("script-src") ?? [];
  expect(scripts).toContainEqual(expect.stringMatching(/^'nonce-[A-Za-z0-9+/=]{16,}'$/));
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
  expect(csp.get("object-src")).toEqual(["'none'"]);
  expect(headers).toMatchObject({
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "permissions-policy": expect.stringContaining("camera=()"),
  });
}

test.describe("security headers", () => {
  test.use({ storageState: storageStatePath("individual") });

  for (const path of ["/sign-in", "/portfolios", "/portfolios/demo-individual/positions", "/portfolios/demo-individual/risk"]) {
    test(`${path} answers with a nonce-based CSP and the other headers, and its scripts carry this response's nonce`, async ({ page }) => {
      const res = await page.goto(path);
      const headers = res!.headers();
      expectSecurityHeaders(headers);
      const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"]!)![1];
      // Every script the server sent carries this response's nonce...
      const tags = (await res!.text()).match(/<script\b[^>]*>/g) ?? [];
      expect(tags.length).toBeGreaterThan(0);
      for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
      // ...and any the page added later (a lazily loaded section's chunk) is this origin's, which
      // 'strict-dynamic' lets a nonced script load; nothing else runs.
      const scripts = await page.locator("script").evaluateAll((els) => els.map((s) => ({ nonce: (s as HTMLScriptElement).nonce, src: (s as HTMLScriptElement).src })));
      for (const s of scripts) if (s.nonce !== nonce) expect(new URL(s.src).origin).toBe(new URL(page.url()).origin);
    });
  }

  test("the nonce is new on every response", async ({ request }) => {
    const nonces = await Promise.all([1, 2].map(async () => (await request.get("/sign-in")).headers()["content-security-policy"]!.match(/'nonce-[^']+'/)![0]));
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  test("API answers carry the headers, and portfolio data is marked private for caches", async ({ request }) => {
    for (const path of ["/api/portfolios", "/api/portfolios/demo-individual/positions"]) {
      const res = await request.get(path);
      expect(res.status()).toBe(200);
      expectSecurityHeaders(res.headers());
      expect(res.headers()["cache-control"]).toBe("private, no-store");
    }
    // A snapshot's answer: private, revalidated by its ETag on every use (304 when unchanged).
    const overview = await request.get("/api/portfolios/demo-individual/overview");
    expectSecurityHeaders(overview.headers());
    expect(overview.headers()["cache-control"]).toBe("private, no-cache");
    const etag = overview.headers()["etag"]!;
    expect(etag).toMatch(/^W\//);
    expect((await request.get("/api/portfolios/demo-individual/overview", { headers: { "if-none-match": etag } })).status()).toBe(304);
    const anonymous = await request.get("/api/portfolios", { headers: { cookie: "" } });
    expect(anonymous.headers()["cache-control"]).toMatch(/\bprivate\b/);
  });
});

/** Another site on this machine (a port of its own): a page that frames `target`. Closed by the caller. */
async function framingSite(target: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(`<iframe src="${target}" width="800" height="600"></iframe>`));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

test.describe("no page of the app can be framed", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("the admin batch page (Run now) renders on its own but not inside another site's frame", async ({ page, context, baseURL }) => {
    await page.goto("/admin/batch");
    await expect(page.getByRole("button", { name: "Run now" })).toBeVisible();

    const site = await framingSite(`${baseURL}/admin/batch`);
    try {
      // The framing page is not the app's: its console reports the refusal, which is the point here.
      const framer = await context.newPage();
      const refusals: string[] = [];
      framer.on("console", (m) => refusals.push(m.text()));
      await framer.goto(site.url);
      await expect.poll(() => refusals.some((t) => t.includes("frame-ancestors 'none'"))).toBe(true);
      await expect(framer.frameLocator("iframe").getByRole("button", { name: "Run now" })).toHaveCount(0);
    } finally {
      site.server.close();
    }
  });
});

/** A sign-in from a socket bound to `localAddress` (any 127.x address reaches the server on 127.0.0.1). */
function signInFrom(baseURL: string, localAddress: string, forwardedFor: string, email: string): Promise<number> {
  const body = JSON.stringify({ email, password: "wrong-password-123" });
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      new URL("/api/auth/sign-in/email", baseURL),
      { method: "POST", localAddress, headers: { "content-type": "application/json", origin: baseURL, "x-forwarded-for": forwardedFor, "content-length": Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

test.describe("sign-in through the real server", () => {
  test("the address limit counts the socket: a new X-Forwarded-For per request does not reset it", async ({ baseURL }) => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push(await signInFrom(baseURL!, "127.0.0.2", `10.1.${i}.1`, `nobody-${i}@riskline.dev`));
    expect(statuses).toEqual([...Array(10).fill(401), 429]);
    // Another socket address is another client.
    expect(await signInFrom(baseURL!, "127.0.0.3", "10.1.0.1", "nobody-0@riskline.dev")).toBe(401);
  });
});
