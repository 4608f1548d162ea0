#!/usr/bin/env bash
# Every streamed syntax as a user meets it: N-Triples and N-Quads in UTF-8
# by default (grep finds a Cyrillic name), the escaped form with --ascii,
# both read by serdi and rapper to the same statements; Turtle and TriG
# written as the datasets are read, read back by serdi and rapper to the
# statements of the N-Quads export (Turtle: the same triples, each once);
# RDF/XML and RDF/JSON refused past the buffered limit with a message that
# names the streaming syntaxes and no file left; the progress of each
# phase with --progress, none with -q.
set -euo pipefail
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
shared=${ENTENTE_SHARED:-$ENTENTE_SRC/../shared}
data="$ENTENTE_SRC/data"

# The statements of FILE in SYNTAX, each on one line in one canonical form
# (serdi's escaped N-Quads), sorted.
canon() { serdi -a -i "$1" -o nquads "$2" | LC_ALL=C sort; }
# The same of a JSON-LD FILE, read by jsonld.js (safe mode, no fetch).
js="$ENTENTE_SRC/tests/js"
[ -d "$js/node_modules/jsonld" ] || fail "tests/js/node_modules has no jsonld: run scripts/setup"
canon_jsonld() {
  node "$js/rdf-to-nquads.mjs" jsonld "$1" >"$tmp/jsonld.nq" || fail "jsonld.js cannot read $1"
  canon nquads "$tmp/jsonld.nq" | uniq
}
# The same through rapper (N-Quads out), then serdi for one escaping.
canon_rapper() {
  rapper -q -i "$1" -o nquads "$2" >"$tmp/rapper.nq"
  canon nquads "$tmp/rapper.nq"
}

"$ENTENTE" export "$data" -q -w --text-dir "$shared" -f nquads -o "$tmp/all.nq"
canon nquads "$tmp/all.nq" >"$tmp/quads"
[ -s "$tmp/quads" ] || fail "no N-Quads"
# The triples: each statement once, whatever its graph.
sed -E 's/ <[^>]*> \.$/ ./' "$tmp/quads" | LC_ALL=C sort -u >"$tmp/triples"

# UTF-8 by default; --ascii escapes; the same statements either way.
for f in nt nq; do
  "$ENTENTE" export "$data" -q -w --text-dir "$shared" -f $f -o "$tmp/u.$f"
  "$ENTENTE" export "$data" -q -w --text-dir "$shared" -f $f --ascii -o "$tmp/a.$f"
  grep -q 'Беседа' "$tmp/u.$f" || fail "$f: no UTF-8 'Беседа' in the default output"
  LC_ALL=C grep -q '[^ -~]' "$tmp/a.$f" && fail "$f --ascii: a byte outside printable ASCII"
  grep -q '\\u0411\\u0435\\u0441\\u0435\\u0434\\u0430' "$tmp/a.$f" ||
    fail "$f --ascii: 'Беседа' is not escaped"
  syntax=ntriples; want="$tmp/triples"
  [ $f = nq ] && syntax=nquads && want="$tmp/quads"
  for v in u a; do
    canon $syntax "$tmp/$v.$f" | LC_ALL=C sort -u | cmp -s - "$want" ||
      fail "$f ($v): serdi reads other statements"
    canon_rapper $syntax "$tmp/$v.$f" | LC_ALL=C sort -u | cmp -s - "$want" ||
      fail "$f ($v): rapper reads other statements"
  done
done
echo "ok: N-Triples and N-Quads are UTF-8 (--ascii escapes), read alike by serdi and rapper"

# Turtle and TriG, UTF-8 and escaped.
for opt in "" --ascii; do
  "$ENTENTE" export "$data" -q -w --text-dir "$shared" -f turtle $opt -o "$tmp/x.ttl"
  "$ENTENTE" export "$data" -q -w --text-dir "$shared" -f trig $opt -o "$tmp/x.trig"
  canon turtle "$tmp/x.ttl" | LC_ALL=C sort -u | cmp -s - "$tmp/triples" ||
    fail "turtle $opt: serdi reads other triples than the N-Quads hold"
  canon_rapper turtle "$tmp/x.ttl" | LC_ALL=C sort -u | cmp -s - "$tmp/triples" ||
    fail "turtle $opt: rapper reads other triples than the N-Quads hold"
  canon trig "$tmp/x.trig" | cmp -s - "$tmp/quads" ||
    fail "trig $opt: serdi reads other statements than the N-Quads"
  canon_rapper trig "$tmp/x.trig" | cmp -s - "$tmp/quads" ||
    fail "trig $opt: rapper reads other statements than the N-Quads"
done
grep -q '^@prefix official: <' "$tmp/x.ttl" || fail "turtle: no prefixes"
[ "$(grep -c '^@prefix schema: ' "$tmp/x.ttl")" = 1 ] || fail "turtle: prefixes more than once"
grep -q '^outlet:fox-news$' "$tmp/x.ttl" ||
  fail "turtle: a hyphenated local name is not written as a prefixed name"
echo "ok: Turtle and TriG stream, read back by serdi and rapper to the N-Quads' statements"

# JSON-LD streams as TriG does: read by jsonld.js to the N-Quads'
# statements, UTF-8 or escaped; one object per graph and per subject.
for opt in "" --ascii; do
  "$ENTENTE" export "$data" -q -w --text-dir "$shared" -f jsonld $opt -o "$tmp/x.jsonld"
  canon_jsonld "$tmp/x.jsonld" | cmp -s - "$tmp/quads" ||
    fail "jsonld $opt: jsonld.js reads other statements than the N-Quads"
done
LC_ALL=C grep -q '[^ -~]' "$tmp/x.jsonld" && fail "jsonld --ascii: a byte outside printable ASCII"
grep -q '\\u0411\\u0435\\u0441\\u0435\\u0434\\u0430' "$tmp/x.jsonld" ||
  fail "jsonld --ascii: 'Беседа' is not escaped"
python3 - "$tmp/x.jsonld" <<'PY' || fail "jsonld: a graph or a subject in more than one object"
import json, sys
doc = json.load(open(sys.argv[1], encoding="ascii"))
graphs = [o["@id"] for o in doc["@graph"] if "@graph" in o]
assert len(graphs) == len(set(graphs)), "a graph twice"
for o in doc["@graph"]:
    if "@graph" in o:
        ids = [n["@id"] for n in o["@graph"]]
        assert len(ids) == len(set(ids)), "a subject twice in " + o["@id"]
PY
echo "ok: JSON-LD streams, read back by jsonld.js to the N-Quads' statements"

# Grouped: read in document order, each subject of the Turtle is one run
# of statements (one block), and in the TriG each graph is one block and
# each subject one run within its graph; a subject's types come first.
runs_twice() { uniq | LC_ALL=C sort | uniq -d | head -3; }
subjects_once() { # FILE.ttl
  serdi -i turtle -o ntriples "$1" | awk '{ print $1 }' | runs_twice
}
graph_blocks_once() { # FILE.trig
  serdi -i trig -o nquads "$1" | sed -E 's/.* (<[^>]*>) \.$/\1/' | runs_twice
}
graph_subjects_once() { # FILE.trig
  serdi -i trig -o nquads "$1" | sed -E 's/^([^ ]*) .* (<[^>]*>) \.$/\2 \1/' | runs_twice
}
again=$(subjects_once "$tmp/x.ttl")
[ -z "$again" ] || fail "turtle: subjects in more than one block: $again"
again=$(graph_blocks_once "$tmp/x.trig")
[ -z "$again" ] || fail "trig: graphs in more than one block: $again"
again=$(graph_subjects_once "$tmp/x.trig")
[ -z "$again" ] || fail "trig: subjects in more than one block of a graph: $again"
awk '/^delegation:ukraine-delegation-2025-03-23$/ { getline; print; exit }' "$tmp/x.ttl" |
  grep -q '^	a ent:Delegation' || fail "turtle: a subject's block does not start with its types"
echo "ok: Turtle and TriG write each subject (and each TriG graph) in one block"

# A generated dataset with many graphs, hostile text and every script:
# streamed Turtle and TriG against the streamed N-Quads.
"$ENTENTE_SRC/tests/bench/gen" 3000 "$tmp/g.xml" --seed=7
"$ENTENTE" export "$tmp/g.xml" -q -w -f nquads -o "$tmp/g.nq"
"$ENTENTE" export "$tmp/g.xml" -q -w -f turtle -o "$tmp/g.ttl"
"$ENTENTE" export "$tmp/g.xml" -q -w -f trig --threads 1 -o "$tmp/g1.trig"
"$ENTENTE" export "$tmp/g.xml" -q -w -f trig --threads 2 -o "$tmp/g2.trig"
cmp -s "$tmp/g1.trig" "$tmp/g2.trig" || fail "TriG differs between one and two threads"
"$ENTENTE" export "$tmp/g.xml" -q -w -f jsonld --threads 1 -o "$tmp/g1.jsonld"
"$ENTENTE" export "$tmp/g.xml" -q -w -f jsonld --threads 2 -o "$tmp/g2.jsonld"
cmp -s "$tmp/g1.jsonld" "$tmp/g2.jsonld" || fail "JSON-LD differs between one and two threads"
canon nquads "$tmp/g.nq" >"$tmp/gq"
sed -E 's/ <[^>]*> \.$/ ./' "$tmp/gq" | LC_ALL=C sort -u >"$tmp/gt"
canon turtle "$tmp/g.ttl" | LC_ALL=C sort -u | cmp -s - "$tmp/gt" ||
  fail "generated turtle: other triples than the N-Quads"
canon trig "$tmp/g1.trig" | cmp -s - "$tmp/gq" || fail "generated trig: other statements"
canon_rapper trig "$tmp/g1.trig" | cmp -s - "$tmp/gq" || fail "generated trig: rapper reads other statements"
canon_jsonld "$tmp/g1.jsonld" | cmp -s - "$tmp/gq" || fail "generated jsonld: jsonld.js reads other statements"
echo "ok: a generated dataset streams to the same statements in every syntax"

# Streamed as built in memory: the streamed N-Triples and N-Quads say each
# statement once (what may recur across elements is remembered, what
# cannot is not), and the N-Triples hold the triples of the RDF/XML
# export, which is built from the whole graph in memory.
for input in "$data" "$tmp/g.xml"; do
  for f in nt nq; do
    "$ENTENTE" export "$input" -q -w --text-dir "$shared" -f $f -o "$tmp/s.$f"
    dup=$(LC_ALL=C sort "$tmp/s.$f" | uniq -d | head -1)
    [ -z "$dup" ] || fail "$input $f: a statement written twice: $dup"
  done
  "$ENTENTE" export "$input" -q -w --text-dir "$shared" -f rdfxml -o "$tmp/b.rdf"
  rapper -q -i rdfxml -o ntriples "$tmp/b.rdf" >"$tmp/b.nt"
  canon ntriples "$tmp/b.nt" | LC_ALL=C sort -u >"$tmp/b.sorted"
  canon ntriples "$tmp/s.nt" | cmp -s - "$tmp/b.sorted" ||
    fail "$input: the streamed N-Triples differ from the RDF/XML built in memory"
done
echo "ok: streaming writes each statement once, the triples of the in-memory export"

# Streaming keeps a fingerprint of each ID, not the ID: an ID defined twice
# (in two elements, or in two datasets) is found where two definitions
# share a fingerprint, by a third pass that reads those IDs exactly.  The
# error names both places, once; nothing is written.
"$ENTENTE_SRC/tests/bench/gen" 60 "$tmp/s.xml" --seed=3
"$ENTENTE_SRC/tests/bench/gen" 60 "$tmp/t.xml" --seed=4 --prefix=t-
ids=$(grep -o '<official id="[^"]*"' "$tmp/s.xml" | cut -d'"' -f2 | head -2)
first=$(echo "$ids" | sed -n 1p); second=$(echo "$ids" | sed -n 2p)
first_line=$(grep -n "<official id=\"$first\"" "$tmp/s.xml" | cut -d: -f1)
sed "s/<official id=\"$second\"/<official id=\"$first\"/" "$tmp/s.xml" >"$tmp/dup.xml"
status=0
"$ENTENTE" export "$tmp/dup.xml" -q -w -f ntriples -o "$tmp/dup.nt" 2>"$tmp/dup.err" || status=$?
[ $status = 65 ] || fail "an ID defined twice: exit $status, not 65"
[ ! -e "$tmp/dup.nt" ] || fail "an ID defined twice: a file was written"
[ "$(grep -c "ID '$first' is already used by the official at .*dup.xml:$first_line:1; IDs must be unique" "$tmp/dup.err")" = 1 ] ||
  fail "an ID defined twice: not said once with the first definition's line: $(cat "$tmp/dup.err")"
[ "$(wc -l <"$tmp/dup.err")" = 1 ] || fail "an ID defined twice: other messages: $(cat "$tmp/dup.err")"
other=$(grep -o '<official id="t-[^"]*"' "$tmp/t.xml" | cut -d'"' -f2 | head -1)
sed "s/<official id=\"$other\"/<official id=\"$first\"/" "$tmp/t.xml" >"$tmp/dup2.xml"
status=0
"$ENTENTE" export "$tmp/s.xml" "$tmp/dup2.xml" -q -w -f nquads -o "$tmp/dup.nq" 2>"$tmp/dup.err" || status=$?
[ $status = 65 ] || fail "an ID of two datasets: exit $status, not 65"
grep -q "ID '$first' is already defined by another dataset, as the official at .*s.xml:$first_line" "$tmp/dup.err" ||
  fail "an ID of two datasets: $(cat "$tmp/dup.err")"
echo "ok: an ID defined twice is found by its fingerprint and named with both places"

# Past the grouping window (32,768 statements or 4 MB of their text):
# windows one after the other (each written while the next fills), the
# same statements, the same bytes in one thread or two.  (Under valgrind: too slow, and the code is the same.)
case "$ENTENTE" in
  *entente-valgrind) ;;
  *)
    "$ENTENTE_SRC/tests/bench/gen" 5000 "$tmp/w.xml" --seed=3
    "$ENTENTE" export "$tmp/w.xml" -q -w -f nquads -o "$tmp/w.nq"
    "$ENTENTE" export "$tmp/w.xml" -q -w -f turtle --threads 1 -o "$tmp/w1.ttl"
    "$ENTENTE" export "$tmp/w.xml" -q -w -f turtle --threads 2 -o "$tmp/w2.ttl"
    "$ENTENTE" export "$tmp/w.xml" -q -w -f trig -o "$tmp/w.trig"
    "$ENTENTE" export "$tmp/w.xml" -q -w -f jsonld -o "$tmp/w.jsonld"
    cmp -s "$tmp/w1.ttl" "$tmp/w2.ttl" || fail "windowed Turtle differs between one and two threads"
    canon nquads "$tmp/w.nq" >"$tmp/wq"
    [ "$(wc -l <"$tmp/wq")" -gt 65536 ] || fail "the window test's dataset is smaller than two windows"
    sed -E 's/ <[^>]*> \.$/ ./' "$tmp/wq" | LC_ALL=C sort -u >"$tmp/wt"
    canon turtle "$tmp/w1.ttl" | LC_ALL=C sort -u | cmp -s - "$tmp/wt" ||
      fail "windowed turtle: other triples than the N-Quads"
    canon trig "$tmp/w.trig" | cmp -s - "$tmp/wq" || fail "windowed trig: other statements"
    canon_jsonld "$tmp/w.jsonld" | cmp -s - "$tmp/wq" || fail "windowed jsonld: other statements"
    echo "ok: Turtle, TriG and JSON-LD past one window hold the N-Quads' statements" ;;
esac

# RDF/XML and RDF/JSON past the buffered limit: refused, nothing written.
for f in rdfxml rdfjson; do
  rc=0
  "$ENTENTE" export "$data" -q -w --text-dir "$shared" -f $f --buffered-limit 1000 \
    -o "$tmp/big.$f" 2>"$tmp/err" || rc=$?
  [ $rc = 74 ] || fail "$f past the limit: exit $rc, want 74"
  grep -q "too many for RDF/.*write ntriples, nquads, turtle, trig or jsonld" "$tmp/err" ||
    fail "$f past the limit: $(cat "$tmp/err")"
  [ ! -e "$tmp/big.$f" ] || fail "$f past the limit: a file was left"
  "$ENTENTE" export "$data" -q -w --text-dir "$shared" -f $f --buffered-limit 100000 \
    -o "$tmp/ok.$f" || fail "$f under a raised limit"
done
rc=0
"$ENTENTE" export "$data" -f turtle --buffered-limit 5 -o "$tmp/z.ttl" 2>"$tmp/err" || rc=$?
[ $rc = 64 ] && grep -q "applies to -f rdfxml and rdfjson" "$tmp/err" ||
  fail "--buffered-limit with turtle: exit $rc: $(cat "$tmp/err")"
echo "ok: RDF/XML and RDF/JSON are refused past the limit, with the streaming syntaxes named"

# Progress: each phase with --progress (stderr is no terminal here), with
# totals; nothing with -q.
"$ENTENTE" export "$tmp/g.xml" -w --progress -f turtle -o "$tmp/p.ttl" 2>"$tmp/err"
grep -q '^entente: checking and indexing .*100% (.* MB), [0-9]* elements$' "$tmp/err" ||
  fail "no indexing progress: $(cat "$tmp/err")"
grep -q '^entente: writing 100% (.*), [0-9]* elements, [0-9]* statements' "$tmp/err" ||
  fail "no writing progress: $(cat "$tmp/err")"
"$ENTENTE" validate "$tmp/g.xml" -w --progress >/dev/null 2>"$tmp/err"
grep -q '^entente: reading 100% (.* of .* MB), [0-9]* elements$' "$tmp/err" ||
  fail "no reading progress with its total: $(cat "$tmp/err")"
# Several datasets: one total for all of them.
"$ENTENTE" export "$tmp/g.xml" "$tmp/t.xml" -w --progress -f rdfxml -o "$tmp/p.rdf" 2>"$tmp/err"
total=$(( $(stat -c %s "$tmp/g.xml") + $(stat -c %s "$tmp/t.xml") ))
want=$(awk -v b=$total 'BEGIN { printf "%.1f", b / 1048576 }')
grep -q "^entente: reading 100% ($want of $want MB)" "$tmp/err" ||
  fail "reading two datasets: not one total of $want MB: $(cat "$tmp/err")"
"$ENTENTE" export "$tmp/g.xml" -w -q --progress -f turtle -o "$tmp/p.ttl" 2>"$tmp/err"
[ ! -s "$tmp/err" ] || fail "-q still shows: $(cat "$tmp/err")"
"$ENTENTE" export "$tmp/g.xml" -w -f turtle -o "$tmp/p.ttl" 2>"$tmp/err"
[ ! -s "$tmp/err" ] || fail "progress without a terminal or --progress: $(cat "$tmp/err")"
# entente dot takes -q as the others do.
"$ENTENTE" dot "$tmp/p.ttl" -w --progress -f dot -o "$tmp/p.dot" 2>"$tmp/err"
grep -q "^entente: building the diagram" "$tmp/err" || fail "dot --progress: $(cat "$tmp/err")"
"$ENTENTE" dot "$tmp/p.ttl" -w -q --progress -f dot -o "$tmp/p.dot" 2>"$tmp/err"
[ ! -s "$tmp/err" ] || fail "dot -q still shows: $(cat "$tmp/err")"
echo "ok: progress of every phase with --progress, none with -q or off a terminal"

# Literals in Unicode normalization form C (RDF 1.1): names, titles and
# quotes typed with combining marks (NFD, as macOS writes file names and
# some editors text) come out composed, streamed or read whole alike, so
# that a query for "José" finds them.  The quote is checked against a
# text that has it composed.
acute=$(printf '\xcc\x81') grave=$(printf '\xcc\x80')
tilde=$(printf '\xcc\x83') diaeresis=$(printf '\xcc\x88')
sed -e "s|<name>Rustem Umerov</name>|<name>Jose${acute} Nu${acute}n${tilde}ez</name>|" \
  -e "s|<name>Ukraine</name>|<name>Украі${diaeresis}на</name>|" \
  -e "s|title=\"Defence Minister\"|title=\"Ministre de la De${acute}fense\"|" \
  -e "s|>bring about a just peace<|>bring about a just peace, dit-il, de${acute}ja${grave}<|" \
  -e "s|<source id=\"report\" |<source id=\"report\" url=\"https://e.example/Jose${acute}.html\" |" \
  "$ENTENTE_SRC/tests/good/minimal.xml" >"$tmp/nfd.xml"
grep -q "Jose${acute}" "$tmp/nfd.xml" && grep -q "De${acute}fense" "$tmp/nfd.xml" ||
  fail "the NFD dataset was not made"
printf 'They will bring about a just peace, dit-il, d\xc3\xa9j\xc3\xa0 today.\n' >"$tmp/minimal.txt"
"$ENTENTE" export "$tmp/nfd.xml" -f nquads -o "$tmp/nfd.nq" 2>"$tmp/err" ||
  fail "NFD dataset: $(cat "$tmp/err")"
"$ENTENTE" export "$tmp/nfd.xml" -f jsonld -o "$tmp/nfd.jsonld" 2>"$tmp/err" ||
  fail "NFD dataset, JSON-LD: $(cat "$tmp/err")"
for f in nfd.nq nfd.jsonld; do
  ! grep -v "e.example/Jose" "$tmp/$f" | grep -q -e "$acute" -e "$grave" -e "$tilde" -e "$diaeresis" ||
    fail "$f: combining marks left: $(grep -e "$acute" -e "$grave" -e "$tilde" -e "$diaeresis" "$tmp/$f")"
done
for want in 'José Núñez' 'Україна' 'Ministre de la Défense' 'bring about a just peace, dit-il, déjà'; do
  grep -q "\"$want" "$tmp/nfd.nq" || fail "N-Quads: no composed '$want'"
done
# A link is an IRI, compared byte for byte: kept as written.
grep -q "<https://e.example/Jose${acute}.html>" "$tmp/nfd.nq" || fail "the url was changed: $(grep 'e.example' "$tmp/nfd.nq")"
canon nquads "$tmp/nfd.nq" | uniq >"$tmp/nfd.canon"
[ "$(canon_jsonld "$tmp/nfd.jsonld")" = "$(cat "$tmp/nfd.canon")" ] ||
  fail "NFD dataset: JSON-LD (read whole) and N-Quads (streamed) differ"
echo "ok: literals typed decomposed (NFD) written composed (NFC), streamed and whole"
