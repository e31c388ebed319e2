"use client";
// A panel of analytics with its loading, "not computed" (with the reason), error and as-of states.
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import type { Analytics, Available } from "@/lib/api/analytics-response";

export function AnalyticsSection<T>({
  title,
  testId,
  query,
  children,
  className = "panel",
}: {
  title: string;
  testId: string;
  query: UseQueryResult<Analytics<T>>;
  children: (data: Available<T>) => ReactNode;
  className?: string;
}) {
  const { data, error, isPending } = query;
  return (
    <section className={className} data-testid={testId} aria-busy={isPending}>
      <h2>
        {title} {data?.asOfDate && <span className="muted as-of" data-testid="as-of">· as of {data.asOfDate}</span>}
      </h2>
      {isPending && <p className="muted" data-state="loading">Loading…</p>}
      {error && (
        <p role="alert" className="error" data-state="error">
          Could not load {title.toLowerCase()}: {error.message}
        </p>
      )}
      {data && !data.available && (
        <p className="muted" data-state="empty" data-testid="unavailable-reason">
          Not available ({data.reason}): {data.detail}.
        </p>
      )}
      {data?.available && children(data)}
    </section>
  );
}
