// Data integrity checks after each portfolio-day: invariants that must hold between the
// figures about to be stored. A failure marks the day failed: it is never stored as complete.
import type { DayResult } from "./day-phases/types";

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

export function runIntegrityChecks(day: DayResult, previousNav: number, capitalFlow: number, firstDay: boolean): { passed: number; failed: string[] } {
  const failed: string[] = [];
  let passed = 0;
  const check = (ok: boolean, message: string) => (ok ? passed++ : failed.push(message));
  const { nav } = day.snapshot;

  const grossOfPositions = day.valuations.reduce((s, v) => s + Math.abs(v.exposure), 0);
  check(close(grossOfPositions, nav.grossExposure), `Σ|position exposure| ${grossOfPositions} ≠ snapshot gross ${nav.grossExposure}`);
  const netOfPositions = day.valuations.reduce((s, v) => s + v.exposure, 0);
  check(close(netOfPositions, nav.netExposure), `Σ position exposure ${netOfPositions} ≠ snapshot net ${nav.netExposure}`);
  check(close(nav.nav, previousNav + nav.pnl + capitalFlow), `NAV ${nav.nav} ≠ previous NAV ${previousNav} + P&L ${nav.pnl} + flows ${capitalFlow}`);
  if (firstDay) check(nav.pnl === 0, `first day P&L ${nav.pnl} ≠ 0`);
  check(close(nav.cash, nav.nav - nav.longExposure + Math.abs(nav.shortExposure)), `cash ${nav.cash} ≠ NAV − long + |short|`);
  for (const e of day.exposures) check(close(e.dollars, e.beta * nav.nav), `${e.factor}: dollars ${e.dollars} ≠ beta ${e.beta} × NAV ${nav.nav}`);
  for (const s of day.stress) check(close(s.newNav, nav.nav + s.correlatedPnl), `${s.scenarioKey}: new NAV ≠ NAV + correlated P&L`);
  return { passed, failed };
}
