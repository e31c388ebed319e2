#!/usr/bin/env bash
# The app as the e2e tests see it: a fresh database (a throwaway one on the PostgreSQL server at
# 127.0.0.1:5432 when it answers, else embedded PGlite in a temporary folder), seeded, batch run, with a
# fake vendor for the symbols beyond the bundled ones.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${1:-3100}"
# INNGEST_DEV serves /api/inngest in dev mode for e2e/inngest.spec.ts; the admin buttons stay local.
export APP_URL="http://127.0.0.1:${PORT}" BETTER_AUTH_SECRET="e2e-secret-e2e-secret-e2e-secret-0001" HOST=127.0.0.1 INNGEST_DEV=1 BATCH_EXECUTOR=local
if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  DB="riskline_e2e_${PORT}"
  psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS ${DB} WITH (FORCE)" -c "CREATE DATABASE ${DB}"
  export DATABASE_URL="postgresql://postgres@127.0.0.1:5432/${DB}"
else
  unset DATABASE_URL
  export EMBEDDED_DB_PORT=$((PORT + 51000))
  export EMBEDDED_DB_DIR=".data/e2e-${PORT}"
  rm -rf "$EMBEDDED_DB_DIR"
fi
# The vendor the app looks unlisted symbols up with: a local fake of FMP, started first; it stops with
# this script's process group when Playwright ends the server.
exec {VENDOR}< <(exec npx tsx e2e/fake-vendor.ts)
{ read -r -t 120 FMP_BASE_URL && read -r -t 120 AS_OF; } <&"$VENDOR" || { echo "the fake market data vendor did not start" >&2; exit 1; }
export MARKET_DATA_PROVIDER=fmp FMP_API_KEY=fake-key FMP_PLAN=ultimate FMP_BASE_URL AS_OF
exec npx tsx scripts/start.ts --port "$PORT"
