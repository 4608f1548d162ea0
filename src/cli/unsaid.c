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
                   EntStatus status)
{
  if ((world && ent_world_error_count(world)) ||
      (status != ENT_ERR_NO_MEMORY && status != ENT_ERR_INTERNAL)) {
    return; // said where it happened
  }
  ent_cli_progress_break(progress);
  if (status == ENT_ERR_NO_MEMORY) {
    fprintf(stderr,
            "entente: error: out of memory; give entente more memory or "
            "fewer datasets at once (RDF in a streamed format, N-Triples, "
            "N-Quads, Turtle, TriG or JSON-LD, needs little)\n");
  } else if (status == ENT_ERR_INTERNAL) {
    fprintf(stderr,
            "entente: error: internal failure (a library call failed, not "
            "on the input); please report it with the command line and "
            "entente --version\n");
  }
}
