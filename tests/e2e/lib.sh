# Shared helpers for the end-to-end scripts: build and start `trent serve`, stop it, assert.
# Sourced, not run. Every script gets a fresh data directory and a free loopback port.

set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TRENT_DLL="$REPO/src/Trent.Server/bin/Release/net10.0/trent.dll"
WORK="$(mktemp -d)"
TRENT_PID=""

command -v aws >/dev/null || { echo "FAIL: the aws CLI is required for the end-to-end tests (pip install awscli, or the distribution package)"; exit 1; }

build_trent() {
  dotnet build "$REPO/src/Trent.Server" -c Release -nologo -v quiet >/dev/null
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# start_trent <data-dir> [extra serve args...]: starts trent in the background and waits until it answers.
start_trent() {
  local data_dir="$1"; shift
  PORT="${PORT:-$(free_port)}"
  ENDPOINT="http://127.0.0.1:$PORT"
  dotnet "$TRENT_DLL" serve --data-dir "$data_dir" --urls "$ENDPOINT" "$@" >>"$WORK/trent.log" 2>&1 &
  TRENT_PID=$!
  for _ in $(seq 1 100); do
    if curl -fsS "$ENDPOINT/health" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$TRENT_PID" 2>/dev/null; then cat "$WORK/trent.log"; fail "trent exited during start-up"; fi
    sleep 0.1
  done
  cat "$WORK/trent.log"
  fail "trent did not answer on $ENDPOINT"
}

stop_trent() {
  if [[ -n "$TRENT_PID" ]] && kill -0 "$TRENT_PID" 2>/dev/null; then
    kill "$TRENT_PID"
    wait "$TRENT_PID" 2>/dev/null || true
  fi
  TRENT_PID=""
}

cleanup() {
  stop_trent
  rm -rf "$WORK"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# expect_eq <what> <expected> <actual>
expect_eq() {
  [[ "$2" == "$3" ]] || fail "$1: expected '$2', got '$3'"
  echo "ok: $1"
}

kms() {
  aws kms --endpoint-url "$ENDPOINT" "$@"
}
