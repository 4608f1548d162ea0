// SPDX-License-Identifier: MIT
// What the commands read: the dataset files named on the command line
// (directories expanded) and the corpus they belong to.

#include "../entente.h"
#include "commands.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/// A dataset's file: named *.xml, in any case (an article saved as
/// ISTANBUL.XML was left out of its corpus without a word).
static int
select_xml(const struct dirent *entry)
{
  const size_t n = strlen(entry->d_name);
  return entry->d_name[0] != '.' && n > 4 &&
         !strcasecmp(entry->d_name + n - 4, ".xml");
}

static bool
is_directory(const char *path)
{
  struct stat info;
  return stat(path, &info) == 0 && S_ISDIR(info.st_mode);
}

static bool
same_place(const char *a, const char *b)
{
  char *ra = realpath(a, NULL);
  char *rb = realpath(b, NULL);
  const bool same = ra && rb && !strcmp(ra, rb);
  free(ra);
  free(rb);
  return same;
}

typedef struct {
  const char *real;
  size_t index;
} Named;

static int
by_real_path(const void *a, const void *b)
{
  const Named *x = a;
  const Named *y = b;
  const int c = strcmp(x->real, y->real);
  return c ? c : (x->index > y->index) - (x->index < y->index);
}

/// Keep each file once, where it was first named (a corpus and one of its
/// articles name the article twice): sorted by real path, n log n.
static int
drop_repeats(CliInputs *in)
{
  if (in->n_paths < 2) {
    return CLI_OK;
  }
  Named *named = malloc(in->n_paths * sizeof(Named));
  bool *repeat = calloc(in->n_paths, sizeof(bool));
  if (!named || !repeat) {
    free(named);
    free(repeat);
    return CLI_SOFTWARE;
  }
  for (size_t i = 0; i < in->n_paths; ++i) {
    named[i] = (Named){ in->real[i], i };
  }
  qsort(named, in->n_paths, sizeof(Named), by_real_path);
  for (size_t i = 1; i < in->n_paths; ++i) {
    repeat[named[i].index] = !strcmp(named[i].real, named[i - 1].real);
  }
  size_t kept = 0;
  for (size_t i = 0; i < in->n_paths; ++i) {
    if (repeat[i]) {
      free(in->paths[i]);
      free(in->real[i]);
      continue;
    }
    in->paths[kept] = in->paths[i];
    in->real[kept++] = in->real[i];
  }
  in->n_paths = kept;
  free(named);
  free(repeat);
  return CLI_OK;
}

static int
add_path(CliInputs *in, const char *path)
{
  char *real = realpath(path, NULL);
  real = real ? real : strdup(path); // not there: loading says so
  if (!real) {
    return CLI_SOFTWARE;
  }
  char **grown = realloc(in->paths, (in->n_paths + 1) * sizeof(char *));
  if (grown) {
    in->paths = grown;
  }
  char **grown_real =
    grown ? realloc(in->real, (in->n_paths + 1) * sizeof(char *)) : NULL;
  if (grown_real) {
    in->real = grown_real;
  }
  char *copy = grown_real ? strdup(path) : NULL;
  if (!copy) {
    free(real);
    return CLI_SOFTWARE;
  }
  in->paths[in->n_paths] = copy;
  in->real[in->n_paths++] = real;
  return CLI_OK;
}

/// Add the *.xml files of `dir`, in name order.
static int
add_directory(CliInputs *in, const char *dir)
{
  struct dirent **entries = NULL;
  const int n = scandir(dir, &entries, select_xml, alphasort);
  if (n < 0 && errno == ENOMEM) {
    return CLI_SOFTWARE; // said by ent_cli_inputs()
  }
  if (n < 0) {
    fprintf(stderr,
            "%s: error: cannot read the directory: %s\n",
            dir,
            strerror(errno));
    return CLI_NOINPUT;
  }
  int rc = CLI_OK;
  for (int k = 0; k < n; ++k) {
    const size_t len = strlen(dir) + strlen(entries[k]->d_name) + 2;
    char *path = malloc(len);
    if (path) {
      const size_t dl = strlen(dir);
      snprintf(path,
               len,
               "%s%s%s",
               dir,
               dl && dir[dl - 1] == '/' ? "" : "/",
               entries[k]->d_name);
      rc = rc ? rc : add_path(in, path);
    } else {
      rc = CLI_SOFTWARE;
    }
    free(path);
    free(entries[k]);
  }
  free(entries);
  return rc;
}

/// The corpus `path` belongs to, by discovery; NULL if none.
static int
corpus_of(const char *path, char **out)
{
  *out = NULL;
  const EntStatus st = ent_corpus_find(path, out);
  return st == ENT_ERR_NO_MEMORY ? CLI_SOFTWARE : CLI_OK;
}

int
ent_cli_inputs(const char *const *args,
               size_t n_args,
               const char *corpus_option,
               CliInputs *in)
{
  memset(in, 0, sizeof(*in));
  int rc = CLI_OK;
  bool any_in_corpus = false;
  bool any_standalone = false;
  if (corpus_option) {
    char *found = NULL;
    if (ent_corpus_find(corpus_option, &found) != ENT_SUCCESS ||
        !same_place(found, corpus_option)) {
      free(found);
      struct stat info;
      if (stat(corpus_option, &info) != 0) {
        fprintf(stderr,
                "%s: error: --corpus names no such directory: %s\n",
                corpus_option,
                strerror(errno));
        return CLI_NOINPUT;
      }
      fprintf(stderr,
              "%s: error: not a corpus directory (it holds no entente "
              "corpus.xml); give the directory that does\n",
              corpus_option);
      return CLI_USAGE;
    }
    in->corpus = found;
  }
  for (size_t i = 0; !rc && i < n_args; ++i) {
    const char *arg = args[i];
    char *corpus = NULL;
    rc = corpus_of(arg, &corpus);
    if (!rc && is_directory(arg)) {
      if (corpus && same_place(corpus, arg)) {
        // A corpus directory stands for all its articles.
        in->whole = true;
        char *articles = malloc(strlen(arg) + sizeof("/articles"));
        if (!articles) {
          rc = CLI_SOFTWARE;
        } else {
          const size_t al = strlen(arg);
          snprintf(articles,
                   strlen(arg) + sizeof("/articles"),
                   "%s%sarticles",
                   arg,
                   al && arg[al - 1] == '/' ? "" : "/");
          struct stat info;
          if (is_directory(articles)) {
            rc = add_directory(in, articles);
          } else if (lstat(articles, &info) == 0) {
            // A file, a dangling link or a loop where the articles go: not
            // a corpus without articles (which reads as valid and writes
            // the registry alone).
            fprintf(stderr,
                    "%s: error: not a directory%s; a corpus's articles go in "
                    "the directory articles/ beside its corpus.xml\n",
                    articles,
                    S_ISLNK(info.st_mode) ? " (a link to nothing, or to "
                                            "something that is not one)"
                                          : "");
            rc = CLI_NOINPUT;
          }
          free(articles);
        }
      } else {
        const size_t before = in->n_paths;
        rc = add_directory(in, arg);
        if (!rc && in->n_paths == before) {
          fprintf(stderr,
                  "%s: error: no *.xml datasets in this directory; give "
                  "dataset files, a directory holding them, or a corpus "
                  "directory\n",
                  arg);
          rc = CLI_NOINPUT;
        }
      }
    } else if (!rc) {
      rc = add_path(in, arg);
    }
    if (!rc && !corpus_option && corpus) {
      any_in_corpus = true;
      if (in->corpus && !same_place(in->corpus, corpus)) {
        fprintf(stderr,
                "entente: error: %s belongs to the corpus in %s, but an "
                "earlier dataset to the one in %s; give the datasets of one "
                "corpus at a time\n",
                arg,
                corpus,
                in->corpus);
        rc = CLI_USAGE;
      } else if (!in->corpus) {
        in->corpus = corpus;
        corpus = NULL;
      }
    } else if (!rc && !corpus_option) {
      any_standalone = true;
    }
    free(corpus);
  }
  if (!rc && any_in_corpus && any_standalone) {
    fprintf(stderr,
            "entente: error: some datasets belong to the corpus in %s and "
            "some to none; give --corpus DIR to read them all against it, "
            "or export them separately\n",
            in->corpus);
    rc = CLI_USAGE;
  }
  if (!rc) {
    rc = drop_repeats(in);
  }
  if (!rc && !in->n_paths && !in->corpus) {
    fprintf(stderr, "entente: error: no datasets to read\n");
    rc = CLI_NOINPUT;
  }
  if (rc == CLI_SOFTWARE) {
    // Only an allocation fails here with no message of its own.
    ent_cli_say_unsaid(NULL, NULL, ENT_ERR_NO_MEMORY, NULL, NULL);
  }
  if (rc) {
    ent_cli_inputs_free(in);
  }
  return rc;
}

int
ent_cli_refuse_stdin(const char *command,
                     const char *const *args,
                     size_t n_args)
{
  for (size_t i = 0; i < n_args; ++i) {
    if (!strcmp(args[i], "-")) {
      return ent_cli_usage_error(
        command,
        "a dataset is not read from standard input ('-'): it is read twice "
        "(checked, then loaded) and its texts and corpus are found beside "
        "it; save it to a file and give its name");
    }
  }
  return CLI_OK;
}

int
ent_cli_check_text_dir(const char *command, const char *dir)
{
  struct stat info;
  const int gone = stat(dir, &info) ? errno : 0;
  if (!gone && S_ISDIR(info.st_mode)) {
    return CLI_OK;
  }
  return ent_cli_usage_error(command,
                             "--text-dir %s: %s",
                             dir,
                             !gone            ? "not a directory"
                             : gone == ENOENT ? "no such directory"
                                              : strerror(gone));
}

/// `path` resolved, though its last component need not exist yet
/// (malloc'd), or NULL.
static char *
resolve(const char *path)
{
  char *full = realpath(path, NULL);
  if (full || errno != ENOENT) {
    return full;
  }
  const char *slash = strrchr(path, '/');
  char *dir = slash ? strndup(path, (size_t)(slash - path) + (slash == path))
                    : strdup(".");
  char *real_dir = dir ? realpath(dir, NULL) : NULL;
  const char *name = slash ? slash + 1 : path;
  const size_t n = real_dir ? strlen(real_dir) + strlen(name) + 2 : 0;
  full = n ? malloc(n) : NULL;
  if (full) {
    snprintf(full, n, "%s/%s", real_dir, name);
  }
  free(dir);
  free(real_dir);
  return full;
}

bool
ent_cli_would_overwrite(const CliInputs *in, const char *path)
{
  char *target = resolve(path);
  if (!target) {
    return false; // nowhere to write: opening it says why
  }
  bool clash = false;
  for (size_t i = 0; i < in->n_paths && !clash; ++i) {
    clash = !strcmp(in->real[i], target);
  }
  char *corpus = in->corpus ? realpath(in->corpus, NULL) : NULL;
  const size_t n = corpus ? strlen(corpus) : 0;
  const size_t len = strlen(target);
  if (!clash && corpus && !strncmp(target, corpus, n) && target[n] == '/' &&
      len > 4 && !strcasecmp(target + len - 4, ".xml")) {
    clash = true;
  }
  free(corpus);
  free(target);
  return clash;
}

void
ent_cli_inputs_free(CliInputs *in)
{
  for (size_t i = 0; i < in->n_paths; ++i) {
    free(in->paths[i]);
    free(in->real[i]);
  }
  free(in->paths);
  free(in->real);
  free(in->corpus);
  memset(in, 0, sizeof(*in));
}

EntStatus
ent_cli_new_graph(EntWorld *world,
                  const EntOntology *ontology,
                  const char *base,
                  const CliInputs *in,
                  const char *const *text_dirs,
                  size_t n_text_dirs,
                  EntGraph **out)
{
  EntStatus st = ent_graph_new(world, ontology, base, out);
  for (size_t i = 0; !st && i < n_text_dirs; ++i) {
    st = ent_graph_add_text_dir(*out, text_dirs[i]);
  }
  if (!st && in->corpus) {
    st = ent_graph_load_corpus(*out, in->corpus);
  }
  return st;
}
