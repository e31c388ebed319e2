import { expect, test } from "./fixtures";
import { accountEmail, demoPassword, storageStatePath } from "./accounts";

test("a demo manager signs in and sees their portfolios and a NAV chart", async ({ page }) => {
  await page.goto("/portfolios");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fportfolios$/);
  await page.getByLabel("Email").fill(accountEmail("familyoffice"));
  await page.getByLabel("Password").fill(demoPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/portfolios$/);
  const table = page.getByTestId("portfolio-table");
  await expect(table.getByRole("link", { name: "Family Office Growth" })).toBeVisible();
  await expect(table.getByRole("link", { name: "Family Office Private" })).toBeVisible();
  await expect(table.getByRole("link", { name: "Long/Short Equity Fund" })).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/portfolios.png", fullPage: true });

  await table.getByRole("link", { name: "Family Office Growth" }).click();
  const chart = page.getByTestId("nav-chart");
  await expect(chart.locator("svg.recharts-surface")).toBeVisible();
  await expect(chart.locator(".recharts-line-curve")).toHaveCount(1);
  const api = await page.request.get(`/api/portfolios/demo-fo-growth/snapshots`);
  const { snapshots } = (await api.json()) as { snapshots: unknown[] };
  expect(snapshots.length).toBeGreaterThan(200);
  await expect(page.getByTestId("nav-points")).toHaveText(`${snapshots.length} daily snapshots`);
  await page.screenshot({ path: "test-results/screens/portfolio-overview.png", fullPage: true });
});

test.describe("another manager's portfolio", () => {
  test.use({ storageState: storageStatePath("individual") });

  test("answers 404 on the page and in the API", async ({ page }) => {
    const res = await page.goto("/portfolios/demo-hedgefund");
    expect(res?.status()).toBe(404);
    const api = await page.request.get("/api/portfolios/demo-hedgefund");
    expect(api.status()).toBe(404);
    expect(await api.json()).toMatchObject({ error: { code: "not_found" } });
    const own = await page.request.get("/api/portfolios/demo-individual");
    expect(own.status()).toBe(200);
  });
});
