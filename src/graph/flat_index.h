// graph/flat_index.h (private): a hash index from strings to small values,
// for the look-ups done once per contribution when a whole graph is loaded
// and placed. Open addressing with linear probing in one flat array: a
// look-up touches one slot (the full 64-bit hash is kept, so the key's bytes
// are read only on a hash match), where a node-based map follows two or
// three pointers. The index keeps its own copy of the keys: in the slot
// itself when short (ids such as "doc-0044364" mostly are), so that a
// look-up reads one cache line; else packed end to end, so that checking a
// match reads bytes that sit together rather than wherever the keys'
// owners happen to live.
#ifndef DIPLOGRAPH_GRAPH_FLAT_INDEX_H_
#define DIPLOGRAPH_GRAPH_FLAT_INDEX_H_

#include <bit>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

namespace diplograph::graph_internal {

// A 64-bit hash of `s`, eight bytes at a time; never 0.
inline uint64_t StringHash64(std::string_view s) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  uint64_t h = 0x243F6A8885A308D3ull ^ (s.size() * kMul);
  const char* p = s.data();
  size_t n = s.size();
  for (; n >= 8; p += 8, n -= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * kMul;
    h ^= h >> 29;
  }
  if (n > 0) {
    // The last 1 to 7 bytes, read with whole loads: bytes copied one by
    // one into a word would stall the load that reads the word back.
    uint64_t w;
    if (s.size() >= 8) {
      std::memcpy(&w, p + n - 8, 8);  // overlaps bytes already mixed in: drop them
      if constexpr (std::endian::native == std::endian::little) {
        w >>= (8 - n) * 8;
      } else {
        w <<= (8 - n) * 8;
      }
    } else if (n >= 4) {
      uint32_t lo, hi;
      std::memcpy(&lo, p, 4);
      std::memcpy(&hi, p + n - 4, 4);
      w = lo | (uint64_t{hi} << 32);
    } else {
      const auto byte = [p](size_t i) { return uint64_t{static_cast<unsigned char>(p[i])}; };
      w = byte(0) | (byte(n / 2) << 8) | (byte(n - 1) << 16);
    }
    h = (h ^ w) * kMul;
    h ^= h >> 29;
  }
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 31;
  return h == 0 ? 1 : h;
}

template <typename Value>
class FlatIndex {
 public:
  // Room for `n` keys without growing.
  void Reserve(size_t n) {
    size_t want = 16;
    while (want < n + n / 2 + 1) want *= 2;
    if (want > slots_.size()) Rehash(want);
  }

  size_t size() const { return size_; }

  // The value of `key`, or nullptr.
  const Value* Find(std::string_view key) const {
    const Slot* s = Probe(key, /*compare_keys=*/true);
    return s == nullptr ? nullptr : &s->value;
  }

  // Starts fetching the slot where a look-up of `key` begins, and the one
  // after it (a look-up may go on to the next slots).
  void Prefetch(std::string_view key) const {
    if (slots_.empty()) return;
    const size_t i = StringHash64(key) & mask_;
    __builtin_prefetch(&slots_[i]);
    __builtin_prefetch(&slots_[(i + 1) & mask_]);  // the next line, for an odd slot
  }
  // A second step, once that slot is in cache: starts fetching the key
  // bytes a look-up will compare (where they are not in the slot), and
  // returns the value of the slot that is most likely `key`'s (the first
  // of equal hash; nullptr when none), so that what it points to can be
  // fetched too. Not a look-up: the value may be another key's.
  const Value* PrefetchKey(std::string_view key) const {
    const Slot* s = Probe(key, /*compare_keys=*/false);
    if (s == nullptr) return nullptr;
    if (s->size > kInline) {
      __builtin_prefetch(keys_.data() + s->key.offset);
      __builtin_prefetch(keys_.data() + s->key.offset + s->size - 1);  // two lines?
    }
    return &s->value;
  }

  // Adds `key` with `value` unless present; the value of `key` and whether
  // it was added.
  std::pair<Value*, bool> Insert(std::string_view key, Value value) {
    if ((size_ + 1) * 3 > slots_.size() * 2) Rehash(slots_.empty() ? 16 : slots_.size() * 2);
    const uint64_t h = StringHash64(key);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.hash == 0) {
        // Whatever can throw comes before the slot is taken.
        if (key.size() > kInline) {
          if (keys_.size() + key.size() > UINT32_MAX) throw std::length_error("FlatIndex: keys");
          s.key.offset = static_cast<uint32_t>(keys_.size());
          keys_.insert(keys_.end(), key.begin(), key.end());
        } else if (!key.empty()) {
          std::memcpy(s.key.bytes, key.data(), key.size());
        }
        s.hash = h;
        s.size = static_cast<uint32_t>(key.size());
        s.value = std::move(value);
        ++size_;
        return {&s.value, true};
      }
      if (s.hash == h && KeyOf(s) == key) return {&s.value, false};
    }
  }

 private:
  static constexpr size_t kInline = 12;  // keys this long or shorter sit in their slot
  // 32 bytes for pointer values, aligned: two to a cache line, never across.
  struct alignas(32) Slot {
    uint64_t hash = 0;  // 0: empty
    uint32_t size = 0;  // the key's length
    union {
      char bytes[kInline];  // the key, if it fits
      uint32_t offset;      // else where it is: keys_[offset, offset + size)
    } key{};
    Value value{};
  };
  static_assert(sizeof(Slot) == 32 || sizeof(Value) > 8);

  // The slot of `key` (nullptr: none), or without `compare_keys` the first
  // slot of its full hash.
  const Slot* Probe(std::string_view key, bool compare_keys) const {
    if (slots_.empty()) return nullptr;
    const uint64_t h = StringHash64(key);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.hash == 0) return nullptr;
      if (s.hash == h && (!compare_keys || KeyOf(s) == key)) return &s;
    }
  }

  std::string_view KeyOf(const Slot& s) const {
    return std::string_view(s.size <= kInline ? s.key.bytes : keys_.data() + s.key.offset, s.size);
  }

  void Rehash(size_t count) {
    std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(count));
    mask_ = count - 1;
    for (Slot& s : old) {
      if (s.hash == 0) continue;
      size_t i = s.hash & mask_;
      while (slots_[i].hash != 0) i = (i + 1) & mask_;
      slots_[i] = std::move(s);
    }
  }

  std::vector<Slot> slots_;  // a power of two, at most 2/3 full
  std::vector<char> keys_;   // the keys too long for a slot, in insertion order
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace diplograph::graph_internal

#endif  // DIPLOGRAPH_GRAPH_FLAT_INDEX_H_
