import type { AggregateResponse } from "@/lib/contracts/aggregate";
import type { DecompositionResponse } from "@/lib/contracts/decomposition";
import type { WhatChangedResponse } from "@/lib/contracts/what-changed";
import { formatPct, formatUsd } from "@/lib/format";
import { storageStatePath } from "./accounts";
import { expect, test } from "./fixtures";
import { revealDeferred } from "./reveal";
import { screens } from "./screens";

// What changed and risk decomposition on the hedge fund's Risk Metrics page, and the combined view of
// the family office's two books: each shows its endpoint's figures, at phone and desktop width.
const HF = "demo-hedgefund";

test.describe("as the hedge fund's manager", () => {
  test.use({ storageState: storageStatePath("hedgefund") });

  test("what changed since the previous day, and the risk decomposition, on Risk Metrics", async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto(`/portfolios/${HF}/risk`);
    await revealDeferred(page);
    const wc = (await (await page.request.get(`/api/portfolios/${HF}/what-changed`)).json()) as Extract<WhatChangedResponse, { available: true }>;
    expect(wc.available).toBe(true);
    const section = page.getByTestId("what-changed-section");
    await expect(section.getByTestId("what-changed-dates")).toContainText(`From ${wc.fromDate} to ${wc.asOfDate}`);
    const market = wc.factors.find((f) => f.factor === "MARKET")!;
    const row = section.getByTestId("what-changed-factors").locator("tbody tr").filter({ hasText: market.label });
    await expect(row).toContainText(formatUsd(market.change));
    await expect(row).toContainText(formatUsd(market.positions));
    // Choosing a scenario lists the symbols behind each part of its change.
    const scenario = wc.scenarios[0]!;
    await section.getByRole("button", { name: scenario.name }).click();
    await expect(section.getByTestId("what-changed-contributors")).toContainText(`Prices: ${scenario.name}`);

    const dc = (await (await page.request.get(`/api/portfolios/${HF}/decomposition`)).json()) as Extract<DecompositionResponse, { available: true }>;
    expect(dc.available).toBe(true);
    const dsec = page.getByTestId("decomposition-section");
    await expect(dsec.getByTestId("decomposition-vol")).toContainText(formatUsd(dc.volDollars));
    await expect(dsec.getByTestId("decomposition-factor-share")).toContainText(formatPct(dc.factorShare, 1));
    await expect(dsec.getByTestId("decomposition-symbols").locator("tbody tr")).toHaveCount(dc.symbols.length);
    await section.scrollIntoViewIfNeeded();
    await screens(page, "risk-what-changed-decomposition");

    // The decomposition is computed on read: time a few requests (reported, not asserted).
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = Date.now();
      await page.request.get(`/api/portfolios/${HF}/decomposition`);
      times.push(Date.now() - t0);
    }
    console.log(`decomposition of ${HF}: ${times.join(", ")} ms`);
  });
});

test.describe("as the family office", () => {
  test.use({ storageState: storageStatePath("familyoffice") });

  test("the list links to the combined view of both books", async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto("/portfolios");
    await page.getByTestId("aggregate-link").click();
    await expect(page).toHaveURL(/\/portfolios\/all$/);
    await expect(page.getByRole("heading", { level: 1, name: "All my portfolios" })).toBeVisible();
    const agg = (await (await page.request.get("/api/aggregate")).json()) as Extract<AggregateResponse, { available: true }>;
    expect(agg.available).toBe(true);
    expect(agg.books.map((b) => b.id).sort()).toEqual(["demo-fo-growth", "demo-fo-private"]);
    await expect(page.getByTestId("aggregate-nav")).toContainText(formatUsd(agg.nav));
    await expect(page.getByTestId("aggregate-decomposition")).toContainText("Forecast volatility");
    await expect(page.getByTestId("aggregate-performance").getByTestId("period-returns")).toBeVisible();
    await screens(page, "aggregate-familyoffice");
  });
});
