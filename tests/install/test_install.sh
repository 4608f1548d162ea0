#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Install the build (ENTENTE_BUILD) into a temporary prefix and use it as a
# user would: the files where they belong, the installed command's
# --version, and two external programs built against the installed library,
# one with pkg-config and one with find_package(entente), each printing
# ent_version() after making and freeing a world.  The version expected is
# the one in project(entente VERSION ...) of the root CMakeLists.txt.
#
# Sanitizer and valgrind builds: the layout and the command are checked,
# the external programs are not built (they would need the sanitizer
# runtime to link against an instrumented library).
set -euo pipefail
: "${ENTENTE_SRC:?}" "${ENTENTE_BUILD:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

version=$(sed -n 's/^project(entente VERSION \([0-9][0-9.]*\).*/\1/p' "$ENTENTE_SRC/CMakeLists.txt")
[ -n "$version" ] || fail "no project(entente VERSION ...) in $ENTENTE_SRC/CMakeLists.txt"

cache() { # the value of a cache entry of the build, or nothing
  sed -n "s/^$1:[A-Z]*=//p" "$ENTENTE_BUILD/CMakeCache.txt" | head -n 1
}
is_on() { case "${1^^}" in ON | 1 | TRUE | YES | Y) return 0 ;; *) return 1 ;; esac; }
instrumented=""
for option in ENT_SANITIZE ENT_TSAN ENT_VALGRIND; do
  if is_on "$(cache "$option")"; then instrumented+=" $option"; fi
done
if [ "${ENT_TIME_SCALE:-1}" != 1 ]; then instrumented+=" ENT_TIME_SCALE=$ENT_TIME_SCALE"; fi

# --- install -----------------------------------------------------------------
prefix="$tmp/prefix"
cmake --install "$ENTENTE_BUILD" --prefix "$prefix" >"$tmp/install.log" 2>&1 ||
  { cat "$tmp/install.log"; fail "cmake --install"; }
libdir=$(cd "$prefix" && find . -name 'libentente.so.*.*.*' -printf '%h\n' | sed 's|^\./||' | head -n 1)
[ -n "$libdir" ] || fail "no libentente.so.X.Y.Z under $prefix"

# --- layout ------------------------------------------------------------------
expect_file() { [ -f "$prefix/$1" ] || fail "not installed: $1"; }
expect_link() { # a symbolic link to $2
  [ -L "$prefix/$1" ] || fail "not a symbolic link: $1"
  [ "$(readlink "$prefix/$1")" = "$2" ] || fail "$1 -> $(readlink "$prefix/$1"), expected $2"
}
expect_file "$libdir/libentente.so.$version"
expect_link "$libdir/libentente.so.0" "libentente.so.$version"
expect_link "$libdir/libentente.so" "libentente.so.0"
soname=$(objdump -p "$prefix/$libdir/libentente.so.$version" | awk '$1 == "SONAME" { print $2 }')
[ "$soname" = libentente.so.0 ] || fail "soname is '$soname', expected libentente.so.0"
expect_file include/entente.h
cmp -s "$prefix/include/entente.h" "$ENTENTE_SRC/src/entente.h" || fail "include/entente.h differs from src/entente.h"
# The public header includes only standard headers.
if grep -E '^[[:space:]]*#[[:space:]]*include' "$prefix/include/entente.h" |
  grep -Ev '<(stdbool|stddef|stdint|stdio|stdarg|stdlib|string)\.h>'; then
  fail "include/entente.h includes a header that is not installed"
fi
[ -x "$prefix/bin/entente" ] || fail "bin/entente is not installed or not executable"
expect_file "$libdir/pkgconfig/entente.pc"
for f in ententeConfig.cmake ententeConfigVersion.cmake ententeTargets.cmake; do
  expect_file "$libdir/cmake/entente/$f"
done
expect_file share/entente/ontology/entente.ttl
expect_file share/entente/ontology/entente-dataset.rng
for f in entente.ttl entente-dataset.rng entente-shapes.ttl entente-context.jsonld; do
  expect_file "share/entente/ontology/$f"
  cmp -s "$prefix/share/entente/ontology/$f" "$ENTENTE_SRC/ontology/$f" ||
    fail "share/entente/ontology/$f differs from the source's"
done
expect_file share/entente/LICENSE-data
expect_file share/bash-completion/completions/entente
for c in entente entente-export entente-validate entente-dot entente-push entente-site entente-ontology; do
  expect_file "share/man/man1/$c.1"
done
for f in LICENSE README.md CHANGELOG.md; do expect_file "share/doc/entente/$f"; done
# Every document the installed README links to is installed beside it.
for link in $(grep -oE '\]\(docs/[a-z-]+\.md' "$ENTENTE_SRC/README.md" | sed 's/^](//' | sort -u); do
  expect_file "share/doc/entente/$link"
done
# Nothing of the build tree leaks into the installed package.
if grep -rlF -e "$ENTENTE_BUILD" -e "$ENTENTE_SRC/src" "$prefix/$libdir/pkgconfig" "$prefix/$libdir/cmake"; then
  fail "installed package files name the build or source tree"
fi
grep -qx "Version: $version" "$prefix/$libdir/pkgconfig/entente.pc" || fail "entente.pc: no 'Version: $version'"
grep -qx "prefix=$prefix" "$prefix/$libdir/pkgconfig/entente.pc" || fail "entente.pc: prefix is not $prefix"

# --- the installed command ---------------------------------------------------
# The command finds the installed library by its RPATH ($ORIGIN/../lib),
# wherever the prefix is, with nothing in LD_LIBRARY_PATH.
resolved=$(env -u LD_LIBRARY_PATH ldd "$prefix/bin/entente" | awk '$1 == "libentente.so.0" { print $3 }')
[ "$(realpath "$resolved")" = "$(realpath "$prefix/$libdir/libentente.so.0")" ] ||
  fail "bin/entente loads libentente.so.0 from '$resolved', not from the prefix"
# The installed files are the ones the library prints.
"$prefix/bin/entente" ontology --shapes | cmp -s - "$prefix/share/entente/ontology/entente-shapes.ttl" ||
  fail "entente ontology --shapes differs from the installed shapes"
export LD_LIBRARY_PATH="$prefix/$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
out=$("$prefix/bin/entente" --version) || fail "bin/entente --version failed"
[ "$out" = "entente $version" ] || fail "bin/entente --version printed '$out', expected 'entente $version'"

if [ -n "$instrumented" ]; then
  echo "note: instrumented build ($instrumented ):" \
    "external programs not built against the installed library"
  echo "install ok: layout and bin/entente --version ($version)"
  exit 0
fi

# --- an external program, built two ways -------------------------------------
mkdir -p "$tmp/user"
cat >"$tmp/user/user.c" <<'C'
#include <entente.h>

#include <stdio.h>

int
main(void)
{
  EntWorld *world = NULL;
  const EntStatus status = ent_world_new(&world);
  if (status != ENT_SUCCESS) {
    fprintf(stderr, "ent_world_new: %s\n", ent_strerror(status));
    return 1;
  }
  ent_world_free(world);
  puts(ent_version());
  return 0;
}
C
cc=${CC:-$(cache CMAKE_C_COMPILER)}
cc=${cc:-cc}
strict=(-std=c11 -Wall -Wextra -Wpedantic -Werror)

# With pkg-config.
pc() { PKG_CONFIG_PATH="$prefix/$libdir/pkgconfig" pkg-config "$@" entente; }
[ "$(pc --modversion)" = "$version" ] || fail "pkg-config --modversion: $(pc --modversion)"
# shellcheck disable=SC2046 # the flags are words
"$cc" "${strict[@]}" "$tmp/user/user.c" -o "$tmp/user/user-pc" $(pc --cflags --libs) ||
  fail "building against the installed library with pkg-config"
out=$("$tmp/user/user-pc") || fail "the pkg-config-built program failed"
[ "$out" = "$version" ] || fail "the pkg-config-built program printed '$out', expected '$version'"

# With CMake's find_package (Makefiles: no Ninja needed).
mkdir -p "$tmp/user/cmake"
cat >"$tmp/user/cmake/CMakeLists.txt" <<CMAKE
cmake_minimum_required(VERSION 3.18)
project(user LANGUAGES C)
find_package(entente $version EXACT REQUIRED)
add_executable(user "$tmp/user/user.c")
target_compile_options(user PRIVATE ${strict[*]})
target_link_libraries(user PRIVATE entente::entente)
CMAKE
{
  cmake -S "$tmp/user/cmake" -B "$tmp/user/cmake/build" -G "Unix Makefiles" \
    -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_C_COMPILER="$cc" -DCMAKE_BUILD_TYPE=Release &&
    cmake --build "$tmp/user/cmake/build"
} >"$tmp/cmake.log" 2>&1 || { cat "$tmp/cmake.log"; fail "building with find_package(entente)"; }
out=$("$tmp/user/cmake/build/user") || fail "the find_package-built program failed"
[ "$out" = "$version" ] || fail "the find_package-built program printed '$out', expected '$version'"
# The CMake package names the version too, and refuses another minor.
grep -q "set(PACKAGE_VERSION \"$version\")" "$prefix/$libdir/cmake/entente/ententeConfigVersion.cmake" ||
  fail "ententeConfigVersion.cmake does not give $version"

echo "install ok: $version (layout, bin/entente, pkg-config and find_package programs)"
