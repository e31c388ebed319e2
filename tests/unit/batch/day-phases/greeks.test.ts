import { describe, expect, test } from "vitest";
import { optionGreeksPhase } from "@/lib/batch/day-phases/greeks";
import type { GreekRow } from "@/lib/batch/day-phases/types";
import { quoteOption } from "@/lib/risk/option-inputs";

const quote = (positionId: string, strike: number): GreekRow => ({
  positionId,
  ...quoteOption({ underlying: "AAPL", right: "CALL", strike, expiry: "2026-12-18", multiplier: 100 }, "2026-07-13", 317.31, 0.28, 0.04),
});

describe("OPTION_GREEKS", () => {
  test("reports the Black–Scholes Greeks of the open options as they are", () => {
    const rows = [quote("a", 300), quote("b", 350)];
    const { outcome, value } = optionGreeksPhase({ greeks: rows });
    expect(outcome).toEqual({ status: "succeeded", counts: { options: 2 } });
    expect(value).toEqual({ greeks: rows, reasons: {} });
    // A call's gamma is positive, its delta between 0 and 1, deeper in the money for the lower strike.
    expect(value.greeks[0]!.delta).toBeGreaterThan(value.greeks[1]!.delta);
    expect(value.greeks[1]!.gamma).toBeGreaterThan(0);
  });

  test("no open option: skipped with NO_OPTIONS", () => {
    expect(optionGreeksPhase({ greeks: [] })).toEqual({ outcome: { status: "skipped", reason: "NO_OPTIONS", details: { detail: "no open option positions" } }, value: { greeks: [], reasons: {} } });
  });

  test("a Greek that is not a finite number is not stored: DEGENERATE_INPUT names the position, the others are kept", () => {
    const bad = { ...quote("bad", 300), gamma: Number.POSITIVE_INFINITY };
    const good = quote("good", 350);
    const { outcome, value } = optionGreeksPhase({ greeks: [bad, good] });
    expect(value.greeks).toEqual([good]);
    expect(value.reasons.greeks).toEqual({ reason: "DEGENERATE_INPUT", detail: "Greeks that are not finite numbers: position bad: gamma" });
    expect(outcome).toEqual({ status: "succeeded", counts: { options: 1, dropped: 1 } });
    expect(optionGreeksPhase({ greeks: [bad] }).outcome).toMatchObject({ status: "skipped", reason: "DEGENERATE_INPUT" });
  });
});
