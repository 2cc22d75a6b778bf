#!/usr/bin/env bash
# Packaging lint for every published package: publint, and arethetypeswrong (ESM-only profile).
set -euo pipefail
cd "$(dirname "$0")/.."
for dir in packages/*/; do
  name=$(node -p "require('./${dir}package.json').name")
  echo "── ${name}"
  npx publint "$dir" --strict --pack npm
  npx attw --pack "$dir" --profile esm-only --format table-flipped
done
