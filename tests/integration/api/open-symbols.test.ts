// The open symbol universe (README, "Market data"): a ticker outside the symbols table is looked up with the
// configured vendor (here the local fake of FMP, reached through FMP_BASE_URL), listed with its mapped
// sector and its price history, and accepted; one the vendor does not know, or any unlisted one with
// only the bundled file, is refused naming the symbol and why, and nothing of the book is written.
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as importPositions } from "@/app/api/portfolios/[id]/positions/import/route";
import { POST as addPosition } from "@/app/api/portfolios/[id]/positions/route";
import { POST as createPortfolio } from "@/app/api/portfolios/route";
import { lookbackStart } from "@/lib/batch/phases/market-data";
import { runLocalBatch } from "@/lib/batch/local-executor";
import { resetEnv } from "@/lib/config/env";
import { getPool } from "@/lib/db/pool";
import { NEEDS_VENDOR } from "@/lib/market-data/resolve-symbols";
import { callRoute, sessionCookie, useSeededDatabase } from "../helpers";
import { startFakeFmp, type FakeFmp } from "../reliability/fake-fmp";

const AS_OF = "2026-07-13";
const ENTRY = "2026-06-10";
const HEADER = "symbol,quantity,entry_price,entry_date,type,class,underlying,strike,expiry";
const ENV_KEYS = ["MARKET_DATA_PROVIDER", "FMP_API_KEY", "FMP_BASE_URL", "AS_OF"] as const;

let fmp: FakeFmp;
let cookie: string;
let book: string;
const savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));

function useVendor(provider: "fmp" | "file", apiKey = "fake-key"): void {
  process.env.MARKET_DATA_PROVIDER = provider;
  process.env.FMP_API_KEY = apiKey;
  process.env.FMP_BASE_URL = fmp.baseUrl;
  process.env.AS_OF = AS_OF;
  resetEnv();
}

const importCsv = (rows: string[], mode: "preview" | "commit") =>
  callRoute(importPositions, `/api/portfolios/${book}/positions/import`, { method: "POST", cookie, body: { csv: [HEADER, ...rows].join("\n"), mode }, params: { id: book } });
const add = (body: Record<string, unknown>) =>
  callRoute(addPosition, `/api/portfolios/${book}/positions`, { method: "POST", cookie, params: { id: book }, body: { quantity: 10, entryPrice: 20, entryDate: ENTRY, positionType: "LONG", investmentClass: "PUBLIC", ...body } });

const query = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> => (await getPool().query<T>(sql, params)).rows;
const positionCount = async () => (await query<{ n: number }>(`SELECT count(*)::int AS n FROM positions WHERE portfolio_id = $1`, [book]))[0]!.n;
const listedSymbol = async (symbol: string) => (await query(`SELECT symbol, name, asset_type, sector, exchange FROM symbols WHERE symbol = $1`, [symbol]))[0];

beforeAll(async () => {
  await useSeededDatabase();
  fmp = await startFakeFmp();
  useVendor("fmp");
  cookie = await sessionCookie("individual@riskline.dev");
  book = (await callRoute(createPortfolio, "/api/portfolios", { method: "POST", cookie, body: { name: "Open universe", startingEquity: 1_000_000, inceptionDate: "2026-06-01" } })).body.portfolio.id;
});

afterAll(async () => {
  await fmp?.close();
  for (const k of ENV_KEYS) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
  resetEnv();
});

describe("POST /api/portfolios/[id]/positions/import with a vendor", () => {
  it("lists a ticker and an option underlying the vendor knows, stores their history, and a batch values the book", async () => {
    const rows = [`SMCI,100,120,${ENTRY},LONG,PUBLIC,,,`, `VXUS261218C00070000,2,3.5,${ENTRY},LC,OPTIONS,VXUS,70,2026-12-18`];
    const preview = await importCsv(rows, "preview");
    expect(preview.body).toMatchObject({ valid: true, errors: [] });
    expect(preview.body.rows[0].position).toMatchObject({ symbol: "SMCI", subtype: "STOCK" });

    const commit = await importCsv(rows, "commit");
    expect(commit.status).toBe(201);
    expect(commit.body).toMatchObject({ created: 2 });
    expect(await listedSymbol("SMCI")).toEqual({ symbol: "SMCI", name: "Super Micro Computer, Inc.", asset_type: "STOCK", sector: "Information Technology", exchange: "NASDAQ" });
    expect(await listedSymbol("VXUS")).toMatchObject({ asset_type: "ETF", sector: "US Equity", exchange: "NASDAQ" });

    // The history from the batch's look-back before the entry through the as-of date, as the vendor sent it.
    const from = lookbackStart(ENTRY);
    const [stored] = await query<{ n: number; first: string; last: string; sources: string[] }>(
      `SELECT count(*)::int AS n, to_char(min(date), 'YYYY-MM-DD') AS first, to_char(max(date), 'YYYY-MM-DD') AS last, array_agg(DISTINCT source) AS sources
       FROM prices WHERE symbol = 'SMCI'`,
    );
    const [msft] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM prices WHERE symbol = 'MSFT' AND date BETWEEN $1 AND $2`, [from, AS_OF]);
    expect(stored).toEqual({ n: msft!.n, first: from, last: AS_OF, sources: ["fmp"] });

    const run = await runLocalBatch({ trigger: "CLI", asOfDate: AS_OF, portfolioIds: [book] });
    expect(run.status).toBe("SUCCEEDED");
    const [valued] = await query<{ price: number; market_value: number }>(
      `SELECT v.price, v.market_value FROM position_valuations v JOIN positions p ON p.id = v.position_id WHERE p.portfolio_id = $1 AND p.symbol = 'SMCI' AND v.date = $2`,
      [book, AS_OF],
    );
    const [close] = await query<{ close: number }>(`SELECT close FROM prices WHERE symbol = 'SMCI' AND date = $1`, [AS_OF]);
    expect(valued).toEqual({ price: close!.close, market_value: 100 * close!.close });
    const [snapshot] = await query<{ status: string; buckets: string[] }>(
      `SELECT status, ARRAY(SELECT b->>'sector' FROM jsonb_array_elements(sector_exposure->'buckets') b) AS buckets FROM snapshots WHERE portfolio_id = $1 AND date = $2`,
      [book, AS_OF],
    );
    expect(snapshot).toMatchObject({ status: "COMPLETE" });
    expect(snapshot!.buckets).toEqual(expect.arrayContaining(["Information Technology", "US Equity"]));
  });

  it("refuses a ticker and an underlying the vendor does not know, naming each, and writes nothing", async () => {
    const before = await positionCount();
    const rows = [`SOFI,10,9,${ENTRY},LONG,PUBLIC,,,`, `ZZZZ,10,9,${ENTRY},LONG,PUBLIC,,,`, `QQQQ261218C00050000,1,2,${ENTRY},LC,OPTIONS,QQQQ,50,2026-12-18`];
    const expected = [
      { row: 3, field: "symbol", message: "ZZZZ is unknown to the vendor (fmp)" },
      { row: 4, field: "underlying", message: "QQQQ is unknown to the vendor (fmp)" },
    ];
    expect((await importCsv(rows, "preview")).body).toMatchObject({ valid: false, errors: expected });
    const commit = await importCsv(rows, "commit");
    expect(commit.status).toBe(422);
    expect(commit.body.error).toMatchObject({ code: "unprocessable_entity", details: { errors: expected } });
    expect(await positionCount()).toBe(before);
    expect(await query(`SELECT symbol FROM symbols WHERE symbol IN ('ZZZZ', 'QQQQ')`)).toEqual([]);
  });

  it("says the vendor could not be reached and to try again when it keeps failing, and writes nothing", async () => {
    const before = await positionCount();
    fmp.faults.set("RKLB", "error500");
    try {
      const { status, body } = await importCsv([`RKLB,10,9,${ENTRY},LONG,PUBLIC,,,`], "commit");
      expect(status).toBe(422);
      expect(body.error.details.errors).toEqual([
        { row: 2, field: "symbol", message: expect.stringMatching(/^RKLB could not be looked up with the vendor \(fmp\): FMP answered 500 \(RKLB, 5 attempts\); try again later$/) },
      ]);
      expect(await positionCount()).toBe(before);
    } finally {
      fmp.faults.delete("RKLB");
    }
  });

  it("says the vendor could not answer, not that the ticker is unknown, when the vendor refuses the key", async () => {
    useVendor("fmp", "revoked-key");
    try {
      const { body } = await importCsv([`ARM,10,9,${ENTRY},LONG,PUBLIC,,,`], "preview");
      expect(body.errors).toEqual([{ row: 2, field: "symbol", message: expect.stringMatching(/^ARM could not be looked up with the vendor \(fmp\): FMP answered 401: .*Invalid API KEY/) }]);
      expect(body.errors[0].message).not.toContain("revoked-key");
    } finally {
      useVendor("fmp");
    }
  });
});

describe("POST /api/portfolios/[id]/positions with a vendor", () => {
  it("adds a ticker the vendor knows, listed with its mapped sector", async () => {
    const added = await add({ symbol: "sofi" });
    expect(added.status).toBe(201);
    expect(added.body.position).toMatchObject({ symbol: "SOFI", subtype: "STOCK" });
    expect(await listedSymbol("SOFI")).toMatchObject({ asset_type: "STOCK", sector: "Financials" });
  });

  it("answers 422 naming a ticker the vendor does not know, and writes nothing", async () => {
    const before = await positionCount();
    const { status, body } = await add({ symbol: "ZZZZ" });
    expect(status).toBe(422);
    expect(body.error.details.fields).toEqual([{ field: "body.symbol", message: "ZZZZ is unknown to the vendor (fmp)" }]);
    expect(await positionCount()).toBe(before);
  });
});

describe("with only the bundled file (MARKET_DATA_PROVIDER=file)", () => {
  it("an unlisted ticker's error says a vendor is needed, in the import and the single add", async () => {
    useVendor("file");
    try {
      const before = await positionCount();
      const { body } = await importCsv([`NVDA,1,100,${ENTRY},LONG,PUBLIC,,,`, `RIVN,10,9,${ENTRY},LONG,PUBLIC,,,`], "commit");
      expect(body.error.details.errors).toEqual([{ row: 3, field: "symbol", message: `RIVN ${NEEDS_VENDOR}` }]);
      expect(NEEDS_VENDOR).toContain("MARKET_DATA_PROVIDER=fmp");
      const single = await add({ symbol: "RIVN" });
      expect(single.status).toBe(422);
      expect(single.body.error.details.fields).toEqual([{ field: "body.symbol", message: `RIVN ${NEEDS_VENDOR}` }]);
      expect(await positionCount()).toBe(before);
      expect(fmp.requested.has("RIVN")).toBe(false);
    } finally {
      useVendor("fmp");
    }
  });
});
