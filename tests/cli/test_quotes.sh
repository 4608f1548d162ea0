#!/usr/bin/env bash
# Every verbatim quote of the Riyadh dataset appears in the article, and a
# quote that does not is reported at its line in the dataset.
set -euo pipefail
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
data="$ENTENTE_SRC/data/riyadh-talks-2025-03.xml"
article="$ENTENTE_SHARED/seeds/riyadh-talks-2025-03.txt"
[ -f "$article" ] || fail "the seed article is missing: $article"

# With the text named on the command line, and through the dataset's own
# relative path (data/../../shared/...).
"$ENTENTE" validate "$data" --text "riyadh-talks-article=$article" >"$tmp/out" 2>"$tmp/err"
[ ! -s "$tmp/err" ] || fail "warnings or errors on the real dataset: $(cat "$tmp/err")"
"$ENTENTE" validate "$data" >/dev/null 2>"$tmp/err"
[ ! -s "$tmp/err" ] || fail "the dataset's own text path did not resolve: $(cat "$tmp/err")"
quotes=$(grep -c '<quote ' "$data")
[ "$quotes" -ge 10 ] || fail "expected at least 10 quotes, found $quotes"

# Typographic and straight quote marks, and line breaks, are equivalent.
sed "s/I just don’t see/I just don't see/" "$data" >"$tmp/straight.xml"
"$ENTENTE" validate "$tmp/straight.xml" --text "riyadh-talks-article=$article" >/dev/null ||
  fail "a straight apostrophe should match the article's typographic one"

# One changed word is caught, at the quote's line.
sed 's/The talks are quite useful/The talks are very useful/' "$data" >"$tmp/changed.xml"
line=$(grep -n 'The talks are very useful' "$tmp/changed.xml" | cut -d: -f1)
set +e
"$ENTENTE" export "$tmp/changed.xml" --text "riyadh-talks-article=$article" -o "$tmp/out.ttl" 2>"$tmp/err"
rc=$?
set -e
[ "$rc" = 65 ] || fail "changed quote: exit $rc, want 65"
grep -q "changed.xml:$line:[0-9]*: error: quote 'zelenskyy-talks-useful' does not appear verbatim" "$tmp/err" ||
  fail "changed quote: $(cat "$tmp/err")"
[ "$(grep -c ': error: ' "$tmp/err")" = 1 ] || fail "only the changed quote should be reported: $(cat "$tmp/err")"
[ ! -e "$tmp/out.ttl" ] || fail "changed quote: output written"

# Paraphrases are not held to the article's words.
grep -q '<paraphrase ' "$data" || fail "no paraphrase in the dataset"

# Without the text at hand, quotes are not checked and a warning says so.
sed 's|text="[^"]*"|text="no-such-article.txt"|' "$tmp/changed.xml" >"$tmp/no-text.xml"
"$ENTENTE" validate "$tmp/no-text.xml" >/dev/null 2>"$tmp/err" || fail "missing text should only warn"
grep -q "warning: text of source 'riyadh-talks-article' not found" "$tmp/err" || fail "no warning: $(cat "$tmp/err")"
echo "all $quotes quotes found verbatim; a changed one is reported at line $line"
