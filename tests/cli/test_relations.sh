#!/usr/bin/env bash
# Relations whose ends the loader finds while reading (defined before) and
# those that wait for the end of the file (defined after, or nowhere) give
# the same graph, whole or streamed; a relation to an ID whose second
# definition was refused is left out without a second error; an undefined
# end is reported at the line that names it.
set -euo pipefail
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cp "$ENTENTE_SRC/tests/good/minimal.txt" "$tmp/"

# Three institutions: the first names as its parent one defined after it,
# the third one defined before it.
make_dataset() { # FILE THIRD-PARENT EXTRA-INSTITUTION
  cat >"$1" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<dataset xmlns="https://w3id.org/entente/format/1" id="relations" base="https://example.org/id/" xml:lang="en">
  <sources>
    <source id="report" published="2025-03-24" text="minimal.txt">
      <title>A short report</title>
    </source>
  </sources>
  <countries>
    <country id="ukraine"><name>Ukraine</name></country>
  </countries>
  <institutions>
    <institution id="directorate" country="ukraine" parent="defence-ministry"><name>Directorate</name></institution>
    <institution id="defence-ministry" country="ukraine"><name>Ministry of Defence</name></institution>
    <institution id="office" country="ukraine" parent="$2"><name>Office</name></institution>
$3
  </institutions>
  <officials>
    <official id="umerov" country="ukraine">
      <name>Rustem Umerov</name>
      <post title="Defence Minister" institution="defence-ministry" head="true"/>
    </official>
  </officials>
</dataset>
XML
}

make_dataset "$tmp/ok.xml" defence-ministry ""
# RDF/XML is written from the graph read whole (the loader's deferred
# relations), N-Triples as the file is read (ends found in the index).
"$ENTENTE" export "$tmp/ok.xml" -f rdfxml -o "$tmp/whole.rdf" 2>"$tmp/err" || fail "whole: $(cat "$tmp/err")"
"$ENTENTE" export "$tmp/ok.xml" -f ntriples -o "$tmp/stream.nt" 2>"$tmp/err" || fail "streamed: $(cat "$tmp/err")"
# The whole graph parsed back to N-Triples (rapper) against the stream.
rapper -q -i rdfxml -o ntriples "$tmp/whole.rdf" | sort -u >"$tmp/whole.nt"
sort -u "$tmp/stream.nt" >"$tmp/stream.sorted.nt"
cmp -s "$tmp/whole.nt" "$tmp/stream.sorted.nt" ||
  fail "the whole graph and the stream differ: $(diff "$tmp/whole.nt" "$tmp/stream.sorted.nt" | head -5)"
# Both relations are there: the forward one and the backward one.
org="<https://example.org/id/institution"
grep -qF "$org/directorate> " "$tmp/whole.nt" || fail "no directorate"
for child in directorate office; do
  grep -E "^$org/$child> <[^>]*> $org/defence-ministry> \.\$" "$tmp/whole.nt" | grep -qv 'isReferencedBy' ||
    fail "$child is not related to defence-ministry: $(grep "$org/$child>" "$tmp/whole.nt" | head -20)"
done

# An undefined parent named after the others: reported at its line.
make_dataset "$tmp/undefined.xml" nowhere ""
rc=0
"$ENTENTE" validate "$tmp/undefined.xml" 2>"$tmp/err" || rc=$?
[ "$rc" = 65 ] || fail "an undefined parent: exit $rc"
grep -q "undefined.xml:14:[0-9]*: error: .*'nowhere' is not defined" "$tmp/err" ||
  fail "an undefined parent: $(cat "$tmp/err")"

# A second definition of defence-ministry is refused; the relations to
# the ID (found before the duplicate was read, and after) give no second
# error, and the whole read and the stream say the same.
make_dataset "$tmp/dup.xml" defence-ministry \
  '    <institution id="defence-ministry" country="ukraine"><name>Second</name></institution>'
for format in jsonld ntriples; do
  rc=0
  "$ENTENTE" export "$tmp/dup.xml" -f "$format" -o "$tmp/dup.$format" 2>"$tmp/err.$format" || rc=$?
  [ "$rc" = 65 ] || fail "a duplicate ($format): exit $rc"
  [ ! -e "$tmp/dup.$format" ] || fail "a duplicate ($format) left its output"
  [ "$(grep -c 'error:' "$tmp/err.$format")" = 1 ] || fail "a duplicate ($format): $(cat "$tmp/err.$format")"
  grep -q "dup.xml:15:[0-9]*: error: ID 'defence-ministry' is already used" "$tmp/err.$format" ||
    fail "a duplicate ($format): $(cat "$tmp/err.$format")"
done
echo "ok: relations to ends defined before and after, undefined and refused"

# A head is a member: ent:headOf is a sub-property of ent:memberOf, and an
# institution's head (a post with head="true") is said to be its member
# as a delegation's leader is, so a query for a body's members without
# inference finds its head (written before with ent:headOf alone).
"$ENTENTE" export "$ENTENTE_SRC/tests/good/minimal.xml" -f nquads -o "$tmp/head.nq" 2>"$tmp/err" ||
  fail "minimal.xml: $(cat "$tmp/err")"
for body in institution/defence-ministry delegation/ukraine-delegation; do
  for p in 'https://w3id.org/entente/ns#headOf' 'https://w3id.org/entente/ns#memberOf' \
    'http://www.w3.org/ns/org#headOf' 'http://www.w3.org/ns/org#memberOf'; do
    grep -q "^<https://example.org/id/official/umerov> <$p> <https://example.org/id/$body> " "$tmp/head.nq" ||
      fail "the head of $body: no <$p>"
  done
done
echo "ok: heads of institutions and leaders of delegations are members of them"

# A post's title in a language other than the dataset's: xml:lang on the
# post (refused by the schema before, so the title was tagged @en).
sed 's|<post title="Defence Minister"|<post xml:lang="uk" title="Міністр оборони"|' \
  "$ENTENTE_SRC/tests/good/minimal.xml" >"$tmp/post-lang.xml"
grep -q 'xml:lang="uk"' "$tmp/post-lang.xml" || fail "minimal.xml has no post to change"
for f in nquads jsonld; do
  "$ENTENTE" export "$tmp/post-lang.xml" -f "$f" -o "$tmp/post-lang.$f" 2>"$tmp/err" ||
    fail "a post with xml:lang ($f): $(cat "$tmp/err")"
done
grep -q '<http://schema.org/name> "Міністр оборони"@uk ' "$tmp/post-lang.nquads" ||
  fail "the post's title is not tagged @uk: $(grep 'Міністр' "$tmp/post-lang.nquads")"
grep -q '"@value":"Міністр оборони","@language":"uk"' "$tmp/post-lang.jsonld" ||
  fail "JSON-LD: the post's title is not tagged uk"
echo "ok: a post's title in its own language"

# One attribute of the wrong class is one error, named by the attribute:
# a post's institution= makes its postIn and its holder's headOf and
# memberOf (three errors, by those names); a delegation's leaders= makes
# headOf and memberOf (two).
for fault in 's|institution="defence-ministry" head="true"|institution="ukraine" head="true"|:18:7: error: institution of .* must be a Body, but .ukraine. is a country' \
  's|leaders="umerov"|leaders="talks"|:24:7: error: .talks. is a negotiation, but headOf applies only to an Official'; do
  sed "${fault%%:*}" "$ENTENTE_SRC/tests/good/minimal.xml" >"$tmp/wrong-class.xml"
  ! cmp -s "$tmp/wrong-class.xml" "$ENTENTE_SRC/tests/good/minimal.xml" || fail "'${fault%%:*}' changed nothing"
  set +e
  "$ENTENTE" validate "$tmp/wrong-class.xml" >/dev/null 2>"$tmp/err"; rc=$?
  set -e
  [ "$rc" = 65 ] && [ "$(grep -c ': error: ' "$tmp/err")" = 1 ] && grep -q "wrong-class.xml:${fault#*:}" "$tmp/err" ||
    fail "one wrong class (${fault%%:*}): exit $rc: $(cat "$tmp/err")"
done
# ... but two attributes naming it, one making it an object (side=), the
# other a subject (leaders=), are two errors.
sed 's|side="ukraine" leaders="umerov"|side="talks" leaders="talks"|' "$ENTENTE_SRC/tests/good/minimal.xml" >"$tmp/wrong-class.xml"
grep -q 'side="talks" leaders="talks"' "$tmp/wrong-class.xml" || fail "minimal.xml has no delegation to change"
set +e
"$ENTENTE" validate "$tmp/wrong-class.xml" >/dev/null 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 65 ] && [ "$(grep -c ': error: ' "$tmp/err")" = 2 ] && grep -q "side of 'ukraine-delegation' must be an Actor" "$tmp/err" &&
  grep -q "'talks' is a negotiation, but headOf applies only to an Official" "$tmp/err" ||
  fail "side= and leaders= both wrong: exit $rc: $(cat "$tmp/err")"
echo "ok: one attribute of the wrong class, one error"

# A dataset with two sources: what each <source> says of itself (title,
# day, outlet) is in its own graph, whole or streamed, and no source is
# derived from the other (the second's facts were the first's, with
# "paper-report prov:wasDerivedFrom wire").
for how in whole streamed; do
  if [ "$how" = whole ]; then
    "$ENTENTE" export "$ENTENTE_SRC/tests/good/features.xml" -q -w -f nquads -o - >"$tmp/two.nq"
  else
    "$ENTENTE" export "$ENTENTE_SRC/tests/good/features.xml" -q -w -f nquads -o "$tmp/two.nq"
  fi
  sources=$(grep -c '[/#]source/[a-z-]*> <http://purl.org/dc/terms/title> ' "$tmp/two.nq" || true)
  [ "$sources" = 2 ] || fail "$how: $sources source titles, features.xml has 2"
  misplaced=$(awk '$1 ~ /[\/#]source\// && $2 ~ /(dc\/terms\/(title|issued|publisher)|datePublished|headline)>$/ && $1 != $(NF-1)' "$tmp/two.nq")
  [ -z "$misplaced" ] || fail "$how: a source's own facts in another graph: $misplaced"
  derived=$(grep '[/#]source/[a-z-]*> <http://www.w3.org/ns/prov#wasDerivedFrom> <[^>]*[/#]source/' "$tmp/two.nq" || true)
  [ -z "$derived" ] || fail "$how: a source derived from another: $derived"
done
echo "ok: each source's own facts are in its graph, whole or streamed"

# A language tag of BCP 47's shape that is probably not what was meant is
# a warning, once a file, at the element that gives it: a country's code
# ("ua" for Ukrainian "uk"), an English name ("russian"); ISO 639 codes,
# private use and subtags are not.
lang_dataset() { # TAG...
  local aliases="" t
  for t in "$@"; do aliases+="<alias xml:lang=\"$t\">Умеров $t</alias>"; done
  sed "s|<name>Rustem Umerov</name>|<name>Rustem Umerov</name>$aliases|" \
    "$ENTENTE_SRC/tests/good/minimal.xml" >"$tmp/lang.xml"
}
lang_dataset ua ua russian
"$ENTENTE" validate "$tmp/lang.xml" >/dev/null 2>"$tmp/err" || fail "doubtful language tags are not errors: $(cat "$tmp/err")"
[ "$(grep -c ': warning: xml:lang=' "$tmp/err")" = 2 ] &&
  grep -q "lang.xml:17:[0-9]*: warning: xml:lang=\"ua\" is not an ISO 639-1 language code (did you mean \"uk\"?)" "$tmp/err" &&
  grep -q "warning: xml:lang=\"russian\" starts with no language code (two or three letters) (did you mean \"ru\"?)" "$tmp/err" ||
  fail "doubtful language tags: $(cat "$tmp/err")"
lang_dataset uk ru-Latn zh-Hans x-klingon ukr en-GB
"$ENTENTE" validate "$tmp/lang.xml" >/dev/null 2>"$tmp/err"
! grep -q "xml:lang=" "$tmp/err" || fail "a good language tag doubted: $(cat "$tmp/err")"
echo "ok: a language tag that is a country's code or a language's name is warned about"
