import { Suspense } from "react";
import { DiagnosticsView } from "@/components/diagnostics/diagnostics-view";
import { getPagePortfolio, portfolioPageTitle } from "@/lib/dal/pages";

export const generateMetadata = portfolioPageTitle("Regression diagnostics");

export default async function DiagnosticsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { portfolio } = await getPagePortfolio(id);
  return (
    <Suspense>
      <DiagnosticsView portfolioId={portfolio.id} />
    </Suspense>
  );
}
