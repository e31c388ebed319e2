import "server-only";
// Which snapshot an analytics read answers from: the COMPLETE one on `?date=`, else the latest
// COMPLETE one. A missing snapshot or a section the batch skipped becomes `available: false` with
// the reason, never a zero.
import type { Unavailable } from "@/lib/contracts/analytics";
import { fromDbDate, toDbDate } from "@/lib/dates";
import { getPrisma } from "@/lib/db/prisma";
import type { Snapshot } from "@/lib/generated/prisma/client";
import { snapshotReasonsSchema, type SnapshotReasons, type SnapshotSection } from "@/lib/results/shapes";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";
import { parseStored } from "./stored-json";

export interface AsOfSnapshot {
  asOfDate: string;
  snapshot: Snapshot;
  reasons: SnapshotReasons;
}

export type SnapshotLookup = { found: true; value: AsOfSnapshot } | { found: false; unavailable: Unavailable };

export async function findAsOfSnapshot(portfolio: PortfolioSummary, date?: string): Promise<SnapshotLookup> {
  const snapshot = await getPrisma().snapshot.findFirst({
    where: { portfolioId: portfolio.id, status: "COMPLETE", ...(date === undefined ? {} : { date: toDbDate(date) }) },
    orderBy: { date: "desc" },
  });
  if (!snapshot) {
    const detail = date === undefined ? "the daily batch has not completed a snapshot of this portfolio yet" : `no complete snapshot on ${date}`;
    return { found: false, unavailable: { portfolioId: portfolio.id, available: false, asOfDate: date ?? null, reason: "NOT_COMPUTED", detail } };
  }
  const asOfDate = fromDbDate(snapshot.date);
  const reasons = snapshot.reasons === null ? {} : parseStored(snapshotReasonsSchema, snapshot.reasons, { table: "snapshots", column: "reasons", key: { portfolioId: portfolio.id, date: asOfDate } });
  return { found: true, value: { asOfDate, snapshot, reasons } };
}

/** The batch's reason for a skipped section, or NOT_COMPUTED when the figures are absent without one. */
export function sectionUnavailable(portfolio: PortfolioSummary, at: AsOfSnapshot, section: SnapshotSection, what: string): Unavailable {
  const r = at.reasons[section];
  return {
    portfolioId: portfolio.id,
    available: false,
    asOfDate: at.asOfDate,
    reason: r?.reason ?? "NOT_COMPUTED",
    detail: r?.detail ?? `${what} not computed for ${at.asOfDate}`,
  };
}
