// A run whose stored chain breaks an invariant never says SUCCEEDED: the break is simulated below the
// code, by a database trigger that corrupts one day's P&L as the batch marks it COMPLETE (as a bad
// write path would). The run ends PARTIAL, names the violation on its INTEGRITY_CHECKS row and on the
// run, and the admin API shows both.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GET as runRoute } from "@/app/api/admin/runs/[runId]/route";
import { runLocalBatch } from "@/lib/batch/local-executor";
import type { RunDetailResponse as RunDetail } from "@/lib/contracts/admin-runs";
import { getPool } from "@/lib/db/pool";
import { appRequest, routeParams, sessionCookie, useSeededDatabase } from "../helpers";
import { cloneBook } from "../batch/book-state";
import { phaseRows } from "../batch/batch-helpers";

const BOOK = "invariant-book";
const AS_OF = "2026-07-13";
const CORRUPTED = "2026-07-08";

beforeAll(async () => {
  await useSeededDatabase();
  await cloneBook(getPool(), "demo-individual", BOOK);
  const first = await runLocalBatch({ trigger: "CLI", asOfDate: AS_OF, portfolioIds: [BOOK] });
  expect(first.status).toBe("SUCCEEDED");
  await getPool().query(`
    CREATE OR REPLACE FUNCTION corrupt_invariant_book() RETURNS trigger AS $$
    BEGIN
      IF NEW.portfolio_id = '${BOOK}' AND NEW.date = '${CORRUPTED}' AND NEW.status = 'COMPLETE' THEN NEW.pnl_day := NEW.pnl_day + 1000; END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql;
    CREATE TRIGGER corrupt_invariant_book BEFORE UPDATE ON snapshots FOR EACH ROW EXECUTE FUNCTION corrupt_invariant_book();`);
});

afterAll(async () => {
  await getPool().query(`DROP TRIGGER IF EXISTS corrupt_invariant_book ON snapshots; DROP FUNCTION IF EXISTS corrupt_invariant_book();`);
});

describe("a run that breaks an invariant", () => {
  test("ends PARTIAL with the violation named on its telemetry, on the run and in the admin API", async () => {
    const run = await runLocalBatch({ trigger: "ADMIN", asOfDate: AS_OF, portfolioIds: [BOOK], force: { from: "2026-07-06", to: AS_OF } });
    expect(run.status).toBe("PARTIAL");
    expect(run.portfolios).toEqual([expect.objectContaining({ portfolioId: BOOK, status: "partial", reason: "INVARIANT_VIOLATED", datesCompleted: 6 })]);

    const [row] = await phaseRows(run.runId, "phase = 'INTEGRITY_CHECKS' AND date IS NULL");
    expect(row).toMatchObject({ portfolio_id: BOOK, status: "FAILED", reason_code: "INVARIANT_VIOLATED" });
    expect((row!.details as { violations: string[] }).violations).toEqual([expect.stringMatching(new RegExp(`^${CORRUPTED}: NAV .* ≠ previous NAV .* \\+ P&L .* \\+ flow 0$`))]);
    expect(row!.error_stack).toContain("Invariant violated");

    const admin = await sessionCookie("admin@riskline.dev");
    const res = await runRoute(appRequest(`/api/admin/runs/${run.runId}`, { cookie: admin }), routeParams({ runId: run.runId }));
    expect(res.status).toBe(200);
    const detail = (await res.json()) as RunDetail;
    expect(detail.run.status).toBe("PARTIAL");
    expect(detail.run.errorMessage).toMatch(new RegExp(`^Invariant violated \\(1\\): ${BOOK}: ${CORRUPTED}: NAV `));
    expect(detail.run.counts).toMatchObject({ invariantViolations: 1, portfoliosFailed: 1 });
  });
});
