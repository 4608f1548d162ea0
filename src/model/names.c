// SPDX-License-Identifier: MIT
// Probable duplicates: entities whose names differ only in how Unicode
// spells them (NFC or NFD, a zero-width or other invisible character).
// Two such names look the same to a reader and to a search, but make two
// nodes; a curator almost always meant one.

#include "model.h"

#include <utf8proc.h>

#include <stdlib.h>
#include <string.h>

typedef struct {
  char *key;       ///< The name in NFC without default-ignorable characters
  uint32_t entity; ///< Index in the graph
} NameKey;

static int
by_key(const void *a, const void *b)
{
  const NameKey *x = a;
  const NameKey *y = b;
  const int c = strcmp(x->key, y->key);
  return c ? c : (x->entity > y->entity) - (x->entity < y->entity);
}

/// `name` with every invisible or combining character written as \uXXXX,
/// so that a message shows how two look-alike names differ.
static void
visible(const char *name, EntBuf *out)
{
  const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)name;
  const utf8proc_ssize_t len = (utf8proc_ssize_t)strlen(name);
  for (utf8proc_ssize_t i = 0; i < len;) {
    utf8proc_int32_t c = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(s + i, len - i, &c);
    if (n <= 0) {
      ent_buf_append(out, "?", 1);
      ++i;
      continue;
    }
    const utf8proc_property_t *p = utf8proc_get_property(c);
    if (p->ignorable || p->category == UTF8PROC_CATEGORY_MN ||
        p->category == UTF8PROC_CATEGORY_CF) {
      ent_buf_appendf(out, "\\u%04X", (unsigned)c);
    } else {
      ent_buf_append(out, name + i, (size_t)n);
    }
    i += n;
  }
}

EntStatus
ent_graph_check_names(EntGraph *graph, size_t *count)
{
  EntGraph *g = graph;
  NameKey *keys = malloc((g->n_entities ? g->n_entities : 1) * sizeof(NameKey));
  if (!keys) {
    return ENT_ERR_NO_MEMORY;
  }
  EntStatus st = ENT_SUCCESS;
  size_t n = 0;
  for (size_t i = 0; i < g->n_entities && !st; ++i) {
    const Entity *e = &g->entities[i];
    // Posts and responses are keyed by their content already.
    if (!e->name || e->content_keyed) {
      continue;
    }
    utf8proc_uint8_t *key = NULL;
    const utf8proc_ssize_t len = utf8proc_map(
      (const utf8proc_uint8_t *)e->name,
      0,
      &key,
      UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_IGNORE);
    if (len < 0) {
      free(key);
      continue; // not UTF-8: the loader refuses that already
    }
    keys[n++] = (NameKey){ (char *)key, (uint32_t)i };
  }
  if (n > 1) {
    qsort(keys, n, sizeof(NameKey), by_key);
  }
  size_t found = 0;
  size_t group = 0; // first entry of the run of equal keys entry i is in
  for (size_t i = 1; i < n; ++i) {
    if (strcmp(keys[group].key, keys[i].key) != 0) {
      group = i;
      continue;
    }
    const Entity *first = &g->entities[keys[group].entity];
    const Entity *e = &g->entities[keys[i].entity];
    if (!strcmp(first->name, e->name)) {
      continue; // the same bytes: two entities may share a name
    }
    EntBuf a = { NULL, 0, 0 };
    EntBuf b = { NULL, 0, 0 };
    visible(first->name, &a);
    visible(e->name, &b);
    ent_log(g->world,
            ENT_LOG_WARNING,
            ENT_FAILURE,
            &e->at,
            "%s '%s' is named '%s', which differs from the name '%s' of %s "
            "'%s' (%s:%lu) only in Unicode normalisation or invisible "
            "characters: probably one entity; if so, define it once and "
            "refer to its ID",
            ent_class_noun(e->cls),
            e->id,
            b.buf ? b.buf : "",
            a.buf ? a.buf : "",
            ent_class_noun(first->cls),
            first->id,
            first->at.document ? first->at.document : "?",
            first->at.line);
    ent_buf_free(&a);
    ent_buf_free(&b);
    ++found;
  }
  for (size_t i = 0; i < n; ++i) {
    free(keys[i].key);
  }
  free(keys);
  if (count) {
    *count = found;
  }
  return st;
}
