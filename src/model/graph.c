// SPDX-License-Identifier: MIT
// The builder: every call checks what it is given before the model
// changes, so that exporters can trust the model.

#include "model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const class_names[ENT_CLASS_COUNT_] = {
  "source",    "outlet",     "country",   "place",       "institution",
  "official",  "post",       "topic",     "negotiation", "delegation",
  "quotation", "paraphrase", "agreement", "incident",    "anonymous source",
  "response",  "corpus",
};

const char *
ent_class_noun(const EntClass cls)
{
  return (unsigned)cls < ENT_CLASS_COUNT_ ? class_names[cls] : "entity";
}

static EntStatus fail(EntGraph *g,
                      EntStatus st,
                      const EntCaret *at,
                      const char *fmt,
                      ...) ENT_PRINTF(4, 5);

static EntStatus
fail(EntGraph *g, const EntStatus st, const EntCaret *at, const char *fmt, ...)
{
  va_list args;
  va_start(args, fmt);
  ent_vlog(g->world, ENT_LOG_ERROR, st, at, fmt, args);
  va_end(args);
  return st;
}

bool
ent_iri_is_valid(const char *iri)
{
  return iri && ent_is_absolute_iri(iri);
}

bool
ent_iri_usable_as_base(const char *iri)
{
  char why[200];
  return !ent_base_problem(iri, why, sizeof(why));
}

EntStatus
ent_graph_new(EntWorld *world,
              const EntOntology *ontology,
              const char *base_iri,
              EntGraph **out)
{
  *out = NULL;
  if (!world || !ontology) {
    return ENT_ERR_BAD_ARG;
  }
  const EntStatus usable = ont_require_entente(ontology);
  if (usable) {
    return usable;
  }
  const char *base = base_iri ? base_iri : ENT_DEFAULT_BASE;
  char why[200];
  if (ent_base_problem(base, why, sizeof(why))) {
    ent_log(world,
            ENT_LOG_ERROR,
            ENT_ERR_BAD_VALUE,
            NULL,
            "base IRI '%s' %s",
            base,
            why);
    return ENT_ERR_BAD_VALUE;
  }
  EntGraph *g = calloc(1, sizeof(EntGraph));
  if (!g) {
    return ENT_ERR_NO_MEMORY;
  }
  g->world = world;
  g->ontology = ontology;
  g->current_source = ENT_NO_ENTITY;
  g->corpus = ENT_NO_ENTITY;
  g->write_registry = true;
  ent_pool_init(&g->strings);
  ent_map_init(&g->ids);
  ent_map_init(&g->source_ids);
  ent_pool_init(&g->source_keys);
  ent_map_init(&g->referred);
  ent_map_init(&g->suggested);
  g->base = g->own_base = ent_pool_intern(&g->strings, base);
  g->base_fixed = base_iri != NULL;
  if (!g->base) {
    ent_graph_free(g);
    return ENT_ERR_NO_MEMORY;
  }
  *out = g;
  return ENT_SUCCESS;
}

void
ent_graph_free(EntGraph *graph)
{
  if (graph) {
    if (graph->free_emit_cache) {
      graph->free_emit_cache(graph->emit_cache);
    }
    free(graph->entities);
    free(graph->facts);
    free(graph->active);
    ent_index_free(&graph->index);
    ent_map_clear(&graph->element_ids);
    free(graph->datasets);
    ent_map_clear(&graph->ids);
    ent_map_clear(&graph->source_ids);
    ent_pool_clear(&graph->source_keys);
    ent_map_clear(&graph->text_overrides);
    ent_map_clear(&graph->referred);
    ent_map_clear(&graph->suggested);
    free((void *)graph->text_dirs);
    free(graph->unknown_refs);
    ent_pool_clear(&graph->strings);
    ent_pool_clear(&graph->element_strings);
    free(graph);
  }
}

static EntStatus activate(EntGraph *g, uint32_t index);

/// Where values go: for the element being streamed, a pool that is
/// emptied after it is written; otherwise the graph's own.
static EntPool *
value_pool(EntGraph *g)
{
  return g->stream_phase != STREAM_OFF ? &g->element_strings : &g->strings;
}

void
ent_graph_report_progress(EntGraph *graph, unsigned long long file_done)
{
  const EntPhase phases[] = {
    [STREAM_OFF] = ENT_PHASE_READ,
    [STREAM_INDEX] = ENT_PHASE_INDEX,
    [STREAM_RESOLVE] = ENT_PHASE_INDEX,
    [STREAM_WRITE] = ENT_PHASE_WRITE,
  };
  const EntProgress p = { phases[graph->stream_phase],
                          graph->input_done + file_done,
                          graph->input_total,
                          graph->elements,
                          graph->statements };
  ent_progress(graph->world, &p);
}

/// Streaming: forget the entities made for the element that ended; the
/// records it added to keep (a source) move down to the kept ones.
static void
drop_transients(EntGraph *g)
{
  size_t kept = g->n_kept;
  for (size_t i = g->n_kept; i < g->n_entities; ++i) {
    if (g->entities[i].transient) {
      continue;
    }
    if (i != kept) {
      g->entities[kept] = g->entities[i];
      Entity *e = &g->entities[kept];
      // Replaces the value under the same key: no allocation, no failure.
      (void)ent_map_put(&g->ids, e->id, (void *)(uintptr_t)(kept + 1));
      if (g->current_source == i) {
        g->current_source = (uint32_t)kept;
      }
      if (e->source == i) {
        e->source = (uint32_t)kept;
      }
      // Entities this element indexed name it as their source.
      for (size_t j = g->index.element_start; j < g->index.n; ++j) {
        if (g->index.entries[j].source == i) {
          g->index.entries[j].source = (uint32_t)kept;
        }
      }
    }
    g->entities[kept].key = (uint32_t)kept;
    ++kept;
  }
  g->n_entities = kept;
  g->n_kept = kept;
  g->index.element_start = g->index.n;
  ent_map_empty(&g->element_ids); // its slots serve the next element
}

EntStatus
ent_graph_end_element(EntGraph *graph)
{
  EntStatus st = ENT_SUCCESS;
  if (graph->stream_phase == STREAM_WRITE && graph->flush) {
    st = graph->flush(graph->flush_handle, graph);
  }
  for (size_t i = 0; i < graph->n_active; ++i) {
    graph->entities[graph->active[i]].active = false;
  }
  graph->n_active = 0;
  if (graph->stream_phase != STREAM_OFF) {
    // Written, or only checked in the first pass; the registry's facts
    // stay until they are written.
    graph->n_facts = graph->kept_facts;
    drop_transients(graph);
    ent_pool_clear(&graph->element_strings);
  }
  return st;
}

EntStatus
ent_graph_activate_registry(EntGraph *graph)
{
  EntStatus st = ENT_SUCCESS;
  for (uint32_t i = 0; i < graph->n_entities; ++i) {
    if (graph->entities[i].registry || i == graph->corpus) {
      TRY(st, activate(graph, i));
    }
  }
  return ENT_SUCCESS;
}

/// Streaming: the entity was indexed in the first pass; its element is
/// being read again, so its statements are written with this element's.
static EntStatus
activate(EntGraph *g, uint32_t index)
{
  EntStatus st = ENT_SUCCESS;
  TRY(st,
      ent_grow(&g->active, &g->cap_active, g->n_active, sizeof(uint32_t), 16));
  g->active[g->n_active++] = index;
  g->entities[index].active = true;
  return ENT_SUCCESS;
}

static uint32_t
find(const EntGraph *g, const char *id)
{
  // Hashed once for both maps: streamed, every reference looks in both.
  const uint64_t hash = ent_hash(id, strlen(id));
  uintptr_t v = (uintptr_t)ent_map_get_hashed(&g->element_ids, id, hash);
  if (!v) {
    v = (uintptr_t)ent_map_get_hashed(&g->ids, id, hash);
  }
  return v ? (uint32_t)(v - 1) : ENT_NO_ENTITY;
}

uint32_t
ent_graph_find_read(const EntGraph *graph, const char *id)
{
  return id ? find(graph, id) : ENT_NO_ENTITY;
}

EntStatus
ent_mint_iri(EntBuf *out, const char *base, EntClass cls, const char *id)
{
  // A response is named under the agreement it answers (its ID begins
  // with the agreement's).
  const EntClass under = cls == ENT_CLASS_RESPONSE ? ENT_CLASS_AGREEMENT : cls;
  return ent_buf_appendf(out, "%s%s/%s", base, ent_class_info(under)->path, id);
}

/// A record for the current element of the entity the index knows as
/// `id`: its class, dataset and source from the index, its IRI minted
/// again; no name (its own element gives it).  ENT_NO_ENTITY if the
/// index has no such ID (or no memory).
static uint32_t
from_index(EntGraph *g, const char *id)
{
  uint32_t rank = 0;
  const EntIndexEntry *entry = ent_index_find(&g->index, id, &rank);
  if (!entry || g->n_entities >= ENT_NO_ENTITY - 1 ||
      ent_grow(
        &g->entities, &g->cap_entities, g->n_entities, sizeof(Entity), 256)) {
    return ENT_NO_ENTITY;
  }
  const EntClass cls = ent_index_class(entry);
  const uint32_t dataset = ent_index_dataset(entry);
  const EntDatasetInfo *info =
    dataset < g->n_datasets_known ? &g->datasets[dataset] : NULL;
  const char *base = info && info->base ? info->base : g->own_base;
  EntBuf iri = { NULL, 0, 0 };
  Entity *e = &g->entities[g->n_entities];
  memset(e, 0, sizeof(*e));
  e->cls = cls;
  e->content_keyed = cls == ENT_CLASS_POST || cls == ENT_CLASS_RESPONSE;
  e->dataset = e->content_keyed ? 0 : dataset; // a post is every dataset's
  // A post's or response's entry holds a check of its ID, not a source
  // (nothing is derived from its first reporter's).
  e->source = e->content_keyed ? g->current_source : entry->source;
  e->transient = true;
  // Where it is defined: its dataset, the line found if a message needs it.
  e->at.document = info ? info->document : NULL;
  e->key = ENT_INDEXED_KEY | rank;
  e->id = ent_pool_copy(&g->element_strings, id, strlen(id));
  if (!e->id || ent_mint_iri(&iri, base, cls, id)) {
    ent_buf_free(&iri);
    return ENT_NO_ENTITY;
  }
  e->iri = ent_pool_copy(&g->element_strings, iri.buf, iri.len);
  ent_buf_free(&iri);
  const uint32_t index = (uint32_t)g->n_entities;
  if (!e->iri ||
      ent_map_put(&g->element_ids, e->id, (void *)(uintptr_t)(index + 1))) {
    return ENT_NO_ENTITY;
  }
  ++g->n_entities;
  return index;
}

uint32_t
ent_graph_find(EntGraph *graph, const char *id)
{
  const uint32_t i = ent_graph_find_read(graph, id);
  return i == ENT_NO_ENTITY && id && graph->index.sealed ? from_index(graph, id)
                                                         : i;
}

void
ent_graph_locate(EntGraph *graph, Entity *e)
{
  (void)graph;
  if (e->at.line || !e->at.document || !e->id) {
    return;
  }
  // Rare (a message about an entity of another element): the first line
  // of its dataset that holds id="ID" (or id='ID').
  FILE *f = fopen(e->at.document, "r");
  if (!f) {
    return;
  }
  EntBuf want[2] = { { NULL, 0, 0 }, { NULL, 0, 0 } };
  if (ent_buf_appendf(&want[0], "id=\"%s\"", e->id) ||
      ent_buf_appendf(&want[1], "id='%s'", e->id)) {
    ent_buf_free(&want[0]);
    ent_buf_free(&want[1]);
    fclose(f);
    return;
  }
  char *line = NULL;
  size_t cap = 0;
  unsigned long number = 0;
  while (getline(&line, &cap, f) > 0) {
    ++number;
    if (strstr(line, want[0].buf) || strstr(line, want[1].buf)) {
      e->at.line = number <= UINT32_MAX ? (uint32_t)number : 0;
      break;
    }
  }
  free(line);
  ent_buf_free(&want[0]);
  ent_buf_free(&want[1]);
  fclose(f);
}

void
ent_graph_set_key_bits(EntGraph *graph, unsigned bits)
{
  graph->index.key_bits = bits < 64 ? bits : 0;
}

EntStatus
ent_graph_seal_index(EntGraph *graph, size_t *suspects)
{
  EntStatus st = ENT_SUCCESS;
  TRY(st, ent_index_seal(&graph->index));
  *suspects = graph->index.n_suspects;
  return ENT_SUCCESS;
}

/// Streaming: the base the current dataset's IRIs are minted under, for
/// the IRIs of its entities made again from the index.
static EntStatus
note_base(EntGraph *g, const EntCaret *at)
{
  const size_t d = g->current_dataset;
  while (d >= g->n_datasets_known) {
    const size_t known = g->n_datasets_known;
    EntStatus st = ENT_SUCCESS;
    TRY(
      st,
      ent_grow(
        &g->datasets, &g->n_datasets_known, known, sizeof(EntDatasetInfo), 16));
    memset(g->datasets + known,
           0,
           (g->n_datasets_known - known) * sizeof(EntDatasetInfo));
  }
  EntDatasetInfo *info = &g->datasets[d];
  info->base = g->base;
  if (at && at->document && !info->document) {
    info->document = ent_pool_intern(&g->strings, at->document);
  }
  return ENT_SUCCESS;
}

/// Whether entities of class `cls` are actors (a delegation may be named
/// after one); asked of the ontology once per class.
static bool
is_actor(EntGraph *g, EntClass cls)
{
  if (!g->actor_known[cls]) {
    g->actor_class[cls] =
      ont_is_subclass(g->ontology, ent_class_iri(cls), ENT_NS "Actor");
    g->actor_known[cls] = true;
  }
  return g->actor_class[cls];
}

EntStatus
ent_graph_index_entity(EntGraph *graph,
                       const char *id,
                       EntClass cls,
                       const char *name,
                       const EntCaret *at)
{
  EntGraph *g = graph;
  EntStatus st = ENT_SUCCESS;
  TRY(st, note_base(g, at));
  TRY(st,
      ent_index_add(&g->index, id, cls, g->current_dataset, g->current_source));
  if (name && is_actor(g, cls)) {
    // As a whole read keeps it (ent_pool_copy_nfc()): the names made from
    // it are the same bytes streamed or not.
    char *nfc = NULL;
    TRY(st, ent_nfc(name, strlen(name), &nfc));
    const unsigned long long element = g->elements;
    st = ent_index_put_name(&g->index,
                            id,
                            element < ENT_MAX_ELEMENT ? (uint32_t)element
                                                      : ENT_MAX_ELEMENT,
                            nfc ? nfc : name);
    free(nfc);
    if (st) {
      return st;
    }
  }
  return ENT_SUCCESS;
}

int
ent_graph_has(const EntGraph *graph, const char *id, EntClass *cls)
{
  const uint32_t i = find(graph, id);
  if (i == ENT_NO_ENTITY) {
    return 0;
  }
  if (cls) {
    *cls = graph->entities[i].cls;
  }
  return 1;
}

size_t
ent_graph_entity_count(const EntGraph *graph)
{
  return graph->n_entities;
}

const char *
ent_graph_iri(const EntGraph *graph, const char *id)
{
  const uint32_t i = find(graph, id);
  return i == ENT_NO_ENTITY ? NULL : graph->entities[i].iri;
}

/// `at` (or NULL: unknown) as kept in the model, its document interned.
static KeptCaret
keep_caret(EntGraph *g, const EntCaret *at)
{
  KeptCaret c = { NULL, 0, 0 };
  if (at) {
    c = ent_caret_keep(at);
    c.document =
      at->document ? ent_pool_intern(&g->strings, at->document) : NULL;
  }
  return c;
}

/// The error for character `cp` at byte `bad` of `text` (valid UTF-8),
/// which ent_first_non_text_char() refused: which one, and after what,
/// since a control character shows as nothing or as a box in an editor.
static EntStatus
refuse_char(EntGraph *g,
            const char *what,
            const char *text,
            size_t bad,
            uint32_t cp,
            const EntCaret *at)
{
  const bool control = cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
  // Up to 40 bytes before it, cut at a character, invisible ones shown.
  const size_t from = bad > 40 ? ent_utf8_back(text, bad - 40) : 0;
  EntBuf before = { NULL, 0, 0 };
  ent_buf_append_visible(&before, text + from, bad - from, false);
  const EntStatus st =
    fail(g,
         ENT_ERR_BAD_VALUE,
         at,
         "%s holds U+%04X, %s, %s%s%.*s%s; remove it (a text may hold "
         "tab and line feed, no other control character)",
         what,
         (unsigned)cp,
         !control     ? "a Unicode noncharacter"
         : cp < 0x20  ? "a control character (C0)"
         : cp == 0x7F ? "a control character (DEL)"
                      : "a control character (C1)",
         bad ? "after '" : "at its start",
         from ? "..." : "",
         bad ? (int)before.len : 0,
         before.buf ? before.buf : "",
         bad ? "'" : "");
  ent_buf_free(&before);
  return st;
}

static EntStatus
check_text(EntGraph *g,
           const char *what,
           const char *text,
           const char *lang,
           const EntCaret *at)
{
  if (!text || !ent_has_text(text)) {
    return fail(
      g, ENT_ERR_EMPTY_NAME, at, "%s is empty; give it some text", what);
  }
  const size_t len = strlen(text);
  if (!ent_is_utf8(text, len)) {
    return fail(g,
                ENT_ERR_BAD_VALUE,
                at,
                "%s is not valid UTF-8; re-save the file as UTF-8",
                what);
  }
  uint32_t refused = 0;
  const size_t bad = ent_first_non_text_char(text, len, &refused);
  if (bad < len) {
    return refuse_char(g, what, text, bad, refused, at);
  }
  if (lang && !ent_is_lang_tag(lang)) {
    return fail(g,
                ENT_ERR_BAD_VALUE,
                at,
                "language tag '%s' of %s is not " ENT_LANG_TAG_EXAMPLES,
                lang,
                what);
  }
  return ENT_SUCCESS;
}

/// What a dataset calls an entity's name of class `cls`, for messages: a
/// quote's is its words ("the name is empty" read as a fault elsewhere).
static const char *
name_said_as(EntClass cls)
{
  switch (cls) {
    case ENT_CLASS_QUOTATION:
      return "the quote's text";
    case ENT_CLASS_PARAPHRASE:
      return "the paraphrase's text";
    case ENT_CLASS_SOURCE:
    case ENT_CLASS_NEGOTIATION:
      return "the title";
    default:
      return "the name";
  }
}

static const char *
describe(const EntGraph *g, uint32_t i)
{
  return class_names[g->entities[i].cls];
}

/// "a" or "an", as the word that follows needs.
static const char *
article(const char *word)
{
  return strchr("AEIOUaeiou", word[0]) ? "an" : "a";
}

/// The error for an ID defined twice: where the first definition is and
/// what to write instead.
static EntStatus
duplicate(EntGraph *g, uint32_t existing, const char *id, const EntCaret *at)
{
  char where[ENT_WHERE_MAX];
  const Entity *e = &g->entities[existing];
  const bool located = e->at.document && e->at.line;
  if (e->registry && !g->loading_registry && located) {
    return fail(g,
                ENT_ERR_DUPLICATE_ID,
                at,
                "ID '%s' is declared in the corpus registry, as the %s at "
                "%s; refer to it with ref=\"%s\" and give what this "
                "source says about it inside that element",
                id,
                describe(g, existing),
                ent_where(g, ENT_LOG_ERROR, e->at, where, sizeof(where)),
                id);
  }
  if (e->dataset && g->current_dataset && e->dataset != g->current_dataset &&
      located && g->corpus == ENT_NO_ENTITY) {
    // Datasets outside a corpus have no registry to share an entity in.
    return fail(g,
                ENT_ERR_DUPLICATE_ID,
                at,
                "ID '%s' is already defined by another dataset, as the %s at "
                "%s; datasets exported together share one namespace of "
                "IDs: rename one, export them apart, or put them in a corpus "
                "(docs/format.md) whose registry declares the entity once",
                id,
                describe(g, existing),
                ent_where(g, ENT_LOG_ERROR, e->at, where, sizeof(where)));
  }
  const EntClass own = e->cls;
  if (e->dataset && g->current_dataset && e->dataset != g->current_dataset &&
      located &&
      (own == ENT_CLASS_ANONYMOUS_SOURCE || own == ENT_CLASS_QUOTATION ||
       own == ENT_CLASS_PARAPHRASE || own == ENT_CLASS_SOURCE)) {
    // What one article reports is its own: another article's unnamed
    // source is another person, its statement another report.
    return fail(g,
                ENT_ERR_DUPLICATE_ID,
                at,
                "ID '%s' is already defined by another dataset, as the %s at "
                "%s; IDs are unique across the corpus, and %s belongs to "
                "the article that reports it: give this one another ID "
                "(such as '%s-2')",
                id,
                describe(g, existing),
                ent_where(g, ENT_LOG_ERROR, e->at, where, sizeof(where)),
                own == ENT_CLASS_ANONYMOUS_SOURCE ? "an unnamed source"
                : own == ENT_CLASS_SOURCE         ? "a source"
                                                  : "a statement",
                id);
  }
  if (e->dataset && g->current_dataset && e->dataset != g->current_dataset &&
      located) {
    return fail(g,
                ENT_ERR_DUPLICATE_ID,
                at,
                "ID '%s' is already defined by another dataset, as the %s at "
                "%s; an entity several datasets share belongs in the "
                "corpus registry: declare it there once (its IRI stays the "
                "same) and refer to it with ref=\"%s\" from each dataset",
                id,
                describe(g, existing),
                ent_where(g, ENT_LOG_ERROR, e->at, where, sizeof(where)),
                id);
  }
  if (located) {
    return fail(g,
                ENT_ERR_DUPLICATE_ID,
                at,
                "ID '%s' is already used by the %s at %s; IDs must be "
                "unique",
                id,
                describe(g, existing),
                ent_where(g, ENT_LOG_ERROR, e->at, where, sizeof(where)));
  }
  return fail(g,
              ENT_ERR_DUPLICATE_ID,
              at,
              "ID '%s' is already used by a %s; IDs must be unique",
              id,
              describe(g, existing));
}

static EntStatus
changed(EntGraph *g, const char *id, const EntCaret *at)
{
  return fail(g,
              ENT_ERR_IO,
              at,
              "'%s' was not there when this file was first read: the file "
              "changed while it was exported; export it again",
              id);
}

EntStatus
ent_graph_place(EntGraph *graph,
                EntClass cls,
                const char *id,
                const char *name,
                const EntCaret *at,
                bool *transient)
{
  EntGraph *g = graph;
  const int phase = g->stream_phase;
  // Streaming, the datasets' entities go to the index, not to records
  // kept for the whole export: only sources (and IDs whose fingerprints
  // two definitions share, read exactly by a third pass) are kept.
  *transient = phase != STREAM_OFF && !g->loading_registry &&
               cls != ENT_CLASS_SOURCE && cls != ENT_CLASS_CORPUS;
  if (!*transient) {
    return ENT_SUCCESS;
  }
  if (phase == STREAM_INDEX) {
    return ent_graph_index_entity(g, id, cls, name, at);
  }
  if (phase == STREAM_RESOLVE && ent_index_suspect(&g->index, id)) {
    *transient = false; // read exactly: a kept record
    return ENT_SUCCESS;
  }
  // The index has every entity of the first pass: made from it, this one
  // would have been found.
  return changed(g, id, at);
}

EntStatus
ent_graph_add_entity(EntGraph *graph,
                     const EntClass cls,
                     const char *id,
                     const char *name,
                     const char *lang,
                     const EntCaret *at)
{
  EntGraph *g = graph;
  if ((unsigned)cls >= ENT_CLASS_COUNT_ || !id) {
    return fail(g, ENT_ERR_BAD_ARG, at, "invalid class or missing ID");
  }
  const int phase = g->stream_phase;
  const uint32_t existing = ent_graph_find(g, id);
  EntStatus st = ENT_SUCCESS;
  if (existing != ENT_NO_ENTITY &&
      (phase == STREAM_WRITE || phase == STREAM_RESOLVE) &&
      g->entities[existing].cls == cls && !g->entities[existing].active &&
      g->entities[existing].dataset == g->current_dataset &&
      !g->entities[existing].registry &&
      (phase == STREAM_WRITE || g->entities[existing].transient ||
       g->entities[existing].cls == ENT_CLASS_SOURCE)) {
    // Indexed (or, a source, kept) in the first pass, its ID checked then;
    // the third pass keeps the IDs the index could not tell apart, and
    // finds each defined twice.  Made again from the index, an entity
    // takes its name as read now, checked as it was then.
    Entity *e = &g->entities[existing];
    if (!e->name) {
      TRY(st, check_text(g, name_said_as(cls), name, lang, at));
      e->name = ent_pool_copy_nfc(value_pool(g), name, strlen(name));
      e->lang = lang ? ent_pool_intern(value_pool(g), lang) : NULL;
      e->at = keep_caret(g, at);
      if (!e->name || (lang && !e->lang)) {
        return ENT_ERR_NO_MEMORY;
      }
    }
    if (cls != ENT_CLASS_SOURCE) {
      e->source = g->current_source;
    } else if (g->current_source == ENT_NO_ENTITY) {
      g->current_source = existing; // the first source is the default
    }
    return activate(g, existing);
  }
  if (strlen(id) > 200) {
    return fail(g,
                ENT_ERR_BAD_VALUE,
                at,
                "ID '%.40s...' is %zu characters long; an ID is a slug of at "
                "most 200",
                id,
                strlen(id));
  }
  if (!ent_is_slug(id)) {
    return fail(g,
                ENT_ERR_BAD_VALUE,
                at,
                "ID '%s' is not a slug: use lowercase letters, digits and "
                "inner hyphens (e.g. 'sergei-beseda')",
                id);
  }
  TRY(st, check_text(g, name_said_as(cls), name, lang, at));
  if (existing != ENT_NO_ENTITY) {
    if (phase == STREAM_RESOLVE && !ent_index_suspect(&g->index, id)) {
      return ENT_ERR_DUPLICATE_ID; // reported by the first pass
    }
    return duplicate(g, existing, id, at);
  }
  if (g->n_entities >= ENT_NO_ENTITY - 1) {
    return fail(g, ENT_ERR_NO_MEMORY, at, "too many entities");
  }
  bool transient = false;
  TRY(st, ent_graph_place(g, cls, id, name, at, &transient));
  EntPool *pool = transient ? &g->element_strings : &g->strings;
  if (ent_grow(
        &g->entities, &g->cap_entities, g->n_entities, sizeof(Entity), 256)) {
    return ENT_ERR_NO_MEMORY;
  }
  EntBuf iri = { NULL, 0, 0 };
  if (ent_mint_iri(&iri, g->base, cls, id)) {
    ent_buf_free(&iri);
    return ENT_ERR_NO_MEMORY;
  }
  Entity *e = &g->entities[g->n_entities];
  memset(e, 0, sizeof(*e));
  e->cls = cls;
  // Copied, not interned: IDs are unique and names seldom repeat, and an
  // intern table entry per entity would cost more than the strings.
  e->id = ent_pool_copy(pool, id, strlen(id));
  e->name = ent_pool_copy_nfc(pool, name, strlen(name));
  e->lang = lang ? ent_pool_intern(pool, lang) : NULL;
  e->iri = ent_pool_copy(pool, iri.buf, iri.len);
  e->at = keep_caret(g, at);
  e->dataset = g->current_dataset;
  e->registry = g->loading_registry;
  e->transient = transient;
  ent_buf_free(&iri);
  if (!e->id || !e->name || (lang && !e->lang) || !e->iri) {
    return ENT_ERR_NO_MEMORY;
  }
  const uint32_t index = (uint32_t)g->n_entities;
  e->key = index;
  if (cls == ENT_CLASS_SOURCE) {
    const char *given = ent_map_get(&g->text_overrides, e->id);
    e->text_path = given;
    e->source = index;
    if (g->current_source == ENT_NO_ENTITY) {
      g->current_source = index;
    }
  } else {
    e->source = g->loading_registry ? g->corpus : g->current_source;
  }
  TRY(st,
      ent_map_put(transient ? &g->element_ids : &g->ids,
                  e->id,
                  (void *)(uintptr_t)(index + 1)));
  if (cls == ENT_CLASS_SOURCE && g->stream_phase == STREAM_OFF) {
    const char *key = ent_pool_copy(&g->source_keys, e->id, strlen(e->id));
    if (!key) {
      return ENT_ERR_NO_MEMORY;
    }
    TRY(st, ent_map_put(&g->source_ids, key, (void *)(uintptr_t)(index + 1)));
  }
  ++g->n_entities;
  return ENT_SUCCESS;
}

/// Whether the dataset being read may refer to entity `i`: its own
/// entities, the registry's and those of builder calls, never another
/// dataset's (which would make it valid only beside that dataset).
static bool
visible(const EntGraph *g, uint32_t i)
{
  // The dataset's own number first: with none, nothing is read at `i`.
  if (g->current_dataset == 0) {
    return true;
  }
  const uint32_t d = g->entities[i].dataset;
  return d == 0 || d == g->current_dataset;
}

/// References remembered for ent_graph_explain_unknown_refs(): notes past
/// the log's own limit would not be shown.
#define MAX_UNKNOWN_REFS 256

void
ent_graph_remember_unknown_ref(EntGraph *g, const char *id, const EntCaret *at)
{
  if (!id || !at || g->stream_phase != STREAM_OFF ||
      g->n_unknown_refs >= MAX_UNKNOWN_REFS) {
    return;
  }
  if (!g->unknown_refs) {
    g->unknown_refs = malloc(MAX_UNKNOWN_REFS * sizeof(struct UnknownRef));
  }
  const char *kept = ent_pool_copy(&g->strings, id, strlen(id));
  if (g->unknown_refs && kept) {
    g->unknown_refs[g->n_unknown_refs++] =
      (struct UnknownRef){ kept, keep_caret(g, at), g->current_dataset };
  }
}

void
ent_graph_explain_unknown_refs(EntGraph *graph)
{
  EntGraph *g = graph;
  char where[ENT_WHERE_MAX];
  for (size_t i = 0; i < g->n_unknown_refs; ++i) {
    const struct UnknownRef *r = &g->unknown_refs[i];
    const uint32_t found = ent_graph_find(g, r->id);
    if (found == ENT_NO_ENTITY || g->entities[found].dataset <= r->dataset) {
      continue; // defined nowhere, or said so by the error
    }
    Entity *e = &g->entities[found];
    ent_graph_locate(g, e);
    const EntCaret at = ent_caret_of(r->at);
    ent_log(g->world,
            ENT_LOG_NOTE,
            ENT_ERR_UNKNOWN_ID,
            &at,
            "'%s' is the %s at %s, in %s, which %s may not refer to: to "
            "share it, move its definition to the corpus registry; its IRI "
            "stays the same",
            r->id,
            describe(g, found),
            ent_where(g, ENT_LOG_NOTE, e->at, where, sizeof(where)),
            r->dataset ? "another dataset" : "an article",
            r->dataset ? "this one" : "the registry");
  }
  free(g->unknown_refs);
  g->unknown_refs = NULL;
  g->n_unknown_refs = 0;
}

/// Errors whose misspelling is looked for (ent_graph_likely_meant()), and the
/// largest graph it is looked for in: each look reads every ID.
#define MAX_SUGGESTED        10
#define MAX_SUGGEST_ENTITIES 100000

/// The ID the dataset being read may refer to that `id` most likely
/// misspells (one edit, two in an ID of 8 bytes or more, case aside; one
/// such ID, not two), or NULL.  Not when streaming, whose index keeps
/// fingerprints of IDs, not IDs.
const char *
ent_graph_likely_meant(EntGraph *g,
                       const char *id,
                       uint32_t subject,
                       EntClass cls,
                       bool registry_only)
{
  if (!id || g->stream_phase != STREAM_OFF ||
      g->n_entities > MAX_SUGGEST_ENTITIES ||
      strlen(id) > ENT_NAME_DISTANCE_MAX) {
    return NULL;
  }
  // Any class, any entity: what was found for this ID stands (but for the
  // subject itself, which is never suggested for its own relation).
  const bool cached = cls == ENT_CLASS_COUNT_ && !registry_only;
  const char *before = cached ? ent_map_get(&g->suggested, id) : NULL;
  if (before) {
    return *before && (subject == ENT_NO_ENTITY ||
                       strcmp(before, g->entities[subject].id) != 0)
             ? before
             : NULL;
  }
  if (g->n_suggested >= MAX_SUGGESTED) {
    return NULL;
  }
  ++g->n_suggested;
  const size_t len = strlen(id);
  const size_t near = len >= 8 ? 2 : 1;
  const char *best = NULL;
  size_t best_distance = SIZE_MAX;
  bool tie = false;
  for (uint32_t i = 0; i < g->n_entities; ++i) {
    const Entity *e = &g->entities[i];
    const size_t n = strlen(e->id);
    // Not the subject itself: a place "in" what is nearly its own ID was
    // told to be in itself.
    if (i == subject || e->content_keyed || n + near < len || len + near < n ||
        !visible(g, i) || (cls != ENT_CLASS_COUNT_ && e->cls != cls) ||
        (registry_only && !e->registry)) {
      continue;
    }
    const size_t distance = ent_name_distance(id, e->id);
    if (distance < best_distance) {
      best = e->id;
      best_distance = distance;
      tie = false;
    } else if (distance == best_distance) {
      tie = true;
    }
  }
  const char *meant = best && best_distance <= near && !tie ? best : NULL;
  const char *key = cached ? ent_pool_intern(&g->strings, id) : NULL;
  if (key) {
    (void)ent_map_put(
      &g->suggested, key, (void *)(uintptr_t)(meant ? meant : ""));
  }
  return meant;
}

/// Entity `found` (from ent_graph_find), or that of `id` when `found` is
/// ENT_NO_ENTITY, as the entity in role `role` of a statement being read:
/// it must exist and be one this dataset may refer to.  `id` may be NULL
/// when `found` is given; `subject` (or ENT_NO_ENTITY) is not suggested
/// for a misspelt `id`.
static EntStatus
lookup_found(EntGraph *g,
             uint32_t found,
             const char *id,
             const char *role,
             const EntCaret *at,
             uint32_t subject,
             uint32_t *out)
{
  char where[ENT_WHERE_MAX];
  *out = found != ENT_NO_ENTITY ? found : ent_graph_find(g, id);
  if (*out != ENT_NO_ENTITY && !id) {
    id = g->entities[*out].id;
  }
  if (*out == ENT_NO_ENTITY) {
    // "russia, ukraine": the list's IDs taken as "russia," and "ukraine".
    const char *listed = id && strchr(id, ',')
                           ? " (the IDs of a list are separated by spaces, "
                             "not commas)"
                           : "";
    char meant[ENT_NAME_DISTANCE_MAX + 32] = "";
    const char *near =
      *listed ? NULL
              : ent_graph_likely_meant(g, id, subject, ENT_CLASS_COUNT_, false);
    if (near) {
      snprintf(meant, sizeof(meant), "; did you mean '%s'?", near);
      listed = meant;
    }
    if (g->corpus != ENT_NO_ENTITY && g->current_dataset) {
      ent_graph_remember_unknown_ref(g, id, at);
      return fail(g,
                  ENT_ERR_UNKNOWN_ID,
                  at,
                  "%s '%s' is not defined; define it in this dataset or in "
                  "the corpus registry, or fix the spelling%s",
                  role,
                  id ? id : "(null)",
                  listed);
    }
    if (g->loading_registry || g->current_dataset) {
      // An article may define it; or, outside a corpus, a dataset read
      // after this one (said as in the other order, whatever the order).
      ent_graph_remember_unknown_ref(g, id, at);
    }
    return fail(g,
                ENT_ERR_UNKNOWN_ID,
                at,
                "%s '%s' is not defined; define it or fix the spelling%s",
                role,
                id ? id : "(null)",
                listed);
  }
  if (!visible(g, *out)) {
    Entity *e = &g->entities[*out];
    ent_graph_locate(g, e);
    *out = ENT_NO_ENTITY;
    return fail(g,
                ENT_ERR_UNKNOWN_ID,
                at,
                "%s '%s' is not defined; define it or fix the spelling (the "
                "%s '%s' at %s belongs to another dataset, which this "
                "one may not refer to: to share it, move its definition to "
                "the corpus registry; its IRI stays the same)",
                role,
                id,
                describe(g, (uint32_t)(e - g->entities)),
                id,
                ent_where(g, ENT_LOG_ERROR, e->at, where, sizeof(where)));
  }
  return ENT_SUCCESS;
}

static EntStatus
lookup(EntGraph *g,
       const char *id,
       const char *role,
       const EntCaret *at,
       uint32_t *out)
{
  return lookup_found(g, ENT_NO_ENTITY, id, role, at, ENT_NO_ENTITY, out);
}

EntStatus
ent_graph_use_source(EntGraph *graph, const char *source_id, const EntCaret *at)
{
  if (graph->stream_phase == STREAM_OFF && source_id) {
    // Streaming, entities move between elements: only a whole read keeps
    // this table.  Anything else (not a source, not defined, another
    // dataset's) is told by lookup() below.
    const uintptr_t v = (uintptr_t)ent_map_get(&graph->source_ids, source_id);
    if (v && visible(graph, (uint32_t)(v - 1))) {
      graph->current_source = (uint32_t)(v - 1);
      return ENT_SUCCESS;
    }
  }
  if (graph->current_source != ENT_NO_ENTITY && source_id &&
      !strcmp(graph->entities[graph->current_source].id, source_id)) {
    return ENT_SUCCESS; // most elements name the source already in use
  }
  uint32_t i = 0;
  EntStatus st = ENT_SUCCESS;
  TRY(st, lookup(graph, source_id, "source", at, &i));
  if (graph->entities[i].cls != ENT_CLASS_SOURCE) {
    return fail(graph,
                ENT_ERR_WRONG_CLASS,
                at,
                "'%s' is a %s, not a source",
                source_id,
                describe(graph, i));
  }
  graph->current_source = i;
  return ENT_SUCCESS;
}

void
ent_graph_use_no_source(EntGraph *graph)
{
  graph->current_source = ENT_NO_ENTITY;
}

/// Give `*array` room for `want` items of `size` bytes, if it has less
/// and the memory can be had.
static void
reserve(void *array, size_t *cap, unsigned long long want, size_t size)
{
  void **items = array;
  if (want <= *cap || want > SIZE_MAX / size) {
    return;
  }
  void *grown = realloc(*items, (size_t)want * size);
  if (grown) {
    ent_advise_large(grown, (size_t)want * size);
    *items = grown;
    *cap = (size_t)want;
  }
}

void
ent_graph_reserve_input(EntGraph *graph, unsigned long long bytes)
{
  // Generated and real datasets alike hold a fact every 62 bytes and an
  // entity every 300 to 400: room for a third more facts, and entities.
  const unsigned long long most = 1ULL << 28;
  reserve(&graph->facts,
          &graph->cap_facts,
          bytes / 40 < most ? bytes / 40 : most,
          sizeof(Fact));
  reserve(&graph->entities,
          &graph->cap_entities,
          bytes / 200 < most ? bytes / 200 : most,
          sizeof(Entity));
}

static EntStatus
add_fact(EntGraph *g, const Fact *fact)
{
  EntStatus st = ENT_SUCCESS;
  TRY(st, ent_grow(&g->facts, &g->cap_facts, g->n_facts, sizeof(Fact), 1024));
  g->facts[g->n_facts++] = *fact;
  return ENT_SUCCESS;
}

static EntStatus
check_literal(EntGraph *g,
              const PropInfo *info,
              const char *value,
              const char *lang,
              const EntCaret *at)
{
  EntStatus st = ENT_SUCCESS;
  if (info->datatype != DT_STRING && lang) {
    return fail(g,
                ENT_ERR_BAD_VALUE,
                at,
                "%s takes no language tag; remove xml:lang",
                info->name);
  }
  switch (info->datatype) {
    case DT_STRING:
      TRY(st, check_text(g, info->name, value, lang, at));
      break;
    case DT_DATE:
      if (!ent_parse_date(value, NULL, NULL, NULL)) {
        return fail(g,
                    ENT_ERR_BAD_DATE,
                    at,
                    "%s '%s' is not a real date; write YYYY-MM-DD, e.g. "
                    "2025-03-24",
                    info->name,
                    value);
      }
      break;
    case DT_DURATION:
      if (!ent_is_duration(value)) {
        // XSD reads "-P1D" as a duration; an event cannot last less than
        // nothing.
        return fail(g,
                    ENT_ERR_BAD_VALUE,
                    at,
                    "%s '%s' is not %s such as P30D or PT1H30M",
                    info->name,
                    value,
                    value[0] == '-' && value[1] == 'P'
                      ? "a length of time (a duration cannot be negative)"
                      : "an ISO 8601 duration");
      }
      break;
    case DT_COUNT:
      if (!ent_is_count(value)) {
        return fail(g,
                    ENT_ERR_BAD_VALUE,
                    at,
                    "%s '%s' is not a count: write a whole number without "
                    "sign, spaces or leading zeros",
                    info->name,
                    value);
      }
      break;
    case DT_BOOLEAN:
      if (strcmp(value, "true") != 0 && strcmp(value, "false") != 0) {
        return fail(g,
                    ENT_ERR_BAD_VALUE,
                    at,
                    "%s '%s' is not a boolean; write true or false",
                    info->name,
                    value);
      }
      break;
    case DT_IRI:
      if (ent_is_unsafe_scheme(value)) {
        return fail(g,
                    ENT_ERR_BAD_VALUE,
                    at,
                    "%s '%s' uses a scheme that runs code or reads local "
                    "files; give an http(s) IRI",
                    info->name,
                    value);
      }
      if (ent_iri_has_dot_segment(value)) {
        return fail(g,
                    ENT_ERR_BAD_VALUE,
                    at,
                    "%s '%s' has a '.' or '..' segment in its path, which "
                    "RDF parsers resolve differently (one export would load "
                    "as different IRIs); write the path without it",
                    info->name,
                    value);
      }
      if (!ent_is_absolute_iri(value)) {
        return fail(
          g,
          ENT_ERR_BAD_VALUE,
          at,
          "%s '%s' is not an absolute IRI (e.g. https://...) or holds "
          "a space or one of <>\"{}|^`\\",
          info->name,
          value);
      }
      break;
  }
  return ENT_SUCCESS;
}

EntStatus
ent_graph_add_value(EntGraph *graph,
                    const char *id,
                    const EntProperty prop,
                    const char *value,
                    const char *lang,
                    const EntCaret *at)
{
  const PropInfo *info = ent_prop_info(prop);
  if (!info || info->kind != PROP_LITERAL || !value) {
    return fail(graph,
                ENT_ERR_BAD_ARG,
                at,
                "ent_graph_add_value needs a literal property and a value");
  }
  uint32_t subject = 0;
  EntStatus st = ENT_SUCCESS;
  TRY(st, lookup(graph, id, "entity", at, &subject));
  TRY(st, check_literal(graph, info, value, lang, at));
  // Copied, not interned: most values (titles, quotes, descriptions) are
  // said once, and interning each looked it up in a table of every value
  // read, a random read per value once the corpus outgrew the cache.
  // Text in NFC (RDF 1.1 asks it of literals); a link (url=, same-as) as
  // written: an IRI is compared byte for byte.
  const size_t len = strlen(value);
  const Fact fact = { subject,
                      prop,
                      ENT_NO_ENTITY,
                      graph->current_source,
                      info->datatype == DT_STRING
                        ? ent_pool_copy_nfc(value_pool(graph), value, len)
                        : ent_pool_copy(value_pool(graph), value, len),
                      lang ? ent_pool_intern(value_pool(graph), lang) : NULL,
                      keep_caret(graph, at) };
  if (!fact.value || (lang && !fact.lang)) {
    return ENT_ERR_NO_MEMORY;
  }
  return add_fact(graph, &fact);
}

static const char *
local_name(const char *iri)
{
  const char *hash = strrchr(iri, '#');
  const char *slash = strrchr(iri, '/');
  const char *cut = hash > slash ? hash : slash;
  return cut ? cut + 1 : iri;
}

/// The ontology's term for property `prop`, which it must declare; said
/// once, at its first use (declared_class()).
static EntStatus
declared_property(EntGraph *g,
                  EntProperty prop,
                  const EntCaret *at,
                  const OntTerm **out)
{
  const PropInfo *info = ent_prop_info(prop);
  *out = ont_term(g->ontology, info->iris[0]);
  if (!*out || !ont_declares(g->ontology, info->iris[0])) {
    if (g->prop_undeclared_said[prop]) {
      return ENT_ERR_UNDECLARED;
    }
    g->prop_undeclared_said[prop] = true;
    return fail(g,
                ENT_ERR_UNDECLARED,
                at,
                "property ent:%s is not declared in the ontology; update the "
                "ontology or use a declared property",
                info->name);
  }
  return ENT_SUCCESS;
}

/// The class `cls` must be one the ontology declares: without it no class
/// fits a domain or a range, and a dataset would be blamed for the
/// ontology.
static EntStatus
declared_class(EntGraph *g, EntClass cls, const EntCaret *at)
{
  const char *iri = ent_class_iri(cls);
  if (!g->class_declared[cls]) {
    g->class_declared[cls] = !iri || ont_declares(g->ontology, iri) ? 1 : 2;
  }
  if (g->class_declared[cls] == 3) {
    return ENT_ERR_UNDECLARED; // said once, at its first use
  }
  if (g->class_declared[cls] == 2) {
    g->class_declared[cls] = 3;
    return fail(g,
                ENT_ERR_UNDECLARED,
                at,
                "ent:%s is not declared in the ontology (the class of an "
                "entity here); update the "
                "ontology (entente ontology prints the one built in)",
                local_name(iri));
  }
  return ENT_SUCCESS;
}

/// Whether `at` is the place `kept` keeps (line, column, document).
static bool
same_place(const KeptCaret *kept, const EntCaret *at)
{
  const KeptCaret here = ent_caret_keep(at);
  return here.line == kept->line && here.column == kept->column &&
         (at->document && kept->document ? !strcmp(at->document, kept->document)
                                         : at->document == kept->document);
}

/// Whether entity `id` was the last one said to be of the wrong class
/// for a relation, at `at`, as its subject (`as_subject`) or its object;
/// if not, it is now.  One attribute makes several relations (a post's
/// institution= is its postIn, its holder's headOf and memberOf, which
/// have it as object; leaders= makes headOf and memberOf, which have it
/// as subject): one error.  side= and leaders= of one element naming the
/// same wrong entity, one as object and one as subject, are two.
static bool
wrong_class_said(EntGraph *g,
                 const char *id,
                 bool as_subject,
                 const EntCaret *at)
{
  if (!at) {
    return false; // a builder call: no place to be said at twice
  }
  if (g->wrong_class_id && !strcmp(g->wrong_class_id, id) &&
      g->wrong_class_as_subject == as_subject &&
      same_place(&g->wrong_class_at, at)) {
    return true;
  }
  g->wrong_class_id = ent_pool_copy(&g->strings, id, strlen(id));
  g->wrong_class_as_subject = as_subject;
  g->wrong_class_at = keep_caret(g, at);
  return false;
}

/// The subject's class must fit the property's rdfs:domain, if it has one.
static EntStatus
check_domain(EntGraph *g,
             uint32_t s,
             const PropInfo *info,
             const OntTerm *term,
             const EntCaret *at)
{
  if (term->domain && !ont_is_subclass(g->ontology,
                                       ent_class_iri(g->entities[s].cls),
                                       term->domain)) {
    if (wrong_class_said(g, g->entities[s].id, true, at)) {
      return ENT_ERR_WRONG_CLASS;
    }
    return fail(g,
                ENT_ERR_WRONG_CLASS,
                at,
                "'%s' is %s %s, but %s applies only to %s %s",
                g->entities[s].id,
                article(describe(g, s)),
                describe(g, s),
                info->name,
                article(local_name(term->domain)),
                local_name(term->domain));
  }
  return ENT_SUCCESS;
}

/// Whether ID `id`, not defined, was the last one reported so, at `at`:
/// one misspelling that several relations of one element share (a leader
/// is head and member; a head's institution is its post's, its head's
/// and its member's) is one error.
static bool
unknown_said(EntGraph *g, const char *id, const EntCaret *at)
{
  if (!id || !g->unknown_id || !at || strcmp(g->unknown_id, id) != 0) {
    return false;
  }
  return same_place(&g->unknown_id_at, at) &&
         ent_graph_find(g, id) == ENT_NO_ENTITY;
}

/// After lookup_found() gave `st` for `id` at `at`: remember an ID found
/// undefined, for unknown_said().
static void
remember_unknown(EntGraph *g,
                 EntStatus st,
                 const char *id,
                 uint32_t found,
                 const EntCaret *at)
{
  if (st == ENT_ERR_UNKNOWN_ID && id && found == ENT_NO_ENTITY) {
    g->unknown_id = ent_pool_copy(&g->strings, id, strlen(id));
    g->unknown_id_at = keep_caret(g, at);
  }
}

/// lookup_found() of a relation's subject: an entity an element defines,
/// or a delegation's leader or member.
static EntStatus
relation_subject(EntGraph *g,
                 uint32_t found,
                 const char *id,
                 EntProperty prop,
                 const EntCaret *at,
                 uint32_t *out)
{
  if (found == ENT_NO_ENTITY && unknown_said(g, id, at)) {
    *out = ENT_NO_ENTITY;
    return ENT_ERR_UNKNOWN_ID; // said already
  }
  const char *role = prop == ENT_PROP_HEAD_OF     ? "leader"
                     : prop == ENT_PROP_MEMBER_OF ? "member"
                                                  : "entity";
  const EntStatus st = lookup_found(g, found, id, role, at, ENT_NO_ENTITY, out);
  remember_unknown(g, st, id, *out, at);
  return st;
}

EntStatus
ent_graph_relate(EntGraph *graph,
                 const char *id,
                 const EntProperty prop,
                 const char *object_id,
                 const EntCaret *at)
{
  return ent_graph_relate_found(
    graph, ENT_NO_ENTITY, id, prop, ENT_NO_ENTITY, object_id, NULL, at);
}

EntStatus
ent_graph_relate_found(EntGraph *graph,
                       uint32_t subject,
                       const char *id,
                       EntProperty prop,
                       uint32_t object,
                       const char *object_id,
                       const char *said_as,
                       const EntCaret *at)
{
  EntGraph *g = graph;
  const PropInfo *info = ent_prop_info(prop);
  if (!info || info->kind != PROP_RELATION) {
    return fail(
      g, ENT_ERR_BAD_ARG, at, "ent_graph_relate needs a relation property");
  }
  uint32_t s = 0;
  uint32_t o = 0;
  const OntTerm *term = NULL;
  EntStatus st = ENT_SUCCESS;
  TRY(st, relation_subject(g, subject, id, prop, at, &s));
  if (object == ENT_NO_ENTITY && unknown_said(g, object_id, at)) {
    return ENT_ERR_UNKNOWN_ID; // said already
  }
  st = lookup_found(
    g, object, object_id, said_as ? said_as : info->name, at, s, &o);
  remember_unknown(g, st, object_id, o, at);
  if (st) {
    return st;
  }
  id = id ? id : g->entities[s].id;
  object_id = object_id ? object_id : g->entities[o].id;
  TRY(st, declared_property(g, prop, at, &term));
  const char *o_class = ent_class_iri(g->entities[o].cls);
  TRY(st, declared_class(g, g->entities[s].cls, at));
  TRY(st, declared_class(g, g->entities[o].cls, at));
  TRY(st, check_domain(g, s, info, term, at));
  if (term->range && !ont_is_subclass(g->ontology, o_class, term->range)) {
    if (wrong_class_said(g, object_id, false, at)) {
      return ENT_ERR_WRONG_CLASS;
    }
    return fail(g,
                ENT_ERR_WRONG_CLASS,
                at,
                "%s of '%s' must be %s %s, but '%s' is %s %s",
                said_as ? said_as : info->name,
                id,
                article(local_name(term->range)),
                local_name(term->range),
                object_id,
                article(describe(g, o)),
                describe(g, o));
  }
  // A body within itself, a place inside itself, a meeting part of
  // itself: a typo or a suggestion followed too far, never a fact.
  if (s == o &&
      (prop == ENT_PROP_SUB_ORGANIZATION_OF ||
       prop == ENT_PROP_CONTAINED_IN_PLACE || prop == ENT_PROP_PART_OF)) {
    return fail(g,
                ENT_ERR_BAD_VALUE,
                at,
                "%s '%s' of '%s' is itself; name the %s it is within, or "
                "leave the attribute out",
                said_as ? said_as : info->name,
                object_id,
                id,
                prop == ENT_PROP_CONTAINED_IN_PLACE ? "place"
                : prop == ENT_PROP_PART_OF          ? "negotiation or event"
                                                    : "body");
  }
  const Fact fact = {
    s, prop, o, g->current_source, NULL, NULL, keep_caret(g, at)
  };
  return add_fact(g, &fact);
}

EntStatus
ent_graph_set_concept(EntGraph *graph,
                      const char *id,
                      const EntProperty prop,
                      const char *value,
                      const EntCaret *at)
{
  EntGraph *g = graph;
  const PropInfo *info = ent_prop_info(prop);
  if (!info || info->kind != PROP_CONCEPT || !value) {
    return fail(g,
                ENT_ERR_BAD_ARG,
                at,
                "ent_graph_set_concept needs a controlled-value property");
  }
  uint32_t s = 0;
  const OntTerm *term = NULL;
  EntStatus st = ENT_SUCCESS;
  TRY(st, lookup(g, id, "entity", at, &s));
  TRY(st, declared_property(g, prop, at, &term));
  TRY(st, check_domain(g, s, info, term, at));
  EntBuf iri = { NULL, 0, 0 };
  if (!ent_is_slug(value) ||
      ent_buf_appendf(&iri, "%s%s", info->concept_prefix, value) ||
      !term->range || !ont_has_type(g->ontology, iri.buf, term->range)) {
    ent_buf_free(&iri);
    return fail(g,
                ENT_ERR_BAD_VALUE,
                at,
                "'%s' is not a %s the ontology declares",
                value,
                term->range ? local_name(term->range) : info->name);
  }
  const Fact fact = { s,
                      prop,
                      ENT_NO_ENTITY,
                      g->current_source,
                      ent_pool_intern(&g->strings, iri.buf),
                      NULL,
                      keep_caret(g, at) };
  ent_buf_free(&iri);
  if (!fact.value) {
    return ENT_ERR_NO_MEMORY;
  }
  return add_fact(g, &fact);
}

static EntStatus
attach_text(EntGraph *graph, uint32_t i, const char *path)
{
  graph->entities[i].text_path =
    path ? ent_pool_intern(&graph->strings, path) : NULL;
  graph->entities[i].text = NULL; // read again from the new path
  graph->entities[i].text_missing = false;
  graph->entities[i].text_named = NULL;
  return path && !graph->entities[i].text_path ? ENT_ERR_NO_MEMORY
                                               : ENT_SUCCESS;
}

EntStatus
ent_graph_set_source_text(EntGraph *graph,
                          const char *source_id,
                          const char *path)
{
  const char *key = ent_pool_intern(&graph->strings, source_id);
  const char *value = path ? ent_pool_intern(&graph->strings, path) : NULL;
  if (!key || (path && !value)) {
    return ENT_ERR_NO_MEMORY;
  }
  EntStatus st = ENT_SUCCESS;
  TRY(st, ent_map_put(&graph->text_overrides, key, (void *)(uintptr_t)value));
  const uint32_t i = find(graph, source_id);
  if (i == ENT_NO_ENTITY) {
    return ENT_SUCCESS; // attached when the source is added
  }
  if (graph->entities[i].cls != ENT_CLASS_SOURCE) {
    return fail(graph,
                ENT_ERR_WRONG_CLASS,
                NULL,
                "'%s' is a %s, not a source",
                source_id,
                describe(graph, i));
  }
  return attach_text(graph, i, path);
}

EntStatus
ent_graph_check_source_texts(EntGraph *graph)
{
  EntStatus st = ENT_SUCCESS;
  const EntMap *given = &graph->text_overrides;
  for (size_t i = 0; i < given->size; ++i) {
    const char *id = given->tags[i] ? given->slots[i].key : NULL;
    EntClass cls = ENT_CLASS_COUNT_;
    if (id && (!ent_graph_has(graph, id, &cls) || cls != ENT_CLASS_SOURCE)) {
      ent_log(graph->world,
              ENT_LOG_ERROR,
              ENT_ERR_BAD_ARG,
              NULL,
              "--text names source '%s', which no dataset given defines; "
              "check the source's ID",
              id);
      st = ENT_ERR_BAD_ARG;
    }
  }
  return st;
}

EntStatus
ent_graph_dataset_source_text(EntGraph *graph,
                              const char *source_id,
                              const char *path)
{
  const uint32_t i = find(graph, source_id);
  if (i == ENT_NO_ENTITY || graph->entities[i].cls != ENT_CLASS_SOURCE) {
    return ENT_ERR_UNKNOWN_ID;
  }
  const char *given = ent_map_get(&graph->text_overrides, source_id);
  return attach_text(graph, i, given ? given : path);
}

EntStatus
ent_graph_text_not_found(EntGraph *graph,
                         const char *source_id,
                         const char *named)
{
  const uint32_t i = find(graph, source_id);
  if (i == ENT_NO_ENTITY || graph->entities[i].cls != ENT_CLASS_SOURCE ||
      ent_map_get(&graph->text_overrides, source_id)) {
    return ENT_SUCCESS; // unknown (reported), or --text gave it
  }
  graph->entities[i].text_named = ent_pool_intern(&graph->strings, named);
  return graph->entities[i].text_named ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
}

EntStatus
ent_graph_use_base(EntGraph *graph, const char *base)
{
  if (graph->base_fixed || !base) {
    graph->base = graph->own_base;
    return ENT_SUCCESS;
  }
  if (!ent_iri_usable_as_base(base)) {
    return ENT_ERR_BAD_VALUE;
  }
  graph->base = ent_pool_intern(&graph->strings, base);
  return graph->base ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
}

const char *
ent_graph_entity_id(const EntGraph *graph, uint32_t entity)
{
  return entity < graph->n_entities ? graph->entities[entity].id : NULL;
}

const char *
ent_graph_name_lang(const EntGraph *graph, const char *id)
{
  const uint32_t i = id ? find(graph, id) : ENT_NO_ENTITY;
  return i != ENT_NO_ENTITY ? graph->entities[i].lang : NULL;
}

const char *
ent_graph_name(const EntGraph *graph, const char *id)
{
  const uint32_t i = id ? find(graph, id) : ENT_NO_ENTITY;
  if (i != ENT_NO_ENTITY && graph->entities[i].name) {
    return graph->entities[i].name;
  }
  // Streaming: an actor an earlier element defined (as a whole read
  // would have it by now).
  const unsigned long long element = graph->elements;
  return graph->stream_phase != STREAM_OFF && id
           ? ent_index_name(&graph->index,
                            id,
                            element < ENT_MAX_ELEMENT ? (uint32_t)element
                                                      : ENT_MAX_ELEMENT)
           : NULL;
}
