import { describe, expect, test } from "vitest";
import { navDayInput, rollForwardNav, type NavDay, type NavDayInput } from "@/lib/risk/nav";
import { isOpenOn, valuePrivate, valuePublic, type EnginePosition, type PositionValue } from "@/lib/risk/position-exposure";
import { bundledPanel, type GoldenPosition, type NavGolden, readGolden, stockPosition, valueAt, expectClose } from "./portfolio-golden";

const golden = readGolden<NavGolden>("portfolio-nav.json");

function valuesOn(positions: readonly GoldenPosition[], date: string): Map<string, PositionValue> {
  const panel = bundledPanel();
  return new Map(positions.filter((p) => isOpenOn(p, date)).map((p) => [p.id, valueAt(panel, p, date)]));
}

/** Rolls the golden book day by day, each day from the previous day's NAV only. */
function rollGolden(): NavDay[] {
  const out: NavDay[] = [];
  let previous: { date: string; nav: number; values: Map<string, PositionValue> } | null = null;
  for (const day of golden.days) {
    const values = valuesOn(golden.positions, day.date);
    const input = navDayInput(
      golden.positions,
      { date: day.date, previousDate: previous?.date ?? null, previousNav: previous?.nav ?? null, startingEquity: golden.startingEquity, capitalFlow: golden.flows[day.date] ?? 0 },
      values,
      previous?.values ?? new Map(),
    );
    const result = rollForwardNav(input);
    out.push(result);
    previous = { date: day.date, nav: result.nav, values };
  }
  return out;
}


describe("NAV roll-forward", () => {
  test("golden: through March 2020 with a short, a late entry, an exit and capital flows, against cash accounting", () => {
    expect(golden.days.some((d) => d.date === "2020-03-16")).toBe(true);
    const rolled = rollGolden();
    golden.days.forEach((g, i) => {
      const r = rolled[i]!;
      for (const key of ["nav", "pnl", "dailyReturn", "capitalFlow", "longExposure", "shortExposure", "grossExposure", "netExposure", "cash"] as const) {
        expectClose(r[key], g[key], `${g.date} ${key}`);
      }
      expect(r.longCount, g.date).toBe(g.longCount);
      expect(r.shortCount, g.date).toBe(g.shortCount);
    });
    // The exit day's P&L is realized, not positional.
    expect(rolled[golden.days.findIndex((d) => d.date === "2020-03-20")]!.realizedPnl).not.toBe(0);
  });

  test("the first day has no P&L: NAV is the starting equity plus that day's flow", () => {
    const input: NavDayInput = {
      previousNav: null,
      startingEquity: 1e6,
      open: [{ value: valuePublic(stockPosition("a", "AAPL", 100, "2024-01-02"), 150), previousMarketValue: 10_000 }],
      closedToday: [],
      capitalFlow: 5_000,
    };
    expect(rollForwardNav(input)).toMatchObject({ nav: 1_005_000, pnl: 0, dailyReturn: 0 });
  });

  test("an exit dated on a non-trading day is realized on the next trading day", () => {
    const p = { ...stockPosition("a", "AAPL", 10, "2024-01-02"), exitDate: "2024-01-06", exitPrice: 120 };
    const previous = new Map([["a", valuePublic(p, 110)]]);
    const input = navDayInput([p], { date: "2024-01-08", previousDate: "2024-01-05", previousNav: 1000, startingEquity: 1000, capitalFlow: 0 }, new Map(), previous);
    expect(input.closedToday).toEqual([{ proceeds: 1200, previousMarketValue: 1100 }]);
    expect(rollForwardNav(input).realizedPnl).toBe(100);
  });

  // Lesson 8 (docs/METHODOLOGY.md): re-running the same day compounded NAV.
  test("lesson 8: re-running a day with the same inputs gives the same NAV, never a compounded one", () => {
    const rolled = rollGolden();
    const i = golden.days.findIndex((d) => d.date === "2020-03-16");
    const date = golden.days[i]!.date;
    const previousDate = golden.days[i - 1]!.date;
    const input = navDayInput(
      golden.positions,
      { date, previousDate, previousNav: rolled[i - 1]!.nav, startingEquity: golden.startingEquity, capitalFlow: golden.flows[date] ?? 0 },
      valuesOn(golden.positions, date),
      valuesOn(golden.positions, previousDate),
    );
    const first = rollForwardNav(input);
    const second = rollForwardNav(input);
    expect(second).toEqual(first);
    expect(first.nav).toBe(rolled[i]!.nav);
    // A second full back-fill lands on the same NAVs too.
    expect(rollGolden().map((d) => d.nav)).toEqual(rolled.map((d) => d.nav));
  });

  // Lesson 6 (docs/METHODOLOGY.md): a private-only portfolio must still be valued.
  test("lesson 6: a private-only portfolio is valued: NAV, long exposure and cash", () => {
    const pe: EnginePosition = { ...stockPosition("pe", "ACME-PE", 1000, "2024-01-02"), investmentClass: "PRIVATE", entryPrice: 20, markPrice: 25 };
    const day1 = rollForwardNav({ previousNav: null, startingEquity: 950_000, open: [{ value: valuePrivate(pe), previousMarketValue: 20_000 }], closedToday: [], capitalFlow: 0 });
    expect(day1).toMatchObject({ nav: 950_000, longExposure: 25_000, shortExposure: 0, cash: 925_000, longCount: 1, shortCount: 0 });
    const day2 = rollForwardNav({ previousNav: day1.nav, startingEquity: 950_000, open: [{ value: valuePrivate({ ...pe, markPrice: 27 }), previousMarketValue: 25_000 }], closedToday: [], capitalFlow: 0 });
    expect(day2).toMatchObject({ nav: 952_000, pnl: 2_000 });
  });
});
