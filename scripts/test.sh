#!/usr/bin/env bash
# `npm test`: every test — types, lint (import boundaries), unit + integration on PGlite (and on PostgreSQL when one is
# reachable), then the browser suite against a production build.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

# PostgreSQL: use TEST_DATABASE_URL if given; otherwise the local server when there is one.
if [ -z "${TEST_DATABASE_URL:-}" ] && command -v pg_isready >/dev/null 2>&1; then
  if ! pg_isready -q -h 127.0.0.1 -p 5432 && command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start >/dev/null 2>&1 || true
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  fi
  if pg_isready -q -h 127.0.0.1 -p 5432; then export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:5432/test"; fi
fi
if [ -n "${TEST_DATABASE_URL:-}" ]; then echo "Integration tests run on PGlite and on PostgreSQL (${TEST_DATABASE_URL%%@*}@…)."
else echo "No PostgreSQL reachable: integration tests run on PGlite only."; fi

# The browser suite needs Debian's Chromium (browsers cannot be downloaded here); the handover
# pack tests read the PDFs back with pdftotext (poppler-utils).
CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[ -x "$CHROMIUM_PATH" ] || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's ${missing[*]} for the tests…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "The tests need ${missing[*]}: run 'sudo apt-get install ${missing[*]}' (or set CHROMIUM_PATH)." >&2
    exit 1
  fi
fi

npx tsc --noEmit
# Lint, including the import boundaries of README § Architecture (biome.jsonc).
npx biome lint
# Formatting is checked once the repository has had its one-time `npx biome format --write` pass:
# npx biome format
bash scripts/check-migrations.sh
npx vitest run
npx playwright test
