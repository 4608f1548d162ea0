// SPDX-License-Identifier: MIT
// Streaming validation against the dataset's RELAX NG schema (see
// schema.h for the subset and why).  Compiling: the schema's XML becomes a
// tree of patterns; each element pattern gets the attribute names it
// allows, an automaton over its children's names and the datatype of its
// text.  Validating: one frame per open element.

#include "schema.h"

#include <libxml/parser.h>
#include <libxml/xmlautomata.h>
#include <libxml/xmlregexp.h>
#include <libxml/xmlschemastypes.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RNG_NS       "http://relaxng.org/ns/structure/1.0"
#define XSD_LIBRARY  "http://www.w3.org/2001/XMLSchema-datatypes"
#define XSD_TYPES_NS "http://www.w3.org/2001/XMLSchema"
#define XML_NS       "http://www.w3.org/XML/1998/namespace"
/// Distinct attribute names a schema may use (one bit each).
#define MAX_ATTRIBUTE_NAMES 64

typedef enum {
  PAT_EMPTY,
  PAT_TEXT,
  PAT_DATA,
  PAT_VALUE,
  PAT_LIST,
  PAT_ATTRIBUTE,
  PAT_ELEMENT,
  PAT_GROUP,
  PAT_CHOICE,
  PAT_OPTIONAL,
  PAT_ZERO_OR_MORE,
  PAT_ONE_OR_MORE,
  PAT_REF,
} PatKind;

typedef enum {
  CONTENT_EMPTY,    ///< Nothing but whitespace
  CONTENT_ELEMENTS, ///< Child elements and whitespace
  CONTENT_MIXED,    ///< Child elements and text
  CONTENT_TEXT,     ///< Any text, no elements
  CONTENT_DATA,     ///< Text that must match a datatype, no elements
} ContentKind;

typedef struct Pattern Pattern;
typedef struct ElementInfo ElementInfo;

struct Pattern {
  PatKind kind;
  const char *name; ///< Element/attribute local name, data type, value, ref
  const char *ns;   ///< Element/attribute namespace ("" for none)
  bool token;       ///< PAT_VALUE: compare with whitespace collapsed
  xmlSchemaTypePtr type; ///< PAT_DATA: NULL for xsd:string (anything)
  Pattern **kids;
  size_t n_kids;
  Pattern *target; ///< PAT_REF: the define's pattern
  uint64_t mask;   ///< Attribute names under it (not inside elements)
  bool mask_done;
  bool visiting;     ///< Cycle guard while compiling
  int attribute;     ///< PAT_ATTRIBUTE: index in the name table
  ElementInfo *info; ///< PAT_ELEMENT: compiled on first use
};

/// The kids of `p` as one group (an element's body, what an optional or
/// repetition holds), a copy that shares the kids.
static Pattern
kids_as_group(const Pattern *p)
{
  Pattern group = *p;
  group.kind = PAT_GROUP;
  return group;
}

typedef struct {
  const char *name;
  const char *ns;
  ElementInfo *info;
} Child;

struct ElementInfo {
  const Pattern *pattern;
  const Pattern *attribute_of[MAX_ATTRIBUTE_NAMES];
  ContentKind content;
  const Pattern *data; ///< CONTENT_DATA
  bool data_checked;   ///< CONTENT_DATA: the datatype constrains the text
  xmlRegexpPtr children_regexp;
  Child *children;
  size_t n_children;
  size_t cap_children;
};

typedef struct {
  const char *name;
  const char *ns;
} AttributeName;

struct EntSchemaImpl {
  EntPool strings;
  Pattern **patterns; ///< Every pattern, for freeing
  size_t n_patterns;
  size_t cap_patterns;
  ElementInfo **infos;
  size_t n_infos;
  size_t cap_infos;
  EntMap defines;
  AttributeName attributes[MAX_ATTRIBUTE_NAMES];
  int n_attributes;
  Pattern *start_element; ///< The document as a pseudo-element
  char *error;            ///< Where compile errors go
  bool failed;
};

// ---- Compiling: the schema's XML into patterns --------------------------

static void compile_error(EntSchema *s, const char *fmt, ...) ENT_PRINTF(2, 3);

static void
compile_error(EntSchema *s, const char *fmt, ...)
{
  if (s->failed) {
    return;
  }
  s->failed = true;
  va_list args;
  va_start(args, fmt);
  vsnprintf(s->error, 256, fmt, args);
  va_end(args);
}

static Pattern *
new_pattern(EntSchema *s, PatKind kind)
{
  Pattern *p = calloc(1, sizeof(Pattern));
  if (!p ||
      ent_grow(
        &s->patterns, &s->cap_patterns, s->n_patterns, sizeof(Pattern *), 64)) {
    free(p);
    compile_error(s, "out of memory");
    return NULL;
  }
  p->kind = kind;
  p->ns = "";
  p->attribute = -1;
  s->patterns[s->n_patterns++] = p;
  return p;
}

static void
add_kid(EntSchema *s, Pattern *p, Pattern *kid)
{
  if (!kid) {
    return;
  }
  Pattern **kids = realloc(p->kids, (p->n_kids + 1) * sizeof(Pattern *));
  if (!kids) {
    compile_error(s, "out of memory");
    return;
  }
  p->kids = kids;
  p->kids[p->n_kids++] = kid;
}

static bool
is_rng(const xmlNode *node, const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns &&
         !strcmp((const char *)node->ns->href, RNG_NS) &&
         (!name || !strcmp((const char *)node->name, name));
}

/// An attribute of a schema element, interned, or NULL.
static const char *
schema_attr(EntSchema *s, const xmlNode *node, const char *name)
{
  xmlChar *value = xmlGetNoNsProp(node, (const xmlChar *)name);
  if (!value) {
    return NULL;
  }
  // Attribute values in RELAX NG schemas are tokens.
  const char *start = (const char *)value;
  size_t len = strlen(start);
  while (len && strchr(" \t\r\n", *start)) {
    ++start;
    --len;
  }
  while (len && strchr(" \t\r\n", start[len - 1])) {
    --len;
  }
  const char *copy = ent_pool_copy(&s->strings, start, len);
  xmlFree(value);
  if (!copy) {
    compile_error(s, "out of memory");
  }
  return copy;
}

typedef struct {
  const char *ns;      ///< Inherited ns attribute
  const char *library; ///< Inherited datatypeLibrary
} Context;

static Pattern *parse_pattern(EntSchema *s, const xmlNode *node, Context ctx);
static const char *collapse(EntBuf *out, const char *s);

/// The RELAX NG children of `node` as one pattern (a group when several).
static Pattern *
parse_children(EntSchema *s, const xmlNode *node, Context ctx, PatKind kind)
{
  Pattern *p = new_pattern(s, kind);
  for (const xmlNode *kid = node->children; p && kid; kid = kid->next) {
    if (is_rng(kid, NULL)) {
      add_kid(s, p, parse_pattern(s, kid, ctx));
    } else if (kid->type == XML_ELEMENT_NODE) {
      continue; // annotations in other namespaces
    } else if (kid->type == XML_TEXT_NODE && !xmlIsBlankNode(kid)) {
      compile_error(s, "text inside <%s> in the schema", node->name);
    }
  }
  return p;
}

static Pattern *
parse_pattern(EntSchema *s, const xmlNode *node, Context ctx)
{
  const char *ns = schema_attr(s, node, "ns");
  const char *library = schema_attr(s, node, "datatypeLibrary");
  ctx.ns = ns ? ns : ctx.ns;
  ctx.library = library ? library : ctx.library;
  const char *what = (const char *)node->name;
  if (!strcmp(what, "element") || !strcmp(what, "attribute")) {
    const bool element = what[0] == 'e';
    const char *name = schema_attr(s, node, "name");
    if (!name) {
      compile_error(s, "<%s> without a name attribute is not supported", what);
      return NULL;
    }
    Pattern *p =
      parse_children(s, node, ctx, element ? PAT_ELEMENT : PAT_ATTRIBUTE);
    if (!p) {
      return NULL;
    }
    const char *colon = strchr(name, ':');
    if (colon) {
      if (strncmp(name, "xml:", 4) != 0) {
        compile_error(s, "prefixed name '%s' is not supported", name);
      }
      p->name = colon + 1;
      p->ns = XML_NS;
    } else {
      p->name = name;
      // An attribute's name has no namespace unless it says so.
      p->ns = element ? ctx.ns : (ns ? ns : "");
    }
    if (!element && p->n_kids == 0) {
      add_kid(s, p, new_pattern(s, PAT_TEXT));
    }
    return p;
  }
  static const struct {
    const char *name;
    PatKind kind;
  } containers[] = {
    { "group", PAT_GROUP },           { "choice", PAT_CHOICE },
    { "optional", PAT_OPTIONAL },     { "zeroOrMore", PAT_ZERO_OR_MORE },
    { "oneOrMore", PAT_ONE_OR_MORE }, { "list", PAT_LIST },
  };
  for (size_t i = 0; i < sizeof(containers) / sizeof(containers[0]); ++i) {
    if (!strcmp(what, containers[i].name)) {
      return parse_children(s, node, ctx, containers[i].kind);
    }
  }
  if (!strcmp(what, "ref")) {
    Pattern *p = new_pattern(s, PAT_REF);
    if (p) {
      p->name = schema_attr(s, node, "name");
    }
    return p;
  }
  if (!strcmp(what, "text") || !strcmp(what, "empty")) {
    return new_pattern(s, what[0] == 't' ? PAT_TEXT : PAT_EMPTY);
  }
  if (!strcmp(what, "data") || !strcmp(what, "value")) {
    const bool data = what[0] == 'd';
    const char *type = schema_attr(s, node, "type");
    const char *lib = ctx.library ? ctx.library : "";
    Pattern *p = new_pattern(s, data ? PAT_DATA : PAT_VALUE);
    if (!p) {
      return NULL;
    }
    for (const xmlNode *kid = node->children; kid; kid = kid->next) {
      if (kid->type == XML_ELEMENT_NODE) {
        compile_error(s, "<%s> with parameters is not supported", what);
      }
    }
    if (!type && !data) {
      type = "token";
      lib = "";
    }
    if (!type) {
      compile_error(s, "<data> without a type");
      return NULL;
    }
    if (!*lib && (!strcmp(type, "string") || !strcmp(type, "token"))) {
      p->token = !strcmp(type, "token");
    } else if (!strcmp(lib, XSD_LIBRARY)) {
      if (!strcmp(type, "string")) {
        p->type = NULL;
      } else if (!data) {
        compile_error(s, "<value type='%s'> is not supported", type);
      } else {
        p->type = xmlSchemaGetPredefinedType((const xmlChar *)type,
                                             (const xmlChar *)XSD_TYPES_NS);
        if (!p->type) {
          compile_error(s, "unknown XML Schema datatype '%s'", type);
        }
      }
    } else {
      compile_error(s, "datatype library '%s' is not supported", lib);
    }
    p->name = type;
    if (!data) {
      xmlChar *text = xmlNodeGetContent(node);
      EntBuf collapsed = { NULL, 0, 0 };
      const char *value = text ? (const char *)text : "";
      if (p->token) { // compared with the instance's value collapsed too
        value = collapse(&collapsed, value);
      }
      p->name = value ? ent_pool_copy(&s->strings, value, strlen(value)) : NULL;
      xmlFree(text);
      ent_buf_free(&collapsed);
      if (!p->name) {
        compile_error(s, "out of memory");
      }
    }
    return p;
  }
  compile_error(s, "<%s> is not supported by entente's schema validator", what);
  return NULL;
}

static void
parse_grammar(EntSchema *s, const xmlNode *grammar)
{
  Context ctx = { schema_attr(s, grammar, "ns"),
                  schema_attr(s, grammar, "datatypeLibrary") };
  ctx.ns = ctx.ns ? ctx.ns : "";
  Pattern *start = NULL;
  for (const xmlNode *kid = grammar->children; kid && !s->failed;
       kid = kid->next) {
    if (is_rng(kid, "start")) {
      if (start) {
        compile_error(s, "more than one <start>");
      }
      start = parse_children(s, kid, ctx, PAT_GROUP);
    } else if (is_rng(kid, "define")) {
      const char *name = schema_attr(s, kid, "name");
      if (!name || schema_attr(s, kid, "combine")) {
        compile_error(s, "<define> needs a name and no combine");
        return;
      }
      if (ent_map_get(&s->defines, name)) {
        compile_error(s, "'%s' is defined twice", name);
        return;
      }
      Pattern *body = parse_children(s, kid, ctx, PAT_GROUP);
      if (body && ent_map_put(&s->defines, name, body)) {
        compile_error(s, "out of memory");
      }
    } else if (is_rng(kid, NULL)) {
      compile_error(s, "<%s> in <grammar> is not supported", kid->name);
    }
  }
  if (!start && !s->failed) {
    compile_error(s, "no <start>");
  }
  // The document itself: an element whose content is the start pattern.
  s->start_element = start ? new_pattern(s, PAT_ELEMENT) : NULL;
  if (s->start_element) {
    s->start_element->name = "";
    add_kid(s, s->start_element, start);
  }
}

static void
resolve_refs(EntSchema *s)
{
  for (size_t i = 0; i < s->n_patterns && !s->failed; ++i) {
    Pattern *p = s->patterns[i];
    if (p->kind == PAT_REF) {
      p->target = p->name ? ent_map_get(&s->defines, p->name) : NULL;
      if (!p->target) {
        compile_error(s, "reference to undefined '%s'", p->name ? p->name : "");
      }
    }
  }
}

// ---- Compiling: what each element allows -------------------------------

/// The index of an attribute name in the schema's table, or -1.
static int
find_attribute(const EntSchema *s, const char *name, const char *ns)
{
  for (int i = 0; i < s->n_attributes; ++i) {
    if (!strcmp(s->attributes[i].name, name) &&
        !strcmp(s->attributes[i].ns, ns)) {
      return i;
    }
  }
  return -1;
}

/// The index of an attribute name, added to the table if it is new.
static int
attribute_index(EntSchema *s, const char *name, const char *ns)
{
  const int found = find_attribute(s, name, ns);
  if (found >= 0) {
    return found;
  }
  if (s->n_attributes == MAX_ATTRIBUTE_NAMES) {
    compile_error(s, "more than %d attribute names", MAX_ATTRIBUTE_NAMES);
    return -1;
  }
  s->attributes[s->n_attributes] = (AttributeName){ name, ns };
  return s->n_attributes++;
}

static int content_of(const Pattern *p);

/// The attribute names under `p`, not looking into elements.
static uint64_t
mask_of(EntSchema *s, Pattern *p)
{
  if (p->mask_done || s->failed) {
    return p->mask;
  }
  if (p->visiting) {
    compile_error(s, "a define refers to itself outside any element");
    return 0;
  }
  p->visiting = true;
  uint64_t mask = 0;
  switch (p->kind) {
    case PAT_ATTRIBUTE:
      p->attribute = attribute_index(s, p->name, p->ns);
      mask = p->attribute >= 0 ? UINT64_C(1) << p->attribute : 0;
      break;
    case PAT_ELEMENT:
      break;
    case PAT_REF:
      mask = mask_of(s, p->target);
      break;
    default:
      for (size_t i = 0; i < p->n_kids; ++i) {
        mask |= mask_of(s, p->kids[i]);
      }
      if (mask && (p->kind == PAT_ZERO_OR_MORE || p->kind == PAT_ONE_OR_MORE ||
                   p->kind == PAT_LIST)) {
        compile_error(s,
                      "attributes inside <zeroOrMore>, <oneOrMore> or "
                      "<list> are not supported");
      }
      // Attributes and content are checked apart, which is only right
      // when no alternative ties an attribute to content.
      if (mask && (p->kind == PAT_OPTIONAL || p->kind == PAT_CHOICE) &&
          content_of(p)) {
        compile_error(s,
                      "attributes and elements or text in one <optional> or "
                      "<choice> are not supported");
      }
  }
  p->visiting = false;
  p->mask = mask;
  p->mask_done = true;
  return mask;
}

enum { HAS_ELEMENT = 1, HAS_TEXT = 2, HAS_DATA = 4 };

/// What the content part of `p` holds (attributes' values not counted).
static int
content_of(const Pattern *p)
{
  switch (p->kind) {
    case PAT_ELEMENT:
      return HAS_ELEMENT;
    case PAT_TEXT:
      return HAS_TEXT;
    case PAT_DATA:
    case PAT_VALUE:
    case PAT_LIST:
      return HAS_DATA;
    case PAT_ATTRIBUTE:
    case PAT_EMPTY:
      return 0;
    case PAT_REF:
      return content_of(p->target);
    default: {
      int flags = 0;
      for (size_t i = 0; i < p->n_kids; ++i) {
        flags |= content_of(p->kids[i]);
      }
      return flags;
    }
  }
}

/// The one part of an element's body that holds its datatype.
static const Pattern *
find_data(EntSchema *s, const Pattern *p)
{
  if (!p->mask) {
    return p;
  }
  if (p->kind == PAT_REF) {
    return find_data(s, p->target);
  }
  if (p->kind == PAT_GROUP) {
    const Pattern *found = NULL;
    for (size_t i = 0; i < p->n_kids; ++i) {
      if (content_of(p->kids[i]) & HAS_DATA) {
        if (found) {
          compile_error(s, "two datatypes in one element");
        }
        found = find_data(s, p->kids[i]);
      }
    }
    return found;
  }
  compile_error(s,
                "a datatype mixed with attributes in <%s> is not supported",
                p->kind == PAT_CHOICE ? "choice" : "optional");
  return NULL;
}

/// Whether the datatype part constrains the text at all.
static bool
data_constrains(const Pattern *p)
{
  switch (p->kind) {
    case PAT_DATA:
      return p->type != NULL;
    case PAT_TEXT:
      return false;
    case PAT_REF:
      return data_constrains(p->target);
    case PAT_GROUP:
      return p->n_kids != 1 || data_constrains(p->kids[0]);
    default:
      return true;
  }
}

/// XML Schema types whose check needs more than the value (a node for
/// QName prefixes, the whole document for ID uniqueness): not supported.
static bool
needs_context(const char *type)
{
  static const char *const types[] = { "ID",       "IDREF",  "IDREFS",  "QName",
                                       "NOTATION", "ENTITY", "ENTITIES" };
  for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); ++i) {
    if (!strcmp(type, types[i])) {
      return true;
    }
  }
  return false;
}

static void check_simple_value(EntSchema *s, const Pattern *p, int depth);

/// What value_ok() and list_ok() implement: anything else is refused
/// here rather than judged wrongly later.
static void
check_value_pattern(EntSchema *s, const Pattern *p)
{
  if (s->failed) {
    return;
  }
  for (int depth = 0;
       p->kind == PAT_REF || (p->kind == PAT_GROUP && p->n_kids == 1);
       ++depth) {
    if (depth > 64) {
      compile_error(s, "a value pattern refers to itself or nests too deep");
      return;
    }
    p = p->kind == PAT_REF ? p->target : p->kids[0];
  }
  if (p->kind != PAT_LIST) {
    check_simple_value(s, p, 0);
    return;
  }

  Pattern *const *kids = p->kids;
  size_t n_kids = p->n_kids;
  while (n_kids == 1 && kids[0]->kind == PAT_GROUP) {
    n_kids = kids[0]->n_kids;
    kids = kids[0]->kids;
  }
  if (n_kids == 1 &&
      (kids[0]->kind == PAT_ONE_OR_MORE || kids[0]->kind == PAT_ZERO_OR_MORE)) {
    if (kids[0]->n_kids != 1) {
      compile_error(s, "a <list> repeats more than one item");
      return;
    }
    check_simple_value(s, kids[0]->kids[0], 0);
    return;
  }
  if (n_kids == 0) {
    compile_error(s, "an empty <list> is not supported");
  }
  for (size_t i = 0; i < n_kids; ++i) {
    check_simple_value(s, kids[i], 0);
  }
}

/// One token or value: data, value, text, a choice of those, or a ref or
/// a group of one that is one.
static void
check_simple_value(EntSchema *s, const Pattern *p, int depth)
{
  if (s->failed) {
    return;
  }
  if (depth > 64) {
    compile_error(s, "a value pattern refers to itself or nests too deep");
    return;
  }
  switch (p->kind) {
    case PAT_DATA:
      if (p->type && needs_context(p->name)) {
        compile_error(s, "the datatype xsd:%s is not supported", p->name);
      }
      return;
    case PAT_VALUE:
    case PAT_TEXT:
      return;
    case PAT_REF:
      check_simple_value(s, p->target, depth + 1);
      return;
    case PAT_GROUP:
      if (p->n_kids == 1) {
        check_simple_value(s, p->kids[0], depth + 1);
        return;
      }
      break;
    case PAT_CHOICE:
      for (size_t i = 0; i < p->n_kids; ++i) {
        check_simple_value(s, p->kids[i], depth + 1);
      }
      return;
    default:
      break;
  }
  compile_error(s,
                "this value pattern is not supported (only data, value, "
                "text, choice, and lists of one repeated item or of items "
                "in order)");
}

static ElementInfo *element_info(EntSchema *s, Pattern *element);

/// Record every attribute pattern of the element under `p`.
static void
collect_attributes(EntSchema *s, ElementInfo *info, const Pattern *p)
{
  if (p->kind == PAT_ELEMENT || !p->mask) {
    return;
  }
  if (p->kind == PAT_ATTRIBUTE) {
    check_value_pattern(s, p->kids[0]);
    if (info->attribute_of[p->attribute]) {

      compile_error(
        s, "attribute '%s' appears twice in one element's pattern", p->name);
    }
    info->attribute_of[p->attribute] = p;
    return;
  }
  if (p->kind == PAT_REF) {
    collect_attributes(s, info, p->target);
    return;
  }
  for (size_t i = 0; i < p->n_kids; ++i) {
    collect_attributes(s, info, p->kids[i]);
  }
}

static void
add_child(EntSchema *s, ElementInfo *info, Pattern *element)
{
  for (size_t i = 0; i < info->n_children; ++i) {
    const Child *c = &info->children[i];
    if (!strcmp(c->name, element->name) && !strcmp(c->ns, element->ns)) {
      if (c->info->pattern != element) {
        compile_error(
          s, "two different <%s> elements in one content model", element->name);
      }
      return;
    }
  }
  if (ent_grow(&info->children,
               &info->cap_children,
               info->n_children,
               sizeof(Child),
               8)) {
    compile_error(s, "out of memory");
    return;
  }
  info->children[info->n_children++] =
    (Child){ element->name, element->ns, NULL };
  // Compiled after the slot exists: recursive schemas come back here.
  ElementInfo *child = element_info(s, element);
  info->children[info->n_children - 1].info = child;
}

/// Thompson construction of the automaton over child element names; the
/// state after `p` when starting from `from`.
static xmlAutomataStatePtr
build_automaton(EntSchema *s,
                ElementInfo *info,
                xmlAutomataPtr am,
                xmlAutomataStatePtr from,
                Pattern *p)
{
  if (!from || s->failed) {
    return NULL;
  }
  switch (p->kind) {
    case PAT_ELEMENT:
      add_child(s, info, p);
      return xmlAutomataNewTransition2(
        am, from, NULL, (const xmlChar *)p->name, (const xmlChar *)p->ns, p);
    case PAT_REF:
      return build_automaton(s, info, am, from, p->target);
    case PAT_GROUP: {
      xmlAutomataStatePtr at = from;
      for (size_t i = 0; i < p->n_kids; ++i) {
        at = build_automaton(s, info, am, at, p->kids[i]);
      }
      return at;
    }
    case PAT_CHOICE: {
      xmlAutomataStatePtr end = xmlAutomataNewState(am);
      for (size_t i = 0; i < p->n_kids; ++i) {
        xmlAutomataNewEpsilon(
          am, build_automaton(s, info, am, from, p->kids[i]), end);
      }
      return end;
    }
    case PAT_OPTIONAL: {
      xmlAutomataStatePtr end = xmlAutomataNewState(am);
      xmlAutomataNewEpsilon(am, from, end);
      Pattern group = kids_as_group(p);
      xmlAutomataNewEpsilon(
        am, build_automaton(s, info, am, from, &group), end);
      return end;
    }
    case PAT_ZERO_OR_MORE:
    case PAT_ONE_OR_MORE: {
      Pattern group = kids_as_group(p);
      xmlAutomataStatePtr loop = xmlAutomataNewState(am);
      if (p->kind == PAT_ONE_OR_MORE) {
        xmlAutomataNewEpsilon(
          am, build_automaton(s, info, am, from, &group), loop);
      } else {
        xmlAutomataNewEpsilon(am, from, loop);
      }
      xmlAutomataNewEpsilon(
        am, build_automaton(s, info, am, loop, &group), loop);
      return loop;
    }
    default: // attributes, text, data: no child element
      return from;
  }
}

static ElementInfo *
element_info(EntSchema *s, Pattern *element)
{
  if (element->info || s->failed) {
    return element->info;
  }
  ElementInfo *info = calloc(1, sizeof(ElementInfo));
  if (!info ||
      ent_grow(
        &s->infos, &s->cap_infos, s->n_infos, sizeof(ElementInfo *), 32)) {
    free(info);
    compile_error(s, "out of memory");
    return NULL;
  }
  s->infos[s->n_infos++] = info;
  element->info = info;
  info->pattern = element;
  Pattern body = kids_as_group(element);
  body.mask_done = false;
  body.info = NULL;
  mask_of(s, &body);
  if (s->failed) { // e.g. a cycle of defines, which content_of() would loop on
    return info;
  }
  collect_attributes(s, info, &body);
  const int flags = content_of(&body);
  if (flags & HAS_DATA) {
    if (flags & (HAS_ELEMENT | HAS_TEXT)) {
      compile_error(
        s, "<%s> mixes a datatype with elements or text", element->name);
      return info;
    }
    info->content = CONTENT_DATA;
    const Pattern *data = find_data(s, &body);
    if (data == &body) { // the body is nothing but its datatype
      data = body.n_kids == 1 ? body.kids[0] : NULL;
    }
    if (!data) {
      compile_error(s, "<%s> has no single datatype", element->name);
      return info;
    }
    check_value_pattern(s, data);
    info->data = data;
    info->data_checked = data_constrains(data);
    return info;
  }
  if (!(flags & HAS_ELEMENT)) {
    info->content = flags & HAS_TEXT ? CONTENT_TEXT : CONTENT_EMPTY;
    return info;
  }
  if (flags & HAS_TEXT) {
    // Where text may go between elements would need an automaton over
    // text too; no dataset element mixes them.
    compile_error(
      s, "<%s> mixes text and elements (mixed content)", element->name);
    return info;
  }
  info->content = CONTENT_ELEMENTS;
  xmlAutomataPtr am = xmlNewAutomata();
  if (!am) {
    compile_error(s, "out of memory");
    return info;
  }
  xmlAutomataStatePtr end =
    build_automaton(s, info, am, xmlAutomataGetInitState(am), &body);
  if (end && !s->failed) {
    xmlAutomataSetFinalState(am, end);
    info->children_regexp = xmlAutomataCompile(am);
    if (!info->children_regexp) {
      compile_error(s, "the content of <%s> does not compile", element->name);
    }
  }
  xmlFreeAutomata(am);
  return info;
}

EntStatus
ent_schema_compile(const char *rng,
                   size_t size,
                   EntSchema **out,
                   char error[256])
{
  *out = NULL;
  error[0] = '\0';
  if (size > INT32_MAX) {
    snprintf(error, 256, "the schema is too large");
    return ENT_ERR_INTERNAL;
  }
  EntSchema *s = calloc(1, sizeof(EntSchema));
  if (!s) {
    snprintf(error, 256, "out of memory");
    return ENT_ERR_NO_MEMORY;
  }
  s->error = error;
  ent_pool_init(&s->strings);
  ent_map_init(&s->defines);
  xmlSchemaInitTypes();
  xmlDocPtr doc = xmlReadMemory(rng,
                                (int)size,
                                "schema.rng",
                                NULL,
                                XML_PARSE_NONET | XML_PARSE_NOCDATA |
                                  XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

  const xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
  if (!root || !is_rng(root, "grammar")) {
    compile_error(s, "the schema is not a RELAX NG <grammar>");
  } else {
    parse_grammar(s, root);
    resolve_refs(s);
    if (!s->failed) {
      element_info(s, s->start_element);
    }
  }
  xmlFreeDoc(doc);
  s->error = NULL;
  if (s->failed) {
    ent_schema_free(s);
    return ENT_ERR_INTERNAL;
  }
  *out = s;
  return ENT_SUCCESS;
}

void
ent_schema_free(EntSchema *schema)
{
  if (!schema) {
    return;
  }
  for (size_t i = 0; i < schema->n_infos; ++i) {
    xmlRegFreeRegexp(schema->infos[i]->children_regexp);
    free(schema->infos[i]->children);
    free(schema->infos[i]);
  }
  for (size_t i = 0; i < schema->n_patterns; ++i) {
    free(schema->patterns[i]->kids);
    free(schema->patterns[i]);
  }
  free(schema->infos);
  free(schema->patterns);
  ent_map_clear(&schema->defines);
  ent_pool_clear(&schema->strings);
  free(schema);
}

// ---- Validating ---------------------------------------------------------

typedef struct {
  const ElementInfo *info;
  xmlRegExecCtxtPtr exec;
  EntBuf text; ///< CONTENT_DATA with a datatype: the text so far
  unsigned long line;
  unsigned long ordinal; ///< It is the Nth start tag of the document
  /// A child broke the content model, and was reported: libxml2's automaton
  /// refuses everything after one refusal, so the rest of the children are
  /// not matched against it (one error per element, not one per child).
  bool content_failed;
} Frame;

/// Errors reported before a run stops: enough to fix a file in one go,
/// few enough that a file of the wrong kind does not scroll them away.
enum { MAX_SCHEMA_ERRORS = 20 };

struct EntSchemaRunImpl {
  const EntSchema *schema;
  EntSchemaErrorFn on_error;
  void *handle;
  Frame *frames; ///< frames[0] is the document
  size_t depth;
  size_t cap;
  EntStatus status;
  EntBuf scratch;
  unsigned long elements;   ///< Start tags so far
  unsigned long at_element; ///< The start tag errors point at, or 0
  unsigned errors;          ///< Reported so far
  unsigned long skip;       ///< Inside an element not validated: its depth
};

static void run_error(EntSchemaRun *run,
                      unsigned long line,
                      const char *fmt,
                      ...) ENT_PRINTF(3, 4);

static void
run_error(EntSchemaRun *run, unsigned long line, const char *fmt, ...)
{
  if (run->status) {
    return;
  }
  char message[768];
  va_list args;
  va_start(args, fmt);
  vsnprintf(message, sizeof(message), fmt, args);
  va_end(args);
  run->on_error(run->handle, line, run->at_element, message);
  if (++run->errors >= MAX_SCHEMA_ERRORS) {
    run->status = ENT_ERR_SCHEMA;
    char stop[96];
    snprintf(stop,
             sizeof(stop),
             "schema: stopped after %u errors; fix these and try again",
             run->errors);
    run->on_error(run->handle, 0, 0, stop);
  }
}

/// An error after which nothing else in the document can be judged.
static void
run_fatal(EntSchemaRun *run, unsigned long line, const char *message)
{
  run_error(run, line, "%s", message);
  run->status = ENT_ERR_SCHEMA;
}

static bool
is_space(int c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool
is_blank(const char *s)
{
  while (*s && is_space((unsigned char)*s)) {
    ++s;
  }
  return !*s;
}

/// `s` with XML whitespace collapsed (in `out`).
static const char *
collapse(EntBuf *out, const char *s)
{
  ent_buf_reset(out);
  bool space = false;
  for (; *s; ++s) {
    if (is_space((unsigned char)*s)) {
      space = out->len > 0;
      continue;
    }
    if (space && ent_buf_append(out, " ", 1)) {
      return NULL;
    }
    space = false;
    if (ent_buf_append(out, s, 1)) {
      return NULL;
    }
  }
  return out->buf ? out->buf : "";
}

/// At most `max` bytes of `text` for a message, in `out` (256 bytes):
/// never cut inside a UTF-8 character, line breaks and other controls
/// shown as spaces, "..." when cut.
static const char *
snippet(char out[256], const char *text, size_t max)
{
  size_t n = 0;
  const unsigned char *p = (const unsigned char *)text;
  while (p[n] && n < max && n < 250) {
    ++n;
  }
  n = ent_utf8_back(text, n); // back to the start of the character cut
  for (size_t i = 0; i < n; ++i) {
    out[i] = p[i] < 0x20 || p[i] == 0x7F ? ' ' : (char)p[i];
  }
  snprintf(out + n, 256 - n, "%s", p[n] ? "..." : "");
  return out;
}

static bool value_ok(EntSchemaRun *run, const Pattern *p, const char *value);

/// A list: whitespace-separated tokens against its content (one item, a
/// zeroOrMore/oneOrMore of one item, or items in order).
static bool
list_ok(EntSchemaRun *run, const Pattern *list, const char *value)
{
  Pattern *const *kids = list->kids;
  size_t n_kids = list->n_kids;
  while (n_kids == 1 && kids[0]->kind == PAT_GROUP) {
    n_kids = kids[0]->n_kids;
    kids = kids[0]->kids;
  }
  const bool repeated = n_kids == 1 && (kids[0]->kind == PAT_ONE_OR_MORE ||
                                        kids[0]->kind == PAT_ZERO_OR_MORE);
  const Pattern item =
    kids_as_group(repeated ? kids[0] : &(Pattern){ .kind = PAT_EMPTY });
  EntBuf copy = { NULL, 0, 0 };
  if (ent_buf_append(&copy, value, strlen(value))) {
    run->status = ENT_ERR_NO_MEMORY;
    return false;
  }
  size_t count = 0;
  bool ok = true;
  char *save = NULL;
  for (char *t = strtok_r(copy.buf, " \t\r\n", &save); ok && t;
       t = strtok_r(NULL, " \t\r\n", &save)) {
    ok = repeated ? value_ok(run, &item, t)
                  : count < n_kids && value_ok(run, kids[count], t);
    ++count;
  }
  ent_buf_free(&copy);
  if (repeated) {
    return ok && (count > 0 || kids[0]->kind == PAT_ZERO_OR_MORE);
  }
  return ok && count == n_kids;
}

static bool
value_ok(EntSchemaRun *run, const Pattern *p, const char *value)
{
  switch (p->kind) {
    case PAT_TEXT:
      return true;
    case PAT_EMPTY:
      return !*value;
    case PAT_DATA:
      return !p->type || xmlSchemaValPredefTypeNode(
                           p->type, (const xmlChar *)value, NULL, NULL) == 0;
    case PAT_VALUE: {
      if (!p->token) {
        return !strcmp(value, p->name);
      }
      const char *have = collapse(&run->scratch, value);
      return have && !strcmp(have, p->name); // p->name is collapsed already
    }
    case PAT_LIST:
      return list_ok(run, p, value);
    case PAT_REF:
      return value_ok(run, p->target, value);
    case PAT_CHOICE:
      for (size_t i = 0; i < p->n_kids; ++i) {
        if (value_ok(run, p->kids[i], value)) {
          return true;
        }
      }
      return false;
    case PAT_GROUP:
      if (p->n_kids == 1) {
        return value_ok(run, p->kids[0], value);
      }
      return false;
    default:
      return false;
  }
}

/// How a value of XML Schema datatype `name` is written, for a message.
static const char *
example_of(const char *name)
{
  static const char *const examples[][2] = {
    { "language", " (a language tag: en, ru, hy-Latn, zh-Hans)" },
    { "date", " (YYYY-MM-DD: 2025-03-24)" },
    { "duration", " (PT12H, P2D)" },
    { "anyURI", " (an IRI: https://...)" },
    { "boolean", " (true or false)" },
    { "nonNegativeInteger", " (0, 1, 2...)" },
    { "positiveInteger", " (1, 2, 3...)" },
  };
  for (size_t i = 0; i < sizeof(examples) / sizeof(*examples); ++i) {
    if (!strcmp(name, examples[i][0])) {
      return examples[i][1];
    }
  }
  return "";
}

/// For a value `p` refuses: ": there is no such date" when `p` is an
/// xsd:date and the value has a date's shape (2025-02-30), else "".
static const char *
refusal_note(const Pattern *p, const char *value)
{
  // Through references and groups of one pattern, as describe() reads.
  while (p && (p->kind == PAT_REF ||
               (p->kind != PAT_DATA && p->kind != PAT_CHOICE &&
                p->kind != PAT_LIST && p->kind != PAT_ONE_OR_MORE &&
                p->kind != PAT_ZERO_OR_MORE && p->n_kids == 1))) {
    p = p->kind == PAT_REF ? p->target : p->kids[0];
  }
  if (!p || p->kind != PAT_DATA || !p->type || strcmp(p->name, "date") != 0) {
    return "";
  }
  return ent_has_date_shape(value) ? ": there is no such date" : "";
}

/// What `p` accepts, for messages.
static void
describe(EntBuf *out, const Pattern *p)
{
  switch (p->kind) {
    case PAT_DATA:
      if (p->type) {
        ent_buf_appendf(out, "a valid xsd:%s%s", p->name, example_of(p->name));
      } else {
        ent_buf_appendf(out, "text");
      }
      break;
    case PAT_VALUE:
      ent_buf_appendf(out, "'%s'", p->name);
      break;
    case PAT_TEXT:
      ent_buf_appendf(out, "text");
      break;
    case PAT_EMPTY:
      ent_buf_appendf(out, "nothing");
      break;
    case PAT_LIST:
      ent_buf_appendf(out, "a space-separated list of ");
      for (size_t i = 0; i < p->n_kids; ++i) {
        describe(out, p->kids[i]);
      }
      break;
    case PAT_ONE_OR_MORE:
    case PAT_ZERO_OR_MORE:
      ent_buf_appendf(out,
                      "%s values",
                      p->kind == PAT_ONE_OR_MORE ? "one or more"
                                                 : "zero or more");
      if (p->n_kids == 1 && data_constrains(p->kids[0])) {
        ent_buf_appendf(out, ", each ");
        describe(out, p->kids[0]);
      }
      break;

    case PAT_REF:
      describe(out, p->target);
      break;
    case PAT_CHOICE:
      ent_buf_appendf(out, "one of ");
      for (size_t i = 0; i < p->n_kids; ++i) {
        ent_buf_appendf(out, "%s", i ? ", " : "");
        describe(out, p->kids[i]);
      }
      break;
    default:
      for (size_t i = 0; i < p->n_kids; ++i) {
        ent_buf_appendf(out, "%s", i ? " " : "");
        describe(out, p->kids[i]);
      }
  }
}

/// The attribute patterns of one element, given which names are present.
static bool
attributes_ok(const Pattern *p, uint64_t present)
{
  switch (p->kind) {
    case PAT_ATTRIBUTE:
      return p->attribute >= 0 && (present >> p->attribute & 1);
    case PAT_REF:
      return attributes_ok(p->target, present);
    case PAT_GROUP:
      for (size_t i = 0; i < p->n_kids; ++i) {
        if (!attributes_ok(p->kids[i], present)) {
          return false;
        }
      }
      return true;
    case PAT_OPTIONAL:
    case PAT_ZERO_OR_MORE: {
      if (!(present & p->mask)) {
        return true;
      }
      Pattern group = kids_as_group(p);
      return attributes_ok(&group, present);
    }
    case PAT_ONE_OR_MORE: {
      Pattern group = kids_as_group(p);
      return attributes_ok(&group, present);
    }
    case PAT_CHOICE:
      for (size_t i = 0; i < p->n_kids; ++i) {
        const uint64_t others = p->mask & ~p->kids[i]->mask;
        if (!(present & others) && attributes_ok(p->kids[i], present)) {
          return true;
        }
      }
      return false;
    default:
      return true;
  }
}

static const char *
attribute_label(const EntSchema *s, int index)
{
  return !strcmp(s->attributes[index].ns, XML_NS) ? "xml:" : "";
}

/// The attribute `p` requires first (an alternative's "id" or "ref"), or
/// NULL: none, or one that depends on a choice.
static const Pattern *
first_required(const Pattern *p, int depth)
{
  if (!p || depth > 16) {
    return NULL;
  }
  switch (p->kind) {
    case PAT_ATTRIBUTE:
      return p;
    case PAT_REF:
      return first_required(p->target, depth + 1);
    case PAT_ONE_OR_MORE:
    case PAT_GROUP:
      for (size_t i = 0; i < p->n_kids; ++i) {
        if (p->kids[i]->mask) {
          return first_required(p->kids[i], depth + 1);
        }
      }
      return NULL;
    default:
      return NULL;
  }
}

/// Say why attributes_ok() failed: the first missing name, or the names
/// that cannot go together.
static void
explain_attributes(EntSchemaRun *run,
                   const Pattern *p,
                   uint64_t present,
                   const char *element,
                   unsigned long line)
{
  const EntSchema *s = run->schema;
  switch (p->kind) {
    case PAT_ATTRIBUTE:
      run_error(run,
                line,
                "schema: <%s> needs the attribute %s%s",
                element,
                attribute_label(s, p->attribute),
                p->name);
      return;
    case PAT_REF:
      explain_attributes(run, p->target, present, element, line);
      return;
    case PAT_GROUP:
    case PAT_OPTIONAL:
    case PAT_ZERO_OR_MORE:
    case PAT_ONE_OR_MORE: {
      for (size_t i = 0; i < p->n_kids; ++i) {
        if (!attributes_ok(p->kids[i], present)) {
          explain_attributes(run, p->kids[i], present, element, line);
          return;
        }
      }
      return;
    }
    case PAT_CHOICE: {
      // Two alternatives both given, or one given incompletely.
      int given[2] = { -1, -1 };
      size_t n_given = 0;
      for (size_t i = 0; i < p->n_kids && n_given < 2; ++i) {
        const uint64_t mine = present & p->kids[i]->mask;
        if (mine) {
          given[n_given++] = __builtin_ctzll(mine);
        }
      }
      if (n_given == 2) {
        run_error(run,
                  line,
                  "schema: <%s> takes either the attribute %s or %s, not both",
                  element,
                  s->attributes[given[0]].name,
                  s->attributes[given[1]].name);
        return;
      }
      // None given: the attribute each alternative starts with ("id or
      // ref"), not the first alternative's alone.
      const Pattern *first =
        n_given == 0 && p->n_kids == 2 ? first_required(p->kids[0], 0) : NULL;
      const Pattern *second = first ? first_required(p->kids[1], 0) : NULL;
      if (second && strcmp(first->name, second->name) != 0) {
        run_error(run,
                  line,
                  "schema: <%s> needs the attribute %s%s or %s%s",
                  element,
                  attribute_label(s, first->attribute),
                  first->name,
                  attribute_label(s, second->attribute),
                  second->name);
        return;
      }
      for (size_t i = 0; i < p->n_kids; ++i) {
        if ((present & p->kids[i]->mask) || n_given == 0) {
          explain_attributes(run, p->kids[i], present, element, line);
          return;
        }
      }
      return;
    }
    default:
      return;
  }
}

/// What to tell someone who wrote attribute `name` that `info` does not
/// take: the one it most likely meant ("did you mean status?"), or else
/// the attributes it does take.
static void
suggest_attribute(const EntSchema *s,
                  const ElementInfo *info,
                  const char *name,
                  EntBuf *out)
{
  // A slip of one edit, two in a longer name ("staus", "particpants").
  const size_t near = strlen(name) >= 6 ? 2 : 1;
  int best = -1;
  size_t best_distance = SIZE_MAX;
  bool tie = false;
  for (int i = 0; i < s->n_attributes; ++i) {
    if (!info->attribute_of[i] || *s->attributes[i].ns) {
      continue;
    }
    const size_t distance = ent_name_distance(name, s->attributes[i].name);
    if (distance < best_distance) {
      best = i;
      best_distance = distance;
      tie = false;
    } else if (distance == best_distance) {
      tie = true;
    }
  }
  if (best >= 0 && best_distance <= near && !tie) {
    (void)ent_buf_appendf(out, "; did you mean %s?", s->attributes[best].name);
    return;
  }
  const char *sep = "; it takes ";
  for (int i = 0; i < s->n_attributes; ++i) {
    const char *ns = s->attributes[i].ns;
    if (info->attribute_of[i] && (!*ns || !strcmp(ns, XML_NS))) {
      (void)ent_buf_appendf(
        out, "%s%s%s", sep, attribute_label(s, i), s->attributes[i].name);
      sep = ", ";
    }
  }
  if (!strcmp(sep, "; it takes ")) {
    (void)ent_buf_appendf(out, "; it takes none");
  }
}

static bool
check_attributes(EntSchemaRun *run,
                 const ElementInfo *info,
                 const xmlNode *node,
                 unsigned long line)
{
  const EntSchema *s = run->schema;
  const char *element = info->pattern->name;
  uint64_t present = 0;
  bool ok_all = true;
  for (const xmlAttr *a = node ? node->properties : NULL; a; a = a->next) {
    const char *name = (const char *)a->name;
    const char *ns = a->ns && a->ns->href ? (const char *)a->ns->href : "";
    const int index = find_attribute(s, name, ns);

    const Pattern *pattern = index >= 0 ? info->attribute_of[index] : NULL;
    if (!pattern && !strcmp(ns, XML_NS)) {
      run_error(
        run, line, "schema: <%s> has no attribute xml:%s", element, name);
      ok_all = false;
      continue;
    }
    if (!pattern) {
      EntBuf hint = { NULL, 0, 0 };
      if (!*ns) {
        suggest_attribute(s, info, name, &hint);
      }
      run_error(run,
                line,
                "schema: <%s> has no attribute %s%s%s%s%s",
                element,
                *ns ? "{" : "",
                ns,
                *ns ? "}" : "",
                name,
                hint.buf ? hint.buf : "");
      ent_buf_free(&hint);
      ok_all = false;
      continue;
    }
    present |= UINT64_C(1) << index;
    const xmlNode *text = a->children;
    xmlChar *joined = NULL;
    const char *value = "";
    if (text && !text->next && text->type == XML_TEXT_NODE) {
      value = (const char *)text->content;
    } else if (text) {
      joined = xmlNodeListGetString(node->doc, text, 1);
      value = joined ? (const char *)joined : "";
    }
    const bool ok = value_ok(run, pattern->kids[0], value);
    if (!ok && !run->status) {
      EntBuf what = { NULL, 0, 0 };
      describe(&what, pattern->kids[0]);
      char shown[256];
      run_error(run,
                line,
                "schema: the attribute %s%s of <%s> is '%s', which is not "
                "%s%s",
                attribute_label(s, index),
                name,
                element,
                snippet(shown, value, 60),
                what.buf ? what.buf : "valid",
                refusal_note(pattern->kids[0], value));
      ent_buf_free(&what);
    }
    xmlFree(joined);
    ok_all = ok_all && ok;
  }
  // Which attributes go together is judged on the ones that were known:
  // a misspelt one is reported once, not again as one missing.
  Pattern body = kids_as_group(info->pattern);
  if (ok_all && !attributes_ok(&body, present)) {
    explain_attributes(run, &body, present, element, line);
    return false;
  }
  return ok_all;
}

/// "<a>, <b> or <c>" from an automaton's expected tokens ("name|ns").
static void
expected_list(EntBuf *out, xmlChar **values, int n)
{
  for (int i = 0; i < n; ++i) {
    const char *v = (const char *)values[i];
    const char *bar = strchr(v, '|');
    const int len = bar ? (int)(bar - v) : (int)strlen(v);
    ent_buf_appendf(out,
                    "%s<%.*s>",
                    i == 0       ? ""
                    : i == n - 1 ? " or "
                                 : ", ",
                    len,
                    v);
  }
}

static bool
push_frame(EntSchemaRun *run,
           const ElementInfo *info,
           unsigned long line,
           unsigned long ordinal)
{
  if (ent_grow(&run->frames, &run->cap, run->depth, sizeof(Frame), 16)) {
    run->status = ENT_ERR_NO_MEMORY;
    return false;
  }
  Frame *f = &run->frames[run->depth++];
  memset(f, 0, sizeof(*f));
  f->info = info;
  f->line = line;
  f->ordinal = ordinal;
  if (info->children_regexp) {
    f->exec = xmlRegNewExecCtxt(info->children_regexp, NULL, NULL);
    if (!f->exec) {
      run->status = ENT_ERR_NO_MEMORY;
      return false;
    }
  }
  return true;
}

static void
pop_frame(EntSchemaRun *run)
{
  Frame *f = &run->frames[--run->depth];
  xmlRegFreeExecCtxt(f->exec);
  ent_buf_free(&f->text);
}

/// The element in the top frame ends: its content must be complete.
static bool
end_element(EntSchemaRun *run)
{
  Frame *f = &run->frames[run->depth - 1];
  const ElementInfo *info = f->info;
  run->at_element = f->ordinal;
  bool ok = true;
  if (info->content == CONTENT_DATA && info->data_checked) {
    const char *text = f->text.buf ? f->text.buf : "";
    ok = value_ok(run, info->data, text);
    if (!ok && !run->status) {
      EntBuf what = { NULL, 0, 0 };
      describe(&what, info->data);
      char shown[256];
      run_error(run,
                f->line,
                "schema: <%s> holds '%s', which is not %s%s",
                info->pattern->name,
                snippet(shown, text, 60),
                what.buf ? what.buf : "valid",
                refusal_note(info->data, text));
      ent_buf_free(&what);
    }
  } else if (f->exec && !f->content_failed &&
             xmlRegExecPushString(f->exec, NULL, NULL) != 1) {
    ok = false;
    xmlChar *values[32];
    int n_values = 32;
    int n_negative = 0;
    int terminal = 0;
    xmlRegExecNextValues(f->exec, &n_values, &n_negative, values, &terminal);
    EntBuf expected = { NULL, 0, 0 };
    expected_list(&expected, values, n_values);
    if (run->depth == 1) {
      run_error(run, f->line, "schema: the document has no root element");
    } else {
      run_error(run,
                f->line,
                "schema: <%s> is incomplete: it needs %s",
                info->pattern->name,
                expected.buf ? expected.buf : "more elements");
    }
    ent_buf_free(&expected);
  }
  pop_frame(run);
  return ok;
}

/// The start of element `node` (local `name`, namespace `ns_uri` or NULL);
/// `empty` when it has no content at all, so that it ends here too.
/// `*skipped`: the element was reported as out of place and its content is
/// not validated (the caller skips it).  False once the run must stop.
static bool
start_element(EntSchemaRun *run,
              const xmlNode *node,
              const char *name,
              const xmlChar *ns_uri,
              bool empty,
              unsigned long line,
              bool *skipped)
{
  Frame *parent = &run->frames[run->depth - 1];
  const ElementInfo *pinfo = parent->info;
  const char *ns = ns_uri ? (const char *)ns_uri : "";
  name = name ? name : "";
  const bool root = run->depth == 1;
  const char *where = root ? "the document" : pinfo->pattern->name;
  run->at_element = ++run->elements;
  *skipped = false;
  if (!parent->exec) {
    run_error(run,
              line,
              "schema: <%s> cannot contain elements, but has <%s>",
              where,
              name);
    *skipped = true;
    return !root && !run->status;
  }
  // No namespace is no second token: the automaton keys such elements by
  // name alone, and libxml2 would look for "name|".
  if (!parent->content_failed &&
      xmlRegExecPushString2(parent->exec,
                            (const xmlChar *)name,
                            *ns ? (const xmlChar *)ns : NULL,
                            NULL) < 0) {
    const xmlChar *string = NULL;
    xmlChar *values[32];
    int n_values = 32;
    int n_negative = 0;
    int terminal = 0;
    xmlRegExecErrInfo(
      parent->exec, &string, &n_values, &n_negative, values, &terminal);
    EntBuf expected = { NULL, 0, 0 };
    expected_list(&expected, values, n_values);
    const Child *first = pinfo->n_children ? &pinfo->children[0] : NULL;
    if (root) {
      run_error(run,
                line,
                "schema: the root element is <%s> in namespace '%s', but a "
                "dataset's is <%s> in namespace '%s'",
                name,
                ns,
                first ? first->name : "",
                first ? first->ns : "");
    } else if (n_values > 0 && strcmp(ns, pinfo->pattern->ns) != 0) {
      run_error(run,
                line,
                "schema: <%s> in namespace '%s' is not expected in <%s>; its "
                "elements are in namespace '%s'",
                name,
                ns,
                where,
                pinfo->pattern->ns);
    } else if (n_values > 0) {
      run_error(run,
                line,
                "schema: <%s> is not expected here in <%s>; expected %s%s",
                name,
                where,
                expected.buf ? expected.buf : "",
                terminal ? " or the end of the element" : "");
    } else {
      // One of its children, out of place at its end (a section after the
      // sections that follow it): where it goes is what helps.
      bool known = false;
      for (size_t i = 0; i < pinfo->n_children && !known; ++i) {
        known = !strcmp(pinfo->children[i].name, name) &&
                !strcmp(pinfo->children[i].ns, ns);
      }
      run_error(run,
                line,
                "schema: <%s> is not expected here: <%s> is complete before "
                "it%s%s%s%s",
                name,
                where,
                known ? "; <" : "",
                known ? name : "",
                known ? "> goes earlier, " : "",
                known ? "as the order of the elements in it is fixed" : "");
    }
    ent_buf_free(&expected);
    if (root) {
      run->status = ENT_ERR_SCHEMA; // not a dataset: nothing below is
      return false;
    }
    parent->content_failed = true;
  }
  const ElementInfo *info = NULL;
  for (size_t i = 0; i < pinfo->n_children; ++i) {
    if (!strcmp(pinfo->children[i].name, name) &&
        !strcmp(pinfo->children[i].ns, ns)) {
      info = pinfo->children[i].info;
      break;
    }
  }
  if (!info) {
    // Reported above when the automaton refused it; libxml2's automata
    // take '*' in a pushed name as a wildcard, so it may have passed.
    if (!parent->content_failed) {
      run_error(run,
                line,
                "schema: <%s> in namespace '%s' is not expected in <%s>",
                name,
                ns,
                where);
      parent->content_failed = true;
    }
    *skipped = true;
    return !run->status;
  }
  // An element out of order is still one the parent can hold: its own
  // attributes and content are checked like any other's.
  check_attributes(run, info, node, line);
  if (run->status || !push_frame(run, info, line, run->at_element)) {
    return false;
  }
  if (empty) {
    end_element(run);
  }
  return !run->status;
}

static bool
text_node(EntSchemaRun *run, const char *text, unsigned long line)
{
  Frame *f = &run->frames[run->depth - 1];
  // Text has no start tag to point at; its element's is where it is.
  run->at_element = f->ordinal;
  text = text ? text : "";
  switch (f->info->content) {
    case CONTENT_DATA:
      if (f->info->data_checked &&
          ent_buf_append(&f->text, text, strlen(text))) {
        run->status = ENT_ERR_NO_MEMORY;
        return false;
      }
      return true;
    case CONTENT_TEXT:
    case CONTENT_MIXED:
      return true;
    case CONTENT_EMPTY:
    case CONTENT_ELEMENTS:
    default:
      if (is_blank(text)) {
        return true;
      }
      if (run->depth == 1) {
        run_error(run, line, "schema: text outside the root element");
      } else {
        char shown[256];
        run_error(run,
                  line,
                  "schema: <%s> cannot hold text, but has '%s'",
                  f->info->pattern->name,
                  snippet(shown, text, 40));
      }
      return false;
  }
}

EntSchemaRun *
ent_schema_run_new(const EntSchema *schema,
                   EntSchemaErrorFn on_error,
                   void *handle)
{
  EntSchemaRun *run = calloc(1, sizeof(EntSchemaRun));
  if (!run) {
    return NULL;
  }
  run->schema = schema;
  run->on_error = on_error;
  run->handle = handle;
  if (!push_frame(run, schema->start_element->info, 1, 0)) {
    ent_schema_run_free(run);
    return NULL;
  }
  return run;
}

bool
ent_schema_run_node(EntSchemaRun *run,
                    xmlTextReaderPtr reader,
                    unsigned long line,
                    EntStatus *status)
{
  if (run->status || run->depth == 0) {
    *status = run->status ? run->status : ENT_ERR_SCHEMA;
    return false;
  }
  const int type = xmlTextReaderNodeType(reader);
  const bool empty = xmlTextReaderIsEmptyElement(reader) == 1;
  if (run->skip) { // inside an element reported as out of place
    if (type == XML_READER_TYPE_ELEMENT) {
      ++run->elements; // errors are placed by counting start tags
      run->skip += !empty;
    } else if (type == XML_READER_TYPE_END_ELEMENT) {
      --run->skip;
    }
    *status = run->status;
    return true;
  }
  bool skipped = false;
  switch (type) {
    case XML_READER_TYPE_ELEMENT:
      start_element(run,
                    xmlTextReaderCurrentNode(reader),
                    (const char *)xmlTextReaderConstLocalName(reader),
                    xmlTextReaderConstNamespaceUri(reader),
                    empty,
                    line,
                    &skipped);
      run->skip = skipped && !empty ? 1 : 0;
      break;
    case XML_READER_TYPE_END_ELEMENT:
      if (run->depth > 1) {
        end_element(run);
      } else {
        run_fatal(run, line, "schema: an end tag outside the root element");
      }
      break;
    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_CDATA:
    case XML_READER_TYPE_WHITESPACE:
    case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
      text_node(run, (const char *)xmlTextReaderConstValue(reader), line);
      break;
    default: // comments, processing instructions
      break;
  }
  *status = run->status;
  return !run->status;
}

bool
ent_schema_run_failed(const EntSchemaRun *run)
{
  return run->errors > 0 || run->status;
}

/// The elements of the subtree `top`, itself included, in a walk that
/// needs no stack.
static unsigned long
count_elements(const xmlNode *top)
{
  unsigned long n = 0;
  const xmlNode *x = top;
  while (x) {
    n += x->type == XML_ELEMENT_NODE;
    if (x->type == XML_ELEMENT_NODE && x->children) {
      x = x->children;
      continue;
    }
    while (x != top && !x->next) {
      x = x->parent;
    }
    x = x != top ? x->next : NULL;
  }
  return n;
}

bool
ent_schema_run_tree(EntSchemaRun *run,
                    const xmlNode *top,
                    unsigned max_depth,
                    EntStatus *status)
{
  if (run->status || run->depth == 0) {
    *status = run->status ? run->status : ENT_ERR_SCHEMA;
    return false;
  }
  if (run->skip) {
    // Inside an element reported as out of place (fed node by node): not
    // judged, but its start tags counted, as errors are placed by them.
    run->elements += count_elements(top);
    *status = run->status;
    return true;
  }
  // Iterative, in document order: the reader's nodes, without the reader.
  unsigned depth = 0;
  const xmlNode *n = top;
  while (!run->status && n) {
    const unsigned long line = n->line;
    bool descend = false;
    switch (n->type) {
      case XML_ELEMENT_NODE: {
        if (depth >= max_depth) {
          run->at_element = run->elements + 1;
          char message[128];
          snprintf(message,
                   sizeof(message),
                   "schema: elements nested more than %u deep; no dataset "
                   "needs that",
                   max_depth);
          run_fatal(run, line, message);
          break;
        }
        bool skipped = false;
        start_element(run,
                      n,
                      (const char *)n->name,
                      n->ns ? n->ns->href : NULL,
                      n->children == NULL,
                      line,
                      &skipped);
        descend = !run->status && !skipped && n->children;
        if (skipped && n->children) {
          run->elements += count_elements(n) - 1; // its own is counted
        }
        break;
      }
      case XML_TEXT_NODE:
      case XML_CDATA_SECTION_NODE:
        text_node(run, (const char *)n->content, line);
        break;
      default: // comments, processing instructions
        break;
    }
    if (run->status) {
      break;
    }
    if (descend) {
      ++depth;
      n = n->children;
      continue;
    }
    // Up past every element that has no next sibling, ending each.
    while (n != top && !n->next && !run->status) {
      n = n->parent;
      --depth;
      end_element(run);
    }
    n = !run->status && n != top ? n->next : NULL;
  }
  *status = run->status;
  return !run->status;
}

bool
ent_schema_run_finish(EntSchemaRun *run, EntStatus *status)
{
  if (!run->status && run->depth == 1) {
    end_element(run);
  } else if (!run->status) {
    run_fatal(run, 0, "schema: the document ends inside an element");
  }
  if (!run->status && run->errors) {
    run->status = ENT_ERR_SCHEMA;
  }
  *status = run->status;
  return !run->status;
}

void
ent_schema_run_free(EntSchemaRun *run)
{
  if (!run) {
    return;
  }
  while (run->depth) {
    pop_frame(run);
  }
  free(run->frames);
  ent_buf_free(&run->scratch);
  free(run);
}
