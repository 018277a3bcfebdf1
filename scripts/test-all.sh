#!/usr/bin/env bash
# `npm test`: every test, one summary. Builds the app itself (works without a prior build), then runs
#   1. unit tests (vitest → reports/unit.json),
#   2. PostgreSQL tests when scripts/with-postgres.sh exists (→ reports/pg.json),
#   3. browser tests (Playwright + Debian chromium, `next start` on 127.0.0.1 → reports/e2e.json),
# and ends with the line `N passed, N failed` over all of them. Exit status non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
mkdir -p reports data
rm -f reports/unit.json reports/pg.json reports/e2e.json reports/build.failed
rm -f data/e2e-*.db data/e2e-*.db-*

if [ -z "${CHROMIUM_PATH:-}" ] && ! [ -x /usr/bin/chromium ]; then
  echo "test-all: installing chromium from Debian"
  apt-get update && apt-get install -y chromium || echo "test-all: could not install chromium"
fi

echo "test-all: next build"
if ! npx next build; then
  echo "test-all: BUILD FAILED — browser tests cannot run"
  touch reports/build.failed
fi

echo "test-all: unit tests"
npx vitest run --reporter=default --reporter=json --outputFile=reports/unit.json

if [ -f scripts/with-postgres.sh ]; then
  echo "test-all: PostgreSQL tests"
  bash scripts/with-postgres.sh
fi

if [ ! -f reports/build.failed ]; then
  echo "test-all: browser tests"
  npx playwright test
fi

node scripts/test-summary.mjs
