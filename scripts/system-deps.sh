#!/usr/bin/env bash
# Installs the Debian packages the app needs, when they are missing.
#   runtime: Pango and fonts for the PDF export (WeasyPrint); gettext to compile the translations
#   test:    the above, plus Chromium for the browser tests, wrk for the benchmark smoke test and
#            poppler-utils (pdftoppm) to render the PDF summary to images
#   ci:      the above, plus PostgreSQL for the second test run
#   bench:   the above runtime packages, plus wrk for load generation
set -euo pipefail

want=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core gettext)
case "${1:-runtime}" in
  runtime) ;;
  test) want+=(chromium wrk poppler-utils) ;;
  ci) want+=(chromium wrk poppler-utils postgresql) ;;
  bench) want+=(wrk) ;;
  *) echo "usage: $0 runtime|test|ci|bench" >&2; exit 2 ;;
esac

missing=()
for pkg in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "Please install these Debian packages: ${missing[*]}" >&2
  exit 1
fi
echo "Installing ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
