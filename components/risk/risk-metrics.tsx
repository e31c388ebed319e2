"use client";
// The Risk Metrics page: hero row, factor cards, stress table and custom scenarios, volatility, VaR, correlations,
// concentration and sectors, each section loading and failing on its own; the sections below the hero row load lazily, those below the factor cards only near the viewport.
import { HeroRow } from "./hero-row";
import {
  LazyConcentrationChart as ConcentrationChart,
  LazyCorrelationHeatmap as CorrelationHeatmap,
  LazyDecompositionPanel as DecompositionPanel,
  LazyFactorCards as FactorCards,
  LazyScenarioBuilder as ScenarioBuilder,
  LazySectorChart as SectorChart,
  LazyStressTable as StressTable,
  LazyVolatilityChart as VolatilityChart,
  LazyWhatChangedPanel as WhatChangedPanel,
} from "./lazy-sections";
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
      <WhatChangedPanel portfolioId={portfolioId} />
      <DecompositionPanel portfolioId={portfolioId} />
      <CorrelationHeatmap portfolioId={portfolioId} />
      <div className="two-col">
        <ConcentrationChart portfolioId={portfolioId} />
        <SectorChart portfolioId={portfolioId} />
      </div>
    </>
  );
}
