"use client";
// The Risk Metrics sections below the hero row, loaded after the first paint: the Recharts-heavy ones
// (Recharts is the page's largest script) and the large tables, each rendered in a task of its own
// rather than in one long hydration. Until then each shows a placeholder of its final height, so
// nothing jumps. Their data arrives after the first paint anyway (client-side queries).
import dynamic from "next/dynamic";

function Placeholder({ title, reserve }: { title: string; reserve: string }) {
  return (
    <section className="panel" data-reserve={reserve} aria-busy="true">
      <h2>{title}</h2>
      <p className="muted" data-state="loading">Loading…</p>
    </section>
  );
}

export const LazyFactorCards = dynamic(() => import("./factor-cards").then((m) => m.FactorCards), {
  ssr: false,
  loading: () => (
    <>
      <Placeholder title="Factor exposures" reserve="factor-section" />
      <Placeholder title="Spread factors" reserve="spread-section" />
    </>
  ),
});
export const LazyVolatilityChart = dynamic(() => import("./volatility-chart").then((m) => m.VolatilityChart), {
  ssr: false,
  loading: () => <Placeholder title="Volatility" reserve="volatility-section" />,
});
export const LazyConcentrationChart = dynamic(() => import("./concentration-chart").then((m) => m.ConcentrationChart), {
  ssr: false,
  loading: () => <Placeholder title="Concentration" reserve="concentration-section" />,
});
export const LazySectorChart = dynamic(() => import("./sector-chart").then((m) => m.SectorChart), {
  ssr: false,
  loading: () => <Placeholder title="Sector exposure" reserve="sector-section" />,
});
export const LazyStressTable = dynamic(() => import("./stress-table").then((m) => m.StressTable), {
  ssr: false,
  loading: () => <Placeholder title="Stress tests" reserve="stress-section" />,
});
export const LazyScenarioBuilder = dynamic(() => import("./scenario-builder").then((m) => m.ScenarioBuilder), {
  ssr: false,
  loading: () => <Placeholder title="Custom scenarios" reserve="scenario-builder" />,
});
export const LazyCorrelationHeatmap = dynamic(() => import("./correlation-heatmap").then((m) => m.CorrelationHeatmap), {
  ssr: false,
  loading: () => <Placeholder title="Correlations" reserve="correlation-section" />,
});
