// `npm run bench`: the speed targets of the README's "Performance" table, measured (never asserted by tests).
//   --quick      100 portfolios per synthetic line (scaled linearly to 1,000 in the report), 3 s per API line
//   --no-api     skip the API latency lines (no app server)
//   --backfill-portfolios N   portfolios actually run for the 87-day back-fill (default 250, scaled ×4:
//                at ~12 ms per portfolio-day on 2 shared cores the full 1,000 × 87 takes ~18 min, beyond
//                the ~15 min a default run should take; pass 1000 to run it in full)
import os from "node:os";
import { parseArgs } from "node:util";
import { benchApiLatency } from "./api-latency";
import { benchDemoBackfill } from "./demo-backfill";
import type { BenchLine } from "./line";
import { preparedDatabase } from "./prepared-database";
import { buildReport, renderMarkdown, renderTable, writeReport } from "./report";
import { benchSymbolBetas } from "./symbol-betas";
import { benchSyntheticScale, FULL_PORTFOLIOS } from "./synthetic-scale";

const { values: args } = parseArgs({
  options: { quick: { type: "boolean" }, "no-api": { type: "boolean" }, "backfill-portfolios": { type: "string" }, markdown: { type: "boolean" } },
});
const quick = Boolean(args.quick);
const QUICK_PORTFOLIOS = 100;
const DEFAULT_BACKFILL_PORTFOLIOS = 250;
const log = (m: string) => console.log(`[bench] ${m}`);

async function main() {
  const startedAt = new Date();
  const loadAtStart = os.loadavg().map((l) => Math.round(l * 100) / 100);
  log(`load average ${loadAtStart.join(" ")} on ${os.cpus().length} cores${loadAtStart[0]! > 1 ? " (other work on the machine inflates the timings)" : ""}`);
  const lines: BenchLine[] = [];

  log("engine: symbol betas");
  lines.push(await benchSymbolBetas());

  const demo = await preparedDatabase("demo", { demo: true });
  try {
    log(`demo back-fill on ${demo.kind}`);
    lines.push(await benchDemoBackfill(demo));
    if (!args["no-api"]) lines.push(...(await benchApiLatency({ databaseUrl: demo.url, seconds: quick ? 3 : 10, log })));
  } finally {
    await demo.close();
  }

  const backfill = Number(args["backfill-portfolios"] ?? (quick ? QUICK_PORTFOLIOS : DEFAULT_BACKFILL_PORTFOLIOS));
  lines.push(...(await benchSyntheticScale({ dayPortfolios: quick ? QUICK_PORTFOLIOS : FULL_PORTFOLIOS, backfillPortfolios: backfill, log })));

  const report = buildReport(lines, { startedAt, mode: quick ? "quick" : "full", database: demo.kind, loadAtStart });
  console.log(renderTable(report));
  if (args.markdown) console.log(renderMarkdown(report));
  log(`written ${writeReport(report)} and bench/results/latest.json`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
