import { RiskMetrics } from "@/components/risk/risk-metrics";
import { getPagePortfolio, portfolioPageTitle } from "@/lib/dal/pages";

export const generateMetadata = portfolioPageTitle("Risk Metrics");

export default async function RiskPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { portfolio } = await getPagePortfolio(id);
  return <RiskMetrics portfolioId={portfolio.id} />;
}
