// SPDX-License-Identifier: MIT
// Many sources, one graph: claims about registry entities, values whose
// IRIs come from their content (posts, responses), and the disagreements
// between sources.

#include "model.h"

#include <utf8proc.h>

#include <stdlib.h>
#include <string.h>

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

EntStatus
ent_graph_begin_corpus(EntGraph *graph,
                       const char *id,
                       const char *title,
                       const char *lang,
                       const EntCaret *at)
{
  EntStatus st = ENT_SUCCESS;
  TRY(st, ent_graph_add_entity(graph, ENT_CLASS_CORPUS, id, title, lang, at));
  const uint32_t i = ent_graph_find_read(graph, id);
  graph->corpus = i;
  graph->entities[i].source = i; // its IRI names its own graph
  graph->current_source = i;
  return ENT_SUCCESS;
}

void
ent_graph_begin_dataset(EntGraph *graph)
{
  graph->current_dataset = ++graph->n_datasets;
  ent_map_clear(&graph->referred);
  ent_map_init(&graph->referred);
}

const char *
ent_graph_corpus_id(const EntGraph *graph)
{
  return graph->corpus == ENT_NO_ENTITY ? NULL
                                        : graph->entities[graph->corpus].id;
}

void
ent_graph_write_registry(EntGraph *graph, int write)
{
  graph->write_registry = write != 0;
}

/// The error for ref="`id`" to an entity a dataset defines (this one,
/// `here`, or another) as a `cls` at `defined`: one message whole or
/// streamed.
static EntStatus
refer_to_defined(EntGraph *g,
                 const EntCaret *at,
                 const char *id,
                 EntClass cls,
                 bool here,
                 KeptCaret defined)
{
  char where[ENT_WHERE_MAX];
  return fail(g,
              here ? ENT_ERR_DUPLICATE_ID : ENT_ERR_UNKNOWN_ID,
              at,
              "ref=\"%s\" names the %s %s defines at %s, not an "
              "entity of a corpus registry; %s",
              id,
              ent_class_noun(cls),
              here ? "this dataset" : "another dataset",
              ent_where(g, ENT_LOG_ERROR, defined, where, sizeof(where)),
              here ? "say what this element says of it in that element, "
                     "or, to keep another source's account apart (a day "
                     "one source gives and another disputes), declare it "
                     "in a corpus registry and give each source's account "
                     "in its own article with ref= (docs/format.md, the "
                     "corpus rules)"
                   : "an article refers only to its own entities and the "
                     "registry's: move the definition to the corpus "
                     "registry (its IRI stays the same) and refer to it "
                     "from both with ref=");
}

/// Refs a stream's first pass looks for in the unsealed index (a scan of
/// the dataset's entries each).
#define REF_SCANS_MAX 10

EntStatus
ent_graph_refer(EntGraph *graph,
                EntClass cls,
                const char *id,
                const EntCaret *at)
{
  char where[ENT_WHERE_MAX];
  EntGraph *g = graph;
  const uint32_t i = ent_graph_find(g, id);
  if (i != ENT_NO_ENTITY && !g->entities[i].registry) {
    Entity *d = &g->entities[i];
    ent_graph_locate(g, d);
    return refer_to_defined(
      g, at, id, d->cls, d->dataset == g->current_dataset, d->at);
  }
  if (i == ENT_NO_ENTITY && g->stream_phase == STREAM_INDEX &&
      g->n_ref_scans < REF_SCANS_MAX) {
    // Streaming's first pass finds a dataset's entities in the index only
    // once it is sealed: one this dataset defined before the ref= is
    // looked for among its entries (the first few such errors: a scan
    // each), so that a stream says what a whole read says.
    ++g->n_ref_scans;
    const uint64_t key = ent_index_key(&g->index, id);
    for (size_t k = g->index.n; k-- > 0;) {
      const EntIndexEntry *entry = &g->index.entries[k];
      if (ent_index_dataset(entry) != g->current_dataset) {
        break; // a dataset's entries come together, the current one's last
      }
      if (entry->key == key) {
        Entity defined = { 0 };
        defined.id = id;
        defined.at.document = at ? at->document : NULL;
        ent_graph_locate(g, &defined);
        return refer_to_defined(
          g, at, id, ent_index_class(entry), true, defined.at);
      }
    }
  }
  if (i == ENT_NO_ENTITY) {
    if (g->corpus == ENT_NO_ENTITY) {
      return fail(g,
                  ENT_ERR_UNKNOWN_ID,
                  at,
                  "ref=\"%s\" names an entity of a corpus registry, but this "
                  "dataset is in no corpus (no corpus.xml in its directory "
                  "or above; or give --corpus DIR); define the entity here "
                  "with id=\"%s\"",
                  id,
                  id);
    }
    // A misspelling is likelier than a missing entity: said first.  An
    // article read later may define it: said once all are read.
    const char *near = ent_graph_likely_meant(g, id, ENT_NO_ENTITY, cls, true);
    ent_graph_remember_unknown_ref(g, id, at);
    char meant[ENT_NAME_DISTANCE_MAX + 40] = "";
    if (near) {
      snprintf(meant, sizeof(meant), "did you mean ref=\"%s\"? if not, ", near);
    }
    return fail(g,
                ENT_ERR_UNKNOWN_ID,
                at,
                "ref=\"%s\" names no entity of the corpus registry; %sdeclare "
                "it in the registry (or move it there, if another article "
                "defines it: an article refers only to its own entities and "
                "the registry's), define it here with id=\"%s\", or fix the "
                "spelling",
                id,
                meant,
                id);
  }
  const Entity *e = &g->entities[i];
  if (e->cls != cls) {
    return fail(g,
                ENT_ERR_WRONG_CLASS,
                at,
                "ref=\"%s\" is the %s at %s, not %s %s; refer to it from "
                "a <%s> element",
                id,
                ent_class_noun(e->cls),
                ent_where(g, ENT_LOG_ERROR, e->at, where, sizeof(where)),
                strchr("aeiou", ent_class_noun(cls)[0]) ? "an" : "a",
                ent_class_noun(cls),
                ent_class_noun(e->cls));
  }
  if (g->stream_phase == STREAM_WRITE || g->stream_phase == STREAM_RESOLVE) {
    return ENT_SUCCESS; // checked in the first pass
  }
  const uintptr_t seen = (uintptr_t)ent_map_get(&g->referred, e->id);
  if (seen) {
    return fail(g,
                ENT_ERR_DUPLICATE_ID,
                at,
                "this dataset already refers to '%s' at line %lu; give all "
                "it says about one entity in one element",
                id,
                (unsigned long)seen);
  }
  return ent_map_put(
    &g->referred, e->id, (void *)(uintptr_t)(at && at->line ? at->line : 1));
}

// ---- Values whose IRIs come from their content ----------------------------

/// `title` lower-cased and normalised (NFC, case folded, default-ignorable
/// characters removed), every run of characters other than letters and
/// digits made one '-': "Defence Minister" -> "defence-minister".  A
/// title with neither is "post" (*wordless set, if `wordless` is given).
static EntStatus
title_key(const char *title, EntBuf *out, bool *wordless)
{
  utf8proc_uint8_t *folded = NULL;
  const utf8proc_ssize_t n =
    utf8proc_map((const utf8proc_uint8_t *)title,
                 0,
                 &folded,
                 UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                   UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);
  if (n < 0) {
    return n == UTF8PROC_ERROR_NOMEM ? ENT_ERR_NO_MEMORY : ENT_ERR_BAD_VALUE;
  }
  EntStatus st = ENT_SUCCESS;
  bool dash = false;
  for (utf8proc_ssize_t i = 0; !st && i < n;) {
    utf8proc_int32_t c = 0;
    const utf8proc_ssize_t len = utf8proc_iterate(folded + i, n - i, &c);
    if (len <= 0) {
      st = ENT_ERR_BAD_VALUE;
      break;
    }
    const utf8proc_category_t cat = utf8proc_category(c);
    const bool word =
      cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LL ||
      cat == UTF8PROC_CATEGORY_LT || cat == UTF8PROC_CATEGORY_LM ||
      cat == UTF8PROC_CATEGORY_LO || cat == UTF8PROC_CATEGORY_ND ||
      cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC;
    if (word) {
      if (dash && out->len) {
        st = ent_buf_append(out, "-", 1);
      }
      dash = false;
      if (!st) {
        st = ent_buf_append(out, (const char *)folded + i, (size_t)len);
      }
    } else {
      dash = true;
    }
    i += len;
  }
  free(folded);
  if (wordless) {
    *wordless = !out->len;
  }
  if (!st && !out->len) {
    st = ent_buf_append(out, "post", 4);
  }
  return st;
}

/// Whether what is said of a content-keyed entity made in the element of
/// `owner_id` (a post's holder, a response's agreement) may be said again
/// by another element: only a registry entity's element can recur (once
/// per dataset); an entity a dataset defines has one element.
static bool
owner_recurs(const EntGraph *g, const char *owner_id)
{
  const uint32_t owner = ent_graph_find_read(g, owner_id);
  return owner == ENT_NO_ENTITY || g->entities[owner].registry;
}

/// Make (or find) the content-keyed entity `id` of class `cls` with IRI
/// `iri`, named `name`, made in the element of `owner_id`.
static EntStatus
keyed_entity(EntGraph *g,
             EntClass cls,
             const char *id,
             const char *iri,
             const char *name,
             const char *lang,
             const char *owner_id,
             const EntCaret *at,
             const char **out)
{
  const uint32_t existing = ent_graph_find(g, id);
  if (existing != ENT_NO_ENTITY) {
    if (g->entities[existing].cls != cls) {
      if (g->stream_phase == STREAM_RESOLVE &&
          !ent_index_suspect(&g->index, id)) {
        return ENT_ERR_DUPLICATE_ID; // reported by the first pass
      }
      return fail(g,
                  ENT_ERR_DUPLICATE_ID,
                  at,
                  "ID '%s' is already used by a %s",
                  id,
                  ent_class_noun(g->entities[existing].cls));
    }
    Entity *e = &g->entities[existing];
    e->repeatable |= owner_recurs(g, owner_id);
    if (!e->name) { // made again from streaming's index
      e->name = ent_pool_copy_nfc(&g->element_strings, name, strlen(name));
      if (!e->name) {
        return ENT_ERR_NO_MEMORY;
      }
    }
    *out = e->id;
    return ENT_SUCCESS;
  }
  if (g->n_entities >= ENT_NO_ENTITY - 1) {
    return fail(g, ENT_ERR_NO_MEMORY, at, "too many entities");
  }
  EntStatus st = ENT_SUCCESS;
  bool transient = false;
  TRY(st, ent_graph_place(g, cls, id, NULL, at, &transient));
  EntPool *pool = transient ? &g->element_strings : &g->strings;
  TRY(st,
      ent_grow(
        &g->entities, &g->cap_entities, g->n_entities, sizeof(Entity), 256));
  Entity *e = &g->entities[g->n_entities];
  memset(e, 0, sizeof(*e));
  e->cls = cls;
  e->id = ent_pool_copy(pool, id, strlen(id));
  e->name = ent_pool_copy_nfc(pool, name, strlen(name));
  e->lang = lang ? ent_pool_intern(pool, lang) : NULL;
  e->iri = ent_pool_copy(pool, iri, strlen(iri));
  if (!e->id || !e->name || (lang && !e->lang) || !e->iri) {
    return ENT_ERR_NO_MEMORY;
  }
  if (at) {
    e->at = ent_caret_keep(at);
    e->at.document =
      at->document ? ent_pool_intern(&g->strings, at->document) : NULL;
  }
  e->source = g->loading_registry ? g->corpus : g->current_source;
  e->registry = g->loading_registry;
  e->content_keyed = true; // every dataset may report it: dataset 0
  e->repeatable = owner_recurs(g, owner_id);
  e->transient = transient;
  const uint32_t index = (uint32_t)g->n_entities;
  e->key = index;
  TRY(st,
      ent_map_put(transient ? &g->element_ids : &g->ids,
                  e->id,
                  (void *)(uintptr_t)(index + 1)));
  ++g->n_entities;
  *out = e->id;
  return ENT_SUCCESS;
}

/// Whether `value` names a concept the ontology declares for `prop`.
static bool
is_concept(const EntGraph *g, EntProperty prop, const char *value)
{
  const PropInfo *info = ent_prop_info(prop);
  const OntTerm *term = ont_term(g->ontology, info->iris[0]);
  if (!term || !term->range || !ent_is_slug(value)) {
    return false;
  }
  EntBuf iri = { NULL, 0, 0 };
  const bool ok = !ent_buf_appendf(&iri, "%s%s", info->concept_prefix, value) &&
                  ont_has_type(g->ontology, iri.buf, term->range);
  ent_buf_free(&iri);
  return ok;
}

EntStatus
ent_graph_make_post(EntGraph *graph,
                    const char *holder_id,
                    const char *body_id,
                    const char *role,
                    const char *title,
                    const char *lang,
                    const EntCaret *at,
                    const char **post_id)
{
  EntGraph *g = graph;
  if (!holder_id || !title) {
    return fail(g, ENT_ERR_BAD_ARG, at, "a post needs a holder and a title");
  }
  if (!ent_is_slug(holder_id) || (body_id && !ent_is_slug(body_id))) {
    return fail(
      g, ENT_ERR_BAD_VALUE, at, "a post's holder and body must be entity IDs");
  }
  if (!ent_has_text(title) || !ent_is_text(title, strlen(title))) {
    return fail(g,
                ENT_ERR_EMPTY_NAME,
                at,
                "the post's title is empty or not valid text; give the "
                "title as the source spells it");
  }
  if (lang && !ent_is_lang_tag(lang)) {
    return fail(g,
                ENT_ERR_BAD_VALUE,
                at,
                "language tag '%s' of the post's title is not a BCP 47 tag",
                lang);
  }
  if (role && !is_concept(g, ENT_PROP_ROLE, role)) {
    return fail(g,
                ENT_ERR_BAD_VALUE,
                at,
                "'%s' is not a Role the ontology declares (chair, minister, "
                "adviser, senior-director, special-envoy, spokesperson, "
                "ambassador... see ent:Role); leave role out if none fits",
                role);
  }
  EntBuf key = { NULL, 0, 0 };
  EntBuf id = { NULL, 0, 0 };
  EntBuf iri = { NULL, 0, 0 };
  bool wordless = false;
  EntStatus st = role ? ent_buf_append(&key, role, strlen(role))
                      : title_key(title, &key, &wordless);
  if (st == ENT_ERR_BAD_VALUE) {
    st = fail(g, st, at, "the post's title is not valid UTF-8");
  } else if (!st && wordless) {
    // Its IRI is made from the title's words: "!!!" and an emoji would
    // both be post/HOLDER/post, two posts merged into one node.
    st = fail(g,
              ENT_ERR_BAD_VALUE,
              at,
              "the post's title '%s' has no letter or digit to name the post "
              "by; give its role (role=\"...\") or a title in words",
              title);
  }
  if (!st) {
    st = body_id ? ent_buf_appendf(&id, "%s/%s/%s", holder_id, body_id, key.buf)
                 : ent_buf_appendf(&id, "%s/%s", holder_id, key.buf);
  }
  if (!st) {
    st = ent_mint_iri(&iri, g->base, ENT_CLASS_POST, id.buf);
  }
  if (!st) {
    st = keyed_entity(
      g, ENT_CLASS_POST, id.buf, iri.buf, title, lang, holder_id, at, post_id);
  }
  ent_buf_free(&key);
  ent_buf_free(&id);
  ent_buf_free(&iri);
  return st;
}

EntStatus
ent_graph_add_post(EntGraph *graph,
                   const char *holder_id,
                   const char *body_id,
                   const char *role,
                   const char *title,
                   const char *lang,
                   const EntCaret *at,
                   const char **post_id)
{
  const char *id = NULL;
  EntStatus st = ENT_SUCCESS;
  if (post_id) {
    *post_id = NULL;
  }
  TRY(
    st,
    ent_graph_make_post(graph, holder_id, body_id, role, title, lang, at, &id));
  TRY(st, ent_graph_relate(graph, holder_id, ENT_PROP_HOLDS_POST, id, at));
  if (body_id) {
    TRY(st, ent_graph_relate(graph, id, ENT_PROP_POST_IN, body_id, at));
  }
  if (role) {
    TRY(st, ent_graph_set_concept(graph, id, ENT_PROP_ROLE, role, at));
  }
  TRY(st, ent_graph_add_value(graph, id, ENT_PROP_NAME, title, lang, at));
  if (post_id) {
    *post_id = id;
  }
  return ENT_SUCCESS;
}

EntStatus
ent_graph_make_response(EntGraph *graph,
                        const char *agreement_id,
                        const char *respondent_id,
                        const char *kind,
                        const EntCaret *at,
                        const char **response_id)
{
  EntGraph *g = graph;
  if (!agreement_id || !respondent_id || !kind || !ent_is_slug(agreement_id) ||
      !ent_is_slug(respondent_id)) {
    return fail(g,
                ENT_ERR_BAD_ARG,
                at,
                "a response needs an agreement, a respondent and a kind");
  }
  if (!is_concept(g, ENT_PROP_RESPONSE_KIND, kind)) {
    return fail(g,
                ENT_ERR_BAD_VALUE,
                at,
                "'%s' is not a ResponseKind the ontology declares (accepted, "
                "rejected, welcomed, noted, conditional, disputed)",
                kind);
  }
  EntBuf id = { NULL, 0, 0 };
  EntBuf iri = { NULL, 0, 0 };
  EntBuf name = { NULL, 0, 0 };
  EntStatus st = ent_buf_appendf(
    &id, "%s/response/%s-%s", agreement_id, respondent_id, kind);
  if (!st) {
    st = ent_mint_iri(&iri, g->base, ENT_CLASS_RESPONSE, id.buf);
  }
  if (!st) {
    st = ent_buf_appendf(&name, "%s: %s", respondent_id, kind);
  }
  if (!st) {
    st = keyed_entity(g,
                      ENT_CLASS_RESPONSE,
                      id.buf,
                      iri.buf,
                      name.buf,
                      NULL,
                      agreement_id,
                      at,
                      response_id);
  }
  ent_buf_free(&id);
  ent_buf_free(&iri);
  ent_buf_free(&name);
  return st;
}

EntStatus
ent_graph_add_response(EntGraph *graph,
                       const char *agreement_id,
                       const char *respondent_id,
                       const char *kind,
                       const EntCaret *at,
                       const char **response_id)
{
  const char *id = NULL;
  EntStatus st = ENT_SUCCESS;
  if (response_id) {
    *response_id = NULL;
  }
  TRY(
    st,
    ent_graph_make_response(graph, agreement_id, respondent_id, kind, at, &id));
  TRY(st, ent_graph_relate(graph, agreement_id, ENT_PROP_RESPONSE, id, at));
  TRY(st, ent_graph_relate(graph, id, ENT_PROP_RESPONDENT, respondent_id, at));
  TRY(st, ent_graph_relate(graph, id, ENT_PROP_RESPONSE_TO, agreement_id, at));
  TRY(st, ent_graph_set_concept(graph, id, ENT_PROP_RESPONSE_KIND, kind, at));
  TRY(st, ent_graph_add_value(graph, id, ENT_PROP_NAME, kind, "en", at));
  if (response_id) {
    *response_id = id;
  }
  return ENT_SUCCESS;
}

// ---- Disagreements ----------------------------------------------------------

/// Which properties an entity has one value of (ent_one_valued() of
/// either IRI a property is written with), by EntProperty.
static void
one_valued_props(bool one[ENT_PROP_COUNT_])
{
  for (int p = 0; p < ENT_PROP_COUNT_; ++p) {
    const PropInfo *info = ent_prop_info((EntProperty)p);
    one[p] = info && ((info->iris[0] && ent_one_valued(info->iris[0])) ||
                      (info->iris[1] && ent_one_valued(info->iris[1])));
  }
}

/// Whether two sources that give `e` two values of `prop` disagree.
static bool
is_functional(const bool one[ENT_PROP_COUNT_],
              const Entity *e,
              EntProperty prop)
{
  // One post, titled differently; other things have many names.
  return prop == ENT_PROP_NAME ? e->cls == ENT_CLASS_POST : one[prop];
}

typedef struct {
  uint32_t subject;
  uint32_t prop;
  uint32_t fact;
} Claim;

static int
by_claim(const void *a, const void *b)
{
  const Claim *x = a;
  const Claim *y = b;
  if (x->subject != y->subject) {
    return x->subject < y->subject ? -1 : 1;
  }
  if (x->prop != y->prop) {
    return x->prop < y->prop ? -1 : 1;
  }
  return x->fact < y->fact ? -1 : x->fact > y->fact;
}

/// How a fact's value reads in a message.
static const char *
value_text(const EntGraph *g, const Fact *f)
{
  if (f->object != ENT_NO_ENTITY) {
    return g->entities[f->object].id;
  }
  const char *v = f->value;
  if (ent_prop_info(f->prop)->kind == PROP_CONCEPT) {
    // ent:negotiation-held -> held: the part after the concept prefix.
    const char *prefix = ent_prop_info(f->prop)->concept_prefix;
    return strncmp(v, prefix, strlen(prefix)) == 0 ? v + strlen(prefix) : v;
  }
  return v;
}

/// Whether two claims give the same value.  Titles of a post are compared
/// as its IRI's key is made (case, punctuation and spacing aside): "Adviser
/// to the Director" and "adviser to the director" are one spelling.
static bool
same_value(const EntGraph *g, const Fact *a, const Fact *b)
{
  if (a->object != ENT_NO_ENTITY || b->object != ENT_NO_ENTITY) {
    return a->object == b->object;
  }
  if (a->prop == ENT_PROP_NAME) {
    EntBuf ka = { NULL, 0, 0 };
    EntBuf kb = { NULL, 0, 0 };
    const bool same = !title_key(a->value, &ka, NULL) &&
                      !title_key(b->value, &kb, NULL) &&
                      !strcmp(ka.buf, kb.buf);
    ent_buf_free(&ka);
    ent_buf_free(&kb);
    return same;
  }
  (void)g;
  return !strcmp(a->value, b->value);
}

static bool
is_status(EntProperty prop)
{
  const char *iri = ent_prop_info(prop)->iris[0];
  return iri && ont_is_status(iri);
}

/// Count a report by `source` into `v`: made on its publication day (the
/// first to the last, should its datasets give two), or else on a day in
/// the window its ent:notBefore and ent:notAfter give (either open).
/// Read from `claims[0..n)` (sorted by subject), which hold every
/// publication day, notBefore and notAfter.
static void
count_report(const EntGraph *g,
             const Claim *claims,
             size_t n,
             uint32_t source,
             OntStatusReports *v)
{
  size_t lo = 0;
  size_t hi = n;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (claims[mid].subject < source) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  const char *first = NULL;
  const char *last = NULL;
  const char *not_before = NULL;
  const char *not_after = NULL;
  for (size_t i = lo; i < n && claims[i].subject == source; ++i) {
    const Fact *f = &g->facts[claims[i].fact];
    if (f->prop == ENT_PROP_PUBLISHED) {
      first = !first || strcmp(f->value, first) < 0 ? f->value : first;
      last = !last || strcmp(f->value, last) > 0 ? f->value : last;
    } else if (f->prop == ENT_PROP_NOT_BEFORE) {
      not_before = f->value;
    } else if (f->prop == ENT_PROP_NOT_AFTER) {
      not_after = f->value;
    }
  }
  if (first) {
    ont_status_report(v, first, last);
  } else {
    ont_status_report(v, not_before, not_after);
  }
}

/// Whether the places (venues or locations) claims[firsts[0..n)] give lie
/// one within another (the Ritz-Carlton, Riyadh, Saudi Arabia): one source
/// is more precise than another, not at odds with it.  `*parent` is each
/// entity's place, made at the first place that needs it and freed by the
/// caller.
static bool
places_nested(const EntGraph *g,
              const Claim *claims,
              const size_t *firsts,
              size_t n,
              uint32_t **parent)
{
  if (!*parent) {
    *parent = malloc((g->n_entities ? g->n_entities : 1) * sizeof(uint32_t));
    if (!*parent) {
      return false; // said as a disagreement: nothing is lost
    }
    for (size_t i = 0; i < g->n_entities; ++i) {
      (*parent)[i] = ENT_NO_ENTITY;
    }
    for (size_t i = 0; i < g->n_facts; ++i) {
      const Fact *f = &g->facts[i];
      if (f->prop == ENT_PROP_CONTAINED_IN_PLACE &&
          (*parent)[f->subject] == ENT_NO_ENTITY) {
        (*parent)[f->subject] = f->object;
      }
    }
  }
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      const uint32_t a = g->facts[claims[firsts[i]].fact].object;
      const uint32_t b = g->facts[claims[firsts[j]].fact].object;
      if (a == ENT_NO_ENTITY || b == ENT_NO_ENTITY ||
          (!ent_within(*parent, a, b) && !ent_within(*parent, b, a))) {
        return false;
      }
    }
  }
  return true;
}

/// Whether one source gives several of the places claims[start, end)
/// give (an event's place="kursk belgorod"): a list of places, of which
/// another source's fewer are not a disagreement.  One element's places
/// are facts in a row, and claims keep the facts' order.
static bool
one_source_lists(const EntGraph *g,
                 const Claim *claims,
                 size_t start,
                 size_t end)
{
  for (size_t i = start + 1; i < end; ++i) {
    const Fact *a = &g->facts[claims[i - 1].fact];
    const Fact *b = &g->facts[claims[i].fact];
    if (a->source == b->source && a->object != b->object) {
      return true;
    }
  }
  return false;
}

/// One warning for claims[start, end) (one entity, one property) when
/// they hold two or more values: each value with the first source that
/// gives it, and how many more do.  Statuses reported on different days
/// that can follow one another (ent:canBecome) are a change over time,
/// not a disagreement; nor are places one within another (`*parent`: see
/// places_nested()).  `claims[0..n)` are all of them, for the days.
/// Whether the windows and days sources give the subject of
/// claims[start..end) (one property of one entity, in `claims`, `n` long,
/// sorted by subject) leave a day in common (ent_day_span_add()).
static bool
days_meet(const EntGraph *g, const Claim *claims, size_t n, size_t start)
{
  const uint32_t subject = claims[start].subject;
  size_t first = start;
  while (first > 0 && claims[first - 1].subject == subject) {
    --first;
  }
  EntDaySpan span = { NULL, NULL };
  for (size_t i = first; i < n && claims[i].subject == subject; ++i) {
    const Fact *f = &g->facts[claims[i].fact];
    const PropInfo *info = ent_prop_info(f->prop);
    if (info && info->iris[0]) {
      ent_day_span_add(&span, info->iris[0], f->value);
    }
  }
  return !ent_day_span_empty(&span);
}

/// Append claim `f` to the list of a disagreement ("; " before all but
/// the first): `word`, its value, its source and where it was said, and
/// whether more sources give it.
static void
list_claim(EntBuf *list,
           const EntGraph *g,
           const Fact *f,
           const char *word,
           bool more)
{
  char where[ENT_WHERE_MAX];
  ent_buf_appendf(list,
                  "%s%s'%s' (%s, %s%s)",
                  list->len ? "; " : "",
                  word,
                  value_text(g, f),
                  f->source != ENT_NO_ENTITY ? g->entities[f->source].id
                                             : "(none)",
                  ent_where(g, ENT_LOG_WARNING, f->at, where, sizeof(where)),
                  more ? ", and more sources" : "");
}

static bool
warn_group(EntGraph *g,
           const Claim *claims,
           size_t n,
           size_t start,
           size_t end,
           uint32_t **parent)
{
  enum { MAX_VALUES = 6 };
  size_t firsts[MAX_VALUES];
  size_t more[MAX_VALUES] = { 0 };
  OntStatusReports reports[MAX_VALUES];
  const bool status = g->ontology && is_status(claims[start].prop);
  size_t n_values = 0;
  size_t extra_values = 0;
  for (size_t i = start; i < end; ++i) {
    const Fact *f = &g->facts[claims[i].fact];
    size_t v = 0;
    while (v < n_values &&
           !same_value(g, &g->facts[claims[firsts[v]].fact], f)) {
      ++v;
    }
    if (v < n_values) {
      more[v] += g->facts[claims[firsts[v]].fact].source != f->source;
    } else if (n_values < MAX_VALUES) {
      reports[n_values] =
        (OntStatusReports){ .status = f->value, .tag = n_values };
      firsts[n_values++] = i;
    } else {
      ++extra_values;
      continue;
    }
    if (status) {
      count_report(g, claims, n, f->source, &reports[v]);
    }
  }
  if (n_values < 2 ||
      (status && !extra_values &&
       ont_status_progression(g->ontology, reports, n_values)) ||
      ((claims[start].prop == ENT_PROP_VENUE ||
        claims[start].prop == ENT_PROP_LOCATION) &&
       !extra_values && places_nested(g, claims, firsts, n_values, parent)) ||
      (claims[start].prop == ENT_PROP_LOCATION &&
       one_source_lists(g, claims, start, end)) ||
      ((claims[start].prop == ENT_PROP_NOT_BEFORE ||
        claims[start].prop == ENT_PROP_NOT_AFTER) &&
       days_meet(g, claims, n, start))) {
    return false;
  }
  // Values that only one source gives among themselves are not a
  // disagreement between sources (one source may name a post twice).
  bool two_sources = false;
  for (size_t v = 1; v < n_values && !two_sources; ++v) {
    two_sources = g->facts[claims[firsts[v]].fact].source !=
                  g->facts[claims[firsts[0]].fact].source;
  }
  if (!two_sources) {
    return false;
  }
  EntBuf list = { NULL, 0, 0 };
  for (size_t v = 0; v < n_values; ++v) {
    list_claim(&list, g, &g->facts[claims[firsts[v]].fact], "", more[v]);
  }
  const Fact *second = &g->facts[claims[firsts[1]].fact];
  const Entity *e = &g->entities[second->subject];
  const bool post_title = second->prop == ENT_PROP_NAME;
  const EntCaret at = ent_caret_of(second->at);
  ent_log(g->world,
          ENT_LOG_WARNING,
          ENT_FAILURE,
          &at,
          "sources disagree on the %s of %s '%s': %s%s; each claim is kept "
          "in its source's graph",
          post_title ? "title" : ent_prop_info(second->prop)->name,
          ent_class_noun(e->cls),
          e->id,
          list.buf ? list.buf : "",
          extra_values ? "; and other values" : "");
  ent_buf_free(&list);
  return true;
}

/// Whether `prop` gives a day or bounds one (ent_is_day_claim()).
static bool
is_day_prop(EntProperty prop)
{
  const PropInfo *info = ent_prop_info(prop);
  return info && info->iris[0] && ent_is_day_claim(info->iris[0]);
}

/// How a day claim of `prop` reads before its value in a message.
static const char *
day_word(EntProperty prop)
{
  return prop == ENT_PROP_NOT_BEFORE  ? "not before "
         : prop == ENT_PROP_NOT_AFTER ? "not after "
                                      : "on ";
}

/// Warn where two sources give a subject's day in properties that each
/// have one value but together leave no day (claims[start..end), one
/// subject's): on the 25th against 17 to 23 March.
static bool
warn_days(EntGraph *g, const Claim *claims, size_t start, size_t end)
{
  enum { MAX_DAYS = 6 };
  size_t firsts[MAX_DAYS];
  bool more[MAX_DAYS] = { false };
  size_t n_days = 0;
  bool extra = false;
  bool two_sources = false;
  uint32_t source = ENT_NO_ENTITY;
  EntDaySpan span = { NULL, NULL };
  for (size_t i = start; i < end; ++i) {
    const Fact *f = &g->facts[claims[i].fact];
    if (!is_day_prop(f->prop) || !f->value) {
      continue;
    }
    ent_day_span_add(&span, ent_prop_info(f->prop)->iris[0], f->value);
    two_sources |= source != ENT_NO_ENTITY && f->source != source;
    source = source == ENT_NO_ENTITY ? f->source : source;
    size_t v = 0;
    while (v < n_days &&
           (g->facts[claims[firsts[v]].fact].prop != f->prop ||
            !same_value(g, &g->facts[claims[firsts[v]].fact], f))) {
      ++v;
    }
    if (v < n_days) {
      more[v] |= g->facts[claims[firsts[v]].fact].source != f->source;
    } else if (n_days < MAX_DAYS) {
      firsts[n_days++] = i;
    } else {
      extra = true;
    }
  }
  if (!two_sources || !ent_day_span_empty(&span)) {
    return false;
  }
  // Said where the claim read last stands: the one that left no day.
  size_t last = 0;
  EntBuf list = { NULL, 0, 0 };
  for (size_t v = 0; v < n_days; ++v) {
    const Fact *f = &g->facts[claims[firsts[v]].fact];
    last = claims[firsts[v]].fact > claims[firsts[last]].fact ? v : last;
    list_claim(&list, g, f, day_word(f->prop), more[v]);
  }
  const Fact *at_fact = &g->facts[claims[firsts[last]].fact];
  const Entity *e = &g->entities[at_fact->subject];
  const EntCaret at = ent_caret_of(at_fact->at);
  ent_log(g->world,
          ENT_LOG_WARNING,
          ENT_FAILURE,
          &at,
          "sources disagree on the day of %s '%s': %s%s; each claim is kept "
          "in its source's graph",
          ent_class_noun(e->cls),
          e->id,
          list.buf ? list.buf : "",
          extra ? "; and other days" : "");
  ent_buf_free(&list);
  return true;
}

/// Warn where one source's exact death toll of a subject is below
/// another's "at least" (claims[start..end), one subject's): 2 killed
/// against at least 3.  (Two exact tolls, or two lower bounds, that
/// differ are warn_group()'s.)
static bool
warn_deaths(EntGraph *g, const Claim *claims, size_t start, size_t end)
{
  const Fact *floor = NULL;
  unsigned long most = 0;
  for (size_t i = start; i < end; ++i) {
    const Fact *f = &g->facts[claims[i].fact];
    if (f->prop == ENT_PROP_DEATHS_AT_LEAST && f->value) {
      const unsigned long v = strtoul(f->value, NULL, 10);
      if (!floor || v > most) {
        floor = f;
        most = v;
      }
    }
  }
  if (!floor) {
    return false;
  }
  EntBuf list = { NULL, 0, 0 };
  const Fact *last = floor;
  for (size_t i = start; i < end; ++i) {
    const Fact *f = &g->facts[claims[i].fact];
    if (f->prop == ENT_PROP_DEATHS && f->value && f->source != floor->source &&
        strtoul(f->value, NULL, 10) < most) {
      list_claim(&list, g, f, "killed ", false);
      last = f > last ? f : last;
    }
  }
  if (!list.buf) {
    return false;
  }
  list_claim(&list, g, floor, "killed at least ", false);
  // Said where the claim read last stands, as for days.
  const Entity *e = &g->entities[floor->subject];
  const EntCaret at = ent_caret_of(last->at);
  ent_log(g->world,
          ENT_LOG_WARNING,
          ENT_FAILURE,
          &at,
          "sources disagree on the deaths of %s '%s': %s; each claim is kept "
          "in its source's graph",
          ent_class_noun(e->cls),
          e->id,
          list.buf);
  ent_buf_free(&list);
  return true;
}

EntStatus
ent_graph_check_disagreements(EntGraph *graph, size_t *count)
{
  EntGraph *g = graph;
  bool one[ENT_PROP_COUNT_];
  one_valued_props(one);
  size_t n = 0;
  for (size_t i = 0; i < g->n_facts; ++i) {
    n +=
      is_functional(one, &g->entities[g->facts[i].subject], g->facts[i].prop);
  }
  Claim *claims = malloc((n ? n : 1) * sizeof(Claim));
  if (!claims) {
    return ENT_ERR_NO_MEMORY;
  }
  size_t k = 0;
  for (size_t i = 0; i < g->n_facts; ++i) {
    const Fact *f = &g->facts[i];
    if (is_functional(one, &g->entities[f->subject], f->prop)) {
      claims[k++] = (Claim){ f->subject, (uint32_t)f->prop, (uint32_t)i };
    }
  }
  n = k; // the same number; said so that the analyzer sees every entry set
  if (n > 1) {
    qsort(claims, n, sizeof(Claim), by_claim);
  }
  size_t found = 0;
  uint32_t *parent = NULL; // each entity's place, made for places
  for (size_t start = 0; start < n;) {
    // One subject's claims: each property's, then the days they give
    // together, unless a property of days was already said.
    size_t subject_end = start + 1;
    while (subject_end < n &&
           claims[subject_end].subject == claims[start].subject) {
      ++subject_end;
    }
    bool days_said = false;
    for (size_t group = start; group < subject_end;) {
      size_t end = group + 1;
      while (end < subject_end && claims[end].prop == claims[group].prop) {
        ++end;
      }
      const bool warned = warn_group(g, claims, n, group, end, &parent);
      found += warned;
      days_said |= warned && is_day_prop((EntProperty)claims[group].prop);
      group = end;
    }
    if (!days_said) {
      found += warn_days(g, claims, start, subject_end);
    }
    found += warn_deaths(g, claims, start, subject_end);
    start = subject_end;
  }
  free(parent);
  free(claims);
  if (count) {
    *count = found;
  }
  return ENT_SUCCESS;
}
