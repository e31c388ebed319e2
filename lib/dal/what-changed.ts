import "server-only";
// What changed between two COMPLETE days of a book, from stored rows only: the valuations and Greeks
// (quantities and closes), the symbol betas, the factor exposures and the stress results of both days
// (docs/METHODOLOGY.md, "What changed").
import { ApiError } from "@/lib/api/errors";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";
import type { WhatChangedResponse } from "@/lib/contracts/what-changed";
import type { IsoDate } from "@/lib/dates";
import { getPool } from "@/lib/db/pool";
import { FACTOR_KEYS, FACTORS, isFactorKey, STRESS_PROXIES, type FactorKey } from "@/lib/factors/registry";
import { computeWhatChanged, type ScenarioChangeInput, type WhatChangedSide } from "@/lib/risk/what-changed";
import { SCENARIOS, SHOCK_PROXY, SHOCKABLE_FACTORS, type ShockableFactor } from "@/lib/stress/scenarios";
import { findAsOfSnapshot } from "./as-of-snapshot";
import { loadStoredHoldings } from "./stored-holdings";

async function completeDayBefore(portfolioId: string, date: IsoDate): Promise<IsoDate | null> {
  const { rows } = await getPool().query<{ date: IsoDate }>(
    `SELECT date::text AS date FROM snapshots WHERE portfolio_id = $1 AND status = 'COMPLETE' AND date < $2::date ORDER BY date DESC LIMIT 1`,
    [portfolioId, date],
  );
  return rows[0]?.date ?? null;
}

async function side(portfolioId: string, date: IsoDate, otherSymbols: readonly string[]) {
  const holdings = await loadStoredHoldings([portfolioId], date);
  const symbols = [...new Set([...holdings.keys(), ...otherSymbols])];
  const pool = getPool();
  const [betaRows, closeRows, exposureRows, stressRows] = await Promise.all([
    pool.query<{ symbol: string; factor: string; beta: number }>(
      `SELECT symbol, factor::text AS factor, beta FROM symbol_factor_betas WHERE symbol = ANY($1::text[]) AND date = $2::date`,
      [symbols, date],
    ),
    pool.query<{ symbol: string; close: number }>(`SELECT symbol, close FROM prices WHERE symbol = ANY($1::text[]) AND date = $2::date`, [symbols, date]),
    pool.query<{ factor: string; dollars: number }>(`SELECT factor::text AS factor, dollars FROM portfolio_factor_exposures WHERE portfolio_id = $1 AND date = $2::date`, [portfolioId, date]),
    pool.query<{ scenario_key: string; name: string; direct_pnl: number; shocks: number[]; shock_given: boolean[] }>(
      `SELECT r.scenario_key, s.name, r.direct_pnl, r.shocks, r.shock_given FROM stress_results r JOIN stress_scenarios s ON s.key = r.scenario_key
       WHERE r.portfolio_id = $1 AND r.date = $2::date ORDER BY r.scenario_key`,
      [portfolioId, date],
    ),
  ]);
  const betas = new Map<string, Partial<Record<FactorKey, number>>>();
  for (const r of betaRows.rows) {
    if (!isFactorKey(r.factor)) continue;
    betas.set(r.symbol, { ...betas.get(r.symbol), [r.factor]: r.beta });
  }
  const value: WhatChangedSide = { holdings, betas, closes: new Map(closeRows.rows.map((r) => [r.symbol, r.close])) };
  const dollars = new Map(exposureRows.rows.map((r) => [r.factor, r.dollars]));
  return { value, dollars, stress: stressRows.rows };
}

export async function getWhatChanged(portfolio: PortfolioSummary, from?: string, to?: string): Promise<WhatChangedResponse> {
  const atTo = await findAsOfSnapshot(portfolio, to);
  if (!atTo.found) return atTo.unavailable;
  const toDate = atTo.value.asOfDate;
  const unavailable = (detail: string): WhatChangedResponse => ({ portfolioId: portfolio.id, available: false, asOfDate: toDate, reason: "NOT_COMPUTED", detail });
  let fromDate: IsoDate;
  if (from === undefined) {
    const before = await completeDayBefore(portfolio.id, toDate);
    if (before === null) return unavailable(`no complete day before ${toDate} to compare with`);
    fromDate = before;
  } else {
    if (from >= toDate) throw new ApiError("unprocessable_entity", `Invalid query: query.from: must be before ${toDate}`, { fields: [{ field: "query.from", message: `must be before ${toDate}` }] });
    const atFrom = await findAsOfSnapshot(portfolio, from);
    if (!atFrom.found) return unavailable(`no complete snapshot on ${from}`);
    fromDate = from;
  }

  const b = await side(portfolio.id, toDate, []);
  const a = await side(portfolio.id, fromDate, [...b.value.holdings.keys()]);
  // The symbols only held on A need their close on B too.
  const onlyA = [...a.value.holdings.keys()].filter((s) => !b.value.holdings.has(s));
  if (onlyA.length) {
    const { rows } = await getPool().query<{ symbol: string; close: number }>(`SELECT symbol, close FROM prices WHERE symbol = ANY($1::text[]) AND date = $2::date`, [onlyA, toDate]);
    for (const r of rows) (b.value.closes as Map<string, number>).set(r.symbol, r.close);
  }

  const factors = FACTOR_KEYS.filter((f) => a.dollars.has(f) && b.dollars.has(f));
  const stressA = new Map(a.stress.map((r) => [r.scenario_key, r]));
  // Built-in scenarios in registry order (as the stress table lists them), custom ones after them.
  const order = (key: string) => {
    const i = SCENARIOS.findIndex((s) => s.key === key);
    return i < 0 ? SCENARIOS.length : i;
  };
  const scenarioRows = b.stress.filter((r) => stressA.has(r.scenario_key)).sort((x, y) => order(x.scenario_key) - order(y.scenario_key) || x.name.localeCompare(y.name));
  // The scenario's own shocks (stored in STRESS_PROXIES order with a flag each): the direct P&L is linear in them.
  const factorOfProxy = new Map(SHOCKABLE_FACTORS.map((f) => [SHOCK_PROXY[f] as string, f]));
  const scenarios: ScenarioChangeInput[] = scenarioRows.map((r) => ({
    key: r.scenario_key,
    shocks: Object.fromEntries(STRESS_PROXIES.flatMap((p, j) => (r.shock_given[j] ? [[factorOfProxy.get(p)! as ShockableFactor, r.shocks[j]!]] : []))),
  }));
  const result = computeWhatChanged(a.value, b.value, factors, scenarios);

  return {
    portfolioId: portfolio.id,
    available: true,
    asOfDate: toDate,
    fromDate,
    factors: result.factors.map((f) => {
      const dollarsFrom = a.dollars.get(f.factor)!;
      const dollarsTo = b.dollars.get(f.factor)!;
      return { factor: f.factor, label: FACTORS[f.factor].displayName, dollarsFrom, dollarsTo, change: dollarsTo - dollarsFrom, positions: f.positions, prices: f.prices, betas: f.betas, top: f.top };
    }),
    scenarios: result.scenarios.map((s, i) => {
      const row = scenarioRows[i]!;
      const directFrom = stressA.get(s.key)!.direct_pnl;
      return { key: s.key, name: row.name, directFrom, directTo: row.direct_pnl, change: row.direct_pnl - directFrom, positions: s.positions, prices: s.prices, betas: s.betas, top: s.top };
    }),
  };
}
