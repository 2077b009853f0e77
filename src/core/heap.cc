// How the process's heap grows (heap.h).
#include "diplograph/core/heap.h"

#include <cstdlib>  // defines __GLIBC__ where the C library is glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace diplograph {

void GrowHeapInLargeSteps() {
#if defined(__GLIBC__)
  // The padding added to each growth of a heap's top (and kept when it is
  // trimmed): one system call per 64 MiB rather than per 128 KiB.
  mallopt(M_TOP_PAD, 64 << 20);
#endif
}

}  // namespace diplograph
