#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# scripts/virtuoso start tries other ports when a port is taken, in each of
# the ways a port can be taken (VIRTUOSO_TRY_PORTS gives the pairs):
#  - a port held by a connection's own end (what an outgoing connection's
#    source port looks like): nothing listens there, so only Virtuoso's
#    bind finds it taken ("Failed HTTP listen" / "Failed to start
#    listening at SQL port");
#  - a port with a listener, seen before Virtuoso is started.
# The instance then starts on the first free pair, and with no free pair
# start fails with a message naming the attempts.
set -euo pipefail
: "${ENTENTE_SRC:?run through ctest}"
VIRTUOSO="$ENTENTE_SRC/scripts/virtuoso"
PY=${PYTHON:-/usr/bin/python3}
export NO_PROXY="127.0.0.1,localhost" no_proxy="127.0.0.1,localhost"
work=$(mktemp -d "${TMPDIR:-/tmp}/entente-vstart.XXXXXX")
holder=""
cleanup() {
  "$VIRTUOSO" stop "$work/v1" >/dev/null 2>&1 || true
  "$VIRTUOSO" stop "$work/v2" >/dev/null 2>&1 || true
  [ -z "$holder" ] || kill "$holder" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP
fail() { echo "FAIL: $*" >&2; exit 1; }

# Holds three loopback ports until killed: two connection ends bound to a
# port of their own (not listening) and one listener.  When ready, writes
# those three and four ports that were free at that moment.
cat >"$work/hold.py" <<'EOF'
import os, signal, socket, sys, time
signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
listener = socket.socket()
listener.bind(("127.0.0.1", 0))
listener.listen(8)
held = []
for _ in range(2):
    c = socket.socket()
    c.bind(("127.0.0.1", 0))
    c.connect(listener.getsockname())
    held.append((c, listener.accept()[0]))
free = []
for _ in range(4):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    free.append(s)
ports = [c.getsockname()[1] for c, _ in held] + [listener.getsockname()[1]]
ports += [s.getsockname()[1] for s in free]
for s in free:
    s.close()
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write(" ".join(map(str, ports)) + "\n")
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
while True:
    time.sleep(1)
EOF
"$PY" "$work/hold.py" "$work/ports" &
holder=$!
for _ in $(seq 100); do
  [ -s "$work/ports" ] && break
  sleep 0.1
done
[ -s "$work/ports" ] || fail "the port holder did not start"
read -r end1 end2 listening f1 f2 f3 f4 <"$work/ports"

# Connection end as HTTP port, then as SQL port, then a listener: the
# fourth pair is the one that starts.
VIRTUOSO_TRY_PORTS="$end1:$f1 $f2:$end2 $listening:$f3 $f3:$f4" \
  "$VIRTUOSO" start "$work/v1" --owner $$ >"$work/v1.env" 2>"$work/v1.err" ||
  { cat "$work/v1.err" >&2; fail "start did not get past taken ports"; }
grep -qx "VIRTUOSO_HTTP_PORT=$f3" "$work/v1.env" ||
  fail "started on another HTTP port than $f3: $(cat "$work/v1.env")"
grep -qx "VIRTUOSO_SQL_PORT=$f4" "$work/v1.env" ||
  fail "started on another SQL port than $f4: $(cat "$work/v1.env")"
# shellcheck disable=SC1091
. "$work/v1.env"
curl -sS --fail --max-time 30 -G "$VIRTUOSO_SPARQL" \
  --data-urlencode 'query=ASK {}' >/dev/null || fail "the instance does not answer"

# No free pair: a clear failure, and nothing left running.
if VIRTUOSO_TRY_PORTS="$end1:$f1 $f2:$end2" \
  "$VIRTUOSO" start "$work/v2" >"$work/v2.env" 2>"$work/v2.err"; then
  fail "start succeeded with only taken ports"
fi
grep -q "no free pair of loopback ports found in 2 attempts" "$work/v2.err" ||
  fail "unexpected message: $(cat "$work/v2.err")"
if pgrep -f -- "configfile $work/v2/" >/dev/null; then
  fail "a server was left running"
fi
echo "ok: scripts/virtuoso start retries taken ports"
