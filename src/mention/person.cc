// Titles, names and the modifiers before them: "US Secretary of Homeland
// Security Jeh Johnson", "China's foreign ministry", "the Chinese government".
#include <algorithm>

#include "diplograph/core/strings.h"
#include "mention/analyzer.h"
#include "diplograph/segment/word_class.h"

using namespace std::string_view_literals;

namespace diplograph {

namespace {

constexpr size_t kNone = static_cast<size_t>(-1);

bool HasOrgHead(const std::vector<Token>& toks, uint32_t first, uint32_t last) {
  for (uint32_t i = first; i < last; ++i) {
    if (toks[i].Has(kWcOrgHead | kWcOccasionHead)) {
      return true;
    }
  }
  return false;
}

}  // namespace

// Titles from atom k on; returns the first atom after them.
struct TitleRun {
  std::vector<int> titles;         // title indices (-1 for role nouns)
  std::vector<std::string> texts;  // their surfaces
  bool honorific_only = true;
  bool official = false;  // ends in "official(s)"
};

size_t SentenceAnalyzer::Nominal(size_t k) {
  // Most atoms are plain words that start none of the phrases below: a word
  // is no modifier, so only "the", a role noun or a lower-case adjective
  // before a title can lead one.
  if (atoms_[k].type == AtomType::kWord) {
    const Token& t = Tok(atoms_[k].first);
    bool adjective = t.Has(kWcTitleAdjective) && t.Is(kAlpha) && !t.Is(kCapitalized);
    if (!adjective && !t.Has(kWcRoleNoun) && t.lower != "the"sv) return k;
  }
  const Dictionary& dict = st_->dict();
  size_t p = k;
  uint32_t start = atoms_[k].first;
  if (atoms_[p].type == AtomType::kWord && Tok(atoms_[p].first).lower == "the"sv &&
      p + 1 < atoms_.size()) {
    ++p;
  }
  auto atom_word = [&](size_t i) -> std::string_view {
    return i < atoms_.size() ? Tok(atoms_[i].first).lower : std::string_view();
  };
  auto atom_has = [&](size_t i, uint32_t word_class) {
    return i < atoms_.size() && Tok(atoms_[i].first).Has(word_class);
  };
  auto free_atom = [&](size_t i) { return i < atoms_.size() && Free(atoms_[i].first, atoms_[i].last); };
  // 1. A modifier: country (or capital, demonym) or organisation, maybe possessive.
  int mod_country = CountryEntityOf(atoms_[p]);
  int mod_org = -1;
  size_t q = p;
  if (mod_country >= 0) {
    q = p + 1;
  } else if (atoms_[p].type == AtomType::kActor &&
             dict.actors()[static_cast<size_t>(atoms_[p].index)].kind == ActorKind::kOrganization) {
    mod_org = st_->DictEntity(atoms_[p].index);
    q = p + 1;
  }
  bool poss = false;
  if (q > p && q < atoms_.size() && IsPossessiveToken(Tok(atoms_[q].first))) {
    poss = true;
    ++q;
  }
  // 2. An organ of that country: "China's foreign ministry".
  // "U.S. federal prosecutors": an adjective between the state and its organ.
  if (mod_country >= 0 && q + 1 < atoms_.size() && free_atom(q) && atoms_[q].type == AtomType::kWord &&
      atom_has(q, kWcTitleAdjective) && !Tok(atoms_[q].first).Is(kCapitalized) &&
      atoms_[q + 1].type == AtomType::kOrgan) {
    ++q;
  }
  bool state_organ = free_atom(q) && atoms_[q].type == AtomType::kOrgan &&
                     dict.organs()[static_cast<size_t>(atoms_[q].index)].key == "government"sv;
  if (mod_country >= 0 && free_atom(q) && atoms_[q].type == AtomType::kOrgan && !state_organ) {
    int org = OrganEntity(mod_country, atoms_[q].index);
    EmitOne(start, atoms_[q].last, org, RefKind::kName);
    return q + 1;
  }
  // "the Somali capital": the country, as a place.
  if (mod_country >= 0 && free_atom(q) && atoms_[q].type == AtomType::kWord &&
      atom_word(q) == "capital"sv) {
    EmitOne(start, atoms_[q].last, mod_country, RefKind::kName);
    return q + 1;
  }
  // 3. The state itself: "the Chinese government", "the US side".
  bool people_noun = free_atom(q) && atoms_[q].type == AtomType::kWord &&
                     atom_has(q, kWcGroupNoun) && !poss &&
                     !(q + 1 < atoms_.size() && IsPossessiveToken(Tok(atoms_[q + 1].first)));
  if (mod_country >= 0 && free_atom(q) &&
      (state_organ || people_noun ||
       (atoms_[q].type == AtomType::kWord && atom_has(q, kWcStateNoun)))) {
    uint32_t last = atoms_[q].last;
    if (Tok(last - 1).lower == "administration"sv && last < end_ && Tok(last).lower == "team"sv) ++last;
    EmitOne(start, last, mod_country, RefKind::kName);
    return AtomAt(last) == kNone ? atoms_.size() : AtomAt(last);
  }
  // 4. Titles.
  TitleRun tr;
  size_t r = q;
  while (r < atoms_.size() && free_atom(r)) {
    const Atom& a = atoms_[r];
    std::string_view w = atom_word(r);
    if (a.type == AtomType::kTitle) {
      tr.titles.push_back(a.index);
      tr.texts.push_back(TokenSurface(seg_.tokens, a.first, a.last));
      if (!dict.titles()[static_cast<size_t>(a.index)].honorific) tr.honorific_only = false;
      ++r;
    } else if (a.type == AtomType::kProper && a.last - a.first == 1 && r + 1 < atoms_.size() &&
               atoms_[r + 1].type == AtomType::kTitle) {
      ++r;  // "Defence Cabinet Secretary": a portfolio before a title
    } else if (a.type == AtomType::kWord && Tok(a.first).Has(kWcRoleNoun)) {
      tr.titles.push_back(-1);
      tr.texts.emplace_back(Tok(a.first).text);
      tr.honorific_only = false;
      tr.official = w == "official"sv || w == "officials"sv;
      ++r;
    } else if (a.type == AtomType::kWord && !tr.titles.empty() && w == "and"sv && r + 1 < atoms_.size() &&
               (atoms_[r + 1].type == AtomType::kTitle ||
                (atoms_[r + 1].type == AtomType::kWord && atom_has(r + 1, kWcRoleNoun)))) {
      ++r;
    } else if (a.type == AtomType::kWord && Tok(a.first).Is(kAlpha) && !Tok(a.first).Is(kCapitalized) &&
               Tok(a.first).Has(kWcTitleAdjective) && r + 1 < atoms_.size() && (r + 1 - q) <= 2 &&
               ((atoms_[r + 1].type == AtomType::kWord && atom_has(r + 1, kWcRoleNoun)) ||
                (atoms_[r + 1].type == AtomType::kTitle && !Tok(atoms_[r + 1].first).Is(kCapitalized)) ||
                (r + 2 < atoms_.size() && atoms_[r + 2].type == AtomType::kWord &&
                 atom_has(r + 2, kWcRoleNoun) && atoms_[r + 1].type == AtomType::kWord))) {
      ++r;  // "national security adviser", "top diplomacy official"
    } else {
      break;
    }
  }
  bool titled = !tr.titles.empty();
  // "ambassador to the UN" / "envoy to the United Nations": affiliation.
  if (titled && r < atoms_.size() && (atom_word(r) == "to"sv || atom_word(r) == "at"sv)) {
    size_t s = r + 1;
    if (atom_word(s) == "the"sv) ++s;
    if (s < atoms_.size() && atoms_[s].type == AtomType::kActor && s + 1 <= atoms_.size() &&
        (s + 1 == atoms_.size() || atom_word(s + 1) == ","sv)) {
      tr.texts.back() += " to " + TokenSurface(seg_.tokens, atoms_[s].first, atoms_[s].last);
      r = s + 1;
    }
  }
  // 5. The name after the titles.
  if (r < atoms_.size() && free_atom(r) && (titled || mod_country >= 0 || mod_org >= 0)) {
    const Atom& n = atoms_[r];
    int person = -1;
    if (n.type == AtomType::kActor &&
        dict.actors()[static_cast<size_t>(n.index)].kind == ActorKind::kPerson) {
      person = st_->DictEntity(n.index);
    } else if (tr.honorific_only && n.type == AtomType::kWord && Tok(n.first).Is(kCapitalized) &&
               Tok(n.first).Is(kAlpha)) {
      person = PersonFromName(n, mod_country, tr.titles);  // "Mrs May": May is also a month
    } else if (n.type == AtomType::kProper && (titled) && n.last - n.first <= 4 &&
               !HasOrgHead(seg_.tokens, n.first, n.last)) {
      person = PersonFromName(n, mod_country, tr.titles);
    }
    if (person >= 0 && (titled || n.type == AtomType::kActor)) {
      if (mod_country >= 0 && !titled) {
        // "Chinese Xi Jinping" is rare; treat the country as a modifier.
        EmitOne(atoms_[p].first, atoms_[p].last, mod_country, RefKind::kModifier);
        start = n.first;
      }
      if (mod_org >= 0 && !titled) return k;
      Entity& pe = st_->entities()[static_cast<size_t>(person)];
      for (const std::string& t : tr.texts) {
        if (!tr.honorific_only && std::find(pe.roles.begin(), pe.roles.end(), t) == pe.roles.end()) {
          pe.roles.push_back(t);
        }
      }
      for (int t : tr.titles) {
        if (t >= 0 && dict.titles()[static_cast<size_t>(t)].honorific && pe.gender.empty()) {
          const std::string& h = dict.titles()[static_cast<size_t>(t)].title;
          pe.gender = (h.rfind("Mrs", 0) == 0 || h.rfind("Ms", 0) == 0) ? "f" : "m";
        }
      }
      if (n.last < end_ && Tok(n.last).lower == "administration"sv) {
        int c = pe.country.empty() ? -1 : st_->dict().CountryIndex(pe.country);
        if (c >= 0) {
          int ce = st_->DictEntity(c);
          st_->last_admin_country = ce;
          EmitOne(start, n.last + 1, ce, RefKind::kName);
          return AtomAt(n.last + 1) == kNone ? atoms_.size() : AtomAt(n.last + 1);
        }
      }
      EmitOne(start, n.last, person, RefKind::kName);
      // The state or body named before the title ("Turkish Foreign Minister",
      // "AU Peace and Security Council chief") is mentioned too, though it
      // acts through its official; it counts for "the two sides" later.
      for (int mod : {mod_country, mod_org}) {
        if (mod < 0) continue;
        Entity& me = st_->entities()[static_cast<size_t>(mod)];
        me.inner_mentions.push_back({sentence_, atoms_[p].first, atoms_[p].last});
        st_->Note(mod, sentence_, start, false, TokenSurface(seg_.tokens, atoms_[p].first, atoms_[p].last));
      }
      size_t after = Apposition(n.last, person);
      return after == kNone ? r + 1 : after;
    }
  }
  // 6. Title first, name in apposition: "the US ambassador to the UN, Susan Rice,".
  if (titled && !tr.honorific_only && r + 1 < atoms_.size() && atom_word(r) == ","sv &&
      free_atom(r + 1)) {
    const Atom& n = atoms_[r + 1];
    bool closes = n.last >= end_ || Tok(n.last).text == ","sv || Tok(n.last).text == "."sv ||
                  Tok(n.last).lower == "and"sv;
    int person = -1;
    if (closes && n.type == AtomType::kActor &&
        dict.actors()[static_cast<size_t>(n.index)].kind == ActorKind::kPerson) {
      person = st_->DictEntity(n.index);
    } else if (closes && n.type == AtomType::kProper && n.last - n.first <= 4 &&
               !HasOrgHead(seg_.tokens, n.first, n.last)) {
      person = PersonFromName(n, mod_country, tr.titles);
    }
    if (person >= 0) {
      Entity& pe = st_->entities()[static_cast<size_t>(person)];
      for (const std::string& t : tr.texts) pe.roles.push_back(t);
      if (mod_country >= 0 && pe.country.empty()) {
        pe.country = st_->entities()[static_cast<size_t>(mod_country)].country;
      }
      uint32_t last = n.last;
      EmitOne(start, last, person, RefKind::kName);
      if (last < end_ && Tok(last).text == ","sv) {
        used_[last - begin_] = 1;
        ++last;
      }
      return AtomAt(last) == kNone ? atoms_.size() : AtomAt(last);
    }
  }
  // 7. A title with no name: an official of that country, or an office-holder.
  if (titled && !tr.honorific_only) {
    uint32_t last = atoms_[r - 1].last;
    if (mod_country >= 0 && tr.official) {
      EmitOne(start, last, mod_country, RefKind::kName);
      return r;
    }
    std::string iso = mod_country >= 0 ? st_->entities()[static_cast<size_t>(mod_country)].country : "";
    for (int t : tr.titles) {
      if (t < 0 || iso.empty()) continue;
      const TitleInfo& ti = dict.titles()[static_cast<size_t>(t)];
      int holder = ti.role.empty() ? -1 : dict.OfficeHolder(ti.role, iso, st_->date());
      if (holder >= 0) {
        EmitOne(start, last, st_->DictEntity(holder), RefKind::kDescription);
        return r;
      }
    }
    // "the South Korean minister", "Somalia's defence minister": a person of
    // that country already named with such a role.
    std::string role = AsciiLower(tr.texts.back());
    std::string noun = role.substr(role.rfind(' ') == std::string::npos ? 0 : role.rfind(' ') + 1);
    st_->limit_sentence = sentence_;
    st_->limit_token = start;
    int known = st_->Recent([&](const Entity& e) {
      if (e.kind != ActorKind::kPerson || (!iso.empty() && e.country != iso)) return false;
      for (const std::string& rr : e.roles) {
        if (AsciiLower(rr).find(noun) != std::string::npos) return true;
      }
      return false;
    }, false);
    if (known >= 0 && (!iso.empty() || p > k)) {
      EmitOne(start, last, known, RefKind::kDescription);
      return r;
    }
    // "Somalia's defence minister": an office-holder the text does not name.
    bool office = false;
    for (int t : tr.titles) office = office || (t >= 0 && !dict.titles()[static_cast<size_t>(t)].role.empty());
    bool counterpart = !tr.texts.empty() && AsciiLower(tr.texts.back()) == "counterpart";
    // ("the Spanish ambassador": an envoy the text does not name.)
    bool envoy = !tr.texts.empty() && p > k &&
                 (AsciiLower(tr.texts.back()) == "ambassador" || AsciiLower(tr.texts.back()) == "envoy");
    if ((office && !iso.empty() && poss) || ((counterpart || envoy) && !iso.empty())) {
      Entity e;
      e.kind = ActorKind::kPerson;
      e.country = iso;
      e.name = TokenSurface(seg_.tokens, atoms_[p].first, last);
      e.roles.push_back(tr.texts.back());
      e.cameo = iso + "GOV";
      int id = st_->KeyedEntity("role:" + iso + "/" + AsciiLower(tr.texts.back()), e);
      EmitOne(start, last, id, RefKind::kName);
      return r;
    }
  }
  // 8. The modifier alone.
  auto adjective_atom = [](const Atom& x) { return x.type == AtomType::kAdjective; };
  if (mod_country >= 0) {
    const Atom& m = atoms_[p];
    bool adjective = m.type == AtomType::kAdjective;
    uint32_t after = m.last;
    bool noun_follows = after < end_ && Tok(after).Is(kAlpha) && !Tok(after).Is(kCapitalized) &&
                        !poss && !Tok(after).Has(kWcVerbLike) &&
                        Tok(after).Has(kWcTitleAdjective);
    if (noun_follows && !adjective_atom(m)) noun_follows = Tok(after).Has(kWcLikelyNoun);
    if (adjective) {
      bool the_people = p > k && !noun_follows;  // "the Chinese are ..."
      // "Chinese and US officials": the state noun after a coordination.
      bool coordinated = after + 1 < end_ && (Tok(after).text == ","sv || Tok(after).lower == "and"sv) &&
                         Tok(after + 1).Is(kCapitalized);
      for (uint32_t i = after; !coordinated && i < end_ && i < after + 5; ++i) {
        if (Tok(i).Has(kWcStateNoun)) {
          coordinated = Tok(after).lower == "and"sv || Tok(after).text == ","sv;
          break;
        }
      }
      EmitOne(the_people ? start : m.first, m.last, mod_country,
              (the_people || coordinated) ? RefKind::kName : RefKind::kModifier);
      return p + 1;
    }
    bool compound = (after < end_ && Tok(after).text == "-"sv && !Tok(after).Is(kSpaceBefore)) ||
                    (m.first > begin_ && Tok(m.first - 1).text == "-"sv && !Tok(m.first).Is(kSpaceBefore));
    EmitOne(m.first, m.last, mod_country,
            (compound || noun_follows) ? RefKind::kModifier : RefKind::kName);
    return p + 1;
  }
  if (mod_org >= 0) {
    EmitOne(atoms_[p].first, atoms_[p].last, mod_org, RefKind::kName);
    return p + 1;
  }
  // 9. A person named alone.
  const Atom& a = atoms_[p];
  if (a.type == AtomType::kActor) {
    int person = st_->DictEntity(a.index);
    if (a.last - a.first == 1 && dict.actors()[static_cast<size_t>(a.index)].kind == ActorKind::kPerson) {
      int known = st_->PersonBySurname(Tok(a.first).text);
      if (known >= 0) person = known;
    }
    if (a.last < end_ && Tok(a.last).lower == "administration"sv) {
      const Entity& pe = st_->entities()[static_cast<size_t>(person)];
      int c = pe.country.empty() ? -1 : dict.CountryIndex(pe.country);
      if (c >= 0) {
        int ce = st_->DictEntity(c);
        st_->last_admin_country = ce;
        EmitOne(p > k ? start : a.first, a.last + 1, ce, RefKind::kName);
        return AtomAt(a.last + 1) == kNone ? atoms_.size() : AtomAt(a.last + 1);
      }
    }
    EmitOne(a.first, a.last, person, RefKind::kName);
    size_t after = Apposition(a.last, person);
    return after == kNone ? p + 1 : after;
  }
  return k;
}

size_t SentenceAnalyzer::ProperName(size_t k) {
  const Atom& a = atoms_[k];
  if (a.type != AtomType::kProper) return k;
  uint32_t len = a.last - a.first;
  std::string surface = TokenSurface(seg_.tokens, a.first, a.last);
  if (HasOrgHead(seg_.tokens, a.first, a.last) && Tok(a.last - 1).Has(kWcOrgHead)) {
    Entity e;
    e.kind = ActorKind::kOrganization;
    e.name = surface;
    // "Pakistan High Commission": a country named just before.
    if (k > 0) {
      int c = CountryEntityOf(atoms_[k - 1]);
      if (c >= 0 && atoms_[k - 1].last == a.first) e.country = st_->entities()[static_cast<size_t>(c)].country;
    }
    if (!e.country.empty()) e.cameo = e.country + "GOV";
    int id = st_->KeyedEntity("org:" + AsciiLower(surface), e);
    EmitOne(a.first, a.last, id, RefKind::kName);
    return k + 1;
  }
  if (len == 1) {
    int known = st_->PersonBySurname(Tok(a.first).text);
    if (known >= 0) {
      EmitOne(a.first, a.last, known, RefKind::kName);
      return k + 1;
    }
    return k;
  }
  if (len > 4 || Tok(a.last - 1).Has(kWcPlaceHead)) return k;
  // "... Carlos Gomes Junior and Raimundo Pereira": coordinated with a person.
  bool coordinated = false;
  if (a.first >= 2 && Tok(a.first - 1).lower == "and"sv && !out_->refs.empty()) {
    const Ref& prev = out_->refs.back();
    coordinated = prev.last == a.first - 1 && prev.entities.size() == 1 &&
                  st_->entities()[static_cast<size_t>(prev.entities.front())].kind == ActorKind::kPerson;
  }
  bool apposition = a.last + 1 < end_ && Tok(a.last).text == ","sv &&
                    (Tok(a.last + 1).lower == "a"sv || Tok(a.last + 1).lower == "an"sv ||
                     Tok(a.last + 1).lower == "the"sv || Tok(a.last + 1).lower == "who"sv ||
                     Tok(a.last + 1).Has(kWcRoleNoun));
  bool speaks = a.last < end_ && Tok(a.last).Has(kWcSpeechVerb);
  bool quoted_by = a.first >= 2 && Tok(a.first - 1).lower == "said"sv ;
  if (!apposition && !speaks && !quoted_by && !coordinated) return k;
  int person = PersonFromName(a, -1, {});
  EmitOne(a.first, a.last, person, RefKind::kName);
  size_t after = Apposition(a.last, person);
  return after == kNone ? k + 1 : after;
}

}  // namespace diplograph
