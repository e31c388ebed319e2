import { expect, test } from "./fixtures";
import type { PositionListResponse } from "@/lib/contracts/positions";
import { E2E_BASE_URL } from "../playwright.config";
import { storageStatePath } from "./accounts";

const PF = "demo-hedgefund";
const CSV = [
  "symbol,quantity,entry_price,entry_date,type,class,subtype,underlying,strike,expiry,exit_price,exit_date",
  "MSFT,10,400.5,2026-01-05,LONG,PUBLIC,,,,,,",
  "NOPE,5,10,2026-01-05,LONG,PUBLIC,,,,,,",
].join("\n");

test.use({ storageState: storageStatePath("hedgefund") });

test("the positions table lists every position with its exposure and betas", async ({ page }) => {
  await page.goto(`/portfolios/${PF}/positions`);
  const list = (await (await page.request.get(`/api/portfolios/${PF}/positions`)).json()) as PositionListResponse;
  await expect(page.getByTestId("positions-table").locator("tbody tr")).toHaveCount(list.positions.length);
  await expect(page.getByTestId("position-row-NVDA").first().getByTestId("position-beta-MARKET")).not.toHaveText("—");
  await page.screenshot({ path: "test-results/screens/positions.png", fullPage: true });
});

test("importing a CSV with a bad row changes nothing and names the row", async ({ page }) => {
  await page.goto(`/portfolios/${PF}/positions`);
  const before = ((await (await page.request.get(`/api/portfolios/${PF}/positions`)).json()) as PositionListResponse).positions.length;
  await page.getByTestId("import-text").fill(CSV);
  await page.getByTestId("import-preview").click();
  await expect(page.getByTestId("import-summary")).toContainText("1 error(s) in 1 row(s)");
  // The e2e app has a vendor (the local fake of FMP): NOPE is looked up there, and it does not know it.
  await expect(page.getByTestId("import-row-3").getByTestId("import-row-errors")).toContainText("symbol: NOPE is unknown to the vendor");
  await expect(page.getByTestId("import-row-2").getByTestId("import-row-errors")).toHaveText("ok");
  await expect(page.getByTestId("import-commit")).toBeDisabled();
  await page.screenshot({ path: "test-results/screens/positions-import.png", fullPage: true });

  // The server refuses the same file on commit too, naming the row, and writes nothing.
  const commit = await page.request.post(`/api/portfolios/${PF}/positions/import`, { data: { csv: CSV, mode: "commit" }, headers: { origin: E2E_BASE_URL } });
  expect(commit.status()).toBe(422);
  expect(((await commit.json()) as { error: { message: string } }).error.message).toContain("row 3 symbol");
  await page.reload();
  await expect(page.getByTestId("positions-table").locator("tbody tr")).toHaveCount(before);
});
