// SPDX-License-Identifier: MIT
// Atomic output: write a temporary file beside the target, rename on
// success, so a failed run never leaves a partial or clobbered file.

#include "util.h"

#include <nettle/sha2.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct EntOutputImpl {
  EntWorld *world;
  char *path;
  char *temp;
  FILE *stream;
};

EntStatus
ent_output_open(EntWorld *world, const char *path, EntOutput **out)
{
  *out = NULL;
  struct stat st;
  if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
    ent_log(world,
            ENT_LOG_ERROR,
            ENT_ERR_IO,
            &(EntCaret){ path, 0, 0 },
            "output path exists and is not a regular file; choose a file "
            "name");
    return ENT_ERR_IO;
  }
  EntOutput *o = calloc(1, sizeof(EntOutput));
  EntBuf temp = { NULL, 0, 0 };
  if (!o || ent_buf_appendf(&temp, "%s.tmp-XXXXXX", path)) {
    free(o);
    ent_buf_free(&temp);
    return ENT_ERR_NO_MEMORY;
  }
  o->world = world;
  o->temp = temp.buf;
  o->path = strdup(path);
  const int fd = o->path ? mkstemp(o->temp) : -1;
  if (fd < 0) {
    ent_log(world,
            ENT_LOG_ERROR,
            ENT_ERR_IO,
            &(EntCaret){ path, 0, 0 },
            "cannot create a file here: %s",
            strerror(errno));
    free(o->path);
    free(o->temp);
    free(o);
    return ENT_ERR_IO;
  }
  // mkstemp makes the file private; outputs are ordinary files.
  const mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask);
  o->stream = fdopen(fd, "wb");
  if (!o->stream) {
    close(fd);
    unlink(o->temp);
    free(o->path);
    free(o->temp);
    free(o);
    return ENT_ERR_NO_MEMORY;
  }
  *out = o;
  return ENT_SUCCESS;
}

FILE *
ent_output_stream(EntOutput *output)
{
  return output->stream;
}

static void
release(EntOutput *o)
{
  free(o->path);
  free(o->temp);
  free(o);
}

EntStatus
ent_output_commit(EntOutput *output)
{
  EntOutput *o = output;
  const bool write_failed = fflush(o->stream) != 0 || ferror(o->stream);
  const int saved = errno;
  const bool sync_failed = !write_failed && fsync(fileno(o->stream)) != 0;
  const bool close_failed = fclose(o->stream) != 0;
  if (write_failed || sync_failed || close_failed) {
    ent_log(o->world,
            ENT_LOG_ERROR,
            ENT_ERR_IO,
            &(EntCaret){ o->path, 0, 0 },
            "writing failed: %s; nothing written",
            strerror(write_failed ? saved : errno));
    unlink(o->temp);
    release(o);
    return ENT_ERR_IO;
  }
  if (rename(o->temp, o->path) != 0) {
    ent_log(o->world,
            ENT_LOG_ERROR,
            ENT_ERR_IO,
            &(EntCaret){ o->path, 0, 0 },
            "cannot replace the file: %s",
            strerror(errno));
    unlink(o->temp);
    release(o);
    return ENT_ERR_IO;
  }
  release(o);
  return ENT_SUCCESS;
}

void
ent_output_abort(EntOutput *output)
{
  if (output) {
    fclose(output->stream);
    unlink(output->temp);
    release(output);
  }
}

EntStatus
ent_output_sha256(EntOutput *output, char hex[65])
{
  if (fflush(output->stream) != 0 || ferror(output->stream)) {
    return ENT_ERR_IO;
  }
  const int fd = fileno(output->stream);
  struct sha256_ctx ctx;
  sha256_init(&ctx);
  char chunk[65536];
  off_t offset = 0;
  for (;;) {
    const ssize_t n = pread(fd, chunk, sizeof(chunk), offset);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      return ENT_ERR_IO;
    }
    if (n == 0) {
      break;
    }
    sha256_update(&ctx, (size_t)n, (const uint8_t *)chunk);
    offset += n;
  }
  uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&ctx, sizeof(digest), digest);
  for (size_t i = 0; i < sizeof(digest); ++i) {
    snprintf(hex + 2 * i, 3, "%02x", digest[i]);
  }
  return ENT_SUCCESS;
}
