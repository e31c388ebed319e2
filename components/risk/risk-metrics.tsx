"use client";
// The Risk Metrics page: hero row, factor cards, stress table and custom scenarios, volatility, VaR, correlations,
// concentration and sectors, each section loading and failing on its own.
import { ConcentrationChart } from "./concentration-chart";
import { CorrelationHeatmap } from "./correlation-heatmap";
import { DecompositionPanel } from "./decomposition-panel";
import { FactorCards } from "./factor-cards";
import { HeroRow } from "./hero-row";
import { ScenarioBuilder } from "./scenario-builder";
import { SectorChart } from "./sector-chart";
import { StressTable } from "./stress-table";
import { VarTable } from "./var-table";
import { VolatilityChart } from "./volatility-chart";
import { WhatChangedPanel } from "./what-changed-panel";

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
