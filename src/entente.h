// SPDX-License-Identifier: MIT
// entente: news about diplomacy as a knowledge graph.

/**
 * @file entente.h
 * The one public header of libentente.
 *
 * The pipeline runs one way: load -> model -> export.  A program makes an
 * EntWorld, loads an EntOntology, builds an EntGraph (by hand through the
 * builder calls below, or from a dataset file with ent_load_dataset), and
 * hands the graph to an exporter.
 *
 * Ownership: every object returned through an `out` parameter belongs to
 * the caller and is freed with its own ent_*_free(), which accepts NULL.
 * Strings passed in are copied; strings returned are borrowed and valid
 * until the object that returned them is freed.
 */
#ifndef ENTENTE_H
#define ENTENTE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#if defined(__GNUC__)
#define ENT_API __attribute__((visibility("default")))
#else
#define ENT_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/// The version of the library as built, "MAJOR.MINOR.PATCH" (static).
ENT_API const char *ent_version(void);

/// The ontology namespace (prefix `ent:`).
#define ENT_NS "https://w3id.org/entente/ns#"
/// Namespace of the elements of entente's XML datasets (not RDF).
#define ENT_FORMAT_NS "https://w3id.org/entente/format/1"
/// The base IRI used for entities when a dataset names none.
#define ENT_DEFAULT_BASE "https://w3id.org/entente/id/"

/// Status codes.  Values are never renumbered.
typedef enum {
  ENT_SUCCESS = 0,           ///< Done
  ENT_FAILURE = 1,           ///< Non-fatal: nothing to do, or not found
  ENT_ERR_NO_MEMORY = 2,     ///< Out of memory
  ENT_ERR_IO = 3,            ///< Reading or writing a file failed
  ENT_ERR_SYNTAX = 4,        ///< Input is not well-formed
  ENT_ERR_SCHEMA = 5,        ///< Input breaks the dataset schema
  ENT_ERR_BAD_ARG = 6,       ///< A caller passed an invalid argument
  ENT_ERR_BAD_VALUE = 7,     ///< A value is malformed (IRI, language tag...)
  ENT_ERR_BAD_DATE = 8,      ///< A date is not a real YYYY-MM-DD date
  ENT_ERR_EMPTY_NAME = 9,    ///< A name or text is empty
  ENT_ERR_UNKNOWN_ID = 10,   ///< A reference names no entity
  ENT_ERR_DUPLICATE_ID = 11, ///< An ID is declared twice
  ENT_ERR_WRONG_CLASS = 12,  ///< A relation's end has the wrong class
  ENT_ERR_UNDECLARED = 13,   ///< A term is not declared in the ontology
  ENT_ERR_QUOTE = 14,        ///< A quote does not appear in its source text
  ENT_ERR_ONTOLOGY = 15,     ///< The ontology is unusable
  ENT_ERR_INTERNAL = 16,     ///< A library failed unexpectedly
  ENT_ERR_TOO_LARGE = 17,    ///< Past a documented limit of the format
} EntStatus;

/// A one-sentence description of `status`, without a trailing period.
ENT_API const char *ent_strerror(EntStatus status);

/// A position in an input document; line and column count from 1, 0 = unknown.
typedef struct {
  const char *document; ///< File name, or NULL
  unsigned long line;
  unsigned long column;
  /// For a message about an XML element whose column is not known: the
  /// element's start tag is the `tag`th of `document` (from 1; 0: none).
  /// A message given with it is reported at that tag's line and column
  /// (read from the file; `line` stands if the file cannot be read).
  unsigned long tag;
} EntCaret;

/// Severity of a logged message.
typedef enum { ENT_LOG_ERROR, ENT_LOG_WARNING, ENT_LOG_NOTE } EntLogLevel;

/**
 * Receives every diagnostic.  `caret` may be NULL when no input position is
 * involved.  `message` is one line, borrowed for the duration of the call.
 */
typedef void (*EntLogFunc)(void *handle,
                           EntLogLevel level,
                           EntStatus status,
                           const EntCaret *caret,
                           const char *message);

/// Library state: the raptor world and libxml2 set-up, and the log sink.
typedef struct EntWorldImpl EntWorld;
/// The ontology: which `ent:` terms exist, their hierarchy, domains, ranges.
typedef struct EntOntologyImpl EntOntology;
/// A knowledge graph under construction.
typedef struct EntGraphImpl EntGraph;

/**
 * Make a world.  Diagnostics go to stderr as `file:line:col: error: message`
 * until ent_world_set_log() says otherwise.  Free with ent_world_free(),
 * after every object made from it.
 */
ENT_API EntStatus ent_world_new(EntWorld **out);
ENT_API void ent_world_free(EntWorld *world);
/// Send diagnostics to `func` (NULL restores the stderr default).
ENT_API void ent_world_set_log(EntWorld *world, EntLogFunc func, void *handle);
/// The stderr default of ent_world_set_log() (`handle` unused), for a log
/// function of the caller's that filters or prepares, then forwards.
ENT_API void ent_log_to_stderr(void *handle,
                               EntLogLevel level,
                               EntStatus status,
                               const EntCaret *caret,
                               const char *message);
/**
 * Copy `text` into `out` (`size` bytes, always NUL-terminated when `size`
 * is not 0) so that a terminal shows it as written: control characters
 * (C0, DEL, C1), line and paragraph separators and bidirectional
 * controls become escapes (`\x1B`, `\u202E`), as do bytes that are not
 * UTF-8; a backslash stays one.  Every message given to an EntLogFunc
 * has been through this, its document name too.  Returns the length the
 * whole copy needs (like snprintf); at most 4 bytes per input byte.
 */
ENT_API size_t ent_terminal_safe(const char *text, char *out, size_t size);

/// Number of errors logged through `world` so far.
ENT_API unsigned long ent_world_error_count(const EntWorld *world);
/// Number of warnings logged through `world` so far.
ENT_API unsigned long ent_world_warning_count(const EntWorld *world);
/// Whether an error of `status` was logged through `world` so far (a run
/// that ends on ENT_ERR_NO_MEMORY after data errors has not said it yet).
ENT_API bool ent_world_logged(const EntWorld *world, EntStatus status);
/**
 * Let one export work in parallel (`threads` 0 is taken as 1, the
 * default: everything runs in the calling thread).  With 2 or more,
 * ent_export_rdf_stream() serializes in a second thread while the calling
 * one reads, and a third, mostly waiting on the kernel, writes the
 * serialized blocks to the FILE: faster when a core is free.  The output
 * is the same byte for byte, and log callbacks still come from the
 * calling thread.
 */
ENT_API void ent_world_set_threads(EntWorld *world, unsigned threads);

/// The phases of a long run that report progress.
typedef enum {
  ENT_PHASE_READ,    ///< Reading datasets into a graph held in memory
  ENT_PHASE_INDEX,   ///< Streaming, first pass: checking, indexing entities
  ENT_PHASE_WRITE,   ///< Streaming, second pass: writing statements
  ENT_PHASE_DIAGRAM, ///< Building a diagram's view of a graph
  ENT_PHASE_LAYOUT,  ///< Graphviz laying out and rendering a diagram
  ENT_PHASE_PAGES,   ///< Writing a site's pages (done, total: pages)
} EntPhase;

/// How far a phase is.
typedef struct {
  EntPhase phase;
  unsigned long long done;       ///< READ, INDEX, WRITE: bytes of the datasets
                                 ///< read; DIAGRAM, LAYOUT: nodes
  unsigned long long total;      ///< What `done` counts up to, or 0: unknown
  unsigned long long elements;   ///< Dataset elements read in this phase
  unsigned long long statements; ///< WRITE: statements written so far
} EntProgress;

/// Told how far a long run is (from the calling thread, every few
/// thousand elements and when a phase begins; `progress` is borrowed).
typedef void (*EntProgressFunc)(void *handle, const EntProgress *progress);

/// Report progress to `func` (NULL: no reports, the default).
ENT_API void ent_world_set_progress(EntWorld *world,
                                    EntProgressFunc func,
                                    void *handle);

/**
 * N-Triples, N-Quads, Turtle, TriG and JSON-LD are written in UTF-8, as
 * RDF 1.1 and JSON define them.  With `ascii`, every character past U+007F
 * in an IRI or a literal is written as a \uXXXX or \UXXXXXXXX escape
 * instead (JSON-LD: \uXXXX, past U+FFFF as a surrogate pair), for tools
 * that read only ASCII; the statements are the same.
 */
ENT_API void ent_world_set_ascii(EntWorld *world, bool ascii);

/// The vocabulary files the library carries (ent_document()).
typedef enum {
  ENT_DOCUMENT_ONTOLOGY, ///< The OWL ontology, Turtle (ontology/entente.ttl)
  ENT_DOCUMENT_SHAPES,   ///< SHACL shapes of the exports, Turtle
  ENT_DOCUMENT_CONTEXT,  ///< The JSON-LD context of the JSON-LD exports
  ENT_DOCUMENT_SCHEMA,   ///< The RELAX NG schema of datasets
} EntDocument;

/**
 * The text of `document` as built into the library (static, not
 * NUL-terminated for writing: use `*size` bytes), or NULL for an unknown
 * one.  The same files are installed under share/entente/.
 */
ENT_API const char *ent_document(EntDocument document, size_t *size);

/**
 * Load the ontology from a Turtle file, or the one built into the library
 * when `path` is NULL.  Free with ent_ontology_free().
 */
ENT_API EntStatus ent_ontology_load(EntWorld *world,
                                    const char *path,
                                    EntOntology **out);
ENT_API void ent_ontology_free(EntOntology *ontology);

/// Classes of entities.
typedef enum {
  ENT_CLASS_SOURCE,           ///< A news article or report the facts come from
  ENT_CLASS_OUTLET,           ///< A news outlet or platform
  ENT_CLASS_COUNTRY,          ///< A country
  ENT_CLASS_PLACE,            ///< A city, region or sea
  ENT_CLASS_INSTITUTION,      ///< A government body, ministry, alliance
  ENT_CLASS_OFFICIAL,         ///< A person acting in an official capacity
  ENT_CLASS_POST,             ///< A post an official holds
  ENT_CLASS_TOPIC,            ///< A subject of negotiation
  ENT_CLASS_NEGOTIATION,      ///< Talks, meetings, calls
  ENT_CLASS_DELEGATION,       ///< A side's team at a negotiation
  ENT_CLASS_QUOTATION,        ///< A verbatim quote
  ENT_CLASS_PARAPHRASE,       ///< Reported speech
  ENT_CLASS_AGREEMENT,        ///< An agreement or a proposal
  ENT_CLASS_INCIDENT,         ///< A strike, attack, visit, suspension...
  ENT_CLASS_ANONYMOUS_SOURCE, ///< An unnamed person a source cites
  ENT_CLASS_RESPONSE,         ///< What an actor did about an agreement
  ENT_CLASS_CORPUS,           ///< A corpus: its IRI names the registry graph
  ENT_CLASS_COUNT_
} EntClass;

/// Properties an entity can have: literals, relations and controlled values.
typedef enum {
  // Literal values
  ENT_PROP_ALIAS,           ///< Another name or spelling (lang allowed)
  ENT_PROP_DESCRIPTION,     ///< Free text (lang allowed)
  ENT_PROP_URL,             ///< Web address (absolute IRI)
  ENT_PROP_SAME_AS,         ///< The same thing elsewhere (absolute IRI)
  ENT_PROP_TITLE,           ///< A source's title
  ENT_PROP_PUBLISHED,       ///< A source's publication date (YYYY-MM-DD)
  ENT_PROP_START_DATE,      ///< YYYY-MM-DD
  ENT_PROP_END_DATE,        ///< YYYY-MM-DD
  ENT_PROP_DATE_PHRASE,     ///< The source's wording of a date
  ENT_PROP_TEXT,            ///< A statement's words
  ENT_PROP_DATE_CREATED,    ///< When a statement was made or an agreement
                            ///< reached (YYYY-MM-DD)
  ENT_PROP_DURATION,        ///< xsd:duration, e.g. P30D
  ENT_PROP_TARGET_DATE,     ///< YYYY-MM-DD an agreement aims at
  ENT_PROP_DEATHS,          ///< Exact number of people killed
  ENT_PROP_DEATHS_AT_LEAST, ///< Lower bound of people killed
  ENT_PROP_NOT_BEFORE,      ///< A vague date's window opens (YYYY-MM-DD)
  ENT_PROP_NOT_AFTER,       ///< A vague date's window closes (YYYY-MM-DD)
  // Relations to other entities
  ENT_PROP_NATIONALITY,
  ENT_PROP_HOLDS_POST,
  ENT_PROP_POST_IN,
  ENT_PROP_HEAD_OF,
  ENT_PROP_MEMBER_OF,
  ENT_PROP_SUB_ORGANIZATION_OF,
  ENT_PROP_COUNTRY,
  ENT_PROP_CONTAINED_IN_PLACE,
  ENT_PROP_LOCATION,
  ENT_PROP_PART_OF,
  ENT_PROP_DELEGATION,
  ENT_PROP_PARTICIPANT,
  ENT_PROP_REPRESENTS,
  ENT_PROP_TOPIC,
  ENT_PROP_SPEAKER,
  ENT_PROP_MEDIUM,
  ENT_PROP_ADDRESSEE,
  ENT_PROP_CONCERNS,
  ENT_PROP_PROPOSED_BY,
  ENT_PROP_AGREED_BY,
  ENT_PROP_BACKED_BY,
  ENT_PROP_PARTY,
  ENT_PROP_RESPONSIBLE,
  ENT_PROP_REPORTED_BY,
  ENT_PROP_PUBLISHER,
  ENT_PROP_CITES_OUTLET,
  // Controlled values, named by the ontology (e.g. "technical")
  ENT_PROP_FORMAT,
  ENT_PROP_NEGOTIATION_STATUS,
  ENT_PROP_AGREEMENT_STATUS,
  ENT_PROP_INCIDENT_TYPE,
  // Added with the corpus model (values above are never renumbered)
  ENT_PROP_NAME,      ///< A name as one source gives it (a post's title)
  ENT_PROP_FRAGMENT,  ///< "true": a quote that is only a fragment
  ENT_PROP_CONDITION, ///< A condition of an agreement (lang allowed)
  ENT_PROP_BYLINE,    ///< A source's byline
  ENT_PROP_LICENSE,   ///< A corpus's licence (absolute IRI)
  ENT_PROP_HOST,
  ENT_PROP_MEDIATOR,
  ENT_PROP_OBSERVER,
  ENT_PROP_ABSENT_PARTY,
  ENT_PROP_REFUSING_PARTY,
  ENT_PROP_VENUE,
  ENT_PROP_OCCASION,
  ENT_PROP_RELAYED_BY,
  ENT_PROP_AFFILIATION,
  ENT_PROP_INSTRUMENT,
  ENT_PROP_RESPONSE,
  ENT_PROP_RESPONDENT,
  ENT_PROP_WIRE_SERVICE,
  ENT_PROP_ROLE,            ///< Controlled: a post's role ("chair")
  ENT_PROP_SETTING,         ///< Controlled: where a statement was made
  ENT_PROP_PRESS_ACCESS,    ///< Controlled: "closed", "open", "partial"
  ENT_PROP_RESPONSE_KIND,   ///< Controlled: "accepted", "rejected"...
  ENT_PROP_INCIDENT_STATUS, ///< Controlled: "expected", "happened"...
  ENT_PROP_RESPONSE_TO,     ///< A response's agreement (ENT_PROP_RESPONSE's
                            ///< inverse, written as schema:object)
  ENT_PROP_COUNT_
} EntProperty;

/**
 * Make an empty graph whose entity IRIs start with `base_iri` (NULL for
 * ENT_DEFAULT_BASE; must be absolute and end in '/' or '#').  The graph
 * borrows `ontology`, which must outlive it.  Free with ent_graph_free().
 */
ENT_API EntStatus ent_graph_new(EntWorld *world,
                                const EntOntology *ontology,
                                const char *base_iri,
                                EntGraph **out);
ENT_API void ent_graph_free(EntGraph *graph);

/**
 * True if `iri` can be a base for entity IRIs: an absolute IRI (RFC 3987)
 * (http and https with a host; not javascript:, data: or file:), ending
 * in '/' or '#' (ent_base_problem()).  For checking a user's --base
 * before any work.
 */
ENT_API bool ent_iri_usable_as_base(const char *iri);
/**
 * Whether `iri` is not usable as the base of entities' IRIs (an absolute
 * IRI of a scheme safe to link, http(s) with a host, ending in '/' or
 * '#', with no '.' or '..' segment and a port that can be): then what is
 * wrong with it, written
 * into `why` (`size` bytes) to follow the IRI in a message ("holds '{',
 * which an IRI may not; write it as %7B").
 */
ENT_API bool ent_base_problem(const char *iri, char *why, size_t size);

/**
 * True if `iri` is an absolute IRI per RFC 3987 (no bidi controls, a
 * non-empty host for http(s), well-formed percent-escapes).
 */
ENT_API bool ent_iri_is_valid(const char *iri);

/**
 * True if `iri` uses a scheme that runs code or reads local files when a
 * reader follows it (javascript:, vbscript:, data:, file:, in any case):
 * entente writes no such IRI, and a caller's (push --graph) is refused.
 */
ENT_API bool ent_is_unsafe_scheme(const char *iri);

/**
 * Add an entity.  `id` is a slug (`[a-z0-9]`, inner `-`) unique in the
 * graph; `name` is non-empty UTF-8 with optional language tag `lang`.
 * Facts added after ent_graph_use_source() come from that source; the first
 * source added is the default.  `at` (nullable) is where the caller read
 * this, for messages.
 */
ENT_API EntStatus ent_graph_add_entity(EntGraph *graph,
                                       EntClass cls,
                                       const char *id,
                                       const char *name,
                                       const char *lang,
                                       const EntCaret *at);

/// Attribute the facts added from now on to source `source_id`.
ENT_API EntStatus ent_graph_use_source(EntGraph *graph,
                                       const char *source_id,
                                       const EntCaret *at);

/**
 * Add a literal value of a literal property to entity `id`.  The value is
 * checked against the property's datatype (dates, durations, counts, IRIs).
 */
ENT_API EntStatus ent_graph_add_value(EntGraph *graph,
                                      const char *id,
                                      EntProperty prop,
                                      const char *value,
                                      const char *lang,
                                      const EntCaret *at);

/**
 * Relate entity `id` to entity `object_id`.  Both must exist, and their
 * classes must fit the property's domain and range in the ontology.
 */
ENT_API EntStatus ent_graph_relate(EntGraph *graph,
                                   const char *id,
                                   EntProperty prop,
                                   const char *object_id,
                                   const EntCaret *at);

/**
 * Give entity `id` a controlled value (say ENT_PROP_FORMAT, "technical").
 * The value must be one the ontology declares for the property's range.
 */
ENT_API EntStatus ent_graph_set_concept(EntGraph *graph,
                                        const char *id,
                                        EntProperty prop,
                                        const char *value,
                                        const EntCaret *at);

/**
 * Say that official `holder_id` holds a post in body `body_id` (an
 * institution, outlet, delegation or country; NULL when the source names
 * none) with controlled role `role` (a value the ontology declares for
 * ent:Role, such as "chair"; NULL when the source's title fits none),
 * titled `title` (with language tag `lang`, nullable) as the current
 * source spells it.  A post's IRI comes from its content, never from its
 * position: BASE post/HOLDER/BODY/ROLE (BODY left out when there is
 * none; without a role, the title, lower-cased, in place of ROLE).  The
 * same post from two sources is one node with each source's title in its
 * graph; two different posts are two nodes.  `post_id` (nullable)
 * receives the post's ID, borrowed from the graph, for further facts
 * (its start and end dates).
 */
ENT_API EntStatus ent_graph_add_post(EntGraph *graph,
                                     const char *holder_id,
                                     const char *body_id,
                                     const char *role,
                                     const char *title,
                                     const char *lang,
                                     const EntCaret *at,
                                     const char **post_id);

/**
 * Say that actor `respondent_id` responded to agreement `agreement_id`
 * with controlled value `kind` ("accepted", "rejected", "welcomed",
 * "noted", "conditional", "disputed"), as the current source reports.
 * The response's IRI is AGREEMENT-IRI/response/RESPONDENT-KIND, the same
 * for every source.  `response_id` (nullable) receives its ID, borrowed,
 * for further facts (its date).
 */
ENT_API EntStatus ent_graph_add_response(EntGraph *graph,
                                         const char *agreement_id,
                                         const char *respondent_id,
                                         const char *kind,
                                         const EntCaret *at,
                                         const char **response_id);

/// Whether entity `id` exists; if so and `cls` is not NULL, its class.
ENT_API int ent_graph_has(const EntGraph *graph, const char *id, EntClass *cls);
/// Number of entities in the graph.
ENT_API size_t ent_graph_entity_count(const EntGraph *graph);
/// The IRI of entity `id` (borrowed), or NULL if there is none.
ENT_API const char *ent_graph_iri(const EntGraph *graph, const char *id);

/**
 * Load a dataset file into `graph`: parse, validate against the built-in
 * RELAX NG schema, resolve every reference.  On error the graph may hold
 * part of the dataset and should be discarded.
 */
ENT_API EntStatus ent_load_dataset(EntGraph *graph, const char *path);

/**
 * Load the datasets `paths[0..n_paths)` into `graph`, each as
 * ent_load_dataset() does.  Every one is read, so that every error is
 * reported in one run; the first error's status is returned.  Progress
 * (ENT_PHASE_READ) counts the bytes read of all of them, with their total
 * when every path is a regular file.
 */
ENT_API EntStatus ent_load_datasets(EntGraph *graph,
                                    const char *const *paths,
                                    size_t n_paths);

// ---- Corpora ----

/**
 * A corpus is a directory holding `corpus.xml` (its ID, base IRI, title
 * and licence), `registry/` (entity files: the people, institutions,
 * places, negotiations... that articles share, each declared once) and
 * `articles/` (one dataset per article).  An article refers to registry
 * entities by ID and adds its own claims about them (`ref="ID"`); its
 * facts land in the named graphs of its sources, the registry's in the
 * corpus graph.
 */

/**
 * Find the corpus a dataset (or directory) belongs to: the nearest
 * directory at or above it that holds an entente `corpus.xml`.  On
 * success `*dir` receives that directory, to be freed with free();
 * ENT_FAILURE when there is none (a standalone dataset).
 */
ENT_API EntStatus ent_corpus_find(const char *path, char **dir);

/**
 * Warn on `world` about the XML files in corpus directory `dir` that a
 * corpus does not read: *.xml beside `corpus.xml`, and folders of *.xml
 * under `articles/` or `registry/` (an article saved there would be left
 * out without a word), but for the files `read[0..n_read)` (real paths)
 * the run reads anyway and the folders that hold them.  Symbolic links
 * are not followed.  For a run that reads a whole corpus, once: loading
 * the corpus does not call it.
 */
ENT_API void ent_corpus_warn_unread(EntWorld *world,
                                    const char *dir,
                                    const char *const *read,
                                    size_t n_read);

/**
 * Load the corpus in directory `dir` into `graph`, which must hold no
 * entities yet: its corpus.xml and every registry/ *.xml file, in name
 * order.  Datasets loaded afterwards may refer to its entities; the
 * corpus directory also becomes a place their texts may be read from.
 */
ENT_API EntStatus ent_graph_load_corpus(EntGraph *graph, const char *dir);

/// The ID of the corpus loaded into `graph` (borrowed), or NULL.
ENT_API const char *ent_graph_corpus_id(const EntGraph *graph);

/**
 * Whether the registry's statements (the corpus graph) are written by the
 * exporters (default 1).  Writing an article's own statements alone, as
 * `export -O` does, turns it off.
 */
ENT_API void ent_graph_write_registry(EntGraph *graph, int write);

/**
 * Allow source texts to be read from directory `dir` (copied).  A
 * dataset's `text` path is relative and is looked up under the corpus
 * directory (or, for a dataset outside any corpus, its own directory),
 * then under each directory allowed here in order; a path that is
 * absolute, climbs out with `..` or leads out of its directory through
 * a link is refused before anything is opened.
 */
ENT_API EntStatus ent_graph_add_text_dir(EntGraph *graph, const char *dir);

/**
 * Warn about every disagreement between sources: two sources giving one
 * entity different values of a property that has one value (a status,
 * a date, a duration, a death toll), or one post different titles.  Both
 * claims stay in the graph; each warning names both places.  `count`
 * (nullable) receives the number of disagreements.
 */
ENT_API EntStatus ent_graph_check_disagreements(EntGraph *graph, size_t *count);

/**
 * Warn about probable duplicates: two entities whose names are equal once
 * put in Unicode NFC and stripped of default-ignorable characters (a
 * zero-width space...) but differ as written; and two officials,
 * institutions, countries, places, outlets or topics of one class whose
 * names are equal once case, accents and spacing are set aside, one's
 * alias the other's name, or that share an owl:sameAs (two namesakes with
 * different owl:sameAs are two); and two delegations of one side at one
 * negotiation that two datasets define.  Each pair is warned about once.
 * `count` (nullable) receives the number of warnings.
 */
ENT_API EntStatus ent_graph_check_names(EntGraph *graph, size_t *count);

/**
 * Check the quotes of source `source_id` against the text in file `path`.
 * The source need not be loaded yet: the text is attached when it is, and
 * takes precedence over a text the dataset names.
 */
ENT_API EntStatus ent_graph_set_source_text(EntGraph *graph,
                                            const char *source_id,
                                            const char *path);

/**
 * Check that every text given with ent_graph_set_source_text() names a
 * source the graph defines (one named before its source is added waits
 * for it): each that does not is an error.  Call it once every dataset is
 * loaded, before exporting.
 */
ENT_API EntStatus ent_graph_check_source_texts(EntGraph *graph);

/**
 * Check that every verbatim quote appears in its source's text.  Each miss
 * is an error logged at the quote; each quote that cannot be checked (its
 * source names no text, or the text is not found) is a warning there.
 */
ENT_API EntStatus ent_graph_check_quotes(EntGraph *graph);

/// RDF output formats (names as rapper's).
typedef enum {
  ENT_FORMAT_TURTLE,
  ENT_FORMAT_NTRIPLES,
  ENT_FORMAT_NQUADS,
  ENT_FORMAT_RDFXML,
  ENT_FORMAT_RDFJSON, ///< RDF/JSON ("rdfjson", .rj), not JSON-LD
  ENT_FORMAT_TRIG,    ///< TriG: one block per named graph
  ENT_FORMAT_JSONLD,  ///< JSON-LD 1.1, compact, its @context embedded
  ENT_FORMAT_COUNT_
} EntFormat;

/**
 * The format called `name`, or ENT_FORMAT_COUNT_.  Names as rapper, riot
 * and Oxigraph accept them, case-insensitive: "turtle"/"ttl",
 * "ntriples"/"nt", "nquads"/"nq", "rdfxml"/"rdf", "rdfjson"/"rj", "trig",
 * "jsonld"/"json-ld", or a media type ("text/turtle"...).  Plain "json"
 * is no format: it could mean RDF/JSON or JSON-LD.
 */
ENT_API EntFormat ent_format_by_name(const char *name);
/// The format a file name's extension implies (after a final ".gz"), or
/// ENT_FORMAT_COUNT_ (".json" too: RDF/JSON and JSON-LD both use it).
ENT_API EntFormat ent_format_by_extension(const char *path);
/// The media type of `format` ("text/turtle"...).
ENT_API const char *ent_format_media_type(EntFormat format);
/// The name of `format` ("turtle"...).
ENT_API const char *ent_format_name(EntFormat format);
/// The usual file extension of `format`, without the dot ("ttl"...).
ENT_API const char *ent_format_extension(EntFormat format);

/**
 * RDF/XML and RDF/JSON are written by raptor2's serializers, which hold
 * every statement until the document ends (about 250 bytes each); past
 * this many statements they are refused (ENT_ERR_TOO_LARGE), before a
 * byte is written, unless ent_world_set_buffered_limit() says otherwise.
 * N-Triples, N-Quads, Turtle, TriG and JSON-LD have no limit: they are
 * written as they come.
 */
#define ENT_BUFFERED_MAX_STATEMENTS 2000000

/// Refuse RDF/XML and RDF/JSON past `statements` (0: the default,
/// ENT_BUFFERED_MAX_STATEMENTS).
ENT_API void ent_world_set_buffered_limit(EntWorld *world,
                                          unsigned long long statements);

/**
 * Write `graph` as RDF to `stream` (borrowed; not closed).  Every `ent:`
 * term written must be declared in the ontology, or nothing is written
 * and ENT_ERR_UNDECLARED is returned; RDF/XML and RDF/JSON of more
 * statements than the world's buffered limit give ENT_ERR_TOO_LARGE.
 * `count` (nullable) receives the number of statements written.
 */
ENT_API EntStatus ent_export_rdf(EntGraph *graph,
                                 EntFormat format,
                                 FILE *stream,
                                 size_t *count);

/// Number of RDF statements ent_export_rdf() writes for `graph`.
ENT_API EntStatus ent_graph_statement_count(EntGraph *graph, size_t *count);

/// Number of sources in `graph` (entities of class ENT_CLASS_SOURCE).
ENT_API size_t ent_graph_source_count(const EntGraph *graph);
/// The ID of the `index`-th source in the order added (borrowed), or NULL.
ENT_API const char *ent_graph_source_id(const EntGraph *graph, size_t index);

/**
 * Like ent_export_rdf(), but only the statements that come from source
 * `source_id`: the contents of that source's named graph in N-Quads.
 */
ENT_API EntStatus ent_export_rdf_source(EntGraph *graph,
                                        EntFormat format,
                                        const char *source_id,
                                        FILE *stream,
                                        size_t *count);

/**
 * Load and write the datasets `paths` as N-Triples, N-Quads, Turtle,
 * TriG or JSON-LD in one stream, with memory that does not grow with the
 * number of statements (Turtle, TriG and JSON-LD group the statements of
 * a graph, of a subject and, within it, of a predicate within a window of
 * 32,768 statements; past it a subject or a graph may have a second block
 * or object):
 * a first pass indexes every entity (so references may point anywhere),
 * a second writes each element's statements as soon as it is read and
 * forgets them.  `graph` must be new (no entities).  Every check of
 * ent_load_dataset() applies; an error stops the stream, so a partial
 * output may have been written to `stream`: write to an EntOutput to
 * keep failures from leaving files.  Both passes report progress
 * (ent_world_set_progress()) with the total bytes to read.  When the world
 * allows two threads (ent_world_set_threads()), a second one serializes
 * (and a third writes) while this one reads; the bytes are the same.
 */
ENT_API EntStatus ent_export_rdf_stream(EntGraph *graph,
                                        const char *const *paths,
                                        size_t n_paths,
                                        EntFormat format,
                                        FILE *stream,
                                        size_t *count);

/**
 * The first pass of ent_export_rdf_stream() alone, writing nothing: every
 * dataset of `paths` read and its entities indexed, so that what datasets
 * say against each other (an ID two of them define) is reported, as when
 * they are exported together.  `graph` must be new (a corpus's registry
 * at most); afterwards it serves only ent_graph_free().  For exports that
 * read each dataset alone (entente export -O).
 */
ENT_API EntStatus ent_check_datasets(EntGraph *graph,
                                     const char *const *paths,
                                     size_t n_paths);

/**
 * After ent_export_rdf_stream() in N-Quads: the number of statements
 * written to the named graph of source `source_id` (0 otherwise).
 */
ENT_API size_t ent_graph_streamed_count(const EntGraph *graph,
                                        const char *source_id);

/**
 * Write `graph` in `format` to `path` atomically: a temporary file beside
 * it, renamed over `path` only on success.  On failure `path` is untouched.
 */
ENT_API EntStatus ent_export_rdf_file(EntGraph *graph,
                                      EntFormat format,
                                      const char *path,
                                      size_t *count);

/// Diagram output formats.
typedef enum {
  ENT_DIAGRAM_DOT,     ///< Graphviz DOT, written by cgraph
  ENT_DIAGRAM_SVG,     ///< Laid out and rendered by gvc
  ENT_DIAGRAM_PNG,     ///< Laid out and rendered by gvc
  ENT_DIAGRAM_PDF,     ///< Laid out and rendered by gvc
  ENT_DIAGRAM_GRAPHML, ///< GraphML (Gephi, yEd, Cytoscape)
  ENT_DIAGRAM_COUNT_
} EntDiagramFormat;

/// The diagram format called `name` ("svg"...), or ENT_DIAGRAM_COUNT_.
ENT_API EntDiagramFormat ent_diagram_format_by_name(const char *name);
/// The diagram format a file name's extension implies (after a final
/// ".gz"), or ..._COUNT_.
ENT_API EntDiagramFormat ent_diagram_format_by_extension(const char *path);
/// The usual file extension of `format`, without the dot ("svg"...).
ENT_API const char *ent_diagram_extension(EntDiagramFormat format);
/// Whether `view` is a view's name as EntDiagramOptions.view takes it
/// (NULL or "all", "timeline", or "negotiation:", "compare:" or "ego:" and
/// an ID), checked before any graph is read: whether the ID names a node
/// is known only once it is.
ENT_API bool ent_diagram_view_is_known(const char *view);
/// What ent_diagram_view_is_known() takes, for messages.
#define ENT_DIAGRAM_VIEWS "all, timeline, negotiation:ID, compare:ID or ego:ID"

/// Whether `tag` is a language tag as EntDiagramOptions.lang and
/// EntSiteOptions.lang take it: BCP 47's shape ("en", "ru", "pt-BR"), or
/// NULL for the default.  A name tagged "en-GB" counts as "en" and, as
/// RFC 4647's lookup falls back, "en" as "en-GB" (not "en-US").
ENT_API bool ent_language_tag_is_valid(const char *tag);

/// What to draw and how.  Zero-initialise, then set what you need.
typedef struct {
  /**
   * NULL or "all": officials, institutions, countries, negotiations,
   * delegations, agreements and events.  "negotiation:ID": one
   * negotiation with its delegations, leaders, members, topics and
   * agreements.  "ego:ID": everything within `depth` hops of one node.
   * "timeline": negotiations, agreements, events and statements ranked
   * by date.  ID is an entity ID (the last segment of its IRI) or an IRI.
   */
  const char *view;
  unsigned depth;     ///< For "ego:": hops (0 means 1)
  size_t max_nodes;   ///< Cap on drawn nodes, then a "+N more" node (0:
                      ///< 150); svg, png, pdf draw a view of at most 5000
                      ///< (else ENT_ERR_BAD_ARG)
  const char *engine; ///< Graphviz layout engine, or NULL to choose by size
  const char *lang;   ///< Preferred label language (NULL: "en")
  /// Seconds the whole diagram step (reading the statements, choosing the
  /// view, laying out, rendering) may take before it is stopped with
  /// ENT_ERR_INTERNAL and a message (0: ENT_DIAGRAM_TIME_LIMIT).
  unsigned time_limit;
} EntDiagramOptions;

/// Default of EntDiagramOptions.time_limit, in seconds.
#define ENT_DIAGRAM_TIME_LIMIT 300

/**
 * Draw `graph` as a diagram to `stream` (borrowed).  `options` may be NULL.
 * The same labelled graph is drawn whatever the format.
 */
ENT_API EntStatus ent_export_diagram(EntGraph *graph,
                                     EntDiagramFormat format,
                                     const EntDiagramOptions *options,
                                     FILE *stream);

/**
 * Draw any RDF file read with raptor2 (Turtle, N-Triples, N-Quads, RDF/XML;
 * `syntax` is a raptor parser name, or NULL to guess from the extension),
 * with the styling and labels of ent_export_diagram().  Labels come from
 * skos:prefLabel, rdfs:label, schema:name, foaf:name, dcterms:title and
 * the like (docs/diagrams.md) in the preferred language;
 * literals are folded into their subject; edge labels come from the
 * ontology's rdfs:label, or a prefixed name.
 */
ENT_API EntStatus ent_diagram_rdf_file(EntWorld *world,
                                       const EntOntology *ontology,
                                       const char *path,
                                       const char *syntax,
                                       EntDiagramFormat format,
                                       const EntDiagramOptions *options,
                                       FILE *stream);

// ---- The dossier site ----

/// How to make a site.  Zero-initialise, then set what you need.
typedef struct {
  const char *title;   ///< Of the index (NULL: the corpus's name)
  const char *lang;    ///< Preferred label language (NULL: "en")
  size_t max_nodes;    ///< Cap on an ego diagram's nodes (0: 40)
  unsigned time_limit; ///< Seconds all the diagrams may take (0:
                       ///< ENT_SITE_TIME_LIMIT)
} EntSiteOptions;

/// Default of EntSiteOptions.time_limit, in seconds: a site draws a
/// diagram per page (a 20,000-entity corpus takes about a minute).
#define ENT_SITE_TIME_LIMIT 3600

/**
 * Write `graph` as a static site into directory `dir`: one page per
 * entity IRI at PATH/index.html, where the IRI is the graph's base + PATH
 * (its names, posts, ego diagram, quotes, timeline, disagreements between
 * sources, every fact with its sources, and its statements as embedded
 * JSON-LD), its statements beside it as index.ttl and index.nt, and
 * index.html (search by any name or alias), timeline.html and
 * sources.html; every link is relative, nothing is fetched from the
 * network.  Served at the base IRI, every entity IRI resolves to its
 * page.  `dir` must be missing, empty or a site made before (it holds
 * `.entente-site`): the site is written beside it and replaces it as a
 * whole only on success.  `options` may be NULL.
 */
ENT_API EntStatus ent_export_site(EntGraph *graph,
                                  const char *dir,
                                  const EntSiteOptions *options);

/**
 * Whether directory `dir` can take a site: missing, empty, or a site
 * entente made.  ent_export_site() checks this first; a caller that reads
 * datasets for minutes checks it before them.  An error is logged to
 * `world` (ENT_ERR_IO; ENT_ERR_BAD_ARG for a NULL or empty `dir`).
 */
ENT_API EntStatus ent_site_check_dir(EntWorld *world, const char *dir);

/// An output file written atomically.
typedef struct EntOutputImpl EntOutput;

/**
 * Start writing `path`: creates a temporary file beside it.  Nothing at
 * `path` changes until ent_output_commit().  Finish with exactly one of
 * ent_output_commit() or ent_output_abort().  A `path` ending in ".gz"
 * is written gzip-compressed: what goes into the stream is compressed.
 * A device, a named pipe or an open descriptor (/dev/null, a FIFO,
 * /dev/stderr, /dev/fd/N) has no file to replace: it is written as it
 * goes, with no temporary file.  A symbolic link is replaced, not
 * followed.
 */
ENT_API EntStatus ent_output_open(EntWorld *world,
                                  const char *path,
                                  EntOutput **out);
/// The stream to write to (borrowed; do not close it).
ENT_API FILE *ent_output_stream(EntOutput *output);
/**
 * Flush, sync and close the temporary file and rename it over the target.
 * Any write error seen on the stream (a full disk...) fails the commit and
 * leaves the target untouched.  Frees `output` in every case.
 */
ENT_API EntStatus ent_output_commit(EntOutput *output);
/**
 * The SHA-256 of everything written to `output` so far, as 64 lowercase
 * hex digits and a NUL in `hex`.  Flushes the stream first.  Of a ".gz"
 * output it is the checksum of the compressed file, which it completes:
 * anything written to the stream afterwards fails the commit.
 */
ENT_API EntStatus ent_output_sha256(EntOutput *output, char hex[65]);
/// Discard the temporary file and free `output` (NULL is fine).
ENT_API void ent_output_abort(EntOutput *output);

/**
 * Replacing a file keeps its permission bits (and its owner and group
 * where allowed); a target that nobody may write, or that has other hard
 * links, is refused (ENT_ERR_IO, nothing written) rather than replaced.
 * A temporary file left by a killed run (`NAME.tmp-XXXXXX`, no longer
 * locked by its writer) is removed by the next ent_output_open(NAME).
 */

/// Files written into one directory as a whole (export -O).
typedef struct EntOutputSetImpl EntOutputSet;

/**
 * Start a set of files in the existing directory `dir`.  The files are
 * written into a fresh scratch directory inside `dir`
 * (`.entente-run-XXXXXX`) and moved into `dir` together by
 * ent_output_set_commit(), `manifest.tsv` last; while they are moved no
 * `manifest.tsv` exists, so a reader that finds one finds the files it
 * lists.  Commits into one directory are serialized (flock on `dir`).  A
 * helper process removes the scratch directory if this process dies
 * before committing (or finishes the commit if it dies during one), once
 * every process that inherited the set has exited; the next set begun
 * in `dir` does the same for any run whose helper was killed too.
 * Finish with exactly one of ent_output_set_commit() or
 * ent_output_set_abort(), which free `set`.  A child process forked
 * while the set is open may write files into it but must leave with
 * _exit(), neither committing nor aborting it.
 */
ENT_API EntStatus ent_output_set_begin(EntWorld *world,
                                       const char *dir,
                                       EntOutputSet **out);
/**
 * Start the file `name` (no slash) of `set`.  ent_output_commit() on it
 * closes it in the scratch directory, ready for ent_output_set_commit();
 * ent_output_abort() removes it.  Names that begin with ".entente-" are
 * private to the run: readable through ent_output_set_dir(), never moved.
 */
ENT_API EntStatus ent_output_set_open(EntOutputSet *set,
                                      const char *name,
                                      EntOutput **out);
/// The scratch directory of `set` (borrowed).
ENT_API const char *ent_output_set_dir(const EntOutputSet *set);
/**
 * Move every finished file of `set` into its directory (see
 * ent_output_set_begin()) and free `set`.  Targets are checked first
 * (not a regular file, read-only, other hard links): if any is refused,
 * nothing in the directory changes.
 */
ENT_API EntStatus ent_output_set_commit(EntOutputSet *set);
/// Remove the scratch directory and free `set` (NULL is fine).
ENT_API void ent_output_set_abort(EntOutputSet *set);

// ---- Triple stores ----

/// How ent_store_push() writes a named graph.
typedef enum {
  ENT_PUSH_REPLACE, ///< Replace the graph: PUT the first chunk, POST the rest
  ENT_PUSH_APPEND,  ///< Add to the graph: POST every chunk
} EntPushMode;

/**
 * Most triples sent in one request by default.  Virtuoso 7.2.5 can hang
 * for good on a single request of about 500,000 triples; 100,000 stays
 * well clear of that and costs little (a second or two per request).
 */
#define ENT_PUSH_DEFAULT_CHUNK 100000

/**
 * Where and how ent_store_push() sends a graph.  Zero-initialise, then set
 * at least `store`.  Every string is borrowed for the duration of the call;
 * the password goes to libcurl only, never into a message or a file.
 */
typedef struct {
  const char *store;       ///< Graph Store endpoint URL, http:// or https://
  const char *graph_iri;   ///< Graph to write instead of the source's IRI
  EntPushMode mode;        ///< ENT_PUSH_REPLACE (0) or ENT_PUSH_APPEND
  const char *user;        ///< User for HTTP auth (Digest over http), or NULL
  const char *password;    ///< The user's password (with `user` only)
  size_t chunk;            ///< Most triples per request; 0: the default
  long connect_timeout;    ///< Seconds to connect; 0: 10
  long timeout;            ///< Seconds each request may take in all; 0: 300
  int dry_run;             ///< Nonzero: check, count and plan; send nothing
  int allow_insecure_auth; ///< Nonzero: Basic auth over plain http allowed
  const char *proxy;       ///< Proxy URL, or NULL: no proxy, whatever the
                           ///< environment's http_proxy says
} EntPushOptions;

/// What ent_store_push() did, or with `dry_run` would do.
typedef struct {
  const char *graph_iri; ///< The graph written (borrowed from graph/options)
  size_t triples;        ///< Triples in the graph
  size_t requests;       ///< HTTP requests the push takes
  size_t requests_done;  ///< Requests the store accepted (2xx)
  long http_status;      ///< Last HTTP status received, 0 if none
  int may_be_partial;    ///< Failed after the store may have changed the
                         ///< graph: it may now be incomplete
} EntPushReport;

/**
 * Send the named graph of source `source_id` (the statements
 * ent_export_rdf_source() writes) to a triple store with the SPARQL 1.1
 * Graph Store HTTP Protocol: N-Triples to `store?graph=IRI`, in chunks of
 * at most `chunk` triples.  Replacing is idempotent: pushing the same graph
 * twice leaves the store as one push does (a graph with no statements is
 * replaced by a DELETE).  Only http and https are used, redirects are not
 * followed, any status but 2xx is an error.
 *
 * Errors are logged through the graph's world with the store's answer:
 * ENT_ERR_BAD_VALUE for an unusable URL or option, ENT_ERR_UNKNOWN_ID for
 * an unknown source, ENT_ERR_IO when the store cannot be reached, times out
 * or refuses.  A replace of several chunks is not atomic: if it fails
 * midway, `report->may_be_partial` is set and the graph may be incomplete
 * until pushed again.  `report` (nullable) is filled in every case.
 *
 * Uses libcurl: calls on graphs of different worlds may run in parallel if
 * libcurl reports CURL_VERSION_THREADSAFE (Debian 12's does).
 */
ENT_API EntStatus ent_store_push(EntGraph *graph,
                                 const char *source_id,
                                 const EntPushOptions *options,
                                 EntPushReport *report);

/// Told after each graph ent_store_push_all() pushed (or would push, or
/// failed to push: `status` then says why, and it is the last call).
typedef void (*EntPushEachFunc)(void *handle,
                                size_t index,
                                const EntPushReport *report,
                                EntStatus status);

/**
 * Push every named graph of `graph` (each source's and the corpus's, in
 * the order of ent_graph_source_id()) as ent_store_push() does, walking the
 * graph once for all of them: time is linear in statements whatever the
 * number of sources, for a dry run too.  Every graph is checked and
 * counted before the store sees a byte; then the graphs are sent in order,
 * stopping at the first that fails.  `each` (nullable) is told about each
 * graph.  `options->graph_iri` is refused unless there is one graph.
 */
ENT_API EntStatus ent_store_push_all(EntGraph *graph,
                                     const EntPushOptions *options,
                                     EntPushEachFunc each,
                                     void *handle);

#ifdef __cplusplus
}
#endif

#endif // ENTENTE_H
