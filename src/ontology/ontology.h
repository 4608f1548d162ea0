// SPDX-License-Identifier: MIT
// The ontology as the model and exporters consult it.
#ifndef ENT_ONTOLOGY_H
#define ENT_ONTOLOGY_H

#include "../util/util.h"

enum {
  ONT_CLASS = 1u << 0,
  ONT_OBJECT_PROPERTY = 1u << 1,
  ONT_DATATYPE_PROPERTY = 1u << 2,
  ONT_INDIVIDUAL = 1u << 3,
  ONT_OTHER = 1u << 4, ///< Typed with something else (owl:Ontology...)
};

typedef struct {
  const char *iri;
  unsigned kinds;      ///< ONT_* flags from its rdf:type statements
  const char *label;   ///< rdfs:label, English preferred; NULL if none
  const char **supers; ///< rdfs:subClassOf and rdfs:subPropertyOf objects
  size_t n_supers;
  const char **types; ///< rdf:type objects
  size_t n_types;
  const char *domain; ///< rdfs:domain or NULL
  const char *range;  ///< rdfs:range or NULL
  const char **next;  ///< ent:canBecome objects: statuses that can follow
  size_t n_next;
} OntTerm;

struct EntOntologyImpl {
  EntWorld *world;
  EntPool pool;
  EntMap terms;         ///< IRI -> OntTerm*
  const char *document; ///< Its file's name, in `pool`; NULL: built in
};

/// The term with this IRI, or NULL when the ontology says nothing of it.
const OntTerm *ont_term(const EntOntology *ont, const char *iri);
/// ENT_SUCCESS if the ontology declares any class, property or individual
/// of entente's namespace; else ENT_ERR_ONTOLOGY, said at the ontology's
/// file.  One that declares none (an empty file, another vocabulary) is
/// refused as a whole before a model is built on it: its lack would
/// otherwise be said once per term, at the dataset's lines.  (A diagram
/// of other RDF labels its edges from any vocabulary: not checked there.)
EntStatus ont_require_entente(const EntOntology *ont);
/// Whether `iri` is declared (typed as a class, property or individual).
bool ont_declares(const EntOntology *ont, const char *iri);
/// Whether class `sub` is `super` or a (transitive) subclass of it.
bool ont_is_subclass(const EntOntology *ont,
                     const char *sub,
                     const char *super);
/// Whether individual `iri` is typed with `cls` or a subclass of it.
bool ont_has_type(const EntOntology *ont, const char *iri, const char *cls);

/// Whether `predicate` is one of entente's statuses (ent:negotiationStatus,
/// ent:agreementStatus, ent:incidentStatus), which a source gives as of
/// its own day.
bool ont_is_status(const char *predicate);

/// One value of a status property as sources report it, and what the
/// days of those reports say.  Days are "YYYY-MM-DD" (a longer date is
/// read by its day); NULL where nothing is known.
typedef struct {
  const char *status;      ///< The status's IRI
  const char *first_day;   ///< The earliest day a report is known to be of
  const char *first_bound; ///< The earliest day a report is known not to
                           ///< precede, where its day is not known
  const char *latest_from; ///< The latest first day a report can be of
  const char *earliest_to; ///< The earliest last day a report can be of
  size_t tag;              ///< The caller's: which value this is
} OntStatusReports;

/// Count one more report of `v->status`, made on a day in [from, to]
/// (NULL: unbounded): a source published on a day gives that day twice;
/// one known only by a window (notBefore, notAfter) its ends.
void ont_status_report(OntStatusReports *v, const char *from, const char *to);

/// Whether status `to` is `from` or can follow it (ent:canBecome,
/// transitively).
bool ont_can_become(const EntOntology *ont, const char *from, const char *to);

/// Whether the statuses `values[0..n)` reported by sources can each be
/// true as of its reports: where a report of one was made before a report
/// of another, the other can follow it (ent:canBecome, transitively);
/// where the days do not order them, one can follow the other.  A change
/// over time, not a disagreement.
bool ont_status_progression(const EntOntology *ont,
                            const OntStatusReports *values,
                            size_t n);

/// Order `values[0..n)`, a progression, as the statuses follow one
/// another: a status before every one that can follow it and not precede
/// it (planned, then ongoing, then concluded), whatever days are known;
/// where that leaves them unordered (held, concluded), by the earliest
/// day known of their reports (unknown last), then as they were.
void ont_status_sort(const EntOntology *ont,
                     OntStatusReports *values,
                     size_t n);

/// Called with each IRI outside ENT_NS reachable through supers.
typedef EntStatus (*OntSuperFunc)(void *handle, const char *iri);
/// Visit the external super-classes/properties of `iri`, each once.
EntStatus ont_each_external_super(const EntOntology *ont,
                                  const char *iri,
                                  OntSuperFunc func,
                                  void *handle);

/// The built-in ontology and dataset schema (generated at build time).
extern const unsigned char ent_builtin_ontology[];
extern const size_t ent_builtin_ontology_size;
extern const unsigned char ent_builtin_schema[];
extern const size_t ent_builtin_schema_size;
extern const unsigned char ent_builtin_shapes[];
extern const size_t ent_builtin_shapes_size;
extern const unsigned char ent_builtin_context[];
extern const size_t ent_builtin_context_size;

/// Refuse RDF text raptor would mangle: text syntaxes that are not UTF-8
/// (or hold a NUL byte), NUL escapes, and for RDF/XML (`syntax`
/// "rdfxml") a DOCTYPE ent_check_rdfxml_doctype() refuses; `cap` is the
/// most bytes the text may have, its entities replaced.
EntStatus ent_check_rdf_text(EntWorld *world,
                             const char *document,
                             const char *text,
                             size_t len,
                             const char *syntax,
                             size_t cap);

/// RDF/XML's DOCTYPE may only declare internal entities whose values are
/// text (no reference, no markup), as Protégé and the OWL API write
/// them (`<!ENTITY owl "http://www.w3.org/2002/07/owl#">`), and its
/// references may not make `text` longer than `cap` bytes.  External
/// DTDs and entities, parameter entities, attribute and element
/// declarations, entities within entities and a second DOCTYPE are
/// refused at their line: libxml2 would read files or let a small file
/// grow without bound.
EntStatus ent_check_rdfxml_doctype(EntWorld *world,
                                   const char *document,
                                   const char *text,
                                   size_t len,
                                   size_t cap);

/// Where the RDF in `text` starts: after a UTF-8 byte order mark, which
/// raptor's Turtle and N-Triples parsers refuse as a syntax error.
size_t ent_rdf_text_start(const char *text, size_t len);

/// Read a whole regular file of at most `cap` bytes; free with free().
EntStatus ent_read_file(EntWorld *world,
                        const char *path,
                        size_t cap,
                        char **out,
                        size_t *out_len);

/// Whether `text` reads as RDF syntax `syntax` (a raptor2 parser name),
/// into statements, without an error (said nowhere): the syntax to name
/// when the one a file was read as failed.
bool ent_rdf_parses_as(EntWorld *world,
                       const char *text,
                       size_t len,
                       const char *syntax);

#endif // ENT_ONTOLOGY_H
