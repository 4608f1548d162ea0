#!/usr/bin/env bash
# The exporter loads the ontology and refuses to write an ent: term it does
# not declare; a broken ontology is reported with its location.
set -euo pipefail
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
data="$ENTENTE_SRC/data" # the corpus: its registry and its articles
onto="$ENTENTE_SRC/ontology/entente.ttl"

# The ontology file itself, given explicitly, gives the same output as the
# built-in copy.
"$ENTENTE" export "$data" -f ntriples >"$tmp/builtin.nt"
"$ENTENTE" export "$data" -f ntriples --ontology "$onto" >"$tmp/file.nt"
cmp -s "$tmp/builtin.nt" "$tmp/file.nt" || fail "--ontology with the shipped file changes the output"

# undeclare TERM: a copy of the ontology in which TERM has no rdf:type.
undeclare() {
  awk -v term="$1" '$1 == term { inside = 1 } inside && /^ +a +/ { inside = 0; next } { print }' \
    "$onto" >"$tmp/$2.ttl"
  ! grep -A1 "^$1\$" "$tmp/$2.ttl" | grep -q ' a ' || fail "could not undeclare $1"
}

check_refusal() { # TERM NAME [EXIT MESSAGE]
  undeclare "$1" "$2"
  local want_rc=${3:-78} want_message=${4:-"error: $1 is not declared in the ontology"}
  for format in turtle ntriples nquads trig jsonld rdfxml rdfjson; do
    printf 'old\n' >"$tmp/out.$format"
    set +e
    "$ENTENTE" export "$data" -f "$format" --ontology "$tmp/$2.ttl" -o "$tmp/out.$format" 2>"$tmp/err"
    rc=$?
    "$ENTENTE" export "$data" -f "$format" --ontology "$tmp/$2.ttl" >"$tmp/stdout" 2>/dev/null
    set -e
    [ "$rc" = "$want_rc" ] || fail "$1 undeclared, $format: exit $rc, want $want_rc"
    grep -q -- "$want_message" "$tmp/err" ||
      fail "$1 undeclared, $format: message: $(cat "$tmp/err")"
    [ "$(cat "$tmp/out.$format")" = old ] || fail "$1 undeclared, $format: output file changed"
    [ ! -s "$tmp/stdout" ] || fail "$1 undeclared, $format: something was written to stdout"
  done
  echo "ok: refuses to write undeclared $1"
}
check_refusal ent:deathsAtLeast no-deaths-at-least   # a datatype property
check_refusal ent:Incident no-incident               # a class
# A class entities are made of, undeclared, is the ontology's fault, said
# once at its first use (it was blamed on the dataset: "represents of
# 'ukraine-delegation' must be an Actor, but 'ukraine' is a country").
check_refusal ent:Country no-country 78 "error: ent:Country is not declared in the ontology"
[ "$(grep -c 'ent:Country is not declared' "$tmp/err")" = 1 ] || fail "ent:Country undeclared: said more than once: $(cat "$tmp/err")"
! grep -q "must be an Actor" "$tmp/err" || fail "ent:Country undeclared: blamed on the dataset: $(cat "$tmp/err")"
set +e
"$ENTENTE" validate "$ENTENTE_SRC/tests/good/minimal.xml" --ontology "$tmp/no-country.ttl" >/dev/null 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 78 ] && grep -q "minimal.xml:[0-9]*:[0-9]*: error: ent:Country is not declared in the ontology" "$tmp/err" &&
  ! grep -q "must be an Actor" "$tmp/err" ||
  fail "validate with ent:Country undeclared: exit $rc, $(cat "$tmp/err")"
# A property the ontology lacks is said once, at its first use, however
# often the corpus uses it (ent:headOf: every head of a body, every
# delegation's leader).
undeclare ent:headOf no-head-of
set +e
"$ENTENTE" validate "$data" --ontology "$tmp/no-head-of.ttl" >/dev/null 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 78 ] && [ "$(grep -c 'property ent:headOf is not declared in the ontology' "$tmp/err")" = 1 ] ||
  fail "ent:headOf undeclared: exit $rc, want 78 and one error: $(head -5 "$tmp/err")"

# An ontology that declares none of entente's terms (empty, or another
# vocabulary) is refused at its own name, once, by every command that
# builds a model on it, before any dataset line is blamed for it.
: >"$tmp/empty.ttl"
printf '%s\n' '@prefix ex: <http://example.org/v#> .' \
  '@prefix owl: <http://www.w3.org/2002/07/owl#> .' \
  '@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .' \
  'ex:knows a owl:ObjectProperty ; rdfs:label "knows well"@en .' >"$tmp/other.ttl"
for ont in empty other; do
  for cmd in "validate $data" "export $data -f turtle -o $tmp/none.ttl" "site $data -O $tmp/site"; do
    set +e
    # shellcheck disable=SC2086 # the command's words
    "$ENTENTE" $cmd --ontology "$tmp/$ont.ttl" >/dev/null 2>"$tmp/err"; rc=$?
    set -e
    [ "$rc" = 78 ] && [ "$(wc -l <"$tmp/err")" = 1 ] &&
      grep -q "^$tmp/$ont.ttl: error: the ontology declares none of entente's classes and properties" "$tmp/err" ||
      fail "$ont ontology, ${cmd%% *}: exit $rc, want 78 and one error at the ontology: $(head -3 "$tmp/err")"
  done
  [ ! -e "$tmp/none.ttl" ] && [ ! -e "$tmp/site" ] || fail "$ont ontology: something was written"
done
# A diagram of other RDF labels its edges from any vocabulary.
printf '%s\n' '@prefix ex: <http://example.org/v#> .' 'ex:a ex:knows ex:b .' >"$tmp/g.ttl"
"$ENTENTE" dot "$tmp/g.ttl" -f dot --ontology "$tmp/other.ttl" >"$tmp/g.dot" 2>"$tmp/err" &&
  grep -q "knows well" "$tmp/g.dot" || fail "dot --ontology with another vocabulary: $(cat "$tmp/err")"
echo "ok: an ontology without entente's terms is refused once, at its name; dot takes any"

# A controlled value the ontology lacks is refused when the graph is built.
check_refusal ent:format-proximity no-proximity 65 \
  "error: 'proximity' is not a NegotiationFormat the ontology declares"

# A syntax error in the ontology is reported at its line.
sed '20s/$/ @@@ broken/' "$onto" >"$tmp/broken.ttl"
set +e
"$ENTENTE" validate "$data" --ontology "$tmp/broken.ttl" 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 78 ] || fail "broken ontology: exit $rc, want 78"
grep -q "broken.ttl:20:[0-9]*: error: ontology: " "$tmp/err" || fail "broken ontology: $(cat "$tmp/err")"

# A missing ontology file.
set +e
"$ENTENTE" validate "$data" --ontology "$tmp/missing.ttl" 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 66 ] || fail "missing ontology: exit $rc, want 66"
grep -q "missing.ttl: error: cannot open" "$tmp/err" || fail "missing ontology: $(cat "$tmp/err")"
echo "ontology checks passed"

# A deep hierarchy is walked whole: Official under a chain of 200 classes
# (and a cycle back), every one of them written as a type of an official.
{
  cat "$onto"
  echo '@prefix ex: <https://example.org/deep#> .'
  echo 'ent:Official rdfs:subClassOf ex:C1 .'
  for i in $(seq 1 199); do echo "ex:C$i rdfs:subClassOf ex:C$((i + 1)) ."; done
  echo 'ex:C200 rdfs:subClassOf ex:C1 .'
} >"$tmp/deep.ttl"
"$ENTENTE" export "$data" -f ntriples --ontology "$tmp/deep.ttl" -o "$tmp/deep.nt"
official='<https://w3id.org/entente/id/official/umerov>'
[ "$(grep -F "$official <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://example.org/deep#C" "$tmp/deep.nt" | wc -l)" = 200 ] ||
  fail "a 200-class hierarchy was not walked whole: $(grep -cF "$official <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://example.org/deep#C" "$tmp/deep.nt")"

# Each statement once, whatever the ontology: an official's same-as IRI
# (written without its entity) is the IRI of its country (written with
# it), under one predicate when ent:nationality is made a sub-property of
# owl:sameAs.  The whole-graph count (validate) is the number of distinct
# statements the streamed N-Triples hold.
{
  cat "$onto"
  echo 'ent:nationality rdfs:subPropertyOf owl:sameAs .'
} >"$tmp/same.ttl"
sed 's|<name>Rustem Umerov</name>|<name>Rustem Umerov</name><same-as>https://example.org/id/country/ukraine</same-as>|' \
  "$ENTENTE_SRC/tests/good/minimal.xml" >"$tmp/same.xml"
cp "$ENTENTE_SRC/tests/good/minimal.txt" "$tmp/"
grep -q '<same-as>https://example.org/id/country/ukraine' "$tmp/same.xml" || fail "same-as case: the dataset was not changed"
counted=$("$ENTENTE" validate "$tmp/same.xml" --ontology "$tmp/same.ttl" | sed -E 's/.* ([0-9]+) statements$/\1/')
written=$("$ENTENTE" export "$tmp/same.xml" --ontology "$tmp/same.ttl" -f ntriples | LC_ALL=C sort -u | wc -l)
[ "$counted" = "$written" ] ||
  fail "an IRI with and without its entity under one predicate: validate counts $counted statements, the N-Triples hold $written"
echo "ok: a statement is counted once when an entity's IRI is also given as an IRI value"

# An ontology in RDF/XML or JSON-LD: a note says an ontology is read in
# Turtle only, and how to convert it (the error alone was "syntax error
# at '<'").
"$ENTENTE" ontology >"$tmp/own.ttl"
rapper -q -i turtle -o rdfxml "$tmp/own.ttl" >"$tmp/own.owl"
printf '{"@context": {}, "@graph": []}\n' >"$tmp/own.jsonld"
# N-Quads (in a named graph whose IRI holds "xmlns", as FOAF's does: it
# was taken for RDF/XML).
rapper -q -i turtle -o ntriples "$tmp/own.ttl" | sed 's| \.$| <http://xmlns.com/foaf/0.1/g> .|' >"$tmp/own.nq"
for f in own.owl:RDF/XML:rdfxml own.jsonld:'JSON(-LD)':jsonld own.nq:'N-Triples or N-Quads':nquads; do
  IFS=: read -r file looks from <<<"$f"
  set +e
  "$ENTENTE" validate "$ENTENTE_SRC/tests/good/minimal.xml" --ontology "$tmp/$file" >/dev/null 2>"$tmp/err"; rc=$?
  set -e
  [ "$rc" = 78 ] && grep -qF "$file: note: this looks like $looks; an ontology is read in Turtle only: convert it first (e.g. rapper -i $from -o turtle FILE > FILE.ttl)" "$tmp/err" ||
    fail "--ontology $file: exit $rc, $(cat "$tmp/err")"
done
# Broken Turtle whose first line is a whole N-Triples line: no N-Quads
# note either (it does not read as N-Quads).
printf '%s\n' '<http://a.example/x> <http://www.w3.org/2000/01/rdf-schema#label> "x" .' \
  '<http://a.example/y> a <http://www.w3.org/2002/07/owl#Class> ;' '  <http://www.w3.org/2000/01/rdf-schema#label> "y" ,, .' >"$tmp/broken.ttl"
set +e
"$ENTENTE" validate "$ENTENTE_SRC/tests/good/minimal.xml" --ontology "$tmp/broken.ttl" >/dev/null 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 78 ] && ! grep -q "looks like" "$tmp/err" || fail "--ontology broken.ttl: exit $rc, $(cat "$tmp/err")"
# A Turtle ontology that starts with an IRI and fails gets no such note.
printf '<http://example.org/x> a ,, .\n' >"$tmp/bad.ttl"
set +e
"$ENTENTE" validate "$ENTENTE_SRC/tests/good/minimal.xml" --ontology "$tmp/bad.ttl" >/dev/null 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 78 ] && ! grep -q "looks like" "$tmp/err" || fail "--ontology bad.ttl: exit $rc, $(cat "$tmp/err")"
echo "ok: an ontology in RDF/XML, JSON-LD or N-Quads is said to be read in Turtle only"
