// The admin batch API: runs (GET/POST /api/admin/runs), one run (GET .../[runId]) and its phase rows
// (GET .../[runId]/phases). The run and phase enums are named here; the database enums and the batch
// mirror them (a difference fails tsc where the DAL maps rows into these types).
import { z } from "zod";
import { isoDateSchema } from "@/lib/dates";
import { REASON_CODES } from "@/lib/reason-codes";
import { pageLimit, tradingDaySchema, type TradingDayCheck } from "./admin-freshness";

export const BATCH_TRIGGERS = ["CRON", "ADMIN", "CLI", "SEED", "RECOMPUTE"] as const;
export type BatchTrigger = (typeof BATCH_TRIGGERS)[number];

/** Phases in execution order; the database enum BatchPhaseName mirrors it. */
export const BATCH_PHASES = [
  "PREREQUISITES",
  "MISSING_DATES",
  "MARKET_DATA",
  "PRICE_PANEL",
  "SYMBOL_ANALYTICS",
  "VALUATION",
  "OPTION_GREEKS",
  "FACTOR_EXPOSURES",
  "VOLATILITY_VAR",
  "CORRELATIONS",
  "CONCENTRATION",
  "STRESS_TESTS",
  "INTEGRITY_CHECKS",
  "WRITE_RESULTS",
  "FINISH",
] as const;
export type BatchPhaseName = (typeof BATCH_PHASES)[number];

/** How each phase reads on the admin pages: words, never the enum constant. */
export const PHASE_LABELS: Readonly<Record<BatchPhaseName, string>> = {
  PREREQUISITES: "Prerequisites",
  MISSING_DATES: "Missing dates",
  MARKET_DATA: "Market data",
  PRICE_PANEL: "Price panel",
  SYMBOL_ANALYTICS: "Symbol analytics",
  VALUATION: "Valuation",
  OPTION_GREEKS: "Option Greeks",
  FACTOR_EXPOSURES: "Factor exposures",
  VOLATILITY_VAR: "Volatility and VaR",
  CORRELATIONS: "Correlations",
  CONCENTRATION: "Concentration",
  STRESS_TESTS: "Stress tests",
  INTEGRITY_CHECKS: "Integrity checks",
  WRITE_RESULTS: "Writing results",
  FINISH: "Finish",
};

export const RUN_STATUSES = ["RUNNING", "SUCCEEDED", "PARTIAL", "FAILED"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const PHASE_STATUSES = ["RUNNING", "SUCCEEDED", "SKIPPED", "FAILED"] as const;
export type PhaseStatus = (typeof PHASE_STATUSES)[number];

/** One character per phase row in a run's portfolio grid ("." where no row exists). */
export const GRID_CODES: Record<PhaseStatus, string> = { SUCCEEDED: "S", SKIPPED: "K", FAILED: "F", RUNNING: "R" };

export const runsQuery = z.object({ status: z.enum(RUN_STATUSES).optional(), limit: pageLimit(100, 25), cursor: z.string().min(1).optional() }).strict();

export const phasesQuery = z
  .object({
    portfolioId: z.string().min(1).optional(),
    phase: z.enum(BATCH_PHASES).optional(),
    status: z.enum(PHASE_STATUSES).optional(),
    date: isoDateSchema.optional(),
    limit: pageLimit(500, 100),
    cursor: z.string().min(1).optional(),
  })
  .strict();

export const runIdParams = z.object({ runId: z.string().min(1).max(100) });

/** "Run now" or "Force rerun": all portfolios (null) or some, an optional date range and as-of date. */
export const startRunBody = (isTradingDay: TradingDayCheck) => {
  const tradingDay = tradingDaySchema(isTradingDay);
  return z
    .object({
      portfolioIds: z.array(z.string().min(1)).min(1, "list at least one portfolio, or send null for all").max(1000).nullable().optional(),
      force: z
        .object({ from: tradingDay, to: tradingDay })
        .strict()
        .refine((f) => f.from <= f.to, { message: "must be on or before force.to", path: ["from"] })
        .nullable()
        .optional(),
      asOfDate: tradingDay.optional(),
    })
    .strict();
};
export type StartRunBody = z.input<ReturnType<typeof startRunBody>>;

export const startedRunResponse = z.object({ runId: z.string(), executor: z.enum(["local", "inngest"]) });
export type StartedRunResponse = z.infer<typeof startedRunResponse>;

const timestamp = z.string();

const adminRunSchema = z.object({
  id: z.string(),
  asOfDate: isoDateSchema,
  trigger: z.enum(BATCH_TRIGGERS),
  triggeredBy: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
  /** `all` when the run covered every portfolio (portfolio_ids = []). */
  scope: z.object({ all: z.boolean(), portfolios: z.array(z.object({ id: z.string(), name: z.string() })) }),
  force: z.object({ from: isoDateSchema.nullable(), to: isoDateSchema.nullable() }).nullable(),
  status: z.enum(RUN_STATUSES),
  executor: z.string(),
  counts: z.record(z.string(), z.number()).nullable(),
  errorMessage: z.string().nullable(),
  errorStack: z.string().nullable(),
  startedAt: timestamp,
  heartbeatAt: timestamp,
  finishedAt: timestamp.nullable(),
  durationMs: z.number().nullable(),
});
export type AdminRun = z.infer<typeof adminRunSchema>;

export const runPageResponse = z.object({ runs: z.array(adminRunSchema), nextCursor: z.string().nullable() });
export type RunPageResponse = z.infer<typeof runPageResponse>;

const reasonCode = z.enum(REASON_CODES);

const adminPhaseRowSchema = z.object({
  id: z.string(),
  phase: z.enum(BATCH_PHASES),
  portfolioId: z.string().nullable(),
  date: isoDateSchema.nullable(),
  status: z.enum(PHASE_STATUSES),
  reasonCode: reasonCode.nullable(),
  /** The phase's own JSON: its shape belongs to the batch. */
  counts: z.unknown(),
  details: z.unknown(),
  durationMs: z.number().nullable(),
  errorMessage: z.string().nullable(),
  errorStack: z.string().nullable(),
  startedAt: timestamp,
  finishedAt: timestamp.nullable(),
});
export type AdminPhaseRow = z.infer<typeof adminPhaseRowSchema>;

/** One page of phase rows; the route adds the runId. */
const phasePageSchema = z.object({ phases: z.array(adminPhaseRowSchema), nextCursor: z.string().nullable() });
export type PhasePage = z.infer<typeof phasePageSchema>;
export const phasePageResponse = phasePageSchema.extend({ runId: z.string() });
export type PhasePageResponse = z.infer<typeof phasePageResponse>;

const statusCountsSchema = z.record(z.enum(PHASE_STATUSES), z.number().int());
export type StatusCounts = z.infer<typeof statusCountsSchema>;

const phaseAggregateSchema = z.object({
  phase: z.enum(BATCH_PHASES),
  total: z.number().int(),
  byStatus: statusCountsSchema,
  reasons: z.array(z.object({ code: reasonCode, count: z.number().int() })),
  totalMs: z.number(),
  maxMs: z.number(),
});
export type PhaseAggregate = z.infer<typeof phaseAggregateSchema>;

const portfolioAggregateSchema = z.object({
  portfolioId: z.string(),
  name: z.string(),
  /** FAILED if any row failed, else RUNNING if any runs, else SKIPPED if any row was skipped (benign skips aside), else SUCCEEDED. */
  status: z.enum(PHASE_STATUSES),
  byStatus: statusCountsSchema,
  /** Distinct dates of its rows, ascending: the columns of `grid`. */
  dates: z.array(isoDateSchema),
  phases: z.array(phaseAggregateSchema),
  /** Per phase one character per date of `dates`: see GRID_CODES. */
  grid: z.partialRecord(z.enum(BATCH_PHASES), z.string()),
});
export type PortfolioAggregate = z.infer<typeof portfolioAggregateSchema>;

export const runDetailResponse = z.object({
  run: adminRunSchema,
  runPhases: z.array(adminPhaseRowSchema),
  portfolios: z.array(portfolioAggregateSchema),
  totals: statusCountsSchema,
  /** Portfolio × date × phase rows only; run-level phases are listed in full beside it. */
  progress: z.object({
    /** Rows finished (any status but RUNNING). */
    done: z.number().int(),
    running: z.number().int(),
    /** Portfolio × date × phase rows planned by MISSING_DATES, when its details say. */
    expected: z.number().int().nullable(),
    /** The phase of the most recently started row still running. */
    current: z.object({ phase: z.enum(BATCH_PHASES), portfolioId: z.string().nullable(), date: isoDateSchema.nullable() }).nullable(),
  }),
});
export type RunDetailResponse = z.infer<typeof runDetailResponse>;
