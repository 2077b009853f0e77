#include "event/clause.h"

#include <string_view>

namespace diplograph {

namespace {

bool IsBe(std::string_view w) {
  return w == "is" || w == "are" || w == "was" || w == "were" || w == "be" || w == "been" ||
         w == "being" || w == "'s" || w == "get" || w == "got" || w == "gets";
}

bool IsAdverb(const Token& t) {
  return (t.lower.size() > 3 && t.lower.compare(t.lower.size() - 2, 2, "ly") == 0) ||
         t.lower == "also" || t.lower == "not" || t.lower == "n't" || t.lower == "reportedly" ||
         t.lower == "previously" || t.lower == "all" || t.lower == "officially";
}

}  // namespace

bool IsClauseBreak(const Token& t) {
  return t.text == ";" || t.text == ":" || t.lower == "because" || t.lower == "although" ||
         t.lower == "while" || t.lower == "whereas" || t.lower == "unless";
}

std::string Modality(const std::vector<Token>& toks, uint32_t first, uint32_t last,
                     const TriggerMatch& m) {
  bool declaration = m.type == "threatened" || m.type == "intends_to_cooperate";
  if (last > first && toks[last - 1].text == "?") return "question";
  for (uint32_t i = m.first; i > first && i + 4 > m.first; --i) {
    const std::string& w = toks[i - 1].lower;
    if (w == "not" || w == "n't" || w == "never" || w == "no" || w == "neither" || w == "nor") {
      return "negated";
    }
    if (w == "could" || w == "might" || w == "may" || w == "should" || w == "must" ||
        w == "can" || w == "cannot") {
      if (!declaration) return "hypothetical";
    }
    if ((w == "would" || w == "will" || w == "'ll" || w == "shall") && !declaration) {
      return "hypothetical";
    }
    if (w == "to" && i >= 2) {
      const std::string& v = toks[i - 2].lower;
      if (v == "plans" || v == "plan" || v == "planned" || v == "planning" || v == "expected" ||
          v == "set" || v == "likely" || v == "hopes" || v == "hope" || v == "wants" ||
          v == "want" || v == "going" || v == "due" || v == "seeks" || v == "sought" ||
          v == "refused" || v == "declined" || v == "failed" || v == "threatened") {
        return declaration ? "" : "planned";
      }
    }
    if (toks[i - 1].text == "," || toks[i - 1].text == ";") break;
  }
  // "is going to introduce a bill to end aid": a plan anywhere in the clause.
  for (uint32_t i = m.first; i > first && i + 12 > m.first; --i) {
    const std::string& w = toks[i - 1].lower;
    if (w == "," || w == ";" || w == "\"") break;
    bool plan_word = w == "plans" || w == "plan" || w == "planned" || w == "planning" ||
                     w == "going" || w == "intends" || w == "expected" || w == "hopes";
    if (plan_word && i < m.first && (toks[i].lower == "to" || toks[i].lower == "on") &&
        !declaration) {
      return "planned";
    }
  }
  for (uint32_t i = first; i < m.first; ++i) {
    const std::string& w = toks[i].lower;
    if (w == "whether" || w == "if" || w == "unless") {
      bool clause_closed = false;
      for (uint32_t j = i + 1; j < m.first; ++j) {
        if (toks[j].text == ",") clause_closed = true;
      }
      if (!clause_closed) return "hypothetical";
    }
    if (w == "denied" || w == "deny" || w == "denies" || w == "rejected") {
      if (m.form != VerbForm::kNoun) return "denied";
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
  return m.last < last && toks[m.last].lower == "by";
}

}  // namespace diplograph
