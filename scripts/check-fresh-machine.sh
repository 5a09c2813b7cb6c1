#!/usr/bin/env bash
# Runs the README's two commands on a truly fresh machine: a minimal Debian 12
# root (debootstrap) with only this machine's Node.js and CA bundle added, a
# clone of this checkout's HEAD, no npm config and a clean environment. It
# catches set-up steps that the machines we develop on hide (installed
# packages, a user npm config). Slow (it installs everything from scratch and
# runs the whole suite) and needs root: not part of CI.
#
#   sudo bash scripts/check-fresh-machine.sh [ROOT_DIR]
#
# ROOT_DIR (default /var/tmp/vecshard-fresh) is removed first and kept after,
# for a look around; timings are printed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
root=${1:-/var/tmp/vecshard-fresh}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

[[ $(id -u) == 0 ]] || { echo "check-fresh-machine: run as root (it builds a Debian root)" >&2; exit 1; }
command -v debootstrap >/dev/null || { apt-get update -qq; apt-get install -y -qq debootstrap >/dev/null; }
command -v git >/dev/null || { echo "check-fresh-machine: git is needed to clone the checkout" >&2; exit 1; }

mounts=(proc sys dev dev/pts dev/shm)
unmount_all() {
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
    mountpoint -q "$root/${mounts[i]}" && umount -l "$root/${mounts[i]}" || true
  done
}
trap unmount_all EXIT

step() { printf '\n== %s (%s)\n' "$1" "$(date +%T)"; }
seconds() { echo $(($(date +%s) - $1)); }

step "building a minimal Debian 12 root in $root"
unmount_all
rm -rf "$root"
t0=$(date +%s)
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$root.debootstrap.log" 2>&1 ||
  { tail -20 "$root.debootstrap.log"; exit 1; }
debootstrap_s=$(seconds "$t0")

step "adding this machine's Node.js $(node --version) and CA bundle"
node_bin=$(readlink -f "$(command -v node)")
node_prefix=$(dirname "$(dirname "$node_bin")")
mkdir -p "$root/usr/local/bin" "$root/usr/local/include" "$root/usr/local/lib/node_modules"
cp "$node_bin" "$root/usr/local/bin/node"
cp -a "$node_prefix/include/node" "$root/usr/local/include/node"
npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
cp -a "$npm_dir" "$root/usr/local/lib/node_modules/npm"
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/local/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/local/bin/npx"
ca=${NODE_EXTRA_CA_CERTS:-/etc/ssl/certs/ca-certificates.crt}
mkdir -p "$root/etc/ssl/certs"
cp "$ca" "$root/etc/ssl/certs/host-ca.crt"
cp /etc/resolv.conf "$root/etc/resolv.conf"
# What any installed machine has and debootstrap leaves out.
printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' >"$root/etc/hosts"

step "cloning $(git rev-parse --short HEAD) into the root"
git clone -q "$repo" "$root/root/vecshard"
git -C "$root/root/vecshard" checkout -q "$(git rev-parse HEAD)"

for m in "${mounts[@]}"; do
  mkdir -p "$root/$m"
  mount --bind "/$m" "$root/$m"
done

# A clean environment: no npm config, no variables from this shell but the CA bundle.
in_root() {
  env -i HOME=/root PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin LANG=C.UTF-8 TERM=dumb \
    NODE_EXTRA_CA_CERTS=/etc/ssl/certs/host-ca.crt \
    chroot "$root" bash -c "cd /root/vecshard && $1"
}

step "README command 1: bash scripts/up.sh (until the demo is ready, then Ctrl-C)"
t0=$(date +%s)
log=$root/root/up.log
in_root 'exec bash scripts/up.sh' >"$log" 2>&1 &
up_pid=$!
until grep -q 'demo: collection .* is ready' "$log" 2>/dev/null; do
  grep -q 'demo: failed' "$log" && { cat "$log"; exit 1; }
  if ! kill -0 "$up_pid" 2>/dev/null; then
    cat "$log"
    echo "check-fresh-machine: scripts/up.sh exited before the cluster was ready" >&2
    exit 1
  fi
  sleep 2
done
up_s=$(seconds "$t0")
# Ctrl-C goes to `vecshard up` inside the root (not to one on this machine).
for pid in $(pgrep -f 'packages/cli/dist/main.js up'); do
  [[ $(readlink "/proc/$pid/root") == "$(readlink -f "$root")" ]] && kill -INT "$pid"
done
wait "$up_pid" && up_rc=0 || up_rc=$?
tail -15 "$log"
((up_rc == 0 || up_rc == 130)) || { echo "check-fresh-machine: scripts/up.sh exited $up_rc on Ctrl-C" >&2; exit 1; }

step "README command 2: bash scripts/test.sh"
t0=$(date +%s)
set +e
in_root 'bash scripts/test.sh' >"$root/root/test.log" 2>&1
test_rc=$?
set -e
grep -E '^ (✓|×|❯) |Test Files|Tests |setup:|Found [0-9]+ error' "$root/root/test.log"
test_s=$(seconds "$t0")

printf '\ncheck-fresh-machine: debootstrap %ss, up.sh until ready %ss (set-up included), test.sh %ss (exit %s)\n' \
  "$debootstrap_s" "$up_s" "$test_s" "$test_rc"
exit "$test_rc"
