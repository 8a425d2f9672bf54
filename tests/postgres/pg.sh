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

find_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
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
    echo "PostgreSQL server binaries not found; installing the Debian package 'postgresql'." >&2
    if [[ "$(id -u)" == 0 ]]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    elif command -v sudo >/dev/null; then
      sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    else
      echo "FAIL: PostgreSQL is needed for the storage and scale-out tests, and it can be installed only as root or with sudo (apt-get install postgresql)." >&2
      exit 1
    fi
    if [[ -z "$(find_bin)" ]]; then
      echo "FAIL: installing postgresql did not provide /usr/lib/postgresql/*/bin/initdb." >&2
      exit 1
    fi
    ;;
  start)
    dir="$2"
    bin="$(find_bin)"
    if [[ -z "$bin" ]]; then
      echo "FAIL: no PostgreSQL server binaries (/usr/lib/postgresql/*/bin); run 'tests/postgres/pg.sh install' or ./test.sh." >&2
      exit 1
    fi
    mkdir -p "$dir"
    if [[ ! -f "$dir/data/PG_VERSION" ]]; then
      mkdir -p "$dir/data"
      [[ "$(id -u)" == 0 ]] && { id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres; chown -R postgres "$dir"; }
      as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
      free_port >"$dir/port"
    fi
    port="$(cat "$dir/port")"
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
      "-p $port -k $dir/data -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=400 -c shared_buffers=64MB" \
      >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
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
