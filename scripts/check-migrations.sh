#!/usr/bin/env bash
# Fails when db/schema has changes that no committed migration holds: drizzle-kit generates
# against a copy of db/migrations and must report that there is nothing to write.
set -euo pipefail
cd "$(dirname "$0")/.."
# drizzle-kit resolves `out` relative to the working directory, so the copy lives inside the repo.
work=".migration-check"
rm -rf "$work" && mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
cp -r db/migrations "$work/migrations"
cat > "$work/drizzle.config.mjs" <<CONFIG
export default { dialect: 'postgresql', schema: './db/schema/index.ts', out: './$work/migrations', casing: 'snake_case' };
CONFIG
npx drizzle-kit generate --config "$work/drizzle.config.mjs" >"$work/out.log" 2>&1 || true
if ! grep -q "No schema changes" "$work/out.log"; then
  echo "db/schema and db/migrations disagree: run 'npm run db:generate' and commit the migration." >&2
  cat "$work/out.log" >&2
  exit 1
fi
# A hand-written tail appended to a generated file needs drizzle's breakpoint before it, or the
# last generated statement and the tail go to the database as one prepared statement and fail.
if grep -l ';-- hand-written' db/migrations/*.sql >&2; then
  echo "Put '--> statement-breakpoint' after the last generated statement, before '-- hand-written:'." >&2
  exit 1
fi
echo "Migrations match db/schema."
