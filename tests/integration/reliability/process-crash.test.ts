// The batch process dies mid-run (docs/ARCHITECTURE.md, "The daily batch"): `npm run batch` (scripts/batch.ts) is killed with
// SIGKILL once some chunks are written. Nothing half-written is COMPLETE (every COMPLETE snapshot of
// the dead run has all its rows and a WRITE_RESULTS row; the rest stay PENDING), the run stays
// RUNNING until reaped as dead, its portfolio leases (one per book it was refreshing, up to
// BATCH_CONCURRENCY) block other runs until they expire and can then be taken over, and a rerun
// completes everything with the NAVs of a clean run.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLocalBatch } from "@/lib/batch/local-executor";
import { batchConcurrency } from "@/lib/config/env";
import { releasePortfolio, tryAcquirePortfolio } from "@/lib/batch/portfolio-lock";
import { DEAD_RUN_AFTER_MS, reapDeadRuns } from "@/lib/batch/runs";
import { getPool } from "@/lib/db/pool";
import { useSeededDatabase } from "../helpers";
import { AS_OF, bringUpToDate, duplicateResultRows, lastDays, navsFrom, PORTFOLIO_IDS } from "./reliability-helpers";

const DATES = lastDays(100); // four 25-day chunks per portfolio
const FROM = DATES[0]!;
const ROOT = path.resolve(import.meta.dirname, "../../..");
const db = () => getPool();

let clean: Record<string, Record<string, number>>;
let child: ChildProcess | undefined;
let runId: string;
let output = "";

/** Kills the batch process and its children (tsx runs node as a child), by their process group. */
function killBatch(): void {
  if (child?.pid && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, "SIGKILL");
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 240_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline || child?.exitCode !== null) throw new Error(`gave up waiting for ${what} (batch exit code ${child?.exitCode}); its output:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  await useSeededDatabase();
  await bringUpToDate();
  clean = await navsFrom(FROM);

  const startedAt = new Date();
  child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["scripts/batch.ts", "--force", "--from", FROM, "--to", AS_OF, "--as-of", AS_OF, ...PORTFOLIO_IDS.flatMap((id) => ["--portfolio", id])], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: await useSeededDatabase(), MARKET_DATA_PROVIDER: "file" },
    detached: true, // its own process group, so the kill reaches tsx's node child too
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (b: Buffer) => (output += b.toString()));
  child.stderr?.on("data", (b: Buffer) => (output += b.toString()));
  runId = await waitFor("the run row", async () => {
    const { rows } = await db().query<{ id: string }>(`SELECT id FROM batch_runs WHERE trigger = 'CLI' AND force_rerun AND started_at >= $1`, [startedAt]);
    return rows[0]?.id;
  });
  // Some chunks written, the run not finished: pull the plug.
  await waitFor("a written chunk", async () => {
    const { rows } = await db().query<{ n: string }>(`SELECT count(*)::text AS n FROM batch_phases WHERE run_id = $1 AND phase = 'WRITE_RESULTS' AND status = 'SUCCEEDED'`, [runId]);
    return Number(rows[0]!.n) >= 25 ? true : undefined;
  });
  killBatch();
  await new Promise<void>((resolve) => (child!.exitCode !== null || child!.signalCode !== null ? resolve() : child!.once("exit", () => resolve())));
}, 600_000);

afterAll(() => killBatch());

describe("the batch process killed mid-run", () => {
  it("died by SIGKILL before finishing: the run is still RUNNING with written and unwritten days", async () => {
    expect(child!.signalCode).toBe("SIGKILL");
    const { rows } = await db().query<{ status: string; finished_at: Date | null }>(`SELECT status, finished_at FROM batch_runs WHERE id = $1`, [runId]);
    expect(rows[0]).toEqual({ status: "RUNNING", finished_at: null });
    const { rows: snaps } = await db().query<{ status: string; n: string }>(`SELECT status, count(*)::text AS n FROM snapshots WHERE run_id = $1 GROUP BY status`, [runId]);
    const byStatus = Object.fromEntries(snaps.map((s) => [s.status, Number(s.n)]));
    expect(byStatus.COMPLETE).toBeGreaterThanOrEqual(25);
    expect(byStatus.PENDING).toBeGreaterThan(0);
  });

  it("nothing half-written is COMPLETE: each COMPLETE day of the dead run has its WRITE_RESULTS row and all its results", async () => {
    const { rows } = await db().query<{ portfolio_id: string; date: string; written: boolean; valuations: number; exposures: number; stress: number }>(
      `SELECT s.portfolio_id, s.date,
              EXISTS (SELECT 1 FROM batch_phases b WHERE b.run_id = s.run_id AND b.portfolio_id = s.portfolio_id AND b.date = s.date AND b.phase = 'WRITE_RESULTS' AND b.status = 'SUCCEEDED') AS written,
              (SELECT count(*)::int FROM position_valuations v WHERE v.portfolio_id = s.portfolio_id AND v.date = s.date) AS valuations,
              (SELECT count(*)::int FROM portfolio_factor_exposures e WHERE e.portfolio_id = s.portfolio_id AND e.date = s.date) AS exposures,
              (SELECT count(*)::int FROM stress_results r WHERE r.portfolio_id = s.portfolio_id AND r.date = s.date) AS stress
       FROM snapshots s WHERE s.run_id = $1 AND s.status = 'COMPLETE'`,
      [runId],
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.written, `${r.portfolio_id} ${r.date}`).toBe(true);
      expect(r.valuations).toBeGreaterThan(0);
      if (r.portfolio_id !== "demo-fo-private") expect([r.exposures, r.stress > 0]).toEqual([12, true]);
    }
    const { rows: pending } = await db().query<{ n: string }>(
      `SELECT count(*)::text AS n FROM snapshots s WHERE s.run_id = $1 AND s.status = 'PENDING'
         AND EXISTS (SELECT 1 FROM batch_phases b WHERE b.run_id = s.run_id AND b.portfolio_id = s.portfolio_id AND b.date = s.date AND b.phase = 'WRITE_RESULTS' AND b.status = 'SUCCEEDED')`,
      [runId],
    );
    expect(pending[0]!.n).toBe("0");
  });

  it("the NAV chain has no holes: no day of the dead run after an interrupted portfolio's first PENDING day is COMPLETE", async () => {
    const { rows } = await db().query<{ portfolio_id: string; first_pending: string }>(
      `SELECT portfolio_id, min(date)::text AS first_pending FROM snapshots WHERE run_id = $1 AND status = 'PENDING' GROUP BY portfolio_id`,
      [runId],
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const { rows: complete } = await db().query<{ n: string }>(`SELECT count(*)::text AS n FROM snapshots WHERE portfolio_id = $1 AND status = 'COMPLETE' AND date > $2 AND run_id = $3`, [r.portfolio_id, r.first_pending, runId]);
      expect(complete[0]!.n).toBe("0");
    }
  });

  it("the dead run is reaped as FAILED only once its heartbeat is older than the limit", async () => {
    expect(await reapDeadRuns(db(), new Date())).toBe(0);
    const later = new Date(Date.now() + DEAD_RUN_AFTER_MS + 60_000);
    expect(await reapDeadRuns(db(), later)).toBe(1);
    const { rows } = await db().query<{ status: string; error_message: string; active_key: string | null }>(`SELECT status, error_message, active_key FROM batch_runs WHERE id = $1`, [runId]);
    expect(rows[0]).toMatchObject({ status: "FAILED", active_key: null, error_message: expect.stringContaining("heartbeats") });
  });

  it("its portfolio leases (one per book in flight) block another run until they expire, then another run takes them over", async () => {
    const { rows } = await db().query<{ portfolio_id: string }>(`SELECT portfolio_id FROM portfolio_locks WHERE run_id = $1`, [runId]);
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.length).toBeLessThanOrEqual(Math.min(batchConcurrency(), PORTFOLIO_IDS.length));
    for (const { portfolio_id: portfolioId } of rows) {
      expect(await tryAcquirePortfolio(db(), portfolioId, "another-run")).toBe(false);
      await db().query(`UPDATE portfolio_locks SET expires_at = now() - interval '1 second' WHERE portfolio_id = $1`, [portfolioId]);
      expect(await tryAcquirePortfolio(db(), portfolioId, "another-run")).toBe(true);
      const { rows: lock } = await db().query<{ run_id: string }>(`SELECT run_id FROM portfolio_locks WHERE portfolio_id = $1`, [portfolioId]);
      expect(lock[0]!.run_id).toBe("another-run");
      await releasePortfolio(db(), portfolioId, "another-run");
    }
  });

  it("a rerun completes every day with the NAVs of a clean run and no duplicate rows", async () => {
    const rerun = await runLocalBatch({ trigger: "CRON", asOfDate: AS_OF, portfolioIds: PORTFOLIO_IDS });
    expect(rerun.status).toBe("SUCCEEDED");
    expect(rerun.portfolios.some((p) => p.status === "succeeded" && p.datesCompleted > 0)).toBe(true);
    const { rows } = await db().query(`SELECT 1 FROM snapshots WHERE status <> 'COMPLETE' AND portfolio_id = ANY($1::text[])`, [PORTFOLIO_IDS]);
    expect(rows).toEqual([]);
    const navs = await navsFrom(FROM);
    expect(Object.keys(navs).sort()).toEqual([...PORTFOLIO_IDS].sort());
    expect(navs).toEqual(clean);
    expect(await duplicateResultRows()).toBe(0);
  });
});
