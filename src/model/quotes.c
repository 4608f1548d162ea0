// SPDX-License-Identifier: MIT
// Checking that verbatim quotes appear in the text of their source.

#define _GNU_SOURCE 1 // memmem()

#include "model.h"

#include <utf8proc.h>

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/// Article texts are news pieces; a larger file is not one.
#define SOURCE_TEXT_CAP ((size_t)64 * 1024 * 1024)

/// Append `s` to `b` as quotes are compared: in Unicode NFC (a quote typed
/// with a combining accent matches the article's precomposed one), without
/// the characters Unicode says to ignore (a soft hyphen, a zero-width
/// space or joiner: web copy is full of them, and they are no part of the
/// words), with typographic quotes and apostrophes of any language folded
/// to ASCII, dashes to '-', an ellipsis to "...", and runs of white space
/// to one space, so that a quote copied from a web page with other marks
/// or line breaks still matches.
static EntStatus
normalise(EntBuf *b, const char *raw, size_t raw_len)
{
  static const struct {
    const char *from;
    const char *to;
  } folds[] = {
    { "\xE2\x80\x98", "'" },
    { "\xE2\x80\x99", "'" },
    { "\xE2\x80\x9B", "'" },
    { "\xE2\x80\xB2", "'" },
    { "\xE2\x80\x9C", "\"" },
    { "\xE2\x80\x9D", "\"" },
    { "\xE2\x80\x9F", "\"" },
    { "\xC2\xAB", "\"" },
    { "\xC2\xBB", "\"" },
    { "\xC2\xA0", " " },
    { "\xE2\x80\x90", "-" },
    { "\xE2\x80\x91", "-" },
    { "\xE2\x80\x92", "-" },
    { "\xE2\x80\x93", "-" },
    { "\xE2\x80\x94", "-" },
    { "\xE2\x80\x95", "-" },
    { "\xE2\x88\x92", "-" },
    { "\xE2\x80\xA6", "..." },
    // Low quotes (German, Ukrainian, Czech), single guillemets, the
    // modifier letter apostrophe (Ukrainian), the double prime, CJK
    // quotation brackets and full-width marks.
    { "\xE2\x80\x9A", "'" },
    { "\xE2\x80\x9E", "\"" },
    { "\xE2\x80\xB9", "'" },
    { "\xE2\x80\xBA", "'" },
    { "\xCA\xBC", "'" },
    { "\xE2\x80\xB3", "\"" },
    { "\xE3\x80\x8C", "\"" },
    { "\xE3\x80\x8D", "\"" },
    { "\xE3\x80\x8E", "\"" },
    { "\xE3\x80\x8F", "\"" },
    { "\xE3\x80\x9D", "\"" },
    { "\xE3\x80\x9E", "\"" },
    { "\xE3\x80\x9F", "\"" },
    { "\xEF\xBC\x82", "\"" },
    { "\xEF\xBC\x87", "'" },
    // Spaces of every width (French puts a narrow one before « and !).
    { "\xE2\x80\x80", " " },
    { "\xE2\x80\x81", " " },
    { "\xE2\x80\x82", " " },
    { "\xE2\x80\x83", " " },
    { "\xE2\x80\x84", " " },
    { "\xE2\x80\x85", " " },
    { "\xE2\x80\x86", " " },
    { "\xE2\x80\x87", " " },
    { "\xE2\x80\x88", " " },
    { "\xE2\x80\x89", " " },
    { "\xE2\x80\x8A", " " },
    { "\xE2\x80\xAF", " " },
    { "\xE2\x81\x9F", " " },
    { "\xE3\x80\x80", " " },
  };
  utf8proc_uint8_t *composed = NULL;
  const utf8proc_ssize_t n =
    utf8proc_map((const utf8proc_uint8_t *)raw,
                 (utf8proc_ssize_t)raw_len,
                 &composed,
                 UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_IGNORE);
  if (n < 0) {
    return n == UTF8PROC_ERROR_NOMEM ? ENT_ERR_NO_MEMORY : ENT_ERR_BAD_VALUE;
  }
  const char *s = (const char *)composed;
  const size_t len = (size_t)n;
  bool in_space = true; // drops leading white space
  EntStatus st = ENT_SUCCESS;
  for (size_t i = 0; !st && i < len;) {
    const char *to = NULL;
    size_t step = 1;
    if ((unsigned char)s[i] >= 0x80) {
      for (size_t k = 0; k < sizeof(folds) / sizeof(folds[0]); ++k) {
        const size_t m = strlen(folds[k].from);
        if (i + m <= len && memcmp(s + i, folds[k].from, m) == 0) {
          to = folds[k].to;
          step = m;
          break;
        }
      }
    }
    const char c = to ? to[0] : s[i];
    const bool space =
      to ? !strcmp(to, " ") : (c == ' ' || c == '\t' || c == '\n' || c == '\r');
    if (space) {
      if (!in_space) {
        st = ent_buf_append(b, " ", 1);
      }
      in_space = true;
    } else {
      st = to ? ent_buf_append(b, to, strlen(to)) : ent_buf_append(b, &c, 1);
      in_space = false;
    }
    i += step;
  }
  free(composed);
  if (!st && b->len && b->buf[b->len - 1] == ' ') {
    b->buf[--b->len] = '\0';
  }
  return st;
}

EntStatus
ent_graph_add_text_dir(EntGraph *graph, const char *dir)
{
  const char *kept = dir ? ent_pool_intern(&graph->strings, dir) : NULL;
  const char **grown =
    kept ? realloc((void *)graph->text_dirs,
                   (graph->n_text_dirs + 1) * sizeof(const char *))
         : NULL;
  if (!grown) {
    return dir ? ENT_ERR_NO_MEMORY : ENT_ERR_BAD_ARG;
  }
  graph->text_dirs = grown;
  graph->text_dirs[graph->n_text_dirs++] = kept;
  return ENT_SUCCESS;
}

/// Whether `path` climbs with a ".." component (or is empty or absolute).
static bool
leaves_its_directory(const char *path)
{
  if (!*path || path[0] == '/') {
    return true;
  }
  for (const char *p = path; *p;) {
    const char *slash = strchr(p, '/');
    const size_t n = slash ? (size_t)(slash - p) : strlen(p);
    if (n == 2 && p[0] == '.' && p[1] == '.') {
      return true;
    }
    p += n + (slash ? 1 : 0);
  }
  return false;
}

/// Whether `real` (a resolved path) is `root` (resolved) or lies in it.
static bool
is_inside(const char *real, const char *root)
{
  const size_t n = strlen(root);
  return !strncmp(real, root, n) &&
         (real[n] == '/' || real[n] == '\0' || (n == 1 && root[0] == '/'));
}

/// Whether the deepest directory of `candidate` that exists (the file
/// itself does not) lies outside `real_root`: a path through a link that
/// leads out is refused whether or not the file at its end exists, so
/// that a dataset cannot learn which files the machine holds.
static bool
existing_part_leaves(const char *candidate, const char *real_root)
{
  char *copy = strdup(candidate);
  bool leaves = false;
  for (char *slash = copy ? strrchr(copy, '/') : NULL; slash;
       slash = strrchr(copy, '/')) {
    *slash = '\0';
    char *real = *copy ? realpath(copy, NULL) : NULL;
    if (real) {
      leaves = !is_inside(real, real_root);
      free(real);
      break;
    }
  }
  free(copy);
  return leaves;
}

EntStatus
ent_graph_resolve_text(EntGraph *graph,
                       const char *text,
                       const char *dataset_dir,
                       const EntCaret *at,
                       char **out)
{
  *out = NULL;
  if (leaves_its_directory(text)) {
    // Said the same whether or not such a file exists: a dataset is
    // untrusted input and must not learn what is on the machine.
    ent_log(graph->world,
            ENT_LOG_ERROR,
            ENT_ERR_BAD_VALUE,
            at,
            "text path '%s' must be relative to the corpus directory (or "
            "the dataset's, outside a corpus) or to a --text-dir "
            "directory, and may not contain '..'",
            text);
    return ENT_ERR_BAD_VALUE;
  }
  const char *first = graph->corpus_dir ? graph->corpus_dir : dataset_dir;
  for (size_t r = 0; r <= graph->n_text_dirs; ++r) {
    const char *root = r == 0 ? first : graph->text_dirs[r - 1];
    char *real_root = root ? realpath(root, NULL) : NULL;
    if (!real_root) {
      continue;
    }
    EntBuf candidate = { NULL, 0, 0 };
    char *real = NULL;
    bool leaves = false;
    if (!ent_buf_appendf(&candidate, "%s/%s", real_root, text)) {
      real = realpath(candidate.buf, NULL);
      leaves = real ? !is_inside(real, real_root)
                    : existing_part_leaves(candidate.buf, real_root);
    }
    ent_buf_free(&candidate);
    free(real_root);
    if (leaves) {
      free(real);
      ent_log(graph->world,
              ENT_LOG_ERROR,
              ENT_ERR_BAD_VALUE,
              at,
              "text path '%s' leads out of its directory through a link; "
              "name a file inside the corpus or a --text-dir directory",
              text);
      return ENT_ERR_BAD_VALUE;
    }
    if (real) {
      *out = real;
      return ENT_SUCCESS;
    }
  }
  return ENT_SUCCESS;
}

/// Whether `raw[0..len)` is UTF-8 text: no NUL, no invalid sequence (a
/// surrogate or an overlong form included); if not, where the first bad
/// byte is, counted from 0, and on which line (from 1).
static bool
is_utf8_text(const char *raw, size_t len, size_t *bad, unsigned long *line)
{
  *line = 1;
  for (size_t i = 0; i < len;) {
    utf8proc_int32_t c = -1;
    const utf8proc_ssize_t n = utf8proc_iterate(
      (const utf8proc_uint8_t *)raw + i, (utf8proc_ssize_t)(len - i), &c);
    if (n <= 0 || c == 0) {
      *bad = i;
      return false;
    }
    *line += c == '\n';
    i += (size_t)n;
  }
  return true;
}

/// The normalised text of source `source`, read once; NULL when it
/// cannot be read (warned about once).
static EntStatus
source_text(EntGraph *g, uint32_t source, const char **out)
{
  Entity *src = &g->entities[source];
  *out = src->text;
  if (src->text || src->text_missing || src->text_refused || !src->text_path) {
    return ENT_SUCCESS;
  }
  if (access(src->text_path, F_OK) != 0) {
    src->text_missing = true; // each of its quotes says so
    return ENT_SUCCESS;
  }
  struct stat info;
  if (stat(src->text_path, &info) != 0 || !S_ISREG(info.st_mode)) {
    const EntCaret at = ent_caret_of(src->at);
    ent_log(g->world,
            ENT_LOG_ERROR,
            ENT_ERR_IO,
            &at,
            "text of source '%s' at %s is not a regular file; name the "
            "article's text file",
            src->id,
            src->text_path);
    return ENT_ERR_IO;
  }
  if ((unsigned long long)info.st_size > SOURCE_TEXT_CAP) {
    const EntCaret at = ent_caret_of(src->at);
    ent_log(g->world,
            ENT_LOG_ERROR,
            ENT_ERR_IO,
            &at,
            "the text of source '%s' (%s) is %lld bytes, more than the %zu "
            "(64 MiB) a source's text may have; give the article's own text",
            src->id,
            src->text_path,
            (long long)info.st_size,
            SOURCE_TEXT_CAP);
    return ENT_ERR_IO;
  }
  char *raw = NULL;
  size_t raw_len = 0;
  EntStatus st = ENT_SUCCESS;
  TRY(st,
      ent_read_file(g->world, src->text_path, SOURCE_TEXT_CAP, &raw, &raw_len));
  const EntCaret at = ent_caret_of(src->at);
  size_t bad = 0;
  unsigned long line = 1;
  const unsigned char *u = (const unsigned char *)raw;
  if (raw_len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
                       (u[0] == 0xFE && u[1] == 0xFF) || !u[0] || !u[1])) {
    // Notepad's "Unicode": converted from WINDOWS-1252 it keeps its NULs.
    ent_log(g->world,
            ENT_LOG_ERROR,
            ENT_ERR_BAD_VALUE,
            &at,
            "the text of source '%s' (%s) is UTF-16 or UTF-32, not UTF-8; "
            "save it as UTF-8 (iconv -f UTF-16 -t UTF-8)",
            src->id,
            src->text_path);
    free(raw);
    src->text_refused = true;
    return ENT_SUCCESS;
  }
  if (!is_utf8_text(raw, raw_len, &bad, &line)) {
    ent_log(g->world,
            ENT_LOG_ERROR,
            ENT_ERR_BAD_VALUE,
            &at,
            "the text of source '%s' (%s) is not UTF-8 text: %s at line "
            "%lu (byte %zu); %s",
            src->id,
            src->text_path,
            raw[bad] ? "a byte that is not UTF-8" : "a NUL byte",
            line,
            bad + 1,
            // A NUL is no encoding's text: binary, or UTF-16's zero bytes.
            raw[bad] ? "save it as UTF-8 (iconv -f WINDOWS-1252 -t UTF-8, or "
                       "the encoding it was saved in)"
                     : "give the article's text as plain UTF-8 text (a file "
                       "in UTF-16 is converted with iconv -f UTF-16 -t "
                       "UTF-8; a binary file, such as a PDF, is not text)");
    free(raw);
    src->text_refused = true;
    return ENT_SUCCESS;
  }
  EntBuf text = { NULL, 0, 0 };
  st = normalise(&text, raw, raw_len);
  free(raw);
  if (!st && !text.len) {
    ent_log(g->world,
            ENT_LOG_ERROR,
            ENT_ERR_BAD_VALUE,
            &at,
            "the text of source '%s' (%s) is empty, so no quote can be "
            "checked against it; put the article's text in it",
            src->id,
            src->text_path);
    src->text_refused = true;
  } else if (!st) {
    src->text = ent_pool_copy(&g->strings, text.buf, text.len);
    st = src->text ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
  }
  ent_buf_free(&text);
  *out = src->text;
  return st;
}

/// The longest start of `quote` (normalised, `len` bytes) that the text
/// holds, in bytes, at a character's start; *at: where the text has it.
/// A start the text holds has every shorter start in it too, so the
/// length is found by halving: a few memmem() calls.
static size_t
longest_start(const char *text,
              size_t text_len,
              const char *quote,
              size_t len,
              const char **at)
{
  size_t lo = 0; // held (a character's start)
  size_t hi = len;
  *at = NULL;
  while (lo < hi) {
    size_t mid = ent_utf8_forward(quote, len, lo + (hi - lo + 1) / 2);
    if (mid > hi) {
      // The middle fell in a character that ends past hi: try the first
      // character after lo, if one ends by hi.
      mid = ent_utf8_forward(quote, len, lo + 1);
      if (mid > hi) {
        break; // no character ends between lo and hi
      }
    }
    const char *found = memmem(text, text_len, quote, mid);
    if (found) {
      lo = mid;
      *at = found;
    } else {
      hi = mid - 1;
    }
  }
  return lo;
}

/// Up to about `most` bytes of `s[0..len)` for a message: whole characters,
/// cut at a space where there is one, "..." where cut.
static void
excerpt(EntBuf *out, const char *s, size_t len, size_t most, bool from_end)
{
  size_t n = len < most ? len : most;
  const char *start = from_end ? s + len - n : s;
  if (n < len) {
    if (from_end) {
      const size_t into = ent_utf8_forward(start, n, 0);
      start += into;
      n -= into;
      const char *space = memchr(start, ' ', n);
      if (space && (size_t)(space - start) < n / 2) {
        n -= (size_t)(space + 1 - start);
        start = space + 1;
      }
      ent_buf_append(out, "...", 3);
    } else {
      n = ent_utf8_back(s, n);
      for (size_t k = n; k > n / 2; --k) {
        if (s[k] == ' ') {
          n = k;
          break;
        }
      }
    }
  }
  // A zero-width space or a soft hyphen is where a quote most often parts
  // from a text it looks the same as: shown.
  ent_buf_append_visible(out, start, n, false);
  if (!from_end && n < len) {
    ent_buf_append(out, "...", 3);
  }
}

/// Where a quote the text does not hold parts from it: after the longest
/// start of it the text has, what the text goes on with and what the
/// quote does.  Empty when the text has not even its first words.
static void
divergence(EntBuf *out, const char *text, size_t text_len, const EntBuf *quote)
{
  const char *at = NULL;
  const size_t kept =
    longest_start(text, text_len, quote->buf, quote->len, &at);
  if (kept < 8 || !at) {
    // Not even a word or two: where it parts is its start.
    ent_buf_append(out, "; the text has none of its start, '", 35);
    excerpt(out, quote->buf, quote->len, 30, false);
    ent_buf_append(out, "'", 1);
    return;
  }
  const char *after = at + kept;
  const size_t rest = text_len - (size_t)(after - text);
  ent_buf_append(out, "; the text has '", 16);
  excerpt(out, quote->buf, kept - (quote->buf[kept - 1] == ' '), 40, true);
  if (rest) {
    ent_buf_append(out, "' and then '", 12);
    excerpt(out, after, rest, 30, false);
    ent_buf_append(out, "' where the quote has '", 23);
  } else {
    ent_buf_append(out, "' and then ends, where the quote has '", 38);
  }
  excerpt(out, quote->buf + kept, quote->len - kept, 30, false);
  ent_buf_append(out, "'", 1);
}

EntStatus
ent_graph_check_fact_quote(EntGraph *g, const Fact *f, unsigned long *misses)
{
  const Entity *e = &g->entities[f->subject];
  if (f->prop != ENT_PROP_TEXT || e->cls != ENT_CLASS_QUOTATION ||
      f->source == ENT_NO_ENTITY) {
    return ENT_SUCCESS;
  }
  const char *text = NULL;
  EntStatus st = ENT_SUCCESS;
  TRY(st, source_text(g, f->source, &text));
  const Entity *src = &g->entities[f->source];
  const EntCaret at = ent_caret_of(f->at);
  if (src->text_refused) {
    // Said once, at the source; the quote fails, and the others of the
    // run are still checked.
    ++*misses;
    return ENT_SUCCESS;
  }
  if (!text) {
    // Unchecked quotes are said every time: a check that goes silent
    // looks like a check that passed.
    if (src->text_path) {
      ent_log(g->world,
              ENT_LOG_WARNING,
              ENT_FAILURE,
              &at,
              "quote '%s' is not checked: the text of source '%s' is not "
              "at %s; give --text %s=FILE",
              e->id,
              src->id,
              src->text_path,
              src->id);
    } else if (src->text_named) {
      ent_log(g->world,
              ENT_LOG_WARNING,
              ENT_FAILURE,
              &at,
              "quote '%s' is not checked: the text '%s' of source '%s' is "
              "in none of the directories texts are read from; give "
              "--text-dir DIR or --text %s=FILE",
              e->id,
              src->text_named,
              src->id,
              src->id);
    } else {
      ent_log(g->world,
              ENT_LOG_WARNING,
              ENT_FAILURE,
              &at,
              "quote '%s' is not checked: source '%s' names no text; give "
              "it text=\"FILE\" or give --text %s=FILE",
              e->id,
              src->id,
              src->id);
    }
    return ENT_SUCCESS;
  }
  EntBuf quote = { NULL, 0, 0 };
  st = normalise(&quote, f->value, strlen(f->value));
  // memmem(), not strstr(): glibc's strstr() takes time quadratic in the
  // lengths on some inputs (a quote of 'a a a ... b' against a text of
  // 'a a a ...': minutes for one quote), memmem()'s two-way search is
  // linear.
  if (g->searched_text != text) {
    g->searched_text = text;
    g->searched_len = strlen(text);
  }
  if (!st &&
      (!quote.buf || !memmem(text, g->searched_len, quote.buf, quote.len))) {
    ++*misses;
    EntBuf where = { NULL, 0, 0 };
    if (quote.buf) {
      divergence(&where, text, g->searched_len, &quote);
    }
    ent_log(g->world,
            ENT_LOG_ERROR,
            ENT_ERR_QUOTE,
            &at,
            "quote '%s' does not appear verbatim in the text of source "
            "'%s' (%s)%s; copy it exactly or make it a paraphrase",
            e->id,
            src->id,
            src->text_path,
            where.buf ? where.buf : "");
    ent_buf_free(&where);
  }
  ent_buf_free(&quote);
  return st;
}

EntStatus
ent_graph_check_quotes(EntGraph *graph)
{
  unsigned long misses = 0;
  EntStatus st = ENT_SUCCESS;
  for (size_t i = 0; i < graph->n_facts; ++i) {
    TRY(st, ent_graph_check_fact_quote(graph, &graph->facts[i], &misses));
  }
  return misses ? ENT_ERR_QUOTE : ENT_SUCCESS;
}
