// The external sort under the low-memory build (key encoding and runs), and
// the flat index of whole-graph loading.
#include "graph/spill.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "graph/flat_index.h"

namespace diplograph::graph_internal {
namespace {

using Parts = std::vector<std::string>;

std::string Key(const Parts& parts) {
  std::string key;
  for (const std::string& p : parts) AppendKeyPart(&key, p);
  return key;
}

TEST_CASE("AppendKeyPart.KeysSortLikeTheirParts") {
  std::mt19937 rng(7);
  const std::string alphabet("\0\1a\xFF", 4);
  auto random_part = [&] {
    std::string s;
    for (int n = std::uniform_int_distribution<int>(0, 3)(rng); n > 0; --n) {
      s.push_back(alphabet[std::uniform_int_distribution<size_t>(0, alphabet.size() - 1)(rng)]);
    }
    return s;
  };
  for (int i = 0; i < 3000; ++i) {
    Parts a = {random_part(), random_part()};
    Parts b = {random_part(), random_part()};
    CAPTURE(i);
    CHECK((Key(a) < Key(b)) == (a < b));
    CHECK((Key(a) == Key(b)) == (a == b));
  }
}

TEST_CASE("ExternalSorter.MergesRunsInKeyOrder") {
  std::mt19937 rng(11);
  for (int spill_every : {0, 1, 7, 1000}) {
    CAPTURE(spill_every);
    ExternalSorter sorter("/tmp");
    std::vector<std::pair<std::string, std::string>> want;
    for (int i = 0; i < 500; ++i) {
      std::string key = Key({std::to_string(rng() % 100000), std::string("\0x", 2)});
      std::string value(static_cast<size_t>(i % 40), static_cast<char>('a' + i % 26));
      if (std::any_of(want.begin(), want.end(), [&](const auto& kv) { return kv.first == key; })) {
        continue;
      }
      want.emplace_back(key, value);
      sorter.Add(key, value);
      std::string error;
      if (spill_every > 0 && want.size() % static_cast<size_t>(spill_every) == 0) {
        REQUIRE(sorter.Spill(&error));
      }
    }
    std::sort(want.begin(), want.end());
    std::vector<std::pair<std::string, std::string>> got;
    std::string error;
    REQUIRE(sorter.Merge(
        [&](std::string_view k, std::string_view v) {
          got.emplace_back(std::string(k), std::string(v));
          return true;
        },
        &error));
    CHECK(got == want);
  }
}

TEST_CASE("Encoder.RoundTrips") {
  std::string bytes;
  Encoder e(&bytes);
  e.U32(0xDEADBEEF);
  e.U64(0x0123456789ABCDEFull);
  e.F64(-2.5e-300);
  e.Str(std::string("a\0b", 3));
  e.Strs({"x", "", "yz"});
  Decoder d(bytes);
  CHECK(d.U32() == 0xDEADBEEF);
  CHECK(d.U64() == 0x0123456789ABCDEFull);
  CHECK(d.F64() == -2.5e-300);
  CHECK(d.Str() == std::string("a\0b", 3));
  CHECK(d.Strs() == std::vector<std::string>{"x", "", "yz"});
  CHECK(d.ok());
  d.U32();  // past the end
  CHECK_FALSE(d.ok());
  Decoder truncated(std::string_view(bytes).substr(0, 10));
  truncated.U32();
  truncated.U64();
  CHECK_FALSE(truncated.ok());
}

}  // namespace
}  // namespace diplograph::graph_internal

// The flat index behind whole-graph loading, against a standard map:
// growth from empty and from a reservation, keys that differ in one byte
// or only in length, the empty key, and look-ups of absent keys.
namespace diplograph::graph_internal {
namespace {

TEST_CASE("FlatIndex.AgreesWithAMap") {
  for (size_t reserve : {size_t{0}, size_t{5000}}) {
    CAPTURE(reserve);
    std::mt19937 rng(static_cast<unsigned>(reserve) + 7);
    std::vector<std::string> keys = {"", "a", "ab", "ba", std::string("a\0b", 3)};
    for (int i = 0; i < 3000; ++i) {
      std::string k = "doc-" + std::to_string(rng() % 2000);
      if (i % 3 == 0) k += std::string(rng() % 20, 'x');
      keys.push_back(k);
    }
    FlatIndex<int> index;
    index.Reserve(reserve);
    std::map<std::string, int> model;
    for (size_t i = 0; i < keys.size(); ++i) {
      auto [value, added] = index.Insert(keys[i], static_cast<int>(i));
      auto [it, model_added] = model.emplace(keys[i], static_cast<int>(i));
      CHECK(added == model_added);
      CHECK(*value == it->second);
    }
    CHECK(index.size() == model.size());
    for (const auto& [key, value] : model) {
      const int* found = index.Find(key);
      REQUIRE(found != nullptr);
      CHECK(*found == value);
    }
    for (const std::string& absent :
         std::vector<std::string>{"doc-", "doc-20000", "b", std::string("a\0c", 3)}) {
      CHECK(index.Find(absent) == nullptr);
    }
  }
  CHECK(FlatIndex<int>().Find("x") == nullptr);
  CHECK(StringHash64("") != 0);
  CHECK(StringHash64("abcdefgh") != StringHash64("abcdefgi"));
}

}  // namespace
}  // namespace diplograph::graph_internal
