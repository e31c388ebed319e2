import "server-only";
// Portfolio factor exposures of one snapshot date in registry order, and optionally each position's
// betas (its risk symbol's rows of symbol_factor_betas) beside its exposure on that date.
import type { FactorExposureRow, FactorsResponse, PositionBetas } from "@/lib/contracts/analytics";
import { toDbDate } from "@/lib/dates";
import { getPrisma } from "@/lib/db/prisma";
import { FACTOR_KEYS, FACTOR_LIST, type FactorKey } from "@/lib/factors/registry";
import { riskSymbolOf } from "@/lib/positions/risk-symbol";
import { findAsOfSnapshot, sectionUnavailable } from "./as-of-snapshot";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";

export async function getFactorExposures(portfolio: PortfolioSummary, opts: { date?: string; positions: boolean }): Promise<FactorsResponse> {
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
