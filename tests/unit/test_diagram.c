// SPDX-License-Identifier: MIT
// Diagrams read back with cgraph and compared with what was drawn: every
// label comes back exactly, nothing is injected, and the structure of the
// Riyadh diagram matches the model.

#undef NDEBUG

#include "../dot_label.h"
#include "entente.h"

#include <graphviz/cgraph.h>

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *
mut(const char *s)
{
  union {
    const char *in;
    char *out;
  } u = { s };
  return u.out;
}

static void
quiet(void *handle,
      EntLogLevel level,
      EntStatus status,
      const EntCaret *caret,
      const char *message)
{
  (void)handle;
  (void)status;
  (void)caret;
  if (level == ENT_LOG_ERROR) {
    fprintf(stderr, "error: %s\n", message);
  }
}

/// A label read back, unescaped (free with free()).
static char *
unescape(const char *s)
{
  char *out = dot_label_unescape(s);
  assert(out);
  return out;
}

/// The diagram of `graph` as DOT text (free with free()).
static char *
dot_of(EntGraph *graph, const EntDiagramOptions *options)
{
  char *text = NULL;
  size_t len = 0;
  FILE *stream = open_memstream(&text, &len);
  assert(stream);
  assert(ent_export_diagram(graph, ENT_DIAGRAM_DOT, options, stream) ==
         ENT_SUCCESS);
  assert(fclose(stream) == 0);
  return text;
}

/// The node whose label, unescaped, is `label`; counts such nodes.
static Agnode_t *
node_labelled(Agraph_t *g, const char *label, int *count)
{
  Agnode_t *found = NULL;
  *count = 0;
  for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
    const char *raw = agget(n, mut("label"));
    char *text = unescape(raw ? raw : "");
    if (!strcmp(text, label)) {
      found = n;
      ++*count;
    }
    free(text);
  }
  return found;
}

static size_t
count_nodes(Agraph_t *g, const char *prefix)
{
  size_t n = 0;
  for (Agnode_t *v = agfstnode(g); v; v = agnxtnode(g, v)) {
    n += !strncmp(agnameof(v), prefix, strlen(prefix));
  }
  return n;
}

static void
test_hostile_labels(EntWorld *world, const EntOntology *ontology)
{
  static char big[100 * 1024 + 1];
  for (size_t i = 0; i < sizeof(big) - 1; ++i) {
    big[i] = (char)('a' + (char)(i % 26));
  }
  big[sizeof(big) - 1] = '\0';
  const char *names[] = {
    "ends with a backslash \\",
    "two\nlines",
    "<b>bold</b> and <unbalanced",
    "<<html>>",
    "node",
    "subgraph",
    "\"quoted\" & ampersand &amp; \\\" \\n \\l \\N",
    "Зеленський",
    "\xD8\xA7\xD9\x84\xD8\xB1\xD9\x8A\xD8\xA7\xD8\xB6 (Riyadh)",
    "\xE2\x80\xAE right-to-left override",
    "} ] ; -> -- n1 [label=x]",
    // agwrite writes these unquoted, as numbers; it cannot read "-." back.
    "-.",
    "-",
    ".",
    "-5.",
    big,
  };
  const size_t n_names = sizeof(names) / sizeof(names[0]);
  EntGraph *graph = NULL;
  assert(ent_graph_new(world, ontology, "https://example.org/id/", &graph) ==
         ENT_SUCCESS);
  for (size_t i = 0; i < n_names; ++i) {
    char id[32];
    snprintf(id, sizeof(id), "person-%zu", i);
    assert(ent_graph_add_entity(
             graph, ENT_CLASS_OFFICIAL, id, names[i], NULL, NULL) ==
           ENT_SUCCESS);
  }
  char *text = dot_of(graph, NULL);
  Agraph_t *g = agmemread(text);
  assert(g);
  // Exactly one node per official (no injected nodes), plus the legend.
  assert(count_nodes(g, "n") == n_names);
  assert(agnnodes(g) == (int)n_names + 1);
  assert(agnedges(g) == 0);
  for (size_t i = 0; i < n_names; ++i) {
    int count = 0;
    if (names[i] != big) {
      assert(node_labelled(g, names[i], &count));
      assert(count == 1);
    }
  }
  // The 100 KiB name, one word with no space to break at: its label is
  // its first six lines of 80 characters and an ellipsis (not a node a
  // page wide, or tall); the tooltip holds the first 8 KiB of it and an
  // ellipsis (one word of 16 KiB is more than Graphviz's reader takes
  // back).
  char capped[1024] = "";
  for (int line = 0; line < 6; ++line) {
    snprintf(capped + strlen(capped),
             sizeof(capped) - strlen(capped),
             "%.80s%s",
             big + 80 * line,
             line < 5 ? "\n" : "…");
  }
  int count = 0;
  Agnode_t *v = node_labelled(g, capped, &count);
  assert(v && count == 1);
  char *tooltip = unescape(agget(v, mut("tooltip")));
  assert(!strncmp(tooltip, big, 8192));
  assert(!strncmp(tooltip + 8192, "…", strlen("…")));
  assert(strlen(tooltip) == 8192 + strlen("…"));
  free(tooltip);
  agclose(g);
  free(text);
  ent_graph_free(graph);
}

/// Every node the all view should draw is there with its name, and every
/// relation between drawn entities is an edge with the ontology's label.
static void
test_riyadh_structure(EntWorld *world, const EntOntology *ontology)
{
  const char *src = getenv("ENTENTE_SRC");
  assert(src);
  // The seed article, read against its corpus's registry.
  char corpus[4096];
  char path[4200];
  snprintf(corpus, sizeof(corpus), "%s/data", src);
  snprintf(path,
           sizeof(path),
           "%s/articles/seed-2025-03-24-us-to-meet-russians.xml",
           corpus);
  EntGraph *graph = NULL;
  assert(ent_graph_new(world, ontology, NULL, &graph) == ENT_SUCCESS);
  assert(ent_graph_load_corpus(graph, corpus) == ENT_SUCCESS);
  assert(ent_load_dataset(graph, path) == ENT_SUCCESS);
  char *text = dot_of(graph, NULL);
  Agraph_t *g = agmemread(text);
  assert(g);

  static const struct {
    const char *label; // first line of the node's label
    const char *cluster_path;
  } expected[] = {
    { "Andrew Peek", "United States" },
    { "Sergei Beseda", "Russia" },
    { "Foreign Affairs Committee of the Federation Council",
      "Russia/Federation Council" },
    { "National Security Council", "United States/White House" },
    { "US–Russia technical talks in Riyadh", NULL },
    { "Russian delegation at the 24 March talks", NULL },
    { "Halt of strikes on energy infrastructure", NULL },
    { "Russian drone strike on Kyiv", NULL },
  };
  for (size_t i = 0; i < sizeof(expected) / sizeof(expected[0]); ++i) {
    Agnode_t *found = NULL;
    for (Agnode_t *n = agfstnode(g); n && !found; n = agnxtnode(g, n)) {
      char *label = unescape(agget(n, mut("label")));
      char *newline = strchr(label, '\n');
      if (newline) {
        *newline = '\0';
      }
      found = !strcmp(label, expected[i].label) ? n : NULL;
      free(label);
    }
    assert(found);
    if (expected[i].cluster_path) {
      // Walk the clusters from the root down to the node.
      char path_copy[256];
      snprintf(path_copy, sizeof(path_copy), "%s", expected[i].cluster_path);
      Agraph_t *at = g;
      for (char *save = NULL, *part = strtok_r(path_copy, "/", &save); part;
           part = strtok_r(NULL, "/", &save)) {
        Agraph_t *next = NULL;
        for (Agraph_t *sub = agfstsubg(at); sub && !next;
             sub = agnxtsubg(sub)) {
          const char *label = agget(sub, mut("label"));
          next = label && !strcmp(label, part) ? sub : NULL;
        }
        assert(next);
        at = next;
      }
      assert(agsubnode(at, found, 0));
    }
  }
  // Relations: Karasin and Beseda are members of the Russian delegation,
  // Peek heads the US one; labels come from the ontology's rdfs:label.
  int count = 0;
  (void)count;
  size_t member_of = 0;
  size_t head_of = 0;
  for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
    for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e)) {
      const char *label = agget(e, mut("label"));
      member_of += label && !strcmp(label, "member of");
      head_of += label && !strcmp(label, "head of");
    }
  }
  assert(member_of == 2); // Karasin, Beseda (leaders are drawn as heads)
  assert(head_of == 5);   // Peek, Anton twice; Umerov once
  // No node for plumbing: posts, attributions, sources, statements.
  for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
    const char *url = agget(n, mut("URL"));
    assert(!url || !*url || !strstr(url, "/attribution/"));
    assert(!url || !*url || !strstr(url, "/post/"));
    assert(!url || !*url || !strstr(url, "/statement/"));
  }
  agclose(g);
  free(text);

  // Same input, same bytes.
  char *again = dot_of(graph, NULL);
  char *first = dot_of(graph, NULL);
  assert(!strcmp(again, first));
  free(again);
  free(first);

  // The node cap leaves a "+N more" node.
  EntDiagramOptions capped = { 0 };
  capped.max_nodes = 5;
  text = dot_of(graph, &capped);
  g = agmemread(text);
  assert(g);
  assert(count_nodes(g, "n") == 5);
  assert(agnode(g, mut("more"), 0));
  agclose(g);
  free(text);
  ent_graph_free(graph);
}

int
main(void)
{
  EntWorld *world = NULL;
  EntOntology *ontology = NULL;
  assert(ent_world_new(&world) == ENT_SUCCESS);
  ent_world_set_log(world, quiet, NULL);
  assert(ent_ontology_load(world, NULL, &ontology) == ENT_SUCCESS);
  test_hostile_labels(world, ontology);
  test_riyadh_structure(world, ontology);
  ent_ontology_free(ontology);
  ent_world_free(world);
  return 0;
}
