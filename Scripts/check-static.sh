#!/usr/bin/env bash
# Builds attune with the Swift standard library linked in (--static-swift-stdlib) and runs
# the copy in a mount namespace where the toolchain's folder is an empty tmpfs, so it can
# find none of the toolchain's libraries: proof that copying the one binary is enough.
#
# Usage: bash Scripts/check-static.sh [SCRATCH=.build]   (a release build: minutes; needs
# root, or a user namespace, for unshare)
set -euo pipefail
cd "$(dirname "$0")/.."
SCRATCH=${1:-.build}
TOOLCHAIN=$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")   # e.g. /opt/swift/usr

swift build -c release --product attune --static-swift-stdlib --scratch-path "$SCRATCH" >/dev/null
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
cp "$SCRATCH/release/attune" "$DIR/attune"

echo "== libraries it needs (ldd)"
ldd "$DIR/attune"
if ldd "$DIR/attune" | grep -E "$TOOLCHAIN|libswift|libFoundation|libdispatch"; then
  echo "FAIL: the binary still needs a library of the Swift toolchain" >&2
  exit 1
fi

echo "== run with $TOOLCHAIN hidden"
OUT=$(unshare --mount sh -c "mount -t tmpfs none '$TOOLCHAIN' && ls -A '$TOOLCHAIN' | wc -l &&
  '$DIR/attune' check --format json --context 'I had an awful day at work' 'You should just quit'")
echo "$OUT"
case "$OUT" in
  0*'"category":"fixing"'*) echo "OK: $(du -h "$DIR/attune" | cut -f1) binary, runs without the toolchain" ;;
  *) echo "FAIL: no fixing finding in its output, or the toolchain was not hidden" >&2; exit 1 ;;
esac
