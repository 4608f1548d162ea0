#!/usr/bin/env bash
# out/ is committed so readers can see the exports: it must be exactly what
# the current code makes from data/.  Run scripts/run to refresh it.
set -euo pipefail
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$ENTENTE_SRC/scripts/export-data" "$ENTENTE" "$tmp/out"
for f in "$tmp"/out/*; do
  name=$(basename "$f")
  if ! cmp -s "$f" "$ENTENTE_SRC/out/$name"; then
    echo "out/$name is stale or missing; run scripts/run and commit out/" >&2
    diff -u "$ENTENTE_SRC/out/$name" "$f" | head -20 >&2 || true
    exit 1
  fi
done
echo "out/ is current ($(ls "$tmp/out" | wc -l) files)"
