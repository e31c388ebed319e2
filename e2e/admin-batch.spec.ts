import { expect, test, type Page } from "./fixtures";
import { storageStatePath } from "./accounts";
import { PHASE_LABELS } from "@/lib/contracts/admin-runs";
import { REASON_LABELS } from "@/lib/reason-codes";

const screen = (name: string) => `test-results/screens/admin-${name}.png`;

/** Picks the scope and range on /admin/batch, confirms "Force rerun", and lands on the new run's page. */
async function forceRerun(page: Page, portfolio: string, from: string, to: string, days: number): Promise<void> {
  await page.goto("/admin/batch");
  const launcher = page.getByRole("region", { name: "Start a run" });
  await launcher.getByRole("combobox").selectOption({ label: portfolio });
  await launcher.getByLabel("From", { exact: true }).fill(from);
  await launcher.getByLabel("To", { exact: true }).fill(to);
  await launcher.getByRole("button", { name: "Force rerun" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("confirm-summary")).toContainText(`from ${from} to ${to}: ${days} trading day`);
  await expect(dialog).toContainText(portfolio);
  await page.screenshot({ path: screen(`confirm-${portfolio.toLowerCase().replaceAll(" ", "-")}`) });
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await page.waitForURL(/\/admin\/batch\/[^/]+$/);
}

test.describe("admin batch dashboard", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("lists runs with trigger, as-of date, scope and status", async ({ page }) => {
    await page.goto("/admin/batch");
    const table = page.getByTestId("runs-table");
    await expect(table.getByRole("row").nth(1)).toBeVisible();
    await expect(table).toContainText("Seed");
    await page.screenshot({ path: screen("batch"), fullPage: true });
  });

  test("a forced rerun of one portfolio shows its phases running, then succeeded", async ({ page }) => {
    await forceRerun(page, "Family Office Growth", "2026-07-01", "2026-07-13", 8);
    const status = page.getByTestId("run-status");
    await expect(status).toHaveAttribute("data-status", /RUNNING|SUCCEEDED/);
    const seenRunning = (await status.getAttribute("data-status")) === "RUNNING";
    if (seenRunning) await page.screenshot({ path: screen("run-live"), fullPage: true });
    await expect(status).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 60_000 });

    const section = page.getByTestId("portfolio-demo-fo-growth");
    await expect(section.getByTestId("portfolio-status")).toHaveAttribute("data-status", "SUCCEEDED");
    await expect(section).toContainText("2026-07-01 → 2026-07-13 · 8 dates");
    const valuation = section.locator("tr[data-phase=VALUATION]");
    await expect(valuation.locator("td").nth(1)).toHaveText("8");
    await expect(page.getByTestId("run-phases")).toContainText(PHASE_LABELS.MARKET_DATA);
    await expect(section.locator("tr[data-phase=STRESS_TESTS]")).toContainText(PHASE_LABELS.STRESS_TESTS);
    await expect(page.locator("main")).not.toContainText("STRESS_TESTS");
    await expect(page.getByTestId("phase-duration-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();

    await valuation.click();
    const drill = section.getByTestId("phase-drilldown");
    await expect(drill.locator("tbody tr[data-status=SUCCEEDED]")).toHaveCount(8);
    await page.screenshot({ path: screen("run-growth"), fullPage: true });

    await page.goto("/admin/batch");
    await expect(page.getByTestId("runs-table").getByRole("row").nth(1)).toContainText("Admin · Avery Admin");
    await expect(page.getByTestId("runs-table").getByRole("row").nth(1)).toContainText("force 2026-07-01 → 2026-07-13");
  });

  test("a forced rerun including the private-only portfolio marks its analytics skipped with NO_PUBLIC_POSITIONS", async ({ page }) => {
    await forceRerun(page, "Family Office Private", "2026-07-09", "2026-07-13", 3);
    await expect(page.getByTestId("run-status")).not.toHaveAttribute("data-status", "RUNNING", { timeout: 60_000 });
    const section = page.getByTestId("portfolio-demo-fo-private");
    await expect(section.getByTestId("portfolio-status")).toHaveAttribute("data-status", "SKIPPED");
    const exposures = section.locator("tr[data-phase=FACTOR_EXPOSURES]");
    await expect(exposures).toContainText(`${REASON_LABELS.NO_PUBLIC_POSITIONS} × 3`);
    await expect(exposures.locator("td").nth(2)).toHaveText("3");
    await exposures.click();
    await expect(section.getByTestId("phase-drilldown").locator("tbody tr[data-status=SKIPPED]")).toHaveCount(3);
    await page.screenshot({ path: screen("run-private"), fullPage: true });
  });

  test("data freshness lists each needed symbol and the coverage per trading day", async ({ page }) => {
    await page.goto("/admin/data");
    await expect(page.getByTestId("freshness-as-of")).toHaveText("2026-07-13");
    await expect(page.getByTestId("symbols-table").locator("tr[data-symbol=SPY]")).toContainText("fresh");
    await expect(page.getByTestId("coverage-table").getByRole("row")).toHaveCount(21);
    await page.screenshot({ path: screen("data"), fullPage: true });
    expect((await page.request.delete("/api/admin/runs")).status()).toBe(405);
  });
});

test.describe("a manager", () => {
  test.use({ storageState: storageStatePath("individual") });

  test("gets 403 from the admin API and a 404 page for /admin/batch", async ({ page }) => {
    for (const path of ["/api/admin/runs", "/api/admin/freshness"]) {
      const res = await page.request.get(path);
      expect(res.status(), path).toBe(403);
      expect(await res.json()).toMatchObject({ error: { code: "forbidden" } });
    }
    const post = await page.request.post("/api/admin/runs", { data: { portfolioIds: ["demo-individual"] } });
    expect(post.status()).toBe(403);
    const res = await page.goto("/admin/batch");
    expect(res?.status()).toBe(404);
    await page.screenshot({ path: screen("manager-404") });
  });
});
