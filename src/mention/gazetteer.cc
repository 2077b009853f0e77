// The look-up side of Dictionary: keys from token spans, built once.
#include <algorithm>
#include <unordered_map>

#include "diplograph/core/strings.h"
#include "diplograph/mention/dictionary.h"
#include "diplograph/segment/word_class.h"

namespace diplograph {

std::string TokenKey(const std::vector<Token>& tokens, uint32_t first, uint32_t last) {
  std::string key;
  for (uint32_t i = first; i < last; ++i) {
    if (i > first) key.push_back(' ');
    key += tokens[i].lower;
  }
  return key;
}

std::string TokenSurface(const std::vector<Token>& tokens, uint32_t first, uint32_t last) {
  size_t size = 0;
  for (uint32_t i = first; i < last; ++i) size += tokens[i].text.size() + 1;
  std::string s;
  s.reserve(size);  // one allocation, not one per doubling
  for (uint32_t i = first; i < last; ++i) {
    if (i > first && tokens[i].Is(kSpaceBefore)) s.push_back(' ');
    s += tokens[i].text;
  }
  return s;
}

namespace {

// The SpanHash() of a key: its words joined by ' ', hashed one by one.
uint64_t KeyHash(std::string_view key) {
  uint64_t h = Dictionary::kSpanSeed;
  size_t start = 0;
  while (true) {
    size_t sp = key.find(' ', start);
    h = Dictionary::SpanHash(h, WordHash(key.substr(start, sp - start)));
    if (sp == std::string_view::npos) return h;
    start = sp + 1;
  }
}

// Acronyms and dotted abbreviations must match in case: "US" is not "us".
bool NeedsExactCase(const std::vector<Token>& tokens) {
  for (const Token& t : tokens) {
    if (t.Is(kAllCaps)) return true;
    if (t.text.size() >= 2 && t.text.find('.') != std::string::npos && t.Is(kCapitalized)) {
      return true;
    }
  }
  return false;
}

}  // namespace

void Dictionary::AddKey(std::string_view surface, Cue cue, uint32_t index) {
  Segmentation seg = SegmentAll(surface);
  if (seg.tokens.empty()) return;
  uint32_t n = static_cast<uint32_t>(seg.tokens.size());
  std::string key = TokenKey(seg.tokens, 0, n);
  std::vector<GazetteerEntry>& list = keys_[key];
  GazetteerEntry e{cue, index, NeedsExactCase(seg.tokens), TokenSurface(seg.tokens, 0, n)};
  for (const GazetteerEntry& old : list) {
    if (old.cue == e.cue && old.index == e.index && old.surface == e.surface) return;
  }
  list.push_back(std::move(e));
  max_tokens_ = std::max(max_tokens_, static_cast<int>(n));
}

void Dictionary::Finish() {
  keys_.clear();
  by_iso_.clear();
  national_organs_.clear();
  role_holders_.clear();
  for (size_t i = 0; i < actors_.size(); ++i) {
    DictActor& a = actors_[i];
    uint32_t idx = static_cast<uint32_t>(i);
    if (a.kind == ActorKind::kPerson && !a.roles.empty()) role_holders_.push_back(idx);
    if (a.kind == ActorKind::kCountry && !a.country.empty()) by_iso_[a.country] = static_cast<int>(i);
    if (!a.organ.empty() && !a.country.empty()) {
      national_organs_[a.country + "/" + a.organ] = static_cast<int>(i);
    }
    AddKey(a.name, Cue::kName, idx);
    for (const std::string& alias : a.aliases) {
      if (StartsWith(alias, "@capital:")) {
        AddKey(alias.substr(9), Cue::kCapital, idx);
      } else if (StartsWith(alias, "@seat:")) {
        AddKey(alias.substr(6), Cue::kSeat, idx);
      } else if (StartsWith(alias, "@people:")) {
        AddKey(alias.substr(8), Cue::kPeople, idx);
      } else {
        AddKey(alias, Cue::kName, idx);
      }
    }
    for (const std::string& adj : a.adjectives) AddKey(adj, Cue::kAdjective, idx);
  }
  for (size_t i = 0; i < titles_.size(); ++i) {
    AddKey(titles_[i].title, Cue::kTitle, static_cast<uint32_t>(i));
  }
  for (size_t i = 0; i < organs_.size(); ++i) {
    AddKey(organs_[i].name, Cue::kOrgan, static_cast<uint32_t>(i));
  }
  // Each key and its proper prefixes at token boundaries ("foreign" for
  // "foreign ministry"), hashed the way FindSpan() hashes token spans. A
  // prefix views the start of its key.
  std::unordered_map<std::string_view, std::pair<const std::vector<GazetteerEntry>*, bool>> all;
  all.reserve(keys_.size() * 2);
  for (const auto& [key, entries] : keys_) {
    std::string_view k = key;
    all[k].first = &entries;
    for (size_t sp = k.find(' '); sp != std::string_view::npos; sp = k.find(' ', sp + 1)) {
      all[k.substr(0, sp)].second = true;
    }
  }
  prefixes_.clear();
  prefixes_.reserve(all.size());
  size_t slots = 16;
  while (slots < all.size() * 2) slots *= 2;
  prefix_index_.assign(slots, PrefixSlot());
  prefix_filter_ = HashFilter(all.size());
  for (auto& [key, value] : all) {
    uint64_t h = KeyHash(key);
    prefixes_.push_back({h, key, value.first, value.second});
    prefix_filter_.Add(h);
    size_t i = h & (slots - 1);
    while (prefix_index_[i].prefix != 0) i = (i + 1) & (slots - 1);
    prefix_index_[i] = {static_cast<uint32_t>(prefixes_.size()), static_cast<uint32_t>(h >> 32)};
  }
}

namespace {

// Whether `key` is the lower-case tokens [first, first + len) joined by ' '
// (tokens never contain a space, so the join is unambiguous).
bool KeyIsSpan(std::string_view key, const std::vector<Token>& tokens, uint32_t first,
               uint32_t len) {
  size_t pos = 0;
  for (uint32_t k = 0; k < len; ++k) {
    if (k > 0) {
      if (pos >= key.size() || key[pos] != ' ') return false;
      ++pos;
    }
    std::string_view w = tokens[first + k].lower;
    if (key.size() - pos < w.size() || key.compare(pos, w.size(), w) != 0) return false;
    pos += w.size();
  }
  return pos == key.size();
}

}  // namespace

const std::vector<GazetteerEntry>* Dictionary::FindSpan(const std::vector<Token>& tokens,
                                                        uint32_t first, uint32_t len,
                                                        uint64_t hash, bool* longer) const {
  *longer = false;
  if (prefix_index_.empty() || !prefix_filter_.MayContain(hash)) return nullptr;
  size_t mask = prefix_index_.size() - 1;
  uint32_t tag = static_cast<uint32_t>(hash >> 32);
  for (size_t i = hash & mask; prefix_index_[i].prefix != 0; i = (i + 1) & mask) {
    if (prefix_index_[i].tag != tag) continue;
    const Prefix& p = prefixes_[prefix_index_[i].prefix - 1];
    if (p.hash == hash && KeyIsSpan(p.key, tokens, first, len)) {
      *longer = p.longer;
      return p.entries;
    }
  }
  return nullptr;
}

const std::vector<GazetteerEntry>* Dictionary::Find(const std::string& key) const {
  auto it = keys_.find(key);
  return it == keys_.end() ? nullptr : &it->second;
}

}  // namespace diplograph
