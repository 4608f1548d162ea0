#!/usr/bin/env bash
# The corpus rules, as a user meets them: one resolution rule for validate
# and export; an article validates alone against its corpus (found from its
# location or given with --corpus); a duplicate definition names both
# places and says how to refer instead, every conflict in one run; an
# article may refer only to its own entities and the registry's; exporting
# a subset gives the same bytes per source graph as exporting everything;
# moving an entity into the registry keeps its IRI; sources that disagree
# are listed by validate, and --strict makes that an error.
set -euo pipefail
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
shared=${ENTENTE_SHARED:-$ENTENTE_SRC/../shared}
cp -r "$ENTENTE_SRC/data" "$tmp/c"
articles="$tmp/c/articles"
tass="$articles/tass-2025-03-24-closed-format.xml"
xinhua="$articles/xinhua-2025-03-25-talks-end.xml"
# expect RC PATTERN ARGS...: entente exits RC and its stderr matches PATTERN.
expect() {
  local want=$1 pattern=$2 rc=0
  shift 2
  "$ENTENTE" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
  [ "$rc" = "$want" ] || fail "entente $*: exit $rc, want $want: $(head -3 "$tmp/err")"
  [ -z "$pattern" ] || grep -Eq -- "$pattern" "$tmp/err" ||
    fail "entente $*: stderr does not match /$pattern/: $(head -3 "$tmp/err")"
}

# An article alone, its corpus found from where it is.
expect 0 "" validate "$tass" --text-dir "$shared"
grep -q "corpus 'riyadh-march-2025': valid" "$tmp/out" || fail "validate of one article: $(cat "$tmp/out")"
[ ! -s "$tmp/err" ] || fail "one article: $(cat "$tmp/err")"
# Outside its corpus it refers to nothing ...
cp "$tass" "$tmp/tass.xml"
expect 65 "ref=\"[a-z-]*\" names an entity of a corpus registry, but this dataset is in no corpus" validate "$tmp/tass.xml"
# ... unless the corpus is named.
expect 0 "" validate "$tmp/tass.xml" --corpus "$tmp/c" --text-dir "$shared"
expect 64 "not a corpus directory" validate "$tmp/tass.xml" --corpus "$tmp"
# A --corpus that does not exist is missing input, said so (it was
# "not a corpus directory (it holds no entente corpus.xml)", 64).
expect 66 "^$tmp/no-such-corpus: error: --corpus names no such directory: No such file or directory$" \
  validate "$tmp/tass.xml" --corpus "$tmp/no-such-corpus"
# An empty corpus.xml is said to be one, not a dataset.
mkdir -p "$tmp/empty-corpus"
: >"$tmp/empty-corpus/corpus.xml"
expect 65 "corpus.xml:1:1: error: the file is empty; a corpus.xml is an XML document with a <corpus> element" \
  validate "$tmp/empty-corpus"
# A corpus's files are not datasets.
expect 65 "registry file of a corpus, not a dataset" validate "$tmp/c/registry/people.xml"
expect 65 "corpus.xml of a corpus, not a dataset" validate "$tmp/c/corpus.xml"
# Datasets of a corpus and loose ones are not mixed by accident.
expect 64 "some datasets belong to the corpus" validate "$tass" "$ENTENTE_SRC/tests/good/minimal.xml"

# Conflicts: a registry ID defined again, an ID two articles define, a
# reference into another article, a ref to nothing; all in one run, each
# naming where the other definition is.
mkdir -p "$tmp/bad"
cp -r "$ENTENTE_SRC/data" "$tmp/bad/c"
b="$tmp/bad/c/articles"
python3 - "$b/tass-2025-03-24-closed-format.xml" "$b/dailypost-2025-03-24-talks-begin.xml" "$b/alahed-2025-03-25-wrap-up.xml" <<'PY'
import sys
tass, daily, alahed = sys.argv[1:4]
t = open(tass, encoding="utf-8").read()
# 1. Russia defined again; 2. Kozlov (Xinhua's own) defined here too.
t = t.replace("<institutions>", """<countries>
    <country id="russia"><name>Russia</name></country>
  </countries>
  <institutions>""", 1)
t = t.replace("<official id=\"kellogg\"", """<official id="kozlov" country="russia"><name>Sergey Kozlov</name></official>
    <official id="kellogg\"""", 1)
open(tass, "w", encoding="utf-8").write(t)
d = open(daily, encoding="utf-8").read()
# 3. A reference into another article (Zakharova is TASS's); 4. a ref to
# no registry entity.
d = d.replace('members="karasin beseda"/>', 'members="karasin beseda zakharova"/>', 1)
d = d.replace("<official ref=\"putin\">", "<official ref=\"no-such-person\"><alias>X</alias></official>\n    <official ref=\"umerof\"><alias>Y</alias></official>\n    <official ref=\"rusia\"><alias>R</alias></official>\n    <official ref=\"putin\">", 1)
open(daily, "w", encoding="utf-8").write(d)
# 5. An unnamed source under the ID Xinhua's has (al-Ahed's own).
a = open(alahed, encoding="utf-8").read()
a = a.replace("<anonymous-sources>", """<anonymous-sources>
    <anonymous id="venue-source"><name>A source at the venue</name></anonymous>""", 1)
open(alahed, "w", encoding="utf-8").write(a)
PY
for command in validate export; do
  args=("$tmp/bad/c" --text-dir "$shared" -w)
  [ "$command" = export ] && args+=(-o "$tmp/bad/out.nq")
  expect 65 "" "$command" "${args[@]}"
  grep -q "error: ID 'russia' is declared in the corpus registry, as the country at .*registry/places.xml:[0-9]*:[0-9]*; refer to it with ref=\"russia\"" "$tmp/err" ||
    fail "$command: registry duplicate: $(cat "$tmp/err")"
  grep -q "error: ID 'kozlov' is already defined by another dataset, as the official at .*tass-2025-03-24-closed-format.xml:[0-9]*:[0-9]*; an entity several datasets share belongs in the corpus registry" "$tmp/err" ||
    fail "$command: two articles: $(cat "$tmp/err")"
  grep -q "dailypost-2025-03-24-talks-begin.xml:[0-9]*:[0-9]*: error: ref=\"no-such-person\" names no entity of the corpus registry" "$tmp/err" ||
    fail "$command: unknown ref: $(cat "$tmp/err")"
  # A misspelt ref= is asked about first (whole reads: streaming keeps no IDs).
  [ "$command" = export ] ||
  grep -q "dailypost-2025-03-24-talks-begin.xml:[0-9]*:[0-9]*: error: ref=\"umerof\" names no entity of the corpus registry; did you mean ref=\"umerov\"? if not, declare it" "$tmp/err" ||
    fail "$command: misspelt ref: $(cat "$tmp/err")"
  grep -q "error: ref=\"no-such-person\" names no entity of the corpus registry; declare" "$tmp/err" ||
    fail "$command: a ref near no ID: $(cat "$tmp/err")"
  # ... but only among the registry's entities of the element's class
  # (Russia is a country, not an official).
  grep -q "error: ref=\"rusia\" names no entity of the corpus registry; declare" "$tmp/err" ||
    fail "$command: a ref near an ID of another class: $(cat "$tmp/err")"
  # Another article's unnamed source is another person: rename, not share.
  grep -q "error: ID 'venue-source' is already defined by another dataset, as the anonymous source at .*alahed-2025-03-25-wrap-up.xml:[0-9]*:[0-9]*; IDs are unique across the corpus, and an unnamed source belongs to the article that reports it: give this one another ID (such as 'venue-source-2')" "$tmp/err" ||
    fail "$command: two articles' unnamed sources: $(cat "$tmp/err")"
  # (Said as "not defined", with where it is defined when that dataset
  # was read first, as in the stream.)
  # The streamed export stops after its first, indexing pass has found the
  # ID conflicts, before references are resolved.
  [ "$command" = export ] ||
  grep -q "dailypost-2025-03-24-talks-begin.xml:[0-9]*:[0-9]*: error: [a-z ]* 'zakharova' is not defined; define it in this dataset or in the corpus registry" "$tmp/err" ||
    fail "$command: reference into another article: $(cat "$tmp/err")"
  [ ! -e "$tmp/bad/out.nq" ] || fail "export wrote despite the conflicts"
done

# -O exports each dataset alone, after a first pass over all of them: two
# that define one ID are refused as a whole export refuses them.
mkdir "$tmp/bad/odir"
for jobs in 1 2; do
  expect 65 "error: ID 'kozlov' is already defined by another dataset" \
    export "$tmp/bad/c" --text-dir "$shared" -w -f nquads -O "$tmp/bad/odir" -j "$jobs"
  [ -z "$(ls -A "$tmp/bad/odir")" ] || fail "-O -j $jobs wrote despite the conflict: $(ls "$tmp/bad/odir")"
done

# ref= to another article's entity: the way out (the registry) is said.
cp -r "$ENTENTE_SRC/data" "$tmp/ref2"
sed -i '0,/<official ref="putin">/s//<official ref="zakharova"><alias>Z<\/alias><\/official>\n    <official ref="putin">/' \
  "$tmp/ref2/articles/dailypost-2025-03-24-talks-begin.xml"
grep -q 'ref="zakharova"' "$tmp/ref2/articles/dailypost-2025-03-24-talks-begin.xml" || fail "the ref= to another article was not made"
for command in validate export; do
  expect 65 "dailypost-2025-03-24-talks-begin.xml:[0-9]+:[0-9]+: error: ref=\"zakharova\" names no entity of the corpus registry; declare it in the registry \(or move it there, if another article defines it: an article refers only to its own entities and the registry's\)" \
    "$command" "$tmp/ref2" -w $([ "$command" = validate ] || echo "-o $tmp/ref2.nq")
done
# ... and where it is defined, though TASS's article is read after this one.
expect 65 "dailypost-2025-03-24-talks-begin.xml:[0-9]+:[0-9]+: note: 'zakharova' is the official at .*tass-2025-03-24-closed-format.xml:[0-9]+:[0-9]+, in another dataset, which this one may not refer to: to share it, move its definition to the corpus registry" \
  validate "$tmp/ref2" -w
# ref= to an entity the dataset defines itself: one element says what it
# holds; another source's account needs a corpus.
cp "$ENTENTE_SRC/tests/good/minimal.xml" "$ENTENTE_SRC/tests/good/minimal.txt" "$tmp/"
sed -i 's|</negotiation>|</negotiation>\n    <negotiation ref="talks" date="2025-03-22"/>|' "$tmp/minimal.xml"
expect 65 "minimal.xml:[0-9]+:[0-9]+: error: ref=\"talks\" names the negotiation this dataset defines at .*minimal.xml:[0-9]+:[0-9]+, not an entity of a corpus registry; say what this element says of it in that element, or, to keep another source's account apart" \
  validate "$tmp/minimal.xml"

# Two articles that each define the delegation of one side at one
# registry negotiation: probably one delegation, said by validate.
mkdir -p "$tmp/deleg/registry" "$tmp/deleg/articles"
printf '%s\n' '<corpus xmlns="https://w3id.org/entente/format/1" id="deleg" base="https://example.org/id/" xml:lang="en"><title>T</title></corpus>' >"$tmp/deleg/corpus.xml"
printf '%s\n' '<registry xmlns="https://w3id.org/entente/format/1" xml:lang="en">' \
  '<countries><country id="ukraine"><name>Ukraine</name></country></countries>' \
  '<negotiations><negotiation id="talks"><title>Talks</title></negotiation></negotiations></registry>' >"$tmp/deleg/registry/r.xml"
for a in one two; do
  printf '%s\n' "<dataset xmlns=\"https://w3id.org/entente/format/1\" id=\"$a\" xml:lang=\"en\">" \
    "<sources><source id=\"src-$a\" published=\"2025-03-24\"><title>$a</title></source></sources>" \
    "<negotiations><negotiation ref=\"talks\" date=\"2025-03-23\"><delegation id=\"ua-$a\" side=\"ukraine\"/></negotiation></negotiations></dataset>" \
    >"$tmp/deleg/articles/$a.xml"
done
expect 0 "articles/two.xml:[0-9]+:[0-9]+: warning: delegation 'ua-two' represents country 'ukraine' at negotiation 'talks', as does delegation 'ua-one' of another dataset \(.*articles/one.xml:[0-9]+:[0-9]+\): probably one delegation defined twice" \
  validate "$tmp/deleg"
expect 65 "" validate --strict "$tmp/deleg"

# The registry's graph says what a thing is, not what a source reports:
# a delegation the registry declares and one article restates is drawn
# as stated by one source, not "(2 sources)"; two articles make it 2.
mkdir -p "$tmp/said/registry" "$tmp/said/articles"
printf '%s\n' '<corpus xmlns="https://w3id.org/entente/format/1" id="said" base="https://example.org/id/" xml:lang="en"><title>T</title></corpus>' >"$tmp/said/corpus.xml"
printf '%s\n' '<registry xmlns="https://w3id.org/entente/format/1" xml:lang="en">' \
  '<countries><country id="ukraine"><name>Ukraine</name></country></countries>' \
  '<negotiations><negotiation id="talks"><title>Talks</title><delegation id="ua" side="ukraine"><name>Ukrainian delegation</name></delegation></negotiation></negotiations></registry>' >"$tmp/said/registry/r.xml"
said_article() { # NAME
  printf '%s\n' "<dataset xmlns=\"https://w3id.org/entente/format/1\" id=\"$1\" xml:lang=\"en\">" \
    "<sources><source id=\"src-$1\" published=\"2025-03-24\"><title>$1</title></source></sources>" \
    "<negotiations><negotiation ref=\"talks\" date=\"2025-03-23\"><delegation ref=\"ua\" side=\"ukraine\"/></negotiation></negotiations></dataset>" \
    >"$tmp/said/articles/$1.xml"
}
said_article one
"$ENTENTE" export "$tmp/said" -q -w -f dot -o "$tmp/said-one.dot" || fail "the one-article corpus: not drawn"
grep -q 'label=delegation' "$tmp/said-one.dot" && ! grep -q 'sources)' "$tmp/said-one.dot" ||
  fail "one article and the registry counted as sources: $(grep -o 'label="[^"]*"' "$tmp/said-one.dot" | tr '\n' ' ')"
said_article two
"$ENTENTE" export "$tmp/said" -q -w -f dot -o "$tmp/said-two.dot" || fail "the two-article corpus: not drawn"
grep -q 'label="delegation (2 sources)"' "$tmp/said-two.dot" && grep -q 'label="represents (2 sources)"' "$tmp/said-two.dot" ||
  fail "two articles not counted as two sources: $(grep -o 'label="[^"]*"' "$tmp/said-two.dot" | tr '\n' ' ')"
echo "ok: the registry's graph is not counted as a source in diagrams"

# Alone, the reference into another article: the stream (which has read
# every dataset's IDs) says where the entity is defined.
cp -r "$ENTENTE_SRC/data" "$tmp/ref"
sed -i 's/members="karasin beseda"\/>/members="karasin beseda zakharova"\/>/' \
  "$tmp/ref/articles/dailypost-2025-03-24-talks-begin.xml"
expect 65 "'zakharova' is not defined; define it or fix the spelling \(the official 'zakharova' at .*tass-2025-03-24-closed-format.xml:[0-9]+:[0-9]+ belongs to another dataset" \
  export "$tmp/ref" -w -f nquads -o "$tmp/ref.nq"
expect 65 "'zakharova' is not defined" validate "$tmp/ref" -w
# Read whole, in order, the dataset that defines it comes after the one
# that refers to it: a note at the reference says where it is defined
# (the error alone said to define it, as if it were nowhere).
grep -Eq "dailypost-2025-03-24-talks-begin.xml:[0-9]+:[0-9]+: note: 'zakharova' is the official at .*tass-2025-03-24-closed-format.xml:[0-9]+:[0-9]+, in another dataset, which this one may not refer to: to share it, move its definition to the corpus registry" "$tmp/err" ||
  fail "a reference into a later dataset: $(cat "$tmp/err")"

# A subset is a subgraph: each source's graph, and the corpus graph, are
# the same bytes whether exported alone or with everything.
"$ENTENTE" export "$tmp/c" --text-dir "$shared" -f nquads -o "$tmp/all.nq"
"$ENTENTE" export "$tass" "$articles/seed-2025-03-24-us-to-meet-russians.xml" --text-dir "$shared" -f nquads -o "$tmp/two.nq"
for g in source/tass-2025-03-24 source/riyadh-talks-article corpus/riyadh-march-2025; do
  grep -F " <https://w3id.org/entente/id/$g> ." "$tmp/all.nq" >"$tmp/g.all"
  grep -F " <https://w3id.org/entente/id/$g> ." "$tmp/two.nq" >"$tmp/g.two"
  [ -s "$tmp/g.all" ] || fail "no statements in <$g>"
  cmp -s "$tmp/g.all" "$tmp/g.two" || fail "graph <$g> differs between the subset and the whole"
done
[ "$(grep -c 'source/xinhua-2025-03-25> \.$' "$tmp/two.nq")" = 0 ] || fail "the subset holds another article's graph"
# The same through the graph in memory (Turtle) as through the stream.
"$ENTENTE" export "$tass" --text-dir "$shared" -f turtle -o "$tmp/tass.ttl"
"$ENTENTE" export "$tass" --text-dir "$shared" -f ntriples -o "$tmp/tass.nt"
n_ttl=$(serdi -i turtle -o ntriples "$tmp/tass.ttl" | sort -u | wc -l)
[ "$n_ttl" = "$(sort -u "$tmp/tass.nt" | wc -l)" ] || fail "Turtle and N-Triples of one article differ"

# Promoting an entity: Kozlov moves from the Xinhua article into the
# registry.  His IRI stays; his identity moves to the corpus graph; what
# Xinhua says of him stays in Xinhua's graph.
cp -r "$tmp/c" "$tmp/p"
python3 - "$tmp/p/articles/xinhua-2025-03-25-talks-end.xml" "$tmp/p/registry/people.xml" <<'PY'
import re, sys
article, people = sys.argv[1:3]
a = open(article, encoding="utf-8").read()
m = re.search(r'    <official id="kozlov".*?</official>\n', a, re.S)
block = m.group(0)
post = re.search(r'      <post [^>]*/>\n', block).group(0)
a = a.replace(block, '    <official ref="kozlov">\n' + post + '    </official>\n')
open(article, "w", encoding="utf-8").write(a)
identity = re.sub(r'      <post [^>]*/>\n', "", block)
p = open(people, encoding="utf-8").read()
p = p.replace("  </officials>", identity + "  </officials>")
open(people, "w", encoding="utf-8").write(p)
PY
"$ENTENTE" export "$tmp/p" --text-dir "$shared" -f nquads -o "$tmp/promoted.nq"
kozlov="<https://w3id.org/entente/id/official/kozlov>"
grep -q "^$kozlov <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/entente/ns#Official> <https://w3id.org/entente/id/source/xinhua-2025-03-25> \.$" "$tmp/all.nq" ||
  fail "before: Kozlov is not typed in Xinhua's graph"
grep -q "^$kozlov <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/entente/ns#Official> <https://w3id.org/entente/id/corpus/riyadh-march-2025> \.$" "$tmp/promoted.nq" ||
  fail "after: Kozlov is not typed in the corpus graph"
grep -q "^$kozlov <https://w3id.org/entente/ns#holdsPost> <https://w3id.org/entente/id/post/kozlov/russian-foreign-ministry/ambassador> <https://w3id.org/entente/id/source/xinhua-2025-03-25> \.$" "$tmp/promoted.nq" ||
  fail "after: Xinhua's claim of his post moved"
[ "$(grep -c "$kozlov" "$tmp/all.nq")" -gt 5 ] && [ "$(grep -c "$kozlov" "$tmp/promoted.nq")" -gt 5 ] ||
  fail "Kozlov's IRI changed when he was promoted"

# Sources that disagree: validate names both places; --strict refuses.
# The energy truce lost credibility on the 24th, and a source no earlier
# than the 25th calls it agreed: agreed cannot follow lost credibility.
expect 0 "warning: sources disagree on the agreementStatus of agreement 'energy-strikes-halt': 'agreed' \(orthodoxtimes-2025-03-24, .*orthodoxtimes-2025-03-24-delegations-meet.xml:[0-9]+.*'lost-credibility' \(riyadh-talks-article, .*seed-2025-03-24-us-to-meet-russians.xml:[0-9]+:[0-9]+\)" \
  validate "$tmp/c" --text-dir "$shared"
# The 24 March talks planned, ongoing, held, then concluded as the days
# of the reports go: a change over time, not a disagreement.
! grep -q "disagree on the negotiationStatus of negotiation 'us-russia-talks-2025-03-24'" "$tmp/err" ||
  fail "the talks' status as it changed is called a disagreement: $(grep negotiationStatus "$tmp/err")"
grep -q "warning: sources disagree on the title of post 'karasin/federation-council-foreign-affairs-committee/chair'" "$tmp/err" ||
  fail "the titles of Karasin's post are not reported: $(grep -c warning "$tmp/err") warnings"
expect 65 "warnings, and --strict makes warnings errors" validate "$tmp/c" --text-dir "$shared" --strict
expect 0 "" validate "$tmp/c" --text-dir "$shared" -w
[ ! -s "$tmp/err" ] || fail "-w: $(head -1 "$tmp/err")"

# -O: two datasets of one name would overwrite each other: refused first.
mkdir -p "$tmp/same/a" "$tmp/same/b" "$tmp/same/out"
cp "$ENTENTE_SRC/tests/good/minimal.xml" "$tmp/same/a/news.xml"
cp "$ENTENTE_SRC/tests/good/features.xml" "$tmp/same/b/news.xml"
expect 64 "would both be written to .*/news\.\*" export "$tmp/same/a/news.xml" "$tmp/same/b/news.xml" -w -f nquads -O "$tmp/same/out"
[ -z "$(ls -A "$tmp/same/out")" ] || fail "-O collision: files written: $(ls "$tmp/same/out")"
# XML files a corpus does not read (an article saved beside corpus.xml or
# in a folder under articles/, a registry file in a folder) are warned
# about, once each, by every command; --strict refuses them; -w silences.
cp -r "$ENTENTE_SRC/data" "$tmp/stray"
cp "$tass" "$tmp/stray/draft.xml"
mkdir "$tmp/stray/articles/2025-05" "$tmp/stray/registry/old"
cp "$xinhua" "$tmp/stray/articles/2025-05/"
cp "$ENTENTE_SRC/data/registry/talks.xml" "$tmp/stray/registry/old/"
expect 0 "" validate "$tmp/stray" --text-dir "$shared" -w
[ ! -s "$tmp/err" ] || fail "stray files, -w: $(cat "$tmp/err")"
for command in validate "export -f ntriples -o $tmp/stray.nt"; do
  # shellcheck disable=SC2086
  expect 0 "" $command "$tmp/stray" --text-dir "$shared"
  grep -q "stray/draft.xml: warning: not read: a corpus reads corpus.xml, registry/\*.xml and articles/\*.xml only" "$tmp/err" &&
    grep -q "stray/articles/2025-05: warning: the \*.xml files of this folder are not read: .* move them into articles/" "$tmp/err" &&
    grep -q "stray/registry/old: warning: the \*.xml files of this folder are not read: .* move them into registry/" "$tmp/err" &&
    [ "$(grep -c 'not read' "$tmp/err")" = 3 ] || fail "stray files ($command): $(grep 'not read' "$tmp/err")"
done
expect 65 "--strict makes warnings errors" validate "$tmp/stray" --text-dir "$shared" --strict
# Only a run of the whole corpus (its directory named) is told: one of its
# articles named alone is not, and a file the run reads, or the folder of
# one, is not "not read"; links (to the root, to articles/) are not folders
# of other files.
expect 0 "" validate "$tmp/stray/articles/vov-2025-03-24-closed-door.xml" --text-dir "$shared" --strict
expect 0 "" validate "$tmp/stray/articles/2025-05/xinhua-2025-03-25-talks-end.xml" --text-dir "$shared" --strict
ln -s . "$tmp/stray/loop"
ln -s articles "$tmp/stray/articles-old"
# (draft.xml and articles/2025-05/ hold copies of these two)
rm "$tmp/stray/articles/xinhua-2025-03-25-talks-end.xml" "$tmp/stray/articles/tass-2025-03-24-closed-format.xml"
expect 0 "" validate "$tmp/stray/" "$tmp/stray/articles/2025-05/xinhua-2025-03-25-talks-end.xml" "$tmp/stray/draft.xml" --text-dir "$shared"
grep -q "stray/registry/old: warning" "$tmp/err" && [ "$(grep -c 'not read' "$tmp/err")" = 1 ] &&
  ! grep -q '//' "$tmp/err" || fail "stray files read by the run, or links: $(grep 'not read' "$tmp/err")"
# An article saved with its extension in capitals is one of the corpus's
# articles (it was left out without a word): read, and said valid.
cp -r "$ENTENTE_SRC/data" "$tmp/caps"
mv "$tmp/caps/articles/tass-2025-03-24-closed-format.xml" "$tmp/caps/articles/TASS-CLOSED-FORMAT.XML"
expect 0 "" validate "$tmp/caps" --text-dir "$shared"
grep -q "caps/articles/TASS-CLOSED-FORMAT.XML: valid$" "$tmp/out" && grep -q "(8 datasets, " "$tmp/out" ||
  fail "an article named *.XML: $(cat "$tmp/out" "$tmp/err")"
# The corpus itself has none.
expect 0 "" validate "$ENTENTE_SRC/data" --text-dir "$shared"
! grep -q "not read" "$tmp/err" || fail "data/: $(grep 'not read' "$tmp/err")"

# Venues: TASS puts the talks in Riyadh, VOV at the Ritz-Carlton there:
# one place said more or less precisely, no disagreement; in Moscow, one.
cp -r "$ENTENTE_SRC/data" "$tmp/venue"
tass_in="$tmp/venue/articles/tass-2025-03-24-closed-format.xml"
sed -i 's|<negotiation ref="us-russia-talks-2025-03-24" date="2025-03-24" date-phrase="on Monday morning" place="riyadh"|& venue="riyadh"|' "$tass_in"
grep -q 'venue="riyadh"' "$tass_in" || fail "venue: the test's edit of TASS's article did not apply"
expect 0 "" validate "$tmp/venue" --text-dir "$shared"
! grep -q "disagree on the venue" "$tmp/err" || fail "venue: Riyadh and its Ritz-Carlton are called a disagreement: $(grep venue "$tmp/err")"
sed -i 's|venue="riyadh"|venue="moscow"|' "$tass_in"
expect 0 "sources disagree on the venue of negotiation 'us-russia-talks-2025-03-24': 'moscow' \(tass-2025-03-24.*'ritz-carlton-riyadh' \(vov-2025-03-24" \
  validate "$tmp/venue" --text-dir "$shared"

# Datasets outside a corpus that share an ID are not told to use a
# registry they have not (ref= is an error there): the advice fits.
mkdir "$tmp/standalone"
cp "$ENTENTE_SRC/tests/good/minimal.xml" "$tmp/standalone/a.xml"
sed 's/id="report"/id="report2"/' "$ENTENTE_SRC/tests/good/minimal.xml" >"$tmp/standalone/b.xml"
expect 65 "b.xml:[0-9]+:[0-9]+: error: ID 'ukraine' is already defined by another dataset, as the country at .*a.xml:[0-9]+:[0-9]+; datasets exported together share one namespace of IDs: rename one, export them apart, or put them in a corpus" \
  validate "$tmp/standalone/a.xml" "$tmp/standalone/b.xml"
! grep -q "ref=" "$tmp/err" || fail "standalone datasets told to use ref=: $(head -3 "$tmp/err")"

# A corpus whose articles/ is a file, a link to nothing or a loop: an
# error (it read as a valid corpus of 0 datasets, and exports wrote the
# registry alone); a corpus with no articles/ at all is one.
mkdir "$tmp/noart"
cp -a "$ENTENTE_SRC/data/corpus.xml" "$ENTENTE_SRC/data/registry" "$tmp/noart/"
expect 0 "" validate "$tmp/noart"
grep -q "valid: .* (0 datasets)" "$tmp/out" || fail "a corpus without articles/: $(cat "$tmp/out")"
touch "$tmp/noart/articles"
expect 66 "noart/articles: error: not a directory; a corpus's articles go in the directory articles/" validate "$tmp/noart"
rm "$tmp/noart/articles"; ln -s nowhere "$tmp/noart/articles"
expect 66 "noart/articles: error: not a directory \\(a link to nothing" export "$tmp/noart" -f nquads -o "$tmp/noart.nq"
[ ! -e "$tmp/noart.nq" ] || fail "a corpus whose articles/ links to nothing: a file was written"
rm "$tmp/noart/articles"; ln -s articles "$tmp/noart/articles"
expect 66 "noart/articles: error: not a directory" validate "$tmp/noart"

# corpus.xml without a <title>: the error points at <corpus> (it had no
# line or column).
mkdir "$tmp/untitled"
cp -a "$ENTENTE_SRC/data/corpus.xml" "$ENTENTE_SRC/data/registry" "$tmp/untitled/"
sed -i 's|<title>.*</title>||' "$tmp/untitled/corpus.xml"
line=$(grep -n '^<corpus ' "$tmp/untitled/corpus.xml" | cut -d: -f1)
expect 65 "untitled/corpus.xml:$line:1: error: corpus.xml has no <title>; give the corpus a title" validate "$tmp/untitled"

# ref= to an entity the same dataset defines: the same error whole and
# streamed (the stream's first pass said "in no corpus").
sed 's|<quote id="umerov-peace" speaker="umerov" concerns="talks">|<negotiation ref="talks" place="x"/></negotiations><statements><quote id="umerov-peace" speaker="umerov" concerns="talks">|' \
  "$ENTENTE_SRC/tests/good/minimal.xml" >"$tmp/refown0.xml"
python3 - "$tmp/refown0.xml" "$tmp/refown.xml" <<'PY'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
s = s.replace("</negotiations>\n  <statements>\n    <negotiation ref", "\n    <negotiation ref", 1)
open(sys.argv[2], "w", encoding="utf-8").write(s)
PY
cp "$ENTENTE_SRC/tests/good/minimal.txt" "$tmp/"
for command in "validate" "export -f ntriples -o $tmp/refown.nt" "export -f turtle -o $tmp/refown.ttl"; do
  # shellcheck disable=SC2086
  expect 65 "refown.xml:[0-9]+:5: error: ref=\"talks\" names the negotiation this dataset defines at .*refown.xml:22:5, not an entity of a corpus registry; say what this element says of it in that element, or, to keep another source's account apart .* with ref= \\(docs/format.md, the corpus rules\\)$" \
    $command "$tmp/refown.xml"
done
echo "corpus rules: discovery, conflicts in one run, subsets, promotion, disagreements"
