// The database fails in the middle of the batch (docs/ARCHITECTURE.md, "The daily batch"): a trigger raises on one table for one
// portfolio. The failure is recorded with its message and stack, the other portfolios complete, the
// failed portfolio's write is rolled back whole (nothing half-written, snapshots not COMPLETE), and a
// rerun heals it with the NAVs of a clean run. A failure in a run-level phase fails the run, leaves
// every stored result as it was and frees the as-of date for the next run.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { runLocalBatch } from "@/lib/batch/local-executor";
import { getPool } from "@/lib/db/pool";
import { useSeededDatabase } from "../helpers";
import { AS_OF, bringUpToDate, duplicateResultRows, lastDays, navsFrom, phasesOf, PORTFOLIO_IDS, snapshotStatuses } from "./reliability-helpers";

const DATES = lastDays(3);
const FROM = DATES[0]!;
const db = () => getPool();

let clean: Record<string, Record<string, number>>;
const triggers: { name: string; table: string }[] = [];

/** A BEFORE INSERT trigger on `table` that raises for rows matching `condition`. */
async function failInserts(table: string, condition: string): Promise<void> {
  const name = `fail_${table}`;
  await db().query(`
    CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger AS $$
    BEGIN
      IF ${condition} THEN RAISE EXCEPTION 'injected failure: % unavailable', TG_TABLE_NAME; END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql`);
  await db().query(`CREATE TRIGGER ${name} BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`);
  triggers.push({ name, table });
}

async function dropTriggers(): Promise<void> {
  for (const t of triggers.splice(0)) {
    await db().query(`DROP TRIGGER IF EXISTS ${t.name} ON ${t.table}`);
    await db().query(`DROP FUNCTION IF EXISTS ${t.name}()`);
  }
}

/** Result rows of one portfolio over the test dates, per table (a rolled-back write leaves them as they were). */
async function portfolioRows(portfolioId: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ["position_valuations", "option_greeks", "portfolio_factor_exposures", "stress_results", "correlation_matrices"]) {
    const { rows } = await db().query<{ n: string }>(`SELECT count(*)::text AS n FROM ${t} WHERE portfolio_id = $1 AND date >= $2`, [portfolioId, FROM]);
    out[t] = Number(rows[0]!.n);
  }
  return out;
}

beforeAll(async () => {
  await useSeededDatabase();
  await bringUpToDate();
  clean = await navsFrom(FROM);
});

afterEach(dropTriggers);

describe.each([
  { table: "position_valuations", portfolio: "demo-hnw" },
  { table: "portfolio_factor_exposures", portfolio: "demo-fo-growth" },
  { table: "option_greeks", portfolio: "demo-hedgefund" },
])("a database error writing $table for $portfolio", ({ table, portfolio }) => {
  it("is recorded with its stack, the other portfolios complete, nothing half-written is COMPLETE, and a rerun heals it", async () => {
    const rowsBefore = await portfolioRows(portfolio);
    await failInserts(table, `NEW.portfolio_id = '${portfolio}'`);
    const run = await runLocalBatch({ trigger: "ADMIN", asOfDate: AS_OF, portfolioIds: PORTFOLIO_IDS, force: { from: FROM, to: AS_OF } });
    await dropTriggers();

    expect(run.status).toBe("PARTIAL");
    expect(run.portfolios.find((p) => p.portfolioId === portfolio)).toMatchObject({ status: "failed", datesCompleted: 0, datesFailed: DATES.length });
    for (const p of run.portfolios.filter((x) => x.portfolioId !== portfolio)) expect(p).toMatchObject({ status: "succeeded", datesCompleted: DATES.length });

    const failed = await phasesOf(run.runId, "status = 'FAILED'");
    expect(failed.map((f) => `${f.phase} ${f.portfolio_id} ${f.date}`)).toEqual(DATES.map((d) => `WRITE_RESULTS ${portfolio} ${d}`));
    for (const f of failed) {
      expect(f.reason_code).toBe("ERROR");
      expect(f.error_message).toContain(`injected failure: ${table} unavailable`);
      expect(f.error_stack).toMatch(/write-portfolio-results|portfolio-analytics/);
    }
    // The chunk's transaction rolled back whole: the earlier rows are intact, the snapshots not COMPLETE.
    expect(await portfolioRows(portfolio)).toEqual(rowsBefore);
    expect(await snapshotStatuses(portfolio, FROM)).toEqual(DATES.map(() => "PENDING"));
    const after = await navsFrom(FROM);
    expect(after[portfolio]).toBeUndefined();
    for (const id of Object.keys(clean).filter((id) => id !== portfolio)) expect(after[id]).toEqual(clean[id]);
    const { rows: runRow } = await db().query<{ status: string; counts: Record<string, number> }>(`SELECT status, counts FROM batch_runs WHERE id = $1`, [run.runId]);
    expect(runRow[0]).toMatchObject({ status: "PARTIAL", counts: { portfoliosFailed: 1, datesFailed: DATES.length } });

    const heal = await runLocalBatch({ trigger: "CRON", asOfDate: AS_OF, portfolioIds: PORTFOLIO_IDS });
    expect(heal.status).toBe("SUCCEEDED");
    expect(heal.portfolios.find((p) => p.portfolioId === portfolio)).toMatchObject({ status: "succeeded", datesCompleted: DATES.length });
    expect(await navsFrom(FROM)).toEqual(clean);
    expect(await portfolioRows(portfolio)).toEqual(rowsBefore);
    expect(await duplicateResultRows()).toBe(0);
  });
});

describe("a database error in a run-level phase", () => {
  it("fails the run with the stack in SYMBOL_ANALYTICS, claims no snapshot, and frees the as-of date for the next run", async () => {
    const before = await navsFrom(FROM);
    await failInserts("symbol_factor_betas", "true");
    const run = await runLocalBatch({ trigger: "ADMIN", asOfDate: AS_OF, portfolioIds: PORTFOLIO_IDS, force: { from: FROM, to: AS_OF } });
    await dropTriggers();

    expect(run.status).toBe("FAILED");
    const [failed] = await phasesOf(run.runId, "status = 'FAILED'");
    expect(failed).toMatchObject({ phase: "SYMBOL_ANALYTICS", portfolio_id: null, reason_code: "ERROR" });
    expect(failed!.error_message).toContain("injected failure: symbol_factor_betas unavailable");
    expect(failed!.error_stack).toMatch(/symbol-analytics/);
    const { rows } = await db().query<{ status: string; active_key: string | null; error_message: string }>(`SELECT status, active_key, error_message FROM batch_runs WHERE id = $1`, [run.runId]);
    expect(rows[0]).toMatchObject({ status: "FAILED", active_key: null, error_message: expect.stringContaining("injected failure") });
    // No portfolio phase ran: every stored result is as it was.
    expect(await phasesOf(run.runId, "portfolio_id IS NOT NULL")).toEqual([]);
    expect(await navsFrom(FROM)).toEqual(before);
    const { rows: pending } = await db().query(`SELECT 1 FROM snapshots WHERE status = 'PENDING' AND portfolio_id = ANY($1::text[])`, [PORTFOLIO_IDS]);
    expect(pending).toEqual([]);

    const next = await runLocalBatch({ trigger: "CRON", asOfDate: AS_OF, portfolioIds: PORTFOLIO_IDS });
    expect(next.status).toBe("SUCCEEDED");
  });
});
