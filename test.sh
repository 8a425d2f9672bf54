#!/usr/bin/env bash
# Builds Trent and runs every test: the format check, the unit, storage (SQLite and PostgreSQL) and server test
# projects, and the end-to-end scripts that drive a real `trent serve` with the real `aws` CLI.
set -euo pipefail
cd "$(dirname "$0")"

echo "== build"
dotnet build Trent.slnx -c Release -warnaserror

echo "== format"
dotnet format Trent.slnx --verify-no-changes --no-restore

# One throwaway PostgreSQL server for the whole run (installed first if missing): the storage contract suite and the
# scale-out tests run against it, each in databases or schemas of their own (TRENT_TEST_POSTGRES).
echo "== postgresql"
tests/postgres/pg.sh install
PG_WORK="$(mktemp -d /tmp/trent-test-pg.XXXXXX)"
chmod 755 "$PG_WORK" # the server runs as the unprivileged 'postgres' user when this script runs as root
trap 'tests/postgres/pg.sh remove "$PG_WORK/server"; rm -rf "$PG_WORK"' EXIT
TRENT_TEST_POSTGRES="$(tests/postgres/pg.sh start "$PG_WORK/server")"
export TRENT_TEST_POSTGRES
echo "PostgreSQL: $TRENT_TEST_POSTGRES"

echo "== tests"
dotnet test Trent.slnx -c Release --no-build

echo "== end-to-end"
for script in tests/e2e/*.sh; do
  echo "-- $script"
  bash "$script"
done
echo "== all tests passed"
