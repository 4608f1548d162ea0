// SPDX-License-Identifier: MIT
// The labelled graph every diagram is drawn from, whether its statements
// came from the model (ent_emit) or from an RDF file raptor2 read.
#ifndef ENT_LGRAPH_H
#define ENT_LGRAPH_H

#include "../export_rdf/emit.h"

/// Kinds of symmetric axiom folded into tooltips (disjoint, different).
#define ENT_PAIRWISE_KINDS 2

/// What a node is drawn as.
typedef enum {
  KIND_OFFICIAL,
  KIND_INSTITUTION,
  KIND_OUTLET,
  KIND_DELEGATION,
  KIND_COUNTRY,
  KIND_PLACE,
  KIND_NEGOTIATION,
  KIND_INCIDENT,
  KIND_AGREEMENT,
  KIND_STATEMENT,
  KIND_TOPIC,
  KIND_SOURCE,
  KIND_POST,
  KIND_ANONYMOUS, ///< An unnamed source the article cites
  KIND_RESPONSE,  ///< Folded into an edge: agreement -> actor ("accepted")
  KIND_OTHER,
  KIND_HIDDEN,   ///< Plumbing never drawn (PROV attributions, roles)
  KIND_CLASS,    ///< A vocabulary's class (owl:Class, rdfs:Class)
  KIND_PROPERTY, ///< A vocabulary's property (rdf:Property, owl:...)
  KIND_COUNT_
} Kind;

typedef struct {
  // Pointers, then 4-byte fields, then flags: no padding between them
  // (a million nodes at 10M statements).
  const char *iri;
  const char *label;       ///< Best label so far (see label_rank)
  const char *facets;      ///< Extra label lines ("2025-03-24 · technical")
  const char *date;        ///< For the timeline: YYYY-MM-DD, or NULL
  const char *not_after;   ///< ent:notAfter: the window's last day, or NULL
  const char *tooltip;     ///< Longer text (description, quote), or NULL
  const char *date_phrase; ///< ent:datePhrase, shown for vague dates
  const char *class_iri;   ///< Class it is drawn as (for the legend)
  unsigned label_rank;     ///< Higher is better; 0 = none yet
  unsigned label_votes;    ///< Graphs that give `label` (at that rank)
  unsigned n_labels;       ///< Distinct labels graphs give at that rank
  unsigned date_rank;
  Kind kind;
  unsigned kind_rank; ///< How specific the class that set `kind` is
  uint32_t country;   ///< Node of ent:country, or ENT_NO_ENTITY
  uint32_t parent;    ///< Node of subOrganizationOf, or ENT_NO_ENTITY
  uint32_t votes;     ///< Its first labels' votes: index + 1 in LGraph.vote
  bool window : 1;    ///< `date` opens a window (ent:notBefore): the day
                      ///< itself is not known
  bool by_last : 1;   ///< `date` is the last day it can have been (an
                      ///< ent:notAfter alone): the day is not known
  bool in_view : 1;
  bool is_subject : 1;        ///< Described by the input, not merely referenced
  bool card : 1;              ///< A compare view's source: facets left-aligned
  bool inherited : 1;         ///< Drawn as a superclass of its own class
                              ///< (`class_iri`), which has no shape
  unsigned tooltip_score : 3; ///< lang_score() of `tooltip`'s language,
                              ///< less one
  uint16_t facets_left;       ///< Lines left out for room (append_facet()),
                              ///< said as "+N more" (in the padding at the end)
} LNode;

/// LEdge.dropped of an edge a frame says (see there).
enum { LEDGE_FRAMED = 2 };

typedef struct {
  uint32_t from;
  uint32_t to;
  const char *predicate; ///< IRI
  const char *label;     ///< Label drawn on the edge
  const char *graph;     ///< Named graph (source) that states it, or NULL
  uint32_t n_graphs;     ///< How many named graphs state it (0: none)
  /// Redundant or folded away (true), or LEDGE_FRAMED: not drawn, but only
  /// because a frame says it (GraphML, which has no frames, writes it)
  uint8_t dropped;
  uint16_t flags; ///< What its predicate means (EDGE_ flags in
                  ///< lgraph.c): the passes over every edge test
                  ///< bits, not strings
} LEdge;

/// A controlled value a named graph gives a node (ent:format-technical):
/// a line of its label, once every graph's values are in.
typedef struct {
  uint32_t subject;
  uint32_t order;        ///< Its place among them, for a stable sort
  const char *graph;     ///< Interned, or NULL
  const char *predicate; ///< Interned IRI
  const char *value;     ///< Its label (interned)
  const char *iri;       ///< Its IRI, the ontology's (one pointer a value)
} LConcept;

/// A statement one named graph makes about a node, kept for the compare
/// view: what each source says.
typedef struct {
  uint32_t subject;
  uint32_t object;       ///< Node, or ENT_NO_ENTITY for a literal
  const char *graph;     ///< Interned
  const char *predicate; ///< Interned IRI
  const char *value;     ///< Literal's text, or NULL
  const char *lang;      ///< An RDF file's literal's language tag
                         ///< (interned), or NULL
} LClaim;

/// The graphs a made edge stands for where they are more than one (the
/// members of a list named from several graphs): graph_list[first..first +
/// count), distinct, in LGraph.graph_list.
typedef struct {
  uint32_t edge;
  uint32_t first;
  uint32_t count;
} LGraphSet;

/// A slot of the node index: a node's IRI hash and its index + 1 (0: free).
typedef struct {
  uint32_t hash;
  uint32_t node;
} LSlot;

/// What a predicate means to the diagram, worked out once per predicate.
typedef struct LPredicate LPredicate;

/// How many graphs give one label of one node (the label a post is drawn
/// with is the one most sources give).
typedef struct {
  const char *label; ///< In the pool
  uint32_t votes;    ///< At `rank`: votes at a rank the node has left
                     ///< behind are not counted at its new one
  uint32_t rank;     ///< The node's label_rank when the votes were cast
  uint32_t next;     ///< The node's next label: index + 1 in LGraph.vote, or 0
  const char *graph; ///< The first graph that gave it (interned), or NULL:
                     ///< the default graph
} LVote;

typedef struct {
  EntWorld *world;
  const EntOntology *ontology;
  const char *lang; ///< Preferred label language
  EntPool strings;
  bool model_strings;  ///< Fed by ent_emit() from a model that outlives
                       ///< it: a node's IRI with an entity hint is the
                       ///< model's (lgraph_reserve_for())
  LSlot *index;        ///< IRI -> node: open addressing, stored hashes
  size_t index_size;   ///< Slots (a power of two, or 0)
  uint32_t *by_entity; ///< Node + 1 of the model's entity i (Node.entity
                       ///< - 1), or 0: not looked up yet
  size_t n_by_entity;  ///< Entries of by_entity
  EntPool graphs;      ///< Named graph IRIs, interned apart from the
                       ///< rest: few, so their table and their strings
                       ///< stay cached
  LNode *nodes;
  size_t n_nodes;
  size_t cap_nodes;
  LEdge *edges;
  size_t n_edges;
  size_t cap_edges;
  EntMap prefixes;    ///< Namespace IRI -> prefix, for unlabelled nodes
  EntMap declared;    ///< Namespaces the input gave a prefix
  size_t hidden_more; ///< Nodes cut by the node cap
  size_t max_nodes;   ///< The cap that cut them (--max-nodes)
  size_t shown_nodes; ///< The nodes it kept: the cap's, or fewer where the
                      ///< rest would have been drawn apart from their edges
  /// Nodes the format can lay out (LAYOUT_MAX_NODES for SVG, PNG, PDF), or
  /// 0: a larger view is refused by lgraph_select(), before the cap is said
  size_t layout_limit;
  EntMap votes; ///< "NODE\x01LABEL" -> index + 1 in vote, for a
                ///< node's labels past its first VOTE_LIST
  LVote *vote;
  size_t n_votes;
  size_t cap_votes;
  EntMap predicates; ///< Predicate IRI -> index + 1 in predicate
  LPredicate *predicate;
  size_t n_predicates;
  size_t cap_predicates;
  EntMap classes;   ///< Class IRI -> what it is drawn as (take_type)
  EntMap spellings; ///< Known IRI -> as the graph spelled it, where they
                    ///< differ (https://schema.org/: known_spelling())
  EntMap declared_inverses; ///< Property -> the inverse drawn in its stead,
                            ///< as the graph declares (declare_inverses())
  EntMap property_names;    ///< Property -> the name the graph gives it
                            ///< (name_properties())
  /// Node IRI -> index + 1 in `more`: the lines of a node its label had
  /// no room for, said in its tooltip and GraphML's details
  EntMap more_facets;
  struct LMore *more;
  size_t n_more;
  size_t cap_more;
  size_t more_bytes; ///< Bytes of them all
  EntMap pages;      ///< Node IRI -> its first schema:url: its page, the link a
                     ///< drawing gives it (lgraph_page())
  EntMap functional; ///< Properties the graph declares owl:FunctionalProperty:
                     ///< two values from two graphs differ (one_valued())
  uint32_t last_subject;  ///< Statements come by subject: its node
  const char *last_graph; ///< ... and mostly from one graph: interned
  EntBuf scratch;
  LConcept *concepts; ///< Controlled values (facets), by node and property
  size_t n_concepts;
  size_t cap_concepts;
  LClaim *literals; ///< An RDF file's other literals and classes, in order:
                    ///< said on their nodes unless entente_classes
  size_t n_literals;
  size_t cap_literals;
  LGraphSet *graph_sets; ///< By edge: made edges are added in order
  size_t n_graph_sets;
  size_t cap_graph_sets;
  uintptr_t *graph_list; ///< The sets' graphs (interned), back to back
  size_t n_graph_list;
  size_t cap_graph_list;
  bool keep_claims; ///< Keep every named graph's statements (compare)
  bool
    kept_plumbing; ///< An edge of undrawn_predicates was kept (EDGE_PLUMBING)
  /// An edge of the second of a pair of inverse properties was added
  /// (drop_inverse_edges() in lgraph.c)
  bool kept_inverse;
  bool entente_classes; ///< A node has a class of entente's own (ent:):
                        ///< the "all" view draws entente's way
  LClaim *claims;
  size_t n_claims;
  size_t cap_claims;
  /// Dates a node is given besides its `date` at the same rank (sources
  /// that disagree on a day): subject, the rank in `object`, the date in
  /// `value`.  Few: only where dates differ.
  LClaim *other_dates;
  size_t n_other_dates;
  size_t cap_other_dates;
  /// The bounds of the windows graphs give nodes (ent:notBefore or
  /// ent:notAfter in `predicate`, the day in `value`), for a day another
  /// source gives outside one (window_differs()).
  LClaim *bounds;
  size_t n_bounds;
  size_t cap_bounds;
  uint32_t *adjacency; ///< Edges of node i: adjacency[first[i]..first[i+1])
  size_t *first;       ///< (lgraph_finish(); both ends of every edge)
  size_t adjacency_of; ///< n_edges when the adjacency was built for
                       ///< every node (0: partial or none)
  double deadline;     ///< When the diagram step must be over (lgraph_now())
  double time_limit;   ///< Seconds it may take, from lgraph_init()
  unsigned long ticks; ///< lgraph_tick() calls: the clock is read every few
  bool late;           ///< The time limit was passed (and said)
  EntPhase phase;      ///< ... and which phase that is
  const char *doing;   ///< What the step is doing, for progress and errors
  /// The root of the ego view selected, or ENT_NO_ENTITY: only its own
  /// "mentioned in" edges are drawn (a view, so the graph can serve the
  /// next one unchanged).
  uint32_t ego_root;
  const char *asked_view; ///< EntDiagramOptions.view (borrowed), or "all"
  unsigned asked_depth;   ///< EntDiagramOptions.depth, at least 1
  /// Where a node links to: NULL draws no link.  When `link` itself is
  /// NULL, a node links to its IRI (web IRIs only).
  const char *(*link)(void *handle, const char *iri);
  void *link_handle;
  bool quiet_cap;    ///< Say a capped view in the drawing only, not on stderr
  bool no_legend;    ///< The page around the drawing carries the legend
  bool lang_asked;   ///< --lang was given
  uint32_t ego_skip; ///< Kinds (bits) an ego view leaves out (its root aside)
  /// Per node, the symmetric axioms folded off its edges ("disjoint with:
  /// Cheese; Fish"), or NULL; the array itself is NULL when the graph has
  /// none (fold_pairwise()).
  const char **pairwise;
  uint32_t *pairs; ///< The pairs folded, three words each: one end, the
                   ///< other, the kind (for the caption)
  size_t n_pairs;
  /// The ID of the view asked for at lgraph_init() (ego:, negotiation:,
  /// compare:) as names are compared (ent_loose_text()), or NULL; and the
  /// nodes any of whose names, aliases and other languages' included,
  /// is that (at most ENT_NAMED_AS): what resolve() falls back on.
  char *view_key;
  /// The names read in a language (tagged), and of those in --lang's:
  /// for the warning that it matched none
  unsigned long names_tagged;
  unsigned long names_in_lang;
  uint32_t *named_as;
  size_t n_named_as;
  size_t cap_named_as;
  /// The nodes one of whose names has the view's ID as a word (a
  /// surname: "ego:Мединский" for the alias "Владимир Мединский"), which
  /// resolve() falls back on when no name is the ID (at most
  /// ENT_NAMED_AS).
  uint32_t *named_word;
  size_t n_named_word;
  size_t cap_named_word;
} LGraph;

/// Seconds on a monotonic clock.
double lgraph_now(void);
/// Say that the diagram step is now `doing` something else ("laying out")
/// and report progress (`done` nodes of `total`, 0: unknown).
void lgraph_phase(LGraph *lg,
                  EntPhase phase,
                  const char *doing,
                  size_t done,
                  size_t total);
/// Called in every loop of the diagram step: every few thousand calls,
/// reports progress and checks the clock; ENT_ERR_INTERNAL (said once)
/// when the time limit is passed.
EntStatus lgraph_tick(LGraph *lg);
/// Log that the time limit was passed while doing `doing` (once), and
/// return ENT_ERR_INTERNAL.
EntStatus lgraph_too_late(LGraph *lg, const char *doing);
/// The note a capped view carries, in the drawing and on stderr: "showing
/// 150 of the view's 200,000 nodes; 199,850 left out (--max-nodes 150)".
EntStatus lgraph_cap_note(const LGraph *lg, EntBuf *out);
/// Every line of node `node`'s, those its label has no room for
/// included ("a · b · c"), or NULL when its label has them all (then its
/// `facets`).  Valid as long as `lg`.
const char *lgraph_all_facets(const LGraph *lg, size_t node);
/// Node `node`'s page (its schema:url), or NULL.
const char *lgraph_page(const LGraph *lg, size_t node);
/// How to draw fewer nodes, for messages about the cap and the limits,
/// to stand before their advice about --max-nodes: "narrow the view
/// (--view ego:ID) or ", "lower --depth or ", or "" when only --max-nodes
/// is left (an ego view of depth 1).
const char *lgraph_narrower(const LGraph *lg);
/// Graphviz recurses over nested clusters; draw.c flattens deeper nesting,
/// and lgraph_finish() looks no deeper for the clusters a node stands in.
#define MAX_CLUSTER_DEPTH 8
/// The node whose cluster node `v` is drawn in: an official's country; an
/// institution's parent institution (in view, when `in_view_only`), else
/// its country; ENT_NO_ENTITY for none.  draw.c nests clusters by it, and
/// lgraph_finish() leaves out the edges the clusters say.
uint32_t lgraph_container(const LGraph *lg, uint32_t v, bool in_view_only);
/// Past this many nodes no layout finishes in reasonable time: SVG, PNG
/// and PDF refuse a view larger (DOT and GraphML, not laid out, do not).
#define LAYOUT_MAX_NODES 5000

/// Whether `options` can be drawn at all (a known view, a language tag of
/// BCP 47's shape), said before any statement is read; logs why not.
EntStatus lgraph_check_options(EntWorld *world,
                               const EntDiagramOptions *options);

/// Start an empty graph; `options` (may be NULL) give the label language
/// and the time limit, whose clock starts now.
void lgraph_init(LGraph *lg,
                 EntWorld *world,
                 const EntOntology *ontology,
                 const EntDiagramOptions *options);
void lgraph_clear(LGraph *lg);
/// Before `graph`'s statements (ent_emit()) are added, the arrays still
/// empty: make room for the nodes and edges they will make (an estimate;
/// the arrays still grow past it), and borrow its entities' IRIs instead
/// of copying them: `graph` must outlive `lg`.
void lgraph_reserve_for(LGraph *lg, const EntGraph *graph);
/// Add a namespace prefix used to abbreviate IRIs in labels.  One the
/// input declares (`declared`) takes the place of entente's own for the
/// namespace (dct: where entente says dcterms:); the first declared wins.
EntStatus lgraph_add_prefix(LGraph *lg,
                            const char *prefix,
                            const char *ns,
                            bool declared);
/// Take one statement (an EmitFunc: `handle` is the LGraph).
EntStatus lgraph_add_triple(void *handle, const Triple *triple);
/// Fold posts and controlled values, drop redundant edges; call once
/// after the last triple.
EntStatus lgraph_finish(LGraph *lg);
/// Mark the nodes of a view (see EntDiagramOptions) as in_view.
EntStatus lgraph_select(LGraph *lg, const EntDiagramOptions *options);

/// How a relation is drawn: one style per family of relations, so that
/// the legend can show each with the relations it stands for.
typedef struct {
  const char *name;  ///< Legend text ("membership and posts")
  const char *color; ///< Line colour
  const char *style; ///< solid, dashed, dotted, bold
} EdgeStyle;
/// The style family of `predicate` (an index into lgraph_edge_styles()).
size_t lgraph_edge_style(const char *predicate);
/// Every family; `*count` receives their number.
const EdgeStyle *lgraph_edge_styles(size_t *count);

/// Style of a kind: Graphviz shape, style, fill colour, legend name.
typedef struct {
  const char *shape;
  const char *style;
  const char *fill;
  const char *name;
} KindStyle;
const KindStyle *lgraph_kind_style(Kind kind);
/// "schema:about" for an IRI in a known namespace, else its local name.
const char *lgraph_short_name(LGraph *lg, const char *iri);
/// What class `cls` is called: its label where the graph names it (wd:Q5
/// "human"), else lgraph_short_name().
const char *lgraph_class_name(LGraph *lg, const char *cls);
/// What the legend calls an edge's relation: its label, but "owl:unionOf"
/// for a list member's "owl:unionOf 1/2" and a generic name for a post.
const char *lgraph_edge_name(LGraph *lg, const LEdge *edge);
/// "disjoint (owl:disjointWith) pairs: 392, named in the nodes'
/// tooltips" (`named_in`: where the format puts them), for the pairs with
/// an end in the view, appended to `out` (on a line of its own if `out`
/// holds text); nothing when there are none.
EntStatus lgraph_pairwise_note(const LGraph *lg,
                               EntBuf *out,
                               const char *named_in);
/// What follows a node's name when sources name it differently,
/// " (+2 other names)", written into `buf`; "" otherwise.
const char *lgraph_other_names(const LNode *node, char buf[48]);
/// A node's name as drawn, into `out`: each line of it longer than 80
/// columns broken into lines of about equal length, none much over 60, at
/// spaces or between Chinese and Japanese characters, and cut where it
/// has neither; at most six lines, then "…" (`*cut` set: the drawing's
/// tooltip then gives the name whole).  docs/diagrams.md says the rules.
EntStatus lgraph_wrap_name(EntBuf *out, const char *name, bool *cut);
/// `iri` (a predicate's or class's, interned) as the graph spelled it.
const char *lgraph_spelling(const LGraph *lg, const char *iri);
/// Whether the edge is drawn in the current view.
bool lgraph_edge_visible(const LGraph *lg, const LEdge *edge);
/// Whether the edge is in the current view but left to a frame (an
/// institution's parent or country, an official's country): said by
/// formats without frames.
bool lgraph_edge_framed(const LGraph *lg, const LEdge *edge);
/// The edges drawn in the current view, in the order they were added:
/// `out` (the caller's, room for n_edges) receives their indices and
/// `*count` their number.  A capped view is read through its nodes' own
/// edges, not by a pass over every edge.
EntStatus lgraph_visible_edges(LGraph *lg, uint32_t *out, size_t *count);

/// Draw the view with Graphviz: DOT through cgraph, or laid out and
/// rendered by gvc (SVG, PNG, PDF), a view lgraph_select() kept within
/// LGraph.layout_limit.
EntStatus lgraph_draw(LGraph *lg,
                      EntDiagramFormat format,
                      const EntDiagramOptions *options,
                      FILE *stream);
/// The view as a Graphviz graph, ready for lgraph_render_svgs(), and the
/// layout engine it needs; free with lgraph_view_free().
EntStatus lgraph_view_graph(LGraph *lg,
                            const EntDiagramOptions *options,
                            void **graph,
                            const char **engine);
void lgraph_view_free(void *graph);
/// Lay out and render `n` graphs as SVG in one Graphviz child process (a
/// next one after a crash): `svg[i]` (malloc'd, `len[i]` bytes) or NULL
/// for a graph that could not be drawn (a warning said why).  Fails only
/// when the time limit passes or memory runs out.
EntStatus lgraph_render_svgs(LGraph *lg,
                             void *const *graphs,
                             const char *const *engines,
                             size_t n,
                             char **svg,
                             size_t *len);
/// Write the view as GraphML.
EntStatus lgraph_write_graphml(LGraph *lg, FILE *stream);
/// How many nodes the view holds (after lgraph_select()).
size_t lgraph_nodes_in_view(const LGraph *lg);

#endif // ENT_LGRAPH_H
