#!/usr/bin/env bash
# Runs the PostgreSQL tests (tests/pg) against a throwaway local cluster:
# installs Debian's postgresql if missing, initdb as user postgres in a temp dir,
# starts it on 127.0.0.1:55432, runs vitest with DATABASE_URL set (JSON report to
# reports/pg.json), then stops and removes the cluster. Exit status = the tests'.
# PG_PORT overrides the port. Skips (exit 0, no report) only when PostgreSQL cannot be installed.
set -uo pipefail
cd "$(dirname "$0")/.."
PORT="${PG_PORT:-55432}"
mkdir -p reports

find_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  return 1
}

BIN="$(find_bin)"
if [ -z "$BIN" ]; then
  echo "with-postgres: installing postgresql from Debian"
  if command -v apt-get >/dev/null; then
    (apt-get install -y postgresql >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y postgresql >/dev/null 2>&1; }) || true
  fi
  BIN="$(find_bin)"
fi
if [ -z "$BIN" ]; then
  echo "with-postgres: SKIPPED — PostgreSQL is not installed and could not be installed"
  exit 0
fi

RUN_AS=()
if [ "$(id -u)" = "0" ]; then RUN_AS=(su postgres -s /bin/bash -c); fi
as_pg() { if [ ${#RUN_AS[@]} -gt 0 ]; then "${RUN_AS[@]}" "$*"; else bash -c "$*"; fi; }

PGDIR="$(mktemp -d /tmp/atlas-pg.XXXXXX)"
chmod 755 "$PGDIR"
[ "$(id -u)" = "0" ] && chown postgres:postgres "$PGDIR"
cleanup() {
  as_pg "$BIN/pg_ctl -D $PGDIR/data -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$PGDIR"
}
trap cleanup EXIT

as_pg "$BIN/initdb -D $PGDIR/data -U postgres --auth=trust -E UTF8 --no-sync" >"$PGDIR/initdb.log" 2>&1 \
  || { echo "with-postgres: initdb failed"; cat "$PGDIR/initdb.log"; exit 1; }
as_pg "$BIN/pg_ctl -D $PGDIR/data -o '-p $PORT -k $PGDIR -c listen_addresses=127.0.0.1' -l $PGDIR/server.log -w start" >/dev/null \
  || { echo "with-postgres: server did not start"; cat "$PGDIR/server.log"; exit 1; }
"$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qc "create database atlas_test;" >/dev/null \
  || { echo "with-postgres: create database failed"; exit 1; }

echo "with-postgres: PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT"
DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/atlas_test" npx vitest run --config vitest.pg.config.ts \
  --reporter=default --reporter=json --outputFile=reports/pg.json
exit $?
