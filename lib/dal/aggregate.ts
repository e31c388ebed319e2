import "server-only";
// Several books taken as one, on read (docs/METHODOLOGY.md, "Aggregate book"). The stored per-book rows
// give what adds up (NAV, P&L, exposures, stress P&L in dollars: each is linear in the positions);
// everything else is recomputed by the engine on the combined holdings (positions concatenated, lots
// of one symbol across books merged) or on the combined return series r_t = ΣP&L_t / ΣNAV_{t−1}:
// never a sum or an average of per-book figures.
import { batchSettings } from "@/lib/config/env";
import type { AggregateQuery, AggregateResponse } from "@/lib/contracts/aggregate";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";
import { lookbackStart } from "@/lib/batch/phases/market-data";
import type { IsoDate } from "@/lib/dates";
import { getPool } from "@/lib/db/pool";
import { FACTORS, isFactorKey, STRESS_PROXIES, type FactorKey } from "@/lib/factors/registry";
import { buildPricePanel } from "@/lib/market-data/price-panel";
import { loadPrices } from "@/lib/market-data/store-prices";
import { tradingDaysBetween } from "@/lib/market-data/trading-calendar";
import { concentration } from "@/lib/risk/concentration";
import { correlationMatrix } from "@/lib/risk/correlation";
import { portfolioFactorExposures } from "@/lib/risk/portfolio-exposure";
import { publicExposureBySymbol } from "@/lib/risk/position-exposure";
import { ReturnCache } from "@/lib/risk/returns";
import { valueAtRisk } from "@/lib/risk/var";
import { portfolioPnlSeries, VOL_HISTORY_RETURNS, volatilityMetrics } from "@/lib/risk/volatility";
import { decomposeHoldings } from "./decomposition";
import { performanceOfSeries } from "./performance";
import { getPortfolioOrThrow, listPortfolios } from "./portfolios";
import type { SessionUser } from "./session";
import { loadStoredValues } from "./stored-holdings";

/** Books may each choose a benchmark; the combined book is measured against the default one. */
const AGGREGATE_BENCHMARK = "SPY";

type Available = Extract<AggregateResponse, { available: true }>;

/** The books asked for, or by default every active book with results (the others are named as left out). */
async function chosenBooks(user: SessionUser, ids: string | undefined): Promise<{ books: PortfolioSummary[]; leftOut: PortfolioSummary[] }> {
  if (ids !== undefined) return { books: await Promise.all([...new Set(ids.split(","))].map((id) => getPortfolioOrThrow(user, id))), leftOut: [] };
  const all = await listPortfolios(user);
  return { books: all.filter((b) => b.latest !== null), leftOut: all.filter((b) => b.latest === null) };
}

/** The latest day (or `date`) on which every book has a COMPLETE snapshot. */
async function commonDate(ids: string[], date: string | undefined): Promise<IsoDate | null> {
  const { rows } = await getPool().query<{ date: IsoDate }>(
    `SELECT date::text AS date FROM snapshots WHERE portfolio_id = ANY($1::text[]) AND status = 'COMPLETE' AND ($2::date IS NULL OR date = $2::date)
     GROUP BY date HAVING count(*) = $3 ORDER BY date DESC LIMIT 1`,
    [ids, date ?? null, ids.length],
  );
  return rows[0]?.date ?? null;
}

/** ΣP&L_t / ΣNAV_{t−1} over the days of the combined book: a book counts from its first complete day on. */
async function combinedReturns(ids: string[], asOf: IsoDate): Promise<{ dates: IsoDate[]; returns: Float64Array } | { reason: "NOT_COMPUTED" | "NAV_NOT_POSITIVE"; detail: string }> {
  const { rows } = await getPool().query<{ portfolio_id: string; date: IsoDate; nav: number | null; pnl_day: number | null }>(
    `SELECT portfolio_id, date::text AS date, nav, pnl_day FROM snapshots WHERE portfolio_id = ANY($1::text[]) AND status = 'COMPLETE' AND date <= $2::date ORDER BY date`,
    [ids, asOf],
  );
  const byDate = new Map<IsoDate, Map<string, { nav: number | null; pnl: number | null }>>();
  for (const r of rows) {
    if (!byDate.has(r.date)) byDate.set(r.date, new Map());
    byDate.get(r.date)!.set(r.portfolio_id, { nav: r.nav, pnl: r.pnl_day });
  }
  const dates = [...byDate.keys()].sort();
  const started = new Set<string>();
  const navs: number[] = [];
  const returns = new Float64Array(dates.length);
  for (const [i, d] of dates.entries()) {
    const day = byDate.get(d)!;
    for (const id of started) if (!day.has(id)) return { reason: "NOT_COMPUTED", detail: `book ${id} has no complete snapshot on ${d}` };
    let nav = 0;
    let pnl = 0;
    for (const [id, v] of day) {
      if (v.nav === null || v.pnl === null) return { reason: "NOT_COMPUTED", detail: `the snapshot of book ${id} on ${d} has no NAV or P&L` };
      started.add(id);
      nav += v.nav;
      pnl += v.pnl;
    }
    navs.push(nav);
    if (i > 0) {
      if (!(navs[i - 1]! > 0)) return { reason: "NAV_NOT_POSITIVE", detail: `combined NAV on ${dates[i - 1]} is ${navs[i - 1]}` };
      returns[i] = pnl / navs[i - 1]!;
    }
  }
  return { dates, returns };
}

export async function getAggregate(user: SessionUser, query: AggregateQuery): Promise<AggregateResponse> {
  const { books, leftOut } = await chosenBooks(user, query.ids);
  if (books.length === 0) return { available: false, asOfDate: query.date ?? null, reason: "NO_POSITIONS", detail: "no books to aggregate" };
  const ids = books.map((b) => b.id);
  const asOf = await commonDate(ids, query.date);
  if (asOf === null) {
    const detail = query.date === undefined ? "the chosen books have no day with every snapshot complete" : `not every chosen book has a complete snapshot on ${query.date}`;
    return { available: false, asOfDate: query.date ?? null, reason: "NOT_COMPUTED", detail };
  }
  const pool = getPool();
  const [snapshots, betaRows, stressRows, values] = await Promise.all([
    pool.query<{ portfolio_id: string; nav: number; pnl_day: number; long_exposure: number; short_exposure: number; gross_exposure: number; net_exposure: number }>(
      `SELECT portfolio_id, nav, pnl_day, long_exposure, short_exposure, gross_exposure, net_exposure FROM snapshots WHERE portfolio_id = ANY($1::text[]) AND date = $2::date`,
      [ids, asOf],
    ),
    pool.query<{ symbol: string; factor: string; beta: number }>(
      `SELECT b.symbol, b.factor::text AS factor, b.beta FROM symbol_factor_betas b
       WHERE b.date = $2::date AND b.symbol IN (SELECT CASE WHEN p.investment_class = 'OPTIONS' THEN p.underlying ELSE p.symbol END FROM positions p WHERE p.portfolio_id = ANY($1::text[]))`,
      [ids, asOf],
    ),
    pool.query<{ key: string; name: string; direct: number; correlated: number; books: number }>(
      `SELECT r.scenario_key AS key, s.name, sum(r.direct_pnl) AS direct, sum(r.correlated_pnl) AS correlated, count(*)::int AS books
       FROM stress_results r JOIN stress_scenarios s ON s.key = r.scenario_key
       WHERE r.portfolio_id = ANY($1::text[]) AND r.date = $2::date GROUP BY r.scenario_key, s.name ORDER BY s.name`,
      [ids, asOf],
    ),
    loadStoredValues(ids, asOf),
  ]);
  const stressBooks = new Set(values.filter((v) => v.investmentClass !== "PRIVATE").map((v) => v.portfolioId)).size;
  const sum = (k: "nav" | "pnl_day" | "long_exposure" | "short_exposure" | "gross_exposure" | "net_exposure") => snapshots.rows.reduce((s, r) => s + r[k], 0);
  const nav = sum("nav");
  const navById = new Map(snapshots.rows.map((r) => [r.portfolio_id, r.nav]));

  const betas = new Map<string, Partial<Record<FactorKey, number>>>();
  for (const r of betaRows.rows) if (isFactorKey(r.factor)) betas.set(r.symbol, { ...betas.get(r.symbol), [r.factor]: r.beta });
  const fe = portfolioFactorExposures(values, betas, nav);
  const factors: Available["factors"] = fe.available
    ? fe.exposures.filter((e) => e.coverage > 0).map((e) => ({ factor: e.factor, label: FACTORS[e.factor].displayName, beta: e.beta, dollars: e.dollars, coverage: e.coverage, lowCoverage: e.lowCoverage }))
    : [];

  const exposures = publicExposureBySymbol(values);
  const start = lookbackStart(asOf);
  const panel = buildPricePanel(await loadPrices(pool, [...new Set([...STRESS_PROXIES, ...exposures.keys()])], start, asOf), tradingDaysBetween(start, asOf));
  const returns = new ReturnCache(panel);

  let volatility: Available["volatility"];
  let varRows: Available["var"] = [];
  const series = portfolioPnlSeries(returns, exposures, asOf, VOL_HISTORY_RETURNS);
  if (!series.available) volatility = { available: false, reason: series.reason, detail: series.detail };
  else {
    const va = valueAtRisk(series.dollarPnl, nav);
    varRows = (["historical", "parametric"] as const).flatMap((method) => {
      const est = va[method];
      return est.available ? est.levels.map((l) => ({ method, confidence: l.confidence, var: l.var, es: l.es, varPct: l.varOfNav, esPct: l.esOfNav })) : [];
    });
    if (!(nav > 0)) volatility = { available: false, reason: "NAV_NOT_POSITIVE", detail: `combined NAV is ${nav}` };
    else {
      const m = volatilityMetrics({ dates: series.dates, returns: series.dollarPnl.map((l) => l / nav) });
      volatility = { available: true, vol21: m.realized21, vol63: m.realized63, harForecast: m.harForecast, ewmaForecast: m.ewmaForecast };
    }
  }

  const c = concentration(values);
  const corr = correlationMatrix(panel, exposures, nav, asOf);
  const decomposition = await decomposeHoldings(exposures, nav, asOf);
  const combined = await combinedReturns(ids, asOf);
  const performance: Available["performance"] =
    "reason" in combined ? { available: false, ...combined } : {
          available: true,
          inceptionDate: books.map((b) => b.inceptionDate).sort()[0]!,
          benchmarkSymbol: AGGREGATE_BENCHMARK,
          riskFreeRate: batchSettings().riskFreeRate,
          ...(await performanceOfSeries(combined.dates, combined.returns, asOf, AGGREGATE_BENCHMARK)),
        };

  return {
    available: true,
    asOfDate: asOf,
    books: books.map((b) => ({ id: b.id, name: b.name, nav: navById.get(b.id)! })),
    leftOut: leftOut.map((b) => ({ id: b.id, name: b.name })),
    nav,
    pnlDay: sum("pnl_day"),
    longExposure: sum("long_exposure"),
    shortExposure: sum("short_exposure"),
    grossExposure: sum("gross_exposure"),
    netExposure: sum("net_exposure"),
    factors,
    volatility,
    var: varRows,
    concentration: c.available ? { available: true, hhi: c.hhi, effectivePositions: c.effectivePositions, top3Share: c.top3Share, top10Share: c.top10Share } : { available: false, reason: c.reason, detail: c.detail },
    correlation: corr.available
      ? { available: true, symbols: corr.symbols, averageAbsCorrelation: corr.averageAbsCorrelation, effectiveBets: corr.effectiveBets }
      : { available: false, reason: corr.reason, detail: corr.detail },
    // Stress P&L in dollars is linear in the positions: the books' sum is the combined book's; the
    // share is of the combined NAV. A book without public positions has no stress rows and adds 0;
    // a scenario is shown only when every other book computed it.
    stress: stressRows.rows.filter((r) => r.books === stressBooks).map((r) => ({ key: r.key, name: r.name, directPnl: r.direct, directPct: r.direct / nav, correlatedPnl: r.correlated, correlatedPct: r.correlated / nav })),
    decomposition: decomposition.available ? { available: true, ...decomposition.figures } : decomposition,
    performance,
  };
}
