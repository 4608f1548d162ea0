// SPDX-License-Identifier: MIT
// JSON-LD: each named graph written as one block.  The model emits an
// entity's statements together, whatever their graph, so the statements
// are first sorted by graph in one walk (ent_by_graph_sort(): N-Triples
// in a temporary file, and where each graph's runs of statements are),
// then each graph's statements are read by serd and written in its block as
// JSON-LD node objects built with jansson.  Memory stays that of one node
// object; time is linear in the statements.  (TriG is written as it comes,
// by serd: a graph may then have several blocks, which TriG allows.)

#include "emit.h"

#include <jansson.h>
#include <serd/serd.h>

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RDF_TYPE   "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#define XSD_STRING "http://www.w3.org/2001/XMLSchema#string"

/// One namespace prefix of the output.
typedef struct {
  char *name;
  char *ns;
} OutPrefix;

typedef struct {
  OutPrefix *items;
  size_t n;
} Prefixes;

static void
prefixes_free(Prefixes *p)
{
  for (size_t i = 0; i < p->n; ++i) {
    free(p->items[i].name);
    free(p->items[i].ns);
  }
  free(p->items);
  p->items = NULL;
  p->n = 0;
}

static EntStatus
prefixes_add(Prefixes *p, const char *name, const char *ns)
{
  OutPrefix *more = realloc(p->items, (p->n + 1) * sizeof(OutPrefix));
  if (!more) {
    return ENT_ERR_NO_MEMORY;
  }
  p->items = more;
  char *name_copy = strdup(name);
  char *ns_copy = strdup(ns);
  if (!name_copy || !ns_copy) {
    free(name_copy);
    free(ns_copy);
    return ENT_ERR_NO_MEMORY;
  }
  p->items[p->n++] = (OutPrefix){ name_copy, ns_copy };
  return ENT_SUCCESS;
}

static EntStatus
add_prefix(void *handle, const char *prefix, const char *ns)
{
  return prefixes_add(handle, prefix, ns);
}

/// The prefixes the Turtle writer declares, rdf: included.
static EntStatus
collect_prefixes(const EntGraph *graph, Prefixes *out)
{
  return ent_rdf_prefixes(graph, add_prefix, out);
}

/// A character RFC 3986 allows in a scheme after the first.
static bool
scheme_char(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-';
}

/// JSON-LD has no way to say that "schema:x" is an IRI of the scheme
/// "schema" and not the compact IRI schema:x: a prefix named like the
/// scheme of an IRI the document holds is left out of its context (such
/// IRIs are rare, and the rest of the document is only longer for it).
/// `sorted` holds the document's statements as N-Triples.
static EntStatus
drop_prefixes_named_like_schemes(const EntByGraph *sorted, Prefixes *p)
{
  bool *drop = calloc(p->n ? p->n : 1, sizeof(bool));
  if (!drop) {
    return ENT_ERR_NO_MEMORY;
  }
  size_t size = 0;
  const char *text = ent_by_graph_text(sorted, &size);
  const char *const end = text ? text + size : NULL;
  for (const char *c = text ? memchr(text, '<', size) : NULL; c;
       c = memchr(c + 1, '<', (size_t)(end - c - 1))) {
    const char *s = c + 1;
    while (s < end && scheme_char(*s)) {
      ++s;
    }
    const size_t scheme = (size_t)(s - c - 1);
    if (!scheme || s == end || *s != ':') {
      continue;
    }
    for (size_t i = 0; i < p->n; ++i) {
      drop[i] |= strlen(p->items[i].name) == scheme &&
                 !strncmp(p->items[i].name, c + 1, scheme);
    }
  }
  size_t kept = 0;
  for (size_t i = 0; i < p->n; ++i) {
    if (drop[i]) {
      free(p->items[i].name);
      free(p->items[i].ns);
    } else {
      p->items[kept++] = p->items[i];
    }
  }
  p->n = kept;
  free(drop);
  return ENT_SUCCESS;
}

// ---- The two writers, behind one interface --------------------------------

typedef struct GroupedWriter GroupedWriter;
struct GroupedWriter {
  EntStatus (*begin_graph)(GroupedWriter *w, const char *graph);
  SerdStatementSink statement;
  EntStatus (*end_graph)(GroupedWriter *w);
  EntStatus (*finish)(GroupedWriter *w);
  void (*free)(GroupedWriter *w);
  FILE *stream;
  EntWorld *world;
  EntStatus failed; ///< The first failure inside a serd callback
};

// ---- JSON-LD, by jansson ----------------------------------------------------

typedef struct {
  GroupedWriter base;
  const Prefixes *prefixes;
  json_t *node;   ///< The node object being filled, or NULL
  char *subject;  ///< Its subject
  size_t n_top;   ///< Elements written in the document's @graph
  size_t n_inner; ///< Node objects written in the current named graph
  bool named;     ///< The current graph is a named one
  bool write_failed;
} JsonLdWriter;

static bool
jsonld_put(JsonLdWriter *j, const char *text)
{
  if (!j->write_failed && fputs(text, j->base.stream) == EOF) {
    j->write_failed = true;
  }
  return !j->write_failed;
}

/// Write `value` through jansson (which does all the escaping).
static bool
jsonld_dump(JsonLdWriter *j, const json_t *value, size_t flags)
{
  if (!j->write_failed &&
      json_dumpf(value, j->base.stream, flags | JSON_ENCODE_ANY) != 0) {
    j->write_failed = true;
  }
  return !j->write_failed;
}

/// `iri` as a compact IRI ("schema:name") when a prefix covers it and the
/// rest cannot be read as anything else, else as it is.
static json_t *
compact_iri(const JsonLdWriter *j, const char *iri)
{
  const OutPrefix *best = NULL;
  size_t best_len = 0;
  for (size_t i = 0; i < j->prefixes->n; ++i) {
    const size_t len = strlen(j->prefixes->items[i].ns);
    if (len > best_len && !strncmp(iri, j->prefixes->items[i].ns, len)) {
      best = &j->prefixes->items[i];
      best_len = len;
    }
  }
  const char *rest = iri + best_len;
  if (!best || !strncmp(rest, "//", 2)) {
    return json_string(iri);
  }
  const size_t name_len = strlen(best->name);
  char *compact = malloc(name_len + 1 + strlen(rest) + 1);
  if (!compact) {
    return NULL;
  }
  memcpy(compact, best->name, name_len);
  compact[name_len] = ':';
  memcpy(compact + name_len + 1, rest, strlen(rest) + 1);
  json_t *s = json_string(compact);
  free(compact);
  return s;
}

/// Write the node object being filled: into the named graph's block, or
/// into the document's @graph (the default graph).
static EntStatus
jsonld_flush_node(JsonLdWriter *j)
{
  if (!j->node) {
    return ENT_SUCCESS;
  }
  size_t *count = j->named ? &j->n_inner : &j->n_top;
  const bool ok = jsonld_put(j, *count ? ",\n" : "\n") &&
                  jsonld_put(j, j->named ? "      " : "    ") &&
                  jsonld_dump(j, j->node, JSON_COMPACT | JSON_PRESERVE_ORDER);
  ++*count;
  json_decref(j->node);
  j->node = NULL;
  free(j->subject);
  j->subject = NULL;
  return ok ? ENT_SUCCESS : ENT_ERR_IO;
}

static const char *
node_text(const SerdNode *node)
{
  return (const char *)node->buf;
}

/// The JSON-LD value of an object node.
static json_t *
jsonld_value(const JsonLdWriter *j,
             const SerdNode *object,
             const SerdNode *datatype,
             const SerdNode *lang)
{
  if (object->type == SERD_URI || object->type == SERD_BLANK) {
    json_t *id = object->type == SERD_URI
                   ? compact_iri(j, node_text(object))
                   : json_sprintf("_:%s", node_text(object));
    return id ? json_pack("{s:o}", "@id", id) : NULL;
  }
  json_t *text = json_stringn(node_text(object), object->n_bytes);
  if (!text) {
    return NULL;
  }
  if (lang && lang->buf) {
    return json_pack("{s:o,s:s}", "@value", text, "@language", node_text(lang));
  }
  if (datatype && datatype->buf &&
      strcmp(node_text(datatype), XSD_STRING) != 0) {
    json_t *type = compact_iri(j, node_text(datatype));
    return type ? json_pack("{s:o,s:o}", "@value", text, "@type", type) : NULL;
  }
  return text;
}

/// Add `value` (a new reference, taken) under `key` of the node object:
/// the first value alone, further ones in an array.
static bool
jsonld_add(json_t *node, const char *key, json_t *value)
{
  if (!value) {
    return false;
  }
  json_t *had = json_object_get(node, key);
  if (!had) {
    return json_object_set_new(node, key, value) == 0;
  }
  if (json_is_array(had)) {
    return json_array_append_new(had, value) == 0;
  }
  json_t *list = json_array();
  if (!list || json_array_append(list, had) ||
      json_array_append_new(list, value)) {
    json_decref(list);
    return false;
  }
  return json_object_set_new(node, key, list) == 0;
}

static SerdStatus
jsonld_statement(void *handle,
                 SerdStatementFlags flags,
                 const SerdNode *graph,
                 const SerdNode *subject,
                 const SerdNode *predicate,
                 const SerdNode *object,
                 const SerdNode *datatype,
                 const SerdNode *lang)
{
  (void)flags;
  (void)graph;
  JsonLdWriter *j = handle;
  const char *s = node_text(subject);
  if (j->node && strcmp(j->subject, s) != 0 && jsonld_flush_node(j)) {
    j->base.failed = ENT_ERR_IO;
    return SERD_ERR_UNKNOWN;
  }
  bool ok = true;
  if (!j->node) {
    j->node = json_object();
    j->subject = strdup(s);
    json_t *id =
      subject->type == SERD_BLANK ? json_sprintf("_:%s", s) : compact_iri(j, s);
    ok = j->node && j->subject && id &&
         json_object_set_new(j->node, "@id", id) == 0;
    if (!ok) {
      json_decref(id);
    }
  }
  const char *p = node_text(predicate);
  if (ok && !strcmp(p, RDF_TYPE) && object->type == SERD_URI) {
    ok = jsonld_add(j->node, "@type", compact_iri(j, node_text(object)));
  } else if (ok) {
    json_t *key = compact_iri(j, p);
    ok = key && jsonld_add(j->node,
                           json_string_value(key),
                           jsonld_value(j, object, datatype, lang));
    json_decref(key);
  }
  if (!ok) {
    j->base.failed = ENT_ERR_NO_MEMORY;
    return SERD_ERR_UNKNOWN;
  }
  return SERD_SUCCESS;
}

static EntStatus
jsonld_begin_graph(GroupedWriter *w, const char *graph)
{
  JsonLdWriter *j = (JsonLdWriter *)w;
  j->named = graph != NULL;
  j->n_inner = 0;
  if (!graph) {
    return ENT_SUCCESS; // its node objects go into the document's @graph
  }
  json_t *id = compact_iri(j, graph);
  const bool ok = id && jsonld_put(j, j->n_top ? ",\n" : "\n") &&
                  jsonld_put(j, "    {\"@id\": ") && jsonld_dump(j, id, 0) &&
                  jsonld_put(j, ", \"@graph\": [");
  json_decref(id);
  ++j->n_top;
  return !id ? ENT_ERR_NO_MEMORY : ok ? ENT_SUCCESS : ENT_ERR_IO;
}

static EntStatus
jsonld_end_graph(GroupedWriter *w)
{
  JsonLdWriter *j = (JsonLdWriter *)w;
  EntStatus st = jsonld_flush_node(j);
  if (!st && j->named && !jsonld_put(j, j->n_inner ? "\n    ]}" : "]}")) {
    st = ENT_ERR_IO;
  }
  j->named = false;
  return st;
}

static EntStatus
jsonld_finish(GroupedWriter *w)
{
  JsonLdWriter *j = (JsonLdWriter *)w;
  return jsonld_put(j, j->n_top ? "\n  ]\n}\n" : "]\n}\n") ? ENT_SUCCESS
                                                           : ENT_ERR_IO;
}

static void
jsonld_free(GroupedWriter *w)
{
  JsonLdWriter *j = (JsonLdWriter *)w;
  json_decref(j->node);
  free(j->subject);
  free(j);
}

/// The @context of entente's JSON-LD: its prefixes.
static json_t *
jsonld_context(const Prefixes *prefixes)
{
  json_t *context = json_object();
  for (size_t i = 0; context && i < prefixes->n; ++i) {
    if (json_object_set_new(context,
                            prefixes->items[i].name,
                            json_string(prefixes->items[i].ns))) {
      json_decref(context);
      return NULL;
    }
  }
  return context;
}

static EntStatus
jsonld_open(const Prefixes *prefixes, FILE *stream, GroupedWriter **out)
{
  JsonLdWriter *j = calloc(1, sizeof(JsonLdWriter));
  if (!j) {
    return ENT_ERR_NO_MEMORY;
  }
  j->base = (GroupedWriter){ jsonld_begin_graph,
                             jsonld_statement,
                             jsonld_end_graph,
                             jsonld_finish,
                             jsonld_free,
                             stream,
                             NULL,
                             ENT_SUCCESS };
  j->prefixes = prefixes;
  *out = &j->base;
  json_t *context = jsonld_context(prefixes);
  if (!context) {
    return ENT_ERR_NO_MEMORY;
  }
  // The context is embedded: the file reads offline, with no fetch.
  const bool ok =
    jsonld_put(j, "{\n  \"@context\": ") &&
    jsonld_dump(j, context, JSON_INDENT(2) | JSON_PRESERVE_ORDER) &&
    jsonld_put(j, ",\n  \"@graph\": [");
  json_decref(context);
  return ok ? ENT_SUCCESS : ENT_ERR_IO;
}

// ---- Sorting by graph, then writing each graph's block --------------------

static size_t
part_read(void *buf, size_t size, size_t nmemb, void *handle)
{
  return ent_by_graph_read(handle, buf, size * nmemb);
}

static int
part_error(void *handle)
{
  (void)handle;
  return 0; // the statements are read from memory
}

static SerdStatus
on_serd_error(void *handle, const SerdError *error)
{
  GroupedWriter *w = handle;
  char text[512];
  va_list args;
  va_copy(args, *error->args);
  // serd's own message: its format comes with its arguments.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  vsnprintf(text, sizeof(text), error->fmt, args);
#pragma GCC diagnostic pop
  va_end(args);
  text[strcspn(text, "\n")] = '\0';
  ent_log(w->world,
          ENT_LOG_ERROR,
          ENT_ERR_INTERNAL,
          NULL,
          "the statements sorted by graph do not read back (line %u): %s",
          error->line,
          text);
  w->failed = w->failed ? w->failed : ENT_ERR_INTERNAL;
  return error->status;
}

/// Write graph `g`'s statements in `sorted` through `w`.
static EntStatus
write_part(GroupedWriter *w, const EntByGraph *sorted, size_t g)
{
  EntGraphReader part;
  ent_by_graph_reader(sorted, g, &part);
  SerdReader *reader =
    serd_reader_new(SERD_NTRIPLES, w, NULL, NULL, NULL, w->statement, NULL);
  if (!reader) {
    return ENT_ERR_NO_MEMORY;
  }
  serd_reader_set_error_sink(reader, on_serd_error, w);
  const SerdStatus st = serd_reader_read_source(
    reader, part_read, part_error, &part, (const uint8_t *)"sorted", 1 << 16);
  serd_reader_free(reader);
  if (w->failed) {
    return w->failed;
  }
  return st && st != SERD_FAILURE ? ENT_ERR_INTERNAL : ENT_SUCCESS;
}

EntStatus
ent_export_grouped(EntGraph *graph,
                   EntFormat format,
                   const char *only_graph,
                   FILE *stream,
                   size_t *count)
{
  if (format != ENT_FORMAT_JSONLD) {
    return ENT_ERR_BAD_ARG;
  }
  const char **iris = NULL;
  size_t n = 0;
  EntStatus st = ENT_SUCCESS;
  if (only_graph) {
    iris = malloc(sizeof(char *));
    n = iris ? 1 : 0;
    if (iris) {
      iris[0] = only_graph;
    }
  } else {
    st = ent_graph_named_graphs(graph, &iris, &n); // and the default graph
  }
  size_t *lines = calloc(n ? n : 1, sizeof(size_t));
  if (!st && (!iris || !lines)) {
    st = ENT_ERR_NO_MEMORY;
  }
  // Every check is made in this walk, before a byte reaches `stream`.
  EntByGraph *sorted = NULL;
  if (!st) {
    st = ent_by_graph_sort(graph, n, iris, lines, &sorted);
  }
  Prefixes prefixes = { NULL, 0 };
  if (!st) {
    st = collect_prefixes(graph, &prefixes);
  }
  if (!st) {
    st = drop_prefixes_named_like_schemes(sorted, &prefixes);
  }
  GroupedWriter *w = NULL;
  if (!st) {
    st = jsonld_open(&prefixes, stream, &w);
  }
  if (!st && !w) {
    st = ENT_ERR_NO_MEMORY;
  }
  if (w) {
    w->world = graph->world;
  }
  size_t total = 0;
  for (size_t g = 0; !st && g < n; ++g) {
    total += lines[g];
    if (!lines[g]) {
      continue;
    }
    st = w->begin_graph(w, iris[g]);
    if (!st) {
      st = write_part(w, sorted, g);
    }
    if (!st) {
      st = w->end_graph(w);
    }
  }
  if (!st) {
    st = w->finish(w);
  }
  if (!st && (fflush(stream) || ferror(stream))) {
    st = ENT_ERR_IO;
  }
  if (st == ENT_ERR_IO && stream && ferror(stream)) {
    ent_log(graph->world,
            ENT_LOG_ERROR,
            ENT_ERR_IO,
            NULL,
            "writing the output failed: %s",
            strerror(errno ? errno : EIO));
  }
  if (w) {
    w->free(w);
  }
  prefixes_free(&prefixes);
  ent_by_graph_free(sorted);
  free(iris);
  free(lines);
  if (!st && count) {
    *count = total;
  }
  return st;
}
