// SPDX-License-Identifier: MIT
// libFuzzer target: bytes -> a dataset file -> ent_load_dataset() into a
// graph with the built-in ontology.  Whatever loads must export in every
// RDF format and read back with raptor2 (no error, the same statement
// count), and draw as DOT that cgraph reads back (see oracle.h).

#include "oracle.h"

#include <fcntl.h>
#include <stdint.h>
#include <unistd.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static EntWorld *world;
static EntOntology *ontology;
static char directory[4000];
static char path[4096];

// The scratch directory goes when the run ends normally (not after a crash,
// when its input may help).
static void
remove_scratch(void)
{
  unlink(path);
  rmdir(directory);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
  (void)argc;
  (void)argv;
  oracle_init(&world, &ontology);
  const char *tmp = getenv("TMPDIR");
  snprintf(directory,
           sizeof(directory),
           "%s/entente-fuzz-load-XXXXXX",
           tmp ? tmp : "/tmp");
  if (!mkdtemp(directory)) {
    oracle_fail("mkdtemp failed", directory);
  }
  snprintf(path, sizeof(path), "%s/input.xml", directory);
  atexit(remove_scratch);
  return 0;
}

static void
write_input(const uint8_t *data, size_t size)
{
  const int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) {
    oracle_fail("cannot write the input file", path);
  }
  size_t done = 0;
  while (done < size) {
    const ssize_t n = write(fd, data + done, size - done);
    if (n <= 0) {
      oracle_fail("cannot write the input file", path);
    }
    done += (size_t)n;
  }
  close(fd);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  write_input(data, size);
  EntGraph *graph = NULL;
  if (ent_graph_new(world, ontology, NULL, &graph)) {
    oracle_fail("ent_graph_new failed", NULL);
  }
  const unsigned long errors_before = ent_world_error_count(world);
  const EntStatus st = ent_load_dataset(graph, path);
  if (st == ENT_SUCCESS) {
    // The loader said yes: every writer must agree.
    oracle_check_rdf(graph, NULL, 0, true);
    oracle_check_diagrams(graph);
  } else if (ent_world_error_count(world) == errors_before) {
    oracle_fail("the loader failed without a message", ent_strerror(st));
  }
  ent_graph_free(graph);
  return 0;
}
