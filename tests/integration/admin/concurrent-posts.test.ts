// Two admins press the buttons at the same moment: two "Run now" of one as-of date start one run and
// answer 409 to the other; two "Force rerun" of one book both run (one after the other, on the
// book's lease) and leave it equal to a clean back-fill.
import { beforeAll, describe, expect, test } from "vitest";
import { POST } from "@/app/api/admin/runs/route";
import { runLocalBatch } from "@/lib/batch/local-executor";
import { getPool } from "@/lib/db/pool";
import { appRequest, routeParams, sessionCookie, useSeededDatabase } from "../helpers";
import { bookState, cloneBook, expectSameState } from "../batch/book-state";
import { waitForRun } from "../security/security-helpers";

const BOOK = "concurrent-posts";
const AS_OF = "2026-07-13";
let admin: string;

const post = (body: unknown) => POST(appRequest("/api/admin/runs", { method: "POST", cookie: admin, body }), routeParams());

beforeAll(async () => {
  await useSeededDatabase();
  admin = await sessionCookie("admin@riskline.dev");
  await cloneBook(getPool(), "demo-fo-growth", BOOK);
});

describe("two simultaneous admin POSTs", () => {
  test("two normal runs of one as-of date: one starts (202), the other is refused (409) naming the running run", async () => {
    const asOf = "2026-06-30";
    const [a, b] = await Promise.all([post({ asOfDate: asOf, portfolioIds: [BOOK] }), post({ asOfDate: asOf, portfolioIds: [BOOK] })]);
    expect([a.status, b.status].sort()).toEqual([202, 409]);
    const [accepted, refused] = a.status === 202 ? [a, b] : [b, a];
    const { runId } = (await accepted.json()) as { runId: string };
    expect(await refused.json()).toEqual({ error: { code: "conflict", message: expect.stringContaining(runId), details: { runningRunId: runId } } });
    expect(await waitForRun(runId)).toBe("SUCCEEDED");
  });

  test("two forced reruns of one book: both succeed and the book equals a clean back-fill", async () => {
    const body = { asOfDate: AS_OF, portfolioIds: [BOOK], force: { from: "2026-06-01", to: "2026-06-10" } };
    const [a, b] = await Promise.all([post(body), post({ ...body, force: { from: "2026-06-05", to: AS_OF } })]);
    expect([a.status, b.status]).toEqual([202, 202]);
    const ids = await Promise.all([a, b].map(async (r) => ((await r.json()) as { runId: string }).runId));
    expect(await Promise.all(ids.map((id) => waitForRun(id)))).toEqual(["SUCCEEDED", "SUCCEEDED"]);

    await cloneBook(getPool(), BOOK, `${BOOK}-ref`);
    expect((await runLocalBatch({ trigger: "CLI", asOfDate: AS_OF, portfolioIds: [`${BOOK}-ref`] })).status).toBe("SUCCEEDED");
    expectSameState(await bookState(getPool(), BOOK), await bookState(getPool(), `${BOOK}-ref`));
  });
});
