// Access in a real browser: a manager gets 404 for another manager's portfolio pages and for the
// admin pages, an anonymous visitor is sent to sign in, the session cookie is out of scripts' reach,
// and a state change from another origin is refused.
import { expect, test } from "@playwright/test";
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
      await expect(page).toHaveURL(/\/sign-in$/);
    });
  }

  test("gets 401 from the API", async ({ request }) => {
    const res = await request.get("/api/portfolios");
    expect(res.status()).toBe(401);
  });
});
