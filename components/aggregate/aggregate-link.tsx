"use client";
// The way to the combined view, shown once the caller has two books or more.
import Link from "next/link";
import { useApi } from "@/components/use-api";

export function AggregateLink({ admin }: { admin: boolean }) {
  const { data } = useApi("portfolios", {});
  if (!data || data.portfolios.length < 2) return null;
  return (
    <Link href="/portfolios/all" className="button secondary" data-testid="aggregate-link">
      {admin ? "All portfolios combined" : "All my portfolios"}
    </Link>
  );
}
