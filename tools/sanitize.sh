#!/usr/bin/env bash
# Builds everything with AddressSanitizer + UndefinedBehaviorSanitizer in
# build-asan/ (-DDIPLOGRAPH_SANITIZE=ON) and runs the whole CTest suite with it.
#
# usage: tools/sanitize.sh [ctest options...]   e.g. tools/sanitize.sh -R hostile
# Environment: CXX (default: c++; clang++ works too), JOBS (default 2).
# Compiling takes /tmp/diplograph-build.lock, as every build here must.
# Any sanitizer report fails the test that triggered it: UBSan reports are
# fatal (-fno-sanitize-recover) and ASan's leak check is on.
set -euo pipefail
main() {
  cd "$(dirname "$0")/.."
  src=$PWD
  build=$src/build-asan
  jobs=${JOBS:-2}

  cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDIPLOGRAPH_SANITIZE=ON \
    -DDIPLOGRAPH_FUZZ=OFF >/dev/null
  # One target at a time, each under the lock, so other builds can go between.
  targets=$(cmake --build "$build" --target help | sed -n 's/^\.\.\. \([A-Za-z0-9_]*\)$/\1/p' |
            grep -vxE 'all|clean|depend|edit_cache|rebuild_cache|test|install.*|list_install_components|bench_query')
  for t in $targets; do
    flock /tmp/diplograph-build.lock cmake --build "$build" -j "$jobs" --target "$t"
  done
  flock /tmp/diplograph-build.lock cmake --build "$build" -j "$jobs"  # anything left

  export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:check_initialization_order=1:strict_init_order=1}
  export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
  cd "$build"
  ctest --output-on-failure -j "$jobs" "$@"
}

main "$@"
