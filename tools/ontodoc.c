// SPDX-License-Identifier: MIT
//
// ontodoc: HTML documentation of an OWL/SKOS ontology written in Turtle.
//
//   ontodoc ONTOLOGY.ttl OUTPUT.html
//
// One self-contained page (inline CSS, inline SVG, no script, nothing
// fetched): the ontology's metadata, a table of contents, a class diagram,
// every class, property, concept scheme, concept and named individual, the
// alignments to other vocabularies and the namespaces.  Every term's entry
// has the term's local name as its id (ontology.html#Negotiation is
// ent:Negotiation), and terms link to each other.
//
// The ontology is read with raptor2.  The page is built with libxml2's tree
// API and written by its HTML serializer, which escapes every text that
// comes from the ontology: nothing from the file is pasted into markup.
// The class diagram is a cgraph graph laid out by Graphviz's `dot` in a
// child process (render_svg says why), read back with libxml2, cleaned to
// the elements Graphviz draws with and inlined.
//
// Exit status (sysexits.h): 0 the page is written; 64 bad usage; 65 the
// ontology cannot be parsed; 66 it cannot be read; 70 internal error (out
// of memory); 74 the page cannot be written.  The page goes to a temporary
// file beside OUTPUT, renamed over OUTPUT once complete: OUTPUT is always
// either the old file or the whole new page.

#define _GNU_SOURCE 1 // qsort_r(): comparators with a context, no globals

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlIO.h>
#include <raptor2.h>
#include <utf8proc.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define EXIT_USAGE    64
#define EXIT_DATAERR  65
#define EXIT_NOINPUT  66
#define EXIT_SOFTWARE 70
#define EXIT_IOERR    74

/// Parser messages shown; the rest are only counted.
#define MAX_MESSAGES 20
/// Past this many nodes (the classes and the outside classes they
/// specialise) or edges the page has no diagram: `dot` takes minutes from
/// about a thousand nodes (shared/notes/performance-facts.md).
#define DIAGRAM_MAX_NODES 600
#define DIAGRAM_MAX_EDGES 3000
/// From this many nodes `dot` is tuned for speed rather than looks.
#define DIAGRAM_TUNE_NODES 150
/// Longest the layout may take; past it the page is written without it.
#define DIAGRAM_TIMEOUT_SECONDS 60
#define STRINGIFY(x)            #x
#define STRING(x)               STRINGIFY(x)
/// Largest SVG accepted from the layout.
#define DIAGRAM_MAX_BYTES ((size_t)64 << 20)
/// Deepest anonymous class expression described; longest RDF list read.
#define MAX_EXPRESSION_DEPTH 4
#define MAX_LIST_ITEMS       1000
/// Longest label drawn in a diagram node, in bytes.
#define MAX_NODE_LABEL 60

#define X(s) ((const xmlChar *)(s))

// ---------------------------------------------------------------------------
// Memory and strings
// ---------------------------------------------------------------------------

static _Noreturn void
out_of_memory(void)
{
  fputs("ontodoc: error: out of memory\n", stderr);
  exit(EXIT_SOFTWARE);
}

static void *
xrealloc(void *p, size_t n)
{
  void *q = realloc(p, n ? n : 1);
  if (!q) {
    out_of_memory();
  }
  return q;
}

static void *
xmalloc(size_t n)
{
  return xrealloc(NULL, n);
}

/// Make room for `need` elements of `size` bytes in `p` (capacity `*cap`).
static void *
reserve(void *p, size_t *cap, size_t need, size_t size)
{
  if (need <= *cap) {
    return p;
  }
  size_t c = *cap ? *cap : 16;
  while (c < need) {
    if (c > SIZE_MAX / 2 / size) {
      out_of_memory();
    }
    c *= 2;
  }
  *cap = c;
  return xrealloc(p, c * size);
}

static char *
xstrdup(const char *s)
{
  const size_t n = strlen(s) + 1;
  char *d = xmalloc(n);
  memcpy(d, s, n);
  return d;
}

/// A growing string.
typedef struct {
  char *s;
  size_t len;
  size_t cap;
} Buf;

static void
buf_add(Buf *b, const char *s, size_t n)
{
  b->s = reserve(b->s, &b->cap, b->len + n + 1, 1);
  memcpy(b->s + b->len, s, n);
  b->len += n;
  b->s[b->len] = '\0';
}

static void
buf_puts(Buf *b, const char *s)
{
  buf_add(b, s, strlen(s));
}

/// The string so far (never NULL); the caller owns it, `b` is emptied.
static char *
buf_take(Buf *b)
{
  char *s = b->s ? b->s : xstrdup("");
  b->s = NULL;
  b->len = b->cap = 0;
  return s;
}

/// `s` as text a page may hold: valid UTF-8, no control character but
/// tab and newline, no noncharacter (each replaced by U+FFFD), at most
/// `max` bytes (0: no limit; a cut is marked with an ellipsis).  Bidi
/// controls stay: the page isolates every text from the ontology.
static char *
clean_text(const char *text, size_t max)
{
  const unsigned char *s = (const unsigned char *)text;
  const size_t n = strlen(text);
  Buf b = { NULL, 0, 0 };
  for (size_t i = 0; i < n;) {
    if (max && b.len >= max) {
      buf_puts(&b, "\xE2\x80\xA6");
      break;
    }
    // An invalid sequence is one byte of U+FFFD.
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t got =
      utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i), &cp);
    const size_t len = got > 0 ? (size_t)got : 1;
    if (got <= 0) {
      cp = 0xFFFD;
    }
    if ((cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp < 0xA0) ||
        (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) {
      cp = 0xFFFD;
    }
    if (cp == 0xFFFD) {
      buf_puts(&b, "\xEF\xBF\xBD");
    } else {
      buf_add(&b, text + i, len);
    }
    i += len;
  }
  return buf_take(&b);
}

// ---------------------------------------------------------------------------
// Interned strings: every IRI, blank node, literal and language tag is a
// small number; its key is a kind byte followed by the text.
// ---------------------------------------------------------------------------

enum { IRI = 'I', BNODE = 'B', LITERAL = 'L', LANG = 'G', HTML_ID = 'D' };

typedef struct {
  char **str;     ///< [id] the key: kind byte, text, NUL
  size_t *len;    ///< [id] the text's length
  size_t n;       ///< ids in use; 0 is "none"
  size_t cap;     ///< of str and len
  uint32_t *slot; ///< open addressing: an id, or 0 for a free slot
  size_t n_slots; ///< a power of two
} Strings;

static uint64_t
hash_key(int kind, const char *s, size_t n)
{
  uint64_t h = 1469598103934665603u;
  h = (h ^ (unsigned char)kind) * 1099511628211u;
  for (size_t i = 0; i < n; ++i) {
    h = (h ^ (unsigned char)s[i]) * 1099511628211u;
  }
  return h;
}

static void
strings_init(Strings *st)
{
  memset(st, 0, sizeof(*st));
  st->n = 1;
  st->cap = 1024;
  st->str = xmalloc(st->cap * sizeof(char *));
  st->len = xmalloc(st->cap * sizeof(size_t));
  st->str[0] = NULL;
  st->len[0] = 0;
  st->n_slots = 2048;
  st->slot = calloc(st->n_slots, sizeof(uint32_t));
  if (!st->slot) {
    out_of_memory();
  }
}

static void
strings_free(Strings *st)
{
  for (size_t i = 1; i < st->n; ++i) {
    free(st->str[i]);
  }
  free(st->str);
  free(st->len);
  free(st->slot);
  memset(st, 0, sizeof(*st));
}

/// The id of (kind, s[0..n)), added when `add` and not yet there; 0 if
/// absent and not added.
static uint32_t
strings_get(Strings *st, int kind, const char *s, size_t n, int add)
{
  const size_t mask = st->n_slots - 1;
  size_t i = (size_t)hash_key(kind, s, n) & mask;
  for (;; i = (i + 1) & mask) {
    const uint32_t id = st->slot[i];
    if (!id) {
      break;
    }
    if (st->len[id] == n && st->str[id][0] == kind &&
        !memcmp(st->str[id] + 1, s, n)) {
      return id;
    }
  }
  if (!add) {
    return 0;
  }
  if (st->n >= UINT32_MAX - 1) {
    out_of_memory();
  }
  const uint32_t id = (uint32_t)st->n;
  if (st->n == st->cap) { // str and len grow together
    size_t cap = st->cap;
    st->str = reserve(st->str, &cap, st->n + 1, sizeof(char *));
    st->len = reserve(st->len, &st->cap, st->n + 1, sizeof(size_t));
  }
  char *key = xmalloc(n + 2);
  key[0] = (char)kind;
  memcpy(key + 1, s, n);
  key[n + 1] = '\0';
  st->str[id] = key;
  st->len[id] = n;
  st->n++;
  st->slot[i] = id;
  if (st->n * 2 > st->n_slots) { // rehash into twice the slots
    const size_t n_slots = st->n_slots * 2;
    uint32_t *slot = calloc(n_slots, sizeof(uint32_t));
    if (!slot) {
      out_of_memory();
    }
    for (uint32_t k = 1; k < st->n; ++k) {
      size_t j = (size_t)hash_key(st->str[k][0], st->str[k] + 1, st->len[k]) &
                 (n_slots - 1);
      while (slot[j]) {
        j = (j + 1) & (n_slots - 1);
      }
      slot[j] = k;
    }
    free(st->slot);
    st->slot = slot;
    st->n_slots = n_slots;
  }
  return id;
}

// ---------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------

#define NS_RDF  "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NS_RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define NS_OWL  "http://www.w3.org/2002/07/owl#"
#define NS_SKOS "http://www.w3.org/2004/02/skos/core#"
#define NS_DCT  "http://purl.org/dc/terms/"
#define NS_DC   "http://purl.org/dc/elements/1.1/"
#define NS_VANN "http://purl.org/vocab/vann/"
#define NS_SDO  "http://schema.org/"
#define NS_FOAF "http://xmlns.com/foaf/0.1/"
#define NS_CC   "http://creativecommons.org/ns#"

typedef enum {
  V_TYPE,
  V_FIRST,
  V_REST,
  V_NIL,
  V_RDF_PROPERTY,
  V_RDFS_CLASS,
  V_SUBCLASSOF,
  V_SUBPROPERTYOF,
  V_DOMAIN,
  V_RANGE,
  V_LABEL,
  V_COMMENT,
  V_ISDEFINEDBY,
  V_SEEALSO,
  V_ONTOLOGY,
  V_OWL_CLASS,
  V_OBJECTPROPERTY,
  V_DATATYPEPROPERTY,
  V_ANNOTATIONPROPERTY,
  V_FUNCTIONAL,
  V_INVERSEFUNCTIONAL,
  V_TRANSITIVE,
  V_SYMMETRIC,
  V_ASYMMETRIC,
  V_REFLEXIVE,
  V_IRREFLEXIVE,
  V_NAMEDINDIVIDUAL,
  V_THING,
  V_EQUIVALENTCLASS,
  V_EQUIVALENTPROPERTY,
  V_INVERSEOF,
  V_DISJOINTWITH,
  V_SAMEAS,
  V_VERSIONINFO,
  V_VERSIONIRI,
  V_PRIORVERSION,
  V_IMPORTS,
  V_DEPRECATED,
  V_ONPROPERTY,
  V_SOMEVALUESFROM,
  V_ALLVALUESFROM,
  V_HASVALUE,
  V_MINCARDINALITY,
  V_MAXCARDINALITY,
  V_CARDINALITY,
  V_MINQUALIFIED,
  V_MAXQUALIFIED,
  V_QUALIFIED,
  V_ONCLASS,
  V_ONDATARANGE,
  V_UNIONOF,
  V_INTERSECTIONOF,
  V_COMPLEMENTOF,
  V_ONEOF,
  V_CONCEPT,
  V_CONCEPTSCHEME,
  V_INSCHEME,
  V_TOPCONCEPTOF,
  V_HASTOPCONCEPT,
  V_PREFLABEL,
  V_ALTLABEL,
  V_DEFINITION,
  V_SCOPENOTE,
  V_EXAMPLE,
  V_NOTATION,
  V_BROADER,
  V_NARROWER,
  V_RELATED,
  V_EXACTMATCH,
  V_CLOSEMATCH,
  V_BROADMATCH,
  V_NARROWMATCH,
  V_RELATEDMATCH,
  V_DCT_TITLE,
  V_DCT_DESCRIPTION,
  V_DCT_LICENSE,
  V_DCT_RIGHTS,
  V_DCT_CREATOR,
  V_DCT_CONTRIBUTOR,
  V_DCT_PUBLISHER,
  V_DCT_CREATED,
  V_DCT_MODIFIED,
  V_DCT_ISSUED,
  V_DC_TITLE,
  V_DC_DESCRIPTION,
  V_DC_CREATOR,
  V_DC_CONTRIBUTOR,
  V_DC_PUBLISHER,
  V_DC_RIGHTS,
  V_VANN_PREFIX,
  V_VANN_URI,
  V_SDO_NAME,
  V_SDO_LICENSE,
  V_SDO_CREATOR,
  V_SDO_AUTHOR,
  V_SDO_DATECREATED,
  V_SDO_DATEMODIFIED,
  V_FOAF_NAME,
  V_CC_LICENSE,
  V_COUNT
} Vocab;

static const char *const vocab_iri[V_COUNT] = {
  [V_TYPE] = NS_RDF "type",
  [V_FIRST] = NS_RDF "first",
  [V_REST] = NS_RDF "rest",
  [V_NIL] = NS_RDF "nil",
  [V_RDF_PROPERTY] = NS_RDF "Property",
  [V_RDFS_CLASS] = NS_RDFS "Class",
  [V_SUBCLASSOF] = NS_RDFS "subClassOf",
  [V_SUBPROPERTYOF] = NS_RDFS "subPropertyOf",
  [V_DOMAIN] = NS_RDFS "domain",
  [V_RANGE] = NS_RDFS "range",
  [V_LABEL] = NS_RDFS "label",
  [V_COMMENT] = NS_RDFS "comment",
  [V_ISDEFINEDBY] = NS_RDFS "isDefinedBy",
  [V_SEEALSO] = NS_RDFS "seeAlso",
  [V_ONTOLOGY] = NS_OWL "Ontology",
  [V_OWL_CLASS] = NS_OWL "Class",
  [V_OBJECTPROPERTY] = NS_OWL "ObjectProperty",
  [V_DATATYPEPROPERTY] = NS_OWL "DatatypeProperty",
  [V_ANNOTATIONPROPERTY] = NS_OWL "AnnotationProperty",
  [V_FUNCTIONAL] = NS_OWL "FunctionalProperty",
  [V_INVERSEFUNCTIONAL] = NS_OWL "InverseFunctionalProperty",
  [V_TRANSITIVE] = NS_OWL "TransitiveProperty",
  [V_SYMMETRIC] = NS_OWL "SymmetricProperty",
  [V_ASYMMETRIC] = NS_OWL "AsymmetricProperty",
  [V_REFLEXIVE] = NS_OWL "ReflexiveProperty",
  [V_IRREFLEXIVE] = NS_OWL "IrreflexiveProperty",
  [V_NAMEDINDIVIDUAL] = NS_OWL "NamedIndividual",
  [V_THING] = NS_OWL "Thing",
  [V_EQUIVALENTCLASS] = NS_OWL "equivalentClass",
  [V_EQUIVALENTPROPERTY] = NS_OWL "equivalentProperty",
  [V_INVERSEOF] = NS_OWL "inverseOf",
  [V_DISJOINTWITH] = NS_OWL "disjointWith",
  [V_SAMEAS] = NS_OWL "sameAs",
  [V_VERSIONINFO] = NS_OWL "versionInfo",
  [V_VERSIONIRI] = NS_OWL "versionIRI",
  [V_PRIORVERSION] = NS_OWL "priorVersion",
  [V_IMPORTS] = NS_OWL "imports",
  [V_DEPRECATED] = NS_OWL "deprecated",
  [V_ONPROPERTY] = NS_OWL "onProperty",
  [V_SOMEVALUESFROM] = NS_OWL "someValuesFrom",
  [V_ALLVALUESFROM] = NS_OWL "allValuesFrom",
  [V_HASVALUE] = NS_OWL "hasValue",
  [V_MINCARDINALITY] = NS_OWL "minCardinality",
  [V_MAXCARDINALITY] = NS_OWL "maxCardinality",
  [V_CARDINALITY] = NS_OWL "cardinality",
  [V_MINQUALIFIED] = NS_OWL "minQualifiedCardinality",
  [V_MAXQUALIFIED] = NS_OWL "maxQualifiedCardinality",
  [V_QUALIFIED] = NS_OWL "qualifiedCardinality",
  [V_ONCLASS] = NS_OWL "onClass",
  [V_ONDATARANGE] = NS_OWL "onDataRange",
  [V_UNIONOF] = NS_OWL "unionOf",
  [V_INTERSECTIONOF] = NS_OWL "intersectionOf",
  [V_COMPLEMENTOF] = NS_OWL "complementOf",
  [V_ONEOF] = NS_OWL "oneOf",
  [V_CONCEPT] = NS_SKOS "Concept",
  [V_CONCEPTSCHEME] = NS_SKOS "ConceptScheme",
  [V_INSCHEME] = NS_SKOS "inScheme",
  [V_TOPCONCEPTOF] = NS_SKOS "topConceptOf",
  [V_HASTOPCONCEPT] = NS_SKOS "hasTopConcept",
  [V_PREFLABEL] = NS_SKOS "prefLabel",
  [V_ALTLABEL] = NS_SKOS "altLabel",
  [V_DEFINITION] = NS_SKOS "definition",
  [V_SCOPENOTE] = NS_SKOS "scopeNote",
  [V_EXAMPLE] = NS_SKOS "example",
  [V_NOTATION] = NS_SKOS "notation",
  [V_BROADER] = NS_SKOS "broader",
  [V_NARROWER] = NS_SKOS "narrower",
  [V_RELATED] = NS_SKOS "related",
  [V_EXACTMATCH] = NS_SKOS "exactMatch",
  [V_CLOSEMATCH] = NS_SKOS "closeMatch",
  [V_BROADMATCH] = NS_SKOS "broadMatch",
  [V_NARROWMATCH] = NS_SKOS "narrowMatch",
  [V_RELATEDMATCH] = NS_SKOS "relatedMatch",
  [V_DCT_TITLE] = NS_DCT "title",
  [V_DCT_DESCRIPTION] = NS_DCT "description",
  [V_DCT_LICENSE] = NS_DCT "license",
  [V_DCT_RIGHTS] = NS_DCT "rights",
  [V_DCT_CREATOR] = NS_DCT "creator",
  [V_DCT_CONTRIBUTOR] = NS_DCT "contributor",
  [V_DCT_PUBLISHER] = NS_DCT "publisher",
  [V_DCT_CREATED] = NS_DCT "created",
  [V_DCT_MODIFIED] = NS_DCT "modified",
  [V_DCT_ISSUED] = NS_DCT "issued",
  [V_DC_TITLE] = NS_DC "title",
  [V_DC_DESCRIPTION] = NS_DC "description",
  [V_DC_CREATOR] = NS_DC "creator",
  [V_DC_CONTRIBUTOR] = NS_DC "contributor",
  [V_DC_PUBLISHER] = NS_DC "publisher",
  [V_DC_RIGHTS] = NS_DC "rights",
  [V_VANN_PREFIX] = NS_VANN "preferredNamespacePrefix",
  [V_VANN_URI] = NS_VANN "preferredNamespaceUri",
  [V_SDO_NAME] = NS_SDO "name",
  [V_SDO_LICENSE] = NS_SDO "license",
  [V_SDO_CREATOR] = NS_SDO "creator",
  [V_SDO_AUTHOR] = NS_SDO "author",
  [V_SDO_DATECREATED] = NS_SDO "dateCreated",
  [V_SDO_DATEMODIFIED] = NS_SDO "dateModified",
  [V_FOAF_NAME] = NS_FOAF "name",
  [V_CC_LICENSE] = NS_CC "license",
};

// ---------------------------------------------------------------------------
// The model: the ontology's statements, sorted, and the terms it declares
// ---------------------------------------------------------------------------

typedef struct {
  uint32_t s, p, o;
  uint32_t lang; ///< of a literal object, or 0
  uint32_t dt;   ///< datatype IRI of a literal object, or 0
  size_t seq;    ///< position in the file
} Triple;

typedef struct {
  char *prefix; ///< "" for the default namespace
  char *uri;
} Namespace;

/// What a term is documented as, in the order of the page's sections.  A
/// term declared as several is documented as the first.
typedef enum {
  K_CLASS,
  K_OBJECT_PROPERTY,
  K_DATATYPE_PROPERTY,
  K_ANNOTATION_PROPERTY,
  K_PROPERTY,
  K_SCHEME,
  K_CONCEPT,
  K_INDIVIDUAL,
  K_COUNT
} Kind;

typedef struct {
  uint32_t iri;
  Kind kind;
  char *local;  ///< local name (after the last '#' or '/')
  char *id;     ///< HTML id: the local name, made unique
  size_t seq;   ///< first statement about it
  size_t rank;  ///< position in its kind's list
  size_t group; ///< concepts: their group + 1 (0: none yet)
} Term;

/// Concepts are listed by scheme, or without one by their class.
typedef struct {
  uint32_t key; ///< the scheme or the class; 0: concepts with neither
  int is_scheme;
  size_t *members; ///< term indices, in file order
  size_t n_members;
  size_t cap;
  char *id; ///< the group's heading id (a scheme's is its term's id)
} Group;

typedef struct {
  const char *path; ///< the ontology's file name, for messages
  Strings st;
  uint32_t v[V_COUNT];
  Triple *t; ///< sorted by s, p, o
  size_t nt;
  size_t cap_t;
  size_t *by_po; ///< triple indices sorted by p, o, s
  Namespace *ns;
  size_t n_ns;
  size_t cap_ns;
  Term *terms;
  size_t n_terms;
  size_t cap_terms;
  size_t *term_of;          ///< [resource id] term index + 1
  char **qnames;            ///< [resource id] display name, made on demand
  size_t *by_kind[K_COUNT]; ///< term indices of each kind, in page order
  size_t n_kind[K_COUNT];
  Group *groups;
  size_t n_groups;
  size_t cap_groups;
  uint32_t ontology; ///< the owl:Ontology, or 0
  Strings ids;       ///< HTML ids in use
  size_t errors;
  size_t messages;
} Model;

static const char *
text_of(const Model *m, uint32_t id)
{
  return m->st.str[id] + 1;
}

static int
kind_of(const Model *m, uint32_t id)
{
  return id ? m->st.str[id][0] : 0;
}

// --- reading --------------------------------------------------------------

static uint32_t
intern_term(Model *m, const raptor_term *term, uint32_t *lang, uint32_t *dt)
{
  *lang = 0;
  *dt = 0;
  switch (term->type) {
    case RAPTOR_TERM_TYPE_URI: {
      size_t len = 0;
      const unsigned char *s =
        raptor_uri_as_counted_string(term->value.uri, &len);
      return strings_get(&m->st, IRI, (const char *)s, len, 1);
    }
    case RAPTOR_TERM_TYPE_BLANK:
      return strings_get(&m->st,
                         BNODE,
                         (const char *)term->value.blank.string,
                         term->value.blank.string_len,
                         1);
    case RAPTOR_TERM_TYPE_LITERAL: {
      const raptor_term_literal_value *l = &term->value.literal;
      if (l->language && l->language_len) {
        *lang = strings_get(
          &m->st, LANG, (const char *)l->language, l->language_len, 1);
      }
      if (l->datatype) {
        size_t len = 0;
        const unsigned char *s =
          raptor_uri_as_counted_string(l->datatype, &len);
        *dt = strings_get(&m->st, IRI, (const char *)s, len, 1);
      }
      return strings_get(&m->st,
                         LITERAL,
                         l->string ? (const char *)l->string : "",
                         l->string_len,
                         1);
    }
    case RAPTOR_TERM_TYPE_UNKNOWN:
    default:
      return 0;
  }
}

static void
on_statement(void *data, raptor_statement *statement)
{
  Model *m = data;
  uint32_t lang = 0;
  uint32_t dt = 0;
  Triple t;
  memset(&t, 0, sizeof(t));
  t.s = intern_term(m, statement->subject, &lang, &dt);
  t.p = intern_term(m, statement->predicate, &lang, &dt);
  t.o = intern_term(m, statement->object, &t.lang, &t.dt);
  if (!t.s || !t.p || !t.o) {
    return;
  }
  t.seq = m->nt;
  m->t = reserve(m->t, &m->cap_t, m->nt + 1, sizeof(Triple));
  m->t[m->nt++] = t;
}

static void
on_namespace(void *data, raptor_namespace *ns)
{
  Model *m = data;
  const unsigned char *prefix = raptor_namespace_get_prefix(ns);
  raptor_uri *uri = raptor_namespace_get_uri(ns);
  if (!uri) {
    return;
  }
  const char *p = prefix ? (const char *)prefix : "";
  const char *u = (const char *)raptor_uri_as_string(uri);
  for (size_t i = 0; i < m->n_ns; ++i) { // a prefix declared again
    if (!strcmp(m->ns[i].prefix, p)) {
      free(m->ns[i].uri);
      m->ns[i].uri = xstrdup(u);
      return;
    }
  }
  m->ns = reserve(m->ns, &m->cap_ns, m->n_ns + 1, sizeof(Namespace));
  m->ns[m->n_ns].prefix = xstrdup(p);
  m->ns[m->n_ns].uri = xstrdup(u);
  m->n_ns++;
}

static void
on_log(void *data, raptor_log_message *message)
{
  Model *m = data;
  const int error = message->level >= RAPTOR_LOG_LEVEL_ERROR;
  if (error) {
    m->errors++;
  } else if (message->level < RAPTOR_LOG_LEVEL_WARN) {
    return;
  }
  if (m->messages++ >= MAX_MESSAGES) {
    return;
  }
  char *text = clean_text(message->text ? message->text : "", 500);
  const int line =
    message->locator ? raptor_locator_line(message->locator) : -1;
  const int column =
    message->locator ? raptor_locator_column(message->locator) : -1;
  if (line > 0 && column > 0) {
    fprintf(stderr,
            "ontodoc: %s:%d:%d: %s: %s\n",
            m->path,
            line,
            column,
            error ? "error" : "warning",
            text);
  } else if (line > 0) {
    fprintf(stderr,
            "ontodoc: %s:%d: %s: %s\n",
            m->path,
            line,
            error ? "error" : "warning",
            text);
  } else {
    fprintf(stderr,
            "ontodoc: %s: %s: %s\n",
            m->path,
            error ? "error" : "warning",
            text);
  }
  free(text);
}

/// Read the ontology: 0, or an exit status (the message is written).
static int
parse(Model *m)
{
  FILE *f = fopen(m->path, "rb");
  if (!f) {
    fprintf(stderr,
            "ontodoc: %s: error: cannot open: %s\n",
            m->path,
            strerror(errno));
    return EXIT_NOINPUT;
  }
  int status = 0;
  raptor_world *world = raptor_new_world();
  raptor_parser *parser = NULL;
  unsigned char *base_string = NULL;
  raptor_uri *base = NULL;
  if (!world || raptor_world_open(world)) {
    out_of_memory();
  }
  raptor_world_set_log_handler(world, m, on_log);
  parser = raptor_new_parser(world, "turtle");
  base_string = raptor_uri_filename_to_uri_string(m->path);
  base = base_string ? raptor_new_uri(world, base_string) : NULL;
  if (!parser || !base) {
    out_of_memory();
  }
  // Nothing but the file itself is read.
  raptor_parser_set_option(parser, RAPTOR_OPTION_NO_NET, NULL, 1);
  raptor_parser_set_option(parser, RAPTOR_OPTION_NO_FILE, NULL, 1);
  raptor_parser_set_statement_handler(parser, m, on_statement);
  raptor_parser_set_namespace_handler(parser, m, on_namespace);
  errno = 0;
  const int rc = raptor_parser_parse_file_stream(parser, f, m->path, base);
  if (ferror(f)) {
    fprintf(stderr,
            "ontodoc: %s: error: cannot read: %s\n",
            m->path,
            strerror(errno ? errno : EIO));
    status = EXIT_NOINPUT;
  } else if (rc || m->errors) {
    if (m->messages > MAX_MESSAGES) {
      fprintf(stderr,
              "ontodoc: %s: %zu more messages not shown\n",
              m->path,
              m->messages - MAX_MESSAGES);
    }
    fprintf(stderr, "ontodoc: %s: error: not a valid Turtle file\n", m->path);
    status = EXIT_DATAERR;
  } else if (!m->nt) {
    fprintf(
      stderr, "ontodoc: %s: error: the file holds no statement\n", m->path);
    status = EXIT_DATAERR;
  }
  raptor_free_uri(base);
  raptor_free_memory(base_string);
  raptor_free_parser(parser);
  raptor_free_world(world);
  fclose(f);
  return status;
}

// --- indexes --------------------------------------------------------------

static int
cmp_u32(uint32_t a, uint32_t b)
{
  return (a > b) - (a < b);
}

static int
cmp_spo(const void *pa, const void *pb, void *context)
{
  (void)context;
  const Triple *a = pa;
  const Triple *b = pb;
  int c = cmp_u32(a->s, b->s);
  c = c ? c : cmp_u32(a->p, b->p);
  c = c ? c : cmp_u32(a->o, b->o);
  c = c ? c : cmp_u32(a->lang, b->lang);
  c = c ? c : cmp_u32(a->dt, b->dt);
  return c ? c : (a->seq > b->seq) - (a->seq < b->seq);
}

/// Sort `n` elements (none or one: nothing to do, and qsort may not be
/// given a null array).
static void
sort_with(void *base,
          size_t n,
          size_t size,
          int (*cmp)(const void *, const void *, void *),
          void *context)
{
  if (n > 1) {
    qsort_r(base, n, size, cmp, context);
  }
}

static int
cmp_po(const void *pa, const void *pb, void *context)
{
  const Triple *triples = context;
  const Triple *a = &triples[*(const size_t *)pa];
  const Triple *b = &triples[*(const size_t *)pb];
  int c = cmp_u32(a->p, b->p);
  c = c ? c : cmp_u32(a->o, b->o);
  return c ? c : cmp_u32(a->s, b->s);
}

/// Sort the statements, drop repeated ones, index them by predicate and
/// object.
static void
index_triples(Model *m)
{
  sort_with(m->t, m->nt, sizeof(Triple), cmp_spo, NULL);
  size_t kept = 0;
  for (size_t i = 0; i < m->nt; ++i) {
    const Triple *t = &m->t[i];
    if (kept) {
      const Triple *k = &m->t[kept - 1];
      if (k->s == t->s && k->p == t->p && k->o == t->o && k->lang == t->lang &&
          k->dt == t->dt) {
        continue; // the same statement again (the first is kept)
      }
    }
    m->t[kept++] = *t;
  }
  m->nt = kept;
  m->by_po = xmalloc(m->nt * sizeof(size_t));
  for (size_t i = 0; i < m->nt; ++i) {
    m->by_po[i] = i;
  }
  sort_with(m->by_po, m->nt, sizeof(size_t), cmp_po, m->t);
}

/// First statement with subject `s` and predicate `p` (or where it would
/// be); sp_end: one past the last.
static size_t
sp_bound(const Model *m, uint32_t s, uint32_t p, int upper)
{
  size_t lo = 0;
  size_t hi = m->nt;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    const Triple *t = &m->t[mid];
    const int c = t->s != s ? cmp_u32(t->s, s) : cmp_u32(t->p, p);
    if (c < 0 || (upper && c == 0)) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

static size_t
po_bound(const Model *m, uint32_t p, uint32_t o, int upper)
{
  size_t lo = 0;
  size_t hi = m->nt;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    const Triple *t = &m->t[m->by_po[mid]];
    const int c = t->p != p ? cmp_u32(t->p, p) : cmp_u32(t->o, o);
    if (c < 0 || (upper && c == 0)) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/// A range of statements: [begin, end) of m->t (by subject) or of
/// m->by_po (by object).
typedef struct {
  size_t begin;
  size_t end;
} Range;

static Range
objects(const Model *m, uint32_t s, Vocab p)
{
  const Range r = { sp_bound(m, s, m->v[p], 0), sp_bound(m, s, m->v[p], 1) };
  return r;
}

static Range
subjects(const Model *m, Vocab p, uint32_t o)
{
  const Range r = { po_bound(m, m->v[p], o, 0), po_bound(m, m->v[p], o, 1) };
  return r;
}

static const Triple *
by_object(const Model *m, size_t k)
{
  return &m->t[m->by_po[k]];
}

/// The first object of (s, p), or 0.
static uint32_t
object1(const Model *m, uint32_t s, Vocab p)
{
  const Range r = objects(m, s, p);
  return r.begin < r.end ? m->t[r.begin].o : 0;
}

static int
has(const Model *m, uint32_t s, Vocab p, uint32_t o)
{
  const Range r = objects(m, s, p);
  for (size_t i = r.begin; i < r.end; ++i) {
    if (m->t[i].o == o) {
      return 1;
    }
  }
  return 0;
}

static const Term *
term(const Model *m, uint32_t id)
{
  return id && m->term_of[id] ? &m->terms[m->term_of[id] - 1] : NULL;
}

/// 3 for English, 2 for no language, 1 for another language.
static int
lang_score(const Model *m, uint32_t lang)
{
  if (!lang) {
    return 2;
  }
  const char *l = text_of(m, lang);
  return !strcasecmp(l, "en") || !strncasecmp(l, "en-", 3) ? 3 : 1;
}

/// The literal to show for `s` among predicates `preds` (the first that
/// has one wins; English, then no language, then any).
static const Triple *
best_literal(const Model *m, uint32_t s, const Vocab *preds, size_t n)
{
  for (size_t k = 0; k < n; ++k) {
    const Range r = objects(m, s, preds[k]);
    const Triple *best = NULL;
    int best_score = 0;
    for (size_t i = r.begin; i < r.end; ++i) {
      const Triple *t = &m->t[i];
      if (kind_of(m, t->o) != LITERAL) {
        continue;
      }
      const int score = lang_score(m, t->lang);
      if (score > best_score) {
        best = t;
        best_score = score;
      }
    }
    if (best) {
      return best;
    }
  }
  return NULL;
}

static const Vocab label_preds[] = { V_PREFLABEL, V_LABEL,    V_DCT_TITLE,
                                     V_DC_TITLE,  V_SDO_NAME, V_FOAF_NAME };
static const Vocab definition_preds[] = { V_DEFINITION,
                                          V_COMMENT,
                                          V_DCT_DESCRIPTION,
                                          V_DC_DESCRIPTION };
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *
label_of(const Model *m, uint32_t s)
{
  const Triple *t = best_literal(m, s, label_preds, COUNT(label_preds));
  return t ? text_of(m, t->o) : NULL;
}

// --- names ----------------------------------------------------------------

/// The local name of an IRI: after its last '#', else after its last '/';
/// the whole IRI when that is empty.
static char *
local_name(const char *iri)
{
  const char *hash = strrchr(iri, '#');
  const char *slash = strrchr(iri, '/');
  const char *start = hash ? hash + 1 : slash ? slash + 1 : iri;
  return xstrdup(*start ? start : iri);
}

/// The namespace an IRI is in (the longest that starts it), or SIZE_MAX.
static size_t
namespace_of(const Model *m, const char *iri)
{
  size_t best = SIZE_MAX;
  size_t best_len = 0;
  for (size_t i = 0; i < m->n_ns; ++i) {
    const size_t len = strlen(m->ns[i].uri);
    if (len > best_len && !strncmp(iri, m->ns[i].uri, len)) {
      best = i;
      best_len = len;
    }
  }
  return best;
}

/// How a resource is shown: prefix:local when a declared namespace starts
/// the IRI and leaves a plain local part, else the IRI.
static const char *
qname(Model *m, uint32_t id)
{
  if (m->qnames[id]) {
    return m->qnames[id];
  }
  const char *iri = text_of(m, id);
  Buf b = { NULL, 0, 0 };
  const size_t ns = kind_of(m, id) == IRI ? namespace_of(m, iri) : SIZE_MAX;
  if (ns != SIZE_MAX) {
    const char *local = iri + strlen(m->ns[ns].uri);
    if (*local && !strpbrk(local, "/#?:\t\n\r ")) {
      buf_puts(&b, m->ns[ns].prefix);
      buf_puts(&b, ":");
      buf_puts(&b, local);
    }
  }
  if (!b.len) {
    buf_puts(&b, kind_of(m, id) == BNODE ? "_:" : "");
    buf_puts(&b, iri);
  }
  m->qnames[id] = buf_take(&b);
  return m->qnames[id];
}

/// A unique HTML id from `want` (its whitespace replaced by '_').
static char *
make_id(Model *m, const char *want)
{
  char *base = clean_text(want, 200);
  for (char *c = base; *c; ++c) {
    if (*c == ' ' || *c == '\t' || *c == '\n' || *c == '\f' || *c == '\r') {
      *c = '_';
    }
  }
  if (!*base) {
    free(base);
    base = xstrdup("term");
  }
  char *id = xstrdup(base);
  for (unsigned long k = 2; strings_get(&m->ids, HTML_ID, id, strlen(id), 0);
       ++k) {
    const size_t n = strlen(base) + 24;
    free(id);
    id = xmalloc(n);
    snprintf(id, n, "%s-%lu", base, k);
  }
  strings_get(&m->ids, HTML_ID, id, strlen(id), 1);
  free(base);
  return id;
}

// --- terms ----------------------------------------------------------------

static void
add_term(Model *m, uint32_t iri, Kind kind, const size_t *first_seq)
{
  if (kind_of(m, iri) != IRI || m->term_of[iri]) {
    return; // anonymous, or already documented as an earlier kind
  }
  m->terms = reserve(m->terms, &m->cap_terms, m->n_terms + 1, sizeof(Term));
  Term *t = &m->terms[m->n_terms];
  memset(t, 0, sizeof(*t));
  t->iri = iri;
  t->kind = kind;
  t->local = local_name(text_of(m, iri));
  t->seq = first_seq[iri];
  m->term_of[iri] = ++m->n_terms;
}

/// Add every subject of (rdf:type, class) as a term of `kind`.
static void
add_instances(Model *m, Vocab class, Kind kind, const size_t *first_seq)
{
  const Range r = subjects(m, V_TYPE, m->v[class]);
  for (size_t k = r.begin; k < r.end; ++k) {
    add_term(m, by_object(m, k)->s, kind, first_seq);
  }
}

static int
cmp_terms(const void *pa, const void *pb, void *context)
{
  const Model *sort_model = context;
  const Term *a = &sort_model->terms[*(const size_t *)pa];
  const Term *b = &sort_model->terms[*(const size_t *)pb];
  if (a->kind == K_CONCEPT || a->kind == K_INDIVIDUAL) { // in file order
    return (a->seq > b->seq) - (a->seq < b->seq);
  }
  int c = strcasecmp(a->local, b->local);
  c = c ? c : strcmp(a->local, b->local);
  return c ? c
           : strcmp(text_of(sort_model, a->iri), text_of(sort_model, b->iri));
}

static size_t
add_group(Model *m, uint32_t key, int is_scheme)
{
  m->groups =
    reserve(m->groups, &m->cap_groups, m->n_groups + 1, sizeof(Group));
  Group *g = &m->groups[m->n_groups];
  memset(g, 0, sizeof(*g));
  g->key = key;
  g->is_scheme = is_scheme;
  return m->n_groups++;
}

/// Add a concept to a group; concepts come one at a time, so a concept
/// added twice (in a scheme by two statements) is the last one.
static void
group_add(Group *g, size_t term_index)
{
  if (g->n_members && g->members[g->n_members - 1] == term_index) {
    return;
  }
  g->members = reserve(g->members, &g->cap, g->n_members + 1, sizeof(size_t));
  g->members[g->n_members++] = term_index;
}

static int
cmp_groups(const void *pa, const void *pb, void *context)
{
  const Model *sort_groups_model = context;
  const Group *a = pa;
  const Group *b = pb;
  if (a->is_scheme != b->is_scheme) {
    return b->is_scheme - a->is_scheme; // schemes first
  }
  if (!a->key || !b->key) { // the group of neither comes last
    return (!a->key) - (!b->key);
  }
  const Term *ta = term(sort_groups_model, a->key);
  const Term *tb = term(sort_groups_model, b->key);
  const size_t ra = ta ? ta->rank : SIZE_MAX;
  const size_t rb = tb ? tb->rank : SIZE_MAX;
  return ra != rb ? (ra > rb) - (ra < rb) : cmp_u32(a->key, b->key);
}

/// Put each concept in a group: each scheme it is in, or else the first
/// of its classes (in page order), or else the group of neither.
static void
group_concepts(Model *m)
{
  const size_t *concepts = m->by_kind[K_CONCEPT];
  const size_t n = m->n_kind[K_CONCEPT];
  for (size_t i = 0; i < m->n_kind[K_SCHEME]; ++i) {
    add_group(m, m->terms[m->by_kind[K_SCHEME][i]].iri, 1);
  }
  const size_t n_schemes = m->n_groups;
  size_t *scheme_group = calloc(m->st.n, sizeof(size_t)); // group + 1
  if (!scheme_group) {
    out_of_memory();
  }
  for (size_t g = 0; g < n_schemes; ++g) {
    scheme_group[m->groups[g].key] = g + 1;
  }
  for (size_t c = 0; c < n; ++c) {
    Term *t = &m->terms[concepts[c]];
    int grouped = 0;
    static const Vocab in_scheme[] = { V_INSCHEME, V_TOPCONCEPTOF };
    for (size_t k = 0; k < COUNT(in_scheme); ++k) {
      const Range r = objects(m, t->iri, in_scheme[k]);
      for (size_t i = r.begin; i < r.end; ++i) {
        if (scheme_group[m->t[i].o]) {
          group_add(&m->groups[scheme_group[m->t[i].o] - 1], concepts[c]);
          grouped = 1;
        }
      }
    }
    const Range tops = subjects(m, V_HASTOPCONCEPT, t->iri);
    for (size_t k = tops.begin; k < tops.end; ++k) {
      const uint32_t scheme = by_object(m, k)->s;
      if (scheme_group[scheme]) {
        group_add(&m->groups[scheme_group[scheme] - 1], concepts[c]);
        grouped = 1;
      }
    }
    if (grouped) {
      continue;
    }
    uint32_t key = 0;
    size_t best_rank = SIZE_MAX;
    const Range r = objects(m, t->iri, V_TYPE);
    for (size_t i = r.begin; i < r.end; ++i) {
      const Term *class = term(m, m->t[i].o);
      if (class && class->kind == K_CLASS && class->rank < best_rank) {
        key = class->iri;
        best_rank = class->rank;
      }
    }
    size_t g = n_schemes;
    while (g < m->n_groups && m->groups[g].key != key) {
      ++g;
    }
    if (g == m->n_groups) {
      g = add_group(m, key, 0);
    }
    group_add(&m->groups[g], concepts[c]);
  }
  sort_with(m->groups + n_schemes,
            m->n_groups - n_schemes,
            sizeof(Group),
            cmp_groups,
            (void *)(uintptr_t)m);
  free(scheme_group);
  for (size_t g = 0; g < m->n_groups; ++g) {
    for (size_t k = 0; k < m->groups[g].n_members; ++k) {
      Term *t = &m->terms[m->groups[g].members[k]];
      if (!t->group) {
        t->group = g + 1; // listed in full here, linked from later groups
      }
    }
  }
}

/// Find the terms the ontology declares, order them and give them ids.
static void
collect_terms(Model *m)
{
  m->term_of = calloc(m->st.n, sizeof(size_t));
  m->qnames = calloc(m->st.n, sizeof(char *));
  size_t *first_seq = xmalloc(m->st.n * sizeof(size_t));
  unsigned char *seen = calloc(m->st.n, 1);
  if (!m->term_of || !m->qnames || !seen) {
    out_of_memory();
  }
  for (size_t i = 0; i < m->st.n; ++i) {
    first_seq[i] = SIZE_MAX;
  }
  for (size_t i = 0; i < m->nt; ++i) {
    if (m->t[i].seq < first_seq[m->t[i].s]) {
      first_seq[m->t[i].s] = m->t[i].seq;
    }
  }
  const Range ontologies = subjects(m, V_TYPE, m->v[V_ONTOLOGY]);
  for (size_t k = ontologies.begin; k < ontologies.end && !m->ontology; ++k) {
    m->ontology = by_object(m, k)->s;
  }

  add_instances(m, V_OWL_CLASS, K_CLASS, first_seq);
  add_instances(m, V_RDFS_CLASS, K_CLASS, first_seq);
  static const Vocab object_types[] = { V_OBJECTPROPERTY, V_INVERSEFUNCTIONAL,
                                        V_TRANSITIVE,     V_SYMMETRIC,
                                        V_ASYMMETRIC,     V_REFLEXIVE,
                                        V_IRREFLEXIVE };
  for (size_t i = 0; i < COUNT(object_types); ++i) {
    add_instances(m, object_types[i], K_OBJECT_PROPERTY, first_seq);
  }
  add_instances(m, V_DATATYPEPROPERTY, K_DATATYPE_PROPERTY, first_seq);
  add_instances(m, V_ANNOTATIONPROPERTY, K_ANNOTATION_PROPERTY, first_seq);
  add_instances(m, V_RDF_PROPERTY, K_PROPERTY, first_seq);
  add_instances(m, V_FUNCTIONAL, K_PROPERTY, first_seq);

  // Concept schemes: declared, or named by skos:inScheme and the like.
  add_instances(m, V_CONCEPTSCHEME, K_SCHEME, first_seq);
  for (size_t i = 0; i < m->nt; ++i) {
    const Triple *t = &m->t[i];
    if (t->p == m->v[V_INSCHEME] || t->p == m->v[V_TOPCONCEPTOF]) {
      add_term(m, t->o, K_SCHEME, first_seq);
    } else if (t->p == m->v[V_HASTOPCONCEPT]) {
      add_term(m, t->s, K_SCHEME, first_seq);
    }
  }
  // Concepts: instances of skos:Concept or of any class under it, and
  // whatever is in a scheme.
  size_t *work = xmalloc(m->st.n * sizeof(size_t));
  size_t n_work = 0;
  work[n_work++] = m->v[V_CONCEPT];
  seen[m->v[V_CONCEPT]] = 1;
  while (n_work) {
    const uint32_t class = (uint32_t)work[--n_work];
    const Range members = subjects(m, V_TYPE, class);
    for (size_t k = members.begin; k < members.end; ++k) {
      add_term(m, by_object(m, k)->s, K_CONCEPT, first_seq);
    }
    const Range subs = subjects(m, V_SUBCLASSOF, class);
    for (size_t k = subs.begin; k < subs.end; ++k) {
      const uint32_t sub = by_object(m, k)->s;
      if (!seen[sub]) {
        seen[sub] = 1;
        work[n_work++] = sub;
      }
    }
  }
  free(work);
  free(seen);
  for (size_t i = 0; i < m->nt; ++i) {
    const Triple *t = &m->t[i];
    if (t->p == m->v[V_INSCHEME] || t->p == m->v[V_TOPCONCEPTOF]) {
      add_term(m, t->s, K_CONCEPT, first_seq);
    } else if (t->p == m->v[V_HASTOPCONCEPT]) {
      add_term(m, t->o, K_CONCEPT, first_seq);
    }
  }
  add_instances(m, V_NAMEDINDIVIDUAL, K_INDIVIDUAL, first_seq);
  free(first_seq);

  for (int k = 0; k < K_COUNT; ++k) {
    m->by_kind[k] = xmalloc((m->n_terms + 1) * sizeof(size_t));
  }
  for (size_t i = 0; i < m->n_terms; ++i) {
    const Kind k = m->terms[i].kind;
    m->by_kind[k][m->n_kind[k]++] = i;
  }
  for (int k = 0; k < K_COUNT; ++k) {
    sort_with(m->by_kind[k],
              m->n_kind[k],
              sizeof(size_t),
              cmp_terms,
              (void *)(uintptr_t)m);
    for (size_t i = 0; i < m->n_kind[k]; ++i) {
      m->terms[m->by_kind[k][i]].rank = i;
    }
  }
  // Ids in page order, so a term keeps its plain local name unless an
  // earlier one has it.
  for (int k = 0; k < K_COUNT; ++k) {
    for (size_t i = 0; i < m->n_kind[k]; ++i) {
      Term *t = &m->terms[m->by_kind[k][i]];
      t->id = make_id(m, t->local);
    }
  }
  group_concepts(m);
}

static void
model_free(Model *m)
{
  for (size_t i = 0; i < m->n_terms; ++i) {
    free(m->terms[i].local);
    free(m->terms[i].id);
  }
  if (m->qnames) {
    for (size_t i = 0; i < m->st.n; ++i) {
      free(m->qnames[i]);
    }
  }
  for (size_t i = 0; i < m->n_groups; ++i) {
    free(m->groups[i].members);
    free(m->groups[i].id);
  }
  for (size_t i = 0; i < m->n_ns; ++i) {
    free(m->ns[i].prefix);
    free(m->ns[i].uri);
  }
  for (int k = 0; k < K_COUNT; ++k) {
    free(m->by_kind[k]);
  }
  free(m->groups);
  free(m->ns);
  free(m->terms);
  free(m->term_of);
  free(m->qnames);
  free(m->t);
  free(m->by_po);
  strings_free(&m->st);
  strings_free(&m->ids);
}

// ---------------------------------------------------------------------------
// HTML building: elements, attributes and text only through libxml2
// ---------------------------------------------------------------------------

static xmlNodePtr
add_el(xmlNodePtr parent, const char *name, const char *class)
{
  xmlNodePtr n = xmlNewChild(parent, NULL, X(name), NULL);
  if (!n) {
    out_of_memory();
  }
  if (class) {
    if (!xmlNewProp(n, X("class"), X(class))) {
      out_of_memory();
    }
  }
  return n;
}

/// Set an attribute to text (cleaned; the serializer escapes it).
static void
set_attr(xmlNodePtr n, const char *name, const char *value)
{
  char *clean = clean_text(value, 0);
  if (!xmlSetProp(n, X(name), X(clean))) {
    out_of_memory();
  }
  free(clean);
}

/// Append text (cleaned; the serializer escapes it).
static void
add_text(xmlNodePtr parent, const char *text)
{
  char *clean = clean_text(text, 0);
  xmlNodePtr t = xmlNewDocText(parent->doc, X(clean));
  free(clean);
  if (!t || !xmlAddChild(parent, t)) {
    out_of_memory();
  }
}

static xmlNodePtr
add_el_text(xmlNodePtr parent,
            const char *name,
            const char *class,
            const char *text)
{
  xmlNodePtr n = add_el(parent, name, class);
  add_text(n, text);
  return n;
}

static xmlNodePtr
add_link(xmlNodePtr parent, const char *href, const char *class)
{
  xmlNodePtr a = add_el(parent, "a", class);
  set_attr(a, "href", href);
  return a;
}

/// A link to an id on this page.
static xmlNodePtr
add_anchor_link(xmlNodePtr parent, const char *id)
{
  Buf b = { NULL, 0, 0 };
  buf_puts(&b, "#");
  buf_puts(&b, id);
  xmlNodePtr a = add_link(parent, b.s, NULL);
  free(b.s);
  return a;
}

static int
is_web_iri(const char *iri)
{
  return !strncasecmp(iri, "http://", 7) || !strncasecmp(iri, "https://", 8);
}

/// A well-formed language tag, or NULL.
static const char *
lang_tag(const Model *m, uint32_t lang)
{
  if (!lang) {
    return NULL;
  }
  const char *l = text_of(m, lang);
  if (!*l || strlen(l) > 35 ||
      strspn(l,
             "abcdefghijklmnopqrstuvwxyz"
             "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
             "0123456789-") != strlen(l)) {
    return NULL;
  }
  return l;
}

/// A literal's text, isolated for bidi and with its language.
static void
add_literal(const Model *m, xmlNodePtr parent, const Triple *t)
{
  xmlNodePtr span = add_el_text(parent, "span", "lit", text_of(m, t->o));
  const char *lang = lang_tag(m, t->lang);
  if (lang) {
    set_attr(span, "lang", lang);
  }
}

static void add_resource(Model *m, xmlNodePtr parent, uint32_t id, int depth);

/// The members of an RDF list, at most `max`.
static size_t
list_items(const Model *m, uint32_t head, uint32_t *items, size_t max)
{
  size_t n = 0;
  while (head && head != m->v[V_NIL] && n < max) {
    const uint32_t first = object1(m, head, V_FIRST);
    if (!first) {
      break;
    }
    items[n++] = first;
    head = object1(m, head, V_REST);
  }
  return n;
}

static void
add_list(Model *m,
         xmlNodePtr parent,
         uint32_t head,
         const char *open,
         const char *sep,
         const char *close,
         int depth)
{
  uint32_t *items = xmalloc(MAX_LIST_ITEMS * sizeof(uint32_t));
  const size_t n = list_items(m, head, items, MAX_LIST_ITEMS);
  add_text(parent, open);
  for (size_t i = 0; i < n; ++i) {
    if (i) {
      add_text(parent, sep);
    }
    add_resource(m, parent, items[i], depth + 1);
  }
  add_text(parent, close);
  free(items);
}

/// An anonymous class expression, in words.
static void
add_expression(Model *m, xmlNodePtr parent, uint32_t b, int depth)
{
  xmlNodePtr span = add_el(parent, "span", "expr");
  uint32_t x = 0;
  if (depth > MAX_EXPRESSION_DEPTH) {
    add_text(span, "\xE2\x80\xA6");
  } else if ((x = object1(m, b, V_UNIONOF))) {
    add_list(m, span, x, "(", " or ", ")", depth);
  } else if ((x = object1(m, b, V_INTERSECTIONOF))) {
    add_list(m, span, x, "(", " and ", ")", depth);
  } else if ((x = object1(m, b, V_ONEOF))) {
    add_list(m, span, x, "one of {", ", ", "}", depth);
  } else if ((x = object1(m, b, V_COMPLEMENTOF))) {
    add_text(span, "not ");
    add_resource(m, span, x, depth + 1);
  } else if ((x = object1(m, b, V_ONPROPERTY))) {
    static const struct {
      Vocab p;
      const char *word;
    } kinds[] = {
      { V_SOMEVALUESFROM, " some " }, { V_ALLVALUESFROM, " only " },
      { V_HASVALUE, " value " },      { V_MINCARDINALITY, " min " },
      { V_MAXCARDINALITY, " max " },  { V_CARDINALITY, " exactly " },
      { V_MINQUALIFIED, " min " },    { V_MAXQUALIFIED, " max " },
      { V_QUALIFIED, " exactly " },
    };
    add_resource(m, span, x, depth + 1);
    for (size_t k = 0; k < COUNT(kinds); ++k) {
      const Range r = objects(m, b, kinds[k].p);
      if (r.begin == r.end) {
        continue;
      }
      add_text(span, kinds[k].word);
      const Triple *t = &m->t[r.begin];
      if (kind_of(m, t->o) == LITERAL) {
        add_literal(m, span, t);
      } else {
        add_resource(m, span, t->o, depth + 1);
      }
      const uint32_t on = object1(m, b, V_ONCLASS)
                            ? object1(m, b, V_ONCLASS)
                            : object1(m, b, V_ONDATARANGE);
      if (kinds[k].p >= V_MINQUALIFIED && on) {
        add_text(span, " ");
        add_resource(m, span, on, depth + 1);
      }
      break;
    }
  } else {
    const char *name = label_of(m, b);
    add_text(span, name ? name : "an anonymous resource");
  }
}

/// A reference to a resource: a link to its entry when the page has one,
/// a link to the IRI for web IRIs, else its name.
static void
add_resource(Model *m, xmlNodePtr parent, uint32_t id, int depth)
{
  const int kind = kind_of(m, id);
  if (kind == BNODE) {
    add_expression(m, parent, id, depth);
    return;
  }
  if (kind == LITERAL) {
    add_el_text(parent, "span", "lit", text_of(m, id));
    return;
  }
  const Term *t = term(m, id);
  const char *name = label_of(m, id);
  xmlNodePtr a = NULL;
  if (t) {
    a = add_anchor_link(parent, t->id);
  } else if (is_web_iri(text_of(m, id))) {
    a = add_link(parent, text_of(m, id), "ext");
  }
  xmlNodePtr code = add_el_text(a ? a : parent, "code", NULL, qname(m, id));
  if (name) {
    set_attr(a ? a : code, "title", name);
  }
}

/// A statement's object: a literal, or a resource (shown by its name when
/// it has one and is not a term, as for a creator).
static void
add_object(Model *m, xmlNodePtr parent, const Triple *t)
{
  if (kind_of(m, t->o) == LITERAL) {
    add_literal(m, parent, t);
    return;
  }
  const char *name = term(m, t->o) ? NULL : label_of(m, t->o);
  if (!name) {
    add_resource(m, parent, t->o, 0);
  } else if (kind_of(m, t->o) == IRI && is_web_iri(text_of(m, t->o))) {
    add_el_text(add_link(parent, text_of(m, t->o), "ext"), "span", "lit", name);
  } else {
    add_el_text(parent, "span", "lit", name);
  }
}

/// A row of a field table: its value cell.
static xmlNodePtr
add_field(xmlNodePtr table, const char *name)
{
  xmlNodePtr tr = add_el(table, "tr", NULL);
  add_el_text(tr, "th", NULL, name);
  return add_el(tr, "td", NULL);
}

/// Resources, separated by commas; `n` of them.
typedef struct {
  uint32_t *ids;
  size_t n;
  size_t cap;
} IdList;

static void
idlist_add(IdList *l, uint32_t id)
{
  l->ids = reserve(l->ids, &l->cap, l->n + 1, sizeof(uint32_t));
  l->ids[l->n++] = id;
}

static void
idlist_objects(const Model *m, IdList *l, uint32_t s, Vocab p)
{
  const Range r = objects(m, s, p);
  for (size_t i = r.begin; i < r.end; ++i) {
    idlist_add(l, m->t[i].o);
  }
}

static void
idlist_subjects(const Model *m, IdList *l, Vocab p, uint32_t o)
{
  const Range r = subjects(m, p, o);
  for (size_t k = r.begin; k < r.end; ++k) {
    idlist_add(l, by_object(m, k)->s);
  }
}

/// Terms in page order, then other resources by name.
static int
cmp_ids(const void *pa, const void *pb, void *context)
{
  const Model *sort_ids_model = context;
  const uint32_t a = *(const uint32_t *)pa;
  const uint32_t b = *(const uint32_t *)pb;
  const Term *ta = term(sort_ids_model, a);
  const Term *tb = term(sort_ids_model, b);
  if (ta && tb) {
    if (ta->kind != tb->kind) {
      return (ta->kind > tb->kind) - (ta->kind < tb->kind);
    }
    return (ta->rank > tb->rank) - (ta->rank < tb->rank);
  }
  if (ta || tb) {
    return ta ? -1 : 1;
  }
  const int c = kind_of(sort_ids_model, a) - kind_of(sort_ids_model, b);
  return c ? c : strcmp(text_of(sort_ids_model, a), text_of(sort_ids_model, b));
}

/// Sort `l` (cmp_ids) and drop repeated resources.
static void
idlist_sort(const Model *m, IdList *l)
{
  sort_with(l->ids, l->n, sizeof(uint32_t), cmp_ids, (void *)(uintptr_t)m);
  size_t kept = 0;
  for (size_t i = 0; i < l->n; ++i) {
    if (!kept || l->ids[kept - 1] != l->ids[i]) {
      l->ids[kept++] = l->ids[i];
    }
  }
  l->n = kept;
}

/// A field listing `l` (nothing when it is empty); frees the list.
static void
add_id_field(Model *m, xmlNodePtr table, const char *name, IdList *l)
{
  if (l->n) {
    idlist_sort(m, l);
    xmlNodePtr td = add_field(table, name);
    for (size_t i = 0; i < l->n; ++i) {
      if (i) {
        add_text(td, ", ");
      }
      add_resource(m, td, l->ids[i], 0);
    }
  }
  free(l->ids);
  memset(l, 0, sizeof(*l));
}

static void
add_objects_field(Model *m,
                  xmlNodePtr table,
                  const char *name,
                  uint32_t s,
                  Vocab p)
{
  IdList l = { NULL, 0, 0 };
  idlist_objects(m, &l, s, p);
  add_id_field(m, table, name, &l);
}

/// A field with every literal of (s, p), one per line.
static void
add_literals_field(Model *m,
                   xmlNodePtr table,
                   const char *name,
                   uint32_t s,
                   Vocab p)
{
  const Range r = objects(m, s, p);
  xmlNodePtr td = NULL;
  for (size_t i = r.begin; i < r.end; ++i) {
    if (!td) {
      td = add_field(table, name);
    } else {
      add_el(td, "br", NULL);
    }
    add_object(m, td, &m->t[i]);
  }
}

// ---------------------------------------------------------------------------
// The page
// ---------------------------------------------------------------------------

static const char page_css[] =
  "body{margin:0;background:#fff;color:#1d2330;"
  "font:15px/1.55 system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,"
  "sans-serif}\n"
  ".page{max-width:1100px;margin:0 auto;padding:1.5em 2em 4em}\n"
  "h1{font-size:2em;margin:.3em 0 .2em}\n"
  "h2{margin-top:2.4em;padding-bottom:.2em;border-bottom:2px solid #d5dbe6}\n"
  "h3{margin:0 0 .3em;font-size:1.15em}\n"
  "h3 .qname,h2 .qname{font-weight:normal;color:#4b5565;font-size:.85em}\n"
  "code{font:.9em/1.4 ui-monospace,Menlo,Consolas,'DejaVu Sans Mono',"
  "monospace;background:#f3f5f9;padding:0 .25em;border-radius:3px;"
  "overflow-wrap:anywhere}\n"
  "a{color:#1f5fbf;text-decoration:none}\n"
  "a:hover{text-decoration:underline}\n"
  "a.ext{color:#6a4ca8}\n"
  "a.permalink{color:#9aa3b2;font-weight:normal;margin-left:.4em}\n"
  ".lit,.expr{unicode-bidi:isolate}\n"
  ".lead{font-size:1.1em;color:#333b4d;max-width:50em}\n"
  "table{border-collapse:collapse;width:100%;margin:.4em 0 1em}\n"
  "th,td{text-align:left;vertical-align:top;padding:.3em .6em;"
  "border-top:1px solid #e3e7ef}\n"
  "table.fields th{width:12em;color:#4b5565;font-weight:600}\n"
  "table.list th{background:#f3f5f9}\n"
  "table.list td:first-child{min-width:13em}\n"
  "table.list td:first-child code,table.list td table.fields code{"
  "overflow-wrap:normal}\n"
  "tr.also td{color:#6b7385}\n"
  "table.list td table.fields{margin:0;width:auto}\n"
  "table.list td table.fields th,table.list td table.fields td{border:0;"
  "padding:0 .6em .2em 0;width:auto;white-space:nowrap}\n"
  "table.list td table.fields td{white-space:normal}\n"
  ".term{margin:1.6em 0;padding:.2em 0 .2em 1em;border-left:3px solid "
  "#c9d5ea}\n"
  ".term:target,tr:target{background:#fff8d6}\n"
  ".kind{display:inline-block;font-size:.75em;font-weight:600;color:#fff;"
  "background:#5b7db1;border-radius:3px;padding:0 .4em;margin-right:.5em;"
  "vertical-align:.15em}\n"
  ".definition{margin:.2em 0 .5em;max-width:52em}\n"
  ".note{color:#4b5565;font-style:italic}\n"
  ".deprecated{color:#a33}\n"
  ".toc ul{margin:.2em 0 .6em;padding-left:1.4em}\n"
  ".toc ul.terms{padding-left:0;list-style:none;font-size:.92em}\n"
  ".toc ul.terms li{display:inline}\n"
  ".toc ul.terms li+li:before{content:' \\00b7  '}\n"
  ".diagram{overflow:auto;border:1px solid #e3e7ef;border-radius:4px;"
  "padding:.5em;background:#fcfdff}\n"
  ".diagram svg{max-width:100%;height:auto}\n"
  ".footer{margin-top:3em;color:#6b7385;font-size:.9em}\n";

typedef enum {
  S_OVERVIEW,
  S_CONTENTS,
  S_DIAGRAM,
  S_CLASSES,
  S_OBJECT,
  S_DATATYPE,
  S_ANNOTATION,
  S_OTHER,
  S_CONCEPTS,
  S_INDIVIDUALS,
  S_ALIGNMENTS,
  S_NAMESPACES,
  S_COUNT
} Section;

static const char *const section_id[S_COUNT] = {
  "overview",
  "contents",
  "class-diagram",
  "classes",
  "object-properties",
  "datatype-properties",
  "annotation-properties",
  "other-properties",
  "concepts",
  "individuals",
  "alignments",
  "namespaces",
};

static const char *const section_title[S_COUNT] = {
  "Overview",
  "Contents",
  "Class diagram",
  "Classes",
  "Object properties",
  "Datatype properties",
  "Annotation properties",
  "Other properties",
  "Concept schemes and concepts",
  "Named individuals",
  "Alignments to other vocabularies",
  "Namespaces",
};

/// The section each kind of term is listed in.
static const Section kind_section[K_COUNT] = {
  [K_CLASS] = S_CLASSES,
  [K_OBJECT_PROPERTY] = S_OBJECT,
  [K_DATATYPE_PROPERTY] = S_DATATYPE,
  [K_ANNOTATION_PROPERTY] = S_ANNOTATION,
  [K_PROPERTY] = S_OTHER,
  [K_SCHEME] = S_CONCEPTS,
  [K_CONCEPT] = S_CONCEPTS,
  [K_INDIVIDUAL] = S_INDIVIDUALS,
};

static const char *const kind_badge[K_COUNT] = {
  [K_CLASS] = "class",
  [K_OBJECT_PROPERTY] = "object property",
  [K_DATATYPE_PROPERTY] = "datatype property",
  [K_ANNOTATION_PROPERTY] = "annotation property",
  [K_PROPERTY] = "property",
  [K_SCHEME] = "concept scheme",
  [K_CONCEPT] = "concept",
  [K_INDIVIDUAL] = "individual",
};

/// The relations listed as alignments when they lead out of the page.
static const Vocab alignment_preds[] = {
  V_SUBCLASSOF,  V_EQUIVALENTCLASS, V_SUBPROPERTYOF, V_EQUIVALENTPROPERTY,
  V_SAMEAS,      V_EXACTMATCH,      V_CLOSEMATCH,    V_BROADMATCH,
  V_NARROWMATCH, V_RELATEDMATCH,
};

typedef struct {
  Model *m;
  xmlDocPtr doc;
  char *sec[S_COUNT]; ///< the sections' ids
  int shown[S_COUNT]; ///< whether the page has the section
  const char *file;   ///< the ontology's base name
  xmlNodePtr diagram; ///< the class diagram's <svg>, or NULL
  char *diagram_note; ///< why there is none
  size_t n_alignments;
} Page;

/// A section: its <div> with an id, and its heading.
static xmlNodePtr
add_section(Page *pg, xmlNodePtr parent, Section s)
{
  xmlNodePtr div = add_el(parent, "div", "section");
  set_attr(div, "id", pg->sec[s]);
  add_el_text(div, "h2", NULL, section_title[s]);
  return div;
}

/// A term's heading: badge, label, prefixed name, permalink.
static void
add_term_heading(Page *pg, xmlNodePtr parent, const Term *t, const char *tag)
{
  Model *m = pg->m;
  xmlNodePtr h = add_el(parent, tag, NULL);
  add_el_text(h, "span", "kind", kind_badge[t->kind]);
  const Triple *label =
    best_literal(m, t->iri, label_preds, COUNT(label_preds));
  if (label) {
    add_literal(m, h, label);
    add_text(h, " ");
  }
  add_el_text(h, "code", "qname", qname(m, t->iri));
  xmlNodePtr a = add_anchor_link(h, t->id);
  set_attr(a, "class", "permalink");
  set_attr(a, "title", "Link to this term");
  add_text(a, "\xC2\xB6");
}

static void
add_definition(Model *m, xmlNodePtr parent, uint32_t s)
{
  const Triple *d =
    best_literal(m, s, definition_preds, COUNT(definition_preds));
  if (d) {
    add_literal(m, add_el(parent, "p", "definition"), d);
  }
}

/// Fields every term may have.
static void
add_common_fields(Model *m, xmlNodePtr table, uint32_t s)
{
  static const Vocab deprecated[] = { V_DEPRECATED };
  const Triple *d = best_literal(m, s, deprecated, 1);
  if (d &&
      (!strcmp(text_of(m, d->o), "true") || !strcmp(text_of(m, d->o), "1"))) {
    add_el_text(add_field(table, "Status"), "span", "deprecated", "deprecated");
  }
  add_literals_field(m, table, "Also called", s, V_ALTLABEL);
  add_literals_field(m, table, "Notation", s, V_NOTATION);
  add_literals_field(m, table, "Scope note", s, V_SCOPENOTE);
  add_literals_field(m, table, "Example", s, V_EXAMPLE);
  add_objects_field(m, table, "See also", s, V_SEEALSO);
  IdList l = { NULL, 0, 0 }; // said of the ontology itself, it goes unsaid
  const Range r = objects(m, s, V_ISDEFINEDBY);
  for (size_t i = r.begin; i < r.end; ++i) {
    if (m->t[i].o != m->ontology) {
      idlist_add(&l, m->t[i].o);
    }
  }
  add_id_field(m, table, "Defined by", &l);
}

static xmlNodePtr
add_iri_field(Model *m, xmlNodePtr table, uint32_t s)
{
  xmlNodePtr td = add_field(table, "IRI");
  add_el_text(td, "code", NULL, text_of(m, s));
  return td;
}

static void
write_class(Page *pg, xmlNodePtr parent, const Term *t)
{
  Model *m = pg->m;
  xmlNodePtr div = add_el(parent, "div", "term");
  set_attr(div, "id", t->id);
  add_term_heading(pg, div, t, "h3");
  add_definition(m, div, t->iri);
  xmlNodePtr table = add_el(div, "table", "fields");
  add_iri_field(m, table, t->iri);
  add_objects_field(m, table, "Subclass of", t->iri, V_SUBCLASSOF);
  add_objects_field(m, table, "Equivalent to", t->iri, V_EQUIVALENTCLASS);
  IdList l = { NULL, 0, 0 };
  idlist_objects(m, &l, t->iri, V_DISJOINTWITH);
  idlist_subjects(m, &l, V_DISJOINTWITH, t->iri);
  add_id_field(m, table, "Disjoint with", &l);
  idlist_subjects(m, &l, V_SUBCLASSOF, t->iri);
  add_id_field(m, table, "Subclasses", &l);
  idlist_subjects(m, &l, V_DOMAIN, t->iri);
  add_id_field(m, table, "Properties (domain)", &l);
  idlist_subjects(m, &l, V_RANGE, t->iri);
  add_id_field(m, table, "Range of", &l);
  const Range r = subjects(m, V_TYPE, t->iri);
  for (size_t k = r.begin; k < r.end; ++k) {
    const uint32_t s = by_object(m, k)->s;
    if (term(m, s)) {
      idlist_add(&l, s);
    }
  }
  add_id_field(m, table, "Members", &l);
  add_common_fields(m, table, t->iri);
}

static void
write_property(Page *pg, xmlNodePtr parent, const Term *t)
{
  Model *m = pg->m;
  xmlNodePtr div = add_el(parent, "div", "term");
  set_attr(div, "id", t->id);
  add_term_heading(pg, div, t, "h3");
  add_definition(m, div, t->iri);
  xmlNodePtr table = add_el(div, "table", "fields");
  add_iri_field(m, table, t->iri);
  static const struct {
    Vocab type;
    const char *name;
  } traits[] = {
    { V_FUNCTIONAL, "functional" },
    { V_INVERSEFUNCTIONAL, "inverse functional" },
    { V_TRANSITIVE, "transitive" },
    { V_SYMMETRIC, "symmetric" },
    { V_ASYMMETRIC, "asymmetric" },
    { V_REFLEXIVE, "reflexive" },
    { V_IRREFLEXIVE, "irreflexive" },
  };
  Buf b = { NULL, 0, 0 };
  for (size_t k = 0; k < COUNT(traits); ++k) {
    if (has(m, t->iri, V_TYPE, m->v[traits[k].type])) {
      buf_puts(&b, b.len ? ", " : "");
      buf_puts(&b, traits[k].name);
    }
  }
  if (b.len) {
    add_text(add_field(table, "Characteristics"), b.s);
  }
  free(b.s);
  add_objects_field(m, table, "Domain", t->iri, V_DOMAIN);
  add_objects_field(m, table, "Range", t->iri, V_RANGE);
  add_objects_field(m, table, "Subproperty of", t->iri, V_SUBPROPERTYOF);
  IdList l = { NULL, 0, 0 };
  idlist_subjects(m, &l, V_SUBPROPERTYOF, t->iri);
  add_id_field(m, table, "Subproperties", &l);
  add_objects_field(m, table, "Equivalent to", t->iri, V_EQUIVALENTPROPERTY);
  idlist_objects(m, &l, t->iri, V_INVERSEOF);
  idlist_subjects(m, &l, V_INVERSEOF, t->iri);
  add_id_field(m, table, "Inverse of", &l);
  add_common_fields(m, table, t->iri);
}

/// The concepts of a group, as a table; `g` is their group.
static void
write_concept_table(Page *pg, xmlNodePtr parent, size_t g)
{
  Model *m = pg->m;
  const Group *group = &m->groups[g];
  xmlNodePtr table = add_el(parent, "table", "list");
  xmlNodePtr head = add_el(table, "tr", NULL);
  add_el_text(head, "th", NULL, "Concept");
  add_el_text(head, "th", NULL, "Label");
  add_el_text(head, "th", NULL, "Definition");
  add_el_text(head, "th", NULL, "Details");
  for (size_t k = 0; k < group->n_members; ++k) {
    const Term *t = &m->terms[group->members[k]];
    xmlNodePtr tr = add_el(table, "tr", NULL);
    if (t->group == g + 1) {
      set_attr(tr, "id", t->id);
    } else {
      set_attr(tr, "class", "also");
    }
    add_el_text(add_anchor_link(add_el(tr, "td", NULL), t->id),
                "code",
                NULL,
                qname(m, t->iri));
    xmlNodePtr label = add_el(tr, "td", NULL);
    const Triple *l = best_literal(m, t->iri, label_preds, COUNT(label_preds));
    if (l) {
      add_literal(m, label, l);
    }
    xmlNodePtr def = add_el(tr, "td", NULL);
    const Triple *d =
      best_literal(m, t->iri, definition_preds, COUNT(definition_preds));
    if (d) {
      add_literal(m, def, d);
    }
    xmlNodePtr details = add_el(tr, "td", NULL);
    if (t->group != g + 1) {
      add_text(details, "Listed above.");
      continue;
    }
    xmlNodePtr fields = add_el(details, "table", "fields");
    IdList types = { NULL, 0, 0 };
    const Range r = objects(m, t->iri, V_TYPE);
    for (size_t i = r.begin; i < r.end; ++i) {
      const uint32_t o = m->t[i].o;
      if (o != m->v[V_CONCEPT] && o != m->v[V_NAMEDINDIVIDUAL] &&
          (!group->key || o != group->key)) {
        idlist_add(&types, o);
      }
    }
    add_id_field(m, fields, "Type", &types);
    IdList schemes = { NULL, 0, 0 };
    idlist_objects(m, &schemes, t->iri, V_INSCHEME);
    idlist_objects(m, &schemes, t->iri, V_TOPCONCEPTOF);
    idlist_subjects(m, &schemes, V_HASTOPCONCEPT, t->iri);
    idlist_sort(m, &schemes);
    if (schemes.n > 1 || (schemes.n == 1 && schemes.ids[0] != group->key)) {
      add_id_field(m, fields, "In schemes", &schemes);
    } else {
      free(schemes.ids);
    }
    add_objects_field(m, fields, "Broader", t->iri, V_BROADER);
    IdList narrower = { NULL, 0, 0 };
    idlist_objects(m, &narrower, t->iri, V_NARROWER);
    idlist_subjects(m, &narrower, V_BROADER, t->iri);
    add_id_field(m, fields, "Narrower", &narrower);
    add_objects_field(m, fields, "Related", t->iri, V_RELATED);
    add_objects_field(m, fields, "Exact match", t->iri, V_EXACTMATCH);
    add_objects_field(m, fields, "Close match", t->iri, V_CLOSEMATCH);
    add_common_fields(m, fields, t->iri);
    if (!fields->children) {
      xmlUnlinkNode(fields);
      xmlFreeNode(fields);
    }
  }
}

static void
write_concepts(Page *pg, xmlNodePtr body)
{
  Model *m = pg->m;
  xmlNodePtr sec = add_section(pg, body, S_CONCEPTS);
  if (!m->n_kind[K_SCHEME]) {
    add_el_text(sec,
                "p",
                "note",
                "The ontology declares no concept scheme; its concepts are "
                "listed by class.");
  }
  for (size_t g = 0; g < m->n_groups; ++g) {
    Group *group = &m->groups[g];
    const Term *key = term(m, group->key);
    xmlNodePtr div = add_el(sec, "div", "term");
    if (group->is_scheme && key) {
      set_attr(div, "id", key->id);
      add_term_heading(pg, div, key, "h3");
      add_definition(m, div, key->iri);
      xmlNodePtr table = add_el(div, "table", "fields");
      add_iri_field(m, table, key->iri);
      IdList l = { NULL, 0, 0 };
      idlist_objects(m, &l, key->iri, V_HASTOPCONCEPT);
      idlist_subjects(m, &l, V_TOPCONCEPTOF, key->iri);
      add_id_field(m, table, "Top concepts", &l);
      add_common_fields(m, table, key->iri);
    } else {
      set_attr(div, "id", group->id);
      xmlNodePtr h = add_el(div, "h3", NULL);
      if (key) {
        add_text(h, "Concepts of class ");
        add_resource(m, h, key->iri, 0);
      } else {
        add_text(
          h, m->n_kind[K_SCHEME] ? "Concepts in no scheme" : "Other concepts");
      }
    }
    if (group->n_members) {
      write_concept_table(pg, div, g);
    } else {
      add_el_text(div, "p", "note", "No concept is listed in this scheme.");
    }
  }
}

static void
write_individuals(Page *pg, xmlNodePtr body)
{
  Model *m = pg->m;
  xmlNodePtr sec = add_section(pg, body, S_INDIVIDUALS);
  xmlNodePtr table = add_el(sec, "table", "list");
  xmlNodePtr head = add_el(table, "tr", NULL);
  add_el_text(head, "th", NULL, "Individual");
  add_el_text(head, "th", NULL, "Label");
  add_el_text(head, "th", NULL, "Definition");
  add_el_text(head, "th", NULL, "Type");
  for (size_t i = 0; i < m->n_kind[K_INDIVIDUAL]; ++i) {
    const Term *t = &m->terms[m->by_kind[K_INDIVIDUAL][i]];
    xmlNodePtr tr = add_el(table, "tr", NULL);
    set_attr(tr, "id", t->id);
    add_el_text(add_anchor_link(add_el(tr, "td", NULL), t->id),
                "code",
                NULL,
                qname(m, t->iri));
    xmlNodePtr label = add_el(tr, "td", NULL);
    const Triple *l = best_literal(m, t->iri, label_preds, COUNT(label_preds));
    if (l) {
      add_literal(m, label, l);
    }
    add_definition(m, add_el(tr, "td", NULL), t->iri);
    xmlNodePtr types = add_el(tr, "td", NULL);
    const Range r = objects(m, t->iri, V_TYPE);
    int first = 1;
    for (size_t k = r.begin; k < r.end; ++k) {
      if (m->t[k].o == m->v[V_NAMEDINDIVIDUAL]) {
        continue;
      }
      if (!first) {
        add_text(types, ", ");
      }
      first = 0;
      add_resource(m, types, m->t[k].o, 0);
    }
  }
}

typedef struct {
  size_t term; ///< subject term index
  Vocab rel;
  uint32_t target;
  size_t ns; ///< namespace of the target, SIZE_MAX if none
} Alignment;

static int
cmp_alignments(const void *pa, const void *pb, void *context)
{
  const Model *sort_align_model = context;
  const Alignment *a = pa;
  const Alignment *b = pb;
  if (a->ns != b->ns) {
    return (a->ns > b->ns) - (a->ns < b->ns);
  }
  const Term *ta = &sort_align_model->terms[a->term];
  const Term *tb = &sort_align_model->terms[b->term];
  if (ta->kind != tb->kind) {
    return (ta->kind > tb->kind) - (ta->kind < tb->kind);
  }
  if (ta->rank != tb->rank) {
    return (ta->rank > tb->rank) - (ta->rank < tb->rank);
  }
  if (a->rel != b->rel) {
    return (a->rel > b->rel) - (a->rel < b->rel);
  }
  return strcmp(text_of(sort_align_model, a->target),
                text_of(sort_align_model, b->target));
}

/// Every subclass, subproperty, equivalence or match from a term of the
/// page to an IRI the page does not document, by the target's namespace.
static void
write_alignments(Page *pg, xmlNodePtr body)
{
  Model *m = pg->m;
  Alignment *rows = NULL;
  size_t n = 0;
  size_t cap = 0;
  for (size_t i = 0; i < m->n_terms; ++i) {
    const Term *t = &m->terms[i];
    for (size_t k = 0; k < COUNT(alignment_preds); ++k) {
      const Range r = objects(m, t->iri, alignment_preds[k]);
      for (size_t j = r.begin; j < r.end; ++j) {
        const uint32_t o = m->t[j].o;
        if (kind_of(m, o) != IRI || term(m, o)) {
          continue;
        }
        rows = reserve(rows, &cap, n + 1, sizeof(Alignment));
        rows[n].term = i;
        rows[n].rel = alignment_preds[k];
        rows[n].target = o;
        rows[n].ns = namespace_of(m, text_of(m, o));
        ++n;
      }
    }
  }
  sort_with(rows, n, sizeof(Alignment), cmp_alignments, (void *)(uintptr_t)m);
  xmlNodePtr sec = add_section(pg, body, S_ALIGNMENTS);
  add_el_text(sec,
              "p",
              "note",
              "Each term's relations to terms of other vocabularies, by the "
              "vocabulary's namespace.");
  if (!n) {
    add_el_text(sec, "p", "note", "None.");
  }
  xmlNodePtr table = NULL;
  for (size_t i = 0; i < n; ++i) {
    if (!i || rows[i].ns != rows[i - 1].ns) {
      xmlNodePtr h = add_el(sec, "h3", NULL);
      if (rows[i].ns == SIZE_MAX) {
        add_text(h, "Other vocabularies");
      } else {
        add_el_text(h, "code", NULL, m->ns[rows[i].ns].prefix);
        add_text(h, ": ");
        add_el_text(h, "span", "qname", m->ns[rows[i].ns].uri);
      }
      table = add_el(sec, "table", "list");
      xmlNodePtr head = add_el(table, "tr", NULL);
      add_el_text(head, "th", NULL, "Term");
      add_el_text(head, "th", NULL, "Relation");
      add_el_text(head, "th", NULL, "Target");
    }
    xmlNodePtr tr = add_el(table, "tr", NULL);
    add_resource(m, add_el(tr, "td", NULL), m->terms[rows[i].term].iri, 0);
    add_resource(m, add_el(tr, "td", NULL), m->v[rows[i].rel], 0);
    add_resource(m, add_el(tr, "td", NULL), rows[i].target, 0);
  }
  pg->n_alignments = n;
  free(rows);
}

static void
write_namespaces(Page *pg, xmlNodePtr body)
{
  Model *m = pg->m;
  xmlNodePtr sec = add_section(pg, body, S_NAMESPACES);
  if (!m->n_ns) {
    add_el_text(sec, "p", "note", "The file declares no prefix.");
    return;
  }
  xmlNodePtr table = add_el(sec, "table", "list");
  xmlNodePtr head = add_el(table, "tr", NULL);
  add_el_text(head, "th", NULL, "Prefix");
  add_el_text(head, "th", NULL, "Namespace");
  for (size_t i = 0; i < m->n_ns; ++i) {
    xmlNodePtr tr = add_el(table, "tr", NULL);
    Buf b = { NULL, 0, 0 };
    buf_puts(&b, m->ns[i].prefix);
    buf_puts(&b, ":");
    add_el_text(add_el(tr, "td", NULL), "code", NULL, b.s);
    free(b.s);
    xmlNodePtr td = add_el(tr, "td", NULL);
    if (is_web_iri(m->ns[i].uri)) {
      add_el_text(
        add_link(td, m->ns[i].uri, "ext"), "code", NULL, m->ns[i].uri);
    } else {
      add_el_text(td, "code", NULL, m->ns[i].uri);
    }
  }
}

/// Metadata rows: the first predicate of each row that has values.
static void
write_overview(Page *pg, xmlNodePtr body, const char *title)
{
  Model *m = pg->m;
  xmlNodePtr header = add_el(body, "div", "header");
  set_attr(header, "id", pg->sec[S_OVERVIEW]);
  const uint32_t o = m->ontology;
  xmlNodePtr h1 = add_el(header, "h1", NULL);
  const Triple *t =
    o ? best_literal(m, o, label_preds, COUNT(label_preds)) : NULL;
  if (t) {
    add_literal(m, h1, t);
  } else {
    add_text(h1, title);
  }
  if (o) {
    const Triple *d =
      best_literal(m, o, definition_preds, COUNT(definition_preds));
    if (d) {
      add_literal(m, add_el(header, "p", "lead"), d);
    }
  }
  xmlNodePtr table = add_el(header, "table", "fields");
  if (o && kind_of(m, o) == IRI) {
    add_iri_field(m, table, o);
  }
  static const struct {
    const char *name;
    Vocab preds[4];
    size_t n;
  } rows[] = {
    { "Version", { V_VERSIONINFO }, 1 },
    { "Version IRI", { V_VERSIONIRI }, 1 },
    { "Licence", { V_DCT_LICENSE, V_CC_LICENSE, V_SDO_LICENSE }, 3 },
    { "Rights", { V_DCT_RIGHTS, V_DC_RIGHTS }, 2 },
    { "Creator",
      { V_DCT_CREATOR, V_DC_CREATOR, V_SDO_CREATOR, V_SDO_AUTHOR },
      4 },
    { "Contributor", { V_DCT_CONTRIBUTOR, V_DC_CONTRIBUTOR }, 2 },
    { "Publisher", { V_DCT_PUBLISHER, V_DC_PUBLISHER }, 2 },
    { "Created", { V_DCT_CREATED, V_SDO_DATECREATED }, 2 },
    { "Issued", { V_DCT_ISSUED }, 1 },
    { "Modified", { V_DCT_MODIFIED, V_SDO_DATEMODIFIED }, 2 },
    { "Preferred prefix", { V_VANN_PREFIX }, 1 },
    { "Preferred namespace", { V_VANN_URI }, 1 },
    { "Imports", { V_IMPORTS }, 1 },
    { "Prior version", { V_PRIORVERSION }, 1 },
    { "See also", { V_SEEALSO }, 1 },
  };
  for (size_t r = 0; o && r < COUNT(rows); ++r) {
    xmlNodePtr td = NULL;
    for (size_t k = 0; k < rows[r].n && !td; ++k) {
      const Range range = objects(m, o, rows[r].preds[k]);
      for (size_t i = range.begin; i < range.end; ++i) {
        if (!td) {
          td = add_field(table, rows[r].name);
        } else {
          add_el(td, "br", NULL);
        }
        add_object(m, td, &m->t[i]);
      }
    }
  }
  static const char *const kind_plural[K_COUNT] = {
    [K_CLASS] = "classes",
    [K_OBJECT_PROPERTY] = "object properties",
    [K_DATATYPE_PROPERTY] = "datatype properties",
    [K_ANNOTATION_PROPERTY] = "annotation properties",
    [K_PROPERTY] = "other properties",
    [K_SCHEME] = "concept schemes",
    [K_CONCEPT] = "concepts",
    [K_INDIVIDUAL] = "other named individuals",
  };
  Buf b = { NULL, 0, 0 };
  for (int k = 0; k < K_COUNT; ++k) {
    if (m->n_kind[k]) {
      char n[32];
      snprintf(n, sizeof(n), "%zu ", m->n_kind[k]);
      buf_puts(&b, b.len ? ", " : "");
      buf_puts(&b, n);
      buf_puts(&b, kind_plural[k]);
    }
  }
  add_text(add_field(table, "Terms"), b.len ? b.s : "none");
  free(b.s);
  xmlNodePtr source = add_field(table, "Source");
  add_el_text(source, "code", NULL, pg->file);
}

static void
write_contents(Page *pg, xmlNodePtr body)
{
  Model *m = pg->m;
  xmlNodePtr div = add_el(body, "div", "toc");
  set_attr(div, "id", pg->sec[S_CONTENTS]);
  add_el_text(div, "h2", NULL, section_title[S_CONTENTS]);
  xmlNodePtr ul = add_el(div, "ul", NULL);
  for (int s = S_DIAGRAM; s < S_COUNT; ++s) {
    if (!pg->shown[s]) {
      continue;
    }
    xmlNodePtr li = add_el(ul, "li", NULL);
    add_text(add_anchor_link(li, pg->sec[s]), section_title[s]);
    for (int k = 0; k < K_COUNT; ++k) {
      if ((int)kind_section[k] != s || k == K_SCHEME || !m->n_kind[k]) {
        continue;
      }
      char n[32];
      snprintf(n, sizeof(n), " (%zu)", m->n_kind[k]);
      add_text(li, n);
      if (k == K_CONCEPT) {
        xmlNodePtr groups = add_el(li, "ul", NULL);
        for (size_t g = 0; g < m->n_groups; ++g) {
          const Term *key = term(m, m->groups[g].key);
          xmlNodePtr item = add_el(groups, "li", NULL);
          xmlNodePtr a = add_anchor_link(
            item, m->groups[g].is_scheme && key ? key->id : m->groups[g].id);
          const char *label = key ? label_of(m, key->iri) : NULL;
          add_text(a,
                   label                 ? label
                   : key                 ? qname(m, key->iri)
                   : m->n_kind[K_SCHEME] ? "Concepts in no scheme"
                                         : "Other concepts");
          snprintf(n, sizeof(n), " (%zu)", m->groups[g].n_members);
          add_text(item, n);
        }
        continue;
      }
      xmlNodePtr terms = add_el(li, "ul", "terms");
      for (size_t i = 0; i < m->n_kind[k]; ++i) {
        const Term *t = &m->terms[m->by_kind[k][i]];
        add_text(add_anchor_link(add_el(terms, "li", NULL), t->id), t->local);
      }
    }
  }
}

// ---------------------------------------------------------------------------
// The class diagram
// ---------------------------------------------------------------------------

// cgraph's API takes `char *` for strings it only reads.
static char *
mut(const char *s)
{
  union {
    const char *in;
    char *out;
  } u = { s };
  return u.out;
}

/// Text for Graphviz to size a label by: cleaned and shortened, '&'
/// written as an entity and backslashes doubled (Graphviz reads entities
/// and \N, \G, \l... in labels).  What the page shows is set afterwards
/// (fix_svg): Graphviz's own rendering of it is not used.
static char *
gv_text(const char *s, size_t max)
{
  char *clean = clean_text(s, max);
  Buf b = { NULL, 0, 0 };
  for (const char *c = clean; *c; ++c) {
    if (*c == '&') {
      buf_puts(&b, "&amp;");
    } else if (*c == '\\') {
      buf_puts(&b, "\\\\");
    } else {
      buf_add(&b, c, 1);
    }
  }
  free(clean);
  return buf_take(&b);
}

static void
gv_set(void *obj, const char *name, const char *value)
{
  agsafeset(obj, mut(name), mut(value), mut(""));
}

/// Lay out and render `g` as SVG with gvc, in a child process.  Graphviz
/// 2.42's gvFreeLayout frees a block twice after some `dot` layouts, a
/// layout can run for minutes, and ontodoc runs in the build: in a child,
/// a crash or a runaway layout (stopped after DIAGRAM_TIMEOUT_SECONDS) is
/// a page without a diagram, and the layout is never freed at all.  0 and
/// the SVG in `svg`, or -1 and why not in `why` (static text).
static int
render_svg(Agraph_t *g, Buf *svg, const char **why)
{
  int out[2];
  int err[2];
  if (pipe(out)) {
    *why = "cannot make a pipe";
    return -1;
  }
  if (pipe(err)) {
    close(out[0]);
    close(out[1]);
    *why = "cannot make a pipe";
    return -1;
  }
  fflush(NULL); // nothing buffered for the child to write again
  const pid_t pid = fork();
  if (pid < 0) {
    close(out[0]);
    close(out[1]);
    close(err[0]);
    close(err[1]);
    *why = "cannot start a process";
    return -1;
  }
  if (pid == 0) {
    close(out[0]);
    close(err[0]);
    dup2(err[1], STDERR_FILENO); // Graphviz's messages, for the parent
    alarm(DIAGRAM_TIMEOUT_SECONDS + 5);
    GVC_t *gvc = gvContext();
    char *data = NULL;
    unsigned int length = 0;
    if (!gvc || gvLayout(gvc, g, "dot") != 0 ||
        gvRenderData(gvc, g, "svg", &data, &length) != 0 || !data) {
      _exit(2);
    }
    for (unsigned int done = 0; done < length;) {
      const ssize_t n = write(out[1], data + done, length - done);
      if (n < 0 && errno == EINTR) {
        continue;
      }
      if (n <= 0) {
        _exit(3);
      }
      done += (unsigned int)n;
    }
    _exit(0); // no gvFreeLayout, no exit handlers
  }
  close(out[1]);
  close(err[1]);
  Buf messages = { NULL, 0, 0 };
  struct pollfd p[2] = { { out[0], POLLIN, 0 }, { err[0], POLLIN, 0 } };
  const time_t deadline = time(NULL) + DIAGRAM_TIMEOUT_SECONDS;
  int failed = 0;
  *why = NULL;
  while (!failed && (p[0].fd >= 0 || p[1].fd >= 0)) {
    const time_t now = time(NULL);
    const int ready =
      now >= deadline ? 0 : poll(p, 2, (int)(deadline - now) * 1000);
    if (ready < 0 && errno == EINTR) {
      continue;
    }
    if (ready <= 0) {
      *why = ready ? "cannot wait for the layout"
                   : "the layout took too long (more than " STRING(
                       DIAGRAM_TIMEOUT_SECONDS) " seconds)";
      failed = 1;
      break;
    }
    for (int k = 0; k < 2; ++k) {
      if (p[k].fd < 0 || !p[k].revents) {
        continue;
      }
      char chunk[65536];
      const ssize_t n = read(p[k].fd, chunk, sizeof(chunk));
      if (n < 0 && errno == EINTR) {
        continue;
      }
      if (n <= 0) {
        close(p[k].fd);
        p[k].fd = -1;
      } else if (k == 1) {
        if (messages.len < 4096) {
          buf_add(&messages, chunk, (size_t)n);
        }
      } else if (svg->len + (size_t)n > DIAGRAM_MAX_BYTES) {
        *why = "the diagram is too large";
        failed = 1;
      } else {
        buf_add(svg, chunk, (size_t)n);
      }
    }
  }
  for (int k = 0; k < 2; ++k) {
    if (p[k].fd >= 0) {
      close(p[k].fd);
    }
  }
  if (failed) {
    kill(pid, SIGKILL);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  // A child that wrote the SVG and then failed (valgrind's or a leak
  // checker's exit status) still wrote it: a truncated one does not parse.
  if (!failed && !svg->len &&
      !(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
    *why = WIFSIGNALED(status) ? "Graphviz crashed" : "Graphviz failed";
    failed = 1;
  }
  if (failed && messages.len) {
    char *text = clean_text(messages.s, 1000);
    fprintf(stderr,
            "ontodoc: graphviz: %s%s",
            text,
            text[strlen(text) - 1] == '\n' ? "" : "\n");
    free(text);
  }
  free(messages.s);
  return failed ? -1 : 0;
}

static int
svg_element_allowed(const xmlChar *name)
{
  static const char *const allowed[] = { "svg",     "g",        "title",
                                         "polygon", "polyline", "ellipse",
                                         "path",    "text",     "a" };
  for (size_t i = 0; i < COUNT(allowed); ++i) {
    if (xmlStrEqual(name, X(allowed[i]))) {
      return 1;
    }
  }
  return 0;
}

/// Keep only what Graphviz draws with: the allowed elements and text, no
/// comment, no id (they could clash with the page's), no event handler,
/// no style, and links only within the page.
static void
clean_svg(xmlNodePtr n)
{
  xmlAttrPtr a = n->properties;
  while (a) {
    xmlAttrPtr next = a->next;
    xmlChar *value = xmlNodeGetContent((xmlNodePtr)a);
    const char *v = value ? (const char *)value : "";
    const int drop = !xmlStrncasecmp(a->name, X("on"), 2) ||
                     xmlStrEqual(a->name, X("id")) ||
                     xmlStrEqual(a->name, X("style")) ||
                     (xmlStrEqual(a->name, X("href")) && v[0] != '#') ||
                     (strstr(v, "url(") && strncmp(v, "url(#", 5) != 0);
    xmlFree(value);
    if (drop) {
      xmlRemoveProp(a);
    }
    a = next;
  }
  xmlNodePtr c = n->children;
  while (c) {
    xmlNodePtr next = c->next;
    if (c->type == XML_ELEMENT_NODE && svg_element_allowed(c->name)) {
      clean_svg(c);
    } else if (c->type != XML_TEXT_NODE) {
      xmlUnlinkNode(c);
      xmlFreeNode(c);
    }
    c = next;
  }
}

/// The first element named `name` in `n` (depth first), or NULL.
static xmlNodePtr
find_element(xmlNodePtr n, const char *name)
{
  for (xmlNodePtr c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) {
      continue;
    }
    if (xmlStrEqual(c->name, X(name))) {
      return c;
    }
    xmlNodePtr found = find_element(c, name);
    if (found) {
      return found;
    }
  }
  return NULL;
}

/// Replace the children of `n` with `text`.
static void
set_text(xmlNodePtr n, const char *text)
{
  while (n->children) {
    xmlNodePtr c = n->children;
    xmlUnlinkNode(c);
    xmlFreeNode(c);
  }
  add_text(n, text);
}

/// The diagram node a Graphviz name ("n12") stands for, or SIZE_MAX.
static size_t
node_index(const char *name, size_t n_nodes)
{
  if (name[0] != 'n' || name[1] < '0' || name[1] > '9') {
    return SIZE_MAX;
  }
  char *end = NULL;
  const unsigned long k = strtoul(name + 1, &end, 10);
  return *end || k >= n_nodes ? SIZE_MAX : (size_t)k;
}

/// Give the diagram's nodes and edges their texts and links: Graphviz
/// was given only placeholders ("n12", "#n12"), so nothing it writes is
/// taken for the page's text.
static void
fix_svg(Model *m, xmlNodePtr n, const uint32_t *nodes, size_t n_nodes)
{
  for (xmlNodePtr c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || !xmlStrEqual(c->name, X("g"))) {
      continue;
    }
    xmlChar *class = xmlGetProp(c, X("class"));
    xmlNodePtr title = find_element(c, "title");
    xmlChar *name = title ? xmlNodeGetContent(title) : NULL;
    const char *text = name ? (const char *)name : "";
    if (class && xmlStrEqual(class, X("node"))) {
      const size_t k = node_index(text, n_nodes);
      xmlNodePtr a = find_element(c, "a");
      xmlNodePtr label = find_element(c, "text");
      if (k != SIZE_MAX) {
        const Term *t = term(m, nodes[k]);
        const char *l = label_of(m, nodes[k]);
        Buf tip = { NULL, 0, 0 };
        buf_puts(&tip, qname(m, nodes[k]));
        if (l) {
          buf_puts(&tip, ": ");
          buf_puts(&tip, l);
        }
        set_text(title, tip.s);
        if (a) {
          xmlNsPtr xlink =
            xmlSearchNsByHref(a->doc, a, X("http://www.w3.org/1999/xlink"));
          char *short_tip = clean_text(tip.s, 300);
          xmlSetNsProp(a, xlink, X("title"), X(short_tip));
          free(short_tip);
          if (t) {
            Buf href = { NULL, 0, 0 };
            buf_puts(&href, "#");
            buf_puts(&href, t->id);
            char *h = clean_text(href.s, 0);
            xmlSetNsProp(a, xlink, X("href"), X(h));
            free(h);
            free(href.s);
          }
        }
        if (label) {
          char *shown =
            clean_text(t ? t->local : qname(m, nodes[k]), MAX_NODE_LABEL);
          set_text(label, shown);
          free(shown);
        }
        free(tip.s);
      }
    } else if (class && xmlStrEqual(class, X("edge")) && title) {
      const char *arrow = strstr(text, "->");
      char *tail = arrow ? strndup(text, (size_t)(arrow - text)) : NULL;
      const size_t from = tail ? node_index(tail, n_nodes) : SIZE_MAX;
      const size_t to = arrow ? node_index(arrow + 2, n_nodes) : SIZE_MAX;
      free(tail);
      if (from != SIZE_MAX && to != SIZE_MAX) {
        Buf b = { NULL, 0, 0 };
        buf_puts(&b, qname(m, nodes[from]));
        buf_puts(&b, " subClassOf ");
        buf_puts(&b, qname(m, nodes[to]));
        set_text(title, b.s);
        free(b.s);
      }
    } else {
      fix_svg(m, c, nodes, n_nodes); // the graph's own <g>
    }
    xmlFree(name);
    xmlFree(class);
  }
}

/// The class diagram: the page's classes, the outside classes they
/// specialise (dashed, grey) and rdfs:subClassOf arrows; no clusters and
/// no edge labels.  Sets pg->diagram, or pg->diagram_note.
static void
make_diagram(Page *pg)
{
  Model *m = pg->m;
  const size_t *classes = m->by_kind[K_CLASS];
  const size_t n_classes = m->n_kind[K_CLASS];
  char note[200];
  if (!n_classes) {
    pg->diagram_note = xstrdup("The ontology declares no class.");
    return;
  }
  // The nodes, counted first: past the limits no graph is built at all.
  uint32_t *nodes = xmalloc((n_classes + 1) * sizeof(uint32_t));
  size_t n_nodes = 0;
  size_t n_edges = 0;
  size_t *node_of = calloc(m->st.n, sizeof(size_t)); // index + 1
  if (!node_of) {
    out_of_memory();
  }
  for (size_t i = 0; i < n_classes; ++i) {
    nodes[n_nodes] = m->terms[classes[i]].iri;
    node_of[nodes[n_nodes]] = n_nodes + 1;
    ++n_nodes;
  }
  size_t cap = n_nodes + 1;
  for (size_t i = 0; i < n_classes; ++i) {
    const Range r = objects(m, m->terms[classes[i]].iri, V_SUBCLASSOF);
    for (size_t j = r.begin; j < r.end; ++j) {
      const uint32_t o = m->t[j].o;
      const Term *t = term(m, o);
      if (kind_of(m, o) != IRI || (t && t->kind != K_CLASS)) {
        continue; // class expressions; terms documented as other kinds
      }
      ++n_edges;
      if (!node_of[o]) { // an outside class
        nodes = reserve(nodes, &cap, n_nodes + 1, sizeof(uint32_t));
        nodes[n_nodes] = o;
        node_of[o] = ++n_nodes;
      }
    }
  }
  if (n_nodes > DIAGRAM_MAX_NODES || n_edges > DIAGRAM_MAX_EDGES) {
    snprintf(note,
             sizeof(note),
             "No diagram: %zu classes and %zu subclass links are too many to "
             "lay out (at most %d and %d).",
             n_nodes,
             n_edges,
             DIAGRAM_MAX_NODES,
             DIAGRAM_MAX_EDGES);
    fprintf(stderr, "ontodoc: %s: warning: %s\n", m->path, note);
    pg->diagram_note = xstrdup(note);
    free(nodes);
    free(node_of);
    return;
  }
  agseterr(AGERR);
  Agraph_t *g = agopen(mut("classes"), Agdirected, NULL);
  if (!g) {
    out_of_memory();
  }
  // Subclasses on the left, what they specialise on the right: the
  // many leaf classes stack down the page instead of across it.
  agattr(g, AGRAPH, mut("rankdir"), mut("LR"));
  agattr(g, AGRAPH, mut("nodesep"), mut("0.2"));
  agattr(g, AGRAPH, mut("ranksep"), mut("0.6"));
  agattr(g, AGRAPH, mut("bgcolor"), mut("transparent"));
  if (n_nodes >= DIAGRAM_TUNE_NODES) {
    agattr(g, AGRAPH, mut("mclimit"), mut("0.01"));
    agattr(g, AGRAPH, mut("nslimit"), mut("1"));
    agattr(g, AGRAPH, mut("nslimit1"), mut("1"));
    agattr(g, AGRAPH, mut("splines"), mut("false"));
  }
  agattr(g, AGNODE, mut("shape"), mut("box"));
  agattr(g, AGNODE, mut("style"), mut("rounded,filled"));
  agattr(g, AGNODE, mut("fillcolor"), mut("#eaf1fb"));
  agattr(g, AGNODE, mut("color"), mut("#4a6fa5"));
  agattr(g, AGNODE, mut("fontname"), mut("Helvetica,Arial,sans-serif"));
  agattr(g, AGNODE, mut("fontsize"), mut("11"));
  agattr(g, AGNODE, mut("fontcolor"), mut("#1d2330"));
  agattr(g, AGNODE, mut("height"), mut("0.3"));
  agattr(g, AGNODE, mut("URL"), mut(""));
  agattr(g, AGNODE, mut("tooltip"), mut(""));
  agattr(g, AGEDGE, mut("arrowhead"), mut("onormal"));
  agattr(g, AGEDGE, mut("color"), mut("#5b6578"));
  Agnode_t **gv = xmalloc(n_nodes * sizeof(Agnode_t *));
  for (size_t k = 0; k < n_nodes; ++k) {
    char name[32];
    snprintf(name, sizeof(name), "n%zu", k);
    gv[k] = agnode(g, name, 1);
    if (!gv[k]) {
      out_of_memory();
    }
    const Term *t = term(m, nodes[k]);
    char *label = gv_text(t ? t->local : qname(m, nodes[k]), MAX_NODE_LABEL);
    gv_set(gv[k], "label", label);
    free(label);
    gv_set(gv[k], "tooltip", name); // replaced by fix_svg
    if (t) {
      char href[40];
      snprintf(href, sizeof(href), "#%s", name); // replaced by fix_svg
      gv_set(gv[k], "URL", href);
    } else {
      gv_set(gv[k], "style", "rounded,filled,dashed");
      gv_set(gv[k], "fillcolor", "#f2f3f5");
      gv_set(gv[k], "color", "#8a93a3");
      gv_set(gv[k], "fontcolor", "#4b5565");
    }
  }
  for (size_t i = 0; i < n_classes; ++i) {
    const uint32_t s = m->terms[classes[i]].iri;
    const Range r = objects(m, s, V_SUBCLASSOF);
    for (size_t j = r.begin; j < r.end; ++j) {
      const uint32_t o = m->t[j].o;
      if (node_of[o]) {
        agedge(g, gv[node_of[s] - 1], gv[node_of[o] - 1], NULL, 1);
      }
    }
  }
  Buf svg = { NULL, 0, 0 };
  const char *why = NULL;
  if (render_svg(g, &svg, &why) == 0) {
    xmlDocPtr d = svg.len <= INT_MAX
                    ? xmlReadMemory(svg.s,
                                    (int)svg.len,
                                    "classes.svg",
                                    NULL,
                                    XML_PARSE_NONET | XML_PARSE_NOBLANKS |
                                      XML_PARSE_NOERROR | XML_PARSE_NOWARNING)
                    : NULL;
    xmlNodePtr root = d ? xmlDocGetRootElement(d) : NULL;
    if (root && xmlStrEqual(root->name, X("svg"))) {
      clean_svg(root);
      fix_svg(m, root, nodes, n_nodes);
      pg->diagram = xmlDocCopyNode(root, pg->doc, 1);
      if (!pg->diagram) {
        out_of_memory();
      }
      set_attr(pg->diagram, "role", "img");
      set_attr(pg->diagram, "aria-label", "Class diagram");
    } else {
      why = "Graphviz's SVG cannot be read";
    }
    xmlFreeDoc(d);
  }
  if (!pg->diagram) {
    snprintf(note, sizeof(note), "No diagram: %s.", why ? why : "unknown");
    fprintf(stderr, "ontodoc: %s: warning: %s\n", m->path, note);
    pg->diagram_note = xstrdup(note);
  }
  free(svg.s);
  free(gv);
  free(nodes);
  free(node_of);
  agclose(g);
}

static void
write_diagram(Page *pg, xmlNodePtr body)
{
  xmlNodePtr sec = add_section(pg, body, S_DIAGRAM);
  if (!pg->diagram) {
    add_el_text(sec, "p", "note", pg->diagram_note);
    return;
  }
  add_el_text(sec,
              "p",
              "note",
              "Arrows lead from a class to the classes it specialises "
              "(rdfs:subClassOf). Dashed grey boxes are classes of other "
              "vocabularies. Click a class for its entry.");
  xmlNodePtr div = add_el(sec, "div", "diagram");
  if (!xmlAddChild(div, pg->diagram)) {
    out_of_memory();
  }
  pg->diagram = NULL;
}

static xmlDocPtr
build_page(Model *m, const char *file)
{
  Page pg;
  memset(&pg, 0, sizeof(pg));
  pg.m = m;
  pg.file = file;
  pg.doc = htmlNewDocNoDtD(NULL, NULL);
  if (!pg.doc || !xmlCreateIntSubset(pg.doc, X("html"), NULL, NULL)) {
    out_of_memory();
  }
  // Section and group ids come after the terms': a term keeps its name.
  for (int s = 0; s < S_COUNT; ++s) {
    pg.sec[s] = make_id(m, section_id[s]);
  }
  for (size_t g = 0; g < m->n_groups; ++g) {
    if (!m->groups[g].is_scheme) {
      const Term *key = term(m, m->groups[g].key);
      Buf b = { NULL, 0, 0 };
      buf_puts(&b, "concepts-");
      buf_puts(&b, key ? key->local : "other");
      m->groups[g].id = make_id(m, b.s);
      free(b.s);
    }
  }
  pg.shown[S_DIAGRAM] = 1;
  for (int k = 0; k < K_COUNT; ++k) {
    pg.shown[kind_section[k]] |= m->n_kind[k] > 0;
  }
  pg.shown[S_CLASSES] = 1;
  pg.shown[S_ALIGNMENTS] = pg.shown[S_NAMESPACES] = 1;

  const Triple *title_literal =
    m->ontology ? best_literal(m, m->ontology, label_preds, COUNT(label_preds))
                : NULL;
  const char *title = title_literal ? text_of(m, title_literal->o) : file;

  xmlNodePtr html = xmlNewDocNode(pg.doc, NULL, X("html"), NULL);
  if (!html) {
    out_of_memory();
  }
  xmlDocSetRootElement(pg.doc, html);
  set_attr(html, "lang", "en");
  xmlNodePtr head = add_el(html, "head", NULL);
  set_attr(add_el(head, "meta", NULL), "charset", "utf-8");
  xmlNodePtr meta = add_el(head, "meta", NULL);
  set_attr(meta, "name", "viewport");
  set_attr(meta, "content", "width=device-width, initial-scale=1");
  // Nothing may load or run, whatever the ontology holds.
  meta = add_el(head, "meta", NULL);
  set_attr(meta, "http-equiv", "Content-Security-Policy");
  set_attr(meta,
           "content",
           "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
  meta = add_el(head, "meta", NULL);
  set_attr(meta, "name", "generator");
  set_attr(meta, "content", "ontodoc");
  add_el_text(head, "title", NULL, title);
  xmlNodePtr style = add_el(head, "style", NULL);
  xmlNodePtr css = xmlNewDocText(pg.doc, X(page_css));
  if (!css || !xmlAddChild(style, css)) {
    out_of_memory();
  }

  make_diagram(&pg);
  xmlNodePtr body = add_el(add_el(html, "body", NULL), "div", "page");
  write_overview(&pg, body, title);
  write_contents(&pg, body);
  write_diagram(&pg, body);
  for (int k = K_CLASS; k <= K_PROPERTY; ++k) {
    if (!pg.shown[kind_section[k]]) {
      continue;
    }
    xmlNodePtr sec = add_section(&pg, body, kind_section[k]);
    if (!m->n_kind[k]) {
      add_el_text(sec, "p", "note", "None.");
    }
    for (size_t i = 0; i < m->n_kind[k]; ++i) {
      const Term *t = &m->terms[m->by_kind[k][i]];
      if (k == K_CLASS) {
        write_class(&pg, sec, t);
      } else {
        write_property(&pg, sec, t);
      }
    }
  }
  if (pg.shown[S_CONCEPTS]) {
    write_concepts(&pg, body);
  }
  if (pg.shown[S_INDIVIDUALS]) {
    write_individuals(&pg, body);
  }
  write_alignments(&pg, body);
  write_namespaces(&pg, body);
  xmlNodePtr footer = add_el(body, "p", "footer");
  add_text(footer, "Generated by ontodoc from ");
  add_el_text(footer, "code", NULL, file);
  add_text(footer, ".");
  for (int s = 0; s < S_COUNT; ++s) {
    free(pg.sec[s]);
  }
  free(pg.diagram_note);
  if (pg.diagram) {
    xmlFreeNode(pg.diagram);
  }
  return pg.doc;
}

// ---------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------

typedef struct {
  int fd;
  int error; ///< errno of the first failed write, or 0
} Sink;

static int
sink_write(void *context, const char *data, int len)
{
  Sink *sink = context;
  for (int done = 0; done < len;) {
    const ssize_t n = write(sink->fd, data + done, (size_t)(len - done));
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      sink->error = n < 0 ? errno : EIO;
      return -1;
    }
    done += (int)n;
  }
  return len;
}

static int
sink_close(void *context)
{
  (void)context;
  return 0;
}

/// Write `doc` as HTML to `path` through a temporary file beside it,
/// renamed over `path`; straight to `path` when it is not a regular file
/// (/dev/stdout, a pipe), which a rename would replace.
static int
write_page(xmlDocPtr doc, const char *path)
{
  struct stat st;
  const int direct = stat(path, &st) == 0 && !S_ISREG(st.st_mode);
  char *tmp = NULL;
  int fd = -1;
  if (direct && S_ISDIR(st.st_mode)) {
    errno = EISDIR;
  } else if (direct) {
    fd = open(path, O_WRONLY | O_TRUNC);
  } else {
    const size_t n = strlen(path) + sizeof(".XXXXXX");
    tmp = xmalloc(n);
    snprintf(tmp, n, "%s.XXXXXX", path);
    fd = mkstemp(tmp);
  }
  if (fd < 0) {
    fprintf(stderr,
            "ontodoc: %s: error: cannot create%s%s: %s\n",
            path,
            tmp ? " " : "",
            tmp ? tmp : "",
            strerror(errno));
    free(tmp);
    return EXIT_IOERR;
  }
  Sink sink = { fd, 0 };
  xmlOutputBufferPtr out =
    xmlOutputBufferCreateIO(sink_write, sink_close, &sink, NULL);
  if (!out) {
    out_of_memory();
  }
  htmlDocContentDumpFormatOutput(out, doc, "UTF-8", 1);
  const int failed = xmlOutputBufferFlush(out) < 0 || out->error != 0;
  xmlOutputBufferClose(out);
  if (tmp && !failed && !sink.error) {
    // mkstemp made it 0600: give it the mode a new file would have.
    const mode_t mask = umask(0);
    umask(mask);
    if (fchmod(fd, 0666 & ~mask) != 0 || fsync(fd) != 0) {
      sink.error = errno;
    }
  }
  if (close(fd) != 0 && !sink.error) {
    sink.error = errno;
  }
  if (tmp && !failed && !sink.error && rename(tmp, path) != 0) {
    sink.error = errno;
  }
  if (failed || sink.error) {
    fprintf(stderr,
            "ontodoc: %s: error: cannot write: %s\n",
            path,
            strerror(sink.error ? sink.error : EIO));
    if (tmp) {
      unlink(tmp);
    }
    free(tmp);
    return EXIT_IOERR;
  }
  free(tmp);
  return 0;
}

/// libxml2's own messages: ontodoc reports every failure itself.
static void
ignore_libxml2(void *context, const char *format, ...)
{
  (void)context;
  (void)format;
}

static void
usage(FILE *f)
{
  fputs("Usage: ontodoc ONTOLOGY.ttl OUTPUT.html\n"
        "Write one self-contained HTML page documenting the OWL/SKOS "
        "ontology\n"
        "in ONTOLOGY.ttl (Turtle): metadata, class diagram, classes, "
        "properties,\n"
        "concept schemes and concepts, alignments and namespaces.\n",
        f);
}

int
main(int argc, char **argv)
{
  if (argc == 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
    usage(stdout);
    return 0;
  }
  if (argc != 3 || !*argv[1] || !*argv[2]) {
    fputs("ontodoc: error: expected an ontology and an output file\n", stderr);
    usage(stderr);
    return EXIT_USAGE;
  }
  LIBXML_TEST_VERSION
  xmlSetGenericErrorFunc(NULL, ignore_libxml2);
  Model m;
  memset(&m, 0, sizeof(m));
  m.path = argv[1];
  strings_init(&m.st);
  strings_init(&m.ids);
  for (int v = 0; v < V_COUNT; ++v) {
    m.v[v] = strings_get(&m.st, IRI, vocab_iri[v], strlen(vocab_iri[v]), 1);
  }
  int status = parse(&m);
  if (!status) {
    index_triples(&m);
    collect_terms(&m);
    const char *slash = strrchr(argv[1], '/');
    xmlDocPtr doc = build_page(&m, slash ? slash + 1 : argv[1]);
    status = write_page(doc, argv[2]);
    xmlFreeDoc(doc);
  }
  model_free(&m);
  xmlCleanupParser();
  return status;
}
