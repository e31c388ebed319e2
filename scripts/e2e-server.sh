#!/usr/bin/env bash
# The app as the e2e tests see it: a fresh database (a throwaway one on the PostgreSQL server at
# 127.0.0.1:5432 when it answers, else embedded PGlite in a temporary folder), seeded, batch run.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${1:-3100}"
export APP_URL="http://127.0.0.1:${PORT}" BETTER_AUTH_SECRET="e2e-secret-e2e-secret-e2e-secret-0001" HOST=127.0.0.1
if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS riskline_e2e WITH (FORCE)" -c "CREATE DATABASE riskline_e2e"
  export DATABASE_URL="postgresql://postgres@127.0.0.1:5432/riskline_e2e"
else
  unset DATABASE_URL
  export EMBEDDED_DB_PORT=54339
  export EMBEDDED_DB_DIR=.data/e2e
  rm -rf .data/e2e
fi
exec npx tsx scripts/start.ts --port "$PORT"
