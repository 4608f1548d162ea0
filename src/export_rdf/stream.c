// SPDX-License-Identifier: MIT
// Streaming N-Triples and N-Quads: memory bounded by the entity index,
// not by the number of statements.

#include "emit.h"

/// Elements between two progress reports.
#define PROGRESS_EVERY 4096

typedef struct {
  RdfWriter *writer;
  bool quads;
  size_t elements;
  EntProgressFunc progress;
  void *progress_handle;
  unsigned long quote_misses;
} Stream;

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
  TRY(st,
      ent_emit_pending(graph, stream->quads, rdf_writer_put, stream->writer));
  if (stream->progress && ++stream->elements % PROGRESS_EVERY == 0) {
    stream->progress(stream->progress_handle,
                     stream->elements,
                     rdf_writer_count(stream->writer));
  }
  return ENT_SUCCESS;
}

EntStatus
ent_export_rdf_stream(EntGraph *graph,
                      const char *const *paths,
                      size_t n_paths,
                      EntFormat format,
                      FILE *stream,
                      EntProgressFunc progress,
                      void *progress_handle,
                      size_t *count)
{
  if ((format != ENT_FORMAT_NTRIPLES && format != ENT_FORMAT_NQUADS) ||
      !stream || graph->n_entities || graph->stream_phase != STREAM_OFF) {
    return ENT_ERR_BAD_ARG;
  }
  EntStatus st = ent_emit_check_vocabulary(graph);
  if (st) {
    return st;
  }
  graph->stream_phase = STREAM_INDEX;
  for (size_t i = 0; !st && i < n_paths; ++i) {
    st = ent_load_dataset(graph, paths[i]);
  }
  RdfWriter *writer = NULL;
  if (!st) {
    st = rdf_writer_open(graph, format, NULL, stream, &writer);
  }
  Stream state = {
    writer, format == ENT_FORMAT_NQUADS, 0, progress, progress_handle, 0
  };
  graph->stream_phase = STREAM_WRITE;
  graph->flush = write_element;
  graph->flush_handle = &state;
  // Facts are read again from the first source on.
  graph->current_source = ENT_NO_ENTITY;
  for (size_t i = 0; !st && i < n_paths; ++i) {
    st = ent_load_dataset(graph, paths[i]);
  }
  graph->flush = NULL;
  graph->flush_handle = NULL;
  graph->stream_phase = STREAM_OFF;
  graph->n_facts = 0;
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
