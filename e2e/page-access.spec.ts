// Who may open which page: every page under app/ (discovered from the source, so a page without a row
// fails) × role, in the real app: the owner and an admin see a book's pages, another manager gets 404,
// managers get 404 for the admin pages, and an anonymous visitor is sent to sign in.
import { discoverPages } from "./pages";
import { storageStatePath, type DemoAccount } from "./accounts";
import { expect, test } from "./fixtures";

type Role = "anonymous" | "owner" | "otherManager" | "admin";
/** A status, or where the page sends the visitor. */
type Outcome = 200 | 404 | "/sign-in" | "/portfolios";

const ACCOUNT: Record<Exclude<Role, "anonymous">, DemoAccount> = { owner: "individual", otherManager: "hedgefund", admin: "admin" };
const BOOK: Record<Role, Outcome> = { anonymous: "/sign-in", owner: 200, otherManager: 404, admin: 200 };
const ADMIN_PAGE: Record<Role, Outcome> = { anonymous: "/sign-in", owner: 404, otherManager: 404, admin: 200 };
const SIGNED_IN: Record<Role, Outcome> = { anonymous: "/sign-in", owner: 200, otherManager: 200, admin: 200 };

/** Page pattern → the URL visited (demo-individual is the owner's book) and the outcome per role. */
/** The settings of a book: its manager only (an admin reads the book but does not change it). */
const OWNER_PAGE: Record<Role, Outcome> = { anonymous: "/sign-in", owner: 200, otherManager: 404, admin: 404 };

/** Page pattern → the URL visited (demo-individual is the owner's book), the outcome per role and the tab's title. */
const TABLE: Record<string, { url: (runId: string) => string; expected: Record<Role, Outcome>; title?: string }> = {
  "/": { url: () => "/", expected: { anonymous: "/sign-in", owner: "/portfolios", otherManager: "/portfolios", admin: "/portfolios" } },
  "/sign-in": { url: () => "/sign-in", expected: { anonymous: 200, owner: "/portfolios", otherManager: "/portfolios", admin: "/portfolios" }, title: "Sign in · Riskline" },
  "/portfolios": { url: () => "/portfolios", expected: SIGNED_IN, title: "Portfolios · Riskline" },
  "/portfolios/new": { url: () => "/portfolios/new", expected: SIGNED_IN, title: "New portfolio · Riskline" },
  "/portfolios/all": { url: () => "/portfolios/all", expected: SIGNED_IN, title: "All portfolios combined · Riskline" },
  "/portfolios/[id]": { url: () => "/portfolios/demo-individual", expected: BOOK, title: "Individual Investor · Riskline" },
  "/portfolios/[id]/risk": { url: () => "/portfolios/demo-individual/risk", expected: BOOK, title: "Risk Metrics · Individual Investor · Riskline" },
  "/portfolios/[id]/positions": { url: () => "/portfolios/demo-individual/positions", expected: BOOK, title: "Positions · Individual Investor · Riskline" },
  "/portfolios/[id]/history": { url: () => "/portfolios/demo-individual/history", expected: BOOK, title: "History · Individual Investor · Riskline" },
  "/portfolios/[id]/diagnostics": { url: () => "/portfolios/demo-individual/diagnostics", expected: BOOK, title: "Regression diagnostics · Individual Investor · Riskline" },
  "/portfolios/[id]/report": { url: () => "/portfolios/demo-individual/report", expected: BOOK, title: "Risk report · Individual Investor · Riskline" },
  "/portfolios/[id]/settings": { url: () => "/portfolios/demo-individual/settings", expected: OWNER_PAGE, title: "Settings · Individual Investor · Riskline" },
  "/admin/batch": { url: () => "/admin/batch", expected: ADMIN_PAGE, title: "Daily batch · Riskline" },
  "/admin/batch/[runId]": { url: (runId) => `/admin/batch/${runId}`, expected: ADMIN_PAGE, title: "Batch run · Riskline" },
  "/admin/data": { url: () => "/admin/data", expected: ADMIN_PAGE, title: "Market data freshness · Riskline" },
  "/admin/users": { url: () => "/admin/users", expected: ADMIN_PAGE, title: "Users · Riskline" },
  "/methodology": { url: () => "/methodology", expected: { anonymous: 200, owner: 200, otherManager: 200, admin: 200 }, title: "Methodology · Riskline" },
};

test("the table has exactly one row per page under app/", () => {
  expect(discoverPages().sort()).toEqual(Object.keys(TABLE).sort());
});

for (const role of ["anonymous", "owner", "otherManager", "admin"] as const) {
  test.describe(`as ${role}`, () => {
    if (role !== "anonymous") test.use({ storageState: storageStatePath(ACCOUNT[role]) });

    for (const [pattern, row] of Object.entries(TABLE)) {
      const expected = row.expected[role];
      test(`${pattern}: ${typeof expected === "number" ? expected : `sent to ${expected}`}`, async ({ page, playwright, baseURL }) => {
        const admin = await playwright.request.newContext({ baseURL: baseURL!, storageState: storageStatePath("admin") });
        const { runs } = (await (await admin.get("/api/admin/runs?limit=1")).json()) as { runs: { id: string }[] };
        await admin.dispose();
        const res = await page.goto(row.url(runs[0]!.id));
        if (typeof expected === "number") {
          expect(res?.status()).toBe(expected);
          expect(new URL(page.url()).pathname).toBe(row.url(runs[0]!.id));
          if (expected === 200 && row.title) await expect(page).toHaveTitle(row.title);
        } else {
          await expect(page).toHaveURL((url) => url.pathname === expected);
        }
      });
    }
  });
}
