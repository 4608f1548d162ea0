// SPDX-License-Identifier: MIT
// The dataset schema, validated as the XML reader streams the document.
//
// libxml2's RELAX NG validator explores every way an element's optional
// attributes could match (states doubling per optional attribute present,
// compared pairwise) and took more than half of an export's time.  The
// schema entente's format uses is simpler than RELAX NG in general: no
// interleave, no name classes, attribute names unique within an element,
// attributes only under group/optional/choice.  For that subset an element
// is valid when its attributes satisfy a boolean formula over which names
// are present, its children match a regular expression over their names
// (libxml2's own automata, xmlautomata.h) and its text matches its datatype
// (libxml2's XML Schema datatypes, as its RELAX NG validator checks them).
// The schema is compiled from the RELAX NG text itself; anything outside
// the subset is refused when it is compiled, never silently ignored.
#ifndef ENT_LOAD_SCHEMA_H
#define ENT_LOAD_SCHEMA_H

#include "../util/util.h"

#include <libxml/xmlreader.h>

typedef struct EntSchemaImpl EntSchema;
typedef struct EntSchemaRunImpl EntSchemaRun;

/**
 * Compile RELAX NG schema text (XML syntax).  On success `*out` owns the
 * compiled schema (free with ent_schema_free); on failure `*out` is NULL
 * and `error` says what is not supported or not well-formed.
 */
EntStatus ent_schema_compile(const char *rng,
                             size_t size,
                             EntSchema **out,
                             char error[256]);
void ent_schema_free(EntSchema *schema);

/// Receives each validation error: where it is (the line the reader was
/// on, and which element it is about: the Nth start tag of the document,
/// counting from 1; 0 for errors about text) and a message beginning
/// "schema: ".
typedef void (*EntSchemaErrorFn)(void *handle,
                                 unsigned long line,
                                 unsigned long element,
                                 const char *message);

/// A validation of one document; `schema` must outlive it.  NULL when out
/// of memory.  Free with ent_schema_run_free.
EntSchemaRun *ent_schema_run_new(const EntSchema *schema,
                                 EntSchemaErrorFn on_error,
                                 void *handle);
/**
 * Feed the node `reader` is on (every node, in document order); `line` is
 * where it is.  An error is reported and the run goes on, so that one run
 * finds every error it can (an element out of place is reported and its
 * content skipped); ent_schema_run_failed() says whether there was one.
 * Returns false once the run cannot go on: memory ran out
 * (ENT_ERR_NO_MEMORY in `*status`), the document cannot be a dataset
 * (the wrong root element, nesting too deep), or it has had its fill of
 * errors (ENT_ERR_SCHEMA).
 */
bool ent_schema_run_node(EntSchemaRun *run,
                         xmlTextReaderPtr reader,
                         unsigned long line,
                         EntStatus *status);
/**
 * Feed the whole subtree of element `top`, in document order, instead of
 * the reader's nodes for it: for a subtree the reader has expanded
 * (xmlTextReaderExpand) and will skip.  `top` is `max_depth` levels from
 * the deepest element allowed.  Returns as ent_schema_run_node does.
 */
bool ent_schema_run_tree(EntSchemaRun *run,
                         const xmlNode *top,
                         unsigned max_depth,
                         EntStatus *status);
/// Whether an error was reported (the document is invalid).
bool ent_schema_run_failed(const EntSchemaRun *run);
/// After the last node: whether the whole document was valid.
bool ent_schema_run_finish(EntSchemaRun *run, EntStatus *status);
void ent_schema_run_free(EntSchemaRun *run);

#endif
