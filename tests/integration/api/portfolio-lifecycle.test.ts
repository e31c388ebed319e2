// A book's own lifecycle through the API: create, rename and re-equity, archive (out of lists and
// batch runs, results kept, inputs frozen), restore, and delete with its name typed (every dependent
// row goes). Bad input answers 422 naming the field and writes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { DELETE as deletePortfolio, GET as getPortfolio, PATCH as patchPortfolio } from "@/app/api/portfolios/[id]/route";
import { POST as addPosition } from "@/app/api/portfolios/[id]/positions/route";
import { POST as addFlow } from "@/app/api/portfolios/[id]/capital-flows/route";
import { GET as listPortfolios, POST as createPortfolio } from "@/app/api/portfolios/route";
import { POST as startRun } from "@/app/api/admin/runs/route";
import { runLocalBatch } from "@/lib/batch/local-executor";
import { getPool } from "@/lib/db/pool";
import { AS_OF } from "../batch/batch-helpers";
import { callRoute, sessionCookie, useSeededDatabase } from "../helpers";

let manager: string;
let admin: string;

const NEW_BOOK = { name: "Lifecycle Book", description: "A book for the lifecycle test", startingEquity: 250_000, inceptionDate: "2026-06-01" };

const create = (body: unknown, cookie = manager) => callRoute(createPortfolio, "/api/portfolios", { method: "POST", cookie, body });
const patch = (id: string, body: unknown, cookie = manager) => callRoute(patchPortfolio, `/api/portfolios/${id}`, { method: "PATCH", cookie, body, params: { id } });
const remove = (id: string, body: unknown, cookie = manager) => callRoute(deletePortfolio, `/api/portfolios/${id}`, { method: "DELETE", cookie, body, params: { id } });
const list = async (query = "", cookie = manager) => ((await callRoute(listPortfolios, `/api/portfolios${query}`, { cookie })).body.portfolios as { id: string }[]).map((p) => p.id);
const portfolioCount = async () => Number((await getPool().query<{ n: string }>(`SELECT count(*)::text AS n FROM portfolios`)).rows[0]!.n);

beforeAll(async () => {
  await useSeededDatabase();
  [manager, admin] = await Promise.all([sessionCookie("individual@riskline.dev"), sessionCookie("admin@riskline.dev")]);
});

describe("POST /api/portfolios", () => {
  it("creates a book owned by the caller, listed with its starting equity and no results yet", async () => {
    const { status, body } = await create(NEW_BOOK);
    expect(status).toBe(201);
    expect(body.portfolio).toMatchObject({ ...NEW_BOOK, ownerId: "user-individual", archived: false, positionCount: 0, latest: null, currency: "USD" });
    expect(await list()).toContain(body.portfolio.id);
    // Another manager does not see it.
    expect(await list("", await sessionCookie("hedgefund@riskline.dev"))).not.toContain(body.portfolio.id);
  });

  it("an admin's new book is the admin's own", async () => {
    const { status, body } = await create({ ...NEW_BOOK, name: "Admin Book" }, admin);
    expect(status).toBe(201);
    expect(body.portfolio.ownerId).toBe("user-admin");
  });

  it.each([
    [{ ...NEW_BOOK, name: "   " }, "body.name"],
    [{ ...NEW_BOOK, startingEquity: 0 }, "body.startingEquity"],
    [{ ...NEW_BOOK, startingEquity: 1e13 }, "body.startingEquity"],
    [{ ...NEW_BOOK, inceptionDate: "2026-07-14" }, "body.inceptionDate"],
    [{ ...NEW_BOOK, inceptionDate: "2026-02-30" }, "body.inceptionDate"],
    [{ ...NEW_BOOK, ownerId: "user-hedgefund" }, "body"],
  ])("refuses %o with 422 naming %s, and writes nothing", async (input, field) => {
    const before = await portfolioCount();
    const { status, body } = await create(input);
    expect(status).toBe(422);
    expect(body.error.code).toBe("unprocessable_entity");
    expect(body.error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(await portfolioCount()).toBe(before);
  });

  it("says which as-of date an inception after it breaks", async () => {
    const { body } = await create({ ...NEW_BOOK, inceptionDate: "2026-07-14" });
    expect(body.error.message).toContain(`must be on or before the as-of date ${AS_OF}`);
  });
});

describe("PATCH /api/portfolios/[id]", () => {
  it("renames and re-describes without touching results, and a new starting equity marks every day from inception stale", async () => {
    const id = (await create({ ...NEW_BOOK, name: "To rename" })).body.portfolio.id as string;
    const renamed = await patch(id, { name: "Renamed", description: "" });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ portfolio: { name: "Renamed", description: null }, staleResults: null });
    const version = async () => (await getPool().query<{ inputs_version: number; recompute_from: string | null }>(`SELECT inputs_version, recompute_from FROM portfolios WHERE id = $1`, [id])).rows[0]!;
    expect(await version()).toEqual({ inputs_version: 0, recompute_from: null });
    const equity = await patch(id, { startingEquity: 300_000 });
    expect(equity.body).toMatchObject({ portfolio: { startingEquity: 300_000 }, staleResults: { resultsStale: true, recomputeFrom: NEW_BOOK.inceptionDate } });
    expect(await version()).toEqual({ inputs_version: 1, recompute_from: NEW_BOOK.inceptionDate });
  });

  it("refuses an empty name or an unknown field with 422 and changes nothing", async () => {
    const id = (await create({ ...NEW_BOOK, name: "Keeps its name" })).body.portfolio.id as string;
    for (const [input, field] of [[{ name: "" }, "body.name"], [{ inceptionDate: "2026-06-02" }, "body"], [{}, "body"]] as const) {
      const { status, body } = await patch(id, input);
      expect(status).toBe(422);
      expect(body.error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    expect((await callRoute(getPortfolio, `/api/portfolios/${id}`, { cookie: manager, params: { id } })).body.portfolio.name).toBe("Keeps its name");
  });
});

describe("archiving", () => {
  let id: string;

  beforeAll(async () => {
    id = (await create({ ...NEW_BOOK, name: "To archive", inceptionDate: "2026-07-01" })).body.portfolio.id;
    const added = await callRoute(addPosition, `/api/portfolios/${id}/positions`, {
      method: "POST",
      cookie: manager,
      params: { id },
      body: { symbol: "KO", quantity: 100, entryPrice: 60, entryDate: "2026-07-01", positionType: "LONG", investmentClass: "PUBLIC" },
    });
    expect(added.status).toBe(201);
    expect((await runLocalBatch({ trigger: "CLI", asOfDate: AS_OF, portfolioIds: [id] })).status).toBe("SUCCEEDED");
  });

  const snapshotCount = async () => Number((await getPool().query<{ n: string }>(`SELECT count(*)::text AS n FROM snapshots WHERE portfolio_id = $1`, [id])).rows[0]!.n);

  it("hides the book from the list, lists it under ?archived=1, keeps its results and its page", async () => {
    const stored = await snapshotCount();
    expect(stored).toBeGreaterThan(0);
    const { status, body } = await patch(id, { archived: true });
    expect(status).toBe(200);
    expect(body.portfolio.archived).toBe(true);
    expect(await list()).not.toContain(id);
    expect(await list("?archived=1")).toEqual([id]);
    expect(await snapshotCount()).toBe(stored);
    expect((await callRoute(getPortfolio, `/api/portfolios/${id}`, { cookie: manager, params: { id } })).body.portfolio).toMatchObject({ id, archived: true, latest: { date: AS_OF } });
  });

  it("is left out of batch runs, for all books and when named", async () => {
    const run = await runLocalBatch({ trigger: "CLI", asOfDate: AS_OF, portfolioIds: [id], force: { from: "2026-07-01", to: AS_OF } });
    expect(run.portfolios.map((p) => p.portfolioId)).not.toContain(id);
    const { rows } = await getPool().query(`SELECT 1 FROM batch_phases WHERE run_id = $1 AND portfolio_id = $2`, [run.runId, id]);
    expect(rows).toEqual([]);
  });

  it("an admin's run naming it is refused with 422 naming the field, and no run starts", async () => {
    const runs = async () => Number((await getPool().query<{ n: string }>(`SELECT count(*)::text AS n FROM batch_runs`)).rows[0]!.n);
    const before = await runs();
    const { status, body } = await callRoute(startRun, "/api/admin/runs", { method: "POST", cookie: admin, body: { portfolioIds: [id] } });
    expect(status).toBe(422);
    expect(body.error.details.fields).toEqual([{ field: "body.portfolioIds.0", message: `portfolio "${id}" is archived: batch runs leave it alone` }]);
    expect(await runs()).toBe(before);
  });

  it("freezes its inputs (409) until it is restored", async () => {
    const flow = () => callRoute(addFlow, `/api/portfolios/${id}/capital-flows`, { method: "POST", cookie: manager, params: { id }, body: { date: "2026-07-02", amount: 1000 } });
    const frozen = await flow();
    expect(frozen.status).toBe(409);
    expect(frozen.body.error.message).toContain("archived");
    expect((await patch(id, { startingEquity: 1 })).status).toBe(409);
    const restored = await patch(id, { archived: false });
    expect(restored.body.portfolio.archived).toBe(false);
    expect(await list()).toContain(id);
    expect((await flow()).status).toBe(201);
  });
});

describe("DELETE /api/portfolios/[id]", () => {
  /** Every table with a portfolio_id column, and how many of its rows still point at the book. */
  async function dependentRows(id: string): Promise<Record<string, number>> {
    const { rows: tables } = await getPool().query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'portfolio_id' ORDER BY table_name`,
    );
    const out: Record<string, number> = {};
    for (const { table_name } of tables) {
      out[table_name] = Number((await getPool().query<{ n: string }>(`SELECT count(*)::text AS n FROM "${table_name}" WHERE portfolio_id = $1`, [id])).rows[0]!.n);
    }
    return out;
  }

  it("refuses a name that is not typed exactly (422 naming confirmName) and deletes nothing", async () => {
    const id = (await create({ ...NEW_BOOK, name: "Careful Book" })).body.portfolio.id as string;
    for (const confirmName of ["careful book", "Careful Book ", ""]) {
      const { status, body } = await remove(id, { confirmName });
      expect(status).toBe(422);
      expect(body.error.details.fields).toEqual([{ field: "body.confirmName", message: "must be the portfolio's name, typed exactly" }]);
    }
    expect((await remove(id, {})).body.error.details.fields[0].field).toBe("body.confirmName");
    expect((await callRoute(getPortfolio, `/api/portfolios/${id}`, { cookie: manager, params: { id } })).status).toBe(200);
  });

  it("with the name typed, deletes the book and every row that depends on it", async () => {
    const id = (await create({ ...NEW_BOOK, name: "Doomed Book", inceptionDate: "2026-07-01" })).body.portfolio.id as string;
    await callRoute(addPosition, `/api/portfolios/${id}/positions`, {
      method: "POST",
      cookie: manager,
      params: { id },
      body: { symbol: "MSFT", quantity: 10, entryPrice: 400, entryDate: "2026-07-01", positionType: "LONG", investmentClass: "PUBLIC" },
    });
    await callRoute(addFlow, `/api/portfolios/${id}/capital-flows`, { method: "POST", cookie: manager, params: { id }, body: { date: "2026-07-06", amount: 5000 } });
    expect((await runLocalBatch({ trigger: "CLI", asOfDate: AS_OF, portfolioIds: [id] })).status).toBe("SUCCEEDED");
    const before = await dependentRows(id);
    for (const t of ["positions", "capital_flows", "snapshots", "position_valuations", "portfolio_factor_exposures", "stress_results", "batch_phases"]) expect(before[t], t).toBeGreaterThan(0);

    const { status, body } = await remove(id, { confirmName: "Doomed Book" });
    expect(status).toBe(200);
    expect(body).toEqual({ deleted: id });
    expect(Object.values(await dependentRows(id)).every((n) => n === 0)).toBe(true);
    expect((await getPool().query(`SELECT 1 FROM portfolios WHERE id = $1`, [id])).rows).toEqual([]);
    expect((await callRoute(getPortfolio, `/api/portfolios/${id}`, { cookie: manager, params: { id } })).status).toBe(404);
  });

  it("waits for a batch run that holds the book's lease (409)", async () => {
    const id = (await create({ ...NEW_BOOK, name: "Busy Book" })).body.portfolio.id as string;
    await getPool().query(`INSERT INTO portfolio_locks (portfolio_id, run_id, expires_at) VALUES ($1, 'run-busy', now() + interval '5 minutes')`, [id]);
    const { status, body } = await remove(id, { confirmName: "Busy Book" });
    expect(status).toBe(409);
    expect(body.error.message).toContain("run-busy");
    await getPool().query(`DELETE FROM portfolio_locks WHERE portfolio_id = $1`, [id]);
    expect((await remove(id, { confirmName: "Busy Book" })).status).toBe(200);
  });
});
