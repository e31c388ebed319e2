import { describe, expect, test } from "vitest";
import { pointsInRange, rangeFrom } from "@/lib/history-range";

describe("history ranges", () => {
  test.each([
    ["2026-07-13", "1M", "2026-06-13"],
    ["2026-07-13", "3M", "2026-04-13"],
    ["2026-07-13", "6M", "2026-01-13"],
    ["2026-07-13", "1Y", "2025-07-13"],
    ["2026-03-31", "1M", "2026-02-28"],
    ["2024-03-31", "1M", "2024-02-29"],
    ["2026-01-15", "3M", "2025-10-15"],
  ] as const)("%s back %s starts on %s", (to, range, from) => {
    expect(rangeFrom(to, range)).toBe(from);
  });

  test("ALL has no first day; pointsInRange keeps the days from the first day on", () => {
    expect(rangeFrom("2026-07-13", "ALL")).toBeUndefined();
    const points = [{ date: "2026-05-12" }, { date: "2026-06-12" }, { date: "2026-06-15" }, { date: "2026-07-13" }];
    expect(pointsInRange(points, "2026-07-13", "1M").map((p) => p.date)).toEqual(["2026-06-15", "2026-07-13"]);
    expect(pointsInRange(points, "2026-07-13", "ALL")).toHaveLength(4);
  });
});
