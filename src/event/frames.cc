#include "event/frames.h"

#include <algorithm>

#include "event/clause.h"

using namespace std::string_view_literals;

namespace diplograph {


bool SentenceFrame::Usable(const Ref& r, bool allow_modifier, bool allow_locative) const {
  if (r.kind == RefKind::kApposition) return false;
  if (r.kind == RefKind::kModifier && !allow_modifier) return false;
  if (r.locative && !allow_locative) return false;
  if (r.possessive && !allow_modifier && !allow_possessor_) return false;
  if (r.entities.empty() && !r.reflexive) return false;
  return true;
}

Group SentenceFrame::Extend(size_t index, int direction) const {
  const Ref& r0 = refs_[index];
  Group g;
  g.entities = r0.entities;
  g.first = r0.first;
  g.last = r0.last;
  g.reflexive = r0.reflexive;
  if (r0.reflexive) return g;
  // Collect the chain of phrases joined by commas and "and"; a list ends in
  // "and" ("A, B and C"), so the chain is cut after its last "and" link.
  struct Link {
    size_t ref;
    bool has_and;
  };
  std::vector<Link> chain;
  uint32_t edge_first = g.first, edge_last = g.last;
  size_t i = index;
  while (true) {
    size_t j = direction < 0 ? (i == 0 ? refs_.size() : i - 1) : i + 1;
    if (j >= refs_.size()) break;
    const Ref& r = refs_[j];
    if (r.kind == RefKind::kApposition) {
      i = j;
      if (direction < 0) edge_first = r.first; else edge_last = r.last;
      continue;
    }
    if (!Usable(r, false, false) || r.reflexive || r.kind == RefKind::kPronoun) break;
    uint32_t a = direction < 0 ? r.last : edge_last;
    uint32_t b = direction < 0 ? edge_first : r.first;
    bool has_and = false, has_comma = false, ok = a <= b;
    for (uint32_t t = a; ok && t < b; ++t) {
      const Token& tk = toks_[t];
      if (tk.lower == "as"sv && t + 2 < b && toks_[t + 1].lower == "well"sv && toks_[t + 2].lower == "as"sv) {
        t += 2;
        has_and = true;
      } else if (tk.lower == "and"sv) {
        has_and = true;
      } else if (tk.text == ","sv) {
        has_comma = true;
      } else if (tk.lower != "the"sv && tk.lower != "both"sv) {
        ok = false;
      }
    }
    if (!ok || !(has_and || has_comma)) break;
    const Entity& e0 = ents_[static_cast<size_t>(g.entities.front())];
    const Entity& e1 = ents_[static_cast<size_t>(r.entities.front())];
    if ((e0.kind == ActorKind::kPerson) != (e1.kind == ActorKind::kPerson)) break;
    chain.push_back({j, has_and});
    if (direction < 0) edge_first = r.first; else edge_last = r.last;
    i = j;
  }
  // Leftwards the link next to the first phrase must hold the "and";
  // rightwards keep up to the last "and" link.
  size_t keep = 0;
  if (direction < 0) {
    keep = !chain.empty() && chain.front().has_and ? chain.size() : 0;
    if (keep == 0 && !chain.empty()) {
      // "A, B and C" seen from C: the first link is "and"; from elsewhere, none.
    }
  } else {
    for (size_t c = 0; c < chain.size(); ++c) {
      if (chain[c].has_and) keep = c + 1;
    }
  }
  for (size_t c = 0; c < keep; ++c) {
    const Ref& r = refs_[chain[c].ref];
    for (int e : r.entities) {
      if (std::find(g.entities.begin(), g.entities.end(), e) == g.entities.end()) {
        g.entities.push_back(e);
      }
    }
    if (direction < 0) g.first = std::min(g.first, r.first); else g.last = std::max(g.last, r.last);
  }
  return g;
}

namespace {

bool IsFunctionWord(std::string_view w) {
  return w == "the"sv || w == "a"sv || w == "an"sv || w == "it"sv || w == "they"sv ||
         w == "he"sv || w == "she"sv || w == "we"sv || w == "its"sv || w == "their"sv ||
         w == "his"sv || w == "her"sv || w == "this"sv || w == "these"sv || w == "there"sv ||
         w == "all"sv || w == "no"sv || w == "some"sv || w == "both"sv;
}

bool IsSpeechWord(std::string_view w) {
  return w == "said"sv || w == "says"sv || w == "added"sv || w == "told"sv || w == "noted"sv ||
         w == "insisted"sv || w == "stressed"sv;
}

}  // namespace

Group SentenceFrame::Left(uint32_t pos, bool allow_events) const {
  for (size_t i = refs_.size(); i-- > 0;) {
    const Ref& r = refs_[i];
    if (r.last > pos) continue;
    bool broken = false;
    for (uint32_t t = r.last; t < pos; ++t) {
      if (IsClauseBreak(toks_[t])) broken = true;
      // "actions which threaten X": the subject is the noun before "which".
      // ("that" + verb is a relative clause; "told X that the crew ..." is not.)
      bool relative_that = toks_[t].lower == "that"sv && t + 1 < pos && toks_[t + 1].Is(kAlpha) &&
                           !toks_[t + 1].Is(kCapitalized) && !IsFunctionWord(toks_[t + 1].lower);
      if ((toks_[t].lower == "which"sv || relative_that) && t > r.last) broken = true;
    }
    if (broken) break;
    if (!Usable(r, false, false) || r.reflexive) continue;
    // Skip a parenthetical speaker: "Egypt, he said, is ready to ...".
    if (r.first > s_.first && toks_[r.first - 1].text == ","sv && r.last + 1 < pos &&
        IsSpeechWord(toks_[r.last].lower) && toks_[r.last + 1].text == ","sv) {
      continue;
    }
    if (!allow_events && ents_[static_cast<size_t>(r.entities.front())].kind == ActorKind::kEvent) {
      continue;
    }
    return Extend(i, -1);
  }
  return {};
}

Group SentenceFrame::Right(uint32_t pos, uint32_t window, bool allow_modifier,
                           bool allow_locative) const {
  for (size_t i = 0; i < refs_.size(); ++i) {
    const Ref& r = refs_[i];
    if (r.first < pos) continue;
    if (r.first > pos + window) break;
    bool broken = false;
    for (uint32_t t = pos; t < r.first; ++t) {
      if (IsClauseBreak(toks_[t]) || toks_[t].text == "."sv || toks_[t].lower == "who"sv ||
          toks_[t].lower == "which"sv || toks_[t].lower == "after"sv ||
          toks_[t].lower == "before"sv || toks_[t].lower == "following"sv ||
          toks_[t].lower == "amid"sv || toks_[t].lower == "despite"sv ||
          toks_[t].lower == "when"sv || toks_[t].lower == "as"sv ||
          (toks_[t].text == ","sv && t > pos)) {
        broken = true;
      }
    }
    if (broken) break;
    bool adjacent = r.first <= pos + 1;
    // "praised Ankara's role": with a judgement the possessor is judged.
    if (r.possessive && !(allow_possessor_ && adjacent)) continue;
    if (!Usable(r, allow_modifier && adjacent, allow_locative)) {
      if (r.kind == RefKind::kModifier && allow_modifier && r.first <= pos + 2) {
        Group g;
        g.entities = r.entities;
        g.first = r.first;
        g.last = r.last;
        return g;
      }
      continue;
    }
    return Extend(i, 1);
  }
  return {};
}

Group SentenceFrame::Subject() const {
  for (size_t i = 0; i < refs_.size(); ++i) {
    if (Usable(refs_[i], false, false) && !refs_[i].reflexive) return Extend(i, 1);
  }
  return {};
}

Group SentenceFrame::Possessor(uint32_t pos) const {
  for (size_t i = refs_.size(); i-- > 0;) {
    const Ref& r = refs_[i];
    if (r.last > pos) continue;
    uint32_t gap = pos - r.last;
    bool poss_tok = r.last < toks_.size() && (toks_[r.last].lower == "'s"sv || toks_[r.last].text == "'"sv);
    if ((r.possessive && gap <= 2 && poss_tok) || (r.kind == RefKind::kModifier && gap == 0) ||
        (r.kind == RefKind::kPronoun && r.possessive) ||
        (r.kind == RefKind::kPronoun && gap == 0 &&
         (toks_[r.first].lower == "his"sv || toks_[r.first].lower == "her"sv ||
          toks_[r.first].lower == "its"sv || toks_[r.first].lower == "their"sv))) {
      Group g;
      g.entities = r.entities;
      g.first = r.first;
      g.last = r.last;
      return g;
    }
    break;
  }
  return {};
}

Group SentenceFrame::FirstBetween(uint32_t first, uint32_t last) const {
  for (const Ref& r : refs_) {
    if (r.first < first || r.last > last || r.entities.empty()) continue;
    if (r.kind == RefKind::kApposition || r.locative) continue;
    Group g;
    g.entities = r.entities;
    g.first = r.first;
    g.last = r.last;
    return g;
  }
  return {};
}

Group SentenceFrame::Inside(uint32_t first, uint32_t last) const {
  for (const Ref& r : refs_) {
    if (r.first >= first && r.last <= last && !r.entities.empty() &&
        r.kind != RefKind::kApposition) {
      Group g;
      g.entities = r.entities;
      g.first = r.first;
      g.last = r.last;
      return g;
    }
  }
  return {};
}

Group SentenceFrame::OccasionAfter(uint32_t pos) const {
  for (const Ref& r : refs_) {
    if (r.first < pos || r.entities.empty()) continue;
    if (ents_[static_cast<size_t>(r.entities.front())].kind == ActorKind::kEvent) {
      Group g;
      g.entities = r.entities;
      g.first = r.first;
      g.last = r.last;
      return g;
    }
  }
  return {};
}

bool SentenceFrame::InOccasion(uint32_t token) const {
  for (const Ref& r : refs_) {
    if (token >= r.first && token < r.last && !r.entities.empty() &&
        ents_[static_cast<size_t>(r.entities.front())].kind == ActorKind::kEvent) {
      return true;
    }
  }
  return false;
}

bool SentenceFrame::Covered(uint32_t token) const {
  for (const Ref& r : refs_) {
    if (token >= r.first && token < r.last && r.kind != RefKind::kApposition) {
      // An occasion's head may be a trigger: "the Anchorage summit with ...".
      bool occasion = !r.entities.empty() &&
                      ents_[static_cast<size_t>(r.entities.front())].kind == ActorKind::kEvent;
      if (!occasion) return true;
    }
  }
  return false;
}

}  // namespace diplograph
