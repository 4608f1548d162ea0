// SPDX-License-Identifier: MIT
// libFuzzer target: bytes are an RDF file given to `entente dot`
// (ent_diagram_rdf_file()).  The first byte chooses the syntax (Turtle,
// N-Triples, N-Quads, TriG, RDF/XML, RDF/JSON) and the view; the rest is
// the file.
// What entente draws must be drawable: the DOT reads back with cgraph and
// names its nodes itself (no DOT injection), the GraphML is well-formed XML,
// and both formats agree on the status.  What it refuses it refuses for the
// input (a syntax error, a bad value, an unknown node for the view), having
// said why, and never as an internal failure or for want of memory.

#include "oracle.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static EntWorld *world;
static EntOntology *ontology;

static const struct {
  const char *syntax;
  const char *file;
} inputs[] = {
  { "turtle", "input.ttl" }, { "ntriples", "input.nt" },
  { "nquads", "input.nq" },  { "trig", "input.trig" },
  { "rdfxml", "input.rdf" }, { "json", "input.rj" },
};
enum { N_INPUTS = sizeof(inputs) / sizeof(inputs[0]) };

static const char *const views[] = { NULL,        "ego:a",    "timeline",
                                     "compare:a", "ego:ex:a", "negotiation:a" };
enum { N_VIEWS = sizeof(views) / sizeof(views[0]) };

static OracleScratch scratch;

static void
remove_scratch(void)
{
  oracle_scratch_remove(&scratch);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
  (void)argc;
  (void)argv;
  oracle_init(&world, &ontology);
  const char *files[N_INPUTS];
  for (size_t i = 0; i < N_INPUTS; ++i) {
    files[i] = inputs[i].file;
  }
  oracle_scratch_make(&scratch, "dot", files, N_INPUTS);
  atexit(remove_scratch);
  return 0;
}

/// Draw the input in `format`; the status, and the bytes in *buf (free()).
static EntStatus
draw(const char *path,
     const char *syntax,
     const EntDiagramOptions *options,
     EntDiagramFormat format,
     char **buf,
     size_t *len)
{
  FILE *stream = open_memstream(buf, len);
  if (!stream) {
    oracle_fail("open_memstream failed", NULL);
  }
  // Counted even past the cap on errors shown (the world lives for the
  // whole run).
  const unsigned long errors_before = ent_world_error_count(world);
  const EntStatus st = ent_diagram_rdf_file(
    world, ontology, path, syntax, format, options, stream);
  if (fclose(stream)) {
    oracle_fail("fclose of the memory stream failed", NULL);
  }
  if (st == ENT_ERR_INTERNAL || st == ENT_ERR_NO_MEMORY || st == ENT_ERR_IO) {
    oracle_fail("a refusal that is not the input's", ent_strerror(st));
  }
  if (st && ent_world_error_count(world) == errors_before) {
    oracle_fail("a refusal with no message", ent_strerror(st));
  }
  return st;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  if (!size) {
    return 0;
  }
  const size_t which = data[0] % N_INPUTS;
  EntDiagramOptions options;
  memset(&options, 0, sizeof(options));
  options.view = views[(data[0] / N_INPUTS) % N_VIEWS];
  options.max_nodes = 40; // the cap is met by small inputs too
  const char *path = scratch.path[which];
  oracle_write_file(path, data + 1, size - 1);

  char *dot = NULL;
  size_t dot_len = 0;
  const EntStatus dot_st =
    draw(path, inputs[which].syntax, &options, ENT_DIAGRAM_DOT, &dot, &dot_len);
  char *graphml = NULL;
  size_t graphml_len = 0;
  const EntStatus graphml_st = draw(path,
                                    inputs[which].syntax,
                                    &options,
                                    ENT_DIAGRAM_GRAPHML,
                                    &graphml,
                                    &graphml_len);
  if (dot_st != graphml_st) {
    oracle_fail("DOT and GraphML of one input differ in status",
                ent_strerror(dot_st ? dot_st : graphml_st));
  }
  if (!dot_st) {
    agclose(oracle_read_dot(dot));
    oracle_check_graphml(graphml, graphml_len);
  }
  free(dot);
  free(graphml);
  return 0;
}
