// segment/word_class.h: the closed English word classes the later stages
// test tokens against (months, number words, function words, head nouns of
// organisations and groups, role nouns, ...).
//
// WHAT IT IS: WordClassesOf() maps a lower-case word to a bitmask of its
// classes with one hash look-up. The tokenizer stores the mask in every
// Token (Token::classes), so a stage asks "is this a month?" with a bit test
// instead of hashing the word again at every rule that wants to know.
// The words:: predicates answer the same for any string.
// GUARANTEES: pure functions of the word; thread-safe.
#ifndef DIPLOGRAPH_SEGMENT_WORD_CLASS_H_
#define DIPLOGRAPH_SEGMENT_WORD_CLASS_H_

#include <cstdint>
#include <string_view>

namespace diplograph {

enum WordClass : uint32_t {
  kWcOrgHead = 1u << 0,          // head nouns of organisations ("ministry", "agency")
  kWcGroupNoun = 1u << 1,        // plural nouns for sets of people ("officers")
  kWcStateNoun = 1u << 2,        // nouns standing for a state ("government", "side")
  kWcNameStop = 1u << 3,         // capitalised words that never start a name
  kWcMonth = 1u << 4,            // "march", "sept."
  kWcWeekday = 1u << 5,          // "monday"
  kWcSpeechVerb = 1u << 6,       // "said", "told"
  kWcNumberWord = 1u << 7,       // "five", "dozens", or starting with a digit
  kWcOrdinal = 1u << 8,          // "third", "latest", "58th"
  kWcRoleNoun = 1u << 9,         // lower-case role nouns acting as titles ("spokeswoman")
  kWcVerbLike = 1u << 10,        // auxiliaries and common verbs ("are", "said")
  kWcTitleAdjective = 1u << 11,  // may stand before a role noun ("top", "deputy")
  kWcLikelyNoun = 1u << 12,      // reads as a noun after a country ("magazine", "-tion")
  kWcPlaceHead = 1u << 13,       // geographic and document heads ("sea", "treaty")
  kWcNameParticle = 1u << 14,    // "bin", "al", "van"
  kWcOccasionHead = 1u << 15,    // heads of named occasions ("talks", "summit")
  kWcOccasionTopic = 1u << 16,   // words that make an occasion specific ("cyber")
  kWcDateCue = 1u << 17,         // may start a time expression ("monday", "last", "3")
  kWcDeterminer = 1u << 18,      // after these a trigger word is a noun ("the", "its")
  kWcOfficePlural = 1u << 19,    // plural office-holders ("ministers", "counterparts")
  kWcMarkedModifier = 1u << 20,  // modifiers singling out a set of people ("renegade")
  kWcPronounLead = 1u << 21,     // words a pronoun phrase starts with ("he", "their", "both")
};

// The classes of `lower` (a lower-case word or token).
uint32_t WordClassesOf(std::string_view lower);
// The same, given WordHash(lower).
uint32_t WordClassesOf(std::string_view lower, uint64_t hash);

// FNV-1a of a word: the tokenizer keeps it in Token::hash, so that look-ups
// of words and of token spans (the gazetteer) never hash a token twice.
constexpr uint64_t WordHash(std::string_view w) {
  uint64_t h = 14695981039346656037ull;
  for (char c : w) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

namespace words {

// Head nouns that make a capitalised phrase an organisation ("... Agency").
inline bool IsOrgHead(std::string_view w) { return (WordClassesOf(w) & kWcOrgHead) != 0; }
// Plural nouns for sets of people or bodies ("officers", "diplomats").
inline bool IsGroupNoun(std::string_view w) { return (WordClassesOf(w) & kWcGroupNoun) != 0; }
// Nouns that, after a country adjective, stand for the state itself
// ("Chinese government", "the Russian side").
inline bool IsStateNoun(std::string_view w) { return (WordClassesOf(w) & kWcStateNoun) != 0; }
// Capitalised words that never start a name: function words, days, months.
inline bool IsNameStop(std::string_view w) { return (WordClassesOf(w) & kWcNameStop) != 0; }
inline bool IsMonth(std::string_view w) { return (WordClassesOf(w) & kWcMonth) != 0; }
inline bool IsWeekday(std::string_view w) { return (WordClassesOf(w) & kWcWeekday) != 0; }
// Verbs of saying ("said", "told") that follow a speaker's name.
inline bool IsSpeechVerb(std::string_view w) { return (WordClassesOf(w) & kWcSpeechVerb) != 0; }
// Number words and digits ("five", "35", "two").
inline bool IsNumberWord(std::string_view w) { return (WordClassesOf(w) & kWcNumberWord) != 0; }
// Ordinals ("third", "3rd", "latest", "next").
inline bool IsOrdinal(std::string_view w) { return (WordClassesOf(w) & kWcOrdinal) != 0; }
// Lower-case role nouns that act as titles before a name ("spokeswoman").
inline bool IsRoleNoun(std::string_view w) { return (WordClassesOf(w) & kWcRoleNoun) != 0; }
// Auxiliaries and common verbs that cannot be the noun after an adjective
// ("the Chinese are", "the French have").
inline bool IsVerbLike(std::string_view w) { return (WordClassesOf(w) & kWcVerbLike) != 0; }
// Lower-case words that may stand before a role noun in a title ("top",
// "national security", "deputy"): not prepositions, verbs or function words.
inline bool IsTitleAdjective(std::string_view w) {
  return (WordClassesOf(w) & kWcTitleAdjective) != 0;
}
// Words that read as nouns after a country ("the US magazine", "the U.S.
// indictment"), making the country a modifier rather than the subject.
inline bool IsLikelyNoun(std::string_view w) { return (WordClassesOf(w) & kWcLikelyNoun) != 0; }
// Geographic head nouns ("Peninsula", "Sea"): such names are places.
inline bool IsPlaceHead(std::string_view w) { return (WordClassesOf(w) & kWcPlaceHead) != 0; }
// Name particles inside names ("bin", "al", "de", "van").
inline bool IsNameParticle(std::string_view w) { return (WordClassesOf(w) & kWcNameParticle) != 0; }
// Occasion head nouns and their family: "dialogue" -> "dialogue",
// "talks" -> "dialogue", "summit" -> "summit"; "" when not an occasion head.
std::string_view OccasionFamily(std::string_view lower);
// Words that make an occasion specific ("cybercrime", "ministerial").
// Returns the normalised topic ("cyber") or "" for none, and "\x01" for a
// word that is not a topic word.
std::string_view OccasionTopic(std::string_view lower);

}  // namespace words

}  // namespace diplograph

#endif  // DIPLOGRAPH_SEGMENT_WORD_CLASS_H_
