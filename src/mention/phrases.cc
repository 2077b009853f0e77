// Named occasions ("the third round of cybercrime talks") and unnamed groups
// ("five People's Liberation Army officers"), found before the main pass.
#include <algorithm>

#include "diplograph/core/strings.h"
#include "mention/analyzer.h"
#include "diplograph/segment/word_class.h"

using namespace std::string_view_literals;

namespace diplograph {

namespace {

bool IsTopic(const Token& t) { return t.Has(kWcOccasionTopic); }

bool IsYear(const Token& t) {
  if (t.text.size() != 4 || !t.Is(kNumeric)) return false;
  int y = std::atoi(std::string(t.text).c_str());
  return y >= 1900 && y <= 2100;
}

// Words allowed after "on" in an occasion's name ("on fighting cyber crimes").
bool IsOccasionTail(const Token& t) {
  static constexpr std::string_view kTail[] = {"fighting", "combating", "countering", "and", "related",
                                      "issues", "crimes", "crime", "matters", "cooperation",
                                      "terrorism", "affairs", "relations"};
  if (t.Has(kWcWeekday) || t.Has(kWcMonth)) return false;
  if (t.Is(kCapitalized) && t.Is(kAlpha)) return true;
  if (IsTopic(t)) return true;
  for (std::string_view w : kTail) {
    if (t.lower == w) return true;
  }
  return false;
}

}  // namespace

void SentenceAnalyzer::FindOccasions() {
  for (uint32_t j = begin_; j < end_; ++j) {
    if (!used_[j - begin_] && Tok(j).Has(kWcOccasionHead)) Occasion(j);
  }
}

bool SentenceAnalyzer::Occasion(uint32_t head) {
  const Token& h = Tok(head);
  std::string family(words::OccasionFamily(h.lower));
  auto prev_is = [&](std::string_view w) { return head > begin_ && Tok(head - 1).lower == w; };
  if (h.lower == "group"sv && !prev_is("working") &&
      !(h.Is(kCapitalized) && head > begin_ && IsTopic(Tok(head - 1)))) {
    return false;
  }
  if (h.lower == "mechanism"sv && !prev_is("dialogue")) return false;
  if ((h.lower == "cup"sv || h.lower == "games"sv || h.lower == "olympics"sv) && !h.Is(kCapitalized)) {
    return false;
  }
  if (head + 1 < end_) {
    std::string_view n = Tok(head + 1).lower;
    if (n == "mechanism"sv || n == "meeting"sv || (n == "group"sv && h.lower == "working"sv)) return false;
  }
  // Extend left over modifiers.
  uint32_t left = head;
  bool strong = false, weak = false, round = false;
  std::string topic;
  while (left > begin_) {
    uint32_t k = left - 1;
    const Token& t = Tok(k);
    if (used_[k - begin_]) break;
    if (t.lower == "of"sv && k > begin_ && Tok(k - 1).lower == "round"sv) {
      left = k - 1;
      round = true;
      continue;
    }
    if (t.text == "-"sv && !t.Is(kSpaceBefore)) {
      left = k;
      continue;
    }
    if (IsTopic(t)) {
      std::string_view tp = words::OccasionTopic(t.lower);
      if (!tp.empty()) {
        strong = true;
        if (topic.empty() || topic == "security"sv) topic = std::string(tp);
      } else {
        weak = true;
      }
      left = k;
      continue;
    }
    if (t.lower == "current"sv || t.lower == "existing"sv || t.lower == "ongoing"sv ||
        t.lower == "upcoming"sv || t.lower == "previous"sv || t.lower == "same"sv) {
      left = k;
      continue;
    }
    if (t.Has(kWcOrdinal) || t.lower == "high"sv || t.lower == "level"sv ||
        t.lower == "inter"sv || t.lower == "annual"sv || t.lower == "day"sv ||
        (t.Is(kNumeric) && k + 1 < head && Tok(k + 1).text == "-"sv) ||
        t.Has(kWcOccasionHead) || t.Has(kWcNumberWord)) {
      if (t.Has(kWcOrdinal) && round) strong = true;
      left = k;
      continue;
    }
    bool title_case = seg_.sentences[static_cast<size_t>(sentence_)].title_case;
    bool in_country = false;
    for (const Atom& a : atoms_) {
      if (a.first <= k && k < a.last && !CountryIsoOf(a).empty()) in_country = true;
    }
    if (t.Is(kCapitalized) && t.Is(kAlpha) && !t.Has(kWcNameStop) &&
        (!title_case || in_country) && !(k == begin_ && !title_case)) {
      strong = true;
      left = k;
      continue;
    }
    break;
  }
  while (left < head && (Tok(left).lower == "current"sv || Tok(left).lower == "existing"sv ||
                         Tok(left).lower == "ongoing"sv || Tok(left).lower == "upcoming"sv ||
                         Tok(left).lower == "previous"sv || Tok(left).lower == "same"sv)) {
    ++left;
  }
  // Numbers and ordinals alone do not start the name.
  while (left < head && (Tok(left).Has(kWcNumberWord) || Tok(left).text == "-"sv) &&
         !(Tok(left).Is(kCapitalized) && left + 1 < head && Tok(left + 1).text == "-"sv)) {
    if (Tok(left).Has(kWcOrdinal)) break;
    ++left;
  }
  uint32_t right = head + 1;
  // "the 58th session of the UN Human Rights Council": the body names it.
  if ((h.lower == "session"sv || h.lower == "meeting"sv || h.lower == "summit"sv ||
       h.lower == "conference"sv) && right + 1 < end_ && Tok(right).lower == "of"sv) {
    uint32_t q = right + 1;
    if (Tok(q).lower == "the"sv) ++q;
    size_t ai = AtomAt(q);
    if (ai != static_cast<size_t>(-1) && atoms_[ai].type == AtomType::kActor &&
        st_->dict().actors()[static_cast<size_t>(atoms_[ai].index)].kind == ActorKind::kOrganization) {
      right = atoms_[ai].last;
      strong = true;
      if (topic.empty()) topic = Slugify(TokenSurface(seg_.tokens, atoms_[ai].first, atoms_[ai].last));
    }
  }
  if (right + 1 < end_ && Tok(right).lower == "on"sv) {
    uint32_t m = right + 1;
    while (m < end_ && m < right + 7 && IsOccasionTail(Tok(m))) ++m;
    while (m > right + 1 && Tok(m - 1).lower == "and"sv) --m;
    if (m > right + 1) {
      for (uint32_t q = right + 1; q < m; ++q) {
        std::string_view tp = IsTopic(Tok(q)) ? words::OccasionTopic(Tok(q).lower) : "";
        if (!tp.empty() && (topic.empty() || topic == "security"sv)) topic = std::string(tp);
      }
      right = m;
      strong = true;
    }
  }
  // "inter-Korean", "inter-American": the region names the topic.
  for (uint32_t q = left; q + 2 < head; ++q) {
    if (Tok(q).lower == "inter"sv && Tok(q + 1).text == "-"sv) {
      topic = "inter-" + std::string(Tok(q + 2).lower);
      strong = true;
    }
  }
  if (h.Is(kCapitalized) && head != begin_) strong = true;
  // Countries named inside: "US-China", "China-U.S.", "Sino-US", "inter-Korean".
  std::vector<std::string> isos;
  for (const Atom& a : atoms_) {
    if (a.first < left || a.last > right) continue;
    std::string iso = CountryIsoOf(a);
    if (!iso.empty() && std::find(isos.begin(), isos.end(), iso) == isos.end()) {
      isos.push_back(iso);
    }
  }
  if (topic == "inter-korean"sv) isos = {"KOR", "PRK"};
  if (!isos.empty()) strong = true;
  std::sort(isos.begin(), isos.end());
  auto& ents = st_->entities();
  auto compatible = [&](const Entity& e) {
    if (e.kind != ActorKind::kEvent || e.family != family) return false;
    if (!topic.empty() && !e.topic.empty() && e.topic != topic) return false;
    if (!isos.empty() && !e.country.empty() && e.country != [&] {
          std::string j;
          for (const auto& s : isos) j += (j.empty() ? "" : "+") + s;
          return j;
        }()) {
      return false;
    }
    return true;
  };
  int found = -1;
  for (size_t i = 0; i < ents.size(); ++i) {
    if (compatible(ents[i])) found = static_cast<int>(i);
  }
  uint32_t det = left;
  while (det > begin_ && (Tok(det - 1).lower == "current"sv || Tok(det - 1).lower == "existing"sv ||
                          Tok(det - 1).lower == "ongoing"sv || Tok(det - 1).lower == "upcoming"sv ||
                          Tok(det - 1).lower == "previous"sv || Tok(det - 1).lower == "same"sv)) {
    --det;
  }
  bool definite = det > begin_ && (Tok(det - 1).lower == "the"sv || Tok(det - 1).lower == "this"sv ||
                                    Tok(det - 1).lower == "that"sv || Tok(det - 1).lower == "its"sv ||
                                    Tok(det - 1).lower == "'s"sv || Tok(det - 1).text == "'"sv);
  if (!strong && !(weak || definite) ) return false;
  if (!strong && found < 0) return false;
  if (found < 0) {
    Entity e;
    e.kind = ActorKind::kEvent;
    e.family = family;
    e.topic = topic;
    for (const auto& s : isos) e.country += (e.country.empty() ? "" : "+") + s;
    uint32_t name_first = left;
    while (name_first < head &&
           (Tok(name_first).Has(kWcOrdinal) || Tok(name_first).lower == "round"sv ||
            Tok(name_first).lower == "of"sv || Tok(name_first).lower == "day"sv ||
            Tok(name_first).text == "-"sv || Tok(name_first).Has(kWcNumberWord))) {
      ++name_first;
    }
    e.name = TokenSurface(seg_.tokens, name_first, right);
    found = st_->KeyedEntity("o:" + std::to_string(ents.size()), e);
  } else {
    Entity& e = ents[static_cast<size_t>(found)];
    // Prefer a proper name ("High-Level Joint Dialogue on ...") over a description.
    bool proper = h.Is(kCapitalized) && head != begin_;
    size_t space = e.name.rfind(' ');
    char last_initial = e.name.empty() ? 'a' : e.name[space == std::string::npos ? 0 : space + 1];
    if (proper && !(last_initial >= 'A' && last_initial <= 'Z')) {
      uint32_t name_first = left;
      while (name_first < head && (Tok(name_first).Has(kWcOrdinal) ||
                                   Tok(name_first).lower == "round"sv || Tok(name_first).lower == "of"sv)) {
        ++name_first;
      }
      e.name = TokenSurface(seg_.tokens, name_first, right);
    }
    if (e.topic.empty()) e.topic = topic;
    if (e.country.empty() && !isos.empty()) {
      for (const auto& s : isos) e.country += (e.country.empty() ? "" : "+") + s;
    }
  }
  EmitOne(left, right, found, strong ? RefKind::kName : RefKind::kDescription);
  return true;
}

// "US-China Business Council", "Pakistan High Commission": a capitalised
// name ending in an organisation head, with the countries joined to it.
// The person holding the role named by tokens [role_first, role_last) (a
// plural such as "foreign ministers") for country `iso`: someone this
// document already named with that role, else the dictionary's office-holder
// on the article date. -1 when unknown.
int SentenceAnalyzer::HolderOf(const std::string& iso, uint32_t role_first, uint32_t role_last) {
  std::string singular = TokenKey(seg_.tokens, role_first, role_last);
  if (!singular.empty() && singular.back() == 's') singular.pop_back();
  std::string noun = singular.substr(singular.rfind(' ') == std::string::npos ? 0 : singular.rfind(' ') + 1);
  int known = st_->Recent([&](const Entity& e) {
    if (e.kind != ActorKind::kPerson || e.country != iso) return false;
    for (const std::string& r : e.roles) {
      if (AsciiLower(r).find(noun) != std::string::npos) return true;
    }
    return false;
  }, false);
  if (known >= 0) return known;
  const std::vector<GazetteerEntry>* entries = st_->dict().Find(singular);
  if (entries == nullptr) return -1;
  for (const GazetteerEntry& g : *entries) {
    if (g.cue != Cue::kTitle) continue;
    const TitleInfo& ti = st_->dict().titles()[g.index];
    int holder = ti.role.empty() ? -1 : st_->dict().OfficeHolder(ti.role, iso, st_->date());
    if (holder >= 0) return st_->DictEntity(holder);
  }
  return -1;
}

// "Japanese, South Korean foreign ministers", "their foreign ministers": the
// office-holders of each state named.
void SentenceAnalyzer::FindPluralRoles() {
  for (uint32_t i = begin_; i < end_; ++i) {
    uint32_t role_end = PluralPeopleNoun(i);
    if (role_end == i || !Free(i, role_end)) continue;
    // The states before the role: a list of countries or demonyms, or "their".
    std::vector<std::string> isos;
    uint32_t start = i;
    if (i > begin_ && Tok(i - 1).lower == "their"sv) {
      std::vector<int> set = CoordinatedBefore(i - 1);
      if (set.empty()) set = st_->last_set;
      for (int e : set) {
        const Entity& x = st_->entities()[static_cast<size_t>(e)];
        if (x.kind == ActorKind::kCountry) isos.push_back(x.country);
      }
      start = i - 1;
    } else {
      uint32_t j = i;
      while (j > begin_) {
        size_t ai = static_cast<size_t>(-1);
        for (size_t k = 0; k < atoms_.size(); ++k) {
          if (atoms_[k].last == j) ai = k;
        }
        if (ai == static_cast<size_t>(-1) || CountryIsoOf(atoms_[ai]).empty()) break;
        isos.insert(isos.begin(), CountryIsoOf(atoms_[ai]));
        start = atoms_[ai].first;
        j = start;
        if (j > begin_ && (Tok(j - 1).text == ","sv || Tok(j - 1).lower == "and"sv)) --j;
        else break;
      }
    }
    if (isos.size() < 2) continue;
    std::vector<int> people;
    for (const std::string& iso : isos) {
      int p = HolderOf(iso, role_end - 1 > i ? i : i, role_end);
      if (p < 0) {
        people.clear();
        break;
      }
      people.push_back(p);
    }
    if (people.size() < 2 || !Free(start, role_end)) continue;
    Emit(start, role_end, people, RefKind::kName);
    i = role_end - 1;
  }
}

// "charges eight in ...", "the four were detained": a number standing for a
// set of people; "the four" refers back to the group of four named before.
bool SentenceAnalyzer::BareNumberGroup(uint32_t num) {
  const Token& n = Tok(num);
  if (n.Is(kNumeric) || n.lower == "both"sv || n.lower == "several"sv) return false;
  uint32_t next = num + 1;
  // "two of the group's financiers": the set is named after "of".
  if (next + 1 < end_ && Tok(next).lower == "of"sv) {
    for (uint32_t g = next + 1; g < end_ && g < next + 6; ++g) {
      if (Tok(g).Is(kPunct) && !IsPossessiveToken(Tok(g))) break;
      if (Tok(g).Has(kWcGroupNoun) && !(g + 1 < end_ && IsPossessiveToken(Tok(g + 1)))) {
        if (!Free(num, g + 1)) return false;
        Entity proto;
        proto.kind = ActorKind::kGroup;
        proto.plural = true;
        proto.family = Tok(g).lower;
        proto.name = TokenSurface(seg_.tokens, num, g + 1);
        EmitOne(num, g + 1, st_->KeyedEntity("g:" + AsciiLower(proto.name), proto), RefKind::kName);
        return true;
      }
    }
  }
  bool ends = next >= end_ || Tok(next).text == ","sv || Tok(next).text == "."sv ||
              Tok(next).lower == "in"sv || Tok(next).lower == "after"sv ||
              Tok(next).lower == "with"sv || Tok(next).lower == "were"sv ||
              Tok(next).lower == "was"sv || Tok(next).lower == "are"sv ||
              Tok(next).lower == "had"sv || Tok(next).lower == "have"sv ||
              Tok(next).lower == "over"sv || Tok(next).lower == "for"sv ||
              Tok(next).lower == "on"sv || Tok(next).lower == "of"sv;
  if (!ends || !Free(num, num + 1)) return false;
  bool definite = num > begin_ && (Tok(num - 1).lower == "the"sv || Tok(num - 1).lower == "all"sv);
  bool object = num > begin_ && Tok(num - 1).Is(kAlpha) && !definite &&
                !Tok(num - 1).Has(kWcNameStop);
  if (!definite && !object) return false;
  st_->limit_sentence = sentence_;
  st_->limit_token = num;
  std::string prefix = std::string(n.lower) + " ";
  int id = st_->Recent([&](const Entity& e) {
    return e.kind == ActorKind::kGroup &&
           (AsciiLower(e.name) == n.lower || StartsWith(AsciiLower(e.name), prefix));
  }, false);
  if (id < 0 && definite) return false;
  if (id < 0) {
    Entity proto;
    proto.kind = ActorKind::kGroup;
    proto.plural = true;
    proto.family = n.lower;
    proto.name = n.text;
    id = st_->KeyedEntity("g:" + std::string(n.lower), proto);
  }
  EmitOne(definite ? num - 1 : num, num + 1, id, definite ? RefKind::kDescription : RefKind::kName);
  return true;
}

// "Guinea-Bissau's coup leaders", "renegade soldiers", "mutinous troops".
bool SentenceAnalyzer::UnnumberedGroup(uint32_t start) {
  if (used_[start - begin_]) return false;
  if (!Tok(start).Is(kCapitalized) && !Tok(start).Has(kWcMarkedModifier)) return false;
  uint32_t j = start;
  std::vector<std::pair<int, const Atom*>> inner;
  std::string country;
  // A country's possessive first.
  size_t ai = AtomAt(j);
  if (ai != static_cast<size_t>(-1) && !CountryIsoOf(atoms_[ai]).empty() &&
      atoms_[ai].last + 1 < end_ && IsPossessiveToken(Tok(atoms_[ai].last))) {
    country = CountryIsoOf(atoms_[ai]);
    j = atoms_[ai].last + 1;
  }
  bool marked = false;
  uint32_t h = j;
  while (h < end_ && h < j + 2 && Tok(h).Is(kAlpha) && !Tok(h).Is(kCapitalized) &&
         !Tok(h).Has(kWcGroupNoun)) {
    marked = marked || Tok(h).Has(kWcMarkedModifier);
    ++h;
  }
  if (h >= end_ || h == j || !Tok(h).Has(kWcGroupNoun) || Tok(h).Has(kWcStateNoun)) {
    return false;
  }
  if (!marked && country.empty()) return false;
  if (!Free(start, h + 1)) return false;
  if (start > begin_ && (Tok(start - 1).lower == "the"sv || Tok(start - 1).lower == "these"sv)) {
    return false;  // handled as a description
  }
  Entity proto;
  proto.kind = ActorKind::kGroup;
  proto.plural = true;
  proto.family = Tok(h).lower;
  proto.country = country;
  proto.name = TokenSurface(seg_.tokens, start, h + 1);
  // "the coup leaders" earlier and "Guinea-Bissau's coup leaders" now: one set.
  std::string lower_name = AsciiLower(proto.name);
  int id = st_->Recent([&](const Entity& e) {
    if (e.kind != ActorKind::kGroup || e.family != proto.family) return false;
    if (!country.empty() && !e.country.empty()) return e.country == country;
    std::string en = AsciiLower(e.name);
    return lower_name.size() >= en.size() && lower_name.compare(lower_name.size() - en.size(), en.size(), en) == 0;
  }, false);
  if (id < 0) id = st_->KeyedEntity("g:" + AsciiLower(proto.name), proto);
  EmitOne(start, h + 1, id, RefKind::kName);
  return true;
}

void SentenceAnalyzer::FindOrganizations() {
  for (size_t k = 0; k < atoms_.size(); ++k) {
    const Atom& a = atoms_[k];
    if (a.type != AtomType::kProper || !Tok(a.last - 1).Has(kWcOrgHead)) continue;
    if (!Free(a.first, a.last)) continue;
    size_t first_atom = k;
    std::vector<std::string> countries;
    while (first_atom > 0) {
      const Atom& p = atoms_[first_atom - 1];
      bool hyphen = p.type == AtomType::kWord && Tok(p.first).text == "-"sv &&
                    !Tok(p.first).Is(kSpaceBefore);
      std::string iso = CountryIsoOf(p);
      if (!hyphen && iso.empty()) break;
      if (!iso.empty()) countries.push_back(iso);
      --first_atom;
    }
    while (first_atom < k && atoms_[first_atom].type == AtomType::kWord) ++first_atom;
    uint32_t first = atoms_[first_atom].first;
    Entity e;
    e.kind = ActorKind::kOrganization;
    e.name = TokenSurface(seg_.tokens, first, a.last);
    if (countries.size() == 1) {
      e.country = countries.front();
      e.cameo = e.country + "GOV";
    }
    int id = st_->KeyedEntity("org:" + AsciiLower(e.name), e);
    EmitOne(first, a.last, id, RefKind::kName);
  }
}

void SentenceAnalyzer::FindGroups() {
  for (uint32_t j = begin_; j < end_; ++j) {
    if (used_[j - begin_]) continue;
    const Token& t = Tok(j);
    if (t.Has(kWcNumberWord) && !IsYear(t)) {
      Group(j);
      continue;
    }
    // "these officials", "the diplomats", "these PLA officers": an earlier group.
    if (t.lower == "these"sv || t.lower == "those"sv || t.lower == "the"sv) {
      uint32_t h = j + 1;
      bool lower_mods = false;
      while (h < end_ && h < j + 5 && !Tok(h).Has(kWcGroupNoun) &&
             (Tok(h).Is(kCapitalized) || Tok(h).text == "-"sv ||
              (Tok(h).Is(kAlpha) && Tok(h).Has(kWcTitleAdjective)) ||
              (Tok(h).lower == "and"sv && h > j + 1)) &&
             Free(h, h + 1)) {
        if (!Tok(h).Is(kCapitalized) && Tok(h).text != "-"sv) lower_mods = true;
        ++h;
      }
      if (h >= end_ || !Tok(h).Has(kWcGroupNoun) || !Free(j + 1, h + 1)) continue;
      if (h + 1 < end_ && IsPossessiveToken(Tok(h + 1))) continue;
      std::string_view head = Tok(h).lower;
      bool demonstrative = t.lower != "the"sv;
      st_->limit_sentence = sentence_;
      st_->limit_token = j;
      int g = st_->Recent([&](const Entity& e) {
        return e.kind == ActorKind::kGroup && (e.family == head || demonstrative);
      }, false);
      if (g >= 0) {
        EmitOne(j, h + 1, g, RefKind::kDescription);
      } else if (lower_mods && !Tok(h).Has(kWcStateNoun) && t.lower == "the"sv &&
                 (h >= j + 3 || Tok(h - 1).Has(kWcMarkedModifier))) {
        // "the political and military figures": a new, described group.
        Entity proto;
        proto.kind = ActorKind::kGroup;
        proto.plural = true;
        proto.family = head;
        proto.name = TokenSurface(seg_.tokens, j + 1, h + 1);
        EmitOne(j, h + 1, st_->KeyedEntity("g:" + AsciiLower(proto.name), proto), RefKind::kName);
      }
      continue;
    }
    UnnumberedGroup(j);
  }
}

bool SentenceAnalyzer::Group(uint32_t num) {
  uint32_t k = num + 1;
  if (Tok(num).lower == "both"sv && k < end_ && (Tok(k).lower == "these"sv || Tok(k).lower == "those"sv)) {
    ++k;
  }
  uint32_t g = 0;
  for (uint32_t steps = 0; k < end_ && steps < 8; ++k, ++steps) {
    const Token& t = Tok(k);
    if (used_[k - begin_]) return false;
    if (t.Has(kWcGroupNoun) && !(k + 1 < end_ && IsPossessiveToken(Tok(k + 1)))) {
      g = k;
      break;
    }
    size_t pa = AtomAt(k);
    if (pa != static_cast<size_t>(-1) && atoms_[pa].type == AtomType::kPeople && k == num + 1) {
      g = k;  // "two Canadians", "Thirteen Russians"
      break;
    }
    static constexpr std::string_view kStops[] = {"of", "and", "the", "to", "in", "on", "at", "for",
                                         "with", "by", "from", "a", "an", "was", "were", "is",
                                         "are", "have", "has", "had", "said", "years", "days",
                                         "percent", "per", "million", "billion", "hours"};
    bool stop = t.Is(kPunct) && t.text != "-"sv && t.lower != "'s"sv && !t.Is(kQuote);
    for (std::string_view w : kStops) stop = stop || t.lower == w;
    if (stop) break;
  }
  if (g == 0) return BareNumberGroup(num);
  std::string_view noun = Tok(g).lower;
  bool pair_word = noun == "leaders"sv || noun == "sides"sv || noun == "countries"sv ||
                   noun == "nations"sv || noun == "governments"sv || noun == "presidents"sv ||
                   noun == "ministers"sv || noun == "states"sv;
  if (pair_word && (Tok(num).lower == "two"sv || Tok(num).lower == "both"sv) && g == num + 1) {
    return false;  // "the two leaders", "both sides": the pair named before
  }
  uint32_t end = g + 1;
  bool opened = false;
  for (uint32_t q = num; q < g; ++q) opened = opened || Tok(q).Is(kQuote);
  if (opened && end < end_ && Tok(end).Is(kQuote)) ++end;  // 23 diplomat 'spies'
  if (end + 1 < end_ && Tok(end).lower == "of"sv) {
    uint32_t m = end + 1;
    if (Tok(m).lower == "the"sv && m + 1 < end_) ++m;
    uint32_t start = m;
    while (m < end_ && m < start + 6) {
      const Token& t = Tok(m);
      bool ok = (t.Is(kCapitalized) && t.Is(kAlpha)) || (t.text == "-"sv && !t.Is(kSpaceBefore)) ||
                t.lower == "'s"sv || t.lower == "military"sv || t.lower == "army"sv ||
                t.lower == "government"sv || t.lower == "embassy"sv || t.lower == "mission"sv ||
                t.lower == "navy"sv || t.lower == "police"sv;
      if (!ok) break;
      ++m;
    }
    if (m > start) end = m;
  }
  // Country and CAMEO code from what is named inside.
  Entity proto;
  proto.kind = ActorKind::kGroup;
  proto.plural = true;
  proto.family = Tok(g).lower;
  std::vector<std::pair<int, const Atom*>> inner;
  for (const Atom& a : atoms_) {
    if (a.first < num || a.last > end) continue;
    std::string iso = CountryIsoOf(a);
    if (!iso.empty() && proto.country.empty()) {
      proto.country = iso;
      int ci = st_->dict().CountryIndex(iso);
      proto.cameo = ci >= 0 ? st_->dict().actors()[static_cast<size_t>(ci)].cameo : iso;
    } else if (a.type == AtomType::kActor) {
      const DictActor& d = st_->dict().actors()[static_cast<size_t>(a.index)];
      if (d.kind == ActorKind::kOrganization && proto.cameo.size() <= 3) {
        proto.cameo = d.cameo;
        if (!d.country.empty()) proto.country = d.country;
      }
      if (d.kind == ActorKind::kOrganization) inner.push_back({st_->DictEntity(a.index), &a});
    }
  }
  if (inner.empty()) {
    // "two Canadians", "35 Russian diplomats": the group belongs to its state.
    for (const Atom& a : atoms_) {
      if (a.first >= num && a.last <= end && !CountryIsoOf(a).empty()) {
        inner.push_back({CountryEntityOf(a), &a});
        break;
      }
    }
  }
  proto.name = TokenSurface(seg_.tokens, num, end);
  bool definite = num > begin_ && (Tok(num - 1).lower == "the"sv || Tok(num - 1).lower == "these"sv ||
                                   Tok(num - 1).lower == "those"sv);
  int id = -1;
  if (definite || Tok(num).lower == "both"sv) {
    id = st_->Recent([&](const Entity& e) {
      return e.kind == ActorKind::kGroup && e.family == proto.family;
    }, false);
  }
  if (id < 0 && (Tok(num).Is(kNumeric) || definite)) {
    // "23 Russian diplomats" and "23 Russian diplomat spies" are one group.
    std::string prefix = std::string(Tok(num).text) + " ";
    id = st_->Recent([&](const Entity& e) {
      return e.kind == ActorKind::kGroup && StartsWith(e.name, prefix);
    }, false);
  }
  if (id < 0) id = st_->KeyedEntity("g:" + AsciiLower(proto.name), proto);
  NoteAffiliations(id, inner);
  EmitOne(num, end, id, RefKind::kName);
  return true;
}

void SentenceAnalyzer::NoteAffiliations(int group, const std::vector<std::pair<int, const Atom*>>& inner) {
  for (const auto& [org, atom] : inner) {
    Entity& o = st_->entities()[static_cast<size_t>(org)];
    o.inner_mentions.push_back({sentence_, atom->first, atom->last});
    st_->Note(org, sentence_, atom->first, false, TokenSurface(seg_.tokens, atom->first, atom->last));
    Entity& g = st_->entities()[static_cast<size_t>(group)];
    if (std::find(g.affiliations.begin(), g.affiliations.end(), org) == g.affiliations.end()) {
      g.affiliations.push_back(org);
    }
  }
}

}  // namespace diplograph
