#!/usr/bin/env bash
# Times `vringmigrate scan` over the whole Linux 6.1 tree against `rg -l -F` for the same names
# and, when installed, Coccinelle's spatch doing the same find; prints ratios and our peak memory.
# The tree comes from Debian's linux-source-6.1 and is unpacked once to a cache outside the repo.
set -euo pipefail
cd "$(dirname "$0")/.."
CACHE=${VRINGMIGRATE_BENCH_CACHE:-/var/cache/vringmigrate}
TREE=$CACHE/linux-source-6.1
RUNS=${RUNS:-5}

install_if_missing() {  # command package
  command -v "$1" >/dev/null && return 0
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq "$2" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }
  else echo "bench: $1 missing; sudo apt-get install $2" >&2; return 1; fi
}

if [ ! -d "$TREE" ]; then
  [ -f /usr/src/linux-source-6.1.tar.xz ] || install_if_missing true linux-source-6.1 || true
  [ -f /usr/src/linux-source-6.1.tar.xz ] || { [ "$(id -u)" = 0 ] && apt-get install -y -qq linux-source-6.1 >/dev/null; }
  mkdir -p "$CACHE" && tar -C "$CACHE" -xJf /usr/src/linux-source-6.1.tar.xz
fi
install_if_missing rg ripgrep
swift build -c release >/dev/null
BIN=.build/release/vringmigrate
NAMES=(-e vring_new_virtqueue -e virtio_mb -e virtio_rmb -e virtio_wmb -e virtio_store_mb)

seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N); echo "$e - $s" | bc; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# Warm the page cache once for everybody, then interleave the tools run by run.
rg -l -F "${NAMES[@]}" "$TREE" >/dev/null
ours=(); plain=(); rgs=()
for _ in $(seq "$RUNS"); do
  ours+=("$(seconds "$BIN" scan "$TREE")")
  plain+=("$(seconds "$BIN" scan --no-shared-header "$TREE")")
  rgs+=("$(seconds rg -l -F "${NAMES[@]}" "$TREE")")
done
our=$(printf '%s\n' "${ours[@]}" | median)
ourplain=$(printf '%s\n' "${plain[@]}" | median)
rgm=$(printf '%s\n' "${rgs[@]}" | median)
peakfile=$(mktemp)
/usr/bin/time -f '%M' -o "$peakfile" "$BIN" scan "$TREE" >/dev/null 2>&1 || true
peak=$(tail -1 "$peakfile"); rm -f "$peakfile"
summary=$("$BIN" scan "$TREE" 2>&1 >/dev/null | tail -1)
printf 'scan of %s (%s)\n' "$TREE" "$summary"
printf '  vringmigrate scan  median %6.3f s over %d runs\n' "$our" "$RUNS"
printf '  rg -l -F           median %6.3f s   ratio ours/rg = %.2f (target <= 2)\n' "$rgm" "$(echo "$our / $rgm" | bc -l)"
printf '  scan --no-shared-header median %6.3f s   ratio to rg = %.2f (each source parses its own headers)\n' "$ourplain" "$(echo "$ourplain / $rgm" | bc -l)"
if command -v spatch >/dev/null; then
  cocci=$(mktemp --suffix=.cocci)
  printf '@@\nexpression list E;\n@@\n(\n* vring_new_virtqueue(E)\n|\n* virtio_mb(E)\n|\n* virtio_rmb(E)\n|\n* virtio_wmb(E)\n|\n* virtio_store_mb(E)\n)\n' > "$cocci"
  sp=$(seconds spatch -j 2 --very-quiet --sp-file "$cocci" --dir "$TREE")
  printf '  spatch -j 2        %6.3f s   ratio ours/spatch = %.2f (target < 1)\n' "$sp" "$(echo "$our / $sp" | bc -l)"
  rm -f "$cocci"
else
  echo "  spatch: not installed (apt-get install coccinelle) - skipped"
fi
printf '  peak memory of scan: %d MB (target < 500)\n' "$((peak / 1024))"
