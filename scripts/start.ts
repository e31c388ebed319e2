// `npm start`: the whole app from one command. Without DATABASE_URL it starts the embedded PostgreSQL
// (PGlite, data in .data/pglite) in this process; then migrations, registries, bundled market data,
// demo portfolios (or, with SEED_DEMO=0, a first admin from ADMIN_EMAIL and ADMIN_PASSWORD), through the
// setup `npm run setup` runs too (lib/seed/setup.ts); the daily batch up to the as-of date, and finally
// Next.js through scripts/serve.ts.
//   --dev          next dev instead of a production build
//   --port N       HTTP port (default PORT or 3000; it stands for PORT, so APP_URL defaults to it too)
//   --setup-only   prepare the database and run the batch, then exit
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { appUrl, childProcessEnv, debugEnabled, env } from "@/lib/config/env";
import { assertDatabaseReachable } from "@/lib/db/check-connection";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded";
import { closePool, getPool } from "@/lib/db/pool";
import { closePrisma, getPrisma } from "@/lib/db/prisma";
import { runLocalBatch } from "@/lib/batch/local-executor";
import { BatchConflictError } from "@/lib/batch/runs";
import { readPriceFile } from "@/lib/market-data/price-file";
import { setupDatabase } from "@/lib/seed/setup";
import { recordBuild, staleBuildReason } from "@/lib/ops/build-freshness";
import { batchProgress } from "./batch-progress";

const { values: args } = parseArgs({
  options: { dev: { type: "boolean" }, port: { type: "string" }, "setup-only": { type: "boolean" } },
});
const root = process.cwd();
const dataDir = path.join(root, ".data");
const log = (m: string) => console.log(`[riskline] ${m}`);

function authSecret(): string {
  const configured = env().BETTER_AUTH_SECRET;
  if (configured) return configured;
  // A per-install secret for the embedded default; production sets BETTER_AUTH_SECRET.
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

async function main() {
  if (args.port !== undefined) process.env.PORT = args.port; // validated as PORT
  const config = env(); // an invalid variable stops the start here, named
  if (Boolean(config.ADMIN_EMAIL) !== Boolean(config.ADMIN_PASSWORD)) {
    throw new Error(config.ADMIN_EMAIL ? "ADMIN_EMAIL is set without ADMIN_PASSWORD: set both for a first admin (or neither)" : "ADMIN_PASSWORD is set without ADMIN_EMAIL: set both for a first admin (or neither)");
  }
  readPriceFile(); // a malformed bundled price file stops the start here, with the line to fix
  mkdirSync(dataDir, { recursive: true });
  let embedded: EmbeddedPostgres | undefined;
  let url = config.DATABASE_URL;
  if (url) {
    await assertDatabaseReachable(url);
    log(`using PostgreSQL from DATABASE_URL`);
  } else {
    const dir = path.resolve(root, config.EMBEDDED_DB_DIR);
    embedded = await startEmbeddedPostgres({ dataDir: dir, port: config.EMBEDDED_DB_PORT });
    url = embedded.url;
    log(`embedded PostgreSQL (PGlite) at ${url}, data in ${path.relative(root, dir)}`);
  }
  // This process's pool and Prisma client read it through the configuration (which notices the change),
  // and the children inherit it.
  process.env.DATABASE_URL = url;
  process.env.BETTER_AUTH_SECRET = authSecret(); // the first admin is created through better-auth in this process
  const admin = config.ADMIN_EMAIL && config.ADMIN_PASSWORD ? { email: config.ADMIN_EMAIL, name: config.ADMIN_NAME, password: config.ADMIN_PASSWORD } : undefined;
  await setupDatabase({ url, pool: getPool(), prisma: getPrisma(), demo: config.SEED_DEMO === "1", admin, log });
  const progress = batchProgress((line) => log(`batch: ${line}`));
  try {
    log("running the daily batch up to the as-of date (a first start back-fills every book)…");
    const summary = await runLocalBatch({ trigger: "SEED" }, { onProgress: progress.onProgress }).finally(progress.stop);
    log(`daily batch up to ${summary.asOfDate}: ${summary.status} in ${summary.durationMs} ms`);
  } catch (e) {
    // Another process is running today's batch: serve the app anyway, it shows what is complete.
    if (!(e instanceof BatchConflictError)) throw e;
    log(e.message);
  }
  await closePrisma();
  await closePool();

  if (args["setup-only"]) {
    await embedded?.stop();
    return;
  }
  const port = String(config.PORT);
  const publicUrl = appUrl(config);
  const childEnv = childProcessEnv({ DATABASE_URL: url, BETTER_AUTH_SECRET: authSecret(), APP_URL: publicUrl, PORT: port, NEXT_TELEMETRY_DISABLED: "1" });
  const nextBin = path.join(root, "node_modules/.bin/next");
  // Migrations are applied above (setupDatabase), so a rebuilt app never meets an older schema.
  const rebuild = args.dev ? null : staleBuildReason(root);
  if (rebuild) {
    log(`building the app (${rebuild})…`);
    const build = spawnSync(nextBin, ["build"], { stdio: "inherit", env: childEnv });
    if (build.status !== 0) throw new Error("next build failed");
    recordBuild(root);
  } else if (!args.dev) {
    log("the build is current with the sources");
  }
  // Not `next start`: scripts/serve.ts sets the client address the sign-in limits count on.
  const serve = [path.join(root, "node_modules/.bin/tsx"), path.join(root, "scripts/serve.ts"), ...(args.dev ? ["--dev"] : [])] as const;
  const child = spawn(serve[0], serve.slice(1), { stdio: "inherit", env: childEnv });
  log(`Riskline on ${publicUrl} — demo accounts in README.md`);
  const stop = async (code: number) => {
    await embedded?.stop();
    process.exit(code);
  };
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
  child.on("exit", (code) => void stop(code ?? 0));
}

main().catch((e: unknown) => {
  console.error(`[riskline] start failed: ${e instanceof Error ? e.message : String(e)}`);
  if (e instanceof Error && debugEnabled()) console.error(e.stack);
  process.exit(1);
});
