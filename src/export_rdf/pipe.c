// SPDX-License-Identifier: MIT
// A second thread for the RDF writer: while the loader reads the next
// elements, raptor serializes the statements of the previous ones.  In a
// streaming N-Triples export the two halves cost about the same, so on a
// machine with a spare core the export takes little more than the longer
// half.  Statements go across in order, one writer writes them all, and
// the bytes are those of the single-threaded path.

#include "emit.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/// Batches in flight: one being filled, the rest queued or being written.
/// Memory stays a few batches whatever the size of the export.
enum { PIPE_SLOTS = 4, BATCH_BYTES = 1 << 18 };

/// Flags of an encoded statement.
enum {
  HAS_DATATYPE = 1,
  HAS_LANG = 2,
  HAS_GRAPH = 4,
  LITERAL_OBJECT = 8,
};

typedef struct {
  char *bytes;
  size_t len;
  size_t cap;
} Batch;

struct RdfPipeImpl {
  RdfWriter *writer; ///< Touched only by the writing thread once started
  pthread_t thread;
  pthread_mutex_t lock;
  pthread_cond_t filled; ///< A batch was queued, or the pipe is closing
  pthread_cond_t space;  ///< A batch was written
  Batch slots[PIPE_SLOTS];
  size_t queued;    ///< Batches handed to the writer and not yet written
  size_t filling;   ///< Slot the loader fills
  bool closing;     ///< No more batches will come
  EntStatus status; ///< The writer's first failure (under `lock`)
  size_t count;     ///< Statements handed over
};

static bool
batch_reserve(Batch *b, size_t n)
{
  if (b->len + n <= b->cap) {
    return true;
  }
  size_t cap = b->cap ? b->cap : BATCH_BYTES;
  while (cap < b->len + n) {
    cap *= 2;
  }
  char *bytes = realloc(b->bytes, cap);
  if (!bytes) {
    return false;
  }
  b->bytes = bytes;
  b->cap = cap;
  return true;
}

static void
batch_string(Batch *b, const char *s)
{
  const size_t n = strlen(s) + 1;
  memcpy(b->bytes + b->len, s, n);
  b->len += n;
}

/// Read back the statement at `*at` (its strings point into the batch).
static void
batch_decode(const Batch *b, size_t *at, Triple *t)
{
  const char *p = b->bytes + *at;
  const unsigned char flags = (unsigned char)*p++;
  memset(t, 0, sizeof(*t));
  t->subject.type = NODE_IRI;
  t->predicate.type = NODE_IRI;
  t->object.type = (flags & LITERAL_OBJECT) ? NODE_LITERAL : NODE_IRI;
  const char **fields[] = {
    &t->subject.value,
    &t->predicate.value,
    &t->object.value,
    (flags & HAS_DATATYPE) ? &t->object.datatype : NULL,
    (flags & HAS_LANG) ? &t->object.lang : NULL,
    (flags & HAS_GRAPH) ? &t->graph : NULL,
  };
  for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); ++i) {
    if (fields[i]) {
      *fields[i] = p;
      p += strlen(p) + 1;
    }
  }
  *at = (size_t)(p - b->bytes);
}

static void *
write_batches(void *handle)
{
  RdfPipe *pipe = handle;
  size_t next = 0;
  for (;;) {
    pthread_mutex_lock(&pipe->lock);
    while (!pipe->queued && !pipe->closing) {
      pthread_cond_wait(&pipe->filled, &pipe->lock);
    }
    if (!pipe->queued) { // closing, and everything is written
      pthread_mutex_unlock(&pipe->lock);
      return NULL;
    }
    EntStatus st = pipe->status;
    pthread_mutex_unlock(&pipe->lock);

    // After a failure the batches are only drained, so that the loader,
    // which learns of it at its next hand-over, never waits for space.
    Batch *b = &pipe->slots[next];
    for (size_t at = 0; !st && at < b->len;) {
      Triple t;
      batch_decode(b, &at, &t);
      st = rdf_writer_put(pipe->writer, &t);
    }
    b->len = 0;
    next = (next + 1) % PIPE_SLOTS;

    pthread_mutex_lock(&pipe->lock);
    if (st && !pipe->status) {
      pipe->status = st;
    }
    --pipe->queued;
    pthread_cond_signal(&pipe->space);
    pthread_mutex_unlock(&pipe->lock);
  }
}

EntStatus
rdf_pipe_open(RdfWriter *writer, RdfPipe **out)
{
  *out = NULL;
  RdfPipe *pipe = calloc(1, sizeof(RdfPipe));
  if (!pipe) {
    return ENT_ERR_NO_MEMORY;
  }
  pipe->writer = writer;
  bool made_lock = false;
  bool made_filled = false;
  bool made_space = false;
  EntStatus st = ENT_SUCCESS;
  if (!(made_lock = !pthread_mutex_init(&pipe->lock, NULL)) ||
      !(made_filled = !pthread_cond_init(&pipe->filled, NULL)) ||
      !(made_space = !pthread_cond_init(&pipe->space, NULL)) ||
      !batch_reserve(&pipe->slots[0], 1)) {
    st = ENT_ERR_NO_MEMORY;
  } else if (pthread_create(&pipe->thread, NULL, write_batches, pipe)) {
    st = ENT_ERR_INTERNAL;
  }
  if (st) {
    if (made_space) {
      pthread_cond_destroy(&pipe->space);
    }
    if (made_filled) {
      pthread_cond_destroy(&pipe->filled);
    }
    if (made_lock) {
      pthread_mutex_destroy(&pipe->lock);
    }
    free(pipe->slots[0].bytes);
    free(pipe);
    return st;
  }
  rdf_writer_defer_log(writer);
  *out = pipe;
  return ENT_SUCCESS;
}

/// Queue the batch being filled and take the next free one; the writer's
/// failure, if any, so far.
static EntStatus
hand_over(RdfPipe *pipe)
{
  pthread_mutex_lock(&pipe->lock);
  ++pipe->queued;
  pthread_cond_signal(&pipe->filled);
  while (pipe->queued == PIPE_SLOTS) {
    pthread_cond_wait(&pipe->space, &pipe->lock);
  }
  const EntStatus st = pipe->status;
  pthread_mutex_unlock(&pipe->lock);
  pipe->filling = (pipe->filling + 1) % PIPE_SLOTS;
  return st;
}

EntStatus
rdf_pipe_put(void *handle, const Triple *t)
{
  RdfPipe *pipe = handle;
  const char *fields[] = {
    t->subject.value,
    t->predicate.value,
    t->object.value,
    t->object.type == NODE_LITERAL ? t->object.datatype : NULL,
    t->object.type == NODE_LITERAL ? t->object.lang : NULL,
    t->graph,
  };
  size_t n = 1;
  for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); ++i) {
    n += fields[i] ? strlen(fields[i]) + 1 : 0;
  }
  Batch *b = &pipe->slots[pipe->filling];
  if (b->len && b->len + n > BATCH_BYTES) {
    EntStatus st = hand_over(pipe);
    if (st) {
      return st;
    }
    b = &pipe->slots[pipe->filling];
  }
  if (!batch_reserve(b, n)) {
    return ENT_ERR_NO_MEMORY;
  }
  b->bytes[b->len++] =
    (char)((fields[3] ? HAS_DATATYPE : 0) | (fields[4] ? HAS_LANG : 0) |
           (fields[5] ? HAS_GRAPH : 0) |
           (t->object.type == NODE_LITERAL ? LITERAL_OBJECT : 0));
  for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); ++i) {
    if (fields[i]) {
      batch_string(b, fields[i]);
    }
  }
  ++pipe->count;
  return ENT_SUCCESS;
}

size_t
rdf_pipe_count(const RdfPipe *pipe)
{
  return pipe->count;
}

EntStatus
rdf_pipe_close(RdfPipe *pipe, bool finish)
{
  if (finish && pipe->slots[pipe->filling].len) {
    hand_over(pipe);
  }
  pthread_mutex_lock(&pipe->lock);
  pipe->closing = true;
  if (!finish && !pipe->status) {
    pipe->status = ENT_ERR_INTERNAL; // stop writing what is still queued
  }
  pthread_cond_signal(&pipe->filled);
  pthread_mutex_unlock(&pipe->lock);
  pthread_join(pipe->thread, NULL);

  const EntStatus st = finish ? pipe->status : ENT_SUCCESS;
  pthread_cond_destroy(&pipe->space);
  pthread_cond_destroy(&pipe->filled);
  pthread_mutex_destroy(&pipe->lock);
  for (size_t i = 0; i < PIPE_SLOTS; ++i) {
    free(pipe->slots[i].bytes);
  }
  free(pipe);
  return st;
}
