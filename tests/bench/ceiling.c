// SPDX-License-Identifier: MIT
// The raptor2 serializer ceiling: how fast raptor2 alone writes statements
// shaped like entente's, so that entente's own overhead shows as a ratio.
//
// usage: ceiling [-f FORMAT] [-n TRIPLES] [-o FILE] [--prebuilt | --lean]
//                [--file-handle] [--quiet]
//
// Statements come 20 per subject, in about entente's mix (see README.md):
// 4 rdf:type, 4 language-tagged literals (label, name, a Cyrillic alias, a
// 300-byte quote text with a double quote, a backslash and a line break),
// 1 plain literal, 1 xsd:date literal, 10 IRI-valued relations; IRIs under
// https://w3id.org/entente/id/ of entente's lengths; with -f nquads each
// statement is in the named graph of a source.  All strings are made before
// the clock starts; the timed loop does what any raptor2-based exporter must
// do per statement: make three (four) raptor terms from strings, hand the
// statement to the serializer, free it.  --prebuilt makes every statement
// first (memory grows with -n) and times the serializer alone.  --lean
// (N-Triples and N-Quads) calls raptor2 the way entente's streaming writer
// does: URI interning off, each literal a term on the stack that borrows
// its strings, the statement on the stack; IRI terms are still made from
// their strings for every statement (entente's cache of recent ones is
// entente's own work, not raptor2's).
// Output goes through a raptor iostream with its own 64 KiB buffer, as
// entente's writer does; --file-handle uses raptor_new_iostream_to_file_handle
// instead (raptor's own, which calls fputc for every byte).
//
// Prints one line to stderr: format, triples, seconds (of the timed part),
// triples/s, bytes written.

#include <raptor2.h>

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define PER_SUBJECT  20U
#define MAX_SUBJECTS (1U << 20)
#define BASE         "https://w3id.org/entente/id/"
#define RDF_NS       "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define XSD_NS       "http://www.w3.org/2001/XMLSchema#"

typedef struct {
  const char *value;
  const char *datatype; ///< Literal datatype IRI or NULL
  const char *lang;     ///< Literal language or NULL
  int is_iri;
} Term;

typedef struct {
  char **subjects; ///< Subject IRIs, one per subject index
  size_t n_subjects;
  char **sources; ///< Graph IRIs
  size_t n_sources;
  char **names; ///< Plain names, one per subject index
  char **texts; ///< Long quote texts (a few variants)
  size_t n_texts;
} Strings;

static const char *const classes[] = {
  "https://w3id.org/entente/ns#Official",
  "http://schema.org/Person",
  "http://www.w3.org/ns/prov#Agent",
  "http://www.w3.org/ns/org#Post",
};

static const char *const relations[] = {
  "http://www.w3.org/ns/prov#wasDerivedFrom",
  "https://w3id.org/entente/ns#holdsPost",
  "http://www.w3.org/ns/org#holds",
  "https://w3id.org/entente/ns#memberOf",
  "http://www.w3.org/ns/org#memberOf",
  "http://schema.org/about",
  "https://w3id.org/entente/ns#concerns",
  "http://www.w3.org/ns/prov#qualifiedAttribution",
  "https://w3id.org/entente/ns#nationality",
  "http://schema.org/nationality",
};

static const char *const aliases[] = {
  "Сергей Беседа",         "Григорий Карасин",         "Рустем Умєров",
  "Νικόλαος Παπαδόπουλος", "المملكة العربية السعودية", "王毅",
};

static char *dup_printf(const char *fmt, ...)
  __attribute__((format(printf, 1, 2)));

static char *
dup_printf(const char *fmt, ...)
{
  char buf[512];
  va_list args;
  va_start(args, fmt);
  const int n = vsnprintf(buf, sizeof(buf), fmt, args);
  va_end(args);
  if (n < 0 || (size_t)n >= sizeof(buf)) {
    return NULL;
  }
  char *s = malloc((size_t)n + 1);
  if (s) {
    memcpy(s, buf, (size_t)n + 1);
  }
  return s;
}

static int
make_strings(Strings *s, size_t n_triples)
{
  s->n_subjects = n_triples / PER_SUBJECT + 1;
  if (s->n_subjects > MAX_SUBJECTS) {
    s->n_subjects = MAX_SUBJECTS;
  }
  s->n_sources = s->n_subjects / 50 + 1;
  s->n_texts = 8;
  s->subjects = calloc(s->n_subjects, sizeof(char *));
  s->names = calloc(s->n_subjects, sizeof(char *));
  s->sources = calloc(s->n_sources, sizeof(char *));
  s->texts = calloc(s->n_texts, sizeof(char *));
  if (!s->subjects || !s->names || !s->sources || !s->texts) {
    return 1;
  }
  static const char *const paths[] = {
    "official", "institution", "negotiation", "statement"
  };
  static const char *const first[] = { "olena",    "sergei", "marco",
                                       "mohammed", "wang",   "keith" };
  for (size_t i = 0; i < s->n_subjects; ++i) {
    s->subjects[i] =
      dup_printf(BASE "%s/%s-kovalenko-%zu", paths[i % 4], first[i % 6], i);
    s->names[i] = dup_printf(
      "%c%s Kovalenko %zu", first[i % 6][0] - 'a' + 'A', first[i % 6] + 1, i);
    if (!s->subjects[i] || !s->names[i]) {
      return 1;
    }
  }
  for (size_t i = 0; i < s->n_sources; ++i) {
    s->sources[i] = dup_printf(BASE "source/article-%zu", i);
    if (!s->sources[i]) {
      return 1;
    }
  }
  static const char *const sentence =
    "the talks are quite useful and the work of the delegations continues, "
    "we are ready to discuss a broader and permanent peace; ";
  for (size_t i = 0; i < s->n_texts; ++i) {
    s->texts[i] =
      dup_printf("He said \"%s\" (see C:\\talks\\notes %zu)\n%s%s",
                 sentence,
                 i,
                 sentence,
                 i % 2 ? "Technical teams will meet again next week." : "End.");
    if (!s->texts[i]) {
      return 1;
    }
  }
  return 0;
}

static void
free_strings(Strings *s)
{
  for (size_t i = 0; s->subjects && i < s->n_subjects; ++i) {
    free(s->subjects[i]);
    free(s->names[i]);
  }
  for (size_t i = 0; s->sources && i < s->n_sources; ++i) {
    free(s->sources[i]);
  }
  for (size_t i = 0; s->texts && i < s->n_texts; ++i) {
    free(s->texts[i]);
  }
  free((void *)s->subjects);
  free((void *)s->names);
  free((void *)s->sources);
  free((void *)s->texts);
}

/// Statement k: its predicate and object (the subject is k / PER_SUBJECT).
static void
shape(const Strings *s, size_t k, const char **predicate, Term *object)
{
  const size_t subject = (k / PER_SUBJECT) % s->n_subjects;
  const size_t slot = k % PER_SUBJECT;
  memset(object, 0, sizeof(*object));
  if (slot < 4) {
    *predicate = RDF_NS "type";
    object->value = classes[slot];
    object->is_iri = 1;
  } else if (slot < 6) {
    *predicate = slot == 4 ? "http://www.w3.org/2000/01/rdf-schema#label"
                           : "http://schema.org/name";
    object->value = s->names[subject];
    object->lang = "en";
  } else if (slot == 6) {
    *predicate = "http://www.w3.org/2004/02/skos/core#altLabel";
    object->value = aliases[subject % 6];
    object->lang = subject % 6 < 3 ? "ru" : subject % 6 < 4 ? "el" : "ar";
  } else if (slot == 7) {
    *predicate = "http://schema.org/text";
    object->value = s->texts[subject % s->n_texts];
    object->lang = "en";
  } else if (slot == 8) {
    *predicate = "https://w3id.org/entente/ns#datePhrase";
    object->value = "on Sunday evening";
  } else if (slot == 9) {
    *predicate = "http://schema.org/startDate";
    object->value = "2025-03-23";
    object->datatype = XSD_NS "date";
  } else {
    *predicate = relations[slot - 10];
    object->value = slot == 10
                      ? s->sources[subject % s->n_sources]
                      : s->subjects[(subject * 7 + slot * 131) % s->n_subjects];
    object->is_iri = 1;
  }
}

static raptor_term *
make_term(raptor_world *world, const Term *t)
{
  if (t->is_iri) {
    return raptor_new_term_from_uri_string(world,
                                           (const unsigned char *)t->value);
  }
  raptor_uri *datatype =
    t->datatype ? raptor_new_uri(world, (const unsigned char *)t->datatype)
                : NULL;
  raptor_term *term = raptor_new_term_from_counted_literal(
    world,
    (const unsigned char *)t->value,
    strlen(t->value),
    datatype,
    (const unsigned char *)t->lang,
    t->lang ? (unsigned char)strlen(t->lang) : 0);
  if (datatype) {
    raptor_free_uri(datatype);
  }
  return term;
}

static raptor_statement *
make_statement(raptor_world *world, const Strings *s, size_t k, int quads)
{
  const char *predicate = NULL;
  Term object;
  shape(s, k, &predicate, &object);
  const Term subject = {
    s->subjects[(k / PER_SUBJECT) % s->n_subjects], NULL, NULL, 1
  };
  const Term predicate_term = { predicate, NULL, NULL, 1 };
  raptor_statement *st = raptor_new_statement(world);
  if (!st) {
    return NULL;
  }
  st->subject = make_term(world, &subject);
  st->predicate = make_term(world, &predicate_term);
  st->object = make_term(world, &object);
  if (quads) {
    const Term graph = {
      s->sources[(k / PER_SUBJECT) % s->n_sources], NULL, NULL, 1
    };
    st->graph = make_term(world, &graph);
  }
  if (!st->subject || !st->predicate || !st->object || (quads && !st->graph)) {
    raptor_free_statement(st);
    return NULL;
  }
  return st;
}

/// Statement k written with raptor2 called as entente's streaming writer
/// calls it (see --lean above); non-zero on failure.
static int
write_lean(raptor_world *world,
           raptor_serializer *ser,
           const Strings *s,
           size_t k,
           int quads)
{
  const char *predicate = NULL;
  Term object;
  shape(s, k, &predicate, &object);
  raptor_statement st;
  raptor_statement_init(&st, world);
  st.subject = raptor_new_term_from_uri_string(
    world,
    (const unsigned char *)s->subjects[(k / PER_SUBJECT) % s->n_subjects]);
  st.predicate =
    raptor_new_term_from_uri_string(world, (const unsigned char *)predicate);
  raptor_term literal;
  raptor_uri *datatype = NULL;
  if (object.is_iri) {
    st.object = raptor_new_term_from_uri_string(
      world, (const unsigned char *)object.value);
  } else {
    datatype = object.datatype
                 ? raptor_new_uri(world, (const unsigned char *)object.datatype)
                 : NULL;
    memset(&literal, 0, sizeof(literal));
    literal.world = world;
    literal.usage = 1;
    literal.type = RAPTOR_TERM_TYPE_LITERAL;
    literal.value.literal.string = (unsigned char *)(uintptr_t)object.value;
    literal.value.literal.string_len = (unsigned int)strlen(object.value);
    literal.value.literal.datatype = datatype;
    if (object.lang) {
      literal.value.literal.language = (unsigned char *)(uintptr_t)object.lang;
      literal.value.literal.language_len = (unsigned char)strlen(object.lang);
    }
    st.object = &literal;
  }
  if (quads) {
    st.graph = raptor_new_term_from_uri_string(
      world,
      (const unsigned char *)s->sources[(k / PER_SUBJECT) % s->n_sources]);
  }
  const int failed = !st.subject || !st.predicate || !st.object ||
                     (quads && !st.graph) ||
                     (!object.is_iri && object.datatype && !datatype) ||
                     raptor_serializer_serialize_statement(ser, &st);
  raptor_free_term(st.subject);
  raptor_free_term(st.predicate);
  if (object.is_iri) {
    raptor_free_term(st.object);
  }
  raptor_free_term(st.graph);
  if (datatype) {
    raptor_free_uri(datatype);
  }
  return failed;
}

// ---- An iostream with its own buffer (the default) -------------------------

typedef struct {
  FILE *stream;
  size_t len;
  unsigned long long written;
  char buf[1 << 16];
} OwnBuffer;

static int
own_flush(OwnBuffer *b)
{
  if (b->len && fwrite(b->buf, 1, b->len, b->stream) != b->len) {
    return 1;
  }
  b->len = 0;
  return 0;
}

static int
own_write_bytes(void *context, const void *ptr, size_t size, size_t nmemb)
{
  OwnBuffer *b = context;
  const size_t n = size * nmemb;
  b->written += n;
  if (b->len + n > sizeof(b->buf)) {
    if (own_flush(b)) {
      return -1;
    }
    if (n > sizeof(b->buf)) {
      return fwrite(ptr, 1, n, b->stream) == n ? (int)nmemb : -1;
    }
  }
  memcpy(b->buf + b->len, ptr, n);
  b->len += n;
  return (int)nmemb;
}

__attribute__((noinline)) static int
own_flush_and_put(OwnBuffer *b, char c)
{
  if (own_flush(b)) {
    return 1;
  }
  b->buf[b->len++] = c;
  ++b->written;
  return 0;
}

// The shape of entente's own (src/export_rdf/serialize.c): raptor writes
// most bytes one by one, so the common path saves no registers.
static int
own_write_byte(void *context, const int byte)
{
  OwnBuffer *b = context;
  if (b->len < sizeof(b->buf)) {
    b->buf[b->len++] = (char)byte;
    ++b->written;
    return 0;
  }
  return own_flush_and_put(b, (char)byte);
}

static int
own_write_end(void *context)
{
  return own_flush(context);
}

static const raptor_iostream_handler own_handler = {
  2, NULL, NULL, own_write_byte, own_write_bytes, own_write_end, NULL, NULL
};

// ---- Main -------------------------------------------------------------------

static double
now(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
usage(void)
{
  fprintf(stderr,
          "usage: ceiling [-f FORMAT] [-n TRIPLES] [-o FILE] [--prebuilt | "
          "--lean] [--file-handle] [--quiet]\n"
          "  FORMAT: a raptor2 serializer name (ntriples, nquads, turtle, "
          "rdfxml, json, ...)\n");
  return 64;
}

int
main(int argc, char **argv)
{
  const char *format = "ntriples";
  const char *path = "/dev/null";
  size_t n = 1000000;
  int prebuilt = 0;
  int lean = 0;
  int own = 1; // entente's own buffered iostream, unless --file-handle
  int quiet = 0;
  for (int i = 1; i < argc; ++i) {
    if (!strcmp(argv[i], "-f") && i + 1 < argc) {
      format = argv[++i];
    } else if (!strcmp(argv[i], "-o") && i + 1 < argc) {
      path = argv[++i];
    } else if (!strcmp(argv[i], "-n") && i + 1 < argc) {
      char *end = NULL;
      errno = 0;
      const double v = strtod(argv[++i], &end);
      if (errno || end == argv[i] || *end || v < 1 || v > 1e12) {
        return usage();
      }
      n = (size_t)v;
    } else if (!strcmp(argv[i], "--prebuilt")) {
      prebuilt = 1;
    } else if (!strcmp(argv[i], "--lean")) {
      lean = 1;
    } else if (!strcmp(argv[i], "--file-handle")) {
      own = 0;
    } else if (!strcmp(argv[i], "--quiet")) {
      quiet = 1;
    } else {
      return usage();
    }
  }

  const int quads = !strcmp(format, "nquads");
  if (lean && (prebuilt || (!quads && strcmp(format, "ntriples") != 0))) {
    return usage(); // borrowed terms only where nothing keeps them
  }
  Strings strings;
  memset(&strings, 0, sizeof(strings));
  raptor_world *world = raptor_new_world();
  if (world && lean) {
    raptor_world_set_flag(world, RAPTOR_WORLD_FLAG_URI_INTERNING, 0);
  }
  FILE *stream = fopen(path, "wb");
  OwnBuffer *own_buffer = own ? calloc(1, sizeof(OwnBuffer)) : NULL;
  if (!world || raptor_world_open(world) || !stream || (own && !own_buffer) ||
      make_strings(&strings, n)) {
    fprintf(stderr, "ceiling: cannot start (%s)\n", path);
    return 70;
  }
  raptor_statement **all = NULL;
  if (prebuilt) {
    all = calloc(n, sizeof(raptor_statement *));
    for (size_t k = 0; all && k < n; ++k) {
      all[k] = make_statement(world, &strings, k, quads);
      if (!all[k]) {
        fprintf(stderr, "ceiling: out of memory at statement %zu\n", k);
        return 70;
      }
    }
    if (!all) {
      fprintf(stderr, "ceiling: out of memory\n");
      return 70;
    }
  }
  if (own_buffer) {
    own_buffer->stream = stream;
  }
  raptor_iostream *io =
    own_buffer
      ? raptor_new_iostream_from_handler(world, own_buffer, &own_handler)
      : raptor_new_iostream_to_file_handle(world, stream);
  raptor_serializer *ser = raptor_new_serializer(world, format);
  if (!io || !ser) {
    fprintf(stderr, "ceiling: no serializer '%s'\n", format);
    return 64;
  }
  raptor_serializer_set_option(ser, RAPTOR_OPTION_RELATIVE_URIS, NULL, 0);
  raptor_serializer_set_option(ser, RAPTOR_OPTION_WRITE_BASE_URI, NULL, 0);

  const double start = now();
  int failed = raptor_serializer_start_to_iostream(ser, NULL, io);
  for (size_t k = 0; lean && !failed && k < n; ++k) {
    failed = write_lean(world, ser, &strings, k, quads);
  }
  for (size_t k = 0; !lean && !failed && k < n; ++k) {
    raptor_statement *st =
      prebuilt ? all[k] : make_statement(world, &strings, k, quads);
    failed = !st || raptor_serializer_serialize_statement(ser, st);
    if (!prebuilt) {
      raptor_free_statement(st);
    }
  }
  failed = failed || raptor_serializer_serialize_end(ser);
  const unsigned long long bytes =
    own_buffer ? own_buffer->written : raptor_iostream_tell(io);
  raptor_free_serializer(ser);
  // raptor_free_iostream() does not call write_end: flush the last bytes.
  failed = (own_buffer && own_flush(own_buffer)) || failed;
  raptor_free_iostream(io);
  failed = fclose(stream) || failed;

  const double seconds = now() - start;

  if (!quiet) {
    fprintf(stderr,
            "ceiling: %s%s%s%s: %zu triples in %.3f s (%.0f triples/s), %llu "
            "bytes\n",
            format,
            prebuilt ? " prebuilt" : "",
            lean ? " lean" : "",
            own ? "" : " file-handle",
            n,
            seconds,
            seconds > 0 ? (double)n / seconds : 0.0,
            bytes);
  }
  for (size_t k = 0; all && k < n; ++k) {
    raptor_free_statement(all[k]);
  }
  free((void *)all);
  free(own_buffer);
  free_strings(&strings);
  raptor_free_world(world);
  if (failed) {
    fprintf(stderr, "ceiling: writing %s failed\n", path);
    return 74;
  }
  return 0;
}
