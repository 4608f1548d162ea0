#!/usr/bin/env bash
# Every bad dataset gives its located error, a non-zero exit and no output.
set -euo pipefail
bad="$ENTENTE_SRC/tests/bad"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
n=0
while IFS=$'\t' read -r file want_rc line col message; do
  case "$file" in ''|'#'*) continue ;; esac
  n=$((n + 1))
  # export: Turtle, from the graph in memory; stream: N-Triples, written
  # while the second pass reads (the same checks, the same errors).
  for command in validate export stream; do
    out="$tmp/$command.ttl"
    printf 'previous contents\n' >"$tmp/existing.ttl"
    set +e
    if [ "$command" = export ]; then
      (cd "$bad" && "$ENTENTE" export "$file" --text-dir "$ENTENTE_SRC/tests/good" -o "$out") 2>"$tmp/err" >"$tmp/stdout"
      rc=$?
      (cd "$bad" && "$ENTENTE" export "$file" --text-dir "$ENTENTE_SRC/tests/good" -o "$tmp/existing.ttl") 2>/dev/null
    elif [ "$command" = stream ]; then
      (cd "$bad" && "$ENTENTE" export "$file" --text-dir "$ENTENTE_SRC/tests/good" -f ntriples -o "$tmp/stream.nt") 2>"$tmp/err" >"$tmp/stdout"
      rc=$?
      # An existing file named .ttl written as N-Triples: -f wins only
      # where the name says nothing, so the file is given a neutral name.
      cp "$tmp/existing.ttl" "$tmp/existing.out"
      (cd "$bad" && "$ENTENTE" export "$file" --text-dir "$ENTENTE_SRC/tests/good" -f ntriples -o "$tmp/existing.out") 2>/dev/null
      cmp -s "$tmp/existing.ttl" "$tmp/existing.out" || fail "$file (stream): an existing output file was changed"
      rm -f "$tmp/existing.out"
    else
      (cd "$bad" && "$ENTENTE" validate "$file" --text-dir "$ENTENTE_SRC/tests/good") 2>"$tmp/err" >"$tmp/stdout"
      rc=$?
    fi
    set -e
    [ "$rc" = "$want_rc" ] || fail "$file ($command): exit $rc, want $want_rc; stderr: $(cat "$tmp/err")"
    first=$(grep -m1 ': error: ' "$tmp/err" || true)
    [ -n "$first" ] || fail "$file ($command): no error message; stderr: $(cat "$tmp/err")"
    prefix="$file:$line:$col: error: "
    case "$first" in
      "$prefix"*) ;;
      *) fail "$file ($command): first error '$first' is not at $file:$line:$col" ;;
    esac
    echo "${first#"$prefix"}" | grep -Eq -- "$message" ||
      fail "$file ($command): message '$first' does not match /$message/"
    # One fault, one error (a delegation's leader is the subject of two
    # relations, and was reported twice).
    [ "$(grep -c ': error: ' "$tmp/err")" = 1 ] ||
      fail "$file ($command): one fault, want one error: $(cat "$tmp/err")"
    [ ! -e "$out" ] && [ ! -e "$tmp/stream.nt" ] || fail "$file ($command): an output file was created"
    [ "$(cat "$tmp/existing.ttl")" = "previous contents" ] ||
      fail "$file ($command): an existing output file was changed"
    [ -z "$(ls "$tmp" | grep -v -e '^err$' -e '^stdout$' -e '^existing.ttl$')" ] ||
      fail "$file ($command): files left behind: $(ls "$tmp")"
  done
  echo "ok: $file -> $first"
done <"$bad/MANIFEST.tsv"
[ "$n" -ge 14 ] || fail "only $n cases read from MANIFEST.tsv"

# The good dataset these are made from passes, so each fault is the cause.
(cd "$ENTENTE_SRC/tests/good" && "$ENTENTE" validate minimal.xml) >/dev/null ||
  fail "tests/good/minimal.xml does not validate"
# validate, which holds every ID, says which one a misspelt ID most likely
# meant (one edit from 'umerov'), and none where no ID is that near.
(cd "$bad" && "$ENTENTE" validate undefined-leader.xml --text-dir "$ENTENTE_SRC/tests/good") 2>"$tmp/err" && fail "undefined-leader.xml validates"
grep -q "leader 'umerv' is not defined; define it or fix the spelling; did you mean 'umerov'?$" "$tmp/err" ||
  fail "a misspelt ID: no suggestion: $(cat "$tmp/err")"
(cd "$bad" && "$ENTENTE" validate dangling-reference.xml --text-dir "$ENTENTE_SRC/tests/good") 2>"$tmp/err" && fail "dangling-reference.xml validates"
! grep -q "did you mean" "$tmp/err" || fail "an ID no other is near: a suggestion: $(cat "$tmp/err")"
# An ID one edit from the element's own: not suggested (following the
# hint made a body its own parent).
sed 's|<institution id="defence-ministry" country="ukraine">|<institution id="defence-ministry" country="ukraine" parent="defence-ministr">|' \
  "$ENTENTE_SRC/tests/good/minimal.xml" >"$tmp/own-id.xml"
cp "$ENTENTE_SRC/tests/good/minimal.txt" "$tmp/"
"$ENTENTE" validate "$tmp/own-id.xml" 2>"$tmp/err" && fail "own-id.xml validates"
grep -q "parent 'defence-ministr' is not defined; define it or fix the spelling$" "$tmp/err" ||
  fail "the element's own ID suggested: $(cat "$tmp/err")"
rm -f "$tmp/err" "$tmp/own-id.xml" "$tmp/minimal.txt"
# Several schema faults in one file: one run reports each, at its place,
# and nothing is written (a newcomer fixed one typo a run).  The element
# out of place holds elements of its own: the errors after it are still
# placed at their own lines and columns.
sed -e 's/published="2025-03-24"/publishd="2025-03-24"/' \
  -e 's|<name>Ukraine</name></country>|<name>Ukraine</name><flag><a/><b/><c/></flag></country>|' \
  -e 's/head="true"/head="maybe"/' \
  -e 's/format="technical"/format="technical" staus="held"/' \
  "$ENTENTE_SRC/tests/good/minimal.xml" >"$tmp/several.xml"
cp "$ENTENTE_SRC/tests/good/minimal.txt" "$tmp/"
set +e
"$ENTENTE" validate "$tmp/several.xml" 2>"$tmp/err"; rc=$?
"$ENTENTE" export "$tmp/several.xml" -f turtle -o "$tmp/several.ttl" 2>/dev/null; rc_export=$?
set -e
[ "$rc" = 65 ] && [ "$rc_export" = 65 ] || fail "several faults: exit $rc and $rc_export, want 65"
[ ! -e "$tmp/several.ttl" ] || fail "several faults: export wrote a file"
# four_faults FILE PAD FLAG-COLUMN WHAT: the four errors of $tmp/err, the
# lines after the first fault PAD lines further down.
four_faults() {
  local file=$1 pad=$2 flag_col=$3 what=$4 want
  for want in "$file:5:5: error: schema: <source> has no attribute publishd; did you mean published" \
    "$file:$((10 + pad)):$flag_col: error: schema: <flag> is not expected here in <country>" \
    "$file:$((18 + pad)):7: error: schema: the attribute head of <post> is .maybe." \
    "$file:$((22 + pad)):5: error: schema: <negotiation> has no attribute staus; did you mean status"; do
    grep -q -- "$want" "$tmp/err" || fail "$what: no /$want/ in: $(cat "$tmp/err")"
  done
  [ "$(grep -c ': error: ' "$tmp/err")" = 4 ] || fail "$what: want four errors: $(cat "$tmp/err")"
}
four_faults several.xml 0 '.*' "several faults"
echo "ok: four schema faults in one file, four errors in one run"
# The same faults with 70,000 lines of comment (and tags in it) after the
# first: libxml2 keeps no line past 65535, so each is found by reading the
# file, the search going on from the one before (read once, not per error).
{
  sed -n 1,7p "$tmp/several.xml"
  printf '<!-- padding\n'
  for _ in $(seq 7000); do printf '<fake a="1"/> <?pi x?> -->\n<!--\n<x/>\n\n\n\n\n\n\n\n'; done
  printf -- '-->\n'
  sed -n '8,$p' "$tmp/several.xml"
} >"$tmp/long.xml"
pad=$(( $(wc -l <"$tmp/long.xml") - $(wc -l <"$tmp/several.xml") ))
[ "$pad" -gt 65535 ] || fail "the padding is $pad lines, want more than 65535"
flag_col=$(grep -o 'several.xml:10:[0-9]*' "$tmp/err" | cut -d: -f3)
[ -n "$flag_col" ] || fail "no column for <flag> in: $(cat "$tmp/err")"
set +e
"$ENTENTE" validate "$tmp/long.xml" 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 65 ] || fail "faults past line 65535: exit $rc, want 65"
four_faults long.xml "$pad" "$flag_col" "faults past line 65535"
echo "ok: four schema faults past line 65535, each at its place ($pad lines of padding)"
# A missing input file and an unknown option have their own exit codes.
set +e
"$ENTENTE" validate "$tmp/no-such-file.xml" 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 66 ] || fail "missing input: exit $rc, want 66"
grep -q 'no-such-file.xml: error: cannot open dataset' "$tmp/err" || fail "missing input: $(cat "$tmp/err")"
set +e
"$ENTENTE" export --frobnicate x.xml 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 64 ] || fail "unknown option: exit $rc, want 64"
# A --base with a dot segment is refused before any work, as a usage error.
set +e
"$ENTENTE" export --base 'https://example.org/x/../id/' "$ENTENTE_SRC/tests/good/minimal.xml" -o "$tmp/base.nt" 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 64 ] && [ ! -e "$tmp/base.nt" ] &&
  grep -q "^entente: --base 'https://example.org/x/../id/' is not usable: .*no '.' or '..' segment in its path" "$tmp/err" ||
  fail "--base with a dot segment: exit $rc: $(cat "$tmp/err")"
# A base that cannot be used says why, the same for --base and base=:
# the one message said "http(s) or urn" (and took ftp:, which is fine,
# and port 99999, which is not), and refused a '{' without naming it.
for pair in "javascript:alert(1)//|uses the scheme 'javascript:', which runs code or reads local files" \
  "https://example.org:99999/id/|has port 99999; ports go up to 65535" \
  "http://www.w3.org/1999/02/22-rdf-syntax-ns#|is in the RDF namespace, under which RDF/XML may declare no prefix" \
  "https://w3id.org/entente/ns#people/|is in entente's vocabulary, whose terms it would be taken for" \
  "https://example.org/i{d}/|holds '{', which an IRI may not; write it as %7B" \
  "https://example.org/id|does not end in '/' or '#'" \
  "https:///id/|names no host" \
  "example.org/id/|is not an absolute IRI"; do
  b=${pair%%|*} why=${pair#*|}
  set +e
  "$ENTENTE" export --base "$b" "$ENTENTE_SRC/tests/good/minimal.xml" -o "$tmp/base.nt" 2>"$tmp/err"; rc=$?
  set -e
  [ "$rc" = 64 ] && grep -qF "entente: --base '$b' is not usable: it $why" "$tmp/err" ||
    fail "--base $b: exit $rc: $(cat "$tmp/err")"
  sed "s|base=\"https://example.org/id/\"|base=\"$b\"|" "$ENTENTE_SRC/tests/good/minimal.xml" >"$tmp/base.xml"
  grep -qF "base=\"$b\"" "$tmp/base.xml" || fail "minimal.xml has no base to change"
  set +e
  "$ENTENTE" validate "$tmp/base.xml" >/dev/null 2>"$tmp/err"; rc=$?
  set -e
  [ "$rc" = 65 ] && grep -qF "base.xml:3:1: error: base '$b' $why" "$tmp/err" ||
    fail "base=$b: exit $rc: $(cat "$tmp/err")"
done
set +e
"$ENTENTE" export --base https://example.org:184467440737095516150/id/ "$ENTENTE_SRC/tests/good/minimal.xml" -o "$tmp/base.nt" 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 64 ] && grep -qF "it has a port past 65535" "$tmp/err" || fail "--base with a 21-digit port: exit $rc: $(cat "$tmp/err")"
# --base overrides base=: a dataset's unusable base is not refused then.
sed 's|base="https://example.org/id/"|base="https://example.org/id"|' "$ENTENTE_SRC/tests/good/minimal.xml" >"$tmp/base.xml"
"$ENTENTE" export "$tmp/base.xml" --base https://other.example/id/ -f nt -o "$tmp/base.nt" -w 2>"$tmp/err" &&
  grep -q '^<https://other.example/id/' "$tmp/base.nt" || fail "--base over a bad base=: $(cat "$tmp/err")"
for b in https://example.org/id/ http://example.org/id# urn:example:id/ tag:example.org,2025:id/ tag:example.org,2025:id# ftp://example.org/id/; do
  "$ENTENTE" export --base "$b" "$ENTENTE_SRC/tests/good/minimal.xml" -f nt -o "$tmp/base.nt" -w 2>"$tmp/err" ||
    fail "--base $b refused: $(cat "$tmp/err")"
done
# One misspelt ID used many times gets the same "did you mean" each time
# (the first ten did, the rest not).
{
  sed -n '1,11p' "$ENTENTE_SRC/tests/good/minimal.xml"
  echo '  <institutions>'
  for i in $(seq 1 14); do
    echo "    <institution id=\"body-$i\" country=\"ukrane\"><name>Body number $i</name></institution>"
  done
  echo '  </institutions>'
  echo '</dataset>'
} >"$tmp/misspelt.xml"
set +e
"$ENTENTE" validate "$tmp/misspelt.xml" >/dev/null 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 65 ] && [ "$(grep -c "error: country 'ukrane' is not defined; define it or fix the spelling; did you mean 'ukraine'?" "$tmp/err")" = 14 ] ||
  fail "one ID misspelt 14 times: exit $rc: $(grep -c 'did you mean' "$tmp/err") suggestions: $(head -3 "$tmp/err")"
# Outside a corpus, a reference to another dataset's entity is explained
# in either order of the files (read later, it got the bare error).
mkdir -p "$tmp/two"
sed -e 's|id="minimal"|id="first"|' "$ENTENTE_SRC/tests/good/minimal.xml" >"$tmp/two/first.xml"
sed -e 's|id="minimal"|id="second"|' -e 's|id="report"|id="report-2"|' -e 's|<country id="ukraine"><name>Ukraine</name></country>||' \
  -e 's|id="defence-ministry"|id="ministry-2"|' -e 's|id="umerov"|id="umerov-2"|' -e 's|leaders="umerov"|leaders="umerov-2"|' \
  -e 's|speaker="umerov"|speaker="umerov-2"|' -e 's|institution="defence-ministry"|institution="ministry-2"|' \
  -e 's|id="talks"|id="talks-2"|' -e 's|concerns="talks"|concerns="talks-2"|' -e 's|id="umerov-peace"|id="peace-2"|' \
  -e 's|id="ukraine-delegation"|id="delegation-2"|' "$ENTENTE_SRC/tests/good/minimal.xml" >"$tmp/two/second.xml"
for order in "first second" "second first"; do
  set +e
  # shellcheck disable=SC2086 # the two names
  "$ENTENTE" validate $(for f in $order; do echo "$tmp/two/$f.xml"; done) >/dev/null 2>"$tmp/err"; rc=$?
  set -e
  [ "$rc" = 65 ] && grep -q "second.xml:[0-9]*:[0-9]*: .*'ukraine' .* at .*first.xml:10:5.*another dataset, which this one may not refer to" "$tmp/err" ||
    fail "another dataset's country ($order): exit $rc: $(cat "$tmp/err")"
done
# Durations: XSD's fraction of a second is one (it passed the schema and
# was then refused); a negative one, which XSD allows, is refused as such.
for d in PT4H5M6.75S -P1D; do
  sed "s/duration=\"P1Y2M3DT4H\"/duration=\"$d\"/" "$ENTENTE_SRC/tests/good/features.xml" >"$tmp/duration.xml"
  grep -q "duration=\"$d\"" "$tmp/duration.xml" || fail "features.xml has no duration to change"
  set +e
  "$ENTENTE" export "$tmp/duration.xml" --text-dir "$ENTENTE_SRC/tests/good" -f ntriples -o "$tmp/duration.nt" 2>"$tmp/err"; rc=$?
  set -e
  if [ "$d" = PT4H5M6.75S ]; then
    [ "$rc" = 0 ] && grep -q '"PT4H5M6.75S"^^<http://www.w3.org/2001/XMLSchema#duration>' "$tmp/duration.nt" ||
      fail "duration $d: exit $rc: $(cat "$tmp/err")"
  else
    [ "$rc" = 65 ] && grep -q "duration.xml:[0-9]*:[0-9]*: error: duration '-P1D' is not a length of time (a duration cannot be negative) such as P30D or PT1H30M" "$tmp/err" ||
      fail "duration $d: exit $rc: $(cat "$tmp/err")"
  fi
  rm -f "$tmp/duration.nt"
done
# A source whose definition is refused is said once: the elements it
# reports are read on for their own faults, not each refused for it
# ("source 'report' is not defined" five times).  Two copies of one
# dataset: each ID the second redefines is said, the source's first.
minimal="$ENTENTE_SRC/tests/good/minimal.xml"
for fault in 's|<title>A short report</title>|<title> </title>|' 's|id="report"|id="Report"|' 's|published="2025-03-24"|published="2025-02-30"|'; do
  sed "$fault" "$minimal" >"$tmp/source-fault.xml"
  ! cmp -s "$minimal" "$tmp/source-fault.xml" || fail "'$fault' changed nothing"
  set +e
  "$ENTENTE" validate "$tmp/source-fault.xml" >/dev/null 2>"$tmp/err"; rc=$?
  set -e
  [ "$rc" = 65 ] && [ "$(grep -c ': error: ' "$tmp/err")" = 1 ] && grep -q 'source-fault.xml:5:5: error: ' "$tmp/err" ||
    fail "a refused source ($fault): exit $rc, want one error: $(cat "$tmp/err")"
done
cp "$minimal" "$tmp/copy.xml"
set +e
"$ENTENTE" validate "$minimal" "$tmp/copy.xml" >/dev/null 2>"$tmp/err"; rc=$?
set -e
for id in report ukraine defence-ministry umerov talks umerov-peace; do
  grep -q "copy.xml:[0-9]*:[0-9]*: error: ID '$id' is already defined by another dataset" "$tmp/err" ||
    fail "two copies: '$id' not said: $(cat "$tmp/err")"
done
[ "$rc" = 65 ] && [ "$(grep -c ': error: ' "$tmp/err")" = 6 ] || fail "two copies: exit $rc, want 6 errors: $(cat "$tmp/err")"
echo "$n bad datasets rejected as expected"
