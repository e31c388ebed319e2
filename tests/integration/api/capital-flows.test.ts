// Capital flows through the API (list, record, delete) and what they do to the numbers: a deposit
// moves NAV by its amount from its date, and moves neither P&L nor the daily return.
import { beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteFlow } from "@/app/api/portfolios/[id]/capital-flows/[flowId]/route";
import { GET as listFlows, POST as recordFlow } from "@/app/api/portfolios/[id]/capital-flows/route";
import { POST as addPosition } from "@/app/api/portfolios/[id]/positions/route";
import { POST as createPortfolio } from "@/app/api/portfolios/route";
import { runLocalBatch } from "@/lib/batch/local-executor";
import { getPool } from "@/lib/db/pool";
import { AS_OF } from "../batch/batch-helpers";
import { callRoute, sessionCookie, useSeededDatabase } from "../helpers";

const INCEPTION = "2026-06-01";
const DEPOSIT_DAY = "2026-06-15";
const DEPOSIT = 100_000;

let cookie: string;
let book: string;

const record = (body: unknown, id = book) => callRoute(recordFlow, `/api/portfolios/${id}/capital-flows`, { method: "POST", cookie, body, params: { id } });
const list = async () => (await callRoute(listFlows, `/api/portfolios/${book}/capital-flows`, { cookie, params: { id: book } })).body;
const flowCount = async () => Number((await getPool().query<{ n: string }>(`SELECT count(*)::text AS n FROM capital_flows WHERE portfolio_id = $1`, [book])).rows[0]!.n);

interface Day {
  date: string;
  nav: number;
  pnl_day: number;
  daily_return: number;
  capital_flow: number;
}
async function days(): Promise<Map<string, Day>> {
  const { rows } = await getPool().query<Day>(
    `SELECT date, nav, pnl_day, daily_return, capital_flow FROM snapshots WHERE portfolio_id = $1 AND status = 'COMPLETE' ORDER BY date`,
    [book],
  );
  return new Map(rows.map((r) => [r.date, r]));
}

beforeAll(async () => {
  await useSeededDatabase();
  cookie = await sessionCookie("individual@riskline.dev");
  book = (await callRoute(createPortfolio, "/api/portfolios", { method: "POST", cookie, body: { name: "Flows", startingEquity: 500_000, inceptionDate: INCEPTION } })).body.portfolio.id;
  for (const [symbol, quantity, entryPrice] of [["KO", 2000, 60], ["MSFT", 300, 400]] as const) {
    const { status } = await callRoute(addPosition, `/api/portfolios/${book}/positions`, {
      method: "POST",
      cookie,
      params: { id: book },
      body: { symbol, quantity, entryPrice, entryDate: INCEPTION, positionType: "LONG", investmentClass: "PUBLIC" },
    });
    expect(status).toBe(201);
  }
});

describe("a deposit, then a batch run", () => {
  it("moves NAV by the amount from its date on, and leaves every day's P&L and that day's return as they were", async () => {
    expect((await runLocalBatch({ trigger: "CLI", asOfDate: AS_OF, portfolioIds: [book] })).status).toBe("SUCCEEDED");
    const before = await days();
    expect(before.get(DEPOSIT_DAY)?.capital_flow).toBe(0);

    const { status, body } = await record({ date: DEPOSIT_DAY, amount: DEPOSIT, note: "Subscription" });
    expect(status).toBe(201);
    expect(body).toMatchObject({ flow: { date: DEPOSIT_DAY, amount: DEPOSIT, note: "Subscription" }, resultsStale: true, recomputeFrom: DEPOSIT_DAY });
    expect((await runLocalBatch({ trigger: "CLI", asOfDate: AS_OF, portfolioIds: [book] })).status).toBe("SUCCEEDED");
    const after = await days();

    expect([...after.keys()]).toEqual([...before.keys()]);
    expect(after.size).toBeGreaterThan(20);
    for (const [date, a] of after) {
      const b = before.get(date)!;
      const moved = date >= DEPOSIT_DAY ? DEPOSIT : 0;
      expect(a.nav - b.nav, date).toBeCloseTo(moved, 6);
      expect(a.pnl_day, date).toBeCloseTo(b.pnl_day, 6);
      expect(a.capital_flow, date).toBe(date === DEPOSIT_DAY ? DEPOSIT : 0);
      // The day's return divides by the previous NAV, which the deposit has not reached yet.
      if (date <= DEPOSIT_DAY) expect(a.daily_return, date).toBeCloseTo(b.daily_return, 12);
    }
    expect(after.get(DEPOSIT_DAY)!.pnl_day).not.toBe(0); // a real P&L day, so "unchanged" means something
  });
});

describe("GET, POST and DELETE /api/portfolios/[id]/capital-flows", () => {
  it("lists flows oldest first, records a withdrawal, and deletes a mistaken one with a stale mark from its date", async () => {
    const withdrawal = await record({ date: "2026-07-01", amount: -25_000 });
    expect(withdrawal.status).toBe(201);
    const listed = await list();
    expect(listed.flows.map((f: { date: string; amount: number; note: string | null }) => [f.date, f.amount, f.note])).toEqual([
      [DEPOSIT_DAY, DEPOSIT, "Subscription"],
      ["2026-07-01", -25_000, null],
    ]);
    await getPool().query(`UPDATE portfolios SET recompute_from = NULL WHERE id = $1`, [book]);
    const id = withdrawal.body.flow.id as string;
    const deleted = await callRoute(deleteFlow, `/api/portfolios/${book}/capital-flows/${id}`, { method: "DELETE", cookie, params: { id: book, flowId: id } });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ deleted: id, recomputeFrom: "2026-07-01" });
    expect((await list()).flows).toHaveLength(1);
    const { rows } = await getPool().query<{ recompute_from: string }>(`SELECT recompute_from FROM portfolios WHERE id = $1`, [book]);
    expect(rows[0]!.recompute_from).toBe("2026-07-01");
    const again = await callRoute(deleteFlow, `/api/portfolios/${book}/capital-flows/${id}`, { method: "DELETE", cookie, params: { id: book, flowId: id } });
    expect(again.status).toBe(404);
  });

  it.each([
    [{ date: "2026-06-13", amount: 1000 }, "body.date", "is not an NYSE trading day"],
    [{ date: "2026-05-29", amount: 1000 }, "body.date", `before the portfolio's inception date ${INCEPTION}`],
    [{ date: "2026-07-14", amount: 1000 }, "body.date", `after the as-of date ${AS_OF}`],
    [{ date: "2026-06-16", amount: 0 }, "body.amount", "must not be zero"],
    [{ date: "2026-06-16", amount: 2e12 }, "body.amount", "at most"],
    [{ date: "2026-06-16", amount: "1000" }, "body.amount", ""],
    [{ date: "2026-06-16", amount: 1000, note: "x".repeat(201) }, "body.note", "at most 200"],
    [{ amount: 1000 }, "body.date", ""],
  ])("refuses %o with 422 naming %s, and writes nothing", async (input, field, message) => {
    const before = await flowCount();
    const { status, body } = await record(input);
    expect(status).toBe(422);
    const named = body.error.details.fields.find((f: { field: string }) => f.field === field);
    expect(named, JSON.stringify(body.error)).toBeDefined();
    expect(named.message).toContain(message);
    expect(await flowCount()).toBe(before);
  });
});
