#!/usr/bin/env bash
# A real S3-compatible server for the storage tests and for trying THEODOI_STORAGE=s3 locally:
# moto's server mode (the dev dependency moto[server]), on 127.0.0.1:${S3_TEST_PORT:-9000}.
#
#   scripts/s3-test-server.sh start   # starts it in the background, waits until it answers
#   scripts/s3-test-server.sh stop    # stops the one this script started
#
# While it runs, export THEODOI_TEST_S3_ENDPOINT=http://127.0.0.1:9000 and the storage tests
# (theodoi/core/tests/test_files_on_s3.py) use it instead of starting moto in their own process.
# With no argument it runs in the foreground (Ctrl-C stops it).
set -euo pipefail

cd "$(dirname "$0")/.."
PORT="${S3_TEST_PORT:-9000}"
VAR_DIR="${THEODOI_VAR_DIR:-./var}"
PID_FILE="$VAR_DIR/s3-test-server.pid"
LOG_FILE="$VAR_DIR/s3-test-server.log"
PY="${PYTHON:-.venv/bin/python}"
[ -x "$PY" ] || PY=python3

if ! "$PY" -c "import moto.server" 2>/dev/null; then
  echo "moto[server] is not installed: pip install -e '.[dev]'" >&2
  exit 1
fi

answers() {
  "$PY" - "$PORT" <<'PYEOF'
import sys, urllib.request
try:
    urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/moto-api/", timeout=1)
except Exception:
    sys.exit(1)
PYEOF
}

case "${1:-foreground}" in
  start)
    mkdir -p "$VAR_DIR"
    if [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
      echo "S3 test server already running (pid $(cat "$PID_FILE")) on port $PORT"
      exit 0
    fi
    "$PY" -m moto.server -H 127.0.0.1 -p "$PORT" >"$LOG_FILE" 2>&1 &
    echo $! >"$PID_FILE"
    for _ in $(seq 1 50); do
      if answers; then
        echo "S3 test server on http://127.0.0.1:$PORT (pid $(cat "$PID_FILE"))"
        echo "export THEODOI_TEST_S3_ENDPOINT=http://127.0.0.1:$PORT"
        exit 0
      fi
      sleep 0.2
    done
    echo "S3 test server did not answer on port $PORT; see $LOG_FILE" >&2
    exit 1
    ;;
  stop)
    if [ -f "$PID_FILE" ]; then
      kill "$(cat "$PID_FILE")" 2>/dev/null || true
      rm -f "$PID_FILE"
      echo "S3 test server stopped"
    fi
    ;;
  foreground)
    exec "$PY" -m moto.server -H 127.0.0.1 -p "$PORT"
    ;;
  *)
    echo "usage: $0 [start|stop]" >&2
    exit 2
    ;;
esac
