// A throwaway database for one bench run: a fresh database on the local PostgreSQL server when it
// answers (the numbers the README's performance targets are about), else an embedded PGlite (much slower: WASM, one connection
// at a time). Dropped or stopped by `drop()`.
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded";

const SERVER_URL = process.env.BENCH_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export interface BenchDatabase {
  url: string;
  kind: "postgresql" | "pglite";
  drop: () => Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query(sql);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function createBenchDatabase(suffix: string): Promise<BenchDatabase> {
  const name = `riskline_bench_${process.pid}_${suffix}`;
  try {
    await adminQuery(`CREATE DATABASE ${name}`);
  } catch {
    const embedded = await startEmbeddedPostgres();
    return { url: embedded.url, kind: "pglite", drop: embedded.stop };
  }
  const u = new URL(SERVER_URL);
  u.pathname = `/${name}`;
  return { url: u.toString(), kind: "postgresql", drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
