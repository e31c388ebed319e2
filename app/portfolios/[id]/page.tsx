import { PortfolioOverview } from "@/components/portfolio-overview";
import { getPagePortfolio } from "@/lib/dal/pages";

export default async function PortfolioPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { portfolio } = await getPagePortfolio(id);
  return <PortfolioOverview portfolio={portfolio} />;
}
