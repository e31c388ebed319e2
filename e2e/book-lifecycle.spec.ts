import { expect, test, type Page } from "./fixtures";
import { storageStatePath } from "./accounts";
import { screens as screensAt } from "./screens";

// A manager carries a book from creation to deletion: the New portfolio flow with a CSV import, one
// position added, one closed, one deleted, a deposit, a rename, archive (gone from the list) and a
// delete confirmed by typing the name. Each new page is checked for horizontal overflow at 390 px.
test.use({ storageState: storageStatePath("individual") });

const NAME = `Lifecycle Book ${Date.now()}`;
const CSV = [
  "symbol,quantity,entry_price,entry_date,type,class",
  "KO,200,60,2026-06-01,LONG,PUBLIC",
  "MSFT,20,400,2026-06-01,LONG,PUBLIC",
  "JPM,30,250,2026-06-01,LONG,PUBLIC",
].join("\n");

/** Screenshots named after the book's step. */
const screens = (page: Page, name: string) => screensAt(page, `book-${name}`);

test("a manager creates a book from a CSV, changes its positions and flows, renames, archives and deletes it", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/portfolios");
  await page.getByTestId("new-portfolio-link").click();
  await expect(page.getByRole("heading", { name: "New portfolio" })).toBeVisible();
  await page.getByLabel("Name").fill(NAME);
  await page.getByLabel("Description (optional)").fill("Created by the lifecycle test");
  await page.getByLabel("Starting equity (USD)").fill("500000");
  await page.getByLabel("Inception date").fill("2026-06-01");
  await screens(page, "new-details");
  await page.getByTestId("new-portfolio-submit").click();

  // Step 2: the import's preview, then the commit lands on the portfolio's page.
  await expect(page.getByTestId("new-portfolio-created")).toContainText(NAME);
  await page.getByTestId("import-text").fill(CSV);
  await page.getByTestId("import-preview").click();
  await expect(page.getByTestId("import-summary")).toHaveText("3 rows ready to import.");
  await screens(page, "new-import");
  await page.getByTestId("import-commit").click();
  await page.waitForURL(/\/portfolios\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(NAME);
  await expect(page.getByTestId("overview-as-of")).toContainText("Not computed yet");
  const id = new URL(page.url()).pathname.split("/").pop()!;

  // Positions: add one, close one, delete one.
  await page.getByRole("link", { name: "Positions", exact: true }).click();
  await expect(page.getByTestId("positions-table").locator("tbody tr")).toHaveCount(3);
  const add = page.getByTestId("add-position");
  await add.getByLabel("Symbol").fill("AAPL");
  await add.getByLabel("Shares", { exact: true }).fill("10");
  await add.getByLabel("Entry price", { exact: true }).fill("200");
  await add.getByLabel("Entry date", { exact: true }).fill("2026-06-02");
  await add.getByRole("button", { name: "Add position" }).click();
  await expect(page.getByTestId("add-done")).toContainText("Added AAPL");
  await expect(page.getByTestId("position-row-AAPL")).toBeVisible();

  await page.getByRole("button", { name: "Close KO" }).click();
  const close = page.getByTestId("position-close-form");
  await close.getByLabel("Exit price").fill("65");
  await close.getByLabel("Exit date").fill("2026-07-01");
  await close.getByRole("button", { name: "Close position" }).click();
  await expect(page.getByTestId("position-row-KO")).toContainText("closed 2026-07-01");
  await expect(page.getByRole("button", { name: "Close KO" })).toHaveCount(0);

  await page.getByRole("button", { name: "Delete JPM" }).click();
  await page.getByTestId("delete-position-confirm").click();
  await expect(page.getByTestId("position-row-JPM")).toHaveCount(0);
  await expect(page.getByTestId("positions-table").locator("tbody tr")).toHaveCount(3);
  await screens(page, "positions");

  // A deposit on the overview.
  await page.getByRole("link", { name: "Overview" }).click();
  const flows = page.getByTestId("capital-flows");
  await expect(flows.getByTestId("flows-empty")).toBeVisible();
  await flows.getByLabel("Amount (USD)").fill("50000");
  await flows.getByLabel("Date (a trading day)").fill("2026-06-13"); // a Saturday: refused, nothing recorded
  await flows.getByRole("button", { name: "Record flow" }).click();
  await expect(flows.getByRole("alert")).toContainText("body.date: is not an NYSE trading day");
  await flows.getByLabel("Date (a trading day)").fill("2026-06-15");
  await flows.getByLabel("Note").fill("Top-up");
  await flows.getByRole("button", { name: "Record flow" }).click();
  await expect(flows.getByTestId("flow-2026-06-15")).toContainText("$50,000.00");
  await expect(flows.getByTestId("flow-done")).toContainText("from 2026-06-15");
  // A mistaken withdrawal, recorded then deleted after a confirmation.
  await flows.getByLabel("Kind").selectOption("withdrawal");
  await flows.getByLabel("Amount (USD)").fill("10000");
  await flows.getByLabel("Date (a trading day)").fill("2026-07-01");
  await flows.getByRole("button", { name: "Record flow" }).click();
  await expect(flows.getByTestId("flow-2026-07-01")).toContainText("-$10,000.00");
  await flows.getByRole("button", { name: "Delete the flow of -$10,000.00 on 2026-07-01" }).click();
  await flows.getByRole("button", { name: "Delete flow" }).click();
  await expect(flows.getByTestId("flow-2026-07-01")).toHaveCount(0);
  await expect(flows.getByTestId("flow-2026-06-15")).toBeVisible();
  await screens(page, "overview-flows");

  // Rename, then archive: the book leaves the list.
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByTestId("settings-name").fill(`${NAME} renamed`);
  await page.getByTestId("settings-save").click();
  await expect(page.getByTestId("settings-saved")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${NAME} renamed`);
  await screens(page, "settings");
  await page.getByTestId("settings-archive").click();
  await page.waitForURL(/\/portfolios$/);
  await expect(page.getByTestId("portfolio-table")).toBeVisible();
  await expect(page.getByTestId("portfolio-table").getByRole("link", { name: `${NAME} renamed` })).toHaveCount(0);
  await page.getByTestId("archived-portfolios").locator("summary").click();
  await expect(page.getByTestId("archived-table").getByRole("link", { name: `${NAME} renamed` })).toBeVisible();

  // Delete: the button waits for the exact name.
  await page.goto(`/portfolios/${id}/settings`);
  await expect(page.getByTestId("archived-badge")).toBeVisible();
  const confirm = page.getByTestId("delete-confirm-name");
  await confirm.fill(NAME);
  await expect(page.getByTestId("delete-portfolio")).toBeDisabled();
  await confirm.fill(`${NAME} renamed`);
  await page.getByTestId("delete-portfolio").click();
  await page.waitForURL(/\/portfolios$/);
  expect((await page.request.get(`/api/portfolios/${id}`)).status()).toBe(404);
  await page.getByTestId("archived-portfolios").locator("summary").click();
  await expect(page.getByTestId("archived-portfolios")).not.toContainText(NAME);
});
