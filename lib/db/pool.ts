// One pg pool per process for bulk SQL (batch writes, price loads); Prisma shares the same URL.
import pg from "pg";
import { env } from "@/lib/config/env";

// DATE columns as 'YYYY-MM-DD' strings: a JS Date would shift by the process time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

/** A pg.Pool, pg.PoolClient or pg.Client: what bulk SQL needs. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

const globalForPool = globalThis as unknown as { riskPool?: pg.Pool };

export function databaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start` (embedded database) or set DATABASE_URL to a PostgreSQL server.");
  return url;
}

export function getPool(): pg.Pool {
  globalForPool.riskPool ??= new pg.Pool({ connectionString: databaseUrl(), max: env().DB_POOL_MAX });
  return globalForPool.riskPool;
}

export async function closePool(): Promise<void> {
  await globalForPool.riskPool?.end();
  globalForPool.riskPool = undefined;
}

/** Runs `fn` in a transaction on one pooled client. */
export async function withTransaction<T>(fn: (client: pg.PoolClient) => Promise<T>, pool: pg.Pool = getPool()): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (e) {
    await client.query("ROLLBACK");
    throw e;
  } finally {
    client.release();
  }
}
