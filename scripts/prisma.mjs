#!/usr/bin/env node
// Runs the Prisma CLI offline. Prisma's CLI downloads a native schema engine, which these machines
// cannot reach; when no native engine is installed we point it at the wasm stand-in in tools/.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const enginesDir = path.join(root, "node_modules/@prisma/engines");
const hasNativeEngine = existsSync(enginesDir) && readdirSync(enginesDir).some((f) => f.startsWith("schema-engine-"));
const env = { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && !hasNativeEngine) env.PRISMA_SCHEMA_ENGINE_BINARY = path.join(root, "tools/prisma-schema-engine-wasm.mjs");

const res = spawnSync(path.join(root, "node_modules/.bin/prisma"), process.argv.slice(2), { stdio: "inherit", env, cwd: root });
process.exit(res.status ?? 1);
