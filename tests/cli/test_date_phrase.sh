#!/usr/bin/env bash
# A date phrase is the source's words, tagged with the dataset's language
# (the xml:lang in force around its element): a quote's own xml:lang
# tags its words, not the phrase that dates them; a dataset with no
# language writes plain strings.
set -euo pipefail
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
make_dataset() { # FILE ROOT-LANG-ATTRIBUTE
  cat >"$1" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<dataset xmlns="https://w3id.org/entente/format/1" id="phrases" base="https://example.org/id/" $2>
  <sources>
    <source id="report" published="2025-03-24"><title>Report</title></source>
  </sources>
  <officials>
    <official id="karasin"><name>Grigory Karasin</name></official>
  </officials>
  <statements>
    <quote id="words" speaker="karasin" date="2025-03-24" date-phrase="on Monday" xml:lang="ru">диалог</quote>
  </statements>
  <events>
    <event id="visit" type="visit" date="2025-03-23" date-phrase="on Sunday"><title>Visit</title></event>
  </events>
</dataset>
XML
}
ent='https://w3id.org/entente/ns#'
make_dataset "$tmp/en.xml" 'xml:lang="en"'
"$ENTENTE" export "$tmp/en.xml" -f ntriples -w -o "$tmp/en.nt" || fail "export"
grep -qF "<https://example.org/id/statement/words> <${ent}datePhrase> \"on Monday\"@en ." "$tmp/en.nt" ||
  fail "the quote's date phrase: $(grep -F datePhrase "$tmp/en.nt")"
grep -qF "<https://example.org/id/statement/words> <http://schema.org/text> \"диалог\"@ru ." "$tmp/en.nt" ||
  fail "the quote's words: $(grep -F 'schema.org/text' "$tmp/en.nt")"
grep -qF "<https://example.org/id/incident/visit> <${ent}datePhrase> \"on Sunday\"@en ." "$tmp/en.nt" ||
  fail "the event's date phrase: $(grep -F datePhrase "$tmp/en.nt")"
# The whole-graph writers say the same (Turtle, parsed back by rapper).
"$ENTENTE" export "$tmp/en.xml" -f rdfxml -w -o "$tmp/en.rdf" || fail "rdfxml"
[ "$(rapper -q -i rdfxml -o ntriples "$tmp/en.rdf" | grep -cF "<${ent}datePhrase> \"on")" = 2 ] ||
  fail "RDF/XML: $(rapper -q -i rdfxml -o ntriples "$tmp/en.rdf" | grep -F datePhrase)"
rapper -q -i rdfxml -o ntriples "$tmp/en.rdf" | grep -F datePhrase | grep -qv '"@en \.$' &&
  fail "RDF/XML: a date phrase without its language"
make_dataset "$tmp/none.xml" ''
"$ENTENTE" export "$tmp/none.xml" -f ntriples -w -o "$tmp/none.nt" || fail "export (no language)"
grep -qF "<https://example.org/id/incident/visit> <${ent}datePhrase> \"on Sunday\" ." "$tmp/none.nt" ||
  fail "no language: $(grep -F datePhrase "$tmp/none.nt")"

# A phrase that names a weekday with no day to check it against: warned
# about (the element would be undated), once, by validate and by each
# export path; a window or a span is a day enough.  A quote or paraphrase
# dated after its source was published (published=, else not-after=):
# an error, at the statement, in every path.
dated() { # FILE QUOTE-ATTRIBUTES SOURCE-ATTRIBUTES
  cat >"$1" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<dataset xmlns="https://w3id.org/entente/format/1" id="phrases" base="https://example.org/id/" xml:lang="en">
  <sources>
    <source id="report" $3><title>Report</title></source>
  </sources>
  <officials>
    <official id="karasin"><name>Grigory Karasin</name></official>
  </officials>
  <statements>
    <quote id="words" speaker="karasin" $2>dialogue</quote>
    <paraphrase id="gist" speaker="karasin" not-before="2025-03-17" not-after="2025-03-23" date-phrase="on Monday">He spoke.</paraphrase>
  </statements>
</dataset>
XML
}
dated "$tmp/nodate.xml" 'date-phrase="late on Monday"' 'published="2025-03-24"'
for run in "validate" "export -f nt -o $tmp/o.nt" "export -f rdfxml -o $tmp/o.rdf" "export -f dot -o $tmp/o.dot"; do
  # shellcheck disable=SC2086
  "$ENTENTE" $run "$tmp/nodate.xml" >/dev/null 2>"$tmp/err" || fail "no day ($run): $(cat "$tmp/err")"
  [ "$(grep -v 'is not checked' "$tmp/err")" = "$tmp/nodate.xml:10:5: warning: date-phrase 'late on Monday' names a Monday, but no day is given: give date=\"YYYY-MM-DD\" (the Monday it means), or not-before= and not-after=, so that it is dated" ] ||
    fail "no day ($run): $(cat "$tmp/err")"
done
rm -f "$tmp/o.nt" "$tmp/o.ttl"
for late in 'date="2025-03-25"' 'start="2025-03-26" end="2025-03-27"' 'not-before="2025-03-25" not-after="2025-03-28"'; do
  for src in 'published="2025-03-24"' 'not-before="2025-03-20" not-after="2025-03-24"'; do
    dated "$tmp/late.xml" "$late" "$src"
    for run in "validate" "export -f nt -o $tmp/o.nt" "export -f ttl -o $tmp/o.ttl"; do
      set +e
      # shellcheck disable=SC2086
      "$ENTENTE" $run "$tmp/late.xml" >/dev/null 2>"$tmp/err"
      rc=$?
      set -e
      first=$(sed 's/.*="\(2025-03-2[0-9]\)".*/\1/' <<<"${late%% *}")
      [ "$rc" = 65 ] && [ "$(grep -v 'is not checked' "$tmp/err")" = "$tmp/late.xml:10:5: error: quote 'words' is dated $first, after source 'report' was published (2025-03-24): a source reports what was said before it; fix the date (or the source's published=, or give it not-after= with the day it was last updated)" ] ||
        fail "said after publication ($late; $src; $run): exit $rc: $(cat "$tmp/err")"
    done
    [ ! -e "$tmp/o.nt" ] && [ ! -e "$tmp/o.ttl" ] || fail "said after publication: output written"
  done
done
# A span names its first day: a weekday phrase with start= is checked
# against it, not warned about.
dated "$tmp/span.xml" 'start="2025-03-24" end="2025-03-25" date-phrase="from Monday"' 'published="2025-03-25"'
"$ENTENTE" validate "$tmp/span.xml" >/dev/null 2>"$tmp/err" && ! grep -q "no day is given" "$tmp/err" ||
  fail "a span with a weekday: $(cat "$tmp/err")"
# A story updated later (not-after= past published=): dated up to then.
dated "$tmp/updated.xml" 'date="2025-03-26"' 'published="2025-03-24" not-after="2025-03-27"'
"$ENTENTE" validate -q "$tmp/updated.xml" 2>"$tmp/err" || fail "an updated story: $(cat "$tmp/err")"
# On the day of publication, or before: fine.
dated "$tmp/ok.xml" 'date="2025-03-24" date-phrase="on Monday"' 'published="2025-03-24"'
"$ENTENTE" validate -q "$tmp/ok.xml" 2>"$tmp/err" && ! grep -v 'is not checked' "$tmp/err" || fail "said on the day: $(cat "$tmp/err")"
# A phrase that names two weekdays: the date is one of them, whichever
# comes first in the week (a Sunday "ahead of Monday's round" was said to
# be no Monday); a date that is neither names both.
for phrase in "on Sunday, ahead of Monday's round" "the Sunday after Friday's call"; do
  dated "$tmp/two.xml" "date=\"2025-03-23\" date-phrase=\"$phrase\"" 'published="2025-03-24"'
  "$ENTENTE" validate -q "$tmp/two.xml" 2>"$tmp/err" || fail "'$phrase' on a Sunday: $(cat "$tmp/err")"
done
dated "$tmp/week.xml" 'date="2025-03-23" date-phrase="Monday Tuesday Wednesday Thursday Friday Saturday Sunday Monday"' 'published="2025-03-24"'
"$ENTENTE" validate -q "$tmp/week.xml" 2>"$tmp/err" || fail "a phrase naming every weekday: $(cat "$tmp/err")"
dated "$tmp/neither.xml" "date=\"2025-03-22\" date-phrase=\"on Sunday, ahead of Monday's round\"" 'published="2025-03-24"'
set +e
"$ENTENTE" validate -q "$tmp/neither.xml" 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 65 ] && grep -q "error: date-phrase 'on Sunday, ahead of Monday's round' names a Sunday or a Monday, but 2025-03-22 is a Saturday; fix the date or the phrase" "$tmp/err" ||
  fail "two weekdays, neither the date's: exit $rc: $(cat "$tmp/err")"
echo "ok: date phrases carry the dataset's language; a weekday with no day is warned about; a statement dated after its source is refused"
