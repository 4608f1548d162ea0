// SPDX-License-Identifier: MIT
// Unit tests of atomic output files (util/output.c): a temporary file beside
// the target, renamed over it on commit, removed on abort or failure.

#undef NDEBUG
#define _GNU_SOURCE 1 // O_TMPFILE, to know what output.c can do here

#include "entente.h"
#include "util/util.h"

#include <assert.h>
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

// ---- A log that remembers the last message ------------------------------

typedef struct {
  unsigned long count;
  EntLogLevel level;
  EntStatus status;
  bool has_caret;
  char document[512];
  char message[1024];
} LastLog;

static void
record_log(void *handle,
           EntLogLevel level,
           EntStatus status,
           const EntCaret *caret,
           const char *message)
{
  LastLog *log = handle;
  ++log->count;
  log->level = level;
  log->status = status;
  log->has_caret = caret != NULL;
  snprintf(log->document,
           sizeof(log->document),
           "%s",
           caret && caret->document ? caret->document : "");
  snprintf(log->message, sizeof(log->message), "%s", message);
}

// ---- Files --------------------------------------------------------------

static char temp_dir[256];

static void
make_temp_dir(char *out, size_t size)
{
  const char *tmp = getenv("TMPDIR");
  snprintf(out, size, "%s/entente-output-XXXXXX", tmp && *tmp ? tmp : "/tmp");
  assert(mkdtemp(out));
}

static void
join(char *out, size_t size, const char *dir, const char *name)
{
  const int n = snprintf(out, size, "%s/%s", dir, name);
  assert(n > 0 && (size_t)n < size);
}

static void
write_file(const char *path, const char *text)
{
  FILE *f = fopen(path, "wb");
  assert(f);
  assert(fputs(text, f) >= 0);
  assert(fclose(f) == 0);
}

/// Whether the file at `path` holds exactly `text`.
static bool
file_is(const char *path, const char *text)
{
  FILE *f = fopen(path, "rb");
  if (!f) {
    return false;
  }
  char buf[4096];
  const size_t n = fread(buf, 1, sizeof(buf), f);
  fclose(f);
  return n == strlen(text) && memcmp(buf, text, n) == 0;
}

static bool
exists(const char *path)
{
  struct stat st;
  return lstat(path, &st) == 0;
}

/// Number of entries in `dir` (besides . and ..).
static size_t
entries(const char *dir)
{
  DIR *d = opendir(dir);
  assert(d);
  size_t n = 0;
  for (const struct dirent *e = readdir(d); e; e = readdir(d)) {
    n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
  }
  closedir(d);
  return n;
}

/// Number of temporary files ("<name>.tmp-XXXXXX") in `dir`.
static size_t
temp_files(const char *dir)
{
  DIR *d = opendir(dir);
  assert(d);
  size_t n = 0;
  for (const struct dirent *e = readdir(d); e; e = readdir(d)) {
    n += strstr(e->d_name, ".tmp-") != NULL;
  }
  closedir(d);
  return n;
}

/// Whether `dir` takes anonymous files (O_TMPFILE): then output.c names
/// its temporary file only at commit.
static bool
anonymous_files(const char *dir)
{
#ifdef O_TMPFILE
  const int fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0) {
    close(fd);
    return access("/proc/self/fd", X_OK) == 0;
  }
#endif
  (void)dir;
  return false;
}

typedef struct {
  EntWorld *world;
  LastLog log;
} Fixture;

static void
setup(Fixture *f)
{
  memset(f, 0, sizeof(*f));
  assert(ent_world_new(&f->world) == ENT_SUCCESS);
  ent_world_set_log(f->world, record_log, &f->log);
}

static void
teardown(Fixture *f)
{
  ent_world_free(f->world);
}

// ---- Tests --------------------------------------------------------------

static void
test_commit(void)
{
  Fixture f;
  setup(&f);
  char path[512];
  join(path, sizeof(path), temp_dir, "out.ttl");

  const mode_t old_mask = umask(022);
  EntOutput *out = NULL;
  assert(ent_output_open(f.world, path, &out) == ENT_SUCCESS);
  assert(out);
  FILE *stream = ent_output_stream(out);
  assert(stream);
  assert(fputs("first line\n", stream) >= 0);
  // Nothing at the target yet: at most the temporary file beside it.
  assert(!exists(path));
  assert(temp_files(temp_dir) == (anonymous_files(temp_dir) ? 0 : 1));
  assert(fputs("second line\n", stream) >= 0);
  assert(ent_output_commit(out) == ENT_SUCCESS);
  umask(old_mask);

  assert(file_is(path, "first line\nsecond line\n"));
  assert(temp_files(temp_dir) == 0);
  assert(entries(temp_dir) == 1);
  // An ordinary file, as the umask allows, not mkstemp's private 0600.
  struct stat st;
  assert(stat(path, &st) == 0);
  assert(S_ISREG(st.st_mode));
  assert((st.st_mode & 0777) == 0644);

  // Committing over an existing file replaces it.
  assert(ent_output_open(f.world, path, &out) == ENT_SUCCESS);
  assert(fputs("replaced\n", ent_output_stream(out)) >= 0);
  assert(file_is(path, "first line\nsecond line\n"));
  assert(ent_output_commit(out) == ENT_SUCCESS);
  assert(file_is(path, "replaced\n"));
  assert(temp_files(temp_dir) == 0);

  // An empty output is a file too.
  assert(ent_output_open(f.world, path, &out) == ENT_SUCCESS);
  assert(ent_output_commit(out) == ENT_SUCCESS);
  assert(file_is(path, ""));

  assert(f.log.count == 0);
  assert(remove(path) == 0);
  teardown(&f);
}

static void
test_abort(void)
{
  Fixture f;
  setup(&f);
  char path[512];
  join(path, sizeof(path), temp_dir, "kept.txt");
  write_file(path, "old contents\n");

  EntOutput *out = NULL;
  assert(ent_output_open(f.world, path, &out) == ENT_SUCCESS);
  assert(fputs("new contents that must not land\n", ent_output_stream(out)) >=
         0);
  assert(fflush(ent_output_stream(out)) == 0);
  assert(temp_files(temp_dir) == (anonymous_files(temp_dir) ? 0 : 1));
  ent_output_abort(out);
  assert(file_is(path, "old contents\n"));
  assert(temp_files(temp_dir) == 0);
  assert(entries(temp_dir) == 1);
  assert(remove(path) == 0);

  // Aborting without a target creates none.
  assert(ent_output_open(f.world, path, &out) == ENT_SUCCESS);
  ent_output_abort(out);
  assert(!exists(path));
  assert(entries(temp_dir) == 0);

  ent_output_abort(NULL);
  assert(f.log.count == 0);
  teardown(&f);
}

/// A process killed while writing leaves nothing behind where the file
/// system takes anonymous files; elsewhere its temporary file stays.
static void
test_killed(void)
{
  char path[512];
  join(path, sizeof(path), temp_dir, "killed.nt");
  int ready[2];
  assert(pipe(ready) == 0);
  const pid_t child = fork();
  assert(child >= 0);
  if (child == 0) {
    EntWorld *world = NULL;
    EntOutput *out = NULL;
    if (ent_world_new(&world) || ent_output_open(world, path, &out) ||
        fputs("half a line", ent_output_stream(out)) < 0 ||
        fflush(ent_output_stream(out)) != 0 || write(ready[1], "x", 1) != 1) {
      _exit(1);
    }
    pause(); // until killed
    _exit(2);
  }
  close(ready[1]);
  char byte = 0;
  assert(read(ready[0], &byte, 1) == 1);
  close(ready[0]);
  assert(kill(child, SIGKILL) == 0);
  int status = 0;
  assert(waitpid(child, &status, 0) == child);
  assert(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
  assert(!exists(path));
  if (anonymous_files(temp_dir)) {
    assert(entries(temp_dir) == 0);
  } else {
    fprintf(stderr,
            "test_output: no O_TMPFILE in %s; a temporary file stays\n",
            temp_dir);
    assert(temp_files(temp_dir) == 1);
    DIR *d = opendir(temp_dir);
    assert(d);
    char name[1024];
    for (const struct dirent *e = readdir(d); e; e = readdir(d)) {
      if (strstr(e->d_name, ".tmp-")) {
        join(name, sizeof(name), temp_dir, e->d_name);
        assert(remove(name) == 0);
      }
    }
    closedir(d);
  }
}

static void
test_not_a_file(void)
{
  Fixture f;
  setup(&f);
  EntOutput *out = (EntOutput *)(void *)&f; // must be reset to NULL

  // A directory.
  assert(ent_output_open(f.world, temp_dir, &out) == ENT_ERR_IO);
  assert(out == NULL);
  assert(f.log.count == 1);
  assert(f.log.level == ENT_LOG_ERROR && f.log.status == ENT_ERR_IO);
  assert(!strcmp(f.log.document, temp_dir));
  assert(entries(temp_dir) == 0);

  // A device is written as it is (/dev/null takes an export), and a
  // failed write to it is said at commit: /dev/full is always full.  It
  // stays a device (nothing renamed over it, nothing removed).
  out = (EntOutput *)(void *)&f;
  if (exists("/dev/full")) {
    assert(ent_output_open(f.world, "/dev/full", &out) == ENT_SUCCESS);
    assert(out != NULL);
    fputs("<a> <b> <c> .\n", ent_output_stream(out));
    assert(ent_output_commit(out) == ENT_ERR_IO);
    assert(f.log.count == 2 && f.log.status == ENT_ERR_IO);
    struct stat st;
    assert(stat("/dev/full", &st) == 0 && S_ISCHR(st.st_mode));
  }

  // A directory that does not exist.
  char path[512];
  join(path, sizeof(path), temp_dir, "missing/out.ttl");
  const unsigned long before = f.log.count;
  out = (EntOutput *)(void *)&f;
  assert(ent_output_open(f.world, path, &out) == ENT_ERR_IO);
  assert(out == NULL);
  assert(f.log.count == before + 1 && f.log.status == ENT_ERR_IO);
  assert(entries(temp_dir) == 0);
  teardown(&f);
}

static void
test_stream_error(void)
{
  Fixture f;
  setup(&f);
  char path[512];
  join(path, sizeof(path), temp_dir, "failed.txt");
  write_file(path, "old contents\n");

  // Reading a write-only stream sets its error indicator, as a failed
  // write would: the commit must see it and keep the old file.
  EntOutput *out = NULL;
  assert(ent_output_open(f.world, path, &out) == ENT_SUCCESS);
  FILE *stream = ent_output_stream(out);
  assert(fputs("partial\n", stream) >= 0);
  assert(fgetc(stream) == EOF);
  assert(ferror(stream));
  assert(ent_output_commit(out) == ENT_ERR_IO);
  assert(file_is(path, "old contents\n"));
  assert(temp_files(temp_dir) == 0);
  assert(f.log.count == 1);
  assert(f.log.level == ENT_LOG_ERROR && f.log.status == ENT_ERR_IO);
  assert(!strcmp(f.log.document, path));
  assert(remove(path) == 0);
  teardown(&f);
}

/// A real write error: a file size limit makes write() fail with EFBIG.
/// Runs in a child so that the limit does not outlive the test.
static void
test_write_error(void)
{
  char path[512];
  join(path, sizeof(path), temp_dir, "too-big.txt");
  write_file(path, "old contents\n");

  const pid_t pid = fork();
  assert(pid >= 0);
  if (pid == 0) {
    signal(SIGXFSZ, SIG_IGN);
    const struct rlimit limit = { 4096, 4096 };
    if (setrlimit(RLIMIT_FSIZE, &limit) != 0) {
      _exit(2);
    }
    Fixture f;
    setup(&f);
    EntOutput *out = NULL;
    if (ent_output_open(f.world, path, &out) != ENT_SUCCESS) {
      _exit(3);
    }
    static char block[64 * 1024];
    memset(block, 'x', sizeof(block));
    (void)fwrite(block, 1, sizeof(block), ent_output_stream(out));
    const EntStatus st = ent_output_commit(out);
    const bool logged = f.log.count == 1 && f.log.status == ENT_ERR_IO;
    teardown(&f);
    _exit(st == ENT_ERR_IO && logged ? 0 : 1);
  }
  int status = 0;
  assert(waitpid(pid, &status, 0) == pid);
  assert(WIFEXITED(status));
  assert(WEXITSTATUS(status) == 0);
  assert(file_is(path, "old contents\n"));
  assert(temp_files(temp_dir) == 0);
  assert(remove(path) == 0);
}

/// Opening in `dir` as the current user must fail with ENT_ERR_IO and leave
/// the directory empty; returns 0 on success, for a child's exit status.
static int
expect_cannot_create(const char *dir)
{
  char path[512];
  join(path, sizeof(path), dir, "out.ttl");
  Fixture f;
  setup(&f);
  EntOutput *out = NULL;
  const EntStatus st = ent_output_open(f.world, path, &out);
  const bool logged = f.log.count == 1 && f.log.status == ENT_ERR_IO;
  if (out) {
    ent_output_abort(out);
  }
  teardown(&f);
  return st == ENT_ERR_IO && logged && out == NULL && entries(dir) == 0 ? 0 : 1;
}

static void
test_read_only_dir(void)
{
  char dir[512];
  join(dir, sizeof(dir), temp_dir, "read-only");
  assert(mkdir(dir, 0755) == 0);
  assert(chmod(dir, 0555) == 0);

  if (geteuid() != 0) {
    assert(expect_cannot_create(dir) == 0);
  } else {
    // Permissions do not bind root: check as an unprivileged user instead,
    // owning the directory so that its mode is what applies.
    const uid_t nobody = 65534;
    struct stat st;
    assert(stat(temp_dir, &st) == 0);
    if (chmod(temp_dir, 0711) == 0 && chown(dir, nobody, nobody) == 0) {
      const pid_t pid = fork();
      assert(pid >= 0);
      if (pid == 0) {
        if (setgid(nobody) != 0 || setuid(nobody) != 0) {
          _exit(77);
        }
        _exit(expect_cannot_create(dir));
      }
      int status = 0;
      assert(waitpid(pid, &status, 0) == pid);
      assert(WIFEXITED(status));
      if (WEXITSTATUS(status) == 77) {
        fprintf(stderr, "note: cannot drop privileges; check skipped\n");
      } else {
        assert(WEXITSTATUS(status) == 0);
      }
    } else {
      fprintf(stderr, "note: running as root; read-only check skipped\n");
    }
    assert(chmod(temp_dir, st.st_mode & 07777) == 0);
  }
  assert(chmod(dir, 0755) == 0);
  assert(rmdir(dir) == 0);
}

int
main(void)
{
  make_temp_dir(temp_dir, sizeof(temp_dir));
  test_commit();
  test_abort();
  test_killed();
  test_not_a_file();
  test_stream_error();
  test_write_error();
  test_read_only_dir();
  assert(entries(temp_dir) == 0);
  assert(rmdir(temp_dir) == 0);
  return 0;
}
