// `npm run setup -- --admin-email E [--admin-name N] [--reset-password]`: prepares the database at
// DATABASE_URL (a managed PostgreSQL) for production: migrations, registries, the bundled market data
// when absent, the demo only with SEED_DEMO=1, and a first admin. The password comes from
// ADMIN_PASSWORD, else from a prompt without echo when stdin is a terminal. Idempotent: a second run
// creates nothing twice and leaves an existing admin's password alone unless --reset-password.
// The app instances (`npm run serve`) then need no setup of their own. `npm start` runs the same setup.
import { parseArgs } from "node:util";
import { ADMIN_PASSWORD_MIN_LENGTH, debugEnabled, env } from "@/lib/config/env";
import { assertDatabaseReachable } from "@/lib/db/check-connection";
import { closePool, getPool } from "@/lib/db/pool";
import { closePrisma, getPrisma } from "@/lib/db/prisma";
import { readPriceFile } from "@/lib/market-data/price-file";
import { setupDatabase, type AdminAccount } from "@/lib/seed/setup";

const USAGE = "usage: npm run setup -- --admin-email EMAIL [--admin-name NAME] [--reset-password]   (password from ADMIN_PASSWORD, or a prompt)";
const log = (m: string) => console.log(`[riskline setup] ${m}`);

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stdout.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    let value = "";
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onData);
      process.stdout.write("\n");
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n" || ch === "\u0004") return done();
        if (ch === "\u0003") return done(new Error("cancelled"));
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on("data", onData);
  });
}

async function adminPassword(): Promise<string> {
  const fromEnv = env().ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) {
    throw new Error(`ADMIN_PASSWORD is not set and stdin is not a terminal to ask for it: set ADMIN_PASSWORD (at least ${ADMIN_PASSWORD_MIN_LENGTH} characters) for the admin's password`);
  }
  const first = await promptHidden("Admin password: ");
  if (first.length < ADMIN_PASSWORD_MIN_LENGTH) throw new Error(`the password must be at least ${ADMIN_PASSWORD_MIN_LENGTH} characters`);
  const again = await promptHidden("Repeat it: ");
  if (again !== first) throw new Error("the two passwords differ");
  return first;
}

async function main() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { "admin-email": { type: "string" }, "admin-name": { type: "string" }, "reset-password": { type: "boolean" } },
  });
  const config = env(); // an invalid variable stops the setup here, named
  const url = config.DATABASE_URL;
  if (!url) {
    throw new Error("DATABASE_URL is not set: `npm run setup` prepares a PostgreSQL server's database (postgresql://user:password@host:5432/riskline). For the embedded database, use `npm start`, which sets it up by itself (with ADMIN_EMAIL and ADMIN_PASSWORD for a first admin).");
  }
  readPriceFile(); // a malformed bundled price file stops the setup here, with the line to fix
  await assertDatabaseReachable(url);
  const email = values["admin-email"] ?? config.ADMIN_EMAIL;
  let admin: AdminAccount | undefined;
  if (email) {
    admin = { email, name: values["admin-name"] ?? config.ADMIN_NAME, password: await adminPassword(), resetPassword: values["reset-password"] ?? false };
  } else {
    log("no --admin-email (nor ADMIN_EMAIL): the database is prepared without an admin account");
  }
  try {
    await setupDatabase({ url, pool: getPool(), prisma: getPrisma(), demo: config.SEED_DEMO === "1", admin, log });
  } finally {
    await closePrisma();
    await closePool();
  }
  log("done: start the app instances with `npm run serve` (DATABASE_URL, BETTER_AUTH_SECRET, APP_URL)");
}

main().catch((e: unknown) => {
  console.error(`[riskline setup] failed: ${e instanceof Error ? e.message : String(e)}`);
  if (e instanceof Error && debugEnabled()) console.error(e.stack);
  if (e instanceof TypeError && "code" in e && String(e.code).startsWith("ERR_PARSE_ARGS")) console.error(USAGE);
  process.exit(1);
});
