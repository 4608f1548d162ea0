#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""rdflib doing entente's job, for the benchmark (tests/bench/run).

  rdflib_bench.py map DATASET.xml OUT.nt [--ontology TTL]
      The same mapping as `entente export -f ntriples`, written with rdflib:
      XML read with ElementTree (C-accelerated iterparse, streaming), every
      triple added to an rdflib Graph, the Graph serialised as N-Triples.
      Classes and properties get their standard supers from the ontology
      (read with rdflib), as entente does.  No validation: the schema,
      reference, date and class checks entente makes are skipped, which
      favours rdflib.  On the generated datasets it gives the same set of
      triples as entente (check: `rdflib_bench.py compare A.nt B.nt`).

  rdflib_bench.py reserialize IN.nt OUT.nt
      Parse N-Triples into a Graph and serialise it again (no mapping).

  rdflib_bench.py compare A.nt B.nt
      Exit 0 when both files hold the same set of triples.

Prints "TRIPLES N" on standard error.
"""

import os
import sys
import xml.etree.ElementTree as ET

import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

FMT = "{https://w3id.org/entente/format/1}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ENT = "https://w3id.org/entente/ns#"
SCHEMA = "http://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
DCTERMS = "http://purl.org/dc/terms/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
OWL_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"

# element -> (class local name, IRI path)
CLASSES = {
    "source": ("Source", "source"), "outlet": ("Outlet", "outlet"),
    "country": ("Country", "country"), "place": ("Place", "place"),
    "institution": ("Institution", "institution"),
    "official": ("Official", "official"), "post": ("Post", "post"),
    "topic": ("Topic", "topic"), "negotiation": ("Negotiation", "negotiation"),
    "delegation": ("Delegation", "delegation"),
    "quote": ("Quotation", "statement"), "paraphrase": ("Paraphrase",
                                                        "statement"),
    "agreement": ("Agreement", "agreement"), "event": ("Incident", "incident"),
}

# Literal properties: (IRIs, datatype): None plain/lang string, "iri", or XSD.
LIT = {
    "alias": ([SKOS + "altLabel"], None),
    "description": ([SCHEMA + "description"], None),
    "url": ([SCHEMA + "url"], "iri"),
    "sameAs": ([OWL_SAME_AS], "iri"),
    "title": ([DCTERMS + "title", SCHEMA + "headline"], None),
    "published": ([DCTERMS + "issued", SCHEMA + "datePublished"], XSD.date),
    "startDate": ([SCHEMA + "startDate"], XSD.date),
    "endDate": ([SCHEMA + "endDate"], XSD.date),
    "datePhrase": ([ENT + "datePhrase"], None),
    "text": ([SCHEMA + "text"], None),
    "dateCreated": ([SCHEMA + "dateCreated"], XSD.date),
    "duration": ([SCHEMA + "duration"], XSD.duration),
    "targetDate": ([ENT + "targetDate"], XSD.date),
    "deaths": ([ENT + "deaths"], XSD.nonNegativeInteger),
    "deathsAtLeast": ([ENT + "deathsAtLeast"], XSD.nonNegativeInteger),
    "notBefore": ([ENT + "notBefore"], XSD.date),
    "notAfter": ([ENT + "notAfter"], XSD.date),
}
CONCEPT_PREFIX = {"format": "format-", "negotiationStatus": "negotiation-",
                  "agreementStatus": "agreement-", "incidentType": "incident-",
                  "incidentStatus": "incident-status-"}


def external_supers(onto, iri, pred):
    """Standard (non-ent:) supers of iri, transitively, as entente's."""
    out, seen, todo = [], set(), [URIRef(iri)]
    while todo:
        for sup in onto.objects(todo.pop(), pred):
            if sup in seen:
                continue
            seen.add(sup)
            if not str(sup).startswith(ENT):
                out.append(sup)
            todo.append(sup)
    return out


class Mapper:
    def __init__(self, onto):
        self.g = rdflib.Graph()
        self.add = self.g.add
        self.class_supers = {}
        for local, _ in CLASSES.values():
            self.class_supers[local] = [URIRef(ENT + local)] + \
                external_supers(onto, ENT + local, RDFS.subClassOf)
        self.prop_supers = {}
        self.onto = onto
        self.base = "https://w3id.org/entente/id/"
        self.ids = {}  # id -> (IRI, name)
        self.entity_source = {}  # IRI -> source IRI (its own, for types)
        self.fact_sources = {}  # IRI -> [sources of its facts]
        self.pending = []  # (subject id, property, object id, source)
        self.default_source = None
        self.quotes = set()

    def rel_iris(self, local):
        if local not in self.prop_supers:
            self.prop_supers[local] = [URIRef(ENT + local)] + \
                external_supers(self.onto, ENT + local, RDFS.subPropertyOf)
        return self.prop_supers[local]

    def lang(self, el, inherited):
        return el.get(XML_LANG) or inherited

    def entity(self, tag, eid, name, lang, source):
        local, path = CLASSES[tag]
        iri = URIRef(self.base + path + "/" + eid)
        self.ids[eid] = (iri, name)
        for c in self.class_supers[local]:
            self.add((iri, RDF.type, c))
        lit = Literal(name, lang=lang)
        self.add((iri, RDFS.label, lit))
        self.add((iri, URIRef(SCHEMA + "name"), lit))
        own = iri if tag == "source" else source  # a source is its own
        self.entity_source[iri] = own
        self.fact_sources[iri] = []
        if tag == "quote":
            self.quotes.add(iri)
        return iri

    def note_source(self, iri, source):
        if source is not None:
            self.fact_sources[iri].append(source)

    def value(self, iri, prop, value, lang, source):
        if value is None:
            return
        iris, dt = LIT[prop]
        if dt == "iri":
            obj = URIRef(value)
        elif dt is None:
            obj = Literal(value, lang=lang)
        else:
            obj = Literal(value, datatype=dt)
        for p in iris:
            self.add((iri, URIRef(p), obj))
        self.note_source(iri, source)

    def concept(self, iri, prop, values, source):
        if values is None:
            return
        for v in values.split():
            self.add((iri, URIRef(ENT + prop), URIRef(ENT + CONCEPT_PREFIX[
                prop] + v)))
            self.note_source(iri, source)

    def defer(self, sid, prop, oid, source):
        if oid is not None:
            self.pending.append((sid, prop, oid, source))

    def defer_list(self, sid, prop, ids, source):
        if ids is not None:
            for oid in ids.split():
                self.pending.append((sid, prop, oid, source))

    def texts(self, iri, el, tag, prop, lang, source, with_lang=True):
        for c in el.findall(FMT + tag):
            self.value(iri, prop, "".join(c.itertext()),
                       self.lang(c, lang) if with_lang else None, source)

    def named(self, tag, el, lang, source):
        name_el = el.find(FMT + "name")
        iri = self.entity(tag, el.get("id"), "".join(name_el.itertext()),
                          self.lang(name_el, lang), source)
        self.texts(iri, el, "alias", "alias", lang, source)
        self.texts(iri, el, "description", "description", lang, source)
        self.texts(iri, el, "same-as", "sameAs", lang, source, False)
        return iri

    def titled(self, tag, el, lang, source):
        title = el.find(FMT + "title")
        iri = self.entity(tag, el.get("id"), "".join(title.itertext()),
                          self.lang(title, lang), source)
        self.texts(iri, el, "description", "description", lang, source)
        return iri

    def when(self, iri, el, single, source, lang):
        self.value(iri, single, el.get("date"), None, source)
        self.value(iri, "datePhrase", el.get("date-phrase"), lang, source)
        for a, p in (("start", "startDate"), ("end", "endDate"),
                     ("not-before", "notBefore"), ("not-after", "notAfter")):
            self.value(iri, p, el.get(a), None, source)

    def read(self, el, lang):
        tag = el.tag[len(FMT):]
        outer = lang  # a date phrase's: the language around the element
        lang = self.lang(el, lang)
        source = el.get("source") or self.default_source
        src_iri = self.ids[source][0] if source else None
        eid = el.get("id")
        if tag == "source":
            iri = self.titled(tag, el, lang, src_iri)
            title = el.find(FMT + "title")
            self.value(iri, "title", "".join(title.itertext()),
                       self.lang(title, lang), src_iri)
            self.value(iri, "url", el.get("url"), None, src_iri)
            self.value(iri, "published", el.get("published"), None, src_iri)
            self.defer(eid, "publisher", el.get("outlet"), src_iri)
            self.defer_list(eid, "citesOutlet", el.get("cites"), src_iri)
            if self.default_source is None:
                self.default_source = eid
        elif tag in ("outlet", "country", "place", "institution", "topic"):
            iri = self.named(tag, el, lang, src_iri)
            self.value(iri, "url", el.get("url"), None, src_iri)
            self.defer(eid, "country", el.get("country"), src_iri)
            self.defer(eid, "containedInPlace", el.get("in"), src_iri)
            self.defer(eid, "subOrganizationOf", el.get("parent"), src_iri)
        elif tag == "official":
            self.named(tag, el, lang, src_iri)
            self.defer(eid, "nationality", el.get("country"), src_iri)
            for n, post in enumerate(el.findall(FMT + "post"), 1):
                ps = post.get("source")
                p_src = self.ids[ps][0] if ps else src_iri
                pid = post.get("id") or "%s-%d" % (eid, n)
                piri = self.entity("post", pid, post.get("title"),
                                   self.lang(post, lang), p_src)
                self.defer(eid, "holdsPost", pid, p_src)
                inst = post.get("institution")
                if inst:
                    self.defer(pid, "postIn", inst, p_src)
                    if post.get("head") in ("true", "1"):
                        self.defer(eid, "headOf", inst, p_src)
                self.value(piri, "startDate", post.get("start"), None, p_src)
                self.value(piri, "endDate", post.get("end"), None, p_src)
        elif tag == "negotiation":
            iri = self.titled(tag, el, lang, src_iri)
            self.when(iri, el, "startDate", src_iri, outer)
            self.defer(eid, "location", el.get("place"), src_iri)
            self.concept(iri, "format", el.get("format"), src_iri)
            self.concept(iri, "negotiationStatus", el.get("status"), src_iri)
            self.defer_list(eid, "topic", el.get("topics"), src_iri)
            self.defer(eid, "partOf", el.get("part-of"), src_iri)
            self.defer_list(eid, "participant", el.get("participants"),
                            src_iri)
            self.defer_list(eid, "reportedBy", el.get("reported-by"), src_iri)
            title = "".join(el.find(FMT + "title").itertext())
            for d in el.findall(FMT + "delegation"):
                ds = d.get("source")
                d_src = self.ids[ds][0] if ds else src_iri
                did, side = d.get("id"), d.get("side")
                name_el = d.find(FMT + "name")
                if name_el is not None:
                    name = "".join(name_el.itertext())
                    dlang = self.lang(name_el, self.lang(d, lang))
                else:
                    side_name = self.ids[side][1] if side in self.ids else side
                    name = "%s delegation at %s" % (side_name, title)
                    dlang = self.lang(d, lang)
                self.entity("delegation", did, name, dlang, d_src)
                self.defer(eid, "delegation", did, d_src)
                self.defer(did, "represents", side, d_src)
                leaders = (d.get("leaders") or "").split()
                for who in leaders:
                    self.defer(who, "headOf", did, d_src)
                    self.defer(who, "memberOf", did, d_src)
                for who in (d.get("members") or "").split():
                    if who not in leaders:
                        self.defer(who, "memberOf", did, d_src)
        elif tag in ("quote", "paraphrase"):
            text = "".join(el.itertext())
            iri = self.entity(tag, eid, statement_name(text), lang, src_iri)
            self.value(iri, "text", text, lang, src_iri)
            self.defer(eid, "speaker", el.get("speaker"), src_iri)
            self.defer(eid, "medium", el.get("medium"), src_iri)
            self.defer_list(eid, "addressee", el.get("to"), src_iri)
            self.defer_list(eid, "concerns", el.get("concerns"), src_iri)
            self.when(iri, el, "dateCreated", src_iri, outer)
        elif tag == "agreement":
            iri = self.titled(tag, el, lang, src_iri)
            self.concept(iri, "agreementStatus", el.get("status"), src_iri)
            for a, p in (("proposed-by", "proposedBy"),
                         ("agreed-by", "agreedBy"), ("backed-by", "backedBy"),
                         ("parties", "party")):
                self.defer_list(eid, p, el.get(a), src_iri)
            self.value(iri, "duration", el.get("duration"), None, src_iri)
            self.value(iri, "targetDate", el.get("target-date"), None,
                       src_iri)
            self.defer_list(eid, "topic", el.get("topics"), src_iri)
            self.defer_list(eid, "concerns", el.get("concerns"), src_iri)
            self.defer_list(eid, "reportedBy", el.get("reported-by"), src_iri)
            self.when(iri, el, "dateCreated", src_iri, outer)
        elif tag == "event":
            iri = self.titled(tag, el, lang, src_iri)
            self.concept(iri, "incidentType", el.get("type"), src_iri)
            self.concept(iri, "incidentStatus", el.get("status"), src_iri)
            self.defer_list(eid, "location", el.get("place"), src_iri)
            self.defer_list(eid, "responsible", el.get("responsible"),
                            src_iri)
            self.value(iri, "deaths", el.get("killed"), None, src_iri)
            self.value(iri, "deathsAtLeast", el.get("killed-at-least"), None,
                       src_iri)
            self.defer_list(eid, "topic", el.get("topics"), src_iri)
            self.defer_list(eid, "reportedBy", el.get("reported-by"), src_iri)
            self.when(iri, el, "startDate", src_iri, outer)

    def finish(self):
        add = self.add
        role = {"speaker": URIRef(ENT + "speakerRole"),
                "medium": URIRef(ENT + "mediumRole")}
        attribution = URIRef(PROV + "qualifiedAttribution")
        for sid, prop, oid, source in self.pending:
            s, o = self.ids[sid][0], self.ids[oid][0]
            for p in self.rel_iris(prop):
                add((s, p, o))
            self.note_source(s, source)
            if prop in role:
                # One node per role and agent (entente's emit.c).
                node = URIRef("%s/attribution/%sRole-%s" % (s, prop, oid))
                add((s, attribution, node))
                add((node, RDF.type, URIRef(PROV + "Attribution")))
                add((node, URIRef(PROV + "agent"), o))
                add((node, URIRef(PROV + "hadRole"), role[prop]))
        derived = URIRef(PROV + "wasDerivedFrom")
        quoted = URIRef(PROV + "wasQuotedFrom")
        for iri, own in self.entity_source.items():
            sources = [own] if own is not None and own != iri else []
            for s in self.fact_sources[iri]:
                if s != iri and s not in sources:
                    sources.append(s)
            is_quote = iri in self.quotes
            for s in sources:
                add((iri, derived, s))
                if is_quote:
                    add((iri, quoted, s))


def statement_name(text):
    """entente's label of a statement: its words, cut at 80 bytes."""
    raw = text.lstrip(" \n\t\r").encode("utf-8")
    if len(raw) <= 80:
        return raw.decode("utf-8")
    cut = 80
    while cut > 40 and raw[cut] != 0x20:
        cut -= 1
    while cut > 0 and (raw[cut] & 0xC0) == 0x80:
        cut -= 1
    return raw[:cut].decode("utf-8") + "\u2026"


def map_dataset(path, out, ontology):
    onto = rdflib.Graph()
    onto.parse(ontology, format="turtle")
    m = Mapper(onto)
    depth = 0
    dataset_lang = None
    for event, el in ET.iterparse(path, events=("start", "end")):
        if event == "start":
            depth += 1
            if depth == 1:
                m.base = el.get("base") or m.base
                dataset_lang = el.get(XML_LANG)
            continue
        depth -= 1
        if depth == 2:  # an entity element, complete
            m.read(el, dataset_lang)
            el.clear()
    m.finish()
    m.g.serialize(destination=out, format="nt", encoding="utf-8")
    return len(m.g)


def main(argv):
    if len(argv) < 4 or argv[1] not in ("map", "reserialize", "compare"):
        sys.stderr.write(__doc__)
        return 64
    if argv[1] == "compare":
        a, b = rdflib.Graph(), rdflib.Graph()
        a.parse(argv[2], format="nt")
        b.parse(argv[3], format="nt")
        only_a, only_b = set(a) - set(b), set(b) - set(a)
        for t in list(only_a)[:10]:
            sys.stderr.write("only in %s: %s\n" % (argv[2], t))
        for t in list(only_b)[:10]:
            sys.stderr.write("only in %s: %s\n" % (argv[3], t))
        sys.stderr.write("%d and %d triples, %d and %d not shared\n" % (
            len(a), len(b), len(only_a), len(only_b)))
        return 1 if only_a or only_b else 0
    if argv[1] == "map":
        ontology = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "ontology", "entente.ttl")
        if len(argv) > 5 and argv[4] == "--ontology":
            ontology = argv[5]
        n = map_dataset(argv[2], argv[3], ontology)
    else:
        g = rdflib.Graph()
        g.parse(argv[2], format="nt")
        g.serialize(destination=argv[3], format="nt", encoding="utf-8")
        n = len(g)
    sys.stderr.write("TRIPLES %d\n" % n)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
