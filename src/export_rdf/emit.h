// SPDX-License-Identifier: MIT
// The one place RDF statements come from: every RDF writer, the
// statement count and the diagram code read the model through ent_emit().
#ifndef ENT_EMIT_H
#define ENT_EMIT_H

#include "../model/model.h"

typedef enum { NODE_IRI, NODE_LITERAL } NodeType;

typedef struct {
  NodeType type;
  const char *value;    ///< IRI or lexical form
  const char *datatype; ///< Literal datatype IRI, or NULL
  const char *lang;     ///< Literal language tag, or NULL
} Node;

typedef struct {
  Node subject;
  Node predicate;
  Node object;
  const char *graph; ///< Named graph IRI (the fact's source), or NULL
} Triple;

/// Receives each statement; strings are borrowed for the call only.
typedef EntStatus (*EmitFunc)(void *handle, const Triple *triple);

/**
 * Generate every statement of `graph`, in a deterministic order, checking
 * that each ent: term is declared in the ontology.  Each statement comes
 * once; with `quads`, once per named graph.  Stops at the first
 * non-success status of `func` or of a check.
 */
EntStatus ent_emit(EntGraph *graph, bool quads, EmitFunc func, void *handle);

#endif // ENT_EMIT_H
