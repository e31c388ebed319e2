// POST /api/admin/runs: bodies that name the bad field (422) and start nothing, the 409 while a normal
// run holds the as-of date, and a forced rerun of the private-only portfolio run to the end through
// the local executor, read back through the run endpoint.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as runRoute } from "@/app/api/admin/runs/[runId]/route";
import { POST } from "@/app/api/admin/runs/route";
import type { RunDetailResponse as RunDetail } from "@/lib/contracts/admin-runs";
import { getPool } from "@/lib/db/pool";
import { appRequest, routeParams, sessionCookie, useSeededDatabase } from "../helpers";
import { deleteRuns, insertRun } from "./fixtures";
import { waitForRun } from "../security/security-helpers";

const BLOCKER = "it-admin-running-blocker";
let admin: string;
const started: string[] = [];

beforeAll(async () => {
  await useSeededDatabase();
  admin = await sessionCookie("admin@riskline.dev");
});

afterAll(async () => {
  await deleteRuns([BLOCKER, ...started]);
});

const post = (body: unknown) => POST(appRequest("/api/admin/runs", { method: "POST", cookie: admin, body }), routeParams());
const runCount = async () => (await getPool().query<{ n: number }>("SELECT count(*)::int AS n FROM batch_runs")).rows[0]!.n;

describe("POST /api/admin/runs", () => {
  it.each([
    ["a reversed range", { force: { from: "2026-07-13", to: "2026-07-01" } }, "body.force.from"],
    ["a holiday", { force: { from: "2026-07-03", to: "2026-07-13" } }, "body.force.from"],
    ["a weekend", { force: { from: "2026-07-01", to: "2026-07-12" } }, "body.force.to"],
    ["a non-date", { force: { from: "July 1", to: "2026-07-13" } }, "body.force.from"],
    ["a date past the as-of date", { force: { from: "2026-07-13", to: "2026-07-14" } }, "body.force.to"],
    ["a missing end", { force: { from: "2026-07-01" } }, "body.force.to"],
    ["an unknown portfolio", { portfolioIds: ["demo-fo-growth", "no-such-portfolio"] }, "body.portfolioIds.1"],
    ["an empty portfolio list", { portfolioIds: [] }, "body.portfolioIds"],
    ["portfolio ids that are not strings", { portfolioIds: [42] }, "body.portfolioIds.0"],
    ["an as-of date that is not a trading day", { asOfDate: "2026-07-04" }, "body.asOfDate"],
    ["an as-of date in the future", { asOfDate: "2026-07-15" }, "body.asOfDate"],
    ["an unknown key", { portfolio: "demo-fo-growth" }, "body"],
  ])("answers 422 for %s, naming the field, and starts nothing", async (_, body, field) => {
    const before = await runCount();
    const res = await post(body);
    expect(res.status).toBe(422);
    const json = (await res.json()) as { error: { code: string; message: string; details: { fields: { field: string }[] } } };
    expect(json.error.code).toBe("unprocessable_entity");
    expect(json.error.details.fields.map((f) => f.field)).toContain(field);
    expect(json.error.message).toContain(field);
    expect(await runCount()).toBe(before);
  });

  it("answers 400 for a body that is not JSON", async () => {
    const res = await post("{not json");
    expect(res.status).toBe(400);
  });

  it("answers 409 with the running run's id while a normal run holds the as-of date", async () => {
    await insertRun({ id: BLOCKER, status: "RUNNING", startedAt: new Date().toISOString(), asOfDate: "2026-07-13", activeKey: "2026-07-13" });
    try {
      const res = await post({ asOfDate: "2026-07-13" });
      expect(res.status).toBe(409);
      expect(await res.json()).toEqual({ error: { code: "conflict", message: expect.stringContaining(BLOCKER), details: { runningRunId: BLOCKER } } });
    } finally {
      await deleteRuns([BLOCKER]);
    }
  });

  it("starts a forced rerun of the private-only portfolio: 202, then its analytics are skipped with NO_PUBLIC_POSITIONS", async () => {
    const res = await post({ portfolioIds: ["demo-fo-private"], force: { from: "2026-07-09", to: "2026-07-10" } });
    expect(res.status).toBe(202);
    const { runId, executor } = (await res.json()) as { runId: string; executor: string };
    started.push(runId);
    expect(executor).toBe("local");
    // Skipped market analytics are not failures: every date of the private-only book is valued, so the run succeeds.
    expect(await waitForRun(runId)).toBe("SUCCEEDED");

    const detail = (await (await runRoute(appRequest(`/api/admin/runs/${runId}`, { cookie: admin }), routeParams({ runId }))).json()) as RunDetail;
    expect(detail.run).toMatchObject({ trigger: "ADMIN", triggeredBy: { id: "user-admin" }, force: { from: "2026-07-09", to: "2026-07-10" }, scope: { all: false } });
    const [priv] = detail.portfolios;
    expect(detail.portfolios).toHaveLength(1);
    expect(priv).toMatchObject({ portfolioId: "demo-fo-private", status: "SKIPPED" });
    // A forced rerun recomputes from its range (or an earlier gap) through the as-of date, re-chaining
    // every later day: the range's two days and the as-of date end its dates, whatever other test
    // files computed before.
    expect(priv!.dates.slice(-3)).toEqual(["2026-07-09", "2026-07-10", "2026-07-13"]);
    const n = priv!.dates.length;
    const exposures = priv!.phases.find((p) => p.phase === "FACTOR_EXPOSURES");
    expect(exposures).toMatchObject({ byStatus: { SKIPPED: n, SUCCEEDED: 0, FAILED: 0 }, reasons: [{ code: "NO_PUBLIC_POSITIONS", count: n }] });
    expect(priv!.phases.find((p) => p.phase === "VALUATION")).toMatchObject({ byStatus: { SUCCEEDED: n, SKIPPED: 0, FAILED: 0, RUNNING: 0 } });
    expect(priv!.phases.find((p) => p.phase === "WRITE_RESULTS")).toMatchObject({ byStatus: { SUCCEEDED: n, SKIPPED: 0, FAILED: 0, RUNNING: 0 } });
    expect(priv!.byStatus).toMatchObject({ FAILED: 0, RUNNING: 0 });
    expect(detail.run).toMatchObject({ status: "SUCCEEDED", counts: { portfolios: 1, portfoliosFailed: 0, portfoliosSkipped: 0, datesCompleted: n, datesFailed: 0 } });

    // Its effects: every date of the run written by it and COMPLETE, with a positive NAV.
    const { rows } = await getPool().query<{ date: string; status: string; nav: number }>(
      "SELECT date, status::text, nav FROM snapshots WHERE portfolio_id = 'demo-fo-private' AND run_id = $1 ORDER BY date",
      [runId],
    );
    expect(rows.map((r) => r.date)).toEqual(priv!.dates);
    expect(rows.every((r) => r.status === "COMPLETE" && r.nav > 0)).toBe(true);
  });
});
