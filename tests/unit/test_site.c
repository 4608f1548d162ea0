// SPDX-License-Identifier: MIT
// The static site (ent_export_site) read back with libxml2's HTML parser:
// every entity has its page, hostile names stay text (no element, script
// or event handler they could inject), the embedded JSON-LD parses and
// names the entity, sources that disagree are shown side by side, and the
// target directory is replaced whole or not at all.

#undef NDEBUG

#include "entente.h"

#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <assert.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define X(s) ((const xmlChar *)(s))

static const char HOSTILE_NAME[] = "</script><script>alert(1)</script><b>x";
static const char HOSTILE_QUOTE[] =
  "<!--<script>alert(2)</script>--> & \"peace\"";

static void
quiet(void *handle,
      EntLogLevel level,
      EntStatus status,
      const EntCaret *caret,
      const char *message)
{
  (void)handle;
  (void)status;
  (void)caret;
  if (level == ENT_LOG_ERROR) {
    fprintf(stderr, "error: %s\n", message);
  }
}

static EntGraph *
make_graph(EntWorld *world, const EntOntology *ont)
{
  EntGraph *g = NULL;
  assert(ent_graph_new(world, ont, "https://example.org/id/", &g) ==
         ENT_SUCCESS);
  assert(
    !ent_graph_add_entity(g, ENT_CLASS_SOURCE, "a", "Report A", "en", NULL));
  assert(
    !ent_graph_add_entity(g, ENT_CLASS_SOURCE, "b", "Report B", "en", NULL));
  assert(!ent_graph_add_value(
    g, "a", ENT_PROP_URL, "https://example.org/a", NULL, NULL));
  assert(!ent_graph_use_source(g, "a", NULL));
  assert(!ent_graph_add_entity(
    g, ENT_CLASS_COUNTRY, "ukraine", "Ukraine", "en", NULL));
  assert(!ent_graph_add_entity(
    g, ENT_CLASS_OFFICIAL, "x", HOSTILE_NAME, "en", NULL));
  assert(
    !ent_graph_add_value(g, "x", ENT_PROP_ALIAS, "Сергей Беседа", "ru", NULL));
  assert(!ent_graph_relate(g, "x", ENT_PROP_NATIONALITY, "ukraine", NULL));
  assert(!ent_graph_add_entity(
    g, ENT_CLASS_INSTITUTION, "mod", "Ministry", "en", NULL));
  const char *post = NULL;
  assert(!ent_graph_add_post(
    g, "x", "mod", NULL, "Defence Minister", "en", NULL, &post));
  assert(!ent_graph_add_value(
    g, post, ENT_PROP_START_DATE, "2023-09-06", NULL, NULL));
  assert(!ent_graph_add_entity(
    g, ENT_CLASS_NEGOTIATION, "talks", "Talks", "en", NULL));
  assert(!ent_graph_add_value(
    g, "talks", ENT_PROP_START_DATE, "2025-03-24", NULL, NULL));
  assert(!ent_graph_relate(g, "talks", ENT_PROP_PARTICIPANT, "x", NULL));
  assert(!ent_graph_add_entity(
    g, ENT_CLASS_QUOTATION, "q", HOSTILE_QUOTE, "en", NULL));
  assert(
    !ent_graph_add_value(g, "q", ENT_PROP_TEXT, HOSTILE_QUOTE, "en", NULL));
  assert(!ent_graph_relate(g, "q", ENT_PROP_SPEAKER, "x", NULL));
  assert(!ent_graph_relate(g, "q", ENT_PROP_OCCASION, "talks", NULL));
  // Source B dates the talks a day later.
  assert(!ent_graph_use_source(g, "b", NULL));
  assert(!ent_graph_add_value(
    g, "talks", ENT_PROP_START_DATE, "2025-03-25", NULL, NULL));
  return g;
}

static char *
read_all(const char *path)
{
  FILE *f = fopen(path, "rb");
  assert(f);
  char *text = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&text, &len);
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof(buf), f)) > 0;) {
    fwrite(buf, 1, n, out);
  }
  fclose(f);
  fclose(out);
  return text;
}

typedef struct {
  size_t scripts;
  size_t ld_json;
  size_t svgs;
  bool dispute;
  char *ld_text;
} Walk;

/// Every element of the page is one the site writes itself.
static void
walk(xmlNodePtr n, Walk *w)
{
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) {
      continue;
    }
    const char *name = (const char *)n->name;
    assert(strcmp(name, "b") != 0);
    assert(strcmp(name, "img") != 0);
    assert(strcmp(name, "iframe") != 0);
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
      assert(xmlStrncasecmp(a->name, X("on"), 2) != 0);
      xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);
      assert(!v || xmlStrncasecmp(v, X("javascript:"), 11) != 0);
      xmlFree(v);
    }
    if (!strcmp(name, "script")) {
      ++w->scripts;
      xmlChar *type = xmlGetProp(n, X("type"));
      xmlChar *src = xmlGetProp(n, X("src"));
      const bool ours = (src && strstr((const char *)src, "assets/site.js")) ||
                        (type && (xmlStrEqual(type, X("application/ld+json")) ||
                                  xmlStrEqual(type, X("application/json"))));
      assert(ours);
      if (type && xmlStrEqual(type, X("application/ld+json"))) {
        ++w->ld_json;
        w->ld_text = (char *)xmlNodeGetContent(n);
      }
      xmlFree(type);
      xmlFree(src);
    }
    if (!strcmp(name, "svg")) {
      ++w->svgs;
    }
    xmlChar *id = xmlGetProp(n, X("id"));
    if (id && xmlStrEqual(id, X("disputes"))) {
      w->dispute = true;
    }
    xmlFree(id);
    walk(n->children, w);
  }
}

static Walk
read_page(const char *dir, const char *page)
{
  char path[4096];
  snprintf(path, sizeof(path), "%s/%s", dir, page);
  htmlDocPtr doc =
    htmlReadFile(path,
                 "UTF-8",
                 HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  assert(doc);
  Walk w = { 0, 0, 0, false, NULL };
  walk(xmlDocGetRootElement(doc)->children, &w);
  xmlFreeDoc(doc);
  return w;
}

static bool
exists(const char *dir, const char *name)
{
  char path[4096];
  snprintf(path, sizeof(path), "%s/%s", dir, name);
  struct stat st;
  return stat(path, &st) == 0;
}

static void
test_pages(EntGraph *g, const char *dir)
{
  assert(ent_export_site(g, dir, NULL) == ENT_SUCCESS);
  static const char *const files[] = {
    "index.html",
    "timeline.html",
    "sources.html",
    "assets/site.js",
    "assets/site.css",
    ".htaccess",
    ".entente-site",
    "official/x/index.html",
    "official/x/index.ttl",
    "official/x/index.nt",
    "negotiation/talks/index.html",
    "source/a/index.html",
    "statement/q/index.html",
    "country/ukraine/index.html",
  };
  for (size_t i = 0; i < sizeof(files) / sizeof(*files); ++i) {
    if (!exists(dir, files[i])) {
      fprintf(stderr, "missing: %s\n", files[i]);
      assert(0);
    }
  }
  // The official: hostile name as text, one JSON-LD block naming it.
  Walk w = read_page(dir, "official/x/index.html");
  assert(w.ld_json == 1);
  assert(w.svgs == 1);
  json_error_t error;
  json_t *ld = json_loads(w.ld_text, 0, &error);
  assert(ld);
  assert(!strcmp(json_string_value(json_object_get(ld, "@id")),
                 "https://example.org/id/official/x"));
  char *dumped = json_dumps(ld, 0);
  assert(strstr(dumped, "Сергей Беседа"));
  assert(strstr(dumped, "</script>")); // the name, as JSON text
  free(dumped);
  json_decref(ld);
  xmlFree(w.ld_text);
  char path[4096];
  snprintf(path, sizeof(path), "%s/official/x/index.html", dir);
  char *html = read_all(path);
  assert(strstr(html, "&lt;/script&gt;&lt;script&gt;alert(1)"));
  assert(strstr(html, "Сергей Беседа"));
  // The post, with the date it began (its own column).
  assert(strstr(html, "Defence Minister"));
  assert(strstr(html, "<th>From</th>") && strstr(html, "<td>2023-09-06</td>"));
  free(html);
  // The negotiation: two start dates, side by side.
  w = read_page(dir, "negotiation/talks/index.html");
  assert(w.dispute);
  xmlFree(w.ld_text);
  // The quote's page and the index: no injected element either.
  w = read_page(dir, "statement/q/index.html");
  xmlFree(w.ld_text);
  w = read_page(dir, "index.html");
  assert(w.ld_json == 1 && w.scripts == 3);
  ld = json_loads(w.ld_text, 0, &error);
  assert(ld && json_array_size(json_object_get(ld, "@graph")) >= 4);
  json_decref(ld);
  xmlFree(w.ld_text);
  snprintf(path, sizeof(path), "%s/index.html", dir);
  html = read_all(path);
  assert(strstr(html, "official/x/index.html"));
  assert(strstr(html, "\\u003c/script\\u003e")); // escaped in the search data
  free(html);
}

/// A directory that holds something else is refused and left alone; a
/// site is replaced whole.
static void
test_target(EntGraph *g, const char *tmp)
{
  char other[2048];
  snprintf(other, sizeof(other), "%s/other", tmp);
  assert(mkdir(other, 0755) == 0);
  char keep[4096];
  snprintf(keep, sizeof(keep), "%s/keep.txt", other);
  FILE *f = fopen(keep, "w");
  fputs("mine\n", f);
  fclose(f);
  assert(ent_export_site(g, other, NULL) == ENT_ERR_IO);
  assert(exists(other, "keep.txt") && !exists(other, "index.html"));

  char site[2048];
  snprintf(site, sizeof(site), "%s/site", tmp);
  assert(ent_export_site(g, site, NULL) == ENT_SUCCESS);
  char stray[4096];
  snprintf(stray, sizeof(stray), "%s/stray.txt", site);
  f = fopen(stray, "w");
  fclose(f);
  assert(ent_export_site(g, site, NULL) == ENT_SUCCESS);
  assert(!exists(site, "stray.txt") && exists(site, "index.html"));
  // No scratch directory left beside it.
  DIR *d = opendir(tmp);
  for (struct dirent *e; (e = readdir(d));) {
    assert(!strstr(e->d_name, ".entente-"));
  }
  closedir(d);
  // A file where the site should go is refused.
  char file[2048];
  snprintf(file, sizeof(file), "%s/file", tmp);
  f = fopen(file, "w");
  fclose(f);
  assert(ent_export_site(g, file, NULL) == ENT_ERR_IO);
}

int
main(void)
{
  EntWorld *world = NULL;
  EntOntology *ont = NULL;
  assert(ent_world_new(&world) == ENT_SUCCESS);
  ent_world_set_log(world, quiet, NULL);
  assert(ent_ontology_load(world, NULL, &ont) == ENT_SUCCESS);
  EntGraph *g = make_graph(world, ont);
  char tmp[] = "/tmp/entente-site-test-XXXXXX";
  assert(mkdtemp(tmp));
  char dir[1024];
  snprintf(dir, sizeof(dir), "%s/pages", tmp);
  test_pages(g, dir);
  test_target(g, tmp);
  char cmd[1200];
  snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmp);
  assert(system(cmd) == 0);
  ent_graph_free(g);
  ent_ontology_free(ont);
  ent_world_free(world);
  puts("ok: site pages, hostile names, JSON-LD, disputes, target directory");
  return 0;
}
