#!/usr/bin/env bash
# `npm test`: every check, in the order that fails fastest. Integration and e2e tests use the
# PostgreSQL server at 127.0.0.1:5432 when it answers, else the embedded PGlite.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1

step() { printf '\n== %s\n' "$*"; }

step "typecheck"
npx tsc --noEmit
step "lint"
npx eslint --max-warnings 0 .
step "unit tests"
npx vitest run --project unit
step "integration tests"
npx vitest run --project integration
step "build"
npx next build
step "end-to-end tests (Playwright, Chromium)"
npx playwright test
