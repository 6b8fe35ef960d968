#!/usr/bin/env bash
# Fuzz/run.sh TARGET [libFuzzer flags]: builds the libFuzzer harness (coverage and the
# address sanitizer, release) and fuzzes TARGET (analyze, transcript or rules), starting
# from Fuzz/Corpus/TARGET. New inputs go to .build-fuzz-san/corpus/TARGET, crashes to
# .build-fuzz-san/crashes/. Example: Fuzz/run.sh analyze -runs=1000000
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
target=${1:-}
case "$target" in
analyze | transcript | rules) shift ;;
*)
    echo "usage: Fuzz/run.sh analyze|transcript|rules [-runs=N] [other libFuzzer flags]" >&2
    exit 2
    ;;
esac
scratch=${FUZZ_SCRATCH:-$root/.build-fuzz-san}

# libFuzzer without its main (the harness keeps its own), from the Swift toolchain.
toolchain=$(dirname "$(dirname "$(command -v swiftc)")")
driver=$(find "$toolchain/lib" -name 'libclang_rt.fuzzer_no_main-x86_64.a' | head -n 1)
if [ -z "$driver" ]; then
    echo "run.sh: no libclang_rt.fuzzer_no_main in $toolchain/lib: this toolchain cannot build the harness" >&2
    exit 1
fi

flags=(-c release --sanitize=address
    -Xswiftc -sanitize-coverage=edge,indirect-calls,trace-cmp,inline-8bit-counters,pc-table
    -Xlinker "$driver" -Xlinker -lstdc++)
swift build --package-path "$here" --scratch-path "$scratch" "${flags[@]}" --product attune-fuzz >&2
binary=$(swift build --package-path "$here" --scratch-path "$scratch" "${flags[@]}" --show-bin-path)/attune-fuzz

mkdir -p "$scratch/corpus/$target" "$scratch/crashes"
# Swift enums keep flags in spare pointer bits, which LeakSanitizer cannot follow: its
# reports (per input and at exit) are false, so only ASan's memory errors count.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
exec "$binary" "$target" -artifact_prefix="$scratch/crashes/$target-" -max_len=8192 -timeout=20 -detect_leaks=0 \
    "$@" "$scratch/corpus/$target" "$here/Corpus/$target"
