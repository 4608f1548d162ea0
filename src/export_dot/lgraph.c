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
  [KIND_ANONYMOUS] = { "ellipse",
                       "dashed,filled",
                       "#eeeeee",
                       "Anonymous source" },
  [KIND_RESPONSE] = { "point", "invis", "#ffffff", "Response" },
  [KIND_OTHER] = { "ellipse", "filled", "#ffffff", "Resource" },
  [KIND_HIDDEN] = { "point", "invis", "#ffffff", "Hidden" },
};

const KindStyle *
lgraph_kind_style(Kind kind)
{
  return &kind_styles[kind < KIND_COUNT_ ? kind : KIND_OTHER];
}

/// The families relations are drawn in; the last is the default.
static const EdgeStyle edge_styles[] = {
  { "membership, leadership and posts", "#3c78d8", "solid" },
  { "taking part in talks", "#e69138", "solid" },
  { "agreements: proposing, agreeing, backing", "#38761d", "solid" },
  { "responsibility for an event", "#cc0000", "bold" },
  { "what was said, by whom, to whom", "#674ea7", "dashed" },
  { "what something is about", "#8e7cc3", "dotted" },
  { "where", "#a67c52", "dotted" },
  { "part of", "#b45f06", "bold" },
  { "reporting and sources", "#999999", "dashed" },
  { "other relations", "#777777", "solid" },
};

static const struct {
  const char *local; ///< ent: local name
  size_t family;
} edge_families[] = {
  { "headOf", 0 },        { "memberOf", 0 },    { "holdsPost", 0 },
  { "postIn", 0 },        { "affiliation", 0 }, { "participant", 1 },
  { "delegation", 1 },    { "represents", 1 },  { "host", 1 },
  { "mediator", 1 },      { "observer", 1 },    { "absentParty", 1 },
  { "refusingParty", 1 }, { "proposedBy", 2 },  { "agreedBy", 2 },
  { "backedBy", 2 },      { "party", 2 },       { "response", 2 },
  { "respondent", 2 },    { "instrument", 2 },  { "responsible", 3 },
  { "speaker", 4 },       { "medium", 4 },      { "addressee", 4 },
  { "occasion", 4 },      { "concerns", 5 },    { "topic", 5 },
  { "location", 6 },      { "venue", 6 },       { "containedInPlace", 6 },
  { "country", 6 },       { "partOf", 7 },      { "subOrganizationOf", 7 },
  { "reportedBy", 8 },    { "relayedBy", 8 },   { "publisher", 8 },
  { "wireService", 8 },   { "citesOutlet", 8 },
};

size_t
lgraph_edge_style(const char *predicate)
{
  const size_t other = sizeof(edge_styles) / sizeof(*edge_styles) - 1;
  if (!strcmp(predicate, ORG_NS "holds")) {
    return 0; // a folded post
  }
  if (!strcmp(predicate, SCHEMA_NS "subjectOf") ||
      !strcmp(predicate, SCHEMA_NS "about")) {
    return 8;
  }
  if (strncmp(predicate, ENT_NS, sizeof(ENT_NS) - 1) != 0) {
    return other;
  }
  const char *local = predicate + sizeof(ENT_NS) - 1;
  for (size_t i = 0; i < sizeof(edge_families) / sizeof(*edge_families); ++i) {
    if (!strcmp(local, edge_families[i].local)) {
      return edge_families[i].family;
    }
  }
  return other;
}

const EdgeStyle *
lgraph_edge_styles(size_t *count)
{
  *count = sizeof(edge_styles) / sizeof(*edge_styles);
  return edge_styles;
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
  { ENT_NS "Corpus", KIND_HIDDEN, 4 },
  { ENT_NS "AnonymousSource", KIND_ANONYMOUS, 3 },
  { ENT_NS "Response", KIND_RESPONSE, 3 },
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
  ent_map_init(&lg->votes);
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
  free(lg->claims);
  free(lg->concepts);
  ent_map_clear(&lg->votes);
  free(lg->adjacency);
  free(lg->first);
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
         const char *label,
         const char *graph)
{
  EntStatus st = ENT_SUCCESS;
  TRY(st,
      ent_grow(&lg->edges, &lg->cap_edges, lg->n_edges, sizeof(LEdge), 256));
  lg->edges[lg->n_edges++] =
    (LEdge){ from, to, predicate, label, graph, graph ? 1U : 0U, false };
  return ENT_SUCCESS;
}

/// Keep what graph `graph` says of node `subject` (compare view).
static EntStatus
keep_claim(LGraph *lg,
           uint32_t subject,
           uint32_t object,
           const char *graph,
           const char *predicate,
           const char *value)
{
  if (!lg->keep_claims || !graph) {
    return ENT_SUCCESS;
  }
  EntStatus st = ENT_SUCCESS;
  TRY(
    st,
    ent_grow(&lg->claims, &lg->cap_claims, lg->n_claims, sizeof(LClaim), 256));
  LClaim *c = &lg->claims[lg->n_claims];
  c->subject = subject;
  c->object = object;
  c->graph = ent_pool_intern(&lg->strings, graph);
  c->predicate = ent_pool_intern(&lg->strings, predicate);
  c->value = value ? ent_pool_intern(&lg->strings, value) : NULL;
  if (!c->graph || !c->predicate || (value && !c->value)) {
    return ENT_ERR_NO_MEMORY;
  }
  ++lg->n_claims;
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
  static const struct {
    const char *iri;
    const char *label;
  } standard[] = {
    { SCHEMA_NS "subjectOf", "mentioned in" },
    { SCHEMA_NS "startDate", "date" },
    { SCHEMA_NS "endDate", "end" },
    { SCHEMA_NS "duration", "duration" },
    { SCHEMA_NS "description", "description" },
    { SCHEMA_NS "about", "reports on" },
  };
  for (size_t i = 0; i < sizeof(standard) / sizeof(*standard); ++i) {
    if (!strcmp(predicate, standard[i].iri)) {
      return standard[i].label;
    }
  }
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
take_literal(LGraph *lg,
             LNode *n,
             const char *predicate,
             const Node *o,
             const char *graph)
{
  for (size_t i = 0; i < sizeof(label_predicates) / sizeof(*label_predicates);
       ++i) {
    if (!strcmp(predicate, label_predicates[i].iri)) {
      const unsigned rank =
        lang_score(lg, o->lang) * 4 + label_predicates[i].rank;
      if (rank > n->label_rank) {
        n->label = ent_pool_copy(&lg->strings, o->value, strlen(o->value));
        n->label_rank = rank;
        n->label_votes = 0;
        n->n_labels = 0;
      }
      if (rank == n->label_rank && graph) {
        // Sources that name one thing differently (a post's titles): the
        // name most of them give is drawn.
        EntBuf key = { NULL, 0, 0 };
        if (ent_buf_appendf(
              &key, "%zu\x01%s", (size_t)(n - lg->nodes), o->value)) {
          ent_buf_free(&key);
          return ENT_ERR_NO_MEMORY;
        }
        const uintptr_t votes = (uintptr_t)ent_map_get(&lg->votes, key.buf) + 1;
        const char *kept = ent_pool_intern(&lg->strings, key.buf);
        ent_buf_free(&key);
        if (!kept || ent_map_put(&lg->votes, kept, (void *)votes)) {
          return ENT_ERR_NO_MEMORY;
        }
        n->n_labels += votes == 1;
        if (votes > n->label_votes) {
          n->label = strchr(kept, '\x01') + 1;
          n->label_votes = (unsigned)votes;
        }
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
      n->window = !strcmp(predicate, ENT_NS "notBefore");
      return n->date ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
    }
  }
  if (!strcmp(predicate, ENT_NS "notAfter") &&
      ent_parse_date(o->value, NULL, NULL, NULL) &&
      (!n->not_after || strcmp(o->value, n->not_after) > 0)) {
    n->not_after = ent_pool_intern(&lg->strings, o->value);
    return n->not_after ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
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
    TRY(st, keep_claim(lg, s, ENT_NO_ENTITY, t->graph, p, t->object.value));
    return take_literal(lg, &lg->nodes[s], p, &t->object, t->graph);
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
    const char *text =
      value->label ? value->label : lgraph_short_name(lg, t->object.value);
    TRY(st, keep_claim(lg, s, ENT_NO_ENTITY, t->graph, p, text));
    // Shown on the node's label once every source's values are in (see
    // add_concept_facets()).
    TRY(
      st,
      ent_grow(
        &lg->concepts, &lg->cap_concepts, lg->n_concepts, sizeof(LClaim), 64));
    const char *pred = ent_pool_intern(&lg->strings, p);
    const char *kept = ent_pool_intern(&lg->strings, text);
    if (!pred || !kept) {
      return ENT_ERR_NO_MEMORY;
    }
    lg->concepts[lg->n_concepts++] =
      (LClaim){ s, ENT_NO_ENTITY, NULL, pred, kept };
    return ENT_SUCCESS;
  }
  uint32_t o = 0;
  TRY(st, node_for(lg, t->object.value, &o));
  const char *pred = ent_pool_intern(&lg->strings, p);
  const char *graph = t->graph ? ent_pool_intern(&lg->strings, t->graph) : NULL;
  if (!pred || (t->graph && !graph)) {
    return ENT_ERR_NO_MEMORY;
  }
  TRY(st, keep_claim(lg, s, o, graph, p, NULL));
  if (!strcmp(p, ENT_NS "country") || !strcmp(p, ENT_NS "nationality")) {
    lg->nodes[s].country = o;
  } else if (!strcmp(p, ENT_NS "subOrganizationOf") ||
             !strcmp(p, ORG_NS "subOrganizationOf")) {
    lg->nodes[s].parent = o;
  }
  return add_edge(lg, s, o, pred, edge_label(lg, p), graph);
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
  if (lg->n_edges > 1) {
    qsort(keys, lg->n_edges, sizeof(PairKey), by_pair);
  }
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
        const bool same = other->predicate == e->predicate &&
                          (keys[j].index < keys[i].index) && j < i;
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
    // The same relation stated in several graphs is drawn once, with the
    // number of graphs (sources) that state it.
    for (size_t i = start; i < end; ++i) {
      LEdge *e = &lg->edges[keys[i].index];
      for (size_t j = start; j < i; ++j) {
        LEdge *first = &lg->edges[keys[j].index];
        if (first->predicate == e->predicate && !first->dropped && e->graph &&
            first->graph != e->graph) {
          ++first->n_graphs;
          break;
        }
      }
    }
    start = end;
  }
  free(keys);
  return ENT_SUCCESS;
}

/// Every edge of each node, both ends: adjacency[first[i]..first[i + 1]).
static EntStatus
build_adjacency(LGraph *lg)
{
  free(lg->adjacency);
  free(lg->first);
  lg->first = calloc(lg->n_nodes + 2, sizeof(size_t));
  lg->adjacency = malloc((2 * lg->n_edges + 1) * sizeof(uint32_t));
  if (!lg->first || !lg->adjacency) {
    return ENT_ERR_NO_MEMORY;
  }
  for (size_t i = 0; i < lg->n_edges; ++i) {
    ++lg->first[lg->edges[i].from + 2];
    if (lg->edges[i].to != lg->edges[i].from) {
      ++lg->first[lg->edges[i].to + 2];
    }
  }
  for (size_t i = 2; i < lg->n_nodes + 2; ++i) {
    lg->first[i] += lg->first[i - 1];
  }
  for (size_t i = 0; i < lg->n_edges; ++i) {
    lg->adjacency[lg->first[lg->edges[i].from + 1]++] = (uint32_t)i;
    if (lg->edges[i].to != lg->edges[i].from) {
      lg->adjacency[lg->first[lg->edges[i].to + 1]++] = (uint32_t)i;
    }
  }
  return ENT_SUCCESS;
}

/// A post becomes the label of an edge from its holder to its institution
/// ("Adviser to the Director"), or a line under its holder's name.  Linear:
/// each post looks only at its own edges.
static EntStatus
fold_posts(LGraph *lg)
{
  EntStatus st = ENT_SUCCESS;
  TRY(st, build_adjacency(lg));
  const size_t n_edges = lg->n_edges; // edges added here are not revisited
  for (uint32_t p = 0; p < lg->n_nodes; ++p) {
    if (lg->nodes[p].kind != KIND_POST) {
      continue;
    }
    const char *title = lg->nodes[p].label
                          ? lg->nodes[p].label
                          : lgraph_short_name(lg, lg->nodes[p].iri);
    if (lg->nodes[p].n_labels > 1) {
      // Sources title one post differently: the most common title, and
      // how many others there are.
      EntBuf b = { NULL, 0, 0 };
      if (ent_buf_appendf(&b,
                          "%s (+%u other title%s)",
                          title,
                          lg->nodes[p].n_labels - 1,
                          lg->nodes[p].n_labels > 2 ? "s" : "")) {
        ent_buf_free(&b);
        return ENT_ERR_NO_MEMORY;
      }
      title = ent_pool_copy(&lg->strings, b.buf, b.len);
      ent_buf_free(&b);
      if (!title) {
        return ENT_ERR_NO_MEMORY;
      }
    }
    uint32_t holder = ENT_NO_ENTITY;
    uint32_t institution = ENT_NO_ENTITY;
    const char *graph = NULL;
    uint32_t n_graphs = 0;
    for (size_t k = lg->first[p]; k < lg->first[p + 1]; ++k) {
      LEdge *e = &lg->edges[lg->adjacency[k]];
      if (e->to == p && !e->dropped &&
          is_one_of(e->predicate, ENT_NS "holdsPost", ORG_NS "holds")) {
        holder = e->from;
        graph = e->graph;
        n_graphs = e->n_graphs;
      } else if (e->from == p && !e->dropped &&
                 is_one_of(e->predicate, ENT_NS "postIn", ORG_NS "postIn")) {
        institution = e->to;
      }
      e->dropped = true;
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
    for (size_t k = lg->first[holder]; k < lg->first[holder + 1]; ++k) {
      LEdge *e = &lg->edges[lg->adjacency[k]];
      if (lg->adjacency[k] < n_edges && e->from == holder &&
          e->to == institution &&
          is_one_of(e->predicate, ENT_NS "headOf", ORG_NS "headOf")) {
        e->dropped = true;
      }
    }
    const char *pred = ent_pool_intern(&lg->strings, ORG_NS "holds");
    if (!pred) {
      return ENT_ERR_NO_MEMORY;
    }
    TRY(st, add_edge(lg, holder, institution, pred, title, graph));
    lg->edges[lg->n_edges - 1].n_graphs = n_graphs;
  }
  return ENT_SUCCESS;
}

/// A response becomes an edge from its agreement to the actor who
/// responded, labelled with what it did ("accepted").  Linear, as posts.
static EntStatus
fold_responses(LGraph *lg)
{
  EntStatus st = ENT_SUCCESS;
  TRY(st, build_adjacency(lg));
  // What each response did: its controlled value, looked up once.
  const char **kinds = calloc(lg->n_nodes + 1, sizeof(char *));
  if (!kinds) {
    return ENT_ERR_NO_MEMORY;
  }
  for (size_t i = 0; i < lg->n_concepts; ++i) {
    kinds[lg->concepts[i].subject] = lg->concepts[i].value;
  }
  for (uint32_t r = 0; !st && r < lg->n_nodes; ++r) {
    if (lg->nodes[r].kind != KIND_RESPONSE) {
      continue;
    }
    uint32_t agreement = ENT_NO_ENTITY;
    uint32_t actor = ENT_NO_ENTITY;
    const char *graph = NULL;
    uint32_t n_graphs = 0;
    for (size_t k = lg->first[r]; k < lg->first[r + 1]; ++k) {
      LEdge *e = &lg->edges[lg->adjacency[k]];
      if (e->to == r && !e->dropped &&
          !strcmp(e->predicate, ENT_NS "response")) {
        agreement = e->from;
        graph = e->graph;
        n_graphs = e->n_graphs;
      } else if (e->from == r && !e->dropped &&
                 !strcmp(e->predicate, ENT_NS "respondent")) {
        actor = e->to;
      }
      e->dropped = true;
    }
    lg->nodes[r].kind = KIND_HIDDEN;
    if (agreement == ENT_NO_ENTITY || actor == ENT_NO_ENTITY) {
      continue;
    }
    const char *what = kinds[r] ? kinds[r] : "responded";
    const char *pred = ent_pool_intern(&lg->strings, ENT_NS "response");
    st = pred ? add_edge(lg, agreement, actor, pred, what, graph)
              : ENT_ERR_NO_MEMORY;
    if (!st) {
      lg->edges[lg->n_edges - 1].n_graphs = n_graphs;
    }
  }
  free(kinds);
  return st;
}

static int
by_concept(const void *a, const void *b)
{
  const LClaim *x = a;
  const LClaim *y = b;
  if (x->subject != y->subject) {
    return x->subject < y->subject ? -1 : 1;
  }
  const int p = strcmp(x->predicate, y->predicate);
  if (p) {
    return p;
  }
  return x->object < y->object ? -1 : x->object > y->object;
}

/// Controlled values on the node's label ("technical talks · closed-door"),
/// each once; where sources give one property several values, all of them
/// and that they differ ("planned / ongoing / concluded (sources differ)").
static EntStatus
add_concept_facets(LGraph *lg)
{
  // Stable: the values of one node and property keep the order they came.
  for (size_t i = 0; i < lg->n_concepts; ++i) {
    lg->concepts[i].object = (uint32_t)i;
  }
  if (lg->n_concepts > 1) {
    qsort(lg->concepts, lg->n_concepts, sizeof(LClaim), by_concept);
  }
  EntStatus st = ENT_SUCCESS;
  for (size_t a = 0; a < lg->n_concepts && !st;) {
    size_t b = a + 1;
    while (b < lg->n_concepts &&
           lg->concepts[b].subject == lg->concepts[a].subject &&
           !strcmp(lg->concepts[b].predicate, lg->concepts[a].predicate)) {
      ++b;
    }
    EntBuf text = { NULL, 0, 0 };
    size_t distinct = 0;
    for (size_t k = a; k < b && !st; ++k) {
      bool seen = false;
      for (size_t j = a; j < k && !seen; ++j) {
        seen = lg->concepts[j].value == lg->concepts[k].value;
      }
      if (!seen) {
        st = ent_buf_appendf(
          &text, "%s%s", distinct++ ? " / " : "", lg->concepts[k].value);
      }
    }
    // Several formats can be true at once (technical and bilateral); a
    // status cannot.
    const bool one_valued =
      !strcmp(lg->concepts[a].predicate, ENT_NS "negotiationStatus") ||
      !strcmp(lg->concepts[a].predicate, ENT_NS "agreementStatus") ||
      !strcmp(lg->concepts[a].predicate, ENT_NS "pressAccess");
    if (!st && distinct > 1 && one_valued) {
      st = ent_buf_append(&text, " (sources differ)", 17);
    }
    if (!st && text.len) {
      st = append_facet(lg, &lg->nodes[lg->concepts[a].subject], text.buf);
    }
    ent_buf_free(&text);
    a = b;
  }
  return st;
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
    // A date known only to lie in a window is drawn as the window, never
    // as a bare date, with the source's wording.
    EntBuf window = { NULL, 0, 0 };
    const char *when = n->date;
    if (n->date && n->window) {
      if (ent_buf_appendf(&window,
                          "%s%s%s \xE2\x80\x93 %s%s",
                          n->date_phrase ? n->date_phrase : "",
                          n->date_phrase ? " (" : "between ",
                          n->date,
                          n->not_after ? n->not_after : "?",
                          n->date_phrase ? ")" : "")) {
        ent_buf_free(&window);
        return ENT_ERR_NO_MEMORY;
      }
      when = ent_pool_copy(&lg->strings, window.buf, window.len);
      ent_buf_free(&window);
      if (!when) {
        return ENT_ERR_NO_MEMORY;
      }
    }
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
  TRY(st, fold_responses(lg));
  TRY(st, add_concept_facets(lg));
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
  return build_adjacency(lg); // the posts' edges are in it now
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
  for (size_t k = lg->first[node]; k < lg->first[node + 1]; ++k) {
    const LEdge *e = &lg->edges[lg->adjacency[k]];
    if (e->dropped) {
      continue;
    }
    LNode *other = &lg->nodes[e->from == node ? e->to : e->from];
    if (drawable(other) && kind_in(other->kind, kinds, n_kinds)) {
      other->in_view = true;
    }
  }
}

/// Nodes an ego view shows but does not go through: a source, a country
/// or a topic is next to nearly everything, and going through it would
/// draw the whole corpus.
static bool
is_hub(const LNode *n)
{
  return n->kind == KIND_SOURCE || n->kind == KIND_COUNTRY ||
         n->kind == KIND_TOPIC || n->kind == KIND_PLACE ||
         n->kind == KIND_OUTLET;
}

static EntStatus
select_ego(LGraph *lg, uint32_t root, unsigned depth)
{
  uint32_t *queue = malloc((lg->n_nodes + 1) * sizeof(uint32_t));
  uint32_t *hops = malloc((lg->n_nodes + 1) * sizeof(uint32_t));
  if (!queue || !hops) {
    free(queue);
    free(hops);
    return ENT_ERR_NO_MEMORY;
  }
  for (size_t i = 0; i < lg->n_nodes; ++i) {
    hops[i] = UINT32_MAX;
  }
  // Breadth first, each node once: linear in the edges it reaches.
  size_t head = 0;
  size_t tail = 0;
  hops[root] = 0;
  lg->nodes[root].in_view = true;
  queue[tail++] = root;
  while (head < tail) {
    const uint32_t a = queue[head++];
    if (hops[a] >= depth || (a != root && is_hub(&lg->nodes[a]))) {
      continue;
    }
    for (size_t k = lg->first[a]; k < lg->first[a + 1]; ++k) {
      const LEdge *e = &lg->edges[lg->adjacency[k]];
      const uint32_t b = e->from == a ? e->to : e->from;
      if (!e->dropped && hops[b] == UINT32_MAX && drawable(&lg->nodes[b])) {
        hops[b] = hops[a] + 1;
        lg->nodes[b].in_view = true;
        queue[tail++] = b;
      }
    }
  }
  free(queue);
  free(hops);
  // Which sources mention the root is worth drawing; which mention every
  // other node in view is a hairball.
  for (size_t i = 0; i < lg->n_edges; ++i) {
    LEdge *e = &lg->edges[i];
    if (e->from != root && !strcmp(e->predicate, SCHEMA_NS "subjectOf")) {
      e->dropped = true;
    }
  }
  return ENT_SUCCESS;
}

static size_t
degree_in_view(const LGraph *lg, uint32_t node)
{
  size_t d = 0;
  for (size_t k = lg->first[node]; k < lg->first[node + 1]; ++k) {
    d += lgraph_edge_visible(lg, &lg->edges[lg->adjacency[k]]);
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

/// Keep at most `max` nodes: the root, then the best connected (each
/// node's degree from its own edges: linear, then one sort).
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
  count = k; // the same number; said so that the analyzer sees every entry set
  if (count > 1) {
    qsort(ranked, count, sizeof(Ranked), by_degree);
  }
  for (size_t i = max; i < count; ++i) {
    lg->nodes[ranked[i].index].in_view = false;
  }
  lg->hidden_more = count - max;
  free(ranked);
  return ENT_SUCCESS;
}

// ---- The compare view: what each source says of one negotiation ----------

/// How a claim's predicate reads on a card: the ontology's label.
static const char *
claim_label(LGraph *lg, const char *predicate)
{
  if (!strcmp(predicate, RDFS_LABEL) || !strcmp(predicate, SCHEMA_NS "name")) {
    return NULL; // names are identity, not claims worth comparing
  }
  return edge_label(lg, predicate);
}

/// Whether the claim is worth a line on a card: entente's own claims and
/// descriptions, not every standard super-property that repeats them.
static bool
card_worthy(const char *predicate)
{
  if (!strncmp(predicate, ENT_NS, sizeof(ENT_NS) - 1)) {
    return true;
  }
  static const char *const kept[] = {
    SCHEMA_NS "startDate",
    SCHEMA_NS "endDate",
    SCHEMA_NS "duration",
    SCHEMA_NS "description",
  };
  for (size_t i = 0; i < sizeof(kept) / sizeof(*kept); ++i) {
    if (!strcmp(predicate, kept[i])) {
      return true;
    }
  }
  return false;
}

/// The value of claim `c` as a card shows it.
static const char *
claim_value(const LGraph *lg, const LClaim *c)
{
  return c->object != ENT_NO_ENTITY ? lg->nodes[c->object].label : c->value;
}

/// Whether another source gives another value for the same property of
/// the same node: such a line is marked on the cards.
static bool
disputed(const LGraph *lg, const LClaim *c, const uint32_t *mine, size_t n)
{
  static const char *const single[] = {
    ENT_NS "negotiationStatus",
    SCHEMA_NS "startDate",
    SCHEMA_NS "endDate",
    ENT_NS "notBefore",
    ENT_NS "notAfter",
    SCHEMA_NS "duration",
    ENT_NS "venue",
    ENT_NS "pressAccess",
    ENT_NS "location",
  };
  bool one_valued = false;
  for (size_t i = 0; i < sizeof(single) / sizeof(*single); ++i) {
    one_valued |= !strcmp(c->predicate, single[i]);
  }
  if (!one_valued) {
    return false;
  }
  const char *value = claim_value(lg, c);
  for (size_t k = 0; k < n; ++k) {
    const LClaim *other = &lg->claims[mine[k]];
    if (other->graph != c->graph && other->subject == c->subject &&
        other->predicate == c->predicate &&
        strcmp(claim_value(lg, other), value) != 0) {
      return true;
    }
  }
  return false;
}

/// Append one card line.
static EntStatus
card_line(LGraph *lg,
          EntBuf *card,
          bool marked,
          const char *what,
          const char *value)
{
  enum { MAX_VALUE = 120 };
  const size_t len = strlen(value);
  // A long description is cut at a character boundary, with an ellipsis.
  size_t cut = len > MAX_VALUE ? MAX_VALUE : len;
  while (cut < len && cut > 0 && ((unsigned char)value[cut] & 0xC0) == 0x80) {
    --cut;
  }
  (void)lg;
  return ent_buf_appendf(card,
                         "%s%s%s: %.*s%s",
                         card->len ? "\n" : "",
                         marked ? "\xE2\x89\xA0 " : "",
                         what,
                         (int)cut,
                         value,
                         cut < len ? "\xE2\x80\xA6" : "");
}

/// What a claim of the compare view is about, on its card ("status",
/// "Russian delegation: led by"), in `what`.
static void
claim_topic(LGraph *lg,
            const LClaim *c,
            uint32_t root,
            const bool *about,
            char *what,
            size_t size)
{
  if (c->subject != root && !about[c->subject]) {
    // Somebody leads or belongs to one of the negotiation's delegations.
    snprintf(what,
             size,
             "%s: %s",
             lg->nodes[c->object].label,
             !strcmp(c->predicate, ENT_NS "headOf") ? "led by" : "members");
  } else if (c->subject != root) {
    snprintf(what,
             size,
             "%s: %s",
             lg->nodes[c->subject].label,
             claim_label(lg, c->predicate));
  } else {
    snprintf(what, size, "%s", claim_label(lg, c->predicate));
  }
}

/// The compare view of negotiation `root`: it and, for each source that
/// says something of it or of its delegations, that source's node, whose
/// label lists the source's claims, one line per property with all its
/// values; lines another source contradicts are marked with "≠".
static EntStatus
select_compare(LGraph *lg, uint32_t root)
{
  if (!lg->keep_claims) {
    return ENT_ERR_INTERNAL;
  }
  lg->nodes[root].in_view = true;
  bool *about = calloc(lg->n_nodes + 1, sizeof(bool));
  uint32_t *mine = malloc((lg->n_claims + 1) * sizeof(uint32_t));
  if (!about || !mine) {
    free(about);
    free(mine);
    return ENT_ERR_NO_MEMORY;
  }
  // The negotiation and its delegations (by any graph).
  about[root] = true;
  for (size_t i = 0; i < lg->n_claims; ++i) {
    const LClaim *c = &lg->claims[i];
    if (c->subject == root && c->object != ENT_NO_ENTITY &&
        !strcmp(c->predicate, ENT_NS "delegation")) {
      about[c->object] = true;
    }
  }
  // What each source says: of them (not which delegations they have, the
  // structure, nor names), and who leads or belongs to a delegation (a
  // leader is listed as a member too: once, as the leader).
  size_t n = 0;
  for (size_t i = 0; i < lg->n_claims; ++i) {
    const LClaim *c = &lg->claims[i];
    const uint32_t g = find_node(lg, c->graph);
    if (g == ENT_NO_ENTITY || lg->nodes[g].kind == KIND_HIDDEN) {
      continue; // the corpus graph: identity, not a source's claim
    }
    const bool of_it = about[c->subject] && card_worthy(c->predicate) &&
                       claim_label(lg, c->predicate) &&
                       strcmp(c->predicate, ENT_NS "delegation") != 0 &&
                       strcmp(c->predicate, ENT_NS "represents") != 0;
    bool in_it = c->object != ENT_NO_ENTITY && about[c->object] &&
                 c->subject != root && !about[c->subject] &&
                 (!strcmp(c->predicate, ENT_NS "headOf") ||
                  !strcmp(c->predicate, ENT_NS "memberOf"));
    if (in_it && !strcmp(c->predicate, ENT_NS "memberOf")) {
      for (size_t j = 0; j < lg->n_claims && in_it; ++j) {
        const LClaim *h = &lg->claims[j];
        in_it =
          !(h->graph == c->graph && h->subject == c->subject &&
            h->object == c->object && !strcmp(h->predicate, ENT_NS "headOf"));
      }
    }
    if (of_it || in_it) {
      mine[n++] = (uint32_t)i;
    }
  }
  EntStatus st = ENT_SUCCESS;
  EntBuf card = { NULL, 0, 0 };
  EntBuf values = { NULL, 0, 0 };
  bool *done = calloc(n + 1, sizeof(bool));
  if (!done) {
    st = ENT_ERR_NO_MEMORY;
  }
  const size_t n_before = lg->n_edges;
  char what[512];
  char other[512];
  for (size_t k = 0; k < n && !st; ++k) {
    const char *graph = lg->claims[mine[k]].graph;
    bool seen = false;
    for (size_t j = 0; j < k && !seen; ++j) {
      seen = lg->claims[mine[j]].graph == graph;
    }
    if (seen) {
      continue;
    }
    uint32_t source = 0;
    st = node_for(lg, graph, &source);
    ent_buf_reset(&card);
    // One line per topic, its values joined.
    for (size_t j = k; j < n && !st; ++j) {
      const LClaim *c = &lg->claims[mine[j]];
      if (c->graph != graph || done[j]) {
        continue;
      }
      claim_topic(lg, c, root, about, what, sizeof(what));
      ent_buf_reset(&values);
      bool marked = false;
      for (size_t m = j; m < n && !st; ++m) {
        const LClaim *d = &lg->claims[mine[m]];
        if (d->graph != graph || done[m]) {
          continue;
        }
        claim_topic(lg, d, root, about, other, sizeof(other));
        if (strcmp(other, what) != 0) {
          continue;
        }
        done[m] = true;
        const bool delegate = d->subject != root && !about[d->subject];
        const char *value =
          delegate ? lg->nodes[d->subject].label : claim_value(lg, d);
        marked |= disputed(lg, d, mine, n);
        st = ent_buf_appendf(&values, "%s%s", values.len ? ", " : "", value);
      }
      if (!st) {
        st = card_line(lg, &card, marked, what, values.buf ? values.buf : "");
      }
    }
    LNode *s = &lg->nodes[source];
    s->in_view = true;
    s->card = true;
    if (s->kind == KIND_OTHER) {
      s->kind = KIND_SOURCE;
    }
    if (!st) {
      s->facets =
        ent_pool_copy(&lg->strings, card.buf ? card.buf : "", card.len);
      st = s->facets ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
    }
    const char *pred = ent_pool_intern(&lg->strings, SCHEMA_NS "about");
    if (!st) {
      st = pred ? add_edge(lg, source, root, pred, "reports on", graph)
                : ENT_ERR_NO_MEMORY;
    }
  }
  ent_buf_free(&card);
  ent_buf_free(&values);
  free(done);
  free(about);
  free(mine);
  // The cards say it; "mentioned in" lines would say it again.
  for (size_t i = 0; i < n_before; ++i) {
    if (!strcmp(lg->edges[i].predicate, SCHEMA_NS "subjectOf")) {
      lg->edges[i].dropped = true;
    }
  }
  if (!st && lg->n_edges != n_before) {
    st = build_adjacency(lg);
  }
  return st;
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
  } else if (!strncmp(view, "negotiation:", 12) ||
             !strncmp(view, "compare:", 8)) {
    const bool compare = view[0] == 'c';
    const char *id = view + (compare ? 8 : 12);
    TRY(st, resolve(lg, id, &root));
    if (lg->nodes[root].kind != KIND_NEGOTIATION) {
      ent_log(lg->world,
              ENT_LOG_ERROR,
              ENT_ERR_WRONG_CLASS,
              NULL,
              "'%s' is not a negotiation; use --view ego:%s instead",
              id,
              id);
      return ENT_ERR_WRONG_CLASS;
    }
    if (compare) {
      TRY(st, select_compare(lg, root));
      return cap_nodes(lg, max, root);
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
            "unknown view '%s'; use all, timeline, negotiation:ID, "
            "compare:ID or ego:ID",
            view);
    return ENT_ERR_BAD_ARG;
  }
  return cap_nodes(lg, max, root);
}
