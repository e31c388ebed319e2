// The app's own daily schedule (no Inngest) across two app processes on one database: both fire, and
// each as-of date's batch runs once, in the process that claimed it; a later fire for a date already
// claimed (a second process, a weekend, a holiday) does nothing.
import { spawn } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/pool";
import { useSeededDatabase } from "../helpers";

interface Fire {
  asOfDate: string;
  claimed: boolean;
  status: string | null;
}

let databaseUrl: string;

/** Runs one schedule process for `seconds`; its fires, from its output. */
function scheduleProcess(name: string, asOf: string, seconds: number): Promise<Fire[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "tests/integration/ops/schedule-process.ts", name, String(seconds)], {
      env: { ...process.env, DATABASE_URL: databaseUrl, AS_OF: asOf, MARKET_DATA_PROVIDER: "file" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`${name} exited with ${code}: ${err}`));
      resolve(out.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Fire));
    });
  });
}

beforeAll(async () => {
  databaseUrl = await useSeededDatabase();
});

describe("the daily schedule in two app processes", () => {
  it.each(["2026-07-10", "2026-07-13"])("runs the batch of %s once, whichever process fires first", async (asOf) => {
    const [a, b] = await Promise.all([scheduleProcess("process-a", asOf, 4), scheduleProcess("process-b", asOf, 4)]);
    // Each process fired several times; exactly one fire of the two processes claimed the date.
    expect(a.length).toBeGreaterThanOrEqual(2);
    expect(b.length).toBeGreaterThanOrEqual(2);
    const claimed = [...a, ...b].filter((f) => f.claimed);
    expect(claimed).toEqual([{ asOfDate: asOf, claimed: true, status: "SUCCEEDED" }]);
    expect([...a, ...b].every((f) => f.asOfDate === asOf)).toBe(true);

    const fires = await getPool().query<{ claimed_by: string; run_id: string | null }>(`SELECT claimed_by, run_id FROM scheduled_fires WHERE job = 'daily-batch' AND as_of_date = $1`, [asOf]);
    expect(fires.rows).toHaveLength(1);
    expect(fires.rows[0]!.claimed_by).toBe(a.some((f) => f.claimed) ? "process-a" : "process-b");
    const runs = await getPool().query<{ id: string; status: string }>(`SELECT id, status FROM batch_runs WHERE trigger = 'CRON' AND as_of_date = $1`, [asOf]);
    expect(runs.rows).toEqual([{ id: fires.rows[0]!.run_id, status: "SUCCEEDED" }]);
  }, 60_000);
});
