// Argument finding for one trigger (private to the event stage).
#ifndef DIPLOGRAPH_EVENT_FRAMES_H_
#define DIPLOGRAPH_EVENT_FRAMES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "diplograph/event/lexicon.h"
#include "diplograph/mention/mentions.h"

namespace diplograph {

struct Group {
  std::vector<int> entities;
  uint32_t first = 0, last = 0;  // tokens covered
  bool reflexive = false;
  bool found() const { return !entities.empty() || reflexive; }
};

// The actors a sentence refers to, with helpers to find the arguments of a
// trigger among them.
class SentenceFrame {
 public:
  SentenceFrame(const std::vector<Token>& toks, const Sentence& s, const SentenceRefs& refs,
                const std::vector<Entity>& entities)
      : toks_(toks), s_(s), refs_(refs.refs), ents_(entities) {}

  // Nearest actor phrase ending at or before `pos`, with the phrases
  // coordinated with it ("A, B and C").
  Group Left(uint32_t pos, bool allow_events = false) const;
  // Nearest actor phrase starting at or after `pos` within `window` tokens.
  Group Right(uint32_t pos, uint32_t window, bool allow_modifier, bool allow_locative) const;
  // The subject of the sentence: its first actor phrase (with coordination).
  Group Subject() const;
  // A possessor or modifier directly before token `pos` ("her claims",
  // "the U.S. indictment").
  Group Possessor(uint32_t pos) const;
  // The first actor phrase in [first, last), modifiers and possessors included.
  Group FirstBetween(uint32_t first, uint32_t last) const;
  // An actor phrase inside [first, last).
  Group Inside(uint32_t first, uint32_t last) const;
  // The first occasion (event entity) after `pos`.
  Group OccasionAfter(uint32_t pos) const;
  bool Covered(uint32_t token) const;  // inside a name phrase
  bool InOccasion(uint32_t token) const;  // inside a named occasion

  const std::vector<Token>& toks() const { return toks_; }
  const Sentence& sentence() const { return s_; }

  // Whether Right() may return a possessor right after the trigger.
  void set_allow_possessor(bool v) const { allow_possessor_ = v; }

 private:
  mutable bool allow_possessor_ = false;
  bool Usable(const Ref& r, bool allow_modifier, bool allow_locative) const;
  Group Extend(size_t index, int direction) const;

  const std::vector<Token>& toks_;
  const Sentence& s_;
  const std::vector<Ref>& refs_;
  const std::vector<Entity>& ents_;
};

}  // namespace diplograph

#endif  // DIPLOGRAPH_EVENT_FRAMES_H_
