// SPDX-License-Identifier: MIT
// The diagram entry points: one labelled graph, from the model or from
// any RDF file raptor2 reads, drawn in any diagram format.

#define _GNU_SOURCE 1 // memmem()

#include "lgraph.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

/// RDF files given to `entente dot` are untrusted and meant to be small
/// enough to draw.
#define RDF_INPUT_SIZE_CAP ((size_t)256 * 1024 * 1024)

static const struct {
  const char *name;
  const char *extension;
} diagram_formats[ENT_DIAGRAM_COUNT_] = {
  [ENT_DIAGRAM_DOT] = { "dot", "dot" },
  [ENT_DIAGRAM_SVG] = { "svg", "svg" },
  [ENT_DIAGRAM_PNG] = { "png", "png" },
  [ENT_DIAGRAM_PDF] = { "pdf", "pdf" },
  [ENT_DIAGRAM_GRAPHML] = { "graphml", "graphml" },
};

EntDiagramFormat
ent_diagram_format_by_name(const char *name)
{
  for (int f = 0; f < ENT_DIAGRAM_COUNT_; ++f) {
    if (!strcmp(name, diagram_formats[f].name)) {
      return (EntDiagramFormat)f;
    }
  }
  return ENT_DIAGRAM_COUNT_;
}

EntDiagramFormat
ent_diagram_format_by_extension(const char *path)
{
  // "x.svg.gz" is SVG, compressed (as ent_format_by_extension() reads).
  size_t len = 0;
  const char *extension = ent_path_extension(path, &len);
  char name[16];
  if (!extension || len >= sizeof(name)) {
    return ENT_DIAGRAM_COUNT_;
  }
  memcpy(name, extension, len);
  name[len] = '\0';
  return !strcmp(name, "gv") ? ENT_DIAGRAM_DOT
                             : ent_diagram_format_by_name(name);
}

bool
ent_diagram_view_is_known(const char *view)
{
  static const char *const with_id[] = { "negotiation:", "compare:", "ego:" };
  if (!view || !strcmp(view, "all") || !strcmp(view, "timeline")) {
    return true;
  }
  for (size_t i = 0; i < sizeof(with_id) / sizeof(*with_id); ++i) {
    const size_t len = strlen(with_id[i]);
    if (!strncmp(view, with_id[i], len)) {
      return view[len] != '\0';
    }
  }
  return false;
}

const char *
ent_diagram_extension(EntDiagramFormat format)
{
  return (unsigned)format < ENT_DIAGRAM_COUNT_
           ? diagram_formats[format].extension
           : NULL;
}

/// The nodes `format` can lay out (LGraph.layout_limit): 0 for DOT and
/// GraphML, which are not laid out.
static size_t
layout_limit(EntDiagramFormat format)
{
  return format == ENT_DIAGRAM_DOT || format == ENT_DIAGRAM_GRAPHML
           ? 0
           : LAYOUT_MAX_NODES;
}

/// The compare view reads each source's claims.
static bool
wants_claims(const EntDiagramOptions *options)
{
  return options && options->view && !strncmp(options->view, "compare:", 8);
}

static EntStatus
draw(LGraph *lg,
     EntDiagramFormat format,
     const EntDiagramOptions *options,
     FILE *stream)
{
  EntStatus st = ENT_SUCCESS;
  TRY(st, lgraph_finish(lg));
  TRY(st, lgraph_select(lg, options));
  st = format == ENT_DIAGRAM_GRAPHML ? lgraph_write_graphml(lg, stream)
                                     : lgraph_draw(lg, format, options, stream);
  if (st == ENT_ERR_IO && ferror(stream)) {
    // The input was read whole before: this failure is the output's
    // (a full disk, a file-size limit, /dev/full).
    const int error = errno;
    ent_log(lg->world,
            ENT_LOG_ERROR,
            ENT_ERR_IO,
            NULL,
            "writing the output failed: %s",
            error ? strerror(error) : "an I/O error");
  }
  return st;
}

EntStatus
ent_export_diagram(EntGraph *graph,
                   EntDiagramFormat format,
                   const EntDiagramOptions *options,
                   FILE *stream)
{
  if ((unsigned)format >= ENT_DIAGRAM_COUNT_ || !stream || !graph) {
    return ENT_ERR_BAD_ARG;
  }
  EntStatus st = lgraph_check_options(graph->world, options);
  if (st) {
    return st;
  }
  LGraph lg;
  lgraph_init(&lg, graph->world, graph->ontology, options);
  lg.layout_limit = layout_limit(format);
  lg.keep_claims = wants_claims(options);
  lgraph_reserve_for(&lg, graph);
  // With their graphs: an edge can say how many sources state it, and
  // the compare view what each one says.
  st = ent_emit(graph, true, lgraph_add_triple, &lg);
  if (!st) {
    st = draw(&lg, format, options, stream);
  }
  lgraph_clear(&lg);
  return st;
}

// ---- Any RDF file --------------------------------------------------------

/// Room for a blank node's name with its "_:" (raptor's are short; a
/// longer one is cut, as it always was).
#define BLANK_NAME_MAX 512

typedef struct {
  LGraph *lg;
  EntWorld *world;
  const char *path;
  unsigned long errors;
  EntStatus status;
  raptor_parser *parser;
  EntBuf literal;   ///< A literal made drawable (drawable_copy())
  const char *text; ///< What is parsed, for hints about a line (or NULL)
  size_t len;
  bool trig;
  /// RDF/JSON: raptor's reader (yajl) gives no line, so the text goes to it
  /// a line at a time and an error is placed on the line being read.
  bool json;
  unsigned long json_line;
  bool json_said;       ///< An error was said: yajl's own follow-ups are not
  unsigned long placed; ///< Messages given a place in the text
  EntLineCursor cursor; ///< The line the last one was on
  unsigned long error_line; ///< The line of the last error said, or 0
  bool lang_said;           ///< A malformed language tag was warned about
} RdfInput;

/// Messages placed by what they quote: more than the log shows.
#define MAX_PLACED 200

/// Line `line` (from 1) of `text`, after its leading blanks, or NULL.
static const char *
line_start(const char *text, size_t len, unsigned long line)
{
  size_t at = 0;
  for (unsigned long l = 1; l < line && at < len; ++at) {
    l += text[at] == '\n';
  }
  while (at < len && (text[at] == ' ' || text[at] == '\t')) {
    ++at;
  }
  return at < len ? text + at : NULL;
}

/// Whether `p` (`left` bytes to the end) begins a SPARQL-style PREFIX or
/// BASE line.
static bool
sparql_directive(const char *p, size_t left)
{
  return (left > 6 && !strncasecmp(p, "PREFIX", 6) &&
          (p[6] == ' ' || p[6] == '\t')) ||
         (left > 4 && !strncasecmp(p, "BASE", 4) &&
          (p[4] == ' ' || p[4] == '\t' || p[4] == '<'));
}

/// Whether the line at `p` is a SPARQL-style PREFIX or BASE and what
/// follows it, past blank lines, comments and other directives, is a
/// default graph's '{'.
static bool
directive_before_default_graph(const char *p, size_t left)
{
  if (!sparql_directive(p, left)) {
    return false;
  }
  const char *end = p + left;
  for (;;) {
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    if (!eol) {
      return false;
    }
    p = eol + 1;
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\r')) {
      ++p;
    }
    if (p < end && *p == '{') {
      return true;
    }
    const size_t rest = (size_t)(end - p);
    if (p < end && *p != '#' && *p != '\n' && !sparql_directive(p, rest) &&
        !(rest > 7 && !strncmp(p, "@prefix", 7)) &&
        !(rest > 5 && !strncmp(p, "@base", 5))) {
      return false;
    }
  }
}

/// What raptor 2.0.15 refuses on this line that a newer syntax allows
/// (RDF-star's quoted triples anywhere; in a TriG file, TriG 1.1's), and
/// what to do, or "".
static const char *
line_hint(const RdfInput *in, unsigned long line)
{
  const char *p = line ? line_start(in->text, in->len, line) : NULL;
  if (!p) {
    return "";
  }
  const size_t left = in->len - (size_t)(p - in->text);
  const char *eol = memchr(p, '\n', left);
  const size_t line_len = eol ? (size_t)(eol - p) : left;
  // "<<" or "{|" outside a string ("x << y" is text): RDF-star's quoted
  // triple, or its annotation of the statement before it.
  bool in_string = false;
  bool star = false;
  for (size_t i = 0; i + 1 < line_len && !star; ++i) {
    if (p[i] == '\\') {
      ++i; // an escaped character, in a string or an IRI
    } else if (p[i] == '"') {
      in_string = !in_string;
    } else {
      star = !in_string && ((p[i] == '<' && p[i + 1] == '<') ||
                            (p[i] == '{' && p[i + 1] == '|'));
    }
  }
  if (star) {
    return " (RDF-star's quoted triples, << ... >>, or annotations, {| ... "
           "|}, which raptor2 does not read: draw the file without them, or "
           "with each quoted triple stated as a plain one)";
  }
  if (!in->trig) {
    return "";
  }
  if (left > 5 && !strncasecmp(p, "GRAPH", 5) &&
      (p[5] == ' ' || p[5] == '\t' || p[5] == '<' || p[5] == '_')) {
    return " (TriG 1.1's GRAPH keyword, which raptor2's TriG reader predates: "
           "write 'ex:g { ... }' without it, or convert the file with "
           "'serdi -i trig -o nquads FILE' and draw the N-Quads)";
  }
  if (directive_before_default_graph(p, left)) {
    // A PREFIX line reads well on its own: the '{' of a default graph
    // after it is what raptor 2.0.15 takes for the IRI it wants there.
    return " (a SPARQL-style PREFIX or BASE before a default graph's "
           "'{ ... }', which raptor2's TriG reader misreads: write it as "
           "'@prefix p: <...> .', or convert the file with 'serdi -i trig "
           "-o nquads FILE' and draw the N-Quads)";
  }
  if (left > 2 && !strncmp(p, "_:", 2)) {
    return " (a blank node naming a graph, TriG 1.1, which raptor2's TriG "
           "reader predates: name the graph with an IRI, or convert the file "
           "with 'serdi -i trig -o nquads FILE' and draw the N-Quads)";
  }
  return "";
}

/// Whether `p` starts with U+FFFE or U+FFFF, which XML 1.0 cannot carry
/// either (a Turtle \uFFFF escape makes one).
static bool
xml_nonchar(const unsigned char *p)
{
  return p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF);
}

/// Text that may go into a label, a tooltip and GraphML: UTF-8 with no
/// control characters but tab, line feed and carriage return (which XML
/// 1.0 cannot carry and cgraph would write raw), nor U+FFFE or U+FFFF.
static bool
drawable_text(const char *s)
{
  if (!s) {
    return false;
  }
  for (const unsigned char *p = (const unsigned char *)s; *p; ++p) {
    if ((*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') ||
        xml_nonchar(p)) {
      return false;
    }
  }
  return ent_is_utf8(s, strlen(s));
}

/// `text`, valid UTF-8, with each control character but tab, line feed
/// and carriage return, and each U+FFFE and U+FFFF (valid in a literal,
/// but not in XML 1.0 and so not in SVG or GraphML) shown as U+FFFD; in
/// `b`.
static EntStatus
drawable_copy(const char *text, EntBuf *b)
{
  ent_buf_reset(b);
  EntStatus st = ENT_SUCCESS;
  for (const char *p = text; *p && !st; ++p) {
    const unsigned char c = (unsigned char)*p;
    if (xml_nonchar((const unsigned char *)p)) {
      p += 2;
      st = ent_buf_append(b, "\xEF\xBF\xBD", 3);
    } else {
      st = c < 0x20 && c != '\t' && c != '\n' && c != '\r'
             ? ent_buf_append(b, "\xEF\xBF\xBD", 3)
             : ent_buf_append(b, p, 1);
    }
  }
  return st ? st : ent_buf_append(b, "", 1);
}

static Node
node_of(const raptor_term *term, bool *ok)
{
  Node n = { .type = NODE_IRI };
  switch (term->type) {
    case RAPTOR_TERM_TYPE_URI:
      n.value = (const char *)raptor_uri_as_string(term->value.uri);
      break;
    case RAPTOR_TERM_TYPE_LITERAL:
      n.type = NODE_LITERAL;
      n.value = (const char *)term->value.literal.string;
      // A \u0000 escape leaves a NUL inside the counted string.
      *ok = *ok && n.value && strlen(n.value) == term->value.literal.string_len;
      n.lang = (const char *)term->value.literal.language;
      n.datatype =
        term->value.literal.datatype
          ? (const char *)raptor_uri_as_string(term->value.literal.datatype)
          : NULL;
      break;
    case RAPTOR_TERM_TYPE_BLANK:
      // Blank nodes get a name of their own so that they can be drawn.
      n.value = (const char *)term->value.blank.string;
      break;
    case RAPTOR_TERM_TYPE_UNKNOWN:
    default:
      *ok = false;
      break;
  }
  *ok = *ok && n.value;
  return n;
}

/// A blank node's name as the diagram keys it, "_:ID", in `out`.
static const char *
blank_name(char out[BLANK_NAME_MAX], const char *id)
{
  snprintf(out, BLANK_NAME_MAX, "_:%s", id);
  return out;
}

/// What is wrong with a term drawable_text() refused: for a message.
static const char *
term_fault(const char *s)
{
  if (!ent_is_utf8(s, strlen(s))) {
    return "is not valid UTF-8 (bytes of another encoding, or a \\uD800 to "
           "\\uDFFF escape, which stands for no character)";
  }
  for (const unsigned char *p = (const unsigned char *)s; *p; ++p) {
    if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') {
      return "holds a control character, which no diagram format can carry";
    }
  }
  return "holds U+FFFE or U+FFFF, which no diagram format can carry";
}

/// Where the text being parsed has `needle` first (line and column from
/// 1), for a message raptor's position would place elsewhere; false if
/// it has not.
static bool
find_in_text(const RdfInput *in, const char *needle, EntCaret *at)
{
  const char *hit =
    in->text ? memmem(in->text, in->len, needle, strlen(needle)) : NULL;
  if (!hit) {
    return false;
  }
  ent_text_position(in->text, (size_t)(hit - in->text), &at->line, &at->column);
  return true;
}

/// A literal's language tag that is not of BCP 47's shape ("@english",
/// "@abcdefghi"), which Turtle's grammar takes: the literal is drawn as
/// untagged, and the first such tag said.
static void
drop_bad_lang(RdfInput *in, Node *object)
{
  if (!in->lang_said) {
    in->lang_said = true;
    const raptor_locator *loc = raptor_parser_get_locator(in->parser);
    EntCaret at = { in->path,
                    loc && loc->line > 0 ? (unsigned long)loc->line : 0,
                    loc && loc->column > 0 ? (unsigned long)loc->column : 0,
                    0 };
    char needle[80];
    snprintf(needle, sizeof(needle), "@%s", object->lang);
    (void)find_in_text(in, needle, &at);
    ent_log(in->world,
            ENT_LOG_WARNING,
            ENT_FAILURE,
            &at,
            "language tag '%.40s' is not of BCP 47's shape (a language of 2 "
            "to 8 letters, then subtags of up to 8 letters or digits: en, "
            "en-GB, zh-Hant); its literals are drawn as if untagged",
            object->lang);
  }
  object->lang = NULL;
}

static void
on_statement(void *data, raptor_statement *s)
{
  RdfInput *in = data;
  if (in->status) {
    return;
  }
  bool ok = true;
  char blank_s[BLANK_NAME_MAX];
  char blank_o[BLANK_NAME_MAX];
  char blank_g[BLANK_NAME_MAX];
  // N-Quads and TriG name the graph: the source of the statement.  A
  // blank node may name one too (RDF 1.1): a graph of its own, not the
  // default graph.
  const char *graph = NULL;
  if (s->graph && s->graph->type == RAPTOR_TERM_TYPE_URI) {
    graph = (const char *)raptor_uri_as_string(s->graph->value.uri);
  } else if (s->graph && s->graph->type == RAPTOR_TERM_TYPE_BLANK &&
             s->graph->value.blank.string) {
    graph = blank_name(blank_g, (const char *)s->graph->value.blank.string);
  }
  Triple t = { node_of(s->subject, &ok),
               node_of(s->predicate, &ok),
               node_of(s->object, &ok),
               graph && drawable_text(graph) ? graph : NULL };
  if (ok && t.object.type == NODE_LITERAL && !drawable_text(t.object.value) &&
      ent_is_utf8(t.object.value, strlen(t.object.value))) {
    // A literal may hold any character: shown, not refused.
    in->status = drawable_copy(t.object.value, &in->literal);
    if (in->status) {
      return;
    }
    t.object.value = in->literal.buf;
  }
  if (ok && t.object.lang && !ent_is_lang_tag(t.object.lang)) {
    drop_bad_lang(in, &t.object);
  }
  if (!ok || !drawable_text(t.subject.value) ||
      !drawable_text(t.predicate.value) || !drawable_text(t.object.value)) {
    const raptor_locator *loc = raptor_parser_get_locator(in->parser);
    const EntCaret caret = {
      in->path,
      loc && loc->line > 0 ? (unsigned long)loc->line : 0,
      loc && loc->column > 0 ? (unsigned long)loc->column : 0,
      0
    };
    const char *which = !ok                                 ? NULL
                        : !drawable_text(t.subject.value)   ? "subject"
                        : !drawable_text(t.predicate.value) ? "predicate"
                                                            : "object";
    const char *value = !which            ? NULL
                        : which[0] == 's' ? t.subject.value
                        : which[0] == 'p' ? t.predicate.value
                                          : t.object.value;
    if (which) {
      ent_log(in->world,
              ENT_LOG_ERROR,
              ENT_ERR_BAD_VALUE,
              &caret,
              "the %s of a statement here %s; fix the file",
              which,
              term_fault(value));
    } else {
      ent_log(in->world,
              ENT_LOG_ERROR,
              ENT_ERR_BAD_VALUE,
              &caret,
              "a literal here holds a NUL (\\u0000), which no diagram "
              "format can carry; fix the file");
    }
    in->status = ENT_ERR_BAD_VALUE;
    return;
  }
  if (s->subject->type == RAPTOR_TERM_TYPE_BLANK) {
    t.subject.value = blank_name(blank_s, t.subject.value);
  }
  if (s->object->type == RAPTOR_TERM_TYPE_BLANK) {
    t.object.value = blank_name(blank_o, t.object.value);
  }
  in->status = lgraph_add_triple(in->lg, &t);
}

static void
on_namespace(void *data, raptor_namespace *ns)
{
  RdfInput *in = data;
  const unsigned char *prefix = raptor_namespace_get_prefix(ns);
  raptor_uri *uri = raptor_namespace_get_uri(ns);
  if (prefix && uri && !in->status) {
    in->status = lgraph_add_prefix(in->lg,
                                   (const char *)prefix,
                                   (const char *)raptor_uri_as_string(uri),
                                   true);
  }
}

static void
on_log(void *data, raptor_log_message *message)
{
  RdfInput *in = data;
  if (message->level < RAPTOR_LOG_LEVEL_WARN) {
    return;
  }
  const char *text = message->text ? message->text : "RDF parse error";
  // raptor goes on after errors and returns success: every error, and
  // every warning that means something was dropped (rdf:aboutEach, mixed
  // content, a quad's literal graph), is fatal here.  These warnings keep
  // every statement, as the RDF/XML tests say they must (rdf:foo is read
  // as a property): said as warnings, errors with --strict.
  static const char *const harmless[] = {
    " is an unknown RDF namespaced element.",
    "Unknown RDF namespace property attribute ",
    " not in Unicode Normal Form C",
    " one letter short of the RDF namespace URI",
    " without the RDF namespace has been deprecated.",
  };
  bool warning = false;
  for (size_t i = 0; message->level == RAPTOR_LOG_LEVEL_WARN &&
                     i < sizeof(harmless) / sizeof(*harmless);
       ++i) {
    warning = warning || strstr(text, harmless[i]);
  }
  const raptor_locator *loc = message->locator;
  if (!warning) {
    ++in->errors;
  }
  EntCaret caret = { in->path,
                     loc && loc->line > 0 ? (unsigned long)loc->line : 0,
                     loc && loc->column > 0 ? (unsigned long)loc->column : 0,
                     0 };
  // Some of raptor's Turtle errors (an undeclared prefix) come without a
  // line, but quote what they are about: find its first use; others have
  // a line but no column.  Only for the messages said (a file of a
  // million warnings would search the text a million times).
  if (++in->placed <= MAX_PLACED) {
    ent_place_quoted(text, in->text, in->len, &caret, &in->cursor);
  }
  if (!warning) {
    // raptor reads on after an error and finds more on the same line
    // ("Failed to convert qname" after "prefix not declared", a bison
    // "unexpected $end"): the first is the cause, the rest are not said.
    if (caret.line && caret.line == in->error_line) {
      return;
    }
    in->error_line = caret.line;
  }
  int text_len = (int)strlen(text);
  if (in->json) {
    // yajl says an error twice, the second time "client cancelled parse"
    // after raptor's own reason, and quotes the text around it with its
    // line breaks turned to spaces: said once, on its line, unquoted.
    static const char cancelled[] =
      "YAJL error: parse error: client cancelled parse";
    const bool yajl = !strncmp(text, "YAJL error: ", 12);
    if (yajl && in->json_said) {
      return;
    }
    if (!strncmp(text, cancelled, sizeof(cancelled) - 1)) {
      text = "a term raptor's RDF/JSON reader does not take (a term has "
             "\"type\" and \"value\", and \"lang\" or \"datatype\", not "
             "both)";
      text_len = (int)strlen(text);
    } else if (yajl && strchr(text, '\n')) {
      text_len = (int)(strchr(text, '\n') - text);
    }
    in->json_said = true;
    // The line being read; raptor's column is not where yajl stopped.
    caret.line = in->json_line;
    caret.column = 0;
  }
  // raptor's Turtle reader on an N3 formula or rule, which RDF has no
  // statement for.
  if (!strncmp(text, "{ ... } is not allowed in Turtle", 32)) {
    text = "{ ... } is an N3 formula (a rule's, with =>), which RDF has no "
           "statement for: entente reads .n3 as Turtle; give the file's "
           "statements alone, in Turtle";
    text_len = (int)strlen(text);
  }
  // bison's name for the end of the input.
  char ended[512];
  const char *end_token = strstr(text, "unexpected $end");
  end_token = end_token ? end_token + strlen("unexpected ") : NULL;
  if (end_token && end_token - text < text_len && text_len < 400) {
    snprintf(ended,
             sizeof(ended),
             "%.*send of file%.*s",
             (int)(end_token - text),
             text,
             text_len - (int)(end_token + 4 - text),
             end_token + 4);
    text = ended;
    text_len = (int)strlen(text);
  }
  // libxml2 names the line of the opening tag, which raptor's reader does
  // not give it: "tag mismatch: ex:p line 0 and ex:q" says a line 0 that
  // is not in the file, and is said without it.
  static const char no_line[] = " line 0";
  int before = text_len;
  const char *rest = "";
  int rest_len = 0;
  const char *mismatch = strstr(text, "tag mismatch: ");
  const char *zero = mismatch ? strstr(mismatch, " line 0 and ") : NULL;
  if (zero && zero - text < text_len) {
    before = (int)(zero - text);
    rest = zero + sizeof(no_line) - 1;
    rest_len = text_len - (int)(rest - text);
  }
  ent_log(in->world,
          warning ? ENT_LOG_WARNING : ENT_LOG_ERROR,
          warning ? ENT_FAILURE : ENT_ERR_SYNTAX,
          &caret,
          "%.*s%.*s%s",
          before,
          text,
          rest_len,
          rest,
          warning ? "" : line_hint(in, caret.line));
}

static const char *
syntax_for(const char *path)
{
  static const struct {
    const char *ext;
    const char *syntax;
  } by_extension[] = {
    { ".ttl", "turtle" }, { ".turtle", "turtle" }, { ".nt", "ntriples" },
    { ".nq", "nquads" },  { ".rdf", "rdfxml" },    { ".owl", "rdfxml" },
    { ".xml", "rdfxml" }, { ".n3", "turtle" },     { ".trig", "trig" },
    { ".rj", "rdfjson" }, { ".jsonld", "jsonld" },
  };
  // "x.nq.gz" is N-Quads compressed, as `entente export -o x.nq.gz`
  // writes it.
  size_t len = 0;
  const char *ext = ent_path_extension(path, &len);
  for (size_t i = 0; ext && i < sizeof(by_extension) / sizeof(*by_extension);
       ++i) {
    if (strlen(by_extension[i].ext) == len + 1 &&
        !strncasecmp(ext, by_extension[i].ext + 1, len)) { // also "x.TTL"
      return by_extension[i].syntax;
    }
  }
  return NULL;
}

/// A buffer being filled (`*size` bytes and a NUL's room) made twice as
/// big, to `cap` + 1 bytes at most (one more than the input may hold, to
/// tell an input past it); false, the buffer freed and NULL, if memory ran
/// out.
static bool
grow_to_cap(char **buf, size_t *size, size_t cap)
{
  const size_t grown_size = *size > (cap + 1) / 2 ? cap + 1 : 2 * *size;
  char *grown = realloc(*buf, grown_size + 1);
  if (!grown) {
    free(*buf);
    *buf = NULL;
    return false;
  }
  *buf = grown;
  *size = grown_size;
  return true;
}

/// `*text` (`*len` bytes, malloc'd), if it is gzip-compressed (by its
/// first bytes, whatever its name), replaced by what it holds, up to `cap`
/// bytes: a bomb of a few kilobytes that would make gigabytes stops at
/// the cap, as a file that big would.
static EntStatus
gunzip_input(EntWorld *world,
             const char *document,
             size_t cap,
             char **text,
             size_t *len)
{
  if (*len < 2 || (unsigned char)(*text)[0] != 0x1F ||
      (unsigned char)(*text)[1] != 0x8B) {
    return ENT_SUCCESS;
  }
  z_stream z;
  memset(&z, 0, sizeof(z));
  if (inflateInit2(&z, 15 + 16) != Z_OK) {
    return ENT_ERR_NO_MEMORY;
  }
  size_t size = *len * 4 > 65536 ? *len * 4 : 65536;
  size = size > cap + 1 ? cap + 1 : size;
  char *out = malloc(size + 1);
  size_t done = 0;
  size_t in_left = *len; // not yet given to zlib
  z.next_in = (Bytef *)*text;
  int rc = Z_OK;
  bool ended = false;
  while (out && !ended) {
    if (done == size) {
      if (size > cap) {
        break; // more than the cap: said below
      }
      if (!grow_to_cap(&out, &size, cap)) {
        break;
      }
    }
    if (!z.avail_in && in_left) {
      z.avail_in = in_left > UINT_MAX ? UINT_MAX : (uInt)in_left;
      in_left -= z.avail_in;
    }
    const size_t room = size - done;
    z.next_out = (Bytef *)out + done;
    z.avail_out = room > UINT_MAX ? UINT_MAX : (uInt)room;
    const uInt before = z.avail_out;
    rc = inflate(&z, Z_NO_FLUSH);
    done += before - z.avail_out;
    if (rc == Z_STREAM_END) {
      // Concatenated members (gzip -c a b > c): each in turn.  What
      // follows the last member and is not one (zeros a tape or a copy
      // padded it with) is left, as gzip leaves it.
      const size_t rest = z.avail_in + in_left;
      ended = rest < 2 || z.next_in[0] != 0x1F || z.next_in[1] != 0x8B;
      if (!ended && inflateReset(&z) != Z_OK) {
        rc = Z_DATA_ERROR;
        break;
      }
    } else if (rc == Z_BUF_ERROR) {
      if (z.avail_out && !z.avail_in && !in_left) {
        break; // the input ended inside a member
      }
    } else if (rc != Z_OK) {
      break; // damaged
    }
  }
  inflateEnd(&z);
  if (!out || rc == Z_MEM_ERROR) {
    ent_log(world,
            ENT_LOG_ERROR,
            ENT_ERR_NO_MEMORY,
            &(EntCaret){ .document = document },
            "out of memory while decompressing it, %zu bytes in",
            done);
    free(out);
    return ENT_ERR_NO_MEMORY;
  }
  if (done > cap) {
    ent_log(world,
            ENT_LOG_ERROR,
            ENT_ERR_IO,
            &(EntCaret){ .document = document },
            "gzip-compressed, and holds more than the limit of %zu bytes",
            cap);
    free(out);
    return ENT_ERR_IO;
  }
  if (!ended) {
    ent_log(world,
            ENT_LOG_ERROR,
            ENT_ERR_SYNTAX,
            &(EntCaret){ .document = document },
            "gzip-compressed, but %s after %zu bytes (gzip -t tells)",
            rc == Z_BUF_ERROR || rc == Z_OK ? "cut short" : "damaged",
            done);
    free(out);
    return ENT_ERR_SYNTAX;
  }
  out[done] = '\0';
  free(*text);
  *text = out;
  *len = done;
  return ENT_SUCCESS;
}

/// raptor2's parser for a syntax as a user names it (--syntax or
/// syntax_for()), NULL for one entente does not read: raptor2's other
/// parsers (guess, rdfa, grddl, rss-tag-soup) guess or fetch.
static const char *
parser_for(const char *named)
{
  static const struct {
    const char *named;
    const char *parser;
  } readable[] = {
    { "turtle", "turtle" },
    { "ntriples", "ntriples" },
    { "nquads", "nquads" },
    { "trig", "trig" },
    { "rdfxml", "rdfxml" },
    { "rdfjson", "json" },
    // raptor2's own name for RDF/JSON, and N3 as raptor2 took it (Turtle).
    { "json", "json" },
    { "n3", "turtle" },
  };
  for (size_t i = 0; i < sizeof(readable) / sizeof(*readable); ++i) {
    if (!strcmp(named, readable[i].named)) {
      return readable[i].parser;
    }
  }
  return NULL;
}

/// What the text's first word says it is, when that is not what its parser
/// reads (a Turtle file named .nt, RDF/XML named .ttl): the syntax to name
/// and the word, or NULL.  Only what the parser can never take is told:
/// Turtle reads N-Triples, and "<" may open an N-Triples IRI.
static const char *
other_syntax(const char *text, size_t len, const char *parser, const char **why)
{
  size_t i = 0;
  // White space and '#' comments, which every syntax but XML and JSON
  // allows in front.
  while (i < len) {
    if (isspace((unsigned char)text[i])) {
      ++i;
    } else if (text[i] == '#') {
      while (i < len && text[i] != '\n') {
        ++i;
      }
    } else {
      break;
    }
  }
  const char *rest = text + i;
  const size_t left = len - i;
  static const struct {
    const char *start;
    bool any_case; ///< SPARQL's PREFIX and BASE
    const char *syntax;
  } starts[] = {
    { "@prefix", false, "turtle" }, { "@base", false, "turtle" },
    { "prefix ", true, "turtle" },  { "base ", true, "turtle" },
    { "<?xml", false, "rdfxml" },   { "<rdf:RDF", false, "rdfxml" },
    { "<!--", false, "rdfxml" },    { "<!DOCTYPE", false, "rdfxml" },
    { "{", false, "json" },
  };
  for (size_t k = 0; k < sizeof(starts) / sizeof(*starts); ++k) {
    const size_t n = strlen(starts[k].start);
    if (left < n ||
        (starts[k].any_case ? strncasecmp(rest, starts[k].start, n) != 0
                            : strncmp(rest, starts[k].start, n) != 0)) {
      continue;
    }
    const char *syntax = starts[k].syntax;
    // Turtle's words are TriG's, and "{" opens TriG's default graph.
    if (!strcmp(syntax, parser) ||
        (!strcmp(parser, "trig") &&
         (!strcmp(syntax, "turtle") || !strcmp(syntax, "json")))) {
      return NULL;
    }
    *why = starts[k].start;
    return syntax;
  }
  return NULL;
}

/// The syntaxes raptor2 reads here, as messages name them: what to give
/// for one a file's first word suggests, and the extension that says it.
static const struct {
  const char *syntax;
  const char *named;
  const char *give;      ///< After "this looks like ..."
  const char *extension; ///< That names it
} syntax_names[] = {
  { "turtle", "Turtle", "give --syntax turtle (or trig)", ".ttl" },
  { "ntriples", "N-Triples", "", ".nt" },
  { "nquads", "N-Quads", "", ".nq" },
  { "trig", "TriG", "", ".trig" },
  { "rdfxml", "RDF/XML", "give --syntax rdfxml", ".rdf" },
  { "json", "JSON", "give --syntax rdfjson, or convert JSON-LD first", ".rj" },
};

/// JSON-LD is not read: raptor2 has no parser for it; rdflib (Debian's
/// python3-rdflib), which the tests already use, has one.  `how` says how
/// it was told ("" when its name or --syntax said so).
static EntStatus
refuse_jsonld(EntWorld *world, const char *path, const char *how)
{
  ent_log(world,
          ENT_LOG_ERROR,
          ENT_ERR_BAD_ARG,
          &(EntCaret){ .document = path },
          "JSON-LD is not read%s (raptor2 has no parser for it); convert it "
          "first: python3 -m rdflib.tools.rdfpipe -i json-ld -o nquads "
          "FILE.jsonld > FILE.nq, then draw FILE.nq",
          how);
  return ENT_ERR_BAD_ARG;
}

/// Whether JSON `text` is JSON-LD rather than RDF/JSON: its first key (of
/// its object, or of its array's first) starts with '@' ("@context",
/// "@id", "@graph"), where RDF/JSON's keys are subjects' IRIs or blank
/// node labels.
static bool
looks_like_jsonld(const char *text, size_t len)
{
  size_t i = 0;
  for (int opened = 0; opened < 2 && i < len; ++opened) {
    while (i < len && isspace((unsigned char)text[i])) {
      ++i;
    }
    if (i < len && text[i] == '[' && opened == 0) {
      ++i;
      continue;
    }
    if (i < len && text[i] == '{') {
      ++i;
      while (i < len && isspace((unsigned char)text[i])) {
        ++i;
      }
      return len - i >= 2 && text[i] == '"' && text[i + 1] == '@';
    }
    return false;
  }
  return false;
}

/// The largest text read again as other syntaxes after it failed (up to
/// three times): past it, the failure alone is said.
#define TRIAL_PARSE_MAX ((size_t)64 << 20)

/// After `text` failed to read as `parser` (a file named .nt that holds
/// N-Quads, a .ttl that holds TriG): the syntax it does read as, said as
/// a note with the --syntax that reads it.
static void
say_syntax_it_reads_as(EntWorld *world,
                       const char *path,
                       const char *text,
                       size_t len,
                       const char *parser)
{
  static const struct {
    const char *failed;
    const char *tried[3];
  } candidates[] = {
    { "ntriples", { "nquads", "turtle", "trig" } },
    { "nquads", { "trig", "turtle", NULL } },
    { "turtle", { "trig", "nquads", NULL } },
    { "trig", { "nquads", NULL, NULL } },
    { "rdfxml", { "ntriples", "nquads", "trig" } },
  };
  if (len > TRIAL_PARSE_MAX) {
    return; // each trial reads it all again
  }
  for (size_t c = 0; c < sizeof(candidates) / sizeof(*candidates); ++c) {
    if (strcmp(candidates[c].failed, parser) != 0) {
      continue;
    }
    for (size_t t = 0; t < 3 && candidates[c].tried[t]; ++t) {
      const char *syntax = candidates[c].tried[t];
      if (!ent_rdf_parses_as(world, text, len, syntax)) {
        continue;
      }
      for (size_t k = 0; k < sizeof(syntax_names) / sizeof(*syntax_names);
           ++k) {
        if (!strcmp(syntax_names[k].syntax, syntax)) {
          ent_log(world,
                  ENT_LOG_NOTE,
                  ENT_ERR_SYNTAX,
                  &(EntCaret){ .document = path },
                  "it reads as %s: give --syntax %s, or name it %s",
                  syntax_names[k].named,
                  syntax,
                  syntax_names[k].extension);
        }
      }
      return;
    }
  }
}

/// Standard input, whole, up to `cap` bytes (the cap files have): at
/// most `cap` + 1 bytes are read and held; an input still open at
/// `deadline` (lgraph_now(); `limit` seconds after the diagram step
/// began) is given up on: the time limit covers reading it too.
static EntStatus
read_stdin(EntWorld *world,
           size_t cap,
           double deadline,
           double limit,
           char **out,
           size_t *out_len)
{
  size_t len = 0;
  size_t size = cap < 65536 ? cap + 1 : 65536;
  char *buf = malloc(size + 1);
  while (buf && len <= cap) {
    if (len == size && !grow_to_cap(&buf, &size, cap)) {
      break;
    }
    const double left = deadline - lgraph_now();
    struct pollfd ready = { STDIN_FILENO, POLLIN, 0 };
    const int polled =
      left > 0 ? poll(&ready, 1, left < 1e6 ? (int)(left * 1000) + 1 : -1) : 0;
    if (polled < 0 && errno == EINTR) {
      continue;
    }
    if (polled == 0) {
      ent_log(world,
              ENT_LOG_ERROR,
              ENT_ERR_INTERNAL,
              &(EntCaret){ .document = "<stdin>" },
              "still open after the diagram's %g seconds (--time-limit), "
              "%zu bytes read; close the input when it is all written",
              limit,
              len);
      free(buf);
      return ENT_ERR_INTERNAL;
    }
    const ssize_t n = read(STDIN_FILENO, buf + len, size - len);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      ent_log(world,
              ENT_LOG_ERROR,
              ENT_ERR_IO,
              &(EntCaret){ .document = "<stdin>" },
              "read failed: %s",
              strerror(errno));
      free(buf);
      return ENT_ERR_IO;
    }
    if (n == 0) {
      break;
    }
    len += (size_t)n;
  }
  if (!buf) {
    ent_log(world,
            ENT_LOG_ERROR,
            ENT_ERR_NO_MEMORY,
            &(EntCaret){ .document = "<stdin>" },
            "out of memory after reading %zu bytes",
            len);
    return ENT_ERR_NO_MEMORY;
  }
  if (len > cap) {
    ent_log(world,
            ENT_LOG_ERROR,
            ENT_ERR_IO,
            &(EntCaret){ .document = "<stdin>" },
            "more than the limit of %zu bytes",
            cap);
    free(buf);
    return ENT_ERR_IO;
  }
  buf[len] = '\0';
  *out = buf;
  *out_len = len;
  return ENT_SUCCESS;
}

/// What entente file an XML text is, by its root element: in entente's
/// dataset namespace (declared on it, xmlns= or xmlns:p=) and named
/// dataset, corpus or registry.  RDF that only mentions the namespace is
/// none of them.
typedef enum {
  NOT_ENTENTE,
  ENTENTE_DATASET,
  ENTENTE_CORPUS,
  ENTENTE_REGISTRY
} EntenteFile;

static EntenteFile
entente_file(const char *text, size_t len)
{
  const size_t head = len < 8192 ? len : 8192;
  const char *end = text + head;
  const char *p = text;
  // Past the XML declaration, comments, processing instructions and a
  // DOCTYPE, to the root's start tag.
  for (;;) {
    p = memchr(p, '<', (size_t)(end - p));
    if (!p || end - p < 2) {
      return NOT_ENTENTE;
    }
    const char *close = p[1] == '?'                              ? "?>"
                        : end - p >= 4 && !strncmp(p, "<!--", 4) ? "-->"
                        : p[1] == '!'                            ? ">"
                                                                 : NULL;
    if (!close) {
      break;
    }
    const char *after =
      memmem(p + 2, (size_t)(end - p - 2), close, strlen(close));
    if (!after) {
      return NOT_ENTENTE;
    }
    p = after + strlen(close);
  }
  const char *tag_end = memchr(p, '>', (size_t)(end - p));
  if (!tag_end) {
    return NOT_ENTENTE;
  }
  const char *name = p + 1;
  size_t name_len = strcspn(name, " \t\r\n/>");
  const char *colon = memchr(name, ':', name_len);
  if (colon) {
    name_len -= (size_t)(colon + 1 - name);
    name = colon + 1;
  }
  const EntenteFile kind =
    name_len == 7 && !strncmp(name, "dataset", 7)    ? ENTENTE_DATASET
    : name_len == 6 && !strncmp(name, "corpus", 6)   ? ENTENTE_CORPUS
    : name_len == 8 && !strncmp(name, "registry", 8) ? ENTENTE_REGISTRY
                                                     : NOT_ENTENTE;
  const size_t tag_len = (size_t)(tag_end - p);
  const size_t ns = sizeof(ENT_FORMAT_NS) - 1;
  for (const char *at = memmem(p, tag_len, ENT_FORMAT_NS, ns); kind && at;
       at =
         memmem(at + ns, tag_len - (size_t)(at + ns - p), ENT_FORMAT_NS, ns)) {
    // Back over the quote and '=' (with white space around it) to the
    // attribute's name, which must be xmlns or xmlns:PREFIX.
    const char *q = at;
    if (q == p || (q[-1] != '"' && q[-1] != '\'')) {
      continue;
    }
    --q;
    while (q > p && strchr(" \t\r\n=", q[-1])) {
      --q;
    }
    const char *attr = q;
    while (attr > p && !strchr(" \t\r\n<", attr[-1])) {
      --attr;
    }
    if (q - attr >= 5 && !strncmp(attr, "xmlns", 5) &&
        (q - attr == 5 || attr[5] == ':')) {
      return kind;
    }
  }
  return NOT_ENTENTE;
}

/// An entente file given to `dot`: the command that draws it (its corpus
/// directory for a corpus.xml or a registry file, when its path tells).
static void
say_export_it(EntWorld *world,
              const char *path,
              EntenteFile kind,
              const EntDiagramOptions *options)
{
  char dir[PATH_MAX];
  snprintf(dir, sizeof(dir), "%s", path);
  char *slash = strrchr(dir, '/');
  const char *give = path;
  if (!strcmp(path, "<stdin>")) {
    give = "FILE";
  } else if (kind == ENTENTE_CORPUS) {
    if (slash) {
      *slash = '\0';
    }
    give = slash ? dir : ".";
  } else if (kind == ENTENTE_REGISTRY) {
    give = "CORPUS-DIRECTORY";
    if (slash) {
      *slash = '\0';
      char *up = strrchr(dir, '/');
      if (!strcmp(up ? up + 1 : dir, "registry")) {
        if (up) {
          *up = '\0';
        }
        give = up ? dir : ".";
      }
    } else {
      give = ".."; // a registry file named from its own directory
    }
  }
  const char *view = options && options->view ? options->view : NULL;
  ent_log(world,
          ENT_LOG_ERROR,
          ENT_ERR_SYNTAX,
          &(EntCaret){ .document = path },
          "this is %s of entente's (in %s), not RDF: draw it with 'entente "
          "export %s -f svg%s%s' (or dot, png, pdf, graphml)%s",
          kind == ENTENTE_DATASET  ? "a dataset"
          : kind == ENTENTE_CORPUS ? "the corpus.xml of a corpus"
                                   : "a registry file of a corpus",
          ENT_FORMAT_NS,
          give,
          view ? " --view " : "",
          view ? view : "",
          !strcmp(path, "<stdin>") ? ", saved to a file first" : "");
}

EntStatus
ent_diagram_rdf_file(EntWorld *world,
                     const EntOntology *ontology,
                     const char *path,
                     const char *syntax,
                     EntDiagramFormat format,
                     const EntDiagramOptions *options,
                     FILE *stream)
{
  if ((unsigned)format >= ENT_DIAGRAM_COUNT_ || !stream || !path) {
    return ENT_ERR_BAD_ARG;
  }
  if (lgraph_check_options(world, options)) {
    return ENT_ERR_BAD_ARG;
  }
  struct stat info;
  if (strcmp(path, "-") != 0 && !stat(path, &info) && S_ISDIR(info.st_mode)) {
    ent_log(world,
            ENT_LOG_ERROR,
            ENT_ERR_IO,
            &(EntCaret){ .document = path },
            "a directory; give an RDF file");
    return ENT_ERR_IO;
  }
  const char *named = syntax ? syntax : syntax_for(path);
  if (named && (!strcmp(named, "jsonld") || !strcmp(named, "json-ld"))) {
    return refuse_jsonld(world, path, "");
  }
  if (!named) {
    const bool stdin_read = !strcmp(path, "-");
    ent_log(world,
            ENT_LOG_ERROR,
            ENT_ERR_BAD_ARG,
            stdin_read ? NULL : &(EntCaret){ .document = path },
            "cannot tell the RDF syntax from %s; give --syntax "
            "turtle|ntriples|nquads|trig|rdfxml|rdfjson",
            stdin_read ? "standard input, which has no file name"
                       : "the file name");
    return ENT_ERR_BAD_ARG;
  }
  const char *parser_name = parser_for(named);
  if (!parser_name) {
    // raptor2 has more parsers (guess, rdfa, grddl, rss-tag-soup); those
    // guess or fetch, and are not what a user drawing a file means.
    ent_log(world,
            ENT_LOG_ERROR,
            ENT_ERR_BAD_ARG,
            NULL,
            "unknown RDF syntax '%s'; use turtle, ntriples, nquads, trig, "
            "rdfxml or rdfjson",
            named);
    return ENT_ERR_BAD_ARG;
  }
  char *text = NULL;
  size_t len = 0;
  EntStatus st = ENT_SUCCESS;
  const double began = lgraph_now();
  const double limit = options && options->time_limit
                         ? (double)options->time_limit
                         : (double)ENT_DIAGRAM_TIME_LIMIT;
  if (!strcmp(path, "-")) {
    path = "<stdin>";
    TRY(
      st,
      read_stdin(world, RDF_INPUT_SIZE_CAP, began + limit, limit, &text, &len));
  } else {
    TRY(st, ent_read_file(world, path, RDF_INPUT_SIZE_CAP, &text, &len));
  }
  st = gunzip_input(world, path, RDF_INPUT_SIZE_CAP, &text, &len);
  if (st) {
    free(text);
    return st;
  }
  // A dataset of entente's (XML, named .xml as RDF/XML is) is drawn by
  // export: one line, not one RDF/XML error an element.
  const EntenteFile entente = entente_file(text, len);
  if (entente) {
    say_export_it(world, path, entente, options);
    free(text);
    return ENT_ERR_SYNTAX;
  }
  // Before the checks of the syntax named: a Turtle file named .rdf is
  // better told as that than as XML that does not start with '<'.
  const char *why = NULL;
  const size_t bom = ent_rdf_text_start(text, len);
  if (!strcmp(parser_name, "json") &&
      looks_like_jsonld(text + bom, len - bom)) {
    free(text);
    return refuse_jsonld(
      world, path, " (this JSON's first key starts with '@')");
  }
  const char *likely = other_syntax(text + bom, len - bom, parser_name, &why);
  if (likely) {
    // One line, where raptor would say one error a statement.
    const char *is = likely;
    const char *read_as = parser_name;
    const char *give = "";
    for (size_t k = 0; k < sizeof(syntax_names) / sizeof(*syntax_names); ++k) {
      if (!strcmp(syntax_names[k].syntax, likely)) {
        is = syntax_names[k].named;
        give = syntax_names[k].give;
      }
      if (!strcmp(syntax_names[k].syntax, parser_name)) {
        read_as = syntax_names[k].named;
      }
    }
    ent_log(world,
            ENT_LOG_ERROR,
            ENT_ERR_SYNTAX,
            &(EntCaret){ .document = path },
            "this looks like %s (it begins with '%s'), not %s as %s says; "
            "%s",
            is,
            why,
            read_as,
            syntax ? "--syntax" : "its name",
            give);
    st = ENT_ERR_SYNTAX;
  } else {
    st = ent_check_rdf_text(
      world, path, text, len, parser_name, RDF_INPUT_SIZE_CAP);
  }
  if (st) {
    free(text);
    return st;
  }
  LGraph lg;
  lgraph_init(&lg, world, ontology, options);
  lg.deadline = began + lg.time_limit; // reading the file counts
  lg.layout_limit = layout_limit(format);
  lg.keep_claims = wants_claims(options);
  raptor_parser *parser = raptor_new_parser(world->raptor, parser_name);
  const size_t start = ent_rdf_text_start(text, len);
  RdfInput in = { &lg,
                  world,
                  path,
                  0,
                  ENT_SUCCESS,
                  parser,
                  { NULL, 0, 0 },
                  text + start,
                  len - start,
                  !strcmp(parser_name, "trig"),
                  !strcmp(parser_name, "json"),
                  0,
                  false,
                  0,
                  { 0, 0 },
                  0,
                  false };
  raptor_uri *base =
    raptor_new_uri(world->raptor, (const unsigned char *)"file:///input");
  if (!parser || !base) {
    ent_log(world,
            ENT_LOG_ERROR,
            ENT_ERR_BAD_ARG,
            NULL,
            "unknown RDF syntax '%s'",
            parser_name);
    st = ENT_ERR_BAD_ARG;
  } else {
    raptor_parser_set_option(parser, RAPTOR_OPTION_NO_NET, NULL, 1);
    raptor_parser_set_option(parser, RAPTOR_OPTION_NO_FILE, NULL, 1);
    raptor_parser_set_option(
      parser, RAPTOR_OPTION_LOAD_EXTERNAL_ENTITIES, NULL, 0);
    raptor_parser_set_statement_handler(parser, &in, on_statement);
    raptor_parser_set_namespace_handler(parser, &in, on_namespace);
    raptor_world_set_log_handler(world->raptor, &in, on_log);
    int rc = raptor_parser_parse_start(parser, base);
    if (!rc && in.json) {
      const char *at = text + start;
      const char *end = text + len;
      while (!rc && at < end && !in.errors && !in.status) {
        const char *eol = memchr(at, '\n', (size_t)(end - at));
        const char *next = eol ? eol + 1 : end;
        ++in.json_line;
        rc = raptor_parser_parse_chunk(
          parser, (const unsigned char *)at, (size_t)(next - at), 0);
        at = next;
      }
      if (!rc && !in.errors && !in.status) {
        rc = raptor_parser_parse_chunk(parser, NULL, 0, 1);
      }
    } else if (!rc) {
      rc = raptor_parser_parse_chunk(
        parser, (const unsigned char *)text + start, len - start, 1);
    }
    raptor_world_set_log_handler(world->raptor, NULL, NULL);
    if (rc && !in.errors && !in.status) {
      // raptor gave up without a word (RDF/XML whose XML libxml2 refused
      // early, a NUL among its bytes).
      ent_log(world,
              ENT_LOG_ERROR,
              ENT_ERR_SYNTAX,
              &(EntCaret){ .document = path },
              "cannot be read as %s; check that it is %s",
              parser_name,
              !strcmp(parser_name, "rdfxml") ? "well-formed RDF/XML"
                                             : "that syntax");
    }
    st = in.status           ? in.status
         : (rc || in.errors) ? ENT_ERR_SYNTAX
                             : ENT_SUCCESS;
  }
  raptor_free_parser(parser);
  raptor_free_uri(base);
  if (st == ENT_ERR_SYNTAX) {
    say_syntax_it_reads_as(world, path, text + start, len - start, parser_name);
  }
  ent_buf_free(&in.literal);
  free(text);
  if (!st) {
    st = draw(&lg, format, options, stream);
  }
  lgraph_clear(&lg);
  return st;
}
