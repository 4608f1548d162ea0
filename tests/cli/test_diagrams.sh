#!/usr/bin/env bash
# Diagrams: every view renders in every format without a Graphviz warning;
# SVG is well-formed XML, GraphML valid, DOT readable by dot -Tcanon and
# equal to its golden copy; links only to web IRIs; views and the node cap
# behave; any RDF file can be drawn.
set -euo pipefail
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
data="$ENTENTE_SRC/data" # the corpus
shared=${ENTENTE_SHARED:-$ENTENTE_SRC/../shared}
diagrams="$ENTENTE_SRC/tests/diagrams"

views=(all timeline negotiation:us-russia-talks-2025-03-24
       negotiation:us-ukraine-talks-2025-03-23 compare:us-russia-talks-2025-03-24
       ego:zelenskyy ego:karasin ego:federal-security-service)
formats=(dot svg png pdf graphml)
# Under valgrind every render costs seconds: one view of each kind, and
# the formats whose code is entente's (PNG and PDF differ from SVG only
# inside Graphviz's renderers, in the layout child).
case "$ENTENTE" in
  *entente-valgrind)
    views=(all timeline negotiation:us-russia-talks-2025-03-24
           compare:us-russia-talks-2025-03-24 ego:zelenskyy)
    formats=(dot svg graphml) ;;
esac
for view in "${views[@]}"; do
  depth=() # hops are an ego view's only
  [[ $view != ego:* ]] || depth=(--depth 2)
  for format in "${formats[@]}"; do
    out="$tmp/view.$format"
    "$ENTENTE" export "$data" --text-dir "$shared" -f "$format" --view "$view" "${depth[@]}" -o "$out" 2>"$tmp/err" ||
      fail "$view $format: exit $?: $(cat "$tmp/err")"
    [ ! -s "$tmp/err" ] || fail "$view $format: messages (Graphviz warnings?): $(cat "$tmp/err")"
    [ -s "$out" ] || fail "$view $format: empty output"
    case $format in
      svg) xmllint --noout "$out" || fail "$view: SVG is not well-formed"
           ! grep -Eq 'xlink:href="(javascript|file|data):' "$out" || fail "$view: unsafe link in SVG" ;;
      graphml) xmllint --noout --relaxng "$diagrams/graphml.rng" "$out" 2>"$tmp/err" ||
                 fail "$view: GraphML invalid: $(cat "$tmp/err")" ;;
      dot) dot -Tcanon "$out" >/dev/null 2>"$tmp/err" && [ ! -s "$tmp/err" ] ||
             fail "$view: dot -Tcanon: $(cat "$tmp/err")" ;;
      png) [ "$(head -c 4 "$out" | od -An -c | tr -d ' ')" = "211PNG" ] || fail "$view: not a PNG" ;;
      pdf) [ "$(head -c 5 "$out")" = "%PDF-" ] || fail "$view: not a PDF" ;;
    esac
  done
  echo "ok: view $view renders in ${formats[*]}"
done

# Golden DOT and canonical DOT of the features dataset, per view.
golden="$ENTENTE_SRC/tests/golden/diagrams"
for view in all timeline negotiation:session ego:envoy; do
  name=${view//:/-}
  depth=()
  [[ $view != ego:* ]] || depth=(--depth 2)
  (cd "$ENTENTE_SRC/tests/good" && "$ENTENTE" export features.xml -f dot --view "$view" "${depth[@]}") >"$tmp/$name.dot"
  dot -Tcanon "$tmp/$name.dot" >"$tmp/$name.canon"
  if [ "${1:-}" = --update ]; then
    mkdir -p "$golden"
    cp "$tmp/$name.dot" "$tmp/$name.canon" "$golden/"
  fi
  cmp -s "$tmp/$name.dot" "$golden/$name.dot" || { diff -u "$golden/$name.dot" "$tmp/$name.dot" | head -20; fail "DOT of $view differs from tests/golden/diagrams"; }
  cmp -s "$tmp/$name.canon" "$golden/$name.canon" || fail "dot -Tcanon of $view differs from tests/golden/diagrams"
done
echo "ok: DOT and dot -Tcanon match tests/golden/diagrams"

# --depth changes an ego view only: with another view it is a mistake.
for view in timeline negotiation:session ""; do
  set +e
  (cd "$ENTENTE_SRC/tests/good" && "$ENTENTE" export features.xml -f dot ${view:+--view "$view"} --depth 2) >/dev/null 2>"$tmp/err"
  rc=$?
  set -e
  [ "$rc" = 64 ] && grep -q "entente: --depth applies to an ego view (--view ego:ID), not to ${view:-the default view}" "$tmp/err" ||
    fail "--depth with view '${view:-default}': exit $rc, $(cat "$tmp/err")"
done
echo "ok: --depth without an ego view is a usage error"

# cgraph wraps long values over lines ending in a backslash: join them.
flat() { sed -e ':a' -e '/\\$/N; s/\\\n//; ta' "$1" >"$1.flat" && mv "$1.flat" "$1"; }

# The corpus views.  Compare: one card per source that says something of
# the US-Russia talks (every article does), each linked to the talks, and
# the claims sources contradict (the start date) marked on the cards; the
# status, planned, ongoing, held and concluded as the reports' days go, is
# a change, not a contradiction, and a place within another is no
# contradiction either.
"$ENTENTE" export "$data" --text-dir "$shared" -f dot --view compare:us-russia-talks-2025-03-24 -o "$tmp/compare.dot"
flat "$tmp/compare.dot"
articles=$(ls "$ENTENTE_SRC"/data/articles/*.xml | wc -l)
[ "$(grep -c 'label="reports on"' "$tmp/compare.dot")" = "$articles" ] ||
  fail "compare: want a card for each of the $articles articles, got $(grep -c 'label="reports on"' "$tmp/compare.dot")"
grep -q '≠ date: 2025-03-25' "$tmp/compare.dot" || fail "compare: Voice of Asia's disputed start date is not marked"
# Riyadh and Saudi Arabia: one place, said more or less precisely.
grep -q 'location: Saudi Arabia' "$tmp/compare.dot" && ! grep -q '≠ location' "$tmp/compare.dot" ||
  fail "compare: Riyadh and Saudi Arabia are marked as disputed: $(grep -o '[^n]*location: [A-Za-z ]*' "$tmp/compare.dot")"
grep -q 'negotiation status: planned' "$tmp/compare.dot" && ! grep -q '≠ negotiation status' "$tmp/compare.dot" ||
  fail "compare: the status as it changed is marked as disputed: $(grep -o '[^n]*negotiation status: [a-z]*' "$tmp/compare.dot")"
grep -q 'planned → ongoing → held → concluded' "$tmp/compare.dot" || fail "compare: the talks' node does not give the statuses in order"
grep -q 'duration: 12 hours' "$tmp/compare.dot" || fail "compare: Xinhua's duration is not on its card, in words"
grep -q 'sources differ' "$tmp/compare.dot" || fail "compare: the talks' node does not say that sources differ"
! grep -q 'corpus/riyadh' "$tmp/compare.dot" || fail "compare: the corpus graph has a card"
# Timeline: a day known only as a window is drawn as a window, never as a
# bare date: a bar to the column of its last day.
"$ENTENTE" export "$data" --text-dir "$shared" -f dot --view timeline -o "$tmp/timeline.dot"
flat "$tmp/timeline.dot"
grep -q 'window_end_' "$tmp/timeline.dot" || fail "timeline: no window is drawn"
grep -q 'last week (2025-03-17 – 2025-03-23)' "$tmp/timeline.dot" || fail "timeline: the window's label is not a window"
# A day known only by the last it can have been (the seed dates the report
# of the Rostov strikes, not the strikes) stands at that day, said so.
grep -q 'no later than 2025-03-23 · drone strike' "$tmp/timeline.dot" ||
  fail "timeline: the Rostov strikes, dated no later than 2025-03-23, are not drawn as such"
# One known only by its first possible day ("after the Riyadh talks") is
# no earlier than that day, not a window with a question mark.
grep -q 'after the Riyadh talks (no earlier than 2025-03-25)' "$tmp/timeline.dot" ||
  fail "timeline: the US statement, dated no earlier than 2025-03-25, is not drawn as such"
# GraphML gives a node its `date` only where the day is known: the window
# as notBefore/notAfter, the last possible day as notAfter.
"$ENTENTE" export "$data" --text-dir "$shared" -f graphml --view timeline -o "$tmp/timeline.graphml"
python3 - "$tmp/timeline.graphml" >"$tmp/dates" <<'PY' || fail "GraphML dates: $(cat "$tmp/dates")"
import sys, xml.etree.ElementTree as ET
ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
root = ET.parse(sys.argv[1]).getroot()
names = {k.get("id"): k.get("attr.name") for k in root.findall("g:key", ns)}
for node in root.iter("{%s}node" % ns["g"]):
    d = {names[x.get("key")]: x.text for x in node.findall("g:data", ns)}
    if d.get("iri", "").endswith(("/rostov-drone-strikes", "/trump-putin-call",
                                    "/russia-leaves-grain-deal")):
        print(d["iri"].rsplit("/", 1)[1], d.get("date"), d.get("notBefore"), d.get("notAfter"))
PY
grep -qx 'rostov-drone-strikes None None 2025-03-23' "$tmp/dates" &&
  grep -qx 'trump-putin-call 2025-03-18 None None' "$tmp/dates" &&
  grep -qx 'russia-leaves-grain-deal None 2023-07-01 2023-07-31' "$tmp/dates" ||
  fail "GraphML dates: $(cat "$tmp/dates")"
# Ego across sources: the sources that mention Karasin, and his post as
# most sources title it, with how many others title it otherwise.
"$ENTENTE" export "$data" --text-dir "$shared" -f dot --view ego:karasin -o "$tmp/karasin.dot"
flat "$tmp/karasin.dot"
[ "$(grep -c 'label="mentioned in"' "$tmp/karasin.dot")" -ge 6 ] || fail "ego:karasin: the sources that mention him are not drawn"
grep -q 'other titles) (6 sources)' "$tmp/karasin.dot" || fail "ego:karasin: his post's titles across sources are not said"
# Whose view it is: the caption names him, and his node alone has a
# double outline.
grep -q 'label="Around Grigory Karasin, 1 step out"' "$tmp/karasin.dot" ||
  fail "ego:karasin: the caption does not say whose view it is: $(grep -m3 'label=' "$tmp/karasin.dot")"
[ "$(grep -c 'peripheries=2' "$tmp/karasin.dot")" = 1 ] &&
  grep -B1 -A12 'Grigory Karasin' "$tmp/karasin.dot" | grep -q 'peripheries=2' ||
  fail "ego:karasin: his node is not the one outlined twice"
"$ENTENTE" export "$data" --text-dir "$shared" -f dot --view ego:umerov --depth 2 -o "$tmp/umerov2.dot" 2>/dev/null
flat "$tmp/umerov2.dot"
grep -q 'label="Around Rustem Umerov, 2 steps out. Showing 150 of ' "$tmp/umerov2.dot" ||
  grep -q 'label="Around Rustem Umerov, 2 steps out"' "$tmp/umerov2.dot" ||
  fail "ego:umerov --depth 2: the caption: $(grep -m3 'label=' "$tmp/umerov2.dot")"
# titled_post NAME LITERAL...: a post held by one holder, titled LITERAL
# (N-Triples, with its quotes and any language tag) by the Nth argument's
# own source graph, drawn to $tmp/NAME.dot.
titled_post() {
  local name=$1 n=0 title
  shift
  local p='<https://example.org/id/post>'
  local label='<http://www.w3.org/2000/01/rdf-schema#label>'
  {
    printf '%s <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/org#Post> .\n' "$p"
    for title in "$@"; do
      n=$((n + 1))
      printf '%s %s %s <https://example.org/graph/%d> .\n' "$p" "$label" "$title" "$n"
    done
    printf '<https://example.org/id/holder> <http://www.w3.org/ns/org#holds> %s .\n' "$p"
    printf '<https://example.org/id/holder> %s "Holder" .\n' "$label"
  } >"$tmp/$name.nq"
  "$ENTENTE" dot "$tmp/$name.nq" -f dot -o "$tmp/$name.dot"
  flat "$tmp/$name.dot"
}
# A post twenty sources title each their own way and three alike: the
# common title wins, with the count of the others (a node's first sixteen
# titles are kept in a list, the rest in a map: both are counted).
titles=()
for i in $(seq 1 20); do
  titles+=("\"Title $i\"")
done
titled_post titles "${titles[@]}" '"Common title"' '"Common title"' '"Common title"'
grep -q 'Common title (+20 other titles)' "$tmp/titles.dot" || fail "a post's titles: the most common one is not drawn, or the others not counted"
# Votes are counted at the best rank only: a title first given untagged
# (a lower rank) and then in the preferred language counts once there, so
# the title two sources give in English wins, and the other is counted.
titled_post ranks '"Title A"' '"Title A"@en' '"Title B"@en' '"Title B"@en'
grep -q 'Title B (+1 other title)' "$tmp/ranks.dot" || fail "a post's titles: votes cast at a lower rank were counted at the best one"
# Styles: every family of relations drawn has its own colour, and the
# legend shows a sample line of each colour used.
python3 - "$tmp/karasin.dot" <<'PY' || fail "legend and edges: colours do not match"
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
edges = set(re.findall(r'n\d+\s+->\s+n\d+\s+\[[^]]*?color="(#[0-9a-f]+)"', text, re.S))
table = re.search(r'legend_relations\s+\[label=<(.*?)>,\s', text, re.S)
legend = set(re.findall(r'<TD[^>]*><FONT COLOR="(#[0-9a-f]+)">[─┈╌━]+▶</FONT></TD>', table.group(1))) if table else set()
if not edges or edges - legend:
    sys.exit(f"edge colours {sorted(edges)}, legend {sorted(legend)}")
# Each row: its line, then the family and the relations in its colour.
rows = re.findall(r'<TR><TD[^>]*><FONT COLOR="(#[0-9a-f]+)">[^<]*</FONT></TD><TD[^>]*><FONT COLOR="(#[0-9a-f]+)"', table.group(1))
if not rows or any(a != b for a, b in rows):
    sys.exit(f"legend rows: {rows}")
PY

# Views that cannot be drawn say why.
set +e
"$ENTENTE" export "$data" --text-dir "$shared" -f dot --view sideways >/dev/null 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 64 ] && grep -q "unknown view 'sideways'" "$tmp/err" || fail "bad view: exit $rc: $(cat "$tmp/err")"
# A view's name is checked before any dataset is read, as a usage error
# is: no dataset's warnings first, and the line that says where help is.
for view in ego ego: negotiation: ""; do
  set +e
  "$ENTENTE" export "$data" -f dot --view "$view" >/dev/null 2>"$tmp/err"; rc=$?
  set -e
  [ "$rc" = 64 ] && [ "$(head -1 "$tmp/err")" = "entente: unknown view '$view'; use all, timeline, negotiation:ID, compare:ID or ego:ID" ] &&
    grep -qx "Try 'entente export --help' for more information." "$tmp/err" && [ "$(wc -l <"$tmp/err")" = 2 ] ||
    fail "view '$view': exit $rc: $(cat "$tmp/err")"
done
set +e
"$ENTENTE" export "$data" --text-dir "$shared" -f dot --view ego:nobody >/dev/null 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 65 ] && grep -q "no node has ID, IRI or name 'nobody'" "$tmp/err" || fail "unknown ego: exit $rc: $(cat "$tmp/err")"
set +e
"$ENTENTE" export "$data" --text-dir "$shared" -f dot --view negotiation:putin >/dev/null 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 65 ] && grep -q "'putin' is not a negotiation" "$tmp/err" || fail "negotiation of a person: exit $rc"

# The node cap.
"$ENTENTE" export "$data" --text-dir "$shared" -f dot --max-nodes 10 >"$tmp/capped.dot"
grep -q 'label="+[0-9]* more"' "$tmp/capped.dot" || fail "no '+N more' node with --max-nodes 10"
[ "$(grep -c '^	n[0-9]*	\[' "$tmp/capped.dot")" -le 10 ] || fail "more than 10 nodes drawn"
# What the cap advises fits the view: an ego view is narrowed by --depth,
# not by the --view it already is; at depth 1 only --max-nodes is left.
"$ENTENTE" export "$data" --text-dir "$shared" -f dot --max-nodes 5 -o "$tmp/capped5.dot" 2>"$tmp/err"
grep -q "capped, .*; narrow the view (--view ego:ID, --view negotiation:ID) or raise --max-nodes$" "$tmp/err" ||
  fail "default view's cap advice: $(cat "$tmp/err")"
"$ENTENTE" export "$data" --text-dir "$shared" -f dot --view ego:umerov --depth 3 --max-nodes 5 -o "$tmp/capped5.dot" 2>"$tmp/err"
grep -q "capped, .*; lower --depth or raise --max-nodes$" "$tmp/err" || fail "ego view's cap advice: $(cat "$tmp/err")"
# (Graphviz breaks a long attribute over lines with a backslash.)
sed ':a;/\\$/{N;s/\\\n//;ba}' "$tmp/capped5.dot" | grep -q 'tooltip="Not drawn: .*; lower --depth or raise --max-nodes\."' ||
  fail "ego view's cap tooltip: $(grep -o 'tooltip="Not drawn[^"]*"' "$tmp/capped5.dot")"
"$ENTENTE" export "$data" --text-dir "$shared" -f dot --view ego:umerov --max-nodes 3 -o "$tmp/capped5.dot" 2>"$tmp/err"
grep -q "capped, .*(--max-nodes 3); raise --max-nodes$" "$tmp/err" || fail "depth-1 ego view's cap advice: $(cat "$tmp/err")"
"$ENTENTE" export "$data" --text-dir "$shared" -f dot --view negotiation:riyadh-talks-2025-03 --max-nodes 5 -o "$tmp/capped5.dot" 2>"$tmp/err"
grep -q "capped, .*; narrow the view (--view ego:ID) or raise --max-nodes$" "$tmp/err" ||
  fail "negotiation view's cap advice: $(cat "$tmp/err")"
"$ENTENTE" export "$data" --text-dir "$shared" -f dot --view compare:us-russia-talks-2025-03-24 --max-nodes 5 -o "$tmp/capped5.dot" 2>"$tmp/err"
grep -q "capped, .*; raise --max-nodes$" "$tmp/err" && ! grep -q "narrow the view" "$tmp/err" ||
  fail "compare view's cap advice: $(cat "$tmp/err")"
# An N3 rule is not RDF: said as such, not as raptor's "{ ... } is not
# allowed in Turtle".
printf '@prefix : <http://e.example/> .\n{ ?x :p ?y } => { ?y :q ?x } .\n' >"$tmp/rule.n3"
set +e
"$ENTENTE" dot "$tmp/rule.n3" -f dot >/dev/null 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 65 ] && grep -q "rule.n3:2:1: error: { ... } is an N3 formula (a rule's, with =>), which RDF has no statement for: entente reads .n3 as Turtle" "$tmp/err" ||
  fail "an N3 rule: exit $rc: $(cat "$tmp/err")"
# Standard input has no file name to tell the syntax by.
set +e
"$ENTENTE" dot - <"$ENTENTE_SRC/out/riyadh-march-2025.ttl" >/dev/null 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 64 ] && grep -q "^entente: error: cannot tell the RDF syntax from standard input, which has no file name; give --syntax" "$tmp/err" ||
  fail "dot - without --syntax: exit $rc: $(cat "$tmp/err")"
# A cap above what a layout can take draws a view below it; a view above
# it is refused in one line naming the limit, before the cap is said (its
# advice to raise --max-nodes came just before the refusal). DOT and
# GraphML, not laid out, take it.
for f in svg png pdf; do
  "$ENTENTE" export "$data" --text-dir "$shared" -f "$f" --max-nodes 6000 -o "$tmp/big.$f" ||
    fail "-f $f --max-nodes 6000 of a small view refused"
done
awk 'BEGIN { for (i = 0; i < 5200; ++i) printf "<http://e.example/n%d> <http://e.example/next> <http://e.example/n%d> .\n", i, i + 1 }' >"$tmp/chain.nt"
set +e
"$ENTENTE" dot "$tmp/chain.nt" -f svg --max-nodes 6000 -o "$tmp/chain.svg" 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 64 ] && [ ! -e "$tmp/chain.svg" ] && [ "$(grep -c . "$tmp/err")" = 2 ] &&
  grep -q "^entente: error: 5,201 nodes are too many to lay out .*at most 5,000); .*lower --max-nodes to 5000 or less, or write -f dot or -f graphml" "$tmp/err" &&
  grep -qx "Try 'entente dot --help' for more information." "$tmp/err" ||
  fail "-f svg --max-nodes 6000 of 5,201 nodes: exit $rc: $(cat "$tmp/err")"
for f in dot graphml; do
  "$ENTENTE" dot "$tmp/chain.nt" -f "$f" --max-nodes 6000 -o "$tmp/chain.$f" 2>/dev/null ||
    fail "-f $f --max-nodes 6000 of 5,201 nodes refused"
done
# An entente dataset given to dot is told to go to export, in one line
# (it was one RDF/XML error an element); a corpus file names its corpus.
# RDF that merely mentions the namespace is drawn.
for f in tests/good/minimal.xml data/corpus.xml data/registry/people.xml; do
  set +e
  "$ENTENTE" dot "$ENTENTE_SRC/$f" -f dot >/dev/null 2>"$tmp/err"; rc=$?
  set -e
  case $f in tests/*) give="$ENTENTE_SRC/$f" ;; *) give="$ENTENTE_SRC/data" ;; esac
  [ "$rc" = 65 ] && [ "$(wc -l <"$tmp/err")" = 1 ] &&
    grep -qF "not RDF: draw it with 'entente export $give -f svg'" "$tmp/err" ||
    fail "dot $f: exit $rc: $(head -3 "$tmp/err")"
done
printf '%s\n' '<?xml version="1.0"?>' \
  '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dct="http://purl.org/dc/terms/">' \
  '  <rdf:Description rdf:about="http://e.example/d"><dct:conformsTo>https://w3id.org/entente/format/1</dct:conformsTo></rdf:Description>' \
  '</rdf:RDF>' >"$tmp/mentions.rdf"
"$ENTENTE" dot "$tmp/mentions.rdf" -f dot >/dev/null 2>"$tmp/err" || fail "RDF/XML naming the format: $(cat "$tmp/err")"
printf '%s\n' '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:fmt="https://w3id.org/entente/format/1" xmlns:ex="http://example.org/">' \
  '<rdf:Description rdf:about="http://example.org/a"><ex:knows rdf:resource="http://example.org/b"/></rdf:Description></rdf:RDF>' >"$tmp/declares.rdf"
printf '%s\n' '@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .' \
  '<http://example.org/doc> rdfs:comment """<dataset xmlns="https://w3id.org/entente/format/1">""" .' >"$tmp/quotes-one.ttl"
for f in declares.rdf quotes-one.ttl; do
  "$ENTENTE" dot "$tmp/$f" -f dot >/dev/null 2>"$tmp/err" || fail "$f, RDF naming the format: $(cat "$tmp/err")"
done
# From standard input: save it first (export does not read '-').
set +e
"$ENTENTE" dot - --syntax rdfxml -f dot <"$ENTENTE_SRC/tests/good/minimal.xml" >/dev/null 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 65 ] && grep -qF "draw it with 'entente export FILE -f svg' (or dot, png, pdf, graphml), saved to a file first" "$tmp/err" ||
  fail "a dataset on standard input to dot: exit $rc: $(cat "$tmp/err")"
# A language tag Turtle's grammar takes and BCP 47 does not is warned
# about once, where it is, and its literals drawn untagged (the file was
# refused, at the statement's line, with one message for five faults);
# a term no diagram can carry says which and why.
printf '%s\n' '@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .' '<http://e.example/a>' '   rdfs:label' \
  '  "Alpha"@abcdefghi .' '<http://e.example/b> rdfs:label "Beta"@toolongtag ; <http://e.example/p> <http://e.example/a> .' >"$tmp/badlang.ttl"
"$ENTENTE" dot "$tmp/badlang.ttl" -f dot >"$tmp/badlang.dot" 2>"$tmp/err" || fail "a malformed language tag: $(cat "$tmp/err")"
[ "$(wc -l <"$tmp/err")" = 1 ] && grep -q "badlang.ttl:4:10: warning: language tag 'abcdefghi' is not of BCP 47's shape" "$tmp/err" &&
  grep -q 'label=Alpha' "$tmp/badlang.dot" && grep -q 'label=Beta' "$tmp/badlang.dot" ||
  fail "a malformed language tag: $(cat "$tmp/err"); $(grep -o 'label=[A-Z][a-z]*' "$tmp/badlang.dot" | tr '\n' ' ')"
printf '%s\n' '@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .' '<http://e.example/a> rdfs:label "sur\uD800x" .' >"$tmp/surrogate.ttl"
printf '<http://e.example/a\\u0001b> <http://e.example/p> "x" .\n' >"$tmp/control.nt"
for pair in "surrogate.ttl|the object of a statement here is not valid UTF-8" "control.nt|the subject of a statement here holds a control character"; do
  set +e
  "$ENTENTE" dot "$tmp/${pair%%|*}" -f dot >/dev/null 2>"$tmp/err"; rc=$?
  set -e
  [ "$rc" = 65 ] && grep -q "${pair#*|}" "$tmp/err" || fail "${pair%%|*}: exit $rc: $(cat "$tmp/err")"
done
# An extension in capitals names its syntax as well (x.TTL, x.NT).
printf '%s\n' '<http://e.example/a> <http://e.example/p> <http://e.example/b> .' >"$tmp/upper.NT"
cp "$diagrams/foaf.ttl" "$tmp/upper.TTL"
for f in upper.NT upper.TTL; do
  "$ENTENTE" dot "$tmp/$f" -f dot >/dev/null 2>"$tmp/err" || fail "$f: $(cat "$tmp/err")"
done
# --lang takes a BCP 47 tag, checked with the options.
set +e
"$ENTENTE" dot "$diagrams/foaf.ttl" -f dot --lang xx_bad >/dev/null 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 64 ] && [ "$(head -1 "$tmp/err")" = "entente: --lang takes a language tag such as en, ru or uk-UA (BCP 47), not 'xx_bad'" ] ||
  fail "--lang xx_bad: exit $rc: $(cat "$tmp/err")"
"$ENTENTE" dot "$diagrams/foaf.ttl" -f dot --lang RU | grep -q 'label=Алиса' || fail "foaf: --lang RU not taken as ru"
# --lang's own tag comes first (RFC 4647's lookup), then the language it
# falls back to: en-GB takes "colour (GB)" over "colour", en-US "color",
# pt-BR "fato"; a comment in --lang's own tag is the one drawn.
printf '%s\n' '@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .' \
  '<http://e.example/colour> rdfs:label "colour"@en , "colour (GB)"@en-GB , "color (US)"@en-US , "Farbe"@de ; <http://e.example/p> <http://e.example/pt> .' \
  '<http://e.example/pt> rdfs:label "facto"@pt-PT , "fato"@pt-BR .' >"$tmp/regional.ttl"
for want in 'en:colour:facto' 'en-GB:colour (GB):facto' 'EN-us:color (US):facto' 'pt-BR:colour:fato' 'pt-PT:colour:facto'; do
  IFS=: read -r lang first second <<<"$want"
  "$ENTENTE" dot "$tmp/regional.ttl" -f dot --lang "$lang" >"$tmp/regional.dot" 2>/dev/null
  grep -q "label=\"\?$first\"\?," "$tmp/regional.dot" && grep -q "label=\"\?$second\"\?," "$tmp/regional.dot" ||
    fail "--lang $lang: want '$first' and '$second': $(grep -o 'label=[^,]*' "$tmp/regional.dot" | tr '\n' ' ')"
done
# A --lang no name of the graph is in is said (the drawing falls back);
# one some names are in, or none asked, is not.
"$ENTENTE" dot "$ENTENTE_SRC/out/riyadh-march-2025.ttl" -f dot --lang fr >/dev/null 2>"$tmp/err"
grep -q "^entente: warning: --lang fr: none of the graph's [0-9]* names in a language is in 'fr'" "$tmp/err" ||
  fail "--lang fr of a graph with no French: $(cat "$tmp/err")"
for lang in ru ""; do
  "$ENTENTE" dot "$ENTENTE_SRC/out/riyadh-march-2025.ttl" -f dot ${lang:+--lang "$lang"} >/dev/null 2>"$tmp/err"
  ! grep -q -- "--lang" "$tmp/err" || fail "--lang '$lang': warned: $(cat "$tmp/err")"
done
# schema.org dates with a time or a zone are days on the label and the
# timeline; a month alone is said as a line, never dropped.
printf '%s\n' '@prefix schema: <https://schema.org/> .' '@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .' \
  '<http://e.example/e1> a schema:Event ; schema:name "Concert" ; schema:startDate "2024-07-12T19:00:00Z"^^xsd:dateTime .' \
  '<http://e.example/e2> a schema:Event ; schema:name "Festival" ; schema:startDate "2024-07" .' \
  '<http://e.example/e3> a schema:Event ; schema:name "Talk" ; schema:startDate "2024-07-14+02:00"^^xsd:date .' >"$tmp/events.ttl"
"$ENTENTE" dot "$tmp/events.ttl" -f dot >"$tmp/events.dot"
grep -q 'label="Concert\\n2024-07-12"' "$tmp/events.dot" || fail "an xsd:dateTime start is not the node's day: $(grep Concert "$tmp/events.dot")"
grep -q 'label="Talk\\n2024-07-14"' "$tmp/events.dot" || fail "a date with a zone is not the node's day: $(grep Talk "$tmp/events.dot")"
grep -q 'label="Festival\\nschema:startDate 2024-07"' "$tmp/events.dot" || fail "a month-only start is dropped: $(grep Festival "$tmp/events.dot")"
"$ENTENTE" dot "$tmp/events.ttl" -f dot --view timeline >"$tmp/events-timeline.dot"
grep -q 'Concert' "$tmp/events-timeline.dot" && grep -q 'Talk' "$tmp/events-timeline.dot" ||
  fail "the timeline leaves out events dated by xsd:dateTime or a zoned date"
# W3C ORG posts: one held by two people folds into an edge for each; one
# that says more (org:reportsTo) stays a node, with every edge.
printf '%s\n' '@prefix org: <http://www.w3.org/ns/org#> .' '@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .' \
  '@prefix e: <http://e.example/> .' \
  'e:acme a org:Organization ; rdfs:label "Acme" .' \
  'e:ann rdfs:label "Ann" . e:bob rdfs:label "Bob" . e:cat rdfs:label "Cat" . e:dan rdfs:label "Dan" .' \
  'e:seat a org:Post ; rdfs:label "Board member" ; org:postIn e:acme ; org:heldBy e:ann , e:bob .' \
  'e:ceo a org:Post ; rdfs:label "CEO" ; org:postIn e:acme ; org:heldBy e:cat .' \
  'e:cfo a org:Post ; rdfs:label "CFO" ; org:postIn e:acme ; org:reportsTo e:ceo ; org:heldBy e:dan .' >"$tmp/posts.ttl"
"$ENTENTE" dot "$tmp/posts.ttl" -f graphml >"$tmp/posts.graphml"
python3 - "$tmp/posts.graphml" <<'PY' || fail "W3C ORG posts: holders or links lost"
import sys, xml.etree.ElementTree as ET
ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
root = ET.parse(sys.argv[1]).getroot()
keys = {k.get("id"): k.get("attr.name") for k in root.iter("{%s}key" % ns["g"])}
def data(el):
    return {keys.get(d.get("key")): (d.text or "") for d in el.findall("g:data", ns)}
label = {n.get("id"): data(n).get("label", "") for n in root.iter("{%s}node" % ns["g"])}
edges = [(label[e.get("source")].split("\n")[0], label[e.get("target")].split("\n")[0], data(e).get("label", ""))
         for e in root.iter("{%s}edge" % ns["g"])]
want = [("Ann", "Acme", "Board member"), ("Bob", "Acme", "Board member")]
missing = [w for w in want if w not in edges]
cfo = [e for e in edges if e[0] == "CFO"]
if missing or len(cfo) < 3:
    print("missing", missing, "CFO edges", cfo, "all", edges)
    sys.exit(1)
PY
# PROV's qualified attributions and roles, hidden in entente's graphs, are
# drawn in somebody else's.
printf '%s\n' '@prefix prov: <http://www.w3.org/ns/prov#> .' '@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .' \
  '<http://e.example/doc> rdfs:label "Report" ; prov:qualifiedAttribution [ a prov:Attribution ; prov:agent <http://e.example/derek> ; prov:hadRole <http://e.example/author> ] .' \
  '<http://e.example/derek> rdfs:label "Derek" .' '<http://e.example/author> a prov:Role ; rdfs:label "author" .' >"$tmp/prov.ttl"
"$ENTENTE" dot "$tmp/prov.ttl" -f dot >"$tmp/prov.dot"
flat "$tmp/prov.dot"
for p in prov:qualifiedAttribution prov:agent prov:hadRole; do
  grep -q "label=\"$p\"" "$tmp/prov.dot" || fail "somebody else's PROV: no $p edge drawn"
done
# A node with more lines than room says how many it left out.
{
  echo '@prefix e: <http://e.example/> .'
  for i in $(seq 10 34); do echo "e:x e:prop$i \"value number $i of this node\" ."; done
} >"$tmp/many.ttl"
"$ENTENTE" dot "$tmp/many.ttl" -f dot | grep -q ' · +[0-9]* more' ||
  fail "a node with 25 literal lines does not say how many are left out"
# Graphs named by blank nodes (valid N-Quads) are graphs, not the default.
printf '%s\n' '<http://e.example/a> <http://e.example/p> <http://e.example/b> _:g1 .' \
  '<http://e.example/a> <http://e.example/p> <http://e.example/b> _:g2 .' \
  '<http://e.example/a> <http://e.example/p> <http://e.example/b> <http://e.example/g3> .' >"$tmp/blank-graphs.nq"
"$ENTENTE" dot "$tmp/blank-graphs.nq" -f dot | grep -q '(3 sources)' ||
  fail "blank-node graph names: the edge three graphs state does not say so"
"$ENTENTE" dot "$tmp/blank-graphs.nq" -f graphml | grep -q '<data key="sources">3</data>' ||
  fail "GraphML: an edge three graphs state does not say how many"
"$ENTENTE" dot "$tmp/blank-graphs.nq" -f dot --view compare:http://e.example/a >"$tmp/blank-compare.dot"
[ "$(grep -c 'label="reports on"' "$tmp/blank-compare.dot")" = 3 ] ||
  fail "blank-node graph names: the compare view has no card for each graph"
# Clusters of W3C ORG units: a cycle of parents nests once and draws the
# edge that closed it; a chain of 16 nests 8 deep, the rest inside the
# deepest with their edges; org:unitOf nests like subOrganizationOf.
max_depth() { awk '{ d += gsub(/\{/, "{"); d -= gsub(/\}/, "}"); if (d > m) m = d } END { print m - 1 }' "$1"; }
printf '%s\n' '@prefix org: <http://www.w3.org/ns/org#> .' '@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .' \
  '<http://e.example/a> a org:Organization ; rdfs:label "A" ; org:subOrganizationOf <http://e.example/b> .' \
  '<http://e.example/b> a org:Organization ; rdfs:label "B" ; org:subOrganizationOf <http://e.example/a> .' \
  '<http://e.example/c> a org:Organization ; rdfs:label "C" ; org:subOrganizationOf <http://e.example/a> .' >"$tmp/org-cycle.ttl"
"$ENTENTE" dot "$tmp/org-cycle.ttl" -f dot >"$tmp/org-cycle.dot"
[ "$(grep -c 'subgraph cluster_[0-9]' "$tmp/org-cycle.dot")" = 2 ] || fail "a cycle of parents: not two clusters: $(grep subgraph "$tmp/org-cycle.dot")"
grep -q -- '->' "$tmp/org-cycle.dot" || fail "a cycle of parents: the edge that closes it is not drawn"
{
  printf '%s\n' '@prefix org: <http://www.w3.org/ns/org#> .' '@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .'
  echo '<http://e.example/u0> a org:Organization ; rdfs:label "U0" .'
  for i in $(seq 1 15); do echo "<http://e.example/u$i> a org:Organization ; rdfs:label \"U$i\" ; org:subOrganizationOf <http://e.example/u$((i - 1))> ."; done
} >"$tmp/org-chain.ttl"
"$ENTENTE" dot "$tmp/org-chain.ttl" -f dot >"$tmp/org-chain.dot"
[ "$(grep -c 'subgraph cluster_[0-9]' "$tmp/org-chain.dot")" = 8 ] || fail "a chain of 16 units: not 8 clusters"
[ "$(max_depth "$tmp/org-chain.dot")" = 8 ] || fail "a chain of 16 units nests $(max_depth "$tmp/org-chain.dot") deep, want 8"
[ "$(grep -c -- '->' "$tmp/org-chain.dot")" = 7 ] || fail "a chain of 16 units: the 7 edges below the deepest frame are not drawn"
printf '%s\n' '@prefix org: <http://www.w3.org/ns/org#> .' '@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .' \
  '<http://e.example/acme> a org:FormalOrganization ; rdfs:label "Acme" .' \
  '<http://e.example/hr> a org:OrganizationalUnit ; rdfs:label "HR" ; org:unitOf <http://e.example/acme> .' >"$tmp/org-unit.ttl"
"$ENTENTE" dot "$tmp/org-unit.ttl" -f dot >"$tmp/org-unit.dot"
grep -q 'subgraph cluster_0' "$tmp/org-unit.dot" && ! grep -q -- '->' "$tmp/org-unit.dot" ||
  fail "org:unitOf: the unit is not drawn inside its organisation"
# A node with no name is called by its IRI's tail, under the longest
# prefix the file declares, percent-escapes read (not a %00 or a control
# character).
printf '%s\n' '@prefix dbr: <http://dbpedia.org/resource/> .' '@prefix dbo: <http://dbpedia.org/ontology/> .' \
  '<http://dbpedia.org/resource/AC/DC> dbo:genre dbr:Caf%C3%A9_Kranzler .' \
  '<http://ru.dbpedia.org/resource/%D0%91%D0%B5%D1%80%D0%BB%D0%B8%D0%BD> dbo:x <http://e.example/bad%00x> .' >"$tmp/iri-names.ttl"
"$ENTENTE" dot "$tmp/iri-names.ttl" -f dot >"$tmp/iri-names.dot"
for want in 'label="dbr:AC/DC"' 'label="dbr:Café_Kranzler"' 'label=Берлин' 'label="bad%00x"'; do
  grep -qF "$want" "$tmp/iri-names.dot" || fail "names from IRIs: no $want in $(grep label= "$tmp/iri-names.dot" | tr -d '\t' | tr '\n' ' ')"
done
# A source published on two days (its graphs disagree) reports on any day
# between them, whichever order the file gives them in: planned on the
# 24th, concluded by a source of the 22nd and the 26th, is a change.
for days in '"2025-03-22", "2025-03-26"' '"2025-03-26", "2025-03-22"'; do
  printf '%s\n' '@prefix ent: <https://w3id.org/entente/ns#> .' '@prefix schema: <http://schema.org/> .' \
    '@prefix ex: <http://e.example/> .' \
    'ex:a { ex:a a schema:NewsArticle ; schema:datePublished "2025-03-24" . ex:t a ent:Negotiation ; schema:name "Talks" ; ent:negotiationStatus ent:negotiation-planned . }' \
    "ex:b { ex:b a schema:NewsArticle ; schema:datePublished $days . ex:t ent:negotiationStatus ent:negotiation-concluded . }" >"$tmp/two-days.trig"
  "$ENTENTE" dot "$tmp/two-days.trig" -f dot >"$tmp/two-days.dot"
  grep -q 'planned → concluded' "$tmp/two-days.dot" ||
    fail "two days of publication ($days): $(grep -o 'label="Talks[^"]*' "$tmp/two-days.dot")"
done
# Two nodes whose IRIs end alike are not both called "1": a segment more
# at a time until they differ (never past the host), the others left be.
printf '%s\n' '<http://a.example/person/1> <http://schema.org/memberOf> <http://a.example/org/1> .' \
  '<http://a.example/x/7> <http://schema.org/knows> <http://b.example/x/7> .' \
  '<http://a.example/person/1> <http://schema.org/knows> <http://a.example/person/2> .' >"$tmp/same-tails.nt"
"$ENTENTE" dot "$tmp/same-tails.nt" -f dot >"$tmp/same-tails.dot"
for want in 'label="person/1"' 'label="org/1"' 'label="a.example/x/7"' 'label="b.example/x/7"' 'label=2,'; do
  grep -qF "$want" "$tmp/same-tails.dot" || fail "same tails: no $want in $(grep label= "$tmp/same-tails.dot" | tr -d '\t' | tr '\n' ' ')"
done
# --view ego: takes the name a node is drawn with: a name read from its
# IRI (decoded, or made longer to tell it apart) or its label; a name two
# nodes share is refused, naming how many.
printf '%s\n' '@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .' \
  '<http://e.example/Caf%C3%A9> <http://schema.org/knows> <http://e.example/p/1> , <http://e.example/q/1> , <http://e.example/k> .' \
  '<http://e.example/k> rdfs:label "Kim" . <http://e.example/k2> rdfs:label "Kim" ; <http://schema.org/knows> <http://e.example/k> .' >"$tmp/ego-names.ttl"
for name in Café p/1 Kim; do
  "$ENTENTE" dot "$tmp/ego-names.ttl" -f dot --view "ego:$name" >"$tmp/ego-names.dot" 2>"$tmp/err" ||
    { rc=$?; [ "$name" = Kim ] && [ "$rc" = 65 ] && grep -q "'Kim' names 2 nodes" "$tmp/err" ||
      fail "ego:$name: exit $rc: $(cat "$tmp/err")"; continue; }
  [ "$name" != Kim ] || fail "ego:Kim: two nodes are called Kim, and one was taken"
  grep -q 'label=Café' "$tmp/ego-names.dot" || fail "ego:$name: the root is not drawn"
done
# ...or any of its names as names compare (case, accents aside): an
# alias, a name in another language; two nodes that share an alias are
# listed; a slip of a name or an ID gets the nearest nodes.
# A word of a name is enough where no name is the ID: a surname, in any
# of the names' languages.
for name in Путин 'Владимир Путин' 'vladimir putin' 'VLADIMIR PUTIN' 'Donald J. Trump' Zelenskyy Umerov Карасин; do
  set +e
  "$ENTENTE" dot "$ENTENTE_SRC/out/riyadh-march-2025.ttl" -f dot --view "ego:$name" >"$tmp/alias.dot" 2>"$tmp/err"; rc=$?
  set -e
  case $name in
    *Путин* | *utin* | *UTIN*) want='Around Vladimir Putin' ;;
    *Trump) want='Around Donald Trump' ;;
    Umerov) want='Around Rustem Umerov' ;;
    Карасин) want='Around Grigory Karasin' ;;
    *) want='Around Volodymyr Zelenskyy' ;;
  esac
  [ "$rc" = 0 ] && grep -q "label=\"$want, " "$tmp/alias.dot" ||
    fail "ego:$name: exit $rc, $(grep -o 'label="Around[^,]*' "$tmp/alias.dot"): $(cat "$tmp/err")"
done
printf '%s\n' '@prefix skos: <http://www.w3.org/2004/02/skos/core#> .' \
  '<http://e.example/a> skos:prefLabel "Anna Ivanova"@en ; skos:altLabel "Ivanova"@en ; <http://schema.org/knows> <http://e.example/b> .' \
  '<http://e.example/b> skos:prefLabel "Olga Ivanova"@en ; skos:altLabel "ivanova"@en .' >"$tmp/shared-alias.ttl"
set +e
"$ENTENTE" dot "$tmp/shared-alias.ttl" -f dot --view ego:Ivanova >/dev/null 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 65 ] && grep -q "'Ivanova' names 2 nodes: 'Anna Ivanova' (<http://e.example/a>), 'Olga Ivanova' (<http://e.example/b>); give the IRI" "$tmp/err" ||
  fail "a shared alias: exit $rc: $(cat "$tmp/err")"
# The end of an IRI several nodes share (a DBpedia resource and its
# owl:sameAs in other DBpedias): the one drawn with that name, else the
# one the graph describes and names; else all are listed.
printf '%s\n' '@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .' '@prefix owl: <http://www.w3.org/2002/07/owl#> .' \
  '@prefix foaf: <http://xmlns.com/foaf/0.1/> .' \
  '<http://dbpedia.org/resource/Berlin> rdfs:label "Berlin"@en ; owl:sameAs <http://fr.dbpedia.org/resource/Berlin> , <http://de.dbpedia.org/resource/Berlin> .' \
  '<http://dbpedia.org/resource/Sergey_Lavrov> rdfs:label "Sergey Lavrov"@en ; owl:sameAs <http://fr.dbpedia.org/resource/Sergey_Lavrov> ; <http://dbpedia.org/ontology/birthPlace> <http://dbpedia.org/resource/Berlin> .' \
  '<http://en.wikipedia.org/wiki/Sergey_Lavrov> foaf:primaryTopic <http://dbpedia.org/resource/Sergey_Lavrov> .' \
  '<http://a.example/Kim> <http://e.example/knows> <http://b.example/Kim> .' >"$tmp/same-ends.ttl"
for want in 'Berlin:Around Berlin' 'Sergey_Lavrov:Around Sergey Lavrov'; do
  "$ENTENTE" dot "$tmp/same-ends.ttl" -f dot --view "ego:${want%%:*}" >"$tmp/same-ends.dot" 2>"$tmp/err" &&
    grep -q "label=\"${want#*:}, " "$tmp/same-ends.dot" || fail "ego:${want%%:*}: $(cat "$tmp/err")"
done
set +e
"$ENTENTE" dot "$tmp/same-ends.ttl" -f dot --view ego:Kim >/dev/null 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 65 ] && grep -q "'Kim' names 2 nodes: '[^']*' (<http://a.example/Kim>), '[^']*' (<http://b.example/Kim>); give the full IRI of the one you mean" "$tmp/err" ||
  fail "an IRI end two nodes share: exit $rc: $(cat "$tmp/err")"
# A hub whose neighbours the cap leaves out (a service's homepage that
# every person's blank account points at, each account kept only beside
# its holder) is not drawn alone: no node of the capped view is without
# an edge.
{ echo '@prefix foaf: <http://xmlns.com/foaf/0.1/> .'
  for i in $(seq 0 29); do
    echo "<http://e.example/p$i> foaf:name \"Person $i\" ; foaf:knows <http://e.example/p$(( (i + 1) % 30 ))> , <http://e.example/p$(( (i + 7) % 30 ))> ;"
    echo "  foaf:account [ foaf:accountServiceHomepage <https://mastodon.example/> ; foaf:accountName \"p$i\" ] ."
  done
} >"$tmp/stranded.ttl"
"$ENTENTE" dot "$tmp/stranded.ttl" -f graphml --max-nodes 20 -o "$tmp/stranded.graphml" 2>/dev/null
python3 - "$tmp/stranded.graphml" <<'PY' || fail "a capped view draws a node apart from its edges"
import sys, xml.etree.ElementTree as ET
g = "{http://graphml.graphdrawing.org/xmlns}"
root = ET.parse(sys.argv[1]).getroot()
nodes = {n.get("id") for n in root.iter(g + "node")}
ends = {e.get(k) for e in root.iter(g + "edge") for k in ("source", "target")}
alone = sorted(nodes - ends)
sys.exit("alone: %s" % alone if alone else 0)
PY
# A surname two share: both listed, neither taken.
printf '%s\n' '@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .' \
  '<http://e.example/a> rdfs:label "Anna Petrova" ; <http://schema.org/knows> <http://e.example/b> .' \
  '<http://e.example/b> rdfs:label "Olga Petrova" .' >"$tmp/shared-surname.ttl"
set +e
"$ENTENTE" dot "$tmp/shared-surname.ttl" -f dot --view ego:petrova >/dev/null 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 65 ] && grep -q "'petrova' names 2 nodes: 'Anna Petrova' (<http://e.example/a>), 'Olga Petrova' (<http://e.example/b>); give the IRI" "$tmp/err" ||
  fail "a shared surname: exit $rc: $(cat "$tmp/err")"
for slip in 'Vladimir Putn:Vladimir Putin' 'witkof:Steve Witkoff'; do
  set +e
  "$ENTENTE" dot "$ENTENTE_SRC/out/riyadh-march-2025.ttl" -f dot --view "ego:${slip%%:*}" >/dev/null 2>"$tmp/err"; rc=$?
  set -e
  [ "$rc" = 65 ] && grep -q "no node has ID, IRI or name '${slip%%:*}'; did you mean '${slip#*:}' (<https://w3id.org/entente/id/official/" "$tmp/err" ||
    fail "ego:${slip%%:*}: exit $rc: $(cat "$tmp/err")"
done
echo "ok: --view ego: by an alias, another language's name or a surname; shared ones listed; slips get the nearest"
# An empty or blank name names nothing: the IRI does.
printf '%s\n' '@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .' \
  '<http://e.example/x> rdfs:label "" ; <http://e.example/p> <http://e.example/y> .' \
  '<http://e.example/y> rdfs:label "   " .' >"$tmp/empty-names.ttl"
"$ENTENTE" dot "$tmp/empty-names.ttl" -f dot >"$tmp/empty-names.dot"
grep -q 'label=x,' "$tmp/empty-names.dot" && grep -q 'label=y,' "$tmp/empty-names.dot" ||
  fail "an empty rdfs:label is drawn as the node's name"
# A thesaurus: a concept under a broader one reaches its scheme through
# it, a top concept says skos:topConceptOf (not inScheme too), a symmetric
# relation stated both ways is one edge, and schema.org's inverse pairs
# (memberOf/member, superEvent/subEvent) are one edge each.
printf '%s\n' '@prefix skos: <http://www.w3.org/2004/02/skos/core#> .' '@prefix schema: <https://schema.org/> .' \
  '@prefix e: <http://e.example/> .' \
  'e:s a skos:ConceptScheme ; skos:prefLabel "Scheme" .' \
  'e:top a skos:Concept ; skos:prefLabel "Top" ; skos:inScheme e:s ; skos:topConceptOf e:s .' \
  'e:c1 a skos:Concept ; skos:prefLabel "C1" ; skos:inScheme e:s ; skos:broader e:top ; skos:related e:c2 .' \
  'e:c2 a skos:Concept ; skos:prefLabel "C2" ; skos:inScheme e:s ; skos:broader e:top ; skos:related e:c1 .' \
  'e:c3 a skos:Concept ; skos:prefLabel "C3" ; skos:inScheme e:s .' \
  'e:x schema:memberOf e:y . e:y schema:member e:x .' \
  'e:ev schema:subEvent e:ev2 . e:ev2 schema:superEvent e:ev .' >"$tmp/thesaurus.ttl"
"$ENTENTE" dot "$tmp/thesaurus.ttl" -f dot >"$tmp/thesaurus.dot"
flat "$tmp/thesaurus.dot"
thesaurus_edges() { tr -d '\n\t' <"$tmp/thesaurus.dot" | grep -o -- '-> n[0-9]*[^]]*]' | grep -c "label=\"$1\""; }
[ "$(thesaurus_edges skos:inScheme)" = 1 ] && [ "$(thesaurus_edges skos:topConceptOf)" = 1 ] &&
  [ "$(thesaurus_edges skos:related)" = 1 ] && [ "$(thesaurus_edges skos:broader)" = 2 ] &&
  [ "$(thesaurus_edges schema:memberOf)" = 1 ] && [ "$(thesaurus_edges schema:member)" = 0 ] &&
  [ "$(thesaurus_edges schema:superEvent)" = 1 ] && [ "$(thesaurus_edges schema:subEvent)" = 0 ] ||
  fail "thesaurus edges: $(tr -d '\n\t' <"$tmp/thesaurus.dot" | grep -o -- '-> n[0-9]*[^]]*]' | grep -o 'label="[^"]*"' | sort | uniq -c | tr '\n' ' ')"
# schema.org's common subclasses take their family's shape, and a class
# equivalent to one with a shape takes it too.
printf '%s\n' '@prefix schema: <https://schema.org/> .' '@prefix owl: <http://www.w3.org/2002/07/owl#> .' \
  '@prefix foaf: <http://xmlns.com/foaf/0.1/> .' '@prefix e: <http://e.example/> .' \
  'e:acme a schema:Corporation ; schema:name "Acme" .' 'e:org a schema:Organization ; schema:name "Org" .' \
  'e:fest a schema:MusicEvent ; schema:name "Fest" .' 'e:meet a schema:Event ; schema:name "Meet" .' \
  'e:Human owl:equivalentClass foaf:Person .' 'e:ann a e:Human ; schema:name "Ann" .' 'e:bob a foaf:Person ; foaf:name "Bob" .' \
  'e:cafe a schema:Restaurant ; schema:name "Cafe" .' 'e:band a foaf:Group ; foaf:name "Band" .' \
  'e:louvre a schema:Museum ; schema:name "Louvre" .' 'e:paris a schema:Place ; schema:name "Paris" .' \
  'e:site a schema:WebSite ; schema:name "Site" .' 'e:art a schema:Article ; schema:name "Art" .' >"$tmp/types.ttl"
"$ENTENTE" dot "$tmp/types.ttl" -f dot | tr -d '\n\t' | grep -o 'n[0-9]*\[URL[^]]*\]' >"$tmp/types.nodes"
look_of() { grep -E "label=(\"?$1[\",]|\"$1\\\\n)" "$tmp/types.nodes" | grep -o 'fillcolor="[^"]*"\|shape=[a-z]*' | tr '\n' ' '; }
[ -n "$(look_of Acme)" ] && [ "$(look_of Acme)" = "$(look_of Org)" ] ||
  fail "schema:Corporation is not drawn as schema:Organization is: $(look_of Acme) / $(look_of Org)"
[ -n "$(look_of Fest)" ] && [ "$(look_of Fest)" = "$(look_of Meet)" ] ||
  fail "schema:MusicEvent is not drawn as schema:Event is: $(look_of Fest) / $(look_of Meet)"
[ -n "$(look_of Ann)" ] && [ "$(look_of Ann)" = "$(look_of Bob)" ] ||
  fail "a class owl:equivalentClass foaf:Person is not drawn as a person: $(look_of Ann) / $(look_of Bob)"
# What websites' markup says most: a restaurant and a FOAF group are
# organisations, a museum a place, a website a work (they were plain
# resources).
for pair in Cafe:Org Band:Org Louvre:Paris Site:Art; do
  [ -n "$(look_of "${pair%%:*}")" ] && [ "$(look_of "${pair%%:*}")" = "$(look_of "${pair#*:}")" ] ||
    fail "${pair%%:*} is not drawn as ${pair#*:} is: $(look_of "${pair%%:*}") / $(look_of "${pair#*:}")"
done
# Parse errors: RDF-star is named as what raptor2 does not read; an error
# is said once for its line, not again as what follows from it; bison's
# "$end" is the end of the file.
set +e
printf '%s\n' '@prefix e: <http://e.example/> .' '<< e:a e:p e:b >> e:since "2020" .' >"$tmp/star.ttl"
"$ENTENTE" dot "$tmp/star.ttl" -f dot >/dev/null 2>"$tmp/err"; rc=$?
[ "$rc" = 65 ] && grep -q "star.ttl:2:1: error: .*RDF-star's quoted triples" "$tmp/err" || fail "RDF-star: exit $rc: $(cat "$tmp/err")"
# ... and so is its annotation syntax, {| ... |} (which got no hint).
printf '%s\n' '@prefix e: <http://e.example/> .' 'e:a e:p e:b {| e:since "2020" |} .' >"$tmp/annotation.ttl"
"$ENTENTE" dot "$tmp/annotation.ttl" -f dot >/dev/null 2>"$tmp/err"; rc=$?
[ "$rc" = 65 ] && grep -q "annotation.ttl:2:[0-9]*: error: .*or annotations, {| ... |}, which raptor2 does not read" "$tmp/err" ||
  fail "RDF-star annotation: exit $rc: $(cat "$tmp/err")"
printf '%s\n' 'e:a e:p e:b .' >"$tmp/undeclared.ttl"
"$ENTENTE" dot "$tmp/undeclared.ttl" -f dot >/dev/null 2>"$tmp/err"
[ "$(grep -c ': error: ' "$tmp/err")" = 1 ] && grep -q 'prefix in "e:a" was not declared' "$tmp/err" ||
  fail "an undeclared prefix: want one error: $(cat "$tmp/err")"
printf '%s\n' '@prefix e: <http://e.example/> .' 'e:a e:p e:b ;' >"$tmp/cut.ttl"
"$ENTENTE" dot "$tmp/cut.ttl" -f dot >/dev/null 2>"$tmp/err"
grep -q 'unexpected end of file' "$tmp/err" && ! grep -q '\$end' "$tmp/err" || fail "a file cut short: $(cat "$tmp/err")"
set -e
# The file's own prefixes name what entente also knows (dct:, not
# dcterms:); the first it declares for a namespace wins.
printf '%s\n' '@prefix dct: <http://purl.org/dc/terms/> .' '@prefix f: <http://xmlns.com/foaf/0.1/> .' \
  '@prefix foaf: <http://xmlns.com/foaf/0.1/> .' \
  '<http://e.example/a> dct:creator <http://e.example/b> ; f:knows <http://e.example/c> .' >"$tmp/own-prefixes.ttl"
"$ENTENTE" dot "$tmp/own-prefixes.ttl" -f dot >"$tmp/own-prefixes.dot"
grep -q 'label="dct:creator"' "$tmp/own-prefixes.dot" && grep -q 'label="f:knows"' "$tmp/own-prefixes.dot" ||
  fail "the file's own prefixes: $(grep -o 'label="[a-z]*:[a-zA-Z]*"' "$tmp/own-prefixes.dot" | tr '\n' ' ')"
# A class the graph names is said by its name on its members.
printf '%s\n' '@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .' '<http://e.example/Emp> rdfs:label "Employee" .' \
  '<http://e.example/ann> a <http://e.example/Emp> ; rdfs:label "Ann" .' >"$tmp/class-name.ttl"
"$ENTENTE" dot "$tmp/class-name.ttl" -f dot | grep -qF 'label="Ann\na Employee"' ||
  fail "a class's rdfs:label is not what its members' lines say"
# A long name is broken at spaces into lines of about equal length.
{
  echo '@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .'
  printf '<http://e.example/x> rdfs:label "%s" .\n' "$(printf 'Agreement on the establishment of a commission %.0s' 1 2 3 4 5 6)"
} >"$tmp/long-name.ttl"
"$ENTENTE" dot "$tmp/long-name.ttl" -f dot >"$tmp/long-name.dot"
flat "$tmp/long-name.dot"
label=$(grep -o 'label="Agreement[^"]*"' "$tmp/long-name.dot")
[ "$(printf '%s' "$label" | grep -o '\\n' | wc -l)" -ge 4 ] ||
  fail "a 280-character name is not broken into lines: $label"
printf '%s' "$label" | sed -e 's/^label="//' -e 's/"$//' -e 's/\\n/\n/g' |
  awk 'length($0) > 64 { bad = 1 } END { exit bad }' ||
  fail "a line of a long name is over 64 columns: $label"
# The cap gives every hub it keeps a few of its neighbours: thirty
# institutes of twenty one-edge authors beside a hub of two hundred
# middling nodes were drawn as seventeen institutes alone.
python3 - "$tmp/hubs.nt" <<'PY'
import sys
L = "<http://www.w3.org/2000/01/rdf-schema#label>"
with open(sys.argv[1], "w") as f:
    for i in range(30):
        f.write('<http://e.example/inst%d> %s "Institute %d" .\n' % (i, L, i))
        for j in range(20):
            f.write('<http://e.example/a%d_%d> %s "Author %d-%d" .\n' % (i, j, L, i, j))
            f.write('<http://e.example/a%d_%d> <http://e.example/affiliation> <http://e.example/inst%d> .\n' % (i, j, i))
    f.write('<http://e.example/hub> %s "Hub" .\n' % L)
    for k in range(200):
        f.write('<http://e.example/m%d> %s "Middle %d" .\n' % (k, L, k))
        f.write('<http://e.example/m%d> <http://e.example/in> <http://e.example/hub> .\n' % k)
        f.write('<http://e.example/m%d> <http://e.example/next> <http://e.example/m%d> .\n' % (k, (k + 1) % 200))
PY
"$ENTENTE" dot "$tmp/hubs.nt" -f graphml -o "$tmp/hubs.graphml" 2>"$tmp/err" || fail "hubs: $(cat "$tmp/err")"
python3 - "$tmp/hubs.graphml" <<'PY' || fail "hubs: the cap keeps nodes without an edge"
import sys, xml.etree.ElementTree as ET
g = "{http://graphml.graphdrawing.org/xmlns}"
root = ET.parse(sys.argv[1]).getroot()
nodes = [n.get("id") for n in root.iter(g + "node")]
ends = {e.get(k) for e in root.iter(g + "edge") for k in ("source", "target")}
alone = [n for n in nodes if n not in ends]
assert len(nodes) == 150 and not alone, (len(nodes), alone)
PY
# The lines a node's label has no room for ("+3 more") are read in its
# tooltip and in GraphML's details (they were in neither: the tenth
# property of a node was nowhere); past a few thousand bytes, the tooltip
# says how many more.
{
  echo '@prefix ex: <http://e.example/> .'
  echo 'ex:thing ex:rel ex:other .'
  for i in 1 2 3 4 5 6 7 8 9; do echo "ex:thing ex:p$i \"value $i is here\" ."; done
  echo 'ex:thing ex:p10 "SECRET TEN" .'
  for i in $(seq 1 3000); do echo "ex:big ex:q$i \"line $i\" ."; done
} >"$tmp/many.ttl"
"$ENTENTE" dot "$tmp/many.ttl" -f dot -o "$tmp/many.dot" 2>"$tmp/err" || fail "many lines: $(cat "$tmp/err")"
python3 - "$tmp/many.dot" <<'PY' || fail "the lines a label has no room for are not in its tooltip"
import re, sys
dot = open(sys.argv[1], encoding="utf-8").read().replace("\\\n", "")
nodes = {m.group(1): m.group(2) for m in re.finditer(r'label="(ex:thing|ex:big)\\n(.*?)\];', dot, re.S)}
thing, big = nodes["ex:thing"], nodes["ex:big"]
assert re.search(r'^[^"]*\+\d+ more",', thing), thing
assert 'tooltip="ex:thing\\n' in thing and "ex:p9 value 9 is here · ex:p10 SECRET TEN\\nhttp://e.example/thing" in thing, thing
assert re.search(r'tooltip="ex:big\\n.*ex:q\d+ line \d+ · \+\d+ more\\nhttp://e.example/big"', big), big[-300:]
PY
"$ENTENTE" dot "$tmp/many.ttl" -f graphml -o "$tmp/many.graphml" 2>"$tmp/err" || fail "many lines: $(cat "$tmp/err")"
grep -q '<data key="details">ex:p1 value 1 is here · .* · ex:p10 SECRET TEN</data>' "$tmp/many.graphml" ||
  fail "GraphML's details leave out the lines the label had no room for"
# A node's schema:url is its link (an article's page, not its IRI), and in
# somebody else's graph a line on it too (an offer's tickets were
# nowhere); a link only to a web page.
cat >"$tmp/offer.ttl" <<'TTL'
@prefix schema: <http://schema.org/> .
<http://e.example/conf> a schema:Event ; schema:name "Conference" ;
  schema:offers [ a schema:Offer ; schema:price "199.00" ; schema:url <https://conf.example.com/tickets> ] .
<http://e.example/trap> schema:name "Trap" ; schema:url <javascript:alert(1)> ; schema:about <http://e.example/conf> .
TTL
"$ENTENTE" dot "$tmp/offer.ttl" -f dot -o "$tmp/offer.dot" 2>"$tmp/err" || fail "offer: $(cat "$tmp/err")"
python3 - "$tmp/offer.dot" <<'PY' || fail "a node's schema:url is not its link and a line"
import re, sys
dot = open(sys.argv[1], encoding="utf-8").read().replace("\\\n", "")
blocks = re.findall(r'\[(.*?)\];', dot, re.S)
offer = [b for b in blocks if "199.00" in b]
assert offer and 'URL="https://conf.example.com/tickets"' in offer[0] and "schema:url https://conf.example.com/tickets" in offer[0], offer
trap = [b for b in blocks if 'label="Trap' in b]
assert trap and "javascript" not in re.sub(r'label="[^"]*"|tooltip="[^"]*"', "", trap[0]), trap
PY
"$ENTENTE" export "$ENTENTE_SRC/data" -w -f dot --view ego:karasin -o "$tmp/karasin.dot" 2>"$tmp/err" || fail "ego:karasin: $(cat "$tmp/err")"
grep -q 'URL="https://vovworld.vn/en-US/news/us-russian-negotiators-begin-closed-door-meeting-in-saudi-arabia-1376671.vov"' "$tmp/karasin.dot" ||
  fail "an article's node does not link to its page"
# entente's own words after right-to-left text ("(+2 other names)", "+N
# more") keep their order: a left-to-right mark at the line's start and
# before them (the line took the text's direction: "(other names 2+)
# القاهرة"); a name alone is left as it is.
cat >"$tmp/rtl.trig" <<'TTL'
@prefix ex: <http://e.example/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:g1 { ex:a rdfs:label "القاهرة" . ex:a ex:p ex:b . }
ex:g2 { ex:a rdfs:label "القاهره" . }
ex:g3 { ex:a rdfs:label "مصر القاهرة" . }
ex:c rdfs:label "الرياض (Riyadh)" ; ex:d1 "سائل شفاف وعديم اللون ١" ; ex:d2 "سائل شفاف وعديم اللون ٢" ;
  ex:d3 "سائل شفاف وعديم اللون ٣" ; ex:d4 "سائل شفاف وعديم اللون ٤" ; ex:d5 "سائل شفاف وعديم اللون ٥" ;
  ex:d6 "سائل شفاف وعديم اللون ٦" ; ex:d7 "سائل شفاف وعديم اللون ٧" .
TTL
"$ENTENTE" dot "$tmp/rtl.trig" -f dot -o "$tmp/rtl.dot" 2>"$tmp/err" || fail "rtl: $(cat "$tmp/err")"
python3 - "$tmp/rtl.dot" <<'PY' || fail "entente's words after right-to-left text are not marked left-to-right"
import re, sys
dot = open(sys.argv[1], encoding="utf-8").read().replace("\\\n", "")
labels = re.findall(r'\blabel="((?:[^"\\]|\\.)*)"', dot)
lrm = "\u200e"
names = [l for l in labels if "other names" in l]
assert names == [lrm + "القاهرة" + lrm + " (+2 other names)"], names
riyadh = [l for l in labels if "Riyadh" in l]
assert riyadh and riyadh[0].startswith("الرياض (Riyadh)\\n"), riyadh
last = riyadh[0].split("\\n")[-1]
assert last.startswith(lrm) and re.search(lrm + r"\+\d+ more$", last), last
PY
# A property's values in several languages: the --lang one where there is
# one, as for names (five definitions filled the node, and its other lines
# went past "+N more"); a property with none in that language keeps all.
cat >"$tmp/ml.ttl" <<'TTL'
@prefix ex: <http://e.example/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dct: <http://purl.org/dc/terms/> .
ex:c skos:prefLabel "water"@en, "eau"@fr, "ماء"@ar ;
  skos:definition "A clear liquid."@en, "Un liquide clair."@fr, "Прозрачная жидкость."@ru, "透明液体。"@zh, "سائل شفاف."@ar ;
  dct:subject "chemistry"@en ; ex:note "untagged note" .
TTL
for args in "en:water\\nskos:definition A clear liquid.\\ndct:subject chemistry · ex:note untagged note" \
  "ar:ماء\\nskos:definition سائل شفاف. · dct:subject chemistry\\nex:note untagged note"; do
  "$ENTENTE" dot "$tmp/ml.ttl" --lang "${args%%:*}" -f dot -o "$tmp/ml.dot" 2>"$tmp/err" || fail "ml: $(cat "$tmp/err")"
  tr -d '\n\t' <"$tmp/ml.dot" | grep -qF "label=\"${args#*:}\"" ||
    fail "--lang ${args%%:*}: other languages' lines kept: $(tr -d '\n\t' <"$tmp/ml.dot" | grep -o 'label="[^"]*definition[^"]*"')"
done
# An OWL annotated axiom (every OBO ontology has thousands) is plumbing:
# its node and the property node only it points at are not drawn (a
# "[ ] a owl:Axiom" hub with an "rdfs:subClassOf" node beside it was).
cat >"$tmp/obo.ttl" <<'TTL'
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix obo: <http://purl.obolibrary.org/obo/> .
@prefix oio: <http://www.geneontology.org/formats/oboInOwl#> .
obo:GO_0007049 a owl:Class ; rdfs:label "cell cycle" ; rdfs:subClassOf obo:GO_0009987 .
obo:GO_0009987 a owl:Class ; rdfs:label "cellular process" .
[ a owl:Axiom ; owl:annotatedSource obo:GO_0007049 ; owl:annotatedProperty rdfs:subClassOf ;
  owl:annotatedTarget obo:GO_0009987 ; oio:source "GOC:mah" ] .
TTL
"$ENTENTE" dot "$tmp/obo.ttl" -f graphml -o "$tmp/obo.graphml" 2>"$tmp/err" || fail "obo: $(cat "$tmp/err")"
[ "$(grep -c '<node ' "$tmp/obo.graphml")" = 2 ] && [ "$(grep -c '<edge ' "$tmp/obo.graphml")" = 1 ] ||
  fail "an annotated axiom is drawn: $(grep -o '<data key="label">[^<]*' "$tmp/obo.graphml" | tr '\n' ' ')"
# A capped view keeps a blank node only beside what it hangs from: 80
# products' offers, each naming the shop, were all kept and 11 of their
# products left out (offers of nothing).
python3 - "$tmp/star.ttl" <<'PY'
import sys
lines = ['@prefix schema: <http://schema.org/> .', '@prefix ex: <http://e.example/> .', 'ex:shop a schema:Store ; schema:name "Shop" .']
for i in range(80):
    lines.append('ex:p%d a schema:Product ; schema:name "Product %d" ; schema:offers [ a schema:Offer ; schema:price "%d.00" ; schema:seller ex:shop ] .' % (i, i, i))
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
PY
"$ENTENTE" dot "$tmp/star.ttl" -f graphml -o "$tmp/star.graphml" 2>"$tmp/err" || fail "star: $(cat "$tmp/err")"
python3 - "$tmp/star.graphml" <<'PY' || fail "a capped view keeps blank nodes apart from what they hang from"
import sys, xml.etree.ElementTree as ET
g = "{http://graphml.graphdrawing.org/xmlns}"
root = ET.parse(sys.argv[1]).getroot()
keys = {k.get("id"): k.get("attr.name") for k in root.iter(g + "key")}
iri = {n.get("id"): {keys.get(x.get("key")): x.text for x in n.iter(g + "data")}.get("iri") or "" for n in root.iter(g + "node")}
owned = {t for s, t in ((e.get("source"), e.get("target")) for e in root.iter(g + "edge")) if not iri[s].startswith("_:")}
blank = [n for n in iri if iri[n].startswith("_:")]
orphans = [n for n in blank if n not in owned]
assert len(iri) >= 140 and blank and not orphans, (len(iri), len(blank), len(orphans))
PY
# A node named by its IRI's tail does not read as a node the graph names
# alike: Wikipedia's …/wiki/Paris is "wiki/Paris" beside ex:paris "Paris".
printf '%s\n' '@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .' '@prefix ex: <http://e.example/> .' \
  'ex:paris rdfs:label "Paris" ; ex:page <https://en.wikipedia.org/wiki/Paris> .' >"$tmp/paris.ttl"
"$ENTENTE" dot "$tmp/paris.ttl" -f dot -o "$tmp/paris.dot" 2>"$tmp/err" || fail "paris: $(cat "$tmp/err")"
tr -d '\n\t' <"$tmp/paris.dot" | grep -q 'label=Paris,' && tr -d '\n\t' <"$tmp/paris.dot" | grep -q 'label="wiki/Paris"' ||
  fail "an IRI's tail reads as a named node: $(tr -d '\n\t' <"$tmp/paris.dot" | grep -o 'label=[^,]*' | tr '\n' ' ')"
# Two predicates drawn with one name are told apart, as nodes are: by
# their prefixed names, else by longer tails of their IRIs (DBpedia's
# ontology/ and property/ birthPlace were both "birthPlace", two spouse
# edges between the same two people).
printf '%s\n' '<http://dbpedia.org/resource/A> <http://dbpedia.org/ontology/birthPlace> <http://dbpedia.org/resource/Paris> .' \
  '<http://dbpedia.org/resource/A> <http://dbpedia.org/property/birthPlace> <http://dbpedia.org/resource/Lyon> .' \
  '<http://dbpedia.org/resource/A> <http://dbpedia.org/ontology/spouse> <http://dbpedia.org/resource/B> .' \
  '<http://dbpedia.org/resource/A> <http://dbpedia.org/property/spouse> <http://dbpedia.org/resource/B> .' \
  '<http://dbpedia.org/resource/A> <http://xmlns.com/foaf/0.1/knows> <http://dbpedia.org/resource/B> .' >"$tmp/dbp.nt"
"$ENTENTE" dot "$tmp/dbp.nt" -f dot -o "$tmp/dbp.dot" 2>"$tmp/err" || fail "dbp: $(cat "$tmp/err")"
# DBpedia's namespaces have their usual prefixes even where the file (N-Triples) names none.
[ "$(tr -d '\n\t' <"$tmp/dbp.dot" | grep -o -- '-> n[0-9]*[^]]*]' | grep -o 'label=[^]]*' | sort | tr '\n' ' ')" = \
  'label="dbo:birthPlace" label="dbo:spouse" label="dbp:birthPlace" label="dbp:spouse" label="foaf:knows" ' ] ||
  fail "two predicates of one name: $(tr -d '\n\t' <"$tmp/dbp.dot" | grep -o -- '-> n[0-9]*[^]]*]' | grep -o 'label=[^]]*' | tr '\n' ' ')"
tr -d '\n\t' <"$tmp/dbp.dot" | grep -q 'label="dbr:Paris"' || fail "dbr: not drawn as a prefix: $(grep -o 'label=[^,]*' "$tmp/dbp.dot" | tr '\n' ' ')"
sed 's|http://dbpedia.org/|http://data.example/|g' "$tmp/dbp.nt" >"$tmp/dex.nt"
"$ENTENTE" dot "$tmp/dex.nt" -f dot -o "$tmp/dex.dot" 2>"$tmp/err" || fail "dex: $(cat "$tmp/err")"
[ "$(tr -d '\n\t' <"$tmp/dex.dot" | grep -o -- '-> n[0-9]*[^]]*]' | grep -o 'label=[^]]*' | sort | tr '\n' ' ')" = \
  'label="foaf:knows" label="ontology/birthPlace" label="ontology/spouse" label="property/birthPlace" label="property/spouse" ' ] ||
  fail "two predicates of one name (no prefix): $(tr -d '\n\t' <"$tmp/dex.dot" | grep -o -- '-> n[0-9]*[^]]*]' | grep -o 'label=[^]]*' | tr '\n' ' ')"
printf '%s\n' '@prefix dbo: <http://dbpedia.org/ontology/> .' '@prefix dbp: <http://dbpedia.org/property/> .' \
  '<http://e.example/a> dbo:spouse <http://e.example/b> ; dbp:spouse <http://e.example/c> .' >"$tmp/dbp.ttl"
"$ENTENTE" dot "$tmp/dbp.ttl" -f dot -o "$tmp/dbp.dot" 2>"$tmp/err" || fail "dbp.ttl: $(cat "$tmp/err")"
[ "$(tr -d '\n\t' <"$tmp/dbp.dot" | grep -o -- '-> n[0-9]*[^]]*]' | grep -o 'label=[^]]*' | sort | tr '\n' ' ')" = 'label="dbo:spouse" label="dbp:spouse" ' ] ||
  fail "two predicates of one name, prefixes declared: $(tr -d '\n\t' <"$tmp/dbp.dot" | grep -o -- '-> n[0-9]*[^]]*]' | grep -o 'label=[^]]*' | tr '\n' ' ')"
# What the rings outwards do not reach is kept with what is around it:
# 300 pairs named first ends first were drawn as 114 first ends alone,
# each one's other end left out.  The last place goes to no node that
# would stand apart from its edges; the cap says how many were drawn.
python3 - "$tmp/pairs.nt" <<'PY'
import sys
L = "<http://www.w3.org/2000/01/rdf-schema#label>"
with open(sys.argv[1], "w") as f:
    for i in range(300):
        f.write('<http://e.example/a%d> %s "A %d" .\n' % (i, L, i))
    for i in range(300):
        f.write('<http://e.example/b%d> %s "B %d" .\n' % (i, L, i))
        f.write('<http://e.example/a%d> <http://e.example/knows> <http://e.example/b%d> .\n' % (i, i))
PY
for cap in 150 151; do
  "$ENTENTE" dot "$tmp/pairs.nt" -f graphml --max-nodes $cap -o "$tmp/pairs.graphml" 2>"$tmp/err" ||
    fail "pairs, --max-nodes $cap: $(cat "$tmp/err")"
  grep -q "capped, showing 150 of the view's 600 nodes; 450 left out (--max-nodes $cap)" "$tmp/err" ||
    fail "pairs, --max-nodes $cap: the cap's message: $(cat "$tmp/err")"
  python3 - "$tmp/pairs.graphml" <<'PY' || fail "pairs, --max-nodes $cap: the cap keeps nodes apart from their edges"
import sys, xml.etree.ElementTree as ET
g = "{http://graphml.graphdrawing.org/xmlns}"
root = ET.parse(sys.argv[1]).getroot()
nodes = [n.get("id") for n in root.iter(g + "node")]
ends = {e.get(k) for e in root.iter(g + "edge") for k in ("source", "target")}
alone = [n for n in nodes if n not in ends]
assert len(nodes) == 150 and not alone, (len(nodes), len(alone))
PY
done
# A long name in Chinese, which has no spaces, is broken between its
# characters (never before "，" or "。"), each line about as long; Thai,
# with neither spaces nor wide characters, is cut at 80 columns.
python3 - "$tmp/wide-name.ttl" <<'PY'
import sys
zh = "俄罗斯与美国在沙特阿拉伯首都利雅得举行技术层面的谈判，双方就黑海航行安全、能源设施停火以及战俘交换等问题进行了长达十二小时的磋商。"
th = "การเจรจาระหว่างสหรัฐอเมริกาและรัสเซียที่กรุงริยาดประเทศซาอุดีอาระเบียเกี่ยวกับความปลอดภัยในการเดินเรือในทะเลดำและการหยุดยิง"
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write('<http://e.example/zh> <http://www.w3.org/2000/01/rdf-schema#label> "%s" .\n' % zh)
    f.write('<http://e.example/th> <http://www.w3.org/2000/01/rdf-schema#label> "%s" .\n' % th)
    more = {
        "fam": "家族" + "\U0001F468\u200D\U0001F469\u200D\U0001F467" * 20,
        "flag": "x" + "\U0001F1EF\U0001F1F5" * 50,
        "k41": "漢" * 41,
        "kinsoku": "「あいうえおかきくけこさしすせそたちつてとなにぬねの」「はひふへほまみむめもやゆよらりるれろわをんがぎぐげご」" * 2,
        "many": "\\n".join("L%d" % i for i in range(10)),
        "ko": "대한민국 외교부 장관과 미국 국무부 장관이 사우디아라비아 리야드에서 우크라이나 전쟁 종식을 위한 기술 협상에 참석했습니다",
    }
    for key, name in more.items():
        f.write('<http://e.example/%s> <http://www.w3.org/2000/01/rdf-schema#label> "%s" .\n' % (key, name))
PY
"$ENTENTE" dot "$tmp/wide-name.ttl" -f dot -o "$tmp/wide-name.dot" 2>"$tmp/err" || fail "wide names: $(cat "$tmp/err")"
flat "$tmp/wide-name.dot"
python3 - "$tmp/wide-name.dot" <<'PY' || fail "wide names: $(grep -o 'label="[^"]*' "$tmp/wide-name.dot")"
import re, sys, unicodedata
text = open(sys.argv[1], encoding="utf-8").read()
def cols(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) or unicodedata.category(c) == "Mn" else 1 for c in s)
zh = re.search(r'label="(俄罗斯[^"]*)"', text).group(1).split("\\n")
th = re.search(r'label="(การ[^"]*)"', text).group(1).split("\\n")
assert len(zh) == 3 and all(cols(l) <= 64 for l in zh), zh
assert not any(l[0] in "，。、" for l in zh[1:]), zh
assert len(th) == 2 and cols(th[0]) <= 80, th
def lines(key):
    m = re.search(r'URL="http://e.example/%s"[^;]*?label="([^"]*)"[^;]*?tooltip="([^"]*)"' % key, text, re.S)
    return m.group(1).split("\\n"), m.group(2)
# Never inside a grapheme cluster: a family stays one, a flag one.
family = "\U0001F468\u200D\U0001F469\u200D\U0001F467"
fam, _ = lines("fam")
assert len(fam) > 1 and "".join(fam) == "家族" + family * 20, fam
assert all(l.replace("家族", "").replace(family, "") == "" for l in fam), fam
flag, _ = lines("flag")
assert all(len(l.lstrip("x")) % 2 == 0 for l in flag), flag
# Wide characters fill even widths: 21 and 20, not 20, 20 and one alone.
assert [len(l) for l in lines("k41")[0]] == [21, 20], lines("k41")[0]
# An opening bracket never ends a line, a closing one never starts one.
kin, _ = lines("kinsoku")
assert len(kin) > 1 and not any(l.endswith("「") or l.startswith("」") for l in kin), kin
# Korean puts spaces between words: its lines break there, not inside one.
ko, _ = lines("ko")
assert len(ko) > 1 and " ".join(ko) == "대한민국 외교부 장관과 미국 국무부 장관이 사우디아라비아 리야드에서 우크라이나 전쟁 종식을 위한 기술 협상에 참석했습니다", ko
# Six lines at most; the rest is in the tooltip.
many, tip = lines("many")
assert many == ["L0", "L1", "L2", "L3", "L4", "L5…"] and "L9" in tip, (many, tip)
PY
# Wikidata: a statement no direct claim repeats is drawn as that claim,
# named as its property; one a direct claim repeats is not drawn twice.
cat >"$tmp/statements.ttl" <<'TTL'
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix wdt: <http://www.wikidata.org/prop/direct/> .
@prefix p: <http://www.wikidata.org/prop/> .
@prefix ps: <http://www.wikidata.org/prop/statement/> .
@prefix wds: <http://www.wikidata.org/entity/statement/> .
@prefix wikibase: <http://wikiba.se/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
wd:Q7747 rdfs:label "Vladimir Putin"@en ; p:P39 wds:s1 ; wdt:P27 wd:Q159 ; p:P27 wds:s3 .
wds:s1 a wikibase:Statement ; ps:P39 wd:Q218295 .
wds:s3 a wikibase:Statement ; ps:P27 wd:Q159 .
wd:Q218295 rdfs:label "President of Russia"@en .
wd:Q159 rdfs:label "Russia"@en .
wd:P39 rdfs:label "position held"@en ; wikibase:directClaim wdt:P39 .
TTL
"$ENTENTE" dot "$tmp/statements.ttl" -f dot | tr -d '\n\t' | grep -o -- '-> n[0-9]*[^]]*]' >"$tmp/statements.edges"
[ "$(grep -c 'label="position held"' "$tmp/statements.edges")" = 1 ] && [ "$(grep -c 'label="wdt:P27"' "$tmp/statements.edges")" = 1 ] ||
  fail "Wikidata statements: $(cat "$tmp/statements.edges")"
# In somebody else's graph, what each source calls a node is on its card.
printf '%s\n' '<http://e.example/a> <http://www.w3.org/2000/01/rdf-schema#label> "Alpha" <http://e.example/g1> .' \
  '<http://e.example/a> <http://www.w3.org/2000/01/rdf-schema#label> "Alfa" <http://e.example/g2> .' >"$tmp/names-compare.nq"
"$ENTENTE" dot "$tmp/names-compare.nq" -f dot --view compare:http://e.example/a >"$tmp/names-compare.dot"
grep -q 'rdfs:label: Alpha' "$tmp/names-compare.dot" && grep -q 'rdfs:label: Alfa' "$tmp/names-compare.dot" ||
  fail "compare cards leave out the names sources give: $(grep 'label="g' "$tmp/names-compare.dot")"
# In somebody else's graph, "head of" beside a post in the same body (a
# treasurer who also heads it) is a fact of its own, drawn.
printf '%s\n' '@prefix org: <http://www.w3.org/ns/org#> .' '@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .' \
  '<http://e.example/acme> a org:Organization ; rdfs:label "Acme" .' \
  '<http://e.example/ann> rdfs:label "Ann" ; org:headOf <http://e.example/acme> .' \
  '<http://e.example/t> a org:Post ; rdfs:label "Treasurer" ; org:postIn <http://e.example/acme> ; org:heldBy <http://e.example/ann> .' >"$tmp/head-and-post.ttl"
"$ENTENTE" dot "$tmp/head-and-post.ttl" -f dot | tr -d '\n\t' >"$tmp/head-and-post.dot"
grep -q 'label="org:headOf"' "$tmp/head-and-post.dot" && grep -q 'label=Treasurer' "$tmp/head-and-post.dot" ||
  fail "org:headOf beside a post in the same body is not drawn"
# A symmetric relation stated one way in one graph and the other way in
# two more is one edge of three sources; a concept whose broader one is
# in another scheme keeps its own edge to its scheme.
printf '%s\n' '<http://e.example/a> <http://www.w3.org/2004/02/skos/core#related> <http://e.example/b> <http://e.example/g1> .' \
  '<http://e.example/b> <http://www.w3.org/2004/02/skos/core#related> <http://e.example/a> <http://e.example/g2> .' \
  '<http://e.example/b> <http://www.w3.org/2004/02/skos/core#related> <http://e.example/a> <http://e.example/g3> .' >"$tmp/related.nq"
"$ENTENTE" dot "$tmp/related.nq" -f dot | grep -q '(3 sources)' || fail "skos:related both ways in three graphs: not three sources"
printf '%s\n' '@prefix skos: <http://www.w3.org/2004/02/skos/core#> .' '@prefix e: <http://e.example/> .' \
  'e:top skos:prefLabel "Top" ; skos:topConceptOf e:s1 .' \
  'e:c skos:prefLabel "C" ; skos:inScheme e:s2 ; skos:broader e:top .' 'e:s2 skos:prefLabel "S2" .' >"$tmp/two-schemes.ttl"
"$ENTENTE" dot "$tmp/two-schemes.ttl" -f dot | tr -d '\n\t' | grep -q 'label="skos:inScheme"' ||
  fail "a concept whose broader one is in another scheme loses its edge to its own"
# Names from IRIs: a right-to-left override or a space alone stays escaped.
printf '%s\n' '<http://e.example/a%E2%80%AEb> <http://e.example/p> <http://e.example/x/%20> .' >"$tmp/controls.ttl"
"$ENTENTE" dot "$tmp/controls.ttl" -f dot >"$tmp/controls.dot"
grep -q 'label="a%E2%80%AEb"' "$tmp/controls.dot" && grep -q 'label="%20"' "$tmp/controls.dot" ||
  fail "percent-escapes of a control or a space are decoded: $(grep label= "$tmp/controls.dot" | tr -d '\t\n')"
# "<<" inside a string is no RDF-star.
set +e
printf '%s\n' '@prefix e: <http://e.example/> .' 'e:a e:p "x << y" ; e:q .' >"$tmp/not-star.ttl"
"$ENTENTE" dot "$tmp/not-star.ttl" -f dot >/dev/null 2>"$tmp/err"
set -e
grep -q 'error' "$tmp/err" && ! grep -q 'RDF-star' "$tmp/err" || fail "'<<' in a string taken for RDF-star: $(cat "$tmp/err")"
# A full disk is the output's failure (74, said), not the input's (66).
if [ -w /dev/full ]; then
  for f in dot svg graphml; do
    set +e
    "$ENTENTE" dot "$diagrams/foaf.ttl" -f "$f" >/dev/full 2>"$tmp/err"; rc=$?
    set -e
    [ "$rc" = 74 ] && grep -q 'error: writing .*failed: No space left on device' "$tmp/err" ||
      fail "dot -f $f to /dev/full: exit $rc: $(cat "$tmp/err")"
  done
  # A dataset's diagram, to the standard output or as -o: said too (it
  # exited 74 in silence).
  for f in dot svg png; do
    for to in stdout "-o"; do
      set +e
      if [ "$to" = stdout ]; then
        "$ENTENTE" export "$ENTENTE_SRC/tests/good/minimal.xml" -w -f "$f" >/dev/full 2>"$tmp/err"; rc=$?
      else
        "$ENTENTE" export "$ENTENTE_SRC/tests/good/minimal.xml" -w -f "$f" -o /dev/full 2>"$tmp/err"; rc=$?
      fi
      set -e
      [ "$rc" = 74 ] && grep -q 'error: writing .*failed: No space left on device' "$tmp/err" ||
        fail "export -f $f to /dev/full ($to): exit $rc: $(cat "$tmp/err")"
    done
  done
fi
# A file-size limit reached while the diagram is written is said, and
# leaves no file.
set +e
(ulimit -f 2; trap '' XFSZ; exec "$ENTENTE" export "$data" -w -f svg -o "$tmp/capped.svg") 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 74 ] && grep -q 'error: writing .*failed: File too large' "$tmp/err" && [ ! -e "$tmp/capped.svg" ] ||
  fail "export -f svg past ulimit -f: exit $rc: $(cat "$tmp/err")"
# --lang en-GB takes a name in en (RFC 4647's fallback) over one in fr.
printf '%s\n' '@prefix skos: <http://www.w3.org/2004/02/skos/core#> .' \
  '<http://e.example/c> skos:prefLabel "Couleur"@fr, "Colour"@en, "Color"@en-US .' >"$tmp/engb.ttl"
"$ENTENTE" dot "$tmp/engb.ttl" -f dot --lang en-GB | grep -q 'label=Colour' ||
  fail "--lang en-GB: $("$ENTENTE" dot "$tmp/engb.ttl" -f dot --lang en-GB | grep 'label=C')"

# Any RDF: somebody else's graph, the ontology itself, our own exports.
"$ENTENTE" dot "$diagrams/foaf.ttl" -f dot >"$tmp/foaf.dot" 2>"$tmp/err"
[ ! -s "$tmp/err" ] || fail "foaf.ttl: $(cat "$tmp/err")"
grep -q 'label=Alice' "$tmp/foaf.dot" || fail "foaf: English label not preferred"
grep -q 'label="foaf:knows"' "$tmp/foaf.dot" || fail "foaf: prefixed edge label missing"
grep -q 'label="foaf:Person"' "$tmp/foaf.dot" || fail "foaf: legend does not name foaf:Person"
grep -q 'label="Bob &#92;&#92; \\"the builder\\" &amp; <co>"' "$tmp/foaf.dot" || fail "foaf: label not escaped as expected"
# A label ending in a backslash shows it; an empty label names nothing (the
# IRI's tail does).
printf '<https://example.org/a> <http://www.w3.org/2000/01/rdf-schema#label> "Evil\\\\" .\n<https://example.org/b> <http://www.w3.org/2000/01/rdf-schema#label> "" .\n' >"$tmp/edge.nt"
"$ENTENTE" dot "$tmp/edge.nt" -f dot -o "$tmp/edge.dot"
grep -q 'label=b,' "$tmp/edge.dot" || fail "an empty label is drawn, not the IRI's tail"
"$ENTENTE" dot "$tmp/edge.nt" -f svg -o "$tmp/edge.svg"
grep -q '>Evil\\</text>' "$tmp/edge.svg" || fail "trailing backslash lost in SVG"
"$ENTENTE" dot "$diagrams/foaf.ttl" -f dot --lang ru | grep -q 'label=Алиса' || fail "foaf: --lang ru not honoured"
# --lang falls back to English where a node has no name in that language,
# then to any: not to whichever translation came first.  One graph that
# names a node in several languages gives translations, not rival names.
printf '%s\n' '@prefix ex: <http://e.example/> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .' \
  'ex:p rdfs:label "Person"@de, "person"@en, "persona"@es, "persona"@it ; ex:knows ex:q .' \
  'ex:q rdfs:label "Olympischer Eid"@de, "olympic oath"@en ; ex:knows ex:r .' \
  'ex:r rdfs:label "carachtar"@ga, "Figur"@de .' >"$tmp/langs.ttl"
"$ENTENTE" dot "$tmp/langs.ttl" -f dot --lang ko -o "$tmp/langs.dot" 2>"$tmp/err" || fail "langs: $(cat "$tmp/err")"
labels=$(tr -d '\n\t' <"$tmp/langs.dot" | grep -o 'label=[^,]*' | tr '\n' ' ')
for want in 'label=person ' 'label="olympic oath" ' 'label=carachtar '; do
  grep -qF -- "$want" <<<"$labels" || fail "--lang ko: no $want (English first, then the first): $labels"
done
! grep -qE 'label=(Person|"Olympischer Eid"|Figur) ' <<<"$labels" || fail "--lang ko: a translation before English: $labels"
rapper -q -i turtle -o nquads "$tmp/langs.ttl" | sed 's| \.$| <http://e.example/g> .|' | grep -v '"person"@en\|"olympic oath"@en' >"$tmp/langs.nq"
"$ENTENTE" dot "$tmp/langs.nq" -f dot --lang ko -o "$tmp/langs.dot" 2>"$tmp/err" || fail "langs.nq: $(cat "$tmp/err")"
! grep -q 'other name' "$tmp/langs.dot" || fail "one graph's translations drawn as rival names: $(grep -o 'label=[^,]*' "$tmp/langs.dot" | tr '\n' ' ')"
tr -d '\n\t' <"$tmp/langs.dot" | grep -q 'label=Person,' || fail "one graph's translations: not its first: $(grep -o 'label=[^,]*' "$tmp/langs.dot" | tr '\n' ' ')"
# A value cut on a node is whole in its tooltip and GraphML's details; a
# second comment in as good a language is a line, not lost.
long="A description that goes well past sixty characters, so that the node cannot show it whole: the end is here."
printf '%s\n' '@prefix ex: <http://e.example/> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .' \
  "ex:c rdfs:label \"C\" ; skos:definition \"$long\" ; ex:short \"short\" ; rdfs:comment \"First note.\", \"Second note.\" ; ex:to ex:d ." >"$tmp/long.ttl"
"$ENTENTE" dot "$tmp/long.ttl" -f dot -o "$tmp/long.dot" 2>"$tmp/err" || fail "long: $(cat "$tmp/err")"
grep -q 'skos:definition A description that goes well past sixty.*…' "$tmp/long.dot" || fail "long value not cut on the node: $(grep -A3 'n0' "$tmp/long.dot")"
tr -d '\n\t' <"$tmp/long.dot" | sed 's/\\//g' | grep -q "tooltip=\"C.*skos:definition $long.*ex:short short" ||
  fail "long value not whole in the tooltip: $(grep -o 'tooltip="[^"]*' "$tmp/long.dot")"
"$ENTENTE" dot "$tmp/long.ttl" -f graphml -o "$tmp/long.graphml" 2>"$tmp/err" || fail "long graphml: $(cat "$tmp/err")"
python3 - "$tmp/long.graphml" "$long" <<'PY' || fail "long value not whole in GraphML's details, or a comment lost"
import sys, xml.etree.ElementTree as ET
g = "{http://graphml.graphdrawing.org/xmlns}"
root = ET.parse(sys.argv[1]).getroot()
keys = {k.get("id"): k.get("attr.name") for k in root.iter(g + "key")}
for n in root.iter(g + "node"):
    d = {keys.get(x.get("key")): x.text or "" for x in n.iter(g + "data")}
    if d.get("iri") == "http://e.example/c":
        assert "skos:definition " + sys.argv[2] in d["details"], d
        assert "ex:short short" in d["details"] and "rdfs:comment Second note." in d["details"], d
        assert d["description"] == "First note.", d
        break
else:
    raise SystemExit("no node c")
PY
# A note names another syntax only if the file reads as it into
# statements: raptor's N-Quads reader takes this broken Turtle (a comment
# with a '"' first) without an error and without a statement, and the
# note sent the user to --syntax nquads, which said to give turtle.
printf '%s\n' '# Long literal with 4"' '@prefix : <http://example.org/> .' ':s :p """abc"""" .' >"$tmp/bad4.ttl"
if "$ENTENTE" dot "$tmp/bad4.ttl" -f dot -o "$tmp/bad4.dot" 2>"$tmp/err"; then fail "bad4.ttl read"; fi
grep -q "bad4.ttl:3:1: error: syntax error" "$tmp/err" && ! grep -q "reads as" "$tmp/err" ||
  fail "a syntax read into nothing named: $(cat "$tmp/err")"
# SKOS-XL (AGROVOC, EuroVoc): a concept is named by its label resource's
# literal form, in the --lang language where it has one, and the label
# resources are not drawn.
printf '%s\n' '@prefix ex: <http://e.example/> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> . @prefix skosxl: <http://www.w3.org/2008/05/skos-xl#> .' \
  'ex:c1 a skos:Concept ; skosxl:prefLabel ex:l1 ; skosxl:altLabel ex:l3 ; skos:broader ex:c2 .' \
  'ex:l1 a skosxl:Label ; skosxl:literalForm "Water"@en, "Wasser"@de .' \
  'ex:l3 a skosxl:Label ; skosxl:literalForm "H2O"@en .' \
  'ex:c2 a skos:Concept ; skosxl:prefLabel [ a skosxl:Label ; skosxl:literalForm "Matter"@en ] .' >"$tmp/xl.ttl"
for l in en:Water de:Wasser; do
  "$ENTENTE" dot "$tmp/xl.ttl" --lang "${l%:*}" -f dot -o "$tmp/xl.dot" 2>"$tmp/err" || fail "xl: $(cat "$tmp/err")"
  labels=$(tr -d '\n\t' <"$tmp/xl.dot" | grep -o 'label=[^],]*' | grep -v 'TABLE\|Legend\|\\N' | tr '\n' ' ')
  [ "$labels" = "label=\"skos:Concept\" label=${l#*:} label=Matter label=\"skos:broader\" " ] ||
    fail "SKOS-XL (--lang ${l%:*}): $labels"
done
# One article's diagram draws what it mentions, and the registry around
# it, not registry entities it never names that nothing drawn relates to
# (NATO, Turkey, the UN in TASS's); the whole corpus's still draws an
# entity an article mentions with nothing drawn beside it (Kellogg).
"$ENTENTE" export "$data/articles/tass-2025-03-24-closed-format.xml" --text-dir "$shared" -f dot -o "$tmp/tass.dot" 2>"$tmp/err" ||
  fail "TASS alone: $(cat "$tmp/err")"
! grep -qE 'label=(NATO|Turkey|"United Nations"),' "$tmp/tass.dot" && grep -q 'label="Grigory Karasin' "$tmp/tass.dot" ||
  fail "TASS alone: registry context drawn, or the article's own missing: $(grep -o 'label=[^,]*' "$tmp/tass.dot" | tr '\n' ' ')"
"$ENTENTE" export "$data" --text-dir "$shared" -f dot -o "$tmp/corpus.dot" 2>"$tmp/err" || fail "corpus: $(cat "$tmp/err")"
grep -q 'label="Keith Kellogg' "$tmp/corpus.dot" || fail "corpus: a mentioned entity left out"
# A label resource that is more than a label (a concept too, with links
# of its own) stays drawn, its links with it.
printf '%s\n' '@prefix ex: <http://e.example/> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> . @prefix skosxl: <http://www.w3.org/2008/05/skos-xl#> .' \
  'ex:c a skos:Concept ; skosxl:prefLabel ex:l .' \
  'ex:l a skosxl:Label, skos:Concept ; skosxl:literalForm "Label form"@en ; skos:prefLabel "L as concept"@en ; skos:broader ex:c2 .' \
  'ex:c2 a skos:Concept ; skos:prefLabel "Top"@en .' >"$tmp/xl2.ttl"
"$ENTENTE" dot "$tmp/xl2.ttl" -f dot -o "$tmp/xl2.dot" 2>"$tmp/err" || fail "xl2: $(cat "$tmp/err")"
tr -d '\n\t' <"$tmp/xl2.dot" | grep -q 'label="L as concept' && tr -d '\n\t' <"$tmp/xl2.dot" | grep -q 'label="Label form"' &&
  tr -d '\n\t' <"$tmp/xl2.dot" | grep -q 'label="skos:broader"' ||
  fail "SKOS-XL: a label that is a concept too was hidden: $(grep -o 'label=[^,]*' "$tmp/xl2.dot" | tr '\n' ' ')"
# OWL's symmetric links stated both ways (FOAF states its owl:inverseOf
# pairs so) are one edge each, as skos:exactMatch's are.
printf '%s\n' '@prefix ex: <http://example.org/> . @prefix owl: <http://www.w3.org/2002/07/owl#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .' \
  'ex:made owl:inverseOf ex:maker . ex:maker owl:inverseOf ex:made .' \
  'ex:A owl:equivalentClass ex:B . ex:B owl:equivalentClass ex:A .' \
  'ex:p owl:equivalentProperty ex:q . ex:q owl:equivalentProperty ex:p .' \
  'ex:x owl:sameAs ex:y . ex:y owl:sameAs ex:x .' \
  'ex:c1 skos:exactMatch ex:c2 . ex:c2 skos:exactMatch ex:c1 .' >"$tmp/sym.ttl"
"$ENTENTE" dot "$tmp/sym.ttl" -f dot -o "$tmp/sym.dot" 2>"$tmp/err" || fail "sym: $(cat "$tmp/err")"
for p in owl:inverseOf owl:equivalentClass owl:equivalentProperty owl:sameAs skos:exactMatch; do
  [ "$(tr -d '\n\t' <"$tmp/sym.dot" | grep -o -- "-> n[0-9]*[^]]*label=\"$p\"" | wc -l)" = 1 ] ||
    fail "$p stated both ways: not one edge: $(grep -c -- "$p" "$tmp/sym.dot")"
done
# Comments in other languages than --lang's are translations, not lines.
printf '%s\n' '@prefix ex: <http://e.example/> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .' \
  'ex:t rdfs:label "Ding"@de ; rdfs:comment "Ein Ding"@de, "Une chose"@fr, "Una cosa"@it ; ex:to ex:u .' >"$tmp/tr.ttl"
"$ENTENTE" dot "$tmp/tr.ttl" --lang ko -f dot -o "$tmp/tr.dot" 2>"$tmp/err" || fail "tr: $(cat "$tmp/err")"
! grep -q 'rdfs:comment' "$tmp/tr.dot" || fail "translated comments drawn as lines: $(grep -o 'label="[^"]*"' "$tmp/tr.dot" | tr '\n' ' ')"
# N-Triples name no prefixes: DBpedia's, Dublin Core's and the like are
# drawn with their usual ones all the same.
printf '%s\n' '<http://dbpedia.org/resource/AC/DC> <http://purl.org/dc/elements/1.1/creator> <http://dbpedia.org/resource/Angus_Young> .' >"$tmp/acdc.nt"
"$ENTENTE" dot "$tmp/acdc.nt" -f dot -o "$tmp/acdc.dot" 2>"$tmp/err" || fail "acdc: $(cat "$tmp/err")"
tr -d '\n\t' <"$tmp/acdc.dot" | grep -q 'label="dbr:AC/DC"' && tr -d '\n\t' <"$tmp/acdc.dot" | grep -q 'label="dc:creator"' ||
  fail "N-Triples' namespaces: $(grep -o 'label=[^,]*' "$tmp/acdc.dot" | tr '\n' ' ')"
# An alias (skos:altLabel) labels a node in the --lang language its names
# are not in, and never outranks a name in that language.
printf '%s\n' '@prefix skos: <http://www.w3.org/2004/02/skos/core#> . @prefix schema: <http://schema.org/> .' \
  '<http://e.example/p> schema:name "Dmitry Peskov"@en ; skos:altLabel "Дмитрий Песков"@ru, "D. Peskov"@en ; schema:knows <http://e.example/q> .' \
  '<http://e.example/q> skos:altLabel "Q"@en ; schema:knows <http://e.example/r> .' \
  '<http://e.example/r> skos:prefLabel "Paris" ; skos:altLabel "City of Light"@en .' >"$tmp/alias.ttl"
"$ENTENTE" dot "$tmp/alias.ttl" -f dot --lang ru | grep -q 'label="Дмитрий Песков"' || fail "an alias in the --lang language is not the label"
"$ENTENTE" dot "$tmp/alias.ttl" -f dot -o "$tmp/alias.dot"
grep -q 'label="Dmitry Peskov"' "$tmp/alias.dot" && grep -q 'label=Q' "$tmp/alias.dot" && grep -q 'label=Paris' "$tmp/alias.dot" ||
  fail "aliases: $(grep -o 'label=[^,]*' "$tmp/alias.dot")"
"$ENTENTE" export "$ENTENTE_SRC/data" -q -w -f dot --lang ru -o "$tmp/ru.dot"
grep -q 'label="Совет Федерации' "$tmp/ru.dot" || fail "the corpus with --lang ru: no Russian alias drawn"
"$ENTENTE" dot "$diagrams/foaf.ttl" -f svg -o "$tmp/foaf.svg"
! grep -Eq 'xlink:href="(javascript|file):' "$tmp/foaf.svg" || fail "foaf: javascript: or file: link in SVG"
grep -q 'xlink:href="http://example.org/people#alice"' "$tmp/foaf.svg" || fail "foaf: web IRI not linked"
# entente's own ontology is a vocabulary like any other: its classes and
# properties drawn (its prov:Role individuals once made it read as an
# export of entente's, and drew 8 concept schemes alone).
"$ENTENTE" dot "$ENTENTE_SRC/ontology/entente.ttl" --max-nodes 400 -f svg -o "$tmp/ontology.svg" 2>"$tmp/err"
[ ! -s "$tmp/err" ] || fail "ontology: $(cat "$tmp/err")"
"$ENTENTE" dot "$ENTENTE_SRC/ontology/entente.ttl" --max-nodes 400 -f dot -o "$tmp/ontology.dot"
for want in 'label=Official' 'label=Negotiation' 'label="rdfs:domain"' 'label="rdfs:subClassOf"' 'label="owl:Class"'; do
  grep -qF "$want" "$tmp/ontology.dot" || fail "ontology: no $want drawn"
done
for f in ttl nt nq rdf rj; do
  "$ENTENTE" dot "$ENTENTE_SRC/out/riyadh-march-2025.$f" -f dot >"$tmp/from-$f.dot"
done
# The diagram of the exported RDF is the diagram of the dataset.
"$ENTENTE" export "$data" --text-dir "$shared" -f dot >"$tmp/from-model.dot"
for f in ttl nt nq rdf rj; do
  [ "$(grep -c '^	*n[0-9]*	\[' "$tmp/from-$f.dot")" = "$(grep -c '^	*n[0-9]*	\[' "$tmp/from-model.dot")" ] ||
    fail "drawing out/*.$f gives a different number of nodes than the model"
done
# JSON-LD, which raptor2 cannot read, is refused with the way out; so is a
# raptor parser that guesses or fetches.
for args in "$ENTENTE_SRC/out/riyadh-march-2025.jsonld:rdflib.tools.rdfpipe -i json-ld -o nquads" \
  "$ENTENTE_SRC/out/riyadh-march-2025.ttl --syntax guess:use turtle, ntriples, nquads, trig, rdfxml or rdfjson"; do
  set +e
  # shellcheck disable=SC2086 # the words are the arguments
  "$ENTENTE" dot ${args%%:*} -f dot -o "$tmp/refused.dot" 2>"$tmp/err"
  rc=$?
  set -e
  [ "$rc" = 64 ] && grep -qF "${args#*:}" "$tmp/err" && [ ! -e "$tmp/refused.dot" ] ||
    fail "dot ${args%%:*}: exit $rc: $(cat "$tmp/err")"
done
# RDF/JSON's errors (yajl's) are said once, on their line; Notation3's
# name reads Turtle, as raptor took it.
sed '6s/"uri"/"uri/' "$ENTENTE_SRC/out/riyadh-march-2025.rj" >"$tmp/bad.rj"
set +e
"$ENTENTE" dot "$tmp/bad.rj" -f dot -o "$tmp/refused.dot" 2>"$tmp/err"
rc=$?
set -e
[ "$rc" = 65 ] && [ "$(wc -l <"$tmp/err")" = 1 ] && grep -q "^$tmp/bad.rj:6:[0-9]*: error: YAJL error: lexical error" "$tmp/err" ||
  fail "RDF/JSON error: exit $rc: $(cat "$tmp/err")"
"$ENTENTE" dot "$ENTENTE_SRC/out/riyadh-march-2025.ttl" --syntax n3 -f dot -o "$tmp/n3.dot" || fail "--syntax n3 refused"
# A file whose name (or --syntax) says one syntax and whose first word says
# another is told in one line with the --syntax to give, not with an error
# a statement: Turtle named .nt, RDF/XML named .ttl, Turtle read as RDF/XML,
# JSON named .nq.  A Turtle file read as TriG, and N-Triples as Turtle, are
# read.
cp "$ENTENTE_SRC/out/riyadh-march-2025.ttl" "$tmp/turtle.nt"
cp "$ENTENTE_SRC/out/riyadh-march-2025.rdf" "$tmp/rdfxml.ttl"
cp "$ENTENTE_SRC/out/riyadh-march-2025.rj" "$tmp/json.nq"
for args in "$tmp/turtle.nt:looks like Turtle (it begins with '@prefix'), not N-Triples as its name says; give --syntax turtle (or trig)" \
  "$tmp/rdfxml.ttl:looks like RDF/XML (it begins with '<?xml'), not Turtle as its name says; give --syntax rdfxml" \
  "$ENTENTE_SRC/out/riyadh-march-2025.ttl --syntax rdfxml:looks like Turtle (it begins with '@prefix'), not RDF/XML as --syntax says" \
  "$tmp/json.nq:looks like JSON (it begins with '{'), not N-Quads as its name says; give --syntax rdfjson"; do
  set +e
  # shellcheck disable=SC2086 # the words are the arguments
  "$ENTENTE" dot ${args%%:*} -f dot -o "$tmp/refused.dot" 2>"$tmp/err"
  rc=$?
  set -e
  [ "$rc" = 65 ] && [ "$(wc -l <"$tmp/err")" = 1 ] && grep -qF "${args#*:}" "$tmp/err" && [ ! -e "$tmp/refused.dot" ] ||
    fail "dot ${args%%:*}: exit $rc: $(cat "$tmp/err")"
done
# A file that fails as the syntax its name says, and reads whole as
# another, is told which (N-Quads named .nt or .ttl, TriG named .ttl,
# N-Triples named .rdf: an error on every line, and no hint); a broken
# one is not.
cp "$ENTENTE_SRC/out/riyadh-march-2025.nq" "$tmp/quads.nt"
cp "$ENTENTE_SRC/out/riyadh-march-2025.nq" "$tmp/quads.ttl"
cp "$ENTENTE_SRC/out/riyadh-march-2025.trig" "$tmp/trig.ttl"
cp "$ENTENTE_SRC/out/riyadh-march-2025.nt" "$tmp/triples.rdf"
for args in "$tmp/quads.nt:it reads as N-Quads: give --syntax nquads, or name it .nq" \
  "$tmp/quads.ttl:it reads as N-Quads: give --syntax nquads, or name it .nq" \
  "$tmp/trig.ttl:it reads as TriG: give --syntax trig, or name it .trig" \
  "$tmp/triples.rdf:it reads as N-Triples: give --syntax ntriples, or name it .nt"; do
  set +e
  "$ENTENTE" dot "${args%%:*}" -f dot -o "$tmp/refused.dot" 2>"$tmp/err"
  rc=$?
  set -e
  [ "$rc" = 65 ] && grep -qF "${args%%:*}: note: ${args#*:}" "$tmp/err" && [ ! -e "$tmp/refused.dot" ] ||
    fail "dot ${args%%:*}: exit $rc: $(tail -3 "$tmp/err")"
done
printf '@prefix ex: <http://e.example/> .\nex:a ex:p ex:b\n' >"$tmp/unended.ttl"
"$ENTENTE" dot "$tmp/unended.ttl" -f dot -o "$tmp/refused.dot" 2>"$tmp/err" && fail "an unended statement read"
! grep -q "note: it reads as" "$tmp/err" || fail "a broken file told it reads as another syntax: $(cat "$tmp/err")"
# TriG's default graph opens with "{": a TriG file may begin with one.
printf '{ <http://ex.org/a> <http://ex.org/p> <http://ex.org/b> . }\n<http://ex.org/g> { <http://ex.org/a> <http://ex.org/q> "x" . }\n' >"$tmp/default-first.trig"
"$ENTENTE" dot "$tmp/default-first.trig" -f dot -o "$tmp/default-first.dot" ||
  fail "a TriG file that begins with its default graph refused"
"$ENTENTE" dot "$ENTENTE_SRC/out/riyadh-march-2025.ttl" --syntax trig -f dot -o "$tmp/trig.dot" &&
  "$ENTENTE" dot "$ENTENTE_SRC/out/riyadh-march-2025.nt" --syntax turtle -f dot -o "$tmp/nt.dot" ||
  fail "Turtle read as TriG, or N-Triples as Turtle, refused"
# A broken RDF file is reported at its line; nothing is written.
printf '@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:d ex:e "unterminated .\n' >"$tmp/broken.ttl"
set +e
"$ENTENTE" dot "$tmp/broken.ttl" -f svg -o "$tmp/broken.svg" 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 65 ] || fail "broken Turtle: exit $rc"
grep -q "broken.ttl:3:[0-9]*: error: " "$tmp/err" || fail "broken Turtle: $(cat "$tmp/err")"
[ ! -e "$tmp/broken.svg" ] || fail "broken Turtle: output written"
# ... and broken RDF/XML at the line of the tag that does not close, with
# no "line 0" (libxml2's, which raptor gives no line to name).
printf '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://e.example/">\n<rdf:Description rdf:about="http://e.example/a">\n<ex:p>x</ex:q>\n</rdf:Description></rdf:RDF>\n' >"$tmp/broken.rdf"
set +e
"$ENTENTE" dot "$tmp/broken.rdf" -f dot -o "$tmp/broken.dot" 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 65 ] && grep -q "broken.rdf:3:[0-9]*: error: .*tag mismatch: ex:p and ex:q$" "$tmp/err" &&
  [ ! -e "$tmp/broken.dot" ] || fail "broken RDF/XML: exit $rc: $(cat "$tmp/err")"
# Somebody else's graph, the all view: every resource is drawn, described
# or only pointed at, whatever its class (SKOS concepts were left out as
# topics, and ex:b as not described).
printf '<http://e.example/a> <http://e.example/p> <http://e.example/b> .\n' >"$tmp/one.nt"
"$ENTENTE" dot "$tmp/one.nt" -f graphml -o "$tmp/one.graphml"
[ "$(grep -c '<node ' "$tmp/one.graphml")" = 2 ] && [ "$(grep -c '<edge ' "$tmp/one.graphml")" = 1 ] ||
  fail "a resource only pointed at is not drawn: $(cat "$tmp/one.graphml")"
cat >"$tmp/thes.ttl" <<'TTL'
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix ex: <http://e.example/> .
ex:animals a skos:ConceptScheme ; skos:prefLabel "Animals"@en .
ex:mammal a skos:Concept ; skos:prefLabel "Mammal"@en ; skos:inScheme ex:animals .
ex:dog a skos:Concept ; skos:prefLabel "Dog"@en ; skos:broader ex:mammal .
ex:cat a skos:Concept ; skos:prefLabel "Cat"@en ; skos:broader ex:mammal ; skos:related ex:dog .
TTL
"$ENTENTE" dot "$tmp/thes.ttl" -f dot -o "$tmp/thes.dot"
for concept in Mammal Dog Cat; do
  grep -q "label=$concept" "$tmp/thes.dot" || fail "SKOS: concept $concept not drawn"
done
[ "$(grep -c 'label="skos:broader"' "$tmp/thes.dot")" -ge 2 ] || fail "SKOS: skos:broader edges not drawn"
# What a GraphML file draws: its nodes' labels, then its edges as "from
# -label-> to", each part sorted (an edge's ends by their labels).
graphml_drawn() {
  python3 - "$1" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
root = ET.parse(sys.argv[1]).getroot()
keys = {k.get("id"): k.get("attr.name") for k in root.findall("g:key", ns)}
def data(el):
    return {keys[d.get("key")]: d.text for d in el.findall("g:data", ns)}
names = {n.get("id"): data(n).get("label") for n in root.iter("{%s}node" % ns["g"])}
print("\n".join(sorted(names.values())))
print("\n".join(sorted("%s -%s-> %s" % (names[e.get("source")], data(e).get("label"),
                                        names[e.get("target")])
                        for e in root.iter("{%s}edge" % ns["g"]))))
PY
}
# $tmp/NAME.ttl drawn (as GraphML says) exactly as the LINEs, nodes then
# edges, each sorted, as graphml_drawn() prints them; else MESSAGE.
drawn_as() { # NAME MESSAGE LINE...
  local name=$1 message=$2
  shift 2
  "$ENTENTE" dot "$tmp/$name.ttl" -f graphml -o "$tmp/$name.graphml"
  graphml_drawn "$tmp/$name.graphml" >"$tmp/$name.drawn"
  printf '%s\n' "$@" >"$tmp/$name.want"
  diff "$tmp/$name.want" "$tmp/$name.drawn" >&2 || fail "$message"
}
# Both directions of inverse properties, as SKOS files often state them:
# one edge a fact (the broader one), and a narrower stated alone stays.
cat >"$tmp/inverse.ttl" <<'TTL'
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix ex: <http://e.example/> .
ex:mammal skos:prefLabel "Mammal" ; skos:narrower ex:dog, ex:cat, ex:whale .
ex:dog skos:prefLabel "Dog" ; skos:broader ex:mammal .
ex:cat skos:prefLabel "Cat" ; skos:broader ex:mammal ; skos:narrower ex:lion .
ex:lion skos:prefLabel "Lion" ; skos:broader ex:cat .
ex:whale skos:prefLabel "Whale" .
ex:unit org:hasSubOrganization ex:team . ex:team org:subOrganizationOf ex:unit .
TTL
"$ENTENTE" dot "$tmp/inverse.ttl" -f graphml -o "$tmp/inverse.graphml"
graphml_drawn "$tmp/inverse.graphml" >"$tmp/inverse.drawn"
printf '%s\n' 'Cat' 'Dog' 'Lion' 'Mammal' 'Whale' 'ex:team' 'ex:unit' \
  'Cat -skos:broader-> Mammal' 'Dog -skos:broader-> Mammal' 'Lion -skos:broader-> Cat' \
  'Mammal -skos:narrower-> Whale' 'ex:team -org:subOrganizationOf-> ex:unit' >"$tmp/inverse.want"
diff "$tmp/inverse.want" "$tmp/inverse.drawn" >&2 || fail "inverse properties drawn twice"
# ... and so are the pairs the graph declares itself, either way round.
cat >"$tmp/declared.ttl" <<'TTL'
@prefix ex: <http://e.example/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:employs owl:inverseOf ex:worksFor . ex:worksFor owl:inverseOf ex:employs .
ex:acme rdfs:label "Acme" ; ex:employs ex:alice, ex:bob .
ex:alice rdfs:label "Alice" ; ex:worksFor ex:acme .
ex:carol rdfs:label "Carol" ; ex:worksFor ex:acme .
TTL
"$ENTENTE" dot "$tmp/declared.ttl" -f graphml -o "$tmp/declared.graphml"
graphml_drawn "$tmp/declared.graphml" | grep -- '-ex:' >"$tmp/declared.drawn"
printf '%s\n' 'Acme -ex:employs-> Alice' 'Acme -ex:employs-> ex:bob' 'Carol -ex:worksFor-> Acme' >"$tmp/declared.want"
diff "$tmp/declared.want" "$tmp/declared.drawn" >&2 || fail "declared owl:inverseOf pairs drawn twice"
# compare: of somebody else's N-Quads, whose graphs are only names, on
# a node of no class: a card per graph, a value another contradicts marked.
cat >"$tmp/sources.nq" <<'NQ'
<http://e.example/talks> <http://schema.org/name> "Riyadh talks" <http://e.example/src/a> .
<http://e.example/talks> <http://schema.org/startDate> "2025-03-24" <http://e.example/src/a> .
<http://e.example/talks> <http://schema.org/startDate> "2025-03-23" <http://e.example/src/b> .
<http://e.example/lavrov> <http://schema.org/jobTitle> "Foreign Minister" <http://e.example/src/a> .
<http://e.example/lavrov> <http://schema.org/jobTitle> "Minister" <http://e.example/src/b> .
NQ
"$ENTENTE" dot "$tmp/sources.nq" --view compare:talks -f dot -o "$tmp/sources.dot" ||
  fail "compare: of somebody else's N-Quads refused"
grep -qF 'label="a\n≠ date: 2025-03-24\l"' "$tmp/sources.dot" && grep -qF 'label="b\n≠ date: 2025-03-23\l"' "$tmp/sources.dot" ||
  fail "compare: of somebody else's N-Quads: no cards: $(grep 'label=' "$tmp/sources.dot")"
"$ENTENTE" dot "$tmp/sources.nq" --view compare:lavrov -f dot -o "$tmp/sources.dot" &&
  grep -qF 'schema:jobTitle: Minister' "$tmp/sources.dot" || fail "compare: of a node that is no event"
# A person's nationality in somebody else's graph is an edge: no country
# cluster says it there (entente's own officials stand in one instead).
cat >"$tmp/nationality.ttl" <<'TTL'
@prefix schema: <http://schema.org/> .
@prefix ex: <http://e.example/> .
ex:anna a schema:Person ; schema:name "Anna" ; schema:nationality ex:norway .
ex:norway a schema:Country ; schema:name "Norway" .
TTL
# compare: of a graph with no named graphs says why it shows one node.
"$ENTENTE" dot "$tmp/nationality.ttl" --view compare:ex:anna -f dot -o "$tmp/nocompare.dot" 2>"$tmp/err" ||
  fail "compare: without named graphs refused"
grep -q "^entente: warning: no named graph says anything of 'ex:anna', so the compare view has no sources" "$tmp/err" ||
  fail "compare: without named graphs: no warning: $(cat "$tmp/err")"
# ... and of one whose named graphs only type it, a card each, with what
# each says it is (they said "nothing" of it; a graph that typed it and
# named it as all did had no card).
printf '%s\n' '<http://e.example/x> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/2002/07/owl#Class> <http://e.example/g1> .' \
  '<http://e.example/x> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/2000/01/rdf-schema#Class> <http://e.example/g2> .' \
  '<http://e.example/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://xmlns.com/foaf/0.1/Person> <http://e.example/g1> .' \
  '<http://e.example/a> <http://xmlns.com/foaf/0.1/name> "Alice" <http://e.example/g1> .' \
  '<http://e.example/a> <http://xmlns.com/foaf/0.1/name> "Alice" <http://e.example/g2> .' \
  '<http://e.example/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://xmlns.com/foaf/0.1/Organization> <http://e.example/g2> .' >"$tmp/typed.nq"
"$ENTENTE" dot "$tmp/typed.nq" --view compare:http://e.example/x -f dot -o "$tmp/typed.dot" 2>"$tmp/err" || fail "typed: $(cat "$tmp/err")"
! grep -q "no named graph" "$tmp/err" && grep -q 'label="g1\\nrdf:type: owl:Class' "$tmp/typed.dot" && grep -q 'label="g2\\nrdf:type: rdfs:Class' "$tmp/typed.dot" ||
  fail "compare: types not on the cards: $(cat "$tmp/err") $(grep -o 'label="[^"]*"' "$tmp/typed.dot" | tr '\n' ' ')"
"$ENTENTE" dot "$tmp/typed.nq" --view compare:http://e.example/a -f dot -o "$tmp/typed.dot" 2>"$tmp/err" || fail "typed a: $(cat "$tmp/err")"
grep -q 'label="g1\\nrdf:type: foaf:Person' "$tmp/typed.dot" && grep -q 'label="g2\\nrdf:type: foaf:Organization' "$tmp/typed.dot" ||
  fail "compare: a person to one graph, an organisation to another: $(grep -o 'label="[^"]*"' "$tmp/typed.dot" | tr '\n' ' ')"
"$ENTENTE" dot "$tmp/nationality.ttl" -f graphml -o "$tmp/nationality.graphml"
[ "$(grep -c '<edge ' "$tmp/nationality.graphml")" = 1 ] && grep -q '>schema:nationality<' "$tmp/nationality.graphml" ||
  fail "schema:nationality of a person not drawn: $(grep -A3 '<edge ' "$tmp/nationality.graphml")"
# An institution stands in its parent's cluster: its own country, where
# the parent is elsewhere, is an edge (no cluster says it).
cat >"$tmp/placement.ttl" <<'TTL'
@prefix org: <http://www.w3.org/ns/org#> .
@prefix schema: <http://schema.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix ent: <https://w3id.org/entente/ns#> .
@prefix ex: <http://e.example/> .
ex:ru a schema:Country ; rdfs:label "Russia" .
ex:un a org:Organization ; rdfs:label "United Nations" .
ex:office a org:Organization ; rdfs:label "UN office in Moscow" ; org:subOrganizationOf ex:un ; ent:country ex:ru .
TTL
"$ENTENTE" dot "$tmp/placement.ttl" -f dot -o "$tmp/placement.dot"
[ "$(grep -c -- ' -> ' "$tmp/placement.dot")" = 1 ] && grep -q 'subgraph cluster' "$tmp/placement.dot" ||
  fail "an institution's country outside its parent's cluster: $(grep -c -- ' -> ' "$tmp/placement.dot") edges drawn"
# GraphML has no frames: the edge the parent's frame says is written too
# (Gephi and yEd drew three unconnected organisations).
"$ENTENTE" dot "$tmp/placement.ttl" -f graphml -o "$tmp/placement.graphml"
[ "$(grep -c '<edge ' "$tmp/placement.graphml")" = 2 ] &&
  grep -q '>http://www.w3.org/ns/org#subOrganizationOf<' "$tmp/placement.graphml" &&
  grep -q '>https://w3id.org/entente/ns#country<' "$tmp/placement.graphml" ||
  fail "GraphML without the edges frames say: $(grep -A3 '<edge ' "$tmp/placement.graphml")"
"$ENTENTE" dot "$tmp/placement.ttl" --view ego:ex:ru -f graphml -o "$tmp/placement-ego.graphml"
# ... but only between nodes in view: Russia's ego view has the office,
# not the United Nations.
[ "$(grep -c '<node ' "$tmp/placement-ego.graphml")" = 2 ] &&
  [ "$(grep -c '<edge ' "$tmp/placement-ego.graphml")" = 1 ] &&
  grep -q '>https://w3id.org/entente/ns#country<' "$tmp/placement-ego.graphml" ||
  fail "GraphML of an ego view: $(grep -A3 -e '<node ' -e '<edge ' "$tmp/placement-ego.graphml")"
# --depth in a thesaurus or a gazetteer: a concept's or a place's ego view
# goes on through concepts or places (every node there is one), but a
# hub of another kind (a country) is still drawn and not gone through.
cat >"$tmp/chain.ttl" <<'TTL'
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix schema: <http://schema.org/> .
@prefix th: <http://vocab.example.org/thes/> .
@prefix ex: <http://e.example/> .
th:a a skos:Concept ; skos:prefLabel "Animals"@en .
th:b a skos:Concept ; skos:prefLabel "Mammals"@en ; skos:broader th:a .
th:c a skos:Concept ; skos:prefLabel "Cats"@en ; skos:broader th:b .
th:d a skos:Concept ; skos:prefLabel "Lions"@en ; skos:broader th:c .
th:e a skos:Concept ; skos:prefLabel "Tigers"@en ; skos:broader th:c .
ex:soho a schema:Place ; schema:name "Soho" ; schema:containedInPlace ex:london .
ex:london a schema:Place ; schema:name "London" ; schema:containedInPlace ex:england .
ex:england a schema:Place ; schema:name "England" ; schema:containedInPlace ex:uk .
ex:uk a schema:Country ; schema:name "United Kingdom" .
ex:fr a schema:Country ; schema:name "France" .
ex:ann a schema:Person ; schema:name "Ann" ; schema:homeLocation ex:soho ; schema:nationality ex:uk .
ex:bob a schema:Person ; schema:name "Bob" ; schema:nationality ex:uk .
ex:cid a schema:Person ; schema:name "Cid" ; schema:nationality ex:fr .
TTL
ego_names() { # VIEW DEPTH: the names an ego view of chain.ttl draws
  "$ENTENTE" dot "$tmp/chain.ttl" --view "$1" --depth "$2" -f graphml -o "$tmp/chain.graphml"
  graphml_drawn "$tmp/chain.graphml" | grep -v -e ' -.*-> ' | tr '\n' ' '
}
names=$(ego_names ego:Lions 3)
[ "$names" = "Animals Cats Lions Mammals Tigers " ] || fail "ego:Lions --depth 3 in a thesaurus: $names"
names=$(ego_names ego:Lions 1)
[ "$names" = "Cats Lions " ] || fail "ego:Lions --depth 1 in a thesaurus: $names"
names=$(ego_names ego:Soho 3)
[ "$names" = "Ann England London Soho United Kingdom " ] || fail "ego:Soho --depth 3 in a gazetteer: $names"
names=$(ego_names ego:Ann 3)
[ "$names" = "Ann Soho United Kingdom " ] || fail "ego:Ann --depth 3 went through a country or on from a place: $names"
# W3C ORG posts said either way round fold into "holder -> title ->
# organisation"; a post nobody holds is a node of its own, not nothing.
cat >"$tmp/posts.ttl" <<'TTL'
@prefix org: <http://www.w3.org/ns/org#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix ex: <http://e.example/> .
ex:acme a org:Organization ; skos:prefLabel "Acme" ; org:hasPost ex:cto .
ex:ceo a org:Post ; skos:prefLabel "CEO" ; org:postIn ex:acme ; org:heldBy ex:alice .
ex:cto a org:Post ; skos:prefLabel "CTO" .
ex:alice a foaf:Person ; foaf:name "Alice" .
TTL
"$ENTENTE" dot "$tmp/posts.ttl" -f graphml -o "$tmp/posts.graphml"
graphml_drawn "$tmp/posts.graphml" >"$tmp/posts.drawn"
printf '%s\n' 'Acme' 'Alice' 'CTO' 'Acme -org:hasPost-> CTO' 'Alice -CEO-> Acme' >"$tmp/posts.want"
diff "$tmp/posts.want" "$tmp/posts.drawn" >&2 || fail "org:Post held by, or held by nobody"
# schema.org under https:// is schema.org: names, dates and shapes as
# under http://, GraphML keeps the graph's own IRIs, labels its prefix.
cat >"$tmp/https.ttl" <<'TTL'
@prefix s: <https://schema.org/> .
@prefix ex: <http://e.example/> .
ex:rubio a s:Person ; s:name "Marco Rubio" ; s:memberOf ex:state .
ex:state a s:GovernmentOrganization ; s:name "State Department" .
ex:talks a s:Event ; s:name "Talks" ; s:startDate "2025-03-24" ; s:attendee ex:rubio .
TTL
"$ENTENTE" dot "$tmp/https.ttl" -f graphml -o "$tmp/https.graphml"
graphml_drawn "$tmp/https.graphml" >"$tmp/https.drawn"
printf '%s\n' 'Marco Rubio' 'State Department' 'Talks' \
  'Marco Rubio -s:memberOf-> State Department' 'Talks -s:attendee-> Marco Rubio' >"$tmp/https.want"
diff "$tmp/https.want" "$tmp/https.drawn" >&2 || fail "https://schema.org/ names not taken"
grep -q '>https://schema.org/memberOf<' "$tmp/https.graphml" || fail "GraphML respelled the graph's predicate"
for kind in s:Person s:GovernmentOrganization s:Event; do
  grep -q ">$kind<" "$tmp/https.graphml" || fail "https://schema.org/ class $kind not drawn as its kind"
done
"$ENTENTE" dot "$tmp/https.ttl" -f dot -o "$tmp/https.dot"
grep -q 'label="Talks\\n2025-03-24"' "$tmp/https.dot" || fail "https://schema.org/ startDate not a date: $(grep label= "$tmp/https.dot")"
# A graph that names its properties labels their edges with the names
# (a property node with no edge of its own is then not drawn); its own
# subclasses of known classes take their shape; a given and a family
# name, or a headline, name a node.
cat >"$tmp/named.ttl" <<'TTL'
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix schema: <http://schema.org/> .
@prefix ex: <http://e.example/> .
ex:advises rdfs:label "advises" .
ex:Envoy rdfs:subClassOf ex:Diplomat . ex:Diplomat rdfs:subClassOf foaf:Person .
ex:witkoff a ex:Envoy ; foaf:givenName "Steve" ; foaf:familyName "Witkoff" ; ex:advises ex:trump .
ex:trump a foaf:Person, <http://www.w3.org/2002/07/owl#Thing> ; foaf:name "Donald Trump" .
ex:story schema:headline "Envoy meets Putin" ; schema:about ex:witkoff .
TTL
"$ENTENTE" dot "$tmp/named.ttl" -f graphml -o "$tmp/named.graphml"
graphml_drawn "$tmp/named.graphml" >"$tmp/named.drawn"
printf '%s\n' 'Donald Trump' 'Envoy meets Putin' 'Steve Witkoff' 'ex:Diplomat' 'ex:Envoy' 'foaf:Person' \
  'Envoy meets Putin -reports on-> Steve Witkoff' 'Steve Witkoff -advises-> Donald Trump' \
  'ex:Diplomat -rdfs:subClassOf-> foaf:Person' 'ex:Envoy -rdfs:subClassOf-> ex:Diplomat' >"$tmp/named.want"
diff "$tmp/named.want" "$tmp/named.drawn" >&2 || fail "property names, given and family names, headlines"
"$ENTENTE" dot "$tmp/named.ttl" -f dot -o "$tmp/named.dot"
# (Graphviz writes a node's attributes by name: its fill comes before its
# label, which is the name alone: owl:Thing, which DBpedia says of every
# resource, is not said on a node.)
person_fill=$(grep -B1 'label="Donald Trump"' "$tmp/named.dot" | grep -o 'fillcolor="[^"]*"')
[ -n "$person_fill" ] && grep -B1 'label="Steve Witkoff' "$tmp/named.dot" | grep -q "$person_fill" ||
  fail "an instance of a subclass of foaf:Person is not drawn as a person ($person_fill)"
# The nearest class with a shape up the subclass edges, whatever their
# order and cycles; GraphML's class is the node's own.
cat >"$tmp/cycle.ttl" <<'TTL'
@prefix ex: <http://e.example/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
ex:A rdfs:subClassOf foaf:Person , ex:B . ex:B rdfs:subClassOf ex:A .
ex:a a ex:A ; rdfs:label "a" . ex:b a ex:B ; rdfs:label "b" .
TTL
"$ENTENTE" dot "$tmp/cycle.ttl" -f dot -o "$tmp/cycle.dot"
for who in a b; do
  grep -A1 "URL=\"http://e.example/$who\"" "$tmp/cycle.dot" | grep -q "$person_fill" ||
    fail "a subclass in a cycle of subclasses: ex:$who not drawn as a person"
done
"$ENTENTE" dot "$tmp/cycle.ttl" -f graphml -o "$tmp/cycle.graphml"
grep -q '>ex:B<' "$tmp/cycle.graphml" || fail "GraphML: not the node's own class"
# https://schema.org/ given and family names, and its inverse pairs.
cat >"$tmp/https2.ttl" <<'TTL'
@prefix s: <https://schema.org/> .
@prefix ex: <http://e.example/> .
ex:w s:givenName "Steve" ; s:familyName "Witkoff" .
ex:book s:isPartOf ex:series . ex:series s:hasPart ex:book .
TTL
"$ENTENTE" dot "$tmp/https2.ttl" -f graphml -o "$tmp/https2.graphml"
graphml_drawn "$tmp/https2.graphml" >"$tmp/https2.drawn"
printf '%s\n' 'Steve Witkoff' 'ex:book' 'ex:series' 'ex:book -s:isPartOf-> ex:series' >"$tmp/https2.want"
diff "$tmp/https2.want" "$tmp/https2.drawn" >&2 || fail "https://schema.org/ names and inverse pairs"
# FOAF's other name terms, which profiles carry (FOAF-a-matic writes
# givenname and family_name): each names its person, and an ego view
# finds the person by that name.
cat >"$tmp/foafnames.ttl" <<'TTL'
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix ex: <http://people.example.org/> .
ex:a a foaf:Person ; foaf:givenname "Edd" ; foaf:family_name "Dumbill" .
ex:b a foaf:Person ; foaf:firstName "Carol" ; foaf:lastName "Danvers" .
ex:c a foaf:Person ; foaf:firstName "Tim" ; foaf:surname "Berners-Lee" .
ex:a foaf:knows ex:b , ex:c .
TTL
drawn_as foafnames "FOAF's firstName, lastName, surname, givenname, family_name" \
  'Carol Danvers' 'Edd Dumbill' 'Tim Berners-Lee' \
  'Edd Dumbill -foaf:knows-> Carol Danvers' 'Edd Dumbill -foaf:knows-> Tim Berners-Lee'
"$ENTENTE" dot "$tmp/foafnames.ttl" --view "ego:Tim Berners-Lee" -f dot -o "$tmp/foafnames.dot" ||
  fail "ego view by a name made of foaf:firstName and foaf:surname"
# A quotation with no name is labelled with its words (cut), and GraphML
# keeps what SVG says in a tooltip (a PNG or GraphML had none of it).
cat >"$tmp/quotation.ttl" <<'TTL'
@prefix schema: <http://schema.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix ex: <http://news.example.org/> .
ex:guterres a schema:Person ; schema:name "António Guterres" ; rdfs:comment "UN Secretary-General" .
ex:quote1 a schema:Quotation ; schema:text "We have no time to lose." ; schema:spokenByCharacter ex:guterres .
ex:quote2 a schema:Quotation ; schema:text "Ceasefire now, ceasefire everywhere, a ceasefire that holds for every one of us." .
TTL
drawn_as quotation "a quotation's words as its label" \
  'António Guterres' '“Ceasefire now, ceasefire everywhere, a ceasefire that holds…”' \
  '“We have no time to lose.”' \
  '“We have no time to lose.” -schema:spokenByCharacter-> António Guterres'
grep -q '<data key="description">UN Secretary-General</data>' "$tmp/quotation.graphml" &&
  grep -q '<data key="description">We have no time to lose.</data>' "$tmp/quotation.graphml" ||
  fail "GraphML without the tooltips' text: $(grep description "$tmp/quotation.graphml")"
# An ego view by a word that ends one node's IRI and names others: the
# IRI's node is drawn, and the others are said.
cat >"$tmp/csv.ttl" <<'TTL'
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix ex: <http://e.example/> .
@prefix ft: <http://publications.europa.eu/resource/authority/file-type/> .
ex:d1 a dcat:Distribution ; dct:title "CSV" ; dct:format ft:CSV .
ex:d2 a dcat:Distribution ; dct:title "CSV" ; dct:format ft:CSV .
TTL
"$ENTENTE" dot "$tmp/csv.ttl" --view ego:CSV -f dot -o "$tmp/csv.dot" 2>"$tmp/err" || fail "ego:CSV: $(cat "$tmp/err")"
grep -q "warning: 'CSV' ends the IRI of <http://publications.europa.eu/resource/authority/file-type/CSV>, which the view is of; 2 other nodes are named 'CSV'" "$tmp/err" ||
  fail "ego:CSV: the nodes named so are not said: $(cat "$tmp/err")"
# GeoNames names its features with gn:name (gn:officialName, and
# gn:alternateName as an alias); a gn:Feature is a place, and an ego view
# finds one by its name.
cat >"$tmp/gn.ttl" <<'TTL'
@prefix gn: <http://www.geonames.org/ontology#> .
@prefix ex: <https://sws.geonames.org/> .
ex:1 a gn:Feature ; gn:name "Bavaria" ; gn:alternateName "Bayern"@de .
ex:2 a gn:Feature ; gn:name "Munich" ; gn:officialName "München"@de , "Munich"@en ; gn:parentFeature ex:1 .
TTL
"$ENTENTE" dot "$tmp/gn.ttl" --view ego:Bavaria -f dot -o "$tmp/gn.dot" 2>"$tmp/err" || fail "GeoNames: ego:Bavaria: $(cat "$tmp/err")"
grep -q 'label=Bavaria' "$tmp/gn.dot" && grep -q 'label=Munich' "$tmp/gn.dot" ||
  fail "GeoNames: features not named by gn:name: $(grep 'label=' "$tmp/gn.dot")"
# A feature's class and code (gn:P, gn:P.PPLC) are lines on its node, not
# hubs every place of a gazetteer hangs from.
cat >"$tmp/gn-codes.ttl" <<'TTL'
@prefix gn: <http://www.geonames.org/ontology#> .
@prefix ex: <https://sws.geonames.org/> .
ex:108410 a gn:Feature ; gn:name "Riyadh" ; gn:featureClass gn:P ; gn:featureCode gn:P.PPLC ; gn:parentCountry ex:102358 .
ex:105343 a gn:Feature ; gn:name "Jeddah" ; gn:featureClass gn:P ; gn:featureCode gn:P.PPLA ; gn:parentCountry ex:102358 .
ex:102358 a gn:Feature ; gn:name "Saudi Arabia" ; gn:featureClass gn:A ; gn:featureCode gn:A.PCLI .
TTL
"$ENTENTE" dot "$tmp/gn-codes.ttl" -f graphml -o "$tmp/gn-codes.graphml" 2>"$tmp/err" || fail "GeoNames codes: $(cat "$tmp/err")"
[ "$(graphml_drawn "$tmp/gn-codes.graphml" | sort | tr '\n' '|')" = "Jeddah|Jeddah -gn:parentCountry-> Saudi Arabia|Riyadh|Riyadh -gn:parentCountry-> Saudi Arabia|Saudi Arabia|" ] &&
  grep -q 'gn:featureCode gn:P.PPLC' "$tmp/gn-codes.graphml" ||
  fail "GeoNames: codes drawn as nodes: $(graphml_drawn "$tmp/gn-codes.graphml")"
# A node's text (its tooltip, GraphML's description) is in --lang where
# the graph has it, whichever comes first.
cat >"$tmp/desc.ttl" <<'TTL'
@prefix schema: <http://schema.org/> .
@prefix ex: <http://e.example/> .
ex:a schema:name "Alpha" ; schema:description "Une description"@fr , "A description"@en ; schema:knows ex:b .
ex:b schema:name "Beta" ; schema:description "A description of Beta"@en , "Une description de Beta"@fr .
TTL
for l in en:A fr:Une; do
  "$ENTENTE" dot "$tmp/desc.ttl" --lang "${l%%:*}" -f graphml -o "$tmp/desc.graphml" || fail "desc: --lang ${l%%:*}"
  [ "$(grep -c "<data key=\"description\">${l#*:} description" "$tmp/desc.graphml")" = 2 ] ||
    fail "--lang ${l%%:*}: descriptions in another language: $(grep -o '<data key="description">[^<]*' "$tmp/desc.graphml")"
done
# The compare view marks two values from two graphs of a property the graph
# declares owl:FunctionalProperty, and of a day of birth; not of a property
# with many values (schema:knows).
cat >"$tmp/functional.trig" <<'TTL'
@prefix schema: <http://schema.org/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix ex: <http://e.example/> .
ex:attendance a owl:FunctionalProperty , owl:DatatypeProperty .
ex:bbc { ex:macron schema:name "Emmanuel Macron" ; schema:birthDate "1977-12-21" ; ex:attendance "1000" ; schema:knows ex:a . }
ex:cnn { ex:macron schema:name "Emmanuel Macron" ; schema:birthDate "1978-12-21" ; ex:attendance "1500" ; schema:knows ex:b . }
TTL
"$ENTENTE" dot "$tmp/functional.trig" --view compare:ex:macron -f dot -o "$tmp/functional.dot" || fail "functional: compare"
[ "$(grep -c '≠ schema:birthDate' "$tmp/functional.dot")" = 2 ] && [ "$(grep -c '≠ ex:attendance' "$tmp/functional.dot")" = 2 ] &&
  ! grep -q '≠ schema:knows' "$tmp/functional.dot" ||
  fail "compare: functional properties not marked, or a many-valued one marked: $(grep -o '≠[^\\]*' "$tmp/functional.dot")"
# The statuses of a merged Turtle file (no graphs, so no source's day)
# are not put in a course: they differ, in no order ("planned → ongoing →
# concluded → held" was drawn); the TriG, with each source's graph and day,
# keeps its course.
"$ENTENTE" dot "$ENTENTE_SRC/out/riyadh-march-2025.ttl" --view negotiation:us-russia-talks-2025-03-24 -f dot -o "$tmp/merged.dot" 2>/dev/null
flat "$tmp/merged.dot"
grep -q 'concluded / ongoing / planned / held (sources differ)' "$tmp/merged.dot" && ! grep -q 'planned →' "$tmp/merged.dot" ||
  fail "merged Turtle: statuses put in a course: $(grep -o '[a-z]* → [^"]*' "$tmp/merged.dot" | head -2)"
"$ENTENTE" dot "$ENTENTE_SRC/out/riyadh-march-2025.trig" --view negotiation:us-russia-talks-2025-03-24 -f dot -o "$tmp/graphs.dot" 2>/dev/null
flat "$tmp/graphs.dot"
grep -q 'planned → ongoing → held → concluded' "$tmp/graphs.dot" ||
  fail "TriG: the statuses' course is lost: $(grep -o 'planned[^"]*' "$tmp/graphs.dot" | head -2)"
# A legend entry names every class drawn in its shape, not the first one
# drawn (a reader took every node for a foaf:Person).
cat >"$tmp/two-classes.ttl" <<'TTL'
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix schema: <http://schema.org/> .
@prefix ex: <http://e.example/> .
ex:tom a foaf:Person ; foaf:name "Tom" ; foaf:knows ex:rex .
ex:rex a schema:Person ; schema:name "Rex" .
TTL
"$ENTENTE" dot "$tmp/two-classes.ttl" -f dot -o "$tmp/two-classes.dot" || fail "two classes: dot"
grep -A3 'legend_[0-9]' "$tmp/two-classes.dot" | grep -q 'label="foaf:Person, schema:Person"' ||
  fail "the legend does not name both classes drawn alike: $(grep -A3 'legend_[0-9]' "$tmp/two-classes.dot")"
# Sub-properties of ORG, SKOS and PROV beside their super-property between
# the same nodes: only the more specific edge is drawn.
cat >"$tmp/subprops.ttl" <<'TTL'
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix ex: <http://e.example/> .
ex:min a org:Organization ; rdfs:label "Ministry" ;
  org:hasSite ex:hq , ex:annex ; org:hasPrimarySite ex:hq .
ex:hq a org:Site ; rdfs:label "HQ" . ex:annex a org:Site ; rdfs:label "Annex" .
ex:cats a skos:Concept ; skos:prefLabel "Cats" ;
  skos:broader ex:mammals ; skos:broaderTransitive ex:mammals , ex:animals .
ex:mammals a skos:Concept ; skos:prefLabel "Mammals" .
ex:animals a skos:Concept ; skos:prefLabel "Animals" .
ex:v2 rdfs:label "Version 2" ; prov:wasRevisionOf ex:v1 ; prov:wasDerivedFrom ex:v1 .
ex:v1 rdfs:label "Version 1" .
ex:team a org:Organization ; rdfs:label "Team" .
ex:ann rdfs:label "Ann" ; org:headOf ex:min ; org:memberOf ex:min , ex:team .
TTL
drawn_as subprops "a sub-property beside its super-property" \
  'Animals' 'Ann' 'Annex' 'Cats' 'HQ' 'Mammals' 'Ministry' 'Team' 'Version 1' 'Version 2' \
  'Ann -org:headOf-> Ministry' 'Ann -org:memberOf-> Team' \
  'Cats -skos:broader-> Mammals' 'Cats -skos:broaderTransitive-> Animals' \
  'Ministry -org:hasPrimarySite-> HQ' 'Ministry -org:hasSite-> Annex' \
  'Version 2 -prov:wasRevisionOf-> Version 1'
# Wikidata (Wikibase): a property's entity names its direct claims' edges
# and their literals' lines; statement and reference nodes, the links
# from a property to its predicates, ranks and wikibase:Item are not drawn,
# nor an item only a reference or a qualifier points at (Russian Wikipedia,
# Yeltsin) unless it says something itself (Ivanov's date of birth); Russia,
# which a direct claim points at too, is drawn.
cat >"$tmp/wikidata.ttl" <<'TTL'
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix wikibase: <http://wikiba.se/ontology#> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix s: <http://www.wikidata.org/entity/statement/> .
@prefix wdt: <http://www.wikidata.org/prop/direct/> .
@prefix p: <http://www.wikidata.org/prop/> .
@prefix ps: <http://www.wikidata.org/prop/statement/> .
@prefix pq: <http://www.wikidata.org/prop/qualifier/> .
@prefix pr: <http://www.wikidata.org/prop/reference/> .
@prefix ref: <http://www.wikidata.org/reference/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
wd:Q156470 a wikibase:Item ; rdfs:label "Sergey Lavrov"@en ; wdt:P27 wd:Q159 ;
  wdt:P569 "1950-03-21T00:00:00Z"^^xsd:dateTime ; p:P27 s:Q156470-1 .
s:Q156470-1 a wikibase:Statement, wikibase:BestRank ; wikibase:rank wikibase:NormalRank ;
  ps:P27 wd:Q159 ; pq:P580 "1991-12-26T00:00:00Z"^^xsd:dateTime ; prov:wasDerivedFrom ref:abc ;
  pq:P1365 wd:Q2 ; pq:P1366 wd:Q3 .
ref:abc a wikibase:Reference ; pr:P143 wd:Q206855 .
wd:Q206855 a wikibase:Item ; rdfs:label "Russian Wikipedia"@en .
wd:Q2 a wikibase:Item ; rdfs:label "Igor Ivanov"@en ; wdt:P569 "1945-09-23T00:00:00Z"^^xsd:dateTime .
wd:Q3 a wikibase:Item ; rdfs:label "Boris Yeltsin"@en .
wd:Q159 a wikibase:Item ; rdfs:label "Russia"@en .
wd:P27 a wikibase:Property ; rdfs:label "country of citizenship"@en ; wikibase:propertyType wikibase:WikibaseItem ;
  wikibase:directClaim wdt:P27 ; wikibase:claim p:P27 ; wikibase:statementProperty ps:P27 .
wd:P569 a wikibase:Property ; rdfs:label "date of birth"@en ; wikibase:directClaim wdt:P569 .
wd:P580 a wikibase:Property ; rdfs:label "start time"@en ; wikibase:qualifier pq:P580 .
TTL
"$ENTENTE" dot "$tmp/wikidata.ttl" -f graphml -o "$tmp/wikidata.graphml"
graphml_drawn "$tmp/wikidata.graphml" >"$tmp/wikidata.drawn"
printf '%s\n' 'Igor Ivanov' 'Russia' 'Sergey Lavrov' 'Sergey Lavrov -country of citizenship-> Russia' >"$tmp/wikidata.want"
diff "$tmp/wikidata.want" "$tmp/wikidata.drawn" >&2 || fail "Wikidata's plumbing drawn, or its property names not taken"
grep -qF '<data key="details">date of birth 1950-03-21T00:00:00Z</data>' "$tmp/wikidata.graphml" ||
  fail "a Wikidata literal not said by its property's name: $(grep details "$tmp/wikidata.graphml")"
# ... and so does a graph taken from its query service, which names the
# property entities (wd:P27) but does not link them to their predicates:
# wdt:P27 and pq:P580 are wd:P27's and wd:P580's by Wikidata's namespaces.
# A look-alike outside them (ex:P27, wdt:P27x) keeps its own name.
cat >"$tmp/wdqs.ttl" <<'TTL'
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix wdt: <http://www.wikidata.org/prop/direct/> .
@prefix ex: <http://e.example/> .
wd:Q156470 rdfs:label "Sergey Lavrov"@en ; wdt:P27 wd:Q159 ; wdt:P569 "1950-03-21"^^xsd:date ;
  ex:P27 wd:Q159 ; wdt:P27x wd:Q159 .
wd:Q159 rdfs:label "Russia"@en .
wd:P27 rdfs:label "country of citizenship"@en .
wd:P569 rdfs:label "date of birth"@en .
TTL
drawn_as wdqs "a Wikidata query's property entities drawn, or their names not taken" \
  'Russia' 'Sergey Lavrov' 'Sergey Lavrov -country of citizenship-> Russia' 'Sergey Lavrov -ex:P27-> Russia' \
  'Sergey Lavrov -wdt:P27x-> Russia'
grep -qF '<data key="details">date of birth 1950-03-21</data>' "$tmp/wdqs.graphml" ||
  fail "a Wikidata query's literal not said by its property's name: $(grep details "$tmp/wdqs.graphml")"
# Wikidata's "instance of" (wdt:P31) is its rdf:type: a shape or a line
# on the node, not an edge from every person to "human"; the class's node,
# with no edge of its own, is not drawn, and the legend names the class as
# the graph does ("human", not wd:Q5). A class without a shape is said on
# its nodes by its name ("a negotiation").
cat >"$tmp/p31.ttl" <<'TTL'
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix wdt: <http://www.wikidata.org/prop/direct/> .
wd:Q7747 rdfs:label "Vladimir Putin"@en ; wdt:P31 wd:Q5 ; wdt:P27 wd:Q159 .
wd:Q159 rdfs:label "Russia"@en ; wdt:P31 wd:Q6256, wd:Q3624078 .
wd:Q3624078 rdfs:label "sovereign state"@en .
wd:Q99 rdfs:label "Riyadh talks"@en ; wdt:P31 wd:Q2761147 ; wdt:P710 wd:Q159 .
wd:Q5 rdfs:label "human"@en .
wd:Q6256 rdfs:label "country"@en .
wd:Q2761147 rdfs:label "negotiation"@en .
wd:P27 rdfs:label "country of citizenship"@en .
wd:P710 rdfs:label "participant"@en .
TTL
drawn_as p31 "Wikidata's instance of drawn as edges, or its classes as nodes" \
  'Riyadh talks' 'Russia' 'Vladimir Putin' 'Riyadh talks -participant-> Russia' \
  'Vladimir Putin -country of citizenship-> Russia'
"$ENTENTE" dot "$tmp/p31.ttl" -f dot -o "$tmp/p31.dot"
grep -q 'label="Riyadh talks\\na negotiation"' "$tmp/p31.dot" || fail "a Wikidata class without a shape is not said on its node: $(grep 'label=' "$tmp/p31.dot")"
grep -q 'label=human,' "$tmp/p31.dot" || fail "the legend does not name wd:Q5 as the graph does: $(grep 'legend_' "$tmp/p31.dot")"
grep -q 'shape=tab' "$tmp/p31.dot" || fail "a Wikidata country is not drawn as a country"
# ... and "subclass of" (wdt:P279) is rdfs:subClassOf: a ministry, a
# subclass of government agency, is drawn as an institution.
cat >"$tmp/p279.ttl" <<'TTL'
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix wdt: <http://www.wikidata.org/prop/direct/> .
wd:Q1 rdfs:label "Russian Foreign Ministry"@en ; wdt:P31 wd:Q192350 .
wd:Q192350 rdfs:label "ministry"@en ; wdt:P279 wd:Q327333 .
wd:Q327333 rdfs:label "government agency"@en .
TTL
"$ENTENTE" dot "$tmp/p279.ttl" -f dot -o "$tmp/p279.dot"
grep -A2 'label="Russian Foreign Ministry' "$tmp/p279.dot" | grep -q 'style="rounded,filled"' ||
  fail "a Wikidata subclass of a class with a shape does not take it: $(grep -A3 'Foreign Ministry' "$tmp/p279.dot")"
# An ego view of such a class says it is not drawn, not that it is missing.
if "$ENTENTE" dot "$tmp/p31.ttl" --view ego:wd:Q5 -f dot -o "$tmp/q5.dot" 2>"$tmp/err"; then
  fail "an ego view of a class that is not drawn was accepted"
fi
grep -q "error: 'wd:Q5' is in the graph but not drawn as a node" "$tmp/err" ||
  fail "an ego view of a class not drawn: $(cat "$tmp/err")"
# W3C ORG's n-ary memberships are edges from the member to the
# organization, labelled with the role and the time, as posts are; a plain
# org:memberOf between the two gives way; a membership with more to say
# (a comment) stays a node.
cat >"$tmp/membership.ttl" <<'TTL'
@prefix org: <http://www.w3.org/ns/org#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix time: <http://www.w3.org/2006/time#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix eg: <http://example.com/org#> .
eg:mfa a org:FormalOrganization ; rdfs:label "Foreign Ministry" .
eg:zakharova a foaf:Person ; foaf:name "Maria Zakharova" ; org:memberOf eg:mfa .
eg:m1 a org:Membership ; org:member eg:zakharova ; org:organization eg:mfa ; org:role eg:spokes ;
  org:memberDuring [ a time:Interval ; time:hasBeginning [ time:inXSDDate "2015-08-10"^^xsd:date ] ] .
eg:spokes a org:Role ; rdfs:label "spokesperson" .
eg:ivanov a foaf:Person ; foaf:name "Igor Ivanov" .
eg:m2 org:member eg:ivanov ; org:organization eg:mfa ;
  org:memberDuring [ time:hasBeginning [ time:inXSDDateTime "1998-09-11T00:00:00Z"^^xsd:dateTime ] ;
                     time:hasEnd [ time:inXSDDateTime "2004-03-09T00:00:00Z"^^xsd:dateTime ] ] .
eg:ryabkov a foaf:Person ; foaf:name "Sergei Ryabkov" .
eg:m3 a org:Membership ; org:member eg:ryabkov ; org:organization eg:mfa ; rdfs:comment "Deputy minister since 2008" .
TTL
drawn_as membership "ORG memberships not folded into labelled edges" \
  'Foreign Ministry' 'Igor Ivanov' 'Maria Zakharova' 'Sergei Ryabkov' 'eg:m3' \
  'Igor Ivanov -member (1998-09-11 – 2004-03-09)-> Foreign Ministry' \
  'Maria Zakharova -spokesperson (since 2015-08-10)-> Foreign Ministry' \
  'eg:m3 -org:member-> Sergei Ryabkov' 'eg:m3 -org:organization-> Foreign Ministry'
# ... but a role, an interval or an instant that says more, or that
# something else points at (a term two memberships share, one of which
# stays a node; a role under another; a post's role), keeps its node and
# all its edges; a role with no name is said by its IRI.
cat >"$tmp/membership2.ttl" <<'TTL'
@prefix org: <http://www.w3.org/ns/org#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix time: <http://www.w3.org/2006/time#> .
@prefix eg: <http://example.com/org#> .
eg:duma rdfs:label "Duma" .
eg:a rdfs:label "A" . eg:b rdfs:label "B" . eg:c rdfs:label "C" .
eg:term7 time:hasBeginning eg:t0 ; time:hasEnd eg:t1 .
eg:t0 time:inXSDDate "2016-10-05" . eg:t1 time:inXSDDate "2021-10-12" .
eg:m1 org:member eg:a ; org:organization eg:duma ; org:memberDuring eg:term7 ; org:role eg:speaker .
eg:m2 org:member eg:b ; org:organization eg:duma ; org:memberDuring eg:term7 ; rdfs:comment "disputed" .
eg:m3 org:member eg:c ; org:organization eg:duma ; org:role eg:deputy .
eg:speaker rdfs:label "speaker" ; skos:broader eg:officer .
eg:officer rdfs:label "officer" .
TTL
drawn_as membership2 "a fold took away a shared term, a role's own edges or an unnamed role" \
  'A' 'B' 'C' 'Duma' 'eg:m2' 'eg:t0' 'eg:t1' 'eg:term7' 'officer' 'speaker' \
  'A -speaker (2016-10-05 – 2021-10-12)-> Duma' 'C -eg:deputy-> Duma' \
  'eg:m2 -org:member-> B' 'eg:m2 -org:memberDuring-> eg:term7' 'eg:m2 -org:organization-> Duma' \
  'eg:term7 -time:hasBeginning-> eg:t0' 'eg:term7 -time:hasEnd-> eg:t1' \
  'speaker -skos:broader-> officer'
# ... and its restrictions: "has topping some", not "ex:hasTopping some".
cat >"$tmp/topping.ttl" <<'TTL'
@prefix ex: <http://e.example/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:hasTopping a owl:ObjectProperty ; rdfs:label "has topping" .
ex:Margherita a owl:Class ; rdfs:subClassOf [ a owl:Restriction ; owl:onProperty ex:hasTopping ; owl:someValuesFrom ex:Mozzarella ] .
ex:Mozzarella a owl:Class .
TTL
"$ENTENTE" dot "$tmp/topping.ttl" -f graphml -o "$tmp/topping.graphml"
graphml_drawn "$tmp/topping.graphml" | grep -qx 'ex:Margherita -has topping some-> ex:Mozzarella' ||
  fail "a restriction does not take its property's name: $(graphml_drawn "$tmp/topping.graphml")"
# Facets wrap at 50 columns, a Chinese character taking two: three lines
# here (two if each counted one).
printf '@prefix ex: <http://e.example/> .\n@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\nex:a rdfs:label "会谈" ; ex:p "利雅得会谈第一天" ; ex:q "俄罗斯与美国在沙特阿拉伯举行" ; ex:r "技术层面的谈判" .\n' >"$tmp/cjk.ttl"
"$ENTENTE" dot "$tmp/cjk.ttl" -f dot -o "$tmp/cjk.dot"
grep -qF 'label="会谈\nex:p 利雅得会谈第一天\nex:q 俄罗斯与美国在沙特阿拉伯举行\nex:r 技术层面的谈判"' "$tmp/cjk.dot" ||
  fail "wide characters wrapped as narrow ones: $(grep 'label=' "$tmp/cjk.dot")"
# A class IRI past the 60 characters a literal is cut at (Protégé's
# defaults) is said by its prefixed name, whole.
cat >"$tmp/long.ttl" <<'TTL'
@prefix ex: <http://www.semanticweb.org/someone/ontologies/2024/1/untitled-ontology-12#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:bob a ex:VeryLongClassNameForTheEmployee ; rdfs:label "Bob" .
TTL
"$ENTENTE" dot "$tmp/long.ttl" -f dot -o "$tmp/long.dot"
grep -q 'label="Bob\\na ex:VeryLongClassNameForTheEmployee"' "$tmp/long.dot" ||
  fail "a long class IRI is cut: $(grep 'label=' "$tmp/long.dot")"
# ... its other literals and classes are said on the nodes, GraphML
# names its classes (not entente's kinds: "Official" for foaf:Person),
# and an ego view takes the prefixed name the drawing shows.
cat >"$tmp/people.ttl" <<'TTL'
@prefix ex: <http://e.example/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
ex:alice a foaf:Person ; foaf:name "Alice" ; ex:age 42 ; foaf:knows ex:bob .
ex:bob a foaf:Person, ex:Employee ; foaf:name "Bob" ; ex:address [ ex:city "Oslo" ] .
ex:tool <http://usefulinc.com/ns/doap#name> "Hammer" .
TTL
"$ENTENTE" dot "$tmp/people.ttl" -f dot -o "$tmp/people.dot"
grep -q 'label="Alice\\nex:age 42"' "$tmp/people.dot" || fail "a literal of somebody else's graph is not on its node: $(grep label= "$tmp/people.dot")"
grep -q 'label="Bob\\na ex:Employee"' "$tmp/people.dot" || fail "a class without a shape is not on its node"
grep -q 'label="\[ \]\\nex:city Oslo"' "$tmp/people.dot" || fail "a blank node is not drawn as [ ] with its literals"
grep -q 'label=Hammer' "$tmp/people.dot" || fail "doap:name does not name its node"
"$ENTENTE" dot "$tmp/people.ttl" -f graphml -o "$tmp/people.graphml"
[ "$(grep -c '<data key="kind">foaf:Person</data>' "$tmp/people.graphml")" = 2 ] || fail "GraphML: foaf:Person not named as such"
"$ENTENTE" dot "$tmp/people.ttl" --view ego:ex:bob -f dot -o "$tmp/bob.dot" || fail "ego view by prefixed name refused"
grep -q 'label="Bob' "$tmp/bob.dot" || fail "ego:ex:bob: Bob not drawn"
# An empty drawing says so; a bad engine, a directory and a format dot
# does not draw are said as such.
printf '@prefix ex: <http://e.example/> .\n' >"$tmp/prefixes.ttl"
"$ENTENTE" dot "$tmp/prefixes.ttl" -f svg -o "$tmp/empty.svg" 2>"$tmp/err"
grep -q 'warning: the diagram is empty' "$tmp/err" || fail "an empty drawing is not said: $(cat "$tmp/err")"
# An empty timeline says what it places.
"$ENTENTE" dot "$tmp/people.ttl" --view timeline -f dot -o "$tmp/timeline-empty.dot" 2>"$tmp/err"
grep -q 'warning: the diagram is empty: the timeline places events, meetings, agreements and statements with a day (schema:startDate' "$tmp/err" ||
  fail "an empty timeline does not say what it places: $(cat "$tmp/err")"
for args in "--engine foo:64:unknown --engine 'foo'" "-f turtle2:64:use dot, svg, png, pdf or graphml"; do
  set +e
  # shellcheck disable=SC2086 # the words are the arguments
  "$ENTENTE" dot "$tmp/people.ttl" ${args%%:*} -o "$tmp/x.svg" 2>"$tmp/err"
  rc=$?
  set -e
  want=${args#*:}
  [ "$rc" = "${want%%:*}" ] && grep -qF "${want#*:}" "$tmp/err" || fail "dot ${args%%:*}: exit $rc: $(cat "$tmp/err")"
done
set +e
"$ENTENTE" dot "$tmp" -f svg -o "$tmp/x.svg" 2>"$tmp/err"
rc=$?
set -e
[ "$rc" = 66 ] && grep -q 'a directory; give an RDF file' "$tmp/err" || fail "dot DIRECTORY: exit $rc: $(cat "$tmp/err")"
# A vocabulary's classes and properties have shapes of their own.
cat >"$tmp/vocab.ttl" <<'TTL'
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix ex: <http://e.example/> .
ex:Person a owl:Class ; rdfs:label "Person" .
ex:knows a owl:ObjectProperty ; rdfs:label "knows" ; rdfs:domain ex:Person ; rdfs:range ex:Person .
TTL
"$ENTENTE" dot "$tmp/vocab.ttl" -f graphml -o "$tmp/vocab.graphml"
grep -q '<data key="kind">owl:Class</data>' "$tmp/vocab.graphml" && grep -q '<data key="kind">owl:ObjectProperty</data>' "$tmp/vocab.graphml" ||
  fail "a vocabulary's class and property are not told apart"
"$ENTENTE" dot "$tmp/vocab.ttl" -f dot -o "$tmp/vocab.dot"
grep -q 'shape=cds' "$tmp/vocab.dot" && grep -q 'label="owl:ObjectProperty"' "$tmp/vocab.dot" || fail "a property has no shape of its own"
# With an engine that does not draw clusters (sfdp past 200 nodes), the
# legend's entries are tied together under a title, not strewn about.
{
  for i in $(seq 1 300); do
    printf '<http://e.example/hub> <http://e.example/p> <http://e.example/leaf%d> .\n' "$i"
  done
} >"$tmp/star.nt"
"$ENTENTE" dot "$tmp/star.nt" --max-nodes 400 -f dot -o "$tmp/star.dot"
grep -A2 -E 'legend_title -> legend_[0-9]+' "$tmp/star.dot" | grep -q 'style=invis' ||
  fail "sfdp: the legend is not tied together"
grep -q 'layout=sfdp' "$tmp/star.dot" || fail "sfdp: the DOT does not name its engine"
# A small star is drawn in rings around its hub (twopi), not as a column
# of leaves a page tall (dot); the DOT says so, for `dot -Tsvg`.
head -60 "$tmp/star.nt" >"$tmp/star60.nt"
"$ENTENTE" dot "$tmp/star60.nt" -f dot -o "$tmp/star60.dot"
grep -q 'layout=twopi' "$tmp/star60.dot" || fail "a star of 60 leaves is not drawn with twopi"
"$ENTENTE" dot "$tmp/star60.nt" -f svg -o "$tmp/star60.svg"
width=$(sed -n 's/.*<svg width="\([0-9]*\)pt" height="\([0-9]*\)pt".*/\1 \2/p' "$tmp/star60.svg")
[ -n "$width" ] && [ "${width#* }" -lt $((3 * ${width%% *})) ] || fail "a star of 60 leaves is drawn $width points (width, height)"
"$ENTENTE" dot "$tmp/star60.nt" --engine dot -f dot -o "$tmp/star60-dot.dot"
! grep -q 'layout=' "$tmp/star60-dot.dot" || fail "--engine dot: the DOT names another engine"
head -20 "$tmp/star.nt" >"$tmp/star20.nt"
"$ENTENTE" dot "$tmp/star20.nt" -f dot -o "$tmp/star20.dot"
! grep -q 'layout=' "$tmp/star20.dot" || fail "a star of 20 leaves is not drawn with dot"
"$ENTENTE" dot "$tmp/thes.ttl" -f dot -o "$tmp/thes-dot.dot"
! grep -q 'legend_title' "$tmp/thes-dot.dot" || fail "dot: the legend's frame holds it, no ties wanted"
# A hundred people each pointing at one of six countries and one of
# forty employers would be one column a hundred nodes tall with dot (all
# in its first rank): laid out with sfdp, and the SVG is no column. A
# tree of as many nodes (a thesaurus, each concept under one of those
# before it) spreads over its ranks and stays with dot.
{
  for i in $(seq 0 99); do
    printf '<http://p.example/p%d> <http://p.example/citizenOf> <http://p.example/c%d> .\n' "$i" $((i % 6))
    printf '<http://p.example/p%d> <http://p.example/worksFor> <http://p.example/o%d> .\n' "$i" $((i % 40))
  done
} >"$tmp/bipartite.nt"
"$ENTENTE" dot "$tmp/bipartite.nt" -f dot -o "$tmp/bipartite.dot"
grep -q 'layout=sfdp' "$tmp/bipartite.dot" || fail "a hundred nodes in one rank are not laid out with sfdp"
"$ENTENTE" dot "$tmp/bipartite.nt" -f svg -o "$tmp/bipartite.svg"
size=$(sed -n 's/.*<svg width="\([0-9]*\)pt" height="\([0-9]*\)pt".*/\1 \2/p' "$tmp/bipartite.svg")
[ -n "$size" ] && [ "${size#* }" -lt $((3 * ${size%% *})) ] || fail "a hundred nodes in one rank are drawn $size points (width, height)"
python3 - "$tmp/tree.nt" <<'PY'
import random, sys
random.seed(1)
with open(sys.argv[1], "w") as out:
    for i in range(1, 150):
        out.write("<http://t.example/c%d> <http://www.w3.org/2004/02/skos/core#broader> "
                  "<http://t.example/c%d> .\n" % (i, random.randrange(i)))
PY
"$ENTENTE" dot "$tmp/tree.nt" -f dot -o "$tmp/tree.dot"
! grep -q 'layout=' "$tmp/tree.dot" || fail "a tree is not laid out with dot: $(grep -o 'layout=[a-z]*' "$tmp/tree.dot")"
# TriG 1.1 that raptor2's TriG reader predates is refused with the way out.
printf '@prefix ex: <http://e.example/> .\nGRAPH ex:g { ex:a ex:p ex:b }\n' >"$tmp/graph-keyword.trig"
set +e
"$ENTENTE" dot "$tmp/graph-keyword.trig" -f svg -o "$tmp/x.svg" 2>"$tmp/err"
rc=$?
set -e
[ "$rc" = 65 ] && grep -q "graph-keyword.trig:2:1: error: .*GRAPH keyword.*serdi -i trig -o nquads" "$tmp/err" ||
  fail "TriG's GRAPH keyword: exit $rc: $(cat "$tmp/err")"
# A SPARQL-style PREFIX before a default graph's { } (W3C's
# SPARQL_style_prefix.trig), which raptor2 misreads: the way out is said.
printf 'PREFIX p: <http://a.example/>\n{p:s <http://a.example/p> <http://a.example/o> .}\n' >"$tmp/sparql-prefix.trig"
set +e
"$ENTENTE" dot "$tmp/sparql-prefix.trig" -f dot -o "$tmp/x.dot" 2>"$tmp/err"
rc=$?
set -e
[ "$rc" = 65 ] && grep -q "sparql-prefix.trig:1:1: error: .*SPARQL-style PREFIX or BASE before a default graph.*'@prefix p: <...> .'.*serdi -i trig -o nquads" "$tmp/err" ||
  fail "TriG's PREFIX before { }: exit $rc: $(cat "$tmp/err")"
# ... and only then: a PREFIX line that is wrong in itself gets no such hint.
printf 'PREFIX ex <http://a.example/>\nex:g { ex:a ex:b ex:c . }\n' >"$tmp/bad-prefix.trig"
if "$ENTENTE" dot "$tmp/bad-prefix.trig" -f dot -o "$tmp/x.dot" 2>"$tmp/err"; then fail "bad-prefix.trig read"; fi
! grep -q "default graph" "$tmp/err" || fail "a wrong PREFIX line told of default graphs: $(cat "$tmp/err")"
# A tooltip of one 16 KB word (written unquoted) is cut so that Graphviz
# reads the DOT back.
python3 -c "print('<http://e.example/a> <http://www.w3.org/2000/01/rdf-schema#label> \"' + 'x' * 16500 + '\" .')" >"$tmp/word.nt"
"$ENTENTE" dot "$tmp/word.nt" -f dot -o "$tmp/word.dot"
dot -Tcanon "$tmp/word.dot" >/dev/null 2>"$tmp/err" || fail "a 16 KB word: dot cannot read the DOT back: $(cat "$tmp/err")"
# Text that is not UTF-8 is refused where it starts (raptor stopped there
# without a word and the drawing was cut short, exit 0); a UTF-8 byte
# order mark is skipped; a control character in a literal is drawn.
printf '<http://e.example/a> <http://e.example/p> <http://e.example/b> .\n<http://e.example/c> <http://e.example/p> "caf\351" .\n' >"$tmp/latin1.nt"
printf '@prefix ex: <http://e.example/> .\nex:a ex:p ex:b .\n\377 ex:c ex:p ex:d .\n' >"$tmp/ff.ttl"
iconv -t UTF-16 "$tmp/thes.ttl" >"$tmp/utf16.ttl"
for input in latin1.nt:2:47 ff.ttl:3:1 utf16.ttl:1:1; do
  file=${input%%:*}
  set +e
  "$ENTENTE" dot "$tmp/$file" -f svg -o "$tmp/refused.svg" 2>"$tmp/err"
  rc=$?
  set -e
  [ "$rc" = 65 ] && grep -q "^$tmp/$input: error: .*UTF" "$tmp/err" ||
    fail "$file: exit $rc, want 65 and the place: $(cat "$tmp/err")"
  [ ! -e "$tmp/refused.svg" ] || fail "$file: a drawing was written"
done
printf '\357\273\277<http://e.example/a> <http://www.w3.org/2000/01/rdf-schema#label> "Bell \\u0007 rung" .\n' >"$tmp/bom.nt"
"$ENTENTE" dot "$tmp/bom.nt" -f svg -o "$tmp/bom.svg" 2>"$tmp/err" || fail "a byte order mark or a control character: $(cat "$tmp/err")"
xmllint --noout "$tmp/bom.svg" || fail "a control character: the SVG is not XML"
grep -q 'Bell � rung' "$tmp/bom.svg" || fail "a control character is not drawn as U+FFFD"
# ... and U+FFFF (raw: raptor refuses the escape), which XML cannot carry
# either (the GraphML was not XML).
printf '<http://e.example/a> <http://www.w3.org/2000/01/rdf-schema#label> "x \357\277\277 y" .\n' >"$tmp/nonchar.ttl"
"$ENTENTE" dot "$tmp/nonchar.ttl" -f graphml -o "$tmp/nonchar.graphml" || fail "a literal with U+FFFF refused"
xmllint --noout "$tmp/nonchar.graphml" || fail "a literal with U+FFFF: the GraphML is not XML"
grep -q 'x � y' "$tmp/nonchar.graphml" || fail "U+FFFF is not drawn as U+FFFD"
# Named graphs that name one resource differently: the name most give,
# that there are others, and the others in the tooltip.
{
  for g in 1 2 3; do
    name=Alpha
    [ "$g" = 3 ] && name=Alfa
    printf '<http://e.example/a> <http://www.w3.org/2000/01/rdf-schema#label> "%s" <http://e.example/g%s> .\n' "$name" "$g"
  done
  printf '<http://e.example/a> <http://e.example/p> <http://e.example/b> <http://e.example/g1> .\n'
} >"$tmp/names.nq"
"$ENTENTE" dot "$tmp/names.nq" -f dot -o "$tmp/names.dot"
grep -qF 'label="Alpha (+1 other name)"' "$tmp/names.dot" && grep -qF 'also named: Alfa"' "$tmp/names.dot" ||
  fail "names that differ between graphs: $(grep -A6 'e.example/a"' "$tmp/names.dot")"
"$ENTENTE" dot "$tmp/names.nq" -f graphml -o "$tmp/names.graphml"
grep -qF '>Alpha (+1 other name)<' "$tmp/names.graphml" || fail "GraphML: the other names are not counted"
# The default graph is a source too; translations one graph gives are not
# other names; names of a lower rank (untagged, before the preferred
# language's) are left behind; past the first names, how many more.
label='<http://www.w3.org/2000/01/rdf-schema#label>'
{
  printf '<http://e.example/d> %s "Dflt" .\n' "$label"
  printf '<http://e.example/d> %s "Other" <http://e.example/g1> .\n' "$label"
  printf '<http://e.example/d> %s "Third" <http://e.example/g2> .\n' "$label"
  for lang in de fr it; do
    printf '<http://e.example/c> %s "Name-%s"@%s <http://e.example/g1> .\n' "$label" "$lang" "$lang"
  done
  for i in $(seq 1 16); do
    printf '<http://e.example/r> %s "Nom%s"@fr <http://e.example/g%s> .\n' "$label" "$i" "$i"
  done
  printf '<http://e.example/r> %s "Alpha"@en <http://e.example/h1> .\n' "$label"
  printf '<http://e.example/r> %s "Alpha"@en <http://e.example/h2> .\n' "$label"
  printf '<http://e.example/r> %s "Alfa"@en <http://e.example/h3> .\n' "$label"
  for i in $(seq 1 20); do
    printf '<http://e.example/many> %s "Many%s" <http://e.example/g%s> .\n' "$label" "$i" "$i"
  done
  for g in 1 2; do
    printf '<http://e.example/m> %s "Munich"@en <http://e.example/g%s> .\n' "$label" "$g"
    printf '<http://e.example/m> %s "Monaco"@it <http://e.example/g%s> .\n' "$label" "$g"
  done
  # The default graph gives one vote, whatever the order of its names.
  printf '<http://e.example/o> %s "Aa" .\n' "$label"
  printf '<http://e.example/o> %s "Cc" <http://e.example/g1> .\n' "$label"
  printf '<http://e.example/o> %s "Bb" .\n' "$label"
} >"$tmp/names2.nq"
"$ENTENTE" dot "$tmp/names2.nq" -f dot -o "$tmp/names2.dot"
flat "$tmp/names2.dot"
for want in 'label="Dflt (+2 other names)"' 'label=Munich' 'label="Aa (+1 other name)"' 'label="Name-de"' 'label="Alpha (+1 other name)"' \
  'also named: Alfa"' 'label="Many1 (+19 other names)"' 'and 4 more"'; do
  grep -qF "$want" "$tmp/names2.dot" || fail "names: $want not drawn: $(grep -E 'label=|tooltip=' "$tmp/names2.dot")"
done
# RDF lists are drawn as Turtle writes them, ( a b ), not as chains of
# blank nodes: an edge to each member, numbered; literals and the empty
# list on the owner.  A list that is not well formed is left as it is.
cat >"$tmp/lists.ttl" <<'TTL'
@prefix ex: <http://e.example/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
ex:Agent a owl:Class ; owl:unionOf ( ex:Person ex:Org ) .
ex:status ex:in ( "active" "retired" ) ; ex:none () .
ex:loop ex:p _:c1 . _:c1 rdf:first ex:y ; rdf:rest _:c2 . _:c2 rdf:first ex:z ; rdf:rest _:c1 .
ex:twice ex:p _:s1 . ex:again ex:p _:s1 . _:s1 rdf:first ex:u ; rdf:rest ( ex:v ) .
TTL
"$ENTENTE" dot "$tmp/lists.ttl" -f dot -o "$tmp/lists.dot"
flat "$tmp/lists.dot"
for want in 'label="owl:unionOf 1/2"' 'label="owl:unionOf 2/2"' 'label="ex:status\nex:in (\"active\" \"retired\") · ex:none ()"'; do
  grep -qF "$want" "$tmp/lists.dot" || fail "lists: $want not drawn: $(grep label= "$tmp/lists.dot")"
done
[ "$(grep -c 'label="rdf:first"' "$tmp/lists.dot")" = 4 ] || fail "lists: the loop and the list pointed at twice are not drawn as their statements say"
! grep -q 'rdf:rest [0-9]' "$tmp/lists.dot" || fail "lists: the tail of a list pointed at twice was folded on its own"
[ "$(grep -c 'label="rdf:nil"' "$tmp/lists.dot")" = 1 ] || fail "lists: rdf:nil not drawn once (where the unfolded list ends)"
legend=$(grep -o 'other relations:<BR/>[^<]*' "$tmp/lists.dot")
[[ "$legend" == *"owl:unionOf"* && "$legend" != *"owl:unionOf 1/2"* ]] ||
  fail "lists: the legend does not name owl:unionOf once: $legend"
# A list of literals folded after other edges drops none of them: each
# literal's place among the literals was taken for an edge's, and the
# edges with those numbers (here every edge of the blank node) vanished.
cat >"$tmp/lists-literal.ttl" <<'TTL'
@prefix ex: <http://e.example/> .
ex:r ex:p [ ex:item ex:a ] .
ex:tags ex:values ( "a" "b" ) .
TTL
"$ENTENTE" dot "$tmp/lists-literal.ttl" -f dot -o "$tmp/lists-literal.dot"
flat "$tmp/lists-literal.dot"
[ "$(grep -c -- '->' "$tmp/lists-literal.dot")" = 2 ] && grep -q 'label="ex:p"' "$tmp/lists-literal.dot" &&
  grep -q 'label="ex:item"' "$tmp/lists-literal.dot" && grep -qF 'ex:values (\"a\" \"b\")' "$tmp/lists-literal.dot" ||
  fail "lists of literals: edges lost: $(grep -e ' -> ' -e 'label=' "$tmp/lists-literal.dot")"
# Provenance and owl:sameAs are left out of entente's own graphs (every
# entity derives from its source: one hub), and drawn in somebody else's,
# where they are what the graph says.  rdfs:isDefinedBy stays out (each
# term of an ontology points at it).
cat >"$tmp/prov.ttl" <<'TTL'
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix ex: <http://e.example/> .
ex:b prov:wasDerivedFrom ex:a .
ex:act prov:qualifiedAssociation [ prov:agent ex:alice ; prov:hadRole ex:analyst ] .
ex:alice owl:sameAs ex:alice2 ; rdfs:isDefinedBy ex:people .
TTL
"$ENTENTE" dot "$tmp/prov.ttl" -f dot -o "$tmp/prov.dot"
flat "$tmp/prov.dot"
for p in prov:wasDerivedFrom prov:agent prov:hadRole owl:sameAs; do
  grep -q "^		label=\"$p\"\]" "$tmp/prov.dot" || fail "somebody else's graph: no $p edge: $(grep label= "$tmp/prov.dot")"
done
! grep -q 'label="rdfs:isDefinedBy"\]' "$tmp/prov.dot" || fail "rdfs:isDefinedBy drawn as an edge"
"$ENTENTE" export "$data" -w -f nquads -o "$tmp/own.nq"
grep -q 'prov#wasDerivedFrom' "$tmp/own.nq" || fail "the export has no provenance to leave out"
"$ENTENTE" dot "$tmp/own.nq" -f dot -o "$tmp/own.dot" 2>/dev/null
! grep -Eq 'label="(prov:wasDerivedFrom|owl:sameAs)"' "$tmp/own.dot" || fail "entente's graph: provenance or owl:sameAs drawn as edges"
echo "ok: provenance and owl:sameAs drawn in somebody else's graph, not in entente's"
# A member twice, a plain edge beside a member, a literal among
# resources, an empty string, and a list stated in two named graphs: each
# member drawn at its place, the list once with its sources; a prefix
# declared after the list leaves the legend's name alone.
cat >"$tmp/lists2.trig" <<'TRIG'
@prefix ex: <http://e.example/> .
ex:g1 { ex:s ex:p ( ex:a ex:a ex:b ) . ex:t ex:p ex:a , ( ex:a ex:c ) . ex:m ex:p ( ex:a "two" ex:c ) , ( "" ) . }
ex:g2 { ex:u ex:q ( ex:x ) ; ex:l ( "a" "b" ) ; ex:e () . }
ex:g3 { ex:u ex:q ( ex:x ) ; ex:l ( "a" "b" ) ; ex:e () . }
@prefix foo: <http://foo.example/> .
TRIG
"$ENTENTE" dot "$tmp/lists2.trig" -f dot -o "$tmp/lists2.dot"
flat "$tmp/lists2.dot"
for want in 'label="ex:p 1/3"' 'label="ex:p 2/3"' 'label="ex:p 3/3"' 'label="ex:p 1/2"' 'label="ex:p"' \
  'ex:p 2/3 \"two\"' 'ex:p (\"\")' 'label="ex:q 1/1 (2 sources)"' 'ex:l (\"a\" \"b\") · ex:e ()"'; do
  grep -qF "$want" "$tmp/lists2.dot" || fail "lists: $want not drawn: $(grep label= "$tmp/lists2.dot")"
done
! grep -q 'rdf:first\|rdf:nil' "$tmp/lists2.dot" || fail "lists: a list stated in two graphs is not folded"
legend=$(grep -o 'other relations:<BR/>[^<]*' "$tmp/lists2.dot" | sed 's/<BR.>//')
[[ "$legend" != *"/"* ]] || fail "lists: the legend names list places: $legend"
# N-Quads whose graphs share a list's blank nodes: the owner's edge in
# three graphs draws each member once with its sources (not once per
# graph); no rdf:nil left alone; two predicates that both show as "p"
# keep their own members; a member that is the empty list is said; quotes
# in a literal are escaped as Turtle writes them.
R='http://www.w3.org/1999/02/22-rdf-syntax-ns#'
{
  for g in 1 2 3 3; do # g3's twice: one source
    printf '<http://e.example/s> <http://a.example/p> _:l1 <http://e.example/g%s> .\n' "$g"
  done
  printf '_:l1 <%sfirst> <http://e.example/a> <http://e.example/g1> .\n' "$R"
  printf '_:l1 <%srest> _:l2 <http://e.example/g1> .\n' "$R"
  printf '_:l2 <%sfirst> <http://e.example/b> <http://e.example/g1> .\n' "$R"
  printf '_:l2 <%srest> <%snil> <http://e.example/g1> .\n' "$R" "$R"
  printf '_:l2 <%srest> <%snil> <http://e.example/g2> .\n' "$R" "$R"
  printf '<http://e.example/s> <http://b.example/p> _:m1 <http://e.example/g1> .\n'
  printf '_:m1 <%sfirst> <http://e.example/a> <http://e.example/g1> .\n' "$R"
  printf '_:m1 <%srest> <%snil> <http://e.example/g1> .\n' "$R" "$R"
} >"$tmp/shared.nq"
"$ENTENTE" dot "$tmp/shared.nq" -f dot -o "$tmp/shared.dot"
flat "$tmp/shared.dot"
[ "$(grep -c 'label="p 1/2 (3 sources)"' "$tmp/shared.dot")" = 1 ] && grep -q 'label="p 2/2 (3 sources)"' "$tmp/shared.dot" &&
  grep -q 'label="p 1/1"' "$tmp/shared.dot" || fail "lists in shared blank nodes: $(grep -E 'label=' "$tmp/shared.dot")"
! grep -q 'rdf:nil\|label=nil' "$tmp/shared.dot" || fail "lists in shared blank nodes: rdf:nil drawn alone"
# An edge's sources are the distinct graphs that state it: the same quad
# twice (two dumps concatenated) is one source, whichever graph repeats.
{
  printf '<http://e.example/a> <http://e.example/knows> <http://e.example/b> <http://e.example/g%s> .\n' 1 2 2
  printf '<http://e.example/a> <http://e.example/likes> <http://e.example/b> <http://e.example/g%s> .\n' 3 3
  printf '<http://e.example/a> <http://e.example/meets> <http://e.example/b> <http://e.example/g%s> .\n' 4 5 4
} >"$tmp/repeated.nq"
"$ENTENTE" dot "$tmp/repeated.nq" -f dot -o "$tmp/repeated.dot" 2>"$tmp/err" || fail "repeated quads: $(cat "$tmp/err")"
grep -q 'label="knows (2 sources)"' "$tmp/repeated.dot" && grep -q 'label="meets (2 sources)"' "$tmp/repeated.dot" &&
  grep -qE 'label=likes[],]' "$tmp/repeated.dot" || fail "repeated quads: sources miscounted: $(grep -oE 'label=("[^"]*"|[a-z]+)' "$tmp/repeated.dot" | tr '\n' ' ')"
echo "ok: a quad stated twice in one graph is one source"
# Two copies of one list (or of a restriction in one), each named from two
# graphs, one graph naming both: one edge, three sources.
{
  printf '<http://e.example/s> <http://e.example/p> _:%s <http://e.example/g%s> .\n' a 1 a 3 b 1 b 2
  # ... and where the first to name a copy is the default graph.
  printf '<http://e.example/t> <http://e.example/p> _:c .\n'
  printf '<http://e.example/t> <http://e.example/p> _:%s <http://e.example/g%s> .\n' c 5 d 6
  for l in a b c d; do
    printf '_:%s <%sfirst> <http://e.example/x> <http://e.example/g1> .\n' "$l" "$R"
    printf '_:%s <%srest> <%snil> <http://e.example/g1> .\n' "$l" "$R" "$R"
  done
  W='http://www.w3.org/2002/07/owl#'
  printf '<http://e.example/C> <%sintersectionOf> _:%s <http://e.example/g%s> .\n' "$W" l 1 "$W" l 3 "$W" m 1 "$W" m 2
  for l in l m; do
    printf '_:%s <%sfirst> _:r%s <http://e.example/g1> .\n' "$l" "$R" "$l"
    printf '_:%s <%srest> <%snil> <http://e.example/g1> .\n' "$l" "$R" "$R"
    printf '_:r%s <%stype> <%sRestriction> <http://e.example/g1> .\n' "$l" "$R" "$W"
    printf '_:r%s <%sonProperty> <http://e.example/q> <http://e.example/g1> .\n' "$l" "$W"
    printf '_:r%s <%ssomeValuesFrom> <http://e.example/D> <http://e.example/g1> .\n' "$l" "$W"
  done
} >"$tmp/copies.nq"
"$ENTENTE" dot "$tmp/copies.nq" -f dot -o "$tmp/copies.dot" 2>"$tmp/err" || fail "list copies: $(cat "$tmp/err")"
grep -q 'label="p 1/1 (3 sources)"' "$tmp/copies.dot" && grep -q 'label="p 1/1 (2 sources)"' "$tmp/copies.dot" &&
  grep -q 'label="owl:intersectionOf 1/1 q some (3 sources)"' "$tmp/copies.dot" ||
  fail "list copies: sources miscounted: $(grep -oE 'label="[^"]*sources\)"' "$tmp/copies.dot" | tr '\n' ' ')"
echo "ok: copies of a list named from several graphs count each graph once"
# A fact stated one way in one graph and the inverse way in another is one
# edge, with both graphs as its sources.
O='http://www.w3.org/ns/org#'
{
  printf '<http://e.example/a> <%smemberOf> <http://e.example/b> <http://e.example/g1> .\n' "$O"
  printf '<http://e.example/b> <%shasMember> <http://e.example/a> <http://e.example/g%s> .\n' "$O" 2 "$O" 1
  printf '<http://e.example/c> <%shasMember> <http://e.example/d> <http://e.example/g%s> .\n' "$O" 3 "$O" 4
} >"$tmp/inverse-sources.nq"
"$ENTENTE" dot "$tmp/inverse-sources.nq" -f dot -o "$tmp/inverse-sources.dot" 2>"$tmp/err" || fail "inverse sources: $(cat "$tmp/err")"
grep -q 'label="org:memberOf (2 sources)"' "$tmp/inverse-sources.dot" && grep -q 'label="org:hasMember (2 sources)"' "$tmp/inverse-sources.dot" &&
  [ "$(grep -c -- '->' "$tmp/inverse-sources.dot")" = 2 ] ||
  fail "inverse sources: $(grep -E -- '->|label="org' "$tmp/inverse-sources.dot" | tr -d '\t' | tr '\n' ' ')"
echo "ok: an edge stated both ways counts the graphs of both"
# Left out beside org:headOf (a head is a member), org:memberOf takes the
# same fact stated the other way round with it; stated only the other way
# round, the fact is as redundant beside the head.  An inverse alone stays.
{
  printf '<http://e.example/a> <%sheadOf> <http://e.example/b> <http://e.example/g1> .\n' "$O"
  printf '<http://e.example/a> <%smemberOf> <http://e.example/b> <http://e.example/g1> .\n' "$O"
  printf '<http://e.example/b> <%shasMember> <http://e.example/a> <http://e.example/g2> .\n' "$O"
  printf '<http://e.example/c> <%sheadOf> <http://e.example/d> <http://e.example/g1> .\n' "$O"
  printf '<http://e.example/d> <%shasMember> <http://e.example/c> <http://e.example/g2> .\n' "$O"
  printf '<http://e.example/e> <%shasMember> <http://e.example/f> <http://e.example/g2> .\n' "$O"
} >"$tmp/inverse-head.nq"
"$ENTENTE" dot "$tmp/inverse-head.nq" -f dot -o "$tmp/inverse-head.dot" 2>"$tmp/err" || fail "inverse beside head: $(cat "$tmp/err")"
[ "$(grep -c 'label="org:headOf"' "$tmp/inverse-head.dot")" = 2 ] && [ "$(grep -c 'label="org:hasMember"' "$tmp/inverse-head.dot")" = 1 ] &&
  [ "$(grep -c -- '->' "$tmp/inverse-head.dot")" = 3 ] ||
  fail "inverse beside head: $(grep -E -- '->|label="org' "$tmp/inverse-head.dot" | tr -d '\t' | tr '\n' ' ')"
echo "ok: an inverse goes where a more specific edge makes the fact redundant"
printf '@prefix ex: <http://e.example/> .\nex:s ex:p ( ex:a () ) ; ex:q ( "say \\"hi\\"" ) .\n' >"$tmp/lists3.ttl"
"$ENTENTE" dot "$tmp/lists3.ttl" -f graphml -o "$tmp/lists3.graphml"
grep -qF 'ex:p 2/2 () · ex:q (&quot;say \&quot;hi\&quot;&quot;)' "$tmp/lists3.graphml" ||
  fail "lists: the empty list as a member, or quotes: $(grep details "$tmp/lists3.graphml")"
# A capped view of a long list keeps its first members, not raptor's
# first-read last ones.
{
  printf '@prefix ex: <http://e.example/> .\nex:s ex:p ('
  for i in $(seq 1 20); do printf ' ex:m%s' "$i"; done
  printf ' ) .\n'
} >"$tmp/long.ttl"
"$ENTENTE" dot "$tmp/long.ttl" --view ego:ex:s --max-nodes 5 -f dot -o "$tmp/long.dot" 2>/dev/null
[ "$(grep -o 'label="ex:p [0-9]*/20"' "$tmp/long.dot" | sort | tr '\n' ' ')" = 'label="ex:p 1/20" label="ex:p 2/20" label="ex:p 3/20" label="ex:p 4/20" ' ] ||
  fail "a capped list: $(grep -o 'label="ex:p [0-9]*/20"' "$tmp/long.dot" | tr '\n' ' ')"
# ... each list's first members, before other nodes of their degree.
{
  printf '@prefix ex: <http://e.example/> .\nex:s ex:p ('
  for i in $(seq 1 20); do printf ' ex:m%s' "$i"; done
  printf ' ) ; ex:q ('
  for i in $(seq 1 20); do printf ' ex:k%s' "$i"; done
  printf ' ) .\n'
  for i in $(seq 1 20); do printf 'ex:s ex:r ex:n%s .\n' "$i"; done
} >"$tmp/lists4.ttl"
"$ENTENTE" dot "$tmp/lists4.ttl" --view ego:ex:s --max-nodes 9 -f dot -o "$tmp/lists4.dot" 2>/dev/null
[ "$(grep -o 'label="ex:[pq] [0-9]*/20"' "$tmp/lists4.dot" | sort | tr '\n' ' ')" = 'label="ex:p 1/20" label="ex:p 2/20" label="ex:p 3/20" label="ex:p 4/20" label="ex:q 1/20" label="ex:q 2/20" label="ex:q 3/20" label="ex:q 4/20" ' ] ||
  fail "two capped lists: $(grep -o 'label="ex:[pqr][^"]*"' "$tmp/lists4.dot" | tr '\n' ' ')"
# RDF/XML's parseType="Collection" is the same list.
cat >"$tmp/lists.rdf" <<'RDF'
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://e.example/">
  <rdf:Description rdf:about="http://e.example/alice">
    <ex:knows rdf:parseType="Collection">
      <rdf:Description rdf:about="http://e.example/bob"/>
      <rdf:Description rdf:about="http://e.example/carol"/>
    </ex:knows>
  </rdf:Description>
</rdf:RDF>
RDF
"$ENTENTE" dot "$tmp/lists.rdf" -f graphml -o "$tmp/lists.graphml"
for k in 1 2; do
  grep -q ">ex:knows $k/2<" "$tmp/lists.graphml" || fail "lists: RDF/XML collection member $k not drawn: $(grep -c '<edge' "$tmp/lists.graphml") edges"
done
! grep -q 'rdf:first' "$tmp/lists.graphml" || fail "lists: RDF/XML collection drawn as rdf:first chains"
# RDF/XML as Protégé writes it: a DOCTYPE whose entities name
# namespaces, used in attributes, the default namespace and text.
cat >"$tmp/protege.owl" <<'RDF'
<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [
    <!ENTITY owl "http://www.w3.org/2002/07/owl#" >
    <!-- the ontology's own -->
    <!ENTITY ex 'http://e.example/onto#' >
]>
<rdf:RDF xmlns="&ex;" xml:base="http://e.example/onto"
     xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#"
     xmlns:owl="http://www.w3.org/2002/07/owl#"
     xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
    <owl:Class rdf:about="&ex;Envoy">
        <rdfs:subClassOf rdf:resource="&owl;Thing"/>
        <rdfs:label>Envoy of &ex;</rdfs:label>
    </owl:Class>
    <Envoy rdf:about="&ex;witkoff"/>
</rdf:RDF>
RDF
"$ENTENTE" dot "$tmp/protege.owl" -f graphml -o "$tmp/protege.graphml" 2>"$tmp/err" ||
  fail "Protégé's DOCTYPE: $(cat "$tmp/err")"
for want in '>Envoy of http://e.example/onto#<' '>owl:Thing<' '>rdfs:subClassOf<' 'witkoff'; do
  grep -qF "$want" "$tmp/protege.graphml" || fail "Protégé's DOCTYPE: no $want in the drawing"
done
# Any other DOCTYPE is refused at its line and column, before raptor2
# (and libxml2) read a byte of it.
body='<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="&e;a"/></rdf:RDF>'
while IFS='|' read -r doctype where what; do
  printf '%s\n%s\n' "$doctype" "$body" >"$tmp/doctype.rdf"
  set +e
  "$ENTENTE" dot "$tmp/doctype.rdf" -f dot -o "$tmp/refused.dot" 2>"$tmp/err"
  rc=$?
  set -e
  [ "$rc" = 65 ] && grep -qF "doctype.rdf:$where: error: $what" "$tmp/err" && [ ! -e "$tmp/refused.dot" ] ||
    fail "DOCTYPE $doctype: exit $rc: $(cat "$tmp/err")"
done <<'CASES'
<!DOCTYPE rdf:RDF [<!ENTITY e SYSTEM "file:///etc/passwd">]>|1:20|an external entity
<!DOCTYPE rdf:RDF [<!ENTITY % p SYSTEM "p.dtd"> %p;]>|1:20|a parameter entity
<!DOCTYPE rdf:RDF SYSTEM "rdf.dtd">|1:19|an external DTD
<!DOCTYPE rdf:RDF [<!ENTITY x "http://e.example/"><!ENTITY e "&x;&x;">]>|1:63|an entity whose value refers to another entity
<!DOCTYPE rdf:RDF [<!ATTLIST rdf:Description rdf:about CDATA "x">]>|1:20|an attribute list declaration
<!DOCTYPE rdf:RDF [<!ENTITY e "http://e.example/?a=1&#38;b">]>|1:53|an entity whose value refers to another entity
<!DOCTYPE rdf:RDF [<!ENTITY e "http://e.example/">]><!-- x --><!DOCTYPE rdf:RDF>|1:63|a second DOCTYPE
CASES
# Declarations inside a comment, a CDATA section or a processing
# instruction are not markup (the XML parser reads them as text): not
# refused, as they were ("an entity declaration outside a DOCTYPE");
# rapper reads each.  A DOCTYPE after a comment that holds one is the
# only one.
cdata_body='<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#"><rdf:Description rdf:about="http://e.example/a"><rdfs:label><![CDATA[<!ENTITY x "y">]]></rdfs:label></rdf:Description></rdf:RDF>'
plain_body='<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://e.example/"><rdf:Description rdf:about="http://e.example/a"><ex:p rdf:resource="http://e.example/b"/></rdf:Description></rdf:RDF>'
entity_body='<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://e.example/"><rdf:Description rdf:about="&e;a"><ex:p rdf:resource="&e;b"/></rdf:Description></rdf:RDF>'
while IFS='|' read -r head tail; do
  printf '%s\n%s\n' "$head" "$tail" >"$tmp/markup.rdf"
  rapper -q -i rdfxml "$tmp/markup.rdf" >/dev/null || fail "rapper refuses $head"
  "$ENTENTE" dot "$tmp/markup.rdf" -f dot -o "$tmp/markup.dot" 2>"$tmp/err" && grep -q 'e.example/a\|>a<' "$tmp/markup.dot" ||
    fail "a declaration that is not markup: $head: $(cat "$tmp/err")"
done <<CASES
<!-- Protégé would write <!ENTITY owl "http://www.w3.org/2002/07/owl#"> -->|$plain_body
<?xml version="1.0"?><?note <!ENTITY x "y"> ?>|$plain_body
<?xml version="1.0"?>|$cdata_body
<!-- <!DOCTYPE rdf:RDF> --><!DOCTYPE rdf:RDF [<!ENTITY e "http://e.example/">]>|$entity_body
CASES
# raptor's warnings that drop nothing (an unknown rdf: name, read as a
# property, as the W3C RDF/XML tests want) are warnings, errors with
# --strict; one that drops statements (rdf:aboutEach) stays an error.
printf '%s\n' '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://e.example/">' \
  '<rdf:Description rdf:about="http://e.example/a" rdf:bar="x"><rdf:foo rdf:resource="http://e.example/b"/></rdf:Description></rdf:RDF>' >"$tmp/rdffoo.rdf"
"$ENTENTE" dot "$tmp/rdffoo.rdf" -f dot -o "$tmp/rdffoo.dot" 2>"$tmp/err" &&
  grep -qF 'rdffoo.rdf:2:' "$tmp/err" && grep -qF 'warning: rdf:foo is an unknown RDF namespaced element' "$tmp/err" &&
  grep -qF "warning: Unknown RDF namespace property attribute 'bar'" "$tmp/err" && grep -q 'rdf:foo' "$tmp/rdffoo.dot" ||
  fail "unknown rdf: names: $(cat "$tmp/err")"
set +e
"$ENTENTE" dot "$tmp/rdffoo.rdf" --strict -f dot -o "$tmp/refused.dot" 2>"$tmp/err"
rc=$?
set -e
[ "$rc" = 65 ] && [ ! -e "$tmp/refused.dot" ] || fail "unknown rdf: names with --strict: exit $rc: $(cat "$tmp/err")"
printf '%s\n' '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://e.example/">' \
  '<rdf:Description rdf:aboutEach="#bag"><ex:p>x</ex:p></rdf:Description></rdf:RDF>' >"$tmp/abouteach.rdf"
set +e
"$ENTENTE" dot "$tmp/abouteach.rdf" -f dot -o "$tmp/refused.dot" 2>"$tmp/err"
rc=$?
set -e
[ "$rc" = 65 ] && grep -qF 'error: element' "$tmp/err" && [ ! -e "$tmp/refused.dot" ] || fail "rdf:aboutEach: exit $rc: $(cat "$tmp/err")"
# A NUL among UTF-8 text is a character raptor2 would cut a literal at;
# NULs every other byte are UTF-16.
printf '<http://e.example/a> <http://e.example/p> "a\000b" .\n' >"$tmp/nul.nt"
printf '<http://e.example/a> <http://e.example/p> "ab" .\n' | iconv -f UTF-8 -t UTF-16LE >"$tmp/nobom16.nt"
for f in nul:'nul.nt:1:45: error: a NUL character (U+0000)' nobom16:'nobom16.nt:1:2: error: a NUL byte: the file is UTF-16'; do
  set +e
  "$ENTENTE" dot "$tmp/${f%%:*}.nt" -f dot -o "$tmp/refused.dot" 2>"$tmp/err"
  rc=$?
  set -e
  [ "$rc" = 65 ] && grep -qF "${f#*:}" "$tmp/err" && [ ! -e "$tmp/refused.dot" ] || fail "${f%%:*}: exit $rc: $(cat "$tmp/err")"
done
# An undeclared prefix, which raptor reports without a line, is placed at
# its first use.
printf '@prefix ex: <http://e.example/> .\nex:a ex:p ex:b .\nex:b ex:q nope:c .\n' >"$tmp/prefix.ttl"
set +e
"$ENTENTE" dot "$tmp/prefix.ttl" -f dot -o "$tmp/refused.dot" 2>"$tmp/err"
rc=$?
set -e
[ "$rc" = 65 ] && grep -qF 'prefix.ttl:3:11: error: The namespace prefix in "nope:c" was not declared' "$tmp/err" ||
  fail "undeclared prefix: exit $rc: $(cat "$tmp/err")"
# Sources that give one thing different days: all are drawn, said to
# differ; at most four, then an ellipsis; one day from two sources is one.
{
  for d in 14 13 14; do
    echo "<http://e.example/talks> <http://schema.org/startDate> \"2025-05-$d\"^^<http://www.w3.org/2001/XMLSchema#date> <http://e.example/src-$d> ."
  done
  for d in 01 02 03 04 05; do
    echo "<http://e.example/call> <http://schema.org/startDate> \"2025-06-$d\"^^<http://www.w3.org/2001/XMLSchema#date> <http://e.example/src-$d> ."
  done
  echo '<http://e.example/visit> <http://schema.org/startDate> "2025-07-01"^^<http://www.w3.org/2001/XMLSchema#date> <http://e.example/src-a> .'
  echo '<http://e.example/visit> <http://schema.org/startDate> "2025-07-01"^^<http://www.w3.org/2001/XMLSchema#date> <http://e.example/src-b> .'
} >"$tmp/dates.nq"
"$ENTENTE" dot "$tmp/dates.nq" -f dot -o "$tmp/dates.dot" 2>"$tmp/err" || fail "dates: $(cat "$tmp/err")"
grep -qF '2025-05-13 / 2025-05-14 (sources differ)' "$tmp/dates.dot" &&
  grep -qF '2025-06-01 / 2025-06-02 / 2025-06-03 / 2025-06-04 / … (sources differ)' "$tmp/dates.dot" &&
  grep -q '2025-07-01' "$tmp/dates.dot" && ! grep -q '2025-07-01[^"]*differ' "$tmp/dates.dot" ||
  fail "dates sources disagree on: $(grep -o 'label="[^"]*' "$tmp/dates.dot")"
# A day one source gives outside another's window (ent:notBefore to
# ent:notAfter) is a difference, as validate says; a day inside agrees.
{
  x='^^<http://www.w3.org/2001/XMLSchema#date>'
  echo "<http://e.example/met> <http://schema.org/startDate> \"2025-03-25\"$x <http://e.example/src-a> ."
  echo "<http://e.example/met> <https://w3id.org/entente/ns#notBefore> \"2025-03-17\"$x <http://e.example/src-b> ."
  echo "<http://e.example/met> <https://w3id.org/entente/ns#notAfter> \"2025-03-23\"$x <http://e.example/src-b> ."
  echo "<http://e.example/inside> <http://schema.org/startDate> \"2025-03-20\"$x <http://e.example/src-a> ."
  echo "<http://e.example/inside> <https://w3id.org/entente/ns#notBefore> \"2025-03-17\"$x <http://e.example/src-b> ."
  echo "<http://e.example/inside> <https://w3id.org/entente/ns#notAfter> \"2025-03-23\"$x <http://e.example/src-b> ."
} >"$tmp/window.nq"
"$ENTENTE" dot "$tmp/window.nq" -f dot -o "$tmp/window.dot" 2>"$tmp/err" || fail "window: $(cat "$tmp/err")"
grep -qF '2025-03-25 / 2025-03-17 – 2025-03-23 (sources differ)' "$tmp/window.dot" &&
  grep -q 'label="inside\\n2025-03-20"' "$tmp/window.dot" ||
  fail "a day outside another source's window: $(grep -o 'label="[^"]*' "$tmp/window.dot")"
# Any source's day is checked against each source's own window: two
# sources' halves make no window, two windows are not merged into one.
{
  x='^^<http://www.w3.org/2001/XMLSchema#date>'
  s='<http://schema.org/startDate>' b='<https://w3id.org/entente/ns#notBefore>' a='<https://w3id.org/entente/ns#notAfter>'
  for q in "one $s 2025-03-20 a" "one $s 2025-03-25 b" "one $b 2025-03-17 c" "one $a 2025-03-23 c" \
    "two $s 2025-03-21 a" "two $b 2025-03-17 b" "two $a 2025-03-19 b" "two $b 2025-03-23 c" "two $a 2025-03-25 c" \
    "three $s 2025-03-20 a" "three $b 2025-03-17 b" "three $a 2025-03-23 c" \
    "four $s 2025-03-30 a" "four $a 2025-03-23 c"; do
    set -- $q
    echo "<http://e.example/$1> $2 \"$3\"$x <http://e.example/src-$4> ."
  done
} >"$tmp/windows.nq"
"$ENTENTE" dot "$tmp/windows.nq" -f dot -o "$tmp/windows.dot" 2>"$tmp/err" || fail "windows: $(cat "$tmp/err")"
flat "$tmp/windows.dot"
grep -qF 'label="one\n2025-03-20 / 2025-03-25 / 2025-03-17 – 2025-03-23 (sources differ)"' "$tmp/windows.dot" &&
  grep -qF 'label="two\n2025-03-21 / 2025-03-17 – 2025-03-19 (sources differ)"' "$tmp/windows.dot" &&
  grep -qF 'label="three\n2025-03-20"' "$tmp/windows.dot" &&
  grep -qF 'label="four\n2025-03-30 / not after 2025-03-23 (sources differ)"' "$tmp/windows.dot" ||
  fail "days against each source's window: $(grep -o 'label="[a-z]*\\n[^"]*' "$tmp/windows.dot")"
# raptor's Turtle errors have a line and no column: what one quotes is
# placed on its line when it is there once (else column 1, unknown).
printf '<http://e.example/a> <http://e.example/p> "x" .\n<http://e.example/a> <http://e.example/p> "x"@1 .\n' >"$tmp/lang.ttl"
set +e
"$ENTENTE" dot "$tmp/lang.ttl" -f dot -o "$tmp/refused.dot" 2>"$tmp/err"
rc=$?
set -e
[ "$rc" = 65 ] && grep -qF "lang.ttl:2:46: error: syntax error at '@'" "$tmp/err" || fail "a Turtle error's column: exit $rc: $(cat "$tmp/err")"
# A byte order mark is not a column.
printf '\357\273\277<!DOCTYPE rdf:RDF SYSTEM "rdf.dtd">\n%s\n' "$body" >"$tmp/doctype.rdf"
set +e
"$ENTENTE" dot "$tmp/doctype.rdf" -f dot -o "$tmp/refused.dot" 2>"$tmp/err"
rc=$?
set -e
[ "$rc" = 65 ] && grep -qF "doctype.rdf:1:19: error: an external DTD" "$tmp/err" || fail "DOCTYPE after a BOM: exit $rc: $(cat "$tmp/err")"
# An encoding that would hide a DOCTYPE from that check is refused; an
# encoding whose ASCII is ASCII (Latin-1) is read.
body16='<!DOCTYPE rdf:RDF [<!ENTITY e SYSTEM "file:///etc/passwd">]><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>'
printf '%s\n' "$body16" | iconv -f UTF-8 -t UTF-16 >"$tmp/utf16.rdf"
printf '<?xml version="1.0" encoding="UTF-7"?>\n+ADw-!DOCTYPE rdf:RDF +AFs-+ADw-!ENTITY e SYSTEM +ACI-file:///etc/passwd+ACI-+AD4-+AF0-+AD4-\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>\n' >"$tmp/utf7.rdf"
for f in utf16:'a NUL byte: RDF/XML in UTF-16' utf7:'1:21: error: RDF/XML declared in an encoding entente does not read (UTF-7)'; do
  set +e
  "$ENTENTE" dot "$tmp/${f%%:*}.rdf" -f dot -o "$tmp/refused.dot" 2>"$tmp/err"
  rc=$?
  set -e
  [ "$rc" = 65 ] && grep -qF "${f#*:}" "$tmp/err" && [ ! -e "$tmp/refused.dot" ] || fail "${f%%:*}: exit $rc: $(cat "$tmp/err")"
done
printf '<?xml version="1.0" encoding="ISO-8859-1"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://e.example/"><rdf:Description rdf:about="http://e.example/a"><ex:p>caf\351</ex:p></rdf:Description></rdf:RDF>\n' >"$tmp/latin1.rdf"
"$ENTENTE" dot "$tmp/latin1.rdf" -f dot -o "$tmp/latin1.dot" 2>"$tmp/err" && grep -q 'ex:p café' "$tmp/latin1.dot" ||
  fail "Latin-1 RDF/XML: $(cat "$tmp/err")"
# Entities that would make the file longer than the input limit (256 MiB).
{
  printf '<!DOCTYPE rdf:RDF [<!ENTITY e "%s">]>\n%s\n' "$(head -c 100000 /dev/zero | tr '\0' x)" \
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="http://e.example/a">'
  for _ in $(seq 1 3000); do printf '<rdf:value>&e;</rdf:value>\n'; done
  printf '</rdf:Description></rdf:RDF>\n'
} >"$tmp/laughs.rdf"
set +e
"$ENTENTE" dot "$tmp/laughs.rdf" -f dot -o "$tmp/refused.dot" 2>"$tmp/err"
rc=$?
set -e
[ "$rc" = 65 ] && grep -qF "laughs.rdf:1:1: error: the DOCTYPE's entities would make the file more than the limit" "$tmp/err" ||
  fail "entities past the limit: exit $rc: $(cat "$tmp/err")"
# XML's predefined entities in a value stand for one character.
printf '<!DOCTYPE rdf:RDF [<!ENTITY e "http://e.example/?a=1&amp;b=">]>\n%s\n' \
  '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://e.example/"><rdf:Description rdf:about="&e;a"><ex:p rdf:resource="&e;b"/></rdf:Description></rdf:RDF>' >"$tmp/predefined.rdf"
"$ENTENTE" dot "$tmp/predefined.rdf" -f dot -o "$tmp/predefined.dot" 2>"$tmp/err" &&
  grep -qF 'URL="http://e.example/?a=1&amp;b=a"' "$tmp/predefined.dot" || fail "&amp; in an entity: $(cat "$tmp/err")"
echo "ok: RDF/XML's DOCTYPE: Protégé's entities read, anything more refused at its line"
# Symmetric axioms stated pairwise over a group (Protégé's pizza
# ontology: 784 owl:disjointWith edges, 27 s of Graphviz routing) are not
# drawn: each class's tooltip names the others, once a pair, and the
# caption says how many pairs.
{
  printf '@prefix ex: <http://e.example/> .\n@prefix owl: <http://www.w3.org/2002/07/owl#> .\n'
  printf '@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n'
  for i in $(seq 1 15); do printf 'ex:c%s a owl:Class ; rdfs:label "Class %02d" ; rdfs:subClassOf ex:Top .\n' "$i" "$i"; done
  for i in $(seq 1 15); do for j in $(seq 1 15); do
    [ "$i" = "$j" ] || printf 'ex:c%s owl:disjointWith ex:c%s .\n' "$i" "$j"
  done; done
  printf 'ex:x owl:differentFrom ex:y .\nex:y owl:differentFrom ex:x .\n'
} >"$tmp/disjoint.ttl"
"$ENTENTE" dot "$tmp/disjoint.ttl" -f dot -o "$tmp/disjoint.dot" 2>"$tmp/err" || fail "disjoint: $(cat "$tmp/err")"
dot -Tcanon "$tmp/disjoint.dot" >"$tmp/disjoint.canon" 2>"$tmp/err" && [ ! -s "$tmp/err" ] || fail "disjoint: dot -Tcanon: $(cat "$tmp/err")"
! grep -q 'label="owl:disjointWith"\|label="owl:differentFrom"' "$tmp/disjoint.canon" || fail "disjoint: drawn as edges"
[ "$(grep -c 'label="rdfs:subClassOf"' "$tmp/disjoint.canon")" = 15 ] || fail "disjoint: the other edges are not all drawn"
tr -d '\\\n' <"$tmp/disjoint.canon" >"$tmp/disjoint.flat"
grep -q 'Disjoint (owl:disjointWith) pairs: 105; different (owl:differentFrom) pairs: 1, named in the nodes. tooltips' "$tmp/disjoint.flat" ||
  fail "disjoint: no caption: $(grep -o 'label="[A-Z][^"]*"' "$tmp/disjoint.flat" | head -3)"
grep -q 'e.example/c1ndisjoint with: Class 02; Class 03; Class 04; Class 05; Class 06; Class 07; Class 08; Class 09; Class 10; Class 11; Class 12; Class 13; and 2 more' "$tmp/disjoint.flat" ||
  fail "disjoint: Class 01's tooltip: $(grep -o 'tooltip="[^"]*c1[^0-9][^"]*"' "$tmp/disjoint.flat")"
grep -q 'different from: ex:y' "$tmp/disjoint.flat" || fail "disjoint: x's tooltip"
"$ENTENTE" dot "$tmp/disjoint.ttl" -f graphml -o "$tmp/disjoint.graphml" 2>"$tmp/err"
xmllint --noout --relaxng "$diagrams/graphml.rng" "$tmp/disjoint.graphml" 2>"$tmp/err" || fail "disjoint: GraphML invalid: $(cat "$tmp/err")"
grep -q 'pairs: 1, named in each node.s axioms data' "$tmp/disjoint.graphml" ||
  fail "disjoint: GraphML's note sends the reader to tooltips it has not: $(grep -o '<data key="note">[^<]*' "$tmp/disjoint.graphml")"
[ "$(grep -c '<data key="axioms">disjoint with:' "$tmp/disjoint.graphml")" = 15 ] && grep -q '<data key="axioms">different from: ex:x<' "$tmp/disjoint.graphml" ||
  fail "disjoint: GraphML's axioms"
# ... between named nodes only (a class expression's "[ ]" could not be
# told apart), each name cut at 60 characters, backslashes kept in the
# SVG's tooltips; the caption counts the pairs of the view drawn.
long=$(printf 'L%.0s' $(seq 1 100))
cat >"$tmp/pairwise.ttl" <<TTL
@prefix ex: <http://e.example/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:a rdfs:label "a\\\\Nb" ; owl:disjointWith ex:b , [ owl:unionOf ( ex:x ex:y ) ] .
ex:b rdfs:label "$long" .
ex:solo rdfs:subClassOf ex:other .
TTL
"$ENTENTE" dot "$tmp/pairwise.ttl" -f svg -o "$tmp/pairwise.svg" 2>"$tmp/err" || fail "pairwise: $(cat "$tmp/err")"
grep -qF 'disjoint with: a\Nb"' "$tmp/pairwise.svg" || fail "pairwise: a backslash lost: $(grep -o 'xlink:title="[^"]*disjoint[^"]*"' "$tmp/pairwise.svg")"
grep -q "disjoint with: $(printf 'L%.0s' $(seq 1 60))…\"" "$tmp/pairwise.svg" || fail "pairwise: a long name not cut"
grep -q '>owl:disjointWith<' "$tmp/pairwise.svg" || fail "pairwise: the edge to a class expression is not drawn"
grep -q 'Disjoint (owl:disjointWith) pairs: 1' "$tmp/pairwise.svg" || fail "pairwise: caption"
"$ENTENTE" dot "$tmp/pairwise.ttl" -f dot --view ego:ex:solo -o "$tmp/solo.dot" 2>"$tmp/err" || fail "pairwise ego: $(cat "$tmp/err")"
! grep -q 'pairs:' "$tmp/solo.dot" || fail "pairwise: a view without them counts the graph's pairs"
echo "ok: symmetric axioms named in tooltips, not drawn"
# A dense view (150 nodes, 600 edges at random: dot takes minutes) gets
# a tenth of --time-limit with dot, then is laid out with sfdp; said.
case "$ENTENTE" in
  *entente-valgrind) ;;
  *)
    awk 'BEGIN { srand(7); print "@prefix ex: <http://e.example/> ."
      for (i = 0; i < 600; i++) printf "ex:n%d ex:p%d ex:n%d .\n", int(rand() * 150), int(rand() * 5), int(rand() * 150) }' >"$tmp/dense.ttl"
    "$ENTENTE" dot "$tmp/dense.ttl" -f svg --time-limit 30 -o "$tmp/dense.svg" 2>"$tmp/err" ||
      fail "dense view: exit $?: $(cat "$tmp/err")"
    grep -q "dot did not lay out this view of [0-9]* nodes and [0-9]* edges in 3 s (a tenth of --time-limit, 1 s at least); it is laid out with sfdp" "$tmp/err" ||
      fail "dense view: not said: $(cat "$tmp/err")"
    xmllint --noout "$tmp/dense.svg" || fail "dense view: SVG is not well-formed"
    echo "ok: a dense view dot cannot lay out in time is laid out with sfdp" ;;
esac
# OWL restrictions are drawn as Protégé shows them: an edge to the filler
# ("ex:hasTopping some"), a number on it, or a line on the class when
# there is nothing to point at; a restriction that says more is left.
cat >"$tmp/restrictions.ttl" <<'TTL'
@prefix ex: <http://e.example/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:Margherita rdfs:subClassOf ex:Pizza ,
  [ a owl:Restriction ; owl:onProperty ex:hasTopping ; owl:someValuesFrom ex:Mozzarella ] ,
  [ a owl:Restriction ; owl:onProperty ex:hasTopping ; owl:allValuesFrom ex:Mozzarella ] ,
  [ a owl:Restriction ; owl:onProperty ex:hasTopping ; owl:minCardinality "2"^^xsd:nonNegativeInteger ] ,
  [ a owl:Restriction ; owl:onProperty ex:hasBase ; owl:onClass ex:ThinBase ;
    owl:qualifiedCardinality "1"^^xsd:nonNegativeInteger ] .
ex:Italian owl:equivalentClass [ a owl:Restriction ; owl:onProperty ex:hasCountry ; owl:hasValue ex:Italy ] .
ex:Odd rdfs:subClassOf [ a owl:Restriction ; owl:onProperty ex:p ; owl:someValuesFrom ex:A ; rdfs:comment "more" ] .
ex:Cheesy owl:equivalentClass [ owl:intersectionOf ( ex:Pizza
  [ a owl:Restriction ; owl:onProperty ex:hasTopping ; owl:someValuesFrom ex:Cheese ] ) ] .
ex:Veg rdfs:subClassOf [ owl:complementOf [ a owl:Restriction ; owl:onProperty ex:hasTopping ; owl:someValuesFrom ex:Meat ] ] .
ex:Nested rdfs:subClassOf [ a owl:Restriction ; owl:onProperty ex:p ;
  owl:someValuesFrom [ a owl:Restriction ; owl:onProperty ex:q ; owl:someValuesFrom ex:B ] ] .
ex:Inverse rdfs:subClassOf [ a owl:Restriction ; owl:onProperty [ owl:inverseOf ex:r ] ; owl:someValuesFrom ex:C ] .
ex:Quoted rdfs:subClassOf [ a owl:Restriction ; owl:onProperty ex:says ; owl:hasValue "a \"b\"" ] .
TTL
"$ENTENTE" dot "$tmp/restrictions.ttl" -f dot -o "$tmp/restrictions.dot" 2>"$tmp/err" || fail "restrictions: $(cat "$tmp/err")"
dot -Tcanon "$tmp/restrictions.dot" >"$tmp/restrictions.canon" 2>"$tmp/err" && [ ! -s "$tmp/err" ] || fail "restrictions: dot -Tcanon: $(cat "$tmp/err")"
tr -d '\\\n\t' <"$tmp/restrictions.canon" >"$tmp/restrictions.flat"
for want in 'label="ex:hasTopping some"' 'label="ex:hasTopping only"' 'label="ex:hasBase exactly 1"' \
  'label="ex:hasCountry value (≡)"' 'rdfs:subClassOf ex:hasTopping min 2' 'label="ex:p"' 'owl:someValuesFrom' \
  'label="owl:intersectionOf 2/2 ex:hasTopping some"' 'label="owl:complementOf ex:hasTopping some"' 'label="ex:p some"' 'label="ex:q"' \
  'rdfs:subClassOf ex:says value "a &#92;&#92;"b&#92;&#92;""' 'label="ex:r"'; do
  grep -qF "$want" "$tmp/restrictions.flat" || fail "restrictions: no $want: $(grep -o 'label="[^"]*"' "$tmp/restrictions.flat" | tr '\n' ' ')"
done
# Odd's, the inner of Nested's (an edge of the outer points at it) and
# Inverse's (its property is an expression).
[ "$(grep -o 'a owl:Restriction' "$tmp/restrictions.flat" | wc -l)" = 3 ] || fail "restrictions: not folded: $(grep -o 'label="[^"]*"' "$tmp/restrictions.flat" | tr '\n' ' ')"
echo "ok: OWL restrictions drawn as edges to their fillers"
# The legend's list of relations is wrapped, not one line a page wide.
{
  printf '@prefix ex: <http://e.example/> .\n'
  for i in $(seq 10 21); do printf 'ex:a ex:relationNumber%s ex:b%s .\n' "$i" "$i"; done
} >"$tmp/relations.ttl"
"$ENTENTE" dot "$tmp/relations.ttl" -f dot -o "$tmp/relations.dot" 2>"$tmp/err" || fail "relations: $(cat "$tmp/err")"
legend=$(tr -d '\n\t' <"$tmp/relations.dot" | grep -o 'other relations:<BR/>.*</FONT></TD></TR></TABLE>')
[ "$(printf '%s' "$legend" | grep -o ',<BR/>' | wc -l)" -ge 2 ] && printf '%s' "$legend" | grep -q 'ex:relationNumber21' ||
  fail "relations: the legend's list is not wrapped: $legend"
# At most 24 relations a family, then how many more; names that are
# markup in an HTML-like label (&, <) are text; Graphviz reads it all.
{
  printf '@prefix ex: <http://e.example/> .\n'
  printf 'ex:a <http://e.example/x&y> ex:c .\n'
  for i in $(seq 1 30); do printf 'ex:a ex:rel%s ex:b%s .\n' "$i" "$i"; done
} >"$tmp/many.ttl"
"$ENTENTE" dot "$tmp/many.ttl" -f dot -o "$tmp/many.dot" 2>"$tmp/err" || fail "many relations: $(cat "$tmp/err")"
grep -q 'and 7 more</FONT>' "$tmp/many.dot" && grep -q 'relations:<BR/>ex:x&amp;y, ' "$tmp/many.dot" || fail "many relations: no 'and 7 more': $(grep -o 'other relations:.*' "$tmp/many.dot")"
dot -Tsvg "$tmp/many.dot" -o "$tmp/many.svg" 2>"$tmp/err" && [ ! -s "$tmp/err" ] || fail "many relations: Graphviz: $(cat "$tmp/err")"
echo "ok: the legend's list of relations is wrapped and capped"
# A property's label with a tab or a line break: a space in the legend's
# one-line entry (they were drawn as U+FFFD, a box in every format).
printf '%s\n' '@prefix ex: <http://ex.org/> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .' \
  'ex:p rdfs:label "has\tpart\r\nof\rit" .' 'ex:a ex:p ex:b .' 'ex:b ex:p ex:c .' >"$tmp/tabbed.ttl"
"$ENTENTE" dot "$tmp/tabbed.ttl" -f dot -o "$tmp/tabbed.dot" 2>"$tmp/err" || fail "a tabbed label: $(cat "$tmp/err")"
grep -q 'other relations:<BR/>has part  of it</FONT>' "$tmp/tabbed.dot" && ! grep -q -e $'\xEF\xBF\xBD' -e '&#13;' "$tmp/tabbed.dot" ||
  fail "a label with a tab and a line break: $(grep -o 'other relations:[^/]*' "$tmp/tabbed.dot")"
echo "ok: a label's tab and line break are spaces in the legend"
# A sparse view `dot` lays out in minutes (an RDF list nested 100 deep: 102
# nodes, 2 edges a node) gets a tenth of the time limit, as a dense one
# does, then is laid out with sfdp (only dense views had the fallback:
# this one took the whole limit and failed).
{ printf '<http://ex.org/s> <http://ex.org/p> '; printf '(%.0s' $(seq 100)
  printf ' <http://ex.org/x> '; printf ')%.0s' $(seq 100); echo ' .'; } >"$tmp/nested.ttl"
"$ENTENTE" dot "$tmp/nested.ttl" -f svg -o "$tmp/nested.svg" --time-limit 20 2>"$tmp/err" ||
  fail "a list nested 100 deep: exit $?: $(cat "$tmp/err")"
grep -q "warning: dot did not lay out this view of 102 nodes and .* edges in 2 s (a tenth of --time-limit, 1 s at least); it is laid out with sfdp instead" "$tmp/err" &&
  grep -q '</svg>' "$tmp/nested.svg" || fail "a list nested 100 deep: $(cat "$tmp/err")"
echo "ok: a sparse view dot is slow on falls back to sfdp"
# Standard input still open when the time limit ends: given up on (the
# limit covers reading), not waited for as long as the writer waits.
mkfifo "$tmp/stalled"
(echo '<http://e.example/s> <http://e.example/p> "o" .'; sleep 120) >"$tmp/stalled" &
writer=$!
set +e
timeout 100 "$ENTENTE" dot - --syntax ntriples --time-limit 3 -f dot -o "$tmp/stalled.dot" <"$tmp/stalled" 2>"$tmp/err"
rc=$?
set -e
kill "$writer" 2>/dev/null || true
wait "$writer" 2>/dev/null || true
[ "$rc" = 70 ] && grep -q "^<stdin>: error: still open after the diagram's 3 seconds (--time-limit), 48 bytes read" "$tmp/err" &&
  [ ! -e "$tmp/stalled.dot" ] || fail "standard input left open: exit $rc, $(cat "$tmp/err")"
echo "ok: standard input left open is given up on at the time limit"
# What `entente export -o x.nq.gz` writes, entente dot reads: by the name
# (x.nq.gz is N-Quads) and by its first bytes (compressed data on
# standard input, or named .ttl); a member cut short is said, and a bomb
# stops at the size limit files have.
"$ENTENTE" export "$ENTENTE_SRC/tests/good/minimal.xml" -q -f nquads -o "$tmp/min.nq"
"$ENTENTE" export "$ENTENTE_SRC/tests/good/minimal.xml" -q -f nquads -o "$tmp/min.nq.gz"
"$ENTENTE" dot "$tmp/min.nq" -f dot -o "$tmp/plain.dot"
"$ENTENTE" dot "$tmp/min.nq.gz" -f dot -o "$tmp/gz.dot" 2>"$tmp/err" || fail "x.nq.gz: $(cat "$tmp/err")"
"$ENTENTE" dot - --syntax nquads -f dot -o "$tmp/gzin.dot" <"$tmp/min.nq.gz" 2>"$tmp/err" || fail "gzip on standard input: $(cat "$tmp/err")"
cmp -s "$tmp/plain.dot" "$tmp/gz.dot" && cmp -s "$tmp/plain.dot" "$tmp/gzin.dot" || fail "gzip input drawn otherwise than plain"
head -c 200 "$tmp/min.nq.gz" >"$tmp/cut.nq.gz"
set +e
"$ENTENTE" dot "$tmp/cut.nq.gz" -f dot -o "$tmp/cut.dot" 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 65 ] && grep -q "cut.nq.gz: error: gzip-compressed, but cut short after [0-9]* bytes" "$tmp/err" ||
  fail "a gzip member cut short: exit $rc, $(cat "$tmp/err")"
# Members one after the other (gzip -c a b), and zeros or other bytes after
# the last one (gzip -t passes a padded file), are read as gzip reads them.
head -n 5 "$tmp/min.nq" | gzip -c >"$tmp/two.nq.gz"
tail -n +6 "$tmp/min.nq" | gzip -c >>"$tmp/two.nq.gz"
{ gzip -c "$tmp/min.nq"; printf '\0\0\0\0'; } >"$tmp/padded.nq.gz"
{ gzip -c "$tmp/min.nq"; printf 'trailing'; } >"$tmp/trailing.nq.gz"
for f in two padded trailing; do
  "$ENTENTE" dot "$tmp/$f.nq.gz" -f dot -o "$tmp/$f.dot" 2>"$tmp/err" || fail "$f.nq.gz: $(cat "$tmp/err")"
  cmp -s "$tmp/plain.dot" "$tmp/$f.dot" || fail "$f.nq.gz drawn otherwise than plain"
done
# A bomb: 300 MB of zeros in a few hundred kilobytes stops at the 256 MiB
# files may hold.
head -c 300000000 /dev/zero | gzip -1 -c >"$tmp/bomb.nt.gz"
set +e
"$ENTENTE" dot "$tmp/bomb.nt.gz" -f dot -o "$tmp/bomb.dot" 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 66 ] && grep -q "bomb.nt.gz: error: gzip-compressed, and holds more than the limit of 268435456 bytes" "$tmp/err" &&
  [ ! -e "$tmp/bomb.dot" ] || fail "a gzip bomb: exit $rc, $(cat "$tmp/err")"
rm -f "$tmp/bomb.nt.gz"
echo "ok: gzip-compressed input (x.nq.gz, or on standard input) is read"
# JSON-LD named .rj is refused as JSON-LD, with the way out (yajl said
# "Unexpected JSON string"); in RDF/JSON, a lone surrogate escape is an
# error where it is (it became '?' without a word), a pair is a character
# and an escaped backslash before 'u' is no escape.
"$ENTENTE" export "$ENTENTE_SRC/tests/good/minimal.xml" -q -f jsonld -o "$tmp/ld.jsonld"
cp "$tmp/ld.jsonld" "$tmp/ld.rj"
set +e
"$ENTENTE" dot "$tmp/ld.rj" -f dot -o "$tmp/ld.dot" 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 64 ] && grep -q "ld.rj: error: JSON-LD is not read (this JSON's first key starts with '@') .*rdfpipe -i json-ld" "$tmp/err" ||
  fail "JSON-LD named .rj: exit $rc, $(cat "$tmp/err")"
printf '{"http://e.example/a":{"http://e.example/p":[{"type":"literal","value":"x\\ud800y"}]}}\n' >"$tmp/lone.rj"
set +e
"$ENTENTE" dot "$tmp/lone.rj" -f dot -o "$tmp/lone.dot" 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 65 ] && grep -q "lone.rj:1:74: error: an escape of half a UTF-16 surrogate pair (.ud800)" "$tmp/err" ||
  fail "a lone surrogate in RDF/JSON: exit $rc, $(cat "$tmp/err")"
printf '{"http://e.example/a":{"http://e.example/p":[{"type":"literal","value":"x\\ud83d\\ude00y \\\\ud800"}]}}\n' >"$tmp/pair.rj"
"$ENTENTE" dot "$tmp/pair.rj" -f dot -o "$tmp/pair.dot" 2>"$tmp/err" && grep -q 'x😀y' "$tmp/pair.dot" ||
  fail "a surrogate pair in RDF/JSON: $(cat "$tmp/err")"
echo "ok: JSON-LD named .rj, and RDF/JSON's lone surrogate escapes, are told"
echo "diagram checks passed"
