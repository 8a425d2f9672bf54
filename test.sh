#!/usr/bin/env bash
# Builds Trent and runs every test: the format check, the unit, storage and server test projects, and the
# end-to-end scripts that drive a real `trent serve` with the real `aws` CLI.
set -euo pipefail
cd "$(dirname "$0")"

echo "== build"
dotnet build Trent.slnx -c Release -warnaserror

echo "== format"
dotnet format Trent.slnx --verify-no-changes --no-restore

echo "== tests"
dotnet test Trent.slnx -c Release --no-build

echo "== end-to-end"
for script in tests/e2e/*.sh; do
  echo "-- $script"
  bash "$script"
done
echo "== all tests passed"
