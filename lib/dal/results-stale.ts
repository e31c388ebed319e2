import "server-only";
// Every edit of a book's inputs (positions, marks, capital flows) goes through here, in the edit's own
// transaction: the book's inputs version moves on and its stored days from the earliest affected date
// are marked for recomputation, which the next batch run (normal or forced) honours.
import type { IsoDate } from "@/lib/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { staleResultsNotice, type StaleResultsNotice } from "@/lib/positions/stale-results";

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export async function markResultsStale(tx: Tx, portfolioId: string, from: IsoDate): Promise<StaleResultsNotice> {
  await tx.$executeRaw`UPDATE portfolios SET inputs_version = inputs_version + 1,
    recompute_from = LEAST(COALESCE(recompute_from, ${from}::date), ${from}::date) WHERE id = ${portfolioId}`;
  return staleResultsNotice(from);
}
