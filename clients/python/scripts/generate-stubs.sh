#!/usr/bin/env bash
# Generates the Python stubs of the public API from proto/vecshard/v1/vecshard.proto into
# clients/python/vecshard/v1/: vecshard_pb2.py and .pyi (protoc --python_out/--pyi_out),
# vecshard_pb2_grpc.py (grpc_python_plugin) and vecshard_pb2_grpc.pyi (scripts/grpc_stub_pyi.py).
#
# Uses Debian 12's protoc 3.21 (protobuf-compiler) and grpc_python_plugin (protobuf-compiler-grpc),
# never python3-grpc-tools' bundled protoc 3.5, which refuses proto3 `optional`.
#
#   bash clients/python/scripts/generate-stubs.sh          # regenerate in place
#   bash clients/python/scripts/generate-stubs.sh --check  # regenerate into a temp dir and diff; exit 1 if stale
set -euo pipefail
python_dir=$(cd "$(dirname "$0")/.." && pwd)
repo=$(cd "$python_dir/../.." && pwd)
protoc=${PROTOC:-protoc}
plugin=${GRPC_PYTHON_PLUGIN:-/usr/bin/grpc_python_plugin}
python=${PYTHON:-/usr/bin/python3}
want_protoc=3.21.12
files=(vecshard_pb2.py vecshard_pb2.pyi vecshard_pb2_grpc.py vecshard_pb2_grpc.pyi)

missing() {
  echo "generate-stubs: $1 (Debian 12: apt-get install protobuf-compiler protobuf-compiler-grpc python3-protobuf; bash scripts/setup.sh does it)" >&2
  exit 1
}
command -v "$protoc" >/dev/null || missing "protoc was not found"
[[ -x $plugin ]] || missing "grpc_python_plugin was not found at $plugin"
version=$("$protoc" --version | awk '{print $2}')
# The committed stubs are protoc 3.21.12's: another protoc writes other bytes (and a newer one
# code that older runtimes reject), so the check would fail for the wrong reason.
[[ $version == "$want_protoc" ]] || missing "protoc $version found, the stubs are generated with $want_protoc"

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$protoc" -I "$repo/proto" \
  --python_out="$out" --pyi_out="$out" \
  --grpc_out="$out" --plugin=protoc-gen-grpc="$plugin" \
  vecshard/v1/vecshard.proto
"$protoc" -I "$repo/proto" --include_source_info --descriptor_set_out="$out/vecshard.desc" vecshard/v1/vecshard.proto
"$python" "$python_dir/scripts/grpc_stub_pyi.py" "$out/vecshard.desc" vecshard/v1/vecshard.proto \
  >"$out/vecshard/v1/vecshard_pb2_grpc.pyi"

target=$python_dir/vecshard/v1
if [[ ${1:-} == --check ]]; then
  stale=0
  for file in "${files[@]}"; do
    if [[ ! -f $target/$file ]]; then
      echo "generate-stubs: clients/python/vecshard/v1/$file is missing" >&2
      stale=1
    elif ! diff -u "$target/$file" "$out/vecshard/v1/$file" >"$out/diff" 2>&1; then
      echo "generate-stubs: clients/python/vecshard/v1/$file does not match proto/ (diff, first lines):" >&2
      head -40 "$out/diff" >&2
      stale=1
    fi
  done
  if ((stale)); then
    echo "generate-stubs: run bash clients/python/scripts/generate-stubs.sh and commit the result" >&2
    exit 1
  fi
  echo "generate-stubs: the stubs in clients/python/vecshard/v1 match proto/vecshard/v1/vecshard.proto (protoc $version)"
else
  mkdir -p "$target"
  for file in "${files[@]}"; do cp "$out/vecshard/v1/$file" "$target/$file"; done
  echo "generate-stubs: wrote ${files[*]} to clients/python/vecshard/v1 (protoc $version)"
fi
