// SPDX-License-Identifier: MIT
// LD_PRELOAD shim for tests/cli/test_limits.sh: every read-only shared
// mapping of a file fails with ENODEV, as on a file system that cannot map
// files (some network and FUSE mounts).  Other mappings (the loader's,
// malloc's) go to the kernel unchanged.
#define _GNU_SOURCE
#include <errno.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

void *
mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)
{
  if (fd >= 0 && (flags & MAP_SHARED) && prot == PROT_READ) {
    errno = ENODEV;
    return MAP_FAILED;
  }
  return (void *)syscall(SYS_mmap, addr, length, prot, flags, fd, offset);
}
