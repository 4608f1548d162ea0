#!/usr/bin/env bash
# The command line as GNU-style tools behave: --opt=value, -fVALUE,
# bundled flags, "--"; `entente CMD --help` and `entente help CMD`;
# options that do not apply are errors; a usage error is one line and a
# pointer to the help, exit 64; -q, -w, --strict; `entente dot -` reads
# standard input; `entente ontology` prints the files the library
# carries; the man pages and the bash completion cover every option the
# help lists.
set -euo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
src=$ENTENTE_SRC
good="$src/tests/good"
cd "$tmp"

# usage ARGS...: exit 64, nothing on stdout, exactly two lines on stderr
# ("entente: ..." and "Try 'entente CMD --help' ...").
usage() {
  set +e
  "$ENTENTE" "$@" >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  set -e
  [ "$rc" = 64 ] || fail "entente $*: exit $rc, want 64 ($(cat "$tmp/err"))"
  [ ! -s "$tmp/out" ] || fail "entente $*: wrote to stdout"
  [ "$(wc -l <"$tmp/err")" = 2 ] || fail "entente $*: not two lines: $(cat "$tmp/err")"
  grep -q "^entente: " "$tmp/err" && grep -q "^Try 'entente.*--help' for more information\.$" "$tmp/err" ||
    fail "entente $*: $(cat "$tmp/err")"
}

# --- option syntax ------------------------------------------------------
"$ENTENTE" export "$good/minimal.xml" -w -f ntriples >ref.nt
for form in "--format=ntriples" "-fntriples" "--format nt" "-f application/n-triples"; do
  # shellcheck disable=SC2086 # the form is split on purpose
  "$ENTENTE" export "$good/minimal.xml" -w $form >got.nt
  cmp -s ref.nt got.nt || fail "$form does not select N-Triples"
done
"$ENTENTE" export -qwfnt -o bundled.nt -- "$good/minimal.xml" 2>err && [ ! -s err ] ||
  fail "bundled -qwfnt: $(cat err)"
cmp -s ref.nt bundled.nt || fail "-qwfnt -o FILE -- DATASET: other output"
# After --, a name that begins with '-' is a dataset.
cp "$good/minimal.xml" ./-odd.xml
"$ENTENTE" validate -q -w -- -odd.xml || fail "validate -- -odd.xml"
echo "ok: --opt=value, -fVALUE, bundled flags and -- work"

# --- help -----------------------------------------------------------------
"$ENTENTE" --help | grep -q "^Usage: entente COMMAND" || fail "entente --help"
"$ENTENTE" help | grep -q "^Usage: entente COMMAND" || fail "entente help"
for c in export validate dot push site ontology; do
  "$ENTENTE" "$c" --help >a 2>err || fail "entente $c --help: exit $?"
  "$ENTENTE" help "$c" >b || fail "entente help $c"
  "$ENTENTE" "$c" -h >c || fail "entente $c -h"
  [ ! -s err ] && cmp -s a b && cmp -s a c || fail "entente $c --help, help $c, -h differ"
  grep -q "^Usage: entente $c " a || fail "entente $c --help has no usage line"
done
"$ENTENTE" --version | grep -Eq '^entente [0-9]+\.[0-9]+\.[0-9]+$' || fail "--version"
echo "ok: every command's help, by --help, -h and help CMD"

# --- usage errors ---------------------------------------------------------
usage
usage frobnicate
usage help frobnicate
usage export
usage export --frobnicate "$good/minimal.xml"
usage export -Z "$good/minimal.xml"
usage export "$good/minimal.xml" -f
usage export "$good/minimal.xml" --format
usage validate "$good/minimal.xml" -f svg -o x.svg
usage validate "$good/minimal.xml" --view timeline
usage export "$good/minimal.xml" -f turtle --view timeline
usage export "$good/minimal.xml" -f turtle --max-nodes 5
usage export "$good/minimal.xml" -f rdfxml --threads 2
usage export "$good/minimal.xml" -f rdfxml --ascii
usage export "$good/minimal.xml" -f nquads --buffered-limit 10
usage export "$good/minimal.xml" -f rdfxml --buffered-limit 0
usage export "$good/minimal.xml" -j 2 -o x.nq
usage export "$good/minimal.xml" -w --strict
usage dot "$good/minimal.xml" --text-dir .
# dot's advice names only the formats dot writes.
usage dot "$src/tests/diagrams/foaf.ttl" -o "$tmp/drawing.xyz"
grep -q 'give -f FORMAT (dot, svg, png, pdf or graphml)$' "$tmp/err" || fail "dot -o FILE.xyz: $(cat "$tmp/err")"
usage push "$good/minimal.xml" --store http://127.0.0.1:9/ -f turtle
usage site "$good/minimal.xml"
usage site "$good/minimal.xml" -O s -f svg
usage site "$good/minimal.xml" -O s --view timeline
usage site "$good/minimal.xml" -O s --max-nodes 0
usage site -O s
# One output, said once: a second -o or -O was taken silently, and -O -
# made a directory named '-'.
usage export "$good/minimal.xml" -o x.ttl -o y.ttl
grep -q "^entente: -o is given twice ('x.ttl', 'y.ttl')" "$tmp/err" || fail "-o twice: $(cat "$tmp/err")"
usage site "$good/minimal.xml" -O sA -O sB
usage site "$good/minimal.xml" -O -
grep -q "^entente: -O takes a directory, not '-'" "$tmp/err" || fail "-O -: $(cat "$tmp/err")"
usage export "$good/minimal.xml" -f turtle,ntriples -O -
[ ! -e x.ttl ] && [ ! -e y.ttl ] && [ ! -e sA ] && [ ! -e sB ] && [ ! -e ./- ] || fail "a refused output was written"
usage push "$good/minimal.xml" --store http://127.0.0.1:9/ --password=secret
usage ontology --shapes --context
usage ontology extra
[ ! -e x.svg ] && [ ! -e x.nq ] || fail "a refused command wrote a file"
usage validate "$good/minimal.xml" -f svg
grep -q "'-f' does not apply to validate" "$tmp/err" ||
  fail "an option of another command is not named as such: $(cat "$tmp/err")"
echo "ok: usage errors are one line, a pointer to the help, exit 64"

# --- -q, -w, --strict -------------------------------------------------------
# features.xml has a quote that cannot be checked: a warning.
"$ENTENTE" validate "$good/features.xml" >out 2>err || fail "validate features.xml"
grep -q ": warning: " err || fail "features.xml gives no warning (the test needs one)"
grep -q "valid" out || fail "validate prints no summary"
"$ENTENTE" validate -q "$good/features.xml" >out 2>/dev/null
[ ! -s out ] || fail "validate -q printed $(cat out)"
"$ENTENTE" validate -w "$good/features.xml" >/dev/null 2>err
[ ! -s err ] || fail "validate -w printed warnings: $(cat err)"
set +e
"$ENTENTE" validate --strict "$good/features.xml" >/dev/null 2>err; rc=$?
"$ENTENTE" export --strict "$good/features.xml" -o strict.ttl 2>/dev/null; rc2=$?
set -e
[ "$rc" = 65 ] && [ "$rc2" = 65 ] || fail "--strict with a warning: exit $rc/$rc2, want 65"
[ ! -e strict.ttl ] || fail "--strict wrote a file"
echo "ok: -q, -w and --strict"

# --- dot - ----------------------------------------------------------------
"$ENTENTE" export "$good/minimal.xml" -w -f turtle -o m.ttl
"$ENTENTE" dot m.ttl -f dot -o from-file.dot
"$ENTENTE" dot - --syntax turtle -f dot <m.ttl >from-stdin.dot
[ -s from-stdin.dot ] || fail "dot - wrote nothing"
# The drawing is the same whatever the input's name.
diff <(grep -v -e '^digraph' -e 'm.ttl' from-file.dot) <(grep -v -e '^digraph' -e 'stdin' from-stdin.dot) >/dev/null ||
  fail "dot - draws another graph than dot FILE"
set +e
"$ENTENTE" dot - -f dot <m.ttl >/dev/null 2>err; rc=$?
set -e
[ "$rc" = 64 ] && grep -q -- "--syntax" err || fail "dot - without --syntax: exit $rc: $(cat err)"
echo "ok: dot - reads standard input"

# --- ontology ---------------------------------------------------------------
"$ENTENTE" ontology | cmp -s - "$src/ontology/entente.ttl" || fail "entente ontology"
"$ENTENTE" ontology --shapes | cmp -s - "$src/ontology/entente-shapes.ttl" || fail "ontology --shapes"
"$ENTENTE" ontology --context | cmp -s - "$src/ontology/entente-context.jsonld" || fail "ontology --context"
"$ENTENTE" ontology --schema | cmp -s - "$src/ontology/entente-dataset.rng" || fail "ontology --schema"
echo "ok: entente ontology prints the ontology, shapes, context and schema"

# --- man pages and completion cover every option ------------------------------
man_dir="$ENTENTE_BUILD/man"
for c in export validate dot push site ontology; do
  page="$man_dir/entente-$c.1"
  [ -s "$page" ] || fail "no man page $page"
  grep -q "^\.TH ENTENTE-${c^^} \"1\"" "$page" || fail "$page: no .TH ENTENTE-${c^^}"
  for opt in $("$ENTENTE" "$c" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u); do
    grep -qF -- "${opt//-/\\-}" "$page" || fail "$page does not mention $opt"
  done
done
[ -s "$man_dir/entente.1" ] || fail "no man page entente.1"
completion="$src/completions/entente.bash"
bash_completion=/usr/share/bash-completion/bash_completion
[ -r "$bash_completion" ] || fail "bash-completion is not installed (scripts/setup)"
# complete LINE: what the completion offers for the last word of LINE.
complete_line() {
  bash -c '
    source "$1"; source "$2"
    read -r -a COMP_WORDS <<<"$3"
    [ "${3: -1}" = " " ] && COMP_WORDS+=("")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE=$3 COMP_POINT=${#3}
    _entente entente "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    printf "%s\n" "${COMPREPLY[@]}"' _ "$bash_completion" "$completion" "$1"
}
complete_line "entente ex" | grep -qx export || fail "completion of commands"
for c in export validate dot push site ontology; do
  offered=$(complete_line "entente $c --")
  for opt in $("$ENTENTE" "$c" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u); do
    grep -qx -- "$opt" <<<"$offered" || fail "completion of 'entente $c --' lacks $opt"
  done
  for opt in $offered; do
    "$ENTENTE" "$c" --help | grep -qF -- "$opt" || fail "completion offers $opt, which entente $c --help does not list"
  done
done
complete_line "entente export -f j" | grep -qx jsonld || fail "completion of -f values"
echo "ok: man pages and bash completion list every option of every command"

# --- -O DIR ---------------------------------------------------------------
# A directory that does not exist is made (its parent must exist); a file
# in its place, or a missing parent, is said as such (exit 74).
"$ENTENTE" export "$good/minimal.xml" -q -w -f nquads,trig -O "$tmp/made" && [ -s "$tmp/made/minimal.nq" ] ||
  fail "-O a new directory: not made"
: >"$tmp/plain"
for dir in "$tmp/plain:exists and is not a directory" "$tmp/none/made:its parent directory does not exist"; do
  set +e
  "$ENTENTE" export "$good/minimal.xml" -q -w -f nquads -O "${dir%%:*}" 2>"$tmp/err"
  rc=$?
  set -e
  [ "$rc" = 74 ] && grep -qF "${dir%%:*}: error: ${dir#*:}" "$tmp/err" || fail "-O ${dir%%:*}: exit $rc: $(cat "$tmp/err")"
done
# A directory made for a run that fails is not left behind.
set +e
"$ENTENTE" export "$src/tests/bad/bad-date.xml" -q -w -f nquads -O "$tmp/made-for-nothing" 2>/dev/null
rc=$?
set -e
[ "$rc" = 65 ] && [ ! -e "$tmp/made-for-nothing" ] || fail "-O a new directory for a failing run: exit $rc, $(ls -d "$tmp/made-for-nothing" 2>&1)"
echo "ok: -O makes its directory"

# --- what a run reads is never its output; a file named twice is read once
cp -r "$src/data" "$tmp/cw"
article=$(ls "$tmp/cw/articles/"*.xml | head -n 1)
cp "$article" "$tmp/article.keep"
for out in "$article" "$tmp/cw/articles/../articles/$(basename "$article")" "$tmp/cw/articles/new.xml" "$tmp/cw/registry/new.xml"; do
  usage export "$tmp/cw" -q -w -o "$out"
  grep -qF "would overwrite" "$tmp/err" || fail "-o $out: $(cat "$tmp/err")"
done
cmp -s "$article" "$tmp/article.keep" && [ ! -e "$tmp/cw/articles/new.xml" ] || fail "-o over an input changed it"
usage export "$article" -q -w -f rdfxml -o "$article"
"$ENTENTE" export "$tmp/cw" -q -w -f nquads -o "$tmp/cw/all.nq" || fail "-o beside the corpus's datasets refused"
"$ENTENTE" export "$tmp/cw" "$article" -q -w -f nquads -o "$tmp/twice.nq" 2>"$tmp/err" || fail "a corpus and one of its articles: $(head -3 "$tmp/err")"
cmp -s "$tmp/cw/all.nq" "$tmp/twice.nq" || fail "an article named twice is not read once"
echo "ok: an input is never overwritten; a file named twice is read once"

# --- a --text-dir that is not a directory is a usage error, not 27 quotes
# left unchecked without a word about it.
usage validate "$good/minimal.xml" --text-dir "$tmp/no-such-dir"
grep -qF -- "--text-dir $tmp/no-such-dir: no such directory" "$tmp/err" || fail "--text-dir missing: $(cat "$tmp/err")"
usage export "$good/minimal.xml" --text-dir "$good/minimal.xml"
grep -qF "not a directory" "$tmp/err" || fail "--text-dir a file: $(cat "$tmp/err")"
echo "ok: --text-dir must be a directory"

# --- PNG or PDF is not written to a terminal (script(1) gives one) -------
if ! script -qec true /dev/null >/dev/null 2>&1; then
  echo "note: script(1) cannot make a terminal here; PNG to a terminal not tried"
else
for f in png pdf; do
  script -qec "'$ENTENTE' dot '$src/tests/diagrams/foaf.ttl' -f $f" /dev/null >"$tmp/tty.out" 2>&1 && fail "-f $f on a terminal: exit 0"
  grep -q "is binary, and standard output is a terminal: give -o FILE" "$tmp/tty.out" || fail "-f $f on a terminal: $(head -c 300 "$tmp/tty.out")"
done
fi
"$ENTENTE" dot "$src/tests/diagrams/foaf.ttl" -f png | cat >"$tmp/piped.png"
[ "$(head -c 4 "$tmp/piped.png" | od -An -c | tr -d ' ')" = '211PNG' ] || fail "-f png into a pipe"
echo "ok: PNG and PDF are not written to a terminal"

# --- push takes -w and --strict as the other commands do (data/'s quotes
# are unchecked without its texts: warnings)
"$ENTENTE" push "$src/data" --store http://127.0.0.1:9/store --dry-run -w --text-dir "$tmp" >"$tmp/out" 2>"$tmp/err" ||
  fail "push -w --dry-run: $(cat "$tmp/err")"
[ ! -s "$tmp/err" ] && grep -q "^would replace graph" "$tmp/out" || fail "push -w: $(cat "$tmp/err")"
set +e
"$ENTENTE" push "$src/data" --store http://127.0.0.1:9/store --dry-run --strict --text-dir "$tmp" >"$tmp/out" 2>"$tmp/err"
rc=$?
set -e
[ "$rc" = 65 ] && grep -q "and --strict makes warnings errors; nothing sent" "$tmp/err" && ! grep -q "would replace" "$tmp/out" ||
  fail "push --strict with warnings: exit $rc: $(cat "$tmp/err")"
usage push "$good/minimal.xml" --store http://127.0.0.1:9/store --dry-run --text-dir "$tmp/no-such-dir"
usage push "$good/minimal.xml" --store http://127.0.0.1:9/store --dry-run -w --strict
echo "ok: push takes -w and --strict; its --text-dir must be a directory"

# --- a format named twice or an empty one is a usage error (-O wrote the
# first and failed on the second, exit 74); a graph IRI with a scheme that
# runs code or reads files is refused; a dry run whose listing cannot be
# written fails (exit 74, as every other command's standard output).
for f in nt,nt nt,,ttl ,nt nt, ntriples,nt; do
  usage export "$good/minimal.xml" -q -f "$f" -O "$tmp/formats"
done
grep -q "format 'nt' is named twice in 'ntriples,nt'" "$tmp/err" || fail "-f ntriples,nt: $(cat "$tmp/err")"
[ ! -e "$tmp/formats" ] || fail "-f with a format named twice made its directory"
for g in 'javascript:alert(1)' 'file:///etc/passwd' 'DATA:text/plain,x'; do
  usage push "$good/minimal.xml" --store http://127.0.0.1:9/store --dry-run --graph "$g"
done
if [ -w /dev/full ]; then
  set +e
  "$ENTENTE" push "$good/minimal.xml" --store http://127.0.0.1:9/store --dry-run >/dev/full 2>"$tmp/err"
  rc=$?
  set -e
  [ "$rc" = 74 ] && grep -q "writing to standard output failed" "$tmp/err" ||
    fail "push --dry-run >/dev/full: exit $rc, $(cat "$tmp/err")"
fi
echo "ok: formats named twice or empty, unsafe graph IRIs, a dry run to a full disk"

# --- --text naming no source is said before anything is written, also to
# standard output (a pipeline would have loaded the data).
for f in turtle ntriples; do
  set +e
  "$ENTENTE" export "$good/minimal.xml" -f "$f" --text nope=/etc/hostname >"$tmp/out" 2>"$tmp/err"
  rc=$?
  set -e
  [ "$rc" = 64 ] && [ ! -s "$tmp/out" ] && grep -q "^entente: error: --text names source 'nope', which no dataset given defines" "$tmp/err" &&
    grep -qx "Try 'entente export --help' for more information." "$tmp/err" ||
    fail "--text nope=, -f $f to stdout: exit $rc, $(wc -c <"$tmp/out") bytes written, $(cat "$tmp/err")"
done
# validate says it as a usage error too, and writes nothing to speak of.
set +e
"$ENTENTE" validate "$good/minimal.xml" --text nope=/etc/hostname >"$tmp/out" 2>"$tmp/err"
rc=$?
set -e
[ "$rc" = 64 ] && grep -qx "Try 'entente validate --help' for more information." "$tmp/err" && ! grep -q "nothing written" "$tmp/err" ||
  fail "validate --text nope=: exit $rc, $(cat "$tmp/err")"
echo "ok: --text naming no source: a usage error, nothing written"
# --text with no file, no source, or two texts for one source: usage
# errors (two texts took the last one silently; an empty file name was
# reported as a text that could not be read).
for args in "--text report=" "--text =$good/minimal.txt" \
  "--text report=$good/minimal.txt --text report=/etc/hostname"; do
  set +e
  # shellcheck disable=SC2086
  "$ENTENTE" validate "$good/minimal.xml" $args >/dev/null 2>"$tmp/err"; rc=$?
  set -e
  [ "$rc" = 64 ] && grep -Eq "^entente: --text (needs SOURCE-ID=FILE, not '[^']*'|gives source 'report' two texts \('$good/minimal.txt' and '/etc/hostname'\); give it one)$" "$tmp/err" ||
    fail "$args: exit $rc, $(cat "$tmp/err")"
done
echo "ok: --text without a file or a source, or twice for one source: usage errors"

# '-' as a dataset is a usage error that says why (it was 66, "-: cannot
# open dataset: No such file or directory"); dot reads '-' (tested there).
for args in "validate -" "export - -f nt" "push --store http://127.0.0.1:9/store -"; do
  set +e
  # shellcheck disable=SC2086 # the command's words
  "$ENTENTE" $args <"$good/minimal.xml" >/dev/null 2>"$tmp/err"; rc=$?
  set -e
  [ "$rc" = 64 ] && grep -q "^entente: a dataset is not read from standard input ('-')" "$tmp/err" &&
    grep -q "^Try 'entente ${args%% *} --help'" "$tmp/err" || fail "$args: exit $rc, $(cat "$tmp/err")"
done
echo "ok: '-' as a dataset is a usage error"
