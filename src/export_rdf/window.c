// SPDX-License-Identifier: MIT
// The window of Turtle, TriG and JSON-LD: statements are held, then handed
// to the writer grouped by graph and subject.  The model emits an element's
// statements together, but what other elements say of the same subject (a
// negotiation every article mentions, a post two articles report) comes
// later; written as it comes, one subject would be thirty blocks.  A window
// of bounded size keeps memory flat: a corpus of articles fits in one window
// and is grouped whole; a bigger export is grouped window by window.
//
// Two banks: while one fills, the other, full and put in order, is
// written a few statements per statement held.  Writing a whole window at
// once would leave the thread that reads the datasets waiting for the
// writer in bursts (a fifth slower at 1M statements).

#include "emit.h"

#include <stdlib.h>
#include <string.h>

/// Statements of the draining bank written per statement held: enough to
/// empty it before the other bank fills, counted in statements.
enum { DRAIN_PER_HOLD = 2 };

/// A held statement; its strings are in its bank's pool.
typedef struct {
  const char *predicate; ///< Interned in its bank: compared by address
  const char *object;
  const char *datatype;
  const char *lang;
  uint32_t group; ///< Its (graph, subject), numbered in order of appearance
  NodeType object_type;
  bool is_type; ///< rdf:type: first in its subject's block ("a ...")
} Held;

/// A (graph, subject) of a bank.
typedef struct {
  const char *key;     ///< "GRAPH\x01SUBJECT", in the pool
  const char *subject; ///< In the key
  const char *graph;   ///< In the pool, or NULL
  uint32_t graph_rank; ///< Its graph in order of appearance (0: none)
} Group;

typedef struct {
  EntPool strings;
  EntMap groups; ///< Group key -> index + 1 in group
  EntMap graphs; ///< Graph IRI (in strings) -> rank (from 1)
  Held *held;    ///< In the order they came
  size_t n_held;
  size_t cap_held;
  uint32_t *order; ///< Once full: held[order[i]] is written i-th
  size_t cap_order;
  size_t written; ///< Once full: how many of `order` are written
  Group *group;
  size_t n_groups;
  size_t cap_groups;
  size_t bytes; ///< Of strings copied into the pool
  uint32_t n_graphs;
  // The statements of one subject mostly come together: the last group
  // is recognised without a look-up.
  uint32_t last_group;
  bool has_last;
} Bank;

struct RdfWindowImpl {
  bool by_graph; ///< TriG: grouped by graph first; Turtle: no graphs
  size_t max_statements;
  size_t max_bytes;
  EntBuf key;
  Bank bank[2];
  int filling;   ///< The bank statements are held in
  bool draining; ///< The other bank has statements left to write
};

static void
bank_init(Bank *b)
{
  ent_pool_init(&b->strings);
  ent_map_init(&b->groups);
  ent_map_init(&b->graphs);
}

static void
bank_clear_tables(Bank *b)
{
  ent_map_clear(&b->groups);
  ent_map_clear(&b->graphs);
  ent_pool_clear(&b->strings);
}

/// Forget every statement of `b` (its arrays stay for the next window).
static void
bank_reset(Bank *b)
{
  bank_clear_tables(b);
  bank_init(b);
  b->n_held = 0;
  b->written = 0;
  b->n_groups = 0;
  b->bytes = 0;
  b->n_graphs = 0;
  b->has_last = false;
}

EntStatus
rdf_window_new(bool by_graph,
               size_t max_statements,
               size_t max_bytes,
               RdfWindow **out)
{
  RdfWindow *win = calloc(1, sizeof(RdfWindow));
  if (!win) {
    return ENT_ERR_NO_MEMORY;
  }
  win->by_graph = by_graph;
  win->max_statements = max_statements ? max_statements : 1;
  win->max_bytes = max_bytes;
  bank_init(&win->bank[0]);
  bank_init(&win->bank[1]);
  *out = win;
  return ENT_SUCCESS;
}

void
rdf_window_free(RdfWindow *win)
{
  if (win) {
    for (int i = 0; i < 2; ++i) {
      Bank *b = &win->bank[i];
      bank_clear_tables(b);
      free(b->held);
      free(b->order);
      free(b->group);
    }
    ent_buf_free(&win->key);
    free(win);
  }
}

/// A copy of `s` (NULL stays NULL), counted against the bank's size.
static const char *
keep(Bank *b, const char *s, bool intern)
{
  if (!s) {
    return NULL;
  }
  const size_t len = strlen(s);
  b->bytes += len + 1;
  return intern ? ent_pool_intern(&b->strings, s)
                : ent_pool_copy(&b->strings, s, len);
}

/// A new group of `b` for the key in `key`, of graph `graph` (or NULL).
static EntStatus
add_group(Bank *b, const EntBuf *key, const char *graph, uint32_t *index)
{
  EntStatus st = ENT_SUCCESS;
  TRY(st, ent_grow(&b->group, &b->cap_groups, b->n_groups, sizeof(Group), 256));
  Group *g = &b->group[b->n_groups];
  g->key = keep(b, key->buf, false);
  if (!g->key) {
    return ENT_ERR_NO_MEMORY;
  }
  g->subject = strchr(g->key, '\x01') + 1;
  g->graph = NULL;
  g->graph_rank = 0;
  const Group *last = b->n_groups ? &b->group[b->n_groups - 1] : NULL;
  if (graph && last && last->graph && !strcmp(last->graph, graph)) {
    // Mostly the graph of the group before: no look-up.
    g->graph = last->graph;
    g->graph_rank = last->graph_rank;
  } else if (graph) {
    // Interned: the pool's copy is the graph's one key in `graphs`.
    g->graph = keep(b, graph, true);
    if (!g->graph) {
      return ENT_ERR_NO_MEMORY;
    }
    uintptr_t rank = (uintptr_t)ent_map_get(&b->graphs, g->graph);
    if (!rank) {
      rank = ++b->n_graphs;
      TRY(st, ent_map_put(&b->graphs, g->graph, (void *)rank));
    }
    g->graph_rank = (uint32_t)rank;
  }
  *index = (uint32_t)b->n_groups;
  TRY(st,
      ent_map_put(&b->groups, g->key, (void *)(uintptr_t)(b->n_groups + 1)));
  ++b->n_groups;
  return ENT_SUCCESS;
}

/// Whether `subject` in `graph` is the group of the previous statement.
static bool
same_as_last(const Bank *b, const char *graph, const char *subject)
{
  if (!b->has_last) {
    return false;
  }
  const Group *g = &b->group[b->last_group];
  return !strcmp(g->subject, subject) &&
         (graph ? g->graph && !strcmp(g->graph, graph) : !g->graph);
}

/// Hold a copy of `t` in the filling bank.
static EntStatus
hold(RdfWindow *win, const Triple *t)
{
  Bank *b = &win->bank[win->filling];
  EntStatus st = ENT_SUCCESS;
  TRY(st, ent_grow(&b->held, &b->cap_held, b->n_held, sizeof(Held), 1024));
  const char *graph = win->by_graph ? t->graph : NULL;
  uint32_t group = b->last_group;
  if (!same_as_last(b, graph, t->subject.value)) {
    EntBuf *key = &win->key;
    ent_buf_reset(key);
    if (graph) {
      TRY(st, ent_buf_append(key, graph, strlen(graph)));
    }
    TRY(st, ent_buf_append(key, "\x01", 1));
    TRY(st, ent_buf_append(key, t->subject.value, strlen(t->subject.value)));
    const uintptr_t known = (uintptr_t)ent_map_get(&b->groups, key->buf);
    if (known) {
      group = (uint32_t)(known - 1);
    } else {
      TRY(st, add_group(b, key, graph, &group));
    }
    b->last_group = group;
    b->has_last = true;
  }
  Held *h = &b->held[b->n_held];
  h->group = group;
  h->object_type = t->object.type;
  h->is_type = !strcmp(t->predicate.value, RDF_TYPE);
  // Interned: a window holds few predicates, and group_predicates()
  // compares them by address.
  h->predicate = keep(b, t->predicate.value, true);
  h->object = keep(b, t->object.value, false);
  h->datatype = keep(b, t->object.datatype, false);
  h->lang = keep(b, t->object.lang, false);
  if (!h->predicate || !h->object || (t->object.datatype && !h->datatype) ||
      (t->object.lang && !h->lang)) {
    return ENT_ERR_NO_MEMORY;
  }
  ++b->n_held;
  return ENT_SUCCESS;
}

/// Order the statements `slice[0..m)` of one subject so that those of one
/// predicate come together, predicates in the order of their first
/// statement and each one's objects in the order they came: Turtle and
/// TriG then say "p o1, o2" once, not p again for every object (Karasin's
/// dcterms:isReferencedBy seven times, between other predicates).  A stable
/// counting sort on each predicate's rank; `scratch` and `rank` hold m,
/// `at` m + 1 (shared by every subject of the bank, not allocated each).
static EntStatus
group_predicates(Bank *b,
                 uint32_t *slice,
                 size_t m,
                 uint32_t *scratch,
                 uint32_t *rank,
                 size_t *at)
{
  enum { FEW = 16 }; // compared with each other; more go through a map
  if (m < 3) {
    return ENT_SUCCESS;
  }
  EntMap first;
  ent_map_init(&first);
  uint32_t n_ranks = 0;
  EntStatus st = ENT_SUCCESS;
  for (size_t i = 0; i < m && !st; ++i) {
    const char *p = b->held[slice[i]].predicate;
    uintptr_t known = 0;
    if (m <= FEW) {
      for (size_t j = 0; j < i && !known; ++j) {
        known = b->held[slice[j]].predicate == p ? rank[j] + 1 : 0;
      }
    } else {
      known = (uintptr_t)ent_map_get(&first, p);
    }
    if (known) {
      rank[i] = (uint32_t)(known - 1);
    } else {
      rank[i] = n_ranks++;
      if (m > FEW) {
        st = ent_map_put(&first, p, (void *)(uintptr_t)n_ranks);
      }
    }
  }
  ent_map_clear(&first);
  if (st || n_ranks == m) {
    return st; // each predicate once: nothing to move
  }
  memset(at, 0, ((size_t)n_ranks + 1) * sizeof(size_t));
  for (size_t i = 0; i < m; ++i) {
    ++at[rank[i] + 1];
  }
  for (size_t r = 1; r <= n_ranks; ++r) {
    at[r] += at[r - 1];
  }
  for (size_t i = 0; i < m; ++i) {
    scratch[at[rank[i]]++] = slice[i];
  }
  memcpy(slice, scratch, m * sizeof(uint32_t));
  return ENT_SUCCESS;
}

/// Put the statements of full bank `b` in the order they are written, in
/// b->order: by graph in order of appearance, then by subject likewise,
/// then a subject's types first and the rest in the order they came.
/// Counting sorts: linear.
static EntStatus
place_held(Bank *b)
{
  if (b->n_held > b->cap_order) {
    uint32_t *more = realloc(b->order, b->n_held * sizeof(uint32_t));
    if (!more) {
      return ENT_ERR_NO_MEMORY;
    }
    b->order = more;
    b->cap_order = b->n_held;
  }
  const size_t n_groups = b->n_groups;
  size_t *start = calloc(n_groups + b->n_graphs + 2, sizeof(size_t));
  uint32_t *groups = calloc(n_groups + 1, sizeof(uint32_t)); // each set once
  if (!start || !groups) {
    free(start);
    free(groups);
    return ENT_ERR_NO_MEMORY;
  }
  // The groups by graph rank (stable: in order of appearance within it).
  for (size_t g = 0; g < n_groups; ++g) {
    ++start[b->group[g].graph_rank + 1];
  }
  for (size_t r = 1; r <= b->n_graphs + 1; ++r) {
    start[r] += start[r - 1];
  }
  for (size_t g = 0; g < n_groups; ++g) {
    groups[start[b->group[g].graph_rank]++] = (uint32_t)g;
  }
  // Where each group's statements start, in that order of groups.
  memset(start, 0, (n_groups + 1) * sizeof(size_t));
  for (size_t i = 0; i < b->n_held; ++i) {
    ++start[b->held[i].group];
  }
  size_t at = 0;
  for (size_t k = 0; k < n_groups; ++k) {
    const size_t count = start[groups[k]];
    start[groups[k]] = at;
    at += count;
  }
  // Types first, then the rest, each in the order they came.
  for (int types = 1; types >= 0; --types) {
    for (size_t i = 0; i < b->n_held; ++i) {
      if (b->held[i].is_type == (types == 1)) {
        b->order[start[b->held[i].group]++] = (uint32_t)i;
      }
    }
  }
  free(start);
  free(groups);
  // Within each subject's block, one predicate's statements together.
  uint32_t *scratch = malloc((b->n_held ? b->n_held : 1) * sizeof(uint32_t));
  uint32_t *rank = malloc((b->n_held ? b->n_held : 1) * sizeof(uint32_t));
  size_t *counts = malloc((b->n_held + 1) * sizeof(size_t));
  EntStatus st = scratch && rank && counts ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
  for (size_t i = 0; i < b->n_held && !st;) {
    size_t end = i + 1;
    while (end < b->n_held &&
           b->held[b->order[end]].group == b->held[b->order[i]].group) {
      ++end;
    }
    st = group_predicates(b, b->order + i, end - i, scratch, rank, counts);
    i = end;
  }
  free(scratch);
  free(rank);
  free(counts);
  b->written = 0;
  return st;
}

/// Write up to `most` statements of full bank `b` to `func`; the bank is
/// emptied once all are written.
static EntStatus
drain(Bank *b, size_t most, EmitFunc func, void *handle)
{
  EntStatus st = ENT_SUCCESS;
  for (; most && b->written < b->n_held && !st; --most) {
    const Held *h = &b->held[b->order[b->written++]];
    const Group *g = &b->group[h->group];
    const Triple t = { { .type = NODE_IRI, .value = g->subject },
                       { .type = NODE_IRI, .value = h->predicate },
                       { .type = h->object_type,
                         .value = h->object,
                         .datatype = h->datatype,
                         .lang = h->lang },
                       g->graph };
    st = func(handle, &t);
  }
  if (b->written >= b->n_held) {
    bank_reset(b);
  }
  return st;
}

EntStatus
rdf_window_put(RdfWindow *win, const Triple *t, EmitFunc func, void *handle)
{
  EntStatus st = ENT_SUCCESS;
  TRY(st, hold(win, t));
  Bank *other = &win->bank[!win->filling];
  if (win->draining) {
    TRY(st, drain(other, DRAIN_PER_HOLD, func, handle));
    win->draining = other->n_held != 0;
  }
  const Bank *b = &win->bank[win->filling];
  if (b->n_held >= win->max_statements || b->bytes >= win->max_bytes) {
    // The other bank's rest first (a bank filled by bytes may come early).
    TRY(st, drain(other, SIZE_MAX, func, handle));
    TRY(st, place_held(&win->bank[win->filling]));
    win->filling = !win->filling;
    win->draining = true;
  }
  return ENT_SUCCESS;
}

EntStatus
rdf_window_finish(RdfWindow *win, EmitFunc func, void *handle)
{
  EntStatus st = ENT_SUCCESS;
  TRY(st, drain(&win->bank[!win->filling], SIZE_MAX, func, handle));
  Bank *b = &win->bank[win->filling];
  if (b->n_held) {
    TRY(st, place_held(b));
    TRY(st, drain(b, SIZE_MAX, func, handle));
  }
  win->draining = false;
  return ENT_SUCCESS;
}
