import { HistoryView } from "@/components/history/history-view";
import { getPagePortfolio, portfolioPageTitle } from "@/lib/dal/pages";

export const generateMetadata = portfolioPageTitle("History");

export default async function HistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { portfolio } = await getPagePortfolio(id);
  return <HistoryView portfolioId={portfolio.id} />;
}
