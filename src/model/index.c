// SPDX-License-Identifier: MIT
// Streaming's entity index: what the writing pass must know of each entity
// a dataset defines (its class, dataset and source) under a 64-bit
// fingerprint of its ID, 16 bytes an entity, instead of an entity record
// with its ID, name and IRI.  The IRI is minted again when it is written.
//
// Fingerprints are appended as the first pass reads the entities, then
// sorted once.  Equal fingerprints are either one post or response that
// several elements make (kept once), or two definitions of one ID, or two
// IDs whose fingerprints collide: those are set aside as suspects, and a
// third pass (run only then) reads the IDs behind them exactly.

#include "model.h"

#include <stdlib.h>
#include <string.h>

enum { CLASS_BITS = 5 };

uint64_t
ent_id_key(const char *id)
{
  // Two independent hashes of the ID folded together: FNV-1a byte by
  // byte and the word-wise table hash.
  const size_t len = strlen(id);
  uint64_t fnv = 0xCBF29CE484222325ULL;
  for (size_t i = 0; i < len; ++i) {
    fnv = (fnv ^ (unsigned char)id[i]) * 0x100000001B3ULL;
  }
  return ent_hash(id, len) ^ ent_mix64(fnv);
}

/// A second, independent 32-bit hash of an ID: posts and responses,
/// which several elements make, keep it in place of a source, so that one
/// post made twice is told from two posts whose keys collide.
static uint32_t
id_check(const char *id)
{
  uint32_t h = 0x811C9DC5U ^ 0x5BD1E995U;
  for (const unsigned char *p = (const unsigned char *)id; *p; ++p) {
    h = (h ^ *p) * 0x01000193U;
  }
  return h ^ (h >> 15);
}

static bool
keyed_class(EntClass cls)
{
  return cls == ENT_CLASS_POST || cls == ENT_CLASS_RESPONSE;
}

uint64_t
ent_index_key(const EntIndex *index, const char *id)
{
  const uint64_t key = ent_id_key(id);
  return index->key_bits ? key & ((1ULL << index->key_bits) - 1) : key;
}

EntStatus
ent_index_add(EntIndex *index,
              const char *id,
              EntClass cls,
              uint32_t dataset,
              uint32_t source)
{
  const uint64_t key = ent_index_key(index, id);
  if (keyed_class(cls)) {
    source = id_check(id);
  }
  if (dataset >= (1U << (32 - CLASS_BITS))) {
    return ENT_ERR_NO_MEMORY; // more datasets than a packed ordinal holds
  }
  EntStatus st = ENT_SUCCESS;
  TRY(st,
      ent_grow(
        &index->entries, &index->cap, index->n, sizeof(EntIndexEntry), 1024));
  index->entries[index->n++] =
    (EntIndexEntry){ key, source, dataset << CLASS_BITS | (uint32_t)cls };
  return ENT_SUCCESS;
}

/// Order of entries: by key, then (the first dataset that made a post
/// first: its base names the post) by dataset.
static bool
before(const EntIndexEntry *x, const EntIndexEntry *y)
{
  return x->key != y->key ? x->key < y->key : x->packed < y->packed;
}

static void
swap(EntIndexEntry *a, EntIndexEntry *b)
{
  const EntIndexEntry t = *a;
  *a = *b;
  *b = t;
}

/// Sort in place: qsort() (glibc's merge sort) takes a second copy of the
/// array, as big as the index itself, at the moment the index is biggest.
/// A quicksort on the middle of three, the smaller side first (depth at
/// most log2 n), insertion sort for short runs; keys are hashes, so no
/// input is adversarial to it.
static void
sort_entries(EntIndexEntry *e, size_t n)
{
  while (n > 16) {
    const size_t mid = n / 2;
    if (before(&e[mid], &e[0])) {
      swap(&e[mid], &e[0]);
    }
    if (before(&e[n - 1], &e[0])) {
      swap(&e[n - 1], &e[0]);
    }
    if (before(&e[n - 1], &e[mid])) {
      swap(&e[n - 1], &e[mid]);
    }
    const EntIndexEntry pivot = e[mid];
    size_t i = 0;
    size_t j = n - 1;
    for (;;) {
      while (before(&e[i], &pivot)) {
        ++i;
      }
      while (before(&pivot, &e[j])) {
        --j;
      }
      if (i >= j) {
        break;
      }
      swap(&e[i], &e[j]);
      ++i;
      --j;
    }
    // [0, j] and [j + 1, n): recurse into the smaller, loop on the larger.
    const size_t left = j + 1;
    if (left < n - left) {
      sort_entries(e, left);
      e += left;
      n -= left;
    } else {
      sort_entries(e + left, n - left);
      n = left;
    }
  }
  for (size_t i = 1; i < n; ++i) {
    const EntIndexEntry x = e[i];
    size_t j = i;
    while (j > 0 && before(&x, &e[j - 1])) {
      e[j] = e[j - 1];
      --j;
    }
    e[j] = x;
  }
}

EntClass
ent_index_class(const EntIndexEntry *entry)
{
  return (EntClass)(entry->packed & ((1U << CLASS_BITS) - 1));
}

uint32_t
ent_index_dataset(const EntIndexEntry *entry)
{
  return entry->packed >> CLASS_BITS;
}

static EntStatus keep_asked_names(EntIndex *index);

EntStatus
ent_index_seal(EntIndex *index)
{
  EntStatus st = ENT_SUCCESS;
  TRY(st, keep_asked_names(index));
  sort_entries(index->entries, index->n);
  size_t kept = 0;
  for (size_t start = 0; start < index->n;) {
    size_t end = start + 1;
    while (end < index->n &&
           index->entries[end].key == index->entries[start].key) {
      ++end;
    }
    const EntIndexEntry *first = &index->entries[start];
    const EntClass cls = ent_index_class(first);
    bool one = true; // every entry of the run is one post (or response)
    for (size_t i = start + 1; i < end && one; ++i) {
      one = keyed_class(cls) && ent_index_class(&index->entries[i]) == cls &&
            index->entries[i].source == first->source;
    }
    if (one) {
      index->entries[kept++] = index->entries[start];
    } else {
      TRY(st,
          ent_grow(&index->suspects,
                   &index->cap_suspects,
                   index->n_suspects,
                   sizeof(uint64_t),
                   16));
      index->suspects[index->n_suspects++] = index->entries[start].key;
    }
    start = end;
  }
  index->n = kept;
  // A directory of the top bits: about four entries a bucket, so that a
  // lookup reads one or two cache lines of entries.
  unsigned bits = 0;
  while (bits < 31 && ((size_t)1 << (bits + 2)) < index->n) {
    ++bits;
  }
  free(index->dir);
  index->dir = malloc((((size_t)1 << bits) + 1) * sizeof(uint32_t));
  if (!index->dir) {
    return ENT_ERR_NO_MEMORY;
  }
  index->bits = bits;
  size_t at = 0;
  for (size_t b = 0; b <= ((size_t)1 << bits); ++b) {
    while (at < index->n &&
           (bits ? (size_t)(index->entries[at].key >> (64 - bits)) : 0) < b) {
      ++at;
    }
    index->dir[b] = (uint32_t)at;
  }
  index->sealed = true;
  return ENT_SUCCESS;
}

const EntIndexEntry *
ent_index_find(const EntIndex *index, const char *id, uint32_t *rank)
{
  if (!index->sealed || !index->n) {
    return NULL;
  }
  const uint64_t key = ent_index_key(index, id);
  const size_t b = index->bits ? (size_t)(key >> (64 - index->bits)) : 0;
  for (size_t i = index->dir[b]; i < index->dir[b + 1]; ++i) {
    if (index->entries[i].key == key) {
      const EntIndexEntry *e = &index->entries[i];
      if (keyed_class(ent_index_class(e)) && e->source != id_check(id)) {
        return NULL;
      }
      *rank = (uint32_t)i;
      return e;
    }
    if (index->entries[i].key > key) {
      break;
    }
  }
  return NULL;
}

bool
ent_index_suspect(const EntIndex *index, const char *id)
{
  if (!index->n_suspects) {
    return false;
  }
  const uint64_t key = ent_index_key(index, id);
  for (size_t i = 0; i < index->n_suspects; ++i) {
    if (index->suspects[i] == key) {
      return true;
    }
  }
  return false;
}

void
ent_index_free(EntIndex *index)
{
  const unsigned key_bits = index->key_bits;
  free(index->entries);
  free(index->dir);
  free(index->suspects);
  free(index->names);
  ent_buf_free(&index->name_text);
  memset(index, 0, sizeof(*index));
  index->key_bits = key_bits;
}

// ---- Names of actors ------------------------------------------------------
// A delegation without a name is named after the actor it represents, if
// that actor was read before it: the first pass keeps the names of actors
// (their text once, 16 bytes of table each), other entities' not; the
// names it was asked for are all the later passes keep.

#define ASKED 0x80000000U

static size_t
name_slot(const EntIndex *index, uint64_t key)
{
  size_t i = (size_t)ent_mix64(key) & (index->size_names - 1);
  while (index->names[i].offset && index->names[i].key != key) {
    i = (i + 1) & (index->size_names - 1);
  }
  return i;
}

static EntStatus
put_key_name(EntIndex *index, uint64_t key, uint32_t element, const char *name)
{
  if ((index->n_names + 1) * 4 > index->size_names * 3) {
    const size_t size = index->size_names ? index->size_names * 2 : 256;
    EntIndexName *grown = calloc(size, sizeof(EntIndexName));
    if (!grown) {
      return ENT_ERR_NO_MEMORY;
    }
    EntIndex bigger = *index;
    bigger.names = grown;
    bigger.size_names = size;
    for (size_t i = 0; i < index->size_names; ++i) {
      if (index->names[i].offset) {
        grown[name_slot(&bigger, index->names[i].key)] = index->names[i];
      }
    }
    free(index->names);
    index->names = grown;
    index->size_names = size;
  }
  const size_t i = name_slot(index, key);
  if (index->names[i].offset) {
    return ENT_SUCCESS; // the first definition's (a second is an error)
  }
  const size_t offset = index->name_text.len;
  if (offset + strlen(name) + 2 > UINT32_MAX) {
    return ENT_ERR_NO_MEMORY;
  }
  EntStatus st = ENT_SUCCESS;
  TRY(st, ent_buf_append(&index->name_text, name, strlen(name) + 1));
  index->names[i] =
    (EntIndexName){ key, element & ~ASKED, (uint32_t)offset + 1 };
  ++index->n_names;
  return ENT_SUCCESS;
}

EntStatus
ent_index_put_name(EntIndex *index,
                   const char *id,
                   uint32_t element,
                   const char *name)
{
  return put_key_name(index, ent_index_key(index, id), element, name);
}

const char *
ent_index_name(const EntIndex *index, const char *id, uint32_t element)
{
  if (!index->size_names || ent_index_suspect(index, id)) {
    return NULL; // a suspect's record, kept by the third pass, has it
  }
  const uint64_t key = ent_index_key(index, id);
  // The table, not the index, is changed: marked as asked for.
  EntIndexName *n = &index->names[name_slot(index, key)];
  if (!n->offset || (n->element & ~ASKED) >= element) {
    return NULL;
  }
  n->element |= ASKED;
  return index->name_text.buf + n->offset - 1;
}

/// Once the first pass is over, keep only the names it asked for: the
/// later passes ask for the same ones, in the same elements.
static EntStatus
keep_asked_names(EntIndex *index)
{
  size_t asked = 0;
  for (size_t i = 0; i < index->size_names; ++i) {
    asked += index->names[i].offset && (index->names[i].element & ASKED);
  }
  EntIndex kept;
  memset(&kept, 0, sizeof(kept));
  kept.key_bits = index->key_bits;
  EntStatus st = ENT_SUCCESS;
  for (size_t i = 0; !st && asked && i < index->size_names; ++i) {
    const EntIndexName *n = &index->names[i];
    if (n->offset && (n->element & ASKED)) {
      st = put_key_name(&kept,
                        n->key,
                        n->element & ~ASKED,
                        index->name_text.buf + n->offset - 1);
    }
  }
  free(index->names);
  ent_buf_free(&index->name_text);
  index->names = kept.names;
  index->size_names = kept.size_names;
  index->n_names = kept.n_names;
  index->name_text = kept.name_text;
  return st;
}
