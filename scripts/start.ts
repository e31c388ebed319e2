// `npm start`: the whole app from one command. Without DATABASE_URL it starts the embedded PostgreSQL
// (PGlite, data in .data/pglite) in this process; then migrations, registries, bundled market data,
// demo portfolios, the daily batch up to the as-of date, and finally Next.js.
//   --dev          next dev instead of a production build
//   --port N       HTTP port (default PORT or 3000)
//   --setup-only   prepare the database and run the batch, then exit
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadEnv } from "@/lib/config/env";
import { assertDatabaseReachable } from "@/lib/db/check-connection";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded";
import { closePool, getPool } from "@/lib/db/pool";
import { closePrisma, getPrisma } from "@/lib/db/prisma";
import { runLocalBatch } from "@/lib/batch/local-executor";
import { BatchConflictError } from "@/lib/batch/runs";
import { readPriceFile } from "@/lib/market-data/price-file";
import { prepareDatabase } from "@/lib/seed/prepare-database";

const { values: args } = parseArgs({
  options: { dev: { type: "boolean" }, port: { type: "string" }, "setup-only": { type: "boolean" } },
});
const root = process.cwd();
const dataDir = path.join(root, ".data");
const log = (m: string) => console.log(`[riskline] ${m}`);

function authSecret(): string {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  // A per-install secret for the embedded default; production sets BETTER_AUTH_SECRET.
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

async function main() {
  const env = loadEnv();
  readPriceFile(); // a malformed bundled price file stops the start here, with the line to fix
  mkdirSync(dataDir, { recursive: true });
  let embedded: EmbeddedPostgres | undefined;
  let url = env.DATABASE_URL;
  if (url) {
    await assertDatabaseReachable(url);
    log(`using PostgreSQL from DATABASE_URL`);
  } else {
    const dir = process.env.EMBEDDED_DB_DIR ?? path.join(dataDir, "pglite");
    embedded = await startEmbeddedPostgres({ dataDir: dir, port: Number(process.env.EMBEDDED_DB_PORT ?? 54329) });
    url = embedded.url;
    log(`embedded PostgreSQL (PGlite) at ${url}, data in ${path.relative(root, dir)}`);
  }
  process.env.DATABASE_URL = url;
  await prepareDatabase({ url, pool: getPool(), prisma: getPrisma(), demo: process.env.SEED_DEMO !== "0", log });
  try {
    const summary = await runLocalBatch({ trigger: "SEED" });
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
  const port = args.port ?? process.env.PORT ?? "3000";
  const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;
  const childEnv = { ...process.env, DATABASE_URL: url, BETTER_AUTH_SECRET: authSecret(), APP_URL: appUrl, NEXT_TELEMETRY_DISABLED: "1" };
  const nextBin = path.join(root, "node_modules/.bin/next");
  if (!args.dev && !existsSync(path.join(root, ".next/BUILD_ID"))) {
    log("building the app (first start only)…");
    const build = spawnSync(nextBin, ["build"], { stdio: "inherit", env: childEnv });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const child = spawn(nextBin, [args.dev ? "dev" : "start", "-p", port, "-H", process.env.HOST ?? "0.0.0.0"], { stdio: "inherit", env: childEnv });
  log(`Riskline on ${appUrl} — demo accounts in README.md`);
  const stop = async (code: number) => {
    await embedded?.stop();
    process.exit(code);
  };
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
  child.on("exit", (code) => void stop(code ?? 0));
}

main().catch((e: unknown) => {
  console.error(`[riskline] start failed: ${e instanceof Error ? e.message : String(e)}`);
  if (e instanceof Error && process.env.DEBUG) console.error(e.stack);
  process.exit(1);
});
