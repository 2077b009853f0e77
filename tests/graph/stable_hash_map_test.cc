// The raw-key table: look-ups, insertion, erase, and keys appended unindexed.
#include "graph/stable_hash_map.h"

#include <doctest/doctest.h>

#include <map>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace {

using diplograph::graph_internal::StableHashMap;

struct Hash {
  size_t operator()(const std::string& s) const { return std::hash<std::string>()(s); }
};
using Map = StableHashMap<std::string, int, Hash>;

std::string Key(int i) { return "key-" + std::to_string(i); }

// Every key of `model` is found with its value, and nothing else is.
void CheckAgainst(const Map& map, const std::map<std::string, int>& model, int range) {
  CHECK(map.size() == model.size());
  for (int i = 0; i < range; ++i) {
    const auto* e = map.find(Key(i));
    auto it = model.find(Key(i));
    REQUIRE((e != nullptr) == (it != model.end()));
    if (e != nullptr) CHECK(e->second == it->second);
  }
  size_t seen = 0;
  map.ForEach([&](const Map::value_type& e) {
    ++seen;
    CHECK(model.at(e.first) == e.second);
  });
  CHECK(seen == model.size());
}

}  // namespace

TEST_CASE("StableHashMap: keys appended unindexed are found, kept and erased like the others") {
  Map map;
  std::map<std::string, int> model;
  map.reserve(1000);
  // In increasing order, as a loader appends keys greater than any before.
  for (int i = 0; i < 600; ++i) {
    Map::value_type* e = map.append_new(Key(i));
    CHECK(e->first == Key(i));
    e->second = i;
    model[Key(i)] = i;
  }
  const Map::value_type* first = map.find(Key(0));  // builds the index
  REQUIRE(first != nullptr);
  CheckAgainst(map, model, 1200);
  // try_emplace sees appended keys; entries do not move.
  auto [again, added] = map.try_emplace(Key(5));
  CHECK_FALSE(added);
  CHECK(again->second == 5);
  // More appended after the index was built, then erase and reuse of cells.
  for (int i = 600; i < 900; ++i) {
    map.append_new(Key(i))->second = i;
    model[Key(i)] = i;
  }
  for (int i = 0; i < 900; i += 3) {
    map.erase(map.find(Key(i)));
    model.erase(Key(i));
  }
  CHECK(map.find(Key(1)) != nullptr);
  for (int i = 900; i < 1000; ++i) {  // the first ones reuse freed cells
    map.append_new(Key(i))->second = i;
    model[Key(i)] = i;
  }
  CheckAgainst(map, model, 1200);
}

TEST_CASE("StableHashMap: random operations agree with std::map") {
  std::mt19937 rng(7);
  Map map;
  std::map<std::string, int> model;
  int next = 0;  // keys appended unindexed are new ones
  for (int step = 0; step < 20000; ++step) {
    const int op = static_cast<int>(rng() % 4);
    const int k = static_cast<int>(rng() % 3000);
    if (op == 0) {
      map.append_new(Key(100000 + next))->second = next;
      model[Key(100000 + next)] = next;
      ++next;
    } else if (op == 1) {
      auto [e, added] = map.try_emplace(Key(k));
      CHECK(added == (model.count(Key(k)) == 0));
      e->second = k;
      model[Key(k)] = k;
    } else if (op == 2) {
      if (Map::value_type* e = map.find(Key(k))) {
        map.erase(e);
        model.erase(Key(k));
      } else {
        CHECK(model.count(Key(k)) == 0);
      }
    } else {
      const auto* e = map.find(Key(k));
      CHECK((e != nullptr) == (model.count(Key(k)) == 1));
    }
  }
  CHECK(map.size() == model.size());
  for (const auto& [key, value] : model) {
    const auto* e = map.find(key);
    REQUIRE(e != nullptr);
    CHECK(e->second == value);
  }
}

TEST_CASE("StableHashMap: const look-ups from several threads build the index once") {
  Map map;
  for (int i = 0; i < 50000; ++i) map.append_new(Key(i))->second = i;
  const Map& shared = map;
  std::vector<int> found(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&shared, &found, t] {
      for (int i = t; i < 50000; i += 7) {
        const auto* e = shared.find(Key(i));
        if (e != nullptr && e->second == i) ++found[t];
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (int t = 0; t < 4; ++t) CHECK(found[t] == (50000 - t + 6) / 7);
}
