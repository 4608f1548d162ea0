#!/usr/bin/env bash
# export -O DIR -j N: the same bytes whatever N, for loose datasets and for
# a corpus (whose graph the first worker writes), a directory as input,
# and a failing dataset leaves no file behind (nor the workers' scratch).
set -euo pipefail
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
mkdir -p "$tmp/loose"
cp "$ENTENTE_SRC/tests/good/minimal.xml" "$tmp/loose/a.xml"
cp "$ENTENTE_SRC/tests/good/features.xml" "$tmp/loose/b.xml"
cp "$ENTENTE_SRC/tests/good/minimal.xml" "$tmp/loose/c.xml"
cp "$ENTENTE_SRC/tests/good/features.xml" "$tmp/loose/d.xml"
cp "$ENTENTE_SRC/tests/good/minimal.txt" "$tmp/loose/"
for n in 1 2 3 8; do
  mkdir "$tmp/out$n"
  "$ENTENTE" export "$tmp/loose" -j "$n" -O "$tmp/out$n" -f nquads,turtle,svg 2>/dev/null
  [ "$(ls "$tmp/out$n" | wc -l)" = 13 ] || fail "-j $n: expected 12 files and a manifest, got: $(ls -A "$tmp/out$n")"
  [ -z "$(ls -A "$tmp/out$n" | grep '^\.')" ] || fail "-j $n left scratch files: $(ls -A "$tmp/out$n")"
done
for n in 2 3 8; do
  diff -r "$tmp/out1" "$tmp/out$n" >/dev/null || fail "-j $n output differs from -j 1"
done
# The manifest lists the datasets in order, whatever the number of workers.
[ "$(grep -v '^#' "$tmp/out3/manifest.tsv" | cut -f1 | uniq | tr '\n' ' ')" = "a.nq b.nq c.nq d.nq " ] ||
  fail "manifest order: $(cut -f1 "$tmp/out3/manifest.tsv")"

# A corpus: one file per article and one for the corpus graph, first in
# the manifest, the same bytes whatever N.
cp -r "$ENTENTE_SRC/data" "$tmp/corpus"
articles=$(ls "$tmp/corpus/articles"/*.xml | wc -l)
for n in 1 2 5; do
  mkdir "$tmp/c$n"
  "$ENTENTE" export "$tmp/corpus" -w -j "$n" -O "$tmp/c$n" -f nquads,turtle
  [ "$(ls "$tmp/c$n" | wc -l)" = $((2 * (articles + 1) + 1)) ] ||
    fail "corpus -j $n: expected $((2 * (articles + 1))) files and a manifest, got: $(ls -A "$tmp/c$n")"
  [ -z "$(ls -A "$tmp/c$n" | grep '^\.')" ] || fail "corpus -j $n left scratch files"
done
for n in 2 5; do
  diff -r "$tmp/c1" "$tmp/c$n" >/dev/null || fail "corpus -j $n output differs from -j 1"
done
id=$(xmllint --xpath 'string(/*/@id)' "$tmp/corpus/corpus.xml")
[ "$(grep -v '^#' "$tmp/c2/manifest.tsv" | head -1 | cut -f1)" = "$id.nq" ] ||
  fail "the corpus graph is not first in the manifest: $(head -3 "$tmp/c2/manifest.tsv")"

# One bad dataset: nothing is written.
printf '<dataset xmlns="https://w3id.org/entente/format/1" id="x"><sources/></dataset>\n' >"$tmp/loose/e.xml"
mkdir "$tmp/bad"
set +e
"$ENTENTE" export "$tmp/loose" -j 2 -O "$tmp/bad" -f nquads 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 65 ] || fail "bad dataset among many: exit $rc"
[ -z "$(ls -A "$tmp/bad")" ] || fail "bad dataset among many: files left: $(ls -A "$tmp/bad")"
grep -q "e.xml:1:" "$tmp/err" || fail "no located error for the bad dataset: $(cat "$tmp/err")"
# -j needs -O.
set +e
"$ENTENTE" export "$tmp/loose" -j 2 -o "$tmp/one.nq" 2>/dev/null; rc=$?
set -e
[ "$rc" = 64 ] || fail "-j with -o: exit $rc, want 64"
echo "parallel export: identical bytes for -j 1, 2, 3, 8, and for a corpus"
