#!/usr/bin/env bash
# export -O DIR -j N: the same bytes whatever N, a directory as input, and
# a failing dataset leaves no file behind (nor the workers' scratch).
set -euo pipefail
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
mkdir -p "$tmp/corpus"
cp "$ENTENTE_SRC/data/riyadh-talks-2025-03.xml" "$tmp/corpus/a.xml"
cp "$ENTENTE_SRC/tests/good/features.xml" "$tmp/corpus/b.xml"
cp "$ENTENTE_SRC/tests/good/minimal.xml" "$tmp/corpus/c.xml"
cp "$ENTENTE_SRC/tests/good/features.xml" "$tmp/corpus/d.xml"
for n in 1 2 3 8; do
  mkdir "$tmp/out$n"
  "$ENTENTE" export "$tmp/corpus" -j "$n" -O "$tmp/out$n" -f nquads,turtle,svg 2>/dev/null
  [ "$(ls "$tmp/out$n" | wc -l)" = 13 ] || fail "-j $n: expected 12 files and a manifest, got: $(ls -A "$tmp/out$n")"
  [ -z "$(ls -A "$tmp/out$n" | grep '^\.')" ] || fail "-j $n left scratch files: $(ls -A "$tmp/out$n")"
done
for n in 2 3 8; do
  diff -r "$tmp/out1" "$tmp/out$n" >/dev/null || fail "-j $n output differs from -j 1"
done
# The manifest lists the datasets in order, whatever the number of workers.
[ "$(grep -v '^#' "$tmp/out3/manifest.tsv" | cut -f1 | uniq | tr '\n' ' ')" = "a.nq b.nq c.nq d.nq " ] ||
  fail "manifest order: $(cut -f1 "$tmp/out3/manifest.tsv")"
# One bad dataset: nothing is written.
printf '<dataset xmlns="https://w3id.org/entente/format/1" id="x"><sources/></dataset>\n' >"$tmp/corpus/e.xml"
mkdir "$tmp/bad"
set +e
"$ENTENTE" export "$tmp/corpus" -j 2 -O "$tmp/bad" -f nquads 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 65 ] || fail "bad dataset among many: exit $rc"
[ -z "$(ls -A "$tmp/bad")" ] || fail "bad dataset among many: files left: $(ls -A "$tmp/bad")"
grep -q "e.xml:1:" "$tmp/err" || fail "no located error for the bad dataset: $(cat "$tmp/err")"
# -j needs -O.
set +e
"$ENTENTE" export "$tmp/corpus" -j 2 -o "$tmp/one.nq" 2>/dev/null; rc=$?
set -e
[ "$rc" = 64 ] || fail "-j with -o: exit $rc, want 64"
echo "parallel export: identical bytes for -j 1, 2, 3, 8"
