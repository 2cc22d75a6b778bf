#!/usr/bin/env bash
# Packaging checks on what would be published: for every package, a dry-run `pnpm publish`, then
# its tarball from `pnpm pack` (the same manifest, after .pnpmfile.cjs's beforePacking hook) is
# checked by scripts/check-tarball.mjs, publint and arethetypeswrong.
# attw runs with the `esm-only` profile: the packages are ESM-only on purpose (ky is), so
# attw's default profile reports CommonJS resolution under `node10` and `node16-cjs`; ESM
# consumers and `require(esm)` (Node >= 22.12) are what the packages support.
set -euo pipefail
cd "$(dirname "$0")/.."
PNPM=(npx -y pnpm@12.4.2)
out=$(mktemp -d "${TMPDIR:-/tmp}/smartpay-packages-XXXXXX")
trap 'rm -rf "$out"' EXIT
for dir in packages/*/; do
  name=$(node -p "require('./${dir}package.json').name")
  echo "── ${name}"
  (cd "$dir" && "${PNPM[@]}" publish --dry-run --no-git-checks)
  (cd "$dir" && "${PNPM[@]}" pack --pack-destination "$out" >/dev/null)
  tarball=$(ls "$out"/*.tgz)
  node scripts/check-tarball.mjs "$tarball"
  npx publint run "$tarball" --strict
  npx attw "$tarball" --profile esm-only --format table-flipped
  rm "$tarball"
done
