// SPDX-License-Identifier: MIT
// Checking that verbatim quotes appear in the text of their source.

#include "model.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/// Article texts are news pieces; a larger file is not one.
#define SOURCE_TEXT_CAP ((size_t)64 * 1024 * 1024)

/// Append `s` to `b`, folding typographic quotes to ASCII and runs of
/// white space to one space, so that a quote copied from a web page with
/// other quote marks or line breaks still matches.
static EntStatus
normalise(EntBuf *b, const char *s, size_t len)
{
  static const struct {
    const char *from;
    char to;
  } folds[] = {
    { "\xE2\x80\x98", '\'' }, { "\xE2\x80\x99", '\'' },
    { "\xE2\x80\x9B", '\'' }, { "\xE2\x80\xB2", '\'' },
    { "\xE2\x80\x9C", '"' },  { "\xE2\x80\x9D", '"' },
    { "\xE2\x80\x9F", '"' },  { "\xC2\xAB", '"' },
    { "\xC2\xBB", '"' },      { "\xC2\xA0", ' ' },
  };
  bool in_space = true; // drops leading white space
  EntStatus st = ENT_SUCCESS;
  for (size_t i = 0; i < len;) {
    char c = s[i];
    size_t step = 1;
    for (size_t k = 0; k < sizeof(folds) / sizeof(folds[0]); ++k) {
      const size_t n = strlen(folds[k].from);
      if (i + n <= len && memcmp(s + i, folds[k].from, n) == 0) {
        c = folds[k].to;
        step = n;
        break;
      }
    }
    i += step;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!in_space) {
        TRY(st, ent_buf_append(b, " ", 1));
      }
      in_space = true;
    } else {
      TRY(st, ent_buf_append(b, &c, 1));
      in_space = false;
    }
  }
  if (b->len && b->buf[b->len - 1] == ' ') {
    b->buf[--b->len] = '\0';
  }
  return ENT_SUCCESS;
}

/// The normalised text of source `source`, read once; NULL when it
/// cannot be read (warned about once).
static EntStatus
source_text(EntGraph *g, uint32_t source, const char **out)
{
  Entity *src = &g->entities[source];
  *out = src->text;
  if (src->text || src->text_missing || !src->text_path) {
    return ENT_SUCCESS;
  }
  if (access(src->text_path, F_OK) != 0) {
    // A dataset may name a text its reader does not have: say so, but
    // the data itself is not at fault.
    src->text_missing = true;
    ent_log(g->world,
            ENT_LOG_WARNING,
            ENT_FAILURE,
            &src->at,
            "text of source '%s' not found at %s; its quotes are not "
            "checked",
            src->id,
            src->text_path);
    return ENT_SUCCESS;
  }
  struct stat info;
  if (stat(src->text_path, &info) != 0 || !S_ISREG(info.st_mode)) {
    ent_log(g->world,
            ENT_LOG_ERROR,
            ENT_ERR_IO,
            &src->at,
            "text of source '%s' at %s is not a regular file; name the "
            "article's text file",
            src->id,
            src->text_path);
    return ENT_ERR_IO;
  }
  char *raw = NULL;
  size_t raw_len = 0;
  EntStatus st = ENT_SUCCESS;
  TRY(st,
      ent_read_file(g->world, src->text_path, SOURCE_TEXT_CAP, &raw, &raw_len));
  EntBuf text = { NULL, 0, 0 };
  st = normalise(&text, raw, raw_len);
  free(raw);
  if (!st) {
    src->text = ent_pool_copy(&g->strings, text.buf ? text.buf : "", text.len);
    st = src->text ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
  }
  ent_buf_free(&text);
  *out = src->text;
  return st;
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
  if (!text) {
    return ENT_SUCCESS;
  }
  EntBuf quote = { NULL, 0, 0 };
  st = normalise(&quote, f->value, strlen(f->value));
  if (!st && (!quote.buf || !strstr(text, quote.buf))) {
    const Entity *src = &g->entities[f->source];
    ++*misses;
    ent_log(g->world,
            ENT_LOG_ERROR,
            ENT_ERR_QUOTE,
            &f->at,
            "quote '%s' does not appear verbatim in the text of source "
            "'%s' (%s); copy it exactly or make it a paraphrase",
            e->id,
            src->id,
            src->text_path);
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
