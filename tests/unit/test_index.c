// SPDX-License-Identifier: MIT
// Unit tests of streaming's entity index: fingerprints sorted and found,
// one post made by several elements kept once, shared keys set aside; and
// a streaming export whose keys are cut to a few bits (so that most IDs
// share one) writing the same bytes as with 64-bit keys.

#undef NDEBUG

#include "entente.h"
#include "model/model.h"

#include <assert.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
test_sorted_and_found(void)
{
  EntIndex index;
  memset(&index, 0, sizeof(index));
  enum { N = 5000 };
  char id[32];
  for (unsigned i = 0; i < N; ++i) {
    snprintf(id, sizeof(id), "official-%u", i);
    assert(ent_index_add(&index, id, ENT_CLASS_OFFICIAL, 1 + i % 7, i) ==
           ENT_SUCCESS);
  }
  assert(ent_index_seal(&index) == ENT_SUCCESS);
  assert(index.n == N && index.n_suspects == 0);
  bool *seen = calloc(N, sizeof(bool));
  assert(seen);
  for (unsigned i = 0; i < N; ++i) {
    snprintf(id, sizeof(id), "official-%u", i);
    uint32_t rank = UINT32_MAX;
    const EntIndexEntry *e = ent_index_find(&index, id, &rank);
    assert(e && rank < N && !seen[rank]);
    seen[rank] = true;
    assert(ent_index_class(e) == ENT_CLASS_OFFICIAL);
    assert(ent_index_dataset(e) == 1 + i % 7 && e->source == i);
  }
  free(seen);
  uint32_t rank = 0;
  assert(!ent_index_find(&index, "official-5000", &rank));
  assert(!ent_index_find(&index, "", &rank));
  ent_index_free(&index);
}

static void
test_posts_and_suspects(void)
{
  EntIndex index;
  memset(&index, 0, sizeof(index));
  // One post that three elements make (datasets 3, 1, 2): kept once,
  // under the first dataset.
  const char *post = "lavrov/foreign-ministry/minister";
  assert(ent_index_add(&index, post, ENT_CLASS_POST, 3, 0) == ENT_SUCCESS);
  assert(ent_index_add(&index, post, ENT_CLASS_POST, 1, 0) == ENT_SUCCESS);
  assert(ent_index_add(&index, post, ENT_CLASS_POST, 2, 0) == ENT_SUCCESS);
  // One ID defined twice: a suspect, gone from the index.
  assert(ent_index_add(&index, "peskov", ENT_CLASS_OFFICIAL, 1, 0) ==
         ENT_SUCCESS);
  assert(ent_index_add(&index, "peskov", ENT_CLASS_OFFICIAL, 2, 0) ==
         ENT_SUCCESS);
  assert(ent_index_add(&index, "russia", ENT_CLASS_COUNTRY, 1, 0) ==
         ENT_SUCCESS);
  assert(ent_index_seal(&index) == ENT_SUCCESS);
  uint32_t rank = 0;
  const EntIndexEntry *e = ent_index_find(&index, post, &rank);
  assert(e && ent_index_class(e) == ENT_CLASS_POST &&
         ent_index_dataset(e) == 1);
  assert(!ent_index_find(&index, "peskov", &rank));
  assert(ent_index_suspect(&index, "peskov"));
  assert(!ent_index_suspect(&index, "russia"));
  assert(ent_index_find(&index, "russia", &rank));
  ent_index_free(&index);

  // Keys of one bit: two posts share a key but not their second hash,
  // so both are suspects rather than one post.
  memset(&index, 0, sizeof(index));
  index.key_bits = 1;
  char id[32];
  for (unsigned i = 0; i < 8; ++i) {
    snprintf(id, sizeof(id), "holder-%u/minister", i);
    assert(ent_index_add(&index, id, ENT_CLASS_POST, 1, 0) == ENT_SUCCESS);
  }
  assert(ent_index_seal(&index) == ENT_SUCCESS);
  // Eight posts in two keys: a key of more than one is a suspect; a key
  // of one is found.
  assert(index.n_suspects >= 1 && index.n + index.n_suspects <= 2);
  for (unsigned i = 0; i < 8; ++i) {
    snprintf(id, sizeof(id), "holder-%u/minister", i);
    assert(ent_index_suspect(&index, id) !=
           !!ent_index_find(&index, id, &rank));
  }
  ent_index_free(&index);
}

static void
test_actor_names(void)
{
  EntIndex index;
  memset(&index, 0, sizeof(index));
  char id[32];
  char name[32];
  for (unsigned i = 0; i < 1000; ++i) {
    snprintf(id, sizeof(id), "country-%u", i);
    snprintf(name, sizeof(name), "Country %u", i);
    assert(ent_index_put_name(&index, id, i, name) == ENT_SUCCESS);
  }
  // Known to the elements after the one that defined it, not before.
  assert(!strcmp(ent_index_name(&index, "country-17", 18), "Country 17"));
  assert(!ent_index_name(&index, "country-17", 17));
  assert(!ent_index_name(&index, "country-1000", 5000));
  ent_index_free(&index);
}

static void
print_log(void *handle,
          EntLogLevel level,
          EntStatus status,
          const EntCaret *caret,
          const char *message)
{
  (void)handle;
  (void)status;
  if (level == ENT_LOG_ERROR) {
    fprintf(stderr,
            "%s:%lu: %s\n",
            caret && caret->document ? caret->document : "-",
            caret ? caret->line : 0UL,
            message);
  }
}

/// The N-Quads of the corpus `dir` (its articles in name order), streamed
/// with keys of `bits` bits; malloc'd.
static char *
stream_corpus(const char *dir, unsigned bits, size_t *count)
{
  EntWorld *world = NULL;
  EntOntology *ontology = NULL;
  EntGraph *graph = NULL;
  assert(ent_world_new(&world) == ENT_SUCCESS);
  ent_world_set_log(world, print_log, NULL);
  assert(ent_ontology_load(world, NULL, &ontology) == ENT_SUCCESS);
  assert(ent_graph_new(world, ontology, NULL, &graph) == ENT_SUCCESS);
  ent_graph_set_key_bits(graph, bits);
  assert(ent_graph_load_corpus(graph, dir) == ENT_SUCCESS);
  char articles[4096];
  snprintf(articles, sizeof(articles), "%s/articles", dir);
  struct dirent **names = NULL;
  const int n = scandir(articles, &names, NULL, alphasort);
  assert(n > 2);
  char **paths = calloc((size_t)n, sizeof(char *));
  size_t n_paths = 0;
  for (int i = 0; i < n; ++i) {
    const char *name = names[i]->d_name;
    const size_t len = strlen(name);
    if (len > 4 && !strcmp(name + len - 4, ".xml")) {
      paths[n_paths] = malloc(strlen(articles) + len + 2);
      sprintf(paths[n_paths++], "%s/%s", articles, name);
    }
    free(names[i]);
  }
  free(names);
  char *text = NULL;
  size_t size = 0;
  FILE *out = open_memstream(&text, &size);
  assert(out);
  const EntStatus st = ent_export_rdf_stream(
    graph, (const char *const *)paths, n_paths, ENT_FORMAT_NQUADS, out, count);
  assert(st == ENT_SUCCESS);
  fclose(out);
  for (size_t i = 0; i < n_paths; ++i) {
    free(paths[i]);
  }
  free(paths);
  ent_graph_free(graph);
  ent_ontology_free(ontology);
  ent_world_free(world);
  return text;
}

static void
test_colliding_keys(const char *src)
{
  char dir[4096];
  snprintf(dir, sizeof(dir), "%s/data", src);
  size_t full = 0;
  size_t cut = 0;
  char *expected = stream_corpus(dir, 0, &full);
  // Three bits: eight keys for a few hundred entities and posts.  Every
  // key is shared, every entity read exactly by the third pass.
  char *got = stream_corpus(dir, 3, &cut);
  assert(full > 1000 && cut == full);
  assert(!strcmp(expected, got));
  free(got);
  // Twelve bits: some shared, most not.
  got = stream_corpus(dir, 12, &cut);
  assert(cut == full && !strcmp(expected, got));
  free(got);
  free(expected);
}

int
main(void)
{
  test_sorted_and_found();
  test_posts_and_suspects();
  test_actor_names();
  const char *src = getenv("ENTENTE_SRC");
  if (src) {
    test_colliding_keys(src);
  } else {
    puts("SKIP: ENTENTE_SRC is not set; the export with colliding keys");
  }
  puts("ok: test_index");
  return 0;
}
