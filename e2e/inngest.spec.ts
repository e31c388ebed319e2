// The batch driven end to end through the real Inngest SDK handler at /api/inngest (dev mode, no
// Inngest server): this test plays the executor — it POSTs the run state, memoizes each step's result
// the SDK hands back, runs the invoked child function the same way, and repeats until the run ends.
// Where Inngest would report a child run that failed after its retries, or call a function's
// onFailure handler, the test sends what Inngest sends.
import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "./fixtures";
import { storageStatePath } from "./accounts";

interface Op {
  op: string;
  id: string;
  name?: string;
  displayName?: string;
  data?: unknown;
  error?: unknown;
  opts?: { function_id?: string; payload?: { data?: Record<string, unknown> } };
}

/** A serialized error, as Inngest stores a failed step or run. */
interface JsonError {
  name: string;
  message: string;
  stack: string;
}

interface Event {
  name: string;
  data: Record<string, unknown>;
}

/** One request of the executor to the SDK: the run's event and the state of its steps so far. */
function call(request: APIRequestContext, fnId: string, event: Event & { id: string; ts: number }, steps: Record<string, unknown>, stack: string[], runId: string) {
  return request.post(`/api/inngest?fnId=${fnId}&stepId=step`, {
    data: { event, events: [event], steps, version: 2, ctx: { run_id: runId, attempt: 0, disable_immediate_execution: false, use_api: false, stack: { stack, current: stack.length } } },
  });
}

const withId = (event: Event) => ({ ...event, id: randomUUID(), ts: Date.now() });

/**
 * Runs `fnId` for `event` to its end; `trace` gets "<op>:<step id>" of every step the SDK reported.
 * `childFailure` picks the invoked children that fail: Inngest retries a failing child and, once its
 * retries are spent, resumes the parent's invoke step with the child's error as step state `{ error }`,
 * which the SDK turns into a rejected step.invoke — the test sends that state instead of running them.
 */
async function drive(
  request: APIRequestContext,
  fnId: string,
  event: Event,
  trace: string[],
  childFailure: (data: Record<string, unknown>) => JsonError | null = () => null,
): Promise<unknown> {
  const payload = withId(event);
  const steps: Record<string, unknown> = {};
  const stack: string[] = [];
  const runId = randomUUID();
  for (let i = 0; i < 40; i++) {
    const res = await call(request, fnId, payload, steps, stack, runId);
    if (res.status() === 200) return res.json();
    expect(res.status(), await res.text()).toBe(206);
    for (const op of (await res.json()) as Op[]) {
      expect(op.op, JSON.stringify(op.error ?? op)).not.toMatch(/StepError|StepFailed/);
      if (op.op === "RunComplete") return op.data;
      trace.push(`${op.op}:${op.displayName ?? op.name ?? op.id}`);
      if (op.op === "InvokeFunction") {
        expect(op.opts?.function_id).toBe("riskline-refresh-portfolio");
        const data = op.opts?.payload?.data ?? {};
        const error = childFailure(data);
        steps[op.id] = error ? { error } : { data: await drive(request, "riskline-refresh-portfolio", { name: "inngest/function.invoked", data }, []) };
      } else {
        steps[op.id] = op.data;
      }
      stack.push(op.id);
    }
  }
  throw new Error(`${fnId} did not finish in 40 round trips`);
}

const RUN_STEPS = ["create-run", "prerequisites", "missing-dates", "market-data", "symbol-analytics"].map((s) => `StepRun:${s}`);

test.describe("/api/inngest (real SDK handler, dev mode)", () => {
  test("answers introspection with the batch functions", async ({ request }) => {
    const res = await request.get("/api/inngest");
    expect(res.status()).toBe(200);
    // cron, run-batch, refresh-portfolio, recompute-portfolio, and the onFailure handlers of run-batch
    // and recompute-portfolio (each its own function).
    expect(await res.json()).toMatchObject({ mode: "dev", function_count: 6 });
  });

  test("runs a forced rerun of the private-only portfolio through every step and stores its telemetry", async ({ request, browser }) => {
    const runId = randomUUID();
    const trace: string[] = [];
    const result = await drive(
      request,
      "riskline-run-batch",
      {
        name: "riskline/batch.rerun-requested",
        data: { runId, asOfDate: "2026-07-13", portfolioIds: ["demo-fo-private"], force: { from: "2026-07-10", to: "2026-07-13" }, trigger: "ADMIN" },
      },
      trace,
    );
    expect(result).toMatchObject({ status: "SUCCEEDED" });
    expect(trace).toEqual([...RUN_STEPS, "InvokeFunction:refresh-demo-fo-private", "StepRun:finish"]);
    // The run and its phases as the admin API reports them.
    const admin = await browser.newContext({ storageState: storageStatePath("admin") });
    const run = await admin.request.get(`/api/admin/runs/${runId}`);
    expect(run.status()).toBe(200);
    const body = JSON.stringify(await run.json());
    expect(body).toContain("SUCCEEDED");
    expect(body).toContain("NO_PUBLIC_POSITIONS");
    await admin.close();
  });

  test("a child that fails after its retries makes the run PARTIAL: its failure is recorded, the other portfolio and the finish go on", async ({ request, browser }) => {
    // The failing portfolio's child never runs (its data is not touched); the other one is the
    // private-only book the test above reruns.
    const [failing, ok] = ["demo-fo-growth", "demo-fo-private"];
    const dates = ["2026-07-10", "2026-07-13"];
    const childError: JsonError = {
      name: "Error",
      message: `injected failure: the refresh of ${failing} failed on every attempt`,
      stack: `Error: injected failure: the refresh of ${failing} failed on every attempt\n    at refresh (inngest/functions/refresh-portfolio.ts)`,
    };
    const runId = randomUUID();
    const trace: string[] = [];
    const result = await drive(
      request,
      "riskline-run-batch",
      { name: "riskline/batch.rerun-requested", data: { runId, asOfDate: "2026-07-13", portfolioIds: [ok, failing], force: { from: dates[0], to: dates[1] }, trigger: "ADMIN" } },
      trace,
      (data) => ((data.plan as { portfolioId?: string } | undefined)?.portfolioId === failing ? childError : null),
    );
    expect(result).toMatchObject({
      status: "PARTIAL",
      portfolios: [
        { portfolioId: failing, status: "failed", reason: "ERROR", datesCompleted: 0, datesFailed: dates.length },
        { portfolioId: ok, status: "succeeded", datesCompleted: dates.length, datesFailed: 0 },
      ],
    });
    expect(trace).toEqual([...RUN_STEPS, `InvokeFunction:refresh-${failing}`, `InvokeFunction:refresh-${ok}`, `StepRun:failed-${failing}`, "StepRun:finish"]);

    const admin = await browser.newContext({ storageState: storageStatePath("admin") });
    try {
      const detail = (await (await admin.request.get(`/api/admin/runs/${runId}`)).json()) as {
        run: { status: string; finishedAt: string | null; counts: Record<string, number> };
        runPhases: { phase: string; status: string; counts: Record<string, number> }[];
        portfolios: { portfolioId: string; status: string; byStatus: Record<string, number>; grid: Record<string, string> }[];
      };
      expect(detail.run).toMatchObject({ status: "PARTIAL", finishedAt: expect.any(String), counts: { portfolios: 2, portfoliosFailed: 1, datesCompleted: dates.length, datesFailed: dates.length } });
      expect(detail.runPhases.filter((p) => p.phase === "FINISH")).toEqual([expect.objectContaining({ status: "SUCCEEDED", counts: detail.run.counts })]);
      // The other portfolio: every day written, nothing failed or left running.
      const other = detail.portfolios.find((p) => p.portfolioId === ok);
      expect(other).toMatchObject({ byStatus: { FAILED: 0, RUNNING: 0 }, grid: { WRITE_RESULTS: "SS", VALUATION: "SS" } });
      // The failed child: one FAILED row for the book, with the error and stack Inngest handed back.
      expect(detail.portfolios.find((p) => p.portfolioId === failing)).toMatchObject({ status: "FAILED", byStatus: { FAILED: 1, SUCCEEDED: 0, SKIPPED: 0, RUNNING: 0 } });
      const phases = (await (await admin.request.get(`/api/admin/runs/${runId}/phases?portfolioId=${failing}`)).json()) as { phases: unknown[] };
      expect(phases.phases).toEqual([
        expect.objectContaining({ phase: "VALUATION", date: null, status: "FAILED", reasonCode: "ERROR", errorMessage: childError.message, errorStack: expect.stringContaining("at refresh") }),
      ]);
    } finally {
      await admin.close();
    }
  });

  test("runs run-batch's onFailure handler, which marks the run FAILED with the error", async ({ request, browser }) => {
    const runId = randomUUID();
    const event = withId({
      name: "riskline/batch.rerun-requested",
      data: { runId, asOfDate: "2026-07-13", portfolioIds: ["demo-fo-private"], force: { from: "2026-07-13", to: "2026-07-13" }, trigger: "ADMIN" },
    });
    // The run starts (its first step creates the run row)…
    const started = await call(request, "riskline-run-batch", event, {}, [], randomUUID());
    expect(started.status()).toBe(206);
    expect(((await started.json()) as Op[]).map((op) => `${op.op}:${op.displayName ?? op.name}`)).toEqual(["StepRun:create-run"]);
    // …and fails after its retries: Inngest sends inngest/function.failed to the onFailure function.
    const error: JsonError = { name: "Error", message: "injected failure: the run failed on every attempt", stack: "Error: injected failure: the run failed on every attempt\n    at step (run-batch)" };
    const failed = withId({ name: "inngest/function.failed", data: { function_id: "riskline-run-batch", run_id: randomUUID(), error, event } });
    const res = await call(request, "riskline-run-batch-failure", failed, {}, [], randomUUID());
    expect(res.status(), await res.text()).toBe(200);

    const admin = await browser.newContext({ storageState: storageStatePath("admin") });
    try {
      const detail = (await (await admin.request.get(`/api/admin/runs/${runId}`)).json()) as { run: Record<string, unknown> };
      expect(detail.run).toMatchObject({ status: "FAILED", errorMessage: error.message, errorStack: expect.stringContaining("at step (run-batch)"), finishedAt: expect.any(String) });
    } finally {
      await admin.close();
    }
  });
});
