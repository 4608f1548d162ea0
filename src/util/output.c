// SPDX-License-Identifier: MIT
// Atomic output: write a temporary file beside the target, rename on
// success, so a failed run never leaves a partial or clobbered file.  Where
// the file system allows, the temporary file is anonymous (O_TMPFILE) and
// gets a name only at commit, so even a killed process leaves nothing.

#define _GNU_SOURCE 1 // O_TMPFILE is Linux's; elsewhere mkstemp() serves

#include "util.h"

#include <nettle/sha2.h>
#include <zlib.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

/// The extended attribute entente gives its temporary files: only a file
/// that has it is ever removed as a killed run's.
#define TEMPORARY_MARK "user.entente.temporary"

typedef struct GzCookieImpl GzCookie;

struct EntOutputImpl {
  EntWorld *world;
  char *path;
  char *temp;
  FILE *stream;   ///< What the caller writes: `file`, or gzip into it
  FILE *file;     ///< The temporary file
  GzCookie *gz;   ///< The gzip stream behind `stream`, or NULL
  bool anonymous; ///< O_TMPFILE: no name until ent_output_commit()
  bool staged;    ///< A file of an EntOutputSet: `temp` is its final name
  bool direct;    ///< A device or pipe (/dev/null, a FIFO), written as it
                  ///< is: there is no file to replace
};

/// The process's umask, read from /proc where it can be (setting it to
/// read it, the portable way, races with other threads creating files).
static mode_t
current_umask(void)
{
  FILE *status = fopen("/proc/self/status", "re");
  char line[256];
  while (status && fgets(line, sizeof(line), status)) {
    if (!strncmp(line, "Umask:", 6)) {
      char *end = NULL;
      const unsigned long mask = strtoul(line + 6, &end, 8);
      if (end != line + 6 && mask <= 0777) {
        fclose(status);
        return (mode_t)mask;
      }
    }
  }
  if (status) {
    fclose(status);
  }
  const mode_t mask = umask(0);
  umask(mask);
  return mask;
}

/// An anonymous file in the target's directory, or -1 (file system or

/// kernel without O_TMPFILE, or no /proc to link it from).
static int
open_anonymous(const char *path)
{
#ifdef O_TMPFILE
  if (access("/proc/self/fd", X_OK) != 0) {
    return -1;
  }
  const char *slash = strrchr(path, '/');
  char *dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path))
                    : strdup(".");
  if (!dir) {
    return -1;
  }
  const int fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0666);
  free(dir);
  return fd;
#else
  (void)path;
  return -1;
#endif
}

/// Gives the anonymous file its temporary name (o->temp, unique: retried
/// with another suffix while the name exists).
static int
link_anonymous(EntOutput *o)
{
  char proc[64];
  snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fileno(o->stream));
  const size_t length = strlen(o->temp);
  for (unsigned attempt = 0; attempt < 100; ++attempt) {
    const unsigned suffix = (unsigned)getpid() * 2654435761U + attempt * 40503U;
    snprintf(o->temp + length - 6, 7, "%06x", suffix & 0xffffffU);
    if (linkat(AT_FDCWD, proc, AT_FDCWD, o->temp, AT_SYMLINK_FOLLOW) == 0) {
      return 0;
    }
    if (errno != EEXIST) {
      return -1;
    }
  }
  return -1;
}

EntStatus
ent_output_check_target(EntWorld *world,
                        const char *path,
                        const struct stat *st)
{
  const char *problem = NULL;
  if (!S_ISREG(st->st_mode)) {
    problem = "exists and is not a regular file; choose a file name";
  } else if (!(st->st_mode & 0222) ||
             (access(path, W_OK) != 0 && errno == EACCES)) {
    problem = "is read-only; make it writable (chmod u+w) or remove it to "
              "replace it";
  } else if (st->st_nlink > 1) {
    problem = "has other hard links: replacing it would break them and "
              "writing through it would not be atomic; remove the other "
              "links or write to another name";
  }
  if (problem) {
    ent_log(world,
            ENT_LOG_ERROR,
            ENT_ERR_IO,
            &(EntCaret){ .document = path },
            "%s",
            problem);
    return ENT_ERR_IO;
  }
  return ENT_SUCCESS;
}

void
ent_output_adopt_mode(int fd, const struct stat *target)
{
  // The permission bits only: set-user-ID and the like are not ours to
  // copy.  Owner and group where the process may set them (root, or a
  // group it belongs to).
  (void)fchmod(fd, target->st_mode & 0777);
  struct stat own;
  if (fstat(fd, &own) == 0 &&
      (own.st_uid != target->st_uid || own.st_gid != target->st_gid)) {
    (void)fchown(fd, target->st_uid, target->st_gid);
    (void)fchmod(fd, target->st_mode & 0777);
  }
}

/// How much of a target's name `base` its temporary names begin with: all
/// of it, unless the name and ".tmp-XXXXXX" would pass NAME_MAX (a
/// 251-byte name is legal, its temporary name would not be); cut at a
/// character.
static size_t
temporary_stem(const char *base)
{
  enum { SUFFIX = sizeof(".tmp-XXXXXX") - 1 };
  size_t n = strlen(base);
  if (n + SUFFIX > NAME_MAX) {
    n = ent_utf8_back(base, NAME_MAX - SUFFIX);
  }
  return n;
}

/// Whether `name` is `base` (its temporary_stem()) followed by ".tmp-"
/// and six characters: a temporary file of ent_output_open(base).
static bool
is_temporary_of(const char *name, const char *base)
{
  const size_t n = temporary_stem(base);
  return !strncmp(name, base, n) && !strncmp(name + n, ".tmp-", 5) &&
         strlen(name + n + 5) == 6;
}

/// Remove the temporary files of `path` that killed runs left: those
/// whose writer no longer holds the lock every writer takes.
static void
remove_stale_temporaries(const char *path)
{
  const char *slash = strrchr(path, '/');
  char *dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path))
                    : strdup(".");
  const char *base = slash ? slash + 1 : path;
  DIR *d = dir ? opendir(dir) : NULL;
  const int dir_fd = d ? dirfd(d) : -1;
  for (struct dirent *e = d ? readdir(d) : NULL; e; e = readdir(d)) {
    if (!is_temporary_of(e->d_name, base)) {
      continue;
    }
    const int fd =
      openat(dir_fd, e->d_name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    char mark[2];
    if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
        fgetxattr(fd, TEMPORARY_MARK, mark, sizeof(mark)) == 1 &&
        flock(fd, LOCK_EX | LOCK_NB) == 0) {
      unlinkat(dir_fd, e->d_name, 0);
    }
    if (fd >= 0) {
      close(fd);
    }
  }
  if (d) {
    closedir(d);
  }
  free(dir);
}

static EntOutput *
new_output(EntWorld *world, const char *path, const char *temp_suffix)
{
  EntOutput *o = calloc(1, sizeof(EntOutput));
  EntBuf temp = { NULL, 0, 0 };
  const char *slash = strrchr(path, '/');
  const char *base = slash ? slash + 1 : path;
  // A staged file's name is its own (no suffix).
  const size_t keep =
    *temp_suffix ? (size_t)(base - path) + temporary_stem(base) : strlen(path);
  if (!o || ent_buf_appendf(&temp, "%.*s%s", (int)keep, path, temp_suffix)) {
    free(o);
    ent_buf_free(&temp);
    return NULL;
  }
  o->world = world;
  o->temp = temp.buf;
  o->path = strdup(path);
  if (!o->path) {
    free(o->temp);
    free(o);
    return NULL;
  }
  return o;
}

// A target named *.gz is written through zlib: the caller's stream is a
// cookie stream that compresses into the temporary file.

/// The gzip stream behind a compressed output's FILE.  Once finished (its
/// trailer written, for a checksum) it takes no more bytes.
struct GzCookieImpl {
  gzFile gz; ///< NULL once finished
};

static ssize_t
gz_cookie_write(void *cookie, const char *buf, size_t size)
{
  GzCookie *c = cookie;
  if (size == 0) {
    return 0;
  }
  if (!c->gz) {
    return 0; // an error, for fopencookie: the file is complete
  }
  const int n =
    gzwrite(c->gz, buf, (unsigned)(size > 1U << 30 ? 1U << 30 : size));
  return n > 0 ? n : 0;
}

/// Write the gzip trailer and close the gzip stream (not the FILE).
static int
gz_cookie_finish(GzCookie *c)
{
  const int rc = c->gz && gzclose(c->gz) != Z_OK ? EOF : 0;
  c->gz = NULL;
  return rc;
}

static int
gz_cookie_close(void *cookie)
{
  const int rc = gz_cookie_finish(cookie);
  free(cookie);
  return rc;
}

static bool
wants_gzip(const char *path)
{
  const size_t len = strlen(path);
  return len > 3 && !strcmp(path + len - 3, ".gz");
}

/// The compressed stream of `fd` (its own descriptor), or NULL.
static FILE *
open_gzip(int fd, GzCookie **cookie)
{
  GzCookie *c = calloc(1, sizeof(GzCookie));
  const int own = c ? dup(fd) : -1;
  c = own >= 0 ? c : (free(c), NULL);
  if (c && !(c->gz = gzdopen(own, "wb"))) {
    close(own);
    free(c);
    c = NULL;
  }
  if (!c) {
    return NULL;
  }
  static const cookie_io_functions_t functions = {
    .read = NULL,
    .write = gz_cookie_write,
    .seek = NULL,
    .close = gz_cookie_close,
  };
  FILE *stream = fopencookie(c, "wb", functions);
  if (!stream) {
    gz_cookie_close(c);
    return NULL;
  }
  *cookie = c;
  return stream;
}

/// Finish the gzip stream, if any: what was written is flushed into it and
/// its trailer written.  The caller's FILE stays valid (later writes to it
/// fail).  Returns false when that failed.
static bool
finish_gzip(EntOutput *o)
{
  if (!o->gz) {
    return true;
  }
  const bool flushed = fflush(o->stream) == 0 && !ferror(o->stream);
  const bool finished = gz_cookie_finish(o->gz) == 0;
  return flushed && finished;
}

/// Close the caller's FILE of a compressed output; the file's own FILE
/// stays for the commit.
static bool
close_gzip(EntOutput *o)
{
  if (!o->gz) {
    return true;
  }
  const bool finished = finish_gzip(o);
  const bool closed = fclose(o->stream) == 0;
  o->stream = o->file;
  o->gz = NULL;
  return finished && closed;
}

static EntStatus
attach_stream(EntOutput *o, int fd)
{
  o->file = fdopen(fd, "wb");
  o->stream = o->file;
  if (o->file && wants_gzip(o->path)) {
    o->stream = open_gzip(fd, &o->gz);
    if (!o->stream) {
      fclose(o->file);
      o->file = NULL;
      fd = -1;
    }
  }
  if (!o->stream) {
    if (fd >= 0) {
      close(fd);
    }
    if (!o->anonymous) {
      unlink(o->temp);
    }
    free(o->path);
    free(o->temp);
    free(o);
    return ENT_ERR_NO_MEMORY;
  }
  return ENT_SUCCESS;
}

static void release(EntOutput *o);

/// The descriptor `path` names (/dev/stderr, /dev/fd/N, /proc/self/fd/N),
/// or -1.
static int
descriptor_of(const char *path)
{
  static const char *const dirs[] = { "/dev/fd/", "/proc/self/fd/" };
  if (!strcmp(path, "/dev/stderr")) {
    return STDERR_FILENO;
  }
  for (size_t i = 0; i < sizeof(dirs) / sizeof(*dirs); ++i) {
    const size_t n = strlen(dirs[i]);
    if (strncmp(path, dirs[i], n) != 0) {
      continue; // (path + n is read only past a prefix it has)
    }
    const size_t digits = strspn(path + n, "0123456789");
    if (digits && digits < 8 && !path[n + digits]) {
      return (int)strtol(path + n, NULL, 10);
    }
  }
  return -1;
}

/// /dev/null, a terminal, a named pipe or a descriptor already open, `fd`
/// (-1: opening it failed, errno set): nothing to replace atomically, so
/// it is written as standard output would be.
static EntStatus
open_direct(EntWorld *world, const char *path, int fd, EntOutput **out)
{
  const int opened_errno = errno;
  EntOutput *o = new_output(world, path, "");
  if (!o) {
    if (fd >= 0) {
      close(fd);
    }
    return ENT_ERR_NO_MEMORY;
  }
  o->direct = true;
  errno = opened_errno;
  if (fd < 0) {
    ent_log(world,
            ENT_LOG_ERROR,
            ENT_ERR_IO,
            &(EntCaret){ .document = path },
            "cannot write to it: %s",
            strerror(errno));
    release(o);
    return ENT_ERR_IO;
  }
  EntStatus status = ENT_SUCCESS;
  TRY(status, attach_stream(o, fd));
  *out = o;
  return ENT_SUCCESS;
}

EntStatus
ent_output_open(EntWorld *world, const char *path, EntOutput **out)
{
  *out = NULL;
  struct stat st;
  // A descriptor already open (2>>log -o /dev/stderr) is written where it
  // points: opening its file again would start at its first byte.
  const int named = descriptor_of(path);
  if (named >= 0) {
    return open_direct(world, path, fcntl(named, F_DUPFD_CLOEXEC, 3), out);
  }
  const bool exists = stat(path, &st) == 0;
  EntStatus status = ENT_SUCCESS;
  if (exists && (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))) {
    return open_direct(world, path, open(path, O_WRONLY | O_CLOEXEC), out);
  }
  TRY(status, exists ? ent_output_check_target(world, path, &st) : status);
  remove_stale_temporaries(path);
  EntOutput *o = new_output(world, path, ".tmp-XXXXXX");
  if (!o) {
    return ENT_ERR_NO_MEMORY;
  }
  int fd = open_anonymous(path);
  o->anonymous = fd >= 0;
  if (fd < 0) {
    fd = mkstemp(o->temp);
    if (fd >= 0) {
      // mkstemp makes the file private; outputs are ordinary files.
      fchmod(fd, 0666 & ~current_umask());
    }
  }
  if (fd < 0) {
    ent_log(world,
            ENT_LOG_ERROR,
            ENT_ERR_IO,
            &(EntCaret){ .document = path },
            "cannot create a file here: %s",
            strerror(errno));
    free(o->path);
    free(o->temp);
    free(o);
    return ENT_ERR_IO;
  }
  // Held until the file is renamed or removed: a temporary file nobody
  // holds locked is a killed run's, for remove_stale_temporaries(), if it
  // says it is entente's (a user's own "x.ttl.tmp-202501" is not).
  (void)flock(fd, LOCK_EX | LOCK_NB);
  (void)fsetxattr(fd, TEMPORARY_MARK, "1", 1, 0);
  if (exists) {
    ent_output_adopt_mode(fd, &st);
  }
  TRY(status, attach_stream(o, fd));
  *out = o;
  return ENT_SUCCESS;
}

EntStatus
ent_output_open_staged(EntWorld *world,
                       const char *path,
                       const struct stat *target,
                       EntOutput **out)
{
  *out = NULL;
  EntOutput *o = new_output(world, path, "");
  if (!o) {
    return ENT_ERR_NO_MEMORY;
  }
  o->staged = true;
  const int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) {
    ent_log(world,
            ENT_LOG_ERROR,
            ENT_ERR_IO,
            &(EntCaret){ .document = path },
            "cannot create a file here: %s",
            strerror(errno));
    free(o->path);
    free(o->temp);
    free(o);
    return ENT_ERR_IO;
  }
  if (target) {
    ent_output_adopt_mode(fd, target);
  }
  EntStatus status = ENT_SUCCESS;
  TRY(status, attach_stream(o, fd));
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
  const bool gzip_failed = !close_gzip(o);
  const bool write_failed =
    gzip_failed || fflush(o->stream) != 0 || ferror(o->stream);
  if (o->direct) {
    const int saved_direct = errno;
    const bool close_direct_failed = fclose(o->stream) != 0;
    if (write_failed || close_direct_failed) {
      ent_log(o->world,
              ENT_LOG_ERROR,
              ENT_ERR_IO,
              &(EntCaret){ .document = o->path },
              "writing failed: %s",
              strerror(write_failed ? saved_direct : errno));
    }
    release(o);
    return write_failed || close_direct_failed ? ENT_ERR_IO : ENT_SUCCESS;
  }
  const int saved = errno;
  const bool sync_failed = !write_failed && fsync(fileno(o->stream)) != 0;
  const bool link_failed =
    !write_failed && !sync_failed && o->anonymous && link_anonymous(o) != 0;
  const int link_errno = errno;
  const bool close_failed = fclose(o->stream) != 0;
  if (o->staged) {
    // Stays in the set's scratch directory for ent_output_set_commit().
    if (write_failed || sync_failed || close_failed) {
      ent_log(o->world,
              ENT_LOG_ERROR,
              ENT_ERR_IO,
              &(EntCaret){ .document = o->path },
              "writing failed: %s; nothing written",
              strerror(write_failed ? saved : errno));
      unlink(o->temp);
      release(o);
      return ENT_ERR_IO;
    }
    release(o);
    return ENT_SUCCESS;
  }
  if (link_failed) {
    ent_log(o->world,
            ENT_LOG_ERROR,
            ENT_ERR_IO,
            &(EntCaret){ .document = o->path },
            "cannot name the temporary file: %s; nothing written",
            strerror(link_errno));
    release(o);
    return ENT_ERR_IO;
  }
  if (write_failed || sync_failed || close_failed) {
    ent_log(o->world,
            ENT_LOG_ERROR,
            ENT_ERR_IO,
            &(EntCaret){ .document = o->path },
            "writing failed: %s; nothing written",
            strerror(write_failed ? saved : errno));
    if (!o->anonymous || (!write_failed && !sync_failed)) {
      unlink(o->temp);
    }
    release(o);
    return ENT_ERR_IO;
  }
  // The file the rename would replace (a link itself, not what it names).
  struct stat target;
  if (lstat(o->path, &target) == 0 &&
      ent_world_refuse_replacing_input(o->world, &target, o->path)) {
    unlink(o->temp);
    release(o);
    return ENT_ERR_IO;
  }
  if (rename(o->temp, o->path) != 0) {
    ent_log(o->world,
            ENT_LOG_ERROR,
            ENT_ERR_IO,
            &(EntCaret){ .document = o->path },
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
    (void)close_gzip(output);
    fclose(output->stream);
    if (!output->anonymous && !output->direct) {
      unlink(output->temp);
    }
    release(output);
  }
}

static EntStatus
read_back_failed(const EntOutput *output)
{
  ent_log(output->world,
          ENT_LOG_ERROR,
          ENT_ERR_IO,
          &(EntCaret){ .document = output->path },
          "cannot read back what was written for its checksum: %s",
          strerror(errno));
  return ENT_ERR_IO;
}

EntStatus
ent_output_sha256(EntOutput *output, char hex[65])
{
  // Of the bytes in the file: a gzip stream is finished first.
  if (!finish_gzip(output) || fflush(output->stream) != 0 ||
      ferror(output->stream)) {
    return read_back_failed(output);
  }
  const int fd = fileno(output->file);
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
      return read_back_failed(output);
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
