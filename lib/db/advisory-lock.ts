// Session-level PostgreSQL advisory locks, each taken on a connection of its own (not a pooled one, so
// that nothing else runs on the session holding it) and released in `finally`; if the process dies,
// the server drops the connection and the lock with it. PGlite supports them as well.
import pg from "pg";

/** Fixed keys (any 64-bit integers, unique within Riskline). */
export const ADVISORY_LOCK_KEYS = {
  /** `prisma migrate deploy` (lib/db/migrate.ts): two starting instances apply migrations one after the other. */
  migrations: 7_311_400_001n,
  /** The whole setup (lib/seed/setup.ts): registries, market data, demo data, first admin. */
  setup: 7_311_400_002n,
} as const;

/** Runs `fn` while holding the advisory lock `key` on the database at `url`, waiting for it if taken. */
export async function withAdvisoryLock<T>(url: string, key: bigint, fn: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1::bigint)", [key.toString()]);
    try {
      return await fn();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1::bigint)", [key.toString()]);
    }
  } finally {
    await client.end();
  }
}
