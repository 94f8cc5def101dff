#!/usr/bin/env bash
# Installs the Debian packages the app needs when they are missing (WeasyPrint's Pango, the
# PostgreSQL client for backups; with --browser, what the tests need: Chromium for the browser
# tests, PostgreSQL's server programs for the test that stops its own private database; with
# --bench, wrk for benchmarks/serve.py). Without root, names the packages and stops.
set -euo pipefail

missing=()
ldconfig -p 2>/dev/null | grep -q 'libpango-1.0.so' || missing+=(libpango-1.0-0)
ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so' || missing+=(libpangoft2-1.0-0)
# GNU gettext compiles the page translations (locale/*.po) with manage.py compilemessages.
command -v msgfmt >/dev/null || missing+=(gettext)
# pg_dump and pg_restore for `make backup` / `make restore` on PostgreSQL.
command -v pg_dump >/dev/null || missing+=(postgresql-client)
if [ "${1:-}" = "--browser" ] && [ ! -x /usr/bin/chromium ]; then
  missing+=(chromium)
fi
if [ "${1:-}" = "--browser" ] && ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  missing+=(postgresql)
fi
if [ "${1:-}" = "--bench" ] && ! command -v wrk >/dev/null; then
  missing+=(wrk)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing Debian packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "Missing Debian packages: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
