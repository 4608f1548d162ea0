// SPDX-License-Identifier: MIT
// ent_export_site(): the model's statements, read once (ent_emit), become
// a static site: one page per entity IRI (with its ego diagram, drawn by
// the diagram code from the same statements), its statements in Turtle and
// N-Triples beside it, and the corpus pages.  The site is written into a
// scratch directory and swapped in whole, so a failed run changes nothing.
#define _GNU_SOURCE 1 // renameat2(), nftw(), open_memstream()
#include "site.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

extern const unsigned char ent_builtin_site_js[];
extern const size_t ent_builtin_site_js_size;
extern const unsigned char ent_builtin_site_css[];
extern const size_t ent_builtin_site_css_size;

/// The file that says a directory is a site entente made (and may be
/// replaced by the next one).
#define SITE_MARKER       ".entente-site"
#define DEFAULT_EGO_NODES 40

/// Kinds whose pages carry an ego diagram.
static bool
has_diagram(SiteKind kind)
{
  return kind == SK_OFFICIAL || kind == SK_INSTITUTION || kind == SK_COUNTRY ||
         kind == SK_NEGOTIATION || kind == SK_AGREEMENT || kind == SK_EVENT ||
         kind == SK_SOURCE || kind == SK_DELEGATION;
}

typedef struct {
  Site *site;
  const char *from; ///< Directory of the page being drawn
  EntBuf href;
} Linker;

/// Where a diagram node links: the page of its IRI, relative to the page
/// the diagram is drawn on; no link when it has none.
static const char *
link_to_page(void *handle, const char *iri)
{
  Linker *l = handle;
  const uint32_t n = site_node(l->site, iri);
  const char *path = n == ENT_NO_ENTITY ? NULL : l->site->nodes[n].path;
  if (!path) {
    return NULL;
  }
  ent_buf_reset(&l->href);
  for (const char *c = l->from; c && *c; ++c) {
    if (c == l->from && ent_buf_append(&l->href, "../", 3)) {
      return NULL;
    }
    if (*c == '/' && ent_buf_append(&l->href, "../", 3)) {
      return NULL;
    }
  }
  return ent_buf_appendf(&l->href, "%s/index.html", path) ? NULL : l->href.buf;
}

// ---- Files ----------------------------------------------------------------

static EntStatus
io_error(EntWorld *world, const char *what, const char *path)
{
  ent_log(world,
          ENT_LOG_ERROR,
          ENT_ERR_IO,
          NULL,
          "cannot %s '%s': %s",
          what,
          path,
          strerror(errno));
  return ENT_ERR_IO;
}

/// mkdir -p `dir`/`path` (`path` relative, its segments checked already).
static EntStatus
make_dirs(EntWorld *world, EntBuf *buf, const char *dir, const char *path)
{
  ent_buf_reset(buf);
  if (ent_buf_appendf(buf, "%s/%s", dir, path)) {
    return ENT_ERR_NO_MEMORY;
  }
  for (char *c = buf->buf + strlen(dir) + 1;; ++c) {
    if (*c == '/' || !*c) {
      const char saved = *c;
      *c = '\0';
      if (mkdir(buf->buf, 0755) != 0 && errno != EEXIST) {
        return io_error(world, "create directory", buf->buf);
      }
      *c = saved;
      if (!saved) {
        break;
      }
    }
  }
  return ENT_SUCCESS;
}

typedef EntStatus (*WriteFunc)(void *handle, FILE *stream);

/// Write `dir`/`name` with `func`; checks every write and the close.
static EntStatus
write_file(EntWorld *world,
           const char *dir,
           const char *name,
           WriteFunc func,
           void *handle)
{
  EntBuf path = { NULL, 0, 0 };
  if (ent_buf_appendf(&path, "%s/%s", dir, name)) {
    return ENT_ERR_NO_MEMORY;
  }
  FILE *f = fopen(path.buf, "wbx");
  EntStatus st = f ? func(handle, f) : io_error(world, "create", path.buf);
  if (f) {
    if (fclose(f) != 0 && !st) {
      st = io_error(world, "write", path.buf);
    } else if (st == ENT_ERR_IO) {
      io_error(world, "write", path.buf);
    }
  }
  ent_buf_free(&path);
  return st;
}

typedef struct {
  const unsigned char *bytes;
  size_t size;
} Bytes;

static EntStatus
write_bytes(void *handle, FILE *stream)
{
  const Bytes *b = handle;
  return fwrite(b->bytes, 1, b->size, stream) == b->size ? ENT_SUCCESS
                                                         : ENT_ERR_IO;
}

static EntStatus
write_text(EntWorld *world, const char *dir, const char *name, const char *text)
{
  Bytes b = { (const unsigned char *)text, strlen(text) };
  return write_file(world, dir, name, write_bytes, &b);
}

static int
remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
  (void)st;
  (void)ftw;
  return flag == FTW_DP ? rmdir(path) : unlink(path);
}

static void
remove_tree(const char *dir)
{
  nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

// ---- Each entity's statements ----------------------------------------------

typedef struct {
  Site *site;
  uint32_t node;
  EntFormat format;
} Statements;

static EntStatus
write_statements(void *handle, FILE *stream)
{
  Statements *s = handle;
  Site *site = s->site;
  const SNode *n = &site->nodes[s->node];
  RdfWriter *w = NULL;
  EntStatus st = rdf_writer_open(site->graph, s->format, NULL, stream, &w);
  for (uint32_t i = 0; i < n->count && !st; ++i) {
    const SQuad *q = &site->quads[site->by_subject[n->first + i]];
    bool repeat = false;
    for (uint32_t j = 0; j < i && !repeat; ++j) {
      const SQuad *r = &site->quads[site->by_subject[n->first + j]];
      repeat =
        r->p == q->p && r->o == q->o && r->dt == q->dt && r->lang == q->lang;
    }
    if (repeat) {
      continue;
    }
    Triple t;
    memset(&t, 0, sizeof(t));
    t.subject = (Node){ .type = NODE_IRI, .value = n->iri };
    t.predicate = (Node){ .type = NODE_IRI, .value = q->p };
    t.object = q->on != ENT_NO_ENTITY
                 ? (Node){ .type = NODE_IRI, .value = q->o }
                 : (Node){ .type = NODE_LITERAL,
                           .value = q->o,
                           .datatype = q->dt,
                           .lang = q->lang };
    st = rdf_writer_put(w, &t);
  }
  if (w) {
    const EntStatus closed = rdf_writer_close(w, !st);
    st = st ? st : closed;
  }
  return st;
}

typedef struct {
  Site *site;
  uint32_t node;
  const char *svg;
  size_t svg_len;
} EntityPage;

static EntStatus
write_entity_page(void *handle, FILE *stream)
{
  EntityPage *p = handle;
  return site_entity_page(p->site, p->node, p->svg, p->svg_len, stream);
}

/// What the page's legend shows: the kinds and relations in view.
static void
legend_of_view(Site *site)
{
  const LGraph *lg = &site->lg;
  memset(site->legend_kinds, 0, sizeof(site->legend_kinds));
  site->legend_families = 0;
  for (size_t i = 0; i < lg->n_nodes; ++i) {
    if (!lg->nodes[i].in_view) {
      continue;
    }
    site->legend_kinds[lg->nodes[i].kind] = true;
    // Each visible edge from its nodes: linear in the view, not the graph.
    for (size_t k = lg->first[i]; k < lg->first[i + 1]; ++k) {
      const LEdge *e = &lg->edges[lg->adjacency[k]];
      const size_t f =
        lgraph_edge_visible(lg, e) ? lgraph_edge_style(e->predicate) : 32;
      if (f < 32) {
        site->legend_families |= 1u << f;
      }
    }
  }
}

/// Pages are written in batches: the diagrams of a batch are built, then
/// laid out together in one Graphviz process, then the pages written.
#define BATCH 128

typedef struct {
  uint32_t node;
  void *graph; ///< Its diagram, built (NULL: none)
  const char *engine;
  bool kinds[KIND_COUNT_];
  uint32_t families;
} BatchItem;

/// Build the ego diagram of `item->node` (none when it cannot be drawn:
/// a warning says why, and the page goes without).
static EntStatus
build_ego(Site *site, Linker *linker, BatchItem *item, EntBuf *view)
{
  const SNode *node = &site->nodes[item->node];
  ent_buf_reset(view);
  if (ent_buf_appendf(view, "ego:%s", node->iri)) {
    return ENT_ERR_NO_MEMORY;
  }
  EntDiagramOptions options;
  memset(&options, 0, sizeof(options));
  options.view = view->buf;
  options.depth = 1;
  options.max_nodes = site->max_nodes;
  options.lang = site->lang;
  linker->from = node->path;
  // The diagram code reports its own phases; the site reports pages.
  EntProgressFunc progress = site->world->progress;
  site->world->progress = NULL;
  EntStatus st = lgraph_select(&site->lg, &options);
  if (!st) {
    legend_of_view(site);
    memcpy(item->kinds, site->legend_kinds, sizeof(item->kinds));
    item->families = site->legend_families;
    st = lgraph_view_graph(&site->lg, &options, &item->graph, &item->engine);
  }
  site->world->progress = progress;
  if (st && !site->lg.late && st != ENT_ERR_NO_MEMORY) {
    ent_log(site->world,
            ENT_LOG_WARNING,
            st,
            NULL,
            "the page of '%s' goes without its diagram",
            node->iri);
    st = ENT_SUCCESS;
  }
  return st;
}

static EntStatus
write_entity(Site *site,
             const char *dir,
             const BatchItem *item,
             const char *svg,
             size_t svg_len,
             EntBuf *buf)
{
  const SNode *node = &site->nodes[item->node];
  EntStatus st = make_dirs(site->world, buf, dir, node->path);
  memcpy(site->legend_kinds, item->kinds, sizeof(item->kinds));
  site->legend_families = item->families;
  if (!st) {
    EntityPage page = { site, item->node, svg, svg_len };
    st =
      write_file(site->world, buf->buf, "index.html", write_entity_page, &page);
  }
  if (!st) {
    Statements ttl = { site, item->node, ENT_FORMAT_TURTLE };
    st = write_file(site->world, buf->buf, "index.ttl", write_statements, &ttl);
  }
  if (!st) {
    Statements nt = { site, item->node, ENT_FORMAT_NTRIPLES };
    st = write_file(site->world, buf->buf, "index.nt", write_statements, &nt);
  }
  return st;
}

/// Draw and write the pages of `items`.
static EntStatus
write_batch(Site *site,
            Linker *linker,
            const char *dir,
            BatchItem *items,
            size_t n,
            EntBuf *buf)
{
  void *graphs[BATCH];
  const char *engines[BATCH];
  char *svg[BATCH];
  size_t len[BATCH];
  EntBuf view = { NULL, 0, 0 };
  EntStatus st = ENT_SUCCESS;
  for (size_t i = 0; i < n && !st; ++i) {
    if (has_diagram(site->nodes[items[i].node].kind)) {
      st = build_ego(site, linker, &items[i], &view);
    }
  }
  for (size_t i = 0; i < n; ++i) {
    graphs[i] = items[i].graph;
    engines[i] = items[i].engine;
    svg[i] = NULL;
    len[i] = 0;
  }
  if (!st) {
    st = lgraph_render_svgs(&site->lg, graphs, engines, n, svg, len);
  }
  for (size_t i = 0; i < n && !st; ++i) {
    if (graphs[i] && !svg[i]) {
      ent_log(site->world,
              ENT_LOG_WARNING,
              ENT_ERR_INTERNAL,
              NULL,
              "the page of '%s' goes without its diagram",
              site->nodes[items[i].node].iri);
    }
    st = write_entity(site, dir, &items[i], svg[i], len[i], buf);
  }
  for (size_t i = 0; i < n; ++i) {
    lgraph_view_free(items[i].graph);
    items[i].graph = NULL;
    free(svg[i]);
  }
  ent_buf_free(&view);
  return st;
}

// ---- The corpus pages
// ---------------------------------------------------------

typedef struct {
  Site *site;
  const char *title;
  EntStatus (*page)(Site *, const char *, FILE *);
} CorpusPage;

static EntStatus
write_corpus_page(void *handle, FILE *stream)
{
  CorpusPage *p = handle;
  return p->page(p->site, p->title, stream);
}

/// Apache rules: an entity IRI asked for as Turtle or N-Triples gets the
/// file beside its page.
static const char HTACCESS[] =
  "# Written by entente site.  Serve this directory at the base IRI of the\n"
  "# entities: BASE/PATH is the page PATH/index.html, and a client that\n"
  "# asks for Turtle or N-Triples gets PATH/index.ttl or PATH/index.nt.\n"
  "DirectoryIndex index.html\n"
  "AddType text/turtle .ttl\n"
  "AddType application/n-triples .nt\n"
  "AddType application/ld+json .jsonld\n"
  "AddCharset utf-8 .html .ttl .nt\n"
  "<IfModule mod_rewrite.c>\n"
  "RewriteEngine On\n"
  "RewriteCond %{HTTP_ACCEPT} text/turtle\n"
  "RewriteCond %{REQUEST_FILENAME}/index.ttl -f\n"
  "RewriteRule ^(.+?)/?$ $1/index.ttl [L]\n"
  "RewriteCond %{HTTP_ACCEPT} application/n-triples\n"
  "RewriteCond %{REQUEST_FILENAME}/index.nt -f\n"
  "RewriteRule ^(.+?)/?$ $1/index.nt [L]\n"
  "</IfModule>\n";

static EntStatus
write_site(Site *site, const char *dir, const char *title)
{
  EntWorld *world = site->world;
  EntBuf buf = { NULL, 0, 0 };
  Linker linker = { site, NULL, { NULL, 0, 0 } };
  site->lg.link = link_to_page;
  site->lg.link_handle = &linker;
  EntStatus st = ENT_SUCCESS;
  size_t total = 0;
  for (uint32_t i = 0; i < site->n_nodes; ++i) {
    total += site->nodes[i].path != NULL;
  }
  EntProgress progress = { ENT_PHASE_PAGES, 0, total, 0, 0 };
  ent_progress(world, &progress);
  BatchItem *items = calloc(BATCH, sizeof(BatchItem));
  size_t n_items = 0;
  st = items ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
  for (uint32_t i = 0; i <= site->n_nodes && !st; ++i) {
    if (i < site->n_nodes && site->nodes[i].path) {
      memset(&items[n_items], 0, sizeof(BatchItem));
      items[n_items++].node = i;
    }
    if (n_items == BATCH || (i == site->n_nodes && n_items)) {
      st = write_batch(site, &linker, dir, items, n_items, &buf);
      progress.done += n_items;
      n_items = 0;
      ent_progress(world, &progress);
    }
  }
  free(items);
  static EntStatus (*const pages[])(Site *, const char *, FILE *) = {
    site_index_page, site_timeline_page, site_sources_page
  };
  static const char *const names[] = { "index.html",
                                       "timeline.html",
                                       "sources.html" };
  for (size_t k = 0; k < 3 && !st; ++k) {
    CorpusPage page = { site, title, pages[k] };
    st = write_file(world, dir, names[k], write_corpus_page, &page);
  }
  if (!st) {
    st = make_dirs(world, &buf, dir, "assets");
  }
  if (!st) {
    Bytes js = { ent_builtin_site_js, ent_builtin_site_js_size };
    st = write_file(world, buf.buf, "site.js", write_bytes, &js);
  }
  if (!st) {
    Bytes css = { ent_builtin_site_css, ent_builtin_site_css_size };
    st = write_file(world, buf.buf, "site.css", write_bytes, &css);
  }
  if (!st) {
    st = write_text(world, dir, ".htaccess", HTACCESS);
  }
  if (!st) {
    ent_buf_reset(&buf);
    st = ent_buf_appendf(&buf, "entente site %s\n", ent_version());
    st = st ? st : write_text(world, dir, SITE_MARKER, buf.buf);
  }
  ent_buf_free(&buf);
  ent_buf_free(&linker.href);
  site->lg.link = NULL;
  return st;
}

// ---- The target directory --------------------------------------------------

/// Whether `dir` may receive a site: missing, empty, or a site entente made.
static EntStatus
check_target(EntWorld *world, const char *dir, bool *exists)
{
  struct stat st;
  *exists = false;
  if (lstat(dir, &st) != 0) {
    if (errno == ENOENT) {
      return ENT_SUCCESS;
    }
    return io_error(world, "look at", dir);
  }
  if (!S_ISDIR(st.st_mode)) {
    ent_log(world,
            ENT_LOG_ERROR,
            ENT_ERR_IO,
            NULL,
            "'%s' is not a directory (a symbolic link or a file); give a "
            "directory for the site",
            dir);
    return ENT_ERR_IO;
  }
  *exists = true;
  // The site replaces its directory: never the one we stand in (or above).
  char *real = realpath(dir, NULL);
  char *cwd = getcwd(NULL, 0);
  const bool here =
    real && cwd && !strncmp(cwd, real, strlen(real)) &&
    (cwd[strlen(real)] == '/' || !cwd[strlen(real)] || !strcmp(real, "/"));
  free(real);
  free(cwd);
  if (here) {
    ent_log(world,
            ENT_LOG_ERROR,
            ENT_ERR_IO,
            NULL,
            "'%s' is the current directory or holds it; the site replaces "
            "its directory as a whole, so give it from outside (-O ../%s)",
            dir,
            "site");
    return ENT_ERR_IO;
  }
  EntBuf marker = { NULL, 0, 0 };
  if (ent_buf_appendf(&marker, "%s/%s", dir, SITE_MARKER)) {
    return ENT_ERR_NO_MEMORY;
  }
  const bool is_site = access(marker.buf, F_OK) == 0;
  ent_buf_free(&marker);
  if (is_site) {
    return ENT_SUCCESS;
  }
  DIR *d = opendir(dir);
  if (!d) {
    return io_error(world, "read directory", dir);
  }
  bool empty = true;
  for (struct dirent *e; empty && (e = readdir(d));) {
    empty = !strcmp(e->d_name, ".") || !strcmp(e->d_name, "..");
  }
  closedir(d);
  if (!empty) {
    ent_log(world,
            ENT_LOG_ERROR,
            ENT_ERR_IO,
            NULL,
            "'%s' is not empty and holds no site made by entente (no %s); "
            "the site replaces its directory as a whole, so give a new or "
            "empty directory",
            dir,
            SITE_MARKER);
    return ENT_ERR_IO;
  }
  return ENT_SUCCESS;
}

/// A scratch directory beside `dir` (same file system, so it can be
/// renamed into place): its path in `out`.
static EntStatus
make_scratch(EntWorld *world, const char *dir, EntBuf *out)
{
  char *copy = strdup(dir);
  char *copy2 = strdup(dir);
  if (!copy || !copy2) {
    free(copy);
    free(copy2);
    return ENT_ERR_NO_MEMORY;
  }
  EntStatus st = ent_buf_appendf(
    out, "%s/.%s.entente-XXXXXX", dirname(copy), basename(copy2));
  free(copy);
  free(copy2);
  if (!st && !mkdtemp(out->buf)) {
    if (errno == ENOENT) {
      ent_log(world,
              ENT_LOG_ERROR,
              ENT_ERR_IO,
              NULL,
              "'%s': its parent directory does not exist; give a directory "
              "whose parent exists",
              dir);
      st = ENT_ERR_IO;
    } else {
      st = io_error(world, "create a scratch directory beside", dir);
    }
  }
  if (!st) {
    chmod(out->buf, 0755);
  }
  return st;
}

/// The path of a file this run read (ent_world_note_input()) within the
/// directory `fd` (closed here), `depth` levels at most, in `found`; false
/// if none.  Replacing the old site would remove it with the site.
static bool
find_input(EntWorld *world, int fd, const char *path, int depth, EntBuf *found)
{
  DIR *d = fdopendir(fd);
  if (!d) {
    close(fd);
    return false;
  }
  bool hit = false;
  for (struct dirent *e = readdir(d); e && !hit; e = readdir(d)) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) {
      continue;
    }
    struct stat st;
    if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
      continue;
    }
    if (S_ISREG(st.st_mode) && ent_world_is_input(world, &st)) {
      hit = !ent_buf_appendf(found, "%s/%s", path, e->d_name);
    } else if (S_ISDIR(st.st_mode) && depth > 0) {
      EntBuf sub = { NULL, 0, 0 };
      const int sub_fd = openat(
        dirfd(d), e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (sub_fd >= 0 && !ent_buf_appendf(&sub, "%s/%s", path, e->d_name)) {
        hit = find_input(world, sub_fd, sub.buf, depth - 1, found);
      } else if (sub_fd >= 0) {
        close(sub_fd);
      }
      ent_buf_free(&sub);
    }
  }
  closedir(d);
  return hit;
}

/// Put the finished site at `scratch` in place of `dir`.
static EntStatus
swap_in(EntWorld *world, const char *scratch, const char *dir, bool exists)
{
  if (!exists) {
    return rename(scratch, dir) == 0 ? ENT_SUCCESS
                                     : io_error(world, "move the site to", dir);
  }
  if (renameat2(AT_FDCWD, scratch, AT_FDCWD, dir, RENAME_EXCHANGE) == 0) {
    remove_tree(scratch); // now the old site
    return ENT_SUCCESS;
  }
  // No exchange on this file system: move the old one aside first.
  EntBuf old = { NULL, 0, 0 };
  EntStatus st = ent_buf_appendf(&old, "%s.old", scratch);
  if (!st && rename(dir, old.buf) != 0) {
    st = io_error(world, "move the old site aside", dir);
  } else if (!st && rename(scratch, dir) != 0) {
    st = io_error(world, "move the site to", dir);
    rename(old.buf, dir);
  } else if (!st) {
    remove_tree(old.buf);
  }
  ent_buf_free(&old);
  return st;
}

EntStatus
ent_site_check_dir(EntWorld *world, const char *dir)
{
  if (!world) {
    return ENT_ERR_BAD_ARG;
  }
  if (!dir || !*dir) {
    ent_log(world,
            ENT_LOG_ERROR,
            ENT_ERR_BAD_ARG,
            NULL,
            "no directory for the site; give one");
    return ENT_ERR_BAD_ARG;
  }
  bool exists = false;
  return check_target(world, dir, &exists);
}

EntStatus
ent_export_site(EntGraph *graph, const char *dir, const EntSiteOptions *options)
{
  if (!graph || !dir || !*dir) {
    return ENT_ERR_BAD_ARG;
  }
  EntWorld *world = graph->world;
  if (options && !ent_language_tag_is_valid(options->lang)) {
    ent_log(world,
            ENT_LOG_ERROR,
            ENT_ERR_BAD_ARG,
            NULL,
            "the site's language '%s' is not " ENT_LANG_TAG_EXAMPLES,
            options->lang);
    return ENT_ERR_BAD_ARG;
  }
  bool exists = false;
  EntStatus st = check_target(world, dir, &exists);
  if (st) {
    return st;
  }
  Site site;
  site_init(&site, graph, options ? options->lang : NULL);
  site.max_nodes =
    options && options->max_nodes ? options->max_nodes : DEFAULT_EGO_NODES;
  EntDiagramOptions diagram;
  memset(&diagram, 0, sizeof(diagram));
  diagram.lang = site.lang;
  diagram.time_limit =
    options && options->time_limit ? options->time_limit : ENT_SITE_TIME_LIMIT;
  lgraph_init(&site.lg, world, graph->ontology, &diagram);
  site.lg.lang_asked = options && options->lang; // not the default's "en"
  site.lg.quiet_cap = true;
  site.lg.no_legend = true;
  // A page lists what was said under the diagram: drawn as well, the
  // statements would crowd out the people and meetings around it.
  site.lg.ego_skip = 1u << KIND_STATEMENT;
  lgraph_reserve_for(&site.lg, graph);
  EntBuf scratch = { NULL, 0, 0 };
  st = ent_emit(graph, true, site_add_triple, &site);
  if (!st) {
    st = lgraph_finish(&site.lg);
  }
  if (!st) {
    st = site_index_build(&site);
  }
  if (!st && exists) {
    // The old site goes as a whole: a dataset or a text this run read
    // inside it would go with it.
    EntBuf found = { NULL, 0, 0 };
    const int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0 && find_input(world, fd, dir, ENT_MAX_NESTING, &found)) {
      ent_log(world,
              ENT_LOG_ERROR,
              ENT_ERR_IO,
              &(EntCaret){ .document = found.buf },
              "this run read the file, and the site in '%s' it is in would "
              "be replaced, the file with it: move it out of the site, or "
              "write the site elsewhere; nothing written",
              dir);
      st = ENT_ERR_IO;
    }
    ent_buf_free(&found);
  }
  if (!st) {
    st = make_scratch(world, dir, &scratch);
  }
  if (!st) {
    const char *title = options && options->title ? options->title : NULL;
    const uint32_t corpus =
      graph->corpus != ENT_NO_ENTITY
        ? site_node(&site, graph->entities[graph->corpus].iri)
        : ENT_NO_ENTITY;
    if (!title && corpus != ENT_NO_ENTITY) {
      title = site.nodes[corpus].name;
    }
    st = write_site(&site, scratch.buf, title ? title : "entente dossier");
    if (!st) {
      st = swap_in(world, scratch.buf, dir, exists);
    }
    if (st) {
      remove_tree(scratch.buf);
    }
  }
  lgraph_clear(&site.lg);
  site_clear(&site);
  ent_buf_free(&scratch);
  return st;
}
