// Every page (discovered from app/**/page.tsx, so a new page is covered without editing this file), as
// the account that uses it, at a desktop and a phone width: axe-core finds no WCAG 2.1 A/AA violation,
// the document is no wider than the viewport, and a full-page screenshot is saved under
// test-results/screens/ for a person to look at.
import AxeBuilder from "@axe-core/playwright";
import type { Result } from "axe-core";
import { discoverPages } from "./pages";
import { storageStatePath, type DemoAccount } from "./accounts";
import { expect, test, type Page } from "./fixtures";
import { revealDeferred } from "./reveal";

const WIDTHS = [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

type Visit = { pattern: string; account: DemoAccount | "anonymous"; book?: string };

/**
 * Who looks at a page: the sign-in page anonymously, the admin pages as the admin, a book's pages as
 * the hedge fund's manager (options, shorts, private holdings) and the individual investor (a small
 * long-only book), any other page as the hedge fund's manager.
 */
function visitsOf(pattern: string): Visit[] {
  if (pattern === "/sign-in") return [{ pattern, account: "anonymous" }];
  if (pattern.startsWith("/admin")) return [{ pattern, account: "admin" }];
  if (pattern.includes("[id]")) {
    return [
      { pattern, account: "hedgefund", book: "demo-hedgefund" },
      { pattern, account: "individual", book: "demo-individual" },
    ];
  }
  return [{ pattern, account: "hedgefund" }];
}

/** The concrete URL of a pattern; a dynamic segment this file does not know fails loudly. */
function urlOf(visit: Visit, runId: string): string {
  return visit.pattern.replace(/\[(\w+)\]/g, (_, name: string) => {
    if (name === "id" && visit.book) return visit.book;
    if (name === "runId") return runId;
    throw new Error(`no value for [${name}] in ${visit.pattern}: add one to e2e/accessibility.spec.ts`);
  });
}

function describeViolations(violations: Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 8)
        .map((n) => `    ${n.target.join(" ")}\n      ${n.failureSummary?.replace(/\n/g, "\n      ")}`)
        .join("\n");
      const more = v.nodes.length > 8 ? `\n    … and ${v.nodes.length - 8} more` : "";
      return `[${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} nodes)\n${nodes}${more}`;
    })
    .join("\n\n");
}

/** The page has its data: no request in flight, no section still loading. */
async function waitForData(page: Page) {
  await page.waitForLoadState("networkidle");
  await revealDeferred(page);
  await page.waitForLoadState("networkidle");
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(page.getByText(/Loading/)).toHaveCount(0);
  // Charts measure their box after the first layout.
  await page.waitForTimeout(300);
}

const visits = discoverPages().sort().flatMap(visitsOf);
// axe-core walks every node: the Risk Metrics and batch-run pages take most of a minute on a busy 2-core machine.
test.describe.configure({ timeout: 180_000 });
const accounts = [...new Set(visits.map((v) => v.account))];

for (const size of WIDTHS) {
  for (const account of accounts) {
    test.describe(`${account === "anonymous" ? "signed out" : `as ${account}`} at ${size.width}×${size.height}`, () => {
      test.use({
        viewport: { width: size.width, height: size.height },
        storageState: account === "anonymous" ? { cookies: [], origins: [] } : storageStatePath(account),
      });

      for (const visit of visits.filter((v) => v.account === account)) {
        test(`${visit.pattern}${visit.book ? ` (${visit.book})` : ""}: no axe violation, no horizontal overflow`, async ({ page, playwright, baseURL }) => {
          const admin = await playwright.request.newContext({ baseURL: baseURL!, storageState: storageStatePath("admin") });
          const { runs } = (await (await admin.get("/api/admin/runs?limit=1")).json()) as { runs: { id: string }[] };
          await admin.dispose();

          const url = urlOf(visit, runs[0]!.id);
          const res = await page.goto(url);
          expect(res?.status()).toBe(200);
          await waitForData(page);

          const slug = `${urlOf(visit, "run").replace(/^\//, "").replace(/\//g, "_") || "root"}-${account}-${size.width}`;
          await page.screenshot({ path: `test-results/screens/${slug}.png`, fullPage: true });

          const widths = await page.evaluate(() => ({ document: document.documentElement.scrollWidth, viewport: window.innerWidth }));
          expect.soft(widths.document, `document width of ${url} in a ${widths.viewport} px viewport`).toBeLessThanOrEqual(widths.viewport);
          const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
          expect.soft(violations, `axe-core violations on ${url} at ${size.width} px:\n\n${describeViolations(violations)}`).toEqual([]);
        });
      }
    });
  }
}
