// Applies the committed Prisma migrations (`prisma migrate deploy`) and verifies the result: the CLI
// can exit 0 when its engine fails to start, so its output is checked too. It runs under an advisory
// lock, so two instances started at once against one database apply them one after the other (the
// second finds nothing pending).
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { childProcessEnv } from "@/lib/config/env";
import { ADVISORY_LOCK_KEYS, withAdvisoryLock } from "./advisory-lock";

const run = promisify(execFile);

export async function applyMigrations(url: string, cwd = process.cwd()): Promise<void> {
  await withAdvisoryLock(url, ADVISORY_LOCK_KEYS.migrations, () => deployMigrations(url, cwd));
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
