#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# The site in headless Chromium, from file:// and from a local static
# server (python3 -m http.server on 127.0.0.1):
#   - the index's search, given "Sergey Beseda" (an alias), "Сергей Беседа"
#     and "beseda", leads first to the page of Sergei Beseda;
#   - his page names him, carries his ego diagram as an inline SVG whose
#     node links all lead to pages of the site, and site.js has made the
#     diagram pannable (viewBox, fitted width);
#   - no console message, and no request but for the site's own files (the
#     net log);
#   - served at the base IRI (a site made with --base http://127.0.0.1:PORT/),
#     every entity IRI of the export answers with its page;
#   - the diagram zooms with its buttons and the wheel, resets, pans when
#     dragged, and a click that ends a drag does not open a node
#     (tests/site/pan_test.js, in a copy of the page);
#   - screenshots of the index and the person page are real pictures; they
#     are left in $ENTENTE_BUILD/site-screenshots/, and with
#     ENTENTE_UPDATE_SCREENSHOTS=1 written to docs/images/ for the README.
# Needs ENTENTE, ENTENTE_SRC, ENTENTE_BUILD, python3, curl and Chromium
# (CHROMIUM, default /usr/bin/chromium).
set -euo pipefail
tmp=$(mktemp -d)
server=""
cleanup() {
  [ -z "$server" ] || kill "$server" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
: "${ENTENTE:?}" "${ENTENTE_SRC:?}" "${ENTENTE_BUILD:?}"
chromium=${CHROMIUM:-/usr/bin/chromium}
python=${PYTHON:-python3}
[ -x "$chromium" ] || fail "$chromium is missing (Debian package chromium)"
command -v curl >/dev/null || fail "curl is missing"
texts=()
[ -d "${ENTENTE_SHARED:-}" ] && texts=(--text-dir "$ENTENTE_SHARED")
cd "$ENTENTE_SRC"
"$ENTENTE" site data "${texts[@]}" -q -w -O "$tmp/site" || fail "entente site: exit $?"

run=0
mkdir -p "$tmp/home"
# chrome ALLOWED-PREFIX ARGS...: run headless Chromium with its own profile
# and no name resolution; fail on any console message, or on any request
# the page made for a URL that does not start with ALLOWED-PREFIX.
chrome() {
  local allowed=$1
  shift
  run=$((run + 1))
  local net="$tmp/net.$run.json"
  HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" XDG_CACHE_HOME="$tmp/home/.cache" \
    timeout -k 5 90 "$chromium" --headless --no-sandbox --disable-gpu \
      --no-first-run --no-default-browser-check --disable-extensions \
      --disable-sync --disable-background-networking --disable-component-update \
      --disable-default-apps --no-pings --disable-dev-shm-usage \
      --user-data-dir="$tmp/profile.$run" \
      --host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE 127.0.0.1" \
      --virtual-time-budget=5000 --log-net-log="$net" \
      --enable-logging=stderr --v=0 "$@" 2>"$tmp/chrome.$run.err" ||
    fail "chromium $*: exit $?: $(grep -v dbus "$tmp/chrome.$run.err" | tail -5)"
  if grep -a ':CONSOLE' "$tmp/chrome.$run.err" >"$tmp/console"; then
    fail "console messages on $*: $(head -5 "$tmp/console")"
  fi
  "$python" - "$net" "$allowed" <<'EOF' || fail "the page asked for something outside the site ($*)"
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
for tail in ("", "]}", "{}]}"):  # a net log may lack its end
    try:
        log = json.loads(text.rstrip().rstrip(",") + tail)
        break
    except ValueError:
        log = None
if log is None:
    sys.exit("cannot read Chromium's net log " + sys.argv[1])
types = {v: k for k, v in log["constants"]["logEventTypes"].items()}
# Chromium's own requests have no initiator; anything the page asks for has
# the page's origin.
asked = [e["params"]["url"] for e in log["events"]
         if types.get(e["type"]) == "URL_REQUEST_START_JOB"
         and "url" in e.get("params", {})
         and e["params"].get("initiator") != "not an origin"]
outside = [u for u in asked if not u.startswith(sys.argv[2])]
if outside:
    sys.exit("requests out of the site: " + ", ".join(outside[:5]))
EOF
}

# first_result DOM: the href of the first search result.
first_result() {
  "$python" - "$1" <<'EOF'
import html.parser, sys
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.in_results = False
        self.first = None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "ol" and a.get("id") == "results":
            self.in_results = True
        elif tag == "a" and self.in_results and self.first is None:
            self.first = a.get("href")
    def handle_endtag(self, tag):
        if tag == "ol":
            self.in_results = False
p = P()
p.feed(open(sys.argv[1], encoding="utf-8").read())
print(p.first or "")
EOF
}

# check_person DOM PAGE-FILE: the person page as Chromium built it.
check_person() {
  "$python" - "$1" "$2" <<'EOF'
import html.parser, os, sys, urllib.parse
dom, page = sys.argv[1], sys.argv[2]
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.h1 = None
        self.in_h1 = False
        self.in_figure = 0
        self.svg = None
        self.node_links = []
    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "h1" and "name" in a.get("class", "").split():
            self.in_h1 = True
            self.h1 = ""
        if tag == "figure" and "ego" in a.get("class", "").split():
            self.in_figure += 1
        if self.in_figure and tag == "svg" and self.svg is None:
            self.svg = a
        if self.in_figure and tag == "a":
            href = a.get("xlink:href") or a.get("href")
            if href:
                self.node_links.append(href)
    def handle_endtag(self, tag):
        if tag == "h1":
            self.in_h1 = False
        if tag == "figure" and self.in_figure:
            self.in_figure -= 1
    def handle_data(self, data):
        if self.in_h1:
            self.h1 += data
p = P()
p.feed(open(dom, encoding="utf-8").read())
errors = []
if (p.h1 or "").strip() != "Sergei Beseda":
    errors.append(f"h1 is {p.h1!r}")
if p.svg is None:
    errors.append("no inline SVG in figure.ego")
else:
    if not p.svg.get("viewbox"):
        errors.append("site.js did not set the diagram's viewBox")
    if "width: 100%" not in p.svg.get("style", ""):
        errors.append("site.js did not fit the diagram to the page")
if len(p.node_links) < 3:
    errors.append(f"the diagram has {len(p.node_links)} node links")
here = os.path.dirname(page)
for href in p.node_links:
    url = urllib.parse.urlsplit(href)
    target = os.path.normpath(os.path.join(here, urllib.parse.unquote(url.path)))
    if url.scheme or not os.path.isfile(target):
        errors.append(f"a diagram node links to {href!r}, which is no page of the site")
if errors:
    sys.exit("\n".join(errors[:10]))
print(f"{len(p.node_links)} diagram nodes link to pages")
EOF
}

file_url() { "$python" -c 'import pathlib, sys; print(pathlib.Path(sys.argv[1]).resolve().as_uri())' "$1"; }

# --- from file:// ------------------------------------------------------------------

site_url=$(file_url "$tmp/site")
for query in "Sergey%20Beseda" "%D0%A1%D0%B5%D1%80%D0%B3%D0%B5%D0%B9%20%D0%91%D0%B5%D1%81%D0%B5%D0%B4%D0%B0" "beseda"; do
  chrome "file://" --dump-dom "$site_url/index.html?q=$query" >"$tmp/index.dom"
  [ "$(first_result "$tmp/index.dom")" = "official/beseda/index.html" ] ||
    fail "search for $query: first result $(first_result "$tmp/index.dom")"
done
echo "ok: from file://, the search for 'Sergey Beseda', 'Сергей Беседа' and 'beseda' leads to Sergei Beseda"
chrome "file://" --dump-dom "$site_url/official/beseda/index.html" >"$tmp/person.dom"
check_person "$tmp/person.dom" "$tmp/site/official/beseda/index.html" || fail "the person page"
echo "ok: his page names him; its diagram is inline, pannable, and its nodes open pages; no console message, no request out of the site"

# Pan and zoom, driven by tests/site/pan_test.js in a copy of the page.
page="$tmp/site/official/beseda"
cp "$ENTENTE_SRC/tests/site/pan_test.js" "$page/pan_test.js"
sed 's|</body>|<script src="pan_test.js" defer></script></body>|' "$page/index.html" >"$page/pan.html"
chrome "file://" --dump-dom "$site_url/official/beseda/pan.html" >"$tmp/pan.dom"
"$python" - "$tmp/pan.dom" <<'EOF' || fail "pan and zoom"
import html, json, re, sys
m = re.search(r'data-pan-test="([^"]*)"', open(sys.argv[1], encoding="utf-8").read())
if not m:
    sys.exit("pan_test.js left no result (did site.js fail?)")
r = json.loads(html.unescape(m.group(1)))
if "error" in r:
    sys.exit(r["error"])
x, y, w, h = r["initial"]
errors = []
near = lambda a, b: abs(a - b) <= 1e-6 * max(1.0, abs(b))
if not (w > 0 and h > 0):
    errors.append(f"no viewBox at first: {r['initial']}")
if not near(r["zoomIn"][2], w / 1.25):
    errors.append(f"zoom in: width {r['zoomIn'][2]}, want {w / 1.25}")
if not r["zoomOut"][2] > w:
    errors.append(f"zoom out: width {r['zoomOut'][2]} not above {w}")
if r["reset"] != r["initial"]:
    errors.append(f"reset: {r['reset']} is not {r['initial']}")
if not r["wheel"][2] < w:
    errors.append(f"the wheel did not zoom in: {r['wheel']}")
if not (near(r["drag"][2], w) and r["drag"][0] < x and r["drag"][1] < y):
    errors.append(f"the drag did not pan (right and down moves the view up-left): {r['drag']} from {r['initial']}")
if r["clickAfterDrag"]:
    errors.append("a click ending a drag followed the node's link")
if r["clickAgain"] is not True:
    errors.append(f"a plain click on a node did not follow its link: {r['clickAgain']}")
if errors:
    sys.exit("\n".join(errors))
EOF
rm "$page/pan.html" "$page/pan_test.js"
echo "ok: the diagram zooms (buttons, wheel), resets, pans by dragging, and a drag's click does not open a node"

# On a phone every page stays within the screen: a long value (a web
# address, a licence) wraps instead of pushing the Sources column out.
# Headless Chromium lays out no narrower than 500 px; the pages with the
# widest tables of each kind.
for page in corpus/riyadh-march-2025 official/putin official/trump source/tass-2025-03-24 \
  source/xinhua-2025-03-25 outlet/reuters place/riyadh negotiation/trump-putin-call; do
  dir="$tmp/site/$page"
  [ -f "$dir/index.html" ] || fail "no page $page"
  cp "$ENTENTE_SRC/tests/site/overflow_test.js" "$dir/overflow_test.js"
  sed 's|</body>|<script src="overflow_test.js" defer></script></body>|' "$dir/index.html" >"$dir/overflow.html"
  chrome "file://" --window-size=390,2000 --dump-dom "$site_url/$page/overflow.html" >"$tmp/overflow.dom"
  "$python" - "$tmp/overflow.dom" "$page" <<'EOF' || fail "$page overflows a phone's screen"
import html, json, re, sys
m = re.search(r'data-overflow="([^"]*)"', open(sys.argv[1], encoding="utf-8").read())
if not m:
    sys.exit("overflow_test.js left no result")
r = json.loads(html.unescape(m.group(1)))
if r["scrollWidth"] > r["width"] or r["outside"]:
    sys.exit(f"{sys.argv[2]}: {r['scrollWidth']} px wide in a {r['width']} px window; outside: {r['outside']}")
EOF
  rm "$dir/overflow.html" "$dir/overflow_test.js"
done
echo "ok: eight pages with wide tables stay within a 500 px window"

shots="$ENTENTE_BUILD/site-screenshots"
mkdir -p "$shots"
chrome "file://" --window-size=1280,900 --screenshot="$shots/site-index.png" "$site_url/index.html?q=Sergey%20Beseda" >/dev/null
chrome "file://" --window-size=1280,1700 --screenshot="$shots/site-person.png" "$site_url/official/beseda/index.html" >/dev/null
for shot in site-index site-person; do
  f="$shots/$shot.png"
  [ "$(head -c 8 "$f" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "$f is not a PNG"
  [ "$(stat -c %s "$f")" -gt 30000 ] || fail "$f is nearly empty ($(stat -c %s "$f") bytes)"
  if [ "${ENTENTE_UPDATE_SCREENSHOTS:-}" = 1 ]; then
    cp "$f" "$ENTENTE_SRC/docs/images/$shot.png"
  fi
done
echo "ok: screenshots in $shots"

# --- served at the base IRI -----------------------------------------------------------

port=$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port/"
"$ENTENTE" site data "${texts[@]}" -q -w --base "$base" -O "$tmp/served" || fail "entente site --base"
"$ENTENTE" export data "${texts[@]}" -q -w --base "$base" -f nquads -o "$tmp/served.nq" || fail "export --base"
"$python" -m http.server --bind 127.0.0.1 "$port" --directory "$tmp/served" >"$tmp/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  curl -s -o /dev/null "$base" && break
  kill -0 "$server" 2>/dev/null || fail "the static server stopped: $(cat "$tmp/server.log")"
  sleep 0.1
done
curl -s -o /dev/null "$base" || fail "the static server does not answer on $base"
sed -n 's|^<\('"$base"'[^>]*\)> .*|\1|p' "$tmp/served.nq" | sort -u >"$tmp/iris"
[ "$(wc -l <"$tmp/iris")" -gt 100 ] || fail "the export has only $(wc -l <"$tmp/iris") entity IRIs"
served=0
while read -r iri; do
  curl -sS -L --max-time 10 -o "$tmp/page.html" -w '%{http_code}' "$iri" >"$tmp/code" ||
    fail "curl $iri failed"
  [ "$(cat "$tmp/code")" = 200 ] || fail "$iri: HTTP $(cat "$tmp/code")"
  grep -qF "data-iri=\"$iri\"" "$tmp/page.html" || fail "$iri does not answer with its page"
  served=$((served + 1))
done <"$tmp/iris"
echo "ok: served at the base IRI, all $served entity IRIs answer with their pages"
chrome "$base" --dump-dom "${base}index.html?q=Sergey%20Beseda" >"$tmp/index.dom"
[ "$(first_result "$tmp/index.dom")" = "official/beseda/index.html" ] || fail "search over http"
chrome "$base" --dump-dom "${base}official/beseda" >"$tmp/person.dom"
check_person "$tmp/person.dom" "$tmp/served/official/beseda/index.html" || fail "the person page over http"
echo "ok: over http the search and the person page work, with no request out of the site"
