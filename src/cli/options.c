// SPDX-License-Identifier: MIT
// Command-line parsing shared by every command: getopt_long(3) with the
// command's own table, so that --opt=value, bundled short flags (-qw),
// -fVALUE and "--" work as in other GNU-style tools, and every mistake
// gets one line and a pointer to the command's help.

#include "commands.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
ent_cli_usage_error(const char *command, const char *fmt, ...)
{
  va_list args;
  va_start(args, fmt);
  fprintf(stderr, "entente: ");
  vfprintf(stderr, fmt, args);
  va_end(args);
  if (command) {
    fprintf(
      stderr, "\nTry 'entente %s --help' for more information.\n", command);
  } else {
    fprintf(stderr, "\nTry 'entente --help' for more information.\n");
  }
  return CLI_USAGE;
}

/// Every long option of every command, so that an option given to a
/// command it does not apply to is told apart from a misspelt one.
static const char *const every_option[] = {
  "allow-insecure-auth",
  "append",
  "base",
  "chunk",
  "context",
  "corpus",
  "depth",
  "dry-run",
  "engine",
  "format",
  "graph",
  "help",
  "jobs",
  "lang",
  "max-nodes",
  "no-warnings",
  "ontology",
  "output",
  "output-dir",
  "password-file",
  "proxy",
  "quiet",
  "replace",
  "schema",
  "shapes",
  "store",
  "strict",
  "syntax",
  "text",
  "text-dir",
  "threads",
  "timeout",
  "user",
  "view",
};

static bool
is_known_elsewhere(const char *arg)
{
  if (strncmp(arg, "--", 2) != 0) {
    return false;
  }
  const char *name = arg + 2;
  const size_t len = strcspn(name, "=");
  for (size_t i = 0; i < sizeof(every_option) / sizeof(*every_option); ++i) {
    if (strlen(every_option[i]) == len &&
        !strncmp(every_option[i], name, len)) {
      return true;
    }
  }
  return false;
}

int
ent_cli_parse(int argc,
              char **argv,
              const char *command,
              const char *short_options,
              const struct option *long_options,
              CliOptionFunc on_option,
              void *handle,
              CliOperands *operands)
{
  operands->args = calloc((size_t)argc + 1, sizeof(char *));
  operands->n = 0;
  if (!operands->args) {
    return CLI_SOFTWARE;
  }
  // argv[1] is the command: getopt sees it as the program's name.
  char **args = argv + 1;
  const int n_args = argc - 1;
  char shorts[64];
  snprintf(shorts, sizeof(shorts), ":%s", short_options); // ':' missing value
  opterr = 0;
  optind = 0; // start afresh (glibc)
  for (;;) {
    const int previous = optind ? optind : 1;
    const int key = getopt_long(n_args, args, shorts, long_options, NULL);
    if (key == -1) {
      break;
    }
    const char *given = previous < n_args ? args[previous] : "";
    if (key == ':') {
      return optopt && optopt < 256 && strncmp(given, "--", 2) != 0
               ? ent_cli_usage_error(command, "-%c needs a value", optopt)
               : ent_cli_usage_error(command, "%s needs a value", given);
    }
    if (key == '?') {
      if (optopt && optopt < 256 && strncmp(given, "--", 2) != 0) {
        // The short options of every command.
        return strchr("foOjqw", optopt)
                 ? ent_cli_usage_error(
                     command, "'-%c' does not apply to %s", optopt, command)
                 : ent_cli_usage_error(command, "unknown option -%c", optopt);
      }
      const char *arg = args[optind - 1];
      if (is_known_elsewhere(arg)) {
        return ent_cli_usage_error(
          command, "'%s' does not apply to %s", arg, command);
      }
      return ent_cli_usage_error(command, "unknown option '%s'", arg);
    }
    if (key == 'h') {
      return CLI_HELP;
    }
    const int rc = on_option(handle, key, optarg);
    if (rc) {
      return rc;
    }
  }
  for (int i = optind; i < n_args; ++i) {
    operands->args[operands->n++] = args[i];
  }
  return CLI_OK;
}
