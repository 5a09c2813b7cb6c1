#!/usr/bin/env bash
# Installs what vecshard needs and builds it. Idempotent and quick when nothing is
# missing: system packages (Debian/Ubuntu, as root), npm dependencies, the FAISS
# addon and the TypeScript build.
set -euo pipefail
cd "$(dirname "$0")/.."

# Node >= 20 with its headers is the one thing set-up cannot install: Debian 12's
# own nodejs is 18, so it comes from nodejs.org's builds or NodeSource's packages.
need_node() {
  echo "setup: $1" >&2
  echo "setup: install Node.js 20 or newer (https://nodejs.org/en/download or NodeSource's Debian packages), then run this again" >&2
  exit 1
}
command -v node >/dev/null || need_node "node was not found on PATH"
command -v npm >/dev/null || need_node "npm was not found on PATH (it comes with Node.js)"
node_major=$(node -p 'process.versions.node.split(".")[0]')
((node_major >= 20)) || need_node "Node.js $(node --version) is too old: vecshard needs 20 or newer"

# System packages: FAISS (static library + headers), BLAS/LAPACK it links against,
# redis-server for the cluster state and job queues, Fashion-MNIST for the demo,
# kubectl's kustomize for the deployment checks, Python FAISS for the binding benchmark,
# chromium for the web console's browser tests (driven by playwright-core; browser downloads are unreachable).
APT_PACKAGES=(libfaiss-dev libopenblas-dev liblapack-dev redis-server dataset-fashion-mnist
  python3-faiss python3-numpy g++ make python3 iproute2 iptables chromium
  # The Python client (clients/python): its runtime, its tests and the protoc that makes its stubs.
  python3-grpcio python3-protobuf python3-pytest protobuf-compiler protobuf-compiler-grpc)
# kubectl renders the Kubernetes manifests in the deployment checks (`kubectl kustomize`).
# Debian's kubernetes-client provides it, unless a kubectl is already installed (from
# Kubernetes' or a cloud SDK's packages, which would clash with it).
command -v kubectl >/dev/null || APT_PACKAGES+=(kubernetes-client)

# Debian's libfaiss is built for any x86-64 CPU: its distance loops use no AVX2. On a
# CPU that has AVX2 (with FMA and F16C, which FAISS's avx2 build also uses), set-up
# builds FAISS with AVX2 once into a cache (scripts/build-faiss-simd.sh) and a second
# addon against it; the loader picks it at run time. VECSHARD_FAISS_SIMD=0 opts out.
cpu_has_avx2() {
  local flags
  flags=" $(grep -m1 '^flags' /proc/cpuinfo 2>/dev/null | cut -d: -f2) "
  [[ $flags == *" avx2 "* && $flags == *" fma "* && $flags == *" f16c "* ]]
}
simd=0
SIMD_PACKAGES=(cmake ninja-build dpkg-dev debian-archive-keyring)
if [[ ${VECSHARD_FAISS_SIMD:-1} != 0 ]] && cpu_has_avx2; then
  simd=1
  APT_PACKAGES+=("${SIMD_PACKAGES[@]}")
fi

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
can_install=0
[[ -r /etc/debian_version && $(id -u) == 0 ]] && command -v apt-get >/dev/null && can_install=1
# Without root, the AVX2 build's tools alone missing is no reason to stop: set-up
# goes on with Debian's generic FAISS and says how to get the faster one.
simd_missing=()
for pkg in "${missing[@]}"; do
  [[ " ${SIMD_PACKAGES[*]} " == *" $pkg "* ]] && simd_missing+=("$pkg")
done
if ((!can_install && ${#simd_missing[@]} && ${#simd_missing[@]} == ${#missing[@]})); then
  echo "setup: skipping the AVX2 FAISS build: ${simd_missing[*]} not installed (as root: apt-get install -y ${simd_missing[*]})" >&2
  missing=()
  simd=0
fi
if ((${#missing[@]})); then
  if ((can_install)); then
    echo "setup: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: these system packages are missing: ${missing[*]}" >&2
    echo "setup: on Debian/Ubuntu run as root: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

# The addon builds against the Node headers installed beside node, never downloaded
# ones (a machine without internet access cannot fetch them). Exported before `npm ci`,
# because npm builds the addon (node-gyp) while installing the workspaces.
node_prefix=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
if [[ ! -f "$node_prefix/include/node/node_api.h" ]]; then
  need_node "Node's headers were not found under $node_prefix/include/node (a Node.js install without them?)"
fi
export npm_config_nodedir="$node_prefix"

# Before `npm ci`, which may build the addon: binding.gyp adds the avx2 target only
# when FAISS_SIMD_PREFIX is set. A failed SIMD build costs speed, not function.
unset FAISS_SIMD_PREFIX
if ((simd)); then
  if bash scripts/build-faiss-simd.sh; then
    FAISS_SIMD_PREFIX=$(bash scripts/build-faiss-simd.sh --print-prefix)
    export FAISS_SIMD_PREFIX
  else
    echo "setup: the AVX2 FAISS build failed (output above); continuing with Debian's generic FAISS only" >&2
  fi
fi

# npm dependencies, only when the lockfile changed since the last install.
if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

# Rebuilt when a source changed, or when the SIMD prefix it was linked against is not
# today's (it appeared, changed with a new FAISS build, or was opted out of): the
# prefix of each build is noted beside the addons (node-gyp rebuild starts afresh).
addon=packages/faiss/build/Release/vecshard_faiss.node
simd_addon=packages/faiss/build/Release/vecshard_faiss_avx2.node
simd_stamp=packages/faiss/build/faiss-simd-prefix
if [[ ! -f $addon || -n $(find packages/faiss/native packages/faiss/binding.gyp -newer "$addon" 2>/dev/null) ||
  $(cat "$simd_stamp" 2>/dev/null) != "${FAISS_SIMD_PREFIX:-}" ||
  (-n ${FAISS_SIMD_PREFIX:-} && ! -f $simd_addon) ]]; then
  echo "setup: building the FAISS addon${FAISS_SIMD_PREFIX:+s (generic and avx2)}"
  npm run --silent build:native
  echo "${FAISS_SIMD_PREFIX:-}" >"$simd_stamp"
fi

echo "setup: building TypeScript"
npx tsc -b
# `npx vecshard` from the repo root: npm links workspace bins only when they exist at
# install time, which is before the first build.
chmod +x packages/cli/dist/main.js
[[ -e node_modules/.bin/vecshard ]] || ln -sf ../../packages/cli/dist/main.js node_modules/.bin/vecshard
