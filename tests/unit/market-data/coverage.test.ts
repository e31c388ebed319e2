import { describe, expect, it } from "vitest";
import { chunkCoverageGaps, storedDatesNotSent } from "@/lib/market-data/coverage";

/** Weekdays from `from` to `to`. */
function weekdays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    const d = new Date(t);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

const A = { from: "2019-01-01", to: "2020-12-31" };
const B = { from: "2021-01-01", to: "2022-12-31" };
const C = { from: "2023-01-01", to: "2024-12-31" };

describe("chunkCoverageGaps", () => {
  it("finds nothing in a full history, or in one that begins inside a chunk (listed then)", () => {
    expect(chunkCoverageGaps("AAA", [A, B, C].map((c) => ({ ...c, dates: weekdays(c.from, c.to) })))).toEqual([]);
    expect(chunkCoverageGaps("AAA", [{ ...A, dates: [] }, { ...B, dates: weekdays("2021-06-15", B.to) }, { ...C, dates: weekdays(C.from, C.to) }])).toEqual([]);
  });

  it("names an empty chunk between two with closes, and one right before a history that begins at a chunk's start", () => {
    const hole = chunkCoverageGaps("AAA", [{ ...A, dates: weekdays(A.from, A.to) }, { ...B, dates: [] }, { ...C, dates: weekdays(C.from, C.to) }]);
    expect(hole).toEqual([{ symbol: "AAA", ...B, kind: "empty", rows: 0, detail: expect.stringContaining("closes before and after it") }]);
    const cut = chunkCoverageGaps("AAA", [{ ...A, dates: [] }, { ...B, dates: weekdays(B.from, B.to) }]);
    expect(cut).toEqual([{ symbol: "AAA", ...A, kind: "empty", rows: 0, detail: expect.stringContaining("cut at the request boundary") }]);
  });

  it("names a chunk cut short while closes follow it, and one that starts late after closes", () => {
    const gaps = chunkCoverageGaps("AAA", [
      { ...A, dates: weekdays("2020-12-01", A.to) },
      { ...B, dates: weekdays(B.from, "2021-03-31") },
      { ...C, dates: weekdays(C.from, C.to) },
    ]);
    // A starts late but nothing precedes it (listed then); B stops in March although C has closes.
    expect(gaps.map((g) => [g.from, g.kind, g.rows])).toEqual([[B.from, "short", weekdays(B.from, "2021-03-31").length]]);
    expect(gaps[0]!.detail).toContain("only from 2021-01-01..2021-03-31");
    const late = chunkCoverageGaps("AAA", [{ ...A, dates: weekdays(A.from, A.to) }, { ...B, dates: weekdays("2022-06-01", B.to) }]);
    expect(late.map((g) => [g.from, g.kind])).toEqual([[B.from, "short"]]);
    expect(late[0]!.detail).toContain("closes before it");
  });
});

describe("storedDatesNotSent", () => {
  const range = { from: "2026-07-06", to: "2026-07-13" };
  const stored = ["2026-07-02", "2026-07-06", "2026-07-07", "2026-07-08"];

  it("is null when the vendor sent every stored date of the range again (dates outside it do not count)", () => {
    expect(storedDatesNotSent("AAA", stored, ["2026-07-06", "2026-07-07", "2026-07-08", "2026-07-13"], range)).toBeNull();
  });

  it("names the stored dates the vendor left out, short or empty", () => {
    expect(storedDatesNotSent("AAA", stored, ["2026-07-08", "2026-07-13"], range)).toEqual({
      symbol: "AAA",
      ...range,
      kind: "short",
      rows: 2,
      detail: "the vendor sent no close for 2 stored date(s) of AAA (2026-07-06..2026-07-07) when asked for 2026-07-06..2026-07-13",
    });
    expect(storedDatesNotSent("AAA", stored, [], range)).toMatchObject({ kind: "empty", rows: 0, detail: expect.stringContaining("3 stored date(s)") });
  });
});
