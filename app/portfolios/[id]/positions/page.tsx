import { PositionsView } from "@/components/positions/positions-view";
import { getPagePortfolio, portfolioPageTitle } from "@/lib/dal/pages";

export const generateMetadata = portfolioPageTitle("Positions");

export default async function PositionsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, portfolio } = await getPagePortfolio(id);
  return <PositionsView portfolioId={portfolio.id} canEdit={portfolio.ownerId === user.id && !portfolio.archived} />;
}
