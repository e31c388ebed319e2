// Vitest global setup for integration tests. With the PostgreSQL server at TEST_DATABASE_URL's host
// (default 127.0.0.1:5432): one template database, migrated and seeded once (registries, bundled
// market data, demo accounts and books, the demo batch run to the as-of date), from which every test
// file gets a database of its own (`useSeededDatabase`), so no file sees another's changes and the
// files pass in any order. Without a server: one embedded PGlite that the files share.
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/lib/db/embedded";

const SERVER_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
/** The as-of date the template's demo batch runs to (the last date of the bundled data). */
export const TEMPLATE_AS_OF = "2026-07-13";

async function serverAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: SERVER_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

const withDatabase = (name: string) => {
  const u = new URL(SERVER_URL);
  u.pathname = `/${name}`;
  return u.toString();
};

/** Seeds a database as `npm start` leaves it: demo books with their batch run to the as-of date. */
async function seedTemplate(url: string): Promise<void> {
  process.env.DATABASE_URL = url;
  const { getPool, closePool } = await import("@/lib/db/pool");
  const { getPrisma, closePrisma } = await import("@/lib/db/prisma");
  const { prepareDatabase } = await import("@/lib/seed/prepare-database");
  const { runLocalBatch } = await import("@/lib/batch/local-executor");
  try {
    await prepareDatabase({ url, pool: getPool(), prisma: getPrisma(), demo: true });
    const run = await runLocalBatch({ trigger: "SEED", asOfDate: TEMPLATE_AS_OF });
    if (run.status !== "SUCCEEDED") throw new Error(`the template's demo batch ended ${run.status} (run ${run.runId})`);
  } finally {
    await closePool();
    await closePrisma();
  }
}

export default async function setup(project: TestProject) {
  if (await serverAnswers(SERVER_URL)) {
    const template = `riskline_it_${process.pid}_${Date.now()}`;
    await admin(`CREATE DATABASE ${template}`);
    const url = withDatabase(template);
    const t0 = performance.now();
    await seedTemplate(url);
    console.log(`[integration] PostgreSQL server: template database ${template} seeded in ${Math.round(performance.now() - t0)} ms; one copy per test file`);
    project.provide("database", { mode: "server", serverUrl: SERVER_URL, template });
    return async () => {
      const c = new pg.Client({ connectionString: SERVER_URL });
      await c.connect();
      try {
        const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${template}%`]);
        for (const r of rows) await c.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    };
  }
  const embedded = await startEmbeddedPostgres();
  await seedTemplate(embedded.url);
  console.log("[integration] no PostgreSQL server answered: one embedded PGlite shared by the test files");
  project.provide("database", { mode: "embedded", url: embedded.url });
  return embedded.stop;
}

export type ProvidedDatabase = { mode: "server"; serverUrl: string; template: string } | { mode: "embedded"; url: string };

declare module "vitest" {
  export interface ProvidedContext {
    database: ProvidedDatabase;
  }
}
