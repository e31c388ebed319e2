import "server-only";
// A scenario's breakdown by factor and by position, derived on read (docs/METHODOLOGY.md, "Stress
// tests and scenarios"). The batch stores each book's scenario totals and completed shocks, and each
// symbol's stress betas once for every book; the book's stored factor dollars, position exposures and
// option gammas go through the same engine sums the batch added up, so the parts give the stored totals.
import type { FactorContributionRow, PositionContributionRow } from "@/lib/contracts/analytics";
import { STRESS_PROXIES, type StressProxy } from "@/lib/factors/registry";
import { getPool } from "@/lib/db/pool";
import type { IsoDate } from "@/lib/dates";
import { stressBreakdown, type StoredShock, type StressPosition } from "@/lib/risk/stress";
import { SHOCKABLE_FACTORS, type ShockableFactor } from "@/lib/stress/scenarios";

interface PositionRow {
  position_id: string;
  symbol: string;
  risk_symbol: string;
  exposure: number;
  is_option: boolean;
  quantity: number;
  multiplier: number;
  gamma: number | null;
  underlying_price: number | null;
  betas: number[] | null;
}

async function loadInputs(portfolioId: string, date: IsoDate) {
  const pool = getPool();
  const [positions, exposures] = await Promise.all([
    pool.query<PositionRow>(
      `SELECT v.position_id, p.symbol, CASE WHEN p.investment_class = 'OPTIONS' THEN p.underlying ELSE p.symbol END AS risk_symbol,
              v.exposure, p.investment_class = 'OPTIONS' AS is_option, p.quantity, p.multiplier, g.gamma, g.underlying_price, b.betas
       FROM position_valuations v
       JOIN positions p ON p.id = v.position_id
       LEFT JOIN option_greeks g ON g.position_id = v.position_id AND g.date = v.date
       LEFT JOIN symbol_stress_betas b ON b.date = v.date AND b.symbol = CASE WHEN p.investment_class = 'OPTIONS' THEN p.underlying ELSE p.symbol END
       WHERE v.portfolio_id = $1 AND v.date = $2::date AND p.investment_class <> 'PRIVATE'
       ORDER BY v.position_id`,
      [portfolioId, date],
    ),
    pool.query<{ factor: string; dollars: number }>(`SELECT factor::text AS factor, dollars FROM portfolio_factor_exposures WHERE portfolio_id = $1 AND date = $2::date AND factor::text = ANY($3::text[])`, [
      portfolioId,
      date,
      SHOCKABLE_FACTORS,
    ]),
  ]);
  return { positions: positions.rows, dollars: Object.fromEntries(exposures.rows.map((r) => [r.factor, r.dollars])) as Partial<Record<ShockableFactor, number>> };
}

export async function deriveStressBreakdown(
  portfolioId: string,
  date: IsoDate,
  shocks: readonly StoredShock[],
): Promise<{ factorContributions: FactorContributionRow[]; positionContributions: PositionContributionRow[] }> {
  const { positions: rows, dollars } = await loadInputs(portfolioId, date);
  const stressBetas = new Map<string, { betas: Record<StressProxy, number> }>();
  for (const r of rows) {
    if (r.betas && !stressBetas.has(r.risk_symbol)) {
      stressBetas.set(r.risk_symbol, { betas: Object.fromEntries(STRESS_PROXIES.map((p, j) => [p, r.betas![j]!])) as Record<StressProxy, number> });
    }
  }
  const positions: StressPosition[] = rows.map((r) =>
    r.is_option && r.gamma !== null && r.underlying_price !== null
      ? { key: r.position_id, symbol: r.risk_symbol, exposure: r.exposure, gammaShares: r.gamma * r.quantity * r.multiplier, underlyingPrice: r.underlying_price }
      : { key: r.position_id, symbol: r.risk_symbol, exposure: r.exposure },
  );
  const symbolOf = new Map(rows.map((r) => [r.position_id, r.symbol]));
  const breakdown = stressBreakdown(shocks, dollars, positions, stressBetas);
  return {
    factorContributions: breakdown.factors,
    positionContributions: breakdown.positions
      .map((p) => ({ positionId: p.key, symbol: symbolOf.get(p.key)!, riskSymbol: p.symbol, exposure: p.exposure, linear: p.linearPnl, gamma: p.gammaPnl, total: p.pnl }))
      .sort((a, b) => Math.abs(b.total) - Math.abs(a.total)),
  };
}
