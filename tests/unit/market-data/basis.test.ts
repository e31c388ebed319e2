import { describe, expect, it } from "vitest";
import { basisChange } from "@/lib/market-data/basis";

const rows = (symbol: string, closes: Record<string, number>) => Object.entries(closes).map(([date, close]) => ({ symbol, date, close }));

describe("basisChange", () => {
  const stored = rows("AAA", { "2026-07-06": 100, "2026-07-07": 102, "2026-07-08": 101 });

  it("is null when the vendor repeats the stored closes, or shares no date with them", () => {
    expect(basisChange(stored, rows("AAA", { "2026-07-07": 102, "2026-07-08": 101, "2026-07-09": 103 }))).toBeNull();
    expect(basisChange(stored, rows("AAA", { "2026-07-09": 50 }))).toBeNull();
    expect(basisChange([], stored)).toBeNull();
  });

  it("reports a dividend re-basing: every earlier close scaled by one factor", () => {
    const f = 1 - 2 / 101;
    const vendor = rows("AAA", { "2026-07-06": 100 * f, "2026-07-07": 102 * f, "2026-07-08": 101 * f, "2026-07-09": 99 });
    const change = basisChange(stored, vendor)!;
    expect(change).toMatchObject({ comparedDates: 3, changedDates: 3, firstChangedDate: "2026-07-06" });
    expect(change.minRatio).toBeCloseTo(f, 14);
    expect(change.maxRatio).toBeCloseTo(f, 14);
  });

  it("reports a 4:1 split as a ratio of 0.25, and a single corrected close on its own date", () => {
    expect(basisChange(stored, stored.map((r) => ({ ...r, close: r.close / 4 })))).toMatchObject({ minRatio: 0.25, maxRatio: 0.25, changedDates: 3 });
    const fixed = basisChange(stored, stored.map((r) => (r.date === "2026-07-07" ? { ...r, close: 103 } : r)))!;
    expect(fixed).toMatchObject({ firstChangedDate: "2026-07-07", changedDates: 1, comparedDates: 3 });
  });

  it("ignores differences within the tolerance (1e-6 relative)", () => {
    expect(basisChange(stored, stored.map((r) => ({ ...r, close: r.close * (1 + 5e-7) })))).toBeNull();
    expect(basisChange(stored, stored.map((r) => ({ ...r, close: r.close * (1 + 2e-6) })))).not.toBeNull();
  });
});
