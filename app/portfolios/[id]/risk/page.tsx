import { RiskMetrics } from "@/components/risk/risk-metrics";
import { getPagePortfolio } from "@/lib/dal/pages";

export default async function RiskPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { portfolio } = await getPagePortfolio(id);
  return <RiskMetrics portfolioId={portfolio.id} />;
}
