#!/usr/bin/env node
// Sums the JSON reports of the test runs into one closing line: "tests: N passed, M failed".
import { existsSync, readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) throw new Error(`missing test report ${file}`);
  const r = JSON.parse(readFileSync(file, "utf8"));
  if (r.stats && "expected" in r.stats) {
    // Playwright
    passed += r.stats.expected + r.stats.flaky;
    failed += r.stats.unexpected;
  } else {
    // Vitest
    passed += r.numPassedTests;
    failed += r.numFailedTests;
  }
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
