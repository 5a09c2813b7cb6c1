# Shared by the FAISS build scripts (build-faiss-gpu.sh, build-faiss-simd.sh): which
# FAISS they build, how Debian's source package is fetched, and the patches every
# build needs. Sourced, never run. The sourcing script defines `die` (it prefixes
# messages with its own name) and sets FAISS_SCRIPT_NAME for progress lines.

FAISS_VERSION=1.7.3
DEBIAN_SOURCE_VERSION=1.7.3-2

# Downloads Debian's source package with a private apt configuration, so the host's
# own apt sources are neither needed nor changed. The result is $dest/faiss-1.7.3,
# with Debian's patches applied (dpkg-source does that when unpacking).
fetch_debian_source() {
  local dest=$1
  command -v apt-get >/dev/null || die "apt-get not found: fetch the source on Debian, or pass --src DIR"
  command -v dpkg-source >/dev/null || die "dpkg-source not found: apt-get install dpkg-dev"
  local keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  [[ -r $keyring ]] || die "Debian archive keyring not found ($keyring): fetch on Debian, or pass --src DIR"

  mkdir -p "$dest"
  dest=$(cd "$dest" && pwd)
  local apt_dir="$dest/.apt"
  mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial"
  echo "deb-src [signed-by=$keyring] http://deb.debian.org/debian bookworm main" >"$apt_dir/sources.list"
  local apt_opts=(
    -o "Dir::Etc::SourceList=$apt_dir/sources.list" -o "Dir::Etc::SourceParts=/dev/null"
    -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache"
    -o "APT::Sandbox::User=root"
  )
  echo "$FAISS_SCRIPT_NAME: fetching Debian source faiss=$DEBIAN_SOURCE_VERSION"
  apt-get "${apt_opts[@]}" update -qq
  (cd "$dest" && apt-get "${apt_opts[@]}" source -qq "faiss=$DEBIAN_SOURCE_VERSION")
  rm -rf "$apt_dir"
  [[ -f "$dest/faiss-$FAISS_VERSION/CMakeLists.txt" ]] || die "the fetched source has no faiss-$FAISS_VERSION/CMakeLists.txt"
  echo "$FAISS_SCRIPT_NAME: source in $dest/faiss-$FAISS_VERSION"
}

# Only the library is needed: demos, benchmarks and tutorials would add build time
# (and, with GPU on, link executables against the CUDA driver stub for nothing).
# Idempotent: a line already commented out is left as it is.
patch_out_extras() {
  local tree=$1
  sed -i -e 's|^add_subdirectory(demos)|# &|' -e 's|^add_subdirectory(benchs)|# &|' \
    -e 's|^add_subdirectory(tutorial/cpp)|# &|' "$tree/CMakeLists.txt"
}
