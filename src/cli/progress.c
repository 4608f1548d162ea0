// SPDX-License-Identifier: MIT
// The progress line: what a long run is doing, how far it is, on stderr.

#include "commands.h"

#include <stdio.h>
#include <time.h>

static double
seconds_between(const struct timespec *from, const struct timespec *to)
{
  return (double)(to->tv_sec - from->tv_sec) +
         (double)(to->tv_nsec - from->tv_nsec) / 1e9;
}

static const char *
phase_name(EntPhase phase)
{
  switch (phase) {
    case ENT_PHASE_READ:
      return "reading";
    case ENT_PHASE_INDEX:
      return "checking and indexing";
    case ENT_PHASE_WRITE:
      return "writing";
    case ENT_PHASE_DIAGRAM:
      return "building the diagram";
    case ENT_PHASE_LAYOUT:
      return "laying out";
    case ENT_PHASE_PAGES:
      return "writing pages";
  }
  return "working";
}

static void
show(void *handle, const EntProgress *p)
{
  CliProgress *cp = handle;
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  const bool new_phase = !cp->any || p->phase != cp->phase;
  if (new_phase) {
    cp->phase = p->phase;
    cp->any = true;
    cp->phase_start = now;
  }
  // Unless asked for, nothing in the first second (short runs stay
  // silent); then each phase as it begins and ends, and in between at
  // most five lines a second on a terminal, one a second in a log.
  const double since_start = seconds_between(&cp->start, &now);
  const double since_shown = seconds_between(&cp->last, &now);
  const bool complete = p->total && p->done >= p->total;
  if ((!cp->asked && since_start < 1.0) ||
      (!new_phase && !complete && since_shown < (cp->terminal ? 0.2 : 1.0))) {
    return;
  }
  cp->last = now;
  char line[256];
  int n = snprintf(line, sizeof(line), "entente: %s", phase_name(p->phase));
  const double mb = 1024.0 * 1024.0;
  if (p->phase == ENT_PHASE_PAGES) {
    n += snprintf(line + n,
                  sizeof(line) - (size_t)n,
                  " %3.0f%% (%llu of %llu)",
                  p->total ? 100.0 * (double)p->done / (double)p->total : 0.0,
                  p->done,
                  p->total);
  } else if (p->phase == ENT_PHASE_DIAGRAM || p->phase == ENT_PHASE_LAYOUT) {
    if (p->done) {
      n +=
        snprintf(line + n, sizeof(line) - (size_t)n, " (%llu nodes)", p->done);
    }
  } else if (p->total) {
    n += snprintf(line + n,
                  sizeof(line) - (size_t)n,
                  " %3.0f%% (%.1f of %.1f MB)",
                  100.0 * (double)p->done / (double)p->total,
                  (double)p->done / mb,
                  (double)p->total / mb);
  } else {
    n += snprintf(
      line + n, sizeof(line) - (size_t)n, " %.1f MB", (double)p->done / mb);
  }
  if (p->phase != ENT_PHASE_DIAGRAM && p->phase != ENT_PHASE_LAYOUT &&
      p->phase != ENT_PHASE_PAGES && n < (int)sizeof(line)) {
    n += snprintf(
      line + n, sizeof(line) - (size_t)n, ", %llu elements", p->elements);
  }
  const double in_phase = seconds_between(&cp->phase_start, &now);
  if (p->phase == ENT_PHASE_WRITE && n < (int)sizeof(line)) {
    snprintf(line + n,
             sizeof(line) - (size_t)n,
             ", %llu statements (%.0f/s)",
             p->statements,
             in_phase > 0.01 ? (double)p->statements / in_phase : 0.0);
  }
  if (cp->terminal) {
    // Over the line before; the padding clears a longer one.
    fprintf(stderr, "\r%-79s", line);
  } else {
    fprintf(stderr, "%s\n", line);
  }
  cp->shown = cp->terminal;
}

void
ent_cli_progress_start(CliProgress *cp,
                       EntWorld *world,
                       bool enabled,
                       bool terminal,
                       bool asked)
{
  *cp = (CliProgress){ 0 };
  cp->terminal = terminal;
  cp->asked = asked;
  clock_gettime(CLOCK_MONOTONIC, &cp->start);
  cp->last = cp->start;
  ent_world_set_progress(world, enabled ? show : NULL, cp);
}

void
ent_cli_progress_end(CliProgress *cp, EntWorld *world)
{
  if (world) {
    ent_world_set_progress(world, NULL, NULL);
  }
  if (cp->shown) {
    fputc('\n', stderr);
    cp->shown = false;
  }
}

void
ent_cli_progress_break(CliProgress *cp)
{
  if (cp && cp->shown) {
    fputc('\n', stderr); // a message must not land on the progress line
    cp->shown = false;
  }
}
