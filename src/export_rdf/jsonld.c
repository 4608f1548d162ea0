// SPDX-License-Identifier: MIT
// JSON-LD, written statement by statement as TriG is: the statements come
// grouped by graph and subject (the window of serialize.c), each run of
// one graph's statements is a graph object ({"@id": ..., "@graph": [...]};
// the default graph's node objects stand in the document's own @graph),
// and each run of one subject's statements is a node object built with
// jansson, which does all the escaping.  Memory stays that of one node
// object.  Past the window a graph or a subject may have several objects:
// JSON-LD processors merge objects with one @id, as TriG readers merge
// blocks.
//
// The context is written first, with every prefix, before the statements
// are known; an IRI whose scheme is a prefix's name ("schema:foo", when
// schema: is a prefix) would be read as a compact IRI.  The object that
// holds such an IRI gets a context of its own that undefines that prefix
// ({"@context": {"schema": null}, ...}), so the IRI stays what it is.

#include "emit.h"

#include <jansson.h>

#include <stdlib.h>
#include <string.h>

#define RDF_TYPE   "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#define XSD_STRING "http://www.w3.org/2001/XMLSchema#string"

/// One statement of the node object being gathered: offsets in `text`.
typedef struct {
  size_t predicate;
  size_t value;
  size_t datatype; ///< Or SIZE_MAX
  size_t lang;     ///< Or SIZE_MAX
  NodeType type;
} Said;

struct JsonLdImpl {
  JsonLdSink sink;
  void *handle;
  bool failed;       ///< A write failed: nothing more is written
  size_t dump_flags; ///< JSON_ENSURE_ASCII with --ascii
  OutPrefix *prefixes;
  size_t n_prefixes;
  bool *graph_undone; ///< Per prefix: undefined by the graph object
  bool *node_undone;  ///< Per prefix: undefined in the node object
  bool in_graph;      ///< A graph's run is open ...
  bool named;         ///< ... a named graph's (else the default graph's)
  EntBuf graph;       ///< The named graph's IRI
  size_t n_top;       ///< Objects written in the document's @graph
  size_t n_inner;     ///< Node objects written in the named graph
  bool has_node;      ///< A subject's statements are being gathered
  EntBuf text;        ///< The subject, then each statement's strings
  Said *said;
  size_t n_said;
  size_t cap_said;
};

static bool
put_text(JsonLd *j, const char *text)
{
  const size_t len = strlen(text);
  if (!j->failed && j->sink(text, len, j->handle) != len) {
    j->failed = true;
  }
  return !j->failed;
}

static int
dump_sink(const char *buffer, size_t size, void *data)
{
  JsonLd *j = data;
  return j->sink(buffer, size, j->handle) == size ? 0 : -1;
}

/// Write `value` through jansson.
static bool
put_json(JsonLd *j, const json_t *value, size_t flags)
{
  if (!j->failed &&
      json_dump_callback(
        value, dump_sink, j, flags | j->dump_flags | JSON_ENCODE_ANY) != 0) {
    j->failed = true;
  }
  return !j->failed;
}

/// A character RFC 3986 allows in a scheme after the first.
static bool
scheme_char(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-';
}

/// The prefix whose namespace starts `iri`, the longest, among those not
/// undefined: its index, or SIZE_MAX (`iri` is then written whole).
static size_t
best_prefix(const JsonLd *j, const char *iri, const bool *undone)
{
  size_t best = SIZE_MAX;
  size_t best_len = 0;
  for (size_t i = 0; i < j->n_prefixes; ++i) {
    const OutPrefix *p = &j->prefixes[i];
    if (!undone[i] && p->ns_len > best_len && !strncmp(iri, p->ns, p->ns_len) &&
        strncmp(iri + p->ns_len, "//", 2) != 0) {
      best = i;
      best_len = p->ns_len;
    }
  }
  return best;
}

/// Undefine the prefix named like the scheme of `iri`, if `iri` is
/// written whole and such a prefix is in force.  Returns whether it did.
static bool
undo_clash(const JsonLd *j, const char *iri, bool *undone)
{
  if (best_prefix(j, iri, undone) != SIZE_MAX) {
    return false;
  }
  size_t scheme = 0;
  while (scheme_char(iri[scheme])) {
    ++scheme;
  }
  if (!scheme || iri[scheme] != ':') {
    return false;
  }
  for (size_t i = 0; i < j->n_prefixes; ++i) {
    if (!undone[i] && strlen(j->prefixes[i].name) == scheme &&
        !strncmp(j->prefixes[i].name, iri, scheme)) {
      undone[i] = true;
      return true;
    }
  }
  return false;
}

/// `iri` as a compact IRI ("schema:name") when a prefix in force covers
/// it, else whole.
static json_t *
compact_iri(const JsonLd *j, const char *iri, const bool *undone)
{
  const size_t best = best_prefix(j, iri, undone);
  if (best == SIZE_MAX) {
    return json_string(iri);
  }
  const OutPrefix *p = &j->prefixes[best];
  return json_sprintf("%s:%s", p->name, iri + p->ns_len);
}

/// A context that undefines each prefix set in `undone` and not in
/// `inherited`, or NULL when there is none (or no memory: `*oom`).
static json_t *
undoing_context(const JsonLd *j,
                const bool *undone,
                const bool *inherited,
                bool *oom)
{
  json_t *context = NULL;
  for (size_t i = 0; i < j->n_prefixes; ++i) {
    if (undone[i] && !(inherited && inherited[i])) {
      context = context ? context : json_object();
      if (!context ||
          json_object_set_new(context, j->prefixes[i].name, json_null())) {
        json_decref(context);
        *oom = true;
        return NULL;
      }
    }
  }
  return context;
}

static const char *
said_text(const JsonLd *j, size_t offset)
{
  return offset == SIZE_MAX ? NULL : j->text.buf + offset;
}

static bool
is_type(const JsonLd *j, const Said *s)
{
  return s->type == NODE_IRI && !strcmp(said_text(j, s->predicate), RDF_TYPE);
}

/// The datatype a literal is written with, or NULL (a plain string or a
/// language-tagged one).
static const char *
shown_datatype(const JsonLd *j, const Said *s)
{
  const char *datatype = said_text(j, s->datatype);
  return s->type == NODE_LITERAL && !said_text(j, s->lang) && datatype &&
             strcmp(datatype, XSD_STRING) != 0
           ? datatype
           : NULL;
}

/// Undefine, in the node object, every prefix named like the scheme of an
/// IRI it writes whole; undefining one can leave another IRI whole, so
/// until nothing changes.
static void
undo_node_clashes(JsonLd *j)
{
  memcpy(j->node_undone, j->graph_undone, j->n_prefixes * sizeof(bool));
  bool changed = true;
  while (changed) {
    changed = undo_clash(j, j->text.buf, j->node_undone);
    for (size_t k = 0; k < j->n_said; ++k) {
      const Said *s = &j->said[k];
      if (!is_type(j, s)) {
        changed |= undo_clash(j, said_text(j, s->predicate), j->node_undone);
      }
      if (s->type == NODE_IRI) {
        changed |= undo_clash(j, said_text(j, s->value), j->node_undone);
      }
      const char *datatype = shown_datatype(j, s);
      if (datatype) {
        changed |= undo_clash(j, datatype, j->node_undone);
      }
    }
  }
}

/// The JSON-LD value of a statement's object.
static json_t *
object_value(const JsonLd *j, const Said *s)
{
  const char *value = said_text(j, s->value);
  if (s->type == NODE_IRI) {
    json_t *id = compact_iri(j, value, j->node_undone);
    return id ? json_pack("{s:o}", "@id", id) : NULL;
  }
  json_t *text = json_string(value);
  if (!text) {
    return NULL;
  }
  const char *lang = said_text(j, s->lang);
  if (lang) {
    return json_pack("{s:o,s:s}", "@value", text, "@language", lang);
  }
  const char *datatype = shown_datatype(j, s);
  if (datatype) {
    json_t *type = compact_iri(j, datatype, j->node_undone);
    return type ? json_pack("{s:o,s:o}", "@value", text, "@type", type) : NULL;
  }
  return text;
}

/// Add `value` (a new reference, taken) under `key` of the node object:
/// the first value alone, further ones in an array.
static bool
add_value(json_t *node, const char *key, json_t *value)
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
  if (!list || json_array_append(list, had)) {
    json_decref(list);
    json_decref(value);
    return false;
  }
  // The _new calls take the reference even when they fail.
  if (json_array_append_new(list, value)) {
    json_decref(list);
    return false;
  }
  return json_object_set_new(node, key, list) == 0;
}

/// The node object of the statements gathered.
static json_t *
node_object(JsonLd *j)
{
  undo_node_clashes(j);
  bool oom = false;
  json_t *context = undoing_context(j, j->node_undone, j->graph_undone, &oom);
  json_t *node = json_object();
  bool ok = node && !oom &&
            (!context || !json_object_set_new(node, "@context", context));
  if (!ok) {
    json_decref(node);
    json_decref(node ? NULL : context); // set_new took it, even failing
    return NULL;
  }
  json_t *id = compact_iri(j, j->text.buf, j->node_undone);
  ok = id && !json_object_set_new(node, "@id", id);
  for (size_t k = 0; ok && k < j->n_said; ++k) {
    const Said *s = &j->said[k];
    if (is_type(j, s)) {
      ok = add_value(
        node, "@type", compact_iri(j, said_text(j, s->value), j->node_undone));
      continue;
    }
    json_t *key = compact_iri(j, said_text(j, s->predicate), j->node_undone);
    ok = key && add_value(node, json_string_value(key), object_value(j, s));
    json_decref(key);
  }
  if (!ok) {
    json_decref(node);
    return NULL;
  }
  return node;
}

/// Write the node object gathered: into the named graph's object, or
/// into the document's @graph (the default graph).
static EntStatus
flush_node(JsonLd *j)
{
  if (!j->has_node) {
    return ENT_SUCCESS;
  }
  j->has_node = false;
  json_t *node = node_object(j);
  if (!node) {
    return ENT_ERR_NO_MEMORY;
  }
  size_t *count = j->named ? &j->n_inner : &j->n_top;
  const bool ok = put_text(j, *count ? ",\n" : "\n") &&
                  put_text(j, j->named ? "      " : "    ") &&
                  put_json(j, node, JSON_COMPACT | JSON_PRESERVE_ORDER);
  ++*count;
  json_decref(node);
  return ok ? ENT_SUCCESS : ENT_ERR_IO;
}

static EntStatus
end_graph(JsonLd *j)
{
  EntStatus st = flush_node(j);
  if (!st && j->in_graph && j->named &&
      !put_text(j, j->n_inner ? "\n    ]}" : "]}")) {
    st = ENT_ERR_IO;
  }
  j->in_graph = false;
  j->named = false;
  memset(j->graph_undone, 0, j->n_prefixes * sizeof(bool));
  return st;
}

/// Open the object of named graph `graph`, or (NULL) the default graph's
/// run of node objects.
static EntStatus
begin_graph(JsonLd *j, const char *graph)
{
  j->in_graph = true;
  j->named = graph != NULL;
  j->n_inner = 0;
  if (!graph) {
    return ENT_SUCCESS;
  }
  ent_buf_reset(&j->graph);
  EntStatus st = ent_buf_append(&j->graph, graph, strlen(graph));
  if (st) {
    return st;
  }
  bool undid = true;
  while (undid) { // undefining one prefix may leave the IRI whole for another
    undid = undo_clash(j, graph, j->graph_undone);
  }
  bool oom = false;
  json_t *context = undoing_context(j, j->graph_undone, NULL, &oom);
  json_t *id = compact_iri(j, graph, j->graph_undone);
  bool ok =
    !oom && id && put_text(j, j->n_top ? ",\n" : "\n") && put_text(j, "    {");
  if (ok && context) {
    ok = put_text(j, "\"@context\": ") && put_json(j, context, JSON_COMPACT) &&
         put_text(j, ", ");
  }
  ok = ok && put_text(j, "\"@id\": ") && put_json(j, id, 0) &&
       put_text(j, ", \"@graph\": [");
  json_decref(context);
  json_decref(id);
  ++j->n_top;
  return oom || !id ? ENT_ERR_NO_MEMORY : ok ? ENT_SUCCESS : ENT_ERR_IO;
}

/// Copy `s` (NULL: none) into the node's text; its offset, or SIZE_MAX.
static EntStatus
keep(JsonLd *j, const char *s, size_t *offset)
{
  *offset = SIZE_MAX;
  if (!s) {
    return ENT_SUCCESS;
  }
  const size_t at = j->text.len;
  // With its NUL: the strings lie one after another.
  const EntStatus st = ent_buf_append(&j->text, s, strlen(s) + 1);
  if (!st) {
    *offset = at;
  }
  return st;
}

EntStatus
jsonld_put(void *handle, const Triple *t)
{
  JsonLd *j = handle;
  EntStatus st = ENT_SUCCESS;
  if (!j->in_graph || (t->graph != NULL) != j->named ||
      (t->graph && strcmp(t->graph, j->graph.buf) != 0)) {
    TRY(st, end_graph(j));
    TRY(st, begin_graph(j, t->graph));
  }
  if (j->has_node && strcmp(j->text.buf, t->subject.value) != 0) {
    TRY(st, flush_node(j));
  }
  if (!j->has_node) {
    ent_buf_reset(&j->text);
    j->n_said = 0;
    size_t subject = 0;
    TRY(st, keep(j, t->subject.value, &subject));
    j->has_node = true;
  }
  TRY(st, ent_grow(&j->said, &j->cap_said, j->n_said, sizeof(Said), 16));
  Said *s = &j->said[j->n_said];
  s->type = t->object.type;
  TRY(st, keep(j, t->predicate.value, &s->predicate));
  TRY(st, keep(j, t->object.value, &s->value));
  TRY(st, keep(j, t->object.datatype, &s->datatype));
  TRY(st,
      keep(j,
           t->object.lang && *t->object.lang ? t->object.lang : NULL,
           &s->lang));
  ++j->n_said;
  return j->failed ? ENT_ERR_IO : ENT_SUCCESS;
}

static EntStatus
add_prefix(void *handle, const char *prefix, const char *ns)
{
  JsonLd *j = handle;
  return out_prefix_add(&j->prefixes, &j->n_prefixes, prefix, ns);
}

/// A context's own namespaces are expanded through its prefixes: one whose
/// scheme is a prefix's name (a base "schema:x/" or "source:kg/") would
/// become another IRI, or a cycle.  Such prefixes are left out (until none
/// is left); the IRIs under them are written whole.
static void
drop_prefixes_read_as_compact(JsonLd *j)
{
  for (;;) {
    size_t victim = SIZE_MAX;
    for (size_t i = 0; i < j->n_prefixes && victim == SIZE_MAX; ++i) {
      const char *ns = j->prefixes[i].ns;
      size_t scheme = 0;
      while (scheme_char(ns[scheme])) {
        ++scheme;
      }
      for (size_t k = 0; scheme && ns[scheme] == ':' && k < j->n_prefixes;
           ++k) {
        if (strlen(j->prefixes[k].name) == scheme &&
            !strncmp(j->prefixes[k].name, ns, scheme)) {
          victim = i;
          break;
        }
      }
    }
    if (victim == SIZE_MAX) {
      return;
    }
    free(j->prefixes[victim].name);
    free(j->prefixes[victim].ns);
    memmove(&j->prefixes[victim],
            &j->prefixes[victim + 1],
            (j->n_prefixes - victim - 1) * sizeof(OutPrefix));
    --j->n_prefixes;
  }
}

/// The @context of entente's JSON-LD: its prefixes.
static json_t *
document_context(const JsonLd *j)
{
  json_t *context = json_object();
  for (size_t i = 0; context && i < j->n_prefixes; ++i) {
    if (json_object_set_new(
          context, j->prefixes[i].name, json_string(j->prefixes[i].ns))) {
      json_decref(context);
      return NULL;
    }
  }
  return context;
}

EntStatus
jsonld_open(const EntGraph *graph, JsonLdSink sink, void *handle, JsonLd **out)
{
  *out = NULL;
  JsonLd *j = calloc(1, sizeof(JsonLd));
  if (!j) {
    return ENT_ERR_NO_MEMORY;
  }
  j->sink = sink;
  j->handle = handle;
  j->dump_flags = graph->world->ascii ? JSON_ENSURE_ASCII : 0;
  EntStatus st = ent_rdf_prefixes(graph, true, add_prefix, j);
  if (!st) {
    drop_prefixes_read_as_compact(j);
  }
  if (!st) {
    j->graph_undone = calloc(j->n_prefixes + 1, sizeof(bool));
    j->node_undone = calloc(j->n_prefixes + 1, sizeof(bool));
    st = j->graph_undone && j->node_undone ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
  }
  json_t *context = st ? NULL : document_context(j);
  if (!st && !context) {
    st = ENT_ERR_NO_MEMORY;
  }
  // The context is embedded: the file reads offline, with no fetch.
  if (!st && !(put_text(j, "{\n  \"@context\": ") &&
               put_json(j, context, JSON_INDENT(2) | JSON_PRESERVE_ORDER) &&
               put_text(j, ",\n  \"@graph\": ["))) {
    st = ENT_ERR_IO;
  }
  json_decref(context);
  if (st) {
    jsonld_free(j);
    return st;
  }
  *out = j;
  return ENT_SUCCESS;
}

EntStatus
jsonld_finish(JsonLd *j)
{
  EntStatus st = end_graph(j);
  if (!st && !put_text(j, j->n_top ? "\n  ]\n}\n" : "]\n}\n")) {
    st = ENT_ERR_IO;
  }
  return st;
}

void
jsonld_free(JsonLd *j)
{
  if (!j) {
    return;
  }
  out_prefixes_free(j->prefixes, j->n_prefixes);
  free(j->graph_undone);
  free(j->node_undone);
  ent_buf_free(&j->graph);
  ent_buf_free(&j->text);
  free(j->said);
  free(j);
}
