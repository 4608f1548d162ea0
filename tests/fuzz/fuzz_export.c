// SPDX-License-Identifier: MIT
// libFuzzer target: bytes drive the builder API (entity IDs, names, values,
// language tags and the base IRI all come from the input), then the graph
// is exported in every format into memory.  The builder checks what it is
// given, so whatever it accepted must be written: every RDF format reads
// back with raptor2 with no error and the same statement count, every
// accepted name and free text comes back exactly as an N-Triples literal,
// and the DOT reads back with cgraph with no node named by user text.

#include "oracle.h"

#include <stdint.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static EntWorld *world;
static EntOntology *ontology;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
  (void)argc;
  (void)argv;
  oracle_init(&world, &ontology);
  return 0;
}

/// The input, consumed from the front.
typedef struct {
  const uint8_t *p;
  size_t n;
} Input;

static unsigned
take(Input *in)
{
  if (!in->n) {
    return 0;
  }
  --in->n;
  return *in->p++;
}

enum { MAX_STRING = 96, MAX_OPS = 48, MAX_TEXTS = MAX_OPS + 1 };

/// A string of up to MAX_STRING bytes: a length byte, then the bytes (a
/// NUL among them ends the C string early, as it would for a caller).
static const char *
take_string(Input *in, char *buf)
{
  size_t len = take(in) % (MAX_STRING + 1U);
  if (len > in->n) {
    len = in->n;
  }
  memcpy(buf, in->p, len);
  buf[len] = '\0';
  in->p += len;
  in->n -= len;
  return buf;
}

static const char *const ids[] = { "s", "a", "b", "c-d", "e1", "src-2" };
enum { N_IDS = sizeof(ids) / sizeof(ids[0]) };

/// An ID: one of a few slugs (so that relations find their ends), or,
/// one time in eight, raw bytes.
static const char *
take_id(Input *in, char *buf)
{
  const unsigned k = take(in);
  return (k & 7U) == 7U ? take_string(in, buf) : ids[(k >> 3) % N_IDS];
}

/// A language tag: none, a good one, or raw bytes.
static const char *
take_lang(Input *in, char *buf)
{
  static const char *const langs[] = { "en", "uk", "ru", "en-GB", "zh-Hant" };
  const unsigned k = take(in) % 8U;
  if (k < 2) {
    return NULL;
  }
  return k < 7 ? langs[k - 2] : take_string(in, buf);
}

/// A value for a literal property: something of the right shape, mutated
/// sometimes, or raw bytes.
static const char *
take_value(Input *in, char *buf)
{
  static const char *const shapes[] = {
    "2025-03-24",     "2024-02-29",          "P30D",      "PT1H30M", "42", "0",
    "https://e.org/", "https://e.org/a?b=c", "on Sunday",
  };
  enum { N_SHAPES = sizeof(shapes) / sizeof(shapes[0]) };
  const unsigned k = take(in);
  if (k % 4U == 3U) {
    return take_string(in, buf);
  }
  const char *shape = shapes[(k >> 2) % N_SHAPES];
  const size_t len = strlen(shape);
  memcpy(buf, shape, len + 1);
  if (k & 0x80U && len) {
    buf[take(in) % len] = (char)take(in); // one byte changed
  }
  return buf;
}

/// A controlled value: one the ontology declares, or raw bytes.
static const char *
take_concept(Input *in, char *buf)
{
  static const char *const values[] = {
    "technical", "bilateral", "phone-call",   "held", "planned",  "agreed",
    "proposed",  "violated",  "drone-strike", "war",  "expected", "cancelled",
  };
  enum { N_VALUES = sizeof(values) / sizeof(values[0]) };
  const unsigned k = take(in);
  return k % 5U == 4U ? take_string(in, buf) : values[(k / 5U) % N_VALUES];
}

/// Whether a literal property holds free text that must come back as is.
static bool
is_free_text(EntProperty prop)
{
  return prop == ENT_PROP_ALIAS || prop == ENT_PROP_DESCRIPTION ||
         prop == ENT_PROP_TITLE || prop == ENT_PROP_TEXT ||
         prop == ENT_PROP_DATE_PHRASE;
}

/// FUZZ_TRACE=1 prints each builder call and what it returned (triage).
static void
trace(const char *call,
      const char *a,
      const char *b,
      const char *c,
      unsigned d,
      EntStatus st)
{
  if (getenv("FUZZ_TRACE")) {
    fprintf(stderr,
            "%s(%u, \"%s\", \"%s\", %s%s%s) -> %s\n",
            call,
            d,
            a ? a : "(null)",
            b ? b : "(null)",
            c ? "\"" : "",
            c ? c : "NULL",
            c ? "\"" : "",
            ent_strerror(st));
  }
}

typedef struct {
  char *texts[MAX_TEXTS];
  size_t n;
} Texts;

static void
keep_text(Texts *t, const char *text)
{
  if (t->n < MAX_TEXTS) {
    t->texts[t->n] = strdup(text);
    if (!t->texts[t->n]) {
      oracle_fail("out of memory", NULL);
    }
    ++t->n;
  }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  Input in = { data, size };
  char s1[MAX_STRING + 1];
  char s2[MAX_STRING + 1];
  char s3[MAX_STRING + 1];

  // The base IRI: the default, a good one, or raw bytes.
  const unsigned b = take(&in) % 4U;
  const char *base = b == 0   ? NULL
                     : b == 1 ? "https://example.org/id/"
                     : b == 2 ? "urn:x:"
                              : take_string(&in, s1);
  EntGraph *graph = NULL;
  const EntStatus made = ent_graph_new(world, ontology, base, &graph);
  trace("graph_new", base, NULL, NULL, 0, made);
  if (made) {
    return 0; // a base the builder refuses: nothing to export
  }
  Texts texts = { { NULL }, 0 };
  // The first source, so that facts have a home.
  if (!ent_graph_add_entity(
        graph, ENT_CLASS_SOURCE, "s", "Source", "en", NULL)) {
    keep_text(&texts, "Source");
  }
  for (unsigned op = 0; op < MAX_OPS && in.n; ++op) {
    const unsigned kind = take(&in) % 5U;
    if (kind == 0) {
      const EntClass cls = (EntClass)(take(&in) % ENT_CLASS_COUNT_);
      const char *id = take_id(&in, s1);
      const char *name = take_string(&in, s2);
      const char *lang = take_lang(&in, s3);
      const EntStatus st =
        ent_graph_add_entity(graph, cls, id, name, lang, NULL);
      trace("add_entity", id, name, lang, (unsigned)cls, st);
      if (!st) {
        keep_text(&texts, name);
      }
    } else if (kind == 1) {
      const EntProperty prop =
        (EntProperty)(take(&in) % (ENT_PROP_NOT_AFTER + 1U));
      const char *id = take_id(&in, s1);
      const char *value = take_value(&in, s2);
      const char *lang = take_lang(&in, s3);
      const EntStatus st =
        ent_graph_add_value(graph, id, prop, value, lang, NULL);
      trace("add_value", id, value, lang, (unsigned)prop, st);
      if (!st && is_free_text(prop)) {
        keep_text(&texts, value);
      }
    } else if (kind == 2) {
      const unsigned span = ENT_PROP_CITES_OUTLET - ENT_PROP_NATIONALITY + 1U;
      const EntProperty prop =
        (EntProperty)(ENT_PROP_NATIONALITY + take(&in) % span);
      const char *id = take_id(&in, s1);
      const char *object = take_id(&in, s2);
      trace("relate",
            id,
            object,
            NULL,
            (unsigned)prop,
            ent_graph_relate(graph, id, prop, object, NULL));
    } else if (kind == 3) {
      // The controlled properties: one run, and one added later.
      const unsigned span = ENT_PROP_INCIDENT_TYPE - ENT_PROP_FORMAT + 2U;
      const unsigned pick = take(&in) % span;
      const EntProperty prop = pick + 1U == span
                                 ? ENT_PROP_INCIDENT_STATUS
                                 : (EntProperty)(ENT_PROP_FORMAT + pick);
      const char *id = take_id(&in, s1);
      const char *value = take_concept(&in, s2);
      trace("set_concept",
            id,
            value,
            NULL,
            (unsigned)prop,
            ent_graph_set_concept(graph, id, prop, value, NULL));
    } else {
      const char *id = take_id(&in, s1);
      trace(
        "use_source", id, NULL, NULL, 0, ent_graph_use_source(graph, id, NULL));
    }
  }
  oracle_check_rdf(graph, (const char *const *)texts.texts, texts.n, true);
  oracle_check_diagrams(graph);
  for (size_t i = 0; i < texts.n; ++i) {
    free(texts.texts[i]);
  }
  ent_graph_free(graph);
  return 0;
}
