#!/usr/bin/env bash
# Builds the libFuzzer targets with clang in build-fuzz/ and runs one.
#
# usage: tools/fuzz.sh TARGET SECONDS [libFuzzer options...]
#        tools/fuzz.sh --merge TARGET    fold what fuzzing found into the seeds
#        tools/fuzz.sh --build           only build
# TARGET: reader, extract, saved_graph (or query, when it exists).
#
# New inputs go to build-fuzz/corpus/TARGET (the checked-in seeds in
# tests/fuzz/corpus/TARGET are read, never written); crashes, leaks and
# timeouts go to build-fuzz/artifacts/TARGET/. --merge adds to the seeds only
# the inputs that reach new code (-merge=1 -use_counters=0), so the corpus
# stays small.
# Reproduce a crash with: build-fuzz/TARGET_fuzzer FILE, or with the plain
# replay build: build/TARGET_fuzzer FILE.
# Compiling takes /tmp/diplograph-build.lock, as every build here must.
set -euo pipefail
cd "$(dirname "$0")/.."
src=$PWD
build=$src/build-fuzz
lock=/tmp/diplograph-build.lock
jobs=${JOBS:-2}

usage() {
  sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

build_fuzzers() {
  CC=${CC:-clang} CXX=${CXX:-clang++} cmake -S "$src" -B "$build" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDIPLOGRAPH_FUZZ=ON -DDIPLOGRAPH_BUILD_TESTS=OFF \
    >/dev/null
  # Only the fuzzers CMake defined (query_fuzzer needs the query library).
  local targets=()
  local known
  known=$(cmake --build "$build" --target help | grep -o '[a-z_]*_fuzzer' | sort -u)
  for name in $known; do targets+=(--target "$name"); done
  flock "$lock" cmake --build "$build" -j "$jobs" "${targets[@]}"
}

# Options per target: inputs up to max_len bytes; an input slower than
# `timeout` seconds is reported as a hang.
fuzz_options() {
  case $1 in
    reader) echo "-max_len=16384 -timeout=10 -dict=$src/tests/fuzz/json.dict" ;;
    extract) echo "-max_len=16384 -timeout=20 -dict=$src/tests/fuzz/extract.dict" ;;
    saved_graph) echo "-max_len=32768 -timeout=20 -dict=$src/tests/fuzz/json.dict" ;;
    query) echo "-max_len=4096 -timeout=10 -dict=$src/tests/fuzz/query.dict" ;;
    *) echo "-max_len=4096 -timeout=10" ;;
  esac
}

export DIPLOGRAPH_DATA=$src/data
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# The whole script is read before it runs (main at the end), so editing it
# while a fuzzer runs is safe.
main() {
  case ${1:-} in
    --build)
      build_fuzzers
      exit 0
      ;;
    --merge)
      [[ $# -eq 2 ]] || usage
      target=$2
      build_fuzzers
      mkdir -p "$build/corpus/$target" "$src/tests/fuzz/corpus/$target"
      # shellcheck disable=SC2046
      # -use_counters=0: only inputs that reach new code, not new hit counts.
      "$build/${target}_fuzzer" -merge=1 -use_counters=0 $(fuzz_options "$target") \
        -rss_limit_mb=2048 "$src/tests/fuzz/corpus/$target" "$build/corpus/$target"
      du -sh "$src/tests/fuzz/corpus/$target"
      exit 0
      ;;
    ''|-*) usage ;;
  esac
  [[ $# -ge 2 ]] || usage
  target=$1
  seconds=$2
  shift 2
  [[ -f $src/tests/fuzz/${target}_fuzzer.cc ]] || { echo "no fuzz target '$target'" >&2; exit 2; }
  [[ $seconds =~ ^[0-9]+$ ]] || { echo "SECONDS must be a number" >&2; exit 2; }
  build_fuzzers
  mkdir -p "$build/corpus/$target" "$build/artifacts/$target"
  # shellcheck disable=SC2046
  exec "$build/${target}_fuzzer" $(fuzz_options "$target") -rss_limit_mb=2048 \
    -max_total_time="$seconds" -print_final_stats=1 \
    -artifact_prefix="$build/artifacts/$target/" "$@" \
    "$build/corpus/$target" "$src/tests/fuzz/corpus/$target"
}

main "$@"
