"use client";
// Historical and parametric 1-day VaR and expected shortfall at 95 % and 99 %.
import { AnalyticsSection } from "@/components/analytics-section";
import { useApi } from "@/components/use-api";
import { useAsOfQuery } from "@/components/date-travel/use-as-of-date";
import { CsvLink } from "@/components/export/csv-link";
import { VarRowsTable } from "./var-rows-table";

export function VarTable({ portfolioId }: { portfolioId: string }) {
  const query = useApi("var", portfolioId, useAsOfQuery());
  return (
    <AnalyticsSection title="Value at Risk (1 day)" testId="var-section" query={query}>
      {(d) => (
        <>
          <VarRowsTable rows={d.rows} label="Value at Risk" testId="var-table" />
          <CsvLink portfolioId={portfolioId} file="var" query={{ date: d.asOfDate }} about="value at risk" />
        </>
      )}
    </AnalyticsSection>
  );
}
