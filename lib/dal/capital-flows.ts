import "server-only";
// Capital flows (deposits > 0, withdrawals < 0): a flow moves NAV from its date, never P&L or return,
// so every stored day from that date is recomputed by the next run.
import { toDbDate, type IsoDate } from "@/lib/dates";
import type { StaleResultsNotice } from "@/lib/positions/stale-results";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";
import { changeInputs, markResultsStale } from "./results-stale";

export interface CapitalFlowInput {
  date: IsoDate;
  amount: number;
  note?: string | null;
}

export async function recordCapitalFlow(portfolio: PortfolioSummary, flow: CapitalFlowInput): Promise<{ id: string } & StaleResultsNotice> {
  return changeInputs(portfolio.id, async (tx) => {
    const created = await tx.capitalFlow.create({ data: { portfolioId: portfolio.id, date: toDbDate(flow.date), amount: flow.amount, note: flow.note ?? null }, select: { id: true } });
    return { id: created.id, ...(await markResultsStale(tx, portfolio.id, flow.date)) };
  });
}
