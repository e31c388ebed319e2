// The history, diagnostics and CSV export endpoints against the stored rows of the seeded demo (its
// batch run to 2026-07-13): values equal the rows, a stored null stays a gap (never 0), a series with
// no value says why, another manager gets 404 and a bad query a 422 naming its field.
import { beforeAll, describe, expect, test } from "vitest";
import { parse } from "csv-parse/sync";
import { GET as getDiagnostics } from "@/app/api/portfolios/[id]/diagnostics/route";
import { GET as getExport } from "@/app/api/portfolios/[id]/export/[file]/route";
import { GET as getFactorHistory } from "@/app/api/portfolios/[id]/history/factors/route";
import { GET as getStressHistory } from "@/app/api/portfolios/[id]/history/stress/route";
import { GET as getVarHistory } from "@/app/api/portfolios/[id]/history/var/route";
import { GET as getVolatilityHistory } from "@/app/api/portfolios/[id]/history/volatility/route";
import { getPool } from "@/lib/db/pool";
import { FACTOR_KEYS, FACTORS } from "@/lib/factors/registry";
import { appRequest, callRoute, routeParams, sessionCookie, useSeededDatabase } from "../helpers";

const ID = "demo-individual";
const FROM = "2026-04-01";
const TO = "2026-06-30";
let owner: string;
let other: string;

/** A date column as pg hands it back (a Date, or the text when the pool parses dates as text). */
const iso = (d: Date | string) => (typeof d === "string" ? d.slice(0, 10) : d.toISOString().slice(0, 10));
const q = async <T>(sql: string, args: unknown[] = []) => (await getPool().query(sql, args)).rows as T[];

beforeAll(async () => {
  await useSeededDatabase();
  owner = await sessionCookie("individual@riskline.dev");
  other = await sessionCookie("hnw@riskline.dev");
}, 600_000);

type Route = Parameters<typeof callRoute>[0];
const call = (route: Route, path: string, who = owner, id = ID) => callRoute(route, path, { cookie: who, params: { id } });

describe("history endpoints", () => {
  test("volatility: one point per COMPLETE snapshot in the range, equal to the stored columns", async () => {
    const { status, body } = await call(getVolatilityHistory, `/api/portfolios/${ID}/history/volatility?from=${FROM}&to=${TO}`);
    expect(status).toBe(200);
    const rows = await q<{ date: Date; vol_21: number; vol_63: number; vol_forecast_har: number; vol_forecast_ewma: number }>(
      `SELECT date, vol_21, vol_63, vol_forecast_har, vol_forecast_ewma FROM snapshots WHERE portfolio_id = $1 AND status = 'COMPLETE' AND date BETWEEN $2 AND $3 ORDER BY date`,
      [ID, FROM, TO],
    );
    expect(rows.length).toBeGreaterThan(50);
    expect(body.from).toBe(FROM);
    expect(body.to).toBe(TO);
    expect(body.points).toEqual(rows.map((r) => ({ date: iso(r.date), vol21: r.vol_21, vol63: r.vol_63, forecastHar: r.vol_forecast_har, forecastEwma: r.vol_forecast_ewma })));
    expect(body.unavailable).toEqual({ vol21: null, vol63: null, forecastHar: null, forecastEwma: null });
  });

  test("var: the eight stored VaR/ES columns of every day", async () => {
    const { status, body } = await call(getVarHistory, `/api/portfolios/${ID}/history/var?from=${FROM}&to=${TO}`);
    expect(status).toBe(200);
    const rows = await q<Record<string, number> & { date: Date }>(
      `SELECT date, var_95_hist, var_99_hist, es_95_hist, es_99_hist, var_95_param, var_99_param, es_95_param, es_99_param FROM snapshots
       WHERE portfolio_id = $1 AND status = 'COMPLETE' AND date BETWEEN $2 AND $3 ORDER BY date`,
      [ID, FROM, TO],
    );
    expect(body.points).toEqual(
      rows.map((r) => ({
        date: iso(r.date),
        var95Hist: r.var_95_hist, var99Hist: r.var_99_hist, es95Hist: r.es_95_hist, es99Hist: r.es_99_hist,
        var95Param: r.var_95_param, var99Param: r.var_99_param, es95Param: r.es_95_param, es99Param: r.es_99_param,
      })),
    );
  });

  test("factors: every factor's stored beta and dollars on every day", async () => {
    const { status, body } = await call(getFactorHistory, `/api/portfolios/${ID}/history/factors?from=${FROM}&to=${TO}`);
    expect(status).toBe(200);
    const rows = await q<{ date: Date; factor: (typeof FACTOR_KEYS)[number]; beta: number; dollars: number }>(
      `SELECT date, factor, beta, dollars FROM portfolio_factor_exposures WHERE portfolio_id = $1 AND date BETWEEN $2 AND $3`,
      [ID, FROM, TO],
    );
    expect(rows.length).toBeGreaterThan(50 * 10);
    const byDate = new Map<string, { beta: Record<string, number>; dollars: Record<string, number> }>(body.points.map((p: { date: string }) => [p.date, p]));
    for (const r of rows) {
      const p = byDate.get(iso(r.date))!;
      expect(p.beta[r.factor], `${iso(r.date)} ${r.factor}`).toBe(r.beta);
      expect(p.dollars[r.factor]).toBe(r.dollars);
    }
    const stored = rows.length;
    const shown = body.points.reduce((n: number, p: { beta: Record<string, number | null> }) => n + Object.values(p.beta).filter((v) => v !== null).length, 0);
    expect(shown).toBe(stored);
  });

  test("stress: the chosen scenario's stored direct and correlated P&L", async () => {
    const { status, body } = await call(getStressHistory, `/api/portfolios/${ID}/history/stress?scenario=MARKET_CRASH&from=${FROM}&to=${TO}`);
    expect(status).toBe(200);
    const rows = await q<{ date: Date; direct_pnl: number; correlated_pnl: number }>(
      `SELECT date, direct_pnl, correlated_pnl FROM stress_results WHERE portfolio_id = $1 AND scenario_key = 'MARKET_CRASH' AND date BETWEEN $2 AND $3 ORDER BY date`,
      [ID, FROM, TO],
    );
    expect(body.scenario).toEqual({ key: "MARKET_CRASH", name: "Market crash −35 %" });
    expect(body.points).toEqual(rows.map((r) => ({ date: iso(r.date), directPnl: r.direct_pnl, correlatedPnl: r.correlated_pnl })));
  });

  test("a stored null stays a gap (null, never 0), and a series null on every day says why in words", async () => {
    await getPool().query(`UPDATE snapshots SET vol_21 = NULL WHERE portfolio_id = $1 AND date = '2026-05-01'`, [ID]);
    await getPool().query(`UPDATE snapshots SET vol_63 = NULL WHERE portfolio_id = $1 AND date BETWEEN '2026-05-04' AND '2026-05-08'`, [ID]);
    const { body } = await call(getVolatilityHistory, `/api/portfolios/${ID}/history/volatility?from=2026-04-28&to=2026-05-08`);
    const may1 = body.points.find((p: { date: string }) => p.date === "2026-05-01");
    expect(may1.vol21).toBeNull();
    expect(body.unavailable.vol21).toBeNull();
    const { body: narrow } = await call(getVolatilityHistory, `/api/portfolios/${ID}/history/volatility?from=2026-05-04&to=2026-05-08`);
    expect(narrow.points).toHaveLength(5);
    expect(narrow.points.every((p: { vol63: number | null }) => p.vol63 === null)).toBe(true);
    expect(narrow.unavailable.vol63).toBe("realized 63-day volatility: not stored on any complete day from 2026-05-04 to 2026-05-08");
    const { body: none } = await call(getVarHistory, `/api/portfolios/${ID}/history/var?from=2020-01-01&to=2020-02-01`);
    expect(none.points).toEqual([]);
    expect(none.unavailable.var99Hist).toBe("no complete snapshot from 2020-01-01 to 2020-02-01");
  });

  test("a series the batch skipped on every day of the range gives the batch's stored reason in words", async () => {
    await getPool().query(
      `UPDATE snapshots SET vol_21 = NULL, vol_63 = NULL, vol_forecast_har = NULL, vol_forecast_ewma = NULL,
         reasons = '{"volatility":{"reason":"INSUFFICIENT_HISTORY","detail":"20 daily returns, 21 needed"}}'
       WHERE portfolio_id = $1 AND date BETWEEN '2026-05-11' AND '2026-05-15'`,
      [ID],
    );
    const { body } = await call(getVolatilityHistory, `/api/portfolios/${ID}/history/volatility?from=2026-05-11&to=2026-05-15`);
    expect(body.points.map((p: { vol21: number | null; forecastHar: number | null }) => [p.vol21, p.forecastHar])).toEqual(Array(5).fill([null, null]));
    expect(body.unavailable).toEqual({
      vol21: "realized 21-day volatility: not enough price history yet (20 daily returns, 21 needed)",
      vol63: "realized 63-day volatility: not enough price history yet (20 daily returns, 21 needed)",
      forecastHar: "HAR forecast: not enough price history yet (20 daily returns, 21 needed)",
      forecastEwma: "EWMA forecast: not enough price history yet (20 daily returns, 21 needed)",
    });
  });

  test("without from and to: every complete snapshot, the range resolved to the first and last", async () => {
    const { body } = await call(getVolatilityHistory, `/api/portfolios/${ID}/history/volatility`);
    const [{ min, max, n }] = (await q<{ min: Date; max: Date; n: string }>(`SELECT min(date), max(date), count(*) AS n FROM snapshots WHERE portfolio_id = $1 AND status = 'COMPLETE'`, [ID])) as [{ min: Date; max: Date; n: string }];
    expect(body.from).toBe(iso(min));
    expect(body.to).toBe(iso(max));
    expect(body.points).toHaveLength(Number(n));
  });

  test.each([
    ["history/volatility", getVolatilityHistory],
    ["history/var", getVarHistory],
    ["history/factors", getFactorHistory],
    ["history/stress?scenario=MARKET_CRASH", getStressHistory],
    ["diagnostics", getDiagnostics],
  ] as const)("another manager gets 404 from %s", async (path, route) => {
    const { status, body } = await call(route, `/api/portfolios/${ID}/${path}`, other);
    expect(status).toBe(404);
    expect(body.error.code).toBe("not_found");
  });

  test.each([
    [getVolatilityHistory, "history/volatility?from=2026-02-30", "query.from"],
    [getVarHistory, "history/var?to=yesterday", "query.to"],
    [getFactorHistory, "history/factors?from=2026-06-01&to=2026-05-01", "query.from"],
    [getStressHistory, "history/stress", "query.scenario"],
    [getStressHistory, "history/stress?scenario=not-a-key", "query.scenario"],
    [getStressHistory, "history/stress?scenario=NO_SUCH_SCENARIO", "query.scenario"],
    [getDiagnostics, "diagnostics?factor=BETA", "query.factor"],
    [getDiagnostics, "diagnostics?date=2026-13-01", "query.date"],
  ] as const)("a bad query is a 422 naming its field (%#: %s)", async (route, path, field) => {
    const { status, body } = await call(route, `/api/portfolios/${ID}/${path}`);
    expect(status).toBe(422);
    expect(body.error.message).toContain(field);
    expect(body.error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  test("another manager's own scenario is refused like an unknown one", async () => {
    await getPool().query(
      `INSERT INTO stress_scenarios (key, name, category, description, shocks, built_in, owner_id, updated_at) VALUES ('CUSTOM_HNW_ONLY', 'HNW only', 'market', 'x', '{"kind":"fixed","factors":{"MARKET":-0.1}}', false, 'user-hnw', now())`,
    );
    const { status, body } = await call(getStressHistory, `/api/portfolios/${ID}/history/stress?scenario=CUSTOM_HNW_ONLY`);
    expect(status).toBe(422);
    expect(body.error.details.fields[0].field).toBe("query.scenario");
  });
});

describe("GET /api/portfolios/[id]/diagnostics", () => {
  const DATE = "2026-06-30";

  test("every position × factor: the stored regression of its risk symbol, as stored", async () => {
    const { status, body } = await call(getDiagnostics, `/api/portfolios/${ID}/diagnostics?date=${DATE}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ available: true, asOfDate: DATE, factor: null });
    const positions = await q<{ id: string; symbol: string }>(`SELECT p.id, p.symbol FROM positions p JOIN position_valuations v ON v.position_id = p.id WHERE v.portfolio_id = $1 AND v.date = $2`, [ID, DATE]);
    expect(body.rows).toHaveLength(positions.length * FACTOR_KEYS.length);
    const stored = await q<Record<string, unknown> & { symbol: string; factor: string }>(
      `SELECT symbol, factor, alpha, beta, raw_beta, capped, std_error, t_stat, p_value, r_squared, n FROM symbol_factor_betas WHERE date = $1 AND symbol = ANY($2)`,
      [DATE, positions.map((p) => p.symbol)],
    );
    expect(stored.length).toBeGreaterThan(positions.length * 10);
    const byKey = new Map(stored.map((r) => [`${r.symbol}|${r.factor}`, r]));
    for (const row of body.rows) {
      const r = byKey.get(`${row.riskSymbol}|${row.factor}`);
      if (!r) {
        expect(row.regression).toBeNull();
        continue;
      }
      expect(row.regression).toEqual({
        alpha: r.alpha, beta: r.beta, rawBeta: r.raw_beta, capped: r.capped, stdError: r.std_error, pValue: r.p_value, rSquared: r.r_squared, n: r.n,
        // JSON has no Infinity: an exact fit (SPY on itself) answers t = null with exactFit.
        tStat: Number.isFinite(r.t_stat) ? r.t_stat : null,
        exactFit: r.std_error === 0,
      });
      expect(row.missing).toBeNull();
    }
  });

  test("?factor= narrows to one factor; a symbol without a regression says why", async () => {
    const { rows: [held] } = await getPool().query<{ symbol: string }>(
      `SELECT p.symbol FROM positions p JOIN position_valuations v ON v.position_id = p.id WHERE v.portfolio_id = $1 AND v.date = $2 AND p.investment_class = 'PUBLIC' ORDER BY p.symbol LIMIT 1`,
      [ID, DATE],
    );
    await getPool().query(`DELETE FROM symbol_factor_betas WHERE symbol = $1 AND date = $2 AND factor = 'MARKET'`, [held!.symbol, DATE]);
    const { body } = await call(getDiagnostics, `/api/portfolios/${ID}/diagnostics?date=${DATE}&factor=MARKET`);
    expect(body.factor).toBe("MARKET");
    expect(new Set(body.rows.map((r: { factor: string }) => r.factor))).toEqual(new Set(["MARKET"]));
    const row = body.rows.find((r: { symbol: string }) => r.symbol === held!.symbol);
    expect(row.regression).toBeNull();
    expect(row.missing).toBe(`no ${FACTORS.MARKET.displayName} regression stored for ${held!.symbol} on ${DATE}: fewer usable daily returns than the factor's minimum (not enough price history yet)`);
  });

  test("a private position has no regression, and says so", async () => {
    const hnw = await sessionCookie("hnw@riskline.dev");
    const { body } = await call(getDiagnostics, `/api/portfolios/demo-hnw/diagnostics?date=${DATE}&factor=MARKET`, hnw, "demo-hnw");
    const privateRow = body.rows.find((r: { symbol: string }) => r.symbol === "Harbor Buyout Fund II");
    expect(privateRow).toMatchObject({ regression: null, missing: "a private position has no market returns, so it has no regression" });
  });
});

describe("CSV exports", () => {
  const download = async (file: string, query = "", who = owner) => {
    const res = await getExport(appRequest(`/api/portfolios/${ID}/export/${file}${query}`, { cookie: who }), routeParams({ id: ID, file }));
    return { res, text: await res.text() };
  };

  test("positions.csv: text/csv, an attachment named for the book and date, one line per position as the positions endpoint values it", async () => {
    const { res, text } = await download("positions.csv", "?date=2026-06-30");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${ID}-positions-2026-06-30.csv"`);
    const [header, ...lines] = parse(text) as string[][];
    expect(header!.slice(0, 3)).toEqual(["symbol", "name", "position_type"]);
    const stored = await q<{ symbol: string; market_value: number }>(
      `SELECT p.symbol, v.market_value FROM positions p JOIN position_valuations v ON v.position_id = p.id WHERE v.portfolio_id = $1 AND v.date = '2026-06-30'`,
      [ID],
    );
    const mv = header!.indexOf("market_value");
    for (const s of stored) expect(Number(lines.find((l) => l[0] === s.symbol)![mv])).toBe(s.market_value);
  });

  test("var.csv and history-volatility.csv hold the stored figures; a gap is an empty cell", async () => {
    await getPool().query(`UPDATE snapshots SET vol_21 = NULL WHERE portfolio_id = $1 AND date = '2026-06-01'`, [ID]);
    const { text } = await download("history-volatility.csv", "?from=2026-05-28&to=2026-06-02");
    const [header, ...lines] = parse(text) as string[][];
    expect(header).toEqual(["date", "vol_21", "vol_63", "forecast_har", "forecast_ewma"]);
    expect(lines.find((l) => l[0] === "2026-06-01")![1]).toBe("");
    const [stored] = await q<{ vol_63: number }>(`SELECT vol_63 FROM snapshots WHERE portfolio_id = $1 AND date = '2026-06-02'`, [ID]);
    expect(Number(lines.find((l) => l[0] === "2026-06-02")![2])).toBe(stored!.vol_63);
    const { text: v } = await download("var.csv", "?date=2026-06-30");
    const [, hist95] = parse(v) as string[][];
    const [s] = await q<{ var_95_hist: number }>(`SELECT var_95_hist FROM snapshots WHERE portfolio_id = $1 AND date = '2026-06-30'`, [ID]);
    expect(hist95!.slice(0, 3)).toEqual(["historical", "0.95", String(s!.var_95_hist)]);
  });

  test("factors.csv has the portfolio rows then each position's regression; stress.csv each scenario with its contributions", async () => {
    const [header, ...lines] = parse((await download("factors.csv", "?date=2026-06-30")).text) as string[][];
    expect(header!.slice(0, 4)).toEqual(["level", "symbol", "factor", "beta"]);
    expect(lines.filter((l) => l[0] === "portfolio")).toHaveLength(FACTOR_KEYS.length);
    expect(lines.filter((l) => l[0] === "position").length).toBeGreaterThan(FACTOR_KEYS.length);
    const stress = parse((await download("stress.csv", "?date=2026-06-30")).text) as string[][];
    const crash = stress.filter((l) => l[0] === "MARKET_CRASH");
    const [stored] = await q<{ correlated_pnl: number }>(`SELECT correlated_pnl FROM stress_results WHERE portfolio_id = $1 AND date = '2026-06-30' AND scenario_key = 'MARKET_CRASH'`, [ID]);
    expect(Number(crash.find((l) => l[2] === "total")![6])).toBe(stored!.correlated_pnl);
    expect(crash.some((l) => l[2] === "position")).toBe(true);
  });

  test("a text cell a spreadsheet would run as a formula is written as text; negative numbers stay numbers", async () => {
    await getPool().query(
      `INSERT INTO positions (id, portfolio_id, symbol, quantity, entry_price, entry_date, position_type, investment_class, subtype, updated_at)
       VALUES ('it-formula', $1, '=HYPERLINK("http://evil","x")', -3, 10, '2026-01-05', 'LONG', 'PRIVATE', 'PRIVATE_EQUITY', now())`,
      [ID],
    );
    const [header, ...lines] = parse((await download("positions.csv")).text) as string[][];
    const row = lines.find((l) => l[0]!.includes("HYPERLINK"))!;
    expect(row[0]).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(row[header!.indexOf("quantity")]).toBe("-3");
  });

  test("another manager gets 404, an unknown file 404, a bad query 422 naming the field", async () => {
    expect((await download("positions.csv", "", other)).res.status).toBe(404);
    expect((await download("secrets.csv")).res.status).toBe(404);
    const bad = await download("history-stress.csv", "?scenario=NOPE_NOPE");
    expect(bad.res.status).toBe(422);
    expect(JSON.parse(bad.text).error.details.fields[0].field).toBe("query.scenario");
  });
});
