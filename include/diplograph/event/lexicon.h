// event/lexicon.h: the event triggers (data/lexicon/events.json).
//
// Each trigger is a verb pattern ("impose/imposed/imposed sanctions on", the
// head verb inflected automatically), a noun pattern ("noun:talks between")
// or a plain word pattern ("willing to work with"). Build with AddFile(),
// then the object is immutable and thread-safe.
#ifndef DIPLOGRAPH_EVENT_LEXICON_H_
#define DIPLOGRAPH_EVENT_LEXICON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "diplograph/core/diagnostics.h"
#include "diplograph/segment/hash_filter.h"
#include "diplograph/segment/segmenter.h"

namespace diplograph {

enum class VerbForm : uint8_t { kBase, kThird, kPast, kParticiple, kPastOrParticiple, kIng,
                                kNoun, kWord };

struct TriggerMatch {
  std::string type;
  VerbForm form = VerbForm::kBase;
  uint32_t first = 0;  // tokens [first, last) of the whole pattern
  uint32_t last = 0;
  bool ends_in_preposition = false;  // "sanctions on": the target follows directly
  std::string frame;  // "" (subject acts on object) or "evaluation" ("X said Y's move was absurd")
};

class Lexicon {
 public:
  Lexicon() = default;
  // head_index_ points into by_head_'s nodes: a move keeps them, a copy would not.
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;
  Lexicon(Lexicon&&) = default;
  Lexicon& operator=(Lexicon&&) = default;

  // Adds a trigger file; reports bad JSON or patterns with file and entry.
  bool AddFile(std::string_view name, std::string_view content, Diagnostics* diags);

  // The longest trigger starting at token i (before `end`), if any. After a
  // determiner ("the meeting", "cyber attacks") only noun patterns match.
  bool MatchAt(const std::vector<Token>& tokens, uint32_t i, uint32_t end, bool after_determiner,
               TriggerMatch* out) const;
  // False when MatchAt() surely finds nothing at token i: its word heads no
  // pattern and no hyphen joins it to the next. One bit test for most
  // tokens, so a caller may skip preparing MatchAt()'s arguments.
  bool MayMatchAt(const std::vector<Token>& tokens, uint32_t i, uint32_t end) const;

  size_t size() const { return count_; }

 private:
  struct Entry {
    std::string type;
    VerbForm form;
    std::vector<std::string> rest;  // each "a|b" alternatives, or "*"
    std::string frame;
  };
  void AddPattern(const std::string& type, const std::string& frame, std::string_view pattern);
  using Heads = std::unordered_map<std::string, std::vector<Entry>>;
  // The patterns of a head word, or nullptr; `hash` is WordHash(head), which
  // tokens carry, so that scanning a sentence hashes no string.
  const std::vector<Entry>* FindHead(std::string_view head, uint64_t hash) const;
  // Rebuilds head_index_ from by_head_.
  void IndexHeads();
  Heads by_head_;
  // The same heads by WordHash, in an open-addressing table (a power of two
  // in size, at most half full; collisions are told apart by the key). Most
  // tokens are no trigger, and a miss costs a probe or two in one flat array.
  struct HeadSlot {
    uint64_t hash = 0;
    const Heads::value_type* head = nullptr;  // nullptr: a free slot
  };
  std::vector<HeadSlot> head_index_;
  HashFilter head_filter_;  // the hashes in head_index_, checked first
  size_t count_ = 0;
};

}  // namespace diplograph

#endif  // DIPLOGRAPH_EVENT_LEXICON_H_
