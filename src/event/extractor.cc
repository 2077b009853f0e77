#include "diplograph/event/extractor.h"

#include <algorithm>
#include <set>
#include <string_view>
#include <unordered_map>

#include "diplograph/core/date.h"
#include "diplograph/core/strings.h"
#include "diplograph/event/dates.h"
#include "diplograph/mention/mentions.h"
#include "diplograph/segment/word_class.h"
#include "diplograph/text/clean.h"
#include "event/clause.h"
#include "event/frames.h"

using namespace std::string_view_literals;

namespace diplograph {

namespace {

// Title and body as one segmentation; title sentences come first.
Segmentation SegmentDocument(const Document& doc, uint32_t* title_tokens) {
  Segmentation seg = doc.title.empty() ? Segmentation() : SegmentAll(doc.title);
  for (Sentence& s : seg.sentences) s.in_title = true;
  *title_tokens = static_cast<uint32_t>(seg.tokens.size());
  // The body's tokens go straight after the title's, not through a copy.
  AppendSegments(doc.text, BodyLines(doc.text), &seg);
  return seg;
}

struct Candidate {
  std::string type;
  int source, target;
  double confidence;
  std::string modality;
  uint32_t trigger_first, trigger_last;
};

// Verbs that carry a noun trigger's agent: "X held talks", "X launched an attack".
bool IsLightVerb(std::string_view w) {
  static constexpr std::string_view kVerbs[] = {"held", "hold", "holds", "had", "has", "have", "launched",
                                       "launch", "launches", "staged", "conducted", "carried",
                                       "made", "make", "makes", "began", "said", "says",
                                       "attended", "attends", "announced", "announces",
                                       "imposed", "imposes", "ordered", "mounted", "issued",
                                       "filed", "brought", "opened", "started", "arrived",
                                       "travelled", "traveled", "flew", "came", "went",
                                       "joined", "attend", "attending"};
  for (std::string_view v : kVerbs) {
    if (w == v) return true;
  }
  return false;
}

// Types whose target may be named by an adjective ("claims of Russian hacking").
bool PressureType(const std::string& type) {
  return type == "accused"sv || type == "criticized"sv || type == "threatened"sv ||
         type == "sanctioned"sv || type == "attacked"sv || type == "indicted"sv;
}

bool IsSpeech(std::string_view w) {
  return w == "said"sv || w == "says"sv || w == "wrote"sv || w == "claimed"sv || w == "alleged"sv ||
         w == "told"sv || w == "tweeted"sv || w == "insisted"sv || w == "stated"sv || w == "say"sv;
}

class SentenceEvents {
 public:
  SentenceEvents(const SentenceFrame& f, const std::vector<Entity>& ents, const Lexicon& lex,
                 std::vector<Candidate>* out)
      : f_(f), ents_(ents), lex_(lex), out_(out) {}

  void Run() {
    const Sentence& s = f_.sentence();
    for (uint32_t i = s.first; i < s.last; ++i) {
      if (!lex_.MayMatchAt(f_.toks(), i, s.last) || f_.Covered(i)) continue;
      TriggerMatch m;
      // After a determiner, or as the head of a named occasion ("the Geneva
      // meeting"), a trigger word is a noun. (`prev` is a view: a conditional
      // between a token's string and a temporary would copy the string.)
      std::string_view prev = i > s.first ? std::string_view(f_.toks()[i - 1].lower) : "";
      // Tested last, and only when the cheaper tests fail.
      auto after_preposition = [&] {
        return (prev == "for"sv || prev == "of"sv || prev == "at"sv || prev == "after"sv ||
                prev == "before"sv || prev == "during"sv) &&
               f_.toks()[i].lower.size() > 3 &&
               f_.toks()[i].lower.compare(f_.toks()[i].lower.size() - 3, 3, "ing") != 0;
      };
      bool det = (i > s.first && f_.toks()[i - 1].Has(kWcDeterminer)) || f_.InOccasion(i) ||
                 (i > s.first && f_.toks()[i - 1].text == "-"sv) || after_preposition();
      if (!lex_.MatchAt(f_.toks(), i, s.last, det, &m)) continue;
      Handle(m);
      if (m.last > i + 1) i = m.last - 1;
    }
    AddParticipation();
  }

 private:
  const Entity& E(int e) const { return ents_[static_cast<size_t>(e)]; }

  void Emit(const std::string& type, int src, int tgt, double conf, const std::string& modality) {
    if (src == tgt || src < 0 || tgt < 0) return;
    bool target_event = E(tgt).kind == ActorKind::kEvent;
    if (E(src).kind == ActorKind::kEvent) return;
    if (type == "participated_in"sv && !target_event) return;
    if (type != "participated_in"sv && type != "suspended"sv && target_event) return;
    // An official acting on their own state is no international event
    // ("Lavrov warned that Moscow would ..." names Russia as a speaker's state).
    if (E(tgt).kind == ActorKind::kCountry && E(src).kind != ActorKind::kCountry &&
        E(src).country == E(tgt).country) {
      return;
    }
    out_->push_back({type, src, tgt, conf, modality, trigger_.first, trigger_.last});
    if (type == "met_with"sv) met_.push_back({src, tgt});
    // A state's ministry, department or agency acts for the state.
    if (type == "participated_in"sv) return;
    int parent = ParentOf(src);
    if (parent >= 0 && parent != tgt) {
      out_->push_back({type, parent, tgt, conf * 0.9, modality, trigger_.first, trigger_.last});
    }
    int state = StateOf(src);
    if (state >= 0 && state != tgt) {
      out_->push_back({type, state, tgt, conf * 0.9, modality, trigger_.first, trigger_.last});
    }
  }

  // The doer of an act named after `pos`: "the attack by X", "X's invasion".
  Group ActOf(uint32_t pos) const {
    const auto& t = f_.toks();
    const Sentence& s = f_.sentence();
    static constexpr std::string_view kActs[] = {"attack", "attacks", "assault", "bombing", "strike",
                                        "strikes", "coup", "killing", "invasion", "raid",
                                        "shelling", "cyberattack", "hacking", "abduction"};
    for (uint32_t i = pos; i < s.last && i < pos + 5; ++i) {
      bool act = false;
      for (std::string_view a : kActs) act = act || t[i].lower == a;
      if (!act) continue;
      Group g = f_.Possessor(i);
      if (g.found()) return g;
      if (i + 2 < s.last && (t[i + 1].lower == "by"sv || t[i + 1].lower == "of"sv)) {
        return f_.Right(i + 2, 2, false, false);
      }
      // "condemned the coup": the document's "coup leaders".
      for (size_t e = 0; e < ents_.size(); ++e) {
        if (ents_[e].kind == ActorKind::kGroup &&
            AsciiLower(ents_[e].name).find(std::string(t[i].lower) + " ") != std::string::npos) {
          g.entities = {static_cast<int>(e)};
          return g;
        }
      }
      return Group();
    }
    return Group();
  }

  // The body a division belongs to ("the Justice Department's National
  // Security Division" -> the Justice Department), when the text names it.
  int ParentOf(int e) const {
    const std::string& p = E(e).parent;
    if (p.empty() || !E(e).state_body) return -1;
    for (size_t i = 0; i < ents_.size(); ++i) {
      if (ents_[i].id == p && ents_[i].kind == ActorKind::kOrganization) return static_cast<int>(i);
    }
    return -1;
  }

  // The country entity a government body belongs to, or -1.
  int StateOf(int e) const {
    const Entity& x = E(e);
    if (x.kind != ActorKind::kOrganization || x.country.empty() || !x.state_body) return -1;
    if (x.cameo.size() < 6) return -1;
    std::string sector = x.cameo.substr(3, 3);
    if (sector != "GOV"sv && sector != "MIL"sv && sector != "JUD"sv && sector != "COP"sv &&
        sector != "SPY"sv) {
      return -1;
    }
    for (size_t i = 0; i < ents_.size(); ++i) {
      if (ents_[i].kind == ActorKind::kCountry && ents_[i].country == x.country) {
        return static_cast<int>(i);
      }
    }
    return -1;
  }

  // The other state of an occasion the sentence names ("the dialogue
  // mechanism" between China and the US), as a partner for `src`.
  int OccasionPartner(int src) const {
    Group occ = f_.OccasionAfter(f_.sentence().first);
    if (!occ.found()) return -1;
    const Entity& o = E(occ.entities.front());
    for (const std::string& iso : o.parties) {
      if (iso == E(src).country) continue;
      for (size_t i = 0; i < ents_.size(); ++i) {
        if (ents_[i].kind == ActorKind::kCountry && ents_[i].country == iso) {
          return static_cast<int>(i);
        }
      }
    }
    return -1;
  }

  // "Wang said the U.S. announcement was bizarre": the speaker judges the
  // actor named between the verb of saying and the judgement.
  void HandleEvaluation(const TriggerMatch& m, const std::string& mod) {
    const auto& t = f_.toks();
    const Sentence& s = f_.sentence();
    for (uint32_t i = m.first; i-- > s.first;) {
      std::string_view w = t[i].lower;
      if (!(IsSpeech(w) || w == "described"sv || w == "calling"sv || w == "called"sv ||
            w == "terming"sv || w == "termed"sv || w == "describing"sv)) {
        continue;
      }
      Group speaker = f_.Left(i);
      Group target = f_.FirstBetween(i + 1, m.first);
      // "terming it outrageous": "it" is the thing just condemned, not an actor.
      if (target.found() && f_.toks()[target.first].lower == "it"sv) return;
      if (!speaker.found() || !target.found()) return;
      for (int a : speaker.entities) {
        for (int b : target.entities) Emit(m.type, a, b, 0.7, mod);
      }
      return;
    }
  }

  void Pairs(const std::string& type, const std::vector<int>& g, double conf,
             const std::string& mod, bool both) {
    for (size_t a = 0; a < g.size(); ++a) {
      for (size_t b = a + 1; b < g.size(); ++b) {
        Emit(type, g[a], g[b], conf, mod);
        if (both) Emit(type, g[b], g[a], conf, mod);
      }
    }
  }

  void Cross(const std::string& type, const Group& src, const Group& tgt, double conf,
             const std::string& mod) {
    bool mutual = type == "agreed"sv;
    for (int a : src.entities) {
      for (int b : tgt.entities) {
        Emit(type, a, b, conf, mod);
        if (mutual) Emit(type, b, a, conf, mod);
      }
    }
  }

  // "Trump wrote that the Chinese are hacking ...": the speaker accuses.
  int ReportingSpeaker(uint32_t before) const {
    const Sentence& s = f_.sentence();
    for (uint32_t i = s.first; i < before; ++i) {
      if (IsSpeech(f_.toks()[i].lower)) {
        Group sp = f_.Left(i);
        if (sp.entities.size() == 1 && i + 1 < before) return sp.entities.front();
      }
    }
    return -1;
  }

  void Handle(const TriggerMatch& m) {
    trigger_ = m;
    const auto& t = f_.toks();
    const Sentence& s = f_.sentence();
    std::string mod = Modality(t, s.first, s.last, m);
    if (m.frame == "evaluation"sv) {
      HandleEvaluation(m, mod);
      return;
    }
    bool prev_of = (m.first > s.first && t[m.first - 1].lower == "of"sv) ||
                   (m.first > s.first + 1 && t[m.first - 2].lower == "of"sv &&
                    f_.Covered(m.first - 1));
    if (m.type == "attacked"sv && prev_of) return;  // "accused of hacking", "claims of Russian hacking"

    // "suspended military talks with Washington": the talks are what stops.
    if (m.type == "met_with"sv || m.type == "agreed"sv) {
      for (uint32_t b = m.first; b > s.first && b + 5 > m.first; --b) {
        std::string_view w = t[b - 1].lower;
        if (w == "suspended"sv || w == "suspend"sv || w == "suspending"sv || w == "suspends"sv ||
            w == "halted"sv || w == "cancelled"sv || w == "canceled"sv || w == "postponed"sv ||
            w == "boycotted"sv || w == "ended"sv || w == "froze"sv || w == "broke"sv || w == "quit"sv ||
            w == "abandoned"sv) {
          return;
        }
      }
    }
    // A third-person verb needs its subject right before it ("Russia
    // expels"); after a noun it is a plural noun ("asset freezes").
    if (m.form == VerbForm::kThird && m.first > s.first && !s.in_title) {
      const Token& p = t[m.first - 1];
      bool adverb = p.lower.size() > 3 && p.lower.compare(p.lower.size() - 2, 2, "ly") == 0;
      bool ok = adverb || p.lower == "also"sv || p.lower == "now"sv || p.lower == "again"sv ||
                p.text == ","sv || f_.Covered(m.first - 1) || p.lower == "it"sv ||
                p.lower == "he"sv || p.lower == "she"sv || p.lower == "who"sv || p.lower == "which"sv;
      if (!ok) return;
    }
    // A gerund after a preposition is a noun ("for threatening the lives").
    if (m.form == VerbForm::kIng && m.first > s.first) {
      std::string_view p = t[m.first - 1].lower;
      if (p == "for"sv || p == "of"sv || p == "on"sv || p == "about"sv || p == "against"sv ||
          p == "without"sv) {
        return;
      }
    }
    bool passive = IsPassive(t, s.first, s.last, m);
    Group src, tgt;
    double conf = 0.85;
    if (passive) {
      tgt = f_.Left(m.first, m.type == "participated_in"sv || m.type == "suspended"sv);
      for (uint32_t b = m.last; b < s.last && b < m.last + 8; ++b) {
        if (t[b].lower == "by"sv) {
          src = f_.Right(b + 1, 3, false, false);
          break;
        }
      }
      conf = 0.8;
    } else if (m.form == VerbForm::kNoun) {
      src = f_.Possessor(m.first);
      if (!src.found()) {
        uint32_t p = m.first;
        if (p > s.first && t[p - 1].lower == "the"sv) --p;
        src = f_.Possessor(p);
      }
      if (!src.found() && (m.type == "met_with"sv || m.type == "agreed"sv)) {
        tgt = f_.Right(m.last, 2, false, false);
        if (tgt.entities.size() >= 2 && t[m.last - 1].lower == "between"sv) {
          Pairs(m.type, tgt.entities, 0.8, mod, m.type == "agreed"sv);
          return;
        }
      }
      if (!src.found()) {
        // "the indictment of five officers by the United States"
        for (uint32_t b = m.last; b < s.last && b < m.last + 10; ++b) {
          if (t[b].lower == "by"sv) {
            src = f_.Right(b + 1, 2, false, false);
            break;
          }
          if (t[b].text == ","sv || t[b].lower == "that"sv) break;
        }
      }
      if (!src.found()) {
        // A noun's agent to its left only within a short stretch, no comma between.
        Group left = f_.Left(m.first);
        bool close = left.found() && m.first - left.last <= 6;
        bool light = false;
        for (uint32_t k = left.last; close && k < m.first; ++k) {
          if (t[k].text == ","sv || t[k].Is(kQuote)) close = false;
          light = light || IsLightVerb(t[k].lower);
        }
        if (close && light) src = left;
      }
      tgt = f_.Right(m.last, 6, PressureType(m.type), m.type == "visited"sv);
      conf = 0.75;
    } else {
      // "..., accusing X" and the headline "A Cuts Ties With B, Accuses It":
      // after a comma the verb shares the sentence's subject.
      bool after_comma = m.first > s.first && t[m.first - 1].text == ","sv &&
                         (m.form == VerbForm::kIng || m.form == VerbForm::kThird ||
                          s.in_title);
      // "... while visiting Germany", "after meeting X": the main subject acts.
      bool adverbial = m.form == VerbForm::kIng && m.first > s.first &&
                       (t[m.first - 1].lower == "while"sv || t[m.first - 1].lower == "when"sv ||
                        t[m.first - 1].lower == "after"sv || t[m.first - 1].lower == "before"sv ||
                        t[m.first - 1].lower == "during"sv || t[m.first - 1].lower == "since"sv);
      src = (after_comma || adverbial) ? f_.Subject() : f_.Left(m.first);
      // "Kenya stands with Somalia and is ready to work with ...": a second
      // verb phrase shares the first one's subject.
      for (uint32_t b = src.found() ? src.last : m.first; src.found() && b + 1 < m.first; ++b) {
        std::string_view a = t[b + 1].lower;
        if (t[b].lower == "and"sv && (a == "is"sv || a == "was"sv || a == "are"sv || a == "were"sv ||
                                      a == "has"sv || a == "have"sv || a == "had"sv ||
                                      a == "will"sv || a == "would"sv)) {
          src = f_.Subject();
          break;
        }
      }
      uint32_t window = m.ends_in_preposition || m.type == "threatened"sv ? 3 : 8;
      f_.set_allow_possessor(m.type == "praised"sv || m.type == "criticized"sv ||
                             m.type == "accused"sv);
      // A place right after the pattern's own preposition is its object
      // ("recalled its ambassador from Afghanistan").
      tgt = f_.Right(m.last, window,
                     m.ends_in_preposition &&
                         (PressureType(m.type) || m.type == "intends_to_cooperate"sv),
                     m.type == "visited"sv || m.ends_in_preposition);
      // "ordered two US diplomats to leave": the object inside the pattern.
      if (!m.ends_in_preposition && m.last > m.first + 2) {
        Group inside = f_.Inside(m.first + 1, m.last);
        if (inside.found()) tgt = inside;
      }
      f_.set_allow_possessor(false);
      if (!tgt.found()) tgt = f_.Inside(m.first + 1, m.last);
      // "warned that Warsaw would ...": the clause's subject is no object.
      bool direct_object = tgt.found() && tgt.first <= m.last + 1 &&
                           !(m.last < s.last && t[m.last].lower == "that"sv);
      if (m.type == "threatened"sv && !direct_object) tgt = Group();
      if (m.type == "threatened"sv && !direct_object) {
        for (uint32_t b = m.last; b < s.last; ++b) {
          if (t[b].lower == "if"sv || t[b].lower == "unless"sv || t[b].lower == "against"sv) {
            // "steps against Russia's presence": the possessor is the target.
            f_.set_allow_possessor(t[b].lower == "against"sv);
            Group alt = f_.Right(b + 1, 4, false, false);
            f_.set_allow_possessor(false);
            if (alt.found()) tgt = alt;
            break;
          }
        }
      }
    }
    if (m.type == "participated_in"sv) {
      HandleParticipation(m, src, tgt, mod, passive);
      return;
    }
    if ((m.type == "criticized"sv || m.type == "praised"sv) && !tgt.found()) {
      // "condemned the attack by al-Shabaab", "condemned Russia's invasion"
      tgt = ActOf(m.last);
    }
    if (tgt.found() && !tgt.reflexive &&
        m.type == "criticized"sv) {
      // Judging an occasion ("denounced the Geneva meeting") judges its parties.
      std::vector<int> parties;
      for (int e : tgt.entities) {
        if (E(e).kind != ActorKind::kEvent) continue;
        for (const std::string& iso : E(e).parties) {
          for (size_t c = 0; c < ents_.size(); ++c) {
            if (ents_[c].kind == ActorKind::kCountry && ents_[c].country == iso) {
              parties.push_back(static_cast<int>(c));
            }
          }
        }
      }
      if (!parties.empty()) tgt.entities = parties;
    }
    if (tgt.found() && !tgt.reflexive && m.type != "suspended"sv) {
      bool all_events = true;
      for (int e : tgt.entities) all_events = all_events && E(e).kind == ActorKind::kEvent;
      if (all_events) tgt = Group();  // "met for the third round of ...": no partner named
    }
    if (!src.found()) return;
    if (m.type == "intends_to_cooperate"sv && !tgt.found()) {
      int partner = OccasionPartner(src.entities.front());
      if (partner >= 0) tgt.entities = {partner};
    }
    if (m.type == "attacked"sv && !passive) {
      int speaker = ReportingSpeaker(m.first);
      if (speaker >= 0) {
        for (int a : src.entities) Emit("accused", speaker, a, 0.7, mod);
        return;
      }
    }
    if (tgt.reflexive || (m.last + 1 < s.last && t[m.last].lower == "each"sv &&
                          t[m.last + 1].lower == "other"sv)) {
      Pairs(m.type, src.entities, 0.8, mod, true);
      return;
    }
    if (!tgt.found()) {
      if ((m.type == "met_with"sv || m.type == "agreed"sv) && src.entities.size() >= 2) {
        Pairs(m.type, src.entities, 0.8, mod, m.type == "agreed"sv);
      }
      return;
    }
    if (m.type == "agreed"sv && src.entities.size() >= 2) {
      Pairs(m.type, src.entities, conf, mod, true);
      return;
    }
    Cross(m.type, src, tgt, conf, mod);
  }

  void HandleParticipation(const TriggerMatch& m, Group src, Group tgt, const std::string& mod,
                           bool passive) {
    const auto& t = f_.toks();
    const Sentence& s = f_.sentence();
    if (!tgt.found() || E(tgt.entities.front()).kind != ActorKind::kEvent) {
      tgt = f_.OccasionAfter(m.last);
    }
    if (!tgt.found() || !src.found()) return;
    std::vector<int> people = src.entities;
    int lead = src.entities.front();
    // "co-chaired by A with B and C"
    uint32_t after = passive ? src.last : m.last;
    if (after < s.last && t[after].lower == "with"sv) {
      Group with = f_.Right(after + 1, 2, false, false);
      for (int w : with.entities) {
        people.push_back(w);
        Emit("met_with", lead, w, 0.8, mod);
      }
    }
    // "A joined B and C in co-chairing ..."
    if (!passive && src.first >= s.first + 2) {
      uint32_t k = src.first;
      while (k > s.first && (t[k - 1].lower == "in"sv)) --k;
      if (k > s.first && (t[k - 1].lower == "joined"sv || t[k - 1].lower == "join"sv ||
                          t[k - 1].lower == "joins"sv)) {
        Group joiner = f_.Left(k - 1);
        for (int j : joiner.entities) {
          people.push_back(j);
          for (int b : src.entities) Emit("met_with", j, b, 0.8, mod);
        }
      }
    }
    for (int p : people) Emit("participated_in", p, tgt.entities.front(), 0.8, mod);
  }

  // People who met "for the third round of ... talks" took part in them.
  void AddParticipation() {
    if (met_.empty()) return;
    Group occ = f_.OccasionAfter(f_.sentence().first);
    if (!occ.found()) return;
    std::set<int> people;
    for (const auto& [a, b] : met_) {
      people.insert(a);
      people.insert(b);
    }
    for (int p : people) Emit("participated_in", p, occ.entities.front(), 0.75, "");
  }

  const SentenceFrame& f_;
  const std::vector<Entity>& ents_;
  const Lexicon& lex_;
  std::vector<Candidate>* out_;
  std::vector<std::pair<int, int>> met_;
  TriggerMatch trigger_;
};

std::vector<std::string> UniqueIds(const std::vector<Entity>& ents) {
  std::vector<std::string> ids;
  ids.reserve(ents.size());
  std::unordered_map<std::string_view, int> seen;  // views of the entities' ids
  for (const Entity& e : ents) {
    std::string_view id = e.id.empty() ? "actor"sv : std::string_view(e.id);
    int n = ++seen[id];
    ids.emplace_back(id);
    if (n > 1) ids.back() += "-" + std::to_string(n);
  }
  return ids;
}

// The used entities as records, in the order of their ids. The entities'
// names, aliases and roles are moved out, and the sort moves indices, not
// records; it compares as sorting the records would, so ties keep the same
// order.
std::vector<EntityRecord> EntityRecords(std::vector<Entity>* ents,
                                        const std::vector<std::string>& ids,
                                        const std::vector<bool>& used,
                                        std::vector<std::vector<MentionSpan>>* spans) {
  std::vector<size_t> order;
  for (size_t i = 0; i < ents->size(); ++i) {
    if (used[i]) order.push_back(i);
  }
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return ids[a] < ids[b]; });
  std::vector<EntityRecord> out;
  out.reserve(order.size());
  for (size_t i : order) {
    Entity& e = (*ents)[i];
    EntityRecord& er = out.emplace_back();
    er.id = ids[i];
    er.type = std::string(ActorKindName(e.kind));
    er.name = std::move(e.name);
    er.aliases = std::move(e.aliases);
    er.country = std::move(e.country);
    er.cameo = std::move(e.cameo);
    er.roles = std::move(e.roles);
    er.mentions = std::move((*spans)[i]);
  }
  return out;
}

}  // namespace

namespace {

void TraceSentence(const Segmentation& seg, const Sentence& s, const SentenceRefs& refs,
                   const std::vector<Entity>& ents, const std::vector<Candidate>& cands,
                   const std::vector<std::string>& ids, std::string* out) {
  std::string line = s.in_title ? "T| " : "S| ";
  size_t r = 0;
  for (uint32_t i = s.first; i < s.last; ++i) {
    while (r < refs.refs.size() && refs.refs[r].last <= i) ++r;
    const Ref* ref = r < refs.refs.size() && refs.refs[r].first == i ? &refs.refs[r] : nullptr;
    if (ref != nullptr) line += "[";
    line += seg.tokens[i].text;
    if (ref != nullptr && ref->last == i + 1) {
      // closes below
    }
    if (r < refs.refs.size() && refs.refs[r].last == i + 1 && refs.refs[r].first <= i) {
      const Ref& rr = refs.refs[r];
      line += "]{";
      static constexpr std::string_view kKinds[] = {"name", "pron", "desc", "mod", "appos"};
      line += kKinds[static_cast<int>(rr.kind)];
      if (rr.possessive) line += ",poss";
      if (rr.locative) line += ",loc";
      if (rr.reflexive) line += ",recip";
      for (int e : rr.entities) line += ":" + ents[static_cast<size_t>(e)].name;
      line += "}";
    }
    line += " ";
  }
  *out += line + "\n";
  for (const Candidate& c : cands) {
    *out += "   => " + c.type + " " + ids[static_cast<size_t>(c.source)] + " -> " +
            ids[static_cast<size_t>(c.target)] + (c.modality.empty() ? "" : " (" + c.modality + ")") +
            "\n";
  }
}

// Events the document implies as a whole: a group's tie to the body named
// in it, and the leaders of the two states of a summit meeting there.
void DocumentInferences(const Segmentation& seg, const DocumentMentions& dm, const Document& doc,
                        const Date& anchor, const std::vector<std::string>& ids,
                        std::set<std::tuple<std::string, int, int>>* seen, std::vector<bool>* used,
                        std::vector<EventRecord>* out) {
  auto first_sentence = [&](int entity) -> int {
    for (size_t si = 0; si < dm.sentences.size(); ++si) {
      for (const Ref& r : dm.sentences[si].refs) {
        if (std::find(r.entities.begin(), r.entities.end(), entity) != r.entities.end()) {
          return static_cast<int>(si);
        }
      }
    }
    return -1;
  };
  auto add = [&](const std::string& type, int src, int tgt, int si, double conf) {
    if (si < 0 || !seen->insert({type, src, tgt}).second) return;
    const Sentence& s = seg.sentences[static_cast<size_t>(si)];
    std::string_view text = s.in_title ? std::string_view(doc.title) : std::string_view(doc.text);
    const EventTypeInfo* info = FindEventType(type);
    EventRecord ev;
    ev.type = type;
    ev.source = ids[static_cast<size_t>(src)];
    ev.target = ids[static_cast<size_t>(tgt)];
    ev.date = EventDate(seg.tokens, s.first, s.last, s.first, s.first, anchor).ToString();
    ev.cameo = info ? std::string(info->cameo) : "";
    ev.goldstein = info ? info->goldstein : 0.0;
    ev.plover = info ? std::string(info->plover) : "";
    ev.confidence = conf;
    ev.evidence = {std::string(text.substr(s.begin, s.end - s.begin)), s.begin, s.end,
                   s.in_title ? "title" : ""};
    (*used)[static_cast<size_t>(src)] = (*used)[static_cast<size_t>(tgt)] = true;
    out->push_back(std::move(ev));
  };
  const auto& ents = dm.entities;
  for (size_t g = 0; g < ents.size(); ++g) {
    for (int org : ents[g].affiliations) {
      add("member_of", static_cast<int>(g), org, first_sentence(static_cast<int>(g)), 0.9);
    }
  }
  for (size_t o = 0; o < ents.size(); ++o) {
    const Entity& occ = ents[o];
    if (occ.kind != ActorKind::kEvent || occ.family != "summit"sv || occ.parties.size() != 2) continue;
    int leaders[2] = {-1, -1};
    bool unique = true;
    for (size_t p = 0; p < ents.size(); ++p) {
      const Entity& e = ents[p];
      if (e.kind != ActorKind::kPerson || !(*used)[p]) continue;
      bool head = false;
      for (const std::string& r : e.roles) {
        std::string l = AsciiLower(r);
        head = head || l.find("president") != std::string::npos ||
               l.find("prime minister") != std::string::npos || l.find("leader") != std::string::npos ||
               l.find("chairman") != std::string::npos || l.find("premier") != std::string::npos ||
               l.find("chancellor") != std::string::npos || l.find("king") != std::string::npos;
      }
      for (int side = 0; head && side < 2; ++side) {
        if (e.country != occ.parties[static_cast<size_t>(side)]) continue;
        if (leaders[side] >= 0 && leaders[side] != static_cast<int>(p)) unique = false;
        leaders[side] = static_cast<int>(p);
      }
    }
    if (!unique || leaders[0] < 0 || leaders[1] < 0) continue;
    int si = first_sentence(static_cast<int>(o));
    add("met_with", leaders[0], leaders[1], si, 0.7);
    add("participated_in", leaders[0], static_cast<int>(o), si, 0.7);
    add("participated_in", leaders[1], static_cast<int>(o), si, 0.7);
  }
}

}  // namespace

ExtractionRecord Extractor::Extract(const Document& doc, std::string* trace) const {
  uint32_t title_tokens = 0;
  Segmentation seg = SegmentDocument(doc, &title_tokens);
  DocumentMentions dm = FindMentions(dict_, seg, doc.id, doc.date);
  Date anchor = ParseIsoDate(doc.date).value_or(Date{});

  ExtractionRecord rec;
  rec.doc = {doc.id, doc.title, doc.date, doc.url, doc.source};
  std::vector<std::string> ids = UniqueIds(dm.entities);
  std::vector<bool> used(dm.entities.size(), false);
  std::vector<std::vector<MentionSpan>> spans(dm.entities.size());
  std::set<std::tuple<std::string, int, int>> seen;

  for (size_t si = 0; si < seg.sentences.size(); ++si) {
    const Sentence& s = seg.sentences[si];
    const SentenceRefs& refs = dm.sentences[si];
    std::string_view src_text = s.in_title ? std::string_view(doc.title) : std::string_view(doc.text);
    for (const Ref& r : refs.refs) {
      if (r.kind == RefKind::kPronoun || r.kind == RefKind::kApposition) continue;
      for (int e : r.entities) {
        const Token& a = seg.tokens[r.first];
        const Token& b = seg.tokens[r.last - 1];
        spans[static_cast<size_t>(e)].push_back(
            {a.begin, b.end, std::string(src_text.substr(a.begin, b.end - a.begin)),
             s.in_title ? "title" : ""});
        used[static_cast<size_t>(e)] = true;
      }
    }
    std::vector<Candidate> cands;
    SentenceFrame frame(seg.tokens, s, refs, dm.entities);
    SentenceEvents(frame, dm.entities, lexicon_, &cands).Run();
    if (trace != nullptr) TraceSentence(seg, s, refs, dm.entities, cands, ids, trace);
    if (cands.empty()) continue;
    std::string date_cache;
    uint32_t date_trigger = 0;
    for (const Candidate& c : cands) {
      if (!c.modality.empty() && !options_.keep_unasserted) continue;
      if (!seen.insert({c.type, c.source, c.target}).second) continue;
      const EventTypeInfo* info = FindEventType(c.type);
      EventRecord ev;
      ev.type = c.type;
      ev.source = ids[static_cast<size_t>(c.source)];
      ev.target = ids[static_cast<size_t>(c.target)];
      if (c.trigger_first != date_trigger || date_cache.empty()) {
        date_trigger = c.trigger_first;
        date_cache =
            EventDate(seg.tokens, s.first, s.last, c.trigger_first, c.trigger_last, anchor)
                .ToString();
      }
      ev.date = date_cache;
      ev.cameo = info ? std::string(info->cameo) : "";
      ev.goldstein = info ? info->goldstein : 0.0;
      ev.plover = info ? std::string(info->plover) : "";
      ev.confidence = c.confidence;
      ev.modality = c.modality;
      ev.evidence = {std::string(src_text.substr(s.begin, s.end - s.begin)), s.begin, s.end,
                     s.in_title ? "title" : ""};
      used[static_cast<size_t>(c.source)] = used[static_cast<size_t>(c.target)] = true;
      rec.events.push_back(std::move(ev));
    }
  }
  DocumentInferences(seg, dm, doc, anchor, ids, &seen, &used, &rec.events);
  for (size_t i = 0; i < dm.entities.size(); ++i) {
    for (const Entity::Inner& in : dm.entities[i].inner_mentions) {
      const Sentence& s = seg.sentences[static_cast<size_t>(in.sentence)];
      std::string_view text = s.in_title ? std::string_view(doc.title) : std::string_view(doc.text);
      const Token& a = seg.tokens[in.first];
      const Token& b = seg.tokens[in.last - 1];
      spans[i].push_back({a.begin, b.end, std::string(text.substr(a.begin, b.end - a.begin)),
                          s.in_title ? "title" : ""});
      used[i] = true;
    }
  }
  rec.entities = EntityRecords(&dm.entities, ids, used, &spans);
  return rec;
}

}  // namespace diplograph
