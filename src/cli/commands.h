// SPDX-License-Identifier: MIT
// Commands of the entente program that live in their own files.  Each
// takes main()'s arguments (argv[1] is the command's name) and returns the
// exit status.  They use the public API only.
#ifndef ENT_CLI_COMMANDS_H
#define ENT_CLI_COMMANDS_H

#include "../entente.h"

#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

/// `entente push DATASET... --store URL ...`: see src/cli/push.c.
int ent_cmd_push(int argc, char **argv);
/// The help of push (usage and options), for `entente help push`.
void ent_cmd_push_help(FILE *out);

// Exit codes, as in sysexits.h.
enum {
  CLI_OK = 0,
  CLI_USAGE = 64,    // bad command line
  CLI_DATAERR = 65,  // bad input data
  CLI_NOINPUT = 66,  // an input file cannot be read
  CLI_SOFTWARE = 70, // internal error
  CLI_IOERR = 74,    // output could not be written
  CLI_CONFIG = 78,   // unusable ontology
  CLI_HELP = -1,     // ent_cli_parse(): --help was given
};

/// Print "entente: MESSAGE" and a pointer to `command`'s help (or the
/// program's, when NULL) on stderr; returns CLI_USAGE.
int ent_cli_usage_error(const char *command, const char *fmt, ...)
  __attribute__((format(printf, 2, 3)));

/// Told each option as getopt_long(3) returns it (`value` is NULL for a
/// flag); returns 0 to go on, or an exit status.
typedef int (*CliOptionFunc)(void *handle, int key, const char *value);

/// What is left of the command line after its options.
typedef struct {
  const char **args; ///< Borrowed from argv; the array is owned (free())
  int n;
} CliOperands;

/**
 * Parse the options of `command` (argv[1]) with getopt_long(3):
 * `short_options` and `long_options` as getopt_long takes them ('h' is
 * --help), `on_option` told each.  Returns 0, CLI_HELP, or an exit status
 * after printing one line; `operands` is set in every case (free its
 * args).
 */
int ent_cli_parse(int argc,
                  char **argv,
                  const char *command,
                  const char *short_options,
                  const struct option *long_options,
                  CliOptionFunc on_option,
                  void *handle,
                  CliOperands *operands);

/// What a command reads: dataset files and the corpus they belong to.
typedef struct {
  char **paths; ///< Dataset files, directories expanded (owned)
  char **real;  ///< Each one's real path (owned): a file named twice
                ///< (a corpus and one of its articles) is read once
  size_t n_paths;
  char *corpus; ///< The corpus directory, or NULL (owned)
  bool whole;   ///< The corpus directory was named: all its articles
} CliInputs;

/**
 * Expand `args` (dataset files, directories of them, corpus directories,
 * which stand for their articles) and find their corpus: `corpus_option`
 * (--corpus) when given, else the one every dataset lies in, or none.
 * Datasets of two corpora, or of a corpus and none, are a usage error.
 * Returns an exit status (messages printed); on success free `in` with
 * ent_cli_inputs_free().
 */
int ent_cli_inputs(const char *const *args,
                   size_t n_args,
                   const char *corpus_option,
                   CliInputs *in);
void ent_cli_inputs_free(CliInputs *in);
/// CLI_OK unless a dataset argument is '-' (standard input): then a usage
/// error of `command`, said on stderr.
int ent_cli_refuse_stdin(const char *command,
                         const char *const *args,
                         size_t n_args);
/// CLI_OK if `dir` (a --text-dir) is a directory, else a usage error of
/// `command` said on stderr (a misspelt one would leave every quote
/// unchecked, each said as a warning that does not name it).
int ent_cli_check_text_dir(const char *command, const char *dir);
/// Whether writing `path` would overwrite what `in` reads: one of its
/// datasets, or a .xml file in its corpus directory (which the corpus
/// reads, now or in the next run).
bool ent_cli_would_overwrite(const CliInputs *in, const char *path);

/// A new graph, with the directories texts may be read from and the
/// corpus of `in` loaded.
EntStatus ent_cli_new_graph(EntWorld *world,
                            const EntOntology *ontology,
                            const char *base,
                            const CliInputs *in,
                            const char *const *text_dirs,
                            size_t n_text_dirs,
                            EntGraph **out);

/// Make `stderr` escape what a terminal would act on (see
/// ent_terminal_safe()); call first thing in main().
void ent_cli_safe_stderr(void);

/// The cores this process may run on (its affinity), at least 1.
unsigned ent_cli_usable_cores(void);

/// The progress line of export, validate and dot (progress.c).
typedef struct {
  struct timespec start;       ///< Of the run
  struct timespec last;        ///< When a line was last shown
  struct timespec phase_start; ///< Of the phase being shown
  EntPhase phase;
  bool any;      ///< A report came
  bool terminal; ///< Lines overwrite each other (\r), else one per line
  bool shown;    ///< A terminal line is open (ends with a newline)
  bool asked;    ///< --progress: from the start, short runs too
} CliProgress;

/// Show `world`'s progress reports on stderr when `enabled`: from one
/// second into the run (from its start when `asked`), a line kept up to
/// date on a `terminal`, else a line a second and one per phase.  `cp`
/// must outlive the reports.
void ent_cli_progress_start(CliProgress *cp,
                            EntWorld *world,
                            bool enabled,
                            bool terminal,
                            bool asked);
/// End the line (and the reports, when `world` is not NULL).
void ent_cli_progress_end(CliProgress *cp, EntWorld *world);
/// End an open line before a message is printed.
void ent_cli_progress_break(CliProgress *cp);

/// Say on stderr why a run failed with `status` when nothing said it yet
/// (`world`, which may be NULL, logged no error of it): out of memory, or a
/// library call that failed on no input of ours (after ending the line of
/// `progress`, which may be NULL).  Other statuses are said where they
/// happen.  `who` (or NULL) names the process that failed ("worker 2 of
/// 3"); `remedy` (or NULL: "give entente more memory") follows "out of
/// memory; ".
/// With --strict (`strict`), whether the warnings `world` logged refuse
/// the run; if so it is said on stderr, `outcome` ("; nothing sent", or
/// "") after the count.
bool ent_cli_strict_refuses(const EntWorld *world,
                            bool strict,
                            const char *outcome);
void ent_cli_say_unsaid(const EntWorld *world,
                        CliProgress *progress,
                        EntStatus status,
                        const char *who,
                        const char *remedy);

#endif // ENT_CLI_COMMANDS_H
