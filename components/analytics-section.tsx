"use client";
// A panel of analytics with its loading, "not computed" (with the reason), error and as-of states.
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { type AnalyticsResponse, type Available, isAvailable, unavailableOf } from "@/lib/contracts/analytics";
import { reasonLabel } from "@/lib/reason-codes";
import { MethodologyLinkFor } from "./methodology-link";
import { SectionFailure } from "./section-failure";

export function AnalyticsSection<R extends AnalyticsResponse>({
  title,
  testId,
  query,
  children,
  className = "panel",
}: {
  title: string;
  testId: string;
  query: UseQueryResult<R>;
  children: (data: Available<R>) => ReactNode;
  className?: string;
}) {
  const { data, error, isPending, refetch, isFetching } = query;
  const missing = data ? unavailableOf(data) : null;
  return (
    <section className={className} data-testid={testId} aria-busy={isPending}>
      <h2>
        {title} {data?.asOfDate && <span className="muted as-of" data-testid="as-of">· as of {data.asOfDate}</span>}
      </h2>
      {isPending && <p className="muted" data-state="loading">Loading…</p>}
      {error && <SectionFailure what={title.toLowerCase()} error={error} retrying={isFetching} retry={() => void refetch()} />}
      {missing && (
        <p className="muted" data-state="empty" data-testid="unavailable-reason">
          Not available: {reasonLabel(missing.reason)} ({missing.detail}).
        </p>
      )}
      {data && isAvailable(data) && children(data)}
      <MethodologyLinkFor testId={testId} about={title} />
    </section>
  );
}
