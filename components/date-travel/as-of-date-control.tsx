"use client";
// The date control of a book's pages: any trading day with COMPLETE results, by picking a date or
// stepping to the previous / next one, kept in the URL (?date=) so every section follows it.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useApi } from "@/components/use-api";
import { useAsOfDate } from "./use-as-of-date";

export function AsOfDateControl({ portfolioId }: { portfolioId: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const asked = useAsOfDate();
  const history = useApi("snapshots", portfolioId);
  const dates = history.data?.available ? history.data.snapshots.map((s) => s.date) : [];
  const latest = dates.at(-1);
  const shown = asked ?? latest;
  const index = shown === undefined ? -1 : dates.indexOf(shown);

  const go = (date: string | undefined) => {
    const params = new URLSearchParams(searchParams);
    if (date === undefined || date === latest) params.delete("date");
    else params.set("date", date);
    const query = params.toString();
    router.push(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };
  /** A day without results (a holiday, before inception) snaps to the last one with results before it. */
  const pick = (date: string) => {
    const onOrBefore = dates.filter((d) => d <= date).at(-1) ?? dates[0];
    if (onOrBefore !== undefined) go(onOrBefore);
  };

  if (history.isPending) return <p className="muted date-control" aria-busy="true">Loading the dates with results…</p>;
  if (history.error) return <p role="alert" className="error date-control">Could not load the dates with results: {history.error.message}</p>;
  if (dates.length === 0) return null;
  return (
    <nav className="date-control" aria-label="Date of the figures" data-testid="date-control">
      <button type="button" className="secondary" onClick={() => go(dates[index - 1])} disabled={index <= 0} data-testid="date-previous" aria-label="Previous trading day">
        ← Previous day
      </button>
      <form
        className="date-pick"
        onSubmit={(e) => {
          e.preventDefault();
          const value = new FormData(e.currentTarget).get("date");
          if (typeof value === "string" && value) pick(value);
        }}
      >
        <label>
          As of
          {/* Keyed by the date shown, so stepping resets what was typed; a typed date applies on Enter or "Show". */}
          <input key={shown} type="date" name="date" defaultValue={shown} min={dates[0]} max={latest} required data-testid="date-input" />
        </label>
        <button type="submit" className="secondary" data-testid="date-show">Show</button>
      </form>
      <button type="button" className="secondary" onClick={() => go(dates[index + 1])} disabled={index < 0 || index >= dates.length - 1} data-testid="date-next" aria-label="Next trading day">
        Next day →
      </button>
      {asked !== undefined && asked !== latest && (
        <button type="button" className="link-button" onClick={() => go(undefined)} data-testid="date-latest">
          Back to latest ({latest})
        </button>
      )}
      {asked !== undefined && index < 0 && (
        <p role="status" className="muted small-print" data-testid="date-not-computed">
          {asked} has no complete results for this book: pick a trading day between {dates[0]} and {latest}.
        </p>
      )}
    </nav>
  );
}
