// End-to-end golden of the daily batch: a small book (long and short stocks, an option expiring
// mid-range, a short put and a second lot entered mid-range, a position closed mid-range, a private
// holding, a deposit and a withdrawal) goes in through the real import and capital-flow paths, the real
// local batch computes it, and every stored figure read back through the API route handlers is checked
// day by day against tests/fixtures/golden/end-to-end-book.json, computed independently by
// scripts/golden/end_to_end.py (numpy / pandas / statsmodels / scikit-learn / scipy). 1e-8 relative,
// 1e-12 absolute near zero.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { NextRequest } from "next/server";
import { beforeAll, describe, expect, test } from "vitest";
import { GET as getConcentration } from "@/app/api/portfolios/[id]/concentration/route";
import { GET as getCorrelations } from "@/app/api/portfolios/[id]/correlations/route";
import { GET as getFactors } from "@/app/api/portfolios/[id]/factors/route";
import { GET as getOverview } from "@/app/api/portfolios/[id]/overview/route";
import { GET as getPositions } from "@/app/api/portfolios/[id]/positions/route";
import { GET as getSectors } from "@/app/api/portfolios/[id]/sectors/route";
import { GET as getSnapshots } from "@/app/api/portfolios/[id]/snapshots/route";
import { GET as getVar } from "@/app/api/portfolios/[id]/var/route";
import { GET as getVolatility } from "@/app/api/portfolios/[id]/volatility/route";
import { runLocalBatch } from "@/lib/batch/local-executor";
import type { RunSummary } from "@/lib/batch/types";
import { recordCapitalFlow } from "@/lib/dal/capital-flows";
import { commitPositionImport } from "@/lib/dal/import-positions";
import { getPortfolioOrThrow } from "@/lib/dal/portfolios";
import type { SessionUser } from "@/lib/dal/session";
import { getPool } from "@/lib/db/pool";
import { FACTOR_KEYS } from "@/lib/factors/registry";
import { appRequest, routeParams, sessionCookie, useSeededDatabase } from "../helpers";

interface GoldenPositionDay {
  price: number;
  marketValue: number;
  exposure: number;
  weight: number;
  pnlDay: number;
  pnlTotal: number;
}

interface GoldenGreeks {
  underlyingPrice: number;
  volatility: number;
  timeToExpiry: number;
  price: number;
  delta: number;
  gamma: number;
  theta: number;
  vega: number;
}

interface GoldenDay {
  date: string;
  nav: number;
  pnlDay: number;
  pnlCumulative: number;
  dailyReturn: number;
  realizedPnl: number;
  capitalFlow: number;
  longExposure: number;
  shortExposure: number;
  grossExposure: number;
  netExposure: number;
  cash: number;
  cashBalance: number;
  privateValue: number;
  numPositions: number;
  numLong: number;
  numShort: number;
  positions: Record<string, GoldenPositionDay>;
  greeks: Record<string, GoldenGreeks>;
  factors: Record<string, { beta: number; dollars: number; coverage: number; lowCoverage: boolean; rSquared: number }>;
  volatility: { realized21: number; realized63: number; harForecast: number; ewmaForecast: number; percentile: number; trend: string };
  var: Record<"historical95" | "historical99" | "parametric95" | "parametric99", { var: number; es: number }>;
  concentration: { hhi: number; effectivePositions: number; top3Share: number; top10Share: number };
  sector: Record<string, { gross: number; net: number; grossOfNav: number; netOfNav: number; positions: number }>;
  unclassified: { privateGross: number; privateNet: number };
  correlation: { symbols: string[]; matrix: number[]; weights: number[]; averageAbsCorrelation: number; effectiveBets: number; from: string; to: string };
}

interface Golden {
  inceptionDate: string;
  asOfDate: string;
  startingEquity: number;
  csv: string;
  flows: { date: string; amount: number }[];
  positions: { key: string; symbol: string; quantity: number; entryDate: string; exitDate: string | null; class: string }[];
  days: GoldenDay[];
}

const golden = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../fixtures/golden/end-to-end-book.json"), "utf8")) as Golden;

const ID = "it-e2e-golden-book";
const OWNER: SessionUser = { id: "user-individual", email: "individual@riskline.dev", name: "Ivy Individual", role: "MANAGER" };

type Route = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

let cookie: string;
let run: RunSummary;
/** Database position id → fixture key (symbol@entry date). */
let keyOf: Map<string, string>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are compared field by field
async function call(route: Route, endpoint: string, query = ""): Promise<any> {
  const res = await route(appRequest(`/api/portfolios/${ID}/${endpoint}${query}`, { cookie }), routeParams({ id: ID }));
  expect(res.status, `${endpoint}${query}`).toBe(200);
  return res.json();
}

/** Collects every mismatch so one failing test names them all. */
class Mismatches {
  readonly found: string[] = [];

  close(actual: unknown, expected: number, what: string): void {
    if (typeof actual !== "number") {
      this.found.push(`${what}: ${String(actual)} vs golden ${expected}`);
      return;
    }
    const diff = Math.abs(actual - expected);
    const tolerance = Math.max(1e-8 * Math.abs(expected), 1e-12);
    if (!(diff <= tolerance)) this.found.push(`${what}: ${actual} vs golden ${expected} (|Δ| = ${diff.toExponential(3)}, relative ${(diff / Math.abs(expected)).toExponential(3)})`);
  }

  same(actual: unknown, expected: unknown, what: string): void {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) this.found.push(`${what}: ${JSON.stringify(actual)} vs golden ${JSON.stringify(expected)}`);
  }

  check(): void {
    expect(this.found, `${this.found.length} figure(s) differ from the golden`).toEqual([]);
  }
}

beforeAll(async () => {
  await useSeededDatabase();
  await getPool().query(
    `INSERT INTO portfolios (id, name, owner_id, starting_equity, inception_date, updated_at) VALUES ($1, 'End-to-end golden book', $2, $3, $4, now())`,
    [ID, OWNER.id, golden.startingEquity, golden.inceptionDate],
  );
  const summary = await getPortfolioOrThrow(OWNER, ID);
  const imported = await commitPositionImport(summary, golden.csv);
  expect(imported.created).toBe(golden.positions.length);
  for (const f of golden.flows) await recordCapitalFlow(summary, { date: f.date, amount: f.amount });
  run = await runLocalBatch({ trigger: "CLI", asOfDate: golden.asOfDate, portfolioIds: [ID] });
  cookie = await sessionCookie(OWNER.email);

  const { rows } = await getPool().query<{ id: string; symbol: string; entry_date: string }>(`SELECT id, symbol, entry_date FROM positions WHERE portfolio_id = $1`, [ID]);
  keyOf = new Map(rows.map((r) => [r.id, `${r.symbol}@${r.entry_date}`]));
}, 600_000);

describe("the end-to-end golden book", () => {
  test("the batch completes every day of the book", () => {
    expect(run.status).toBe("SUCCEEDED");
    expect(run.portfolios).toEqual([expect.objectContaining({ portfolioId: ID, status: "succeeded", datesCompleted: golden.days.length, datesFailed: 0 })]);
    expect(new Set(keyOf.values())).toEqual(new Set(golden.positions.map((p) => p.key)));
  });

  test("NAV history (GET …/snapshots)", async () => {
    const body = await call(getSnapshots, "snapshots");
    const m = new Mismatches();
    m.same(
      body.snapshots.map((s: { date: string }) => s.date),
      golden.days.map((d) => d.date),
      "snapshot dates",
    );
    for (const [i, d] of golden.days.entries()) {
      const s = body.snapshots[i];
      if (!s) continue;
      for (const k of ["nav", "pnlDay", "pnlCumulative", "dailyReturn", "grossExposure", "netExposure"] as const) m.close(s[k], d[k], `${d.date} ${k}`);
    }
    m.check();
  });

  test("NAV, P&L, flows, exposures, cash and counts of every day (GET …/overview)", async () => {
    const m = new Mismatches();
    for (const d of golden.days) {
      const o = await call(getOverview, "overview", `?date=${d.date}`);
      m.same(o.asOfDate, d.date, `${d.date} asOfDate`);
      for (const k of ["nav", "pnlDay", "pnlCumulative", "dailyReturn", "realizedPnl", "capitalFlow", "longExposure", "shortExposure", "grossExposure", "netExposure", "cash", "privateValue"] as const) {
        m.close(o[k], d[k], `${d.date} ${k}`);
      }
      for (const k of ["numPositions", "numLong", "numShort"] as const) m.same(o[k], d[k], `${d.date} ${k}`);
    }
    m.check();
  });

  test("per-position price, market value, exposure, weight, P&L and option Greeks of every day (GET …/positions)", async () => {
    const m = new Mismatches();
    for (const d of golden.days) {
      const body = await call(getPositions, "positions", `?date=${d.date}`);
      m.same(body.asOfDate, d.date, `${d.date} asOfDate`);
      m.same(
        body.positions.map((p: { id: string }) => keyOf.get(p.id)).sort(),
        golden.positions.map((p) => p.key).sort(),
        `${d.date} positions listed`,
      );
      for (const p of body.positions) {
        const key = keyOf.get(p.id)!;
        const want = d.positions[key];
        if (!want) {
          m.same(p.valuation, null, `${d.date} ${key} valuation (not open)`);
        } else if (!p.valuation) {
          m.found.push(`${d.date} ${key}: no valuation stored, golden ${JSON.stringify(want)}`);
        } else {
          for (const k of ["price", "marketValue", "exposure", "weight", "pnlDay", "pnlTotal"] as const) m.close(p.valuation[k], want[k], `${d.date} ${key} ${k}`);
        }
        const greeks = d.greeks[key];
        if (!greeks) {
          m.same(p.greeks, null, `${d.date} ${key} greeks`);
        } else if (!p.greeks) {
          m.found.push(`${d.date} ${key}: no Greeks stored, golden ${JSON.stringify(greeks)}`);
        } else {
          for (const k of ["underlyingPrice", "volatility", "timeToExpiry", "price", "delta", "gamma", "theta", "vega"] as const) m.close(p.greeks[k], greeks[k], `${d.date} ${key} greeks.${k}`);
        }
      }
    }
    m.check();
  });

  test("the 12 factor betas, dollars, coverage and R² of every day (GET …/factors)", async () => {
    const m = new Mismatches();
    for (const d of golden.days) {
      const body = await call(getFactors, "factors", `?date=${d.date}`);
      m.same(body.available, true, `${d.date} factors available`);
      m.same(
        body.factors?.map((f: { factor: string }) => f.factor),
        FACTOR_KEYS,
        `${d.date} factor keys`,
      );
      for (const f of body.factors ?? []) {
        const want = d.factors[f.factor];
        if (!want) {
          m.found.push(`${d.date} ${f.factor}: not in the golden`);
          continue;
        }
        for (const k of ["beta", "dollars", "coverage", "rSquared"] as const) m.close(f[k], want[k], `${d.date} ${f.factor} ${k}`);
        m.same(f.lowCoverage, want.lowCoverage, `${d.date} ${f.factor} lowCoverage`);
      }
    }
    m.check();
  });

  test("realized and forecast volatility, percentile and trend of every day (GET …/volatility)", async () => {
    const m = new Mismatches();
    for (const d of golden.days) {
      const v = await call(getVolatility, "volatility", `?date=${d.date}`);
      m.same(v.available, true, `${d.date} volatility available`);
      m.close(v.vol21, d.volatility.realized21, `${d.date} vol21`);
      m.close(v.vol63, d.volatility.realized63, `${d.date} vol63`);
      m.close(v.forecastHar, d.volatility.harForecast, `${d.date} forecastHar`);
      m.close(v.forecastEwma, d.volatility.ewmaForecast, `${d.date} forecastEwma`);
      m.close(v.percentile, d.volatility.percentile, `${d.date} percentile`);
      m.same(v.trend, d.volatility.trend, `${d.date} trend`);
    }
    m.check();
  });

  test("historical and parametric VaR and ES at 95 and 99 % of every day (GET …/var)", async () => {
    const m = new Mismatches();
    for (const d of golden.days) {
      const body = await call(getVar, "var", `?date=${d.date}`);
      m.same(body.available, true, `${d.date} var available`);
      for (const r of body.rows ?? []) {
        const want = d.var[`${r.method}${Math.round(r.confidence * 100)}` as keyof GoldenDay["var"]];
        m.close(r.var, want.var, `${d.date} ${r.method} ${r.confidence} var`);
        m.close(r.es, want.es, `${d.date} ${r.method} ${r.confidence} es`);
        m.close(r.varPct, want.var / d.nav, `${d.date} ${r.method} ${r.confidence} varPct`);
        m.close(r.esPct, want.es / d.nav, `${d.date} ${r.method} ${r.confidence} esPct`);
      }
      m.same(body.rows?.length, 4, `${d.date} var rows`);
    }
    m.check();
  });

  test("concentration of every day (GET …/concentration)", async () => {
    const m = new Mismatches();
    for (const d of golden.days) {
      const c = await call(getConcentration, "concentration", `?date=${d.date}`);
      for (const k of ["hhi", "effectivePositions", "top3Share", "top10Share"] as const) m.close(c[k], d.concentration[k], `${d.date} ${k}`);
    }
    m.check();
  });

  test("sector exposure of every day (GET …/sectors)", async () => {
    const m = new Mismatches();
    for (const d of golden.days) {
      const s = await call(getSectors, "sectors", `?date=${d.date}`);
      m.same(
        (s.buckets ?? []).map((b: { sector: string }) => b.sector).sort(),
        Object.keys(d.sector).sort(),
        `${d.date} sectors`,
      );
      for (const b of s.buckets ?? []) {
        const want = d.sector[b.sector];
        if (!want) continue;
        for (const k of ["gross", "net", "grossOfNav", "netOfNav"] as const) m.close(b[k], want[k], `${d.date} ${b.sector} ${k}`);
        m.same(b.positions, want.positions, `${d.date} ${b.sector} positions`);
      }
      m.close(s.unclassified?.privateGross, d.unclassified.privateGross, `${d.date} unclassified privateGross`);
      m.close(s.unclassified?.privateNet, d.unclassified.privateNet, `${d.date} unclassified privateNet`);
    }
    m.check();
  });

  test("correlation matrix of every day (GET …/correlations)", async () => {
    const m = new Mismatches();
    for (const d of golden.days) {
      const c = await call(getCorrelations, "correlations", `?date=${d.date}`);
      const want = d.correlation;
      m.same(c.symbols, want.symbols, `${d.date} correlation symbols`);
      m.same([c.from, c.to], [want.from, want.to], `${d.date} correlation window`);
      const k = want.symbols.length;
      for (let i = 0; i < k; i++) {
        for (let j = 0; j < k; j++) m.close(c.rows?.[i]?.[j], want.matrix[i * k + j]!, `${d.date} ρ(${want.symbols[i]}, ${want.symbols[j]})`);
        m.close(c.weights?.[i], want.weights[i]!, `${d.date} correlation weight ${want.symbols[i]}`);
      }
      m.close(c.averageAbsCorrelation, want.averageAbsCorrelation, `${d.date} averageAbsCorrelation`);
      m.close(c.effectiveBets, want.effectiveBets, `${d.date} effectiveBets`);
    }
    m.check();
  });
});
