// One position at a time: add (the checks of a CSV row), close (an exit price and date), delete a
// mistaken one. Each marks the book's results stale from the date it changes; bad input answers 422
// naming the field and writes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { DELETE as deletePosition, PATCH as patchPosition } from "@/app/api/portfolios/[id]/positions/[positionId]/route";
import { GET as listPositions, POST as addPosition } from "@/app/api/portfolios/[id]/positions/route";
import { POST as createPortfolio } from "@/app/api/portfolios/route";
import { getPool } from "@/lib/db/pool";
import { callRoute, sessionCookie, useSeededDatabase } from "../helpers";

let cookie: string;
let book: string;

const KO = { symbol: "ko", quantity: 100, entryPrice: 60, entryDate: "2026-06-10", positionType: "LONG", investmentClass: "PUBLIC" };
const OPTION = { symbol: "AAPL261218C00250000", quantity: 2, entryPrice: 12.5, entryDate: "2026-06-10", positionType: "LC", investmentClass: "OPTIONS", underlying: "aapl", strike: 250, expiry: "2026-12-18" };
const PRIVATE = { symbol: "Family Vineyard LP", quantity: 1, entryPrice: 250_000, entryDate: "2026-06-10", positionType: "LONG", investmentClass: "PRIVATE", subtype: "REAL_ESTATE" };

const add = (body: unknown) => callRoute(addPosition, `/api/portfolios/${book}/positions`, { method: "POST", cookie, body, params: { id: book } });
const patch = (positionId: string, body: unknown) => callRoute(patchPosition, `/api/portfolios/${book}/positions/${positionId}`, { method: "PATCH", cookie, body, params: { id: book, positionId } });
const remove = (positionId: string) => callRoute(deletePosition, `/api/portfolios/${book}/positions/${positionId}`, { method: "DELETE", cookie, params: { id: book, positionId } });
const positionCount = async () => Number((await getPool().query<{ n: string }>(`SELECT count(*)::text AS n FROM positions WHERE portfolio_id = $1`, [book])).rows[0]!.n);
const staleMark = async () => (await getPool().query<{ inputs_version: number; recompute_from: string | null }>(`SELECT inputs_version, recompute_from FROM portfolios WHERE id = $1`, [book])).rows[0]!;
const clearMark = () => getPool().query(`UPDATE portfolios SET recompute_from = NULL WHERE id = $1`, [book]);

beforeAll(async () => {
  await useSeededDatabase();
  cookie = await sessionCookie("individual@riskline.dev");
  book = (await callRoute(createPortfolio, "/api/portfolios", { method: "POST", cookie, body: { name: "Position changes", startingEquity: 1_000_000, inceptionDate: "2026-06-01" } })).body.portfolio.id;
});

describe("POST /api/portfolios/[id]/positions", () => {
  it("adds a stock, an option and a private holding as the import would read them, each marking results stale from its entry", async () => {
    const stock = await add(KO);
    expect(stock.status).toBe(201);
    expect(stock.body).toMatchObject({ position: { symbol: "KO", subtype: "STOCK", exitPrice: null }, resultsStale: true, recomputeFrom: "2026-06-10" });
    await clearMark();
    const option = await add({ ...OPTION, entryDate: "2026-06-12" });
    expect(option.body.position).toMatchObject({ symbol: "AAPL261218C00250000", underlying: "AAPL", subtype: "OPTION" });
    expect((await staleMark()).recompute_from).toBe("2026-06-12");
    expect((await add(PRIVATE)).body.position).toMatchObject({ symbol: "Family Vineyard LP", subtype: "REAL_ESTATE", investmentClass: "PRIVATE" });
    const listed = (await callRoute(listPositions, `/api/portfolios/${book}/positions`, { cookie, params: { id: book } })).body.positions.map((p: { symbol: string }) => p.symbol);
    expect(listed.sort()).toEqual(["AAPL261218C00250000", "Family Vineyard LP", "KO"]);
  });

  it.each([
    [{ ...KO, symbol: "NOPE" }, "body.symbol", "NOPE is not a listed symbol"],
    [{ ...KO, quantity: -5 }, "body.quantity", "must be positive for a LONG position"],
    [{ ...KO, quantity: 2e9 }, "body.quantity", "at most"],
    [{ ...KO, entryPrice: 0 }, "body.entryPrice", "must be positive"],
    [{ ...KO, entryDate: "2026-13-01" }, "body.entryDate", ""],
    [{ ...KO, positionType: "BUY" }, "body.positionType", ""],
    [{ ...KO, positionType: "LC" }, "body.positionType", "not a type of a PUBLIC position"],
    [{ ...KO, exitPrice: 70 }, "body.exitDate", "go together"],
    [{ ...KO, strike: 10 }, "body.strike", "only options"],
    [{ ...OPTION, strike: 260 }, "body.symbol", "AAPL261218C00260000"],
    [{ ...OPTION, underlying: "ZZZZ", symbol: "ZZZZ261218C00250000" }, "body.underlying", "ZZZZ is not a listed symbol"],
    [{ ...KO, note: "extra" }, "body", ""],
  ])("refuses %o with 422 naming %s, and writes nothing", async (input, field, message) => {
    const before = { count: await positionCount(), mark: await staleMark() };
    const { status, body } = await add(input);
    expect(status).toBe(422);
    const named = body.error.details.fields.find((f: { field: string }) => f.field === field);
    expect(named, JSON.stringify(body.error)).toBeDefined();
    expect(named.message).toContain(message);
    expect({ count: await positionCount(), mark: await staleMark() }).toEqual(before);
  });

  it("refuses a lot already in the book (409): it would be counted twice", async () => {
    const before = await positionCount();
    const { status, body } = await add({ ...KO, symbol: "KO" });
    expect(status).toBe(409);
    expect(body.error.message).toContain("already in the portfolio");
    expect(await positionCount()).toBe(before);
  });
});

describe("closing a position (PATCH with an exit price and date)", () => {
  it("records the exit and marks results stale from the entry", async () => {
    const { body: added } = await add({ ...KO, symbol: "MSFT", entryPrice: 400, quantity: 10, entryDate: "2026-06-15" });
    await clearMark();
    const closed = await patch(added.position.id, { exitPrice: 420, exitDate: "2026-07-01" });
    expect(closed.status).toBe(200);
    expect(closed.body.position).toMatchObject({ exitPrice: 420, exitDate: "2026-07-01" });
    expect((await staleMark()).recompute_from).toBe("2026-06-15");
    const { rows } = await getPool().query(`SELECT exit_price, exit_date FROM positions WHERE id = $1`, [added.position.id]);
    expect(rows[0]).toEqual({ exit_price: 420, exit_date: "2026-07-01" });
  });

  it("refuses an exit before the entry, naming exitDate, and keeps the position open", async () => {
    const { body: added } = await add({ ...KO, symbol: "JPM", entryPrice: 250, quantity: 5, entryDate: "2026-06-15" });
    const { status, body } = await patch(added.position.id, { exitPrice: 260, exitDate: "2026-06-01" });
    expect(status).toBe(422);
    expect(body.error.details.fields[0].field).toBe("body.exitDate");
    const { rows } = await getPool().query(`SELECT exit_price, exit_date FROM positions WHERE id = $1`, [added.position.id]);
    expect(rows[0]).toEqual({ exit_price: null, exit_date: null });
  });
});

describe("DELETE /api/portfolios/[id]/positions/[positionId]", () => {
  it("removes a mistaken position with its marks and marks results stale from its entry", async () => {
    const { body: added } = await add({ ...PRIVATE, symbol: "Mistaken LP", entryDate: "2026-06-05" });
    await patch(added.position.id, { privateMark: { date: "2026-06-20", price: 260_000 } });
    await clearMark();
    const before = await positionCount();
    const { status, body } = await remove(added.position.id);
    expect(status).toBe(200);
    expect(body).toMatchObject({ deleted: added.position.id, resultsStale: true, recomputeFrom: "2026-06-05" });
    expect(await positionCount()).toBe(before - 1);
    expect((await getPool().query(`SELECT 1 FROM private_marks WHERE position_id = $1`, [added.position.id])).rows).toEqual([]);
    expect((await staleMark()).recompute_from).toBe("2026-06-05");
  });

  it("answers 404 for a position of another book, and deletes nothing", async () => {
    const { rows } = await getPool().query<{ id: string }>(`SELECT id FROM positions WHERE portfolio_id = 'demo-individual' LIMIT 1`);
    const before = await positionCount();
    const { status } = await remove(rows[0]!.id);
    expect(status).toBe(404);
    expect((await getPool().query(`SELECT 1 FROM positions WHERE id = $1`, [rows[0]!.id])).rows).toHaveLength(1);
    expect(await positionCount()).toBe(before);
  });
});
