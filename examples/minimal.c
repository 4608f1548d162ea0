// SPDX-License-Identifier: MIT
// Build a small graph through the API alone and write it as Turtle.
#include <entente.h>

#include <stdio.h>

#define CHECK(expr)                                          \
  do {                                                       \
    const EntStatus st_ = (expr);                            \
    if (st_) {                                               \
      fprintf(stderr, "%s: %s\n", #expr, ent_strerror(st_)); \
      return 1;                                              \
    }                                                        \
  } while (0)

int
main(void)
{
  EntWorld *world = NULL;
  EntOntology *ontology = NULL;
  EntGraph *graph = NULL;
  CHECK(ent_world_new(&world));
  CHECK(ent_ontology_load(world, NULL, &ontology)); // the built-in ontology
  CHECK(ent_graph_new(world, ontology, "https://example.org/id/", &graph));

  // Where the facts come from: the first source is every fact's default.
  CHECK(ent_graph_add_entity(
    graph, ENT_CLASS_SOURCE, "wire-report", "Talks in Riyadh", "en", NULL));
  CHECK(ent_graph_add_value(
    graph, "wire-report", ENT_PROP_PUBLISHED, "2025-03-24", NULL, NULL));

  CHECK(ent_graph_add_entity(
    graph, ENT_CLASS_COUNTRY, "ukraine", "Ukraine", "en", NULL));
  CHECK(ent_graph_add_entity(
    graph, ENT_CLASS_OFFICIAL, "umerov", "Rustem Umerov", "en", NULL));
  CHECK(ent_graph_add_value(
    graph, "umerov", ENT_PROP_ALIAS, "Рустем Умєров", "uk", NULL));
  CHECK(
    ent_graph_relate(graph, "umerov", ENT_PROP_NATIONALITY, "ukraine", NULL));

  CHECK(ent_graph_add_entity(graph,
                             ENT_CLASS_NEGOTIATION,
                             "riyadh-talks",
                             "US–Ukraine talks in Riyadh",
                             "en",
                             NULL));
  CHECK(ent_graph_add_value(
    graph, "riyadh-talks", ENT_PROP_START_DATE, "2025-03-23", NULL, NULL));
  CHECK(ent_graph_set_concept(
    graph, "riyadh-talks", ENT_PROP_FORMAT, "technical", NULL));

  CHECK(ent_graph_add_entity(graph,
                             ENT_CLASS_QUOTATION,
                             "umerov-just-peace",
                             "bring about a just peace",
                             "en",
                             NULL));
  CHECK(ent_graph_add_value(graph,
                            "umerov-just-peace",
                            ENT_PROP_TEXT,
                            "bring about a just peace and strengthen security",
                            "en",
                            NULL));
  CHECK(ent_graph_relate(
    graph, "umerov-just-peace", ENT_PROP_SPEAKER, "umerov", NULL));
  CHECK(ent_graph_relate(
    graph, "umerov-just-peace", ENT_PROP_CONCERNS, "riyadh-talks", NULL));

  // A relation the ontology forbids is refused with a message.
  if (ent_graph_relate(graph, "ukraine", ENT_PROP_HOLDS_POST, "umerov", NULL) !=
      ENT_ERR_WRONG_CLASS) {
    return 1;
  }

  size_t written = 0;
  CHECK(ent_export_rdf(graph, ENT_FORMAT_TURTLE, stdout, &written));
  fprintf(stderr, "%zu statements\n", written);

  ent_graph_free(graph);
  ent_ontology_free(ontology);
  ent_world_free(world);
  return 0;
}
