#include "event/clause.h"

#include <string_view>

using namespace std::string_view_literals;

namespace diplograph {

namespace {

bool IsBe(std::string_view w) {
  return w == "is"sv || w == "are"sv || w == "was"sv || w == "were"sv || w == "be"sv || w == "been"sv ||
         w == "being"sv || w == "'s"sv || w == "get"sv || w == "got"sv || w == "gets"sv;
}

bool IsAdverb(const Token& t) {
  return (t.lower.size() > 3 && t.lower.compare(t.lower.size() - 2, 2, "ly") == 0) ||
         t.lower == "also"sv || t.lower == "not"sv || t.lower == "n't"sv || t.lower == "reportedly"sv ||
         t.lower == "previously"sv || t.lower == "all"sv || t.lower == "officially"sv;
}

}  // namespace

bool IsClauseBreak(const Token& t) {
  return t.text == ";"sv || t.text == ":"sv || t.lower == "because"sv || t.lower == "although"sv ||
         t.lower == "while"sv || t.lower == "whereas"sv || t.lower == "unless"sv;
}

std::string Modality(const std::vector<Token>& toks, uint32_t first, uint32_t last,
                     const TriggerMatch& m) {
  bool declaration = m.type == "threatened"sv || m.type == "intends_to_cooperate"sv;
  if (last > first && toks[last - 1].text == "?"sv) return "question";
  for (uint32_t i = m.first; i > first && i + 4 > m.first; --i) {
    std::string_view w = toks[i - 1].lower;
    if (w == "not"sv || w == "n't"sv || w == "never"sv || w == "no"sv || w == "neither"sv || w == "nor"sv) {
      return "negated";
    }
    if (w == "could"sv || w == "might"sv || w == "may"sv || w == "should"sv || w == "must"sv ||
        w == "can"sv || w == "cannot"sv) {
      if (!declaration) return "hypothetical";
    }
    if ((w == "would"sv || w == "will"sv || w == "'ll"sv || w == "shall"sv) && !declaration) {
      return "hypothetical";
    }
    if (w == "to"sv && i >= 2) {
      std::string_view v = toks[i - 2].lower;
      if (v == "plans"sv || v == "plan"sv || v == "planned"sv || v == "planning"sv || v == "expected"sv ||
          v == "set"sv || v == "likely"sv || v == "hopes"sv || v == "hope"sv || v == "wants"sv ||
          v == "want"sv || v == "going"sv || v == "due"sv || v == "seeks"sv || v == "sought"sv ||
          v == "refused"sv || v == "declined"sv || v == "failed"sv || v == "threatened"sv) {
        return declaration ? "" : "planned";
      }
    }
    if (toks[i - 1].text == ","sv || toks[i - 1].text == ";"sv) break;
  }
  // "is going to introduce a bill to end aid": a plan anywhere in the clause.
  for (uint32_t i = m.first; i > first && i + 16 > m.first; --i) {
    std::string_view w = toks[i - 1].lower;
    if (w == ","sv || w == ";"sv || w == "\""sv) break;
    bool plan_word = w == "plans"sv || w == "plan"sv || w == "planned"sv || w == "planning"sv ||
                     w == "going"sv || w == "intends"sv || w == "expected"sv || w == "hopes"sv;
    if (plan_word && i < m.first && (toks[i].lower == "to"sv || toks[i].lower == "on"sv) &&
        !declaration) {
      return "planned";
    }
    // "urged ECOWAS to consider imposing sanctions": asked for, not done.
    bool request = w == "urged"sv || w == "urges"sv || w == "urge"sv || w == "asked"sv ||
                   w == "requested"sv || w == "consider"sv || w == "considering"sv ||
                   w == "suggested"sv || w == "recommended"sv || w == "proposed"sv;
    if (request && !declaration) return "hypothetical";
  }
  for (uint32_t i = first; i < m.first; ++i) {
    std::string_view w = toks[i].lower;
    if (w == "whether"sv || w == "if"sv || w == "unless"sv) {
      bool clause_closed = false;
      for (uint32_t j = i + 1; j < m.first; ++j) {
        if (toks[j].text == ","sv) clause_closed = true;
      }
      if (!clause_closed) return "hypothetical";
    }
    if (w == "denied"sv || w == "deny"sv || w == "denies"sv || w == "rejected"sv) {
      // "denied the administration's accusation that ...": the accusation
      // itself was made; any other event under a denial was not.
      if (m.form != VerbForm::kNoun || m.type != "accused"sv) return "denied";
    }
  }
  return "";
}

bool IsPassive(const std::vector<Token>& toks, uint32_t first, uint32_t last,
               const TriggerMatch& m) {
  if (m.form != VerbForm::kParticiple && m.form != VerbForm::kPastOrParticiple) return false;
  uint32_t i = m.first;
  while (i > first && IsAdverb(toks[i - 1])) --i;
  if (i > first && IsBe(toks[i - 1].lower)) return true;
  // Reduced relative: "a dialogue agreed by X", "officers indicted by".
  return m.last < last && toks[m.last].lower == "by"sv;
}

}  // namespace diplograph
