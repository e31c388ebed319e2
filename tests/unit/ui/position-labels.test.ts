import { describe, expect, it } from "vitest";
import { positionKindLabel, positionTitle } from "@/lib/positions/position-labels";

describe("position labels", () => {
  it("name a position's kind in words", () => {
    expect(positionKindLabel("LC", "OPTIONS")).toBe("Long call");
    expect(positionKindLabel("SP", "OPTIONS")).toBe("Short put");
    expect(positionKindLabel("SHORT", "PUBLIC")).toBe("Short");
    expect(positionKindLabel("LONG", "PRIVATE")).toBe("Long · private");
  });

  it("title an option by underlying, strike, right and expiry, anything else by its symbol", () => {
    const option = { symbol: "AAPL260918C00220000", positionType: "SC", underlying: "AAPL", strike: 220, expiry: "2026-09-18" };
    expect(positionTitle(option)).toBe("AAPL 220 call · 2026-09-18");
    expect(positionTitle({ ...option, positionType: "LP", strike: 1012.5 })).toBe("AAPL 1,012.5 put · 2026-09-18");
    expect(positionTitle({ symbol: "MSFT", positionType: "LONG", underlying: null, strike: null, expiry: null })).toBe("MSFT");
  });
});
