// Absurd but finite numbers (issue 16, finding 6): 1e308 shares was stored and then failed the book's
// batch. Quantities, prices and marks are bounded at the API and in CSV rows: 422 naming the field,
// nothing written; the largest allowed values are accepted.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as position from "@/app/api/portfolios/[id]/positions/[positionId]/route";
import * as positionImport from "@/app/api/portfolios/[id]/positions/import/route";
import * as scenarios from "@/app/api/scenarios/route";
import { MAX_ABS_QUANTITY, MAX_PRICE } from "@/lib/contracts/positions";
import { getPool } from "@/lib/db/pool";
import { appRequest, routeParams, sessionCookie, useSeededDatabase } from "../helpers";
import { writableRowCounts } from "./security-helpers";

const PORTFOLIO = "demo-individual";
const HEADER = "symbol,quantity,entry_price,entry_date,type,class,subtype,underlying,strike,expiry,exit_price,exit_date";

let owner: string;
let hnw: string;
let positionId: string;
let privatePositionId: string;

beforeAll(async () => {
  await useSeededDatabase();
  owner = await sessionCookie("individual@riskline.dev");
  hnw = await sessionCookie("hnw@riskline.dev");
  positionId = (await getPool().query<{ id: string }>(`SELECT id FROM positions WHERE portfolio_id = $1 AND symbol = 'KO'`, [PORTFOLIO])).rows[0]!.id;
  privatePositionId = (await getPool().query<{ id: string }>(`SELECT id FROM positions WHERE portfolio_id = 'demo-hnw' AND investment_class = 'PRIVATE' ORDER BY id LIMIT 1`)).rows[0]!.id;
});

afterAll(async () => {
  await getPool().query(`DELETE FROM stress_scenarios WHERE key LIKE 'CUSTOM_BOUNDS_%'`);
});

async function json(res: Response) {
  return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string; details?: { errors: { row: number; field: string | null }[] } }; errors?: { row: number; field: string | null }[]; valid?: boolean } };
}

const patch = async (body: unknown, portfolio = PORTFOLIO, id = positionId, cookie = owner) =>
  json(await position.PATCH(appRequest(`/api/portfolios/${portfolio}/positions/${id}`, { method: "PATCH", cookie, body }), routeParams({ id: portfolio, positionId: id })));

const importCsv = async (csv: string, mode: "preview" | "commit") =>
  json(await positionImport.POST(appRequest(`/api/portfolios/${PORTFOLIO}/positions/import`, { method: "POST", cookie: owner, body: { csv, mode } }), routeParams({ id: PORTFOLIO })));

describe("refused, with nothing written", () => {
  let before: Record<string, number>;
  beforeEach(async () => {
    before = await writableRowCounts();
    return async () => expect(await writableRowCounts()).toEqual(before);
  });

  it.each([
    [{ quantity: 1e308 }, "body.quantity"],
    [{ quantity: -1e308 }, "body.quantity"],
    [{ quantity: MAX_ABS_QUANTITY * 10 }, "body.quantity"],
    [{ entryPrice: 1e308 }, "body.entryPrice"],
    [{ entryPrice: MAX_PRICE * 10 }, "body.entryPrice"],
    [{ exitPrice: 1e308, exitDate: "2026-07-01" }, "body.exitPrice"],
  ])("PATCH /api/portfolios/[id]/positions/[positionId] with %j answers 422 naming %s", async (body, field) => {
    const res = await patch(body);
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: "unprocessable_entity", message: expect.stringContaining(field) });
  });

  it("PATCH of a private mark of 1e308 answers 422 naming body.privateMark.price", async () => {
    const res = await patch({ privateMark: { date: "2026-07-13", price: 1e308 } }, "demo-hnw", privatePositionId, hnw);
    expect(res.status).toBe(422);
    expect(res.body.error?.message).toContain("body.privateMark.price");
  });

  it.each([
    ["quantity", "MSFT,1e308,400,2026-01-05,LONG,PUBLIC,,,,,,"],
    ["quantity", "MSFT,-1e308,400,2026-01-05,SHORT,PUBLIC,,,,,,"],
    ["entry_price", "MSFT,1,1e308,2026-01-05,LONG,PUBLIC,,,,,,"],
    ["exit_price", "MSFT,1,400,2026-01-05,LONG,PUBLIC,,,,,1e308,2026-02-02"],
    ["strike", "AAPL260918C00200000,1,5,2026-01-05,LC,OPTIONS,,AAPL,1e308,2026-09-18,,"],
  ])("a CSV row with an absurd %s is an error on that cell in preview and commit", async (field, row) => {
    const preview = await importCsv(`${HEADER}\n${row}\n`, "preview");
    expect(preview.status).toBe(200);
    expect(preview.body.valid).toBe(false);
    expect(preview.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ row: 2, field })]));
    const commit = await importCsv(`${HEADER}\n${row}\n`, "commit");
    expect(commit.status).toBe(422);
    expect(commit.body.error?.details?.errors).toEqual(expect.arrayContaining([expect.objectContaining({ row: 2, field })]));
  });

  it.each([
    [{ kind: "fixed", factors: { MARKET: 1e308 } }, "body.shocks.factors.MARKET"],
    [{ kind: "fixed", factors: {}, rateBp: 1e308 }, "body.shocks.rateBp"],
  ])("POST /api/scenarios with shocks %j answers 422 naming %s", async (shocks, field) => {
    const body = { key: "CUSTOM_BOUNDS_1", name: "Bounds", category: "market", description: "", shocks };
    const res = await json(await scenarios.POST(appRequest("/api/scenarios", { method: "POST", cookie: owner, body }), routeParams()));
    expect(res.status).toBe(422);
    expect(res.body.error?.message).toContain(field);
  });
});

describe("the largest allowed figures are accepted", () => {
  it(`PATCH with quantity ${MAX_ABS_QUANTITY} and entry price ${MAX_PRICE} is stored`, async () => {
    const res = await patch({ quantity: MAX_ABS_QUANTITY, entryPrice: MAX_PRICE });
    expect(res.status).toBe(200);
    const { rows } = await getPool().query<{ quantity: number; entry_price: number }>(`SELECT quantity, entry_price FROM positions WHERE id = $1`, [positionId]);
    expect(rows[0]).toEqual({ quantity: MAX_ABS_QUANTITY, entry_price: MAX_PRICE });
  });
});
