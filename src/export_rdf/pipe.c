// SPDX-License-Identifier: MIT
// A second thread for the RDF writer: while the loader reads the next
// elements, raptor serializes the statements of the previous ones.  In a
// streaming N-Triples export the two halves cost about the same, so on a
// machine with a spare core the export takes little more than the longer
// half.  Statements go across in order, one writer writes them all, and
// the bytes are those of the single-threaded path.

#include "emit.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/// Batches in flight: one being filled, the rest queued or being written.
/// Memory stays a few batches whatever the size of the export.
enum { PIPE_SLOTS = 4, BATCH_BYTES = 1 << 16, OUT_BLOCKS = 3 };

// ---- A ring of slots handed from one thread to another ---------------------
// The producer fills slot `filling`, then queues it and moves to the next,
// waiting while every slot is queued; the consumer takes the queued slots
// in order.  The producer learns of the consumer's first failure at its
// next hand-over; after a failure the consumer only drains, so that the
// producer never waits for it in vain.

typedef struct {
  pthread_mutex_t lock;
  pthread_cond_t filled; ///< A slot was queued, or the ring is closing
  pthread_cond_t space;  ///< A slot was consumed
  size_t slots;
  size_t queued;  ///< Slots handed over and not yet consumed
  size_t filling; ///< Slot the producer fills
  size_t next;    ///< Slot the consumer takes next
  bool closing;   ///< No more slots will come
  int failure;    ///< The consumer's first failure (an EntStatus, an errno)
} Ring;

static bool
ring_init(Ring *r, size_t slots)
{
  memset(r, 0, sizeof(*r));
  r->slots = slots;
  if (pthread_mutex_init(&r->lock, NULL)) {
    return false;
  }
  if (pthread_cond_init(&r->filled, NULL)) {
    pthread_mutex_destroy(&r->lock);
    return false;
  }
  if (pthread_cond_init(&r->space, NULL)) {
    pthread_cond_destroy(&r->filled);
    pthread_mutex_destroy(&r->lock);
    return false;
  }
  return true;
}

static void
ring_destroy(Ring *r)
{
  pthread_cond_destroy(&r->space);
  pthread_cond_destroy(&r->filled);
  pthread_mutex_destroy(&r->lock);
}

/// Producer: queue the slot being filled and take the next free one.
/// Returns the consumer's failure so far (0: none).
static int
ring_push(Ring *r)
{
  pthread_mutex_lock(&r->lock);
  ++r->queued;
  pthread_cond_signal(&r->filled);
  while (r->queued == r->slots) {
    pthread_cond_wait(&r->space, &r->lock);
  }
  const int failure = r->failure;
  pthread_mutex_unlock(&r->lock);
  r->filling = (r->filling + 1) % r->slots;
  return failure;
}

/// Consumer: wait for a queued slot (its index in *slot); false once the
/// ring is closing and empty.  *failure: the failure so far.
static bool
ring_take(Ring *r, size_t *slot, int *failure)
{
  pthread_mutex_lock(&r->lock);
  while (!r->queued && !r->closing) {
    pthread_cond_wait(&r->filled, &r->lock);
  }
  const bool some = r->queued != 0;
  *failure = r->failure;
  pthread_mutex_unlock(&r->lock);
  *slot = r->next;
  return some;
}

/// Consumer: the slot taken is done, with `failure` (0: none).
static void
ring_done(Ring *r, int failure)
{
  r->next = (r->next + 1) % r->slots;
  pthread_mutex_lock(&r->lock);
  if (failure && !r->failure) {
    r->failure = failure;
  }
  --r->queued;
  pthread_cond_signal(&r->space);
  pthread_mutex_unlock(&r->lock);
}

/// Producer: no more slots.  With `drop`, what is queued is skipped (the
/// consumer sees `drop` as its failure).
static void
ring_close(Ring *r, int drop)
{
  pthread_mutex_lock(&r->lock);
  r->closing = true;
  if (drop && !r->failure) {
    r->failure = drop;
  }
  pthread_cond_signal(&r->filled);
  pthread_mutex_unlock(&r->lock);
}

/// The consumer's failure after the ring is closed and its thread joined.
static int
ring_failure(const Ring *r)
{
  return r->failure;
}

// ---- The serializing thread -------------------------------------------------

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
  Ring ring;
  Batch slots[PIPE_SLOTS];
  size_t count; ///< Statements handed over
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
  size_t slot = 0;
  int failure = 0;
  while (ring_take(&pipe->ring, &slot, &failure)) {
    EntStatus st = (EntStatus)failure;
    Batch *b = &pipe->slots[slot];
    for (size_t at = 0; !st && at < b->len;) {
      Triple t;
      batch_decode(b, &at, &t);
      st = rdf_writer_put(pipe->writer, &t);
    }
    b->len = 0;
    ring_done(&pipe->ring, (int)st);
  }
  return NULL;
}

EntStatus
rdf_pipe_open(RdfWriter *writer, RdfPipe **out)
{
  *out = NULL;
  EntStatus st = rdf_writer_threaded(writer);
  if (st) {
    return st;
  }
  RdfPipe *pipe = calloc(1, sizeof(RdfPipe));
  if (pipe) {
    pipe->writer = writer;
  }
  if (!pipe || !batch_reserve(&pipe->slots[0], 1) ||
      !ring_init(&pipe->ring, PIPE_SLOTS)) {
    st = ENT_ERR_NO_MEMORY;
  } else if (pthread_create(&pipe->thread, NULL, write_batches, pipe)) {
    ring_destroy(&pipe->ring);
    st = ENT_ERR_INTERNAL;
  }
  if (st) {
    if (pipe) {
      free(pipe->slots[0].bytes);
    }
    free(pipe);
    return st;
  }
  *out = pipe;
  return ENT_SUCCESS;
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
  Batch *b = &pipe->slots[pipe->ring.filling];
  if (b->len && b->len + n > BATCH_BYTES) {
    const EntStatus st = (EntStatus)ring_push(&pipe->ring);
    if (st) {
      return st;
    }
    b = &pipe->slots[pipe->ring.filling];
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
  if (finish && pipe->slots[pipe->ring.filling].len) {
    ring_push(&pipe->ring);
  }
  // Unfinished: stop writing what is still queued.
  ring_close(&pipe->ring, finish ? 0 : (int)ENT_ERR_INTERNAL);
  pthread_join(pipe->thread, NULL);
  const EntStatus st =
    finish ? (EntStatus)ring_failure(&pipe->ring) : ENT_SUCCESS;
  ring_destroy(&pipe->ring);
  for (size_t i = 0; i < PIPE_SLOTS; ++i) {
    free(pipe->slots[i].bytes);
  }
  free(pipe);
  return st;
}

// ---- The output thread ------------------------------------------------------
// Writing to a file costs the kernel as much as a fifth of the serializing
// thread's time, and more once the file is gigabytes: a third thread
// takes the full blocks, in order, so that this cost lands on whichever
// core is free.

struct OutThreadImpl {
  FILE *stream;
  pthread_t thread;
  Ring ring;
  char *blocks[OUT_BLOCKS];
  size_t lens[OUT_BLOCKS];
};

static void *
write_blocks(void *handle)
{
  OutThread *out = handle;
  size_t slot = 0;
  int failure = 0;
  while (ring_take(&out->ring, &slot, &failure)) {
    int error = 0;
    const size_t len = out->lens[slot];
    errno = 0;
    if (!failure && len &&
        fwrite(out->blocks[slot], 1, len, out->stream) != len) {
      error = errno ? errno : EIO;
    }
    ring_done(&out->ring, error);
  }
  return NULL;
}

EntStatus
out_thread_open(FILE *stream, size_t block_size, OutThread **out)
{
  *out = NULL;
  OutThread *thread = calloc(1, sizeof(OutThread));
  if (!thread) {
    return ENT_ERR_NO_MEMORY;
  }
  thread->stream = stream;
  EntStatus st = ENT_SUCCESS;
  for (size_t i = 0; !st && i < OUT_BLOCKS; ++i) {
    st = (thread->blocks[i] = malloc(block_size)) ? ENT_SUCCESS
                                                  : ENT_ERR_NO_MEMORY;
  }
  if (!st && !ring_init(&thread->ring, OUT_BLOCKS)) {
    st = ENT_ERR_NO_MEMORY;
  } else if (!st &&
             pthread_create(&thread->thread, NULL, write_blocks, thread)) {
    ring_destroy(&thread->ring);
    st = ENT_ERR_INTERNAL;
  }
  if (st) {
    for (size_t i = 0; i < OUT_BLOCKS; ++i) {
      free(thread->blocks[i]);
    }
    free(thread);
    return st;
  }
  *out = thread;
  return ENT_SUCCESS;
}

char *
out_thread_block(const OutThread *out)
{
  return out->blocks[out->ring.filling];
}

int
out_thread_put(OutThread *out, size_t len)
{
  out->lens[out->ring.filling] = len;
  return ring_push(&out->ring);
}

int
out_thread_close(OutThread *out, bool finish)
{
  // Unfinished: the blocks still queued are not written (EIO only marks
  // them skipped; it is not reported).
  ring_close(&out->ring, finish ? 0 : EIO);
  pthread_join(out->thread, NULL);
  const int error = finish ? ring_failure(&out->ring) : 0;
  ring_destroy(&out->ring);
  for (size_t i = 0; i < OUT_BLOCKS; ++i) {
    free(out->blocks[i]);
  }
  free(out);
  return error;
}
