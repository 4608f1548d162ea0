// SPDX-License-Identifier: MIT
// Probable duplicates: entities whose names differ only in how Unicode
// spells them (NFC or NFD, a zero-width or other invisible character).
// Two such names look the same to a reader and to a search, but make two
// nodes; a curator almost always meant one.

#include "model.h"

#include <utf8proc.h>

#include <stdlib.h>
#include <string.h>

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

/// Warn that entity `e`'s name looks like that of `first`, its first
/// entity with the same key.
static void
warn_look_alike(EntGraph *g, const Entity *first, const Entity *e)
{
  EntBuf a = { NULL, 0, 0 };
  EntBuf b = { NULL, 0, 0 };
  visible(first->name, &a);
  visible(e->name, &b);
  const EntCaret at = ent_caret_of(e->at);
  ent_log(g->world,
          ENT_LOG_WARNING,
          ENT_FAILURE,
          &at,
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
          (unsigned long)first->at.line);
  ent_buf_free(&a);
  ent_buf_free(&b);
}

EntStatus
ent_graph_check_names(EntGraph *graph, size_t *count)
{
  EntGraph *g = graph;
  // Each entity's key (its name in NFC without default-ignorable
  // characters) goes into a map to the first entity that had it, in the
  // order entities were defined: found in one pass (sorting the keys read
  // them again in every comparison), and warned about in that order.
  char **keys = malloc((g->n_entities ? g->n_entities : 1) * sizeof(char *));
  if (!keys) {
    return ENT_ERR_NO_MEMORY;
  }
  EntMap first_of;
  ent_map_init(&first_of);
  EntStatus st = ENT_SUCCESS;
  size_t n = 0;
  size_t found = 0;
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
    keys[n++] = (char *)key;
    const uintptr_t first = (uintptr_t)ent_map_get(&first_of, (char *)key);
    if (!first) {
      st = ent_map_put(&first_of, (char *)key, (void *)(uintptr_t)(i + 1));
      continue;
    }
    const Entity *f = &g->entities[first - 1];
    if (!strcmp(f->name, e->name)) {
      continue; // the same bytes: two entities may share a name
    }
    warn_look_alike(g, f, e);
    ++found;
  }
  ent_map_clear(&first_of);
  for (size_t i = 0; i < n; ++i) {
    free(keys[i]);
  }
  free(keys);
  if (count) {
    *count = found;
  }
  return st;
}
