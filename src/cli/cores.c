// SPDX-License-Identifier: MIT
// How many cores this process may run on: the default of --threads.

#define _GNU_SOURCE 1 // sched_getaffinity, CPU_COUNT

#include "commands.h"

#include <sched.h>
#include <unistd.h>

unsigned
ent_cli_usable_cores(void)
{
  // The affinity mask, not the machine's count: under taskset or a
  // cpuset a second thread would only take turns with the first.
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof(set), &set) == 0) {
    const int n = CPU_COUNT(&set);
    return n > 0 ? (unsigned)n : 1U;
  }
  const long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? (unsigned)n : 1U;
}
