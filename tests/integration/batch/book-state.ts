// A book's whole stored state, for comparing what a sequence of edits and runs left with a clean
// back-fill of the same final book. A copy of a book has position ids `<copy>~<original id>`, so a
// book and its copies compare by the original ids.
import { expect } from "vitest";
import type { Queryable } from "@/lib/db/pool";

/** Copies a book (portfolio, positions, marks, flows) under a new id; nothing computed is copied. */
export async function cloneBook(db: Queryable, sourceId: string, id: string): Promise<void> {
  await db.query(
    `INSERT INTO portfolios (id, name, description, owner_id, currency, starting_equity, inception_date, updated_at)
     SELECT $2, name || ' (' || $2 || ')', description, owner_id, currency, starting_equity, inception_date, now() FROM portfolios WHERE id = $1`,
    [sourceId, id],
  );
  await db.query(
    `INSERT INTO positions (id, portfolio_id, symbol, name, quantity, entry_price, entry_date, exit_price, exit_date, position_type,
       investment_class, subtype, underlying, strike, expiry, multiplier, updated_at)
     SELECT $2 || '~' || regexp_replace(id, '^.*~', ''), $2, symbol, name, quantity, entry_price, entry_date, exit_price, exit_date, position_type,
       investment_class, subtype, underlying, strike, expiry, multiplier, now()
     FROM positions WHERE portfolio_id = $1`,
    [sourceId, id],
  );
  await db.query(
    `INSERT INTO private_marks (position_id, date, price, note)
     SELECT $2 || '~' || regexp_replace(m.position_id, '^.*~', ''), m.date, m.price, m.note
     FROM private_marks m JOIN positions p ON p.id = m.position_id WHERE p.portfolio_id = $1`,
    [sourceId, id],
  );
  await db.query(
    `INSERT INTO capital_flows (id, portfolio_id, date, amount, note)
     SELECT $2 || '~' || regexp_replace(id, '^.*~', ''), $2, date, amount, note FROM capital_flows WHERE portfolio_id = $1`,
    [sourceId, id],
  );
}

type Row = Record<string, unknown>;

/** Columns that record who or when, not what: they differ between two correct histories. */
const BOOKKEEPING = new Set(["portfolio_id", "run_id", "claimed_at", "completed_at", "created_at", "updated_at", "id"]);

const TABLES: { table: string; key: string[] }[] = [
  { table: "snapshots", key: ["date"] },
  { table: "position_valuations", key: ["position_id", "date"] },
  { table: "option_greeks", key: ["position_id", "date"] },
  { table: "portfolio_factor_exposures", key: ["date", "factor"] },
  { table: "stress_results", key: ["date", "scenario_key"] },
  { table: "correlation_matrices", key: ["date"] },
];

export type BookState = Map<string, unknown>;

const iso = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);

function normalize(v: unknown, bookId: string): unknown {
  if (typeof v === "string") return v.split(`${bookId}~`).join("");
  if (v instanceof Date) return iso(v);
  if (Array.isArray(v)) return v.map((x) => normalize(x, bookId));
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalize(x, bookId)]));
  return v;
}

/**
 * Every stored row of the book by natural key (figures, JSON documents, statuses), the phase statuses
 * that the run which wrote each complete day recorded for it, the symbol betas its figures used, and
 * the counts of rows that must never be left behind (PENDING snapshots, RUNNING telemetry).
 */
export async function bookState(db: Queryable, bookId: string): Promise<BookState> {
  const state: BookState = new Map();
  for (const { table, key } of TABLES) {
    const { rows } = await db.query<Row>(`SELECT * FROM ${table} WHERE portfolio_id = $1`, [bookId]);
    for (const r of rows) {
      const values = Object.fromEntries(Object.entries(r).filter(([c]) => !BOOKKEEPING.has(c)).map(([c, v]) => [c, normalize(v, bookId)]));
      state.set(`${table}|${key.map((k) => normalize(r[k], bookId)).join("|")}`, values);
    }
  }
  const phases = await db.query<{ date: string; phase: string; status: string; reason_code: string | null }>(
    `SELECT b.date, b.phase, b.status, b.reason_code FROM batch_phases b
     JOIN snapshots s ON s.portfolio_id = b.portfolio_id AND s.date = b.date AND s.run_id = b.run_id AND s.status = 'COMPLETE'
     WHERE b.portfolio_id = $1`,
    [bookId],
  );
  for (const r of phases.rows) state.set(`phase|${r.date}|${r.phase}`, `${r.status}|${r.reason_code ?? ""}`);
  // The betas the book's figures used: its public holdings' risk symbols on the days they were held.
  const betas = await db.query<Row>(
    `SELECT b.symbol, b.date, b.factor, b.beta, b.raw_beta, b.capped, b.alpha, b.r_squared, b.std_error, b.t_stat, b.p_value, b.n
     FROM symbol_factor_betas b
     JOIN (SELECT DISTINCT v.date, CASE WHEN p.investment_class = 'OPTIONS' THEN p.underlying ELSE p.symbol END AS symbol
           FROM position_valuations v JOIN positions p ON p.id = v.position_id
           WHERE v.portfolio_id = $1 AND p.investment_class <> 'PRIVATE') held ON held.symbol = b.symbol AND held.date = b.date`,
    [bookId],
  );
  for (const r of betas.rows) state.set(`beta|${r.symbol}|${iso(r.date)}|${r.factor}`, normalize(r, bookId));
  const left = await db.query<{ pending: number; running: number }>(
    `SELECT (SELECT count(*)::int FROM snapshots WHERE portfolio_id = $1 AND status <> 'COMPLETE') AS pending,
            (SELECT count(*)::int FROM batch_phases WHERE portfolio_id = $1 AND status = 'RUNNING') AS running`,
    [bookId],
  );
  state.set("left|pending snapshots", left.rows[0]!.pending);
  state.set("left|running telemetry", left.rows[0]!.running);
  return state;
}

const RELATIVE = 1e-9;

function differences(path: string, got: unknown, want: unknown, out: string[]): void {
  if (out.length >= 20) return;
  if (typeof want === "number" && typeof got === "number") {
    if (Number.isNaN(want) && Number.isNaN(got)) return;
    if (Math.abs(got - want) > RELATIVE * Math.max(1, Math.abs(want))) out.push(`${path}: ${got} ≠ ${want}`);
    return;
  }
  if (want && got && typeof want === "object" && typeof got === "object") {
    const keys = new Set([...Object.keys(want), ...Object.keys(got)]);
    for (const k of keys) differences(`${path}.${k}`, (got as Row)[k], (want as Row)[k], out);
    return;
  }
  if (got !== want) out.push(`${path}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
}

/** The same keys, and every value equal (numbers to 1e-9 relative, at any depth of a JSON document). */
export function stateDifferences(actual: BookState, expected: BookState): string[] {
  const out: string[] = [];
  for (const k of expected.keys()) if (!actual.has(k)) out.push(`missing ${k}`);
  for (const k of actual.keys()) if (!expected.has(k)) out.push(`unexpected ${k}`);
  for (const [k, want] of expected) if (actual.has(k)) differences(k, actual.get(k), want, out);
  return out.slice(0, 20);
}

export function expectSameState(actual: BookState, expected: BookState): void {
  expect(stateDifferences(actual, expected)).toEqual([]);
}
