// SPDX-License-Identifier: MIT
// Drawing the labelled graph with Graphviz: cgraph builds it (never
// hand-printed DOT), gvc lays it out and renders it in-process.

#include "lgraph.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <libxml/entities.h>
#include <utf8proc.h>

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/// Above this many nodes `dot` is not used unless asked for: with clusters
/// it failed to rank 500 nodes here, and on dense graphs it takes seconds
/// from 300 (README, "Diagrams at scale").
#define DOT_ENGINE_MAX_NODES 200
/// Characters a line of the legend's list of relations runs to.
#define LEGEND_LINE 60
/// Relations the legend names per family, then "and N more".
#define LEGEND_NAMES 24
/// A hub with this many leaves is drawn in rings (twopi), not as a column
/// this many nodes tall (dot): 30 leaves make a column of about a page.
#define STAR_MIN_LEAVES 30
/// A view whose `dot` layout would stack this many nodes in one rank, and
/// TALL_RANK_RATIO times as many as it has ranks (a hundred people pointing
/// at six countries: a column a hundred nodes tall, two ranks wide), is
/// laid out with sfdp: a drawing several times taller than wide is no
/// drawing to read.  A rank is about four nodes tall for one wide (a
/// node and the space to the next rank): 12 is a drawing three times as
/// tall as it is wide.  A thesaurus of 150 concepts, each under one of
/// those before it, spreads over its ranks and stays with dot.
#define TALL_RANK_NODES 40
#define TALL_RANK_RATIO 12

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

/// Graphviz lines reported per diagram; the rest are only counted.
#define MAX_GRAPHVIZ_LINES 20

// cgraph reports problems through one process-wide callback with no user
// pointer, in fragments ("Error", ": ", text, "\n"), so the line being
// assembled and the count live here.
static EntWorld *graphviz_world;
static char graphviz_line[1025]; // and a newline in the child
static size_t graphviz_line_len;
static unsigned long graphviz_lines;
/// In the layout child: where Graphviz's lines go, raw, for the parent to
/// log (the parent's log and counts are the ones that matter).
static int graphviz_fd = -1;

static void
flush_graphviz_line(void)
{
  if (graphviz_line_len && graphviz_fd >= 0) {
    graphviz_line[graphviz_line_len++] = '\n';
    for (size_t done = 0; done < graphviz_line_len;) {
      const ssize_t n =
        write(graphviz_fd, graphviz_line + done, graphviz_line_len - done);
      if (n <= 0 && errno != EINTR) {
        break;
      }
      done += n > 0 ? (size_t)n : 0;
    }
    graphviz_line_len = 0;
    return;
  }
  if (graphviz_line_len && graphviz_world &&
      ++graphviz_lines <= MAX_GRAPHVIZ_LINES) {
    ent_log(graphviz_world,
            ENT_LOG_WARNING,
            ENT_FAILURE,
            NULL,
            "graphviz: %.*s",
            (int)graphviz_line_len,
            graphviz_line);
  }
  graphviz_line_len = 0;
}

/// Report the last line and how many were not shown.
static void
finish_graphviz_messages(void)
{
  flush_graphviz_line();
  if (graphviz_world && graphviz_lines > MAX_GRAPHVIZ_LINES) {
    ent_log(graphviz_world,
            ENT_LOG_WARNING,
            ENT_FAILURE,
            NULL,
            "graphviz: %lu more lines not shown",
            graphviz_lines - MAX_GRAPHVIZ_LINES);
  }
  graphviz_lines = 0;
}

// cgraph's agusererrf type takes `char *`.
static int
on_graphviz_message(char *message) // NOLINT(readability-non-const-parameter)
{
  for (const char *p = message; *p; ++p) {
    if (*p == '\n') {
      flush_graphviz_line();
    } else if (graphviz_line_len < sizeof(graphviz_line) - 1) {
      graphviz_line[graphviz_line_len++] = *p == '\t' ? ' ' : *p;
    }
  }
  return 0;
}

static EntStatus append_escaped_lines(EntBuf *b,
                                      const char *text,
                                      bool label,
                                      const char *line_end);

static EntStatus
append_escaped(EntBuf *b, const char *text, bool label)
{
  return append_escaped_lines(b, text, label, "\\n");
}

/// Append `text` so that Graphviz shows it exactly (`line_end`, "\\n" or
/// "\\l", ends its lines: centred or left-aligned).  No backslash from
/// user text reaches the DOT file (a label ending in '\' would escape the
/// closing quote: cgraph's agwrite escapes only '"'): '&' and '\' become
/// character entities, which Graphviz decodes in labels and tooltips, and
/// line breaks become \n and \r.  Graphviz then reads a decoded '\' as
/// the start of an escape, so it is doubled in a label and doubled twice
/// in a tooltip.
/// Longest line of a label, in characters, and most lines: Pango lays a
/// label out in one piece (a 100 MB one took 95 s and 7.8 GB), and cairo
/// refuses a drawing wider than 32,767 pixels.  Longer text ends in "…";
/// the full text goes into the tooltip (draw_node()).
#define LABEL_MAX_LINE  200
#define LABEL_MAX_LINES 60
/// Longest tooltip, in bytes, cut at a character boundary: one word of
/// 16 KB (written unquoted, as an ID) is more than Graphviz's reader
/// takes back.
#define TOOLTIP_MAX_BYTES 8192

static bool
is_continuation_byte(char c)
{
  return ((unsigned char)c & 0xC0) == 0x80;
}

/// Whether append_escaped_lines() shortens `text` as a label.
static bool
label_is_capped(const char *text)
{
  size_t chars = 0;
  size_t lines = 1;
  for (const char *p = text; *p; ++p) {
    if (*p == '\n') {
      chars = 0;
      if (++lines > LABEL_MAX_LINES) {
        return true;
      }
    } else if (!is_continuation_byte(*p) && ++chars > LABEL_MAX_LINE) {
      return true;
    }
  }
  return false;
}

static EntStatus
append_escaped_lines(EntBuf *b,
                     const char *text,
                     bool label,
                     const char *line_end)
{
  EntStatus st = ENT_SUCCESS;
  size_t chars = 0;
  size_t lines = 1;
  for (const char *p = text; *p && !st; ++p) {
    if (label && *p != '\n' && !is_continuation_byte(*p) &&
        ++chars > LABEL_MAX_LINE) {
      // The rest of this line is left out.
      TRY(st, ent_buf_append(b, "…", strlen("…")));
      while (p[1] && p[1] != '\n') {
        ++p;
      }
      continue;
    }
    if (!label && !is_continuation_byte(*p) &&
        (size_t)(p - text) >= TOOLTIP_MAX_BYTES) {
      return ent_buf_append(b, "…", strlen("…"));
    }
    switch (*p) {
      case '&':
        st = ent_buf_append(b, "&amp;", 5);
        break;
      case '\\':
        // Graphviz 2.42 reads a decoded '\' as an escape (\N, \G, \L) in
        // a label, and twice over in a tooltip: "&#92;&#92;" shows "\" in a
        // label, a tooltip needs four ("a\Nb" showed "aNb", then "aab").
        st = label ? ent_buf_append(b, "&#92;&#92;", 10)
                   : ent_buf_append(b, "&#92;&#92;&#92;&#92;", 20);
        break;
      case '\n':
        if (label && ++lines > LABEL_MAX_LINES) {
          TRY(st, ent_buf_append(b, line_end, 2));
          return ent_buf_append(b, "…", strlen("…"));
        }
        chars = 0;
        st = ent_buf_append(b, line_end, 2);
        break;
      case '\r':
        st = ent_buf_append(b, "\\r", 2);
        break;
      default:
        if ((unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB &&
            (unsigned char)p[2] == 0xBF) {
          // U+FEFF: cgraph's reader drops it as a byte order mark wherever
          // it stands, and agwrite leaves a value of such bytes unquoted
          // (label=<U+FEFF>, read back as "label=,"): an entity instead.
          st = ent_buf_append(b, "&#65279;", 8);
          p += 2;
        } else {
          st = ent_buf_append(b, p, 1);
        }
    }
  }
  return st;
}

// ---- Deterministic object IDs ---------------------------------------------
// cgraph's default ID discipline makes a named object's ID the address of
// its interned name, and agwrite orders subgraphs by ID, so the order of
// clusters in the DOT output would change from run to run.  These IDs
// count up in creation order instead: same graph, same bytes.

typedef struct {
  EntPool names;
  EntMap ids;   ///< name -> ID
  char **by_id; ///< ID / 2 - 1 -> name
  size_t n_named;
  size_t cap;
  IDTYPE next_anonymous;
} IdState;

static void *
id_open(Agraph_t *g, Agdisc_t *disc)
{
  (void)g;
  (void)disc;
  IdState *state = calloc(1, sizeof(IdState));
  if (state) {
    ent_pool_init(&state->names);
    ent_map_init(&state->ids);
    state->next_anonymous = 1;
  }
  return state;
}

static long
id_map(void *handle, int objtype, char *str, IDTYPE *id, int createflag)
{
  (void)objtype;
  IdState *state = handle;
  if (!str) {
    // Anonymous objects (edges) get odd IDs, named ones even IDs.
    *id = state->next_anonymous;
    state->next_anonymous += 2;
    return 1;
  }
  const uintptr_t known = (uintptr_t)ent_map_get(&state->ids, str);
  if (known) {
    *id = (IDTYPE)known;
    return 1;
  }
  if (!createflag) {
    return 0;
  }
  if (ent_grow(
        &state->by_id, &state->cap, state->n_named, sizeof(char *), 64)) {
    return 0;
  }
  const char *name = ent_pool_intern(&state->names, str);
  const IDTYPE new_id = (IDTYPE)(state->n_named + 1) * 2;
  if (!name || ent_map_put(&state->ids, name, (void *)(uintptr_t)new_id)) {
    return 0;
  }
  state->by_id[state->n_named++] = mut(name);
  *id = new_id;
  return 1;
}

static long
id_alloc(void *handle, int objtype, IDTYPE id)
{
  (void)handle;
  (void)objtype;
  (void)id;
  return 0; // objects are only made by name or anonymously
}

static void
id_free(void *handle, int objtype, IDTYPE id)
{
  (void)handle;
  (void)objtype;
  (void)id;
}

static char *
id_print(void *handle, int objtype, IDTYPE id)
{
  (void)objtype;
  const IdState *state = handle;
  return id % 2 == 0 && id / 2 >= 1 && id / 2 <= state->n_named
           ? state->by_id[id / 2 - 1]
           : NULL;
}

static void
id_close(void *handle)
{
  IdState *state = handle;
  if (state) {
    free(state->by_id);
    ent_map_clear(&state->ids);
    ent_pool_clear(&state->names);
    free(state);
  }
}

static void
id_register(void *handle, int objtype, void *obj)
{
  (void)handle;
  (void)objtype;
  (void)obj;
}

static Agiddisc_t sequential_ids = { id_open,  id_map,   id_alloc,   id_free,
                                     id_print, id_close, id_register };

static EntStatus
set_attr(void *obj, const char *name, const char *value)
{
  // cgraph 2.42's agwrite leaves a value made only of digits, '-' and '.'
  // unquoted, as a number, and its reader refuses the one such value with
  // no digit that is not a single character: "-.".  The entity is decoded
  // by Graphviz wherever user text goes (labels, tooltips).
  if (!strcmp(value, "-.")) {
    value = "&#45;.";
  }
  return agsafeset(obj, mut(name), mut(value), mut("")) ? ENT_ERR_INTERNAL
                                                        : ENT_SUCCESS;
}

static EntStatus
set_text(void *obj, const char *name, const char *text, EntBuf *scratch)
{
  ent_buf_reset(scratch);
  EntStatus st = ENT_SUCCESS;
  const bool label = !strcmp(name, "label") || !strcmp(name, "xlabel");
  TRY(st, append_escaped(scratch, text, label));
  return set_attr(obj, name, scratch->buf ? scratch->buf : "");
}

static bool
is_web_iri(const char *iri)
{
  // A link is never shortened (it would lead elsewhere): an overlong one
  // is left out.
  return (!strncmp(iri, "http://", 7) || !strncmp(iri, "https://", 8)) &&
         strlen(iri) < TOOLTIP_MAX_BYTES && ent_is_absolute_iri(iri);
}

/// Members[node]: which nodes in view stand inside `node`.
enum {
  HAS_INSTITUTIONS = 1, ///< Institutions in view have it as their parent
  HAS_NATIONALS = 2,    ///< Institutions or officials in view are of it
};

enum { LEGEND_CLASSES = 3 }; ///< Classes a legend entry names

typedef struct {
  LGraph *lg;
  Agraph_t *root;
  Agraph_t **clusters; ///< Per node: its cluster (or, nested too
                       ///< deep, the one its members join), or NULL
  uint8_t *depths;     ///< Per node with a cluster: how deep it is
  uint32_t *chain;     ///< cluster_for()'s walk up
  size_t cap_chain;
  Agnode_t **gv_nodes;    ///< Per node in view
  unsigned char *members; ///< Per node: HAS_INSTITUTIONS | HAS_NATIONALS
  uint32_t *visible;      ///< The edges drawn, in order
  size_t n_visible;
  EntBuf scratch;
  unsigned n_clusters;
  bool used_kinds[KIND_COUNT_];
  /// The classes drawn as each kind, the first LEGEND_CLASSES of them
  /// (NULL: a node with none), and whether there were more: the legend
  /// names them all, not the first one drawn.
  const char *kind_classes[KIND_COUNT_][LEGEND_CLASSES];
  unsigned char n_kind_classes[KIND_COUNT_];
  bool kind_more[KIND_COUNT_];
  const char *engine; ///< Graphviz layout engine (layout_engine())
  bool spread;        ///< The engine does not draw clusters
} Drawing;

/// Which nodes have members in view (has_cluster_members()): one pass
/// over the nodes, not one per cluster.
static void
find_cluster_members(Drawing *d)
{
  const LGraph *lg = d->lg;
  for (uint32_t i = 0; i < lg->n_nodes; ++i) {
    const LNode *n = &lg->nodes[i];
    if (!n->in_view) {
      continue;
    }
    if (n->kind == KIND_INSTITUTION && n->parent != ENT_NO_ENTITY &&
        n->parent != i) {
      d->members[n->parent] |= HAS_INSTITUTIONS;
    }
    if ((n->kind == KIND_INSTITUTION || n->kind == KIND_OFFICIAL) &&
        n->country != ENT_NO_ENTITY && n->country != i) {
      d->members[n->country] |= HAS_NATIONALS;
    }
  }
}

/// Whether `node` gets a cluster: a country with institutions or officials
/// of its own in view, or an institution with institutions under it.
static bool
has_cluster_members(const Drawing *d, uint32_t node)
{
  const bool country = d->lg->nodes[node].kind == KIND_COUNTRY;
  return (d->members[node] & HAS_INSTITUTIONS) ||
         (country && (d->members[node] & HAS_NATIONALS));
}

/// The cluster of `node` (a country or an institution with institutions
/// in it), made on first use inside the cluster it belongs to, with those
/// it belongs to first.  At most MAX_CLUSTER_DEPTH nest, counted from the
/// top: a deeper one's members go into the deepest (lgraph.c's
/// cluster_says() counts the same way).  lgraph_finish() broke cycles of
/// parents, so the walk up ends; it is a loop, not a recursion, since a
/// chain of parents may be as long as the input.
static Agraph_t *
cluster_for(Drawing *d, uint32_t node)
{
  if (d->clusters[node]) {
    return d->clusters[node];
  }
  // Up to the first container made already, or the top.
  size_t n = 0;
  uint32_t top = node;
  for (;;) {
    if (ent_grow(&d->chain, &d->cap_chain, n, sizeof(uint32_t), 16)) {
      return NULL;
    }
    d->chain[n++] = top;
    top = lgraph_container(d->lg, top, true);
    if (n > d->lg->n_nodes) {
      top = ENT_NO_ENTITY; // a cycle after all: never, but never a hang
    }
    if (top == ENT_NO_ENTITY || d->clusters[top]) {
      break;
    }
  }
  Agraph_t *parent = top == ENT_NO_ENTITY ? d->root : d->clusters[top];
  unsigned depth = top == ENT_NO_ENTITY ? 0 : d->depths[top];
  while (n) {
    const uint32_t v = d->chain[--n];
    if (depth < MAX_CLUSTER_DEPTH) {
      char name[32];
      snprintf(name, sizeof(name), "cluster_%u", d->n_clusters++);
      Agraph_t *c = agsubg(parent, name, 1);
      if (!c) {
        return NULL;
      }
      const LNode *ln = &d->lg->nodes[v];
      set_text(c, "label", ln->label, &d->scratch);
      set_attr(c, "style", "rounded,filled");
      set_attr(
        c, "fillcolor", ln->kind == KIND_COUNTRY ? "#fffbea" : "#f1f8ee");
      set_attr(c, "color", ln->kind == KIND_COUNTRY ? "#e0c060" : "#93c47d");
      parent = c;
      ++depth;
    }
    d->clusters[v] = parent; // too deep: its members join the deepest
    d->depths[v] = (uint8_t)depth;
  }
  return parent;
}

/// Where `node` goes: the innermost cluster that contains it (NULL: out of
/// memory).
static Agraph_t *
container_of(Drawing *d, uint32_t node)
{
  // Officials stand with their country; institutions inside their parent
  // institution, else inside their country.
  const uint32_t container = lgraph_container(d->lg, node, true);
  return container == ENT_NO_ENTITY ? d->root : cluster_for(d, container);
}

/// Longest line of a node's facets, in columns, before the next facet
/// goes on a line of its own: in one line, a negotiation's days, formats,
/// states and places made its node as wide as a page, and a diagram
/// fitted to a page's width unreadable.
#define FACET_LINE 50

/// Columns `text[0..len)` takes: a Chinese or Japanese character two, a
/// combining accent none (utf8proc's widths, as a terminal's).
static size_t
columns(const char *text, size_t len)
{
  size_t n = 0;
  for (size_t i = 0; i < len;) {
    utf8proc_int32_t c = 0;
    const utf8proc_ssize_t step = utf8proc_iterate(
      (const utf8proc_uint8_t *)text + i, (utf8proc_ssize_t)(len - i), &c);
    if (step <= 0) {
      ++n; // not UTF-8 (drawable text is): a byte a column
      ++i;
      continue;
    }
    const int width = utf8proc_charwidth(c);
    n += width > 0 ? (size_t)width : 0;
    i += (size_t)step;
  }
  return n;
}

/// The first `sep` (`sep_len` bytes) in `p[0..stop)`, or NULL.  Not
/// memmem(): sanitizers check its whole haystack on every call, and a
/// name of a hundred megabytes has millions of pieces.
static const char *
find_sep(const char *p, const char *stop, const char *sep, size_t sep_len)
{
  while ((size_t)(stop - p) >= sep_len) {
    const char *at = memchr(p, sep[0], (size_t)(stop - p) - sep_len + 1);
    if (!at || !memcmp(at, sep, sep_len)) {
      return at;
    }
    p = at + 1;
  }
  return NULL;
}

/// `text[0..len)`, pieces joined by `sep`, into `out`: a line break in
/// place of the separator before each piece that would take its line past
/// `width` columns (a piece is never cut).  Every piece, empty ones too: a
/// separator the text itself begins or ends with is kept.
static EntStatus
wrap_pieces(EntBuf *out,
            const char *text,
            size_t len,
            const char *sep,
            size_t width)
{
  const size_t sep_len = strlen(sep);
  const size_t sep_columns = columns(sep, sep_len);
  const char *stop = text + len;
  EntStatus st = ENT_SUCCESS;
  size_t line = 0;
  for (const char *p = text;;) {
    const char *end = find_sep(p, stop, sep, sep_len);
    const size_t n = end ? (size_t)(end - p) : (size_t)(stop - p);
    const size_t chars = columns(p, n);
    if (p != text && line && line + sep_columns + chars > width) {
      TRY(st, ent_buf_append(out, "\n", 1));
      line = 0;
    } else if (p != text) {
      TRY(st, ent_buf_append(out, sep, sep_len));
      line += sep_columns;
    }
    TRY(st, ent_buf_append(out, p, n));
    line += chars;
    if (!end) {
      break;
    }
    p = end + sep_len;
  }
  return st;
}

/// `facets` ("a · b · c", as lgraph's append_facet() joins them) into
/// `out`, a line break before each facet that would take its line past
/// FACET_LINE columns.
static EntStatus
wrap_facets(EntBuf *out, const char *facets)
{
  return wrap_pieces(out, facets, strlen(facets), " \xC2\xB7 ", FACET_LINE);
}

/// Where entente's own words end the last line of `b` (its last `tail`
/// bytes, "+3 more") or follow it (" (+2 other names)", `tail` 0) and the
/// line holds right-to-left text: a left-to-right mark at the line's start
/// and before those words.  Otherwise the text sets the line's direction,
/// and a number after it reads as its own: "(other names 2+) القاهرة",
/// "3+ · سائل more".  Names and values alone stay as they are.
static EntStatus
mark_words_ltr(EntBuf *b, size_t tail)
{
  if (!b->buf || !b->len || tail > b->len) {
    return ENT_SUCCESS;
  }
  size_t start = b->len;
  while (start && b->buf[start - 1] != '\n') {
    --start;
  }
  if (!ent_has_rtl(b->buf + start, b->len - start)) {
    return ENT_SUCCESS;
  }
  static const char lrm[] = "\xE2\x80\x8E"; // U+200E LEFT-TO-RIGHT MARK
  const size_t words = b->len - tail;
  EntBuf out = { NULL, 0, 0 };
  EntStatus st = ent_buf_append(&out, b->buf, start);
  st = st ? st : ent_buf_append(&out, lrm, sizeof(lrm) - 1);
  st = st ? st : ent_buf_append(&out, b->buf + start, words - start);
  st = st ? st : ent_buf_append(&out, lrm, sizeof(lrm) - 1);
  st = st ? st : ent_buf_append(&out, b->buf + words, tail);
  if (st) {
    ent_buf_free(&out);
    return st;
  }
  ent_buf_free(b);
  *b = out;
  return ENT_SUCCESS;
}

/// Longest name left on one line: a 300-character title made a drawing as
/// wide as five pages.  A longer one is broken into lines of about equal
/// length, none much over NAME_LINE columns (a name of 90 into two of 45,
/// not one of 60 and a stray word).
#define NAME_MAX_LINE 80
#define NAME_LINE     60
/// Most characters on a line, whatever their width: Thai's vowels and tone
/// marks take none, and a label line of more is cut (LABEL_MAX_LINE).
#define NAME_MAX_CHARS 160
/// Most lines a name is drawn in; the rest is said by "…" (the tooltip
/// has it all): a name of thousands of words made a node a page tall.
#define NAME_MAX_LINES 6

/// Characters (code points) in `p[0..len)`.
static size_t
count_chars(const char *p, size_t len)
{
  size_t n = 0;
  for (size_t i = 0; i < len; ++i) {
    n += !is_continuation_byte(p[i]);
  }
  return n;
}

/// Whether `c` may not start a line (Japanese kinsoku): punctuation that
/// closes or ends something ("、", "。", "」"), the long vowel mark "ー"
/// and iteration marks (modifier letters), small kana, and the
/// ideographic space.
static bool
never_starts_line(utf8proc_int32_t c)
{
  const utf8proc_category_t cat = utf8proc_category(c);
  if (cat == UTF8PROC_CATEGORY_PE || cat == UTF8PROC_CATEGORY_PF ||
      cat == UTF8PROC_CATEGORY_PO || cat == UTF8PROC_CATEGORY_LM ||
      c == 0x3000) {
    return true;
  }
  static const utf8proc_int32_t small_kana[] = {
    0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x3063, 0x3083, 0x3085,
    0x3087, 0x308E, 0x3095, 0x3096, 0x30A1, 0x30A3, 0x30A5, 0x30A7,
    0x30A9, 0x30C3, 0x30E3, 0x30E5, 0x30E7, 0x30EE, 0x30F5, 0x30F6,
  };
  for (size_t i = 0; i < sizeof(small_kana) / sizeof(*small_kana); ++i) {
    if (c == small_kana[i]) {
      return true;
    }
  }
  return (c >= 0x31F0 && c <= 0x31FF) || (c >= 0xFF67 && c <= 0xFF70);
}

/// Whether a line may break between `prev` and `c`, which follow each other
/// with no space between, at a grapheme cluster's end: where either is
/// wide (Chinese and Japanese write words without spaces; each character
/// is a place to break), unless both are Hangul, `c` may not start a line
/// or `prev`, an opening bracket or quote, may not end one.
/// Hangul: Korean puts spaces between words, and breaks a line at them,
/// not inside a word (a wide character all the same).
static bool
is_hangul(utf8proc_int32_t c)
{
  return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) ||
         (c >= 0x3130 && c <= 0x318F) || (c >= 0xA960 && c <= 0xA97F) ||
         (c >= 0xD7B0 && c <= 0xD7FF);
}

static bool
breaks_between(utf8proc_int32_t prev, utf8proc_int32_t c)
{
  if ((utf8proc_charwidth(prev) < 2 && utf8proc_charwidth(c) < 2) ||
      (is_hangul(prev) && is_hangul(c))) {
    return false;
  }
  const utf8proc_category_t before = utf8proc_category(prev);
  return !never_starts_line(c) && before != UTF8PROC_CATEGORY_PS &&
         before != UTF8PROC_CATEGORY_PI;
}

/// One line of a name, `p[0..len)`, into `out`, broken greedily into lines
/// of at most `width` columns: at a space (which the break replaces), or
/// between wide characters (breaks_between()).  A run with neither is cut
/// past NAME_MAX_LINE columns or NAME_MAX_CHARS characters (a word is not
/// split, but a line of Thai or a long IRI is not left a page wide);
/// never inside a grapheme cluster (an emoji sequence, a flag, a letter
/// and its marks).  `*lines` counts the lines ended; at NAME_MAX_LINES
/// the rest is "…" and `*cut` is set.
static EntStatus
wrap_name_line(EntBuf *out,
               const char *p,
               size_t len,
               size_t width,
               size_t *lines,
               bool *cut)
{
  EntStatus st = ENT_SUCCESS;
  size_t start = 0;    // of the line being filled
  size_t line = 0;     // its columns
  size_t chars = 0;    // its characters
  size_t brk = 0;      // the last place it may break (0: none yet)
  size_t brk_skip = 0; // bytes the break drops there (a space)
  utf8proc_int32_t prev = -1;
  utf8proc_int32_t state = 0; // of utf8proc's grapheme breaking
  for (size_t i = 0; i < len;) {
    utf8proc_int32_t c = 0;
    utf8proc_ssize_t step = utf8proc_iterate(
      (const utf8proc_uint8_t *)p + i, (utf8proc_ssize_t)(len - i), &c);
    if (step <= 0) {
      step = 1; // not UTF-8 (drawable text is): a byte a column
      c = -1;
    }
    const bool boundary =
      prev < 0 || c < 0 || utf8proc_grapheme_break_stateful(prev, c, &state);
    if (c < 0) {
      state = 0;
    }
    const int cw = c >= 0 ? utf8proc_charwidth(c) : 1;
    const size_t w = cw > 0 ? (size_t)cw : 0;
    if (boundary && c != ' ' && i > start && prev >= 0 && c >= 0 &&
        prev != ' ' && breaks_between(prev, c)) {
      brk = i;
      brk_skip = 0;
    }
    const bool over = line && line + w > width && c != ' ';
    const bool at_break = over && brk > start;
    const bool too_long =
      line && (line + w > NAME_MAX_LINE || chars >= NAME_MAX_CHARS) &&
      c != ' ' && boundary;
    if (at_break || too_long) {
      const size_t end = at_break ? brk : i;
      TRY(st, ent_buf_append(out, p + start, end - start));
      if (++*lines == NAME_MAX_LINES) {
        *cut = true;
        return ent_buf_append(out, "\xE2\x80\xA6", 3); // "…"
      }
      TRY(st, ent_buf_append(out, "\n", 1));
      start = at_break ? brk + brk_skip : i;
      line = columns(p + start, i - start);
      chars = count_chars(p + start, i - start);
      brk = 0;
    }
    if (c == ' ' && i > start) {
      brk = i;
      brk_skip = 1;
    }
    line += w;
    ++chars;
    prev = c;
    i += (size_t)step;
  }
  return ent_buf_append(out, p + start, len - start);
}

EntStatus
lgraph_wrap_name(EntBuf *out, const char *name, bool *cut)
{
  EntStatus st = ENT_SUCCESS;
  size_t lines = 0; // ended so far
  *cut = false;
  for (const char *p = name; !st && !*cut;) {
    const char *eol = strchr(p, '\n');
    const size_t len = eol ? (size_t)(eol - p) : strlen(p);
    const size_t cols = columns(p, len);
    if (cols > NAME_MAX_LINE || count_chars(p, len) > NAME_MAX_CHARS) {
      const size_t parts = (cols + NAME_LINE - 1) / NAME_LINE;
      size_t width = parts ? (cols + parts - 1) / parts : NAME_LINE;
      // Wide characters take two columns: an odd width left one of them
      // alone on the last line ("漢" × 41 in 20, 20 and 1).
      width += cols > count_chars(p, len) && width % 2;
      st = wrap_name_line(out, p, len, width, &lines, cut);
    } else {
      st = ent_buf_append(out, p, len);
    }
    if (!eol || st || *cut) {
      break;
    }
    p = eol + 1;
    if (++lines == NAME_MAX_LINES) {
      // More follows only if it is more than line breaks.
      *cut = p[strspn(p, "\n")] != '\0';
      st = *cut ? ent_buf_append(out, "\xE2\x80\xA6", 3) : ENT_SUCCESS;
      break;
    }
    st = ent_buf_append(out, "\n", 1);
  }
  return st;
}

static EntStatus
draw_node(Drawing *d, uint32_t i, char *name)
{
  LGraph *lg = d->lg;
  const LNode *n = &lg->nodes[i];
  const KindStyle *style = lgraph_kind_style(n->kind);
  Agraph_t *home = d->root;
  if (n->kind == KIND_INSTITUTION || n->kind == KIND_COUNTRY) {
    home = has_cluster_members(d, i) ? cluster_for(d, i) : container_of(d, i);
  } else if (n->kind == KIND_OFFICIAL) {
    home = container_of(d, i);
  }
  if (!home) {
    return ENT_ERR_NO_MEMORY;
  }
  Agnode_t *node = agnode(home, name, 1);
  if (!node) {
    return ENT_ERR_INTERNAL;
  }
  d->gv_nodes[i] = node;
  d->used_kinds[n->kind] = true;
  {
    size_t c = 0;
    const unsigned char n_classes = d->n_kind_classes[n->kind];
    while (c < n_classes &&
           !(d->kind_classes[n->kind][c] == n->class_iri ||
             (d->kind_classes[n->kind][c] && n->class_iri &&
              !strcmp(d->kind_classes[n->kind][c], n->class_iri)))) {
      ++c;
    }
    if (c == n_classes && n_classes < LEGEND_CLASSES) {
      d->kind_classes[n->kind][d->n_kind_classes[n->kind]++] = n->class_iri;
    } else if (c == n_classes) {
      d->kind_more[n->kind] = true;
    }
  }
  EntStatus st = ENT_SUCCESS;
  ent_buf_reset(&d->scratch);
  EntBuf name_lines = { NULL, 0, 0 };
  bool name_cut = false;
  st = lgraph_wrap_name(&name_lines, n->label, &name_cut);
  char others[48];
  const char *other_names = lgraph_other_names(n, others);
  if (!st && *other_names) {
    st = mark_words_ltr(&name_lines, 0);
  }
  if (!st) {
    st =
      append_escaped(&d->scratch, name_lines.buf ? name_lines.buf : "", true);
  }
  ent_buf_free(&name_lines);
  TRY(st, st);
  TRY(st, ent_buf_append(&d->scratch, other_names, strlen(other_names)));
  if (n->facets && n->card) {
    // A source's card in the compare view: its claims, one per line,
    // left-aligned under its title.
    TRY(st, ent_buf_append(&d->scratch, "\\n", 2));
    TRY(st, append_escaped_lines(&d->scratch, n->facets, true, "\\l"));
    TRY(st, ent_buf_append(&d->scratch, "\\l", 2));
  } else if (n->facets) {
    TRY(st, ent_buf_append(&d->scratch, "\\n", 2));
    EntBuf wrapped = { NULL, 0, 0 };
    st = wrap_facets(&wrapped, n->facets);
    if (!st && n->facets_left) {
      // It ends "+N more" (say_facets_left()).
      char more[32];
      const int len =
        snprintf(more, sizeof(more), "+%u more", (unsigned)n->facets_left);
      if (len > 0 && wrapped.len >= (size_t)len &&
          !memcmp(wrapped.buf + wrapped.len - (size_t)len, more, (size_t)len)) {
        st = mark_words_ltr(&wrapped, (size_t)len);
      }
    }
    if (!st) {
      st = append_escaped(&d->scratch, wrapped.buf ? wrapped.buf : "", true);
    }
    ent_buf_free(&wrapped);
    TRY(st, st);
  }
  TRY(st, set_attr(node, "label", d->scratch.buf ? d->scratch.buf : ""));
  TRY(st, set_attr(node, "shape", style->shape));
  TRY(st, set_attr(node, "style", style->style));
  TRY(st, set_attr(node, "fillcolor", style->fill));
  if (i == lg->ego_root) {
    // The node the ego view is around: a double, heavier outline.
    TRY(st, set_attr(node, "peripheries", "2"));
    TRY(st, set_attr(node, "penwidth", "2"));
  }
  const char *tooltip = n->tooltip ? n->tooltip : n->iri;
  EntBuf axioms = { NULL, 0, 0 };
  if (d->lg->pairwise && d->lg->pairwise[i]) {
    // Symmetric axioms folded off the edges (fold_pairwise()).
    st = ent_buf_appendf(&axioms, "%s\n%s", tooltip, d->lg->pairwise[i]);
    tooltip = axioms.buf;
  }
  if (st) {
    ent_buf_free(&axioms);
    return st;
  }
  const char *all_facets = lgraph_all_facets(d->lg, i);
  if (name_cut || label_is_capped(n->label) || all_facets ||
      (n->facets && label_is_capped(n->facets))) {
    // What the label leaves out is read in the tooltip: the whole name,
    // every line.
    const char *facets = all_facets ? all_facets : n->facets;
    ent_buf_reset(&d->scratch);
    EntBuf full = { NULL, 0, 0 };
    st = ent_buf_appendf(&full,
                         "%s%s%s\n%s",
                         n->label,
                         facets ? "\n" : "",
                         facets ? facets : "",
                         tooltip);
    if (!st) {
      st = set_text(node, "tooltip", full.buf, &d->scratch);
    }
    ent_buf_free(&full);
  } else {
    st = set_text(node, "tooltip", tooltip, &d->scratch);
  }
  ent_buf_free(&axioms);
  TRY(st, st);
  // Links only to web IRIs that passed the IRI check: never javascript:,
  // file: or anything else the input may carry.  Its page (schema:url)
  // first: an article's IRI names it, its URL is where it is read.
  const char *page = lgraph_page(d->lg, i);
  const char *href = d->lg->link ? d->lg->link(d->lg->link_handle, n->iri)
                     : page && is_web_iri(page) ? page
                     : is_web_iri(n->iri)       ? n->iri
                                                : NULL;
  if (href) {
    TRY(st, set_text(node, "URL", href, &d->scratch));
  }
  return ENT_SUCCESS;
}

/// A line of the legend in Graphviz's style `style`, drawn with box
/// characters (an HTML-like label has no lines of its own).
static const char *
line_sample(const char *style)
{
  return !strcmp(style, "dotted")   ? "┈┈┈┈┈┈┈┈▶"
         : !strcmp(style, "dashed") ? "╌╌╌╌╌╌╌╌▶"
         : !strcmp(style, "bold")   ? "━━━━━━━━▶"
                                    : "────────▶";
}

/// Append `text` to an HTML-like label: XML's special characters as
/// entities (libxml2), a tab or line break as a space (an entry is one
/// line), other control characters as U+FFFD (Graphviz's parser refuses
/// them), cut after `max` characters with "…".
static EntStatus
append_html(EntBuf *b, const char *text, size_t max)
{
  // Before escaping: libxml2 writes a carriage return as "&#13;".
  char *flat = strdup(text);
  if (!flat) {
    return ENT_ERR_NO_MEMORY;
  }
  for (char *c = flat; *c; ++c) {
    *c = *c == '\t' || *c == '\n' || *c == '\r' ? ' ' : *c;
  }
  xmlChar *escaped = xmlEncodeSpecialChars(NULL, (const xmlChar *)flat);
  free(flat);
  if (!escaped) {
    return ENT_ERR_NO_MEMORY;
  }
  EntStatus st = ENT_SUCCESS;
  size_t chars = 0;
  bool in_entity = false;
  for (const char *p = (const char *)escaped; *p && !st; ++p) {
    // An entity (&amp;) is one character, counted at its '&' and never
    // cut; a byte that continues a UTF-8 character is not one.
    const bool counts = !in_entity && !is_continuation_byte(*p);
    in_entity = in_entity ? *p != ';' : *p == '&';
    if (counts && ++chars > max) {
      st = ent_buf_append(b, "…", strlen("…"));
      break;
    }
    st = (unsigned char)*p < 0x20 ? ent_buf_append(b, "\xEF\xBF\xBD", 3)
                                  : ent_buf_append(b, p, 1);
  }
  xmlFree(escaped);
  return st;
}

/// For an engine that does not draw clusters (sfdp, neato...): the
/// legend's entries, which its frame would hold together, are tied in a
/// chain of short invisible edges under a "Legend" title, so that they are
/// laid out side by side rather than strewn over the drawing.
static EntStatus
keep_legend_together(Agraph_t *legend)
{
  Agnode_t *title = agnode(legend, mut("legend_title"), 1);
  if (!title) {
    return ENT_ERR_INTERNAL;
  }
  EntStatus st = ENT_SUCCESS;
  TRY(st, set_attr(title, "label", "Legend"));
  TRY(st, set_attr(title, "shape", "plaintext"));
  Agnode_t *last = title;
  for (Agnode_t *n = agfstnode(legend); n && !st; n = agnxtnode(legend, n)) {
    if (n == title) {
      continue;
    }
    Agedge_t *tie = agedge(legend, last, n, NULL, 1);
    st = tie ? set_attr(tie, "style", "invis") : ENT_ERR_INTERNAL;
    if (!st) {
      st = set_attr(tie, "len", "0.4");
    }
    if (!st) {
      st = set_attr(tie, "weight", "10");
    }
    last = n;
  }
  return st;
}

/// A legend of the kinds and relations actually drawn.
static EntStatus
draw_legend(Drawing *d)
{
  LGraph *lg = d->lg;
  Agraph_t *legend = agsubg(d->root, mut("cluster_legend"), 1);
  if (!legend) {
    return ENT_ERR_INTERNAL;
  }
  EntStatus st = ENT_SUCCESS;
  TRY(st, set_attr(legend, "label", "Legend"));
  TRY(st, set_attr(legend, "style", "rounded"));
  TRY(st, set_attr(legend, "color", "#999999"));
  for (int k = 0; k < KIND_COUNT_; ++k) {
    if (!d->used_kinds[k]) {
      continue;
    }
    const KindStyle *style = lgraph_kind_style((Kind)k);
    char name[32];
    snprintf(name, sizeof(name), "legend_%d", k);
    Agnode_t *node = agnode(legend, name, 1);
    if (!node) {
      return ENT_ERR_INTERNAL;
    }
    // entente's own classes by their names; anyone else's as the graph
    // names it (wd:Q5 "human") or as a prefixed name (foaf:Person), since
    // its style is only borrowed; every class drawn so, each name once.
    EntBuf titles = { NULL, 0, 0 };
    const char *names[LEGEND_CLASSES];
    size_t n_names = 0;
    for (size_t c = 0; c < d->n_kind_classes[k]; ++c) {
      const char *cls = d->kind_classes[k][c];
      const char *class_name = !cls || !strncmp(cls, ENT_NS, sizeof(ENT_NS) - 1)
                                 ? style->name
                                 : lgraph_class_name(lg, cls);
      size_t seen = 0;
      while (seen < n_names && strcmp(names[seen], class_name) != 0) {
        ++seen;
      }
      if (seen == n_names) {
        names[n_names++] = class_name;
        st = st
               ? st
               : ent_buf_appendf(&titles, "%s%s", seen ? ", " : "", class_name);
      }
    }
    if (!st && d->kind_more[k]) {
      st = ent_buf_appendf(&titles, ", \xE2\x80\xA6");
    }
    const char *title = titles.buf ? titles.buf : style->name;
    st = st ? st : set_text(node, "label", title, &d->scratch);
    st = st ? st : set_attr(node, "shape", style->shape);
    st = st ? st : set_attr(node, "style", style->style);
    st = st ? st : set_attr(node, "fillcolor", style->fill);
    st = st ? st : set_text(node, "tooltip", title, &d->scratch);
    ent_buf_free(&titles);
    TRY(st, st);
  }
  // Per family of relations drawn, a line in its colour and style and the
  // relations it stands for: the legend says what each line means.  One
  // table, not a sample edge per family: an edge spans two ranks, as wide
  // as the widest nodes of the drawing in them (a third of a small
  // drawing's width went to the legend).
  EntBuf rows = { NULL, 0, 0 };
  size_t n_styles = 0;
  const EdgeStyle *styles = lgraph_edge_styles(&n_styles);
  for (size_t f = 0; f < n_styles && !st; ++f) {
    EntBuf names = { NULL, 0, 0 };
    size_t line_start = 0; // the list is wrapped, not one line a page wide
    size_t n_names = 0;
    size_t more = 0;
    EntMap seen;
    ent_map_init(&seen);
    for (size_t i = 0; i < d->n_visible && !st; ++i) {
      const LEdge *e = &lg->edges[d->visible[i]];
      if (lgraph_edge_style(e->predicate) != f) {
        continue;
      }
      const char *name = lgraph_edge_name(lg, e);
      if (ent_map_get(&seen, name)) {
        continue;
      }
      st = ent_map_put(&seen, name, (void *)(uintptr_t)1);
      if (n_names == LEGEND_NAMES) {
        ++more;
        continue;
      }
      ++n_names;
      const size_t len = strlen(name);
      const bool wrap = names.len && names.len - line_start + len > LEGEND_LINE;
      if (!st && wrap) {
        st = ent_buf_append(&names, ",<BR/>", 6);
        line_start = names.len;
      } else if (!st && names.len) {
        st = ent_buf_append(&names, ", ", 2);
      }
      if (!st) {
        st = append_html(&names, name, LEGEND_LINE);
      }
    }
    ent_map_clear(&seen);
    if (!st && more) {
      st = ent_buf_appendf(&names, ",<BR/>and %zu more", more);
    }
    if (!st && names.len) {
      st = ent_buf_appendf(
        &rows,
        "<TR><TD ALIGN=\"LEFT\" VALIGN=\"TOP\"><FONT COLOR=\"%s\">%s"
        "</FONT></TD><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT COLOR=\"%s\" "
        "POINT-SIZE=\"8\">%s:<BR/>%s</FONT></TD></TR>",
        styles[f].color,
        line_sample(styles[f].style),
        styles[f].color,
        styles[f].name,
        names.buf);
    }
    ent_buf_free(&names);
  }
  if (!st && rows.len) {
    Agnode_t *table = agnode(legend, mut("legend_relations"), 1);
    st = table ? ENT_SUCCESS : ENT_ERR_INTERNAL;
    EntBuf html = { NULL, 0, 0 };
    if (!st) {
      st = ent_buf_appendf(&html,
                           "<TABLE BORDER=\"0\" CELLBORDER=\"0\" "
                           "CELLSPACING=\"0\" CELLPADDING=\"2\">%s</TABLE>",
                           rows.buf);
    }
    char *label = st ? NULL : agstrdup_html(d->root, html.buf);
    ent_buf_free(&html);
    if (!st) {
      st = label ? set_attr(table, "label", label) : ENT_ERR_NO_MEMORY;
      agstrfree(d->root, label);
    }
    if (!st) {
      st = set_attr(table, "shape", "plaintext");
    }
    if (!st) {
      st = set_attr(table, "margin", "0");
    }
  }
  ent_buf_free(&rows);
  if (!st && d->spread) {
    st = keep_legend_together(legend);
  }
  return st;
}

static int
by_date(const void *a, const void *b)
{
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/// The rank (subgraph of one date's column) of `date`, or NULL: the
/// dates are sorted and unique.
static Agraph_t *
rank_of(Agraph_t *root, const char *const *dates, size_t n, const char *date)
{
  size_t lo = 0;
  size_t hi = n;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    const int c = strcmp(dates[mid], date);
    if (!c) {
      char name[48];
      snprintf(name, sizeof(name), "rank_%zu", mid);
      return agsubg(root, name, 0);
    }
    if (c < 0) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return NULL;
}

/// The timeline: one column per date, in order, each node beside its
/// date.  A node known only to lie in a window stands in the column of
/// its first day, with a bar to the column of its last: a window, never a
/// bare date.
static EntStatus
draw_timeline(Drawing *d)
{
  LGraph *lg = d->lg;
  const char **dates = malloc((2 * lg->n_nodes + 1) * sizeof(char *));
  if (!dates) {
    return ENT_ERR_NO_MEMORY;
  }
  size_t n_dates = 0;
  for (size_t i = 0; i < lg->n_nodes; ++i) {
    const LNode *n = &lg->nodes[i];
    if (n->in_view && n->date) {
      dates[n_dates++] = n->date;
      if (n->window && n->not_after && strcmp(n->not_after, n->date) > 0) {
        dates[n_dates++] = n->not_after;
      }
    }
  }
  if (n_dates > 1) {
    qsort(dates, n_dates, sizeof(char *), by_date);
  }
  size_t n_unique = 0;
  for (size_t k = 0; k < n_dates; ++k) {
    if (!k || strcmp(dates[k], dates[k - 1]) != 0) {
      dates[n_unique++] = dates[k];
    }
  }
  EntStatus st = ENT_SUCCESS;
  Agnode_t *previous = NULL;
  for (size_t k = 0; k < n_unique && !st; ++k) {
    char name[48];
    snprintf(name, sizeof(name), "rank_%zu", k);
    Agraph_t *rank = agsubg(d->root, name, 1);
    snprintf(name, sizeof(name), "date_%zu", k);
    Agnode_t *day = rank ? agnode(rank, name, 1) : NULL;
    if (!day) {
      st = ENT_ERR_INTERNAL;
      break;
    }
    st = set_attr(rank, "rank", "same");
    if (!st) {
      st = set_attr(day, "label", dates[k]);
    }
    if (!st) {
      st = set_attr(day, "shape", "box");
    }
    if (!st) {
      st = set_attr(day, "style", "bold");
    }
    if (!st && previous) {
      Agedge_t *e = agedge(d->root, previous, day, NULL, 1);
      st = e ? set_attr(e, "style", "bold") : ENT_ERR_INTERNAL;
    }
    previous = day;
  }
  for (size_t i = 0; i < lg->n_nodes && !st; ++i) {
    const LNode *n = &lg->nodes[i];
    if (!d->gv_nodes[i] || !n->date) {
      continue;
    }
    Agraph_t *rank = rank_of(d->root, dates, n_unique, n->date);
    if (rank) {
      agsubnode(rank, d->gv_nodes[i], 1);
    }
    if (!n->window || !n->not_after || strcmp(n->not_after, n->date) <= 0) {
      continue;
    }
    // The window's end: a mark in the column of its last day, joined to
    // the node by a bar.
    Agraph_t *end_rank = rank_of(d->root, dates, n_unique, n->not_after);
    char name[64];
    snprintf(name, sizeof(name), "window_end_%zu", i);
    Agnode_t *end = end_rank ? agnode(end_rank, name, 1) : NULL;
    Agedge_t *bar = end ? agedge(d->root, d->gv_nodes[i], end, NULL, 1) : NULL;
    st = bar ? ENT_SUCCESS : ENT_ERR_INTERNAL;
    if (!st) {
      st = set_attr(end, "shape", "larrow");
    }
    if (!st) {
      st = set_attr(end, "label", "");
    }
    if (!st) {
      st = set_attr(end, "width", "0.3");
    }
    if (!st) {
      st = set_attr(end, "height", "0.2");
    }
    if (!st) {
      st = set_attr(end, "style", "filled");
    }
    if (!st) {
      st = set_attr(end, "fillcolor", "#bbbbbb");
    }
    if (!st) {
      st = set_text(end, "tooltip", "end of the window", &d->scratch);
    }
    if (!st) {
      st = set_attr(bar, "penwidth", "4");
    }
    if (!st) {
      st = set_attr(bar, "color", "#bbbbbbaa");
    }
    if (!st) {
      st = set_attr(bar, "arrowhead", "none");
    }
    if (!st) {
      st = set_text(bar, "label", "some day in this window", &d->scratch);
    }
  }
  free(dates);
  return st;
}

static EntStatus
build(Drawing *d, const EntDiagramOptions *options)
{
  LGraph *lg = d->lg;
  Agraph_t *g = d->root;
  const bool timeline =
    options && options->view && !strcmp(options->view, "timeline");
  EntStatus st = ENT_SUCCESS;
  TRY(st, set_attr(g, "charset", "UTF-8"));
  TRY(st, set_attr(g, "rankdir", "LR"));
  TRY(st, set_attr(g, "fontname", "Helvetica"));
  TRY(st, set_attr(g, "fontsize", "12"));
  TRY(st, set_attr(g, "nodesep", "0.3"));
  TRY(st, set_attr(g, "ranksep", timeline ? "0.6" : "1.0"));
  TRY(st, set_attr(g, "overlap", "prism"));
  TRY(st, set_attr(g, "outputorder", "edgesfirst"));
  if (strcmp(d->engine, "dot") != 0) {
    // So that `dot -Tsvg` of the DOT file lays it out as entente did.
    TRY(st, set_attr(g, "layout", d->engine));
  }
  // Graphviz's own default, declared so that an empty label is written as
  // label="" rather than left to default to the node's name.
  Agsym_t *label = agattr(g, AGNODE, mut("label"), mut("\\N"));
  Agsym_t *font = agattr(g, AGNODE, mut("fontname"), mut("Helvetica"));
  Agsym_t *size = agattr(g, AGNODE, mut("fontsize"), mut("10"));
  Agsym_t *efont = agattr(g, AGEDGE, mut("fontname"), mut("Helvetica"));
  Agsym_t *esize = agattr(g, AGEDGE, mut("fontsize"), mut("8"));
  Agsym_t *ecolor = agattr(g, AGEDGE, mut("color"), mut("#777777"));
  Agsym_t *efcolor = agattr(g, AGEDGE, mut("fontcolor"), mut("#555555"));
  if (!label || !font || !size || !efont || !esize || !ecolor || !efcolor) {
    return ENT_ERR_INTERNAL;
  }
  char name[32];
  find_cluster_members(d);
  for (uint32_t i = 0; i < lg->n_nodes; ++i) {
    TRY(st, lgraph_tick(lg));
    if (lg->nodes[i].in_view) {
      snprintf(name, sizeof(name), "n%u", i);
      TRY(st, draw_node(d, i, name));
    }
  }
  TRY(st, lgraph_visible_edges(lg, d->visible, &d->n_visible));
  for (size_t v = 0; v < d->n_visible; ++v) {
    TRY(st, lgraph_tick(lg));
    const LEdge *e = &lg->edges[d->visible[v]];
    Agedge_t *edge =
      agedge(g, d->gv_nodes[e->from], d->gv_nodes[e->to], NULL, 1);
    if (!edge) {
      return ENT_ERR_INTERNAL;
    }
    if (e->n_graphs > 1) {
      // Said by several sources: how many, on the line itself.
      EntBuf counted = { NULL, 0, 0 };
      st = ent_buf_appendf(&counted, "%s (%u sources)", e->label, e->n_graphs);
      if (!st) {
        st = set_text(edge, "label", counted.buf, &d->scratch);
      }
      ent_buf_free(&counted);
      TRY(st, st);
    } else {
      TRY(st, set_text(edge, "label", e->label, &d->scratch));
    }
    size_t n_styles = 0;
    const EdgeStyle *style =
      &lgraph_edge_styles(&n_styles)[lgraph_edge_style(e->predicate)];
    TRY(st, set_attr(edge, "color", style->color));
    TRY(st, set_attr(edge, "fontcolor", style->color));
    if (strcmp(style->style, "solid") != 0) {
      TRY(st, set_attr(edge, "style", style->style));
    }
    if (timeline) {
      TRY(st, set_attr(edge, "constraint", "false"));
    }
  }
  if (lg->hidden_more) {
    Agnode_t *more = agnode(g, mut("more"), 1);
    snprintf(name, sizeof(name), "+%zu more", lg->hidden_more);
    if (!more) {
      return ENT_ERR_INTERNAL;
    }
    TRY(st, set_attr(more, "label", name));
    TRY(st, set_attr(more, "shape", "plaintext"));
    ent_buf_reset(&d->scratch);
    TRY(st, ent_buf_append(&d->scratch, "Not drawn: ", 11));
    TRY(st, lgraph_cap_note(lg, &d->scratch));
    TRY(st,
        ent_buf_appendf(
          &d->scratch, "; %sraise --max-nodes.", lgraph_narrower(lg)));
    TRY(st, set_attr(more, "tooltip", d->scratch.buf));
  }
  if (timeline) {
    TRY(st, draw_timeline(d));
  }
  if (!lg->no_legend) {
    TRY(st, draw_legend(d));
  }
  // The cap and the folded symmetric axioms, as the diagram's caption.
  // Last: a graph's label set on the root becomes the default of
  // subgraphs made after it.
  EntBuf note = { NULL, 0, 0 };
  if (lg->ego_root != ENT_NO_ENTITY && lg->nodes[lg->ego_root].label) {
    // Whose ego view this is: its root is drawn like its neighbours but
    // for a double outline.
    st = ent_buf_appendf(&note,
                         "Around %s, %u step%s out",
                         lg->nodes[lg->ego_root].label,
                         lg->asked_depth,
                         lg->asked_depth == 1 ? "" : "s");
  }
  if (!st && lg->hidden_more) {
    st = note.len ? ent_buf_append(&note, ". ", 2) : ENT_SUCCESS;
    const size_t at = note.len;
    st = st ? st : lgraph_cap_note(lg, &note);
    if (!st) {
      note.buf[at] = 'S'; // "Showing ..."
    }
  }
  if (!st) {
    st = lgraph_pairwise_note(lg, &note, "the nodes' tooltips");
  }
  if (!st && note.len) {
    if (!lg->hidden_more) {
      note.buf[0] = (char)toupper((unsigned char)note.buf[0]);
    }
    st = set_attr(g, "labelloc", "t");
    if (!st) {
      st = set_text(g, "label", note.buf, &d->scratch);
    }
  }
  ent_buf_free(&note);
  return st;
}

/// In a child: die with the parent (or now, if it is already gone), stop
/// a little after the `seconds` the diagram step has left (the parent stops
/// it at that time), send Graphviz's messages to `err_fd`, and make a
/// Graphviz context.
static GVC_t *
child_context(int err_fd, pid_t parent, unsigned seconds)
{
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) {
    _exit(5);
  }
  const struct rlimit cpu = { (rlim_t)seconds + 5, (rlim_t)seconds + 10 };
  setrlimit(RLIMIT_CPU, &cpu);
  alarm(seconds + 5);
  if (dup2(err_fd, STDERR_FILENO) == STDERR_FILENO) {
    graphviz_fd = STDERR_FILENO;
  }
  GVC_t *gvc = gvContext();
  if (!gvc) {
    _exit(2);
  }
  return gvc;
}

/// What a child does: `ctx` is the caller's; it writes its results to `fd`.
typedef void (*ChildFunc)(void *ctx, int fd, GVC_t *gvc);

typedef struct {
  Agraph_t *g;
  const char *renderer;
  const char *engine;
} OneGraph;

/// In the child: lay out and render one graph and write the result,
/// without freeing the layout (see render()).
static void
render_one(void *ctx, int fd, GVC_t *gvc)
{
  const OneGraph *one = ctx;
  char *data = NULL;
  unsigned int length = 0;
  if (gvLayout(gvc, one->g, one->engine) != 0 ||
      gvRenderData(gvc, one->g, one->renderer, &data, &length) != 0 || !data) {
    flush_graphviz_line();
    _exit(2);
  }
  flush_graphviz_line();
  if (!length) {
    _exit(4);
  }
  const bool written = ent_write_fd(fd, data, length);
  // Freed, not left to _exit: a child under valgrind would count it lost.
  gvFreeRenderData(data);
  if (!written) {
    _exit(3);
  }
}

/// Read what the child writes to `fd` into `out` and to `err_fd` into
/// `err` (at most 64 KiB of it), until it closes both pipes or the
/// deadline (lgraph_now()) passes.
static EntStatus
collect_output(int fd, int err_fd, double deadline, EntBuf *out, EntBuf *err)
{
  char chunk[65536];
  struct pollfd p[2] = { { fd, POLLIN, 0 }, { err_fd, POLLIN, 0 } };
  while (p[0].fd >= 0 || p[1].fd >= 0) {
    const double left = deadline - lgraph_now();
    if (left <= 0) {
      return ENT_ERR_INTERNAL;
    }
    const int ready =
      poll(p, 2, left > 3600.0 ? 3600000 : (int)(left * 1000.0) + 1);
    if (ready < 0 && errno == EINTR) {
      continue;
    }
    if (ready <= 0) {
      return ENT_ERR_INTERNAL;
    }
    for (int k = 0; k < 2; ++k) {
      if (p[k].fd < 0 || !p[k].revents) {
        continue;
      }
      const ssize_t n = read(p[k].fd, chunk, sizeof(chunk));
      if (n < 0 && errno == EINTR) {
        continue;
      }
      if (n < 0 && k == 0) {
        return ENT_ERR_IO;
      }
      if (n <= 0) {
        p[k].fd = -1; // closed
        continue;
      }
      EntStatus st = ENT_SUCCESS;
      if (k == 0) {
        TRY(st, ent_buf_append(out, chunk, (size_t)n));
      } else if (err->len < 65536) {
        TRY(st, ent_buf_append(err, chunk, (size_t)n));
      }
    }
  }
  return ENT_SUCCESS;
}

/// Log the child's messages as Graphviz's, one warning per line (at most
/// MAX_GRAPHVIZ_LINES shown), without GLib's "(process:N): " prefix.
static void
relay_child_messages(const EntBuf *err)
{
  const char *line = err->buf;
  while (line && *line) {
    const char *end = strchr(line, '\n');
    const size_t len = end ? (size_t)(end - line) : strlen(line);
    const char *text = line;
    const char *glib = len && *line == '(' ? strstr(line, "): ") : NULL;
    if (glib && glib < line + len) {
      text = glib + 3;
    }
    if (text < line + len) {
      graphviz_line_len = 0;
      const size_t n = (size_t)(line + len - text);
      const size_t kept =
        n < sizeof(graphviz_line) - 1 ? n : sizeof(graphviz_line) - 1;
      memcpy(graphviz_line, text, kept);
      graphviz_line_len = kept;
      flush_graphviz_line();
    }
    line = end ? end + 1 : line + len;
  }
}

/// Run `func` in a child process with a Graphviz context, and collect what
/// it writes into `out` until it exits or the time limit passes
/// (ENT_ERR_INTERNAL, the child killed); its messages are logged as
/// Graphviz's; `*status` is its wait status.
static EntStatus
run_child(LGraph *lg, ChildFunc func, void *ctx, EntBuf *out, int *status)
{
  *status = 0;
  const double left = lg->deadline - lgraph_now();
  if (left <= 0) {
    return lgraph_too_late(lg, lg->doing); // said, not an unexplained failure
  }
  int fds[2];
  int err_fds[2];
  if (pipe(fds) != 0) {
    return ENT_ERR_IO;
  }
  if (pipe(err_fds) != 0) {
    close(fds[0]);
    close(fds[1]);
    return ENT_ERR_IO;
  }
  // Nothing buffered may be left for the child to write a second time
  // (valgrind's child, for one, flushes stdio at _exit).
  fflush(NULL);
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    close(err_fds[0]);
    close(err_fds[1]);
    return ENT_ERR_NO_MEMORY;
  }
  if (pid == 0) {
    close(fds[0]);
    close(err_fds[0]);
    GVC_t *gvc = child_context(
      err_fds[1], parent, left > 86400.0 ? 86400U : (unsigned)left + 1);
    func(ctx, fds[1], gvc);
    _exit(0);
  }
  close(fds[1]);
  close(err_fds[1]);
  EntBuf messages = { NULL, 0, 0 };
  const EntStatus st =
    collect_output(fds[0], err_fds[0], lg->deadline, out, &messages);
  close(fds[0]);
  close(err_fds[0]);
  if (st == ENT_ERR_INTERNAL) {
    kill(pid, SIGKILL);
  }
  while (waitpid(pid, status, 0) < 0 && errno == EINTR) {
  }
  relay_child_messages(&messages);
  ent_buf_free(&messages);
  return st;
}

/// Seconds `dot` may take on a dense view before sfdp lays it out
/// instead: a tenth of the diagram step's time limit, at least one.
static double
dot_budget(const LGraph *lg)
{
  return lg->time_limit / 10 > 1 ? lg->time_limit / 10 : 1;
}

/// Lay out and render `g` with gvc in a child process; with a `budget`
/// (seconds, 0: none), a child still at work when it ends is stopped and
/// `*over_budget` set, without a word (the caller says what it does
/// instead).  Graphviz 2.43's
/// gvFreeLayout frees a block twice after some `dot` layouts with
/// clusters and labelled edges, and a hostile graph could find other
/// faults: in a child, a crash or a runaway layout is an error message,
/// not the end of the caller, and the layout is never freed at all.
static EntStatus
render(LGraph *lg,
       Agraph_t *g,
       EntDiagramFormat format,
       const char *engine,
       double budget,
       bool *over_budget,
       FILE *stream)
{
  EntWorld *world = lg->world;
  char doing[96];
  snprintf(doing, sizeof(doing), "laying out with '%s'", engine);
  if (lg->deadline - lgraph_now() <= 0) {
    return lgraph_too_late(lg, doing);
  }
  static const char *const renderers[] = { [ENT_DIAGRAM_SVG] = "svg",
                                           [ENT_DIAGRAM_PNG] = "png",
                                           [ENT_DIAGRAM_PDF] = "pdf" };
  OneGraph one = { g, renderers[format], engine };
  EntBuf data = { NULL, 0, 0 };
  int status = 0;
  // The child is stopped at the budget's end when that comes first.
  const double deadline = lg->deadline;
  const bool budgeted = budget > 0 && lgraph_now() + budget < deadline;
  if (budgeted) {
    lg->deadline = lgraph_now() + budget;
  }
  EntStatus st = run_child(lg, render_one, &one, &data, &status);
  lg->deadline = deadline;
  const bool stopped = WIFSIGNALED(status) && (WTERMSIG(status) == SIGKILL ||
                                               WTERMSIG(status) == SIGALRM ||
                                               WTERMSIG(status) == SIGXCPU);
  if ((st == ENT_ERR_INTERNAL || !st) && stopped && budgeted) {
    *over_budget = true; // not said here: the caller tries another engine
    st = ENT_ERR_INTERNAL;
  } else if ((st == ENT_ERR_INTERNAL || !st) && stopped) {
    st = lgraph_too_late(lg, doing);
  } else if (!st && WIFEXITED(status) && WEXITSTATUS(status) == 4) {
    ent_log(world,
            ENT_LOG_ERROR,
            ENT_ERR_INTERNAL,
            NULL,
            "Graphviz rendered an empty %s with '%s' (cairo refuses "
            "drawings over 32,767 pixels a side; see the messages above); "
            "narrow the view, lower --max-nodes, or write svg",
            renderers[format],
            engine);
    st = ENT_ERR_INTERNAL;
  } else if (!st && (!WIFEXITED(status) || WEXITSTATUS(status) != 0)) {
    if (WIFSIGNALED(status)) {
      ent_log(world,
              ENT_LOG_ERROR,
              ENT_ERR_INTERNAL,
              NULL,
              "Graphviz crashed (signal %d) laying out or rendering %s "
              "with '%s'; try another --engine or a narrower view",
              WTERMSIG(status),
              renderers[format],
              engine);
    } else {
      ent_log(world,
              ENT_LOG_ERROR,
              ENT_ERR_INTERNAL,
              NULL,
              "Graphviz could not lay out or render %s with '%s'",
              renderers[format],
              engine);
    }
    st = ENT_ERR_INTERNAL;
  }
  if (!st && !data.len) {
    ent_log(world,
            ENT_LOG_ERROR,
            ENT_ERR_INTERNAL,
            NULL,
            "Graphviz rendered nothing for %s with '%s'",
            renderers[format],
            engine);
    st = ENT_ERR_INTERNAL;
  }
  if (!st && fwrite(data.buf, 1, data.len, stream) != data.len) {
    st = ENT_ERR_IO;
  }
  ent_buf_free(&data);
  return st;
}

/// How many leaves (nodes with one edge in the view) the node with most of
/// them has: a star, which `dot` draws as one column of leaves a page tall.
static EntStatus
most_leaves(LGraph *lg, uint32_t *most)
{
  *most = 0;
  if (!lg->first || lg->adjacency_of != lg->n_edges) {
    return ENT_SUCCESS; // no adjacency to read: taken as no star
  }
  uint32_t *leaves = calloc(lg->n_nodes + 1, sizeof(uint32_t));
  if (!leaves) {
    return ENT_ERR_NO_MEMORY;
  }
  EntStatus st = ENT_SUCCESS;
  for (uint32_t i = 0; i < lg->n_nodes && !st; ++i) {
    st = lgraph_tick(lg);
    if (!lg->nodes[i].in_view) {
      continue;
    }
    uint32_t other = ENT_NO_ENTITY;
    size_t degree = 0;
    for (size_t k = lg->first[i]; k < lg->first[i + 1] && degree < 2; ++k) {
      const LEdge *e = &lg->edges[lg->adjacency[k]];
      if (lgraph_edge_visible(lg, e)) {
        other = e->from == i ? e->to : e->from;
        degree += other != i;
      }
    }
    if (degree == 1 && ++leaves[other] > *most) {
      *most = leaves[other];
    }
  }
  free(leaves);
  return st;
}

/// The longest path (in visible edges, along their direction) from node
/// `v` of the view to a node with no edge out, into height[v]; an edge back
/// to a node on the path (a cycle, which dot also breaks) is not followed.
/// `state` is 0 unvisited, 1 on the path, 2 done.  The view has at most
/// DOT_ENGINE_MAX_NODES nodes, which bounds the recursion.
static void
height_of(LGraph *lg, uint32_t v, uint8_t *state, uint32_t *height)
{
  state[v] = 1;
  uint32_t h = 0;
  for (size_t k = lg->first[v]; k < lg->first[v + 1]; ++k) {
    const LEdge *e = &lg->edges[lg->adjacency[k]];
    const uint32_t w = e->to;
    if (e->from != v || w == v || !lg->nodes[w].in_view ||
        !lgraph_edge_visible(lg, e) || state[w] == 1) {
      continue;
    }
    if (!state[w]) {
      height_of(lg, w, state, height);
    }
    h = height[w] + 1 > h ? height[w] + 1 : h;
  }
  height[v] = h;
  state[v] = 2;
}

/// How many nodes the rank of the view that `dot` would fill most holds,
/// and how many ranks hold any, estimated.  dot ranks a graph so that its
/// edges are as short as they can be: from the ranks of the longest paths
/// (each node as far from the last rank as its longest path down), each
/// node with more edges in than out moves to just after the last node
/// pointing to it, one with more out than in to just before the first it
/// points to, a few passes over; a node with no edge is in the first rank.
/// Edges that close a cycle, which dot turns round, are left out.
static EntStatus
widest_rank(LGraph *lg, size_t shown, uint32_t *widest, uint32_t *ranks)
{
  enum { PASSES = 8 };
  *widest = 0;
  *ranks = 0;
  if (!lg->first || lg->adjacency_of != lg->n_edges ||
      shown > DOT_ENGINE_MAX_NODES) {
    return ENT_SUCCESS;
  }
  uint8_t *state = calloc(lg->n_nodes + 1, 1);
  uint32_t *height = calloc(lg->n_nodes + 1, sizeof(uint32_t));
  long *rank = calloc(lg->n_nodes + 1, sizeof(long));
  uint8_t *forward = calloc(lg->n_edges + 1, 1);
  bool *linked = calloc(lg->n_nodes + 1, sizeof(bool));
  uint32_t *count = calloc(shown + 2, sizeof(uint32_t));
  EntStatus st = state && height && rank && forward && linked && count
                   ? ENT_SUCCESS
                   : ENT_ERR_NO_MEMORY;
  uint32_t top = 0;
  for (uint32_t v = 0; v < lg->n_nodes && !st; ++v) {
    if (lg->nodes[v].in_view && !state[v]) {
      height_of(lg, v, state, height);
    }
    top = lg->nodes[v].in_view && height[v] > top ? height[v] : top;
    st = lgraph_tick(lg);
  }
  for (uint32_t v = 0; v < lg->n_nodes && !st; ++v) {
    rank[v] = (long)top - (long)height[v];
  }
  for (uint32_t v = 0; v < lg->n_nodes && !st; ++v) {
    for (size_t k = lg->first[v]; lg->nodes[v].in_view && k < lg->first[v + 1];
         ++k) {
      const uint32_t i = lg->adjacency[k];
      const LEdge *e = &lg->edges[i];
      if (e->from == v && e->to != v && lg->nodes[e->to].in_view &&
          lgraph_edge_visible(lg, e) && rank[e->to] > rank[v]) {
        forward[i] = 1;
        linked[v] = linked[e->to] = true;
      }
    }
  }
  for (int pass = 0; pass < PASSES && !st; ++pass) {
    bool moved = false;
    for (uint32_t v = 0; v < lg->n_nodes; ++v) {
      if (!lg->nodes[v].in_view || !linked[v]) {
        continue;
      }
      size_t in = 0;
      size_t out = 0;
      long after = LONG_MIN;  // just after the last node pointing to it
      long before = LONG_MAX; // just before the first it points to
      for (size_t k = lg->first[v]; k < lg->first[v + 1]; ++k) {
        const uint32_t i = lg->adjacency[k];
        const LEdge *e = &lg->edges[i];
        if (!forward[i]) {
          continue;
        }
        if (e->to == v) {
          ++in;
          after = rank[e->from] + 1 > after ? rank[e->from] + 1 : after;
        } else {
          ++out;
          before = rank[e->to] - 1 < before ? rank[e->to] - 1 : before;
        }
      }
      const long want = in > out ? after : out > in ? before : rank[v];
      moved |= want != rank[v];
      rank[v] = want;
    }
    st = lgraph_tick(lg);
    if (!moved) {
      break;
    }
  }
  long lowest = LONG_MAX;
  for (uint32_t v = 0; v < lg->n_nodes && !st; ++v) {
    if (lg->nodes[v].in_view && linked[v] && rank[v] < lowest) {
      lowest = rank[v];
    }
  }
  for (uint32_t v = 0; v < lg->n_nodes && !st; ++v) {
    if (!lg->nodes[v].in_view) {
      continue;
    }
    const long r = linked[v] ? rank[v] - lowest : 0;
    if (r >= 0 && (size_t)r <= shown) {
      ++count[r];
    }
  }
  for (size_t r = 0; r <= shown && !st; ++r) {
    *widest = count[r] > *widest ? count[r] : *widest;
    *ranks += count[r] > 0;
  }
  free(state);
  free(height);
  free(rank);
  free(forward);
  free(linked);
  free(count);
  return st;
}

/// The Graphviz engine for the view of `shown` nodes: --engine; else
/// `dot` for a small view, `twopi` for a small view of somebody else's graph
/// that is a star (rings around the hub instead of one column), `sfdp` for a
/// big one and for a small one dot would draw as one tall column (see
/// widest_rank()).
static EntStatus
layout_engine(LGraph *lg,
              const EntDiagramOptions *options,
              size_t shown,
              const char **out)
{
  if (options && options->engine) {
    *out = options->engine;
    return ENT_SUCCESS;
  }
  *out = shown <= DOT_ENGINE_MAX_NODES ? "dot" : "sfdp";
  // entente's own views keep `dot`: they are drawn in clusters; so do the
  // timeline, the compare and the negotiation views, laid out in ranks.
  const char *view = options ? options->view : NULL;
  const bool free_view =
    !view || !strcmp(view, "all") || !strncmp(view, "ego:", 4);
  uint32_t most = 0;
  uint32_t widest = 0;
  uint32_t ranks = 0;
  if (shown <= DOT_ENGINE_MAX_NODES && !lg->entente_classes && free_view) {
    EntStatus st = most_leaves(lg, &most);
    if (!st && most < STAR_MIN_LEAVES) {
      st = widest_rank(lg, shown, &widest, &ranks);
    }
    if (st) {
      return st;
    }
  }
  if (most >= STAR_MIN_LEAVES) {
    *out = "twopi";
  } else if (widest >= TALL_RANK_NODES &&
             widest >= TALL_RANK_RATIO * (size_t)ranks) {
    *out = "sfdp";
  }
  return ENT_SUCCESS;
}

/// Build the view as a cgraph graph for `engine` (the caller agclose()s
/// it).
static EntStatus
build_view(LGraph *lg,
           const EntDiagramOptions *options,
           const char *engine,
           Agraph_t **out)
{
  *out = NULL;
  Drawing d;
  memset(&d, 0, sizeof(d));
  d.lg = lg;
  d.engine = engine;
  // Engines that draw clusters: dot, fdp, osage, patchwork.
  d.spread = strcmp(engine, "dot") != 0 && strcmp(engine, "fdp") != 0 &&
             strcmp(engine, "osage") != 0 && strcmp(engine, "patchwork") != 0;
  d.clusters = calloc(lg->n_nodes + 1, sizeof(Agraph_t *));
  d.gv_nodes = calloc(lg->n_nodes + 1, sizeof(Agnode_t *));
  d.members = calloc(lg->n_nodes + 1, 1);
  d.depths = calloc(lg->n_nodes + 1, 1);
  d.visible = malloc((lg->n_edges + 1) * sizeof(uint32_t));
  Agdisc_t disc = { &AgMemDisc, &sequential_ids, &AgIoDisc };
  d.root = agopen(mut("entente"), Agdirected, &disc);
  EntStatus st =
    d.clusters && d.gv_nodes && d.members && d.depths && d.visible && d.root
      ? ENT_SUCCESS
      : ENT_ERR_NO_MEMORY;
  if (!st) {
    st = build(&d, options);
  }
  if (!st && lgraph_now() >= lg->deadline) {
    st = lgraph_too_late(lg, "drawing the view");
  }
  if (st && d.root) {
    agclose(d.root);
  } else {
    *out = d.root;
  }
  free(d.clusters);
  free(d.gv_nodes);
  free(d.members);
  free(d.depths);
  free(d.chain);
  free(d.visible);
  ent_buf_free(&d.scratch);
  return st;
}

static void
graphviz_messages_begin(LGraph *lg)
{
  graphviz_lines = 0;
  graphviz_line_len = 0;
  graphviz_world = lg->world;
  agseterr(AGWARN);
  agseterrf(on_graphviz_message);
}

static void
graphviz_messages_end(void)
{
  finish_graphviz_messages();
  agseterrf(NULL);
  graphviz_world = NULL;
}

EntStatus
lgraph_draw(LGraph *lg,
            EntDiagramFormat format,
            const EntDiagramOptions *options,
            FILE *stream)
{
  // A view too large to lay out was refused by lgraph_select()
  // (LGraph.layout_limit, set from the format by ent_export_diagram()).
  const size_t shown = lgraph_nodes_in_view(lg);
  const char *engine = NULL;
  EntStatus st = layout_engine(lg, options, shown, &engine);
  if (st) {
    return st;
  }
  graphviz_messages_begin(lg);
  lgraph_phase(lg, ENT_PHASE_DIAGRAM, "drawing the view", shown, shown);
  Agraph_t *root = NULL;
  st = build_view(lg, options, engine, &root);
  if (!st && format == ENT_DIAGRAM_DOT) {
    if (agwrite(root, stream) != 0) {
      st = ENT_ERR_IO;
    }
  } else if (!st) {
    lgraph_phase(lg, ENT_PHASE_LAYOUT, "laying out", shown, 0);
    // `dot` can take minutes: on a dense view (150 nodes and 600 edges
    // at random: more than 200 s; a class hierarchy of as many edges, a
    // fraction of a second), and on a sparse one too (a list nested 100
    // deep, 102 nodes: still at work after 55 s; a chain of 100 nodes each
    // also pointing at one hub).  A view laid out with `dot` unasked gets
    // a tenth of the time limit, then is laid out with sfdp.
    const int edges = agnedges(root);
    const bool fallback =
      !strcmp(engine, "dot") && !(options && options->engine);
    const double budget = fallback ? dot_budget(lg) : 0;
    bool over_budget = false;
    st = render(lg, root, format, engine, budget, &over_budget, stream);
    if (over_budget) {
      ent_log(lg->world,
              ENT_LOG_WARNING,
              ENT_FAILURE,
              NULL,
              "dot did not lay out this view of %zu nodes and %d edges in "
              "%.0f s (a tenth of --time-limit, 1 s at least); it is laid "
              "out with sfdp instead (--engine dot insists)",
              shown,
              edges,
              budget);
      agclose(root);
      root = NULL;
      engine = "sfdp";
      st = build_view(lg, options, engine, &root);
      if (!st) {
        st = render(lg, root, format, engine, 0, &over_budget, stream);
      }
    }
  }
  if (root) {
    agclose(root);
  }
  graphviz_messages_end();
  if (!st && ferror(stream)) {
    st = ENT_ERR_IO;
  }
  return st;
}

// ---- Many small diagrams in one Graphviz process -------------------------

EntStatus
lgraph_view_graph(LGraph *lg,
                  const EntDiagramOptions *options,
                  void **graph,
                  const char **engine)
{
  const size_t shown = lgraph_nodes_in_view(lg);
  *graph = NULL;
  if (shown > LAYOUT_MAX_NODES) {
    return ENT_ERR_BAD_ARG;
  }
  EntStatus st = layout_engine(lg, options, shown, engine);
  if (st) {
    return st;
  }
  graphviz_messages_begin(lg);
  Agraph_t *root = NULL;
  st = build_view(lg, options, *engine, &root);
  graphviz_messages_end();
  *graph = root;
  return st;
}

void
lgraph_view_free(void *graph)
{
  if (graph) {
    agclose(graph);
  }
}

/// One result of the batch child: graph index and SVG length, then the
/// SVG (length 0: that graph could not be laid out).
typedef struct {
  uint32_t index;
  uint32_t length;
} BatchFrame;

typedef struct {
  void *const *graphs;
  const char *const *engines;
  size_t first;
  size_t n;
} Batch;

/// In the child: lay out and render graphs[first..n) one after the other
/// with one Graphviz context, each result framed (BatchFrame).  Layouts
/// are never freed (see render()): the child's memory goes with it.
static void
render_batch(void *ctx, int fd, GVC_t *gvc)
{
  const Batch *b = ctx;
  for (size_t i = b->first; i < b->n; ++i) {
    char *data = NULL;
    unsigned int length = 0;
    BatchFrame frame = { (uint32_t)i, 0 };
    if (b->graphs[i] && gvLayout(gvc, b->graphs[i], b->engines[i]) == 0 &&
        gvRenderData(gvc, b->graphs[i], "svg", &data, &length) == 0 && data) {
      frame.length = length;
    }
    flush_graphviz_line();
    const bool written =
      ent_write_fd(fd, &frame, sizeof(frame)) &&
      (!frame.length || ent_write_fd(fd, data, frame.length));
    if (data) {
      gvFreeRenderData(data);
    }
    if (!written) {
      _exit(3);
    }
  }
}

EntStatus
lgraph_render_svgs(LGraph *lg,
                   void *const *graphs,
                   const char *const *engines,
                   size_t n,
                   char **svg,
                   size_t *len)
{
  for (size_t i = 0; i < n; ++i) {
    svg[i] = NULL;
    len[i] = 0;
  }
  graphviz_messages_begin(lg);
  EntStatus st = ENT_SUCCESS;
  // A crash loses the graph it happened on: the next child goes on after it.
  for (size_t first = 0; first < n && !st;) {
    const double left = lg->deadline - lgraph_now();
    if (left <= 0) {
      st = lgraph_too_late(lg, "laying out");
      break;
    }
    Batch batch = { graphs, engines, first, n };
    EntBuf data = { NULL, 0, 0 };
    int status = 0;
    st = run_child(lg, render_batch, &batch, &data, &status);
    if (st == ENT_ERR_INTERNAL) {
      st = lgraph_too_late(lg, "laying out");
    }
    // Take every whole frame; the graph after the last one is the one the
    // child died on, if it died.
    size_t next = first;
    for (size_t at = 0; !st && at + sizeof(BatchFrame) <= data.len;) {
      BatchFrame frame;
      memcpy(&frame, data.buf + at, sizeof(frame));
      at += sizeof(frame);
      if (frame.index >= n || at + frame.length > data.len) {
        break;
      }
      if (frame.length) {
        svg[frame.index] = malloc(frame.length + 1);
        if (!svg[frame.index]) {
          st = ENT_ERR_NO_MEMORY;
          break;
        }
        memcpy(svg[frame.index], data.buf + at, frame.length);
        svg[frame.index][frame.length] = '\0';
        len[frame.index] = frame.length;
      }
      at += frame.length;
      next = (size_t)frame.index + 1;
    }
    ent_buf_free(&data);
    if (!st && next < n) {
      ent_log(lg->world,
              ENT_LOG_WARNING,
              ENT_ERR_INTERNAL,
              NULL,
              "Graphviz %s laying out a diagram; it is left out",
              WIFSIGNALED(status) ? "crashed" : "failed");
      next += 1;
    }
    first = next;
  }
  graphviz_messages_end();
  return st;
}
