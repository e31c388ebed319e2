// The batch driven end to end through the real Inngest SDK handler at /api/inngest (dev mode, no
// Inngest server): this test plays the executor — it POSTs the run state, memoizes each step's result
// the SDK hands back, runs the invoked child function the same way, and repeats until the run ends.
import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { storageStatePath } from "./accounts";

interface Op {
  op: string;
  id: string;
  data?: unknown;
  error?: unknown;
  opts?: { function_id?: string; payload?: { data?: Record<string, unknown> } };
}

async function drive(request: APIRequestContext, fnId: string, event: { name: string; data: Record<string, unknown> }, trace: string[]): Promise<unknown> {
  const payload = { ...event, id: randomUUID(), ts: Date.now() };
  const steps: Record<string, unknown> = {};
  const stack: string[] = [];
  const runId = randomUUID();
  for (let i = 0; i < 40; i++) {
    const res = await request.post(`/api/inngest?fnId=${fnId}&stepId=step`, {
      data: { event: payload, events: [payload], steps, version: 2, ctx: { run_id: runId, attempt: 0, disable_immediate_execution: false, use_api: false, stack: { stack, current: stack.length } } },
    });
    if (res.status() === 200) return res.json();
    expect(res.status(), await res.text()).toBe(206);
    for (const op of (await res.json()) as Op[]) {
      expect(op.op, JSON.stringify(op.error ?? op)).not.toMatch(/StepError|StepFailed/);
      if (op.op === "RunComplete") return op.data;
      if (op.op === "InvokeFunction") {
        trace.push(`invoke:${op.opts?.function_id ?? "?"}`);
        steps[op.id] = { data: await drive(request, "riskline-refresh-portfolio", { name: "inngest/function.invoked", data: op.opts?.payload?.data ?? {} }, []) };
      } else {
        steps[op.id] = op.data;
      }
      stack.push(op.id);
    }
  }
  throw new Error(`${fnId} did not finish in 40 round trips`);
}

test.describe("/api/inngest (real SDK handler, dev mode)", () => {
  test("answers introspection with the batch functions", async ({ request }) => {
    const res = await request.get("/api/inngest");
    expect(res.status()).toBe(200);
    // cron, run-batch, refresh-portfolio, and run-batch's onFailure handler (its own function).
    expect(await res.json()).toMatchObject({ mode: "dev", function_count: 4 });
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
    expect(trace).toEqual(["invoke:riskline-refresh-portfolio"]);
    // The run and its phases as the admin API reports them.
    const admin = await browser.newContext({ storageState: storageStatePath("admin") });
    const run = await admin.request.get(`/api/admin/runs/${runId}`);
    expect(run.status()).toBe(200);
    const body = JSON.stringify(await run.json());
    expect(body).toContain("SUCCEEDED");
    expect(body).toContain("NO_PUBLIC_POSITIONS");
    await admin.close();
  });
});
