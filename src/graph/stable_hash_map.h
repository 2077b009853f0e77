// graph/stable_hash_map.h (private): a hash map whose entries never move,
// for the graph's raw edge keys, of which a loaded graph holds millions.
//
// Entries live in a deque, in the order they were added (a slot freed by
// erase() is reused by a later insertion), so a pointer to an entry or its
// key stays valid until that entry is erased, as with std::unordered_map.
// The index is open addressing with linear probing over (hash, entry)
// pairs: adding a key touches one slot and allocates nothing but deque
// blocks, where a node-based map allocates a node and follows two or three
// pointers. Keys are compared only when their full hashes are equal.
//
// A key known to be new can be appended without being indexed
// (append_new()): a whole graph read in key order never looks a key up, so
// the index is built only when something first does (any look-up, insertion
// or erase), and a graph that is only read never builds it.
//
// Thread-safety: const methods may run concurrently (the first one to need
// the index builds it under a lock); anything else needs exclusive access.
#ifndef DIPLOGRAPH_GRAPH_STABLE_HASH_MAP_H_
#define DIPLOGRAPH_GRAPH_STABLE_HASH_MAP_H_

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

namespace diplograph::graph_internal {

template <typename Key, typename Value, typename Hash>
class StableHashMap {
 public:
  using value_type = std::pair<const Key, Value>;

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  StableHashMap() = default;
  StableHashMap(const StableHashMap&) = delete;
  StableHashMap& operator=(const StableHashMap&) = delete;

  // Room for `n` keys without growing the index, once there is one (an
  // index not needed yet is not made for a hint).
  void reserve(size_t n) {
    reserved_ = std::max(reserved_, n);
    if (!slots_.empty()) Grow(n);
  }

  // The entry of `key`, or nullptr.
  value_type* find(const Key& key) {
    return const_cast<value_type*>(std::as_const(*this).find(key));
  }
  const value_type* find(const Key& key) const {
    EnsureIndexed();
    if (slots_.empty()) return nullptr;
    const uint64_t h = HashOf(key);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.hash == 0) return nullptr;
      if (s.hash == h && (*s.cell)->first == key) return &**s.cell;
    }
  }

  // The entry of `key`, added with a default value when absent, and whether
  // it was added.
  std::pair<value_type*, bool> try_emplace(const Key& key) {
    EnsureIndexed();
    Grow(size_ + 1);
    const uint64_t h = HashOf(key);
    size_t i = h & mask_;
    for (;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.hash == 0) break;
      if (s.hash == h && (*s.cell)->first == key) return {&**s.cell, false};
    }
    std::optional<value_type>* cell;
    if (free_.empty()) {
      cell = &cells_.emplace_back();
    } else {
      cell = free_.back();
      free_.pop_back();
    }
    cell->emplace(std::piecewise_construct, std::forward_as_tuple(key), std::forward_as_tuple());
    slots_[i] = {h, cell};
    ++size_;
    return {&**cell, true};
  }

  // Adds `key`, which must not be in the map, with a default value. It is
  // indexed when the index is next needed.
  value_type* append_new(const Key& key) {
    if (!free_.empty()) return try_emplace(key).first;  // reuses a freed cell
    if (indexed_.load(std::memory_order_relaxed)) {
      indexed_.store(false, std::memory_order_relaxed);
      unindexed_from_ = cells_.size();
    }
    std::optional<value_type>& cell = cells_.emplace_back();
    cell.emplace(std::piecewise_construct, std::forward_as_tuple(key), std::forward_as_tuple());
    ++size_;
    return &*cell;
  }

  // Removes `entry` (an entry of this map).
  void erase(value_type* entry) {
    EnsureIndexed();
    const uint64_t h = HashOf(entry->first);
    size_t i = h & mask_;
    while (slots_[i].hash != h || &**slots_[i].cell != entry) i = (i + 1) & mask_;
    std::optional<value_type>* cell = slots_[i].cell;
    // Backward-shift deletion: later slots of the same probe run move up,
    // so no tombstones are left behind.
    for (size_t j = i;;) {
      j = (j + 1) & mask_;
      if (slots_[j].hash == 0) break;
      const size_t home = slots_[j].hash & mask_;
      const bool stays = i <= j ? (i < home && home <= j) : (i < home || home <= j);
      if (stays) continue;
      slots_[i] = slots_[j];
      i = j;
    }
    slots_[i] = Slot{};
    cell->reset();
    free_.push_back(cell);
    --size_;
  }

  // Calls fn(entry) for every entry, in no particular order.
  template <typename Fn>
  void ForEach(Fn&& fn) const {
    for (const std::optional<value_type>& cell : cells_) {
      if (cell.has_value()) fn(*cell);
    }
  }

 private:
  struct Slot {
    uint64_t hash = 0;  // never 0 for a key: 0 marks an empty slot
    std::optional<value_type>* cell = nullptr;
  };

  static uint64_t HashOf(const Key& key) {
    const uint64_t h = Hash()(key);
    return h == 0 ? 1 : h;
  }

  // Room in the index for `n` keys (for reserve()'s hint too, when the
  // index is first made).
  void Grow(size_t n) const {
    if (slots_.empty()) n = std::max(n, reserved_);
    size_t want = slots_.empty() ? 16 : slots_.size();
    while (n * 3 > want * 2) want *= 2;
    if (want > slots_.size()) Rehash(want);
  }

  // Indexes the cells appended since the index was last complete.
  void EnsureIndexed() const {
    if (indexed_.load(std::memory_order_acquire)) return;
    std::lock_guard<std::mutex> lock(index_mu_);
    if (indexed_.load(std::memory_order_relaxed)) return;
    Grow(size_);
    for (size_t c = unindexed_from_; c < cells_.size(); ++c) {
      std::optional<value_type>* cell = &cells_[c];
      const uint64_t h = HashOf((*cell)->first);
      size_t i = h & mask_;
      while (slots_[i].hash != 0) i = (i + 1) & mask_;
      slots_[i] = {h, cell};
    }
    unindexed_from_ = cells_.size();
    indexed_.store(true, std::memory_order_release);
  }

  void Rehash(size_t count) const {
    std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(count));
    mask_ = count - 1;
    for (const Slot& s : old) {
      if (s.hash == 0) continue;
      size_t i = s.hash & mask_;
      while (slots_[i].hash != 0) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }

  // Entries stay where they are. Those from unindexed_from_ on are not in
  // the index yet (then indexed_ is false, and no cell is free).
  mutable std::deque<std::optional<value_type>> cells_;
  std::vector<std::optional<value_type>*> free_;  // cells erased, to reuse
  mutable std::vector<Slot> slots_;               // a power of two, at most 2/3 full
  mutable size_t mask_ = 0;
  mutable size_t unindexed_from_ = 0;
  mutable std::atomic<bool> indexed_{true};
  mutable std::mutex index_mu_;
  size_t reserved_ = 0;  // reserve()'s greatest hint
  size_t size_ = 0;
};

}  // namespace diplograph::graph_internal

#endif  // DIPLOGRAPH_GRAPH_STABLE_HASH_MAP_H_
