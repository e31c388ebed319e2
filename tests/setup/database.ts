// Vitest global setup for integration tests: a fresh database with the committed migrations applied.
// Uses the PostgreSQL server at TEST_DATABASE_URL's host (default 127.0.0.1:5432) when it answers,
// creating a throwaway database there; otherwise an embedded PGlite.
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";

const SERVER_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

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

export default async function setup(project: TestProject) {
  let url: string;
  let teardown: () => Promise<void>;
  if (await serverAnswers(SERVER_URL)) {
    const name = `riskline_it_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: SERVER_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(SERVER_URL);
    u.pathname = `/${name}`;
    url = u.toString();
    teardown = async () => {
      const c = new pg.Client({ connectionString: SERVER_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
    console.log(`[integration] PostgreSQL server, database ${name}`);
  } else {
    const embedded = await startEmbeddedPostgres();
    url = embedded.url;
    teardown = embedded.stop;
    console.log("[integration] no PostgreSQL server answered: embedded PGlite");
  }
  await applyMigrations(url);
  project.provide("databaseUrl", url);
  return teardown;
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
