// SPDX-License-Identifier: MIT
// Pages as libxml2 trees, serialized by libxml2's HTML writer: text is
// always a text node and attribute values always attributes, so what a
// source says can never become markup.
#include "site.h"

#include <jansson.h>
#include <libxml/xmlsave.h>
#include <stdlib.h>
#include <string.h>

#define X(s) ((const xmlChar *)(s))

xmlNodePtr
html_el(xmlNodePtr parent, const char *name, const char *cls)
{
  if (!parent) {
    return NULL;
  }
  xmlNodePtr n = xmlNewChild(parent, NULL, X(name), NULL);
  if (n && cls) {
    xmlNewProp(n, X("class"), X(cls));
  }
  return n;
}

/// Text a page may carry: valid UTF-8 (the model checked it), without
/// the control characters HTML forbids (C0 but tab and line feed, DEL, C1)
/// and without bidirectional embeddings, overrides and isolates (U+202A to
/// U+202E, U+2066 to U+2069): one left open in a name ran on over the
/// words and dates after it ("Source: ..." read backwards).  The names
/// themselves are isolated (html_name()).
static char *
page_text(const char *text)
{
  const size_t len = strlen(text);
  char *out = malloc(len + 1);
  if (!out) {
    return NULL;
  }
  size_t k = 0;
  for (size_t i = 0; i < len; ++i) {
    const unsigned char c = (unsigned char)text[i];
    const unsigned char c1 = i + 1 < len ? (unsigned char)text[i + 1] : 0;
    const unsigned char c2 = i + 2 < len ? (unsigned char)text[i + 2] : 0;
    if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f) {
      out[k++] = ' ';
    } else if (c == 0xc2 && c1 >= 0x80 && c1 < 0xa0) {
      out[k++] = ' '; // a C1 control
      ++i;
    } else if (c == 0xe2 && ((c1 == 0x80 && c2 >= 0xaa && c2 <= 0xae) ||
                             (c1 == 0x81 && c2 >= 0xa6 && c2 <= 0xa9))) {
      i += 2; // a bidirectional control: dropped
    } else {
      out[k++] = (char)c;
    }
  }
  out[k] = '\0';
  return out;
}

xmlNodePtr
html_name(xmlNodePtr parent, const char *tag, const char *cls, const char *text)
{
  xmlNodePtr el = html_text_el(parent, tag, cls, text);
  if (el && text && ent_has_rtl(text, strlen(text))) {
    // Isolated: a right-to-left name does not reorder the words, commas
    // and dates around it (dir makes the element an isolate).
    html_attr(el, "dir", "auto");
  }
  return el;
}

void
html_text(xmlNodePtr parent, const char *text)
{
  if (!parent || !text) {
    return;
  }
  char *clean = page_text(text);
  if (clean) {
    xmlAddChild(parent, xmlNewDocText(parent->doc, X(clean)));
  }
  free(clean);
}

xmlNodePtr
html_text_el(xmlNodePtr parent,
             const char *name,
             const char *cls,
             const char *text)
{
  xmlNodePtr n = html_el(parent, name, cls);
  html_text(n, text);
  return n;
}

void
html_attr(xmlNodePtr el, const char *name, const char *value)
{
  if (!el || !value) {
    return;
  }
  char *clean = page_text(value);
  if (clean) {
    xmlSetProp(el, X(name), X(clean));
  }
  free(clean);
}

const char *
page_href(Page *pg, const char *path)
{
  ent_buf_reset(&pg->href);
  if (ent_buf_appendf(&pg->href, "%s/%s", pg->root, path)) {
    return NULL;
  }
  return pg->href.buf;
}

xmlNodePtr
html_site_link(Page *pg, xmlNodePtr parent, const char *path, const char *text)
{
  xmlNodePtr a = html_text_el(parent, "a", NULL, text);
  html_attr(a, "href", page_href(pg, path));
  return a;
}

static xmlNodePtr
node_link(Page *pg,
          const Site *site,
          xmlNodePtr parent,
          uint32_t n,
          bool short_name)
{
  const SNode *node = &site->nodes[n];
  const char *name = short_name ? node->short_name : node->name;
  const char *tag = node->path ? "a" : "span";
  const char *cls = node->path ? NULL : "nolink";
  // A source's short name is its outlet's name and its day ("TASS,
  // 2025-03-24"): a right-to-left outlet is isolated from the day, whose
  // digits it would otherwise turn around.
  const size_t head = name == node->short_name ? node->short_head : 0;
  xmlNodePtr el = NULL;
  if (head && name && ent_has_rtl(name, head)) {
    el = html_el(parent, tag, cls);
    char *outlet = strndup(name, head);
    html_text_el(el, "bdi", NULL, outlet);
    html_text(el, name + head);
    free(outlet);
  } else {
    el = html_name(parent, tag, cls, name);
  }
  if (node->path) {
    ent_buf_reset(&pg->href);
    if (ent_buf_appendf(&pg->href, "%s/%s/index.html", pg->root, node->path)) {
      return NULL;
    }
    html_attr(el, "href", pg->href.buf);
  }
  html_attr(el, "lang", node->lang);
  if (short_name && name != node->name) {
    html_attr(el, "title", node->name);
  }
  return el;
}

xmlNodePtr
html_node_link(Page *pg, const Site *site, xmlNodePtr parent, uint32_t n)
{
  return node_link(pg, site, parent, n, false);
}

xmlNodePtr
html_node_link_short(Page *pg, const Site *site, xmlNodePtr parent, uint32_t n)
{
  return node_link(pg, site, parent, n, true);
}

xmlNodePtr
html_table(xmlNodePtr parent, const char *cls, const char *const *heads)
{
  xmlNodePtr table = html_el(parent, "table", cls);
  xmlNodePtr tr = html_el(html_el(table, "thead", NULL), "tr", NULL);
  for (size_t k = 0; heads[k]; ++k) {
    html_text_el(tr, "th", NULL, heads[k]);
  }
  return html_el(table, "tbody", NULL);
}

xmlNodePtr
html_time(xmlNodePtr parent, const char *day)
{
  xmlNodePtr t = html_text_el(parent, "time", NULL, day);
  html_attr(t, "datetime", day);
  return t;
}

void
html_when(xmlNodePtr parent, const SNode *d)
{
  // A window's first day alone would read as the day it happened.
  if (d->date_last) {
    html_text(parent, "no later than ");
  } else if (d->date_window && !d->date_end) {
    html_text(parent, "no earlier than ");
  } else if (d->date_window) {
    html_text(parent, "between ");
    html_time(parent, d->date);
    html_text(parent, " and ");
    html_time(parent, d->date_end);
    return;
  }
  html_time(parent, d->date);
}

xmlNodePtr
html_section(xmlNodePtr parent, const char *id, const char *title)
{
  xmlNodePtr s = html_el(parent, "section", NULL);
  html_attr(s, "id", id);
  html_text_el(s, "h2", NULL, title);
  return s;
}

void
html_sources(Page *pg,
             const Site *site,
             xmlNodePtr parent,
             const char *const *graphs,
             size_t n)
{
  xmlNodePtr span = html_el(parent, "span", "sources");
  for (size_t i = 0; i < n; ++i) {
    const uint32_t g = site_node(site, graphs[i]);
    if (i) {
      html_text(span, ", ");
    }
    if (g == ENT_NO_ENTITY) {
      html_text(span, graphs[i]);
    } else {
      html_node_link_short(pg, site, span, g);
    }
  }
}

/// "../.." for directory "a/b"; "." for the root.
static char *
root_of(const char *dir)
{
  if (!dir || !*dir) {
    return strdup(".");
  }
  size_t depth = 1;
  for (const char *c = dir; *c; ++c) {
    depth += *c == '/';
  }
  char *out = malloc(depth * 3);
  if (!out) {
    return NULL;
  }
  char *w = out;
  for (size_t i = 0; i < depth; ++i) {
    if (i) {
      *w++ = '/';
    }
    *w++ = '.';
    *w++ = '.';
  }
  *w = '\0';
  return out;
}

EntStatus
page_new(Page *pg, const char *dir, const char *title)
{
  memset(pg, 0, sizeof(*pg));
  char *root = root_of(dir);
  pg->root = root;
  pg->root_owned = root;
  pg->doc = htmlNewDocNoDtD(NULL, NULL);
  if (!root || !pg->doc ||
      !xmlCreateIntSubset(pg->doc, X("html"), NULL, NULL)) {
    return ENT_ERR_NO_MEMORY;
  }
  xmlNodePtr html = xmlNewDocNode(pg->doc, NULL, X("html"), NULL);
  if (!html) {
    return ENT_ERR_NO_MEMORY;
  }
  xmlDocSetRootElement(pg->doc, html);
  html_attr(html, "lang", "en");
  pg->head = html_el(html, "head", NULL);
  xmlNodePtr meta = html_el(pg->head, "meta", NULL);
  html_attr(meta, "charset", "utf-8");
  meta = html_el(pg->head, "meta", NULL);
  html_attr(meta, "name", "viewport");
  html_attr(meta, "content", "width=device-width, initial-scale=1");
  meta = html_el(pg->head, "meta", NULL);
  html_attr(meta, "name", "generator");
  html_attr(meta, "content", "entente");
  html_text_el(pg->head, "title", NULL, title);
  xmlNodePtr css = html_el(pg->head, "link", NULL);
  html_attr(css, "rel", "stylesheet");
  html_attr(css, "href", page_href(pg, "assets/site.css"));
  xmlNodePtr js = html_el(pg->head, "script", NULL);
  html_attr(js, "src", page_href(pg, "assets/site.js"));
  html_attr(js, "defer", "defer");
  pg->body = html_el(html, "body", NULL);
  xmlNodePtr header = html_el(pg->body, "header", "site");
  xmlNodePtr nav = html_el(header, "nav", NULL);
  html_attr(nav, "aria-label", "Site");
  html_site_link(pg, nav, "index.html", "Index and search");
  html_text(nav, " ");
  html_site_link(pg, nav, "timeline.html", "Timeline");
  html_text(nav, " ");
  html_site_link(pg, nav, "sources.html", "Sources");
  pg->main = html_el(pg->body, "main", NULL);
  return pg->main ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
}

void
page_free(Page *pg)
{
  if (pg->doc) {
    xmlFreeDoc(pg->doc);
  }
  free(pg->root_owned);
  ent_buf_free(&pg->href);
  memset(pg, 0, sizeof(*pg));
}

static int
write_stream(void *context, const char *buffer, int len)
{
  FILE *stream = context;
  return len > 0 && fwrite(buffer, 1, (size_t)len, stream) != (size_t)len ? -1
                                                                          : len;
}

EntStatus
page_write(Page *pg, FILE *stream)
{
  xmlNodePtr footer = html_el(pg->body, "footer", "site");
  html_text(footer, "Made by entente from the statements of its RDF exports.");
  xmlOutputBufferPtr out =
    xmlOutputBufferCreateIO(write_stream, NULL, stream, NULL);
  if (!out) {
    return ENT_ERR_NO_MEMORY;
  }
  htmlDocContentDumpFormatOutput(out, pg->doc, "UTF-8", 1);
  const int failed = xmlOutputBufferFlush(out) < 0 || out->error != 0;
  xmlOutputBufferClose(out);
  return failed || ferror(stream) ? ENT_ERR_IO : ENT_SUCCESS;
}

char *
html_script_json(const json_t *doc, size_t flags)
{
  char *text = json_dumps(doc, flags | JSON_PRESERVE_ORDER);
  if (!text) {
    return NULL;
  }
  // Inside <script>, "</script>" or "<!--" in a name would end or bend the
  // element: '<', '>' and '&' only ever occur in JSON strings, where an
  // escape means the same.
  size_t extra = 0;
  for (const char *c = text; *c; ++c) {
    extra += (*c == '<' || *c == '>' || *c == '&') ? 5u : 0u;
  }
  char *safe = malloc(strlen(text) + extra + 1);
  if (safe) {
    char *w = safe;
    for (const char *c = text; *c; ++c) {
      if (*c == '<' || *c == '>' || *c == '&') {
        w += sprintf(w, "\\u%04x", (unsigned)*c);
      } else {
        *w++ = *c;
      }
    }
    *w = '\0';
  }
  free(text);
  return safe;
}
