#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Check a site `entente site` wrote, file by file, against its N-Quads.

Usage: check_pages.py SITE NQUADS BASE JSONLD-OUT [--hostile]

- every link (href, src, xlink:href) of every page leads to a file of the
  site (and a fragment to an id of the page); links out are only http(s)
  links marked rel="external ..."; no other scheme anywhere;
- the only scripts are the site's own (assets/site.js, the page's JSON-LD,
  the index's search data); no event handler attribute; no element that
  loads or embeds anything (img, iframe, object, embed, form, base);
- ids are unique in a page;
- every entity page's <body data-iri> is BASE + its directory;
- every subject of the N-Quads export under BASE has its page, and its
  index.nt (read by serdi) holds exactly its statements, as does its
  index.ttl;
- each page's JSON-LD is written to JSONLD-OUT (one JSON object a line:
  page, iri, the JSON-LD text, the expected statements as N-Triples lines)
  for jsonld_check.mjs.
With --hostile, also: no <b>, <table> or <svg> outside the diagram the
text could have injected (checked by the same rules).
"""

import html.parser
import json
import os
import re
import subprocess
import sys
import urllib.parse

site, nq_file, base, out_file = sys.argv[1:5]
hostile = "--hostile" in sys.argv[5:]
errors = []


def err(msg):
    errors.append(msg)


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids = []
        self.links = []
        self.scripts = []
        self.handlers = []
        self.tags = {}
        self.body = {}
        self.ld = []
        self.in_script = None
        self.in_svg = 0
        self.outside_svg = {}

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        self.tags[tag] = self.tags.get(tag, 0) + 1
        if not self.in_svg:
            self.outside_svg[tag] = self.outside_svg.get(tag, 0) + 1
        if tag == "svg":
            self.in_svg += 1
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "body":
            self.body = a
        for k, v in a.items():
            if k.startswith("on"):
                self.handlers.append(f"<{tag} {k}>")
            if k in ("href", "xlink:href", "src", "action", "formaction", "data", "srcset"):
                self.links.append((tag, k, v, a.get("rel", "")))
        if tag == "script":
            self.scripts.append(a)
            self.in_script = a
            self.script_text = []

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "svg":
            self.in_svg -= 1

    def handle_endtag(self, tag):
        if tag == "svg" and self.in_svg:
            self.in_svg -= 1
        if tag == "script" and self.in_script is not None:
            if self.in_script.get("type") == "application/ld+json":
                self.ld.append("".join(self.script_text))
            self.in_script = None

    def handle_data(self, data):
        if self.in_script is not None:
            self.script_text.append(data)


def nq_statements():
    """Subject IRI -> set of N-Triples lines (graph dropped)."""
    by_subject = {}
    pattern = re.compile(r"^<([^>]*)> (.*) <[^>]*> \.$")
    for line in open(nq_file, encoding="utf-8"):
        m = pattern.match(line.rstrip("\n"))
        if not m:
            err(f"N-Quads line not understood: {line[:80]!r}")
            continue
        by_subject.setdefault(m.group(1), set()).add(f"<{m.group(1)}> {m.group(2)} .")
    return by_subject


UNICODE_ESCAPE = re.compile(r"\\\\|\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def unescape(line):
    """serdi writes N-Triples in ASCII: characters past U+007F as escapes."""
    return UNICODE_ESCAPE.sub(
        lambda m: m.group(0) if m.group(0) == "\\\\" else chr(int(m.group(1) or m.group(2), 16)),
        line)


def serdi_lines(path, syntax):
    r = subprocess.run(["serdi", "-i", syntax, "-o", "ntriples", path],
                       capture_output=True, text=True, encoding="utf-8")
    if r.returncode != 0:
        err(f"serdi cannot read {path}: {r.stderr.strip()[:200]}")
        return set()
    return {unescape(line) for line in r.stdout.splitlines() if line.strip()}


statements = nq_statements()
pages = {}
for root, dirs, files in os.walk(site):
    dirs.sort()
    for name in sorted(files):
        if name.endswith(".html"):
            rel = os.path.relpath(os.path.join(root, name), site)
            p = Page()
            with open(os.path.join(root, name), encoding="utf-8") as f:
                p.feed(f.read())
            p.close()
            pages[rel] = p

if "index.html" not in pages:
    err("no index.html")
n_links = 0
for rel, p in sorted(pages.items()):
    here = os.path.dirname(rel)
    dups = sorted({i for i in p.ids if p.ids.count(i) > 1})
    if dups:
        err(f"{rel}: ids used twice: {dups[:5]}")
    for tag, attr, value, rel_attr in p.links:
        n_links += 1
        url = urllib.parse.urlsplit(value)
        if url.scheme in ("http", "https"):
            if tag != "a" or "external" not in rel_attr.split():
                err(f"{rel}: <{tag} {attr}={value!r}>: a link out of the site not marked external")
            continue
        if url.scheme or url.netloc or value.startswith("/"):
            err(f"{rel}: <{tag} {attr}={value!r}>: not a relative link")
            continue
        if not url.path:
            if url.fragment and url.fragment not in p.ids:
                err(f"{rel}: <{tag} {attr}={value!r}> leads to no id")
            continue
        target = os.path.normpath(os.path.join(here, urllib.parse.unquote(url.path)))
        if target.startswith(".."):
            err(f"{rel}: <{tag} {attr}={value!r}> leads out of the site")
        elif not os.path.isfile(os.path.join(site, target)):
            err(f"{rel}: <{tag} {attr}={value!r}> leads to no file ({target})")
    for s in p.scripts:
        ok = (s.get("src", "").endswith("assets/site.js") and len(s) <= 2) or \
             (s.get("type") == "application/ld+json" and "src" not in s) or \
             (s.get("type") == "application/json" and s.get("id") == "search-data" and "src" not in s)
        if not ok:
            err(f"{rel}: a script that is not the site's own: {s}")
    if p.handlers:
        err(f"{rel}: event handlers: {p.handlers[:5]}")
    for tag in ("img", "iframe", "frame", "object", "embed", "form", "base", "video", "audio"):
        if p.tags.get(tag):
            err(f"{rel}: {p.tags[tag]} <{tag}> element(s)")
    if hostile:
        for tag in ("b", "i", "table"):
            if p.outside_svg.get(tag) and tag != "table":
                err(f"{rel}: injected <{tag}> element(s)")

# Entity pages: data-iri, and what the export says of each IRI.
jsonld = []
base_pages = 0
for subject, lines in sorted(statements.items()):
    if not subject.startswith(base) or subject == base:
        continue
    path = subject[len(base):]
    page = f"{path}/index.html"
    if page not in pages:
        err(f"no page for <{subject}> ({page})")
        continue
    base_pages += 1
    p = pages[page]
    if p.body.get("data-iri") != subject:
        err(f"{page}: data-iri {p.body.get('data-iri')!r}, want {subject!r}")
    if len(p.ld) != 1:
        err(f"{page}: {len(p.ld)} JSON-LD blocks, want 1")
    else:
        jsonld.append({"page": page, "iri": subject, "jsonld": p.ld[0],
                       "expected": sorted(lines)})
    for name, syntax in (("index.nt", "ntriples"), ("index.ttl", "turtle")):
        got = serdi_lines(os.path.join(site, path, name), syntax)
        if got != lines:
            missing = sorted(lines - got)[:2]
            extra = sorted(got - lines)[:2]
            err(f"{path}/{name}: not the entity's statements (missing {missing}, extra {extra})")
# The corpus pages: their JSON-LD says only what the export says.
every = sorted(set().union(*statements.values())) if statements else []
for rel in ("index.html", "timeline.html", "sources.html"):
    p = pages.get(rel)
    if p is None:
        err(f"no {rel}")
    elif len(p.ld) != 1:
        err(f"{rel}: {len(p.ld)} JSON-LD blocks, want 1")
    else:
        jsonld.append({"page": rel, "jsonld": p.ld[0], "expected": every, "subset": True})
for rel, p in pages.items():
    iri = p.body.get("data-iri")
    if iri is not None and not iri.startswith(base) and "other/" not in rel:
        err(f"{rel}: data-iri {iri!r} is not under {base}")

with open(out_file, "w", encoding="utf-8") as f:
    for item in jsonld:
        f.write(json.dumps(item, ensure_ascii=False) + "\n")

if errors:
    print("\n".join(errors[:40]), file=sys.stderr)
    if len(errors) > 40:
        print(f"... and {len(errors) - 40} more", file=sys.stderr)
    sys.exit(1)
print(f"ok: {len(pages)} pages, {n_links} links, {base_pages} entity IRIs with "
      f"their page, statements and JSON-LD")
