// The sign-in page returns to the page asked for, and only to a same-origin relative path.
import { describe, expect, test } from "vitest";
import { safeReturnPath, signInPath } from "@/lib/auth/return-path";

describe("safeReturnPath", () => {
  test.each([
    ["/portfolios/demo-individual/risk?date=2026-06-30", "/portfolios/demo-individual/risk?date=2026-06-30"],
    ["/portfolios", "/portfolios"],
    ["/methodology#performance", "/methodology#performance"],
    ["/portfolios/../admin/batch", "/admin/batch"],
  ])("keeps the same-origin path %s", (next, want) => {
    expect(safeReturnPath(next)).toBe(want);
  });

  test.each([
    ["another site", "https://evil.example/portfolios"],
    ["a protocol-relative address", "//evil.example/portfolios"],
    ["a backslash that browsers read as a slash", "/\\evil.example"],
    ["a backslash further on", "/portfolios\\..\\x"],
    ["a scheme", "javascript:alert(1)"],
    ["a relative path", "portfolios"],
    ["a tab inside", "/\t/evil.example"],
    ["the sign-in page (a loop)", "/sign-in?next=/sign-in"],
    ["an API route", "/api/portfolios"],
    ["nothing", ""],
    ["too long", `/${"a".repeat(2000)}`],
  ])("refuses %s", (_what, next) => {
    expect(safeReturnPath(next)).toBeNull();
  });
});

describe("signInPath", () => {
  test("carries the page asked for, encoded", () => {
    expect(signInPath("/portfolios/x/risk?date=2026-06-30")).toBe("/sign-in?next=%2Fportfolios%2Fx%2Frisk%3Fdate%3D2026-06-30");
  });
  test("plain sign-in for the root, an unsafe path or none", () => {
    expect(signInPath("/")).toBe("/sign-in");
    expect(signInPath("//evil.example")).toBe("/sign-in");
    expect(signInPath(null)).toBe("/sign-in");
  });
});
