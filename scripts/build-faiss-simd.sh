#!/usr/bin/env bash
# Builds FAISS 1.7.3 with its AVX2 distance kernels (FAISS_OPT_LEVEL=avx2) as a
# static library plus headers, in a cache outside the work tree. Debian's libfaiss
# is built for any x86-64 CPU, so its distance loops use no AVX2; the addon's
# `vecshard_faiss_avx2` build links against this one instead:
#   FAISS_SIMD_PREFIX=$(scripts/build-faiss-simd.sh --print-prefix) npm run build:native
#
# The source is Debian's faiss 1.7.3 source package (bookworm main, with Debian's
# fixes) or a tree you already have (--src). The install prefix is named after a
# hash of everything that shapes the build, and is complete once it holds the
# marker file: a second run with the same settings does nothing.
#
# Usage:
#   scripts/build-faiss-simd.sh [--src DIR] [--jobs N]
#   scripts/build-faiss-simd.sh --print-prefix   # print the cache prefix and stop
#
# Options:
#   --src DIR        build from this FAISS 1.7.3 tree (a patched copy is made).
#                    Without it the Debian source package is fetched.
#   --jobs N         parallel compile jobs (default: number of cores)
#   --print-prefix   print where the build is (or would be) installed, and stop
#   -h, --help       this text
#
# Environment:
#   VECSHARD_CACHE_DIR   cache root (default ${XDG_CACHE_HOME:-$HOME/.cache}/vecshard)
#
# Needs: cmake, ninja (ninja-build), a C++ compiler, BLAS/LAPACK development files,
# and to fetch the source: apt-get, dpkg-source (dpkg-dev), Debian's archive keyring
# (debian-archive-keyring).
set -euo pipefail

FAISS_SCRIPT_NAME=build-faiss-simd
# The script's folder by parameter expansion, not dirname: the script must get as far
# as its own checks (and their messages) on a PATH with almost nothing on it.
script_dir=${BASH_SOURCE[0]%/*}
[[ $script_dir == "${BASH_SOURCE[0]}" ]] && script_dir=.
# shellcheck source=lib/faiss-source.sh
source "$script_dir/lib/faiss-source.sh"

# Bump when a change to this script changes what it installs, so caches rebuild.
RECIPE_REVISION=1
MARKER=.vecshard-complete
CMAKE_FLAGS=(
  -G Ninja
  -DCMAKE_BUILD_TYPE=Release
  -DBUILD_SHARED_LIBS=OFF
  -DCMAKE_POSITION_INDEPENDENT_CODE=ON
  -DBUILD_TESTING=OFF
  -DFAISS_ENABLE_GPU=OFF
  -DFAISS_ENABLE_PYTHON=OFF
  -DFAISS_ENABLE_C_API=OFF
  -DFAISS_OPT_LEVEL=avx2
)

src=
print_prefix=0
scratch= # the build's scratch folder, removed on exit (global: the EXIT trap runs after main returns)
jobs=$(nproc 2>/dev/null || echo 2)

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }
die() {
  echo "build-faiss-simd: $*" >&2
  exit 1
}

parse_args() {
  while (($#)); do
    case $1 in
      --src) src=${2:?--src needs a directory}; shift 2 ;;
      --jobs) jobs=${2:?--jobs needs a number}; shift 2 ;;
      --print-prefix) print_prefix=1; shift ;;
      -h | --help) usage; exit 0 ;;
      *) echo "build-faiss-simd: unknown option '$1' (see --help)" >&2; exit 2 ;;
    esac
  done
  [[ $jobs =~ ^[1-9][0-9]*$ ]] || die "--jobs must be a positive number, got '$jobs'"
}

cache_root() {
  echo "${VECSHARD_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/vecshard}"
}

# Everything that changes the installed library: FAISS and Debian versions, the
# CMake flags, this recipe's revision and the compiler (a new compiler makes a new
# library, and a cache shared by two machines must not mix them).
build_key() {
  local compiler
  compiler=$({ c++ --version 2>/dev/null || echo none; } | head -n 1)
  printf '%s\n' "$FAISS_VERSION" "$DEBIAN_SOURCE_VERSION" "$RECIPE_REVISION" "$compiler" "${CMAKE_FLAGS[@]}" |
    sha256sum | cut -c1-12
}

cache_prefix() {
  echo "$(cache_root)/faiss-$FAISS_VERSION-avx2-$(build_key)"
}

# Lists every missing tool at once, with the Debian package that provides it.
check_tools() {
  local -a missing=()
  command -v cmake >/dev/null || missing+=("cmake (cmake)")
  command -v ninja >/dev/null || missing+=("ninja (ninja-build)")
  command -v c++ >/dev/null || missing+=("c++ (g++)")
  if [[ -z $src ]]; then
    command -v apt-get >/dev/null || missing+=("apt-get (a Debian host, or pass --src DIR)")
    command -v dpkg-source >/dev/null || missing+=("dpkg-source (dpkg-dev)")
    [[ -r /usr/share/keyrings/debian-archive-keyring.gpg ]] || missing+=("Debian's archive keyring (debian-archive-keyring)")
  fi
  ((${#missing[@]} == 0)) && return
  echo "build-faiss-simd: missing:" >&2
  printf '  %s\n' "${missing[@]}" >&2
  die "on Debian: apt-get install cmake ninja-build g++ dpkg-dev debian-archive-keyring"
}

resolve_source_tree() {
  local dir=$1
  [[ -d "$dir/faiss-$FAISS_VERSION" ]] && dir="$dir/faiss-$FAISS_VERSION"
  [[ -f "$dir/CMakeLists.txt" && -d "$dir/faiss" ]] ||
    die "'$1' is not a FAISS source tree (expected CMakeLists.txt and faiss/)"
  (cd "$dir" && pwd)
}

# Condenses ninja's "[n/N] ..." lines into progress: one line rewritten in place on
# a terminal, otherwise a line every ~10 %, so CI logs stay short. Everything ninja
# prints goes to $log, which is shown when the build fails. (A bash loop rather than
# awk: mawk reads a pipe in large blocks, which would hold the progress back.)
show_progress() {
  local log=$1 tty=0 line n total tenth last=0
  [[ -t 1 ]] && tty=1
  : >"$log"
  while IFS= read -r line; do
    printf '%s\n' "$line" >>"$log"
    [[ $line =~ ^\[([0-9]+)/([0-9]+)\] ]] || continue
    n=${BASH_REMATCH[1]} total=${BASH_REMATCH[2]}
    if ((tty)); then
      printf '\rfaiss avx2: %d/%d' "$n" "$total"
    else
      tenth=$((n * 10 / total))
      if ((n == total || tenth > last)); then
        last=$tenth
        printf 'faiss avx2: %d/%d (%d%%)\n' "$n" "$total" $((n * 100 / total))
      fi
    fi
  done
  ((tty)) && echo
  return 0
}

# Copies what the addon needs: the library and every FAISS header, in the layout
# `cmake --install` would give (it cannot be used: it also wants the generic
# libfaiss.a, which this build skips).
install_into() {
  local tree=$1 build=$2 dest=$3
  mkdir -p "$dest/lib" "$dest/include"
  cp "$build/faiss/libfaiss_avx2.a" "$dest/lib/"
  (cd "$tree" && find faiss -name '*.h' -not -path 'faiss/gpu/*' -not -path 'faiss/python/*' \
    -exec cp --parents {} "$dest/include/" \;)
  printf 'faiss %s (Debian %s) avx2, built %s\n' "$FAISS_VERSION" "$DEBIAN_SOURCE_VERSION" \
    "$(date -u +%FT%TZ)" >"$dest/$MARKER"
}

build_into() {
  local work=$1 dest=$2
  if [[ -z $src ]]; then
    fetch_debian_source "$work/download"
    src="$work/download"
  fi
  local tree
  tree=$(resolve_source_tree "$src")
  cp -a "$tree" "$work/src"
  patch_out_extras "$work/src"

  echo "build-faiss-simd: configuring"
  cmake -S "$work/src" -B "$work/build" "${CMAKE_FLAGS[@]}" >"$work/configure.log" 2>&1 ||
    { tail -n 40 "$work/configure.log" >&2; die "cmake failed (log above)"; }
  echo "build-faiss-simd: compiling faiss_avx2 with $jobs jobs"
  if ! ninja -C "$work/build" -j "$jobs" faiss_avx2 | show_progress "$work/build.log"; then
    grep -v '^\[[0-9]*/[0-9]*\]' "$work/build.log" | tail -n 40 >&2
    die "the FAISS build failed (compiler output above)"
  fi
  install_into "$work/src" "$work/build" "$dest"
}

main() {
  parse_args "$@"
  local prefix
  prefix=$(cache_prefix)
  if ((print_prefix)); then
    echo "$prefix"
    return
  fi
  if [[ -f "$prefix/$MARKER" ]]; then
    echo "build-faiss-simd: FAISS $FAISS_VERSION avx2 is cached in $prefix"
    return
  fi
  check_tools

  # Built in a scratch folder beside the prefix (same file system), then renamed into
  # place: an interrupted build never leaves a prefix that looks complete.
  mkdir -p "$(cache_root)"
  local start=$SECONDS
  scratch=$(mktemp -d "$(cache_root)/.build-XXXXXX")
  trap 'rm -rf "$scratch"' EXIT
  build_into "$scratch" "$scratch/prefix"
  rm -rf "$prefix" # an incomplete one, left by an older interrupted run
  mv -T "$scratch/prefix" "$prefix" 2>/dev/null || [[ -f "$prefix/$MARKER" ]] ||
    die "could not move the build into $prefix"
  echo "build-faiss-simd: installed FAISS $FAISS_VERSION avx2 to $prefix in $((SECONDS - start)) s"
}

# Run when executed; when sourced (the tests do), only define the functions.
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  main "$@"
fi
