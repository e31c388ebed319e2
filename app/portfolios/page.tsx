import type { Metadata } from "next";
import Link from "next/link";
import { PortfolioList } from "@/components/portfolio-list";
import { requirePageUser } from "@/lib/dal/pages";

export const metadata: Metadata = { title: "Portfolios" };

export default async function PortfoliosPage() {
  const user = await requirePageUser();
  return (
    <>
      <div className="page-head">
        <h1>{user.role === "ADMIN" ? "All portfolios" : "Your portfolios"}</h1>
        <Link href="/portfolios/new" className="button" data-testid="new-portfolio-link">New portfolio</Link>
      </div>
      <PortfolioList />
      <PortfolioList archived />
    </>
  );
}
