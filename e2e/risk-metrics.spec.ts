import { expect, test, type APIRequestContext } from "./fixtures";
import { revealDeferred } from "./reveal";
import type {
  Available,
  CorrelationsResponse,
  FactorsResponse,
  StressDetailResponse,
  StressListResponse,
  VarResponse,
} from "@/lib/contracts/analytics";
import { formatLossUsd, formatNum, formatUsd } from "@/lib/format";
import { REASON_LABELS } from "@/lib/reason-codes";
import { storageStatePath } from "./accounts";

const PF = "demo-hedgefund";

async function api<T>(request: APIRequestContext, path: string): Promise<Available<T>> {
  const res = await request.get(`/api/portfolios/${PF}/${path}`);
  expect(res.status()).toBe(200);
  const body = (await res.json()) as Available<T>;
  expect(body.available, `${path} should be computed by the batch`).toBe(true);
  return body;
}

test.describe("Risk Metrics of the hedge-fund demo portfolio", () => {
  test.use({ storageState: storageStatePath("hedgefund") });

  test("shows the factor cards, stress table, charts and heat map with the API's numbers", async ({ page }) => {
    await page.goto(`/portfolios/${PF}/risk`);
    await expect(page.getByRole("heading", { name: /Risk Metrics/ })).toBeVisible();
    await revealDeferred(page);

    const factors = await api<FactorsResponse>(page.request, "factors");
    const market = factors.factors.find((f) => f.factor === "MARKET")!;
    const card = page.getByTestId("factor-card-MARKET");
    await expect(card.getByTestId("factor-beta")).toHaveText(formatNum(market.beta, 3));
    await expect(card.getByTestId("factor-dollars")).toHaveText(formatUsd(market.dollars));
    for (const key of ["IR", "VALUE", "GROWTH", "MOMENTUM", "QUALITY", "SIZE", "LOW_VOL", "GROWTH_VALUE", "QUALITY_SPREAD"]) {
      await expect(page.getByTestId(`factor-card-${key}`)).toBeVisible();
    }
    await expect(page.getByTestId("factor-section").getByTestId("as-of")).toContainText(factors.asOfDate);

    // Sorting by correlated P&L (ascending, then descending) orders the rows as the API's numbers do.
    const stress = await api<StressListResponse>(page.request, "stress");
    const rowKeys = () => page.locator('[data-testid^="stress-row-"]').evaluateAll((rows) => rows.map((r) => r.getAttribute("data-testid")!.slice("stress-row-".length)));
    await expect(page.locator('[data-testid^="stress-row-"]')).toHaveCount(stress.scenarios.length);
    await page.getByTestId("stress-sort-correlatedPnl").click();
    const ascending = [...stress.scenarios].sort((a, b) => a.correlatedPnl - b.correlatedPnl).map((s) => s.scenarioKey);
    expect(await rowKeys()).toEqual(ascending);
    await page.getByTestId("stress-sort-correlatedPnl").click();
    expect(await rowKeys()).toEqual([...ascending].reverse());

    const worst = ascending[0]!;
    const row = page.getByTestId(`stress-row-${worst}`);
    const worstRow = stress.scenarios.find((s) => s.scenarioKey === worst)!;
    await expect(row.getByTestId("stress-correlatedPnl")).toHaveText(formatUsd(worstRow.correlatedPnl));
    await expect(row.getByTestId("stress-directPnl")).toHaveText(formatUsd(worstRow.directPnl));
    await row.getByTestId("stress-expand").click();
    const detail = await api<StressDetailResponse>(page.request, `stress/${worst}`);
    const contributions = page.getByTestId(`stress-detail-${worst}`).getByTestId("stress-factor-contributions");
    await expect(contributions).toBeVisible();
    for (const f of detail.factorContributions) {
      await expect(contributions.getByTestId(`stress-factor-${f.factor}`).getByTestId("contribution-correlated")).toHaveText(formatUsd(f.correlated));
    }

    for (const chart of ["factor-beta-chart", "volatility-chart", "concentration-chart", "sector-chart"]) {
      await expect(page.getByTestId(chart).locator("svg.recharts-surface").first()).toBeVisible();
    }

    const risk = await api<VarResponse>(page.request, "var");
    const var99 = risk.rows.find((r) => r.method === "historical" && r.confidence === 0.99)!;
    await expect(page.getByTestId("var-row-historical-99").getByTestId("var-dollars")).toHaveText(formatLossUsd(var99.var));

    // The book's 22 stock and ETF holdings are each 4 % or more of NAV, far above the matrix's 1 % / $10k
    // floor, so the heat map has many symbols: an off-diagonal cell always exists and must show the API's ρ.
    const corr = await api<CorrelationsResponse>(page.request, "correlations");
    expect(corr.symbols.length).toBeGreaterThan(1);
    await expect(page.getByTestId("correlation-cell-0-0")).toHaveText(formatNum(corr.rows[0]![0], 2));
    await expect(page.getByTestId("correlation-cell-0-1")).toHaveText(formatNum(corr.rows[0]![1], 2));
    await expect(page.locator('[data-testid^="correlation-cell-"]')).toHaveCount(corr.symbols.length ** 2);

    await page.screenshot({ path: "test-results/screens/risk-metrics.png", fullPage: true });
  });
});

test.describe("Risk Metrics of the private-only portfolio", () => {
  test.use({ storageState: storageStatePath("familyoffice") });

  test("says why the market analytics are missing instead of showing numbers", async ({ page }) => {
    await page.goto("/portfolios/demo-fo-private/risk");
    await revealDeferred(page);
    await expect(page.getByTestId("factor-section").getByTestId("unavailable-reason")).toContainText(REASON_LABELS.NO_PUBLIC_POSITIONS);
    await page.screenshot({ path: "test-results/screens/risk-metrics-private.png", fullPage: true });
  });
});
