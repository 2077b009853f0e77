// tests/fuzz/fuzz_check.h: the assertion the fuzz targets use.
//
// FUZZ_CHECK(cond, what) prints `what` and aborts when `cond` is false, in
// every build (assert() would vanish under NDEBUG), so libFuzzer records the
// input as a crash and the replay tool fails its CTest test.
#ifndef DIPLOGRAPH_TESTS_FUZZ_FUZZ_CHECK_H_
#define DIPLOGRAPH_TESTS_FUZZ_FUZZ_CHECK_H_

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(cond, what)                                                        \
  do {                                                                                \
    if (!(cond)) {                                                                    \
      std::fprintf(stderr, "%s:%d: check failed: %s: %s\n", __FILE__, __LINE__, #cond, \
                   what);                                                             \
      std::abort();                                                                   \
    }                                                                                 \
  } while (0)

#endif  // DIPLOGRAPH_TESTS_FUZZ_FUZZ_CHECK_H_
