// core/node_pool.h: memory for the many small nodes of a big graph's
// containers (list and tree nodes, each type of one size).
//
// A saved graph of a million edges holds millions of such nodes. From
// malloc, each costs a search of its bins and a header of its own. A pool
// hands out the nodes of one size one after another from blocks of
// 16 MiB, packed, and keeps the nodes freed for later ones of that size.
// Pools live as long as the process: memory freed to one is reused, not
// given back to the system.
//
// (Asking for transparent huge pages for the blocks was measured and is
// not done: on a virtual machine whose host backs memory on first touch,
// clearing fresh 2 MiB pages cost more than the page faults it saved.)
//
// PoolAllocator<T> is a standard allocator for node-based containers
// (std::list, std::map, std::set): one T at a time comes from the pool of
// its size, anything else from operator new. Allocators compare equal, so
// containers swap and move freely. Under AddressSanitizer (or the memory
// sanitizers) everything comes from operator new, so that it sees every
// node.
//
// Thread-safety: nodes may be allocated and freed on any thread.
#ifndef DIPLOGRAPH_CORE_NODE_POOL_H_
#define DIPLOGRAPH_CORE_NODE_POOL_H_

#include <cstddef>
#include <memory>

namespace diplograph {

namespace node_pool_internal {

inline constexpr size_t kGrain = 16;     // node sizes are rounded up to this
inline constexpr size_t kMaxNode = 1024;  // larger objects are not pooled
// Off under a sanitizer that checks allocations (GCC says so by a macro,
// Clang by __has_feature). ThreadSanitizer sees the pool's lock, and checks
// it.
#if defined(__has_feature)
#define DIPLOGRAPH_NODE_POOL_HAS_FEATURE_SANITIZER                              \
  (__has_feature(address_sanitizer) || __has_feature(memory_sanitizer) || \
   __has_feature(hwaddress_sanitizer))
#else
#define DIPLOGRAPH_NODE_POOL_HAS_FEATURE_SANITIZER 0
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_HWADDRESS__) || \
    DIPLOGRAPH_NODE_POOL_HAS_FEATURE_SANITIZER
inline constexpr bool kEnabled = false;
#else
inline constexpr bool kEnabled = true;
#endif
#undef DIPLOGRAPH_NODE_POOL_HAS_FEATURE_SANITIZER

// A node of `size` bytes (a multiple of kGrain, at most kMaxNode), aligned
// to kGrain; throws std::bad_alloc.
void* Allocate(size_t size);
// Gives back a node that Allocate(size) returned.
void Free(void* node, size_t size) noexcept;

}  // namespace node_pool_internal

template <typename T>
class PoolAllocator {
 public:
  using value_type = T;

  PoolAllocator() noexcept = default;
  template <typename U>
  PoolAllocator(const PoolAllocator<U>&) noexcept {}  // NOLINT: rebinding converts implicitly

  T* allocate(size_t n) {
    if (kPooled && n == 1) return static_cast<T*>(node_pool_internal::Allocate(kSize));
    return std::allocator<T>().allocate(n);
  }
  void deallocate(T* p, size_t n) noexcept {
    if (kPooled && n == 1) return node_pool_internal::Free(p, kSize);
    std::allocator<T>().deallocate(p, n);
  }

  template <typename U>
  bool operator==(const PoolAllocator<U>&) const noexcept {
    return true;
  }

 private:
  static constexpr size_t kSize =
      (sizeof(T) + node_pool_internal::kGrain - 1) / node_pool_internal::kGrain *
      node_pool_internal::kGrain;
  static constexpr bool kPooled = node_pool_internal::kEnabled &&
                                  kSize <= node_pool_internal::kMaxNode &&
                                  alignof(T) <= node_pool_internal::kGrain;
};

}  // namespace diplograph

#endif  // DIPLOGRAPH_CORE_NODE_POOL_H_
