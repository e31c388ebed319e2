"use client";
// The key numbers at a glance: market beta, 21-day vol and its forecast, 1-day 99 % VaR, worst stress loss.
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useApi } from "@/components/use-api";
import { type AnalyticsResponse, type Available, isAvailable, type StressRow, unavailableOf } from "@/lib/contracts/analytics";
import { formatLossPct, formatLossUsd, formatNum, formatPct, formatUsd, lossClass, signClass } from "@/lib/format";
import { reasonLabel } from "@/lib/reason-codes";
import { MethodologyLinkFor } from "../methodology-link";
import { SectionFailure } from "../section-failure";
import { useAsOfQuery } from "@/components/date-travel/use-as-of-date";

export function HeroRow({ portfolioId }: { portfolioId: string }) {
  const asOf = useAsOfQuery();
  const factors = useApi("factors", portfolioId, asOf);
  const vol = useApi("volatility", portfolioId, asOf);
  const risk = useApi("var", portfolioId, asOf);
  const stress = useApi("stress", portfolioId, asOf);
  return (
    <section className="grid" aria-label="Key risk figures" data-testid="hero-row">
      <Hero label="Market beta" testId="hero-beta" query={factors}>
        {(d) => {
          const m = d.factors.find((f) => f.factor === "MARKET");
          return (
            <>
              <div className="value">{formatNum(m?.beta, 2)}</div>
              <div className="muted">{formatUsd(m?.dollars)} beta-adjusted</div>
            </>
          );
        }}
      </Hero>
      <Hero label="21-day volatility" testId="hero-vol" query={vol}>
        {(d) => (
          <>
            <div className="value">{formatPct(d.vol21, 1)}</div>
            <div className="muted">forecast {formatPct(d.forecastHar, 1)} (HAR) · {d.trend ?? "—"}</div>
          </>
        )}
      </Hero>
      <Hero label="1-day VaR 99 %" testId="hero-var" query={risk}>
        {(d) => {
          const r = d.rows.find((x) => x.method === "historical" && x.confidence === 0.99);
          return (
            <>
              <div className={`value ${lossClass(r?.var)}`}>{formatLossUsd(r?.var)}</div>
              <div className="muted">loss exceeded 1 day in 100: {formatLossPct(r?.varPct)} of NAV, historical</div>
            </>
          );
        }}
      </Hero>
      <Hero label="Worst stress loss" testId="hero-stress" query={stress}>
        {(d) => {
          const worst = d.scenarios.reduce<StressRow | null>((w, s) => (w === null || s.correlatedPnl < w.correlatedPnl ? s : w), null);
          return (
            <>
              <div className={`value ${signClass(worst?.correlatedPnl)}`}>{formatUsd(worst?.correlatedPnl)}</div>
              <div className="muted">
                {worst?.name} ({formatPct(worst?.correlatedPct, 1)}){worst?.exceedsNav && <span className="badge failed"> beyond NAV</span>}
              </div>
            </>
          );
        }}
      </Hero>
    </section>
  );
}

function Hero<R extends AnalyticsResponse>({ label, testId, query, children }: { label: string; testId: string; query: UseQueryResult<R>; children: (d: Available<R>) => ReactNode }) {
  const { data, error, isPending, isFetching, refetch } = query;
  const missing = data ? unavailableOf(data) : null;
  return (
    <div className="panel stat" data-testid={testId}>
      <div className="label">
        {label} {data?.asOfDate && <span className="as-of">· {data.asOfDate}</span>}
      </div>
      <div className="hero-slot">
        {isPending && <div className="muted">Loading…</div>}
        {error && <SectionFailure what={label} error={error} retrying={isFetching} retry={() => void refetch()} />}
        {missing && <div className="muted">Not available: {reasonLabel(missing.reason)}</div>}
        {data && isAvailable(data) && children(data)}
      </div>
      <MethodologyLinkFor testId={testId} about={label} />
    </div>
  );
}
