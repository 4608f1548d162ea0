#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# The ontology's HTML documentation, docs/ontology.html, which the build
# makes from ontology/entente.ttl with tools/ontodoc:
#   - it is ontodoc's output for the ontology as it is now (not stale), and
#     ontodoc gives the same bytes twice and the documented exit statuses;
#   (a) xmllint --html reads it without an error but the inline SVG's
#       element names, which libxml2's HTML 4 parser does not know;
#   (b) every owl:Class, owl:ObjectProperty, owl:DatatypeProperty and
#       skos:Concept of the ontology (as rapper reads it) has an element
#       whose id is its local name;
#   (c) in headless Chromium: the class diagram is an inline SVG with a node
#       linking to each class, every #link leads to an id, the page asks
#       the network for nothing (Chromium's net log) and logs nothing to the
#       console, and a screenshot is a real picture;
#   (d) an ontology whose labels, comments and IRIs hold markup and bidi
#       controls gives a page where they are text: no script, img, iframe
#       or event handler in the DOM Chromium builds.
# Needs ENTENTE_BUILD with the ontology_doc target built, ENTENTE_SRC,
# xmllint, rapper, python3 and Chromium (CHROMIUM, default /usr/bin/chromium).
set -euo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
: "${ENTENTE_BUILD:?}" "${ENTENTE_SRC:?}"
ontodoc="$ENTENTE_BUILD/tools/ontodoc"
page="$ENTENTE_BUILD/docs/ontology.html"
onto="$ENTENTE_SRC/ontology/entente.ttl"
chromium=${CHROMIUM:-/usr/bin/chromium}
python=${PYTHON:-python3}
[ -x "$ontodoc" ] || fail "$ontodoc is missing: build the ontology_doc target"
[ -s "$page" ] || fail "$page is missing: build the ontology_doc target"
for tool in xmllint rapper "$python"; do
  command -v "$tool" >/dev/null || fail "$tool is missing"
done
[ -x "$chromium" ] || fail "$chromium is missing (Debian package chromium)"

# --- the page is current; ontodoc is deterministic; exit statuses -------------

"$ontodoc" "$onto" "$tmp/fresh.html" 2>"$tmp/err" || fail "ontodoc: $(cat "$tmp/err")"
[ ! -s "$tmp/err" ] || fail "ontodoc wrote to stderr: $(cat "$tmp/err")"
"$ontodoc" "$onto" "$tmp/again.html"
cmp -s "$tmp/fresh.html" "$tmp/again.html" || fail "two runs of ontodoc differ"
cmp -s "$tmp/fresh.html" "$page" ||
  fail "$page is not ontodoc's output for $onto: rebuild (ontology_doc target)"
echo "ok: the page is current and ontodoc is deterministic"

status() { # WANT DESCRIPTION MESSAGE-PATTERN ARGS...
  local want=$1 what=$2 pattern=$3 rc=0
  shift 3
  "$ontodoc" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
  [ "$rc" = "$want" ] || fail "ontodoc $what: exit $rc, want $want ($(cat "$tmp/err"))"
  grep -q -- "$pattern" "$tmp/err" || fail "ontodoc $what: message: $(cat "$tmp/err")"
}
status 64 "with no argument" "Usage: ontodoc ONTOLOGY.ttl OUTPUT.html"
status 64 "with one argument" "Usage:" "$onto"
status 66 "on a missing file" "missing.ttl: error: cannot open" "$tmp/missing.ttl" "$tmp/x.html"
printf '@prefix ex: <http://example.org/#> .\nex:a ex:b ex:c ;\n  @@@ .\n' >"$tmp/broken.ttl"
echo old >"$tmp/kept.html"
status 65 "on a syntax error" "broken.ttl:3:.*error" "$tmp/broken.ttl" "$tmp/kept.html"
[ "$(cat "$tmp/kept.html")" = old ] || fail "a failed run changed its output file"
: >"$tmp/empty.ttl"
status 65 "on an empty file" "empty.ttl: error: the file holds no statement" "$tmp/empty.ttl" "$tmp/x.html"
status 74 "into a missing directory" "error: cannot create" "$onto" "$tmp/no/such/dir.html"
if [ -w /dev/full ]; then
  status 74 "onto a full disk" "/dev/full: error: cannot write" "$onto" /dev/full
fi
[ -z "$(find "$tmp" -name '*.html.*')" ] || fail "a temporary file was left: $(find "$tmp" -name '*.html.*')"
echo "ok: exit statuses 64, 65, 66 and 74, and no partial output"

# --- (a) xmllint ---------------------------------------------------------------

# Every message but "Tag X invalid" for the SVG elements Graphviz draws with.
xmllint_errors() { # PAGE
  local rc=0
  xmllint --html --noout "$1" 2>"$tmp/xmllint.err" || rc=$?
  [ "$rc" = 0 ] || fail "xmllint --html $1: exit $rc: $(head -5 "$tmp/xmllint.err")"
  "$python" - "$1" "$tmp/xmllint.err" <<'EOF'
import re, sys
page, log = sys.argv[1], sys.argv[2]
svg = {"svg", "g", "path", "polygon", "polyline", "ellipse", "text"}
bad = []
for line in open(log, encoding="utf-8", errors="replace"):
    if not line.startswith(page + ":"):
        continue  # the context and caret lines of a message
    m = re.match(r".*?:\d+: .*?(?:error|warning) : (.*)$", line[len(page):].rstrip("\n"))
    tag = re.fullmatch(r"Tag (\S+) invalid", m.group(1)) if m else None
    if not tag or tag.group(1) not in svg:
        bad.append(line.rstrip("\n"))
if bad:
    sys.exit("xmllint --html: " + "\n".join(bad[:10]))
EOF
}
xmllint_errors "$page" || fail "xmllint found errors in $page"
echo "ok: xmllint --html finds no error (only the inline SVG's tags)"

# --- Chromium ------------------------------------------------------------------

file_url() { "$python" -c 'import pathlib, sys; print(pathlib.Path(sys.argv[1]).resolve().as_uri())' "$1"; }

run=0
mkdir -p "$tmp/home"
chrome() { # ARGS... (stderr to $tmp/chrome.$run.err)
  run=$((run + 1))
  # Its own home: Chromium writes crash-report and dconf directories there.
  HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" XDG_CACHE_HOME="$tmp/home/.cache" \
    timeout -k 5 60 "$chromium" --headless --no-sandbox --disable-gpu \
      --no-first-run --no-default-browser-check --disable-extensions \
      --disable-sync --disable-background-networking --disable-component-update \
      --disable-default-apps --no-pings --disable-dev-shm-usage \
      --user-data-dir="$tmp/profile.$run" \
      --host-resolver-rules="MAP * ~NOTFOUND" \
      --enable-logging=stderr --v=0 "$@" 2>"$tmp/chrome.$run.err" ||
    fail "chromium $*: exit $?: $(grep -v dbus "$tmp/chrome.$run.err" | tail -5)"
  if grep -a ':CONSOLE' "$tmp/chrome.$run.err" >"$tmp/console"; then
    fail "console messages: $(head -5 "$tmp/console")"
  fi
}

# The DOM of a page, and what it made Chromium fetch (its net log).
dump_dom() { # PAGE DOM
  local net="$tmp/net.$((run + 1)).json"
  chrome --log-net-log="$net" --dump-dom "$(file_url "$1")" >"$2"
  [ -s "$2" ] || fail "chromium dumped no DOM for $1"
  "$python" - "$net" <<'EOF' || fail "the page made network requests"
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
# Chromium's own requests (updates, accounts) have no initiator; anything
# the page asks for has the page's origin ("null" for a file).
asked = [e["params"]["url"] for e in log["events"]
         if types.get(e["type"]) == "URL_REQUEST_START_JOB"
         and "url" in e.get("params", {})
         and e["params"].get("initiator") != "not an origin"]
if asked:
    sys.exit("requests from the page: " + ", ".join(asked[:5]))
EOF
}

# check_dom DOM NTRIPLES HOSTILE: the DOM checks (b), (c) and (d).
check_dom() {
  "$python" - "$@" <<'EOF'
import html.parser, re, sys, urllib.parse
dom_file, nt_file, hostile = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
errors = []

class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.links, self.tags, self.handlers = [], [], {}, []
        self.stack, self.svgs, self.nodes, self.node_links = [], 0, 0, set()
        self.text = []
    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        self.tags[tag] = self.tags.get(tag, 0) + 1
        if "id" in a:
            self.ids.append(a["id"])
        for k, v in a.items():
            if k.startswith("on"):
                self.handlers.append(tag + " " + k)
            if k in ("href", "xlink:href", "src", "action", "formaction"):
                self.links.append((tag, k, v))
        in_diagram = any(t == "svg" for t, _ in self.stack)
        if tag == "svg":
            self.svgs += 1 if not in_diagram else 0
        if in_diagram and tag == "g" and a.get("class") == "node":
            self.nodes += 1
        if in_diagram and tag == "a" and a.get("xlink:href", "").startswith("#"):
            self.node_links.add(a["xlink:href"][1:])
        if tag not in ("meta", "br", "link", "img", "input", "hr", "col", "area", "base", "wbr", "source"):
            self.stack.append((tag, a))
    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if self.stack and self.stack[-1][0] == tag:
            self.stack.pop()
    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break
    def handle_data(self, data):
        if not any(t in ("style", "title") for t, _ in self.stack):
            self.text.append(data)

p = Page()
p.feed(open(dom_file, encoding="utf-8").read())
p.close()
ids = set(p.ids)
dups = sorted({i for i in p.ids if p.ids.count(i) > 1})
if dups:
    errors.append("ids used twice: " + ", ".join(dups[:10]))

# (b) every declared term has an element with its local name as id.
def unescape_nt(s):
    return re.sub(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})",
                  lambda m: chr(int(m.group(1) or m.group(2), 16)), s)
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
kinds = {"http://www.w3.org/2002/07/owl#Class": "class",
         "http://www.w3.org/2002/07/owl#ObjectProperty": "object property",
         "http://www.w3.org/2002/07/owl#DatatypeProperty": "datatype property",
         "http://www.w3.org/2004/02/skos/core#Concept": "concept"}
terms = {k: set() for k in kinds.values()}
for line in open(nt_file, encoding="utf-8"):
    m = re.match(r"<([^>]*)> <([^>]*)> <([^>]*)> \.$", line.strip())
    if m and m.group(2) == RDF_TYPE and m.group(3) in kinds:
        terms[kinds[m.group(3)]].add(unescape_nt(m.group(1)))
def local(iri):
    name = re.split(r"[#/]", iri)[-1]
    return name if name else iri
for kind, iris in terms.items():
    for iri in sorted(iris):
        if local(iri) not in ids:
            errors.append(f"no element with id {local(iri)!r} for the {kind} <{iri}>")
if not terms["class"] or sum(map(len, terms.values())) < 4:
    errors.append("rapper found (almost) no terms: %s" % {k: len(v) for k, v in terms.items()})

# (c) the diagram: one inline SVG, a node linking to each class.
if p.svgs != 1:
    errors.append(f"{p.svgs} inline SVG diagrams, want 1")
if p.nodes < len(terms["class"]):
    errors.append(f"the diagram has {p.nodes} nodes for {len(terms['class'])} classes")
for iri in sorted(terms["class"]):
    if local(iri) not in p.node_links:
        errors.append(f"no diagram node links to the class {local(iri)!r}")
# Every link within the page leads to an id (the fragment as written, or
# percent-decoded, as a browser looks for it).
for tag, attr, value in p.links:
    if value.startswith("#"):
        frag = value[1:]
        if frag not in ids and urllib.parse.unquote(frag) not in ids:
            errors.append(f"<{tag} {attr}={value!r}> leads nowhere")
    elif attr in ("src", "action", "formaction") or not re.match(r"https?://", value):
        errors.append(f"<{tag} {attr}={value!r}>: not a link the page should have")
# Nothing runs, loads or embeds.
for tag in ("script", "img", "iframe", "frame", "object", "embed", "link",
            "base", "form", "input", "video", "audio", "source", "noscript"):
    if p.tags.get(tag):
        errors.append(f"{p.tags[tag]} <{tag}> element(s) in the DOM")
if p.tags.get("style", 0) != 1:
    errors.append(f"{p.tags.get('style', 0)} <style> elements, want 1 (the page's own)")
if p.handlers:
    errors.append("event handler attributes: " + ", ".join(p.handlers[:5]))

# (d) the hostile ontology's markup and bidi controls are text.
if hostile:
    text = "".join(p.text)
    for s in ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>',
              "<iframe src=", "<svg onload=alert(1)>", "\u202egnp.exe\u202c",
              "\u2067isolate\u2069", "]]></style></table><script>alert(6)</script>"):
        if s not in text:
            errors.append(f"the text {s!r} is not shown as text")
if errors:
    sys.exit("\n".join(errors[:30]))
EOF
}

rapper -q -i turtle -o ntriples "$onto" >"$tmp/onto.nt" 2>"$tmp/rapper.err" ||
  fail "rapper cannot read $onto: $(cat "$tmp/rapper.err")"
dump_dom "$page" "$tmp/dom.html"
check_dom "$tmp/dom.html" "$tmp/onto.nt" 0 || fail "$page, as Chromium reads it"
echo "ok: every class, property and concept has its id; the diagram has a node per class"
echo "ok: every #link resolves; no network request; no console message"

chrome --screenshot="$tmp/shot.png" --window-size=1280,2000 "$(file_url "$page")" >/dev/null
"$python" - "$tmp/shot.png" <<'EOF' || fail "the screenshot is not a picture of the page"
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
    sys.exit("not a PNG")
width, height = struct.unpack(">II", data[16:24])
if (width, height) != (1280, 2000):
    sys.exit(f"{width}x{height}, want 1280x2000")
# A blank page compresses to about 10 KB and filters to nearly all zeros.
idat, pos = b"", 8
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    if kind == b"IDAT":
        idat += data[pos + 8:pos + 8 + length]
    pos += 12 + length
raw = zlib.decompress(idat)
busy = 1 - raw.count(0) / len(raw)
if len(data) < 50000 or busy < 0.02:
    sys.exit(f"{len(data)} bytes, {busy:.1%} non-zero: a blank page?")
EOF
echo "ok: the screenshot is a 1280x2000 picture of the page ($(wc -c <"$tmp/shot.png") bytes)"

# --- (d) a hostile ontology ----------------------------------------------------

cat >"$tmp/hostile.ttl" <<'EOF'
@prefix ex:      <http://example.org/evil#> .
@prefix owl:     <http://www.w3.org/2002/07/owl#> .
@prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix schema:  <http://schema.org/> .

<http://example.org/evil>
    a                   owl:Ontology ;
    dcterms:title       "</title><script>alert(1)</script>" ;
    dcterms:description "\"><img src=x onerror=alert(1)>" ;
    owl:versionInfo     "<style>body{background:url(http://example.com/x)}</style>" ;
    dcterms:license     <javascript:alert(3)> ;
    dcterms:creator     "<iframe src=\"http://example.com/\"></iframe>" .

ex:Evil
    a                   owl:Class ;
    rdfs:label          "<script>alert(1)</script>"@en ;
    rdfs:comment        "\"><img src=x onerror=alert(1)>"@en ;
    rdfs:subClassOf     schema:Thing , ex:Other .

ex:Other
    a                   owl:Class ;
    rdfs:label          "\u202Egnp.exe\u202C and \u2067isolate\u2069"@en ;
    rdfs:comment        "<a href=\"javascript:alert(1)\">click</a> <svg onload=alert(1)>"@en .

<http://example.org/evil#x%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E'&amp;>
    a                   owl:Class ;
    rdfs:label          "\\N \\G \\l & &amp; backslashes"@en ;
    rdfs:subClassOf     ex:Evil .

ex:Négociation
    a                   owl:Class ;
    rdfs:label          "négociation"@fr ;
    rdfs:subClassOf     [ a owl:Class ; owl:unionOf ( ex:Evil ex:Other ) ] .

ex:evilProp
    a                   owl:ObjectProperty ;
    rdfs:label          "<img src=x onerror=alert(2)>"@en ;
    rdfs:domain         ex:Evil ;
    rdfs:range          [ a owl:Class ; owl:unionOf ( ex:Evil ex:Other ) ] .

ex:scheme
    a                   skos:ConceptScheme ;
    skos:prefLabel      "<script>alert(4)</script>"@en .

ex:c1
    a                   skos:Concept ;
    skos:inScheme       ex:scheme ;
    skos:prefLabel      "<img src=x onerror=alert(5)>"@en ;
    skos:definition     "]]></style></table><script>alert(6)</script>"@en .

ex:Kind
    a                   owl:Class ;
    rdfs:subClassOf     skos:Concept .

ex:k1
    a                   ex:Kind , skos:Concept ;
    skos:prefLabel      "<b onmouseover=alert(7)>in no scheme</b>"@en .
EOF
"$ontodoc" "$tmp/hostile.ttl" "$tmp/hostile.html" 2>"$tmp/err" ||
  fail "ontodoc on the hostile ontology: $(cat "$tmp/err")"
[ ! -s "$tmp/err" ] || fail "ontodoc on the hostile ontology wrote: $(cat "$tmp/err")"
xmllint_errors "$tmp/hostile.html" || fail "xmllint found errors in the hostile page"
rapper -q -i turtle -o ntriples "$tmp/hostile.ttl" >"$tmp/hostile.nt"
dump_dom "$tmp/hostile.html" "$tmp/hostile-dom.html"
check_dom "$tmp/hostile-dom.html" "$tmp/hostile.nt" 1 || fail "the hostile ontology's page"
echo "ok: a hostile ontology's markup, IRIs and bidi controls come out as text"
