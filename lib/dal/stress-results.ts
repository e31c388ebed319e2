import "server-only";
// Stress-test results of one snapshot date: the list of every scenario, and one scenario with its
// shock vector (stored) and its contributions by factor and by position (derived on read).
import type { StressDetailResponse, StressListResponse, StressRow } from "@/lib/contracts/analytics";
import { ApiError, StoredDataError } from "@/lib/api/errors";
import { STRESS_PROXIES } from "@/lib/factors/registry";
import type { StoredShock } from "@/lib/risk/stress";
import { toDbDate } from "@/lib/dates";
import { getPrisma } from "@/lib/db/prisma";
import { SCENARIOS } from "@/lib/stress/scenarios";
import { findAsOfSnapshot, sectionUnavailable } from "./as-of-snapshot";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";
import { deriveStressBreakdown } from "./stress-breakdown";

// Built-in scenarios in registry order, custom ones after them.
const REGISTRY_ORDER = new Map<string, number>(SCENARIOS.map((s, i) => [s.key, i]));
const order = (key: string) => REGISTRY_ORDER.get(key) ?? REGISTRY_ORDER.size;

const scenarioSelect = { select: { name: true, category: true, description: true } } as const;

function toRow(r: {
  scenarioKey: string;
  scenario: { name: string; category: string; description: string };
  directPnl: number;
  directPct: number;
  correlatedPnl: number;
  correlatedPct: number;
  newNav: number;
  exceedsNav: boolean;
}): StressRow {
  return {
    scenarioKey: r.scenarioKey,
    name: r.scenario.name,
    category: r.scenario.category,
    description: r.scenario.description,
    directPnl: r.directPnl,
    directPct: r.directPct,
    correlatedPnl: r.correlatedPnl,
    correlatedPct: r.correlatedPct,
    difference: r.correlatedPnl - r.directPnl,
    newNav: r.newNav,
    exceedsNav: r.exceedsNav,
  };
}

export async function listStressResults(portfolio: PortfolioSummary, date?: string): Promise<StressListResponse> {
  const at = await findAsOfSnapshot(portfolio, date);
  if (!at.found) return at.unavailable;
  const rows = await getPrisma().stressResult.findMany({
    where: { portfolioId: portfolio.id, date: toDbDate(at.value.asOfDate) },
    include: { scenario: scenarioSelect },
  });
  if (rows.length === 0) return sectionUnavailable(portfolio, at.value, "stress", "stress tests");
  const scenarios = rows.map(toRow).sort((a, b) => order(a.scenarioKey) - order(b.scenarioKey) || a.name.localeCompare(b.name));
  return { portfolioId: portfolio.id, available: true, asOfDate: at.value.asOfDate, scenarios };
}

/** One scenario's result; 404 for a key the book does not compute (unknown, or another manager's own). */
export async function getStressResult(portfolio: PortfolioSummary, scenarioKey: string, date?: string): Promise<StressDetailResponse> {
  const prisma = getPrisma();
  const known = await prisma.stressScenario.findUnique({ where: { key: scenarioKey }, select: { ownerId: true } });
  if (!known || (known.ownerId !== null && known.ownerId !== portfolio.ownerId)) throw new ApiError("not_found", `Stress scenario ${scenarioKey} not found.`);
  const at = await findAsOfSnapshot(portfolio, date);
  if (!at.found) return at.unavailable;
  const r = await prisma.stressResult.findUnique({
    where: { portfolioId_date_scenarioKey: { portfolioId: portfolio.id, date: toDbDate(at.value.asOfDate), scenarioKey } },
    include: { scenario: scenarioSelect },
  });
  if (!r) return sectionUnavailable(portfolio, at.value, "stress", `stress scenario ${scenarioKey}`);
  const key = { portfolioId: portfolio.id, date: at.value.asOfDate, scenarioKey };
  if (r.shocks.length !== STRESS_PROXIES.length || r.shockGiven.length !== STRESS_PROXIES.length) {
    throw new StoredDataError({ table: "stress_results", column: "shocks", key }, [`${r.shocks.length} shocks and ${r.shockGiven.length} flags, expected ${STRESS_PROXIES.length} of each`]);
  }
  const shockVector: StoredShock[] = STRESS_PROXIES.map((proxy, j) => ({ proxy, shock: r.shocks[j]!, given: r.shockGiven[j]! }));
  return {
    portfolioId: portfolio.id,
    available: true,
    asOfDate: at.value.asOfDate,
    scenario: toRow(r),
    shockVector,
    ...(await deriveStressBreakdown(portfolio.id, at.value.asOfDate, shockVector)),
  };
}
