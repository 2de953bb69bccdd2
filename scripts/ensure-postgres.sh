#!/usr/bin/env bash
# Make sure a PostgreSQL server answers on 127.0.0.1:5432 for the test suite.
# These machines run one already (trust auth); otherwise start a throw-away cluster with the
# machine's own binaries. initdb refuses to run as root, so the cluster runs as `postgres`.
set -euo pipefail
if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  exit 0
fi
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bindir" ]; then
  echo "PostgreSQL is not installed and no server answers on 127.0.0.1:5432" >&2
  exit 1
fi
data=$(mktemp -d /tmp/theodoi-pg.XXXXXX)
chown postgres "$data" 2>/dev/null || true
run() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
run "$bindir/initdb -D $data -A trust -U postgres >/dev/null"
run "$bindir/pg_ctl -D $data -o '-h 127.0.0.1 -p 5432 -k /tmp' -l $data/log -w start >/dev/null"
echo "started a temporary PostgreSQL in $data"
