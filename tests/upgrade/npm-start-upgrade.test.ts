// `npm start` across an upgrade, as an operator meets it after a `git pull`: on a copy of this checkout
// (its sources, its installed packages, the production build `npm test` has just made), a first start on
// the embedded database serves that build as it is; then a new migration and a new route arrive, and
// the next start applies the migration first, says so, rebuilds because the sources changed, and the
// app it serves has both. Runs after the build step of `npm test` (the `upgrade` project).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
/** Not copied: what a checkout does not carry, or what the copy gets otherwise (packages hard-linked). */
const SKIP = new Set([".git", "node_modules", ".data", "test-results", ".test-reports", ".playwright", "playwright-report", "tmp"]);
const PROBE_MIGRATION = "29990101000000_upgrade_probe";

let copy: string;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Started {
  child: ChildProcess;
  output: () => string;
  url: string;
}

/** `npm start` in the copy, on the embedded database kept in the copy's .data between starts. */
async function start(): Promise<Started> {
  const port = await freePort();
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NEXT_TELEMETRY_DISABLED: "1",
    SEED_DEMO: "0",
    ADMIN_EMAIL: "upgrade-admin@example.com",
    ADMIN_PASSWORD: "upgrade-admin-password-1",
    EMBEDDED_DB_PORT: String(await freePort()),
    DAILY_SCHEDULE: "off",
  };
  const child = spawn(path.join(copy, "node_modules/.bin/tsx"), ["scripts/start.ts", "--port", String(port)], { cwd: copy, env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (b: Buffer) => (output += b.toString()));
  child.stderr!.on("data", (b: Buffer) => (output += b.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 540_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`npm start did not answer within 9 minutes:\n${output}`);
    const healthy = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return { child, output: () => output, url };
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

async function stop({ child }: Started): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

beforeAll(() => {
  if (!existsSync(path.join(ROOT, ".next/BUILD_ID"))) throw new Error("no production build: this test runs after `npm run build` (the build step of `npm test`)");
  copy = mkdtempSync(path.join(tmpdir(), "riskline-upgrade-"));
  for (const entry of readdirSync(ROOT)) {
    if (!SKIP.has(entry)) cpSync(path.join(ROOT, entry), path.join(copy, entry), { recursive: true, verbatimSymlinks: true });
  }
  // Hard links: the packages take no space or time to copy (same file system as the checkout's /tmp).
  execFileSync("cp", ["-al", path.join(ROOT, "node_modules"), path.join(copy, "node_modules")]);
});

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe("npm start across an upgrade", () => {
  it("serves the current build as it is, then applies a new migration and rebuilds for new sources", async () => {
    const first = await start();
    try {
      expect(first.output()).toContain("the build is current with the sources");
      expect(first.output()).not.toContain("building the app");
      expect((await fetch(`${first.url}/api/upgrade-probe`)).status).toBe(404);
    } finally {
      await stop(first);
    }

    // The upgrade: a migration that creates and fills a table, and a route that reads it.
    mkdirSync(path.join(copy, "prisma/migrations", PROBE_MIGRATION));
    writeFileSync(
      path.join(copy, "prisma/migrations", PROBE_MIGRATION, "migration.sql"),
      `-- CreateTable\nCREATE TABLE "upgrade_probe" ("note" TEXT NOT NULL);\n\n-- InsertRow\nINSERT INTO "upgrade_probe" ("note") VALUES ('applied');\n`,
    );
    mkdirSync(path.join(copy, "app/api/upgrade-probe"));
    writeFileSync(
      path.join(copy, "app/api/upgrade-probe/route.ts"),
      [
        'import { NextResponse } from "next/server";',
        'import { withPublic } from "@/lib/api/public";',
        'import { getPool } from "@/lib/db/pool";',
        'export const dynamic = "force-dynamic";',
        'export const GET = withPublic(async () => NextResponse.json((await getPool().query("SELECT note FROM upgrade_probe")).rows));',
        "",
      ].join("\n"),
    );

    const second = await start();
    try {
      const log = second.output();
      const applying = log.indexOf(`applying 1 pending migration: ${PROBE_MIGRATION}`);
      const building = log.indexOf("building the app (the sources changed since the last build)");
      expect(applying, log).toBeGreaterThanOrEqual(0);
      expect(building, log).toBeGreaterThan(applying);
      const probe = await fetch(`${second.url}/api/upgrade-probe`);
      expect(probe.status).toBe(200);
      expect(await probe.json()).toEqual([{ note: "applied" }]);
    } finally {
      await stop(second);
    }
  });
});
