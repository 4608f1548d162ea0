// SPDX-License-Identifier: MIT
// The site's index of the model's statements: every statement once per
// named graph (as ent_emit() gives them), by subject and by object, and
// for every IRI its name, kind, date and page.
#include "site.h"

#include <stdlib.h>
#include <string.h>

#define RDF_NS  "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define RDFS_NS "http://www.w3.org/2000/01/rdf-schema#"
#define OWL_NS  "http://www.w3.org/2002/07/owl#"

/// Where a name comes from, best first.
const char *const SITE_NAME_PREDICATES[] = {
  SCHEMA_NS "name",     RDFS_LABEL,         SKOS_NS "prefLabel",
  SCHEMA_NS "headline", DCTERMS_NS "title", NULL,
};

/// Where a date for the timelines comes from, best first.
static const char *const DATE_PREDICATES[] = {
  SCHEMA_NS "startDate",
  SCHEMA_NS "dateCreated",
  SCHEMA_NS "datePublished",
  ENT_NS "notBefore",
  DCTERMS_NS "issued",
  ENT_NS "notAfter",
  NULL,
};

static const struct {
  const char *class_iri;
  SiteKind kind;
} KIND_OF_CLASS[] = {
  { ENT_NS "Official", SK_OFFICIAL },
  { ENT_NS "Institution", SK_INSTITUTION },
  { ENT_NS "Country", SK_COUNTRY },
  { ENT_NS "Negotiation", SK_NEGOTIATION },
  { ENT_NS "Agreement", SK_AGREEMENT },
  { ENT_NS "Incident", SK_EVENT },
  { ENT_NS "Source", SK_SOURCE },
  { ENT_NS "Delegation", SK_DELEGATION },
  { ENT_NS "Place", SK_PLACE },
  { ENT_NS "Topic", SK_TOPIC },
  { ENT_NS "Outlet", SK_OUTLET },
  { ENT_NS "Quotation", SK_STATEMENT },
  { ENT_NS "Paraphrase", SK_STATEMENT },
  { ENT_NS "Post", SK_POST },
  { PROV_NS "Attribution", SK_PLUMBING },
};

static const char *const KIND_NAMES[SK_COUNT_] = {
  [SK_OFFICIAL] = "Official",   [SK_INSTITUTION] = "Institution",
  [SK_COUNTRY] = "Country",     [SK_NEGOTIATION] = "Negotiation",
  [SK_AGREEMENT] = "Agreement", [SK_EVENT] = "Event",
  [SK_SOURCE] = "Source",       [SK_DELEGATION] = "Delegation",
  [SK_PLACE] = "Place",         [SK_TOPIC] = "Topic",
  [SK_OUTLET] = "Outlet",       [SK_STATEMENT] = "Statement",
  [SK_POST] = "Post",           [SK_OTHER] = "Other",
};

const char *
site_kind_name(SiteKind kind)
{
  return (unsigned)kind < SK_COUNT_ ? KIND_NAMES[kind] : "Other";
}

bool
site_kind_dated(SiteKind kind)
{
  return kind == SK_NEGOTIATION || kind == SK_AGREEMENT || kind == SK_EVENT ||
         kind == SK_STATEMENT;
}

void
site_init(Site *site, EntGraph *graph, const char *lang)
{
  memset(site, 0, sizeof(*site));
  site->world = graph->world;
  site->ontology = graph->ontology;
  site->graph = graph;
  ent_pool_init(&site->strings);
  ent_map_init(&site->nodes_by_iri);
  site->base = ent_pool_intern(&site->strings, graph->own_base);
  site->lang = ent_pool_intern(&site->strings, lang ? lang : "en");
}

void
site_clear(Site *site)
{
  free(site->nodes);
  free(site->quads);
  free(site->by_subject);
  free(site->by_object);
  free(site->by_graph);
  free(site->bases);
  free(site->base_dirs);
  ent_map_clear(&site->nodes_by_iri);
  ent_pool_clear(&site->strings);
  ent_buf_free(&site->scratch);
  memset(site, 0, sizeof(*site));
}

const char *
site_intern(Site *site, const char *s)
{
  return s ? ent_pool_intern(&site->strings, s) : NULL;
}

uint32_t
site_node(const Site *site, const char *iri)
{
  const uintptr_t v = (uintptr_t)ent_map_get(&site->nodes_by_iri, iri);
  return v ? (uint32_t)(v - 1) : ENT_NO_ENTITY;
}

static EntStatus
node_for(Site *site, const char *iri, uint32_t *out)
{
  *out = site_node(site, iri);
  if (*out != ENT_NO_ENTITY) {
    return ENT_SUCCESS;
  }
  if (site->n_nodes >= UINT32_MAX - 1 ||
      ent_grow(
        &site->nodes, &site->cap_nodes, site->n_nodes, sizeof(SNode), 256)) {
    return ENT_ERR_NO_MEMORY;
  }
  SNode *n = &site->nodes[site->n_nodes];
  memset(n, 0, sizeof(*n));
  n->iri = iri;
  n->kind = SK_OTHER;
  *out = (uint32_t)site->n_nodes;
  if (ent_map_put(&site->nodes_by_iri, iri, (void *)(uintptr_t)(*out + 1))) {
    return ENT_ERR_NO_MEMORY;
  }
  ++site->n_nodes;
  return ENT_SUCCESS;
}

EntStatus
site_add_triple(void *handle, const Triple *t)
{
  Site *site = handle;
  EntStatus st = lgraph_add_triple(&site->lg, t);
  if (st) {
    return st;
  }
  if (site->n_quads >= UINT32_MAX - 1 ||
      ent_grow(
        &site->quads, &site->cap_quads, site->n_quads, sizeof(SQuad), 1024)) {
    return ENT_ERR_NO_MEMORY;
  }
  SQuad q = { 0 };
  const char *s = site_intern(site, t->subject.value);
  q.p = site_intern(site, t->predicate.value);
  q.o = site_intern(site, t->object.value);
  q.g = site_intern(site, t->graph);
  if (t->object.type == NODE_LITERAL) {
    q.dt = site_intern(site, t->object.datatype);
    q.lang = site_intern(site, t->object.lang);
  }
  if (!s || !q.p || !q.o || (t->graph && !q.g)) {
    return ENT_ERR_NO_MEMORY;
  }
  q.on = ENT_NO_ENTITY;
  st = node_for(site, s, &q.s);
  if (!st && t->object.type == NODE_IRI) {
    st = node_for(site, q.o, &q.on);
  }
  if (!st) {
    site->quads[site->n_quads++] = q;
  }
  return st;
}

typedef enum { BY_SUBJECT, BY_OBJECT, BY_GRAPH } SortKey;

static uint32_t
key_of(const SQuad *q, SortKey key)
{
  return key == BY_SUBJECT ? q->s : key == BY_OBJECT ? q->on : q->gn;
}

/// Stable counting sort of the quads by the node `key` names.
static uint32_t *
sort_by_node(Site *site, SortKey key, size_t *n_out)
{
  const size_t n = site->n_nodes;
  uint32_t *start = calloc(n + 1, sizeof(uint32_t));
  uint32_t *order = malloc((site->n_quads + 1) * sizeof(uint32_t));
  if (!start || !order) {
    free(start);
    free(order);
    return NULL;
  }
  size_t total = 0;
  for (size_t i = 0; i < site->n_quads; ++i) {
    const uint32_t k = key_of(&site->quads[i], key);
    if (k != ENT_NO_ENTITY) {
      ++start[k + 1];
      ++total;
    }
  }
  for (size_t k = 0; k < n; ++k) {
    start[k + 1] += start[k];
  }
  for (size_t k = 0; k < n; ++k) {
    const uint32_t count = start[k + 1] - start[k];
    SNode *node = &site->nodes[k];
    if (key == BY_OBJECT) {
      node->in_first = start[k];
      node->in_count = count;
    } else if (key == BY_GRAPH) {
      node->graph_first = start[k];
      node->graph_count = count;
    } else {
      node->first = start[k];
      node->count = count;
    }
  }
  for (size_t i = 0; i < site->n_quads; ++i) {
    const uint32_t k = key_of(&site->quads[i], key);
    if (k != ENT_NO_ENTITY) {
      order[start[k]++] = (uint32_t)i;
    }
  }
  free(start);
  *n_out = total;
  return order;
}

/// Whether a literal tagged `lang` (NULL: none) reads in the site's
/// language: untagged, or ent_lang_is() it, as the diagrams rank names
/// (`--lang en` takes "en-GB", `--lang en-GB` "en", `--lang RU` "ru").
static bool
in_site_lang(const Site *site, const char *lang)
{
  return !lang || ent_lang_is(lang, site->lang);
}

const SQuad *
site_value(const Site *site, uint32_t node, const char *predicate)
{
  const SNode *n = &site->nodes[node];
  const SQuad *any = NULL;
  for (uint32_t i = 0; i < n->count; ++i) {
    const SQuad *q = &site->quads[site->by_subject[n->first + i]];
    if (q->p != predicate || q->on != ENT_NO_ENTITY) {
      continue;
    }
    if (in_site_lang(site, q->lang)) {
      return q;
    }
    if (!any) {
      any = q;
    }
  }
  return any;
}

/// The literal of `predicate` that most of node `node`'s statements give
/// (most sources: a post's title), in the site's language if one is;
/// the first of those given as often.  NULL if none.
static const SQuad *
common_value(const Site *site, uint32_t node, const char *predicate)
{
  const SNode *n = &site->nodes[node];
  const SQuad *best = NULL;
  size_t best_count = 0;
  bool best_in_lang = false;
  for (uint32_t i = 0; i < n->count; ++i) {
    const SQuad *q = &site->quads[site->by_subject[n->first + i]];
    if (q->p != predicate || q->on != ENT_NO_ENTITY) {
      continue;
    }
    const bool in_lang = in_site_lang(site, q->lang);
    size_t count = 0;
    bool earlier = false; // this value was counted at its first statement
    for (uint32_t j = 0; j < n->count && !earlier; ++j) {
      const SQuad *r = &site->quads[site->by_subject[n->first + j]];
      if (r->p == predicate && r->on == ENT_NO_ENTITY && r->o == q->o &&
          r->lang == q->lang) {
        earlier = j < i;
        ++count;
      }
    }
    if (!earlier && ((in_lang && !best_in_lang) ||
                     (in_lang == best_in_lang && count > best_count))) {
      best = q;
      best_count = count;
      best_in_lang = in_lang;
    }
  }
  return best;
}

const char *
site_local_name(const char *iri)
{
  const char *hash = strrchr(iri, '#');
  const char *slash = strrchr(iri, '/');
  const char *cut = hash > slash ? hash : slash;
  return cut && cut[1] ? cut + 1 : iri;
}

/// A path segment a static server maps to the same directory name: the
/// unreserved characters of RFC 3986, not a name the site uses itself.
static bool
safe_segment(const char *s, size_t len)
{
  if (!len || s[0] == '.' || len > 200) {
    return false;
  }
  static const char *const taken[] = { "index.html", "index.ttl", "index.nt" };
  for (size_t i = 0; i < sizeof(taken) / sizeof(*taken); ++i) {
    if (strlen(taken[i]) == len && !memcmp(s, taken[i], len)) {
      return false;
    }
  }
  for (size_t i = 0; i < len; ++i) {
    const char c = s[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
          (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
          c == '~')) {
      return false;
    }
  }
  return true;
}

typedef struct {
  const char *base;
  size_t entities;
} BaseCount;

static int
by_count_then_name(const void *pa, const void *pb)
{
  const BaseCount *a = pa;
  const BaseCount *b = pb;
  if (a->entities != b->entities) {
    return a->entities > b->entities ? -1 : 1;
  }
  return strcmp(a->base, b->base);
}

static int
by_length(const void *pa, const void *pb)
{
  const size_t a = strlen(*(const char *const *)pa);
  const size_t b = strlen(*(const char *const *)pb);
  return a != b ? (a > b ? -1 : 1)
                : strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

/// The bases of the graph's entity IRIs (IRI = BASE CLASS-PATH/ID): the
/// one most entities have is the site's root; each other gets a directory
/// of its own (other/1/, other/2/...), so that two datasets' "official/x"
/// stay two pages.
static EntStatus
collect_bases(Site *site)
{
  const EntGraph *graph = site->graph;
  BaseCount *counts = calloc(graph->n_entities + 2, sizeof(BaseCount));
  if (!counts) {
    return ENT_ERR_NO_MEMORY;
  }
  size_t n = 0;
  EntMap index;
  ent_map_init(&index);
  EntStatus st = ENT_SUCCESS;
  counts[n++] = (BaseCount){ site->base, 0 };
  st = ent_map_put(&index, site->base, (void *)(uintptr_t)1);
  for (size_t i = 0; i < graph->n_entities && !st; ++i) {
    const Entity *e = &graph->entities[i];
    const ClassInfo *info = ent_class_info(e->cls);
    if (!info || !info->path || !e->iri || !e->id) {
      continue;
    }
    const size_t iri_len = strlen(e->iri);
    const size_t suffix = strlen(info->path) + 1 + strlen(e->id);
    if (iri_len <= suffix ||
        strncmp(e->iri + iri_len - suffix, info->path, strlen(info->path)) !=
          0 ||
        e->iri[iri_len - suffix + strlen(info->path)] != '/' ||
        strcmp(e->iri + iri_len - strlen(e->id), e->id) != 0) {
      continue;
    }
    ent_buf_reset(&site->scratch);
    st = ent_buf_append(&site->scratch, e->iri, iri_len - suffix);
    const char *base = st ? NULL : site_intern(site, site->scratch.buf);
    if (!base) {
      st = ENT_ERR_NO_MEMORY;
      break;
    }
    const uintptr_t k = (uintptr_t)ent_map_get(&index, base);
    if (k) {
      ++counts[k - 1].entities;
    } else {
      counts[n++] = (BaseCount){ base, 1 };
      st = ent_map_put(&index, base, (void *)(uintptr_t)n);
    }
  }
  ent_map_clear(&index);
  if (!st) {
    qsort(counts, n, sizeof(BaseCount), by_count_then_name);
    site->base = counts[0].base;
    site->bases = malloc(n * sizeof(char *));
    site->base_dirs = malloc(n * sizeof(char *));
    st = site->bases && site->base_dirs ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
  }
  for (size_t i = 0; i < n && !st; ++i) {
    site->bases[i] = counts[i].base;
  }
  if (!st) {
    site->n_bases = n;
    // Longest first: a base inside another ("…/id/" and "…/id/x/") takes
    // its own IRIs.  Directories numbered by rank, the root's none.
    qsort(site->bases, n, sizeof(char *), by_length);
    for (size_t i = 0; i < n && !st; ++i) {
      size_t rank = 0;
      while (counts[rank].base != site->bases[i]) {
        ++rank;
      }
      ent_buf_reset(&site->scratch);
      st = rank ? ent_buf_appendf(&site->scratch, "other/%zu/", rank)
                : ent_buf_append(&site->scratch, "", 0);
      site->base_dirs[i] = st ? NULL : site_intern(site, site->scratch.buf);
      st = site->base_dirs[i] ? st : ENT_ERR_NO_MEMORY;
    }
  }
  free(counts);
  return st;
}

/// The page directory of `iri`: what follows its base (under the base's
/// directory), when every segment of it is safe and the first is none of
/// the site's own files.
static const char *
page_path(Site *site, const char *iri)
{
  size_t b = 0;
  while (b < site->n_bases &&
         strncmp(iri, site->bases[b], strlen(site->bases[b])) != 0) {
    ++b;
  }
  if (b == site->n_bases || !iri[strlen(site->bases[b])]) {
    return NULL;
  }
  const char *rest = iri + strlen(site->bases[b]);
  static const char *const reserved[] = {
    "assets", "timeline.html", "sources.html", "index.html", "other"
  };
  for (const char *seg = rest;;) {
    const char *end = strchr(seg, '/');
    const size_t len = end ? (size_t)(end - seg) : strlen(seg);
    if (!safe_segment(seg, len)) {
      return NULL;
    }
    if (seg == rest && !*site->base_dirs[b]) {
      for (size_t i = 0; i < sizeof(reserved) / sizeof(*reserved); ++i) {
        if (strlen(reserved[i]) == len && !memcmp(seg, reserved[i], len)) {
          return NULL;
        }
      }
    }
    if (!end) {
      break;
    }
    seg = end + 1;
  }
  if (!*site->base_dirs[b]) {
    return site_intern(site, rest);
  }
  ent_buf_reset(&site->scratch);
  return ent_buf_appendf(&site->scratch, "%s%s", site->base_dirs[b], rest)
           ? NULL
           : site_intern(site, site->scratch.buf);
}

static void
name_node(Site *site, uint32_t k)
{
  SNode *n = &site->nodes[k];
  for (size_t i = 0; SITE_NAME_PREDICATES[i] && !n->name; ++i) {
    const SQuad *q =
      common_value(site, k, site_intern(site, SITE_NAME_PREDICATES[i]));
    if (q) {
      n->name = q->o;
      n->lang = q->lang;
    }
  }
  if (n->name && !in_site_lang(site, n->lang)) {
    // No name in the site's language: an alias in it (or in none) reads
    // better, as the diagrams rank them (--lang ru: "Григорий Карасин").
    const SQuad *alias =
      common_value(site, k, site_intern(site, SKOS_NS "altLabel"));
    if (alias && in_site_lang(site, alias->lang)) {
      n->name = alias->o;
      n->lang = alias->lang;
    }
  }
  if (!n->name) {
    n->name = site_intern(site, site_local_name(n->iri));
  }
  for (size_t i = 0; DATE_PREDICATES[i] && !n->date; ++i) {
    const SQuad *q = site_value(site, k, site_intern(site, DATE_PREDICATES[i]));
    if (q && strlen(q->o) >= 10) {
      n->date = q->o;
      n->date_window = !strcmp(DATE_PREDICATES[i], ENT_NS "notBefore");
      n->date_last = !strcmp(DATE_PREDICATES[i], ENT_NS "notAfter");
    }
  }
  if (n->date_window) {
    const SQuad *end =
      site_value(site, k, site_intern(site, ENT_NS "notAfter"));
    n->date_end = end && strlen(end->o) >= 10 ? end->o : NULL;
  }
}

void
site_status_report(const Site *site, uint32_t graph, OntStatusReports *v)
{
  const SNode *s = graph != ENT_NO_ENTITY ? &site->nodes[graph] : NULL;
  if (s && s->date) {
    ont_status_report(
      v, s->date_last ? NULL : s->date, s->date_window ? s->date_end : s->date);
  }
}

const char *
site_status(Site *site, uint32_t k, uint32_t graph)
{
  const SNode *n = &site->nodes[k];
  const char *status = site->status_predicate;
  // The scheme's three values, each with the days of its reports.
  enum { MAX_SAID = 3 };
  OntStatusReports said[MAX_SAID];
  size_t n_said = 0;
  for (uint32_t i = 0; i < n->count; ++i) {
    const SQuad *q = &site->quads[site->by_subject[n->first + i]];
    if (q->p != status || q->on == ENT_NO_ENTITY ||
        (graph != ENT_NO_ENTITY && q->gn != graph)) {
      continue;
    }
    size_t j = 0;
    while (j < n_said && said[j].status != q->o) {
      ++j;
    }
    if (j == n_said && n_said < MAX_SAID) {
      said[n_said++] = (OntStatusReports){ .status = q->o };
    }
    if (j < n_said) {
      site_status_report(site, q->gn, &said[j]);
    }
  }
  // Each can follow the one before as the days go: a change, in order.
  const bool over_time =
    n_said > 1 && ont_status_progression(site->ontology, said, n_said);
  if (over_time) {
    ont_status_sort(site->ontology, said, n_said);
  }
  ent_buf_reset(&site->scratch);
  for (size_t j = 0; j < n_said; ++j) {
    const OntTerm *t = ont_term(site->ontology, said[j].status);
    const char *label =
      t && t->label ? t->label : site_local_name(said[j].status);
    if (ent_buf_appendf(&site->scratch,
                        "%s%s",
                        !j          ? ""
                        : over_time ? " → "
                                    : " / ",
                        label)) {
      return NULL;
    }
  }
  if (n_said > 1 && !over_time &&
      ent_buf_appendf(&site->scratch, " (sources differ)")) {
    return NULL;
  }
  return n_said ? site_intern(site, site->scratch.buf) : NULL;
}

static void
kind_node(Site *site, uint32_t k)
{
  SNode *n = &site->nodes[k];
  const char *type = site_intern(site, RDF_TYPE);
  n->kind_label = NULL;
  for (uint32_t i = 0; i < n->count; ++i) {
    const SQuad *q = &site->quads[site->by_subject[n->first + i]];
    if (q->p != type) {
      continue;
    }
    for (size_t c = 0; c < sizeof(KIND_OF_CLASS) / sizeof(*KIND_OF_CLASS);
         ++c) {
      if (!strcmp(q->o, KIND_OF_CLASS[c].class_iri)) {
        n->kind = KIND_OF_CLASS[c].kind;
      }
    }
    if (!n->kind_label && !strncmp(q->o, ENT_NS, strlen(ENT_NS))) {
      const OntTerm *t = ont_term(site->ontology, q->o);
      n->kind_label = t && t->label ? t->label : site_local_name(q->o);
    }
  }
  if (n->kind != SK_OTHER) {
    n->kind_label = KIND_NAMES[n->kind];
  } else if (n->kind_label && n->kind_label[0] >= 'a' &&
             n->kind_label[0] <= 'z') {
    // "anonymous source" -> "Anonymous source"
    ent_buf_reset(&site->scratch);
    if (!ent_buf_append(&site->scratch, n->kind_label, strlen(n->kind_label))) {
      site->scratch.buf[0] = (char)(site->scratch.buf[0] - 'a' + 'A');
      n->kind_label = site_intern(site, site->scratch.buf);
    }
  }
  if (!n->kind_label) {
    n->kind_label = KIND_NAMES[SK_OTHER];
  }
}

/// A source is listed after every claim: by its outlet and date, not by
/// its headline (by its headline and date if it names no outlet); the
/// corpus graph is "the corpus registry".
static EntStatus
short_names(Site *site)
{
  const char *publisher = site_intern(site, ENT_NS "publisher");
  const char *corpus = site_intern(site, ENT_NS "Corpus");
  const char *type = site_intern(site, RDF_TYPE);
  for (uint32_t k = 0; k < site->n_nodes; ++k) {
    SNode *n = &site->nodes[k];
    const char *outlet = NULL;
    bool is_corpus = false;
    for (uint32_t i = 0; i < n->count; ++i) {
      const SQuad *q = &site->quads[site->by_subject[n->first + i]];
      if (q->p == publisher && q->on != ENT_NO_ENTITY && !outlet) {
        outlet = site->nodes[q->on].name;
      }
      is_corpus = is_corpus || (q->p == type && q->o == corpus);
    }
    ent_buf_reset(&site->scratch);
    EntStatus st = ENT_SUCCESS;
    if (is_corpus) {
      st = ent_buf_appendf(&site->scratch, "corpus registry");
    } else if (n->kind == SK_SOURCE && (outlet || (n->name && n->date))) {
      // Its day as html_when() says it on the timelines.
      const bool between = n->date && n->date_window && n->date_end;
      st = ent_buf_appendf(&site->scratch,
                           "%s%s%s%s%s",
                           outlet ? outlet : n->name,
                           !n->date         ? ""
                           : between        ? ", between "
                           : n->date_window ? ", no earlier than "
                           : n->date_last   ? ", no later than "
                                            : ", ",
                           n->date ? n->date : "",
                           between ? " and " : "",
                           between ? n->date_end : "");
    } else {
      continue;
    }
    n->short_name = st ? NULL : site_intern(site, site->scratch.buf);
    if (!n->short_name) {
      return ENT_ERR_NO_MEMORY;
    }
    n->short_head = is_corpus ? 0 : strlen(outlet ? outlet : n->name);
  }
  return ENT_SUCCESS;
}

EntStatus
site_index_build(Site *site)
{
  EntStatus st = collect_bases(site);
  if (st) {
    return st;
  }
  // Statements come mostly graph by graph: look each graph up once a run.
  const char *last_graph = NULL;
  uint32_t last_node = ENT_NO_ENTITY;
  for (size_t i = 0; i < site->n_quads; ++i) {
    SQuad *q = &site->quads[i];
    if (q->g != last_graph) {
      last_graph = q->g;
      last_node = q->g ? site_node(site, q->g) : ENT_NO_ENTITY;
    }
    q->gn = last_node;
  }
  size_t sorted = 0;
  site->by_subject = sort_by_node(site, BY_SUBJECT, &sorted);
  site->by_object = sort_by_node(site, BY_OBJECT, &sorted);
  site->by_graph = sort_by_node(site, BY_GRAPH, &sorted);
  if (!site->by_subject || !site->by_object || !site->by_graph) {
    return ENT_ERR_NO_MEMORY;
  }
  // Interned: quads are compared by pointer.
  site->status_predicate = site_intern(site, ENT_NS "incidentStatus");
  if (!site->status_predicate) {
    return ENT_ERR_NO_MEMORY;
  }
  for (uint32_t k = 0; k < site->n_nodes; ++k) {
    kind_node(site, k);
    name_node(site, k);
  }
  for (uint32_t k = 0; k < site->n_nodes; ++k) {
    SNode *n = &site->nodes[k];
    // After every node's day: a status is reported as of its sources'.
    n->status = site_status(site, k, ENT_NO_ENTITY);
    n->short_name = n->name;
    // A page for what the statements describe, not what they only point
    // at (a controlled value, a web address).
    n->path = n->count ? page_path(site, n->iri) : NULL;
    if (!n->name || !n->kind_label) {
      return ENT_ERR_NO_MEMORY;
    }
  }
  return short_names(site);
}

// ---- Which statements a page shows ----------------------------------------

/// Whether property `sub` is `super` or a sub-property of it (ontology).
static bool
is_subproperty(const EntOntology *ont,
               const char *sub,
               const char *super,
               unsigned depth)
{
  if (!strcmp(sub, super)) {
    return true;
  }
  const OntTerm *t = depth < 8 ? ont_term(ont, sub) : NULL;
  for (size_t i = 0; t && i < t->n_supers; ++i) {
    if (is_subproperty(ont, t->supers[i], super, depth + 1)) {
      return true;
    }
  }
  return false;
}

static int
predicate_rank(const char *p)
{
  if (!strncmp(p, ENT_NS, strlen(ENT_NS))) {
    return 3;
  }
  if (!strncmp(p, SCHEMA_NS, strlen(SCHEMA_NS)) ||
      !strncmp(p, OWL_NS, strlen(OWL_NS))) {
    return 2;
  }
  return 1;
}

bool
site_predicate_hidden(const Site *site, const SQuad *q)
{
  // Shown in the page's heading, names and sources.
  static const char *const elsewhere[] = {
    RDF_TYPE,
    RDFS_LABEL,
    SCHEMA_NS "name",
    SKOS_NS "altLabel",
    SKOS_NS "prefLabel",
    SCHEMA_NS "alternateName",
    DCTERMS_NS "isReferencedBy",
    SCHEMA_NS "sameAs", // owl:sameAs says it
    PROV_NS "wasDerivedFrom",
    PROV_NS "qualifiedAttribution",
    PROV_NS "wasQuotedFrom",
  };
  for (size_t i = 0; i < sizeof(elsewhere) / sizeof(*elsewhere); ++i) {
    if (!strcmp(q->p, elsewhere[i])) {
      return true;
    }
  }
  // The same value stated in the same source with a more specific term
  // (ent:holdsPost for org:holds, schema:headline for dcterms:title).
  const int rank = predicate_rank(q->p);
  const SNode *n = &site->nodes[q->s];
  for (uint32_t i = 0; i < n->count; ++i) {
    const SQuad *o = &site->quads[site->by_subject[n->first + i]];
    if (o == q || o->o != q->o || o->g != q->g || o->p == q->p ||
        predicate_rank(o->p) <= rank) {
      continue;
    }
    if (q->on != ENT_NO_ENTITY || rank == 1 ||
        is_subproperty(site->ontology, o->p, q->p, 0)) {
      return true;
    }
  }
  return false;
}

const char *
site_predicate_label(Site *site, const char *predicate)
{
  const OntTerm *t = ont_term(site->ontology, predicate);
  if (t && t->label) {
    return t->label;
  }
  // camelCase local name -> "camel case"
  const char *local = site_local_name(predicate);
  ent_buf_reset(&site->scratch);
  for (const char *c = local; *c; ++c) {
    char ch = *c;
    if (ch >= 'A' && ch <= 'Z') {
      if (c != local && ent_buf_append(&site->scratch, " ", 1)) {
        return local;
      }
      ch = (char)(ch - 'A' + 'a');
    }
    if (ent_buf_append(&site->scratch, &ch, 1)) {
      return local;
    }
  }
  const char *s = site_intern(site, site->scratch.buf ? site->scratch.buf : "");
  return s ? s : local;
}
