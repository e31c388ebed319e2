import "server-only";
// Gross and net exposure by GICS sector of one snapshot date, with the unclassified remainder.
import type { SectorsResponse } from "@/lib/contracts/analytics";
import { sectorExposureSchema } from "@/lib/results/shapes";
import { findAsOfSnapshot, sectionUnavailable } from "./as-of-snapshot";
import { parseStored } from "./stored-json";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";

export async function getSectors(portfolio: PortfolioSummary, date?: string): Promise<SectorsResponse> {
  const at = await findAsOfSnapshot(portfolio, date);
  if (!at.found) return at.unavailable;
  const s = at.value.snapshot;
  if (s.sectorExposure === null) return sectionUnavailable(portfolio, at.value, "sector", "sector exposure");
  const stored = parseStored(sectorExposureSchema, s.sectorExposure, { table: "snapshots", column: "sector_exposure", key: { portfolioId: portfolio.id, date: at.value.asOfDate } });
  return { portfolioId: portfolio.id, available: true, asOfDate: at.value.asOfDate, nav: s.nav, ...stored };
}
