import { describe, expect, it } from "vitest";
import { formatDateTime, formatLossPct, formatLossUsd, lossClass } from "@/lib/format";

describe("losses held as positive sizes (VaR, ES) read negative, like every other loss", () => {
  it("shows the amount and the share of NAV with a minus sign and the loss colour", () => {
    expect(formatLossUsd(116_438.4)).toBe("-$116,438");
    expect(formatLossPct(0.0321)).toBe("-3.21 %");
    expect(lossClass(116_438)).toBe("neg");
  });
  it("keeps a missing figure a dash and never shows a signed zero", () => {
    expect(formatLossUsd(null)).toBe("—");
    expect(formatLossPct(undefined)).toBe("—");
    expect(formatLossUsd(0)).toBe("$0");
    expect(lossClass(0)).toBe("");
  });
});

describe("one date-time format on the admin pages", () => {
  it("reads in ISO order in New York time whatever the browser's zone", () => {
    expect(formatDateTime("2026-07-13T22:30:05.000Z")).toBe("2026-07-13 18:30:05 New York");
    expect(formatDateTime("2026-01-05T23:30:00Z", { seconds: false })).toBe("2026-01-05 18:30 New York");
  });
  it("crosses midnight into the New York date, not the UTC one", () => {
    expect(formatDateTime("2026-07-14T02:00:00Z")).toBe("2026-07-13 22:00:00 New York");
  });
  it("shows a dash for a missing or unreadable instant", () => {
    expect(formatDateTime(null)).toBe("—");
    expect(formatDateTime("not a date")).toBe("—");
  });
});
