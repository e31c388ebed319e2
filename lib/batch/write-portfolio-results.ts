// Bulk, idempotent writes of one portfolio's results (no per-row ORM calls): snapshots are claimed
// (PENDING) before anything is computed; a chunk of days is then written in one transaction that
// replaces each day's rows and marks its snapshot COMPLETE last. A crash leaves PENDING snapshots,
// which the next run recomputes; never half-written rows marked complete (docs/ARCHITECTURE.md, "The daily batch").
import type pg from "pg";
import { boolArrayLiteral, float8ArrayLiteral, textArrayLiteral } from "@/lib/db/array-literal";
import type { Queryable } from "@/lib/db/pool";
import { withTransaction } from "@/lib/db/pool";
import type { IsoDate } from "@/lib/dates";
import { STRESS_PROXIES } from "@/lib/factors/registry";
import type { DayResult } from "./portfolio-day";
import { writePhaseRows, type PhaseRow } from "./telemetry";

export async function claimSnapshots(db: Queryable, portfolioId: string, dates: readonly IsoDate[], runId: string): Promise<void> {
  if (!dates.length) return;
  await db.query(
    `INSERT INTO snapshots (portfolio_id, date, status, run_id, claimed_at, carried_symbols, stale_symbols)
     SELECT $1, d, 'PENDING', $3, now(), '{}', '{}' FROM unnest($2::date[]) AS d
     ON CONFLICT (portfolio_id, date) DO UPDATE SET status = 'PENDING', run_id = EXCLUDED.run_id, claimed_at = now(), completed_at = NULL`,
    [portfolioId, [...dates], runId],
  );
}

function missingShock(scenarioKey: string, proxy: string): never {
  throw new Error(`stress result ${scenarioKey} has no shock for ${proxy}`);
}

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

const RESULT_TABLES = ["position_valuations", "option_greeks", "portfolio_factor_exposures", "stress_results", "correlation_matrices"] as const;

/** Deletes the days' previous rows from every result table in one statement (one round trip). */
async function replaceDays(client: pg.PoolClient, portfolioId: string, dates: IsoDate[]): Promise<void> {
  const [last, ...others] = [...RESULT_TABLES].reverse();
  const ctes = others.map((t) => `d_${t} AS (DELETE FROM ${t} WHERE portfolio_id = $1 AND date = ANY($2::date[]))`);
  await client.query(`WITH ${ctes.join(", ")} DELETE FROM ${last} WHERE portfolio_id = $1 AND date = ANY($2::date[])`, [portfolioId, dates]);
}

/** Rows a day writes: its results and its snapshot. */
export const dayRowCount = (d: DayResult): number => d.valuations.length + d.greeks.length + d.exposures.length + d.stress.length + (d.correlation ? 1 : 0) + 1;

/**
 * `previousDate`: the trading day the first of `days` chained from (each later one chains from the one before).
 * `telemetry(ms)`: the days' phase rows, written in the same transaction, so a day committed COMPLETE
 * always has its telemetry (a run killed right after the commit leaves no RUNNING row for a finished day).
 */
export async function writeDays(
  pool: pg.Pool,
  portfolioId: string,
  runId: string,
  days: readonly DayResult[],
  previousDate: IsoDate | null,
  telemetry: (durationMs: number) => readonly PhaseRow[],
): Promise<number> {
  if (!days.length) return 0;
  const dates = days.map((d) => d.date);
  const t0 = performance.now();
  return withTransaction(async (client) => {
    let rows = 0;
    await replaceDays(client, portfolioId, dates);
    // Stress rows first: the most rows a chunk writes. Only the scenario totals and the completed shocks
    // are stored (as float8[] and bool[] in STRESS_PROXIES order, one array literal per row); the
    // breakdowns by factor and position are derived on read (lib/dal/stress-results.ts).
    const stress = days.flatMap((d) => d.stress.map((s) => ({ ...s, date: d.date })));
    if (stress.length) {
      const inProxyOrder = (s: (typeof stress)[number]) => STRESS_PROXIES.map((p) => s.shockVector.find((x) => x.proxy === p) ?? missingShock(s.scenarioKey, p));
      await client.query(
        `INSERT INTO stress_results (portfolio_id, date, scenario_key, direct_pnl, correlated_pnl, direct_pct, correlated_pct, new_nav, exceeds_nav, shocks, shock_given, run_id)
         SELECT $1, t.date, t.key, t.dp, t.cp, t.dpct, t.cpct, t.nav, t.exceeds, t.shocks::float8[], t.given::bool[], $2
         FROM unnest($3::date[], $4::text[], $5::float8[], $6::float8[], $7::float8[], $8::float8[], $9::float8[], $10::bool[], $11::text[], $12::text[])
           AS t(date, key, dp, cp, dpct, cpct, nav, exceeds, shocks, given)`,
        [
          portfolioId,
          runId,
          stress.map((s) => s.date),
          stress.map((s) => s.scenarioKey),
          stress.map((s) => s.directPnl),
          stress.map((s) => s.correlatedPnl),
          stress.map((s) => s.directPct),
          stress.map((s) => s.correlatedPct),
          stress.map((s) => s.newNav),
          stress.map((s) => s.exceedsNav),
          stress.map((s) => float8ArrayLiteral(inProxyOrder(s).map((x) => x.shock))),
          stress.map((s) => boolArrayLiteral(inProxyOrder(s).map((x) => x.given))),
        ],
      );
      rows += stress.length;
    }

    const vals = days.flatMap((d) => d.valuations.map((v) => ({ ...v, date: d.date })));
    if (vals.length) {
      await client.query(
        `INSERT INTO position_valuations (position_id, date, portfolio_id, price, market_value, exposure, weight, pnl_day, pnl_total, carried)
         SELECT t.position_id, t.date, $1, t.price, t.market_value, t.exposure, t.weight, t.pnl_day, t.pnl_total, t.carried
         FROM unnest($2::text[], $3::date[], $4::float8[], $5::float8[], $6::float8[], $7::float8[], $8::float8[], $9::float8[], $10::bool[])
           AS t(position_id, date, price, market_value, exposure, weight, pnl_day, pnl_total, carried)`,
        [
          portfolioId,
          vals.map((v) => v.positionId),
          vals.map((v) => v.date),
          vals.map((v) => v.price),
          vals.map((v) => v.marketValue),
          vals.map((v) => v.exposure),
          vals.map((v) => v.weight),
          vals.map((v) => v.pnlDay),
          vals.map((v) => v.pnlTotal),
          vals.map((v) => v.carried),
        ],
      );
      rows += vals.length;
    }

    const greeks = days.flatMap((d) => d.greeks.map((g) => ({ ...g, date: d.date })));
    if (greeks.length) {
      await client.query(
        `INSERT INTO option_greeks (position_id, date, portfolio_id, underlying_price, volatility, time_to_expiry, price, delta, gamma, theta, vega)
         SELECT t.position_id, t.date, $1, t.u, t.vol, t.years, t.price, t.delta, t.gamma, t.theta, t.vega
         FROM unnest($2::text[], $3::date[], $4::float8[], $5::float8[], $6::float8[], $7::float8[], $8::float8[], $9::float8[], $10::float8[], $11::float8[])
           AS t(position_id, date, u, vol, years, price, delta, gamma, theta, vega)`,
        [
          portfolioId,
          greeks.map((g) => g.positionId),
          greeks.map((g) => g.date),
          greeks.map((g) => g.underlyingPrice),
          greeks.map((g) => g.volatility),
          greeks.map((g) => g.years),
          greeks.map((g) => g.price),
          greeks.map((g) => g.delta),
          greeks.map((g) => g.gamma),
          greeks.map((g) => g.theta),
          greeks.map((g) => g.vega),
        ],
      );
      rows += greeks.length;
    }

    const exposures = days.flatMap((d) => d.exposures.map((e) => ({ ...e, date: d.date })));
    if (exposures.length) {
      await client.query(
        `INSERT INTO portfolio_factor_exposures (portfolio_id, date, factor, beta, dollars, coverage, low_coverage, r_squared, run_id)
         SELECT $1, t.date, t.factor::"FactorKey", t.beta, t.dollars, t.coverage, t.low, t.r2, $2
         FROM unnest($3::date[], $4::text[], $5::float8[], $6::float8[], $7::float8[], $8::bool[], $9::float8[]) AS t(date, factor, beta, dollars, coverage, low, r2)`,
        [
          portfolioId,
          runId,
          exposures.map((e) => e.date),
          exposures.map((e) => e.factor),
          exposures.map((e) => e.beta),
          exposures.map((e) => e.dollars),
          exposures.map((e) => e.coverage),
          exposures.map((e) => e.lowCoverage),
          exposures.map((e) => e.rSquared),
        ],
      );
      rows += exposures.length;
    }

    // The matrix as a float8[] (row-major n × n) and the symbols and weights as arrays, one literal per
    // row; only the short list of excluded holdings is JSON.
    const corr = days.flatMap((d) => (d.correlation ? [{ ...d.correlation, date: d.date }] : []));
    if (corr.length) {
      await client.query(
        `INSERT INTO correlation_matrices (portfolio_id, date, symbols, matrix, weights, window_from, window_to, excluded, average_abs_correlation, effective_bets, n)
         SELECT $1, t.date, t.symbols::text[], t.matrix::float8[], t.weights::float8[], t.w_from, t.w_to, t.excluded::jsonb, t.avg, t.bets, t.n
         FROM unnest($2::date[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[], $8::text[], $9::float8[], $10::float8[], $11::int[])
           AS t(date, symbols, matrix, weights, w_from, w_to, excluded, avg, bets, n)`,
        [
          portfolioId,
          corr.map((c) => c.date),
          corr.map((c) => textArrayLiteral(c.symbols)),
          corr.map((c) => float8ArrayLiteral(c.matrix)),
          corr.map((c) => float8ArrayLiteral(c.weights)),
          corr.map((c) => c.from),
          corr.map((c) => c.to),
          corr.map((c) => JSON.stringify(c.excluded)),
          corr.map((c) => c.averageAbsCorrelation),
          corr.map((c) => c.effectiveBets),
          corr.map((c) => c.n),
        ],
      );
      rows += corr.length;
    }

    // The snapshots last: COMPLETE only once every row of the day is in place.
    const s = days.map((d, i) => ({ date: d.date, previousDate: i === 0 ? previousDate : days[i - 1]!.date, ...d.snapshot }));
    const res = await client.query(
      `UPDATE snapshots AS s SET status = 'COMPLETE', completed_at = now(), run_id = $2, previous_date = t.previous_date,
         nav = t.nav, pnl_day = t.pnl_day, pnl_cumulative = t.nav - p.starting_equity - t.flows_to_date, daily_return = t.daily_return,
         realized_pnl = t.realized, capital_flow = t.flow, long_exposure = t.long, short_exposure = t.short, gross_exposure = t.gross,
         net_exposure = t.net, cash = t.cash, private_value = t.private_value, num_positions = t.n, num_long = t.n_long, num_short = t.n_short,
         vol_21 = t.vol21, vol_63 = t.vol63, vol_forecast_har = t.har, vol_forecast_ewma = t.ewma, vol_percentile = t.pct, vol_trend = t.trend,
         var_95_hist = t.v95h, var_99_hist = t.v99h, es_95_hist = t.e95h, es_99_hist = t.e99h,
         var_95_param = t.v95p, var_99_param = t.v99p, es_95_param = t.e95p, es_99_param = t.e99p,
         hhi = t.hhi, effective_positions = t.eff, top3_share = t.top3, top10_share = t.top10,
         sector_exposure = t.sector::jsonb, reasons = t.reasons::jsonb,
         carried_symbols = ARRAY(SELECT jsonb_array_elements_text(t.carried::jsonb)), stale_symbols = ARRAY(SELECT jsonb_array_elements_text(t.stale::jsonb))
       FROM unnest($3::date[], $4::float8[], $5::float8[], $6::float8[], $7::float8[], $8::float8[], $9::float8[], $10::float8[], $11::float8[],
                   $12::float8[], $13::float8[], $14::float8[], $15::int[], $16::int[], $17::int[], $18::float8[], $19::float8[], $20::float8[],
                   $21::float8[], $22::float8[], $23::text[], $24::float8[], $25::float8[], $26::float8[], $27::float8[], $28::float8[],
                   $29::float8[], $30::float8[], $31::float8[], $32::float8[], $33::float8[], $34::float8[], $35::float8[], $36::text[],
                   $37::text[], $38::text[], $39::float8[], $40::date[], $41::text[])
         AS t(date, nav, pnl_day, daily_return, realized, flow, long, short, gross, net, cash, private_value, n, n_long, n_short,
              vol21, vol63, har, ewma, pct, trend, v95h, v99h, e95h, e99h, v95p, v99p, e95p, e99p, hhi, eff, top3, top10, sector, reasons, carried, flows_to_date, previous_date, stale),
         portfolios p
       WHERE s.portfolio_id = $1 AND p.id = $1 AND s.date = t.date AND s.run_id = $2 AND s.status = 'PENDING'`,
      [
        portfolioId,
        runId,
        s.map((x) => x.date),
        s.map((x) => x.nav.nav),
        s.map((x) => x.nav.pnl),
        s.map((x) => x.nav.dailyReturn),
        s.map((x) => x.nav.realizedPnl),
        s.map((x) => x.nav.capitalFlow),
        s.map((x) => x.nav.longExposure),
        s.map((x) => x.nav.shortExposure),
        s.map((x) => x.nav.grossExposure),
        s.map((x) => x.nav.netExposure),
        s.map((x) => x.nav.cash),
        s.map((x) => x.privateValue),
        s.map((x) => x.numPositions),
        s.map((x) => x.nav.longCount),
        s.map((x) => x.nav.shortCount),
        s.map((x) => x.vol.vol21),
        s.map((x) => x.vol.vol63),
        s.map((x) => x.vol.har),
        s.map((x) => x.vol.ewma),
        s.map((x) => x.vol.percentile),
        s.map((x) => x.vol.trend),
        s.map((x) => x.var.var95Hist),
        s.map((x) => x.var.var99Hist),
        s.map((x) => x.var.es95Hist),
        s.map((x) => x.var.es99Hist),
        s.map((x) => x.var.var95Param),
        s.map((x) => x.var.var99Param),
        s.map((x) => x.var.es95Param),
        s.map((x) => x.var.es99Param),
        s.map((x) => x.concentration?.hhi ?? null),
        s.map((x) => x.concentration?.effectivePositions ?? null),
        s.map((x) => x.concentration?.top3Share ?? null),
        s.map((x) => x.concentration?.top10Share ?? null),
        s.map((x) => json(x.sector)),
        s.map((x) => json(x.reasons)),
        s.map((x) => JSON.stringify(x.carriedSymbols)),
        s.map((x) => x.flowsToDate),
        s.map((x) => x.previousDate),
        s.map((x) => JSON.stringify(x.staleSymbols)),
      ],
    );
    if (res.rowCount !== days.length) throw new Error(`expected ${days.length} claimed snapshots to complete, updated ${res.rowCount}: a concurrent writer removed the claim`);
    await writePhaseRows(client, runId, telemetry(performance.now() - t0));
    return rows + days.length;
  }, pool);
}
