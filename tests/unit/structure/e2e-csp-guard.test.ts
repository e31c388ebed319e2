// Every e2e spec runs under the CSP guard of e2e/fixtures.ts, which fails a test on any
// Content-Security-Policy violation: a spec that imports `test` from Playwright directly would escape it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const E2E = path.resolve("e2e");
const SPECS = readdirSync(E2E).filter((f) => f.endsWith(".spec.ts"));

describe("e2e specs", () => {
  it("exist", () => expect(SPECS.length).toBeGreaterThan(0));

  it.each(SPECS)("%s takes test and expect from ./fixtures, never from @playwright/test", (file) => {
    const source = readFileSync(path.join(E2E, file), "utf8");
    expect(source).not.toMatch(/from "@playwright\/test"/);
    expect(source).toMatch(/import \{[^}]*\btest\b[^}]*\} from "\.\/fixtures"/);
  });
});
