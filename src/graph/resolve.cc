// Actor resolution: which raw actor ids are spelling variants of one actor.
#include "resolve.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

#include "diplograph/core/strings.h"
#include "graph_internal.h"

namespace diplograph::graph_internal {

namespace {

std::vector<std::string_view> Words(std::string_view key) {
  std::vector<std::string_view> words;
  for (std::string_view w : Split(key, ' ')) {
    if (!w.empty()) words.push_back(w);
  }
  return words;
}

// May `key` (a name or alias of an actor of `type`) be matched at all?
bool KeyMayMatch(std::string_view key, const std::string& type, bool alias) {
  if (key.size() < 4) return false;
  size_t words = Words(key).size();
  if (alias && (words < 2 || key.size() < 8)) return false;            // not "Guo", "ministry"
  if (type == "person" && words < 2) return false;                     // a surname alone
  if (type == "event" && (words < 2 || key.size() < 8)) return false;  // "summit", "talks"
  return true;
}

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// True iff `a` and `b` are one substitution, insertion, deletion or swap of
// neighbours apart; `*where` is the offset of the edit.
bool OneEditApart(std::string_view a, std::string_view b, size_t* where) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  *where = i;
  if (a.size() < b.size()) return a.substr(i) == b.substr(i + 1);
  if (i == a.size()) return false;  // equal
  if (a.substr(i + 1) == b.substr(i + 1)) return true;
  return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
         a.substr(i + 2) == b.substr(i + 2);
}

bool SharesName(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (*i == *j) return true;
    *i < *j ? ++i : ++j;
  }
  return false;
}

// The candidate pairs (i < j) and their kind: 0 an exact variant, 1 one edit.
class CandidateFinder {
 public:
  explicit CandidateFinder(const std::vector<ResolveInput>& actors) : actors_(actors) {}

  // A name that more actors use ("strategic dialogue", "trade talks") is not
  // distinctive: it joins nothing (and would cost the square of its users).
  static constexpr size_t kMaxSharers = 6;

  std::map<std::pair<int, int>, int> Find() {
    std::unordered_map<std::string_view, std::vector<int>> by_key, by_alias;
    for (int i = 0; i < static_cast<int>(actors_.size()); ++i) {
      const ActorProfile& p = *actors_[static_cast<size_t>(i)].profile;
      if (!Resolvable(p)) continue;
      for (const std::string& k : p.keys) by_key[k].push_back(i);
      for (const std::string& k : p.alias_keys) by_alias[k].push_back(i);
    }
    for (const auto& [key, ids] : by_key) {
      auto alias = by_alias.find(key);
      size_t sharers = ids.size() + (alias == by_alias.end() ? 0 : alias->second.size());
      if (sharers > kMaxSharers) continue;
      for (size_t a = 0; a < ids.size(); ++a) {
        for (size_t b = a + 1; b < ids.size(); ++b) Consider(ids[a], ids[b], 0);
      }
      if (alias == by_alias.end()) continue;
      for (int i : ids) {
        for (int j : alias->second) Consider(i, j, 0);
      }
    }
    FindOneEdit(by_key);
    return std::move(pairs_);
  }

 private:
  // Keys of 8 to kMaxEditKey characters meet under the hash of each of their
  // one-letter deletions (and of themselves), which covers every one-edit
  // pair; OneEditVariant() then checks (and weeds out hash collisions). A key
  // is marked once per distinct hash ("xxxx" has one deletion, not four), and
  // longer keys (no real name) are left out: their cost grows with the square
  // of their length.
  static constexpr size_t kMaxEditKey = 200;
  void FindOneEdit(const std::unordered_map<std::string_view, std::vector<int>>& by_key) {
    std::vector<std::string_view> keys;
    for (const auto& [key, ids] : by_key) {
      if (key.size() >= 8 && key.size() <= kMaxEditKey && ids.size() <= kMaxSharers) {
        keys.push_back(key);
      }
    }
    std::vector<std::pair<size_t, size_t>> marks;  // (hash, index in keys)
    std::hash<std::string_view> hash;
    std::string variant;
    for (size_t k = 0; k < keys.size(); ++k) {
      std::string_view key = keys[k];
      marks.emplace_back(hash(key), k);
      // Deletions inside words that cannot be the differing one (under 4
      // letters, or with a digit: see OneEditVariant()) are not needed.
      for (size_t begin = 0; begin < key.size();) {
        size_t end = std::min(key.find(' ', begin), key.size());
        std::string_view word = key.substr(begin, end - begin);
        if (word.size() >= 4 && !HasDigit(word)) {
          for (size_t d = std::max<size_t>(begin, 1); d < end; ++d) {  // never the first letter
            variant.assign(key.substr(0, d));
            variant.append(key.substr(d + 1));
            marks.emplace_back(hash(variant), k);
          }
        }
        begin = end + 1;
      }
    }
    std::sort(marks.begin(), marks.end());
    marks.erase(std::unique(marks.begin(), marks.end()), marks.end());
    for (size_t a = 0, b = 0; a < marks.size(); a = b) {
      while (b < marks.size() && marks[b].first == marks[a].first) ++b;
      for (size_t x = a; x < b; ++x) {
        for (size_t y = x + 1; y < b; ++y) {
          std::string_view kx = keys[marks[x].second];
          std::string_view ky = keys[marks[y].second];
          if (kx == ky || !OneEditVariant(kx, ky)) continue;
          for (int i : by_key.at(kx)) {
            for (int j : by_key.at(ky)) Consider(i, j, 1);
          }
        }
      }
    }
  }

  void Consider(int i, int j, int kind) {
    if (i == j) return;
    // Occasion ids name their parties, and the names of different parties
    // can be one letter apart ("Iceland-Egypt", "Ireland-Egypt"): exact only.
    if (kind == 1 && actors_[static_cast<size_t>(i)].profile->type == "event") return;
    if (i > j) std::swap(i, j);
    auto it = pairs_.find({i, j});
    if (it != pairs_.end()) {
      it->second = std::min(it->second, kind);
      return;
    }
    if (Compatible(actors_[static_cast<size_t>(i)], actors_[static_cast<size_t>(j)])) {
      pairs_.emplace(std::make_pair(i, j), kind);
    }
  }

  static bool Compatible(const ResolveInput& a, const ResolveInput& b) {
    const ActorProfile& p = *a.profile;
    const ActorProfile& q = *b.profile;
    if (p.type != q.type || !Resolvable(p)) return false;
    if (!p.country.empty() && !q.country.empty() && p.country != q.country) return false;
    if (SharesName(p.names, q.names)) return false;  // told apart on purpose
    return !a.documents.Intersects(b.documents);
  }

  const std::vector<ResolveInput>& actors_;
  std::map<std::pair<int, int>, int> pairs_;
};

// Drops every pair of an id whose partners are not all partners of each
// other (it matches two different actors).
void DropAmbiguous(std::map<std::pair<int, int>, int>* pairs) {
  std::map<int, std::vector<int>> partners;
  for (const auto& [p, kind] : *pairs) {
    partners[p.first].push_back(p.second);
    partners[p.second].push_back(p.first);
  }
  std::set<int> ambiguous;
  for (const auto& [i, list] : partners) {
    for (size_t a = 0; a < list.size() && !ambiguous.contains(i); ++a) {
      for (size_t b = a + 1; b < list.size(); ++b) {
        if (!pairs->contains({std::min(list[a], list[b]), std::max(list[a], list[b])})) {
          ambiguous.insert(i);
          break;
        }
      }
    }
  }
  std::erase_if(*pairs, [&](const auto& entry) {
    return ambiguous.contains(entry.first.first) || ambiguous.contains(entry.first.second);
  });
}

// Joins candidate pairs in a fixed order, keeping every joined set free of
// shared documents, shared names and conflicting countries.
class Joiner {
 public:
  explicit Joiner(const std::vector<ResolveInput>& actors) : actors_(actors) {
    parent_.resize(actors.size());
    std::iota(parent_.begin(), parent_.end(), 0);
  }

  void Join(int i, int j) {
    int a = Root(i);
    int b = Root(j);
    if (a == b || !CanJoin(Members(a), Members(b))) return;
    std::vector<int>& into = members_[std::min(a, b)];
    for (int m : Members(std::max(a, b))) into.push_back(m);
    members_.erase(std::max(a, b));
    parent_[static_cast<size_t>(std::max(a, b))] = std::min(a, b);
  }

  std::unordered_map<std::string, std::string> NodeIds() const {
    std::unordered_map<std::string, std::string> out;
    for (const auto& [root, members] : members_) {
      int best = members.front();
      for (int m : members) {  // most documents, ties the smallest id (index)
        size_t n = Docs(m).size();
        size_t best_n = Docs(best).size();
        if (n > best_n || (n == best_n && m < best)) best = m;
      }
      for (int m : members) {
        if (m != best) out.emplace(*Actor(m).id, *Actor(best).id);
      }
    }
    return out;
  }

 private:
  const ResolveInput& Actor(int i) const { return actors_[static_cast<size_t>(i)]; }
  const DocSet& Docs(int i) const { return Actor(i).documents; }

  int Root(int i) {
    while (parent_[static_cast<size_t>(i)] != i) i = parent_[static_cast<size_t>(i)];
    return i;
  }

  std::vector<int> Members(int root) {
    auto it = members_.find(root);
    if (it == members_.end()) it = members_.emplace(root, std::vector<int>{root}).first;
    return it->second;
  }

  bool CanJoin(const std::vector<int>& a, const std::vector<int>& b) const {
    std::string country;
    for (const std::vector<int>* side : {&a, &b}) {
      for (int m : *side) {
        const std::string& c = Actor(m).profile->country;
        if (c.empty()) continue;
        if (!country.empty() && c != country) return false;
        country = c;
      }
    }
    for (int x : a) {
      for (int y : b) {
        if (SharesName(Actor(x).profile->names, Actor(y).profile->names) ||
            Docs(x).Intersects(Docs(y))) {
          return false;
        }
      }
    }
    return true;
  }

  const std::vector<ResolveInput>& actors_;
  std::vector<int> parent_;
  std::map<int, std::vector<int>> members_;  // by root, for sets of 2+
};

}  // namespace

std::string MatchKey(std::string_view name) {
  std::string folded = FoldToAscii(name);
  std::string key;
  key.reserve(folded.size());
  for (char ch : folded) {
    bool alnum = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z');
    if (alnum) {
      key.push_back(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch);
    } else if (ch == '.' || ch == '\'') {
      continue;  // "U.S." is "US", "People's" is "Peoples"
    } else if (!key.empty() && key.back() != ' ') {
      key.push_back(' ');
    }
  }
  if (!key.empty() && key.back() == ' ') key.pop_back();
  if (StartsWith(key, "the ")) key.erase(0, 4);
  return key;
}

bool OneEditVariant(std::string_view a, std::string_view b) {
  if (a.size() < 8 || b.size() < 8) return false;
  std::vector<std::string_view> wa = Words(a);
  std::vector<std::string_view> wb = Words(b);
  if (wa.size() != wb.size()) return false;
  int differing = -1;
  for (size_t i = 0; i < wa.size(); ++i) {
    if (wa[i] == wb[i]) continue;
    if (differing >= 0) return false;
    differing = static_cast<int>(i);
  }
  if (differing < 0) return false;
  std::string_view x = wa[static_cast<size_t>(differing)];
  std::string_view y = wb[static_cast<size_t>(differing)];
  if (std::min(x.size(), y.size()) < 4 || std::max(x.size(), y.size()) < 5) return false;
  if (HasDigit(x) || HasDigit(y)) return false;
  size_t where = 0;
  return OneEditApart(x, y, &where) && where > 0;
}

bool Resolvable(const ActorProfile& profile) {
  const std::string& t = profile.type;
  return t == "person" || t == "organization" || t == "event" || t == "location";
}

bool DocSet::Intersects(const DocSet& other) const {
  if (map_ != nullptr) {
    const NodeContribMap& small = size() <= other.size() ? *map_ : *other.map_;
    const NodeContribMap& large = size() <= other.size() ? *other.map_ : *map_;
    for (const auto& [doc, c] : small) {
      if (large.contains(doc)) return true;
    }
    return false;
  }
  auto i = sorted_->begin();
  auto j = other.sorted_->begin();
  while (i != sorted_->end() && j != other.sorted_->end()) {
    if (*i == *j) return true;
    *i < *j ? ++i : ++j;
  }
  return false;
}

ActorProfile ProfileType(const std::map<std::string, int>& types,
                         const std::map<std::string, int>& countries) {
  ActorProfile p;
  p.type = MostCommon(types);
  p.country = MostCommon(countries);
  return p;
}

void AddNames(std::vector<std::string> names, std::vector<std::string> aliases, ActorProfile* p) {
  p->names = std::move(names);
  SortUnique(&p->names);
  SortUnique(&aliases);
  for (const std::string& name : p->names) {
    std::string key = MatchKey(name);
    if (KeyMayMatch(key, p->type, false)) p->keys.push_back(std::move(key));
  }
  for (const std::string& alias : aliases) {
    std::string key = MatchKey(alias);
    if (KeyMayMatch(key, p->type, true)) p->alias_keys.push_back(std::move(key));
  }
  SortUnique(&p->keys);
  SortUnique(&p->alias_keys);
}

ActorProfile ProfileOf(const NodeContribMap& contrib) {
  std::map<std::string, int> types, countries;
  for (const auto& [doc, c] : contrib) {
    ++types[c.type];
    ++countries[c.country];
  }
  ActorProfile p = ProfileType(types, countries);
  if (!Resolvable(p)) return p;  // nothing else matters (countries have huge maps)
  std::vector<std::string> names, aliases;
  for (const auto& [doc, c] : contrib) {
    names.push_back(c.name);
    aliases.insert(aliases.end(), c.aliases.begin(), c.aliases.end());
  }
  AddNames(std::move(names), std::move(aliases), &p);
  return p;
}

std::unordered_map<std::string, std::string> ResolveActors(
    const std::vector<ResolveInput>& actors) {
  std::map<std::pair<int, int>, int> pairs = CandidateFinder(actors).Find();
  DropAmbiguous(&pairs);
  std::vector<std::pair<std::pair<int, int>, int>> order(pairs.begin(), pairs.end());
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& a, const auto& b) { return a.second < b.second; });
  Joiner joiner(actors);
  for (const auto& [pair, kind] : order) joiner.Join(pair.first, pair.second);
  return joiner.NodeIds();
}

}  // namespace diplograph::graph_internal
