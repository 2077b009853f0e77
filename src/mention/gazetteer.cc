// The look-up side of Dictionary: keys from token spans, built once.
#include <algorithm>

#include "diplograph/core/strings.h"
#include "diplograph/mention/dictionary.h"

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
  std::string s;
  for (uint32_t i = first; i < last; ++i) {
    if (i > first && tokens[i].Is(kSpaceBefore)) s.push_back(' ');
    s += tokens[i].text;
  }
  return s;
}

namespace {

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
  for (size_t i = 0; i < actors_.size(); ++i) {
    DictActor& a = actors_[i];
    uint32_t idx = static_cast<uint32_t>(i);
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
  prefixes_.clear();
  prefixes_.reserve(keys_.size() * 2);
  for (const auto& [key, entries] : keys_) {
    auto& slot = prefixes_[key];
    slot.first = &entries;
    for (size_t sp = key.find(' '); sp != std::string::npos; sp = key.find(' ', sp + 1)) {
      prefixes_[key.substr(0, sp)].second = true;
    }
  }
}

const std::vector<GazetteerEntry>* Dictionary::FindPrefix(const std::string& key,
                                                          bool* longer) const {
  auto it = prefixes_.find(key);
  if (it == prefixes_.end()) {
    *longer = false;
    return nullptr;
  }
  *longer = it->second.second;
  return it->second.first;
}

const std::vector<GazetteerEntry>* Dictionary::Find(const std::string& key) const {
  auto it = keys_.find(key);
  return it == keys_.end() ? nullptr : &it->second;
}

}  // namespace diplograph
