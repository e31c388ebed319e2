// Every e2e test runs under the app's Content-Security-Policy (proxy.ts) and fails on any violation
// its page reports: a blocked script, style, frame or connection is a bug, even when the test's own
// assertions pass. Specs import `test` and `expect` from here.
import { expect, test as base } from "@playwright/test";

export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error" && /Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
      });
      // Chromium reports most violations on the console; the event catches the rest (reported as a console error too).
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) => console.error(`Content Security Policy violation: ${e.effectiveDirective} blocked ${e.blockedURI || "an inline resource"} in ${e.documentURI} (${e.sourceFile}:${e.lineNumber}:${e.columnNumber})`));
      });
      await use(violations);
      expect(violations, "Content-Security-Policy violations reported by the page").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
export type { APIRequestContext, Page } from "@playwright/test";
