import "server-only";
// The days a history answers for: the COMPLETE snapshots of a book from `from` through `to` (each
// optional, inclusive), with the reasons the batch stored for absent sections, and how a series that
// is null on every one of those days is explained in words.
import { fromDbDate, toDbDate } from "@/lib/dates";
import { getPrisma } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { reasonLabel } from "@/lib/reason-codes";
import { snapshotReasonsSchema, type SnapshotReasons, type SnapshotSection } from "@/lib/results/shapes";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";
import { parseStored } from "./stored-json";

export interface HistoryDay<R> {
  date: string;
  row: R;
  reasons: SnapshotReasons;
}

export interface HistoryDays<R> {
  from: string | null;
  to: string | null;
  days: HistoryDay<R>[];
}

/** The stored figures a history reads from a snapshot. */
const HISTORY_COLUMNS = {
  date: true,
  reasons: true,
  vol21: true,
  vol63: true,
  volForecastHar: true,
  volForecastEwma: true,
  var95Hist: true,
  var99Hist: true,
  es95Hist: true,
  es99Hist: true,
  var95Param: true,
  var99Param: true,
  es95Param: true,
  es99Param: true,
} as const satisfies Prisma.SnapshotSelect;
export type HistoryRow = Prisma.SnapshotGetPayload<{ select: typeof HISTORY_COLUMNS }>;

/** The complete snapshots in the range, oldest first. */
export async function historyDays(portfolio: PortfolioSummary, range: { from?: string; to?: string }): Promise<HistoryDays<HistoryRow>> {
  const rows = await getPrisma().snapshot.findMany({
    where: {
      portfolioId: portfolio.id,
      status: "COMPLETE",
      date: { ...(range.from === undefined ? {} : { gte: toDbDate(range.from) }), ...(range.to === undefined ? {} : { lte: toDbDate(range.to) }) },
    },
    orderBy: { date: "asc" },
    select: HISTORY_COLUMNS,
  });
  const days = rows.map((row) => {
    const date = fromDbDate(row.date);
    const reasons = row.reasons === null ? {} : parseStored(snapshotReasonsSchema, row.reasons, { table: "snapshots", column: "reasons", key: { portfolioId: portfolio.id, date } });
    return { date, row, reasons };
  });
  return { from: range.from ?? days[0]?.date ?? null, to: range.to ?? days.at(-1)?.date ?? null, days };
}

/** Why a series has no value in the range: the latest reason the batch stored for its section, or
 * that no day in the range holds it. */
export function seriesUnavailable(days: HistoryDays<unknown>, what: string, reasonOf: (r: SnapshotReasons) => { reason: Parameters<typeof reasonLabel>[0]; detail: string } | undefined): string {
  if (days.days.length === 0) return noSnapshots(days);
  const stored = days.days.map((d) => reasonOf(d.reasons)).filter((r) => r !== undefined).at(-1);
  if (stored) return `${what}: ${reasonLabel(stored.reason)} (${stored.detail})`;
  return `${what}: not stored on any complete day from ${days.from} to ${days.to}`;
}

export function noSnapshots(days: { from: string | null; to: string | null }): string {
  if (days.from === null && days.to === null) return "the daily batch has not completed a snapshot of this portfolio yet";
  return `no complete snapshot from ${days.from ?? "the first day"} to ${days.to ?? "the latest day"}`;
}

export const sectionReason = (section: SnapshotSection) => (r: SnapshotReasons) => r[section];

/** A series' reason when every point is null, else null. */
export function reasonIfEmpty<P>(days: HistoryDays<unknown>, points: P[], value: (p: P) => number | null, what: string, section: SnapshotSection): string | null {
  return points.some((p) => value(p) !== null) ? null : seriesUnavailable(days, what, sectionReason(section));
}
