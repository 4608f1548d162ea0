# SPDX-License-Identifier: MIT
"""Competency questions over the Riyadh talks export, answered with SPARQL.

Exports data/riyadh-talks-2025-03.xml as Turtle and as N-Triples with
$ENTENTE, loads both with rdflib, checks that they are the same graph, and
asks each graph the questions a news analyst would ask of the article
($ENTENTE_SHARED/seeds/riyadh-talks-2025-03.txt).  Queries use the standard
vocabulary the export carries (schema:, org:, prov:, skos:) and ent: only
where no standard term exists.  Every answer must be EXACTLY the expected
set.  All checks run; the test exits 1 if any failed, listing them.

Run with /usr/bin/python3 (rdflib 6); needs ENTENTE, ENTENTE_SRC and
ENTENTE_SHARED in the environment.
"""

import datetime
import os
import re
import subprocess
import sys
import tempfile

try:
    from rdflib import BNode, Graph, Namespace, URIRef
    from rdflib.compare import isomorphic
    from rdflib.namespace import RDF, RDFS
except ImportError as e:  # pragma: no cover
    sys.exit(f"test_competency: rdflib is missing ({e}); run with /usr/bin/python3")

ENT = Namespace("https://w3id.org/entente/ns#")
SCHEMA = Namespace("http://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
ORG = Namespace("http://www.w3.org/ns/org#")
ID = "https://w3id.org/entente/id/"
DATASET = "riyadh-talks-2025-03"

PREFIXES = """
PREFIX ent:     <https://w3id.org/entente/ns#>
PREFIX schema:  <http://schema.org/>
PREFIX org:     <http://www.w3.org/ns/org#>
PREFIX prov:    <http://www.w3.org/ns/prov#>
PREFIX skos:    <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdf:     <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs:    <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd:     <http://www.w3.org/2001/XMLSchema#>
PREFIX country: <https://w3id.org/entente/id/country/>
"""

failures = []


def fail(msg):
    failures.append(msg)
    print(f"   FAIL: {msg}")


def env(name):
    value = os.environ.get(name)
    if not value:
        sys.exit(f"test_competency: environment variable {name} is not set "
                 "(run through ctest)")
    return value


def run(args):
    proc = subprocess.run(args, capture_output=True, text=True)
    if proc.returncode != 0 or proc.stderr:
        sys.exit(f"test_competency: `{' '.join(args)}` exited "
                 f"{proc.returncode}, stderr:\n{proc.stderr}")
    return proc.stdout


def term(value):
    """A result cell as plain Python: strings for literals and IRIs."""
    if value is None:
        return None
    return str(value)


def answer(graph, query):
    """Run `query` on `graph`; return the sorted list of result rows
    (1-tuples are flattened to their single value)."""
    rows = []
    for row in graph.query(PREFIXES + query):
        cells = tuple(term(v) for v in row)
        rows.append(cells[0] if len(cells) == 1 else cells)
    return sorted(rows, key=lambda r: (r is None, r))


def ask(graphs, number, question, query, expected):
    """Ask `question` of every graph; the answer must be exactly `expected`
    (compared as a sorted list, so duplicates count) and the same for
    every graph."""
    expected = sorted(expected)
    print(f"Q{number}. {question}")
    first = None
    for name, graph in graphs:
        got = answer(graph, query)
        if first is None:
            first = got
            for row in got:
                print(f"   -> {row}")
            if not got:
                print("   -> none")
        if got != expected:
            fail(f"Q{number} [{name}] {question}\n"
                 f"         expected {expected}\n"
                 f"         got      {got}")
    return first


def check(number, question, problems):
    """A check computed in Python: `problems` is the list of what is wrong."""
    print(f"Q{number}. {question}")
    if problems:
        for p in problems[:20]:
            fail(f"Q{number} {question}: {p}")
        if len(problems) > 20:
            fail(f"Q{number}: ... and {len(problems) - 20} more")
    else:
        print("   -> yes")


def main():
    entente = env("ENTENTE")
    src = env("ENTENTE_SRC")
    shared = env("ENTENTE_SHARED")
    dataset = os.path.join(src, "data", DATASET + ".xml")
    article_path = os.path.join(shared, "seeds", DATASET + ".txt")
    ontology_path = os.path.join(src, "ontology", "entente.ttl")
    for path in (entente, dataset, article_path, ontology_path):
        if not os.path.exists(path):
            sys.exit(f"test_competency: missing {path}")
    with open(article_path, encoding="utf-8") as f:
        article = f.read()

    validated = run([entente, "validate", dataset])
    m = re.search(r": valid: (\d+) entities, (\d+) statements$", validated.strip())
    if not m:
        sys.exit(f"test_competency: unexpected validate output: {validated!r}")
    n_entities, n_statements = int(m.group(1)), int(m.group(2))

    with tempfile.TemporaryDirectory(prefix="entente-sparql-") as tmp:
        ttl = os.path.join(tmp, "out.ttl")
        nt = os.path.join(tmp, "out.nt")
        run([entente, "export", dataset, "-f", "turtle", "-o", ttl])
        run([entente, "export", dataset, "-f", "ntriples", "-o", nt])
        g_ttl = Graph()
        g_ttl.parse(ttl, format="turtle")
        g_nt = Graph()
        g_nt.parse(nt, format="nt")
        ontology = Graph()
        ontology.parse(ontology_path, format="turtle")

    print(f"validate: {n_entities} entities, {n_statements} statements; "
          f"rdflib read {len(g_ttl)} triples (Turtle), {len(g_nt)} (N-Triples)")
    if len(g_ttl) != n_statements or len(g_nt) != n_statements:
        fail(f"rdflib read {len(g_ttl)} (Turtle) / {len(g_nt)} (N-Triples) "
             f"triples, validate reported {n_statements} statements")
    if not isomorphic(g_ttl, g_nt):
        only_ttl = set(g_ttl) - set(g_nt)
        only_nt = set(g_nt) - set(g_ttl)
        fail("the Turtle and N-Triples exports are not isomorphic: "
             f"{len(only_ttl)} triples only in Turtle (e.g. "
             f"{sorted(only_ttl)[:3]}), {len(only_nt)} only in N-Triples "
             f"(e.g. {sorted(only_nt)[:3]})")
    graphs = [("turtle", g_ttl), ("ntriples", g_nt)]

    # 1-6: the questions of the brief -----------------------------------

    ask(graphs, 1, "Who led the US side at the 24 March talks?", """
        SELECT DISTINCT ?name WHERE {
          ?talks a schema:Event ;
                 schema:startDate "2025-03-24"^^xsd:date ;
                 schema:attendee ?delegation .
          ?delegation ent:represents country:united-states .
          ?person org:headOf ?delegation ;
                  schema:name ?name .
        }""", ["Andrew Peek", "Michael Anton"])

    ask(graphs, 2, "Who represented Russia at the 24 March talks?", """
        SELECT DISTINCT ?name WHERE {
          ?talks a schema:Event ;
                 schema:startDate "2025-03-24"^^xsd:date ;
                 schema:attendee ?delegation .
          ?delegation ent:represents country:russia .
          ?person org:memberOf ?delegation ;
                  schema:name ?name .
        }""", ["Grigory Karasin", "Sergei Beseda"])

    ask(graphs, 3, "What post does Sergei Beseda hold, in which institution?", """
        SELECT ?post ?institution WHERE {
          ?beseda schema:name ?n FILTER(str(?n) = "Sergei Beseda")
          ?beseda org:holds ?p .
          ?p org:postIn ?i ;
             schema:name ?post .
          ?i schema:name ?institution .
        }""", [("Adviser to the Director", "Federal Security Service")])

    # The umbrella negotiation (23-24 March) is in Riyadh too: it starts on
    # the 23rd, so the distinct start dates are still exactly two.
    dates = ask(graphs, 4, "Which negotiations took place in Riyadh, on which "
                "dates? (distinct start dates)", """
        SELECT DISTINCT ?date WHERE {
          ?talks a ent:Negotiation ;
                 schema:location ?place ;
                 schema:startDate ?date .
          ?place schema:name ?pn FILTER(str(?pn) = "Riyadh")
        }""", ["2025-03-23", "2025-03-24"])
    typed = answer(g_ttl, """
        SELECT DISTINCT ?date WHERE {
          ?talks a ent:Negotiation ; schema:location ?place ;
                 schema:startDate ?date .
          ?place schema:name ?pn FILTER(str(?pn) = "Riyadh")
          FILTER(datatype(?date) != xsd:date)
        }""")
    if typed:
        fail(f"Q4: start dates not typed xsd:date: {typed} (of {dates})")

    ask(graphs, "4b", "Which sessions of a larger negotiation (schema:superEvent) "
        "were held in Riyadh, on which dates?", """
        SELECT ?name ?date WHERE {
          ?talks schema:superEvent ?whole ;
                 schema:location ?place ;
                 schema:startDate ?date ;
                 schema:name ?name .
          ?place schema:name ?pn FILTER(str(?pn) = "Riyadh")
        }""", [("US–Russia technical talks in Riyadh", "2025-03-24"),
               ("US–Ukraine technical talks in Riyadh", "2025-03-23")])

    zelenskyy_quotes = [
        "in a completely constructive manner",
        "The talks are quite useful, the work of the delegations continues.",
        "BUT WHATEVER WE SAY TO OUR PARTNERS TODAY, WE HAVE TO GET PUTIN TO "
        "GIVE A REAL ORDER TO STOP THE STRIKES.",
    ]
    quotes = ask(graphs, 5, "What did Zelenskyy say, verbatim?", """
        SELECT ?text WHERE {
          ?q a schema:Quotation ;
             prov:wasAttributedTo ?z ;
             schema:text ?text .
          ?z schema:name ?zn FILTER(str(?zn) = "Volodymyr Zelenskyy")
        }""", zelenskyy_quotes)
    if any("essentially technical" in q for q in quotes or []):
        fail("Q5: Zelenskyy's paraphrase is answered as a verbatim quote")

    ask(graphs, 6, "Which agreement did Putin accept, proposed by whom, for "
        "how long?", """
        SELECT ?agreement ?proposer ?duration WHERE {
          ?a ent:agreedBy ?putin ;
             ent:proposedBy ?p ;
             schema:duration ?duration ;
             schema:name ?agreement .
          ?putin schema:name ?pn FILTER(str(?pn) = "Vladimir Putin")
          ?p schema:name ?proposer .
          FILTER(datatype(?duration) = xsd:duration)
        }""", [("30-day halt of strikes on energy infrastructure",
                "Donald Trump", "P30D")])

    # More questions a news analyst would ask ---------------------------

    waltz_to_cbs = [
        "The US, Russian and Ukrainian delegations were to gather in the same "
        "building in Riyadh.",
        "The US was discussing a series of confidence-building measures aimed "
        "at ending the war, including the future of Ukrainian children "
        "abducted by Russia.",
        "we will talk about the line of control, which are the actual front "
        "lines",
        "And that includes details on verification mechanisms, peacekeeping, "
        "freezing the line where it is",
        "And then, of course, about a broader and permanent peace.",
    ]
    # PROV-O: the outlet is qualified with the medium role.
    ask(graphs, 7, "Which statements were given to CBS (as medium), and by "
        "whom? (prov:qualifiedAttribution with ent:mediumRole)", """
        SELECT ?speaker ?text WHERE {
          ?s prov:qualifiedAttribution ?att ;
             prov:wasAttributedTo ?who ;
             schema:text ?text .
          ?att prov:agent ?cbs ;
               prov:hadRole ent:mediumRole .
          ?cbs schema:name ?cn FILTER(str(?cn) = "CBS")
          ?who schema:name ?speaker .
        }""", [("Mike Waltz", t) for t in waltz_to_cbs])
    ask(graphs, "7b", "The same, through ent:medium", """
        SELECT ?speaker ?text WHERE {
          ?s ent:medium ?cbs ;
             prov:wasAttributedTo ?who ;
             schema:text ?text .
          ?cbs schema:name ?cn FILTER(str(?cn) = "CBS")
          ?who schema:name ?speaker .
        }""", [("Mike Waltz", t) for t in waltz_to_cbs])

    ask(graphs, 8, "Which institution is the National Security Council part "
        "of?", """
        SELECT ?parent WHERE {
          ?nsc schema:name ?n FILTER(str(?n) = "National Security Council")
          ?nsc org:subOrganizationOf ?p .
          ?p schema:name ?parent .
        }""", ["White House"])

    ask(graphs, 9, "What are Zelenskyy's aliases in Ukrainian?", """
        SELECT ?alias WHERE {
          ?z schema:name ?n FILTER(str(?n) = "Volodymyr Zelenskyy")
          ?z skos:altLabel ?alias FILTER(lang(?alias) = "uk")
        }""", ["Володимир Зеленський", "Зеленський"])

    ask(graphs, 10, "Who led the Ukrainian delegation at the 23 March talks?", """
        SELECT DISTINCT ?name WHERE {
          ?talks schema:startDate "2025-03-23"^^xsd:date ;
                 schema:superEvent ?whole ;
                 schema:attendee ?delegation .
          ?delegation ent:represents country:ukraine .
          ?person org:headOf ?delegation ; schema:name ?name .
        }""", ["Rustem Umerov"])

    ask(graphs, 11, "Which outlets does the article cite?", """
        SELECT ?outlet WHERE {
          ?article a schema:NewsArticle ; schema:mentions ?o .
          ?o schema:name ?outlet .
        }""", ["Bloomberg", "CBS", "Facebook", "Fox News", "Reuters"])

    ask(graphs, 12, "Which negotiations did Putin attend?", """
        SELECT ?negotiation WHERE {
          ?n a schema:Event ; schema:attendee ?putin ; schema:name ?negotiation .
          ?putin schema:name ?pn FILTER(str(?pn) = "Vladimir Putin")
        }""", ["Trump–Putin conversation", "Witkoff–Putin meeting in Moscow"])

    ask(graphs, 13, "Which incidents killed people, and how many (exact or at "
        "least)?", """
        SELECT ?incident ?bound ?deaths WHERE {
          ?i a schema:Event ; schema:name ?incident .
          { ?i ent:deaths ?deaths . BIND("exactly" AS ?bound) }
          UNION
          { ?i ent:deathsAtLeast ?deaths . BIND("at least" AS ?bound) }
        }""", [("Russian drone strike on Kyiv", "at least", "3"),
               ("Ukrainian drone strikes on south-western Russia", "exactly", "1")])

    ask(graphs, 14, "What did Trump say, and on which date?", """
        SELECT ?text ?date WHERE {
          ?s prov:wasAttributedTo ?t ; schema:text ?text ;
             schema:dateCreated ?date .
          ?t schema:name ?tn FILTER(str(?tn) = "Donald Trump")
        }""", [("somewhat under control", "2025-03-22")])

    ask(graphs, 15, "Who proposed the truce agreement, who reported it, and "
        "by when should it be concluded?", """
        SELECT ?proposer ?reporter ?target WHERE {
          ?a schema:name ?an FILTER(str(?an) = "Truce agreement")
          ?a ent:proposedBy ?p ; ent:reportedBy ?r ; ent:targetDate ?target .
          ?p schema:name ?proposer . ?r schema:name ?reporter .
        }""", [("United States", "Bloomberg", "2025-04-20")])

    ask(graphs, 16, "In which country is Riyadh?", """
        SELECT ?country WHERE {
          ?r schema:name ?rn FILTER(str(?rn) = "Riyadh")
          ?r schema:containedInPlace ?c .
          ?c a schema:Country ; schema:name ?country .
        }""", ["Saudi Arabia"])

    # Integrity questions -----------------------------------------------

    ask(graphs, 17, "Which entities do not have exactly one rdfs:label? "
        "(entities: subjects typed with an ent: class)", """
        SELECT ?e (COUNT(DISTINCT ?label) AS ?labels) WHERE {
          { SELECT DISTINCT ?e WHERE {
              ?e a ?class
              FILTER(STRSTARTS(STR(?class), "https://w3id.org/entente/ns#")) } }
          OPTIONAL { ?e rdfs:label ?label }
        } GROUP BY ?e HAVING (COUNT(DISTINCT ?label) != 1)""", [])

    entities = answer(g_ttl, """
        SELECT DISTINCT ?e WHERE {
          ?e a ?class
          FILTER(STRSTARTS(STR(?class), "https://w3id.org/entente/ns#")) }""")
    check("17b", f"Does the graph hold the {n_entities} entities validate counts?",
          [] if len(entities) == n_entities else
          [f"{len(entities)} subjects have an ent: class, validate counted "
           f"{n_entities}"])

    sources = answer(g_ttl, "SELECT ?s WHERE { ?s a ent:Source }")
    check("18a", "Is there exactly one source, the article?",
          [] if sources == [ID + "source/riyadh-talks-article"] else
          [f"sources are {sources}"])
    ask(graphs, 18, "Which entities (other than the source) do not have "
        "exactly one prov:wasDerivedFrom?", """
        SELECT ?e (COUNT(DISTINCT ?src) AS ?n) WHERE {
          { SELECT DISTINCT ?e WHERE {
              ?e a ?class
              FILTER(STRSTARTS(STR(?class), "https://w3id.org/entente/ns#"))
              FILTER NOT EXISTS { ?e a ent:Source } } }
          OPTIONAL { ?e prov:wasDerivedFrom ?src }
        } GROUP BY ?e HAVING (COUNT(DISTINCT ?src) != 1)""", [])
    ask(graphs, "18b", "What are facts derived from (prov:wasDerivedFrom)?", """
        SELECT DISTINCT ?src WHERE { ?e prov:wasDerivedFrom ?src }""",
        [ID + "source/riyadh-talks-article"])

    ask(graphs, 19, "Which triples have a blank node?", """
        SELECT ?s ?p ?o WHERE {
          ?s ?p ?o FILTER(isBlank(?s) || isBlank(?o)) }""", [])
    check("19b", "Is every term an IRI or a literal (no blank node, checked "
          "in Python)?",
          [f"{t}" for t in g_ttl
           if isinstance(t[0], BNode) or isinstance(t[2], BNode)])

    quotations = answer(g_ttl, """
        SELECT ?q ?text WHERE { ?q a schema:Quotation ; schema:text ?text }""")
    check(20, f"Does every verbatim quotation ({len(quotations)}) appear word "
          "for word in the article?",
          [f"{q}: {text!r} is not in the article"
           for q, text in quotations if text not in article]
          + ([] if len(quotations) == 10 else
             [f"{len(quotations)} quotations, the dataset has 10"]))

    # Dates: a schema:startDate..schema:endDate span and a schema:duration on
    # the same node must agree (the span is what schema.org readers take as
    # when the thing ran).
    spans = answer(g_ttl, """
        SELECT ?x ?start ?end ?duration WHERE {
          ?x schema:startDate ?start ; schema:endDate ?end ;
             schema:duration ?duration }""")
    problems = []
    for x, start, end, duration in spans:
        dm = re.fullmatch(r"P(\d+)D", duration)
        days = (datetime.date.fromisoformat(end)
                - datetime.date.fromisoformat(start)).days
        if not dm or days not in (int(dm.group(1)), int(dm.group(1)) - 1):
            problems.append(
                f"{x}: schema:startDate {start}, schema:endDate {end} "
                f"({days} days) but schema:duration {duration}")
    check(21, "Do start/end dates agree with the duration wherever both are "
          "given?", problems)

    # Export rule of the vocabulary: every ent: class brings every non-ent:
    # superclass, every ent: property every non-ent: super-property; every
    # ent: term used is declared in the ontology.
    def is_ent(t):
        return isinstance(t, URIRef) and str(t).startswith(str(ENT))

    declared = set(ontology.subjects())
    problems = []
    for t in sorted({x for triple in g_ttl for x in triple if is_ent(x)}):
        if t not in declared:
            problems.append(f"{t} is not declared in ontology/entente.ttl")
    for s, cls in g_ttl.subject_objects(RDF.type):
        if not is_ent(cls):
            continue
        for sup in ontology.transitive_objects(cls, RDFS.subClassOf):
            if not is_ent(sup) and (s, RDF.type, sup) not in g_ttl:
                problems.append(f"<{s}> a <{cls}> but not a <{sup}>")
    for s, p, o in g_ttl:
        if not is_ent(p):
            continue
        for sup in ontology.transitive_objects(p, RDFS.subPropertyOf):
            if not is_ent(sup) and (s, sup, o) not in g_ttl:
                problems.append(f"<{s}> <{p}> <{o}> without <{sup}>")
    check(22, "Does the export follow the vocabulary's export rule "
          "(superclasses, super-properties, declared ent: terms)?", problems)

    if failures:
        print(f"\ntest_competency: {len(failures)} check(s) FAILED:",
              file=sys.stderr)
        for f in failures:
            print(f" - {f}", file=sys.stderr)
        return 1
    print("\ntest_competency: all competency questions answered as expected")
    return 0


if __name__ == "__main__":
    sys.exit(main())
