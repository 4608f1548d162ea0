// SPDX-License-Identifier: MIT
// Building the labelled graph from statements, and choosing views of it.

#include "lgraph.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define RDFS_NS           "http://www.w3.org/2000/01/rdf-schema#"
#define FOAF_NS           "http://xmlns.com/foaf/0.1/"
#define DEFAULT_MAX_NODES 150
#define MAX_FACETS_LEN    200

static const KindStyle kind_styles[KIND_COUNT_] = {
  [KIND_OFFICIAL] = { "ellipse", "filled", "#cfe2f3", "Official" },
  [KIND_INSTITUTION] = { "box", "rounded,filled", "#d9ead3", "Institution" },
  [KIND_OUTLET] = { "cylinder", "filled", "#eeeeee", "Outlet" },
  [KIND_DELEGATION] = { "component", "filled", "#fce5cd", "Delegation" },
  [KIND_COUNTRY] = { "tab", "filled", "#fff2cc", "Country" },
  [KIND_PLACE] = { "house", "filled", "#f3f3f3", "Place" },
  [KIND_NEGOTIATION] = { "hexagon", "filled", "#f9cb9c", "Negotiation" },
  [KIND_INCIDENT] = { "octagon", "filled", "#f4cccc", "Incident" },
  [KIND_AGREEMENT] = { "note", "filled", "#ead1dc", "Agreement" },
  [KIND_STATEMENT] = { "box", "rounded,dashed,filled", "#ffffff", "Statement" },
  [KIND_TOPIC] = { "ellipse", "dashed,filled", "#e6e0f8", "Topic" },
  [KIND_SOURCE] = { "note", "filled", "#efefef", "Source" },
  [KIND_POST] = { "box", "filled", "#ffffff", "Post" },
  [KIND_OTHER] = { "ellipse", "filled", "#ffffff", "Resource" },
  [KIND_HIDDEN] = { "point", "invis", "#ffffff", "Hidden" },
};

const KindStyle *
lgraph_kind_style(Kind kind)
{
  return &kind_styles[kind < KIND_COUNT_ ? kind : KIND_OTHER];
}

/// Classes that decide how a node is drawn, most specific first.
static const struct {
  const char *iri;
  Kind kind;
  unsigned rank;
} class_kinds[] = {
  { ENT_NS "Official", KIND_OFFICIAL, 3 },
  { ENT_NS "Institution", KIND_INSTITUTION, 3 },
  { ENT_NS "Outlet", KIND_OUTLET, 3 },
  { ENT_NS "Delegation", KIND_DELEGATION, 3 },
  { ENT_NS "Country", KIND_COUNTRY, 3 },
  { ENT_NS "Place", KIND_PLACE, 3 },
  { ENT_NS "Negotiation", KIND_NEGOTIATION, 3 },
  { ENT_NS "Incident", KIND_INCIDENT, 3 },
  { ENT_NS "Agreement", KIND_AGREEMENT, 3 },
  { ENT_NS "Quotation", KIND_STATEMENT, 3 },
  { ENT_NS "Paraphrase", KIND_STATEMENT, 3 },
  { ENT_NS "Statement", KIND_STATEMENT, 3 },
  { ENT_NS "Topic", KIND_TOPIC, 3 },
  { ENT_NS "Source", KIND_SOURCE, 3 },
  { ENT_NS "Post", KIND_POST, 3 },
  { PROV_NS "Attribution", KIND_HIDDEN, 4 },
  { PROV_NS "Role", KIND_HIDDEN, 4 },
  { SCHEMA_NS "Country", KIND_COUNTRY, 2 },
  { SCHEMA_NS "NewsArticle", KIND_SOURCE, 2 },
  { SCHEMA_NS "Quotation", KIND_STATEMENT, 2 },
  { SCHEMA_NS "Person", KIND_OFFICIAL, 1 },
  { FOAF_NS "Person", KIND_OFFICIAL, 1 },
  { PROV_NS "Person", KIND_OFFICIAL, 1 },
  { ORG_NS "Organization", KIND_INSTITUTION, 1 },
  { ORG_NS "FormalOrganization", KIND_INSTITUTION, 1 },
  { SCHEMA_NS "Organization", KIND_INSTITUTION, 1 },
  { FOAF_NS "Organization", KIND_INSTITUTION, 1 },
  { ORG_NS "Post", KIND_POST, 1 },
  { SCHEMA_NS "Place", KIND_PLACE, 1 },
  { SCHEMA_NS "Event", KIND_NEGOTIATION, 1 },
  { SCHEMA_NS "CreativeWork", KIND_SOURCE, 1 },
  { SKOS_NS "Concept", KIND_TOPIC, 1 },
};

/// Predicates that are never drawn as edges: provenance plumbing and
/// links out of the graph, which would tie every node to one hub.
static const char *const undrawn_predicates[] = {
  RDF_TYPE,
  PROV_NS "wasDerivedFrom",
  PROV_NS "wasQuotedFrom",
  PROV_NS "qualifiedAttribution",
  PROV_NS "agent",
  PROV_NS "hadRole",
  OWL_SAME_AS,
  SCHEMA_NS "url",
  RDFS_NS "isDefinedBy",
};

/// Literal predicates that name a node, with their priority.
static const struct {
  const char *iri;
  unsigned rank;
} label_predicates[] = {
  { SKOS_NS "prefLabel", 3 }, { RDFS_LABEL, 2 },
  { SCHEMA_NS "name", 1 },    { FOAF_NS "name", 1 },
  { DCTERMS_NS "title", 1 },
};

/// Literal predicates that date a node, with their priority.
static const struct {
  const char *iri;
  unsigned rank;
} date_predicates[] = {
  { SCHEMA_NS "startDate", 4 },
  { SCHEMA_NS "dateCreated", 3 },
  { ENT_NS "notBefore", 2 },
  { SCHEMA_NS "datePublished", 1 },
};

void
lgraph_init(LGraph *lg,
            EntWorld *world,
            const EntOntology *ontology,
            const char *lang)
{
  memset(lg, 0, sizeof(*lg));
  lg->world = world;
  lg->ontology = ontology;
  ent_pool_init(&lg->strings);
  ent_map_init(&lg->nodes_by_iri);
  ent_map_init(&lg->prefixes);
  lg->lang = ent_pool_intern(&lg->strings, lang ? lang : "en");
  size_t n_prefixes = 0;
  const Prefix *prefixes = ent_prefixes(&n_prefixes);
  for (size_t i = 0; i < n_prefixes; ++i) {
    lgraph_add_prefix(lg, prefixes[i].prefix, prefixes[i].ns);
  }
}

void
lgraph_clear(LGraph *lg)
{
  free(lg->nodes);
  free(lg->edges);
  ent_map_clear(&lg->nodes_by_iri);
  ent_map_clear(&lg->prefixes);
  ent_pool_clear(&lg->strings);
  memset(lg, 0, sizeof(*lg));
}

EntStatus
lgraph_add_prefix(LGraph *lg, const char *prefix, const char *ns)
{
  const char *p = ent_pool_intern(&lg->strings, prefix);
  const char *n = ent_pool_intern(&lg->strings, ns);
  if (!p || !n) {
    return ENT_ERR_NO_MEMORY;
  }
  return ent_map_get(&lg->prefixes, n)
           ? ENT_SUCCESS
           : ent_map_put(&lg->prefixes, n, (void *)(uintptr_t)p);
}

static uint32_t
find_node(const LGraph *lg, const char *iri)
{
  const uintptr_t v = (uintptr_t)ent_map_get(&lg->nodes_by_iri, iri);
  return v ? (uint32_t)(v - 1) : ENT_NO_ENTITY;
}

static EntStatus
node_for(LGraph *lg, const char *iri, uint32_t *out)
{
  *out = find_node(lg, iri);
  if (*out != ENT_NO_ENTITY) {
    return ENT_SUCCESS;
  }
  EntStatus st = ENT_SUCCESS;
  TRY(st,
      ent_grow(&lg->nodes, &lg->cap_nodes, lg->n_nodes, sizeof(LNode), 128));
  LNode *n = &lg->nodes[lg->n_nodes];
  memset(n, 0, sizeof(*n));
  n->iri = ent_pool_intern(&lg->strings, iri);
  if (!n->iri) {
    return ENT_ERR_NO_MEMORY;
  }
  n->kind = KIND_OTHER;
  n->country = ENT_NO_ENTITY;
  n->parent = ENT_NO_ENTITY;
  *out = (uint32_t)lg->n_nodes;
  ++lg->n_nodes;
  return ent_map_put(&lg->nodes_by_iri, n->iri, (void *)(uintptr_t)(*out + 1));
}

static EntStatus
add_edge(LGraph *lg,
         uint32_t from,
         uint32_t to,
         const char *predicate,
         const char *label)
{
  EntStatus st = ENT_SUCCESS;
  TRY(st,
      ent_grow(&lg->edges, &lg->cap_edges, lg->n_edges, sizeof(LEdge), 256));
  lg->edges[lg->n_edges++] = (LEdge){ from, to, predicate, label, false };
  return ENT_SUCCESS;
}

/// "schema:about" for an IRI in a known namespace, else its local name.
const char *
lgraph_short_name(LGraph *lg, const char *iri)
{
  const char *cut = NULL;
  for (const char *p = iri; *p; ++p) {
    if (*p == '#' || *p == '/') {
      cut = p;
    }
  }
  if (!cut || !cut[1]) {
    return iri;
  }
  char ns[2048];
  const size_t ns_len = (size_t)(cut - iri) + 1;
  if (ns_len < sizeof(ns)) {
    memcpy(ns, iri, ns_len);
    ns[ns_len] = '\0';
    const char *prefix = ent_map_get(&lg->prefixes, ns);
    if (prefix) {
      EntBuf b = { NULL, 0, 0 };
      const char *s = NULL;
      if (!ent_buf_appendf(&b, "%s:%s", prefix, cut + 1)) {
        s = ent_pool_copy(&lg->strings, b.buf, b.len);
      }
      ent_buf_free(&b);
      return s ? s : cut + 1;
    }
  }
  return cut + 1;
}

static const char *
edge_label(LGraph *lg, const char *predicate)
{
  const OntTerm *term = ont_term(lg->ontology, predicate);
  return term && term->label ? term->label : lgraph_short_name(lg, predicate);
}

static bool
is_undrawn(const char *predicate)
{
  for (size_t i = 0;
       i < sizeof(undrawn_predicates) / sizeof(*undrawn_predicates);
       ++i) {
    if (!strcmp(predicate, undrawn_predicates[i])) {
      return true;
    }
  }
  return false;
}

static unsigned
lang_score(const LGraph *lg, const char *lang)
{
  if (!lang || !*lang) {
    return 2;
  }
  const size_t n = strlen(lg->lang);
  // "en" prefers "en" and also takes "en-GB" over other languages.
  return !strncasecmp(lang, lg->lang, n) && (lang[n] == '\0' || lang[n] == '-')
           ? 3
           : 1;
}

static EntStatus
take_literal(LGraph *lg, LNode *n, const char *predicate, const Node *o)
{
  for (size_t i = 0; i < sizeof(label_predicates) / sizeof(*label_predicates);
       ++i) {
    if (!strcmp(predicate, label_predicates[i].iri)) {
      const unsigned rank =
        lang_score(lg, o->lang) * 4 + label_predicates[i].rank;
      if (rank > n->label_rank) {
        n->label = ent_pool_copy(&lg->strings, o->value, strlen(o->value));
        n->label_rank = rank;
      }
      return n->label ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
    }
  }
  for (size_t i = 0; i < sizeof(date_predicates) / sizeof(*date_predicates);
       ++i) {
    if (!strcmp(predicate, date_predicates[i].iri) &&
        date_predicates[i].rank > n->date_rank &&
        ent_parse_date(o->value, NULL, NULL, NULL)) {
      n->date = ent_pool_intern(&lg->strings, o->value);
      n->date_rank = date_predicates[i].rank;
      return n->date ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
    }
  }
  if (!strcmp(predicate, ENT_NS "datePhrase") && !n->date_phrase) {
    n->date_phrase = ent_pool_copy(&lg->strings, o->value, strlen(o->value));
    return n->date_phrase ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
  }
  if (!n->tooltip && (!strcmp(predicate, SCHEMA_NS "text") ||
                      !strcmp(predicate, SCHEMA_NS "description") ||
                      !strcmp(predicate, RDFS_NS "comment"))) {
    n->tooltip = ent_pool_copy(&lg->strings, o->value, strlen(o->value));
    return n->tooltip ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
  }
  return ENT_SUCCESS;
}

static void
take_type(LNode *n, const char *cls)
{
  for (size_t i = 0; i < sizeof(class_kinds) / sizeof(*class_kinds); ++i) {
    if (!strcmp(cls, class_kinds[i].iri)) {
      if (class_kinds[i].rank > n->kind_rank) {
        n->kind = class_kinds[i].kind;
        n->kind_rank = class_kinds[i].rank;
        n->class_iri = class_kinds[i].iri;
      }
      return;
    }
  }
}

static EntStatus
append_facet(LGraph *lg, LNode *n, const char *text)
{
  if (!text || !*text) {
    return ENT_SUCCESS;
  }
  EntBuf b = { NULL, 0, 0 };
  EntStatus st = ENT_SUCCESS;
  if (n->facets && strlen(n->facets) + strlen(text) > MAX_FACETS_LEN) {
    return ENT_SUCCESS; // enough said on one node
  }
  if (n->facets) {
    st = ent_buf_appendf(&b, "%s \xC2\xB7 %s", n->facets, text);
  } else {
    st = ent_buf_append(&b, text, strlen(text));
  }
  if (!st) {
    n->facets = ent_pool_copy(&lg->strings, b.buf, b.len);
    st = n->facets ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
  }
  ent_buf_free(&b);
  return st;
}

EntStatus
lgraph_add_triple(void *handle, const Triple *t)
{
  LGraph *lg = handle;
  if (t->subject.type != NODE_IRI) {
    return ENT_SUCCESS;
  }
  uint32_t s = 0;
  EntStatus st = ENT_SUCCESS;
  TRY(st, node_for(lg, t->subject.value, &s));
  lg->nodes[s].is_subject = true;
  const char *p = t->predicate.value;
  if (t->object.type == NODE_LITERAL) {
    return take_literal(lg, &lg->nodes[s], p, &t->object);
  }
  if (!strcmp(p, RDF_TYPE)) {
    take_type(&lg->nodes[s], t->object.value);
    return ENT_SUCCESS;
  }
  if (is_undrawn(p)) {
    return ENT_SUCCESS;
  }
  // A controlled value (ent:format-technical) is a fact about the node,
  // not a node of its own.
  const OntTerm *value = ont_term(lg->ontology, t->object.value);
  if (value && (value->kinds & ONT_INDIVIDUAL) && !(value->kinds & ONT_CLASS)) {
    return append_facet(lg,
                        &lg->nodes[s],
                        value->label ? value->label
                                     : lgraph_short_name(lg, t->object.value));
  }
  uint32_t o = 0;
  TRY(st, node_for(lg, t->object.value, &o));
  const char *pred = ent_pool_intern(&lg->strings, p);
  if (!pred) {
    return ENT_ERR_NO_MEMORY;
  }
  if (!strcmp(p, ENT_NS "country") || !strcmp(p, ENT_NS "nationality")) {
    lg->nodes[s].country = o;
  } else if (!strcmp(p, ENT_NS "subOrganizationOf") ||
             !strcmp(p, ORG_NS "subOrganizationOf")) {
    lg->nodes[s].parent = o;
  }
  return add_edge(lg, s, o, pred, edge_label(lg, p));
}

static bool
is_one_of(const char *predicate, const char *a, const char *b)
{
  return !strcmp(predicate, a) || !strcmp(predicate, b);
}

// ---- Finishing: fold and de-duplicate -----------------------------------

typedef struct {
  uint32_t from;
  uint32_t to;
  uint32_t index;
} PairKey;

static int
by_pair(const void *a, const void *b)
{
  const PairKey *x = a;
  const PairKey *y = b;
  if (x->from != y->from) {
    return x->from < y->from ? -1 : 1;
  }
  if (x->to != y->to) {
    return x->to < y->to ? -1 : 1;
  }
  return x->index < y->index ? -1 : x->index > y->index;
}

/// Drop an edge whose predicate is a super-property of another edge's
/// between the same nodes (org:holds beside ent:holdsPost), and exact
/// duplicates, keeping the most specific.
static EntStatus
drop_redundant_edges(LGraph *lg)
{
  if (lg->n_edges < 2) {
    return ENT_SUCCESS;
  }
  PairKey *keys = malloc(lg->n_edges * sizeof(PairKey));
  if (!keys) {
    return ENT_ERR_NO_MEMORY;
  }
  for (size_t i = 0; i < lg->n_edges; ++i) {
    keys[i] = (PairKey){ lg->edges[i].from, lg->edges[i].to, (uint32_t)i };
  }
  qsort(keys, lg->n_edges, sizeof(PairKey), by_pair);
  for (size_t start = 0; start < lg->n_edges;) {
    size_t end = start + 1;
    while (end < lg->n_edges && keys[end].from == keys[start].from &&
           keys[end].to == keys[start].to) {
      ++end;
    }
    // Decided on the original set, so that dropping one edge never keeps
    // another alive.
    for (size_t i = start; i < end; ++i) {
      LEdge *e = &lg->edges[keys[i].index];
      bool drop = false;
      for (size_t j = start; j < end && !drop; ++j) {
        const LEdge *other = &lg->edges[keys[j].index];
        if (i == j) {
          continue;
        }
        const bool same = other->predicate == e->predicate && j < i;
        const bool more_specific =
          other->predicate != e->predicate &&
          ont_is_subclass(lg->ontology, other->predicate, e->predicate);
        // A head is a member too: "head of" says both.
        const bool implied =
          is_one_of(e->predicate, ENT_NS "memberOf", ORG_NS "memberOf") &&
          is_one_of(other->predicate, ENT_NS "headOf", ORG_NS "headOf");
        drop = same || more_specific || implied;
      }
      e->dropped = e->dropped || drop;
    }
    start = end;
  }
  free(keys);
  return ENT_SUCCESS;
}

/// A post becomes the label of an edge from its holder to its institution
/// ("Adviser to the Director"), or a line under its holder's name.
static EntStatus
fold_posts(LGraph *lg)
{
  EntStatus st = ENT_SUCCESS;
  const size_t n_edges = lg->n_edges; // edges added here are not revisited
  for (uint32_t p = 0; p < lg->n_nodes; ++p) {
    if (lg->nodes[p].kind != KIND_POST) {
      continue;
    }
    const char *title = lg->nodes[p].label
                          ? lg->nodes[p].label
                          : lgraph_short_name(lg, lg->nodes[p].iri);
    uint32_t holder = ENT_NO_ENTITY;
    uint32_t institution = ENT_NO_ENTITY;
    for (size_t i = 0; i < n_edges; ++i) {
      LEdge *e = &lg->edges[i];
      if (e->to == p && !e->dropped &&
          is_one_of(e->predicate, ENT_NS "holdsPost", ORG_NS "holds")) {
        holder = e->from;
      } else if (e->from == p && !e->dropped &&
                 is_one_of(e->predicate, ENT_NS "postIn", ORG_NS "postIn")) {
        institution = e->to;
      }
      if (e->to == p || e->from == p) {
        e->dropped = true;
      }
    }
    lg->nodes[p].kind = KIND_HIDDEN;
    if (holder == ENT_NO_ENTITY) {
      continue;
    }
    if (institution == ENT_NO_ENTITY) {
      TRY(st, append_facet(lg, &lg->nodes[holder], title));
      continue;
    }
    // The post's title says more than "head of" between the same two.
    for (size_t i = 0; i < n_edges; ++i) {
      LEdge *e = &lg->edges[i];
      if (e->from == holder && e->to == institution &&
          is_one_of(e->predicate, ENT_NS "headOf", ORG_NS "headOf")) {
        e->dropped = true;
      }
    }
    const char *pred = ent_pool_intern(&lg->strings, ORG_NS "holds");
    if (!pred) {
      return ENT_ERR_NO_MEMORY;
    }
    TRY(st, add_edge(lg, holder, institution, pred, title));
  }
  return ENT_SUCCESS;
}

/// Dates and places go on the node's label ("2025-03-24 · in Riyadh").
static EntStatus
add_date_and_place_facets(LGraph *lg)
{
  EntStatus st = ENT_SUCCESS;
  for (size_t i = 0; i < lg->n_edges; ++i) {
    const LEdge *e = &lg->edges[i];
    // Who said it, under what was said.
    if (!e->dropped && lg->nodes[e->from].kind == KIND_STATEMENT &&
        is_one_of(e->predicate, ENT_NS "speaker", PROV_NS "wasAttributedTo") &&
        lg->nodes[e->to].label) {
      EntBuf b = { NULL, 0, 0 };
      if (!ent_buf_appendf(&b, "\xE2\x80\x94 %s", lg->nodes[e->to].label)) {
        st = append_facet(lg, &lg->nodes[e->from], b.buf);
      }
      ent_buf_free(&b);
      TRY(st, st);
    }
    if (!e->dropped &&
        is_one_of(e->predicate, ENT_NS "location", SCHEMA_NS "location")) {
      const LNode *place = &lg->nodes[e->to];
      EntBuf b = { NULL, 0, 0 };
      if (place->label && !ent_buf_appendf(&b, "in %s", place->label)) {
        st = append_facet(lg, &lg->nodes[e->from], b.buf);
      }
      ent_buf_free(&b);
      TRY(st, st);
    }
  }
  for (size_t i = 0; i < lg->n_nodes; ++i) {
    LNode *n = &lg->nodes[i];
    // A date known only to lie in a window reads as the source put it.
    const char *when =
      n->date_rank <= 2 && n->date_phrase ? n->date_phrase : n->date;
    if (when && n->facets) {
      EntBuf b = { NULL, 0, 0 };
      if (ent_buf_appendf(&b, "%s \xC2\xB7 %s", when, n->facets)) {
        return ENT_ERR_NO_MEMORY;
      }
      n->facets = ent_pool_copy(&lg->strings, b.buf, b.len);
      ent_buf_free(&b);
    } else if (when) {
      n->facets = when;
    }
  }
  return ENT_SUCCESS;
}

EntStatus
lgraph_finish(LGraph *lg)
{
  EntStatus st = ENT_SUCCESS;
  TRY(st, drop_redundant_edges(lg));
  TRY(st, fold_posts(lg));
  TRY(st, add_date_and_place_facets(lg));
  for (size_t i = 0; i < lg->n_nodes; ++i) {
    LNode *n = &lg->nodes[i];
    if (!n->label) {
      n->label = lgraph_short_name(lg, n->iri);
    }
  }
  for (size_t i = 0; i < lg->n_edges; ++i) {
    LEdge *e = &lg->edges[i];
    // Edges to and from plumbing are never drawn; institutions sit in the
    // clusters of their country and parent, which say what these edges
    // would.
    const LNode *from = &lg->nodes[e->from];
    if (lg->nodes[e->from].kind == KIND_HIDDEN ||
        lg->nodes[e->to].kind == KIND_HIDDEN ||
        (from->kind == KIND_INSTITUTION &&
         (is_one_of(
            e->predicate, ENT_NS "country", ENT_NS "subOrganizationOf") ||
          !strcmp(e->predicate, ORG_NS "subOrganizationOf"))) ||
        (from->kind == KIND_OFFICIAL && is_one_of(e->predicate,
                                                  ENT_NS "nationality",
                                                  SCHEMA_NS "nationality"))) {
      e->dropped = true;
    }
  }
  return ENT_SUCCESS;
}

// ---- Views ----------------------------------------------------------------

bool
lgraph_edge_visible(const LGraph *lg, const LEdge *e)
{
  return !e->dropped && lg->nodes[e->from].in_view && lg->nodes[e->to].in_view;
}

static bool
drawable(const LNode *n)
{
  return n->kind != KIND_HIDDEN && n->kind != KIND_POST;
}

/// The node an ID names: its IRI, or the last segment of its IRI.
static EntStatus
resolve(LGraph *lg, const char *id, uint32_t *out)
{
  *out = find_node(lg, id);
  if (*out != ENT_NO_ENTITY && drawable(&lg->nodes[*out])) {
    return ENT_SUCCESS;
  }
  const size_t len = strlen(id);
  size_t matches = 0;
  for (uint32_t i = 0; i < lg->n_nodes; ++i) {
    const char *iri = lg->nodes[i].iri;
    const size_t n = strlen(iri);
    if (n > len && !strcmp(iri + n - len, id) &&
        (iri[n - len - 1] == '/' || iri[n - len - 1] == '#') &&
        drawable(&lg->nodes[i])) {
      *out = i;
      ++matches;
    }
  }
  if (matches == 1) {
    return ENT_SUCCESS;
  }
  if (matches) {
    ent_log(lg->world,
            ENT_LOG_ERROR,
            ENT_ERR_UNKNOWN_ID,
            NULL,
            "'%s' names %zu nodes; give the full IRI",
            id,
            matches);
  } else {
    ent_log(lg->world,
            ENT_LOG_ERROR,
            ENT_ERR_UNKNOWN_ID,
            NULL,
            "no node has ID or IRI '%s'; check the spelling",
            id);
  }
  return ENT_ERR_UNKNOWN_ID;
}

static bool
kind_in(Kind kind, const Kind *kinds, size_t n)
{
  for (size_t i = 0; i < n; ++i) {
    if (kinds[i] == kind) {
      return true;
    }
  }
  return false;
}

/// Add to the view the drawable neighbours of `node` whose kinds are in
/// `kinds`, through edges that are not dropped.
static void
add_neighbours(LGraph *lg, uint32_t node, const Kind *kinds, size_t n_kinds)
{
  for (size_t i = 0; i < lg->n_edges; ++i) {
    const LEdge *e = &lg->edges[i];
    if (e->dropped || (e->from != node && e->to != node)) {
      continue;
    }
    LNode *other = &lg->nodes[e->from == node ? e->to : e->from];
    if (drawable(other) && kind_in(other->kind, kinds, n_kinds)) {
      other->in_view = true;
    }
  }
}

static EntStatus
select_ego(LGraph *lg, uint32_t root, unsigned depth)
{
  uint32_t *hops = malloc((lg->n_nodes + 1) * sizeof(uint32_t));
  if (!hops) {
    return ENT_ERR_NO_MEMORY;
  }
  for (size_t i = 0; i < lg->n_nodes; ++i) {
    hops[i] = UINT32_MAX;
  }
  hops[root] = 0;
  lg->nodes[root].in_view = true;
  // Breadth first by rounds: each round reaches one hop further.
  for (unsigned d = 0; d < depth; ++d) {
    for (size_t i = 0; i < lg->n_edges; ++i) {
      const LEdge *e = &lg->edges[i];
      if (e->dropped) {
        continue;
      }
      const uint32_t ends[2][2] = { { e->from, e->to }, { e->to, e->from } };
      for (int k = 0; k < 2; ++k) {
        const uint32_t a = ends[k][0];
        const uint32_t b = ends[k][1];
        if (hops[a] == d && hops[b] == UINT32_MAX && drawable(&lg->nodes[b])) {
          hops[b] = d + 1;
          lg->nodes[b].in_view = true;
        }
      }
    }
  }
  free(hops);
  return ENT_SUCCESS;
}

static size_t
degree_in_view(const LGraph *lg, uint32_t node)
{
  size_t d = 0;
  for (size_t i = 0; i < lg->n_edges; ++i) {
    const LEdge *e = &lg->edges[i];
    d += (e->from == node || e->to == node) && lgraph_edge_visible(lg, e);
  }
  return d;
}

typedef struct {
  size_t degree;
  uint32_t index;
} Ranked;

static int
by_degree(const void *a, const void *b)
{
  const Ranked *x = a;
  const Ranked *y = b;
  if (x->degree != y->degree) {
    return x->degree > y->degree ? -1 : 1;
  }
  return x->index < y->index ? -1 : x->index > y->index;
}

/// Keep at most `max` nodes: the root, then the best connected.
static EntStatus
cap_nodes(LGraph *lg, size_t max, uint32_t root)
{
  size_t count = 0;
  for (size_t i = 0; i < lg->n_nodes; ++i) {
    count += lg->nodes[i].in_view;
  }
  if (count <= max) {
    return ENT_SUCCESS;
  }
  Ranked *ranked = malloc(count * sizeof(Ranked));
  if (!ranked) {
    return ENT_ERR_NO_MEMORY;
  }
  size_t k = 0;
  for (uint32_t i = 0; i < lg->n_nodes; ++i) {
    if (lg->nodes[i].in_view) {
      ranked[k++] = (Ranked){ i == root ? SIZE_MAX : degree_in_view(lg, i), i };
    }
  }
  qsort(ranked, count, sizeof(Ranked), by_degree);
  for (size_t i = max; i < count; ++i) {
    lg->nodes[ranked[i].index].in_view = false;
  }
  lg->hidden_more = count - max;
  free(ranked);
  return ENT_SUCCESS;
}

EntStatus
lgraph_select(LGraph *lg, const EntDiagramOptions *options)
{
  const char *view = options && options->view ? options->view : "all";
  const size_t max =
    options && options->max_nodes ? options->max_nodes : DEFAULT_MAX_NODES;
  uint32_t root = ENT_NO_ENTITY;
  EntStatus st = ENT_SUCCESS;
  for (size_t i = 0; i < lg->n_nodes; ++i) {
    lg->nodes[i].in_view = false;
  }
  lg->hidden_more = 0;
  if (!strcmp(view, "all")) {
    static const Kind shown[] = { KIND_OFFICIAL,   KIND_INSTITUTION,
                                  KIND_COUNTRY,    KIND_NEGOTIATION,
                                  KIND_DELEGATION, KIND_AGREEMENT,
                                  KIND_INCIDENT,   KIND_OTHER };
    for (size_t i = 0; i < lg->n_nodes; ++i) {
      LNode *n = &lg->nodes[i];
      // Resources the input only points at (not described) are drawn
      // only when something else about them is known.
      n->in_view = kind_in(n->kind, shown, sizeof(shown) / sizeof(*shown)) &&
                   (n->kind != KIND_OTHER || n->is_subject);
    }
  } else if (!strcmp(view, "timeline")) {
    static const Kind dated[] = {
      KIND_NEGOTIATION, KIND_AGREEMENT, KIND_INCIDENT, KIND_STATEMENT
    };
    for (size_t i = 0; i < lg->n_nodes; ++i) {
      LNode *n = &lg->nodes[i];
      n->in_view = n->date && kind_in(n->kind, dated, 4);
    }
  } else if (!strncmp(view, "negotiation:", 12)) {
    TRY(st, resolve(lg, view + 12, &root));
    if (lg->nodes[root].kind != KIND_NEGOTIATION) {
      ent_log(lg->world,
              ENT_LOG_ERROR,
              ENT_ERR_WRONG_CLASS,
              NULL,
              "'%s' is not a negotiation; use --view ego:%s instead",
              view + 12,
              view + 12);
      return ENT_ERR_WRONG_CLASS;
    }
    lg->nodes[root].in_view = true;
    static const Kind around[] = { KIND_DELEGATION, KIND_TOPIC,
                                   KIND_AGREEMENT,  KIND_NEGOTIATION,
                                   KIND_OFFICIAL,   KIND_COUNTRY,
                                   KIND_INSTITUTION };
    add_neighbours(lg, root, around, sizeof(around) / sizeof(*around));
    static const Kind in_delegation[] = { KIND_OFFICIAL, KIND_COUNTRY };
    for (uint32_t i = 0; i < lg->n_nodes; ++i) {
      if (lg->nodes[i].in_view && lg->nodes[i].kind == KIND_DELEGATION) {
        add_neighbours(lg, i, in_delegation, 2);
      }
    }
  } else if (!strncmp(view, "ego:", 4)) {
    TRY(st, resolve(lg, view + 4, &root));
    TRY(st,
        select_ego(lg, root, options && options->depth ? options->depth : 1));
  } else {
    ent_log(lg->world,
            ENT_LOG_ERROR,
            ENT_ERR_BAD_ARG,
            NULL,
            "unknown view '%s'; use all, timeline, negotiation:ID or ego:ID",
            view);
    return ENT_ERR_BAD_ARG;
  }
  return cap_nodes(lg, max, root);
}
