"use client";
// The Recharts-heavy sections of the Risk Metrics page, loaded after the first paint (Recharts is the
// page's largest script): until then each shows a placeholder of its final height, so nothing jumps.
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
