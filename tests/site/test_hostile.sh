#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Hostile text in a site: the hostile-label cases of tests/hostile (markup,
# DOT keywords, backslashes, bidi controls in names) and a dataset whose
# names, aliases, descriptions and quotes carry script, iframe, event
# handler and comment markup.  Every page of each site, as headless Chromium
# builds its DOM, has only the site's own scripts, no event handler, no
# javascript: link, no element the text could have injected (img, iframe,
# object, embed, b, i, u, svg outside the diagram), and the hostile text
# is there as text.  The site's checker (check_pages.py --hostile) runs on
# the files too (every page); Chromium reads every page of the markup
# dataset and the index and officials' pages of the others.
# Needs ENTENTE, ENTENTE_SRC, python3 and Chromium (CHROMIUM).
set -euo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
: "${ENTENTE:?}" "${ENTENTE_SRC:?}"
chromium=${CHROMIUM:-/usr/bin/chromium}
python=${PYTHON:-python3}
[ -x "$chromium" ] || fail "$chromium is missing (Debian package chromium)"
cases="$ENTENTE_SRC/tests/hostile/cases"

cat >"$tmp/markup.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<dataset xmlns="https://w3id.org/entente/format/1" id="markup" base="https://example.org/id/" xml:lang="en">
  <sources>
    <source id="report" published="2025-03-24">
      <title>&lt;/title&gt;&lt;script&gt;alert("title")&lt;/script&gt;</title>
    </source>
  </sources>
  <countries>
    <country id="ukraine"><name>Ukraine &lt;img src=x onerror=alert(1)&gt;</name></country>
  </countries>
  <officials>
    <official id="umerov" country="ukraine">
      <name>&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;</name>
      <alias>&lt;iframe src="javascript:alert(3)"&gt;&lt;/iframe&gt;</alias>
      <alias xml:lang="ru">&lt;!--&lt;script&gt;--&gt;</alias>
      <description>"&gt;&lt;svg onload=alert(4)&gt;&lt;b&gt;bold&lt;/b&gt; &amp;amp; &#x202E;gnp.exe&#x202C;</description>
    </official>
  </officials>
  <negotiations>
    <negotiation id="talks" date="2025-03-23" format="technical" status="held">
      <title>&lt;a href="javascript:alert(5)"&gt;talks&lt;/a&gt;</title>
      <delegation id="ukraine-delegation" side="ukraine" leaders="umerov"/>
    </negotiation>
  </negotiations>
  <statements>
    <quote id="q" speaker="umerov" concerns="talks">&lt;/blockquote&gt;&lt;script&gt;alert(6)&lt;/script&gt;</quote>
  </statements>
</dataset>
EOF

run=0
mkdir -p "$tmp/home"
dump_dom() { # PAGE DOM
  run=$((run + 1))
  HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" XDG_CACHE_HOME="$tmp/home/.cache" \
    timeout -k 5 90 "$chromium" --headless --no-sandbox --disable-gpu \
      --no-first-run --no-default-browser-check --disable-extensions \
      --disable-sync --disable-background-networking --disable-component-update \
      --disable-default-apps --no-pings --disable-dev-shm-usage \
      --user-data-dir="$tmp/profile" --host-resolver-rules="MAP * ~NOTFOUND" \
      --virtual-time-budget=3000 --enable-logging=stderr --v=0 \
      --dump-dom "$("$python" -c 'import pathlib, sys; print(pathlib.Path(sys.argv[1]).resolve().as_uri())' "$1")" \
      >"$2" 2>"$tmp/chrome.err" || fail "chromium $1: exit $?: $(tail -3 "$tmp/chrome.err")"
  [ -s "$2" ] || fail "chromium dumped no DOM for $1"
  if grep -a ':CONSOLE' "$tmp/chrome.err" >"$tmp/console"; then
    fail "console messages on $1 (an injected script ran?): $(head -3 "$tmp/console")"
  fi
}

check_dom() { # DOM TEXT...: no injected element; each TEXT is in the text
  "$python" - "$@" <<'EOF'
import html.parser, sys
dom, texts = sys.argv[1], sys.argv[2:]
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.bad, self.text, self.svg, self.script = [], [], 0, None
    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        for k, v in a.items():
            if k.startswith("on"):
                self.bad.append(f"<{tag} {k}>")
            if v.strip().lower().startswith(("javascript:", "vbscript:", "data:text/html")):
                self.bad.append(f"<{tag} {k}={v!r}>")
        if tag in ("img", "iframe", "object", "embed", "frame", "base", "form") or \
                (tag in ("b", "i", "u", "svg") and not self.svg):
            if tag != "svg" or not self.in_figure():
                self.bad.append(f"<{tag}>")
        if tag == "svg":
            self.svg += 1
        if tag == "script":
            ours = a.get("src", "").endswith("assets/site.js") or \
                a.get("type") in ("application/ld+json", "application/json")
            if not ours:
                self.bad.append(f"<script {a}>")
            self.script = a
        self.stack.append((tag, a.get("class", "")))
    def in_figure(self):
        return any(t == "figure" and "ego" in c.split() for t, c in self.stack)
    def handle_endtag(self, tag):
        if tag == "svg" and self.svg:
            self.svg -= 1
        if tag == "script":
            self.script = None
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break
    def handle_data(self, data):
        if self.script is None:
            self.text.append(data)
p = P()
p.stack = []
p.feed(open(dom, encoding="utf-8").read())
text = "".join(p.text)
missing = [t for t in texts if t not in text]
if p.bad or missing:
    sys.exit(f"{dom}: injected: {p.bad[:5]}; text missing: {missing[:3]}")
EOF
}

n_pages=0
for dataset in "$cases/label-html.xml" "$cases/label-dot-keywords.xml" \
  "$cases/label-backslash.xml" "$cases/bidi-name.xml" "$tmp/markup.xml"; do
  name=$(basename "$dataset" .xml)
  "$ENTENTE" site "$dataset" -q -w -O "$tmp/$name" 2>"$tmp/err" ||
    fail "entente site $name: exit $?: $(cat "$tmp/err")"
  "$ENTENTE" export "$dataset" -q -w -f nquads -o "$tmp/$name.nq" || fail "export $name"
  "$python" "$ENTENTE_SRC/tests/site/check_pages.py" "$tmp/$name" "$tmp/$name.nq" \
    https://example.org/id/ "$tmp/$name.jsonl" --hostile >/dev/null || fail "check_pages.py $name"
  # In Chromium: every page of the markup dataset; of the label cases, the
  # index and the pages of what carries a hostile name (one run each).
  if [ "$name" = markup ]; then
    pattern='*.html'
  else
    pattern='*/official/*/index.html'
  fi
  while IFS= read -r -d '' page; do
    dump_dom "$page" "$tmp/dom.html"
    check_dom "$tmp/dom.html" || fail "the DOM of $page"
    n_pages=$((n_pages + 1))
  done < <({ find "$tmp/$name" -path "$pattern" -print0; printf '%s\0' "$tmp/$name/index.html"; } | sort -zu)
done
# The markup is there as text, where the names are shown.
dump_dom "$tmp/markup/official/umerov/index.html" "$tmp/dom.html"
check_dom "$tmp/dom.html" '</script><script>alert(2)</script>' '<iframe src="javascript:alert(3)"></iframe>' \
  '<!--<script>-->' '"><svg onload=alert(4)><b>bold</b> &amp;' '</blockquote><script>alert(6)</script>' ||
  fail "the hostile names are not text on the official's page"
dump_dom "$tmp/markup/index.html" "$tmp/dom.html"
check_dom "$tmp/dom.html" '</script><script>alert(2)</script>' 'Ukraine <img src=x onerror=alert(1)>' ||
  fail "the hostile names are not text on the index"
dump_dom "$tmp/label-html/official/umerov/index.html" "$tmp/dom.html"
check_dom "$tmp/dom.html" '<b>unbalanced <<table>' || fail "label-html's name is not text"
echo "ok: $n_pages pages of 5 hostile datasets: their text stays text in Chromium's DOM, nothing injected"

# Right to left: an outlet named in Arabic and names holding bidirectional
# controls left open (U+202E, U+2067).  The pages drop the controls from
# their text, isolate right-to-left names (dir="auto"), and isolate the
# outlet in a source's "OUTLET, DAY" from the day, whose digits it turned
# around ("24-03-2025 ,الجزيرة نت").  Only the diagrams (each label its own
# SVG text) and the search data keep the names as given.
cat >"$tmp/rtl.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<dataset xmlns="https://w3id.org/entente/format/1" id="rtl" base="https://example.org/id/" xml:lang="en">
  <sources>
    <source id="report" published="2025-03-24" outlet="jaz"><title>A short report</title></source>
  </sources>
  <outlets><outlet id="jaz"><name>الجزيرة نت</name></outlet></outlets>
  <countries><country id="ukraine"><name>Ukraine</name></country></countries>
  <institutions>
    <institution id="defence-ministry" country="ukraine"><name>Ministry &#x2067;of Defence</name></institution>
  </institutions>
  <officials>
    <official id="umerov" country="ukraine">
      <name>Rustem &#x202E;Umerov</name>
      <post title="Defence Minister" institution="defence-ministry" head="true"/>
    </official>
  </officials>
</dataset>
EOF
"$ENTENTE" site "$tmp/rtl.xml" -q -w -O "$tmp/rtl" || fail "entente site rtl: exit $?"
"$python" - "$tmp/rtl" <<'EOF' || fail "right-to-left names"
import pathlib, re, sys
root = pathlib.Path(sys.argv[1])
bidi = re.compile("[\u202a-\u202e\u2066-\u2069]")
errors, short, isolated = [], 0, 0
for page in root.rglob("*.html"):
    text = page.read_text(encoding="utf-8")
    # The diagrams and the search data aside.
    body = re.sub(r"(?s)<svg.*?</svg>|<script.*?</script>", "", text)
    if bidi.search(body):
        errors.append(f"{page}: a bidirectional control in the page's text")
    short += len(re.findall(r"<a [^>]*><bdi>الجزيرة نت</bdi>, 2025-03-24</a>", body))
    isolated += len(re.findall(r'<a dir="auto" [^>]*>الجزيرة نت</a>', body))
if not short:
    errors.append("no source listed as <bdi>OUTLET</bdi>, DAY")
if not isolated:
    errors.append("the outlet's name is not isolated (dir=auto) where it is linked")
if errors:
    sys.exit("\n".join(errors[:5]))
EOF
echo "ok: right-to-left names are isolated, and bidirectional controls left open are dropped from the pages' text"
