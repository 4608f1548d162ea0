// SPDX-License-Identifier: MIT
// Unit tests of the ontology: loading (built in or from a file), what it
// declares, its hierarchy, and the errors of a broken ontology file.

#undef NDEBUG

#include "entente.h"
#include "model/model.h"
#include "ontology/ontology.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

// ---- A log that remembers the last message ------------------------------

typedef struct {
  unsigned long count;
  EntLogLevel level;
  EntStatus status;
  bool has_caret;
  char document[512];
  unsigned long line;
  unsigned long column;
  char message[1024];
} LastLog;

static void
record_log(void *handle,
           EntLogLevel level,
           EntStatus status,
           const EntCaret *caret,
           const char *message)
{
  LastLog *log = handle;
  ++log->count;
  log->level = level;
  log->status = status;
  log->has_caret = caret != NULL;
  snprintf(log->document,
           sizeof(log->document),
           "%s",
           caret && caret->document ? caret->document : "");
  log->line = caret ? caret->line : 0;
  log->column = caret ? caret->column : 0;
  snprintf(log->message, sizeof(log->message), "%s", message);
}

// ---- Files --------------------------------------------------------------

static char temp_dir[256];

static void
make_temp_dir(void)
{
  const char *tmp = getenv("TMPDIR");
  snprintf(temp_dir,
           sizeof(temp_dir),
           "%s/entente-ontology-XXXXXX",
           tmp && *tmp ? tmp : "/tmp");
  assert(mkdtemp(temp_dir));
}

static void
temp_path(char *out, size_t size, const char *name)
{
  const int n = snprintf(out, size, "%s/%s", temp_dir, name);
  assert(n > 0 && (size_t)n < size);
}

static void
write_file(const char *path, const char *text, size_t len)
{
  FILE *f = fopen(path, "wb");
  assert(f);
  assert(fwrite(text, 1, len, f) == len);
  assert(fclose(f) == 0);
}

/// The whole of a file; free with free().
static char *
read_file(const char *path, size_t *len)
{
  FILE *f = fopen(path, "rb");
  assert(f);
  assert(fseek(f, 0, SEEK_END) == 0);
  const long size = ftell(f);
  assert(size >= 0);
  assert(fseek(f, 0, SEEK_SET) == 0);
  char *text = malloc((size_t)size + 1);
  assert(text);
  assert(fread(text, 1, (size_t)size, f) == (size_t)size);
  text[size] = '\0';
  assert(fclose(f) == 0);
  *len = (size_t)size;
  return text;
}

static void
source_path(char *out, size_t size, const char *relative)
{
  const char *src = getenv("ENTENTE_SRC");
  assert(src && *src);
  const int n = snprintf(out, size, "%s/%s", src, relative);
  assert(n > 0 && (size_t)n < size);
}

// ---- The built-in ontology ----------------------------------------------

static void
test_builtin(void)
{
  EntWorld *world = NULL;
  EntOntology *ont = NULL;
  LastLog log;
  memset(&log, 0, sizeof(log));
  assert(ent_world_new(&world) == ENT_SUCCESS);
  ent_world_set_log(world, record_log, &log);
  assert(ent_ontology_load(world, NULL, &ont) == ENT_SUCCESS);
  assert(ont);
  assert(log.count == 0);

  assert(ont_declares(ont, ENT_NS "Official"));
  assert(ont_declares(ont, ENT_NS "holdsPost"));
  assert(ont_declares(ont, ENT_NS "format-technical"));
  assert(ont_declares(ont, ENT_NS "deathsAtLeast"));
  assert(ont_declares(ont, ENT_NS "speakerRole")); // a prov:Role individual
  assert(!ont_declares(ont, ENT_NS "Nonexistent"));
  assert(!ont_declares(ont, ENT_NS "official")); // case matters
  assert(!ont_declares(ont, ENT_NS));
  // Mentioned, but not declared by this ontology.
  assert(!ont_declares(ont, SCHEMA_NS "Person"));
  // The ontology's own IRI is typed owl:Ontology, which declares no term.
  assert(ont_term(ont, "https://w3id.org/entente/ns"));
  assert(!ont_declares(ont, "https://w3id.org/entente/ns"));

  // Every class and property the model writes is declared.
  for (int c = 0; c < ENT_CLASS_COUNT_; ++c) {
    assert(ont_declares(ont, ent_class_iri((EntClass)c)));
  }
  for (int p = 0; p < ENT_PROP_COUNT_; ++p) {
    const PropInfo *info = ent_prop_info((EntProperty)p);
    for (size_t k = 0; k < 2 && info->iris[k]; ++k) {
      if (!strncmp(info->iris[k], ENT_NS, sizeof(ENT_NS) - 1)) {
        assert(ont_declares(ont, info->iris[k]));
      }
    }
  }

  // What is known of a term.
  const OntTerm *holds = ont_term(ont, ENT_NS "holdsPost");
  assert(holds);
  assert(holds->kinds & ONT_OBJECT_PROPERTY);
  assert(!(holds->kinds & ONT_CLASS));
  assert(holds->domain && !strcmp(holds->domain, ENT_NS "Official"));
  assert(holds->range && !strcmp(holds->range, ENT_NS "Post"));
  assert(holds->label && !strcmp(holds->label, "holds post"));
  assert(holds->n_supers == 1 && !strcmp(holds->supers[0], ORG_NS "holds"));
  assert(ont_term(ont, ENT_NS "Official")->kinds & ONT_CLASS);
  assert(ont_term(ont, ENT_NS "deaths")->kinds & ONT_DATATYPE_PROPERTY);
  assert(ont_term(ont, ENT_NS "format-technical")->kinds & ONT_INDIVIDUAL);

  ent_ontology_free(ont);
  ent_ontology_free(NULL);
  ent_world_free(world);
}

static void
test_hierarchy(void)
{
  EntWorld *world = NULL;
  EntOntology *ont = NULL;
  assert(ent_world_new(&world) == ENT_SUCCESS);
  assert(ent_ontology_load(world, NULL, &ont) == ENT_SUCCESS);

  assert(ont_is_subclass(ont, ENT_NS "Country", ENT_NS "Place"));
  assert(ont_is_subclass(ont, ENT_NS "Quotation", ENT_NS "Statement"));
  assert(!ont_is_subclass(ont, ENT_NS "Place", ENT_NS "Country"));
  assert(!ont_is_subclass(ont, ENT_NS "Statement", ENT_NS "Quotation"));
  assert(ont_is_subclass(ont, ENT_NS "Official", ENT_NS "Official"));
  assert(ont_is_subclass(ont, ENT_NS "Institution", ENT_NS "Actor"));
  assert(ont_is_subclass(ont, ENT_NS "Institution", PROV_NS "Agent"));
  assert(ont_is_subclass(ont, ENT_NS "Country", SCHEMA_NS "Place"));
  assert(!ont_is_subclass(ont, ENT_NS "Official", ENT_NS "Body"));
  assert(!ont_is_subclass(ont, ENT_NS "Paraphrase", ENT_NS "Quotation"));
  assert(!ont_is_subclass(ont, ENT_NS "Nonexistent", ENT_NS "Place"));
  assert(ont_is_subclass(ont, ENT_NS "holdsPost", ORG_NS "holds"));

  assert(
    ont_has_type(ont, ENT_NS "format-technical", ENT_NS "NegotiationFormat"));
  assert(ont_has_type(ont, ENT_NS "format-technical", SKOS_NS "Concept"));
  assert(
    !ont_has_type(ont, ENT_NS "negotiation-held", ENT_NS "NegotiationFormat"));
  assert(
    ont_has_type(ont, ENT_NS "negotiation-held", ENT_NS "NegotiationStatus"));
  assert(
    !ont_has_type(ont, ENT_NS "format-telepathy", ENT_NS "NegotiationFormat"));

  ent_ontology_free(ont);
  ent_world_free(world);
}

// ---- External supers ----------------------------------------------------

enum { MAX_SEEN = 32 };

typedef struct {
  const char *iris[MAX_SEEN];
  size_t count;
  size_t stop_after; ///< Fail with ENT_FAILURE after this many (0: never)
} Supers;

static EntStatus
collect_super(void *handle, const char *iri)
{
  Supers *s = handle;
  assert(s->count < MAX_SEEN);
  s->iris[s->count++] = iri;
  return s->stop_after && s->count >= s->stop_after ? ENT_FAILURE : ENT_SUCCESS;
}

static size_t
times_seen(const Supers *s, const char *iri)
{
  size_t n = 0;
  for (size_t i = 0; i < s->count; ++i) {
    n += strcmp(s->iris[i], iri) == 0;
  }
  return n;
}

static Supers
supers_of(const EntOntology *ont, const char *iri)
{
  Supers s;
  memset(&s, 0, sizeof(s));
  assert(ont_each_external_super(ont, iri, collect_super, &s) == ENT_SUCCESS);
  for (size_t i = 0; i < s.count; ++i) {
    assert(strncmp(s.iris[i], ENT_NS, sizeof(ENT_NS) - 1) != 0);
  }
  return s;
}

/// A status reported as of its sources' days [from, to] (NULL: open).
static OntStatusReports
reported(const char *status, const char *from, const char *to)
{
  OntStatusReports v = { .status = status };
  ont_status_report(&v, from, to);
  return v;
}

static void
test_status_progression(void)
{
  EntWorld *w = NULL;
  assert(ent_world_new(&w) == ENT_SUCCESS);
  EntOntology *ont = NULL;
  assert(ent_ontology_load(w, NULL, &ont) == ENT_SUCCESS);
#define NEG ENT_NS "negotiation-"
  // Planned on the 24th, then ongoing, held, concluded: one by one, and
  // all four at once, in any order of the values.
  OntStatusReports v[4] = {
    reported(NEG "concluded", "2025-03-25", "2025-03-25"),
    reported(NEG "planned", "2025-03-24", "2025-03-24"),
    reported(NEG "held", "2025-03-24", "2025-03-24"),
    reported(NEG "ongoing", "2025-03-24", "2025-03-24"),
  };
  assert(ont_status_progression(ont, v, 4));
  // In the order they were reported: by day, then planned before ongoing
  // before held (each can follow the one before, not precede it).
  ont_status_sort(ont, v, 4);
  assert(!strcmp(v[0].status, NEG "planned"));
  assert(!strcmp(v[1].status, NEG "ongoing"));
  assert(!strcmp(v[2].status, NEG "held"));
  assert(!strcmp(v[3].status, NEG "concluded"));
  assert(!strcmp(v[3].first_day, "2025-03-25"));
  // What can follow comes after, whatever days are known or not: planned
  // with no day before concluded no earlier than the 31st, and before held
  // no earlier than the 20th when planned was reported on the 24th.
  OntStatusReports undated[2] = {
    reported(NEG "concluded", "2025-12-31", NULL),
    reported(NEG "planned", NULL, NULL),
  };
  ont_status_sort(ont, undated, 2);
  assert(!strcmp(undated[0].status, NEG "planned"));
  assert(!undated[1].first_day);
  assert(!strcmp(undated[1].first_bound, "2025-12-31"));
  OntStatusReports bounded[2] = {
    reported(NEG "held", "2025-03-20", NULL),
    reported(NEG "planned", "2025-03-24", "2025-03-24"),
  };
  assert(ont_status_progression(ont, bounded, 2));
  ont_status_sort(ont, bounded, 2);
  assert(!strcmp(bounded[0].status, NEG "planned"));
  // Held and concluded can follow each other: by the earliest known day,
  // a day known before none.
  OntStatusReports either[3] = {
    reported(NEG "held", NULL, NULL),
    reported(NEG "concluded", "2025-03-26", "2025-03-26"),
    reported(NEG "ongoing", "2025-03-25", NULL),
  };
  ont_status_sort(ont, either, 3);
  assert(!strcmp(either[0].status, NEG "ongoing"));
  assert(!strcmp(either[1].status, NEG "concluded"));
  assert(!strcmp(either[2].status, NEG "held"));
  // Transitively: planned can become concluded through ongoing.
  assert(ont_term(ont, NEG "planned")->n_next > 0);
  // Concluded on the 24th, planned on the 25th: the later cannot follow.
  OntStatusReports back[2] = {
    reported(NEG "concluded", "2025-03-24", "2025-03-24"),
    reported(NEG "planned", "2025-03-25", "2025-03-25"),
  };
  assert(!ont_status_progression(ont, back, 2));
  // The same day, or days unknown: either may have come first.
  back[1] = reported(NEG "planned", "2025-03-24", "2025-03-24");
  assert(ont_status_progression(ont, back, 2));
  back[1] = reported(NEG "planned", NULL, NULL);
  assert(ont_status_progression(ont, back, 2));
  // A source known only not to be earlier than the 25th reports after one
  // of the 24th: planned then, concluded in it, is a change...
  OntStatusReports bound[2] = {
    reported(NEG "planned", "2025-03-24", "2025-03-24"),
    reported(NEG "concluded", "2025-03-25", NULL),
  };
  assert(ont_status_progression(ont, bound, 2));
  // ... and concluded then, planned in it, is not.
  bound[0] = reported(NEG "concluded", "2025-03-24", "2025-03-24");
  bound[1] = reported(NEG "planned", "2025-03-25", NULL);
  assert(!ont_status_progression(ont, bound, 2));
  // One of a value's reports before one of the other's, and one after:
  // each must be able to follow the other (held and concluded can).
  OntStatusReports mixed[2] = {
    reported(NEG "held", "2025-03-24", "2025-03-24"),
    reported(NEG "concluded", "2025-03-25", "2025-03-25"),
  };
  ont_status_report(&mixed[0], "2025-03-26", "2025-03-26");
  assert(ont_status_progression(ont, mixed, 2));
  mixed[1].status = NEG "ongoing";
  assert(!ont_status_progression(ont, mixed, 2));
  // Held and cancelled never follow each other, whatever the days.
  OntStatusReports never[2] = {
    reported(NEG "held", NULL, NULL),
    reported(NEG "cancelled", NULL, NULL),
  };
  assert(!ont_status_progression(ont, never, 2));
  // Agreements: proposed, agreed, then it lost credibility.
  OntStatusReports truce[3] = {
    reported(ENT_NS "agreement-lost-credibility", "2025-04-02", "2025-04-02"),
    reported(ENT_NS "agreement-proposed", "2025-03-11", "2025-03-11"),
    reported(ENT_NS "agreement-agreed", "2025-03-18", "2025-03-18"),
  };
  assert(ont_status_progression(ont, truce, 3));
  truce[1].status = ENT_NS "agreement-rejected";
  assert(!ont_status_progression(ont, truce, 3));
#undef NEG
  ent_ontology_free(ont);
  ent_world_free(w);
}

static void
test_external_supers(void)
{
  EntWorld *world = NULL;
  EntOntology *ont = NULL;
  assert(ent_world_new(&world) == ENT_SUCCESS);
  assert(ent_ontology_load(world, NULL, &ont) == ENT_SUCCESS);

  Supers s = supers_of(ont, ENT_NS "Official");
  assert(s.count == 2);
  assert(times_seen(&s, SCHEMA_NS "Person") == 1);
  assert(times_seen(&s, PROV_NS "Agent") == 1); // through ent:Actor

  s = supers_of(ont, ENT_NS "Country");
  assert(s.count == 3);
  assert(times_seen(&s, PROV_NS "Agent") == 1);
  assert(times_seen(&s, SCHEMA_NS "Place") == 1);
  assert(times_seen(&s, SCHEMA_NS "Country") == 1);

  s = supers_of(ont, ENT_NS "Institution");
  assert(s.count == 3);
  assert(times_seen(&s, PROV_NS "Agent") == 1);
  assert(times_seen(&s, ORG_NS "Organization") == 1);
  assert(times_seen(&s, SCHEMA_NS "Organization") == 1);

  s = supers_of(ont, ENT_NS "holdsPost");
  assert(s.count == 1 && times_seen(&s, ORG_NS "holds") == 1);
  s = supers_of(ont, ENT_NS "publisher");
  assert(s.count == 2);
  assert(times_seen(&s, DCTERMS_NS "publisher") == 1);
  assert(times_seen(&s, SCHEMA_NS "publisher") == 1);
  s = supers_of(ont, ENT_NS "country");
  assert(s.count == 0);
  s = supers_of(ont, ENT_NS "Nonexistent");
  assert(s.count == 0);

  // A failing callback stops the walk, and its status comes back.
  memset(&s, 0, sizeof(s));
  s.stop_after = 1;
  assert(ont_each_external_super(ont, ENT_NS "Country", collect_super, &s) ==
         ENT_FAILURE);
  assert(s.count == 1);

  ent_ontology_free(ont);
  ent_world_free(world);
}

// ---- Ontology files -----------------------------------------------------

static const char small_ontology[] =
  "@prefix ent: <https://w3id.org/entente/ns#> .\n"
  "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
  "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
  "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
  "@prefix ex: <http://example.org/ns#> .\n"
  "ent:A a owl:Class ; rdfs:subClassOf ent:B , ent:C ;\n"
  "  rdfs:label \"A\"@de , \"The A\"@en-GB , \"Une A\"@fr .\n"
  "ent:B a owl:Class ; rdfs:subClassOf ex:X .\n"
  "ent:C a owl:Class ; rdfs:subClassOf ex:X , ex:Y .\n"
  // A cycle must not hang the walks.
  "ent:P a owl:Class ; rdfs:subClassOf ent:Q .\n"
  "ent:Q a owl:Class ; rdfs:subClassOf ent:P , ex:Z .\n"
  "ent:p a rdf:Property .\n"
  "ent:i a ent:A .\n"
  "ent:undeclared rdfs:label \"only a label\" .\n";

static void
test_load_file(void)
{
  EntWorld *world = NULL;
  LastLog log;
  memset(&log, 0, sizeof(log));
  assert(ent_world_new(&world) == ENT_SUCCESS);
  ent_world_set_log(world, record_log, &log);

  char path[512];
  temp_path(path, sizeof(path), "small.ttl");
  write_file(path, small_ontology, sizeof(small_ontology) - 1);
  EntOntology *ont = NULL;
  assert(ent_ontology_load(world, path, &ont) == ENT_SUCCESS);
  assert(log.count == 0);

  assert(ont_declares(ont, ENT_NS "A"));
  assert(ont_declares(ont, ENT_NS "p"));
  assert(ont_term(ont, ENT_NS "p")->kinds & ONT_OBJECT_PROPERTY);
  assert(ont_term(ont, ENT_NS "p")->kinds & ONT_DATATYPE_PROPERTY);
  assert(ont_declares(ont, ENT_NS "i")); // typed with a class of ours
  assert(ont_has_type(ont, ENT_NS "i", ENT_NS "A"));
  assert(ont_has_type(ont, ENT_NS "i", "http://example.org/ns#X"));
  assert(!ont_declares(ont, ENT_NS "undeclared"));
  assert(!ont_declares(ont, ENT_NS "Official")); // not the built-in one
  assert(!strcmp(ont_term(ont, ENT_NS "A")->label, "The A")); // English

  // A diamond: ex:X is reached twice but reported once.
  Supers s = supers_of(ont, ENT_NS "A");
  assert(s.count == 2);
  assert(times_seen(&s, "http://example.org/ns#X") == 1);
  assert(times_seen(&s, "http://example.org/ns#Y") == 1);

  // A cycle ends.
  s = supers_of(ont, ENT_NS "P");
  assert(s.count == 1 && times_seen(&s, "http://example.org/ns#Z") == 1);
  assert(ont_is_subclass(ont, ENT_NS "P", ENT_NS "Q"));
  assert(ont_is_subclass(ont, ENT_NS "Q", ENT_NS "P"));
  assert(!ont_is_subclass(ont, ENT_NS "P", ENT_NS "A"));

  ent_ontology_free(ont);
  assert(remove(path) == 0);

  // The real ontology file loads like the built-in one.
  char real[1024];
  source_path(real, sizeof(real), "ontology/entente.ttl");
  assert(ent_ontology_load(world, real, &ont) == ENT_SUCCESS);
  assert(ont_declares(ont, ENT_NS "Official"));
  assert(ont_is_subclass(ont, ENT_NS "Country", ENT_NS "Place"));
  ent_ontology_free(ont);
  assert(log.count == 0);
  ent_world_free(world);
}

static void
test_syntax_error(void)
{
  EntWorld *world = NULL;
  LastLog log;
  memset(&log, 0, sizeof(log));
  assert(ent_world_new(&world) == ENT_SUCCESS);
  ent_world_set_log(world, record_log, &log);

  static const char broken[] =
    "@prefix ent: <https://w3id.org/entente/ns#> .\n"
    "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
    "\n"
    "ent:A a owl:Class ,, .\n"
    "ent:B a owl:Class .\n";
  char path[512];
  temp_path(path, sizeof(path), "broken.ttl");
  write_file(path, broken, sizeof(broken) - 1);

  EntOntology *ont = (EntOntology *)(void *)&log; // must be reset to NULL
  assert(ent_ontology_load(world, path, &ont) == ENT_ERR_ONTOLOGY);
  assert(ont == NULL);
  assert(log.count >= 1);
  assert(log.level == ENT_LOG_ERROR);
  assert(log.status == ENT_ERR_ONTOLOGY);
  assert(log.has_caret);
  assert(!strcmp(log.document, path));
  assert(log.line == 4);
  assert(strstr(log.message, "ontology"));
  assert(ent_world_error_count(world) == log.count);
  assert(remove(path) == 0);
  ent_world_free(world);
}

static void
test_missing_file(void)
{
  EntWorld *world = NULL;
  LastLog log;
  memset(&log, 0, sizeof(log));
  assert(ent_world_new(&world) == ENT_SUCCESS);
  ent_world_set_log(world, record_log, &log);

  char path[512];
  temp_path(path, sizeof(path), "no-such-ontology.ttl");
  EntOntology *ont = (EntOntology *)(void *)&log;
  assert(ent_ontology_load(world, path, &ont) == ENT_ERR_IO);
  assert(ont == NULL);
  assert(log.count == 1 && log.status == ENT_ERR_IO);
  assert(!strcmp(log.document, path));

  // A directory is not an ontology file either.
  assert(ent_ontology_load(world, temp_dir, &ont) == ENT_ERR_IO);
  assert(ont == NULL);
  assert(log.count == 2 && log.status == ENT_ERR_IO);
  ent_world_free(world);
}

static void
test_truncated(void)
{
  EntWorld *world = NULL;
  LastLog log;
  memset(&log, 0, sizeof(log));
  assert(ent_world_new(&world) == ENT_SUCCESS);
  ent_world_set_log(world, record_log, &log);

  char real[1024];
  source_path(real, sizeof(real), "ontology/entente.ttl");
  size_t len = 0;
  char *text = read_file(real, &len);
  assert(len > 1000);
  char path[512];
  temp_path(path, sizeof(path), "half.ttl");
  write_file(path, text, len / 2);
  free(text);

  EntOntology *ont = NULL;
  assert(ent_ontology_load(world, path, &ont) == ENT_ERR_ONTOLOGY);
  assert(ont == NULL);
  assert(log.count >= 1 && log.status == ENT_ERR_ONTOLOGY);
  assert(!strcmp(log.document, path));
  assert(log.line > 0);
  assert(remove(path) == 0);
  ent_world_free(world);
}

int
main(void)
{
  make_temp_dir();
  test_builtin();
  test_hierarchy();
  test_status_progression();
  test_external_supers();
  test_load_file();
  test_syntax_error();
  test_missing_file();
  test_truncated();
  assert(rmdir(temp_dir) == 0);
  return 0;
}
