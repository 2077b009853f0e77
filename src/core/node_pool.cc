// Pools of fixed-size nodes (node_pool.h).
#include "diplograph/core/node_pool.h"

#include <mutex>
#include <new>

namespace diplograph::node_pool_internal {

namespace {

constexpr size_t kBlock = size_t{16} << 20;

struct Pool {
  std::mutex mu;
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

char* NewBlock() { return static_cast<char*>(::operator new(kBlock)); }

}  // namespace

void* Allocate(size_t size) {
  Pool& pool = PoolFor(size);
  std::lock_guard<std::mutex> lock(pool.mu);
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
  std::lock_guard<std::mutex> lock(pool.mu);
  *static_cast<void**>(node) = pool.free;
  pool.free = node;
}

}  // namespace diplograph::node_pool_internal
