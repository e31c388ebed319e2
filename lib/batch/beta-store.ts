// Symbol betas by date, as the portfolio phases read them: the beta (capped) and R² of every factor a
// symbol has on a date. Filled by the symbol-analytics phase in memory, or loaded from the database by
// a portfolio refresh that runs in its own process (an Inngest child run).
import type { Queryable } from "@/lib/db/pool";
import type { IsoDate } from "@/lib/dates";
import { isFactorKey, type FactorKey } from "@/lib/factors/registry";

export interface SymbolFactorStats {
  betas: Partial<Record<FactorKey, number>>;
  rSquared: Partial<Record<FactorKey, number>>;
}

export class BetaStore {
  private readonly byDate = new Map<IsoDate, Map<string, SymbolFactorStats>>();

  set(date: IsoDate, symbol: string, factor: FactorKey, beta: number, rSquared: number): void {
    let bySymbol = this.byDate.get(date);
    if (!bySymbol) this.byDate.set(date, (bySymbol = new Map()));
    let stats = bySymbol.get(symbol);
    if (!stats) bySymbol.set(symbol, (stats = { betas: {}, rSquared: {} }));
    stats.betas[factor] = beta;
    stats.rSquared[factor] = rSquared;
  }

  /** symbol → factor betas on `date` (empty when none were computed). */
  onDate(date: IsoDate): ReadonlyMap<string, SymbolFactorStats> {
    return this.byDate.get(date) ?? new Map();
  }

  has(date: IsoDate): boolean {
    return this.byDate.has(date);
  }
}

export async function loadBetaStore(db: Queryable, symbols: readonly string[], dates: readonly IsoDate[]): Promise<BetaStore> {
  const store = new BetaStore();
  if (!symbols.length || !dates.length) return store;
  const { rows } = await db.query<{ symbol: string; date: string; factor: string; beta: number; r_squared: number }>(
    `SELECT symbol, date, factor::text AS factor, beta, r_squared FROM symbol_factor_betas
     WHERE symbol = ANY($1::text[]) AND date = ANY($2::date[])`,
    [[...symbols], [...dates]],
  );
  for (const r of rows) {
    if (!isFactorKey(r.factor)) throw new Error(`symbol_factor_betas holds factor "${r.factor}", which is not in the registry`);
    store.set(r.date, r.symbol, r.factor, r.beta, r.r_squared);
  }
  return store;
}
