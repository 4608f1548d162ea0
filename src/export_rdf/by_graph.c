// SPDX-License-Identifier: MIT
// Statements sorted by graph, for a push of every graph (each graph sent
// in requests of its own).  The model emits an entity's statements together,
// whatever their graph, so one walk writes them all as N-Triples to a
// temporary file and notes the graph of each run of statements; the file
// is then read in place (mapped), and each graph's statements are the
// runs of that graph in the order written.
//
// Until 2026-12 each graph's lines were copied into its own part of a
// second file: at 10M statements that was 820 MB written again, scattered
// over 13,460 parts, and its writes grew 40-fold from 1M to 10M (new page
// cache pages, zeroed blocks).  The runs are read where they are.

#include "emit.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>

typedef struct {
  const char *iri;
  uint32_t index;
} GraphKey;

static int
by_iri(const void *a, const void *b)
{
  return strcmp(((const GraphKey *)a)->iri, ((const GraphKey *)b)->iri);
}

/// Consecutive statements of one graph, as the walk wrote them.
typedef struct {
  uint32_t graph;
  uint32_t lines;
} Run;

/// A run's bytes in the temporary file.
typedef struct {
  uint64_t offset;
  uint64_t bytes;
} Span;

struct EntByGraphImpl {
  FILE *file;      ///< The temporary file (owned)
  const char *map; ///< Its bytes, mapped (NULL when empty)
  size_t size;
  Span *spans;   ///< Every run, those of graph 0 first, each graph's in order
  size_t *first; ///< Graph g's runs: spans[first[g]] to spans[first[g + 1]]
};

/// Sorts each statement to its graph while its N-Triples are written.
typedef struct {
  const GraphKey *keys;
  size_t n_keys;
  size_t *lines; ///< Statements per graph
  Run *runs;     ///< The graph of each statement written, in runs
  size_t n_runs;
  size_t cap_runs;
  RdfWriter *writer;      ///< NULL: count only
  uint32_t default_graph; ///< Index of the default graph, or UINT32_MAX
} Sorter;

static EntStatus
sort_one(void *handle, const Triple *t)
{
  Sorter *s = handle;
  uint32_t g = s->default_graph;
  if (t->graph) {
    const GraphKey key = { t->graph, 0 };
    const GraphKey *found =
      bsearch(&key, s->keys, s->n_keys, sizeof(key), by_iri);
    g = found ? found->index : UINT32_MAX;
  }
  if (g == UINT32_MAX) {
    return ENT_SUCCESS; // a graph not asked for
  }
  ++s->lines[g];
  if (!s->writer) {
    return ENT_SUCCESS;
  }
  Run *last = s->runs && s->n_runs ? &s->runs[s->n_runs - 1] : NULL;
  if (last && last->graph == g && last->lines < UINT32_MAX) {
    ++last->lines;
  } else {
    if (ent_grow(&s->runs, &s->cap_runs, s->n_runs, sizeof(Run), 4096)) {
      return ENT_ERR_NO_MEMORY;
    }
    s->runs[s->n_runs++] = (Run){ g, 1 };
  }
  return rdf_writer_put(s->writer, t);
}

static EntStatus
read_back_failed(EntGraph *graph, EntStatus st, const char *what)
{
  // Said with the directory: a file system that cannot map files (some
  // network or FUSE mounts) is fixed by pointing TMPDIR elsewhere.
  const int err = errno;
  ent_log(graph->world,
          ENT_LOG_ERROR,
          st,
          NULL,
          "the statements written to a temporary file in %s %s%s%s%s",
          ent_temp_dir(),
          what,
          st == ENT_ERR_IO ? ": " : "",
          st == ENT_ERR_IO ? strerror(err) : "",
          st == ENT_ERR_IO ? "; set TMPDIR to a directory on a local disk "
                             "with room for them"
                           : "");
  return st;
}

/// Map the temporary file of `sorted`, which the walk has written.
static EntStatus
map_file(EntGraph *graph, EntByGraph *sorted)
{
  struct stat info;
  if (fflush(sorted->file) || fstat(fileno(sorted->file), &info)) {
    return read_back_failed(graph, ENT_ERR_IO, "cannot be read back");
  }
  if ((uintmax_t)info.st_size > SIZE_MAX) {
    errno = EFBIG;
    return read_back_failed(graph, ENT_ERR_IO, "cannot be read back");
  }
  sorted->size = (size_t)info.st_size;
  if (!sorted->size) {
    return ENT_SUCCESS;
  }
  void *map =
    mmap(NULL, sorted->size, PROT_READ, MAP_SHARED, fileno(sorted->file), 0);
  if (map == MAP_FAILED) {
    return read_back_failed(graph, ENT_ERR_IO, "cannot be read back");
  }
  sorted->map = map;
  return ENT_SUCCESS;
}

/// Find each run's bytes in the mapped file, and place the runs by graph
/// (a counting sort: each graph's runs keep the order they were written).
static EntStatus
place_runs(EntGraph *graph,
           EntByGraph *sorted,
           const Sorter *s,
           size_t n_graphs)
{
  sorted->first = calloc(n_graphs + 1, sizeof(size_t));
  size_t *next = calloc(n_graphs ? n_graphs : 1, sizeof(size_t));
  sorted->spans = malloc((s->n_runs ? s->n_runs : 1) * sizeof(Span));
  if (!sorted->first || !next || !sorted->spans) {
    free(next);
    return ENT_ERR_NO_MEMORY;
  }
  for (size_t r = 0; r < s->n_runs; ++r) {
    ++sorted->first[s->runs[r].graph + 1];
  }
  for (size_t g = 0; g < n_graphs; ++g) {
    sorted->first[g + 1] += sorted->first[g];
    next[g] = sorted->first[g];
  }
  const char *at = sorted->map;
  const char *const end = at ? at + sorted->size : NULL;
  EntStatus st = ENT_SUCCESS;
  for (size_t r = 0; !st && r < s->n_runs; ++r) {
    const char *start = at;
    for (uint32_t i = 0; i < s->runs[r].lines; ++i) {
      // One statement is one line: N-Triples escapes line breaks.
      const char *nl = at ? memchr(at, '\n', (size_t)(end - at)) : NULL;
      if (!nl) {
        st = ENT_ERR_INTERNAL; // fewer lines than statements
        break;
      }
      at = nl + 1;
    }
    sorted->spans[next[s->runs[r].graph]++] =
      (Span){ (uint64_t)(start - sorted->map), (uint64_t)(at - start) };
  }
  if (!st && at != end) {
    st = ENT_ERR_INTERNAL; // more lines than statements
  }
  free(next);
  return st ? read_back_failed(graph, st, "do not read back as written")
            : ENT_SUCCESS;
}

EntStatus
ent_by_graph_sort(EntGraph *graph,
                  size_t n_graphs,
                  const char *const *iris,
                  size_t *lines,
                  EntByGraph **out)
{
  if (out) {
    *out = NULL;
  }
  if (n_graphs >= UINT32_MAX) {
    return ENT_ERR_TOO_LARGE;
  }
  GraphKey *keys = malloc((n_graphs ? n_graphs : 1) * sizeof(GraphKey));
  EntByGraph *sorted = out ? calloc(1, sizeof(EntByGraph)) : NULL;
  if (!keys || (out && !sorted)) {
    free(keys);
    free(sorted);
    return ENT_ERR_NO_MEMORY;
  }
  size_t n_keys = 0;
  uint32_t default_graph = UINT32_MAX;
  for (size_t i = 0; i < n_graphs; ++i) {
    if (iris[i]) {
      keys[n_keys++] = (GraphKey){ iris[i], (uint32_t)i };
    } else {
      default_graph = (uint32_t)i;
    }
    lines[i] = 0;
  }
  if (n_keys > 1) {
    qsort(keys, n_keys, sizeof(GraphKey), by_iri);
  }
  Sorter sorter = { keys, n_keys, lines, NULL, 0, 0, NULL, default_graph };
  EntStatus st = ENT_SUCCESS;
  if (sorted) {
    sorted->file = ent_temp_file(graph->world);
    st = sorted->file ? ENT_SUCCESS : ENT_ERR_IO;
    if (!st) {
      st = rdf_writer_open(
        graph, ENT_FORMAT_NTRIPLES, NULL, sorted->file, &sorter.writer);
    }
  }
  if (!st) {
    // One walk of the graph: every graph's statements at once (without a
    // writer, only counted and checked).
    st = ent_emit(graph, true, sort_one, &sorter);
  }
  if (sorter.writer) {
    const EntStatus closed = rdf_writer_close(sorter.writer, !st);
    st = st ? st : closed;
  }
  if (!st && sorted) {
    st = map_file(graph, sorted);
  }
  if (!st && sorted) {
    st = place_runs(graph, sorted, &sorter, n_graphs);
  }
  free(sorter.runs);
  free(keys);
  if (st) {
    ent_by_graph_free(sorted);
    return st;
  }
  if (out) {
    *out = sorted;
  }
  return ENT_SUCCESS;
}

void
ent_by_graph_free(EntByGraph *sorted)
{
  if (!sorted) {
    return;
  }
  if (sorted->map) {
    munmap((void *)(uintptr_t)sorted->map, sorted->size);
  }
  if (sorted->file) {
    fclose(sorted->file);
  }
  free(sorted->spans);
  free(sorted->first);
  free(sorted);
}

const char *
ent_by_graph_text(const EntByGraph *sorted, size_t *size)
{
  *size = sorted->size;
  return sorted->map;
}

void
ent_by_graph_reader(const EntByGraph *sorted, size_t g, EntGraphReader *r)
{
  *r = (EntGraphReader){ sorted, sorted->first[g], sorted->first[g + 1], 0 };
}

const char *
ent_by_graph_line(EntGraphReader *r, size_t *len)
{
  if (r->span == r->end) {
    *len = 0;
    return NULL;
  }
  const Span *s = &r->sorted->spans[r->span];
  const char *line = r->sorted->map + s->offset + r->at;
  const size_t left = (size_t)(s->bytes - r->at);
  const char *nl = memchr(line, '\n', left); // a span holds whole lines
  *len = nl ? (size_t)(nl + 1 - line) : left;
  r->at += *len;
  if (r->at == s->bytes) {
    ++r->span;
    r->at = 0;
  }
  return line;
}
