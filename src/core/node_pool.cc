// Pools of fixed-size nodes (node_pool.h).
#include "diplograph/core/node_pool.h"

#include <atomic>
#include <mutex>
#include <new>
#include <thread>

namespace diplograph::node_pool_internal {

namespace {

constexpr size_t kBlock = size_t{16} << 20;

// A lock held for a few instructions (a 16 MiB block is allocated under it
// once in a long while), seldom wanted by two threads at once: a load adds
// its edges and contributions on one. A mutex would cost more than the
// allocation.
class SpinLock {
 public:
  void lock() {
    int spins = 0;
    while (locked_.exchange(true, std::memory_order_acquire)) {
      // Wait by reading, not by writing the line the holder needs.
      while (locked_.load(std::memory_order_relaxed)) {
        if (spins < 64) {
          ++spins;
        } else {
          std::this_thread::yield();  // the holder may have lost its core
        }
      }
    }
  }
  void unlock() { locked_.store(false, std::memory_order_release); }

 private:
  std::atomic<bool> locked_{false};
};

struct Pool {
  SpinLock lock;
  void* free = nullptr;  // nodes given back, each holding the next one's address
  char* next = nullptr;  // the unused rest of the newest block
  char* end = nullptr;
};

// One pool per node size. Never destroyed: containers destroyed at exit
// may still give nodes back.
Pool& PoolFor(size_t size) {
  static Pool* const pools = new Pool[kMaxNode / kGrain];
  return pools[size / kGrain - 1];
}

static_assert(__STDCPP_DEFAULT_NEW_ALIGNMENT__ >= kGrain, "nodes are aligned to kGrain");
char* NewBlock() { return static_cast<char*>(::operator new(kBlock)); }

}  // namespace

void* Allocate(size_t size) {
  Pool& pool = PoolFor(size);
  std::lock_guard<SpinLock> hold(pool.lock);
  if (void* node = pool.free) {
    pool.free = *static_cast<void**>(node);
    return node;
  }
  if (static_cast<size_t>(pool.end - pool.next) < size) {
    pool.next = NewBlock();
    pool.end = pool.next + kBlock;
  }
  void* node = pool.next;
  pool.next += size;
  return node;
}

void Free(void* node, size_t size) noexcept {
  Pool& pool = PoolFor(size);
  std::lock_guard<SpinLock> hold(pool.lock);
  *static_cast<void**>(node) = pool.free;
  pool.free = node;
}

}  // namespace diplograph::node_pool_internal
