// SPDX-License-Identifier: MIT
// The DOCTYPE an RDF/XML file may have: one that only names entities.

#define _GNU_SOURCE 1 // memmem()

#include "ontology.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/// Declarations a DOCTYPE may hold; Protégé writes one per namespace.
enum { MAX_ENTITIES = 1024, MAX_NAME = 256 };

typedef struct {
  EntWorld *world;
  const char *document;
  const char *text;
  size_t len;
  size_t at;     ///< The next byte to read
  EntMap values; ///< Entity name -> its EntityValue (a pooled copy)
  EntPool pool;
} Doctype;

/// Line and column of byte `offset`.
static EntCaret
caret_at(const Doctype *d, size_t offset)
{
  EntCaret caret = { d->document, 0, 0, 0 };
  ent_text_position(
    d->text, offset < d->len ? offset : d->len, &caret.line, &caret.column);
  return caret;
}

static EntStatus
refuse(const Doctype *d, size_t offset, const char *what)
{
  const EntCaret caret = caret_at(d, offset);
  ent_log(d->world,
          ENT_LOG_ERROR,
          ENT_ERR_SYNTAX,
          &caret,
          "%s; a DOCTYPE may only declare entities that stand for text, "
          "as Protégé writes them (<!ENTITY owl "
          "\"http://www.w3.org/2002/07/owl#\">): remove the rest",
          what);
  return ENT_ERR_SYNTAX;
}

static bool
is_space(char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool
skip_space(Doctype *d)
{
  const size_t from = d->at;
  while (d->at < d->len && is_space(d->text[d->at])) {
    ++d->at;
  }
  return d->at > from;
}

static bool
looking_at(const Doctype *d, const char *s)
{
  const size_t n = strlen(s);
  return d->len - d->at >= n && !memcmp(d->text + d->at, s, n);
}

/// A byte an XML Name may hold; any byte of a multi-byte character is
/// taken (the text is UTF-8 and libxml2 judges the character itself).
static bool
is_name_byte(char c, bool first)
{
  const unsigned char u = (unsigned char)c;
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '_' ||
         u == ':' || u >= 0x80 ||
         (!first && ((u >= '0' && u <= '9') || u == '-' || u == '.'));
}

/// The length of the Name at `p` (at most `left` bytes), 0 if none.
static size_t
name_length(const char *p, size_t left)
{
  size_t n = 0;
  while (n < left && is_name_byte(p[n], n == 0)) {
    ++n;
  }
  return n;
}

/// The length of the reference to one of XML's five predefined entities
/// at `p` (at most `left` bytes), 0 if there is none.
static size_t
predefined_length(const char *p, size_t left)
{
  static const char *const predefined[] = {
    "&amp;", "&lt;", "&gt;", "&quot;", "&apos;"
  };
  for (size_t i = 0; i < sizeof(predefined) / sizeof(*predefined); ++i) {
    const size_t n = strlen(predefined[i]);
    if (left >= n && !memcmp(p, predefined[i], n)) {
      return n;
    }
  }
  return 0;
}

/// `<!ENTITY name "value">` at d->at, after "<!ENTITY".
static EntStatus
entity_declaration(Doctype *d, size_t start)
{
  if (!skip_space(d) || d->at >= d->len) {
    return refuse(d, start, "an entity declaration without a name");
  }
  if (d->text[d->at] == '%') {
    return refuse(d, start, "a parameter entity (<!ENTITY % ...>)");
  }
  const size_t name_at = d->at;
  const size_t name_len = name_length(d->text + d->at, d->len - d->at);
  if (!name_len || name_len >= MAX_NAME) {
    return refuse(d, start, "an entity declaration whose name is not a name");
  }
  d->at += name_len;
  if (!skip_space(d) || d->at >= d->len ||
      (d->text[d->at] != '"' && d->text[d->at] != '\'')) {
    return refuse(d,
                  start,
                  "an external entity (SYSTEM or PUBLIC) or an entity "
                  "without a quoted value");
  }
  const char quote = d->text[d->at++];
  const size_t value_at = d->at;
  while (d->at < d->len && d->text[d->at] != quote) {
    const char c = d->text[d->at];
    // &amp; and its kind stand for one character, never for markup
    // ("http://e.example/?a=1&amp;b"); a character reference (&#38;)
    // could be an entity's '&' and is refused below.
    const size_t predefined =
      c == '&' ? predefined_length(d->text + d->at, d->len - d->at) : 0;
    if (predefined) {
      d->at += predefined;
      continue;
    }
    if (c == '&' || c == '%' || c == '<') {
      return refuse(d,
                    d->at,
                    "an entity whose value refers to another entity or "
                    "holds markup");
    }
    ++d->at;
  }
  if (d->at >= d->len) {
    return refuse(d, start, "an entity value that is not closed");
  }
  const size_t value_len = d->at - value_at;
  ++d->at; // the closing quote
  skip_space(d);
  if (!looking_at(d, ">")) {
    return refuse(d, start, "an entity declaration with more after its value");
  }
  ++d->at;
  if (d->values.count >= MAX_ENTITIES) {
    return refuse(d, start, "more than 1,024 entity declarations");
  }
  const char *name = ent_pool_copy(&d->pool, d->text + name_at, name_len);
  const char *value = ent_pool_copy(&d->pool, d->text + value_at, value_len);
  if (!name || !value) {
    return ENT_ERR_NO_MEMORY;
  }
  // XML takes the first declaration of a name; so does this.
  if (!ent_map_get(&d->values, name) &&
      ent_map_put(&d->values, name, (void *)(uintptr_t)value)) {
    return ENT_ERR_NO_MEMORY;
  }
  return ENT_SUCCESS;
}

/// The internal subset, after '[': comments and entity declarations
/// up to ']'.
static EntStatus
internal_subset(Doctype *d)
{
  EntStatus st = ENT_SUCCESS;
  for (;;) {
    skip_space(d);
    const size_t start = d->at;
    if (looking_at(d, "]")) {
      ++d->at;
      return ENT_SUCCESS;
    }
    if (looking_at(d, "<!--")) {
      const char *end = NULL;
      if (d->len - d->at >= 7) {
        end = memmem(d->text + d->at + 4, d->len - d->at - 4, "-->", 3);
      }
      if (!end) {
        return refuse(d, start, "a comment in the DOCTYPE that is not closed");
      }
      d->at = (size_t)(end - d->text) + 3;
    } else if (looking_at(d, "<!ENTITY")) {
      d->at += 8;
      TRY(st, entity_declaration(d, start));
    } else if (looking_at(d, "<!ATTLIST")) {
      return refuse(d, start, "an attribute list declaration (<!ATTLIST>)");
    } else if (looking_at(d, "<!ELEMENT")) {
      return refuse(d, start, "an element declaration (<!ELEMENT>)");
    } else if (looking_at(d, "%")) {
      return refuse(d, start, "a parameter entity reference");
    } else if (d->at >= d->len) {
      return refuse(d, start, "a DOCTYPE that is not closed");
    } else {
      return refuse(d, start, "a declaration in the DOCTYPE");
    }
  }
}

/// The bytes the text grows by when its references to the declared
/// entities are replaced, from `from` on (references in comments are
/// counted too: a bound, not the exact size).
static size_t
expansion(const Doctype *d, size_t from, size_t cap)
{
  size_t grown = 0;
  char name[MAX_NAME];
  for (const char *p = d->text + from;
       (p = memchr(p, '&', d->len - (size_t)(p - d->text))) != NULL;
       ++p) {
    const size_t left = d->len - (size_t)(p - d->text) - 1;
    const size_t n = name_length(p + 1, left);
    if (!n || n >= MAX_NAME || n == left || p[1 + n] != ';') {
      continue;
    }
    memcpy(name, p + 1, n);
    name[n] = '\0';
    const char *value = ent_map_get(&d->values, name);
    const size_t value_len = value ? strlen(value) : 0;
    if (value_len > n + 2) {
      grown += value_len - (n + 2);
    }
    if (grown > cap) {
      break; // enough to refuse; the sum cannot wrap
    }
  }
  return grown;
}

/// Whether `name` (`len` bytes) is an encoding whose bytes for ASCII are
/// ASCII, so that "<!DOCTYPE" and "<!ENTITY" read here are what libxml2
/// reads.
static bool
ascii_compatible(const char *name, size_t len)
{
  static const char *const names[] = { "UTF-8", "UTF8",   "US-ASCII",
                                       "ASCII", "LATIN1", "LATIN-1" };
  for (size_t i = 0; i < sizeof(names) / sizeof(*names); ++i) {
    if (len == strlen(names[i]) && !strncasecmp(name, names[i], len)) {
      return true;
    }
  }
  // A family and its number: ISO-8859-1, windows-1252.
  static const char *const families[] = { "ISO-8859-",   "ISO8859-",
                                          "ISO_8859-",   "ISO-LATIN-",
                                          "WINDOWS-125", "CP125" };
  for (size_t i = 0; i < sizeof(families) / sizeof(*families); ++i) {
    const size_t n = strlen(families[i]);
    if (len > n && len <= n + 2 && !strncasecmp(name, families[i], n) &&
        name[n] >= '0' && name[n] <= '9' &&
        (len == n + 1 || (name[n + 1] >= '0' && name[n + 1] <= '9'))) {
      return true;
    }
  }
  return false;
}

/// The document must be read by libxml2 as the bytes this file reads:
/// UTF-16 and UTF-32 (NUL bytes), EBCDIC (no '<' first) and a declared
/// encoding such as UTF-7 would hide a DOCTYPE from the scan.
static EntStatus
check_encoding(const Doctype *d)
{
  const char *nul = memchr(d->text, '\0', d->len);
  if (nul) {
    const EntCaret caret = caret_at(d, (size_t)(nul - d->text));
    ent_log(d->world,
            ENT_LOG_ERROR,
            ENT_ERR_SYNTAX,
            &caret,
            "a NUL byte: RDF/XML in UTF-16 or UTF-32 is not read; convert "
            "it to UTF-8 (iconv -f UTF-16 -t UTF-8)");
    return ENT_ERR_SYNTAX;
  }
  size_t at = ent_rdf_text_start(d->text, d->len);
  while (at < d->len && is_space(d->text[at])) {
    ++at;
  }
  if (at < d->len && d->text[at] != '<') {
    const EntCaret caret = caret_at(d, at);
    ent_log(d->world,
            ENT_LOG_ERROR,
            ENT_ERR_SYNTAX,
            &caret,
            "the file does not start with '<', as RDF/XML does: it is not "
            "XML, or not in an encoding entente reads (UTF-8, US-ASCII, "
            "ISO-8859, windows-125x)");
    return ENT_ERR_SYNTAX;
  }
  // The XML declaration, not a processing instruction named xml-...
  if (d->len - at < 6 || memcmp(d->text + at, "<?xml", 5) != 0 ||
      !is_space(d->text[at + 5])) {
    return ENT_SUCCESS;
  }
  const char *end = memmem(d->text + at, d->len - at, "?>", 2);
  const size_t decl_len = end ? (size_t)(end - d->text) - at : d->len - at;
  const char *enc = memmem(d->text + at, decl_len, "encoding", 8);
  if (!enc) {
    return ENT_SUCCESS;
  }
  const char *p = enc + 8;
  const char *stop = d->text + at + decl_len;
  while (p < stop && (is_space(*p) || *p == '=')) {
    ++p;
  }
  const char quote = p < stop ? *p : '\0';
  const char *name = p + 1;
  const char *close =
    quote == '"' || quote == '\''
      ? memchr(name, quote, (size_t)(stop - name > 0 ? stop - name : 0))
      : NULL;
  if (close && ascii_compatible(name, (size_t)(close - name))) {
    return ENT_SUCCESS;
  }
  const EntCaret caret = caret_at(d, (size_t)(enc - d->text));
  ent_log(d->world,
          ENT_LOG_ERROR,
          ENT_ERR_SYNTAX,
          &caret,
          "RDF/XML declared in an encoding entente does not read (%.*s); "
          "convert it to UTF-8 (iconv -f ENCODING -t UTF-8) and change its "
          "declaration",
          close ? (int)(close - name) : 0,
          close ? name : "");
  return ENT_ERR_SYNTAX;
}

/// The first `needle` (a declaration: "<!DOCTYPE", "<!ENTITY") in
/// text[from, len) that is markup: not inside a comment, a CDATA section
/// or a processing instruction, each ending where an XML parser ends it
/// (the first "-->", "]]>", "?>"; one not closed hides the rest, which
/// the parser then refuses).  Elsewhere a '<' in XML starts markup (text
/// and attribute values cannot hold one), so a declaration found here is
/// one libxml2 would read.  NULL if there is none.
static const char *
find_markup(const char *text, size_t len, size_t from, const char *needle)
{
  static const struct {
    const char *open;
    const char *close;
  } skipped[] = { { "<!--", "-->" }, { "<![CDATA[", "]]>" }, { "<?", "?>" } };
  const size_t needle_len = strlen(needle);
  size_t at = from;
  while (at < len) {
    const char *lt = memchr(text + at, '<', len - at);
    if (!lt) {
      return NULL;
    }
    at = (size_t)(lt - text);
    const size_t left = len - at;
    bool skip = false;
    for (size_t i = 0; i < sizeof(skipped) / sizeof(skipped[0]); ++i) {
      const size_t open_len = strlen(skipped[i].open);
      if (left >= open_len && !memcmp(lt, skipped[i].open, open_len)) {
        const char *end = memmem(lt + open_len,
                                 left - open_len,
                                 skipped[i].close,
                                 strlen(skipped[i].close));
        if (!end) {
          return NULL;
        }
        at = (size_t)(end - text) + strlen(skipped[i].close);
        skip = true;
        break;
      }
    }
    if (skip) {
      continue;
    }
    if (left >= needle_len && !memcmp(lt, needle, needle_len)) {
      return lt;
    }
    ++at;
  }
  return NULL;
}

EntStatus
ent_check_rdfxml_doctype(EntWorld *world,
                         const char *document,
                         const char *text,
                         size_t len,
                         size_t cap)
{
  const char *first = find_markup(text, len, 0, "<!DOCTYPE");
  Doctype d = {
    .world = world, .document = document, .text = text, .len = len
  };
  EntStatus checked = check_encoding(&d);
  if (checked) {
    return checked;
  }
  if (!first) {
    const char *entity = find_markup(text, len, 0, "<!ENTITY");
    return entity ? refuse(&d,
                           (size_t)(entity - text),
                           "an entity declaration outside a DOCTYPE")
                  : ENT_SUCCESS;
  }
  const size_t start = (size_t)(first - text);
  const size_t after = start + 9;
  // Only the first DOCTYPE is read: a second one (after a first in a
  // comment, say) could declare what this one does not show.
  // Any later "<!DOCTYPE" bytes at all (a comment's too): the internal
  // subset's entity values may hold what would pass for a comment's start.
  const char *second = memmem(text + after, len - after, "<!DOCTYPE", 9);
  if (second) {
    return refuse(&d, (size_t)(second - text), "a second DOCTYPE");
  }
  ent_map_init(&d.values);
  ent_pool_init(&d.pool);
  d.at = after;
  EntStatus st = ENT_SUCCESS;
  size_t name_len = 0;
  if (!skip_space(&d) || !(name_len = name_length(text + d.at, len - d.at))) {
    st = refuse(&d, start, "a DOCTYPE without a root element's name");
  } else {
    d.at += name_len;
    skip_space(&d);
    if (looking_at(&d, "SYSTEM") || looking_at(&d, "PUBLIC")) {
      st = refuse(&d, d.at, "an external DTD (SYSTEM or PUBLIC)");
    } else if (looking_at(&d, "[")) {
      ++d.at;
      st = internal_subset(&d);
    }
  }
  if (!st) {
    skip_space(&d);
    if (!looking_at(&d, ">")) {
      st = refuse(&d,
                  start,
                  "a DOCTYPE that does not end with '>' after "
                  "its declarations");
    } else {
      ++d.at;
    }
  }
  if (!st) {
    const char *stray = find_markup(text, len, d.at, "<!ENTITY");
    if (stray) {
      st = refuse(&d,
                  (size_t)(stray - text),
                  "an entity declaration outside the DOCTYPE");
    }
  }
  if (!st) {
    const size_t grown = expansion(&d, d.at, cap);
    if (grown > cap || len > cap - grown) {
      const EntCaret caret = caret_at(&d, start);
      ent_log(world,
              ENT_LOG_ERROR,
              ENT_ERR_SYNTAX,
              &caret,
              "the DOCTYPE's entities would make the file more than the "
              "limit of %zu bytes",
              cap);
      st = ENT_ERR_SYNTAX;
    }
  }
  ent_map_clear(&d.values);
  ent_pool_clear(&d.pool);
  return st;
}
