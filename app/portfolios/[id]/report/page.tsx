// The printable one-page risk report of a book as of ?date= (default: the latest complete snapshot).
import { PrintButton } from "@/components/report/print-button";
import { RiskReport } from "@/components/report/risk-report";
import { getFactorExposures } from "@/lib/dal/factor-exposures";
import { getOverview } from "@/lib/dal/overview";
import { getPagePortfolio, portfolioPageTitle } from "@/lib/dal/pages";
import { listPositions } from "@/lib/dal/positions";
import { listStressResults } from "@/lib/dal/stress-results";
import { getValueAtRisk } from "@/lib/dal/value-at-risk";
import { getVolatility } from "@/lib/dal/volatility";
import { isIsoDate } from "@/lib/dates";

export const generateMetadata = portfolioPageTitle("Risk report");

export default async function ReportPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const asked = (await searchParams).date;
  const date = typeof asked === "string" && isIsoDate(asked) ? asked : undefined;
  const { portfolio } = await getPagePortfolio(id);
  const [overview, factors, stress, valueAtRisk, volatility, positions] = await Promise.all([
    getOverview(portfolio, date),
    getFactorExposures(portfolio, { date, positions: false }),
    listStressResults(portfolio, date),
    getValueAtRisk(portfolio, date),
    getVolatility(portfolio, date),
    listPositions(portfolio, date),
  ]);
  return (
    <>
      <p className="no-print">
        <PrintButton /> <span className="muted">One page, A4 or Letter: the navigation is left out of the print.</span>
      </p>
      <RiskReport data={{ name: portfolio.name, asOfDate: overview.asOfDate, overview, factors, stress, valueAtRisk, volatility, positions }} />
    </>
  );
}
