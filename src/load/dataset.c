// SPDX-License-Identifier: MIT
// Loading a curated XML dataset: validate it against the built-in RELAX NG
// schema in a first streaming pass (schema.c), then build the model in a
// second pass
// that expands one entity element at a time, so memory does not grow with
// the size of the file beyond what the model itself holds.

#include "../model/model.h"
#include "schema.h"

#include <libxml/xmlreader.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define FORMAT_NS "https://w3id.org/entente/format/1"
/// Largest dataset accepted (bytes).
#define DATASET_SIZE_CAP (4ULL * 1024 * 1024 * 1024)
/// No dataset needs more nesting than this; deeper input is hostile.
#define MAX_DEPTH 32

// Parser options: never substitute entities, never load DTDs or anything
// from the network, keep true line numbers past 65535.
static const int xml_options =
  XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES;

typedef struct {
  const char *subject; ///< Interned in the loader's pool
  EntProperty prop;
  const char *object;
  const char *source; ///< Source in force, or NULL for the default
  EntCaret at;
} Pending;

typedef struct {
  EntGraph *graph;
  EntWorld *world;
  const char *path;
  char *dir;        ///< Directory of the dataset, for relative paths
  EntStatus status; ///< First error met
  EntPool pool;
  Pending *pending;
  size_t n_pending;
  size_t cap_pending;
  const char *source;         ///< Source of the element being read, or NULL
  const char *default_source; ///< The dataset's first source, once read
  EntBuf split;               ///< Scratch copy of an ID list being split
  EntMap failed;              ///< IDs whose definition was refused
  EntPool kept;               ///< Strings kept for the whole dataset
  // The line caret_of() found last: one element asks for it many times,
  // and past line 65535 finding it walks the element's text.  Forgotten
  // with each entity's subtree, whose nodes libxml2 then frees.
  const xmlNode *line_node;
  long line;
} Loader;

/// A writable copy of `list` for strtok_r, valid until the next call.
static char *
splittable(Loader *ld, const char *list)
{
  ent_buf_reset(&ld->split);
  if (ent_buf_append(&ld->split, list, strlen(list))) {
    ld->status = ld->status ? ld->status : ENT_ERR_NO_MEMORY;
    return NULL;
  }
  return ld->split.buf;
}

static void
note_status(Loader *ld, EntStatus st)
{
  if (st && !ld->status) {
    ld->status = st;
  }
}

/// The line `node` starts on.  libxml2 keeps lines past 65535 (with
/// XML_PARSE_BIG_LINES) only on text nodes, as the line where the text
/// ends, and xmlGetLineNo answers for an element with its first child's
/// or next sibling's: count back the line breaks of that text.
static long
node_line(const xmlNode *node)
{
  if (node->line < 65535) {
    return node->line;
  }
  const xmlNode *text = node->children ? node->children : node->next;
  if (node->type == XML_ELEMENT_NODE && text && text->type == XML_TEXT_NODE &&
      text->psvi) {
    long line = (long)(ptrdiff_t)text->psvi;
    for (const xmlChar *p = text->content; p && *p; ++p) {
      line -= *p == '\n';
    }
    return line;
  }
  return xmlGetLineNo(node);
}

static EntCaret
caret_of(Loader *ld, const xmlNode *node)
{
  if (node && node != ld->line_node) {
    ld->line_node = node;
    ld->line = node_line(node);
  }
  const long line = node ? ld->line : 0;
  return (EntCaret){ ld->path, line > 0 ? (unsigned long)line : 0, 0 };
}

static void fail_at(Loader *ld,
                    EntStatus st,
                    unsigned long line,
                    unsigned long column,
                    const char *fmt,
                    ...) ENT_PRINTF(5, 6);

/// Report an error at line:column of the dataset (0: unknown) and keep
/// its status if it is the first.
static void
fail_at(Loader *ld,
        EntStatus st,
        unsigned long line,
        unsigned long column,
        const char *fmt,
        ...)
{
  const EntCaret at = { ld->path, line, column };
  va_list args;
  va_start(args, fmt);
  ent_vlog(ld->world, ENT_LOG_ERROR, st, &at, fmt, args);
  va_end(args);
  note_status(ld, st);
}

static void load_error(Loader *ld,
                       EntStatus st,
                       const xmlNode *node,
                       const char *fmt,
                       ...) ENT_PRINTF(4, 5);

static void
load_error(Loader *ld, EntStatus st, const xmlNode *node, const char *fmt, ...)
{
  const EntCaret at = caret_of(ld, node);
  va_list args;
  va_start(args, fmt);
  ent_vlog(ld->world, ENT_LOG_ERROR, st, &at, fmt, args);
  va_end(args);
  note_status(ld, st);
}

// ---- libxml2 diagnostics ------------------------------------------------

static void
on_xml_error(void *data, xmlErrorPtr error)
{
  Loader *ld = data;
  if (!error || error->level == XML_ERR_NONE) {
    return;
  }
  const bool schema = error->domain == XML_FROM_RELAXNGV ||
                      error->domain == XML_FROM_RELAXNGP ||
                      error->domain == XML_FROM_SCHEMASV;
  const EntStatus st = schema ? ENT_ERR_SCHEMA : ENT_ERR_SYNTAX;
  // The schema's errors come with the element at fault, whose true line
  // libxml2's own report gets wrong past line 65535.
  const xmlNode *node = error->node;
  if (schema && node && node->type == XML_ELEMENT_NODE) {
    const long line = node_line(node);
    error->line = line > 0 && line <= INT_MAX ? (int)line : error->line;
  }
  const EntCaret at = { ld->path,
                        error->line > 0 ? (unsigned long)error->line : 0,
                        error->int2 > 0 ? (unsigned long)error->int2 : 0 };
  char message[512];
  snprintf(
    message, sizeof(message), "%s", error->message ? error->message : "");
  size_t len = strlen(message);
  while (len && (message[len - 1] == '\n' || message[len - 1] == ' ')) {
    message[--len] = '\0';
  }
  if (error->level == XML_ERR_WARNING) {
    ent_log(ld->world, ENT_LOG_WARNING, st, &at, "%s", message);
    return;
  }
  ent_log(ld->world,
          ENT_LOG_ERROR,
          st,
          &at,
          "%s%s",
          schema ? "schema: " : "",
          message);
  note_status(ld, st);
}

static int
open_dataset(Loader *ld)
{
  const int fd = open(ld->path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    fail_at(ld, ENT_ERR_IO, 0, 0, "cannot open dataset: %s", strerror(errno));
    return -1;
  }
  struct stat st;
  if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
    fail_at(ld,
            ENT_ERR_IO,
            0,
            0,
            "not a regular file; give the path of a dataset file");
    close(fd);
    return -1;
  }
  if ((unsigned long long)st.st_size > DATASET_SIZE_CAP) {
    fail_at(ld,
            ENT_ERR_IO,
            0,
            0,
            "dataset is larger than the limit of %llu bytes; split it",
            DATASET_SIZE_CAP);
    close(fd);
    return -1;
  }
  return fd;
}

/// No element of the format has more attributes than this; an element
/// with tens of thousands takes libxml2 seconds to build.
#define MAX_ATTRIBUTES 64

typedef enum {
  SCAN_TEXT,
  SCAN_LT,      ///< after '<'
  SCAN_BANG,    ///< after "<!": deciding between comment, CDATA, DOCTYPE
  SCAN_TAG,     ///< inside a start or end tag
  SCAN_QUOTE,   ///< inside an attribute value
  SCAN_COMMENT, ///< until "-->"
  SCAN_PI,      ///< until "?>"
  SCAN_CDATA,   ///< until "]]>"
  SCAN_DECL,    ///< another "<!...>", until '>'
} ScanState;

typedef struct {
  Loader *ld;
  ScanState state;
  char quote;
  char recent[9]; ///< Bytes after "<!", or the last bytes of a section
  size_t n_recent;
  unsigned attributes;
  unsigned long line;
  unsigned long column;
  unsigned long tag_line;
  unsigned long tag_column;
  char pi_target[24]; ///< Start of the processing instruction's target
  size_t n_pi_target;
  bool end_tag; ///< The tag being read is an end tag
  char last;    ///< The byte before this one in the tag
  long depth;   ///< Elements open
} Scan;

static void
scan_error(Scan *sc,
           unsigned long line,
           unsigned long column,
           const char *message)
{
  fail_at(sc->ld, ENT_ERR_SYNTAX, line, column, "%s", message);
}

/// Whether the last bytes seen, ending with `c`, end with `tail`.
static bool
ends_with(Scan *sc, char c, const char *tail)
{
  if (sc->n_recent == sizeof(sc->recent) - 1) {
    memmove(sc->recent, sc->recent + 1, sizeof(sc->recent) - 2);
    --sc->n_recent;
  }
  sc->recent[sc->n_recent++] = c;
  sc->recent[sc->n_recent] = '\0';
  const size_t n = strlen(tail);
  return sc->n_recent >= n && !strcmp(sc->recent + sc->n_recent - n, tail);
}

static void
enter(Scan *sc, ScanState state)
{
  sc->state = state;
  sc->n_recent = 0;
  sc->recent[0] = '\0';
}

/// One byte of the markup scan.
static void
scan_byte(Scan *sc, char c)
{
  switch (sc->state) {
    case SCAN_TEXT:
      if (c == '<') {
        sc->tag_line = sc->line;
        sc->tag_column = sc->column;
        enter(sc, SCAN_LT);
      }
      break;
    case SCAN_LT:
      if (c == '!') {
        enter(sc, SCAN_BANG);
      } else if (c == '?') {
        enter(sc, SCAN_PI);
        sc->n_pi_target = 0;
      } else {
        sc->attributes = 0;
        sc->end_tag = c == '/';
        enter(sc, SCAN_TAG);
      }
      break;
    case SCAN_BANG:
      ends_with(sc, c, "");
      if (!strcmp(sc->recent, "--")) {
        enter(sc, SCAN_COMMENT);
      } else if (!strcmp(sc->recent, "[CDATA[")) {
        enter(sc, SCAN_CDATA);
      } else if (!strcmp(sc->recent, "DOCTYPE")) {
        scan_error(sc,
                   sc->tag_line,
                   sc->tag_column,
                   "DOCTYPE declarations are not allowed in datasets; remove "
                   "it");
        enter(sc, SCAN_DECL);
      } else if (strncmp("--", sc->recent, sc->n_recent) != 0 &&
                 strncmp("[CDATA[", sc->recent, sc->n_recent) != 0 &&
                 strncmp("DOCTYPE", sc->recent, sc->n_recent) != 0) {
        enter(sc, SCAN_DECL);
      }
      break;
    case SCAN_TAG:
      if (c == '"' || c == '\'') {
        sc->quote = c;
        sc->state = SCAN_QUOTE;
      } else if (c == '=' && ++sc->attributes == MAX_ATTRIBUTES + 1) {
        char message[160];
        snprintf(message,
                 sizeof(message),
                 "an element with more than %d attributes; no element of the "
                 "format has more than twenty",
                 MAX_ATTRIBUTES);
        scan_error(sc, sc->tag_line, sc->tag_column, message);
      } else if (c == '>') {
        if (!sc->end_tag && sc->depth > MAX_DEPTH) {
          // Before libxml2 builds anything (it stops only at 256 deep).
          fail_at(sc->ld,
                  ENT_ERR_SCHEMA,
                  sc->tag_line,
                  sc->tag_column,
                  "elements nested more than %d deep; no dataset needs that",
                  MAX_DEPTH);
        }
        sc->depth += sc->end_tag ? -1 : sc->last == '/' ? 0 : 1;
        enter(sc, SCAN_TEXT);
      }
      sc->last = c;
      break;
    case SCAN_QUOTE:
      if (c == sc->quote) {
        sc->state = SCAN_TAG;
      }
      break;
    case SCAN_COMMENT:
      if (ends_with(sc, c, "-->")) {
        enter(sc, SCAN_TEXT);
      }
      break;
    case SCAN_PI:
      if (sc->n_pi_target < sizeof(sc->pi_target) - 1 &&
          (sc->n_pi_target == 0 || sc->pi_target[sc->n_pi_target - 1] != ' ')) {
        sc->pi_target[sc->n_pi_target++] = strchr(" \t\r\n", c) ? ' ' : c;
        sc->pi_target[sc->n_pi_target] = '\0';
        // Catalog PIs would point libxml2 at other files to resolve with.
        if (!strcmp(sc->pi_target, "oasis-xml-catalog")) {
          scan_error(sc,
                     sc->tag_line,
                     sc->tag_column,
                     "oasis-xml-catalog processing instructions are not "
                     "allowed in datasets; remove it");
        }
      }
      if (ends_with(sc, c, "?>")) {
        enter(sc, SCAN_TEXT);
      }
      break;
    case SCAN_CDATA:
      if (ends_with(sc, c, "]]>")) {
        enter(sc, SCAN_TEXT);
      }
      break;
    case SCAN_DECL:
      if (c == '>') {
        enter(sc, SCAN_TEXT);
      }
      break;
  }
}

/// The start of the file must be UTF-8 XML: no other byte-order mark, no
/// other declared encoding, no compressed or binary data.
static void
check_start(Loader *ld, const char *head, size_t n)
{
  const unsigned char *u = (const unsigned char *)head;
  const char *what = NULL;
  if (n >= 2 &&
      ((u[0] == 0xFE && u[1] == 0xFF) || (u[0] == 0xFF && u[1] == 0xFE))) {
    what = "is UTF-16 or UTF-32 (it starts with that byte-order mark)";
  } else if (n >= 2 && u[0] == 0x1F && u[1] == 0x8B) {
    what = "is gzip-compressed; decompress it first";
  } else if (n >= 2 && u[0] == 0x00) {
    what = "is not UTF-8 (it starts with a NUL byte: UTF-16 or UTF-32?)";
  }
  size_t i = n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF ? 3 : 0;
  while (!what && i < n && strchr(" \t\r\n", head[i])) {
    ++i;
  }
  if (!what && (i == n || head[i] != '<')) {
    what = "is not an XML document in UTF-8 (another encoding, or binary)";
  }
  if (!what && n - i >= 5 && !strncmp(head + i, "<?xml", 5)) {
    // The encoding named in the XML declaration, if any: searched in a
    // NUL-terminated copy of the declaration (the chunk is not).
    char decl[512];
    const size_t decl_len = n - i < sizeof(decl) - 1 ? n - i : sizeof(decl) - 1;
    memcpy(decl, head + i, decl_len);
    decl[decl_len] = '\0';
    const char *end = strchr(decl, '>');
    const char *enc = strstr(decl, "encoding");
    if (end && enc && enc < end) {
      const char *q = strpbrk(enc, "\"'");
      const char *close = q && q < end ? strchr(q + 1, *q) : NULL;
      if (close && close < end) {
        const size_t len = (size_t)(close - q - 1);
        if (!((len == 5 && !strncasecmp(q + 1, "UTF-8", 5)) ||
              (len == 4 && !strncasecmp(q + 1, "UTF8", 4)))) {
          what = "declares an encoding other than UTF-8; re-save it as UTF-8";
        }
      }
    }
  }
  if (what) {
    char message[200];
    snprintf(message, sizeof(message), "the file %s", what);
    fail_at(ld, ENT_ERR_SYNTAX, 1, 1, "%s", message);
  }
}

/// Reject what must never reach libxml2, in one pass over the bytes: an
/// empty file, anything but UTF-8 XML, a DOCTYPE (entity declarations are
/// how XXE and entity expansion attacks start), NUL bytes, and elements
/// with absurd numbers of attributes.
static void
prescan(Loader *ld, int fd)
{
  enum { CHUNK = 64 * 1024 };
  char *chunk = malloc(CHUNK);
  if (!chunk) {
    note_status(ld, ENT_ERR_NO_MEMORY);
    return;
  }
  Scan sc;
  memset(&sc, 0, sizeof(sc));
  sc.ld = ld;
  sc.line = 1;
  sc.column = 1;
  bool after_cr = false;
  off_t offset = 0;
  for (;;) {
    const ssize_t n = pread(fd, chunk, CHUNK, offset);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      load_error(
        ld, ENT_ERR_IO, NULL, "cannot read the dataset: %s", strerror(errno));
      goto done;
    }
    if (n == 0) {
      break;
    }
    if (offset == 0) {
      check_start(ld, chunk, (size_t)n);
      if (ld->status) {
        goto done;
      }
    }
    for (ssize_t i = 0; i < n && !ld->status; ++i) {
      if (!after_cr && (sc.state == SCAN_TEXT || sc.state == SCAN_QUOTE)) {
        // Most bytes are text or attribute values, where only the byte
        // that ends them and line ends matter: skip the rest quickly.
        const char stop = sc.state == SCAN_TEXT ? '<' : sc.quote;
        while (i < n) {
          const char b = chunk[i];
          if (b == stop || b == '\n' || b == '\r' || b == '\0') {
            break;
          }
          sc.column += ((unsigned char)b & 0xC0) != 0x80 ? 1U : 0U;
          ++i;
        }
        if (i == n) {
          break;
        }
      }
      const char c = chunk[i];
      if (after_cr && c != '\n') {
        scan_error(&sc,
                   sc.line,
                   sc.column,
                   "a carriage return without a line feed (old Mac line "
                   "endings); save the file with LF or CRLF line endings");
        goto done;
      }
      after_cr = c == '\r';
      if (c == '\0') {
        scan_error(
          &sc, sc.line, sc.column, "a NUL byte; the file is not UTF-8 text");
        goto done;
      }
      scan_byte(&sc, c);
      if (c == '\n') {
        ++sc.line;
        sc.column = 1;
      } else if (((unsigned char)c & 0xC0) != 0x80) {
        ++sc.column; // columns count characters, not bytes
      }
    }
    if (ld->status) {
      goto done;
    }
    offset += n;
  }
  if (after_cr) {
    scan_error(&sc,
               sc.line,
               sc.column,
               "a carriage return without a line feed (old Mac line "
               "endings); save the file with LF or CRLF line endings");
    goto done;
  }
  if (sc.state == SCAN_TEXT && sc.depth > 0 && !ld->status) {
    scan_error(&sc,
               sc.line,
               sc.column,
               "the file ends before every element is closed; it looks "
               "truncated");
    goto done;
  }
  if (sc.state != SCAN_TEXT && !ld->status) {
    scan_error(&sc,
               sc.tag_line,
               sc.tag_column,
               "the file ends inside this tag, comment or section; it looks "
               "truncated");
    goto done;
  }
  if (offset == 0 && !ld->status) {
    fail_at(ld,
            ENT_ERR_SYNTAX,
            1,
            1,
            "the file is empty; a dataset is an XML document with a "
            "<dataset> element");
  }
done:
  free(chunk);
}

static xmlTextReaderPtr
new_reader(Loader *ld, int fd)
{
  xmlTextReaderPtr reader = xmlReaderForFd(fd, ld->path, NULL, xml_options);
  if (!reader) {
    fail_at(ld, ENT_ERR_NO_MEMORY, 0, 0, "cannot start the XML reader");
    return NULL;
  }
  xmlTextReaderSetStructuredErrorHandler(reader, on_xml_error, ld);
  return reader;
}

/// Where the `ordinal`th start tag of the file is (line and 1-based
/// column), skipping comments, CDATA sections, processing instructions
/// and end tags.  libxml2 keeps no true line for elements past 65535 and
/// its reader parses ahead, so the one schema error of a pass is located
/// by reading the file again; false if the tag is not found.
static bool
locate_start_tag(int fd,
                 unsigned long ordinal,
                 unsigned long *line,
                 unsigned long *column)
{
  static const struct {
    const char *open;
    const char *close;
  } skipped[] = {
    { "<!--", "-->" }, { "<![CDATA[", "]]>" }, { "<?", "?>" }, { "<!", ">" }
  };
  char chunk[65536];
  off_t offset = 0;
  size_t have = 0; // bytes of chunk[] in use
  unsigned long at_line = 1;
  unsigned long at_column = 1;
  unsigned long seen = 0;
  const char *close = NULL; // inside a skipped construct until this
  size_t closed = 0;        // bytes of `close` matched so far
  for (bool first = true;; first = false) {
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
        if (!skip && i + 1 < have && chunk[i + 1] != '/' && ++seen == ordinal) {
          *line = at_line;
          *column = at_column;
          return true;
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
  }
}

typedef struct {
  Loader *ld;
  int fd;
} SchemaReport;

static void
on_schema_error(void *handle,
                unsigned long line,
                unsigned long element,
                const char *message)
{
  const SchemaReport *report = handle;
  unsigned long column = 0;
  if (element) {
    locate_start_tag(report->fd, element, &line, &column);
  }
  fail_at(report->ld, ENT_ERR_SCHEMA, line, column, "%s", message);
}

/// The line the reader's current node starts on.
static unsigned long
reader_line(xmlTextReaderPtr reader)
{
  const xmlNode *node = xmlTextReaderCurrentNode(reader);
  long line = 0;
  if (node && node->type == XML_ELEMENT_NODE) {
    line = node_line(node);
  }
  if (line <= 0 || line >= 65535) {
    line = xmlTextReaderGetParserLineNumber(reader);
  }
  return line > 0 ? (unsigned long)line : 0;
}

// ---- Reading the expanded subtree of one entity -------------------------

/// An attribute's value (owned by the loader's pool), or NULL.
static const char *
attr(Loader *ld, const xmlNode *node, const char *name)
{
  xmlChar *value = xmlGetNoNsProp(node, (const xmlChar *)name);
  if (!value) {
    return NULL;
  }
  const char *kept =
    ent_pool_copy(&ld->pool, (const char *)value, strlen((const char *)value));
  xmlFree(value);
  return kept;
}

static bool
is_element(const xmlNode *node, const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns &&
         !strcmp((const char *)node->ns->href, FORMAT_NS) &&
         !strcmp((const char *)node->name, name);
}

static const xmlNode *
child(const xmlNode *node, const char *name)
{
  for (const xmlNode *c = node->children; c; c = c->next) {
    if (is_element(c, name)) {
      return c;
    }
  }
  return NULL;
}

/// The text content of `node` (pool-owned).
static const char *
text_of(Loader *ld, const xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent(node);
  const char *kept = content ? ent_pool_copy(&ld->pool,
                                             (const char *)content,
                                             strlen((const char *)content))
                             : NULL;
  xmlFree(content);
  return kept;
}

/// The language in force at `node` (xml:lang, inherited), pool-owned.
static const char *
lang_of(Loader *ld, const xmlNode *node)
{
  xmlChar *lang = xmlNodeGetLang(node);
  if (!lang || !*lang) {
    xmlFree(lang);
    return NULL;
  }
  const char *kept = ent_pool_intern(&ld->pool, (const char *)lang);
  xmlFree(lang);
  return kept;
}

static void
defer(Loader *ld,
      const char *subject,
      EntProperty prop,
      const char *object,
      const xmlNode *node)
{
  const int phase = ld->graph->stream_phase;
  if (phase == STREAM_INDEX) {
    return; // the first streaming pass reads entities only
  }
  if (phase == STREAM_WRITE) {
    // Every entity was indexed in the first pass: relate now.
    const EntCaret at = caret_of(ld, node);
    note_status(ld, ent_graph_relate(ld->graph, subject, prop, object, &at));
    return;
  }
  if (ent_grow(
        &ld->pending, &ld->cap_pending, ld->n_pending, sizeof(Pending), 256)) {
    note_status(ld, ENT_ERR_NO_MEMORY);
    return;
  }
  ld->pending[ld->n_pending++] = (Pending){ ent_pool_intern(&ld->pool, subject),
                                            prop,
                                            ent_pool_intern(&ld->pool, object),
                                            ld->source,
                                            caret_of(ld, node) };
}

/// Defer a relation to each ID of a space-separated attribute.
static void
defer_list(Loader *ld,
           const char *subject,
           EntProperty prop,
           const xmlNode *node,
           const char *name)
{
  const char *list = attr(ld, node, name);
  if (!list) {
    return;
  }
  char *copy = splittable(ld, list);
  if (!copy) {
    return;
  }
  for (char *save = NULL, *id = strtok_r(copy, " \t\r\n", &save); id;
       id = strtok_r(NULL, " \t\r\n", &save)) {
    defer(ld, subject, prop, id, node);
  }
}

static void
defer_attr(Loader *ld,
           const char *subject,
           EntProperty prop,
           const xmlNode *node,
           const char *name)
{
  const char *id = attr(ld, node, name);
  if (id) {
    defer(ld, subject, prop, id, node);
  }
}

static void
add_value(Loader *ld,
          const char *id,
          EntProperty prop,
          const char *value,
          const char *lang,
          const xmlNode *node)
{
  if (value) {
    const EntCaret at = caret_of(ld, node);
    note_status(ld, ent_graph_add_value(ld->graph, id, prop, value, lang, &at));
  }
}

static void
value_attr(Loader *ld,
           const char *id,
           EntProperty prop,
           const xmlNode *node,
           const char *name)
{
  add_value(ld, id, prop, attr(ld, node, name), NULL, node);
}

static void concept(Loader *ld,
                    const char *id,
                    EntProperty prop,
                    const xmlNode *node,
                    const char *name)
{
  const char *list = attr(ld, node, name);
  if (!list) {
    return;
  }
  const EntCaret at = caret_of(ld, node);
  char *copy = splittable(ld, list);
  if (!copy) {
    return;
  }
  for (char *save = NULL, *v = strtok_r(copy, " \t\r\n", &save); v;
       v = strtok_r(NULL, " \t\r\n", &save)) {
    note_status(ld, ent_graph_set_concept(ld->graph, id, prop, v, &at));
  }
}

/// Choose the source of this element's facts: its own source="...", else
/// `inherited` (the enclosing element's), else the dataset's first source.
static bool
enter_source(Loader *ld, const xmlNode *node, const char *inherited)
{
  const char *own = attr(ld, node, "source");
  ld->source = own ? own : inherited ? inherited : ld->default_source;
  if (!ld->source) {
    return true; // the first <source> itself, before any source exists
  }
  const EntCaret at = caret_of(ld, node);
  const EntStatus st = ent_graph_use_source(ld->graph, ld->source, &at);
  note_status(ld, st);
  return st == ENT_SUCCESS;
}

static bool
add_entity(Loader *ld,
           EntClass cls,
           const char *id,
           const xmlNode *name_node,
           const char *name,
           const xmlNode *node)
{
  const EntCaret at = caret_of(ld, node);
  const EntStatus st =
    ent_graph_add_entity(ld->graph,
                         cls,
                         id,
                         name ? name : "",
                         name_node ? lang_of(ld, name_node) : NULL,
                         &at);
  note_status(ld, st);
  if (st) {
    // Its error is reported; references to it would only repeat it.
    const char *key = ent_pool_intern(&ld->pool, id);
    if (key) {
      ent_map_put(&ld->failed, key, (void *)(uintptr_t)1);
    }
  }
  return st == ENT_SUCCESS;
}

static void
add_texts(Loader *ld,
          const char *id,
          const xmlNode *node,
          const char *name,
          EntProperty prop,
          bool with_lang)
{
  for (const xmlNode *c = node->children; c; c = c->next) {
    if (is_element(c, name)) {
      add_value(
        ld, id, prop, text_of(ld, c), with_lang ? lang_of(ld, c) : NULL, c);
    }
  }
}

/// An entity described by <name>, <alias>, <description>, <same-as>.
static const char *
named_entity(Loader *ld, EntClass cls, const xmlNode *node)
{
  const char *id = attr(ld, node, "id");
  const xmlNode *name = child(node, "name");
  if (!id ||
      !add_entity(ld, cls, id, name, name ? text_of(ld, name) : NULL, node)) {
    return NULL;
  }
  add_texts(ld, id, node, "alias", ENT_PROP_ALIAS, true);
  add_texts(ld, id, node, "description", ENT_PROP_DESCRIPTION, true);
  add_texts(ld, id, node, "same-as", ENT_PROP_SAME_AS, false);
  return id;
}

/// An entity described by <title> and <description>.
static const char *
titled_entity(Loader *ld, EntClass cls, const xmlNode *node)
{
  const char *id = attr(ld, node, "id");
  const xmlNode *title = child(node, "title");
  if (!id || !add_entity(
               ld, cls, id, title, title ? text_of(ld, title) : NULL, node)) {
    return NULL;
  }
  add_texts(ld, id, node, "description", ENT_PROP_DESCRIPTION, true);
  return id;
}

static const char *const weekdays[] = { "monday",   "tuesday", "wednesday",
                                        "thursday", "friday",  "saturday",
                                        "sunday" };

/// A date-phrase naming a weekday must agree with the date it explains.
static void
check_weekday(Loader *ld,
              const char *date,
              const char *phrase,
              const xmlNode *node)
{
  int y = 0;
  int m = 0;
  int d = 0;
  if (!date || !phrase || !ent_parse_date(date, &y, &m, &d)) {
    return;
  }
  for (int w = 0; w < 7; ++w) {
    const size_t n = strlen(weekdays[w]);
    for (const char *p = phrase; *p; ++p) {
      if (!strncasecmp(p, weekdays[w], n)) {
        const int actual = ent_weekday(y, m, d);
        if (actual != w) {
          load_error(ld,
                     ENT_ERR_BAD_DATE,
                     node,
                     "date-phrase '%s' names a %c%s, but %s is a %c%s; fix "
                     "the date or the phrase",
                     phrase,
                     weekdays[w][0] - 'a' + 'A',
                     weekdays[w] + 1,
                     date,
                     weekdays[actual][0] - 'a' + 'A',
                     weekdays[actual] + 1);
        }
        return;
      }
    }
  }
}

/// When something happened: `date` (one day, written as `single`), `start`
/// and `end` (it lasted that long), or `not-before` and `not-after` (it
/// happened on some day in that window: "last week"), with the source's
/// wording in `date-phrase`.
static void
when(Loader *ld, const char *id, const xmlNode *node, EntProperty single)
{
  const char *date = attr(ld, node, "date");
  const char *phrase = attr(ld, node, "date-phrase");
  add_value(ld, id, single, date, NULL, node);
  add_value(ld, id, ENT_PROP_DATE_PHRASE, phrase, NULL, node);
  static const struct {
    const char *from;
    const char *to;
    EntProperty from_prop;
    EntProperty to_prop;
  } ranges[] = {
    { "start", "end", ENT_PROP_START_DATE, ENT_PROP_END_DATE },
    { "not-before", "not-after", ENT_PROP_NOT_BEFORE, ENT_PROP_NOT_AFTER },
  };
  for (size_t i = 0; i < sizeof(ranges) / sizeof(ranges[0]); ++i) {
    const char *from = attr(ld, node, ranges[i].from);
    const char *to = attr(ld, node, ranges[i].to);
    add_value(ld, id, ranges[i].from_prop, from, NULL, node);
    add_value(ld, id, ranges[i].to_prop, to, NULL, node);
    int y1 = 0, m1 = 0, d1 = 0, y2 = 0, m2 = 0, d2 = 0;
    if (from && to && ent_parse_date(from, &y1, &m1, &d1) &&
        ent_parse_date(to, &y2, &m2, &d2) &&
        (y2 * 10000 + m2 * 100 + d2) < (y1 * 10000 + m1 * 100 + d1)) {
      load_error(ld,
                 ENT_ERR_BAD_DATE,
                 node,
                 "%s date %s is before %s date %s",
                 ranges[i].to,
                 to,
                 ranges[i].from,
                 from);
    }
    if (i == 0 && !date) {
      date = from; // a weekday names the first day of a span
    }
  }
  check_weekday(ld, date, phrase, node);
}

// ---- One handler per entity element --------------------------------------

static void
read_source(Loader *ld, const xmlNode *node)
{
  const char *id = titled_entity(ld, ENT_CLASS_SOURCE, node);
  if (!id) {
    return;
  }
  const xmlNode *title = child(node, "title");
  add_value(
    ld, id, ENT_PROP_TITLE, text_of(ld, title), lang_of(ld, title), title);
  value_attr(ld, id, ENT_PROP_URL, node, "url");
  value_attr(ld, id, ENT_PROP_PUBLISHED, node, "published");
  defer_attr(ld, id, ENT_PROP_PUBLISHER, node, "outlet");
  defer_list(ld, id, ENT_PROP_CITES_OUTLET, node, "cites");
  const char *text = attr(ld, node, "text");
  if (!text) {
    return;
  }
  EntBuf path = { NULL, 0, 0 };
  if (text[0] == '/' ? ent_buf_append(&path, text, strlen(text))
                     : ent_buf_appendf(&path, "%s/%s", ld->dir, text)) {
    note_status(ld, ENT_ERR_NO_MEMORY);
  } else {
    note_status(ld, ent_graph_dataset_source_text(ld->graph, id, path.buf));
  }
  ent_buf_free(&path);
}

static void
read_official(Loader *ld, const xmlNode *node)
{
  const char *id = named_entity(ld, ENT_CLASS_OFFICIAL, node);
  if (!id) {
    return;
  }
  defer_attr(ld, id, ENT_PROP_NATIONALITY, node, "country");
  const char *official_source = ld->source;
  unsigned n = 0;
  for (const xmlNode *c = node->children; c; c = c->next) {
    if (!is_element(c, "post")) {
      continue;
    }
    ++n;
    if (!enter_source(ld, c, official_source)) {
      continue;
    }
    const char *post = attr(ld, c, "id");
    if (!post) {
      EntBuf b = { NULL, 0, 0 };
      if (ent_buf_appendf(&b, "%s-%u", id, n)) {
        note_status(ld, ENT_ERR_NO_MEMORY);
        continue;
      }
      post = ent_pool_copy(&ld->pool, b.buf, b.len);
      ent_buf_free(&b);
    }
    if (!add_entity(ld, ENT_CLASS_POST, post, c, attr(ld, c, "title"), c)) {
      continue;
    }
    defer(ld, id, ENT_PROP_HOLDS_POST, post, c);
    const char *institution = attr(ld, c, "institution");
    if (institution) {
      defer(ld, post, ENT_PROP_POST_IN, institution, c);
      const char *head = attr(ld, c, "head");
      if (head && (!strcmp(head, "true") || !strcmp(head, "1"))) {
        defer(ld, id, ENT_PROP_HEAD_OF, institution, c);
      }
    }
    value_attr(ld, post, ENT_PROP_START_DATE, c, "start");
    value_attr(ld, post, ENT_PROP_END_DATE, c, "end");
  }
}

static bool
in_list(const char *list, const char *id)
{
  const size_t n = strlen(id);
  for (const char *p = list ? strstr(list, id) : NULL; p;
       p = strstr(p + 1, id)) {
    const bool starts = p == list || p[-1] == ' ' || p[-1] == '\t' ||
                        p[-1] == '\n' || p[-1] == '\r';
    const char after = p[n];
    if (starts && (after == '\0' || after == ' ' || after == '\t' ||
                   after == '\n' || after == '\r')) {
      return true;
    }
  }
  return false;
}

static void
read_delegation(Loader *ld,
                const char *negotiation,
                const char *title,
                const xmlNode *node)
{
  const char *id = attr(ld, node, "id");
  const char *side = attr(ld, node, "side");
  const xmlNode *name_node = child(node, "name");
  const char *name = name_node ? text_of(ld, name_node) : NULL;
  EntBuf made = { NULL, 0, 0 };
  if (!name && side) {
    const char *side_name = ent_graph_name(ld->graph, side);
    if (ent_buf_appendf(&made,
                        "%s delegation at %s",
                        side_name ? side_name : side,
                        title ? title : negotiation)) {
      note_status(ld, ENT_ERR_NO_MEMORY);
      return;
    }
    name = made.buf;
  }
  // A made-up name is in the language of the negotiation it is made from.
  const bool added =
    id &&
    add_entity(
      ld, ENT_CLASS_DELEGATION, id, name_node ? name_node : node, name, node);
  ent_buf_free(&made);
  if (!added) {
    return;
  }
  defer(ld, negotiation, ENT_PROP_DELEGATION, id, node);
  if (side) {
    defer(ld, id, ENT_PROP_REPRESENTS, side, node);
  }
  const char *leaders = attr(ld, node, "leaders");
  const char *members = attr(ld, node, "members");
  // Leaders are members too; a leader listed in both is related once.
  const char *lists[2] = { leaders, members };
  for (size_t k = 0; k < 2; ++k) {
    char *copy = lists[k] ? splittable(ld, lists[k]) : NULL;
    for (char *save = NULL,
              *who = copy ? strtok_r(copy, " \t\r\n", &save) : NULL;
         who;
         who = strtok_r(NULL, " \t\r\n", &save)) {
      if (k == 0) {
        defer(ld, who, ENT_PROP_HEAD_OF, id, node);
        defer(ld, who, ENT_PROP_MEMBER_OF, id, node);
      } else if (!in_list(leaders, who)) {
        defer(ld, who, ENT_PROP_MEMBER_OF, id, node);
      }
    }
  }
}

static void
read_negotiation(Loader *ld, const xmlNode *node)
{
  const char *id = titled_entity(ld, ENT_CLASS_NEGOTIATION, node);
  if (!id) {
    return;
  }
  when(ld, id, node, ENT_PROP_START_DATE);
  defer_attr(ld, id, ENT_PROP_LOCATION, node, "place");
  concept(ld, id, ENT_PROP_FORMAT, node, "format");
  concept(ld, id, ENT_PROP_NEGOTIATION_STATUS, node, "status");
  defer_list(ld, id, ENT_PROP_TOPIC, node, "topics");
  defer_attr(ld, id, ENT_PROP_PART_OF, node, "part-of");
  defer_list(ld, id, ENT_PROP_PARTICIPANT, node, "participants");
  defer_list(ld, id, ENT_PROP_REPORTED_BY, node, "reported-by");
  const xmlNode *title = child(node, "title");
  const char *title_text = title ? text_of(ld, title) : NULL;
  const char *negotiation_source = ld->source;
  for (const xmlNode *c = node->children; c; c = c->next) {
    if (is_element(c, "delegation") &&
        enter_source(ld, c, negotiation_source)) {
      read_delegation(ld, id, title_text, c);
    }
  }
}

/// A statement's label: its words, shortened at a word boundary.
static const char *
statement_name(Loader *ld, const char *text)
{
  enum { MAX_NAME = 80 };
  if (!text) {
    return NULL;
  }
  while (*text == ' ' || *text == '\n' || *text == '\t' || *text == '\r') {
    ++text;
  }
  size_t len = strlen(text);
  if (len <= MAX_NAME) {
    return text;
  }
  size_t cut = MAX_NAME;
  while (cut > MAX_NAME / 2 && text[cut] != ' ') {
    --cut;
  }
  while (cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80) {
    --cut; // never split a UTF-8 sequence
  }
  EntBuf b = { NULL, 0, 0 };
  if (ent_buf_append(&b, text, cut) || ent_buf_append(&b, "\xE2\x80\xA6", 3)) {
    ent_buf_free(&b);
    return NULL;
  }
  const char *name = ent_pool_copy(&ld->pool, b.buf, b.len);
  ent_buf_free(&b);
  return name;
}

static void
read_statement(Loader *ld, const xmlNode *node, EntClass cls)
{
  const char *id = attr(ld, node, "id");
  const char *text = text_of(ld, node);
  if (!id || !add_entity(ld, cls, id, node, statement_name(ld, text), node)) {
    return;
  }
  add_value(ld, id, ENT_PROP_TEXT, text, lang_of(ld, node), node);
  defer_attr(ld, id, ENT_PROP_SPEAKER, node, "speaker");
  defer_attr(ld, id, ENT_PROP_MEDIUM, node, "medium");
  defer_list(ld, id, ENT_PROP_ADDRESSEE, node, "to");
  defer_list(ld, id, ENT_PROP_CONCERNS, node, "concerns");
  when(ld, id, node, ENT_PROP_DATE_CREATED);
}

static void
read_agreement(Loader *ld, const xmlNode *node)
{
  const char *id = titled_entity(ld, ENT_CLASS_AGREEMENT, node);
  if (!id) {
    return;
  }
  concept(ld, id, ENT_PROP_AGREEMENT_STATUS, node, "status");
  defer_list(ld, id, ENT_PROP_PROPOSED_BY, node, "proposed-by");
  defer_list(ld, id, ENT_PROP_AGREED_BY, node, "agreed-by");
  defer_list(ld, id, ENT_PROP_BACKED_BY, node, "backed-by");
  defer_list(ld, id, ENT_PROP_PARTY, node, "parties");
  value_attr(ld, id, ENT_PROP_DURATION, node, "duration");
  value_attr(ld, id, ENT_PROP_TARGET_DATE, node, "target-date");
  defer_list(ld, id, ENT_PROP_TOPIC, node, "topics");
  defer_list(ld, id, ENT_PROP_CONCERNS, node, "concerns");
  defer_list(ld, id, ENT_PROP_REPORTED_BY, node, "reported-by");
  when(ld, id, node, ENT_PROP_DATE_CREATED); // the day it was reached
}

static void
read_event(Loader *ld, const xmlNode *node)
{
  const char *id = titled_entity(ld, ENT_CLASS_INCIDENT, node);
  if (!id) {
    return;
  }
  concept(ld, id, ENT_PROP_INCIDENT_TYPE, node, "type");
  defer_list(ld, id, ENT_PROP_LOCATION, node, "place");
  defer_list(ld, id, ENT_PROP_RESPONSIBLE, node, "responsible");
  value_attr(ld, id, ENT_PROP_DEATHS, node, "killed");
  value_attr(ld, id, ENT_PROP_DEATHS_AT_LEAST, node, "killed-at-least");
  defer_list(ld, id, ENT_PROP_TOPIC, node, "topics");
  defer_list(ld, id, ENT_PROP_REPORTED_BY, node, "reported-by");
  when(ld, id, node, ENT_PROP_START_DATE);
}

static void
read_entity(Loader *ld, const xmlNode *node)
{
  if (!enter_source(ld, node, NULL)) {
    return;
  }
  const char *name = (const char *)node->name;
  const char *id = NULL;
  if (!strcmp(name, "source")) {
    read_source(ld, node);
  } else if (!strcmp(name, "outlet")) {
    id = named_entity(ld, ENT_CLASS_OUTLET, node);
    if (id) {
      value_attr(ld, id, ENT_PROP_URL, node, "url");
      defer_attr(ld, id, ENT_PROP_COUNTRY, node, "country");
    }
  } else if (!strcmp(name, "country")) {
    named_entity(ld, ENT_CLASS_COUNTRY, node);
  } else if (!strcmp(name, "place")) {
    id = named_entity(ld, ENT_CLASS_PLACE, node);
    if (id) {
      defer_attr(ld, id, ENT_PROP_CONTAINED_IN_PLACE, node, "in");
    }
  } else if (!strcmp(name, "institution")) {
    id = named_entity(ld, ENT_CLASS_INSTITUTION, node);
    if (id) {
      defer_attr(ld, id, ENT_PROP_SUB_ORGANIZATION_OF, node, "parent");
      defer_attr(ld, id, ENT_PROP_COUNTRY, node, "country");
    }
  } else if (!strcmp(name, "topic")) {
    named_entity(ld, ENT_CLASS_TOPIC, node);
  } else if (!strcmp(name, "official")) {
    read_official(ld, node);
  } else if (!strcmp(name, "negotiation")) {
    read_negotiation(ld, node);
  } else if (!strcmp(name, "quote")) {
    read_statement(ld, node, ENT_CLASS_QUOTATION);
  } else if (!strcmp(name, "paraphrase")) {
    read_statement(ld, node, ENT_CLASS_PARAPHRASE);
  } else if (!strcmp(name, "agreement")) {
    read_agreement(ld, node);
  } else if (!strcmp(name, "event")) {
    read_event(ld, node);
  }
}

/// The schema for one read of a dataset, or none.
typedef struct {
  EntSchema *schema;
  EntSchemaRun *run;
  SchemaReport report;
} Checker;

static bool
checker_open(Loader *ld, int fd, Checker *c)
{
  char why[256];
  const EntStatus compiled = ent_schema_compile(
    (const char *)ent_builtin_schema, ent_builtin_schema_size, &c->schema, why);
  if (compiled) {
    ent_log(ld->world,
            ENT_LOG_ERROR,
            compiled,
            NULL,
            "the built-in dataset schema could not be compiled: %s",
            why);
    note_status(ld, compiled);
    return false;
  }
  c->report = (SchemaReport){ ld, fd };
  c->run = ent_schema_run_new(c->schema, on_schema_error, &c->report);
  if (!c->run) {
    fail_at(
      ld, ENT_ERR_NO_MEMORY, 0, 0, "out of memory starting the validation");
    return false;
  }
  return true;
}

static void
checker_close(Checker *c)
{
  ent_schema_run_free(c->run);
  ent_schema_free(c->schema);
}

/// After the schema run stopped: its error is reported already, unless
/// memory ran out.
static void
schema_stopped(Loader *ld, xmlTextReaderPtr reader, EntStatus st)
{
  if (st == ENT_ERR_NO_MEMORY) {
    fail_at(ld,
            ENT_ERR_NO_MEMORY,
            reader_line(reader),
            0,
            "out of memory while validating");
  }
  note_status(ld, st ? st : ENT_ERR_SCHEMA);
}

/// Read the dataset in one pass of libxml2's reader: entities in document
/// order, then (unless streaming) every relation, so that a reference may
/// point forward.  With `check`, every node also goes through the schema,
/// each entity's subtree before the entity is read, so nothing the schema
/// refuses is ever read; the first schema error ends the pass.  The second
/// pass of a streaming export reads what its first checked.
static void
build(Loader *ld, int fd, bool check)
{
  Checker checker = { NULL, NULL, { NULL, -1 } };
  if (check && !checker_open(ld, fd, &checker)) {
    checker_close(&checker);
    return;
  }
  EntSchemaRun *run = checker.run;
  xmlTextReaderPtr reader = new_reader(ld, fd);
  int rc = reader ? xmlTextReaderRead(reader) : -1;
  bool refused = false; // by the schema, or the reader's error
  EntStatus st = ENT_SUCCESS;
  while (reader && rc == 1) {
    const int depth = xmlTextReaderDepth(reader);
    const int type = xmlTextReaderNodeType(reader);
    const bool element = type == XML_READER_TYPE_ELEMENT;
    if (run && type == XML_READER_TYPE_DOCUMENT_TYPE) {
      // Not in the prolog scanned before: still never accepted.
      fail_at(ld,
              ENT_ERR_SYNTAX,
              reader_line(reader),
              0,
              "DOCTYPE declarations are not allowed in datasets; remove it");
      refused = true;
      break;
    }
    if (element && depth == 2) {
      const xmlNode *node = xmlTextReaderExpand(reader);
      if (!node) {
        note_status(ld, ENT_ERR_SYNTAX);
        refused = true;
        break;
      }
      if (run && !ent_schema_run_tree(run, node, MAX_DEPTH - 1, &st)) {
        schema_stopped(ld, reader, st);
        refused = true;
        break;
      }
      read_entity(ld, node);
      if (!ld->default_source && is_element(node, "source")) {
        const char *id = attr(ld, node, "id");
        ld->default_source = id ? ent_pool_intern(&ld->kept, id) : NULL;
      }
      note_status(ld, ent_graph_end_element(ld->graph));
      ld->line_node = NULL; // its nodes go with the subtree
      if (ld->graph->stream_phase != STREAM_OFF) {
        // Streaming keeps memory flat: nothing read for an element
        // outlives it.
        ent_pool_clear(&ld->pool);
        ent_map_clear(&ld->failed); // its keys were in the pool
      }
      rc = xmlTextReaderNext(reader); // skip the subtree just read
      continue;
    }
    if (run && !ent_schema_run_node(
                 run,
                 reader,
                 // Cheap; errors about elements are located exactly by
                 // locate_start_tag(), and reader_line() costs a walk past line
                 // 65535.
                 (unsigned long)xmlTextReaderGetParserLineNumber(reader),
                 &st)) {
      schema_stopped(ld, reader, st);
      refused = true;
      break;
    }
    if (element && depth == 0) {
      xmlChar *base =
        xmlTextReaderGetAttribute(reader, (const xmlChar *)"base");
      if (ent_graph_use_base(ld->graph, (const char *)base)) {
        const xmlNode *root = xmlTextReaderCurrentNode(reader);
        load_error(ld,
                   ENT_ERR_BAD_VALUE,
                   root,
                   "base '%s' must be an absolute http(s) or urn IRI ending "
                   "in '/' or '#'",
                   (const char *)base);
      }
      xmlFree(base);
    }
    rc = xmlTextReaderRead(reader);
  }
  if (reader && rc < 0 && !refused) {
    // libxml2 has reported why (and noted the status), unless it stopped
    // without a word.
    if (!ld->status) {
      fail_at(ld, ENT_ERR_SYNTAX, 0, 0, "the file is not well-formed XML");
    }
    refused = true;
  }
  if (run && !refused && !ent_schema_run_finish(run, &st)) {
    note_status(ld, st ? st : ENT_ERR_SCHEMA);
    refused = true;
  }
  xmlFreeTextReader(reader);
  checker_close(&checker);
  if (refused) {
    return; // relations into a document cut short would only add noise
  }
  // Relations, now that every entity exists.
  for (size_t i = 0; i < ld->n_pending; ++i) {
    const Pending *p = &ld->pending[i];
    if (ent_map_get(&ld->failed, p->subject) ||
        ent_map_get(&ld->failed, p->object)) {
      continue;
    }
    const char *source = p->source ? p->source : ld->default_source;
    EntStatus rst =
      source ? ent_graph_use_source(ld->graph, source, &p->at) : ENT_SUCCESS;
    if (!rst) {
      rst = ent_graph_relate(ld->graph, p->subject, p->prop, p->object, &p->at);
    }
    note_status(ld, rst);
  }
}

EntStatus
ent_load_dataset(EntGraph *graph, const char *path)
{
  Loader ld;
  memset(&ld, 0, sizeof(ld));
  ld.graph = graph;
  // A dataset's facts come from its own sources: its first source is the
  // default, whatever was loaded before.
  graph->current_source = ENT_NO_ENTITY;
  ld.world = graph->world;
  ld.path = path;
  ent_pool_init(&ld.pool);
  const char *slash = strrchr(path, '/');
  ld.dir = slash ? strndup(path, (size_t)(slash - path) + (slash == path))
                 : strdup(".");
  if (!ld.dir) {
    return ENT_ERR_NO_MEMORY;
  }
  const int fd = open_dataset(&ld);
  if (fd >= 0) {
    // A streaming export reads each dataset twice; the second time it has
    // been checked already.
    const bool check = graph->stream_phase != STREAM_WRITE;
    if (check) {
      prescan(&ld, fd); // by pread(): the file offset stays at 0
    }
    if (!ld.status) {
      build(&ld, fd, check);
    }
    close(fd);
  }
  free(ld.pending);
  free(ld.dir);
  ent_buf_free(&ld.split);
  ent_map_clear(&ld.failed);
  ent_pool_clear(&ld.pool);
  ent_pool_clear(&ld.kept);
  return ld.status;
}
