#!/usr/bin/env bash
# --threads: a streaming N-Triples / N-Quads export serialized in a second
# thread writes the same bytes as one thread, to a file and to standard
# output, over one dataset and over many; a failure in the middle of the
# stream (an unknown reference near the end, a full device) is reported
# the same way and leaves no file.
set -euo pipefail
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# Big enough for many of the writer's batches (256 KiB each).
/usr/bin/python3 "$ENTENTE_SRC/tests/bench/gen" 1500 "$tmp/big.xml"
data="$ENTENTE_SRC/data" # the corpus: its registry, then its articles
for f in ntriples nquads; do
  for t in 1 2; do
    "$ENTENTE" export --threads "$t" -f "$f" "$tmp/big.xml" -o "$tmp/big.$t.$f"
    "$ENTENTE" export --threads "$t" -f "$f" "$tmp/big.xml" \
      "$ENTENTE_SRC/tests/good/features.xml" >"$tmp/two.$t.$f" 2>/dev/null
    "$ENTENTE" export --threads "$t" -f "$f" -w "$data" >"$tmp/corpus.$t.$f"
  done
  cmp -s "$tmp/corpus.1.$f" "$tmp/corpus.2.$f" || fail "$f, the corpus: --threads 2 differs from --threads 1"
  [ "$(stat -c %s "$tmp/big.1.$f")" -gt 1500000 ] || fail "$f: the generated export is too small to test batches"
  cmp -s "$tmp/big.1.$f" "$tmp/big.2.$f" || fail "$f: --threads 2 wrote different bytes from --threads 1"
  cmp -s "$tmp/two.1.$f" "$tmp/two.2.$f" || fail "$f, two datasets to stdout: --threads 2 differs from --threads 1"
  # The default (two threads on a machine with two cores) is the same too.
  "$ENTENTE" export -f "$f" "$tmp/big.xml" -o "$tmp/big.default.$f"
  cmp -s "$tmp/big.1.$f" "$tmp/big.default.$f" || fail "$f: the default differs from --threads 1"
done

# An unknown reference in the last element: found while writing, after
# most statements went to the writer thread.
python3 - "$tmp/big.xml" "$tmp/badref.xml" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
last = list(re.finditer(r'responsible="[^"]*"', text))[-1]
text = text[:last.start()] + 'responsible="nobody-here"' + text[last.end():]
open(sys.argv[2], "w", encoding="utf-8").write(text)
PY
for t in 1 2; do
  set +e
  "$ENTENTE" export --threads "$t" -f ntriples "$tmp/badref.xml" -o "$tmp/bad.$t.nt" 2>"$tmp/err.$t"
  rc=$?
  set -e
  [ "$rc" = 65 ] || fail "--threads $t, unknown reference: exit $rc, want 65"
  [ ! -e "$tmp/bad.$t.nt" ] || fail "--threads $t, unknown reference: the output file was written"
  grep -q "badref.xml:[0-9]*:[0-9]*: error: responsible 'nobody-here' is not defined" "$tmp/err.$t" ||
    fail "--threads $t, unknown reference: $(cat "$tmp/err.$t")"
  [ -z "$(ls -A "$tmp" | grep '\.tmp-')" ] || fail "--threads $t left a temporary file"
done
cmp -s "$tmp/err.1" "$tmp/err.2" || fail "the two thread counts report differently"

# A full device: the reason, from the thread that writes, reaches stderr.
if [ -w /dev/full ]; then
  for t in 1 2; do
    set +e
    "$ENTENTE" export --threads "$t" -f nquads "$tmp/big.xml" >/dev/full 2>"$tmp/full.$t"
    rc=$?
    set -e
    [ "$rc" = 74 ] || fail "--threads $t to /dev/full: exit $rc, want 74"
    grep -q "writing the output failed: No space left on device" "$tmp/full.$t" ||
      fail "--threads $t to /dev/full: $(cat "$tmp/full.$t")"
  done
fi

# Only 1 or 2.
for bad in 0 3 two; do
  set +e
  "$ENTENTE" export --threads "$bad" -f ntriples "$data" >/dev/null 2>"$tmp/usage"
  rc=$?
  set -e
  [ "$rc" = 64 ] || fail "--threads $bad: exit $rc, want 64"
  grep -q "threads takes 1 or 2" "$tmp/usage" || fail "--threads $bad: $(head -1 "$tmp/usage")"
done
echo "threads: identical bytes with 1 and 2 threads; failures reported alike"
