// SPDX-License-Identifier: MIT
// Unit tests of the sort by graph (push of every graph): over the real
// corpus, whose articles' statements interleave with the registry's, each
// graph reads back line by line exactly as that graph's own N-Triples
// export.

#undef NDEBUG

#include "entente.h"
#include "export_rdf/emit.h"

#include <assert.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BASE "https://example.org/id/"

static void
quiet(void *handle,
      EntLogLevel level,
      EntStatus status,
      const EntCaret *caret,
      const char *message)
{
  (void)status;
  (void)caret;
  (void)message;
  unsigned long *errors = handle;
  *errors += level == ENT_LOG_ERROR;
}

/// Graph `id`'s statements as ent_export_rdf_source() writes them.
static char *
export_source(EntGraph *graph, const char *id, size_t *len)
{
  FILE *stream = tmpfile();
  assert(stream);
  size_t count = 0;
  assert(ent_export_rdf_source(
           graph, ENT_FORMAT_NTRIPLES, id, stream, &count) == ENT_SUCCESS);
  assert(fseek(stream, 0, SEEK_END) == 0);
  const long size = ftell(stream);
  assert(size >= 0);
  rewind(stream);
  char *text = malloc((size_t)size + 1);
  assert(text);
  assert(fread(text, 1, (size_t)size, stream) == (size_t)size);
  text[size] = '\0';
  assert(fclose(stream) == 0);
  *len = (size_t)size;
  return text;
}

/// Graph `g`'s statements, line after line, in one string.
static char *
read_graph(const EntByGraph *sorted, size_t g, size_t *len)
{
  EntGraphReader reader;
  ent_by_graph_reader(sorted, g, &reader);
  size_t cap = 4096;
  size_t n = 0;
  char *text = malloc(cap);
  assert(text);
  size_t line_len = 0;
  for (const char *line = ent_by_graph_line(&reader, &line_len); line;
       line = ent_by_graph_line(&reader, &line_len)) {
    if (n + line_len > cap) {
      cap = 2 * (n + line_len);
      text = realloc(text, cap);
      assert(text);
    }
    memcpy(text + n, line, line_len);
    n += line_len;
  }
  *len = n;
  return text;
}

/// Graph `g` read line by line: each a whole statement ending in '\n'.
static size_t
check_lines(const EntByGraph *sorted, size_t g, const char *want, size_t len)
{
  EntGraphReader reader;
  ent_by_graph_reader(sorted, g, &reader);
  size_t lines = 0;
  size_t at = 0;
  size_t n = 0;
  for (const char *line = ent_by_graph_line(&reader, &n); line;
       line = ent_by_graph_line(&reader, &n)) {
    assert(n > 0 && line[n - 1] == '\n');
    assert(!memchr(line, '\n', n - 1));
    assert(at + n <= len && !memcmp(want + at, line, n));
    at += n;
    ++lines;
  }
  assert(n == 0 && at == len);
  return lines;
}

static size_t
index_of(const char *const *iris, size_t n, const char *iri)
{
  for (size_t i = 0; i < n; ++i) {
    if (iris[i] && !strcmp(iris[i], iri)) {
      return i;
    }
  }
  fprintf(stderr, "test_by_graph: <%s> is not a named graph\n", iri);
  abort();
}

static void
check_graph(EntGraph *graph,
            const EntByGraph *sorted,
            const char *const *iris,
            const size_t *lines,
            size_t n,
            const char *id)
{
  const size_t g = index_of(iris, n, ent_graph_iri(graph, id));
  size_t want_len = 0;
  char *want = export_source(graph, id, &want_len);
  assert(want_len > 0);
  assert(check_lines(sorted, g, want, want_len) == lines[g]);
  free(want);
}

static void
test_corpus_graphs(const char *src)
{
  unsigned long errors = 0;
  EntWorld *world = NULL;
  EntOntology *ontology = NULL;
  EntGraph *graph = NULL;
  assert(ent_world_new(&world) == ENT_SUCCESS);
  ent_world_set_log(world, quiet, &errors);
  assert(ent_ontology_load(world, NULL, &ontology) == ENT_SUCCESS);
  assert(ent_graph_new(world, ontology, BASE, &graph) == ENT_SUCCESS);
  char dir[4096];
  snprintf(dir, sizeof(dir), "%s/data", src);
  assert(ent_graph_load_corpus(graph, dir) == ENT_SUCCESS);
  char pattern[4200];
  snprintf(pattern, sizeof(pattern), "%s/articles/*.xml", dir);
  glob_t articles;
  assert(glob(pattern, 0, NULL, &articles) == 0 && articles.gl_pathc >= 2);
  assert(ent_load_datasets(graph,
                           (const char *const *)articles.gl_pathv,
                           articles.gl_pathc) == ENT_SUCCESS);
  globfree(&articles);
  assert(errors == 0);

  const char **iris = NULL;
  size_t n = 0;
  assert(ent_graph_named_graphs(graph, &iris, &n) == ENT_SUCCESS);
  assert(n >= 3); // articles, the corpus graph, the default graph
  size_t *lines = calloc(n, sizeof(size_t));
  size_t *counted = calloc(n, sizeof(size_t));
  assert(lines && counted);
  EntByGraph *sorted = NULL;
  assert(ent_by_graph_sort(graph, n, iris, lines, &sorted) == ENT_SUCCESS);
  assert(sorted);

  const size_t sources = ent_graph_source_count(graph);
  assert(sources >= 2);
  for (size_t i = 0; i < sources; ++i) {
    check_graph(graph, sorted, iris, lines, n, ent_graph_source_id(graph, i));
  }
  check_graph(graph, sorted, iris, lines, n, ent_graph_corpus_id(graph));

  // The walk wrote the graphs' statements interleaved: the sort did sort.
  size_t total = 0;
  size_t whole_len = 0;
  const char *whole = ent_by_graph_text(sorted, &whole_len);
  char *in_order = malloc(whole_len);
  assert(whole && in_order);
  for (size_t g = 0; g < n; ++g) {
    size_t len = 0;
    char *text = read_graph(sorted, g, &len);
    assert(total + len <= whole_len);
    memcpy(in_order + total, text, len);
    total += len;
    free(text);
  }
  assert(total == whole_len && memcmp(in_order, whole, total) != 0);
  free(in_order);

  // Counting only gives the same counts, and keeps nothing.
  assert(ent_by_graph_sort(graph, n, iris, counted, NULL) == ENT_SUCCESS);
  assert(!memcmp(lines, counted, n * sizeof(size_t)));

  // A graph with no statements reads as nothing.
  const char *none[] = { "https://example.org/no-such-graph" };
  size_t zero = 1;
  EntByGraph *empty = NULL;
  assert(ent_by_graph_sort(graph, 1, none, &zero, &empty) == ENT_SUCCESS);
  assert(zero == 0);
  size_t len = 1;
  assert(!ent_by_graph_text(empty, &len) && len == 0);
  char *nothing = read_graph(empty, 0, &len);
  assert(len == 0);
  free(nothing);
  EntGraphReader reader;
  ent_by_graph_reader(empty, 0, &reader);
  assert(!ent_by_graph_line(&reader, &len) && len == 0);
  ent_by_graph_free(empty);

  ent_by_graph_free(sorted);
  ent_by_graph_free(NULL);
  free(lines);
  free(counted);
  free(iris);
  ent_graph_free(graph);
  ent_ontology_free(ontology);
  ent_world_free(world);
}

int
main(void)
{
  const char *src = getenv("ENTENTE_SRC");
  if (!src) {
    fprintf(stderr, "test_by_graph: ENTENTE_SRC is not set\n");
    return 1;
  }
  test_corpus_graphs(src);
  printf("test_by_graph: ok\n");
  return 0;
}
