import "server-only";
// The regression behind each position's beta on one snapshot date: its risk symbol's rows of
// symbol_factor_betas, as stored, for every factor or one. A position without a row says why.
import type { DiagnosticRow, DiagnosticsResponse } from "@/lib/contracts/history";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";
import { toDbDate } from "@/lib/dates";
import { getPrisma } from "@/lib/db/prisma";
import { FACTOR_LIST, FACTORS, type FactorKey } from "@/lib/factors/registry";
import { riskSymbolOf } from "@/lib/positions/risk-symbol";
import { findAsOfSnapshot } from "./as-of-snapshot";

export async function getDiagnostics(portfolio: PortfolioSummary, q: { date?: string; factor?: FactorKey }): Promise<DiagnosticsResponse> {
  const at = await findAsOfSnapshot(portfolio, q.date);
  if (!at.found) return at.unavailable;
  const prisma = getPrisma();
  const date = toDbDate(at.value.asOfDate);
  const valuations = await prisma.positionValuation.findMany({
    where: { portfolioId: portfolio.id, date },
    select: { exposure: true, position: { select: { id: true, symbol: true, investmentClass: true, underlying: true } } },
  });
  const positions = valuations
    .sort((a, b) => Math.abs(b.exposure) - Math.abs(a.exposure) || a.position.symbol.localeCompare(b.position.symbol))
    .map((v) => ({ ...v.position, riskSymbol: riskSymbolOf(v.position) }));
  const factors = q.factor === undefined ? FACTOR_LIST : [FACTORS[q.factor]];
  const symbols = [...new Set(positions.filter((p) => p.investmentClass !== "PRIVATE").map((p) => p.riskSymbol))];
  const stored = await prisma.symbolFactorBeta.findMany({
    where: { date, symbol: { in: symbols }, ...(q.factor === undefined ? {} : { factor: q.factor }) },
  });
  const byKey = new Map(stored.map((r) => [`${r.symbol}|${r.factor}`, r]));
  const rows = positions.flatMap((p) =>
    factors.map((f): DiagnosticRow => {
      const r = p.investmentClass === "PRIVATE" ? undefined : byKey.get(`${p.riskSymbol}|${f.key}`);
      const base = { positionId: p.id, symbol: p.symbol, riskSymbol: p.riskSymbol, factor: f.key, displayName: f.displayName };
      if (!r) return { ...base, regression: null, missing: missingReason(p.investmentClass === "PRIVATE", p.riskSymbol, f.displayName, at.value.asOfDate) };
      const { alpha, beta, rawBeta, capped, stdError, tStat, pValue, rSquared, n } = r;
      const finiteT = tStat !== null && Number.isFinite(tStat) ? tStat : null;
      return { ...base, regression: { alpha, beta, rawBeta, capped, stdError, tStat: finiteT, pValue, rSquared, n, exactFit: stdError === 0 }, missing: null };
    }),
  );
  return { portfolioId: portfolio.id, available: true, asOfDate: at.value.asOfDate, factor: q.factor ?? null, rows };
}

function missingReason(isPrivate: boolean, symbol: string, factor: string, date: string): string {
  if (isPrivate) return "a private position has no market returns, so it has no regression";
  return `no ${factor} regression stored for ${symbol} on ${date}: fewer usable daily returns than the factor's minimum (not enough price history yet)`;
}
