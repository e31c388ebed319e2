import Link from "next/link";
import { PortfolioTabs } from "@/components/portfolio-tabs";
import { RiskMetrics } from "@/components/risk/risk-metrics";
import { getPagePortfolio } from "@/lib/dal/pages";

export default async function RiskPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { portfolio } = await getPagePortfolio(id);
  return (
    <>
      <p className="muted"><Link href="/portfolios">Portfolios</Link> / <Link href={`/portfolios/${portfolio.id}`}>{portfolio.name}</Link> /</p>
      <h1>Risk Metrics · {portfolio.name}</h1>
      <PortfolioTabs portfolioId={portfolio.id} />
      <RiskMetrics portfolioId={portfolio.id} />
    </>
  );
}
