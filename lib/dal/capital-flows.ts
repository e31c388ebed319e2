import "server-only";
// Capital flows (deposits > 0, withdrawals < 0): a flow moves NAV from its date, never P&L or return,
// so every stored day from that date is recomputed by the next run.
import { ApiError, invalidBodyField } from "@/lib/api/errors";
import type { CapitalFlow } from "@/lib/contracts/capital-flows";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";
import { fromDbDate, toDbDate, type IsoDate } from "@/lib/dates";
import { getPrisma } from "@/lib/db/prisma";
import type { StaleResultsNotice } from "@/lib/positions/stale-results";
import { assertBookActive } from "./active-book";
import { currentAsOf } from "./admin-as-of";
import { changeInputs, markResultsStale } from "./results-stale";

export interface CapitalFlowInput {
  date: IsoDate;
  amount: number;
  note?: string | null | undefined;
}

const toFlow = (f: { id: string; date: Date; amount: number; note: string | null }): CapitalFlow => ({ id: f.id, date: fromDbDate(f.date), amount: f.amount, note: f.note });

export async function listCapitalFlows(portfolio: PortfolioSummary): Promise<CapitalFlow[]> {
  const rows = await getPrisma().capitalFlow.findMany({ where: { portfolioId: portfolio.id }, orderBy: [{ date: "asc" }, { id: "asc" }] });
  return rows.map(toFlow);
}

/** The batch books a flow only on a day of the book's chain: from inception to the as-of date (the trading day is the contract's check). */
async function checkFlowDate(portfolio: PortfolioSummary, date: IsoDate): Promise<void> {
  if (date < portfolio.inceptionDate) throw invalidBodyField("date", `is before the portfolio's inception date ${portfolio.inceptionDate}`);
  const { asOf } = await currentAsOf();
  if (date > asOf) throw invalidBodyField("date", `is after the as-of date ${asOf}`);
}

export async function recordCapitalFlow(portfolio: PortfolioSummary, flow: CapitalFlowInput): Promise<{ flow: CapitalFlow } & StaleResultsNotice> {
  assertBookActive(portfolio);
  await checkFlowDate(portfolio, flow.date);
  return changeInputs(portfolio.id, async (tx) => {
    const created = await tx.capitalFlow.create({ data: { portfolioId: portfolio.id, date: toDbDate(flow.date), amount: flow.amount, note: flow.note ?? null } });
    return { flow: toFlow(created), ...(await markResultsStale(tx, portfolio.id, flow.date)) };
  });
}

/** Removing a mistaken flow moves NAV back from its date. */
export async function deleteCapitalFlow(portfolio: PortfolioSummary, flowId: string): Promise<{ deleted: string } & StaleResultsNotice> {
  assertBookActive(portfolio);
  return changeInputs(portfolio.id, async (tx) => {
    const flow = await tx.capitalFlow.findFirst({ where: { id: flowId, portfolioId: portfolio.id }, select: { date: true } });
    if (!flow) throw new ApiError("not_found", `Capital flow ${flowId} not found in portfolio ${portfolio.id}.`);
    await tx.capitalFlow.delete({ where: { id: flowId } });
    return { deleted: flowId, ...(await markResultsStale(tx, portfolio.id, fromDbDate(flow.date))) };
  });
}
