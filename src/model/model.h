// SPDX-License-Identifier: MIT
// The model: entities and facts with deterministic IRIs.  Exporters read
// it through this header; builders go through the public API.
#ifndef ENT_MODEL_H
#define ENT_MODEL_H

#include "../ontology/ontology.h"
#include "../util/util.h"

#define ENT_NO_ENTITY UINT32_MAX

#define SCHEMA_NS   "http://schema.org/"
#define ORG_NS      "http://www.w3.org/ns/org#"
#define PROV_NS     "http://www.w3.org/ns/prov#"
#define SKOS_NS     "http://www.w3.org/2004/02/skos/core#"
#define DCTERMS_NS  "http://purl.org/dc/terms/"
#define RDF_TYPE    "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#define RDFS_LABEL  "http://www.w3.org/2000/01/rdf-schema#label"
#define OWL_SAME_AS "http://www.w3.org/2002/07/owl#sameAs"
#define XSD_NS      "http://www.w3.org/2001/XMLSchema#"

typedef enum { PROP_LITERAL, PROP_RELATION, PROP_CONCEPT } PropKind;

typedef enum {
  DT_STRING,   ///< Plain string, language tag allowed
  DT_DATE,     ///< xsd:date
  DT_DURATION, ///< xsd:duration
  DT_COUNT,    ///< xsd:nonNegativeInteger
  DT_IRI,      ///< Written as an IRI node, not a literal
  DT_BOOLEAN,  ///< xsd:boolean, "true" or "false"
} Datatype;

typedef struct {
  const char *name;           ///< Name in messages ("holdsPost")
  const char *iris[2];        ///< Predicates written for a value (2nd optional)
  const char *concept_prefix; ///< For PROP_CONCEPT: ENT_NS "format-"...
  PropKind kind;
  Datatype datatype; ///< For PROP_LITERAL
} PropInfo;

typedef struct {
  const char *local; ///< Local name in ENT_NS ("Official")
  const char *path;  ///< IRI path segment ("official")
} ClassInfo;

/// A namespace prefix entente knows.
typedef struct {
  const char *prefix;
  const char *ns;
  bool in_rdf; ///< Declared in Turtle and RDF/XML output
} Prefix;

/// The prefixes of the vocabularies entente writes or draws; `*count`
/// receives their number.
const Prefix *ent_prefixes(size_t *count);

const PropInfo *ent_prop_info(EntProperty prop);

/// Whether an entity has one value of `predicate` (an IRI), so that
/// sources giving different values disagree: a status, a date, a count,
/// a venue.  Not ent:format: a meeting can be technical and bilateral at
/// once.  The one list `validate`, the diagrams and the site judge
/// disagreements by; each still lets statuses that follow one another as
/// the days go, and places one within another, pass.
bool ent_one_valued(const char *predicate);

/// The days sources allow one thing to have happened on, narrowed claim
/// by claim: a window's first day (ent:notBefore), its last
/// (ent:notAfter), or the day itself (schema:startDate,
/// schema:dateCreated).  Windows that overlap are one fact said more or
/// less precisely (17 to 23 March, 15 to 18 March, and the 18th), not a
/// disagreement; the same rule for `validate`, the diagrams and the site.
typedef struct {
  const char *from; ///< Latest first day so far (borrowed), or NULL
  const char *to;   ///< Earliest last day so far (borrowed), or NULL
} EntDaySpan;
/// Narrow `span` by a claim of `predicate` (an IRI) with value `day`
/// (YYYY-MM-DD, perhaps with a time after it); other predicates, and a
/// value that names no day, leave it as it is.
void ent_day_span_add(EntDaySpan *span, const char *predicate, const char *day);
/// Whether the claims added leave no day.
bool ent_day_span_empty(const EntDaySpan *span);
/// Whether `predicate` bounds a window (ent:notBefore, ent:notAfter):
/// sources disagree on it only where ent_day_span_empty().
bool ent_is_day_bound(const char *predicate);
/// Whether `predicate` gives a day or bounds one: ent_is_day_bound(), or
/// schema:startDate, schema:dateCreated.  Claims of different ones, each
/// with one value, still disagree where they leave no day together (the
/// 25th against 17 to 23 March).
bool ent_is_day_claim(const char *predicate);
const ClassInfo *ent_class_info(EntClass cls);
const char *ent_class_iri(EntClass cls);
const char *ent_datatype_iri(Datatype dt);

/// Where an entity or a fact was said, in 16 bytes, not EntCaret's 32 (a
/// corpus has millions of facts): a line past 32 bits is kept as 0,
/// unknown.  `column` holds the column, or (KEPT_TAG set) the ordinal of
/// the element's start tag when the column is not known (EntCaret.tag).
typedef struct {
  const char *document; ///< Interned in the graph's strings, or NULL
  uint32_t line;
  uint32_t column;
} KeptCaret;

#define KEPT_TAG UINT32_C(0x80000000)

/// `at` as a KeptCaret (its document borrowed).
static inline KeptCaret
ent_caret_keep(const EntCaret *at)
{
  uint32_t column = 0;
  if (at->column && at->column < KEPT_TAG) {
    column = (uint32_t)at->column;
  } else if (!at->column && at->tag && at->tag < KEPT_TAG) {
    column = KEPT_TAG | (uint32_t)at->tag;
  }
  return (KeptCaret){ at->document,
                      at->line <= UINT32_MAX ? (uint32_t)at->line : 0,
                      column };
}

/// `at` as an EntCaret, for messages.
static inline EntCaret
ent_caret_of(KeptCaret at)
{
  const bool tag = (at.column & KEPT_TAG) != 0;
  return (EntCaret){
    at.document, at.line, tag ? 0 : at.column, tag ? at.column & ~KEPT_TAG : 0
  };
}

typedef struct {
  // Pointers first, then the 32-bit fields and the flags together: no
  // padding (104 bytes; every entity of a corpus has one).
  const char *id; ///< Interned slug
  const char *name;
  const char *lang; ///< Of the name, or NULL
  const char *iri;
  KeptCaret at;           ///< Where it was defined (document interned)
  const char *text_path;  ///< Sources only: the article's text, or NULL
  const char *text_named; ///< Sources only: the text as the dataset names
                          ///< it, when it was found nowhere (else NULL)
  const char *text;       ///< Sources only: that text, normalised, once read
  size_t streamed;        ///< Sources only: statements streamed to its graph
  EntClass cls;
  uint32_t source;    ///< Index of its source entity
  uint32_t dataset;   ///< Ordinal (from 1) of the dataset that defined
                      ///< it; 0: the corpus registry or a builder call
  bool text_missing;  ///< Sources only: the text could not be read
  bool text_refused;  ///< Sources only: the text is not UTF-8 text, or
                      ///< empty (said once; each of its quotes fails)
  bool active;        ///< Streaming: defined by the element being read
  bool registry;      ///< Declared in the corpus registry
  bool content_keyed; ///< A post or response: one node for every source
                      ///< that reports it, typed in each one's graph
  bool repeatable;    ///< Content-keyed, and made in the element of a
                      ///< registry entity: several elements may say the
                      ///< same of it (streaming remembers what was said)
  bool transient;     ///< Streaming: made for the element being read from
                      ///< the index (or for its first reading); dropped
                      ///< when the element ends
  uint32_t key;       ///< Stable for the whole export, for the sets of what
                      ///< was said: the index of a kept entity, or
                      ///< ENT_INDEXED_KEY + its rank in the index
} Entity;

/// Element ordinals the index's table of names tells apart (later ones
/// count as this one).
#define ENT_MAX_ELEMENT 0x7FFFFFFEU

/// Keys of entities known through streaming's index (see Entity.key).
#define ENT_INDEXED_KEY 0x80000000U

/// One entity in streaming's index (16 bytes).
typedef struct {
  uint64_t key;    ///< ent_id_key() of its ID
  uint32_t source; ///< Its source entity; a post's or response's: a
                   ///< second hash of its ID
  uint32_t packed; ///< Dataset ordinal << 5 | class
} EntIndexEntry;

/// An actor's name, for delegations named after the actor they represent.
typedef struct {
  uint64_t key;
  uint32_t element; ///< Ordinal of the element that defined it
  uint32_t offset;  ///< In name_text, + 1 (0: empty slot)
} EntIndexName;

/// Streaming: what the index's entities of one dataset share.
typedef struct {
  const char *base;     ///< Their IRIs' base
  const char *document; ///< The dataset's path (interned), for messages
} EntDatasetInfo;

/// Streaming's index of the entities the datasets define (index.c).
typedef struct {
  unsigned key_bits;      ///< Tests: keys cut to this many bits (0: 64)
  EntIndexEntry *entries; ///< Sorted by key once sealed
  size_t n;
  size_t cap;
  uint32_t *dir; ///< Entries whose key's top `bits` bits are b: dir[b] ..
  unsigned bits; ///< .. dir[b + 1]
  bool sealed;
  size_t element_start; ///< Entries the current element added start here
  uint64_t *suspects;   ///< Keys two definitions share (resolved exactly)
  size_t n_suspects;
  size_t cap_suspects;
  EntIndexName *names;
  size_t size_names; ///< A power of two (or 0)
  size_t n_names;
  EntBuf name_text;
} EntIndex;

/// A 64-bit fingerprint of an entity ID.
uint64_t ent_id_key(const char *id);
/// The index's key of `id`: ent_id_key(), cut to key_bits if set.
uint64_t ent_index_key(const EntIndex *index, const char *id);
/// Append an entity to the (unsealed) index.
EntStatus ent_index_add(EntIndex *index,
                        const char *id,
                        EntClass cls,
                        uint32_t dataset,
                        uint32_t source);
/// Sort the index; keys of more than one entity become suspects.
EntStatus ent_index_seal(EntIndex *index);
/// The entry of `id` in the sealed index and its rank, or NULL.
const EntIndexEntry *ent_index_find(const EntIndex *index,
                                    const char *id,
                                    uint32_t *rank);
EntClass ent_index_class(const EntIndexEntry *entry);
uint32_t ent_index_dataset(const EntIndexEntry *entry);
/// Whether the key of `id` is one that two definitions share.
bool ent_index_suspect(const EntIndex *index, const char *id);
/// Remember the name of actor `id`, defined by element `element`.
EntStatus ent_index_put_name(EntIndex *index,
                             const char *id,
                             uint32_t element,
                             const char *name);
/// The name of actor `key` if an element before `element` defined
/// it (borrowed from the index), or NULL.
const char *ent_index_name(const EntIndex *index,
                           const char *id,
                           uint32_t element);
void ent_index_free(EntIndex *index);

typedef struct {
  uint32_t subject;
  EntProperty prop;
  uint32_t object;   ///< PROP_RELATION: entity index
  uint32_t source;   ///< Its source entity, or ENT_NO_ENTITY
  const char *value; ///< PROP_LITERAL: lexical form; PROP_CONCEPT: IRI
  const char *lang;
  KeptCaret at;
} Fact;

struct EntGraphImpl {
  EntWorld *world;
  const EntOntology *ontology;
  const char *base;            ///< Base of IRIs minted now
  const char *own_base;        ///< Base given to ent_graph_new (or the default)
  bool wrong_class_as_subject; ///< wrong_class_id was a relation's subject
  bool base_fixed;             ///< The caller chose the base: datasets may not
  EntPool strings;
  EntMap ids; ///< slug -> entity index + 1
  /// Sources only (slug -> index + 1), read whole: elements switch
  /// sources often, and this table and its keys (copied together into
  /// `source_keys`) stay in the cache where `ids` and `strings` do not.
  EntMap source_ids;
  EntPool source_keys;
  Entity *entities;
  size_t n_entities;
  size_t cap_entities;
  Fact *facts;
  size_t n_facts;
  size_t cap_facts;
  uint32_t current_source;
  /// The last end of a relation found undefined, and where (its ID in
  /// `strings`): a delegation leader is the subject of two relations, a
  /// head's institution the object of three, and one misspelling is one
  /// error.
  const char *unknown_id;
  KeptCaret unknown_id_at;
  /// The entity last said to be of the wrong class for a relation, and
  /// where (wrong_class_said()): one attribute makes several relations
  const char *wrong_class_id;
  KeptCaret wrong_class_at; ///< (and wrong_class_as_subject, with base_fixed)
  /// References a dataset of a corpus made to IDs not defined when it was
  /// read (the first MAX_UNKNOWN_REFS): a dataset read later may define
  /// one, which ent_graph_explain_unknown_refs() says.
  struct UnknownRef *unknown_refs;
  size_t n_unknown_refs;
  size_t n_suggested; ///< Unknown IDs a misspelling was looked for
  /// Unknown ID -> what it most likely misspells ("" for none), in
  /// `strings`: an ID misspelt the same way many times is looked for once
  /// and gets the same suggestion each time
  EntMap suggested;
  size_t n_ref_scans; ///< Streaming: refs looked for in the unsealed index

  // Corpora (ent_graph_load_corpus): the registry's entities come first,
  // their facts in the corpus graph; each dataset after it may refer to
  // them and to its own entities only.
  uint32_t corpus;          ///< The corpus entity, or ENT_NO_ENTITY
  const char *corpus_dir;   ///< Its directory (interned), or NULL
  bool loading_registry;    ///< Reading corpus.xml or a registry file
  bool write_registry;      ///< Exporters write the corpus graph
  uint32_t current_dataset; ///< Ordinal of the dataset being read, or 0
  uint32_t n_datasets;      ///< Datasets read so far (in this pass)
  EntMap referred;          ///< IDs a ref= of the current dataset named
  const char **text_dirs;   ///< Directories texts may be read from
  size_t n_text_dirs;

  // Streaming export (see ent_export_rdf_stream): first every dataset is
  // read for its entities only, then again element by element, writing
  // each element's statements and forgetting its facts.
  int stream_phase;  ///< STREAM_OFF, STREAM_INDEX or STREAM_WRITE
  size_t kept_facts; ///< Streaming: facts [0, kept_facts) are the
                     ///< registry's, kept until they are written
  EntStatus (*flush)(void *handle, EntGraph *graph); ///< After an element
  void *flush_handle;
  uint32_t *active; ///< Entities defined by the current element
  size_t n_active;
  size_t cap_active;
  EntPool element_strings;  ///< Values of the current element
  EntIndex index;           ///< Streaming: the datasets' entities
  size_t n_kept;            ///< Streaming: entities [0, n_kept) are kept
                            ///< records (registry, corpus, sources, IDs the
                            ///< index could not tell apart); the rest are
                            ///< the current element's, made from the index
  EntMap element_ids;       ///< Streaming: ID -> index + 1 of those
  EntDatasetInfo *datasets; ///< Streaming: by dataset ordinal
  size_t n_datasets_known;  ///< Size of `datasets`
  bool actor_known[ENT_CLASS_COUNT_]; ///< actor_class set for each class
  bool actor_class[ENT_CLASS_COUNT_]; ///< A subclass of ent:Actor
  /// Whether the ontology declares each class: 0 not asked yet, 1 yes,
  /// 2 no, 3 no and said (declared_class() in graph.c asks once per class)
  uint8_t class_declared[ENT_CLASS_COUNT_];
  /// The property's lack in the ontology was said (declared_property())
  bool prop_undeclared_said[ENT_PROP_COUNT_];
  EntMap text_overrides; ///< Source ID -> text path given by the caller
  void *emit_cache;      ///< Owned by the emitter
  /// The source text quotes were last searched in, and its length: a
  /// source's quotes come together, and a text may be 64 MiB.
  const char *searched_text;
  size_t searched_len;

  // Progress reports (ent_progress()): bytes of the datasets read in this
  // pass (of `input_total`, or 0: unknown), elements, statements written.
  unsigned long long input_total;
  unsigned long long input_done; ///< Datasets finished in this pass
  unsigned long long elements;
  unsigned long long statements;
  void (*free_emit_cache)(void *cache);
};

/// Room for what ent_where() writes: a path, a line and a column.
#define ENT_WHERE_MAX 4200

/// Where `at` is, as a message of `level` cites it in its text
/// ("FILE:LINE:COLUMN": ent_world_where()), into `buf`, which is returned.
static inline const char *
ent_where(const EntGraph *g,
          EntLogLevel level,
          KeptCaret at,
          char *buf,
          size_t size)
{
  const EntCaret caret = ent_caret_of(at);
  return ent_world_where(g->world, level, &caret, buf, size);
}

enum { STREAM_OFF, STREAM_INDEX, STREAM_RESOLVE, STREAM_WRITE };

// ---- Internal calls for loaders -----------------------------------------

/// Mint IRIs of entities added from now on under `base` (the dataset's),
/// unless the caller fixed the base when making the graph.  NULL restores
/// the graph's own base.
EntStatus ent_graph_use_base(EntGraph *graph, const char *base);
/// Attribute the facts added from now on to no source: the source named
/// was refused (and said), and what it reports is still checked.
void ent_graph_use_no_source(EntGraph *graph);
/// The language tag of entity `id`'s name, or NULL (none, or not known).
const char *ent_graph_name_lang(const EntGraph *graph, const char *id);
/// The name of entity `id`, or NULL.
const char *ent_graph_name(const EntGraph *graph, const char *id);
/// The ID of entity `entity` (an index), or NULL past the last one.
const char *ent_graph_entity_id(const EntGraph *graph, uint32_t entity);
/// The entity of `id` among those read so far (streaming: the kept ones
/// and the current element's), or ENT_NO_ENTITY.
uint32_t ent_graph_find_read(const EntGraph *graph, const char *id);
/// The entity of `id`, or ENT_NO_ENTITY.  Streaming, an entity of another
/// element is made from the index for the current element.
uint32_t ent_graph_find(EntGraph *graph, const char *id);
/// A reference to an ID not defined when its dataset was read.
struct UnknownRef {
  const char *id; ///< In the graph's strings
  KeptCaret at;
  uint32_t dataset; ///< Ordinal of the dataset that made it
};

/// After every dataset of a run is read whole: for each reference to an
/// ID not defined when its dataset was read that a dataset read later
/// defines, a note at the reference naming that definition (one that a
/// dataset read earlier defines was said in the error itself).
void ent_graph_explain_unknown_refs(EntGraph *graph);
/// Remember that `id`, said at `at` by the dataset being read, names no
/// entity it may refer to, for ent_graph_explain_unknown_refs() (a whole
/// read only; the first 256).
void ent_graph_remember_unknown_ref(EntGraph *graph,
                                    const char *id,
                                    const EntCaret *at);

/// The ID the dataset being read may refer to that `id` most likely
/// misspells (one edit, two in an ID of 8 bytes or more, case aside; one
/// such ID, not two; never `subject`; of class `cls` unless it is
/// ENT_CLASS_COUNT_; the registry's only if `registry_only`), borrowed
/// from the graph, or NULL; not while streaming, whose index keeps
/// fingerprints of IDs, and for the first few errors of a read only (each
/// look reads every ID).
const char *ent_graph_likely_meant(EntGraph *graph,
                                   const char *id,
                                   uint32_t subject,
                                   EntClass cls,
                                   bool registry_only);

/// ent_graph_relate() with either end already found: `subject` and
/// `object` are what ent_graph_find() gave for `id` and `object_id`, or
/// ENT_NO_ENTITY to look that end up by its ID (which may be NULL for an
/// end that is given).  The loader finds most ends while reading, when
/// their IDs are in the cache, instead of once more for every relation.
/// `said_as` is what the input calls the object (a dataset's attribute:
/// "outlet", "participants"), which messages name instead of the
/// property, or NULL.
EntStatus ent_graph_relate_found(EntGraph *graph,
                                 uint32_t subject,
                                 const char *id,
                                 EntProperty prop,
                                 uint32_t object,
                                 const char *object_id,
                                 const char *said_as,
                                 const EntCaret *at);
/// The IRI of entity `id` of class `cls` under `base`, appended to `out`.
EntStatus ent_mint_iri(EntBuf *out,
                       const char *base,
                       EntClass cls,
                       const char *id);
/// Streaming, first pass: put entity `id` in the index (and `name`, if it
/// is an actor's).
EntStatus ent_graph_index_entity(EntGraph *graph,
                                 const char *id,
                                 EntClass cls,
                                 const char *name,
                                 const EntCaret *at);
/// Whether a new entity `id` of class `cls` is made for the current element
/// only (*transient: streaming's datasets' entities) or kept (sources, the
/// registry, a whole read; the IDs the third pass reads exactly).  In the
/// first pass the entity goes to the index (`name` kept if an actor's); a
/// later pass that finds an entity the first did not is an error (the
/// file changed in between).
EntStatus ent_graph_place(EntGraph *graph,
                          EntClass cls,
                          const char *id,
                          const char *name,
                          const EntCaret *at,
                          bool *transient);
/// Streaming: find the line of the definition of `e`, made from the index
/// (which keeps its dataset, not its line), for a message about it.
void ent_graph_locate(EntGraph *graph, Entity *e);
/// Tests: cut the index's keys to `bits` bits (0: all 64), so that
/// collisions, which 64 bits make rare, are common.
void ent_graph_set_key_bits(EntGraph *graph, unsigned bits);
/// Streaming: seal the index after the first pass; *suspects receives
/// how many keys a third pass must resolve.
EntStatus ent_graph_seal_index(EntGraph *graph, size_t *suspects);
/// The text a dataset names for source `source_id`, unless the caller
/// gave another with ent_graph_set_source_text().
EntStatus ent_graph_dataset_source_text(EntGraph *graph,
                                        const char *source_id,
                                        const char *path);
/// A dataset's element with ref="ID" adds the current source's claims to
/// registry entity `id`, which must have class `cls`; each entity once
/// per dataset.
EntStatus ent_graph_refer(EntGraph *graph,
                          EntClass cls,
                          const char *id,
                          const EntCaret *at);
/// corpus.xml is read: make the corpus entity, whose graph every registry
/// fact goes to.
EntStatus ent_graph_begin_corpus(EntGraph *graph,
                                 const char *id,
                                 const char *title,
                                 const char *lang,
                                 const EntCaret *at);
/// Start reading the next dataset (ordinals count from 1 in each pass);
/// `path` is where it is, for messages.
void ent_graph_begin_dataset(EntGraph *graph);
/// Before a whole-graph load of `bytes` of datasets: room for the facts
/// and entities they may hold, so that those arrays are not copied as they
/// grow (a copy leaves a hole of touched memory: 10M validate, 96 MB).  A
/// hint: room never used is address space, not memory, and if it cannot
/// be had the arrays grow as they go.
void ent_graph_reserve_input(EntGraph *graph, unsigned long long bytes);
/// Where a source's text is, resolved under the allowed directories
/// (`dataset_dir` first when the dataset is outside any corpus).  Logs and
/// returns an error for a path that may not be used; *out is NULL when
/// the text is nowhere (the quotes then go unchecked, with a warning).
EntStatus ent_graph_resolve_text(EntGraph *graph,
                                 const char *text,
                                 const char *dataset_dir,
                                 const EntCaret *at,
                                 char **out);
/// The post ent_graph_add_post() describes, made (or found) without its
/// relations: a loader relates it once every entity is read.
EntStatus ent_graph_make_post(EntGraph *graph,
                              const char *holder_id,
                              const char *body_id,
                              const char *role,
                              const char *title,
                              const char *lang,
                              const EntCaret *at,
                              const char **post_id);
/// The response ent_graph_add_response() describes, without its relations.
EntStatus ent_graph_make_response(EntGraph *graph,
                                  const char *agreement_id,
                                  const char *respondent_id,
                                  const char *kind,
                                  const EntCaret *at,
                                  const char **response_id);
/// Record that the dataset names `named` as the text of source `source_id`
/// but it was found in no allowed directory.
EntStatus ent_graph_text_not_found(EntGraph *graph,
                                   const char *source_id,
                                   const char *named);
/// The class names used in messages ("official").
const char *ent_class_noun(EntClass cls);
/// Streaming: mark every registry entity as being read, so that the next
/// ent_emit_pending() describes them.
EntStatus ent_graph_activate_registry(EntGraph *graph);
/// Streaming: the current element is read; write it and forget its facts.
EntStatus ent_graph_end_element(EntGraph *graph);
/// Report how far the reading of datasets is, `file_done` bytes into the
/// current one.
void ent_graph_report_progress(EntGraph *graph, unsigned long long file_done);
/// Check the quote of fact `f` (if it is one) against its source's text;
/// counts misses in `*misses`.
EntStatus ent_graph_check_fact_quote(EntGraph *graph,
                                     const Fact *f,
                                     unsigned long *misses);

#endif // ENT_MODEL_H
