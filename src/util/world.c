// SPDX-License-Identifier: MIT
// The world: raptor's state, libxml2's one-time set-up and the log sink.

#define _GNU_SOURCE 1 // mkostemp()

#include "util.h"

#include <libxml/parser.h>

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const status_messages[] = {
  "Success",
  "Non-fatal failure",
  "Out of memory",
  "Input or output failed",
  "Input is not well-formed",
  "Input does not follow the dataset schema",
  "Invalid argument",
  "Malformed value",
  "Invalid date",
  "Empty name or text",
  "Reference to an unknown ID",
  "Duplicate ID",
  "Relation between entities of the wrong classes",
  "Term not declared in the ontology",
  "Quote not found in its source text",
  "Unusable ontology",
  "Internal library failure",
  "Too large for this format",
};

const char *
ent_strerror(const EntStatus status)
{
  const size_t i = (size_t)status;
  return i < sizeof(status_messages) / sizeof(status_messages[0])
           ? status_messages[i]
           : "Unknown status";
}

void
ent_log_to_stderr(void *handle,
                  const EntLogLevel level,
                  const EntStatus status,
                  const EntCaret *caret,
                  const char *message)
{
  (void)handle;
  (void)status;
  static const char *const level_names[] = { "error", "warning", "note" };
  if (caret && caret->document && caret->line) {
    fprintf(stderr,
            "%s:%lu:%lu: %s: %s\n",
            caret->document,
            caret->line,
            caret->column ? caret->column : 1UL,
            level_names[level],
            message);
  } else if (caret && caret->document) {
    fprintf(
      stderr, "%s: %s: %s\n", caret->document, level_names[level], message);
  } else {
    fprintf(stderr, "entente: %s: %s\n", level_names[level], message);
  }
}

EntStatus
ent_world_new(EntWorld **out)
{
  *out = NULL;
  EntWorld *world = calloc(1, sizeof(EntWorld));
  if (!world) {
    return ENT_ERR_NO_MEMORY;
  }
  xmlInitParser();
  world->raptor = raptor_new_world();
  if (!world->raptor) {
    free(world);
    return ENT_ERR_NO_MEMORY;
  }
  pthread_mutex_init(&world->inputs_lock, NULL);
  // raptor would otherwise install its own libxml2 error handlers, which
  // are process-global; entente reports libxml2 errors itself.
  raptor_world_set_flag(
    world->raptor, RAPTOR_WORLD_FLAG_LIBXML_GENERIC_ERROR_SAVE, 0);
  raptor_world_set_flag(
    world->raptor, RAPTOR_WORLD_FLAG_LIBXML_STRUCTURED_ERROR_SAVE, 0);
  // Interning makes every new URI search and update one tree of all URIs
  // alive; the writers keep their own cache of recent terms, and raptor
  // compares URIs by their text either way.
  raptor_world_set_flag(world->raptor, RAPTOR_WORLD_FLAG_URI_INTERNING, 0);
  if (raptor_world_open(world->raptor)) {
    raptor_free_world(world->raptor);
    pthread_mutex_destroy(&world->inputs_lock);
    free(world);
    return ENT_ERR_INTERNAL;
  }
  world->log = ent_log_to_stderr;
  world->threads = 1;
  world->buffered_limit = ENT_BUFFERED_MAX_STATEMENTS;
  *out = world;
  return ENT_SUCCESS;
}

void
ent_world_free(EntWorld *world)
{
  if (world) {
    raptor_free_world(world->raptor);
    if (world->column_cursor.file) {
      fclose(world->column_cursor.file);
    }
    free(world->column_cursor.path);
    for (size_t i = 0;
         i < sizeof(world->tag_locators) / sizeof(world->tag_locators[0]);
         ++i) {
      TagLocator *t = &world->tag_locators[i];
      if (t->path && t->fd >= 0) {
        close(t->fd);
      }
      free(t->path);
      ent_tag_cursor_free(&t->cursor);
    }
    free(world->inputs);
    pthread_mutex_destroy(&world->inputs_lock);
    free(world);
  }
}

struct EntInputFile {
  dev_t dev;
  ino_t ino;
  bool used;
};

/// The slot of (dev, ino) in the open-addressed set world->inputs: its own,
/// or the free one where it would go.  cap_inputs is a power of two.
static size_t
input_slot(const EntWorld *world, dev_t dev, ino_t ino)
{
  const size_t mask = world->cap_inputs - 1;
  size_t i = (size_t)ent_mix64((uint64_t)dev ^ ent_mix64((uint64_t)ino)) & mask;
  while (world->inputs[i].used &&
         !(world->inputs[i].dev == dev && world->inputs[i].ino == ino)) {
    i = (i + 1) & mask;
  }
  return i;
}

void
ent_world_note_input(EntWorld *world, int fd)
{
  struct stat st;
  if (!world || fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    return;
  }
  pthread_mutex_lock(&world->inputs_lock);
  // Half full at most: a corpus may have many thousands of articles.
  if (2 * (world->n_inputs + 1) > world->cap_inputs) {
    const size_t cap = world->cap_inputs ? 2 * world->cap_inputs : 64;
    struct EntInputFile *grown = calloc(cap, sizeof(struct EntInputFile));
    if (grown) {
      struct EntInputFile *old = world->inputs;
      const size_t old_cap = world->cap_inputs;
      world->inputs = grown;
      world->cap_inputs = cap;
      for (size_t i = 0; i < old_cap; ++i) {
        if (old[i].used) {
          world->inputs[input_slot(world, old[i].dev, old[i].ino)] = old[i];
        }
      }
      free(old);
    }
  }
  if (2 * (world->n_inputs + 1) <= world->cap_inputs) {
    const size_t i = input_slot(world, st.st_dev, st.st_ino);
    if (!world->inputs[i].used) {
      world->inputs[i] = (struct EntInputFile){ st.st_dev, st.st_ino, true };
      ++world->n_inputs;
    }
  }
  pthread_mutex_unlock(&world->inputs_lock);
}

bool
ent_world_is_input(EntWorld *world, const struct stat *st)
{
  pthread_mutex_lock(&world->inputs_lock);
  const bool found =
    world->cap_inputs &&
    world->inputs[input_slot(world, st->st_dev, st->st_ino)].used;
  pthread_mutex_unlock(&world->inputs_lock);
  return found;
}

void
ent_world_set_log(EntWorld *world, EntLogFunc func, void *handle)
{
  world->log = func ? func : ent_log_to_stderr;
  world->log_handle = func ? handle : NULL;
}

void
ent_world_set_threads(EntWorld *world, unsigned threads)
{
  world->threads = threads ? threads : 1;
}

void
ent_world_set_ascii(EntWorld *world, bool ascii)
{
  world->ascii = ascii;
}

void
ent_world_set_buffered_limit(EntWorld *world, unsigned long long statements)
{
  world->buffered_limit = statements ? statements : ENT_BUFFERED_MAX_STATEMENTS;
}

void
ent_world_set_progress(EntWorld *world, EntProgressFunc func, void *handle)
{
  world->progress = func;
  world->progress_handle = func ? handle : NULL;
}

void
ent_progress(EntWorld *world, const EntProgress *progress)
{
  if (world->progress) {
    world->progress(world->progress_handle, progress);
  }
}

unsigned long
ent_world_error_count(const EntWorld *world)
{
  return world->errors;
}

bool
ent_world_logged(const EntWorld *world, EntStatus status)
{
  return world && (unsigned)status < 32 &&
         (world->logged >> (unsigned)status & 1U);
}

unsigned long
ent_world_warning_count(const EntWorld *world)
{
  return world->warnings;
}

/// Column of the first non-blank character on `line` of `path`, or 0.
/// Messages come in the order of their lines, many for one file: the
/// file stays open at the line reached, so that finding the columns of a
/// file's messages reads it once, not once per message.
static unsigned long
first_column_of_line(EntWorld *world, const char *path, unsigned long line)
{
  LineCursor *cur = &world->column_cursor;
  if (!cur->path || strcmp(cur->path, path) != 0 || line < cur->line) {
    if (cur->file) {
      fclose(cur->file);
    }
    free(cur->path);
    cur->path = strdup(path);
    cur->file = cur->path ? fopen(path, "rb") : NULL;
    cur->line = 1;
  }
  FILE *f = cur->file;
  if (!f) {
    return 0;
  }
  // Whole lines at a time (getline looks for the newline with memchr):
  // the first message may stand far into a large dataset.
  char *text = NULL;
  size_t cap = 0;
  while (cur->line < line && getline(&text, &cap, f) >= 0) {
    ++cur->line;
  }
  unsigned long column = 0;
  const ssize_t len = cur->line == line ? getline(&text, &cap, f) : -1;
  if (len >= 0) {
    for (ssize_t i = 0; i < len && text[i] != '\n'; ++i) {
      if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r') {
        column = (unsigned long)i + 1;
        break;
      }
    }
    ++cur->line; // the cursor stands at the next line's start
  }
  free(text);
  return column;
}

bool
ent_world_refuse_replacing_input(EntWorld *world,
                                 const struct stat *st,
                                 const char *path)
{
  if (!ent_world_is_input(world, st)) {
    return false;
  }
  ent_log(world,
          ENT_LOG_ERROR,
          ENT_ERR_IO,
          &(EntCaret){ .document = path },
          "this run read the file; the output would replace it: write the "
          "output elsewhere; nothing written");
  return true;
}

/// `path` opened for reading, `*file` what it is; -1 unless it is a regular
/// file (it was replaced by another kind since it was read).
static int
open_dataset_again(const char *path, struct stat *file)
{
  const int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd >= 0 && (fstat(fd, file) != 0 || !S_ISREG(file->st_mode))) {
    close(fd);
    return -1;
  }
  return fd;
}

/// Where the `tag`th start tag of `path` is.  The last few files asked
/// about stay open with what was learnt of them: a message about one
/// file's element often follows a message about another's.
static bool
locate_tag(EntWorld *world,
           const char *path,
           unsigned long tag,
           unsigned long *line,
           unsigned long *column)
{
  const size_t slots =
    sizeof(world->tag_locators) / sizeof(world->tag_locators[0]);
  TagLocator *found = NULL;
  for (size_t i = 0; i < slots && !found; ++i) {
    TagLocator *t = &world->tag_locators[i];
    found = t->path && !strcmp(t->path, path) ? t : NULL;
  }
  struct stat now;
  const bool exists = stat(path, &now) == 0;
  if (found &&
      (!exists || found->fd < 0 || now.st_dev != found->file.st_dev ||
       now.st_ino != found->file.st_ino || now.st_size != found->file.st_size ||
       now.st_mtim.tv_sec != found->file.st_mtim.tv_sec ||
       now.st_mtim.tv_nsec != found->file.st_mtim.tv_nsec)) {
    // Replaced or changed since it was opened: what was learnt of it is
    // of another file.
    if (found->fd >= 0) {
      close(found->fd);
    }
    ent_tag_cursor_free(&found->cursor);
    found->fd = open_dataset_again(path, &found->file);
  } else if (!found) {
    found = &world->tag_locators[world->tag_locator_next++ % slots];
    if (found->path && found->fd >= 0) {
      close(found->fd);
    }
    free(found->path);
    ent_tag_cursor_free(&found->cursor);
    found->path = strdup(path);
    // Only a regular file is read again (not "-", not a pipe): otherwise
    // the message keeps the line the loader gave.
    found->fd = found->path ? open_dataset_again(path, &found->file) : -1;
  }
  return found->fd >= 0 &&
         ent_locate_start_tag(found->fd, tag, &found->cursor, line, column);
}

/// The code point of the UTF-8 sequence at `s` and its length in `*len`,
/// or -1 (and *len 1) when `s` does not start a valid sequence.
static long
decode_utf8(const unsigned char *s, size_t *len)
{
  *len = 1;
  if (s[0] < 0x80) {
    return s[0];
  }
  size_t n = 0;
  long cp = 0;
  long min = 0;
  if ((s[0] & 0xE0) == 0xC0) {
    n = 2, cp = s[0] & 0x1F, min = 0x80;
  } else if ((s[0] & 0xF0) == 0xE0) {
    n = 3, cp = s[0] & 0x0F, min = 0x800;
  } else if ((s[0] & 0xF8) == 0xF0) {
    n = 4, cp = s[0] & 0x07, min = 0x10000;
  } else {
    return -1;
  }
  for (size_t i = 1; i < n; ++i) {
    if ((s[i] & 0xC0) != 0x80) {
      return -1;
    }
    cp = (cp << 6) | (s[i] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return -1;
  }
  *len = n;
  return cp;
}

/// Characters a terminal would act on or reorder text around.
static bool
is_unsafe_for_terminal(long cp)
{
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C ||
         cp == 0x200E || cp == 0x200F || (cp >= 0x2028 && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

size_t
ent_terminal_safe(const char *text, char *out, size_t size)
{
  size_t written = 0;
  const unsigned char *p = (const unsigned char *)text;
  while (*p) {
    size_t len = 1;
    const long cp = decode_utf8(p, &len);
    char escape[16];
    const char *piece = (const char *)p;
    size_t piece_len = len;
    if (cp < 0) {
      snprintf(escape, sizeof(escape), "\\x%02X", p[0]);
      piece = escape;
      piece_len = 4;
    } else if (is_unsafe_for_terminal(cp)) {
      piece_len = (size_t)snprintf(
        escape, sizeof(escape), cp < 0x100 ? "\\x%02lX" : "\\u%04lX", cp);
      piece = escape;
    }
    if (size && written + piece_len < size) {
      memcpy(out + written, piece, piece_len);
      out[written + piece_len] = '\0';
    } else if (size && written < size) {
      out[written] = '\0';
      size = written + 1; // nothing more fits: keep whole pieces only
    }
    written += piece_len;
    p += len;
  }
  if (size && !written) {
    out[0] = '\0';
  }
  return written;
}

/// `at`'s line and column, found in its file: loaders know which element
/// a message is about, and the line of a node but not its column; found
/// lazily, since they are only needed for the messages shown.
static void
resolve(EntWorld *world, EntCaret *at)
{
  unsigned long line = 0;
  unsigned long column = 0;
  if (at->document && at->tag && !at->column &&
      locate_tag(world, at->document, at->tag, &line, &column)) {
    at->line = line;
    at->column = column;
  }
  at->tag = 0;
  if (at->document && at->line && !at->column) {
    at->column = first_column_of_line(world, at->document, at->line);
  }
}

const char *
ent_world_where(EntWorld *world,
                EntLogLevel level,
                const EntCaret *at,
                char *buf,
                size_t size)
{
  EntCaret where = *at;
  // Only for a message that will be shown (ent_vlog()'s caps): a
  // disagreement's list cites many places, and a corpus can have
  // thousands of disagreements.
  const bool shown =
    level == ENT_LOG_ERROR     ? world->reported < ENT_MAX_REPORTED_ERRORS
    : level == ENT_LOG_WARNING ? world->warnings < ENT_MAX_REPORTED_WARNINGS
                               : true;
  if (shown) {
    resolve(world, &where);
  }
  if (!where.document) {
    snprintf(buf, size, "?");
  } else if (where.line && where.column) {
    snprintf(buf, size, "%s:%lu:%lu", where.document, where.line, where.column);
  } else {
    snprintf(buf, size, "%s:%lu", where.document, where.line);
  }
  return buf;
}

void
ent_vlog(EntWorld *world,
         const EntLogLevel level,
         const EntStatus status,
         const EntCaret *caret,
         const char *fmt,
         va_list args)
{
  if (world->log_only &&
      (level != ENT_LOG_ERROR || status != world->log_only)) {
    return;
  }
  if (level == ENT_LOG_ERROR) {
    ++world->errors;
    if ((unsigned)status < 32) {
      world->logged |= UINT32_C(1) << (unsigned)status;
    }
    if (++world->reported > ENT_MAX_REPORTED_ERRORS) {
      if (world->reported == ENT_MAX_REPORTED_ERRORS + 1) {
        world->log(world->log_handle,
                   ENT_LOG_NOTE,
                   status,
                   NULL,
                   "too many errors; the rest are not shown");
      }
      return;
    }
  }
  if (level == ENT_LOG_WARNING) {
    // A corpus can warn about every quote it cannot check: say that there
    // are more rather than flood the terminal.
    if (++world->warnings > ENT_MAX_REPORTED_WARNINGS) {
      if (world->warnings == ENT_MAX_REPORTED_WARNINGS + 1) {
        // A warning itself, so that whoever hides warnings hides it too.
        world->log(world->log_handle,
                   ENT_LOG_WARNING,
                   status,
                   NULL,
                   "too many warnings; the rest are not shown");
      }
      return;
    }
  }
  char message[1024];
  vsnprintf(message, sizeof(message), fmt, args);
  EntCaret located = { NULL, 0, 0, 0 };
  if (caret) {
    located = *caret;
    resolve(world, &located);
  }
  // Messages quote input (IDs, file names, text, servers' answers): no
  // byte of it may drive the terminal.
  char safe[4 * sizeof(message)];
  ent_terminal_safe(message, safe, sizeof(safe));
  char *safe_document = NULL;
  if (located.document) {
    const size_t need = ent_terminal_safe(located.document, NULL, 0) + 1;
    safe_document = malloc(need);
    if (safe_document) {
      ent_terminal_safe(located.document, safe_document, need);
      located.document = safe_document;
    }
  }
  world->log(world->log_handle, level, status, caret ? &located : NULL, safe);
  free(safe_document);
}

void
ent_world_log_only(EntWorld *world, EntStatus status)
{
  world->log_only = status;
}

void
ent_log(EntWorld *world,
        const EntLogLevel level,
        const EntStatus status,
        const EntCaret *caret,
        const char *fmt,
        ...)
{
  va_list args;
  va_start(args, fmt);
  ent_vlog(world, level, status, caret, fmt, args);
  va_end(args);
}

bool
ent_write_fd(int fd, const void *buf, size_t len)
{
  const char *p = buf;
  while (len) {
    const ssize_t n = write(fd, p, len);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      errno = n < 0 ? errno : ENOSPC;
      return false;
    }
    p += n;
    len -= (size_t)n;
  }
  return true;
}

const char *
ent_temp_dir(void)
{
  const char *dir = getenv("TMPDIR");
  return dir && *dir ? dir : "/tmp";
}

FILE *
ent_temp_file(EntWorld *world)
{
  // In $TMPDIR (tmpfile() ignores it), closed on exec, unnamed at once.
  EntBuf path = { NULL, 0, 0 };
  FILE *f = NULL;
  if (!ent_buf_appendf(&path, "%s/entente-XXXXXX", ent_temp_dir())) {
    const int fd = mkostemp(path.buf, O_CLOEXEC);
    if (fd >= 0) {
      unlink(path.buf);
      f = fdopen(fd, "w+b");
      if (!f) {
        close(fd);
      }
    }
  }
  ent_buf_free(&path);
  if (!f) {
    ent_log(world,
            ENT_LOG_ERROR,
            ENT_ERR_IO,
            NULL,
            "cannot create a temporary file: %s",
            strerror(errno));
  }
  return f;
}
