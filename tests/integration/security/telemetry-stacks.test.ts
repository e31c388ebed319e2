// Admin telemetry keeps error stacks, relative to the project (issue 16, finding 7): the server's
// directory layout never reaches the browser. The stack here is a real one, thrown in this process.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as runPhases from "@/app/api/admin/runs/[runId]/phases/route";
import * as run from "@/app/api/admin/runs/[runId]/route";
import * as runs from "@/app/api/admin/runs/route";
import type { AdminPhaseRow, AdminRun } from "@/lib/contracts/admin-runs";
import { getPool } from "@/lib/db/pool";
import { deleteRuns, insertPhases, insertRun } from "../admin/fixtures";
import { appRequest, routeParams, sessionCookie, useSeededDatabase } from "../helpers";

const RUN_ID = "run-stack-paths";
const THIS_FILE = "tests/integration/security/telemetry-stacks.test.ts";
const failure = new Error(`could not read ${process.cwd()}/data/market/prices.csv.gz`);
let admin: string;

beforeAll(async () => {
  await useSeededDatabase();
  admin = await sessionCookie("admin@riskline.dev");
  expect(failure.stack).toContain(`${process.cwd()}/${THIS_FILE}`);
  await insertRun({ id: RUN_ID, status: "FAILED", startedAt: "2099-03-01T00:00:00Z" });
  await getPool().query(`UPDATE batch_runs SET error_message = $2, error_stack = $3 WHERE id = $1`, [RUN_ID, failure.message, failure.stack]);
  await insertPhases(RUN_ID, [{ phase: "MARKET_DATA", portfolioId: null, date: null, status: "FAILED", errorMessage: failure.message, errorStack: failure.stack! }]);
});

afterAll(async () => {
  await deleteRuns([RUN_ID]);
});

function expectProjectRelative(text: string | null) {
  expect(text).not.toContain(process.cwd());
  expect(text).toMatch(/data\/market\/prices\.csv\.gz|tests\/integration\/security\/telemetry-stacks\.test\.ts/);
}

describe("error stacks on the admin API name files relative to the project", () => {
  it("GET /api/admin/runs/[runId]: the run's message and stack, and its run-level phases", async () => {
    const res = await run.GET(appRequest(`/api/admin/runs/${RUN_ID}`, { cookie: admin }), routeParams({ runId: RUN_ID }));
    const body = (await res.json()) as { run: AdminRun; runPhases: AdminPhaseRow[] };
    expect(res.status).toBe(200);
    expect(body.run.errorStack).toContain(THIS_FILE);
    expectProjectRelative(body.run.errorStack);
    expect(body.run.errorMessage).toBe("could not read data/market/prices.csv.gz");
    expectProjectRelative(body.runPhases[0]!.errorStack);
  });

  it("GET /api/admin/runs/[runId]/phases and GET /api/admin/runs", async () => {
    const phases = await runPhases.GET(appRequest(`/api/admin/runs/${RUN_ID}/phases?status=FAILED`, { cookie: admin }), routeParams({ runId: RUN_ID }));
    const { phases: rows } = (await phases.json()) as { phases: AdminPhaseRow[] };
    expect(rows).toHaveLength(1);
    expectProjectRelative(rows[0]!.errorStack);
    expectProjectRelative(rows[0]!.errorMessage);
    const list = await runs.GET(appRequest("/api/admin/runs?limit=5", { cookie: admin }), routeParams());
    const listed = ((await list.json()) as { runs: AdminRun[] }).runs.find((r) => r.id === RUN_ID);
    expectProjectRelative(listed!.errorStack);
  });
});
