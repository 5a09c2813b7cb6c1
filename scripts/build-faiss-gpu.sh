#!/usr/bin/env bash
# Builds FAISS 1.7.3 with GPU indexes (FAISS_ENABLE_GPU=ON) as a static library plus
# headers, for GPU shard workers. The vecshard addon then links against it:
#   FAISS_PREFIX=<prefix> FAISS_GPU=1 CUDA_HOME=/usr/local/cuda npm run build:native
#
# The source is Debian's faiss 1.7.3 source package (bookworm main; it carries
# faiss/gpu/ and Debian's own fixes) or a tree you already have (--src).
#
# Usage:
#   scripts/build-faiss-gpu.sh [--src DIR] [--prefix DIR] [--cuda-archs LIST]
#                              [--build-dir DIR] [--jobs N]
#   scripts/build-faiss-gpu.sh --fetch DIR      # only download + unpack the source
#
# Options:
#   --src DIR          build from this FAISS 1.7.3 tree (left untouched: a patched
#                      copy is made in the build dir). Without it the Debian source
#                      package is fetched (needs apt-get, dpkg-dev and Debian's
#                      archive keyring, i.e. a Debian host).
#   --prefix DIR       install prefix for lib/libfaiss.a and include/faiss
#                      (default /opt/faiss)
#   --cuda-archs LIST  CMAKE_CUDA_ARCHITECTURES, ';'-separated compute capabilities.
#                      Default "70;80;86;90" (V100, A100, A10/RTX 30xx, H100) with
#                      CUDA 12.x and "75;80;86;90" with CUDA 13+, which no longer
#                      compiles for Volta. The highest one also embeds PTX so newer
#                      GPUs can run the kernels after a JIT compile at load.
#   --build-dir DIR    scratch directory (default ./faiss-gpu-build)
#   --jobs N           parallel compile jobs (default: number of cores)
#   --fetch DIR        fetch the Debian source package into DIR and stop
#   -h, --help         this text
#
# Needs: nvcc (CUDA 12.x or 13.x toolkit with cuBLAS), cmake >= 3.18, a C++17
# compiler, BLAS/LAPACK development files (libopenblas-dev, liblapack-dev).
set -euo pipefail

FAISS_SCRIPT_NAME=build-faiss-gpu
# The script's folder by parameter expansion, not dirname: the script must get as far
# as its own checks (and their messages) on a PATH with almost nothing on it.
script_dir=${BASH_SOURCE[0]%/*}
[[ $script_dir == "${BASH_SOURCE[0]}" ]] && script_dir=.
# shellcheck source=lib/faiss-source.sh
source "$script_dir/lib/faiss-source.sh"

prefix=/opt/faiss
src=
fetch_dir=
build_dir=$PWD/faiss-gpu-build
cuda_archs=
jobs=$(nproc 2>/dev/null || echo 2)

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }
die() {
  echo "build-faiss-gpu: $*" >&2
  exit 1
}

parse_args() {
  while (($#)); do
    case $1 in
      --src) src=${2:?--src needs a directory}; shift 2 ;;
      --prefix) prefix=${2:?--prefix needs a directory}; shift 2 ;;
      --cuda-archs) cuda_archs=${2:?--cuda-archs needs a list such as 80;90}; shift 2 ;;
      --build-dir) build_dir=${2:?--build-dir needs a directory}; shift 2 ;;
      --jobs) jobs=${2:?--jobs needs a number}; shift 2 ;;
      --fetch) fetch_dir=${2:?--fetch needs a directory}; shift 2 ;;
      -h | --help) usage; exit 0 ;;
      *) echo "build-faiss-gpu: unknown option '$1' (see --help)" >&2; exit 2 ;;
    esac
  done
  [[ $jobs =~ ^[1-9][0-9]*$ ]] || die "--jobs must be a positive number, got '$jobs'"
  if [[ -n $cuda_archs && ! $cuda_archs =~ ^[0-9]+(\;[0-9]+)*$ ]]; then
    die "--cuda-archs must look like '80;86;90' (compute capabilities without dots), got '$cuda_archs'"
  fi
}

# Debian's source package, which must carry faiss/gpu/ for this build.
fetch_gpu_source() {
  fetch_debian_source "$1"
  [[ -d "$1/faiss-$FAISS_VERSION/faiss/gpu" ]] || die "the fetched source has no faiss/gpu/ directory"
}

# Accepts either the unpacked tree itself or a folder that holds faiss-1.7.3/.
resolve_source_tree() {
  local dir=$1
  [[ -d "$dir/faiss-$FAISS_VERSION" ]] && dir="$dir/faiss-$FAISS_VERSION"
  [[ -f "$dir/CMakeLists.txt" && -d "$dir/faiss/gpu" ]] ||
    die "'$1' is not a FAISS source tree with faiss/gpu/ (expected CMakeLists.txt and faiss/gpu/)"
  grep -q "VERSION $FAISS_VERSION" "$dir/CMakeLists.txt" ||
    echo "build-faiss-gpu: warning: '$dir' does not declare FAISS $FAISS_VERSION; the patches below target it" >&2
  (cd "$dir" && pwd)
}

# "70;80;86;90" -> "70-real;80-real;86-real;90": machine code (SASS) for every listed
# architecture, and PTX only for the highest, which newer GPUs JIT-compile at load.
# PTX for each one would only grow the library.
cmake_cuda_architectures() {
  local IFS=';'
  local -a listed=($1) out=()
  local i
  for ((i = 0; i < ${#listed[@]} - 1; i++)); do out+=("${listed[i]}-real"); done
  out+=("${listed[${#listed[@]} - 1]}")
  echo "${out[*]}"
}

cuda_major_version() {
  nvcc --version | sed -n 's/.*release \([0-9]*\)\..*/\1/p'
}

# Patches for building 1.7.3 with current CUDA toolkits. Each one is idempotent.
patch_source() {
  local tree=$1
  # 1.7.3 pins C++11. The Thrust/CUB that ships with CUDA 12 refuses anything below
  # C++14 and CUDA 13's CCCL below C++17 ("Thrust requires at least C++17"), and
  # faiss/gpu includes Thrust. FAISS 1.7.4 moved to C++17 itself; so do we, for the
  # host code too, as both halves share headers.
  sed -i 's/set(CMAKE_CXX_STANDARD 11)/set(CMAKE_CXX_STANDARD 17)/' "$tree/CMakeLists.txt"
  grep -q 'set(CMAKE_CXX_STANDARD 17)' "$tree/CMakeLists.txt" || die "could not raise the C++ standard in CMakeLists.txt"

  patch_out_extras "$tree"
}

configure_and_build() {
  local tree=$1 build=$2
  local cuda_major
  cuda_major=$(cuda_major_version)
  [[ -n $cuda_major ]] || die "could not read the CUDA version from 'nvcc --version'"
  if [[ -z $cuda_archs ]]; then
    if ((cuda_major >= 13)); then cuda_archs="75;80;86;90"; else cuda_archs="70;80;86;90"; fi
  fi
  local archs
  archs=$(cmake_cuda_architectures "$cuda_archs")
  echo "build-faiss-gpu: CUDA $cuda_major, architectures $archs, prefix $prefix"

  # Some faiss/gpu headers (L2Norm.cuh among them) use `half` without including
  # cuda_fp16.h: older toolkits pulled it in through cuda_runtime.h, CUDA 13 no longer
  # does ("identifier "half" is undefined"). Including it first in every CUDA unit
  # restores that without touching the headers one by one.
  local cuda_flags="-include cuda_fp16.h"

  cmake -S "$tree" -B "$build" \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX="$prefix" \
    -DCMAKE_INSTALL_LIBDIR=lib \
    -DBUILD_SHARED_LIBS=OFF \
    -DCMAKE_POSITION_INDEPENDENT_CODE=ON \
    -DBUILD_TESTING=OFF \
    -DFAISS_ENABLE_GPU=ON \
    -DFAISS_ENABLE_PYTHON=OFF \
    -DFAISS_ENABLE_C_API=OFF \
    -DFAISS_OPT_LEVEL=generic \
    -DCMAKE_CUDA_STANDARD=17 \
    -DCMAKE_CUDA_STANDARD_REQUIRED=ON \
    -DCMAKE_CUDA_ARCHITECTURES="$archs" \
    -DCMAKE_CUDA_FLAGS="$cuda_flags"
  cmake --build "$build" --target faiss --parallel "$jobs"
  cmake --install "$build"
}

main() {
  parse_args "$@"
  if [[ -n $fetch_dir ]]; then
    fetch_gpu_source "$fetch_dir"
    return
  fi

  command -v nvcc >/dev/null || die "nvcc not found: install the CUDA toolkit (12.x or 13.x) and put its bin/ on PATH"
  command -v cmake >/dev/null || die "cmake not found"

  mkdir -p "$build_dir"
  build_dir=$(cd "$build_dir" && pwd)
  if [[ -z $src ]]; then
    fetch_gpu_source "$build_dir/download"
    src="$build_dir/download"
  fi
  local tree
  tree=$(resolve_source_tree "$src")

  # Patch a copy, so a source tree shared with other builds stays pristine.
  rm -rf "$build_dir/src"
  cp -a "$tree" "$build_dir/src"
  patch_source "$build_dir/src"
  configure_and_build "$build_dir/src" "$build_dir/cmake"

  [[ -f "$prefix/lib/libfaiss.a" && -f "$prefix/include/faiss/gpu/GpuIndexIVFFlat.h" ]] ||
    die "the install under $prefix lacks lib/libfaiss.a or the GPU headers"
  echo "build-faiss-gpu: installed FAISS $FAISS_VERSION with GPU support to $prefix"
  echo "build-faiss-gpu: link the addon with: FAISS_PREFIX=$prefix FAISS_GPU=1 npm run build:native"
}

# Run when executed; when sourced (the deployment tests do), only define the functions.
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  main "$@"
fi
