// SPDX-License-Identifier: MIT
// Standard error that a terminal shows as written: whatever entente
// prints there (its messages, file names and IDs from the input, a
// server's answer) goes through ent_terminal_safe(), so no escape
// sequence, bell or bidirectional control reaches the terminal.  Line
// ends and tabs pass; the library's own messages are already safe and
// pass unchanged.

#define _GNU_SOURCE 1 // fopencookie()

#include "commands.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

typedef struct {
  char pending[4]; ///< An incomplete UTF-8 sequence from the last write
  size_t n_pending;
} SafeStderr;

static void
write_all(const char *s, size_t len)
{
  while (len) {
    const ssize_t n = write(STDERR_FILENO, s, len);
    if (n <= 0) {
      return;
    }
    s += n;
    len -= (size_t)n;
  }
}

/// Escape and write `run` (no NUL, no line end) of `len` bytes.
static void
write_run(const char *run, size_t len)
{
  char text[1024];
  char safe[4 * sizeof(text)];
  while (len) {
    const size_t n = len < sizeof(text) - 1 ? len : sizeof(text) - 1;
    memcpy(text, run, n);
    text[n] = '\0';
    const size_t out = ent_terminal_safe(text, safe, sizeof(safe));
    write_all(safe, out < sizeof(safe) ? out : sizeof(safe) - 1);
    run += n;
    len -= n;
  }
}

/// Bytes at the end of `s[0..len)` that begin a UTF-8 sequence the next
/// write completes.
static size_t
incomplete_tail(const char *s, size_t len)
{
  for (size_t back = 1; back <= 3 && back <= len; ++back) {
    const unsigned char c = (unsigned char)s[len - back];
    if ((c & 0xC0) == 0x80) {
      continue;
    }
    const size_t need = (c & 0xE0) == 0xC0   ? 2
                        : (c & 0xF0) == 0xE0 ? 3
                        : (c & 0xF8) == 0xF0 ? 4
                                             : 1;
    return need > back ? back : 0;
  }
  return 0;
}

static ssize_t
safe_write(void *cookie, const char *buf, size_t size)
{
  SafeStderr *s = cookie;
  char joined[8192];
  size_t done = 0;
  while (done < size) {
    size_t n = s->n_pending;
    memcpy(joined, s->pending, n);
    const size_t take =
      size - done < sizeof(joined) - n ? size - done : sizeof(joined) - n;
    memcpy(joined + n, buf + done, take);
    n += take;
    done += take;
    s->n_pending = incomplete_tail(joined, n);
    n -= s->n_pending;
    memcpy(s->pending, joined + n, s->n_pending);
    size_t start = 0;
    for (size_t i = 0; i <= n; ++i) {
      if (i == n || joined[i] == '\n' || joined[i] == '\t') {
        write_run(joined + start, i - start);
        if (i < n) {
          write_all(joined + i, 1);
        }
        start = i + 1;
      }
    }
  }
  return (ssize_t)size;
}

void
ent_cli_safe_stderr(void)
{
  static SafeStderr state;
  cookie_io_functions_t io = { NULL, safe_write, NULL, NULL };
  FILE *f = fopencookie(&state, "w", io);
  if (f) {
    setvbuf(f, NULL, _IOLBF, 0);
    stderr = f;
  }
}
