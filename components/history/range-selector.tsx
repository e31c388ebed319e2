"use client";
// The range of the History charts (1M … all), ending on the page's date.
import { HISTORY_RANGES, type HistoryRange } from "@/lib/history-range";

const LABEL: Record<HistoryRange, string> = { "1M": "1 month", "3M": "3 months", "6M": "6 months", "1Y": "1 year", ALL: "all history" };

export function RangeSelector({ value, onChange }: { value: HistoryRange; onChange: (r: HistoryRange) => void }) {
  return (
    <div className="range-selector" role="group" aria-label="History range" data-testid="history-range">
      {HISTORY_RANGES.map((r) => (
        <button
          key={r}
          type="button"
          className={r === value ? "small" : "secondary small"}
          aria-pressed={r === value}
          aria-label={LABEL[r]}
          data-testid={`range-${r}`}
          onClick={() => onChange(r)}
        >
          {r === "ALL" ? "All" : r}
        </button>
      ))}
    </div>
  );
}
