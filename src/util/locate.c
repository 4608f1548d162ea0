// SPDX-License-Identifier: MIT
// Finding the Nth start tag of an XML file, for messages about elements:
// libxml2 keeps no column for a node, and no true line past 65535.

#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/// A mark is taken at the first start tag past every this many bytes, so
/// that a message about an earlier element reads at most this much.
#define MARK_EVERY ((off_t)4 << 20)

/// Take a mark at `at` if it is past the last one.
static void
take_mark(EntTagCursor *c, const EntTagMark *at)
{
  if (c->n_marks && c->marks[c->n_marks - 1].ordinal >= at->ordinal) {
    return; // read again after a jump back: marked already
  }
  if (c->n_marks && at->offset - c->marks[c->n_marks - 1].offset < MARK_EVERY) {
    return;
  }
  if (c->n_marks == c->cap_marks) {
    const size_t cap = c->cap_marks ? c->cap_marks * 2 : 16;
    EntTagMark *grown = realloc(c->marks, cap * sizeof(EntTagMark));
    if (!grown) {
      return; // a later search only reads more
    }
    c->marks = grown;
    c->cap_marks = cap;
  }
  c->marks[c->n_marks++] = *at;
}

/// Where a search for the `ordinal`th tag starts: the latest place known
/// at or before it, or the file's start (ordinal 0).
static EntTagMark
start_for(const EntTagCursor *c, unsigned long ordinal)
{
  EntTagMark from = { 0, 1, 1, 0 };
  size_t lo = 0;
  size_t hi = c->n_marks;
  while (lo < hi) { // the last mark whose ordinal is at most `ordinal`
    const size_t mid = lo + (hi - lo) / 2;
    if (c->marks[mid].ordinal <= ordinal) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo) {
    from = c->marks[lo - 1];
  }
  if (c->last.ordinal && c->last.ordinal <= ordinal &&
      c->last.ordinal > from.ordinal) {
    from = c->last;
  }
  return from;
}

bool
ent_locate_start_tag(int fd,
                     unsigned long ordinal,
                     EntTagCursor *cursor,
                     unsigned long *line,
                     unsigned long *column)
{
  static const struct {
    const char *open;
    const char *close;
  } skipped[] = {
    { "<!--", "-->" }, { "<![CDATA[", "]]>" }, { "<?", "?>" }, { "<!", ">" }
  };
  if (!ordinal || fd < 0) {
    return false;
  }
  const EntTagMark from = start_for(cursor, ordinal);
  const bool resume = from.ordinal != 0;
  char chunk[65536];
  off_t offset = from.offset; // of the next byte to read
  off_t base = offset;        // of chunk[0]
  size_t have = 0;            // bytes of chunk[] in use
  unsigned long at_line = from.line;
  unsigned long at_column = from.column;
  // The tag at the mark is counted again: the search starts on it.
  unsigned long seen = resume ? from.ordinal - 1 : 0;
  const char *close = NULL; // inside a skipped construct until this
  size_t closed = 0;        // bytes of `close` matched so far
  for (bool first = !resume;; first = false) {
    ssize_t n = 0;
    do {
      n = pread(fd, chunk + have, sizeof(chunk) - have, offset);
    } while (n < 0 && errno == EINTR);
    if (n <= 0 && have == 0) {
      return false;
    }
    offset += n > 0 ? n : 0;
    have += n > 0 ? (size_t)n : 0;
    const bool last = n <= 0;
    // A byte-order mark is not a column.
    size_t i = first && have >= 3 && !memcmp(chunk, "\xEF\xBB\xBF", 3) ? 3 : 0;

    // Keep 16 bytes for a construct's opening that spans two chunks.
    const size_t limit = last ? have : (have > 16 ? have - 16 : 0);
    for (; i < limit; ++i) {
      const char c = chunk[i];
      if (close) {
        if (c == close[closed]) {
          ++closed;
        } else if (c != close[0]) {
          closed = 0;
        } else if (!(closed >= 2 && close[1] == close[0])) {
          closed = 1; // "]]]>" and "--->" still end on their last three
        }
        if (!close[closed]) {
          close = NULL;
        }
      } else if (c == '<') {
        bool skip = false;
        for (size_t k = 0; k < sizeof(skipped) / sizeof(skipped[0]); ++k) {
          const size_t len = strlen(skipped[k].open);
          if (have - i >= len && !memcmp(chunk + i, skipped[k].open, len)) {
            close = skipped[k].close;
            closed = 0;
            skip = true;
            break;
          }
        }
        if (!skip && i + 1 < have && chunk[i + 1] != '/') {
          const EntTagMark here = {
            base + (off_t)i, at_line, at_column, ++seen
          };
          take_mark(cursor, &here);
          if (seen == ordinal) {
            *line = at_line;
            *column = at_column;
            cursor->last = here;
            return true;
          }
        }
      }
      if (c == '\n') {
        ++at_line;
        at_column = 1;
      } else if (((unsigned char)c & 0xC0) != 0x80) {
        ++at_column; // columns count characters, not UTF-8 bytes
      }
    }
    if (last) {
      return false;
    }
    memmove(chunk, chunk + i, have - i);
    have -= i;
    base += (off_t)i;
  }
}

void
ent_tag_cursor_free(EntTagCursor *cursor)
{
  free(cursor->marks);
  memset(cursor, 0, sizeof(*cursor));
}
