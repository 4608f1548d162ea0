#!/bin/sh
# Run the README's example program; check its Turtle parses (serdi, strict)
# and holds what it built, and that README.md shows this exact program.
set -eu
example=$1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# ENTENTE_RUNNER: a command to run it under (valgrind in scripts/test).
${ENTENTE_RUNNER:-} "$example" >"$tmp/out.ttl" 2>"$tmp/err"
grep -q "is official, but holdsPost\|'ukraine' is a country, but holdsPost" "$tmp/err" || {
  echo "expected the refused relation to be reported:"; cat "$tmp/err"; exit 1; }
serdi -i turtle -o ntriples "$tmp/out.ttl" >"$tmp/out.nt"
n=$(wc -l <"$tmp/out.nt")
reported=$(sed -n 's/^\([0-9]*\) statements$/\1/p' "$tmp/err")
[ "$n" -eq "$reported" ] || { echo "serdi read $n statements, example wrote $reported"; exit 1; }
grep -q '<https://example.org/id/official/umerov> <http://www.w3.org/ns/org#holds>' "$tmp/out.nt" && {
  echo "refused relation was written"; exit 1; }
grep -q '<https://example.org/id/statement/umerov-just-peace> <http://www.w3.org/ns/prov#wasAttributedTo> <https://example.org/id/official/umerov> .' "$tmp/out.nt"
grep -q '"Рустем Умєров"@uk' "$tmp/out.ttl"
# The README embeds examples/minimal.c verbatim between markers.
sed -n '/<!-- example:begin -->/,/<!-- example:end -->/p' "$ENTENTE_SRC/README.md" |
  sed '1,2d;$d' | sed '$d' >"$tmp/readme.c"
diff -u "$ENTENTE_SRC/examples/minimal.c" "$tmp/readme.c"
echo "example ok: $n statements"
