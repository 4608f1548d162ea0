// SPDX-License-Identifier: MIT
// The entente command.  It uses the public API only.

#include "../entente.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

// Exit codes, as in sysexits.h.
enum {
  EXIT_OK = 0,
  EXIT_USAGE = 64,    // bad command line
  EXIT_DATAERR = 65,  // bad input data
  EXIT_NOINPUT = 66,  // an input file cannot be read
  EXIT_SOFTWARE = 70, // internal error
  EXIT_IOERR = 74,    // output could not be written
  EXIT_CONFIG = 78,   // unusable ontology
};

#define MAX_FORMATS ENT_FORMAT_COUNT_
#define MAX_TEXTS   64

static const char usage_text[] =
  "usage: entente export DATASET... [-f FORMAT[,FORMAT...]] [-o FILE | -O "
  "DIR]\n"
  "                      [--base IRI] [--ontology FILE] [--text SOURCE=FILE]\n"
  "       entente validate DATASET... [--ontology FILE] [--text SOURCE=FILE]\n"
  "       entente --help | --version\n";

static const char help_text[] =
  "\n"
  "Turn curated datasets about diplomacy into RDF.\n"
  "\n"
  "Commands:\n"
  "  export     write the datasets as RDF\n"
  "  validate   check the datasets (schema, references, dates, quotes)\n"
  "             and print what they hold\n"
  "\n"
  "Options:\n"
  "  -f, --format F   turtle (default), ntriples, nquads, rdfxml, json;\n"
  "                   several comma-separated with -O\n"
  "  -o, --output F   write one file (all datasets merged); the format is\n"
  "                   guessed from its extension unless -f is given\n"
  "  -O, --output-dir D\n"
  "                   write DATASET-NAME.EXT into D for each dataset and\n"
  "                   format\n"
  "  --base IRI       mint entity IRIs under IRI instead of the dataset's\n"
  "  --ontology F     use this ontology instead of the built-in one\n"
  "  --text S=F       check the quotes of source S against the text in F\n"
  "\n"
  "Without -o or -O the RDF goes to standard output.  Files are written\n"
  "atomically: on any error no output file is created or changed.\n"
  "\n"
  "Exit status: 0 success, 64 bad usage, 65 bad data, 66 unreadable input,\n"
  "70 internal error, 74 output error, 78 unusable ontology.\n";

typedef struct {
  const char *command;
  const char **datasets;
  int n_datasets;
  EntFormat formats[MAX_FORMATS];
  int n_formats;
  const char *output;
  const char *output_dir;
  const char *base;
  const char *ontology;
  const char *texts[MAX_TEXTS];
  int n_texts;
} Options;

static int usage_error(const char *fmt, ...)
  __attribute__((format(printf, 1, 2)));

static int
usage_error(const char *fmt, ...)
{
  va_list args;
  va_start(args, fmt);
  fprintf(stderr, "entente: ");
  vfprintf(stderr, fmt, args);
  fprintf(stderr, "\n%s", usage_text);
  va_end(args);
  return EXIT_USAGE;
}

static int
parse_formats(Options *o, const char *list)
{
  char copy[256];
  if (strlen(list) >= sizeof(copy)) {
    return usage_error("format list too long: %s", list);
  }
  memcpy(copy, list, strlen(list) + 1);
  for (char *save = NULL, *name = strtok_r(copy, ",", &save); name;
       name = strtok_r(NULL, ",", &save)) {
    const EntFormat f = ent_format_by_name(name);
    if (f == ENT_FORMAT_COUNT_) {
      return usage_error(
        "unknown format '%s'; use turtle, ntriples, nquads, rdfxml or json",
        name);
    }
    if (o->n_formats == MAX_FORMATS) {
      return usage_error("too many formats in '%s'", list);
    }
    o->formats[o->n_formats++] = f;
  }
  return EXIT_OK;
}

static int
parse_args(int argc, char **argv, Options *o)
{
  memset(o, 0, sizeof(*o));
  o->command = argv[1];
  o->datasets = calloc((size_t)argc, sizeof(char *));
  if (!o->datasets) {
    return EXIT_SOFTWARE;
  }
  for (int i = 2; i < argc; ++i) {
    const char *a = argv[i];
    const bool has_value = i + 1 < argc;
    if (!strcmp(a, "-f") || !strcmp(a, "--format")) {
      if (!has_value) {
        return usage_error("%s needs a format", a);
      }
      const int rc = parse_formats(o, argv[++i]);
      if (rc) {
        return rc;
      }
    } else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
      if (!has_value) {
        return usage_error("%s needs a file", a);
      }
      o->output = argv[++i];
    } else if (!strcmp(a, "-O") || !strcmp(a, "--output-dir")) {
      if (!has_value) {
        return usage_error("%s needs a directory", a);
      }
      o->output_dir = argv[++i];
    } else if (!strcmp(a, "--base")) {
      if (!has_value) {
        return usage_error("%s needs an IRI", a);
      }
      o->base = argv[++i];
    } else if (!strcmp(a, "--ontology")) {
      if (!has_value) {
        return usage_error("%s needs a file", a);
      }
      o->ontology = argv[++i];
    } else if (!strcmp(a, "--text")) {
      if (!has_value || !strchr(argv[i + 1], '=')) {
        return usage_error("%s needs SOURCE-ID=FILE", a);
      }
      if (o->n_texts == MAX_TEXTS) {
        return usage_error("too many %s options", a);
      }
      o->texts[o->n_texts++] = argv[++i];
    } else if (a[0] == '-' && a[1] != '\0') {
      return usage_error("unknown option '%s'", a);
    } else {
      o->datasets[o->n_datasets++] = a;
    }
  }
  if (o->n_datasets == 0) {
    return usage_error("%s needs at least one DATASET", o->command);
  }
  if (o->output && o->output_dir) {
    return usage_error("%s", "give -o or -O, not both");
  }
  if (o->n_formats > 1 && !o->output_dir) {
    return usage_error("%s", "several formats need -O DIR");
  }
  if (o->n_formats == 0) {
    const EntFormat guessed =
      o->output ? ent_format_by_extension(o->output) : ENT_FORMAT_COUNT_;
    o->formats[o->n_formats++] =
      guessed == ENT_FORMAT_COUNT_ ? ENT_FORMAT_TURTLE : guessed;
  }
  return EXIT_OK;
}

static int
exit_code(EntStatus st)
{
  switch (st) {
    case ENT_SUCCESS:
    case ENT_FAILURE:
      return EXIT_OK;
    case ENT_ERR_IO:
      return EXIT_IOERR;
    case ENT_ERR_ONTOLOGY:
    case ENT_ERR_UNDECLARED:
      return EXIT_CONFIG;
    case ENT_ERR_NO_MEMORY:
    case ENT_ERR_INTERNAL:
    case ENT_ERR_BAD_ARG:
      return EXIT_SOFTWARE;
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

/// Load `paths` into a new graph, attach texts, check quotes.
static EntStatus
load_graph(EntWorld *world,
           const EntOntology *ont,
           const Options *o,
           const char *const *paths,
           int n_paths,
           EntGraph **out)
{
  EntStatus st = ent_graph_new(world, ont, o->base, out);
  for (int i = 0; !st && i < n_paths; ++i) {
    st = ent_load_dataset(*out, paths[i]);
  }
  for (int i = 0; !st && i < o->n_texts; ++i) {
    const char *eq = strchr(o->texts[i], '=');
    char source[256];
    const size_t len = (size_t)(eq - o->texts[i]);
    if (len >= sizeof(source)) {
      continue;
    }
    memcpy(source, o->texts[i], len);
    source[len] = '\0';
    if (access(eq + 1, R_OK) != 0) {
      fprintf(stderr,
              "%s: error: cannot read the text given for source "
              "'%s': %s\n",
              eq + 1,
              source,
              strerror(errno));
      return ENT_ERR_IO;
    }
    if (ent_graph_has(*out, source, NULL)) {
      st = ent_graph_set_source_text(*out, source, eq + 1);
    }
  }
  if (!st) {
    st = ent_graph_check_quotes(*out);
  }
  return st;
}

/// "data/riyadh.xml" -> "riyadh"
static void
stem(const char *path, char *out, size_t size)
{
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
run_validate(EntWorld *world, const EntOntology *ont, const Options *o)
{
  EntStatus worst = ENT_SUCCESS;
  for (int i = 0; i < o->n_datasets; ++i) {
    EntGraph *graph = NULL;
    EntStatus st = load_graph(world, ont, o, &o->datasets[i], 1, &graph);
    size_t statements = 0;
    if (!st) {
      st = ent_graph_statement_count(graph, &statements);
    }
    if (!st) {
      printf("%s: valid: %zu entities, %zu statements\n",
             o->datasets[i],
             ent_graph_entity_count(graph),
             statements);
    } else if (!worst) {
      worst = st;
    }
    ent_graph_free(graph);
  }
  return worst == ENT_ERR_IO ? EXIT_NOINPUT : exit_code(worst);
}

static int
run_export(EntWorld *world, const EntOntology *ont, const Options *o)
{
  if (o->output_dir) {
    struct stat st;
    if (stat(o->output_dir, &st) || !S_ISDIR(st.st_mode)) {
      fprintf(
        stderr, "%s: error: not a directory; create it first\n", o->output_dir);
      return EXIT_IOERR;
    }
  }
  // -O: one graph per dataset; otherwise every dataset merged into one.
  const int n_graphs = o->output_dir ? o->n_datasets : 1;
  const size_t n_outputs = (size_t)n_graphs * (size_t)o->n_formats;
  if (n_graphs < 1 || n_outputs < 1) {
    return EXIT_USAGE;
  }
  EntGraph **graphs = calloc((size_t)n_graphs, sizeof(EntGraph *));
  EntOutput **outputs = calloc(n_outputs, sizeof(EntOutput *));
  if (!graphs || !outputs) {
    free(graphs);
    free(outputs);
    return EXIT_SOFTWARE;
  }
  EntStatus st = ENT_SUCCESS;
  for (int g = 0; !st && g < n_graphs; ++g) {
    st = o->output_dir
           ? load_graph(world, ont, o, &o->datasets[g], 1, &graphs[g])
           : load_graph(world, ont, o, o->datasets, o->n_datasets, &graphs[g]);
  }
  const bool input_failed = st == ENT_ERR_IO;
  // Write every output to its temporary file; rename them all only when
  // all of them succeeded.
  for (int g = 0; !st && g < n_graphs; ++g) {
    for (int f = 0; !st && f < o->n_formats; ++f) {
      EntOutput **slot = &outputs[g * o->n_formats + f];
      FILE *stream = stdout;
      if (o->output_dir || o->output) {
        char name[4096];
        char base[1024];
        stem(o->datasets[g], base, sizeof(base));
        if (o->output_dir) {
          snprintf(name,
                   sizeof(name),
                   "%s/%s.%s",
                   o->output_dir,
                   base,
                   ent_format_extension(o->formats[f]));
        } else {
          snprintf(name, sizeof(name), "%s", o->output);
        }
        st = ent_output_open(world, name, slot);
        stream = st ? NULL : ent_output_stream(*slot);
      }
      if (!st) {
        st = ent_export_rdf(graphs[g], o->formats[f], stream, NULL);
      }
    }
  }
  for (size_t i = 0; i < n_outputs; ++i) {
    if (!outputs[i]) {
      continue;
    }
    if (st) {
      ent_output_abort(outputs[i]);
    } else {
      st = ent_output_commit(outputs[i]);
    }
  }
  for (int g = 0; g < n_graphs; ++g) {
    ent_graph_free(graphs[g]);
  }
  free(graphs);
  free(outputs);
  if (!st && !o->output && !o->output_dir && fflush(stdout)) {
    fprintf(stderr,
            "entente: error: writing to standard output failed: %s\n",
            strerror(errno));
    return EXIT_IOERR;
  }
  return input_failed ? EXIT_NOINPUT : exit_code(st);
}

int
main(int argc, char **argv)
{
  if (argc < 2) {
    fprintf(stderr, "%s", usage_text);
    return EXIT_USAGE;
  }
  if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
    printf("%s%s", usage_text, help_text);
    return EXIT_OK;
  }
  if (!strcmp(argv[1], "--version")) {
    printf("entente %s\n", ENT_VERSION);
    return EXIT_OK;
  }
  if (strcmp(argv[1], "export") != 0 && strcmp(argv[1], "validate") != 0) {
    return usage_error("unknown command '%s'", argv[1]);
  }
  Options o;
  int rc = parse_args(argc, argv, &o);
  if (rc) {
    free((void *)o.datasets);
    return rc;
  }
  EntWorld *world = NULL;
  EntOntology *ont = NULL;
  EntStatus st = ent_world_new(&world);
  if (!st) {
    st = ent_ontology_load(world, o.ontology, &ont);
  }
  if (st) {
    rc = exit_code(st == ENT_ERR_IO ? ENT_ERR_ONTOLOGY : st);
  } else if (!strcmp(o.command, "validate")) {
    rc = run_validate(world, ont, &o);
  } else {
    rc = run_export(world, ont, &o);
  }
  ent_ontology_free(ont);
  ent_world_free(world);
  free((void *)o.datasets);
  return rc;
}
