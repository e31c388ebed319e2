import "server-only";
// A book's positions on a COMPLETE day, from the stored valuations, as the engine sees them
// (PositionValue), and its non-private holdings per risk symbol (lots merged, options on their
// underlying): the summed delta-adjusted exposure and the close it was valued at (the underlying's
// close for an option, from its stored Greeks). Several books read together are one combined book.
import type { IsoDate } from "@/lib/dates";
import { getPool } from "@/lib/db/pool";
import type { InvestmentClass, PositionValue } from "@/lib/risk/position-exposure";
import type { Holding } from "@/lib/risk/what-changed";

export interface StoredValue extends PositionValue {
  portfolioId: string;
  /** The close the exposure was valued at: the underlying's for an option, the mark for a private holding. */
  price: number;
}

export async function loadStoredValues(portfolioIds: readonly string[], date: IsoDate): Promise<StoredValue[]> {
  const { rows } = await getPool().query<{ portfolio_id: string; id: string; symbol: string; risk_symbol: string; class: InvestmentClass; exposure: number; market_value: number; price: number | null }>(
    `SELECT v.portfolio_id, v.position_id AS id, p.symbol, CASE WHEN p.investment_class = 'OPTIONS' THEN p.underlying ELSE p.symbol END AS risk_symbol,
            p.investment_class::text AS class, v.exposure, v.market_value,
            CASE WHEN p.investment_class = 'OPTIONS' THEN g.underlying_price ELSE v.price END AS price
     FROM position_valuations v
     JOIN positions p ON p.id = v.position_id
     LEFT JOIN option_greeks g ON g.position_id = v.position_id AND g.date = v.date
     WHERE v.portfolio_id = ANY($1::text[]) AND v.date = $2::date
     ORDER BY v.portfolio_id, v.position_id`,
    [[...portfolioIds], date],
  );
  return rows.map((r) => {
    if (r.price === null) throw new Error(`Option valuation of ${r.symbol} on ${date} has no stored Greeks`);
    return { portfolioId: r.portfolio_id, positionId: r.id, symbol: r.symbol, riskSymbol: r.risk_symbol, investmentClass: r.class, exposure: r.exposure, marketValue: r.market_value, price: r.price };
  });
}

export function holdingsOf(values: readonly StoredValue[]): Map<string, Holding> {
  const holdings = new Map<string, Holding>();
  for (const v of values) {
    if (v.investmentClass === "PRIVATE") continue;
    holdings.set(v.riskSymbol, { exposure: (holdings.get(v.riskSymbol)?.exposure ?? 0) + v.exposure, price: v.price });
  }
  return holdings;
}

export async function loadStoredHoldings(portfolioIds: readonly string[], date: IsoDate): Promise<Map<string, Holding>> {
  return holdingsOf(await loadStoredValues(portfolioIds, date));
}
