// SPDX-License-Identifier: MIT
// Round-trip oracles shared by the fuzz targets: export a graph into
// memory, read every RDF syntax back with raptor2's own parsers (a separate
// raptor world, errors counted in a log handler since raptor returns 0 after
// logged errors) and the DOT back with cgraph.  Any disagreement abort()s
// with a message, which libFuzzer records as a crash with its input.
#ifndef ENT_FUZZ_ORACLE_H
#define ENT_FUZZ_ORACLE_H

#include <entente.h>

#include "../dot_label.h"
#include "export_dot/lgraph.h"
#include "model/model.h"

#include <graphviz/cgraph.h>
#include <jansson.h>
#include <libxml/parser.h>
#include <raptor2.h>

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utf8proc.h>

/// What a parser read back.
typedef struct {
  size_t count;            ///< Statements delivered
  unsigned long errors;    ///< Warnings and errors logged
  const char *first_error; ///< Text of the first one (static copy)
  char **literals;         ///< Lexical forms of literal objects (if kept)
  size_t n_literals;
  bool keep_literals;
} Reread;

static raptor_world *oracle_raptor;
static char oracle_error[512];
/// Messages from entente's schema validator ("schema: ...") so far.
static unsigned long oracle_schema_errors;

static inline void
oracle_fail(const char *what, const char *detail)
{
  fprintf(
    stderr, "ORACLE: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
  abort();
}

static inline void
oracle_quiet(void *handle,
             EntLogLevel level,
             EntStatus status,
             const EntCaret *caret,
             const char *message)
{
  (void)handle;
  (void)level;
  (void)status;
  (void)caret;
  if (!strncmp(message, "schema: ", 8)) {
    ++oracle_schema_errors;
  }
  if (getenv("FUZZ_VERBOSE")) {
    fprintf(stderr, "entente: %s\n", message);
  }
}

/// One entente world and the built-in ontology for the whole run, and a
/// separate raptor world for reading back.
static inline void
oracle_init(EntWorld **world, EntOntology **ontology)
{
  if (ent_world_new(world) || ent_ontology_load(*world, NULL, ontology)) {
    oracle_fail("cannot set up entente", NULL);
  }
  ent_world_set_log(*world, oracle_quiet, NULL);
  oracle_raptor = raptor_new_world();
  if (!oracle_raptor) {
    oracle_fail("cannot make a raptor world", NULL);
  }
  raptor_world_set_flag(
    oracle_raptor, RAPTOR_WORLD_FLAG_LIBXML_GENERIC_ERROR_SAVE, 0);
  raptor_world_set_flag(
    oracle_raptor, RAPTOR_WORLD_FLAG_LIBXML_STRUCTURED_ERROR_SAVE, 0);
  if (raptor_world_open(oracle_raptor)) {
    oracle_fail("cannot open the raptor world", NULL);
  }
  agseterr(AGMAX); // cgraph's messages: agmemread's result says enough
}

static inline void
on_reread_statement(void *handle, raptor_statement *s)
{
  Reread *r = handle;
  ++r->count;
  if (r->keep_literals && s->object->type == RAPTOR_TERM_TYPE_LITERAL) {
    char **grown =
      realloc(r->literals, (r->n_literals + 1) * sizeof(*r->literals));
    if (!grown) {
      oracle_fail("out of memory", NULL);
    }
    r->literals = grown;
    const raptor_term_literal_value *lit = &s->object->value.literal;
    char *copy = malloc(lit->string_len + 1U);
    if (!copy) {
      oracle_fail("out of memory", NULL);
    }
    memcpy(copy, lit->string, lit->string_len);
    copy[lit->string_len] = '\0';
    r->literals[r->n_literals++] = copy;
  }
}

static inline void
on_reread_log(void *handle, raptor_log_message *message)
{
  Reread *r = handle;
  if (message->level >= RAPTOR_LOG_LEVEL_WARN) {
    if (!r->errors++) {
      snprintf(oracle_error,
               sizeof(oracle_error),
               "line %d: %s",
               message->locator ? message->locator->line : -1,
               message->text ? message->text : "?");
      r->first_error = oracle_error;
    }
  }
}

static inline void
reread_clear(Reread *r)
{
  for (size_t i = 0; i < r->n_literals; ++i) {
    free(r->literals[i]);
  }
  free((void *)r->literals);
  memset(r, 0, sizeof(*r));
}

/// Parse `len` bytes of `syntax` (a raptor parser name) into `r`.
static inline void
reread(const char *syntax, const char *buf, size_t len, Reread *r)
{
  raptor_parser *parser = raptor_new_parser(oracle_raptor, syntax);
  raptor_uri *base = raptor_new_uri(
    oracle_raptor, (const unsigned char *)"https://example.org/base");
  if (!parser || !base) {
    oracle_fail("cannot make a raptor parser", syntax);
  }
  raptor_parser_set_option(parser, RAPTOR_OPTION_NO_NET, NULL, 1);
  raptor_parser_set_option(parser, RAPTOR_OPTION_NO_FILE, NULL, 1);
  raptor_parser_set_statement_handler(parser, r, on_reread_statement);
  raptor_world_set_log_handler(oracle_raptor, r, on_reread_log);
  if (raptor_parser_parse_start(parser, base) ||
      raptor_parser_parse_chunk(parser, (const unsigned char *)buf, len, 1)) {
    ++r->errors;
    if (!r->first_error) {
      r->first_error = "the parser returned an error";
    }
  }
  raptor_world_set_log_handler(oracle_raptor, NULL, NULL);
  raptor_free_parser(parser);
  raptor_free_uri(base);
}

/// raptor's parser of each format (JSON-LD: none; jansson reads it).
static const char *const oracle_parsers[ENT_FORMAT_COUNT_] = {
  [ENT_FORMAT_TURTLE] = "turtle", [ENT_FORMAT_NTRIPLES] = "ntriples",
  [ENT_FORMAT_NQUADS] = "nquads", [ENT_FORMAT_RDFXML] = "rdfxml",
  [ENT_FORMAT_RDFJSON] = "json",  [ENT_FORMAT_TRIG] = "trig",
};

/// Export `graph` in every RDF format; each must write the statement count
/// (N-Quads: at least that, a fact once per source) and read back with
/// raptor with no error and as many statements as were written.
/// N-Triples must also hold one statement per line, no NUL, valid UTF-8 by
/// raptor's reading, and every string of `texts` as a literal, exactly.
static inline void
oracle_check_rdf(EntGraph *graph,
                 const char *const *texts,
                 size_t n_texts,
                 bool strict_export)
{
  size_t expected = 0;
  if (ent_graph_statement_count(graph, &expected)) {
    if (strict_export) {
      oracle_fail("counting statements failed after the graph was built", NULL);
    }
    return;
  }
  for (int f = 0; f < ENT_FORMAT_COUNT_; ++f) {
    char *buf = NULL;
    size_t len = 0;
    FILE *stream = open_memstream(&buf, &len);
    if (!stream) {
      oracle_fail("open_memstream failed", NULL);
    }
    size_t written = 0;
    const EntStatus st = ent_export_rdf(graph, (EntFormat)f, stream, &written);
    if (fclose(stream)) {
      oracle_fail("fclose of the memory stream failed", NULL);
    }
    char detail[256];
    if (st) {
      snprintf(detail,
               sizeof(detail),
               "%s: %s",
               ent_format_name((EntFormat)f),
               ent_strerror(st));
      free(buf);
      if (strict_export) {
        oracle_fail("export refused a graph that was built without error",
                    detail);
      }
      continue;
    }
    // N-Quads keeps a fact once per source it comes from; the triple
    // formats (and the count) once.
    const bool quads =
      f == ENT_FORMAT_NQUADS || f == ENT_FORMAT_TRIG || f == ENT_FORMAT_JSONLD;
    if (quads ? written < expected : written != expected) {
      snprintf(detail,
               sizeof(detail),
               "%s wrote %zu, the graph has %zu",
               ent_format_name((EntFormat)f),
               written,
               expected);
      oracle_fail("statement count", detail);
    }
    if (f == ENT_FORMAT_JSONLD) {
      json_error_t error;
      json_t *doc = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &error);
      if (!doc) {
        snprintf(detail,
                 sizeof(detail),
                 "jsonld: line %d: %s",
                 error.line,
                 error.text);
        oracle_fail("the JSON-LD is not JSON", detail);
      }
      json_decref(doc);
    }
    if (!oracle_parsers[f] ||
        !raptor_world_is_parser_name(oracle_raptor, oracle_parsers[f])) {
      free(buf);
      continue;
    }
    Reread r;
    memset(&r, 0, sizeof(r));
    r.keep_literals = f == ENT_FORMAT_NTRIPLES;
    reread(oracle_parsers[f], buf, len, &r);
    if (r.errors) {
      snprintf(detail,
               sizeof(detail),
               "%s: %s",
               ent_format_name((EntFormat)f),
               r.first_error);
      if (getenv("FUZZ_VERBOSE")) {
        fwrite(buf, 1, len, stderr);
      }
      oracle_fail("raptor cannot read back the output", detail);
    }
    if (r.count != written) {
      snprintf(detail,
               sizeof(detail),
               "%s: read back %zu statements, wrote %zu",
               ent_format_name((EntFormat)f),
               r.count,
               written);
      if (getenv("FUZZ_VERBOSE")) {
        fwrite(buf, 1, len, stderr);
      }
      oracle_fail("statements lost or invented", detail);
    }
    if (f == ENT_FORMAT_NTRIPLES) {
      size_t lines = 0;
      for (size_t i = 0; i < len; ++i) {
        lines += buf[i] == '\n' ? 1U : 0U;
      }
      if (memchr(buf, '\0', len)) {
        oracle_fail("a NUL byte in the N-Triples output", NULL);
      }
      if (lines != expected) {
        snprintf(
          detail, sizeof(detail), "%zu lines, %zu statements", lines, expected);
        oracle_fail("N-Triples is not one statement per line", detail);
      }
      for (size_t t = 0; t < n_texts; ++t) {
        bool found = false;
        for (size_t k = 0; k < r.n_literals && !found; ++k) {
          found = !strcmp(r.literals[k], texts[t]);
        }
        if (!found) {
          oracle_fail("an accepted text did not come back exactly", texts[t]);
        }
      }
    }
    reread_clear(&r);
    free(buf);
  }
}

/// A node name the diagram code makes itself (never user text).
static inline bool
oracle_generated_name(const char *name)
{
  static const char *const prefixes[] = {
    "n", "legend_", "legend_from_", "legend_to_", "date_", "window_end_"
  };
  if (!strcmp(name, "more") || !strcmp(name, "legend_relations") ||
      !strcmp(name, "legend_title")) {
    return true;
  }
  for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); ++i) {
    const size_t n = strlen(prefixes[i]);
    if (!strncmp(name, prefixes[i], n) && name[n]) {
      const char *p = name + n;
      while (*p >= '0' && *p <= '9') {
        ++p;
      }
      if (!*p) {
        return true;
      }
    }
  }
  return false;
}

static inline int
oracle_compare_strings(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/// `text` as a drawn label shows it, appended to `out` (room for twice
/// `text` and 8 bytes): the drawing's documented cap, restated here
/// (docs/security.md, "Labels are capped"): a line keeps its first 200
/// characters and then "…"; past 60 lines, the 60th is followed by a line "…".
static inline void
oracle_capped(const char *text, char *out)
{
  char *o = out + strlen(out);
  size_t chars = 0;
  size_t lines = 1;
  for (const char *p = text; *p; ++p) {
    const bool continuation = ((unsigned char)*p & 0xC0) == 0x80;
    if (*p == '\n') {
      if (++lines > 60) {
        strcpy(o, "\n\xE2\x80\xA6");
        return;
      }
      chars = 0;
    } else if (!continuation && ++chars > 200) {
      o += strlen(strcpy(o, "\xE2\x80\xA6"));
      while (p[1] && p[1] != '\n') {
        ++p;
      }
      continue;
    }
    *o++ = *p;
    *o = '\0';
  }
}

/// `facets` ("a · b · c") as a node shows them, into `out` (room for
/// `facets`): a facet that would take its line past 50 characters starts
/// a line of its own (docs/diagrams.md, "Readable by design"), restated here.
static inline void
oracle_wrapped_facets(const char *facets, char *out)
{
  static const char sep[] = " \xC2\xB7 ";
  const size_t sep_len = sizeof(sep) - 1;
  size_t line = 0;
  *out = '\0';
  for (const char *p = facets;;) {
    const char *end = strstr(p, sep);
    const size_t len = end ? (size_t)(end - p) : strlen(p);
    size_t chars = 0;
    for (size_t i = 0; i < len; ++i) {
      chars += ((unsigned char)p[i] & 0xC0) != 0x80;
    }
    if (p != facets && line && line + 3 + chars > 50) {
      strcat(out, "\n");
      line = 0;
    } else if (p != facets) {
      strcat(out, sep);
      line += 3;
    }
    strncat(out, p, len);
    line += chars;
    if (!end) {
      break;
    }
    p = end + sep_len;
  }
}

/// Every entity node read back from the DOT carries, once its escaping is
/// undone, exactly the label (and facet line) of a distinct node of the
/// labelled graph it was drawn from, as the label cap shows it: nothing
/// else mangled, cut or merged.
static inline void
oracle_check_labels(EntGraph *graph, Agraph_t *g)
{
  LGraph lg;
  lgraph_init(&lg, graph->world, graph->ontology, NULL);
  if (ent_emit(graph, false, lgraph_add_triple, &lg) || lgraph_finish(&lg)) {
    oracle_fail("cannot rebuild the labelled graph", NULL);
  }
  char **want = calloc(lg.n_nodes + 1, sizeof(char *));
  bool *used = calloc(lg.n_nodes + 1, sizeof(bool));
  if (!want || !used) {
    oracle_fail("out of memory", NULL);
  }
  size_t n_want = 0;
  for (size_t i = 0; i < lg.n_nodes; ++i) {
    const LNode *n = &lg.nodes[i];
    if (!n->label) {
      continue;
    }
    const size_t len =
      2 * (strlen(n->label) + (n->facets ? strlen(n->facets) : 0)) + 32;
    char *text = calloc(len, 1);
    if (!text) {
      oracle_fail("out of memory", NULL);
    }
    // The name wrapped as drawn (lgraph_wrap_name(), whose rules
    // test_diagrams.sh and test_diagram.c check): what this oracle checks
    // is that no escaping mangles it on its way through DOT.
    EntBuf wrapped_name = { NULL, 0, 0 };
    bool cut = false;
    if (lgraph_wrap_name(&wrapped_name, n->label, &cut)) {
      oracle_fail("out of memory", NULL);
    }
    char *name = wrapped_name.buf ? wrapped_name.buf : calloc(1, 1);
    if (!name) {
      oracle_fail("out of memory", NULL);
    }
    oracle_capped(name, text);
    free(name);
    if (n->facets) {
      char *wrapped = malloc(strlen(n->facets) + 1);
      if (!wrapped) {
        oracle_fail("out of memory", NULL);
      }
      oracle_wrapped_facets(n->facets, wrapped);
      strcat(text, "\n");
      oracle_capped(wrapped, text);
      free(wrapped);
    }
    want[n_want++] = text;
  }
  qsort(want, n_want, sizeof(char *), oracle_compare_strings);
  for (Agnode_t *v = agfstnode(g); v; v = agnxtnode(g, v)) {
    const char *name = agnameof(v);
    if (name[0] != 'n' || !name[1] ||
        strspn(name + 1, "0123456789") != strlen(name + 1)) {
      continue; // the legend, dates of the timeline, "more"
    }
    const char *raw = agget(v, (char *)(uintptr_t) "label");
    char *got = dot_label_unescape(raw ? raw : "");
    if (!got) {
      oracle_fail("out of memory", NULL);
    }
    size_t lo = 0;
    size_t hi = n_want;
    while (lo < hi) { // the first label >= got
      const size_t mid = lo + (hi - lo) / 2;
      if (strcmp(want[mid], got) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    while (lo < n_want && used[lo] && !strcmp(want[lo], got)) {
      ++lo;
    }
    if (lo == n_want || strcmp(want[lo], got) != 0) {
      oracle_fail("a DOT node label does not come back as drawn", got);
    }
    used[lo] = true;
    free(got);
  }
  for (size_t i = 0; i < n_want; ++i) {
    free(want[i]);
  }
  free(want);
  free(used);
  lgraph_clear(&lg);
}

/// The DOT, read back with cgraph, with only node names the drawing makes
/// itself (no DOT injection); close it with agclose().
static inline Agraph_t *
oracle_read_dot(char *dot)
{
  Agraph_t *g = agmemread(dot);
  if (!g) {
    oracle_fail("cgraph cannot read the DOT back", dot);
  }
  for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
    if (!oracle_generated_name(agnameof(n))) {
      oracle_fail("a node named by user text (DOT injection)", agnameof(n));
    }
  }
  return g;
}

/// The GraphML must be well-formed XML.
static inline void
oracle_check_graphml(const char *graphml, size_t len)
{
  xmlDocPtr doc =
    xmlReadMemory(graphml, (int)len, "diagram.graphml", NULL, XML_PARSE_NONET);
  if (!doc) {
    oracle_fail("the GraphML is not well-formed", NULL);
  }
  xmlFreeDoc(doc);
}

/// A target's scratch directory and the paths of its input files in it.
enum { ORACLE_MAX_FILES = 8 };
typedef struct {
  char directory[4000];
  char path[ORACLE_MAX_FILES][4096];
  size_t n;
} OracleScratch;

/// Make `scratch`'s directory under $TMPDIR (entente-fuzz-TARGET-XXXXXX)
/// with room for the `n` files named `files`.
static inline void
oracle_scratch_make(OracleScratch *scratch,
                    const char *target,
                    const char *const *files,
                    size_t n)
{
  const char *tmp = getenv("TMPDIR");
  snprintf(scratch->directory,
           sizeof(scratch->directory),
           "%s/entente-fuzz-%s-XXXXXX",
           tmp ? tmp : "/tmp",
           target);
  if (n > ORACLE_MAX_FILES || !mkdtemp(scratch->directory)) {
    oracle_fail("cannot make the scratch directory", scratch->directory);
  }
  for (size_t i = 0; i < n; ++i) {
    snprintf(scratch->path[i],
             sizeof(scratch->path[i]),
             "%s/%s",
             scratch->directory,
             files[i]);
  }
  scratch->n = n;
}

/// Remove the scratch directory: called when a run ends normally (not
/// after a crash, when its input may help).
static inline void
oracle_scratch_remove(OracleScratch *scratch)
{
  for (size_t i = 0; i < scratch->n; ++i) {
    unlink(scratch->path[i]);
  }
  rmdir(scratch->directory);
}

/// Write `size` bytes of `data` to the file at `path`.
static inline void
oracle_write_file(const char *path, const uint8_t *data, size_t size)
{
  FILE *file = fopen(path, "wbe");
  if (!file || fwrite(data, 1, size, file) != size || fclose(file)) {
    oracle_fail("cannot write the input file", path);
  }
}

/// Draw `graph` as DOT and GraphML: the DOT must read back with cgraph,
/// hold only generated node names and give back every label as drawn; the
/// GraphML must be well-formed XML. FUZZ_SKIP_DIAGRAMS=1 in the environment
/// skips this.
static inline void
oracle_check_diagrams(EntGraph *graph)
{
  if (getenv("FUZZ_SKIP_DIAGRAMS")) {
    return; // to get past a known diagram bug and fuzz the rest
  }
  for (int f = 0; f < 2; ++f) {
    const EntDiagramFormat format = f ? ENT_DIAGRAM_GRAPHML : ENT_DIAGRAM_DOT;
    char *buf = NULL;
    size_t len = 0;
    FILE *stream = open_memstream(&buf, &len);
    if (!stream) {
      oracle_fail("open_memstream failed", NULL);
    }
    const EntStatus st = ent_export_diagram(graph, format, NULL, stream);
    if (fclose(stream)) {
      oracle_fail("fclose of the memory stream failed", NULL);
    }
    if (st) {
      free(buf);
      continue;
    }
    if (format == ENT_DIAGRAM_DOT) {
      Agraph_t *g = oracle_read_dot(buf);
      oracle_check_labels(graph, g);
      agclose(g);
    } else {
      oracle_check_graphml(buf, len);
    }
    free(buf);
  }
}

#endif // ENT_FUZZ_ORACLE_H
