// Results recompute themselves: an edit marks the book (lib/dal/results-stale.ts) and notifies this
// worker, which runs a one-book batch (trigger RECOMPUTE) from the mark to the as-of date. One
// recompute per book at a time: a change that arrives during a run makes the worker run once more
// when that run ends. A periodic sweep picks up marks no notification reached (an edit served by
// another process, a restart), once per inputs version, so a book that cannot complete is not retried
// in a loop.
import type { Queryable } from "@/lib/db/pool";
import { logError } from "@/lib/telemetry/log";
import { BatchConflictError } from "../runs";

export interface RecomputeWorkerOptions {
  db: Queryable;
  /** Runs one book's recompute to its end (a batch run that records its own telemetry). */
  recompute: (portfolioId: string) => Promise<unknown>;
  sweepMs?: number;
}

export class RecomputeWorker {
  private readonly queued = new Set<string>();
  private readonly running = new Map<string, Promise<void>>();
  /** The inputs version each book was last recomputed at by this worker. */
  private readonly attempted = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: RecomputeWorkerOptions) {}

  notify(portfolioId: string): void {
    this.queued.add(portfolioId);
    if (!this.running.has(portfolioId)) this.running.set(portfolioId, this.loop(portfolioId));
  }

  /** Resolves once no recompute is queued or running. */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.all(this.running.values());
  }

  /** Notifies every marked book whose current inputs this worker has not recomputed yet. */
  async sweep(): Promise<void> {
    const { rows } = await this.options.db.query<{ id: string; inputs_version: number }>(
      `SELECT id, inputs_version FROM portfolios WHERE recompute_from IS NOT NULL AND archived_at IS NULL ORDER BY id`,
    );
    for (const r of rows) if (this.attempted.get(r.id) !== r.inputs_version) this.notify(r.id);
  }

  start(): this {
    const sweep = () => void this.sweep().catch((e: unknown) => logError("recompute.sweep", e));
    sweep();
    this.timer = setInterval(sweep, this.options.sweepMs ?? 30_000);
    this.timer.unref();
    return this;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.queued.clear();
    await this.idle();
  }

  // `running` is cleared in the same synchronous step that finds the queue empty, so a notification
  // either lands in the queue this loop drains or starts a new loop.
  private async loop(portfolioId: string): Promise<void> {
    try {
      while (this.queued.delete(portfolioId)) await this.recomputeOnce(portfolioId);
    } finally {
      this.running.delete(portfolioId);
    }
  }

  private async recomputeOnce(portfolioId: string): Promise<void> {
    try {
      const { rows } = await this.options.db.query<{ inputs_version: number }>(`SELECT inputs_version FROM portfolios WHERE id = $1`, [portfolioId]);
      if (!rows[0]) return;
      this.attempted.set(portfolioId, rows[0].inputs_version);
      await this.options.recompute(portfolioId);
    } catch (e) {
      // Another process recomputes the book: the sweep looks again once that run is over.
      if (e instanceof BatchConflictError) this.attempted.delete(portfolioId);
      else logError("recompute.run", e, { portfolioId });
    }
  }
}
