// Whether the production build (.next) was made from the sources on disk: `npm start` stores a hash of
// everything the build reads beside it and rebuilds when the hash differs (after a `git pull`, an
// edit), instead of serving an old build against new migrations.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/** What `next build` reads: the app's folders and the root files that configure it. */
const SOURCE_DIRS = ["app", "components", "lib", "inngest"];
const SOURCE_FILES = ["next.config.js", "tsconfig.json", "package.json", "package-lock.json", "instrumentation.ts", "instrumentation-client.ts", "proxy.ts"];
/** Generated from the schema (hashed through prisma/schema.prisma instead). */
const SKIP_DIRS = new Set(["lib/generated"]);

const HASH_FILE = ".next/riskline-source-hash";

function filesUnder(root: string, dir: string): string[] {
  const abs = path.join(root, dir);
  if (!existsSync(abs) || SKIP_DIRS.has(dir)) return [];
  return readdirSync(abs, { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    return e.isDirectory() ? filesUnder(root, rel) : e.isFile() ? [rel] : [];
  });
}

/** A hash of every source file's path and bytes, in a stable order. */
export function sourceHash(root: string): string {
  const files = [...SOURCE_DIRS.flatMap((d) => filesUnder(root, d)), ...[...SOURCE_FILES, "prisma/schema.prisma"].filter((f) => existsSync(path.join(root, f)) && statSync(path.join(root, f)).isFile())].sort();
  const hash = createHash("sha256");
  for (const f of files) hash.update(f).update("\0").update(readFileSync(path.join(root, f))).update("\0");
  return hash.digest("hex");
}

/** Why the build must be made again, or null when the one on disk is current. */
export function staleBuildReason(root: string): string | null {
  if (!existsSync(path.join(root, ".next/BUILD_ID"))) return "no build yet";
  const file = path.join(root, HASH_FILE);
  if (!existsSync(file)) return "the build has no record of its sources";
  return readFileSync(file, "utf8").trim() === sourceHash(root) ? null : "the sources changed since the last build";
}

/** Records the sources a successful build was made from. */
export function recordBuild(root: string): void {
  writeFileSync(path.join(root, HASH_FILE), `${sourceHash(root)}\n`);
}
