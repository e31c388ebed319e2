// Impossible dates at every edge that takes one (issue 16, finding 3): year 0, a 31st of February, a
// 13th month. Each answers 422 naming the field, and nothing is written; before the one calendar-aware
// schema some of them reached PostgreSQL and answered 500.
import { NextRequest } from "next/server";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as freshness from "@/app/api/admin/freshness/route";
import * as runPhases from "@/app/api/admin/runs/[runId]/phases/route";
import * as runs from "@/app/api/admin/runs/route";
import * as concentration from "@/app/api/portfolios/[id]/concentration/route";
import * as correlations from "@/app/api/portfolios/[id]/correlations/route";
import * as factors from "@/app/api/portfolios/[id]/factors/route";
import * as overview from "@/app/api/portfolios/[id]/overview/route";
import * as position from "@/app/api/portfolios/[id]/positions/[positionId]/route";
import * as positionImport from "@/app/api/portfolios/[id]/positions/import/route";
import * as positions from "@/app/api/portfolios/[id]/positions/route";
import * as sectors from "@/app/api/portfolios/[id]/sectors/route";
import * as snapshots from "@/app/api/portfolios/[id]/snapshots/route";
import * as stressScenario from "@/app/api/portfolios/[id]/stress/[scenarioKey]/route";
import * as stress from "@/app/api/portfolios/[id]/stress/route";
import * as valueAtRisk from "@/app/api/portfolios/[id]/var/route";
import * as volatility from "@/app/api/portfolios/[id]/volatility/route";
import * as performance from "@/app/api/portfolios/[id]/performance/route";
import * as scenarios from "@/app/api/scenarios/route";
import { getPool } from "@/lib/db/pool";
import { appRequest, routeParams, sessionCookie, useSeededDatabase } from "../helpers";
import { writableRowCounts } from "./security-helpers";

type RouteHandler = (req: NextRequest, ctx: ReturnType<typeof routeParams>) => Promise<Response>;

const PORTFOLIO = "demo-individual";
const IMPOSSIBLE = ["0000-01-01", "2026-02-31", "2020-13-45", "2026-00-10", "9999-12-31"];
const CSV_HEADER = "symbol,quantity,entry_price,entry_date,type,class";

let owner: string;
let admin: string;
let positionId: string;
let before: Record<string, number>;

beforeAll(async () => {
  await useSeededDatabase();
  owner = await sessionCookie("individual@riskline.dev");
  admin = await sessionCookie("admin@riskline.dev");
  const { rows } = await getPool().query<{ id: string }>(`SELECT id FROM positions WHERE portfolio_id = $1 AND symbol = 'KO'`, [PORTFOLIO]);
  positionId = rows[0]!.id;
});

beforeEach(async () => {
  before = await writableRowCounts();
});

afterEach(async () => {
  expect(await writableRowCounts()).toEqual(before);
  expect((await getPool().query(`SELECT 1 FROM stress_scenarios WHERE key LIKE 'CUSTOM_DATES_%'`)).rowCount).toBe(0);
});

async function expect422(handler: RouteHandler, path: string, params: Record<string, string>, field: string, init: { method?: string; body?: unknown; cookie?: string } = {}) {
  const res = await handler(appRequest(path, { cookie: owner, ...init }), routeParams(params));
  const body = (await res.json()) as { error?: { code: string; message: string } };
  expect(res.status, JSON.stringify(body).slice(0, 300)).toBe(422);
  expect(body.error).toMatchObject({ code: "unprocessable_entity", message: expect.stringContaining(field) });
}

const ANALYTICS: [string, RouteHandler, string, Record<string, string>][] = [
  ["overview", overview.GET, "/overview", {}],
  ["factors", factors.GET, "/factors", {}],
  ["stress", stress.GET, "/stress", {}],
  ["stress/[scenarioKey]", stressScenario.GET, "/stress/COVID_2020", { scenarioKey: "COVID_2020" }],
  ["volatility", volatility.GET, "/volatility", {}],
  ["var", valueAtRisk.GET, "/var", {}],
  ["correlations", correlations.GET, "/correlations", {}],
  ["concentration", concentration.GET, "/concentration", {}],
  ["sectors", sectors.GET, "/sectors", {}],
  ["performance", performance.GET, "/performance", {}],
  ["positions", positions.GET, "/positions", {}],
];

describe("analytics endpoints: ?date", () => {
  it.each(ANALYTICS.flatMap(([name, handler, suffix, params]) => IMPOSSIBLE.map((date) => ({ name: `GET /api/portfolios/[id]/${name}?date=${date}`, handler, suffix, params, date }))))(
    "$name answers 422 naming query.date",
    async ({ handler, suffix, params, date }) => {
      await expect422(handler, `/api/portfolios/${PORTFOLIO}${suffix}?date=${date}`, { id: PORTFOLIO, ...params }, "query.date");
    },
  );
});

describe("GET /api/portfolios/[id]/snapshots", () => {
  it.each(IMPOSSIBLE.flatMap((date) => ["from", "to"].map((key) => ({ key, date }))))("?$key=$date answers 422 naming query.$key", async ({ key, date }) => {
    await expect422(snapshots.GET, `/api/portfolios/${PORTFOLIO}/snapshots?${key}=${date}`, { id: PORTFOLIO }, `query.${key}`);
  });
});

describe("POST /api/scenarios: a replay between impossible dates", () => {
  it.each(IMPOSSIBLE.flatMap((date) => [{ date, field: "from" }, { date, field: "to" }]))("shocks.$field = $date answers 422 naming body.shocks.$field", async ({ date, field }) => {
    const shocks = { kind: "replay", from: "2020-02-19", to: "2020-03-23", [field]: date };
    const body = { key: "CUSTOM_DATES_1", name: "Dates", category: "historical", description: "", shocks };
    await expect422(scenarios.POST, "/api/scenarios", {}, `body.shocks.${field}`, { method: "POST", body });
  });
});

describe("PATCH /api/portfolios/[id]/positions/[positionId]", () => {
  const patch = (body: unknown, field: string) =>
    expect422(position.PATCH, `/api/portfolios/${PORTFOLIO}/positions/${positionId}`, { id: PORTFOLIO, positionId }, field, { method: "PATCH", body });

  it.each(IMPOSSIBLE)("entryDate %s answers 422 naming body.entryDate", async (date) => patch({ entryDate: date }, "body.entryDate"));
  it.each(IMPOSSIBLE)("exitDate %s answers 422 naming body.exitDate", async (date) => patch({ exitDate: date, exitPrice: 50 }, "body.exitDate"));
  it.each(IMPOSSIBLE)("privateMark.date %s answers 422 naming body.privateMark.date", async (date) => patch({ privateMark: { date, price: 10 } }, "body.privateMark.date"));
});

describe("POST /api/portfolios/[id]/positions/import: a row with an impossible date", () => {
  it.each(IMPOSSIBLE.flatMap((date) => ["preview", "commit"].map((mode) => ({ date, mode }))))("$mode of entry_date $date names the row and column", async ({ date, mode }) => {
    const res = await positionImport.POST(
      appRequest(`/api/portfolios/${PORTFOLIO}/positions/import`, { method: "POST", cookie: owner, body: { csv: `${CSV_HEADER}\nMSFT,1,400,${date},LONG,PUBLIC\n`, mode } }),
      routeParams({ id: PORTFOLIO }),
    );
    const body = (await res.json()) as { valid?: boolean; error?: { code: string; details?: { errors: unknown[] } } };
    const errors = mode === "preview" ? (body as { errors?: unknown[] }).errors : body.error?.details?.errors;
    expect(res.status, JSON.stringify(body).slice(0, 300)).toBe(mode === "preview" ? 200 : 422);
    if (mode === "preview") expect(body.valid).toBe(false);
    expect(errors).toEqual([expect.objectContaining({ row: 2, field: "entry_date" })]);
  });
});

describe("admin endpoints", () => {
  it.each(IMPOSSIBLE)("GET /api/admin/runs/[runId]/phases?date=%s answers 422 naming query.date", async (date) => {
    await expect422(runPhases.GET, `/api/admin/runs/any/phases?date=${date}`, { runId: "any" }, "query.date", { cookie: admin });
  });

  it.each(IMPOSSIBLE)("GET /api/admin/freshness?asOf=%s answers 422 naming query.asOf", async (date) => {
    await expect422(freshness.GET, `/api/admin/freshness?asOf=${date}`, {}, "query.asOf", { cookie: admin });
  });

  it.each(IMPOSSIBLE.flatMap((date) => [
    { date, body: { asOfDate: date }, field: "body.asOfDate" },
    { date, body: { force: { from: date, to: "2026-07-13" } }, field: "body.force.from" },
    { date, body: { force: { from: "2026-07-13", to: date } }, field: "body.force.to" },
  ]))("POST /api/admin/runs with $field = $date answers 422 naming it", async ({ body, field }) => {
    await expect422(runs.POST, "/api/admin/runs", {}, field, { method: "POST", body, cookie: admin });
  });
});
