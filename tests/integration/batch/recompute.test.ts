// Results recompute themselves: an edit through the API notifies the process's recompute worker,
// which brings the book back to what a clean back-fill of the edited book stores, without an admin.
// Edits that arrive during a recompute are honoured by one more run; the owner may ask for a full
// recompute once a minute; the pages read "pending", "running n of m" and "current" from the API.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NextRequest } from "next/server";
import { PATCH as patchPosition } from "@/app/api/portfolios/[id]/positions/[positionId]/route";
import { POST as importPositions } from "@/app/api/portfolios/[id]/positions/import/route";
import { GET as getRecompute, POST as postRecompute } from "@/app/api/portfolios/[id]/recompute/route";
import { runLocalBatch } from "@/lib/batch/local-executor";
import { startLocalRecompute, stopLocalRecompute } from "@/lib/batch/recompute/portfolio-changed";
import { RecomputeWorker } from "@/lib/batch/recompute/worker";
import { createRun, finishRun } from "@/lib/batch/runs";
import { writePhaseRows } from "@/lib/batch/telemetry";
import { resetEnv } from "@/lib/config/env";
import { markResultsStale } from "@/lib/dal/results-stale";
import { toDbDate } from "@/lib/dates";
import { getPool } from "@/lib/db/pool";
import { getPrisma } from "@/lib/db/prisma";
import { tradingDaysBetween } from "@/lib/market-data/trading-calendar";
import { appRequest, routeParams, sessionCookie, useSeededDatabase } from "../helpers";
import { AS_OF } from "./batch-helpers";
import { bookState, cloneBook, expectSameState } from "./book-state";

type Route = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

const BOOK = "recompute-book";
const DAYS = tradingDaysBetween("2026-05-01", AS_OF);
const owner = { id: "user-individual", email: "individual@riskline.dev", name: "Ivy Individual", role: "MANAGER" as const };
const CSV_HEADER = "symbol,quantity,entry_price,entry_date,type,class";

let cookie: string;
let worker: RecomputeWorker;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
async function send(route: Route, path: string, init: { body?: unknown; cookie?: string; method?: string }, params: Record<string, string>): Promise<{ status: number; body: any }> {
  const res = await route(appRequest(path, { cookie, ...init }), routeParams(params));
  return { status: res.status, body: await res.json() };
}

const status = async (as = cookie) => (await send(getRecompute, `/api/portfolios/${BOOK}/recompute`, { cookie: as }, { id: BOOK })).body;
const requestRecompute = (body: unknown, as = cookie) => send(postRecompute, `/api/portfolios/${BOOK}/recompute`, { method: "POST", body, cookie: as }, { id: BOOK });
const importCsv = (rows: string[]) =>
  send(importPositions, `/api/portfolios/${BOOK}/positions/import`, { method: "POST", body: { csv: [CSV_HEADER, ...rows].join("\n"), mode: "commit" } }, { id: BOOK });

async function positionId(symbol: string): Promise<string> {
  const { rows } = await getPool().query<{ id: string }>(`SELECT id FROM positions WHERE portfolio_id = $1 AND symbol = $2`, [BOOK, symbol]);
  return rows[0]!.id;
}

/** Every stored row of the book equals a clean back-fill of a copy of it. */
async function expectCleanBackFill(tag: string): Promise<void> {
  const ref = `${BOOK}-ref-${tag}`;
  await cloneBook(getPool(), BOOK, ref);
  expect((await runLocalBatch({ trigger: "CLI", asOfDate: AS_OF, portfolioIds: [ref] })).status).toBe("SUCCEEDED");
  expectSameState(await bookState(getPool(), BOOK), await bookState(getPool(), ref));
  await getPool().query(`DELETE FROM portfolios WHERE id = $1`, [ref]);
}

async function recomputeRuns(): Promise<{ id: string; status: string }[]> {
  const { rows } = await getPool().query<{ id: string; status: string }>(
    `SELECT id, status FROM batch_runs WHERE trigger = 'RECOMPUTE' AND portfolio_ids = ARRAY[$1]::text[] ORDER BY started_at`,
    [BOOK],
  );
  return rows;
}

beforeAll(async () => {
  await useSeededDatabase();
  process.env.AS_OF = AS_OF;
  resetEnv();
  await getPool().query(`INSERT INTO portfolios (id, name, owner_id, starting_equity, inception_date, updated_at) VALUES ($1, $1, $2, 400000, $3, now())`, [BOOK, owner.id, DAYS[0]]);
  cookie = await sessionCookie(owner.email);
  worker = startLocalRecompute();
});

afterAll(async () => {
  await stopLocalRecompute();
});

describe("an edit through the API", () => {
  it("is recomputed by the worker to what a clean back-fill stores, and the status says so at each step", async () => {
    const imported = await importCsv([`KO,300,60,${DAYS[0]},LONG,PUBLIC`, `MSFT,20,400,${DAYS[3]},LONG,PUBLIC`]);
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ resultsStale: true, recomputeFrom: DAYS[0] });
    await worker.idle();
    expect(await status()).toEqual({ state: "current" });
    const runs = await recomputeRuns();
    expect(runs.map((r) => r.status)).toEqual(["SUCCEEDED"]);
    const { rows } = await getPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM snapshots WHERE portfolio_id = $1 AND status = 'COMPLETE'`, [BOOK]);
    expect(rows[0]!.n).toBe(DAYS.length);
    await expectCleanBackFill("import");
  });

  it("during a recompute is honoured by one more run, ending where a clean back-fill ends", async () => {
    const ko = await positionId("KO");
    const edit = (quantity: number) => send(patchPosition, `/api/portfolios/${BOOK}/positions/${ko}`, { method: "PATCH", body: { quantity } }, { id: BOOK, positionId: ko });
    const before = (await recomputeRuns()).length;
    expect((await edit(310)).status).toBe(200);
    // The first recompute is under way (the worker started it on the edit): a second edit arrives.
    expect((await edit(320)).status).toBe(200);
    await worker.idle();
    const runs = (await recomputeRuns()).slice(before);
    expect(runs.length).toBe(2);
    expect(runs.every((r) => r.status === "SUCCEEDED")).toBe(true);
    expect(await status()).toEqual({ state: "current" });
    const { rows } = await getPool().query<{ quantity: number; recompute_from: string | null }>(
      `SELECT x.quantity, p.recompute_from FROM positions x JOIN portfolios p ON p.id = x.portfolio_id WHERE x.id = $1`,
      [ko],
    );
    expect(rows[0]).toEqual({ quantity: 320, recompute_from: null });
    await expectCleanBackFill("edits");
  });

  it("made in another process is found by the sweep, once per inputs version", async () => {
    const sweeper = new RecomputeWorker({ db: getPool(), recompute: (id) => runLocalBatch({ trigger: "RECOMPUTE", portfolioIds: [id] }) });
    // A deposit recorded as another process's data layer would (its own worker is told, not this one).
    await getPrisma().$transaction(async (tx) => {
      await tx.capitalFlow.create({ data: { portfolioId: BOOK, date: toDbDate(DAYS[5]!), amount: 25_000, note: "deposit" } });
      await markResultsStale(tx, BOOK, DAYS[5]!);
    });
    expect(await status()).toEqual({ state: "pending", from: DAYS[5] });
    await sweeper.sweep();
    await sweeper.idle();
    expect(await status()).toEqual({ state: "current" });
    const runs = await recomputeRuns();
    await sweeper.sweep();
    await sweeper.idle();
    expect(await recomputeRuns()).toHaveLength(runs.length);
    await expectCleanBackFill("flow");
  });
});

describe("the recompute status", () => {
  it("reads a running recompute's progress from its telemetry", async () => {
    const run = await createRun(getPool(), { trigger: "RECOMPUTE", portfolioIds: [BOOK] }, AS_OF, "local");
    try {
      expect(await status()).toEqual({ state: "running", from: null, done: 0, total: null, runId: run.id });
      const days = DAYS.slice(-4);
      await writePhaseRows(getPool(), run.id, days.map((date) => ({ phase: "WRITE_RESULTS" as const, portfolioId: BOOK, date, status: "RUNNING" as const })));
      await writePhaseRows(getPool(), run.id, [{ phase: "WRITE_RESULTS", portfolioId: BOOK, date: days[0]!, status: "SUCCEEDED" }]);
      expect(await status()).toEqual({ state: "running", from: days[0], done: 1, total: 4, runId: run.id });
    } finally {
      // A stand-in run: its rows go, so the book's telemetry stays that of real runs.
      await finishRun(getPool(), run.id, { status: "SUCCEEDED", counts: {} });
      await getPool().query(`DELETE FROM batch_phases WHERE run_id = $1`, [run.id]);
      await getPool().query(`DELETE FROM batch_runs WHERE id = $1`, [run.id]);
    }
    expect(await status()).toEqual({ state: "current" });
  });

  it("is readable by an admin and not by another manager (404)", async () => {
    expect((await send(getRecompute, `/api/portfolios/${BOOK}/recompute`, { cookie: await sessionCookie("admin@riskline.dev") }, { id: BOOK })).status).toBe(200);
    expect((await send(getRecompute, `/api/portfolios/${BOOK}/recompute`, { cookie: await sessionCookie("hedgefund@riskline.dev") }, { id: BOOK })).status).toBe(404);
  });
});

describe("POST /api/portfolios/[id]/recompute", () => {
  it("recomputes from inception by default, then refuses a second request within the minute (429)", async () => {
    await getPool().query(`UPDATE portfolios SET recompute_requested_at = NULL WHERE id = $1`, [BOOK]);
    const first = await requestRecompute({});
    expect(first).toMatchObject({ status: 202, body: { recomputeFrom: DAYS[0] } });
    const second = await requestRecompute({ from: DAYS.at(-1) });
    expect(second.status).toBe(429);
    expect(second.body.error).toMatchObject({ code: "rate_limited", details: { retryAfterSeconds: 60 } });
    await worker.idle();
    expect(await status()).toEqual({ state: "current" });
    await expectCleanBackFill("requested");
  });

  it("names the field of a bad date and writes nothing", async () => {
    await getPool().query(`UPDATE portfolios SET recompute_requested_at = NULL WHERE id = $1`, [BOOK]);
    const version = async () => (await getPool().query<{ v: number }>(`SELECT inputs_version AS v FROM portfolios WHERE id = $1`, [BOOK])).rows[0]!.v;
    const before = await version();
    for (const from of ["2026-02-31", "not a date", "2026-04-01"]) {
      const res = await requestRecompute({ from });
      expect(res.status).toBe(422);
      expect(res.body.error.message).toContain("body.from");
    }
    expect(await version()).toBe(before);
  });

  it("is for the owner only: an admin gets 403, another manager 404", async () => {
    await getPool().query(`UPDATE portfolios SET recompute_requested_at = NULL WHERE id = $1`, [BOOK]);
    expect((await requestRecompute({}, await sessionCookie("admin@riskline.dev"))).status).toBe(403);
    expect((await requestRecompute({}, await sessionCookie("hedgefund@riskline.dev"))).status).toBe(404);
  });
});
