// SPDX-License-Identifier: MIT
// `entente push`: send each source's named graph to a triple store.  It
// uses the public API only.

#include "../entente.h"
#include "commands.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/// What a push that ran out of memory can do about it: it holds the
/// datasets' graphs while it sends them.
#define PUSH_MEMORY_REMEDY \
  "give entente more memory or push fewer datasets at once"

// Exit codes, as in sysexits.h (the same as main.c's).
enum {
  PUSH_OK = 0,
  PUSH_USAGE = 64,    // bad command line
  PUSH_DATAERR = 65,  // bad input data
  PUSH_NOINPUT = 66,  // an input file cannot be read
  PUSH_SOFTWARE = 70, // internal error
  PUSH_IOERR = 74,    // the store cannot be reached or refused the data
  PUSH_CONFIG = 78,   // unusable ontology
};

/// The longest password read from --password-file.
#define MAX_PASSWORD 1024

static const char push_usage[] =
  "Usage: entente push [OPTION]... DATASET... --store URL\n"
  "Send each source's named graph to a triple store.\n";

static const char push_help[] =
  "\n"
  "It uses the SPARQL 1.1\n"
  "Graph Store HTTP Protocol (N-Triples to URL?graph=GRAPH-IRI).\n"
  "Datasets of a corpus are read against its registry, and the corpus\n"
  "graph is sent with them; pushing one changed article replaces its\n"
  "graph and leaves the others as they are.\n"
  "\n"
  "Options:\n"
  "  --store URL      the store's Graph Store endpoint, http:// or https://\n"
  "                   (Virtuoso: http://HOST:8890/sparql-graph-crud)\n"
  "  --graph IRI      write to this graph instead of the source's IRI\n"
  "                   (only when the datasets hold one source)\n"
  "  --replace        replace each graph (the default): pushing twice\n"
  "                   leaves the store as one push does\n"
  "  --append         add to each graph instead\n"
  "  --user U         authenticate as U: over https as the store asks, over\n"
  "                   plain http with Digest only (Basic would send the\n"
  "                   password readable on the way)\n"
  "  --password-file F\n"
  "                   read U's password from the first line of F (a regular\n"
  "                   file; white space at the end of the line is dropped);\n"
  "                   passwords are never taken on the command line\n"
  "  --allow-insecure-auth\n"
  "                   allow Basic authentication over plain http\n"
  "  --proxy URL      go through this proxy; without it no proxy is used,\n"
  "                   whatever http_proxy and the like say\n"
  "  --dry-run        load, check and print what would be sent; no network\n"
  "  --chunk N        at most N triples per request (default 100000;\n"
  "                   Virtuoso 7.2.5 can hang on requests of ~500000)\n"
  "  --timeout S      seconds each request may take (default 300)\n"
  "  --corpus DIR     read the datasets against the corpus in DIR\n"
  "  --text-dir DIR   also look for the datasets' texts in DIR\n"
  "  --base IRI       mint entity IRIs under IRI, as export does\n"
  "  --ontology FILE  use this ontology instead of the built-in one\n"
  "  -w, --no-warnings  do not show warnings\n"
  "  --strict         treat warnings as errors (exit 65, nothing sent)\n"
  "  -h, --help       print this help\n"
  "\n"
  "A replace of more than one request (a graph larger than --chunk) is not\n"
  "atomic: if it fails midway the graph is incomplete until pushed again.\n"
  "\n"
  "Exit status: 0 success, 64 bad usage, 65 bad data, 66 unreadable input,\n"
  "70 out of memory or internal error, 74 the store could not be reached\n"
  "or refused the data, 78 unusable ontology.\n";

#define MAX_TEXT_DIRS 64

typedef struct {
  const char **datasets;
  int n_datasets;
  const char *corpus;
  const char *text_dirs[MAX_TEXT_DIRS];
  size_t n_text_dirs;
  CliInputs in;
  const char *password_file;
  const char *base;
  const char *ontology;
  EntPushOptions push;
  bool mode_given;
  bool no_warnings; ///< -w
  bool strict;      ///< --strict: a warning stops the push before a byte
} PushArgs;

#define push_usage_error(...) ent_cli_usage_error("push", __VA_ARGS__)

/// A whole number in [1, max] written in decimal, or 0.
static unsigned long long
parse_count(const char *s, unsigned long long max)
{
  if (!s[0] || s[0] == '-' || s[0] == '+') {
    return 0;
  }
  char *end = NULL;
  errno = 0;
  const unsigned long long n = strtoull(s, &end, 10);
  return errno || *end || n > max ? 0 : n;
}

enum {
  OPT_STORE = 256,
  OPT_GRAPH,
  OPT_USER,
  OPT_PASSWORD_FILE,
  OPT_CHUNK,
  OPT_TIMEOUT,
  OPT_BASE,
  OPT_ONTOLOGY,
  OPT_PROXY,
  OPT_CORPUS,
  OPT_TEXT_DIR,
  OPT_DRY_RUN,
  OPT_INSECURE,
  OPT_REPLACE,
  OPT_APPEND,
  OPT_PASSWORD,
  OPT_STRICT,
};

static const struct option push_options[] = {
  { "store", required_argument, NULL, OPT_STORE },
  { "graph", required_argument, NULL, OPT_GRAPH },
  { "user", required_argument, NULL, OPT_USER },
  { "password-file", required_argument, NULL, OPT_PASSWORD_FILE },
  { "password", optional_argument, NULL, OPT_PASSWORD },
  { "chunk", required_argument, NULL, OPT_CHUNK },
  { "timeout", required_argument, NULL, OPT_TIMEOUT },
  { "base", required_argument, NULL, OPT_BASE },
  { "ontology", required_argument, NULL, OPT_ONTOLOGY },
  { "proxy", required_argument, NULL, OPT_PROXY },
  { "corpus", required_argument, NULL, OPT_CORPUS },
  { "text-dir", required_argument, NULL, OPT_TEXT_DIR },
  { "dry-run", no_argument, NULL, OPT_DRY_RUN },
  { "allow-insecure-auth", no_argument, NULL, OPT_INSECURE },
  { "replace", no_argument, NULL, OPT_REPLACE },
  { "append", no_argument, NULL, OPT_APPEND },
  { "no-warnings", no_argument, NULL, 'w' },
  { "strict", no_argument, NULL, OPT_STRICT },
  { "help", no_argument, NULL, 'h' },
  { NULL, 0, NULL, 0 },
};

static int
take_push_option(void *handle, int key, const char *value)
{
  PushArgs *a = handle;
  switch (key) {
    case OPT_DRY_RUN:
      a->push.dry_run = 1;
      break;
    case 'w':
      a->no_warnings = true;
      break;
    case OPT_STRICT:
      a->strict = true;
      break;
    case OPT_INSECURE:
      a->push.allow_insecure_auth = 1;
      break;
    case OPT_REPLACE:
    case OPT_APPEND: {
      const EntPushMode mode =
        key == OPT_REPLACE ? ENT_PUSH_REPLACE : ENT_PUSH_APPEND;
      if (a->mode_given && a->push.mode != mode) {
        return push_usage_error("%s", "give --replace or --append, not both");
      }
      a->push.mode = mode;
      a->mode_given = true;
      break;
    }
    case OPT_PASSWORD:
      return push_usage_error(
        "%s",
        "passwords are never taken on the command line: put it in a "
        "file only you can read and give --password-file FILE");
    case OPT_CORPUS:
      a->corpus = value;
      break;
    case OPT_TEXT_DIR:
      if (a->n_text_dirs == MAX_TEXT_DIRS) {
        return push_usage_error("too many --text-dir options");
      }
      if (ent_cli_check_text_dir("push", value)) {
        return PUSH_USAGE;
      }
      a->text_dirs[a->n_text_dirs++] = value;
      break;
    case OPT_STORE:
      a->push.store = value;
      break;
    case OPT_GRAPH:
      if (!ent_iri_is_valid(value)) {
        return push_usage_error("--graph '%s' is not an absolute IRI (with no "
                                "'.' or '..' segment in its path)",
                                value);
      }
      if (ent_is_unsafe_scheme(value)) {
        return push_usage_error("--graph '%s': a graph IRI is never "
                                "javascript:, vbscript:, data: or file:; give "
                                "an http(s) or urn IRI",
                                value);
      }
      a->push.graph_iri = value;
      break;
    case OPT_USER:
      a->push.user = value;
      break;
    case OPT_PASSWORD_FILE:
      a->password_file = value;
      break;
    case OPT_BASE:
      if (!ent_iri_usable_as_base(value)) {
        char why[200];
        (void)ent_base_problem(value, why, sizeof(why));
        return push_usage_error("--base '%s' is not usable: it %s", value, why);
      }
      a->base = value;
      break;
    case OPT_ONTOLOGY:
      a->ontology = value;
      break;
    case OPT_PROXY:
      a->push.proxy = value;
      break;
    case OPT_CHUNK:
      a->push.chunk = (size_t)parse_count(value, 100000000ULL);
      if (!a->push.chunk) {
        return push_usage_error(
          "--chunk needs a number of triples from 1 to 100000000, not '%s'",
          value);
      }
      break;
    case OPT_TIMEOUT:
      a->push.timeout = (long)parse_count(value, 86400ULL);
      if (!a->push.timeout) {
        return push_usage_error(
          "--timeout needs a number of seconds from 1 to 86400, not '%s'",
          value);
      }
      break;
    default:
      return push_usage_error("option not handled: %d", key);
  }
  return PUSH_OK;
}

static int
parse_push_args(int argc, char **argv, PushArgs *a)
{
  memset(a, 0, sizeof(*a));
  CliOperands operands = { NULL, 0 };
  const int rc = ent_cli_parse(
    argc, argv, "push", "hw", push_options, take_push_option, a, &operands);
  a->datasets = operands.args;
  a->n_datasets = operands.n;
  if (rc) {
    return rc;
  }
  if (a->n_datasets == 0) {
    return push_usage_error("%s", "push needs at least one DATASET");
  }
  if (!a->push.store) {
    return push_usage_error(
      "%s", "push needs --store URL, the store's Graph Store endpoint");
  }
  if (!a->push.user != !a->password_file) {
    return push_usage_error("%s", "give --user and --password-file together");
  }
  if (a->strict && a->no_warnings) {
    return push_usage_error("%s", "give --strict or --no-warnings, not both");
  }
  return PUSH_OK;
}

/// Overwrite `buf` in a way the compiler may not drop.
static void
wipe(char *buf, size_t len)
{
  volatile char *p = buf;
  for (size_t i = 0; i < len; ++i) {
    p[i] = '\0';
  }
}

/// Read the first line of `path` into `out` (without the line end and the
/// white space before it).  Only a regular file: a FIFO or a device could
/// block for ever or never end.
static int
read_password(const char *path, char *out, size_t size)
{
  const int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  struct stat st;
  if (fd < 0 || fstat(fd, &st)) {
    fprintf(stderr,
            "%s: error: cannot read the password file: %s\n",
            path,
            strerror(errno));
    if (fd >= 0) {
      close(fd);
    }
    return PUSH_NOINPUT;
  }
  if (!S_ISREG(st.st_mode)) {
    close(fd);
    fprintf(stderr,
            "%s: error: the password file is not a regular file; put the "
            "password in a file only you can read\n",
            path);
    return PUSH_NOINPUT;
  }
  if (st.st_mode & (S_IRWXG | S_IRWXO)) {
    fprintf(stderr,
            "%s: warning: other users can read this password file; "
            "chmod 600 it\n",
            path);
  }
  FILE *f = fdopen(fd, "rb");
  if (!f) {
    close(fd);
    return PUSH_SOFTWARE;
  }
  const size_t n = fread(out, 1, size - 1, f);
  const bool failed = ferror(f) != 0;
  fclose(f);
  out[n] = '\0';
  size_t len = strcspn(out, "\r\n");
  // An editor's or echo's trailing blank is not part of the password.
  while (len > 0 && (out[len - 1] == ' ' || out[len - 1] == '\t')) {
    --len;
  }
  out[len] = '\0';
  if (failed || !out[0] || n == size - 1) {
    wipe(out, size);
    fprintf(stderr,
            "%s: error: %s\n",
            path,
            failed ? "reading the password file failed"
            : n == size - 1
              ? "the password file is too long; put only the password in it"
              : "the password file is empty; put the password on its "
                "first line");
    return failed ? PUSH_NOINPUT : PUSH_USAGE;
  }
  return PUSH_OK;
}

/// The exit status of a load that ended on `st`, said first if nothing
/// said it (ent_cli_say_unsaid()).
static int
load_exit_code(const EntWorld *world, EntStatus st)
{
  ent_cli_say_unsaid(world, NULL, st, NULL, PUSH_MEMORY_REMEDY);
  switch (st) {
    case ENT_SUCCESS:
    case ENT_FAILURE:
      return PUSH_OK;
    case ENT_ERR_IO:
      return PUSH_NOINPUT;
    case ENT_ERR_ONTOLOGY:
    case ENT_ERR_UNDECLARED:
      return PUSH_CONFIG;
    case ENT_ERR_NO_MEMORY:
    case ENT_ERR_INTERNAL:
    case ENT_ERR_BAD_ARG:
      return PUSH_SOFTWARE;
    default:
      return PUSH_DATAERR;
  }
}

/// The exit status of a push that ended on `st`, said first if nothing
/// said it.
static int
push_exit_code(const EntWorld *world, EntStatus st)
{
  ent_cli_say_unsaid(world, NULL, st, NULL, PUSH_MEMORY_REMEDY);
  switch (st) {
    case ENT_SUCCESS:
      return PUSH_OK;
    case ENT_ERR_BAD_VALUE:
      return PUSH_USAGE; // the store URL or graph IRI given
    case ENT_ERR_IO:
      return PUSH_IOERR;
    case ENT_ERR_ONTOLOGY:
    case ENT_ERR_UNDECLARED:
      return PUSH_CONFIG;
    default:
      return PUSH_SOFTWARE;
  }
}

static void
print_line(const EntPushOptions *o, const EntPushReport *r)
{
  const char *requests = r->requests == 1 ? "request" : "requests";
  if (o->mode == ENT_PUSH_APPEND) {
    printf("%s %zu triples to graph <%s> in %zu %s\n",
           o->dry_run ? "would append" : "appended",
           r->triples,
           r->graph_iri,
           r->requests,
           requests);
  } else {
    printf("%s graph <%s> with %zu triples in %zu %s\n",
           o->dry_run ? "would replace" : "replaced",
           r->graph_iri,
           r->triples,
           r->requests,
           requests);
  }
}

/// What the push has done so far, for the notes after a failure.
typedef struct {
  const EntPushOptions *options;
  size_t pushed;      ///< Graphs pushed in full
  const char *failed; ///< IRI of the graph that failed, or NULL
  long failed_status; ///< Its last HTTP status
} PushProgress;

static void
each_pushed(void *handle,
            size_t index,
            const EntPushReport *report,
            EntStatus status)
{
  (void)index;
  PushProgress *progress = handle;
  if (status) {
    progress->failed = report->graph_iri;
    progress->failed_status = report->http_status;
    return;
  }
  ++progress->pushed;
  print_line(progress->options, report);
  fflush(stdout);
}

/// Load every dataset into one graph, as export does (against their
/// corpus, if any), and list its named graphs; 0 or an exit status.
static int
load_graph(EntWorld *world,
           const EntOntology *ont,
           const PushArgs *a,
           EntGraph **graph)
{
  EntStatus st = ent_cli_new_graph(
    world, ont, a->base, &a->in, a->text_dirs, a->n_text_dirs, graph);
  if (!st) {
    st = ent_load_datasets(
      *graph, (const char *const *)a->in.paths, a->in.n_paths);
  }
  if (!st) {
    st = ent_graph_check_quotes(*graph);
  }
  if (st) {
    return load_exit_code(world, st);
  }
  const size_t n = ent_graph_source_count(*graph);
  if (a->push.graph_iri && n != 1) {
    return push_usage_error("--graph names one graph, but the datasets hold "
                            "%zu graphs (sources and the corpus); leave "
                            "--graph out",
                            n);
  }
  return PUSH_OK;
}

/// Diagnostics as the world's default says them, warnings left out
/// with -w.
static void
push_log(void *handle,
         const EntLogLevel level,
         const EntStatus status,
         const EntCaret *caret,
         const char *message)
{
  const PushArgs *a = handle;
  if (level != ENT_LOG_WARNING || !a->no_warnings) {
    ent_log_to_stderr(NULL, level, status, caret, message);
  }
}

static int
run_push(PushArgs *a)
{
  EntWorld *world = NULL;
  EntOntology *ont = NULL;
  EntGraph *graph = NULL;
  int rc = ent_cli_refuse_stdin("push", a->datasets, (size_t)a->n_datasets);
  if (rc) {
    return rc;
  }
  rc = ent_cli_inputs(a->datasets, (size_t)a->n_datasets, a->corpus, &a->in);
  if (!rc && ent_world_new(&world)) {
    ent_cli_say_unsaid(NULL, NULL, ENT_ERR_NO_MEMORY, NULL, NULL);
    rc = PUSH_SOFTWARE;
  }
  if (!rc) {
    // As export: an ontology file that cannot be read is missing input
    // (66), one that is read and unusable a configuration error (78).
    const EntStatus st = ent_ontology_load(world, a->ontology, &ont);
    ent_cli_say_unsaid(world, NULL, st, NULL, PUSH_MEMORY_REMEDY);
    rc = !st                                                 ? PUSH_OK
         : st == ENT_ERR_IO                                  ? PUSH_NOINPUT
         : st == ENT_ERR_NO_MEMORY || st == ENT_ERR_INTERNAL ? PUSH_SOFTWARE
                                                             : PUSH_CONFIG;
  }
  if (world) {
    ent_world_set_log(world, push_log, a);
    if (a->in.whole) {
      ent_corpus_warn_unread(
        world, a->in.corpus, (const char *const *)a->in.real, a->in.n_paths);
    }
  }
  if (!rc) {
    rc = load_graph(world, ont, a, &graph);
  }
  if (!rc && ent_cli_strict_refuses(world, a->strict, "; nothing sent")) {
    rc = PUSH_DATAERR;
  }
  // Every graph checked and counted in one walk before the store sees a
  // byte (ent_store_push_all), then sent in order.
  if (!rc) {
    PushProgress progress = { &a->push, 0, NULL, 0 };
    const EntStatus st =
      ent_store_push_all(graph, &a->push, each_pushed, &progress);
    rc = push_exit_code(world, st);
    if (rc && progress.failed_status == 401) {
      fprintf(stderr,
              "entente: note: %s\n",
              a->push.user ? "check --user and the password in "
                             "--password-file"
                           : "give --user and --password-file");
    } else if (st == ENT_ERR_IO && progress.pushed > 0 && progress.failed) {
      fprintf(stderr,
              "entente: note: the %zu graph(s) before <%s> were pushed in "
              "full\n",
              progress.pushed,
              progress.failed);
    }
  }
  ent_graph_free(graph);
  ent_cli_inputs_free(&a->in);
  ent_ontology_free(ont);
  ent_world_free(world);
  // Each line was flushed as it went: a failure then is in ferror().
  if (!rc && (fflush(stdout) != 0 || ferror(stdout))) {
    fprintf(stderr,
            "entente: error: writing to standard output failed: %s\n",
            strerror(errno ? errno : EIO));
    return PUSH_IOERR;
  }
  return rc;
}

void
ent_cmd_push_help(FILE *out)
{
  fputs(push_usage, out);
  fputs(push_help, out);
}

int
ent_cmd_push(int argc, char **argv)
{
  PushArgs a;
  int rc = parse_push_args(argc, argv, &a);
  if (rc == CLI_HELP) {
    ent_cmd_push_help(stdout);
    free((void *)a.datasets);
    return PUSH_OK;
  }
  char password[MAX_PASSWORD];
  password[0] = '\0';
  if (!rc && a.password_file) {
    rc = read_password(a.password_file, password, sizeof(password));
    a.push.password = password;
  }
  if (!rc) {
    rc = run_push(&a);
  }
  wipe(password, sizeof(password));
  free((void *)a.datasets);
  return rc;
}
