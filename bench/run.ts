// `npm run bench`: the speed targets of the README's "Performance" table, measured (never asserted by
// tests), each as a multiple of a yardstick measured in the same run: T_copy for the batch lines,
// /api/health for the API lines.
//   --quick      100 portfolios per synthetic line (scaled linearly to 1,000 in the report), 3 s per API line
//   --no-api     skip the API and Lighthouse lines (no app server)
//   --backfill-portfolios N   portfolios run for the 87-day back-fill (default: all 1,000, the target's size)
import os from "node:os";
import { parseArgs } from "node:util";
import { benchApiLatency } from "./api-latency";
import { signIn, startAppServer } from "./app-server";
import { benchLighthouse } from "./lighthouse";
import { benchDemoBackfill } from "./demo-backfill";
import { round, type BenchLine } from "./line";
import { preparedDatabase } from "./prepared-database";
import { buildReport, renderMarkdown, renderTable, writeReport } from "./report";
import { benchSymbolBetas } from "./symbol-betas";
import { benchSyntheticScale, FULL_PORTFOLIOS } from "./synthetic-scale";
import { measureTCopy, T_COPY_ROWS, type Yardsticks } from "./yardstick";

const { values: args } = parseArgs({
  options: { quick: { type: "boolean" }, "no-api": { type: "boolean" }, "backfill-portfolios": { type: "string" }, markdown: { type: "boolean" } },
});
const quick = Boolean(args.quick);
const QUICK_PORTFOLIOS = 100;
const log = (m: string) => console.log(`[bench] ${m}`);

async function main() {
  const startedAt = new Date();
  const loadAtStart = os.loadavg().map((l) => Math.round(l * 100) / 100);
  log(`load average ${loadAtStart.join(" ")} on ${os.cpus().length} cores${loadAtStart[0]! > 1 ? " (other work on the machine inflates the timings)" : ""}`);
  const lines: BenchLine[] = [];

  log("engine: symbol betas");
  lines.push(await benchSymbolBetas());

  let health: Yardsticks["health"] = null;
  const demo = await preparedDatabase("demo", { demo: true });
  let demoTCopy: number;
  try {
    demoTCopy = await measureTCopy(demo.pool);
    log(`T_copy (${T_COPY_ROWS.toLocaleString("en-US")} rows) ${round(demoTCopy)} s`);
    log(`demo back-fill on ${demo.kind}`);
    lines.push(await benchDemoBackfill(demo, demoTCopy));
    if (!args["no-api"]) {
      const app = await startAppServer(demo.url, log);
      try {
        const cookie = await signIn(app.url, "hedgefund@riskline.dev", "riskline-demo");
        const api = await benchApiLatency({ appUrl: app.url, cookie, seconds: quick ? 3 : 10, log });
        lines.push(...api.lines);
        health = api.health;
        lines.push(...(await benchLighthouse({ baseUrl: app.url, cookie, log })));
      } finally {
        await app.stop();
      }
    }
  } finally {
    await demo.close();
  }

  const backfill = Number(args["backfill-portfolios"] ?? (quick ? QUICK_PORTFOLIOS : FULL_PORTFOLIOS));
  const scale = await benchSyntheticScale({ dayPortfolios: quick ? QUICK_PORTFOLIOS : FULL_PORTFOLIOS, backfillPortfolios: backfill, log });
  lines.push(...scale.lines);

  const yardsticks: Yardsticks = { tCopySeconds: { demo: round(demoTCopy), scale: round(scale.tCopySeconds) }, health };
  const report = buildReport(lines, { startedAt, mode: quick ? "quick" : "full", database: demo.kind, loadAtStart, yardsticks });
  log(`yardsticks: T_copy ${round(demoTCopy)} s (demo lines), ${round(scale.tCopySeconds)} s (synthetic lines)${health ? `; /api/health ${health.requestsPerSecond} req/s, one client p50 ${health.oneClientP50Ms} ms` : ""}`);
  console.log(renderTable(report));
  if (args.markdown) console.log(renderMarkdown(report));
  log(`written ${writeReport(report)} and bench/results/latest.json`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
