import type { Metadata } from "next";
import Link from "next/link";
import { AggregateView } from "@/components/aggregate/aggregate-view";
import { requirePageUser } from "@/lib/dal/pages";

export const metadata: Metadata = { title: "All portfolios combined" };

// A static segment: Next matches it before the book pages' [id], and no book id (a cuid) is "all".
export default async function AggregatePage() {
  const user = await requirePageUser();
  return (
    <>
      <div className="page-head">
        <h1>{user.role === "ADMIN" ? "All portfolios combined" : "All my portfolios"}</h1>
        <Link href="/portfolios">Back to portfolios</Link>
      </div>
      <AggregateView />
    </>
  );
}
