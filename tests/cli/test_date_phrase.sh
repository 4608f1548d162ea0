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
echo "ok: date phrases carry the dataset's language"
