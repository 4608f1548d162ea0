// SPDX-License-Identifier: MIT
// Internal helpers shared by every pipeline stage: the world and its log,
// string interning, hashing and value checks.  Not part of the public API.
#ifndef ENT_UTIL_H
#define ENT_UTIL_H

#include "../entente.h"

#include <raptor2.h>

#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>

#if defined(__GNUC__)
#define ENT_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define ENT_PRINTF(fmt, args)
#endif

/// Pass a failing status up unchanged.
#define TRY(st, expr)                     \
  do {                                    \
    if (((st) = (expr)) != ENT_SUCCESS) { \
      return (st);                        \
    }                                     \
  } while (0)

/// How many errors are reported before the rest are only counted.
#define ENT_MAX_REPORTED_ERRORS 50
/// How many warnings are shown before the rest are only counted.
#define ENT_MAX_REPORTED_WARNINGS 100

/// A start tag met in a file: where its '<' is, and its ordinal among
/// the file's start tags (from 1).
typedef struct {
  off_t offset;
  unsigned long line; ///< Its line and column (from 1)
  unsigned long column;
  unsigned long ordinal;
} EntTagMark;

/// What ent_locate_start_tag() learnt of one file: the tag it found last,
/// from where the next search goes on, and a mark every few megabytes,
/// from where a search for an earlier tag starts.  Zeroed to start; freed
/// with ent_tag_cursor_free().
typedef struct {
  EntTagMark last; ///< Ordinal 0: none yet
  EntTagMark *marks;
  size_t n_marks;
  size_t cap_marks;
} EntTagCursor;

/// Where the `ordinal`th start tag of the file open at `fd` is (line and
/// column, from 1), skipping comments, CDATA sections, processing
/// instructions and end tags; read with pread(), so the file's offset
/// stays.  Messages about elements are located so: libxml2 keeps no
/// column for a node, nor a true line past 65535, and its reader parses
/// ahead.  Messages mostly come in document order: a search goes on from
/// where `cursor` was left, so a run of them reads the file once; one
/// before it starts at the closest mark.  False if the tag is not found
/// (the file is not seekable, or changed).
bool ent_locate_start_tag(int fd,
                          unsigned long ordinal,
                          EntTagCursor *cursor,
                          unsigned long *line,
                          unsigned long *column);
void ent_tag_cursor_free(EntTagCursor *cursor);

/// A document whose start tags messages were located in (ent_vlog()).
typedef struct {
  char *path;
  int fd;
  struct stat file; ///< What `fd` was when opened: a file replaced since
                    ///< (a library user's next load) is opened again
  EntTagCursor cursor;
} TagLocator;

/// Where first_column_of_line() stopped reading a file.
typedef struct {
  char *path;
  FILE *file;         ///< At the start of `line`
  unsigned long line; ///< From 1
} LineCursor;

struct EntWorldImpl {
  raptor_world *raptor;
  EntLogFunc log;
  void *log_handle;
  unsigned long errors;
  unsigned long warnings;
  unsigned long reported;
  uint32_t logged;          ///< Bit s: an error of status s was logged
  unsigned threads;         ///< ent_world_set_threads(); at least 1
  bool ascii;               ///< ent_world_set_ascii()
  EntProgressFunc progress; ///< ent_world_set_progress(), or NULL
  void *progress_handle;
  LineCursor column_cursor;          ///< For messages without a column
  TagLocator tag_locators[4];        ///< For messages about elements, per file
  unsigned tag_locator_next;         ///< The slot the next new file takes
  unsigned long long buffered_limit; ///< ent_world_set_buffered_limit()
  EntStatus log_only; ///< If set, only errors of this status are logged
  /// The files this run read (ent_world_note_input()), by device and
  /// inode: an output never replaces or removes one of them.
  struct EntInputFile *inputs;
  size_t n_inputs;
  size_t cap_inputs;
  pthread_mutex_t inputs_lock; ///< Inputs may be read by worker threads
};

/// Remember the file open on `fd` as one this run reads (a dataset, the
/// ontology, a source's text, an RDF file to draw).
void ent_world_note_input(EntWorld *world, int fd);
/// Whether the file `st` describes is one this run read.
bool ent_world_is_input(EntWorld *world, const struct stat *st);
/// Whether an output may not replace `path`, which `st` describes: a file
/// this run read (said, at `path`, as the error that refuses it).
bool ent_world_refuse_replacing_input(EntWorld *world,
                                      const struct stat *st,
                                      const char *path);

/// Log only errors of status `status` from now on (ENT_SUCCESS: all
/// messages again): a pass that reads input a second time to find one kind
/// of error must not repeat the others.
void ent_world_log_only(EntWorld *world, EntStatus status);

/// Tell the world's progress callback, if any, how far `progress` is.
void ent_progress(EntWorld *world, const EntProgress *progress);

/// Where `at` is, as a message cites another place in its text
/// ("FILE:LINE:COLUMN", or "FILE:LINE" when no column is found; "?"
/// without a file), into `buf`, which is returned.  The file is read
/// again for the column only if a message of `level` would be shown now.
const char *ent_world_where(EntWorld *world,
                            EntLogLevel level,
                            const EntCaret *at,
                            char *buf,
                            size_t size);

/// Log a message; formats `fmt`, fills in a missing column from the file.
void ent_log(EntWorld *world,
             EntLogLevel level,
             EntStatus status,
             const EntCaret *caret,
             const char *fmt,
             ...) ENT_PRINTF(5, 6);
void ent_vlog(EntWorld *world,
              EntLogLevel level,
              EntStatus status,
              const EntCaret *caret,
              const char *fmt,
              va_list args) ENT_PRINTF(5, 0);

// ---- Hash map from NUL-terminated strings to pointers -------------------

typedef struct {
  const char *key; ///< Borrowed; NULL: a free slot
  void *value;
} EntMapSlot;

typedef struct {
  EntMapSlot *slots;
  /// Part of each used slot's key hash, 0 where the slot is free: a probe
  /// reads this dense array and looks at a slot and its string only where
  /// the tag matches, so a key that is absent costs one small read.
  uint32_t *tags;
  size_t size;  ///< Slots (a power of two)
  size_t count; ///< Used slots
} EntMap;

void ent_map_init(EntMap *map);
void ent_map_clear(EntMap *map);
/// Forget every key but keep the slots (a map refilled again and again).
void ent_map_empty(EntMap *map);
/// The value under `key`, or NULL.
void *ent_map_get(const EntMap *map, const char *key);
/// Insert or replace; `key` is borrowed and must outlive the map.
EntStatus ent_map_put(EntMap *map, const char *key, void *value);
/// ent_map_get for a key whose ent_hash() the caller has: one string
/// looked up in several maps is hashed once.
void *ent_map_get_hashed(const EntMap *map, const char *key, uint64_t hash);
uint64_t ent_hash(const char *s, size_t len);
/// A hash of a 64-bit key whose low bits depend on all of its bits (the
/// splitmix64 finaliser): a plain multiply leaves the low bits to the high
/// ones alone, and keys that differ there would probe one slot.
uint64_t ent_mix64(uint64_t x);

/// How many steps up a chain of parents (places within places) is
/// followed: a deeper one, or a cycle, is not followed further.
#define ENT_MAX_NESTING 16

/// Whether `inner` is `outer` or lies under it: `parent[i]` is i's
/// parent, or ENT_NO_ENTITY (UINT32_MAX) for none; at most
/// ENT_MAX_NESTING steps up.
bool ent_within(const uint32_t *parent, uint32_t inner, uint32_t outer);

/**
 * Make room for one more item in the array `*items` of `*cap` items of
 * `size` bytes, `count` of them used: doubles the capacity (starting at
 * `first`) when it is full.  On failure the array is left as it was.
 */
EntStatus ent_grow(void *items,
                   size_t *cap,
                   size_t count,
                   size_t size,
                   size_t first);

/**
 * Ask the kernel to back the block of `bytes` at `p` with transparent huge
 * pages, where it gives them only when asked (its "madvise" mode).  For
 * blocks of 8 MiB or more read at random: a hash map's slots, the model's
 * arrays.  With 4 KiB pages a random read of a gigabyte-sized model also
 * misses the TLB and walks page tables that no longer fit the cache, and
 * each page is a fault of its own; with 2 MiB pages, 512 times fewer
 * (docs/performance.md has what it saves).  A hint: smaller blocks, and
 * kernels without it, are left as they are.
 */
void ent_advise_large(void *p, size_t bytes);

// ---- String pool: owns copies, hands out stable pointers ----------------

typedef struct EntPoolBlock EntPoolBlock;
typedef struct {
  EntPoolBlock *blocks;
  EntMap interned;
} EntPool;

void ent_pool_init(EntPool *pool);
void ent_pool_clear(EntPool *pool);
/// A stable copy of `s[0..len)` plus NUL, not deduplicated.
const char *ent_pool_copy(EntPool *pool, const char *s, size_t len);
/// The one stable copy of `s` (deduplicated).
const char *ent_pool_intern(EntPool *pool, const char *s);

/// `s[0..len)` in Unicode normalization form C, malloc'd into *out (the
/// caller frees it); *out NULL where `s` is NFC already (ASCII always is)
/// or is not UTF-8 (which the callers refuse on their own).  RDF 1.1 asks
/// literals to be NFC: a name typed with a combining accent and one typed
/// precomposed are different strings to a SPARQL query.  ENT_ERR_NO_MEMORY
/// if memory ran out.
EntStatus ent_nfc(const char *s, size_t len, char **out);
/// ent_pool_copy() of `s` in normalization form C (ent_nfc()).
const char *ent_pool_copy_nfc(EntPool *pool, const char *s, size_t len);

/// The extension of the file name in `path`, after one final ".gz" is set
/// aside ("d/x.nt.gz" -> "nt"): its start, its length in `*len`; NULL when
/// the name has none (".ttl" is a name, not an extension).
const char *ent_path_extension(const char *path, size_t *len);

/// The directory temporary files go to: $TMPDIR, or /tmp.
const char *ent_temp_dir(void);
/// An anonymous temporary file (tmpfile()) in ent_temp_dir(), or NULL
/// after logging why.
FILE *ent_temp_file(EntWorld *world);
/// Write all `len` bytes of `buf` to `fd` at its file position; retried
/// when interrupted or short.  False, with errno set (ENOSPC for a write
/// of nothing), if not.
bool ent_write_fd(int fd, const void *buf, size_t len);

// ---- Growable byte buffer, always NUL-terminated ------------------------

typedef struct {
  char *buf;
  size_t len;
  size_t cap;
} EntBuf;

EntStatus ent_buf_append(EntBuf *b, const char *s, size_t len);
EntStatus ent_buf_appendf(EntBuf *b, const char *fmt, ...) ENT_PRINTF(2, 3);
void ent_buf_reset(EntBuf *b);
void ent_buf_free(EntBuf *b);

// ---- Value checks (all return true when the value is acceptable) --------

bool ent_is_utf8(const char *s, size_t len);
/// Byte `n` of UTF-8 `s` (which may be its terminating NUL) moved back to
/// the start of the character it falls in: where to cut `s` without
/// splitting a character.
size_t ent_utf8_back(const char *s, size_t n);
/// Byte `n` of UTF-8 `s` (`len` bytes) moved on to the start of the next
/// character, or to `len`.
size_t ent_utf8_forward(const char *s, size_t len, size_t n);
/// Append `s[0..len)` with every invisible character (format characters
/// such as U+200B or a soft hyphen, and what Unicode says to ignore)
/// written as \uXXXX, and combining marks too if `marks`: so that a
/// message shows how two strings that look alike differ.
void ent_buf_append_visible(EntBuf *out, const char *s, size_t len, bool marks);
/// `name` as a reader compares names: NFC without invisible characters,
/// case folded, accents stripped, dashes and spaces lumped, runs of
/// spaces one, none at the ends; after byte `tag` unless it is 0.
/// Malloc'd (the caller frees it), NULL if `name` is not UTF-8 or memory
/// ran out.
char *ent_loose_text(const char *name, char tag);
/// Edits (insert, delete, replace, swap two neighbours) that turn name `a`
/// into `b`, case aside (STATUS for status is a slip too), for names of up
/// to ENT_NAME_DISTANCE_MAX bytes; longer: SIZE_MAX.
size_t ent_name_distance(const char *a, const char *b);
/// Whether the first `len` bytes of `s` (UTF-8) hold a right-to-left
/// letter (Hebrew, Arabic, Syriac...: bidi class R or AL); false from
/// the first byte that is not UTF-8.
bool ent_has_rtl(const char *s, size_t len);
#define ENT_NAME_DISTANCE_MAX 63
bool ent_is_slug(const char *s);
/// A language tag of BCP 47 shape: alpha{1,8} ("-" alnum{1,8})*, at most
/// ENT_MAX_LANG_TAG bytes.
bool ent_is_lang_tag(const char *s);
/// Whether a value tagged `tag` is in language `wanted`: the same tag,
/// one of its subtags ("en-GB" for "en"), or one it is a subtag of ("en"
/// for "en-GB", as RFC 4647's lookup falls back), compared without case
/// as BCP 47 tags are.  The diagrams and the site pick names by it alike.
bool ent_lang_is(const char *tag, const char *wanted);
/// What a language tag should look like, for messages.
#define ENT_LANG_TAG_EXAMPLES "a BCP 47 tag such as 'en', 'ru' or 'uk-UA'"
/// Longest language tag accepted (RFC 5646 asks implementations for 35).
#define ENT_MAX_LANG_TAG 63
/// Text a literal may hold: valid UTF-8 without NUL, without control
/// characters other than tab and line feed, without noncharacters.
bool ent_is_text(const char *s, size_t len);
/// Why well-formed language tag `tag` is doubtful, or NULL: its first
/// subtag is two letters ISO 639-1 does not have ("ua", a country), or
/// four or more ("russian"); `*suggest` the code probably meant, or NULL.
const char *ent_lang_tag_doubt(const char *tag, const char **suggest);
/// ent_is_text() of text already known to be valid UTF-8.
bool ent_has_only_text_chars(const char *s, size_t len);
/// The offset of the first character of UTF-8 `s` that
/// ent_has_only_text_chars() refuses, or `len`; that character in
/// `*code_point`, when not NULL and there is one.
size_t ent_first_non_text_char(const char *s, size_t len, uint32_t *code_point);
/// An absolute IRI with no character N-Triples forbids in an IRIREF and
/// no "." or ".." segment in its path.
bool ent_is_absolute_iri(const char *s);
/// Whether `s`, an IRI, has a "." or ".." segment in its path (which
/// ent_is_absolute_iri() refuses): for a message that says so.
bool ent_iri_has_dot_segment(const char *s);
/// Append `text` (a part of an IRI) to `b` with its percent-escapes
/// decoded, for a reader, when what they make is UTF-8 with no control or
/// format character (C0, C1, a right-to-left override) and not spaces
/// alone; else `text` as it is.
EntStatus ent_buf_append_unescaped(EntBuf *b, const char *text);
/// Line and column (from 1; columns count characters) of byte `offset`
/// of UTF-8 `text`.
void ent_text_position(const char *text,
                       size_t offset,
                       unsigned long *line,
                       unsigned long *column);
/// Where `needle` first occurs in `text[0..len)`: line and column from 1.
bool ent_find_text(const char *text,
                   size_t len,
                   const char *needle,
                   unsigned long *line,
                   unsigned long *column);
/// Where line `line` (from 1) starts in a text, once found: a parser's
/// messages come in line order, so the next is found from here.
typedef struct {
  unsigned long line; ///< 0: nothing found yet
  size_t at;
} EntLineCursor;
/// For a parser's message without a column: with a line, the column of
/// what it quotes in '...' ("syntax error at '@'") when that occurs on the
/// line once; without, where what it quotes in "..." (an undeclared
/// prefix) first occurs in `text[0..len)`.  Leaves `caret` as it is when
/// it has a column or nothing quoted is found.  `cursor` (or NULL) keeps
/// the last line found, for the next message's.
void ent_place_quoted(const char *message,
                      const char *text,
                      size_t len,
                      EntCaret *caret,
                      EntLineCursor *cursor);
/// Written as a date is, YYYY-MM-DD in digits, whether or not the
/// calendar has it.
bool ent_has_date_shape(const char *s);
/// A real calendar date written YYYY-MM-DD; fills y/m/d when not NULL.
bool ent_parse_date(const char *s, int *y, int *m, int *d);
/// 0 = Monday ... 6 = Sunday.
int ent_weekday(int y, int m, int d);
/// The day's number, counted from 1970-01-01 (0): days between two dates.
long ent_day_number(int y, int m, int d);
/// An xsd:duration of the form PnYnMnDTnHnMnS with at least one part.
bool ent_is_duration(const char *s);
/// Duration `s` (ent_is_duration()) as a reader says it, its parts as
/// written ("PT13H" -> "13 hours", "P1DT2H" -> "1 day, 2 hours"), in
/// `out` (reset first); false if it is no duration or memory ran out.
bool ent_duration_words(const char *s, EntBuf *out);
/// A canonical xsd:nonNegativeInteger (no sign, no leading zero).
bool ent_is_count(const char *s);
/// Text with something other than white space in it.
bool ent_has_text(const char *s);

// ---- Output files (output.c, output_set.c) -------------------------------

struct stat;
/// Refuse to replace `path` (described by `st`) when it is not a regular
/// file, is read-only, or has other hard links; logs why.
EntStatus ent_output_check_target(EntWorld *world,
                                  const char *path,
                                  const struct stat *st);
/// Give the open file `fd` the permission bits (and owner, where allowed)
/// of the file it will replace.
void ent_output_adopt_mode(int fd, const struct stat *target);
/// A file of an output set: created at `path` in the set's scratch
/// directory; commit closes it there, abort removes it.  `target`
/// (nullable) is the file it will replace, for its mode.
EntStatus ent_output_open_staged(EntWorld *world,
                                 const char *path,
                                 const struct stat *target,
                                 EntOutput **out);

#endif // ENT_UTIL_H
