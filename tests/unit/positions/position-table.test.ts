import { describe, expect, it } from "vitest";
import type { PositionRow } from "@/lib/contracts/positions";
import { isExpired, nextSort, positionTotals, sortPositions, totalsCaption } from "@/lib/positions/position-table";

const row = (symbol: string, o: Partial<PositionRow> = {}, value: number | null = null): PositionRow => ({
  id: symbol,
  symbol,
  quantity: 1,
  entryPrice: 1,
  entryDate: "2025-01-02",
  exitPrice: null,
  exitDate: null,
  positionType: "LONG",
  investmentClass: "PUBLIC",
  subtype: "STOCK",
  underlying: null,
  strike: null,
  expiry: null,
  name: null,
  riskSymbol: symbol,
  multiplier: 1,
  lastMark: null,
  valuation: value === null ? null : { price: value, marketValue: value, exposure: value * 2, weight: value / 1000, pnlDay: value / 10, pnlTotal: -value / 5, carried: false },
  greeks: null,
  ...o,
});

const AS_OF = "2026-07-13";
const expiredCall = row("NVDA260116C00180000", { positionType: "LC", underlying: "NVDA", strike: 180, expiry: "2026-01-16", subtype: "OPTION" });
const rows = [row("MSFT", {}, 300), row("AAPL", {}, 100), expiredCall, row("F", { positionType: "SHORT" }, -50), row("OLD", { exitDate: "2026-03-02", exitPrice: 5 })];

describe("sorting the positions", () => {
  it("sorts figures in either direction with the unvalued rows last both ways", () => {
    expect(sortPositions(rows, { column: "marketValue", dir: "desc" }).map((r) => r.symbol)).toEqual(["MSFT", "AAPL", "F", expiredCall.symbol, "OLD"]);
    expect(sortPositions(rows, { column: "marketValue", dir: "asc" }).map((r) => r.symbol)).toEqual(["F", "AAPL", "MSFT", expiredCall.symbol, "OLD"]);
  });
  it("sorts text by what the page shows (an option by its title, a type by its words)", () => {
    expect(sortPositions(rows, { column: "symbol", dir: "asc" }).map((r) => r.symbol)).toEqual(["AAPL", "F", "MSFT", expiredCall.symbol, "OLD"]);
    expect(sortPositions(rows, { column: "type", dir: "asc" })[0]!.positionType).toBe("LONG");
    expect(sortPositions(rows, { column: "type", dir: "desc" })[0]!.positionType).toBe("SHORT");
  });
  it("keeps the server's order until a header is clicked, then flips on the same header", () => {
    expect(sortPositions(rows, null)).toEqual(rows);
    expect(nextSort(null, "pnlDay")).toEqual({ column: "pnlDay", dir: "desc" });
    expect(nextSort(null, "symbol")).toEqual({ column: "symbol", dir: "asc" });
    expect(nextSort({ column: "pnlDay", dir: "desc" }, "pnlDay")).toEqual({ column: "pnlDay", dir: "asc" });
  });
});

describe("the totals row", () => {
  it("adds up the valued rows only and says why the others are left out", () => {
    const t = positionTotals(rows, AS_OF);
    expect(t).toMatchObject({ rows: 5, valued: 3, expired: 1, closed: 1, marketValue: 350, exposure: 700, pnlDay: 35, pnlTotal: -70 });
    expect(t.weight).toBeCloseTo(0.35, 12);
    expect(totalsCaption(t)).toBe("3 valued of 5 positions (1 expired option, 1 closed, not valued)");
  });
  it("reads as a plain count when every row is valued", () => {
    expect(totalsCaption(positionTotals([row("A", {}, 1), row("B", {}, 2)], AS_OF))).toBe("2 positions");
  });
  it("calls an option expired only after its expiry and while it is open", () => {
    expect(isExpired(expiredCall, AS_OF)).toBe(true);
    expect(isExpired(expiredCall, "2026-01-16")).toBe(false);
    expect(isExpired({ ...expiredCall, exitDate: "2026-01-16" }, AS_OF)).toBe(false);
    expect(isExpired(expiredCall, null)).toBe(false);
  });
});
