// INTEGRITY_CHECKS: the invariants between the figures about to be stored (lib/batch/integrity-checks.ts).
// A broken one fails the day: it is never stored as complete.
import { runIntegrityChecks } from "../integrity-checks";
import { ok } from "./outcome";
import type { DayResult, PhaseResult } from "./types";

export interface IntegrityChecksInput {
  day: DayResult;
  /** The NAV the day rolled forward from: the previous NAV, or the starting equity on the first day. */
  previousNav: number;
  capitalFlow: number;
  firstDay: boolean;
}

export function integrityChecksPhase({ day, previousNav, capitalFlow, firstDay }: IntegrityChecksInput): PhaseResult<null> {
  const checks = runIntegrityChecks(day, previousNav, capitalFlow, firstDay);
  if (checks.failed.length) throw new Error(`integrity checks failed: ${checks.failed.join("; ")}`);
  return { outcome: ok({ checks: checks.passed }), value: null };
}
