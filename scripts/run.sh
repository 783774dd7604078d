#!/usr/bin/env bash
# Set up this machine (first time only) and start the legalaid desktop.
# Extra arguments go to the app, e.g. --db /path/to/desk.db
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python main.py "$@"
