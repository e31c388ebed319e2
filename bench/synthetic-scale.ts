// Synthetic scale (README, "Performance"): N portfolios × M public positions, (a) one day within 1 × T_copy,
// (b) an 87-day back-fill within 13 × T_copy, both at full size unless --quick asks for fewer books.
// Each group's inception is the trading day before its window; that first day is computed by an
// untimed bootstrap run, so the timed run is exactly the daily batch (a) or the back-fill (b).
import type pg from "pg";
import type { IsoDate } from "@/lib/dates";
import { readPriceFile } from "@/lib/market-data/price-file";
import { buildPricePanel } from "@/lib/market-data/price-panel";
import { tradingDaysBetween } from "@/lib/market-data/trading-calendar";
import { runLocalBatch } from "@/lib/batch/local-executor";
import { atMost, round, type BenchLine } from "./line";
import { preparedDatabase } from "./prepared-database";
import { insertSyntheticPortfolios } from "./synthetic-portfolios";
import { timedBatch } from "./timed-batch";
import { measureTCopy } from "./yardstick";

export const FULL_PORTFOLIOS = 1_000;
export const POSITIONS = 30;
export const BACKFILL_DAYS = 87;

export interface ScaleOptions {
  /** Portfolios actually run per line; the value is scaled linearly to FULL_PORTFOLIOS when fewer. */
  dayPortfolios: number;
  backfillPortfolios: number;
  log: (m: string) => void;
}

async function scaleLine(
  pool: pg.Pool,
  panel: ReturnType<typeof buildPricePanel>,
  o: { prefix: string; portfolios: number; window: IsoDate[]; inception: IsoDate; seed: number; name: string; targetTCopy: number; tCopySeconds: number; log: (m: string) => void },
): Promise<BenchLine> {
  const ids = await insertSyntheticPortfolios(pool, panel, { prefix: o.prefix, portfolios: o.portfolios, positionsPerPortfolio: POSITIONS, inceptionDate: o.inception, seed: o.seed });
  const boot = await runLocalBatch({ trigger: "CLI", asOfDate: o.inception, portfolioIds: ids }, { pool });
  if (boot.status !== "SUCCEEDED") throw new Error(`bootstrap of ${o.prefix} ended ${boot.status}`);
  o.log(`${o.name}: ${o.portfolios} portfolios × ${POSITIONS} positions, ${o.window.length} day(s) ${o.window[0]} → ${o.window.at(-1)}`);
  const m = await timedBatch(pool, { trigger: "CLI", asOfDate: o.window.at(-1)!, portfolioIds: ids });
  const done = m.summary.portfolios.reduce((n, p) => n + p.datesCompleted, 0);
  if (done !== o.portfolios * o.window.length) throw new Error(`${o.name}: ${done} portfolio-days completed, expected ${o.portfolios * o.window.length}`);
  const factor = FULL_PORTFOLIOS / o.portfolios;
  return {
    name: `${o.name}: ${FULL_PORTFOLIOS.toLocaleString("en-US")} × ${POSITIONS}, ${o.window.length} day${o.window.length > 1 ? "s" : ""}`,
    value: round((m.seconds * factor) / o.tCopySeconds),
    unit: "× T_copy",
    target: atMost(o.targetTCopy),
    ...(factor !== 1 ? { note: `measured ${o.portfolios} × ${POSITIONS} in ${round(m.seconds, 1)} s, scaled ×${round(factor, 2)} linearly` } : {}),
    extra: { seconds: round(m.seconds * factor, 1), measuredPortfolios: o.portfolios, measuredSeconds: round(m.seconds, 2), portfolioDays: done, rowsWritten: m.rowsWritten, rowsPerSecond: m.rowsPerSecond, peakRssMiB: m.peakRssMiB },
  };
}

export async function benchSyntheticScale(opts: ScaleOptions): Promise<{ lines: BenchLine[]; tCopySeconds: number }> {
  const db = await preparedDatabase("scale", { demo: false });
  try {
    const tCopySeconds = await measureTCopy(db.pool);
    opts.log(`T_copy ${round(tCopySeconds)} s`);
    const panel = buildPricePanel(readPriceFile());
    const end = panel.dates.at(-1)!;
    const days = tradingDaysBetween(panel.dates[0]!, end).slice(-(BACKFILL_DAYS + 1));
    const lines: BenchLine[] = [];
    lines.push(
      await scaleLine(db.pool, panel, { prefix: "bench-day", portfolios: opts.dayPortfolios, window: [end], inception: days.at(-2)!, seed: 1, name: "synthetic (a) daily batch", targetTCopy: 1, tCopySeconds, log: opts.log }),
    );
    lines.push(
      await scaleLine(db.pool, panel, {
        prefix: "bench-fill",
        portfolios: opts.backfillPortfolios,
        window: days.slice(1),
        inception: days[0]!,
        seed: 2,
        name: "synthetic (b) back-fill",
        targetTCopy: 13,
        tCopySeconds,
        log: opts.log,
      }),
    );
    return { lines: lines.map((l) => (db.kind === "pglite" ? { ...l, note: [l.note, "embedded PGlite"].filter(Boolean).join("; ") } : l)), tCopySeconds };
  } finally {
    await db.close();
  }
}
