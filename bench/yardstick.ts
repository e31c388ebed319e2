// The bench's yardsticks, measured in the same run as the lines they judge (the machine is shared and
// varies ~2× between runs): T_copy, PostgreSQL's COPY of 1,000,000 narrow rows with a 3-column key
// into a scratch table, the physical write limit every batch line is a multiple of.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

export const T_COPY_ROWS = 1_000_000;
const IDS = 1_000;
const DATES = 100;
const KEYS = Array.from({ length: 10 }, (_, k) => `key${k}`);

/** The rows as COPY text, built before the clock starts (id, date, key, three float8). */
function copyPayload(): Buffer[] {
  const chunks: Buffer[] = [];
  const day0 = Date.UTC(2020, 0, 1);
  for (let i = 0; i < IDS; i++) {
    const id = `p${String(i).padStart(6, "0")}`;
    let text = "";
    for (let d = 0; d < DATES; d++) {
      const date = new Date(day0 + d * 86_400_000).toISOString().slice(0, 10);
      for (let k = 0; k < KEYS.length; k++) {
        const x = (i * 7919 + d * 104_729 + k * 1_299_709) % 1_000_003;
        text += `${id}\t${date}\t${KEYS[k]}\t${x / 1_000_003}\t${-x / 7}\t${x * 1.5}\n`;
      }
    }
    chunks.push(Buffer.from(text));
  }
  return chunks;
}

/** Seconds PostgreSQL takes to COPY T_COPY_ROWS rows into a fresh keyed table; the table is dropped after. */
export async function measureTCopy(pool: pg.Pool): Promise<number> {
  const payload = copyPayload();
  const client = await pool.connect();
  try {
    await client.query(`DROP TABLE IF EXISTS bench_t_copy`);
    await client.query(`CREATE TABLE bench_t_copy (id text, date date, key text, a float8, b float8, c float8, PRIMARY KEY (id, date, key))`);
    const t0 = performance.now();
    await pipeline(Readable.from(payload), client.query(copyFrom(`COPY bench_t_copy (id, date, key, a, b, c) FROM STDIN`)));
    const seconds = (performance.now() - t0) / 1000;
    const { rows } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM bench_t_copy`);
    if (Number(rows[0]!.n) !== T_COPY_ROWS) throw new Error(`T_copy: ${rows[0]!.n} rows copied, expected ${T_COPY_ROWS}`);
    return seconds;
  } finally {
    await client.query(`DROP TABLE IF EXISTS bench_t_copy`);
    client.release();
  }
}

export interface Yardsticks {
  /** Seconds of the COPY of T_COPY_ROWS rows, measured before each group of batch lines (each group is
   * judged by its own measurement: the load of a shared machine drifts over a run). */
  tCopySeconds: { demo: number; scale: number } | null;
  /** `/api/health` (no session, one trivial query): the framework's own cost. */
  health: { requestsPerSecond: number; oneClientP50Ms: number } | null;
}
