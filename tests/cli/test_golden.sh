#!/usr/bin/env bash
# Each dataset in tests/good/ exports to exactly its files in tests/golden/.
# With --update, rewrite the golden files instead (review the diff!).
set -euo pipefail
good="$ENTENTE_SRC/tests/good"
golden="$ENTENTE_SRC/tests/golden"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
status=0
n=0
for dataset in "$good"/*.xml; do
  name=$(basename "$dataset" .xml)
  (cd "$good" && "$ENTENTE" export "$name.xml" -O "$tmp" -f turtle,ntriples,nquads,trig,jsonld,rdfxml,rdfjson)
  for f in "$tmp/$name".*; do
    n=$((n + 1))
    want="$golden/$(basename "$f")"
    if [ "${1:-}" = --update ]; then
      cp "$f" "$want"
    elif ! cmp -s "$f" "$want"; then
      echo "FAIL: $(basename "$f") differs from tests/golden:" >&2
      diff -u "$want" "$f" | head -30 >&2 || true
      status=1
    fi
  done
done
[ "$n" -ge 10 ] || { echo "FAIL: only $n golden files compared" >&2; exit 1; }
[ $status = 0 ] && echo "$n golden files match"
exit $status
