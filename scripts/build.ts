// `npm run build`: `next build`, then the record of the sources it was made from, so `npm start`
// serves this build until the sources change (lib/ops/build-freshness.ts).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { recordBuild } from "@/lib/ops/build-freshness";

const root = process.cwd();
const build = spawnSync(path.join(root, "node_modules/.bin/next"), ["build"], { stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);
recordBuild(root);
