"use client";
// The date a portfolio page shows, kept in the URL (?date=YYYY-MM-DD): every section reads it from here,
// so a deep link, the back button and the tabs carry it. No (or no valid) date: the latest results.
import { useSearchParams } from "next/navigation";
import type { AsOfQuery } from "@/lib/contracts/analytics";
import { isIsoDate } from "@/lib/dates";

export function useAsOfDate(): string | undefined {
  const date = useSearchParams().get("date");
  return isIsoDate(date) ? date : undefined;
}

/** The analytics query of the page's date: `{ date }`, or `{}` for the latest results. */
export function useAsOfQuery(): AsOfQuery {
  const date = useAsOfDate();
  return date === undefined ? {} : { date };
}

/** `href` with the page's date, so moving between a book's pages keeps it. */
export function withAsOfDate(href: string, date: string | undefined): string {
  return date === undefined ? href : `${href}?date=${date}`;
}
