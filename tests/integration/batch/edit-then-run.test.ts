// An edit, then a run, for every kind of start date: a lot imported on the inception day, inside the
// first write chunk, on either side of a chunk boundary, days before the as-of date and on it. The
// next normal run recomputes from the lot's entry (never "already complete" on the old positions), a
// forced rerun of the last days after an earlier lot works, and the book always equals a clean
// back-fill.
import { beforeAll, describe, expect, test } from "vitest";
import { runLocalBatch } from "@/lib/batch/local-executor";
import { DAYS_PER_CHUNK } from "@/lib/batch/phases/portfolio-analytics";
import { commitPositionImport } from "@/lib/dal/import-positions";
import { getPortfolioOrThrow } from "@/lib/dal/portfolios";
import { getPool } from "@/lib/db/pool";
import { tradingDaysBetween } from "@/lib/market-data/trading-calendar";
import { useSeededDatabase } from "../helpers";
import { AS_OF } from "./batch-helpers";
import { bookState, cloneBook, expectSameState } from "./book-state";

const BOOK = "edit-then-run";
const DAYS = tradingDaysBetween("2026-04-01", AS_OF);
const STARTS = [0, 1, DAYS_PER_CHUNK - 1, DAYS_PER_CHUNK, DAYS_PER_CHUNK + 1, DAYS.length - 2, DAYS.length - 1];
const owner = { id: "user-individual", email: "individual@riskline.dev", name: "Ivy Individual", role: "MANAGER" as const };

async function expectCleanBackFill(tag: string): Promise<void> {
  const ref = `${BOOK}-ref-${tag}`;
  await cloneBook(getPool(), BOOK, ref);
  const clean = await runLocalBatch({ trigger: "CLI", asOfDate: AS_OF, portfolioIds: [ref] });
  expect(clean.status).toBe("SUCCEEDED");
  expectSameState(await bookState(getPool(), BOOK), await bookState(getPool(), ref));
  await getPool().query(`DELETE FROM portfolios WHERE id = $1`, [ref]);
}

beforeAll(async () => {
  await useSeededDatabase();
  await getPool().query(`INSERT INTO portfolios (id, name, owner_id, starting_equity, inception_date, updated_at) VALUES ($1, $1, $2, 500000, $3, now())`, [BOOK, owner.id, DAYS[0]]);
  await commitPositionImport(await getPortfolioOrThrow(owner, BOOK), `symbol,quantity,entry_price,entry_date,type,class\nKO,300,60,${DAYS[0]},LONG,PUBLIC\n`);
  expect((await runLocalBatch({ trigger: "CLI", asOfDate: AS_OF, portfolioIds: [BOOK] })).status).toBe("SUCCEEDED");
});

describe("a lot imported, then a normal run", () => {
  test.each(STARTS.map((i) => [DAYS[i]!, DAYS.length - i]))("entering on %s recomputes the %i days from its entry and equals a clean back-fill", async (entry, days) => {
    const portfolio = await getPortfolioOrThrow(owner, BOOK);
    const imported = await commitPositionImport(portfolio, `symbol,quantity,entry_price,entry_date,type,class\nMSFT,5,400,${entry},LONG,PUBLIC\n`);
    expect(imported.recomputeFrom).toBe(entry);
    const run = await runLocalBatch({ trigger: "CLI", asOfDate: AS_OF, portfolioIds: [BOOK] }, { daysPerChunk: DAYS_PER_CHUNK });
    expect(run.status).toBe("SUCCEEDED");
    expect(run.portfolios).toEqual([expect.objectContaining({ portfolioId: BOOK, status: "succeeded", datesCompleted: days })]);
    const { rows } = await getPool().query<{ recompute_from: string | null }>(`SELECT recompute_from FROM portfolios WHERE id = $1`, [BOOK]);
    expect(rows[0]!.recompute_from).toBeNull();
    await expectCleanBackFill(entry);
  });
});

describe("a lot imported before a forced range of the last days", () => {
  test("the rerun starts at the lot's entry, succeeds and equals a clean back-fill", async () => {
    const entry = DAYS[10]!;
    await commitPositionImport(await getPortfolioOrThrow(owner, BOOK), `symbol,quantity,entry_price,entry_date,type,class\nJPM,20,250,${entry},LONG,PUBLIC\n`);
    const run = await runLocalBatch({ trigger: "ADMIN", asOfDate: AS_OF, portfolioIds: [BOOK], force: { from: DAYS.at(-3)!, to: AS_OF } });
    expect(run.status).toBe("SUCCEEDED");
    expect(run.portfolios[0]).toMatchObject({ status: "succeeded", datesCompleted: DAYS.length - 10 });
    await expectCleanBackFill("forced");
  });
});
