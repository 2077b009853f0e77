// Noun phrases that name actors: titles and names, organs, metonyms,
// pronouns and definite descriptions.
#include <algorithm>

#include "diplograph/core/strings.h"
#include "mention/analyzer.h"
#include "diplograph/segment/word_class.h"

using namespace std::string_view_literals;

namespace diplograph {

namespace {

bool Contains(const std::string& hay, std::string_view needle) {
  return AsciiLower(hay).find(needle) != std::string::npos;
}


}  // namespace

std::string SentenceAnalyzer::CountryIsoOf(const Atom& a) const {
  if (a.index < 0) return "";
  const DictActor& d = st_->dict().actors()[static_cast<size_t>(a.index)];
  switch (a.type) {
    case AtomType::kCapital:
    case AtomType::kSeat:
    case AtomType::kPeople:
    case AtomType::kAdjective:
      return d.country;
    case AtomType::kActor:
      return d.kind == ActorKind::kCountry ? d.country : "";
    default:
      return "";
  }
}

int SentenceAnalyzer::CountryEntityOf(const Atom& a) {
  if (a.index < 0) return -1;
  switch (a.type) {
    case AtomType::kCapital:
    case AtomType::kSeat:
    case AtomType::kPeople:
    case AtomType::kAdjective:
      return st_->DictEntity(a.index);
    case AtomType::kActor:
      if (st_->dict().actors()[static_cast<size_t>(a.index)].kind == ActorKind::kCountry) {
        return st_->DictEntity(a.index);
      }
      return -1;
    default:
      return -1;
  }
}

size_t SentenceAnalyzer::Pronoun(size_t k) {
  const Atom& a = atoms_[k];
  if (a.type != AtomType::kWord) return k;
  st_->limit_sentence = sentence_;
  st_->limit_token = a.first;
  // Most words start no pronoun phrase: one bit test instead of the word
  // comparisons below, all of which would fail.
  if (!Tok(a.first).Has(kWcPronounLead)) return k;
  std::string_view w = Tok(a.first).lower;
  auto& ents = st_->entities();
  auto person = [&](const char* not_gender) {
    return [&, not_gender](const Entity& e) {
      return e.kind == ActorKind::kPerson && e.gender != not_gender;
    };
  };
  int e = -1;
  if (w == "he"sv || w == "him"sv || w == "his"sv || w == "himself"sv) {
    e = st_->Recent(person("f"), w == "he"sv);
  } else if (w == "she"sv || w == "her"sv || w == "hers"sv || w == "herself"sv) {
    e = st_->Recent(person("m"), w == "she"sv);
  } else if (w == "it"sv || w == "its"sv || w == "itself"sv) {
    // "it" after a verb is an object: the nearest antecedent that is not the
    // sentence's subject; a subject "it" prefers earlier subjects.
    std::string_view before = a.first > begin_ ? std::string_view(Tok(a.first - 1).lower) : "";
    bool object = w == "it"sv && a.first > begin_ && Tok(a.first - 1).Is(kAlpha) &&
                  before != "that"sv && before != "and"sv && before != "but"sv &&
                  before != "because"sv && before != "as"sv && before != "if"sv && before != "when"sv &&
                  !words::IsSpeechVerb(before) && before != "says"sv && before != "said"sv;
    int skip = -1;
    if (object) {
      // The subject of the verb before "it": after a comma the sentence's
      // subject ("A Cuts Ties With B, Accuses It"), else the nearest phrase.
      bool after_comma = a.first >= begin_ + 2 && Tok(a.first - 2).text == ","sv;
      const Ref* subject = nullptr;
      for (const Ref& r : out_->refs) {
        if (r.entities.empty() || r.kind == RefKind::kModifier || r.first >= a.first) continue;
        if (after_comma) {
          if (subject == nullptr || r.first < subject->first) subject = &r;
        } else if (subject == nullptr || r.first > subject->first) {
          subject = &r;
        }
      }
      if (subject != nullptr) skip = subject->entities.front();
    }
    e = st_->Recent([](const Entity& x) {
      return (x.kind == ActorKind::kOrganization || x.kind == ActorKind::kCountry) && !x.media;
    }, w == "it"sv && !object, skip);
  } else if (w == "they"sv || w == "them"sv || w == "their"sv || w == "themselves"sv) {
    std::vector<int> set = CoordinatedBefore(a.first);
    if (set.empty() && st_->last_set_sentence >= sentence_ - 2) set = st_->last_set;
    if (set.empty()) {
      int g = st_->Recent([](const Entity& x) { return x.kind == ActorKind::kGroup; }, false);
      if (g >= 0) set.push_back(g);
    }
    if (set.empty()) return k;
    Emit(a.first, a.last, set, RefKind::kPronoun);
    out_->refs.back().possessive = w == "their"sv;
    return k + 1;
  } else if ((w == "each"sv && TokIs(a.first + 1, "other")) ||
             (w == "one"sv && TokIs(a.first + 1, "another"))) {
    Ref r;
    r.first = a.first;
    r.last = a.first + 2;
    r.kind = RefKind::kPronoun;
    r.reflexive = true;
    r.possessive = a.first + 2 < end_ && IsPossessiveToken(Tok(a.first + 2));
    used_[a.first - begin_] = used_[a.first + 1 - begin_] = 1;
    out_->refs.push_back(r);
    return k + 2;
  } else if (w == "the"sv && a.first + 1 < end_ && PluralPeopleNoun(a.first + 1) > a.first + 1) {
    // "The ministers held talks": the two people just named.
    uint32_t n = PluralPeopleNoun(a.first + 1);
    std::vector<int> pair = CounterpartPair(Tok(n - 1).lower);
    if (pair.size() != 2) return k;
    Emit(a.first, n, pair, RefKind::kPronoun);
    return AtomAt(n) == static_cast<size_t>(-1) ? atoms_.size() : AtomAt(n);
  } else if ((w == "the"sv && TokIs(a.first + 1, "two")) || w == "both"sv) {
    uint32_t n = w == "both"sv ? a.first + 1 : a.first + 2;
    if (n >= end_) return k;
    std::string_view noun = Tok(n).lower;
    std::vector<int> set;
    if (noun == "sides"sv || noun == "countries"sv || noun == "nations"sv || noun == "governments"sv ||
        noun == "states"sv) {
      bool countries = st_->last_set.size() == 2 && st_->last_set_sentence >= sentence_ - 3;
      for (int x : st_->last_set) {
        if (ents[static_cast<size_t>(x)].kind != ActorKind::kCountry) countries = false;
      }
      set = countries ? st_->last_set : st_->TopCountries(2);
    } else if (noun == "leaders"sv || noun == "presidents"sv || noun == "ministers"sv ||
               (noun == "heads"sv && TokIs(n + 1, "of"))) {
      set = CounterpartPair(noun);
      if (noun == "heads"sv) n += 2;
    }
    if (set.size() != 2) return k;
    Emit(a.first, n + 1, set, RefKind::kPronoun);
    return AtomAt(n + 1) == static_cast<size_t>(-1) ? atoms_.size() : AtomAt(n + 1);
  }
  if (e < 0) return k;
  // "her government", "his administration": the person's state.
  if ((w == "his"sv || w == "her"sv || w == "their"sv) && a.last < end_ &&
      (Tok(a.last).lower == "government"sv || Tok(a.last).lower == "administration"sv ||
       Tok(a.last).lower == "country"sv)) {
    const Entity& p = st_->entities()[static_cast<size_t>(e)];
    int c = p.country.empty() ? -1 : st_->dict().CountryIndex(p.country);
    if (c >= 0) {
      EmitOne(a.first, a.last + 1, st_->DictEntity(c), RefKind::kDescription);
      return AtomAt(a.last + 1) == static_cast<size_t>(-1) ? atoms_.size() : AtomAt(a.last + 1);
    }
  }
  EmitOne(a.first, a.last, e, RefKind::kPronoun);
  if (w == "his"sv || w == "her"sv || w == "its"sv) {
    // "her" is also an object ("met her"); possessive before a noun or adjective.
    bool before_noun = a.last < end_ && Tok(a.last).Is(kAlpha) && !Tok(a.last).Has(kWcVerbLike);
    out_->refs.back().possessive = w != "her"sv || before_noun;
  }
  return k + 1;
}

// The two people "the ministers" / "the two leaders" refer to: people named
// before with the same title from two different states (a bilateral
// meeting's pair), else the two most recently named people.
std::vector<int> SentenceAnalyzer::CounterpartPair(std::string_view plural) const {
  std::string noun(plural);
  if (!noun.empty() && noun.back() == 's') noun.pop_back();
  const auto& ents = st_->entities();
  std::vector<int> recent;  // distinct people, most recent first
  for (auto it = st_->history().rbegin(); it != st_->history().rend(); ++it) {
    if (it->sentence == sentence_ && it->token >= st_->limit_token) continue;
    const Entity& e = ents[static_cast<size_t>(it->entity)];
    if (e.kind != ActorKind::kPerson) continue;
    if (std::find(recent.begin(), recent.end(), it->entity) == recent.end()) recent.push_back(it->entity);
  }
  auto title = [&](int e) {
    const Entity& x = ents[static_cast<size_t>(e)];
    for (const std::string& r : x.roles) {
      std::string l = AsciiLower(r);
      if (noun == "leader" || noun == "head" || l.find(noun) != std::string::npos) return l;
    }
    return std::string();
  };
  for (size_t i = 0; i < recent.size(); ++i) {
    std::string ti = title(recent[i]);
    if (ti.empty()) continue;
    for (size_t j = i + 1; j < recent.size(); ++j) {
      const Entity& a = ents[static_cast<size_t>(recent[i])];
      const Entity& b = ents[static_cast<size_t>(recent[j])];
      if (title(recent[j]) == ti && a.country != b.country) return {recent[j], recent[i]};
    }
  }
  if (recent.size() >= 2) return {recent[1], recent[0]};
  return {};
}

// The end of a plural word for office-holders starting at token i
// ("ministers", "foreign ministers", "leaders"), or i when there is none.
uint32_t SentenceAnalyzer::PluralPeopleNoun(uint32_t i) const {
  auto is_noun = [&](uint32_t t) { return t < end_ && Tok(t).Has(kWcOfficePlural); };
  if (is_noun(i)) return i + 1;
  if (i + 1 < end_ && Tok(i).Is(kAlpha) && !Tok(i).Is(kCapitalized) &&
      Tok(i).Has(kWcTitleAdjective) && is_noun(i + 1)) {
    return i + 2;  // "foreign ministers", "two leaders" is handled by "the two"
  }
  return i;
}

size_t SentenceAnalyzer::Description(size_t k) {
  const Atom& a = atoms_[k];
  if (a.type != AtomType::kWord || Tok(a.first).lower != "the"sv) return k;
  st_->limit_sentence = sentence_;
  st_->limit_token = a.first;
  bool at_start = a.first == begin_;
  // "the North", "the South"
  uint32_t n = a.first + 1;
  if (n < end_ && (Tok(n).text == "North"sv || Tok(n).text == "South"sv) &&
      !(n + 1 < end_ && Tok(n + 1).Is(kCapitalized))) {
    std::string prefix = std::string(Tok(n).text) + " ";
    for (size_t i = 0; i < st_->entities().size(); ++i) {
      const Entity& e = st_->entities()[i];
      if (e.kind == ActorKind::kCountry && StartsWith(e.name, prefix)) {
        EmitOne(a.first, n + 1, static_cast<int>(i), RefKind::kDescription);
        return k + 2;
      }
    }
    return k;
  }
  // the [up to three modifiers] NOUN
  for (uint32_t h = n; h < end_ && h < n + 4; ++h) {
    if (used_[h - begin_]) return k;
    size_t ai = AtomAt(h);
    if (ai == static_cast<size_t>(-1)) {
      // Inside a longer atom ("United Kingdom"): a name, not a description.
      for (const Atom& at : atoms_) {
        if (at.first < h && h < at.last && at.type != AtomType::kWord &&
            at.type != AtomType::kProper) {
          return k;
        }
      }
    } else if (atoms_[ai].type != AtomType::kWord && atoms_[ai].type != AtomType::kProper) {
      return k;
    }
    const Token& t = Tok(h);
    std::string_view w = t.lower;
    int e = -1;
    bool more = h + 1 < end_ && Tok(h + 1).Is(kAlpha) && !Tok(h + 1).Is(kCapitalized) &&
                (Tok(h + 1).lower == "of"sv || Tok(h + 1).Has(kWcOrgHead));
    if (more) continue;
    if (w == "ministry"sv) {
      e = st_->Recent([](const Entity& x) { return Contains(x.name, "ministry"); }, false);
    } else if (w == "bloc"sv || w == "body"sv || w == "alliance"sv || w == "organization"sv ||
               w == "organisation"sv || w == "union"sv || w == "grouping"sv) {
      e = st_->Recent([](const Entity& x) {
        return x.kind == ActorKind::kOrganization && StartsWith(x.cameo, "IGO");
      }, at_start);
    } else if (w == "council"sv || w == "commission"sv || w == "agency"sv || w == "department"sv ||
               w == "committee"sv || w == "court"sv) {
      e = st_->Recent([&](const Entity& x) {
        return x.kind == ActorKind::kOrganization && Contains(x.name, w);
      }, false);
    } else if (w == "country"sv || w == "nation"sv || w == "kingdom"sv || w == "state"sv ||
               w == "republic"sv || w == "island"sv || w == "emirate"sv || w == "government"sv) {
      // "they accused the Gulf state": not the states doing the accusing
      // (the subject, and the phrase just before the verb).
      std::vector<int> skip;
      const Ref* nearest = nullptr;
      for (const Ref& r : out_->refs) {
        if (r.entities.empty() || r.kind == RefKind::kModifier || r.first >= a.first) continue;
        if (skip.empty()) skip = r.entities;
        if (nearest == nullptr || r.first > nearest->first) nearest = &r;
      }
      if (nearest != nullptr) skip.insert(skip.end(), nearest->entities.begin(), nearest->entities.end());
      if (w == "government"sv) skip.clear();
      const auto& ents = st_->entities();
      e = st_->Recent([&](const Entity& x) {
        if (x.kind != ActorKind::kCountry) return false;
        for (int sk : skip) {
          if (&ents[static_cast<size_t>(sk)] == &x) return false;
        }
        return true;
      }, w == "government"sv);
    } else if (w == "administration"sv || (w == "team"sv && h > n && Tok(h - 1).lower == "administration"sv)) {
      e = st_->last_admin_country;
    } else if (t.Has(kWcRoleNoun) && !t.Is(kCapitalized)) {
      e = st_->Recent([&](const Entity& x) {
        if (x.kind != ActorKind::kPerson) return false;
        for (const auto& r : x.roles) {
          if (Contains(r, w)) return true;
        }
        return false;
      }, false);
    }
    if (e >= 0) {
      uint32_t last = h + 1;
      if (w == "administration"sv && TokIs(last, "team")) ++last;
      EmitOne(a.first, last, e, RefKind::kDescription);
      size_t next = AtomAt(last);
      return next == static_cast<size_t>(-1) ? atoms_.size() : next;
    }
    bool hyphen = t.text == "-"sv && !t.Is(kSpaceBefore);  // "the pan-African body"
    if ((!t.Is(kAlpha) && !hyphen) || t.Has(kWcNameStop)) return k;
  }
  return k;
}

int SentenceAnalyzer::OrganEntity(int country_entity, int organ_index) {
  const Dictionary& dict = st_->dict();
  const OrganInfo& organ = dict.organs()[static_cast<size_t>(organ_index)];
  const Entity& c = st_->entities()[static_cast<size_t>(country_entity)];
  int national = dict.NationalOrgan(c.country, organ.key);
  if (national >= 0) return st_->DictEntity(national);
  std::string canonical = organ.name;
  for (const OrganInfo& o : dict.organs()) {
    if (o.key == organ.key) {
      canonical = o.name;
      break;
    }
  }
  Entity e;
  e.kind = ActorKind::kOrganization;
  e.country = c.country;
  e.cameo = c.country + (organ.sector.empty() ? "GOV" : organ.sector);
  e.name = (c.dict >= 0 ? dict.CountryAdjective(c.dict) : c.name) + " " + canonical;
  e.state_body = true;
  e.id = Slugify(e.name);
  return st_->KeyedEntity("organ:" + c.country + "/" + organ.key, e);
}

int SentenceAnalyzer::PersonFromName(const Atom& name, int country_entity,
                                     const std::vector<int>& titles) {
  std::string surface = TokenSurface(seg_.tokens, name.first, name.last);
  if (name.last - name.first == 1) {
    int known = st_->PersonBySurname(surface);
    if (known >= 0) return known;
  }
  Entity e;
  e.kind = ActorKind::kPerson;
  e.name = surface;
  std::string sector = "GOV";
  for (int t : titles) {
    if (t < 0) continue;
    const TitleInfo& ti = st_->dict().titles()[static_cast<size_t>(t)];
    if (ti.honorific) {
      if (ti.title.rfind("Mr", 0) == 0) e.gender = "m";
      if (ti.title.rfind("Mrs", 0) == 0 || ti.title.rfind("Ms", 0) == 0) e.gender = "f";
      continue;
    }
    if (!ti.sector.empty()) sector = ti.sector;
    if (e.country.empty() && !ti.country.empty()) e.country = ti.country;
  }
  if (country_entity >= 0) e.country = st_->entities()[static_cast<size_t>(country_entity)].country;
  if (!e.country.empty()) e.cameo = e.country + sector;
  return st_->KeyedEntity("p:" + AsciiLower(surface), e);
}

size_t SentenceAnalyzer::Apposition(uint32_t after, int person) {
  if (after >= end_ || Tok(after).text != ","sv) return static_cast<size_t>(-1);
  uint32_t m = after + 1;
  bool role = false;
  std::string_view first = m < end_ ? std::string_view(Tok(m).lower) : "";
  bool relative = first == "who"sv || first == "whose"sv;
  while (m < end_ && m < after + 18 && Tok(m).text != ","sv && Tok(m).text != "."sv &&
         Tok(m).text != ";"sv) {
    size_t ai = AtomAt(m);
    if (ai != static_cast<size_t>(-1) && atoms_[ai].type == AtomType::kTitle) role = true;
    if (Tok(m).Has(kWcRoleNoun)) role = true;
    if (!used_[m - begin_] && (Tok(m).lower == "said"sv || Tok(m).lower == "says"sv)) return static_cast<size_t>(-1);
    ++m;
  }
  bool closed = m >= end_ || Tok(m).text == ","sv || Tok(m).text == "."sv;
  // A relative clause ("who arrived in Cairo") has verbs of its own: leave it.
  if (relative) return static_cast<size_t>(-1);
  if (!closed || !(role || relative) || m == after + 1) return static_cast<size_t>(-1);
  // Phrases found inside it before the main pass ("at Peking University")
  // belong to the apposition.
  for (size_t i = out_->refs.size(); i-- > 0;) {
    const Ref& r = out_->refs[i];
    if (r.first >= after && r.last <= m) {
      for (uint32_t t = r.first; t < r.last; ++t) used_[t - begin_] = 0;
      out_->refs.erase(out_->refs.begin() + static_cast<long>(i));
    }
  }
  if (!Free(after, m)) return static_cast<size_t>(-1);
  Entity& p = st_->entities()[static_cast<size_t>(person)];
  if (!relative) {
    uint32_t rs = after + 1;
    if (rs < m && (Tok(rs).lower == "a"sv || Tok(rs).lower == "an"sv || Tok(rs).lower == "the"sv)) ++rs;
    p.roles.push_back(TokenSurface(seg_.tokens, rs, m));
  }
  Emit(after, m, {person}, RefKind::kApposition);
  size_t next = AtomAt(m);
  return next == static_cast<size_t>(-1) ? atoms_.size() : next;
}

}  // namespace diplograph
