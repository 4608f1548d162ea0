#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Limits and hostile values a probe found: terminal escapes in what entente
# prints, IRIs checked per RFC 3987, --base a usage error, a failed render
# an error (never an empty file), a huge literal drawn quickly with its
# label capped, running out of memory said (exit 70, no file), killed
# helpers of a -j run, and the layout child gone with a killed parent.
set -euo pipefail
: "${ENTENTE:?run through ctest}"
: "${ENTENTE_SRC:?run through ctest}"
tmp=$(mktemp -d)
cleanup() {
  pkill -KILL -f "$tmp/" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
scale=${ENT_TIME_SCALE:-1}
minimal="$ENTENTE_SRC/tests/good/minimal.xml"
cp "$ENTENTE_SRC/tests/good/minimal.txt" "$tmp/"

run() {
  set +e
  "$ENTENTE" "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  set -e
}
no_raw_controls() {
  ! LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]' "$tmp/err" ||
    fail "$1: raw control characters reached stderr: $(cat -v "$tmp/err")"
  local c
  for c in $'\xe2\x80\xaa' $'\xe2\x80\xab' $'\xe2\x80\xac' $'\xe2\x80\xad' $'\xe2\x80\xae' $'\xe2\x81\xa6' $'\xe2\x81\xa7' $'\xe2\x81\xa8' $'\xe2\x81\xa9'; do
    ! grep -qF "$c" "$tmp/err" || fail "$1: a raw bidi control reached stderr: $(cat -v "$tmp/err")"
  done
}

# ---- Terminal escapes --------------------------------------------------
run validate "$tmp/"$'\e[31mred\a\xe2\x80\xaegnp.xml'
[ "$rc" = 66 ] || fail "missing file with escapes in its name: exit $rc"
grep -qF '\x1B[31mred\x07\u202Egnp.xml' "$tmp/err" || fail "the path is not shown escaped: $(cat -v "$tmp/err")"
no_raw_controls "a path"
sed 's/id="umerov"/id="umerov\xe2\x80\xaeevil"/' "$minimal" >"$tmp/bidi-id.xml"
run validate "$tmp/bidi-id.xml"
[ "$rc" = 65 ] || fail "an ID with a bidi override: exit $rc"
no_raw_controls "an ID"
echo "ok: control and bidi characters in paths and IDs are escaped"

# ---- IRIs --------------------------------------------------------------
check_iri() { # IRI WHAT
  sed "s|base=\"https://example.org/id/\"|base=\"$1\"|" "$minimal" >"$tmp/iri.xml"
  run validate "$tmp/iri.xml"
  [ "$rc" = 65 ] || fail "dataset base $2: exit $rc, want 65"
  no_raw_controls "base $2"
  sed "s|<source id=\"report\"|<source id=\"report\" url=\"$1page\"|" "$minimal" >"$tmp/iri.xml"
  run validate "$tmp/iri.xml"
  [ "$rc" = 65 ] || fail "source url $2: exit $rc, want 65"
  grep -q "not an absolute IRI\|not a valid xsd:anyURI" "$tmp/err" || fail "source url $2: $(cat "$tmp/err")"
}
check_iri $'https://example.org/\xe2\x80\xaeexe.png/' "with U+202E"
check_iri 'https:/x/' "without a host"
check_iri 'https://example.org/%zz/' "with a bad percent-escape"
# White space and invisible format characters: RFC 3987 lets them through,
# but JSON-LD processors drop the statements of such an IRI.
check_iri $'https://example.org/a\xc2\xa0b/' "with a no-break space"
check_iri $'https://example.org/a\xe2\x80\xa8b/' "with a line separator"
check_iri $'https://example.org/a\xef\xbb\xbfb/' "with a byte-order mark"
check_iri $'https://example.org/a\xe2\x80\x8bb/' "with a zero-width space"
for base in 'https:/x/' $'https://example.org/\xe2\x80\xaex/' 'https://example.org/%zz/' 'https://example.org/no-slash'; do
  for cmd in export validate; do
    run "$cmd" "$minimal" --base "$base" -f ntriples
    [ "$cmd" = validate ] && run "$cmd" "$minimal" --base "$base"
    [ "$rc" = 64 ] || fail "$cmd --base '$base': exit $rc, want 64"
  done
done
echo "ok: IRIs with bidi controls, no host or bad escapes refused; a bad --base is a usage error"

# ---- A render that fails is an error, never an empty file ---------------
mkdir "$tmp/no-plugins"
GVBINDIR="$tmp/no-plugins" run export "$minimal" -f png -o "$tmp/r.png"
[ "$rc" = 70 ] || fail "render without Graphviz plugins: exit $rc, want 70"
[ ! -e "$tmp/r.png" ] || fail "a failed render left $(stat -c %s "$tmp/r.png") bytes"
grep -q "error" "$tmp/err" || fail "no error for a failed render: $(cat "$tmp/err")"
ls "$tmp" | grep -q '\.tmp-' && fail "a failed render left a temporary file"
echo "ok: a failed render exits 70 and writes nothing"

# ---- One huge literal: quick, capped, not an empty PNG ------------------
mb=100
[ "$scale" -ge 10 ] && mb=10 # valgrind
python3 - "$tmp/huge.ttl" "$mb" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write('<https://example.org/a> <http://schema.org/name> "')
    chunk = "word " * 200000
    for _ in range(int(sys.argv[2])):
        f.write(chunk)
    f.write('" .\n<https://example.org/a> <http://schema.org/knows> <https://example.org/b> .\n')
PY
start=$(date +%s)
run dot "$tmp/huge.ttl" -f png -o "$tmp/huge.png"
took=$(($(date +%s) - start))
[ "$rc" = 0 ] || fail "a ${mb} MB literal to PNG: exit $rc: $(head -c 2000 "$tmp/err")"
[ -s "$tmp/huge.png" ] || fail "a ${mb} MB literal gave an empty PNG"
[ "$took" -lt $((60 * scale)) ] || fail "a ${mb} MB literal took $took s"
run dot "$tmp/huge.ttl" -f svg -o "$tmp/huge.svg"
[ "$rc" = 0 ] || fail "a ${mb} MB literal to SVG: exit $rc"
[ "$(stat -c %s "$tmp/huge.svg")" -lt 200000 ] || fail "the label is not capped: $(stat -c %s "$tmp/huge.svg") bytes of SVG"
grep -q '…' "$tmp/huge.svg" || fail "the capped label has no ellipsis"
echo "ok: a ${mb} MB literal is drawn in ${took} s with its label capped"

# ---- The time limit covers the whole diagram step ------------------------
"$ENTENTE_SRC/tests/bench/gen" 3000 "$tmp/g.xml"
# A dot layout of thousands of nodes takes far more than a second: stopped
# (whichever step it is in), exit 70, the reason said, no file left.
start=$(date +%s)
rc=0
"$ENTENTE" export "$tmp/g.xml" -w -f svg --engine dot --max-nodes 5000 \
  --time-limit 1 -o "$tmp/late.svg" 2>"$tmp/err" || rc=$?
took=$(($(date +%s) - start))
[ "$rc" = 70 ] || fail "a diagram past --time-limit 1: exit $rc: $(cat "$tmp/err")"
grep -q 'the diagram took more than its 1 seconds and was stopped while' "$tmp/err" ||
  fail "the time limit is not said: $(cat "$tmp/err")"
[ ! -e "$tmp/late.svg" ] || fail "a stopped diagram left its file"
[ "$took" -lt $((30 * scale)) ] || fail "a 1-second limit stopped the diagram after $took s"
"$ENTENTE" export "$tmp/g.xml" -f svg --time-limit 0 -o "$tmp/late.svg" 2>"$tmp/err" && fail "--time-limit 0 accepted"
grep -q -- '--time-limit takes seconds' "$tmp/err" || fail "--time-limit 0: $(cat "$tmp/err")"
echo "ok: a diagram past its time limit is stopped in $took s"

# ---- The node cap is said on stderr and in the drawing -------------------
"$ENTENTE" export "$tmp/g.xml" -f svg -o "$tmp/capped.svg" 2>"$tmp/err" ||
  fail "the capped diagram: $(cat "$tmp/err")"
grep -Eq "the diagram is capped, showing 150 of the view's [0-9,]+ nodes; [0-9,]+ left out \(--max-nodes 150\)" "$tmp/err" ||
  fail "the cap is not said on stderr: $(cat "$tmp/err")"
grep -Eq "Showing 150 of the view&#39;s [0-9,]+ nodes|Showing 150 of the view's [0-9,]+ nodes" "$tmp/capped.svg" ||
  fail "the cap is not said in the drawing"
echo "ok: the node cap is said on stderr and in the drawing"

# ---- A temporary file that cannot be mapped: said, with what to do -------
# A push of every graph reads its statements back by graph from a mapped
# temporary file, before it connects (nothing listens on port 1 here).
if [ -n "${ENT_NO_MMAP_SHIM:-}" ]; then
  set +e
  LD_PRELOAD="$ENT_NO_MMAP_SHIM" TMPDIR="$tmp" "$ENTENTE" push "$minimal" \
    --store http://127.0.0.1:1/store >"$tmp/out" 2>"$tmp/err"
  rc=$?
  set -e
  [ "$rc" = 74 ] || fail "an unmappable temporary file: exit $rc, want 74 (EX_IOERR): $(cat "$tmp/err")"
  grep -qF "temporary file in $tmp cannot be read back: No such device; set TMPDIR" "$tmp/err" ||
    fail "an unmappable temporary file: the message does not name the directory and TMPDIR: $(cat "$tmp/err")"
  ! grep -q "127.0.0.1" "$tmp/err" || fail "an unmappable temporary file: the push tried to connect: $(cat "$tmp/err")"
  [ -z "$(find "$tmp" -maxdepth 1 \( -name '*.tmp-*' -o -name 'entente-*' \))" ] ||
    fail "an unmappable temporary file: files left behind: $(ls "$tmp")"
  echo "ok: a temporary file that cannot be mapped is an error that names TMPDIR"
else
  echo "note: no mmap shim in this build (sanitizers, valgrind): skipped"
fi

# ---- Out of memory is said -----------------------------------------------
# Every allocation of 256 KB or more fails (a shim, plain build only): the
# run stops with exit 70 and says why, once, and writes no file.  (Such a
# status used to come back up with no message at all.)
if [ -n "${ENT_BIG_ALLOC_SHIM:-}" ]; then
  mkdir "$tmp/oom"
  for args in "validate" "export -f dot -o $tmp/oom/g.dot" \
    "export -f svg -o $tmp/oom/g.svg" "export -f turtle -o $tmp/oom/g.ttl" \
    "export -f rdfxml -o $tmp/oom/g.rdf" "export -f trig -O $tmp/oom" \
    "export -f trig -j 2 -O $tmp/oom"; do
    set +e
    # shellcheck disable=SC2086 # the words of $args are the arguments
    ENT_FAIL_ALLOC_FROM=262144 LD_PRELOAD="$ENT_BIG_ALLOC_SHIM" \
      "$ENTENTE" $args "$tmp/g.xml" "$minimal" -w >"$tmp/out" 2>"$tmp/err"
    rc=$?
    set -e
    [ "$rc" = 70 ] || fail "out of memory ($args): exit $rc, want 70: $(cat "$tmp/err")"
    case $args in
      *-j*) said='^entente: error: worker 1 of 2: out of memory; try a lower -j, or give entente more memory$' ;;
      *turtle* | *trig*) said='^entente: error: out of memory; give entente more memory or fewer datasets at once$' ;;
      validate) said='^entente: error: out of memory; give entente more memory or fewer datasets at once$' ;;
      *) said='^entente: error: out of memory; give entente more memory or fewer datasets at once \(RDF in a streamed format' ;;
    esac
    [ "$(grep -Ec "$said" "$tmp/err")" = 1 ] ||
      fail "out of memory ($args): not said once as /$said/: $(cat "$tmp/err")"
    # Nothing else: what fails for want of memory after it is no error of
    # the data ("source 'report' is not defined" in the second dataset,
    # before the loader stopped at the first failed allocation).
    [ "$(wc -l <"$tmp/err")" = 1 ] ||
      fail "out of memory ($args): more than the one line: $(cat "$tmp/err")"
    [ -z "$(ls -A "$tmp/oom")" ] || fail "out of memory ($args): files left: $(ls -A "$tmp/oom")"
  done
  # dot reads one RDF file, and says so.
  "$ENTENTE" export -f turtle -w "$tmp/g.xml" "$minimal" -o "$tmp/g.ttl"
  set +e
  ENT_FAIL_ALLOC_FROM=262144 LD_PRELOAD="$ENT_BIG_ALLOC_SHIM" \
    "$ENTENTE" dot -f svg "$tmp/g.ttl" -o "$tmp/oom/g.svg" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  set -e
  [ "$rc" = 70 ] || fail "out of memory (dot): exit $rc, want 70: $(cat "$tmp/err")"
  [ "$(grep -Ec '^entente: error: out of memory; give entente more memory or draw a smaller RDF file$' "$tmp/err")" = 1 ] ||
    fail "out of memory (dot): not said once: $(cat "$tmp/err")"
  [ -z "$(ls -A "$tmp/oom")" ] || fail "out of memory (dot): files left: $(ls -A "$tmp/oom")"
  # Smaller allocations fail: reading a directory of datasets (scandir),
  # the built-in ontology (raptor says "Out of memory" as an error of the
  # ontology: exit 78 before), anything.  Each is said once, exit 70.
  mkdir "$tmp/dir"
  cp "$minimal" "$tmp/dir/"
  for from in 4096 32768 65536; do
    set +e
    ENT_FAIL_ALLOC_FROM=$from LD_PRELOAD="$ENT_BIG_ALLOC_SHIM" \
      "$ENTENTE" validate -w "$tmp/dir" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    set -e
    [ "$rc" = 70 ] || fail "out of memory (allocations from $from bytes): exit $rc, want 70: $(cat "$tmp/err")"
    [ "$(grep -Ec '^entente: error: out of memory; give entente more memory' "$tmp/err")" = 1 ] &&
      [ "$(wc -l <"$tmp/err")" = 1 ] ||
      fail "out of memory (allocations from $from bytes): not said once, alone: $(cat "$tmp/err")"
  done
  # push holds the datasets' graphs while it sends them, and says so.
  set +e
  ENT_FAIL_ALLOC_FROM=262144 LD_PRELOAD="$ENT_BIG_ALLOC_SHIM" \
    "$ENTENTE" push --dry-run "$tmp/g.xml" "$minimal" \
    --store http://127.0.0.1:1/store >"$tmp/out" 2>"$tmp/err"
  rc=$?
  set -e
  [ "$rc" = 70 ] || fail "out of memory (push): exit $rc, want 70: $(cat "$tmp/err")"
  [ "$(grep -Ec '^entente: error: out of memory; give entente more memory or push fewer datasets at once$' "$tmp/err")" = 1 ] ||
    fail "out of memory (push): not said once: $(cat "$tmp/err")"
  # The same runs with room succeed: the limit, not the data, failed them.
  ENT_FAIL_ALLOC_FROM=$((256 << 20)) LD_PRELOAD="$ENT_BIG_ALLOC_SHIM" \
    "$ENTENTE" export -f dot -w "$tmp/g.xml" "$minimal" -o "$tmp/oom/g.dot" ||
    fail "a diagram with 256 MB allocations allowed failed"
  echo "ok: running out of memory is said, and leaves no file"
else
  echo "note: no allocation shim in this build (sanitizers, valgrind): skipped"
fi

# ---- Killed helpers of a -j run ------------------------------------------
# The kernel kills a process that runs the machine out of memory.  A killed
# worker fails the run (70), which says which one died of what and writes
# no file; a killed janitor (the child that cleans up after a killed run,
# its stderr on /dev/null) leaves a run that commits its files and exits 0
# (it used to die of SIGPIPE, 141, after committing).
"$ENTENTE_SRC/tests/bench/gen" 10000 "$tmp/w1.xml"
"$ENTENTE_SRC/tests/bench/gen" 10001 "$tmp/w2.xml"
for victim in worker janitor; do
  rm -rf "$tmp/jobs"
  mkdir "$tmp/jobs"
  "$ENTENTE" export -q -w -f trig -j 2 -O "$tmp/jobs" "$tmp/w1.xml" "$tmp/w2.xml" 2>"$tmp/jobs.err" &
  pid=$!
  child=""
  for _ in $(seq 1 $((200 * scale))); do
    for c in $(pgrep -P "$pid"); do
      if [ "$(readlink "/proc/$c/fd/2" 2>/dev/null)" = /dev/null ]; then
        [ "$victim" = janitor ] && child=$c
      elif [ "$victim" = worker ]; then
        child=$c
      fi
    done
    [ -n "$child" ] && break
    sleep 0.02
  done
  if [ -z "$child" ] || ! kill -KILL "$child" 2>/dev/null; then
    wait "$pid" || true
    echo "note: the run was over before its $victim could be killed"
    continue
  fi
  set +e
  wait "$pid"
  rc=$?
  set -e
  if [ "$victim" = worker ]; then
    [ "$rc" = 70 ] || fail "a killed worker: exit $rc, want 70: $(cat "$tmp/jobs.err")"
    grep -Eq '^entente: error: worker [12] of 2 was killed by signal 9 \(Killed\); if the machine ran out of memory, try a lower -j$' "$tmp/jobs.err" ||
      fail "a killed worker is not said: $(cat "$tmp/jobs.err")"
    [ -z "$(ls -A "$tmp/jobs")" ] || fail "a killed worker left files: $(ls -A "$tmp/jobs")"
    echo "ok: a killed -j worker is said, and leaves no file"
  else
    [ "$rc" = 0 ] || fail "a killed janitor: exit $rc, want 0: $(cat "$tmp/jobs.err")"
    [ -s "$tmp/jobs/w1.trig" ] && [ -s "$tmp/jobs/w2.trig" ] ||
      fail "a killed janitor: the outputs are missing: $(ls -A "$tmp/jobs")"
    echo "ok: a killed janitor leaves a run that commits"
  fi
done

# ---- The layout child dies with its parent ------------------------------
"$ENTENTE" export "$tmp/g.xml" -q -w -f svg --max-nodes 2000 -o "$tmp/g.svg" &
pid=$!
# Wait until the layout child runs (two processes on this command line).
for _ in $(seq 1 $((200 * scale))); do
  [ "$(pgrep -f "$tmp/g.svg" | wc -l)" -ge 2 ] && break
  sleep 0.05
done
[ "$(pgrep -f "$tmp/g.svg" | wc -l)" -ge 2 ] || { wait $pid || true; echo "note: the layout was over before it could be caught"; exit 0; }
kill -KILL $pid
wait $pid 2>/dev/null || true
for _ in $(seq 1 $((100 * scale))); do
  pgrep -f "$tmp/g.svg" >/dev/null || break
  sleep 0.1
done
! pgrep -f "$tmp/g.svg" >/dev/null || fail "the layout child outlived its killed parent: $(pgrep -af "$tmp/g.svg")"
[ ! -e "$tmp/g.svg" ] || fail "a killed export left g.svg"
echo "ok: the layout child dies with its parent"

# A quote the text nearly holds, over and over ('a a a ... b' against a
# text of 'a a a ...'): found missing in time linear in the lengths.  The
# search was glibc's strstr(), quadratic on such input: some 27 s a quote
# here, ten quotes minutes; memmem() takes milliseconds.  The limit is
# generous, for a busy machine: it only stops a hang.
python3 - "$minimal" "$tmp/nearly.xml" "$tmp/nearly.txt" <<'PY'
import re, sys
src = open(sys.argv[1], encoding="utf-8").read()
quote = "a " * 10000 + "b"
quotes = "".join(
    '    <quote id="nearly-%d" speaker="umerov" concerns="talks">%s</quote>\n'
    % (i, quote) for i in range(10))
src = src.replace('text="minimal.txt"', 'text="nearly.txt"')
src = re.sub(r'(    <quote id="umerov-peace"[^\n]*\n)', lambda m: m.group(1) + quotes, src)
open(sys.argv[2], "w", encoding="utf-8").write(src)
open(sys.argv[3], "w", encoding="utf-8").write("a " * 5000000)
PY
grep -q 'id="nearly-9"' "$tmp/nearly.xml" || fail "nearly: the test's edit did not apply"
set +e
timeout $((120 * scale)) "$ENTENTE" validate "$tmp/nearly.xml" >/dev/null 2>"$tmp/err"
rc=$?
set -e
[ "$rc" != 124 ] || fail "ten nearly-matching quotes against a 10 MB text took over $((120 * scale)) s"
[ "$rc" = 65 ] && [ "$(grep -c "quote 'nearly-[0-9]' does not appear verbatim" "$tmp/err")" = 10 ] ||
  fail "nearly-matching quotes: exit $rc, $(head -c 600 "$tmp/err")"
echo "ok: quotes are searched for in linear time"

# A source's text over its 64 MiB cap is said at the source, with its ID
# and the cap (a sparse file: no disk used).
mkdir "$tmp/bigtext"
cp "$minimal" "$tmp/bigtext/d.xml"
truncate -s 70M "$tmp/bigtext/minimal.txt"
set +e
"$ENTENTE" validate "$tmp/bigtext/d.xml" >/dev/null 2>"$tmp/err"
rc=$?
set -e
[ "$rc" = 66 ] && grep -q "d.xml:[0-9]*:[0-9]*: error: the text of source 'report' (.*minimal.txt) is 73400320 bytes, more than the 67108864 (64 MiB) a source's text may have" "$tmp/err" ||
  fail "a text over the cap: exit $rc, $(cat "$tmp/err")"
echo "ok: a source's text over its cap is said at the source"
