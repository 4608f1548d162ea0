#!/usr/bin/env bash
# out/ is committed so readers can see the exports: it must be exactly what
# the current code makes from data/, file for file (out/graphs/ included).
# Run scripts/run to refresh it.
set -euo pipefail
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$ENTENTE_SRC/scripts/export-data" "$ENTENTE" "$tmp/out"
if ! diff -r -q "$ENTENTE_SRC/out" "$tmp/out" >"$tmp/diff"; then
  echo "out/ is stale: run scripts/run and commit out/" >&2
  cat "$tmp/diff" >&2
  for f in $(sed -n 's/^Files \(.*\) and .* differ$/\1/p' "$tmp/diff" | head -3); do
    diff -u "$f" "$tmp/out/${f#"$ENTENTE_SRC/out/"}" | head -20 >&2 || true
  done
  exit 1
fi
echo "out/ is current ($(find "$tmp/out" -type f | wc -l) files)"
