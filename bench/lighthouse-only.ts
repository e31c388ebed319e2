// `npx tsx bench/lighthouse-only.ts`: the Lighthouse lines alone (bench/lighthouse.ts), on a fresh demo
// database back-filled and served as `npm run bench` does; `--base-url URL` audits an app already running
// (with the demo seeded) instead.
import { parseArgs } from "node:util";
import { signIn, startAppServer } from "./app-server";
import { timedBatch } from "./timed-batch";
import { benchLighthouse } from "./lighthouse";
import { preparedDatabase } from "./prepared-database";
import { buildReport, renderTable } from "./report";
import type { BenchLine } from "./line";

const { values: args } = parseArgs({ options: { "base-url": { type: "string" } } });
const log = (m: string) => console.log(`[bench] ${m}`);

async function audit(baseUrl: string): Promise<BenchLine[]> {
  const cookie = await signIn(baseUrl, "hedgefund@riskline.dev", "riskline-demo");
  return benchLighthouse({ baseUrl, cookie, log });
}

async function main() {
  const startedAt = new Date();
  let lines: BenchLine[];
  let database = "the running app's";
  if (args["base-url"]) {
    lines = await audit(args["base-url"]);
  } else {
    const demo = await preparedDatabase("lighthouse", { demo: true });
    database = demo.kind;
    try {
      log(`demo back-fill on ${demo.kind}`);
      await timedBatch(demo.pool, { trigger: "CLI" });
      const app = await startAppServer(demo.url, log);
      try {
        lines = await audit(app.url);
      } finally {
        await app.stop();
      }
    } finally {
      await demo.close();
    }
  }
  console.log(renderTable(buildReport(lines, { startedAt, mode: "quick", database, loadAtStart: [], yardsticks: { tCopySeconds: null, health: null } })));
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
