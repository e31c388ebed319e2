// Lesson 1 (docs/METHODOLOGY.md): a result key renamed on one side made every portfolio look like "no public
// positions" and the run reported success. Phase results are typed: a renamed key is a compile error
// (the @ts-expect-error lines and the expectTypeOf checks fail `tsc` if the typing is ever loosened),
// a skip needs a reason from the closed list, and a run whose portfolios were skipped is no success.
import { describe, expect, expectTypeOf, test } from "vitest";
import { runStatus } from "@/lib/batch/run-phases";
import { outcomeRow } from "@/lib/batch/telemetry";
import type { PhaseOutcome, PortfolioPlan, PortfolioRefreshResult } from "@/lib/batch/types";
import type { IsoDate } from "@/lib/dates";
import { REASON_CODES, type ReasonCode } from "@/lib/reason-codes";

describe("lesson 1: typed results between phases", () => {
  test("a renamed key or a skip without a reason does not compile", () => {
    // @ts-expect-error — `publicPositions` is not a key of a portfolio plan
    const _renamed: PortfolioPlan = { portfolioId: "p", publicPositions: [], anchorDate: null };
    // @ts-expect-error — a skip must carry a reason code
    const _silentSkip: PhaseOutcome = { status: "skipped" };
    // @ts-expect-error — reasons come from the closed list
    const _looseReason: PhaseOutcome = { status: "skipped", reason: "no public positions" };
    // The keys the later phases read off a plan, with their types, and a skip's reason is the closed list.
    expectTypeOf<PortfolioPlan>().toHaveProperty("portfolioId").toEqualTypeOf<string>();
    expectTypeOf<PortfolioPlan>().toHaveProperty("dates").toEqualTypeOf<IsoDate[]>();
    expectTypeOf<PortfolioPlan>().toHaveProperty("anchorDate").toEqualTypeOf<IsoDate | null>();
    expectTypeOf<Extract<PhaseOutcome, { status: "skipped" }>["reason"]>().toEqualTypeOf<ReasonCode>();
    expectTypeOf<PortfolioRefreshResult["reason"]>().toEqualTypeOf<ReasonCode | undefined>();
  });

  test("a skip is stored as SKIPPED with its reason, never as SUCCEEDED", () => {
    const started = new Date("2026-07-13T22:00:00Z");
    const row = outcomeRow("FACTOR_EXPOSURES", "p", "2026-07-13", { status: "skipped", reason: "NO_PUBLIC_POSITIONS" }, started, 5);
    expect(row).toMatchObject({ status: "SKIPPED", reasonCode: "NO_PUBLIC_POSITIONS", durationMs: 5 });
    expect(outcomeRow("FACTOR_EXPOSURES", "p", "2026-07-13", { status: "succeeded" }, started, 5)).toMatchObject({ status: "SUCCEEDED", reasonCode: null });
    expect(REASON_CODES).toContain("NO_PUBLIC_POSITIONS");
  });

  test("a run whose portfolios were skipped for a reason is not reported as a success", () => {
    const result = (portfolioId: string, status: PortfolioRefreshResult["status"], reason?: ReasonCode): PortfolioRefreshResult => ({
      portfolioId,
      status,
      ...(reason ? { reason } : {}),
      datesCompleted: status === "succeeded" ? 3 : 0,
      datesFailed: 0,
      rowsWritten: status === "succeeded" ? 100 : 0,
    });
    // The lesson's symptom: every portfolio skipped as if it had no public positions.
    expect(runStatus([result("a", "skipped", "NO_PUBLIC_POSITIONS"), result("b", "skipped", "NO_PUBLIC_POSITIONS")])).toBe("FAILED");
    expect(runStatus([result("a", "skipped", "LOCKED_BY_OTHER_RUN"), result("b", "succeeded")])).toBe("PARTIAL");
    // Only "already complete" is a skip that leaves the run a success.
    expect(runStatus([result("a", "skipped", "ALREADY_COMPLETE"), result("b", "succeeded")])).toBe("SUCCEEDED");
  });
});
