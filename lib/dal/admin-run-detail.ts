import "server-only";
// One run for its dashboard page: the run-level phases in full, and per portfolio an aggregate of its
// phase × date rows (counts by status, reasons, durations) plus a compact status grid, so a run of
// ~10k telemetry rows answers in one small response that the page can poll every second.
import { z } from "zod";
import { BATCH_PHASES, PORTFOLIO_DAY_PHASES, type BatchPhaseName } from "@/lib/batch/types";
import { GRID_CODES, type AdminPhaseRow, type PhaseAggregate, type PhaseStatus, type PortfolioAggregate, type RunDetailResponse, type StatusCounts } from "@/lib/contracts/admin-runs";
import { getPool } from "@/lib/db/pool";
import type { ReasonCode } from "@/lib/reason-codes";
import { getRunOrThrow } from "./admin-runs";
import { PHASE_COLUMNS, toPhaseRow, type PhaseSqlRow } from "./admin-run-phases";

interface CellRow {
  portfolio_id: string;
  name: string;
  phase: BatchPhaseName;
  date: string | null;
  status: PhaseStatus;
  reason_code: ReasonCode | null;
  duration_ms: number | null;
  started_at: Date;
}

const emptyCounts = (): StatusCounts => ({ RUNNING: 0, SUCCEEDED: 0, SKIPPED: 0, FAILED: 0 });
const phaseOrder = (p: BatchPhaseName) => BATCH_PHASES.indexOf(p);

// A skip is never shown as a success, except NO_OPTIONS: a book without options has no
// Greeks to compute, and flagging every such portfolio would hide the skips that matter.
const BENIGN_SKIPS: ReadonlySet<ReasonCode> = new Set(["NO_OPTIONS"]);

function portfolioStatus(rows: CellRow[], c: StatusCounts): PhaseStatus {
  if (c.FAILED > 0) return "FAILED";
  if (c.RUNNING > 0) return "RUNNING";
  return rows.some((r) => r.status === "SKIPPED" && !(r.reason_code && BENIGN_SKIPS.has(r.reason_code))) ? "SKIPPED" : "SUCCEEDED";
}

// The batch's plan (MISSING_DATES counts), read defensively: the page shows progress without it.
const planCounts = z.object({ portfolioDates: z.number().int().nonnegative() });

function expectedRows(runPhases: AdminPhaseRow[]): number | null {
  const plan = planCounts.safeParse(runPhases.find((p) => p.phase === "MISSING_DATES" && p.status === "SUCCEEDED")?.counts);
  return plan.success ? plan.data.portfolioDates * PORTFOLIO_DAY_PHASES.length : null;
}

function aggregatePortfolio(portfolioId: string, rows: CellRow[]): PortfolioAggregate {
  const dates = [...new Set(rows.flatMap((r) => (r.date === null ? [] : [r.date])))].sort();
  const column = new Map(dates.map((d, i) => [d, i]));
  const byStatus = emptyCounts();
  const phases = new Map<BatchPhaseName, PhaseAggregate & { reasonMap: Map<ReasonCode, number>; cells: string[] }>();
  for (const r of rows) {
    let agg = phases.get(r.phase);
    if (!agg) {
      agg = { phase: r.phase, total: 0, byStatus: emptyCounts(), reasons: [], totalMs: 0, maxMs: 0, reasonMap: new Map(), cells: dates.map(() => ".") };
      phases.set(r.phase, agg);
    }
    agg.total += 1;
    agg.byStatus[r.status] += 1;
    byStatus[r.status] += 1;
    if (r.reason_code) agg.reasonMap.set(r.reason_code, (agg.reasonMap.get(r.reason_code) ?? 0) + 1);
    agg.totalMs += r.duration_ms ?? 0;
    agg.maxMs = Math.max(agg.maxMs, r.duration_ms ?? 0);
    if (r.date !== null) agg.cells[column.get(r.date)!] = GRID_CODES[r.status];
  }
  const ordered = [...phases.values()].sort((a, b) => phaseOrder(a.phase) - phaseOrder(b.phase));
  return {
    portfolioId,
    name: rows[0]?.name ?? portfolioId,
    status: portfolioStatus(rows, byStatus),
    byStatus,
    dates,
    phases: ordered.map(({ reasonMap, cells: _cells, ...agg }) => ({
      ...agg,
      reasons: [...reasonMap].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count),
    })),
    grid: Object.fromEntries(ordered.filter((a) => a.cells.length > 0).map((a) => [a.phase, a.cells.join("")])),
  };
}

export async function getRunDetail(runId: string): Promise<RunDetailResponse> {
  const run = await getRunOrThrow(runId);
  const pool = getPool();
  const [runLevel, cells] = await Promise.all([
    pool.query<PhaseSqlRow>(`SELECT ${PHASE_COLUMNS} FROM batch_phases WHERE run_id = $1 AND portfolio_id IS NULL ORDER BY started_at, batch_phases.phase, id`, [runId]),
    pool.query<CellRow>(
      `SELECT b.portfolio_id, p.name, b.phase::text AS phase, to_char(b.date, 'YYYY-MM-DD') AS date, b.status::text AS status,
         b.reason_code::text AS reason_code, b.duration_ms, b.started_at
       FROM batch_phases b JOIN portfolios p ON p.id = b.portfolio_id
       WHERE b.run_id = $1`,
      [runId],
    ),
  ]);
  const runPhases = runLevel.rows.map(toPhaseRow);
  const byPortfolio = new Map<string, CellRow[]>();
  for (const row of cells.rows) {
    const list = byPortfolio.get(row.portfolio_id);
    if (list) list.push(row);
    else byPortfolio.set(row.portfolio_id, [row]);
  }
  const portfolios = [...byPortfolio].map(([id, rows]) => aggregatePortfolio(id, rows)).sort((a, b) => a.name.localeCompare(b.name));

  const totals = emptyCounts();
  for (const p of [...runPhases, ...cells.rows]) totals[p.status] += 1;
  const cellCounts = emptyCounts();
  for (const r of cells.rows) cellCounts[r.status] += 1;
  const runningCells = cells.rows.filter((r) => r.status === "RUNNING");
  const latest = [...runPhases.filter((p) => p.status === "RUNNING"), ...runningCells.map((r) => ({ phase: r.phase, portfolioId: r.portfolio_id, date: r.date, startedAt: r.started_at.toISOString() }))]
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
    .at(0);
  return {
    run,
    runPhases,
    portfolios,
    totals,
    progress: {
      done: cellCounts.SUCCEEDED + cellCounts.SKIPPED + cellCounts.FAILED,
      running: cellCounts.RUNNING,
      expected: expectedRows(runPhases),
      current: latest ? { phase: latest.phase, portfolioId: latest.portfolioId, date: latest.date } : null,
    },
  };
}
