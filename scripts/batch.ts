// `npm run batch -- [--as-of D] [--portfolio ID ...] [--from D --to D --force]`: the daily batch through
// the local executor, with a progress bar and a summary table.
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import Table from "cli-table3";
import { runLocalBatch } from "@/lib/batch/local-executor";
import { BatchConflictError } from "@/lib/batch/runs";
import type { BatchRequest } from "@/lib/batch/types";
import { isoDateSchema } from "@/lib/dates";
import { debugEnabled, env } from "@/lib/config/env";
import { closePool } from "@/lib/db/pool";

const USAGE = "usage: npm run batch -- [--as-of YYYY-MM-DD] [--portfolio ID ...] [--from YYYY-MM-DD --to YYYY-MM-DD --force]";

function parseRequest(argv: string[]): BatchRequest {
  const { values } = parseArgs({
    args: argv,
    options: {
      "as-of": { type: "string" },
      portfolio: { type: "string", multiple: true },
      from: { type: "string" },
      to: { type: "string" },
      force: { type: "boolean" },
    },
  });
  const date = (name: string, v: string | undefined) => {
    if (v === undefined) return undefined;
    const r = isoDateSchema.safeParse(v);
    if (!r.success) throw new Error(`--${name}: ${r.error.issues[0]?.message ?? "invalid"} (got "${v}")`);
    return v;
  };
  const asOf = date("as-of", values["as-of"]);
  const from = date("from", values.from);
  const to = date("to", values.to);
  if (values.force && (!from || !to)) throw new Error("--force needs --from and --to");
  if (!values.force && (from || to)) throw new Error("--from/--to need --force (a normal run computes every missing date by itself)");
  if (from && to && from > to) throw new Error(`--from ${from} is after --to ${to}`);
  return {
    trigger: "CLI",
    ...(asOf ? { asOfDate: asOf } : {}),
    portfolioIds: values.portfolio ?? null,
    force: values.force && from && to ? { from, to } : null,
  };
}

async function main() {
  if (!env().DATABASE_URL) throw new Error("DATABASE_URL is not set: point it at the app's database (for the embedded one, run the batch through `npm start`, which runs it at start)");
  const req = parseRequest(process.argv.slice(2));
  const bar = new cliProgress.MultiBar({ format: " {portfolio} |{bar}| {value}/{total} days", hideCursor: true, clearOnComplete: false }, cliProgress.Presets.shades_classic);
  const bars = new Map<string, cliProgress.SingleBar>();
  const summary = await runLocalBatch(req, {
    onStart: (run) => console.log(`run ${run.id} · as of ${run.asOfDate}`),
    onProgress: ({ portfolioId, done, total }) => {
      let b = bars.get(portfolioId);
      if (!b) bars.set(portfolioId, (b = bar.create(total, 0, { portfolio: portfolioId.padEnd(18) })));
      b.setTotal(total);
      b.update(done, { portfolio: portfolioId.padEnd(18) });
    },
  });
  bar.stop();
  const table = new Table({ head: ["portfolio", "status", "reason", "dates done", "dates failed", "rows written"] });
  for (const p of summary.portfolios) table.push([p.portfolioId, p.status, p.reason ?? "", p.datesCompleted, p.datesFailed, p.rowsWritten]);
  console.log(table.toString());
  console.log(`run ${summary.runId}: ${summary.status} in ${(summary.durationMs / 1000).toFixed(1)} s — phase details: /admin/batch/${summary.runId}`);
  await closePool();
  process.exitCode = summary.status === "SUCCEEDED" ? 0 : 1;
}

main().catch(async (e: unknown) => {
  if (e instanceof BatchConflictError) console.error(e.message);
  else console.error(e instanceof Error ? (debugEnabled() ? e.stack : e.message) : String(e));
  console.error(USAGE);
  await closePool();
  process.exitCode = 2;
});
