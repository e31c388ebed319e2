import Link from "next/link";
import { PortfolioOverview } from "@/components/portfolio-overview";
import { PortfolioTabs } from "@/components/portfolio-tabs";
import { getPagePortfolio } from "@/lib/dal/pages";

export default async function PortfolioPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { portfolio } = await getPagePortfolio(id);
  return (
    <>
      <p className="muted"><Link href="/portfolios">Portfolios</Link> /</p>
      <h1>{portfolio.name}</h1>
      <p className="muted">{portfolio.description}</p>
      <PortfolioTabs portfolioId={portfolio.id} />
      <PortfolioOverview portfolio={portfolio} />
    </>
  );
}
