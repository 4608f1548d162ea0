// SPDX-License-Identifier: MIT
// Output sets: the files of one `export -O DIR` appear in DIR together or
// not at all.  They are written into a scratch directory inside DIR; a
// commit lists them in a journal (`.entente-commit`), then moves them in,
// manifest.tsv last, so that a run killed half-way through the moves is
// finished (rolled forward) by whoever cleans up after it.  Cleaning up is
// done by a helper process that outlives a killed run, and failing that by
// the next run into DIR.  Every live run holds an flock() on its scratch
// directory: a scratch directory nobody holds is a dead run's.

#define _GNU_SOURCE 1 // close_range(), pipe2()

#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define SCRATCH_PREFIX ".entente-run-"
#define LEGACY_PREFIX  ".entente-jobs-" ///< Scratch of -j before sets
#define PRIVATE_PREFIX ".entente-"
#define JOURNAL        ".entente-commit"
/// In every scratch directory entente makes, from its start: only a
/// directory that holds it is ever cleaned up as a dead run's (a user's own
/// ".entente-run-x" or ".entente-run-backup" is not).
#define OWNER           ".entente-owner"
#define MANIFEST        "manifest.tsv"
#define JANITOR_RELEASE 'C' ///< Sent when the run cleaned up itself

struct EntOutputSetImpl {
  EntWorld *world;
  char *dir;        ///< The target directory, as given
  char *scratch;    ///< dir/.entente-run-XXXXXX
  int dir_fd;       ///< The target directory
  int scratch_fd;   ///< Holds this run's lock
  int janitor_pipe; ///< Write end; closing it unsent means "clean up"
  pid_t janitor;    ///< The helper, or 0
};

static bool
is_private(const char *name)
{
  return !strncmp(name, PRIVATE_PREFIX, strlen(PRIVATE_PREFIX));
}

static bool
is_dot_or_dotdot(const char *name)
{
  return !strcmp(name, ".") || !strcmp(name, "..");
}

/// Remove everything inside the directory `fd` (closed here), depth first.
static void
empty_directory(int fd)
{
  DIR *d = fdopendir(fd);
  if (!d) {
    close(fd);
    return;
  }
  // A dup()ed descriptor shares its position with the original.
  rewinddir(d);
  for (struct dirent *e = readdir(d); e; e = readdir(d)) {
    if (is_dot_or_dotdot(e->d_name)) {
      continue;
    }
    if (unlinkat(fd, e->d_name, 0) != 0 &&
        (errno == EISDIR || errno == EPERM)) {
      const int sub =
        openat(fd, e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (sub >= 0) {
        empty_directory(sub);
      }
      unlinkat(fd, e->d_name, AT_REMOVEDIR);
    }
  }
  closedir(d);
}

/// Move the files the journal of `scratch_fd` lists into `dir_fd`,
/// manifest.tsv last (after removing the old one first).  Files already
/// moved are skipped, so this can be repeated after a crash.
static int
roll_forward(int dir_fd, int scratch_fd)
{
  const int journal_fd = openat(scratch_fd, JOURNAL, O_RDONLY | O_CLOEXEC);
  FILE *journal = journal_fd >= 0 ? fdopen(journal_fd, "r") : NULL;
  if (!journal) {
    if (journal_fd >= 0) {
      close(journal_fd);
    }
    return -1;
  }
  // Is there a new manifest?  Then no reader may find the old one next
  // to new files: it goes first, and the new one comes last.
  char name[4096];
  bool has_manifest = false;
  while (fgets(name, sizeof(name), journal)) {
    has_manifest |= !strcmp(name, MANIFEST "\n");
  }
  rewind(journal);
  int rc = 0;
  bool manifest_unlinked = !has_manifest;
  while (fgets(name, sizeof(name), journal)) {
    name[strcspn(name, "\n")] = '\0';
    if (!*name || strchr(name, '/') || is_private(name) ||
        is_dot_or_dotdot(name)) {
      continue;
    }
    struct stat st;
    if (fstatat(scratch_fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
      continue; // moved before the crash
    }
    if (!manifest_unlinked) {
      unlinkat(dir_fd, MANIFEST, 0);
      manifest_unlinked = true;
    }
    if (renameat(scratch_fd, name, dir_fd, name) != 0) {
      rc = -1;
    }
  }
  fclose(journal);
  fsync(dir_fd);
  return rc;
}

/// Clean up after the dead run whose scratch directory is `name` in
/// `dir_fd`: finish its commit if it had begun one, then remove it.  A
/// scratch directory still locked belongs to a live run and is left.
static void
recover(int dir_fd, const char *name, bool wait_for_lock)
{
  const int fd =
    openat(dir_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    return;
  }
  if (flock(fd, wait_for_lock ? LOCK_EX : LOCK_EX | LOCK_NB) != 0) {
    close(fd);
    return;
  }
  struct stat owner;
  if (fstatat(fd, OWNER, &owner, AT_SYMLINK_NOFOLLOW) != 0 ||
      !S_ISREG(owner.st_mode)) {
    // Not made by entente (or by one killed before it said so): removed
    // only if empty.
    close(fd);
    unlinkat(dir_fd, name, AT_REMOVEDIR);
    return;
  }
  struct stat st;
  if (fstatat(fd, JOURNAL, &st, 0) == 0 && roll_forward(dir_fd, fd) != 0) {
    // Some file could not be moved: keep the journal for the next run.
    close(fd);
    return;
  }
  empty_directory(dup(fd));
  unlinkat(dir_fd, name, AT_REMOVEDIR);
  close(fd);
}

/// Clean up after every dead run in `dir_fd`.
static void
recover_all(int dir_fd)
{
  const int listing = dup(dir_fd);
  DIR *d = listing >= 0 ? fdopendir(listing) : NULL;
  if (!d) {
    if (listing >= 0) {
      close(listing);
    }
    return;
  }
  rewinddir(d);
  char **names = NULL;
  size_t n = 0;
  for (struct dirent *e = readdir(d); e; e = readdir(d)) {
    if (strncmp(e->d_name, SCRATCH_PREFIX, strlen(SCRATCH_PREFIX)) != 0 &&
        strncmp(e->d_name, LEGACY_PREFIX, strlen(LEGACY_PREFIX)) != 0) {
      continue;
    }
    char **more = realloc(names, (n + 1) * sizeof(char *));
    if (!more) {
      break;
    }
    names = more;
    names[n] = strdup(e->d_name);
    n += names[n] != NULL;
  }
  closedir(d);
  for (size_t i = 0; i < n; ++i) {
    recover(dir_fd, names[i], false);
    free(names[i]);
  }
  free(names);
}

/// The helper: waits for the run to end.  If the run did not say it
/// cleaned up, waits until no process holds the scratch directory (the
/// run's workers die with it), then recovers it.
static _Noreturn void
janitor_main(int pipe_fd, int dir_fd, const char *scratch_name)
{
  // Ctrl-C and kill(1) of the run must leave the helper to do its job.
  signal(SIGINT, SIG_IGN);
  signal(SIGTERM, SIG_IGN);
  signal(SIGHUP, SIG_IGN);
  signal(SIGQUIT, SIG_IGN);
  signal(SIGPIPE, SIG_IGN);
  // Keep nothing of the run open: not its lock, not its output pipes.
  // The directory is opened anew: a lock on the run's own open directory
  // would not exclude the run's other processes.
  const int pipe_copy = fcntl(pipe_fd, F_DUPFD, 10);
  const int dir_copy = openat(dir_fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  const int dir_high = dir_copy >= 0 ? fcntl(dir_copy, F_DUPFD, 10) : -1;
  if (pipe_copy < 0 || dir_high < 0 || dup2(pipe_copy, 3) != 3 ||
      dup2(dir_high, 4) != 4) {
    _exit(1);
  }
  close_range(5, ~0U, 0);
  const int null_fd = open("/dev/null", O_RDWR | O_CLOEXEC);
  if (null_fd >= 0) {
    dup2(null_fd, 0);
    dup2(null_fd, 1);
    dup2(null_fd, 2);
  }
  char byte = 0;
  ssize_t n = 0;
  do {
    n = read(3, &byte, 1);
  } while (n < 0 && errno == EINTR);
  if (n == 1 && byte == JANITOR_RELEASE) {
    _exit(0);
  }
  // Serialized with commits and other recoveries in the directory.
  flock(4, LOCK_EX);
  recover(4, scratch_name, true);
  _exit(0);
}

static void
free_set(EntOutputSet *set)
{
  if (set->janitor_pipe >= 0) {
    // A janitor killed meanwhile (kill(1), the kernel out of memory) has
    // nothing left to do: its pipe's EPIPE must not kill the run with
    // SIGPIPE after its outputs were committed.
    sigset_t pipe_signal;
    sigset_t old;
    sigemptyset(&pipe_signal);
    sigaddset(&pipe_signal, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_signal, &old);
    const char release = JANITOR_RELEASE;
    ssize_t n = 0;
    while ((n = write(set->janitor_pipe, &release, 1)) < 0 && errno == EINTR) {
    }
    if (n < 0 && errno == EPIPE && !sigismember(&old, SIGPIPE)) {
      const struct timespec now = { 0, 0 };
      (void)sigtimedwait(&pipe_signal, NULL, &now); // take it back
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    close(set->janitor_pipe);
  }
  if (set->janitor > 0) {
    while (waitpid(set->janitor, NULL, 0) < 0 && errno == EINTR) {
    }
  }
  if (set->scratch_fd >= 0) {
    close(set->scratch_fd);
  }
  if (set->dir_fd >= 0) {
    close(set->dir_fd);
  }
  free(set->dir);
  free(set->scratch);
  free(set);
}

static EntStatus
set_error(EntWorld *world, const char *path, const char *what)
{
  ent_log(world,
          ENT_LOG_ERROR,
          ENT_ERR_IO,
          &(EntCaret){ .document = path },
          "%s: %s",
          what,
          strerror(errno));
  return ENT_ERR_IO;
}

EntStatus
ent_output_set_begin(EntWorld *world, const char *dir, EntOutputSet **out)
{
  *out = NULL;
  EntOutputSet *set = calloc(1, sizeof(EntOutputSet));
  EntBuf scratch = { NULL, 0, 0 };
  if (!set || ent_buf_appendf(&scratch, "%s/" SCRATCH_PREFIX "XXXXXX", dir)) {
    free(set);
    ent_buf_free(&scratch);
    return ENT_ERR_NO_MEMORY;
  }
  set->world = world;
  set->scratch = scratch.buf;
  set->scratch_fd = -1;
  set->janitor_pipe = -1;
  set->dir = strdup(dir);
  set->dir_fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (!set->dir) {
    free_set(set);
    return ENT_ERR_NO_MEMORY;
  }
  if (set->dir_fd < 0) {
    const EntStatus st = set_error(world, dir, "cannot open the directory");
    free_set(set);
    return st;
  }
  // The scratch directory is made and locked under the directory's lock:
  // a concurrent run's recovery, also under it, must never find it
  // unlocked and take it for a dead run's.
  const bool dir_locked = flock(set->dir_fd, LOCK_EX) == 0;
  if (dir_locked) {
    recover_all(set->dir_fd);
  }
  if (!mkdtemp(set->scratch)) {
    const EntStatus st =
      set_error(world, dir, "cannot make a scratch directory here");
    free_set(set); // closing dir_fd drops the lock
    return st;
  }
  set->scratch_fd =
    open(set->scratch, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  int fds[2] = { -1, -1 };
  const int owner_fd =
    set->scratch_fd >= 0
      ? openat(set->scratch_fd,
               OWNER,
               O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
               0600)
      : -1;
  if (owner_fd >= 0) {
    close(owner_fd);
  }
  if (set->scratch_fd < 0 || owner_fd < 0 ||
      flock(set->scratch_fd, LOCK_EX) != 0 || pipe2(fds, O_CLOEXEC) != 0) {
    const EntStatus st =
      set_error(world, set->scratch, "cannot prepare the scratch directory");
    if (set->scratch_fd >= 0) {
      unlinkat(set->scratch_fd, OWNER, 0);
    }
    rmdir(set->scratch);
    free_set(set);
    return st;
  }
  if (dir_locked) {
    flock(set->dir_fd, LOCK_UN);
  }
  fflush(NULL); // nothing buffered for the helper to write again
  set->janitor = fork();
  if (set->janitor == 0) {
    close(fds[1]);
    janitor_main(fds[0], set->dir_fd, strrchr(set->scratch, '/') + 1);
  }
  close(fds[0]);
  set->janitor_pipe = fds[1];
  if (set->janitor < 0) {
    set->janitor = 0;
    const EntStatus st =
      set_error(world, dir, "cannot start the clean-up helper");
    ent_output_set_abort(set);
    return st;
  }
  *out = set;
  return ENT_SUCCESS;
}

const char *
ent_output_set_dir(const EntOutputSet *set)
{
  return set->scratch;
}

/// Check the file `name` of the directory as a target: nothing there,
/// or a file entente may replace.  Fills `st` when it exists.
static EntStatus
check_target(const EntOutputSet *set,
             const char *name,
             struct stat *st,
             bool *exists)
{
  *exists = fstatat(set->dir_fd, name, st, 0) == 0;
  if (!*exists) {
    return ENT_SUCCESS;
  }
  EntBuf path = { NULL, 0, 0 };
  EntStatus status = ent_buf_appendf(&path, "%s/%s", set->dir, name);
  if (!status) {
    status = ent_output_check_target(set->world, path.buf, st);
  }
  if (!status && ent_world_refuse_replacing_input(set->world, st, path.buf)) {
    status = ENT_ERR_IO;
  }
  ent_buf_free(&path);
  return status;
}

EntStatus
ent_output_set_open(EntOutputSet *set, const char *name, EntOutput **out)
{
  *out = NULL;
  if (!*name || strchr(name, '/') || is_dot_or_dotdot(name)) {
    ent_log(set->world,
            ENT_LOG_ERROR,
            ENT_ERR_BAD_ARG,
            NULL,
            "'%s' is not a file name",
            name);
    return ENT_ERR_BAD_ARG;
  }
  for (const char *c = name; *c; ++c) {
    // The commit's journal and manifest.tsv hold a name a line, fields
    // split by tabs: a line break in one split it into two names that were
    // not found, and the file was left behind in the scratch directory.
    if ((unsigned char)*c < 0x20 || *c == 0x7F) {
      ent_log(set->world,
              ENT_LOG_ERROR,
              ENT_ERR_BAD_ARG,
              NULL,
              "'%s' cannot be the name of an output file: it holds a line "
              "break, a tab or another control character; rename the input "
              "it is named after",
              name);
      return ENT_ERR_BAD_ARG;
    }
  }
  struct stat st;
  bool exists = false;
  EntStatus status = ENT_SUCCESS;
  if (!is_private(name)) {
    // Refused now rather than after the work; checked again at commit.
    TRY(status, check_target(set, name, &st, &exists));
  }
  EntBuf path = { NULL, 0, 0 };
  TRY(status, ent_buf_appendf(&path, "%s/%s", set->scratch, name));
  status =
    ent_output_open_staged(set->world, path.buf, exists ? &st : NULL, out);
  ent_buf_free(&path);
  return status;
}

static int
compare_names(const void *a, const void *b)
{
  const char *x = *(const char *const *)a;
  const char *y = *(const char *const *)b;
  // The manifest sorts last: it is moved last.
  const int mx = !strcmp(x, MANIFEST);
  const int my = !strcmp(y, MANIFEST);
  return mx != my ? mx - my : strcmp(x, y);
}

/// The files of the set to move, manifest last (`*names` owned by the
/// caller, each name too).
static EntStatus
list_files(EntOutputSet *set, char ***names, size_t *n)
{
  *names = NULL;
  *n = 0;
  const int listing = dup(set->scratch_fd);
  DIR *d = listing >= 0 ? fdopendir(listing) : NULL;
  if (!d) {
    if (listing >= 0) {
      close(listing);
    }
    return set_error(set->world, set->scratch, "cannot list");
  }
  rewinddir(d);
  EntStatus st = ENT_SUCCESS;
  for (struct dirent *e = readdir(d); !st && e; e = readdir(d)) {
    if (is_dot_or_dotdot(e->d_name) || is_private(e->d_name)) {
      continue;
    }
    char **more = realloc(*names, (*n + 1) * sizeof(char *));
    if (!more) {
      st = ENT_ERR_NO_MEMORY;
      break;
    }
    *names = more;
    (*names)[*n] = strdup(e->d_name);
    st = (*names)[*n] ? ENT_SUCCESS : ENT_ERR_NO_MEMORY;
    *n += !st;
  }
  closedir(d);
  if (*n) {
    qsort(*names, *n, sizeof(char *), compare_names);
  }
  return st;
}

/// Check every target and give each file the mode of the one it replaces.
static EntStatus
prepare_targets(EntOutputSet *set, char **names, size_t n)
{
  EntStatus status = ENT_SUCCESS;
  for (size_t i = 0; !status && i < n; ++i) {
    struct stat st;
    bool exists = false;
    status = check_target(set, names[i], &st, &exists);
    if (!status && exists) {
      const int fd =
        openat(set->scratch_fd, names[i], O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
      if (fd >= 0) {
        ent_output_adopt_mode(fd, &st);
        close(fd);
      }
    }
  }
  return status;
}

/// Write the journal: from here on the set counts as committed.
static EntStatus
write_journal(EntOutputSet *set, char **names, size_t n)
{
  const int fd = openat(set->scratch_fd,
                        JOURNAL ".tmp",
                        O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
                        0600);
  FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
  if (!f) {
    if (fd >= 0) {
      close(fd);
    }
    return set_error(set->world, set->scratch, "cannot write the journal");
  }
  for (size_t i = 0; i < n; ++i) {
    fprintf(f, "%s\n", names[i]);
  }
  const bool failed = fflush(f) != 0 || ferror(f) || fsync(fd) != 0;
  const bool close_failed = fclose(f) != 0;
  if (failed || close_failed ||
      renameat(set->scratch_fd, JOURNAL ".tmp", set->scratch_fd, JOURNAL) !=
        0 ||
      fsync(set->scratch_fd) != 0) {
    return set_error(set->world, set->scratch, "cannot write the journal");
  }
  return ENT_SUCCESS;
}

EntStatus
ent_output_set_commit(EntOutputSet *set)
{
  char **names = NULL;
  size_t n = 0;
  EntStatus status = list_files(set, &names, &n);
  if (!status) {
    status = prepare_targets(set, names, n);
  }
  if (!status) {
    status = write_journal(set, names, n);
  }
  for (size_t i = 0; i < n; ++i) {
    free(names[i]);
  }
  free(names);
  if (status) {
    ent_output_set_abort(set);
    return status;
  }
  flock(set->dir_fd, LOCK_EX);
  if (roll_forward(set->dir_fd, set->scratch_fd) != 0) {
    ent_log(set->world,
            ENT_LOG_ERROR,
            ENT_ERR_IO,
            &(EntCaret){ .document = set->dir },
            "could not move every file into place (%s); the directory has "
            "no manifest.tsv until the next export into it finishes the "
            "move",
            strerror(errno));
    flock(set->dir_fd, LOCK_UN);
    free_set(set);
    return ENT_ERR_IO;
  }
  empty_directory(dup(set->scratch_fd));
  unlinkat(set->dir_fd, strrchr(set->scratch, '/') + 1, AT_REMOVEDIR);
  flock(set->dir_fd, LOCK_UN);
  free_set(set);
  return ENT_SUCCESS;
}

void
ent_output_set_abort(EntOutputSet *set)
{
  if (!set) {
    return;
  }
  if (set->scratch_fd >= 0) {
    empty_directory(dup(set->scratch_fd));
    unlinkat(set->dir_fd, strrchr(set->scratch, '/') + 1, AT_REMOVEDIR);
  }
  free_set(set);
}
