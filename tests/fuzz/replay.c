// SPDX-License-Identifier: MIT
// A main() for the fuzz targets without libFuzzer: every file named on the
// command line (or found directly inside a directory named there) goes
// through LLVMFuzzerTestOneInput() once, in name order.  The valgrind pass
// of scripts/test uses it to replay the seed corpus and the saved crash
// reproducers with gcc-built targets, where libFuzzer is not available.

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

// libFuzzer's default -max_len is 4096 for grown inputs; seeds may be larger.
enum { REPLAY_MAX = 16 * 1024 * 1024 };

static int
replay_file(const char *path)
{
  FILE *file = fopen(path, "rb");
  if (!file) {
    fprintf(stderr, "replay: cannot open %s\n", path);
    return 1;
  }
  uint8_t *data = malloc(REPLAY_MAX);
  if (!data) {
    fclose(file);
    return 1;
  }
  const size_t size = fread(data, 1, REPLAY_MAX, file);
  const int failed = ferror(file) || !feof(file);
  fclose(file);
  if (failed) {
    fprintf(stderr,
            "replay: cannot read %s (or larger than %d bytes)\n",
            path,
            REPLAY_MAX);
    free(data);
    return 1;
  }
  LLVMFuzzerTestOneInput(data, size);
  free(data);
  return 0;
}

static int
by_name(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
replay_directory(const char *dir, size_t *count)
{
  DIR *handle = opendir(dir);
  if (!handle) {
    fprintf(stderr, "replay: cannot open directory %s\n", dir);
    return 1;
  }
  char **names = NULL;
  size_t n = 0;
  size_t cap = 0;
  int status = 0;
  for (struct dirent *entry = readdir(handle); entry; entry = readdir(handle)) {
    if (entry->d_name[0] == '.' || !strcmp(entry->d_name, "README.md")) {
      continue;
    }
    if (n == cap) {
      cap = cap ? 2 * cap : 64;
      char **grown = realloc(names, cap * sizeof(*names));
      if (!grown) {
        status = 1;
        break;
      }
      names = grown;
    }
    const size_t length = strlen(dir) + strlen(entry->d_name) + 2;
    names[n] = malloc(length);
    if (!names[n]) {
      status = 1;
      break;
    }
    snprintf(names[n], length, "%s/%s", dir, entry->d_name);
    ++n;
  }
  closedir(handle);
  if (n) {
    qsort(names, n, sizeof(*names), by_name);
  }
  for (size_t i = 0; i < n; ++i) {
    struct stat info;
    if (!status && !stat(names[i], &info) && S_ISREG(info.st_mode)) {
      status = replay_file(names[i]);
      ++*count;
    }
    free(names[i]);
  }
  free(names);
  return status;
}

int
main(int argc, char **argv)
{
  if (argc < 2) {
    fprintf(stderr, "usage: %s FILE_OR_DIRECTORY...\n", argv[0]);
    return 2;
  }
  LLVMFuzzerInitialize(&argc, &argv);
  size_t count = 0;
  for (int i = 1; i < argc; ++i) {
    struct stat info;
    if (stat(argv[i], &info)) {
      fprintf(stderr, "replay: no such file %s\n", argv[i]);
      return 1;
    }
    const int status = S_ISDIR(info.st_mode) ? replay_directory(argv[i], &count)
                                             : (++count, replay_file(argv[i]));
    if (status) {
      return 1;
    }
  }
  printf("replay: %zu inputs ran clean\n", count);
  return 0;
}
