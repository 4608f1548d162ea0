// SPDX-License-Identifier: MIT
// The static dossier site (ent_export_site): the statements of the model,
// indexed by subject and by object, and the pages written from them.
#ifndef ENT_SITE_H
#define ENT_SITE_H

#include "../export_dot/lgraph.h"

#include <jansson.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>

/// One statement as a page reads it: every string interned in the site's
/// pool, so equal strings are equal pointers.
typedef struct {
  const char *p;
  const char *o;    ///< IRI or lexical form
  const char *dt;   ///< Literal datatype, or NULL
  const char *lang; ///< Literal language tag, or NULL
  const char *g;    ///< Named graph (the source), or NULL
  uint32_t s;       ///< Subject node
  uint32_t on;      ///< Object node, or ENT_NO_ENTITY for a literal
  uint32_t gn;      ///< Node of the named graph, or ENT_NO_ENTITY
} SQuad;

/// What a page is about.
typedef enum {
  SK_OFFICIAL,
  SK_INSTITUTION,
  SK_COUNTRY,
  SK_NEGOTIATION,
  SK_AGREEMENT,
  SK_EVENT,
  SK_SOURCE,
  SK_DELEGATION,
  SK_PLACE,
  SK_TOPIC,
  SK_OUTLET,
  SK_STATEMENT,
  SK_POST,
  SK_OTHER,
  SK_PLUMBING, ///< PROV attributions: a page, but not listed or searched
  SK_COUNT_
} SiteKind;

/// An IRI of the statements: a subject, an object, or both.
typedef struct {
  const char *iri;
  const char *path; ///< Page directory under the site root, or NULL: no page
  const char *name; ///< Best label
  const char *short_name; ///< In lists of sources: "TASS, 2025-03-24"
  size_t short_head;      ///< Bytes of short_name that name the outlet (or
                          ///< the source), when it is more: 0 otherwise
  const char *lang;       ///< Its language tag, or NULL
  const char *date;       ///< YYYY-MM-DD for the timelines, or NULL
  bool date_window;       ///< `date` is the first day of a window
                          ///< (ent:notBefore): the day itself is unknown
  const char *date_end;   ///< With date_window: the window's last day
                          ///< (ent:notAfter), or NULL: open-ended
  bool date_last;         ///< `date` is the last day it can have been
                          ///< (ent:notAfter alone): the day is unknown
  const char *kind_label; ///< "Official", from the ontology's class label
  const char *status;     ///< An event's status ("expected"; "expected /
                          ///< happened" where sources differ), or NULL
  uint32_t first;         ///< Its statements as subject: by_subject[first..]
  uint32_t count;
  uint32_t in_first; ///< Statements whose object it is: by_object[in_first..]
  uint32_t in_count;
  uint32_t graph_first; ///< Statements of the graph it names: by_graph[..]
  uint32_t graph_count;
  SiteKind kind;
} SNode;

typedef struct {
  EntWorld *world;
  const EntOntology *ontology;
  EntGraph *graph;
  const char *base; ///< The base most entities have: its pages at the root
  /// Every base entity IRIs start with (datasets may each name theirs),
  /// longest first, and the directory its pages go in ("" for `base`).
  const char **bases;
  const char **base_dirs;
  size_t n_bases;
  const char *lang; ///< Preferred label language
  EntPool strings;
  EntMap nodes_by_iri; ///< IRI -> node index + 1
  SNode *nodes;
  size_t n_nodes;
  size_t cap_nodes;
  SQuad *quads; ///< In emission order
  size_t n_quads;
  size_t cap_quads;
  uint32_t *by_subject; ///< Quad indices, by subject node, then order
  uint32_t *by_object;  ///< Quad indices of IRI objects, by object node
  uint32_t *by_graph;   ///< Quad indices, by named graph node, then order
  LGraph lg;            ///< The diagrams' graph, from the same statements
  size_t max_nodes;     ///< Cap of an ego diagram
  bool legend_kinds[KIND_COUNT_]; ///< Kinds drawn in the current diagram
  uint32_t legend_families;       ///< Edge style families drawn (bits)
  EntBuf scratch;
  const char *status_predicate; ///< ent:incidentStatus, interned
} Site;

/// Interned IRIs the pages look for, filled by site_index_build().
extern const char *const SITE_NAME_PREDICATES[];

// ---- index.c ----

void site_init(Site *site, EntGraph *graph, const char *lang);
void site_clear(Site *site);
/// Take one statement (an EmitFunc: `handle` is the Site).
EntStatus site_add_triple(void *handle, const Triple *triple);
/// Sort the statements by subject and object; name, date and place
/// every node.  Call once after the last statement.
EntStatus site_index_build(Site *site);
/// The node of `iri`, or ENT_NO_ENTITY.
uint32_t site_node(const Site *site, const char *iri);
/// The interned copy of `s` (NULL on no memory).
const char *site_intern(Site *site, const char *s);
/// The local name of `iri` after its last '#' or '/'.
const char *site_local_name(const char *iri);
/// The first literal of `node` for `predicate` (interned), preferring the
/// site's language; NULL if none.
const SQuad *site_value(const Site *site, uint32_t node, const char *predicate);
/// Event `k`'s status as graph `graph` gives it (ENT_NO_ENTITY: as every
/// graph does: "expected → happened" where each can follow the one before
/// as the sources' days go, else "expected / happened (sources differ)"),
/// site-owned, or NULL: none given (or no memory).
const char *site_status(Site *site, uint32_t k, uint32_t graph);
/// Count a report of `*v` by the source whose named graph is node `graph`
/// (ENT_NO_ENTITY: none): as of the day it was published, or the window
/// its notBefore and notAfter give (see ont_status_report()).
void site_status_report(const Site *site, uint32_t graph, OntStatusReports *v);
/// Whether a statement with `predicate` is shown elsewhere on a page
/// (names, types, sources) or only repeats a more specific one.
bool site_predicate_hidden(const Site *site, const SQuad *q);
/// The label of `predicate` for people ("holds post"), borrowed.
const char *site_predicate_label(Site *site, const char *predicate);
/// The ontology label of a kind ("Official").
const char *site_kind_name(SiteKind kind);
/// Dated, in the timeline (negotiations, agreements, events, statements).
bool site_kind_dated(SiteKind kind);

// ---- html.c: a page as a libxml2 tree ----

typedef struct {
  htmlDocPtr doc;
  xmlNodePtr head;
  xmlNodePtr body;
  xmlNodePtr main;
  const char *root; ///< Relative path to the site root ("../..")
  char *root_owned; ///< The same, to free
  EntBuf href;      ///< Scratch for links
} Page;

/// A page titled `title` whose directory is `dir` (NULL: the root).
EntStatus page_new(Page *pg, const char *dir, const char *title);
void page_free(Page *pg);
xmlNodePtr html_el(xmlNodePtr parent, const char *name, const char *cls);
/// An element `tag` (class `cls`, or NULL) holding a name, `text`:
/// isolated from the text around it (dir="auto") when it is written right
/// to left.
xmlNodePtr html_name(xmlNodePtr parent,
                     const char *tag,
                     const char *cls,
                     const char *text);
xmlNodePtr html_text_el(xmlNodePtr parent,
                        const char *name,
                        const char *cls,
                        const char *text);
void html_text(xmlNodePtr parent, const char *text);
void html_attr(xmlNodePtr el, const char *name, const char *value);
/// A link from `pg` to the page of node `n` (text: its name), or its name
/// as text when it has no page.
xmlNodePtr html_node_link(Page *pg,
                          const Site *site,
                          xmlNodePtr parent,
                          uint32_t n);
/// The same with the node's short name (a source as "Outlet, date").
xmlNodePtr html_node_link_short(Page *pg,
                                const Site *site,
                                xmlNodePtr parent,
                                uint32_t n);
/// A link to a file at `path` under the site root.
xmlNodePtr html_site_link(Page *pg,
                          xmlNodePtr parent,
                          const char *path,
                          const char *text);
/// The relative href from `pg` to `path` under the root (in pg->href).
const char *page_href(Page *pg, const char *path);
/// `<table class=CLS>` with a head row of `heads` (NULL-terminated); its
/// `<tbody>`.
xmlNodePtr html_table(xmlNodePtr parent,
                      const char *cls,
                      const char *const *heads);
/// `<time datetime=DAY>DAY</time>` in `parent`.
xmlNodePtr html_time(xmlNodePtr parent, const char *day);
/// When node `d` was, as a timeline says it: its day, "between DAY and
/// DAY" for a window, "no earlier than DAY" or "no later than DAY" for a
/// window open at one end, each day a <time> element.
void html_when(xmlNodePtr parent, const SNode *d);
/// `<section id=ID><h2>TITLE</h2>`.
xmlNodePtr html_section(xmlNodePtr parent, const char *id, const char *title);
/// `doc` as JSON text that may stand inside a <script> element (free()).
char *html_script_json(const json_t *doc, size_t flags);
/// Serialize `pg` as HTML5 to `stream`.
EntStatus page_write(Page *pg, FILE *stream);
/// Say which sources state something: small links to each source page.
void html_sources(Page *pg,
                  const Site *site,
                  xmlNodePtr parent,
                  const char *const *graphs,
                  size_t n);

// ---- page.c ----

/// The page of node `n`, written to `stream`.  `svg` (nullable) is its
/// ego diagram as Graphviz wrote it.
EntStatus site_entity_page(Site *site,
                           uint32_t n,
                           const char *svg,
                           size_t svg_len,
                           FILE *stream);
/// JSON-LD of `n` nodes' statements, those whose predicate is in `only`
/// (NULL-terminated; NULL: all), as one @graph (the caller frees it).
char *site_nodes_jsonld(Site *site,
                        const uint32_t *nodes,
                        size_t n,
                        const char *const *only);
/// The JSON-LD of node `n`'s own statements (the caller frees it).
char *site_entity_jsonld(Site *site, uint32_t n);

// ---- corpus.c ----

EntStatus site_index_page(Site *site, const char *title, FILE *stream);
EntStatus site_timeline_page(Site *site, const char *title, FILE *stream);
EntStatus site_sources_page(Site *site, const char *title, FILE *stream);

#endif // ENT_SITE_H
