#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Smoke test of the benchmark (ctest -L bench): a small generated dataset
# validates, its N-Triples export has as many lines as validate counts
# statements, the ceiling writes that many statements, and tests/bench/run
# works end to end at a small size (without RocketRML), issue 13's rows and
# checks included (--issue13), and tests/bench/site at small sizes.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
: "${ENTENTE:?ENTENTE must name the entente command}"
: "${ENTENTE_CEILING:?ENTENTE_CEILING must name the ceiling program}"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/entente-bench-smoke.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "bench smoke: $*" >&2; exit 1; }

/usr/bin/python3 "$here/gen" 2000 "$tmp/d.xml"
/usr/bin/python3 "$here/gen" 2000 "$tmp/d2.xml"
cmp -s "$tmp/d.xml" "$tmp/d2.xml" || fail "gen is not deterministic"
valid="$("$ENTENTE" validate "$tmp/d.xml")" || fail "generated dataset refused: $valid"
echo "$valid"
entities="$(sed -n 's/.*valid: \([0-9]*\) entities, [0-9]* statements$/\1/p' <<<"$valid")"
statements="$(sed -n 's/.*valid: [0-9]* entities, \([0-9]*\) statements$/\1/p' <<<"$valid")"
[ -n "$statements" ] || fail "cannot read validate's output: $valid"
[ "$entities" -ge 1800 ] && [ "$entities" -le 2200 ] ||
  fail "gen 2000 made $entities entities, not about 2000"
for kind in '<official ' '<institution [^>]*parent=' '<negotiation ' '<delegation ' \
  '<quote ' '<paraphrase ' '<agreement ' '<event ' '<place ' '<topic ' \
  'xml:lang="ru"' 'xml:lang="ar"' 'xml:lang="el"' 'xml:lang="zh"' \
  'leaders="' 'date-phrase="on [A-Z][a-z]*day'; do
  grep -q "$kind" "$tmp/d.xml" || fail "the dataset has no $kind"
done
"$ENTENTE" export "$tmp/d.xml" -f ntriples -o "$tmp/d.nt"
lines="$(wc -l <"$tmp/d.nt")"
[ "$lines" = "$statements" ] ||
  fail "export wrote $lines N-Triples lines, validate counts $statements"
grep -q '\\"' "$tmp/d.nt" || fail "no escaped double quote in the export"
grep -q '\\\\' "$tmp/d.nt" || fail "no escaped backslash in the export"
grep -q '\\n' "$tmp/d.nt" || fail "no escaped line break in the export"

"$ENTENTE_CEILING" -f ntriples -n "$statements" -o "$tmp/c.nt"
[ "$(wc -l <"$tmp/c.nt")" = "$statements" ] || fail "ceiling wrote the wrong count"
"$ENTENTE_CEILING" -f nquads -n 1000 -o /dev/null --quiet
# The lean ceiling writes the same bytes; it is refused where a serializer
# keeps terms.
"$ENTENTE_CEILING" --lean -f ntriples -n "$statements" -o "$tmp/lean.nt"
cmp -s "$tmp/c.nt" "$tmp/lean.nt" || fail "the lean ceiling wrote other bytes"
if "$ENTENTE_CEILING" --lean -f turtle -n 10 -o /dev/null 2>/dev/null; then
  fail "the lean ceiling accepted turtle"
fi
"$ENTENTE_CEILING" -f turtle -n 1000 -o /dev/null --quiet

"$here/run" --sizes 5k --parallel 8k --quick --issue13 --diagrams 3k --workdir "$tmp/work" \
  --out "$tmp/results.md" >"$tmp/run.out"
cat "$tmp/run.out"
grep -q '^| entente export -f ntriples | 5k | [0-9]' "$tmp/results.md" ||
  fail "no entente N-Triples row in the results"
grep -q '^| ceiling -f ntriples | 5k | [0-9]' "$tmp/results.md" ||
  fail "no ceiling row in the results"
# One thread, and stdout to /dev/null (the growth check's row), with a CPU
# time column.
grep -Eq '^\| entente export -f ntriples --threads 1 \| 5k \| [0-9]+ \| [0-9.]+ \| [0-9.]+ \|' "$tmp/results.md" ||
  fail "no one-thread row (with CPU time) in the results"
grep -q '^| entente export -f ntriples > /dev/null | 5k | [0-9]' "$tmp/results.md" ||
  fail "no /dev/null row in the results"
grep -q '^| ceiling -f ntriples > /dev/null | 5k | [0-9]' "$tmp/results.md" ||
  fail "no /dev/null ceiling row in the results"
grep -q '^NOTE 5k: in one thread (--threads 1): ' "$tmp/results.md" ||
  fail "no one-thread note in the results"
grep -q '^| ceiling --lean -f ntriples | 5k | [0-9]' "$tmp/results.md" ||
  fail "no lean ceiling row in the results"
# Below 1M triples the throughput targets are shown, not judged.
grep -Eq '^NOTE 5k: XML->N-Triples .*\((met|not met)\)$' "$tmp/results.md" ||
  fail "no target check in the results"
# Which of -j 1 and -j 2 wins on 8k statements is noise; that they wrote
# the same bytes is not.
grep -q '^| parallel outputs | 8k | | identical |' "$tmp/results.md" ||
  fail "-j 1 and -j 2 did not write identical outputs (or did not run)"
# Issue 13: the streamed formats to /dev/null, the tiny dataset's baseline,
# the memory and growth lines, and (with serdi) Turtle and TriG parsed back
# to the N-Quads export's statements.
grep -q '^| entente export -f turtle > /dev/null | 5k | [0-9]' "$tmp/results.md" ||
  fail "no Turtle /dev/null row in the results"
grep -q '^| entente export -f ntriples | tiny | [0-9]' "$tmp/results.md" ||
  fail "no tiny-dataset row in the results"
grep -q '^Targets (issue 13):' "$tmp/results.md" || fail "no issue 13 targets"
grep -q '^| storage: dd of the N-Quads export.s size, fsync | 5k | [0-9]' "$tmp/results.md" ||
  fail "no storage (dd) row in the results"
# 5k entities are too few for the estimate to be judged (RSS noise).
grep -Eq '^NOTE +5k: index estimate: .* bytes per entity .*not judged' "$tmp/results.md" ||
  fail "no bytes-per-entity line in the results"
grep -Eq '^NOTE +5k: Turtle [0-9]+ statements/s .* entente.s N-Triples' "$tmp/results.md" ||
  fail "no Turtle throughput line in the results"
if command -v serdi >/dev/null; then
  grep -Eq '^PASS +5k: Turtle parsed back by serdi: ' "$tmp/results.md" ||
    fail "the Turtle export did not parse back to the N-Quads' statements"
  grep -Eq '^PASS +5k: TriG parsed back by serdi: ' "$tmp/results.md" ||
    fail "the TriG export did not parse back to the N-Quads' statements"
fi
# Diagrams: -f dot and -f svg rows at the --sizes size and on the diagram
# dataset, its time judged against issue 13's target, and the cap said in
# the drawing and on stderr.
grep -q '^| entente export -f svg | 5k | [0-9]' "$tmp/results.md" ||
  fail "no SVG row in the results"
grep -q '^| entente export -f dot | 3k entities | [0-9]' "$tmp/results.md" ||
  fail "no DOT row for the diagram dataset in the results"
grep -Eq '^(MET|NOT MET) +3k entities \(gen 3000: .*SVG with the default cap: .*\(target < 10 s\)$' "$tmp/results.md" ||
  fail "no diagram target line in the results"
grep -Eq '^PASS +3k entities: cap said, -f svg: drawing: "Showing 150 of ' "$tmp/results.md" ||
  fail "the capped SVG did not say so in the drawing and on stderr"
# The growth phase alone (--growth-only): three sizes in alternation,
# every format and validate, judged on the fastest run at the largest and
# at the one closest to a tenth of it; the time a statement takes at each
# size beside it.
"$here/run" --sizes 1k,2k,10k --issue13 --growth-only --growth 2 --no-git \
  --workdir "$tmp/growth" --out "$tmp/growth.md" >"$tmp/growth.out" 2>&1 ||
  { cat "$tmp/growth.out"; fail "run --growth-only failed"; }
for name in N-Triples N-Quads Turtle TriG JSON-LD RDF/XML RDF/JSON DOT SVG; do
  grep -Eq "^(MET|NOT MET) +1k -> 10k: $name to /dev/null, the sizes in alternation: time x[0-9.]+ for x[0-9.]+ statements \(fastest of 2 runs at each size: [0-9.]+ s -> [0-9.]+ s; round by round [0-9.]+ -> [0-9.]+ s x[0-9.]+, [0-9.]+ -> [0-9.]+ s x[0-9.]+, median x[0-9.]+;" "$tmp/growth.md" ||
    { cat "$tmp/growth.md"; fail "no growth-phase line for $name"; }
  grep -Eq "^NOTE +$name: microseconds a statement, fastest of the growth phase's runs at each size: 1k [0-9.]+; 2k [0-9.]+ \(x[0-9.]+ for x[0-9.]+ statements\); 10k [0-9.]+ \(x[0-9.]+ for x[0-9.]+ statements\)$" "$tmp/growth.md" ||
    { cat "$tmp/growth.md"; fail "no time a statement at each size for $name"; }
done
grep -Eq '^NOTE +1k -> 10k: entente validate .*, the sizes in alternation: .*\((met|not met)\)$' "$tmp/growth.md" ||
  fail "no growth-phase note for validate"
grep -q '^Growth phase: 2 round(s), each run right after the one before (no --growth-settle)' "$tmp/growth.md" ||
  fail "the results do not say how the growth phase's runs were spaced"
# --instructions: one run at each judged size under valgrind, its count
# judged beside the time.  valgrind cannot run a sanitizer's build (the
# ASan stage runs this test too): there, and only there, it is left out.
if grep -q -a -e __asan_init -e __tsan_init "$ENTENTE"; then
  echo "bench smoke: --instructions left out: $ENTENTE is a sanitizer's build"
else
  "$here/run" --sizes 1k,10k --issue13 --growth-only --growth 1 --instructions \
    --formats ntriples --no-git --workdir "$tmp/instr" --out "$tmp/instr.md" \
    >"$tmp/instr.out" 2>&1 || { cat "$tmp/instr.out"; fail "run --instructions failed"; }
  for name in N-Triples DOT SVG; do
    grep -Eq "^(MET|NOT MET) +1k -> 10k: $name to /dev/null, instructions executed \(valgrind cachegrind, one run at each size; [^)]*\): x[0-9.]+ for x[0-9.]+ statements \([0-9.]+ G -> [0-9.]+ G; target: no step quadratic, <= 1.1x the size ratio\)$" "$tmp/instr.md" ||
      { cat "$tmp/instr.md"; fail "no instructions line for $name"; }
  done
  grep -Eq '^NOTE +1k -> 10k: entente validate .*, instructions executed .*\((met|not met)\)$' "$tmp/instr.md" ||
    { cat "$tmp/instr.md"; fail "no instructions note for validate"; }
  code=0
  "$here/run" --sizes 1k,10k --instructions --no-git --workdir "$tmp/instr2" \
    --out "$tmp/instr2.md" >/dev/null 2>"$tmp/instr2.err" || code=$?
  [ "$code" = 64 ] && grep -q -- "--instructions needs --issue13" "$tmp/instr2.err" ||
    fail "--instructions without --issue13: exit $code, $(cat "$tmp/instr2.err")"
fi
code=0
"$here/run" --sizes 1k,10k --issue13 --growth-only --growth-settle soon \
  --workdir "$tmp/settle" --out "$tmp/settle.md" >/dev/null 2>"$tmp/settle.err" || code=$?
[ "$code" = 64 ] && grep -q "growth-settle takes whole seconds, not 'soon'" "$tmp/settle.err" ||
  fail "--growth-settle soon: exit $code, $(cat "$tmp/settle.err")"
grep -q '^| entente export -f ntriples | ' "$tmp/growth.md" &&
  fail "--growth-only measured the exports it should skip"
# The site benchmark (issue 14) at small sizes: its table and checks.
ENTENTE="$ENTENTE" "$here/site" --sizes 300,600 --quick --out "$tmp/site.md" >/dev/null ||
  fail "tests/bench/site failed"
grep -q '^| gen 600 | 600 | [0-9]' "$tmp/site.md" || fail "no site row in the site results"
grep -Eq '^- (met|NOT met): the site of data/ in under 5 s' "$tmp/site.md" ||
  fail "no corpus check in the site results"
echo "bench smoke: ok"
