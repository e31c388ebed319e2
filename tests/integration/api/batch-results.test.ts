// The analytics endpoints over what the real batch wrote: every number the API answers is the stored one.
import { beforeAll, describe, expect, it } from "vitest";
import type { NextRequest } from "next/server";
import { GET as getConcentration } from "@/app/api/portfolios/[id]/concentration/route";
import { GET as getFactors } from "@/app/api/portfolios/[id]/factors/route";
import { GET as getOverview } from "@/app/api/portfolios/[id]/overview/route";
import { GET as getPositions } from "@/app/api/portfolios/[id]/positions/route";
import { GET as getStress } from "@/app/api/portfolios/[id]/stress/route";
import { GET as getStressOne } from "@/app/api/portfolios/[id]/stress/[scenarioKey]/route";
import { GET as getVar } from "@/app/api/portfolios/[id]/var/route";
import { GET as getVolatility } from "@/app/api/portfolios/[id]/volatility/route";
import { runLocalBatch } from "@/lib/batch/local-executor";
import { toDbDate } from "@/lib/dates";
import { getPrisma } from "@/lib/db/prisma";
import { DEMO_PORTFOLIOS } from "@/lib/seed/demo-portfolios";
import { SCENARIOS } from "@/lib/stress/scenarios";
import { appRequest, routeParams, sessionCookie, useSeededDatabase } from "../helpers";

type Route = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

const HF = "demo-hedgefund";
const AS_OF = "2026-07-13";
let hedgefund: string;
let familyoffice: string;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
async function get(route: Route, path: string, cookie: string, params: Record<string, string> = { id: HF }): Promise<any> {
  const res = await route(appRequest(path, { cookie }), routeParams(params));
  expect(res.status).toBe(200);
  return res.json();
}

beforeAll(async () => {
  await useSeededDatabase();
  await runLocalBatch({ trigger: "CLI", portfolioIds: [HF, "demo-fo-private"], asOfDate: AS_OF });
  [hedgefund, familyoffice] = await Promise.all([sessionCookie("hedgefund@riskline.dev"), sessionCookie("familyoffice@riskline.dev")]);
}, 600_000);

describe("analytics after the batch ran (demo-hedgefund)", () => {
  it("GET /api/portfolios/[id]/overview answers the latest complete snapshot", async () => {
    const body = await get(getOverview, `/api/portfolios/${HF}/overview`, hedgefund);
    const s = await getPrisma().snapshot.findUniqueOrThrow({ where: { portfolioId_date: { portfolioId: HF, date: toDbDate(AS_OF) } } });
    expect(body).toMatchObject({ available: true, asOfDate: AS_OF, nav: s.nav, pnlDay: s.pnlDay, grossExposure: s.grossExposure, cash: s.cash, numShort: s.numShort });
  });

  it("GET /api/portfolios/[id]/factors answers the stored exposures and per-position betas", async () => {
    const body = await get(getFactors, `/api/portfolios/${HF}/factors?positions=1`, hedgefund);
    const rows = await getPrisma().portfolioFactorExposure.findMany({ where: { portfolioId: HF, date: toDbDate(AS_OF) } });
    expect(rows.length).toBe(12);
    for (const r of rows) expect(body.factors.find((f: { factor: string }) => f.factor === r.factor)).toMatchObject({ beta: r.beta, dollars: r.dollars, coverage: r.coverage });
    const nvda = body.positions.find((p: { symbol: string }) => p.symbol === "NVDA");
    const beta = await getPrisma().symbolFactorBeta.findUniqueOrThrow({ where: { symbol_date_factor: { symbol: "NVDA", date: toDbDate(AS_OF), factor: "MARKET" } } });
    expect(nvda.betas.MARKET).toBe(beta.beta);
  });

  it("GET /api/portfolios/[id]/stress answers every registry scenario, and one with its contributions", async () => {
    const body = await get(getStress, `/api/portfolios/${HF}/stress`, hedgefund);
    expect(body.scenarios.map((s: { scenarioKey: string }) => s.scenarioKey)).toEqual(SCENARIOS.map((s) => s.key));
    const stored = await getPrisma().stressResult.findUniqueOrThrow({ where: { portfolioId_date_scenarioKey: { portfolioId: HF, date: toDbDate(AS_OF), scenarioKey: "MARKET_CRASH" } } });
    const one = await get(getStressOne, `/api/portfolios/${HF}/stress/MARKET_CRASH`, hedgefund, { id: HF, scenarioKey: "MARKET_CRASH" });
    expect(one.scenario).toMatchObject({ directPnl: stored.directPnl, correlatedPnl: stored.correlatedPnl, newNav: stored.newNav, exceedsNav: stored.exceedsNav });
    expect(one.shockVector).toHaveLength(8);
    // Per-position contributions are derived on read (stored exposures, gammas, symbol stress betas and
    // shock vector): every scenario's add up to the correlated P&L the batch stored, options' gamma included.
    for (const { key } of SCENARIOS) {
      const row = await getPrisma().stressResult.findUniqueOrThrow({ where: { portfolioId_date_scenarioKey: { portfolioId: HF, date: toDbDate(AS_OF), scenarioKey: key } } });
      const detail = await get(getStressOne, `/api/portfolios/${HF}/stress/${key}`, hedgefund, { id: HF, scenarioKey: key });
      const sum = detail.positionContributions.reduce((t: number, p: { total: number }) => t + p.total, 0);
      expect(Math.abs(sum - row.correlatedPnl), key).toBeLessThanOrEqual(1e-8 * Math.abs(row.correlatedPnl));
      const linear = detail.factorContributions.reduce((t: number, f: { correlated: number }) => t + f.correlated, 0);
      const gamma = detail.positionContributions.reduce((t: number, p: { gamma: number }) => t + p.gamma, 0);
      expect(Math.abs(linear + gamma - row.correlatedPnl), key).toBeLessThanOrEqual(1e-8 * Math.abs(row.correlatedPnl));
    }
    const crash = await get(getStressOne, `/api/portfolios/${HF}/stress/MARKET_CRASH`, hedgefund, { id: HF, scenarioKey: "MARKET_CRASH" });
    expect(crash.positionContributions.filter((p: { gamma: number }) => p.gamma !== 0).length).toBeGreaterThan(0);
  });

  it("GET /api/portfolios/[id]/volatility, /var and /concentration answer the snapshot's figures", async () => {
    const s = await getPrisma().snapshot.findUniqueOrThrow({ where: { portfolioId_date: { portfolioId: HF, date: toDbDate(AS_OF) } } });
    const vol = await get(getVolatility, `/api/portfolios/${HF}/volatility`, hedgefund);
    expect(vol).toMatchObject({ vol21: s.vol21, vol63: s.vol63, forecastHar: s.volForecastHar, forecastEwma: s.volForecastEwma });
    expect(vol.history.at(-1)).toEqual({ date: AS_OF, vol21: s.vol21, forecastHar: s.volForecastHar, forecastEwma: s.volForecastEwma });
    const risk = await get(getVar, `/api/portfolios/${HF}/var`, hedgefund);
    expect(risk.rows[1]).toMatchObject({ var: s.var99Hist, es: s.es99Hist });
    const conc = await get(getConcentration, `/api/portfolios/${HF}/concentration`, hedgefund);
    expect(conc.hhi).toBe(s.hhi);
    // The weights recomputed from the stored valuations give the stored HHI.
    const hhi = conc.weights.reduce((t: number, w: { weight: number }) => t + w.weight ** 2, 0) * 10_000;
    expect(hhi).toBeCloseTo(s.hhi!, 6);
  });

  it("GET /api/portfolios/[id]/positions answers each position's stored valuation", async () => {
    const body = await get(getPositions, `/api/portfolios/${HF}/positions`, hedgefund);
    const valuations = await getPrisma().positionValuation.findMany({ where: { portfolioId: HF, date: toDbDate(AS_OF) } });
    // Every seeded position is listed; each one held on the as-of date has a valuation, the options that
    // expired before it (2026-01-16 and 2026-06-18) have none.
    const { holdings } = DEMO_PORTFOLIOS.find((p) => p.id === HF)!;
    const held = holdings.filter((h) => h.kind !== "option" || h.expiry >= AS_OF);
    expect(holdings.length - held.length).toBe(2);
    expect(body.positions).toHaveLength(holdings.length);
    expect(valuations).toHaveLength(held.length);
    const unvalued = body.positions.filter((p: { valuation: unknown }) => p.valuation === null).map((p: { symbol: string }) => p.symbol);
    expect(unvalued.sort()).toEqual(["NVDA260116C00180000", "QQQ260618P00510000"]);
    for (const v of valuations) {
      expect(body.positions.find((p: { id: string }) => p.id === v.positionId).valuation).toMatchObject({ exposure: v.exposure, weight: v.weight, pnlTotal: v.pnlTotal });
    }
  });

  it("the private-only portfolio is valued and its market sections say NO_PUBLIC_POSITIONS", async () => {
    const params = { id: "demo-fo-private" };
    const overview = await get(getOverview, "/api/portfolios/demo-fo-private/overview", familyoffice, params);
    expect(overview).toMatchObject({ available: true, asOfDate: AS_OF });
    expect(overview.nav).toBeGreaterThan(0);
    const factors = await get(getFactors, "/api/portfolios/demo-fo-private/factors", familyoffice, params);
    expect(factors).toMatchObject({ available: false, reason: "NO_PUBLIC_POSITIONS" });
  });
});
