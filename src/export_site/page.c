// SPDX-License-Identifier: MIT
// The page of one entity: its names, posts, diagram, quotes, timeline,
// where sources disagree, every fact with its sources, what points to it,
// and (for a source) what the article contributed.
#define _GNU_SOURCE 1 // qsort_r()
#include "site.h"

#include <jansson.h>
#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>

#define X(s)       ((const xmlChar *)(s))
#define RDF_NS     "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define MAX_GRAPHS 64 ///< Sources listed for one claim ("and N more")

/// A claim and the sources that make it.
typedef struct {
  const SQuad *q; ///< The first statement of it
  const char *graphs[MAX_GRAPHS];
  size_t n_graphs;
  size_t more; ///< Sources past MAX_GRAPHS
} Claim;

typedef struct {
  Claim *items;
  size_t n;
  size_t cap;
} Claims;

static bool
same_value(const SQuad *a, const SQuad *b)
{
  return a->p == b->p && a->o == b->o && a->dt == b->dt && a->lang == b->lang;
}

static void
claim_add_graph(Claim *c, const char *g)
{
  if (!g) {
    return;
  }
  for (size_t i = 0; i < c->n_graphs; ++i) {
    if (c->graphs[i] == g) {
      return;
    }
  }
  if (c->n_graphs < MAX_GRAPHS) {
    c->graphs[c->n_graphs++] = g;
  } else {
    ++c->more;
  }
}

/// Add statement `q` to `claims`: to the claim of the same value, or as a
/// new one (values in the order they first come).
static EntStatus
claims_add(Claims *claims, const SQuad *q, bool by_subject)
{
  for (size_t i = 0; i < claims->n; ++i) {
    Claim *c = &claims->items[i];
    if (same_value(c->q, q) && (!by_subject || c->q->s == q->s)) {
      claim_add_graph(c, q->g);
      return ENT_SUCCESS;
    }
  }
  if (ent_grow(&claims->items, &claims->cap, claims->n, sizeof(Claim), 8)) {
    return ENT_ERR_NO_MEMORY;
  }
  Claim *c = &claims->items[claims->n++];
  memset(c, 0, sizeof(*c));
  c->q = q;
  claim_add_graph(c, q->g);
  return ENT_SUCCESS;
}

static void
add_sources(Page *pg, const Site *site, xmlNodePtr parent, const Claim *c)
{
  html_sources(pg, site, parent, c->graphs, c->n_graphs);
  if (c->more) {
    char more[64];
    snprintf(more, sizeof(more), " and %zu more", c->more);
    html_text(parent, more);
  }
}

static const SQuad *
quad(const Site *site, const uint32_t *order, uint32_t i)
{
  return &site->quads[order[i]];
}

/// A web address a page may link to.
static bool
is_web(const char *iri)
{
  return !strncmp(iri, "https://", 8) || !strncmp(iri, "http://", 7);
}

/// An object as a page shows it: a link to its page, a controlled value's
/// label, a web link, or the literal (with its language).
static void
add_value(Page *pg, Site *site, xmlNodePtr parent, const SQuad *q)
{
  EntBuf words = { NULL, 0, 0 };
  if (q->on != ENT_NO_ENTITY && site->nodes[q->on].path) {
    html_node_link(pg, site, parent, q->on);
  } else if (q->on != ENT_NO_ENTITY) {
    const OntTerm *t = ont_term(site->ontology, q->o);
    if (t && t->label) {
      html_text_el(parent, "span", "concept", t->label);
    } else if (is_web(q->o)) {
      xmlNodePtr a = html_text_el(parent, "a", NULL, q->o);
      html_attr(a, "href", q->o);
      html_attr(a, "rel", "external noopener");
    } else {
      html_text_el(parent, "code", NULL, q->o);
    }
  } else if (q->dt && !strcmp(q->dt, XSD_NS "duration") &&
             ent_duration_words(q->o, &words)) {
    // "13 hours", with the value as written for those who want it.
    xmlNodePtr span = html_text_el(parent, "span", "value", words.buf);
    html_attr(span, "title", q->o);
  } else {
    xmlNodePtr span = html_text_el(parent, "span", "value", q->o);
    if (q->lang) {
      html_attr(span, "lang", q->lang);
    }
  }
  ent_buf_free(&words);
}

// ---- Sections -----------------------------------------------------------

static EntStatus
add_names(Page *pg, Site *site, uint32_t n)
{
  static const char *const names[] = { SCHEMA_NS "name",
                                       RDFS_LABEL,
                                       SKOS_NS "prefLabel",
                                       SKOS_NS "altLabel",
                                       SCHEMA_NS "alternateName" };
  const SNode *node = &site->nodes[n];
  Claims claims = { NULL, 0, 0 };
  EntStatus st = ENT_SUCCESS;
  for (uint32_t i = 0; i < node->count && !st; ++i) {
    const SQuad *q = quad(site, site->by_subject, node->first + i);
    bool is_name = false;
    for (size_t k = 0; k < sizeof(names) / sizeof(*names); ++k) {
      is_name = is_name || !strcmp(q->p, names[k]);
    }
    if (!is_name || q->on != ENT_NO_ENTITY ||
        (q->o == node->name && q->lang == node->lang)) {
      continue;
    }
    // One row per spelling, whatever property gives it.
    bool seen = false;
    for (size_t k = 0; k < claims.n && !seen; ++k) {
      if (claims.items[k].q->o == q->o && claims.items[k].q->lang == q->lang) {
        claim_add_graph(&claims.items[k], q->g);
        seen = true;
      }
    }
    if (!seen) {
      st = claims_add(&claims, q, false);
    }
  }
  if (!st && claims.n) {
    xmlNodePtr sec =
      html_section(pg->main, "names", "Other names and spellings");
    xmlNodePtr ul = html_el(sec, "ul", NULL);
    for (size_t k = 0; k < claims.n; ++k) {
      xmlNodePtr li = html_el(ul, "li", NULL);
      xmlNodePtr name = html_text_el(li, "span", "alias", claims.items[k].q->o);
      html_attr(name, "lang", claims.items[k].q->lang);
      html_text(li, " ");
      add_sources(pg, site, li, &claims.items[k]);
    }
  }
  free(claims.items);
  return st;
}

static const char *
literal_of(const Site *site, uint32_t n, const char *predicate)
{
  const SQuad *q = site_value(site, n, predicate);
  return q ? q->o : NULL;
}

static EntStatus
add_posts(Page *pg, Site *site, uint32_t n)
{
  const char *holds = site_intern(site, ENT_NS "holdsPost");
  const SNode *node = &site->nodes[n];
  Claims posts = { NULL, 0, 0 };
  EntStatus st = ENT_SUCCESS;
  for (uint32_t i = 0; i < node->count && !st; ++i) {
    const SQuad *q = quad(site, site->by_subject, node->first + i);
    if (q->p == holds && q->on != ENT_NO_ENTITY) {
      st = claims_add(&posts, q, false);
    }
  }
  if (st || !posts.n) {
    free(posts.items);
    return st;
  }
  // Dates columns only when some post has a date.
  const char *start = site_intern(site, SCHEMA_NS "startDate");
  const char *end = site_intern(site, SCHEMA_NS "endDate");
  bool dated = false;
  for (size_t k = 0; k < posts.n && !dated; ++k) {
    dated = literal_of(site, posts.items[k].q->on, start) ||
            literal_of(site, posts.items[k].q->on, end);
  }
  xmlNodePtr sec = html_section(pg->main, "posts", "Posts");
  static const char *const dated_heads[] = {
    "Post, as each source calls it", "In", "From", "To", "Sources", NULL
  };
  static const char *const heads[] = {
    "Post, as each source calls it", "In", "Sources", NULL
  };
  xmlNodePtr tbody = html_table(sec, "posts", dated ? dated_heads : heads);
  const char *post_in = site_intern(site, ENT_NS "postIn");
  const char *label = site_intern(site, RDFS_LABEL);
  for (size_t k = 0; k < posts.n && !st; ++k) {
    const uint32_t p = posts.items[k].q->on;
    const SNode *post = &site->nodes[p];
    xmlNodePtr tr = html_el(tbody, "tr", NULL);
    xmlNodePtr title = html_el(tr, "td", NULL);
    // Each source's title, with the sources that give it.
    Claims titles = { NULL, 0, 0 };
    const SQuad *body = NULL;
    for (uint32_t i = 0; i < post->count && !st; ++i) {
      const SQuad *q = quad(site, site->by_subject, post->first + i);
      if (q->p == label && q->on == ENT_NO_ENTITY) {
        st = claims_add(&titles, q, false);
      } else if (q->p == post_in && !body) {
        body = q;
      }
    }
    if (post->path) {
      html_node_link(pg, site, title, p);
    }
    if (titles.n > 1 || !post->path) {
      xmlNodePtr ul = html_el(title, "ul", "titles");
      for (size_t t = 0; t < titles.n; ++t) {
        xmlNodePtr li = html_el(ul, "li", NULL);
        xmlNodePtr span = html_text_el(li, "span", NULL, titles.items[t].q->o);
        html_attr(span, "lang", titles.items[t].q->lang);
        html_text(li, " ");
        add_sources(pg, site, li, &titles.items[t]);
      }
    }
    free(titles.items);
    xmlNodePtr in = html_el(tr, "td", NULL);
    if (body) {
      add_value(pg, site, in, body);
    }
    if (dated) {
      html_text_el(tr, "td", NULL, literal_of(site, p, start));
      html_text_el(tr, "td", NULL, literal_of(site, p, end));
    }
    add_sources(pg, site, html_el(tr, "td", NULL), &posts.items[k]);
  }
  free(posts.items);
  return st;
}

/// Graphviz's SVG, made safe to inline: elements and text only (no
/// comment, processing instruction or script), no event handler, and
/// links only to the site's pages or to fragments.
static void
clean_svg(xmlNodePtr n)
{
  xmlAttrPtr a = n->properties;
  while (a) {
    xmlAttrPtr next = a->next;
    xmlChar *value = xmlNodeGetContent((xmlNodePtr)a);
    const char *v = value ? (const char *)value : "";
    const bool link = xmlStrEqual(a->name, X("href"));
    const bool drop = !xmlStrncasecmp(a->name, X("on"), 2) ||
                      (link && (strchr(v, ':') || v[0] == '/')) ||
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
    if (c->type == XML_ELEMENT_NODE && !xmlStrEqual(c->name, X("script")) &&
        !xmlStrEqual(c->name, X("foreignObject"))) {
      clean_svg(c);
    } else if (c->type != XML_TEXT_NODE) {
      xmlUnlinkNode(c);
      xmlFreeNode(c);
    }
    c = next;
  }
}

/// The legend of the diagram: its kinds and line styles, as HTML.
static void
add_legend(const Site *site, xmlNodePtr fig)
{
  xmlNodePtr legend = html_el(fig, "ul", "legend");
  html_attr(legend, "aria-label", "Legend");
  char style[160];
  for (int k = 0; k < KIND_COUNT_; ++k) {
    if (!site->legend_kinds[k] || k == KIND_HIDDEN) {
      continue;
    }
    const KindStyle *ks = lgraph_kind_style((Kind)k);
    xmlNodePtr li = html_el(legend, "li", NULL);
    xmlNodePtr swatch = html_el(li, "span", "swatch");
    snprintf(style,
             sizeof(style),
             "background-color: %s",
             strstr(ks->style, "filled") ? ks->fill : "#ffffff");
    html_attr(swatch, "style", style);
    html_text(li, ks->name);
  }
  size_t n_styles = 0;
  const EdgeStyle *styles = lgraph_edge_styles(&n_styles);
  for (size_t f = 0; f < n_styles && f < 32; ++f) {
    if (!(site->legend_families & (1u << f))) {
      continue;
    }
    xmlNodePtr li = html_el(legend, "li", NULL);
    xmlNodePtr line = html_el(li, "span", "line");
    const char *border = !strcmp(styles[f].style, "dashed")   ? "dashed"
                         : !strcmp(styles[f].style, "dotted") ? "dotted"
                                                              : "solid";
    snprintf(style,
             sizeof(style),
             "border-top: %dpx %s %s",
             !strcmp(styles[f].style, "bold") ? 3 : 2,
             border,
             styles[f].color);
    html_attr(line, "style", style);
    html_text(li, styles[f].name);
  }
}

static void
add_diagram(Page *pg,
            const Site *site,
            const SNode *node,
            const char *svg,
            size_t svg_len)
{
  if (!svg || !svg_len || svg_len > INT32_MAX) {
    return;
  }
  xmlDocPtr d = xmlReadMemory(svg,
                              (int)svg_len,
                              "ego.svg",
                              NULL,
                              XML_PARSE_NONET | XML_PARSE_NOBLANKS |
                                XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  xmlNodePtr root = d ? xmlDocGetRootElement(d) : NULL;
  if (root && xmlStrEqual(root->name, X("svg"))) {
    clean_svg(root);
    xmlNodePtr copy = xmlDocCopyNode(root, pg->doc, 1);
    if (copy) {
      xmlNodePtr sec = html_section(pg->main, "diagram", "Around it");
      xmlNodePtr fig = html_el(sec, "figure", "ego");
      xmlNodePtr zoom = html_el(fig, "div", "zoom");
      static const char *const buttons[][3] = {
        { "in", "+", "Zoom in" },
        { "out", "\xe2\x88\x92", "Zoom out" },
        { "reset", "\xe2\x9f\xb2", "Fit" }
      };
      for (size_t i = 0; i < 3; ++i) {
        xmlNodePtr b = html_text_el(zoom, "button", NULL, buttons[i][1]);
        html_attr(b, "type", "button");
        html_attr(b, "data-zoom", buttons[i][0]);
        html_attr(b, "title", buttons[i][2]);
        html_attr(b, "aria-label", buttons[i][2]);
      }
      xmlAddChild(fig, copy);
      xmlSetProp(copy, X("role"), X("img"));
      char label[64];
      snprintf(label, sizeof(label), "Diagram of what is linked to it");
      xmlSetProp(copy, X("aria-label"), X(label));
      add_legend(site, fig);
      xmlNodePtr cap = html_el(fig, "figcaption", NULL);
      html_text(cap, "What the sources link to ");
      xmlNodePtr name = html_name(cap, "span", NULL, node->name);
      html_attr(name, "lang", node->lang);
      html_text(cap,
                ": drag to pan, scroll or use the buttons to zoom, "
                "click a node to open its page.");
    }
  }
  if (d) {
    xmlFreeDoc(d);
  }
}

/// The web address (schema:url) of source node `n`, or NULL.
static const char *
web_address(Site *site, uint32_t n)
{
  const char *p = site_intern(site, SCHEMA_NS "url");
  const SNode *node = &site->nodes[n];
  for (uint32_t i = 0; i < node->count; ++i) {
    const SQuad *q = quad(site, site->by_subject, node->first + i);
    if (q->p == p && is_web(q->o)) {
      return q->o;
    }
  }
  return NULL;
}

/// Whether statement node `s` is said by, about or at node `n`.
static bool
statement_role(Site *site, const SQuad *q)
{
  static const char *const roles[] = { ENT_NS "speaker",
                                       ENT_NS "concerns",
                                       ENT_NS "topic",
                                       ENT_NS "occasion",
                                       ENT_NS "addressee" };
  for (size_t i = 0; i < sizeof(roles) / sizeof(*roles); ++i) {
    if (!strcmp(q->p, roles[i])) {
      return site->nodes[q->s].kind == SK_STATEMENT;
    }
  }
  return false;
}

static void
add_related_line(Page *pg,
                 Site *site,
                 xmlNodePtr parent,
                 uint32_t s,
                 const char *predicate,
                 const char *lead)
{
  const SNode *node = &site->nodes[s];
  const char *p = site_intern(site, predicate);
  bool any = false;
  for (uint32_t i = 0; i < node->count; ++i) {
    const SQuad *q = quad(site, site->by_subject, node->first + i);
    if (q->p != p) {
      continue;
    }
    bool repeat = false;
    for (uint32_t j = 0; j < i && !repeat; ++j) {
      const SQuad *r = quad(site, site->by_subject, node->first + j);
      repeat = r->p == p && r->o == q->o;
    }
    if (repeat) {
      continue;
    }
    html_text(parent, any ? ", " : lead);
    add_value(pg, site, parent, q);
    any = true;
  }
}

static EntStatus
add_quote(Page *pg, Site *site, xmlNodePtr list, uint32_t s)
{
  const SNode *node = &site->nodes[s];
  const SQuad *text = site_value(site, s, site_intern(site, SCHEMA_NS "text"));
  const char *type = site_intern(site, RDF_TYPE);
  const char *quotation = site_intern(site, ENT_NS "Quotation");
  bool is_quote = false;
  Claim graphs; // the sources that report the statement
  memset(&graphs, 0, sizeof(graphs));
  for (uint32_t i = 0; i < node->count; ++i) {
    const SQuad *q = quad(site, site->by_subject, node->first + i);
    is_quote = is_quote || (q->p == type && q->o == quotation);
    claim_add_graph(&graphs, q->g);
  }
  xmlNodePtr item = html_el(list, "li", is_quote ? "quote" : "paraphrase");
  xmlNodePtr words = html_el(item, is_quote ? "blockquote" : "p", "words");
  xmlNodePtr span =
    html_text_el(words, "span", NULL, text ? text->o : node->name);
  html_attr(span, "lang", text ? text->lang : node->lang);
  const char *fragment =
    literal_of(site, s, site_intern(site, ENT_NS "fragment"));
  if (!is_quote) {
    html_text(words, " (reported speech)");
  } else if (fragment && !strcmp(fragment, "true")) {
    html_text_el(
      words, "span", "fragment", " (a fragment of a longer statement)");
  }
  xmlNodePtr cite = html_el(item, "p", "cite");
  xmlNodePtr who = html_el(cite, "cite", NULL);
  add_related_line(pg, site, who, s, ENT_NS "speaker", "");
  const char *date =
    literal_of(site, s, site_intern(site, SCHEMA_NS "dateCreated"));
  const char *phrase =
    literal_of(site, s, site_intern(site, ENT_NS "datePhrase"));
  if (date) {
    html_text(cite, ", ");
    html_time(cite, date);
  }
  if (phrase) {
    html_text(cite, " (");
    html_text(cite, phrase);
    html_text(cite, ")");
  }
  add_related_line(pg, site, cite, s, ENT_NS "occasion", "; at ");
  add_related_line(pg, site, cite, s, ENT_NS "medium", "; through ");
  add_related_line(pg, site, cite, s, ENT_NS "addressee", "; to ");
  add_related_line(pg, site, cite, s, ENT_NS "concerns", "; about ");
  html_text(cite, ". ");
  xmlNodePtr src = html_el(cite, "span", "source");
  html_text(src, graphs.n_graphs > 1 ? "Sources: " : "Source: ");
  for (size_t g = 0; g < graphs.n_graphs; ++g) {
    const uint32_t sn = site_node(site, graphs.graphs[g]);
    if (g) {
      html_text(src, ", ");
    }
    if (sn == ENT_NO_ENTITY) {
      html_text(src, graphs.graphs[g]);
      continue;
    }
    html_node_link_short(pg, site, src, sn);
    // The article itself, where the source gives its address.
    const char *url = web_address(site, sn);
    if (url) {
      html_text(src, " (");
      xmlNodePtr a = html_text_el(src, "a", NULL, "the article");
      html_attr(a, "href", url);
      html_attr(a, "rel", "external noopener");
      html_text(src, ")");
    }
  }
  if (node->path) {
    html_text(src, " \xc2\xb7 ");
    ent_buf_reset(&site->scratch);
    if (!ent_buf_appendf(&site->scratch, "%s/index.html", node->path)) {
      html_site_link(pg, src, site->scratch.buf, "its page");
    }
  }
  return ENT_SUCCESS;
}

static int
by_date_then_name(const void *pa, const void *pb, void *context)
{
  const Site *site = context;
  const SNode *a = &site->nodes[*(const uint32_t *)pa];
  const SNode *b = &site->nodes[*(const uint32_t *)pb];
  const int d = strcmp(a->date ? a->date : "", b->date ? b->date : "");
  if (d) {
    return d;
  }
  const int n = strcmp(a->name, b->name);
  if (n) {
    return n;
  }
  return strcmp(a->iri, b->iri);
}

static EntStatus
add_quotes(Page *pg, Site *site, uint32_t n)
{
  const SNode *node = &site->nodes[n];
  uint32_t *said = malloc((node->in_count + 1) * sizeof(uint32_t));
  if (!said) {
    return ENT_ERR_NO_MEMORY;
  }
  size_t k = 0;
  for (uint32_t i = 0; i < node->in_count; ++i) {
    const SQuad *q = quad(site, site->by_object, node->in_first + i);
    if (!statement_role(site, q)) {
      continue;
    }
    bool seen = false;
    for (size_t j = 0; j < k && !seen; ++j) {
      seen = said[j] == q->s;
    }
    if (!seen) {
      said[k++] = q->s;
    }
  }
  EntStatus st = ENT_SUCCESS;
  if (k) {
    qsort_r(said, k, sizeof(uint32_t), by_date_then_name, site);
    xmlNodePtr sec = html_section(pg->main, "quotes", "What was said");
    xmlNodePtr ol = html_el(sec, "ol", "quotes");
    for (size_t i = 0; i < k && !st; ++i) {
      st = add_quote(pg, site, ol, said[i]);
    }
  }
  free(said);
  return st;
}

static EntStatus
add_timeline(Page *pg, Site *site, uint32_t n)
{
  const SNode *node = &site->nodes[n];
  const size_t cap = (size_t)node->count + node->in_count + 1;
  uint32_t *dated = malloc(cap * sizeof(uint32_t));
  if (!dated) {
    return ENT_ERR_NO_MEMORY;
  }
  size_t k = 0;
  if (node->date) {
    dated[k++] = n;
  }
  for (uint32_t i = 0; i < (uint32_t)(cap - 1); ++i) {
    const bool out = i < node->count;
    const SQuad *q =
      out ? quad(site, site->by_subject, node->first + i)
          : quad(site, site->by_object, node->in_first + (i - node->count));
    const uint32_t other = out ? q->on : q->s;
    if (other == ENT_NO_ENTITY || other == n || !site->nodes[other].date ||
        !site_kind_dated(site->nodes[other].kind)) {
      continue;
    }
    bool seen = false;
    for (size_t j = 0; j < k && !seen; ++j) {
      seen = dated[j] == other;
    }
    if (!seen) {
      dated[k++] = other;
    }
  }
  if (k > 1 || (k == 1 && dated[0] != n)) {
    qsort_r(dated, k, sizeof(uint32_t), by_date_then_name, site);
    xmlNodePtr sec = html_section(pg->main, "timeline", "Timeline");
    xmlNodePtr ol = html_el(sec, "ol", "timeline");
    for (size_t i = 0; i < k; ++i) {
      const SNode *d = &site->nodes[dated[i]];
      xmlNodePtr li = html_el(ol, "li", dated[i] == n ? "self" : NULL);
      html_when(li, d);
      html_text(li, " ");
      html_node_link(pg, site, li, dated[i]);
      html_text(li, " ");
      html_text_el(li, "span", "kind", d->kind_label);
      // A source's page: what that source says of it, not what others
      // said later.
      const char *status = site->nodes[n].kind == SK_SOURCE
                             ? site_status(site, dated[i], n)
                             : d->status;
      if (status) {
        html_text(li, " (");
        html_text_el(li, "span", "status", status);
        html_text(li, ")");
      }
    }
  }
  free(dated);
  return ENT_SUCCESS;
}

/// Most values of one status a page weighs as a change over time; more are
/// shown as a disagreement (a scheme has at most seven).
enum { MAX_STATUSES = 16 };

/// The claims of facts->items[first]'s predicate, a status of node `n`,
/// into `reports` (their tags: indexes in `facts`), each value with the
/// days of every source that gives it (site_status_report(), all of
/// them, not only those a claim lists), ordered by ont_status_sort().
/// How many there are; 0 if more than MAX_STATUSES.
static size_t
status_claims(const Site *site,
              uint32_t n,
              const Claims *facts,
              size_t first,
              OntStatusReports *reports)
{
  size_t n_values = 0;
  const char *p = facts->items[first].q->p;
  for (size_t j = first; j < facts->n; ++j) {
    const Claim *c = &facts->items[j];
    if (c->q->p != p) {
      continue;
    }
    if (n_values == MAX_STATUSES) {
      return 0;
    }
    reports[n_values++] = (OntStatusReports){ .status = c->q->o, .tag = j };
  }
  const SNode *node = &site->nodes[n];
  for (uint32_t i = 0; i < node->count; ++i) {
    const SQuad *q = quad(site, site->by_subject, node->first + i);
    for (size_t v = 0; v < n_values && q->p == p; ++v) {
      if (reports[v].status == q->o) {
        site_status_report(site, q->gn, &reports[v]);
      }
    }
  }
  ont_status_sort(site->ontology, reports, n_values);
  return n_values;
}

/// A column of a claims table: the value, and the sources that give it.
static void
add_claim_column(Page *pg,
                 Site *site,
                 xmlNodePtr head,
                 xmlNodePtr row,
                 const Claim *c,
                 const char *title,
                 const char *day)
{
  xmlNodePtr th = html_el(head, "th", NULL);
  html_text(th, title);
  if (day) {
    html_time(th, day);
  }
  xmlNodePtr td = html_el(row, "td", NULL);
  add_value(pg, site, html_el(td, "p", "value"), c->q);
  xmlNodePtr by = html_el(td, "p", "by");
  html_text(by, "according to ");
  add_sources(pg, site, by, c);
}

/// A table of the values of facts->items[first]'s predicate, a column a
/// value: the status values `reports[0..n)` headed by the day each was
/// first reported when `n`; else every value, headed "Claim N".
static void
add_claims_table(Page *pg,
                 Site *site,
                 xmlNodePtr sec,
                 const Claims *facts,
                 size_t first,
                 const OntStatusReports *reports,
                 size_t n)
{
  const char *p = facts->items[first].q->p;
  xmlNodePtr table = html_el(sec, "table", n ? "history" : "dispute");
  xmlNodePtr caption = html_el(table, "caption", NULL);
  html_text(caption, site_predicate_label(site, p));
  xmlNodePtr head = html_el(html_el(table, "thead", NULL), "tr", NULL);
  xmlNodePtr row = html_el(html_el(table, "tbody", NULL), "tr", NULL);
  for (size_t k = 0; k < n; ++k) {
    // The first day a report is known to be of, or else the earliest it
    // can be of (a source known only not to be earlier than a day).
    const OntStatusReports *r = &reports[k];
    add_claim_column(pg,
                     site,
                     head,
                     row,
                     &facts->items[r->tag],
                     r->first_day     ? "first reported "
                     : r->first_bound ? "no earlier than "
                                      : "day unknown",
                     r->first_day ? r->first_day : r->first_bound);
  }
  size_t k = 0;
  for (size_t j = first; !n && j < facts->n; ++j) {
    if (facts->items[j].q->p == p) {
      char title[32];
      snprintf(title, sizeof(title), "Claim %zu", ++k);
      add_claim_column(pg, site, head, row, &facts->items[j], title, NULL);
    }
  }
}

/// Whether place node `inner` is `outer` or lies within it
/// (schema:containedInPlace, its first parent, at most ENT_MAX_NESTING
/// steps up, as ent_within()).
static bool
place_within(Site *site, uint32_t inner, uint32_t outer)
{
  const char *up = site_intern(site, SCHEMA_NS "containedInPlace");
  for (int depth = 0; depth <= ENT_MAX_NESTING && inner != ENT_NO_ENTITY;
       ++depth) {
    if (inner == outer) {
      return true;
    }
    const SNode *n = &site->nodes[inner];
    uint32_t parent = ENT_NO_ENTITY;
    for (uint32_t i = 0; i < n->count && parent == ENT_NO_ENTITY; ++i) {
      const SQuad *q = quad(site, site->by_subject, n->first + i);
      parent = q->p == up ? q->on : ENT_NO_ENTITY;
    }
    inner = parent;
  }
  return false;
}

/// Whether the places the claims of facts->items[first]'s predicate give
/// lie one within another (Riyadh, Saudi Arabia): one source is more
/// precise than another, not at odds with it.
static bool
places_nested(Site *site, const Claims *facts, size_t first)
{
  const char *p = facts->items[first].q->p;
  for (size_t i = first; i < facts->n; ++i) {
    const SQuad *a = facts->items[i].q;
    for (size_t j = i + 1; j < facts->n && a->p == p; ++j) {
      const SQuad *b = facts->items[j].q;
      if (b->p == p && (a->on == ENT_NO_ENTITY || b->on == ENT_NO_ENTITY ||
                        (!place_within(site, a->on, b->on) &&
                         !place_within(site, b->on, a->on)))) {
        return false;
      }
    }
  }
  return true;
}

/// Whether one source gives several of the locations facts->items[first..]
/// give (an event's place="kursk belgorod"): a list of places, of which
/// another source's fewer are no disagreement (as in validate).
static bool
places_listed(const Claims *facts, size_t first)
{
  const char *p = facts->items[first].q->p;
  if (strcmp(p, ENT_NS "location") != 0) {
    return false;
  }
  // Each source, with the value it was first seen giving: one pass.
  EntMap seen;
  ent_map_init(&seen);
  bool listed = false;
  for (size_t i = first; i < facts->n && !listed; ++i) {
    const Claim *c = &facts->items[i];
    for (size_t g = 0; c->q->p == p && g < c->n_graphs && !listed; ++g) {
      const uintptr_t at = (uintptr_t)ent_map_get(&seen, c->graphs[g]);
      listed = at && at != i + 1;
      if (!at && ent_map_put(&seen, c->graphs[g], (void *)(uintptr_t)(i + 1))) {
        break; // out of memory: said as a disagreement, nothing is lost
      }
    }
  }
  ent_map_clear(&seen);
  return listed;
}

/// Whether the windows and days `facts` give leave a day in common
/// (ent_day_span_add()).
static bool
days_meet(const Claims *facts)
{
  EntDaySpan span = { NULL, NULL };
  for (size_t i = 0; i < facts->n; ++i) {
    ent_day_span_add(&span, facts->items[i].q->p, facts->items[i].q->o);
  }
  return !ent_day_span_empty(&span);
}

/// Whether the days and windows `facts` give (each property with one
/// value, or days_meet() would have judged it) come from two sources or
/// more and leave no day together: the 25th against 17 to 23 March.
static bool
days_apart(const Claims *facts)
{
  const char *graph = NULL;
  bool two = false;
  for (size_t i = 0; i < facts->n && !two; ++i) {
    const Claim *c = &facts->items[i];
    for (size_t g = 0; ent_is_day_claim(c->q->p) && g < c->n_graphs && !two;
         ++g) {
      two = graph && c->graphs[g] != graph;
      graph = graph ? graph : c->graphs[g];
    }
  }
  return two && !days_meet(facts);
}

/// A table of the days and windows `facts` give, a column a claim headed
/// by its property ("start date", "not before"), under `sec`.
static void
add_days_table(Page *pg, Site *site, xmlNodePtr sec, const Claims *facts)
{
  xmlNodePtr table = html_el(sec, "table", "dispute");
  html_text(html_el(table, "caption", NULL), "day");
  xmlNodePtr head = html_el(html_el(table, "thead", NULL), "tr", NULL);
  xmlNodePtr row = html_el(html_el(table, "tbody", NULL), "tr", NULL);
  for (size_t i = 0; i < facts->n; ++i) {
    const Claim *c = &facts->items[i];
    if (ent_is_day_claim(c->q->p)) {
      add_claim_column(
        pg, site, head, row, c, site_predicate_label(site, c->q->p), NULL);
    }
  }
}

/// Values of one property that sources give differently: side by side
/// where they disagree; a status whose reports follow one another as
/// their days go (planned, then ongoing, then concluded) in the order
/// they follow one another, as a change over time; places one within
/// another not at all (the facts table lists them).
static EntStatus
add_disputes(Page *pg, Site *site, uint32_t n, const Claims *facts)
{
  xmlNodePtr disputes = NULL;
  xmlNodePtr history = NULL;
  bool days_shown = false; // a property of days has its own table
  for (size_t i = 0; i < facts->n; ++i) {
    const SQuad *q = facts->items[i].q;
    if (!ent_one_valued(q->p)) {
      continue;
    }
    bool first = true; // the first claim of this property
    for (size_t j = 0; j < i && first; ++j) {
      first = facts->items[j].q->p != q->p;
    }
    size_t values = 0;
    for (size_t j = i; j < facts->n; ++j) {
      values += facts->items[j].q->p == q->p;
    }
    if (!first || values < 2 ||
        ((!strcmp(q->p, ENT_NS "location") || !strcmp(q->p, ENT_NS "venue")) &&
         places_nested(site, facts, i)) ||
        places_listed(facts, i) ||
        (ent_is_day_bound(q->p) && days_meet(facts))) {
      continue;
    }
    // A status whose reports follow one another as their days go.
    OntStatusReports reports[MAX_STATUSES];
    size_t n_statuses =
      ont_is_status(q->p) ? status_claims(site, n, facts, i, reports) : 0;
    if (n_statuses &&
        !ont_status_progression(site->ontology, reports, n_statuses)) {
      n_statuses = 0;
    }
    const bool over_time = n_statuses > 0;
    if (over_time && !history) {
      history = html_section(pg->main, "history", "Reported over time");
      html_text_el(history,
                   "p",
                   NULL,
                   "Each source gives the status as of its own day; these "
                   "follow one another, so they are a change, not a "
                   "disagreement.");
    } else if (!over_time && !disputes) {
      disputes = html_section(pg->main, "disputes", "Where sources disagree");
    }
    add_claims_table(
      pg, site, over_time ? history : disputes, facts, i, reports, n_statuses);
    days_shown |= ent_is_day_claim(q->p);
  }
  if (!days_shown && days_apart(facts)) {
    if (!disputes) {
      disputes = html_section(pg->main, "disputes", "Where sources disagree");
    }
    add_days_table(pg, site, disputes, facts);
  }
  return ENT_SUCCESS;
}

static EntStatus
add_facts(Page *pg, Site *site, uint32_t n)
{
  const SNode *node = &site->nodes[n];
  Claims facts = { NULL, 0, 0 };
  EntStatus st = ENT_SUCCESS;
  for (uint32_t i = 0; i < node->count && !st; ++i) {
    const SQuad *q = quad(site, site->by_subject, node->first + i);
    if (!site_predicate_hidden(site, q)) {
      st = claims_add(&facts, q, false);
    }
  }
  if (!st) {
    st = add_disputes(pg, site, n, &facts);
  }
  if (!st && facts.n) {
    xmlNodePtr sec = html_section(pg->main, "facts", "Facts and their sources");
    static const char *const heads[] = { "Property", "Value", "Sources", NULL };
    xmlNodePtr tbody = html_table(sec, "facts", heads);
    for (size_t k = 0; k < facts.n; ++k) {
      xmlNodePtr tr = html_el(tbody, "tr", NULL);
      html_text_el(
        tr, "th", NULL, site_predicate_label(site, facts.items[k].q->p));
      add_value(pg, site, html_el(tr, "td", NULL), facts.items[k].q);
      add_sources(pg, site, html_el(tr, "td", NULL), &facts.items[k]);
    }
  }
  free(facts.items);
  return st;
}

static int
by_predicate_then_subject(const void *pa, const void *pb, void *context)
{
  const Site *site = context;
  const uint32_t ia = *(const uint32_t *)pa;
  const uint32_t ib = *(const uint32_t *)pb;
  const SQuad *a = &site->quads[ia];
  const SQuad *b = &site->quads[ib];
  int c = strcmp(a->p, b->p);
  if (!c) {
    c = strcmp(site->nodes[a->s].name, site->nodes[b->s].name);
  }
  if (!c) {
    c = strcmp(site->nodes[a->s].iri, site->nodes[b->s].iri);
  }
  return c ? c : (ia > ib) - (ia < ib);
}

static EntStatus
add_mentions(Page *pg, Site *site, uint32_t n)
{
  const SNode *node = &site->nodes[n];
  uint32_t *in = malloc(((size_t)node->in_count + 1) * sizeof(uint32_t));
  if (!in) {
    return ENT_ERR_NO_MEMORY;
  }
  size_t k = 0;
  for (uint32_t i = 0; i < node->in_count; ++i) {
    const uint32_t qi = site->by_object[node->in_first + i];
    const SQuad *q = &site->quads[qi];
    // A response's link back to its agreement: the agreement's page lists
    // its responses already (ent:response).
    if (q->s != n && site->nodes[q->s].kind != SK_PLUMBING &&
        !site_predicate_hidden(site, q) && !statement_role(site, q) &&
        strcmp(q->p, ENT_NS "responseTo") != 0 &&
        strcmp(q->p, SCHEMA_NS "object") != 0) {
      in[k++] = qi;
    }
  }
  if (k) {
    qsort_r(in, k, sizeof(uint32_t), by_predicate_then_subject, site);
    xmlNodePtr sec = html_section(pg->main, "mentions", "Linked from");
    static const char *const heads[] = { "What", "Says it", "Sources", NULL };
    xmlNodePtr tbody = html_table(sec, "mentions", heads);
    for (size_t i = 0; i < k;) {
      const SQuad *q = &site->quads[in[i]];
      Claim c;
      memset(&c, 0, sizeof(c));
      c.q = q;
      size_t j = i;
      for (; j < k && site->quads[in[j]].p == q->p &&
             site->quads[in[j]].s == q->s;
           ++j) {
        claim_add_graph(&c, site->quads[in[j]].g);
      }
      xmlNodePtr tr = html_el(tbody, "tr", NULL);
      html_node_link(pg, site, html_el(tr, "td", NULL), q->s);
      html_text_el(tr, "td", NULL, site_predicate_label(site, q->p));
      add_sources(pg, site, html_el(tr, "td", NULL), &c);
      i = j;
    }
  }
  free(in);
  return ENT_SUCCESS;
}

static int
by_kind_then_name(const void *pa, const void *pb, void *context)
{
  const Site *site = context;
  const SNode *a = &site->nodes[*(const uint32_t *)pa];
  const SNode *b = &site->nodes[*(const uint32_t *)pb];
  if (a->kind != b->kind) {
    return a->kind < b->kind ? -1 : 1;
  }
  const int c = strcmp(a->name, b->name);
  return c ? c : strcmp(a->iri, b->iri);
}

static int
by_index(const void *pa, const void *pb)
{
  const uint32_t a = *(const uint32_t *)pa;
  const uint32_t b = *(const uint32_t *)pb;
  return (a > b) - (a < b);
}

/// A source's page: what its named graph holds, by subject (linear in the
/// graph's statements).
static EntStatus
add_contributed(Page *pg, Site *site, uint32_t n)
{
  const SNode *source = &site->nodes[n];
  if (!source->graph_count) {
    return ENT_SUCCESS;
  }
  uint32_t *all = malloc(((size_t)source->graph_count + 1) * sizeof(uint32_t));
  uint32_t *subjects =
    malloc(((size_t)source->graph_count + 1) * sizeof(uint32_t));
  uint32_t *count = malloc(((size_t)site->n_nodes + 1) * sizeof(uint32_t));
  if (!all || !subjects || !count) {
    free(all);
    free(subjects);
    free(count);
    return ENT_ERR_NO_MEMORY;
  }
  for (uint32_t i = 0; i < source->graph_count; ++i) {
    all[i] = site->quads[site->by_graph[source->graph_first + i]].s;
  }
  qsort(all, source->graph_count, sizeof(uint32_t), by_index);
  size_t k = 0;
  for (uint32_t i = 0; i < source->graph_count;) {
    uint32_t j = i;
    while (j < source->graph_count && all[j] == all[i]) {
      ++j;
    }
    subjects[k++] = all[i];
    count[all[i]] = j - i; // read only for the subjects listed
    i = j;
  }
  free(all);
  qsort_r(subjects, k, sizeof(uint32_t), by_kind_then_name, site);
  char title[96];
  snprintf(title,
           sizeof(title),
           "What this source contributed (%u statements)",
           source->graph_count);
  xmlNodePtr sec = html_section(pg->main, "contributed", title);
  xmlNodePtr ul = NULL;
  SiteKind last = SK_COUNT_;
  for (size_t i = 0; i < k; ++i) {
    const SNode *s = &site->nodes[subjects[i]];
    if (s->kind == SK_POST || s->kind == SK_PLUMBING || !s->path) {
      continue; // a post is listed under its holder
    }
    if (s->kind != last) {
      last = s->kind;
      html_text_el(sec, "h3", NULL, s->kind_label);
      ul = html_el(sec, "ul", "contributed");
    }
    xmlNodePtr li = html_el(ul, "li", NULL);
    html_node_link(pg, site, li, subjects[i]);
    char stat[48];
    snprintf(stat,
             sizeof(stat),
             " (%u statement%s)",
             count[subjects[i]],
             count[subjects[i]] == 1 ? "" : "s");
    html_text(li, stat);
  }
  free(count);
  free(subjects);
  return ENT_SUCCESS;
}

// ---- JSON-LD ---------------------------------------------------------------

static const char *
compact(const char *iri, EntBuf *buf)
{
  size_t n_prefixes = 0;
  const Prefix *prefixes = ent_prefixes(&n_prefixes);
  for (size_t i = 0; i < n_prefixes; ++i) {
    const size_t len = strlen(prefixes[i].ns);
    const char *local = iri + len;
    if (strncmp(iri, prefixes[i].ns, len) != 0 || !*local) {
      continue;
    }
    bool simple = true;
    for (const char *c = local; *c && simple; ++c) {
      simple = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
               (*c >= '0' && *c <= '9') || *c == '_' || *c == '-';
    }
    if (simple) {
      ent_buf_reset(buf);
      return ent_buf_appendf(buf, "%s:%s", prefixes[i].prefix, local)
               ? NULL
               : buf->buf;
    }
  }
  return iri;
}

static json_t *
jsonld_value(const SQuad *q)
{
  if (q->on != ENT_NO_ENTITY) {
    return json_pack("{s:s}", "@id", q->o);
  }
  if (q->lang) {
    return json_pack("{s:s,s:s}", "@value", q->o, "@language", q->lang);
  }
  if (q->dt && strcmp(q->dt, XSD_NS "string") != 0) {
    return json_pack("{s:s,s:s}", "@value", q->o, "@type", q->dt);
  }
  return json_string(q->o);
}

static json_t *
jsonld_context(void)
{
  json_t *context = json_object();
  size_t n_prefixes = 0;
  const Prefix *prefixes = ent_prefixes(&n_prefixes);
  for (size_t i = 0; i < n_prefixes && context; ++i) {
    if (json_object_set_new(
          context, prefixes[i].prefix, json_string(prefixes[i].ns))) {
      json_decref(context);
      context = NULL;
    }
  }
  return context;
}

/// Whether `predicate` is in `only` (NULL: every predicate is).
static bool
wanted(const char *predicate, const char *const *only)
{
  for (size_t i = 0; only && only[i]; ++i) {
    if (!strcmp(predicate, only[i])) {
      return true;
    }
  }
  return !only;
}

/// Put node `n`'s statements (those whose predicate is in `only`, or all)
/// into the JSON-LD node object `obj`, each value once.
static bool
fill_node(Site *site,
          uint32_t n,
          const char *const *only,
          json_t *obj,
          EntBuf *key)
{
  const SNode *node = &site->nodes[n];
  bool ok = !json_object_set_new(obj, "@id", json_string(node->iri));
  for (uint32_t i = 0; i < node->count && ok; ++i) {
    const SQuad *q = quad(site, site->by_subject, node->first + i);
    bool repeat = !wanted(q->p, only);
    for (uint32_t j = 0; j < i && !repeat; ++j) {
      repeat = same_value(quad(site, site->by_subject, node->first + j), q);
    }
    if (repeat) {
      continue;
    }
    const bool is_type = !strcmp(q->p, RDF_TYPE);
    const char *k = is_type ? "@type" : compact(q->p, key);
    json_t *v = is_type ? json_string(compact(q->o, key)) : jsonld_value(q);
    if (!k || !v) {
      json_decref(v);
      return false;
    }
    json_t *list = json_object_get(obj, k);
    if (!list) {
      list = json_array();
      ok = list && !json_object_set_new(obj, k, list);
    }
    ok = ok && !json_array_append_new(list, v);
  }
  return ok;
}

char *
site_entity_jsonld(Site *site, uint32_t n)
{
  json_t *doc = json_object();
  EntBuf key = { NULL, 0, 0 };
  bool ok = doc && !json_object_set_new(doc, "@context", jsonld_context()) &&
            fill_node(site, n, NULL, doc, &key);
  ent_buf_free(&key);
  char *text = ok ? html_script_json(doc, JSON_INDENT(1)) : NULL;
  json_decref(doc);
  return text;
}

char *
site_nodes_jsonld(Site *site,
                  const uint32_t *nodes,
                  size_t n,
                  const char *const *only)
{
  json_t *doc = json_object();
  json_t *graph = json_array();
  EntBuf key = { NULL, 0, 0 };
  bool ok = doc && graph &&
            !json_object_set_new(doc, "@context", jsonld_context()) &&
            !json_object_set(doc, "@graph", graph);
  for (size_t i = 0; i < n && ok; ++i) {
    json_t *obj = json_object();
    ok = obj && fill_node(site, nodes[i], only, obj, &key) &&
         !json_array_append(graph, obj);
    json_decref(obj);
  }
  ent_buf_free(&key);
  json_decref(graph);
  char *text = ok ? html_script_json(doc, JSON_INDENT(1)) : NULL;
  json_decref(doc);
  return text;
}

// ---- The page -----------------------------------------------------------

EntStatus
site_entity_page(Site *site,
                 uint32_t n,
                 const char *svg,
                 size_t svg_len,
                 FILE *stream)
{
  const SNode *node = &site->nodes[n];
  EntBuf title = { NULL, 0, 0 };
  if (ent_buf_appendf(
        &title, "%s \xe2\x80\x94 %s", node->name, node->kind_label)) {
    return ENT_ERR_NO_MEMORY;
  }
  Page pg;
  EntStatus st = page_new(&pg, node->path, title.buf);
  ent_buf_free(&title);
  char *jsonld = st ? NULL : site_entity_jsonld(site, n);
  if (!st && !jsonld) {
    st = ENT_ERR_NO_MEMORY;
  }
  if (!st) {
    xmlNodePtr script = html_el(pg.head, "script", NULL);
    html_attr(script, "type", "application/ld+json");
    xmlAddChild(script, xmlNewDocText(pg.doc, X(jsonld)));
    html_attr(pg.body, "data-iri", node->iri);
    xmlNodePtr h1 = html_text_el(pg.main, "h1", "name", node->name);
    html_attr(h1, "lang", node->lang);
    html_text_el(pg.main, "p", "kind", node->kind_label);
    xmlNodePtr iri = html_el(pg.main, "p", "iri");
    html_text(iri, "IRI: ");
    html_text_el(iri, "code", NULL, node->iri);
    html_text(iri, " \xc2\xb7 its statements: ");
    xmlNodePtr a = html_text_el(iri, "a", NULL, "Turtle");
    html_attr(a, "href", "index.ttl");
    html_attr(a, "type", "text/turtle");
    html_text(iri, ", ");
    a = html_text_el(iri, "a", NULL, "N-Triples");
    html_attr(a, "href", "index.nt");
    html_attr(a, "type", "application/n-triples");
    const SQuad *description =
      site_value(site, n, site_intern(site, SCHEMA_NS "description"));
    if (description) {
      xmlNodePtr p = html_text_el(pg.main, "p", "description", description->o);
      html_attr(p, "lang", description->lang);
    }
    // Which sources report it at all.
    Claim reported;
    memset(&reported, 0, sizeof(reported));
    for (uint32_t i = 0; i < node->count; ++i) {
      const SQuad *q = quad(site, site->by_subject, node->first + i);
      const uint32_t g = q->g ? site_node(site, q->g) : ENT_NO_ENTITY;
      if (g != ENT_NO_ENTITY && site->nodes[g].kind == SK_SOURCE) {
        claim_add_graph(&reported, q->g);
      }
    }
    if (reported.n_graphs) {
      xmlNodePtr p = html_el(pg.main, "p", "reported");
      html_text(p, "Reported by: ");
      add_sources(&pg, site, p, &reported);
    }
    st = add_names(&pg, site, n);
  }
  if (!st) {
    st = add_posts(&pg, site, n);
  }
  if (!st) {
    add_diagram(&pg, site, node, svg, svg_len);
    st = add_quotes(&pg, site, n);
  }
  if (!st) {
    st = add_timeline(&pg, site, n);
  }
  if (!st) {
    st = add_facts(&pg, site, n);
  }
  if (!st) {
    st = add_mentions(&pg, site, n);
  }
  if (!st) {
    st = add_contributed(&pg, site, n);
  }
  if (!st) {
    st = page_write(&pg, stream);
  }
  free(jsonld);
  page_free(&pg);
  return st;
}
