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
  "ascii",
  "base",
  "buffered-limit",
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
  "progress",
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
  "time-limit",
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
  // '-': operands come back in order (key 1), so that the argument an
  // error is about is known exactly; ':': a missing value is told apart.
  char shorts[64];
  snprintf(shorts, sizeof(shorts), "-:%s", short_options);
  opterr = 0;
  optind = 0; // start afresh (glibc)
  for (;;) {
    const int at = optind ? optind : 1;
    const int key = getopt_long(n_args, args, shorts, long_options, NULL);
    if (key == -1) {
      break;
    }
    if (key == 1) {
      operands->args[operands->n++] = optarg;
      continue;
    }
    const char *token = at < n_args ? args[at] : "";
    const bool is_long = !strncmp(token, "--", 2);
    const int name_len = (int)strcspn(token, "=");
    if (key == ':') {
      return is_long ? ent_cli_usage_error(
                         command, "%.*s needs a value", name_len, token)
                     : ent_cli_usage_error(
                         command, "-%c needs a value", (char)optopt);
    }
    if (key == '?' && !is_long) {
      // The short options of every command.
      return optopt > 0 && optopt < 128 && strchr("foOjqw", optopt)
               ? ent_cli_usage_error(
                   command, "'-%c' does not apply to %s", (char)optopt, command)
               : ent_cli_usage_error(
                   command, "unknown option -%c", (char)optopt);
    }
    if (key == '?') {
      size_t matches = 0;
      for (const struct option *o = long_options; o->name; ++o) {
        const size_t len = (size_t)name_len - 2;
        if (!strncmp(o->name, token + 2, len)) {
          if (strlen(o->name) == len && o->has_arg == no_argument) {
            return ent_cli_usage_error(
              command, "%.*s takes no value", name_len, token);
          }
          ++matches;
        }
      }
      if (matches > 1) {
        return ent_cli_usage_error(
          command, "'%.*s' is ambiguous: give more of it", name_len, token);
      }
      return is_known_elsewhere(token)
               ? ent_cli_usage_error(command,
                                     "'%.*s' does not apply to %s",
                                     name_len,
                                     token,
                                     command)
               : ent_cli_usage_error(
                   command, "unknown option '%.*s'", name_len, token);
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
