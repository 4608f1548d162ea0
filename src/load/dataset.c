// SPDX-License-Identifier: MIT
// Loading a curated XML dataset: validate it against the built-in RELAX NG
// schema in a first streaming pass (schema.c), then build the model in a
// second pass
// that expands one entity element at a time, so memory does not grow with
// the size of the file beyond what the model itself holds.

#include "../model/model.h"
#include "schema.h"

#include <libxml/xmlreader.h>
#include <libxml/xmlschemastypes.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define FORMAT_NS ENT_FORMAT_NS
/// Largest dataset accepted (bytes).
#define DATASET_SIZE_CAP (4ULL * 1024 * 1024 * 1024)
/// No dataset needs more nesting than this; deeper input is hostile.
#define MAX_DEPTH 32

// Parser options: never substitute entities, never load DTDs or anything
// from the network, keep true line numbers past 65535.
static const int xml_options =
  XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES;

/// Elements read between two progress reports.
#define PROGRESS_EVERY 2048

/// A relation read before every entity it may name exists.  Each end is
/// an entity already found (`*_found`, while its ID was fresh in the
/// cache) or ENT_NO_ENTITY and its ID, looked up once the file is read.
typedef struct {
  const char *subject; ///< Owned by the loader's (or Deferred's) pool
  const char *object;  ///< Likewise; NULL when object_found is set
  const char *source;  ///< Source in force, or NULL for the default
  KeptCaret at;
  EntProperty prop;
  uint32_t subject_found;
  uint32_t object_found;
} Pending;

/// What kind of file is read: an article's dataset, a corpus's
/// corpus.xml, or one of its registry files.
typedef enum { ROOT_DATASET, ROOT_CORPUS, ROOT_REGISTRY } RootKind;

static const char *const root_names[] = { "dataset", "corpus", "registry" };

typedef struct {
  EntGraph *graph;
  EntWorld *world;
  const char *path;
  RootKind root;             ///< What the file must be
  struct Deferred *deferred; ///< Registry files: where relations wait
  bool root_ok;              ///< Its root element was the right one
  const char *corpus_id;     ///< corpus.xml: the corpus's ID, until its title
  const char *corpus_license;
  EntCaret root_at; ///< The root element's start tag, for what it lacks
  const char *corpus_lang;
  char *dir;        ///< Directory of the dataset, for relative paths
  EntStatus status; ///< First error met
  EntPool pool;     ///< What outlives its element: pending relations' ends,
                    ///< refused IDs, sources in force (a stream: cleared
                    ///< with each element all the same)
  EntPool scratch;  ///< The element's own strings (attributes, texts):
                    ///< the graph copies what it keeps, so they go with
                    ///< the element, or a whole read held every text twice
  Pending *pending;
  size_t n_pending;
  size_t cap_pending;
  const char *source;         ///< Source of the element being read, or NULL
  const char *default_source; ///< The dataset's first source, once read
  EntBuf split;               ///< Scratch copy of an ID list being split
  EntMap failed;              ///< IDs whose definition was refused
  // The subject defer() met last (a copy in `pool`) and its entity: one
  // element relates its own entity to many others in a row.
  const char *last_subject;
  uint32_t last_subject_found;
  EntPool kept; ///< Strings kept for the whole dataset
  /// Source ID -> the last day it can have been published (published=,
  /// else not-after=), both in `kept`: what it reports happened before
  EntMap published;
  /// Language tags met (in `kept`): each is looked at once a file
  EntMap langs;
  const char *last_lang; ///< The last tag lang_of() gave (in `kept`)
  // The line caret_of() found last: one element asks for it many times,
  // and past line 65535 finding it walks the element's text.  Forgotten
  // with each entity's subtree, whose nodes libxml2 then frees.
  const xmlNode *line_node;
  long line;
  unsigned long long size; ///< Of the file, for progress reports
  // Where libxml2 said its last error: a bad UTF-8 sequence is reported
  // twice in a row there, once as bytes, once as a code point.
  EntCaret last_xml_at;
  unsigned long tags; ///< Start tags read so far (number_tags())
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

/// Keep the first failure, but running out of memory over any: the run
/// stops there (what follows could fail for want of memory and be
/// reported as errors of the data).
static void
note_status(Loader *ld, EntStatus st)
{
  if (st && (!ld->status || st == ENT_ERR_NO_MEMORY)) {
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

/// Where a message about `node` points: its line, and which start tag of
/// the file is its element's (number_tags()), from which the message's
/// exact line and column are found if it is shown.
static EntCaret
caret_of(Loader *ld, const xmlNode *node)
{
  if (node && node != ld->line_node) {
    ld->line_node = node;
    ld->line = node_line(node);
  }
  const long line = node ? ld->line : 0;
  const xmlNode *element = node;
  while (element && element->type != XML_ELEMENT_NODE) {
    element = element->parent;
  }
  return (EntCaret){ ld->path,
                     line > 0 ? (unsigned long)line : 0,
                     0,
                     element ? (unsigned long)(uintptr_t)element->_private
                             : 0 };
}

/// Number the elements of `node`'s subtree in document order, after the
/// `ld->tags` start tags before it: each one's ordinal among the file's
/// start tags, in its _private (libxml2's field for the application;
/// the parser zeroes it in every node it makes, recycled or not).
static void
number_tags(Loader *ld, xmlNode *node)
{
  for (xmlNode *n = node; n;) {
    if (n->type == XML_ELEMENT_NODE) {
      n->_private = (void *)(uintptr_t)++ld->tags;
      if (n->children) {
        n = n->children;
        continue;
      }
    }
    while (n != node && !n->next) {
      n = n->parent;
    }
    n = n == node ? NULL : n->next;
  }
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
  const EntCaret at = { ld->path, line, column, 0 };
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

static void load_warning(Loader *ld, const xmlNode *node, const char *fmt, ...)
  ENT_PRINTF(3, 4);

/// A warning at `node`, said once: not in the passes of a streaming
/// export that read entities only (the pass that writes says it).
static void
load_warning(Loader *ld, const xmlNode *node, const char *fmt, ...)
{
  const int phase = ld->graph->stream_phase;
  if (phase == STREAM_INDEX || phase == STREAM_RESOLVE) {
    return;
  }
  const EntCaret at = caret_of(ld, node);
  va_list args;
  va_start(args, fmt);
  ent_vlog(ld->world, ENT_LOG_WARNING, ENT_FAILURE, &at, fmt, args);
  va_end(args);
}

// ---- libxml2 diagnostics ------------------------------------------------

/// What kind of code point XML 1.0 refuses `c` is.
static const char *
refused_kind(unsigned long c)
{
  if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
    return "a control character";
  }
  if (c >= 0xD800 && c <= 0xDFFF) {
    return "a UTF-16 surrogate";
  }
  if (c > 0x10FFFF) {
    return "past U+10FFFF, where Unicode ends";
  }
  if ((c & 0xFFFE) == 0xFFFE || (c >= 0xFDD0 && c <= 0xFDEF)) {
    return "a noncharacter";
  }
  return "a code point";
}

/// libxml2's wording of what a dataset most often gets wrong, rewritten
/// into `out` in entente's: what is wrong, and what to do.  False: its own
/// message stands.
static bool
explain_xml_error(const char *message, char *out, size_t size)
{
  static const char not_utf8[] = "Input is not proper UTF-8";
  static const char char_ref[] = "xmlParseCharRef: invalid xmlChar value ";
  static const char pcdata[] = "PCDATA invalid Char value ";
  static const char out_of_range[] = "Char 0x";
  const char *bytes = strstr(message, "Bytes: ");
  if (!strncmp(message, not_utf8, sizeof(not_utf8) - 1)) {
    snprintf(out,
             size,
             "the file is not UTF-8 here%s%s%s; save it as UTF-8 (iconv -f "
             "WINDOWS-1252 -t UTF-8, or the encoding it was saved in)",
             bytes ? " (bytes " : "",
             bytes ? bytes + 7 : "",
             bytes ? ")" : "");
    return true;
  }
  const bool ref = !strncmp(message, char_ref, sizeof(char_ref) - 1);
  const bool raw = !strncmp(message, pcdata, sizeof(pcdata) - 1);
  const bool range =
    !strncmp(message, out_of_range, sizeof(out_of_range) - 1) &&
    strstr(message, " out of allowed range");
  if (ref || raw || range) {
    const unsigned long c =
      ref   ? strtoul(message + sizeof(char_ref) - 1, NULL, 10)
      : raw ? strtoul(message + sizeof(pcdata) - 1, NULL, 10)
            : strtoul(message + sizeof(out_of_range) - 1, NULL, 16);
    if (range) {
      // Bytes that decode to no character: the file is not proper UTF-8.
      snprintf(out,
               size,
               "the file is not proper UTF-8 here: its bytes decode to "
               "U+%04lX (%s), which XML 1.0 does not allow; save it as "
               "UTF-8, or remove them",
               c,
               refused_kind(c));
      return true;
    }
    snprintf(out,
             size,
             "%s U+%04lX (%s), which XML 1.0 does not allow; remove it",
             ref ? "a character reference to" : "the character",
             c,
             refused_kind(c));
    return true;
  }
  if (!strcmp(message, "AttValue: \" or ' expected")) {
    snprintf(out,
             size,
             "an attribute value without quotes; XML puts every value in "
             "quotes: id=\"ukraine\"");
    return true;
  }
  static const char no_value[] = "Specification mandates value for attribute ";
  if (!strncmp(message, no_value, sizeof(no_value) - 1)) {
    const int n = (int)strnlen(message + sizeof(no_value) - 1, 64);
    const char *name = message + sizeof(no_value) - 1;
    snprintf(out,
             size,
             "attribute %.*s has no value; write %.*s=\"...\" (an attribute "
             "without '=' and a quoted value is not XML)",
             n,
             name,
             n,
             name);
    return true;
  }
  if (!strcmp(message, "xmlParseEntityRef: no name")) {
    snprintf(out,
             size,
             "a '&' that starts no entity reference; write a lone & as "
             "&amp; (\"Q&amp;A\")");
    return true;
  }
  if (!strcmp(message, "EntityRef: expecting ';'")) {
    snprintf(out,
             size,
             "an entity reference without its ';'; write a lone & as &amp; "
             "(\"AT&amp;T\"), and end a reference with ';' (&amp;)");
    return true;
  }
  static const char undefined[] = "Entity '";
  const char *name_end = strstr(message, "' not defined");
  if (!strncmp(message, undefined, sizeof(undefined) - 1) && name_end &&
      !name_end[sizeof("' not defined") - 1]) {
    const char *name = message + sizeof(undefined) - 1;
    snprintf(out,
             size,
             "entity '&%.*s;' is not defined: XML has only &amp; &lt; &gt; "
             "&quot; and &apos;; write the character itself (the file is "
             "UTF-8) or a character reference (&#160; for &nbsp;)",
             (int)(name_end - name),
             name);
    return true;
  }
  if (strstr(message, "Huge input lookup") || strstr(message, "huge text") ||
      strstr(message, "length too long")) {
    snprintf(out,
             size,
             "a text, attribute value, comment or name longer than the "
             "10,000,000 bytes the XML parser takes; shorten it (an "
             "article's own text belongs in its text file, named by text=)");
    return true;
  }
  return false;
}

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
                        error->int2 > 0 ? (unsigned long)error->int2 : 0,
                        0 };
  char message[512];
  snprintf(
    message, sizeof(message), "%s", error->message ? error->message : "");
  size_t len = strlen(message);
  while (len && (message[len - 1] == '\n' || message[len - 1] == ' ')) {
    message[--len] = '\0';
  }
  for (char *nl = strchr(message, '\n'); nl; nl = strchr(nl, '\n')) {
    *nl = ' '; // one line, not an escaped line break in the middle
  }
  char explained[512];
  if (!schema && explain_xml_error(message, explained, sizeof(explained))) {
    memcpy(message, explained, sizeof(message));
  }
  if (at.line && at.line == ld->last_xml_at.line &&
      at.column == ld->last_xml_at.column) {
    return; // what follows from the error said just now, at this place
  }
  ld->last_xml_at = at;
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
  ent_world_note_input(ld->world, fd);
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
  ld->size = (unsigned long long)st.st_size;
  return fd;
}

/// No element of the format has more attributes than this; an element
/// with tens of thousands takes libxml2 seconds to build.
#define MAX_ATTRIBUTES 64
/// libxml2's reader holds an entity element whole (build() expands it),
/// and every comment and processing instruction between two elements at
/// once (it parses on to the next tag): some 130 bytes a node, 30 times
/// the file for `<?a?>` after `<?a?>`.  No entity of the format needs
/// more nodes than this; past it, the dataset is refused.
#define MAX_UNIT_NODES 100000

typedef enum {
  SCAN_TEXT,
  SCAN_LT,      ///< after '<'
  SCAN_LT_NAME, ///< after '<' and the first bytes of a character past ASCII
  SCAN_BANG,    ///< after "<!": deciding between comment, CDATA, DOCTYPE
  SCAN_TAG,     ///< inside a start or end tag
  SCAN_QUOTE,   ///< inside an attribute value
  SCAN_COMMENT, ///< until "-->"
  SCAN_PI,      ///< until "?>"
  SCAN_CDATA,   ///< until "]]>"
  SCAN_DECL,    ///< another "<!...>", until '>'
} ScanState;

/// Room for the start of an element's name: enough to tell the format's
/// names apart and to quote a name in a message.
#define SCAN_NAME 48

/// An element the markup scan has seen open and not yet closed.
typedef struct {
  char name[SCAN_NAME]; ///< Its name's first bytes
  unsigned long line;
  unsigned long column;
  /// Its '<' came right after text ("A<B"): maybe text, not a tag
  bool after_text;
} OpenTag;

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
  unsigned char name_start[4]; ///< SCAN_LT_NAME: the character's bytes
  unsigned n_name_start;       ///< ... so far
  unsigned name_start_len;     ///< ... of its UTF-8 sequence
  bool end_tag;                ///< The tag being read is an end tag
  char last;                   ///< The byte before this one in the tag
  long depth;                  ///< Elements open
  /// The innermost of them (MAX_DEPTH + 1 deep at most: deeper is refused)
  OpenTag open[MAX_DEPTH + 2];
  char name[SCAN_NAME]; ///< The name of the tag being read, so far
  size_t n_name;
  bool name_done;           ///< ... and whether it is whole
  bool text_seen;           ///< Text other than white space since the last tag
  bool after_text;          ///< ... when the tag being read began
  unsigned long quote_line; ///< Where the attribute value being read began
  unsigned long quote_column;
  char attribute[SCAN_NAME]; ///< The name of the attribute being read
  size_t n_attribute;
  bool in_attribute_name;  ///< Reading it (in a tag, after white space)
  unsigned long dash_line; ///< Where a comment's "--" began
  unsigned long dash_column;
  /// Where the file's first element (the root) was closed, 0: not yet
  unsigned long root_end_line;
  unsigned long root_end_column;
  /// Elements, comments and processing instructions since the last tag
  /// of the root, a list or an entity (MAX_UNIT_NODES)
  unsigned long unit_nodes;
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

/// One more node libxml2 will hold with the others since the last tag at
/// an entity's level or above.
static void
count_node(Scan *sc)
{
  if (++sc->unit_nodes == MAX_UNIT_NODES + 1) {
    char message[240];
    snprintf(message,
             sizeof(message),
             "more than %d elements, comments and processing instructions "
             "inside one entity, or between two; no dataset needs that: "
             "split the element, or remove the comments",
             MAX_UNIT_NODES);
    scan_error(sc, sc->tag_line, sc->tag_column, message);
  }
}

static void
enter(Scan *sc, ScanState state)
{
  sc->state = state;
  sc->n_recent = 0;
  sc->recent[0] = '\0';
}

/// Whether ASCII byte `c` may start an element's name (XML's
/// NameStartChar: a letter, '_' or ':').
static bool
name_start(char c)
{
  const unsigned char u = (unsigned char)c;
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '_' ||
         u == ':';
}

/// Whether code point `c`, past ASCII, is one of XML 1.0's NameStartChar.
static bool
name_start_code_point(unsigned long c)
{
  return (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) ||
         (c >= 0xF8 && c <= 0x2FF) || (c >= 0x370 && c <= 0x37D) ||
         (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D) ||
         (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) ||
         (c >= 0x3001 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) ||
         (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
}

/// The '<' before this byte starts no tag: text ("a < b", "a <→ b"),
/// which counted as a tag would throw the depth off, and the file would be
/// said to end unclosed.
static void
lone_less_than(Scan *sc)
{
  scan_error(sc,
             sc->tag_line,
             sc->tag_column,
             "a '<' that starts no tag; write a '<' in text as &lt;");
}

/// XML's white space.  (Called for each byte of markup: no strchr().)
static bool
is_space(char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/// A byte that ends a name in a tag: white space or markup.
static bool
ends_name(char c)
{
  return is_space(c) || c == '/' || c == '>' || c == '=' || c == '"' ||
         c == '\'' || c == '<';
}

/// One more byte of the name of the tag being read.
static void
add_name_byte(Scan *sc, unsigned char u)
{
  if (sc->n_name < SCAN_NAME - 1) {
    sc->name[sc->n_name++] = (char)u;
    sc->name[sc->n_name] = '\0';
  } else {
    // Full: a character the cut split is dropped whole, for messages.
    const size_t start = ent_utf8_back(sc->name, SCAN_NAME - 2);
    const unsigned char lead = (unsigned char)sc->name[start];
    const size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (start + len > SCAN_NAME - 1) {
      sc->name[start] = '\0';
    }
  }
}

/// The tag begun by '<' and the byte(s) after it: `n` bytes of its name
/// (none for an end tag's '/').
static void
start_tag(Scan *sc, bool end_tag, const unsigned char *name, size_t n)
{
  sc->attributes = 0;
  sc->end_tag = end_tag;
  sc->n_name = 0;
  sc->name[0] = '\0';
  sc->name_done = false;
  sc->n_attribute = 0;
  sc->attribute[0] = '\0';
  sc->in_attribute_name = false;
  for (size_t k = 0; k < n; ++k) {
    add_name_byte(sc, name[k]);
  }
  enter(sc, SCAN_TAG);
}

/// A start tag after the root element closed: a file has one root, which
/// holds everything.  Said where the fix goes: at the root's end tag if
/// the root is the file's own (closed too early), at the root if it is
/// not (the file's own start tag missing).
static void
second_root(Scan *sc)
{
  const RootKind kind = sc->ld->root;
  const char *want = kind == ROOT_DATASET  ? "dataset"
                     : kind == ROOT_CORPUS ? "corpus"
                                           : "registry";
  const char *root = sc->open[0].name;
  const char *colon = strchr(root, ':');
  const char *local = colon ? colon + 1 : root;
  char message[400];
  const char *colon2 = strchr(sc->name, ':');
  if (!strcmp(local, want) && !strcmp(colon2 ? colon2 + 1 : sc->name, want)) {
    snprintf(message,
             sizeof(message),
             "a second root element, <%s>, after the first ended at line "
             "%lu, column %lu: a file holds one; put each in a file of its "
             "own",
             sc->name,
             sc->root_end_line,
             sc->root_end_column);
    scan_error(sc, sc->tag_line, sc->tag_column, message);
    return;
  }
  if (!strcmp(local, want)) {
    snprintf(message,
             sizeof(message),
             "</%s> closes the file's root element, but <%s> follows it at "
             "line %lu, column %lu; everything belongs inside <%s>: is this "
             "</%s> too early?",
             root,
             sc->name,
             sc->tag_line,
             sc->tag_column,
             root,
             root);
    scan_error(sc, sc->root_end_line, sc->root_end_column, message);
    return;
  }
  snprintf(message,
           sizeof(message),
           "the file's first element is <%s>, and <%s> follows it at line "
           "%lu, column %lu: a %s has one root element, <%s>, that holds "
           "everything; is its start tag missing?",
           root,
           sc->name,
           sc->tag_line,
           sc->tag_column,
           kind == ROOT_DATASET  ? "dataset"
           : kind == ROOT_CORPUS ? "corpus.xml"
                                 : "registry file",
           want);
  scan_error(sc, sc->open[0].line, sc->open[0].column, message);
}

/// An end tag, whose name is whole: it must close the innermost element
/// open.  libxml2 would say so too, but only after the scan had counted
/// the depth wrong and called the file truncated at its end.
static void
end_tag(Scan *sc)
{
  if (sc->depth <= 0 && sc->name[0]) {
    char message[200];
    snprintf(message,
             sizeof(message),
             "end tag mismatch: </%s> comes where no element is open; remove "
             "it or correct its place",
             sc->name);
    scan_error(sc, sc->tag_line, sc->tag_column, message);
    return;
  }
  const long open = sc->depth < (long)(sizeof(sc->open) / sizeof(sc->open[0]))
                      ? sc->depth
                      : 0; // deeper than MAX_DEPTH: refused already
  if (open <= 0 || !sc->name[0] || !strcmp(sc->open[open - 1].name, sc->name)) {
    return; // an end tag past the root's, or with no name: libxml2's
  }
  const OpenTag *inner = &sc->open[open - 1];
  long match = open - 1;
  while (match > 0 && strcmp(sc->open[match - 1].name, sc->name) != 0) {
    --match;
  }
  char message[400];
  if (match > 0) {
    snprintf(message,
             sizeof(message),
             "end tag mismatch: </%s> closes <%s> (line %lu), but <%s> inside "
             "it, opened at "
             "line %lu, column %lu, is not closed; close it with </%s> "
             "first%s%s%s",
             sc->name,
             sc->open[match - 1].name,
             sc->open[match - 1].line,
             inner->name,
             inner->line,
             inner->column,
             inner->name,
             // After text, "a <b and c> d" may be text, not a tag.
             inner->after_text ? ", or, if '<" : "",
             inner->after_text ? inner->name : "",
             inner->after_text ? "' is text, write its '<' as &lt;" : "");
  } else {
    snprintf(message,
             sizeof(message),
             "end tag mismatch: </%s> closes no open element: the innermost is "
             "<%s>, opened at "
             "line %lu, column %lu; remove the end tag or correct its name",
             sc->name,
             inner->name,
             inner->line,
             inner->column);
  }
  scan_error(sc, sc->tag_line, sc->tag_column, message);
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
        sc->after_text = sc->text_seen;
        enter(sc, SCAN_LT);
      } else if (!is_space(c)) {
        sc->text_seen = true;
      }
      break;
    case SCAN_LT: {
      const unsigned char u = (unsigned char)c;
      if (u >= 0xC2 && u <= 0xF4) {
        // A character past ASCII: its whole sequence decides.
        sc->name_start[0] = u;
        sc->n_name_start = 1;
        sc->name_start_len = u < 0xE0 ? 2U : u < 0xF0 ? 3U : 4U;
        sc->state = SCAN_LT_NAME;
      } else if (c == '!') {
        enter(sc, SCAN_BANG);
      } else if (c == '?') {
        enter(sc, SCAN_PI);
        sc->n_pi_target = 0;
      } else if (name_start(c) || c == '/') {
        const unsigned char first = (unsigned char)c;
        start_tag(sc, c == '/', &first, c == '/' ? 0 : 1);
      } else {
        lone_less_than(sc);
      }
      break;
    }
    case SCAN_LT_NAME: {
      const unsigned char u = (unsigned char)c;
      if ((u & 0xC0) != 0x80) {
        lone_less_than(sc); // not UTF-8 either: libxml2 would say so
        break;
      }
      sc->name_start[sc->n_name_start++] = u;
      if (sc->n_name_start < sc->name_start_len) {
        break;
      }
      unsigned long cp = sc->name_start[0] & (0x7FU >> sc->name_start_len);
      for (unsigned k = 1; k < sc->name_start_len; ++k) {
        cp = cp << 6 | (sc->name_start[k] & 0x3FU);
      }
      if (name_start_code_point(cp)) {
        start_tag(sc, false, sc->name_start, sc->name_start_len);
      } else {
        lone_less_than(sc);
      }
      break;
    }
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
      if (!sc->name_done) {
        if (ends_name(c)) {
          sc->name_done = true;
        } else {
          add_name_byte(sc, (unsigned char)c);
        }
      } else if (is_space(c)) {
        sc->in_attribute_name = false;
      } else if (!ends_name(c)) {
        if (!sc->in_attribute_name) {
          sc->in_attribute_name = true;
          sc->n_attribute = 0;
        }
        if (sc->n_attribute < SCAN_NAME - 1) {
          sc->attribute[sc->n_attribute++] = c;
          sc->attribute[sc->n_attribute] = '\0';
        }
      }
      if (c == '<') {
        char message[300];
        snprintf(message,
                 sizeof(message),
                 "the %s tag '<%s%s' is not ended by '>' before the next '<'%s",
                 sc->end_tag ? "end" : "start",
                 sc->end_tag ? "/" : "",
                 sc->name,
                 sc->after_text && !sc->end_tag
                   ? "; if this '<' is meant as text, write it as &lt;"
                   : "; end the tag with '>'");
        scan_error(sc, sc->tag_line, sc->tag_column, message);
      } else if (c == '"' || c == '\'') {
        sc->quote = c;
        sc->quote_line = sc->line;
        sc->quote_column = sc->column;
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
        // The root is 0 deep, its lists 1 and their entities 2: an entity
        // and what is inside it are read at once, as are corpus.xml's
        // <title> and <description>, 1 deep (build()).
        if (!sc->end_tag && sc->depth == 0 && sc->root_end_line) {
          second_root(sc);
        }
        if (sc->end_tag) {
          end_tag(sc);
        } else if (sc->last != '/' && sc->depth >= 0 &&
                   sc->depth < (long)(sizeof(sc->open) / sizeof(sc->open[0]))) {
          OpenTag *open = &sc->open[sc->depth];
          memcpy(open->name, sc->name, sizeof(open->name));
          open->line = sc->tag_line;
          open->column = sc->tag_column;
          open->after_text = sc->after_text;
        }
        const long level = sc->end_tag ? sc->depth - 1 : sc->depth;
        if (level <= (sc->ld->root == ROOT_CORPUS ? 1 : 2)) {
          sc->unit_nodes = 0;
        } else if (!sc->end_tag) {
          count_node(sc);
        }
        sc->depth += sc->end_tag ? -1 : sc->last == '/' ? 0 : 1;
        if (sc->depth == 0 && !sc->root_end_line) {
          // The root closed (an end tag, or a root written <x/>).
          sc->root_end_line = sc->tag_line;
          sc->root_end_column = sc->tag_column;
          if (!sc->end_tag) {
            memcpy(sc->open[0].name, sc->name, sizeof(sc->open[0].name));
            sc->open[0].line = sc->tag_line;
            sc->open[0].column = sc->tag_column;
          }
        }
        sc->text_seen = false;
        enter(sc, SCAN_TEXT);
      }
      sc->last = c;
      break;
    case SCAN_QUOTE:
      if (c == sc->quote) {
        sc->state = SCAN_TAG;
        sc->in_attribute_name = false;
      } else if (c == '<') {
        // XML has no '<' in an attribute value: the value was not closed
        // where it should have been (id="ukraine>), or its '<' is text.
        char message[300];
        snprintf(message,
                 sizeof(message),
                 "the value of %s%s%s opened with %c here is not closed "
                 "before the '<' at line %lu, column %lu; close it with "
                 "%c, or write a '<' in a value as &lt;",
                 sc->n_attribute ? "attribute " : "this attribute",
                 sc->attribute,
                 sc->n_attribute ? "=" : "",
                 sc->quote,
                 sc->line,
                 sc->column,
                 sc->quote);
        scan_error(sc, sc->quote_line, sc->quote_column, message);
      }
      break;
    case SCAN_COMMENT:
      if (sc->n_recent >= 1 && sc->recent[sc->n_recent - 1] == '-' &&
          c == '-' &&
          (sc->n_recent < 2 || sc->recent[sc->n_recent - 2] != '-')) {
        // The first two of a run of dashes ("--->" is one too many).
        sc->dash_line = sc->line;
        sc->dash_column = sc->column - 1;
      }
      if (ends_with(sc, c, "-->")) {
        count_node(sc);
        enter(sc, SCAN_TEXT);
      } else if (sc->n_recent >= 3 && sc->recent[sc->n_recent - 3] == '-' &&
                 sc->recent[sc->n_recent - 2] == '-' && c != '>') {
        // XML has no "--" inside a comment: this comment was not closed
        // before the next one began, or its words hold a double hyphen.
        char message[300];
        snprintf(message,
                 sizeof(message),
                 "the comment opened here holds '--' at line %lu, column "
                 "%lu, which XML does not allow inside a comment: close the "
                 "comment with '-->' before it, or write the dashes apart",
                 sc->dash_line,
                 sc->dash_column);
        scan_error(sc, sc->tag_line, sc->tag_column, message);
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
        count_node(sc);
        enter(sc, SCAN_TEXT);
      }
      break;
    case SCAN_CDATA:
      if (ends_with(sc, c, "]]>")) {
        sc->text_seen = true;
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
    what = "is UTF-16 or UTF-32 (it starts with that byte-order mark); "
           "save it as UTF-8";
  } else if (n >= 2 && u[0] == 0x1F && u[1] == 0x8B) {
    what = "is gzip-compressed; decompress it first";
  } else if (n >= 2 && u[0] == 0x00) {
    what = "is not UTF-8 (it starts with a NUL byte: UTF-16 or UTF-32?); "
           "save it as UTF-8";
  }
  size_t i = n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF ? 3 : 0;
  while (!what && i < n && strchr(" \t\r\n", head[i])) {
    ++i;
  }
  if (!what && (i == n || head[i] != '<')) {
    // Text, or another encoding's bytes: which one is told by whether the
    // first bytes are printable ASCII.
    bool text = i < n;
    for (size_t k = i; k < n && k < i + 64 && text; ++k) {
      text = u[k] == '\t' || u[k] == '\n' || u[k] == '\r' ||
             (u[k] >= 0x20 && u[k] < 0x7F) || u[k] >= 0x80;
    }
    what = text ? "is not XML: a dataset starts with '<' (an XML "
                  "declaration, <?xml ...?>, or its <dataset> element)"
                : "is not an XML document in UTF-8 (another encoding, or "
                  "binary)";
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

/// Whether `path` names a corpus.xml (which the command line took for a
/// dataset when it could not read it as a corpus's).
static bool
named_corpus_xml(const char *path)
{
  const char *slash = strrchr(path, '/');
  return !strcmp(slash ? slash + 1 : path, "corpus.xml");
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
        bool text = false;
        while (i < n) {
          const char b = chunk[i];
          if (b == stop || b == '<' || b == '\n' || b == '\r' || b == '\0') {
            break;
          }
          sc.column += ((unsigned char)b & 0xC0) != 0x80 ? 1U : 0U;
          text |= b != ' ' && b != '\t';
          ++i;
        }
        sc.text_seen |= text && sc.state == SCAN_TEXT;
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
    const size_t slots = sizeof(sc.open) / sizeof(sc.open[0]);
    const OpenTag *inner =
      &sc.open[(size_t)sc.depth <= slots ? (size_t)sc.depth - 1 : slots - 1];
    char message[300];
    snprintf(message,
             sizeof(message),
             "the file ends before <%s>, opened at line %lu, column %lu, is "
             "closed%s; it looks truncated",
             inner->name,
             inner->line,
             inner->column,
             sc.depth > 1 ? " (and the elements around it)" : "");
    scan_error(&sc, sc.line, sc.column, message);
    goto done;
  }
  if (sc.state != SCAN_TEXT && !ld->status) {
    // Where what is still open began, and what would have closed it.
    char message[300];
    const char *what = sc.state == SCAN_COMMENT ? "the comment"
                       : sc.state == SCAN_CDATA ? "the CDATA section"
                       : sc.state == SCAN_PI    ? "the processing instruction"
                       : sc.state == SCAN_QUOTE ? "an attribute value"
                       : sc.state == SCAN_TAG   ? "the tag"
                                                : "the markup";
    const char *close = sc.state == SCAN_COMMENT ? "-->"
                        : sc.state == SCAN_CDATA ? "]]>"
                        : sc.state == SCAN_PI    ? "?>"
                        : sc.state == SCAN_QUOTE
                          ? (sc.quote == '"' ? "\"" : "'")
                          : ">";
    const bool value = sc.state == SCAN_QUOTE;
    snprintf(message,
             sizeof(message),
             "the file ends inside %s opened here%s%s%s, never closed with "
             "'%s': close it, or the file is truncated",
             what,
             value ? " (the value of " : "",
             value ? (sc.n_attribute ? sc.attribute : "an attribute") : "",
             value ? ")" : "",
             close);
    scan_error(&sc,
               value ? sc.quote_line : sc.tag_line,
               value ? sc.quote_column : sc.tag_column,
               message);
    goto done;
  }
  if (offset == 0 && !ld->status) {
    fail_at(ld,
            ENT_ERR_SYNTAX,
            1,
            1,
            "the file is empty; %s",
            ld->root == ROOT_DATASET && !named_corpus_xml(ld->path)
              ? "a dataset is an XML document with a <dataset> element"
            : ld->root != ROOT_REGISTRY
              ? "a corpus.xml is an XML document with a <corpus> element "
                "(its ID, base and title)"
              : "a registry file is an XML document with a <registry> "
                "element");
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

typedef struct {
  Loader *ld;
  int fd;
  EntTagCursor cursor; ///< What locating the last error learnt
} SchemaReport;

static void
on_schema_error(void *handle,
                unsigned long line,
                unsigned long element,
                const char *message)
{
  SchemaReport *report = handle;
  unsigned long column = 0;
  if (element) {
    ent_locate_start_tag(report->fd, element, &report->cursor, &line, &column);
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

/// An attribute's value (owned by the loader's scratch pool: valid while
/// its element is read), or NULL.
static const char *
attr(Loader *ld, const xmlNode *node, const char *name)
{
  xmlChar *value = xmlGetNoNsProp(node, (const xmlChar *)name);
  if (!value) {
    return NULL;
  }
  const char *kept = ent_pool_copy(
    &ld->scratch, (const char *)value, strlen((const char *)value));
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

/// The text content of `node` (scratch-owned, as attr()).
static const char *
text_of(Loader *ld, const xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent(node);
  const char *kept = content ? ent_pool_copy(&ld->scratch,
                                             (const char *)content,
                                             strlen((const char *)content))
                             : NULL;
  xmlFree(content);
  return kept;
}

/// The text content of `node` as one line (scratch-owned, as attr()): runs of
/// XML white space (a name wrapped over two lines of the dataset, with its
/// indentation) are one space, with none at either end, as in xsd:token.
/// For names, aliases, titles, bylines and quotes; a description keeps
/// its line breaks.
static const char *
line_of(Loader *ld, const xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent(node);
  xmlChar *collapsed = content ? xmlSchemaCollapseString(content) : NULL;
  const char *line = (const char *)(collapsed ? collapsed : content);
  const char *kept =
    line ? ent_pool_copy(&ld->scratch, line, strlen(line)) : NULL;
  xmlFree(collapsed);
  xmlFree(content);
  return kept;
}

/// A well-formed language tag that is probably not what was meant
/// ("ua", Ukraine's country code, for Ukrainian "uk"; "russian"): a
/// warning at the element that gives it, once a file.  `lang` is kept
/// (in `kept`) as the key that says it was looked at.
static void
doubt_lang(Loader *ld, const xmlNode *node, const char *lang)
{
  if (ent_map_put(&ld->langs, lang, (void *)(uintptr_t)1)) {
    note_status(ld, ENT_ERR_NO_MEMORY);
    return;
  }
  const char *suggest = NULL;
  const char *doubt = ent_lang_tag_doubt(lang, &suggest);
  if (!doubt || !ent_is_lang_tag(lang)) {
    return; // a malformed one is the schema's to refuse
  }
  while (!xmlHasNsProp(node, (const xmlChar *)"lang", XML_XML_NAMESPACE) &&
         node->parent && node->parent->type == XML_ELEMENT_NODE) {
    node = node->parent; // to the element that gives it
  }
  load_warning(ld,
               node,
               "xml:lang=\"%s\" %s%s%s%s; a language tag starts with the "
               "language's ISO 639 code (en, ru, uk, zh-Hans)",
               lang,
               doubt,
               suggest ? " (did you mean \"" : "",
               suggest ? suggest : "",
               suggest ? "\"?)" : "");
}

/// The language in force at `node` (xml:lang, inherited), scratch-owned.
static const char *
lang_of(Loader *ld, const xmlNode *node)
{
  xmlChar *lang = xmlNodeGetLang(node);
  if (!lang || !*lang) {
    xmlFree(lang);
    return NULL;
  }
  const char *kept = ent_pool_intern(&ld->scratch, (const char *)lang);
  xmlFree(lang);
  // Most elements are in the language the one before was: a string
  // compare spares the lookups.
  if (kept && (!ld->last_lang || strcmp(kept, ld->last_lang) != 0)) {
    ld->last_lang = ent_pool_intern(&ld->kept, kept);
    if (!ld->last_lang) {
      note_status(ld, ENT_ERR_NO_MEMORY);
    } else if (!ent_map_get(&ld->langs, ld->last_lang)) {
      doubt_lang(ld, node, ld->last_lang);
    }
  }
  return kept;
}

/// The attribute of the dataset format that names the object of `prop`
/// (messages say "outlet 'reuter'", as the file does, not "publisher"), or
/// NULL where the loader makes the object itself (a post, a response).
static const char *
attribute_of(EntProperty prop)
{
  static const char *const names[ENT_PROP_COUNT_] = {
    [ENT_PROP_NATIONALITY] = "country",
    [ENT_PROP_POST_IN] = "institution",
    [ENT_PROP_HEAD_OF] = "institution",
    [ENT_PROP_SUB_ORGANIZATION_OF] = "parent",
    [ENT_PROP_COUNTRY] = "country",
    [ENT_PROP_CONTAINED_IN_PLACE] = "in",
    [ENT_PROP_LOCATION] = "place",
    [ENT_PROP_PART_OF] = "part-of",
    [ENT_PROP_PARTICIPANT] = "participants",
    [ENT_PROP_REPRESENTS] = "side",
    [ENT_PROP_TOPIC] = "topics",
    [ENT_PROP_SPEAKER] = "speaker",
    [ENT_PROP_MEDIUM] = "medium",
    [ENT_PROP_ADDRESSEE] = "to",
    [ENT_PROP_CONCERNS] = "concerns",
    [ENT_PROP_PROPOSED_BY] = "proposed-by",
    [ENT_PROP_AGREED_BY] = "agreed-by",
    [ENT_PROP_BACKED_BY] = "backed-by",
    [ENT_PROP_PARTY] = "parties",
    [ENT_PROP_RESPONSIBLE] = "responsible",
    [ENT_PROP_REPORTED_BY] = "reported-by",
    [ENT_PROP_PUBLISHER] = "outlet",
    [ENT_PROP_CITES_OUTLET] = "cites",
    [ENT_PROP_HOST] = "host",
    [ENT_PROP_MEDIATOR] = "mediators",
    [ENT_PROP_OBSERVER] = "observers",
    [ENT_PROP_ABSENT_PARTY] = "absent",
    [ENT_PROP_REFUSING_PARTY] = "refusing",
    [ENT_PROP_VENUE] = "venue",
    [ENT_PROP_OCCASION] = "occasion",
    [ENT_PROP_RELAYED_BY] = "via",
    [ENT_PROP_AFFILIATION] = "affiliation",
    [ENT_PROP_INSTRUMENT] = "instrument",
    [ENT_PROP_RESPONDENT] = "by",
    [ENT_PROP_WIRE_SERVICE] = "wire",
  };
  return (unsigned)prop < ENT_PROP_COUNT_ ? names[prop] : NULL;
}

static void
defer(Loader *ld,
      const char *subject,
      EntProperty prop,
      const char *object,
      const xmlNode *node)
{
  const int phase = ld->graph->stream_phase;
  if (phase == STREAM_INDEX || phase == STREAM_RESOLVE) {
    return; // the first streaming passes read entities only
  }
  if (phase == STREAM_WRITE) {
    // Every entity was indexed in the first pass: relate now.
    const EntCaret at = caret_of(ld, node);
    note_status(ld,
                ent_graph_relate_found(ld->graph,
                                       ENT_NO_ENTITY,
                                       subject,
                                       prop,
                                       ENT_NO_ENTITY,
                                       object,
                                       attribute_of(prop),
                                       &at));
    return;
  }
  if (ent_grow(
        &ld->pending, &ld->cap_pending, ld->n_pending, sizeof(Pending), 256)) {
    note_status(ld, ENT_ERR_NO_MEMORY);
    return;
  }
  // Ends found now cost one lookup while their IDs are in the cache;
  // relating them after the whole file was read found each end by its ID
  // again, a cache miss a lookup once the ID table outgrows the cache.
  // An end not found yet (defined further on, or nowhere) waits for the
  // end of the file as before; so do a registry's relations, which wait
  // for the whole registry (keep_pending).  Entities stay where they are
  // while a file is read whole, so an index found now is the one the end
  // of the file would find.
  const bool find_now = !ld->deferred;
  if (!ld->last_subject || strcmp(ld->last_subject, subject) != 0) {
    ld->last_subject = ent_pool_copy(&ld->pool, subject, strlen(subject));
    ld->last_subject_found =
      find_now ? ent_graph_find(ld->graph, subject) : ENT_NO_ENTITY;
  }
  const uint32_t object_found =
    find_now ? ent_graph_find(ld->graph, object) : ENT_NO_ENTITY;
  const char *object_kept = object_found == ENT_NO_ENTITY
                              ? ent_pool_copy(&ld->pool, object, strlen(object))
                              : NULL;
  if (!ld->last_subject || (object_found == ENT_NO_ENTITY && !object_kept)) {
    ld->last_subject = NULL;
    note_status(ld, ENT_ERR_NO_MEMORY);
    return;
  }
  const EntCaret at = caret_of(ld, node);
  ld->pending[ld->n_pending++] =
    (Pending){ .subject = ld->last_subject,
               .object = object_kept,
               .source = ld->source,
               .prop = prop,
               .subject_found = ld->last_subject_found,
               .object_found = object_found,
               .at = ent_caret_keep(&at) };
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

/// The name of `node`'s attribute whose value is `value`, or NULL.
static const char *
attribute_holding(const xmlNode *node, const char *value)
{
  for (const xmlAttr *a = node ? node->properties : NULL; a; a = a->next) {
    const xmlNode *text = a->children;
    if (text && text->type == XML_TEXT_NODE && !text->next && text->content &&
        !strcmp((const char *)text->content, value)) {
      return (const char *)a->name;
    }
  }
  return NULL;
}

/// A date attribute that is not a day: said with the attribute's name (the
/// model would name its property, startDate for date=), and a time zone,
/// which xsd:date and so the schema allow, as what it is.
static bool
refuse_date(Loader *ld, const char *value, const xmlNode *node)
{
  const char *name = attribute_holding(node, value);
  if (!name) {
    return false; // the model says it
  }
  const size_t len = strlen(value);
  char day[11];
  snprintf(day, sizeof(day), "%s", value);
  const bool zone =
    len > 10 && ent_parse_date(day, NULL, NULL, NULL) &&
    (!strcmp(value + 10, "Z") ||
     (len == 16 && strchr("+-", value[10]) &&
      isdigit((unsigned char)value[11]) && isdigit((unsigned char)value[12]) &&
      value[13] == ':' && isdigit((unsigned char)value[14]) &&
      isdigit((unsigned char)value[15])));
  if (zone) {
    load_error(ld,
               ENT_ERR_BAD_DATE,
               node,
               "%s='%s' has a time zone; a day is written without one: "
               "%s='%s'",
               name,
               value,
               name,
               day);
  } else {
    load_error(ld,
               ENT_ERR_BAD_DATE,
               node,
               "%s='%s' is not a real date; write YYYY-MM-DD, e.g. "
               "2025-03-24",
               name,
               value);
  }
  return true;
}

static void
add_value(Loader *ld,
          const char *id,
          EntProperty prop,
          const char *value,
          const char *lang,
          const xmlNode *node)
{
  if (value && ent_prop_info(prop)->datatype == DT_DATE &&
      !ent_parse_date(value, NULL, NULL, NULL) &&
      refuse_date(ld, value, node)) {
    return;
  }
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
/// Registry entries belong to no source: their facts are the corpus's.
static bool
enter_source(Loader *ld, const xmlNode *node, const char *inherited)
{
  const char *own = attr(ld, node, "source");
  if (ld->root != ROOT_DATASET) {
    if (own) {
      load_error(ld,
                 ENT_ERR_SCHEMA,
                 node,
                 "a registry entry comes from no source; what a source says "
                 "about it goes in that source's article (with ref=)");
      return false;
    }
    return true;
  }
  // Pending relations keep it past the element (scratch): one copy a
  // source, however many elements name it.
  ld->source = own         ? ent_pool_intern(&ld->pool, own)
               : inherited ? inherited
                           : ld->default_source;
  if (own && !ld->source) {
    note_status(ld, ENT_ERR_NO_MEMORY);
    return false;
  }
  if (!ld->source) {
    return true; // the first <source> itself, before any source exists
  }
  if (ld->failed.count && ent_map_get(&ld->failed, ld->source)) {
    // The source's own definition was refused, and said: the element is
    // read on for its own faults (a duplicate ID...) with no source,
    // not refused once more for the source's.
    ent_graph_use_no_source(ld->graph);
    return true;
  }
  const EntCaret at = caret_of(ld, node);
  const EntStatus st = ent_graph_use_source(ld->graph, ld->source, &at);
  note_status(ld, st);
  return st == ENT_SUCCESS;
}

static void
mark_failed(Loader *ld, const char *id)
{
  // Its error is reported; references to it would only repeat it.
  const char *key = ent_pool_intern(&ld->pool, id);
  if (key) {
    ent_map_put(&ld->failed, key, (void *)(uintptr_t)1);
  }
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
    mark_failed(ld, id);
  }
  return st == ENT_SUCCESS;
}

/// The entity an element is about: the one it defines (id="X", named by
/// its <name> or <title> child `name_tag`) or, in an article of a corpus,
/// the registry entity it refers to (ref="X"), whose claims it adds.
/// NULL when that fails (reported).
static const char *
entity_of(Loader *ld,
          EntClass cls,
          const xmlNode *node,
          const char *name_tag,
          const char *fallback_name)
{
  const xmlNode *name_node = name_tag ? child(node, name_tag) : NULL;
  const char *ref = attr(ld, node, "ref");
  if (ref) {
    if (ld->root != ROOT_DATASET) {
      load_error(ld,
                 ENT_ERR_SCHEMA,
                 node,
                 "the registry declares entities with id=\"%s\"; ref= is "
                 "for an article's claims about them",
                 ref);
      return NULL;
    }
    if (name_node) {
      load_error(ld,
                 ENT_ERR_SCHEMA,
                 name_node,
                 "<%s> of ref=\"%s\": the registry gives its canonical "
                 "%s; give this source's spelling as an <alias> (or what it "
                 "says of it as a <description>)",
                 name_tag,
                 ref,
                 name_tag);
      mark_failed(ld, ref);
      return NULL;
    }
    const EntCaret at = caret_of(ld, node);
    const EntStatus st = ent_graph_refer(ld->graph, cls, ref, &at);
    note_status(ld, st);
    return st ? NULL : ref;
  }
  const char *id = attr(ld, node, "id");
  if (!id) {
    return NULL; // the schema requires one of them
  }
  const char *name = name_node ? line_of(ld, name_node) : fallback_name;
  if (!name && name_tag) {
    load_error(ld,
               ENT_ERR_EMPTY_NAME,
               node,
               "<%s> '%s' has no <%s>; a definition needs one",
               (const char *)node->name, // the element, as the user wrote it
               id,
               name_tag);
    mark_failed(ld, id);
    return NULL;
  }
  return add_entity(ld, cls, id, name_node ? name_node : node, name, node)
           ? id
           : NULL;
}

static void
add_texts(Loader *ld,
          const char *id,
          const xmlNode *node,
          const char *name,
          EntProperty prop,
          bool with_lang)
{
  // Descriptions and conditions keep their line breaks; an IRI is
  // refused with any white space.
  const bool one_line = prop == ENT_PROP_ALIAS || prop == ENT_PROP_BYLINE;
  for (const xmlNode *c = node->children; c; c = c->next) {
    if (is_element(c, name)) {
      add_value(ld,
                id,
                prop,
                one_line ? line_of(ld, c) : text_of(ld, c),
                with_lang ? lang_of(ld, c) : NULL,
                c);
    }
  }
}

/// `a` and `b` in normalization form C are the same text.
static bool
same_text(const char *a, const char *b)
{
  if (!strcmp(a, b)) {
    return true;
  }
  char *na = NULL;
  char *nb = NULL;
  // NULL: the text is in NFC already.
  const bool same = !ent_nfc(a, strlen(a), &na) &&
                    !ent_nfc(b, strlen(b), &nb) &&
                    !strcmp(na ? na : a, nb ? nb : b);
  free(na);
  free(nb);
  return same;
}

/// The <alias> children of `node`, but one that is the element's own
/// <name> in its language: written, it would be a skos:altLabel equal to
/// the name (a topic's skos:prefLabel, which SKOS keeps apart from its
/// alternative labels).  A warning says so; the alias is left out.
static void
add_aliases(Loader *ld, const char *id, const xmlNode *node)
{
  // The name is read again only for an element with an alias (most have
  // none: no extra work a named entity).
  bool looked = false;
  const char *name = NULL;
  const char *name_lang = NULL;
  bool registry_name = false;
  for (const xmlNode *c = node->children; c; c = c->next) {
    if (!is_element(c, "alias")) {
      continue;
    }
    if (!looked) {
      looked = true;
      const xmlNode *name_node = child(node, "name");
      name = name_node ? line_of(ld, name_node) : NULL;
      name_lang = name_node ? lang_of(ld, name_node) : NULL;
      if (!name_node && attr(ld, node, "ref")) {
        // An article's alias of a registry entity: its name is the
        // registry's (an altLabel equal to the prefLabel of the union).
        name = ent_graph_name(ld->graph, id);
        name_lang = ent_graph_name_lang(ld->graph, id);
        registry_name = name != NULL;
      }
    }
    const char *alias = line_of(ld, c);
    const char *lang = lang_of(ld, c);
    const bool same_lang =
      lang && name_lang ? !strcasecmp(lang, name_lang) : lang == name_lang;
    if (name && alias && same_lang && same_text(alias, name)) {
      load_warning(ld,
                   c,
                   "<alias> '%s' of '%s' is its %s; left out (an alias "
                   "is another spelling): remove it",
                   alias,
                   id,
                   registry_name ? "name in the corpus registry" : "<name>");
      continue;
    }
    add_value(ld, id, ENT_PROP_ALIAS, alias, lang, c);
  }
}

/// An entity described by <name>, <alias>, <description>, <same-as>.
static const char *
named_entity(Loader *ld, EntClass cls, const xmlNode *node)
{
  const char *id = entity_of(ld, cls, node, "name", NULL);
  if (!id) {
    return NULL;
  }
  add_aliases(ld, id, node);
  add_texts(ld, id, node, "description", ENT_PROP_DESCRIPTION, true);
  add_texts(ld, id, node, "same-as", ENT_PROP_SAME_AS, false);
  return id;
}

/// An entity described by <title> and <description>.
static const char *
titled_entity(Loader *ld, EntClass cls, const xmlNode *node)
{
  const char *id = entity_of(ld, cls, node, "title", NULL);
  if (!id) {
    return NULL;
  }
  add_texts(ld, id, node, "description", ENT_PROP_DESCRIPTION, true);
  return id;
}

static const char *const weekdays[] = { "monday",   "tuesday", "wednesday",
                                        "thursday", "friday",  "saturday",
                                        "sunday" };

/// "Sunday" from "sunday".
static void
capitalised(int weekday, char out[16])
{
  snprintf(out, 16, "%s", weekdays[weekday]);
  out[0] = (char)(out[0] - 'a' + 'A');
}

/// The weekdays `phrase` names, each once, in the order it names them.
static int
named_weekdays(const char *phrase, int named[7])
{
  int n_named = 0;
  for (const char *p = phrase; *p; ++p) {
    // Every weekday starts with one of these: most bytes are no start.
    const char c = (char)(*p | 0x20);
    if (c != 'm' && c != 't' && c != 'w' && c != 'f' && c != 's') {
      continue;
    }
    for (int w = 0; w < 7; ++w) {
      if (!strncasecmp(p, weekdays[w], strlen(weekdays[w]))) {
        bool again = false;
        for (int k = 0; k < n_named; ++k) {
          again |= named[k] == w;
        }
        if (!again) {
          named[n_named++] = w; // seven at most: each once
        }
      }
    }
  }
  return n_named;
}

/// "a Sunday", "a Sunday or a Monday", "a Sunday, a Monday or a Friday".
static void
say_weekdays(const int named[7], int n_named, char out[96])
{
  out[0] = '\0';
  for (int k = 0; k < n_named; ++k) {
    char day[16];
    capitalised(named[k], day);
    const size_t used = strlen(out);
    snprintf(out + used,
             96 - used,
             "%s%s",
             k == 0             ? "a "
             : k + 1 == n_named ? " or a "
                                : ", a ",
             day);
  }
}

/// A date-phrase naming a weekday (`named[0..n_named)`, in the order it
/// names them) must agree with the date it explains; without a day to
/// explain, it is warned about.  A phrase may name more than one ("on
/// Sunday, ahead of Monday's round", "the Sunday after Friday's call"):
/// the date must be one of them.
static void
check_weekday(Loader *ld,
              const char *date,
              const char *phrase,
              const int named[7],
              int n_named,
              const xmlNode *node)
{
  int y = 0;
  int m = 0;
  int d = 0;
  if (!n_named || (date && !ent_parse_date(date, &y, &m, &d))) {
    return;
  }
  char first[16];
  capitalised(named[0], first);
  if (!date) {
    load_warning(ld,
                 node,
                 "date-phrase '%s' names a %s, but no day is given: give "
                 "date=\"YYYY-MM-DD\" (the %s it means), or not-before= and "
                 "not-after=, so that it is dated",
                 phrase,
                 first,
                 first);
    return;
  }
  const int actual = ent_weekday(y, m, d);
  for (int k = 0; k < n_named; ++k) {
    if (named[k] == actual) {
      return;
    }
  }
  char said[96];
  say_weekdays(named, n_named, said);
  char is[16];
  capitalised(actual, is);
  load_error(ld,
             ENT_ERR_BAD_DATE,
             node,
             "date-phrase '%s' names %s, but %s is a %s; fix the date or "
             "the phrase",
             phrase,
             said,
             date,
             is);
}

/// A window (not-before= and not-after=) shorter than a week must hold a
/// day of a weekday its date-phrase names: "on Friday" in a window of
/// Monday to Wednesday is a slip of the window or of the phrase.
static void
check_window_weekday(Loader *ld,
                     const char *from,
                     const char *to,
                     const char *phrase,
                     const int named[7],
                     int n_named,
                     const xmlNode *node)
{
  int y0 = 0;
  int m0 = 0;
  int d0 = 0;
  int y1 = 0;
  int m1 = 0;
  int d1 = 0;
  if (!n_named || !from || !to || !ent_parse_date(from, &y0, &m0, &d0) ||
      !ent_parse_date(to, &y1, &m1, &d1)) {
    return;
  }
  const long days = ent_day_number(y1, m1, d1) - ent_day_number(y0, m0, d0) + 1;
  if (days < 1 || days >= 7) {
    return; // backwards (said by check_order()), or every weekday is in it
  }
  const int first = ent_weekday(y0, m0, d0);
  for (long k = 0; k < days; ++k) {
    for (int w = 0; w < n_named; ++w) {
      if (named[w] == (int)((first + k) % 7)) {
        return;
      }
    }
  }
  char said[96];
  say_weekdays(named, n_named, said);
  load_error(ld,
             ENT_ERR_BAD_DATE,
             node,
             "date-phrase '%s' names %s, but the window from %s to %s has "
             "none; fix the window or the phrase",
             phrase,
             said,
             from,
             to);
}

/// Whether `a` and `b` are both days and `a` comes after `b`: written
/// YYYY-MM-DD, days order as their text does.
static bool
later_day(const char *a, const char *b)
{
  return a && b && ent_parse_date(a, NULL, NULL, NULL) &&
         ent_parse_date(b, NULL, NULL, NULL) && strcmp(a, b) > 0;
}

/// Report the date of attribute `to_name` (`to`) if it is before that of
/// `from_name` (`from`), and say whether it was; either absent or not a
/// date: nothing to compare.
static bool
check_order(Loader *ld,
            const xmlNode *node,
            const char *from_name,
            const char *from,
            const char *to_name,
            const char *to)
{
  if (later_day(from, to)) {
    load_error(ld,
               ENT_ERR_BAD_DATE,
               node,
               "%s date %s is before %s date %s",
               to_name,
               to,
               from_name,
               from);
    return true;
  }
  return false;
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
  bool windowed = false; // not-before= or not-after=: dated, if not to a day
  add_value(ld, id, single, date, NULL, node);
  // The source's words, in the dataset's language: the one in force
  // around the element (a quote's own xml:lang is its words').
  add_value(ld,
            id,
            ENT_PROP_DATE_PHRASE,
            phrase,
            phrase && node->parent ? lang_of(ld, node->parent) : NULL,
            node);
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
    (void)check_order(ld, node, ranges[i].from, from, ranges[i].to, to);
    if (i == 0 && !date) {
      date = from; // a weekday names the first day of a span
    }
    windowed |= i == 1 && (from || to);
  }
  int named[7]; // the weekdays the phrase names, in its order
  const int n_named = phrase ? named_weekdays(phrase, named) : 0;
  if (date || !windowed) {
    check_weekday(ld, date, phrase, named, n_named, node);
  }
  // A span a phrase names two weekdays of ("from Monday to Wednesday")
  // ends on one of them too.
  const char *start = attr(ld, node, "start");
  const char *end = attr(ld, node, "end");
  if (start && end && n_named >= 2 && !later_day(start, end)) {
    check_weekday(ld, end, phrase, named, n_named, node);
  }
  if (!date && windowed) {
    check_window_weekday(ld,
                         attr(ld, node, "not-before"),
                         attr(ld, node, "not-after"),
                         phrase,
                         named,
                         n_named,
                         node);
  }
}

// ---- One handler per entity element --------------------------------------

static void
read_source(Loader *ld, const xmlNode *node)
{
  const char *id = entity_of(ld, ENT_CLASS_SOURCE, node, "title", NULL);
  if (!id) {
    return;
  }
  // What a <source> says of itself (its title, its day, its outlet) is
  // its own, in its graph: the dataset's first source is the default of
  // the elements that follow, not of the other sources.
  const char *own = ent_pool_intern(&ld->pool, id);
  if (!own) {
    note_status(ld, ENT_ERR_NO_MEMORY);
    return;
  }
  ld->source = own;
  const EntCaret own_at = caret_of(ld, node);
  const EntStatus used = ent_graph_use_source(ld->graph, own, &own_at);
  note_status(ld, used);
  if (used) {
    return;
  }
  add_texts(ld, id, node, "description", ENT_PROP_DESCRIPTION, true);
  const xmlNode *title = child(node, "title");
  add_value(
    ld, id, ENT_PROP_TITLE, line_of(ld, title), lang_of(ld, title), title);
  add_texts(ld, id, node, "byline", ENT_PROP_BYLINE, false);
  value_attr(ld, id, ENT_PROP_URL, node, "url");
  value_attr(ld, id, ENT_PROP_PUBLISHED, node, "published");
  value_attr(ld, id, ENT_PROP_NOT_BEFORE, node, "not-before");
  value_attr(ld, id, ENT_PROP_NOT_AFTER, node, "not-after");
  // A window that ends before it starts, or a day outside its window.
  const char *published = attr(ld, node, "published");
  const char *not_before = attr(ld, node, "not-before");
  const char *not_after = attr(ld, node, "not-after");
  // One fault, one error: a day outside a window that is itself wrong is
  // not said again.
  const bool out_of_order =
    check_order(ld, node, "not-before", not_before, "not-after", not_after) ||
    check_order(ld, node, "not-before", not_before, "published", published) ||
    check_order(ld, node, "published", published, "not-after", not_after);
  // A story updated after it was published (a live blog) gives the day
  // of its last update as not-after=: the later of the two counts.  Days
  // out of order give none: what is dated after them would be said wrong
  // once more.
  const char *last_day = out_of_order                      ? NULL
                         : later_day(not_after, published) ? not_after
                         : published                       ? published
                                                           : not_after;
  if (last_day && !ent_map_get(&ld->published, id)) {
    const char *key = ent_pool_intern(&ld->kept, id);
    const char *value = ent_pool_intern(&ld->kept, last_day);
    note_status(ld,
                key && value
                  ? ent_map_put(&ld->published, key, (void *)(uintptr_t)value)
                  : ENT_ERR_NO_MEMORY);
  }
  defer_attr(ld, id, ENT_PROP_PUBLISHER, node, "outlet");
  defer_attr(ld, id, ENT_PROP_WIRE_SERVICE, node, "wire");
  defer_list(ld, id, ENT_PROP_CITES_OUTLET, node, "cites");
  const char *text = attr(ld, node, "text");
  if (!text) {
    return;
  }
  const EntCaret at = caret_of(ld, node);
  char *path = NULL;
  EntStatus st = ent_graph_resolve_text(ld->graph, text, ld->dir, &at, &path);
  note_status(ld, st);
  if (!st && path) {
    note_status(ld, ent_graph_dataset_source_text(ld->graph, id, path));
  } else if (!st) {
    note_status(ld, ent_graph_text_not_found(ld->graph, id, text));
  }
  free(path);
}

/// The official's posts, each with its title as its source spells it.
static void
read_posts(Loader *ld, const char *id, const xmlNode *node)
{
  const char *official_source = ld->source;
  for (const xmlNode *c = node->children; c; c = c->next) {
    if (!is_element(c, "post") || !enter_source(ld, c, official_source)) {
      continue;
    }
    const char *institution = attr(ld, c, "institution");
    const char *post = NULL;
    const EntCaret at = caret_of(ld, c);
    const char *title = attr(ld, c, "title");
    const EntStatus st = ent_graph_make_post(ld->graph,
                                             id,
                                             institution,
                                             attr(ld, c, "role"),
                                             title ? title : "",
                                             lang_of(ld, c),
                                             &at,
                                             &post);
    note_status(ld, st);
    if (st) {
      continue;
    }
    // The post's ID lives in the graph, which may move it while the
    // element is read; the loader's copy lasts the element.
    post = ent_pool_intern(&ld->scratch, post);
    defer(ld, id, ENT_PROP_HOLDS_POST, post, c);
    if (institution) {
      defer(ld, post, ENT_PROP_POST_IN, institution, c);
      const char *head = attr(ld, c, "head");
      if (head && (!strcmp(head, "true") || !strcmp(head, "1"))) {
        // A head is a member (ent:headOf is a sub-property of
        // ent:memberOf), said as a delegation's leader's is: a query for
        // a body's members finds its head without inference.
        defer(ld, id, ENT_PROP_HEAD_OF, institution, c);
        defer(ld, id, ENT_PROP_MEMBER_OF, institution, c);
      }
    }
    concept(ld, post, ENT_PROP_ROLE, c, "role");
    add_value(ld, post, ENT_PROP_NAME, title, lang_of(ld, c), c);
    value_attr(ld, post, ENT_PROP_START_DATE, c, "start");
    value_attr(ld, post, ENT_PROP_END_DATE, c, "end");
    (void)check_order(
      ld, c, "start", attr(ld, c, "start"), "end", attr(ld, c, "end"));
  }
}

static void
read_official(Loader *ld, const xmlNode *node)
{
  const char *id = named_entity(ld, ENT_CLASS_OFFICIAL, node);
  if (!id) {
    return;
  }
  defer_attr(ld, id, ENT_PROP_NATIONALITY, node, "country");
  read_posts(ld, id, node);
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

/// Who announced it (reported-by) and through whom it reached the source
/// (via).
static void
reporting(Loader *ld, const char *id, const xmlNode *node)
{
  defer_list(ld, id, ENT_PROP_REPORTED_BY, node, "reported-by");
  defer_list(ld, id, ENT_PROP_RELAYED_BY, node, "via");
}

static void
read_delegation(Loader *ld,
                const char *negotiation,
                const char *title,
                const xmlNode *node)
{
  const char *side = attr(ld, node, "side");
  const char *id = NULL;
  if (attr(ld, node, "ref")) {
    id = entity_of(ld, ENT_CLASS_DELEGATION, node, "name", NULL);
  } else {
    if (!side) {
      load_error(ld,
                 ENT_ERR_SCHEMA,
                 node,
                 "delegation '%s' has no side; say which actor it represents "
                 "with side=",
                 attr(ld, node, "id"));
      return;
    }
    const xmlNode *name_node = child(node, "name");
    EntBuf made = { NULL, 0, 0 };
    if (!name_node) {
      const char *side_name = ent_graph_name(ld->graph, side);
      if (ent_buf_appendf(&made,
                          "%s delegation at %s",
                          side_name ? side_name : side,
                          title ? title : negotiation)) {
        note_status(ld, ENT_ERR_NO_MEMORY);
        return;
      }
    }
    // A made-up name is in the language of the negotiation it is made from.
    id = entity_of(ld, ENT_CLASS_DELEGATION, node, "name", made.buf);
    ent_buf_free(&made);
  }
  if (!id) {
    return;
  }
  defer(ld, negotiation, ENT_PROP_DELEGATION, id, node);
  if (side) {
    defer(ld, id, ENT_PROP_REPRESENTS, side, node);
  }
  reporting(ld, id, node);
  add_texts(ld, id, node, "description", ENT_PROP_DESCRIPTION, true);
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

/// The first day an element's when can be: date=, start= or not-before=.
static const char *
first_day(Loader *ld, const xmlNode *node)
{
  const char *day = attr(ld, node, "date");
  day = day ? day : attr(ld, node, "start");
  return day ? day : attr(ld, node, "not-before");
}

/// The last day the source in force can have been published (its
/// published= or a later not-after=), or NULL.
static const char *
published_day(Loader *ld)
{
  return ld->source ? ent_map_get(&ld->published, ld->source) : NULL;
}

/// A negotiation its source says was held (ongoing, concluded) or an event
/// it says happened, dated after the source was published: a source
/// reports as done only what was done before it (a month typed wrong).
static void
check_done_before_source(Loader *ld,
                         const xmlNode *node,
                         const char *what,
                         const char *id)
{
  static const char *const done[] = {
    "held", "ongoing", "concluded", "happened"
  };
  const char *status = attr(ld, node, "status");
  bool is_done = false;
  for (size_t i = 0; status && i < sizeof(done) / sizeof(done[0]); ++i) {
    is_done |= !strcmp(status, done[i]);
  }
  const char *day = first_day(ld, node);
  const char *published = published_day(ld);
  if (is_done && later_day(day, published)) {
    load_error(ld,
               ENT_ERR_BAD_DATE,
               node,
               "%s '%s' has status=\"%s\" and is dated %s, after source "
               "'%s' was published "
               "(%s): a source reports as done only what was done before "
               "it; fix the date or the status (planned, expected), or the "
               "source's published=",
               what,
               id,
               status,
               day,
               ld->source,
               published);
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
  check_done_before_source(ld, node, "negotiation", id);
  defer_attr(ld, id, ENT_PROP_LOCATION, node, "place");
  defer_attr(ld, id, ENT_PROP_VENUE, node, "venue");
  value_attr(ld, id, ENT_PROP_DURATION, node, "duration");
  concept(ld, id, ENT_PROP_FORMAT, node, "format");
  concept(ld, id, ENT_PROP_NEGOTIATION_STATUS, node, "status");
  concept(ld, id, ENT_PROP_PRESS_ACCESS, node, "press");
  defer_list(ld, id, ENT_PROP_TOPIC, node, "topics");
  defer_attr(ld, id, ENT_PROP_PART_OF, node, "part-of");
  defer_list(ld, id, ENT_PROP_PARTICIPANT, node, "participants");
  defer_list(ld, id, ENT_PROP_HOST, node, "host");
  defer_list(ld, id, ENT_PROP_MEDIATOR, node, "mediators");
  defer_list(ld, id, ENT_PROP_OBSERVER, node, "observers");
  defer_list(ld, id, ENT_PROP_ABSENT_PARTY, node, "absent");
  defer_list(ld, id, ENT_PROP_REFUSING_PARTY, node, "refusing");
  reporting(ld, id, node);
  const xmlNode *title = child(node, "title");
  const char *title_text =
    title ? line_of(ld, title) : ent_graph_name(ld->graph, id);
  const char *negotiation_source = ld->source;
  for (const xmlNode *c = node->children; c; c = c->next) {
    if (is_element(c, "delegation") &&
        enter_source(ld, c, negotiation_source)) {
      read_delegation(ld, id, title_text, c);
    }
  }
}

/// A statement's label: its words, shortened to 80 characters at a word
/// boundary where there is one in the second half.
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
  // Counted in characters, not bytes: a Cyrillic or Chinese quote keeps
  // as many as a Latin one.
  size_t half = 0; // byte where character MAX_NAME / 2 starts
  size_t most = 0; // byte where character MAX_NAME + 1 starts, if any
  size_t chars = 0;
  for (size_t i = 0; text[i] && !most; ++i) {
    if (((unsigned char)text[i] & 0xC0) != 0x80) {
      half = chars == MAX_NAME / 2 ? i : half;
      most = chars == MAX_NAME ? i : 0;
      ++chars;
    }
  }
  if (!most) {
    return text;
  }
  size_t cut = most;
  while (cut > half && text[cut] != ' ') {
    --cut;
  }
  if (cut == half) {
    cut = most; // no space to cut at (Chinese, Japanese): whole characters
  }
  EntBuf b = { NULL, 0, 0 };
  if (ent_buf_append(&b, text, cut) || ent_buf_append(&b, "\xE2\x80\xA6", 3)) {
    ent_buf_free(&b);
    return NULL;
  }
  const char *name = ent_pool_copy(&ld->scratch, b.buf, b.len);
  ent_buf_free(&b);
  return name;
}

static void
read_statement(Loader *ld, const xmlNode *node, EntClass cls)
{
  const char *id = attr(ld, node, "id");
  const char *text = line_of(ld, node);
  if (!id) {
    load_error(ld,
               ENT_ERR_SCHEMA,
               node,
               "a statement is what one source reports: define it with id=, "
               "never ref=");
    return;
  }
  if (!add_entity(ld, cls, id, node, statement_name(ld, text), node)) {
    return;
  }
  add_value(ld, id, ENT_PROP_TEXT, text, lang_of(ld, node), node);
  defer_attr(ld, id, ENT_PROP_SPEAKER, node, "speaker");
  defer_attr(ld, id, ENT_PROP_MEDIUM, node, "medium");
  defer_list(ld, id, ENT_PROP_ADDRESSEE, node, "to");
  defer_list(ld, id, ENT_PROP_CONCERNS, node, "concerns");
  defer_attr(ld, id, ENT_PROP_OCCASION, node, "occasion");
  defer_list(ld, id, ENT_PROP_RELAYED_BY, node, "via");
  concept(ld, id, ENT_PROP_SETTING, node, "setting");
  const char *fragment = attr(ld, node, "fragment");
  if (fragment) {
    if (cls != ENT_CLASS_QUOTATION) {
      load_error(ld,
                 ENT_ERR_SCHEMA,
                 node,
                 "fragment= is for quotes; a paraphrase is the source's own "
                 "words");
    } else {
      // xsd:boolean's other spellings, written in the canonical form.
      add_value(ld,
                id,
                ENT_PROP_FRAGMENT,
                !strcmp(fragment, "1") || !strcmp(fragment, "true") ? "true"
                                                                    : "false",
                NULL,
                node);
    }
  }
  when(ld, id, node, ENT_PROP_DATE_CREATED);
  // Said before its source reported it: the first day it can have been
  // said against the last its source can have been published.
  const char *said = first_day(ld, node);
  const char *published = published_day(ld);
  if (later_day(said, published)) {
    load_error(ld,
               ENT_ERR_BAD_DATE,
               node,
               "%s '%s' is dated %s, after source '%s' was published (%s): "
               "a source reports what was said before it; fix the date (or "
               "the source's published=, or give it not-after= with the day "
               "it was last updated)",
               cls == ENT_CLASS_QUOTATION ? "quote" : "paraphrase",
               id,
               said,
               ld->source,
               published);
  }
}

/// Responses to an agreement, as its source reports them.
static void
read_responses(Loader *ld, const char *agreement, const xmlNode *node)
{
  const char *agreement_source = ld->source;
  for (const xmlNode *c = node->children; c; c = c->next) {
    if (!is_element(c, "response") || !enter_source(ld, c, agreement_source)) {
      continue;
    }
    const char *by = attr(ld, c, "by");
    const char *response = NULL;
    const EntCaret at = caret_of(ld, c);
    const EntStatus st = ent_graph_make_response(
      ld->graph, agreement, by, attr(ld, c, "kind"), &at, &response);
    note_status(ld, st);
    if (st) {
      continue;
    }
    response = ent_pool_intern(&ld->scratch, response);
    defer(ld, agreement, ENT_PROP_RESPONSE, response, c);
    defer(ld, response, ENT_PROP_RESPONDENT, by, c);
    defer(ld, response, ENT_PROP_RESPONSE_TO, agreement, c);
    concept(ld, response, ENT_PROP_RESPONSE_KIND, c, "kind");
    // Its label says what was done; who did it is its respondent.
    add_value(ld, response, ENT_PROP_NAME, attr(ld, c, "kind"), "en", c);
    when(ld, response, c, ENT_PROP_DATE_CREATED);
  }
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
  defer_list(ld, id, ENT_PROP_MEDIATOR, node, "mediators");
  defer_attr(ld, id, ENT_PROP_INSTRUMENT, node, "instrument");
  value_attr(ld, id, ENT_PROP_DURATION, node, "duration");
  value_attr(ld, id, ENT_PROP_TARGET_DATE, node, "target-date");
  defer_list(ld, id, ENT_PROP_TOPIC, node, "topics");
  defer_list(ld, id, ENT_PROP_CONCERNS, node, "concerns");
  reporting(ld, id, node);
  add_texts(ld, id, node, "condition", ENT_PROP_CONDITION, true);
  when(ld, id, node, ENT_PROP_DATE_CREATED); // the day it was reached
  read_responses(ld, id, node);
}

static void
read_event(Loader *ld, const xmlNode *node)
{
  const char *id = titled_entity(ld, ENT_CLASS_INCIDENT, node);
  if (!id) {
    return;
  }
  concept(ld, id, ENT_PROP_INCIDENT_TYPE, node, "type");
  concept(ld, id, ENT_PROP_INCIDENT_STATUS, node, "status");
  defer_list(ld, id, ENT_PROP_LOCATION, node, "place");
  defer_attr(ld, id, ENT_PROP_VENUE, node, "venue");
  defer_list(ld, id, ENT_PROP_RESPONSIBLE, node, "responsible");
  value_attr(ld, id, ENT_PROP_DEATHS, node, "killed");
  value_attr(ld, id, ENT_PROP_DEATHS_AT_LEAST, node, "killed-at-least");
  // An exact count below the lower bound the same element gives.
  const char *killed = attr(ld, node, "killed");
  const char *at_least = attr(ld, node, "killed-at-least");
  if (killed && at_least && ent_is_count(killed) && ent_is_count(at_least) &&
      strtoull(killed, NULL, 10) < strtoull(at_least, NULL, 10)) {
    load_error(ld,
               ENT_ERR_BAD_VALUE,
               node,
               "killed=\"%s\" is fewer than killed-at-least=\"%s\"; give the "
               "count the source gives, or the bound it gives",
               killed,
               at_least);
  }
  defer_list(ld, id, ENT_PROP_TOPIC, node, "topics");
  defer_list(ld, id, ENT_PROP_CONCERNS, node, "concerns");
  reporting(ld, id, node);
  when(ld, id, node, ENT_PROP_START_DATE);
  check_done_before_source(ld, node, "event", id);
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
  } else if (!strcmp(name, "anonymous")) {
    id = named_entity(ld, ENT_CLASS_ANONYMOUS_SOURCE, node);
    if (id) {
      defer_list(ld, id, ENT_PROP_AFFILIATION, node, "affiliation");
    }
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

/// The root element is not what the file must be: say what it is instead.
static void
wrong_root(Loader *ld, const xmlNode *root)
{
  const char *name = (const char *)root->name;
  if (ld->root == ROOT_DATASET && is_element(root, "corpus")) {
    load_error(ld,
               ENT_ERR_SCHEMA,
               root,
               "this is the corpus.xml of a corpus, not a dataset; give the "
               "corpus directory (it stands for all its articles) or its "
               "articles");
  } else if (ld->root == ROOT_DATASET && is_element(root, "registry")) {
    load_error(ld,
               ENT_ERR_SCHEMA,
               root,
               "this is a registry file of a corpus, not a dataset; the "
               "registry is read with every article of its corpus: give the "
               "corpus directory or an article");
  } else {
    load_error(ld,
               ENT_ERR_SCHEMA,
               root,
               "the root element is <%s>; %s",
               name,
               ld->root == ROOT_DATASET ? "a dataset's is <dataset>"
               : ld->root == ROOT_CORPUS
                 ? "a corpus.xml's is <corpus>"
                 : "a registry file's (in a corpus's registry/) is "
                   "<registry>");
  }
}

/// The root element's attributes: the base of IRIs (a corpus's applies to
/// all its files), the corpus's ID and licence.
static void
read_root(Loader *ld, const xmlNode *root)
{
  EntGraph *g = ld->graph;
  ld->root_at = caret_of(ld, root);
  const char *base = attr(ld, root, "base");
  if (ld->root == ROOT_CORPUS) {
    const char *id = attr(ld, root, "id");
    const char *license = attr(ld, root, "license");
    ld->corpus_id = id ? ent_pool_intern(&ld->kept, id) : NULL;
    ld->corpus_license = license ? ent_pool_intern(&ld->kept, license) : NULL;
    const char *lang = lang_of(ld, root);
    ld->corpus_lang = lang ? ent_pool_intern(&ld->kept, lang) : NULL;
  }
  if (ld->root == ROOT_REGISTRY) {
    return; // the corpus.xml's base applies
  }
  if (ld->root == ROOT_DATASET && g->corpus != ENT_NO_ENTITY) {
    // Every IRI of a corpus is minted under its base, so that an entity
    // keeps its IRI when its definition moves into the registry.
    if (base && !g->base_fixed && strcmp(base, g->base) != 0) {
      load_error(ld,
                 ENT_ERR_BAD_VALUE,
                 root,
                 "base '%s' is not the corpus's base '%s'; leave base= out of "
                 "the articles of a corpus (corpus.xml gives it)",
                 base,
                 g->base);
    }
    return;
  }
  char why[200];
  if (base && !g->base_fixed && ent_base_problem(base, why, sizeof(why))) {
    load_error(ld, ENT_ERR_BAD_VALUE, root, "base '%s' %s", base, why);
  } else {
    note_status(ld, ent_graph_use_base(g, base));
  }
}

/// corpus.xml's <title> (which makes the corpus) and <description>.
static void
read_corpus_child(Loader *ld, const xmlNode *node)
{
  EntGraph *g = ld->graph;
  if (is_element(node, "title") && ld->corpus_id &&
      g->corpus == ENT_NO_ENTITY) {
    const EntCaret at = caret_of(ld, node->parent ? node->parent : node);
    const char *lang = lang_of(ld, node);
    const EntStatus st =
      ent_graph_begin_corpus(g, ld->corpus_id, line_of(ld, node), lang, &at);
    note_status(ld, st);
    if (!st && ld->corpus_license) {
      add_value(ld,
                ld->corpus_id,
                ENT_PROP_LICENSE,
                ld->corpus_license,
                NULL,
                node->parent);
    }
  } else if (is_element(node, "description") && g->corpus != ENT_NO_ENTITY) {
    add_value(ld,
              ld->corpus_id,
              ENT_PROP_DESCRIPTION,
              text_of(ld, node),
              lang_of(ld, node),
              node);
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
  c->report = (SchemaReport){ ld, fd, { { 0, 0, 0, 0 }, NULL, 0, 0 } };
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
  ent_tag_cursor_free(&c->report.cursor);
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

/// Relations of every registry file, kept until the whole registry is
/// read, with copies of their strings.
typedef struct Deferred {
  Pending *items;
  size_t n;
  size_t cap;
  EntPool pool;
  EntMap failed; ///< IDs whose definition was refused, in any file
} Deferred;

static void
keep_pending(Loader *ld)
{
  Deferred *d = ld->deferred;
  for (size_t i = 0; i < ld->n_pending; ++i) {
    const Pending *p = &ld->pending[i];
    if (ent_grow(&d->items, &d->cap, d->n, sizeof(Pending), 256)) {
      note_status(ld, ENT_ERR_NO_MEMORY);
      return;
    }
    Pending *q = &d->items[d->n++];
    *q = *p; // a registry's ends are never found early (defer)
    q->subject = ent_pool_intern(&d->pool, p->subject);
    q->object = ent_pool_intern(&d->pool, p->object);
    q->at.document = ent_pool_intern(&d->pool, p->at.document);
    q->source = NULL;
    if (!q->subject || !q->object || !q->at.document) {
      note_status(ld, ENT_ERR_NO_MEMORY);
      return;
    }
  }
  for (size_t i = 0; i < ld->failed.size; ++i) {
    if (ld->failed.slots[i].key) {
      const char *key = ent_pool_intern(&d->pool, ld->failed.slots[i].key);
      if (!key || ent_map_put(&d->failed, key, (void *)(uintptr_t)1)) {
        note_status(ld, ENT_ERR_NO_MEMORY);
        return;
      }
    }
  }
}

/// Read the dataset in one pass of libxml2's reader: entities in document
/// order, then (unless streaming) every relation, so that a reference may
/// point forward.  With `check`, every node also goes through the schema,
/// each entity's subtree before the entity is read, so nothing the schema
/// refuses is ever read; after the first schema error nothing more is
/// read, but the schema goes on through the file, so that one run reports
/// every error it finds.  The second pass of a streaming export reads what
/// its first checked.
static void
build(Loader *ld, int fd, bool check)
{
  Checker checker;
  memset(&checker, 0, sizeof(checker));
  checker.report.fd = -1;
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
    if (element && depth == 1 && ld->root == ROOT_CORPUS && ld->root_ok) {
      // corpus.xml's <title> and <description>: read whole, like entities.
      xmlNode *node = xmlTextReaderExpand(reader);
      if (!node) {
        note_status(ld, ENT_ERR_SYNTAX);
        refused = true;
        break;
      }
      number_tags(ld, node);
      if (run && !ent_schema_run_tree(run, node, MAX_DEPTH - 1, &st)) {
        schema_stopped(ld, reader, st);
        refused = true;
        break;
      }
      if (!run || !ent_schema_run_failed(run)) {
        read_corpus_child(ld, node);
      }
      ld->line_node = NULL;
      ent_pool_clear(&ld->scratch);
      rc = xmlTextReaderNext(reader);
      continue;
    }
    if (element && depth == 2) {
      xmlNode *node = xmlTextReaderExpand(reader);
      if (!node) {
        note_status(ld, ENT_ERR_SYNTAX);
        refused = true;
        break;
      }
      number_tags(ld, node);
      if (run && !ent_schema_run_tree(run, node, MAX_DEPTH - 1, &st)) {
        schema_stopped(ld, reader, st);
        refused = true;
        break;
      }
      if (run && ent_schema_run_failed(run)) {
        rc = xmlTextReaderNext(reader); // only the schema reads on
        continue;
      }
      read_entity(ld, node);
      if (!ld->default_source && is_element(node, "source")) {
        const char *id = attr(ld, node, "id");
        ld->default_source = id ? ent_pool_intern(&ld->kept, id) : NULL;
      }
      note_status(ld, ent_graph_end_element(ld->graph));
      if (ld->status == ENT_ERR_NO_MEMORY) {
        refused = true;
        break;
      }
      if (++ld->graph->elements % PROGRESS_EVERY == 0) {
        const long consumed = xmlTextReaderByteConsumed(reader);
        ent_graph_report_progress(
          ld->graph, consumed > 0 ? (unsigned long long)consumed : 0);
      }
      ld->line_node = NULL; // its nodes go with the subtree
      ent_pool_clear(&ld->scratch);
      if (ld->graph->stream_phase != STREAM_OFF) {
        // Streaming keeps memory flat: nothing read for an element
        // outlives it.
        ent_pool_clear(&ld->pool);
        ent_map_clear(&ld->failed); // its keys were in the pool
        ld->last_subject = NULL;
      }
      rc = xmlTextReaderNext(reader); // skip the subtree just read
      continue;
    }
    if (element) {
      // The root and the lists of entities, read tag by tag.
      xmlNode *node = xmlTextReaderCurrentNode(reader);
      if (node) {
        node->_private = (void *)(uintptr_t)++ld->tags;
      }
    }
    if (run && !ent_schema_run_node(
                 run,
                 reader,
                 // Cheap; errors about elements are located exactly by
                 // ent_locate_start_tag(), and reader_line() costs a walk past
                 // line 65535.
                 (unsigned long)xmlTextReaderGetParserLineNumber(reader),
                 &st)) {
      schema_stopped(ld, reader, st);
      refused = true;
      break;
    }
    if (element && depth == 0 && !(run && ent_schema_run_failed(run))) {
      const xmlNode *root = xmlTextReaderCurrentNode(reader);
      if (!is_element(root, root_names[ld->root])) {
        wrong_root(ld, root);
        refused = true;
        break;
      }
      ld->root_ok = true;
      read_root(ld, root);
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
  refused = refused || (run && ent_schema_run_failed(run));
  xmlFreeTextReader(reader);
  checker_close(&checker);
  if (refused) {
    return; // relations into a document cut short would only add noise
  }
  if (ld->deferred) {
    // A registry file may point into another: its relations wait for
    // the whole registry (ent_graph_load_corpus()).
    keep_pending(ld);
    return;
  }
  // Relations, now that every entity exists.  Most of a file's relations
  // come from one source: it is looked up again only when it changes
  // (each element's source="..." is a copy of its own, so by its text).
  const char *in_use = NULL;
  for (size_t i = 0; i < ld->n_pending; ++i) {
    const Pending *p = &ld->pending[i];
    if (ld->failed.count &&
        (ent_map_get(&ld->failed, p->subject) ||
         ent_map_get(&ld->failed,
                     p->object
                       ? p->object
                       : ent_graph_entity_id(ld->graph, p->object_found)))) {
      continue;
    }
    const char *source = p->source ? p->source : ld->default_source;
    const EntCaret at = ent_caret_of(p->at);
    EntStatus rst = ENT_SUCCESS;
    if (source && ld->failed.count && ent_map_get(&ld->failed, source)) {
      ent_graph_use_no_source(ld->graph); // refused, and said (enter_source)
      in_use = NULL;
    } else if (source && (!in_use || strcmp(source, in_use) != 0)) {
      rst = ent_graph_use_source(ld->graph, source, &at);
      in_use = rst ? NULL : source;
    }
    if (!rst) {
      rst = ent_graph_relate_found(ld->graph,
                                   p->subject_found,
                                   p->subject,
                                   p->prop,
                                   p->object_found,
                                   p->object,
                                   attribute_of(p->prop),
                                   &at);
    }
    note_status(ld, rst);
    if (ld->status == ENT_ERR_NO_MEMORY) {
      return;
    }
  }
}

/// Read one file of kind `root` into the graph.
static EntStatus
load_file(EntGraph *graph,
          const char *path,
          RootKind root,
          struct Deferred *deferred)
{
  Loader ld;
  memset(&ld, 0, sizeof(ld));
  ld.graph = graph;
  ld.root = root;
  ld.deferred = deferred;
  ld.world = graph->world;
  ld.path = path;
  // A dataset's facts come from its own sources: its first source is the
  // default, whatever was loaded before.  A registry's are the corpus's.
  graph->current_source = root == ROOT_DATASET ? ENT_NO_ENTITY : graph->corpus;
  if (root == ROOT_DATASET) {
    ent_graph_begin_dataset(graph);
  }
  ent_pool_init(&ld.pool);
  ent_pool_init(&ld.scratch);
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
    if (!ld.status && root == ROOT_CORPUS && graph->corpus == ENT_NO_ENTITY) {
      // At <corpus>, where the title goes.
      ent_log(ld.world,
              ENT_LOG_ERROR,
              ENT_ERR_SCHEMA,
              ld.root_at.document ? &ld.root_at : NULL,
              "corpus.xml has no <title>; give the corpus a title");
      note_status(&ld, ENT_ERR_SCHEMA);
    }
    close(fd);
    graph->input_done += ld.size;
    ent_graph_report_progress(graph, 0);
  }
  graph->current_dataset = 0;
  free(ld.pending);
  free(ld.dir);
  ent_buf_free(&ld.split);
  ent_map_clear(&ld.failed);
  ent_map_clear(&ld.published);
  ent_map_clear(&ld.langs);
  ent_pool_clear(&ld.pool);
  ent_pool_clear(&ld.scratch);
  ent_pool_clear(&ld.kept);
  return ld.status;
}

EntStatus
ent_load_dataset(EntGraph *graph, const char *path)
{
  return load_file(graph, path, ROOT_DATASET, NULL);
}

EntStatus
ent_load_datasets(EntGraph *graph, const char *const *paths, size_t n_paths)
{
  if (!graph || (n_paths && !paths)) {
    return ENT_ERR_BAD_ARG;
  }
  for (size_t i = 0; i < n_paths; ++i) {
    if (!paths[i]) {
      return ENT_ERR_BAD_ARG;
    }
  }
  // The total, for a percentage: known when every input is a file (a
  // pipe's size is not).
  unsigned long long total = 0;
  for (size_t i = 0; i < n_paths; ++i) {
    struct stat info;
    if (stat(paths[i], &info) != 0 || !S_ISREG(info.st_mode)) {
      total = 0;
      break;
    }
    total += (unsigned long long)info.st_size;
  }
  graph->input_total = total;
  graph->input_done = 0;
  if (graph->stream_phase == STREAM_OFF) {
    ent_graph_reserve_input(graph, total);
  }
  ent_graph_report_progress(graph, 0);
  EntStatus st = ENT_SUCCESS;
  for (size_t i = 0; i < n_paths; ++i) {
    const EntStatus one = ent_load_dataset(graph, paths[i]);
    st = st ? st : one;
    if (one == ENT_ERR_NO_MEMORY) {
      st = one; // the next datasets would fail for want of memory
      break;
    }
  }
  graph->input_total = 0;
  ent_graph_explain_unknown_refs(graph);
  return st;
}

/// A dataset's file: named *.xml, in any case (an article saved as
/// ISTANBUL.XML was left out of its corpus without a word).
static int
select_xml(const struct dirent *entry)
{
  const size_t n = strlen(entry->d_name);
  return entry->d_name[0] != '.' && n > 4 &&
         !strcasecmp(entry->d_name + n - 4, ".xml");
}

/// Append corpus directory `dir` to `b` without trailing slashes: "data/"
/// and "data" are one corpus, whose files are named "data/x.xml".
static EntStatus
append_corpus_dir(EntBuf *b, const char *dir)
{
  size_t len = strlen(dir);
  while (len > 1 && dir[len - 1] == '/') {
    --len;
  }
  return ent_buf_append(b, dir, len);
}

EntStatus
ent_graph_load_corpus(EntGraph *graph, const char *dir)
{
  if (!graph || !dir || graph->n_entities || graph->corpus != ENT_NO_ENTITY ||
      graph->stream_phase != STREAM_OFF) {
    return ENT_ERR_BAD_ARG;
  }
  // "data/" and "data" name the same corpus; messages say data/registry.
  EntBuf trimmed = { NULL, 0, 0 };
  if (append_corpus_dir(&trimmed, dir)) {
    return ENT_ERR_NO_MEMORY;
  }
  graph->corpus_dir = ent_pool_intern(&graph->strings, trimmed.buf);
  ent_buf_free(&trimmed);
  dir = graph->corpus_dir;
  EntBuf path = { NULL, 0, 0 };
  if (!graph->corpus_dir || ent_buf_appendf(&path, "%s/corpus.xml", dir)) {
    ent_buf_free(&path);
    return ENT_ERR_NO_MEMORY;
  }
  graph->loading_registry = true;
  Deferred deferred;
  memset(&deferred, 0, sizeof(deferred));
  ent_pool_init(&deferred.pool);
  ent_map_init(&deferred.failed);
  EntStatus st = load_file(graph, path.buf, ROOT_CORPUS, &deferred);
  // The registry's files, in name order; a corpus may have none.
  struct dirent **entries = NULL;
  ent_buf_reset(&path);
  int n = 0;
  if (!st && !ent_buf_appendf(&path, "%s/registry", dir)) {
    n = scandir(path.buf, &entries, select_xml, alphasort);
    if (n < 0 && errno != ENOENT) {
      ent_log(graph->world,
              ENT_LOG_ERROR,
              ENT_ERR_IO,
              NULL,
              "%s: cannot read the registry directory: %s",
              path.buf,
              strerror(errno));
      st = ENT_ERR_IO;
    }
  }
  // Every file is read, so that every error is reported in one run.
  for (int k = 0; k < n; ++k) {
    EntBuf file = { NULL, 0, 0 };
    if (!ent_buf_appendf(&file, "%s/%s", path.buf, entries[k]->d_name)) {
      const EntStatus one =
        load_file(graph, file.buf, ROOT_REGISTRY, &deferred);
      st = st ? st : one;
    } else {
      st = st ? st : ENT_ERR_NO_MEMORY;
    }
    ent_buf_free(&file);
    free(entries[k]);
  }
  free(entries);
  ent_buf_free(&path);
  // The registry's relations, now that all of it is read.
  graph->current_source = graph->corpus;
  for (size_t i = 0; i < deferred.n; ++i) {
    const Pending *p = &deferred.items[i];
    if (ent_map_get(&deferred.failed, p->subject) ||
        ent_map_get(&deferred.failed, p->object)) {
      continue;
    }
    const EntCaret at = ent_caret_of(p->at);
    const EntStatus one = ent_graph_relate_found(graph,
                                                 ENT_NO_ENTITY,
                                                 p->subject,
                                                 p->prop,
                                                 ENT_NO_ENTITY,
                                                 p->object,
                                                 attribute_of(p->prop),
                                                 &at);
    st = st ? st : one;
  }
  free(deferred.items);
  ent_map_clear(&deferred.failed);
  ent_pool_clear(&deferred.pool);
  graph->loading_registry = false;
  graph->current_source = ENT_NO_ENTITY;
  // Articles are numbered after the registry, from 1.
  graph->n_datasets = 0;
  return st;
}

/// Whether `dir`/corpus.xml is an entente corpus file: a regular file
/// whose first bytes name the <corpus> element of the format.
static bool
holds_corpus(const char *dir)
{
  EntBuf path = { NULL, 0, 0 };
  if (ent_buf_appendf(&path, "%s/corpus.xml", dir)) {
    ent_buf_free(&path);
    return false;
  }
  const int fd = open(path.buf, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  ent_buf_free(&path);
  if (fd < 0) {
    return false;
  }
  struct stat info;
  char head[4097];
  ssize_t n = -1;
  if (!fstat(fd, &info) && S_ISREG(info.st_mode)) {
    n = read(fd, head, sizeof(head) - 1);
  }
  close(fd);
  if (n <= 0) {
    return false;
  }
  head[n] = '\0';
  return strstr(head, "<corpus") && strstr(head, FORMAT_NS);
}

/// `b` (a directory path) made its parent, lexically: "data/articles" ->
/// "data" -> "." -> ".."; "/srv/x" -> "/srv".
static EntStatus
lexical_parent(EntBuf *b)
{
  const char *last = strrchr(b->buf, '/');
  const char *name = last ? last + 1 : b->buf;
  if (!strcmp(name, "..") || !strcmp(name, ".") || !*name) {
    if (!strcmp(b->buf, ".")) {
      ent_buf_reset(b);
      return ent_buf_append(b, "..", 2);
    }
    return ent_buf_append(b, "/..", 3);
  }
  if (!last) {
    ent_buf_reset(b);
    return ent_buf_append(b, ".", 1);
  }
  b->len = (size_t)(last - b->buf) + (last == b->buf); // keep "/" itself
  b->buf[b->len] = '\0';
  return ENT_SUCCESS;
}

/// How many *.xml files `dir` holds (0 if it cannot be read).
static int
count_xml(const char *dir)
{
  struct dirent **entries = NULL;
  const int n = scandir(dir, &entries, select_xml, alphasort);
  for (int k = 0; k < n; ++k) {
    free(entries[k]);
  }
  free(entries);
  return n > 0 ? n : 0;
}

/// Whether `path` is a directory, not through a symbolic link (a link to
/// the corpus's own root or articles/ is not a folder of other files).
static bool
is_own_dir(const char *path)
{
  struct stat info;
  return lstat(path, &info) == 0 && S_ISDIR(info.st_mode);
}

/// Whether the run reads `path` (a file, or with `folder` a directory
/// holding a file it reads): `read[0..n_read)` are real paths.
static bool
run_reads(const char *path, bool folder, const char *const *read, size_t n_read)
{
  char *real = n_read ? realpath(path, NULL) : NULL;
  const size_t len = real ? strlen(real) : 0;
  bool found = false;
  for (size_t i = 0; real && i < n_read && !found; ++i) {
    found =
      read[i] && (folder ? !strncmp(read[i], real, len) && read[i][len] == '/'
                         : !strcmp(read[i], real));
  }
  free(real);
  return found;
}

/// ent_corpus_warn_unread() of `dir`: the corpus's root (`part` NULL) or
/// its `part` folder (articles, registry).
static void
warn_unread_in(EntWorld *world,
               const char *dir,
               const char *part,
               const char *const *read,
               size_t n_read)
{
  struct dirent **entries = NULL;
  const int n = scandir(dir, &entries, NULL, alphasort);
  for (int k = 0; k < n; ++k) {
    const char *name = entries[k]->d_name;
    EntBuf path = { NULL, 0, 0 };
    if (name[0] != '.' && !ent_buf_appendf(&path, "%s/%s", dir, name)) {
      const EntCaret at = { path.buf, 0, 0, 0 };
      const bool folder = is_own_dir(path.buf);
      if (!part && folder &&
          (!strcmp(name, "articles") || !strcmp(name, "registry"))) {
        warn_unread_in(world, path.buf, name, read, n_read);
      } else if (folder && count_xml(path.buf) &&
                 !run_reads(path.buf, true, read, n_read)) {
        ent_log(world,
                ENT_LOG_WARNING,
                ENT_FAILURE,
                &at,
                "the *.xml files of this folder are not read: a corpus "
                "reads corpus.xml, registry/*.xml and articles/*.xml only; "
                "move them into %s/",
                part ? part : "articles");
      } else if (!part && !folder && select_xml(entries[k]) &&
                 strcmp(name, "corpus.xml") != 0 &&
                 !run_reads(path.buf, false, read, n_read)) {
        ent_log(world,
                ENT_LOG_WARNING,
                ENT_FAILURE,
                &at,
                "not read: a corpus reads corpus.xml, registry/*.xml and "
                "articles/*.xml only; move an article into articles/, "
                "shared entities into registry/");
      }
    }
    ent_buf_free(&path);
    free(entries[k]);
  }
  free(entries);
}

void
ent_corpus_warn_unread(EntWorld *world,
                       const char *dir,
                       const char *const *read,
                       size_t n_read)
{
  if (!world || !dir) {
    return;
  }
  // Its files are named "data/x.xml" whether it was given as "data/".
  EntBuf trimmed = { NULL, 0, 0 };
  if (!append_corpus_dir(&trimmed, dir)) {
    warn_unread_in(world, trimmed.buf, NULL, read, n_read);
  }
  ent_buf_free(&trimmed);
}

EntStatus
ent_corpus_find(const char *path, char **dir)
{
  *dir = NULL;
  struct stat info;
  if (!path || stat(path, &info) != 0) {
    return ENT_FAILURE;
  }
  // Start at the directory itself, or the one the file is in.
  char *start = NULL;
  if (S_ISDIR(info.st_mode)) {
    start = strdup(path);
  } else {
    const char *slash = strrchr(path, '/');
    start = slash ? strndup(path, (size_t)(slash - path) + (slash == path))
                  : strdup(".");
  }
  char *real = start ? realpath(start, NULL) : NULL;
  if (!real) {
    free(start);
    return start ? ENT_FAILURE : ENT_ERR_NO_MEMORY;
  }
  // Walk up by real paths; answer in the caller's terms (the path as given
  // plus "/.." per level) so that messages name files as the user does.
  EntBuf answer = { NULL, 0, 0 };
  EntStatus st = ent_buf_append(&answer, start, strlen(start));
  free(start);
  for (;;) {
    if (st) {
      break;
    }
    if (holds_corpus(real)) {
      // The caller's spelling when it names the same place (not through
      // a link that leads elsewhere), else the real path.
      *dir = strdup(holds_corpus(answer.buf) ? answer.buf : real);
      st = *dir ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
      break;
    }
    char *up = strrchr(real, '/');
    if (!up || up == real) {
      if (!strcmp(real, "/") || !up) {
        st = ENT_FAILURE;
        break;
      }
      real[1] = '\0'; // the root directory itself
    } else {
      *up = '\0';
    }
    st = lexical_parent(&answer);
  }
  free(real);
  ent_buf_free(&answer);
  return st;
}
