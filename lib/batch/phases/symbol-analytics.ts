// SYMBOL_ANALYTICS (docs/ARCHITECTURE.md, "The daily batch"): factor betas and stress betas of every held symbol for every date to
// compute, once per symbol and shared by all portfolios, stored in bulk. A symbol without a close on a date gets no beta for it (stale or
// not listed): nothing is computed from invented prices.
import type { Queryable } from "@/lib/db/pool";
import type { IsoDate } from "@/lib/dates";
import type { PricePanel } from "@/lib/risk/panel";
import type { ReasonCode } from "@/lib/reason-codes";
import { STRESS_PROXIES } from "@/lib/factors/registry";
import { StressBetaEngine } from "@/lib/risk/stress-betas";
import { SymbolBetaEngine } from "@/lib/risk/symbol-betas";
import { BetaStore } from "../beta-store";
import type { PhaseOutcome, SymbolAnalyticsResult } from "../types";

const CHUNK_ROWS = 20_000;
const WRITES_IN_FLIGHT = 2;

const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

interface BetaRows {
  symbol: string[];
  date: string[];
  factor: string[];
  beta: number[];
  rawBeta: number[];
  capped: boolean[];
  alpha: (number | null)[];
  rSquared: number[];
  stdError: (number | null)[];
  tStat: (number | null)[];
  pValue: (number | null)[];
  n: number[];
}

interface StressBetaRows {
  symbol: string[];
  date: string[];
  /** One array literal per row: node-postgres cannot bind a float8[][] of rows to unnest. */
  betas: string[];
  rSquared: number[];
  n: number[];
}

const emptyStressRows = (): StressBetaRows => ({ symbol: [], date: [], betas: [], rSquared: [], n: [] });

async function writeStressBetaRows(db: Queryable, rows: StressBetaRows, runId: string): Promise<void> {
  await db.query(
    `INSERT INTO symbol_stress_betas (symbol, date, betas, r_squared, n, run_id)
     SELECT t.symbol, t.date, t.betas::float8[], t.r_squared, t.n, $6
     FROM unnest($1::text[], $2::date[], $3::text[], $4::float8[], $5::int[]) AS t(symbol, date, betas, r_squared, n)
     ON CONFLICT (symbol, date) DO UPDATE SET betas = EXCLUDED.betas, r_squared = EXCLUDED.r_squared, n = EXCLUDED.n, run_id = EXCLUDED.run_id`,
    [rows.symbol, rows.date, rows.betas, rows.rSquared, rows.n, runId],
  );
}

const emptyRows = (): BetaRows => ({ symbol: [], date: [], factor: [], beta: [], rawBeta: [], capped: [], alpha: [], rSquared: [], stdError: [], tStat: [], pValue: [], n: [] });

async function writeBetaRows(db: Queryable, rows: BetaRows, runId: string): Promise<void> {
  await db.query(
    `INSERT INTO symbol_factor_betas (symbol, date, factor, beta, raw_beta, capped, alpha, r_squared, std_error, t_stat, p_value, n, run_id)
     SELECT t.symbol, t.date, t.factor::"FactorKey", t.beta, t.raw_beta, t.capped, t.alpha, t.r_squared, t.std_error, t.t_stat, t.p_value, t.n, $13
     FROM unnest($1::text[], $2::date[], $3::text[], $4::float8[], $5::float8[], $6::bool[], $7::float8[], $8::float8[], $9::float8[], $10::float8[], $11::float8[], $12::int[])
       AS t(symbol, date, factor, beta, raw_beta, capped, alpha, r_squared, std_error, t_stat, p_value, n)
     ON CONFLICT (symbol, date, factor) DO UPDATE SET beta = EXCLUDED.beta, raw_beta = EXCLUDED.raw_beta, capped = EXCLUDED.capped,
       alpha = EXCLUDED.alpha, r_squared = EXCLUDED.r_squared, std_error = EXCLUDED.std_error, t_stat = EXCLUDED.t_stat,
       p_value = EXCLUDED.p_value, n = EXCLUDED.n, run_id = EXCLUDED.run_id`,
    [rows.symbol, rows.date, rows.factor, rows.beta, rows.rawBeta, rows.capped, rows.alpha, rows.rSquared, rows.stdError, rows.tStat, rows.pValue, rows.n, runId],
  );
}

export async function computeSymbolAnalytics(
  db: Queryable,
  panel: PricePanel,
  { symbols, dates, runId }: { symbols: readonly string[]; dates: readonly IsoDate[]; runId: string },
): Promise<{ outcome: PhaseOutcome; value: SymbolAnalyticsResult; store: BetaStore }> {
  const engine = new SymbolBetaEngine(panel);
  const stressEngine = new StressBetaEngine(panel);
  const store = new BetaStore();
  const missingByReason: Partial<Record<ReasonCode, number>> = {};
  const miss = (reason: ReasonCode) => (missingByReason[reason] = (missingByReason[reason] ?? 0) + 1);
  let rows = emptyRows();
  let stressRows = emptyStressRows();
  let stored = 0;
  let stressStored = 0;
  // Up to two writes in flight (two connections, so PostgreSQL works on both cores) while the next
  // rows are computed. Beta upserts are idempotent and touch disjoint keys, so their order is free.
  // Each write's outcome is held (not a bare promise): a failure surfaces at the next flush, never as
  // an unhandled rejection.
  const inFlight: Promise<Error | null>[] = [];
  const settle = async (all: boolean) => {
    while (inFlight.length > (all ? 0 : WRITES_IN_FLIGHT - 1)) {
      const failed = await inFlight.shift()!;
      if (failed) throw failed;
    }
  };
  const held = (p: Promise<void>) => p.then(() => null, (e: unknown) => (e instanceof Error ? e : new Error(String(e))));
  const flush = async () => {
    await settle(false);
    if (!rows.symbol.length && !stressRows.symbol.length) return;
    const batch = rows;
    const stressBatch = stressRows;
    rows = emptyRows();
    stressRows = emptyStressRows();
    stored += batch.symbol.length;
    stressStored += stressBatch.symbol.length;
    inFlight.push(held(Promise.all([batch.symbol.length ? writeBetaRows(db, batch, runId) : null, stressBatch.symbol.length ? writeStressBetaRows(db, stressBatch, runId) : null]).then(() => undefined)));
    await yieldToIo(); // lets the statement go out before computing resumes
  };
  for (const symbol of symbols) {
    const closes = panel.closes.get(symbol);
    for (const date of dates) {
      // Stress betas even for a day without a close: a stale symbol is carried at its last close and
      // stressed with the betas of its last returns, and the stress detail reads the same betas back.
      const stress = stressEngine.betas(symbol, date);
      if (stress.ok) {
        stressRows.symbol.push(symbol);
        stressRows.date.push(date);
        stressRows.betas.push(`{${STRESS_PROXIES.map((p) => stress.betas[p]).join(",")}}`);
        stressRows.rSquared.push(stress.rSquared);
        stressRows.n.push(stress.n);
      }
      const i = panel.dateIndex.get(date);
      if (!closes || i === undefined || Number.isNaN(closes[i]!)) {
        miss(closes && i !== undefined && closes.subarray(0, i).some((v) => !Number.isNaN(v)) ? "STALE_PRICES" : "MISSING_PRICES");
        continue;
      }
      const betas = engine.betas(symbol, date);
      for (const r of Object.values(betas)) {
        if (!r.ok) {
          miss(r.reason);
          continue;
        }
        store.set(date, symbol, r.factor, r.beta, r.rSquared);
        rows.symbol.push(symbol);
        rows.date.push(date);
        rows.factor.push(r.factor);
        rows.beta.push(r.beta);
        rows.rawBeta.push(r.rawBeta);
        rows.capped.push(r.capped);
        rows.alpha.push(r.alpha ?? null);
        rows.rSquared.push(r.rSquared);
        rows.stdError.push(r.stdError ?? null);
        rows.tStat.push(r.tStat ?? null);
        rows.pValue.push(r.pValue ?? null);
        rows.n.push(r.n);
      }
      if (rows.symbol.length + stressRows.symbol.length >= CHUNK_ROWS) await flush();
    }
    engine.release(symbol);
    stressEngine.release(symbol);
    await yieldToIo();
  }
  await flush();
  await settle(true);
  const value: SymbolAnalyticsResult = { symbols: symbols.length, dates: dates.length, betasStored: stored, missingByReason };
  return {
    outcome: { status: "succeeded", counts: { symbols: symbols.length, dates: dates.length, betasStored: stored, stressBetasStored: stressStored }, details: { missingByReason } },
    value,
    store,
  };
}
