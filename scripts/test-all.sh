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
# Each integration file has a database of its own, so they run in a shuffled order: a file that
# depended on another's leftovers would fail. TEST_SEED=N replays an order.
SEED="${TEST_SEED:-$(( (RANDOM << 15) | RANDOM ))}"
step "integration tests (files shuffled, seed ${SEED}; TEST_SEED=${SEED} npm test replays this order)"
npx vitest run --project integration --sequence.shuffle.files --sequence.seed="$SEED" --reporter=default --reporter=json --outputFile=.test-reports/integration.json
step "build"
npm run build --silent
step "upgrade test (npm start on a copy of this checkout, across a new migration and a source change)"
npx vitest run --project upgrade --reporter=default --reporter=json --outputFile=.test-reports/upgrade.json
# A port of this run's own, so no server left by another run is reused (its database is named after it).
export E2E_PORT="${E2E_PORT:-$(node scripts/free-port.mjs)}"
# Its database is named after the port (scripts/e2e-server.sh): dropped when the run ends, however it ends.
drop_e2e_database() {
  if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS riskline_e2e_${E2E_PORT} WITH (FORCE)" \
      || echo "warning: could not drop the e2e database riskline_e2e_${E2E_PORT}" >&2
  fi
}
trap drop_e2e_database EXIT
step "end-to-end tests (Playwright, Chromium, port ${E2E_PORT})"
PLAYWRIGHT_JSON_OUTPUT_NAME=.test-reports/e2e.json npx playwright test --reporter=list,json
step "summary"
node scripts/test-summary.mjs .test-reports/unit.json .test-reports/integration.json .test-reports/upgrade.json .test-reports/e2e.json
