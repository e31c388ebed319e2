// Bad input to every route handler (docs/ARCHITECTURE.md, "Requests"): malformed JSON, wrong types, out-of-range numbers,
// unknown ids, oversized bodies, hostile strings in paths, queries and bodies, and broken CSV files.
// Each answers a 4xx with `{ error: { code, message } }` naming the field, and nothing is written.
import { NextRequest } from "next/server";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as freshness from "@/app/api/admin/freshness/route";
import * as runPhases from "@/app/api/admin/runs/[runId]/phases/route";
import * as run from "@/app/api/admin/runs/[runId]/route";
import * as runs from "@/app/api/admin/runs/route";
import * as concentration from "@/app/api/portfolios/[id]/concentration/route";
import * as correlations from "@/app/api/portfolios/[id]/correlations/route";
import * as factors from "@/app/api/portfolios/[id]/factors/route";
import * as overview from "@/app/api/portfolios/[id]/overview/route";
import * as position from "@/app/api/portfolios/[id]/positions/[positionId]/route";
import * as positionImport from "@/app/api/portfolios/[id]/positions/import/route";
import * as positions from "@/app/api/portfolios/[id]/positions/route";
import * as portfolio from "@/app/api/portfolios/[id]/route";
import * as sectors from "@/app/api/portfolios/[id]/sectors/route";
import * as snapshots from "@/app/api/portfolios/[id]/snapshots/route";
import * as stressScenario from "@/app/api/portfolios/[id]/stress/[scenarioKey]/route";
import * as stress from "@/app/api/portfolios/[id]/stress/route";
import * as valueAtRisk from "@/app/api/portfolios/[id]/var/route";
import * as volatility from "@/app/api/portfolios/[id]/volatility/route";
import * as performance from "@/app/api/portfolios/[id]/performance/route";
import { getPool } from "@/lib/db/pool";
import { routeParams, sessionCookie, TEST_ORIGIN, useSeededDatabase } from "../helpers";
import { AS_OF, writableRowCounts } from "./security-helpers";

type RouteHandler = (req: NextRequest, ctx: ReturnType<typeof routeParams>) => Promise<Response>;

const PORTFOLIO = "demo-individual";
const HOSTILE = {
  sql: "x' OR '1'='1'; DROP TABLE positions; --",
  html: '<script>alert("x")</script>',
  long: "A".repeat(10_000),
  nul: "demo\u0000individual",
  unicode: "demo-individual\u202e💥ü",
} as const;
const HOSTILE_CASES = Object.entries(HOSTILE).map(([kind, value]) => ({ kind, value }));

let owner: string;
let admin: string;
/** Manages demo-hnw, whose private holdings the mark tests edit (only a book's manager edits it). */
let hnw: string;
let positionId: string;
let privatePositionId: string;

/** Sends raw bytes or text as the body, exactly as given. */
function request(path: string, init: { method?: string; cookie: string; body?: string | Uint8Array<ArrayBuffer>; contentLength?: number }): NextRequest {
  const headers = new Headers({ origin: TEST_ORIGIN, host: new URL(TEST_ORIGIN).host, cookie: init.cookie });
  if (init.body !== undefined) headers.set("content-type", "application/json");
  if (init.contentLength !== undefined) headers.set("content-length", String(init.contentLength));
  return new NextRequest(new URL(path, TEST_ORIGIN), { method: init.method ?? "GET", headers, ...(init.body === undefined ? {} : { body: init.body }) });
}

interface ErrorBody {
  error: { code: string; message: string; details?: { fields?: { field: string }[]; errors?: { row: number; field: string | null; message: string }[] } };
}

async function send(handler: RouteHandler, path: string, params: Record<string, string>, init: { method?: string; cookie?: string; body?: string | Uint8Array<ArrayBuffer>; contentLength?: number } = {}) {
  const res = await handler(request(path, { cookie: owner, ...init }), routeParams(params));
  return { status: res.status, body: (await res.json()) as ErrorBody };
}

/** Asserts a 4xx error naming `field` in its message. */
function expectError(res: { status: number; body: ErrorBody }, status: number, code: string, field?: string) {
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(status);
  expect(res.body.error.code).toBe(code);
  if (field) expect(res.body.error.message).toContain(field);
}

async function positionsDigest(): Promise<string> {
  const { rows } = await getPool().query<{ d: string }>(
    `SELECT md5(coalesce(string_agg(concat_ws('|', id, symbol, quantity, entry_price, entry_date, exit_price, exit_date), ',' ORDER BY id), '')) AS d FROM positions`,
  );
  return rows[0]!.d;
}

let countsBefore: Record<string, number>;
let digestBefore: string;

beforeAll(async () => {
  await useSeededDatabase();
  owner = await sessionCookie("individual@riskline.dev");
  admin = await sessionCookie("admin@riskline.dev");
  hnw = await sessionCookie("hnw@riskline.dev");
  const { rows } = await getPool().query<{ id: string }>(`SELECT id FROM positions WHERE portfolio_id = $1 AND symbol = 'KO'`, [PORTFOLIO]);
  positionId = rows[0]!.id;
  const { rows: priv } = await getPool().query<{ id: string }>(`SELECT id FROM positions WHERE portfolio_id = 'demo-hnw' AND investment_class = 'PRIVATE' ORDER BY id LIMIT 1`);
  privatePositionId = priv[0]!.id;
});

beforeEach(async () => {
  countsBefore = await writableRowCounts();
  digestBefore = await positionsDigest();
});

// Every case in this file is refused: afterwards nothing may have been written.
afterEach(async () => {
  expect(await writableRowCounts()).toEqual(countsBefore);
  expect(await positionsDigest()).toBe(digestBefore);
});

const patchPath = () => `/api/portfolios/${PORTFOLIO}/positions/${positionId}`;
const patch = (body: string | Uint8Array<ArrayBuffer>, extra: { contentLength?: number } = {}) =>
  send(position.PATCH, patchPath(), { id: PORTFOLIO, positionId }, { method: "PATCH", body, ...extra });
const importCsv = (body: string | Uint8Array<ArrayBuffer>) =>
  send(positionImport.POST, `/api/portfolios/${PORTFOLIO}/positions/import`, { id: PORTFOLIO }, { method: "POST", body });
const startRun = (body: string | Uint8Array<ArrayBuffer>) => send(runs.POST, "/api/admin/runs", {}, { method: "POST", body, cookie: admin });

describe("malformed JSON bodies answer 400", () => {
  const bodies = ['{"quantity": 10', "not json", "{'quantity': 10}", '{"a":1}{"b":2}'];
  it.each(bodies)("PATCH /api/portfolios/[id]/positions/[positionId] with %j", async (body) => expectError(await patch(body), 400, "bad_request", "not valid JSON"));
  it.each(bodies)("POST /api/portfolios/[id]/positions/import with %j", async (body) => expectError(await importCsv(body), 400, "bad_request", "not valid JSON"));
  it.each(bodies)("POST /api/admin/runs with %j", async (body) => expectError(await startRun(body), 400, "bad_request", "not valid JSON"));
});

describe("wrong types and out-of-range values answer 422 naming the field", () => {
  it.each([
    [{ quantity: "ten" }, "body.quantity"],
    [{ quantity: null }, "body.quantity"],
    [{ entryPrice: -5 }, "body.entryPrice"],
    [{ entryPrice: 0 }, "body.entryPrice"],
    [{ entryDate: "2026-02-30" }, "body.entryDate"],
    [{ entryDate: "13/07/2026" }, "body.entryDate"],
    [{ exitDate: "2019-01-01", exitPrice: 50 }, "body.exitDate"],
    [{ exitPrice: 50 }, "body.exit"],
    [{ privateMark: { date: AS_OF, price: 10 } }, "body.privateMark"],
    [{ quantity: 5, owner: "user-hedgefund" }, "owner"],
    [{ portfolioId: "demo-hedgefund" }, "portfolioId"],
    [[1, 2], "body"],
    [{}, "at least one field"],
  ])("PATCH /api/portfolios/[id]/positions/[positionId] with %j names %s", async (body, field) => {
    expectError(await patch(JSON.stringify(body)), 422, "unprocessable_entity", field);
  });

  it("PATCH with a number too large for a double (1e400 = Infinity) names body.quantity", async () => {
    expectError(await patch('{"quantity": 1e400}'), 422, "unprocessable_entity", "body.quantity");
  });

  it("PATCH of a PRIVATE position's mark with a negative price names body.privateMark.price", async () => {
    const res = await send(position.PATCH, `/api/portfolios/demo-hnw/positions/${privatePositionId}`, { id: "demo-hnw", positionId: privatePositionId }, {
      method: "PATCH",
      cookie: hnw,
      body: JSON.stringify({ privateMark: { date: AS_OF, price: -1 } }),
    });
    expectError(res, 422, "unprocessable_entity", "body.privateMark.price");
  });

  it.each([
    [{ csv: 42, mode: "preview" }, "body.csv"],
    [{ csv: "", mode: "commit" }, "body.csv"],
    [{ csv: "symbol\nMSFT" }, "body.mode"],
    [{ csv: "symbol\nMSFT", mode: "upsert" }, "body.mode"],
    [{ csv: "symbol\nMSFT", mode: "commit", portfolioId: "demo-hedgefund" }, "portfolioId"],
  ])("POST /api/portfolios/[id]/positions/import with %j names %s", async (body, field) => {
    expectError(await importCsv(JSON.stringify(body)), 422, "unprocessable_entity", field);
  });

  it.each([
    [{ portfolioIds: "demo-hnw" }, "body.portfolioIds"],
    [{ portfolioIds: [] }, "body.portfolioIds"],
    [{ portfolioIds: [""] }, "body.portfolioIds.0"],
    [{ portfolioIds: ["no-such-portfolio"] }, "body.portfolioIds.0"],
    [{ force: { from: AS_OF } }, "body.force.to"],
    [{ force: { from: AS_OF, to: "2026-07-02" } }, "body.force.from"],
    [{ force: { from: "2026-07-11", to: AS_OF } }, "body.force.from"],
    [{ force: { from: "2026-07-01", to: "2099-01-02" } }, "body.force.to"],
    [{ asOfDate: "2026-07-04" }, "body.asOfDate"],
    [{ asOfDate: 20260713 }, "body.asOfDate"],
    [{ asOfDate: "2099-01-02" }, "body.asOfDate"],
    [{ trigger: "CRON" }, "trigger"],
  ])("POST /api/admin/runs with %j names %s", async (body, field) => {
    expectError(await startRun(JSON.stringify(body)), 422, "unprocessable_entity", field);
  });
});

describe("oversized bodies answer 413", () => {
  const big = (size: number) => JSON.stringify({ csv: `symbol,quantity,entry_price,entry_date,type,class\n${"x".repeat(size)}`, mode: "commit" });

  it("POST /api/portfolios/[id]/positions/import with a body over 1 MB", async () => {
    expectError(await importCsv(big(1_000_001)), 413, "payload_too_large", "larger than");
  });

  it("POST /api/portfolios/[id]/positions/import declaring a Content-Length over 1 MB", async () => {
    const res = await send(positionImport.POST, `/api/portfolios/${PORTFOLIO}/positions/import`, { id: PORTFOLIO }, { method: "POST", body: big(10), contentLength: 2_000_000 });
    expectError(res, 413, "payload_too_large");
  });

  it("POST /api/portfolios/[id]/positions/import with more than 5,000 rows", async () => {
    const rows = Array.from({ length: 5_001 }, (_, i) => `Private ${i},1,100,2026-01-05,LONG,PRIVATE`).join("\n");
    expectError(await importCsv(JSON.stringify({ csv: `symbol,quantity,entry_price,entry_date,type,class\n${rows}`, mode: "commit" })), 413, "payload_too_large", "5000");
  });

  it("PATCH /api/portfolios/[id]/positions/[positionId] with a body over 1 MB", async () => {
    expectError(await patch(JSON.stringify({ quantity: 1, note: "x".repeat(1_100_000) })), 413, "payload_too_large");
  });

  it("POST /api/admin/runs with a body over 1 MB", async () => {
    const ids = Array.from({ length: 80_000 }, (_, i) => `portfolio-${i}`);
    expectError(await startRun(JSON.stringify({ portfolioIds: ids })), 413, "payload_too_large");
  });
});

describe("unknown ids answer 404", () => {
  const reads: [string, RouteHandler, string][] = [
    ["GET /api/portfolios/[id]", portfolio.GET, ""],
    ["GET /api/portfolios/[id]/overview", overview.GET, "/overview"],
    ["GET /api/portfolios/[id]/snapshots", snapshots.GET, "/snapshots"],
    ["GET /api/portfolios/[id]/factors", factors.GET, "/factors"],
    ["GET /api/portfolios/[id]/stress", stress.GET, "/stress"],
    ["GET /api/portfolios/[id]/volatility", volatility.GET, "/volatility"],
    ["GET /api/portfolios/[id]/var", valueAtRisk.GET, "/var"],
    ["GET /api/portfolios/[id]/correlations", correlations.GET, "/correlations"],
    ["GET /api/portfolios/[id]/concentration", concentration.GET, "/concentration"],
    ["GET /api/portfolios/[id]/sectors", sectors.GET, "/sectors"],
    ["GET /api/portfolios/[id]/performance", performance.GET, "/performance"],
    ["GET /api/portfolios/[id]/positions", positions.GET, "/positions"],
  ];

  it.each(reads)("%s of a portfolio that does not exist", async (_name, handler, suffix) => {
    expectError(await send(handler, `/api/portfolios/no-such-portfolio${suffix}`, { id: "no-such-portfolio" }), 404, "not_found", "no-such-portfolio");
  });

  it("GET /api/portfolios/[id]/stress/[scenarioKey] of a scenario that does not exist", async () => {
    const res = await send(stressScenario.GET, `/api/portfolios/${PORTFOLIO}/stress/NO_SUCH_SCENARIO`, { id: PORTFOLIO, scenarioKey: "NO_SUCH_SCENARIO" });
    expectError(res, 404, "not_found", "NO_SUCH_SCENARIO");
  });

  it("PATCH /api/portfolios/[id]/positions/[positionId] of a position that does not exist, or of another portfolio", async () => {
    expectError(await send(position.PATCH, `/api/portfolios/${PORTFOLIO}/positions/nope`, { id: PORTFOLIO, positionId: "nope" }, { method: "PATCH", body: '{"quantity":1}' }), 404, "not_found", "nope");
    const res = await send(position.PATCH, `/api/portfolios/${PORTFOLIO}/positions/${privatePositionId}`, { id: PORTFOLIO, positionId: privatePositionId }, { method: "PATCH", body: '{"quantity":1}' });
    expectError(res, 404, "not_found", privatePositionId);
  });

  it("POST /api/portfolios/[id]/positions/import into a portfolio that does not exist", async () => {
    const res = await send(positionImport.POST, "/api/portfolios/nope/positions/import", { id: "nope" }, { method: "POST", body: JSON.stringify({ csv: "symbol\nMSFT", mode: "commit" }) });
    expectError(res, 404, "not_found", "nope");
  });

  it("GET /api/admin/runs/[runId] and /phases of a run that does not exist", async () => {
    expectError(await send(run.GET, "/api/admin/runs/no-such-run", { runId: "no-such-run" }, { cookie: admin }), 404, "not_found", "no-such-run");
    expectError(await send(runPhases.GET, "/api/admin/runs/no-such-run/phases", { runId: "no-such-run" }, { cookie: admin }), 404, "not_found", "no-such-run");
  });
});

describe("bad query parameters answer 422 naming the parameter", () => {
  const analytics: [string, RouteHandler, string][] = [
    ["overview", overview.GET, "/overview"],
    ["factors", factors.GET, "/factors"],
    ["stress", stress.GET, "/stress"],
    ["volatility", volatility.GET, "/volatility"],
    ["var", valueAtRisk.GET, "/var"],
    ["correlations", correlations.GET, "/correlations"],
    ["concentration", concentration.GET, "/concentration"],
    ["sectors", sectors.GET, "/sectors"],
    ["performance", performance.GET, "/performance"],
    ["positions", positions.GET, "/positions"],
  ];
  const badDates = ["2026-02-30", "yesterday", "2026-7-13", HOSTILE.sql, HOSTILE.html];

  it.each(analytics.flatMap(([name, handler, suffix]) => badDates.map((date) => ({ name: `GET /api/portfolios/[id]/${name}?date=${date.slice(0, 20)}`, handler, suffix, date }))))(
    "$name",
    async ({ handler, suffix, date }) => {
      const res = await send(handler, `/api/portfolios/${PORTFOLIO}${suffix}?date=${encodeURIComponent(date)}`, { id: PORTFOLIO });
      expectError(res, 422, "unprocessable_entity", "query.date");
    },
  );

  it.each(analytics)("GET /api/portfolios/[id]/%s with an unknown parameter", async (_name, handler, suffix) => {
    expectError(await send(handler, `/api/portfolios/${PORTFOLIO}${suffix}?portfolioId=demo-hedgefund`, { id: PORTFOLIO }), 422, "unprocessable_entity", "portfolioId");
  });

  it.each([
    ["?from=2026-13-01", "query.from"],
    ["?to=' OR 1=1", "query.to"],
  ])("GET /api/portfolios/[id]/snapshots%s", async (query, field) => {
    expectError(await send(snapshots.GET, `/api/portfolios/${PORTFOLIO}/snapshots${query}`, { id: PORTFOLIO }), 422, "unprocessable_entity", field);
  });

  it("GET /api/portfolios/[id]/factors?positions=yes", async () => {
    expectError(await send(factors.GET, `/api/portfolios/${PORTFOLIO}/factors?positions=yes`, { id: PORTFOLIO }), 422, "unprocessable_entity", "query.positions");
  });

  it.each([
    ["?limit=0", "query.limit"],
    ["?limit=101", "query.limit"],
    ["?limit=2.5", "query.limit"],
    ["?limit=ten", "query.limit"],
    ["?status=DONE", "query.status"],
    ["?cursor=", "query.cursor"],
  ])("GET /api/admin/runs%s", async (query, field) => {
    expectError(await send(runs.GET, `/api/admin/runs${query}`, {}, { cookie: admin }), 422, "unprocessable_entity", field);
  });

  it.each([
    ["?phase=DROP_TABLE", "query.phase"],
    ["?status=OK", "query.status"],
    ["?date=2026-02-30", "query.date"],
    ["?limit=501", "query.limit"],
  ])("GET /api/admin/runs/[runId]/phases%s", async (query, field) => {
    expectError(await send(runPhases.GET, `/api/admin/runs/any/phases${query}`, { runId: "any" }, { cookie: admin }), 422, "unprocessable_entity", field);
  });

  it.each([
    ["?days=-1", "query.days"],
    ["?days=251", "query.days"],
    ["?asOf=2026-07-11", "query.asOf"],
    ["?asOf=<script>", "query.asOf"],
  ])("GET /api/admin/freshness%s", async (query, field) => {
    expectError(await send(freshness.GET, `/api/admin/freshness${query}`, {}, { cookie: admin }), 422, "unprocessable_entity", field);
  });
});

describe("hostile strings in paths, queries and bodies never reach the database as code", () => {
  /** A NUL character cannot be stored or compared in PostgreSQL text: refused up front with 422. */
  const nulOr = (kind: string, field: string, otherwise: () => void, res: { status: number; body: ErrorBody }) =>
    kind === "nul" ? expectError(res, 422, "unprocessable_entity", field) : otherwise();

  it.each(HOSTILE_CASES)("GET /api/portfolios/[id] with a $kind id answers 404 (422 naming params.id for NUL)", async ({ kind, value }) => {
    const res = await send(portfolio.GET, `/api/portfolios/${encodeURIComponent(value)}`, { id: value });
    nulOr(kind, "params.id", () => expectError(res, 404, "not_found"), res);
  });

  it.each(HOSTILE_CASES)("PATCH /api/portfolios/[id]/positions/[positionId] with a $kind position id answers 404 or 422 naming params.positionId", async ({ kind, value }) => {
    const res = await send(position.PATCH, `/api/portfolios/${PORTFOLIO}/positions/x`, { id: PORTFOLIO, positionId: value }, { method: "PATCH", body: '{"quantity":1}' });
    if (kind === "long") expectError(res, 422, "unprocessable_entity", "params.positionId");
    else nulOr(kind, "params.positionId", () => expectError(res, 404, "not_found"), res);
  });

  it.each(HOSTILE_CASES)("GET /api/portfolios/[id]/stress/[scenarioKey] with a $kind key answers 422 naming params.scenarioKey", async ({ value }) => {
    const res = await send(stressScenario.GET, `/api/portfolios/${PORTFOLIO}/stress/x`, { id: PORTFOLIO, scenarioKey: value });
    expectError(res, 422, "unprocessable_entity", "params.scenarioKey");
  });

  it.each(HOSTILE_CASES)("GET /api/admin/runs/[runId] with a $kind run id answers 404 or 422 naming params.runId", async ({ kind, value }) => {
    const res = await send(run.GET, "/api/admin/runs/x", { runId: value }, { cookie: admin });
    if (kind === "long") expectError(res, 422, "unprocessable_entity", "params.runId");
    else nulOr(kind, "params.runId", () => expectError(res, 404, "not_found"), res);
  });

  it.each(HOSTILE_CASES)("GET /api/admin/runs/[runId]/phases?portfolioId=<$kind> answers 404 for an unknown run (422 naming query.portfolioId for NUL)", async ({ kind, value }) => {
    const res = await send(runPhases.GET, `/api/admin/runs/none/phases?portfolioId=${encodeURIComponent(value)}`, { runId: "none" }, { cookie: admin });
    nulOr(kind, "query.portfolioId", () => expectError(res, 404, "not_found"), res);
  });

  it.each(HOSTILE_CASES)("POST /api/admin/runs with a $kind portfolio id answers 422 naming body.portfolioIds.0", async ({ value }) => {
    expectError(await startRun(JSON.stringify({ portfolioIds: [value] })), 422, "unprocessable_entity", "body.portfolioIds.0");
  });

  it("PATCH of a private mark whose note holds a NUL character answers 422 naming body.privateMark.note", async () => {
    const res = await send(position.PATCH, `/api/portfolios/demo-hnw/positions/${privatePositionId}`, { id: "demo-hnw", positionId: privatePositionId }, {
      method: "PATCH",
      cookie: hnw,
      body: JSON.stringify({ privateMark: { date: AS_OF, price: 10, note: "year-end\u0000mark" } }),
    });
    expectError(res, 422, "unprocessable_entity", "body.privateMark.note");
  });

  it("the positions table is still there after the SQL-looking strings", async () => {
    const { rows } = await getPool().query<{ n: string }>(`SELECT count(*)::text AS n FROM positions WHERE portfolio_id = $1`, [PORTFOLIO]);
    expect(Number(rows[0]!.n)).toBeGreaterThan(0);
  });
});

describe("broken CSV imports: commit answers 422 naming the row and column, and writes nothing", () => {
  const HEADER = "symbol,quantity,entry_price,entry_date,type,class,subtype,underlying,strike,expiry,exit_price,exit_date";
  const commit = async (csv: string) => {
    const res = await importCsv(JSON.stringify({ csv, mode: "commit" }));
    expectError(res, 422, "unprocessable_entity", "nothing was imported");
    return res.body.error.details!.errors!;
  };

  it("a cell with bytes that are not UTF-8 (Latin-1 é) is reported on that cell", async () => {
    const prefix = Buffer.from(`{"csv":"${HEADER}\\nCaf`, "utf8");
    const suffix = Buffer.from(` Holdings,1,100,2026-01-05,LONG,PRIVATE,,,,,,\\n","mode":"commit"}`, "utf8");
    const res = await importCsv(new Uint8Array(Buffer.concat([prefix, Buffer.from([0xe9]), suffix])));
    expectError(res, 422, "unprocessable_entity", "symbol");
    expect(res.body.error.details!.errors).toEqual([expect.objectContaining({ row: 2, field: "symbol", message: expect.stringContaining("UTF-8") })]);
  });

  it.each(["preview", "commit"])("a UTF-16 file (NUL bytes between the characters) in %s mode answers 422 naming body.csv", async (mode) => {
    const utf16 = [...`${HEADER}\nMSFT,1,400,2026-01-05,LONG,PUBLIC,,,,,,`].map((c) => `${c}\u0000`).join("");
    expectError(await importCsv(JSON.stringify({ csv: utf16, mode })), 422, "unprocessable_entity", "body.csv");
  });

  it("missing required columns are named on row 1", async () => {
    const errors = await commit("symbol,quantity,entry_date,type\nMSFT,1,2026-01-05,LONG\n");
    expect(errors).toEqual(expect.arrayContaining([
      { row: 1, field: "entry_price", message: "missing required column entry_price" },
      { row: 1, field: "class", message: "missing required column class" },
    ]));
  });

  it("a duplicate row and a row already in the portfolio are both refused", async () => {
    const row = "MSFT,3,401.5,2026-01-06,LONG,PUBLIC,,,,,,";
    const { rows } = await getPool().query<{ quantity: number; entry_price: number; entry_date: string }>(
      `SELECT quantity, entry_price, entry_date::text FROM positions WHERE id = $1`,
      [positionId],
    );
    const existing = `KO,${rows[0]!.quantity},${rows[0]!.entry_price},${rows[0]!.entry_date},LONG,PUBLIC,,,,,,`;
    const errors = await commit(`${HEADER}\n${row}\n${row}\n${existing}\n`);
    expect(errors).toEqual([
      { row: 3, field: null, message: "duplicates row 2" },
      { row: 4, field: null, message: expect.stringContaining("already in the portfolio") },
    ]);
  });

  it("impossible options: expiry before entry, negative strike, a call typed as a put, an unknown underlying", async () => {
    const errors = await commit(
      [
        HEADER,
        "AAPL260918C00200000,1,5,2026-10-01,LC,OPTIONS,,AAPL,200,2026-09-18,,",
        "AAPL260918C00200000,1,5,2026-01-05,LC,OPTIONS,,AAPL,-200,2026-09-18,,",
        "AAPL260918C00200000,1,5,2026-01-05,LP,OPTIONS,,AAPL,200,2026-09-18,,",
        "ZZZZ260918C00200000,1,5,2026-01-05,LC,OPTIONS,,ZZZZ,200,2026-09-18,,",
      ].join("\n"),
    );
    const fieldsByRow = new Map<number, (string | null)[]>();
    for (const e of errors) fieldsByRow.set(e.row, [...(fieldsByRow.get(e.row) ?? []), e.field]);
    expect(fieldsByRow.get(2)).toContain("expiry");
    expect(fieldsByRow.get(3)).toContain("strike");
    expect(fieldsByRow.get(4)).toEqual(expect.arrayContaining([expect.stringMatching(/type|symbol/)]));
    expect(fieldsByRow.get(5)).toEqual(expect.arrayContaining([expect.stringMatching(/underlying|symbol/)]));
  });

  it("impossible numbers: zero price, text quantity, a long short, exit before entry", async () => {
    const errors = await commit(
      [
        HEADER,
        "MSFT,1,0,2026-01-05,LONG,PUBLIC,,,,,,",
        "MSFT,ten,400,2026-01-05,LONG,PUBLIC,,,,,,",
        "MSFT,10,400,2026-01-05,SHORT,PUBLIC,,,,,,",
        "MSFT,1,400,2026-01-05,LONG,PUBLIC,,,,,410,2025-12-31",
      ].join("\n"),
    );
    const fields = errors.map((e) => `${e.row}:${e.field}`);
    expect(fields).toEqual(expect.arrayContaining(["2:entry_price", "3:quantity", "5:exit_date"]));
    expect(errors.some((e) => e.row === 4 && (e.field === "quantity" || e.field === "type"))).toBe(true);
  });

  it.each(HOSTILE_CASES.filter((c) => c.kind !== "long" && c.kind !== "nul"))("a $kind symbol in a PUBLIC row is an unknown symbol", async ({ value }) => {
    const cell = `"${value.replaceAll('"', '""')}"`;
    const errors = await commit(`${HEADER}\n${cell},1,400,2026-01-05,LONG,PUBLIC,,,,,,\n`);
    expect(errors).toEqual([expect.objectContaining({ row: 2, field: "symbol" })]);
  });

  it("a 10,000-character label is refused on its cell", async () => {
    const errors = await commit(`${HEADER}\n${HOSTILE.long},1,400,2026-01-05,LONG,PRIVATE,,,,,,\n`);
    expect(errors).toEqual([expect.objectContaining({ row: 2, field: "symbol", message: expect.stringContaining("64") })]);
  });

  it("a row with too many fields and an unclosed quote are named by row", async () => {
    expect(await commit(`${HEADER}\nMSFT,1,400,2026-01-05,LONG,PUBLIC,,,,,,,extra\n`)).toEqual([expect.objectContaining({ row: 2, field: null })]);
    expect((await commit(`${HEADER}\n"MSFT,1,400,2026-01-05,LONG,PUBLIC,,,,,,\n`))[0]).toMatchObject({ field: null, message: expect.stringContaining("unreadable CSV") });
  });

  it("preview of the same broken file answers 200 with the errors and writes nothing", async () => {
    const res = await importCsv(JSON.stringify({ csv: `${HEADER}\nMSFT,1,0,2026-01-05,LONG,PUBLIC,,,,,,\n`, mode: "preview" }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mode: "preview", valid: false, errors: [{ row: 2, field: "entry_price" }] });
  });
});
