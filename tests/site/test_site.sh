#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# The site of the corpus in data/ (entente site), read file by file:
#   - the files of the site are there, and two runs give the same bytes;
#   - every page is valid HTML to the W3C's Nu Html Checker (vnu.jar, run
#     offline with Debian's Java) and xmllint --html reads it;
#   - every link leads to a file of the site, every entity IRI of the
#     N-Quads export has its page (data-iri), its index.nt and index.ttl
#     hold exactly its statements, its JSON-LD expands (jsonld.js) to
#     exactly them; the only scripts are the site's own (check_pages.py,
#     jsonld_check.mjs);
#   - the target is replaced whole or not at all: a directory of other
#     files is refused (74), bad data (65) leaves the old site byte for
#     byte, and no scratch directory is left.
# Needs ENTENTE, ENTENTE_SRC, ENTENTE_SHARED, serdi, xmllint, python3,
# node with tests/js/node_modules (scripts/setup-js) and java.
set -euo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
: "${ENTENTE:?}" "${ENTENTE_SRC:?}"
python=${PYTHON:-python3}
here="$ENTENTE_SRC/tests/site"
modules="$ENTENTE_SRC/tests/js/node_modules"
vnu="$modules/vnu-jar/build/dist/vnu.jar"
for tool in serdi xmllint node java "$python"; do
  command -v "$tool" >/dev/null || fail "$tool is missing (scripts/setup)"
done
[ -f "$vnu" ] || fail "$vnu is missing: run scripts/setup-js"
texts=()
[ -d "${ENTENTE_SHARED:-}" ] && texts=(--text-dir "$ENTENTE_SHARED")
base=https://w3id.org/entente/id/

# --- the site, twice ------------------------------------------------------------

cd "$ENTENTE_SRC"
"$ENTENTE" site data "${texts[@]}" -q -w -O "$tmp/site" || fail "entente site: exit $?"
for f in index.html timeline.html sources.html assets/site.js assets/site.css \
  .htaccess .entente-site official/beseda/index.html official/beseda/index.ttl \
  official/beseda/index.nt negotiation/us-russia-talks-2025-03-24/index.html \
  source/tass-2025-03-24/index.html; do
  [ -s "$tmp/site/$f" ] || fail "the site has no $f"
done
"$ENTENTE" site data "${texts[@]}" -q -w -O "$tmp/again" || fail "entente site (again): exit $?"
diff -r "$tmp/site" "$tmp/again" >"$tmp/diff" || fail "two runs differ: $(head -5 "$tmp/diff")"
pages=$(find "$tmp/site" -name '*.html' | wc -l)
echo "ok: the site ($pages pages) has its files, and two runs give the same bytes"

# --- valid HTML -------------------------------------------------------------------

# The Nu Html Checker, once over every page (it takes a second to start).
java -Xss4m -jar "$vnu" --errors-only --skip-non-html --format gnu "$tmp/site" \
  >"$tmp/vnu.out" 2>&1 || fail "vnu.jar: $(head -10 "$tmp/vnu.out")"
[ ! -s "$tmp/vnu.out" ] || fail "vnu.jar: $(head -10 "$tmp/vnu.out")"
# xmllint's HTML 4 parser: no message but the names of HTML5 and SVG
# elements it does not know.
find "$tmp/site" -name '*.html' -print0 | xargs -0 -n 64 xmllint --html --noout 2>"$tmp/xmllint.err" ||
  true
"$python" - "$tmp/xmllint.err" <<'EOF' || fail "xmllint --html found errors"
import re, sys
known = {"header", "nav", "main", "section", "figure", "figcaption", "footer", "time",
         "svg", "g", "path", "polygon", "polyline", "ellipse", "text", "title", "a",
         "defs", "marker", "rect", "circle", "line", "image"}
bad = []
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    m = re.match(r"(\S+?):\d+: .*?(?:error|warning) : (.*)$", line.rstrip("\n"))
    if not m:
        continue  # the context and caret lines of a message
    tag = re.fullmatch(r"Tag (\S+) invalid", m.group(2))
    if not tag or tag.group(1) not in known:
        bad.append(line.rstrip("\n"))
if bad:
    sys.exit("\n".join(bad[:10]))
EOF
echo "ok: every page is valid HTML (vnu.jar), and xmllint --html reads it"

# --- links, statements, scripts, JSON-LD -----------------------------------------

"$ENTENTE" export data "${texts[@]}" -q -w -f nquads -o "$tmp/corpus.nq" || fail "export -f nquads"
"$python" "$here/check_pages.py" "$tmp/site" "$tmp/corpus.nq" "$base" "$tmp/ld.jsonl" ||
  fail "check_pages.py"
ENTENTE_JS_MODULES="$modules" node "$here/jsonld_check.mjs" "$tmp/ld.jsonl" || fail "jsonld_check.mjs"
# The pages the issue names.
grep -q 'data-iri="https://w3id.org/entente/id/official/beseda"' "$tmp/site/official/beseda/index.html" ||
  fail "Beseda's page does not say its IRI"
grep -q 'id="disputes"' "$tmp/site/negotiation/us-russia-talks-2025-03-24/index.html" ||
  fail "the US-Russia talks' page shows no disagreement between sources"
# Two formats at once (technical talks, and bilateral, in one article) are
# not a disagreement.
if grep -q '<caption>format</caption>' "$tmp/site/negotiation/us-russia-talks-2025-03-24/index.html"; then
  fail "the US-Russia talks' page calls its two formats a disagreement"
fi
# Its status as the reports' days go (planned and ongoing on the 24th,
# concluded on the 25th) is a change over time, in that order, not a
# disagreement; Riyadh and Saudi Arabia are one place said more or less
# precisely.
"$python" - "$tmp/site/negotiation/us-russia-talks-2025-03-24/index.html" <<'PY' || fail "the US-Russia talks' status over time"
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
def section(name):
    m = re.search(r'<section[^>]*id="%s".*?</section>' % name, page, re.S)
    return m.group(0) if m else ""
history, disputes = section("history"), section("disputes")
assert "<caption>negotiation status</caption>" in history, "no status history"
assert "negotiation status" not in disputes, "the status is called a dispute"
values = re.findall(r'<span class="concept">([^<]*)</span>', history)
assert values == ["planned", "ongoing", "held", "concluded"], values
assert re.search(r'first reported <time datetime="2025-03-24">', history), "no first day"
assert "<caption>location</caption>" not in disputes, "Riyadh and Saudi Arabia are called a dispute"
assert "<caption>start date</caption>" in disputes, "the two start dates are no longer a dispute"
PY
grep -q 'id="quotes"' "$tmp/again/official/karasin/index.html" || fail "Karasin's page has no quotes"
grep -q 'id="contributed"' "$tmp/site/source/tass-2025-03-24/index.html" ||
  fail "TASS's page does not say what it contributed"
# A source known only to be published after a day is not said to be
# published on it.
grep -q 'no earlier than <time datetime="2025-03-25">2025-03-25</time>' "$tmp/site/sources.html" ||
  fail "sources.html: Voice of Asia's window is not said as one"
grep -q '>Voice of Asia, no earlier than 2025-03-25</a>' "$tmp/site/place/riyadh/index.html" ||
  fail "Riyadh's page: Voice of Asia's window is not said as the timelines say one"
# (The properties' own names, ent:notBefore's "not before", stay.)
if grep -rqE '(, not (before|after) [0-9]{4}-|not (before|after) <time)' "$tmp/site" --include='*.html'; then
  fail "a day said as 'not before' or 'not after', where the timelines say 'no earlier than' and 'no later than'"
fi
# An event known only to have happened by a day is on the timeline at that
# day, said so.
grep -q 'no later than <time datetime="2025-03-23">2025-03-23</time>' "$tmp/site/timeline.html" ||
  fail "timeline.html: the Rostov strikes (not after 2025-03-23) are not on it as such"
# A window is said as one, not as its first day ("in early March"), and a
# window open at its end as "no earlier than".
grep -q 'between <time datetime="2025-03-01">2025-03-01</time> and <time datetime="2025-03-15">2025-03-15</time> <span class="kind">Negotiation</span> <a[^>]*witkoff-putin-meeting' "$tmp/site/timeline.html" ||
  fail "timeline.html: the Witkoff-Putin meeting (early March) is not on it as a window"
grep -q 'between <time datetime="2025-03-01">2025-03-01</time> and' "$tmp/site/place/moscow/index.html" ||
  fail "Moscow's timeline: the Witkoff-Putin meeting is not on it as a window"
grep -q 'no earlier than <time datetime="2025-03-25">2025-03-25</time>' "$tmp/site/timeline.html" ||
  fail "timeline.html: the US statement (not before 2025-03-25) is not on it as such"
# A post is named by the title most sources give (two of Karasin's seven
# sources; each other title is one source's, and Al-Ahed's, first in
# sorted order, named it).
grep -qF 'chair/index.html" lang="en">Chair of the Federation Council' "$tmp/again/official/karasin/index.html" ||
  fail "Karasin's post is not named by the title most sources give"
echo "ok: disagreements, quotes and what each source contributed are on their pages"

# --- the target directory -------------------------------------------------------------

snapshot() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }
mkdir "$tmp/mine"
echo mine >"$tmp/mine/notes.txt"
rc=0
"$ENTENTE" site data -q -w -O "$tmp/mine" 2>"$tmp/err" || rc=$?
[ "$rc" = 74 ] || fail "a directory of other files: exit $rc, want 74"
grep -q "is not empty and holds no site" "$tmp/err" || fail "message: $(cat "$tmp/err")"
[ "$(ls -A "$tmp/mine")" = notes.txt ] || fail "the refused directory changed"
# ... said before the datasets are read: none of their warnings first.
rc=0
"$ENTENTE" site data -O "$tmp/mine" 2>"$tmp/err" || rc=$?
[ "$rc" = 74 ] && [ "$(wc -l <"$tmp/err")" = 1 ] && grep -q "is not empty and holds no site" "$tmp/err" ||
  fail "a directory of other files, refused after loading: exit $rc: $(head -3 "$tmp/err")"
snapshot "$tmp/site" >"$tmp/before"
rc=0
"$ENTENTE" site "$ENTENTE_SRC/tests/bad/dangling-reference.xml" -q -w -O "$tmp/site" 2>"$tmp/err" || rc=$?
[ "$rc" = 65 ] || fail "bad data: exit $rc, want 65 ($(cat "$tmp/err"))"
snapshot "$tmp/site" >"$tmp/after"
cmp -s "$tmp/before" "$tmp/after" || fail "a failed run changed the site"
[ -z "$(find "$tmp" -maxdepth 1 -name '.*entente-*')" ] || fail "a scratch directory was left"
rc=0
(cd "$tmp/site" && "$ENTENTE" site "$ENTENTE_SRC/tests/good/minimal.xml" -q -w -O .) 2>"$tmp/err" || rc=$?
[ "$rc" = 74 ] && grep -q "is the current directory" "$tmp/err" ||
  fail "-O . inside the site: exit $rc: $(cat "$tmp/err")"
touch "$tmp/site/stray.txt"
"$ENTENTE" site "$ENTENTE_SRC/tests/good/minimal.xml" -q -w -O "$tmp/site" || fail "replacing a site"
[ ! -e "$tmp/site/stray.txt" ] && [ ! -e "$tmp/site/official/beseda" ] || fail "the old site was not replaced whole"
[ -z "$(find "$tmp" -maxdepth 1 -name '.*entente-*')" ] || fail "a scratch directory was left"
echo "ok: a directory of other files is refused, bad data leaves the site as it was, a site is replaced whole"

# -O is checked before the datasets are read: a directory whose parent is
# missing is refused at once; one made for a run that fails is removed.
rc=0
"$ENTENTE" site "$ENTENTE_SRC/tests/good/minimal.xml" -q -w -O "$tmp/no-parent/site" 2>"$tmp/err" || rc=$?
[ "$rc" = 74 ] && grep -q "no-parent/site: error: its parent directory does not exist" "$tmp/err" ||
  fail "-O under a missing directory: exit $rc: $(cat "$tmp/err")"
rc=0
"$ENTENTE" site "$ENTENTE_SRC/tests/bad/dangling-reference.xml" -q -w -O "$tmp/new-site" 2>"$tmp/err" || rc=$?
[ "$rc" = 65 ] && [ ! -e "$tmp/new-site" ] || fail "bad data into a new -O: exit $rc, left $(ls -d "$tmp/new-site" 2>&1)"
rc=0
"$ENTENTE" site "$tmp/no-such.xml" -q -w -O "$tmp/new-site" 2>"$tmp/err" || rc=$?
[ "$rc" = 66 ] && [ ! -e "$tmp/new-site" ] || fail "a missing dataset: exit $rc, want 66 ($(cat "$tmp/err"))"
echo "ok: -O's parent is checked first, a directory made for a failed run is removed, a missing dataset is 66"

# --lang: a page is named in that language where the sources give a name or
# an alias in it, as its diagram is; the English name stays on the page.
"$ENTENTE" site data -q -w --lang ru -O "$tmp/site-ru" || fail "site --lang ru: exit $?"
grep -q '<h1 class="name" lang="ru">Григорий Карасин' "$tmp/site-ru/official/karasin/index.html" ||
  fail "site --lang ru: Karasin's page is not named in Russian: $(grep -o '<h1[^>]*>[^<]*' "$tmp/site-ru/official/karasin/index.html")"
grep -q 'class="alias" lang="en">Grigory Karasin' "$tmp/site-ru/official/karasin/index.html" || fail "site --lang ru: the English name is gone"
grep -q '<h1 class="name" lang="en">Grigory Karasin' "$tmp/again/official/karasin/index.html" ||
  fail "site: Karasin's page is not named in English by default"
# Tags compare without case, and a name tagged with a subtag ("ru-RU")
# counts as the language: the same site, as the diagram ranks them.
"$ENTENTE" site data -q -w --lang RU -O "$tmp/site-RU" || fail "site --lang RU: exit $?"
diff -r "$tmp/site-ru" "$tmp/site-RU" >/dev/null || fail "site --lang RU differs from --lang ru"
cp -a data "$tmp/subtag"
sed -i 's/xml:lang="ru"/xml:lang="ru-RU"/g' "$tmp/subtag/registry/people.xml"
grep -q '<alias xml:lang="ru-RU">Григорий Карасин' "$tmp/subtag/registry/people.xml" || fail "the registry's Russian name of Karasin is not where this test retags it"
"$ENTENTE" site "$tmp/subtag" -q -w --lang ru -O "$tmp/site-ru-RU" || fail "site --lang ru of ru-RU names: exit $?"
grep -q '<h1 class="name" lang="ru-RU">Григорий Карасин' "$tmp/site-ru-RU/official/karasin/index.html" ||
  fail "site --lang ru: a name tagged ru-RU is not taken: $(grep -o '<h1[^>]*>[^<]*' "$tmp/site-ru-RU/official/karasin/index.html")"
set +e
"$ENTENTE" site data -q -w --lang xx_bad -O "$tmp/site-bad" 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 64 ] && grep -q "entente: --lang takes a language tag such as en, ru or uk-UA (BCP 47), not 'xx_bad'" "$tmp/err" &&
  [ ! -e "$tmp/site-bad" ] || fail "site --lang xx_bad: exit $rc: $(cat "$tmp/err")"
echo "ok: --lang names pages in that language where the sources allow, any case, subtags too; a malformed tag is refused"
# The site's default language is not a --lang given: a dataset with no
# English name gets no warning that none is in 'en'; one asked is said.
sed 's|xml:lang="en"|xml:lang="uk"|' "$ENTENTE_SRC/tests/good/minimal.xml" >"$tmp/uk.xml"
"$ENTENTE" site "$tmp/uk.xml" -q -w -O "$tmp/site-uk" 2>"$tmp/err" || fail "site of a Ukrainian dataset: $(cat "$tmp/err")"
[ ! -s "$tmp/err" ] || fail "site with no --lang warned: $(cat "$tmp/err")"
"$ENTENTE" site "$tmp/uk.xml" -q --lang fr -O "$tmp/site-fr" 2>"$tmp/err" || fail "site --lang fr: $(cat "$tmp/err")"
grep -q "warning: --lang fr: none of the graph's" "$tmp/err" || fail "site --lang fr: no warning: $(cat "$tmp/err")"
echo "ok: the site warns of a --lang given that no name is in, not of its default"
