// SPDX-License-Identifier: MIT
// The last word of a failed run.  The library says why a run failed where
// input caused it (file, line, column); running out of memory, or a
// library call failing on no input of ours, has no such place, and those
// statuses come back up without a message.  A run that ends on one of
// them says so here, once, so that no failure is silent.

#include "commands.h"

#include <stdio.h>

void
ent_cli_say_unsaid(const EntWorld *world,
                   CliProgress *progress,
                   EntStatus status,
                   const char *who,
                   const char *remedy)
{
  if ((status != ENT_ERR_NO_MEMORY && status != ENT_ERR_INTERNAL) ||
      ent_world_logged(world, status)) {
    return; // said where it happened
  }
  ent_cli_progress_break(progress);
  // "worker 2 of 3: " tells one -j worker's failure from another's.
  const char *colon = who ? ": " : "";
  who = who ? who : "";
  if (status == ENT_ERR_NO_MEMORY) {
    fprintf(stderr,
            "entente: error: %s%sout of memory; %s\n",
            who,
            colon,
            remedy ? remedy : "give entente more memory");
  } else {
    fprintf(stderr,
            "entente: error: %s%sinternal failure (a library call failed, "
            "not on the input); please report it with the command line and "
            "entente --version\n",
            who,
            colon);
  }
}

bool
ent_cli_strict_refuses(const EntWorld *world, bool strict, const char *outcome)
{
  const unsigned long n = strict ? ent_world_warning_count(world) : 0;
  if (n) {
    fprintf(stderr,
            "entente: error: %lu warning%s, and --strict makes warnings "
            "errors%s\n",
            n,
            n == 1 ? "" : "s",
            outcome);
  }
  return n != 0;
}
