import { notFound } from "next/navigation";
import { PortfolioSettings } from "@/components/portfolios/portfolio-settings";
import { getPagePortfolio, portfolioPageTitle } from "@/lib/dal/pages";

export const generateMetadata = portfolioPageTitle("Settings");

export default async function PortfolioSettingsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, portfolio } = await getPagePortfolio(id);
  // Only the book's manager changes it (the API says the same): no settings page for anyone else.
  if (portfolio.ownerId !== user.id) notFound();
  return <PortfolioSettings portfolio={portfolio} />;
}
