// SPDX-License-Identifier: MIT
// Turning the model into RDF statements.

#include "emit.h"

#include <stdlib.h>
#include <string.h>

/// The super-terms of a class or property outside ent:, as the ontology walk
/// gives them.

typedef struct {
  const char **iris; ///< Borrowed from the ontology; the array is owned
  size_t count;
  size_t cap;
} SuperList;

/// The statements of one entity, to write each only once: one fact can
/// come from two sources, and two properties can share a super-property
/// (ent:topic and ent:concerns are both schema:about).  Exact: statements
/// are compared byte for byte, never by hash alone.
typedef struct {
  uint32_t *slots;  ///< Offset + 1 into text, 0 = empty
  uint32_t *stamps; ///< Slot is in use when its stamp is `stamp`
  size_t size;      ///< Power of two
  size_t count;
  uint32_t stamp;
  EntBuf text;      ///< Keys, each NUL-terminated
  bool entity_keys; ///< An object with its entity hint is keyed by the
                    ///< entity's index (see entity_keys_exact())
} StatementSet;

static void
set_reset(StatementSet *set)
{
  ++set->stamp;
  set->count = 0;
  ent_buf_reset(&set->text);
  if (set->stamp == 0) { // wrapped: old stamps could match again
    memset(set->stamps, 0, set->size * sizeof(uint32_t));
    set->stamp = 1;
  }
}

static void
set_free(StatementSet *set)
{
  free(set->slots);
  free(set->stamps);
  ent_buf_free(&set->text);
}

static EntStatus
set_grow(StatementSet *set)
{
  const size_t size = set->size ? set->size * 2 : 256;
  uint32_t *slots = calloc(size, sizeof(uint32_t));
  uint32_t *stamps = calloc(size, sizeof(uint32_t));
  if (!slots || !stamps) {
    free(slots);
    free(stamps);
    return ENT_ERR_NO_MEMORY;
  }
  for (size_t i = 0; i < set->size; ++i) {
    if (set->stamps[i] == set->stamp) {
      const char *key = set->text.buf + set->slots[i] - 1;
      size_t j = (size_t)ent_hash(key, strlen(key)) & (size - 1);
      while (stamps[j] == set->stamp) {
        j = (j + 1) & (size - 1);
      }
      slots[j] = set->slots[i];
      stamps[j] = set->stamp;
    }
  }
  free(set->slots);
  free(set->stamps);
  set->slots = slots;
  set->stamps = stamps;
  set->size = size;
  return ENT_SUCCESS;
}

/// Add the statement; *fresh tells whether it was not there yet.
static EntStatus
set_add(StatementSet *set, const Triple *t, bool quads, bool *fresh)
{
  EntStatus st = ENT_SUCCESS;
  if (!set->stamp) {
    set->stamp = 1;
  }
  if ((set->count + 1) * 2 > set->size) {
    TRY(st, set_grow(set));
  }
  // The key: every term, separated by a byte no term can hold (copied
  // piece by piece: formatting it took a tenth of an export).
  const size_t start = set->text.len;
  const char type = (char)('0' + (int)t->object.type);
  // An entity's IRI stands for the entity: its index, which needs no read
  // of the IRI (a cache miss a statement on big graphs: 10M DOT and
  // validate 5 % faster).
  char entity[12];
  const bool by_entity = set->entity_keys && t->object.entity;
  if (by_entity) {
    entity[0] = '\x02';
    for (int k = 0; k < 8; ++k) {
      entity[1 + k] =
        "0123456789abcdef"[(t->object.entity >> (28 - 4 * k)) & 15U];
    }
    entity[9] = '\0';
  }
  const char *parts[] = { t->subject.value,
                          t->predicate.value,
                          by_entity ? entity : t->object.value,
                          t->object.lang ? t->object.lang : "",
                          t->object.datatype ? t->object.datatype : "",
                          quads && t->graph ? t->graph : "" };
  for (size_t k = 0; k < sizeof(parts) / sizeof(parts[0]); ++k) {
    if (k == 2) {
      TRY(st, ent_buf_append(&set->text, &type, 1));
    }
    TRY(st, ent_buf_append(&set->text, parts[k], strlen(parts[k])));
    TRY(st, ent_buf_append(&set->text, k + 1 < 6 ? "\x01" : "", 1));
  }
  const char *key = set->text.buf + start;
  const size_t key_len = set->text.len - start - 1;
  size_t i = (size_t)ent_hash(key, key_len) & (set->size - 1);

  while (set->stamps[i] == set->stamp) {
    if (!strcmp(set->text.buf + set->slots[i] - 1, key)) {
      set->text.len = start; // already written: forget the copy
      *fresh = false;
      return ENT_SUCCESS;
    }
    i = (i + 1) & (set->size - 1);
  }
  if (start + 1 > UINT32_MAX) {
    return ENT_ERR_NO_MEMORY;
  }
  set->slots[i] = (uint32_t)start + 1;
  set->stamps[i] = set->stamp;
  ++set->count;
  *fresh = true;
  return ENT_SUCCESS;
}

/// A set of 128-bit keys (two words each; all zero = empty slot).
typedef struct {
  uint64_t *keys;
  size_t size; ///< Slots, a power of two
  size_t count;
} PairSet;

/// A set of 32-bit keys (each stored + 1; 0 = empty slot).
typedef struct {
  uint32_t *keys;
  uint32_t size; ///< Slots (or 0)
  uint32_t count;
} KeySet;

/// A set of (entity, source) pairs, which streaming keeps for the whole
/// export: one set of entity keys per source, 4 bytes a pair rather than
/// 8, and each set grows on its own (one big table's growth held the old
/// and the new table at once).
typedef struct {
  KeySet *by_source; ///< Indexed by the source's entity index
  size_t n_sources;
  KeySet none; ///< Pairs without a source
} EntityPairs;

typedef struct {
  EntGraph *graph;
  EmitFunc func;
  void *handle;
  SuperList class_supers[ENT_CLASS_COUNT_];
  SuperList prop_supers[ENT_PROP_COUNT_];
  size_t *fact_start; ///< Facts of entity i: order[fact_start[i]..[i+1])
  uint32_t *order;
  EntBuf scratch;
  bool quads;            ///< Statements in different graphs are different
  StatementSet written;  ///< This entity's statements so far
  uint32_t *source_mark; ///< Per entity: index + 1 of the last entity
                         ///< that listed it as a source
  uint32_t *sources;     ///< This entity's sources, in order of first use
  uint32_t mark;         ///< Current value for source_mark
  bool *iri_checked;     ///< Per entity: its IRI passed require_declared()
  size_t n_entities;     ///< Size of source_mark, sources and iri_checked
  uint32_t subject;      ///< 1 + the entity being written (emit_subject())
  // (entity, source) pairs already said, since an entity's facts from one
  // source can come in many elements (streaming), and an entity is
  // mentioned from the blocks of others.
  EntityPairs derived;   ///< prov:wasDerivedFrom (streaming)
  EntityPairs mentioned; ///< dcterms:isReferencedBy
  EntityPairs typed;     ///< Content-keyed entities typed in a source's graph
  // Streaming: statements about an entity read in another element (a
  // registry entity, a post) can repeat one written before; these are
  // remembered by a 128-bit fingerprint.
  PairSet shared;
  bool across;            ///< The current block's statements may repeat
  const char *skip_graph; ///< The corpus graph, when it is not written
  // Terms found declared once need no second look (an ontology lookup per
  // statement was a tenth of the emitter's time).
  bool class_declared[ENT_CLASS_COUNT_];
  bool prop_declared[ENT_PROP_COUNT_];
} Emitter;

static void
pairs_free(PairSet *set)
{
  free(set->keys);
  memset(set, 0, sizeof(*set));
}

/// Whether the 128-bit key (a, b) is new to `set`; remembers it.
static EntStatus
pairs_add(PairSet *set, uint64_t a, uint64_t b, bool *first)
{
  if ((set->count + 1) * 2 > set->size) {
    const size_t size = set->size ? set->size * 2 : 1024;
    uint64_t *grown = calloc(size * 2, sizeof(uint64_t));
    if (!grown) {
      return ENT_ERR_NO_MEMORY;
    }
    for (size_t i = 0; i < set->size; ++i) {
      const uint64_t *k = &set->keys[2 * i];
      if (k[0] || k[1]) {
        size_t j = (size_t)ent_mix64(k[0] ^ ent_mix64(k[1])) & (size - 1);
        while (grown[2 * j] || grown[2 * j + 1]) {
          j = (j + 1) & (size - 1);
        }
        grown[2 * j] = k[0];
        grown[2 * j + 1] = k[1];
      }
    }
    free(set->keys);
    set->keys = grown;
    set->size = size;
  }
  if (!a && !b) {
    b = 1; // (0, 0) marks an empty slot
  }
  size_t i = (size_t)ent_mix64(a ^ ent_mix64(b)) & (set->size - 1);
  while ((set->keys[2 * i] || set->keys[2 * i + 1]) &&
         (set->keys[2 * i] != a || set->keys[2 * i + 1] != b)) {
    i = (i + 1) & (set->size - 1);
  }
  *first = !set->keys[2 * i] && !set->keys[2 * i + 1];
  if (*first) {
    set->keys[2 * i] = a;
    set->keys[2 * i + 1] = b;
    ++set->count;
  }
  return ENT_SUCCESS;
}

static uint32_t
mix32(uint32_t x)
{
  x ^= x >> 16;
  x *= 0x7FEB352DU;
  x ^= x >> 15;
  x *= 0x846CA68BU;
  return x ^ (x >> 16);
}

/// The first slot to probe for `key` in a table of `size` slots (any
/// size: the hash scaled, not masked).
static size_t
slot_of(uint32_t key, size_t size)
{
  return (size_t)(((uint64_t)mix32(key) * size) >> 32);
}

/// Whether `key` is new to `set`; remembers it.
static EntStatus
first_key(KeySet *set, uint32_t key, bool *first)
{
  // Grown by half at 4/5 full: between 53 % and 80 % full, memory stays
  // low (these sets hold a pair for most entities) and linear probing
  // short enough.
  if (((size_t)set->count + 1) * 5 > (size_t)set->size * 4) {
    const size_t size = set->size ? (size_t)set->size * 3 / 2 : 8;
    if (size > UINT32_MAX) {
      return ENT_ERR_NO_MEMORY;
    }
    uint32_t *grown = calloc(size, sizeof(uint32_t));
    if (!grown) {
      return ENT_ERR_NO_MEMORY;
    }
    for (uint32_t i = 0; i < set->size; ++i) {
      const uint32_t k = set->keys[i];
      if (k) {
        size_t j = slot_of(k, size);
        while (grown[j]) {
          j = j + 1 < size ? j + 1 : 0;
        }
        grown[j] = k;
      }
    }
    free(set->keys);
    set->keys = grown;
    set->size = (uint32_t)size;
  }
  // Keys are below ENT_NO_ENTITY: key + 1 is never 0.
  const uint32_t k = key + 1;
  size_t i = slot_of(k, set->size);
  while (set->keys[i] && set->keys[i] != k) {
    i = i + 1 < set->size ? i + 1 : 0;
  }
  *first = !set->keys[i];
  if (*first) {
    set->keys[i] = k;
    ++set->count;
  }
  return ENT_SUCCESS;
}

/// Whether (entity, source) is new to `set`; remembers it.
static EntStatus
first_pair(EntityPairs *set, uint32_t entity, uint32_t source, bool *first)
{
  if (source == ENT_NO_ENTITY) {
    return first_key(&set->none, entity, first);
  }
  if (source >= set->n_sources) {
    size_t n = set->n_sources ? set->n_sources : 64;
    while (n <= source) {
      n *= 2;
    }
    KeySet *grown = realloc(set->by_source, n * sizeof(KeySet));
    if (!grown) {
      return ENT_ERR_NO_MEMORY;
    }
    memset(grown + set->n_sources, 0, (n - set->n_sources) * sizeof(KeySet));
    set->by_source = grown;
    set->n_sources = n;
  }
  return first_key(&set->by_source[source], entity, first);
}

static void
entity_pairs_free(EntityPairs *set)
{
  for (size_t i = 0; i < set->n_sources; ++i) {
    free(set->by_source[i].keys);
  }
  free(set->by_source);
  free(set->none.keys);
  memset(set, 0, sizeof(*set));
}

/// A second 64-bit hash, independent of ent_hash (FNV-1a), for 128-bit
/// fingerprints of statements.
static uint64_t
fnv1a64(const char *s, size_t len)
{
  uint64_t h = 0xCBF29CE484222325ULL;
  for (size_t i = 0; i < len; ++i) {
    h = (h ^ (unsigned char)s[i]) * 0x100000001B3ULL;
  }
  return h;
}

static EntStatus
collect_super(void *handle, const char *iri)
{
  SuperList *list = handle;
  if (list->count == list->cap) {
    const size_t cap = list->cap ? 2 * list->cap : 8;
    const char **grown = realloc((void *)list->iris, cap * sizeof(char *));
    if (!grown) {
      return ENT_ERR_NO_MEMORY;
    }
    list->iris = grown;
    list->cap = cap;
  }
  list->iris[list->count++] = iri;
  return ENT_SUCCESS;
}

static EntStatus
require_declared(Emitter *em, const char *iri)
{
  if (strncmp(iri, ENT_NS, sizeof(ENT_NS) - 1) == 0 &&
      !ont_declares(em->graph->ontology, iri)) {
    ent_log(em->graph->world,
            ENT_LOG_ERROR,
            ENT_ERR_UNDECLARED,
            NULL,
            "ent:%s is not declared in the ontology, so it is not written; "
            "declare it in the ontology or use one that has it",
            iri + sizeof(ENT_NS) - 1);
    return ENT_ERR_UNDECLARED;
  }
  return ENT_SUCCESS;
}

/// require_declared() for every IRI of property `prop` (each undeclared
/// one is reported; the first failure is returned), once.
static EntStatus
require_prop(Emitter *em, EntProperty prop)
{
  if (em->prop_declared[prop]) {
    return ENT_SUCCESS;
  }
  const PropInfo *info = ent_prop_info(prop);
  EntStatus worst = ENT_SUCCESS;
  for (size_t k = 0; k < 2 && info->iris[k]; ++k) {
    const EntStatus st = require_declared(em, info->iris[k]);
    worst = worst ? worst : st;
  }
  em->prop_declared[prop] = !worst;
  return worst;
}

/// require_declared() for the IRI of class `cls`, once.
static EntStatus
require_class(Emitter *em, EntClass cls)
{
  if (em->class_declared[cls]) {
    return ENT_SUCCESS;
  }
  EntStatus st = ENT_SUCCESS;
  TRY(st, require_declared(em, ent_class_iri(cls)));
  em->class_declared[cls] = true;
  return ENT_SUCCESS;
}

static Node
iri_node(const char *iri)
{
  return (Node){ .type = NODE_IRI, .value = iri };
}

/// Whether the model's strings outlive the walk: a stream's go with the
/// element that made them.
static bool
lasting(const EntGraph *g)
{
  return g->stream_phase != STREAM_WRITE;
}

/// The IRI of entity `index` of `g`, with the entity hint, which a
/// stream does not give: its entities move between elements.
static Node
entity_node(const EntGraph *g, uint32_t index)
{
  return (Node){ .type = NODE_IRI,
                 .entity = g->stream_phase == STREAM_WRITE ? 0 : index + 1,
                 .value = g->entities[index].iri };
}

static EntStatus
put(Emitter *em, const char *s, const char *p, Node o, const char *graph)
{
  if (graph && graph == em->skip_graph) {
    return ENT_SUCCESS; // the corpus graph, which this export leaves out
  }
  Triple t = { iri_node(s), iri_node(p), o, graph };
  // The entity's own IRI (the same pointer) carries its hint.
  if (em->subject && s == em->graph->entities[em->subject - 1].iri) {
    t.subject.entity = em->subject;
  }
  bool fresh = false;
  EntStatus st = ENT_SUCCESS;
  const size_t start = em->written.text.len;
  TRY(st, set_add(&em->written, &t, em->quads, &fresh));
  if (fresh && em->across) {
    // The key set_add() kept stands for the statement: its terms, an
    // entity object by its index when the keys are exact; one statement
    // has one key, whichever block it comes from.
    const char *key = em->written.text.buf + start;
    const size_t len = strlen(key);
    TRY(st,
        pairs_add(&em->shared, ent_hash(key, len), fnv1a64(key, len), &fresh));
  }
  return fresh ? em->func(em->handle, &t) : ENT_SUCCESS;
}

/// `entity dcterms:isReferencedBy source` in the source's graph: the
/// article mentions the entity, whatever it says of it (schema:subjectOf,
/// "a CreativeWork or Event about this Thing", would say the article is
/// about everything it names, its own publisher included).  Once per pair: the
/// entity's own source where it is described (`describing`), which happens
/// once, and nowhere else; other sources the first time (remembered).
static EntStatus
mention(Emitter *em, uint32_t entity, uint32_t source, bool describing)
{
  const EntGraph *g = em->graph;
  if (source == ENT_NO_ENTITY || entity == source ||
      g->entities[source].cls != ENT_CLASS_SOURCE) {
    return ENT_SUCCESS;
  }
  const Entity *e = &g->entities[entity];
  if (e->content_keyed || e->cls == ENT_CLASS_SOURCE ||
      e->cls == ENT_CLASS_CORPUS) {
    return ENT_SUCCESS;
  }
  bool first = describing;
  EntStatus st = ENT_SUCCESS;
  if (!describing && source != e->source) {
    TRY(st, first_pair(&em->mentioned, e->key, source, &first));
  }
  if (!first) {
    return ENT_SUCCESS;
  }
  const char *graph = g->entities[source].iri;
  const Triple t = { entity_node(g, entity),
                     iri_node(DCTERMS_NS "isReferencedBy"),
                     entity_node(g, source),
                     graph };
  return em->func(em->handle, &t);
}

static const char *
source_iri(const EntGraph *g, uint32_t source)
{
  return source == ENT_NO_ENTITY ? NULL : g->entities[source].iri;
}

static EntStatus
emit_literal_fact(Emitter *em,
                  const Entity *e,
                  const Fact *f,
                  const char *graph)
{
  const PropInfo *info = ent_prop_info(f->prop);
  EntStatus st = ENT_SUCCESS;
  TRY(st, require_prop(em, f->prop));
  for (size_t k = 0; k < 2 && info->iris[k]; ++k) {
    const Node o = info->datatype == DT_IRI
                     ? iri_node(f->value)
                     : (Node){ .type = NODE_LITERAL,
                               .value = f->value,
                               .datatype = ent_datatype_iri(info->datatype),
                               .lang = f->lang,
                               .lasting = lasting(em->graph) };
    TRY(st, put(em, e->iri, info->iris[k], o, graph));
  }
  return ENT_SUCCESS;
}

static EntStatus
emit_attribution(Emitter *em,
                 const Entity *e,
                 uint32_t agent_index,
                 const char *role,
                 const char *graph)
{
  const Entity *agent = &em->graph->entities[agent_index];
  EntStatus st = ENT_SUCCESS;
  TRY(st, require_declared(em, role));
  ent_buf_reset(&em->scratch);
  // One node per role and agent: an outlet can be speaker and medium.
  TRY(st,
      ent_buf_appendf(&em->scratch,
                      "%s/attribution/%s-%s",
                      e->iri,
                      role + sizeof(ENT_NS) - 1,
                      agent->id));
  const char *node = em->scratch.buf;
  TRY(st,
      put(em, e->iri, PROV_NS "qualifiedAttribution", iri_node(node), graph));
  TRY(st, put(em, node, RDF_TYPE, iri_node(PROV_NS "Attribution"), graph));
  TRY(
    st,
    put(em, node, PROV_NS "agent", entity_node(em->graph, agent_index), graph));
  return put(em, node, PROV_NS "hadRole", iri_node(role), graph);
}

static EntStatus
emit_fact(Emitter *em, const Entity *e, const Fact *f)
{
  EntGraph *g = em->graph;
  const PropInfo *info = ent_prop_info(f->prop);
  const char *graph = source_iri(g, f->source);
  EntStatus st = ENT_SUCCESS;
  if (info->kind == PROP_LITERAL) {
    return emit_literal_fact(em, e, f, graph);
  }
  const Node object =
    info->kind == PROP_CONCEPT ? iri_node(f->value) : entity_node(g, f->object);
  TRY(st, require_prop(em, f->prop));
  // An entity's IRI is checked once (reading every object's IRI again
  // was a cache miss per statement on big graphs); streaming, only an
  // entity that stays where it is (the others move between elements).
  if (info->kind == PROP_CONCEPT || !em->iri_checked[f->object]) {
    TRY(st, require_declared(em, object.value));
    if (info->kind != PROP_CONCEPT &&
        (g->stream_phase != STREAM_WRITE || f->object < g->n_kept)) {
      em->iri_checked[f->object] = true;
    }
  }
  TRY(st, put(em, e->iri, info->iris[0], object, graph));
  const SuperList *supers = &em->prop_supers[f->prop];
  for (size_t k = 0; k < supers->count; ++k) {
    TRY(st, put(em, e->iri, supers->iris[k], object, graph));
  }
  if (f->prop == ENT_PROP_SPEAKER || f->prop == ENT_PROP_MEDIUM) {
    TRY(st,
        emit_attribution(em,
                         e,
                         f->object,
                         f->prop == ENT_PROP_SPEAKER ? ENT_NS "speakerRole"
                                                     : ENT_NS "mediumRole",
                         graph));
  }
  return ENT_SUCCESS;
}

/// Whether entity `i` is defined by the element being written (not a
/// registry entity it refers to, not a post it makes).
static bool
owned_here(const EntGraph *g, uint32_t i)
{
  const Entity *e = &g->entities[i];
  return e->active && !e->registry && !e->content_keyed;
}

/// `e`'s classes (its own and every standard class above it) in `graph`.
static EntStatus
emit_types(Emitter *em, const Entity *e, const char *graph)
{
  EntStatus st = ENT_SUCCESS;
  TRY(st, require_class(em, e->cls));
  TRY(st, put(em, e->iri, RDF_TYPE, iri_node(ent_class_iri(e->cls)), graph));
  const SuperList *supers = &em->class_supers[e->cls];
  for (size_t k = 0; k < supers->count; ++k) {
    TRY(st, put(em, e->iri, RDF_TYPE, iri_node(supers->iris[k]), graph));
  }
  return ENT_SUCCESS;
}

/// A post or response belongs to no one source: it is typed in the graph
/// of every source that reports it, so that each graph stands alone.
static EntStatus
emit_keyed_types(Emitter *em,
                 uint32_t index,
                 const uint32_t *facts,
                 size_t n_facts)
{
  EntGraph *g = em->graph;
  const Entity *e = &g->entities[index];
  EntStatus st = ENT_SUCCESS;
  for (size_t i = 0; i < n_facts; ++i) {
    const uint32_t source = g->facts[facts[i]].source;
    bool first = true;
    // Made by one element only, it is typed in this block only, where the
    // block's own set drops a type said twice.
    if (g->stream_phase == STREAM_WRITE && e->repeatable) {
      TRY(st,
          first_pair(
            &em->typed, e->key, em->quads ? source : ENT_NO_ENTITY, &first));
    }
    if (first) {
      // The pair set says each type once: no fingerprint needed.
      const bool across = em->across;
      em->across = false;
      st = emit_types(em, e, source_iri(g, source));
      em->across = across;
      if (st) {
        return st;
      }
    }
  }
  return ENT_SUCCESS;
}

/// The statements about entity `index`: when `describe`, its classes,
/// names and sources; then the facts `facts[0..n_facts)` about it.
static EntStatus
emit_subject(Emitter *em,
             uint32_t index,
             bool describe,
             const uint32_t *facts,
             size_t n_facts)
{
  EntGraph *g = em->graph;
  const Entity *e = &g->entities[index];
  const char *graph = source_iri(g, e->source);
  EntStatus st = ENT_SUCCESS;
  set_reset(&em->written);
  em->subject = g->stream_phase == STREAM_WRITE ? 0 : index + 1;
  // Streaming, what is said of an entity in another element (a registry
  // entity an article makes claims about, a post two articles report) may
  // have been said already; such statements are remembered.  What cannot
  // recur is not: an element is read once, a post of an official a
  // dataset defines is made in that official's element only, and a fact
  // about another element's entity whose object this element defines (a
  // delegation's members) is said by this element alone.
  const bool streaming = g->stream_phase == STREAM_WRITE;
  const bool recurs =
    streaming && (e->content_keyed ? e->repeatable : e->registry || !describe);
  em->across = recurs;
  if (e->content_keyed) {
    TRY(st, emit_keyed_types(em, index, facts, n_facts));
  } else if (describe) {
    TRY(st, emit_types(em, e, graph));
    const Node name = { .type = NODE_LITERAL,
                        .value = e->name,
                        .lang = e->lang,
                        .lasting = lasting(g) };
    TRY(st, put(em, e->iri, RDFS_LABEL, name, graph));
    TRY(st, put(em, e->iri, SCHEMA_NS "name", name, graph));
    if (e->cls == ENT_CLASS_TOPIC) {
      // A skos:Concept: thesaurus tools show its skos:prefLabel.  One
      // name an entity, so one in its language, as SKOS asks.
      TRY(st, put(em, e->iri, SKOS_NS "prefLabel", name, graph));
    }
    TRY(st, mention(em, index, e->source, true));
    if (e->cls == ENT_CLASS_SOURCE && g->corpus != ENT_NO_ENTITY) {
      // The corpus (a prov:Collection and a schema:Dataset) had no
      // members said.  Each article says it is one, in its own graph: the
      // corpus graph stays the same bytes whichever articles are exported
      // (a subset is a subgraph).
      const Node corpus = entity_node(g, g->corpus);
      TRY(st, put(em, e->iri, SCHEMA_NS "isPartOf", corpus, graph));
      TRY(st, put(em, e->iri, DCTERMS_NS "isPartOf", corpus, graph));
    }
  }

  // Every source the entity's facts come from, for prov:wasDerivedFrom,
  // each said in that source's own graph.  Undescribed (streaming, facts
  // from another element), the entity's own source is said where it is
  // described.
  ++em->mark;
  size_t n_sources = 0;
  // A registry entity is curated, not derived from a source.
  if (e->source != ENT_NO_ENTITY && e->source != index && !e->content_keyed &&
      e->source != g->corpus) {
    em->source_mark[e->source] = em->mark;
    if (describe) {
      em->sources[n_sources++] = e->source;
    }
  }
  for (size_t i = 0; i < n_facts; ++i) {
    const Fact *f = &g->facts[facts[i]];
    em->across =
      recurs && !(!describe && !e->registry && !e->content_keyed &&
                  f->object != ENT_NO_ENTITY && owned_here(g, f->object));
    TRY(st, emit_fact(em, e, f));
    TRY(st, mention(em, index, f->source, false));
    if (f->object != ENT_NO_ENTITY) {
      TRY(st, mention(em, f->object, f->source, false));
    }
    if (f->source != ENT_NO_ENTITY && f->source != index &&
        f->source != g->corpus && em->source_mark[f->source] != em->mark) {
      em->source_mark[f->source] = em->mark;
      em->sources[n_sources++] = f->source;
    }
  }
  for (size_t k = 0; k < n_sources; ++k) {
    // The entity's own source is listed only where it is described,
    // which happens once: no need to remember it.
    bool first = true;
    if (g->stream_phase == STREAM_WRITE && em->sources[k] != e->source) {
      TRY(st, first_pair(&em->derived, e->key, em->sources[k], &first));
    }
    if (!first) {
      continue;
    }
    // Said once per pair by the pair set: no fingerprint needed.
    em->across = false;
    const Node src = entity_node(g, em->sources[k]);
    TRY(st, put(em, e->iri, PROV_NS "wasDerivedFrom", src, src.value));
    if (e->cls == ENT_CLASS_QUOTATION) {
      TRY(st, put(em, e->iri, PROV_NS "wasQuotedFrom", src, src.value));
    }
  }
  em->across = false;
  return ENT_SUCCESS;
}

/// Order facts by subject, keeping insertion order within a subject
/// (a counting sort: linear in the number of facts).
static EntStatus
index_facts(Emitter *em)
{
  const EntGraph *g = em->graph;
  em->fact_start = calloc(g->n_entities + 2, sizeof(size_t));
  em->order = malloc((g->n_facts ? g->n_facts : 1) * sizeof(uint32_t));
  if (!em->fact_start || !em->order) {
    return ENT_ERR_NO_MEMORY;
  }
  for (size_t i = 0; i < g->n_facts; ++i) {
    ++em->fact_start[g->facts[i].subject + 2];
  }
  for (size_t i = 2; i < g->n_entities + 2; ++i) {
    em->fact_start[i] += em->fact_start[i - 1];
  }
  for (size_t i = 0; i < g->n_facts; ++i) {
    em->order[em->fact_start[g->facts[i].subject + 1]++] = (uint32_t)i;
  }
  return ENT_SUCCESS;
}

static void
emitter_free(void *handle)
{
  Emitter *em = handle;
  if (em) {
    for (int c = 0; c < ENT_CLASS_COUNT_; ++c) {
      free((void *)em->class_supers[c].iris);
    }
    for (int p = 0; p < ENT_PROP_COUNT_; ++p) {
      free((void *)em->prop_supers[p].iris);
    }
    free(em->fact_start);
    free(em->order);
    free(em->source_mark);
    free(em->iri_checked);
    free(em->sources);
    entity_pairs_free(&em->derived);
    entity_pairs_free(&em->mentioned);
    entity_pairs_free(&em->typed);
    pairs_free(&em->shared);
    set_free(&em->written);
    ent_buf_free(&em->scratch);
    free(em);
  }
}

/// Whether an object's entity hint may key it in place of its IRI
/// (StatementSet.entity_keys): exact only while the same IRI never comes
/// once with its entity and once without under one subject, predicate and
/// graph.  Entities are objects of relations (ent: properties and their
/// super-properties, from the ontology) and of provenance; IRIs without an
/// entity that a dataset may give freely are the values of IRI-valued
/// facts (url, sameAs, license).  Their predicates must not meet.
static bool
entity_keys_exact(const Emitter *em)
{
  static const char *const provenance[] = { PROV_NS "wasDerivedFrom",
                                            PROV_NS "wasQuotedFrom",
                                            PROV_NS "agent" };
  for (int p = 0; p < ENT_PROP_COUNT_; ++p) {
    const PropInfo *info = ent_prop_info((EntProperty)p);
    if (info->kind != PROP_LITERAL || info->datatype != DT_IRI) {
      continue;
    }
    for (size_t k = 0; k < 2 && info->iris[k]; ++k) {
      const char *iri = info->iris[k];
      for (size_t i = 0; i < sizeof(provenance) / sizeof(*provenance); ++i) {
        if (!strcmp(iri, provenance[i])) {
          return false;
        }
      }
      for (int r = 0; r < ENT_PROP_COUNT_; ++r) {
        const PropInfo *rel = ent_prop_info((EntProperty)r);
        if (rel->kind != PROP_RELATION) {
          continue;
        }
        if (!strcmp(iri, rel->iris[0])) {
          return false;
        }
        const SuperList *supers = &em->prop_supers[r];
        for (size_t j = 0; j < supers->count; ++j) {
          if (!strcmp(iri, supers->iris[j])) {
            return false;
          }
        }
      }
    }
  }
  return true;
}

/// An emitter for `graph`: super-classes and super-properties looked up
/// once in the ontology.
static EntStatus
emitter_new(EntGraph *graph, Emitter **out)
{
  Emitter *em = calloc(1, sizeof(Emitter));
  *out = em;
  if (!em) {
    return ENT_ERR_NO_MEMORY;
  }
  em->graph = graph;
  em->n_entities = graph->n_entities;
  if (!graph->write_registry && graph->corpus != ENT_NO_ENTITY) {
    em->skip_graph = graph->entities[graph->corpus].iri;
  }
  em->source_mark = calloc(graph->n_entities + 1, sizeof(uint32_t));
  em->sources = malloc((graph->n_entities + 1) * sizeof(uint32_t));
  em->iri_checked = calloc(graph->n_entities + 1, sizeof(bool));
  if (!em->source_mark || !em->sources || !em->iri_checked) {
    emitter_free(em);
    *out = NULL;
    return ENT_ERR_NO_MEMORY;
  }
  EntStatus st = ENT_SUCCESS;
  for (int c = 0; !st && c < ENT_CLASS_COUNT_; ++c) {
    st = ont_each_external_super(graph->ontology,
                                 ent_class_iri((EntClass)c),
                                 collect_super,
                                 &em->class_supers[c]);
  }
  for (int p = 0; !st && p < ENT_PROP_COUNT_; ++p) {
    const PropInfo *info = ent_prop_info((EntProperty)p);
    if (info->kind == PROP_RELATION || info->kind == PROP_CONCEPT) {
      st = ont_each_external_super(
        graph->ontology, info->iris[0], collect_super, &em->prop_supers[p]);
    }
  }
  if (st) {
    emitter_free(em);
    *out = NULL;
    return st;
  }
  em->written.entity_keys = entity_keys_exact(em);
  return ENT_SUCCESS;
}

/// Make room in the per-entity arrays for entities added since.
static EntStatus
emitter_grow(Emitter *em, size_t n_entities)
{
  uint32_t *mark =
    realloc(em->source_mark, (n_entities + 1) * sizeof(uint32_t));
  if (!mark) {
    return ENT_ERR_NO_MEMORY;
  }
  em->source_mark = mark;
  memset(mark + em->n_entities + 1,
         0,
         (n_entities - em->n_entities) * sizeof(uint32_t));
  uint32_t *sources = realloc(em->sources, (n_entities + 1) * sizeof(uint32_t));
  if (!sources) {
    return ENT_ERR_NO_MEMORY;
  }
  em->sources = sources;
  bool *checked = realloc(em->iri_checked, (n_entities + 1) * sizeof(bool));
  if (!checked) {
    return ENT_ERR_NO_MEMORY;
  }
  em->iri_checked = checked;
  memset(checked + em->n_entities + 1,
         0,
         (n_entities - em->n_entities) * sizeof(bool));
  em->n_entities = n_entities;
  return ENT_SUCCESS;
}

EntStatus
ent_emit(EntGraph *graph, bool quads, EmitFunc func, void *handle)
{
  Emitter *em = NULL;
  EntStatus st = emitter_new(graph, &em);
  if (!st) {
    em->func = func;
    em->handle = handle;
    em->quads = quads;
    st = index_facts(em);
  }
  for (uint32_t i = 0; !st && i < graph->n_entities; ++i) {
    const size_t first = em->fact_start[i];
    st = emit_subject(
      em, i, true, em->order + first, em->fact_start[i + 1] - first);
  }
  emitter_free(em);
  return st;
}

typedef struct {
  uint32_t rank;
  uint32_t index;
} RankedFact;

static int
by_rank(const void *a, const void *b)
{
  const RankedFact *x = a;
  const RankedFact *y = b;
  if (x->rank != y->rank) {
    return x->rank < y->rank ? -1 : 1;
  }
  return x->index < y->index ? -1 : x->index > y->index;
}

EntStatus
ent_emit_pending(EntGraph *graph, bool quads, EmitFunc func, void *handle)
{
  // One emitter for the whole stream, kept with the graph: what it has
  // said (derivations, mentions) must be remembered to the end.
  Emitter *em = graph->emit_cache;
  EntStatus st = ENT_SUCCESS;
  if (!em) {
    TRY(st, emitter_new(graph, &em));
    graph->emit_cache = em;
    graph->free_emit_cache = emitter_free;
  } else if (em->n_entities < graph->n_entities) {
    TRY(st, emitter_grow(em, graph->n_entities));
  }
  em->func = func;
  em->handle = handle;
  em->quads = quads;
  // Subjects in order: the element's own entities, then the others its
  // facts are about, in order of first mention.  Ranks are kept in
  // source_mark's twin, sources, which is free between subjects.
  const size_t n = graph->n_facts;
  RankedFact *ranked = malloc((n ? n : 1) * sizeof(RankedFact));
  uint32_t *subjects = malloc((graph->n_active + n + 1) * sizeof(uint32_t));
  uint32_t *facts = malloc((n ? n : 1) * sizeof(uint32_t));
  if (!ranked || !subjects || !facts) {
    free(ranked);
    free(subjects);
    free(facts);
    return ENT_ERR_NO_MEMORY;
  }
  ++em->mark;
  const uint32_t first_mark = em->mark;
  size_t n_subjects = 0;
  for (size_t i = 0; i < graph->n_active; ++i) {
    const uint32_t e = graph->active[i];
    em->source_mark[e] = em->mark;
    em->sources[e] = (uint32_t)n_subjects;
    subjects[n_subjects++] = e;
  }
  for (size_t i = 0; i < n; ++i) {
    const uint32_t e = graph->facts[i].subject;
    if (em->source_mark[e] != first_mark) {
      em->source_mark[e] = first_mark;
      em->sources[e] = (uint32_t)n_subjects;
      subjects[n_subjects++] = e;
    }
    ranked[i] = (RankedFact){ em->sources[e], (uint32_t)i };
  }
  if (n > 1) {
    qsort(ranked, n, sizeof(RankedFact), by_rank);
  }
  for (size_t i = 0; i < n; ++i) {
    facts[i] = ranked[i].index;
  }
  for (size_t k = 0, at = 0; !st && k < n_subjects; ++k) {
    size_t end = at;
    while (end < n && ranked[end].rank == k) {
      ++end;
    }
    const uint32_t e = subjects[k];
    st = emit_subject(em, e, graph->entities[e].active, facts + at, end - at);
    at = end;
  }
  free(ranked);
  free(subjects);
  free(facts);
  return st;
}

EntStatus
ent_emit_check_vocabulary(EntGraph *graph)
{
  Emitter em;
  memset(&em, 0, sizeof(em));
  em.graph = graph;
  EntStatus worst = ENT_SUCCESS;
  for (int c = 0; c < ENT_CLASS_COUNT_; ++c) {
    const EntStatus st = require_class(&em, (EntClass)c);
    worst = worst ? worst : st;
  }
  for (int p = 0; p < ENT_PROP_COUNT_; ++p) {
    const EntStatus st = require_prop(&em, (EntProperty)p);
    worst = worst ? worst : st;
  }
  static const char *const roles[] = { ENT_NS "speakerRole",
                                       ENT_NS "mediumRole" };
  for (size_t r = 0; r < sizeof(roles) / sizeof(roles[0]); ++r) {
    const EntStatus st = require_declared(&em, roles[r]);
    worst = worst ? worst : st;
  }
  return worst;
}
