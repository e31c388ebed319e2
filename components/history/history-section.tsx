"use client";
// A History panel: its loading and error states, the "not available" reasons of the series that have
// no value in the range, its CSV link and its methodology link.
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { MethodologyLink } from "@/components/methodology-link";
import { SectionFailure } from "@/components/section-failure";
import type { MethodologySection } from "@/lib/methodology/sections";

export function HistorySection<R>({
  title,
  testId,
  query,
  methodology,
  controls,
  children,
}: {
  title: string;
  testId: string;
  query: UseQueryResult<R>;
  methodology: MethodologySection;
  /** Shown whatever the query's state, so a control keeps its focus while its data loads. */
  controls?: ReactNode;
  children: (data: R) => ReactNode;
}) {
  const { data, error, isPending, refetch, isFetching } = query;
  return (
    <section className="panel" data-testid={testId} aria-busy={isPending}>
      <h2>{title}</h2>
      {controls}
      {isPending && <p className="muted" data-state="loading">Loading…</p>}
      {error && <SectionFailure what={title.toLowerCase()} error={error} retrying={isFetching} retry={() => void refetch()} />}
      {data !== undefined && children(data)}
      <MethodologyLink section={methodology} about={title} />
    </section>
  );
}

/** The reasons of the series shown that have no value in the range, in words. */
export function SeriesReasons({ reasons }: { reasons: (string | null)[] }) {
  const shown = [...new Set(reasons.filter((r): r is string => r !== null))];
  if (shown.length === 0) return null;
  return (
    <ul className="muted series-reasons" data-testid="series-unavailable">
      {shown.map((r) => (
        <li key={r}>Not available: {r}.</li>
      ))}
    </ul>
  );
}
