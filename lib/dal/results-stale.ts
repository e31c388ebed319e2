import "server-only";
// Every edit of a book's inputs (positions, marks, capital flows) goes through here, in the edit's own
// transaction: the book's inputs version moves on and its stored days from the earliest affected date
// are marked for recomputation. Once the edit commits, the portfolio-changed event starts that
// recompute; any batch run (normal or forced) honours the mark too.
import { portfolioChanged } from "@/lib/batch/recompute/portfolio-changed";
import type { IsoDate } from "@/lib/dates";
import { getPrisma } from "@/lib/db/prisma";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { staleResultsNotice, type StaleResultsNotice } from "@/lib/positions/stale-results";

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export async function markResultsStale(tx: Tx, portfolioId: string, from: IsoDate): Promise<StaleResultsNotice> {
  await tx.$executeRaw`UPDATE portfolios SET inputs_version = inputs_version + 1,
    recompute_from = LEAST(COALESCE(recompute_from, ${from}::date), ${from}::date) WHERE id = ${portfolioId}`;
  return staleResultsNotice(from);
}

/** An edit of a book's inputs in one transaction (which calls markResultsStale), announced once committed. */
export async function changeInputs<T extends StaleResultsNotice>(portfolioId: string, edit: (tx: Tx) => Promise<T>): Promise<T> {
  const result = await retryOnConflict(() => getPrisma().$transaction(edit));
  await portfolioChanged(portfolioId, result.recomputeFrom);
  return result;
}

/** Prisma's code for a transaction lost to a deadlock or write conflict (e.g. deleting a position while
 * the book's recompute writes its valuations): the whole edit is retried, as Prisma advises. */
const WRITE_CONFLICT = "P2034";

async function retryOnConflict<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (e) {
      if (i >= attempts || (e as { code?: unknown }).code !== WRITE_CONFLICT) throw e;
    }
  }
}
