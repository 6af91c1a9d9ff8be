#!/usr/bin/env bash
# Known-vulnerable dependencies: `pip-audit --strict`, which fails when any package could not
# be audited instead of reporting "No known vulnerabilities found" for packages it never saw.
# Where the vulnerability data cannot be reached at all (no PyPI JSON API, no OSV), it says
# so loudly and lets `make lint` go on, unless PIP_AUDIT_REQUIRED=true.
set -uo pipefail
PIP_AUDIT=${PIP_AUDIT:-.venv/bin/pip-audit}

out=$("$PIP_AUDIT" --strict --skip-editable 2>&1)
status=$?
if [ "$status" -eq 0 ]; then
  echo "$out"
  exit 0
fi
if grep -q "could not be audited" <<<"$out" && ! grep -q "known vulnerabilit" <<<"$out"; then
  echo "$out" | tail -n 3 >&2
  echo "pip-audit --strict: NOT AUDITED: a dependency's vulnerability data could not be" \
    "fetched (above). Where PyPI's per-release JSON API is unreachable none can be; run" \
    "\`make lint\` where it is, or set PIP_AUDIT_REQUIRED=true to make this a failure." >&2
  [ "${PIP_AUDIT_REQUIRED:-false}" = true ] && exit 1
  exit 0
fi
echo "$out"
exit "$status"
