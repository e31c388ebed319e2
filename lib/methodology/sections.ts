// The sections of docs/METHODOLOGY.md that the pages link to ("How is this computed?"), by heading:
// one list, so a renamed heading fails a test instead of leaving a link that lands nowhere.

export const METHODOLOGY_SECTIONS = {
  factorExposure: "Portfolio factor exposure and coverage",
  factorBetas: "Factor betas",
  diagnostics: "Regression diagnostics",
  valuation: "Valuation: NAV and P&L",
  volatility: "Volatility and its forecasts",
  valueAtRisk: "Value at Risk and Expected Shortfall",
  correlations: "Correlations",
  concentration: "Concentration",
  sectors: "Sector exposure",
  stress: "Stress tests and scenarios",
  performance: "Performance",
  decomposition: "Risk decomposition",
  whatChanged: "What changed",
  aggregate: "Aggregate book",
  history: "History",
  exports: "Exports and the risk report",
} as const;

export type MethodologySection = keyof typeof METHODOLOGY_SECTIONS;

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces as hyphens. */
export function headingSlug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .trim()
    .replace(/\s/g, "-");
}

export function methodologyHref(section: MethodologySection): string {
  return `/methodology#${headingSlug(METHODOLOGY_SECTIONS[section])}`;
}
