// SPDX-License-Identifier: MIT
// The pages of the whole corpus: the index with its search, the timeline
// and the list of sources.
#define _GNU_SOURCE 1 // qsort_r()
#include "site.h"

#include <stdlib.h>
#include <string.h>

#define X(s) ((const xmlChar *)(s))

/// Kinds in the order the index lists them.
static const SiteKind LISTED[] = {
  SK_OFFICIAL,  SK_INSTITUTION, SK_COUNTRY, SK_NEGOTIATION,
  SK_AGREEMENT, SK_EVENT,       SK_SOURCE,  SK_DELEGATION,
  SK_PLACE,     SK_TOPIC,       SK_OUTLET,  SK_OTHER,
};

static int
by_name(const void *pa, const void *pb, void *context)
{
  const Site *site = context;
  const SNode *a = &site->nodes[*(const uint32_t *)pa];
  const SNode *b = &site->nodes[*(const uint32_t *)pb];
  const int c = strcmp(a->name, b->name);
  return c ? c : strcmp(a->iri, b->iri);
}

static int
by_date(const void *pa, const void *pb, void *context)
{
  const Site *site = context;
  const SNode *a = &site->nodes[*(const uint32_t *)pa];
  const SNode *b = &site->nodes[*(const uint32_t *)pb];
  const int d = strcmp(a->date ? a->date : "", b->date ? b->date : "");
  return d ? d : by_name(pa, pb, context);
}

/// The nodes that have a page and pass `keep`, sorted by `order`.
static uint32_t *
pages_where(Site *site,
            bool (*keep)(const SNode *),
            int (*order)(const void *, const void *, void *),
            size_t *count)
{
  // calloc: GCC (-O2 with some flags) warns that a const pointer to
  // memory not yet written reaches begin_list_page().
  uint32_t *out = calloc(site->n_nodes + 1, sizeof(uint32_t));
  size_t k = 0;
  for (uint32_t i = 0; out && i < site->n_nodes; ++i) {
    if (site->nodes[i].path && keep(&site->nodes[i])) {
      out[k++] = i;
    }
  }
  if (out && k > 1) {
    qsort_r(out, k, sizeof(uint32_t), order, site);
  }
  *count = k;
  return out;
}

/// Put the JSON-LD of `nodes` (their statements whose predicate is in
/// `only`) into the head of `pg`.
static EntStatus
add_jsonld(Page *pg,
           Site *site,
           const uint32_t *nodes,
           size_t n,
           const char *const *only)
{
  char *text = site_nodes_jsonld(site, nodes, n, only);
  if (!text) {
    return ENT_ERR_NO_MEMORY;
  }
  xmlNodePtr script = html_el(pg->head, "script", NULL);
  html_attr(script, "type", "application/ld+json");
  xmlAddChild(script, xmlNewDocText(pg->doc, X(text)));
  free(text);
  return ENT_SUCCESS;
}

/// What the corpus pages say of each thing they list, as JSON-LD.
static const char *const LISTED_FACTS[] = {
  RDF_TYPE,
  SCHEMA_NS "name",
  SCHEMA_NS "startDate",
  SCHEMA_NS "dateCreated",
  SCHEMA_NS "datePublished",
  SCHEMA_NS "headline",
  SCHEMA_NS "url",
  ENT_NS "publisher",
  NULL,
};

static bool
searchable(const SNode *n)
{
  return n->kind != SK_POST && n->kind != SK_STATEMENT &&
         n->kind != SK_PLUMBING;
}

/// The search index: every name and spelling of every page worth finding.
static char *
search_data(Site *site, const uint32_t *pages, size_t n_pages)
{
  static const char *const names[] = { SCHEMA_NS "name",
                                       RDFS_LABEL,
                                       SKOS_NS "prefLabel",
                                       SKOS_NS "altLabel",
                                       SCHEMA_NS "alternateName" };
  const char *preds[sizeof(names) / sizeof(*names)];
  for (size_t i = 0; i < sizeof(names) / sizeof(*names); ++i) {
    preds[i] = site_intern(site, names[i]);
  }
  json_t *list = json_array();
  EntBuf url = { NULL, 0, 0 };
  bool ok = list != NULL;
  for (size_t i = 0; i < n_pages && ok; ++i) {
    const SNode *n = &site->nodes[pages[i]];
    json_t *aliases = json_array();
    ok = aliases != NULL;
    for (uint32_t j = 0; j < n->count && ok; ++j) {
      const SQuad *q = &site->quads[site->by_subject[n->first + j]];
      bool is_name = false;
      for (size_t k = 0; k < sizeof(preds) / sizeof(*preds); ++k) {
        is_name = is_name || q->p == preds[k];
      }
      if (!is_name || q->on != ENT_NO_ENTITY || q->o == n->name) {
        continue;
      }
      bool seen = false;
      for (size_t k = 0; k < json_array_size(aliases) && !seen; ++k) {
        seen = !strcmp(json_string_value(json_array_get(aliases, k)), q->o);
      }
      ok = seen || !json_array_append_new(aliases, json_string(q->o));
    }
    ent_buf_reset(&url);
    ok = ok && !ent_buf_appendf(&url, "%s/index.html", n->path);
    json_t *entry = ok ? json_pack("{s:s,s:o,s:s,s:s}",
                                   "n",
                                   n->name,
                                   "a",
                                   aliases,
                                   "k",
                                   n->kind_label,
                                   "u",
                                   url.buf)
                       : NULL;
    if (!entry) {
      json_decref(aliases);
    }
    ok = entry && !json_array_append_new(list, entry);
  }
  ent_buf_free(&url);
  char *text = ok ? html_script_json(list, JSON_COMPACT) : NULL;
  json_decref(list);
  return text;
}

static const char *
plural(SiteKind kind)
{
  static const char *const names[SK_COUNT_] = {
    [SK_OFFICIAL] = "Officials",   [SK_INSTITUTION] = "Institutions",
    [SK_COUNTRY] = "Countries",    [SK_NEGOTIATION] = "Negotiations",
    [SK_AGREEMENT] = "Agreements", [SK_EVENT] = "Events",
    [SK_SOURCE] = "Sources",       [SK_DELEGATION] = "Delegations",
    [SK_PLACE] = "Places",         [SK_TOPIC] = "Topics",
    [SK_OUTLET] = "Outlets",       [SK_STATEMENT] = "Statements",
    [SK_POST] = "Posts",           [SK_OTHER] = "Other",
  };
  return names[kind];
}

EntStatus
site_index_page(Site *site, const char *title, FILE *stream)
{
  size_t n_pages = 0;
  uint32_t *pages = pages_where(site, searchable, by_name, &n_pages);
  char *data = pages ? search_data(site, pages, n_pages) : NULL;
  Page pg;
  EntStatus st = page_new(&pg, NULL, title);
  if (!st && (!pages || !data)) {
    st = ENT_ERR_NO_MEMORY;
  }
  if (!st) {
    html_attr(pg.body, "data-page", "index");
    st = add_jsonld(&pg, site, pages, n_pages, LISTED_FACTS);
  }
  if (!st) {
    html_text_el(pg.main, "h1", NULL, title);
    size_t n_sources = 0;
    for (size_t i = 0; i < n_pages; ++i) {
      n_sources += site->nodes[pages[i]].kind == SK_SOURCE;
    }
    char intro[160];
    snprintf(intro,
             sizeof(intro),
             "%zu people, bodies, meetings, agreements, events and other "
             "things reported by %zu sources.",
             n_pages,
             n_sources);
    html_text_el(pg.main, "p", "intro", intro);
    xmlNodePtr search = html_el(pg.main, "section", "search");
    html_attr(search, "id", "find");
    xmlNodePtr label = html_text_el(
      search,
      "label",
      NULL,
      "Find a person, institution, country, negotiation or source by any "
      "name or spelling, in any script:");
    html_attr(label, "for", "search");
    xmlNodePtr input = html_el(search, "input", NULL);
    html_attr(input, "type", "search");
    html_attr(input, "id", "search");
    html_attr(input, "name", "q");
    html_attr(input, "autocomplete", "off");
    html_attr(input, "spellcheck", "false");
    xmlNodePtr count = html_el(search, "p", NULL);
    html_attr(count, "id", "result-count");
    html_attr(count, "aria-live", "polite");
    xmlNodePtr results = html_el(search, "ol", NULL);
    html_attr(results, "id", "results");
    xmlNodePtr script = html_el(search, "script", NULL);
    html_attr(script, "type", "application/json");
    html_attr(script, "id", "search-data");
    xmlAddChild(script, xmlNewDocText(pg.doc, X(data)));
    for (size_t k = 0; k < sizeof(LISTED) / sizeof(*LISTED); ++k) {
      xmlNodePtr sec = NULL;
      xmlNodePtr ul = NULL;
      size_t shown = 0;
      for (size_t i = 0; i < n_pages; ++i) {
        const SNode *n = &site->nodes[pages[i]];
        if (n->kind != LISTED[k]) {
          continue;
        }
        if (!sec) {
          sec = html_el(pg.main, "section", "kind-list");
          ul = html_el(sec, "ul", NULL);
        }
        html_node_link(&pg, site, html_el(ul, "li", NULL), pages[i]);
        ++shown;
      }
      if (sec) {
        char heading[64];
        snprintf(
          heading, sizeof(heading), "%s (%zu)", plural(LISTED[k]), shown);
        xmlNodePtr h2 = xmlNewDocNode(pg.doc, NULL, X("h2"), NULL);
        html_text(h2, heading);
        xmlAddPrevSibling(ul, h2);
      }
    }
    st = page_write(&pg, stream);
  }
  page_free(&pg);
  free(data);
  free(pages);
  return st;
}

/// Begin a corpus page listing `nodes`: titled "WHAT — TITLE", marked
/// data-page=KIND, their JSON-LD in its head, its heading and `intro`.
/// On success the caller writes the rest and frees `pg`; on failure `pg`
/// is freed already.
static EntStatus
begin_list_page(Page *pg,
                Site *site,
                const char *what,
                const char *title,
                const char *kind,
                const uint32_t *nodes,
                size_t n,
                const char *intro)
{
  EntBuf heading = { NULL, 0, 0 };
  EntStatus st =
    nodes ? ent_buf_appendf(&heading, "%s \xe2\x80\x94 %s", what, title)
          : ENT_ERR_NO_MEMORY;
  if (!st) {
    st = page_new(pg, NULL, heading.buf);
  } else {
    memset(pg, 0, sizeof(*pg));
  }
  if (!st) {
    html_attr(pg->body, "data-page", kind);
    st = add_jsonld(pg, site, nodes, n, LISTED_FACTS);
  }
  if (!st) {
    html_text_el(pg->main, "h1", NULL, heading.buf);
    html_text_el(pg->main, "p", "intro", intro);
  } else {
    page_free(pg);
  }
  ent_buf_free(&heading);
  return st;
}

static bool
dated(const SNode *n)
{
  return n->date && site_kind_dated(n->kind);
}

EntStatus
site_timeline_page(Site *site, const char *title, FILE *stream)
{
  size_t n = 0;
  uint32_t *items = pages_where(site, dated, by_date, &n);
  Page pg;
  EntStatus st = begin_list_page(
    &pg,
    site,
    "Timeline",
    title,
    "timeline",
    items,
    n,
    "Negotiations, agreements, events and statements by the day they "
    "happened or began; a date known only to lie in a window stands at the "
    "window's first day, one known only by its last possible day at that "
    "day.");
  if (!st) {
    xmlNodePtr ol = html_el(pg.main, "ol", "timeline corpus-timeline");
    const char *speaker = site_intern(site, ENT_NS "speaker");
    for (size_t i = 0; i < n; ++i) {
      const SNode *d = &site->nodes[items[i]];
      xmlNodePtr li = html_el(ol, "li", NULL);
      html_when(li, d);
      html_text(li, " ");
      html_text_el(li, "span", "kind", d->kind_label);
      html_text(li, " ");
      if (d->kind == SK_STATEMENT) {
        // Who said it, then what.
        for (uint32_t j = 0; j < d->count; ++j) {
          const SQuad *q = &site->quads[site->by_subject[d->first + j]];
          if (q->p == speaker && q->on != ENT_NO_ENTITY) {
            html_node_link(&pg, site, li, q->on);
            html_text(li, ": ");
            break;
          }
        }
      }
      html_node_link(&pg, site, li, items[i]);
      if (d->status) {
        // Not yet happened, or called off, when its sources wrote.
        html_text(li, " (");
        html_text_el(li, "span", "status", d->status);
        html_text(li, ")");
      }
    }
    st = page_write(&pg, stream);
  }
  page_free(&pg);
  free(items);
  return st;
}

static bool
is_source(const SNode *n)
{
  return n->kind == SK_SOURCE;
}

EntStatus
site_sources_page(Site *site, const char *title, FILE *stream)
{
  size_t n = 0;
  uint32_t *sources = pages_where(site, is_source, by_date, &n);
  Page pg;
  EntStatus st = begin_list_page(
    &pg,
    site,
    "Sources",
    title,
    "sources",
    sources,
    n,
    "Every article the corpus reads, with what it contributed: each "
    "statement of the exports is in the named graph of the source that "
    "makes it.");
  if (!st) {
    static const char *const heads[] = { "Published",  "Source",   "Outlet",
                                         "Statements", "Original", NULL };
    xmlNodePtr tbody = html_table(pg.main, "sources", heads);
    const char *publisher = site_intern(site, ENT_NS "publisher");
    const char *url = site_intern(site, SCHEMA_NS "url");
    for (size_t i = 0; i < n; ++i) {
      const SNode *s = &site->nodes[sources[i]];
      xmlNodePtr tr = html_el(tbody, "tr", NULL);
      // A window's first day is not the day it was published: said as
      // the timelines say a window.
      xmlNodePtr when = html_el(tr, "td", "date");
      if (s->date) {
        html_when(when, s);
      }
      html_node_link(&pg, site, html_el(tr, "td", NULL), sources[i]);
      xmlNodePtr outlet = html_el(tr, "td", NULL);
      xmlNodePtr original = NULL;
      for (uint32_t j = 0; j < s->count; ++j) {
        const SQuad *q = &site->quads[site->by_subject[s->first + j]];
        if (q->p == publisher && q->on != ENT_NO_ENTITY && !outlet->children) {
          html_node_link(&pg, site, outlet, q->on);
        } else if (q->p == url && !original &&
                   (!strncmp(q->o, "https://", 8) ||
                    !strncmp(q->o, "http://", 7))) {
          original = xmlNewDocNode(pg.doc, NULL, X("a"), NULL);
          html_text(original, "article");
          html_attr(original, "href", q->o);
          html_attr(original, "rel", "external noopener");
        }
      }
      char count[32];
      snprintf(count, sizeof(count), "%u", site->nodes[sources[i]].graph_count);
      html_text_el(tr, "td", "count", count);
      xmlNodePtr td = html_el(tr, "td", NULL);
      if (original) {
        xmlAddChild(td, original);
      }
    }
    st = page_write(&pg, stream);
  }
  page_free(&pg);
  free(sources);
  return st;
}
