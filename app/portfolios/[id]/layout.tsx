import { type ReactNode, Suspense } from "react";
import { AsOfDateControl } from "@/components/date-travel/as-of-date-control";
import { PortfolioHeader } from "@/components/portfolio-header";
import { RecomputeStatus } from "@/components/recompute-status";
import { getPagePortfolio } from "@/lib/dal/pages";

export default async function PortfolioLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, portfolio } = await getPagePortfolio(id);
  return (
    <>
      <PortfolioHeader
        portfolioId={portfolio.id}
        name={portfolio.name}
        description={portfolio.description}
        archived={portfolio.archived}
        canEdit={portfolio.ownerId === user.id}
      />
      <RecomputeStatus portfolioId={portfolio.id} canRequest={portfolio.ownerId === user.id} />
      <Suspense>
        <AsOfDateControl portfolioId={portfolio.id} />
      </Suspense>
      {children}
    </>
  );
}
