// "How is this computed?": a link from a figure to its section of the methodology page.
import Link from "next/link";
import { methodologyHref, type MethodologySection } from "@/lib/methodology/sections";

/** Which methodology section explains each Risk Metrics section and key figure, by its test id. */
const SECTION_OF: Readonly<Record<string, MethodologySection>> = {
  "factor-section": "factorExposure",
  "spread-section": "factorExposure",
  "stress-section": "stress",
  "volatility-section": "volatility",
  "var-section": "valueAtRisk",
  "correlation-section": "correlations",
  "concentration-section": "concentration",
  "sector-section": "sectors",
  "performance-section": "performance",
  "decomposition-section": "decomposition",
  "what-changed-section": "whatChanged",
  "aggregate-section": "aggregate",
  "hero-beta": "factorExposure",
  "hero-vol": "volatility",
  "hero-var": "valueAtRisk",
  "hero-stress": "stress",
};

export function MethodologyLink({ section, about }: { section: MethodologySection; about: string }) {
  return (
    <Link href={methodologyHref(section)} className="methodology-link" data-testid="methodology-link">
      How is this computed?<span className="sr-only"> ({about})</span>
    </Link>
  );
}

/** The link for a section known by its test id, or nothing for one without a methodology section. */
export function MethodologyLinkFor({ testId, about }: { testId: string; about: string }) {
  const section = SECTION_OF[testId];
  return section ? <MethodologyLink section={section} about={about} /> : null;
}
