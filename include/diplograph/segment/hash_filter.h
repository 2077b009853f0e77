// segment/hash_filter.h: a set of word or span hashes (WordHash(),
// Dictionary::SpanHash()) kept as one bit each, which answers "certainly
// absent" before a look-up in a larger table.
//
// WHAT IT IS FOR: most tokens are no dictionary key and no trigger head. The
// tables that say so are large and read at random, so a miss there is a
// cache miss; this filter is a few kilobytes and turns most tokens away
// first. MayContain() is true for every added hash, and for about one other
// hash in 16.
// GUARANTEES: no false "absent"; immutable once built, thread-safe to read.
#ifndef DIPLOGRAPH_SEGMENT_HASH_FILTER_H_
#define DIPLOGRAPH_SEGMENT_HASH_FILTER_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace diplograph {

class HashFilter {
 public:
  // A filter for about `n` hashes (more only raise the false "maybe" rate).
  explicit HashFilter(size_t n = 0) {
    size_t bits = 64;
    while (bits < 8 * n) bits *= 2;
    bits_.assign(bits / 64, 0);
    mask_ = bits - 1;
  }

  void Add(uint64_t hash) {
    size_t b = Bit(hash);
    bits_[b >> 6] |= uint64_t{1} << (b & 63);
  }
  bool MayContain(uint64_t hash) const {
    size_t b = Bit(hash);
    return (bits_[b >> 6] >> (b & 63)) & 1;
  }

 private:
  // The high bits of the hash: the tables it guards place entries by the low ones.
  size_t Bit(uint64_t hash) const { return static_cast<size_t>(hash >> 40) & mask_; }

  std::vector<uint64_t> bits_ = std::vector<uint64_t>(1);
  size_t mask_ = 63;
};

}  // namespace diplograph

#endif  // DIPLOGRAPH_SEGMENT_HASH_FILTER_H_
