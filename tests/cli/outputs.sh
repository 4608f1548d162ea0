#!/usr/bin/env bash
# Usage: outputs.sh files|kills|races (run by test_outputs_*.sh: three
# shards, so that each stays well inside its timeout on a busy machine).
# Outputs a user can rely on: an -O set appears whole or not at all, a run
# killed at any point leaves no file and no process behind, the files of a
# set match its manifest even when runs race, open files stay bounded,
# replaced files keep their mode, read-only and hard-linked targets are
# refused, -o temporaries of killed runs are removed by the next run.
set -euo pipefail
tmp=$(mktemp -d)
cleanup() {
  pkill -KILL -f "$tmp/" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
scale=${ENT_TIME_SCALE:-1}
section=${1:?usage: outputs.sh files|kills|races}

# Every row of DIR/manifest.tsv names a file whose checksum matches, and
# every .nq/.nt file in DIR is in it.
consistent() {
  local dir=$1
  [ -f "$dir/manifest.tsv" ] || { echo "no manifest.tsv in $dir: $(ls -A "$dir")"; return 1; }
  awk -F'\t' '!/^#/ { print $4 "  " $1 }' "$dir/manifest.tsv" >"$tmp/check.sha"
  (cd "$dir" && sha256sum --quiet --strict -c "$tmp/check.sha") ||
    { echo "files of $dir do not match its manifest"; return 1; }
  local listed present
  listed=$(awk -F'\t' '!/^#/ && $1 ~ /\.nq$/ { print $1 }' "$dir/manifest.tsv" | sort -u)
  present=$(cd "$dir" && ls | grep '\.nq$' | sort || true)
  [ "$listed" = "$present" ] || { echo "files of $dir not in its manifest: $(comm -13 <(echo "$listed") <(echo "$present"))"; return 1; }
}

# No process of a run into DIR is left (the clean-up helper finishes
# quickly once the run is gone; allow for a busy machine).
no_processes() {
  local dir=$1
  for _ in $(seq 1 $((100 * scale))); do
    pgrep -f "$dir( |$)" >/dev/null || return 0
    sleep 0.1
  done
  echo "still running: $(pgrep -af "$dir( |$)")"
  return 1
}

# Wait until another process holds the lock on FILE.
wait_locked() {
  for _ in $(seq 1 $((100 * scale))); do
    flock -n "$1" true 2>/dev/null || return 0
    sleep 0.05
  done
  fail "nobody took the lock on $1"
}

no_leftovers() {
  local dir=$1
  local left
  left=$(ls -A "$dir" | grep -E '^\.entente-|\.tmp-' || true)
  [ -z "$left" ] || { echo "left behind in $dir: $left"; return 1; }
}

# ---- Bounded open files: 1,000 datasets, two formats, ulimit -n 256 ------
many=1000
# Sanitizers and valgrind: fewer (300 outputs still exceed 256 files).
[ "$scale" -ge 4 ] && many=150
# The other sections need only a few small datasets.
[ "$section" = files ] || many=3
mkdir "$tmp/many" "$tmp/many-out"
cp "$ENTENTE_SRC/tests/good/minimal.txt" "$tmp/many/"
for i in $(seq -f '%04g' 1 $many); do
  sed "s/id=\"minimal\"/id=\"m$i\"/" "$ENTENTE_SRC/tests/good/minimal.xml" >"$tmp/many/d$i.xml"
done
if [ "$section" = files ]; then
(ulimit -n 256; "$ENTENTE" export "$tmp/many" -q -f nquads,turtle -O "$tmp/many-out") ||
  fail "$many datasets under ulimit -n 256: exit $?"
[ "$(ls "$tmp/many-out" | wc -l)" = $((2 * many + 1)) ] || fail "$many datasets: $(ls "$tmp/many-out" | wc -l) files"
consistent "$tmp/many-out" || fail "$many datasets: inconsistent set"
(ulimit -n 256; "$ENTENTE" export "$tmp/many" -q -j 2 -f nquads -O "$tmp/many-out") ||
  fail "$many datasets, -j 2, under ulimit -n 256: exit $?"
echo "ok: $many datasets in two formats under ulimit -n 256"
fi

if [ "$section" != files ]; then

# ---- Killed runs: nothing left, nothing running, the set whole ----------
# Datasets big enough that a run lasts most of a second (longer under the
# sanitizers and valgrind, where the delays below grow with the scale).
mkdir "$tmp/big"
for i in 1 2 3 4; do
  "$ENTENTE_SRC/tests/bench/gen" 1200 "$tmp/big/g$i.xml" --seed=$i --prefix=g$i-
done
# Each run into out-A writes files with the same names; datasets of the
# second kind differ, so the old set and the new one differ in every file.
mkdir "$tmp/big2"
for i in 1 2 3 4; do
  "$ENTENTE_SRC/tests/bench/gen" 1200 "$tmp/big2/g$i.xml" --seed=$((i + 10)) --prefix=g$i-
done
fi

if [ "$section" = kills ]; then
out="$tmp/out-A"
mkdir "$out"
"$ENTENTE" export "$tmp/big" -q -w -f nquads,turtle -O "$out"
consistent "$out" || fail "first run"
old_manifest=$(cat "$out/manifest.tsv")
# signal, delay (seconds at scale 1), jobs: early (loading), middle
# (writing), late (committing), with and without workers.
combos="KILL 0.05 1
KILL 0.3 2
KILL 0.55 1
TERM 0.3 1
TERM 0.15 2
INT 0.45 2"
# valgrind: every run takes half a minute; three kills still cover each
# signal.
[ "$scale" -ge 10 ] && combos=$(printf 'KILL 0.3 2\nTERM 0.3 1\nINT 0.45 2')
while read -r signal delay jobs; do
  "$ENTENTE" export "$tmp/big2" -q -w -j "$jobs" -f nquads,turtle -O "$out" &
  pid=$!
  sleep "$(awk -v d="$delay" -v s="$scale" 'BEGIN { print d * s }')"
  kill -s "$signal" $pid 2>/dev/null || true
  wait $pid 2>/dev/null || true
  what="SIG$signal after ${delay}s x $scale, -j $jobs"
  no_processes "$out" || fail "$what: processes left"
  no_leftovers "$out" || fail "$what"
  consistent "$out" || fail "$what: inconsistent set"
  # Back to the first set, so that every kill interrupts a change.
  if [ "$(cat "$out/manifest.tsv")" != "$old_manifest" ]; then
    "$ENTENTE" export "$tmp/big" -q -w -f nquads,turtle -O "$out"
  fi
done <<<"$combos"
echo "ok: SIGKILL, SIGTERM, SIGINT at several points (with and without -j) leave a whole set, no scratch, no process"

# The whole process group killed (the clean-up helper too): the next run
# removes what is left.
setsid "$ENTENTE" export "$tmp/big2" -q -w -j 2 -f nquads,turtle -O "$out" &
pid=$!
sleep "$(awk -v s="$scale" 'BEGIN { print 0.3 * s }')"
kill -KILL -- -$pid 2>/dev/null || true
wait $pid 2>/dev/null || true
no_processes "$out" || fail "group kill: processes left"
"$ENTENTE" export "$tmp/many/d0001.xml" -q -f turtle -O "$out"
no_leftovers "$out" || fail "the next run did not clean up after a killed process group"
consistent "$out" || fail "after a killed process group"
echo "ok: a run whose helper was killed too is cleaned up by the next run"

# A commit interrupted half-way (journal written, some files moved, the
# old manifest already gone) is finished by the next run.
mkdir "$tmp/half"
echo old >"$tmp/half/a.nq"
scratch="$tmp/half/.entente-run-abcdef"
mkdir "$scratch"
printf 'new a\n' >"$scratch/a.nq"
printf 'new b\n' >"$tmp/half/b.nq" # moved before the crash
printf '# file\tgraph\tstatements\tsha256\na.nq\t-\t1\t%s\nb.nq\t-\t1\t%s\n' \
  "$(printf 'new a\n' | sha256sum | cut -d' ' -f1)" "$(printf 'new b\n' | sha256sum | cut -d' ' -f1)" \
  >"$scratch/manifest.tsv"
printf 'a.nq\nb.nq\nmanifest.tsv\n' >"$scratch/.entente-commit"
: >"$scratch/.entente-owner" # entente's own scratch says so
# A user's directories named like scratch ones, without the mark, are
# theirs: kept, with what is in them.
mkdir "$tmp/half/.entente-run-backup" "$tmp/half/.entente-run-x"
echo mine >"$tmp/half/.entente-run-backup/keep"
echo mine >"$tmp/half/.entente-run-x/keep"
"$ENTENTE" export "$tmp/many/d0001.xml" -q -f turtle -O "$tmp/half"
[ -f "$tmp/half/.entente-run-backup/keep" ] && [ -f "$tmp/half/.entente-run-x/keep" ] ||
  fail "a user's directory named like a scratch directory was removed"
rm -r "$tmp/half/.entente-run-backup" "$tmp/half/.entente-run-x"
no_leftovers "$tmp/half" || fail "interrupted commit not finished"
consistent "$tmp/half" || fail "interrupted commit: inconsistent"
[ "$(cat "$tmp/half/a.nq")" = "new a" ] || fail "interrupted commit was not rolled forward"
# A scratch directory of a run that is still going is left alone.
mkdir "$tmp/live" "$tmp/live/.entente-run-zzzzzz"
# (The lock is held by the sleeping process itself, so that killing it
# releases the lock and leaves nothing running.)
(exec 9<"$tmp/live/.entente-run-zzzzzz" && flock 9 && exec sleep $((30 * scale))) &
locker=$!
wait_locked "$tmp/live/.entente-run-zzzzzz"
"$ENTENTE" export "$tmp/many/d0001.xml" -q -f turtle -O "$tmp/live"
[ -d "$tmp/live/.entente-run-zzzzzz" ] || fail "the scratch directory of a live run was removed"
kill $locker 2>/dev/null || true
wait $locker 2>/dev/null || true
echo "ok: an interrupted commit is rolled forward; a live run's scratch is left alone"

fi

if [ "$section" = races ]; then
# Runs racing into one directory: whichever wins, the manifest matches.
out="$tmp/out-race"
mkdir "$out"
for round in 1 2 3; do
  "$ENTENTE" export "$tmp/big" -q -w -f nquads -O "$out" &
  a=$!
  "$ENTENTE" export "$tmp/big2" -q -w -f nquads -O "$out" &
  b=$!
  wait $a || fail "race round $round: first run failed"
  wait $b || fail "race round $round: second run failed"
  consistent "$out" || fail "race round $round"
  no_leftovers "$out" || fail "race round $round"
done
echo "ok: concurrent runs into one directory leave a consistent set"

# Many short runs starting together: one run's clean-up must never take
# another's fresh scratch directory for a dead run's (it did, 1 run in
# ~150, when the directory was made after the clean-up lock was dropped).
small="$tmp/many/d0001.xml"
out="$tmp/out-starts"
mkdir "$out"
rounds=25
[ "$scale" -ge 4 ] && rounds=4 # a sanitizer or valgrind run starts slowly
for round in $(seq 1 $rounds); do
  pids=()
  for _ in 1 2 3 4; do
    "$ENTENTE" export "$small" -q -w -f nquads -O "$out" &
    pids+=($!)
  done
  for p in "${pids[@]}"; do
    wait "$p" || fail "start race round $round: a run failed"
  done
done
consistent "$out" || fail "start race"
no_leftovers "$out" || fail "start race"
echo "ok: runs starting together into one directory all succeed"

# -o killed: no temporary file left (anonymous until it is renamed).
for delay in 0.1 0.4; do
  "$ENTENTE" export "$tmp/big2" -q -w -f turtle -o "$tmp/one.ttl" &
  pid=$!
  sleep "$(awk -v d="$delay" -v s="$scale" 'BEGIN { print d * s }')"
  kill -KILL $pid 2>/dev/null || true
  wait $pid 2>/dev/null || true
  no_leftovers "$tmp" || fail "-o killed after ${delay}s"
done
# A temporary file a killed run left (by an older entente, or killed
# between naming and renaming) is removed; one a live writer holds is not.
echo partial >"$tmp/x.ttl.tmp-a1b2c3"
echo partial >"$tmp/x.ttl.tmp-d4e5f6"
echo mine >"$tmp/x.ttl.tmp-202501" # a user's, named alike, without the mark
mark() { python3 -c 'import os, sys; os.setxattr(sys.argv[1], "user.entente.temporary", b"1")' "$1"; }
mark "$tmp/x.ttl.tmp-a1b2c3"
mark "$tmp/x.ttl.tmp-d4e5f6"
(exec 9<"$tmp/x.ttl.tmp-d4e5f6" && flock 9 && exec sleep $((30 * scale))) &
locker=$!
wait_locked "$tmp/x.ttl.tmp-d4e5f6"
"$ENTENTE" export "$tmp/many/d0001.xml" -q -f turtle -o "$tmp/x.ttl"
[ ! -e "$tmp/x.ttl.tmp-a1b2c3" ] || fail "stale temporary of -o not removed"
[ -e "$tmp/x.ttl.tmp-d4e5f6" ] || fail "a live writer's temporary was removed"
[ "$(cat "$tmp/x.ttl.tmp-202501")" = mine ] || fail "a user's file named like a temporary was removed"
rm -f "$tmp/x.ttl.tmp-202501"
kill $locker 2>/dev/null || true
wait $locker 2>/dev/null || true
rm -f "$tmp/x.ttl.tmp-d4e5f6"
echo "ok: -o leaves no temporary when killed; stale ones are removed"

# ---- Replacing files: mode kept, read-only and hard links refused -------
d="$tmp/modes"
mkdir "$d"
"$ENTENTE" export "$tmp/many/d0001.xml" -q -f nquads,turtle -O "$d"
chmod 0640 "$d/d0001.nq"
chmod 0600 "$d/manifest.tsv"
"$ENTENTE" export "$tmp/many/d0002.xml" "$tmp/many/d0001.xml" -q -f nquads,turtle -O "$d"
[ "$(stat -c %a "$d/d0001.nq")" = 640 ] || fail "-O: mode 0640 became $(stat -c %a "$d/d0001.nq")"
[ "$(stat -c %a "$d/manifest.tsv")" = 600 ] || fail "-O: manifest mode 0600 became $(stat -c %a "$d/manifest.tsv")"
[ "$(stat -c %a "$d/d0002.nq")" = "$(printf '%o' $((0666 & ~$(umask))))" ] ||
  fail "-O: a new file has mode $(stat -c %a "$d/d0002.nq")"
echo x >"$tmp/m.ttl"
chmod 0600 "$tmp/m.ttl"
"$ENTENTE" export "$tmp/many/d0001.xml" -q -f turtle -o "$tmp/m.ttl"
[ "$(stat -c %a "$tmp/m.ttl")" = 600 ] || fail "-o: mode 0600 became $(stat -c %a "$tmp/m.ttl")"
grep -q "schema" "$tmp/m.ttl" || fail "-o: not replaced"
# Read-only: refused, nothing changes (not even the other files of the set).
chmod 0444 "$d/d0001.ttl"
before=$(sha256sum "$d"/* | sha256sum)
set +e
"$ENTENTE" export "$tmp/many/d0003.xml" "$tmp/many/d0001.xml" -q -f nquads,turtle -O "$d" 2>"$tmp/err"
rc=$?
set -e
[ "$rc" = 74 ] || fail "-O over a read-only file: exit $rc"
grep -q "d0001.ttl: error: is read-only" "$tmp/err" || fail "read-only message: $(cat "$tmp/err")"
[ "$(sha256sum "$d"/* | sha256sum)" = "$before" ] || fail "-O over a read-only file changed the directory"
[ ! -e "$d/d0003.nq" ] || fail "-O over a read-only file wrote part of the set"
no_leftovers "$d" || fail "read-only refusal"
chmod 0444 "$tmp/m.ttl"
set +e
"$ENTENTE" export "$tmp/many/d0001.xml" -q -f turtle -o "$tmp/m.ttl" 2>"$tmp/err"
rc=$?
set -e
[ "$rc" = 74 ] && grep -q "is read-only" "$tmp/err" || fail "-o over a read-only file: exit $rc, $(cat "$tmp/err")"
chmod 0644 "$tmp/m.ttl" "$d/d0001.ttl"
# Hard links: refused rather than broken.
ln "$tmp/m.ttl" "$tmp/m-link.ttl"
set +e
"$ENTENTE" export "$tmp/many/d0001.xml" -q -f turtle -o "$tmp/m.ttl" 2>"$tmp/err"
rc=$?
set -e
[ "$rc" = 74 ] && grep -q "other hard links" "$tmp/err" || fail "-o over a hard link: exit $rc, $(cat "$tmp/err")"
[ "$(stat -c %h "$tmp/m.ttl")" = 2 ] || fail "hard link broken"
echo "ok: modes kept; read-only and hard-linked targets refused, nothing changed"

# ---- Devices, pipes and long names ---------------------------------------
# /dev/null and a named pipe are written as they are (nothing to replace);
# a name of 251 bytes, legal, is written though its temporary name is cut.
"$ENTENTE" export "$tmp/many/d0001.xml" -q -f nquads -o /dev/null || fail "-o /dev/null refused"
[ -c /dev/null ] || fail "/dev/null is no longer a device"
mkfifo "$tmp/pipe"
cat "$tmp/pipe" >"$tmp/piped.nq" &
reader=$!
"$ENTENTE" export "$tmp/many/d0001.xml" -q -f nquads -o "$tmp/pipe" || fail "-o a named pipe refused"
wait $reader
"$ENTENTE" export "$tmp/many/d0001.xml" -q -f nquads -o "$tmp/direct.nq"
cmp -s "$tmp/piped.nq" "$tmp/direct.nq" || fail "-o a named pipe: other bytes"
mkdir "$tmp/long"
# (on a file system whose names may have 255 bytes, as ext4 and tmpfs)
[ "$(getconf NAME_MAX "$tmp/long" 2>/dev/null || echo 0)" -ge 255 ] || echo "note: NAME_MAX under $tmp is below 255; the long name is not tried"
long="$tmp/long/$(printf 'n%.0s' $(seq 1 248)).nq"
if [ "$(getconf NAME_MAX "$tmp/long" 2>/dev/null || echo 0)" -ge 255 ]; then
  "$ENTENTE" export "$tmp/many/d0001.xml" -q -f nquads -o "$long" 2>"$tmp/err" || fail "a 251-byte name: $(cat "$tmp/err")"
  cmp -s "$long" "$tmp/direct.nq" && no_leftovers "$tmp/long" || fail "a 251-byte name: other bytes or a temporary left"
fi
# A descriptor already open is written where it points: 2>>log -o
# /dev/stderr appends to the log, it does not start it again.
echo old >"$tmp/app.log"
"$ENTENTE" export "$tmp/many/d0001.xml" -q -f nquads -o /dev/stderr 2>>"$tmp/app.log" || fail "-o /dev/stderr"
[ "$(head -n 1 "$tmp/app.log")" = old ] && tail -n +2 "$tmp/app.log" | cmp -s - "$tmp/direct.nq" ||
  fail "-o /dev/stderr into a log: $(head -n 2 "$tmp/app.log")"
# A symbolic link is replaced as any file is (its target is not written:
# following it would let a link in a shared directory aim the output at
# another user's file).
echo old >"$tmp/linked.nq"
ln -s linked.nq "$tmp/link.nq"
"$ENTENTE" export "$tmp/many/d0001.xml" -q -f nquads -o "$tmp/link.nq" || fail "-o a symbolic link"
[ ! -L "$tmp/link.nq" ] && cmp -s "$tmp/link.nq" "$tmp/direct.nq" && [ "$(cat "$tmp/linked.nq")" = old ] ||
  fail "-o a symbolic link: not replaced by the file, or its target written"
echo "ok: /dev/null, named pipes, /dev/stderr and 251-byte names are written; a link is replaced"

# ---- Names: two datasets that would write one file --------------------
mkdir -p "$tmp/S/a" "$tmp/S/b" "$tmp/S-out"
cp "$tmp/many/d0001.xml" "$tmp/S/a/news.xml"
sed 's/id="m0001"/id="other"/' "$tmp/many/d0001.xml" >"$tmp/S/b/news.xml"
cp "$tmp/many/minimal.txt" "$tmp/S/a/"
cp "$tmp/many/minimal.txt" "$tmp/S/b/"
for jobs in 1 2; do
  set +e
  "$ENTENTE" export "$tmp/S/a/news.xml" "$tmp/S/b/news.xml" -q -j $jobs -f nquads -O "$tmp/S-out" 2>"$tmp/err"
  rc=$?
  set -e
  [ "$rc" = 64 ] || fail "same-named datasets, -j $jobs: exit $rc"
  grep -q "would both be written" "$tmp/err" || fail "same-named datasets: $(cat "$tmp/err")"
  [ -z "$(ls -A "$tmp/S-out")" ] || fail "same-named datasets: files written"
done
echo "ok: datasets that would share an output name are refused before anything is written"
# A dataset named with a line break or a tab: its output's name cannot go
# in the set's journal or manifest.tsv (one name a line, tab-separated); it
# was dropped from the set, which was said written (exit 0).
mkdir -p "$tmp/N" "$tmp/N-out"
cp "$tmp/many/d0001.xml" "$tmp/N/ok.xml"
cp "$tmp/many/minimal.txt" "$tmp/N/"
for bad in $'new\nline' $'tab\tbed'; do
  sed "s/id=\"m0001\"/id=\"other\"/" "$tmp/many/d0001.xml" >"$tmp/N/$bad.xml"
  for jobs in 1 2; do
    set +e
    "$ENTENTE" export "$tmp/N/ok.xml" "$tmp/N/$bad.xml" -q -j $jobs -f nquads -O "$tmp/N-out" 2>"$tmp/err"
    rc=$?
    set -e
    [ "$rc" = 64 ] && grep -q "cannot be the name of an output file: it holds a line break, a tab" "$tmp/err" ||
      fail "a dataset named with a control character, -j $jobs: exit $rc, $(cat "$tmp/err")"
    [ -z "$(ls -A "$tmp/N-out")" ] || fail "a dataset named with a control character: files written: $(ls -A "$tmp/N-out")"
  done
  rm "$tmp/N/$bad.xml"
done
echo "ok: datasets named with a line break or a tab are refused, nothing written"

# ---- Inputs are never replaced or removed ---------------------------------
# Whatever the run read (the ontology, a source's text, a dataset under
# another name, a dataset inside the site it replaces) is not an output's
# to replace: refused, exit 74, the file as it was, nothing written.
mkdir "$tmp/in"
cp "$tmp/many/d0001.xml" "$tmp/many/minimal.txt" "$tmp/in/"
"$ENTENTE" ontology >"$tmp/in/ont.ttl"
refused() { # WHAT FILE COMMAND...
  local what=$1 file=$2 before rc=0
  shift 2
  before=$(sha256sum <"$file")
  "$@" -q 2>"$tmp/err" || rc=$?
  [ "$rc" = 74 ] && grep -q "this run read the file" "$tmp/err" || fail "$what: exit $rc, $(cat "$tmp/err")"
  [ "$(sha256sum <"$file")" = "$before" ] || fail "$what: the input was replaced"
}
refused "-o its ontology" "$tmp/in/ont.ttl" \
  "$ENTENTE" export "$tmp/in/d0001.xml" --ontology "$tmp/in/ont.ttl" -f turtle -o "$tmp/in/ont.ttl"
refused "-o a source's text" "$tmp/in/minimal.txt" \
  "$ENTENTE" export "$tmp/in/d0001.xml" -f ntriples -o "$tmp/in/minimal.txt"
cp "$tmp/in/d0001.xml" "$tmp/in/d0001.ttl"
refused "-O onto a dataset named like an output" "$tmp/in/d0001.ttl" \
  "$ENTENTE" export "$tmp/in/d0001.ttl" -f turtle -O "$tmp/in"
rm "$tmp/in/d0001.ttl"
"$ENTENTE" site "$tmp/in/d0001.xml" -q -O "$tmp/in/site"
cp "$tmp/in/d0001.xml" "$tmp/in/minimal.txt" "$tmp/in/site/"
refused "site over a site holding its dataset" "$tmp/in/site/d0001.xml" \
  "$ENTENTE" site "$tmp/in/site/d0001.xml" -O "$tmp/in/site"
[ -f "$tmp/in/site/minimal.txt" ] && [ -f "$tmp/in/site/index.html" ] || fail "site: the old site was changed"
echo "ok: inputs (ontology, texts, datasets, a dataset inside the site) are never replaced or removed"
fi
