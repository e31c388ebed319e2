// Phase 4: the price panel, loaded once from the database after all market data is stored, on the
// trading-calendar axis so a missing price shows as a gap rather than a shifted date.
import type { Queryable } from "@/lib/db/pool";
import type { IsoDate } from "@/lib/dates";
import { buildPricePanel } from "@/lib/market-data/price-panel";
import type { PricePanel } from "@/lib/risk/panel";
import { loadPrices } from "@/lib/market-data/store-prices";
import { tradingDaysBetween } from "@/lib/market-data/trading-calendar";
import { lookbackStart } from "./market-data";

export async function loadPricePanel(db: Queryable, symbols: readonly string[], firstDate: IsoDate, asOfDate: IsoDate): Promise<PricePanel> {
  const from = lookbackStart(firstDate);
  const rows = await loadPrices(db, symbols, from, asOfDate);
  return buildPricePanel(rows, tradingDaysBetween(from, asOfDate));
}
