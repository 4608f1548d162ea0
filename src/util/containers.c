// SPDX-License-Identifier: MIT
// Hash map, string pool and growable buffer.

#define _DEFAULT_SOURCE 1 // madvise()

#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <utf8proc.h>
#include <xxhash.h>

uint64_t
ent_hash(const char *s, size_t len)
{
  // xxHash's XXH3 (Debian's libxxhash): keys are IRIs and whole
  // statements, often hundreds of bytes, and hashing them was a tenth of
  // a diagram's or validate's time with a hash that took eight bytes per
  // multiply; XXH3 takes them in wide independent lanes.
  return XXH3_64bits(s, len);
}

uint64_t
ent_mix64(uint64_t x)
{
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

void
ent_map_init(EntMap *map)
{
  memset(map, 0, sizeof(*map));
}

void
ent_map_clear(EntMap *map)
{
  free(map->slots); // the tags live in the same block
  ent_map_init(map);
}

void
ent_map_empty(EntMap *map)
{
  if (map->size > 1024 && map->count * 8 < map->size) {
    // Grown once for far more keys than it holds now: zeroing it for each
    // small element that follows would cost more than the element.
    ent_map_clear(map);
  } else if (map->count) {
    memset(map->slots, 0, map->size * (sizeof(EntMapSlot) + sizeof(uint32_t)));
    map->count = 0;
  }
}

static uint32_t
tag_of(uint64_t hash)
{
  // The high half, never 0 (free).
  return (uint32_t)(hash >> 32) | 1U;
}

static size_t
home_of(uint32_t tag, size_t mask)
{
  // The home slot comes from the tag's own bits, so that growing a map
  // places its keys from the tags alone: re-hashing every key read each
  // key's string again, one cache miss a key once the map outgrew the
  // cache.  Tables are far below 2^31 slots.
  return (size_t)(tag >> 1) & mask;
}

static size_t
find_slot(const EntMap *map, const char *key, uint64_t hash)
{
  const size_t mask = map->size - 1;
  const uint32_t tag = tag_of(hash);
  size_t i = home_of(tag, mask);
  // The same pointer is the same key (interned strings are looked up by
  // the copy the map holds): no need to read the string.  A used slot
  // always has a key; the analyzer cannot know it.
  while (map->tags[i] &&
         (map->tags[i] != tag || !map->slots[i].key ||
          (map->slots[i].key != key && strcmp(map->slots[i].key, key) != 0))) {
    i = (i + 1) & mask;
  }
  return i;
}

void *
ent_map_get_hashed(const EntMap *map, const char *key, uint64_t hash)
{
  if (!map->size) {
    return NULL;
  }
  const size_t i = find_slot(map, key, hash);
  return map->tags[i] ? map->slots[i].value : NULL;
}

void *
ent_map_get(const EntMap *map, const char *key)
{
  return map->size ? ent_map_get_hashed(map, key, ent_hash(key, strlen(key)))
                   : NULL;
}

static EntStatus
grow(EntMap *map)
{
  if (map->size >= ((size_t)1 << 31)) {
    return ENT_ERR_NO_MEMORY; // home_of() spreads keys over 2^31 slots
  }
  EntMap grown = { NULL, NULL, map->size ? map->size * 2 : 64, map->count };
  grown.slots = calloc(grown.size, sizeof(EntMapSlot) + sizeof(uint32_t));
  if (!grown.slots) {
    return ENT_ERR_NO_MEMORY;
  }
  ent_advise_large(grown.slots,
                   grown.size * (sizeof(EntMapSlot) + sizeof(uint32_t)));
  grown.tags = (uint32_t *)(void *)(grown.slots + grown.size);
  const size_t mask = grown.size - 1;
  for (size_t i = 0; i < map->size; ++i) {
    const uint32_t tag = map->tags[i];
    if (tag) {
      // Keys are distinct: the first free slot from home is the place.
      size_t j = home_of(tag, mask);
      while (grown.tags[j]) {
        j = (j + 1) & mask;
      }
      grown.slots[j] = map->slots[i];
      grown.tags[j] = tag;
    }
  }
  free(map->slots);
  *map = grown;
  return ENT_SUCCESS;
}

EntStatus
ent_map_put(EntMap *map, const char *key, void *value)
{
  // Keep the load factor under 1/2 so probes stay short.
  if ((map->count + 1) * 2 > map->size) {
    const EntStatus st = grow(map);
    if (st) {
      return st;
    }
  }
  const uint64_t hash = ent_hash(key, strlen(key));
  const size_t i = find_slot(map, key, hash);
  if (!map->tags[i]) {
    map->slots[i].key = key;
    map->tags[i] = tag_of(hash);
    ++map->count;
  }
  map->slots[i].value = value;
  return ENT_SUCCESS;
}

bool
ent_within(const uint32_t *parent, uint32_t inner, uint32_t outer)
{
  for (int depth = 0; depth <= ENT_MAX_NESTING && inner != UINT32_MAX;
       ++depth) {
    if (inner == outer) {
      return true;
    }
    inner = parent[inner];
  }
  return false;
}

EntStatus
ent_grow(void *items, size_t *cap, size_t count, size_t size, size_t first)
{
  if (count < *cap) {
    return ENT_SUCCESS;
  }
  void **array = items;
  const size_t grown_cap = *cap ? *cap * 2 : first;
  void *grown = realloc(*array, grown_cap * size);
  if (!grown) {
    return ENT_ERR_NO_MEMORY;
  }
  ent_advise_large(grown, grown_cap * size);
  *array = grown;
  *cap = grown_cap;
  return ENT_SUCCESS;
}

void
ent_advise_large(void *p, size_t bytes)
{
#ifdef MADV_HUGEPAGE
  // Only where a huge page fits: smaller blocks gain nothing from one.
  if (!p || bytes < ((size_t)8 << 20)) {
    return;
  }
  const long page_size = sysconf(_SC_PAGESIZE);
  if (page_size <= 0) {
    return;
  }
  const uintptr_t page = (uintptr_t)page_size;
  // The whole pages the block touches: a block malloc() maps by itself is
  // its mapping, from its header to its last page; a range that split the
  // mapping would keep realloc() from moving it with mremap() (it would
  // copy instead, with old and new both in memory).
  const uintptr_t start = (uintptr_t)p & ~(page - 1);
  const uintptr_t end = ((uintptr_t)p + bytes + page - 1) & ~(page - 1);
  // On the heap (a block malloc() did not map by itself), the first and
  // last page hold neighbours' bytes too, and the advice stays with the
  // range after free().  A hint either way: where the kernel has no
  // transparent huge pages it says no, and no byte changes.
  (void)madvise((void *)start, end - start, MADV_HUGEPAGE);
#else
  (void)p;
  (void)bytes;
#endif
}

// ---- String pool --------------------------------------------------------

enum { POOL_BLOCK_SIZE = 64 * 1024 };

struct EntPoolBlock {
  EntPoolBlock *next;
  size_t used;
  size_t size;
  char data[];
};

void
ent_pool_init(EntPool *pool)
{
  pool->blocks = NULL;
  ent_map_init(&pool->interned);
}

void
ent_pool_clear(EntPool *pool)
{
  for (EntPoolBlock *b = pool->blocks; b;) {
    EntPoolBlock *next = b->next;
    free(b);
    b = next;
  }
  ent_map_clear(&pool->interned);
  pool->blocks = NULL;
}

const char *
ent_pool_copy(EntPool *pool, const char *s, size_t len)
{
  EntPoolBlock *b = pool->blocks;
  if (!b || b->size - b->used < len + 1) {
    const size_t size = len + 1 > POOL_BLOCK_SIZE ? len + 1 : POOL_BLOCK_SIZE;
    EntPoolBlock *fresh = malloc(sizeof(EntPoolBlock) + size);
    if (!fresh) {
      return NULL;
    }
    fresh->size = size;
    fresh->used = 0;
    if (b && len + 1 > POOL_BLOCK_SIZE) {
      // Keep filling the current block; put the big string behind it.
      fresh->next = b->next;
      b->next = fresh;
    } else {
      fresh->next = b;
      pool->blocks = fresh;
    }
    b = fresh;
  }
  char *copy = b->data + b->used;
  memcpy(copy, s, len);
  copy[len] = '\0';
  b->used += len + 1;
  return copy;
}

const char *
ent_pool_intern(EntPool *pool, const char *s)
{
  const char *found = ent_map_get(&pool->interned, s);
  if (found) {
    return found;
  }
  const char *copy = ent_pool_copy(pool, s, strlen(s));
  if (!copy || ent_map_put(&pool->interned, copy, (void *)(uintptr_t)copy)) {
    return NULL;
  }
  return copy;
}

/// Whether code point `c` leaves a string NFC whatever stands beside it:
/// not a mark (or a Hangul jamo) that could compose with or be reordered
/// against the one before, and its own composition (a letter with a
/// canonical decomposition: most are their own NFC, singletons and
/// exclusions are not).  Most text is decided here without
/// utf8proc_map(), which cost a sixth of `validate`'s time on text that
/// was all NFC already.
static bool
nfc_inert(utf8proc_int32_t c)
{
  if (c < 0x300) {
    return true;
  }
  if ((c >= 0x1100 && c <= 0x11FF) || (c >= 0xA960 && c <= 0xA97F) ||
      (c >= 0xD7B0 && c <= 0xD7FF)) {
    return false;
  }
  const utf8proc_property_t *p = utf8proc_get_property(c);
  if (p->combining_class || p->comp_exclusion ||
      p->category == UTF8PROC_CATEGORY_MN ||
      p->category == UTF8PROC_CATEGORY_MC ||
      p->category == UTF8PROC_CATEGORY_ME) {
    return false;
  }
  if (p->decomp_seqindex == UINT16_MAX || p->decomp_type != 0) {
    return true; // no canonical decomposition
  }
  // Decomposed and composed again, alone: itself if it is NFC.
  utf8proc_int32_t buf[8];
  int last = 0;
  const utf8proc_ssize_t n =
    utf8proc_decompose_char(c, buf, 8, UTF8PROC_DECOMPOSE, &last);
  if (n <= 0 || n > 8) {
    return false;
  }
  const utf8proc_ssize_t m =
    utf8proc_normalize_utf32(buf, n, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
  return m == 1 && buf[0] == c;
}

EntStatus
ent_nfc(const char *s, size_t len, char **out)
{
  *out = NULL;
  if (len > (size_t)PTRDIFF_MAX) {
    return ENT_SUCCESS;
  }
  bool inert = true;
  for (size_t i = 0; i < len && inert;) {
    uint64_t word = 0;
    if (len - i >= sizeof(word)) {
      memcpy(&word, s + i, sizeof(word));
      if (!(word & UINT64_C(0x8080808080808080))) {
        i += sizeof(word); // eight ASCII bytes
        continue;
      }
    }
    if (!((unsigned char)s[i] & 0x80)) {
      ++i;
      continue;
    }
    utf8proc_int32_t c = -1;
    const utf8proc_ssize_t n = utf8proc_iterate(
      (const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &c);
    if (n <= 0) {
      return ENT_SUCCESS; // not UTF-8: refused by the caller
    }
    inert = nfc_inert(c);
    i += (size_t)n;
  }
  if (inert) {
    return ENT_SUCCESS;
  }
  utf8proc_uint8_t *nfc = NULL;
  const utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s,
                                          (utf8proc_ssize_t)len,
                                          &nfc,
                                          UTF8PROC_STABLE | UTF8PROC_COMPOSE);
  if (n == UTF8PROC_ERROR_NOMEM) {
    return ENT_ERR_NO_MEMORY;
  }
  if (n < 0 || ((size_t)n == len && memcmp(nfc, s, len) == 0)) {
    free(nfc);
    return ENT_SUCCESS;
  }
  *out = (char *)nfc;
  return ENT_SUCCESS;
}

const char *
ent_pool_copy_nfc(EntPool *pool, const char *s, size_t len)
{
  char *nfc = NULL;
  if (ent_nfc(s, len, &nfc)) {
    return NULL;
  }
  const char *copy =
    nfc ? ent_pool_copy(pool, nfc, strlen(nfc)) : ent_pool_copy(pool, s, len);
  free(nfc);
  return copy;
}

// ---- Buffer -------------------------------------------------------------

EntStatus
ent_buf_append(EntBuf *b, const char *s, size_t len)
{
  if (b->len + len + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + len + 1) {
      cap *= 2;
    }
    char *grown = realloc(b->buf, cap);
    if (!grown) {
      return ENT_ERR_NO_MEMORY;
    }
    b->buf = grown;
    b->cap = cap;
  }
  memcpy(b->buf + b->len, s, len);
  b->len += len;
  b->buf[b->len] = '\0';
  return ENT_SUCCESS;
}

EntStatus
ent_buf_appendf(EntBuf *b, const char *fmt, ...)
{
  char small[512];
  va_list args;
  va_start(args, fmt);
  const int n = vsnprintf(small, sizeof(small), fmt, args);
  va_end(args);
  if (n < 0) {
    return ENT_ERR_INTERNAL;
  }
  if ((size_t)n < sizeof(small)) {
    return ent_buf_append(b, small, (size_t)n);
  }
  char *big = malloc((size_t)n + 1);
  if (!big) {
    return ENT_ERR_NO_MEMORY;
  }
  va_start(args, fmt);
  vsnprintf(big, (size_t)n + 1, fmt, args);
  va_end(args);
  const EntStatus st = ent_buf_append(b, big, (size_t)n);
  free(big);
  return st;
}

void
ent_buf_reset(EntBuf *b)
{
  b->len = 0;
  if (b->buf) {
    b->buf[0] = '\0';
  }
}

void
ent_buf_free(EntBuf *b)
{
  free(b->buf);
  b->buf = NULL;
  b->len = b->cap = 0;
}
