"use client";
// The Risk Metrics sections below the hero row, loaded after the first paint: the Recharts-heavy ones
// (Recharts is the page's largest script) and the large tables, each rendered in a task of its own
// rather than in one long hydration. Those below the factor cards also wait until they come near the
// viewport (components/near-viewport.ts), and only then ask for their data. Until then each shows a
// placeholder of its final height, so nothing jumps.
import dynamic from "next/dynamic";
import type { ComponentType, Ref } from "react";
import { useNearViewport } from "../near-viewport";

function Placeholder({ title, reserve, ref, deferred = false }: { title: string; reserve: string; ref?: Ref<HTMLElement>; deferred?: boolean }) {
  return (
    <section ref={ref} className="panel" data-reserve={reserve} aria-busy="true" {...(deferred ? { "data-deferred": "pending" } : {})}>
      <h2>{title}</h2>
      <p className="muted" data-state="loading">Loading…</p>
    </section>
  );
}

/** `Section`, mounted once its placeholder comes near the viewport. */
function nearViewport<P extends object>(Section: ComponentType<P>, title: string, reserve: string): ComponentType<P> {
  function WhenNear(props: P) {
    const [ref, near] = useNearViewport<HTMLElement>();
    return near ? <Section {...props} /> : <Placeholder ref={ref} title={title} reserve={reserve} deferred />;
  }
  return WhenNear;
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

/** A section that loads its script lazily and mounts only near the viewport. */
function belowTheFold<P extends object>(load: () => Promise<ComponentType<P>>, title: string, reserve: string): ComponentType<P> {
  return nearViewport(dynamic(load, { ssr: false, loading: () => <Placeholder title={title} reserve={reserve} /> }), title, reserve);
}

export const LazyStressTable = belowTheFold(() => import("./stress-table").then((m) => m.StressTable), "Stress tests", "stress-section");
export const LazyScenarioBuilder = belowTheFold(() => import("./scenario-builder").then((m) => m.ScenarioBuilder), "Custom scenarios", "scenario-builder");
export const LazyVolatilityChart = belowTheFold(() => import("./volatility-chart").then((m) => m.VolatilityChart), "Volatility", "volatility-section");
export const LazyWhatChangedPanel = belowTheFold(() => import("./what-changed-panel").then((m) => m.WhatChangedPanel), "What changed", "what-changed-section");
export const LazyDecompositionPanel = belowTheFold(() => import("./decomposition-panel").then((m) => m.DecompositionPanel), "Risk decomposition", "decomposition-section");
export const LazyCorrelationHeatmap = belowTheFold(() => import("./correlation-heatmap").then((m) => m.CorrelationHeatmap), "Correlations", "correlation-section");
export const LazyConcentrationChart = belowTheFold(() => import("./concentration-chart").then((m) => m.ConcentrationChart), "Concentration", "concentration-section");
export const LazySectorChart = belowTheFold(() => import("./sector-chart").then((m) => m.SectorChart), "Sector exposure", "sector-section");
