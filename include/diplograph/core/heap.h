// core/heap.h: how the process's heap grows.
//
// A graph of a million edges is tens of millions of small allocations. By
// default the C library grows a heap about 128 KiB at a time, with a
// system call each time (thousands of them while a large graph loads, most
// of them on the second thread of a load, whose heap grows by mprotect).
// GrowHeapInLargeSteps() asks for 64 MiB steps instead. Address space is
// reserved, not memory: pages count towards the resident size only once
// they are written, so peak memory is unchanged.
//
// Call it once, early in main(), before any thread starts.
#ifndef DIPLOGRAPH_CORE_HEAP_H_
#define DIPLOGRAPH_CORE_HEAP_H_

namespace diplograph {

void GrowHeapInLargeSteps();

}  // namespace diplograph

#endif  // DIPLOGRAPH_CORE_HEAP_H_
