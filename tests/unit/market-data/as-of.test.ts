import { describe, expect, it } from "vitest";
import { AsOfError, lastCompletedTradingDay, newYorkClock, parseAsOfOverride, resolveAsOfDate, resolveAsOfDateFor } from "@/lib/market-data/as-of";

const at = (utcIso: string) => new Date(utcIso);

describe("as-of date: the last completed trading day in New York", () => {
  it("switches to today at 16:30 New York time, not before (summer, EDT = UTC−4)", () => {
    expect(lastCompletedTradingDay(at("2026-07-10T20:29:00Z"))).toBe("2026-07-09"); // 16:29
    expect(lastCompletedTradingDay(at("2026-07-10T20:30:00Z"))).toBe("2026-07-10"); // 16:30 counts
    expect(lastCompletedTradingDay(at("2026-07-10T20:31:00Z"))).toBe("2026-07-10"); // 16:31
  });

  it("uses the winter offset (EST = UTC−5)", () => {
    expect(lastCompletedTradingDay(at("2026-01-09T21:29:00Z"))).toBe("2026-01-08"); // 16:29
    expect(lastCompletedTradingDay(at("2026-01-09T21:31:00Z"))).toBe("2026-01-09"); // 16:31
    // 20:31Z would be 16:31 under EDT but is 15:31 in January.
    expect(lastCompletedTradingDay(at("2026-01-09T20:31:00Z"))).toBe("2026-01-08");
  });

  it("follows the March and November DST changes", () => {
    // Friday before DST starts (2026-03-08): EST.
    expect(lastCompletedTradingDay(at("2026-03-06T21:29:00Z"))).toBe("2026-03-05");
    expect(lastCompletedTradingDay(at("2026-03-06T21:31:00Z"))).toBe("2026-03-06");
    // Monday after: EDT, the same wall time is an hour earlier in UTC.
    expect(lastCompletedTradingDay(at("2026-03-09T20:29:00Z"))).toBe("2026-03-06");
    expect(lastCompletedTradingDay(at("2026-03-09T20:31:00Z"))).toBe("2026-03-09");
    // Friday before DST ends (2026-11-01): EDT.
    expect(lastCompletedTradingDay(at("2026-10-30T20:29:00Z"))).toBe("2026-10-29");
    expect(lastCompletedTradingDay(at("2026-10-30T20:31:00Z"))).toBe("2026-10-30");
    // Monday after: EST.
    expect(lastCompletedTradingDay(at("2026-11-02T21:29:00Z"))).toBe("2026-10-30");
    expect(lastCompletedTradingDay(at("2026-11-02T21:31:00Z"))).toBe("2026-11-02");
    expect(newYorkClock(at("2026-11-01T06:30:00Z"))).toEqual({ date: "2026-11-01", minutesOfDay: 60 + 30 }); // 01:30 EST, after the repeat
  });

  it("keeps the New York date when UTC has already moved to the next day", () => {
    expect(lastCompletedTradingDay(at("2026-07-14T03:30:00Z"))).toBe("2026-07-13"); // 23:30 on the 13th
    expect(lastCompletedTradingDay(at("2026-07-14T04:05:00Z"))).toBe("2026-07-13"); // 00:05 on the 14th, before the close
  });

  it("on an early-close day completes at 13:30 (close 13:00 + 30 min)", () => {
    // 2025-11-28, day after Thanksgiving, EST.
    expect(lastCompletedTradingDay(at("2025-11-28T18:29:00Z"))).toBe("2025-11-26"); // 13:29; the 27th is Thanksgiving
    expect(lastCompletedTradingDay(at("2025-11-28T18:31:00Z"))).toBe("2025-11-28"); // 13:31
    // 2025-07-03, EDT.
    expect(lastCompletedTradingDay(at("2025-07-03T17:29:00Z"))).toBe("2025-07-02");
    expect(lastCompletedTradingDay(at("2025-07-03T17:30:00Z"))).toBe("2025-07-03");
  });

  it("falls back over weekends and holidays", () => {
    expect(lastCompletedTradingDay(at("2026-07-11T16:00:00Z"))).toBe("2026-07-10"); // Saturday
    expect(lastCompletedTradingDay(at("2026-07-12T23:00:00Z"))).toBe("2026-07-10"); // Sunday evening
    expect(lastCompletedTradingDay(at("2026-07-03T23:00:00Z"))).toBe("2026-07-02"); // observed Independence Day
    expect(lastCompletedTradingDay(at("2026-07-06T13:00:00Z"))).toBe("2026-07-02"); // Monday morning after it
    expect(lastCompletedTradingDay(at("2025-01-09T23:00:00Z"))).toBe("2025-01-08"); // Carter day of mourning
  });
});

describe("resolveAsOfDate", () => {
  const now = at("2026-11-20T22:00:00Z"); // Friday 17:00 New York

  it("uses the clock without AS_OF and without a static data source", () => {
    expect(resolveAsOfDate({ now })).toEqual({ asOf: "2026-11-20", source: "clock" });
    expect(resolveAsOfDate({ now, asOfOverride: "  " })).toEqual({ asOf: "2026-11-20", source: "clock" });
  });

  it("with the bundled file, today is the last date in the data", () => {
    expect(resolveAsOfDate({ now, dataEndDate: "2026-07-13" })).toEqual({ asOf: "2026-07-13", source: "data" });
    expect(() => resolveAsOfDate({ now, dataEndDate: "2026-07-12" })).toThrow(/ends on 2026-07-12, which is not a trading day/);
  });

  it("AS_OF overrides both", () => {
    expect(resolveAsOfDate({ now, asOfOverride: "2026-07-10", dataEndDate: "2026-07-13" })).toEqual({ asOf: "2026-07-10", source: "AS_OF" });
    expect(resolveAsOfDate({ now, asOfOverride: "2025-06-02" })).toEqual({ asOf: "2025-06-02", source: "AS_OF" });
  });

  it("rejects an invalid AS_OF with a message naming it", () => {
    expect(() => parseAsOfOverride("2026-13-01", now)).toThrow(AsOfError);
    expect(() => parseAsOfOverride("2026-13-01", now)).toThrow(/AS_OF must be a YYYY-MM-DD date, got "2026-13-01"/);
    expect(() => parseAsOfOverride("yesterday", now)).toThrow(/AS_OF must be a YYYY-MM-DD date/);
    expect(() => parseAsOfOverride("2026-07-11", now)).toThrow(/AS_OF=2026-07-11 is not an NYSE trading day/);
    expect(() => parseAsOfOverride("2025-01-09", now)).toThrow(/not an NYSE trading day/);
    expect(() => parseAsOfOverride("2026-11-23", now)).toThrow(/AS_OF=2026-11-23 is in the future/);
    expect(() => parseAsOfOverride("2018-06-01", now)).toThrow(/AS_OF=2018-06-01: .*outside the NYSE calendar/);
    expect(() => resolveAsOfDate({ now, asOfOverride: "2026-07-04", dataEndDate: "2026-07-13" })).toThrow(AsOfError);
  });

  it("accepts AS_OF = today even before the close (an explicit choice by the operator)", () => {
    expect(parseAsOfOverride("2026-11-20", at("2026-11-20T15:00:00Z"))).toBe("2026-11-20");
  });
});

describe("resolveAsOfDateFor", () => {
  const now = at("2026-11-20T22:00:00Z");
  const fileLike = { dataEndDate: async () => "2026-07-13" };

  it("takes today from a static source's last date, and AS_OF from the environment first", async () => {
    expect(await resolveAsOfDateFor(fileLike, now, {})).toEqual({ asOf: "2026-07-13", source: "data" });
    expect(await resolveAsOfDateFor(fileLike, now, { AS_OF: "2026-07-01" })).toEqual({ asOf: "2026-07-01", source: "AS_OF" });
    await expect(resolveAsOfDateFor(fileLike, now, { AS_OF: "2026-07-04" })).rejects.toThrow(/AS_OF=2026-07-04 is not an NYSE trading day/);
  });

  it("uses the clock for a live vendor", async () => {
    expect(await resolveAsOfDateFor({}, now, {})).toEqual({ asOf: "2026-11-20", source: "clock" });
  });
});
