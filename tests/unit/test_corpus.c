// SPDX-License-Identifier: MIT
// Unit tests of the corpus model: posts and responses whose IRIs come from
// their content, claims of several sources, disagreements, the registry
// and references to it, and finding a corpus from a dataset's location.

#undef NDEBUG

#include "entente.h"
#include "export_rdf/emit.h"
#include "model/model.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define BASE "https://example.org/id/"

typedef struct {
  unsigned long errors;
  unsigned long warnings;
  char last[1024];
} Log;

static void
record(void *handle,
       EntLogLevel level,
       EntStatus status,
       const EntCaret *caret,
       const char *message)
{
  (void)status;
  (void)caret;
  Log *log = handle;
  log->errors += level == ENT_LOG_ERROR;
  log->warnings += level == ENT_LOG_WARNING;
  snprintf(log->last, sizeof(log->last), "%s", message);
}

typedef struct {
  EntWorld *world;
  EntOntology *ontology;
  EntGraph *graph;
  Log log;
} Fixture;

static void
setup(Fixture *f)
{
  memset(f, 0, sizeof(*f));
  assert(ent_world_new(&f->world) == ENT_SUCCESS);
  ent_world_set_log(f->world, record, &f->log);
  assert(ent_ontology_load(f->world, NULL, &f->ontology) == ENT_SUCCESS);
  assert(ent_graph_new(f->world, f->ontology, BASE, &f->graph) == ENT_SUCCESS);
}

static void
teardown(Fixture *f)
{
  ent_graph_free(f->graph);
  ent_ontology_free(f->ontology);
  ent_world_free(f->world);
}

typedef struct {
  const char *s;
  const char *p;
  const char *o;
  const char *g; ///< Graph, or NULL for any
  size_t count;
} Match;

static EntStatus
match(void *handle, const Triple *t)
{
  Match *m = handle;
  if ((!m->s || !strcmp(t->subject.value, m->s)) &&
      (!m->p || !strcmp(t->predicate.value, m->p)) &&
      (!m->o || !strcmp(t->object.value, m->o)) &&
      (!m->g || (t->graph && !strcmp(t->graph, m->g)))) {
    ++m->count;
  }
  return ENT_SUCCESS;
}

static size_t
count(EntGraph *g, const char *s, const char *p, const char *o, const char *gr)
{
  Match m = { s, p, o, gr, 0 };
  assert(ent_emit(g, true, match, &m) == ENT_SUCCESS);
  return m.count;
}

static void
add(Fixture *f, EntClass cls, const char *id, const char *name)
{
  assert(ent_graph_add_entity(f->graph, cls, id, name, "en", NULL) ==
         ENT_SUCCESS);
}

/// Two sources, a person and a body.
static void
cast(Fixture *f)
{
  add(f, ENT_CLASS_SOURCE, "wire", "Wire report");
  add(f, ENT_CLASS_SOURCE, "paper", "Paper report");
  assert(ent_graph_use_source(f->graph, "wire", NULL) == ENT_SUCCESS);
  add(f, ENT_CLASS_OFFICIAL, "karasin", "Grigory Karasin");
  add(f, ENT_CLASS_INSTITUTION, "committee", "Foreign Affairs Committee");
  add(f, ENT_CLASS_INSTITUTION, "council", "Federation Council");
  add(f, ENT_CLASS_AGREEMENT, "truce", "Truce");
  add(f, ENT_CLASS_COUNTRY, "russia", "Russia");
}

static void
test_posts(void)
{
  Fixture f;
  setup(&f);
  cast(&f);
  const char *a = NULL;
  const char *b = NULL;
  const char *c = NULL;
  // One post, two sources, two titles: one node.
  assert(ent_graph_add_post(f.graph,
                            "karasin",
                            "committee",
                            "chair",
                            "Chairman of the Foreign Affairs Committee",
                            "en",
                            NULL,
                            &a) == ENT_SUCCESS);
  assert(ent_graph_use_source(f.graph, "paper", NULL) == ENT_SUCCESS);
  assert(ent_graph_add_post(f.graph,
                            "karasin",
                            "committee",
                            "chair",
                            "Head of the Committee on International Affairs",
                            "en",
                            NULL,
                            &b) == ENT_SUCCESS);
  assert(a && b && !strcmp(a, b));
  const char *iri = ent_graph_iri(f.graph, a);
  assert(!strcmp(iri, BASE "post/karasin/committee/chair"));
  // Typed, and titled as each source spells it, in each source's graph.
  const char *wire = ent_graph_iri(f.graph, "wire");
  const char *paper = ent_graph_iri(f.graph, "paper");
  assert(count(f.graph, iri, RDF_TYPE, ENT_NS "Post", wire) == 1);
  assert(count(f.graph, iri, RDF_TYPE, ENT_NS "Post", paper) == 1);
  assert(count(f.graph, iri, SCHEMA_NS "name", NULL, wire) == 1);
  assert(count(f.graph, iri, SCHEMA_NS "name", NULL, paper) == 1);
  assert(count(f.graph, iri, ORG_NS "role", ENT_NS "role-chair", NULL) == 2);
  // A different post (a member of the council) is another node.
  assert(
    ent_graph_add_post(
      f.graph, "karasin", "council", "member", "Senator", "en", NULL, &c) ==
    ENT_SUCCESS);
  assert(strcmp(a, c) != 0);
  // Without a role, the title is the key: case, spacing and punctuation
  // aside, and in any script (NFC, case folded).
  const char *d = NULL;
  const char *e = NULL;
  assert(ent_graph_add_post(f.graph,
                            "karasin",
                            NULL,
                            NULL,
                            "Special  Envoy, for Ukraine",
                            "en",
                            NULL,
                            &d) == ENT_SUCCESS);
  assert(ent_graph_add_post(f.graph,
                            "karasin",
                            NULL,
                            NULL,
                            "special envoy for UKRAINE",
                            "en",
                            NULL,
                            &e) == ENT_SUCCESS);
  assert(!strcmp(d, e));
  assert(!strcmp(ent_graph_iri(f.graph, d),
                 BASE "post/karasin/special-envoy-for-ukraine"));
  // "Военный герой" with its "й" precomposed (NFC) and decomposed into
  // "и" and a combining breve (NFD) gives one key.
  const char *r1 = NULL;
  const char *r2 = NULL;
  assert(ent_graph_add_post(f.graph,
                            "karasin",
                            NULL,
                            NULL,
                            "\xD0\x93\xD0\xB5\xD1\x80\xD0\xBE\xD0\xB9",
                            "ru",
                            NULL,
                            &r1) == ENT_SUCCESS);
  assert(ent_graph_add_post(f.graph,
                            "karasin",
                            NULL,
                            NULL,
                            "\xD0\x93\xD0\xB5\xD1\x80\xD0\xBE\xD0\xB8\xCC\x86",
                            "ru",
                            NULL,
                            &r2) == ENT_SUCCESS);
  assert(!strcmp(r1, r2));
  assert(!strcmp(ent_graph_iri(f.graph, r1),
                 BASE "post/karasin/\xD0\xB3\xD0\xB5\xD1\x80\xD0\xBE\xD0\xB9"));
  // An unknown role, an empty title: refused, with a message.
  const unsigned long errors = f.log.errors;
  assert(ent_graph_add_post(f.graph,
                            "karasin",
                            "committee",
                            "emperor",
                            "Emperor",
                            NULL,
                            NULL,
                            NULL) == ENT_ERR_BAD_VALUE);
  assert(strstr(f.log.last, "'emperor' is not a Role"));
  assert(ent_graph_add_post(
           f.graph, "karasin", "committee", "chair", " ", NULL, NULL, NULL) ==
         ENT_ERR_EMPTY_NAME);
  assert(f.log.errors == errors + 2);
  teardown(&f);
}

static void
test_responses_and_disagreements(void)
{
  Fixture f;
  setup(&f);
  cast(&f);
  const char *r = NULL;
  assert(ent_graph_add_response(
           f.graph, "truce", "russia", "accepted", NULL, &r) == ENT_SUCCESS);
  assert(!strcmp(ent_graph_iri(f.graph, r),
                 BASE "agreement/truce/response/russia-accepted"));
  assert(count(f.graph,
               ent_graph_iri(f.graph, "truce"),
               ENT_NS "response",
               ent_graph_iri(f.graph, r),
               NULL) == 1);
  assert(ent_graph_add_response(
           f.graph, "truce", "russia", "shrugged", NULL, NULL) ==
         ENT_ERR_BAD_VALUE);
  // Two sources, two statuses, both kept.
  assert(ent_graph_set_concept(
           f.graph, "truce", ENT_PROP_AGREEMENT_STATUS, "proposed", NULL) ==
         ENT_SUCCESS);
  size_t n = 99;
  assert(ent_graph_check_disagreements(f.graph, &n) == ENT_SUCCESS);
  assert(n == 0);
  assert(ent_graph_use_source(f.graph, "paper", NULL) == ENT_SUCCESS);
  assert(ent_graph_set_concept(
           f.graph, "truce", ENT_PROP_AGREEMENT_STATUS, "agreed", NULL) ==
         ENT_SUCCESS);
  // The same status from a third claim of the same source is no news.
  assert(ent_graph_set_concept(
           f.graph, "truce", ENT_PROP_AGREEMENT_STATUS, "agreed", NULL) ==
         ENT_SUCCESS);
  // Undated sources, and agreed can follow proposed: a change over time.
  unsigned long warnings = f.log.warnings;
  assert(ent_graph_check_disagreements(f.graph, &n) == ENT_SUCCESS);
  assert(n == 0);
  assert(f.log.warnings == warnings);
  // Rejected and agreed cannot follow each other: a disagreement.
  assert(ent_graph_use_source(f.graph, "wire", NULL) == ENT_SUCCESS);
  assert(ent_graph_set_concept(
           f.graph, "truce", ENT_PROP_AGREEMENT_STATUS, "rejected", NULL) ==
         ENT_SUCCESS);
  warnings = f.log.warnings;
  assert(ent_graph_check_disagreements(f.graph, &n) == ENT_SUCCESS);
  assert(n == 1);
  assert(f.log.warnings == warnings + 1);
  assert(strstr(f.log.last, "sources disagree on the agreementStatus"));
  assert(strstr(f.log.last, "'proposed' (wire"));
  assert(strstr(f.log.last, "'agreed' (paper"));
  assert(strstr(f.log.last, "'rejected' (wire"));
  assert(count(f.graph,
               ent_graph_iri(f.graph, "truce"),
               ENT_NS "agreementStatus",
               NULL,
               NULL) == 3);
  // Titles of one post that differ only in case are one spelling.
  assert(ent_graph_use_source(f.graph, "wire", NULL) == ENT_SUCCESS);
  assert(
    ent_graph_add_post(
      f.graph, "karasin", "committee", "chair", "Chairman", "en", NULL, NULL) ==
    ENT_SUCCESS);
  assert(ent_graph_use_source(f.graph, "paper", NULL) == ENT_SUCCESS);
  assert(
    ent_graph_add_post(
      f.graph, "karasin", "committee", "chair", "chairman", "en", NULL, NULL) ==
    ENT_SUCCESS);
  assert(ent_graph_check_disagreements(f.graph, &n) == ENT_SUCCESS);
  assert(n == 1);
  teardown(&f);
}

/// Windows of days (ent_day_span_add()): overlapping windows and a day
/// within them leave a day; windows apart, or a day outside, do not;
/// other predicates and a missing day change nothing.
static void
test_day_span(void)
{
  EntDaySpan span = { NULL, NULL };
  assert(!ent_day_span_empty(&span));
  ent_day_span_add(&span, ENT_NS "notBefore", "2025-03-17");
  ent_day_span_add(&span, ENT_NS "notAfter", "2025-03-23");
  ent_day_span_add(&span, ENT_NS "notBefore", "2025-03-15");
  ent_day_span_add(&span, ENT_NS "notAfter", "2025-03-18");
  ent_day_span_add(&span, SCHEMA_NS "startDate", "2025-03-18");
  ent_day_span_add(&span, SCHEMA_NS "endDate", "2025-04-30");
  ent_day_span_add(&span, ENT_NS "notAfter", NULL);
  assert(!ent_day_span_empty(&span));
  assert(!strcmp(span.from, "2025-03-18") && !strcmp(span.to, "2025-03-18"));
  EntDaySpan apart = { NULL, NULL };
  ent_day_span_add(&apart, ENT_NS "notBefore", "2025-03-17");
  ent_day_span_add(&apart, ENT_NS "notAfter", "2025-03-16");
  assert(ent_day_span_empty(&apart));
  EntDaySpan outside = { NULL, NULL };
  ent_day_span_add(&outside, ENT_NS "notAfter", "2025-03-23");
  ent_day_span_add(&outside, SCHEMA_NS "dateCreated", "2025-03-25");
  assert(ent_day_span_empty(&outside));
  // Somebody else's date-times are within their day; a year or words
  // narrow nothing.
  EntDaySpan timed = { NULL, NULL };
  ent_day_span_add(&timed, ENT_NS "notAfter", "2025-03-18");
  ent_day_span_add(&timed, SCHEMA_NS "startDate", "2025-03-18T10:00:00Z");
  ent_day_span_add(&timed, ENT_NS "notBefore", "2025");
  ent_day_span_add(&timed, ENT_NS "notBefore", "last week");
  assert(!ent_day_span_empty(&timed));
  ent_day_span_add(&timed, SCHEMA_NS "startDate", "2025-03-19T00:00:00+03:00");
  assert(ent_day_span_empty(&timed));
  assert(ent_is_day_bound(ENT_NS "notBefore") &&
         ent_is_day_bound(ENT_NS "notAfter"));
  assert(!ent_is_day_bound(SCHEMA_NS "startDate"));
}

/// One list of what has one value (ent_one_valued()), for validate, the
/// diagrams and the site alike: an incident's type and location, which
/// validate did not judge, are disagreements; places one within another
/// are not.
static void
test_one_valued(void)
{
  assert(ent_one_valued(ENT_NS "incidentType"));
  assert(ent_one_valued(ENT_NS "location"));
  assert(ent_one_valued(ENT_NS "deaths"));
  assert(ent_one_valued(SCHEMA_NS "datePublished"));
  assert(!ent_one_valued(ENT_NS "format"));
  assert(!ent_one_valued(ENT_NS "participant"));
  Fixture f;
  setup(&f);
  cast(&f);
  add(&f, ENT_CLASS_INCIDENT, "strike", "Strike");
  add(&f, ENT_CLASS_PLACE, "rostov-region", "Rostov region");
  add(&f, ENT_CLASS_PLACE, "rostov", "Rostov-on-Don");
  add(&f, ENT_CLASS_PLACE, "kursk", "Kursk");
  assert(
    ent_graph_relate(
      f.graph, "rostov", ENT_PROP_CONTAINED_IN_PLACE, "rostov-region", NULL) ==
    ENT_SUCCESS);
  assert(ent_graph_set_concept(
           f.graph, "strike", ENT_PROP_INCIDENT_TYPE, "drone-strike", NULL) ==
         ENT_SUCCESS);
  assert(ent_graph_relate(
           f.graph, "strike", ENT_PROP_LOCATION, "rostov-region", NULL) ==
         ENT_SUCCESS);
  assert(ent_graph_use_source(f.graph, "paper", NULL) == ENT_SUCCESS);
  assert(
    ent_graph_relate(f.graph, "strike", ENT_PROP_LOCATION, "rostov", NULL) ==
    ENT_SUCCESS);
  size_t n = 99;
  assert(ent_graph_check_disagreements(f.graph, &n) == ENT_SUCCESS);
  assert(n == 0); // the city is in the region: more precise, not at odds
  assert(ent_graph_set_concept(
           f.graph, "strike", ENT_PROP_INCIDENT_TYPE, "missile-strike", NULL) ==
         ENT_SUCCESS);
  // Another strike, in Rostov by the wire and in Kursk by the paper.
  add(&f, ENT_CLASS_INCIDENT, "shelling", "Shelling");
  assert(
    ent_graph_relate(f.graph, "shelling", ENT_PROP_LOCATION, "kursk", NULL) ==
    ENT_SUCCESS);
  assert(ent_graph_use_source(f.graph, "wire", NULL) == ENT_SUCCESS);
  assert(
    ent_graph_relate(f.graph, "shelling", ENT_PROP_LOCATION, "rostov", NULL) ==
    ENT_SUCCESS);
  const unsigned long warnings = f.log.warnings;
  assert(ent_graph_check_disagreements(f.graph, &n) == ENT_SUCCESS);
  assert(n == 2);
  assert(f.log.warnings == warnings + 2);
  // An event one source places in two places (place="kursk rostov") and
  // another in one of them: a list of places, not a disagreement.
  add(&f, ENT_CLASS_INCIDENT, "raid", "Raid");
  assert(ent_graph_use_source(f.graph, "wire", NULL) == ENT_SUCCESS);
  assert(ent_graph_relate(f.graph, "raid", ENT_PROP_LOCATION, "kursk", NULL) ==
         ENT_SUCCESS);
  assert(ent_graph_use_source(f.graph, "paper", NULL) == ENT_SUCCESS);
  assert(ent_graph_relate(f.graph, "raid", ENT_PROP_LOCATION, "kursk", NULL) ==
         ENT_SUCCESS);
  assert(ent_graph_relate(f.graph, "raid", ENT_PROP_LOCATION, "rostov", NULL) ==
         ENT_SUCCESS);
  assert(ent_graph_check_disagreements(f.graph, &n) == ENT_SUCCESS);
  assert(n == 2); // the strike's type and the shelling's place, as before
  teardown(&f);
}

/// The corpus in data/: its registry, an article against it.
static void
test_registry(const char *src)
{
  char corpus[4096];
  char article[4300];
  snprintf(corpus, sizeof(corpus), "%s/data", src);
  snprintf(article,
           sizeof(article),
           "%s/articles/tass-2025-03-24-closed-format.xml",
           corpus);
  // Found from the article, from its folder, from the corpus itself.
  char *found = NULL;
  assert(ent_corpus_find(article, &found) == ENT_SUCCESS);
  char *a = realpath(found, NULL);
  char *b = realpath(corpus, NULL);
  assert(a && b && !strcmp(a, b));
  free(a);
  free(found);
  assert(ent_corpus_find(corpus, &found) == ENT_SUCCESS);
  a = realpath(found, NULL);
  assert(a && !strcmp(a, b));
  free(a);
  free(b);
  free(found);
  // Nothing above a standalone dataset.
  char good[4096];
  snprintf(good, sizeof(good), "%s/tests/good/minimal.xml", src);
  assert(ent_corpus_find(good, &found) == ENT_FAILURE);
  assert(!found);

  Fixture f;
  setup(&f);
  ent_graph_free(f.graph);
  assert(ent_graph_new(f.world, f.ontology, NULL, &f.graph) == ENT_SUCCESS);
  assert(ent_graph_load_corpus(f.graph, corpus) == ENT_SUCCESS);
  assert(!strcmp(ent_graph_corpus_id(f.graph), "riyadh-march-2025"));
  const size_t registry = ent_graph_entity_count(f.graph);
  assert(registry > 50);
  // A second corpus cannot be loaded into the same graph.
  assert(ent_graph_load_corpus(f.graph, corpus) == ENT_ERR_BAD_ARG);
  // The corpus graph: a registry entity's type is there, not in a source's.
  const char *corpus_iri = ent_graph_iri(f.graph, "riyadh-march-2025");
  const char *karasin = ent_graph_iri(f.graph, "karasin");
  assert(count(f.graph, karasin, RDF_TYPE, ENT_NS "Official", corpus_iri) == 1);
  assert(ent_load_dataset(f.graph, article) == ENT_SUCCESS);
  const char *tass = ent_graph_iri(f.graph, "tass-2025-03-24");
  assert(count(f.graph, karasin, RDF_TYPE, NULL, tass) == 0);
  assert(count(f.graph, karasin, ENT_NS "holdsPost", NULL, tass) == 1);
  assert(count(f.graph, karasin, DCTERMS_NS "isReferencedBy", tass, tass) == 1);
  // Without the registry's graph, an article's own statements only.
  ent_graph_write_registry(f.graph, 0);
  assert(count(f.graph, NULL, NULL, NULL, corpus_iri) == 0);
  assert(count(f.graph, karasin, ENT_NS "holdsPost", NULL, tass) == 1);
  ent_graph_write_registry(f.graph, 1);
  // A ref to an entity of the wrong class or of none, as the loader makes
  // it: refused with a message.
  assert(ent_graph_refer(f.graph, ENT_CLASS_COUNTRY, "karasin", NULL) ==
         ENT_ERR_WRONG_CLASS);
  assert(ent_graph_refer(f.graph, ENT_CLASS_OFFICIAL, "nobody", NULL) ==
         ENT_ERR_UNKNOWN_ID);
  teardown(&f);
}

int
main(void)
{
  const char *src = getenv("ENTENTE_SRC");
  test_posts();
  test_responses_and_disagreements();
  test_one_valued();
  test_day_span();
  if (src) {
    test_registry(src);
  } else {
    fprintf(stderr, "test_corpus: ENTENTE_SRC is not set\n");
    return 1;
  }
  printf("test_corpus: ok\n");
  return 0;
}
