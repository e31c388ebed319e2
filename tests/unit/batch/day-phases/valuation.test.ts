import { describe, expect, test } from "vitest";
import { valuationPhase, type Valuation } from "@/lib/batch/day-phases/valuation";
import type { DayState } from "@/lib/batch/day-phases/types";
import { quoteOption, realizedVol63 } from "@/lib/risk/option-inputs";
import { book, bundledPanel, bundledReturns, closeOn, DATE, expectAllFinite, optionPosition, PREVIOUS, privatePosition, stockPosition } from "./helpers";

const market = { panel: bundledPanel(), returns: bundledReturns(), config: { riskFreeRate: 0.04, tltDuration: 17 } };
const firstDay = (date: string): DayState => ({ date, previousDate: null, previousNav: null, previousValues: new Map() });

function complete(v: Valuation): Extract<Valuation, { complete: true }> {
  if (!v.complete) throw new Error(`${v.reason}: ${v.detail}`);
  return v;
}

const spy = stockPosition("spy", "SPY", 100);
const shortF = stockPosition("f", "F", -2_000);
const fund = privatePosition("pe", "Harbor Fund", 50_000);
const call = optionPosition("call", "AAPL", "CALL", 330, "2026-12-18", 2);
const portfolio = book([spy, shortF, fund, call], {
  startingEquity: 100_000,
  flows: [[DATE, 5_000]],
  // The mark after the date is not seen yet.
  marks: [["pe", [{ date: "2026-01-02", price: 55_000 }, { date: "2026-12-31", price: 1 }]]],
});

describe("VALUATION", () => {
  test("stocks at the close, private holdings at their last mark, options by Black–Scholes; the first day's NAV is equity + flows", () => {
    const { outcome, value } = valuationPhase({ portfolio, market, state: firstDay(DATE) });
    const v = complete(value);
    expect(outcome).toEqual({ status: "succeeded", counts: { positions: 4, carriedPrices: 0, stalePrices: 0 } });

    const spyClose = closeOn(bundledPanel(), "SPY", DATE);
    const fClose = closeOn(bundledPanel(), "F", DATE);
    const aaplClose = closeOn(bundledPanel(), "AAPL", DATE);
    const q = quoteOption(call.option!, DATE, aaplClose, realizedVol63(bundledReturns(), "AAPL", bundledPanel().dateIndex.get(DATE)!)!, 0.04);
    const nav = 105_000;
    expect(v.nav).toMatchObject({ nav, pnl: 0, capitalFlow: 5_000, dailyReturn: 0, longCount: 3, shortCount: 1 });
    const long = 100 * spyClose + 55_000 + q.delta * 200 * aaplClose;
    expect(v.nav.longExposure).toBeCloseTo(long, 6);
    expect(v.nav.cash).toBeCloseTo(nav - long + 2_000 * fClose, 6);

    const row = (id: string) => v.rows.find((r) => r.positionId === id)!;
    expect(row("spy")).toEqual({ positionId: "spy", price: spyClose, marketValue: 100 * spyClose, exposure: 100 * spyClose, weight: (100 * spyClose) / nav, pnlDay: 0, pnlTotal: 100 * spyClose - 100 * 100, carried: false });
    expect(row("f")).toMatchObject({ price: fClose, marketValue: -2_000 * fClose, weight: (-2_000 * fClose) / nav });
    expect(row("pe")).toMatchObject({ price: 55_000, marketValue: 55_000, pnlTotal: 5_000 });
    expect(row("call")).toMatchObject({ price: q.price, marketValue: q.price * 200, exposure: q.delta * 200 * aaplClose, pnlTotal: q.price * 200 - 10 * 200 });
    expect(v.greeks).toEqual([{ positionId: "call", ...q }]);
    expect(v.reasons).toEqual({});
  });

  test("the next day: P&L from the previous close, return on the previous NAV", () => {
    const day1 = complete(valuationPhase({ portfolio, market, state: firstDay(PREVIOUS) }).value);
    const day2 = complete(valuationPhase({ portfolio, market, state: { date: DATE, previousDate: PREVIOUS, previousNav: day1.nav.nav, previousValues: day1.values } }).value);
    const pnl = day2.rows.reduce((s, r) => s + r.marketValue, 0) - day1.rows.reduce((s, r) => s + r.marketValue, 0);
    expect(day2.nav.pnl).toBeCloseTo(pnl, 8);
    expect(day2.nav.nav).toBeCloseTo(day1.nav.nav + pnl + 5_000, 8);
    expect(day2.nav.dailyReturn).toBeCloseTo(pnl / day1.nav.nav, 14);
    const spyRow = day2.rows.find((r) => r.positionId === "spy")!;
    expect(spyRow.pnlDay).toBeCloseTo(100 * (closeOn(bundledPanel(), "SPY", DATE) - closeOn(bundledPanel(), "SPY", PREVIOUS)), 8);
  });

  test("after a NAV ≤ 0 the day is still valued; only its return is absent, with NAV_NOT_POSITIVE", () => {
    const day1 = complete(valuationPhase({ portfolio, market, state: firstDay(PREVIOUS) }).value);
    const { outcome, value } = valuationPhase({ portfolio, market, state: { date: DATE, previousDate: PREVIOUS, previousNav: -20_000, previousValues: day1.values } });
    const v = complete(value);
    expect(outcome.status).toBe("succeeded");
    expect(v.nav.dailyReturn).toBeNull();
    expect(v.reasons.dailyReturn).toEqual({ reason: "NAV_NOT_POSITIVE", detail: expect.stringContaining("-20000") });
    expect(v.rows).toHaveLength(4);
    expectAllFinite(v.rows, "rows");
    expectAllFinite(v.nav, "nav");
  });

  test("a missing price stops the day with MISSING_PRICES", () => {
    const { outcome, value } = valuationPhase({ portfolio: book([spy, stockPosition("x", "NOPE", 5)]), market, state: firstDay(DATE) });
    expect(value).toEqual({ complete: false, reason: "MISSING_PRICES", detail: `no usable price for NOPE on ${DATE}` });
    expect(outcome).toMatchObject({ status: "skipped", reason: "MISSING_PRICES" });
  });

  test("1e308 shares: the value is not a number, so the day stops with DEGENERATE_INPUT naming the position (no exception, nothing stored)", () => {
    const { outcome, value } = valuationPhase({ portfolio: book([spy, stockPosition("huge", "AAPL", 1e308)]), market, state: firstDay(DATE) });
    expect(value).toMatchObject({ complete: false, reason: "DEGENERATE_INPUT" });
    if (value.complete) return;
    expect(value.detail).toMatch(/AAPL \(position huge, quantity 1e\+308\): .*market value/);
    expect(outcome).toMatchObject({ status: "skipped", reason: "DEGENERATE_INPUT" });
  });

  test("an option Black–Scholes cannot price (strike 0, from an old import) gives DEGENERATE_INPUT, not an exception", () => {
    const { value } = valuationPhase({ portfolio: book([spy, optionPosition("bad", "AAPL", "PUT", 0, "2026-12-18", 1)]), market, state: firstDay(DATE) });
    expect(value).toMatchObject({ complete: false, reason: "DEGENERATE_INPUT", detail: expect.stringContaining("position bad") });
  });
});
