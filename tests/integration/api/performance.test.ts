// GET /api/portfolios/[id]/performance against tests/fixtures/golden/performance.json ("book"): a stock
// book with a short, a deposit and a withdrawal goes in through the real import and capital-flow paths,
// the real batch values it day by day, and the endpoint's figures as of four dates are compared at
// 1e-8 with those scripts/golden/performance.py computes from the same book valued independently (cash
// accounting on the bundled closes), against SPY and, once the manager chooses it, against QQQ.
import { beforeAll, describe, expect, test } from "vitest";
import { GET as getPerformance } from "@/app/api/portfolios/[id]/performance/route";
import { PATCH as patchPortfolio } from "@/app/api/portfolios/[id]/route";
import { GET as getSnapshots } from "@/app/api/portfolios/[id]/snapshots/route";
import { runLocalBatch } from "@/lib/batch/local-executor";
import { recordCapitalFlow } from "@/lib/dal/capital-flows";
import { commitPositionImport } from "@/lib/dal/import-positions";
import { getPortfolioOrThrow } from "@/lib/dal/portfolios";
import type { SessionUser } from "@/lib/dal/session";
import { getPool } from "@/lib/db/pool";
import type { Performance } from "@/lib/risk/performance";
import { expectClose } from "../../unit/risk/close";
import { expectPerformance, performanceGolden } from "../../unit/risk/performance-golden";
import { callRoute, sessionCookie, useSeededDatabase } from "../helpers";

const book = performanceGolden.book;
const ID = "it-performance-book";
const OWNER: SessionUser = { id: "user-individual", email: "individual@riskline.dev", name: "Ivy Individual", role: "MANAGER" };

let cookie: string;

const performanceAsOf = (date: string, who = cookie) => callRoute(getPerformance, `/api/portfolios/${ID}/performance?date=${date}`, { cookie: who, params: { id: ID } });
const patch = (body: unknown, who = cookie) => callRoute(patchPortfolio, `/api/portfolios/${ID}`, { method: "PATCH", cookie: who, body, params: { id: ID } });

beforeAll(async () => {
  await useSeededDatabase();
  await getPool().query(
    `INSERT INTO portfolios (id, name, owner_id, starting_equity, inception_date, updated_at) VALUES ($1, 'Performance golden book', $2, $3, $4, now())`,
    [ID, OWNER.id, book.startingEquity, book.inceptionDate],
  );
  const summary = await getPortfolioOrThrow(OWNER, ID);
  await commitPositionImport(summary, book.csv);
  for (const f of book.flows) await recordCapitalFlow(summary, { date: f.date, amount: f.amount });
  const run = await runLocalBatch({ trigger: "CLI", asOfDate: book.asOfDate, portfolioIds: [ID] });
  expect(run.status).toBe("SUCCEEDED");
  cookie = await sessionCookie(OWNER.email);
}, 600_000);

describe("GET /api/portfolios/[id]/performance", () => {
  test("the batch stores the NAV the golden script computes, day by day", async () => {
    const { body } = await callRoute(getSnapshots, `/api/portfolios/${ID}/snapshots`, { cookie, params: { id: ID } });
    expect(body.snapshots.map((s: { date: string }) => s.date)).toEqual(book.navs.map((n) => n.date));
    book.navs.forEach((n, i) => expectClose(body.snapshots[i].nav, n.nav, `NAV ${n.date}`));
  });

  test.each(book.benchmarks.SPY!.map((g) => [g.asOf, g] as const))("against SPY (the default) as of %s", async (date, want) => {
    const { status, body } = await performanceAsOf(date);
    expect(status).toBe(200);
    expect(body).toMatchObject({ available: true, asOfDate: date, benchmarkSymbol: "SPY", inceptionDate: book.inceptionDate, riskFreeRate: book.riskFreeRate });
    expectPerformance(body as Performance, want, `SPY ${date}`);
  });

  test("before a quarter of returns, every risk-adjusted figure is null with the count in words", async () => {
    const { body } = await performanceAsOf(book.benchmarks.SPY![0]!.asOf);
    expect(body.riskAdjusted.sharpe).toEqual({ value: null, reason: expect.stringMatching(/^\d+ daily returns in the last year, at least 63 needed$/) });
    expect(body.periods.find((p: { period: string }) => p.period === "1Y")).toMatchObject({ partial: true });
  });

  test("the manager chooses QQQ: every benchmark figure follows it", async () => {
    const changed = await patch({ benchmarkSymbol: "qqq" });
    expect(changed.status).toBe(200);
    expect(changed.body.portfolio.benchmarkSymbol).toBe("QQQ");
    for (const want of book.benchmarks.QQQ!) {
      const { body } = await performanceAsOf(want.asOf);
      expect(body.benchmarkSymbol).toBe("QQQ");
      expectPerformance(body as Performance, want, `QQQ ${want.asOf}`);
    }
  });

  test("an unlisted benchmark is refused naming the field, and nothing changes", async () => {
    const before = (await getPool().query(`SELECT benchmark_symbol FROM portfolios WHERE id = $1`, [ID])).rows[0].benchmark_symbol;
    for (const [symbol, message] of [
      ["ZZZZ", "ZZZZ is not a listed symbol"],
      ["not a ticker!", "must be a ticker"],
    ] as const) {
      const { status, body } = await patch({ benchmarkSymbol: symbol });
      expect(status).toBe(422);
      expect(body.error.details.fields).toEqual([{ field: "body.benchmarkSymbol", message: expect.stringContaining(message) }]);
    }
    expect((await getPool().query(`SELECT benchmark_symbol FROM portfolios WHERE id = $1`, [ID])).rows[0].benchmark_symbol).toBe(before);
  });

  test("another manager can neither read it nor change its benchmark (404)", async () => {
    const other = await sessionCookie("hedgefund@riskline.dev");
    expect((await performanceAsOf(book.asOfDate, other)).status).toBe(404);
    expect((await patch({ benchmarkSymbol: "SPY" }, other)).status).toBe(404);
  });

  test("a date without a complete snapshot is not available, with the reason", async () => {
    const { status, body } = await performanceAsOf("2025-03-31");
    expect(status).toBe(200);
    expect(body).toMatchObject({ available: false, reason: "NOT_COMPUTED", detail: "no complete snapshot on 2025-03-31" });
  });
});
