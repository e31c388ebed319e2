// Applies the committed Prisma migrations (`prisma migrate deploy`) and verifies the result: the CLI
// can exit 0 when its engine fails to start, so its output is checked too. It runs under an advisory
// lock, so two instances started at once against one database apply them one after the other (the
// second finds nothing pending).
import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { childProcessEnv } from "@/lib/config/env";
import { ADVISORY_LOCK_KEYS, withAdvisoryLock } from "./advisory-lock";

const run = promisify(execFile);

/** Applies the pending migrations and answers their names, oldest first (none when the schema is current). */
export async function applyMigrations(url: string, cwd = process.cwd(), log: (message: string) => void = () => undefined): Promise<string[]> {
  return withAdvisoryLock(url, ADVISORY_LOCK_KEYS.migrations, async () => {
    const pending = await pendingMigrations(url, cwd);
    if (pending.length > 0) log(`applying ${pending.length} pending migration${pending.length === 1 ? "" : "s"}: ${describe(pending)}`);
    await deployMigrations(url, cwd);
    return pending;
  });
}

/** A fresh database has every migration pending: the first and last name say enough. */
function describe(names: string[]): string {
  return names.length <= 3 ? names.join(", ") : `${names[0]} … ${names.at(-1)}`;
}

/** The committed migrations that the database has not finished applying. */
async function pendingMigrations(url: string, cwd: string): Promise<string[]> {
  const committed = readdirSync(path.join(cwd, "prisma/migrations"), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: present } = await client.query<{ present: boolean }>("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present");
    if (!present[0]?.present) return committed;
    const { rows } = await client.query<{ name: string }>("SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL");
    const applied = new Set(rows.map((r) => r.name));
    return committed.filter((name) => !applied.has(name));
  } finally {
    await client.end();
  }
}

async function deployMigrations(url: string, cwd: string): Promise<void> {
  // Asynchronous on purpose: an embedded database is served by this process's event loop.
  let output: string;
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(cwd, "scripts/prisma.mjs"), "migrate", "deploy"], {
      cwd,
      env: childProcessEnv({ DATABASE_URL: url }),
    });
    output = `${stdout}\n${stderr}`;
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`Database migrations failed:\n${err.stdout ?? ""}${err.stderr ?? err.message}`, { cause: e });
  }
  if (!/successfully applied|No pending migrations/i.test(output)) {
    throw new Error(`Database migrations did not report success:\n${output}`);
  }
}
