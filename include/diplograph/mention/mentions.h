// mention/mentions.h: the actors of one document and where they are named.
//
// WHAT IT IS: FindMentions() reads a segmented document and returns its
// entities (one per real-world actor: "Guo Shengkun", "Guo", "he" and
// "China's public security minister" are one) and, for every sentence, the
// noun phrases that refer to them, in text order and without overlap.
// GUARANTEES: deterministic; the Dictionary is only read, so documents can be
// analysed in parallel with one shared Dictionary.
#ifndef DIPLOGRAPH_MENTION_MENTIONS_H_
#define DIPLOGRAPH_MENTION_MENTIONS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "diplograph/mention/dictionary.h"
#include "diplograph/segment/segmenter.h"

namespace diplograph {

struct Entity {
  std::string id;
  std::string name;
  ActorKind kind = ActorKind::kOrganization;
  std::string country;  // ISO alpha-3
  std::string cameo;
  std::string gender;  // "m", "f", ""
  std::string family;  // occasions: "dialogue", "working-group", "summit", ...
  std::string topic;   // occasions: "cyber", ...
  std::vector<std::string> parties;  // occasions: ISO codes of the states taking part
  std::vector<std::string> aliases;  // surface forms, in order of appearance
  std::vector<std::string> roles;
  int dict = -1;  // index into Dictionary::actors(), or -1
  bool media = false;
  bool plural = false;  // groups
  bool state_body = false;  // a ministry, agency or force of its country's state
  std::string parent;       // dictionary id of the body it belongs to, or ""
  std::vector<int> affiliations;  // groups: the bodies or states named in them

  // Mentions inside other phrases ("PLA" in "five PLA officers"):
  // (sentence, first token, last token).
  struct Inner {
    int sentence;
    uint32_t first, last;
  };
  std::vector<Inner> inner_mentions;
  int mention_count = 0;
};

enum class RefKind : uint8_t {
  kName,         // a name, title + name, metonym ("Beijing"), organ, group, occasion
  kPronoun,      // he, she, it, they, the two sides
  kDescription,  // the ministry, the bloc, the foreign minister
  kModifier,     // a pre-nominal country adjective: "Russian hacking"
  kApposition,   // ", a State Councillor and China's public security minister,"
};

struct Ref {
  uint32_t first = 0;  // tokens [first, last) of the whole phrase
  uint32_t last = 0;
  std::vector<int> entities;  // resolved actors (several for "the two sides")
  RefKind kind = RefKind::kName;
  bool possessive = false;  // "China's", "its", "his"
  bool locative = false;    // a place ("talks in Washington"), not an actor
  bool reflexive = false;   // "each other"
};

struct SentenceRefs {
  std::vector<Ref> refs;
};

struct DocumentMentions {
  std::vector<Entity> entities;
  std::vector<SentenceRefs> sentences;  // parallel to Segmentation::sentences
};

// `date` is the article date ("YYYY-MM-DD" or ""), used to resolve roles
// ("the foreign minister") to office-holders.
DocumentMentions FindMentions(const Dictionary& dict, const Segmentation& seg,
                              std::string_view doc_id, std::string_view date);

}  // namespace diplograph

#endif  // DIPLOGRAPH_MENTION_MENTIONS_H_
