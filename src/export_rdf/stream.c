// SPDX-License-Identifier: MIT
// Streaming N-Triples, N-Quads, Turtle, TriG and JSON-LD: memory bounded
// by the entity index, not by the number of statements.

#include "emit.h"

#include <string.h>
#include <sys/stat.h>

typedef struct {
  EntGraph *graph;
  EntMap source_by_iri;   ///< Source IRI -> entity index + 1, for counts
  const char *last_graph; ///< The graph IRI looked up last (an entity's
                          ///< IRI, alive for the whole stream) ...
  uintptr_t last_source;  ///< ... and what source_by_iri gave for it
  RdfWriter *writer;
  RdfPipe *pipe; ///< The writer's thread, or NULL: written in this one
  bool quads;
  unsigned long quote_misses;
} Stream;

/// Write one statement and count it for its named graph.
static EntStatus
put_counted(void *handle, const Triple *triple)
{
  Stream *stream = handle;
  if (triple->graph) {
    if (triple->graph != stream->last_graph) {
      stream->last_graph = triple->graph;
      stream->last_source =
        (uintptr_t)ent_map_get(&stream->source_by_iri, triple->graph);
    }
    const uintptr_t v = stream->last_source;
    if (v) {
      ++stream->graph->entities[v - 1].streamed;
    }
  }
  return stream->pipe ? rdf_pipe_put(stream->pipe, triple)
                      : rdf_writer_put(stream->writer, triple);
}

/// Statements handed to the writer so far.
static size_t
stream_count(const Stream *stream)
{
  return stream->pipe ? rdf_pipe_count(stream->pipe)
                      : rdf_writer_count(stream->writer);
}

static EntStatus
write_element(void *handle, EntGraph *graph)
{
  Stream *stream = handle;
  EntStatus st = ENT_SUCCESS;
  for (size_t i = 0; i < graph->n_facts; ++i) {
    TRY(st,
        ent_graph_check_fact_quote(
          graph, &graph->facts[i], &stream->quote_misses));
  }
  if (stream->quote_misses) {
    return ENT_ERR_QUOTE;
  }
  TRY(st, ent_emit_pending(graph, stream->quads, put_counted, stream));
  graph->statements = stream_count(stream); // for progress reports
  return ENT_SUCCESS;
}

/// Two definitions share a fingerprint in the index: one ID defined twice
/// (an error), or two IDs (rare: each 64-bit key is one of 2^64).  Read
/// the datasets again, keeping those entities as whole records, compared
/// by their IDs; only the errors of IDs defined twice are reported (the
/// others were, by the first pass).  Returns `st` or that error.
static EntStatus
resolve_suspects(EntGraph *graph,
                 const char *const *paths,
                 size_t n_paths,
                 EntStatus st)
{
  EntWorld *world = graph->world;
  const unsigned long errors = world->errors;
  graph->stream_phase = STREAM_RESOLVE;
  graph->n_datasets = 0;
  graph->elements = 0;
  graph->input_done = 0;
  ent_world_log_only(world, ENT_ERR_DUPLICATE_ID);
  for (size_t i = 0; i < n_paths; ++i) {
    (void)ent_load_dataset(graph, paths[i]);
  }
  ent_world_log_only(world, ENT_SUCCESS);
  graph->n_facts = graph->kept_facts;
  graph->stream_phase = STREAM_INDEX;
  if (world->errors > errors && !st) {
    st = ENT_ERR_DUPLICATE_ID;
  }
  return st;
}

/// The first pass of a stream: every entity of `paths` indexed, and what
/// datasets say against each other (an ID defined twice) reported.
static EntStatus
index_pass(EntGraph *graph, const char *const *paths, size_t n_paths)
{
  EntStatus st = ENT_SUCCESS;
  // The registry's facts stay in memory until they are written, first.
  graph->kept_facts = graph->n_facts;
  graph->stream_phase = STREAM_INDEX;
  // Each pass reads every byte of every dataset: the total of both.
  graph->input_total = 0;
  for (size_t i = 0; i < n_paths; ++i) {
    struct stat info;
    if (!stat(paths[i], &info) && S_ISREG(info.st_mode)) {
      graph->input_total += (unsigned long long)info.st_size;
    }
  }
  graph->input_done = 0;
  graph->elements = 0;
  graph->statements = 0;
  ent_graph_report_progress(graph, 0);
  // Every dataset is read, so that every error is reported in one run.
  graph->n_kept = graph->n_entities;
  for (size_t i = 0; i < n_paths; ++i) {
    const EntStatus one = ent_load_dataset(graph, paths[i]);
    st = st ? st : one;
    if (one == ENT_ERR_NO_MEMORY) {
      st = one; // the next datasets would fail for want of memory
      break;
    }
  }
  size_t suspects = 0;
  const EntStatus sealed = ent_graph_seal_index(graph, &suspects);
  st = st ? st : sealed;
  if (!sealed && suspects) {
    st = resolve_suspects(graph, paths, n_paths, st);
  }
  // Said before anything is written, where a stream to standard output
  // could not take it back.
  return st ? st : ent_graph_check_source_texts(graph);
}

/// Whether `graph` may be streamed into: nothing read yet but a corpus's
/// registry.
static bool
is_new(const EntGraph *graph)
{
  if (graph->stream_phase != STREAM_OFF || graph->n_datasets) {
    return false;
  }
  for (size_t i = 0; i < graph->n_entities; ++i) {
    if (!graph->entities[i].registry && i != graph->corpus) {
      return false;
    }
  }
  return true;
}

EntStatus
ent_check_datasets(EntGraph *graph, const char *const *paths, size_t n_paths)
{
  return is_new(graph) ? index_pass(graph, paths, n_paths) : ENT_ERR_BAD_ARG;
}

EntStatus
ent_export_rdf_stream(EntGraph *graph,
                      const char *const *paths,
                      size_t n_paths,
                      EntFormat format,
                      FILE *stream,
                      size_t *count)
{
  if ((format != ENT_FORMAT_NTRIPLES && format != ENT_FORMAT_NQUADS &&
       format != ENT_FORMAT_TURTLE && format != ENT_FORMAT_TRIG &&
       format != ENT_FORMAT_JSONLD) ||
      !stream || !is_new(graph)) {
    return ENT_ERR_BAD_ARG;
  }
  EntStatus st = ent_emit_check_vocabulary(graph);
  if (st) {
    return st;
  }
  st = index_pass(graph, paths, n_paths);
  RdfWriter *writer = NULL;
  if (!st) {
    st = rdf_writer_open(graph, format, NULL, stream, &writer);
  }
  Stream state;
  memset(&state, 0, sizeof(state));
  state.graph = graph;
  state.writer = writer;
  state.quads = format == ENT_FORMAT_NQUADS || format == ENT_FORMAT_TRIG ||
                format == ENT_FORMAT_JSONLD;
  ent_map_init(&state.source_by_iri);
  for (uint32_t i = 0; !st && i < graph->n_entities; ++i) {
    if (graph->entities[i].cls == ENT_CLASS_SOURCE ||
        graph->entities[i].cls == ENT_CLASS_CORPUS) {
      graph->entities[i].streamed = 0;
      st = ent_map_put(&state.source_by_iri,
                       graph->entities[i].iri,
                       (void *)(uintptr_t)(i + 1));
    }
  }
  if (!st && graph->world->threads > 1) {
    st = rdf_pipe_open(writer, &state.pipe);
    if (st == ENT_ERR_INTERNAL) {
      st = ENT_SUCCESS; // no thread to be had: write from this one
    }
  }
  graph->stream_phase = STREAM_WRITE;
  graph->input_done = 0;
  graph->elements = 0;
  if (!st) {
    ent_graph_report_progress(graph, 0);
  }
  graph->flush = write_element;
  graph->flush_handle = &state;
  if (!st && graph->corpus != ENT_NO_ENTITY) {
    // The corpus graph first, as if it were one element.
    st = ent_graph_activate_registry(graph);
    if (!st) {
      st = ent_graph_end_element(graph);
    }
  }
  graph->kept_facts = 0;
  graph->n_facts = 0;
  graph->n_datasets = 0; // the second pass numbers them as the first did
  for (size_t i = 0; !st && i < n_paths; ++i) {
    st = ent_load_dataset(graph, paths[i]);
  }
  graph->flush = NULL;
  graph->flush_handle = NULL;
  ent_map_clear(&state.source_by_iri);
  graph->stream_phase = STREAM_OFF;
  ent_index_free(&graph->index);
  ent_map_clear(&graph->element_ids);
  graph->n_facts = 0;
  graph->kept_facts = 0;
  if (graph->free_emit_cache) {
    graph->free_emit_cache(graph->emit_cache);
    graph->emit_cache = NULL;
    graph->free_emit_cache = NULL;
  }
  if (state.pipe) {
    const EntStatus piped = rdf_pipe_close(state.pipe, !st);
    st = st ? st : piped;
  }
  if (writer) {
    const size_t written = rdf_writer_count(writer);
    const EntStatus closed = rdf_writer_close(writer, !st);
    st = st ? st : closed;
    if (!st && count) {
      *count = written;
    }
  }
  return st;
}

size_t
ent_graph_streamed_count(const EntGraph *graph, const char *source_id)
{
  EntClass cls = ENT_CLASS_COUNT_;
  if (!ent_graph_has(graph, source_id, &cls) ||
      (cls != ENT_CLASS_SOURCE && cls != ENT_CLASS_CORPUS)) {
    return 0;
  }
  const uintptr_t v = (uintptr_t)ent_map_get(&graph->ids, source_id);
  return v ? graph->entities[v - 1].streamed : 0;
}
