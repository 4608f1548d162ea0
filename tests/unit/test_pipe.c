// SPDX-License-Identifier: MIT
// Unit tests of the writer thread (src/export_rdf/pipe.c): the same bytes
// as writing in the calling thread, statements larger than a batch, many
// batches in flight, a failing output reported from the calling thread,
// and an abandoned pipe.

#undef NDEBUG

#include "entente.h"
#include "export_rdf/emit.h"

#include <assert.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BASE "https://example.org/id/"

typedef struct {
  EntWorld *world;
  EntOntology *ontology;
  EntGraph *graph;
} Fixture;

static Fixture
fixture(void)
{
  Fixture f;
  assert(ent_world_new(&f.world) == ENT_SUCCESS);
  assert(ent_ontology_load(f.world, NULL, &f.ontology) == ENT_SUCCESS);
  assert(ent_graph_new(f.world, f.ontology, BASE, &f.graph) == ENT_SUCCESS);
  return f;
}

static void
fixture_free(Fixture *f)
{
  ent_graph_free(f->graph);
  ent_ontology_free(f->ontology);
  ent_world_free(f->world);
}

typedef struct {
  pthread_t caller;
  unsigned long count;
  unsigned long from_other_thread;
  EntStatus status;
  char message[512];
} Log;

static void
remember(void *handle,
         EntLogLevel level,
         EntStatus status,
         const EntCaret *caret,
         const char *message)
{
  (void)level;
  (void)caret;
  Log *log = handle;
  ++log->count;
  if (!pthread_equal(pthread_self(), log->caller)) {
    ++log->from_other_thread;
  }
  log->status = status;
  snprintf(log->message, sizeof(log->message), "%s", message);
}

/// A literal of about `len` bytes of varied text: quotes, a backslash, a
/// newline and Cyrillic among it.
static char *
long_text(size_t len, unsigned seed)
{
  static const char *const pieces[] = {
    "abc ", "\"de\\f", "\ngh ", "\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2 ", "x"
  };
  char *text = malloc(len + 16);
  assert(text);
  size_t n = 0;
  for (size_t i = seed; n < len; ++i) {
    const char *piece = pieces[(i * 7) % 5];
    memcpy(text + n, piece, strlen(piece));
    n += strlen(piece);
  }
  text[n] = '\0';
  return text;
}

/// Statement `i` of a test stream: IRIs, plain, tagged and typed literals,
/// a graph every other statement, and now and then a literal larger than
/// a whole batch.
static void
statement(size_t i, char *buffers[4], Triple *t)
{
  static const char *const predicates[] = {
    "http://schema.org/name",
    "http://schema.org/description",
    "http://www.w3.org/ns/org#memberOf",
  };
  memset(t, 0, sizeof(*t));
  snprintf(buffers[0], 128, BASE "official/person-%zu", i / 3);
  t->subject = (Node){ .type = NODE_IRI, .value = buffers[0] };
  t->predicate = (Node){ .type = NODE_IRI, .value = predicates[i % 3] };
  switch (i % 4) {
    case 0:
      snprintf(buffers[1], 128, BASE "institution/org-%zu", i % 17);
      t->object = (Node){ .type = NODE_IRI, .value = buffers[1] };
      break;
    case 1:
      snprintf(buffers[1], 128, "Name \"%zu\" \\ line\nnext", i);
      t->object =
        (Node){ .type = NODE_LITERAL, .value = buffers[1], .lang = "uk-UA" };
      break;
    case 2:
      snprintf(buffers[1], 128, "%zu", i);
      t->object = (Node){
        .type = NODE_LITERAL,
        .value = buffers[1],
        .datatype = "http://www.w3.org/2001/XMLSchema#integer",
      };
      break;
    default:
      t->object = (Node){ .type = NODE_LITERAL,
                          .value = i % 5000 == 3 ? buffers[3] : "plain" };
      break;
  }
  if (i % 2) {
    snprintf(buffers[2], 128, BASE "source/article-%zu", i % 5);
    t->graph = buffers[2];
  }
}

enum { N_STATEMENTS = 30000 };

/// Hand the first `n` statements of the test stream to `pipe` (its long
/// literals `big_len` bytes); the first failure.
static EntStatus
feed(RdfPipe *pipe, size_t n, size_t big_len)
{
  char subject[128];
  char object[128];
  char graph[128];
  char *big = long_text(big_len, 2);
  char *buffers[4] = { subject, object, graph, big };
  EntStatus st = ENT_SUCCESS;
  for (size_t i = 0; !st && i < n; ++i) {
    Triple t;
    statement(i, buffers, &t);
    st = rdf_pipe_put(pipe, &t);
  }
  free(big);
  return st;
}

/// Write the test stream as `format`, through a pipe or not; the bytes.
static char *
write_stream(Fixture *f, EntFormat format, bool piped, size_t *len)
{
  char subject[128];
  char object[128];
  char graph[128];
  char *big = long_text(300000, 1); // more than a batch
  char *buffers[4] = { subject, object, graph, big };
  FILE *out = tmpfile();
  assert(out);
  RdfWriter *writer = NULL;
  assert(rdf_writer_open(f->graph, format, NULL, out, &writer) == ENT_SUCCESS);
  RdfPipe *pipe = NULL;
  if (piped) {
    assert(rdf_pipe_open(writer, &pipe) == ENT_SUCCESS);
  }
  for (size_t i = 0; i < N_STATEMENTS; ++i) {
    Triple t;
    statement(i, buffers, &t);
    // The strings are the caller's only for the call: spoil them after.
    assert((piped ? rdf_pipe_put(pipe, &t) : rdf_writer_put(writer, &t)) ==
           ENT_SUCCESS);
    memset(subject, 'x', sizeof(subject) - 1);
    memset(object, 'y', sizeof(object) - 1);
  }
  if (piped) {
    assert(rdf_pipe_count(pipe) == N_STATEMENTS);
    assert(rdf_pipe_close(pipe, true) == ENT_SUCCESS);
  }
  assert(rdf_writer_count(writer) == N_STATEMENTS);
  assert(rdf_writer_close(writer, true) == ENT_SUCCESS);
  free(big);

  assert(fseek(out, 0, SEEK_END) == 0);
  const long size = ftell(out);
  assert(size > 0);
  rewind(out);
  char *text = malloc((size_t)size + 1);
  assert(text);
  assert(fread(text, 1, (size_t)size, out) == (size_t)size);
  text[size] = '\0';
  fclose(out);
  *len = (size_t)size;
  return text;
}

static void
test_same_bytes(void)
{
  const EntFormat formats[] = { ENT_FORMAT_NTRIPLES, ENT_FORMAT_NQUADS };
  for (size_t k = 0; k < 2; ++k) {
    Fixture f = fixture();
    size_t direct_len = 0;
    size_t piped_len = 0;
    char *direct = write_stream(&f, formats[k], false, &direct_len);
    char *piped = write_stream(&f, formats[k], true, &piped_len);
    assert(direct_len == piped_len);
    assert(!memcmp(direct, piped, direct_len));
    // The stream is what it should be: a line per statement, the long
    // literal whole.
    size_t lines = 0;
    for (size_t i = 0; i < direct_len; ++i) {
      lines += direct[i] == '\n' ? 1U : 0U;
    }
    assert(lines == N_STATEMENTS);
    assert(direct_len > 6 * 300000);
    free(direct);
    free(piped);
    fixture_free(&f);
  }
}

/// A full device: the failure comes back to the caller, logged from its
/// own thread, with the reason.
static void
test_failing_output(void)
{
  FILE *full = fopen("/dev/full", "w");
  if (!full) {
    fprintf(stderr, "skip test_failing_output: no /dev/full\n");
    return;
  }
  Fixture f = fixture();
  Log log;
  memset(&log, 0, sizeof(log));
  log.caller = pthread_self();
  ent_world_set_log(f.world, remember, &log);
  RdfWriter *writer = NULL;
  assert(rdf_writer_open(f.graph, ENT_FORMAT_NTRIPLES, NULL, full, &writer) ==
         ENT_SUCCESS);
  RdfPipe *pipe = NULL;
  assert(rdf_pipe_open(writer, &pipe) == ENT_SUCCESS);
  EntStatus st = feed(pipe, N_STATEMENTS, 1000);
  const EntStatus piped = rdf_pipe_close(pipe, !st);
  st = st ? st : piped;
  const EntStatus closed = rdf_writer_close(writer, !st);
  st = st ? st : closed;
  assert(st == ENT_ERR_IO);
  assert(log.count >= 1);
  assert(log.from_other_thread == 0);
  assert(log.status == ENT_ERR_IO);
  assert(strstr(log.message, "No space left on device"));
  fclose(full);
  fixture_free(&f);
}

/// Closing without finishing drops what is queued and frees everything
/// (the sanitizer and valgrind runs check the second half).
static void
test_abandoned(void)
{
  Fixture f = fixture();
  FILE *out = tmpfile();
  assert(out);
  RdfWriter *writer = NULL;
  assert(rdf_writer_open(f.graph, ENT_FORMAT_NQUADS, NULL, out, &writer) ==
         ENT_SUCCESS);
  RdfPipe *pipe = NULL;
  assert(rdf_pipe_open(writer, &pipe) == ENT_SUCCESS);
  assert(feed(pipe, 5000, 300000) == ENT_SUCCESS);
  assert(rdf_pipe_close(pipe, false) == ENT_SUCCESS);
  assert(rdf_writer_close(writer, false) == ENT_SUCCESS);
  fclose(out);

  // A pipe given nothing at all.
  out = tmpfile();
  assert(out);
  assert(rdf_writer_open(f.graph, ENT_FORMAT_NTRIPLES, NULL, out, &writer) ==
         ENT_SUCCESS);
  assert(rdf_pipe_open(writer, &pipe) == ENT_SUCCESS);
  assert(rdf_pipe_close(pipe, true) == ENT_SUCCESS);
  assert(rdf_writer_close(writer, true) == ENT_SUCCESS);
  assert(ftell(out) == 0);
  fclose(out);
  fixture_free(&f);
}

int
main(void)
{
  test_same_bytes();
  test_failing_output();
  test_abandoned();
  printf("pipe: all tests passed\n");
  return 0;
}
