// The reproduction of the re-chain bug, end to end: the manager edits a position of the long/short
// book (PATCH), an admin forces a rerun of five trading days in early May, weeks before the last
// complete day (POST /api/admin/runs). Every day must end COMPLETE, chained from its previous trading
// day, and equal to a clean back-fill of the edited book; the run says SUCCEEDED only then.
import { beforeAll, describe, expect, test } from "vitest";
import { POST as startRun } from "@/app/api/admin/runs/route";
import { PATCH as patchPosition } from "@/app/api/portfolios/[id]/positions/[positionId]/route";
import { runLocalBatch } from "@/lib/batch/local-executor";
import { getPool } from "@/lib/db/pool";
import { tradingDaysBetween } from "@/lib/market-data/trading-calendar";
import { appRequest, routeParams, sessionCookie, useSeededDatabase } from "../helpers";
import { AS_OF } from "./batch-helpers";
import { bookState, cloneBook, expectSameState } from "./book-state";
import { waitForRun } from "../security/security-helpers";

const BOOK = "rechain-hedgefund";
const REFERENCE = "rechain-reference";
const MAY = tradingDaysBetween("2026-05-04", "2026-05-08");

beforeAll(async () => {
  await useSeededDatabase();
  await cloneBook(getPool(), "demo-hedgefund", BOOK);
  const first = await runLocalBatch({ trigger: "CLI", asOfDate: AS_OF, portfolioIds: [BOOK] });
  expect(first.status).toBe("SUCCEEDED");
});

describe("an edit, then a forced rerun of five days that end weeks before the as-of date", () => {
  test("leaves every day COMPLETE, chained day by day, and equal to a clean back-fill", async () => {
    const db = getPool();
    const { rows } = await db.query<{ id: string; quantity: number }>(`SELECT id, quantity FROM positions WHERE portfolio_id = $1 AND symbol = 'MSFT' AND investment_class = 'PUBLIC'`, [BOOK]);
    const msft = rows[0]!;
    const manager = await sessionCookie("hedgefund@riskline.dev");
    const edited = await patchPosition(
      appRequest(`/api/portfolios/${BOOK}/positions/${msft.id}`, { method: "PATCH", cookie: manager, body: { quantity: msft.quantity * 2 } }),
      routeParams({ id: BOOK, positionId: msft.id }),
    );
    expect(edited.status).toBe(200);

    const admin = await sessionCookie("admin@riskline.dev");
    const started = await startRun(
      appRequest("/api/admin/runs", { method: "POST", cookie: admin, body: { asOfDate: AS_OF, portfolioIds: [BOOK], force: { from: MAY[0]!, to: MAY.at(-1)! } } }),
      routeParams(),
    );
    expect(started.status).toBe(202);
    const { runId } = (await started.json()) as { runId: string };
    expect(await waitForRun(runId)).toBe("SUCCEEDED");

    const chain = await db.query<{ date: string; previous_date: string | null; status: string }>(
      `SELECT date, previous_date, status FROM snapshots WHERE portfolio_id = $1 ORDER BY date`,
      [BOOK],
    );
    const days = tradingDaysBetween(chain.rows[0]!.date, AS_OF);
    expect(chain.rows.map((r) => r.date)).toEqual(days);
    expect(chain.rows.filter((r) => r.status !== "COMPLETE")).toEqual([]);
    expect(chain.rows.map((r) => r.previous_date)).toEqual([null, ...days.slice(0, -1)]);

    await cloneBook(db, BOOK, REFERENCE);
    const clean = await runLocalBatch({ trigger: "CLI", asOfDate: AS_OF, portfolioIds: [REFERENCE] });
    expect(clean.status).toBe("SUCCEEDED");
    expectSameState(await bookState(db, BOOK), await bookState(db, REFERENCE));
  });
});
