// Everything one portfolio's refresh reads from the database, in a handful of queries (no per-row
// reads): the portfolio, its positions as engine positions, private marks, capital flows, and the NAV
// chain's anchor (the last complete snapshot before the first date and its position valuations).
import type { Queryable } from "@/lib/db/pool";
import type { IsoDate } from "@/lib/dates";
import type { EnginePosition, InvestmentClass, PositionType } from "@/lib/risk/position-exposure";

export interface PortfolioData {
  id: string;
  name: string;
  /** The manager: their own stress scenarios are computed for this book. */
  ownerId: string;
  startingEquity: number;
  inceptionDate: IsoDate;
  /** The inputs version these positions, marks and flows were read at (read before them). */
  inputsVersion: number;
  positions: EnginePosition[];
  /** Marks per private position id, ascending by date. */
  marks: Map<string, { date: IsoDate; price: number }[]>;
  /** Net capital flow per date. */
  flows: Map<IsoDate, number>;
}

export interface NavAnchor {
  date: IsoDate;
  nav: number;
  /** Market value per position id at the anchor's close. */
  marketValues: Map<string, number>;
}

interface PositionRow {
  id: string;
  symbol: string;
  quantity: number;
  entry_price: number;
  entry_date: string;
  exit_price: number | null;
  exit_date: string | null;
  position_type: PositionType;
  investment_class: InvestmentClass;
  underlying: string | null;
  strike: number | null;
  expiry: string | null;
  multiplier: number;
}

function toEnginePosition(r: PositionRow): EnginePosition {
  const isOption = r.investment_class === "OPTIONS";
  if (isOption && (r.underlying === null || r.strike === null || r.expiry === null)) {
    throw new Error(`Option position ${r.id} (${r.symbol}) lacks its underlying, strike or expiry`);
  }
  return {
    id: r.id,
    symbol: r.symbol,
    quantity: r.quantity,
    entryPrice: r.entry_price,
    entryDate: r.entry_date,
    exitPrice: r.exit_price,
    exitDate: r.exit_date,
    type: r.position_type,
    investmentClass: r.investment_class,
    option: isOption
      ? { underlying: r.underlying!, right: r.position_type === "LC" || r.position_type === "SC" ? "CALL" : "PUT", strike: r.strike!, expiry: r.expiry!, multiplier: r.multiplier }
      : null,
    markPrice: null,
  };
}

export async function loadPortfolioData(db: Queryable, portfolioId: string): Promise<PortfolioData> {
  // The version first: inputs read after it are at least that new, so a run never takes newer inputs
  // for an older version (which would let it clear a recompute mark it did not honour).
  const p = await db.query<{ id: string; name: string; owner_id: string; starting_equity: number; inception_date: string; inputs_version: number }>(
    `SELECT id, name, owner_id, starting_equity, inception_date, inputs_version FROM portfolios WHERE id = $1`,
    [portfolioId],
  );
  const [positions, marks, flows] = await Promise.all([
    db.query<PositionRow>(
      `SELECT id, symbol, quantity, entry_price, entry_date, exit_price, exit_date, position_type, investment_class, underlying, strike, expiry, multiplier
       FROM positions WHERE portfolio_id = $1 ORDER BY id`,
      [portfolioId],
    ),
    db.query<{ position_id: string; date: string; price: number }>(
      `SELECT m.position_id, m.date, m.price FROM private_marks m JOIN positions p ON p.id = m.position_id WHERE p.portfolio_id = $1 ORDER BY m.date`,
      [portfolioId],
    ),
    db.query<{ date: string; amount: number }>(`SELECT date, sum(amount)::float8 AS amount FROM capital_flows WHERE portfolio_id = $1 GROUP BY date`, [portfolioId]),
  ]);
  const row = p.rows[0];
  if (!row) throw new Error(`Portfolio ${portfolioId} does not exist`);
  const markMap = new Map<string, { date: IsoDate; price: number }[]>();
  for (const m of marks.rows) markMap.set(m.position_id, [...(markMap.get(m.position_id) ?? []), { date: m.date, price: m.price }]);
  return {
    id: row.id,
    name: row.name,
    ownerId: row.owner_id,
    startingEquity: row.starting_equity,
    inceptionDate: row.inception_date,
    inputsVersion: row.inputs_version,
    positions: positions.rows.map(toEnginePosition),
    marks: markMap,
    flows: new Map(flows.rows.map((f) => [f.date, f.amount])),
  };
}

/** The complete snapshot at `date` and its position market values; null when there is none. */
export async function loadNavAnchor(db: Queryable, portfolioId: string, date: IsoDate): Promise<NavAnchor | null> {
  const [snap, vals] = await Promise.all([
    db.query<{ nav: number }>(`SELECT nav FROM snapshots WHERE portfolio_id = $1 AND date = $2 AND status = 'COMPLETE'`, [portfolioId, date]),
    db.query<{ position_id: string; market_value: number }>(`SELECT position_id, market_value FROM position_valuations WHERE portfolio_id = $1 AND date = $2`, [
      portfolioId,
      date,
    ]),
  ]);
  const nav = snap.rows[0]?.nav;
  if (nav === undefined) return null;
  return { date, nav, marketValues: new Map(vals.rows.map((v) => [v.position_id, v.market_value])) };
}
