#!/usr/bin/env bash
# Prepares a release: runs CI as on a clean clone (install, checks, build, every test, the
# dry-run publish of each package), then packs every package into release/. Publishing is
# a separate step (`npx -y pnpm@12.4.2 -r publish`, from CI for npm provenance).
set -euo pipefail
cd "$(dirname "$0")/.."
PNPM=(npx -y pnpm@12.4.2)

if [ -n "$(git status --porcelain)" ]; then
  echo "release: the working tree has changes; commit or stash them first" >&2
  exit 1
fi
if ls .changeset/*.md 2>/dev/null | grep -v README.md >/dev/null; then
  echo "release: unapplied changesets; run \`npx -y pnpm@12.4.2 version-packages\` and commit" >&2
  exit 1
fi

bash .ci/run

rm -rf release && mkdir release
for dir in packages/*/; do
  (cd "$dir" && "${PNPM[@]}" pack --pack-destination ../../release >/dev/null)
done
for tarball in release/*.tgz; do node scripts/check-tarball.mjs "$tarball"; done
echo "release: packed into release/:"
ls -1 release
