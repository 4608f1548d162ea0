// SPDX-License-Identifier: MIT
// The entente command.  It uses the public API only.

#include "../entente.h"
#include "commands.h"

#include <errno.h>
#include <limits.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

// Exit codes, as in sysexits.h (commands.h).
enum {
  EXIT_OK = CLI_OK,
  EXIT_USAGE = CLI_USAGE,
  EXIT_DATAERR = CLI_DATAERR,
  EXIT_NOINPUT = CLI_NOINPUT,
  EXIT_SOFTWARE = CLI_SOFTWARE,
  EXIT_IOERR = CLI_IOERR,
  EXIT_CONFIG = CLI_CONFIG,
};

#define MAX_FORMATS 16
#define MAX_TEXTS   64

// The help of each command: a usage line, what it does, its options.
// `entente CMD --help` and `entente help CMD` print it; the man pages are
// made from it by help2man, so the layout follows GNU's --help.

static const char main_help[] =
  "Usage: entente COMMAND [OPTION]... ARGUMENT...\n"
  "Turn curated datasets about diplomacy into RDF and diagrams.\n"
  "\n"
  "Commands:\n"
  "  export     write datasets as RDF (Turtle, N-Triples, N-Quads, TriG,\n"
  "             JSON-LD, RDF/XML, RDF/JSON) or as a diagram\n"
  "  validate   check datasets (schema, references, dates, quotes) and\n"
  "             say what they hold\n"
  "  dot        draw any RDF file (Turtle, N-Triples, N-Quads, TriG,\n"
  "             RDF/XML, RDF/JSON) as a diagram\n"
  "  push       send each source's named graph to a triple store\n"
  "  site       write datasets as a static site: a page per person, body,\n"
  "             meeting and source, with search, diagrams and sources\n"
  "  ontology   print entente's ontology, SHACL shapes, JSON-LD context or\n"
  "             dataset schema\n"
  "  help       print the help of a command\n"
  "\n"
  "Options:\n"
  "  -h, --help       print this help\n"
  "  --version        print the version\n"
  "\n"
  "'entente COMMAND --help' (or 'entente help COMMAND') tells the\n"
  "options of COMMAND.\n"
  "\n"
  "Exit status: 0 success, 64 bad usage, 65 bad data, 66 unreadable input,\n"
  "70 out of memory or internal error, 74 output error, 78 unusable\n"
  "ontology.\n";

#define INPUT_OPTIONS                                                        \
  "  --corpus DIR     read the datasets against the corpus in DIR (by\n"     \
  "                   default: the corpus whose corpus.xml is in the\n"      \
  "                   dataset's directory or above it, if any)\n"            \
  "  --text-dir DIR   also look for the texts datasets name in DIR (after\n" \
  "                   the corpus directory, or the dataset's own)\n"         \
  "  --text S=FILE    check the quotes of source S against the text in\n"    \
  "                   FILE\n"                                                \
  "  --base IRI       mint entity IRIs under IRI instead of the dataset's\n" \
  "  --ontology FILE  use this ontology (Turtle) instead of the built-in\n"  \
  "                   one\n"                                                 \
  "  -w, --no-warnings  do not show warnings\n"                              \
  "  --strict         treat warnings as errors (exit 65, nothing written)\n"

#define DIAGRAM_OPTIONS                                                      \
  "  --view VIEW      all (default), negotiation:ID, compare:ID, ego:ID,\n"  \
  "                   timeline\n"                                            \
  "  --depth N        hops around the node of an ego view (default 1;\n"     \
  "                   ego:ID only)\n"                                        \
  "  --max-nodes N    draw at most N nodes, then a \"+N more\" node (150)\n" \
  "  --time-limit S   stop the diagram after S seconds of reading, laying\n" \
  "                   out and rendering (300)\n"                             \
  "  --engine NAME    Graphviz layout engine (default: dot for small\n"      \
  "                   diagrams, sfdp for large ones and for dense ones\n"    \
  "                   dot cannot lay out in a tenth of the time limit)\n"    \
  "  --lang TAG       preferred language of labels (default en)\n"

#define EXIT_STATUS                                                           \
  "\n"                                                                        \
  "Exit status: 0 success, 64 bad usage, 65 bad data, 66 unreadable input,\n" \
  "70 out of memory, internal error or a diagram's time limit passed,\n"      \
  "74 output error (or too large for the format), 78 unusable ontology.\n"

static const char export_help[] =
  "Usage: entente export [OPTION]... DATASET...\n"
  "Write datasets as RDF or as a diagram.\n"
  "\n"
  "A DATASET may be a directory: its *.xml files, in name order; a corpus\n"
  "directory stands for the articles in its articles/ folder, read against\n"
  "its registry.\n"
  "\n"
  "Options:\n"
  "  -f, --format FORMAT[,FORMAT]...\n"
  "                   RDF: turtle (default), ntriples, nquads, trig,\n"
  "                   jsonld, rdfxml, rdfjson (or the names and media types\n"
  "                   rapper and riot take: ttl, nt, nq, text/turtle...);\n"
  "                   diagrams: dot, svg, png, pdf, graphml; several with\n"
  "                   -O only\n"
  "  -o, --output FILE\n"
  "                   write one file (all datasets merged); '-' is standard\n"
  "                   output.  Without -f the format is the extension's\n"
  "                   (.ttl .nt .nq .trig .jsonld .rdf .rj .dot .svg .png\n"
  "                   .pdf .graphml); with -f a known extension must agree.\n"
  "                   FILE.gz is compressed with gzip\n"
  "  -O, --output-dir DIR\n"
  "                   write DATASET-NAME.EXT into DIR (made if missing) for\n"
  "                   each dataset and format (and CORPUS-ID.EXT for the\n"
  "                   corpus graph), all together or none, with manifest.tsv\n"
  "                   for N-Triples and N-Quads\n"
  "  -j, --jobs N     with -O: export the datasets in N worker processes\n"
  "                   (the same bytes whatever N)\n"
  "  --threads N      N-Triples, N-Quads, Turtle, TriG and JSON-LD: 2\n"
  "                   serializes in a second thread while the first reads\n"
  "                   (default 2 when this process may use two or more\n"
  "                   cores)\n"
  "  --ascii          streamed formats: write characters\n"
  "                   past U+007F as \\u escapes (default: UTF-8)\n"
  "  --buffered-limit N\n"
  "                   RDF/XML and RDF/JSON, which raptor2 holds in memory\n"
  "                   (~250 bytes a statement): refuse past N statements\n"
  "                   (default 2000000)\n"
  "  -q, --quiet      no progress line\n"
  "  --progress       show the progress of runs longer than a second even\n"
  "                   when standard error is not a terminal (one line a\n"
  "                   second); on a terminal it is shown unless "
  "-q\n" INPUT_OPTIONS "\n"
  "Diagram options (with a diagram format only):\n" DIAGRAM_OPTIONS
  "  -h, --help       print this help\n"
  "\n"
  "Without -o or -O the output goes to standard output.  Files are written\n"
  "atomically: on any error no output file is created or "
  "changed.\n" EXIT_STATUS;

static const char validate_help[] =
  "Usage: entente validate [OPTION]... DATASET...\n"
  "Check datasets (schema, references, dates, quotes) and say what they "
  "hold.\n"
  "\n"
  "All datasets are read into one graph, as export reads them: what\n"
  "validates, exports.  Sources that disagree and names that look like\n"
  "duplicates are warnings.\n"
  "\n"
  "Options:\n"
  "  -q, --quiet      print nothing when the datasets are valid\n"
  "  --progress       show the progress of long runs even when standard\n"
  "                   error is not a terminal\n" INPUT_OPTIONS
  "  -h, --help       print this help\n" EXIT_STATUS;

static const char dot_help[] =
  "Usage: entente dot [OPTION]... RDF-FILE\n"
  "Draw any RDF file as a diagram.\n"
  "\n"
  "RDF-FILE is Turtle, N-Triples, N-Quads, TriG, RDF/XML or RDF/JSON (by\n"
  "its extension, or --syntax); '-' reads standard input (give --syntax).\n"
  "JSON-LD is not read: convert it to N-Quads first.\n"
  "Labels come from skos:prefLabel, rdfs:label, schema:name, foaf:name,\n"
  "dcterms:title and the like (given and family names too); FOAF, ORG,\n"
  "schema.org (http or https) and the file's own subclasses of their\n"
  "classes get shapes; a property's rdfs:label names its edges. RDF\n"
  "lists are drawn as their members, OWL restrictions as edges to their\n"
  "fillers (ex:hasTopping some), owl:disjointWith in tooltips; RDF/XML\n"
  "may have the DOCTYPE Protégé writes (entities that stand for text).\n"
  "\n"
  "Options:\n"
  "  -f, --format FORMAT\n"
  "                   dot, svg, png, pdf, graphml (default: the output's\n"
  "                   extension; dot on standard output)\n"
  "  -o, --output FILE\n"
  "                   write FILE ('-': standard output, the default); the\n"
  "                   format is its extension's unless -f is given\n"
  "  -O, --output-dir DIR\n"
  "                   write RDF-FILE-NAME.EXT into DIR (made if missing)\n"
  "  --syntax NAME    turtle, ntriples, nquads, trig, rdfxml or rdfjson,\n"
  "                   when the extension does not tell\n"
  "  -q, --quiet      no progress line\n"
  "  --progress       show the progress of long runs even when standard\n"
  "                   error is not a terminal\n" DIAGRAM_OPTIONS
  "  --ontology FILE  label edges from this ontology (Turtle) instead of\n"
  "                   the built-in one\n"
  "  -w, --no-warnings  do not show warnings\n"
  "  --strict         treat warnings as errors\n"
  "  -h, --help       print this help\n" EXIT_STATUS;

static const char site_help[] =
  "Usage: entente site [OPTION]... DATASET... -O DIR\n"
  "Write datasets as a static site a browser opens without a network.\n"
  "\n"
  "One page per entity IRI (BASE PATH -> DIR/PATH/index.html, with its\n"
  "statements beside it as index.ttl and index.nt): names and spellings,\n"
  "posts, an ego diagram, quotes, a timeline, where sources disagree and\n"
  "every fact with its sources.  DIR/index.html searches every name and\n"
  "alias; timeline.html and sources.html cover the corpus.  Served at the\n"
  "base IRI, every entity IRI resolves to its page.\n"
  "\n"
  "Options:\n"
  "  -O, --output-dir DIR\n"
  "                   write the site into DIR, which must be new, empty or\n"
  "                   a site entente made; it is replaced as a whole, and\n"
  "                   only when every page is written\n"
  "  --title TEXT     the index's title (default: the corpus's name)\n"
  "  --max-nodes N    draw at most N nodes in an ego diagram (40)\n"
  "  --time-limit S   stop after S seconds of drawing diagrams (3600)\n"
  "  --lang TAG       preferred language of names (default en)\n"
  "  -q, --quiet      no progress line\n"
  "  --progress       show the progress of long runs even when standard\n"
  "                   error is not a terminal\n" INPUT_OPTIONS
  "  -h, --help       print this help\n" EXIT_STATUS;

static const char ontology_help[] =
  "Usage: entente ontology [OPTION]\n"
  "Print entente's vocabulary files: the OWL ontology in Turtle (the\n"
  "default), the SHACL shapes every export conforms to, the JSON-LD\n"
  "context of the JSON-LD exports, or the RELAX NG schema of datasets.\n"
  "\n"
  "Options:\n"
  "  --shapes         print the SHACL shapes (Turtle)\n"
  "  --context        print the JSON-LD context\n"
  "  --schema         print the dataset schema (RELAX NG)\n"
  "  -h, --help       print this help\n" EXIT_STATUS;

/// An output format: an RDF syntax or a diagram.
typedef struct {
  bool diagram;
  int value; ///< EntFormat or EntDiagramFormat
} Format;

typedef struct {
  const char *command;
  const char **args; ///< DATASET arguments as given
  int n_args;
  CliInputs in; ///< The datasets (directories expanded) and corpus
  Format formats[MAX_FORMATS];
  int n_formats;
  const char *output;
  const char *output_dir;
  const char *base;
  const char *ontology;
  const char *syntax;
  const char *corpus;
  const char *title; ///< site --title
  const char *texts[MAX_TEXTS];
  int n_texts;
  const char *text_dirs[MAX_TEXTS];
  int n_text_dirs;
  EntDiagramOptions diagram;
  const char *diagram_option; ///< A diagram option given, for messages
  bool quiet;
  bool no_warnings;
  bool strict;
  bool corpus_output;           ///< -O: also write the corpus graph's own file
  unsigned long jobs;           ///< -j: parallel workers (export -O only)
  unsigned long threads;        ///< --threads, or 0: as many cores, up to 2
  bool ascii;                   ///< --ascii: escape non-ASCII characters
  bool progress;                ///< --progress: even when stderr is no terminal
  unsigned long buffered_limit; ///< --buffered-limit, or 0: the default
  CliProgress *progress_line;   ///< Where the progress line is, or NULL
  EntOutputSet *set;            ///< -j worker: the parent's set (not owned)
  size_t worker;  ///< -j worker: its number (from 0), for its manifest part
  size_t workers; ///< -j worker: how many there are
} Options;

/// The command being parsed, for the pointer to its help in usage
/// errors (set once by main(), before anything else runs).
static const char *current_command;

static int usage_error(const char *fmt, ...)
  __attribute__((format(printf, 1, 2)));

static int
usage_error(const char *fmt, ...)
{
  char message[1024];
  va_list args;
  va_start(args, fmt);
  vsnprintf(message, sizeof(message), fmt, args);
  va_end(args);
  return ent_cli_usage_error(current_command, "%s", message);
}

/// The formats written as the datasets are read (ent_export_rdf_stream()).
static bool
is_stream_format(Format format)
{
  return !format.diagram &&
         (format.value == ENT_FORMAT_NTRIPLES ||
          format.value == ENT_FORMAT_NQUADS ||
          format.value == ENT_FORMAT_TURTLE ||
          format.value == ENT_FORMAT_TRIG || format.value == ENT_FORMAT_JSONLD);
}

/// The format among an RDF syntax and a diagram format that matched.
static bool
pick_format(EntFormat rdf, EntDiagramFormat diagram, Format *out)
{
  if (rdf != ENT_FORMAT_COUNT_) {
    *out = (Format){ false, (int)rdf };
  } else if (diagram != ENT_DIAGRAM_COUNT_) {
    *out = (Format){ true, (int)diagram };
  }
  return rdf != ENT_FORMAT_COUNT_ || diagram != ENT_DIAGRAM_COUNT_;
}

static bool
format_by_name(const char *name, Format *out)
{
  return pick_format(
    ent_format_by_name(name), ent_diagram_format_by_name(name), out);
}

/// The format a file name implies (after a final ".gz").
static bool
format_by_extension(const char *path, Format *out)
{
  return pick_format(
    ent_format_by_extension(path), ent_diagram_format_by_extension(path), out);
}

static bool
same_format(Format a, Format b)
{
  return a.diagram == b.diagram && a.value == b.value;
}

static const char format_list[] =
  "turtle, ntriples, nquads, trig, jsonld, rdfxml, rdfjson, dot, svg, png, "
  "pdf or graphml";

/// Whether `-o PATH` means standard output.
static bool
is_stdout(const char *path)
{
  return path && (!strcmp(path, "-") || !strcmp(path, "/dev/stdout"));
}

static const char *
format_extension(Format f)
{
  return f.diagram ? ent_diagram_extension((EntDiagramFormat)f.value)
                   : ent_format_extension((EntFormat)f.value);
}

static int
parse_formats(Options *o, const char *list)
{
  if (!list[strspn(list, ",")]) {
    return usage_error("-f needs a format: %s", format_list);
  }
  char copy[256];
  if (strlen(list) >= sizeof(copy)) {
    return usage_error("format list too long: %s", list);
  }
  if (list[0] == ',' || strstr(list, ",,") || list[strlen(list) - 1] == ',') {
    return usage_error("an empty format in '%s': name each format once, "
                       "with a comma between two",
                       list);
  }
  memcpy(copy, list, strlen(list) + 1);
  for (char *save = NULL, *name = strtok_r(copy, ",", &save); name;
       name = strtok_r(NULL, ",", &save)) {
    Format f = { false, 0 };
    if (!strcasecmp(name, "json")) {
      return usage_error("format 'json' could be JSON-LD or RDF/JSON: give "
                         "jsonld or rdfjson");
    }
    if (!format_by_name(name, &f)) {
      return usage_error("unknown format '%s'; use %s",
                         name,
                         !strcmp(o->command, "dot")
                           ? "dot, svg, png, pdf or graphml"
                           : format_list);
    }
    for (int k = 0; k < o->n_formats; ++k) {
      if (same_format(o->formats[k], f)) {
        return usage_error("format '%s' is named twice in '%s'", name, list);
      }
    }
    if (o->n_formats == MAX_FORMATS) {
      return usage_error("too many formats in '%s'", list);
    }
    o->formats[o->n_formats++] = f;
  }
  return EXIT_OK;
}

static bool
parse_count(const char *text, unsigned long max, unsigned long *out)
{
  char *end = NULL;
  errno = 0;
  const unsigned long v = strtoul(text, &end, 10);
  if (errno || !end || *end || text[0] == '-' || v == 0 || v > max) {
    return false;
  }
  *out = v;
  return true;
}

enum {
  OPT_STRICT = 256,
  OPT_THREADS,
  OPT_ASCII,
  OPT_PROGRESS,
  OPT_BUFFERED_LIMIT,
  OPT_TEXT,
  OPT_TEXT_DIR,
  OPT_BASE,
  OPT_ONTOLOGY,
  OPT_CORPUS,
  OPT_SYNTAX,
  OPT_VIEW,
  OPT_ENGINE,
  OPT_LANG,
  OPT_DEPTH,
  OPT_MAX_NODES,
  OPT_TIME_LIMIT,
  OPT_TITLE,
};

#define COMMON_OPTIONS                                     \
  { "no-warnings", no_argument, NULL, 'w' },               \
    { "strict", no_argument, NULL, OPT_STRICT },           \
    { "ontology", required_argument, NULL, OPT_ONTOLOGY }, \
  {                                                        \
    "help", no_argument, NULL, 'h'                         \
  }
#define INPUT_LONG_OPTIONS                                 \
  { "corpus", required_argument, NULL, OPT_CORPUS },       \
    { "text-dir", required_argument, NULL, OPT_TEXT_DIR }, \
    { "text", required_argument, NULL, OPT_TEXT },         \
  {                                                        \
    "base", required_argument, NULL, OPT_BASE              \
  }
#define DIAGRAM_LONG_OPTIONS                                   \
  { "view", required_argument, NULL, OPT_VIEW },               \
    { "depth", required_argument, NULL, OPT_DEPTH },           \
    { "max-nodes", required_argument, NULL, OPT_MAX_NODES },   \
    { "time-limit", required_argument, NULL, OPT_TIME_LIMIT }, \
    { "engine", required_argument, NULL, OPT_ENGINE },         \
  {                                                            \
    "lang", required_argument, NULL, OPT_LANG                  \
  }
#define OUTPUT_LONG_OPTIONS                     \
  { "format", required_argument, NULL, 'f' },   \
    { "output", required_argument, NULL, 'o' }, \
  {                                             \
    "output-dir", required_argument, NULL, 'O'  \
  }

static const struct option export_options[] = {
  OUTPUT_LONG_OPTIONS,
  { "jobs", required_argument, NULL, 'j' },
  { "threads", required_argument, NULL, OPT_THREADS },
  { "ascii", no_argument, NULL, OPT_ASCII },
  { "buffered-limit", required_argument, NULL, OPT_BUFFERED_LIMIT },
  { "quiet", no_argument, NULL, 'q' },
  { "progress", no_argument, NULL, OPT_PROGRESS },
  INPUT_LONG_OPTIONS,
  DIAGRAM_LONG_OPTIONS,
  COMMON_OPTIONS,
  { NULL, 0, NULL, 0 },
};

static const struct option validate_options[] = {
  { "quiet", no_argument, NULL, 'q' },
  { "progress", no_argument, NULL, OPT_PROGRESS },
  INPUT_LONG_OPTIONS,
  COMMON_OPTIONS,
  { NULL, 0, NULL, 0 },
};

static const struct option dot_options[] = {
  OUTPUT_LONG_OPTIONS,
  { "syntax", required_argument, NULL, OPT_SYNTAX },
  { "quiet", no_argument, NULL, 'q' },
  { "progress", no_argument, NULL, OPT_PROGRESS },
  DIAGRAM_LONG_OPTIONS,
  COMMON_OPTIONS,
  { NULL, 0, NULL, 0 },
};

static const struct option site_options[] = {
  { "output-dir", required_argument, NULL, 'O' },
  { "title", required_argument, NULL, OPT_TITLE },
  { "max-nodes", required_argument, NULL, OPT_MAX_NODES },
  { "time-limit", required_argument, NULL, OPT_TIME_LIMIT },
  { "lang", required_argument, NULL, OPT_LANG },
  { "quiet", no_argument, NULL, 'q' },
  { "progress", no_argument, NULL, OPT_PROGRESS },
  INPUT_LONG_OPTIONS,
  COMMON_OPTIONS,
  { NULL, 0, NULL, 0 },
};

/// Take one option of export, validate, dot or site.
static int
take_option(void *handle, int key, const char *value)
{
  Options *o = handle;
  unsigned long n = 0;
  switch (key) {
    case 'q':
      o->quiet = true;
      break;
    case 'w':
      o->no_warnings = true;
      break;
    case OPT_STRICT:
      o->strict = true;
      break;
    case 'f':
      return parse_formats(o, value);
    case 'o':
      // One output: the last of two was taken without a word.
      if (o->output) {
        return usage_error("-o is given twice ('%s', '%s'); give one file, "
                           "or -O DIR for several",
                           o->output,
                           value);
      }
      o->output = value;
      break;
    case 'O':
      if (o->output_dir) {
        return usage_error("-O is given twice ('%s', '%s'); give one directory",
                           o->output_dir,
                           value);
      }
      // "-" is standard output to -o; a directory it cannot be.
      if (!strcmp(value, "-")) {
        return usage_error("-O takes a directory, not '-' (standard "
                           "output is -o -); give -O ./- for a directory "
                           "named '-'");
      }
      o->output_dir = value;
      break;
    case 'j':
      if (!parse_count(value, 256, &o->jobs)) {
        return usage_error("-j takes a number of workers from 1 to 256");
      }
      break;
    case OPT_THREADS:
      if (!parse_count(value, 2, &o->threads)) {
        return usage_error("--threads takes 1 or 2");
      }
      break;
    case OPT_ASCII:
      o->ascii = true;
      break;
    case OPT_PROGRESS:
      o->progress = true;
      break;
    case OPT_BUFFERED_LIMIT:
      if (!parse_count(value, ULONG_MAX, &o->buffered_limit)) {
        return usage_error("--buffered-limit takes a number of statements");
      }
      break;
    case OPT_TEXT: {
      const char *eq = strchr(value, '=');
      if (!eq || eq == value || !eq[1]) {
        return usage_error("--text needs SOURCE-ID=FILE, not '%s'", value);
      }
      // The same source twice: which file was meant is not for entente to
      // guess (the last one won, silently).
      for (int i = 0; i < o->n_texts; ++i) {
        const size_t len = (size_t)(eq - value);
        if (!strncmp(o->texts[i], value, len) && o->texts[i][len] == '=') {
          return usage_error("--text gives source '%.*s' two texts ('%s' "
                             "and '%s'); give it one",
                             (int)len,
                             value,
                             strchr(o->texts[i], '=') + 1,
                             eq + 1);
        }
      }
      if (o->n_texts == MAX_TEXTS) {
        return usage_error("too many --text options");
      }
      o->texts[o->n_texts++] = value;
      break;
    }
    case OPT_TEXT_DIR:
      if (o->n_text_dirs == MAX_TEXTS) {
        return usage_error("too many --text-dir options");
      }
      if (ent_cli_check_text_dir(current_command, value)) {
        return CLI_USAGE;
      }
      o->text_dirs[o->n_text_dirs++] = value;
      break;
    case OPT_BASE:
      if (!ent_iri_usable_as_base(value)) {
        char why[200];
        (void)ent_base_problem(value, why, sizeof(why));
        return usage_error("--base '%s' is not usable: it %s", value, why);
      }
      o->base = value;
      break;
    case OPT_ONTOLOGY:
      o->ontology = value;
      break;
    case OPT_CORPUS:
      o->corpus = value;
      break;
    case OPT_SYNTAX:
      o->syntax = value;
      break;
    case OPT_TITLE:
      o->title = value;
      break;
    case OPT_VIEW:
      if (!ent_diagram_view_is_known(value)) {
        return usage_error("unknown view '%s'; use " ENT_DIAGRAM_VIEWS, value);
      }
      o->diagram.view = value;
      o->diagram_option = "--view";
      break;
    case OPT_ENGINE: {
      // Graphviz's layout engines (gvLayout() would refuse any other name
      // only once the diagram is built, as a failed render).
      static const char *const engines[] = { "dot",   "neato",    "fdp",
                                             "sfdp",  "circo",    "twopi",
                                             "osage", "patchwork" };
      bool known = false;
      for (size_t i = 0; i < sizeof(engines) / sizeof(*engines); ++i) {
        known = known || !strcmp(value, engines[i]);
      }
      if (!known) {
        return usage_error("unknown --engine '%s'; use dot, neato, fdp, "
                           "sfdp, circo, twopi, osage or patchwork",
                           value);
      }
      o->diagram.engine = value;
      o->diagram_option = "--engine";
      break;
    }
    case OPT_LANG:
      if (!ent_language_tag_is_valid(value)) {
        return usage_error("--lang takes a language tag such as en, ru or "
                           "uk-UA (BCP 47), not '%s'",
                           value);
      }
      o->diagram.lang = value;
      o->diagram_option = "--lang";
      break;
    case OPT_DEPTH:
      if (!parse_count(value, 100, &n)) {
        return usage_error("--depth takes a number from 1 to 100");
      }
      o->diagram.depth = (unsigned)n;
      o->diagram_option = "--depth";
      break;
    case OPT_MAX_NODES:
      if (!parse_count(value, 1000000, &n)) {
        return usage_error("--max-nodes takes a number from 1 to 1000000");
      }
      o->diagram.max_nodes = n;
      o->diagram_option = "--max-nodes";
      break;
    case OPT_TIME_LIMIT:
      if (!parse_count(value, 86400, &n)) {
        return usage_error("--time-limit takes seconds from 1 to 86400");
      }
      o->diagram.time_limit = (unsigned)n;
      o->diagram_option = "--time-limit";
      break;
    default:
      return usage_error("option not handled: %d", key);
  }
  return EXIT_OK;
}

static const char *
command_help(const char *command)
{
  return !strcmp(command, "export")     ? export_help
         : !strcmp(command, "validate") ? validate_help
         : !strcmp(command, "dot")      ? dot_help
         : !strcmp(command, "site")     ? site_help
         : !strcmp(command, "ontology") ? ontology_help
                                        : NULL;
}

static int
parse_args(int argc, char **argv, Options *o)
{
  memset(o, 0, sizeof(*o));
  o->command = argv[1];
  const bool export = !strcmp(o->command, "export");
  const bool dot = !strcmp(o->command, "dot");
  const bool site = !strcmp(o->command, "site");
  const struct option *table = export ? export_options
                               : dot  ? dot_options
                               : site ? site_options
                                      : validate_options;
  const char *shorts = export ? "f:o:O:j:qwh"
                       : dot  ? "f:o:O:qwh"
                       : site ? "O:qwh"
                              : "qwh";
  CliOperands operands = { NULL, 0 };
  const int rc = ent_cli_parse(
    argc, argv, o->command, shorts, table, take_option, o, &operands);
  o->args = operands.args;
  o->n_args = operands.n;
  if (rc == CLI_HELP) {
    return CLI_HELP; // main() prints the help
  }
  if (rc) {
    return rc;
  }
  if (o->jobs > 1 && !o->output_dir) {
    return usage_error("-j needs -O DIR: with -o the datasets make one "
                       "graph");
  }
  if (o->n_args == 0) {
    return usage_error(
      "%s needs at least one %s", o->command, dot ? "RDF file" : "DATASET");
  }
  if (o->output && o->output_dir) {
    return usage_error("give -o or -O, not both");
  }
  if (o->strict && o->no_warnings) {
    return usage_error("give --strict or --no-warnings, not both");
  }
  if (site) {
    return o->output_dir ? EXIT_OK
                         : usage_error("site needs -O DIR: the directory "
                                       "the site is written into");
  }
  if (o->n_formats > 1 && !o->output_dir) {
    return usage_error("several formats need -O DIR");
  }
  // The file name's extension and -f must agree; a name that says
  // nothing needs -f.  Never a silent default for a named file.
  Format named = { false, 0 };
  const bool to_file = o->output && !is_stdout(o->output);
  const bool known = to_file && format_by_extension(o->output, &named);
  const size_t len = to_file ? strlen(o->output) : 0;
  const bool json = (len > 5 && !strcasecmp(o->output + len - 5, ".json")) ||
                    (len > 8 && !strcasecmp(o->output + len - 8, ".json.gz"));
  if (json && !known) {
    return usage_error("'%s': .json could be JSON-LD or RDF/JSON; name the "
                       "file .jsonld (JSON-LD) or .rj (RDF/JSON)",
                       o->output);
  }
  if (o->n_formats == 0 && to_file && !known) {
    return usage_error("cannot tell the format of '%s' from its extension; "
                       "give -f FORMAT (%s)",
                       o->output,
                       dot ? "dot, svg, png, pdf or graphml" : format_list);
  }
  if (o->n_formats == 1 && known && !same_format(named, o->formats[0])) {
    return usage_error(
      "'%s' names another format than -f %s; make them "
      "agree",
      o->output,
      o->formats[0].diagram
        ? ent_diagram_extension((EntDiagramFormat)o->formats[0].value)
        : ent_format_name((EntFormat)o->formats[0].value));
  }
  if (o->n_formats == 0) {
    Format guessed = { !strcmp(o->command, "dot"), 0 };
    if (known) {
      guessed = named;
    }
    o->formats[o->n_formats++] = guessed; // turtle, or dot for dot
  }
  // PNG or PDF on a terminal is a screenful of bytes that can set the
  // terminal's state: a file (or a pipe) is what was meant.
  if (!to_file && !o->output_dir && o->formats[0].diagram &&
      (o->formats[0].value == ENT_DIAGRAM_PNG ||
       o->formats[0].value == ENT_DIAGRAM_PDF) &&
      isatty(STDOUT_FILENO)) {
    return usage_error("%s is binary, and standard output is a terminal: "
                       "give -o FILE, or pipe it",
                       o->formats[0].value == ENT_DIAGRAM_PNG ? "PNG" : "PDF");
  }
  // Options that would change nothing are mistakes, not silence.
  bool any_diagram = false;
  bool any_stream = false;
  for (int f = 0; f < o->n_formats; ++f) {
    any_diagram |= o->formats[f].diagram;
    any_stream |= is_stream_format(o->formats[f]);
  }
  if (o->diagram_option && !any_diagram) {
    return usage_error("%s applies to diagrams (-f dot, svg, png, pdf, "
                       "graphml), not to %s",
                       o->diagram_option,
                       ent_format_name((EntFormat)o->formats[0].value));
  }
  if (o->diagram.depth && any_diagram &&
      (!o->diagram.view || strncmp(o->diagram.view, "ego:", 4) != 0)) {
    return usage_error("--depth applies to an ego view (--view ego:ID), "
                       "not to %s",
                       o->diagram.view ? o->diagram.view
                                       : "the default view (the whole graph)");
  }
  if (o->threads && !any_stream) {
    return usage_error(
      "--threads applies to -f ntriples, nquads, turtle, trig and jsonld "
      "only");
  }
  bool any_buffered = false;
  for (int f = 0; f < o->n_formats; ++f) {
    any_buffered |=
      !o->formats[f].diagram && (o->formats[f].value == ENT_FORMAT_RDFXML ||
                                 o->formats[f].value == ENT_FORMAT_RDFJSON);
  }
  if (o->buffered_limit && !any_buffered) {
    return usage_error(
      "--buffered-limit applies to -f rdfxml and rdfjson only");
  }
  if (o->ascii && !any_stream) {
    return usage_error(
      "--ascii applies to -f ntriples, nquads, turtle, trig and jsonld "
      "only");
  }
  if (dot && (o->n_formats != 1 || !o->formats[0].diagram)) {
    return usage_error("dot draws one RDF file in one diagram format (dot, "
                       "svg, png, pdf, graphml)");
  }
  if (dot && o->n_args != 1) {
    return usage_error("dot draws one RDF file at a time");
  }
  o->corpus_output = true;
  return EXIT_OK;
}

/// Whether every format of the run is written as the datasets are read.
static bool
only_streamed_formats(const Options *o)
{
  for (int i = 0; i < o->n_formats; ++i) {
    if (!is_stream_format(o->formats[i])) {
      return false;
    }
  }
  return o->n_formats > 0;
}

/// What a run of `o` that ran out of memory can do about it.
static const char *
memory_remedy(const Options *o)
{
  if (o->set && o->workers > 1) {
    return "try a lower -j, or give entente more memory";
  }
  if (!strcmp(o->command, "dot")) {
    return "give entente more memory or draw a smaller RDF file";
  }
  if (!strcmp(o->command, "export") && !only_streamed_formats(o)) {
    return "give entente more memory or fewer datasets at once (RDF in a "
           "streamed format, N-Triples, N-Quads, Turtle, TriG or JSON-LD, "
           "needs little)";
  }
  return "give entente more memory or fewer datasets at once";
}

/// The exit status of a run that ended on `st`, which is said first if
/// nothing said it (ent_cli_say_unsaid()).
static int
exit_code(const EntWorld *world, const Options *o, EntStatus st)
{
  char who[64] = "";
  if (o->set && o->workers > 1) {
    snprintf(who, sizeof(who), "worker %zu of %zu", o->worker + 1, o->workers);
  }
  ent_cli_say_unsaid(
    world, o->progress_line, st, who[0] ? who : NULL, memory_remedy(o));
  switch (st) {
    case ENT_SUCCESS:
    case ENT_FAILURE:
      return EXIT_OK;
    case ENT_ERR_IO:
      return EXIT_IOERR;
    case ENT_ERR_ONTOLOGY:
    case ENT_ERR_UNDECLARED:
      return EXIT_CONFIG;
    case ENT_ERR_BAD_ARG:
      // An argument found wrong once the datasets were read (--text
      // naming no source): a usage error, said as the others are.
      fprintf(
        stderr, "Try 'entente %s --help' for more information.\n", o->command);
      return EXIT_USAGE;
    case ENT_ERR_NO_MEMORY:
    case ENT_ERR_INTERNAL:
      return EXIT_SOFTWARE;
    case ENT_ERR_TOO_LARGE: // the output cannot be made in this format
      return EXIT_IOERR;
    case ENT_ERR_SYNTAX:
    case ENT_ERR_SCHEMA:
    case ENT_ERR_BAD_VALUE:
    case ENT_ERR_BAD_DATE:
    case ENT_ERR_EMPTY_NAME:
    case ENT_ERR_UNKNOWN_ID:
    case ENT_ERR_DUPLICATE_ID:
    case ENT_ERR_WRONG_CLASS:
    case ENT_ERR_QUOTE:
      return EXIT_DATAERR;
  }
  return EXIT_SOFTWARE;
}

/// Diagnostics as the library prints them, but warnings can be silenced.
static void
cli_log(void *handle,
        const EntLogLevel level,
        const EntStatus status,
        const EntCaret *caret,
        const char *message)
{
  const Options *o = handle;
  if (level == ENT_LOG_WARNING && o->no_warnings) {
    return;
  }
  ent_cli_progress_break(o->progress_line);
  ent_log_to_stderr(NULL, level, status, caret, message);
}

/// With --strict, any warning fails the run (ENT_ERR_SCHEMA: bad data).
static EntStatus
strict_status(const EntWorld *world, const Options *o, EntStatus st)
{
  return !st && ent_cli_strict_refuses(world, o->strict, "") ? ENT_ERR_SCHEMA
                                                             : st;
}

/// A new graph: the corpus loaded, the text directories and the texts of
/// --text attached.
static EntStatus
prepare_graph(EntWorld *world,
              const EntOntology *ont,
              const Options *o,
              EntGraph **out)
{
  EntStatus st = ent_cli_new_graph(
    world, ont, o->base, &o->in, o->text_dirs, (size_t)o->n_text_dirs, out);
  for (int i = 0; !st && i < o->n_texts; ++i) {
    const char *eq = strchr(o->texts[i], '=');
    char source[256];
    const size_t len = (size_t)(eq - o->texts[i]);
    if (len >= sizeof(source)) {
      fprintf(stderr,
              "entente: error: source ID too long in --text %s\n",
              o->texts[i]);
      return ENT_ERR_BAD_ARG;
    }
    memcpy(source, o->texts[i], len);
    source[len] = '\0';
    if (access(eq + 1, R_OK) != 0) {
      fprintf(stderr,
              "%s: error: cannot read the text given for source '%s': %s\n",
              eq + 1,
              source,
              strerror(errno));
      return ENT_ERR_IO;
    }
    st = ent_graph_set_source_text(*out, source, eq + 1);
  }
  return st;
}

/// Keep what the process frees for its own later allocations.  Loading a
/// whole graph (validate, diagrams, site, RDF/XML, RDF/JSON), and every pass
/// over it, allocates and frees blocks of tens to hundreds of megabytes; glibc
/// gives a block over 32 MB back to the kernel when it is freed, and the
/// next one is faulted in page by page again.  On the virtual machines
/// entente is measured on, memory touched for the first time costs ~2.5 s a
/// gigabyte (against ~0.03 s once touched), so at 10M statements that was a
/// tenth of a diagram's or validate's time, and more of it the bigger the
/// input (at 1M the blocks were small enough for glibc to reuse).  Streaming
/// exports never get here: their memory stays flat, and small.
static void
keep_freed_memory(void)
{
#ifdef __GLIBC__
  (void)mallopt(M_MMAP_MAX, 0);
  (void)mallopt(M_TRIM_THRESHOLD, INT_MAX);
#endif
}

/// Load `paths` (each against the corpus, if any) into a new graph, attach
/// texts, check quotes.  Every dataset is read, so that every error is
/// reported in one run; the first error's status is returned.
static EntStatus
load_graph(EntWorld *world,
           const EntOntology *ont,
           const Options *o,
           const char *const *paths,
           size_t n_paths,
           EntGraph **out)
{
  keep_freed_memory();
  EntStatus st = prepare_graph(world, ont, o, out);
  if (!st) {
    st = ent_load_datasets(*out, paths, n_paths);
  }
  if (!st) {
    st = ent_graph_check_source_texts(*out);
  }
  if (!st) {
    st = ent_graph_check_quotes(*out);
  }
  return st;
}

/// "data/riyadh.xml" -> "riyadh"; "-" (standard input) -> "stdin"
static void
stem(const char *path, char *out, size_t size)
{
  if (!strcmp(path, "-")) {
    path = "stdin";
  }
  const char *slash = strrchr(path, '/');
  const char *name = slash ? slash + 1 : path;
  const char *dot = strrchr(name, '.');
  size_t len = dot && dot != name ? (size_t)(dot - name) : strlen(name);
  if (len >= size) {
    len = size - 1;
  }
  memcpy(out, name, len);
  out[len] = '\0';
}

static int
run_site(EntWorld *world, const EntOntology *ont, const Options *o)
{
  // Before the datasets: a directory that cannot take the site is said
  // now, not after minutes of reading.
  if (ent_site_check_dir(world, o->output_dir)) {
    return EXIT_IOERR; // the site cannot be written there (74), as after
  }
  EntGraph *graph = NULL;
  EntStatus st = load_graph(
    world, ont, o, (const char *const *)o->in.paths, o->in.n_paths, &graph);
  // A dataset that cannot be read is missing input (66), as for export; a
  // site that cannot be written is an output error (74).
  const bool input_failed = st == ENT_ERR_IO;
  st = strict_status(world, o, st);
  if (!st) {
    EntSiteOptions options;
    memset(&options, 0, sizeof(options));
    options.title = o->title;
    options.lang = o->diagram.lang;
    options.max_nodes = o->diagram.max_nodes;
    options.time_limit = o->diagram.time_limit;
    st = ent_export_site(graph, o->output_dir, &options);
  }
  st = strict_status(world, o, st);
  ent_graph_free(graph);
  const int rc = exit_code(world, o, st);
  return input_failed ? EXIT_NOINPUT : rc;
}

static int
run_validate(EntWorld *world, const EntOntology *ont, const Options *o)
{
  // All datasets in one graph, read as export reads them: a dataset that
  // validates is one that exports, alone or with the others.
  EntGraph *graph = NULL;
  EntStatus st = load_graph(
    world, ont, o, (const char *const *)o->in.paths, o->in.n_paths, &graph);
  size_t statements = 0;
  size_t disagreements = 0;
  if (!st) {
    st = ent_graph_statement_count(graph, &statements);
  }
  if (!st) {
    st = ent_graph_check_disagreements(graph, &disagreements);
  }
  if (!st) {
    st = ent_graph_check_names(graph, NULL);
  }
  st = strict_status(world, o, st);
  if (!st && !o->quiet) {
    const char *corpus = ent_graph_corpus_id(graph);
    if (o->in.n_paths == 1 && !corpus) {
      printf("%s: valid: %zu entities, %zu statements\n",
             o->in.paths[0],
             ent_graph_entity_count(graph),
             statements);
    } else {
      for (size_t i = 0; i < o->in.n_paths; ++i) {
        printf("%s: valid\n", o->in.paths[i]);
      }
      printf("%s%s%s: valid: %zu entities, %zu statements (%zu dataset%s%s)\n",
             corpus ? "corpus '" : "all",
             corpus ? corpus : "",
             corpus ? "'" : "",
             ent_graph_entity_count(graph),
             statements,
             o->in.n_paths,
             o->in.n_paths == 1 ? "" : "s",
             disagreements ? ", sources disagree: see the warnings" : "");
    }
  }
  ent_graph_free(graph);
  if (fflush(stdout) || ferror(stdout)) {
    fprintf(stderr,
            "entente: error: writing to standard output failed: %s\n",
            strerror(errno));
    return EXIT_IOERR;
  }
  return st == ENT_ERR_IO ? EXIT_NOINPUT : exit_code(world, o, st);
}

static int
check_output_dir(const Options *o, bool *made)
{
  struct stat st;
  *made = false;
  if (!o->output_dir) {
    return EXIT_OK;
  }
  const char *why = "exists and is not a directory";
  if (!stat(o->output_dir, &st)) {
    if (S_ISDIR(st.st_mode)) {
      return EXIT_OK;
    }
  } else if (errno != ENOENT) {
    why = strerror(errno);
  } else if (!mkdir(o->output_dir, 0777)) {
    // Made, as `site` makes its own: only its parent must exist.
    *made = true;
    return EXIT_OK;
  } else {
    why =
      errno == ENOENT ? "its parent directory does not exist" : strerror(errno);
  }
  fprintf(stderr,
          "%s: error: %s; give a directory (it is made if its parent "
          "exists)\n",
          o->output_dir,
          why);
  return EXIT_IOERR;
}

/// Run `run` for -O DIR (or none) made ready: a DIR it made for this run
/// is not left behind, empty, when the run fails.
static int
with_output_dir(int (*run)(EntWorld *, const EntOntology *, const Options *),
                EntWorld *world,
                const EntOntology *ont,
                const Options *o)
{
  bool made = false;
  int rc = check_output_dir(o, &made);
  if (!rc) {
    rc = run(world, ont, o);
  }
  if (rc && made) {
    (void)rmdir(o->output_dir); // only if still empty
  }
  return rc;
}

/// What one output file holds: some datasets' statements (with the
/// corpus graph, or without it), or the corpus graph alone.
typedef struct {
  const char *const *paths;
  size_t n_paths;
  bool registry;   ///< The corpus graph is written too
  char name[1024]; ///< File name without extension (-O), or ""
} Unit;

/// What unit `i` of plan_units() writes, for messages.
static const char *
unit_what(const Options *o, const Unit *units, size_t i, bool corpus_unit)
{
  (void)o;
  return corpus_unit && i == 0 ? "the corpus graph" : units[i].paths[0];
}

/// The units of this export: with -O one per dataset (its sources' graphs)
/// and one for the corpus graph; otherwise one for everything.
static int
plan_units(EntWorld *world,
           const EntOntology *ont,
           const Options *o,
           Unit **out,
           size_t *n_out)
{
  const bool corpus_unit = o->output_dir && o->in.corpus && o->corpus_output;
  const size_t n = o->output_dir ? o->in.n_paths + (corpus_unit ? 1 : 0) : 1;
  Unit *units = calloc(n ? n : 1, sizeof(Unit));
  if (!units) {
    return EXIT_SOFTWARE;
  }
  EntGraph *corpus = NULL; // the registry, once read (corpus_unit)
  if (!o->output_dir) {
    units[0] =
      (Unit){ (const char *const *)o->in.paths, o->in.n_paths, true, "" };
  } else {
    // The corpus graph first, so that the manifest lists it first however
    // many workers (-j) share the datasets.
    const size_t first = corpus_unit ? 1 : 0;
    for (size_t i = 0; i < o->in.n_paths; ++i) {
      units[first + i].paths = (const char *const *)&o->in.paths[i];
      units[first + i].n_paths = 1;
      units[first + i].registry = !o->in.corpus;
      stem(
        o->in.paths[i], units[first + i].name, sizeof(units[first + i].name));
    }
    if (corpus_unit) {
      // Named by the corpus's ID: read it from corpus.xml.
      EntStatus st = prepare_graph(world, ont, o, &corpus);
      const char *id = st ? NULL : ent_graph_corpus_id(corpus);
      if (id) {
        snprintf(units[0].name, sizeof(units[0].name), "%s", id);
      }
      if (!id) {
        ent_graph_free(corpus);
        free(units);
        return st == ENT_ERR_IO ? EXIT_NOINPUT
                                : exit_code(world, o, st ? st : ENT_ERR_SCHEMA);
      }
      units[0].registry = true;
    }
    // Two datasets called news.xml in two folders would write one
    // news.nq: refuse before anything is written.
    for (size_t i = 0; i < n; ++i) {
      if (!strncmp(units[i].name, ".entente-", 9) || !*units[i].name) {
        fprintf(stderr,
                "entente: error: %s: names beginning with '.entente-' are "
                "entente's own in an output directory; rename the file\n",
                unit_what(o, units, i, corpus_unit));
        ent_graph_free(corpus);
        free(units);
        return EXIT_USAGE;
      }
      for (size_t j = 0; j < i; ++j) {
        if (!strcmp(units[i].name, units[j].name)) {
          fprintf(stderr,
                  "entente: error: %s and %s would both be written to "
                  "%s/%s.*; rename one, or export them in separate runs\n",
                  unit_what(o, units, j, corpus_unit),
                  unit_what(o, units, i, corpus_unit),
                  o->output_dir,
                  units[i].name);
          ent_graph_free(corpus);
          free(units);
          return EXIT_USAGE;
        }
      }
    }
  }
  // Each article of a corpus is exported alone: what they say against
  // each other (an ID two define) is found by a first pass over all of
  // them, as a whole export finds it (what validates, exports).  Datasets
  // of no corpus stay each on its own, as -O has always written them.
  // The registry read to name the corpus serves the check as well.
  if (o->output_dir && !o->set && o->in.corpus && o->in.n_paths > 1) {
    EntStatus st = corpus ? ENT_SUCCESS : prepare_graph(world, ont, o, &corpus);
    if (!st) {
      st = ent_check_datasets(
        corpus, (const char *const *)o->in.paths, o->in.n_paths);
    }
    if (st) {
      ent_graph_free(corpus);
      free(units);
      return st == ENT_ERR_IO ? EXIT_NOINPUT : exit_code(world, o, st);
    }
  }
  ent_graph_free(corpus);
  *out = units;
  *n_out = n;
  return EXIT_OK;
}

/// Open the output of `unit` in `format`: a file of the output set
/// (-O), a temporary file beside its target (-o), or standard output.
static EntStatus
open_output(EntWorld *world,
            const Options *o,
            EntOutputSet *set,
            const Unit *unit,
            Format format,
            EntOutput **slot,
            FILE **stream)
{
  *stream = stdout;
  if (!set && (!o->output || is_stdout(o->output))) {
    return ENT_SUCCESS;
  }
  char name[4096];
  EntStatus st = ENT_SUCCESS;
  if (set) {
    snprintf(name, sizeof(name), "%s.%s", unit->name, format_extension(format));
    st = ent_output_set_open(set, name, slot);
  } else {
    st = ent_output_open(world, o->output, slot);
  }
  *stream = st ? NULL : ent_output_stream(*slot);
  return st;
}

/// Commit (or, after a failure, abort) every output of `outputs`.
static EntStatus
finish_outputs(EntOutput **outputs, size_t n, EntStatus st)
{
  for (size_t i = 0; i < n; ++i) {
    if (!outputs[i]) {
      continue;
    }
    if (st) {
      ent_output_abort(outputs[i]);
    } else {
      st = ent_output_commit(outputs[i]);
    }
    outputs[i] = NULL;
  }
  if (!st && fflush(stdout)) {
    fprintf(stderr,
            "entente: error: writing to standard output failed: %s\n",
            strerror(errno));
    st = ENT_ERR_IO;
  }
  return st;
}

/// Stream the datasets of `unit` as N-Triples or N-Quads into `stream`.
static EntStatus
stream_output(EntWorld *world,
              const EntOntology *ont,
              const Options *o,
              const Unit *unit,
              EntFormat format,
              FILE *stream,
              bool *input_failed,
              EntOutput *output,
              FILE *manifest)
{
  EntGraph *graph = NULL;
  size_t total = 0;
  EntStatus st = prepare_graph(world, ont, o, &graph);
  if (!st) {
    ent_graph_write_registry(graph, unit->registry);
    st = ent_export_rdf_stream(
      graph, unit->paths, unit->n_paths, format, stream, &total);
    // Reading failed (a dataset, a source's text), not writing: the
    // writers' failures all leave the stream's error flag set.
    *input_failed = st == ENT_ERR_IO && !ferror(stream);
  }
  // (A --text naming no source was refused by the stream's first pass,
  // before anything was written.)
  // The manifest (written with -O only, for the line-based syntaxes a
  // loader splits and checks): one row per named graph (N-Quads) or per
  // file (N-Triples).
  manifest = o->output_dir &&
                 (format == ENT_FORMAT_NQUADS || format == ENT_FORMAT_NTRIPLES)
               ? manifest
               : NULL;
  char sha[65];
  if (!st && output && manifest) {
    st = ent_output_sha256(output, sha);
  }
  char file[1200];
  snprintf(
    file, sizeof(file), "%s.%s", unit->name, ent_format_extension(format));
  for (size_t i = 0; !st && output && manifest && format == ENT_FORMAT_NQUADS &&
                     i < ent_graph_source_count(graph);
       ++i) {
    const char *id = ent_graph_source_id(graph, i);
    fprintf(manifest,
            "%s\t%s\t%zu\t%s\n",
            file,
            ent_graph_iri(graph, id),
            ent_graph_streamed_count(graph, id),
            sha);
  }
  if (!st && output && manifest && format != ENT_FORMAT_NQUADS) {
    fprintf(manifest, "%s\t-\t%zu\t%s\n", file, total, sha);
  }
  ent_graph_free(graph);
  return st;
}

/// Write the manifest (when the run wrote N-Triples or N-Quads into a
/// directory) as the file `name` of `set`.
static EntStatus
write_manifest(EntOutputSet *set, const char *name, const char *rows)
{
  if (!set || !rows || !*rows) {
    return ENT_SUCCESS;
  }
  EntOutput *output = NULL;
  EntStatus st = ent_output_set_open(set, name, &output);
  if (!st) {
    FILE *f = ent_output_stream(output);
    fputs("# file\tgraph\tstatements\tsha256\n", f);
    fputs(rows, f);
    st = ent_output_commit(output);
  }
  return st;
}

/// Export the units of this run.  With -O each file goes into the output
/// set and is closed as soon as its unit is written, so the number of open
/// files does not grow with the number of datasets; the set is committed
/// as a whole at the end (by the parent, for a -j worker).
static int
run_export(EntWorld *world, const EntOntology *ont, const Options *o)
{
  Unit *units = NULL;
  size_t n_units = 0;
  int rc = plan_units(world, ont, o, &units, &n_units);
  if (rc) {
    return rc;
  }
  EntOutputSet *own_set = NULL;
  EntStatus st = ENT_SUCCESS;
  if (o->output_dir && !o->set) {
    st = ent_output_set_begin(world, o->output_dir, &own_set);
  }
  EntOutputSet *set = o->set ? o->set : own_set;
  EntOutput **outputs = calloc((size_t)o->n_formats, sizeof(EntOutput *));
  char *rows = NULL;
  size_t rows_len = 0;
  FILE *manifest = open_memstream(&rows, &rows_len);
  if (!outputs || !manifest) {
    st = st ? st : ENT_ERR_NO_MEMORY;
  }
  bool input_failed = false;
  for (size_t u = 0; !st && u < n_units; ++u) {
    const Unit *unit = &units[u];
    // The whole graph of the unit, for the formats that need it (Turtle,
    // RDF/XML, RDF/JSON, diagrams); N-Triples and N-Quads stream.
    EntGraph *graph = NULL;
    for (int f = 0; !st && f < o->n_formats; ++f) {
      const Format format = o->formats[f];
      if (!is_stream_format(format) && !graph) {
        st = load_graph(world, ont, o, unit->paths, unit->n_paths, &graph);
        input_failed = st == ENT_ERR_IO;
      }
      FILE *stream = NULL;
      if (!st) {
        st = open_output(world, o, set, unit, format, &outputs[f], &stream);
      }
      if (!st && is_stream_format(format)) {
        st = stream_output(world,
                           ont,
                           o,
                           unit,
                           (EntFormat)format.value,
                           stream,
                           &input_failed,
                           outputs[f],
                           manifest);
      } else if (!st && format.diagram) {
        // A diagram needs the registry's names and classes even when the
        // file holds an article's own statements.
        ent_graph_write_registry(graph, 1);
        st = ent_export_diagram(
          graph, (EntDiagramFormat)format.value, &o->diagram, stream);
      } else if (!st) {
        ent_graph_write_registry(graph, unit->registry);
        st = ent_export_rdf(graph, (EntFormat)format.value, stream, NULL);
      }
    }
    ent_graph_free(graph);
    if (set) {
      // Closed now, in the scratch directory: bounded open files.
      st = finish_outputs(outputs, (size_t)o->n_formats, st);
    }
  }
  if (manifest) {
    fclose(manifest);
  }
  st = strict_status(world, o, st);
  if (!st && set) {
    char name[64];
    if (o->set) {
      snprintf(name, sizeof(name), ".entente-manifest-%06zu", o->worker);
    } else {
      snprintf(name, sizeof(name), "manifest.tsv");
    }
    st = write_manifest(set, name, rows);
  }
  if (outputs) {
    st = finish_outputs(outputs, (size_t)o->n_formats, st);
  }
  if (own_set && st) {
    ent_output_set_abort(own_set);
  } else if (own_set) {
    st = ent_output_set_commit(own_set);
  }
  free(outputs);
  free(units);
  free(rows);
  return input_failed ? EXIT_NOINPUT : exit_code(world, o, st);
}

static int
run_dot(EntWorld *world, const EntOntology *ont, const Options *o)
{
  // One RDF file, one diagram format: parse_args() saw to it.
  EntOutputSet *set = NULL;
  EntOutput *output = NULL;
  FILE *stream = NULL;
  Unit unit = { NULL, 0, false, "" };
  stem(o->args[0], unit.name, sizeof(unit.name));
  EntStatus st = o->output_dir
                   ? ent_output_set_begin(world, o->output_dir, &set)
                   : ENT_SUCCESS;
  if (!st) {
    st = open_output(world, o, set, &unit, o->formats[0], &output, &stream);
  }
  if (st) {
    ent_output_set_abort(set);
    return exit_code(world, o, st);
  }
  st = ent_diagram_rdf_file(world,
                            ont,
                            o->args[0],
                            o->syntax,
                            (EntDiagramFormat)o->formats[0].value,
                            &o->diagram,
                            stream);
  // ent_diagram_rdf_file reads before it writes: an I/O error here is the
  // input's, unless the output stream says it is its own (a full disk).
  const bool input_failed = st == ENT_ERR_IO && !ferror(stream);
  st = strict_status(world, o, st);
  st = finish_outputs(&output, 1, st);
  if (set && st) {
    ent_output_set_abort(set);
  } else if (set) {
    st = ent_output_set_commit(set);
  }
  return input_failed ? EXIT_NOINPUT : exit_code(world, o, st);
}

/// Join the workers' manifest parts, in worker (so dataset) order, into
/// the rows of the manifest, and remove the parts.
static EntStatus
join_manifests(EntOutputSet *set, size_t workers, char **rows)
{
  size_t rows_len = 0;
  FILE *manifest = open_memstream(rows, &rows_len);
  if (!manifest) {
    return ENT_ERR_NO_MEMORY;
  }
  for (size_t w = 0; w < workers; ++w) {
    char path[4300];
    snprintf(path,
             sizeof(path),
             "%s/.entente-manifest-%06zu",
             ent_output_set_dir(set),
             w);
    FILE *part = fopen(path, "re");
    char line[8192];
    while (part && fgets(line, sizeof(line), part)) {
      if (line[0] != '#') {
        fputs(line, manifest);
      }
    }
    if (part) {
      fclose(part);
      unlink(path);
    }
  }
  return fclose(manifest) ? ENT_ERR_NO_MEMORY : ENT_SUCCESS;
}

/// export -O DIR -j N: N worker processes, each exporting a contiguous
/// share of the datasets into the run's output set (the first also the
/// corpus graph).  Only when every worker succeeded are the manifests
/// joined in dataset order and the set committed, so the bytes are the
/// same whatever N.  Workers die with the run (PR_SET_PDEATHSIG); the
/// set's helper removes the scratch whichever way the run ends.
static int
run_export_parallel(EntWorld *world, const EntOntology *ont, const Options *o)
{
  Unit *units = NULL;
  size_t n_units = 0;
  // Name collisions across all datasets, not only within a worker's.
  int rc = plan_units(world, ont, o, &units, &n_units);
  free(units);
  if (rc) {
    return rc;
  }
  const size_t n_datasets = o->in.n_paths;
  size_t workers = o->jobs < n_datasets ? o->jobs : n_datasets;
  workers = workers ? workers : 1;
  EntOutputSet *set = NULL;
  if (ent_output_set_begin(world, o->output_dir, &set)) {
    return EXIT_IOERR;
  }
  pid_t *pids = calloc(workers, sizeof(pid_t));
  if (!pids) {
    ent_output_set_abort(set);
    return exit_code(world, o, ENT_ERR_NO_MEMORY);
  }
  const pid_t parent = getpid();
  fflush(NULL); // nothing buffered for the workers to write again
  for (size_t w = 0; w < workers; ++w) {
    const size_t first = w * n_datasets / workers;
    const size_t last = (w + 1) * n_datasets / workers;
    pids[w] = fork();
    if (pids[w] == 0) {
      // A worker of a killed run must not run on.
      prctl(PR_SET_PDEATHSIG, SIGKILL);
      if (getppid() != parent) {
        _exit(EXIT_SOFTWARE);
      }
      free(pids); // the parent's (and a leak check at _exit would say so)
      Options mine = *o;
      mine.in.paths = o->in.paths + first;
      mine.in.n_paths = last - first;
      mine.corpus_output = w == 0;
      mine.set = set;
      mine.worker = w;
      mine.workers = workers;
      mine.jobs = 1;
      mine.quiet = true;
      // The workers already keep the cores busy.
      ent_world_set_threads(world, 1);
      fflush(stdout);
      _exit(run_export(world, ont, &mine));
    }
    if (pids[w] < 0) {
      fprintf(stderr,
              "entente: error: cannot start worker %zu of %zu: %s; try a "
              "lower -j\n",
              w + 1,
              workers,
              strerror(errno));
      rc = EXIT_SOFTWARE;
      break;
    }
  }
  for (size_t w = 0; w < workers; ++w) {
    int status = 0;
    if (pids[w] > 0) {
      while (waitpid(pids[w], &status, 0) < 0 && errno == EINTR) {
      }
      const int worker_rc =
        WIFEXITED(status) ? WEXITSTATUS(status) : EXIT_SOFTWARE;
      if (WIFSIGNALED(status)) {
        // A worker speaks for itself, unless it was killed (the kernel
        // kills a process that runs the machine out of memory).
        const int sig = WTERMSIG(status);
        fprintf(stderr,
                "entente: error: worker %zu of %zu was killed by signal %d "
                "(%s)%s\n",
                w + 1,
                workers,
                sig,
                strsignal(sig),
                sig == SIGKILL ? "; if the machine ran out of memory, try a "
                                 "lower -j"
                               : "");
      }
      rc = rc ? rc : worker_rc;
    }
  }
  free(pids);
  char *rows = NULL;
  EntStatus st = rc ? ENT_ERR_IO : join_manifests(set, workers, &rows);
  if (!st) {
    st = write_manifest(set, "manifest.tsv", rows);
  }
  free(rows);
  if (st) {
    ent_output_set_abort(set);
    return rc ? rc : exit_code(world, o, st);
  }
  return exit_code(world, o, ent_output_set_commit(set));
}

/// Print help or version text on stdout; a failed write is an error.
static int
print_text(const char *text)
{
  if (fputs(text, stdout) == EOF || fflush(stdout) != 0) {
    fprintf(stderr,
            "entente: error: writing to standard output failed: %s\n",
            strerror(errno));
    return EXIT_IOERR;
  }
  return EXIT_OK;
}

/// What `entente ontology` was asked to print.
typedef struct {
  int which;  ///< EntDocument
  int chosen; ///< How many of --shapes, --context, --schema were given
} DocumentChoice;

static int
choose_document(void *handle, int key, const char *value)
{
  (void)value;
  DocumentChoice *choice = handle;
  choice->which = key == 's'   ? ENT_DOCUMENT_SHAPES
                  : key == 'c' ? ENT_DOCUMENT_CONTEXT
                               : ENT_DOCUMENT_SCHEMA;
  ++choice->chosen;
  return EXIT_OK;
}

/// `entente ontology [--shapes | --context | --schema]`: print one of the
/// vocabulary files the library carries.
static int
run_ontology(int argc, char **argv)
{
  static const struct option options[] = {
    { "shapes", no_argument, NULL, 's' },
    { "context", no_argument, NULL, 'c' },
    { "schema", no_argument, NULL, 'r' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
  };
  DocumentChoice choice = { ENT_DOCUMENT_ONTOLOGY, 0 };
  CliOperands operands = { NULL, 0 };
  int rc = ent_cli_parse(
    argc, argv, "ontology", "h", options, choose_document, &choice, &operands);
  const int n_operands = operands.n;
  free((void *)operands.args);
  if (rc == CLI_HELP) {
    return print_text(ontology_help);
  }
  if (rc) {
    return rc;
  }
  if (choice.chosen > 1) {
    return usage_error("give one of --shapes, --context, --schema");
  }
  if (n_operands) {
    return usage_error("ontology takes no arguments");
  }
  size_t size = 0;
  const char *text = ent_document((EntDocument)choice.which, &size);
  if (fwrite(text, 1, size, stdout) != size || fflush(stdout)) {
    fprintf(stderr,
            "entente: error: writing to standard output failed: %s\n",
            strerror(errno));
    return EXIT_IOERR;
  }
  return EXIT_OK;
}

int
main(int argc, char **argv)
{
  ent_cli_safe_stderr();
  if (argc < 2) {
    return ent_cli_usage_error(NULL,
                               "give a command: export, validate, "
                               "dot, push, site, ontology or help");
  }
  const char *command = argv[1];
  if (!strcmp(command, "--help") || !strcmp(command, "-h")) {
    return print_text(main_help);
  }
  if (!strcmp(command, "--version")) {
    char version[64];
    snprintf(version, sizeof(version), "entente %s\n", ent_version());
    return print_text(version);
  }
  if (!strcmp(command, "help")) {
    if (argc == 2) {
      return print_text(main_help);
    }
    if (argc == 3 && !strcmp(argv[2], "help")) {
      return print_text(main_help);
    }
    if (argc == 3 && !strcmp(argv[2], "push")) {
      ent_cmd_push_help(stdout);
      return EXIT_OK;
    }
    const char *help = argc == 3 ? command_help(argv[2]) : NULL;
    if (!help) {
      return ent_cli_usage_error(
        NULL,
        "help takes one command: export, validate, dot, push, site, "
        "ontology or help");
    }
    return print_text(help);
  }
  current_command = command;
  if (!strcmp(command, "push")) {
    return ent_cmd_push(argc, argv);
  }
  if (!strcmp(command, "ontology")) {
    return run_ontology(argc, argv);
  }
  if (strcmp(command, "export") != 0 && strcmp(command, "validate") != 0 &&
      strcmp(command, "dot") != 0 && strcmp(command, "site") != 0) {
    current_command = NULL;
    return usage_error(command[0] == '-'
                         ? "unknown option '%s' (before a command, only "
                           "--help and --version)"
                         : "unknown command '%s'",
                       command);
  }
  Options o;
  int rc = parse_args(argc, argv, &o);
  if (rc == CLI_HELP) {
    free((void *)o.args);
    return print_text(command_help(command));
  }
  if (!rc && strcmp(o.command, "dot") != 0) {
    rc = ent_cli_refuse_stdin(o.command, o.args, (size_t)o.n_args);
  }
  if (!rc && strcmp(o.command, "dot") != 0) {
    rc = ent_cli_inputs(o.args, (size_t)o.n_args, o.corpus, &o.in);
    if (!rc && o.output && !is_stdout(o.output) &&
        ent_cli_would_overwrite(&o.in, o.output)) {
      rc = usage_error("-o %s would overwrite %s: write the output elsewhere",
                       o.output,
                       o.in.corpus
                         ? "a dataset this run reads, or a .xml file of its "
                           "corpus directory (which the corpus reads)"
                         : "a dataset this run reads");
      ent_cli_inputs_free(&o.in);
    }
  }
  if (rc) {
    free((void *)o.args);
    return rc;
  }
  EntWorld *world = NULL;
  EntOntology *ont = NULL;
  EntStatus st = ent_world_new(&world);
  if (!st) {
    ent_world_set_log(world, cli_log, &o);
    if (o.in.whole) {
      ent_corpus_warn_unread(
        world, o.in.corpus, (const char *const *)o.in.real, o.in.n_paths);
    }
    unsigned long threads = o.threads;
    if (!threads) {
      threads = ent_cli_usable_cores() >= 2 ? 2 : 1;
    }
    ent_world_set_threads(world, (unsigned)threads);
    ent_world_set_ascii(world, o.ascii);
    ent_world_set_buffered_limit(world, o.buffered_limit);
    st = ent_ontology_load(world, o.ontology, &ont);
  }
  // -j workers would write their lines over each other: none.
  CliProgress progress;
  const bool terminal = isatty(STDERR_FILENO) != 0;
  if (world) {
    ent_cli_progress_start(&progress,
                           world,
                           !o.quiet && o.jobs <= 1 && (terminal || o.progress),
                           terminal,
                           o.progress);
    o.progress_line = &progress;
  }
  if (st) {
    // A file that cannot be read is input that is missing (66); one that
    // is read and unusable is a configuration error (78).
    rc = exit_code(world, &o, st);
    if (st == ENT_ERR_IO) {
      rc = EXIT_NOINPUT;
    }
  } else if (!strcmp(o.command, "validate")) {
    rc = run_validate(world, ont, &o);
  } else if (!strcmp(o.command, "dot")) {
    rc = with_output_dir(run_dot, world, ont, &o);
  } else if (!strcmp(o.command, "site")) {
    // -O checked (and made) before the datasets are read, as for export.
    rc = with_output_dir(run_site, world, ont, &o);
  } else if (o.jobs > 1) {
    rc = with_output_dir(run_export_parallel, world, ont, &o);
  } else {
    rc = with_output_dir(run_export, world, ont, &o);
  }
  if (world) {
    ent_cli_progress_end(&progress, world);
  }
  o.progress_line = NULL;
  ent_ontology_free(ont);
  ent_world_free(world);
  ent_cli_inputs_free(&o.in);
  free((void *)o.args);
  return rc;
}
