#!/usr/bin/env bash
# `npm test`: every check, in the order that fails fastest. Integration and e2e tests use the
# PostgreSQL server at 127.0.0.1:5432 when it answers, else the embedded PGlite.
set -euo pipefail
cd "$(dirname "$0")/.."
# JSON reports of each runner, summed into one closing line at the end (outside test-results/,
# which Playwright empties when it starts).
rm -rf .test-reports
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1

step() { printf '\n== %s\n' "$*"; }

step "typecheck"
npx tsc --noEmit
step "lint"
npx eslint --max-warnings 0 .
step "unit tests"
npx vitest run --project unit --reporter=default --reporter=json --outputFile=.test-reports/unit.json
step "integration tests"
npx vitest run --project integration --reporter=default --reporter=json --outputFile=.test-reports/integration.json
step "build"
npx next build
step "end-to-end tests (Playwright, Chromium)"
PLAYWRIGHT_JSON_OUTPUT_NAME=.test-reports/e2e.json npx playwright test --reporter=list,json
step "summary"
node scripts/test-summary.mjs .test-reports/unit.json .test-reports/integration.json .test-reports/e2e.json
