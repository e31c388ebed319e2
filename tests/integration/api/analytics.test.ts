// The read-only analytics endpoints of a portfolio: numbers equal to the stored rows, `available: false`
// with the reason when a section was not computed, 401 / 404 / 422 on the way in.
import { beforeAll, describe, expect, it } from "vitest";
import type { NextRequest } from "next/server";
import { GET as getConcentration } from "@/app/api/portfolios/[id]/concentration/route";
import { GET as getCorrelations } from "@/app/api/portfolios/[id]/correlations/route";
import { GET as getFactors } from "@/app/api/portfolios/[id]/factors/route";
import { GET as getOverview } from "@/app/api/portfolios/[id]/overview/route";
import { GET as getPositions } from "@/app/api/portfolios/[id]/positions/route";
import { GET as getSectors } from "@/app/api/portfolios/[id]/sectors/route";
import { GET as getStress } from "@/app/api/portfolios/[id]/stress/route";
import { GET as getStressOne } from "@/app/api/portfolios/[id]/stress/[scenarioKey]/route";
import { GET as getVar } from "@/app/api/portfolios/[id]/var/route";
import { GET as getVolatility } from "@/app/api/portfolios/[id]/volatility/route";
import { getPrisma } from "@/lib/db/prisma";
import { FACTOR_KEYS, STRESS_PROXIES } from "@/lib/factors/registry";
import { toDbDate } from "@/lib/dates";
import { appRequest, routeParams, sessionCookie, useSeededDatabase } from "../helpers";
import { AS_OF, correlation, createTestPortfolio, EARLIER, fixtureSymbols, insertHedgeFundResults, insertPrivateSnapshot, sectorExposure, stressBeta, stressShock } from "./result-rows";

type Route = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

const HF = "it-analytics-hf";
const PRIVATE = "it-analytics-private";
const EMPTY = "it-analytics-empty";
const ENDPOINTS: [string, Route][] = [
  ["overview", getOverview],
  ["factors", getFactors],
  ["stress", getStress],
  ["volatility", getVolatility],
  ["var", getVar],
  ["correlations", getCorrelations],
  ["concentration", getConcentration],
  ["sectors", getSectors],
  ["positions", getPositions],
];

let hedgefund: string;
let individual: string;
let familyoffice: string;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
async function call(route: Route, path: string, cookie: string | undefined, params: Record<string, string> = { id: HF }): Promise<{ status: number; body: any }> {
  const res = await route(appRequest(path, { ...(cookie ? { cookie } : {}) }), routeParams(params));
  return { status: res.status, body: await res.json() };
}

beforeAll(async () => {
  await useSeededDatabase();
  [hedgefund, individual, familyoffice] = await Promise.all([
    sessionCookie("hedgefund@riskline.dev"),
    sessionCookie("individual@riskline.dev"),
    sessionCookie("familyoffice@riskline.dev"),
  ]);
  await createTestPortfolio(HF, "user-hedgefund", "demo-hedgefund");
  await createTestPortfolio(PRIVATE, "user-familyoffice", "demo-fo-private");
  await createTestPortfolio(EMPTY, "user-individual", "demo-individual");
  await insertHedgeFundResults(HF);
  await insertPrivateSnapshot(PRIVATE);
});

describe("every analytics endpoint", () => {
  it.each(ENDPOINTS)("GET /api/portfolios/[id]/%s answers 401 without a session", async (name, route) => {
    const { status, body } = await call(route, `/api/portfolios/${HF}/${name}`, undefined);
    expect(status).toBe(401);
    expect(body.error.code).toBe("unauthorized");
  });

  it.each(ENDPOINTS)("GET /api/portfolios/[id]/%s answers 404 for another manager's portfolio", async (name, route) => {
    const { status, body } = await call(route, `/api/portfolios/${HF}/${name}`, individual);
    expect(status).toBe(404);
    expect(body).toEqual({ error: { code: "not_found", message: expect.any(String) } });
  });

  it.each(ENDPOINTS)("GET /api/portfolios/[id]/%s answers 422 naming the field for a bad date", async (name, route) => {
    const { status, body } = await call(route, `/api/portfolios/${HF}/${name}?date=2026-02-30`, hedgefund);
    expect(status).toBe(422);
    expect(body.error.code).toBe("unprocessable_entity");
    expect(body.error.message).toContain("query.date");
  });

  it.each(ENDPOINTS)("GET /api/portfolios/[id]/%s answers 422 for an unknown query parameter", async (name, route) => {
    const { status, body } = await call(route, `/api/portfolios/${HF}/${name}?dte=2026-07-10`, hedgefund);
    expect(status).toBe(422);
    expect(body.error.message).toContain("dte");
  });

  it.each(ENDPOINTS)("GET /api/portfolios/[id]/%s: not computed yet is a 200 with available false and a reason", async (name, route) => {
    const { status, body } = await call(route, `/api/portfolios/${EMPTY}/${name}`, individual, { id: EMPTY });
    expect(status).toBe(200);
    expect(body).toMatchObject({ portfolioId: EMPTY, available: false, asOfDate: null, reason: "NOT_COMPUTED" });
  });

  it.each(ENDPOINTS)("GET /api/portfolios/[id]/%s on a date without a snapshot names that date", async (name, route) => {
    const { body } = await call(route, `/api/portfolios/${HF}/${name}?date=2026-01-02`, hedgefund);
    expect(body).toMatchObject({ available: false, asOfDate: "2026-01-02", reason: "NOT_COMPUTED" });
  });
});

describe("GET /api/portfolios/[id]/overview", () => {
  it("answers the latest complete snapshot's figures by default", async () => {
    const { status, body } = await call(getOverview, `/api/portfolios/${HF}/overview`, hedgefund);
    expect(status).toBe(200);
    const s = await getPrisma().snapshot.findFirstOrThrow({ where: { portfolioId: HF, status: "COMPLETE" }, orderBy: { date: "desc" } });
    expect(body).toMatchObject({
      portfolioId: HF,
      available: true,
      asOfDate: AS_OF,
      nav: s.nav,
      pnlDay: s.pnlDay,
      pnlCumulative: s.pnlCumulative,
      longExposure: s.longExposure,
      shortExposure: s.shortExposure,
      grossExposure: s.grossExposure,
      netExposure: s.netExposure,
      cash: s.cash,
      numPositions: s.numPositions,
      numLong: s.numLong,
      numShort: s.numShort,
    });
  });

  it("answers an earlier date given by ?date", async () => {
    const { body } = await call(getOverview, `/api/portfolios/${HF}/overview?date=${EARLIER}`, hedgefund);
    expect(body).toMatchObject({ available: true, asOfDate: EARLIER, nav: 3_300_000 });
  });

  it("ignores a snapshot that is still PENDING", async () => {
    await getPrisma().snapshot.create({ data: { portfolioId: HF, date: new Date("2026-07-13T00:00:00Z"), status: "PENDING", nav: 1 } });
    const { body } = await call(getOverview, `/api/portfolios/${HF}/overview`, hedgefund);
    expect(body.asOfDate).toBe(AS_OF);
    await getPrisma().snapshot.delete({ where: { portfolioId_date: { portfolioId: HF, date: new Date("2026-07-13T00:00:00Z") } } });
  });
});

describe("GET /api/portfolios/[id]/factors", () => {
  it("answers the 12 factors in registry order with the stored numbers", async () => {
    const { body } = await call(getFactors, `/api/portfolios/${HF}/factors`, hedgefund);
    expect(body.available).toBe(true);
    expect(body.asOfDate).toBe(AS_OF);
    expect(body.factors.map((f: { factor: string }) => f.factor)).toEqual([...FACTOR_KEYS]);
    const rows = await getPrisma().portfolioFactorExposure.findMany({ where: { portfolioId: HF } });
    for (const r of rows) {
      expect(body.factors.find((f: { factor: string }) => f.factor === r.factor)).toMatchObject({
        beta: r.beta,
        dollars: r.dollars,
        coverage: r.coverage,
        lowCoverage: r.lowCoverage,
        rSquared: r.rSquared,
      });
    }
    expect(body.factors[1]).toMatchObject({ factor: "IR", displayName: "IR Beta", lowCoverage: true });
    expect(body.positions).toBeUndefined();
  });

  it("adds per-position betas of each position's risk symbol with ?positions=1", async () => {
    const { body } = await call(getFactors, `/api/portfolios/${HF}/factors?positions=1`, hedgefund);
    const prisma = getPrisma();
    const option = await prisma.position.findFirstOrThrow({ where: { portfolioId: HF, investmentClass: "OPTIONS" }, orderBy: { symbol: "asc" } });
    const row = body.positions.find((p: { positionId: string }) => p.positionId === option.id);
    expect(row.riskSymbol).toBe(option.underlying);
    const beta = await prisma.symbolFactorBeta.findUniqueOrThrow({ where: { symbol_date_factor: { symbol: option.underlying!, date: new Date(`${AS_OF}T00:00:00Z`), factor: "MARKET" } } });
    expect(row.betas.MARKET).toBe(beta.beta);
    const valuation = await prisma.positionValuation.findUniqueOrThrow({ where: { positionId_date: { positionId: option.id, date: new Date(`${AS_OF}T00:00:00Z`) } } });
    expect(row.exposure).toBe(valuation.exposure);
    expect(Object.keys(row.betas)).toEqual([...FACTOR_KEYS]);
  });

  it("answers 422 for positions=yes", async () => {
    const { status, body } = await call(getFactors, `/api/portfolios/${HF}/factors?positions=yes`, hedgefund);
    expect(status).toBe(422);
    expect(body.error.message).toContain("query.positions");
  });

  it("carries the batch's reason for a private-only portfolio", async () => {
    const { status, body } = await call(getFactors, `/api/portfolios/${PRIVATE}/factors`, familyoffice, { id: PRIVATE });
    expect(status).toBe(200);
    expect(body).toMatchObject({ available: false, asOfDate: AS_OF, reason: "NO_PUBLIC_POSITIONS" });
  });
});

describe("GET /api/portfolios/[id]/stress", () => {
  it("answers every scenario in registry order with direct, correlated, difference and the NAV flag", async () => {
    const { body } = await call(getStress, `/api/portfolios/${HF}/stress`, hedgefund);
    expect(body.scenarios.map((s: { scenarioKey: string }) => s.scenarioKey)).toEqual(["MARKET_UP_5", "MARKET_DOWN_10", "MARKET_CRASH"]);
    const crash = body.scenarios[2];
    const stored = await getPrisma().stressResult.findFirstOrThrow({ where: { portfolioId: HF, scenarioKey: "MARKET_CRASH" } });
    expect(crash).toMatchObject({
      name: "Market crash −35 %",
      directPnl: stored.directPnl,
      correlatedPnl: stored.correlatedPnl,
      directPct: stored.directPct,
      correlatedPct: stored.correlatedPct,
      difference: stored.correlatedPnl - stored.directPnl,
      newNav: stored.newNav,
      exceedsNav: true,
    });
  });

  it("GET /api/portfolios/[id]/stress/[scenarioKey] answers the shock vector and contributions", async () => {
    const { status, body } = await call(getStressOne, `/api/portfolios/${HF}/stress/MARKET_DOWN_10`, hedgefund, { id: HF, scenarioKey: "MARKET_DOWN_10" });
    expect(status).toBe(200);
    expect(body.scenario).toMatchObject({ scenarioKey: "MARKET_DOWN_10", directPnl: -170_000, correlatedPnl: -190_000 });
    expect(body.shockVector).toHaveLength(8);
    // The direct part of a shocked factor: its stored dollar exposure × the shock (SPY −10 %).
    const market = await getPrisma().portfolioFactorExposure.findUniqueOrThrow({ where: { portfolioId_date_factor: { portfolioId: HF, date: toDbDate(AS_OF), factor: "MARKET" } } });
    expect(body.factorContributions.find((f: { factor: string }) => f.factor === "MARKET")).toMatchObject({ proxy: "SPY", shock: -0.1, direct: market.dollars * -0.1, given: true });
    expect(body.factorContributions.find((f: { factor: string }) => f.factor === "VALUE")).toMatchObject({ proxy: "VTV", shock: -0.02, direct: null, given: false });
    // Derived on read from the stored exposures, option gammas, symbol stress betas and shock vector:
    // r = Σ β·shock per symbol; linear = exposure · r; an option adds ½ Γ · quantity · multiplier · (S · r)².
    const prisma = getPrisma();
    const positions = await prisma.position.findMany({ where: { portfolioId: HF }, orderBy: { symbol: "asc" } });
    const symbols = fixtureSymbols(positions);
    const valuations = await prisma.positionValuation.findMany({ where: { portfolioId: HF, date: toDbDate(AS_OF) } });
    const greeks = await prisma.optionGreek.findMany({ where: { portfolioId: HF, date: toDbDate(AS_OF) } });
    const want = valuations
      .map((v) => {
        const p = positions.find((x) => x.id === v.positionId)!;
        const riskSymbol = p.investmentClass === "OPTIONS" ? p.underlying! : p.symbol;
        const r = STRESS_PROXIES.reduce((sum, proxy) => sum + stressBeta(symbols.indexOf(riskSymbol), proxy) * stressShock(proxy), 0);
        const g = greeks.find((x) => x.positionId === v.positionId);
        const gamma = g ? 0.5 * g.gamma * p.quantity * p.multiplier * (g.underlyingPrice * r) ** 2 : 0;
        return { positionId: v.positionId, symbol: p.symbol, riskSymbol, exposure: v.exposure, linear: v.exposure * r, gamma, total: v.exposure * r + gamma };
      })
      .filter((p) => positions.find((x) => x.id === p.positionId)!.investmentClass !== "PRIVATE")
      .sort((a, b) => Math.abs(b.total) - Math.abs(a.total));
    expect(greeks.length).toBeGreaterThan(0);
    expect(body.positionContributions).toHaveLength(want.length);
    body.positionContributions.forEach((got: (typeof want)[number], i: number) => {
      expect(got).toMatchObject({ positionId: want[i]!.positionId, symbol: want[i]!.symbol, riskSymbol: want[i]!.riskSymbol, exposure: want[i]!.exposure });
      for (const k of ["linear", "gamma", "total"] as const) expect(Math.abs(got[k] - want[i]![k])).toBeLessThanOrEqual(1e-10 * Math.max(1, Math.abs(want[i]![k])));
    });
    expect(body.positionContributions.some((p: { gamma: number }) => p.gamma !== 0)).toBe(true);
  });

  it("GET /api/portfolios/[id]/stress/[scenarioKey] answers 404 for an unknown scenario", async () => {
    const { status, body } = await call(getStressOne, `/api/portfolios/${HF}/stress/NOPE`, hedgefund, { id: HF, scenarioKey: "NOPE" });
    expect(status).toBe(404);
    expect(body.error.code).toBe("not_found");
  });

  it("GET /api/portfolios/[id]/stress/[scenarioKey] answers 422 for a malformed key and 404 for another manager", async () => {
    expect((await call(getStressOne, `/api/portfolios/${HF}/stress/x`, hedgefund, { id: HF, scenarioKey: "a b" })).status).toBe(422);
    expect((await call(getStressOne, `/api/portfolios/${HF}/stress/MARKET_DOWN_10`, individual, { id: HF, scenarioKey: "MARKET_DOWN_10" })).status).toBe(404);
  });

  it("GET /api/portfolios/[id]/stress/[scenarioKey] of a known scenario without a result is unavailable", async () => {
    const { status, body } = await call(getStressOne, `/api/portfolios/${HF}/stress/GFC_2008`, hedgefund, { id: HF, scenarioKey: "GFC_2008" });
    expect(status).toBe(200);
    expect(body).toMatchObject({ available: false, asOfDate: AS_OF, reason: "NOT_COMPUTED" });
  });
});

describe("GET /api/portfolios/[id]/volatility and /var", () => {
  it("answers realized and forecast vol with the history of every complete snapshot", async () => {
    const { body } = await call(getVolatility, `/api/portfolios/${HF}/volatility`, hedgefund);
    expect(body).toMatchObject({ available: true, asOfDate: AS_OF, vol21: 0.18, vol63: 0.21, forecastHar: 0.19, forecastEwma: 0.2, percentile: 0.42, trend: "rising" });
    expect(body.history).toEqual([
      { date: EARLIER, vol21: 0.17, forecastHar: 0.19, forecastEwma: 0.2 },
      { date: AS_OF, vol21: 0.18, forecastHar: 0.19, forecastEwma: 0.2 },
    ]);
  });

  it("answers VaR and ES at 95/99 % in dollars and % of NAV", async () => {
    const { body } = await call(getVar, `/api/portfolios/${HF}/var`, hedgefund);
    expect(body.rows).toHaveLength(4);
    expect(body.rows[1]).toEqual({ method: "historical", confidence: 0.99, var: 83_000, varPct: 83_000 / 3_312_345.5, es: 99_000, esPct: 99_000 / 3_312_345.5 });
  });

  it("carries the batch's reason for a private-only portfolio", async () => {
    const { body } = await call(getVolatility, `/api/portfolios/${PRIVATE}/volatility`, familyoffice, { id: PRIVATE });
    expect(body).toMatchObject({ available: false, reason: "NO_PUBLIC_POSITIONS", detail: "only private holdings" });
  });
});

describe("GET /api/portfolios/[id]/correlations, /concentration, /sectors", () => {
  it("answers the stored correlation matrix, row by row from its flat array", async () => {
    const { body } = await call(getCorrelations, `/api/portfolios/${HF}/correlations`, hedgefund);
    expect(body).toMatchObject({ available: true, ...correlation, averageAbsCorrelation: 0.2567, effectiveBets: 2.1, n: 3 });
  });

  it("answers HHI and top shares from the snapshot and weights merged by risk symbol", async () => {
    const { body } = await call(getConcentration, `/api/portfolios/${HF}/concentration`, hedgefund);
    expect(body).toMatchObject({ available: true, hhi: 612.5, effectivePositions: 16.33, top3Share: 0.24, top10Share: 0.61 });
    const weights = body.weights as { symbol: string; weight: number }[];
    expect(weights.reduce((s, w) => s + w.weight, 0)).toBeCloseTo(1, 12);
    expect(new Set(weights.map((w) => w.symbol)).size).toBe(weights.length);
    // NVDA's stock and its call merge into one weight.
    expect(weights.filter((w) => w.symbol.startsWith("NVDA"))).toHaveLength(1);
  });

  it("answers the sector buckets", async () => {
    const { body } = await call(getSectors, `/api/portfolios/${HF}/sectors`, hedgefund);
    expect(body).toMatchObject({ available: true, asOfDate: AS_OF, buckets: sectorExposure.buckets, unclassified: sectorExposure.unclassified });
  });
});

describe("GET /api/portfolios/[id]/positions", () => {
  it("answers every position with its valuation and an option's Greeks", async () => {
    const { body } = await call(getPositions, `/api/portfolios/${HF}/positions`, hedgefund);
    const count = await getPrisma().position.count({ where: { portfolioId: HF } });
    expect(body).toMatchObject({ available: true, asOfDate: AS_OF });
    expect(body.positions).toHaveLength(count);
    const withGreeks = body.positions.filter((p: { greeks: unknown }) => p.greeks !== null);
    expect(withGreeks).toHaveLength(1);
    expect(withGreeks[0]).toMatchObject({ investmentClass: "OPTIONS", greeks: { delta: 0.55, gamma: 0.02 } });
    expect(body.positions.every((p: { valuation: unknown }) => p.valuation !== null)).toBe(true);
  });

  it("lists positions before any valuation with the reason", async () => {
    const { body } = await call(getPositions, `/api/portfolios/${EMPTY}/positions`, individual, { id: EMPTY });
    expect(body).toMatchObject({ available: false, reason: "NOT_COMPUTED", asOfDate: null });
    expect(body.positions.length).toBeGreaterThan(5);
    expect(body.positions[0].valuation).toBeNull();
  });
});
