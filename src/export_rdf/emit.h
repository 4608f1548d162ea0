// SPDX-License-Identifier: MIT
// The one place RDF statements come from: every RDF writer, the
// statement count and the diagram code read the model through ent_emit().
#ifndef ENT_EMIT_H
#define ENT_EMIT_H

#include "../model/model.h"

typedef enum { NODE_IRI, NODE_LITERAL } NodeType;

typedef struct {
  NodeType type;
  /// 1 + the index of the model's entity whose IRI `value` is, or 0 (not
  /// an entity's, or a stream's, whose entities move between elements):
  /// within one ent_emit() walk, a consumer may find the entity's node by
  /// its index instead of hashing the IRI.
  uint32_t entity;
  const char *value;    ///< IRI or lexical form
  const char *datatype; ///< Literal datatype IRI, or NULL
  const char *lang;     ///< Literal language tag, or NULL
  /// `value` and `lang` are the model's own strings, valid as long as the
  /// graph (not only for the call): a consumer that outlives the walk
  /// but not the graph may keep the pointers instead of copies.
  bool lasting;
} Node;

typedef struct {
  Node subject;
  Node predicate;
  Node object;
  const char *graph; ///< Named graph IRI (the fact's source), or NULL
} Triple;

/// Receives each statement; strings are borrowed for the call only (those
/// of a `lasting` node for as long as the graph).
typedef EntStatus (*EmitFunc)(void *handle, const Triple *triple);

/**
 * Generate every statement of `graph`, in a deterministic order, checking
 * that each ent: term is declared in the ontology.  Each statement comes
 * once; with `quads`, once per named graph.  Stops at the first
 * non-success status of `func` or of a check.
 */
EntStatus ent_emit(EntGraph *graph, bool quads, EmitFunc func, void *handle);

/// Receives one namespace prefix and its IRI.
typedef EntStatus (*EntPrefixFunc)(void *handle,
                                   const char *prefix,
                                   const char *ns);

/**
 * The namespace prefixes of the syntaxes that have them (rdf: included),
 * then one per class path under the graph's base ("official:"), each
 * given to `func`, which may stop the walk with a failure.  With
 * `slash_names` false (Turtle, TriG, RDF/XML, whose prefixed names cannot
 * hold a '/'), none for posts and responses, which no such name could
 * use; JSON-LD's compact IRIs can ("post:trump/president").
 */
EntStatus ent_rdf_prefixes(const EntGraph *graph,
                           bool slash_names,
                           EntPrefixFunc func,
                           void *handle);

/// An RDF writer (serd's, or a raptor2 serializer for RDF/XML and
/// RDF/JSON) writing to a stream, fed one statement at a time.
typedef struct RdfWriterImpl RdfWriter;

/// Start writing `format` to `stream` (borrowed).  With `only_graph`, only
/// the statements of that named graph are written.
EntStatus rdf_writer_open(EntGraph *graph,
                          EntFormat format,
                          const char *only_graph,
                          FILE *stream,
                          RdfWriter **out);
/// Write one statement (an EmitFunc: `handle` is the RdfWriter).
EntStatus rdf_writer_put(void *handle, const Triple *triple);
/// Statements written so far.
size_t rdf_writer_count(const RdfWriter *writer);
/// Finish the document when `finish` (checking every write), free `writer`.
EntStatus rdf_writer_close(RdfWriter *writer, bool finish);
/**
 * Prepare `writer` to be driven from another thread: raptor's messages are
 * kept and logged in rdf_writer_close() (log callbacks come from the
 * caller's thread), and full output blocks are written by an output
 * thread of its own.
 */
EntStatus rdf_writer_threaded(RdfWriter *writer);

/// The window of Turtle, TriG and JSON-LD (window.c): statements held and
/// handed on grouped by graph and then subject, each in order of first
/// appearance, a subject's types first and its other statements in the order
/// they came; one window after another, each of at most `max_statements`
/// statements or `max_bytes` bytes of their text.
typedef struct RdfWindowImpl RdfWindow;
/// An empty window; `by_graph`: group by graph first (TriG, JSON-LD).
EntStatus rdf_window_new(bool by_graph,
                         size_t max_statements,
                         size_t max_bytes,
                         RdfWindow **out);
/// Hold a copy of `triple`, and hand some statements of the previous
/// window, in their order, to `func` (whose failure is returned).
EntStatus rdf_window_put(RdfWindow *window,
                         const Triple *triple,
                         EmitFunc func,
                         void *handle);
/// Hand every statement still held to `func`, in order.
EntStatus rdf_window_finish(RdfWindow *window, EmitFunc func, void *handle);
void rdf_window_free(RdfWindow *window);

/// A thread writing blocks of bytes to a FILE, in the order given.
typedef struct OutThreadImpl OutThread;
/// Start it, with its blocks of `block_size` bytes.  `stream` is borrowed.
EntStatus out_thread_open(FILE *stream, size_t block_size, OutThread **out);
/// The block to fill next (block_size bytes, owned by the thread).
char *out_thread_block(const OutThread *out);
/// Hand over the block being filled, holding `len` bytes; out_thread_block()
/// then gives the next.  Returns the errno of a failed write so far, or 0.
int out_thread_put(OutThread *out, size_t len);
/// Write what was handed over (when `finish`; otherwise drop it), stop the
/// thread, free `out`.  Returns the errno of the first failed write, or 0.
int out_thread_close(OutThread *out, bool finish);

/// A thread that feeds statements to an RdfWriter in the order given.
typedef struct RdfPipeImpl RdfPipe;
/// Start the thread.  The pipe borrows `writer`, which only the thread may
/// touch until rdf_pipe_close(); the caller closes the writer after it.
EntStatus rdf_pipe_open(RdfWriter *writer, RdfPipe **out);
/// Copy one statement for the thread (an EmitFunc: `handle` is the
/// RdfPipe).  Returns the writer's failure once it is known.
EntStatus rdf_pipe_put(void *handle, const Triple *triple);
/// Statements handed over so far.
size_t rdf_pipe_count(const RdfPipe *pipe);
/// Wait for every statement to be written (when `finish`; otherwise drop
/// what is still queued), stop the thread, free `pipe`.  Returns the
/// writer's first failure.
EntStatus rdf_pipe_close(RdfPipe *pipe, bool finish);

/**
 * Write the statements of the entities and facts added since the last
 * flush (a streaming load's current element), then forget those facts.
 */
EntStatus ent_emit_pending(EntGraph *graph,
                           bool quads,
                           EmitFunc func,
                           void *handle);

/**
 * Check that the ontology declares every ent: class, property and role
 * the emitter can write.  A stream cannot take back what it has written,
 * so it refuses an incomplete ontology before the first statement.
 */
EntStatus ent_emit_check_vocabulary(EntGraph *graph);

/// The statements of some graphs, sorted by graph (ent_by_graph_sort()).
typedef struct EntByGraphImpl EntByGraph;

/**
 * Check every statement of `graph` and count those of each of the
 * `n_graphs` named graphs `iris` into `lines`, in one walk of the graph.
 * An entry of `iris` may be NULL: the default graph (statements that name
 * no graph).  Statements of other graphs are left out.  With `out`, also
 * keep them: `*out` (free it with ent_by_graph_free()) then reads each
 * graph's statements as N-Triples, in the order ent_export_rdf_source()
 * writes them (ent_by_graph_reader()).
 */
EntStatus ent_by_graph_sort(EntGraph *graph,
                            size_t n_graphs,
                            const char *const *iris,
                            size_t *lines,
                            EntByGraph **out);

void ent_by_graph_free(EntByGraph *sorted);

/// Every statement kept, as N-Triples in no particular order: `*size`
/// bytes (NULL when none), valid until ent_by_graph_free().  For tests:
/// the writers read graph by graph (ent_by_graph_reader()).
const char *ent_by_graph_text(const EntByGraph *sorted, size_t *size);

/// Reads one graph's statements, from the first (ent_by_graph_reader()).
typedef struct {
  const EntByGraph *sorted;
  size_t span; ///< The run being read
  size_t end;  ///< Past the graph's last run
  size_t at;   ///< Bytes of the run already read
} EntGraphReader;

/// Start reading graph `g` (an index into the `iris` sorted).
void ent_by_graph_reader(const EntByGraph *sorted,
                         size_t g,
                         EntGraphReader *reader);

/// The graph's next statement: a line of N-Triples (`*len` bytes with its
/// newline, not terminated), or NULL past the last.
const char *ent_by_graph_line(EntGraphReader *reader, size_t *len);

/**
 * Every graph the exporters write (sources, and the corpus graph when it
 * is written), then NULL for the default graph: `*iris` (allocated, the
 * caller frees the array; the strings are the graph's) holds `*n`.
 */
EntStatus ent_graph_named_graphs(const EntGraph *graph,
                                 const char ***iris,
                                 size_t *n);

/// A namespace prefix a writer declares (Turtle, TriG, JSON-LD).
typedef struct {
  char *name;
  char *ns;
  size_t ns_len;
} OutPrefix;
/// Append copies of `name` and `ns` to `*items` (`*n` of them).
EntStatus out_prefix_add(OutPrefix **items,
                         size_t *n,
                         const char *name,
                         const char *ns);
/// Free the `n` prefixes of `items` and the array.
void out_prefixes_free(OutPrefix *items, size_t n);

/// Receives the bytes a writer makes: returns `len`, or less on failure.
typedef size_t (*JsonLdSink)(const void *buf, size_t len, void *handle);

/// A JSON-LD writer (jsonld.c), fed statements grouped by graph and then
/// subject (an RdfWindow's order): each run of one graph is a graph
/// object, each run of one subject a node object.
typedef struct JsonLdImpl JsonLd;
/// Start a document (its @context: the prefixes of `graph`) through
/// `sink`; --ascii (the world's) escapes every non-ASCII character.
EntStatus jsonld_open(const EntGraph *graph,
                      JsonLdSink sink,
                      void *handle,
                      JsonLd **out);
/// Write one statement (an EmitFunc: `handle` is the JsonLd).
EntStatus jsonld_put(void *handle, const Triple *t);
/// Write what is gathered and close the document.
EntStatus jsonld_finish(JsonLd *j);
/// Free `j` (NULL: nothing).
void jsonld_free(JsonLd *j);

#endif // ENT_EMIT_H
