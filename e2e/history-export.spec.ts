import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import type { Available, FactorsResponse, OverviewResponse } from "@/lib/contracts/analytics";
import type { DiagnosticsResponse } from "@/lib/contracts/history";
import type { PositionListResponse } from "@/lib/contracts/positions";
import { FACTORS } from "@/lib/factors/registry";
import { formatNum, formatUsd } from "@/lib/format";
import { storageStatePath } from "./accounts";
import { expect, type Page, test } from "./fixtures";
import { screens } from "./screens";

// History, regression diagnostics, CSV exports and the printable risk report, as a manager uses them:
// the History tab's range and scenario change its charts; a factor card opens that factor's
// diagnostics; a downloaded CSV holds what the page shows; the report fits one printed page.
const PF = "demo-individual";

test.use({ storageState: storageStatePath("individual") });

test("history: the range and the scenario change the charts", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(`/portfolios/${PF}`);
  await page.getByRole("link", { name: "History", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/portfolios/${PF}/history$`));
  const vol = page.getByTestId("history-volatility-chart");
  await expect(vol.locator(".recharts-line")).toHaveCount(4);
  await expect(page.getByTestId("history-factor-beta-chart").locator(".recharts-line")).toHaveCount(1);
  await expect(page.getByTestId("history-var-chart").locator(".recharts-line")).toHaveCount(4);
  await expectVarDrawnAsLosses(page);
  const yearPoints = Number(await vol.getAttribute("data-points"));
  expect(yearPoints).toBeGreaterThan(200);
  await screens(page, "history");

  await page.getByTestId("range-1M").click();
  await expect(page.getByTestId("range-1M")).toHaveAttribute("aria-pressed", "true");
  await expect.poll(async () => Number(await vol.getAttribute("data-points"))).toBeLessThan(25);
  const monthPoints = Number(await vol.getAttribute("data-points"));
  expect(monthPoints).toBeGreaterThan(15);
  await expect(page.getByTestId("history-var-chart")).toHaveAttribute("data-points", String(monthPoints));
  await expect(page.getByTestId("csv-history-volatility")).toHaveAttribute("href", /from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);

  const stress = page.getByTestId("history-stress");
  const path = () => stress.locator(".recharts-line path").first().getAttribute("d");
  await expect(stress.locator(".recharts-line")).toHaveCount(2);
  const crashPath = await path();
  await page.getByTestId("history-scenario-select").selectOption("MARKET_UP_5");
  await expect(page.getByTestId("csv-history-stress")).toHaveAttribute("href", /scenario=MARKET_UP_5/);
  await expect.poll(path).not.toBe(crashPath);

  await page.getByTestId("history-factor-select").selectOption("IR");
  await expect(page.getByTestId("history-factor-beta-chart")).toHaveAttribute("data-label", `${FACTORS.IR.displayName}: beta over time`);
  await screens(page, "history-1m");

  // The page's date is the end of the range; the tabs carry it.
  await page.goto(`/portfolios/${PF}/history?date=2026-06-30`);
  await expect(vol).toHaveAttribute("data-last", "2026-06-30");
  await expect(vol).toHaveAttribute("data-first", /^2025-0[67]-/);
  await expect(page.getByTestId("csv-history-var")).toHaveAttribute("href", /to=2026-06-30/);
});

/** VaR and ES are losses and read negative, as in the VaR table: the chart's axis runs from $0 down, its
 *  legend and label say loss, and a day's tooltip shows minus signs. */
async function expectVarDrawnAsLosses(page: Page) {
  const chart = page.getByTestId("history-var-chart");
  await expect(chart).toHaveAttribute("data-label", /as dollar losses \(shown negative\)$/);
  // Recharts orders legend and tooltip entries by name.
  await expect(chart.locator(".recharts-legend-item-text")).toHaveText(["ES 95 % loss", "ES 99 % loss", "VaR 95 % loss", "VaR 99 % loss"]);
  const ticks = await chart.locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value").allTextContents();
  expect(ticks.filter((t) => t.startsWith("-$")).length).toBeGreaterThan(1);
  expect(ticks.filter((t) => t !== "$0" && !t.startsWith("-$"))).toEqual([]);
  const box = (await chart.boundingBox())!;
  await chart.hover({ position: { x: box.width * 0.6, y: box.height * 0.4 } });
  const rows = chart.locator(".recharts-tooltip-item");
  await expect(rows).toHaveCount(4);
  for (const text of await rows.allTextContents()) expect(text).toMatch(/loss : -\$\d{1,3}(,\d{3})*$/);
  await page.mouse.move(0, 0);
}

test("diagnostics: a factor card opens its regression for each position, and a position its own", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`/portfolios/${PF}/risk`);
  await page.getByTestId("factor-card-MARKET").getByTestId("factor-diagnostics-link").click();
  await expect(page).toHaveURL(/\/diagnostics\?factor=MARKET$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Regression diagnostics");
  const d = (await (await page.request.get(`/api/portfolios/${PF}/diagnostics?factor=MARKET`)).json()) as Available<DiagnosticsResponse>;
  const withFit = d.rows.find((r) => r.regression !== null && !r.regression.exactFit)!;
  const row = page.getByTestId(`diagnostics-row-${withFit.symbol}-MARKET`);
  await expect(row.getByTestId("diagnostics-beta")).toContainText(formatNum(withFit.regression!.beta, 3));
  await expect(row.getByTestId("diagnostics-n")).toHaveText(String(withFit.regression!.n));
  await expect(page.getByTestId("diagnostics-table").locator("tbody tr")).toHaveCount(d.rows.length);
  await screens(page, "diagnostics");

  await page.goto(`/portfolios/${PF}/positions`);
  await page.getByTestId(`position-row-${withFit.symbol}`).getByTestId("position-diagnostics").click();
  await expect(page).toHaveURL(new RegExp(`/diagnostics\\?symbol=${withFit.symbol}$`));
  await expect(page.getByTestId("diagnostics-symbol")).toContainText(withFit.symbol);
  await expect(page.getByTestId("diagnostics-table").locator("tbody tr")).toHaveCount(Object.keys(FACTORS).length);
});

test("export: the positions CSV holds the table's rows; the report prints on one page", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`/portfolios/${PF}/positions`);
  const download = page.waitForEvent("download");
  await page.getByTestId("csv-positions").click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(new RegExp(`^${PF}-positions-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const [header, ...lines] = parse(await readFile((await file.path())!, "utf8")) as string[][];
  expect(header!.slice(0, 4)).toEqual(["symbol", "name", "position_type", "investment_class"]);
  const list = (await (await page.request.get(`/api/portfolios/${PF}/positions`)).json()) as PositionListResponse;
  expect(lines).toHaveLength(list.positions.length);
  const first = list.positions.find((p) => p.valuation !== null)!;
  const line = lines.find((l) => l[0] === first.symbol)!;
  const exposure = Number(line[header!.indexOf("exposure")]);
  await expect(page.getByTestId(`position-row-${first.symbol}`).getByTestId("position-exposure")).toHaveText(formatUsd(exposure));

  await page.getByTestId("print-report-link").click();
  await expect(page).toHaveURL(new RegExp(`/portfolios/${PF}/report$`));
  const overview = (await (await page.request.get(`/api/portfolios/${PF}/overview`)).json()) as Available<OverviewResponse>;
  await expect(page.getByTestId("report-nav")).toHaveText(formatUsd(overview.nav));
  const factors = (await (await page.request.get(`/api/portfolios/${PF}/factors`)).json()) as Available<FactorsResponse>;
  await expect(page.getByTestId("report-factors").locator("tbody tr")).toHaveCount(factors.factors.length);
  for (const part of ["report-var", "report-volatility", "report-stress", "report-positions"]) await expect(page.getByTestId(part).locator("table, dl").first()).toBeVisible();
  await screens(page, "report");

  await page.emulateMedia({ media: "print" });
  await expect(page.locator("header.top")).toBeHidden();
  await expect(page.getByTestId("date-control")).toBeHidden();
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.screenshot({ path: "test-results/screens/report-print.png", fullPage: true });
  for (const format of ["A4", "Letter"] as const) {
    const pdf = (await page.pdf({ format, margin: { top: "10mm", bottom: "10mm", left: "10mm", right: "10mm" } })).toString("latin1");
    expect(pdf.match(/\/Type\s*\/Page[^s]/g), `${format} pages`).toHaveLength(1);
  }
});
