// SPDX-License-Identifier: MIT
// Probable duplicates: entities whose names differ only in how Unicode
// spells them (NFC or NFD, a zero-width or other invisible character).
// Two such names look the same to a reader and to a search, but make two
// nodes; a curator almost always meant one.

#include "model.h"

#include <utf8proc.h>

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/// Warn that entity `e`'s name looks like that of `first`, its first
/// entity with the same key.
static void
warn_look_alike(EntGraph *g, const Entity *first, const Entity *e)
{
  char where[ENT_WHERE_MAX];
  EntBuf a = { NULL, 0, 0 };
  EntBuf b = { NULL, 0, 0 };
  ent_buf_append_visible(&a, first->name, strlen(first->name), true);
  ent_buf_append_visible(&b, e->name, strlen(e->name), true);
  const EntCaret at = ent_caret_of(e->at);
  ent_log(g->world,
          ENT_LOG_WARNING,
          ENT_FAILURE,
          &at,
          "%s '%s' is named '%s', which differs from the name '%s' of %s "
          "'%s' (%s) only in Unicode normalisation or invisible "
          "characters: probably one entity; if so, define it once and "
          "refer to its ID",
          ent_class_noun(e->cls),
          e->id,
          b.buf ? b.buf : "",
          a.buf ? a.buf : "",
          ent_class_noun(first->cls),
          first->id,
          ent_where(g, ENT_LOG_WARNING, first->at, where, sizeof(where)));
  ent_buf_free(&a);
  ent_buf_free(&b);
}

/// Classes whose members a name identifies (people, bodies, places,
/// topics): two of one class under one name are probably one.  Not
/// sources (a wire story keeps its headline in every outlet), delegations
/// (each negotiation has its "US delegation"), negotiations, agreements
/// or incidents (rounds and strikes repeat their names).
static bool
named_by_name(EntClass cls)
{
  return cls == ENT_CLASS_OFFICIAL || cls == ENT_CLASS_INSTITUTION ||
         cls == ENT_CLASS_COUNTRY || cls == ENT_CLASS_PLACE ||
         cls == ENT_CLASS_OUTLET || cls == ENT_CLASS_TOPIC;
}

/// `name` as a reader compares names (ent_loose_text()), after a byte for
/// the class, so that only names of one class meet.  Malloc'd (the caller
/// frees it), NULL if `name` is not UTF-8 or memory ran out.
static char *
loose_key(EntClass cls, const char *name)
{
  return ent_loose_text(name, (char)('A' + (int)cls));
}

typedef struct {
  EntGraph *g;
  EntMap first_of;   ///< Loose key -> index + 1 of its first entity
  EntMap warned;     ///< "A B" -> 1: the pairs already warned about
  bool *has_same_as; ///< Per entity: it has an owl:sameAs
  char **keys;       ///< Every key made (the maps borrow them)
  size_t n_keys;
  size_t cap_keys;
  size_t found;
} Dupes;

static EntStatus
keep_key(Dupes *d, char *key)
{
  EntStatus st = ENT_SUCCESS;
  if ((st = ent_grow(&d->keys, &d->cap_keys, d->n_keys, sizeof(char *), 64))) {
    free(key);
    return st;
  }
  d->keys[d->n_keys++] = key;
  return ENT_SUCCESS;
}

/// Whether the pair (a, b) was warned about; remembers it.
static EntStatus
first_warning(Dupes *d, uint32_t a, uint32_t b, bool *first)
{
  char buf[32];
  snprintf(buf, sizeof(buf), "%u %u", a < b ? a : b, a < b ? b : a);
  *first = !ent_map_get(&d->warned, buf);
  if (!*first) {
    return ENT_SUCCESS;
  }
  char *key = strdup(buf);
  EntStatus st = key ? keep_key(d, key) : ENT_ERR_NO_MEMORY;
  return st ? st : ent_map_put(&d->warned, key, (void *)(uintptr_t)1);
}

/// `e`'s name, or its alias `alias` said at `alias_at`, meets entity
/// `other`'s name, or the two share `same_as`: warn once per pair.
static EntStatus
warn_duplicate(Dupes *d,
               uint32_t other,
               uint32_t index,
               const char *alias,
               const KeptCaret *alias_at,
               const char *same_as)
{
  char where[ENT_WHERE_MAX];
  EntGraph *g = d->g;
  const Entity *f = &g->entities[other];
  const Entity *e = &g->entities[index];
  // Two entities whose owl:sameAs differ are known to be two.
  if (!same_as && d->has_same_as[other] && d->has_same_as[index]) {
    return ENT_SUCCESS;
  }
  bool first = false;
  EntStatus st = first_warning(d, other, index, &first);
  if (st || !first) {
    return st;
  }
  ++d->found;
  const EntCaret at = ent_caret_of(alias_at ? *alias_at : e->at);
  const char *said = same_as ? same_as : alias ? alias : e->name;
  const bool exact = !same_as && !strcmp(said, f->name);
  ent_log(g->world,
          ENT_LOG_WARNING,
          ENT_FAILURE,
          &at,
          "%s '%s' %s '%.300s'%s %s '%s'%s%.300s%s (%s): %s",
          ent_class_noun(e->cls),
          e->id,
          same_as ? "is owl:sameAs"
          : alias ? "has the alias"
                  : "is named",
          said,
          same_as ? ", as is"
          : exact ? (alias ? ", the name of" : ", as is")
                  : ", which differs only in case, accents or spacing from "
                    "the name of",
          ent_class_noun(f->cls),
          f->id,
          same_as || exact ? "" : " ('",
          same_as || exact ? "" : f->name,
          same_as || exact ? "" : "')",
          ent_where(g, ENT_LOG_WARNING, f->at, where, sizeof(where)),
          same_as ? "one entity defined twice; define it once (in the corpus "
                    "registry when articles share it) and refer to its ID, "
                    "or correct the same-as"
                  : "probably one entity defined twice; if so, define it once "
                    "(in the corpus registry when articles share it) and "
                    "refer to its ID; if they are two, give each its same-as "
                    "(owl:sameAs)");
  return ENT_SUCCESS;
}

/// Delegations of one side at one negotiation from different datasets.
static EntStatus
check_delegations(Dupes *d)
{
  char where[ENT_WHERE_MAX];
  EntGraph *g = d->g;
  uint32_t *at = calloc(g->n_entities ? g->n_entities : 1, sizeof(uint32_t));
  uint32_t *side = calloc(g->n_entities ? g->n_entities : 1, sizeof(uint32_t));
  EntStatus st = at && side ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
  // Index + 1 of each delegation's negotiation and side (the first said).
  for (size_t i = 0; i < g->n_facts && !st; ++i) {
    const Fact *f = &g->facts[i];
    if (f->object == ENT_NO_ENTITY || f->object >= g->n_entities) {
      continue;
    }
    if (f->prop == ENT_PROP_DELEGATION && !at[f->object]) {
      at[f->object] = f->subject + 1;
    } else if (f->prop == ENT_PROP_REPRESENTS && !side[f->subject]) {
      side[f->subject] = f->object + 1;
    }
  }
  EntMap first;
  ent_map_init(&first);
  for (uint32_t i = 0; i < g->n_entities && !st; ++i) {
    if (g->entities[i].cls != ENT_CLASS_DELEGATION || !at[i] || !side[i]) {
      continue;
    }
    char buf[32];
    snprintf(buf, sizeof(buf), "%u %u", at[i], side[i]);
    const uintptr_t v = (uintptr_t)ent_map_get(&first, buf);
    if (!v) {
      char *key = strdup(buf);
      st = key ? keep_key(d, key) : ENT_ERR_NO_MEMORY;
      if (!st) {
        st = ent_map_put(&first, key, (void *)(uintptr_t)(i + 1));
      }
      continue;
    }
    const Entity *f = &g->entities[v - 1];
    const Entity *e = &g->entities[i];
    bool first_time = false;
    if (f->dataset == e->dataset ||
        (st = first_warning(d, (uint32_t)(v - 1), i, &first_time)) ||
        !first_time) {
      continue; // one dataset's two delegations of a side are meant
    }
    ++d->found;
    const Entity *n = &g->entities[at[i] - 1];
    const Entity *s = &g->entities[side[i] - 1];
    const EntCaret caret = ent_caret_of(e->at);
    ent_log(g->world,
            ENT_LOG_WARNING,
            ENT_FAILURE,
            &caret,
            "delegation '%s' represents %s '%s' at %s '%s', as does "
            "delegation '%s' of another dataset (%s): probably one "
            "delegation defined twice; if so, declare it once in the corpus "
            "registry and refer to it with ref= from both",
            e->id,
            ent_class_noun(s->cls),
            s->id,
            ent_class_noun(n->cls),
            n->id,
            f->id,
            ent_where(g, ENT_LOG_WARNING, f->at, where, sizeof(where)));
  }
  ent_map_clear(&first);
  free(at);
  free(side);
  return st;
}

/// Names shorter than this (in characters, once folded) are not compared
/// letter by letter, nor a word shorter than ONE_LETTER_WORD that the
/// edit falls in: Iran and Iraq, Mali and Bali, the Embassy of Iran and
/// that of Iraq are two.  Nor a name longer than ONE_LETTER_MAX: no
/// person's or body's, and each character costs the whole name again.
#define ONE_LETTER_MIN  8
#define ONE_LETTER_WORD 5
#define ONE_LETTER_MAX  160
/// Spellings a variant keeps to compare the next with: past it, one that
/// shares a variant with so many (numbered names) is compared with these.
#define ONE_LETTER_CHAIN 8

/// A name or alias as the one-letter check compares it: its loose key's
/// characters (the class byte left out), and whose it is.
typedef struct {
  utf8proc_int32_t *c;
  size_t n;
  uint32_t entity;
  const char *said; ///< The name or alias as written
  const KeptCaret *at;
} Spelling;

/// A digit: "Brigade 46" and "Brigade 47" are two, whatever one edit says.
static bool
is_digit(utf8proc_int32_t c)
{
  return utf8proc_category(c) == UTF8PROC_CATEGORY_ND;
}

/// The length of the word of `sp` that character `at` is in (or is next
/// to, for a space): words are split at spaces.
static size_t
word_length(const Spelling *sp, size_t at)
{
  size_t from = at < sp->n ? at : sp->n;
  size_t to = from;
  while (from > 0 && sp->c[from - 1] != ' ') {
    --from;
  }
  while (to < sp->n && sp->c[to] != ' ') {
    ++to;
  }
  return to - from;
}

/// `a` and `b` differ by one edit: a letter changed, added or dropped, or
/// two neighbours swapped (not none: check_duplicates() tells those), not
/// in a number and not in a short word.
static bool
one_edit_apart(const Spelling *a, const Spelling *b)
{
  if (a->n > b->n) {
    const Spelling *t = a;
    a = b;
    b = t;
  }
  if (b->n - a->n > 1) {
    return false;
  }
  size_t i = 0;
  while (i < a->n && a->c[i] == b->c[i]) {
    ++i;
  }
  bool one = false;
  if (i == a->n) { // b has one more at its end (or they are equal)
    one = a->n != b->n && !is_digit(b->c[i]);
  } else if (a->n != b->n) { // b has one more at i
    one = !is_digit(b->c[i]) &&
          !memcmp(a->c + i, b->c + i + 1, (a->n - i) * sizeof(*a->c));
  } else if (!memcmp(
               a->c + i + 1, b->c + i + 1, (a->n - i - 1) * sizeof(*a->c))) {
    one = !is_digit(a->c[i]) && !is_digit(b->c[i]); // one changed
  } else {
    one = a->n - i >= 2 && a->c[i] == b->c[i + 1] && a->c[i + 1] == b->c[i] &&
          !is_digit(a->c[i]) && !is_digit(b->c[i]) &&
          !memcmp(a->c + i + 2, b->c + i + 2, (a->n - i - 2) * sizeof(*a->c));
  }
  return one && word_length(b, i) >= ONE_LETTER_WORD;
}

/// A variant (a spelling, or a spelling less one character) in an
/// open-addressing table of their hashes, with the first spellings that
/// had it (up to ONE_LETTER_CHAIN, in `chain`): each spelling is compared
/// with those, so the check stays linear in the letters of all names,
/// however many share a variant ("Official 1", "Official 2"...).
typedef struct {
  uint32_t hash;  ///< 0: free (a hash's high half; one_edit_apart()
                  ///< decides, so a collision costs one comparison)
  uint32_t first; ///< Index + 1 in the chain of entries
  uint32_t count; ///< Entries in it
} VariantSlot;

/// An entry of a variant's chain: a spelling, and the next entry.
typedef struct {
  uint32_t spelling;
  uint32_t next; ///< Index + 1, or 0
} VariantEntry;

static EntStatus
warn_one_letter(Dupes *d, const Spelling *e, const Spelling *f)
{
  char where[ENT_WHERE_MAX];
  EntGraph *g = d->g;
  if (e->entity < f->entity) { // said at the later definition
    const Spelling *t = e;
    e = f;
    f = t;
  }
  const Entity *fe = &g->entities[f->entity];
  const Entity *ee = &g->entities[e->entity];
  if (d->has_same_as[f->entity] && d->has_same_as[e->entity]) {
    return ENT_SUCCESS; // two that say which thing each is
  }
  bool first = false;
  EntStatus st = first_warning(d, f->entity, e->entity, &first);
  if (st || !first) {
    return st;
  }
  ++d->found;
  const EntCaret at = ent_caret_of(*e->at);
  const bool e_alias = e->said != ee->name;
  const bool f_alias = f->said != fe->name;
  ent_log(g->world,
          ENT_LOG_WARNING,
          ENT_FAILURE,
          &at,
          "%s '%s' %s '%.300s', one letter from %s '%.300s' of %s '%s' "
          "(%s): perhaps one spelled two ways; if so, define it once and "
          "refer to its ID (ref= from an article), giving this spelling as "
          "an <alias>; if they are two, give each its same-as (owl:sameAs)",
          ent_class_noun(ee->cls),
          ee->id,
          e_alias ? "has the alias" : "is named",
          e->said,
          f_alias ? "the alias" : "the name",
          f->said,
          ent_class_noun(fe->cls),
          fe->id,
          ent_where(g, ENT_LOG_WARNING, *f->at, where, sizeof(where)));
  return ENT_SUCCESS;
}

/// Add the spelling `said` of entity `index` (at `at`) to `*all`.
static EntStatus
add_spelling(Spelling **all,
             size_t *n,
             size_t *cap,
             uint32_t index,
             EntClass cls,
             const char *said,
             const KeptCaret *at)
{
  char *key = loose_key(cls, said);
  if (!key) {
    return ENT_SUCCESS; // not UTF-8 (refused by the loader), or no memory
  }
  const utf8proc_ssize_t bytes = (utf8proc_ssize_t)strlen(key + 1);
  utf8proc_int32_t *c = malloc(((size_t)bytes + 1) * sizeof(*c));
  size_t len = 0;
  for (utf8proc_ssize_t i = 0; c && i < bytes;) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t k =
      utf8proc_iterate((const utf8proc_uint8_t *)key + 1 + i, bytes - i, &cp);
    if (k <= 0) {
      break;
    }
    c[len++] = cp;
    i += k;
  }
  free(key);
  if (!c || len < ONE_LETTER_MIN || len > ONE_LETTER_MAX) {
    free(c);
    return c ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
  }
  EntStatus st = ent_grow(all, cap, *n, sizeof(Spelling), 64);
  if (st) {
    free(c);
    return st;
  }
  (*all)[(*n)++] = (Spelling){ c, len, index, said, at };
  return ENT_SUCCESS;
}

/// The variant of `sp` without its character `skip` (or whole, for
/// `skip` == sp->n), hashed with its entity's class.
static uint32_t
variant_hash(const Spelling *sp,
             EntClass cls,
             size_t skip,
             utf8proc_int32_t *buf)
{
  size_t n = 0;
  buf[n++] = (utf8proc_int32_t)cls;
  for (size_t i = 0; i < sp->n; ++i) {
    if (i != skip) {
      buf[n++] = sp->c[i];
    }
  }
  const uint32_t h =
    (uint32_t)(ent_hash((const char *)buf, n * sizeof(*buf)) >> 32);
  return h ? h : 1;
}

/// Names and aliases one letter apart (Witkoff, Whitkoff), within one of
/// the classes named_by_name() keeps: a curator who did not find an
/// entity under the spelling a source used defines it again.  Two with
/// their own same-as are known to be two.
static EntStatus
check_one_letter(Dupes *d)
{
  EntGraph *g = d->g;
  Spelling *all = NULL;
  size_t n = 0;
  size_t cap = 0;
  EntStatus st = ENT_SUCCESS;
  // Not places: a town and the village named after it (Pokrovsk,
  // Pokrovske) are two as often as not.
  for (uint32_t i = 0; i < g->n_entities && !st; ++i) {
    const Entity *e = &g->entities[i];
    if (e->name && named_by_name(e->cls) && e->cls != ENT_CLASS_PLACE) {
      st = add_spelling(&all, &n, &cap, i, e->cls, e->name, &e->at);
    }
  }
  for (size_t i = 0; i < g->n_facts && !st; ++i) {
    const Fact *f = &g->facts[i];
    if (f->prop == ENT_PROP_ALIAS && f->value &&
        named_by_name(g->entities[f->subject].cls) &&
        g->entities[f->subject].cls != ENT_CLASS_PLACE) {
      st = add_spelling(&all,
                        &n,
                        &cap,
                        f->subject,
                        g->entities[f->subject].cls,
                        f->value,
                        &f->at);
    }
  }
  size_t variants = 0;
  for (size_t i = 0; i < n; ++i) {
    variants += all[i].n + 1;
  }
  size_t size = 16;
  while (size < variants + variants / 3) {
    size *= 2;
  }
  VariantSlot *slots = st || !n ? NULL : calloc(size, sizeof(VariantSlot));
  VariantEntry *entries =
    slots ? calloc(variants ? variants : 1, sizeof(VariantEntry)) : NULL;
  // A variant and its class: no spelling is longer than ONE_LETTER_MAX.
  utf8proc_int32_t buf[ONE_LETTER_MAX + 1];
  if (n && !st && (!slots || !entries)) {
    st = ENT_ERR_NO_MEMORY;
  }
  size_t n_entries = 0;
  for (size_t i = 0; i < n && !st && entries; ++i) {
    const Spelling *sp = &all[i];
    const EntClass cls = g->entities[sp->entity].cls;
    for (size_t skip = 0; skip <= sp->n && !st; ++skip) {
      const uint32_t h = variant_hash(sp, cls, skip, buf);
      size_t k = (size_t)ent_mix64(h) & (size - 1);
      while (slots[k].hash && slots[k].hash != h) {
        k = (k + 1) & (size - 1);
      }
      VariantSlot *slot = &slots[k];
      uint32_t last = 0;
      for (uint32_t e = slot->first; e && !st; e = entries[e - 1].next) {
        const Spelling *other = &all[entries[e - 1].spelling];
        last = e;
        if (other->entity != sp->entity &&
            g->entities[other->entity].cls == cls &&
            one_edit_apart(sp, other)) {
          st = warn_one_letter(d, sp, other);
        }
      }
      slot->hash = h;
      if (slot->count < ONE_LETTER_CHAIN) {
        entries[n_entries] = (VariantEntry){ (uint32_t)i, 0 };
        ++n_entries;
        if (last) {
          entries[last - 1].next = (uint32_t)n_entries;
        } else {
          slot->first = (uint32_t)n_entries;
        }
        ++slot->count;
      }
    }
  }
  free(entries);
  free(slots);
  for (size_t i = 0; i < n; ++i) {
    free(all[i].c);
  }
  free(all);
  return st;
}

/// Names, aliases and owl:sameAs of the classes named_by_name() keeps.
static EntStatus
check_duplicates(Dupes *d)
{
  EntGraph *g = d->g;
  EntStatus st = ENT_SUCCESS;
  for (size_t i = 0; i < g->n_facts; ++i) {
    const Fact *f = &g->facts[i];
    d->has_same_as[f->subject] |= f->prop == ENT_PROP_SAME_AS && f->value;
  }
  for (uint32_t i = 0; i < g->n_entities && !st; ++i) {
    const Entity *e = &g->entities[i];
    if (!e->name || !named_by_name(e->cls)) {
      continue;
    }
    char *key = loose_key(e->cls, e->name);
    if (!key) {
      continue; // not UTF-8 (the loader refuses that), or no memory
    }
    TRY(st, keep_key(d, key));
    const uintptr_t v = (uintptr_t)ent_map_get(&d->first_of, key);
    st = v ? warn_duplicate(d, (uint32_t)(v - 1), i, NULL, NULL, NULL)
           : ent_map_put(&d->first_of, key, (void *)(uintptr_t)(i + 1));
  }
  for (size_t i = 0; i < g->n_facts && !st; ++i) {
    const Fact *f = &g->facts[i];
    if (f->prop != ENT_PROP_ALIAS || !f->value ||
        !named_by_name(g->entities[f->subject].cls)) {
      continue;
    }
    char *key = loose_key(g->entities[f->subject].cls, f->value);
    const uintptr_t v = key ? (uintptr_t)ent_map_get(&d->first_of, key) : 0;
    free(key);
    if (v && v - 1 != f->subject) {
      st = warn_duplicate(
        d, (uint32_t)(v - 1), f->subject, f->value, &f->at, NULL);
    }
  }
  // Then one letter apart: the spelling a source used, defined again.
  TRY(st, check_one_letter(d));
  // Two delegations of one side at one negotiation, defined by two
  // datasets: each article made its own ("Armenia delegation at ...").
  TRY(st, check_delegations(d));
  // Last, as they are the surest: two that say they are one thing.
  EntMap same_as;
  ent_map_init(&same_as);
  for (size_t i = 0; i < g->n_facts && !st; ++i) {
    const Fact *f = &g->facts[i];
    if (f->prop == ENT_PROP_SAME_AS && f->value &&
        named_by_name(g->entities[f->subject].cls)) {
      const uintptr_t v = (uintptr_t)ent_map_get(&same_as, f->value);
      if (!v) {
        st =
          ent_map_put(&same_as, f->value, (void *)(uintptr_t)(f->subject + 1));
      } else if (v - 1 != f->subject) {
        st = warn_duplicate(
          d, (uint32_t)(v - 1), f->subject, NULL, NULL, f->value);
      }
    }
  }
  ent_map_clear(&same_as);
  return st;
}

EntStatus
ent_graph_check_names(EntGraph *graph, size_t *count)
{
  EntGraph *g = graph;
  // Each entity's key (its name in NFC without default-ignorable
  // characters) goes into a map to the first entity that had it, in the
  // order entities were defined: found in one pass (sorting the keys read
  // them again in every comparison), and warned about in that order.
  char **keys = malloc((g->n_entities ? g->n_entities : 1) * sizeof(char *));
  if (!keys) {
    return ENT_ERR_NO_MEMORY;
  }
  EntMap first_of;
  ent_map_init(&first_of);
  EntStatus st = ENT_SUCCESS;
  size_t n = 0;
  size_t found = 0;
  Dupes d = {
    g, { NULL, NULL, 0, 0 }, { NULL, NULL, 0, 0 }, NULL, NULL, 0, 0, 0
  };
  ent_map_init(&d.first_of);
  ent_map_init(&d.warned);
  for (size_t i = 0; i < g->n_entities && !st; ++i) {
    const Entity *e = &g->entities[i];
    // Posts and responses are keyed by their content already.
    if (!e->name || e->content_keyed) {
      continue;
    }
    utf8proc_uint8_t *key = NULL;
    const utf8proc_ssize_t len = utf8proc_map(
      (const utf8proc_uint8_t *)e->name,
      0,
      &key,
      UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_IGNORE);
    if (len < 0) {
      free(key);
      continue; // not UTF-8: the loader refuses that already
    }
    keys[n++] = (char *)key;
    const uintptr_t first = (uintptr_t)ent_map_get(&first_of, (char *)key);
    if (!first) {
      st = ent_map_put(&first_of, (char *)key, (void *)(uintptr_t)(i + 1));
      continue;
    }
    const Entity *f = &g->entities[first - 1];
    if (!strcmp(f->name, e->name)) {
      continue; // the same bytes: check_duplicates() tells those
    }
    bool first_time = false; // remembered: check_duplicates() meets it too
    st = first_warning(&d, (uint32_t)(first - 1), (uint32_t)i, &first_time);
    warn_look_alike(g, f, e);
    ++found;
  }
  ent_map_clear(&first_of);
  for (size_t i = 0; i < n; ++i) {
    free(keys[i]);
  }
  free(keys);
  // Then the names a reader would take for one (case, accents, spacing),
  // aliases and owl:sameAs, within the classes a name identifies.
  d.has_same_as = calloc(g->n_entities ? g->n_entities : 1, sizeof(bool));
  if (!st) {
    st = d.has_same_as ? check_duplicates(&d) : ENT_ERR_NO_MEMORY;
  }
  ent_map_clear(&d.first_of);
  ent_map_clear(&d.warned);
  for (size_t i = 0; i < d.n_keys; ++i) {
    free(d.keys[i]);
  }
  free(d.keys);
  free(d.has_same_as);
  if (count) {
    *count = found + d.found;
  }
  return st;
}
