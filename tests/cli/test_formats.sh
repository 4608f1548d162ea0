#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Export the corpus in data/ (its registry and its eight articles) in all
# seven RDF formats and read every file back with independent parsers:
#   turtle, ntriples, nquads   rapper and serdi (strict)
#   trig                       rapper, serdi and N3.js
#   jsonld                     jsonld.js (safe mode, no remote document)
#   rdfxml                     rapper and rdflib
#   rdfjson (RDF/JSON)         rapper and the small RDF/JSON reader below
#                              (rdflib 6 has no RDF/JSON parser; its
#                              "json-ld" is a different format)
# Checks: clean exit and empty stderr from every tool; every parser counts
# exactly the M statements `entente validate` reports; `rapper -c` finds no
# error; the sorted, de-duplicated N-Triples of every format are identical;
# no relative IRI (a different base URI changes nothing); no blank node;
# every N-Quads statement is in the graph of a source or of the corpus,
# and the N-Quads hold exactly the N-Triples' statements; exports are
# deterministic; standard output and the extension guess of -o (out.nt ->
# ntriples, ...) give the same bytes as -f; TriG and JSON-LD hold exactly
# the N-Quads' quads; unknown or ambiguous formats and extensions, and an
# extension -f contradicts, are usage errors that write nothing; aliases
# and media types name formats; -o - and /dev/stdout write to standard
# output; NAME.gz is the gzip of the export; -O writes one file per article
# and one for the corpus graph, which together hold the same N-Quads.
#
# Needs ENTENTE and ENTENTE_SRC (set by ctest).  Every check runs; the
# script exits 1 if any failed, after listing them.

set -u -o pipefail
export LC_ALL=C

die() {
  echo "test_formats: $*" >&2
  exit 1
}

: "${ENTENTE:?test_formats: ENTENTE is not set (run through ctest)}"
: "${ENTENTE_SRC:?test_formats: ENTENTE_SRC is not set (run through ctest)}"
PY=/usr/bin/python3
DS=riyadh-march-2025
dataset="$ENTENTE_SRC/data"
texts=(--text-dir "${ENTENTE_SHARED:-$ENTENTE_SRC/../shared}")
[ -x "$ENTENTE" ] || die "ENTENTE=$ENTENTE is not an executable"
[ -r "$dataset/corpus.xml" ] || die "cannot read $dataset/corpus.xml"
for tool in serdi rapper "$PY"; do
  command -v "$tool" >/dev/null || die "$tool is not installed"
done
"$PY" -c 'import rdflib' 2>/dev/null || die "$PY has no rdflib"

tmp=$(mktemp -d) || die "mktemp failed"
trap 'rm -rf "$tmp"' EXIT

failed=0
fail() {
  echo "FAIL: $*" >&2
  failed=$((failed + 1))
}

# Show the start of a file that holds unexpected output.
show() {
  sed -n '1,10p' "$1" | sed 's/^/    | /' >&2
}

formats="turtle ntriples nquads trig rdfxml rdfjson jsonld"
ext() {
  case $1 in
    turtle) echo ttl ;;
    ntriples) echo nt ;;
    nquads) echo nq ;;
    trig) echo trig ;;
    rdfxml) echo rdf ;;
    rdfjson) echo rj ;;
    jsonld) echo jsonld ;;
  esac
}
# rapper's parser for each format ("": rapper has none).
rapper_name() {
  case $1 in
    rdfjson) echo json ;;
    jsonld) echo "" ;;
    *) echo "$1" ;;
  esac
}

# run_clean NAME CMD...: run CMD with stdout to $tmp/NAME.out; it must exit 0
# and print nothing on stderr.
run_clean() {
  local name=$1
  shift
  if ! "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"; then
    fail "\`$*\` exited non-zero"
    show "$tmp/$name.err"
    return 1
  fi
  if [ -s "$tmp/$name.err" ]; then
    fail "\`$*\` wrote to stderr"
    show "$tmp/$name.err"
    return 1
  fi
  return 0
}

count() {
  wc -l <"$1" | tr -d ' '
}

# The number of statements the model writes.
run_clean validate "$ENTENTE" validate "$dataset" "${texts[@]}" -w || die "validate failed"
M=$(sed -n 's/^.*: valid: [0-9]* entities, \([0-9][0-9]*\) statements.*$/\1/p' \
  "$tmp/validate.out")
if [ -z "$M" ] || [ "$M" -eq 0 ]; then
  show "$tmp/validate.out"
  die "cannot read the statement count from validate"
fi
echo "validate: $M statements"

mkdir "$tmp/a" "$tmp/b" "$tmp/dir" "$tmp/guess" "$tmp/parsed"

# --- export, twice, and the other ways of naming the output -------------
for f in $formats; do
  e=$(ext "$f")
  run_clean "export-$f" "$ENTENTE" export "$dataset" "${texts[@]}" -f "$f" -o "$tmp/a/$DS.$e"
  run_clean "again-$f" "$ENTENTE" export "$dataset" "${texts[@]}" -f "$f" -o "$tmp/b/$DS.$e"
  [ -s "$tmp/a/$DS.$e" ] || { fail "$f: export is empty or missing"; continue; }
  cmp -s "$tmp/a/$DS.$e" "$tmp/b/$DS.$e" ||
    fail "$f: two exports differ (not deterministic): $(cmp "$tmp/a/$DS.$e" "$tmp/b/$DS.$e" 2>&1)"
  # -o with only an extension: the format is guessed from it.
  run_clean "guess-$f" "$ENTENTE" export "$dataset" "${texts[@]}" -o "$tmp/guess/out.$e" &&
    { cmp -s "$tmp/a/$DS.$e" "$tmp/guess/out.$e" ||
      fail "-o out.$e (no -f) does not write $f"; }
done
# -O: one file per article (its sources' graphs) and one for the corpus
# graph; together the same quads as the one-file export.
run_clean export-dir "$ENTENTE" export "$dataset" "${texts[@]}" -f nquads -O "$tmp/dir"
n_articles=$(ls "$ENTENTE_SRC"/data/articles/*.xml | wc -l)
[ "$(ls "$tmp/dir"/*.nq | wc -l)" -eq $((n_articles + 1)) ] ||
  fail "-O wrote $(ls "$tmp/dir" | tr '\n' ' '), want one .nq per article and $DS.nq"
[ -s "$tmp/dir/$DS.nq" ] || fail "-O wrote no $DS.nq (the corpus graph)"
cat "$tmp/dir"/*.nq | sort >"$tmp/dir.sorted"
sort "$tmp/a/$DS.nq" | cmp -s - "$tmp/dir.sorted" ||
  fail "-O's files together hold other quads than the one-file N-Quads export"
run_clean stdout "$ENTENTE" export "$dataset" "${texts[@]}"
cmp -s "$tmp/a/$DS.ttl" "$tmp/stdout.out" ||
  fail "export to standard output differs from -f turtle -o FILE"

# --- parser 1: rapper, for every format ----------------------------------
alt_base=http://relative-iri.invalid/base/
for f in $formats; do
  file="$tmp/a/$DS.$(ext "$f")"
  [ -s "$file" ] || continue
  r=$(rapper_name "$f")
  [ -n "$r" ] || continue
  nt="$tmp/parsed/rapper.$f.nt"
  if run_clean "rapper-$f" rapper -q -i "$r" -o ntriples "$file"; then
    mv "$tmp/rapper-$f.out" "$nt"
    n=$(count "$nt")
    # N-Quads hold a statement once per source that makes it: without the
    # graphs, the same statement may come more than once.
    want=$M
    case $f in
      nquads | trig) want=$(count "$tmp/a/$DS.nq") ;;
    esac
    [ "$n" -eq "$want" ] || fail "$f: rapper read $n triples, want $want"
    sort -u "$nt" >"$tmp/parsed/canon.$f.nt"
    u=$(count "$tmp/parsed/canon.$f.nt")
    [ "$u" -eq "$M" ] || fail "$f: $u distinct statements, validate reported $M"
    [ "$f" = nquads ] || [ "$f" = trig ] || [ "$u" -eq "$n" ] ||
      fail "$f: $((n - u)) duplicate statements ($u distinct of $n)"
    if grep -E '^_:|^<[^>]*> <[^>]*> _:' "$nt" >"$tmp/bnodes"; then
      fail "$f: blank nodes in the export:"
      show "$tmp/bnodes"
    fi
    # Relative IRIs would resolve against the base: a different base must
    # change nothing.
    run_clean "rapper-base-$f" rapper -q -i "$r" -o ntriples "$file" "$alt_base" &&
      { cmp -s "$nt" "$tmp/rapper-base-$f.out" ||
        fail "$f: the parse depends on the base URI (relative IRIs written)"; }
  fi
  # Count mode: no error or warning, the same count.
  if rapper -c -i "$r" "$file" >"$tmp/count-$f.out" 2>"$tmp/count-$f.err"; then
    if grep -v -E '^rapper: Parsing (URI .* with parser '"$r"'|returned [0-9]+ triples)$' \
      "$tmp/count-$f.err" >"$tmp/count-$f.extra"; then
      fail "$f: rapper -c reports problems:"
      show "$tmp/count-$f.extra"
    fi
    c=$(sed -n 's/^rapper: Parsing returned \([0-9]*\) triples$/\1/p' "$tmp/count-$f.err")
    want=$M
    case $f in
      nquads | trig) want=$(count "$tmp/a/$DS.nq") ;;
    esac
    [ "$c" = "$want" ] || fail "$f: rapper -c counted '$c' triples, want $want"
  else
    fail "$f: rapper -c exited non-zero"
    show "$tmp/count-$f.err"
  fi
done

# --- parser 2: serdi for the formats it reads -----------------------------
for f in turtle ntriples nquads; do
  file="$tmp/a/$DS.$(ext "$f")"
  [ -s "$file" ] || continue
  run_clean "serdi-$f" serdi -i "$f" -o ntriples "$file" || continue
  n=$(count "$tmp/serdi-$f.out")
  want=$M
  [ "$f" = nquads ] && want=$(count "$file")
  [ "$n" -eq "$want" ] || fail "$f: serdi read $n statements, want $want"
  sort -u "$tmp/serdi-$f.out" >"$tmp/parsed/serdi.$f.nt"
  if [ -f "$tmp/parsed/canon.$f.nt" ] &&
    ! cmp -s "$tmp/parsed/serdi.$f.nt" "$tmp/parsed/canon.$f.nt"; then
    fail "$f: serdi and rapper read different statements:"
    diff "$tmp/parsed/serdi.$f.nt" "$tmp/parsed/canon.$f.nt" | sed -n '1,10p' >&2
  fi
  run_clean "serdi-base-$f" serdi -i "$f" -o ntriples "$file" "$alt_base" &&
    { cmp -s "$tmp/serdi-$f.out" "$tmp/serdi-base-$f.out" ||
      fail "$f: serdi's parse depends on the base URI (relative IRIs written)"; }
done

# --- parser 2: rdflib for RDF/XML, a small RDF/JSON reader for json -------
# Both also compare the graph they read with rdflib's reading of the
# N-Triples export (isomorphism, so the content matches, not only the count).
if [ -s "$tmp/a/$DS.rdf" ] && [ -s "$tmp/a/$DS.nt" ]; then
  if n=$("$PY" - "$tmp/a/$DS.rdf" "$tmp/a/$DS.nt" 2>"$tmp/rdflib-xml.err" <<'EOF'
import sys
from rdflib import Graph
from rdflib.compare import isomorphic
xml, nt = Graph(), Graph()
xml.parse(sys.argv[1], format="xml")
nt.parse(sys.argv[2], format="nt")
if not isomorphic(xml, nt):
    sys.exit("rdflib: the RDF/XML and N-Triples exports are different graphs: "
             f"{len(set(xml) - set(nt))} triples only in RDF/XML, "
             f"{len(set(nt) - set(xml))} only in N-Triples")
print(len(xml))
EOF
  ) && [ ! -s "$tmp/rdflib-xml.err" ]; then
    [ "$n" -eq "$M" ] || fail "rdfxml: rdflib read $n triples, validate reported $M"
  else
    fail "rdfxml: rdflib could not read the export cleanly"
    show "$tmp/rdflib-xml.err"
  fi
fi

if [ -s "$tmp/a/$DS.rj" ] && [ -s "$tmp/a/$DS.nt" ]; then
  if n=$("$PY" - "$tmp/a/$DS.rj" "$tmp/a/$DS.nt" 2>"$tmp/rdfjson.err" <<'EOF'
# A strict reader of RDF/JSON (W3C Note): {subject: {predicate: [object]}},
# object = {"type": "uri"|"bnode"|"literal", "value": ..., "lang"?, "datatype"?}.
import json
import sys
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

problems = []

def no_duplicate_keys(pairs):
    seen = set()
    for key, _ in pairs:
        if key in seen:
            problems.append(f"duplicate key {key!r} (a JSON reader keeps only one)")
        seen.add(key)
    return dict(pairs)

def node(value):
    return BNode(value[2:]) if value.startswith("_:") else URIRef(value)

try:
    with open(sys.argv[1], encoding="utf-8") as f:
        doc = json.load(f, object_pairs_hook=no_duplicate_keys)
except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
    sys.exit(f"RDF/JSON: cannot read {sys.argv[1]} as UTF-8 JSON: {e}")
graph, entries = Graph(), 0
if not isinstance(doc, dict):
    sys.exit("RDF/JSON: the top level is not an object")
for s, predicates in doc.items():
    if not isinstance(predicates, dict):
        problems.append(f"{s}: not an object of predicates")
        continue
    for p, objects in predicates.items():
        if p.startswith("_:") or not isinstance(objects, list) or not objects:
            problems.append(f"{s} {p}: bad predicate or empty/non-array objects")
            continue
        for o in objects:
            entries += 1
            keys = set(o) if isinstance(o, dict) else None
            if keys is None or not {"type", "value"} <= keys or \
                    not keys <= {"type", "value", "lang", "datatype"} or \
                    not isinstance(o["value"], str):
                problems.append(f"{s} {p}: malformed object {o!r}")
                continue
            t = o["type"]
            if t == "uri":
                obj = URIRef(o["value"])
            elif t == "bnode":
                obj = BNode(o["value"][2:])
            elif t == "literal":
                if "lang" in o and "datatype" in o:
                    problems.append(f"{s} {p}: literal with lang and datatype")
                obj = Literal(o["value"], lang=o.get("lang"),
                              datatype=URIRef(o["datatype"]) if "datatype" in o else None)
            else:
                problems.append(f"{s} {p}: unknown object type {t!r}")
                continue
            if t != "uri" and (t == "bnode") != o["value"].startswith("_:"):
                problems.append(f"{s} {p}: bnode value {o['value']!r}")
            if (t != "literal") and ("lang" in o or "datatype" in o):
                problems.append(f"{s} {p}: lang/datatype on a {t}")
            if s.startswith("_:") or t == "bnode":
                problems.append(f"blank node in {s} {p} {o['value']}")
            graph.add((node(s), URIRef(p), obj))
if entries != len(graph):
    problems.append(f"{entries} object entries but {len(graph)} distinct triples")
nt = Graph()
nt.parse(sys.argv[2], format="nt")
if not isomorphic(graph, nt):
    problems.append(f"not the N-Triples graph: {len(set(graph) - set(nt))} triples "
                    f"only in RDF/JSON, {len(set(nt) - set(graph))} only in N-Triples")
if problems:
    sys.exit("RDF/JSON: " + "\n  ".join(problems[:20]))
print(entries)
EOF
  ) && [ ! -s "$tmp/rdfjson.err" ]; then
    [ "$n" -eq "$M" ] || fail "json: the RDF/JSON reader counted $n triples, validate reported $M"
  else
    fail "json: the RDF/JSON reader rejected the export"
    show "$tmp/rdfjson.err"
  fi
fi

# --- TriG: serdi and N3.js; JSON-LD: jsonld.js -----------------------------
# Each reads the quads, graphs included, that the N-Quads export holds.
# Both sides go through serdi so that escapes are written one way.
canon_quads() { serdi -i nquads -o nquads - | sort -u; }
if [ -s "$tmp/a/$DS.nq" ]; then
  serdi -i nquads -o nquads "$tmp/a/$DS.nq" | sort -u >"$tmp/parsed/quads.ref"
  if [ -s "$tmp/a/$DS.trig" ] &&
    run_clean serdi-trig serdi -i trig -o nquads "$tmp/a/$DS.trig"; then
    sort -u "$tmp/serdi-trig.out" | cmp -s - "$tmp/parsed/quads.ref" ||
      fail "trig: serdi reads other quads than the N-Quads export"
  fi
  js="$ENTENTE_SRC/tests/js"
  if [ ! -d "$js/node_modules/jsonld" ] || [ ! -d "$js/node_modules/n3" ]; then
    fail "tests/js/node_modules has no jsonld or n3: run scripts/setup"
  else
    for f in trig jsonld; do
      file="$tmp/a/$DS.$(ext "$f")"
      [ -s "$file" ] || continue
      run_clean "js-$f" node "$js/rdf-to-nquads.mjs" "$f" "$file" || continue
      canon_quads <"$tmp/js-$f.out" >"$tmp/parsed/js.$f.nq"
      if ! cmp -s "$tmp/parsed/js.$f.nq" "$tmp/parsed/quads.ref"; then
        fail "$f: the JavaScript parser reads other quads than the N-Quads export (< $f, > nquads):"
        diff "$tmp/parsed/js.$f.nq" "$tmp/parsed/quads.ref" | sed -n '1,10p' >&2
      fi
    done
    # JSON-LD has no rapper parser: its triples for the comparison below.
    if [ -s "$tmp/parsed/js.jsonld.nq" ]; then
      rapper -q -i nquads -o ntriples "$tmp/parsed/js.jsonld.nq" | sort -u >"$tmp/parsed/canon.jsonld.nt"
    fi
  fi
  # One block per graph in TriG.
  blocks=$(grep -c '^<[^>]*> {$' "$tmp/a/$DS.trig" || true)
  graphs=$(awk '{ print $(NF-1) }' "$tmp/a/$DS.nq" | sort -u | wc -l)
  [ "$blocks" -eq "$graphs" ] || fail "trig: $blocks graph blocks for $graphs graphs"
  # The JSON-LD context is embedded and is the one shipped as a document.
  "$PY" - "$tmp/a/$DS.jsonld" "$ENTENTE_SRC/ontology/entente-context.jsonld" <<'EOF' ||
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
shipped = json.load(open(sys.argv[2], encoding="utf-8"))
if not isinstance(doc.get("@context"), dict):
    sys.exit("no embedded @context object")
if doc["@context"] != shipped.get("@context"):
    sys.exit("the embedded @context differs from ontology/entente-context.jsonld")
EOF
    fail "jsonld: the embedded context"
fi

# --- Hard cases for TriG and JSON-LD --------------------------------------
# Literals that end in quotes across a newline (serd 0.30 writes such a
# long string so that its own reader refuses it: entente writes short
# strings), and IRIs whose scheme is a prefix name of entente's JSON-LD
# context ("schema:foo" must stay that IRI, not become http://schema.org/foo).
cat >"$tmp/hard.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<dataset xmlns="https://w3id.org/entente/format/1" id="h" base="https://example.org/id/" xml:lang="en">
  <sources>
    <source id="r" url="schema:foo" published="2025-03-24"><title>T</title>
    <description>a
b"</description></source>
    <source id="s" published="2025-03-24"><title>"
""</title><description>x
\</description></source>
    <source id="t" published="2025-03-24"><title>""""
"""""</title><description>
"
</description></source>
  </sources>
  <countries>
    <country id="c1"><name>C</name><same-as>source:bar</same-as></country>
  </countries>
</dataset>
EOF
if run_clean hard-nq "$ENTENTE" export "$tmp/hard.xml" -f nquads; then
  canon_quads <"$tmp/hard-nq.out" >"$tmp/parsed/hard.ref"
  for f in trig jsonld; do
    run_clean "hard-$f" "$ENTENTE" export "$tmp/hard.xml" -f "$f" -o "$tmp/hard.$f" || continue
    if [ "$f" = trig ]; then
      serdi -i trig -o nquads "$tmp/hard.trig" 2>"$tmp/hard-serdi.err" | sort -u |
        cmp -s - "$tmp/parsed/hard.ref" || fail "hard cases: serdi reads other quads from the TriG: $(head -1 "$tmp/hard-serdi.err")"
    fi
    if [ -d "$ENTENTE_SRC/tests/js/node_modules/jsonld" ]; then
      node "$ENTENTE_SRC/tests/js/rdf-to-nquads.mjs" "$f" "$tmp/hard.$f" 2>"$tmp/hard-js.err" | canon_quads |
        cmp -s - "$tmp/parsed/hard.ref" || fail "hard cases: the JavaScript parser reads other quads from the $f: $(head -1 "$tmp/hard-js.err")"
    fi
  done
fi

# A base whose scheme is a prefix's name: the context's own namespaces
# would be read as compact IRIs (another IRI, or a cycle).
if [ -d "$ENTENTE_SRC/tests/js/node_modules/jsonld" ]; then
  for base in "schema:x/" "source:kg/"; do
    "$ENTENTE" export "$ENTENTE_SRC/tests/good/minimal.xml" --base "$base" -w -q -f nquads |
      canon_quads >"$tmp/parsed/base.ref"
    "$ENTENTE" export "$ENTENTE_SRC/tests/good/minimal.xml" --base "$base" -w -q -f jsonld -o "$tmp/base.jsonld"
    node "$ENTENTE_SRC/tests/js/rdf-to-nquads.mjs" jsonld "$tmp/base.jsonld" 2>"$tmp/base-js.err" | canon_quads |
      cmp -s - "$tmp/parsed/base.ref" || fail "base $base: jsonld.js reads other quads from the JSON-LD: $(head -1 "$tmp/base-js.err")"
  done
fi

# --- JSON-LD past one window ------------------------------------------------

# One graph's statements fill more than one window, and one statement (a
# 390 KB description) is longer than the writer's buffer.
"$PY" - "$tmp/big.xml" <<'PYEOF'
import sys
out = open(sys.argv[1], "w", encoding="utf-8")
out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
          '<dataset xmlns="https://w3id.org/entente/format/1" id="big" '
          'base="https://example.org/id/" xml:lang="en">\n<sources>\n'
          '<source id="r" published="2025-03-24"><title>R</title>'
          '<description>%s</description></source>\n'
          '<source id="s" published="2025-03-24"><title>S</title></source>\n'
          '</sources>\n<countries>\n' % ("long \u0436 text " * 30000))
for i in range(3000):
    out.write('<country id="c%d" source="%s"><name>Country number %d, '
              'with a name long enough</name></country>\n'
              % (i, "s" if i % 3 else "r", i))
out.write('</countries>\n</dataset>\n')
PYEOF
if run_clean big-nq "$ENTENTE" export "$tmp/big.xml" -f nquads &&
  run_clean big-jsonld "$ENTENTE" export "$tmp/big.xml" -f jsonld -o "$tmp/big.jsonld"; then
  canon_quads <"$tmp/big-nq.out" >"$tmp/parsed/big.ref"
  [ "$(wc -l <"$tmp/parsed/big.ref")" -gt 9000 ] ||
    fail "big JSON-LD case: only $(wc -l <"$tmp/parsed/big.ref") quads"
  if [ -d "$ENTENTE_SRC/tests/js/node_modules/jsonld" ]; then
    node "$ENTENTE_SRC/tests/js/rdf-to-nquads.mjs" jsonld "$tmp/big.jsonld" 2>"$tmp/big-js.err" | canon_quads |
      cmp -s - "$tmp/parsed/big.ref" || fail "big JSON-LD case: jsonld.js reads other quads than the N-Quads export: $(head -1 "$tmp/big-js.err")"
  fi
fi

# --- names, extensions, standard output, compression -----------------------
expect_usage() { # DESCRIPTION ARGS...: exit 64, one message, no file
  local what=$1
  shift
  (cd "$tmp" && "$ENTENTE" export "$dataset" "${texts[@]}" -q -w "$@") >"$tmp/usage.out" 2>"$tmp/usage.err"
  local rc=$?
  [ "$rc" = 64 ] || fail "$what: exit $rc, want 64"
  [ ! -s "$tmp/usage.out" ] || fail "$what: wrote to standard output"
  grep -q "^entente: " "$tmp/usage.err" || fail "$what: no message: $(head -3 "$tmp/usage.err")"
}
mkdir -p "$tmp/names"
expect_usage "-o x.anything" -o names/x.anything
expect_usage "-o x.json" -o names/x.json
expect_usage "-f json" -f json -o names/y.out
expect_usage "-f turtle -o x.nt" -f turtle -o names/x.nt
expect_usage "-f nosuch" -f nosuch
[ -z "$(ls -A "$tmp/names")" ] || fail "a refused export wrote $(ls "$tmp/names")"
for alias in ttl text/turtle Turtle; do
  run_clean "alias-${alias//\//_}" "$ENTENTE" export "$dataset" "${texts[@]}" -f "$alias" &&
    { cmp -s "$tmp/alias-${alias//\//_}.out" "$tmp/a/$DS.ttl" || fail "-f $alias is not turtle"; }
done
run_clean alias-nt "$ENTENTE" export "$dataset" "${texts[@]}" -f application/n-triples -o - &&
  { cmp -s "$tmp/alias-nt.out" "$tmp/a/$DS.nt" || fail "-f application/n-triples -o - is not the N-Triples"; }
run_clean dev-stdout "$ENTENTE" export "$dataset" "${texts[@]}" -f nq -o /dev/stdout &&
  { cmp -s "$tmp/dev-stdout.out" "$tmp/a/$DS.nq" || fail "-o /dev/stdout is not the N-Quads"; }
[ ! -e "$tmp/-" ] && [ ! -e ./- ] || fail "-o - created a file named -"
for e in nt ttl jsonld; do
  run_clean "gz-$e" "$ENTENTE" export "$dataset" "${texts[@]}" -o "$tmp/names/c.$e.gz" &&
    { gzip -t "$tmp/names/c.$e.gz" && gzip -dc "$tmp/names/c.$e.gz" | cmp -s - "$tmp/a/$DS.$e" ||
      fail "-o c.$e.gz is not the gzip of the .$e export"; }
done

# --- every format is the same set of statements ---------------------------
ref="$tmp/parsed/canon.ntriples.nt"
if [ -f "$ref" ]; then
  for f in $formats; do
    [ -f "$tmp/parsed/canon.$f.nt" ] || { fail "$f: no statements to compare"; continue; }
    if ! cmp -s "$tmp/parsed/canon.$f.nt" "$ref"; then
      fail "$f: holds different statements from ntriples (< $f, > ntriples):"
      diff "$tmp/parsed/canon.$f.nt" "$ref" | sed -n '1,10p' >&2
    fi
  done
  # The export's own N-Triples with --ascii is already canonical: rapper
  # re-writes it as is.
  mkdir -p "$tmp/ascii"
  for f in ntriples nquads; do
    "$ENTENTE" export "$dataset" "${texts[@]}" -q -f $f --ascii -o "$tmp/ascii/$DS.$(ext $f)"
  done
  sort -u "$tmp/ascii/$DS.nt" | cmp -s - "$ref" ||
    fail "ntriples: the export differs from rapper's re-serialisation of it"
else
  fail "ntriples: rapper could not read the N-Triples export"
fi

# --- N-Quads: every statement in a source's graph or the corpus's --------
if [ -f "$ref" ] && [ -s "$tmp/a/$DS.nq" ]; then
  graphs=$(grep -E '^<[^>]*> <http://www\.w3\.org/1999/02/22-rdf-syntax-ns#type> <https://w3id\.org/entente/ns#(Source|Corpus)> \.$' "$ref" | cut -d' ' -f1 | tr '\n' ' ')
  n_articles=$(ls "$ENTENTE_SRC"/data/articles/*.xml | wc -l)
  if [ "$(printf '%s\n' $graphs | grep -c .)" -ne $((n_articles + 1)) ]; then
    fail "nquads: expected a source per article and the corpus, found: ${graphs:-none}"
  else
    # Both the export and serdi's normalised reading of it: one statement a
    # line, four terms, the fourth a source's or the corpus's IRI; without
    # the graphs, exactly the N-Triples export.
    serdi -i nquads -o nquads "$tmp/a/$DS.nq" >"$tmp/serdi.nq" 2>"$tmp/serdi.nq.err" ||
      fail "nquads: serdi -o nquads failed"
    for quads in "$tmp/ascii/$DS.nq" "$tmp/a/$DS.nq" "$tmp/serdi.nq"; do
      # (the UTF-8 export and serdi's reading write non-ASCII text
      # unescaped: only the --ascii export is compared with rapper's
      # N-Triples statement by statement.)
      if ! "$PY" - "$quads" "$graphs" "$ref" "$tmp/ascii/$DS.nq" 2>"$tmp/quads.err" <<'EOF'; then
import re
import sys
path, graphs, ref = sys.argv[1], set(sys.argv[2].split()), sys.argv[3]
iri = r"<[^<>\"{}|^`\\\x00-\x20]*>"
literal = r'"(?:[^"\\\n\r]|\\.)*"(?:@[A-Za-z]+(?:-[A-Za-z0-9]+)*|\^\^' + iri + ")?"
quad = re.compile(rf"({iri}) ({iri}) ({iri}|{literal}) ({iri}) \.")
bad, triples = [], set()
with open(path, encoding="utf-8") as f:
    for number, line in enumerate(f, 1):
        line = line.rstrip("\n")
        if not line.strip():
            continue
        m = quad.fullmatch(line)
        if not m:
            bad.append(f"line {number}: not subject predicate object GRAPH: {line}")
        elif m.group(4) not in graphs:
            bad.append(f"line {number}: graph {m.group(4)} is no source's")
        else:
            triples.add(f"{m.group(1)} {m.group(2)} {m.group(3)} .")
with open(ref, encoding="utf-8") as f:
    expected = {line.rstrip("\n") for line in f if line.strip()}
if path == sys.argv[4] and triples != expected:
    bad.append(f"{len(triples - expected)} triples only in the N-Quads, "
               f"{len(expected - triples)} only in the N-Triples")
if bad:
    sys.exit(f"{path}:\n  " + "\n  ".join(bad[:10]))
EOF
        fail "nquads: not every statement is in a source's graph, or the triples differ"
        show "$tmp/quads.err"
      fi
    done
  fi
fi

if [ "$failed" -ne 0 ]; then
  echo "test_formats: $failed check(s) failed" >&2
  exit 1
fi
echo "test_formats: ok: 5 formats, $M statements each, two parsers each"
