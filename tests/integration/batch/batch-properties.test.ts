// The batch's central promise as a model-based property: any sequence of imports, edits, closes,
// deletes, marks and capital flows, normal runs, forced reruns of any range (inside a chunk, across
// chunk boundaries, ending before, at or after the last complete day, one book or all), runs killed
// mid-way, concurrent runs and edits during a run, followed by a normal run, leaves every stored row
// of every book equal to a clean back-fill of the final books. Every run that says SUCCEEDED leaves its
// books whole. PROPERTY_RUNS and PROPERTY_SEED change the number of sequences and the seed.
import fc from "fast-check";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runLocalBatch } from "@/lib/batch/local-executor";
import { ApiError } from "@/lib/api/errors";
import { recordCapitalFlow } from "@/lib/dal/capital-flows";
import { commitPositionImport } from "@/lib/dal/import-positions";
import { deletePosition } from "@/lib/dal/delete-position";
import { getPortfolioOrThrow } from "@/lib/dal/portfolios";
import { updatePosition } from "@/lib/dal/update-position";
import { getPool } from "@/lib/db/pool";
import { tradingDaysBetween } from "@/lib/market-data/trading-calendar";
import { formatOccSymbol } from "@/lib/risk/black-scholes";
import type { BatchRequest } from "@/lib/batch/types";
import { useSeededDatabase } from "../helpers";
import { bookState, cloneBook, stateDifferences } from "./book-state";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);
const SEED = Number(process.env.PROPERTY_SEED ?? 20261129);
const TRACE = process.env.PROPERTY_TRACE === "1";
const DAYS = tradingDaysBetween("2026-05-01", "2026-07-13");
const FIRST_CLOCK = 12;
const OWNER = { id: "user-individual", email: "individual@riskline.dev", name: "Ivy Individual", role: "MANAGER" as const };

// ── the operations ──────────────────────────────────────────────────────────────────────────────
type Scope = { book: number | "all" };
type RunSpec = Scope & { kind: "normal" } | (Scope & { kind: "force"; from: number; length: number });
type PositionSpec = { kind: "long" | "short" | "call" | "put" | "private"; symbol: number; entry: number };
type Op =
  | { t: "import"; book: number; position: PositionSpec }
  | { t: "edit"; book: number; which: number; factor: number }
  | { t: "close"; book: number; which: number; after: number }
  | { t: "delete"; book: number; which: number }
  | { t: "mark"; book: number; which: number; day: number; multiple: number }
  | { t: "flow"; book: number; day: number; amount: number }
  | { t: "advance"; days: number }
  | { t: "run"; run: RunSpec }
  | { t: "kill"; run: RunSpec; afterQueries: number }
  | { t: "concurrent"; a: RunSpec; b: RunSpec }
  | { t: "editDuringRun"; run: RunSpec; edit: { book: number; which: number; factor: number }; delayMs: number };

const SYMBOLS = ["AAPL", "MSFT", "JPM", "XOM", "KO", "SPY"];
const book = fc.integer({ min: 0, max: 1 });
const scope = fc.oneof(book.map((b): Scope => ({ book: b })), fc.constant<Scope>({ book: "all" }));
const runSpec: fc.Arbitrary<RunSpec> = fc.oneof(
  scope.map((s): RunSpec => ({ ...s, kind: "normal" })),
  fc.tuple(scope, fc.integer({ min: 0, max: DAYS.length - 1 }), fc.integer({ min: 0, max: 30 })).map(([s, from, length]): RunSpec => ({ ...s, kind: "force", from, length })),
);
const positionSpec: fc.Arbitrary<PositionSpec> = fc.record({
  kind: fc.constantFrom("long", "long", "short", "call", "put", "private"),
  symbol: fc.integer({ min: 0, max: SYMBOLS.length - 1 }),
  entry: fc.integer({ min: 0, max: DAYS.length - 1 }),
});
const which = fc.integer({ min: 0, max: 7 });
const factor = fc.constantFrom(0.5, 1.5, 3);
const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ t: fc.constant("import" as const), book, position: positionSpec }), weight: 3 },
  { arbitrary: fc.record({ t: fc.constant("edit" as const), book, which, factor }), weight: 2 },
  { arbitrary: fc.record({ t: fc.constant("close" as const), book, which, after: fc.integer({ min: 0, max: 20 }) }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant("delete" as const), book, which }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant("mark" as const), book, which, day: fc.integer({ min: 0, max: DAYS.length - 1 }), multiple: fc.constantFrom(0.9, 1.2) }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant("flow" as const), book, day: fc.integer({ min: 0, max: DAYS.length - 1 }), amount: fc.constantFrom(250_000, -100_000) }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant("advance" as const), days: fc.integer({ min: 1, max: 15 }) }), weight: 2 },
  { arbitrary: fc.record({ t: fc.constant("run" as const), run: runSpec }), weight: 4 },
  { arbitrary: fc.record({ t: fc.constant("kill" as const), run: runSpec, afterQueries: fc.integer({ min: 1, max: 120 }) }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant("concurrent" as const), a: runSpec, b: runSpec }), weight: 1 },
  {
    arbitrary: fc.record({ t: fc.constant("editDuringRun" as const), run: runSpec, edit: fc.record({ book, which, factor }), delayMs: fc.integer({ min: 0, max: 150 }) }),
    weight: 1,
  },
);
const bookSpec = fc.record({ inception: fc.integer({ min: 0, max: 6 }), positions: fc.array(positionSpec, { minLength: 1, maxLength: 3 }) });
type Sequence = { books: { inception: number; positions: PositionSpec[] }[]; ops: Op[]; chunk: number };
const sequence: fc.Arbitrary<Sequence> = fc.record({ books: fc.tuple(bookSpec, bookSpec), ops: fc.array(op, { maxLength: 8 }), chunk: fc.constantFrom(2, 4, 25) });

// ── running a sequence against the real batch ───────────────────────────────────────────────────
class Killed extends Error {}

/** A pool that dies like a killed process after `n` statements: every later statement fails and a
 * connection it held is destroyed (PostgreSQL rolls back its open transaction). */
function mortalPool(pool: pg.Pool, n: number): pg.Pool {
  let left = n;
  const alive = () => left-- > 0;
  const dead = () => Promise.reject(new Killed(`killed after ${n} statements`));
  return new Proxy(pool, {
    get(target, prop, receiver) {
      if (prop === "query") return (text: string, values?: unknown[]) => (alive() ? target.query(text, values) : dead());
      if (prop === "connect") {
        return async () => {
          if (!alive()) return dead();
          const client = await target.connect();
          // A view of the pooled client, not a change to it: the pool hands the client out again later.
          return {
            query: (text: string, values?: unknown[]) => (alive() ? client.query(text, values) : dead()),
            release: () => client.release(left <= 0 ? new Error("killed") : undefined),
          };
        };
      }
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
}

let sequenceNo = 0;

async function runSequence(s: Sequence): Promise<void> {
  const db = getPool();
  const seq = ++sequenceNo;
  const ids = s.books.map((_, i) => `prop${seq}b${i}`);
  let clock = FIRST_CLOCK;
  const killed: string[] = [];
  try {
    async function importPosition(b: number, p: PositionSpec) {
      const inception = DAYS[s.books[b]!.inception]!;
      const entry = DAYS[p.entry]! < inception ? inception : DAYS[p.entry]!;
      const symbol = SYMBOLS[p.symbol]!;
      const row =
        p.kind === "long" ? `${symbol},100,100,${entry},LONG,PUBLIC,,,,`
        : p.kind === "short" ? `${symbol},-80,100,${entry},SHORT,PUBLIC,,,,`
        : p.kind === "private" ? `Vineyard ${symbol},10,5000,${entry},LONG,PRIVATE,REAL_ESTATE,,,`
        : (() => {
            const expiry = DAYS[Math.min(p.entry + 20, DAYS.length - 1)]! < entry ? entry : DAYS[Math.min(p.entry + 20, DAYS.length - 1)]!;
            const right = p.kind === "call" ? "C" : "P";
            return `${formatOccSymbol({ root: symbol, expiry, right, strike: 100 })},2,5,${entry},${p.kind === "call" ? "LC" : "LP"},OPTIONS,,${symbol},100,${expiry}`;
          })();
      const before = await positions(b);
      // The same lot twice is refused by design (it would count twice): the model expects the 422 and
      // an unchanged book, and goes on.
      await commitPositionImport(await summary(b), `symbol,quantity,entry_price,entry_date,type,class,subtype,underlying,strike,expiry\n${row}\n`).catch(async (e: unknown) => {
        if (!(e instanceof ApiError && e.status === 422 && e.message.includes("already in the portfolio"))) throw e;
        expect(await positions(b)).toEqual(before);
      });
    }
    const summary = (b: number) => getPortfolioOrThrow(OWNER, ids[b]!);
    const positions = async (b: number) =>
      (await db.query<{ id: string; quantity: number; entry_date: string; investment_class: string; entry_price: number }>(
        `SELECT id, quantity, entry_date, investment_class, entry_price FROM positions WHERE portfolio_id = $1 ORDER BY created_at, id`,
        [ids[b]],
      )).rows;
    const pick = async (b: number, w: number) => {
      const all = await positions(b);
      return all.length ? all[w % all.length]! : null;
    };
    const edit = async (e: { book: number; which: number; factor: number }) => {
      const p = await pick(e.book, e.which);
      if (p) await updatePosition(await summary(e.book), p.id, { quantity: p.quantity * e.factor });
    };
    const request = (r: RunSpec): BatchRequest => ({
      trigger: "CLI",
      asOfDate: DAYS[clock]!,
      portfolioIds: r.book === "all" ? ids : [ids[r.book]!],
      force: r.kind === "force" ? { from: DAYS[Math.min(r.from, clock)]!, to: DAYS[Math.min(r.from + r.length, DAYS.length - 1)]! } : null,
    });
    /** Runs that said SUCCEEDED, checked once the operation is over (a concurrent run may still be
     * recomputing their books until then). */
    let succeeded: BatchRequest[] = [];
    const run = async (r: RunSpec) => {
      const req = request(r);
      const result = await runLocalBatch(req, { daysPerChunk: s.chunk }).catch((e: unknown) => {
        if ((e as Error).name === "BatchConflictError") return null;
        throw e;
      });
      if (result?.status === "SUCCEEDED") succeeded.push(req);
    };

    for (const [i, b] of s.books.entries()) {
      await db.query(`INSERT INTO portfolios (id, name, owner_id, starting_equity, inception_date, updated_at) VALUES ($1, $1, $2, 1000000, $3, now())`, [ids[i], OWNER.id, DAYS[b.inception]]);
      for (const p of b.positions) await importPosition(i, p);
    }

    for (const o of s.ops) {
      if (TRACE) console.log(`[property] ${seq}: ${JSON.stringify(o)}`);
      switch (o.t) {
        case "import":
          await importPosition(o.book, o.position);
          break;
        case "edit":
          await edit(o);
          break;
        case "close": {
          const p = await pick(o.book, o.which);
          if (!p) break;
          const exit = DAYS[Math.min(DAYS.indexOf(p.entry_date) + o.after, DAYS.length - 1)] ?? p.entry_date;
          await updatePosition(await summary(o.book), p.id, { exitPrice: p.entry_price * 1.1, exitDate: exit < p.entry_date ? p.entry_date : exit });
          break;
        }
        case "delete": {
          const p = await pick(o.book, o.which);
          if (p) await deletePosition(await summary(o.book), p.id);
          break;
        }
        case "mark": {
          const p = await pick(o.book, o.which);
          if (p?.investment_class === "PRIVATE" && DAYS[o.day]! >= p.entry_date) await updatePosition(await summary(o.book), p.id, { privateMark: { date: DAYS[o.day]!, price: p.entry_price * o.multiple } });
          break;
        }
        case "flow":
          if (DAYS[o.day]! >= DAYS[s.books[o.book]!.inception]!) await recordCapitalFlow(await summary(o.book), { date: DAYS[o.day]!, amount: o.amount });
          break;
        case "advance":
          clock = Math.min(clock + o.days, DAYS.length - 1);
          break;
        case "run":
          await run(o.run);
          break;
        case "kill": {
          const started: { runId?: string } = {};
          await runLocalBatch(request(o.run), { pool: mortalPool(db, o.afterQueries), daysPerChunk: s.chunk, onStart: (r) => (started.runId = r.id) }).catch((e: unknown) => {
            if (!(e instanceof Killed)) throw e;
          });
          // Let statements sent before the death land, then let time pass: its lease and heartbeat expire.
          await new Promise((r) => setTimeout(r, 20));
          const runId = started.runId;
          if (runId) {
            killed.push(runId);
            await db.query(`UPDATE portfolio_locks SET expires_at = now() - interval '1 second' WHERE run_id = $1`, [runId]);
            await db.query(`UPDATE batch_runs SET heartbeat_at = now() - interval '1 hour' WHERE id = $1 AND status = 'RUNNING'`, [runId]);
          }
          break;
        }
        case "concurrent":
          await Promise.all([run(o.a), run(o.b)]);
          break;
        case "editDuringRun":
          await Promise.all([run(o.run), new Promise((r) => setTimeout(r, o.delayMs)).then(() => edit(o.edit))]);
          break;
      }
      for (const req of succeeded) for (const id of req.portfolioIds!) await expectWhole(id, req.asOfDate!);
      succeeded = [];
    }

    const final = await runLocalBatch({ trigger: "CLI", asOfDate: DAYS[clock]!, portfolioIds: ids }, { daysPerChunk: s.chunk });
    expect(final.status).toBe("SUCCEEDED");
    const actual = await Promise.all(ids.map((id) => bookState(db, id)));
    const refs = ids.map((id) => `${id}r`);
    for (const [i, id] of ids.entries()) await cloneBook(db, id, refs[i]!);
    const clean = await runLocalBatch({ trigger: "CLI", asOfDate: DAYS[clock]!, portfolioIds: refs });
    expect(clean.status).toBe("SUCCEEDED");
    for (const [i, ref] of refs.entries()) {
      const diff = stateDifferences(actual[i]!, await bookState(db, ref));
      if (diff.length) throw new Error(`book ${ids[i]} differs from a clean back-fill:\n${diff.join("\n")}`);
    }
  } finally {
    await db.query(`DELETE FROM portfolios WHERE id = ANY($1::text[])`, [[...ids, ...ids.map((id) => `${id}r`)]]);
    await db.query(`DELETE FROM portfolio_locks WHERE run_id = ANY($1::text[])`, [killed]);
  }
}

async function expectWhole(portfolioId: string, asOf: string): Promise<void> {
  const { rows } = await getPool().query<{ inception: string; complete: number; other: number; running: number }>(
    `SELECT p.inception_date AS inception,
       (SELECT count(*)::int FROM snapshots s WHERE s.portfolio_id = p.id AND s.status = 'COMPLETE' AND s.date <= $2) AS complete,
       (SELECT count(*)::int FROM snapshots s WHERE s.portfolio_id = p.id AND s.status <> 'COMPLETE') AS other,
       (SELECT count(*)::int FROM batch_phases b WHERE b.portfolio_id = p.id AND b.status = 'RUNNING'
          AND b.run_id IN (SELECT id FROM batch_runs WHERE status <> 'RUNNING')) AS running
     FROM portfolios p WHERE p.id = $1`,
    [portfolioId, asOf],
  );
  const r = rows[0]!;
  const whole = { complete: r.complete, other: r.other, running: r.running };
  if (whole.complete !== tradingDaysBetween(r.inception, asOf).length || whole.other || whole.running) {
    throw new Error(`a run said SUCCEEDED but left ${portfolioId} with ${JSON.stringify(whole)} (expected ${tradingDaysBetween(r.inception, asOf).length} complete days up to ${asOf})`);
  }
}

beforeAll(async () => {
  await useSeededDatabase();
});

afterAll(() => {
  console.log(`[property] batch sequences: ${RUNS} runs, seed ${SEED} (PROPERTY_RUNS / PROPERTY_SEED to change)`);
});

/**
 * Counterexamples the property found, replayed on every run. The first (seed 20261130): a run killed
 * mid-refresh, then a second killed after its first statement, which was the reaper's marking of the
 * first run FAILED; its telemetry rows were updated by a second statement that never ran, and stayed
 * RUNNING for good. The reaper is now one statement.
 */
const FOUND: [Sequence][] = [
  [
    {
      books: [
        { inception: 0, positions: [{ kind: "long", symbol: 0, entry: 0 }] },
        { inception: 0, positions: [{ kind: "long", symbol: 0, entry: 0 }] },
      ],
      ops: [
        { t: "kill", run: { book: 0, kind: "normal" }, afterQueries: 33 },
        { t: "kill", run: { book: "all", kind: "normal" }, afterQueries: 1 },
      ],
      chunk: 2,
    },
  ],
];

describe("the batch after any sequence of edits and runs", () => {
  test(`equals a clean back-fill of the final books (${RUNS} sequences)`, async () => {
    console.log(`[property] seed ${SEED}, ${RUNS} sequences`);
    await fc.assert(fc.asyncProperty(sequence, runSequence), { numRuns: RUNS, seed: SEED, endOnFailure: false, examples: FOUND });
  }, 3_600_000);
});
