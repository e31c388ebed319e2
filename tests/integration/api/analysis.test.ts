// What changed, risk decomposition and the aggregate book through their endpoints, on books the real
// import and batch produce. Book X and book Y, and book Z holding X ∪ Y (same days, starting equity
// X + Y): the aggregate of {X, Y} must equal Z's own figures at 1e-8. X trades between its days (a buy,
// a sale) so the positions part of what-changed moves.
import { beforeAll, describe, expect, test } from "vitest";
import { GET as getAggregate } from "@/app/api/aggregate/route";
import { GET as getDecomposition } from "@/app/api/portfolios/[id]/decomposition/route";
import { GET as getPerformance } from "@/app/api/portfolios/[id]/performance/route";
import { GET as getWhatChanged } from "@/app/api/portfolios/[id]/what-changed/route";
import { runLocalBatch } from "@/lib/batch/local-executor";
import { commitPositionImport } from "@/lib/dal/import-positions";
import { getPortfolioOrThrow } from "@/lib/dal/portfolios";
import type { SessionUser } from "@/lib/dal/session";
import { getPool } from "@/lib/db/pool";
import { WHAT_CHANGED_PARTS } from "@/lib/risk/what-changed";
import { expectClose } from "../../unit/risk/close";
import { callRoute, sessionCookie, useSeededDatabase } from "../helpers";

const OWNER: SessionUser = { id: "user-individual", email: "individual@riskline.dev", name: "Ivy Individual", role: "MANAGER" };
const INCEPTION = "2026-04-01";
const AS_OF = "2026-04-15";
const HEAD = "symbol,quantity,entry_price,entry_date,type,class,subtype,underlying,strike,expiry,exit_price,exit_date";
const X_ROWS = [
  "AAPL,300,255,2026-04-01,LONG,PUBLIC,,,,,,",
  "KO,-400,78,2026-04-01,SHORT,PUBLIC,,,,,,",
  "XOM,200,150,2026-04-01,LONG,PUBLIC,,,,,152,2026-04-09",
  "MSFT,60,400,2026-04-08,LONG,PUBLIC,,,,,,",
  "AAPL260918C00260000,5,14,2026-04-01,LC,OPTIONS,,AAPL,260,2026-09-18,,",
];
const Y_ROWS = [
  "MSFT,100,390,2026-04-01,LONG,PUBLIC,,,,,,",
  "TLT,800,88,2026-04-01,LONG,PUBLIC,,,,,,",
  "JPM,-150,240,2026-04-01,SHORT,PUBLIC,,,,,,",
  "AAPL,50,255,2026-04-01,LONG,PUBLIC,,,,,,",
  "Harbour Credit Fund,1,40000,2026-04-01,LONG,PRIVATE,PRIVATE_CREDIT,,,,,",
];
const BOOKS = { X: { id: "it-analysis-x", equity: 300_000, rows: X_ROWS }, Y: { id: "it-analysis-y", equity: 450_000, rows: Y_ROWS }, Z: { id: "it-analysis-z", equity: 750_000, rows: [...X_ROWS, ...Y_ROWS] } };
const { X, Y, Z } = BOOKS;

let cookie: string;
let other: string;
const call = (route: Parameters<typeof callRoute>[0], path: string, id?: string, who = cookie) => callRoute(route, path, { cookie: who, ...(id ? { params: { id } } : {}) });

beforeAll(async () => {
  await useSeededDatabase();
  for (const [name, b] of Object.entries(BOOKS)) {
    await getPool().query(`INSERT INTO portfolios (id, name, owner_id, starting_equity, inception_date, updated_at) VALUES ($1, $2, $3, $4, $5, now())`, [b.id, `Analysis ${name}`, OWNER.id, b.equity, INCEPTION]);
    await commitPositionImport(await getPortfolioOrThrow(OWNER, b.id), [HEAD, ...b.rows, ""].join("\n"));
  }
  const run = await runLocalBatch({ trigger: "CLI", asOfDate: AS_OF, portfolioIds: [X.id, Y.id, Z.id] });
  expect(run.status).toBe("SUCCEEDED");
  [cookie, other] = await Promise.all([sessionCookie(OWNER.email), sessionCookie("hedgefund@riskline.dev")]);
}, 600_000);

async function storedDollars(id: string, date: string): Promise<Map<string, number>> {
  const { rows } = await getPool().query<{ factor: string; dollars: number }>(`SELECT factor::text AS factor, dollars FROM portfolio_factor_exposures WHERE portfolio_id = $1 AND date = $2::date`, [id, date]);
  return new Map(rows.map((r) => [r.factor, r.dollars]));
}

describe("GET /api/portfolios/[id]/what-changed", () => {
  test.each([
    ["the previous complete day (default)", ""],
    ["across a buy and a sale", `?from=${INCEPTION}&to=${AS_OF}`],
  ])("%s: the three parts sum to the stored change of every factor's dollars and every scenario's direct P&L", async (_what, q) => {
    const { status, body } = await call(getWhatChanged, `/api/portfolios/${X.id}/what-changed${q}`, X.id);
    expect(status).toBe(200);
    expect(body.available).toBe(true);
    expect(body.asOfDate).toBe(AS_OF);
    const [a, b] = await Promise.all([storedDollars(X.id, body.fromDate), storedDollars(X.id, AS_OF)]);
    expect(body.factors.length).toBe(b.size);
    for (const f of body.factors) {
      const stored = b.get(f.factor)! - a.get(f.factor)!;
      expectClose(f.change, stored, `${f.factor} change`);
      expectClose(f.positions + f.prices + f.betas, stored, `${f.factor} parts`, 1e-8, 1e-8 * Math.abs(b.get(f.factor)!));
    }
    const { rows } = await getPool().query<{ scenario_key: string; date: string; direct_pnl: number }>(
      `SELECT scenario_key, date::text AS date, direct_pnl FROM stress_results WHERE portfolio_id = $1 AND date IN ($2::date, $3::date)`,
      [X.id, body.fromDate, AS_OF],
    );
    const direct = (key: string, date: string) => rows.find((r) => r.scenario_key === key && r.date === date)!.direct_pnl;
    expect(body.scenarios.length).toBeGreaterThan(10);
    for (const s of body.scenarios) {
      const stored = direct(s.key, AS_OF) - direct(s.key, body.fromDate);
      expectClose(s.positions + s.prices + s.betas, stored, `${s.key} parts`, 1e-8, 1e-8 * Math.abs(direct(s.key, AS_OF)));
    }
  });

  test("across the trades the positions part names MSFT (bought) and XOM (sold) among its largest symbols", async () => {
    const { body } = await call(getWhatChanged, `/api/portfolios/${X.id}/what-changed?from=${INCEPTION}`, X.id);
    const market = body.factors.find((f: { factor: string }) => f.factor === "MARKET");
    expect(market.top.positions.map((c: { symbol: string }) => c.symbol)).toEqual(expect.arrayContaining(["MSFT", "XOM"]));
    for (const part of WHAT_CHANGED_PARTS) expect(Array.isArray(market.top[part])).toBe(true);
  });

  test("bad dates: 422 naming the field; a day without results: not available with the reason; another manager: 404", async () => {
    const bad = await call(getWhatChanged, `/api/portfolios/${X.id}/what-changed?from=2026-02-30`, X.id);
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toContain("query.from");
    const order = await call(getWhatChanged, `/api/portfolios/${X.id}/what-changed?from=${AS_OF}&to=${INCEPTION}`, X.id);
    expect(order.status).toBe(422);
    expect(order.body.error.message).toContain("query.from");
    const after = await call(getWhatChanged, `/api/portfolios/${X.id}/what-changed?from=${AS_OF}`, X.id);
    expect(after.status).toBe(422);
    const missing = await call(getWhatChanged, `/api/portfolios/${X.id}/what-changed?from=2026-03-02`, X.id);
    expect(missing.body).toMatchObject({ available: false, reason: "NOT_COMPUTED" });
    const foreign = await call(getWhatChanged, `/api/portfolios/${X.id}/what-changed`, X.id, other);
    expect(foreign.status).toBe(404);
  });
});

describe("GET /api/portfolios/[id]/decomposition", () => {
  test("the factor shares sum to V_F / V and the symbol shares to 1; the private holding is not in it", async () => {
    const { status, body } = await call(getDecomposition, `/api/portfolios/${Y.id}/decomposition?date=${AS_OF}`, Y.id);
    expect(status).toBe(200);
    expect(body.available).toBe(true);
    expectClose(body.factors.reduce((s: number, f: { share: number }) => s + f.share, 0), body.factorVariance / body.variance, "Σ factor shares");
    expectClose(body.symbols.reduce((s: number, x: { componentShare: number }) => s + x.componentShare, 0), 1, "Σ c_i");
    expectClose(body.volDollars, Math.sqrt(252 * body.variance), "vol $");
    expect(body.symbols.map((s: { symbol: string }) => s.symbol).sort()).toEqual(["AAPL", "JPM", "MSFT", "TLT"]);
  });

  test("422 naming the date; 404 for another manager's book", async () => {
    const bad = await call(getDecomposition, `/api/portfolios/${Y.id}/decomposition?date=15-04-2026`, Y.id);
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toContain("query.date");
    expect((await call(getDecomposition, `/api/portfolios/${Y.id}/decomposition`, Y.id, other)).status).toBe(404);
  });
});

describe("GET /api/aggregate: {X, Y} equals Z, the one book holding both (1e-8)", () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked field by field
  let agg: any;
  beforeAll(async () => {
    const { status, body } = await call(getAggregate, `/api/aggregate?ids=${X.id},${Y.id}&date=${AS_OF}`);
    expect(status).toBe(200);
    agg = body;
  });

  test("NAV, P&L and exposures", async () => {
    expect(agg.available).toBe(true);
    const { rows } = await getPool().query(`SELECT * FROM snapshots WHERE portfolio_id = $1 AND date = $2::date`, [Z.id, AS_OF]);
    const z = rows[0];
    for (const [k, col] of [["nav", "nav"], ["pnlDay", "pnl_day"], ["longExposure", "long_exposure"], ["shortExposure", "short_exposure"], ["grossExposure", "gross_exposure"], ["netExposure", "net_exposure"]] as const) {
      expectClose(agg[k], z[col], k);
    }
    // Volatility and VaR of the combined holdings
    expectClose(agg.volatility.vol21, z.vol_21, "vol21");
    expectClose(agg.volatility.vol63, z.vol_63, "vol63");
    for (const [method, q, col, esCol] of [["historical", 0.95, "var_95_hist", "es_95_hist"], ["historical", 0.99, "var_99_hist", "es_99_hist"], ["parametric", 0.95, "var_95_param", "es_95_param"], ["parametric", 0.99, "var_99_param", "es_99_param"]] as const) {
      const row = agg.var.find((r: { method: string; confidence: number }) => r.method === method && r.confidence === q);
      expectClose(row.var, z[col], `${method} VaR ${q}`);
      expectClose(row.es, z[esCol], `${method} ES ${q}`);
    }
    // Concentration with AAPL (in both books) merged
    for (const [k, col] of [["hhi", "hhi"], ["effectivePositions", "effective_positions"], ["top3Share", "top3_share"], ["top10Share", "top10_share"]] as const) expectClose(agg.concentration[k], z[col], k);
  });

  test("factor betas and dollars, correlations, stress", async () => {
    const pool = getPool();
    const { rows: fx } = await pool.query<{ factor: string; beta: number; dollars: number; coverage: number }>(`SELECT factor::text AS factor, beta, dollars, coverage FROM portfolio_factor_exposures WHERE portfolio_id = $1 AND date = $2::date`, [Z.id, AS_OF]);
    expect(agg.factors.length).toBe(fx.length);
    for (const f of fx) {
      const g = agg.factors.find((x: { factor: string }) => x.factor === f.factor);
      expectClose(g.beta, f.beta, `${f.factor} beta`);
      expectClose(g.dollars, f.dollars, `${f.factor} $`);
      expectClose(g.coverage, f.coverage, `${f.factor} coverage`);
    }
    const { rows: cm } = await pool.query(`SELECT symbols, average_abs_correlation, effective_bets FROM correlation_matrices WHERE portfolio_id = $1 AND date = $2::date`, [Z.id, AS_OF]);
    expect(agg.correlation.symbols).toEqual(cm[0].symbols);
    expectClose(agg.correlation.averageAbsCorrelation, cm[0].average_abs_correlation, "avg |ρ|");
    expectClose(agg.correlation.effectiveBets, cm[0].effective_bets, "effective bets");
    const { rows: st } = await pool.query(`SELECT scenario_key, direct_pnl, correlated_pnl, direct_pct, correlated_pct FROM stress_results WHERE portfolio_id = $1 AND date = $2::date`, [Z.id, AS_OF]);
    expect(agg.stress.length).toBe(st.length);
    for (const s of st) {
      const g = agg.stress.find((x: { key: string }) => x.key === s.scenario_key);
      expectClose(g.directPnl, s.direct_pnl, `${s.scenario_key} direct`);
      expectClose(g.correlatedPnl, s.correlated_pnl, `${s.scenario_key} correlated`);
      expectClose(g.directPct, s.direct_pct, `${s.scenario_key} direct %`);
      expectClose(g.correlatedPct, s.correlated_pct, `${s.scenario_key} correlated %`);
    }
  });

  test("decomposition and performance", async () => {
    const { body: d } = await call(getDecomposition, `/api/portfolios/${Z.id}/decomposition?date=${AS_OF}`, Z.id);
    for (const k of ["factorVariance", "specificVariance", "volDollars", "volPctNav", "factorShare", "specificShare"]) expectClose(agg.decomposition[k], d[k], `decomposition ${k}`);
    d.symbols.forEach((s: { symbol: string; componentShare: number; marginal: number }, i: number) => {
      expect(agg.decomposition.symbols[i].symbol).toBe(s.symbol);
      expectClose(agg.decomposition.symbols[i].componentShare, s.componentShare, `c ${s.symbol}`);
      expectClose(agg.decomposition.symbols[i].marginal, s.marginal, `marginal ${s.symbol}`);
    });
    const { body: p } = await call(getPerformance, `/api/portfolios/${Z.id}/performance?date=${AS_OF}`, Z.id);
    expect(agg.performance.available).toBe(true);
    p.cumulative.forEach((c: { date: string; portfolio: number }, i: number) => {
      expect(agg.performance.cumulative[i].date).toBe(c.date);
      expectClose(agg.performance.cumulative[i].portfolio, c.portfolio, `cumulative ${c.date}`);
    });
    p.periods.forEach((x: { period: string; value: number | null }, i: number) => {
      if (x.value === null) expect(agg.performance.periods[i].value).toBeNull();
      else expectClose(agg.performance.periods[i].value, x.value, `period ${x.period}`);
    });
  });

  test("the default is every active book with results (for an admin every manager's); another manager's book is a 404; bad input a 422 naming the field", async () => {
    const all = await call(getAggregate, `/api/aggregate`);
    expect(all.status).toBe(200);
    expect(all.body.available).toBe(true);
    expect((await call(getAggregate, `/api/aggregate?ids=${X.id},demo-hedgefund`)).status).toBe(404);
    const bad = await call(getAggregate, `/api/aggregate?date=2026-04-31`);
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toContain("query.date");
    const admin = await call(getAggregate, `/api/aggregate`, undefined, await sessionCookie("admin@riskline.dev"));
    expect(admin.body.available).toBe(true);
    expect(admin.body.books.map((b: { id: string }) => b.id)).toEqual(expect.arrayContaining([X.id, Y.id, Z.id, "demo-hedgefund", "demo-fo-growth"]));
    expectClose(admin.body.nav, admin.body.books.reduce((s: number, b: { nav: number }) => s + b.nav, 0), "admin NAV = Σ books");
    const empty = await call(getAggregate, `/api/aggregate?ids=,`);
    expect(empty.status).toBe(422);
    expect(empty.body.error.message).toContain("query.ids");
  });
});
