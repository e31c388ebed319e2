// The vendor re-bases a symbol's adjusted history after the first load (issue 19, item 1): a dividend
// scales every earlier close, a 4:1 split every close. The next daily run must notice it in the overlap,
// replace the symbol's whole stored history, recompute every book that used it from the first changed
// date, and record the re-basing; afterwards the stored closes and every stored figure equal those of a
// clean load of the new history (an empty price table filled from the vendor, every day recomputed).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLocalBatch } from "@/lib/batch/local-executor";
import { getPool } from "@/lib/db/pool";
import { upsertPrices } from "@/lib/market-data/store-prices";
import { DEMO_INCEPTION } from "@/lib/seed/demo-portfolios";
import { useSeededDatabase } from "../helpers";
import { startFakeFmp, type CorporateAction, type FakeFmp } from "../reliability/fake-fmp";
import { AS_OF, bringUpToDate, DAYS, expectSameFigures, phasesOf, PORTFOLIO_IDS, resultFigures } from "../reliability/reliability-helpers";

const db = () => getPool();
/** Books holding the symbol (or an option on it); demo-fo-private holds neither AAPL nor MSFT. */
const HOLDERS = ["demo-fo-growth", "demo-hedgefund", "demo-hnw", "demo-individual"];

let fmp: FakeFmp;

beforeAll(async () => {
  await useSeededDatabase();
  await bringUpToDate();
  fmp = await startFakeFmp();
});

afterAll(async () => {
  await fmp?.close();
});

/** Every stored figure the books and the symbols carry from inception on, by row key. */
async function storedFigures(): Promise<Map<string, number[]>> {
  const figures = await resultFigures(DEMO_INCEPTION);
  const { rows } = await db().query<{ key: string; v: number[] }>(
    `SELECT concat_ws('|', 'beta', symbol, date, factor) AS key, ARRAY[beta, raw_beta, r_squared] AS v FROM symbol_factor_betas WHERE date >= $1`,
    [DEMO_INCEPTION],
  );
  for (const r of rows) figures.set(r.key, r.v);
  return figures;
}

async function storedCloses(symbol: string, from = "0001-01-01"): Promise<Map<string, number>> {
  const { rows } = await db().query<{ date: string; close: number }>(`SELECT to_char(date, 'YYYY-MM-DD') AS date, close FROM prices WHERE symbol = $1 AND date >= $2 ORDER BY date`, [
    symbol,
    from,
  ]);
  return new Map(rows.map((r) => [r.date, r.close]));
}

/** The vendor's closes of `symbol` on the dates in [from, AS_OF]. */
function vendorCloses(symbol: string, from: string): Map<string, number> {
  return new Map([...fmp.history(symbol)].filter(([d]) => d >= from && d <= AS_OF).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * The corporate action happens on the as-of date, after the first load: the store holds every earlier
 * day on the old basis, and the daily run gets the new day (and the overlap) from the vendor.
 */
async function actionThenDailyRun(symbol: string, action: CorporateAction) {
  fmp.actions.set(symbol, [...(fmp.actions.get(symbol) ?? []), action]);
  await db().query(`DELETE FROM prices WHERE date >= $1`, [AS_OF]);
  return runLocalBatch({ trigger: "ADMIN", asOfDate: AS_OF, portfolioIds: PORTFOLIO_IDS, force: { from: AS_OF, to: AS_OF } }, { provider: fmp.provider() });
}

/** A clean load of the vendor's current history: every stored price replaced by the vendor's closes over
 * the same span (the stress replays need the years before the look-back), every day of every book recomputed. */
async function cleanLoad() {
  const { rows: span } = await db().query<{ symbols: string[]; first: string }>(`SELECT array_agg(DISTINCT symbol) AS symbols, to_char(min(date), 'YYYY-MM-DD') AS first FROM prices`);
  await db().query(`DELETE FROM prices`);
  const history = await fmp.provider({ timeoutMs: 10_000 }).fetchDailyCloses(span[0]!.symbols, span[0]!.first, AS_OF);
  expect(history.errors).toEqual([]);
  await upsertPrices(db(), history.prices, { source: "fmp" });
  const run = await runLocalBatch({ trigger: "ADMIN", asOfDate: AS_OF, portfolioIds: PORTFOLIO_IDS, force: { from: DEMO_INCEPTION, to: AS_OF } }, { provider: fmp.provider() });
  const { rows } = await db().query<{ status: string; error_message: string | null }>(`SELECT status, error_message FROM batch_runs WHERE id = $1`, [run.runId]);
  expect(rows[0]).toEqual({ status: "SUCCEEDED", error_message: null });
}

const CASES: { name: string; symbol: string; action: (previousClose: number) => CorporateAction; ratio: (previousClose: number) => number }[] = [
  // A special dividend big enough that a lost one would show in every figure: earlier closes × (1 − D/P).
  { name: "a dividend", symbol: "AAPL", action: () => ({ kind: "dividend", date: AS_OF, amount: 12.5 }), ratio: (p) => 1 - 12.5 / p },
  { name: "a 4:1 split", symbol: "MSFT", action: () => ({ kind: "split", date: AS_OF, ratio: 4 }), ratio: () => 0.25 },
];

describe.each(CASES)("the vendor re-bases $symbol after $name", ({ symbol, action, ratio }) => {
  it("the daily run replaces the stored history, recomputes the books that hold it, records the re-basing, and ends equal to a clean load", async () => {
    const before = await storedCloses(symbol);
    const firstStored = [...before.keys()][0]!;
    const previousClose = before.get(DAYS.at(-2)!)!;
    const navsBefore = await resultFigures(DEMO_INCEPTION);

    const run = await actionThenDailyRun(symbol, action(previousClose));
    expect(run.portfolios.filter((p) => p.status !== "succeeded")).toEqual([]);
    expect(await phasesOf(run.runId, "status = 'FAILED'")).toEqual([]);
    expect(run.status).toBe("SUCCEEDED");

    // Recorded: which symbol, by how much, what was replaced, which books recompute from when.
    const [md] = await phasesOf(run.runId, "phase = 'MARKET_DATA'");
    expect(md).toMatchObject({ status: "SUCCEEDED", counts: { symbolsRebased: 1, booksMarkedStale: HOLDERS.length, symbolsFailed: 0 } });
    const [rebased] = md!.details!.rebased as Record<string, unknown>[];
    expect(rebased).toMatchObject({ symbol, firstChangedDate: firstStored, refetchedFrom: firstStored, rowsDeleted: before.size - 1 });
    expect(rebased!.minRatio).toBeCloseTo(ratio(previousClose), 12);
    expect(rebased!.maxRatio).toBeCloseTo(ratio(previousClose), 12);
    expect(rebased!.books).toEqual(HOLDERS.map((id) => ({ id, from: DEMO_INCEPTION })));

    // The whole stored history is on the new basis; nothing of the old one is left.
    const after = await storedCloses(symbol);
    expect(after).toEqual(vendorCloses(symbol, firstStored));
    // The books that hold it were recomputed from inception in this run; the other only did the new day.
    for (const p of run.portfolios) expect(p.datesCompleted).toBe(HOLDERS.includes(p.portfolioId) ? DAYS.length : 1);
    const { rows: marks } = await db().query<{ n: number }>(`SELECT count(*)::int AS n FROM portfolios WHERE recompute_from IS NOT NULL AND id = ANY($1::text[])`, [PORTFOLIO_IDS]);
    expect(marks[0]!.n).toBe(0);
    const figures = await storedFigures();
    // The event moved the holders' stored figures (a lost re-basing would leave the old ones).
    const navKey = [...navsBefore.keys()].find((k) => k.startsWith(`snapshot|demo-individual|${DAYS.at(-2)!}`))!;
    expect(figures.get(navKey)![0]).not.toBe(navsBefore.get(navKey)![0]);

    // A clean load of the new history gives the same closes and the same figures (to 1e-9 relative).
    await cleanLoad();
    expect(await storedCloses(symbol)).toEqual(after);
    expectSameFigures(await storedFigures(), figures);
  }, 600_000); // three runs that recompute whole books
});

describe("a run with no re-basing", () => {
  it("compares the overlap, finds it unchanged, and recomputes nothing beyond the new day", async () => {
    await db().query(`DELETE FROM prices WHERE date >= $1`, [AS_OF]);
    const run = await runLocalBatch({ trigger: "ADMIN", asOfDate: AS_OF, portfolioIds: PORTFOLIO_IDS, force: { from: AS_OF, to: AS_OF } }, { provider: fmp.provider() });
    expect(run.status).toBe("SUCCEEDED");
    const [md] = await phasesOf(run.runId, "phase = 'MARKET_DATA'");
    expect(md).toMatchObject({ counts: { symbolsRebased: 0, booksMarkedStale: 0 }, details: { rebased: [] } });
    for (const p of run.portfolios) expect(p.datesCompleted).toBe(1);
  });
});
