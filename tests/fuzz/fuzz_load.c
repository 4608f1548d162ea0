// SPDX-License-Identifier: MIT
// libFuzzer target: bytes -> a dataset file -> ent_load_dataset() into a
// graph with the built-in ontology.  Whatever loads must export in every
// RDF format and read back with raptor2 (no error, the same statement
// count), and draw as DOT that cgraph reads back (see oracle.h).  The
// schema verdict is checked against libxml2's own RELAX NG validator on
// the same schema: what entente's validator accepts, libxml2's accepts,
// and what it refuses as schema-invalid, libxml2's refuses too.  The
// streaming export (ent_export_rdf_stream) of the same file gives the same
// status and bytes in one thread and in two, and succeeds when the loader
// did.

#define _GNU_SOURCE 1 // memmem

#include "oracle.h"

#include <libxml/relaxng.h>

#include <stdint.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static EntWorld *world;
static EntOntology *ontology;
extern const unsigned char ent_builtin_schema[];
extern const size_t ent_builtin_schema_size;

static xmlRelaxNGPtr reference_schema;
static OracleScratch scratch;
static const char *path; ///< The input file, in `scratch`

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
  const char *const files[] = { "input.xml" };
  oracle_scratch_make(&scratch, "load", files, 1);
  path = scratch.path[0];
  atexit(remove_scratch);
  xmlRelaxNGParserCtxtPtr parser = xmlRelaxNGNewMemParserCtxt(
    (const char *)ent_builtin_schema, (int)ent_builtin_schema_size);
  reference_schema = parser ? xmlRelaxNGParse(parser) : NULL;
  xmlRelaxNGFreeParserCtxt(parser);
  if (!reference_schema) {
    oracle_fail("libxml2 cannot compile the built-in schema", NULL);
  }
  return 0;
}

static void
ignore_xml_error(void *handle, xmlErrorPtr error)
{
  (void)handle;
  (void)error;
}

/// libxml2's RELAX NG verdict on the input: 1 valid, 0 invalid, -1 when it
/// does not apply (not well-formed, or with a DTD, which entente refuses
/// before any validation and libxml2 would act on).
static int
reference_verdict(const uint8_t *data, size_t size)
{
  if (size > INT32_MAX || memmem(data, size, "<!DOCTYPE", 9) ||
      memmem(data, size, "<!ENTITY", 8)) {
    return -1;
  }
  xmlDocPtr doc =
    xmlReadMemory((const char *)data,
                  (int)size,
                  path,
                  NULL,
                  XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES |
                    XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!doc) {
    return -1;
  }
  xmlRelaxNGValidCtxtPtr check = xmlRelaxNGNewValidCtxt(reference_schema);
  if (!check) {
    oracle_fail("out of memory", NULL);
  }
  xmlRelaxNGSetValidStructuredErrors(check, ignore_xml_error, NULL);
  const int rc = xmlRelaxNGValidateDoc(check, doc);
  xmlRelaxNGFreeValidCtxt(check);
  xmlFreeDoc(doc);
  return rc == 0 ? 1 : rc > 0 ? 0 : -1;
}

/// Stream the input as N-Quads (ent_export_rdf_stream) with `threads`;
/// the status, and the bytes in *text (free with free()).
static EntStatus
stream_export(unsigned threads, char **text, size_t *len)
{
  EntGraph *graph = NULL;
  if (ent_graph_new(world, ontology, NULL, &graph)) {
    oracle_fail("ent_graph_new failed", NULL);
  }
  FILE *out = open_memstream(text, len);
  if (!out) {
    oracle_fail("open_memstream failed", NULL);
  }
  ent_world_set_threads(world, threads);
  const char *const paths[] = { path };
  const EntStatus st =
    ent_export_rdf_stream(graph, paths, 1, ENT_FORMAT_NQUADS, out, NULL);
  ent_world_set_threads(world, 1);
  if (fclose(out)) {
    oracle_fail("closing a memory stream failed", NULL);
  }
  ent_graph_free(graph);
  return st;
}

/// The streaming export, in one thread and in two: the same status and,
/// when it succeeds, the same bytes; it succeeds exactly when loading and
/// checking the quotes did (`loaded`).
static void
check_stream(EntStatus loaded)
{
  char *one = NULL;
  char *two = NULL;
  size_t one_len = 0;
  size_t two_len = 0;
  const EntStatus st1 = stream_export(1, &one, &one_len);
  const EntStatus st2 = stream_export(2, &two, &two_len);
  if (st1 != st2) {
    oracle_fail("the streaming export's status depends on --threads", path);
  }
  if (!st1 && (one_len != two_len || memcmp(one, two, one_len))) {
    oracle_fail("the streaming export's bytes depend on --threads", path);
  }
  if (!loaded != !st1) {
    oracle_fail(loaded ? "the streaming export accepted what the loader "
                         "refuses"
                       : "the loader accepted what the streaming export "
                         "refuses",
                ent_strerror(loaded ? loaded : st1));
  }
  free(one);
  free(two);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  oracle_write_file(path, data, size);
  EntGraph *graph = NULL;
  if (ent_graph_new(world, ontology, NULL, &graph)) {
    oracle_fail("ent_graph_new failed", NULL);
  }
  const unsigned long errors_before = ent_world_error_count(world);
  const unsigned long schema_errors_before = oracle_schema_errors;
  const EntStatus st = ent_load_dataset(graph, path);
  const bool refused_by_schema = oracle_schema_errors != schema_errors_before;
  if (st == ENT_SUCCESS || refused_by_schema) {
    const int reference = reference_verdict(data, size);
    if (st == ENT_SUCCESS && reference == 0) {
      oracle_fail("entente accepted what libxml2's RELAX NG validator refuses",
                  path);
    }
    if (refused_by_schema && reference == 1) {
      oracle_fail("entente's schema validator refused what libxml2's accepts",
                  path);
    }
  }
  if (st == ENT_SUCCESS) {
    // The loader said yes: every writer must agree.
    oracle_check_rdf(graph, NULL, 0, true);
    oracle_check_diagrams(graph);
  } else if (ent_world_error_count(world) == errors_before) {
    oracle_fail("the loader failed without a message", ent_strerror(st));
  }
  // The stream checks quotes against their sources' texts as it goes, as
  // the command does after loading.
  check_stream(st ? st : ent_graph_check_quotes(graph));
  ent_graph_free(graph);
  return 0;
}
