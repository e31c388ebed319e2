// Runs that meet (docs/ARCHITECTURE.md, "The daily batch"): two forced reruns of the same portfolio and date at once, a cron
// batch overlapping an admin's forced rerun started through the API, two normal batches of one as-of
// date. The per-portfolio lease serializes the writers: the results equal one clean run, figure for
// figure, with no duplicate rows and the NAV unchanged.
import { beforeAll, describe, expect, it } from "vitest";
import * as runsRoute from "@/app/api/admin/runs/route";
import { runLocalBatch } from "@/lib/batch/local-executor";
import { BatchConflictError } from "@/lib/batch/runs";
import { getPool } from "@/lib/db/pool";
import { appRequest, routeParams, sessionCookie, useSeededDatabase } from "../helpers";
import { waitForRun } from "../security/security-helpers";
import { AS_OF, bringUpToDate, duplicateResultRows, lastDays, navsFrom, phasesOf, PORTFOLIO_IDS, resultCountsFrom, resultFigures, expectSameFigures } from "./reliability-helpers";

const FROM = lastDays(5)[0]!;
const db = () => getPool();

let clean: { navs: Record<string, Record<string, number>>; counts: Record<string, number>; figures: Map<string, number[]> };

async function expectClean(): Promise<void> {
  expect(await navsFrom(FROM)).toEqual(clean.navs);
  expect(await resultCountsFrom(FROM)).toEqual(clean.counts);
  expectSameFigures(await resultFigures(FROM), clean.figures);
  expect(await duplicateResultRows()).toBe(0);
  const { rows } = await db().query(`SELECT portfolio_id FROM portfolio_locks WHERE portfolio_id = ANY($1::text[])`, [PORTFOLIO_IDS]);
  expect(rows).toEqual([]);
}

/** The two runs were in flight at the same time (not one after the other). */
async function expectOverlap(a: string, b: string): Promise<void> {
  const { rows } = await db().query<{ overlap: boolean }>(
    `SELECT x.started_at < y.finished_at AND y.started_at < x.finished_at AS overlap FROM batch_runs x, batch_runs y WHERE x.id = $1 AND y.id = $2`,
    [a, b],
  );
  expect(rows[0]!.overlap).toBe(true);
}

beforeAll(async () => {
  await useSeededDatabase();
  await bringUpToDate();
  clean = { navs: await navsFrom(FROM), counts: await resultCountsFrom(FROM), figures: await resultFigures(FROM) };
});

describe("concurrent runs of one portfolio", () => {
  it("two forced reruns of the same portfolio and date at once both succeed and equal one clean run", async () => {
    const force = { from: AS_OF, to: AS_OF };
    const [a, b] = await Promise.all([
      runLocalBatch({ trigger: "ADMIN", asOfDate: AS_OF, portfolioIds: ["demo-hedgefund"], force }),
      runLocalBatch({ trigger: "ADMIN", asOfDate: AS_OF, portfolioIds: ["demo-hedgefund"], force }),
    ]);
    for (const r of [a, b]) {
      expect(r.status).toBe("SUCCEEDED");
      expect(r.portfolios).toEqual([expect.objectContaining({ portfolioId: "demo-hedgefund", status: "succeeded", datesCompleted: 1 })]);
    }
    await expectOverlap(a.runId, b.runId);
    // One wrote after the other: each holds its own WRITE_RESULTS row for the day.
    for (const r of [a, b]) expect(await phasesOf(r.runId, "phase = 'WRITE_RESULTS' AND status = 'SUCCEEDED'")).toHaveLength(1);
    await expectClean();
  });

  it("three forced reruns over overlapping ranges at once equal one clean run", async () => {
    const days = lastDays(5);
    const runs = await Promise.all([
      runLocalBatch({ trigger: "ADMIN", asOfDate: AS_OF, portfolioIds: ["demo-individual"], force: { from: days[0]!, to: days[2]! } }),
      runLocalBatch({ trigger: "ADMIN", asOfDate: AS_OF, portfolioIds: ["demo-individual"], force: { from: days[1]!, to: AS_OF } }),
      runLocalBatch({ trigger: "CLI", asOfDate: AS_OF, portfolioIds: ["demo-individual", "demo-hnw"], force: { from: days[3]!, to: AS_OF } }),
    ]);
    expect(runs.map((r) => r.status)).toEqual(["SUCCEEDED", "SUCCEEDED", "SUCCEEDED"]);
    await expectClean();
  });
});

describe("a cron batch overlapping an admin's forced rerun", () => {
  it("POST /api/admin/runs (force rerun of one portfolio) while the cron batch back-fills every portfolio: both finish, results equal a clean run", async () => {
    // The cron batch has work: the last two days of every portfolio are missing.
    await db().query(`DELETE FROM snapshots WHERE date >= $1`, [lastDays(2)[0]]);
    const admin = await sessionCookie("admin@riskline.dev");
    const body = { portfolioIds: ["demo-hnw"], force: { from: FROM, to: AS_OF }, asOfDate: AS_OF };
    const [cron, started] = await Promise.all([
      runLocalBatch({ trigger: "CRON", asOfDate: AS_OF, portfolioIds: PORTFOLIO_IDS }),
      runsRoute.POST(appRequest("/api/admin/runs", { method: "POST", cookie: admin, body }), routeParams()),
    ]);
    expect(started.status).toBe(202);
    const { runId } = (await started.json()) as { runId: string };
    expect(await waitForRun(runId)).toBe("SUCCEEDED");
    await expectOverlap(cron.runId, runId);
    expect(cron.status).toBe("SUCCEEDED");
    expect(cron.portfolios.filter((p) => p.portfolioId !== "demo-hnw").every((p) => p.status === "succeeded" && p.datesCompleted === 2)).toBe(true);
    const { rows } = await db().query<{ trigger: string; triggered_by_id: string | null; force_rerun: boolean }>(`SELECT trigger, triggered_by_id, force_rerun FROM batch_runs WHERE id = $1`, [runId]);
    expect(rows[0]).toEqual({ trigger: "ADMIN", triggered_by_id: "user-admin", force_rerun: true });
    await expectClean();
  });

  it("two normal batches of one as-of date at once: one runs, the other is refused naming it", async () => {
    await db().query(`DELETE FROM snapshots WHERE date = $1`, [AS_OF]);
    const [a, b] = await Promise.allSettled([runLocalBatch({ trigger: "CRON", asOfDate: AS_OF, portfolioIds: PORTFOLIO_IDS }), runLocalBatch({ trigger: "ADMIN", asOfDate: AS_OF, portfolioIds: PORTFOLIO_IDS })]);
    const ran = [a, b].filter((r) => r.status === "fulfilled");
    const refused = [a, b].filter((r) => r.status === "rejected");
    expect(ran).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const reason = (refused[0] as PromiseRejectedResult).reason as unknown;
    expect(reason).toBeInstanceOf(BatchConflictError);
    expect((reason as BatchConflictError).runningRunId).toBe((ran[0] as PromiseFulfilledResult<{ runId: string }>).value.runId);
    await expectClean();
  });
});
