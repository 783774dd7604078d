#!/usr/bin/env bash
# Set up this machine (first time only) and run every check: lint, types, all tests
# (core, desktop offscreen, documents, reports, sync against SQLite and PostgreSQL) and
# the benchmark smoke run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

# The sync tests talk to the PostgreSQL at 127.0.0.1:5432; start it if it is down.
if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
  if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
  fi
fi

export QT_QPA_PLATFORM=offscreen
echo "== ruff"
.venv/bin/ruff check legalaid ui tests bench main.py
echo "== mypy (strict on legalaid/)"
.venv/bin/mypy
echo "== pytest"
.venv/bin/pytest -q -p no:cacheprovider "$@"
if [ -f bench/run.py ]; then
  echo "== benchmark smoke run"
  .venv/bin/python -m bench.run --sizes 10k --smoke
fi
