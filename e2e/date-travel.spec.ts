import type { SnapshotsResponse } from "@/lib/contracts/analytics";
import { accountEmail, demoPassword, storageStatePath } from "./accounts";
import { expect, test, type Page } from "./fixtures";
import { revealDeferred } from "./reveal";
import { screens } from "./screens";

// Date travel: the date control of a book's pages moves every section to another COMPLETE day, the URL
// carries it (tabs, back button, deep links), and a deep link survives signing in.
const PF = "demo-individual";
const BACK_TO = "2026-03-02";

const RISK_SECTIONS = ["factor-section", "spread-section", "stress-section", "volatility-section", "var-section", "correlation-section", "concentration-section", "sector-section"];
const HEROES = ["hero-beta", "hero-vol", "hero-var", "hero-stress"];

/** What a section shows, less its as-of label: the figures themselves. */
const figures = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((section) => {
    const copy = section.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".as-of").forEach((e) => e.remove());
    return copy.innerText;
  });

async function snapshotDates(page: Page): Promise<string[]> {
  const body = (await (await page.request.get(`/api/portfolios/${PF}/snapshots`)).json()) as SnapshotsResponse;
  if (!body.available) throw new Error("the demo book has no snapshots");
  return body.snapshots.map((s) => s.date);
}

test.describe("a manager travels through the book's days", () => {
  test.use({ storageState: storageStatePath("individual") });

  test("moving the date back moves every section of Risk Metrics, the overview and the positions, and the URL carries it", async ({ page }) => {
    test.setTimeout(240_000);
    const dates = await snapshotDates(page);
    const latest = dates.at(-1)!;
    expect(dates).toContain(BACK_TO);

    await page.goto(`/portfolios/${PF}/risk`);
    // The first page of a fresh server on a shared machine can take a while.
    await expect(page.getByTestId("date-input")).toHaveValue(latest, { timeout: 60_000 });
    await revealDeferred(page);
    for (const id of [...RISK_SECTIONS, ...HEROES]) await expect(page.getByTestId(id).locator(".as-of")).toContainText(latest);
    const before = new Map<string, string>();
    for (const id of [...RISK_SECTIONS, ...HEROES]) before.set(id, await figures(page, id));

    // Type a date and press Enter: every section answers for it, with other figures.
    await page.getByTestId("date-input").fill(BACK_TO);
    await page.getByTestId("date-input").press("Enter");
    await expect(page).toHaveURL(new RegExp(`/portfolios/${PF}/risk\\?date=${BACK_TO}$`));
    for (const id of [...RISK_SECTIONS, ...HEROES]) {
      await expect(page.getByTestId(id).locator(".as-of").first()).toContainText(BACK_TO);
      await expect.poll(() => figures(page, id), `${id} shows the figures of ${BACK_TO}`).not.toBe(before.get(id));
    }

    // Previous and next trading day, from the keyboard.
    const previous = dates[dates.indexOf(BACK_TO) - 1]!;
    await page.getByTestId("date-previous").focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`\\?date=${previous}$`));
    await expect(page.getByTestId("var-section").locator(".as-of")).toContainText(previous);
    await page.getByTestId("date-next").focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`\\?date=${BACK_TO}$`));
    await expect(page.getByTestId("date-input")).toHaveValue(BACK_TO);
    await screens(page, "date-travel-risk");

    // The tabs keep the date: the positions and the overview answer for it too.
    await page.getByRole("link", { name: "Positions" }).click();
    await expect(page).toHaveURL(new RegExp(`/portfolios/${PF}/positions\\?date=${BACK_TO}$`));
    await expect(page.getByTestId("positions-section").locator(".as-of")).toContainText(BACK_TO);
    await page.getByRole("link", { name: "Overview" }).click();
    await expect(page).toHaveURL(new RegExp(`/portfolios/${PF}\\?date=${BACK_TO}$`));
    await expect(page.getByTestId("overview-as-of")).toHaveText(`Figures as of ${BACK_TO}.`);
    await expect(page.getByTestId("nav-chart")).toContainText(`as of ${BACK_TO}`);
    await expect(page.getByTestId("performance-section").locator(".as-of")).toContainText(BACK_TO);
    await screens(page, "date-travel-overview");

    // Back in the browser's history, then back to the latest results.
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`/positions\\?date=${BACK_TO}$`));
    await page.getByTestId("date-latest").click();
    await expect(page).toHaveURL(new RegExp(`/portfolios/${PF}/positions$`));
    await expect(page.getByTestId("positions-section").locator(".as-of")).toContainText(latest);
  });

  test("a day without results snaps to the last trading day with results before it", async ({ page }) => {
    await page.goto(`/portfolios/${PF}/risk?date=${BACK_TO}`);
    await revealDeferred(page);
    await page.getByTestId("date-input").fill("2026-02-28"); // a Saturday
    await page.getByTestId("date-show").click();
    await expect(page).toHaveURL(/\?date=2026-02-27$/);
    await expect(page.getByTestId("volatility-section").locator(".as-of")).toContainText("2026-02-27");
  });
});

test("a deep link to a date survives signing in", async ({ page }) => {
  const deepLink = `/portfolios/${PF}/risk?date=${BACK_TO}`;
  await page.goto(deepLink);
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in" && url.searchParams.get("next") === deepLink);
  await page.getByLabel("Email").fill(accountEmail("individual"));
  await page.getByLabel("Password").fill(demoPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${deepLink.replace("?", "\\?")}$`));
  await expect(page.getByTestId("date-input")).toHaveValue(BACK_TO);
  await expect(page.getByTestId("hero-var").locator(".as-of")).toContainText(BACK_TO);
});
