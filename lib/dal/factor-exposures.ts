import "server-only";
// Portfolio factor exposures of one snapshot date in registry order, and optionally each position's
// betas (its risk symbol's rows of symbol_factor_betas) beside its exposure on that date.
import type { Analytics } from "@/lib/api/analytics-response";
import { toDbDate } from "@/lib/dates";
import { getPrisma } from "@/lib/db/prisma";
import { FACTOR_KEYS, FACTOR_LIST, type FactorKey, type FactorKind } from "@/lib/factors/registry";
import { riskSymbolOf } from "@/lib/positions/risk-symbol";
import type { SectionReason } from "@/lib/results/shapes";
import { findAsOfSnapshot, sectionUnavailable } from "./as-of-snapshot";
import type { PortfolioSummary } from "./portfolios";

export interface FactorExposureRow {
  factor: FactorKey;
  displayName: string;
  kind: FactorKind;
  /** null when the batch stored no exposure for this factor on the date. */
  beta: number | null;
  dollars: number | null;
  coverage: number | null;
  lowCoverage: boolean | null;
  rSquared: number | null;
  /** Why the batch stored no exposure for this factor on the date, when it said (else null). */
  missing: SectionReason | null;
}

export interface PositionBetas {
  positionId: string;
  symbol: string;
  riskSymbol: string;
  investmentClass: string;
  exposure: number;
  weight: number;
  /** null for a factor without a beta for the risk symbol (private holdings have none). */
  betas: Record<FactorKey, number | null>;
}

export interface FactorExposures {
  factors: FactorExposureRow[];
  positions?: PositionBetas[];
}

export async function getFactorExposures(portfolio: PortfolioSummary, opts: { date?: string; positions: boolean }): Promise<Analytics<FactorExposures>> {
  const at = await findAsOfSnapshot(portfolio, opts.date);
  if (!at.found) return at.unavailable;
  const prisma = getPrisma();
  const date = toDbDate(at.value.asOfDate);
  const rows = await prisma.portfolioFactorExposure.findMany({ where: { portfolioId: portfolio.id, date } });
  if (rows.length === 0) return sectionUnavailable(portfolio, at.value, "factors", "factor exposures");
  const byFactor = new Map(rows.map((r) => [r.factor, r]));
  const factors = FACTOR_LIST.map((f): FactorExposureRow => {
    const r = byFactor.get(f.key);
    return {
      factor: f.key,
      displayName: f.displayName,
      kind: f.kind,
      beta: r?.beta ?? null,
      dollars: r?.dollars ?? null,
      coverage: r?.coverage ?? null,
      lowCoverage: r?.lowCoverage ?? null,
      rSquared: r?.rSquared ?? null,
      missing: r ? null : (at.value.reasons.omittedFactors?.[f.key] ?? null),
    };
  });
  const base = { portfolioId: portfolio.id, available: true as const, asOfDate: at.value.asOfDate, factors };
  return opts.positions ? { ...base, positions: await positionBetas(portfolio.id, date) } : base;
}

async function positionBetas(portfolioId: string, date: Date): Promise<PositionBetas[]> {
  const prisma = getPrisma();
  const valuations = await prisma.positionValuation.findMany({
    where: { portfolioId, date },
    select: { exposure: true, weight: true, position: { select: { id: true, symbol: true, investmentClass: true, underlying: true } } },
  });
  const positions = valuations.map((v) => ({ ...v, riskSymbol: riskSymbolOf(v.position) }));
  const publicSymbols = [...new Set(positions.filter((p) => p.position.investmentClass !== "PRIVATE").map((p) => p.riskSymbol))];
  const betaRows = await prisma.symbolFactorBeta.findMany({ where: { date, symbol: { in: publicSymbols } }, select: { symbol: true, factor: true, beta: true } });
  const betas = new Map<string, Map<FactorKey, number>>();
  for (const b of betaRows) {
    const m = betas.get(b.symbol) ?? new Map<FactorKey, number>();
    m.set(b.factor, b.beta);
    betas.set(b.symbol, m);
  }
  return positions
    .map((p) => {
      const m = p.position.investmentClass === "PRIVATE" ? undefined : betas.get(p.riskSymbol);
      return {
        positionId: p.position.id,
        symbol: p.position.symbol,
        riskSymbol: p.riskSymbol,
        investmentClass: p.position.investmentClass,
        exposure: p.exposure,
        weight: p.weight,
        betas: Object.fromEntries(FACTOR_KEYS.map((k) => [k, m?.get(k) ?? null])) as Record<FactorKey, number | null>,
      };
    })
    .sort((a, b) => Math.abs(b.exposure) - Math.abs(a.exposure));
}
