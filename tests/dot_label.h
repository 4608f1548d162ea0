// SPDX-License-Identifier: MIT
// For tests: a DOT label read back with cgraph, with the escaping entente
// applies to labels (src/export_dot/draw.c) undone.
#ifndef ENT_TESTS_DOT_LABEL_H
#define ENT_TESTS_DOT_LABEL_H

#include <stdlib.h>
#include <string.h>

/// `s` with &amp; &#92;&#92; &#45; &#65279; \n \r undone, read left to
/// right; NULL when out of memory.  Free with free().
static char *
dot_label_unescape(const char *s)
{
  static const struct {
    const char *from;
    const char *to; // never longer than `from`
  } codes[] = { { "&amp;", "&" }, { "&#92;&#92;", "\\" },
                { "&#45;", "-" }, { "&#65279;", "\xEF\xBB\xBF" },
                { "\\n", "\n" },  { "\\r", "\r" } };
  const size_t n_codes = sizeof(codes) / sizeof(codes[0]);
  char *out = malloc(strlen(s) + 1);
  if (!out) {
    return NULL;
  }
  char *o = out;
  while (*s) {
    size_t k = 0;
    while (k < n_codes && strncmp(s, codes[k].from, strlen(codes[k].from))) {
      ++k;
    }
    if (k < n_codes) {
      memcpy(o, codes[k].to, strlen(codes[k].to));
      o += strlen(codes[k].to);
      s += strlen(codes[k].from);
    } else {
      *o++ = *s++;
    }
  }
  *o = '\0';
  return out;
}

#endif
