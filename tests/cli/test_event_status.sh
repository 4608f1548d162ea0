#!/usr/bin/env bash
# An event's status (expected, happened, cancelled): written as
# ent:incidentStatus in the source's graph, whole and streamed alike;
# said on the event's label in diagrams, on its site page and on the
# site's timeline; two sources that give two statuses disagree (a warning
# naming both) unless the later status can follow the earlier (a change
# over time: expected on Monday, happened on Wednesday); a value the format does not know is an error at its
# line; an event without one says nothing of it.
set -euo pipefail
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
# A corpus directory: its corpus.xml, the text its sources name, and room
# for its registry and articles.
corpus_dir() { # DIR ID TITLE
  mkdir -p "$1/registry" "$1/articles"
  cp "$ENTENTE_SRC/tests/good/minimal.txt" "$1/"
  cat >"$1/corpus.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<corpus xmlns="https://w3id.org/entente/format/1" id="$2" base="https://example.org/id/" xml:lang="en">
  <title>$3</title>
</corpus>
XML
}
# A corpus: the event in the registry, each article's claims about it.
make_corpus() { # DIR MONDAY-STATUS-ATTRIBUTE WEDNESDAY-STATUS-ATTRIBUTE [EVENT-DAY]
  corpus_dir "$1" events "Two reports of one statement"
  cat >"$1/registry/events.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<registry xmlns="https://w3id.org/entente/format/1" xml:lang="en">
  <events>
    <event id="statement"><title>Joint statement</title></event>
  </events>
</registry>
XML
  article "$1/articles/monday.xml" monday 2025-03-24 "$2" \
    '<event id="visit" type="visit" date="2025-03-24"><title>Visit</title></event>' "${4-}"
  article "$1/articles/wednesday.xml" wednesday 2025-03-26 "$3" '' "${4-}"
}
article() { # FILE SOURCE-ID DATE STATUS-ATTRIBUTE MORE [EVENT-DAY]
  cat >"$1" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<dataset xmlns="https://w3id.org/entente/format/1" id="$2-report" xml:lang="en">
  <sources>
    <source id="$2" published="$3" text="minimal.txt">
      <title>The $2 report</title>
    </source>
  </sources>
  <events>
    <event ref="statement" type="publication" $4 date="${6:-2025-03-25}"/>
    $5
  </events>
</dataset>
XML
}

ent='https://w3id.org/entente/ns#'
statement='<https://example.org/id/incident/statement>'

# One source: expected.
make_corpus "$tmp/one" 'status="expected"' ''
"$ENTENTE" export "$tmp/one" -f nquads -o "$tmp/one.nq" 2>"$tmp/err" || fail "export: $(cat "$tmp/err")"
[ ! -s "$tmp/err" ] || fail "export: messages: $(cat "$tmp/err")"
grep -qF "$statement <${ent}incidentStatus> <${ent}incident-status-expected> <https://example.org/id/source/monday> ." "$tmp/one.nq" ||
  fail "no expected status in Monday's graph: $(grep -F "$statement" "$tmp/one.nq")"
[ "$(grep -c "${ent}incidentStatus" "$tmp/one.nq")" = 1 ] ||
  fail "a status where none was given: $(grep -F "${ent}incidentStatus" "$tmp/one.nq")"
# Whole (Turtle through raptor2's parser) and streamed give the same.
"$ENTENTE" export "$tmp/one" -f rdfxml -o "$tmp/one.rdf" 2>"$tmp/err" || fail "rdfxml: $(cat "$tmp/err")"
rapper -q -i rdfxml -o ntriples "$tmp/one.rdf" | grep -F "${ent}incidentStatus" >"$tmp/whole" || true
[ "$(cat "$tmp/whole")" = "$statement <${ent}incidentStatus> <${ent}incident-status-expected> ." ] ||
  fail "RDF/XML: $(cat "$tmp/whole")"
# The diagram says it on the label; the event stays on the timeline.
"$ENTENTE" export "$tmp/one" -f dot --view timeline -o "$tmp/one.dot" 2>"$tmp/err" || fail "dot: $(cat "$tmp/err")"
grep -q 'label="Joint statement\\n2025-03-25 · expected · publication"' "$tmp/one.dot" ||
  fail "timeline label: $(grep -F 'Joint statement' "$tmp/one.dot")"
grep -q 'label="Visit\\n2025-03-24 · visit"' "$tmp/one.dot" ||
  fail "an event without a status gained one: $(grep -F 'Visit' "$tmp/one.dot")"
# ... and so does the site's page of the event.
"$ENTENTE" site "$tmp/one" -O "$tmp/site" 2>"$tmp/err" || fail "site: $(cat "$tmp/err")"
page="$tmp/site/incident/statement/index.html"
[ -f "$page" ] || fail "no page for the event: $(find "$tmp/site" -name index.html | head)"
tr -d '\n' <"$page" | grep -q '<th>incident status</th>[^<]*<td><span class="concept">expected</span>' ||
  fail "the event's page does not say it was expected"
# The corpus timeline says so after the event's name; the visit, with no
# status, has none.
tr -d '\n' <"$tmp/site/timeline.html" | grep -q '>Joint statement</a> (<span class="status">expected</span>)</li>' ||
  fail "the site's timeline does not say the statement was expected: $(grep -F 'Joint statement' "$tmp/site/timeline.html")"
! grep -F '>Visit</a>' "$tmp/site/timeline.html" | grep -q 'class="status"' ||
  fail "the visit has a status on the site's timeline"

# Two sources, two statuses, both kept.  Expected on Monday, happened on
# Wednesday: a change over time (ent:canBecome), not a disagreement.
make_corpus "$tmp/two" 'status="expected"' 'status="happened"'
"$ENTENTE" validate "$tmp/two" >/dev/null 2>"$tmp/err" || fail "two: $(cat "$tmp/err")"
! grep -q "disagree" "$tmp/err" || fail "a change over time was called a disagreement: $(cat "$tmp/err")"
# Happened on Monday, expected on Wednesday: the later cannot follow the
# earlier, and validate says so, naming both.
make_corpus "$tmp/back" 'status="happened"' 'status="expected"' 2025-03-23
"$ENTENTE" validate "$tmp/back" >/dev/null 2>"$tmp/err" || fail "back: $(cat "$tmp/err")"
grep -q "sources disagree on the incidentStatus of incident 'statement': 'happened' (monday.*'expected' (wednesday" "$tmp/err" ||
  grep -q "sources disagree on the incidentStatus of incident 'statement': 'expected' (wednesday.*'happened' (monday" "$tmp/err" ||
  fail "no disagreement warning: $(cat "$tmp/err")"
# A source known only not to be later than the 23rd says it happened, one
# of the 24th that it is expected: the later cannot follow the earlier.
# validate, the diagram and the site's timeline say so alike.
make_corpus "$tmp/window" 'status="expected"' 'status="happened"' 2025-03-23
sed -i 's/published="2025-03-26"/not-after="2025-03-23"/' "$tmp/window/articles/wednesday.xml"
grep -q 'not-after="2025-03-23"' "$tmp/window/articles/wednesday.xml" || fail "window: the test's edit did not apply"
"$ENTENTE" validate "$tmp/window" >/dev/null 2>"$tmp/err" || fail "window: $(cat "$tmp/err")"
grep -q "sources disagree on the incidentStatus of incident 'statement'" "$tmp/err" ||
  fail "window: no disagreement warning: $(cat "$tmp/err")"
"$ENTENTE" export "$tmp/window" -f dot --view timeline -w -o "$tmp/window.dot" || fail "window: dot"
grep -q '(sources differ)' "$tmp/window.dot" || fail "window: the label: $(grep -F 'Joint statement' "$tmp/window.dot")"
"$ENTENTE" site "$tmp/window" -w -O "$tmp/site4" || fail "window: site"
grep -q 'sources differ' "$tmp/site4/timeline.html" || fail "window: the site's timeline: $(grep -F 'Joint statement' "$tmp/site4/timeline.html")"
# Happened and cancelled: neither can follow the other, whatever the days.
make_corpus "$tmp/both" 'status="happened"' 'status="cancelled"' 2025-03-23
"$ENTENTE" validate "$tmp/both" >/dev/null 2>"$tmp/err" || fail "both: $(cat "$tmp/err")"
grep -q "sources disagree on the incidentStatus of incident 'statement'" "$tmp/err" ||
  fail "happened and cancelled: no disagreement warning: $(cat "$tmp/err")"
"$ENTENTE" export "$tmp/two" -f nquads -o "$tmp/two.nq" || fail "two: export"
grep -qF "<${ent}incident-status-happened> <https://example.org/id/source/wednesday> ." "$tmp/two.nq" ||
  fail "Wednesday's status is missing"
# The diagram and the site's timeline give both, in the order of the
# days, as a change; a source's page gives what that source says, not what
# another said later.
"$ENTENTE" export "$tmp/two" -f dot --view timeline -w -o "$tmp/two.dot" || fail "two: dot"
grep -q 'expected → happened' "$tmp/two.dot" ||
  fail "the label does not say the status changed: $(grep -F 'Joint statement' "$tmp/two.dot")"
! grep -q 'sources differ' "$tmp/two.dot" || fail "a change is said to be a difference: $(grep -F 'Joint statement' "$tmp/two.dot")"
"$ENTENTE" site "$tmp/two" -w -O "$tmp/site2" || fail "two: site"
tr -d '\n' <"$tmp/site2/timeline.html" |
  grep -q '>Joint statement</a> (<span class="status">expected → happened</span>)' ||
  fail "the site's timeline: $(grep -F 'Joint statement' "$tmp/site2/timeline.html")"
# Happened on Monday, expected on Wednesday: the sources differ, and the
# diagram and the timeline say so.
"$ENTENTE" export "$tmp/back" -f dot --view timeline -w -o "$tmp/back.dot" || fail "back: dot"
grep -q 'happened / expected (sources differ)\|expected / happened (sources differ)' "$tmp/back.dot" ||
  fail "the label does not say the sources differ: $(grep -F 'Joint statement' "$tmp/back.dot")"
"$ENTENTE" site "$tmp/back" -w -O "$tmp/site3" || fail "back: site"
tr -d '\n' <"$tmp/site3/timeline.html" |
  grep -q '>Joint statement</a> (<span class="status">happened / expected (sources differ)</span>)' ||
  fail "the site's timeline (back): $(grep -F 'Joint statement' "$tmp/site3/timeline.html")"
for day in monday:expected wednesday:happened; do
  tr -d '\n' <"$tmp/site2/source/${day%%:*}/index.html" |
    grep -q "<span class=\"status\">${day#*:}</span>)" ||
    fail "${day%%:*}'s page: $(grep -F 'class="status"' "$tmp/site2/source/${day%%:*}/index.html")"
done

# Two types of one event (a publication on Monday, a visit on Wednesday)
# are a disagreement, said alike by validate, the diagram and the site (one
# list of what has one value; validate did not judge an event's type).
make_corpus "$tmp/types" '' ''
sed -i 's/<event ref="statement" type="publication"/<event ref="statement" type="visit"/' "$tmp/types/articles/wednesday.xml"
"$ENTENTE" validate "$tmp/types" >/dev/null 2>"$tmp/err" || fail "types: validate: $(cat "$tmp/err")"
grep -q "warning: sources disagree on the incidentType of incident 'statement'" "$tmp/err" ||
  fail "validate does not say the sources disagree on the type: $(cat "$tmp/err")"
"$ENTENTE" export "$tmp/types" -f dot --view timeline -w -o "$tmp/types.dot" || fail "types: dot"
grep -q 'label="Joint statement\\n2025-03-25 · [a-z]* / [a-z]* (sources differ)"' "$tmp/types.dot" ||
  fail "the diagram does not say the sources differ on the type: $(grep -F 'Joint statement' "$tmp/types.dot")"
"$ENTENTE" site "$tmp/types" -w -O "$tmp/site4" || fail "types: site"
tr -d '\n' <"$tmp/site4/incident/statement/index.html" | grep -q 'id="disputes".*<caption>incident type</caption>' ||
  fail "the event's page does not list the type among the disputes"

# day_reports DIR ELEMENT REF DAY:DATE:ATTRIBUTES...: an article a day,
# each from its own source of that date, saying ATTRIBUTES of the registry
# entity REF (<ELEMENT ref="REF" ATTRIBUTES/>).
day_reports() {
  local dir=$1 element=$2 ref=$3 day id date attributes
  shift 3
  for day in "$@"; do
    IFS=: read -r id date attributes <<<"$day"
    cat >"$dir/articles/$id.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<dataset xmlns="https://w3id.org/entente/format/1" id="$id-report" xml:lang="en">
  <sources>
    <source id="$id" published="$date" text="minimal.txt"><title>The $id report</title></source>
  </sources>
  <${element}s>
    <$element ref="$ref" $attributes/>
  </${element}s>
</dataset>
XML
  done
}
# An event one source places in Kursk and another in Kursk and Belgorod
# (a list of places) is no disagreement, in validate, the site or the
# compare view; one placed in Kursk and in Belgorod by two sources is.
places_corpus() { # DIR MONDAY-PLACES WEDNESDAY-PLACES
  corpus_dir "$1" places "Two reports of one strike"
  cat >"$1/registry/places.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<registry xmlns="https://w3id.org/entente/format/1" xml:lang="en">
  <places>
    <place id="kursk"><name>Kursk</name></place>
    <place id="belgorod"><name>Belgorod</name></place>
  </places>
  <events>
    <event id="strike"><title>Drone strikes</title></event>
  </events>
</registry>
XML
  day_reports "$1" event strike monday:2025-03-24:"place=\"$2\" date=\"2025-03-23\"" \
    wednesday:2025-03-26:"place=\"$3\" date=\"2025-03-23\""
}
places_corpus "$tmp/list" kursk "kursk belgorod"
places_corpus "$tmp/apart" kursk belgorod
"$ENTENTE" validate "$tmp/list" >/dev/null 2>"$tmp/err" || fail "places: validate: $(cat "$tmp/err")"
! grep -q 'disagree' "$tmp/err" || fail "a list of places is called a disagreement: $(cat "$tmp/err")"
"$ENTENTE" validate "$tmp/apart" >/dev/null 2>"$tmp/err" || fail "places apart: validate: $(cat "$tmp/err")"
grep -q "sources disagree on the location of incident 'strike'" "$tmp/err" ||
  fail "two places from two sources are not a disagreement: $(cat "$tmp/err")"
for c in list apart; do
  "$ENTENTE" site "$tmp/$c" -q -w -O "$tmp/site-$c" || fail "places $c: site"
done
! tr -d '\n' <"$tmp/site-list/incident/strike/index.html" | grep -q 'id="disputes"' ||
  fail "the site calls a list of places a dispute"
tr -d '\n' <"$tmp/site-apart/incident/strike/index.html" | grep -q 'id="disputes".*<caption>location</caption>' ||
  fail "the site does not show two places from two sources as a dispute"
# The compare view (of a meeting two graphs place, one of them in two
# places) says the same.
for c in list:'<http://e.example/kursk>' apart:'<http://e.example/belgorod>'; do
  {
    printf '<http://e.example/talks> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/entente/ns#Negotiation> <http://e.example/g1> .\n'
    printf '<http://e.example/talks> <https://w3id.org/entente/ns#location> <http://e.example/kursk> <http://e.example/g1> .\n'
    printf '<http://e.example/talks> <https://w3id.org/entente/ns#location> <http://e.example/belgorod> <http://e.example/g2> .\n'
    printf '<http://e.example/talks> <https://w3id.org/entente/ns#location> %s <http://e.example/g2> .\n' "${c#*:}"
  } >"$tmp/${c%%:*}.nq"
  "$ENTENTE" dot "$tmp/${c%%:*}.nq" --view compare:http://e.example/talks -f dot -o "$tmp/${c%%:*}.dot" ||
    fail "places ${c%%:*}: compare"
done
! grep -q '≠' "$tmp/list.dot" || fail "the compare view marks a list of places as differing"
grep -q '≠' "$tmp/apart.dot" || fail "the compare view does not mark two places from two graphs"

# Windows of days that overlap (17 to 23 March, 15 to 18 March, and the
# 18th) are one fact said more or less precisely, in validate, the site
# and the compare view; windows apart (15 to 16 March against 17 to 23)
# are a disagreement.
windows_corpus() { # DIR MONDAY-ATTRIBUTES WEDNESDAY-ATTRIBUTES FRIDAY-ATTRIBUTES
  corpus_dir "$1" windows "Three reports of one call"
  cat >"$1/registry/calls.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<registry xmlns="https://w3id.org/entente/format/1" xml:lang="en">
  <negotiations>
    <negotiation id="call" format="phone-call"><title>A phone call</title></negotiation>
  </negotiations>
</registry>
XML
  day_reports "$1" negotiation call monday:2025-03-24:"$2" wednesday:2025-03-26:"$3" \
    friday:2025-03-28:"$4"
}
windows_corpus "$tmp/overlap" 'not-before="2025-03-17" not-after="2025-03-23"' \
  'not-before="2025-03-15" not-after="2025-03-18"' 'date="2025-03-18"'
windows_corpus "$tmp/windows-apart" 'not-before="2025-03-17" not-after="2025-03-23"' \
  'not-before="2025-03-15" not-after="2025-03-16"' 'date="2025-03-18"'
"$ENTENTE" validate "$tmp/overlap" >/dev/null 2>"$tmp/err" || fail "windows: validate: $(cat "$tmp/err")"
! grep -q 'disagree' "$tmp/err" || fail "windows that overlap are called a disagreement: $(cat "$tmp/err")"
"$ENTENTE" validate "$tmp/windows-apart" >/dev/null 2>"$tmp/err" || fail "windows apart: validate: $(cat "$tmp/err")"
grep -q "sources disagree on the notAfter of negotiation 'call'" "$tmp/err" ||
  fail "windows apart are not a disagreement: $(cat "$tmp/err")"
# site_and_compare AGREE DISAGREE CAPTION: the site's page of the call and
# the compare view find no dispute in corpus AGREE, and one in DISAGREE
# (its table captioned CAPTION).
site_and_compare() {
  local agree=$1 disagree=$2 caption=$3 c
  for c in "$agree" "$disagree"; do
    "$ENTENTE" site "$tmp/$c" -q -w -O "$tmp/site-$c" || fail "$c: site"
    "$ENTENTE" export "$tmp/$c" -q -w -f nquads -o "$tmp/$c.nq" || fail "$c: export"
    "$ENTENTE" dot "$tmp/$c.nq" --view compare:call -f dot -o "$tmp/$c.dot" || fail "$c: compare"
  done
  ! tr -d '\n' <"$tmp/site-$agree/negotiation/call/index.html" | grep -q 'id="disputes"' ||
    fail "the site calls $agree a dispute"
  tr -d '\n' <"$tmp/site-$disagree/negotiation/call/index.html" | grep -q "id=\"disputes\".*<caption>$caption</caption>" ||
    fail "the site does not show $disagree as a dispute: $(grep -o '<caption>[^<]*' "$tmp/site-$disagree/negotiation/call/index.html")"
  ! grep -q '≠' "$tmp/$agree.dot" || fail "the compare view marks $agree as differing"
  grep -q '≠' "$tmp/$disagree.dot" || fail "the compare view does not mark $disagree"
}
site_and_compare overlap windows-apart "not after"
# A day outside another source's window (the 25th against 17 to 23 March)
# is a disagreement, though each property has one value; a day within it
# (the 20th) is not.
windows_corpus "$tmp/day-outside" 'not-before="2025-03-17" not-after="2025-03-23"' \
  'date="2025-03-25"' 'date="2025-03-25"'
windows_corpus "$tmp/day-within" 'not-before="2025-03-17" not-after="2025-03-23"' \
  'date="2025-03-20"' 'date="2025-03-20"'
"$ENTENTE" validate "$tmp/day-within" >/dev/null 2>"$tmp/err" || fail "day within: validate: $(cat "$tmp/err")"
! grep -q 'disagree' "$tmp/err" || fail "a day within a window is called a disagreement: $(cat "$tmp/err")"
"$ENTENTE" validate "$tmp/day-outside" >/dev/null 2>"$tmp/err" || fail "day outside: validate: $(cat "$tmp/err")"
warning=$(grep "sources disagree on the day of negotiation 'call': " "$tmp/err" || true)
for part in "articles/[a-z]*.xml:[0-9]*:[0-9]*: warning: " "on '2025-03-25' ([a-z]*, [^)]*articles/[a-z]*.xml:[0-9]*:[0-9]*, and more sources)" \
  "not before '2025-03-17' (monday, [^)]*articles/monday.xml:[0-9]*:[0-9]*)" \
  "not after '2025-03-23' (monday, [^)]*articles/monday.xml:[0-9]*:[0-9]*)" "; each claim is kept in its source's graph$"; do
  grep -q "$part" <<<"$warning" || fail "a day outside a window: no '$part' in: $(cat "$tmp/err")"
done
[ "$(grep -c disagree "$tmp/err")" = 1 ] || fail "a day outside a window: more than one warning: $(cat "$tmp/err")"
site_and_compare day-within day-outside day

# Somebody else's graph may give the day with a time: within the day.
{
  printf '<http://e.example/call> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/entente/ns#Negotiation> <http://e.example/g1> .\n'
  printf '<http://e.example/call> <https://w3id.org/entente/ns#notAfter> "2025-03-18"^^<http://www.w3.org/2001/XMLSchema#date> <http://e.example/g1> .\n'
  printf '<http://e.example/call> <https://w3id.org/entente/ns#notAfter> "2025-03-20"^^<http://www.w3.org/2001/XMLSchema#date> <http://e.example/g2> .\n'
  printf '<http://e.example/call> <http://schema.org/startDate> "2025-03-18T10:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime> <http://e.example/g3> .\n'
} >"$tmp/timed.nq"
"$ENTENTE" dot "$tmp/timed.nq" --view compare:http://e.example/call -f dot -o "$tmp/timed.dot" || fail "windows with a time: compare"
! grep -q '≠' "$tmp/timed.dot" || fail "the compare view marks a day with a time, within both windows, as differing"

# A status the format does not know: an error at its line, nothing written.
make_corpus "$tmp/bad" 'status="rumoured"' ''
if "$ENTENTE" export "$tmp/bad" -f nquads -o "$tmp/bad.nq" 2>"$tmp/err"; then
  fail "an unknown status was accepted"
fi
grep -q "articles/monday.xml:9:5: error: .*status of <event> is .rumoured., which is not one of .expected., .happened., .cancelled." "$tmp/err" || fail "the error does not name the line and the attribute: $(cat "$tmp/err")"
[ ! -e "$tmp/bad.nq" ] || fail "a refused dataset left an output"
# Death tolls: one source's exact toll below another's "at least" is a
# disagreement (said at the later claim, naming both); an exact toll at or
# above it is not.
make_corpus "$tmp/tolls" 'killed="2"' 'killed-at-least="3"'
"$ENTENTE" validate "$tmp/tolls" >/dev/null 2>"$tmp/err" || fail "tolls: $(cat "$tmp/err")"
grep -qF "articles/wednesday.xml:9:5: warning: sources disagree on the deaths of incident 'statement': killed '2' (monday, $tmp/tolls/articles/monday.xml:9:5); killed at least '3' (wednesday, $tmp/tolls/articles/wednesday.xml:9:5); each claim is kept in its source's graph" "$tmp/err" ||
  fail "2 killed against at least 3: $(cat "$tmp/err")"
[ "$(grep -c 'warning:' "$tmp/err")" = 1 ] || fail "tolls: want 1 warning: $(cat "$tmp/err")"
make_corpus "$tmp/tolls" 'killed="3"' 'killed-at-least="3"'
"$ENTENTE" validate "$tmp/tolls" >/dev/null 2>"$tmp/err" || fail "tolls: $(cat "$tmp/err")"
! grep -q "deaths" "$tmp/err" || fail "3 killed against at least 3: $(cat "$tmp/err")"
echo "ok: event statuses; death tolls"
