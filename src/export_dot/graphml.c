// SPDX-License-Identifier: MIT
// GraphML for Gephi, yEd and Cytoscape, written with libxml2's
// xmlTextWriter (which does all XML escaping).

#include "lgraph.h"

#include <libxml/xmlwriter.h>

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define GRAPHML_NS "http://graphml.graphdrawing.org/xmlns"
/// libxml2 takes UTF-8 text as const xmlChar *.
#define XC(s) ((const xmlChar *)(s))

typedef struct {
  const char *id;
  const char *for_what;
  const char *name;
  const char *type;
} Key;

static const Key keys[] = {
  { "label", "node", "label", "string" },
  { "kind", "node", "class", "string" },
  { "iri", "node", "iri", "string" },
  { "details", "node", "details", "string" },
  // The longer text the drawing puts in a tooltip (a quotation's words, a
  // description, a comment): a PNG has no tooltips, GraphML keeps it.
  { "description", "node", "description", "string" },
  { "date", "node", "date", "string" },
  { "not-before", "node", "notBefore", "string" },
  { "not-after", "node", "notAfter", "string" },
  { "elabel", "edge", "label", "string" },
  { "predicate", "edge", "predicate", "string" },
  // How many named graphs (sources) state the edge, where more than one:
  // the drawing's "(3 sources)".
  { "sources", "edge", "sources", "int" },
};

static int
data(xmlTextWriterPtr w, const char *key, const char *value)
{
  if (!value) {
    return 0;
  }
  int rc = xmlTextWriterStartElement(w, XC("data"));
  rc = rc < 0 ? rc : xmlTextWriterWriteAttribute(w, XC("key"), XC(key));
  rc = rc < 0 ? rc : xmlTextWriterWriteString(w, XC(value));
  rc = rc < 0 ? rc : xmlTextWriterEndElement(w);
  return rc;
}

static int
write_document(xmlTextWriterPtr w, LGraph *lg)
{
  int rc = xmlTextWriterSetIndent(w, 1);
  rc = rc < 0 ? rc : xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL);
  rc = rc < 0 ? rc : xmlTextWriterStartElement(w, XC("graphml"));
  rc =
    rc < 0 ? rc : xmlTextWriterWriteAttribute(w, XC("xmlns"), XC(GRAPHML_NS));
  for (size_t i = 0; rc >= 0 && i < sizeof(keys) / sizeof(*keys); ++i) {
    rc = xmlTextWriterStartElement(w, XC("key"));
    rc = rc < 0 ? rc : xmlTextWriterWriteAttribute(w, XC("id"), XC(keys[i].id));
    rc = rc < 0
           ? rc
           : xmlTextWriterWriteAttribute(w, XC("for"), XC(keys[i].for_what));
    rc = rc < 0
           ? rc
           : xmlTextWriterWriteAttribute(w, XC("attr.name"), XC(keys[i].name));
    rc = rc < 0
           ? rc
           : xmlTextWriterWriteAttribute(w, XC("attr.type"), XC(keys[i].type));
    rc = rc < 0 ? rc : xmlTextWriterEndElement(w);
  }
  // A capped view says so, and a graph whose symmetric axioms were folded
  // (the keys only then: a file without either is as it always was).
  EntBuf note = { NULL, 0, 0 };
  if (lg->hidden_more && lgraph_cap_note(lg, &note)) {
    rc = -1;
  }
  if (lgraph_pairwise_note(lg, &note, "each node's axioms data")) {
    rc = -1;
  }
  bool axioms = false;
  for (size_t i = 0; lg->pairwise && i < lg->n_nodes && !axioms; ++i) {
    axioms = lg->nodes[i].in_view && lg->pairwise[i];
  }
  if (axioms) {
    rc = rc < 0 ? rc : xmlTextWriterStartElement(w, XC("key"));
    rc = rc < 0 ? rc : xmlTextWriterWriteAttribute(w, XC("id"), XC("axioms"));
    rc = rc < 0 ? rc : xmlTextWriterWriteAttribute(w, XC("for"), XC("node"));
    rc = rc < 0 ? rc
                : xmlTextWriterWriteAttribute(w, XC("attr.name"), XC("axioms"));
    rc = rc < 0 ? rc
                : xmlTextWriterWriteAttribute(w, XC("attr.type"), XC("string"));
    rc = rc < 0 ? rc : xmlTextWriterEndElement(w);
  }
  if (note.len) {
    rc = rc < 0 ? rc : xmlTextWriterStartElement(w, XC("key"));
    rc = rc < 0 ? rc : xmlTextWriterWriteAttribute(w, XC("id"), XC("note"));
    rc = rc < 0 ? rc : xmlTextWriterWriteAttribute(w, XC("for"), XC("graph"));
    rc =
      rc < 0 ? rc : xmlTextWriterWriteAttribute(w, XC("attr.name"), XC("note"));
    rc = rc < 0 ? rc
                : xmlTextWriterWriteAttribute(w, XC("attr.type"), XC("string"));
    rc = rc < 0 ? rc : xmlTextWriterEndElement(w);
  }
  rc = rc < 0 ? rc : xmlTextWriterStartElement(w, XC("graph"));
  rc = rc < 0 ? rc : xmlTextWriterWriteAttribute(w, XC("id"), XC("entente"));
  rc = rc < 0
         ? rc
         : xmlTextWriterWriteAttribute(w, XC("edgedefault"), XC("directed"));
  if (note.len) {
    note.buf[0] = (char)toupper((unsigned char)note.buf[0]); // "Showing"
    rc = rc < 0 ? rc : data(w, "note", note.buf);
  }
  ent_buf_free(&note);
  char id[32];
  EntBuf label = { NULL, 0, 0 }; // a name and how many others it has
  // Somebody else's graph: each node's first class the drawing has no
  // shape for (kept as a line on it).
  const char **own_class =
    lg->entente_classes ? NULL : calloc(lg->n_nodes + 1, sizeof(char *));
  if (!lg->entente_classes && !own_class) {
    rc = -1;
  }
  for (size_t i = 0; own_class && i < lg->n_literals; ++i) {
    const LClaim *c = &lg->literals[i];
    if (!own_class[c->subject] && !strcmp(c->predicate, RDF_TYPE)) {
      own_class[c->subject] = c->value;
    }
  }
  for (uint32_t i = 0; rc >= 0 && i < lg->n_nodes; ++i) {
    const LNode *n = &lg->nodes[i];
    if (!n->in_view) {
      continue;
    }
    snprintf(id, sizeof(id), "n%u", i);
    rc = xmlTextWriterStartElement(w, XC("node"));
    rc = rc < 0 ? rc : xmlTextWriterWriteAttribute(w, XC("id"), XC(id));
    char others[48];
    const char *other_names = lgraph_other_names(n, others);
    if (*other_names) {
      ent_buf_reset(&label);
      if (ent_buf_appendf(&label, "%s%s", n->label, other_names)) {
        rc = -1;
      }
    }
    rc = rc < 0 ? rc : data(w, "label", *other_names ? label.buf : n->label);
    // Somebody else's graph: the node's own class, which the drawing's
    // kinds would misname (foaf:Person, not Official); the one with no
    // shape where it has one (ex:Envoy, drawn as its superclass
    // foaf:Person, or as Resource).
    const bool own =
      own_class && own_class[i] && (!n->class_iri || n->inherited);
    const char *cls = own ? lgraph_short_name(lg, own_class[i])
                      : own_class && n->class_iri
                        ? lgraph_short_name(lg, n->class_iri)
                        : lgraph_kind_style(n->kind)->name;
    rc = rc < 0 ? rc : data(w, "kind", cls);
    rc = rc < 0 ? rc : data(w, "iri", n->iri);
    const char *all_facets = lgraph_all_facets(lg, i);
    rc = rc < 0 ? rc : data(w, "details", all_facets ? all_facets : n->facets);
    rc = rc < 0 ? rc : data(w, "description", n->tooltip);
    // The day where it is known; else the window it fell in (a tool that
    // reads `date` must not take a window's first day, or the last day it
    // can have been, for the day itself).
    const bool vague = n->window || n->by_last;
    rc = rc < 0 ? rc : data(w, "date", vague ? NULL : n->date);
    rc = rc < 0 ? rc : data(w, "not-before", n->window ? n->date : NULL);
    rc = rc < 0 ? rc
                : data(w,
                       "not-after",
                       n->by_last                  ? n->date
                       : n->window && n->not_after ? n->not_after
                                                   : NULL);
    if (axioms) {
      rc = rc < 0 ? rc : data(w, "axioms", lg->pairwise[i]);
    }
    rc = rc < 0 ? rc : xmlTextWriterEndElement(w);
  }
  ent_buf_free(&label);
  free((void *)own_class);
  for (size_t i = 0; rc >= 0 && i < lg->n_edges; ++i) {
    const LEdge *e = &lg->edges[i];
    // With the edges a frame says in the drawing: GraphML has no frames.
    if (!lgraph_edge_visible(lg, e) && !lgraph_edge_framed(lg, e)) {
      continue;
    }
    char from[32];
    char to[32];
    snprintf(id, sizeof(id), "e%zu", i);
    snprintf(from, sizeof(from), "n%u", e->from);
    snprintf(to, sizeof(to), "n%u", e->to);
    rc = xmlTextWriterStartElement(w, XC("edge"));
    rc = rc < 0 ? rc : xmlTextWriterWriteAttribute(w, XC("id"), XC(id));
    rc = rc < 0 ? rc : xmlTextWriterWriteAttribute(w, XC("source"), XC(from));
    rc = rc < 0 ? rc : xmlTextWriterWriteAttribute(w, XC("target"), XC(to));
    rc = rc < 0 ? rc : data(w, "elabel", e->label);
    rc = rc < 0 ? rc : data(w, "predicate", lgraph_spelling(lg, e->predicate));
    if (e->n_graphs > 1) {
      char sources[16];
      snprintf(sources, sizeof(sources), "%u", e->n_graphs);
      rc = rc < 0 ? rc : data(w, "sources", sources);
    }
    rc = rc < 0 ? rc : xmlTextWriterEndElement(w);
  }
  rc = rc < 0 ? rc : xmlTextWriterEndDocument(w);
  return rc;
}

EntStatus
lgraph_write_graphml(LGraph *lg, FILE *stream)
{
  xmlBufferPtr buffer = xmlBufferCreate();
  xmlTextWriterPtr w = buffer ? xmlNewTextWriterMemory(buffer, 0) : NULL;
  if (!w) {
    xmlBufferFree(buffer);
    return ENT_ERR_NO_MEMORY;
  }
  const int rc = write_document(w, lg);
  xmlFreeTextWriter(w); // flushes into the buffer
  EntStatus st = rc < 0 ? ENT_ERR_INTERNAL : ENT_SUCCESS;
  const size_t len = (size_t)xmlBufferLength(buffer);
  if (!st && fwrite(xmlBufferContent(buffer), 1, len, stream) != len) {
    st = ENT_ERR_IO;
  }
  xmlBufferFree(buffer);
  return st;
}
