// Token labelling and the per-document driver of the mention finder.
#include <algorithm>
#include <map>

#include "diplograph/core/strings.h"
#include "mention/analyzer.h"
#include "diplograph/segment/word_class.h"

using namespace std::string_view_literals;

namespace diplograph {

SentenceAnalyzer::SentenceAnalyzer(DocState* state, const Segmentation& seg, int sentence,
                                   SentenceRefs* out, AnalyzerScratch* scratch)
    : st_(state), seg_(seg), sentence_(sentence), out_(out), atoms_(scratch->atoms),
      atom_at_(scratch->atom_at), used_(scratch->used), scratch_(*scratch) {
  const Sentence& s = seg.sentences[static_cast<size_t>(sentence)];
  begin_ = s.first;
  end_ = s.last;
  atoms_.clear();
  atom_at_.clear();  // AtomAt() finds nothing until Label() has run
  used_.assign(end_ - begin_, 0);
}

void SentenceAnalyzer::Run() {
  MarkDateline();
  Label();
  prepass_ = true;
  FindOrganizations();
  FindPluralRoles();
  FindOccasions();
  FindGroups();
  prepass_ = false;
  MainPass();
  std::sort(out_->refs.begin(), out_->refs.end(),
            [](const Ref& a, const Ref& b) { return a.first < b.first; });
  std::vector<int> set = CoordinatedBefore(end_);
  if (!set.empty()) {
    st_->last_set = set;
    st_->last_set_sentence = sentence_;
  }
}

std::vector<int> SentenceAnalyzer::CoordinatedBefore(uint32_t pos) const {
  std::vector<const Ref*>& refs = scratch_.coordinated;
  refs.clear();
  for (const Ref& r : out_->refs) {
    if (r.last <= pos && !r.entities.empty() && !r.locative && !r.possessive &&
        (r.kind == RefKind::kName || r.kind == RefKind::kDescription)) {
      refs.push_back(&r);
    }
  }
  std::sort(refs.begin(), refs.end(), [](const Ref* a, const Ref* b) { return a->first < b->first; });
  std::vector<int> best;
  std::vector<int>& run = scratch_.run;
  run.clear();
  for (size_t i = 0; i < refs.size(); ++i) {
    bool joined = false;
    if (i > 0 && !run.empty()) {
      joined = refs[i - 1]->last <= refs[i]->first;
      bool saw = false;
      for (uint32_t t = refs[i - 1]->last; joined && t < refs[i]->first; ++t) {
        std::string_view w = Tok(t).lower;
        if (w == ","sv || w == "and"sv) saw = true;
        else if (w != "the"sv && w != "both"sv) joined = false;
      }
      joined = joined && saw;
    }
    if (!joined) {
      if (run.size() >= 2) best = run;
      run.clear();
    }
    for (int e : refs[i]->entities) {
      if (std::find(run.begin(), run.end(), e) == run.end()) run.push_back(e);
    }
  }
  if (run.size() >= 2) best = run;
  return best;
}

namespace {

int CuePriority(Cue c) {
  switch (c) {
    case Cue::kName: return 0;
    case Cue::kCapital: return 1;
    case Cue::kSeat: return 2;
    case Cue::kAdjective: return 3;
    case Cue::kPeople: return 4;
    case Cue::kTitle: return 5;
    case Cue::kOrgan: return 6;
  }
  return 9;
}

AtomType AtomTypeOf(Cue c) {
  switch (c) {
    case Cue::kName: return AtomType::kActor;
    case Cue::kCapital: return AtomType::kCapital;
    case Cue::kSeat: return AtomType::kSeat;
    case Cue::kPeople: return AtomType::kPeople;
    case Cue::kAdjective: return AtomType::kAdjective;
    case Cue::kTitle: return AtomType::kTitle;
    case Cue::kOrgan: return AtomType::kOrgan;
  }
  return AtomType::kWord;
}

bool IsTimePreposition(std::string_view w) {
  return w == "in"sv || w == "since"sv || w == "until"sv || w == "by"sv || w == "last"sv ||
         w == "next"sv || w == "early"sv || w == "late"sv || w == "mid"sv || w == "of"sv ||
         w == "this"sv || w == "from"sv || w == "through"sv || w == "before"sv || w == "after"sv;
}

}  // namespace

int SentenceAnalyzer::MatchDictionary(uint32_t i, Atom* atom) const {
  const Token& t0 = Tok(i);
  if (!t0.Is(kAlpha) && !t0.Is(kNumeric)) return 0;
  const Dictionary& dict = st_->dict();
  // "Presidents Obama and Xi": a plural title.
  if (t0.Is(kCapitalized) && t0.lower.size() > 3 && t0.lower.back() == 's' && i + 1 < end_ &&
      Tok(i + 1).Is(kCapitalized)) {
    if (const auto* titles = dict.Find(std::string(t0.lower.substr(0, t0.lower.size() - 1)))) {
      for (const GazetteerEntry& g : *titles) {
        if (g.cue == Cue::kTitle) {
          *atom = {i, i + 1, AtomType::kTitle, static_cast<int>(g.index)};
          return 1;
        }
      }
    }
  }
  uint32_t max_len = std::min<uint32_t>(static_cast<uint32_t>(dict.max_tokens()), end_ - i);
  // Walk the key prefixes forwards once, then try the hits longest first.
  // (hits[1..reach] are all set on the way; the rest is never read.)
  constexpr uint32_t kMaxSpan = 24;
  const std::vector<GazetteerEntry>* hits[kMaxSpan + 1];
  uint32_t reach = 0;
  uint64_t span = Dictionary::kSpanSeed;
  for (uint32_t len = 1; len <= max_len && len <= kMaxSpan; ++len) {
    span = Dictionary::SpanHash(span, Tok(i + len - 1).hash);
    bool longer = false;
    hits[len] = dict.FindSpan(seg_.tokens, i, len, span, &longer);
    if (hits[len] != nullptr) reach = len;
    if (!longer) break;
  }
  for (uint32_t len = reach; len >= 1; --len) {
    if (Tok(i + len - 1).Is(kPunct) && len > 1 && Tok(i + len - 1).text != "."sv) continue;
    const std::vector<GazetteerEntry>* entries = hits[len];
    if (entries == nullptr) continue;
    const GazetteerEntry* best = nullptr;
    std::string surface;
    for (const GazetteerEntry& e : *entries) {
      if (e.exact_case) {
        if (surface.empty()) surface = TokenSurface(seg_.tokens, i, i + len);
        if (surface != e.surface) continue;
      } else if (e.cue == Cue::kTitle || e.cue == Cue::kOrgan) {
        if (len == 1 && !t0.Is(kCapitalized) && !t0.Has(kWcRoleNoun) &&
            e.cue == Cue::kTitle) {
          continue;
        }
      } else if (!t0.Is(kCapitalized) &&
                 !(len > 2 && t0.Has(kWcNameParticle) && Tok(i + 2).Is(kCapitalized))) {
        continue;  // names are capitalised ("al-Shabaab" after its particle)
      }
      if (e.cue == Cue::kName && len == 1 &&
          dict.actors()[e.index].kind == ActorKind::kPerson && i > begin_ &&
          Tok(i - 1).Is(kCapitalized) && Tok(i - 1).Is(kAlpha) &&
          !Tok(i - 1).Has(kWcNameStop)) {
        continue;  // "Wang Dong": a surname inside another name
      }
      if (e.cue == Cue::kName && len == 1 &&
          dict.actors()[e.index].kind == ActorKind::kPerson && i + 1 < end_ &&
          Tok(i + 1).Is(kCapitalized) && Tok(i + 1).Is(kAlpha) &&
          !Tok(i + 1).Has(kWcNameStop) && !Tok(i + 1).Has(kWcVerbLike)) {
        continue;  // "Zhou Dongming": a longer name that starts like a known surname
      }
      if (e.cue == Cue::kName && len == 1 &&
          dict.actors()[e.index].kind == ActorKind::kPerson && t0.Has(kWcMonth)) {
        bool after_time = i > begin_ && IsTimePreposition(Tok(i - 1).lower);
        bool before_num = i + 1 < end_ && Tok(i + 1).Is(kNumeric);
        if (after_time || before_num) continue;
      }
      if (best == nullptr || CuePriority(e.cue) < CuePriority(best->cue)) best = &e;
    }
    if (best == nullptr) continue;
    atom->first = i;
    atom->last = i + len;
    atom->type = AtomTypeOf(best->cue);
    atom->index = static_cast<int>(best->index);
    return static_cast<int>(len);
  }
  return 0;
}

bool SentenceAnalyzer::ProperStart(uint32_t i) const {
  const Token& t = Tok(i);
  if (!t.Is(kCapitalized) || !t.Is(kAlpha) || t.Has(kWcNameStop) ||
      t.Has(kWcNumberWord) || t.Has(kWcVerbLike)) {
    return false;
  }
  const Sentence& s = seg_.sentences[static_cast<size_t>(sentence_)];
  if (s.title_case) return false;
  if (i == begin_ || (i > begin_ && Tok(i - 1).Is(kQuote) && i - 1 == begin_)) {
    // A capitalised first word is only a name when another follows it.
    if (!(i + 1 < end_ && Tok(i + 1).Is(kCapitalized) && Tok(i + 1).Is(kAlpha) &&
          !Tok(i + 1).Has(kWcNameStop))) {
      // "Tuya met ...": a surname of someone named earlier.
      return st_->PersonBySurname(t.text) >= 0;
    }
    // "Did Antony Blinken ...": a known full name starts at the next word.
    Atom probe;
    return MatchDictionary(i + 1, &probe) <= 1;
  }
  return true;
}

uint32_t SentenceAnalyzer::ExtendProper(uint32_t i) const {
  auto name_word = [&](uint32_t j) {
    const Token& t = Tok(j);
    return t.Is(kCapitalized) && t.Is(kAlpha) && !t.Has(kWcNameStop);
  };
  uint32_t j = i + 1;
  while (j < end_) {
    const Token& t = Tok(j);
    Atom probe;
    int probe_len = name_word(j) ? MatchDictionary(j, &probe) : 0;
    if (probe_len > 1 && probe.type == AtomType::kActor &&
        st_->dict().actors()[static_cast<size_t>(probe.index)].kind == ActorKind::kPerson) {
      break;  // a known person's name begins here
    }
    if (probe_len > 0 && probe.type == AtomType::kTitle) break;  // "... Cabinet Secretary Tuya"
    if (name_word(j)) {
      ++j;
      continue;
    }
    if (t.text == "-"sv && !t.Is(kSpaceBefore) && j + 1 < end_ && !Tok(j + 1).Is(kSpaceBefore) &&
        (name_word(j + 1) || Tok(j + 1).Is(kAlpha))) {
      j += 2;
      continue;
    }
    if ((t.Has(kWcNameParticle) && j + 1 < end_ && name_word(j + 1))) {
      j += 1;
      continue;
    }
    bool connector = t.lower == "of"sv || t.lower == "and"sv || t.lower == "for"sv ||
                     t.lower == "on"sv || t.lower == "&"sv;
    if (connector && j + 1 < end_) {
      uint32_t k = j + 1;
      if (Tok(k).lower == "the"sv && k + 1 < end_) ++k;
      uint32_t m = k;
      while (m < end_ && (name_word(m) || (Tok(m).text == "-"sv && m + 1 < end_))) ++m;
      if (m > k) {
        bool head = false;
        for (uint32_t q = i; q < m; ++q) {
          if (Tok(q).Has(kWcOrgHead | kWcOccasionHead)) {
            head = true;
          }
        }
        if (head) {
          j = m;
          continue;
        }
      }
    }
    break;
  }
  return j;
}

void SentenceAnalyzer::MarkDateline() {
  const Sentence& s = seg_.sentences[static_cast<size_t>(sentence_)];
  if (!s.paragraph_start || s.in_title) return;
  uint32_t limit = std::min<uint32_t>(end_, begin_ + 12);
  bool caps_start = Tok(begin_).Is(kAllCaps) && Tok(begin_).text.size() >= 3;
  bool agency = false;
  for (uint32_t i = begin_; i < limit; ++i) {
    const Token& t = Tok(i);
    if (t.text == "("sv && i + 2 < limit && Tok(i + 1).Is(kAllCaps) && Tok(i + 2).text == ")"sv) {
      agency = true;
    }
    bool sep = t.text == ":"sv || t.text == "-"sv || t.text == "--"sv || t.text == "---"sv;
    if (sep && (caps_start || agency)) {
      for (uint32_t k = begin_; k <= i; ++k) used_[k - begin_] = 1;
      return;
    }
  }
}

void SentenceAnalyzer::Label() {
  uint32_t i = begin_;
  while (i < end_) {
    Atom a;
    int len = used_[i - begin_] ? 0 : MatchDictionary(i, &a);
    if (len > 0) {
      atoms_.push_back(a);
      i += static_cast<uint32_t>(len);
      continue;
    }
    if (!used_[i - begin_] && ProperStart(i)) {
      uint32_t j = ExtendProper(i);
      atoms_.push_back({i, j, AtomType::kProper, -1});
      i = j;
      continue;
    }
    atoms_.push_back({i, i + 1, AtomType::kWord, -1});
    ++i;
  }
  atom_at_.assign(end_ - begin_ + 1, static_cast<uint32_t>(-1));
  for (size_t k = 0; k < atoms_.size(); ++k) {
    atom_at_[atoms_[k].first - begin_] = static_cast<uint32_t>(k);
  }
}

size_t SentenceAnalyzer::AtomAt(uint32_t token) const {
  if (token < begin_ || token >= end_ || atom_at_.empty()) return static_cast<size_t>(-1);
  uint32_t k = atom_at_[token - begin_];
  return k == static_cast<uint32_t>(-1) ? static_cast<size_t>(-1) : k;
}

void SentenceAnalyzer::Emit(uint32_t first, uint32_t last, std::vector<int> entities,
                            RefKind kind, bool note) {
  Ref r;
  r.first = first;
  r.last = last;
  r.kind = kind;
  if (last < end_ && (Tok(last).lower == "'s"sv || (Tok(last).text == "'"sv && !Tok(last).Is(kSpaceBefore)))) {
    r.possessive = true;
  }
  if (first > begin_) {
    std::string_view p = Tok(first - 1).lower;
    uint32_t q = first - 1;
    if (p == "the"sv && q > begin_) q = q - 1;
    std::string_view pp = Tok(q).lower;
    r.locative = pp == "in"sv || pp == "at"sv || pp == "from"sv || pp == "near"sv || pp == "outside"sv ||
                 pp == "inside"sv || pp == "across"sv || pp == "throughout"sv || pp == "within"sv ||
                 pp == "into"sv;
  }
  for (uint32_t i = first; i < last; ++i) used_[i - begin_] = 1;
  if (r.locative) {
    // Only places can be locations: countries and their capitals, not people or occasions.
    bool place = !entities.empty();
    for (int e : entities) {
      ActorKind k = st_->entities()[static_cast<size_t>(e)].kind;
      if (k != ActorKind::kCountry && k != ActorKind::kLocation) place = false;
    }
    r.locative = place;
  }
  if (note && kind != RefKind::kModifier && kind != RefKind::kApposition) {
    std::string surface = kind == RefKind::kPronoun ? "" : TokenSurface(seg_.tokens, first, last);
    bool at_start = first == begin_ || (first == begin_ + 1 && Tok(begin_).lower == "the"sv);
    bool speaker = last < end_ && Tok(last).Has(kWcSpeechVerb);
    bool early = first <= begin_ + 3 || (first > begin_ && Tok(first - 1).text == ","sv);
    bool subject = (!have_subject_ && !r.locative && early && (!prepass_ || at_start)) || speaker;
    for (int e : entities) st_->Note(e, sentence_, first, subject, surface);
    if (!r.locative && (!prepass_ || at_start)) have_subject_ = true;
  } else if (kind == RefKind::kModifier) {
    for (int e : entities) st_->Note(e, sentence_, first, false, "");
  }
  r.entities = std::move(entities);
  // A sentence names a few actors: room for them at once, not by doubling.
  if (out_->refs.empty()) out_->refs.reserve(8);
  out_->refs.push_back(std::move(r));
}

void SentenceAnalyzer::MainPass() {
  size_t k = 0;
  while (k < atoms_.size()) {
    const Atom& a = atoms_[k];
    if (!Free(a.first, a.last)) {
      ++k;
      continue;
    }
    size_t next = Pronoun(k);
    if (next == k) next = Description(k);
    if (next == k) next = Nominal(k);
    if (next == k) next = ProperName(k);
    k = next == k ? k + 1 : next;
  }
}

namespace {

void FinalizeOccasion(DocState* st, Entity* e) {
  std::vector<std::string> isos;
  if (!e->country.empty()) {
    for (std::string_view part : Split(e->country, '+')) isos.emplace_back(part);
  }
  // A multilateral forum ("the G20 summit") has members, not two parties;
  // it recurs yearly, so its year tells one meeting from the next.
  static constexpr std::string_view kForums[] = {"g20", "g7", "g8", "nato", "brics", "asean", "apec",
                                        "sco", "opec", "commonwealth", "eu", "au", "un"};
  bool forum = false;
  for (std::string_view f : kForums) forum = forum || e->topic == f;
  if (isos.size() < 2 && !forum) {
    for (int c : st->TopCountries(2)) {
      const std::string& iso = st->entities()[static_cast<size_t>(c)].country;
      if (std::find(isos.begin(), isos.end(), iso) == isos.end() && isos.size() < 2) {
        isos.push_back(iso);
      }
    }
  }
  std::sort(isos.begin(), isos.end());
  e->parties = isos;
  std::string key;
  std::string label;
  for (const std::string& iso : isos) {
    key += AsciiLower(iso) + "-";
  }
  std::string topic = e->topic.empty() ? "" : e->topic + "-";
  e->id = key + topic + e->family;
  if (forum && st->date().size() >= 4) e->id += "-" + std::string(st->date().substr(0, 4));
  e->country = isos.size() == 1 ? isos[0] : "";
  if (e->name.empty()) e->name = e->aliases.empty() ? e->id : e->aliases.front();
}

// Drops a leading article or "this" from `s`, in place.
void StripDeterminer(std::string* s) {
  for (std::string_view det :
       {"the "sv, "The "sv, "a "sv, "A "sv, "an "sv, "An "sv, "this "sv, "This "sv}) {
    if (StartsWith(*s, det)) {
      s->erase(0, det.size());
      return;
    }
  }
}

void Finalize(DocState* st) {
  std::string doc_slug = Slugify(st->doc_id());
  for (Entity& e : st->entities()) {
    for (std::string& a : e.aliases) StripDeterminer(&a);
    if (e.kind == ActorKind::kEvent) {
      FinalizeOccasion(st, &e);
    } else if (e.kind == ActorKind::kGroup) {
      e.id = doc_slug + "--" + Slugify(e.name);
    } else if (e.id.empty()) {
      e.id = Slugify(e.name);
    }
    std::vector<std::string> aliases;
    for (const std::string& a : e.aliases) {
      if (a != e.name && std::find(aliases.begin(), aliases.end(), a) == aliases.end()) {
        aliases.push_back(a);
      }
    }
    std::sort(aliases.begin(), aliases.end());
    e.aliases = std::move(aliases);
  }
}

}  // namespace

DocumentMentions FindMentions(const Dictionary& dict, const Segmentation& seg,
                              std::string_view doc_id, std::string_view date) {
  DocState state(dict, doc_id, date);
  DocumentMentions out;
  out.sentences.resize(seg.sentences.size());
  thread_local AnalyzerScratch scratch;
  for (size_t s = 0; s < seg.sentences.size(); ++s) {
    SentenceAnalyzer(&state, seg, static_cast<int>(s), &out.sentences[s], &scratch).Run();
  }
  Finalize(&state);
  out.entities = std::move(state.entities());
  return out;
}

}  // namespace diplograph
