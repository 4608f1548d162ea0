// SPDX-License-Identifier: MIT
// Turning the model into RDF statements.

#include "emit.h"

#include <stdlib.h>
#include <string.h>

#define MAX_SUPERS  16
#define MAX_SOURCES 8

typedef struct {
  const char *iris[MAX_SUPERS];
  size_t count;
} SuperList;

typedef struct {
  EntGraph *graph;
  EmitFunc func;
  void *handle;
  SuperList class_supers[ENT_CLASS_COUNT_];
  SuperList prop_supers[ENT_PROP_COUNT_];
  size_t *fact_start; ///< Facts of entity i: order[fact_start[i]..[i+1])
  uint32_t *order;
  EntBuf scratch;
} Emitter;

static EntStatus
collect_super(void *handle, const char *iri)
{
  SuperList *list = handle;
  if (list->count < MAX_SUPERS) {
    list->iris[list->count++] = iri;
  }
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

static Node
iri_node(const char *iri)
{
  return (Node){ NODE_IRI, iri, NULL, NULL };
}

static EntStatus
put(Emitter *em, const char *s, const char *p, Node o, const char *graph)
{
  const Triple t = { iri_node(s), iri_node(p), o, graph };
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
  for (size_t k = 0; k < 2 && info->iris[k]; ++k) {
    TRY(st, require_declared(em, info->iris[k]));
    const Node o = info->datatype == DT_IRI
                     ? iri_node(f->value)
                     : (Node){ NODE_LITERAL,
                               f->value,
                               ent_datatype_iri(info->datatype),
                               f->lang };
    TRY(st, put(em, e->iri, info->iris[k], o, graph));
  }
  return ENT_SUCCESS;
}

static EntStatus
emit_attribution(Emitter *em,
                 const Entity *e,
                 const Entity *agent,
                 const char *role,
                 const char *graph)
{
  EntStatus st = ENT_SUCCESS;
  TRY(st, require_declared(em, role));
  ent_buf_reset(&em->scratch);
  TRY(st,
      ent_buf_appendf(&em->scratch, "%s/attribution/%s", e->iri, agent->id));
  const char *node = em->scratch.buf;
  TRY(st,
      put(em, e->iri, PROV_NS "qualifiedAttribution", iri_node(node), graph));
  TRY(st, put(em, node, RDF_TYPE, iri_node(PROV_NS "Attribution"), graph));
  TRY(st, put(em, node, PROV_NS "agent", iri_node(agent->iri), graph));
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
  const char *object =
    info->kind == PROP_CONCEPT ? f->value : g->entities[f->object].iri;
  TRY(st, require_declared(em, info->iris[0]));
  TRY(st, require_declared(em, object));
  TRY(st, put(em, e->iri, info->iris[0], iri_node(object), graph));
  const SuperList *supers = &em->prop_supers[f->prop];
  for (size_t k = 0; k < supers->count; ++k) {
    TRY(st, put(em, e->iri, supers->iris[k], iri_node(object), graph));
  }
  if (f->prop == ENT_PROP_SPEAKER || f->prop == ENT_PROP_MEDIUM) {
    TRY(st,
        emit_attribution(em,
                         e,
                         &g->entities[f->object],
                         f->prop == ENT_PROP_SPEAKER ? ENT_NS "speakerRole"
                                                     : ENT_NS "mediumRole",
                         graph));
  }
  return ENT_SUCCESS;
}

static EntStatus
emit_entity(Emitter *em, uint32_t index)
{
  EntGraph *g = em->graph;
  const Entity *e = &g->entities[index];
  const char *graph = source_iri(g, e->source);
  const char *cls = ent_class_iri(e->cls);
  EntStatus st = ENT_SUCCESS;
  TRY(st, require_declared(em, cls));
  TRY(st, put(em, e->iri, RDF_TYPE, iri_node(cls), graph));
  const SuperList *supers = &em->class_supers[e->cls];
  for (size_t k = 0; k < supers->count; ++k) {
    TRY(st, put(em, e->iri, RDF_TYPE, iri_node(supers->iris[k]), graph));
  }
  const Node name = { NODE_LITERAL, e->name, NULL, e->lang };
  TRY(st, put(em, e->iri, RDFS_LABEL, name, graph));
  TRY(st, put(em, e->iri, SCHEMA_NS "name", name, graph));

  // Every source the entity's facts come from, for prov:wasDerivedFrom.
  uint32_t sources[MAX_SOURCES];
  size_t n_sources = 0;
  if (e->source != ENT_NO_ENTITY && e->source != index) {
    sources[n_sources++] = e->source;
  }
  for (size_t i = em->fact_start[index]; i < em->fact_start[index + 1]; ++i) {
    const Fact *f = &g->facts[em->order[i]];
    TRY(st, emit_fact(em, e, f));
    bool seen = f->source == ENT_NO_ENTITY || f->source == index;
    for (size_t k = 0; k < n_sources && !seen; ++k) {
      seen = sources[k] == f->source;
    }
    if (!seen && n_sources < MAX_SOURCES) {
      sources[n_sources++] = f->source;
    }
  }
  for (size_t k = 0; k < n_sources; ++k) {
    const char *src = g->entities[sources[k]].iri;
    TRY(st, put(em, e->iri, PROV_NS "wasDerivedFrom", iri_node(src), graph));
    if (e->cls == ENT_CLASS_QUOTATION) {
      TRY(st, put(em, e->iri, PROV_NS "wasQuotedFrom", iri_node(src), graph));
    }
  }
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

EntStatus
ent_emit(EntGraph *graph, EmitFunc func, void *handle)
{
  Emitter em;
  memset(&em, 0, sizeof(em));
  em.graph = graph;
  em.func = func;
  em.handle = handle;
  for (int c = 0; c < ENT_CLASS_COUNT_; ++c) {
    ont_each_external_super(graph->ontology,
                            ent_class_iri((EntClass)c),
                            collect_super,
                            &em.class_supers[c]);
  }
  for (int p = 0; p < ENT_PROP_COUNT_; ++p) {
    const PropInfo *info = ent_prop_info((EntProperty)p);
    if (info->kind == PROP_RELATION) {
      ont_each_external_super(
        graph->ontology, info->iris[0], collect_super, &em.prop_supers[p]);
    }
  }
  EntStatus st = index_facts(&em);
  for (uint32_t i = 0; !st && i < graph->n_entities; ++i) {
    st = emit_entity(&em, i);
  }
  free(em.fact_start);
  free(em.order);
  ent_buf_free(&em.scratch);
  return st;
}
