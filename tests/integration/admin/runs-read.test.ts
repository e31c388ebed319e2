// The admin read endpoints against fixture runs: the list with its status filter and cursor, one run
// with its phases aggregated per portfolio, and the filtered, paginated phase rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRunsRoute } from "@/app/api/admin/runs/route";
import { GET as runRoute } from "@/app/api/admin/runs/[runId]/route";
import { GET as phasesRoute } from "@/app/api/admin/runs/[runId]/phases/route";
import { PORTFOLIO_DAY_PHASES } from "@/lib/batch/types";
import type { RunDetailResponse as RunDetail } from "@/lib/contracts/admin-runs";
import type { PhasePageResponse as PhasePage } from "@/lib/contracts/admin-runs";
import type { RunPageResponse as RunPage } from "@/lib/contracts/admin-runs";
import { appRequest, routeParams, sessionCookie, useSeededDatabase } from "../helpers";
import { dayPhases, deleteRuns, insertPhases, insertRun } from "./fixtures";

const DATES = ["2026-07-08", "2026-07-09", "2026-07-10"];
/** Portfolio-day phases per date (rows per portfolio = N × 3 dates). */
const N = PORTFOLIO_DAY_PHASES.length;
const RUN = "it-admin-read-run";
const OLDER = "it-admin-read-older";
const FAILED = "it-admin-read-failed";
let admin: string;

beforeAll(async () => {
  await useSeededDatabase();
  admin = await sessionCookie("admin@riskline.dev");
  await deleteRuns([RUN, OLDER, FAILED]);
  await insertRun({ id: OLDER, startedAt: "2099-01-01T00:00:00Z", trigger: "CRON", triggeredById: null });
  await insertRun({ id: FAILED, startedAt: "2099-01-02T00:00:00Z", status: "FAILED", trigger: "CLI", triggeredById: null });
  await insertRun({ id: RUN, startedAt: "2099-01-03T00:00:00Z", status: "PARTIAL", portfolioIds: ["demo-fo-growth", "demo-fo-private"], force: { from: DATES[0]!, to: DATES[2]! } });
  await insertPhases(RUN, [
    { phase: "PREREQUISITES", portfolioId: null, date: null, status: "SUCCEEDED", durationMs: 40 },
    { phase: "MISSING_DATES", portfolioId: null, date: null, status: "SUCCEEDED", counts: { portfolios: 2, portfolioDates: 6, dates: 3 } },
    ...dayPhases("demo-fo-growth", DATES, "SUCCEEDED", { durationMs: 5 }, (phase, date) =>
      phase === "STRESS_TESTS" && date === DATES[1] ? { status: "FAILED", reasonCode: "ERROR", errorMessage: "boom", errorStack: "Error: boom\n    at stress" } : undefined,
    ),
    ...dayPhases("demo-fo-private", DATES, "SKIPPED", { reasonCode: "NO_PUBLIC_POSITIONS" }, (phase) => (phase === "VALUATION" ? { status: "SUCCEEDED", reasonCode: undefined } : undefined)),
  ]);
});

afterAll(async () => {
  await deleteRuns([RUN, OLDER, FAILED]);
});

const get = (path: string) => appRequest(path, { cookie: admin });

describe("GET /api/admin/runs", () => {
  it("lists runs newest first with trigger, who and scope names", async () => {
    const res = await listRunsRoute(get("/api/admin/runs?limit=3"), routeParams());
    expect(res.status).toBe(200);
    const body = (await res.json()) as RunPage;
    expect(body.runs.map((r) => r.id)).toEqual([RUN, FAILED, OLDER]);
    const run = body.runs[0]!;
    expect(run).toMatchObject({
      asOfDate: "2026-07-13",
      trigger: "ADMIN",
      triggeredBy: { id: "user-admin", name: "Avery Admin" },
      status: "PARTIAL",
      force: { from: "2026-07-08", to: "2026-07-10" },
      durationMs: 4000,
      counts: { portfolios: 2 },
    });
    expect(run.scope).toEqual({ all: false, portfolios: [{ id: "demo-fo-growth", name: "Family Office Growth" }, { id: "demo-fo-private", name: "Family Office Private" }] });
    expect(body.runs[2]).toMatchObject({ trigger: "CRON", triggeredBy: null, scope: { all: true, portfolios: [] }, force: null });
  });

  it("pages through runs with the cursor, without overlap", async () => {
    const first = (await (await listRunsRoute(get("/api/admin/runs?limit=2"), routeParams())).json()) as RunPage;
    expect(first.runs.map((r) => r.id)).toEqual([RUN, FAILED]);
    expect(first.nextCursor).toBe(FAILED);
    const second = (await (await listRunsRoute(get(`/api/admin/runs?limit=2&cursor=${first.nextCursor}`), routeParams())).json()) as RunPage;
    expect(second.runs[0]?.id).toBe(OLDER);
  });

  it("filters by status", async () => {
    const body = (await (await listRunsRoute(get("/api/admin/runs?status=FAILED&limit=100"), routeParams())).json()) as RunPage;
    expect(body.runs.every((r) => r.status === "FAILED")).toBe(true);
    expect(body.runs.map((r) => r.id)).toContain(FAILED);
  });

  it.each([
    ["status=DONE", "query.status"],
    ["limit=0", "query.limit"],
    ["limit=abc", "query.limit"],
    ["cursor=no-such-run", "query.cursor"],
    ["sort=asc", "query"],
  ])("answers 422 for %s naming %s", async (qs, field) => {
    const res = await listRunsRoute(get(`/api/admin/runs?${qs}`), routeParams());
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; details: { fields: { field: string }[] } } };
    expect(body.error.code).toBe("unprocessable_entity");
    expect(body.error.details.fields.map((f) => f.field)).toContain(field);
  });
});

describe("GET /api/admin/runs/[runId]", () => {
  it("answers the run with its run-level phases and per-portfolio aggregates", async () => {
    const res = await runRoute(get(`/api/admin/runs/${RUN}`), routeParams({ runId: RUN }));
    expect(res.status).toBe(200);
    const detail = (await res.json()) as RunDetail;
    expect(detail.run.id).toBe(RUN);
    expect(detail.runPhases.map((p) => p.phase)).toEqual(["PREREQUISITES", "MISSING_DATES"]);
    expect(detail.totals).toEqual({ RUNNING: 0, SUCCEEDED: 2 + (3 * N - 1) + 3, SKIPPED: 3 * N - 3, FAILED: 1 });
    expect(detail.progress).toMatchObject({ done: 6 * N, running: 0, expected: 6 * N, current: null });

    const [growth, priv] = detail.portfolios;
    expect(growth).toMatchObject({ portfolioId: "demo-fo-growth", name: "Family Office Growth", status: "FAILED", dates: DATES });
    expect(growth!.byStatus).toEqual({ RUNNING: 0, SUCCEEDED: 3 * N - 1, SKIPPED: 0, FAILED: 1 });
    expect(growth!.phases.map((p) => p.phase)).toEqual([...PORTFOLIO_DAY_PHASES]);
    const stress = growth!.phases.find((p) => p.phase === "STRESS_TESTS")!;
    expect(stress).toMatchObject({ total: 3, byStatus: { SUCCEEDED: 2, FAILED: 1 }, reasons: [{ code: "ERROR", count: 1 }], totalMs: 15, maxMs: 5 });
    expect(growth!.grid.STRESS_TESTS).toBe("SFS");
    expect(growth!.grid.VALUATION).toBe("SSS");

    expect(priv).toMatchObject({ portfolioId: "demo-fo-private", status: "SKIPPED", byStatus: { SUCCEEDED: 3, SKIPPED: 3 * N - 3, FAILED: 0 } });
    expect(priv!.phases.find((p) => p.phase === "FACTOR_EXPOSURES")).toMatchObject({ byStatus: { SKIPPED: 3 }, reasons: [{ code: "NO_PUBLIC_POSITIONS", count: 3 }] });
    expect(priv!.grid.FACTOR_EXPOSURES).toBe("KKK");
  });

  it("answers 404 for an unknown run", async () => {
    const res = await runRoute(get("/api/admin/runs/nope"), routeParams({ runId: "nope" }));
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: "not_found" } });
  });
});

describe("GET /api/admin/runs/[runId]/phases", () => {
  const phases = async (qs: string) => {
    const res = await phasesRoute(get(`/api/admin/runs/${RUN}/phases?${qs}`), routeParams({ runId: RUN }));
    expect(res.status).toBe(200);
    return (await res.json()) as PhasePage;
  };

  it("pages through a portfolio's rows in date then phase order, each row once", async () => {
    const seen: PhasePage["phases"] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: PhasePage = await phases(`portfolioId=demo-fo-growth&limit=10${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...page.phases);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(Math.ceil((3 * N) / 10));
    expect(seen).toHaveLength(3 * N);
    expect(new Set(seen.map((p) => p.id)).size).toBe(3 * N);
    expect(seen.map((p) => p.date)).toEqual(DATES.flatMap((d) => Array<string>(N).fill(d)));
    expect(seen.slice(0, N).map((p) => p.phase)).toEqual([...PORTFOLIO_DAY_PHASES]);
  });

  it("lists run-level rows first when no portfolio is given", async () => {
    const page = await phases("limit=3");
    expect(page.phases.map((p) => [p.phase, p.date])).toEqual([
      ["PREREQUISITES", null],
      ["MISSING_DATES", null],
      ["VALUATION", DATES[0]],
    ]);
  });

  it("filters by status and returns the failure with its stack", async () => {
    const page = await phases("status=FAILED");
    expect(page.phases).toHaveLength(1);
    expect(page.phases[0]).toMatchObject({ phase: "STRESS_TESTS", portfolioId: "demo-fo-growth", date: "2026-07-09", reasonCode: "ERROR", errorMessage: "boom", errorStack: "Error: boom\n    at stress" });
    expect(page.nextCursor).toBeNull();
  });

  it("filters by phase and by date", async () => {
    expect((await phases("phase=FACTOR_EXPOSURES&portfolioId=demo-fo-private")).phases.map((p) => p.reasonCode)).toEqual(["NO_PUBLIC_POSITIONS", "NO_PUBLIC_POSITIONS", "NO_PUBLIC_POSITIONS"]);
    expect((await phases("date=2026-07-10")).phases).toHaveLength(2 * N);
  });

  it.each([
    ["phase=NOPE", "query.phase"],
    ["status=DONE", "query.status"],
    ["date=2026-02-30", "query.date"],
    ["limit=501", "query.limit"],
    ["cursor=garbage", "query.cursor"],
  ])("answers 422 for %s naming %s", async (qs, field) => {
    const res = await phasesRoute(get(`/api/admin/runs/${RUN}/phases?${qs}`), routeParams({ runId: RUN }));
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { details: { fields: { field: string }[] } } };
    expect(body.error.details.fields.map((f) => f.field)).toContain(field);
  });

  it("answers 404 for an unknown run", async () => {
    const res = await phasesRoute(get("/api/admin/runs/nope/phases"), routeParams({ runId: "nope" }));
    expect(res.status).toBe(404);
  });
});
