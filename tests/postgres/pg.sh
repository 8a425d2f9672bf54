#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: its own data directory, a free loopback port, a Unix socket inside
# the data directory, trust authentication, fsync off (the tests restart the server process, never the machine).
#
#   pg.sh install         installs the Debian package if no server binaries are found (root or sudo), or fails
#   pg.sh start DIR       initializes DIR on first use, starts the server, prints its Npgsql connection string
#   pg.sh stop DIR        stops it (fast shutdown); DIR is kept, so start DIR brings the same server back
#   pg.sh kill DIR        stops it abruptly (immediate shutdown: crash recovery on the next start)
#   pg.sh remove DIR      stops it and deletes DIR
set -euo pipefail

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# Debian and Ubuntu keep the server binaries out of PATH, in /usr/lib/postgresql/<major>/bin; other systems put them on it.
find_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -z "$dir" || ! -x "$dir/initdb" ]] && command -v initdb >/dev/null; then
    dir="$(dirname "$(command -v initdb)")"
  fi
  if [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
    echo "$dir"
  fi
}

# initdb and postgres refuse to run as root: as root, they run as the unprivileged 'postgres' user.
as_owner() {
  if [[ "$(id -u)" == 0 ]]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

cmd="${1:-}"
case "$cmd" in
  install)
    if [[ -n "$(find_bin)" ]]; then exit 0; fi
    command -v apt-get >/dev/null \
      || fail "the PostgreSQL server (initdb, pg_ctl) is needed for the storage and scale-out tests; install it with your system's package manager."
    if [[ "$(id -u)" == 0 ]]; then
      as_root=()
    elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
      as_root=(sudo -n)
    else
      fail "the PostgreSQL server is needed for the storage and scale-out tests, and installing it needs root or password-less sudo: run 'sudo apt-get install postgresql' once."
    fi
    echo "PostgreSQL server binaries not found; installing the package 'postgresql'." >&2
    "${as_root[@]}" apt-get update -qq || fail "apt-get update failed; PostgreSQL could not be installed."
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null \
      || fail "apt-get install postgresql failed; the storage and scale-out tests need the PostgreSQL server."
    [[ -n "$(find_bin)" ]] || fail "installing postgresql did not provide initdb and pg_ctl (looked in /usr/lib/postgresql/*/bin and PATH)."
    ;;
  start)
    dir="$2"
    bin="$(find_bin)"
    [[ -n "$bin" ]] || fail "no PostgreSQL server binaries (/usr/lib/postgresql/*/bin or initdb on PATH); run 'tests/postgres/pg.sh install' (./test.sh does)."
    mkdir -p "$dir"
    first=false
    if [[ ! -f "$dir/data/PG_VERSION" ]]; then
      first=true
      mkdir -p "$dir/data"
      if [[ "$(id -u)" == 0 ]]; then
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
        chown -R postgres "$dir"
        runuser -u postgres -- test -w "$dir/data" \
          || fail "the server runs as the user 'postgres', which cannot reach $dir (a parent directory is closed to other users); use a directory under /tmp."
      fi
      as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; fail "initdb failed in $dir/data."; }
      free_port >"$dir/port"
    fi
    # A port found free may be taken before the server binds it: a new server tries other ports.
    for attempt in 1 2 3; do
      port="$(cat "$dir/port")"
      if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
        "-p $port -k $dir/data -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=400 -c shared_buffers=64MB" \
        >/dev/null; then
        echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
        exit 0
      fi
      if [[ "$first" != true ]] || ! grep -q "could not bind" "$dir/server.log"; then
        break
      fi
      free_port >"$dir/port"
    done
    cat "$dir/server.log" >&2
    fail "the PostgreSQL server in $dir did not start (its log is above)."
    ;;
  stop | kill)
    dir="$2"
    bin="$(find_bin)"
    mode=fast
    [[ "$cmd" == kill ]] && mode=immediate
    if [[ -f "$dir/data/postmaster.pid" ]]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m "$mode" -w -t 60 stop >/dev/null || true
    fi
    ;;
  remove)
    dir="$2"
    "$0" stop "$dir"
    rm -rf "$dir"
    ;;
  *)
    echo "usage: pg.sh install | start DIR | stop DIR | kill DIR | remove DIR" >&2
    exit 2
    ;;
esac
