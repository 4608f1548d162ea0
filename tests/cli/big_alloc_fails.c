// SPDX-License-Identifier: MIT
// LD_PRELOAD shim for tests/cli/test_limits.sh: any one allocation of
// ENT_FAIL_ALLOC_FROM bytes or more fails (NULL, ENOMEM), as when memory
// runs out while a graph's big arrays grow; smaller ones go to glibc.
// Deterministic where ulimit -v is not: what fails does not depend on how
// much the libraries map at start.
#define _GNU_SOURCE
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>

void *__libc_malloc(size_t size);
void *__libc_calloc(size_t n, size_t size);
void *__libc_realloc(void *p, size_t size);

static size_t
limit(void)
{
  static size_t from; // read once; 0: not read yet
  if (!from) {
    const char *s = getenv("ENT_FAIL_ALLOC_FROM");
    const unsigned long long v = s ? strtoull(s, NULL, 10) : 0;
    from = v ? (size_t)v : (size_t)-1;
  }
  return from;
}

void *
malloc(size_t size)
{
  if (size >= limit()) {
    errno = ENOMEM;
    return NULL;
  }
  return __libc_malloc(size);
}

void *
calloc(size_t n, size_t size)
{
  if (size && n > (limit() - 1) / size) { // n * size >= limit, or overflow
    errno = ENOMEM;
    return NULL;
  }
  return __libc_calloc(n, size);
}

void *
realloc(void *p, size_t size)
{
  if (size >= limit()) {
    errno = ENOMEM;
    return NULL;
  }
  return __libc_realloc(p, size);
}
