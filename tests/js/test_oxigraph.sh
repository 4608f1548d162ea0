#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# A second real store: the corpus's N-Quads export loaded into Oxigraph (the
# `oxigraph` npm package, in process), which must answer the competency
# questions of tests/js/competency/ (copied, with their exact answers, from
# tests/sparql/test_competency.py; see competency/README.md) exactly: a
# fresh export of data/ and the committed out/riyadh-march-2025.nq.  The
# store must hold every quad of the file, in one named graph per source and
# one for the corpus, and their merge must be the statements `entente
# validate` counts.  Every SPARQL example of docs/querying.md must answer
# as the page says, in a store whose default graph is empty (as Oxigraph
# and Jena TDB2 keep it) and in one whose default graph is the union of
# all graphs.  Then a deliberately wrong export (one source's status
# of a meeting changed) must fail the questions about it.
set -euo pipefail

: "${ENTENTE:?run through ctest (ENTENTE is not set)}"
: "${ENTENTE_SRC:?run through ctest (ENTENTE_SRC is not set)}"
js="$ENTENTE_SRC/tests/js"

failures=0
fail() {
  echo "   FAIL: $*"
  failures=$((failures + 1))
}
step() { echo "== $*"; }

command -v node >/dev/null || { echo "test_oxigraph: node is not installed: run scripts/setup" >&2; exit 1; }
[ -f "$js/node_modules/oxigraph/package.json" ] ||
  { echo "test_oxigraph: tests/js/node_modules has no oxigraph: run scripts/setup-js" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/entente-oxigraph.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# ask NAME FILE: the competency questions over FILE; output in $tmp/NAME.txt,
# exit status in $rc.
ask() {
  rc=0
  node "$js/oxigraph-competency.mjs" "$2" "$js/competency" >"$tmp/$1.txt" 2>&1 || rc=$?
}

step "export the corpus as N-Quads"
"$ENTENTE" export "$ENTENTE_SRC/data" -q -w -f nquads -o "$tmp/all.nq"
validated=$("$ENTENTE" validate "$ENTENTE_SRC/data" -w | tail -n 1)
statements=$(sed -n 's/.*: valid: [0-9]* entities, \([0-9]*\) statements.*/\1/p' <<<"$validated")
[ -n "$statements" ] || { echo "test_oxigraph: unexpected validate output: $validated" >&2; exit 1; }
graphs=$(($(find "$ENTENTE_SRC/data/articles" -name '*.xml' | wc -l) + 1))
echo "   $(wc -l <"$tmp/all.nq") quads; validate counts $statements statements; $graphs graphs expected"

for which in fresh committed; do
  file="$tmp/all.nq"
  [ "$which" = fresh ] || file="$ENTENTE_SRC/out/riyadh-march-2025.nq"
  step "the competency questions over the $which export in Oxigraph"
  ask "$which" "$file"
  sed 's/^/   /' "$tmp/$which.txt"
  [ "$rc" -eq 0 ] || fail "$which export: some answers differ (exit $rc)"
  loaded=$(head -n 1 "$tmp/$which.txt")
  [[ "$loaded" == *" in $graphs named graphs, $statements triples merged "* ]] ||
    fail "$which export: want $graphs named graphs and $statements triples merged, got: $loaded"
done

step "the examples of docs/querying.md, as a user pastes them"
rc=0
node "$js/docs-queries.mjs" "$tmp/all.nq" "$ENTENTE_SRC/docs/querying.md" >"$tmp/docs.txt" 2>&1 || rc=$?
sed 's/^/   /' "$tmp/docs.txt"
[ "$rc" -eq 0 ] || fail "docs/querying.md: some examples answer otherwise (exit $rc)"

step "a wrong export gives wrong answers"
# One source (the seed article) now says the 24 March meeting was held, not
# planned: C4 gains a row, C4b loses one, and nothing else changes.
sed 's|<https://w3id.org/entente/ns#negotiationStatus> <https://w3id.org/entente/ns#negotiation-planned>|<https://w3id.org/entente/ns#negotiationStatus> <https://w3id.org/entente/ns#negotiation-held>|' \
  "$tmp/all.nq" >"$tmp/wrong.nq"
cmp -s "$tmp/all.nq" "$tmp/wrong.nq" && fail "the wrong copy is not wrong (the export changed?)"
ask wrong "$tmp/wrong.nq"
[ "$rc" -eq 1 ] || fail "wrong export: exit $rc, want 1"
failed=$(sed -n 's/^   FAIL: \([^:]*\):.*/\1/p' "$tmp/wrong.txt" | sort | tr '\n' ' ')
[ "$failed" = "C4 C4b " ] || fail "wrong export: want C4 and C4b to fail, failed: ${failed:-none}"
echo "   failed as expected: $failed"

if [ "$failures" -ne 0 ]; then
  echo "test_oxigraph: $failures check(s) FAILED" >&2
  exit 1
fi
echo "test_oxigraph: all checks passed"
