// SPDX-License-Identifier: MIT
// Checks of the values that reach the RDF writers.  raptor2 validates
// nothing it serializes, so every value is checked here first.

#include "util.h"

#include <utf8proc.h>

#include <uriparser/Uri.h>

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/// Whether two name bytes are the same letter, whatever its case.
static bool
same_letter(char x, char y)
{
  const char lx = x >= 'A' && x <= 'Z' ? (char)(x - 'A' + 'a') : x;
  const char ly = y >= 'A' && y <= 'Z' ? (char)(y - 'A' + 'a') : y;
  return lx == ly;
}

size_t
ent_name_distance(const char *a, const char *b)
{
  enum { MAX_NAME = ENT_NAME_DISTANCE_MAX + 1 };
  const size_t n = strlen(a);
  const size_t m = strlen(b);
  if (n >= MAX_NAME || m >= MAX_NAME) {
    return SIZE_MAX;
  }
  unsigned char d[MAX_NAME][MAX_NAME]; // distances are below MAX_NAME
  for (size_t i = 0; i <= n; ++i) {
    d[i][0] = (unsigned char)i;
  }
  for (size_t j = 0; j <= m; ++j) {
    d[0][j] = (unsigned char)j;
  }
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      const unsigned replace =
        d[i - 1][j - 1] + (same_letter(a[i - 1], b[j - 1]) ? 0U : 1U);
      const unsigned drop = d[i - 1][j] + 1U;
      const unsigned add = d[i][j - 1] + 1U;
      unsigned best = replace < drop ? replace : drop;
      best = add < best ? add : best;
      if (i > 1 && j > 1 && same_letter(a[i - 1], b[j - 2]) &&
          same_letter(a[i - 2], b[j - 1]) && d[i - 2][j - 2] + 1U < best) {
        best = d[i - 2][j - 2] + 1U;
      }
      d[i][j] = (unsigned char)best;
    }
  }
  return d[n][m];
}

bool
ent_has_rtl(const char *s, size_t len)
{
  const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
  for (size_t at = 0; at < len;) {
    utf8proc_int32_t c = 0;
    const utf8proc_ssize_t n =
      utf8proc_iterate(p + at, (utf8proc_ssize_t)(len - at), &c);
    if (n <= 0) {
      return false;
    }
    const int bidi = utf8proc_get_property(c)->bidi_class;
    if (bidi == UTF8PROC_BIDI_CLASS_R || bidi == UTF8PROC_BIDI_CLASS_AL) {
      return true;
    }
    at += (size_t)n;
  }
  return false;
}

char *
ent_loose_text(const char *name, char tag)
{
  bool ascii = true;
  for (const char *c = name; *c && ascii; ++c) {
    ascii = !((unsigned char)*c & 0x80);
  }
  utf8proc_uint8_t *folded = NULL;
  const utf8proc_ssize_t len =
    ascii
      ? (utf8proc_ssize_t)strlen(name)
      : utf8proc_map((const utf8proc_uint8_t *)name,
                     0,
                     &folded,
                     UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                       UTF8PROC_IGNORE | UTF8PROC_CASEFOLD |
                       UTF8PROC_STRIPMARK | UTF8PROC_LUMP);
  if (len < 0) {
    free(folded);
    return NULL;
  }
  char *key = malloc((size_t)len + 2);
  if (key) {
    size_t n = 0;
    if (tag) {
      key[n++] = tag;
    }
    const size_t first = n;
    for (utf8proc_ssize_t i = 0; i < len; ++i) {
      // ASCII only needs its case folded (no marks, nothing to lump).
      const char c =
        ascii ? (char)tolower((unsigned char)name[i]) : (char)folded[i];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        if (n > first && key[n - 1] != ' ') {
          key[n++] = ' ';
        }
      } else {
        key[n++] = c;
      }
    }
    n -= n > first && key[n - 1] == ' ';
    key[n] = '\0';
  }
  free(folded);
  return key;
}

void
ent_buf_append_visible(EntBuf *out, const char *s, size_t len, bool marks)
{
  const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)s;
  for (size_t i = 0; i < len;) {
    utf8proc_int32_t c = 0;
    const utf8proc_ssize_t n =
      utf8proc_iterate(u + i, (utf8proc_ssize_t)(len - i), &c);
    if (n <= 0) {
      (void)ent_buf_append(out, "?", 1);
      ++i;
      continue;
    }
    const utf8proc_property_t *p = utf8proc_get_property(c);
    if (p->ignorable || p->category == UTF8PROC_CATEGORY_CF ||
        (marks && p->category == UTF8PROC_CATEGORY_MN)) {
      (void)ent_buf_appendf(out, "\\u%04X", (unsigned)c);
    } else {
      (void)ent_buf_append(out, s + i, (size_t)n);
    }
    i += (size_t)n;
  }
}

size_t
ent_utf8_back(const char *s, size_t n)
{
  while (n && ((unsigned char)s[n] & 0xC0) == 0x80) {
    --n;
  }
  return n;
}

size_t
ent_utf8_forward(const char *s, size_t len, size_t n)
{
  while (n < len && ((unsigned char)s[n] & 0xC0) == 0x80) {
    ++n;
  }
  return n;
}

bool
ent_is_utf8(const char *s, size_t len)
{
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0;
  while (i < len) {
    // Most text is ASCII: eight bytes at a time while no byte is NUL or
    // has its high bit set.
    while (i + 8 <= len) {
      uint64_t word;
      memcpy(&word, p + i, 8);
      const uint64_t high = 0x8080808080808080ULL;
      const uint64_t zero = (word - 0x0101010101010101ULL) & ~word & high;
      if ((word & high) || zero) {
        break;
      }
      i += 8;
    }
    if (i >= len) {
      break;
    }
    const unsigned char c = p[i];
    if (c == 0) {
      return false;
    }
    if (c < 0x80) {
      ++i;
      continue;
    }
    // Sequence length and the bits of the lead byte, by its high bits.
    size_t n = 0;
    uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) {
      n = 1;
      cp = c & 0x1Fu;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2;
      cp = c & 0x0Fu;
    } else if ((c & 0xF8) == 0xF0) {
      n = 3;
      cp = c & 0x07u;
    } else {
      return false;
    }
    if (len - i <= n) {
      return false;
    }
    for (size_t k = 1; k <= n; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) {
        return false;
      }
      cp = (cp << 6) | (p[i + k] & 0x3Fu);
    }
    // Reject overlong forms, surrogates and values past U+10FFFF.
    static const uint32_t min_by_len[] = { 0, 0x80, 0x800, 0x10000 };
    if (cp < min_by_len[n] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
      return false;
    }
    i += n + 1;
  }
  return true;
}

static bool
is_lower_alnum(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

static bool
is_alpha(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_digit(char c)
{
  return c >= '0' && c <= '9';
}

bool
ent_is_slug(const char *s)
{
  const size_t len = strlen(s);
  if (len == 0 || len > 200 || !is_lower_alnum(s[0]) ||
      !is_lower_alnum(s[len - 1])) {
    return false;
  }
  for (size_t i = 0; i < len; ++i) {
    if (!is_lower_alnum(s[i]) && s[i] != '-') {
      return false;
    }
  }
  return true;
}

bool
ent_is_lang_tag(const char *s)
{
  if (strlen(s) > ENT_MAX_LANG_TAG) {
    return false;
  }
  size_t run = 0;
  bool first = true;
  for (const char *p = s;; ++p) {
    if (*p == '-' || *p == '\0') {
      if (run == 0 || run > 8) {
        return false;
      }
      if (*p == '\0') {
        return true;
      }
      run = 0;
      first = false;
    } else if (is_alpha(*p) || (!first && is_digit(*p))) {
      ++run;
    } else {
      return false;
    }
  }
}

const char *
ent_lang_tag_doubt(const char *tag, const char **suggest)
{
  // ISO 639-1: the two-letter codes a language tag's first subtag may be.
  static const char iso639_1[] =
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce "
    "ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr "
    "fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is "
    "it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln "
    "lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv "
    "ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk "
    "sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw "
    "ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu";
  // What is written for a language by mistake: a country's code, an old
  // code, the language's English name.
  static const char *const mistaken[][2] = {
    { "ua", "uk" },       { "gr", "el" },       { "jp", "ja" },
    { "cn", "zh" },       { "dk", "da" },       { "cz", "cs" },
    { "by", "be" },       { "ge", "ka" },       { "rs", "sr" },
    { "al", "sq" },       { "kz", "kk" },       { "ir", "fa" },
    { "il", "he" },       { "iw", "he" },       { "in", "id" },
    { "ji", "yi" },       { "us", "en" },       { "gb", "en" },
    { "english", "en" },  { "russian", "ru" },  { "ukrainian", "uk" },
    { "french", "fr" },   { "german", "de" },   { "arabic", "ar" },
    { "chinese", "zh" },  { "spanish", "es" },  { "turkish", "tr" },
    { "japanese", "ja" }, { "persian", "fa" },  { "hebrew", "he" },
    { "polish", "pl" },   { "italian", "it" },  { "korean", "ko" },
    { "armenian", "hy" }, { "georgian", "ka" }, { "greek", "el" },
  };
  *suggest = NULL;
  size_t len = 0;
  while (tag[len] && tag[len] != '-') {
    ++len;
  }
  char first[16];
  if (len == 3 || len >= sizeof(first)) {
    return NULL; // ISO 639-2 and -3: too many to list; or not a tag
  }
  for (size_t i = 0; i < len; ++i) {
    first[i] =
      (char)((tag[i] >= 'A' && tag[i] <= 'Z') ? tag[i] - 'A' + 'a' : tag[i]);
  }
  first[len] = '\0';
  for (size_t i = 0; i < sizeof(mistaken) / sizeof(mistaken[0]); ++i) {
    if (!strcmp(first, mistaken[i][0])) {
      *suggest = mistaken[i][1];
      break;
    }
  }
  if (len == 2) {
    for (const char *c = iso639_1; *c; c += c[2] ? 3 : 2) {
      if (c[0] == first[0] && c[1] == first[1] && !*suggest) {
        return NULL;
      }
    }
    return "is not an ISO 639-1 language code";
  }
  return len == 1 ? NULL // x- (private use) and i- (grandfathered)
                  : "starts with no language code (two or three letters)";
}

/// Whether tag `a` is `b` or one of its subtags, without case.
static bool
lang_within(const char *a, const char *b)
{
  const size_t n = strlen(b);
  return !strncasecmp(a, b, n) && (a[n] == '\0' || a[n] == '-');
}

bool
ent_lang_is(const char *tag, const char *wanted)
{
  // Either way: "en-GB" is English for --lang en, and "en" for --lang
  // en-GB (RFC 4647's lookup falls back from en-GB to en), but "en-US"
  // is not en-GB.
  return lang_within(tag, wanted) || lang_within(wanted, tag);
}

bool
ent_language_tag_is_valid(const char *tag)
{
  return !tag || ent_is_lang_tag(tag);
}

/// RFC 3987 ucschar: the non-ASCII characters an IRI may hold, less the
/// bidirectional formatting characters its section 4.1 forbids (and the
/// isolates Unicode added since, for the same reason).
static bool
is_ucschar(uint32_t c)
{
  if (c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
      (c >= 0x2066 && c <= 0x2069)) {
    return false;
  }
  // Also refused: white space and invisible format characters (no-break
  // space, line separator, zero-width and byte-order marks...).  RFC 3987
  // lets them through, but an IRI holding one is a copy-paste accident,
  // and JSON-LD processors (jsonld.js) drop such an IRI's statements.
  const utf8proc_category_t category = utf8proc_category((utf8proc_int32_t)c);
  if (category == UTF8PROC_CATEGORY_ZS || category == UTF8PROC_CATEGORY_ZL ||
      category == UTF8PROC_CATEGORY_ZP || category == UTF8PROC_CATEGORY_CF) {
    return false;
  }
  if (c >= 0xA0 && c <= 0xD7FF) {
    return true;
  }
  if (c >= 0xF900 && c <= 0xFDCF) {
    return true;
  }
  if (c >= 0xFDF0 && c <= 0xFFEF) {
    return true;
  }
  // U+10000 to U+EFFFD, each plane less its last two code points.
  return c >= 0x10000 && c <= 0xEFFFD && (c & 0xFFFE) != 0xFFFE;
}

/// RFC 3987 iprivate: allowed in the query only.
static bool
is_iprivate(uint32_t c)
{
  return (c >= 0xE000 && c <= 0xF8FF) ||
         (c >= 0xF0000 && c <= 0x10FFFD && (c & 0xFFFE) != 0xFFFE);
}

/// Decode the UTF-8 sequence at `*p` (known valid) and advance past it.
static uint32_t
next_code_point(const unsigned char **p)
{
  const unsigned char *s = *p;
  if (s[0] < 0x80) {
    *p += 1;
    return s[0];
  }
  if ((s[0] & 0xE0) == 0xC0) {
    *p += 2;
    return (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
  }
  if ((s[0] & 0xF0) == 0xE0) {
    *p += 3;
    return (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 |
           (s[2] & 0x3F);
  }
  *p += 4;
  return (uint32_t)(s[0] & 0x07) << 18 | (uint32_t)(s[1] & 0x3F) << 12 |
         (uint32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
}

/// Whether the parsed URI's path has a "." or ".." segment.
static bool
has_dot_segment(const UriUriA *uri)
{
  for (const UriPathSegmentA *seg = uri->pathHead; seg; seg = seg->next) {
    const size_t len = (size_t)(seg->text.afterLast - seg->text.first);
    if ((len == 1 || len == 2) && !strncmp(seg->text.first, "..", len)) {
      return true;
    }
  }
  return false;
}

/// `s` as RFC 3987 maps an IRI to a URI (its non-ASCII characters
/// percent-encoded), parsed by uriparser into `*uri` (the caller frees its
/// members, and `*ascii`, which it points into); false if it is no IRI.
static bool
parse_iri(const char *s, UriUriA *uri, char **ascii)
{
  *ascii = NULL;
  // No character N-Triples forbids in an IRIREF (controls, space,
  // <>"{}|^`\), valid UTF-8.
  const size_t len = strlen(s);
  for (const unsigned char *q = (const unsigned char *)s; *q; ++q) {
    if (*q <= 0x20 || *q == 0x7F || strchr("<>\"{}|^`\\", *q)) {
      return false;
    }
  }
  if (!len || !ent_is_utf8(s, len)) {
    return false;
  }
  // RFC 3987 maps an IRI to a URI by percent-encoding its non-ASCII
  // characters; the URI's grammar (RFC 3986, checked by uriparser) then
  // holds the rest: a scheme, percent-escapes of two hex digits, brackets
  // only around an IP literal...
  char *out = malloc(3 * len + 1);
  if (!out) {
    return false;
  }
  size_t n = 0;
  bool in_query = false;
  bool ok = true;
  for (const unsigned char *p = (const unsigned char *)s; *p && ok;) {
    const unsigned char *start = p;
    const uint32_t c = next_code_point(&p);
    in_query |= c == '?';
    in_query &= c != '#';
    if (c < 0x80) {
      out[n++] = (char)c;
      continue;
    }
    ok = is_ucschar(c) || (in_query && is_iprivate(c));
    for (const unsigned char *b = start; b < p; ++b) {
      n += (size_t)snprintf(out + n, 4, "%%%02X", *b);
    }
  }
  out[n] = '\0';
  const char *error = NULL;
  if (!ok || uriParseSingleUriA(uri, out, &error) != URI_SUCCESS) {
    free(out);
    return false;
  }
  *ascii = out;
  return true;
}

bool
ent_iri_has_dot_segment(const char *s)
{
  UriUriA uri;
  char *ascii = NULL;
  if (!parse_iri(s, &uri, &ascii)) {
    return false;
  }
  const bool dots = has_dot_segment(&uri);
  uriFreeUriMembersA(&uri);
  free(ascii);
  return dots;
}

bool
ent_base_problem(const char *iri, char *why, size_t size)
{
  const size_t len = iri ? strlen(iri) : 0;
  if (!len) {
    snprintf(why, size, "is empty");
    return true;
  }
  for (const unsigned char *q = (const unsigned char *)iri; *q; ++q) {
    if (*q <= 0x20 || *q == 0x7F || strchr("<>\"{}|^`\\", *q)) {
      if (*q <= 0x20 || *q == 0x7F) {
        snprintf(why,
                 size,
                 "holds %s, which an IRI may not; write it as %%%02X",
                 *q == ' ' ? "a space" : "a control character",
                 *q);
      } else {
        snprintf(why,
                 size,
                 "holds '%c', which an IRI may not; write it as %%%02X",
                 *q,
                 *q);
      }
      return true;
    }
  }
  const char *colon = strchr(iri, ':');
  const size_t scheme = colon ? (size_t)(colon - iri) : 0;
  const bool web = (scheme == 4 && !strncasecmp(iri, "http", 4)) ||
                   (scheme == 5 && !strncasecmp(iri, "https", 5));
  const char *slash = strchr(iri, '/');
  if (!scheme || (slash && slash < colon)) {
    snprintf(why,
             size,
             "is not an absolute IRI: give its scheme and host, as in "
             "https://example.org/id/");
    return true;
  }
  // Namespaces an IRI of an entity must not fall in: RDF/XML forbids
  // declaring a prefix under the RDF or XML namespace (rapper refuses the
  // whole file), and under entente's vocabulary entities would be taken
  // for its terms.
  static const struct {
    const char *ns;
    const char *what;
  } reserved[] = {
    { "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
      "the RDF namespace, under which RDF/XML may declare no prefix" },
    { "http://www.w3.org/XML/1998/namespace",
      "the XML namespace, under which RDF/XML may declare no prefix" },
    { ENT_NS, "entente's vocabulary, whose terms it would be taken for" },
  };
  for (size_t i = 0; i < sizeof(reserved) / sizeof(reserved[0]); ++i) {
    if (!strncmp(iri, reserved[i].ns, strlen(reserved[i].ns))) {
      snprintf(why,
               size,
               "is in %s; give a namespace of your own, as in "
               "https://example.org/id/",
               reserved[i].what);
      return true;
    }
  }
  if (ent_is_unsafe_scheme(iri)) {
    snprintf(why,
             size,
             "uses the scheme '%.*s:', which runs code or reads local files "
             "when a link is followed; use an http(s) IRI, as in "
             "https://example.org/id/",
             (int)(scheme < 20 ? scheme : 20),
             iri);
    return true;
  }
  UriUriA uri;
  char *ascii = NULL;
  if (!parse_iri(iri, &uri, &ascii)) {
    snprintf(why,
             size,
             "is not a well-formed IRI (a '%%' not followed by two hex "
             "digits, or a character IRIs do not allow)");
    return true;
  }
  const bool host =
    uri.hostText.first && uri.hostText.afterLast > uri.hostText.first;
  unsigned long port = 0;
  if (uri.portText.first && uri.portText.afterLast > uri.portText.first) {
    // Six digits or more are past 65535 whatever they are.
    port = uri.portText.afterLast - uri.portText.first > 5
             ? 100000
             : strtoul(uri.portText.first, NULL, 10);
  }
  const bool dots = has_dot_segment(&uri);
  uriFreeUriMembersA(&uri);
  free(ascii);
  if (web && !host) {
    snprintf(why, size, "names no host, as in https://example.org/id/");
  } else if (port > 65535) {
    if (port >= 100000) {
      snprintf(why, size, "has a port past 65535, the last there is");
    } else {
      snprintf(why, size, "has port %lu; ports go up to 65535", port);
    }
  } else if (dots) {
    snprintf(why,
             size,
             "has a '.' or '..' segment in its path, which RDF parsers "
             "resolve differently; give one with no '.' or '..' segment in "
             "its path");
  } else if (iri[len - 1] != '/' && iri[len - 1] != '#') {
    snprintf(why,
             size,
             "does not end in '/' or '#': the IRIs of entities are made by "
             "adding to it (%s/official/putin)",
             web ? "https://example.org/id" : "urn:example:id");
    // (another scheme's IRIs are taken as they are: tag:, ftp:...)
  } else {
    return false;
  }
  return true;
}

bool
ent_is_absolute_iri(const char *s)
{
  UriUriA uri;
  char *ascii = NULL;
  if (!parse_iri(s, &uri, &ascii)) {
    return false;
  }
  bool ok = uri.scheme.first && uri.scheme.afterLast > uri.scheme.first;
  // The web's schemes name a host: "https:/x/" and "http:///x" are
  // typing mistakes, not IRIs a browser or a store can use.
  const size_t scheme_len =
    ok ? (size_t)(uri.scheme.afterLast - uri.scheme.first) : 0;
  const bool web = (scheme_len == 4 && !strncasecmp(ascii, "http", 4)) ||
                   (scheme_len == 5 && !strncasecmp(ascii, "https", 5));
  if (ok && web) {
    ok = uri.hostText.first && uri.hostText.afterLast > uri.hostText.first;
  }
  // A "." or ".." segment is resolved away by some parsers and kept by
  // others (rapper reads Turtle's <http://x/a/../b> as <http://x/b>, its
  // N-Triples as written): one export would load as different nodes.  RDF
  // 1.1 asks for IRIs normalised as RFC 3987 says, which have none.
  ok = ok && !has_dot_segment(&uri);
  uriFreeUriMembersA(&uri);
  free(ascii);
  return ok;
}

static bool
is_leap(int y)
{
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

bool
ent_has_date_shape(const char *s)
{
  if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') {
    return false;
  }
  for (int i = 0; i < 10; ++i) {
    if (i != 4 && i != 7 && !is_digit(s[i])) {
      return false;
    }
  }
  return true;
}

bool
ent_parse_date(const char *s, int *y, int *m, int *d)
{
  if (!ent_has_date_shape(s)) {
    return false;
  }
  const int year =
    (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  const int month = (s[5] - '0') * 10 + (s[6] - '0');
  const int day = (s[8] - '0') * 10 + (s[9] - '0');
  static const int days_in[] = {
    31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
  };
  if (year < 1 || month < 1 || month > 12 || day < 1) {
    return false;
  }
  const int max = days_in[month - 1] + (month == 2 && is_leap(year) ? 1 : 0);
  if (day > max) {
    return false;
  }
  if (y) {
    *y = year;
  }
  if (m) {
    *m = month;
  }
  if (d) {
    *d = day;
  }
  return true;
}

int
ent_weekday(int y, int m, int d)
{
  // Sakamoto's method gives 0 = Sunday; shift so that 0 = Monday.
  static const int t[] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };
  if (m < 3) {
    y -= 1;
  }
  const int sunday0 = (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
  return (sunday0 + 6) % 7;
}

long
ent_day_number(int y, int m, int d)
{
  // Days from 1970-01-01 in the proleptic Gregorian calendar (the civil
  // algorithm: years from March, so that a leap day ends its year).
  const long year = (long)y - (m <= 2);
  const long era = (year >= 0 ? year : year - 399) / 400;
  const long of_era = year - era * 400;
  const long of_year = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const long of_cycle = of_era * 365 + of_era / 4 - of_era / 100 + of_year;
  return era * 146097 + of_cycle - 719468;
}

bool
ent_is_duration(const char *s)
{
  if (*s++ != 'P') {
    return false;
  }
  static const char date_units[] = "YMD";
  static const char time_units[] = "HMS";
  const char *units = date_units;
  size_t unit = 0;
  bool any = false;
  bool in_time = false;
  while (*s) {
    if (*s == 'T' && !in_time) {
      in_time = true;
      units = time_units;
      unit = 0;
      ++s;
      if (!*s) {
        return false;
      }
      continue;
    }
    if (!is_digit(*s)) {
      return false;
    }
    size_t digits = 0;
    while (is_digit(*s)) {
      ++s;
      if (++digits > 18) {
        return false;
      }
    }
    // XSD allows a fraction on the seconds alone (PT6.7S).
    const bool fraction = in_time && *s == '.';
    if (fraction) {
      ++s;
      if (!is_digit(*s)) {
        return false;
      }
      while (is_digit(*s)) {
        ++s;
        if (++digits > 36) {
          return false;
        }
      }
    }
    const char *u = strchr(units + unit, *s);
    if (!*s || !u || (fraction && *s != 'S')) {
      return false;
    }
    unit = (size_t)(u - units) + 1;
    any = true;
    ++s;
  }
  return any;
}

bool
ent_duration_words(const char *s, EntBuf *out)
{
  if (!s || !ent_is_duration(s)) {
    return false;
  }
  static const char *const date_words[] = { "year", "month", "day" };
  static const char *const time_words[] = { "hour", "minute", "second" };
  ent_buf_reset(out);
  bool in_time = false;
  for (const char *p = s + 1; *p;) {
    if (*p == 'T') {
      in_time = true;
      ++p;
      continue;
    }
    const char *number = p;
    while (is_digit(*p) || *p == '.') {
      ++p;
    }
    const char *units = in_time ? "HMS" : "YMD";
    const size_t unit = (size_t)(strchr(units, *p) - units);
    const bool one = p - number == 1 && *number == '1';
    if (ent_buf_appendf(out,
                        "%s%.*s %s%s",
                        out->len ? ", " : "",
                        (int)(p - number),
                        number,
                        (in_time ? time_words : date_words)[unit],
                        one ? "" : "s")) {
      return false;
    }
    ++p;
  }
  return out->len > 0;
}

bool
ent_is_count(const char *s)
{
  const size_t len = strlen(s);
  if (len == 0 || len > 18 || (len > 1 && s[0] == '0')) {
    return false;
  }
  for (size_t i = 0; i < len; ++i) {
    if (!is_digit(s[i])) {
      return false;
    }
  }
  return true;
}

bool
ent_has_text(const char *s)
{
  // A character a reader sees: a letter, a digit, a punctuation mark or a
  // symbol.  Spaces of any kind (a no-break space), format characters (a
  // zero-width space) and a combining mark alone make a name that looks
  // empty.  Bytes that are not UTF-8 count as text: the UTF-8 check that
  // follows says what is wrong with them.
  const size_t len = strlen(s);
  for (size_t i = 0; i < len;) {
    const unsigned char b = (unsigned char)s[i];
    if (b > 0x20 && b < 0x7F) {
      return true;
    }
    if (b < 0x80) {
      ++i;
      continue;
    }
    utf8proc_int32_t c = 0;
    const utf8proc_ssize_t step = utf8proc_iterate(
      (const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &c);
    if (step <= 0) {
      return true;
    }
    switch (utf8proc_category(c)) {
      case UTF8PROC_CATEGORY_ZS:
      case UTF8PROC_CATEGORY_ZL:
      case UTF8PROC_CATEGORY_ZP:
      case UTF8PROC_CATEGORY_CC:
      case UTF8PROC_CATEGORY_CF:
      case UTF8PROC_CATEGORY_MN:
      case UTF8PROC_CATEGORY_MC:
      case UTF8PROC_CATEGORY_ME:
        break;
      default:
        return true;
    }
    i += (size_t)step;
  }
  return false;
}

bool
ent_is_text(const char *s, size_t len)
{
  return ent_is_utf8(s, len) && ent_has_only_text_chars(s, len);
}

/// `at`, the offset ent_first_non_text_char() found, and its character in
/// `*code_point` (when not NULL).
static size_t
refused_at(const char *s, size_t at, uint32_t *code_point)
{
  if (code_point) {
    const unsigned char *p = (const unsigned char *)s + at;
    *code_point = next_code_point(&p);
  }
  return at;
}

size_t
ent_first_non_text_char(const char *s, size_t len, uint32_t *code_point)
{
  const unsigned char *p = (const unsigned char *)s;
  for (size_t i = 0; i < len; ++i) {
    // Printable ASCII, the common case, eight bytes at a time: no high
    // bit, no byte below 0x20, no 0x7F.
    while (i + 8 <= len) {
      uint64_t word;
      memcpy(&word, p + i, 8);
      const uint64_t ones = 0x0101010101010101ULL;
      const uint64_t high = 0x8080808080808080ULL;
      const uint64_t del = word ^ (0x7F * ones);
      if ((word & high) || ((word - 0x20 * ones) & ~word & high) ||
          ((del - ones) & ~del & high)) {
        break;
      }
      i += 8;
    }
    if (i >= len) {
      break;
    }
    if (p[i] >= 0x20 && p[i] < 0x7F) {
      continue;
    }
    // C0 controls but tab and line feed: RDF/XML cannot carry them and
    // raptor writes a bare carriage return into Turtle strings.
    if ((p[i] < 0x20 && p[i] != '\t' && p[i] != '\n') || p[i] == 0x7F) {
      return refused_at(s, i, code_point);
    }
    // C1 controls, U+0080..U+009F (C2 80..C2 9F): NEL, CSI and the like,
    // which terminals act on and readers never see.
    if (p[i] == 0xC2 && i + 1 < len && p[i + 1] >= 0x80 && p[i + 1] <= 0x9F) {
      return refused_at(s, i, code_point);
    }
    // U+FDD0..U+FDEF: EF B7 90..AF.
    if (p[i] == 0xEF && i + 2 < len && p[i + 1] == 0xB7 && p[i + 2] >= 0x90 &&
        p[i + 2] <= 0xAF) {
      return refused_at(s, i, code_point);
    }
    // U+xxFFFE and U+xxFFFF, which raptor's writers cut literals at: the
    // last two bytes of the sequence are BF BE or BF BF, after EF or after
    // a four-byte lead whose code point ends in F.
    if (i + 2 < len && p[i + 1] == 0xBF &&
        (p[i + 2] == 0xBE || p[i + 2] == 0xBF) &&
        (p[i] == 0xEF || ((p[i] & 0xC0) == 0x80 && (p[i] & 0x0F) == 0x0F &&
                          i > 0 && (p[i - 1] & 0xF8) == 0xF0))) {
      return refused_at(s, p[i] == 0xEF ? i : i - 1, code_point);
    }
  }
  return len;
}

bool
ent_has_only_text_chars(const char *s, size_t len)
{
  return ent_first_non_text_char(s, len, NULL) == len;
}

bool
ent_is_unsafe_scheme(const char *iri)
{
  // Schemes that run code or read local files when a reader follows the
  // link: no news source is one of these.
  static const char *const unsafe[] = {
    "javascript:", "vbscript:", "data:", "file:"
  };
  for (size_t i = 0; i < sizeof(unsafe) / sizeof(unsafe[0]); ++i) {
    if (!strncasecmp(iri, unsafe[i], strlen(unsafe[i]))) {
      return true;
    }
  }
  return false;
}

void
ent_text_position(const char *text,
                  size_t offset,
                  unsigned long *line,
                  unsigned long *column)
{
  unsigned long l = 1;
  unsigned long c = 1;
  // A byte order mark is not a column: no editor shows one.
  const size_t start = offset >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3) ? 3 : 0;
  for (size_t i = start; i < offset; ++i) {
    if (text[i] == '\n') {
      ++l;
      c = 1;
    } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
      ++c;
    }
  }
  *line = l;
  *column = c;
}

bool
ent_find_text(const char *text,
              size_t len,
              const char *needle,
              unsigned long *line,
              unsigned long *column)
{
  const size_t n = strlen(needle);
  for (size_t i = 0; i + n <= len; ++i) {
    if (!memcmp(text + i, needle, n)) {
      ent_text_position(text, i, line, column);
      return true;
    }
  }
  return false;
}

/// Where `token` occurs on line `line` (from 1) of `text[0..len)`, when it
/// occurs there exactly once: its column, else 0.  The line is found from
/// `cursor` when it is not past the line (a parser reports lines in
/// order: each message costs its own line, not the file up to it), and
/// `cursor` is left at the line.
static unsigned long
column_on_line(const char *text,
               size_t len,
               unsigned long line,
               const char *token,
               EntLineCursor *cursor)
{
  size_t at = 0;
  unsigned long l = 1;
  if (cursor && cursor->line && cursor->line <= line && cursor->at <= len) {
    at = cursor->at;
    l = cursor->line;
  }
  for (; l < line && at < len; ++at) {
    l += text[at] == '\n';
  }
  if (cursor) {
    cursor->line = l;
    cursor->at = at;
  }
  const char *eol = memchr(text + at, '\n', len - at);
  const size_t end = eol ? (size_t)(eol - text) : len;
  const size_t n = strlen(token);
  size_t found = SIZE_MAX;
  for (size_t i = at; n && i + n <= end; ++i) {
    if (!memcmp(text + i, token, n)) {
      if (found != SIZE_MAX) {
        return 0; // twice: which one is meant is not known
      }
      found = i;
    }
  }
  if (found == SIZE_MAX) {
    return 0;
  }
  // Counted from the line's start, where a byte order mark (the file's,
  // or an invisible U+FEFF opening a later line) is not a column.
  unsigned long same_line = 0;
  unsigned long column = 0;
  ent_text_position(text + at, found - at, &same_line, &column);
  return column;
}

void
ent_place_quoted(const char *message,
                 const char *text,
                 size_t len,
                 EntCaret *caret,
                 EntLineCursor *cursor)
{
  if (!message || !text || caret->column) {
    return;
  }
  // With a line, what it quotes in '...' ("syntax error at '@'"), when it
  // occurs on that line once; without, the first use of what it quotes
  // in "..." (an undeclared prefix).
  const char mark = caret->line ? '\'' : '"';
  const char *quote = strchr(message, mark);
  const char *end = quote ? strchr(quote + 1, mark) : NULL;
  if (!end || end - quote <= 1 || end - quote >= 256) {
    return;
  }
  char needle[256];
  snprintf(needle, sizeof(needle), "%.*s", (int)(end - quote - 1), quote + 1);
  if (caret->line) {
    caret->column = column_on_line(text, len, caret->line, needle, cursor);
    return;
  }
  unsigned long line = 0;
  unsigned long column = 0;
  if (ent_find_text(text, len, needle, &line, &column)) {
    caret->line = line;
    caret->column = column;
  }
}

const char *
ent_path_extension(const char *path, size_t *len)
{
  size_t end = strlen(path);
  if (end > 3 && !strcmp(path + end - 3, ".gz")) {
    end -= 3;
  }
  const char *slash = strrchr(path, '/');
  const char *name = slash ? slash + 1 : path;
  const char *dot = NULL;
  for (const char *c = name; c < path + end; ++c) {
    dot = *c == '.' ? c : dot;
  }
  if (!dot || dot == name) {
    return NULL;
  }
  *len = (size_t)(path + end - dot - 1);
  return dot + 1;
}

EntStatus
ent_buf_append_unescaped(EntBuf *b, const char *text)
{
  const size_t len = strlen(text);
  if (!memchr(text, '%', len)) {
    return ent_buf_append(b, text, len);
  }
  char *copy = malloc(len + 1);
  if (!copy) {
    return ENT_ERR_NO_MEMORY;
  }
  memcpy(copy, text, len + 1);
  const char *end = uriUnescapeInPlaceA(copy);
  const size_t n = end ? (size_t)(end - copy) : 0;
  // A %00 would end the string early: strlen() tells.  Shown only if a
  // reader sees what it says: no control or format character (C0, C1, a
  // right-to-left override), and not spaces alone.
  bool shown = end && strlen(copy) == n && ent_is_utf8(copy, n);
  bool visible = false;
  for (size_t i = 0; shown && i < n;) {
    utf8proc_int32_t c = 0;
    const utf8proc_ssize_t step = utf8proc_iterate(
      (const utf8proc_uint8_t *)copy + i, (utf8proc_ssize_t)(n - i), &c);
    if (step <= 0) {
      shown = false;
      break;
    }
    const utf8proc_category_t cat = utf8proc_category(c);
    shown = cat != UTF8PROC_CATEGORY_CC && cat != UTF8PROC_CATEGORY_CF &&
            cat != UTF8PROC_CATEGORY_ZL && cat != UTF8PROC_CATEGORY_ZP;
    visible = visible || (cat != UTF8PROC_CATEGORY_ZS && c != ' ');
    i += (size_t)step;
  }
  shown = shown && visible;
  const EntStatus st =
    shown ? ent_buf_append(b, copy, n) : ent_buf_append(b, text, len);
  free(copy);
  return st;
}
