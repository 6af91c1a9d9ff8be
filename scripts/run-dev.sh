#!/usr/bin/env bash
# `make run`: the development server and, beside it, the background worker (large imports)
# and the reminder sender.
# Each process is one line in PROCESSES; Ctrl+C (or any process ending) stops them all.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}

PROCESSES=(
  "$PY manage.py runserver 127.0.0.1:8000"
  "$PY manage.py jobs_worker"
  "$PY manage.py reminders"
)

pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait || true
}
trap stop INT TERM EXIT
for command in "${PROCESSES[@]}"; do
  $command &
  pids+=("$!")
done
# The first process to end ends the others.
wait -n
