// SPEC §12 lesson 1: a result key renamed on one side made every portfolio look like "no public
// positions" and the run reported success. Phase results are typed: a renamed key is a compile error
// (the @ts-expect-error lines fail `tsc` if the error ever disappears), and a skip needs a reason.
import { describe, expect, test } from "vitest";
import { outcomeRow } from "@/lib/batch/telemetry";
import type { MissingDatesResult, PhaseOutcome } from "@/lib/batch/types";
import { REASON_CODES } from "@/lib/reason-codes";

describe("lesson 1: typed results between phases", () => {
  test("a renamed key or a skip without a reason does not compile", () => {
    const plan: MissingDatesResult = { asOfDate: "2026-07-13", portfolios: [{ portfolioId: "p", dates: ["2026-07-13"], anchorDate: null }], allDates: ["2026-07-13"] };
    // @ts-expect-error — `publicPositions` is not a key of a portfolio plan
    const renamed: MissingDatesResult["portfolios"][number] = { portfolioId: "p", publicPositions: [], anchorDate: null };
    // @ts-expect-error — a skip must carry a reason code
    const silentSkip: PhaseOutcome = { status: "skipped" };
    // @ts-expect-error — reasons come from the closed list
    const looseReason: PhaseOutcome = { status: "skipped", reason: "no public positions" };
    expect([renamed, silentSkip, looseReason]).toHaveLength(3);
    expect(plan.portfolios[0]!.dates).toEqual(["2026-07-13"]);
  });

  test("a skip is stored as SKIPPED with its reason, never as SUCCEEDED", () => {
    const started = new Date("2026-07-13T22:00:00Z");
    const row = outcomeRow("FACTOR_EXPOSURES", "p", "2026-07-13", { status: "skipped", reason: "NO_PUBLIC_POSITIONS" }, started, 5);
    expect(row).toMatchObject({ status: "SKIPPED", reasonCode: "NO_PUBLIC_POSITIONS", durationMs: 5 });
    expect(outcomeRow("FACTOR_EXPOSURES", "p", "2026-07-13", { status: "succeeded" }, started, 5)).toMatchObject({ status: "SUCCEEDED", reasonCode: null });
    expect(REASON_CODES).toContain("NO_PUBLIC_POSITIONS");
  });
});
