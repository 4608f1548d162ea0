// SPDX-License-Identifier: MIT
// Writing RDF: N-Triples, N-Quads, Turtle and TriG through serd's writer,
// which writes each statement as it comes (memory stays flat, and the
// line-based syntaxes are UTF-8), JSON-LD through entente's own writer
// over jansson (jsonld.c), as it comes as well; RDF/XML and RDF/JSON
// through raptor2's serializers, which hold the whole graph until the end.

#include "emit.h"

#include <serd/serd.h>

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>
#include <unistd.h>

typedef struct {
  const char *name;
  const char *raptor_name; ///< raptor2's serializer, or NULL
  const char *extension;
  int serd_syntax; ///< serd's writer (SerdSyntax), or 0
  bool prefixes;   ///< Whether the syntax uses namespace prefixes
  const char *media_type;
  const char *aliases[4];    ///< Other names rapper, riot or Oxigraph accept
  const char *extensions[3]; ///< Every extension read as this format
} FormatInfo;

static const FormatInfo formats[ENT_FORMAT_COUNT_] = {
  [ENT_FORMAT_TURTLE] = { "turtle",
                          NULL,
                          "ttl",
                          SERD_TURTLE,
                          true,
                          "text/turtle",
                          { "ttl", "application/x-turtle" },
                          { "ttl" } },
  // serd 0.30 escapes every non-ASCII character in N-Triples; its
  // N-Quads writer does not, and writes a statement without a graph as
  // an N-Triples line.
  [ENT_FORMAT_NTRIPLES] = { "ntriples",
                            NULL,
                            "nt",
                            SERD_NQUADS,
                            false,
                            "application/n-triples",
                            { "nt", "n-triples", "ntriple" },
                            { "nt" } },
  [ENT_FORMAT_NQUADS] = { "nquads",
                          NULL,
                          "nq",
                          SERD_NQUADS,
                          false,
                          "application/n-quads",
                          { "nq", "n-quads", "nquad" },
                          { "nq" } },
  [ENT_FORMAT_RDFXML] = { "rdfxml",
                          "rdfxml",
                          "rdf",
                          0,
                          true,
                          "application/rdf+xml",
                          { "rdf", "rdf/xml", "xml" },
                          { "rdf", "owl", "xml" } },
  [ENT_FORMAT_RDFJSON] = { "rdfjson",
                           "json",
                           "rj",
                           0,
                           false,
                           "application/rdf+json",
                           { "rj", "rdf/json", "json-rdf" },
                           { "rj" } },
  [ENT_FORMAT_TRIG] = { "trig",
                        NULL,
                        "trig",
                        SERD_TRIG,
                        true,
                        "application/trig",
                        { "application/x-trig" },
                        { "trig" } },
  [ENT_FORMAT_JSONLD] = { "jsonld",
                          NULL,
                          "jsonld",
                          0,
                          true,
                          "application/ld+json",
                          { "json-ld" },
                          { "jsonld" } },
};

EntFormat
ent_format_by_name(const char *name)
{
  if (!name) {
    return ENT_FORMAT_COUNT_;
  }
  for (int f = 0; f < ENT_FORMAT_COUNT_; ++f) {
    const FormatInfo *info = &formats[f];
    bool match =
      !strcasecmp(name, info->name) || !strcasecmp(name, info->media_type);
    for (size_t a = 0; !match && a < 4 && info->aliases[a]; ++a) {
      match = !strcasecmp(name, info->aliases[a]);
    }
    if (match) {
      return (EntFormat)f;
    }
  }
  return ENT_FORMAT_COUNT_;
}

EntFormat
ent_format_by_extension(const char *path)
{
  if (!path) {
    return ENT_FORMAT_COUNT_;
  }
  // "x.nt.gz" is N-Triples, compressed.
  size_t ext_len = 0;
  const char *extension = ent_path_extension(path, &ext_len);
  if (!extension) {
    return ENT_FORMAT_COUNT_;
  }
  for (int f = 0; f < ENT_FORMAT_COUNT_; ++f) {
    for (size_t e = 0; e < 3 && formats[f].extensions[e]; ++e) {
      const char *ext = formats[f].extensions[e];
      if (strlen(ext) == ext_len && !strncasecmp(extension, ext, ext_len)) {
        return (EntFormat)f;
      }
    }
  }
  return ENT_FORMAT_COUNT_;
}

const char *
ent_format_name(const EntFormat format)
{
  return (unsigned)format < ENT_FORMAT_COUNT_ ? formats[format].name : NULL;
}

const char *
ent_format_extension(const EntFormat format)
{
  return (unsigned)format < ENT_FORMAT_COUNT_ ? formats[format].extension
                                              : NULL;
}

const char *
ent_format_media_type(const EntFormat format)
{
  return (unsigned)format < ENT_FORMAT_COUNT_ ? formats[format].media_type
                                              : NULL;
}

/// Counts statements, optionally of one graph only.
typedef struct {
  size_t count;
  const char *only_graph;
} Counter;

static bool
in_graph(const Triple *triple, const char *only_graph)
{
  return !only_graph || (triple->graph && !strcmp(triple->graph, only_graph));
}

static EntStatus
count_one(void *handle, const Triple *triple)
{
  Counter *counter = handle;
  counter->count += in_graph(triple, counter->only_graph) ? 1U : 0U;
  return ENT_SUCCESS;
}

EntStatus
ent_graph_statement_count(EntGraph *graph, size_t *count)
{
  Counter counter = { 0, NULL };
  const EntStatus st = ent_emit(graph, false, count_one, &counter);
  *count = counter.count;
  return st;
}

/// Whether entity `i` names a graph the exporters write: a source, or the
/// corpus when its graph is written.
static bool
names_graph(const EntGraph *graph, size_t i)
{
  const EntClass cls = graph->entities[i].cls;
  return cls == ENT_CLASS_SOURCE ||
         (cls == ENT_CLASS_CORPUS && graph->write_registry);
}

size_t
ent_graph_source_count(const EntGraph *graph)
{
  size_t n = 0;
  for (size_t i = 0; i < graph->n_entities; ++i) {
    n += names_graph(graph, i) ? 1U : 0U;
  }
  return n;
}

const char *
ent_graph_source_id(const EntGraph *graph, size_t index)
{
  for (size_t i = 0; i < graph->n_entities; ++i) {
    if (names_graph(graph, i) && index-- == 0) {
      return graph->entities[i].id;
    }
  }
  return NULL;
}

EntStatus
ent_graph_named_graphs(const EntGraph *graph, const char ***iris, size_t *n)
{
  *n = 0;
  *iris = malloc((ent_graph_source_count(graph) + 1) * sizeof(char *));
  if (!*iris) {
    return ENT_ERR_NO_MEMORY;
  }
  for (size_t i = 0; i < graph->n_entities; ++i) {
    if (names_graph(graph, i)) {
      (*iris)[(*n)++] = graph->entities[i].iri;
    }
  }
  (*iris)[(*n)++] = NULL; // the default graph
  return ENT_SUCCESS;
}

/// raptor's own FILE* iostream calls fputc() for every byte; this one
/// gathers bytes and hands them to the FILE 128 KiB at a time, or to an
/// output thread (rdf_writer_threaded()).
enum { BUFFER_SIZE = 1 << 17 };
typedef struct {
  FILE *stream;
  OutThread *io; ///< Writes the full blocks, or NULL: fwrite() here
  bool failed;   ///< A write to the FILE failed ...
  int error;     ///< ... with this errno (the writing thread's own)
  bool json;     ///< Rewrite raptor's \U escapes (see json_byte())
  int escape;    ///< JSON: 0, or 1 after a backslash, or 2 + hex digits of \U
  char held[10];
  size_t len;
  char *buf; ///< BUFFER_SIZE bytes: `own`, or the output thread's block
  char own[BUFFER_SIZE];
} Buffered;

static bool
buffered_flush(Buffered *b)
{
  if (b->len && !b->failed) {
    if (b->io) {
      b->error = out_thread_put(b->io, b->len);
      b->buf = out_thread_block(b->io);
      b->failed = b->error != 0;
    } else if (fwrite(b->buf, 1, b->len, b->stream) != b->len) {
      b->failed = true;
      b->error = errno;
    }
  }
  b->len = 0;
  return !b->failed;
}

static bool
put_byte(Buffered *b, char c)
{
  if (b->len == BUFFER_SIZE && !buffered_flush(b)) {
    return false;
  }
  b->buf[b->len++] = c;
  return true;
}

static bool
put_bytes(Buffered *b, const char *s, size_t n)
{
  bool ok = true;
  for (size_t i = 0; ok && i < n; ++i) {
    ok = put_byte(b, s[i]);
  }
  return ok;
}

/// raptor 2.0.15's RDF/JSON writer escapes characters past U+FFFF as
/// \UXXXXXXXX, which is not JSON (parsers, raptor's own included, refuse
/// the file): such escapes become the UTF-16 surrogate pair JSON uses.
/// Data backslashes reach this point escaped (\\), so a backslash seen
/// here starts an escape or is the second half of one.
static bool
json_byte(Buffered *b, char c)
{
  if (b->escape == 0) {
    if (c == '\\') {
      b->escape = 1;
      return true;
    }
    return put_byte(b, c);
  }
  if (b->escape == 1) {
    if (c == 'U') {
      b->escape = 2;
      return true;
    }
    b->escape = 0;
    return put_byte(b, '\\') && put_byte(b, c);
  }
  const bool hex =
    (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
  if (!hex) { // not an escape raptor writes: pass it on as it came
    const size_t n = (size_t)b->escape - 2;
    b->escape = 0;
    return put_bytes(b, "\\U", 2) && put_bytes(b, b->held, n) &&
           json_byte(b, c);
  }
  b->held[b->escape - 2] = c;
  if (++b->escape < 10) {
    return true;
  }
  b->escape = 0;
  b->held[8] = '\0';
  const unsigned long code = strtoul(b->held, NULL, 16);
  char out[16];
  if (code > 0xFFFF && code <= 0x10FFFF) {
    const unsigned long v = code - 0x10000;
    snprintf(out,
             sizeof(out),
             "\\u%04lX\\u%04lX",
             0xD800 + (v >> 10),
             0xDC00 + (v & 0x3FF));
  } else if (code <= 0xFFFF) {
    snprintf(out, sizeof(out), "\\u%04lX", code);
  } else { // not a character: the writer's gate lets none through
    return put_bytes(b, "\\U", 2) && put_bytes(b, b->held, 8);
  }
  return put_bytes(b, out, strlen(out));
}

/// A full buffer: out of line, so that the byte-by-byte path saves no
/// registers.
__attribute__((noinline)) static int
flush_and_put(Buffered *b, char c)
{
  return put_byte(b, c) ? 0 : 1;
}

static int
buffered_write_byte(void *context, const int byte)
{
  // raptor writes most of its output through here, byte by byte.
  Buffered *b = context;
  if (b->len < BUFFER_SIZE) {
    b->buf[b->len++] = (char)byte;
    return 0;
  }
  return flush_and_put(b, (char)byte);
}

static int
json_write_byte(void *context, const int byte)
{
  return json_byte(context, (char)byte) ? 0 : 1;
}

static int
buffered_write_bytes(void *context, const void *ptr, size_t size, size_t nmemb)
{
  Buffered *b = context;
  const size_t n = size * nmemb;
  if (b->json) {
    const char *s = ptr;
    for (size_t i = 0; i < n; ++i) {
      if (!json_byte(b, s[i])) {
        return -1;
      }
    }
    return (int)nmemb;
  }
  const char *bytes = ptr;
  size_t left = n;
  while (b->len + left > BUFFER_SIZE) { // in blocks, whatever the size
    const size_t part = BUFFER_SIZE - b->len;
    memcpy(b->buf + b->len, bytes, part);
    b->len = BUFFER_SIZE;
    bytes += part;
    left -= part;
    if (!buffered_flush(b)) {
      return -1;
    }
  }
  memcpy(b->buf + b->len, bytes, left);
  b->len += left;
  return (int)nmemb;
}

static int
buffered_write_end(void *context)
{
  return buffered_flush(context) ? 0 : 1;
}

static const raptor_iostream_handler buffered_handler = {
  .version = 2,
  .write_byte = buffered_write_byte,
  .write_bytes = buffered_write_bytes,
  .write_end = buffered_write_end,
};

static const raptor_iostream_handler json_handler = {
  .version = 2,
  .write_byte = json_write_byte,
  .write_bytes = buffered_write_bytes,
  .write_end = buffered_write_end,
};

EntStatus
out_prefix_add(OutPrefix **items, size_t *n, const char *name, const char *ns)
{
  OutPrefix *more = realloc(*items, (*n + 1) * sizeof(OutPrefix));
  if (!more) {
    return ENT_ERR_NO_MEMORY;
  }
  *items = more;
  OutPrefix *p = &more[*n];
  p->name = strdup(name);
  p->ns = strdup(ns);
  p->ns_len = strlen(ns);
  if (!p->name || !p->ns) {
    free(p->name);
    free(p->ns);
    return ENT_ERR_NO_MEMORY;
  }
  ++*n;
  return ENT_SUCCESS;
}

void
out_prefixes_free(OutPrefix *items, size_t n)
{
  for (size_t i = 0; i < n; ++i) {
    free(items[i].name);
    free(items[i].ns);
  }
  free(items);
}

/// IRI terms made lately, by hash of their text: a statement's subject,
/// predicate, class and graph mostly repeat, and copying a raptor term
/// only counts a reference, where making one from its string searches and
/// updates raptor's tree of every URI (a fifth of the time spent in
/// raptor).
enum { TERM_CACHE_SIZE = 1024 };

/// Statements and bytes of text Turtle, TriG and JSON-LD hold to group
/// them (by subject; by graph, then subject, for TriG and JSON-LD).
enum {
  RDF_WINDOW_STATEMENTS = 32768,
  RDF_WINDOW_BYTES = 4 << 20,
};

/// raptor's messages kept for the caller's thread (the first stops the
/// writer, so there are seldom more than one).
enum { DEFERRED_MAX = 4 };
typedef struct {
  char *iri;
  raptor_term *term;
} CachedTerm;

struct RdfWriterImpl {
  raptor_world *world;
  raptor_serializer *serializer; ///< RDF/XML, RDF/JSON; else NULL ...
  SerdEnv *env;                  ///< ... and serd's writer, with its
  SerdWriter *serd;              ///< prefixes
  OutPrefix *prefixes;           ///< Turtle, TriG: the prefixes declared
  size_t n_prefixes;
  EntBuf curies[4];  ///< The compact IRIs of one statement
  JsonLd *jsonld;    ///< JSON-LD's writer, or NULL
  RdfWindow *window; ///< Turtle, TriG, JSON-LD: statements grouped before
                     ///< writing
  raptor_iostream *io;
  Buffered *buffer;
  CachedTerm *terms; ///< TERM_CACHE_SIZE slots, or NULL (no cache)
  FILE *stream;
  bool with_graph;
  bool streaming; ///< The serializer writes each statement as it comes
  unsigned long errors;
  EntWorld *ent_world;
  const char *only_graph; ///< Write only statements of this graph, or NULL
  size_t count;           ///< Statements written
  EntFormat format;
  bool defer_log; ///< Keep raptor's messages for rdf_writer_close() to log
  char *deferred[DEFERRED_MAX];
  size_t n_deferred;
};

/// A term for `iri` (a new reference, which the caller frees).
static raptor_term *
iri_term(RdfWriter *w, const char *iri)
{
  if (!w->terms) {
    return raptor_new_term_from_uri_string(w->world,
                                           (const unsigned char *)iri);
  }
  const size_t len = strlen(iri);
  // IRIs share their beginnings (the base, the class path) and differ at
  // their ends: the length and the last bytes pick a slot without reading
  // the whole IRI, and the comparison below keeps it exact.
  const size_t tail = len < 24 ? len : 24;
  CachedTerm *slot =
    &w->terms[(ent_hash(iri + len - tail, tail) ^ len) & (TERM_CACHE_SIZE - 1)];
  if (slot->iri && !strcmp(slot->iri, iri)) {
    return raptor_term_copy(slot->term);
  }
  raptor_term *term =
    raptor_new_term_from_uri_string(w->world, (const unsigned char *)iri);
  char *copy = term ? malloc(len + 1) : NULL;
  if (copy) { // else the slot keeps what it had
    memcpy(copy, iri, len + 1);
    free(slot->iri);
    raptor_free_term(slot->term);
    slot->iri = copy;
    slot->term = raptor_term_copy(term);
  }
  return term;
}

static void
free_term_cache(RdfWriter *w)
{
  for (size_t i = 0; w->terms && i < TERM_CACHE_SIZE; ++i) {
    free(w->terms[i].iri);
    raptor_free_term(w->terms[i].term);
  }
  free(w->terms);
  w->terms = NULL;
}

static raptor_term *
make_term(RdfWriter *w, const Node *node)
{
  raptor_world *world = w->world;
  if (node->type == NODE_IRI) {
    return iri_term(w, node->value);
  }
  raptor_term *datatype_term =
    node->datatype ? iri_term(w, node->datatype) : NULL;
  raptor_uri *datatype =
    datatype_term ? raptor_uri_copy(datatype_term->value.uri) : NULL;
  raptor_free_term(datatype_term);

  raptor_term *term = raptor_new_term_from_counted_literal(
    world,
    (const unsigned char *)node->value,
    strlen(node->value),
    datatype,
    (const unsigned char *)node->lang,
    node->lang ? (unsigned char)strlen(node->lang) : 0);
  if (datatype) {
    raptor_free_uri(datatype);
  }
  return term;
}

/// A literal term that borrows the node's strings and the datatype's URI,
/// for serializers that write each statement at once and keep no term
/// (N-Triples, N-Quads): making a raptor literal copies its text, its
/// language tag and their term, and freeing it undoes all three.  It must
/// not reach raptor_free_term().
static void
borrow_literal(raptor_world *world,
               const Node *node,
               raptor_uri *datatype,
               raptor_term *out)
{
  memset(out, 0, sizeof(*out));
  out->world = world;
  out->usage = 1;
  out->type = RAPTOR_TERM_TYPE_LITERAL;
  out->value.literal.string = (unsigned char *)(uintptr_t)node->value;
  out->value.literal.string_len = (unsigned int)strlen(node->value);
  out->value.literal.datatype = datatype;
  if (node->lang && *node->lang) {
    // The gate before the writers keeps language tags short (BCP 47).
    out->value.literal.language = (unsigned char *)(uintptr_t)node->lang;
    out->value.literal.language_len = (unsigned char)strlen(node->lang);
  }
}

static SerdNode
serd_iri(const char *iri)
{
  return serd_node_from_string(SERD_URI, (const uint8_t *)iri);
}

/// Whether `local` (`len` bytes) can be written after a prefix as it is:
/// a conservative, ASCII subset of Turtle's PN_LOCAL.
static bool
plain_local(const char *local, size_t len)
{
  if (!len || local[len - 1] == '.' || local[0] == '.' || local[0] == '-') {
    return false;
  }
  for (size_t i = 0; i < len; ++i) {
    const unsigned char c = (unsigned char)local[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
          (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.')) {
      return false;
    }
  }
  return true;
}

/// `iri` as a compact IRI ("official:umerov") in `scratch` when a declared
/// prefix covers it up to its last '/' or '#' and the rest is a plain
/// local name; else as it is.  (serd 0.30 compacts only local names
/// without '-', which most of entente's have.)
static SerdNode
serd_term(RdfWriter *w, const char *iri, EntBuf *scratch)
{
  const size_t len = strlen(iri);
  size_t cut = len;
  while (cut > 0 && iri[cut - 1] != '/' && iri[cut - 1] != '#') {
    --cut;
  }
  if (!w->n_prefixes || !cut || !plain_local(iri + cut, len - cut)) {
    return serd_iri(iri);
  }
  for (size_t i = 0; i < w->n_prefixes; ++i) {
    const OutPrefix *p = &w->prefixes[i];
    if (p->ns_len == cut && !memcmp(p->ns, iri, cut)) {
      ent_buf_reset(scratch);
      if (ent_buf_appendf(scratch, "%s:%s", p->name, iri + cut)) {
        break; // no memory: the whole IRI will do
      }
      return serd_node_from_string(SERD_CURIE, (const uint8_t *)scratch->buf);
    }
  }
  return serd_iri(iri);
}

/// One statement through serd: its nodes borrow the statement's strings.
static EntStatus
serd_write_one(void *handle, const Triple *t)
{
  RdfWriter *w = handle;
  const SerdNode graph =
    w->with_graph && t->graph ? serd_iri(t->graph) : SERD_NODE_NULL;
  const SerdNode subject = serd_term(w, t->subject.value, &w->curies[0]);
  // rdf:type stays an IRI, which serd writes as "a".
  const SerdNode predicate = strcmp(t->predicate.value, RDF_TYPE)
                               ? serd_term(w, t->predicate.value, &w->curies[1])
                               : serd_iri(t->predicate.value);
  SerdNode object = SERD_NODE_NULL;
  SerdNode datatype = SERD_NODE_NULL;
  SerdNode lang = SERD_NODE_NULL;
  if (t->object.type == NODE_IRI) {
    object = serd_term(w, t->object.value, &w->curies[2]);
  } else {
    object =
      serd_node_from_string(SERD_LITERAL, (const uint8_t *)t->object.value);
    // Short strings, newlines and quotes escaped: serd 0.30 writes a long
    // string ending in a quote ("""a"\"""") that its own reader refuses.
    object.flags &= ~(SerdNodeFlags)(SERD_HAS_NEWLINE | SERD_HAS_QUOTE);
    if (t->object.datatype) {
      datatype = serd_term(w, t->object.datatype, &w->curies[3]);
    }
    if (t->object.lang && *t->object.lang) {
      lang =
        serd_node_from_string(SERD_LITERAL, (const uint8_t *)t->object.lang);
    }
  }
  const SerdStatus st =
    serd_writer_write_statement(w->serd,
                                0,
                                graph.buf ? &graph : NULL,
                                &subject,
                                &predicate,
                                &object,
                                datatype.buf ? &datatype : NULL,
                                lang.buf ? &lang : NULL);
  if (w->buffer->failed) {
    return ENT_ERR_IO;
  }
  if (st) {
    ++w->errors;
    return ENT_ERR_INTERNAL;
  }
  return ENT_SUCCESS;
}

static EntStatus
write_one(void *handle, const Triple *t)
{
  RdfWriter *w = handle;
  if (!in_graph(t, w->only_graph)) {
    return ENT_SUCCESS;
  }
  if (w->jsonld) {
    const EntStatus st = rdf_window_put(w->window, t, jsonld_put, w->jsonld);
    w->count += !st;
    return st;
  }
  if (w->serd) {
    EntStatus st = ENT_SUCCESS;
    if (w->window) {
      st = rdf_window_put(w->window, t, serd_write_one, w);
    } else {
      st = serd_write_one(w, t);
    }
    w->count += !st;
    return st;
  }
  // The statement itself is never kept by a serializer (the buffering ones
  // keep references to its terms), so it lives on the stack.
  raptor_statement s;
  raptor_statement_init(&s, w->world);
  raptor_term literal;
  raptor_term *datatype = NULL;
  const bool borrow = w->streaming && t->object.type != NODE_IRI;
  if (borrow) {
    datatype = t->object.datatype ? iri_term(w, t->object.datatype) : NULL;
    borrow_literal(
      w->world, &t->object, datatype ? datatype->value.uri : NULL, &literal);
  }
  s.subject = make_term(w, &t->subject);
  s.predicate = make_term(w, &t->predicate);
  s.object = borrow ? &literal : make_term(w, &t->object);
  if (w->with_graph && t->graph) {
    s.graph = iri_term(w, t->graph);
  }

  EntStatus st = ENT_SUCCESS;
  if (!s.subject || !s.predicate || !s.object ||
      (t->object.datatype && borrow && !datatype) ||
      (w->with_graph && t->graph && !s.graph)) {
    st = ENT_ERR_NO_MEMORY;
  } else if (raptor_serializer_serialize_statement(w->serializer, &s) ||
             w->buffer->failed) {
    // raptor goes on after its iostream fails; the export stops (the
    // reason is logged when the writer is closed).
    st = ENT_ERR_IO;
  } else {
    ++w->count;
  }
  raptor_free_term(s.subject);
  raptor_free_term(s.predicate);
  if (!borrow) {
    raptor_free_term(s.object);
  }
  raptor_free_term(s.graph);
  raptor_free_term(datatype);
  return w->errors ? ENT_ERR_INTERNAL : st;
}

static void
log_raptor_message(RdfWriter *w, const char *text)
{
  ent_log(w->ent_world,
          ENT_LOG_ERROR,
          ENT_ERR_INTERNAL,
          NULL,
          "RDF writer: %s",
          text ? text : "failed");
}

static void
on_raptor_log(void *data, raptor_log_message *message)
{
  RdfWriter *w = data;
  if (message->level < RAPTOR_LOG_LEVEL_WARN) {
    return;
  }
  // raptor's serializers go on after errors; entente does not.
  ++w->errors;
  if (!w->defer_log) {
    log_raptor_message(w, message->text);
  } else if (w->n_deferred < DEFERRED_MAX) {
    // NULL (no text, or no memory for it): "failed" is logged.
    w->deferred[w->n_deferred++] = message->text ? strdup(message->text) : NULL;
  }
}

EntStatus
rdf_writer_threaded(RdfWriter *w)
{
  w->defer_log = true;
  Buffered *b = w->buffer;
  if (b->io || b->json) {
    return ENT_SUCCESS; // JSON rewrites bytes held across blocks: kept here
  }
  EntStatus st = out_thread_open(b->stream, BUFFER_SIZE, &b->io);
  if (!st) {
    // What the serializer has written so far moves to the first block.
    char *block = out_thread_block(b->io);
    memcpy(block, b->buf, b->len);
    b->buf = block;
  }
  return st;
}

EntStatus
ent_rdf_prefixes(const EntGraph *graph,
                 bool slash_names,
                 EntPrefixFunc func,
                 void *handle)
{
  size_t n_prefixes = 0;
  const Prefix *prefixes = ent_prefixes(&n_prefixes);
  EntStatus st = ENT_SUCCESS;
  for (size_t i = 0; !st && i < n_prefixes; ++i) {
    if (prefixes[i].in_rdf || !strcmp(prefixes[i].prefix, "rdf")) {
      st = func(handle, prefixes[i].prefix, prefixes[i].ns);
    }
  }
  // One prefix per class path under the base ("official:" ...), so that
  // Turtle reads as names, not long IRIs.  Without names that hold a
  // '/', none for posts and responses, whose IRIs no prefix could shorten
  // (post/trump/president; a response is named under its agreement): a
  // prefix declared and never used is noise to a reader and a linter.
  EntBuf ns = { NULL, 0, 0 };
  for (int c = 0; !st && c < ENT_CLASS_COUNT_; ++c) {
    if (c == ENT_CLASS_PARAPHRASE ||
        (!slash_names && (c == ENT_CLASS_POST || c == ENT_CLASS_RESPONSE))) {
      continue; // a paraphrase shares "statement" with quotations
    }
    const ClassInfo *info = ent_class_info((EntClass)c);
    ent_buf_reset(&ns);
    st = ent_buf_appendf(&ns, "%s%s/", graph->base, info->path);
    if (!st) {
      st = func(handle, info->path, ns.buf);
    }
  }
  ent_buf_free(&ns);
  return st;
}

static EntStatus
raptor_prefix(void *handle, const char *prefix, const char *ns)
{
  raptor_serializer *ser = handle;
  if (!strcmp(prefix, "rdf")) {
    return ENT_SUCCESS; // raptor declares it itself
  }
  raptor_uri *uri =
    raptor_new_uri(raptor_serializer_get_world(ser), (const unsigned char *)ns);
  const int rc =
    uri
      ? raptor_serializer_set_namespace(ser, uri, (const unsigned char *)prefix)
      : 1;
  raptor_free_uri(uri);
  return rc ? ENT_ERR_NO_MEMORY : ENT_SUCCESS;
}

static EntStatus
serd_prefix(void *handle, const char *prefix, const char *ns)
{
  RdfWriter *w = handle;
  const SerdNode name =
    serd_node_from_string(SERD_LITERAL, (const uint8_t *)prefix);
  const SerdNode uri = serd_iri(ns);
  if (serd_writer_set_prefix(w->serd, &name, &uri)) {
    return w->buffer->failed ? ENT_ERR_IO : ENT_ERR_NO_MEMORY;
  }
  return out_prefix_add(&w->prefixes, &w->n_prefixes, prefix, ns);
}

static size_t
serd_sink(const void *buf, size_t len, void *handle)
{
  return buffered_write_bytes(handle, buf, 1, len) < 0 ? 0 : len;
}

/// serd's writer for `format`, writing into `w`'s buffer.
static EntStatus
open_serd(RdfWriter *w, EntGraph *graph, EntFormat format)
{
  const SerdSyntax syntax = (SerdSyntax)formats[format].serd_syntax;
  int style = SERD_STYLE_BULK;
  if (syntax == SERD_TURTLE || syntax == SERD_TRIG) {
    style |= SERD_STYLE_ABBREVIATED | SERD_STYLE_CURIED;
  }
  if (graph->world->ascii) {
    style |= SERD_STYLE_ASCII;
  }
  w->env = serd_env_new(NULL);
  w->serd = w->env
              ? serd_writer_new(
                  syntax, (SerdStyle)style, w->env, NULL, serd_sink, w->buffer)
              : NULL;
  if (!w->serd) {
    return ENT_ERR_NO_MEMORY;
  }
  if (syntax == SERD_TURTLE || syntax == SERD_TRIG) {
    // A subject is one block when its statements fit in the window (a
    // corpus of articles does); 4 MB of text at most, then the next.
    EntStatus st = rdf_window_new(
      syntax == SERD_TRIG, RDF_WINDOW_STATEMENTS, RDF_WINDOW_BYTES, &w->window);
    if (st) {
      return st;
    }
  }
  return formats[format].prefixes
           ? ent_rdf_prefixes(graph, false, serd_prefix, w)
           : ENT_SUCCESS;
}

/// JSON-LD's writer, writing into `w`'s buffer, behind a window by graph.
static EntStatus
open_jsonld(RdfWriter *w, EntGraph *graph)
{
  EntStatus st =
    rdf_window_new(true, RDF_WINDOW_STATEMENTS, RDF_WINDOW_BYTES, &w->window);
  return st ? st : jsonld_open(graph, serd_sink, w->buffer, &w->jsonld);
}

EntStatus
rdf_writer_open(EntGraph *graph,
                EntFormat format,
                const char *only_graph,
                FILE *stream,
                RdfWriter **out)
{
  *out = NULL;
  if ((unsigned)format >= ENT_FORMAT_COUNT_ || !stream) {
    return ENT_ERR_BAD_ARG;
  }
  raptor_world *world = graph->world->raptor;
  RdfWriter *w = calloc(1, sizeof(RdfWriter));
  if (!w) {
    return ENT_ERR_NO_MEMORY;
  }
  w->world = world;
  w->format = format;
  w->with_graph = format == ENT_FORMAT_NQUADS || format == ENT_FORMAT_TRIG ||
                  format == ENT_FORMAT_JSONLD;
  w->streaming = format == ENT_FORMAT_NTRIPLES || format == ENT_FORMAT_NQUADS;
  w->ent_world = graph->world;
  w->only_graph = only_graph;
  w->stream = stream;
  if (formats[format].raptor_name) {
    w->serializer = raptor_new_serializer(world, formats[format].raptor_name);
    w->terms = calloc(TERM_CACHE_SIZE, sizeof(CachedTerm)); // none: no cache
  }
  w->buffer = malloc(sizeof(Buffered));
  if (w->buffer) {
    w->buffer->stream = stream;
    w->buffer->io = NULL;
    w->buffer->buf = w->buffer->own;
    w->buffer->failed = false;
    w->buffer->error = 0;
    w->buffer->json = format == ENT_FORMAT_RDFJSON;
    w->buffer->escape = 0;
    w->buffer->len = 0;

    if (w->serializer) {
      w->io = raptor_new_iostream_from_handler(
        world, w->buffer, w->buffer->json ? &json_handler : &buffered_handler);
    }
  }
  if (!formats[format].raptor_name) {
    EntStatus st = !w->buffer                    ? ENT_ERR_NO_MEMORY
                   : format == ENT_FORMAT_JSONLD ? open_jsonld(w, graph)
                                                 : open_serd(w, graph, format);
    if (st) {
      rdf_writer_close(w, false);
      return st;
    }
    *out = w;
    return ENT_SUCCESS;
  }
  EntStatus st = w->serializer && w->io ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
  if (!st) {
    raptor_serializer_set_option(
      w->serializer, RAPTOR_OPTION_RELATIVE_URIS, NULL, 0);
    raptor_serializer_set_option(
      w->serializer, RAPTOR_OPTION_WRITE_BASE_URI, NULL, 0);
    if (formats[format].prefixes) {
      st = ent_rdf_prefixes(graph, false, raptor_prefix, w->serializer);
    }
  }
  raptor_world_set_log_handler(world, w, on_raptor_log);
  if (!st && raptor_serializer_start_to_iostream(w->serializer, NULL, w->io)) {
    st = ENT_ERR_INTERNAL;
  }
  if (st) {
    rdf_writer_close(w, false);
    return st;
  }
  *out = w;
  return ENT_SUCCESS;
}

EntStatus
rdf_writer_put(void *handle, const Triple *triple)
{
  return write_one(handle, triple);
}

size_t
rdf_writer_count(const RdfWriter *w)
{
  return w->count;
}

EntStatus
rdf_writer_close(RdfWriter *w, bool finish)
{
  EntStatus st = ENT_SUCCESS;
  if (finish && w->serializer &&
      raptor_serializer_serialize_end(w->serializer)) {
    st = ENT_ERR_IO;
  }
  if (finish && w->window) {
    st = w->jsonld ? rdf_window_finish(w->window, jsonld_put, w->jsonld)
                   : rdf_window_finish(w->window, serd_write_one, w);
  }
  rdf_window_free(w->window);
  if (finish && !st && w->jsonld) {
    st = jsonld_finish(w->jsonld);
    st = st == ENT_ERR_IO || w->buffer->failed ? ENT_ERR_IO : st;
  }
  jsonld_free(w->jsonld);
  if (finish && !st && w->serd && serd_writer_finish(w->serd)) {
    st = w->buffer->failed ? ENT_ERR_IO : ENT_ERR_INTERNAL;
  }
  if (w->serd) {
    serd_writer_free(w->serd);
  }
  out_prefixes_free(w->prefixes, w->n_prefixes);
  for (size_t i = 0; i < sizeof(w->curies) / sizeof(w->curies[0]); ++i) {
    ent_buf_free(&w->curies[i]);
  }
  if (w->env) {
    serd_env_free(w->env);
  }
  if (w->serializer) {
    raptor_free_serializer(w->serializer);
  }
  free_term_cache(w);

  bool flush_failed = false;
  int error = 0;
  if (w->buffer) {
    // What is still buffered goes out only if the whole output is good
    // (Turtle and RDF/JSON are written entirely at the end); earlier
    // blocks have gone to the FILE already, which is why the CLI
    // writes to a temporary file (EntOutput) renamed on success.
    const bool good = finish && !st && !w->errors;
    if (good) {
      flush_failed = !buffered_flush(w->buffer);
    }
    error = w->buffer->error;
    w->buffer->failed = true; // nothing more reaches the FILE
    if (w->buffer->io) {
      const int io_error = out_thread_close(w->buffer->io, good);
      w->buffer->io = NULL;
      w->buffer->buf = w->buffer->own; // the blocks are gone
      w->buffer->len = 0;
      error = error ? error : io_error;
      flush_failed = flush_failed || io_error;
    }
  }

  if (w->io) {
    raptor_free_iostream(w->io);
  }
  free(w->buffer);
  if (formats[w->format].raptor_name) {
    raptor_world_set_log_handler(w->world, NULL, NULL);
  }
  for (size_t i = 0; i < w->n_deferred; ++i) {
    log_raptor_message(w, w->deferred[i]);
    free(w->deferred[i]);
  }
  if (finish && !st && w->errors) {
    st = ENT_ERR_INTERNAL;
  }
  if (finish && !st && !flush_failed && !error &&
      (fflush(w->stream) || ferror(w->stream))) {
    error = errno;
    flush_failed = true;
  }
  // A failed write is said even when the export stops for it (!finish).
  if ((finish && !st && flush_failed) || error) {
    ent_log(w->ent_world,
            ENT_LOG_ERROR,
            ENT_ERR_IO,
            NULL,
            "writing the output failed: %s",
            strerror(error ? error : EIO));
    st = ENT_ERR_IO;
  }
  free(w);
  return st;
}

static EntStatus
export_rdf(EntGraph *graph,
           const EntFormat format,
           const char *only_graph,
           FILE *stream,
           size_t *count)
{
  if ((unsigned)format >= ENT_FORMAT_COUNT_ || !stream) {
    return ENT_ERR_BAD_ARG;
  }
  // A full dry run first: an undeclared term or any other refusal must
  // stop the export before a single byte is written.
  // One graph's statements are told apart from the same statements in
  // other graphs, or one said by two sources would be kept in the first
  // graph only and filtered out with it.
  const bool quads = format == ENT_FORMAT_NQUADS || format == ENT_FORMAT_TRIG ||
                     format == ENT_FORMAT_JSONLD || only_graph;
  Counter counter = { 0, only_graph };
  EntStatus st = ENT_SUCCESS;
  TRY(st, ent_emit(graph, quads, count_one, &counter));
  if (formats[format].raptor_name &&
      counter.count > graph->world->buffered_limit) {
    ent_log(graph->world,
            ENT_LOG_ERROR,
            ENT_ERR_TOO_LARGE,
            NULL,
            "%zu statements are too many for %s: raptor2's writer holds "
            "every statement in memory, and entente writes it for at most "
            "%llu (--buffered-limit); write ntriples, nquads, turtle, "
            "trig or jsonld, which stream",
            counter.count,
            format == ENT_FORMAT_RDFXML ? "RDF/XML" : "RDF/JSON",
            graph->world->buffered_limit);
    return ENT_ERR_TOO_LARGE;
  }
  RdfWriter *w = NULL;
  TRY(st, rdf_writer_open(graph, format, only_graph, stream, &w));
  st = ent_emit(graph, quads, rdf_writer_put, w);
  const EntStatus closed = rdf_writer_close(w, !st);
  st = st ? st : closed;
  if (!st && count) {
    *count = counter.count;
  }
  return st;
}

EntStatus
ent_export_rdf(EntGraph *graph,
               const EntFormat format,
               FILE *stream,
               size_t *count)
{
  return export_rdf(graph, format, NULL, stream, count);
}

EntStatus
ent_export_rdf_source(EntGraph *graph,
                      const EntFormat format,
                      const char *source_id,
                      FILE *stream,
                      size_t *count)
{
  const char *iri = source_id ? ent_graph_iri(graph, source_id) : NULL;
  EntClass cls = ENT_CLASS_COUNT_;
  if (!iri || !ent_graph_has(graph, source_id, &cls) ||
      (cls != ENT_CLASS_SOURCE && cls != ENT_CLASS_CORPUS)) {
    ent_log(graph->world,
            ENT_LOG_ERROR,
            ENT_ERR_UNKNOWN_ID,
            NULL,
            "'%s' is not a source of this graph",
            source_id ? source_id : "");
    return ENT_ERR_UNKNOWN_ID;
  }
  return export_rdf(graph, format, iri, stream, count);
}

EntStatus
ent_export_rdf_file(EntGraph *graph,
                    const EntFormat format,
                    const char *path,
                    size_t *count)
{
  EntOutput *out = NULL;
  EntStatus st = ENT_SUCCESS;
  TRY(st, ent_output_open(graph->world, path, &out));
  st = ent_export_rdf(graph, format, ent_output_stream(out), count);
  if (st) {
    ent_output_abort(out);
    return st;
  }
  return ent_output_commit(out);
}
