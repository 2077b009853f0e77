// Tests for core/node_pool.h.
#include "diplograph/core/node_pool.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <list>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace diplograph {
namespace {

struct Node {
  uint64_t words[5];  // 40 bytes: nodes of 48 come from one pool
};

TEST_CASE("NodePool.ContainersWork") {
  std::map<std::string, int, std::less<>, PoolAllocator<std::pair<const std::string, int>>> m;
  for (int i = 0; i < 20000; ++i) m.emplace("key-" + std::to_string(i), i);
  CHECK(m.size() == 20000);
  CHECK(m.find("key-123")->second == 123);
  std::list<std::string, PoolAllocator<std::string>> l(m.size(), "x");
  CHECK(l.size() == m.size());
  // Runs of several elements come from operator new, aligned as usual.
  std::vector<long double, PoolAllocator<long double>> v(1000, 1.5L);
  CHECK(reinterpret_cast<uintptr_t>(v.data()) % alignof(long double) == 0);
  // Allocators compare equal: containers move and swap their nodes.
  auto moved = std::move(m);
  CHECK(moved.size() == 20000);
  std::list<std::string, PoolAllocator<std::string>> other;
  other.swap(l);
  CHECK(other.size() == 20000);
}

TEST_CASE("NodePool.FreedNodesAreReused") {
  if (!node_pool_internal::kEnabled) return;  // under a sanitizer: operator new
  PoolAllocator<Node> alloc;
  std::set<Node*> freed;
  std::vector<Node*> nodes;
  for (int i = 0; i < 1000; ++i) nodes.push_back(alloc.allocate(1));
  for (Node* n : nodes) {
    CHECK(reinterpret_cast<uintptr_t>(n) % node_pool_internal::kGrain == 0);
    alloc.deallocate(n, 1);
    freed.insert(n);
  }
  for (int i = 0; i < 1000; ++i) {  // (the most recently freed first)
    Node* n = alloc.allocate(1);
    CHECK(freed.contains(n));
    freed.erase(n);
  }
  CHECK(freed.empty());
}

TEST_CASE("NodePool.ThreadsGetDistinctNodes") {
  // Each thread fills its nodes with its own pattern while the other
  // allocates and frees: a node handed out twice would be overwritten.
  auto work = [](uint64_t pattern, bool* ok) {
    PoolAllocator<Node> alloc;
    std::vector<Node*> live;
    for (int round = 0; round < 50; ++round) {
      for (int i = 0; i < 2000; ++i) {
        Node* n = alloc.allocate(1);
        for (uint64_t& w : n->words) w = pattern;
        live.push_back(n);
      }
      std::vector<Node*> kept;
      for (size_t i = 0; i < live.size(); ++i) {
        for (uint64_t w : live[i]->words) *ok = *ok && w == pattern;
        if (i % 2 == 0) {
          alloc.deallocate(live[i], 1);
        } else {
          kept.push_back(live[i]);
        }
      }
      live.swap(kept);
    }
    for (Node* n : live) {
      for (uint64_t w : n->words) *ok = *ok && w == pattern;
      alloc.deallocate(n, 1);
    }
  };
  bool ok[2] = {true, true};
  std::thread a(work, 0x1111111111111111ull, &ok[0]);
  std::thread b(work, 0x2222222222222222ull, &ok[1]);
  a.join();
  b.join();
  CHECK(ok[0]);
  CHECK(ok[1]);
}

}  // namespace
}  // namespace diplograph
