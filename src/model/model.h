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
const ClassInfo *ent_class_info(EntClass cls);
const char *ent_class_iri(EntClass cls);
const char *ent_datatype_iri(Datatype dt);

typedef struct {
  EntClass cls;
  const char *id; ///< Interned slug
  const char *name;
  const char *lang; ///< Of the name, or NULL
  const char *iri;
  uint32_t source;       ///< Index of its source entity
  EntCaret at;           ///< Where it was defined (document interned)
  const char *text_path; ///< Sources only: the article's text, or NULL
  const char *text;      ///< Sources only: that text, normalised, once read
  bool text_missing;     ///< Sources only: the text could not be read
  bool active;           ///< Streaming: defined by the element being read
  size_t streamed;       ///< Sources only: statements streamed to its graph
} Entity;

typedef struct {
  uint32_t subject;
  EntProperty prop;
  uint32_t object;   ///< PROP_RELATION: entity index
  const char *value; ///< PROP_LITERAL: lexical form; PROP_CONCEPT: IRI
  const char *lang;
  uint32_t source;
  EntCaret at;
} Fact;

struct EntGraphImpl {
  EntWorld *world;
  const EntOntology *ontology;
  const char *base;     ///< Base of IRIs minted now
  const char *own_base; ///< Base given to ent_graph_new (or the default)
  bool base_fixed;      ///< The caller chose the base: datasets may not
  EntPool strings;
  EntMap ids; ///< slug -> entity index + 1
  Entity *entities;
  size_t n_entities;
  size_t cap_entities;
  Fact *facts;
  size_t n_facts;
  size_t cap_facts;
  uint32_t current_source;

  // Streaming export (see ent_export_rdf_stream): first every dataset is
  // read for its entities only, then again element by element, writing
  // each element's statements and forgetting its facts.
  int stream_phase; ///< STREAM_OFF, STREAM_INDEX or STREAM_WRITE
  EntStatus (*flush)(void *handle, EntGraph *graph); ///< After an element
  void *flush_handle;
  uint32_t *active; ///< Entities defined by the current element
  size_t n_active;
  size_t cap_active;
  EntPool element_strings; ///< Values of the current element
  EntMap text_overrides;   ///< Source ID -> text path given by the caller
  void *emit_cache;        ///< Owned by the emitter
  void (*free_emit_cache)(void *cache);
};

enum { STREAM_OFF, STREAM_INDEX, STREAM_WRITE };

#endif // ENT_MODEL_H

// ---- Internal calls for loaders -----------------------------------------

/// Mint IRIs of entities added from now on under `base` (the dataset's),
/// unless the caller fixed the base when making the graph.  NULL restores
/// the graph's own base.
EntStatus ent_graph_use_base(EntGraph *graph, const char *base);
/// The name of entity `id`, or NULL.
const char *ent_graph_name(const EntGraph *graph, const char *id);
/// The text a dataset names for source `source_id`, unless the caller
/// gave another with ent_graph_set_source_text().
EntStatus ent_graph_dataset_source_text(EntGraph *graph,
                                        const char *source_id,
                                        const char *path);
/// Streaming: the current element is read; write it and forget its facts.
EntStatus ent_graph_end_element(EntGraph *graph);
/// Check the quote of fact `f` (if it is one) against its source's text;
/// counts misses in `*misses`.
EntStatus ent_graph_check_fact_quote(EntGraph *graph,
                                     const Fact *f,
                                     unsigned long *misses);
