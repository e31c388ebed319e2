// The scenario builder in the browser: a manager adds a scenario on Risk Metrics, their book is
// recomputed with it without any admin (the status line shows it, the stress table then lists it);
// another manager never sees it; deleting it removes it from the table.
import { expect, test } from "./fixtures";
import { revealDeferred } from "./reveal";
import { storageStatePath } from "./accounts";

const PF = "demo-individual";
const NAME = `Oil spike ${Date.now()}`;

test.describe("custom scenarios", () => {
  test.describe.configure({ mode: "serial" });

  test.describe("the manager who adds one", () => {
    test.use({ storageState: storageStatePath("individual") });

    test("adds a scenario and sees their book recomputed with it", async ({ page }) => {
      await page.goto(`/portfolios/${PF}/risk`);
      await revealDeferred(page);
      const builder = page.getByTestId("scenario-builder");
      const form = builder.getByRole("form", { name: "New scenario" });
      await form.getByLabel("Name").fill(NAME);
      await form.getByLabel("Market Beta (90D) (%)").fill("-12");
      await form.getByLabel("Rates (bp)").fill("50");
      await form.getByRole("button", { name: "Add scenario" }).click();
      await expect(form.getByRole("status")).toContainText("recomputed");
      await expect(builder.getByTestId(`scenario-${NAME}`)).toContainText("yours");
      await page.screenshot({ path: "test-results/screens/scenario-builder.png", fullPage: true });
      // The status line follows the recompute to its end; the table then has the scenario.
      await expect(page.getByText("Results are up to date with the positions and flows.")).toBeVisible({ timeout: 120_000 });
      await expect(page.getByTestId("stress-section")).toContainText(NAME, { timeout: 30_000 });
    });
  });

  test.describe("another manager", () => {
    test.use({ storageState: storageStatePath("hedgefund") });

    test("never sees it, in the library or in their stress table", async ({ page }) => {
      await page.goto("/portfolios/demo-hedgefund/risk");
      await revealDeferred(page);
      await expect(page.getByTestId("stress-section").getByRole("table")).toBeVisible();
      await expect(page.getByText(NAME)).toHaveCount(0);
      const library = (await (await page.request.get("/api/scenarios")).json()) as { scenarios: { name: string }[] };
      expect(library.scenarios.map((s) => s.name)).not.toContain(NAME);
    });
  });

  test.describe("the manager, again", () => {
    test.use({ storageState: storageStatePath("individual") });

    test("deletes it, and it leaves the stress table", async ({ page }) => {
      await page.goto(`/portfolios/${PF}/risk`);
      await revealDeferred(page);
      const item = page.getByTestId(`scenario-${NAME}`);
      await item.getByRole("button", { name: `Delete ${NAME}` }).click();
      await item.getByRole("button", { name: `Confirm delete ${NAME}` }).click();
      await expect(page.getByTestId(`scenario-${NAME}`)).toHaveCount(0);
      await expect(page.getByTestId("stress-section")).not.toContainText(NAME);
    });
  });
});
