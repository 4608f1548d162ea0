#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `entente push` against a fake store that misbehaves on purpose
# (tests/store/fake_store.py): no password over plain http unless allowed,
# echoed credentials and URL tokens masked, no proxy unless asked (and then
# named in errors), Retry-After honoured within a bound, https to a plain
# port explained, terminal escapes from a Location header escaped, the
# password file a regular file with its trailing blanks dropped, and the
# graphs sent byte for byte as the N-Quads export holds them.
set -euo pipefail
: "${ENTENTE:?run through ctest}"
: "${ENTENTE_SRC:?run through ctest}"
tmp=$(mktemp -d)
store_pid=
cleanup() {
  [ -z "$store_pid" ] || kill "$store_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
scale=${ENT_TIME_SCALE:-1}

mkdir "$tmp/log"
python3 "$ENTENTE_SRC/tests/store/fake_store.py" "$tmp/port" "$tmp/log" &
store_pid=$!
for _ in $(seq 1 $((200 * scale))); do
  [ -s "$tmp/port" ] && break
  sleep 0.05
done
[ -s "$tmp/port" ] || fail "the fake store did not start"
base="http://127.0.0.1:$(cat "$tmp/port")"

DATA=("$ENTENTE_SRC/tests/good/minimal.xml")
printf 'sesame-Open-42 \r\n' >"$tmp/pw"
chmod 600 "$tmp/pw"
secret_b64=$(printf 'analyst:sesame-Open-42' | base64)

# Run entente; its exit status in $rc, its stderr in $tmp/err.
run() {
  set +e
  "$ENTENTE" "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  set -e
}
no_secret() {
  ! grep -q -e 'sesame-Open-42' -e "$secret_b64" -e 'tok-SECRET' "$tmp/err" "$tmp/out" ||
    fail "$1: a secret was printed: $(cat "$tmp/err")"
}

# ---- Every graph sent as the N-Quads export holds it ---------------------
: >"$tmp/log/requests"
SHARED=${ENTENTE_SHARED:-$ENTENTE_SRC/../shared}
run push "$ENTENTE_SRC/data" --store "$base/ok" --text-dir "$SHARED"
[ "$rc" = 0 ] || fail "push of data/ to the fake store: exit $rc: $(cat "$tmp/err")"
"$ENTENTE" export "$ENTENTE_SRC/data" --text-dir "$SHARED" -q -f nquads -o "$tmp/all.nq"
for g in "$tmp"/log/graph-*; do
  n=${g##*-}
  iri=$(cat "$g")
  # (The same statements; the order within a graph is not part of it.)
  grep -F " <$iri> ." "$tmp/all.nq" | sed "s| <$iri> \\.\$| .|" | LC_ALL=C sort >"$tmp/expected"
  LC_ALL=C sort "$tmp/log/body-$n" | cmp -s "$tmp/expected" - ||
    fail "graph <$iri> was not sent as the N-Quads export holds it"
done
[ "$(ls "$tmp"/log/graph-* | wc -l)" = "$(ls "$ENTENTE_SRC"/data/articles/*.xml | wc -l | awk '{ print $1 + 1 }')" ] ||
  fail "expected one request per article and one for the corpus: $(ls "$tmp"/log/graph-* | wc -l)"
echo "ok: each graph sent once, as the N-Quads export holds it"

# ---- No Basic over plain http unless allowed ----------------------------
: >"$tmp/log/requests"
run push "${DATA[@]}" --store "$base/basic" --user analyst --password-file "$tmp/pw"
[ "$rc" = 74 ] || fail "Basic-only store over http: exit $rc"
grep -q "offers only Basic" "$tmp/err" || fail "Basic-only store: $(cat "$tmp/err")"
! grep -v ' -$' "$tmp/log/requests" | grep -q . ||
  fail "the password went out over plain http: $(cat "$tmp/log/requests")"
no_secret "Basic refused"
# Allowed: the store gets the password without the file's trailing blank
# and CR, echoes it back, and entente masks it.
: >"$tmp/log/requests"
run push "${DATA[@]}" --store "$base/basic" --user analyst --password-file "$tmp/pw" --allow-insecure-auth
[ "$rc" = 74 ] || fail "echoing store: exit $rc"
grep -q "Basic $secret_b64" "$tmp/log/requests" ||
  fail "the password was not sent as the file's first line without trailing blanks: $(cat "$tmp/log/requests")"
grep -q "The store said" "$tmp/err" || fail "the store's answer is not shown: $(cat "$tmp/err")"
no_secret "echoed Authorization"
echo "ok: no Basic over http unless allowed; echoed credentials masked"

# ---- Tokens in the store URL are not printed -----------------------------
run push "${DATA[@]}" --store "$base/fail?token=tok-SECRET&x=1"
[ "$rc" = 74 ] || fail "failing store: exit $rc"
grep -q "token=\*\*\*" "$tmp/err" || fail "the URL is not shown masked: $(cat "$tmp/err")"
no_secret "token in the URL"
echo "ok: a token in the store URL is masked in errors"

# ---- Proxies only when asked --------------------------------------------
# A dead proxy in the environment is not used for the store...
: >"$tmp/log/requests"
http_proxy=http://127.0.0.1:9 HTTP_PROXY=http://127.0.0.1:9 ALL_PROXY=http://127.0.0.1:9 \
  run push "${DATA[@]}" --store "$base/ok"
[ "$rc" = 0 ] || fail "an environment proxy was used: exit $rc: $(cat "$tmp/err")"
# ...one given with --proxy is, and is named when it fails.
run push "${DATA[@]}" --store "$base/ok" --proxy http://127.0.0.1:9
[ "$rc" = 74 ] || fail "dead --proxy: exit $rc"
grep -q "proxy http://127.0.0.1:9" "$tmp/err" || fail "the proxy is not named: $(cat "$tmp/err")"
echo "ok: the environment's proxy is ignored; --proxy is used and named"

# ---- Retry-After ---------------------------------------------------------
start=$(date +%s)
run push "${DATA[@]}" --store "$base/busy"
[ "$rc" = 0 ] || fail "busy store: exit $rc: $(cat "$tmp/err")"
grep -q "asked to wait 1 s" "$tmp/err" || fail "no note of the wait: $(cat "$tmp/err")"
[ $(($(date +%s) - start)) -ge 1 ] || fail "did not wait as asked"
start=$(date +%s)
run push "${DATA[@]}" --store "$base/busy-long"
[ "$rc" = 74 ] || fail "store asking for a day: exit $rc"
grep -q "push again later" "$tmp/err" || fail "long Retry-After: $(cat "$tmp/err")"
[ $(($(date +%s) - start)) -lt $((30 * scale)) ] || fail "waited on an unbounded Retry-After"
echo "ok: Retry-After honoured up to a bound"

# ---- https to a plain http port ------------------------------------------
run push "${DATA[@]}" --store "https://127.0.0.1:$(cat "$tmp/port")/ok"
[ "$rc" = 74 ] || fail "https to http: exit $rc"
grep -q "plain http" "$tmp/err" || fail "https to a plain port: $(cat "$tmp/err")"
echo "ok: https to a plain http port is explained"

# ---- Terminal escapes from the store are escaped -------------------------
run push "${DATA[@]}" --store "$base/redirect"
[ "$rc" = 74 ] || fail "redirect: exit $rc"
grep -q 'x1B' "$tmp/err" || fail "the Location is not shown escaped: $(cat -v "$tmp/err")"
! LC_ALL=C grep -q $'[\x1b\x07]' "$tmp/err" || fail "raw control characters reached stderr: $(cat -v "$tmp/err")"
! grep -qF $'\xe2\x80\xae' "$tmp/err" || fail "a raw bidi override reached stderr"
echo "ok: control and bidi characters from the store are escaped"

# ---- The password file ---------------------------------------------------
mkfifo "$tmp/fifo"
start=$(date +%s)
run push "${DATA[@]}" --store "$base/ok" --user analyst --password-file "$tmp/fifo" --dry-run
[ "$rc" = 66 ] || fail "FIFO password file: exit $rc"
grep -q "not a regular file" "$tmp/err" || fail "FIFO password file: $(cat "$tmp/err")"
[ $(($(date +%s) - start)) -lt $((10 * scale)) ] || fail "a FIFO password file blocked"
echo "ok: a FIFO password file is refused at once"

# ---- Usage errors --------------------------------------------------------
run push "${DATA[@]}" --store "$base/ok" --base 'https:/x/'
[ "$rc" = 64 ] || fail "--base https:/x/: exit $rc"
run push "${DATA[@]}" --store "$base/ok" --graph $'https://example.org/\xe2\x80\xaegraph'
[ "$rc" = 64 ] || fail "--graph with a bidi override: exit $rc"
echo "ok: bad --base and --graph are usage errors"
