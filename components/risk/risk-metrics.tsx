"use client";
// The Risk Metrics page: hero row, factor cards, stress table and custom scenarios, volatility, VaR, correlations,
// concentration and sectors, each section loading and failing on its own; the chart sections load lazily.
import { CorrelationHeatmap } from "./correlation-heatmap";
import { HeroRow } from "./hero-row";
import { LazyConcentrationChart as ConcentrationChart, LazyFactorCards as FactorCards, LazySectorChart as SectorChart, LazyVolatilityChart as VolatilityChart } from "./lazy-charts";
import { ScenarioBuilder } from "./scenario-builder";
import { StressTable } from "./stress-table";
import { VarTable } from "./var-table";

export function RiskMetrics({ portfolioId }: { portfolioId: string }) {
  return (
    <>
      <HeroRow portfolioId={portfolioId} />
      <FactorCards portfolioId={portfolioId} />
      <StressTable portfolioId={portfolioId} />
      <ScenarioBuilder />
      <div className="two-col">
        <VolatilityChart portfolioId={portfolioId} />
        <VarTable portfolioId={portfolioId} />
      </div>
      <CorrelationHeatmap portfolioId={portfolioId} />
      <div className="two-col">
        <ConcentrationChart portfolioId={portfolioId} />
        <SectorChart portfolioId={portfolioId} />
      </div>
    </>
  );
}
