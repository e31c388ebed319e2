import type { Available } from "@/lib/contracts/analytics";
import type { PerformanceResponse } from "@/lib/contracts/performance";
import { formatNum, formatPct } from "@/lib/format";
import { storageStatePath } from "./accounts";
import { expect, test } from "./fixtures";
import { revealDeferred } from "./reveal";
import { screens } from "./screens";

// The performance panel on a book's overview shows the endpoint's figures and both cumulative lines;
// its "How is this computed?" link and those of the Risk Metrics sections land on their methodology
// sections; the manager changes the benchmark in the settings and the panel follows.
const PF = "demo-individual";

test.use({ storageState: storageStatePath("individual") });

test("the overview shows performance against the benchmark, explained on the methodology page", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(`/portfolios/${PF}`);
  const res = await page.request.get(`/api/portfolios/${PF}/performance`);
  const perf = (await res.json()) as Available<PerformanceResponse>;
  expect(perf.available).toBe(true);
  const panel = page.getByTestId("performance-section");
  for (const p of perf.periods) await expect(panel.getByTestId(`period-${p.period}`)).toContainText(formatPct(p.value));
  await expect(panel.getByTestId("max-drawdown")).toContainText(formatPct(perf.drawdown!.value));
  await expect(panel.getByTestId("sharpe")).toContainText(formatNum(perf.riskAdjusted.sharpe.value));
  await expect(panel.getByTestId("benchmark-beta")).toContainText(`Beta to SPY${formatNum(perf.benchmark.beta.value)}`);
  await expect(panel.getByTestId("cumulative-chart").locator(".recharts-line")).toHaveCount(2);
  await screens(page, "performance-overview");

  await panel.getByRole("link", { name: /How is this computed/ }).click();
  await expect(page).toHaveURL(/\/methodology#performance$/);
  await expect(page.getByRole("heading", { level: 2, name: "Performance" })).toBeInViewport();
  await screens(page, "methodology");
});

test("each Risk Metrics section links to its methodology section", async ({ page }) => {
  await page.goto(`/portfolios/${PF}/risk`);
  const links = page.getByTestId("methodology-link");
  await expect(links.first()).toBeVisible();
  // The sections below the factor cards mount near the viewport: scroll to them, then wait for all.
  await revealDeferred(page);
  await expect.poll(() => links.count()).toBeGreaterThanOrEqual(12);
  await page.getByTestId("var-section").getByRole("link", { name: /How is this computed/ }).click();
  await expect(page).toHaveURL(/\/methodology#value-at-risk-and-expected-shortfall$/);
  await expect(page.getByRole("heading", { level: 2, name: "Value at Risk and Expected Shortfall" })).toBeInViewport();
});

test("the manager measures the book against QQQ instead, and back", async ({ page }) => {
  await page.goto(`/portfolios/${PF}/settings`);
  await page.getByTestId("benchmark-symbol").selectOption("QQQ");
  await page.getByTestId("benchmark-save").click();
  await expect(page.getByTestId("benchmark-saved")).toContainText("QQQ");
  await page.goto(`/portfolios/${PF}`);
  await expect(page.getByTestId("benchmark-beta")).toContainText("Beta to QQQ");
  await expect(page.getByTestId("cumulative-chart")).toContainText("QQQ");
  await page.goto(`/portfolios/${PF}/settings`);
  await page.getByTestId("benchmark-symbol").selectOption("SPY");
  await page.getByTestId("benchmark-save").click();
  await expect(page.getByTestId("benchmark-saved")).toContainText("SPY");
});
