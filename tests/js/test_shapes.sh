#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The SHACL shapes (ontology/entente-shapes.ttl) hold for entente's exports,
# checked by a real SHACL engine (shacl-engine, through shacl-validate.mjs):
# a fresh N-Quads export of the corpus in data/, the committed
# out/riyadh-march-2025.nq and every out/graphs/*.nq file must conform, and
# so must fresh exports of the single datasets outside the corpus
# (tests/good/*.xml, tests/store/riyadh-standalone.xml); the shapes must
# cover every class and predicate of each of them.
# Then deliberately broken copies of the fresh export must each be reported
# as non-conformant, naming the focus node, the path and the shape.
#
# Which data graph is validated.  SHACL validates one data graph; an
# N-Quads export is a dataset whose graphs hold what each source says,
# while an entity's type and name are in the corpus graph.  So:
#  - a whole export (fresh or committed) is validated as the union of all
#    its graphs, merged into the default graph (the RDF merge: every
#    statement once, whatever graphs hold it);
#  - a per-graph file of out/graphs/ is validated with the corpus graph's
#    file (out/graphs/riyadh-march-2025.nq) merged in: together they are
#    what an export of that one article holds (entente writes the corpus
#    graph in every export; an article may refer to its own entities and
#    the registry's only).  An article's graph alone does not conform, and
#    is not meant to: the classes of the registry entities it talks about
#    (sh:class of the values) are in the corpus graph.  The corpus graph's
#    file is validated on its own too.
# The shapes need no reasoning (no ontology in the data graph): the
# exporter writes every standard superclass, and the shapes check those.
set -euo pipefail

: "${ENTENTE:?run through ctest (ENTENTE is not set)}"
: "${ENTENTE_SRC:?run through ctest (ENTENTE_SRC is not set)}"
js="$ENTENTE_SRC/tests/js"
shapes="$ENTENTE_SRC/ontology/entente-shapes.ttl"
out="$ENTENTE_SRC/out"

failures=0
fail() {
  echo "   FAIL: $*"
  failures=$((failures + 1))
}
step() { echo "== $*"; }

command -v node >/dev/null || { echo "test_shapes: node is not installed: run scripts/setup" >&2; exit 1; }
for module in shacl-engine n3 @rdfjs/data-model @rdfjs/dataset; do
  [ -f "$js/node_modules/$module/package.json" ] ||
    { echo "test_shapes: tests/js/node_modules has no $module: run scripts/setup-js" >&2; exit 1; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/entente-shapes.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

validate() { node "$js/shacl-validate.mjs" "$@"; }

step "export the corpus (N-Quads: the whole, and one file per graph)"
"$ENTENTE" export "$ENTENTE_SRC/data" -q -w -f nquads -o "$tmp/all.nq"
mkdir "$tmp/graphs"
"$ENTENTE" export "$ENTENTE_SRC/data" -q -w -f nquads -O "$tmp/graphs"
echo "   $(wc -l <"$tmp/all.nq") quads; $(find "$tmp/graphs" -name '*.nq' | wc -l) graph files"
step "export the single datasets"
datasets=("$ENTENTE_SRC"/tests/good/*.xml "$ENTENTE_SRC/tests/store/riyadh-standalone.xml")
for d in "${datasets[@]}"; do
  "$ENTENTE" export "$d" -q -w -f nquads -o "$tmp/dataset-$(basename "$d" .xml).nq"
done
echo "   ${#datasets[@]} datasets"

# per_graph_sets NAME DIR: --set arguments for each graph file of DIR with
# the corpus graph's file merged in, and for the corpus graph's file alone.
corpus_id=$(xmllint --xpath 'string(/*[local-name()="corpus"]/@id)' "$ENTENTE_SRC/data/corpus.xml")
[ -n "$corpus_id" ] || { echo "test_shapes: data/corpus.xml has no id" >&2; exit 1; }
per_graph_sets() {
  local name=$1 dir=$2 f base
  [ -f "$dir/$corpus_id.nq" ] || { fail "$dir has no corpus graph file $corpus_id.nq"; return; }
  for f in "$dir"/*.nq; do
    base=$(basename "$f" .nq)
    if [ "$base" = "$corpus_id" ]; then
      sets+=(--set "$name/$base" "$f")
    else
      sets+=(--set "$name/$base+corpus" "$f" "$dir/$corpus_id.nq")
    fi
  done
}

step "the fresh export as an Oxigraph store gives it back"
# A user validates what a store holds: Oxigraph keeps some literals in a
# canonical form (a death toll's xsd:nonNegativeInteger comes back as
# xsd:integer), and the shapes must hold for that too.
node "$js/rdf-to-nquads.mjs" oxigraph "$tmp/all.nq" >"$tmp/oxigraph.nq"
[ "$(wc -l <"$tmp/oxigraph.nq")" -eq "$(wc -l <"$tmp/all.nq")" ] ||
  fail "Oxigraph gave back $(wc -l <"$tmp/oxigraph.nq") quads of the export's $(wc -l <"$tmp/all.nq")"
echo "   $(grep -c 'XMLSchema#integer>' "$tmp/oxigraph.nq" || true) literals came back as xsd:integer"

step "every export conforms, and the shapes cover every class and predicate"
sets=(--set fresh "$tmp/all.nq" --set committed "$out/riyadh-march-2025.nq"
  --set fresh-through-oxigraph "$tmp/oxigraph.nq")
for d in "${datasets[@]}"; do
  sets+=(--set "dataset/$(basename "$d" .xml)" "$tmp/dataset-$(basename "$d" .xml).nq")
done
per_graph_sets fresh-graphs "$tmp/graphs"
per_graph_sets out/graphs "$out/graphs"
rc=0
validate --coverage "$shapes" "${sets[@]}" >"$tmp/good.txt" 2>&1 || rc=$?
sed -n '/: /p' "$tmp/good.txt" | grep -v $'\t' | sed 's/^/   /'
if [ "$rc" -ne 0 ]; then
  fail "an export does not conform to the shapes (exit $rc):"
  grep $'\t' "$tmp/good.txt" | head -40 | sed 's/^/        /'
  grep -v ': conforms\|: does not conform' "$tmp/good.txt" | grep -v $'\t' | head -20 | sed 's/^/        /'
fi
nsets=$(printf '%s\n' "${sets[@]}" | grep -cxF -- --set)
[ "$(grep -c ': conforms (' "$tmp/good.txt")" -eq "$nsets" ] ||
  fail "not all of the $nsets data graphs were validated and found conformant"

# Broken copies of the fresh export --------------------------------------
ENT=https://w3id.org/entente/ns#
ID=https://w3id.org/entente/id/
SHAPE=https://w3id.org/entente/shapes#
SH=http://www.w3.org/ns/shacl#
TYPE=http://www.w3.org/1999/02/22-rdf-syntax-ns#type

# 1. Every schema:name of every person removed.
awk -v type="<$TYPE>" '
  NR == FNR { if ($2 == type && $3 == "<http://schema.org/Person>") person[$1] = 1; next }
  !($2 == "<http://schema.org/name>" && ($1 in person))' \
  "$tmp/all.nq" "$tmp/all.nq" >"$tmp/no-person-names.nq"
persons=$(awk -v type="<$TYPE>" '$2 == type && $3 == "<http://schema.org/Person>" { print $1 }' "$tmp/all.nq" | sort -u | wc -l)

# 2. A post given a literal where an IRI (its body) is required.
post="${ID}post/karasin/federation-council-foreign-affairs-committee/chair"
sed "s|^<$post> <${ENT}postIn> <[^>]*>|<$post> <${ENT}postIn> \"Foreign Affairs Committee\"@en|" \
  "$tmp/all.nq" >"$tmp/post-literal.nq"

# 3. A controlled value the ontology does not declare.
sed "s|<${ENT}negotiationStatus> <${ENT}negotiation-planned>|<${ENT}negotiationStatus> <${ENT}negotiation-postponed>|" \
  "$tmp/all.nq" >"$tmp/unknown-concept.nq"

# 4. A standard superclass not written (the export rule): Karasin is no
#    prov:Agent.
karasin="${ID}official/karasin"
grep -vF "<$karasin> <$TYPE> <http://www.w3.org/ns/prov#Agent> " "$tmp/all.nq" >"$tmp/no-superclass.nq"

# 5. A standard super-property not written: org:holds dropped everywhere,
#    ent:holdsPost kept.
grep -vF "> <http://www.w3.org/ns/org#holds> <" "$tmp/all.nq" >"$tmp/no-super-property.nq"

# 6. A topic's name given as an alias too: SKOS keeps a concept's
#    preferred and alternative labels apart.
topic="${ID}topic/black-sea-ceasefire"
SKOS=http://www.w3.org/2004/02/skos/core#
{ cat "$tmp/all.nq"
  grep -F "<$topic> <${SKOS}prefLabel> " "$tmp/all.nq" | sed "s|<${SKOS}prefLabel>|<${SKOS}altLabel>|"
} >"$tmp/alias-is-name.nq"

# 7. A death toll below zero, typed as a store gives it back.
rostov="${ID}incident/rostov-drone-strikes"
XSD=http://www.w3.org/2001/XMLSchema#
sed "s|^<$rostov> <${ENT}deaths> \"[0-9]*\"^^<${XSD}nonNegativeInteger>|<$rostov> <${ENT}deaths> \"-1\"^^<${XSD}integer>|" \
  "$tmp/all.nq" >"$tmp/negative-deaths.nq"

for broken in no-person-names post-literal unknown-concept no-superclass no-super-property alias-is-name negative-deaths; do
  cmp -s "$tmp/all.nq" "$tmp/$broken.nq" && fail "$broken: the copy is not broken (the export changed?)"
done

step "broken copies are reported, naming the focus node, path and shape"
rc=0
validate "$shapes" \
  --set no-person-names "$tmp/no-person-names.nq" \
  --set post-literal "$tmp/post-literal.nq" \
  --set unknown-concept "$tmp/unknown-concept.nq" \
  --set no-superclass "$tmp/no-superclass.nq" \
  --set no-super-property "$tmp/no-super-property.nq" \
  --set alias-is-name "$tmp/alias-is-name.nq" \
  --set negative-deaths "$tmp/negative-deaths.nq" >"$tmp/bad.txt" 2>&1 || rc=$?
[ "$rc" -eq 1 ] || fail "broken copies: exit $rc, want 1: $(head -5 "$tmp/bad.txt")"
grep -v $'\t' "$tmp/bad.txt" | sed 's/^/   /'

# reported SET FOCUS PATH SHAPE COMPONENT [VALUE]: the number of results of
# SET with that focus node ("*": any), path ("-": none), shape, constraint
# component and, if given, value.
reported() {
  awk -F '\t' -v set="$1" -v focus="$2" -v path="$3" -v shape="$4" -v comp="$5" -v value="${6-*}" '
    $1 == set && (focus == "*" || $3 == focus) && $4 == path && $5 == shape &&
      $6 == comp && (value == "*" || $7 == value) { n++ }
    END { print n + 0 }' "$tmp/bad.txt"
}
# expect SET FOCUS PATH SHAPE COMPONENT [VALUE]: at least one such result.
expect() {
  local n
  n=$(reported "$@")
  if [ "$n" -gt 0 ]; then
    echo "   $1: reported: $2 $3 $4 $5${6:+ $6}"
  else
    fail "$1: no result for focus $2, path $3, shape $4, component $5${6:+, value $6}; the report:"
    grep "^$1"$'\t' "$tmp/bad.txt" | head -10 | sed 's/^/        /'
  fi
}
for set in no-person-names post-literal unknown-concept no-superclass no-super-property alias-is-name negative-deaths; do
  grep -qxF "$set: does not conform" <(sed 's/ (.*//' "$tmp/bad.txt") ||
    fail "$set: not reported as non-conformant"
done

expect no-person-names "*" "<http://schema.org/name>" "<${SHAPE}name>" "<${SH}MinCountConstraintComponent>"
named=$(awk -F '\t' -v shape="<${SHAPE}name>" -v comp="<${SH}MinCountConstraintComponent>" \
  '$1 == "no-person-names" && $4 == "<http://schema.org/name>" && $5 == shape && $6 == comp { print $3 }' \
  "$tmp/bad.txt" | sort -u | wc -l)
if [ "$persons" -eq 0 ] || [ "$named" -ne "$persons" ]; then
  fail "no-person-names: $named persons reported without a name, the export has $persons"
fi
echo "   no-person-names: all $named persons reported"

expect post-literal "<$post>" "<${ENT}postIn>" "<${SHAPE}Post-postIn>" "<${SH}ClassConstraintComponent>" '"Foreign Affairs Committee"@en'
expect post-literal "<$post>" "<${ENT}postIn>" "<${SHAPE}Post-postIn>" "<${SH}NodeKindConstraintComponent>" '"Foreign Affairs Committee"@en'

monday="${ID}negotiation/us-russia-talks-2025-03-24"
expect unknown-concept "<$monday>" "<${ENT}negotiationStatus>" "<${SHAPE}Negotiation-status>" "<${SH}InConstraintComponent>" "<${ENT}negotiation-postponed>"

expect no-superclass "<$karasin>" "-" "<${SHAPE}Official>" "<${SH}ClassConstraintComponent>"

expect no-super-property "<$karasin>" "<${ENT}holdsPost>" "<${SHAPE}Official-holdsPost>" "<${SH}EqualsConstraintComponent>"

expect alias-is-name "<$topic>" "<${SKOS}prefLabel>" "<${SHAPE}prefLabel>" "<${SH}DisjointConstraintComponent>" '"Black Sea ceasefire"@en'

expect negative-deaths "<$rostov>" "<${ENT}deaths>" "<${SHAPE}Incident-deaths>" "<${SH}MinInclusiveConstraintComponent>" "\"-1\"^^<${XSD}integer>"

# Nothing else is reported for the broken copies than what was broken.
others=$(awk -F '\t' -v shape="<${SHAPE}" 'NF > 1 && index($5, shape) != 1' "$tmp/bad.txt" | wc -l)
[ "$others" -eq 0 ] || fail "results from shapes outside the shapes file: $others"
stray=$(awk -F '\t' '
  NF < 2 { next }
  $1 == "no-person-names" && $4 == "<http://schema.org/name>" { next }
  $1 == "post-literal" && $4 ~ /postIn>$/ { next }
  $1 == "unknown-concept" && $4 ~ /negotiationStatus>$/ { next }
  $1 == "no-superclass" { next }
  $1 == "no-super-property" && $4 ~ /holdsPost>$/ { next }
  $1 == "alias-is-name" && $4 ~ /prefLabel>$/ { next }
  $1 == "negative-deaths" && $4 ~ /#deaths>$/ { next }
  { print }' "$tmp/bad.txt")
[ -z "$stray" ] || fail "unexpected results for the broken copies:"$'\n'"$(head -10 <<<"$stray")"

if [ "$failures" -ne 0 ]; then
  echo "test_shapes: $failures check(s) FAILED" >&2
  exit 1
fi
echo "test_shapes: all checks passed"
