// SPDX-License-Identifier: MIT
// Checking that verbatim quotes appear in the text of their source.

#include "model.h"

#include <stdlib.h>
#include <string.h>
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

static EntStatus
check_source(EntGraph *g, uint32_t source, unsigned long *misses)
{
  const Entity *src = &g->entities[source];
  char *raw = NULL;
  size_t raw_len = 0;
  EntStatus st = ENT_SUCCESS;
  TRY(st,
      ent_read_file(g->world, src->text_path, SOURCE_TEXT_CAP, &raw, &raw_len));
  EntBuf text = { NULL, 0, 0 };
  EntBuf quote = { NULL, 0, 0 };
  st = normalise(&text, raw, raw_len);
  free(raw);
  for (size_t i = 0; !st && i < g->n_facts; ++i) {
    const Fact *f = &g->facts[i];
    const Entity *e = &g->entities[f->subject];
    if (f->prop != ENT_PROP_TEXT || e->cls != ENT_CLASS_QUOTATION ||
        f->source != source) {
      continue;
    }
    ent_buf_reset(&quote);
    st = normalise(&quote, f->value, strlen(f->value));
    if (!st && (!text.buf || !quote.buf || !strstr(text.buf, quote.buf))) {
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
  }
  ent_buf_free(&text);
  ent_buf_free(&quote);
  return st;
}

EntStatus
ent_graph_check_quotes(EntGraph *graph)
{
  unsigned long misses = 0;
  EntStatus st = ENT_SUCCESS;
  for (uint32_t i = 0; i < graph->n_entities; ++i) {
    const Entity *e = &graph->entities[i];
    if (e->cls != ENT_CLASS_SOURCE || !e->text_path) {
      continue;
    }
    if (access(e->text_path, F_OK) != 0) {
      // A dataset may name a text its reader does not have: say so, but
      // the data itself is not at fault.
      ent_log(graph->world,
              ENT_LOG_WARNING,
              ENT_FAILURE,
              &e->at,
              "text of source '%s' not found at %s; its quotes are not "
              "checked",
              e->id,
              e->text_path);
      continue;
    }
    TRY(st, check_source(graph, i, &misses));
  }
  return misses ? ENT_ERR_QUOTE : ENT_SUCCESS;
}
