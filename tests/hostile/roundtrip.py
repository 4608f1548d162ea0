#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Check that an export kept hostile-but-valid text exactly.

usage: roundtrip.py rdf INPUT.xml OUTPUT FORMAT
       roundtrip.py dot INPUT OUTPUT.dot

rdf: OUTPUT (written by `entente export -f FORMAT`) must parse strictly
(serdi for Turtle, N-Triples, N-Quads; rdflib for RDF/XML); every text of the dataset
(name, alias, description, title, quote, paraphrase; after XML's own
normalisation) must come back as a literal, byte for byte; the number of
statements must equal what `entente validate` counts ($ENTENTE).

dot: OUTPUT must be read by Graphviz without a complaint; no node may be
named or labelled "injected" or "pwned" (the injection attempts of the
corpus); rendered to SVG, every line of every hostile label of the input
(the texts a dataset case changed from ok.xml; rdfs:label / schema:name /
skos:prefLabel of an RDF file) must be the text of some <text> element,
exactly as written; no link may use the javascript:, file:, data: or
vbscript: scheme.

Prints one line saying what is wrong and exits 1, or exits 0 silently.
"""

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

FORMAT_NS = "{https://w3id.org/entente/format/1}"
TEXT_ELEMENTS = ("name", "alias", "description", "title", "quote", "paraphrase")


def fail(message):
    print(message)
    sys.exit(1)


def dataset_texts(path):
    texts = []
    for el in ET.parse(path).iter():
        if el.tag.startswith(FORMAT_NS) and el.tag[len(FORMAT_NS):] in TEXT_ELEMENTS:
            texts.append("".join(el.itertext()))
    return texts


def short(s, n=60):
    s = repr(s)
    return s if len(s) <= n else s[:n] + "...(%d chars)" % len(s)


NT_LINE = re.compile(r"^(<[^>]*>|_:\S+) <([^>]*)> (.*) \.$")
NT_ESCAPES = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def nt_literal(obj):
    """The lexical form of an N-Triples object, or None for an IRI/bnode."""
    if not obj.startswith('"'):
        return None
    out, i = [], 1
    while obj[i] != '"':
        c = obj[i]
        if c == "\\":
            n = obj[i + 1]
            if n == "u":
                out.append(chr(int(obj[i + 2 : i + 6], 16)))
                i += 6
            elif n == "U":
                out.append(chr(int(obj[i + 2 : i + 10], 16)))
                i += 10
            else:
                out.append(NT_ESCAPES[n])
                i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def serdi_triples(path, syntax):
    """(predicate, literal-or-None) of each statement, read by serdi (strict)."""
    proc = subprocess.run(
        ["serdi", "-i", syntax, "-o", "ntriples", path], capture_output=True
    )
    if proc.returncode != 0 or proc.stderr.strip():
        fail("serdi rejects the %s output: %s" % (syntax, proc.stderr.decode(errors="replace").strip()[:200]))
    triples = []
    for line in proc.stdout.decode("utf-8").split("\n"):
        if line:
            m = NT_LINE.match(line)
            if not m:
                fail("serdi wrote a line this checker cannot read: %s" % short(line))
            triples.append((m.group(2), nt_literal(m.group(3))))
    return triples


def check_rdf(source, output, fmt):
    if fmt in ("ntriples", "nquads", "turtle"):
        triples = serdi_triples(output, fmt)
        literals = {lit for _, lit in triples if lit is not None}
        count = len(triples)
    elif fmt == "rdfxml":
        import rdflib

        graph = rdflib.Graph()
        try:
            graph.parse(output, format="xml")
        except Exception as e:  # noqa: BLE001 - any parse failure is the finding
            fail("rdflib cannot parse the RDF/XML output: %s" % str(e)[:200])
        literals = {str(o) for o in graph.objects() if isinstance(o, rdflib.Literal)}
        count = len(graph)
    else:
        return
    for text in dataset_texts(source):
        if text not in literals:
            near = [l for l in literals if l.strip() == text.strip() or l[:20] == text[:20]]
            fail("text %s did not come back exactly%s" % (short(text), "; got " + short(near[0]) if near else ""))
    entente = os.environ.get("ENTENTE")
    if entente:
        proc = subprocess.run([entente, "validate", source], capture_output=True, text=True)
        m = re.search(r"(\d+) statements", proc.stdout)
        if m and int(m.group(1)) != count:
            fail("%s output holds %d statements, entente validate counts %s" % (fmt, count, m.group(1)))


LABEL_PREDICATES = {
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://schema.org/name",
    "http://www.w3.org/2004/02/skos/core#prefLabel",
}


def input_labels(source):
    if source.endswith(".xml"):
        # Only the texts this case changed: a diagram need not draw every
        # element (sources, say), but it must draw what it draws exactly.
        base = os.path.join(os.path.dirname(source), "ok.xml")
        known = set(dataset_texts(base)) if os.path.exists(base) else set()
        return [t for t in dataset_texts(source) if t not in known]
    syntax = "ntriples" if source.endswith(".nt") else "turtle"
    return [lit for p, lit in serdi_triples(source, syntax) if p in LABEL_PREDICATES and lit is not None]


def graphviz(fmt, path):
    proc = subprocess.run(["dot", "-T" + fmt, path], capture_output=True)
    if proc.returncode != 0 or proc.stderr.strip():
        fail("Graphviz (dot -T%s) complains about the output: %s" % (fmt, proc.stderr.decode(errors="replace").strip()[:200]))
    return proc.stdout.decode("utf-8")


def check_dot(source, output):
    # Structure: no node may come from text (the injection attempts of the
    # corpus name "injected" and "pwned").
    try:
        doc = json.loads(graphviz("json", output))
    except ValueError as e:
        fail("dot -Tjson gave no JSON: %s" % e)
    for obj in doc.get("objects", []):
        if str(obj.get("name", "")) in ("injected", "pwned") or obj.get("label") == "pwned":
            fail("a node %s was injected" % short(obj.get("name")))
    # What a reader sees: the rendered SVG.  Each line of each label must be
    # the text of some <text> element, exactly; no link may run code or open
    # a local file.
    svg = graphviz("svg", output)
    root = ET.fromstring(svg)
    lines = {el.text or "" for el in root.iter("{http://www.w3.org/2000/svg}text")}
    for el in root.iter("{http://www.w3.org/2000/svg}a"):
        for key, value in el.attrib.items():
            if key.endswith("href") and re.match(r"\s*(javascript|file|data|vbscript):", value, re.I):
                fail("a link to %s reaches the SVG" % short(value))
    for text in input_labels(source):
        for line in text.split("\n"):
            if line.strip() and line not in lines and line.strip() not in lines:
                near = [l for l in lines if l[:4] == line[:4]]
                fail("label line %s is drawn as %s" % (short(line), short(near[0]) if near else "nothing"))


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "rdf":
        check_rdf(sys.argv[2], sys.argv[3], sys.argv[4])
    elif len(sys.argv) == 4 and sys.argv[1] == "dot":
        check_dot(sys.argv[2], sys.argv[3])
    else:
        fail(__doc__.strip().split("\n\n")[1])


if __name__ == "__main__":
    main()
