// Synthetic books for the scale bench: N portfolios × M public positions drawn from the
// bundled universe (stocks and ETFs), random weights, about one in five short, entered at the bundled
// close on the inception date. Deterministic (seeded) and inserted in bulk with unnest, not the ORM.
import type pg from "pg";
import type { IsoDate } from "@/lib/dates";
import type { PricePanel } from "@/lib/risk/panel";
import { readSymbolFile } from "@/lib/market-data/price-file";
import { mulberry32 } from "./prng";

export interface SyntheticSpec {
  prefix: string;
  portfolios: number;
  positionsPerPortfolio: number;
  inceptionDate: IsoDate;
  seed: number;
}

const OWNER_ID = "bench-owner";
const SHORT_SHARE = 0.2;

interface PositionRows {
  id: string[];
  portfolioId: string[];
  symbol: string[];
  quantity: number[];
  entryPrice: number[];
  type: string[];
  subtype: string[];
}

/** Inserts the books; returns their portfolio ids. */
export async function insertSyntheticPortfolios(pool: pg.Pool, panel: PricePanel, spec: SyntheticSpec): Promise<string[]> {
  const i0 = panel.dateIndex.get(spec.inceptionDate);
  if (i0 === undefined) throw new Error(`${spec.inceptionDate} is not a bundled price date`);
  const universe = readSymbolFile()
    .map((s) => ({ ...s, price: panel.closes.get(s.symbol)?.[i0] ?? Number.NaN }))
    .filter((s) => Number.isFinite(s.price));
  if (universe.length < spec.positionsPerPortfolio) throw new Error(`only ${universe.length} symbols have a close on ${spec.inceptionDate}`);
  const random = mulberry32(spec.seed);
  const ids: string[] = [];
  const equity: number[] = [];
  const pos: PositionRows = { id: [], portfolioId: [], symbol: [], quantity: [], entryPrice: [], type: [], subtype: [] };
  for (let n = 0; n < spec.portfolios; n++) {
    const id = `${spec.prefix}-${String(n).padStart(5, "0")}`;
    const startingEquity = Math.round(1e6 + random() * 9e6);
    ids.push(id);
    equity.push(startingEquity);
    // A partial Fisher–Yates shuffle picks M distinct symbols.
    const candidates = [...universe];
    const raw = Array.from({ length: spec.positionsPerPortfolio }, () => 0.2 + random());
    const total = raw.reduce((s, w) => s + w, 0);
    for (let k = 0; k < spec.positionsPerPortfolio; k++) {
      const j = k + Math.floor(random() * (candidates.length - k));
      [candidates[k], candidates[j]] = [candidates[j]!, candidates[k]!];
      const s = candidates[k]!;
      const short = random() < SHORT_SHARE;
      const quantity = Math.max(1, Math.round(((raw[k]! / total) * startingEquity) / s.price)) * (short ? -1 : 1);
      pos.id.push(`${id}-${String(k).padStart(2, "0")}`);
      pos.portfolioId.push(id);
      pos.symbol.push(s.symbol);
      pos.quantity.push(quantity);
      pos.entryPrice.push(s.price);
      pos.type.push(short ? "SHORT" : "LONG");
      pos.subtype.push(s.assetType);
    }
  }
  await pool.query(
    `INSERT INTO users (id, name, email, role, updated_at) VALUES ($1, 'Bench Owner', 'bench@riskline.dev', 'MANAGER', now()) ON CONFLICT (id) DO NOTHING`,
    [OWNER_ID],
  );
  await pool.query(
    `INSERT INTO portfolios (id, name, owner_id, starting_equity, inception_date, updated_at)
     SELECT t.id, t.id, $1, t.equity, $2, now() FROM unnest($3::text[], $4::float8[]) AS t(id, equity)`,
    [OWNER_ID, spec.inceptionDate, ids, equity],
  );
  await pool.query(
    `INSERT INTO positions (id, portfolio_id, symbol, quantity, entry_price, entry_date, position_type, investment_class, subtype, updated_at)
     SELECT t.id, t.portfolio_id, t.symbol, t.quantity, t.entry_price, $1, t.type::"PositionType", 'PUBLIC', t.subtype::"PositionSubtype", now()
     FROM unnest($2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::text[], $8::text[]) AS t(id, portfolio_id, symbol, quantity, entry_price, type, subtype)`,
    [spec.inceptionDate, pos.id, pos.portfolioId, pos.symbol, pos.quantity, pos.entryPrice, pos.type, pos.subtype],
  );
  return ids;
}
