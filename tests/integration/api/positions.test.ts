// Position edit and CSV import: every row checked and named by row and column, all rows written or
// none, and nothing written on any error.
import { beforeAll, describe, expect, it } from "vitest";
import type { NextRequest } from "next/server";
import { PATCH as patchPosition } from "@/app/api/portfolios/[id]/positions/[positionId]/route";
import { POST as importPositions } from "@/app/api/portfolios/[id]/positions/import/route";
import { getPrisma } from "@/lib/db/prisma";
import { appRequest, routeParams, sessionCookie, useSeededDatabase } from "../helpers";

type Route = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

const PF = "demo-individual";
const HEADER = "symbol,quantity,entry_price,entry_date,type,class,subtype,underlying,strike,expiry,exit_price,exit_date";
const GOOD_ROWS = [
  "MSFT,10,400.5,2026-01-05,LONG,PUBLIC,,,,,,",
  "ko,-20,60,2026-01-05,SHORT,PUBLIC,,,,,,",
  "AAPL261218C00250000,2,12.5,2026-01-05,LC,OPTIONS,,AAPL,250,2026-12-18,,",
  "Family Vineyard LP,1,250000,2026-01-05,LONG,PRIVATE,REAL_ESTATE,,,,,",
];

let cookie: string;
let other: string;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
async function send(route: Route, path: string, init: { body?: unknown; cookie?: string; method?: string; headers?: Record<string, string> }, params: Record<string, string>): Promise<{ status: number; body: any }> {
  const res = await route(appRequest(path, { method: init.method ?? "POST", ...init }), routeParams(params));
  return { status: res.status, body: await res.json() };
}

const importCsv = (csv: string, mode: "preview" | "commit", as = cookie) =>
  send(importPositions, `/api/portfolios/${PF}/positions/import`, { body: { csv, mode }, cookie: as }, { id: PF });

const positionCount = () => getPrisma().position.count({ where: { portfolioId: PF } });

beforeAll(async () => {
  await useSeededDatabase();
  [cookie, other] = await Promise.all([sessionCookie("individual@riskline.dev"), sessionCookie("hedgefund@riskline.dev")]);
});

describe("POST /api/portfolios/[id]/positions/import", () => {
  it("previews valid rows with defaults filled in and writes nothing", async () => {
    const before = await positionCount();
    const { status, body } = await importCsv([HEADER, ...GOOD_ROWS].join("\n"), "preview");
    expect(status).toBe(200);
    expect(body).toMatchObject({ mode: "preview", valid: true, rowCount: 4, errors: [] });
    expect(body.rows[0]).toMatchObject({ row: 2, position: { symbol: "MSFT", quantity: 10, subtype: "STOCK", investmentClass: "PUBLIC" } });
    expect(body.rows[1].position).toMatchObject({ symbol: "KO", quantity: -20, positionType: "SHORT" });
    expect(body.rows[2].position).toMatchObject({ subtype: "OPTION", underlying: "AAPL", strike: 250, expiry: "2026-12-18" });
    expect(body.rows[3].position).toMatchObject({ symbol: "Family Vineyard LP", subtype: "REAL_ESTATE" });
    expect(await positionCount()).toBe(before);
  });

  it("with a bad row changes nothing and names the row and the field", async () => {
    const before = await positionCount();
    const csv = [HEADER, GOOD_ROWS[0], "NOPE,5,10,2026-01-05,LONG,PUBLIC,,,,,,", GOOD_ROWS[1]].join("\n");
    const preview = await importCsv(csv, "preview");
    expect(preview.body.valid).toBe(false);
    expect(preview.body.errors).toEqual([{ row: 3, field: "symbol", message: expect.stringContaining("NOPE is not a listed symbol") }]);
    const commit = await importCsv(csv, "commit");
    expect(commit.status).toBe(422);
    expect(commit.body.error.code).toBe("unprocessable_entity");
    expect(commit.body.error.message).toContain("row 3 symbol");
    expect(commit.body.error.details.errors).toEqual(preview.body.errors);
    expect(await positionCount()).toBe(before);
  });

  it("names each field of a row that fails its checks", async () => {
    const csv = [
      HEADER,
      "MSFT,-10,400,2026-01-05,LONG,PUBLIC,,,,,,", // quantity sign vs type
      "MSFT,10,abc,2026-13-05,BUY,PUBLIC,,,,,,", // price, date, type
      "MSFT,10,400,2026-01-05,LONG,PUBLIC,,,,,410,", // exit price without date
      "MSFT,10,400,2026-01-05,LONG,PUBLIC,,,,,410,2025-12-01", // exit before entry
      "MSFT,10,400,2026-01-05,LC,PUBLIC,,,,,,", // type vs class
    ].join("\n");
    const { body } = await importCsv(csv, "preview");
    const at = (row: number) => body.errors.filter((e: { row: number }) => e.row === row).map((e: { field: string }) => e.field);
    expect(at(2)).toEqual(["quantity"]);
    expect(at(3)).toEqual(["entry_price", "entry_date", "type"]);
    expect(at(4)).toEqual(["exit_date"]);
    expect(at(5)).toEqual(["exit_date"]);
    expect(at(6)).toContain("type");
  });

  it("refuses impossible options: expiry before entry, negative strike, OCC symbol that disagrees, missing underlying", async () => {
    const csv = [
      HEADER,
      "AAPL251218C00250000,2,12.5,2026-01-05,LC,OPTIONS,,AAPL,250,2025-12-18,,",
      "AAPL261218P00250000,2,12.5,2026-01-05,LP,OPTIONS,,AAPL,-250,2026-12-18,,",
      "AAPL261218C00260000,2,12.5,2026-01-05,LC,OPTIONS,,AAPL,250,2026-12-18,,",
      "AAPL261218C00250000,2,12.5,2026-01-05,LC,OPTIONS,,,250,2026-12-18,,",
      "AAPL261218P00250000,2,12.5,2026-01-05,LC,OPTIONS,,AAPL,250,2026-12-18,,",
      "AAPL261218C00250000,-2,12.5,2026-01-05,LC,OPTIONS,,AAPL,250,2026-12-18,,",
    ].join("\n");
    const { body } = await importCsv(csv, "preview");
    const at = (row: number) => body.errors.filter((e: { row: number }) => e.row === row);
    expect(at(2)).toEqual([{ row: 2, field: "expiry", message: expect.stringContaining("before the entry date") }]);
    expect(at(3)).toEqual([{ row: 3, field: "strike", message: "must be positive" }]);
    expect(at(4)).toEqual([{ row: 4, field: "symbol", message: expect.stringContaining("AAPL261218C00250000") }]);
    expect(at(5).map((e: { field: string }) => e.field)).toEqual(["underlying"]);
    expect(at(6).map((e: { field: string }) => e.field)).toEqual(["symbol"]);
    expect(at(7).map((e: { field: string }) => e.field)).toEqual(["quantity"]);
  });

  it("flags a duplicate row in the file and a row already in the portfolio", async () => {
    const dup = await importCsv([HEADER, GOOD_ROWS[0], GOOD_ROWS[1], GOOD_ROWS[0]].join("\n"), "preview");
    expect(dup.body.errors).toEqual([{ row: 4, field: null, message: "duplicates row 2" }]);
    const existing = await getPrisma().position.findFirstOrThrow({ where: { portfolioId: PF, symbol: "AAPL" } });
    const row = `AAPL,${existing.quantity},${existing.entryPrice},2025-07-14,LONG,PUBLIC,,,,,,`;
    const again = await importCsv([HEADER, row].join("\n"), "preview");
    expect(again.body.errors).toEqual([{ row: 2, field: null, message: expect.stringContaining(`already in the portfolio (position ${existing.id})`) }]);
  });

  it("reports missing and unknown columns on row 1 and short rows by row", async () => {
    const missing = await importCsv("symbol,quantity,entry_price,type,class\nMSFT,1,2,LONG,PUBLIC", "preview");
    expect(missing.body.errors).toEqual([{ row: 1, field: "entry_date", message: "missing required column entry_date" }]);
    const unknown = await importCsv("symbol,qty,quantity,entry_price,entry_date,type,class\nMSFT,1,1,2,2026-01-05,LONG,PUBLIC", "preview");
    expect(unknown.body.errors).toEqual([{ row: 1, field: null, message: expect.stringContaining('unknown column "qty"') }]);
    const short = await importCsv(`${HEADER}\nMSFT,10,400.5,2026-01-05`, "preview");
    expect(short.body.errors).toEqual([{ row: 2, field: null, message: "has 4 fields, the header has 12" }]);
    const commit = await importCsv("symbol,quantity\nMSFT,1", "commit");
    expect(commit.status).toBe(422);
  });

  it("accepts the optional columns left out, a BOM, CRLF line ends and blank lines", async () => {
    const csv = "\uFEFFsymbol,quantity,entry_price,entry_date,type,class\r\nMSFT,10,400.5,2026-01-05,LONG,PUBLIC\r\n\r\nKO,-20,60,2026-01-05,SHORT,PUBLIC\r\n";
    const { body } = await importCsv(csv, "preview");
    expect(body).toMatchObject({ valid: true, rowCount: 2 });
    expect(body.rows.map((r: { row: number }) => r.row)).toEqual([2, 4]);
  });

  it("names the cell with bytes that are not UTF-8, and an unclosed quote's line", async () => {
    const latin1 = Buffer.concat([Buffer.from(`${HEADER}\nMSFT,10,400.5,2026-01-05,LONG,PUBLIC,,,,,,\nCaf`), Buffer.from([0xe9]), Buffer.from(" SARL,1,1000,2026-01-05,LONG,PRIVATE,,,,,,\n")]);
    // The browser would send what the decoder made of those bytes: U+FFFD in place of the invalid one.
    const { body } = await importCsv(new TextDecoder("utf-8").decode(latin1), "preview");
    expect(body.errors).toEqual([{ row: 3, field: "symbol", message: expect.stringContaining("not valid UTF-8") }]);
    // The same bytes inside the JSON body itself (0xFF 0xFE in the header's "quantity"): the body decodes with
    // U+FFFD in their place, and the import names the header column instead of failing the request.
    const raw = `{"csv":"${HEADER}\\nMSFT,1,2,2026-01-05,LONG,PUBLIC,,,,,,\\n","mode":"preview"}`;
    const bytes = Buffer.concat([Buffer.from(raw.slice(0, 20)), Buffer.from([0xff, 0xfe]), Buffer.from(raw.slice(20))]);
    const broken = await send(importPositions, `/api/portfolios/${PF}/positions/import`, { body: new Uint8Array(bytes), cookie }, { id: PF });
    expect(broken.status).toBe(200);
    expect(broken.body).toMatchObject({ mode: "preview", valid: false });
    expect(broken.body.errors).toEqual([
      { row: 1, field: null, message: "header column 2 is not valid UTF-8 text: save the file as UTF-8" },
      { row: 1, field: "quantity", message: "missing required column quantity" },
    ]);
    const quote = await importCsv(`${HEADER}\nMSFT,10,400.5,2026-01-05,LONG,PUBLIC,,,,,,\n"KO,1,2,2026-01-05,LONG,PUBLIC,,,,,,\n`, "preview");
    expect(quote.body.errors).toEqual([{ row: 3, field: null, message: expect.stringContaining("unreadable CSV") }]);
  });

  it("answers 413 for an oversized body and for too many rows, and writes nothing", async () => {
    const before = await positionCount();
    const huge = [HEADER, ...Array.from({ length: 30_000 }, (_, i) => `MSFT,${i + 1},400.5,2026-01-05,LONG,PUBLIC,,,,,,`)].join("\n");
    const big = await importCsv(huge, "commit");
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe("payload_too_large");
    const many = [HEADER, ...Array.from({ length: 5_001 }, (_, i) => `KO,${i + 1},1,2026-01-05,LONG,PUBLIC`)].join("\n");
    expect((await importCsv(many, "preview")).status).toBe(413);
    expect(await positionCount()).toBe(before);
  });

  it("answers 422 naming the field for a bad body, 404 for another manager, 401 without a session", async () => {
    const bad = await send(importPositions, `/api/portfolios/${PF}/positions/import`, { body: { csv: "x", mode: "apply" }, cookie }, { id: PF });
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toContain("body.mode");
    expect((await importCsv(HEADER, "preview", other)).status).toBe(404);
    const anonymous = await send(importPositions, `/api/portfolios/${PF}/positions/import`, { body: { csv: HEADER, mode: "preview" } }, { id: PF });
    expect(anonymous.status).toBe(401);
  });

  it("commits every valid row in one go and says the results are stale until the next batch", async () => {
    const before = await positionCount();
    const { status, body } = await importCsv([HEADER, ...GOOD_ROWS].join("\n"), "commit");
    expect(status).toBe(201);
    expect(body).toMatchObject({ mode: "commit", created: 4, resultsStale: true, recomputeFrom: "2026-01-05" });
    expect(await positionCount()).toBe(before + 4);
    const option = await getPrisma().position.findFirstOrThrow({ where: { portfolioId: PF, symbol: "AAPL261218C00250000" } });
    expect(option).toMatchObject({ investmentClass: "OPTIONS", underlying: "AAPL", strike: 250, multiplier: 100 });
    // The same file again would double the positions: refused as duplicates.
    const again = await importCsv([HEADER, ...GOOD_ROWS].join("\n"), "commit");
    expect(again.status).toBe(422);
    expect(await positionCount()).toBe(before + 4);
  });
});

describe("PATCH /api/portfolios/[id]/positions/[positionId]", () => {
  const patch = async (positionId: string, body: unknown, as = cookie) =>
    send(patchPosition, `/api/portfolios/${PF}/positions/${positionId}`, { method: "PATCH", body, cookie: as }, { id: PF, positionId });

  it("edits quantity and exit and says the results are stale", async () => {
    const p = await getPrisma().position.findFirstOrThrow({ where: { portfolioId: PF, symbol: "JNJ" } });
    const { status, body } = await patch(p.id, { quantity: p.quantity + 5, exitPrice: 170, exitDate: "2026-06-01" });
    expect(status).toBe(200);
    expect(body).toMatchObject({ position: { id: p.id, quantity: p.quantity + 5, exitPrice: 170, exitDate: "2026-06-01" }, resultsStale: true, recomputeFrom: "2025-07-14" });
    const after = await getPrisma().position.findUniqueOrThrow({ where: { id: p.id } });
    expect(after.quantity).toBe(p.quantity + 5);
    expect(after.exitDate?.toISOString().slice(0, 10)).toBe("2026-06-01");
  });

  it("answers 422 naming the field and writes nothing", async () => {
    const p = await getPrisma().position.findFirstOrThrow({ where: { portfolioId: PF, symbol: "PG" } });
    const cases: [unknown, string][] = [
      [{ quantity: -5 }, "body.quantity"],
      [{ entryPrice: 0 }, "body.entryPrice"],
      [{ entryDate: "2026-02-31" }, "body.entryDate"],
      [{ exitDate: "2025-01-01", exitPrice: 10 }, "body.exitDate"],
      [{ exitPrice: 10 }, "body.exitDate"],
      [{ privateMark: { date: "2026-01-01", price: 10 } }, "body.privateMark"],
      [{ symbol: "MSFT" }, "symbol"],
      [{}, "body"],
    ];
    for (const [body, field] of cases) {
      const res = await patch(p.id, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.message).toContain(field);
    }
    expect(await getPrisma().position.findUniqueOrThrow({ where: { id: p.id } })).toEqual(p);
  });

  it("records a private mark on a PRIVATE position", async () => {
    const p = await getPrisma().position.findFirstOrThrow({ where: { portfolioId: PF, investmentClass: "PRIVATE" } });
    const { status, body } = await patch(p.id, { privateMark: { date: "2026-03-31", price: 260_000, note: "Q1 appraisal" } });
    expect(status).toBe(200);
    expect(body.recomputeFrom).toBe("2026-03-31");
    const mark = await getPrisma().privateMark.findUniqueOrThrow({ where: { positionId_date: { positionId: p.id, date: new Date("2026-03-31T00:00:00Z") } } });
    expect(mark.price).toBe(260_000);
  });

  it("answers 404 for another portfolio's position and for another manager", async () => {
    const foreign = await getPrisma().position.findFirstOrThrow({ where: { portfolioId: "demo-hedgefund" } });
    expect((await patch(foreign.id, { quantity: 1 })).status).toBe(404);
    const own = await getPrisma().position.findFirstOrThrow({ where: { portfolioId: PF } });
    expect((await patch(own.id, { quantity: 1 }, other)).status).toBe(404);
    const crossOrigin = await send(patchPosition, `/api/portfolios/${PF}/positions/${own.id}`, { method: "PATCH", body: { quantity: 1 }, cookie, headers: { origin: "https://evil.example" } }, { id: PF, positionId: own.id });
    expect(crossOrigin.status).toBe(403);
  });
});
