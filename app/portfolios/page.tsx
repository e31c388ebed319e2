import type { Metadata } from "next";
import Link from "next/link";
import { AggregateLink } from "@/components/aggregate/aggregate-link";
import { PortfolioList } from "@/components/portfolio-list";
import { requirePageUser } from "@/lib/dal/pages";

export const metadata: Metadata = { title: "Portfolios" };

export default async function PortfoliosPage() {
  const user = await requirePageUser();
  return (
    <>
      <div className="page-head">
        <h1>{user.role === "ADMIN" ? "All portfolios" : "Your portfolios"}</h1>
        <div className="actions">
          <AggregateLink admin={user.role === "ADMIN"} />
          <Link href="/portfolios/new" className="button" data-testid="new-portfolio-link">New portfolio</Link>
        </div>
      </div>
      <PortfolioList />
      <PortfolioList archived />
    </>
  );
}
