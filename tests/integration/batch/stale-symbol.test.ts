// A stale symbol never stops a book (its price has not arrived): each day is valued on the symbol's
// last close, stored provisional with the symbol listed, the run says PARTIAL; after 5 trading days the
// overview flags it; the first run that has the prices recomputes those days to what a clean
// back-fill stores, and a run after that has nothing left to do.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getOverview } from "@/app/api/portfolios/[id]/overview/route";
import { GET as getStressOne } from "@/app/api/portfolios/[id]/stress/[scenarioKey]/route";
import { runLocalBatch } from "@/lib/batch/local-executor";
import { commitPositionImport } from "@/lib/dal/import-positions";
import { getPortfolioOrThrow } from "@/lib/dal/portfolios";
import { getPool } from "@/lib/db/pool";
import type { MarketDataProvider } from "@/lib/market-data/provider";
import { providerFromEnv } from "@/lib/market-data/provider-from-env";
import { tradingDaysBetween } from "@/lib/market-data/trading-calendar";
import { appRequest, routeParams, sessionCookie, useSeededDatabase } from "../helpers";
import { AS_OF } from "./batch-helpers";
import { bookState, cloneBook, expectSameState } from "./book-state";

const BOOK = "stale-book";
const DAYS = tradingDaysBetween("2026-05-01", AS_OF);
const STALE_DAYS = DAYS.slice(-6);
const LAST_CLOSE_DAY = DAYS.at(-7)!;
const owner = { id: "user-individual", email: "individual@riskline.dev", name: "Ivy Individual", role: "MANAGER" as const };

const vendor = providerFromEnv();
/** The vendor as it answers while NVDA's last closes have not arrived. */
const lagging: MarketDataProvider = {
  name: "file, NVDA lagging",
  dataEndDate: () => vendor.dataEndDate!(),
  async fetchDailyCloses(symbols, from, to, opts) {
    const r = await vendor.fetchDailyCloses(symbols, from, to, opts);
    return { ...r, prices: r.prices.filter((p) => !(p.symbol === "NVDA" && STALE_DAYS.includes(p.date))) };
  },
};

const snapshots = async () =>
  (
    await getPool().query<{ date: string; status: string; stale_symbols: string[] }>(
      `SELECT date::text, status, stale_symbols FROM snapshots WHERE portfolio_id = $1 ORDER BY date`,
      [BOOK],
    )
  ).rows;

beforeAll(async () => {
  await useSeededDatabase();
  await getPool().query(`INSERT INTO portfolios (id, name, owner_id, starting_equity, inception_date, updated_at) VALUES ($1, $1, $2, 500000, $3, now())`, [BOOK, owner.id, DAYS[0]]);
  await commitPositionImport(
    await getPortfolioOrThrow(owner, BOOK),
    `symbol,quantity,entry_price,entry_date,type,class\nKO,300,60,${DAYS[0]},LONG,PUBLIC\nNVDA,100,100,${DAYS[0]},LONG,PUBLIC\n`,
  );
  // NVDA's last six closes have not arrived (the bundled data is stored already: they go).
  const { rowCount } = await getPool().query(`DELETE FROM prices WHERE symbol = 'NVDA' AND date = ANY($1::date[])`, [STALE_DAYS]);
  expect(rowCount).toBe(6);
});

describe("a symbol whose prices stop arriving", () => {
  it("does not stop the book: every day is stored, the last ones provisional, valued on the last close; the run says PARTIAL", async () => {
    const run = await runLocalBatch({ trigger: "CLI", asOfDate: AS_OF, portfolioIds: [BOOK] }, { provider: lagging });
    expect(run.status).toBe("PARTIAL");
    expect(run.portfolios).toEqual([expect.objectContaining({ status: "partial", reason: "STALE_PRICES", datesCompleted: DAYS.length, provisionalDays: 6 })]);
    const snaps = await snapshots();
    expect(snaps.map((s) => s.date)).toEqual(DAYS);
    expect(snaps.every((s) => s.status === "COMPLETE")).toBe(true);
    expect(snaps.filter((s) => s.stale_symbols.length).map((s) => [s.date, s.stale_symbols])).toEqual(STALE_DAYS.map((d) => [d, ["NVDA"]]));
    const { rows } = await getPool().query<{ date: string; price: number; carried: boolean; last: number }>(
      `SELECT v.date::text, v.price, v.carried, (SELECT close FROM prices WHERE symbol = 'NVDA' AND date = $2) AS last
       FROM position_valuations v JOIN positions p ON p.id = v.position_id WHERE v.portfolio_id = $1 AND p.symbol = 'NVDA' AND v.date = ANY($3::date[])`,
      [BOOK, LAST_CLOSE_DAY, STALE_DAYS],
    );
    expect(rows).toHaveLength(6);
    for (const r of rows) expect(r).toMatchObject({ price: r.last, carried: true });
  });

  it("stresses the stale symbol with the betas of its last returns, and the stress detail reads the same betas back", async () => {
    const cookie = await sessionCookie(owner.email);
    const day = STALE_DAYS.at(-1)!;
    const res = await getStressOne(appRequest(`/api/portfolios/${BOOK}/stress/MARKET_CRASH?date=${day}`, { cookie }), routeParams({ id: BOOK, scenarioKey: "MARKET_CRASH" }));
    const body = (await res.json()) as { scenario: { correlatedPnl: number }; positionContributions: { symbol: string; total: number }[] };
    const nvda = body.positionContributions.find((p) => p.symbol === "NVDA")!;
    expect(nvda.total).toBeLessThan(0);
    const sum = body.positionContributions.reduce((t, p) => t + p.total, 0);
    expect(Math.abs(sum - body.scenario.correlatedPnl)).toBeLessThanOrEqual(1e-8 * Math.abs(body.scenario.correlatedPnl));
  });

  it("is flagged to the manager after 5 trading days without a price", async () => {
    const cookie = await sessionCookie(owner.email);
    const res = await getOverview(appRequest(`/api/portfolios/${BOOK}/overview`, { cookie }), routeParams({ id: BOOK }));
    const body = (await res.json()) as { staleSymbols: string[]; longStale: unknown[] };
    expect(body.staleSymbols).toEqual(["NVDA"]);
    expect(body.longStale).toEqual([{ symbol: "NVDA", lastPriceDate: LAST_CLOSE_DAY, tradingDays: 6 }]);
    const early = await getOverview(appRequest(`/api/portfolios/${BOOK}/overview?date=${STALE_DAYS[3]}`, { cookie }), routeParams({ id: BOOK }));
    expect(((await early.json()) as { longStale: unknown[] }).longStale).toEqual([]);
  });

  it("is recomputed by the first run that has the prices, ending where a clean back-fill ends", async () => {
    // A run without the prices recomputes the provisional days and stores them provisional again.
    const again = await runLocalBatch({ trigger: "CLI", asOfDate: AS_OF, portfolioIds: [BOOK] }, { provider: lagging });
    expect(again.portfolios[0]).toMatchObject({ status: "partial", reason: "STALE_PRICES", datesCompleted: 6, provisionalDays: 6 });
    expect((await snapshots()).filter((s) => s.stale_symbols.length).map((s) => s.date)).toEqual(STALE_DAYS);
    // The vendor has the closes now: the run's market data stores them and the days are recomputed.
    const run = await runLocalBatch({ trigger: "CLI", asOfDate: AS_OF, portfolioIds: [BOOK] });
    expect(run.status).toBe("SUCCEEDED");
    expect(run.portfolios[0]).toMatchObject({ status: "succeeded", datesCompleted: 6 });
    expect((await snapshots()).every((s) => s.stale_symbols.length === 0)).toBe(true);
    const ref = `${BOOK}-ref`;
    await cloneBook(getPool(), BOOK, ref);
    expect((await runLocalBatch({ trigger: "CLI", asOfDate: AS_OF, portfolioIds: [ref] })).status).toBe("SUCCEEDED");
    expectSameState(await bookState(getPool(), BOOK), await bookState(getPool(), ref));
    const after = await runLocalBatch({ trigger: "CLI", asOfDate: AS_OF, portfolioIds: [BOOK] });
    expect(after.portfolios).toEqual([expect.objectContaining({ portfolioId: BOOK, status: "skipped", reason: "ALREADY_COMPLETE", datesCompleted: 0 })]);
  });
});
