// SPDX-License-Identifier: MIT
// Loading the ontology with raptor2 and answering questions about it.

#define _GNU_SOURCE 1 // memmem()

#include "ontology.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>

#define RDF_NS  "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define RDFS_NS "http://www.w3.org/2000/01/rdf-schema#"
#define OWL_NS  "http://www.w3.org/2002/07/owl#"

/// Ontologies are small; anything past this is not one.
#define ONTOLOGY_SIZE_CAP ((size_t)16 * 1024 * 1024)

typedef struct {
  EntOntology *ont;
  const char *document;
  unsigned long errors;
  EntStatus status;
  raptor_parser *parser;
  const char *text; ///< What is parsed, to locate errors raptor gives no line
  size_t len;
} LoadState;

size_t
ent_rdf_text_start(const char *text, size_t len)
{
  return len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3) ? 3 : 0;
}

/// Say where the first byte of `text` that is not UTF-8 text (a NUL, or a
/// malformed sequence) is, and what the file is likely to be.
static void
say_not_utf8(EntWorld *world,
             const char *document,
             const char *text,
             size_t len)
{
  const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)text;
  size_t at = 0;
  unsigned long line = 1;
  unsigned long column = 1;
  while (at < len) {
    utf8proc_int32_t c = 0;
    const utf8proc_ssize_t n =
      utf8proc_iterate(p + at, (utf8proc_ssize_t)(len - at), &c);
    if (n <= 0 || c == 0) {
      break;
    }
    at += (size_t)n;
    if (c == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  const bool utf16 = len >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) ||
                                  (p[0] == 0xFE && p[1] == 0xFF));
  const EntCaret caret = { document, utf16 ? 1 : line, utf16 ? 1 : column, 0 };
  // UTF-16 or UTF-32 without a byte order mark: NULs every other byte (or
  // more) from the start.  A NUL among text is a character of its own.
  size_t nuls = 0;
  const size_t head = len < 256 ? len : 256;
  for (size_t i = 0; i < head; ++i) {
    nuls += !p[i];
  }
  if (!utf16 && at < len && !p[at] && nuls * 4 < head) {
    ent_log(world,
            ENT_LOG_ERROR,
            ENT_ERR_SYNTAX,
            &caret,
            "a NUL character (U+0000): raptor2, which reads the file, would "
            "cut the text there without a word; remove it");
  } else if (utf16 || (at < len && !p[at])) {
    ent_log(world,
            ENT_LOG_ERROR,
            ENT_ERR_SYNTAX,
            &caret,
            "%s; Turtle, TriG, N-Triples, N-Quads and RDF/JSON are UTF-8 text: "
            "convert the file (iconv -f UTF-16 -t UTF-8)",
            utf16 ? "the file is UTF-16 (it starts with a UTF-16 byte order "
                    "mark)"
                  : "a NUL byte: the file is UTF-16 or binary, not UTF-8 "
                    "text");
  } else {
    ent_log(world,
            ENT_LOG_ERROR,
            ENT_ERR_SYNTAX,
            &caret,
            "a byte (0x%02X) that is not UTF-8; Turtle, TriG, N-Triples, "
            "N-Quads and RDF/JSON are UTF-8 text: convert the file (iconv -f "
            "ISO-8859-1 -t UTF-8, if it is Latin-1)",
            at < len ? p[at] : 0);
  }
}

/// The value of the four hex digits at `p`, or -1.
static long
hex4(const char *p)
{
  long v = 0;
  for (int i = 0; i < 4; ++i) {
    const char c = p[i];
    const int d = c >= '0' && c <= '9'   ? c - '0'
                  : c >= 'a' && c <= 'f' ? c - 'a' + 10
                  : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                         : -1;
    if (d < 0) {
      return -1;
    }
    v = v * 16 + d;
  }
  return v;
}

/// Whether JSON `text` holds a \uXXXX escape of a surrogate that is not
/// half of a pair; `*at` receives where.  Escapes are read in order, so
/// that an escaped backslash before a 'u' is not taken for one.
static bool
lone_surrogate(const char *text, size_t len, size_t *at)
{
  for (size_t i = 0; i + 1 < len; ++i) {
    if (text[i] != '\\') {
      continue;
    }
    if (text[i + 1] != 'u' || len - i < 6) {
      ++i; // an escaped character: \\, \", \n...
      continue;
    }
    const long v = hex4(text + i + 2);
    if (v >= 0xD800 && v <= 0xDBFF) {
      const long low =
        len - i >= 12 && text[i + 6] == '\\' && text[i + 7] == 'u'
          ? hex4(text + i + 8)
          : -1;
      if (low < 0xDC00 || low > 0xDFFF) {
        *at = i;
        return true;
      }
      i += 11; // the pair
    } else if (v >= 0xDC00 && v <= 0xDFFF) {
      *at = i;
      return true;
    } else {
      i += 5;
    }
  }
  return false;
}

EntStatus
ent_check_rdf_text(EntWorld *world,
                   const char *document,
                   const char *text,
                   size_t len,
                   const char *syntax,
                   size_t cap)
{
  // raptor's Turtle and TriG parsers stop at the first byte that is not
  // UTF-8 without a word and return what they read until then (a file
  // in UTF-16: nothing); RDF/XML says its own encoding, which libxml2
  // reads.
  if (strcmp(syntax, "rdfxml") != 0 && !ent_is_utf8(text, len)) {
    say_not_utf8(world, document, text, len);
    return ENT_ERR_SYNTAX;
  }
  // raptor's parsers cut a literal at a \u0000 escape without a word.
  static const char *const refused[][2] = {
    { "\\u0000", "a \\u0000 escape (NUL) in a literal" },
    { "\\U00000000", "a \\U00000000 escape (NUL) in a literal" },
  };
  for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); ++i) {
    unsigned long line = 0;
    unsigned long column = 0;
    if (ent_find_text(text, len, refused[i][0], &line, &column)) {
      ent_log(world,
              ENT_LOG_ERROR,
              ENT_ERR_SYNTAX,
              &(EntCaret){ document, line, column, 0 },
              "%s is not accepted; remove it",
              refused[i][1]);
      return ENT_ERR_SYNTAX;
    }
  }
  // RDF/JSON: yajl makes a lone UTF-16 surrogate escape ("\ud800", not
  // part of a pair) a '?' without a word (N-Triples' parser refuses it).
  if (!strcmp(syntax, "json")) {
    size_t at = 0;
    if (lone_surrogate(text, len, &at)) {
      unsigned long line = 0;
      unsigned long column = 0;
      ent_text_position(text, at, &line, &column);
      ent_log(world,
              ENT_LOG_ERROR,
              ENT_ERR_SYNTAX,
              &(EntCaret){ document, line, column, 0 },
              "an escape of half a UTF-16 surrogate pair (%.6s) that is no "
              "character; write the character, or both halves of its pair",
              text + at);
      return ENT_ERR_SYNTAX;
    }
  }
  // raptor's RDF/XML parser takes a DOCTYPE's declarations to libxml2.
  return strcmp(syntax, "rdfxml") != 0
           ? ENT_SUCCESS
           : ent_check_rdfxml_doctype(world, document, text, len, cap);
}

EntStatus
ent_read_file(EntWorld *world,
              const char *path,
              size_t cap,
              char **out,
              size_t *out_len)
{
  *out = NULL;
  *out_len = 0;
  const int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    ent_log(world,
            ENT_LOG_ERROR,
            ENT_ERR_IO,
            &(EntCaret){ .document = path },
            "cannot open: %s",
            strerror(errno));
    return ENT_ERR_IO;
  }
  struct stat st;
  if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
    ent_log(world,
            ENT_LOG_ERROR,
            ENT_ERR_IO,
            &(EntCaret){ .document = path },
            "not a regular file; give the path of a file");
    close(fd);
    return ENT_ERR_IO;
  }
  ent_world_note_input(world, fd);
  if ((unsigned long long)st.st_size > cap) {
    ent_log(world,
            ENT_LOG_ERROR,
            ENT_ERR_IO,
            &(EntCaret){ .document = path },
            "file is %lld bytes, more than the limit of %zu",
            (long long)st.st_size,
            cap);
    close(fd);
    return ENT_ERR_IO;
  }
  const size_t size = (size_t)st.st_size;
  char *buf = malloc(size + 1);
  if (!buf) {
    close(fd);
    return ENT_ERR_NO_MEMORY;
  }
  size_t got = 0;
  while (got < size) {
    const ssize_t n = read(fd, buf + got, size - got);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      ent_log(world,
              ENT_LOG_ERROR,
              ENT_ERR_IO,
              &(EntCaret){ .document = path },
              "read failed: %s",
              n < 0 ? strerror(errno) : "file shrank");
      free(buf);
      close(fd);
      return ENT_ERR_IO;
    }
    got += (size_t)n;
  }
  close(fd);
  buf[size] = '\0';
  *out = buf;
  *out_len = size;
  return ENT_SUCCESS;
}

const OntTerm *
ont_term(const EntOntology *ont, const char *iri)
{
  return ent_map_get(&ont->terms, iri);
}

EntStatus
ont_require_entente(const EntOntology *ont)
{
  for (size_t i = 0; i < ont->terms.size; ++i) {
    const char *iri = ont->terms.slots[i].key;
    if (iri && !strncmp(iri, ENT_NS, sizeof(ENT_NS) - 1) &&
        ont_declares(ont, iri)) {
      return ENT_SUCCESS;
    }
  }
  ent_log(ont->world,
          ENT_LOG_ERROR,
          ENT_ERR_ONTOLOGY,
          &(EntCaret){ .document = ont->document },
          "the ontology declares none of entente's classes and properties "
          "(%s...), so no dataset can be written with it; start from the "
          "one built in ('entente ontology > FILE.ttl') and add to it",
          ENT_NS);
  return ENT_ERR_ONTOLOGY;
}

bool
ont_declares(const EntOntology *ont, const char *iri)
{
  const OntTerm *t = ont_term(ont, iri);
  return t && (t->kinds & (ONT_CLASS | ONT_OBJECT_PROPERTY |
                           ONT_DATATYPE_PROPERTY | ONT_INDIVIDUAL));
}

/// Most classes (or properties) a hierarchy walk visits; a hostile
/// ontology can make more, and the walk stops there.
#define MAX_WALK 1024

/// Whether `to` is `from` or reached from it through each term's supers
/// (`statuses` false) or the statuses that can follow it (ent:canBecome,
/// `statuses` true).  Breadth first, each term once: a diamond of supers
/// (A under B and C, both under D, and so on) would otherwise be walked
/// once per path.
static bool
reaches(const EntOntology *ont, const char *from, const char *to, bool statuses)
{
  const char *queue[MAX_WALK];
  size_t n = 0;
  queue[n++] = from;
  for (size_t at = 0; at < n; ++at) {
    if (!strcmp(queue[at], to)) {
      return true;
    }
    const OntTerm *t = ont_term(ont, queue[at]);
    const char **links = !t ? NULL : statuses ? t->next : t->supers;
    const size_t n_links = !t ? 0 : statuses ? t->n_next : t->n_supers;
    for (size_t k = 0; k < n_links && n < MAX_WALK; ++k) {
      bool seen = false;
      for (size_t q = 0; q < n && !seen; ++q) {
        seen = queue[q] == links[k]; // interned
      }
      if (!seen) {
        queue[n++] = links[k];
      }
    }
  }
  return false;
}

bool
ont_is_subclass(const EntOntology *ont, const char *sub, const char *super)
{
  return reaches(ont, sub, super, false);
}

bool
ont_can_become(const EntOntology *ont, const char *from, const char *to)
{
  return reaches(ont, from, to, true);
}

bool
ont_is_status(const char *predicate)
{
  return !strcmp(predicate, ENT_NS "negotiationStatus") ||
         !strcmp(predicate, ENT_NS "agreementStatus") ||
         !strcmp(predicate, ENT_NS "incidentStatus");
}

/// Days compared by their "YYYY-MM-DD": a time of day does not order two
/// reports of one day.
static int
day_cmp(const char *a, const char *b)
{
  return strncmp(a, b, 10);
}

/// `*day` becomes `candidate` if that is earlier (or `*day` is NULL).
static void
keep_earliest(const char **day, const char *candidate)
{
  if (candidate && (!*day || day_cmp(candidate, *day) < 0)) {
    *day = candidate;
  }
}

void
ont_status_report(OntStatusReports *v, const char *from, const char *to)
{
  if (from && (!v->latest_from || day_cmp(from, v->latest_from) > 0)) {
    v->latest_from = from;
  }
  keep_earliest(&v->earliest_to, to);
  if (from && to && !day_cmp(from, to)) {
    keep_earliest(&v->first_day, from);
  } else {
    keep_earliest(&v->first_bound, from);
  }
}

/// Whether `a` can become `b` and `b` cannot become `a`: `a` comes first.
static bool
precedes(const EntOntology *ont,
         const OntStatusReports *a,
         const OntStatusReports *b)
{
  return ont_can_become(ont, a->status, b->status) &&
         !ont_can_become(ont, b->status, a->status);
}

/// The earliest day known of `v`'s reports, exact or a bound; NULL: none.
static const char *
known_day(const OntStatusReports *v)
{
  const char *day = v->first_day;
  keep_earliest(&day, v->first_bound);
  return day;
}

void
ont_status_sort(const EntOntology *ont, OntStatusReports *values, size_t n)
{
  // A linear extension of "can become and cannot be become": at each
  // place, of the values no other remaining value precedes, the one with
  // the earliest known day (a handful of values: cubic is nothing).
  for (size_t i = 0; i < n; ++i) {
    size_t best = n;
    for (size_t k = i; k < n; ++k) {
      bool preceded = false;
      for (size_t j = i; j < n && !preceded; ++j) {
        preceded = j != k && precedes(ont, &values[j], &values[k]);
      }
      if (preceded) {
        continue;
      }
      const char *day = known_day(&values[k]);
      const char *best_day = best < n ? known_day(&values[best]) : NULL;
      if (best == n || (day && (!best_day || day_cmp(day, best_day) < 0))) {
        best = k;
      }
    }
    if (best == n) {
      return; // a cycle of precedence: reachability has none
    }
    const OntStatusReports v = values[best];
    memmove(&values[i + 1], &values[i], (best - i) * sizeof(*values));
    values[i] = v;
  }
}

/// Whether some report of `a` was made before some report of `b`.
static bool
reported_before(const OntStatusReports *a, const OntStatusReports *b)
{
  return a->earliest_to && b->latest_from &&
         day_cmp(a->earliest_to, b->latest_from) < 0;
}

bool
ont_status_progression(const EntOntology *ont,
                       const OntStatusReports *values,
                       size_t n)
{
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      const OntStatusReports *a = &values[i];
      const OntStatusReports *b = &values[j];
      const bool a_first = reported_before(a, b);
      const bool b_first = reported_before(b, a);
      const bool a_to_b = ont_can_become(ont, a->status, b->status);
      const bool b_to_a = ont_can_become(ont, b->status, a->status);
      if ((a_first && !a_to_b) || (b_first && !b_to_a) ||
          (!a_first && !b_first && !a_to_b && !b_to_a)) {
        return false;
      }
    }
  }
  return true;
}

bool
ont_has_type(const EntOntology *ont, const char *iri, const char *cls)
{
  const OntTerm *t = ont_term(ont, iri);
  if (!t) {
    return false;
  }
  for (size_t i = 0; i < t->n_types; ++i) {
    if (ont_is_subclass(ont, t->types[i], cls)) {
      return true;
    }
  }
  return false;
}

/// A term whose super-terms are being walked, and the next one to visit.
typedef struct {
  const OntTerm *term;
  size_t next;
} SuperFrame;

EntStatus
ont_each_external_super(const EntOntology *ont,
                        const char *iri,
                        OntSuperFunc func,
                        void *handle)
{
  // Every super-term in depth-first pre-order, however many and however
  // deep (an ontology is at most ONTOLOGY_SIZE_CAP bytes): a stack of its
  // own instead of recursion, a map of the terms seen so that cycles and
  // diamonds are walked once.
  EntMap seen;
  ent_map_init(&seen);
  SuperFrame *stack = NULL;
  size_t depth = 0;
  size_t cap = 0;
  EntStatus st = ENT_SUCCESS;
  const OntTerm *start = ont_term(ont, iri);
  const OntTerm *push = start;
  while (!st && (push || depth)) {
    if (push) {
      if (depth == cap) {
        const size_t grown_cap = cap ? 2 * cap : 16;
        SuperFrame *grown = realloc(stack, grown_cap * sizeof(SuperFrame));
        if (!grown) {
          st = ENT_ERR_NO_MEMORY;
          break;
        }
        stack = grown;
        cap = grown_cap;
      }
      stack[depth++] = (SuperFrame){ push, 0 };
      push = NULL;
    }
    SuperFrame *top = &stack[depth - 1];
    if (top->next == top->term->n_supers) {
      --depth;
      continue;
    }
    const char *super = top->term->supers[top->next++];
    if (ent_map_get(&seen, super)) {
      continue;
    }
    st = ent_map_put(&seen, super, (void *)(uintptr_t)super);
    if (!st && strncmp(super, ENT_NS, sizeof(ENT_NS) - 1) != 0) {
      st = func(handle, super);
    }
    push = st ? NULL : ont_term(ont, super);
  }
  free(stack);
  ent_map_clear(&seen);
  return st;
}

// ---- Loading ------------------------------------------------------------

static OntTerm *
term_for(EntOntology *ont, const char *iri)
{
  OntTerm *t = ent_map_get(&ont->terms, iri);
  if (t) {
    return t;
  }
  t = calloc(1, sizeof(OntTerm));
  const char *key = ent_pool_intern(&ont->pool, iri);
  if (!t || !key || ent_map_put(&ont->terms, key, t)) {
    free(t);
    return NULL;
  }
  t->iri = key;
  return t;
}

static EntStatus
append_iri(EntOntology *ont, const char ***list, size_t *n, const char *iri)
{
  const char **grown = realloc((void *)*list, (*n + 1) * sizeof(char *));
  if (!grown) {
    return ENT_ERR_NO_MEMORY;
  }
  *list = grown;
  const char *s = ent_pool_intern(&ont->pool, iri);
  if (!s) {
    return ENT_ERR_NO_MEMORY;
  }
  grown[(*n)++] = s;
  return ENT_SUCCESS;
}

static unsigned
kind_of_type(const char *type)
{
  if (!strcmp(type, OWL_NS "Class") || !strcmp(type, RDFS_NS "Class")) {
    return ONT_CLASS;
  }
  if (!strcmp(type, OWL_NS "ObjectProperty")) {
    return ONT_OBJECT_PROPERTY;
  }
  if (!strcmp(type, OWL_NS "DatatypeProperty")) {
    return ONT_DATATYPE_PROPERTY;
  }
  if (!strcmp(type, OWL_NS "NamedIndividual")) {
    return ONT_INDIVIDUAL;
  }
  if (!strcmp(type, RDF_NS "Property") ||
      !strcmp(type, OWL_NS "AnnotationProperty")) {
    return ONT_OBJECT_PROPERTY | ONT_DATATYPE_PROPERTY;
  }
  return ONT_OTHER;
}

static EntStatus
take_statement(EntOntology *ont, const raptor_statement *s)
{
  if (s->subject->type != RAPTOR_TERM_TYPE_URI) {
    return ENT_SUCCESS; // Blank-node axioms (restrictions) are not consulted.
  }
  const char *subject =
    (const char *)raptor_uri_as_string(s->subject->value.uri);
  const char *pred =
    (const char *)raptor_uri_as_string(s->predicate->value.uri);
  const bool object_is_iri = s->object->type == RAPTOR_TERM_TYPE_URI;
  const char *object =
    object_is_iri ? (const char *)raptor_uri_as_string(s->object->value.uri)
                  : NULL;
  OntTerm *t = term_for(ont, subject);
  if (!t) {
    return ENT_ERR_NO_MEMORY;
  }
  if (!strcmp(pred, RDF_NS "type") && object) {
    const unsigned kind = kind_of_type(object);
    t->kinds |= kind;
    if (kind == ONT_OTHER) {
      // An individual typed by a class of ours counts as declared too.
      t->kinds |=
        strncmp(object, ENT_NS, sizeof(ENT_NS) - 1) == 0 ? ONT_INDIVIDUAL : 0u;
    }
    return append_iri(ont, &t->types, &t->n_types, object);
  }
  if ((!strcmp(pred, RDFS_NS "subClassOf") ||
       !strcmp(pred, RDFS_NS "subPropertyOf")) &&
      object) {
    return append_iri(ont, &t->supers, &t->n_supers, object);
  }
  if (!strcmp(pred, ENT_NS "canBecome") && object) {
    return append_iri(ont, &t->next, &t->n_next, object);
  }
  if (!strcmp(pred, RDFS_NS "domain") && object) {
    t->domain = ent_pool_intern(&ont->pool, object);
  } else if (!strcmp(pred, RDFS_NS "range") && object) {
    t->range = ent_pool_intern(&ont->pool, object);
  } else if (!strcmp(pred, RDFS_NS "label") &&
             s->object->type == RAPTOR_TERM_TYPE_LITERAL) {
    const raptor_term_literal_value *lit = &s->object->value.literal;
    const char *lang = (const char *)lit->language;
    const bool english = lang && (lang[0] == 'e' || lang[0] == 'E') &&
                         (lang[1] == 'n' || lang[1] == 'N') &&
                         (lang[2] == '\0' || lang[2] == '-');
    if (!t->label || english) {
      t->label =
        ent_pool_copy(&ont->pool, (const char *)lit->string, lit->string_len);
    }
  }
  return ENT_SUCCESS;
}

/// Text of a term: UTF-8 without NUL (a \u0000 escape would leave one
/// inside a literal's counted string).
static bool
good_term(const raptor_term *term)
{
  const char *text = NULL;
  size_t len = 0;
  if (term->type == RAPTOR_TERM_TYPE_URI) {
    text = (const char *)raptor_uri_as_counted_string(term->value.uri, &len);
  } else if (term->type == RAPTOR_TERM_TYPE_LITERAL) {
    text = (const char *)term->value.literal.string;
    len = term->value.literal.string_len;
  } else {
    return true;
  }
  return text && strlen(text) == len && ent_is_utf8(text, len);
}

static void
on_statement(void *data, raptor_statement *statement)
{
  LoadState *state = data;
  if (state->status != ENT_SUCCESS) {
    return;
  }
  if (!good_term(statement->subject) || !good_term(statement->predicate) ||
      !good_term(statement->object)) {
    const raptor_locator *loc = raptor_parser_get_locator(state->parser);
    const EntCaret caret = {
      state->document,
      loc && loc->line > 0 ? (unsigned long)loc->line : 0,
      loc && loc->column > 0 ? (unsigned long)loc->column : 0,
      0
    };
    ent_log(state->ont->world,
            ENT_LOG_ERROR,
            ENT_ERR_ONTOLOGY,
            &caret,
            "ontology: a term holds a NUL character or is not valid UTF-8");
    state->status = ENT_ERR_ONTOLOGY;
    return;
  }
  state->status = take_statement(state->ont, statement);
}

static void
on_raptor_log(void *data, raptor_log_message *message)
{
  LoadState *state = data;
  if (message->level < RAPTOR_LOG_LEVEL_WARN) {
    return;
  }
  if (message->text && !strcmp(message->text, "Out of memory")) {
    // raptor's word for a failed allocation, on no input of ours: said by
    // the command, as every other (ent_cli_say_unsaid()), exit 70 not 78.
    state->status = state->status ? state->status : ENT_ERR_NO_MEMORY;
    return;
  }
  const raptor_locator *loc = message->locator;
  EntCaret caret = { state->document,
                     loc && loc->line > 0 ? (unsigned long)loc->line : 0,
                     loc && loc->column > 0 ? (unsigned long)loc->column : 0,
                     0 };
  // Some of raptor's Turtle errors (an undeclared prefix) come without a
  // line, but quote what they are about: find its first use.
  ent_place_quoted(message->text, state->text, state->len, &caret, NULL);
  // raptor's parsers return success after logged errors, so every error
  // (and warning: they mean data was dropped) is counted as fatal here.
  ++state->errors;
  ent_log(state->ont->world,
          ENT_LOG_ERROR,
          ENT_ERR_ONTOLOGY,
          &caret,
          "ontology: %s",
          message->text ? message->text : "parse error");
}

static void
free_terms(EntOntology *ont)
{
  for (size_t i = 0; i < ont->terms.size; ++i) {
    OntTerm *t = ont->terms.slots[i].value;
    if (ont->terms.slots[i].key && t) {
      free((void *)t->supers);
      free((void *)t->types);
      free((void *)t->next);
      free(t);
    }
  }
  ent_map_clear(&ont->terms);
}

void
ent_ontology_free(EntOntology *ontology)
{
  if (ontology) {
    free_terms(ontology);
    ent_pool_clear(&ontology->pool);
    free(ontology);
  }
}

static void say_syntax_it_looks_like(EntWorld *world,
                                     const char *document,
                                     const char *text,
                                     size_t len);

static EntStatus
parse_turtle(EntOntology *ont,
             const char *document,
             const unsigned char *text,
             size_t len)
{
  EntWorld *world = ont->world;
  if (ent_check_rdf_text(world,
                         document,
                         (const char *)text,
                         len,
                         "turtle",
                         ONTOLOGY_SIZE_CAP)) {
    return ENT_ERR_ONTOLOGY;
  }
  const size_t start = ent_rdf_text_start((const char *)text, len);
  text += start;
  len -= start;
  raptor_parser *parser = raptor_new_parser(world->raptor, "turtle");
  LoadState state = { ont,    document,           0,  ENT_SUCCESS,
                      parser, (const char *)text, len };

  raptor_uri *base = raptor_new_uri(
    world->raptor, (const unsigned char *)"https://w3id.org/entente/ns");
  if (!parser || !base) {
    raptor_free_parser(parser);
    raptor_free_uri(base);
    return ENT_ERR_NO_MEMORY;
  }
  raptor_parser_set_option(parser, RAPTOR_OPTION_NO_NET, NULL, 1);
  raptor_parser_set_option(parser, RAPTOR_OPTION_NO_FILE, NULL, 1);
  raptor_parser_set_statement_handler(parser, &state, on_statement);
  raptor_world_set_log_handler(world->raptor, &state, on_raptor_log);
  int rc = raptor_parser_parse_start(parser, base);
  if (!rc) {
    rc = raptor_parser_parse_chunk(parser, text, len, 1);
  }
  raptor_world_set_log_handler(world->raptor, NULL, NULL);
  raptor_free_parser(parser);
  raptor_free_uri(base);
  if (state.status) {
    return state.status;
  }
  if (rc || state.errors) {
    if (!state.errors) {
      ent_log(world,
              ENT_LOG_ERROR,
              ENT_ERR_ONTOLOGY,
              &(EntCaret){ .document = document },
              "ontology could not be parsed");
    }
    say_syntax_it_looks_like(world, document, (const char *)text, len);
    return ENT_ERR_ONTOLOGY;
  }
  return ENT_SUCCESS;
}

/// Counts what a trial parse (ent_rdf_parses_as()) would have said.
static void
count_errors(void *data, raptor_log_message *message)
{
  if (message->level >= RAPTOR_LOG_LEVEL_ERROR) {
    ++*(unsigned long *)data;
  }
}

/// Counts the statements of a trial parse.
static void
count_statement(void *data, raptor_statement *statement)
{
  (void)statement;
  ++*(unsigned long *)data;
}

/// Whether `text` reads as `syntax`, into statements, without an error
/// (said nowhere): the syntax to name when the one a file was read as
/// failed.
bool
ent_rdf_parses_as(EntWorld *world,
                  const char *text,
                  size_t len,
                  const char *syntax)
{
  unsigned long statements = 0;
  raptor_parser *parser = raptor_new_parser(world->raptor, syntax);
  raptor_uri *base =
    raptor_new_uri(world->raptor, (const unsigned char *)"file:///input");
  unsigned long errors = 0;
  int rc = !parser || !base;
  if (!rc) {
    raptor_parser_set_option(parser, RAPTOR_OPTION_NO_NET, NULL, 1);
    raptor_parser_set_option(parser, RAPTOR_OPTION_NO_FILE, NULL, 1);
    raptor_parser_set_option(
      parser, RAPTOR_OPTION_LOAD_EXTERNAL_ENTITIES, NULL, 0);
    raptor_world_set_log_handler(world->raptor, &errors, count_errors);
    // Read as a syntax it is not, a file can give no error and nothing
    // (raptor's N-Quads reader and a Turtle file whose first line is a
    // comment with a '"'): that is no reading.
    raptor_parser_set_statement_handler(parser, &statements, count_statement);
    rc = raptor_parser_parse_start(parser, base);
    if (!rc) {
      rc =
        raptor_parser_parse_chunk(parser, (const unsigned char *)text, len, 1);
    }
    raptor_world_set_log_handler(world->raptor, NULL, NULL);
  }
  raptor_free_parser(parser);
  raptor_free_uri(base);
  return !rc && !errors && statements;
}

/// `text` begins as an N-Triples or N-Quads line does, "<s> <": an IRI
/// in angle brackets, white space, another; an XML start tag has white
/// space before its '>' or none after it.
static bool
starts_with_iri_pair(const char *text, size_t len)
{
  size_t i = 1;
  while (i < len && text[i] != '>' && text[i] != '<' && text[i] != ' ' &&
         text[i] != '\t' && text[i] != '\n' && text[i] != '\r') {
    ++i;
  }
  if (i >= len || text[i] != '>') {
    return false;
  }
  const size_t gap = ++i;
  while (i < len && (text[i] == ' ' || text[i] == '\t')) {
    ++i;
  }
  return i > gap && i < len && text[i] == '<';
}

/// After a failed parse: a note when the ontology is in another syntax
/// than Turtle, the one it is read in (the error alone was "syntax error
/// at '<'").  RDF/XML: a '<' that starts XML ("<?xml", "<!", a tag with
/// an xmlns= or xmlns: attribute near the start), which a Turtle IRI does
/// not; N-Triples or N-Quads: "<s> <" and a trial read into statements;
/// JSON-LD: '{' or '['.
static void
say_syntax_it_looks_like(EntWorld *world,
                         const char *document,
                         const char *text,
                         size_t len)
{
  const char *looks = NULL;
  const char *from = NULL;
  if (len && (text[0] == '{' || text[0] == '[')) {
    looks = "JSON(-LD)";
    from = "jsonld";
  } else if (len > 1 && text[0] == '<' && starts_with_iri_pair(text, len) &&
             ent_rdf_parses_as(world, text, len, "nquads")) {
    // "<s> <p> ...": N-Triples or N-Quads (an IRI that holds "xmlns",
    // FOAF's, made it RDF/XML).
    looks = "N-Triples or N-Quads";
    from = "nquads";
  } else if (len > 1 && text[0] == '<' &&
             (text[1] == '?' || text[1] == '!' ||
              memmem(text, len < 2048 ? len : 2048, "xmlns=", 6) ||
              memmem(text, len < 2048 ? len : 2048, "xmlns:", 6))) {
    looks = "RDF/XML";
    from = "rdfxml";
  }
  if (looks) {
    ent_log(world,
            ENT_LOG_NOTE,
            ENT_ERR_ONTOLOGY,
            &(EntCaret){ .document = document },
            "this looks like %s; an ontology is read in Turtle only: convert "
            "it first (e.g. rapper -i %s -o turtle FILE > FILE.ttl)",
            looks,
            from);
  }
}

EntStatus
ent_ontology_load(EntWorld *world, const char *path, EntOntology **out)
{
  *out = NULL;
  EntOntology *ont = calloc(1, sizeof(EntOntology));
  if (!ont) {
    return ENT_ERR_NO_MEMORY;
  }
  ont->world = world;
  ent_pool_init(&ont->pool);
  ent_map_init(&ont->terms);
  EntStatus st = ENT_SUCCESS;
  if (path) {
    char *text = NULL;
    size_t len = 0;
    st = ent_read_file(world, path, ONTOLOGY_SIZE_CAP, &text, &len);
    if (!st) {
      st = parse_turtle(ont, path, (const unsigned char *)text, len);
    }
    if (!st) {
      ont->document = ent_pool_intern(&ont->pool, path);
      st = ont->document ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
    }
    free(text);
  } else {
    st = parse_turtle(ont,
                      "<built-in ontology>",
                      ent_builtin_ontology,
                      ent_builtin_ontology_size);
  }
  if (st) {
    ent_ontology_free(ont);
    return st;
  }
  *out = ont;
  return ENT_SUCCESS;
}

const char *
ent_document(const EntDocument document, size_t *size)
{
  const unsigned char *text = NULL;
  switch (document) {
    case ENT_DOCUMENT_ONTOLOGY:
      text = ent_builtin_ontology;
      *size = ent_builtin_ontology_size;
      break;
    case ENT_DOCUMENT_SHAPES:
      text = ent_builtin_shapes;
      *size = ent_builtin_shapes_size;
      break;
    case ENT_DOCUMENT_CONTEXT:
      text = ent_builtin_context;
      *size = ent_builtin_context_size;
      break;
    case ENT_DOCUMENT_SCHEMA:
      text = ent_builtin_schema;
      *size = ent_builtin_schema_size;
      break;
    default:
      *size = 0;
      break;
  }
  return (const char *)text;
}
