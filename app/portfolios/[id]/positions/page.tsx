import Link from "next/link";
import { PortfolioTabs } from "@/components/portfolio-tabs";
import { PositionsView } from "@/components/positions/positions-view";
import { getPagePortfolio } from "@/lib/dal/pages";

export default async function PositionsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, portfolio } = await getPagePortfolio(id);
  return (
    <>
      <p className="muted"><Link href="/portfolios">Portfolios</Link> / <Link href={`/portfolios/${portfolio.id}`}>{portfolio.name}</Link> /</p>
      <h1>Positions · {portfolio.name}</h1>
      <PortfolioTabs portfolioId={portfolio.id} />
      <PositionsView portfolioId={portfolio.id} canEdit={portfolio.ownerId === user.id} />
    </>
  );
}
