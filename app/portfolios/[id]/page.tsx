import { PerformancePanel } from "@/components/performance/performance-panel";
import { PortfolioOverview } from "@/components/portfolio-overview";
import { CapitalFlowsSection } from "@/components/portfolios/capital-flows-section";
import { getPagePortfolio, portfolioPageTitle } from "@/lib/dal/pages";

export const generateMetadata = portfolioPageTitle();

export default async function PortfolioPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, portfolio } = await getPagePortfolio(id);
  return (
    <>
      <PortfolioOverview portfolio={portfolio} />
      <PerformancePanel portfolioId={portfolio.id} />
      <CapitalFlowsSection portfolioId={portfolio.id} inceptionDate={portfolio.inceptionDate} canEdit={portfolio.ownerId === user.id && !portfolio.archived} />
    </>
  );
}
