"use client";
// "Run now" and "Force rerun" on the batch dashboard: pick the scope (all portfolios or one) and,
// for a forced rerun, the date range; the confirmation dialog says what will be recomputed.
import { useState } from "react";
import { previousTradingDay } from "@/lib/market-data/trading-calendar";
import { ConfirmRunDialog, type PortfolioChoice, type RunDraft } from "./confirm-run-dialog";

const ALL = "__all__";

/** The default range: the last five trading days up to the as-of date. */
function fiveDaysBefore(asOf: string): string {
  let d = asOf;
  for (let i = 0; i < 4; i++) d = previousTradingDay(d);
  return d;
}

export function RunLauncher({ portfolios, asOf }: { portfolios: PortfolioChoice[]; asOf: string }) {
  const [scope, setScope] = useState(ALL);
  const [from, setFrom] = useState(() => fiveDaysBefore(asOf));
  const [to, setTo] = useState(asOf);
  const [draft, setDraft] = useState<RunDraft | null>(null);
  const portfolioIds = scope === ALL ? null : [scope];
  const rangeError = from && to && from > to ? "From must be on or before To." : null;
  return (
    <section className="panel" aria-label="Start a run">
      <h2>Start a run <span className="muted">· as of {asOf}</span></h2>
      <div className="row wrap">
        <label className="field">
          <span>Portfolio</span>
          <select value={scope} onChange={(e) => setScope(e.target.value)}>
            <option value={ALL}>All portfolios</option>
            {portfolios.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => setDraft({ kind: "run", portfolioIds, from: asOf, to: asOf })}>
          Run now
        </button>
        <span className="divider" aria-hidden />
        <label className="field">
          <span>From</span>
          <input type="date" value={from} max={asOf} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="field">
          <span>To</span>
          <input type="date" value={to} max={asOf} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button type="button" disabled={!from || !to || rangeError !== null} onClick={() => setDraft({ kind: "force", portfolioIds, from, to })}>
          Force rerun
        </button>
      </div>
      {rangeError && <p className="error">{rangeError}</p>}
      <p className="muted small">
        Run now back-fills each portfolio&apos;s missing trading days; Force rerun recomputes every trading day of the range, replacing results.
      </p>
      {draft && <ConfirmRunDialog draft={draft} portfolios={portfolios} asOf={asOf} onClose={() => setDraft(null)} />}
    </section>
  );
}
