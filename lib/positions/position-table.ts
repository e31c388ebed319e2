// The Positions table's sorting and totals row, kept pure so the page and its tests agree. Unvalued
// rows (an expired option, a closed position, a book not computed yet) sort last in either direction
// and add nothing to the totals; the totals say how many rows they cover.
import type { PositionRow } from "@/lib/contracts/positions";
import { positionKindLabel, positionTitle } from "./position-labels";

export const SORT_COLUMNS = ["symbol", "type", "quantity", "price", "marketValue", "exposure", "weight", "pnlDay", "pnlTotal", "delta"] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export interface PositionSort {
  column: SortColumn;
  dir: "asc" | "desc";
}

type Valuation = NonNullable<PositionRow["valuation"]>;

function sortValue(p: PositionRow, column: SortColumn): string | number | null {
  switch (column) {
    case "symbol":
      return positionTitle(p);
    case "type":
      return positionKindLabel(p.positionType, p.investmentClass);
    case "quantity":
      return p.quantity;
    case "delta":
      return p.greeks?.delta ?? null;
    default:
      return p.valuation?.[column satisfies keyof Valuation] ?? null;
  }
}

export function sortPositions(rows: readonly PositionRow[], sort: PositionSort | null): PositionRow[] {
  if (!sort) return [...rows];
  const sign = sort.dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, sort.column);
    const y = sortValue(b, sort.column);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return sign * (typeof x === "string" && typeof y === "string" ? x.localeCompare(y) : (x as number) - (y as number));
  });
}

/** A header click: a new column sorts ascending (text) or descending (figures, largest first); the same column flips. */
export function nextSort(current: PositionSort | null, column: SortColumn): PositionSort {
  if (current?.column === column) return { column, dir: current.dir === "asc" ? "desc" : "asc" };
  return { column, dir: column === "symbol" || column === "type" ? "asc" : "desc" };
}

export interface PositionTotals {
  rows: number;
  valued: number;
  expired: number;
  closed: number;
  marketValue: number;
  exposure: number;
  weight: number;
  pnlDay: number;
  pnlTotal: number;
}

/** `asOfDate`: the valuation date; an option past its expiry on it (and not closed) counts as expired. */
export function positionTotals(rows: readonly PositionRow[], asOfDate: string | null): PositionTotals {
  const t: PositionTotals = { rows: rows.length, valued: 0, expired: 0, closed: 0, marketValue: 0, exposure: 0, weight: 0, pnlDay: 0, pnlTotal: 0 };
  for (const p of rows) {
    if (p.exitDate !== null) t.closed += 1;
    else if (isExpired(p, asOfDate)) t.expired += 1;
    const v = p.valuation;
    if (!v) continue;
    t.valued += 1;
    t.marketValue += v.marketValue;
    t.exposure += v.exposure;
    t.weight += v.weight;
    t.pnlDay += v.pnlDay;
    t.pnlTotal += v.pnlTotal;
  }
  return t;
}

export const isExpired = (p: Pick<PositionRow, "exitDate" | "expiry">, asOfDate: string | null): boolean =>
  p.exitDate === null && p.expiry !== null && asOfDate !== null && p.expiry < asOfDate;

/** "28 valued of 30 positions (2 expired options, not valued)": why the count differs from the rows. */
export function totalsCaption(t: PositionTotals): string {
  const unvalued = [t.expired ? `${t.expired} expired option${t.expired === 1 ? "" : "s"}` : "", t.closed ? `${t.closed} closed` : ""].filter(Boolean);
  const head = t.valued === t.rows ? `${t.rows} position${t.rows === 1 ? "" : "s"}` : `${t.valued} valued of ${t.rows} positions`;
  return unvalued.length && t.valued !== t.rows ? `${head} (${unvalued.join(", ")}, not valued)` : head;
}
