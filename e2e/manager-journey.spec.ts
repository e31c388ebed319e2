// A new manager runs a real book with no admin help after their account exists: the admin creates the
// account; the manager creates a book through the CSV flow with a symbol the bundled data does not
// have (SMCI, listed by the app's market data vendor, here the local fake of FMP), and every Risk
// Metrics section fills in by itself; a deposit moves NAV but neither P&L nor return; closing a
// position recomputes the results; a scenario the manager adds stays theirs alone.
import { expect, test, type APIRequestContext, type Page } from "./fixtures";
import { revealDeferred } from "./reveal";
import { formatUsd } from "@/lib/format";
import { storageStatePath } from "./accounts";

const STAMP = Date.now();
const EMAIL = `journey-${STAMP}@example.com`;
const PASSWORD = "journey-password-1";
const BOOK = `Journey Book ${STAMP}`;
const SCENARIO = `Chip crash ${STAMP}`;
const CSV = [
  "symbol,quantity,entry_price,entry_date,type,class",
  "SMCI,400,95,2026-03-02,LONG,PUBLIC",
  "KO,300,62,2026-03-02,LONG,PUBLIC",
  "JPM,100,240,2026-03-02,LONG,PUBLIC",
].join("\n");
const SECTIONS = ["factor-section", "spread-section", "stress-section", "var-section", "volatility-section", "correlation-section", "concentration-section", "sector-section"];

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/journey-${name}.png`, fullPage: true });

/** Waits until the book's results reflect its inputs (the recompute an edit started has ended). */
async function untilCurrent(request: APIRequestContext, id: string): Promise<void> {
  await expect
    .poll(async () => ((await (await request.get(`/api/portfolios/${id}/recompute`)).json()) as { state: string }).state, { timeout: 120_000, intervals: [500, 1_000, 2_000] })
    .toBe("current");
}

interface Overview {
  available: boolean;
  asOfDate: string;
  nav: number;
  pnlDay: number;
  pnlCumulative: number;
  dailyReturn: number;
  numPositions: number;
}
const overviewOf = async (request: APIRequestContext, id: string) => (await (await request.get(`/api/portfolios/${id}/overview`)).json()) as Overview;

test.describe.configure({ mode: "serial" });

test.describe("the admin", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("creates the manager's account", async ({ page }) => {
    await page.goto("/admin/users");
    const form = page.getByRole("region", { name: "New user" });
    await form.getByLabel("Name").fill("Jordan Journey");
    await form.getByLabel("Email").fill(EMAIL);
    await form.getByLabel(/First password/).fill(PASSWORD);
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(form.getByRole("status")).toContainText(`Created ${EMAIL}`);
    await expect(page.getByTestId(`user-${EMAIL}`)).toContainText("Manager");
  });
});

test.describe("the new manager", () => {
  test.use({ storageState: { cookies: [], origins: [] } });
  let id = "";

  test.beforeEach(async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(EMAIL);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("signed-in-as")).toContainText("Jordan Journey · Manager");
  });

  test("creates a book from a CSV with a symbol only the vendor lists, and every Risk Metrics section fills in", async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto("/portfolios");
    await page.getByTestId("new-portfolio-link").click();
    await page.getByLabel("Name").fill(BOOK);
    await page.getByLabel("Starting equity (USD)").fill("250000");
    await page.getByLabel("Inception date").fill("2026-03-02");
    await page.getByTestId("new-portfolio-submit").click();
    await expect(page.getByTestId("new-portfolio-created")).toContainText(BOOK);
    await page.getByTestId("import-text").fill(CSV);
    await page.getByTestId("import-preview").click();
    // SMCI is not in the bundled symbols: the preview accepts it because the vendor lists it.
    await expect(page.getByTestId("import-summary")).toHaveText("3 rows ready to import.");
    await shot(page, "import-preview");
    await page.getByTestId("import-commit").click();
    await page.waitForURL(/\/portfolios\/[^/]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(BOOK); // the book's page, not /portfolios/new
    id = new URL(page.url()).pathname.split("/").pop()!;

    // Listed now, under the name the vendor gave.
    const listed = (await (await page.request.get("/api/symbols")).json()) as { symbols: { symbol: string; name: string }[] };
    expect(listed.symbols.find((s) => s.symbol === "SMCI")?.name).toBe("Super Micro Computer, Inc.");

    // No admin runs anything: the book back-fills itself from its inception.
    await untilCurrent(page.request, id);
    await page.goto(`/portfolios/${id}/risk`);
    await expect(page.getByText("Results are up to date with the positions and flows.")).toBeVisible();
    await revealDeferred(page);
    const { asOfDate } = await overviewOf(page.request, id);
    for (const testId of SECTIONS) {
      const section = page.getByTestId(testId);
      await expect(section.getByTestId("as-of"), `${testId} has results`).toContainText(asOfDate);
      await expect(section.getByTestId("unavailable-reason"), `${testId} is filled`).toHaveCount(0);
    }
    for (const hero of ["hero-beta", "hero-vol", "hero-var", "hero-stress"]) {
      await expect(page.getByTestId(hero)).toContainText(asOfDate);
      await expect(page.getByTestId(hero)).not.toContainText("Not available");
    }
    const positions = (await (await page.request.get(`/api/portfolios/${id}/positions`)).json()) as { positions: { symbol: string; valuation: { marketValue: number } | null }[] };
    expect(positions.positions.find((p) => p.symbol === "SMCI")?.valuation?.marketValue).toBeGreaterThan(0);
    await shot(page, "risk-metrics");
  });

  test("records a deposit on the as-of date: NAV moves by it, P&L and return do not", async ({ page }) => {
    test.setTimeout(120_000);
    const before = await overviewOf(page.request, id);
    expect(before.available).toBe(true);
    await page.goto(`/portfolios/${id}`);
    const flows = page.getByTestId("capital-flows");
    await flows.getByLabel("Amount (USD)").fill("40000");
    await flows.getByLabel("Date (a trading day)").fill(before.asOfDate);
    await flows.getByLabel("Note").fill("Quarterly top-up");
    await flows.getByRole("button", { name: "Record flow" }).click();
    await expect(flows.getByTestId(`flow-${before.asOfDate}`)).toContainText("$40,000.00");
    await untilCurrent(page.request, id);
    const after = await overviewOf(page.request, id);
    expect(after.asOfDate).toBe(before.asOfDate);
    expect(after.nav - before.nav).toBeCloseTo(40_000, 6);
    expect(after.pnlDay).toBeCloseTo(before.pnlDay, 6);
    expect(after.pnlCumulative).toBeCloseTo(before.pnlCumulative, 6);
    expect(after.dailyReturn).toBeCloseTo(before.dailyReturn, 12);
    await page.reload();
    await expect(page.getByTestId("stat-nav")).toContainText(formatUsd(after.nav));
    await shot(page, "deposit");
  });

  test("closes a position and sees the results recompute without it", async ({ page }) => {
    test.setTimeout(120_000);
    const before = await overviewOf(page.request, id);
    expect(before.numPositions).toBe(3);
    await page.goto(`/portfolios/${id}/positions`);
    await page.getByRole("button", { name: "Close KO" }).click();
    const close = page.getByTestId("position-close-form");
    await close.getByLabel("Exit price").fill("70");
    await close.getByLabel("Exit date").fill("2026-06-01");
    await close.getByRole("button", { name: "Close position" }).click();
    await expect(page.getByTestId("position-row-KO")).toContainText("closed 2026-06-01");
    await untilCurrent(page.request, id);
    const after = await overviewOf(page.request, id);
    expect(after.numPositions).toBe(2);
    expect(after.nav).not.toBeCloseTo(before.nav, 2);
    await page.goto(`/portfolios/${id}`);
    await expect(page.getByTestId("stat-counts")).toContainText("2 (2 long, 0 short)");
  });

  test("adds a scenario of their own, and their stress table shows it", async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`/portfolios/${id}/risk`);
    await revealDeferred(page);
    const form = page.getByTestId("scenario-builder").getByRole("form", { name: "New scenario" });
    await form.getByLabel("Name").fill(SCENARIO);
    await form.getByLabel("Market Beta (90D) (%)").fill("-20");
    await form.getByRole("button", { name: "Add scenario" }).click();
    await expect(form.getByRole("status")).toContainText("recomputed");
    await untilCurrent(page.request, id);
    await page.reload();
    await revealDeferred(page);
    await expect(page.getByTestId("stress-section")).toContainText(SCENARIO);
  });
});

test.describe("another manager", () => {
  test.use({ storageState: storageStatePath("individual") });

  test("never sees the new manager's book or scenario", async ({ page }) => {
    await page.goto("/portfolios/demo-individual/risk");
    await revealDeferred(page);
    await expect(page.getByTestId("stress-section").getByRole("table")).toBeVisible();
    await expect(page.getByText(SCENARIO)).toHaveCount(0);
    const library = (await (await page.request.get("/api/scenarios")).json()) as { scenarios: { name: string }[] };
    expect(library.scenarios.map((s) => s.name)).not.toContain(SCENARIO);
    const books = (await (await page.request.get("/api/portfolios")).json()) as { portfolios: { name: string }[] };
    expect(books.portfolios.map((p) => p.name)).not.toContain(BOOK);
  });
});
