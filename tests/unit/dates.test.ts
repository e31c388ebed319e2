// The one ISO date validator (lib/dates.ts): a real calendar date, years 1900–2100.
import { describe, expect, it } from "vitest";
import { isIsoDate, isoDateSchema, isoDayNumber } from "@/lib/dates";

describe("isIsoDate", () => {
  it.each(["2026-07-13", "2024-02-29", "2000-02-29", "1900-01-01", "2100-12-31", "2026-12-31"])("accepts %s", (d) => {
    expect(isIsoDate(d)).toBe(true);
    expect(isoDateSchema.safeParse(d).success).toBe(true);
  });

  it.each(["2026-02-31", "2025-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "0000-01-01", "1899-12-31", "2101-01-01", "9999-12-31"])(
    "refuses %s (not a calendar date in 1900–2100)",
    (d) => {
      expect(isIsoDate(d)).toBe(false);
      expect(isoDateSchema.safeParse(d).error?.issues.map((i) => i.message)).toEqual(["is not a calendar date (years 1900–2100)"]);
    },
  );

  it.each(["2026-7-13", "20260713", "13/07/2026", " 2026-07-13", "2026-07-13T00:00:00Z", ""])("refuses the shape %j", (d) => {
    expect(isIsoDate(d)).toBe(false);
    expect(isoDateSchema.safeParse(d).error?.issues.map((i) => i.message)).toEqual(["must be a date YYYY-MM-DD"]);
  });

  it("refuses what is not a string", () => {
    expect(isIsoDate(20260713)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
    expect(isoDateSchema.safeParse(20260713).success).toBe(false);
  });

  it("counts days", () => {
    expect(isoDayNumber("1970-01-02")).toBe(1);
    expect(isoDayNumber("2026-03-01") - isoDayNumber("2026-02-28")).toBe(1);
    expect(() => isoDayNumber("2026-02-30")).toThrow(/not a YYYY-MM-DD date/);
  });
});
