"use client";
// One cached query per analytics endpoint of a portfolio, shared by every section that shows it.
import { useQuery } from "@tanstack/react-query";
import type { Analytics } from "@/lib/api/analytics-response";
import { fetchJson } from "@/lib/fetch-json";

export function useAnalytics<T>(portfolioId: string, path: string) {
  return useQuery({
    queryKey: ["analytics", portfolioId, path],
    queryFn: () => fetchJson<Analytics<T>>(`/api/portfolios/${portfolioId}/${path}`),
  });
}
